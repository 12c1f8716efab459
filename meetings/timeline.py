"""The visual timeline: a selection's meetings seen from decades down to a day.

The zoom is the address's `period`: nothing (every year, by decade when they are many), a decade
(`1990s`), a year (`1994`), a month (`1994-05`) or a day (`1994-05-12`). Down to a month the
picture is density bars counted from the subjects' tallies (meetings.read.selection); a month
and a day show each meeting as a mark naming its participants. Everything here is plain values
for the templates to draw: no markup.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import cached_property

from meetings.presentation import LONG, MONTHS, percent
from meetings.read.rows import Row, load
from meetings.read.selection import Selection, Tally

FIRST_YEAR, LAST_YEAR = 1800, 2100
MARKS = 60  # meetings drawn one by one at most; more are counted and listed
GAP = 3  # years without a meeting that make a gap worth saying
LEVELS = ("all", "decade", "year", "month", "day")
PATTERN = re.compile(r"(?:(\d{4})s|(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)")


class BadPeriod(ValueError):
    """A `period` that names no decade, year, month or day the timeline covers."""


@dataclass(frozen=True)
class Period:
    level: str
    start: datetime.date | None = None
    end: datetime.date | None = None

    @classmethod
    def parse(cls, text: str) -> Period:
        text = (text or "").strip()
        if not text:
            return cls("all")
        match = PATTERN.fullmatch(text)
        if not match:
            raise BadPeriod(
                f"“{text[:40]}” is not a period: give a decade (1990s), a year (1994), "
                "a month (1994-05) or a day (1994-05-12)."
            )
        decade, year, month, day = match.groups()
        number = int(decade or year)
        if not FIRST_YEAR <= number <= LAST_YEAR:
            raise BadPeriod(f"The timeline covers the years {FIRST_YEAR} to {LAST_YEAR}.")
        if decade:
            if number % 10:
                raise BadPeriod(f"A decade starts with a year ending in 0, as {number // 10}0s.")
            return cls.decade(number)
        if not month:
            return cls.year(number)
        if not 1 <= int(month) <= 12:
            raise BadPeriod("A month is a number from 01 to 12.")
        if not day:
            return cls.month(number, int(month))
        try:
            date = datetime.date(number, int(month), int(day))
        except ValueError:
            raise BadPeriod(f"{text} is not a day of the calendar.") from None
        return cls("day", date, date)

    @classmethod
    def decade(cls, year: int) -> Period:
        first = year // 10 * 10
        return cls("decade", datetime.date(first, 1, 1), datetime.date(first + 9, 12, 31))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls("year", datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls("month", datetime.date(year, month, 1), datetime.date(year, month, last))

    @property
    def value(self) -> str:
        """What the address says for it."""
        if self.level == "all":
            return ""
        start = self.start
        return {
            "decade": f"{start.year}s",
            "year": f"{start.year}",
            "month": f"{start:%Y-%m}",
            "day": f"{start:%Y-%m-%d}",
        }[self.level]

    @property
    def label(self) -> str:
        if self.level == "all":
            return "All years"
        start = self.start
        return {
            "decade": f"The {start.year}s",
            "year": str(start.year),
            "month": f"{calendar.month_name[start.month]} {start.year}",
            "day": f"{start.day} {calendar.month_name[start.month]} {start.year}",
        }[self.level]

    def outer(self) -> Period | None:
        """The period one zoom level out."""
        if self.level == "all":
            return None
        if self.level == "decade":
            return Period("all")
        if self.level == "year":
            return Period.decade(self.start.year)
        if self.level == "month":
            return Period.year(self.start.year)
        return Period.month(self.start.year, self.start.month)

    def shifted(self, step: int) -> Period | None:
        """The period before (step -1) or after (+1) at the same level, if the timeline has it."""
        start = self.start
        if self.level == "all":
            return None
        if self.level == "decade":
            year = start.year + 10 * step
            return Period.decade(year) if FIRST_YEAR <= year <= LAST_YEAR else None
        if self.level == "year":
            year = start.year + step
            return Period.year(year) if FIRST_YEAR <= year <= LAST_YEAR else None
        if self.level == "month":
            index = start.year * 12 + start.month - 1 + step
            year, month = divmod(index, 12)
            return Period.month(year, month + 1) if FIRST_YEAR <= year <= LAST_YEAR else None
        day = start + datetime.timedelta(days=step)
        return Period("day", day, day) if FIRST_YEAR <= day.year <= LAST_YEAR else None


# the kinds of meeting a bar is split into, bottom up: (Tally's field, CSS class, one, many)
KINDS = (
    ("in_person", "in-person", "in person", "in person"),
    ("calls", "call", "phone call", "phone calls"),
    ("videos", "virtual", "video call", "video calls"),
)


def short(x: float) -> float | int:
    """x to a tenth, and whole when it is (the markup says 25, not 25.0)."""
    x = round(x, 1)
    return int(x) if x == int(x) else x


@dataclass
class Segment:
    """The part of a bar that counts one kind of meeting: where it starts and how long it is,
    in hundredths of the bar's track."""

    kind: str  # a class: "in-person", "call", "virtual"
    n: int
    start: float | int
    size: float | int

    @property
    def top(self) -> float | int:
        """Where it starts from the top of a bar standing up."""
        return short(100 - self.start - self.size)


