"""Public pages: server-rendered, only published meetings, filters in the URL."""

from __future__ import annotations

import calendar
import datetime

from django.conf import settings
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse

from meetings.filters import MeetingFilter
from meetings.models import (
    Country,
    Issue,
    Meeting,
    MeetingCountry,
    MeetingQuerySet,
    Occasion,
    Official,
    Venue,
)
from meetings.templatetags.meetings_tags import percent


def published() -> MeetingQuerySet:
    return Meeting.objects.published()


def paginate(request: HttpRequest, qs, per_page: int | None = None) -> Page:
    """One page of qs; a page number that is not one (page=-1, page=x, too far) is a 404."""
    paginator = Paginator(qs, per_page or settings.MEETINGS_PER_PAGE)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404(
            f"There is no page “{str(number)[:20]}” here: pages run from 1 to "
            f"{paginator.num_pages}."
        ) from None


def filter_meetings(
    request: HttpRequest, qs: MeetingQuerySet
) -> tuple[MeetingFilter, MeetingQuerySet]:
    """Apply the URL's filters; malformed ones leave no result and errors to show."""
    filterset = MeetingFilter(request.GET or None, queryset=qs, request=request)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, qs.none()
    return filterset, filterset.qs


def meeting_page(request: HttpRequest, qs: MeetingQuerySet) -> Page:
    """A page of meetings, newest first, with what each row shows loaded in fixed queries."""
    return paginate(request, qs.with_related().newest_first())


def filter_context(filterset: MeetingFilter) -> dict:
    chosen = (
        [c.strip().lower() for c in filterset.data.getlist("country")] if filterset.data else []
    )
    return {
        "filter": filterset,
        "form": filterset.form,
        "all_countries": Country.objects.only("code", "name"),
        # one select per chosen country, and always room for a pair
        "country_slots": chosen + [""] * max(0, 2 - len(chosen)),
    }


def years_chart(qs: MeetingQuerySet) -> list[dict]:
    """Meetings per year, every year from the first to the last (gaps show as zero)."""
    counts = dict(
        qs.order_by()
        .annotate(year=ExtractYear("date"))
        .values_list("year")
        .annotate(n=Count("id"))
        .values_list("year", "n")
    )
    if not counts:
        return []
    years = range(min(counts), max(counts) + 1)
    top = max(counts.values())
    return [
        {"year": y, "count": counts.get(y, 0), "pct": percent(counts.get(y, 0), top)} for y in years
    ]


def top_issues(qs: MeetingQuerySet, limit: int = 8) -> list[Issue]:
    return list(
        Issue.objects.filter(meetings__in=qs.order_by().values("pk"))
        .annotate(n=Count("meetings"))
        .order_by("-n", "name")[:limit]
    )


def top_venues(qs: MeetingQuerySet, limit: int = 8) -> list[Venue]:
    return list(
        Venue.objects.filter(meetings__in=qs.order_by().values("pk"))
        .select_related("country")
        .annotate(n=Count("meetings"))
        .order_by("-n", "name")[:limit]
    )


def top_officials(
    qs: MeetingQuerySet,
    limit: int = 10,
    *,
    country: Country | None = None,
    leave_out: Official | None = None,
) -> list[Official]:
    """Officials ranked by their meetings in qs; only those who came for country, when given."""
    taking_part = Q(participations__meeting__in=qs.order_by().values("pk"))
    if country is not None:
        taking_part &= Q(participations__country=country)
    officials = Official.objects.filter(taking_part)
    if leave_out is not None:
        officials = officials.exclude(pk=leave_out.pk)
    return list(
        officials.select_related("country")
        .annotate(n=Count("participations"))
        .order_by("-n", "name")[:limit]
    )


def busiest_pairs(qs: MeetingQuerySet, limit: int = 8) -> list[dict]:
    """Country pairs ranked by the number of meetings in qs in which both took part."""
    rows = (
        MeetingCountry.objects.filter(meeting__in=qs.order_by().values("pk"))
        .filter(meeting__meeting_countries__country__code__gt=F("country__code"))
        .values("country", "meeting__meeting_countries__country")
        .annotate(n=Count("meeting", distinct=True))
        .order_by("-n")[:limit]
    )
    rows = list(rows)
    ids = {r["country"] for r in rows} | {r["meeting__meeting_countries__country"] for r in rows}
    countries = Country.objects.in_bulk(ids)
    return [
        {
            "a": countries[r["country"]],
            "b": countries[r["meeting__meeting_countries__country"]],
            "count": r["n"],
        }
        for r in rows
    ]


