"""Atom feeds of any list or subject page (its ?format=atom twin): the selection's published
meetings that were published or changed last, newest change first, so that a meeting appears
in a reader as soon as an editor publishes it, whatever its date. The XML is a template
(meetings/feed.xml)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import http_date

from meetings.exports import describe, page_address
from meetings.models import Meeting
from meetings.read.rows import Row, load
from meetings.read.selection import Selection

# entries in a feed
ENTRIES = 30
CONTENT_TYPE = "application/atom+xml; charset=utf-8"


@dataclass
class Entry:
    row: Row
    uid: str
    updated: datetime.datetime
    summary: str


def latest_entries(selection: Selection, n: int = ENTRIES) -> list[Entry]:
    """The n selected meetings published or changed last (six queries at most)."""
    changed = selection.changed(n)
    ids = [pk for pk, _ in changed]
    rows = {row.id: row for row in load(ids)}
    more = {
        pk: (uid, summary)
        for pk, uid, summary in Meeting.objects.filter(pk__in=ids or [0]).values_list(
            "id", "uid", "summary"
        )
    }
    return [
        Entry(rows[pk], str(more[pk][0]), updated, more[pk][1])
        for pk, updated in changed
        if pk in rows and pk in more
    ]


def feed(request: HttpRequest, selection: Selection) -> HttpResponse:
    """The Atom feed of a page's selection; its Last-Modified is its latest entry's change."""
    entries = latest_entries(selection)
    updated = max((e.updated for e in entries), default=None) or timezone.now()
    context = {
        "title": f"{describe(selection)} · Meetings tracker",
        "link": page_address(request),
        "address": request.build_absolute_uri(request.get_full_path()),
        "site": request.build_absolute_uri("/")[:-1],
        "updated": updated,
        "entries": entries,
    }
    response = HttpResponse(
        render_to_string("meetings/feed.xml", context, request), content_type=CONTENT_TYPE
    )
    response.headers["Last-Modified"] = http_date(updated.timestamp())
    return response