@dataclass
class Bar:
    """One period of the picture: its label, its meetings and where zooming into it goes."""

    label: str
    name: str  # spoken: "May 1994", "the 1990s"
    count: int
    pct: int
    period: str  # the address's value for it
    note: str = ""  # "first meeting since 1949"
    tally: Tally | None = None  # the meetings by kind, when the bar is split

    @cached_property
    def segments(self) -> list[Segment]:
        """The bar split by kind, in person at the bottom (the whole bar when not split)."""
        if self.tally is None or not self.count:
            return [Segment("", self.count, 0, self.pct)] if self.count else []
        out, start = [], 0.0
        for field, kind, _, _ in KINDS:
            n = getattr(self.tally, field)
            if n:
                size = self.pct * n / self.count
                if short(size):  # too thin to draw: the words still say it
                    out.append(Segment(kind, n, short(start), short(size)))
                start += size
        return out

    @cached_property
    def kinds(self) -> str:
        """The split in words: "90 in person, 25 phone calls, 5 video calls"."""
        if self.tally is None:
            return ""
        said = []
        for field, _, one, many in KINDS:
            n = getattr(self.tally, field)
            if n:
                said.append(f"{n:,} {one if n == 1 else many}")
        return ", ".join(said)

    @cached_property
    def meetings(self) -> str:
        """ "5 meetings", "1 meeting"."""
        return f"{self.count:,} meeting{'' if self.count == 1 else 's'}"

    @property
    def spoken(self) -> str:
        """What a screen reader hears after the count: the period, the split, the note."""
        kinds = f": {self.kinds}" if self.kinds else ""
        note = f" ({self.note})" if self.note else ""
        return f" meeting{'' if self.count == 1 else 's'} in {self.name}{kinds}{note}"

    @property
    def title(self) -> str:
        """The tooltip of a split bar."""
        return f"{self.label}: {self.meetings} — {self.kinds}" if self.kinds else ""


def gaps(years: list[dict]) -> dict[int, int]:
    """{year: the previous year with a meeting} for each year that ends GAP or more years
    without one."""
    out, previous = {}, None
    for row in years:
        if not row["count"]:
            continue
        if previous is not None and row["year"] - previous > GAP:
            out[row["year"]] = previous
        previous = row["year"]
    return out


def bars(counts: list[tuple[str, str, int | Tally, str]], notes: dict[str, str] | None = None):
    """Bars of (label, name, count, period) with their share of the busiest; a count that is
    a Tally splits its bar by kind."""
    tallies = [c if isinstance(c, Tally) else None for _, _, c, _ in counts]
    numbers = [c.count if isinstance(c, Tally) else c for _, _, c, _ in counts]
    top = max(numbers, default=0)
    notes = notes or {}
    return [
        Bar(label, name, n, percent(n, top), period, notes.get(period, ""), tally)
        for (label, name, _, period), n, tally in zip(counts, numbers, tallies, strict=True)
    ]


def tally(row: dict) -> Tally:
    """A year of Selection.years() as a Tally."""
    return Tally(row["count"], row["calls"], row["videos"])


