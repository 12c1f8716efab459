"""The rows derived from meetings, and the one place that writes them.

For every meeting, drafts included: ``MeetingCountry``, its countries. For every published
meeting: ``SubjectMeeting`` rows listing it under each of its subjects (everything, each country,
each pair of countries, each topic and the topics above it, each official, its venue and its
occasion) with its date, kind and time of change, and what it adds to the counts:
``Subject.meetings``, ``SubjectMonth`` and, for the pairs of subjects that OVERLAPS keeps,
``SubjectOverlap``; and its ``SearchText`` (title, the names of what it involves, summary,
sources' titles and quotes), with the new words of the search's vocabulary (``SearchWord``);
and its ``ExportRecord`` (its CSV row and JSON object as the exports write them), and for each
pair of countries the ``ExportBlock`` of each year: its records of that year as the pair's
whole CSV and JSON write them (an import writes the blocks it touched at its end,
``fill_blocks()``). A renamed
official, venue, occasion, topic or source touches the meetings naming it (meetings.signals),
and a country the country list renames refreshes its meetings (meetings.countries), so their
texts follow.

Nothing else writes these tables. Writers change meetings inside ``services.writing()``; signals
call ``touch()`` with the meetings that changed, and at the end of the outermost ``writing()``
block, still inside its transaction, ``refresh()`` recomputes each of them once. A change made
outside ``writing()`` (the shell, a test) is refreshed when its transaction commits. A meeting
about to be deleted is taken out of the counts at once (``retire()``): its listings, which say
what it counted for, go with it. The bulk importer calls ``refresh()`` itself in the transaction
of each batch, so an interrupted import leaves counts that match what it wrote.

A published meeting's listings say what it counted for: a refresh subtracts what the old
listings add up to, adds what its subjects are now, and writes the difference.
``rebuild()`` recomputes everything; ``check()`` compares the tables with a rebuild in memory.

Every committed change to what the public pages show (a refresh, or a saved official, venue,
topic, source...) also makes a new data version (``changed()``), which their ETags and cached
counts follow (meetings.read.cache).
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import combinations, groupby
from typing import NamedTuple

from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone

from meetings.db import Writer
from meetings.models import (
    SUBJECT_COLUMNS,
    DataVersion,
    ExportBlock,
    ExportRecord,
    Meeting,
    MeetingCountry,
    MeetingSource,
    Participation,
    SearchText,
    SearchWord,
    Subject,
    SubjectMeeting,
    SubjectMonth,
    SubjectOverlap,
    SubjectOverlapYear,
    Topic,
    lineage,
)

Kind = Subject.Kind
MeetingTopic = Meeting.topics.through

# Which overlaps are counted: a subject of the first kind, with those of the second kinds.
# (A country's partners, topics, officials and venues; a pair's topics, venues and officials;
# the pairs of a topic, venue or occasion and of everything; an official's counterparts and
# their countries.) Counts of everything else come from Subject.meetings.
OVERLAPS: dict[str, frozenset[str]] = {
    Kind.EVERYTHING: frozenset({Kind.PAIR}),
    Kind.COUNTRY: frozenset({Kind.COUNTRY, Kind.TOPIC, Kind.OFFICIAL, Kind.VENUE}),
    Kind.PAIR: frozenset({Kind.TOPIC, Kind.VENUE, Kind.OFFICIAL}),
    Kind.TOPIC: frozenset({Kind.PAIR}),
    Kind.VENUE: frozenset({Kind.PAIR}),
    Kind.OCCASION: frozenset({Kind.PAIR}),
    Kind.OFFICIAL: frozenset({Kind.OFFICIAL, Kind.COUNTRY}),
}
# Which subjects' overlaps are counted per year (SubjectOverlapYear), with what kinds: an
# official's meetings with each country (his page's lanes), and the pairs and topics of every
# meeting (a year's busiest, read from the year's own counts).
BY_YEAR: dict[str, frozenset[str]] = {
    Kind.OFFICIAL: frozenset({Kind.COUNTRY}),
    Kind.EVERYTHING: frozenset({Kind.PAIR, Kind.TOPIC}),
}
CHUNK = 5000  # meetings refreshed per round of queries
# the columns of SubjectMonth that count the meetings of a kind (the rest met in person)
KINDS = {Meeting.Kind.CALL: "calls", Meeting.Kind.VIRTUAL: "videos"}
# the columns of Subject that can name a thing
THINGS = ("country", "partner", "topic", "official", "venue", "occasion")


class Key(NamedTuple):
    """A subject before it has a row: its kind and the ids naming it (a pair: two countries,
    the lower id first)."""

    kind: str
    a: int | None = None
    b: int | None = None


EVERYTHING = Key(Kind.EVERYTHING)


@dataclass(slots=True)
class Facts:
    """What a meeting's derived rows depend on."""

    date: datetime.date
    published: bool
    venue_id: int | None
    occasion_id: int | None
    # (official, country); the official is None for an office named without its holder
    participants: list[tuple[int | None, int]] = field(default_factory=list)
    topics: list[int] = field(default_factory=list)
    kind: str = Meeting.Kind.IN_PERSON
    changed: datetime.datetime | None = None  # its updated_at

    def countries(self) -> list[int]:
        return sorted({country for _, country in self.participants})

    def subjects(self, parents: dict[int, int | None]) -> set[Key]:
        """The subjects it is listed under: none for a draft."""
        if not self.published:
            return set()
        countries = self.countries()
        keys = {EVERYTHING}
        keys.update(Key(Kind.COUNTRY, c) for c in countries)
        keys.update(Key(Kind.PAIR, a, b) for a, b in combinations(countries, 2))
        keys.update(Key(Kind.TOPIC, t) for topic in self.topics for t in lineage(topic, parents))
        keys.update(Key(Kind.OFFICIAL, o) for o, _ in self.participants if o is not None)
        if self.venue_id:
            keys.add(Key(Kind.VENUE, self.venue_id))
        if self.occasion_id:
            keys.add(Key(Kind.OCCASION, self.occasion_id))
        return keys


