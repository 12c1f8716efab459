"""Public pages: server-rendered, only published meetings, filters in the URL."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.core.paginator import Page
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse

from meetings.browse import Selection, paginate
from meetings.filters import MeetingFilter, all_countries
from meetings.models import (
    SUBJECT_COLUMNS,
    Country,
    Meeting,
    MeetingQuerySet,
    Occasion,
    Official,
    Subject,
    Topic,
    Venue,
    pair_url,
)
from meetings.templatetags.meetings_tags import percent

Kind = Subject.Kind


def published() -> MeetingQuerySet:
    return Meeting.objects.published()


def page_number(request: HttpRequest):
    return request.GET.get("page") or 1


def filter_meetings(request: HttpRequest, **fixed) -> tuple[MeetingFilter, Selection | None]:
    """The URL's filters as a selection; malformed ones give None and errors to show."""
    data = request.GET
    if "issue" in data and "topic" not in data:
        # addresses from when topics were called issues
        data = data.copy()
        data.setlist("topic", data.pop("issue"))
    filterset = MeetingFilter(data or None, queryset=published(), request=request)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, None
    cleaned = filterset.form.cleaned_data if filterset.is_bound else {}
    return filterset, Selection.from_filters(cleaned, **fixed)


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
    """The page of a list whose filters are malformed: nothing, and the form's messages."""
    return paginate([], 1, count=0, load=list)


