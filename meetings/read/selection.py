"""A selection: the published meetings a page shows, and what is counted of them.

A Selection names some countries, a topic, an official, a venue or an occasion, and may narrow
them by kind, dates or words. Each thing it names is a Subject (meetings.derived); its meetings
are read newest first from the listing of the subject with the fewest meetings, a page of ids at
a time. Totals, meetings per year and per month and rankings come from the subjects' counts
when they describe the selection, and are counted from its meetings (up to a limit) otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from django.core.paginator import Page
from django.db import connection
from django.db.models import Count, Expression, Q, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.functional import cached_property

from meetings.derived import EVERYTHING, Key
from meetings.models import (
    SUBJECT_COLUMNS,
    Country,
    ExportBlock,
    Meeting,
    Occasion,
    Official,
    Subject,
    SubjectMeeting,
    SubjectMonth,
    SubjectOverlap,
    SubjectOverlapYear,
    Topic,
    Venue,
)
from meetings.read.cache import cached
from meetings.read.paging import paginate
from meetings.read.rows import Row, columns, fetch, load, table
from meetings.read.search import FEW_MATCHES, Search, matching, ranked

Kind = Subject.Kind


@dataclass(frozen=True)
class Near:
    """A meeting before or after another: what the link to it says."""

    pk: int
    date: datetime.date
    date_precision: str
    end_date: datetime.date | None
    venue: str | None


class Tally(NamedTuple):
    """Meetings of a period, and how many of them were phone calls and video calls (the rest
    met in person)."""

    count: int = 0
    calls: int = 0
    videos: int = 0

    @property
    def in_person(self) -> int:
        return self.count - self.calls - self.videos

    def plus(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(self, other, strict=True)))


def tallies(rows) -> dict:
    """{period: Tally} from rows of (period, meeting kind, meetings)."""
    out: dict = {}
    for period, held, n in rows:
        tally = Tally(n, n if held == Meeting.Kind.CALL else 0, n if held == VIRTUAL else 0)
        out[period] = out.get(period, Tally()).plus(tally)
    return out


VIRTUAL = Meeting.Kind.VIRTUAL


def key_of(subject: Subject) -> Key:
    values = [getattr(subject, f"{n}_id") for n in SUBJECT_COLUMNS[subject.kind]]
    return Key(subject.kind, *values)


# Rankings are kept in the cache and read back on every page that shows them: named tuples,
# which unpickle several times faster than dataclasses.
class Place(NamedTuple):
    """A country as a ranking or a pair names it; n: its meetings in the ranking."""

    pk: int
    code: str
    name: str
    n: int = 0

    @property
    def url_code(self) -> str:
        return self.code.lower()


class Ranked(NamedTuple):
    """A topic, an official or a venue as a ranking shows it, with n meetings; an official's or
    a venue's country, and a venue's coordinates (the map draws them)."""

    pk: int
    name: str
    slug: str
    n: int
    country: Place | None = None
    latitude: float | None = None
    longitude: float | None = None


def _code(place: Place) -> str:
    return place.code


def _place_or_none(pk, code, name) -> Place | None:
    return Place(pk, code, name) if pk is not None else None


# What a ranking of each kind reads of the thing ranked (its subject is "s"), and how it
# makes a value of a row: (meetings, *columns).
_RANKINGS = {
    Kind.COUNTRY: (
        "c.id, c.code, c.name",
        "JOIN {country} c ON c.id = s.country_id",
        lambda n, pk, code, name: Place(pk, code, name, n),
    ),
    Kind.TOPIC: (
        "t.id, t.name, t.slug",
        "JOIN {topic} t ON t.id = s.topic_id",
        lambda n, pk, name, slug: Ranked(pk, name, slug, n),
    ),
    Kind.OFFICIAL: (
        "f.id, f.name, f.slug, c.id, c.code, c.name",
        "JOIN {official} f ON f.id = s.official_id LEFT JOIN {country} c ON c.id = f.country_id",
        lambda n, pk, name, slug, *country: Ranked(pk, name, slug, n, _place_or_none(*country)),
    ),
    Kind.VENUE: (
        "v.id, v.name, v.slug, c.id, c.code, c.name, v.latitude, v.longitude",
        "JOIN {venue} v ON v.id = s.venue_id LEFT JOIN {country} c ON c.id = v.country_id",
        lambda n, pk, name, slug, c_pk, c_code, c_name, latitude, longitude: Ranked(
            pk, name, slug, n, _place_or_none(c_pk, c_code, c_name), latitude, longitude
        ),
    ),
}


def _tables() -> dict[str, str]:
    return {
        "overlap": table(SubjectOverlap),
        "subject": table(Subject),
        "country": table(Country),
        "topic": table(Topic),
        "official": table(Official),
        "venue": table(Venue),
    }


@functools.cache
def _ranking(kind: str, *, by_country: bool) -> tuple[str, Callable]:
    """The query of a subject's ranking of one kind (parameters: the subject, the kind, the
    officials' country when by_country, the limit), and what makes a value of its rows.

    Written as SQL: the pages that rank show three rankings, and the ORM's work of building
    each query and its model instances cost more than the rest of such a page."""
    columns, joins, make = _RANKINGS[kind]
    sql = (
        f"SELECT o.meetings, {columns} FROM {{overlap}} o"
        f" JOIN {{subject}} s ON s.id = o.other_id {joins}"
        " WHERE o.subject_id = %s AND o.other_kind = %s AND o.meetings > 0"
        # the kind said of the subjects too, so that a country's officials are found through
        # the index of each kind's subjects instead of a hash of every subject
        + (" AND f.country_id = %s AND s.kind = o.other_kind" if by_country else "")
        + " ORDER BY o.meetings DESC, o.other_id LIMIT %s"
    )
    return sql.format(**_tables()), make


@functools.cache
def _busiest(kind: str) -> tuple[str, Callable]:
    """As _ranking(), for everything: the subjects of a kind with most meetings (parameters:
    the kind, the limit), from the index of each kind's subjects by meetings."""
    columns, joins, make = _RANKINGS[kind]
    sql = (
        f"SELECT s.meetings, {columns} FROM {{subject}} s {joins}"
        " WHERE s.kind = %s AND s.meetings > 0 ORDER BY s.meetings DESC, s.id LIMIT %s"
    )
    return sql.format(**_tables()), make


