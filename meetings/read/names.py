"""Officials, topics, venues, occasions and countries as a reader names them.

Only what published meetings name is public: an official, venue, occasion or topic that only
drafts use is unknown here, exactly like one that does not exist. A name resolves to one thing
by its address (slug; a country's code), its exact name, or a part of its name or aliases that
only one public thing has; the suggestions are the public things whose names contain the words,
busiest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Q, QuerySet

from meetings.models import Country, Occasion, Official, Position, Subject, Topic, Venue
from meetings.read.cache import cached
from meetings.read.rows import fetch, instances, table
from meetings.text import fold

Kind = Subject.Kind

MODELS = {
    Kind.OFFICIAL: Official,
    Kind.TOPIC: Topic,
    Kind.VENUE: Venue,
    Kind.OCCASION: Occasion,
}
SUGGESTIONS = 10


def published(kind: str) -> QuerySet:
    """The officials (topics, venues, occasions) with at least one published meeting."""
    return MODELS[kind].objects.filter(
        Exists(Subject.objects.filter(kind=kind, meetings__gt=0, **{kind: OuterRef("pk")}))
    )


def containing(kind: str, text: str) -> Q:
    words = text.split()[:4]
    q = Q()
    for word in words:
        part = Q(name__icontains=word)
        if kind in (Kind.OFFICIAL, Kind.TOPIC):
            part |= Q(aliases__icontains=word)
        q &= part
    return q


class Unresolved(ValueError):
    """A name that names no public thing, or several; the message says which."""


def resolve(kind: str, text: str):
    """The one public thing of this kind that text names."""
    text = " ".join(text.split())
    what = MODELS[kind]._meta.verbose_name
    by_slug = published_where(kind, "slug", text.lower())
    if by_slug:
        return by_slug[0]
    exact = list(published(kind).filter(name__iexact=text)[:2])
    if len(exact) == 1:
        return exact[0]
    found = exact or _busiest(kind, containing(kind, text), 6)
    if len(found) == 1:
        return found[0]
    if not found:
        raise Unresolved(f"No {what} named “{text}” has published meetings.")
    names = ", ".join(thing.name for thing in found[:5])
    more = ", …" if len(found) > 5 else ""
    raise Unresolved(f"Several {what}s match “{text}”: {names}{more}. Type more of the name.")


# the order of the models (their Meta.ordering), in SQL
_ORDER = {Kind.OCCASION: "b.start DESC NULLS LAST, b.name"}


def published_where(kind: str, column: str, value) -> list:
    """The public things of this kind whose column holds value (a slug; a parent's or a
    venue's id), in their model's order: one query, written as SQL since the filters and the
    subject pages read it on every request."""
    where = (
        f"b.{column} = %s AND EXISTS (SELECT 1 FROM {table(Subject)} s WHERE s.kind = %s"
        f" AND s.meetings > 0 AND s.{kind}_id = b.id)"
    )
    return instances(MODELS[kind], (), where, [value, kind], _ORDER.get(kind, "b.name"))


def published_subject(kind: str, slug: str, related: tuple[str, ...] = ()) -> Subject | None:
    """The subject of the public thing of this kind with that address, with the thing itself
    (subject.<kind>) and the rows it names along related ("country", "venue__country"): one
    query, which every official's, topic's, venue's and occasion's page reads."""
    found = instances(
        Subject,
        (kind, *(f"{kind}__{path}" for path in related)),
        f"b.kind = %s AND b.meetings > 0 AND b_{kind}.slug = %s",
        [kind, slug],
    )
    return found[0] if found else None


def positions(official: Official) -> list[Position]:
    """An official's positions with their countries, latest first (one query)."""
    return instances(
        Position, ("country",), "b.official_id = %s", [official.pk], "b.start DESC NULLS LAST, b.id"
    )


def _busiest(kind: str, where: Q, limit: int) -> list:
    """The public things matching where, most published meetings first, each with .n."""
    subjects = (
        Subject.objects.filter(kind=kind, meetings__gt=0)
        .filter(**{f"{kind}__in": MODELS[kind].objects.filter(where).values("pk")})
        .select_related(kind)
        .order_by("-meetings", "id")[:limit]
    )
    out = []
    for subject in subjects:
        thing = getattr(subject, kind)
        thing.n = subject.meetings
        out.append(thing)
    return out


@dataclass(frozen=True)
class Suggestion:
    name: str
    value: str  # what the filter takes: the slug, or a country's code
    detail: str  # a country, a date
    meetings: int


def suggest(kind: str, text: str) -> list[Suggestion]:
    """Up to ten public things of this kind whose names contain the words of text."""
    text = " ".join(text.replace("\x00", " ").split())[:100]  # no database stores a NUL
    if kind == Kind.COUNTRY:
        return _suggest_countries(text)
    if not text:
        return []
    related = {Kind.OFFICIAL: "country", Kind.VENUE: "country", Kind.TOPIC: "parent"}
    things = _busiest(kind, containing(kind, text), SUGGESTIONS)
    out = []
    for thing in things:
        detail = ""
        if kind in related:
            other = getattr(thing, f"{related[kind]}_id")
            detail = str(getattr(thing, related[kind])) if other else ""
        elif kind == Kind.OCCASION and thing.start:
            detail = f"{thing.start:%b %Y}"
        out.append(Suggestion(thing.name, thing.slug, detail, thing.n))
    return out


# -- countries: few enough to keep whole ----------------------------------------------------


class CountryName(NamedTuple):  # kept in the cache: a named tuple unpickles fast
    pk: int
    code: str
    name: str
    meetings: int


def countries() -> dict[str, CountryName]:
    """Every country by its code, its name, its other names and its demonyms (folded)."""

    def read() -> dict[str, CountryName]:
        counts = dict(
            Subject.objects.filter(kind=Kind.COUNTRY).values_list("country_id", "meetings")
        )
        out: dict[str, CountryName] = {}
        rows = Country.objects.values_list("pk", "code", "name", "aliases", "demonyms")
        for pk, code, name, aliases, demonyms in rows:
            entry = CountryName(pk, code, name, counts.get(pk, 0))
            for word in [name, *aliases.splitlines(), *demonyms.splitlines()]:
                out.setdefault(fold(word), entry)
            out[code.lower()] = entry
        return out

    return cached("country-names", read)


def countries_at(codes: list[str]) -> dict[str, Country]:
    """The countries with these codes (in capitals), by code: one query, written as SQL since
    every country's and pair's page reads it."""
    where = f"b.code IN ({', '.join(['%s'] * len(codes))})"
    return {country.code: country for country in instances(Country, (), where, codes)}


def resolve_countries(texts: list[str]) -> list[CountryName]:
    """The countries codes or names (in any case) stand for, in one query when they are codes
    or names as the site writes them; other names and demonyms ("USA", "Indian") and the start
    of a name are looked up among every country's words."""
    if not texts:
        return []
    # written as SQL: every list of a country or a pair reads it
    names = [text for text in texts if len(text) > 4]
    sql = (
        f"SELECT id, code, name FROM {table(Country)}"
        f" WHERE code IN ({', '.join(['%s'] * len(texts))})"
        + "".join(" OR UPPER(name) = UPPER(%s)" for _ in names)
    )
    direct: dict[str, CountryName] = {}
    for pk, code, name in fetch(sql, [*(t.upper() for t in texts), *names]):
        entry = CountryName(pk, code, name, meetings=0)
        direct[code.lower()] = direct.setdefault(name.lower(), entry)
    return [direct.get(text.lower()) or _resolve_country(text) for text in texts]


def _resolve_country(text: str) -> CountryName:
    known = countries()
    entry = known.get(fold(text))
    if entry is not None:
        return entry
    starting = {e for key, e in known.items() if key.startswith(fold(text))} if text else set()
    if len(starting) == 1:
        return starting.pop()
    if starting:
        names = ", ".join(sorted(e.name for e in starting)[:5])
        raise Unresolved(f"Several countries match “{text}”: {names}. Type more of the name.")
    if len(text) in (2, 4) and text.isascii() and text.isalpha():
        raise Unresolved(f"No country has the code “{text.lower()}”.")
    raise Unresolved(f"No country is called “{text}” (give a name, or a code such as in, us).")


def _suggest_countries(text: str) -> list[Suggestion]:
    key = fold(text)
    entries = {e for name, e in countries().items() if key in name} if key else set()
    ranked = sorted(entries, key=lambda e: (-e.meetings, e.name))[:SUGGESTIONS]
    return [Suggestion(e.name, e.code.lower(), e.code, e.meetings) for e in ranked]
