"""What the public pages read instead of scanning meetings: facets and tallies.

Every published meeting is described by a short line of keys, stored on the meeting
(``Meeting.indexed``): its date, then ``c:<country id>`` for each country, ``p:<a>-<b>`` for each
pair of them, ``i:<topic id>`` for each topic and the topics above them, ``o:<official id>``,
``v:<venue id>`` and ``e:<occasion id>``. A draft has an empty line.

From that line come
- facets: one row per (country, pair, topic or official key, meeting), with the meeting's date,
  so that their meetings are read newest first straight from one index;
- tallies: counts per (key, kind of thing, thing), e.g. meetings of pair 12-40 per year, per
  topic, per venue; meetings per country, per topic, per month over everything (key ``*``).

Whoever changes a meeting calls reindex() (the signals do, for edits through the ORM); the bulk
importer computes the same lines and counts while it writes. A meeting's old line says exactly
what it contributed, so a change subtracts the old contribution and adds the new one.
``python manage.py rebuild_index`` recomputes everything from the meetings.
"""

from __future__ import annotations

import datetime
import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from django.db import connections, transaction

ALL = "*"
# the kinds of keys that have facet rows (lists are read through them)
FACET_KINDS = ("c", "p", "i", "o")
Contribution = Counter  # (key, kind, ref) -> count
# meetings taken out before their deletion: what the cascade deletes must not bring them back
_leaving = threading.local()


def leaving() -> set[int]:
    if not hasattr(_leaving, "ids"):
        _leaving.ids = set()
    return _leaving.ids


def gone(pk: int) -> None:
    """The meeting's deletion is over."""
    leaving().discard(pk)


def pair_key(a: int, b: int) -> str:
    a, b = sorted((a, b))
    return f"p:{a}-{b}"


def line_for(
    *,
    date: datetime.date,
    published: bool,
    venue_id: int | None,
    occasion_id: int | None,
    participants: Iterable[tuple[int, int]],
    issue_ids: Iterable[int],
    parents: Mapping[int, int | None],
) -> str:
    """The keys of a meeting: participants are (official id, country id); parents maps each
    topic to the topic above it (None at the top)."""
    if not published:
        return ""
    participants = list(participants)
    countries = sorted({c for _, c in participants})
    officials = sorted({o for o, _ in participants})
    topics: set[int] = set()
    for issue in issue_ids:
        seen = 0
        while issue is not None and issue not in topics and seen < 10:
            topics.add(issue)
            issue, seen = parents.get(issue), seen + 1
    keys = [date.isoformat()]
    keys += [f"c:{c}" for c in countries]
    keys += [pair_key(a, b) for a, b in combinations(countries, 2)]
    keys += [f"i:{i}" for i in sorted(topics)]
    keys += [f"o:{o}" for o in officials]
    if venue_id:
        keys.append(f"v:{venue_id}")
    if occasion_id:
        keys.append(f"e:{occasion_id}")
    return " ".join(keys)


def split_line(line: str) -> tuple[str, list[str]]:
    """(date as YYYY-MM-DD, keys); ("", []) for a draft."""
    if not line:
        return "", []
    date, *keys = line.split()
    return date, keys


def facets_of(line: str) -> list[tuple[str, str]]:
    """(key, date) of the facet rows a line asks for."""
    date, keys = split_line(line)
    return [(k, date) for k in keys if k[0] in FACET_KINDS]


def contribution(line: str) -> Contribution:
    """What one meeting adds to the tallies.

    Over everything: per year, per month, per country, pair, topic, official, venue, occasion.
    A country: per year, partner country, topic, official. A pair: per year, topic, venue,
    official. A topic, venue or occasion: per year and pair. An official: per year and
    counterpart.
    """
    out: Contribution = Counter()
    date, keys = split_line(line)
    if not date:
        return out
    year, month = date[:4], date[:7]
    out[(ALL, "y", year)] += 1
    out[(ALL, "m", month)] += 1
    by_kind: dict[str, list[str]] = {}
    for key in keys:
        kind, ref = key.split(":", 1)
        by_kind.setdefault(kind, []).append(key)
        out[(ALL, kind, ref)] += 1
    pairs = by_kind.get("p", [])
    for country in by_kind.get("c", []):
        out[(country, "y", year)] += 1
        for kind in ("c", "i", "o"):
            for key in by_kind.get(kind, []):
                if key != country:
                    out[(country, kind, key[2:])] += 1
    for pair in pairs:
        out[(pair, "y", year)] += 1
        for kind in ("i", "v", "o"):
            for key in by_kind.get(kind, []):
                out[(pair, kind, key[2:])] += 1
    officials = by_kind.get("o", [])
    for official in officials:
        out[(official, "y", year)] += 1
        for other in officials:
            if other != official:
                out[(official, "o", other[2:])] += 1
    for kind in ("i", "v", "e"):
        for key in by_kind.get(kind, []):
            out[(key, "y", year)] += 1
            for pair in pairs:
                out[(key, "p", pair[2:])] += 1
    return out


# -- writing ----------------------------------------------------------------------------------


