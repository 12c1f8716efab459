"""The Office of the Historian's records as import lines, then imported: the command's work.

Each meeting's uid comes from its record (collection, id, place in the record), so importing the
same files again changes nothing, and a record changed upstream rewrites its own meetings; the
meetings a record no longer gives are deleted. Every meeting cites its record: a source per
record, with the record's page on history.state.gov as the URL and its text as the quote.
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

from meetings import services
from meetings.bulk.importer import Counts, Importer
from meetings.historian.build import Decision, Planned, Reader
from meetings.historian.identity import Directory
from meetings.models import Meeting, MeetingSource, Participation, Place, Venue
from meetings.text import fold

PUBLISHER = "Office of the Historian, U.S. Department of State"
COLLECTIONS = {
    "visits": "Visits by Foreign Leaders of the United States",
    "travels": "Travels of the President and the Secretary of State",
}
# a record's meetings keep their uids from run to run
NAMESPACE = uuid.UUID("5d1d1e47-8a56-4a4f-93f1-6b0d5fb7f0a1")


def uid_of(planned: Planned) -> str:
    record = planned.record
    return str(uuid.uuid5(NAMESPACE, f"{record.collection}/{record.id}/{planned.number}"))


@dataclass
class Outcome:
    """What a run did, for the command's summary and the --report file."""

    decisions: list[Decision] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # unreadable files and records
    counts: Counts | None = None
    deleted: int = 0
    officials_created: int = 0

    def summary(self) -> dict:
        meetings = [p for d in self.decisions for p in d.planned]
        return {
            "records": len(self.decisions) + len(self.problems),
            "unreadable": len(self.problems)
            + sum(d.decision == "unreadable" for d in self.decisions),
            "records_with_meetings": sum(bool(d.planned) for d in self.decisions),
            "records_without_meeting": sum(d.decision == "no meeting" for d in self.decisions),
            "meetings": len(meetings),
            "stated": sum(p.basis == "stated" for p in meetings),
            "inferred": sum(p.basis == "inferred" for p in meetings),
            "deleted": self.deleted,
            "officials_created": self.officials_created,
        }

    def report_lines(self) -> list[str]:
        lines = []
        for d in self.decisions:
            lines.append(
                json.dumps(
                    {
                        "collection": d.record.collection,
                        "id": d.record.id,
                        "decision": d.decision,
                        "meetings": [uid_of(p) for p in d.planned],
                        "reason": d.reason,
                    },
                    ensure_ascii=False,
                )
            )
        for problem in self.problems:
            lines.append(
                json.dumps(
                    {
                        "collection": None,
                        "id": None,
                        "decision": "unreadable",
                        "meetings": [],
                        "reason": problem,
                    },
                    ensure_ascii=False,
                )
            )
        return lines


