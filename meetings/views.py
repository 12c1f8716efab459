"""Public pages: server-rendered, only published meetings, filters in the URL.

Every view is a `public` page: it reads from the replica when there is one, answers a
conditional request from the data version (ETag, Last-Modified, 304) and lets a shared cache
keep it for a minute.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import os

from django.conf import settings
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotModified,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import condition
from django.views.static import was_modified_since

from meetings import citing, dataset, exports
from meetings.addresses import address
from meetings.feeds import feed
from meetings.filters import MeetingFilter
from meetings.models import (
    SUBJECT_COLUMNS,
    Meeting,
    MeetingSource,
    Subject,
    Topic,
    meeting_name,
    pair_url,
)
from meetings.presentation import chart, percent
from meetings.read import cache, names, search
from meetings.read.paging import paginate
from meetings.read.rows import instances, published_meeting, table
from meetings.read.selection import Selection
from meetings.routers import reading_replica
from meetings.templating import fast_pair_url
from meetings.timeline import BadPeriod, Period, picture, strip, tenures
from meetings.worldmap import land, points, shaded, world

Kind = Subject.Kind
SHARED_CACHE_SECONDS = 60


def etag(request: HttpRequest, *args, **kwargs) -> str:
    """The data version and the release of the code that draws it."""
    version, _ = cache.data_version()
    return f'"{version}-{settings.RELEASE}"'


def last_modified(request: HttpRequest, *args, **kwargs) -> datetime.datetime:
    return cache.data_version()[1]


def daily_etag(request: HttpRequest, *args, **kwargs) -> str:
    """As etag, and today's date: the page says it (a citation's "accessed")."""
    return f'{etag(request)[:-1]}-{timezone.localdate():%Y%m%d}"'


def daily_last_modified(request: HttpRequest, *args, **kwargs) -> datetime.datetime:
    """As last_modified, or the start of today when that is later."""
    midnight = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time.min)
    )
    return max(last_modified(request), midnight)


def public(view=None, *, daily: bool = False):
    """A public page (see the module's docstring). A daily page, one that shows today's date,
    also changes at midnight: a copy kept from yesterday is not answered with 304."""
    if view is None:
        return functools.partial(public, daily=daily)
    conditional = condition(
        etag_func=daily_etag if daily else etag,
        last_modified_func=daily_last_modified if daily else last_modified,
    )(view)

    @functools.wraps(view)
    def page(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        cache.forget()
        with reading_replica():
            response = conditional(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=0, s_maxage=SHARED_CACHE_SECONDS)
        return response

    return page


def page_number(request: HttpRequest):
    return request.GET.get("page") or 1


def data_twin(
    request: HttpRequest, selection: Selection | None, filters: MeetingFilter | None = None
) -> HttpResponse | None:
    """The page's CSV, JSON or Atom twin when ?format= asks for one; None for the page."""
    try:
        fmt = exports.requested(request)
    except exports.BadRequest as exc:
        return exports.bad_request(request, str(exc))
    if not fmt:
        return None
    if selection is None:
        errors = filters.form.errors if filters is not None else {}
        return exports.bad_request(
            request,
            " ".join(f"{name}: {message}" for name, ms in errors.items() for message in ms),
        )
    if fmt == exports.ATOM:
        return feed(request, selection)
    return exports.stream(request, fmt, selection)


def nothing() -> object:
    """The page of a list whose filters are malformed: nothing, and the form's messages."""
    return paginate([], 1, count=0, load=list)


@public
def home(request: HttpRequest) -> HttpResponse:
    everything = Selection()
    ctx = {
        "latest": everything.latest(12),
        "pairs": everything.pairs(),
        "total": everything.total(),
    }
    return render(request, "meetings/home.html", ctx)


@public
def meeting_list(request: HttpRequest) -> HttpResponse:
    filters = MeetingFilter(request.GET)
    selection = filters.qs
    if (data := data_twin(request, selection, filters)) is not None:
        return data
    page = selection.page(page_number(request)) if selection else nothing()
    ctx = {
        "filter": filters,
        "page": page,
        "meant": None,
        "twins": exports.twins(request) if selection is not None else [],
    }
    if selection and selection.words and not page.paginator.count:
        # nothing matches: the meetings of what the words probably meant ("tarifs")
        meant = search.suggestion(selection.words, selection.search)
        if meant:
            corrected = selection.replace(words=meant).page(page_number(request))
            if corrected.paginator.count:
                ctx |= {"meant": meant, "page": corrected}
    return render(request, "meetings/meeting_list.html", ctx)


def about(request: HttpRequest) -> HttpResponse:
    """What the tracker holds and how to read it; touches no database."""
    return render(request, "meetings/about.html", {"downloads": dataset.available()})


def download(request: HttpRequest, name: str) -> HttpResponse:
    """One file of the whole dataset (python manage.py export_dataset writes them)."""
    if name not in dataset.FILES:
        raise Http404(
            f"There is no download “{name[:40]}”: the files are {', '.join(dataset.FILES)}."
        )
    path = dataset.path_of(name)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise Http404(
            f"{name} has not been written yet: python manage.py export_dataset writes it."
        ) from None
    written = datetime.datetime.fromtimestamp(os.fstat(handle.fileno()).st_mtime, tz=datetime.UTC)
    if_modified = request.headers.get("If-Modified-Since")
    if if_modified and not was_modified_since(if_modified, int(written.timestamp())):
        handle.close()
        return HttpResponseNotModified()
    # gzip data, sent as it is: a browser saves the .gz rather than unpacking it
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type="application/gzip"
    )
    response["Last-Modified"] = http_date(written.timestamp())
    patch_cache_control(response, public=True, max_age=3600)
    return response