def home(request: HttpRequest) -> HttpResponse:
    qs = published()
    latest = list(qs.with_related().newest_first()[:12])
    ctx = {
        "latest": latest,
        "pairs": busiest_pairs(qs),
        "total": qs.count(),
    }
    return render(request, "meetings/home.html", ctx)


def meeting_list(request: HttpRequest) -> HttpResponse:
    filterset, qs = filter_meetings(request, published())
    ctx = filter_context(filterset) | {"page": meeting_page(request, qs)}
    return render(request, "meetings/meeting_list.html", ctx)


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(published().with_related(), pk=pk)
    countries = sorted({p.country for p in meeting.participations.all()}, key=lambda c: c.code)
    same = published().involving(*countries).exclude(pk=meeting.pk).select_related("venue")
    before = Q(date__lt=meeting.date) | Q(date=meeting.date, pk__lt=meeting.pk)
    after = Q(date__gt=meeting.date) | Q(date=meeting.date, pk__gt=meeting.pk)
    ctx = {
        "meeting": meeting,
        "countries": countries,
        "sources": meeting.meeting_sources.select_related("source"),
        "previous": same.filter(before).order_by("-date", "-pk").first() if countries else None,
        "next": same.filter(after).order_by("date", "pk").first() if countries else None,
        "pair_url": pair_url(countries),
    }
    return render(request, "meetings/meeting_detail.html", ctx)


def pair_url(countries: list[Country]) -> str | None:
    if len(countries) != 2:
        return None
    a, b = sorted(c.code.lower() for c in countries)
    return reverse("meetings:pair", args=[a, b])


def timeline(request: HttpRequest) -> HttpResponse:
    filterset, qs = filter_meetings(request, published())
    ctx = filter_context(filterset) | {"years": years_chart(qs)}
    return render(request, "meetings/timeline.html", ctx)


def valid_year(year: int) -> int:
    if not 1900 <= year <= 2100:
        raise Http404("The timeline covers the years 1900 to 2100.")
    return year


def timeline_year(request: HttpRequest, year: int) -> HttpResponse:
    valid_year(year)
    filterset, qs = filter_meetings(request, published())
    qs = qs.filter(date__year=year)
    counts = dict(
        qs.order_by()
        .annotate(month=ExtractMonth("date"))
        .values_list("month")
        .annotate(n=Count("id"))
        .values_list("month", "n")
    )
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
    ctx = filter_context(filterset) | {
        "year": year,
        "months": months,
        "page": meeting_page(request, qs),
    }
    return render(request, "meetings/timeline_year.html", ctx)


def timeline_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    valid_year(year)
    if not 1 <= month <= 12:
        raise Http404("A month is a number from 1 to 12.")
    filterset, qs = filter_meetings(request, published())
    qs = qs.filter(date__year=year, date__month=month)
    first = datetime.date(year, month, 1)
    ctx = filter_context(filterset) | {
        "year": year,
        "month": first,
        "previous_month": (first - datetime.timedelta(days=1)).replace(day=1),
        "next_month": (first + datetime.timedelta(days=32)).replace(day=1),
        "page": meeting_page(request, qs),
    }
    return render(request, "meetings/timeline_month.html", ctx)


def country_list(request: HttpRequest) -> HttpResponse:
    counts = dict(
        MeetingCountry.objects.filter(meeting__status=Meeting.Status.PUBLISHED)
        .values_list("country")
        .annotate(n=Count("meeting"))
        .values_list("country", "n")
    )
    countries = list(Country.objects.all())
    for c in countries:
        c.n = counts.get(c.pk, 0)
    active = sorted((c for c in countries if c.n), key=lambda c: (-c.n, c.name))
    quiet = [c for c in countries if not c.n]
    return render(request, "meetings/country_list.html", {"active": active, "quiet": quiet})


