"""The read-only JSON API under /api/v1/: meetings (with the list's filters), countries,
officials with their positions, topics, venues and occasions, published data only.

Plain views returning JsonResponse over the read path the pages use (meetings.read): a list
of meetings is the same Selection and the same three row queries as /meetings/. Every answer
is a `public` page (replica, ETag, Last-Modified, 304, Cache-Control) and counts against the
client's rate limit; a bad parameter is a 400 with a JSON error, an unknown object a 404.
The description of all this is the data file meetings/data/openapi.json.
"""

from __future__ import annotations

import functools
import json
import math
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404

from meetings.addresses import url
from meetings.filters import MeetingFilter
from meetings.lockout import client_ip
from meetings.models import SUBJECT_COLUMNS, Country, Position, Subject, meeting_name
from meetings.read import search
from meetings.read.cache import CACHE_DOWN
from meetings.read.paging import paginate
from meetings.read.rows import Row, published_meeting
from meetings.views import public

Kind = Subject.Kind
OPENAPI = Path(__file__).parent / "data" / "openapi.json"
MAX_PER_PAGE = 100
THINGS_PER_PAGE = 50
# what a list of each kind loads with its subjects, and the address of one
RELATED = {
    Kind.OFFICIAL: "official__country",
    Kind.TOPIC: "topic__parent",
    Kind.VENUE: "venue__country",
    Kind.OCCASION: "occasion__venue",
}
PLURALS = {
    Kind.OFFICIAL: "officials",
    Kind.TOPIC: "topics",
    Kind.VENUE: "venues",
    Kind.OCCASION: "occasions",
}


class BadRequest(Exception):
    """A parameter the API cannot read: answered 400 with the message (and details)."""

    def __init__(self, message: str, details: dict | None = None):
        super().__init__(message)
        self.details = details or {}