NAMES = ("subjects", "months", "overlaps", "kinds", "yearly")  # what Counts counts


class Counts:
    """Additions to the counts (negative to take away), keyed by subject id or Key."""

    def __init__(self):
        self.subjects: Counter = Counter()
        self.months: Counter = Counter()  # (subject, first day of month)
        self.overlaps: Counter = Counter()  # (subject, other, other's kind)
        self.yearly: Counter = Counter()  # (subject, other, other's kind, year): BY_YEAR
        self.kinds: Counter = Counter()  # (subject, first day of month, KINDS column)

    def add(
        self,
        subjects: Iterable[tuple],
        day: datetime.date,
        sign: int = 1,
        held: str = Meeting.Kind.IN_PERSON,
    ) -> None:
        """Count one meeting of that day and kind (held) under subjects: (subject, kind)
        pairs."""
        subjects = list(subjects)
        month = day.replace(day=1)
        column = KINDS.get(held)
        by_kind: dict[str, list] = defaultdict(list)
        for subject, kind in subjects:
            self.subjects[subject] += sign
            self.months[(subject, month)] += sign
            if column:
                self.kinds[(subject, month, column)] += sign
            by_kind[kind].append(subject)
        for subject, kind in subjects:
            for other_kind in OVERLAPS[kind]:
                for other in by_kind.get(other_kind, ()):
                    if other != subject:
                        self.overlaps[(subject, other, other_kind)] += sign
            for other_kind in BY_YEAR.get(kind, ()):
                for other in by_kind.get(other_kind, ()):
                    self.yearly[(subject, other, other_kind, day.year)] += sign

    def nonzero(self) -> Counts:
        out = Counts()
        for name in NAMES:
            getattr(out, name).update({k: n for k, n in getattr(self, name).items() if n})
        return out

    def month_rows(self) -> list[tuple]:
        """(subject, month, meetings, calls, videos) to add to SubjectMonth, in key order."""
        keys = set(self.months) | {(s, m) for s, m, _ in self.kinds}
        return [
            (s, m, self.months[(s, m)], *(self.kinds[(s, m, c)] for c in KINDS.values()))
            for s, m in sorted(keys)
        ]


# -- recording what changed ----------------------------------------------------------------


class _Pending(threading.local):
    def __init__(self):
        # using -> meeting ids (one left by a rolled-back transaction is refreshed anyway:
        # a refresh recomputes from what the database holds)
        self.meetings: dict[str, set[int]] = {}
        self.depth: dict[str, int] = {}  # using -> open writing() blocks


_pending = _Pending()


def touch(ids: Iterable[int], using: str = "default") -> None:
    """These meetings changed: refresh their derived rows before (or when) the transaction
    commits."""
    _pending.meetings.setdefault(using, set()).update(ids)
    if not _pending.depth.get(using):
        # outside writing(): when the transaction commits (at once in autocommit)
        transaction.on_commit(lambda: flush(using), using=using)


def retire(ids: Sequence[int], using: str = "default") -> None:
    """Take these meetings, about to be deleted, out of the counts and the listings now, in the
    deleting transaction: once they are gone nothing would say what they counted for."""
    ids = sorted(ids)
    with transaction.atomic(using=using):
        changed(using)
        for start in range(0, len(ids), CHUNK):
            _refresh(ids[start : start + CHUNK], {}, using, leaving=True)


