"""Dates in news copy, resolved against the day the article speaks from.

Rules only: a date needs a month name, a weekday or a relative word, so "50%", "1,200 troops" or
"$2.5 billion" are never read as dates.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"

DAY_MONTH = re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b")
MONTH_DAY = re.compile(rf"\b{MONTH}\s+{DAY}\b(?!\s*%)(?:,?\s+{YEAR})?")
MONTH_ONLY = re.compile(
    rf"\b(?i:in|during|since|throughout|early|late|mid-?)\s+{MONTH}(?:\s+{YEAR})?\b"
)
WEEKDAY = re.compile(
    r"\b(?P<last>last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|this\s+morning|this\s+afternoon|this\s+evening|tonight"
    r"|last\s+night|last\s+week|earlier\s+this\s+week|this\s+week|earlier\s+this\s+month"
    r"|this\s+month|last\s+month"
    r"|later\s+(?:that|the\s+same)\s+(?:day|evening|morning|afternoon|night)"
    r"|earlier\s+(?:that|the\s+same)\s+(?:day|evening|morning|afternoon)|later\s+in\s+the\s+day"
    r"|the\s+same\s+day|that\s+(?:evening|afternoon|morning|day)"
    r"|the\s+(?:next|following)\s+day|a\s+day\s+(?:later|after)|the\s+day\s+after"
    r"|the\s+day\s+before|the\s+previous\s+day)\b",
    re.I,
)

DAY_PRECISION = "day"
MONTH_PRECISION = "month"
APPROXIMATE = "approximate"

SAME_AS_PREVIOUS = "same"
AFTER_PREVIOUS = "after"
BEFORE_PREVIOUS = "before"


@dataclass(frozen=True)
class DateMention:
    """A date read from text: a concrete date, or one relative to the previous meeting's."""

    date: datetime.date | None
    precision: str
    text: str
    relation: str | None = None  # SAME_AS_PREVIOUS etc. when date is None


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def year_for(month: int, day: int, reference: datetime.date) -> int:
    """A date without a year is the latest such date not far after the reference."""
    candidate = safe_date(reference.year, month, day) or datetime.date(reference.year, month, 28)
    if candidate > reference + datetime.timedelta(days=14):
        return reference.year - 1
    return reference.year


