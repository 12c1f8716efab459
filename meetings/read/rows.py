"""What a list shows of each of its meetings, read as plain values in three queries (four with
the sources the exports list).

Model instances with prefetched relations cost several times as much to build as the whole rest
of a list page; twenty rows of plain values, read with SQL written out, cost half a
millisecond.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connections, router
from django.db.models import OuterRef, Subquery

from meetings.models import (
    Country,
    ExportRecord,
    Meeting,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Source,
    Topic,
    Venue,
    meeting_name,
)
from meetings.presentation import when

KINDS = dict(Meeting.Kind.choices)


@dataclass(slots=True)
class Person:
    name: str | None  # None: an office named without its holder
    title: str
    code: str
    country: str


@dataclass(slots=True)
class Cited:
    """A source as the exports list it."""

    url: str
    citation: str
    title: str
    publisher: str
    published_on: datetime.date | None


@dataclass(slots=True)
class Row:
    """A meeting as a list shows it (the attributes `presentation.when` reads included)."""

    id: int
    date: datetime.date
    date_precision: str
    end_date: datetime.date | None
    kind: str
    title: str
    venue: tuple[str, str, str, str] | None  # name, slug, country name, country code
    occasion: tuple[str, str] | None  # name, slug
    people: list[Person] = field(default_factory=list)
    topics: list[tuple[str, str]] = field(default_factory=list)  # name, slug
    sources: list[Cited] = field(default_factory=list)  # read for the exports only

    @property
    def heading(self) -> str:
        return meeting_name(self.title, [p.name or p.title for p in self.people], self.date)

    @property
    def when(self) -> str:
        return when(self)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def table(model) -> str:
    """A model's table, quoted for SQL written out."""
    return connections["default"].ops.quote_name(model._meta.db_table)


def columns(model, alias: str = "") -> str:
    """Every column of a model, quoted ("end" is a word of SQL), in the order its constructor
    takes them: model(*row) makes an instance of a row read with them."""
    quote = connections["default"].ops.quote_name
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + quote(field.column) for field in model._meta.concrete_fields)


# Runs of a query on a connection before PostgreSQL is asked to prepare it.
PREPARE_AFTER = 5


@contextlib.contextmanager
def prepared(connection):
    """Queries run inside are prepared once the connection has run them a few times, then
    neither parsed nor, as a rule, planned again: planning is most of a page's database time.

    Only for queries whose best plan is the same whatever their parameters (one subject's
    listing read along its index, rows by their keys): after five runs PostgreSQL may keep one
    plan for every parameter, and a plan made for an average subject is ten times too slow
    for the busiest one where the plan depends on how many rows a subject has. Django leaves
    preparing off; it is turned on only around these queries."""
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    before, raw.prepare_threshold = raw.prepare_threshold, PREPARE_AFTER
    try:
        yield
    finally:
        raw.prepare_threshold = before