def write_tallies(delta: Mapping[tuple[str, str, str], int], using: str = "default") -> None:
    """Add delta to the tallies (rows are created as needed; counts may fall to zero)."""
    from meetings.models import Tally

    rows = sorted((k, kind, ref, n) for (k, kind, ref), n in delta.items() if n)
    if not rows:
        return
    connection = connections[using]
    table = connection.ops.quote_name(Tally._meta.db_table)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql" and len(rows) > 2000:
            cursor.execute("DROP TABLE IF EXISTS pg_temp.tally_delta")
            cursor.execute(
                "CREATE TEMPORARY TABLE tally_delta (key text, kind text, ref text, n integer) "
                "ON COMMIT DROP"
            )
            with cursor.copy("COPY tally_delta (key, kind, ref, n) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(
                f"INSERT INTO {table} (key, kind, ref, n) "
                "SELECT key, kind, ref, SUM(n) FROM tally_delta GROUP BY key, kind, ref "
                "ORDER BY key, kind, ref "
                f"ON CONFLICT (key, kind, ref) DO UPDATE SET n = {table}.n + EXCLUDED.n"
            )
            return
        step = 200
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            marks = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (key, kind, ref, n) VALUES {marks} "
                f"ON CONFLICT (key, kind, ref) DO UPDATE SET n = {table}.n + excluded.n",
                [v for row in chunk for v in row],
            )


def write_facets(
    gone: Sequence[tuple[int, str]], added: Sequence[tuple[int, str]], using: str = "default"
) -> None:
    """Delete the facet rows of the old lines and insert those of the new: (meeting id, line)."""
    from meetings.models import Facet

    connection = connections[using]
    table = connection.ops.quote_name(Facet._meta.db_table)
    old = [(key, date, pk) for pk, line in gone for key, date in facets_of(line)]
    new = [(key, date, pk) for pk, line in added for key, date in facets_of(line)]
    with connection.cursor() as cursor:
        step = 300
        for start in range(0, len(old), step):
            chunk = old[start : start + step]
            where = " OR ".join(["(key = %s AND date = %s AND meeting_id = %s)"] * len(chunk))
            cursor.execute(f"DELETE FROM {table} WHERE {where}", [v for row in chunk for v in row])
        if connection.vendor == "postgresql" and new:
            with cursor.copy(f"COPY {table} (key, date, meeting_id) FROM STDIN") as copy:
                for row in new:
                    copy.write_row(row)
            return
        for start in range(0, len(new), step):
            chunk = new[start : start + step]
            marks = ", ".join(["(%s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (key, date, meeting_id) VALUES {marks}",
                [v for row in chunk for v in row],
            )


def apply(changes: Sequence[tuple[int, str, str]], using: str = "default") -> None:
    """Move meetings from their old lines to their new ones: (meeting id, old line, new line).

    Facets and tallies follow; the caller stores the new lines on the meetings."""
    changes = [(pk, old, new) for pk, old, new in changes if old != new]
    if not changes:
        return
    delta: Contribution = Counter()
    for _, old, new in changes:
        delta.update(contribution(new))
        delta.subtract(contribution(old))
    write_facets(
        [(pk, old) for pk, old, _ in changes], [(pk, new) for pk, _, new in changes], using
    )
    write_tallies(delta, using)


def current_lines(ids: Sequence[int], using: str = "default") -> dict[int, str]:
    """The line each meeting should have now, from what the database holds."""
    from meetings.models import Issue, Meeting, Participation

    meetings = Meeting.objects.using(using).filter(pk__in=ids)
    fields = meetings.values_list("id", "date", "status", "venue_id", "occasion_id")
    people: dict[int, list[tuple[int, int]]] = {pk: [] for pk in ids}
    for pk, official, country in (
        Participation.objects.using(using)
        .filter(meeting_id__in=ids)
        .values_list("meeting_id", "official_id", "country_id")
    ):
        people[pk].append((official, country))
    topics: dict[int, list[int]] = {pk: [] for pk in ids}
    for pk, issue in (
        Meeting.issues.through.objects.using(using)
        .filter(meeting_id__in=ids)
        .values_list("meeting_id", "issue_id")
    ):
        topics[pk].append(issue)
    parents = dict(Issue.objects.using(using).values_list("id", "parent_id"))
    return {
        pk: line_for(
            date=date,
            published=status == Meeting.Status.PUBLISHED,
            venue_id=venue,
            occasion_id=occasion,
            participants=people.get(pk, []),
            issue_ids=topics.get(pk, []),
            parents=parents,
        )
        for pk, date, status, venue, occasion in fields
    }


def reindex(ids: Iterable[int], using: str = "default", *, deleting: bool = False) -> int:
    """Bring the facets and tallies of these meetings up to date; returns how many changed.

    deleting=True takes the meetings out (they are about to be deleted)."""
    from meetings.models import Meeting

    ids = set(ids)
    if deleting:
        leaving().update(ids)
    else:
        ids -= leaving()
    ids = sorted(ids)
    changed = 0
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        with transaction.atomic(using=using):
            old = dict(
                Meeting.objects.using(using)
                .select_for_update()
                .filter(pk__in=chunk)
                .values_list("id", "indexed")
            )
            new = dict.fromkeys(old, "") if deleting else current_lines(list(old), using)
            moves = [(pk, old[pk], new[pk]) for pk in old if old[pk] != new[pk]]
            apply(moves, using)
            objs = [Meeting(pk=pk, indexed=line) for pk, _, line in moves]
            Meeting.objects.using(using).bulk_update(objs, ["indexed"], batch_size=500)
            changed += len(moves)
    return changed


def rebuild(using: str = "default", progress=None) -> int:
    """Recompute every facet and tally from the meetings; returns the number of meetings."""
    from meetings.models import Facet, Meeting, Tally

    with transaction.atomic(using=using):
        Facet.objects.using(using).all().delete()
        Tally.objects.using(using).all().delete()
        Meeting.objects.using(using).exclude(indexed="").update(indexed="")
    ids = list(
        Meeting.objects.using(using)
        .filter(status=Meeting.Status.PUBLISHED)
        .order_by("id")
        .values_list("id", flat=True)
    )
    for start in range(0, len(ids), 20_000):
        reindex(ids[start : start + 20_000], using)
        if progress:
            progress(f"{min(start + 20_000, len(ids)):,} of {len(ids):,} meetings indexed")
    return len(ids)
