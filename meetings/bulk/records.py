"""The JSONL format, one meeting per line, and the checks a line passes before it is imported.

A line is a JSON object; see README.md ("Bulk data: the JSONL format") for an example. Parsing
turns it into plain records holding country codes and slugs; the importer maps those to rows.
Anything the database would refuse (a title too long, an unknown country, a source with neither
URL nor citation...) is refused here, with a reason that names the place in the line.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import uuid
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.text import slugify

from meetings import rules
from meetings.models import (
    Meeting,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
    Topic,
    Venue,
    held_on,
    split_lines,
)

PRECISIONS = tuple(Meeting.Precision.values)
KINDS = tuple(Meeting.Kind.values)
STATUSES = tuple(Meeting.Status.values)
BASES = tuple(Meeting.Basis.values)
SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")
URL = re.compile(r"^https?://\S+\Z")


def _max(model, field: str) -> int:
    return model._meta.get_field(field).max_length


LIMITS = {
    "meeting.title": _max(Meeting, "title"),
    "meeting.summary": _max(Meeting, "summary"),
    "official.name": _max(Official, "name"),
    "slug": _max(Official, "slug"),
    "position.title": _max(Position, "title"),
    "participant.title": _max(Participation, "title"),
    "venue.name": _max(Venue, "name"),
    "occasion.name": _max(Occasion, "name"),
    "topic.name": _max(Topic, "name"),
    "source.url": _max(Source, "url"),
    "source.citation": _max(Source, "citation"),
    "source.title": _max(Source, "title"),
    "source.publisher": _max(Source, "publisher"),
}


def _escapes_surrogates(raw: bytes | str) -> bool:
    """Whether a line may hold a surrogate: written as an escape, or as bytes JSON lets pass."""
    if isinstance(raw, bytes):
        return b"\\ud" in raw.lower() or b"\xed" in raw
    return "\\ud" in raw.lower() or any("\ud800" <= c <= "\udfff" for c in raw)


def _holds_lone_surrogate(value) -> bool:
    """A text no database can store: half of a UTF-16 pair, alone (only this check walks the
    line, and only when it may hold one)."""
    if isinstance(value, str):
        return any("\ud800" <= c <= "\udfff" for c in value)
    if isinstance(value, dict):
        return any(_holds_lone_surrogate(k) or _holds_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_lone_surrogate(v) for v in value)
    return False


class BadLine(ValueError):
    """A line that cannot be imported; the message says why."""


@dataclass(slots=True)
class VenueRecord:
    slug: str
    name: str
    country: str
    latitude: float | None
    longitude: float | None


@dataclass(slots=True)
class OccasionRecord:
    slug: str
    name: str
    start: datetime.date | None
    end: datetime.date | None
    venue: VenueRecord | str | None  # the venue, or the slug of one known already


# (title, country code, start, end)
class PositionRecord(NamedTuple):
    title: str
    country: str  # a code
    start: datetime.date | None
    end: datetime.date | None


@dataclass(slots=True)
class OfficialRecord:
    slug: str
    name: str
    aliases: str  # one per line, as stored
    country: str | None
    positions: tuple[PositionRecord, ...] | None  # None: the line says nothing about them


@dataclass(slots=True)
class ParticipantRecord:
    official: OfficialRecord | None  # None: an office named without its holder
    title: str
    country: str


@dataclass(slots=True)
class TopicRecord:
    slug: str
    name: str
    parent: str | None  # a slug
    aliases: str


@dataclass(slots=True)
class SourceRecord:
    url: str
    citation: str
    title: str
    publisher: str
    published_on: datetime.date | None
    quote: str
    offline: bool = False

    @property
    def checkable(self) -> bool:
        return rules.checkable(url=self.url, citation=self.citation, offline=self.offline)

    @property
    def key(self) -> tuple:
        """Sources are matched by URL, or by citation, publisher and date when there is none."""
        if self.url:
            return (self.url,)
        return (self.citation, self.publisher, self.published_on)


@dataclass(slots=True)
class MeetingRecord:
    line: int
    uid: uuid.UUID
    date: datetime.date
    date_precision: str
    end_date: datetime.date | None
    basis: str
    kind: str
    status: str
    title: str
    summary: str
    venue: VenueRecord | None
    occasion: OccasionRecord | None
    participants: list[ParticipantRecord]
    topics: list[TopicRecord]
    sources: list[SourceRecord]


@dataclass(slots=True)
class EntityRecord:
    """A line naming a topic, an official, a venue or an occasion on its own, with no meeting:
    a vocabulary of topics or a list of officials travels this way. It has the attributes of a
    MeetingRecord that name things, so the importer writes it as it writes those."""

    line: int
    venue: VenueRecord | None = None
    occasion: OccasionRecord | None = None
    participants: list[ParticipantRecord] = field(default_factory=list)
    topics: list[TopicRecord] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    uid: None = None


ENTITY_KEYS = ("topic", "official", "venue", "occasion")


class LineParser:
    """Checks lines against the format and the known country codes."""

    def __init__(self, country_codes):
        self.codes = frozenset(country_codes)
        # An official, venue, occasion or topic comes back on many lines, mostly as the same
        # object: checked once, then recognised by equality (a fast comparison in C).
        self._seen: dict[tuple[str, str], tuple[dict, object]] = {}

    def _cached(self, kind: str, data, where: str, check):
        key = data.get("slug") or data.get("name") if isinstance(data, dict) else None
        if not isinstance(key, str):
            return check(data, where)
        hit = self._seen.get((kind, key))
        if hit is not None and hit[0] == data:
            return hit[1]
        record = check(data, where)
        self._seen[(kind, key)] = (data, record)
        return record

    def parse(self, raw: bytes | str, line: int = 0) -> MeetingRecord | None:
        """The record of a line; None for a blank line; BadLine when it cannot be imported."""
        if not raw.strip():
            return None
        if ("\\u0000" if isinstance(raw, str) else b"\\u0000") in raw:
            raise BadLine("a text contains a NUL character (\\u0000), which databases refuse")
        try:
            data = json.loads(raw)
        except UnicodeDecodeError:
            raise BadLine("invalid JSON: the line is not UTF-8") from None
        except json.JSONDecodeError as exc:
            raise BadLine(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        except RecursionError:
            raise BadLine("invalid JSON: nested too deeply") from None
        if _escapes_surrogates(raw) and _holds_lone_surrogate(data):
            raise BadLine("a text holds a lone surrogate (\\ud800-\\udfff), which is no character")
        if not isinstance(data, dict):
            raise BadLine(f"invalid JSON: a line must hold an object, not {_type(data)}")
        named = [key for key in ENTITY_KEYS if key in data]
        if "uid" not in data and len(named) == 1 and len(data) == 1:
            return self.entity(named[0], data[named[0]], line)
        return self.meeting(data, line)

    def entity(self, kind: str, data, line: int) -> EntityRecord:
        if kind == "topic":
            return EntityRecord(line, topics=[self.topic(data, "topic")])
        if kind == "official":
            official = self.official(data, "official")
            return EntityRecord(line, participants=[ParticipantRecord(official, "", "")])
        if kind == "venue":
            return EntityRecord(line, venue=self.venue(data, "venue"))
        return EntityRecord(line, occasion=self.occasion(data, "occasion"))

    # -- the meeting ------------------------------------------------------------------------

    def meeting(self, data: dict, line: int) -> MeetingRecord:
        uid = data.get("uid")
        if uid in (None, ""):
            raise BadLine("missing uid")
        try:
            uid = uuid.UUID(uid) if isinstance(uid, str) else None
        except ValueError:
            uid = None
        if uid is None:
            raise BadLine(f"uid: {data['uid']!r} is not a UUID")
        if data.get("date") in (None, ""):
            raise BadLine("missing date")
        day = _date(data, "date", "")
        precision = _choice(data, "date_precision", PRECISIONS, Meeting.Precision.DAY)
        if precision == Meeting.Precision.MONTH:
            day = day.replace(day=1)
        elif precision == Meeting.Precision.YEAR:
            day = day.replace(month=1, day=1)

        venue = data.get("venue")
        if venue is not None:
            venue = self._cached("venue", venue, "venue", self.venue)
        occasion = data.get("occasion")
        if occasion is not None:
            occasion = self._cached("occasion", occasion, "occasion", self.occasion)

        participants = _list(data, "participants", "")
        parts = [
            self.participant(item, f"participants[{i}]", day) for i, item in enumerate(participants)
        ]
        slugs = [p.official.slug for p in parts if p.official is not None]
        if len(set(slugs)) < len(slugs):
            twice = next(s for s in slugs if slugs.count(s) > 1)
            raise BadLine(f"participants: official {twice!r} takes part twice")

        topics = {}
        # "issues": the name older files give the topics
        name = "topics" if "topics" in data or "issues" not in data else "issues"
        for i, item in enumerate(_list(data, name, "")):
            topic = self._cached("topic", item, f"{name}[{i}]", self.topic)
            topics.setdefault(topic.slug, topic)

        sources, keys = [], set()
        for i, item in enumerate(_list(data, "sources", "")):
            source = self.source(item, f"sources[{i}]")
            if source.key in keys:
                raise BadLine(f"sources[{i}]: the same source is given twice")
            keys.add(source.key)
            sources.append(source)

        status = _choice(data, "status", STATUSES, Meeting.Status.DRAFT)
        problems = rules.meeting_problems(
            status=status,
            participants=len(parts),
            sources=len(sources),
            checkable=sum(s.checkable for s in sources),
        )
        if problems:
            raise BadLine(problems[0])
        end = _date(data, "end_date", "")
        if end is not None and end <= day:
            raise BadLine(f"end_date: {end} is not after the date ({day})")
        return MeetingRecord(
            line=line,
            uid=uid,
            date=day,
            date_precision=precision,
            end_date=end,
            basis=_choice(data, "basis", BASES, Meeting.Basis.STATED),
            kind=_choice(data, "kind", KINDS, Meeting.Kind.IN_PERSON),
            status=status,
            title=_text(data, "title", "", LIMITS["meeting.title"]),
            summary=_text(data, "summary", "", LIMITS["meeting.summary"]),
            venue=venue,
            occasion=occasion,
            participants=parts,
            topics=list(topics.values()),
            sources=sources,
        )

    # -- what a meeting points to -----------------------------------------------------------

    def code(self, value, where: str, *, required: bool) -> str | None:
        if value in (None, ""):
            if required:
                raise BadLine(f"{where}: missing country code")
            return None
        if not isinstance(value, str):
            raise BadLine(f"{where}: a country code must be a string, not {_type(value)}")
        code = value.strip().upper()
        if code not in self.codes:
            raise BadLine(f"{where}: unknown country code {value!r}")
        return code

    def venue(self, data, where: str) -> VenueRecord:
        data = _object(data, where)
        name = _name(data, where, LIMITS["venue.name"])
        return VenueRecord(
            slug=_slug(data, where, name),
            name=name,
            country=self.code(data.get("country"), f"{where}.country", required=True),
            latitude=_coordinate(data, "latitude", where, 90),
            longitude=_coordinate(data, "longitude", where, 180),
        )

    def occasion(self, data, where: str) -> OccasionRecord:
        data = _object(data, where)
        name = _name(data, where, LIMITS["occasion.name"])
        start, end = _date(data, "start", where), _date(data, "end", where)
        if start and end and end < start:
            raise BadLine(f"{where}: ends ({end}) before it starts ({start})")
        venue = data.get("venue")
        if isinstance(venue, dict):
            venue = self._cached("venue", venue, f"{where}.venue", self.venue)
        elif venue not in (None, "") and not (isinstance(venue, str) and SLUG.match(venue)):
            raise BadLine(f"{where}.venue: {venue!r} is neither a venue nor a venue slug")
        return OccasionRecord(
            slug=_slug(data, where, name), name=name, start=start, end=end, venue=venue or None
        )

    def official(self, data, where: str) -> OfficialRecord:
        data = _object(data, where)
        name = _name(data, where, LIMITS["official.name"])
        positions = None
        if data.get("positions") is not None:
            positions = tuple(
                self.position(item, f"{where}.positions[{i}]")
                for i, item in enumerate(_list(data, "positions", where))
            )
        return OfficialRecord(
            slug=_slug(data, where, name),
            name=name,
            aliases=_aliases(data, where),
            country=self.code(data.get("country"), f"{where}.country", required=False),
            positions=positions,
        )

    def position(self, data, where: str) -> PositionRecord:
        data = _object(data, where)
        title = _text(data, "title", where, LIMITS["position.title"])
        if not title:
            raise BadLine(f"{where}: missing title")
        start, end = _date(data, "start", where), _date(data, "end", where)
        if start and end and end < start:
            raise BadLine(f"{where}: ends ({end}) before it starts ({start})")
        code = self.code(data.get("country"), f"{where}.country", required=True)
        return PositionRecord(title, code, start, end)

    def participant(self, data, where: str, day: datetime.date) -> ParticipantRecord:
        data = _object(data, where)
        title = _text(data, "title", where, LIMITS["participant.title"])
        country = self.code(data.get("country"), f"{where}.country", required=False)
        if data.get("official") in (None, "", {}):
            # an office the source names without its holder: its title and country say it all
            if not title or not country:
                raise BadLine(f"{where}: a participant without official, title and country")
            return ParticipantRecord(official=None, title=title, country=country)
        official = self._cached("official", data["official"], f"{where}.official", self.official)
        if not title or not country:
            # as Participation.save does: the position held on the day, else the official's country
            held = held_on(official.positions or (), day)
            if held:
                title = title or held[0]
                country = country or held[1]
            country = country or official.country
        if not country:
            raise BadLine(f"{where}: no country, and the official holds no position on {day}")
        return ParticipantRecord(official=official, title=title, country=country)

    def topic(self, data, where: str) -> TopicRecord:
        data = _object(data, where)
        name = _name(data, where, LIMITS["topic.name"])
        slug = _slug(data, where, name)
        parent = data.get("parent")
        if parent in (None, ""):
            parent = None
        elif not (isinstance(parent, str) and SLUG.match(parent)):
            raise BadLine(f"{where}.parent: {parent!r} is not a topic slug")
        elif parent == slug:
            raise BadLine(f"{where}: a topic cannot be its own parent")
        return TopicRecord(slug=slug, name=name, parent=parent, aliases=_aliases(data, where))

    def source(self, data, where: str) -> SourceRecord:
        data = _object(data, where)
        url = _text(data, "url", where, LIMITS["source.url"]).strip()
        if url and not URL.match(url):
            raise BadLine(f"{where}.url: {url!r} is not an http(s) URL")
        citation = _text(data, "citation", where, LIMITS["source.citation"])
        if not url and not citation:
            raise BadLine(f"{where}: a source needs a url or a citation")
        offline = data.get("offline", False)
        if offline is None:
            offline = False
        if not isinstance(offline, bool):
            raise BadLine(f"{_at(where, 'offline')}: expected true or false, not {_type(offline)}")
        problem = rules.source_problem(url=url, citation=citation, offline=offline)
        if problem:
            raise BadLine(f"{where}: {problem}")
        return SourceRecord(
            offline=offline,
            url=url,
            citation=citation,
            title=_text(data, "title", where, LIMITS["source.title"]),
            publisher=_text(data, "publisher", where, LIMITS["source.publisher"]),
            published_on=_date(data, "published_on", where),
            quote=_text(data, "quote", where),
        )


# -- small checks -------------------------------------------------------------------------------


def _type(value) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false"}.get(
        type(value), "null" if value is None else "a number"
    )


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _object(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise BadLine(f"{where}: expected an object, not {_type(value)}")
    return value


def _list(data: dict, key: str, where: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadLine(f"{_at(where, key)}: expected a list, not {_type(value)}")
    return value


def _text(data: dict, key: str, where: str, max_length: int | None = None) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadLine(f"{_at(where, key)}: expected a string, not {_type(value)}")
    if max_length and len(value) > max_length:
        raise BadLine(f"{_at(where, key)}: longer than {max_length} characters")
    return value


def _name(data: dict, where: str, max_length: int) -> str:
    name = _text(data, "name", where, max_length).strip()
    if not name:
        raise BadLine(f"{where}: missing name")
    return name


def _slug(data: dict, where: str, name: str) -> str:
    slug = data.get("slug")
    if slug in (None, ""):
        slug = slugify(name)[: LIMITS["slug"]].strip("-")
        if not slug:
            raise BadLine(f"{where}: no slug given, and none can be made from the name")
        return slug
    if not isinstance(slug, str) or not SLUG.match(slug) or len(slug) > LIMITS["slug"]:
        raise BadLine(f"{where}.slug: {slug!r} is not a slug of up to {LIMITS['slug']} characters")
    return slug


def _aliases(data: dict, where: str) -> str:
    value = data.get("aliases")
    if value is None:
        return ""
    if isinstance(value, str):
        return "\n".join(split_lines(value))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadLine(f"{_at(where, 'aliases')}: expected a list of strings")
    return "\n".join(v.strip() for v in value if v.strip())


def _date(data: dict, key: str, where: str) -> datetime.date | None:
    value = data.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise BadLine(f"{_at(where, key)}: {value!r} is not a date (YYYY-MM-DD)")


def _choice(data: dict, key: str, choices: tuple[str, ...], default: str) -> str:
    value = data.get(key)
    if value in (None, ""):
        return default
    if value not in choices:
        raise BadLine(f"{key}: {value!r} is not one of {', '.join(choices)}")
    return value


def _coordinate(data: dict, key: str, where: str, limit: int) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or not -limit <= value <= limit
    ):
        raise BadLine(f"{_at(where, key)}: {value!r} is not a number from -{limit} to {limit}")
    return float(value)
