"""Exporting every meeting as one JSON object per line, in id order, a chunk of ids at a time.

Officials, venues, occasions, topics and countries are read once and kept; a chunk of meetings
costs five queries whatever its size. The objects are in a canonical form (topics by slug,
positions by date, aliases as lists), which the generator writes too, so that export, import
and export again give the same lines.
"""

from __future__ import annotations

import datetime
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TextIO

from meetings.bulk.writer import MEETING_FIELDS
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
    split_lines,
)

CHUNK = 5000
MeetingTopic = Meeting.topics.through


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def position_key(position: dict) -> tuple:
    """Positions are listed by start (unknown first), then end (open last), title, country."""
    return (
        position["start"] or "",
        position["end"] or "9999",
        position["title"],
        position["country"],
    )


def dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Exporter:
    def __init__(self, using: str = "default", chunk: int = CHUNK, status: str | None = None):
        self.using = using
        self.chunk = chunk
        self.status = status  # only the meetings of this status (the public download's)
        self._officials: dict[int, dict] = {}

    def _load(self) -> None:
        db = self.using
        self.codes = dict(Country.objects.using(db).values_list("id", "code"))
        self.venues = {
            pk: {
                "slug": slug,
                "name": name,
                "country": self.codes[country_id],
                "latitude": lat,
                "longitude": lon,
            }
            for pk, slug, name, country_id, lat, lon in Venue.objects.using(db).values_list(
                "id", "slug", "name", "country_id", "latitude", "longitude"
            )
        }
        self.occasions = {
            pk: {
                "slug": slug,
                "name": name,
                "start": _iso(start),
                "end": _iso(end),
                "venue": self.venues.get(venue_id),
            }
            for pk, slug, name, start, end, venue_id in Occasion.objects.using(db).values_list(
                "id", "slug", "name", "start", "end", "venue_id"
            )
        }
        rows = list(
            Topic.objects.using(db).values_list("id", "slug", "name", "parent_id", "aliases")
        )
        topic_slugs = {row[0]: row[1] for row in rows}
        self.topics = {
            pk: {
                "slug": slug,
                "name": name,
                "parent": topic_slugs.get(parent_id),
                "aliases": split_lines(aliases),
            }
            for pk, slug, name, parent_id, aliases in rows
        }

    def _officials_for(self, ids: set[int]) -> None:
        """Read the officials not seen yet, with their positions."""
        missing = [pk for pk in ids if pk not in self._officials]
        if not missing:
            return
        db = self.using
        positions = defaultdict(list)
        for official_id, title, country_id, start, end in (
            Position.objects.using(db)
            .filter(official_id__in=missing)
            .values_list("official_id", "title", "country_id", "start", "end")
        ):
            positions[official_id].append(
                {
                    "title": title,
                    "country": self.codes[country_id],
                    "start": _iso(start),
                    "end": _iso(end),
                }
            )
        for pk, slug, name, aliases, country_id in (
            Official.objects.using(db)
            .filter(id__in=missing)
            .values_list("id", "slug", "name", "aliases", "country_id")
        ):
            self._officials[pk] = {
                "slug": slug,
                "name": name,
                "aliases": split_lines(aliases),
                "country": self.codes.get(country_id),
                "positions": sorted(positions[pk], key=position_key),
            }

    def topic_lines(self) -> Iterator[dict]:
        """Every topic on a line of its own, by slug: the vocabulary travels with the
        meetings, the topics no meeting uses yet included."""
        self._load()
        for topic in sorted(self.topics.values(), key=lambda t: t["slug"]):
            yield {"topic": topic}

    def meetings(self) -> Iterator[dict]:
        """Every meeting as a dict, in id order. Officials, venues... are shared between the
        dicts: read them, don't change them."""
        self._load()
        db = self.using
        last = 0
        meetings = Meeting.objects.using(db)
        if self.status:
            meetings = meetings.filter(status=self.status)
        while True:
            rows = list(
                meetings.filter(id__gt=last)
                .order_by("id")
                .values_list("id", "uid", *MEETING_FIELDS)[: self.chunk]
            )
            if not rows:
                return
            first, last = rows[0][0], rows[-1][0]
            span = {"meeting_id__gte": first, "meeting_id__lte": last}
            participants = defaultdict(list)
            for meeting_id, official_id, title, country_id in (
                Participation.objects.using(db)
                .filter(**span)
                .order_by("meeting_id", "id")
                .values_list("meeting_id", "official_id", "title", "country_id")
            ):
                participants[meeting_id].append((official_id, title, country_id))
            self._officials_for(
                {p[0] for parts in participants.values() for p in parts if p[0] is not None}
            )
            topics = defaultdict(list)
            for meeting_id, topic_id in (
                MeetingTopic.objects.using(db)
                .filter(**span)
                .order_by()
                .values_list("meeting_id", "topic_id")
            ):
                topics[meeting_id].append(self.topics[topic_id])
            cited = defaultdict(list)
            for meeting_id, source_id, quote in (
                MeetingSource.objects.using(db)
                .filter(**span)
                .order_by("meeting_id", "id")
                .values_list("meeting_id", "source_id", "quote")
            ):
                cited[meeting_id].append((source_id, quote))
            sources = {}
            source_ids = list({s for quotes in cited.values() for s, _ in quotes})
            for start in range(0, len(source_ids), 5000):
                for pk, *values in (
                    Source.objects.using(db)
                    .filter(id__in=source_ids[start : start + 5000])
                    .values_list(
                        "id", "url", "citation", "title", "publisher", "published_on", "offline"
                    )
                ):
                    sources[pk] = values
            for row in rows:
                pk, uid, day, precision, end, basis, kind, status, title, summary = row[:10]
                venue, occasion = row[10:]
                yield {
                    "uid": str(uid),
                    "date": day.isoformat(),
                    "date_precision": precision,
                    "end_date": _iso(end),
                    "basis": basis,
                    "kind": kind,
                    "status": status,
                    "title": title,
                    "summary": summary,
                    "venue": self.venues[venue] if venue else None,
                    "occasion": self.occasions[occasion] if occasion else None,
                    "participants": [
                        {
                            "official": self._officials.get(official_id),
                            "title": p_title,
                            "country": self.codes[country_id],
                        }
                        for official_id, p_title, country_id in participants[pk]
                    ],
                    "topics": sorted(topics[pk], key=lambda topic: topic["slug"]),
                    "sources": [
                        {
                            "url": sources[source_id][0],
                            "citation": sources[source_id][1],
                            "offline": sources[source_id][5],
                            "title": sources[source_id][2],
                            "publisher": sources[source_id][3],
                            "published_on": _iso(sources[source_id][4]),
                            "quote": quote,
                        }
                        for source_id, quote in cited[pk]
                    ],
                }


def export_meetings(
    out: TextIO,
    *,
    using: str = "default",
    progress: Callable[[str], None] | None = None,
    status: str | None = None,
) -> int:
    """Write every topic, then every meeting (of that status, if given), to out, one JSON line
    each; returns how many meetings."""
    started = last_time = time.monotonic()
    count = last_count = 0
    exporter = Exporter(using, status=status)
    buffer: list[str] = [dumps(line) for line in exporter.topic_lines()]
    for meeting in exporter.meetings():
        buffer.append(dumps(meeting))
        count += 1
        if len(buffer) >= 1000:
            buffer.append("")
            out.write("\n".join(buffer))
            buffer = []
            now = time.monotonic()
            if progress and (count - last_count >= 100_000 or now - last_time >= 5):
                progress(f"{count:,} meetings written ({count / (now - started):,.0f}/s)")
                last_count, last_time = count, now
    if buffer:
        buffer.append("")
        out.write("\n".join(buffer))
    return count