def changed(using: str = "default") -> None:
    """What the public pages show has changed: make a new data version (DataVersion) when the
    transaction commits, once however many changes it holds."""
    bump = _version_makers.get(using)
    if bump is None:
        bump = _version_makers[using] = functools.partial(new_version, using)
    connection = transaction.get_connection(using)
    # the callbacks waiting for this transaction's commit (a rollback drops them)
    if any(waiting[1] is bump for waiting in connection.run_on_commit):
        return
    transaction.on_commit(bump, using=using)


_version_makers: dict[str, functools.partial] = {}


def new_version(using: str = "default") -> None:
    updated = (
        DataVersion.objects.using(using)
        .filter(pk=1)
        .update(version=F("version") + 1, changed_at=timezone.now())
    )
    if not updated:  # the row went with a database emptied by hand
        DataVersion.objects.using(using).get_or_create(
            pk=1, defaults={"version": 1, "changed_at": timezone.now()}
        )


@contextmanager
def writing(using: str = "default") -> Iterator[None]:
    """A transaction at whose end the derived rows of every meeting it changed are refreshed,
    once, before it commits."""
    with transaction.atomic(using=using):
        _pending.depth[using] = _pending.depth.get(using, 0) + 1
        try:
            yield
        finally:
            _pending.depth[using] -= 1
        if not _pending.depth[using]:
            flush(using)


def flush(using: str = "default") -> None:
    """Refresh the meetings touched so far."""
    pending = _pending.meetings.pop(using, None)
    if pending:
        refresh(pending, using)


# -- computing and writing -----------------------------------------------------------------


def facts(ids: Sequence[int], using: str = "default") -> dict[int, Facts]:
    """What the database holds for these meetings (those that still exist)."""
    found = {
        pk: Facts(
            date=day,
            published=status == Meeting.Status.PUBLISHED,
            venue_id=v,
            occasion_id=o,
            kind=held,
            changed=updated,
        )
        for pk, day, status, v, o, held, updated in Meeting.objects.using(using)
        .filter(pk__in=ids)
        .values_list("id", "date", "status", "venue_id", "occasion_id", "kind", "updated_at")
    }
    if not found:
        return found
    present = list(found)
    for pk, official, country in (
        Participation.objects.using(using)
        .filter(meeting_id__in=present)
        .order_by()
        .values_list("meeting_id", "official_id", "country_id")
    ):
        found[pk].participants.append((official, country))
    for pk, topic in (
        MeetingTopic.objects.using(using)
        .filter(meeting_id__in=present)
        .order_by()
        .values_list("meeting_id", "topic_id")
    ):
        found[pk].topics.append(topic)
    return found


def topic_parents(using: str = "default") -> dict[int, int | None]:
    return dict(Topic.objects.using(using).order_by().values_list("id", "parent_id"))


def refresh(meetings: Iterable[int], using: str = "default", *, bulk: bool = False) -> int:
    """Bring the derived rows of these meetings up to date; returns how many meetings' listings
    changed. bulk: one of many refreshes of an import, which drops the export blocks it
    touches instead of writing them again each time (fill_blocks() writes them at its end:
    a busy pair's year would be written once per batch)."""
    ids = sorted(set(meetings))
    moved = 0
    parents = topic_parents(using)
    # in several rounds (a renamed country's meetings), the blocks are written once, at the end
    dropping = bulk or len(ids) > CHUNK
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic(using=using):
            changed(using)  # after this transaction commits, not before
            moved += _refresh(chunk, parents, using, bulk=dropping)
    if dropping and not bulk:
        fill_blocks(using)
    return moved