@public(daily=True)
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # read as SQL written out (rows.instances): the ORM's four queries cost 2 ms of Python
    if (found := published_meeting(pk)) is None:
        raise Http404("No Meeting matches the given query.")
    meeting, participations = found
    countries = sorted({p.country for p in participations}, key=lambda c: c.code)
    heading = meeting_name(
        meeting.title,
        [p.official.name if p.official else p.title for p in participations],
        meeting.date,
    )
    permalink = request.build_absolute_uri(meeting.get_absolute_url())
    ctx = {
        "meeting": meeting,
        "heading": heading,
        "permalink": permalink,
        "citation": citing.cite(
            meeting=meeting, title=heading, url=permalink, accessed=timezone.localdate()
        ),
        "participations": participations,
        "topics": instances(
            Topic,
            (),
            f"b.id IN (SELECT topic_id FROM {table(Meeting.topics.through)} WHERE meeting_id = %s)",
            [pk],
            "b.name",
        ),
        "countries": countries,
        "sources": instances(MeetingSource, ("source",), "b.meeting_id = %s", [pk], "b.id"),
        "pair_url": pair_url(*countries) if len(countries) == 2 else None,
    }
    ctx["previous"], ctx["next"] = (
        Selection(countries=tuple(countries)).around(meeting) if countries else (None, None)
    )
    return render(request, "meetings/meeting_detail.html", ctx)


@public
def timeline(request: HttpRequest) -> HttpResponse:
    """The visual timeline of any selection, zoomed by ?period= (meetings.timeline)."""
    filters = MeetingFilter(request.GET)
    selection = filters.qs
    ctx = {"filter": filters, "picture": None, "period_error": ""}
    try:
        period = Period.parse(request.GET.get("period", ""))
    except BadPeriod as error:
        ctx["period_error"] = str(error)
        return render(request, "meetings/timeline.html", ctx, status=400)
    if selection is not None:
        ctx["picture"] = picture(selection, period)
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("period", None)
        if period.level == "all":
            ctx["chart"] = chart(ctx["picture"].years, query.urlencode(), newest_first=True)
        ctx["list_url"] = list_address(period, query)
    return render(request, "meetings/timeline.html", ctx)


def list_address(period: Period, query) -> str:
    """The list of a period's meetings with the same filters: the year's or month's page, or
    the meetings between its dates."""
    if period.level == "year":
        target = reverse("meetings:year", args=[period.start.year])
    elif period.level == "month":
        target = reverse("meetings:month", args=[period.start.year, period.start.month])
    else:
        target = reverse("meetings:list")
        if period.start:
            query["from"], query["to"] = period.start.isoformat(), period.end.isoformat()
    return f"{target}?{query.urlencode()}" if query else target