@dataclass
class Picture:
    period: Period
    unit: str  # what a bar counts: "decade", "year", "month", "day"; "" for marks only
    bars: list[Bar]
    marks: list[Row]
    total: int
    outer: Period | None
    previous: Period | None
    following: Period | None
    years: list[dict]  # the selection's years (at the coarsest zooms), for the table beside it

    @property
    def more(self) -> int:
        """Meetings of the period not drawn as marks."""
        return max(0, self.total - len(self.marks))

    @property
    def split(self) -> bool:
        """Whether the bars are split by kind (down to a year's months; a month's days are
        not)."""
        return any(bar.tally is not None for bar in self.bars)


def picture(selection: Selection, period: Period) -> Picture:
    """The picture of the selection at this zoom (a fixed number of queries); the years are
    read only where the bars are years or decades."""
    years = selection.years() if period.level in ("all", "decade") else []
    by_year = {y["year"]: y["count"] for y in years}
    since = gaps(years)
    marks: list[Row] = []
    if period.level == "all":
        if len(years) > LONG:
            decades: dict[int, Tally] = {}
            notes = {}
            for row in years:
                decade = row["year"] // 10 * 10
                decades[decade] = decades.get(decade, Tally()).plus(tally(row))
                if row["year"] in since and f"{decade}s" not in notes:
                    notes[f"{decade}s"] = f"{row['year']}: first meeting since {since[row['year']]}"
            unit = "decade"
            shown = bars([(f"{d}s", f"the {d}s", n, f"{d}s") for d, n in sorted(decades.items())])
            for bar in shown:
                bar.note = notes.get(bar.period, "")
        else:
            unit = "year"
            notes = {str(y): f"first meeting since {p}" for y, p in since.items()}
            shown = bars(
                [(str(y["year"]), str(y["year"]), tally(y), str(y["year"])) for y in years],
                notes,
            )
        total = sum(by_year.values())
    elif period.level == "decade":
        unit = "year"
        first = period.start.year
        notes = {str(y): f"first meeting since {p}" for y, p in since.items()}
        kinds = {y["year"]: tally(y) for y in years}
        shown = bars(
            [(str(y), str(y), kinds.get(y, Tally()), str(y)) for y in range(first, first + 10)],
            notes,
        )
        total = sum(b.count for b in shown)
    elif period.level == "year":
        unit = "month"
        year = period.start.year
        counts = selection.month_kinds(year)
        shown = bars(
            [
                (
                    MONTHS[m],
                    f"{calendar.month_name[m]} {year}",
                    counts.get(m, Tally()),
                    f"{year}-{m:02}",
                )
                for m in range(1, 13)
            ]
        )
        total = sum(b.count for b in shown)
    else:
        within = selection.narrowed(period.start, period.end)
        if period.level == "month":
            unit = "day"
            counts = selection.days(period.start, period.end)
            shown = bars(
                [
                    (
                        str(d.day),
                        f"{d.day} {calendar.month_name[d.month]} {d.year}",
                        counts.get(d, 0),
                        f"{d:%Y-%m-%d}",
                    )
                    for d in (
                        period.start + datetime.timedelta(days=i) for i in range(period.end.day)
                    )
                ]
            )
            total = sum(counts.values())
        else:
            unit, shown = "", []
            total = sum(selection.days(period.start, period.end).values())
        # one subject's marks read along its listing, like its list
        newest = within.listing if within.listing is not None else within.ids()
        ids = list(newest[:MARKS]) if total else []
        marks = sorted(load(ids), key=lambda row: (row.date, row.id))
    return Picture(
        period=period,
        unit=unit,
        bars=shown,
        marks=marks,
        total=total,
        outer=period.outer(),
        previous=period.shifted(-1),
        following=period.shifted(1),
        years=years,
    )


# -- a selection's whole history in one strip (the pair page) ---------------------------------

STRIP_WIDTH, STRIP_HEIGHT = 1000, 80