def _refresh(
    ids: list[int], parents: dict, using: str, *, leaving: bool = False, bulk: bool = False
) -> int:
    writer = Writer(using)
    # one refresh at a time: two transactions adding to the same counts (everything, a busy
    # country) in different orders, while creating the same new subjects, would deadlock
    writer.take_turn("meetings.derived")
    now = {} if leaving else facts(ids, using)
    if not leaving:
        _sync_countries(now, ids, writer)
    _write_texts(now, ids, writer)
    _write_records(now, ids, writer)

    # meeting -> (subjects, date, kind, time of change) of its listings
    old: dict[int, tuple[set, datetime.date | None, str | None, datetime.datetime | None]] = {}
    for chunk in writer.chunks(ids):
        for meeting, subject, kind, day, held, stamp in (
            SubjectMeeting.objects.using(using)
            .filter(meeting_id__in=chunk)
            .values_list("meeting_id", "subject_id", "subject__kind", "date", "kind", "changed")
        ):
            subjects, *_ = old.get(meeting, (set(), None, None, None))
            subjects.add((subject, kind))
            old[meeting] = (subjects, day, held, stamp)

    wanted = {pk: f.subjects(parents) for pk, f in now.items()}
    resolved = subject_ids({key for keys in wanted.values() for key in keys}, using)
    counts = Counts()
    moved, relisted, listings = [], [], []
    blocks = set()  # (pair, year) of the export blocks these meetings were or are in
    for pk in ids:
        before, old_day, old_kind, old_stamp = old.get(pk, (set(), None, None, None))
        f = now.get(pk)
        after = {(resolved[key], key.kind) for key in wanted.get(pk, ())}
        blocks.update((s, old_day.year) for s, kind in before if kind == Kind.PAIR)
        blocks.update((s, f.date.year) for s, kind in after if kind == Kind.PAIR)
        listed = (after, f.date, f.kind) if f and after else (set(), None, None)
        stamp = f.changed if f and after else None
        if (before, old_day, old_kind) != listed:
            moved.append(pk)
            if before:
                counts.add(before, old_day, -1, old_kind)
            if after:
                counts.add(after, f.date, 1, f.kind)
        elif old_stamp == stamp:
            continue
        relisted.append(pk)
        listings.extend((subject, f.date, pk, f.kind, stamp) for subject, _ in after)
    if relisted:
        writer.delete(SubjectMeeting, "meeting_id", [pk for pk in relisted if pk in old])
        writer.insert(
            SubjectMeeting,
            ["subject_id", "date", "meeting_id", "kind", "changed"],
            sorted(listings),
        )
        write_counts(counts, writer)
    # after the records and the listings they are made of
    ordered = sorted(blocks)
    for start in range(0, len(ordered), BLOCKS_READ):
        chunk = ordered[start : start + BLOCKS_READ]
        _drop_blocks(chunk, writer)
        if not bulk:
            writer.insert(ExportBlock, BLOCK_COLUMNS, block_rows(_block_sources(chunk, writer)))
    return len(moved)


def _sync_countries(now: dict[int, Facts], ids: list[int], writer: Writer) -> None:
    """MeetingCountry as the participants say (all rows of a deleted meeting went with it)."""
    wanted = {(pk, c) for pk, f in now.items() for c in f.countries()}
    have = set(writer.select(MeetingCountry, ["meeting_id", "country_id"], "meeting_id", ids))
    extra = have - wanted
    if extra:
        gone = {pk for pk, _ in extra}
        writer.delete(MeetingCountry, "meeting_id", gone)
        have -= {row for row in have if row[0] in gone}
    writer.insert(MeetingCountry, ["meeting_id", "country_id"], sorted(wanted - have))


# a word as the search's vocabulary keeps it: letters and digits, three to sixty of them
WORD = re.compile(r"\w{3,60}")


def words_of(text: str) -> set[str]:
    return {w for w in WORD.findall(text.casefold()) if not w.isdigit() and "_" not in w}


def search_texts(ids: Sequence[int], using: str = "default") -> dict[int, tuple[str, str, str]]:
    """(title, names, body) of these meetings' search text: four queries."""
    title: dict[int, str] = {}
    names: dict[int, list[str]] = defaultdict(list)
    body: dict[int, list[str]] = defaultdict(list)
    for pk, heading, summary, venue, occasion in (
        Meeting.objects.using(using)
        .filter(pk__in=ids)
        .values_list("id", "title", "summary", "venue__name", "occasion__name")
    ):
        title[pk] = heading
        names[pk] += [n for n in (venue, occasion) if n]
        body[pk].append(summary)
    for pk, name, aliases, role in (
        Participation.objects.using(using)
        .filter(meeting_id__in=ids)
        .order_by("id")
        .values_list("meeting_id", "official__name", "official__aliases", "title")
    ):
        names[pk] += [n for n in (name, aliases, role) if n]
    for pk, name, aliases in (
        MeetingTopic.objects.using(using)
        .filter(meeting_id__in=ids)
        .order_by("id")
        .values_list("meeting_id", "topic__name", "topic__aliases")
    ):
        names[pk] += [name, aliases]
    for pk, heading, quote in (
        MeetingSource.objects.using(using)
        .filter(meeting_id__in=ids)
        .order_by("id")
        .values_list("meeting_id", "source__title", "quote")
    ):
        body[pk] += [t for t in (heading, quote) if t]
    return {
        pk: (title[pk], "\n".join(names[pk]), "\n".join(t for t in body[pk] if t)) for pk in title
    }