def valid_year(year: int) -> int:
    if not 1800 <= year <= 2100:
        raise Http404("The timeline covers the years 1800 to 2100.")
    return year


@public
def timeline_year(request: HttpRequest, year: int) -> HttpResponse:
    valid_year(year)
    filters = MeetingFilter(request.GET)
    selection = filters.qs
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    within = selection.narrowed(first, last) if selection is not None else None
    if (data := data_twin(request, within, filters)) is not None:
        return data
    counts = selection.months(year) if selection else {}
    top = max(counts.values(), default=0)
    months = [
        {
            "number": m,
            "name": calendar.month_name[m],
            "count": counts.get(m, 0),
            "pct": percent(counts.get(m, 0), top),
        }
        for m in range(1, 13)
    ]
    total = sum(counts.values())
    ctx = period_context(request, filters, within, total) | {"year": year, "months": months}
    if within is not None:
        ctx["previous_year"], ctx["next_year"] = selection.nearest_years(year)
    return render(request, "meetings/timeline_year.html", ctx)


def period_context(
    request: HttpRequest, filters: MeetingFilter, within: Selection | None, total: int = 0
) -> dict:
    """What a year's and a month's page show of their meetings (total, as their months count
    them): a page of them, the busiest pairs and topics beside it, and the data twins (nothing
    when the filters cannot be read)."""
    if within is None:
        return {"filter": filters, "page": nothing(), "twins": []}
    return {
        "filter": filters,
        "page": within.page(page_number(request), count=total),
        "busiest": within.busiest() if total else None,
        "twins": exports.twins(request),
    }


