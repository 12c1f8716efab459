"""Atom feeds of any list or subject page (its ?format=atom twin): the selection's published
meetings that were published or changed last, newest change first, so that a meeting appears
in a reader as soon as an editor publishes it, whatever its date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date

from meetings.exports import describe, page_address
from meetings.models import Meeting
from meetings.read.rows import Row, load
from meetings.read.selection import Selection

# entries in a feed
ENTRIES = 30


@dataclass
class Entry:
    row: Row
    uid: str
    updated: datetime.datetime
    summary: str


@dataclass
class Subject:
    """What a feed is of: a page's selection, its title and address."""

    selection: Selection
    title: str
    link: str
    address: str  # the feed's own


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


class MeetingFeed(Feed):
    feed_type = Atom1Feed
    description_template = "meetings/feed_entry.html"

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """Django's feed view, the XML written as one string: written into the response, it
        was some 900 writes of a few bytes, a fifth of the feed's work."""
        obj = self.get_object(request, *args, **kwargs)
        feed = self.get_feed(obj, request)
        response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
        # for conditional requests (304), as Django's view does
        response.headers["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
        return response

    def get_object(self, request: HttpRequest, *, selection: Selection) -> Subject:
        address = request.build_absolute_uri(request.get_full_path())
        return Subject(selection, describe(selection), page_address(request), address)

    def title(self, obj: Subject) -> str:
        return f"{obj.title} · Meetings tracker"

    def link(self, obj: Subject) -> str:
        return obj.link

    def feed_url(self, obj: Subject) -> str:
        return obj.address

    def subtitle(self, obj: Subject) -> str:
        return "Published meetings, the latest published or changed first."

    def items(self, obj: Subject) -> list[Entry]:
        return latest_entries(obj.selection)

    def item_title(self, item: Entry) -> str:
        return item.row.heading

    def item_link(self, item: Entry) -> str:
        return f"/meetings/{item.row.id}/"

    def item_guid(self, item: Entry) -> str:
        # the meeting's uid: the same entry whichever page's feed carries it
        return f"urn:uuid:{item.uid}"

    item_guid_is_permalink = False

    def item_updateddate(self, item: Entry) -> datetime.datetime:
        return item.updated

    def item_categories(self, item: Entry) -> list[str]:
        return [name for name, _ in item.row.topics]
