"""The data twins of the list and subject pages: the same meetings as CSV, JSON or an Atom feed,
asked for with ?format=csv, ?format=json or ?format=atom on the page's own address, so that the
page's filters mean exactly what they mean on the page.

CSV and JSON stream: the meetings are read a batch at a time (Selection.batches, then four
queries for the batch's rows and sources), so a million rows cost the memory of one batch.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils.text import slugify

from meetings.models import Meeting
from meetings.read.rows import Row, load
from meetings.read.selection import Selection
from meetings.routers import reading_replica

# meetings read per query while streaming; the memory an export holds
BATCH = 1000

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


def record(row: Row, site: str) -> dict:
    """A meeting as the exports write it (site: the scheme and host of its address)."""
    return {
        "id": row.id,
        "url": f"{site}/meetings/{row.id}/",
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


def records(selection: Selection, site: str, batch: int | None = None) -> Iterator[list[dict]]:
    """The selection's meetings as records, a batch at a time (five queries a batch). Each
    batch reads as the page did (from the replica when there is one): the response is streamed
    after the view has returned."""
    batches = selection.batches(batch or BATCH)
    while True:
        with reading_replica():
            ids = next(batches, None)
            if ids is None:
                return
            rows = load(ids, sources=True)
        yield [record(row, site) for row in rows]


def neutral(text: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a ' first."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def person(p: dict) -> str:
    if p["name"]:
        return f"{p['name']} ({p['title']}, {p['country']})"
    return f"{p['title']} ({p['country']})"  # an office named without its holder


def cells(meeting: dict) -> list[str]:
    """A record as one CSV row; lists are joined with "; "."""
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
        meeting["url"],
    ]
    return [neutral(v) for v in values]


def csv_lines(batches: Iterable[list[dict]]) -> Iterator[str]:
    """The CSV text, a batch at a time: a byte order mark (so that spreadsheets read UTF-8),
    the header, a row per meeting."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    for batch in batches:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(cells(meeting) for meeting in batch)
        yield buffer.getvalue()


def json_text(batches: Iterable[list[dict]], head: dict) -> Iterator[str]:
    """One JSON object: head's keys, then "meetings", a list written a batch at a time, then
    "count"."""
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield f'{opening}, "meetings": ['
    count = 0
    for batch in batches:
        if not batch:
            continue
        lines = ",\n".join(json.dumps(m, ensure_ascii=False) for m in batch)
        yield ("\n" if count == 0 else ",\n") + lines
        count += len(batch)
    yield f'\n], "count": {count}}}\n'


def stream(request: HttpRequest, fmt: str, selection: Selection) -> StreamingHttpResponse:
    """The selection as CSV or JSON, streamed."""
    site = request.build_absolute_uri("/").rstrip("/")
    title = describe(selection)
    # a HEAD request is answered without reading the meetings it would not send
    nothing = selection.empty or request.method == "HEAD"
    batches = iter(()) if nothing else records(selection, site)
    if fmt == CSV:
        response = StreamingHttpResponse(csv_lines(batches), content_type="text/csv; charset=utf-8")
        name = slugify(title)[:80] or "meetings"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    head = {"title": title, "page": page_address(request)}
    return StreamingHttpResponse(
        json_text(batches, head), content_type="application/json; charset=utf-8"
    )
