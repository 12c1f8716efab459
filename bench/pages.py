"""The page kinds the benchmark drives, and the addresses it picks for each from the database.

Each kind is spread over TARGET distinct addresses, so that the figures measure the work of
building pages and not a cache that one hot address would warm: the busiest pairs, venues,
topics, officials, occasions and countries first, then further page numbers of the same lists
when there are fewer than TARGET of them. A kind that cannot honestly reach TARGET addresses
(the home page is one address) says so in a note instead of padding with junk query strings.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.templatetags.static import static
from django.urls import reverse

from bench.probe import last_page, with_page
from meetings.models import (
    Country,
    Meeting,
    MeetingCountry,
    Occasion,
    Official,
    SearchWord,
    Topic,
    Venue,
)

TARGET = 200
DIRECTORY_PER_PAGE = 50  # the directory pages' paginator (views.directory)
PUBLISHED = Meeting.Status.PUBLISHED

STATIC = "static"
NO_DB = "no-db"


@dataclass
class Kind:
    name: str
    label: str
    paths: list[str]
    note: str = ""


# name: what a row of the table stands for
KINDS: dict[str, str] = {
    STATIC: "a static file (the stylesheet), served by WhiteNoise",
    NO_DB: "/about/: a page that touches no database",
    "home": "/",
    "list": "/meetings/, pages 1, 2, 3…",
    "list-deep": "/meetings/?page=… in the second half of the list",
    "list-pair": "/meetings/?country=a&country=b",
    "list-venue": "/meetings/?venue=…",
    "list-topic": "/meetings/?topic=…",
    "list-combo": "/meetings/ with a pair and a topic, or a pair and a year (from=, to=)",
    "list-search": "/meetings/?q=… (an official's surname or a venue's name)",
    "list-search-text": "/meetings/?q=… (a word of the meetings' texts; half misspelt)",
    "meeting": "/meetings/<id>/",
    "timeline": "/timeline/ and /timeline/?country=… (one country or a pair)",
    "timeline-year": "/timeline/<year>/",
    "timeline-month": "/timeline/<year>/<month>/",
    "timeline-zoom": "/timeline/?period=… (a decade, a year, a month, a day), alone or for a pair",
    "map": "/map/, /map/?country=… (a country's partners) and /map/?country=a&country=b",
    "country": "/countries/<cc>/",
    "pair": "/countries/<a>/<b>/",
    "official": "/officials/<slug>/",
    "topic": "/topics/<slug>/",
    "venue": "/venues/<slug>/",
    "occasion": "/occasions/<slug>/",
    "directory": "/officials/, /topics/, /venues/, /occasions/, /countries/ and their pages",
    "export-pair": "/countries/<a>/<b>/?format=csv: all of a pair's meetings as CSV, streamed",
    "feed": "?format=atom of pairs, topics, officials, countries and filtered lists",
    "api-list": "/api/v1/meetings/: everything, a pair's or a topic's meetings, pages 1, 2, 3…",
}
# not a page kind: every kind's addresses and meetings' pages, asked for as readers would
ZIPF = "zipf-mix"
KINDS_AND_MIX = {**KINDS, ZIPF: "every kind's addresses and meetings' pages, by Zipf's law"}
CEILINGS = (STATIC, NO_DB)


def pages_of(count: int, per_page: int) -> int:
    return max(1, math.ceil(count / per_page))


def with_query(path: str, params: list[tuple[str, object]]) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def spread(entries: Iterable[tuple[str, int]], target: int = TARGET) -> list[str]:
    """Up to target addresses from (address, number of pages) entries, busiest first.

    Page 1 of every entry comes first, then page 2 of the entries that have one, and so on: many
    subjects before deep pages of a few.
    """
    entries = list(entries)
    paths: list[str] = []
    page = 1
    while len(paths) < target:
        row = [with_page(path, page) for path, pages in entries if pages >= page]
        if not row:
            break
        paths.extend(row[: target - len(paths)])
        page += 1
    return paths


def evenly(items: list, k: int) -> list:
    """k items spread evenly over the list, the first and the last included."""
    if len(items) <= k:
        return list(items)
    if k == 1:
        return [items[0]]
    step = (len(items) - 1) / (k - 1)
    return [items[round(i * step)] for i in range(k)]


def shuffled(paths: list[str], name: str, seed: int) -> list[str]:
    """The order wrk takes them in: mixed, so consecutive requests are different subjects."""
    paths = list(paths)
    random.Random(f"{seed}-{name}").shuffle(paths)
    return paths


# -- a realistic mix ------------------------------------------------------------------------

ZIPF_ADDRESSES = 100_000
ZIPF_EXPONENT = 1.0
ZIPF_REQUESTS = 200_000


def zipf_mix(kinds: list[Kind], seed: int) -> tuple[int, list[str]]:
    """Requests as readers make them: up to ZIPF_ADDRESSES distinct addresses (every kind's,
    then meetings' own pages), in a random order of popularity, each asked for with a frequency
    falling as 1/rank (Zipf): a few addresses are asked for again and again, most rarely.
    Returns the number of distinct addresses and ZIPF_REQUESTS paths drawn from them."""
    pool = list(dict.fromkeys(p for k in kinds if k.name not in CEILINGS for p in k.paths))
    room = ZIPF_ADDRESSES - len(pool)
    if room > 0:
        meetings = (
            Meeting.objects.filter(status=PUBLISHED).order_by("id").values_list("id", flat=True)
        )
        pool += [reverse("meetings:meeting", args=[pk]) for pk in meetings[:room]]
    pool = pool[:ZIPF_ADDRESSES]
    chance = random.Random(f"{seed}-zipf")
    chance.shuffle(pool)
    weights = [1 / (rank**ZIPF_EXPONENT) for rank in range(1, len(pool) + 1)]
    return len(pool), chance.choices(pool, weights=weights, k=ZIPF_REQUESTS)


# -- what the database holds --------------------------------------------------------------


def meeting_count() -> int:
    return Meeting.objects.count()


def published_count() -> int:
    return Meeting.objects.filter(status=PUBLISHED).count()


def busiest(model, relation: str, status: str, key: str = "slug", limit: int = TARGET):
    """(key, published meetings) of the rows with the most published meetings."""
    return list(
        model.objects.annotate(n=Count(relation, filter=Q(**{status: PUBLISHED}), distinct=True))
        .filter(n__gt=0)
        .order_by("-n", key)
        .values_list(key, "n")[:limit]
    )


def with_published(model, relation: str, status: str) -> int:
    """How many rows of model have at least one published meeting."""
    return (
        model.objects.annotate(n=Count(relation, filter=Q(**{status: PUBLISHED})))
        .filter(n__gt=0)
        .count()
    )


def busiest_pairs(
    *extra: str, limit: int = TARGET, where: Q | None = None, **annotations
) -> list[tuple]:
    """(a, b, *extra, published meetings) for the pairs of countries that met most (a < b).

    extra names more columns to group by (a topic, a year given in annotations).
    """
    a, b = "country__code", "meeting__meeting_countries__country__code"
    qs = MeetingCountry.objects.filter(
        meeting__status=PUBLISHED,
        meeting__meeting_countries__country__code__gt=F("country__code"),
    )
    if where is not None:
        qs = qs.filter(where)
    if annotations:
        qs = qs.annotate(**annotations)
    rows = (
        qs.values_list(a, b, *extra)
        .annotate(n=Count("meeting", distinct=True))
        .order_by("-n", a, b, *extra)[:limit]
    )
    return [(row[0].lower(), row[1].lower(), *row[2:]) for row in rows]


def _pairs(limit: int = TARGET) -> list[tuple[str, str, int]]:
    return busiest_pairs(limit=limit)


# -- the kinds ----------------------------------------------------------------------------


def home() -> Kind:
    return Kind("home", KINDS["home"], [reverse("meetings:home")], "one address: no parameters")


def static_file() -> Kind:
    return Kind(STATIC, KINDS[STATIC], [static("site.css")], "one file: the ceiling")


def no_db() -> Kind:
    return Kind(NO_DB, KINDS[NO_DB], [reverse("meetings:about")], "one address: the ceiling")


def meeting_list() -> Kind:
    base = reverse("meetings:list")
    pages = min(pages_of(published_count(), settings.MEETINGS_PER_PAGE), TARGET)
    pages = last_page(base, pages)
    return Kind("list", KINDS["list"], [with_page(base, p) for p in range(1, pages + 1)])


def meeting_list_deep() -> Kind:
    """Pages from the second half of the list, as far as the site pages it."""
    base = reverse("meetings:list")
    pages = last_page(base, pages_of(published_count(), settings.MEETINGS_PER_PAGE))
    deep = list(range(max(2, pages // 2 + 1), pages + 1))
    return Kind("list-deep", KINDS["list-deep"], [with_page(base, p) for p in evenly(deep, TARGET)])


def list_pair() -> Kind:
    base = reverse("meetings:list")
    per_page = settings.MEETINGS_PER_PAGE
    entries = [
        (with_query(base, [("country", a), ("country", b)]), pages_of(n, per_page))
        for a, b, n in _pairs()
    ]
    return Kind("list-pair", KINDS["list-pair"], spread(entries))


def _list_by(name: str, param: str, rows: list[tuple[str, int]]) -> Kind:
    base = reverse("meetings:list")
    per_page = settings.MEETINGS_PER_PAGE
    entries = [(with_query(base, [(param, slug)]), pages_of(n, per_page)) for slug, n in rows]
    return Kind(name, KINDS[name], spread(entries))


def list_venue() -> Kind:
    return _list_by("list-venue", "venue", busiest(Venue, "meetings", "meetings__status"))


def list_topic() -> Kind:
    return _list_by("list-topic", "topic", busiest(Topic, "meetings", "meetings__status"))


def list_combo() -> Kind:
    """Half a pair with one of its topics, half a pair within one year."""
    base = reverse("meetings:list")
    per_page = settings.MEETINGS_PER_PAGE
    half = TARGET // 2
    by_topic = busiest_pairs(
        "meeting__topics__slug", limit=half, where=Q(meeting__topics__isnull=False)
    )
    by_year = busiest_pairs("year", limit=TARGET - len(by_topic), year=ExtractYear("meeting__date"))
    entries = [
        (
            with_query(base, [("country", a), ("country", b), ("topic", topic)]),
            pages_of(n, per_page),
        )
        for a, b, topic, n in by_topic
    ] + [
        (
            with_query(
                base,
                [("country", a), ("country", b), ("from", f"{y}-01-01"), ("to", f"{y}-12-31")],
            ),
            pages_of(n, per_page),
        )
        for a, b, y, n in by_year
    ]
    return Kind("list-combo", KINDS["list-combo"], spread(entries))


def list_search() -> Kind:
    """Words people type: surnames of the busiest officials, then names of the busiest venues."""
    words: dict[str, str] = {}
    officials = busiest(
        Official, "participations__meeting", "participations__meeting__status", limit=4 * TARGET
    )
    names = dict(
        Official.objects.filter(slug__in=[s for s, _ in officials]).values_list("slug", "name")
    )
    candidates = [names[slug].split()[-1] for slug, _ in officials if names.get(slug)]
    venues = busiest(Venue, "meetings", "meetings__status")
    venue_names = dict(
        Venue.objects.filter(slug__in=[s for s, _ in venues]).values_list("slug", "name")
    )
    candidates += [venue_names[slug] for slug, _ in venues if venue_names.get(slug)]
    for word in candidates:
        word = word.strip(".,")
        if len(word) >= 3:
            words.setdefault(word.casefold(), word)
    base = reverse("meetings:list")
    paths = [with_query(base, [("q", w)]) for w in list(words.values())[:TARGET]]
    return Kind("list-search", KINDS["list-search"], paths)


def api_list() -> Kind:
    """The JSON API's list of meetings: a third of everything's pages, a third of pairs', a
    third of topics'."""
    base = reverse("api:meetings")
    per_page = settings.MEETINGS_PER_PAGE
    third = TARGET // 3
    everything = [(base, pages_of(published_count(), per_page))]
    pairs = [
        (with_query(base, [("country", a), ("country", b)]), pages_of(n, per_page))
        for a, b, n in _pairs()
    ]
    topics = [
        (with_query(base, [("topic", slug)]), pages_of(n, per_page))
        for slug, n in busiest(Topic, "meetings", "meetings__status")
    ]
    paths = [
        *spread(everything, third),
        *spread(pairs, third),
        *spread(topics, TARGET - 2 * third),
    ]
    return Kind("api-list", KINDS["api-list"], paths)


def list_search_text() -> Kind:
    """Words of the search's vocabulary (titles, names, summaries, sources), spread over it,
    each also misspelt (its third letter dropped): the texts' search, its ranking and "did you
    mean"."""
    words = list(
        SearchWord.objects.filter(word__regex=r"^[a-z]{5,}$")
        .order_by("word")
        .values_list("word", flat=True)
    )
    base = reverse("meetings:list")
    paths = []
    for word in evenly(words, TARGET // 2):
        paths += [with_query(base, [("q", word)]), with_query(base, [("q", word[:2] + word[3:])])]
    return Kind("list-search-text", KINDS["list-search-text"], paths)


def meeting() -> Kind:
    """Published meetings spread evenly over the ids, old and new."""
    ids = Meeting.objects.filter(status=PUBLISHED).order_by("pk").values_list("pk", flat=True)
    total = ids.count()
    wanted = set(evenly(range(total), TARGET))
    chosen = [pk for i, pk in enumerate(ids.iterator(chunk_size=10_000)) if i in wanted]
    return Kind(
        "meeting", KINDS["meeting"], [reverse("meetings:meeting", args=[pk]) for pk in chosen]
    )


def timeline() -> Kind:
    base = reverse("meetings:timeline")
    paths = [base]
    countries = busiest(Country, "meeting_countries", "meeting_countries__meeting__status", "code")
    paths += [with_query(base, [("country", code.lower())]) for code, _ in countries]
    paths += [with_query(base, [("country", a), ("country", b)]) for a, b, _ in _pairs()]
    return Kind("timeline", KINDS["timeline"], paths[:TARGET])


def _published_by(*parts: str) -> list[tuple]:
    functions = {"year": ExtractYear("date"), "month": ExtractMonth("date")}
    return list(
        Meeting.objects.filter(status=PUBLISHED)
        .annotate(**{p: functions[p] for p in parts})
        .values_list(*parts)
        .annotate(n=Count("id"))
        .order_by("-n", *parts)
    )


def timeline_year() -> Kind:
    per_page = settings.MEETINGS_PER_PAGE
    entries = [
        (reverse("meetings:year", args=[y]), pages_of(n, per_page))
        for y, n in _published_by("year")
    ]
    return Kind("timeline-year", KINDS["timeline-year"], spread(entries))


def timeline_month() -> Kind:
    per_page = settings.MEETINGS_PER_PAGE
    entries = [
        (reverse("meetings:month", args=[y, m]), pages_of(n, per_page))
        for y, m, n in _published_by("year", "month")
    ]
    return Kind("timeline-month", KINDS["timeline-month"], spread(entries))


def timeline_zoom() -> Kind:
    """The visual timeline zoomed in: the busiest months, their years, decades and days, then
    the same zooms for the busiest pairs."""
    base = reverse("meetings:timeline")
    months = _published_by("year", "month")
    periods: list[str] = []
    for year, month, _ in months:
        periods += [f"{year // 10 * 10}s", f"{year}", f"{year}-{month:02}"]
    days = (
        Meeting.objects.filter(status=PUBLISHED)
        .values_list("date")
        .annotate(n=Count("id"))
        .order_by("-n", "date")[:TARGET]
    )
    periods += [f"{day:%Y-%m-%d}" for day, _ in days]
    periods = list(dict.fromkeys(periods))
    paths = [with_query(base, [("period", p)]) for p in evenly(periods, TARGET // 2)]
    pairs = _pairs()
    for i, (a, b, _) in enumerate(pairs[: TARGET // 2]):
        period = periods[i % len(periods)] if periods else ""
        paths.append(with_query(base, [("country", a), ("country", b), ("period", period)]))
    return Kind("timeline-zoom", KINDS["timeline-zoom"], list(dict.fromkeys(paths))[:TARGET])


def world_map() -> Kind:
    base = reverse("meetings:map")
    paths = [base]
    countries = busiest(Country, "meeting_countries", "meeting_countries__meeting__status", "code")
    paths += [with_query(base, [("country", code.lower())]) for code, _ in countries]
    paths += [with_query(base, [("country", a), ("country", b)]) for a, b, _ in _pairs()]
    return Kind("map", KINDS["map"], paths[:TARGET])


def country() -> Kind:
    per_page = settings.MEETINGS_PER_PAGE
    rows = busiest(Country, "meeting_countries", "meeting_countries__meeting__status", "code")
    entries = [
        (reverse("meetings:country", args=[code.lower()]), pages_of(n, per_page))
        for code, n in rows
    ]
    return Kind("country", KINDS["country"], spread(entries))


def pair() -> Kind:
    per_page = settings.MEETINGS_PER_PAGE
    entries = [
        (reverse("meetings:pair", args=[a, b]), pages_of(n, per_page)) for a, b, n in _pairs()
    ]
    return Kind("pair", KINDS["pair"], spread(entries))


def _subject(name: str, url_name: str, rows: list[tuple[str, int]]) -> Kind:
    per_page = settings.MEETINGS_PER_PAGE
    entries = [(reverse(url_name, args=[slug]), pages_of(n, per_page)) for slug, n in rows]
    return Kind(name, KINDS[name], spread(entries))


def official() -> Kind:
    rows = busiest(Official, "participations__meeting", "participations__meeting__status")
    return _subject("official", "meetings:official", rows)


def topic() -> Kind:
    return _subject("topic", "meetings:topic", busiest(Topic, "meetings", "meetings__status"))


def venue() -> Kind:
    return _subject("venue", "meetings:venue", busiest(Venue, "meetings", "meetings__status"))


def occasion() -> Kind:
    rows = busiest(Occasion, "meetings", "meetings__status")
    return _subject("occasion", "meetings:occasion", rows)


def directory() -> Kind:
    """The directories list the rows with published meetings, 50 to a page."""
    entries = [
        (reverse(f"meetings:{name}"), pages_of(with_published(model, *how), DIRECTORY_PER_PAGE))
        for name, model, how in [
            ("officials", Official, ("participations__meeting", "participations__meeting__status")),
            ("venues", Venue, ("meetings", "meetings__status")),
            ("occasions", Occasion, ("meetings", "meetings__status")),
            ("topics", Topic, ("meetings", "meetings__status")),
        ]
    ] + [(reverse("meetings:countries"), 1)]
    return Kind("directory", KINDS["directory"], spread(entries))


def export_pair() -> Kind:
    """The busiest pairs' whole CSV: each request writes every meeting of its pair."""
    paths = [f"{reverse('meetings:pair', args=[a, b])}?format=csv" for a, b, _ in _pairs()]
    return Kind("export-pair", KINDS["export-pair"], paths)


def feed() -> Kind:
    """The Atom feeds of the busiest pairs, topics, officials and countries, and of lists with
    a pair and a topic, in turn."""
    atom = [("format", "atom")]
    groups = [
        [f"{reverse('meetings:pair', args=[a, b])}?format=atom" for a, b, _ in _pairs()],
        [
            f"{reverse('meetings:topic', args=[slug])}?format=atom"
            for slug, _ in busiest(Topic, "meetings", "meetings__status")
        ],
        [
            f"{reverse('meetings:official', args=[slug])}?format=atom"
            for slug, _ in busiest(
                Official, "participations__meeting", "participations__meeting__status"
            )
        ],
        [
            f"{reverse('meetings:country', args=[code.lower()])}?format=atom"
            for code, _ in busiest(
                Country, "meeting_countries", "meeting_countries__meeting__status", "code"
            )
        ],
        [
            with_query(reverse("meetings:list"), [("country", a), ("country", b), ("topic", t)])
            + "&"
            + urlencode(atom)
            for a, b, t, _ in busiest_pairs(
                "meeting__topics__slug", where=Q(meeting__topics__isnull=False)
            )
        ],
    ]
    paths = [p for row in itertools.zip_longest(*groups) for p in row if p]
    return Kind("feed", KINDS["feed"], paths[:TARGET])


PICKERS: dict[str, Callable[[], Kind]] = {
    STATIC: static_file,
    NO_DB: no_db,
    "home": home,
    "list": meeting_list,
    "list-deep": meeting_list_deep,
    "list-pair": list_pair,
    "list-venue": list_venue,
    "list-topic": list_topic,
    "list-combo": list_combo,
    "list-search": list_search,
    "list-search-text": list_search_text,
    "meeting": meeting,
    "timeline": timeline,
    "timeline-year": timeline_year,
    "timeline-month": timeline_month,
    "timeline-zoom": timeline_zoom,
    "map": world_map,
    "country": country,
    "pair": pair,
    "official": official,
    "topic": topic,
    "venue": venue,
    "occasion": occasion,
    "directory": directory,
    "export-pair": export_pair,
    "feed": feed,
    "api-list": api_list,
}
assert list(PICKERS) == list(KINDS)


def pick(names: Iterable[str]) -> list[Kind]:
    """The kinds asked for, in the table's order, each with its addresses and a note when short."""
    kinds = []
    for name in KINDS:
        if name not in names:
            continue
        kind = PICKERS[name]()
        kind.paths = list(dict.fromkeys(kind.paths))
        if not kind.paths:
            kind.note = "no such address in this data set: not measured"
        elif not kind.note and len(kind.paths) < TARGET:
            kind.note = f"only {len(kind.paths)} distinct addresses in this data set"
        kinds.append(kind)
    return kinds
