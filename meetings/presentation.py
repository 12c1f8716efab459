"""How the public pages show dates and counts: the wording of a date, bar widths, and the bars
of meetings per year or per decade."""

from __future__ import annotations

from meetings.addresses import url

# more years than this are drawn by decade
LONG = 40


MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when(meeting) -> str:
    """The date at its precision: "27 Oct 2025", "c. 20 Oct 2025", "Mar 2023" or "2023"; days
    running on: "22–23 Apr 2008", "30 Apr – 2 May 2008", "30 Dec 2008 – 2 Jan 2009"."""
    start, end = meeting.date, getattr(meeting, "end_date", None)
    if meeting.date_precision == "year":
        return str(start.year)
    if meeting.date_precision == "month":
        return f"{MONTHS[start.month]} {start.year}"
    about = "c. " if meeting.date_precision == "approximate" else ""
    last = f"{(end or start).day} {MONTHS[(end or start).month]} {(end or start).year}"
    if not end:
        return about + last
    if (start.year, start.month) == (end.year, end.month):
        return f"{about}{start.day}–{last}"
    if start.year == end.year:
        return f"{about}{start.day} {MONTHS[start.month]} – {last}"
    return f"{about}{start.day} {MONTHS[start.month]} {start.year} – {last}"


def percent(part: int, whole: int) -> int:
    """part as a whole percentage of whole, for bar widths; at least 1 when part is not 0."""
    if not whole or not part:
        return 0
    return max(1, round(100 * part / whole))


def chart(years: list[dict], query: str, *, newest_first: bool = False) -> dict:
    """A page's bars of meetings per year, or per decade where the years are too many to read,
    oldest first (or newest); each links to the timeline of its period with the page's
    filters (query)."""
    if len(years) <= LONG:
        top = max((y["count"] for y in years), default=0)
        rows = [
            {
                "label": str(y["year"]),
                "count": y["count"],
                "pct": percent(y["count"], top),
                "url": url("meetings:year", y["year"]) + (f"?{query}" if query else ""),
            }
            for y in years
        ]
        return {"unit": "year", "rows": rows[::-1] if newest_first else rows}
    decades: dict[int, int] = {}
    for y in years:
        decades[y["year"] // 10 * 10] = decades.get(y["year"] // 10 * 10, 0) + y["count"]
    top = max(decades.values())
    timeline = url("meetings:timeline")
    rows = [
        {
            "label": f"{decade}s",
            "count": n,
            "pct": percent(n, top),
            "url": f"{timeline}?{query}{'&' if query else ''}"
            f"from={decade}-01-01&to={decade + 9}-12-31",
        }
        for decade, n in sorted(decades.items(), reverse=newest_first)
    ]
    return {"unit": "decade", "rows": rows}