def get_country(code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.lower():
        return redirect("meetings:country", code.lower(), permanent=True)
    country = get_country(code)
    qs = published().involving(country)
    partners = list(
        MeetingCountry.objects.filter(meeting__in=qs.order_by().values("pk"))
        .exclude(country=country)
        .values("country")
        .annotate(n=Count("meeting"))
        .order_by("-n")[:15]
    )
    by_id = Country.objects.in_bulk([p["country"] for p in partners])
    ctx = {
        "country": country,
        "partners": [{"country": by_id[p["country"]], "count": p["n"]} for p in partners],
        "page": meeting_page(request, qs),
        "years": years_chart(qs),
        "issues": top_issues(qs),
        "officials": top_officials(qs, limit=8, country=country),
    }
    return render(request, "meetings/country_detail.html", ctx)


def pair(request: HttpRequest, a: str, b: str) -> HttpResponse:
    if a.lower() == b.lower():
        raise Http404("A pair needs two different countries.")
    country_a, country_b = get_country(a), get_country(b)
    first, second = sorted([a.lower(), b.lower()])
    if (a, b) != (first, second):
        return redirect("meetings:pair", first, second, permanent=True)
    qs = published().involving(country_a, country_b)
    ctx = {
        "a": country_a,
        "b": country_b,
        "page": meeting_page(request, qs),
        "years": years_chart(qs),
        "issues": top_issues(qs),
        "venues": top_venues(qs),
        "officials": top_officials(qs),
    }
    return render(request, "meetings/pair.html", ctx)


def subject_page(request: HttpRequest, template: str, qs: MeetingQuerySet, **extra) -> HttpResponse:
    ctx = {"page": meeting_page(request, qs), "years": years_chart(qs), **extra}
    return render(request, template, ctx)


def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    official = get_object_or_404(Official.objects.select_related("country"), slug=slug)
    qs = published().with_official(official)
    return subject_page(
        request,
        "meetings/official_detail.html",
        qs,
        official=official,
        positions=official.positions.select_related("country"),
        counterparts=top_officials(qs, leave_out=official),
    )


def issue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(Issue.objects.select_related("parent"), slug=slug)
    qs = published().on_issue(issue)
    return subject_page(
        request,
        "meetings/issue_detail.html",
        qs,
        issue=issue,
        children=issue.children.all(),
        pairs=busiest_pairs(qs),
    )


def venue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    venue = get_object_or_404(Venue.objects.select_related("country"), slug=slug)
    qs = published().filter(venue=venue)
    return subject_page(
        request,
        "meetings/venue_detail.html",
        qs,
        venue=venue,
        occasions=venue.occasions.all(),
        pairs=busiest_pairs(qs),
    )


def occasion_detail(request: HttpRequest, slug: str) -> HttpResponse:
    occasion = get_object_or_404(Occasion.objects.select_related("venue__country"), slug=slug)
    qs = published().filter(occasion=occasion)
    return subject_page(
        request,
        "meetings/occasion_detail.html",
        qs,
        occasion=occasion,
        pairs=busiest_pairs(qs),
    )


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


def directory(request: HttpRequest, kind: str) -> HttpResponse:
    """The officials, topics, venues or occasions, with their published meeting counts."""
    is_published = Q(meetings__status=Meeting.Status.PUBLISHED)
    if kind == "officials":
        qs = Official.objects.select_related("country").annotate(
            n=Count(
                "participations",
                filter=Q(participations__meeting__status=Meeting.Status.PUBLISHED),
            )
        )
    elif kind == "issues":
        qs = Issue.objects.select_related("parent").annotate(
            n=Count("meetings", filter=is_published)
        )
    elif kind == "venues":
        qs = Venue.objects.select_related("country").annotate(
            n=Count("meetings", filter=is_published)
        )
    else:
        qs = Occasion.objects.select_related("venue").annotate(
            n=Count("meetings", filter=is_published)
        )
    heading, column, intro = DIRECTORIES[kind]
    page = paginate(request, qs.order_by("-n", "name"), per_page=50)
    ctx = {"kind": kind, "page": page, "heading": heading, "column": column, "intro": intro}
    return render(request, "meetings/directory.html", ctx)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every page, the admin's included."""
    return redirect(static("favicon.svg"), permanent=True)
