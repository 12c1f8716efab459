"""Public pages: server-rendered, only published meetings, filters in the URL."""

from __future__ import annotations

import calendar
import datetime

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse

from meetings import browse
from meetings.browse import Selection
from meetings.filters import MeetingFilter, all_countries
from meetings.index import ALL
from meetings.models import (
    Country,
    Issue,
    Meeting,
    MeetingQuerySet,
    Occasion,
    Official,
    Tally,
    Venue,
)
from meetings.templatetags.meetings_tags import percent


def published() -> MeetingQuerySet:
    return Meeting.objects.published()


def page_number(request: HttpRequest):
    return request.GET.get("page") or 1


def paginate(request: HttpRequest, qs, per_page: int | None = None) -> Page:
    """One page of qs; a page number that is not one (page=-1, page=x, too far) is a 404."""
    paginator = Paginator(qs, per_page or settings.MEETINGS_PER_PAGE)
    return browse.page_or_404(paginator, page_number(request))


def filter_meetings(request: HttpRequest, **fixed) -> tuple[MeetingFilter, Selection | None]:
    """The URL's filters as a selection; malformed ones give None and errors to show."""
    filterset = MeetingFilter(request.GET or None, queryset=published(), request=request)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, None
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    return filterset, Selection.from_filters(data, **fixed)


def filter_context(filterset: MeetingFilter) -> dict:
    chosen = (
        [c.strip().lower() for c in filterset.data.getlist("country")] if filterset.data else []
    )
    return {
        "filter": filterset,
        "form": filterset.form,
        "all_countries": all_countries(),
        # one select per chosen country, and always room for a pair
        "country_slots": chosen + [""] * max(0, 2 - len(chosen)),
    }


def empty_page() -> Page:
    return Paginator([], settings.MEETINGS_PER_PAGE).page(1)


def home(request: HttpRequest) -> HttpResponse:
    everything = Selection()
    ctx = {
        "latest": everything.latest(12),
        "pairs": everything.pairs(),
        "total": sum(y["count"] for y in everything.years()),
    }
    return render(request, "meetings/home.html", ctx)


def meeting_list(request: HttpRequest) -> HttpResponse:
    filterset, selection = filter_meetings(request)
    page = selection.page(page_number(request)) if selection else empty_page()
    ctx = filter_context(filterset) | {"page": page}
    return render(request, "meetings/meeting_list.html", ctx)


def about(request: HttpRequest) -> HttpResponse:
    """What the tracker holds and how to read it; touches no database."""
    return render(request, "meetings/about.html")


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(published().with_related(), pk=pk)
    countries = sorted({p.country for p in meeting.participations.all()}, key=lambda c: c.code)
    ctx = {
        "meeting": meeting,
        "countries": countries,
        "sources": meeting.meeting_sources.select_related("source"),
        "pair_url": pair_url(countries),
    }
    if countries:
        # the same countries' meetings just before and after this one
        same = Selection(countries=tuple(countries)).ids()
        before = Q(date__lt=meeting.date) | Q(date=meeting.date, meeting_id__lt=meeting.pk)
        after = Q(date__gt=meeting.date) | Q(date=meeting.date, meeting_id__gt=meeting.pk)
        older = same.filter(before).first()
        newer = same.filter(after).reverse().first()
        near = {
            m.pk: m
            for m in Meeting.objects.select_related("venue").filter(pk__in=[older or 0, newer or 0])
        }
        ctx["previous"], ctx["next"] = near.get(older), near.get(newer)
    return render(request, "meetings/meeting_detail.html", ctx)


def pair_url(countries: list[Country]) -> str | None:
    if len(countries) != 2:
        return None
    a, b = sorted(c.code.lower() for c in countries)
    return reverse("meetings:pair", args=[a, b])


def timeline(request: HttpRequest) -> HttpResponse:
    filterset, selection = filter_meetings(request)
    ctx = filter_context(filterset) | {"years": selection.years() if selection else []}
    return render(request, "meetings/timeline.html", ctx)


def valid_year(year: int) -> int:
    if not 1900 <= year <= 2100:
        raise Http404("The timeline covers the years 1900 to 2100.")
    return year


