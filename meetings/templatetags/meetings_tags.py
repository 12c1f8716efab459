"""How dates, countries and bars are shown on every page."""

from django import template
from django.utils.dateformat import format as format_date

from meetings.models import pair_url

register = template.Library()


@register.filter
def when(meeting) -> str:
    """The date at its precision: "27 Oct 2025", "c. 20 Oct 2025", "Mar 2023" or "2023"."""
    if meeting.date_precision == "year":
        return str(meeting.date.year)
    if meeting.date_precision == "month":
        return format_date(meeting.date, "M Y")
    if meeting.date_precision == "approximate":
        return "c. " + format_date(meeting.date, "j M Y")
    return format_date(meeting.date, "j M Y")


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