def as_date(value: datetime.date | str) -> datetime.date:
    """A date read by SQL written out: SQLite gives its ISO text."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


@functools.cache
def _pairs_sql() -> str:
    """A subject's busiest pairs (parameters: the subject, the kind "pair", the limit)."""
    return (
        "SELECT o.meetings, a.id, a.code, a.name, b.id, b.code, b.name FROM {overlap} o"
        " JOIN {subject} s ON s.id = o.other_id"
        " JOIN {country} a ON a.id = s.country_id JOIN {country} b ON b.id = s.partner_id"
        " WHERE o.subject_id = %s AND o.other_kind = %s"
        " ORDER BY o.meetings DESC, o.other_id LIMIT %s"
    ).format(**_tables())


# What busiest() counts, as (subject_id, kind, its countries' and topic's ids, n) of pairs and
# topics: the months' meetings of the candidates (the pairs and the topics with most meetings;
# parameters: the kinds and their number, then the dates said in {dates}) ...
_CANDIDATES_COUNTED = (
    "SELECT m.subject_id, c.kind, c.country_id, c.partner_id, c.topic_id, SUM(m.meetings) AS n"
    " FROM (SELECT * FROM (SELECT id, kind, country_id, partner_id, topic_id FROM {subject}"
    " WHERE kind = %s ORDER BY meetings DESC, id LIMIT %s) p UNION ALL"
    " SELECT * FROM (SELECT id, kind, country_id, partner_id, topic_id FROM {subject}"
    " WHERE kind = %s ORDER BY meetings DESC, id LIMIT %s) t"
    ") c JOIN {month} m ON m.subject_id = c.id{dates}"
    " GROUP BY m.subject_id, c.kind, c.country_id, c.partner_id, c.topic_id"
)
# ... or, for every meeting over one whole year, the pairs and the topics with most meetings
# that year, from its own counts (parameters: everything's subject, "pair", the year and
# how many, then the same for "topic") ...
_YEAR_COUNTED = (
    "SELECT c.other_id AS subject_id, s.kind, s.country_id, s.partner_id, s.topic_id,"
    " c.meetings AS n FROM ("
    " SELECT * FROM (SELECT other_id, meetings FROM {year} WHERE subject_id = %s"
    " AND other_kind = %s AND year = %s ORDER BY meetings DESC, other_id LIMIT %s) p UNION ALL"
    " SELECT * FROM (SELECT other_id, meetings FROM {year} WHERE subject_id = %s"
    " AND other_kind = %s AND year = %s ORDER BY meetings DESC, other_id LIMIT %s) t"
    ") c JOIN {subject} s ON s.id = c.other_id"
)
# ... or the listings of the newest meetings ({ids}, a query of their ids; parameters: its
# own, then the two kinds)
_SAMPLE_COUNTED = (
    "SELECT l.subject_id, s.kind, s.country_id, s.partner_id, s.topic_id, COUNT(*) AS n"
    " FROM {listing} l JOIN {subject} s ON s.id = l.subject_id"
    " WHERE l.meeting_id IN ({ids}) AND s.kind IN (%s, %s)"
    " GROUP BY l.subject_id, s.kind, s.country_id, s.partner_id, s.topic_id"
)


