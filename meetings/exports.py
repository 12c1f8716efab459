"""The data twins of the list and subject pages: the same meetings as CSV, JSON or an Atom feed,
asked for with ?format=csv, ?format=json or ?format=atom on the page's own address, so that the
page's filters mean exactly what they mean on the page.

CSV and JSON stream: the meetings are read a batch at a time (Selection.batches, one query for
a batch's ids with their rows as ExportRecord keeps them, written by meetings.derived), so a
million rows cost the memory of one batch and a row costs what reading a line costs. A pair's
whole history, the export asked for most, is read a few years a query from its ExportBlocks,
the same text written ahead (Selection.blocks).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils.text import slugify

from meetings.models import Meeting
from meetings.read.rows import Row, exported
from meetings.read.selection import Selection
from meetings.routers import reading_replica

# meetings read per query while streaming; the memory an export holds
BATCH = 1000
# a pair's years read per query from its export blocks, the first before AFTER_ALL
YEARS = 20
AFTER_ALL = 10_000

# where the site's scheme and host go in export text written ahead (ExportBlock): a meeting's
# address depends on the site it is read from, so they are put in as the text is sent
SITE = "\x01"

CSV, JSON, ATOM = "csv", "json", "atom"


@dataclass(frozen=True)
class Twin:
    """A link from a page to its data in one format."""

    format: str
    label: str
    type: str
    href: str


FORMATS = {
    CSV: ("CSV", "text/csv"),
    JSON: ("JSON", "application/json"),
    ATOM: ("Atom feed", "application/atom+xml"),
}

KINDS = dict(Meeting.Kind.choices)

COLUMNS = [
    "date",
    "date_precision",
    "end_date",
    "kind",
    "title",
    "countries",
    "participants",
    "venue",
    "venue_country",
    "occasion",
    "topics",
    "sources",
    "url",
]

# what a spreadsheet would take for the start of a formula (and tab and carriage return, which
# some strip before looking)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class BadRequest(Exception):
    """A ?format= or a filter an export cannot honour: answered 400 with the message."""


def requested(request: HttpRequest) -> str:
    """The format asked for: "" for the page itself, else csv, json or atom."""
    value = request.GET.get("format", "")
    if value in ("", "html"):
        return ""
    if value not in FORMATS:
        raise BadRequest(
            f"There is no format “{value[:20]}”: ask for format=csv, format=json or format=atom "
            "(or leave it out for the page)."
        )
    return value


def bad_request(request: HttpRequest, message: str) -> HttpResponse:
    """400 with the message, as JSON when JSON was asked for, else as plain text."""
    if request.GET.get("format") == JSON:
        return JsonResponse(
            {"error": message}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def twins(request: HttpRequest) -> list[Twin]:
    """The page's address in each format: its filters kept, its page number dropped."""
    query = request.GET.copy()
    query.pop("page", None)
    out = []
    for name, (label, kind) in FORMATS.items():
        query["format"] = name
        out.append(Twin(name, label, kind, f"{request.path}?{query.urlencode()}"))
    return out


def describe(selection: Selection) -> str:
    """What a selection holds in words: "Meetings of India – United States on Trade"."""
    parts = []
    if selection.countries:
        parts.append("of " + " – ".join(c.name for c in selection.countries))
    if selection.official is not None:
        parts.append(f"with {selection.official.name}")
    if selection.topic is not None:
        parts.append(f"on {selection.topic.name}")
    if selection.venue is not None:
        parts.append(f"in {selection.venue.name}")
    if selection.occasion is not None:
        parts.append(f"at {selection.occasion.name}")
    if selection.kind:
        parts.append(f"({KINDS.get(selection.kind, selection.kind).lower()})")
    if selection.start:
        parts.append(f"from {selection.start.isoformat()}")
    if selection.end:
        parts.append(f"to {selection.end.isoformat()}")
    if selection.words:
        parts.append(f"matching “{selection.words}”")
    return " ".join(["Meetings", *parts])


def page_address(request: HttpRequest) -> str:
    """The absolute address of the page an export is the twin of."""
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("page", None)
    path = f"{request.path}?{query.urlencode()}" if query else request.path
    return request.build_absolute_uri(path)


# -- the rows -------------------------------------------------------------------------------


def record(row: Row) -> dict:
    """A meeting as the exports write it, but for its id and address, which depend on the site
    it is read from and are added as it is sent (see ExportRecord)."""
    return {
        "date": row.date.isoformat(),
        "date_precision": row.date_precision,
        "end_date": row.end_date.isoformat() if row.end_date else None,
        "kind": row.kind,
        "title": row.heading,
        "countries": sorted({p.code for p in row.people}),
        "participants": [{"name": p.name, "title": p.title, "country": p.code} for p in row.people],
        "venue": (
            {"name": row.venue[0], "slug": row.venue[1], "country": row.venue[2]}
            if row.venue
            else None
        ),
        "occasion": ({"name": row.occasion[0], "slug": row.occasion[1]} if row.occasion else None),
        "topics": [{"name": name, "slug": slug} for name, slug in row.topics],
        "sources": [
            {
                "url": s.url,
                "citation": s.citation,
                "title": s.title,
                "publisher": s.publisher,
                "published_on": s.published_on.isoformat() if s.published_on else None,
            }
            for s in row.sources
        ],
    }