def naming(model_name: str, ids: Sequence[int], using: str = "default") -> list[int]:
    """The meetings whose search text or export record names these officials (venues,
    occasions, topics, sources, countries): those to write again when one is renamed."""
    if model_name == "country":
        people = MeetingCountry.objects.using(using).filter(country_id__in=ids)
        places = Meeting.objects.using(using).filter(venue__country_id__in=ids)
        return sorted(
            set(people.values_list("meeting_id", flat=True).order_by())
            | set(places.values_list("id", flat=True).order_by())
        )
    if model_name in ("venue", "occasion"):
        found = Meeting.objects.filter(**{f"{model_name}_id__in": ids}).values_list("id")
    else:
        model = {
            "official": Participation,
            "topic": MeetingTopic,
            "source": MeetingSource,
        }[model_name]
        found = model.objects.filter(**{f"{model_name}_id__in": ids}).values_list("meeting_id")
    return sorted({pk for (pk,) in found.using(using).order_by()})


def _write_texts(now: dict[int, Facts], ids: list[int], writer: Writer) -> None:
    """SearchText of the published ones among these meetings (none for the others), and the
    words the search's vocabulary did not have yet."""
    writer.delete(SearchText, "meeting_id", ids)
    published = sorted(pk for pk, f in now.items() if f.published)
    if not published:
        return
    texts = search_texts(published, writer.using)
    rows = [(pk, now[pk].date, *texts[pk]) for pk in published if pk in texts]
    writer.insert(SearchText, ["meeting_id", "date", "title", "names", "body"], rows)
    words = set()
    for row in rows:
        words |= words_of(" ".join(row[2:]))
    writer.insert_new(SearchWord, ["word"], [(w,) for w in sorted(words)])


def subject_ids(keys: set[Key], using: str = "default") -> dict[Key, int]:
    """The rows of these subjects, created where missing."""
    found = _find_subjects(keys, using)
    missing = keys - found.keys()
    if missing:
        rows = []
        for key in sorted(missing, key=lambda k: (k.kind, k.a or 0, k.b or 0)):
            values = dict.fromkeys(THINGS)
            values.update(zip(SUBJECT_COLUMNS[key.kind], (key.a, key.b), strict=False))
            rows.append((key.kind, *values.values(), 0))
        columns = ["kind", *(f"{thing}_id" for thing in THINGS), "meetings"]
        Writer(using).insert_new(Subject, columns, rows)
        found.update(_find_subjects(missing, using))
    return found


def _find_subjects(keys: set[Key], using: str) -> dict[Key, int]:
    by_kind: dict[str, list[Key]] = defaultdict(list)
    for key in keys:
        by_kind[key.kind].append(key)
    found: dict[Key, int] = {}
    writer = Writer(using)
    for kind, wanted in sorted(by_kind.items()):
        columns = [f"{c}_id" for c in SUBJECT_COLUMNS[kind]]
        if not columns:
            rows = Subject.objects.using(using).filter(kind=kind).values_list("id")
            found.update({Key(kind): pk for (pk,) in rows})
            continue
        want = set(wanted)
        for pk, *named in writer.select(
            Subject,
            ["id", *columns],
            columns[0],
            sorted({k.a for k in wanted}),
            where={"kind": kind},
        ):
            key = Key(kind, *named)
            if key in want:
                found[key] = pk
    return found


def write_counts(counts: Counts, writer: Writer) -> None:
    """Add counts to Subject, SubjectMonth, SubjectOverlap and SubjectOverlapYear; rows that
    fall to zero go."""
    counts = counts.nonzero()
    months = counts.month_rows()
    named = set(counts.subjects) | {s for s, *_ in months}
    named |= {x for s, o, _ in counts.overlaps for x in (s, o)}
    named |= {x for s, o, _, _ in counts.yearly for x in (s, o)}
    if not named:
        return
    # in id order: concurrent writers queue here; a subject deleted meanwhile has no counts
    present = set(writer.lock(Subject, sorted(named)))
    writer.add(Subject, "meetings", [(pk, n) for pk, n in counts.subjects.items() if pk in present])
    writer.upsert_add(
        SubjectMonth,
        ["subject_id", "month"],
        ["meetings", *KINDS.values()],
        [row for row in months if row[0] in present],
    )
    writer.upsert_add(
        SubjectOverlap,
        ["subject_id", "other_id", "other_kind"],
        "meetings",
        sorted(
            (s, o, k, n)
            for (s, o, k), n in counts.overlaps.items()
            if s in present and o in present
        ),
        conflict=["subject_id", "other_id"],
    )
    writer.upsert_add(
        SubjectOverlapYear,
        ["subject_id", "other_id", "other_kind", "year"],
        "meetings",
        sorted(
            (s, o, k, year, n)
            for (s, o, k, year), n in counts.yearly.items()
            if s in present and o in present
        ),
        conflict=["subject_id", "other_id", "year"],
    )
    # only a row that was taken from can have fallen to zero (an import only adds)
    shrunk = sorted({s for (s, _), n in counts.months.items() if n < 0} & present)
    writer.delete(SubjectMonth, "subject_id", shrunk, not_positive="meetings")
    shrunk = sorted({s for (s, _, _), n in counts.overlaps.items() if n < 0} & present)
    writer.delete(SubjectOverlap, "subject_id", shrunk, not_positive="meetings")
    shrunk = sorted({s for (s, *_), n in counts.yearly.items() if n < 0} & present)
    writer.delete(SubjectOverlapYear, "subject_id", shrunk, not_positive="meetings")


