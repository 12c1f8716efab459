"""Writing many rows at once: PostgreSQL's COPY when the database is PostgreSQL, else bulk_create;
and the writer threads that store planned meetings while the importer reads on.

Rows are tuples of attribute values (``official_id``, not ``official``). Nothing here calls save()
or sends signals, so derived rows (MeetingCountry) are written explicitly.
"""

from __future__ import annotations

import datetime
import queue
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.db import DataError, IntegrityError, connections, models, transaction

from meetings import index
from meetings.models import Meeting, MeetingCountry, MeetingSource, Participation

MeetingIssue = Meeting.issues.through
# What the database answers to a line it will not store; anything else (a lost connection...)
# stops the import.
REFUSED = (IntegrityError, DataError)
MEETING_FIELDS = [
    "date",
    "date_precision",
    "kind",
    "status",
    "title",
    "summary",
    "venue_id",
    "occasion_id",
]


class Writer:
    """Bulk reads and writes on one database connection (the calling thread's)."""

    def __init__(self, using: str = "default"):
        self.using = using
        self.connection = connections[using]
        self.copy = self.connection.vendor == "postgresql"
        limit = self.connection.features.max_query_params or 999
        self.chunk = max(1, min(5000, limit - 10))
        self._sequences: dict[str, str] = {}

    def _qn(self, name: str) -> str:
        return self.connection.ops.quote_name(name)

    def insert(
        self,
        model: type[models.Model],
        fields: Sequence[str],
        rows: Sequence[tuple],
        *,
        ids: bool = False,
        pks: Sequence[int] | None = None,
    ) -> list[int]:
        """Insert rows; with ids=True, return the new primary keys in the order of rows.

        pks gives the primary keys to use (from next_ids); they are returned as they are.
        """
        if not rows:
            return []
        if not self.copy:
            objs = [model(**dict(zip(fields, row, strict=True))) for row in rows]
            if pks is not None:
                for obj, pk in zip(objs, pks, strict=True):
                    obj.pk = pk
            model.objects.using(self.using).bulk_create(objs)
            return [obj.pk for obj in objs] if ids or pks is not None else []
        opts = model._meta
        columns = [opts.get_field(name).column for name in fields]
        with self.connection.cursor() as cursor:
            if ids and pks is None:
                pks = self._next_ids(cursor, model, len(rows))
            if pks is not None:
                columns.insert(0, opts.pk.column)
                rows = [(pk, *row) for pk, row in zip(pks, rows, strict=True)]
            sql = "COPY {} ({}) FROM STDIN".format(
                self._qn(opts.db_table), ", ".join(self._qn(c) for c in columns)
            )
            with cursor.copy(sql) as copy:
                write = copy.write_row
                for row in rows:
                    write(row)
        return list(pks) if pks is not None else []

    def next_ids(self, model: type[models.Model], n: int) -> list[int] | None:
        """n primary keys reserved from the table's sequence (PostgreSQL); None elsewhere."""
        if not self.copy or n == 0:
            return None
        with self.connection.cursor() as cursor:
            return self._next_ids(cursor, model, n)

    def _next_ids(self, cursor, model: type[models.Model], n: int) -> list[int]:
        table = model._meta.db_table
        sequence = self._sequences.get(table)
        if sequence is None:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, model._meta.pk.column])
            sequence = self._sequences[table] = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, n])
        return [row[0] for row in cursor.fetchall()]

    def select(
        self,
        model: type[models.Model],
        fields: Sequence[str],
        key: str,
        values: Sequence,
        *,
        order_by: Sequence[str] = (),
        not_blank: bool = False,
    ) -> Iterator[tuple]:
        """Rows of fields where key is one of values (and, with not_blank, key <> '')."""
        if not values:
            return
        if self.copy:
            # one array parameter instead of thousands of placeholders
            opts = model._meta
            column = self._qn(opts.get_field(key).column)
            sql = "SELECT {} FROM {} WHERE {} = ANY(%s){}{}".format(
                ", ".join(self._qn(opts.get_field(f).column) for f in fields),
                self._qn(opts.db_table),
                column,
                f" AND NOT ({column} = '')" if not_blank else "",
                " ORDER BY " + ", ".join(self._qn(opts.get_field(f).column) for f in order_by)
                if order_by
                else "",
            )
            # Keys are looked up through their index: while a big import runs, the table's
            # statistics lag behind and the planner would rather read the whole table.
            with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(sql, [list(values)])
                rows = cursor.fetchall()
                cursor.execute("SET LOCAL enable_seqscan = on")
            yield from rows
            return
        for chunk in self.chunks(values):
            qs = model.objects.using(self.using).filter(**{f"{key}__in": chunk})
            if not_blank:
                qs = qs.exclude(**{key: ""})
            yield from qs.order_by(*order_by).values_list(*fields)

    def update(
        self, model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple]
    ) -> None:
        """Set fields on existing rows; each row is (pk, *values)."""
        if not rows:
            return
        objs = []
        for pk, *values in rows:
            obj = model(pk=pk)
            for name, value in zip(fields, values, strict=True):
                setattr(obj, name, value)
            objs.append(obj)
        model.objects.using(self.using).bulk_update(objs, list(fields), batch_size=1000)

    def delete(self, model: type[models.Model], field: str, values: Iterable) -> None:
        """Delete the rows whose field is one of values: plain SQL, no signals, no cascade."""
        values = list(values)
        table = self._qn(model._meta.db_table)
        column = self._qn(model._meta.get_field(field).column)
        with self.connection.cursor() as cursor:
            for chunk in self.chunks(values):
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)

    def chunks(self, values: Sequence) -> Iterable[Sequence]:
        """Slices of values short enough for one IN (...) on this database."""
        values = list(values)
        for start in range(0, len(values), self.chunk):
            yield values[start : start + self.chunk]


