"""Importing JSONL lines in batches: maps of what exists, bulk writes, no query per line.

A batch (10,000 lines by default) is read and checked, then written in two transactions: first
the officials, venues, occasions, topics and sources it introduces, then its meetings with their
participants, countries, topics and sources. Officials, venues, occasions and topics are kept in
memory as slug -> row maps, loaded once; meetings are looked up by uid and sources by URL once per
batch; citation-only sources are kept in memory by (citation, publisher, date).

On PostgreSQL the meetings of a batch are written by writer threads on their own connections
(COPY), while this thread reads and plans the next batches. Each batch's transaction also
brings its meetings' derived rows (meetings.derived) up to date, so an import stopped at any
point leaves counts that match the meetings it stored, and running it again completes it.

An entity (official, venue, occasion, topic) is updated from the first line of the run that names
it; later lines naming it again only refer to it. Positions are added, never removed. A meeting
already in the database (same uid) is compared with its line and rewritten only if it differs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields

from django.db import connections, transaction
from django.utils import timezone

from meetings import derived, rules
from meetings.bulk.records import BadLine, LineParser, MeetingRecord, SourceRecord, VenueRecord
from meetings.bulk.writer import (
    MEETING_FIELDS,
    REFUSED,
    JobResult,
    PlannedMeeting,
    Writer,
    WriterPool,
    run_job,
)
from meetings.models import (
    Country,
    Meeting,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
    Topic,
    Venue,
    lineage,
)

MeetingTopic = Meeting.topics.through
BATCH_SIZE = 10_000
WORKERS = 2  # writer threads on PostgreSQL
PROGRESS_LINES = 10_000
PROGRESS_SECONDS = 5.0


@dataclass
class Counts:
    lines: int = 0
    created: int = 0
    unchanged: int = 0
    updated: int = 0
    skipped: int = 0
    officials: int = 0
    venues: int = 0
    occasions: int = 0
    topics: int = 0
    sources: int = 0
    positions: int = 0
    entities_updated: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for f in fields(self):
            if f.name not in ("lines", "seconds", "warnings"):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        self.warnings.extend(other.warnings)

    def summary(self) -> str:
        rate = self.lines / self.seconds if self.seconds else 0
        return (
            f"{self.created:,} created, {self.unchanged:,} unchanged, {self.updated:,} updated, "
            f"{self.skipped:,} skipped; {self.lines:,} lines in {self.seconds:.1f} s "
            f"({rate:,.0f} lines/s). New: {self.officials:,} officials, "
            f"{self.positions:,} positions, {self.venues:,} venues, {self.occasions:,} occasions, "
            f"{self.topics:,} topics, {self.sources:,} sources; "
            f"{self.entities_updated:,} of these updated."
        )


class Importer:
    """Reads lines (bytes or str) and writes them; bad lines are reported and skipped.

    report(line_number, reason) is called for every bad line, progress(text) every 10,000 lines
    or 5 seconds, whichever comes first. workers: writer threads (PostgreSQL only, and not
    inside a transaction); 0 writes in the calling thread.
    """

    def __init__(
        self,
        *,
        batch_size: int = BATCH_SIZE,
        report: Callable[[int, str], None] | None = None,
        progress: Callable[[str], None] | None = None,
        workers: int = WORKERS,
        using: str = "default",
    ):
        self.batch_size = max(1, batch_size)
        self.report = report or (lambda line, reason: None)
        self.progress = progress or (lambda text: None)
        self.using = using
        self.writer = Writer(using)
        connection = connections[using]
        parallel = self.writer.copy and not connection.in_atomic_block
        self.workers = max(0, workers) if parallel else 0
        self.counts = Counts()

    # -- the run ----------------------------------------------------------------------------

    def run(self, lines: Iterable[bytes | str]) -> Counts:
        started = time.monotonic()
        self._load()
        parser = LineParser(self.countries)
        counts = self.counts
        self.inflight: dict = {}  # uid -> line, for meetings handed to writers and not done
        self.pool = WriterPool(self.workers, self.using) if self.workers else None
        batch: list[MeetingRecord] = []
        batch_uids: dict = {}
        last_lines, last_time = 0, started
        number = 0
        try:
            for number, raw in enumerate(lines, start=1):
                try:
                    record = parser.parse(raw, number)
                except BadLine as exc:
                    self._bad(number, str(exc))
                    continue
                if record is None:
                    continue
                if record.uid is not None:
                    earlier = batch_uids.get(record.uid)
                    if earlier is not None:
                        self._bad(number, f"uid {record.uid} was already given on line {earlier}")
                        continue
                    batch_uids[record.uid] = number
                batch.append(record)
                if len(batch) >= self.batch_size:
                    counts.lines = number
                    self._flush(batch)
                    batch, batch_uids = [], {}
                    now = time.monotonic()
                    if number - last_lines >= PROGRESS_LINES or now - last_time >= PROGRESS_SECONDS:
                        self.progress(self._progress_line(number, now - started))
                        last_lines, last_time = number, now
            counts.lines = number
            if batch:
                self._flush(batch)
        finally:
            if self.pool is not None:
                for result in self.pool.close():
                    self._collect(result)
                self.pool = None
        self._resolve_pending(final=True)
        derived.fill_blocks(self.using)  # the pairs' export blocks its batches dropped
        if number > self.batch_size:
            derived.compact(self.using)  # counts rewritten once per batch
        counts.seconds = time.monotonic() - started
        return counts

    def _progress_line(self, lines: int, seconds: float) -> str:
        c = self.counts
        return (
            f"{lines:,} lines read: {c.created:,} created, {c.unchanged:,} unchanged, "
            f"{c.updated:,} updated, {c.skipped:,} skipped ({lines / max(seconds, 1e-9):,.0f} "
            "lines/s)"
        )

    def _bad(self, line: int, reason: str) -> None:
        self.counts.skipped += 1
        self.report(line, reason)

    def _flush(self, records: list[MeetingRecord]) -> None:
        if self.pool is not None:
            for result in self.pool.finished():
                self._collect(result)
        # Results are collected only here, so a meeting is either in flight or, if its result
        # was collected, in the database for the query below.
        existing = self._existing(records)
        keep = []
        for record in records:
            pk = existing.get(record.uid)
            earlier = self.inflight.get(record.uid)
            if record.uid is None:  # a topic, official... on its own line
                keep.append(record)
            elif earlier is not None:
                self._bad(record.line, f"uid {record.uid} was already given on line {earlier}")
            elif pk is not None and pk >= self.first_new_meeting:
                # created by an earlier batch of this run: the file repeats the uid
                self._bad(record.line, f"uid {record.uid} was already given on an earlier line")
            else:
                keep.append(record)
        now = timezone.now()
        planned = self._prepare(keep, existing, now)
        if not planned:
            return
        for p in planned:
            self.inflight[p.uid] = p.line
        if self.pool is not None:
            self.pool.submit(planned, now)
        else:
            self._collect(run_job(planned, self.writer, now))

    def _collect(self, result: JobResult) -> None:
        for uid in result.uids:
            self.inflight.pop(uid, None)
        if result.error is not None:
            raise result.error
        self.counts.created += result.created
        self.counts.updated += result.updated
        for line, reason in result.bad:
            self._bad(line, reason)

    def _prepare(self, records: list[MeetingRecord], existing: dict, now) -> list[PlannedMeeting]:
        """Write what the meetings point to, in one transaction, and plan the meetings.

        If the database refuses the batch, each line is tried alone so that only the bad ones
        are skipped."""
        if not records:
            return []
        snapshot = self._snapshot()
        try:
            with transaction.atomic(using=self.using):
                derived.changed(self.using)  # officials, venues... the pages show
                done = Counts()
                sources = self._write_entities(records, done, now)
                planned = self._plan(records, existing, sources, done)
        except REFUSED as exc:
            self._restore(snapshot)
            if len(records) == 1:
                reason = " ".join(str(exc).split())
                self._bad(records[0].line, f"the database refused it: {reason}")
                return []
            return [p for r in records for p in self._prepare([r], existing, now)]
        self.counts.add(done)
        self.plain_sources.update(self._new_plain_sources)
        return planned

    def _existing(self, records: list[MeetingRecord]) -> dict:
        """uid -> id of the meetings of records already in the database."""
        uids = [r.uid for r in records if r.uid is not None]
        return dict(self.writer.select(Meeting, ["uid", "id"], "uid", uids))

    # -- what exists ------------------------------------------------------------------------

    def _load(self) -> None:
        db = self.using
        self.countries = dict(Country.objects.using(db).values_list("code", "id"))
        self.officials = {
            row[1]: (row[0], *row[2:])
            for row in Official.objects.using(db)
            .order_by()
            .values_list("id", "slug", "name", "aliases", "country_id")
            .iterator(chunk_size=5000)
        }
        self.positions = set(
            Position.objects.using(db)
            .order_by()
            .values_list("official_id", "title", "country_id", "start", "end")
            .iterator(chunk_size=5000)
        )
        self.venues = {
            row[1]: (row[0], *row[2:])
            for row in Venue.objects.using(db)
            .order_by()
            .values_list("id", "slug", "name", "country_id", "latitude", "longitude")
        }
        self.occasions = {
            row[1]: (row[0], *row[2:])
            for row in Occasion.objects.using(db)
            .order_by()
            .values_list("id", "slug", "name", "start", "end", "venue_id")
        }
        self.topics = {
            row[1]: (row[0], *row[2:])
            for row in Topic.objects.using(db)
            .order_by()
            .values_list("id", "slug", "name", "parent_id", "aliases")
        }
        self.topic_names = {name: slug for slug, (_, name, _, _) in self.topics.items()}
        self.topic_ids_by_slug = {}  # file slugs that name an existing topic by another slug
        self.plain_sources: dict[tuple, int] = {}
        for pk, citation, publisher, published_on in (
            Source.objects.using(db)
            .filter(url="")
            .order_by("-id")
            .values_list("id", "citation", "publisher", "published_on")
            .iterator(chunk_size=5000)
        ):
            self.plain_sources[(citation, publisher, published_on)] = pk
        self._new_plain_sources: dict[tuple, int] = {}
        self.seen: set[tuple[str, str]] = set()
        self.pending_parents: dict[str, str] = {}  # topic slug -> parent slug not known yet
        self.pending_venues: dict[str, str] = {}  # occasion slug -> venue slug not known yet
        self.first_new_meeting = (
            Meeting.objects.using(db).order_by("-id").values_list("id", flat=True).first() or 0
        ) + 1

    _SNAPSHOT = (
        "officials",
        "positions",
        "venues",
        "occasions",
        "topics",
        "topic_names",
        "topic_ids_by_slug",
        "seen",
        "pending_parents",
        "pending_venues",
    )

    def _snapshot(self) -> dict:
        self._new_plain_sources = {}
        return {name: getattr(self, name).copy() for name in self._SNAPSHOT}

    def _restore(self, snapshot: dict) -> None:
        for name, value in snapshot.items():
            setattr(self, name, value)
        self._new_plain_sources = {}

    # -- one batch --------------------------------------------------------------------------

    def _write_entities(self, records, done: Counts, now) -> dict[tuple, int]:
        """Officials, venues, occasions, topics and sources; returns source key -> id."""
        self._write_venues(records, done)
        self._write_occasions(records, done)
        self._write_officials(records, done)
        self._write_topics(records, done)
        sources = self._write_sources(records, done, now)
        self._resolve_pending(final=False)
        return sources

    def _first_time(self, kind: str, slug: str) -> bool:
        key = (kind, slug)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def _write_venues(self, records, done: Counts) -> None:
        new, changed = {}, []
        venues = [r.venue for r in records if r.venue is not None]
        venues += [
            r.occasion.venue
            for r in records
            if r.occasion is not None and isinstance(r.occasion.venue, VenueRecord)
        ]
        for v in venues:
            if not self._first_time("venue", v.slug):
                continue
            values = (v.name, self.countries[v.country], v.latitude, v.longitude)
            have = self.venues.get(v.slug)
            if have is None:
                new[v.slug] = values
            elif have[1:] != values:
                changed.append((have[0], *values))
                self.venues[v.slug] = (have[0], *values)
        columns = ["name", "country_id", "latitude", "longitude"]
        ids = self.writer.insert(
            Venue, ["slug", *columns], [(s, *v) for s, v in new.items()], ids=True
        )
        for pk, (slug, values) in zip(ids, new.items(), strict=True):
            self.venues[slug] = (pk, *values)
        self.writer.update(Venue, columns, changed)
        self._retext("venue", changed)
        done.venues += len(new)
        done.entities_updated += len(changed)

    def _venue_id(self, slug: str | None) -> int | None:
        have = self.venues.get(slug) if slug else None
        return have[0] if have else None

    def _write_occasions(self, records, done: Counts) -> None:
        new, changed = {}, []
        for record in records:
            o = record.occasion
            if o is None or not self._first_time("occasion", o.slug):
                continue
            have = self.occasions.get(o.slug)
            venue_slug = o.venue.slug if isinstance(o.venue, VenueRecord) else o.venue
            venue_id = self._venue_id(venue_slug)
            if venue_slug and venue_id is None:
                self.pending_venues[o.slug] = venue_slug
                if have is not None:
                    venue_id = have[4]  # keep it until the venue is known
            values = (o.name, o.start, o.end, venue_id)
            if have is None:
                new[o.slug] = values
            elif have[1:] != values:
                changed.append((have[0], *values))
                self.occasions[o.slug] = (have[0], *values)
        columns = ["name", "start", "end", "venue_id"]
        ids = self.writer.insert(
            Occasion, ["slug", *columns], [(s, *v) for s, v in new.items()], ids=True
        )
        for pk, (slug, values) in zip(ids, new.items(), strict=True):
            self.occasions[slug] = (pk, *values)
        self.writer.update(Occasion, columns, changed)
        self._retext("occasion", changed)
        done.occasions += len(new)
        done.entities_updated += len(changed)

    def _write_officials(self, records, done: Counts) -> None:
        new, changed, positions = {}, [], []
        for record in records:
            for participant in record.participants:
                o = participant.official
                if o is None or not self._first_time("official", o.slug):
                    continue
                country_id = self.countries[o.country] if o.country else None
                values = (o.name, o.aliases, country_id)
                have = self.officials.get(o.slug)
                if have is None:
                    new[o.slug] = values
                elif have[1:] != values:
                    changed.append((have[0], *values))
                    self.officials[o.slug] = (have[0], *values)
                if o.positions:
                    positions.append((o.slug, o.positions))
        columns = ["name", "aliases", "country_id"]
        ids = self.writer.insert(
            Official, ["slug", *columns], [(s, *v) for s, v in new.items()], ids=True
        )
        for pk, (slug, values) in zip(ids, new.items(), strict=True):
            self.officials[slug] = (pk, *values)
        self.writer.update(Official, columns, changed)
        self._retext("official", changed)
        done.officials += len(new)
        done.entities_updated += len(changed)

        rows = []
        for slug, terms in positions:
            official_id = self.officials[slug][0]
            for title, code, start, end in terms:
                row = (official_id, title, self.countries[code], start, end)
                if row not in self.positions:
                    self.positions.add(row)
                    rows.append(row)
        self.writer.insert(Position, ["official_id", "title", "country_id", "start", "end"], rows)
        done.positions += len(rows)

    def _topic_id(self, slug: str) -> int | None:
        slug = self.topic_ids_by_slug.get(slug, slug)
        have = self.topics.get(slug)
        return have[0] if have else None

    def _write_topics(self, records, done: Counts) -> None:
        new, changed, parents = {}, [], []
        for record in records:
            for i in record.topics:
                if not self._first_time("topic", i.slug):
                    continue
                have = self.topics.get(i.slug)
                if have is None:
                    if i.name in self.topic_names:
                        # names are unique too: the file's slug stands for the topic of that name
                        self.topic_ids_by_slug[i.slug] = self.topic_names[i.name]
                        continue
                    new[i.slug] = (i.name, None, i.aliases)
                    self.topic_names[i.name] = i.slug
                elif (have[1], have[3]) != (i.name, i.aliases):
                    if have[1] != i.name and i.name in self.topic_names:
                        done.warnings.append(
                            f"topic {i.slug!r} keeps its name: {i.name!r} is the name of "
                            f"{self.topic_names[i.name]!r}"
                        )
                        continue
                    self.topic_names.pop(have[1], None)
                    self.topic_names[i.name] = i.slug
                    changed.append((have[0], i.name, i.aliases))
                    self.topics[i.slug] = (have[0], i.name, have[2], i.aliases)
                parents.append((i.slug, i.parent, record.line))
        ids = self.writer.insert(
            Topic,
            ["slug", "name", "parent_id", "aliases"],
            [(s, *v) for s, v in new.items()],
            ids=True,
        )
        for pk, (slug, values) in zip(ids, new.items(), strict=True):
            self.topics[slug] = (pk, *values)
        self.writer.update(Topic, ["name", "aliases"], changed)
        self._retext("topic", changed)
        done.topics += len(new)
        done.entities_updated += len(changed)
        for slug, parent, line in parents:
            if parent is None:
                self._set_parent(slug, None, line)
            else:
                self.pending_parents[slug] = (parent, line)

    def _set_parent(self, slug: str, parent_id: int | None, line: int) -> None:
        """Move a topic under another, as the admin would: never under itself or a topic
        below it; its meetings then count under the new parent too."""
        pk, name, current, aliases = self.topics[slug]
        if current == parent_id:
            return
        parents = {row[0]: row[2] for row in self.topics.values()}
        problem = rules.parent_problem(pk, parent_id, parents)
        if problem:
            self.counts.warnings.append(f"line {line}: topic {slug!r} keeps its parent: {problem}")
            return
        self.writer.update(Topic, ["parent_id"], [(pk, parent_id)])
        self.topics[slug] = (pk, name, parent_id, aliases)
        # the meetings on it and below count under the new parent: those the writer threads
        # hold must be in the database before they are counted again
        self._drain()
        parents[pk] = parent_id
        below = [t for t in parents if pk in lineage(t, parents)]
        derived.refresh(
            MeetingTopic.objects.using(self.using)
            .filter(topic_id__in=below)
            .values_list("meeting_id", flat=True)
            .distinct(),
            self.using,
            bulk=True,  # the pairs' export blocks are written at the end (run)
        )

    def _retext(self, name: str, changed: list[tuple]) -> None:
        """Officials (venues, occasions, topics, sources) updated: the meetings already
        stored that name them get their search texts written again."""
        if not changed:
            return
        self._drain()
        derived.refresh(
            derived.naming(name, [row[0] for row in changed], self.using), self.using, bulk=True
        )

    def _drain(self) -> None:
        """Wait for the writer threads to finish what they hold."""
        if self.pool is not None:
            for result in self.pool.drain():
                self._collect(result)

    def _resolve_pending(self, *, final: bool) -> None:
        """Link topics to parents, and occasions to venues, named before they were known."""
        if final:
            # outside a batch: a transaction of its own
            with transaction.atomic(using=self.using):
                self._resolve_pending(final=False)
            for slug, (parent, _) in self.pending_parents.items():
                self.counts.warnings.append(
                    f"topic {slug!r}: parent {parent!r} is not in the file or the database"
                )
            for slug, venue in self.pending_venues.items():
                self.counts.warnings.append(
                    f"occasion {slug!r}: venue {venue!r} is not in the file or the database"
                )
            return
        for slug, (parent, line) in list(self.pending_parents.items()):
            parent_id = self._topic_id(parent)
            if parent_id is not None:
                self._set_parent(slug, parent_id, line)
                del self.pending_parents[slug]
        for slug, venue in list(self.pending_venues.items()):
            venue_id = self._venue_id(venue)
            if venue_id is not None:
                pk, name, start, end, current = self.occasions[slug]
                if current != venue_id:
                    self.writer.update(Occasion, ["venue_id"], [(pk, venue_id)])
                    self.occasions[slug] = (pk, name, start, end, venue_id)
                del self.pending_venues[slug]

    def _write_sources(self, records, done: Counts, now) -> dict[tuple, int]:
        """Every source of the batch, created or updated; returns key -> id."""
        first: dict[tuple, SourceRecord] = {}
        for record in records:
            for s in record.sources:
                first.setdefault(s.key, s)
        ids: dict[tuple, int] = {}
        existing: dict[tuple, tuple] = {}
        urls = [key[0] for key in first if len(key) == 1]
        for row in self.writer.select(
            Source,
            ["id", "url", "citation", "title", "publisher", "published_on"],
            "url",
            urls,
            not_blank=True,
        ):
            existing[(row[1],)] = row
        new, changed, plain = [], [], []
        for key, s in first.items():
            if len(key) == 1:
                row = existing.get(key)
                if row is None:
                    new.append((key, s))
                else:
                    ids[key] = row[0]
                    values = (s.citation, s.title, s.publisher, s.published_on)
                    if row[2:] != values:
                        changed.append((row[0], *values, False))
            else:
                pk = self.plain_sources.get(key)
                if pk is None:
                    new.append((key, s))
                else:
                    ids[key] = pk
                    plain.append(s)
        # a citation-only source matches on everything but its title and whether it is a
        # print source: compare those
        held = {
            pk: (title, offline)
            for pk, title, offline in self.writer.select(
                Source, ["id", "title", "offline"], "id", [ids[s.key] for s in plain]
            )
        }
        for s in plain:
            if held.get(ids[s.key]) != (s.title, s.offline):
                changed.append(
                    (ids[s.key], s.citation, s.title, s.publisher, s.published_on, s.offline)
                )
        self.writer.update(
            Source, ["citation", "title", "publisher", "published_on", "offline"], changed
        )
        self._retext("source", changed)
        new_ids = self.writer.insert(
            Source,
            [
                "url",
                "citation",
                "title",
                "publisher",
                "published_on",
                "offline",
                "text",
                "created_at",
            ],
            [
                (s.url, s.citation, s.title, s.publisher, s.published_on, s.offline, "", now)
                for _, s in new
            ],
            ids=True,
        )
        for pk, (key, _) in zip(new_ids, new, strict=True):
            ids[key] = pk
            if len(key) > 1:
                self._new_plain_sources[key] = pk
        done.sources += len(new)
        done.entities_updated += len(changed)
        return ids

    def _plan(self, records, existing, sources: dict[tuple, int], done: Counts):
        """The meetings to write, as ids; meetings the database holds as they are are counted
        unchanged and left out."""
        planned = []
        for r in records:
            if r.uid is None:
                continue
            planned.append(
                PlannedMeeting(
                    line=r.line,
                    uid=r.uid,
                    pk=existing.get(r.uid),
                    new=r.uid not in existing,
                    fields=(
                        r.date,
                        r.date_precision,
                        r.end_date,
                        r.basis,
                        r.kind,
                        r.status,
                        r.title,
                        r.summary,
                        self._venue_id(r.venue.slug) if r.venue else None,
                        self.occasions[r.occasion.slug][0] if r.occasion else None,
                    ),
                    participants=tuple(
                        (
                            self.officials[p.official.slug][0] if p.official else None,
                            p.title,
                            self.countries[p.country],
                        )
                        for p in r.participants
                    ),
                    topics=tuple(sorted({self._topic_id(i.slug) for i in r.topics})),
                    quotes=tuple((sources[s.key], s.quote) for s in r.sources),
                )
            )
        old = [p for p in planned if not p.new]
        if old:
            current = self._current([p.pk for p in old])
            same = {
                p.uid
                for p in old
                if current.get(p.pk) == (p.fields, p.participants, p.topics, p.quotes)
            }
            done.unchanged += len(same)
            planned = [p for p in planned if p.uid not in same]
        fresh = [p for p in planned if p.new]
        reserved = self.writer.next_ids(Meeting, len(fresh))
        if reserved:
            # ids in the order of the file, whichever writer stores them
            for p, pk in zip(fresh, reserved, strict=True):
                p.pk = pk
        return planned

    def _current(self, ids: list[int]) -> dict[int, tuple]:
        """What the database holds for these meetings, in the shape _plan compares."""
        w = self.writer
        fields_: dict[int, tuple] = {}
        parts: dict[int, list] = {pk: [] for pk in ids}
        topics: dict[int, list] = {pk: [] for pk in ids}
        quotes: dict[int, list] = {pk: [] for pk in ids}
        for pk, *values in w.select(Meeting, ["id", *MEETING_FIELDS], "id", ids):
            fields_[pk] = tuple(values)
        for pk, *values in w.select(
            Participation,
            ["meeting_id", "official_id", "title", "country_id"],
            "meeting_id",
            ids,
            order_by=["id"],
        ):
            parts[pk].append(tuple(values))
        for pk, topic_id in w.select(MeetingTopic, ["meeting_id", "topic_id"], "meeting_id", ids):
            topics[pk].append(topic_id)
        for pk, *values in w.select(
            MeetingSource, ["meeting_id", "source_id", "quote"], "meeting_id", ids, order_by=["id"]
        ):
            quotes[pk].append(tuple(values))
        return {
            pk: (fields_[pk], tuple(parts[pk]), tuple(sorted(topics[pk])), tuple(quotes[pk]))
            for pk in fields_
        }


def import_lines(lines: Iterable[bytes | str], **options) -> Counts:
    """Import lines with an Importer; see its options."""
    return Importer(**options).run(lines)