def compact(using: str = "default") -> None:
    """After a bulk import, the subjects' table rewritten without its dead rows.

    An import rewrites the count of every subject its batch names once per batch, and
    PostgreSQL keeps each old row (and its index entries) until a vacuum, which frees the
    space but does not give it back: after 1,000,000 meetings in 100 batches the 26,000
    subjects filled 151 MB, and a directory page read all of it to count its entries (15 ms;
    5 MB and 2 ms once rewritten). Rewriting the table takes it from writers for a moment
    (0.3 s there). Other databases, and a caller inside a transaction, are left as they are.
    """
    connection = connections[using]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (FULL, ANALYZE) {Subject._meta.db_table}")


# -- from scratch, and the check -------------------------------------------------------------


def export_records(ids: Sequence[int], using: str = "default") -> list[tuple[int, str, str]]:
    """(meeting, CSV, JSON) of these published meetings' export records: four queries."""
    # the exports write them as they read them (and the read layer imports this module)
    from meetings.exports import encoded
    from meetings.read.rows import load

    return encoded(load(list(ids), sources=True, using=using))


def _write_records(now: dict[int, Facts], ids: list[int], writer: Writer) -> None:
    """ExportRecord of the published ones among these meetings (none for the others)."""
    writer.delete(ExportRecord, "meeting_id", ids)
    published = sorted(pk for pk, f in now.items() if f.published)
    if published:
        writer.insert(
            ExportRecord, ["meeting_id", "csv", "json"], export_records(published, writer.using)
        )


def fill_records(using: str = "default") -> None:
    """The export records of every published meeting, in a database that has none yet
    (migration 0024)."""
    writer = Writer(using)
    ids = list(
        Meeting.objects.using(using)
        .filter(status=Meeting.Status.PUBLISHED)
        .order_by("id")
        .values_list("id", flat=True)
    )
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        writer.insert(ExportRecord, ["meeting_id", "csv", "json"], export_records(chunk, using))


BLOCK_COLUMNS = ["subject_id", "year", "meetings", "csv", "json"]
BLOCKS_READ = 50  # blocks written again at once (a busy pair's year: a few hundred meetings)
PAIRS_READ = 200  # pairs whose blocks are written at once, with at most LISTINGS_READ meetings
LISTINGS_READ = 20_000


def block_rows(sources: Iterable[tuple]) -> list[tuple]:
    """ExportBlock rows (subject, year, meetings, CSV, JSON) of listings with their records,
    (subject, date, meeting, CSV, JSON) ordered by subject, then newest first."""
    from meetings.exports import csv_rows, json_objects  # (the exports import this module)

    rows = []
    for (subject, year), group in groupby(sources, key=lambda r: (r[0], _year(r[1]))):
        group = [(pk, csv, json) for _, _, pk, csv, json in group]
        rows.append(
            (
                subject,
                year,
                len(group),
                csv_rows((pk, csv) for pk, csv, _ in group),
                json_objects((pk, json) for pk, _, json in group),
            )
        )
    return rows


def _year(day: datetime.date | str) -> int:
    return day.year if isinstance(day, datetime.date) else int(day[:4])  # SQLite: text


def _block_sources(blocks: Sequence[tuple[int, int]], writer: Writer) -> list[tuple]:
    """The listings of these blocks (pair, year) with their export records, as block_rows
    takes them."""
    where = " OR ".join(["(l.subject_id = %s AND l.{date} BETWEEN %s AND %s)"] * len(blocks))
    params = [v for s, y in blocks for v in (s, datetime.date(y, 1, 1), datetime.date(y, 12, 31))]
    return _listed_records(where, params, writer)


def _listed_records(where: str, params: list, writer: Writer) -> list[tuple]:
    qn = writer.connection.ops.quote_name
    date = qn("date")
    sql = (
        f"SELECT l.subject_id, l.{date}, l.meeting_id, r.csv, r.json"
        f" FROM {qn(SubjectMeeting._meta.db_table)} l"
        f" JOIN {qn(ExportRecord._meta.db_table)} r ON r.meeting_id = l.meeting_id"
        f" WHERE {where.format(date=date)} ORDER BY l.subject_id, l.{date} DESC, l.meeting_id DESC"
    )
    return writer.through_indexes(sql, params)