@public
def timeline_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    valid_year(year)
    if not 1 <= month <= 12:
        raise Http404("A month is a number from 1 to 12.")
    filters = MeetingFilter(request.GET)
    selection = filters.qs
    first = datetime.date(year, month, 1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    within = (
        selection.narrowed(first, following - datetime.timedelta(days=1))
        if selection is not None
        else None
    )
    if (data := data_twin(request, within, filters)) is not None:
        return data
    counts = selection.months(year) if within is not None else {}
    ctx = period_context(request, filters, within, counts.get(month, 0))
    ctx |= {"year": year, "month": first}
    if within is not None:
        # the nearest months with meetings: in this year, else the nearest such year
        before = [m for m in counts if m < month and counts[m]]
        after = [m for m in counts if m > month and counts[m]]
        previous_year, next_year = selection.nearest_years(year)
        ctx["previous_month"] = datetime.date(year, max(before), 1) if before else previous_year
        ctx["next_month"] = datetime.date(year, min(after), 1) if after else next_year
    return render(request, "meetings/timeline_month.html", ctx)


MAP_VENUES = 150  # the busiest venues a map draws
MAP_TABLE = 20  # the busiest partners and venues its tables give in words


@public
def world_map(request: HttpRequest) -> HttpResponse:
    """Where a selection's meetings happened (venues sized by meetings) and, for one country,
    its partners shaded by theirs; the same numbers as tables below."""
    filters = MeetingFilter(request.GET)
    selection = filters.qs
    outline = f"{reverse('meetings:land')}?v={settings.RELEASE}"
    ctx = {"filter": filters, "world": world(), "outline": outline, "drawn": False, "problem": ""}
    if selection is None:
        return render(request, "meetings/map.html", ctx)
    kinds = {key.kind for key in selection.keys}
    if (
        selection.narrowing
        or not kinds <= {Kind.EVERYTHING, Kind.COUNTRY, Kind.PAIR}
        or (len(selection.keys) > 1)
    ):
        ctx["problem"] = (
            "The map is drawn for every meeting, one country or a pair of countries; "
            "the list and the timeline take the other filters."
        )
        return render(request, "meetings/map.html", ctx, status=400)
    countries = selection.countries
    venues = selection.ranked(Kind.VENUE, MAP_VENUES)
    partners = []
    if len(countries) == 1:
        home = countries[0].pk
        partners = [c for c in selection.ranked(Kind.COUNTRY, 250) if c.pk != home]
    query = "".join(f"&country={c.code.lower()}" for c in countries)
    ctx |= {
        "drawn": True,
        "countries": countries,
        "venues": venues,
        "points": points(venues),
        "partners": partners,
        "shaded": shaded(countries[0], partners, fast_pair_url) if partners else [],
        "query": query,
        "limit": MAP_VENUES,
        "table": MAP_TABLE,
    }
    return render(request, "meetings/map.html", ctx)


def land_outline(request: HttpRequest) -> HttpResponse:
    """The countries every map draws (meetings.worldmap.land), one file a browser keeps: the
    maps ask for it with the release in its address, so it never changes under that address."""
    response = HttpResponse(land(), content_type="image/svg+xml; charset=utf-8")
    current = request.GET.get("v") == settings.RELEASE
    patch_cache_control(response, public=True, max_age=31_536_000 if current else 3600)
    if current:
        patch_cache_control(response, immutable=True)
    return response


@public
def country_list(request: HttpRequest) -> HttpResponse:
    countries = sorted(set(names.countries().values()), key=lambda c: c.name)
    active = sorted((c for c in countries if c.meetings), key=lambda c: (-c.meetings, c.name))
    quiet = [c for c in countries if not c.meetings]
    return render(request, "meetings/country_list.html", {"active": active, "quiet": quiet})


def subject_context(request: HttpRequest, selection: Selection, query: str) -> dict:
    """What every subject page shows: a page of meetings, the total and the years (query: the
    list filters that select the same meetings, for the chart's links)."""
    return {
        "page": selection.page(page_number(request)),
        "chart": chart(selection.years(), query),
        "total": selection.total(),
        "twins": exports.twins(request),
    }


@public
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.lower():
        target = reverse("meetings:country", args=[code.lower()])
        query = request.META.get("QUERY_STRING", "")  # the page goes along
        return redirect(f"{target}?{query}" if query else target, permanent=True)
    country = names.countries_at([code.upper()]).get(code.upper())
    if country is None:
        raise Http404("No Country matches the given query.")
    selection = Selection(countries=(country,))
    if (data := data_twin(request, selection)) is not None:
        return data
    ctx = subject_context(request, selection, f"country={country.url_code}") | {
        "country": country,
        "partners": selection.ranked(Kind.COUNTRY, 15),
        "topics": selection.ranked(Kind.TOPIC, 8),
        "officials": selection.ranked(Kind.OFFICIAL, 8, country=country),
    }
    return render(request, "meetings/country_detail.html", ctx)


@public
def pair(request: HttpRequest, a: str, b: str) -> HttpResponse:
    if a.lower() == b.lower():
        raise Http404("A pair needs two different countries.")
    found = names.countries_at([a.upper(), b.upper()])
    missing = [code for code in (a, b) if code.upper() not in found]
    if missing:
        raise Http404(f"No country has the code “{missing[0].lower()}”.")
    country_a, country_b = found[a.upper()], found[b.upper()]
    first, second = sorted([a.lower(), b.lower()])
    if (a, b) != (first, second):
        target = reverse("meetings:pair", args=[first, second])
        query = request.META.get("QUERY_STRING", "")  # the page and filters go along
        return redirect(f"{target}?{query}" if query else target, permanent=True)
    selection = Selection(countries=(country_a, country_b))
    if (data := data_twin(request, selection)) is not None:
        return data
    query = f"country={country_a.url_code}&country={country_b.url_code}"
    ctx = subject_context(request, selection, query) | {
        "strip": strip(selection.years()),
        "a": country_a,
        "b": country_b,
        "topics": selection.ranked(Kind.TOPIC, 8),
        "venues": selection.ranked(Kind.VENUE, 8),
        "officials": selection.ranked(Kind.OFFICIAL, 10),
    }
    return render(request, "meetings/pair.html", ctx)


def published_subject(kind: str, slug: str, related: tuple[str, ...]) -> Subject:
    """names.published_subject(), or a 404 where nothing public has that address."""
    subject = names.published_subject(kind, slug, related)
    if subject is None:
        model = names.MODELS[kind]
        raise Http404(f"No {model._meta.object_name} matches the given query.")
    return subject


@public
def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    subject = published_subject(Kind.OFFICIAL, slug, ("country",))
    official = subject.official
    selection = Selection.of(subject)
    if (data := data_twin(request, selection)) is not None:
        return data
    ctx = subject_context(request, selection, f"official={official.slug}") | {
        "official": official,
        "positions": names.positions(official),
        "counterparts": selection.ranked(Kind.OFFICIAL, 10),
    }
    # the busiest counterpart countries, each a lane of the picture of the official's terms
    abroad = [c for c in selection.ranked(Kind.COUNTRY, 6) if c.pk != official.country_id][:5]
    ctx["terms"] = tenures(
        ctx["positions"],
        selection.years(),
        abroad,
        selection.years_with(abroad),
        datetime.date.today(),
    )
    return render(request, "meetings/official_detail.html", ctx)


SUBJECT_PAGES = {
    Kind.TOPIC: (("parent",), "meetings/topic_detail.html"),
    Kind.VENUE: (("country",), "meetings/venue_detail.html"),
    Kind.OCCASION: (("venue__country",), "meetings/occasion_detail.html"),
}


@public
def subject_detail(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    """The page of a topic, a venue or an occasion that published meetings name."""
    related, template = SUBJECT_PAGES[kind]
    subject = published_subject(kind, slug, related)
    thing = getattr(subject, kind)
    selection = Selection.of(subject)
    if (data := data_twin(request, selection)) is not None:
        return data
    ctx = subject_context(request, selection, f"{kind}={thing.slug}") | {
        kind: thing,
        "pairs": selection.pairs(),
    }
    if kind == Kind.TOPIC:
        ctx["children"] = names.published_where(Kind.TOPIC, "parent_id", thing.pk)
    elif kind == Kind.VENUE:
        ctx["occasions"] = names.published_where(Kind.OCCASION, "venue_id", thing.pk)
    return render(request, template, ctx)


DIRECTORIES = {
    "officials": (
        Kind.OFFICIAL,
        "country",
        "Officials",
        "Official",
        "Everyone recorded in a meeting, most active first.",
    ),
    "topics": (
        Kind.TOPIC,
        "parent",
        "Topics",
        "Topic",
        "The topics meetings are filed under, most discussed first.",
    ),
    "venues": (
        Kind.VENUE,
        "country",
        "Venues",
        "Venue",
        "Cities and places where officials met, busiest first.",
    ),
    "occasions": (
        Kind.OCCASION,
        "venue",
        "Occasions",
        "Occasion",
        "Summits and ministerials on whose sidelines officials met.",
    ),
}


@public
def directory(request: HttpRequest, kind: str) -> HttpResponse:
    """The officials, topics, venues or occasions with published meetings, busiest first."""
    subject_kind, related, heading, column, intro = DIRECTORIES[kind]
    field = SUBJECT_COLUMNS[subject_kind][0]
    # the page's ids from the busiest index alone, then those fifty things: joined first, the
    # database would read and sort every subject of the kind to find a deep page
    ranked = (
        Subject.objects.filter(kind=subject_kind, meetings__gt=0)
        .order_by("-meetings", "id")
        .values_list(f"{field}_id", "meetings")
    )
    page = paginate(ranked, page_number(request), per_page=50, load=list)
    model = Subject._meta.get_field(field).related_model
    things = model.objects.select_related(related).in_bulk([pk for pk, _ in page.object_list])
    items = []
    for pk, n in page.object_list:
        item = things.get(pk)  # None: deleted between the two queries
        if item is not None:
            item.n = n
            items.append(item)
    ctx = {
        "kind": kind,
        "page": page,
        "items": items,
        # each item's page (a topic's broader topic's too), without reversing a name per link
        "item_url": address(f"meetings:{subject_kind}"),
        "heading": heading,
        "column": column,
        "intro": intro,
    }
    return render(request, "meetings/directory.html", ctx)


@public
def suggest(request: HttpRequest, kind: str) -> JsonResponse:
    """The names the filter form's boxes suggest as one types: ?q=jai gives up to ten."""
    if kind not in (Kind.COUNTRY, *names.MODELS):
        raise Http404("Names are suggested for countries, officials, topics, venues, occasions.")
    found = names.suggest(kind, request.GET.get("q", ""))
    return JsonResponse(
        {
            "results": [
                {"name": s.name, "value": s.value, "detail": s.detail, "meetings": s.meetings}
                for s in found
            ]
        }
    )


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every page, the admin's included."""
    return redirect(static("favicon.svg"), permanent=True)