def neutral(text: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a ' first."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def person(p: dict) -> str:
    if p["name"]:
        return f"{p['name']} ({p['title']}, {p['country']})"
    return f"{p['title']} ({p['country']})"  # an office named without its holder


def cells(meeting: dict) -> list[str]:
    """A record as one CSV row but for its last cell, the address; lists are joined with "; "."""
    venue = meeting["venue"] or {}
    values = [
        meeting["date"],
        meeting["date_precision"],
        meeting["end_date"] or "",
        meeting["kind"],
        meeting["title"],
        "; ".join(meeting["countries"]),
        "; ".join(person(p) for p in meeting["participants"]),
        venue.get("name", ""),
        venue.get("country", ""),
        (meeting["occasion"] or {}).get("name", ""),
        "; ".join(t["name"] for t in meeting["topics"]),
        "; ".join(s["url"] or s["citation"] for s in meeting["sources"]),
    ]
    return [neutral(v) for v in values]


def encoded(rows: Iterable[Row]) -> list[tuple[int, str, str]]:
    """(id, CSV, JSON) of each meeting as ExportRecord keeps them: the CSV row without its
    address and line end, the JSON object without its id and address."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="")
    out = []
    for row in rows:
        meeting = record(row)
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells(meeting))
        out.append((row.id, buffer.getvalue(), json.dumps(meeting, ensure_ascii=False)))
    return out


def csv_rows(records: Iterable[tuple[int, str]]) -> str:
    """CSV lines of (id, CSV) records as ExportRecord keeps them, each with its meeting's
    address (SITE standing for the site) and a line end."""
    return "".join(f"{line.replace(SITE, '')},{SITE}/meetings/{pk}/\r\n" for pk, line in records)


def json_objects(records: Iterable[tuple[int, str]]) -> str:
    """The JSON objects of (id, JSON) records as ExportRecord keeps them, with their id and
    address (SITE standing for the site; JSON escapes it in the records), a line each."""
    return ",\n".join(
        f'{{"id": {pk}, "url": "{SITE}/meetings/{pk}/", {text[1:]}' for pk, text in records
    )


WRITE = {CSV: csv_rows, JSON: json_objects}


def pieces(selection: Selection, fmt: str) -> Iterator[tuple[str, int]]:
    """(text, meetings) of the selection's meetings in this format, newest first, SITE standing
    for the site: a pair's whole history a few years at a time from its blocks, anything else
    (and a pair whose blocks an import is writing, from the first year they lack) a batch at a
    time, one query each. Each reads as the page did (from the replica when there is one):
    the response is streamed after the view has returned."""
    below = AFTER_ALL
    while True:
        with reading_replica():
            years = selection.blocks(fmt, YEARS, below)
        if years is None:
            break
        yield from ((text, n) for _, text, n in years)
        below = years[-1][0] if years else datetime.MINYEAR
        if len(years) < YEARS or below == datetime.MINYEAR:
            return
    if below != AFTER_ALL:  # blocks hold whole years: the rest is what lies before
        selection = selection.replace(end=datetime.date(below - 1, 12, 31))
    write = WRITE[fmt]
    batches = selection.batches(BATCH, exported(fmt))
    while True:
        with reading_replica():
            batch = next(batches, None)
        if batch is None:
            return
        if batch:
            yield write(batch), len(batch)


def csv_lines(pieces: Iterable[tuple[str, int]], site: str) -> Iterator[str]:
    """The CSV text, a piece at a time: a byte order mark (so that spreadsheets read UTF-8),
    the header, a row per meeting (site: the scheme and host of its address)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    for text, _ in pieces:
        yield text.replace(SITE, site)


def json_text(pieces: Iterable[tuple[str, int]], head: dict, site: str) -> Iterator[str]:
    """One JSON object: head's keys, then "meetings", a list written a piece at a time, then
    "count"."""
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield f'{opening}, "meetings": ['
    count = 0
    # the site passed through JSON once: its host is one ALLOWED_HOSTS let in
    address = json.dumps(site)[1:-1]
    for text, n in pieces:
        yield ("\n" if count == 0 else ",\n") + text.replace(SITE, address)
        count += n
    yield f'\n], "count": {count}}}\n'


def stream(request: HttpRequest, fmt: str, selection: Selection) -> StreamingHttpResponse:
    """The selection as CSV or JSON, streamed."""
    site = request.build_absolute_uri("/").rstrip("/")
    title = describe(selection)
    # a HEAD request is answered without reading the meetings it would not send
    nothing = selection.empty or request.method == "HEAD"
    found = iter(()) if nothing else pieces(selection, fmt)
    if fmt == CSV:
        response = StreamingHttpResponse(
            csv_lines(found, site), content_type="text/csv; charset=utf-8"
        )
        name = slugify(title)[:80] or "meetings"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    head = {"title": title, "page": page_address(request)}
    return StreamingHttpResponse(
        json_text(found, head, site), content_type="application/json; charset=utf-8"
    )