def _drop_blocks(blocks: Sequence[tuple[int, int]], writer: Writer) -> None:
    table = writer.connection.ops.quote_name(ExportBlock._meta.db_table)
    where = " OR ".join(["(subject_id = %s AND year = %s)"] * len(blocks))
    with writer.connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {where}", [v for b in blocks for v in b])


def unblocked(using: str = "default") -> list[tuple[int, int]]:
    """(pair, meetings) of the pairs whose export blocks do not hold all their meetings."""
    qn = connections[using].ops.quote_name
    sql = (
        f"SELECT s.id, s.meetings FROM {qn(Subject._meta.db_table)} s LEFT JOIN"
        f" (SELECT subject_id, SUM(meetings) AS held FROM {qn(ExportBlock._meta.db_table)}"
        "  GROUP BY subject_id) b ON b.subject_id = s.id"
        " WHERE s.kind = %s AND s.meetings <> COALESCE(b.held, 0) ORDER BY s.id"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [Kind.PAIR])
        return cursor.fetchall()


def _pair_chunks(pairs: list[tuple[int, int]]) -> Iterator[list[int]]:
    """The ids of (pair, meetings) in runs of up to PAIRS_READ pairs and LISTINGS_READ
    meetings (or one pair)."""
    chunk, listed = [], 0
    for pk, n in pairs:
        if chunk and (len(chunk) == PAIRS_READ or listed + n > LISTINGS_READ):
            yield chunk
            chunk, listed = [], 0
        chunk.append(pk)
        listed += n
    if chunk:
        yield chunk


def _pair_blocks(pairs: list[int], writer: Writer) -> list[tuple]:
    """The export blocks of these pairs as their listings and records make them."""
    where = f"l.subject_id IN ({', '.join(['%s'] * len(pairs))})"
    return block_rows(_listed_records(where, pairs, writer))


def fill_blocks(using: str = "default", progress=None) -> int:
    """Write again the export blocks of every pair whose blocks do not hold all its meetings
    (at the end of an import, of a change to many meetings and of a rebuild, and in migration
    0026); returns how many pairs."""
    writer = Writer(using)
    pairs = unblocked(using)
    done = 0
    for chunk in _pair_chunks(pairs):
        with transaction.atomic(using=using):
            writer.take_turn("meetings.derived")
            writer.delete(ExportBlock, "subject_id", chunk)
            writer.insert(ExportBlock, BLOCK_COLUMNS, _pair_blocks(chunk, writer))
        done += len(chunk)
        if progress:
            progress(f"export blocks of {done:,} of {len(pairs):,} pairs written")
    return len(pairs)


