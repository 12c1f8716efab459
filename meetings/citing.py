"""How a reader cites a meeting's record: a sentence, a BibTeX entry and a CSL-JSON item, each
with the record's permanent address and the day it was read. These are text formats, not markup:
the meeting page shows them as they are, to be copied."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

from django.utils.dateformat import format as format_date

from meetings.models import Meeting
from meetings.presentation import when

SITE = "Meetings tracker"

# what BibTeX treats as commands or groups, and how a title writes it
_BIBTEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


# a date's parts, which json.dumps spreads over a line each: one line, [[2025, 10, 27]]
_DATE_PARTS = re.compile(r"\[\s*\[\s*((?:\d+,\s*)*\d+)\s*\]\s*\]")


@dataclass(frozen=True)
class Citation:
    text: str
    bibtex: str
    csl_json: str
    accessed: str  # the day accessed, in words


def long_date(day: datetime.date) -> str:
    return format_date(day, "j F Y")


def bibtex_text(value: str) -> str:
    """value as BibTeX reads it literally: its special characters escaped, on one line."""
    return "".join(_BIBTEX.get(c, c) for c in " ".join(value.split()))


def date_parts(meeting: Meeting) -> list[int]:
    """The meeting's first day at its precision, as CSL writes a date: [2025, 10, 27], [2023, 3]
    for a month, [2023] for a year."""
    day = meeting.date
    if meeting.date_precision == Meeting.Precision.YEAR:
        return [day.year]
    if meeting.date_precision == Meeting.Precision.MONTH:
        return [day.year, day.month]
    return [day.year, day.month, day.day]


def cite(*, meeting: Meeting, title: str, url: str, accessed: datetime.date) -> Citation:
    """The three citations of the meeting's record, read on the day accessed."""
    held = when(meeting)
    revised = (meeting.updated_at or meeting.created_at).date()
    text = (
        f"“{title}” (meeting of {held}). {SITE}, record {meeting.pk}, last revised "
        f"{long_date(revised)}. {url} (accessed {long_date(accessed)})."
    )
    fields = [
        ("title", bibtex_text(title)),
        ("author", f"{{{SITE}}}"),
        ("year", str(revised.year)),
        ("date", revised.isoformat()),
        ("howpublished", rf"\url{{{url}}}"),
        ("url", url),
        ("urldate", accessed.isoformat()),
        ("note", bibtex_text(f"Record {meeting.pk}: meeting of {held}")),
    ]
    width = max(len(name) for name, _ in fields)
    bibtex = "\n".join(
        [f"@misc{{meeting{meeting.pk},"]
        + [f"  {name.ljust(width)} = {{{value}}}," for name, value in fields]
        + ["}"]
    )
    item = {
        "id": f"meeting-{meeting.pk}",
        "type": "webpage",
        "title": title,
        "container-title": SITE,
        "URL": url,
        "issued": {"date-parts": [[revised.year, revised.month, revised.day]]},
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
        "event-date": {"date-parts": [date_parts(meeting)]},
        "note": f"Record {meeting.pk}: meeting of {held}",
    }
    csl_json = _DATE_PARTS.sub(
        lambda m: "[[" + ", ".join(m.group(1).replace(",", " ").split()) + "]]",
        json.dumps([item], ensure_ascii=False, indent=2),
    )
    return Citation(text=text, bibtex=bibtex, csl_json=csl_json, accessed=long_date(accessed))
