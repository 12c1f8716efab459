"""The rows of the meeting lists, read as plain values and written as HTML in Python.

Every list shows twenty meetings with their participants, venue, occasion and topics. Loaded as
model instances with prefetched relations and drawn through the template engine they cost about
15 ms a page, more than all the rest of a list page together; read as values in three queries
and written here they cost well under 2 ms. The markup is the one the stylesheet expects of a
``li.meeting``; the meeting page itself still uses a template.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cache
from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from meetings.models import Meeting, Participation, meeting_name
from meetings.templatetags.meetings_tags import when

KINDS = dict(Meeting.Kind.choices)


@dataclass(slots=True)
class Person:
    name: str | None  # None: an office named without its holder
    title: str
    code: str
    country: str


@dataclass(slots=True)
class Row:
    """What a list shows of a meeting (the attributes `when` reads included)."""

    id: int
    date: datetime.date
    date_precision: str
    end_date: datetime.date | None
    kind: str
    title: str
    venue: tuple[str, str, str] | None  # name, slug, country name
    occasion: tuple[str, str] | None  # name, slug
    people: list[Person] = field(default_factory=list)
    topics: list[tuple[str, str]] = field(default_factory=list)  # name, slug

    def get_absolute_url(self) -> str:
        return url("meeting", self.id)


@cache
def pattern(name: str) -> tuple[str, str]:
    """The address of a page around its one argument, found once: ("/venues/", "/")."""
    mark = "0" if name == "meeting" else "x-placeholder-x"
    address = reverse(f"meetings:{name}", args=[mark])
    before, _, after = address.rpartition(mark)
    return before, after


def url(name: str, arg) -> str:
    before, after = pattern(name)
    return f"{before}{arg}{after}"


def load(ids: list[int]) -> list[Row]:
    """The rows of these meetings, in this order (three queries)."""
    if not ids:
        return []
    found = {
        r[0]: Row(
            id=r[0],
            date=r[1],
            date_precision=r[2],
            end_date=r[3],
            kind=r[4],
            title=r[5],
            venue=(r[6], r[7], r[8]) if r[6] is not None else None,
            occasion=(r[9], r[10]) if r[9] is not None else None,
        )
        for r in Meeting.objects.filter(pk__in=ids)
        .order_by()
        .values_list(
            "id",
            "date",
            "date_precision",
            "end_date",
            "kind",
            "title",
            "venue__name",
            "venue__slug",
            "venue__country__name",
            "occasion__name",
            "occasion__slug",
        )
    }
    for meeting, name, title, code, country in (
        Participation.objects.filter(meeting_id__in=ids)
        .order_by("country__name", "id")
        .values_list("meeting_id", "official__name", "title", "country__code", "country__name")
    ):
        found[meeting].people.append(Person(name, title, code, country))
    for meeting, name, slug in (
        Meeting.topics.through.objects.filter(meeting_id__in=ids)
        .order_by("topic__name")
        .values_list("meeting_id", "topic__name", "topic__slug")
    ):
        found[meeting].topics.append((name, slug))
    return [found[pk] for pk in ids if pk in found]


def render(row: Row) -> SafeString:
    """One ``li.meeting``."""
    kind = KINDS.get(row.kind, row.kind)
    title = meeting_name(row.title, [p.name or p.title for p in row.people], row.date)
    people = "".join(
        f'<span class="person"><abbr class="cc" title="{escape(p.country)}">{escape(p.code)}'
        f"</abbr> {escape(p.name or p.title)}"
        + (
            f'<span class="role">, {escape(p.title)}</span>'
            if p.title and p.name
            else '<span class="role"> (not named)</span>'
            if not p.name
            else ""
        )
        + "</span>"
        for p in row.people
    )
    if row.venue:
        name, slug, country = row.venue
        where = f'<a href="{url("venue", slug)}">{escape(name)}</a>, {escape(country or "")}'
    elif row.kind != Meeting.Kind.IN_PERSON:
        where = f"By {escape(kind.lower())}"
    else:
        where = ""
    if row.occasion:
        name, slug = row.occasion
        where += f' · <a href="{url("occasion", slug)}">{escape(name)}</a>'
    topics = ""
    if row.topics:
        items = "".join(
            f'<li><a href="{url("topic", slug)}">{escape(name)}</a></li>'
            for name, slug in row.topics
        )
        topics = f'<ul class="tags" aria-label="Topics">{items}</ul>'
    return mark_safe(
        '<li class="meeting">'
        f'<p class="meeting-date"><time datetime="{row.date:%Y-%m-%d}">{escape(when(row))}</time>'
        f' <span class="kind kind-{escape(row.kind)}">{escape(kind)}</span></p>'
        '<div class="meeting-body">'
        f'<h3 class="meeting-title"><a href="{url("meeting", row.id)}">{escape(title)}</a></h3>'
        f'<p class="people">{people}</p>'
        f'<p class="where">{where}</p>'
        f"{topics}"
        "</div></li>"
    )