def home(request: HttpRequest) -> HttpResponse:
    everything = Selection()
    ctx = {
        "latest": everything.latest(12),
        "pairs": everything.pairs(),
        "total": everything.total(),
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
        "pair_url": pair_url(*countries) if len(countries) == 2 else None,
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


# more years than this are drawn by decade
LONG = 40


def chart(years: list[dict], query: str, *, newest_first: bool = False) -> dict:
    """A page's bars of meetings per year, or per decade where the years are too many to read,
    oldest first (or newest); each links to the timeline of its period with the page's
    filters."""
    if len(years) <= LONG:
        rows = [
            {
                "label": str(y["year"]),
                "count": y["count"],
                "pct": y["pct"],
                "url": reverse("meetings:year", args=[y["year"]]) + (f"?{query}" if query else ""),
            }
            for y in years
        ]
        return {"unit": "year", "rows": rows[::-1] if newest_first else rows}
    decades: dict[int, int] = {}
    for y in years:
        decades[y["year"] // 10 * 10] = decades.get(y["year"] // 10 * 10, 0) + y["count"]
    top = max(decades.values())
    timeline = reverse("meetings:timeline")
    rows = [
        {
            "label": f"{decade}s",
            "count": n,
            "pct": percent(n, top),
            "url": f"{timeline}?{query}{'&' if query else ''}"
            f"from={decade}-01-01&to={decade + 9}-12-31",
        }
        for decade, n in sorted(decades.items(), reverse=newest_first)
    ]
    return {"unit": "decade", "rows": rows}


def timeline(request: HttpRequest) -> HttpResponse:
    filterset, selection = filter_meetings(request)
    query = request.GET.copy()
    query.pop("page", None)
    years = selection.years() if selection else []
    ctx = filter_context(filterset) | {"chart": chart(years, query.urlencode(), newest_first=True)}
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
    counts = dict(
        Subject.objects.filter(kind=Kind.COUNTRY, meetings__gt=0).values_list(
            "country_id", "meetings"
        )
    )
    countries = list(Country.objects.all())
    for c in countries:
        c.n = counts.get(c.pk, 0)
    active = sorted((c for c in countries if c.n), key=lambda c: (-c.n, c.name))
    quiet = [c for c in countries if not c.n]
    return render(request, "meetings/country_list.html", {"active": active, "quiet": quiet})


def get_country(code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


def subject_context(request: HttpRequest, selection: Selection, query: str) -> dict:
    """What every subject page shows: a page of meetings, the total and the years (query: the
    list filters that select the same meetings, for the chart's links)."""
    return {
        "page": selection.page(page_number(request)),
        "chart": chart(selection.years(), query),
        "total": selection.total(),
    }


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.lower():
        return redirect("meetings:country", code.lower(), permanent=True)
    country = get_country(code)
    selection = Selection(countries=(country,))
    ctx = subject_context(request, selection, f"country={country.url_code}") | {
        "country": country,
        "partners": [{"country": c, "count": c.n} for c in selection.ranked(Kind.COUNTRY, 15)],
        "topics": selection.ranked(Kind.TOPIC, 8),
        "officials": selection.ranked(
            Kind.OFFICIAL, 8, among=Official.objects.filter(country=country)
        ),
    }
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
    query = f"country={country_a.url_code}&country={country_b.url_code}"
    ctx = subject_context(request, selection, query) | {
        "a": country_a,
        "b": country_b,
        "topics": selection.ranked(Kind.TOPIC, 8),
        "venues": selection.ranked(Kind.VENUE, 8),
        "officials": selection.ranked(Kind.OFFICIAL, 10),
    }
    return render(request, "meetings/pair.html", ctx)


def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    official = get_object_or_404(Official.objects.select_related("country"), slug=slug)
    selection = Selection(official=official)
    ctx = subject_context(request, selection, f"official={official.slug}") | {
        "official": official,
        "positions": official.positions.select_related("country"),
        "counterparts": selection.ranked(Kind.OFFICIAL, 10),
    }
    return render(request, "meetings/official_detail.html", ctx)


@dataclass(frozen=True)
class SubjectPage:
    """A page about one topic, venue or occasion: its meetings, years and busiest pairs."""

    model: type
    related: tuple[str, ...]
    template: str


SUBJECT_PAGES = {
    "topic": SubjectPage(Topic, ("parent",), "meetings/topic_detail.html"),
    "venue": SubjectPage(Venue, ("country",), "meetings/venue_detail.html"),
    "occasion": SubjectPage(Occasion, ("venue__country",), "meetings/occasion_detail.html"),
}


def subject_detail(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    """The page of a topic, a venue or an occasion."""
    page = SUBJECT_PAGES[kind]
    thing = get_object_or_404(page.model.objects.select_related(*page.related), slug=slug)
    selection = Selection(**{kind: thing})
    ctx = subject_context(request, selection, f"{kind}={thing.slug}") | {
        kind: thing,
        "pairs": selection.pairs(),
    }
    if kind == "topic":
        ctx["children"] = thing.children.all()
    elif kind == "venue":
        ctx["occasions"] = thing.occasions.all()
    return render(request, page.template, ctx)


DIRECTORIES = {
    "officials": ("Officials", "Official", "Everyone recorded in a meeting, most active first."),
    "topics": ("Topics", "Topic", "The topics meetings are filed under, most discussed first."),
    "venues": ("Venues", "Venue", "Cities and places where officials met, busiest first."),
    "occasions": (
        "Occasions",
        "Occasion",
        "Summits and ministerials on whose sidelines officials met.",
    ),
}
DIRECTORY_KINDS = {
    "officials": (Kind.OFFICIAL, "official__country"),
    "topics": (Kind.TOPIC, "topic__parent"),
    "venues": (Kind.VENUE, "venue__country"),
    "occasions": (Kind.OCCASION, "occasion__venue"),
}


def directory(request: HttpRequest, kind: str) -> HttpResponse:
    """The officials, topics, venues or occasions with published meetings, busiest first."""
    subject_kind, related = DIRECTORY_KINDS[kind]
    ranked = (
        Subject.objects.filter(kind=subject_kind, meetings__gt=0)
        .select_related(related)
        .order_by("-meetings", "id")
    )
    page = paginate(ranked, page_number(request), per_page=50, load=list)
    column = SUBJECT_COLUMNS[subject_kind][0]
    items = []
    for subject in page.object_list:
        item = getattr(subject, column)
        item.n = subject.meetings
        items.append(item)
    heading, column_title, intro = DIRECTORIES[kind]
    ctx = {
        "kind": kind,
        "page": page,
        "items": items,
        "heading": heading,
        "column": column_title,
        "intro": intro,
    }
    return render(request, "meetings/directory.html", ctx)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every page, the admin's included."""
    return redirect(static("favicon.svg"), permanent=True)