def error(status: int, message: str, details: dict | None = None) -> JsonResponse:
    body = {"error": {"status": status, "message": message, "details": details or {}}}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def wait_needed(request: HttpRequest) -> int:
    """Seconds the client must wait before its next request (0: go ahead). A fixed window of
    API_RATE_WINDOW seconds per client address, counted in Django's cache (shared by the
    servers when it is Redis); without a working cache nothing is limited."""
    limit, window = settings.API_RATE_LIMIT, settings.API_RATE_WINDOW
    if limit <= 0:
        return 0
    now = time.time()
    slot = int(now // window)
    key = f"api-rate:{client_ip(request)}:{slot}"
    try:
        cache.add(key, 0, window + 1)
        used = cache.incr(key)
    except (ValueError, *CACHE_DOWN):  # ValueError: the dummy cache keeps nothing
        return 0
    if used <= limit:
        return 0
    return max(1, math.ceil((slot + 1) * window - now))


def endpoint(view: Callable[..., dict]) -> Callable[..., HttpResponse]:
    """A GET endpoint answering view's dict as JSON, limited, conditional and cacheable."""

    @public
    @functools.wraps(view)
    def conditional(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return JsonResponse(
            view(request, *args, **kwargs), json_dumps_params={"ensure_ascii": False}
        )

    @functools.wraps(view)
    def answer(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            response = error(405, "The API only reads: use GET.")
            response["Allow"] = "GET, HEAD"
            return response
        wait = wait_needed(request)
        if wait:
            response = error(
                429,
                f"Too many requests from this address: at most {settings.API_RATE_LIMIT} "
                f"every {settings.API_RATE_WINDOW} seconds. Try again in {wait} seconds.",
            )
            response["Retry-After"] = str(wait)
            return response
        try:
            response = conditional(request, *args, **kwargs)
        except BadRequest as exc:
            response = error(400, str(exc), exc.details)
        except Http404 as exc:
            response = error(404, str(exc) or "Not found.")
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return answer


# -- parameters ------------------------------------------------------------------------------


def whole_number(request: HttpRequest, name: str, default: int, top: int) -> int:
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9 or not 1 <= int(raw) <= top:
        raise BadRequest(
            f"“{name}” is a whole number from 1 to {top:,}.", {name: [f"Not one: {raw[:20]!r}"]}
        )
    return int(raw)


def only_known(request: HttpRequest, known: set[str]) -> None:
    unknown = sorted(set(request.GET) - known)
    if unknown:
        raise BadRequest(
            f"Unknown parameter “{unknown[0][:40]}”; this address reads: "
            f"{', '.join(sorted(known))}.",
            {name[:40]: ["Unknown parameter."] for name in unknown[:10]},
        )


# -- addresses -------------------------------------------------------------------------------


class Links:
    """Absolute addresses of the API's objects and of their pages on the site."""

    def __init__(self, request: HttpRequest):
        self.request = request
        self.base = request.build_absolute_uri("/").rstrip("/")

    def of(self, name: str, *args) -> str:
        return self.base + url(name, *args)

    def both(self, kind: str, key: str) -> dict:
        return {"url": self.of(f"api:{kind}", key), "site_url": self.of(f"meetings:{kind}", key)}

    def meetings_of(self, parameter: str, value: str) -> str:
        return f"{self.of('api:meetings')}?{parameter}={value}"

    def page(self, number: int | None) -> str | None:
        if number is None:
            return None
        query = self.request.GET.copy()
        query["page"] = str(number)
        return f"{self.base}{self.request.path}?{query.urlencode()}"


def listing(links: Links, page, results: list) -> dict:
    """The envelope of every list: its count, its pages and their links, its results."""
    paginator = page.paginator
    return {
        "count": min(paginator.count, paginator.cap) if paginator.more else paginator.count,
        "count_exact": not (paginator.more and not paginator.known),
        "page": page.number,
        "pages": paginator.num_pages,
        "per_page": paginator.per_page,
        "next": links.page(page.next_page_number() if page.has_next() else None),
        "previous": links.page(page.previous_page_number() if page.has_previous() else None),
        "results": results,
    }


def turn_page(make_page: Callable[[], object]):
    """A page of a list; a page number past the end is a bad parameter."""
    try:
        return make_page()
    except Http404 as exc:
        raise BadRequest(str(exc), {"page": [str(exc)]}) from None


# -- meetings --------------------------------------------------------------------------------


def iso(day) -> str | None:
    return day.isoformat() if day else None


def named(links: Links, kind: str, name: str, slug: str) -> dict:
    return {"name": name, "slug": slug, **links.both(kind, slug)}


def meeting_row(links: Links, row: Row) -> dict:
    """A meeting as a list gives it."""
    return {
        "id": row.id,
        **links.both("meeting", row.id),
        "date": iso(row.date),
        "date_precision": row.date_precision,
        "end_date": iso(row.end_date),
        "kind": row.kind,
        "title": row.heading,
        "countries": sorted({p.code for p in row.people}),
        "participants": [{"name": p.name, "title": p.title, "country": p.code} for p in row.people],
        "venue": (
            named(links, "venue", row.venue[0], row.venue[1]) | {"country": row.venue[3]}
            if row.venue
            else None
        ),
        "occasion": named(links, "occasion", *row.occasion) if row.occasion else None,
        "topics": [named(links, "topic", name, slug) for name, slug in row.topics],
    }


MEETING_PARAMETERS = {
    "country",
    "official",
    "topic",
    "issue",
    "venue",
    "occasion",
    "kind",
    "from",
    "to",
    "q",
    "page",
    "per_page",
}


@endpoint
def meeting_list(request: HttpRequest) -> dict:
    only_known(request, MEETING_PARAMETERS)
    number = whole_number(request, "page", 1, 10**6)
    per_page = whole_number(request, "per_page", settings.MEETINGS_PER_PAGE, MAX_PER_PAGE)
    filters = MeetingFilter(request.GET)
    selection = filters.qs
    if selection is None:
        details = {
            name: [e["message"] for e in errors]
            for name, errors in filters.form.errors.get_json_data().items()
        }
        first = next(iter(details.values()))[0]
        raise BadRequest(first, details)
    page = turn_page(lambda: selection.page(number, per_page))
    links = Links(request)
    body = listing(links, page, [meeting_row(links, row) for row in page.object_list])
    # as on the site: what words that find nothing probably meant (q=tarifs: "tariffs")
    meant = None
    if selection.words and not page.paginator.count:
        meant = search.suggestion(selection.words, selection.search)
    body["did_you_mean"] = meant
    return body


@endpoint
def meeting_detail(request: HttpRequest, pk: int) -> dict:
    only_known(request, set())
    if (found := published_meeting(pk)) is None:
        raise Http404("No Meeting matches the given query.")
    meeting, people = found
    links = Links(request)
    venue, occasion = meeting.venue, meeting.occasion
    return {
        "id": meeting.pk,
        "uid": str(meeting.uid),
        **links.both("meeting", meeting.pk),
        "date": iso(meeting.date),
        "date_precision": meeting.date_precision,
        "end_date": iso(meeting.end_date),
        "basis": meeting.basis,
        "kind": meeting.kind,
        "title": meeting_name(
            meeting.title, [p.official.name if p.official else p.title for p in people]
        ),
        "summary": meeting.summary,
        "countries": sorted({p.country.code for p in people}),
        "participants": [
            {
                "name": p.official.name if p.official else None,
                "official": named(links, "official", p.official.name, p.official.slug)
                if p.official
                else None,
                "title": p.title,
                "country": p.country.code,
            }
            for p in people
        ],
        "venue": (
            named(links, "venue", venue.name, venue.slug) | {"country": venue.country.code}
            if venue
            else None
        ),
        "occasion": named(links, "occasion", occasion.name, occasion.slug) if occasion else None,
        "topics": [
            named(links, "topic", t.name, t.slug) for t in meeting.topics.order_by("name", "id")
        ],
        "sources": [
            {
                "url": link.source.url or None,
                "citation": link.source.citation,
                "title": link.source.title,
                "publisher": link.source.publisher,
                "published_on": iso(link.source.published_on),
                "quote": link.quote,
            }
            for link in meeting.meeting_sources.select_related("source").order_by("id")
        ],
    }


# -- countries -------------------------------------------------------------------------------


def country_item(links: Links, country: Country, meetings: int) -> dict:
    code = country.code.lower()
    return {
        "code": country.code,
        "name": country.name,
        "kind": country.kind,
        "start": iso(country.start),
        "end": iso(country.end),
        "meetings": meetings,
        **links.both("country", code),
        "meetings_url": links.meetings_of("country", code),
    }


def country_counts(ids: list[int]) -> dict[int, int]:
    return dict(
        Subject.objects.filter(kind=Kind.COUNTRY, country_id__in=ids).values_list(
            "country_id", "meetings"
        )
    )


@endpoint
def country_list(request: HttpRequest) -> dict:
    only_known(request, {"page", "per_page"})
    number = whole_number(request, "page", 1, 10**6)
    per_page = whole_number(request, "per_page", MAX_PER_PAGE, MAX_PER_PAGE)
    page = turn_page(
        lambda: paginate(Country.objects.order_by("code"), number, per_page, load=list)
    )
    counts = country_counts([c.pk for c in page.object_list])
    links = Links(request)
    results = [country_item(links, c, counts.get(c.pk, 0)) for c in page.object_list]
    return listing(links, page, results)


@endpoint
def country_detail(request: HttpRequest, code: str) -> dict:
    only_known(request, set())
    country = get_object_or_404(Country, code=code.upper())
    return country_item(Links(request), country, country_counts([country.pk]).get(country.pk, 0))


# -- officials, topics, venues, occasions ----------------------------------------------------


def thing_item(links: Links, kind: str, thing, meetings: int, positions: list) -> dict:
    item = {"slug": thing.slug, "name": thing.name}
    if kind == Kind.OFFICIAL:
        item |= {
            "aliases": [a.strip() for a in thing.aliases.splitlines() if a.strip()],
            "country": thing.country.code if thing.country else None,
            "positions": [
                {
                    "title": p.title,
                    "country": p.country.code,
                    "start": iso(p.start),
                    "end": iso(p.end),
                }
                for p in positions
            ],
        }
    elif kind == Kind.TOPIC:
        item["parent"] = thing.parent.slug if thing.parent else None
    elif kind == Kind.VENUE:
        item |= {
            "country": thing.country.code,
            "latitude": thing.latitude,
            "longitude": thing.longitude,
        }
    else:
        item |= {
            "start": iso(thing.start),
            "end": iso(thing.end),
            "venue": thing.venue.slug if thing.venue else None,
        }
    return item | {
        "meetings": meetings,
        **links.both(kind, thing.slug),
        "meetings_url": links.meetings_of(kind, thing.slug),
    }


def things(links: Links, kind: str, subjects: list[Subject]) -> list[dict]:
    """The items of these subjects (one more query for the officials' positions)."""
    found = [(getattr(s, kind), s.meetings) for s in subjects]
    positions: dict[int, list] = {}
    if kind == Kind.OFFICIAL and found:
        for p in (
            Position.objects.filter(official__in=[t.pk for t, _ in found])
            .select_related("country")
            .order_by("start", "id")
        ):
            positions.setdefault(p.official_id, []).append(p)
    return [thing_item(links, kind, t, n, positions.get(t.pk, [])) for t, n in found]


def published_subjects(kind: str):
    return Subject.objects.filter(kind=kind, meetings__gt=0).select_related(RELATED[kind])


@endpoint
def thing_list(request: HttpRequest, kind: str) -> dict:
    only_known(request, {"page", "per_page"})
    number = whole_number(request, "page", 1, 10**6)
    per_page = whole_number(request, "per_page", THINGS_PER_PAGE, MAX_PER_PAGE)
    # by the thing's id: a stable order, so that the pages do not shift as counts change
    subjects = published_subjects(kind).order_by(f"{SUBJECT_COLUMNS[kind][0]}_id")
    page = turn_page(lambda: paginate(subjects, number, per_page, load=list))
    links = Links(request)
    return listing(links, page, things(links, kind, page.object_list))


@endpoint
def thing_detail(request: HttpRequest, kind: str, slug: str) -> dict:
    only_known(request, set())
    subject = published_subjects(kind).filter(**{f"{kind}__slug": slug}).first()
    if subject is None:
        raise Http404(f"No {kind} with the address “{slug[:80]}” has published meetings.")
    return things(Links(request), kind, [subject])[0]


# -- the index and the description -----------------------------------------------------------


@endpoint
def index(request: HttpRequest) -> dict:
    links = Links(request)
    return {
        "meetings": links.of("api:meetings"),
        "countries": links.of("api:countries"),
        **{plural: links.of(f"api:{plural}") for plural in PLURALS.values()},
        "openapi": links.of("api:openapi"),
    }


@functools.cache
def description() -> dict:
    return json.loads(OPENAPI.read_text(encoding="utf-8"))


def openapi(request: HttpRequest) -> HttpResponse:
    """The OpenAPI description (a data file; the same for every data version)."""
    response = JsonResponse(description(), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response


def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    return error(404, f"No such address in the API: /api/v1/{rest[:100]}. See /api/v1/.")
