"""Writing planned meetings in bulk, and the writer threads that store them while the importer
reads on.

Nothing here calls save() or sends signals: each job writes its meetings and then has
meetings.derived refresh their derived rows, in the same transaction.
"""

from __future__ import annotations

import datetime
import queue
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import DataError, IntegrityError, connections, transaction

from meetings import derived
from meetings.db import Writer
from meetings.models import Meeting, MeetingSource, Participation

MeetingTopic = Meeting.topics.through
# What the database answers to a line it will not store; anything else (a lost connection...)
# stops the import.
REFUSED = (IntegrityError, DataError)
MEETING_FIELDS = [
    "date",
    "date_precision",
    "end_date",
    "basis",
    "kind",
    "status",
    "title",
    "summary",
    "venue_id",
    "occasion_id",
]


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
    topics: tuple[int, ...]
    quotes: tuple[tuple[int, str], ...]  # (source id, quote)


@dataclass
class JobResult:
    uids: list[uuid.UUID] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    error: BaseException | None = None


def write_meetings(planned: list[PlannedMeeting], writer: Writer, now: datetime.datetime) -> None:
    """Write the meetings and everything that hangs off them; the caller holds the transaction."""
    changed = [p for p in planned if not p.new]
    if changed:
        ids = [p.pk for p in changed]
        for model in (Participation, MeetingTopic, MeetingSource):
            writer.delete(model, "meeting_id", ids)
        writer.update(
            Meeting, [*MEETING_FIELDS, "updated_at"], [(p.pk, *p.fields, now) for p in changed]
        )
    fresh = [p for p in planned if p.new]
    reserved = [p.pk for p in fresh] if fresh and fresh[0].pk is not None else None
    new_ids = writer.insert(
        Meeting,
        ["uid", *MEETING_FIELDS, "created_at", "updated_at"],
        [(p.uid, *p.fields, now, now) for p in fresh],
        ids=True,
        pks=reserved,
    )
    targets = [(p.pk, p) for p in changed] + list(zip(new_ids, fresh, strict=True))
    participations, topic_links, quotes = [], [], []
    for pk, p in targets:
        participations.extend((pk, o, title, c) for o, title, c in p.participants)
        topic_links.extend((pk, t) for t in p.topics)
        quotes.extend((pk, source_id, quote) for source_id, quote in p.quotes)
    w = writer
    w.insert(Participation, ["meeting_id", "official_id", "title", "country_id"], participations)
    w.insert(MeetingTopic, ["meeting_id", "topic_id"], topic_links)
    w.insert(MeetingSource, ["meeting_id", "source_id", "quote"], quotes)
    # the pairs' export blocks are written once, at the end of the import (Importer.run)
    derived.refresh([pk for pk, _ in targets], w.using, bulk=True)


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
        return result
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
        self.submitted = self.taken = 0
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
        self.submitted += 1
        self.jobs.put((planned, now))

    def drain(self) -> Iterator[JobResult]:
        """Wait for every job submitted so far; yields their results not yet taken."""
        while self.taken < self.submitted:
            self.taken += 1
            yield self.results.get()

    def finished(self) -> Iterator[JobResult]:
        """The results that came in so far."""
        while True:
            try:
                result = self.results.get_nowait()
            except queue.Empty:
                return
            self.taken += 1
            yield result

    def close(self) -> Iterator[JobResult]:
        """Let the writers finish what they hold and stop; yields the remaining results."""
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join()
        yield from self.finished()