@functools.cache
def _busiest_sql(counted: str) -> str:
    """The first of each kind of what counted counts (parameter after its own: how many),
    with the pairs' countries and the topics' names: (n, kind, pair's country a's id, code and
    name, country b's, topic's id, name and slug). The subjects' rows are not read again: a
    join back to them, misjudged, read all of them."""
    return (
        "SELECT r.n, r.kind, a.id, a.code, a.name, b.id, b.code, b.name, t.id, t.name, t.slug"
        " FROM (SELECT kind, country_id, partner_id, topic_id, n, row_number() OVER"
        " (PARTITION BY kind ORDER BY n DESC, subject_id) AS place FROM (" + counted + ") c) r"
        " LEFT JOIN {country} a ON a.id = r.country_id"
        " LEFT JOIN {country} b ON b.id = r.partner_id"
        " LEFT JOIN {topic} t ON t.id = r.topic_id"
        " WHERE r.place <= %s ORDER BY r.kind, r.place"
    ).format(
        **_tables(),
        month=table(SubjectMonth),
        year=table(SubjectOverlapYear),
        listing=table(SubjectMeeting),
        dates="{dates}",  # said by the caller
        ids="{ids}",
    )


@dataclass(frozen=True)
class Listing:
    """One subject's meetings, newest first, read a slice at a time in SQL written out: its
    listing, or the meetings' own index for everything. The same reads as Selection.ids(),
    whose query the ORM builds at the cost of drawing a page's rows, for the commonest lists:
    everything, one country, pair, topic, official, venue or occasion."""

    subject: Subject
    # a page of a year or a month reads the same index from its first day to its last
    start: datetime.date | None = None
    end: datetime.date | None = None

    def _source(self) -> tuple[str, str, str, object]:
        """The table read, its column of meeting ids, and what names the subject's rows in it
        (a condition and its value)."""
        if self.subject.kind == Kind.EVERYTHING:
            return table(Meeting), "id", "status = %s", Meeting.Status.PUBLISHED
        return table(SubjectMeeting), "meeting_id", "subject_id = %s", self.subject.pk

    def _within(self) -> tuple[str, str, str, list]:
        """_source(), its condition taking the dates too, and the condition's parameters."""
        source, column, where, value = self._source()
        params = [value]
        for bound, day in ((">=", self.start), ("<=", self.end)):
            if day is not None:
                where += f" AND date {bound} %s"
                params.append(day)
        return source, column, where, params

    def __getitem__(self, part: slice) -> list[int]:
        source, column, where, params = self._within()
        start = part.start or 0
        sql = (
            f"SELECT {column} FROM {source} WHERE {where}"
            f" ORDER BY date DESC, {column} DESC LIMIT %s OFFSET %s"
        )
        return [pk for (pk,) in fetch(sql, [*params, part.stop - start, start], prepare=True)]

    def days(self) -> dict[datetime.date, int]:
        """Meetings per day within the dates (days without any left out)."""
        source, _, where, params = self._within()
        sql = f"SELECT date, COUNT(*) FROM {source} WHERE {where} GROUP BY date"
        return {as_date(day): n for day, n in fetch(sql, params, prepare=True)}

    def around(self, meeting: Meeting) -> list[Near]:
        """The meetings just before and just after this one, with what the links to them say
        (one query, each side one step along the index)."""
        source, column, where, value = self._source()
        sides = []
        for name, step, order in (("older", "<", "DESC"), ("newer", ">", "ASC")):
            sides.append(
                f"SELECT * FROM (SELECT l.{column}, l.date, m.date_precision, m.end_date, v.name"
                f" FROM {source} l JOIN {table(Meeting)} m ON m.id = l.{column}"
                f" LEFT JOIN {table(Venue)} v ON v.id = m.venue_id WHERE l.{where}"
                f" AND (l.date {step} %s OR (l.date = %s AND l.{column} {step} %s))"
                f" ORDER BY l.date {order}, l.{column} {order} LIMIT 1) {name}"
            )
        params = [value, meeting.date, meeting.date, meeting.pk]
        return [Near(*row) for row in fetch(" UNION ALL ".join(sides), params * 2)]

    def changed(self, n: int) -> list[tuple[int, datetime.datetime]]:
        """Selection.changed() of the subject: the first entries of its listings' index of the
        time of change."""
        sql = (
            f"SELECT meeting_id, changed FROM {table(SubjectMeeting)} WHERE subject_id = %s"
            " ORDER BY changed DESC, meeting_id DESC LIMIT %s"
        )
        # SQLite keeps UTC without saying so
        return [
            (pk, when if when.tzinfo else when.replace(tzinfo=datetime.UTC))
            for pk, when in fetch(sql, [self.subject.pk, n], prepare=True)
        ]