def weekday_before(
    reference: datetime.date, weekday: int, *, strictly: bool = False
) -> datetime.date:
    """The most recent such weekday; the reference's own weekday means that very day."""
    back = (reference.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return reference - datetime.timedelta(days=back)


def find_dates(sentence: str, reference: datetime.date | None) -> list[DateMention]:
    """Every date the sentence states, in order of appearance."""
    found: list[tuple[int, DateMention]] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def add(m: re.Match, mention: DateMention | None) -> None:
        if mention is not None:
            found.append((m.start(), mention))
        taken.append((m.start(), m.end()))

    for pattern in (DAY_MONTH, MONTH_DAY):
        for m in pattern.finditer(sentence):
            if not free(m):
                continue
            month = MONTHS[m["month"].lower().rstrip(".")]
            day = int(m["day"])
            if m["year"]:
                year = int(m["year"])
            elif reference:
                year = year_for(month, day, reference)
            else:
                add(m, None)
                continue
            date = safe_date(year, month, day)
            add(m, DateMention(date, DAY_PRECISION, m[0]) if date else None)
    for m in MONTH_ONLY.finditer(sentence):
        if not free(m):
            continue
        month = MONTHS[m["month"].lower().rstrip(".")]
        if m["year"]:
            year = int(m["year"])
        elif reference:
            year = reference.year if month <= reference.month else reference.year - 1
        else:
            add(m, None)
            continue
        add(m, DateMention(datetime.date(year, month, 1), MONTH_PRECISION, m[0]))
    for m in WEEKDAY.finditer(sentence):
        if not free(m) or reference is None:
            continue
        weekday = WEEKDAYS.index(m["weekday"].lower())
        date = weekday_before(reference, weekday, strictly=bool(m["last"]))
        add(m, DateMention(date, DAY_PRECISION, m[0]))
    for m in RELATIVE.finditer(sentence):
        if not free(m):
            continue
        add(m, relative(m["word"].lower(), m[0], reference))
    found.sort(key=lambda pair: pair[0])
    return [mention for _, mention in found]


def relative(word: str, text: str, reference: datetime.date | None) -> DateMention | None:
    word = " ".join(word.split())
    if word.startswith(("later", "earlier that", "earlier the same", "the same day", "that ")):
        return DateMention(None, DAY_PRECISION, text, SAME_AS_PREVIOUS)
    if word in {"the next day", "the following day", "a day later", "a day after", "the day after"}:
        return DateMention(None, DAY_PRECISION, text, AFTER_PREVIOUS)
    if word in {"the day before", "the previous day"}:
        return DateMention(None, DAY_PRECISION, text, BEFORE_PREVIOUS)
    if reference is None:
        return None
    if word in {"today", "this morning", "this afternoon", "this evening", "tonight"}:
        return DateMention(reference, DAY_PRECISION, text)
    if word in {"yesterday", "last night"}:
        return DateMention(reference - datetime.timedelta(days=1), DAY_PRECISION, text)
    monday = reference - datetime.timedelta(days=reference.weekday())
    if word == "last week":
        return DateMention(monday - datetime.timedelta(days=7), APPROXIMATE, text)
    if word in {"this week", "earlier this week"}:
        return DateMention(monday, APPROXIMATE, text)
    if word in {"earlier this month", "this month"}:
        return DateMention(reference.replace(day=1), MONTH_PRECISION, text)
    if word == "last month":
        last = reference.replace(day=1) - datetime.timedelta(days=1)
        return DateMention(last.replace(day=1), MONTH_PRECISION, text)
    return None


def shift(mention: DateMention, previous: DateMention | None) -> DateMention | None:
    """Resolve "later that day" or "the next day" against the previous meeting's date."""
    if mention.date is not None or previous is None or previous.date is None:
        return mention if mention.date is not None else None
    days = {SAME_AS_PREVIOUS: 0, AFTER_PREVIOUS: 1, BEFORE_PREVIOUS: -1}[mention.relation]
    return DateMention(
        previous.date + datetime.timedelta(days=days), previous.precision, mention.text
    )


CAPITALS = r"A-Z\u00C0-\u00DE"
DATELINE_HEAD = (
    rf"^\s*(?P<city>[{CAPITALS}][{CAPITALS} .'\-]{{1,40}}?)(?:,\s*[A-Z][A-Za-z .]{{1,30}})?,\s+"
)
DATELINE_TAIL = rf"(?:,?\s+{YEAR})?\s*(?:\([^)]{{1,40}}\))?\s*[-–—]+\s*"
DATELINES = [
    re.compile(rf"{DATELINE_HEAD}{MONTH}\s+{DAY}{DATELINE_TAIL}"),
    re.compile(rf"{DATELINE_HEAD}{DAY}\s+{MONTH}{DATELINE_TAIL}"),
]


DATELINE_CITY_ONLY = re.compile(
    rf"^\s*(?P<city>[{CAPITALS}][{CAPITALS} .'\-]{{1,40}}?)(?:,\s*[A-Z][A-Za-z .]{{1,30}})?\s*"
    r"(?:\([^)]{1,40}\))?\s*[-–—]+\s*"
)


@dataclass(frozen=True)
class Dateline:
    city: str
    date: datetime.date | None
    length: int


def read_dateline(text: str, published: datetime.date | None) -> Dateline | None:
    """ "NAIROBI, March 3 (Agency) –": a place and a date the report speaks from."""
    m = DATELINES[0].match(text) or DATELINES[1].match(text)
    if m:
        month = MONTHS[m["month"].lower().rstrip(".")]
        day = int(m["day"])
        if m["year"]:
            year = int(m["year"])
        elif published:
            year = year_for(month, day, published)
        else:
            year = None
        date = safe_date(year, month, day) if year else None
        return Dateline(m["city"].strip().title(), date, m.end())
    m = DATELINE_CITY_ONLY.match(text)
    if m and m["city"].strip().isupper() and len(m["city"].strip()) > 2:
        return Dateline(m["city"].strip().title(), None, m.end())
    return None