def fetch(sql: str, params, *, prepare: bool = False) -> list[tuple]:
    """The rows of a query written as SQL, from the database the public pages read (a
    replica, when there is one); prepare: a query whose plan does not depend on its
    parameters (prepared())."""
    connection = connections[router.db_for_read(Meeting)]
    with (
        prepared(connection) if prepare else contextlib.nullcontext(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)
        return cursor.fetchall()


@functools.cache
def _converters(model, db: str) -> list[tuple[int, object, list]]:
    """What turns a model's columns, as the database gives them, into its fields' values (a
    UUID kept as text by SQLite, say), by column: [(position, expression, converters)]."""
    connection = connections[db]
    out = []
    for i, column in enumerate(model._meta.concrete_fields):
        expression = column.get_col(model._meta.db_table)
        converters = connection.ops.get_db_converters(expression) + column.get_db_converters(
            connection
        )
        if converters:
            out.append((i, expression, converters))
    return out


def instances(model, related: tuple[str, ...], where: str, params, order: str = "") -> list:
    """Instances of a model read with the rows their foreign keys name along related ("venue",
    "venue__country"), as select_related() reads them, in one query written as SQL and
    prepared: built by the ORM, the query of one page's meeting or official costs ten times as
    much Python. where and order name the model's table b, and a related row's table b_ and
    its path ("b_venue_country")."""
    parts = [(model, "b", None, None)]  # model, alias, alias of the row naming it, field
    joins = []
    for path in related:
        owner, owner_alias = model, "b"
        for step in path.split("__"):
            field = owner._meta.get_field(step)
            alias = f"{owner_alias}_{step}"
            if all(part[1] != alias for part in parts):
                joins.append(
                    f" LEFT JOIN {table(field.related_model)} {alias}"
                    f" ON {alias}.id = {owner_alias}.{field.column}"
                )
                parts.append((field.related_model, alias, owner_alias, step))
            owner, owner_alias = field.related_model, alias
    sql = (
        f"SELECT {', '.join(columns(m, alias) for m, alias, _, _ in parts)}"
        f" FROM {table(model)} b{''.join(joins)} WHERE {where}"
        + (f" ORDER BY {order}" if order else "")
    )
    db = router.db_for_read(model)
    out = []
    for row in fetch(sql, params, prepare=True):
        made = {}
        for m, alias, owner, field in parts:
            width = len(m._meta.concrete_fields)
            values, row = list(row[:width]), row[width:]
            for i, expression, converters in _converters(m, db):
                for convert in converters:
                    values[i] = convert(values[i], expression, connections[db])
            made[alias] = m.from_db(db, None, values) if values[0] is not None else None
            if owner is not None and made[owner] is not None:  # not past a missing row
                setattr(made[owner], field, made[alias])
        out.append(made["b"])
    return out


def published_meeting(pk: int) -> tuple[Meeting, list[Participation]] | None:
    """A published meeting with its venue, the venue's country and its occasion, and its
    participations with their officials and countries, by country name (two queries)."""
    found = instances(
        Meeting,
        ("venue__country", "occasion"),
        "b.id = %s AND b.status = %s",
        [pk, Meeting.Status.PUBLISHED],
    )
    if not found:
        return None
    people = instances(
        Participation, ("official", "country"), "b.meeting_id = %s", [pk], "b_country.name, b.id"
    )
    return found[0], people


@functools.cache
def _statements() -> tuple[str, str, str, str]:
    """The four queries of load(), with {ids} for the test of the ids.

    Written as SQL: built by the ORM, these three queries cost five times as much Python as
    they cost the database, and they run on every list page."""
    meeting, venue, country = table(Meeting), table(Venue), table(Country)
    occasion, participation, official = table(Occasion), table(Participation), table(Official)
    topic, link = table(Topic), table(Meeting.topics.through)
    source, cited = table(Source), table(MeetingSource)
    return (
        "SELECT m.id, m.date, m.date_precision, m.end_date, m.kind, m.title,"
        " v.name, v.slug, vc.name, o.name, o.slug, vc.code"
        f" FROM {meeting} m"
        f" LEFT JOIN {venue} v ON v.id = m.venue_id"
        f" LEFT JOIN {country} vc ON vc.id = v.country_id"
        f" LEFT JOIN {occasion} o ON o.id = m.occasion_id"
        " WHERE m.id {ids}",
        # the official's name by its key, row by row: joined, the planner would read every
        # official to hash them, a cost that grows with the officials recorded
        f"SELECT p.meeting_id, (SELECT f.name FROM {official} f WHERE f.id = p.official_id),"
        " p.title, c.code, c.name"
        f" FROM {participation} p"
        f" JOIN {country} c ON c.id = p.country_id"
        " WHERE p.meeting_id {ids} ORDER BY c.name, p.id",
        "SELECT mt.meeting_id, t.name, t.slug"
        f" FROM {link} mt JOIN {topic} t ON t.id = mt.topic_id"
        " WHERE mt.meeting_id {ids} ORDER BY t.name",
        "SELECT ms.meeting_id, s.url, s.citation, s.title, s.publisher, s.published_on"
        f" FROM {cited} ms JOIN {source} s ON s.id = ms.source_id"
        " WHERE ms.meeting_id {ids} ORDER BY ms.id",
    )


def _among(connection, ids: list[int]) -> tuple[str, list]:
    """The test of a column against these ids, and its parameters."""
    if connection.vendor == "postgresql":
        # the ids as one array: an export's 1,000 ids as as many parameters cost psycopg more
        # to bind than the database to read
        return "= ANY(%s)", [list(ids)]
    return f"IN ({', '.join(['%s'] * len(ids))})", ids


def load(ids: list[int], *, sources: bool = False, using: str | None = None) -> list[Row]:
    """The rows of these meetings, in this order (three queries; a fourth with their
    sources)."""
    if not ids:
        return []
    # the database the public pages read (a replica, when there is one), unless told
    connection = connections[using or router.db_for_read(Meeting)]
    test, params = _among(connection, ids)
    meetings, people, topics, cited = (sql.replace("{ids}", test) for sql in _statements())
    with prepared(connection), connection.cursor() as cursor:
        cursor.execute(meetings, params)
        found = {
            r[0]: Row(
                id=r[0],
                date=r[1],
                date_precision=r[2],
                end_date=r[3],
                kind=r[4],
                title=r[5],
                venue=(r[6], r[7], r[8], r[11]) if r[6] is not None else None,
                occasion=(r[9], r[10]) if r[9] is not None else None,
            )
            for r in cursor.fetchall()
        }
        cursor.execute(people, params)
        for meeting, name, title, code, country in cursor.fetchall():
            found[meeting].people.append(Person(name, title, code, country))
        cursor.execute(topics, params)
        for meeting, name, slug in cursor.fetchall():
            found[meeting].topics.append((name, slug))
        if sources:
            cursor.execute(cited, params)
            for meeting, *values in cursor.fetchall():
                found[meeting].sources.append(Cited(*values))
    return [found[pk] for pk in ids if pk in found]


def exported(fmt: str) -> Callable[[str], Subquery]:
    """What Selection.batches reads beside each meeting's id for an export: its text in this
    format ("csv" or "json") as its ExportRecord keeps it, None for a meeting without one."""
    if fmt not in ("csv", "json"):
        raise ValueError(f"no export column {fmt!r}")
    return lambda column: Subquery(
        ExportRecord.objects.filter(meeting_id=OuterRef(column)).values(fmt)[:1]
    )