# -- meetings ----------------------------------------------------------------------------------


@dataclass(slots=True)
class PlannedMeeting:
    """A meeting ready to write: every reference is an id already in the database."""

    line: int
    uid: uuid.UUID
    pk: int | None  # the meeting to update, or the id reserved for a new one
    new: bool
    fields: tuple  # values of MEETING_FIELDS
    participants: tuple[tuple[int, str, int], ...]  # (official id, title, country id)
    issues: tuple[int, ...]
    quotes: tuple[tuple[int, str], ...]  # (source id, quote)
    keys: str = ""  # its line for meetings.index
    old_keys: str = ""  # the line it had, for a meeting being rewritten


@dataclass
class JobResult:
    uids: list[uuid.UUID] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    error: BaseException | None = None
    tallies: index.Contribution = field(default_factory=index.Contribution)


def write_meetings(planned: list[PlannedMeeting], writer: Writer, now: datetime.datetime) -> None:
    """Write the meetings and everything that hangs off them; the caller holds the transaction."""
    changed = [p for p in planned if not p.new]
    if changed:
        ids = [p.pk for p in changed]
        for model in (Participation, MeetingCountry, MeetingIssue, MeetingSource):
            writer.delete(model, "meeting_id", ids)
        writer.update(
            Meeting,
            [*MEETING_FIELDS, "indexed", "updated_at"],
            [(p.pk, *p.fields, p.keys, now) for p in changed],
        )
    fresh = [p for p in planned if p.new]
    reserved = [p.pk for p in fresh] if fresh and fresh[0].pk is not None else None
    new_ids = writer.insert(
        Meeting,
        ["uid", *MEETING_FIELDS, "indexed", "created_at", "updated_at"],
        [(p.uid, *p.fields, p.keys, now, now) for p in fresh],
        ids=True,
        pks=reserved,
    )
    targets = [(p.pk, p) for p in changed] + list(zip(new_ids, fresh, strict=True))
    participations, countries, issue_links, quotes = [], [], [], []
    for pk, p in targets:
        seen = []
        for official_id, title, country_id in p.participants:
            participations.append((pk, official_id, title, country_id))
            if country_id not in seen:
                seen.append(country_id)
        countries.extend((pk, c) for c in seen)
        issue_links.extend((pk, i) for i in p.issues)
        quotes.extend((pk, source_id, quote) for source_id, quote in p.quotes)
    w = writer
    w.insert(Participation, ["meeting_id", "official_id", "title", "country_id"], participations)
    w.insert(MeetingCountry, ["meeting_id", "country_id"], countries)
    w.insert(MeetingIssue, ["meeting_id", "issue_id"], issue_links)
    w.insert(MeetingSource, ["meeting_id", "source_id", "quote"], quotes)
    index.write_facets(
        [(p.pk, p.old_keys) for p in changed], [(pk, p.keys) for pk, p in targets], w.using
    )


def tallies_of(planned: list[PlannedMeeting]) -> index.Contribution:
    """What writing these meetings changes in the tallies (written later, by the importer)."""
    delta = index.Contribution()
    for p in planned:
        delta.update(index.contribution(p.keys))
        delta.subtract(index.contribution(p.old_keys))
    return delta


def run_job(planned: list[PlannedMeeting], writer: Writer, now: datetime.datetime) -> JobResult:
    """Write planned meetings in one transaction; if refused, one by one, naming the bad lines."""
    result = JobResult(uids=[p.uid for p in planned])
    try:
        with transaction.atomic(using=writer.using):
            write_meetings(planned, writer, now)
    except REFUSED as exc:
        if len(planned) == 1:
            reason = " ".join(str(exc).split())
            result.bad.append((planned[0].line, f"the database refused it: {reason}"))
            return result
        for p in planned:
            one = run_job([p], writer, now)
            result.created += one.created
            result.updated += one.updated
            result.bad += one.bad
            result.tallies.update(one.tallies)
        return result
    result.tallies = tallies_of(planned)
    result.created = sum(p.new for p in planned)
    result.updated = len(planned) - result.created
    return result


class WriterPool:
    """Threads that write planned meetings, each on its own connection, while the caller reads
    and plans the next batch. Most of the time of an import on PostgreSQL goes into checking
    foreign keys and updating indexes, which two connections do on two cores."""

    def __init__(self, workers: int, using: str = "default"):
        self.using = using
        self.jobs: queue.Queue = queue.Queue(maxsize=workers)
        self.results: queue.Queue = queue.Queue()
        self.threads = [
            threading.Thread(target=self._work, name=f"import-writer-{i}", daemon=True)
            for i in range(workers)
        ]
        for thread in self.threads:
            thread.start()

    def _work(self) -> None:
        writer = None
        try:
            while (job := self.jobs.get()) is not None:
                planned, now = job
                try:
                    writer = writer or Writer(self.using)
                    result = run_job(planned, writer, now)
                except BaseException as exc:  # handed to the reading thread, which raises it
                    result = JobResult(uids=[p.uid for p in planned], error=exc)
                self.results.put(result)
        finally:
            connections[self.using].close()

    def submit(self, planned: list[PlannedMeeting], now: datetime.datetime) -> None:
        """Queue a job; blocks while as many jobs as there are writers already wait."""
        self.jobs.put((planned, now))

    def finished(self) -> Iterator[JobResult]:
        """The results that came in so far."""
        while True:
            try:
                yield self.results.get_nowait()
            except queue.Empty:
                return

    def close(self) -> Iterator[JobResult]:
        """Let the writers finish what they hold and stop; yields the remaining results."""
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join()
        yield from self.finished()