def rebuild(using: str = "default", progress=None) -> int:
    """Recompute every derived row from the meetings; returns the number of meetings."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for model in (
            SubjectOverlapYear,
            SubjectOverlap,
            SubjectMonth,
            SubjectMeeting,
            Subject,
            MeetingCountry,
            SearchText,
            ExportBlock,
            ExportRecord,
        ):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    ids = list(Meeting.objects.using(using).order_by("id").values_list("id", flat=True))
    step = 20 * CHUNK
    for start in range(0, len(ids), step):
        refresh(ids[start : start + step], using, bulk=True)
        if progress:
            progress(f"{min(start + step, len(ids)):,} of {len(ids):,} meetings")
    fill_blocks(using, progress)
    return len(ids)


@dataclass
class Difference:
    table: str
    missing: int = 0  # rows a rebuild would write that are not there
    extra: int = 0  # rows there that a rebuild would not write (or with another count)
    examples: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        shown = "; ".join(self.examples[:5])
        return f"{self.table}: {self.missing} missing, {self.extra} wrong or extra ({shown})"


def check(using: str = "default", progress=None) -> list[Difference]:
    """Compare the derived rows with what a rebuild would write; [] when they agree."""
    parents = topic_parents(using)
    keys = {
        row[0]: _key(*row[1:])
        for row in Subject.objects.using(using).values_list(
            "id", "kind", *(f"{thing}_id" for thing in THINGS)
        )
    }
    kinds = {pk: key.kind for pk, key in keys.items()}
    expected, found = Counts(), Counts()
    listings = Difference("listings (SubjectMeeting)")
    countries = Difference("MeetingCountry")
    texts = Difference("search texts (SearchText)")
    records = Difference("export records (ExportRecord)")
    ids = list(Meeting.objects.using(using).order_by("id").values_list("id", flat=True))
    writer = Writer(using)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        now = facts(chunk, using)
        want_countries = {(pk, c) for pk, f in now.items() for c in f.countries()}
        have_countries = set(
            writer.select(MeetingCountry, ["meeting_id", "country_id"], "meeting_id", chunk)
        )
        _compare(countries, want_countries, have_countries)
        want = set()
        for pk, f in now.items():
            subjects = f.subjects(parents)
            expected.add(((k, k.kind) for k in subjects), f.date, 1, f.kind)
            want.update((k, f.date, pk, f.kind, f.changed) for k in subjects)
        have = {
            (keys.get(s), day, pk, held, stamp)
            for s, day, pk, held, stamp in writer.select(
                SubjectMeeting,
                ["subject_id", "date", "meeting_id", "kind", "changed"],
                "meeting_id",
                chunk,
            )
        }
        _compare(listings, want, have)
        published = [pk for pk, f in now.items() if f.published]
        want_texts = {
            (pk, now[pk].date, *text) for pk, text in search_texts(published, using).items()
        }
        have_texts = set(
            writer.select(
                SearchText, ["meeting_id", "date", "title", "names", "body"], "meeting_id", chunk
            )
        )
        _compare(texts, want_texts, have_texts)
        want_records = set(export_records(published, using))
        have_records = set(
            writer.select(ExportRecord, ["meeting_id", "csv", "json"], "meeting_id", chunk)
        )
        _compare(records, want_records, have_records)
        if progress:
            progress(f"{min(start + CHUNK, len(ids)):,} of {len(ids):,} meetings checked")
    # a pair whose blocks do not add up to its meetings (an import stopped before its end) is
    # read a meeting at a time, and its blocks are written again by the next import or rebuild
    blocks = Difference("export blocks (ExportBlock)")
    unwritten = set(unblocked(using))
    blocks.missing += len(unwritten)
    blocks.examples += [
        f"pair {pk}: its {n} meetings not all in its blocks" for pk, n in sorted(unwritten)[:3]
    ]
    pairs = [
        row
        for row in Subject.objects.using(using)
        .filter(kind=Kind.PAIR)
        .order_by("id")
        .values_list("id", "meetings")
        if row not in unwritten
    ]
    for chunk in _pair_chunks(pairs):
        want_blocks = {_digest(row) for row in _pair_blocks(chunk, writer)}
        have_blocks = {
            _digest(row) for row in writer.select(ExportBlock, BLOCK_COLUMNS, "subject_id", chunk)
        }
        _compare(blocks, want_blocks, have_blocks)
    found.subjects.update(
        {keys[pk]: n for pk, n in Subject.objects.using(using).values_list("id", "meetings")}
    )
    for s, m, n, *held in SubjectMonth.objects.using(using).values_list(
        "subject_id", "month", "meetings", *KINDS.values()
    ):
        found.months[(keys[s], m)] = n
        found.kinds.update({(keys[s], m, c): k for c, k in zip(KINDS.values(), held, strict=True)})
    for s, o, k, n in SubjectOverlap.objects.using(using).values_list(
        "subject_id", "other_id", "other_kind", "meetings"
    ):
        found.overlaps[(keys[s], keys[o], k if k == kinds[o] else f"{k}?")] = n
    for s, o, k, year, n in SubjectOverlapYear.objects.using(using).values_list(
        "subject_id", "other_id", "other_kind", "year", "meetings"
    ):
        found.yearly[(keys[s], keys[o], k if k == kinds[o] else f"{k}?", year)] = n
    differences = [d for d in (countries, listings, texts, records, blocks) if d.missing or d.extra]
    expected, found = expected.nonzero(), found.nonzero()
    for name in NAMES:
        want = set(getattr(expected, name).items())
        have = set(getattr(found, name).items())
        d = Difference(f"counts ({name})")
        _compare(d, want, have)
        if d.missing or d.extra:
            differences.append(d)
    return differences


def _digest(block: tuple) -> tuple:
    """An export block with its texts shortened to a fingerprint, to compare and to show."""
    *named, csv, json = block
    return (*named, hashlib.sha1(f"{csv}\0{json}".encode()).hexdigest()[:12])


def _key(kind, *ids) -> Key:
    named = [pk for pk in ids if pk is not None]
    return Key(kind, *named)


def _compare(d: Difference, want: set, have: set) -> None:
    missing, extra = want - have, have - want
    d.missing += len(missing)
    d.extra += len(extra)
    d.examples += [f"missing {row}" for row in sorted(missing, key=str)[:3]]
    d.examples += [f"extra {row}" for row in sorted(extra, key=str)[:3]]