@dataclass(frozen=True)
class Selection:
    countries: tuple[Country, ...] = ()
    topic: Topic | None = None
    venue: Venue | None = None
    occasion: Occasion | None = None
    official: Official | None = None
    kind: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    words: str = ""

    @classmethod
    def of(cls, subject: Subject) -> Selection:
        """The selection of a topic's, a venue's, an occasion's or an official's meetings, made
        from its subject row read with the thing itself: the row is not read again."""
        selection = cls(**{subject.kind: getattr(subject, subject.kind)})
        selection.__dict__["subjects"] = {key_of(subject): subject}  # as the property keeps it
        return selection

    def replace(self, **changes) -> Selection:
        return dataclasses.replace(self, **changes)

    def narrowed(self, start: datetime.date, end: datetime.date) -> Selection:
        """The same selection within [start, end] as well (the same subjects: read once)."""
        lo = max(start, self.start) if self.start else start
        hi = min(end, self.end) if self.end else end
        within = dataclasses.replace(self, start=lo, end=hi)
        within.__dict__["subjects"] = self.subjects
        return within

    # -- subjects -----------------------------------------------------------------------------

    @cached_property
    def keys(self) -> list[Key]:
        """The subjects whose meetings the selection takes (everything when it names none)."""
        ids = sorted({c.pk for c in self.countries})
        keys = [Key(Kind.PAIR, ids[0], ids[1])] if len(ids) >= 2 else []
        keys += [Key(Kind.COUNTRY, pk) for pk in (ids[2:] if len(ids) >= 2 else ids)]
        for kind, thing in (
            (Kind.TOPIC, self.topic),
            (Kind.OFFICIAL, self.official),
            (Kind.VENUE, self.venue),
            (Kind.OCCASION, self.occasion),
        ):
            if thing is not None:
                keys.append(Key(kind, thing.pk))
        return keys or [EVERYTHING]

    @cached_property
    def subjects(self) -> dict[Key, Subject]:
        """The Subject rows of the keys (one query); a key without a row has no meetings."""
        wanted, params = [], []
        for key in self.keys:
            named_by = SUBJECT_COLUMNS[key.kind]
            wanted.append(" AND ".join(["kind = %s", *(f"{c}_id = %s" for c in named_by)]))
            params += [key.kind, *key[1 : 1 + len(named_by)]]
        sql = f"SELECT {columns(Subject)} FROM {table(Subject)} WHERE ({') OR ('.join(wanted)})"
        # written as SQL: every list and subject page reads it; the ORM's work costs more
        return {key_of(s): s for s in (Subject(*row) for row in fetch(sql, params, prepare=True))}

    @property
    def empty(self) -> bool:
        """Whether a subject it names has never had a published meeting."""
        return any(self.subjects.get(k) is None or not self.subjects[k].meetings for k in self.keys)

    @property
    def narrowing(self) -> bool:
        """Whether kind, dates or words narrow the subjects' meetings."""
        return bool(self.kind or self.start or self.end or self.words)

    @cached_property
    def subject(self) -> Subject | None:
        """The one subject whose counts describe exactly this selection, if there is one."""
        if self.narrowing or len(self.keys) != 1:
            return None
        return self.subjects.get(self.keys[0])

    @cached_property
    def counted(self) -> Subject | None:
        """The one subject whose months count this selection: one subject, and dates (if
        any) that run from the first of a month to the last day of one."""
        if self.kind or self.words or len(self.keys) != 1 or self.empty:
            return None
        if self.start and self.start.day != 1:
            return None
        if self.end and (self.end + datetime.timedelta(days=1)).day != 1:
            return None
        return self.subjects.get(self.keys[0])

    def month_bounds(self, column: str = "month") -> tuple[str, list]:
        """SQL keeping a column of months within the selection's dates (" AND ..."), and its
        parameters."""
        sql, params = "", []
        if self.start:
            sql += f" AND {column} >= %s"
            params.append(self.start)
        if self.end:
            sql += f" AND {column} <= %s"
            params.append(self.end)
        return sql, params

    @cached_property
    def counted_months(self) -> dict[datetime.date, Tally]:
        """The counted subject's meetings, calls and video calls per month within the dates:
        one query (SQL written out: every subject page reads it), for the years and for a
        year's months alike."""
        dates, params = self.month_bounds()
        sql = (
            f"SELECT month, meetings, calls, videos FROM {table(SubjectMonth)}"
            f" WHERE subject_id = %s{dates}"
        )
        params = [self.counted.pk, *params]

        def read() -> dict[datetime.date, Tally]:
            return {
                as_date(month): Tally(*kinds) for month, *kinds in fetch(sql, params, prepare=True)
            }

        return cached(f"month-kinds:{self.counted.pk}:{self.start}:{self.end}", read)

    @cached_property
    def counted_years(self) -> dict[int, Tally]:
        """The counted subject's meetings, calls and video calls per year within the dates,
        summed by the database: one query, a row a year (a century of everything's meetings is
        1,800 months to read but 150 years)."""
        dates, params = self.month_bounds()
        year, year_params = connection.ops.date_extract_sql("year", "month", ())
        sql = (
            f"SELECT CAST({year} AS integer), SUM(meetings), SUM(calls), SUM(videos)"
            f" FROM {table(SubjectMonth)} WHERE subject_id = %s{dates} GROUP BY 1"
        )
        params = [*year_params, self.counted.pk, *params]

        def read() -> dict[int, Tally]:
            return {year: Tally(*kinds) for year, *kinds in fetch(sql, params, prepare=True)}

        return cached(f"year-kinds:{self.counted.pk}:{self.start}:{self.end}", read)

    @cached_property
    def search(self) -> Search | None:
        """What the words match (looked up once per selection)."""
        return matching(self.words) if self.words else None

    @property
    def only_words(self) -> bool:
        """Whether the selection is a search and nothing else."""
        return dataclasses.replace(self, words="") == Selection()

    # -- meetings -----------------------------------------------------------------------------

    def ids(self) -> QuerySet:
        """The ids of the selected meetings, newest first."""
        if self.keys == [EVERYTHING]:
            # the meetings' own indexes: newest first, and of one kind
            qs = self.narrowed_down(Meeting.objects.published(), pk="pk")
            return qs.order_by("-date", "-id").values_list("id", flat=True)
        if self.empty:
            return SubjectMeeting.objects.none().values_list("meeting_id", flat=True)
        return self.listings().order_by("-date", "-meeting_id").values_list("meeting_id", flat=True)

    def batches(
        self, size: int, beside: Callable[[str], Expression]
    ) -> Iterator[list[tuple[int, object]]]:
        """(id, value) of every selected meeting, newest first, size at a time; beside gives,
        for the column that holds a meeting's id, what to read with it (a meeting's export
        record) in the same query. Each batch is one query that starts after the last one read
        (by date and id, through the same index as a page), so memory stays the same at any
        size; a meeting whose value is missing is left out."""
        column = "id" if self.keys == [EVERYTHING] else "meeting_id"
        ordered = self.ids().annotate(beside=beside(column)).values_list(column, "date", "beside")
        batch = list(ordered[:size])
        while batch:
            yield [(pk, value) for pk, _, value in batch if value is not None]
            if len(batch) < size:
                return
            last, day, _ = batch[-1]
            # date <= day reads the index from there; the same day's newer ids are skipped
            batch = list(
                ordered.filter(Q(date__lt=day) | Q(**{f"{column}__lt": last}), date__lte=day)[:size]
            )

    def blocks(self, fmt: str, size: int, below: int) -> list[tuple[int, str, int]] | None:
        """(year, text, meetings) of up to size years of a pair's whole history before the
        year below, newest first, as its export blocks keep it in this format ("csv" or
        "json"): one query. None when the selection is not exactly a pair's meetings, or when
        the pair's blocks do not hold all its meetings as that query reads them (an import
        drops the blocks it touches and writes them at its end)."""
        subject = self.subject
        if subject is None or subject.kind != Kind.PAIR or fmt not in ("csv", "json"):
            return None
        blocks = table(ExportBlock)
        # the row of years NULL counts what the blocks lack, read with them
        sql = (
            f"SELECT NULL, NULL, (SELECT meetings FROM {table(Subject)} WHERE id = %s)"
            f" - (SELECT COALESCE(SUM(meetings), 0) FROM {blocks} WHERE subject_id = %s)"
            f" UNION ALL SELECT * FROM (SELECT year, {fmt}, meetings FROM {blocks}"
            " WHERE subject_id = %s AND year < %s ORDER BY year DESC LIMIT %s) AS years"
        )
        rows = fetch(sql, [subject.pk, subject.pk, subject.pk, below, size], prepare=True)
        if any(year is None and lacking for year, _, lacking in rows):
            return None
        return sorted((row for row in rows if row[0] is not None), reverse=True)

    def listings(self) -> QuerySet:
        """The selected meetings' listings under the subject with fewest meetings (everything
        when it names none); those of the others are checked row by row."""
        driver, *others = sorted(
            (self.subjects[k] for k in self.keys), key=lambda s: (s.meetings, s.pk)
        )
        qs = SubjectMeeting.objects.filter(subject_id=driver.pk)
        for other in others:
            # by meeting alone, not by date and meeting: so the planner estimates how many are
            # listed under both and walks the driver's index in order, checking each, until
            # the page or the feed is full, where a hash of the other's every listing (the
            # whole of a busy topic) would cost more
            listed = SubjectMeeting.objects.filter(subject_id=other.pk).values("meeting_id")
            qs = qs.filter(meeting_id__in=listed)
        return self.narrowed_down(qs, pk="meeting_id")

    def changed(self, n: int) -> list[tuple[int, datetime.datetime]]:
        """(id, time of change) of the n selected meetings published or changed last, latest
        first (one query). A subject's are the first entries of its listings' index of that
        time; with more subjects or narrower, the planner walks that index checking each, or
        sorts the few selected."""
        if self.empty:
            return []
        if self.subject is not None:  # one subject's, the commonest (a page's own feed)
            return Listing(self.subject).changed(n)
        qs = self.listings().order_by("-changed", "-meeting_id")
        return list(qs.values_list("meeting_id", "changed")[:n])

    def around(self, meeting: Meeting) -> tuple[Near | None, Near | None]:
        """The selected meetings just before and just after this one, with what the links to
        them say (one query)."""
        if self.subject is not None:  # one subject's, the commonest (a pair, a country)
            near = Listing(self.subject).around(meeting)
        else:
            near = self.around_in(meeting)
        here = (meeting.date, meeting.pk)
        previous = next((n for n in near if (n.date, n.pk) < here), None)
        following = next((n for n in near if (n.date, n.pk) > here), None)
        return previous, following

    def around_in(self, meeting: Meeting) -> list[Near]:
        """Selection.around() of any selection (one query where the database can order inside
        a union)."""
        column, of = ("id", "") if self.keys == [EVERYTHING] else ("meeting_id", "meeting__")
        ids = self.ids().values_list(
            column, "date", f"{of}date_precision", f"{of}end_date", f"{of}venue__name"
        )
        before = Q(date__lt=meeting.date) | Q(date=meeting.date, **{f"{column}__lt": meeting.pk})
        after = Q(date__gt=meeting.date) | Q(date=meeting.date, **{f"{column}__gt": meeting.pk})
        older = ids.filter(before)[:1]
        newer = ids.filter(after).order_by("date", column)[:1]
        if connection.features.supports_slicing_ordering_in_compound:
            return [Near(*row) for row in older.union(newer, all=True)]
        return [Near(*row) for row in [*older, *newer]]

    def narrowed_down(self, qs: QuerySet, *, pk: str) -> QuerySet:
        """qs (meetings, or their listings) with the selection's kind, dates and words; pk
        names the meeting's id in qs."""
        if self.kind:
            qs = qs.filter(kind=self.kind)
        if self.start:
            qs = qs.filter(date__gte=self.start)
        if self.end:
            qs = qs.filter(date__lte=self.end)
        search = self.search
        if search is not None:
            for ids in [search.few] if search.few is not None else search.each:
                qs = qs.filter(**{f"{pk}__in": ids})
        return qs

    def meetings(self) -> QuerySet:
        """The selected meetings as rows (for aggregates over small selections)."""
        return Meeting.objects.filter(pk__in=self.ids().order_by())

    def total(self) -> int | None:
        """How many meetings, from the subjects' counts; None when they do not say."""
        if self.empty:
            return 0
        if self.subject is not None:
            return self.subject.meetings
        if self.counted is not None:
            return sum(y["count"] for y in self.year_rows)
        overlap = self.cross_count()
        if overlap is None:
            return None
        subject, other = overlap
        row = SubjectOverlap.objects.filter(subject=subject, other=other).values_list(
            "meetings", flat=True
        )
        return next(iter(row), 0)

    # what is counted of a country's or a pair's meetings (meetings.derived.OVERLAPS)
    CROSS = {
        Kind.COUNTRY: (Kind.TOPIC, Kind.OFFICIAL),
        Kind.PAIR: (Kind.TOPIC, Kind.OFFICIAL, Kind.VENUE),
    }

    def cross_count(self) -> tuple[Subject, Subject] | None:
        """(subject, other) whose overlap counts this selection when it is a country or a pair
        with one topic, official or venue (India–US on trade), else None."""
        if self.narrowing or len(self.keys) != 2:
            return None
        place = [k for k in self.keys if k.kind in self.CROSS]
        other = [k for k in self.keys if k.kind not in self.CROSS]
        if len(place) != 1 or len(other) != 1 or other[0].kind not in self.CROSS[place[0].kind]:
            return None
        return self.subjects[place[0]], self.subjects[other[0]]

    def page(self, number, per_page: int | None = None, count: int | None = None) -> Page:
        """A page of the meetings, newest first (count: how many there are, when known)."""
        if self.only_words:
            search = self.search
            if search is not None and search.ranks and search.few is not None:
                # few enough matches to rank them all: best match first
                best = ranked(search.few, self.words)
                return paginate(best, number, per_page, count=len(best))
            if search is not None and search.word is not None:
                # one word: its matches newest first, from the listings of the names it
                # matches or from the texts
                if search.dense:  # a common word: its newest 2,000
                    count, exact = FEW_MATCHES + 1, False
                else:
                    count, exact = search.exact, True
                    if count is None:
                        count = search.word.matches(dated=False).count()
                return paginate(
                    search.word.newest(),
                    number,
                    per_page,
                    count=count,
                    limit=FEW_MATCHES,
                    exact=exact,
                )
        count = self.total() if count is None else count
        if self.listing is not None and count is not None:
            # one subject's meetings, the commonest list (its total known: a listing is no
            # query the paginator could count)
            return paginate(self.listing, number, per_page, count=count)
        return paginate(self.ids(), number, per_page, count=count)

    def latest(self, n: int) -> list[Row]:
        if self.listing is not None:
            return load(self.listing[:n])
        return load(list(self.ids()[:n]))

    @cached_property
    def listing(self) -> Listing | None:
        """The selected meetings read as one subject's listing, when they are that: one
        subject, perhaps within dates, of any kind of meeting and without words."""
        if self.kind or self.words or len(self.keys) != 1:
            return None
        subject = self.subjects.get(self.keys[0])
        return Listing(subject, self.start, self.end) if subject is not None else None

    # -- figures ------------------------------------------------------------------------------

    def years(self) -> list[dict]:
        """Meetings per year, every year from the first to the last (gaps show as zero):
        {"year", "count", "calls", "videos"}."""
        return self.year_rows

    @cached_property
    def year_rows(self) -> list[dict]:
        # read once: a page shows the years and takes its total from them
        if self.empty:
            counts = {}
        elif self.counted is not None:
            counts = self.counted_years
        else:
            counts = tallies(
                self.meetings()
                .annotate(year=ExtractYear("date"))
                .values_list("year", "kind")
                .annotate(n=Count("id"))
                .values_list("year", "kind", "n")
            )
        if not counts:
            return []
        return [
            {"year": y, **counts.get(y, Tally())._asdict()}
            for y in range(min(counts), max(counts) + 1)
        ]

    def nearest_years(self, year: int) -> tuple[int | None, int | None]:
        """The nearest years before and after this one with meetings in the selection (one
        query where months count it; its years otherwise)."""
        if self.empty:
            return None, None
        if self.counted is None:
            busy = [y["year"] for y in self.years() if y["count"]]
            return (
                max((y for y in busy if y < year), default=None),
                min((y for y in busy if y > year), default=None),
            )
        dates, params = self.month_bounds()
        side = f"FROM {table(SubjectMonth)} WHERE subject_id = %s AND meetings > 0{dates}"
        sql = (
            f"SELECT (SELECT MAX(month) {side} AND month < %s),"
            f" (SELECT MIN(month) {side} AND month > %s)"
        )
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        params = [self.counted.pk, *params, first, self.counted.pk, *params, last]
        [months] = fetch(sql, params, prepare=True)
        # a date, or its ISO text where the database keeps dates as text
        before, after = (int(str(month)[:4]) if month else None for month in months)
        return before, after

    def months(self, year: int) -> dict[int, int]:
        """Meetings per month of the year."""
        return {month: tally.count for month, tally in self.month_kinds(year).items()}

    def month_kinds(self, year: int) -> dict[int, Tally]:
        """Meetings per month of the year, and how many were calls and video calls."""
        if self.empty:
            return {}
        within = self.narrowed(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        if within.counted is not None:  # that year's months only
            return {m.month: tally for m, tally in within.counted_months.items()}
        return tallies(
            within.meetings()
            .annotate(month=ExtractMonth("date"))
            .values_list("month", "kind")
            .annotate(n=Count("id"))
            .values_list("month", "kind", "n")
        )

    def ranked(self, kind: str, limit: int, *, country: Country | None = None) -> list:
        """The countries (Place), topics, officials or venues (Ranked) with most meetings in
        this selection, each with .n, most first; country: only the officials of that country
        (one query, from the subject's overlaps, or for everything from the subjects' own
        counts)."""
        if self.narrowing or len(self.keys) != 1:
            raise ValueError("ranked() needs a selection of one subject")
        if self.subject is None:
            return []
        subject = self.subject

        def read() -> list:
            if subject.kind == Kind.EVERYTHING and country is None:
                sql, make = _busiest(kind)
                params = [kind, limit]
            else:
                sql, make = _ranking(kind, by_country=country is not None)
                params = [subject.pk, kind, *([country.pk] if country is not None else []), limit]
            out = [make(*row) for row in fetch(sql, params, prepare=country is None)]
            out.sort(key=lambda row: (-row.n, row.name))
            return out

        return cached(f"ranked:{subject.pk}:{kind}:{limit}:{country and country.pk}", read)

    def pairs(self, limit: int = 8) -> list[dict]:
        """The country pairs with most meetings in this selection (one query)."""
        if self.subject is None:
            return []
        subject = self.subject

        def read() -> list[dict]:
            out = []
            for n, *countries in fetch(_pairs_sql(), [subject.pk, Kind.PAIR, limit], prepare=True):
                a, b = sorted((Place(*countries[:3]), Place(*countries[3:])), key=_code)
                out.append({"a": a, "b": b, "count": n})
            return out

        return cached(f"pairs:{subject.pk}:{limit}", read)

    def days(self, first: datetime.date, last: datetime.date) -> dict[datetime.date, int]:
        """Meetings per day from first to last (one query over the selection's listing)."""
        if self.empty:
            return {}
        within = self.narrowed(first, last)
        if within.listing is not None:
            return within.listing.days()
        return dict(
            within.ids()
            .order_by()
            .values("date")
            .annotate(n=Count("date"))
            .values_list("date", "n")
        )

    def years_with(self, countries: list[Country]) -> dict[tuple[int, int], int]:
        """{(country id, year): meetings} of this one official's meetings with each of these
        countries (one query of the counts meetings.derived keeps per year)."""
        if self.subject is None or self.subject.kind != Kind.OFFICIAL or not countries:
            return {}
        wanted = sorted(c.pk for c in countries)
        # written as SQL, as the page's other reads are (built by the ORM it cost more Python
        # than the database's work)
        sql = (
            f"SELECT s.country_id, y.year, y.meetings FROM {table(SubjectOverlapYear)} y"
            f" JOIN {table(Subject)} s ON s.id = y.other_id WHERE y.subject_id = %s"
            f" AND s.kind = %s AND s.country_id IN ({', '.join(['%s'] * len(wanted))})"
        )
        params = [self.subject.pk, Kind.COUNTRY, *wanted]
        return {(country, year): n for country, year, n in fetch(sql, params)}

    SAMPLE = 250  # the newest meetings of a period whose pairs and topics are counted
    CANDIDATES = 40  # the pairs and the topics with most meetings, counted over any period

    def busiest(self, limit: int = 8) -> dict:
        """The country pairs and topics most met on in the selection, named (one query):
        {"pairs": [{"a", "b", "count"}], "topics": [Ranked], and how they were counted:
        "sample" (the newest meetings counted) or "candidates" (the pairs and topics counted)}.

        Every meeting of one year: that year's own counts of each pair and topic. Every
        meeting over other whole months: the months' counts of the CANDIDATES pairs and topics
        with most meetings overall (the busiest of any period are among them unless it has
        few meetings). Anything else: the pairs and topics of its newest SAMPLE meetings."""
        if self.empty:
            return {"pairs": [], "topics": [], "sample": 0, "candidates": 0}
        year = self.start.year if self.start else None
        if (
            self.keys == [EVERYTHING]
            and self.counted is not None
            and year is not None
            and (self.start, self.end) == (datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        ):
            everything = self.counted.pk
            params = [everything, Kind.PAIR, year, limit, everything, Kind.TOPIC, year, limit]
            sql = _busiest_sql(_YEAR_COUNTED)
            counted = {"sample": 0, "candidates": 0}
        elif self.keys == [EVERYTHING] and self.counted is not None:
            dates, bounds = self.month_bounds("m.month")
            params = [Kind.PAIR, self.CANDIDATES, Kind.TOPIC, self.CANDIDATES, *bounds]
            sql = _busiest_sql(_CANDIDATES_COUNTED).replace("{dates}", dates)
            counted = {"sample": 0, "candidates": self.CANDIDATES}
        else:
            newest = self.ids()[: self.SAMPLE]
            ids, params = newest.query.get_compiler(using=newest.db).as_sql()
            params = [*params, Kind.PAIR, Kind.TOPIC]
            sql = _busiest_sql(_SAMPLE_COUNTED).replace("{ids}", ids)
            counted = {"sample": self.SAMPLE, "candidates": 0}
        pairs, topics = [], []
        prepare = not counted["sample"]  # a plan for any period: the sample's ids vary
        for n, kind, *names in fetch(sql, [*params, limit], prepare=prepare):
            if kind == Kind.PAIR:
                a, b = sorted((Place(*names[:3]), Place(*names[3:6])), key=_code)
                pairs.append({"a": a, "b": b, "count": n})
            else:
                topics.append(Ranked(*names[6:], n))
        return {"pairs": pairs, "topics": topics} | counted