class Writer:
    """Turns decisions into import lines."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self.directory = Directory(reader.countries)
        self.venues = {
            (fold(name), code): slug
            for slug, name, code in Venue.objects.values_list("slug", "name", "country__code")
        }
        self.venue_slugs = set(self.venues.values())
        self._places: dict[tuple[str, str], tuple[float, float]] | None = None

    def lines(self, decisions: list[Decision], progress: Callable[[int], None]) -> list[dict]:
        planned = [p for d in decisions for p in d.planned]
        decided_before(planned)
        self.directory.resolve([m for p in planned for m in p.people])
        out = []
        for n, p in enumerate(planned, start=1):
            out.append(self.line(p))
            progress(n)
        return out

    def line(self, p: Planned) -> dict:
        record = p.record
        participants = [
            {
                "official": self.directory.us(term, self._terms(term)).line(),
                "title": title,
                "country": "US",
            }
            for term, title in p.us
        ]
        for m in p.people:
            official = self.directory.people[m.official].line() if m.official else None
            participants.append(
                {"official": official, "title": m.title or "", "country": m.country}
            )
        venue = self.venue(*p.venue) if p.venue else None
        return {
            "uid": uid_of(p),
            "date": p.start.isoformat(),
            "date_precision": "day",
            "end_date": p.end.isoformat() if p.end else None,
            "basis": p.basis,
            "kind": "in-person",
            "status": "published",
            "title": "",
            "summary": "",
            "venue": venue,
            "occasion": self.occasion(p, venue) if p.occasion else None,
            "participants": _unique(participants),
            "topics": [],
            "sources": [self.source(record)],
        }

    def _terms(self, term):
        return self.reader.presidents if term.title == "President" else self.reader.secretaries

    def source(self, record) -> dict:
        dates = _dates(record.start, record.end)
        if record.collection == "visits":
            title = f"Visit of {record.visitor} of {record.country_name}, {dates}"
        else:
            where = (
                f"{record.locale}, {record.country_name}" if record.locale else record.country_name
            )
            title = f"{record.traveller_name} in {where}, {dates}"
        return {
            "url": record.url,
            "citation": f"{COLLECTIONS[record.collection]}, record {record.id}",
            "title": title[:300],
            "publisher": PUBLISHER,
            "published_on": None,
            "quote": record.text,
        }

    def venue(self, name: str, code: str) -> dict:
        key = (fold(name), code)
        slug = self.venues.get(key)
        if slug is None:
            slug = slugify(name)[:60] or "venue"
            if slug in self.venue_slugs:
                slug = f"{slug}-{code.lower()}"
            self.venues[key] = slug
            self.venue_slugs.add(slug)
        where = self.places().get((fold(name), self._modern(code)))
        return {
            "slug": slug,
            "name": name,
            "country": code,
            "latitude": where[0] if where else None,
            "longitude": where[1] if where else None,
        }

    def _modern(self, code: str) -> str:
        country = self.reader.countries.get(code)
        while country is not None and country.successor_id is not None:
            country = next(
                (c for c in self.reader.countries.values() if c.pk == country.successor_id), None
            )
            if country is not None:
                code = country.code
        return code

    def places(self) -> dict:
        """(folded name, country code) -> coordinates of the most populous such place."""
        if self._places is None:
            found = {}
            for name, alternates, code, lat, lon in Place.objects.order_by(
                "population"
            ).values_list("name", "alternate_names", "country__code", "latitude", "longitude"):
                for spelling in [*alternates.splitlines(), name]:
                    found[(fold(spelling), code)] = (lat, lon)
            self._places = found
        return self._places

    def occasion(self, p: Planned, venue: dict | None) -> dict:
        year = p.start.year
        name = p.occasion if str(year) in p.occasion else f"{p.occasion} {year}"
        return {
            "slug": slugify(name)[:80],
            "name": name[:200],
            "start": p.record.start.isoformat(),
            "end": p.record.end.isoformat(),
            "venue": venue,
        }


def _unique(participants: list[dict]) -> list[dict]:
    seen, out = set(), []
    for p in participants:
        key = p["official"]["slug"] if p["official"] else (p["title"], p["country"])
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _dates(start: datetime.date, end: datetime.date) -> str:
    if start == end:
        return f"{start.day} {start:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def run(
    folder: Path,
    *,
    progress: Callable[[str, int, int], None] | None = None,
    report: Callable[[int, str], None] | None = None,
) -> Outcome:
    """Read the folder and import what it says; returns what was done."""
    say = progress or (lambda stage, done, total: None)
    reader = Reader(folder)
    outcome = Outcome(problems=list(reader.problems))
    total = len(reader.records)
    for n, record in enumerate(reader.records, start=1):
        outcome.decisions.append(reader.decide(record))
        if n % 250 == 0 or n == total:
            say("records read", n, total)
    writer = Writer(reader)
    planned_total = sum(len(d.planned) for d in outcome.decisions)
    lines = writer.lines(
        outcome.decisions,
        lambda n: say("meetings written", n, planned_total) if n % 500 == 0 else None,
    )
    people = [p.line() for p in writer.directory.people.values()]
    importer = Importer(report=report, workers=0)
    outcome.counts = importer.run(
        [json.dumps({"official": p}) for p in people] + [json.dumps(line) for line in lines]
    )
    outcome.officials_created = outcome.counts.officials
    say("meetings written", planned_total, planned_total)
    outcome.deleted = delete_stale(outcome.decisions)
    return outcome


def decided_before(planned: list[Planned]) -> None:
    """Give each mention the official an earlier run decided for it (the same meeting, the same
    country and title, a name the official goes by), so that running the import again keeps
    every decision; only new or changed records are decided afresh."""
    uids = {uid_of(p): p for p in planned}
    earlier: dict[str, list[tuple]] = {}
    for uid, slug, name, aliases, title, code in Participation.objects.filter(
        meeting__uid__in=list(uids), official__isnull=False
    ).values_list(
        "meeting__uid",
        "official__slug",
        "official__name",
        "official__aliases",
        "title",
        "country__code",
    ):
        names = {fold(name), *(fold(a) for a in aliases.splitlines())}
        earlier.setdefault(str(uid), []).append((slug, names, title, code))
    for uid, p in uids.items():
        for m in p.people:
            for slug, names, title, code in earlier.get(uid, ()):
                # (the country may have been decided then too: met abroad, see identity)
                if m.name and fold(m.name) in names and title == m.title:
                    m.official, m.country = slug, code
                    break


def delete_stale(decisions: list[Decision]) -> int:
    """Delete the meetings of these records that the records no longer give."""
    wanted = {uid_of(p) for d in decisions for p in d.planned}
    urls = [d.record.url for d in decisions]
    stale = []
    for start in range(0, len(urls), 1000):
        stale += [
            pk
            for pk, uid in MeetingSource.objects.filter(
                source__url__in=urls[start : start + 1000]
            ).values_list("meeting_id", "meeting__uid")
            if str(uid) not in wanted
        ]
    with services.writing():
        return Meeting.objects.filter(pk__in=stale).delete()[1].get("meetings.Meeting", 0)