def timeline_year(request: HttpRequest, year: int) -> HttpResponse:
    valid_year(year)
    filterset, selection = filter_meetings(request)
    counts = selection.months(year) if selection else {}
    top = max(counts.values(), default=0) or 1
    months = [
        {
            "number": m,
            "name": calendar.month_name[m],
            "count": counts.get(m, 0),
            "pct": percent(counts.get(m, 0), top),
        }
        for m in range(1, 13)
    ]
    if selection:
        within = selection.narrowed(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        page = within.page(page_number(request))
    else:
        page = empty_page()
    ctx = filter_context(filterset) | {"year": year, "months": months, "page": page}
    return render(request, "meetings/timeline_year.html", ctx)


def timeline_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    valid_year(year)
    if not 1 <= month <= 12:
        raise Http404("A month is a number from 1 to 12.")
    filterset, selection = filter_meetings(request)
    first = datetime.date(year, month, 1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    if selection:
        within = selection.narrowed(first, following - datetime.timedelta(days=1))
        page = within.page(page_number(request))
    else:
        page = empty_page()
    ctx = filter_context(filterset) | {
        "year": year,
        "month": first,
        "previous_month": (first - datetime.timedelta(days=1)).replace(day=1),
        "next_month": following,
        "page": page,
    }
    return render(request, "meetings/timeline_month.html", ctx)


def country_list(request: HttpRequest) -> HttpResponse:
    counts = {int(ref): n for ref, n in Selection().tallies("c").items()}
    countries = list(Country.objects.all())
    for c in countries:
        c.n = counts.get(c.pk, 0)
    active = sorted((c for c in countries if c.n), key=lambda c: (-c.n, c.name))
    quiet = [c for c in countries if not c.n]
    return render(request, "meetings/country_list.html", {"active": active, "quiet": quiet})


def get_country(code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


def subject_context(request: HttpRequest, selection: Selection) -> dict:
    """What every subject page shows: a page of meetings, the total and the years."""
    years = selection.years()
    return {
        "page": selection.page(page_number(request)),
        "years": years,
        "total": sum(y["count"] for y in years),
    }


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.lower():
        return redirect("meetings:country", code.lower(), permanent=True)
    country = get_country(code)
    selection = Selection(countries=(country,))
    selection.read_tallies("y", "c", "i")
    ctx = subject_context(request, selection) | {
        "country": country,
        "partners": [{"country": c, "count": c.n} for c in selection.ranked("c", Country, 15)],
        "issues": selection.ranked("i", Issue, 8),
        "officials": selection.ranked(
            "o",
            Official,
            8,
            only=Official.objects.filter(country=country),
        ),
    }
    for o in ctx["officials"]:
        o.country = country
    return render(request, "meetings/country_detail.html", ctx)


def pair(request: HttpRequest, a: str, b: str) -> HttpResponse:
    if a.lower() == b.lower():
        raise Http404("A pair needs two different countries.")
    found = {c.code: c for c in Country.objects.filter(code__in=[a.upper(), b.upper()])}
    missing = [code for code in (a, b) if code.upper() not in found]
    if missing:
        raise Http404(f"No country has the code “{missing[0].lower()}”.")
    country_a, country_b = found[a.upper()], found[b.upper()]
    first, second = sorted([a.lower(), b.lower()])
    if (a, b) != (first, second):
        return redirect("meetings:pair", first, second, permanent=True)
    selection = Selection(countries=(country_a, country_b))
    selection.read_tallies("y", "i", "v", "o")
    venues = selection.ranked("v", Venue, 8)
    officials = selection.ranked("o", Official, 10)
    places = browse.by_id(
        Country.objects.all(),
        {v.country_id for v in venues} | {o.country_id for o in officials if o.country_id},
    )
    for row in [*venues, *officials]:
        if row.country_id:
            row.country = places[row.country_id]
    ctx = subject_context(request, selection) | {
        "a": country_a,
        "b": country_b,
        "issues": selection.ranked("i", Issue, 8),
        "venues": venues,
        "officials": officials,
    }
    return render(request, "meetings/pair.html", ctx)


def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    official = get_object_or_404(Official.objects.select_related("country"), slug=slug)
    selection = Selection(official=official)
    counterparts = selection.ranked("o", Official, 10)
    places = browse.by_id(Country.objects.all(), {o.country_id for o in counterparts})
    for o in counterparts:
        o.country = places.get(o.country_id)
    ctx = subject_context(request, selection) | {
        "official": official,
        "positions": official.positions.select_related("country"),
        "counterparts": counterparts,
    }
    return render(request, "meetings/official_detail.html", ctx)


def issue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(Issue.objects.select_related("parent"), slug=slug)
    selection = Selection(issue=issue)
    ctx = subject_context(request, selection) | {
        "issue": issue,
        "children": issue.children.all(),
        "pairs": selection.pairs(),
    }
    return render(request, "meetings/issue_detail.html", ctx)


def venue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    venue = get_object_or_404(Venue.objects.select_related("country"), slug=slug)
    selection = Selection(venue=venue)
    ctx = subject_context(request, selection) | {
        "venue": venue,
        "occasions": venue.occasions.all(),
        "pairs": selection.pairs(),
    }
    return render(request, "meetings/venue_detail.html", ctx)


def occasion_detail(request: HttpRequest, slug: str) -> HttpResponse:
    occasion = get_object_or_404(Occasion.objects.select_related("venue__country"), slug=slug)
    selection = Selection(occasion=occasion)
    ctx = subject_context(request, selection) | {
        "occasion": occasion,
        "pairs": selection.pairs(),
    }
    return render(request, "meetings/occasion_detail.html", ctx)


DIRECTORIES = {
    "officials": ("Officials", "Official", "Everyone recorded in a meeting, most active first."),
    "issues": ("Topics", "Topic", "The topics meetings are filed under, most discussed first."),
    "venues": ("Venues", "Venue", "Cities and places where officials met, busiest first."),
    "occasions": (
        "Occasions",
        "Occasion",
        "Summits and ministerials on whose sidelines officials met.",
    ),
}


DIRECTORY_MODELS = {"officials": ("o", Official), "issues": ("i", Issue), "venues": ("v", Venue)}
DIRECTORY_MODELS["occasions"] = ("e", Occasion)


def directory(request: HttpRequest, kind: str) -> HttpResponse:
    """The officials, topics, venues or occasions with published meetings, busiest first."""
    letter, model = DIRECTORY_MODELS[kind]
    ranked = (
        Tally.objects.filter(key=ALL, kind=letter, n__gt=0)
        .order_by("-n", "ref")
        .values_list("ref", "n")
    )
    page = paginate(request, ranked, per_page=50)
    related = {"officials": ["country"], "issues": ["parent"], "venues": ["country"]}
    found = model.objects.select_related(*related.get(kind, ["venue"])).in_bulk(
        [int(ref) for ref, _ in page.object_list]
    )
    items = []
    for ref, n in page.object_list:
        item = found.get(int(ref))
        if item is not None:
            item.n = n
            items.append(item)
    heading, column, intro = DIRECTORIES[kind]
    ctx = {
        "kind": kind,
        "page": page,
        "items": items,
        "heading": heading,
        "column": column,
        "intro": intro,
    }
    return render(request, "meetings/directory.html", ctx)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every page, the admin's included."""
    return redirect(static("favicon.svg"), permanent=True)
