"""Dates in news copy, resolved against the day the article speaks from.

Rules only: a date needs a month name, a weekday, a relative word or a form only dates take
("2023-07-11", "16/8/2024"), so "50%", "1,200 troops" or "$2.5 billion" are never read as dates.
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
YEAR = r"(?P<year>(?:18|19|20)\d\d)"

DAY_MONTH = re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b")
MONTH_DAY = re.compile(rf"\b{MONTH}\s+{DAY}\b(?!\s*%)(?:,?\s+{YEAR})?")
# "2023-07-11", "28.11.2019": the numeric forms with one reading (not "3/4/2021")
NUMERIC_DATE = re.compile(
    r"(?<![\w.\-/])(?:(?P<iso>(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))"
    r"|(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?P<y2>(?:19|20)\d\d))(?![\w\-/]|\.\d)"
)
# "Friday 16/8/2024", "8/16/2024": a date with slashes, read where only one order makes a date
# (a day above 12) or the weekday before it says which ("Friday 3/4/2021")
SLASHED_DATE = re.compile(
    r"(?:\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?<![\w./-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\w/-]|\.\d)"
)
# "last November": the latest November before the month the article speaks from.
LAST_MONTH_NAMED = re.compile(rf"\b(?i:last)\s+{MONTH}\b(?!\s+\d)")
MONTH_ONLY = re.compile(
    rf"\b(?i:in|during|since|throughout|early|late|mid-?)\s+(?i:the\s+month\s+of\s+)?{MONTH}"
    rf"(?:\s+{YEAR})?\b"
    # "his June summit", "their March talks": a month naming the meeting
    rf"|\b(?i:his|her|their|its|the)\s+{MONTH.replace('?P<month>', '?P<month2>')}"
    r"(?=\s+(?i:summit|meeting|talks|visit|call|trip)\b)"
)
WEEKDAY = re.compile(
    r"\b(?P<last>last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|this\s+morning|this\s+afternoon|this\s+evening|tonight"
    r"|last\s+night|last\s+evening|yesterday\s+evening|last\s+week|earlier\s+this\s+week|this\s+week|earlier\s+this\s+month"
    r"|this\s+month|last\s+month|(?:this|last|over\s+the)\s+weekend"
    r"|later\s+(?:that|the\s+same)\s+(?:day|evening|morning|afternoon|night)"
    r"|earlier\s+(?:that|the\s+same)\s+(?:day|evening|morning|afternoon)|later\s+in\s+the\s+day"
    r"|earlier\s+in\s+the\s+day|earlier\s+in\s+the\s+week"
    r"|the\s+same\s+day|that\s+(?:evening|afternoon|morning|day)"
    r"|the\s+(?:next|following)\s+day|a\s+day\s+(?:later|after)|the\s+day\s+after"
    r"|the\s+day\s+before|the\s+previous\s+day)\b",
    re.I,
)
# "arrived yesterday(27) ... held talks today(28)": the day of the month in brackets
BRACKETED_DAY = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))"
    r"\s*\((?P<day>[0-3]?\d)\)",
    re.I,
)
# "on Monday, February 5, 2024": the date after the weekday says which Monday.
WEEKDAY_OF_DATE = re.compile(
    r",?\s+(?:the\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+[0-3]?\d\b"
    r"|[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov"
    r"|Dec)\b)"
)
NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3,
    "": 3,
}  # fmt: skip
# a count in figures or words: "4", "four", "eight"
COUNT = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
UNITS = {"day": 1, "week": 7, "month": 30}
# "four days later", "two weeks after", "weeks after": counted from the previous meeting;
# weeks or months without a number say no more than the month.
DAYS_LATER = re.compile(
    rf"\b(?:(?P<n>a\s+few|several|{COUNT})\s+)?"
    r"(?P<unit>days|weeks|months|week|month)\s+(?P<way>later|after|earlier|before)\b",
    re.I,
)

# "four days before the Tuesday meeting", "two days after Monday's talks": counted from that
# weekday, not from the previous meeting
DAYS_FROM_WEEKDAY = re.compile(
    rf"\b(?P<n>{COUNT})\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<way>before|after)\s+(?:the\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b",
    re.I,
)

# "two months ago", "three weeks ago", "a year ago": counted back from the day the article
# speaks from; weeks give the week's Monday (about), months and years their month.
AGO = re.compile(
    rf"\b(?P<n>a\s+few|several|a|{COUNT})\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
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
    days: int = 1  # how many days after or before the previous meeting


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
    for m in NUMERIC_DATE.finditer(sentence):
        if not free(m):
            continue
        if m["iso"]:
            year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        else:
            year, month, day = int(m["y2"]), int(m["m2"]), int(m["d2"])
        date = safe_date(year, month, day)
        add(m, DateMention(date, DAY_PRECISION, m[0]) if date else None)
    for m in SLASHED_DATE.finditer(sentence):
        if free(m):
            add(m, slashed(m))
    for m in LAST_MONTH_NAMED.finditer(sentence):
        if not free(m) or reference is None:
            continue
        month = MONTHS[m["month"].lower().rstrip(".")]
        year = reference.year if month < reference.month else reference.year - 1
        add(m, DateMention(datetime.date(year, month, 1), MONTH_PRECISION, m[0]))
    for m in MONTH_ONLY.finditer(sentence):
        if not free(m):
            continue
        month = MONTHS[(m["month"] or m["month2"]).lower().rstrip(".")]
        if m["year"]:
            year = int(m["year"])
        elif reference:
            year = reference.year if month <= reference.month else reference.year - 1
        else:
            add(m, None)
            continue
        add(m, DateMention(datetime.date(year, month, 1), MONTH_PRECISION, m[0]))
    for m in DAYS_FROM_WEEKDAY.finditer(sentence):
        if not free(m) or reference is None:
            continue
        count = m["n"].lower()
        n = NUMBERS[count] if count in NUMBERS else int(count)
        anchor = weekday_before(reference, WEEKDAYS.index(m["weekday"].lower()))
        days = n * UNITS[m["unit"].lower().rstrip("s")]
        date = anchor + datetime.timedelta(days=days if m["way"].lower() == "after" else -days)
        add(m, DateMention(date, DAY_PRECISION, m[0]))
    for m in WEEKDAY.finditer(sentence):
        if not free(m) or reference is None:
            continue
        if WEEKDAY_OF_DATE.match(sentence, m.end()):
            continue  # "on Monday, February 5, 2024": the date says which Monday
        weekday = WEEKDAYS.index(m["weekday"].lower())
        date = weekday_before(reference, weekday, strictly=bool(m["last"]))
        add(m, DateMention(date, DAY_PRECISION, m[0]))
    for m in BRACKETED_DAY.finditer(sentence):
        if free(m) and reference is not None:
            add(m, day_of_month(int(m["day"]), m[0], reference))
    for m in RELATIVE.finditer(sentence):
        if not free(m):
            continue
        add(m, relative(m["word"].lower(), m[0], reference))
    for m in AGO.finditer(sentence):
        if not free(m) or reference is None:
            continue
        count = " ".join(m["n"].lower().split())
        add(m, ago(NUMBERS[count] if count in NUMBERS else int(count), m["unit"], m[0], reference))
    for m in DAYS_LATER.finditer(sentence):
        unit = m["unit"].lower()
        if not free(m) or (not m["n"] and not unit.endswith("s")):
            continue
        count = " ".join((m["n"] or "").lower().split())
        n = NUMBERS[count] if count in NUMBERS else int(count)
        way = AFTER_PREVIOUS if m["way"].lower() in ("later", "after") else BEFORE_PREVIOUS
        vague = unit.startswith("month") or (unit.startswith("week") and not m["n"])
        precision = MONTH_PRECISION if vague else DAY_PRECISION
        add(m, DateMention(None, precision, m[0], way, n * UNITS[unit.rstrip("s")]))
    found.sort(key=lambda pair: pair[0])
    return [mention for _, mention in found]


def ago(n: int, unit: str, text: str, reference: datetime.date) -> DateMention:
    """The date n units before the reference, as precise as the unit."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return DateMention(reference - datetime.timedelta(days=n), DAY_PRECISION, text)
    if unit == "week":
        day = reference - datetime.timedelta(days=7 * n)
        return DateMention(day - datetime.timedelta(days=day.weekday()), APPROXIMATE, text)
    months = reference.year * 12 + reference.month - 1 - (12 * n if unit == "year" else n)
    return DateMention(datetime.date(months // 12, months % 12 + 1, 1), MONTH_PRECISION, text)


def slashed(m: re.Match) -> DateMention | None:
    """The one date "a/b/year" can be: day first or month first, by the numbers or the
    weekday named with it; None when both can be."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = {d for d in (safe_date(year, b, a), safe_date(year, a, b)) if d is not None}
    if m["weekday"]:
        weekday = WEEKDAYS.index(m["weekday"].lower())
        readings = {d for d in readings if d.weekday() == weekday}
    if len(readings) != 1:
        return None
    return DateMention(readings.pop(), DAY_PRECISION, m[0])


def day_of_month(day: int, text: str, reference: datetime.date) -> DateMention | None:
    """That day of the reference's month, or of the month before when it is still to come."""
    month = reference.replace(day=1)
    if day > reference.day:
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    try:
        return DateMention(month.replace(day=day), DAY_PRECISION, text)
    except ValueError:  # "(31)" in a month of thirty days: no date
        return None


def relative(word: str, text: str, reference: datetime.date | None) -> DateMention | None:
    word = " ".join(word.split())
    if word.startswith(
        ("later", "earlier that", "earlier the same", "earlier in the day", "the same day", "that ")
    ):
        return DateMention(None, DAY_PRECISION, text, SAME_AS_PREVIOUS)
    if word in {"the next day", "the following day", "a day later", "a day after", "the day after"}:
        return DateMention(None, DAY_PRECISION, text, AFTER_PREVIOUS)
    if word in {"the day before", "the previous day"}:
        return DateMention(None, DAY_PRECISION, text, BEFORE_PREVIOUS)
    if reference is None:
        return None
    if word in {"today", "this morning", "this afternoon", "this evening", "tonight"}:
        return DateMention(reference, DAY_PRECISION, text)
    if word in {"yesterday", "last night", "last evening", "yesterday evening"}:
        return DateMention(reference - datetime.timedelta(days=1), DAY_PRECISION, text)
    monday = reference - datetime.timedelta(days=reference.weekday())
    if word == "last week":
        return DateMention(monday - datetime.timedelta(days=7), APPROXIMATE, text)
    if word == "this week":
        # no day of its own: the day of the news, as a report of the day is dated ("met
        # within the meeting held this week")
        return DateMention(reference, APPROXIMATE, text)
    if word in {"earlier this week", "earlier in the week"}:
        return DateMention(monday, APPROXIMATE, text)
    if word.endswith("weekend"):
        # the Saturday of the weekend before the reference (of the one it falls in, from Sunday
        # on), about: "held talks this weekend"
        saturday = weekday_before(reference, 5)
        if word.startswith("last") and reference.weekday() >= 5:
            saturday -= datetime.timedelta(days=7)
        return DateMention(saturday, APPROXIMATE, text)
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
    sign = {SAME_AS_PREVIOUS: 0, AFTER_PREVIOUS: 1, BEFORE_PREVIOUS: -1}[mention.relation]
    days = sign * mention.days
    precision = MONTH_PRECISION if mention.precision == MONTH_PRECISION else previous.precision
    return DateMention(previous.date + datetime.timedelta(days=days), precision, mention.text)


CAPITALS = r"A-Z\u00C0-\u00DE"
LETTERS = r"\w'\-\u00C0-\u024F"
MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# A date as datelines write it: "Oct. 3", "9 June 2021", "March 4/2024", "21st Jan, 2019".
DATELINE_DATE = (
    rf"(?:{MONTH_WORD}\s+[0-3]?\d(?:st|nd|rd|th)?|[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_WORD})"
    r"(?:\s*[,/]?\s*(?:19|20)\d\d)?"
)
# The place: capitalised words, never a month ("KNA March 4/2024" has no place).
CITY_WORD = rf"(?!{MONTH_WORD}\s)[{CAPITALS}][{LETTERS}]*+"
DATELINE_CITY = rf"{CITY_WORD}(?:[ .]{CITY_WORD}){{0,3}}"
DATELINE_SEPARATOR = r"(?:-{2,}|[–—]+|\s-\s|\||:(?!\d))"
# What may stand between the place and the separator: a region (", South Korea"), the agency
# in parentheses or slashes or capitals ("(Agency)", "/agency/", "AGENCY"), the date, or the
# date in parentheses with the agency ("(Daily Post / Agency - 21st Jan, 2019)").
DATELINE = re.compile(
    rf"^\s*(?P<city>{DATELINE_CITY})?"
    rf"(?P<extra>(?:[\s,.]*(?:\([^()\n]{{1,80}}\)|\[[^\[\]\n]{{1,40}}\]|/[A-Za-z]{{2,12}}/\.?|[A-Z]{{2,12}}\b"
    rf"(?=\s*(?:{DATELINE_SEPARATOR}|{DATELINE_DATE}))|{DATELINE_DATE}"
    rf"|[{CAPITALS}][a-z]+(?:\s[{CAPITALS}][a-z]+)?(?=\s*(?:{DATELINE_SEPARATOR}|,\s*{DATELINE_DATE}))))*)"
    rf"(?P<sep>\s*{DATELINE_SEPARATOR}+\s*|\.?\s+(?=[{CAPITALS}\"“]))"
)
FIND_DATELINE_DATE = re.compile(DATELINE_DATE)
# A line that is only a date, as pages print their own: "June 3, 2019", "Tue 4 Feb 2020".
ONLY_A_DATE = re.compile(
    rf"^\s*(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?,?\s+)?"
    rf"{DATELINE_DATE}(?:,?\s+\d{{1,2}}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*$"
)


def only_a_date(line: str) -> bool:
    return ONLY_A_DATE.match(line) is not None


@dataclass(frozen=True)
class Dateline:
    city: str | None
    date: datetime.date | None
    length: int
    agency: str | None = None  # the agency it credits, "(Agency)", "/agency/", "AGENCY"
    text: str = ""  # the dateline as written


# The date after a dateline's place, when nothing follows it but the end of the line or a dash
DATE_AFTER_SEPARATOR = re.compile(rf"\s*(?P<date>{DATELINE_DATE})\s*(?:$|{DATELINE_SEPARATOR}\s*)")


def dateline_date(text: str, published: datetime.date | None) -> datetime.date | None:
    """The date a dateline states; without a year, the one nearest the publication date."""
    m = FIND_DATELINE_DATE.search(text)
    if m is None:
        return None
    found = [x for x in find_dates(m[0].replace("/", " "), published) if x.date]
    if found:
        return found[0].date
    return None


def read_dateline(text: str, published: datetime.date | None, is_place=None) -> Dateline | None:
    """The place, date and agency a report speaks from, as its first words give them."""
    # "LIMA, March 3 (Agency) –", "Accra, June 9:", "DOHA, Jan 2nd. /agency/.": a place
    # in capitals is taken as one; another needs is_place (the gazetteer) to know it.
    m = DATELINE.match(text[:240])
    if m is None:
        return None
    city = (m["city"] or "").strip(" .")
    extra = m["extra"] or ""
    date_text = FIND_DATELINE_DATE.search(extra)
    end = m.end()
    after = DATE_AFTER_SEPARATOR.match(text, m.end(), 240)
    if after and not date_text and m["sep"].strip():
        # "Islamabad: May 15, 2012" on a line of its own: the date after the separator
        extra, end = f"{extra} {after['date']}", after.end()
        date_text = FIND_DATELINE_DATE.search(extra)
    if not city and not date_text:
        return None
    words = city.split()
    if city.isupper() and len(city) <= 3:
        # "KNA March 4/2024": an agency's initials, not a place
        extra, city, words = f"{city} {extra}", "", []
    known = bool(city) and (
        (city.isupper() and len(city) > 3) or (is_place is not None and is_place(city))
    )
    if city and not known:
        if not date_text or any(w[:1].islower() for w in words):
            return None
        city = ""  # a publisher's name before the date: "Legal Weekly (June 3, 2019) --"
    if m["sep"].strip() == "" and not date_text:
        # No separator: only a place and a date, followed by the report ("Lusaka, May 6 The")
        return None
    lower = re.sub(r"\([^)]*\)|\[[^\]]*\]|/[A-Za-z]+/", "", extra)
    if re.search(r"\b[a-z]{3,}\b", re.sub(FIND_DATELINE_DATE, "", lower)):
        return None  # words of a sentence, not a dateline
    agency_name = None
    for found in re.finditer(r"\(([^()]{1,80})\)|/([A-Za-z]{2,12})/|\b([A-Z]{2,12})\b", extra):
        # The agency is what is not the date: "(Agency)", "/agency/", "(Daily / Agency - 21st Jan)"
        candidate = next(g for g in found.groups() if g)
        candidate = FIND_DATELINE_DATE.sub("", candidate).strip(" -,/")
        if candidate and not re.search(r"\d", candidate):
            agency_name = candidate
            break
    date = dateline_date(extra, published)
    if not city and not date_text and agency_name is None:
        return None  # "U.S. President X met ...": the country's initials open the sentence
    title = city.title() if city.isupper() else city
    return Dateline(title or None, date, end, agency_name, text[:end].strip())


# A date in a page's address: "/2024/09/25/", "/2024/09/", "-2024-09-25"
ADDRESS_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[/-])(?P<m>[01]\d)(?:(?P=sep)(?P<d>[0-3]\d))?(?!\d)"
)


def date_in_address(url: str) -> datetime.date | None:
    """The date a page's address gives (news sites put it in the path): the day, or the last
    day of the month when it gives only the month."""
    m = ADDRESS_DATE.search(url.split("?")[0])
    if m is None:
        return None
    year, month = int(m["y"]), int(m["m"])
    if m["d"]:
        return safe_date(year, month, int(m["d"]))
    if not 1 <= month <= 12:
        return None
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)
