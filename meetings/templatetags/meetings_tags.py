"""How dates, countries and bars are shown on every page."""

from django import template
from django.utils.dateformat import format as format_date

from meetings.models import pair_url

register = template.Library()


@register.filter
def when(meeting) -> str:
    """The date at its precision: "27 Oct 2025", "c. 20 Oct 2025", "Mar 2023" or "2023"; days
    running on: "22–23 Apr 2008", "30 Apr – 2 May 2008", "30 Dec 2008 – 2 Jan 2009"."""
    start, end = meeting.date, getattr(meeting, "end_date", None)
    if meeting.date_precision == "year":
        return str(start.year)
    if meeting.date_precision == "month":
        return format_date(start, "M Y")
    about = "c. " if meeting.date_precision == "approximate" else ""
    if not end:
        return about + format_date(start, "j M Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{about}{start.day}–{format_date(end, 'j M Y')}"
    if start.year == end.year:
        return f"{about}{format_date(start, 'j M')} – {format_date(end, 'j M Y')}"
    return f"{about}{format_date(start, 'j M Y')} – {format_date(end, 'j M Y')}"


@register.filter
def percent(part: int, whole: int) -> int:
    """part as a whole percentage of whole, for bar widths; at least 1 when part is not 0."""
    if not whole or not part:
        return 0
    return max(1, round(100 * part / whole))


register.simple_tag(pair_url, name="pair_url")


@register.simple_tag
def country_options(countries, current: str) -> str:
    """The options of a country select, written in Python (there are about 250)."""
    from meetings.filters import country_options

    return country_options(countries, current)


@register.simple_tag
def meeting_row(row) -> str:
    """A meeting of a list (meetings.rows.Row) as its ``li.meeting``."""
    from meetings.rows import render

    return render(row)