def strip(years: list[dict]) -> dict | None:
    """Every year from the first meeting to the last as a thin bar, with the gaps named."""
    if not years:
        return None
    width = STRIP_WIDTH / len(years)
    top = max(y["count"] for y in years)
    rects = [
        {
            "x": round(i * width, 2),
            "w": round(max(width - 1, 0.5), 2),
            "h": round(STRIP_HEIGHT * y["count"] / top, 2) if y["count"] else 0,
            "year": y["year"],
        }
        for i, y in enumerate(years)
    ]
    first, last = years[0]["year"], years[-1]["year"]
    step = next((s for s in (1, 2, 5, 10, 20, 50) if (last - first) / s <= 12), 100)
    ticks = [
        {"x": round((year - first + 0.5) * width, 1), "label": str(year)}
        for year in range(first, last + 1)
        if year % step == 0 or (year == first and step == 1)
    ]
    since = gaps(years)
    return {
        "rects": rects,
        "ticks": ticks,
        "height": STRIP_HEIGHT,
        "first": first,
        "last": last,
        "busiest": max(years, key=lambda y: (y["count"], y["year"])),
        "gaps": [
            {"year": year, "since": previous, "quiet": year - previous - 1}
            for year, previous in sorted(since.items(), reverse=True)
        ],
    }


# -- an official's tenures and counterparts (the official page) ------------------------------

LANE, LABELS, PLOT = 34, 230, 760  # lane height, label column, plot width (SVG units)


def tenures(
    positions: list,
    years: list[dict],
    counterparts: list,
    by_country: dict[tuple[int, int], int],
    today: datetime.date,
) -> dict | None:
    """An official's positions as bars from start to end with their meetings per year as dots
    on them, then a lane per counterpart country with their meetings together."""
    meeting_years = [y["year"] for y in years if y["count"]]
    spans = [(p.start.year if p.start else None, (p.end or today).year) for p in positions]
    known = [y for s, e in spans for y in (s, e) if y] + meeting_years
    if not known:
        return None
    first, last = min(known), max(known)
    per_year = PLOT / (last - first + 1)

    def x(year: float) -> float:
        return round(LABELS + (year - first) * per_year, 1)

    top = max((y["count"] for y in years), default=1) or 1

    def radius(n: int) -> float:
        return round(3 + 9 * (n / top) ** 0.5, 1)

    lanes = []
    counts = {y["year"]: y["count"] for y in years if y["count"]}
    placed: set[int] = set()
    for position, (start, end) in zip(positions, spans, strict=True):
        start = start or first
        dots = [
            {"x": x(year + 0.5), "r": radius(n), "year": year, "n": n}
            for year, n in sorted(counts.items())
            if start <= year <= end and year not in placed
        ]
        placed.update(d["year"] for d in dots)
        lanes.append(
            {
                "label": position.title,
                "detail": position.country.name,
                "bar": (x(start), x(end + 1)),
                "dots": dots,
                "country": None,
                "span": f"{position.start.year if position.start else 'unknown'}"
                f"–{position.end.year if position.end else 'now'}",
            }
        )
    rest = [
        {"x": x(year + 0.5), "r": radius(n), "year": year, "n": n}
        for year, n in sorted(counts.items())
        if year not in placed
    ]
    if rest:
        lanes.append(
            {"label": "Outside these posts", "detail": "", "bar": None, "dots": rest, "span": ""}
        )
    for country in counterparts:
        dots = [
            {"x": x(year + 0.5), "r": radius(n), "year": year, "n": n}
            for (pk, year), n in sorted(by_country.items(), key=lambda item: item[0][1])
            if pk == country.pk
        ]
        lanes.append(
            {
                "label": f"With {country.name}",
                "detail": "",
                "bar": None,
                "dots": dots,
                "country": country,
                "span": "",
            }
        )
    for i, lane in enumerate(lanes):
        lane["y"] = 30 + i * LANE
    step = next((s for s in (1, 2, 5, 10, 20, 50) if (last - first) / s <= 10), 100)
    ticks = [
        {"x": x(year), "label": str(year)} for year in range(first, last + 2) if year % step == 0
    ]
    return {
        "lanes": lanes,
        "ticks": ticks,
        "width": LABELS + PLOT + 30,
        "height": 30 + len(lanes) * LANE + 10,
        "labels": LABELS,
        "first": first,
        "last": last,
    }
