"""Reading published meetings for the public pages in a few index lookups, at any size.

A Selection is what a page shows: the meetings of some countries, a topic, a venue... narrowed by
kind, dates or words. Each country, pair, topic, official, venue or occasion it names is a
Subject (meetings.derived); its meetings are read newest first from the listing of the subject
with the fewest meetings, a page of ids at a time; counts stop at COUNT_LIMIT. Totals, per-year
and per-month figures and rankings come from the subjects' counts when the selection is one
subject, and are counted from its meetings otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import InvalidPage, Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404
from django.utils.functional import cached_property

from meetings.derived import EVERYTHING, Key
from meetings.models import (
    SUBJECT_COLUMNS,
    Country,
    Meeting,
    Occasion,
    Official,
    Subject,
    SubjectMeeting,
    SubjectMonth,
    SubjectOverlap,
    Topic,
    Venue,
)
from meetings.rows import load as rows
from meetings.templatetags.meetings_tags import percent

Kind = Subject.Kind
# Counting stops here: a list says "10,000+" and pages run to the 10,000th meeting.
COUNT_LIMIT = 10_000


def subject_filter(key: Key) -> Q:
    """The Subject row of a key, as a filter."""
    names = SUBJECT_COLUMNS[key.kind]
    return Q(kind=key.kind, **{f"{n}_id": v for n, v in zip(names, (key.a, key.b), strict=False)})


def key_of(subject: Subject) -> Key:
    values = [getattr(subject, f"{n}_id") for n in SUBJECT_COLUMNS[subject.kind]]
    return Key(subject.kind, *values)


@dataclass(frozen=True)
class Selection:
    countries: tuple[Country, ...] = ()
    topic: Topic | None = None
    venue: Venue | None = None
    occasion: Occasion | None = None
    official: Official | None = None
    kind: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    words: str = ""

    @classmethod
    def from_filters(cls, data: dict, **fixed) -> Selection:
        """From a valid MeetingFilter's cleaned data; fixed values (a page's subject) win."""
        values = {
            "countries": tuple(data.get("country") or ()),
            "topic": data.get("topic"),
            "venue": data.get("venue"),
            "occasion": data.get("occasion"),
            "official": data.get("official"),
            "kind": data.get("kind") or "",
            "start": data.get("from"),
            "end": data.get("to"),
            "words": (data.get("q") or "").strip(),
        }
        values.update(fixed)
        return cls(**values)

    def narrowed(self, start: datetime.date, end: datetime.date) -> Selection:
        """The same selection within [start, end] as well."""
        lo = max(start, self.start) if self.start else start
        hi = min(end, self.end) if self.end else end
        return dataclasses.replace(self, start=lo, end=hi)

    # -- subjects -----------------------------------------------------------------------------

    @cached_property
    def keys(self) -> list[Key]:
        """The subjects whose meetings the selection takes (everything when it names none)."""
        ids = sorted({c.pk for c in self.countries})
        keys = [Key(Kind.PAIR, ids[0], ids[1])] if len(ids) >= 2 else []
        keys += [Key(Kind.COUNTRY, pk) for pk in (ids[2:] if len(ids) >= 2 else ids)]
        for kind, thing in (
            (Kind.TOPIC, self.topic),
            (Kind.OFFICIAL, self.official),
            (Kind.VENUE, self.venue),
            (Kind.OCCASION, self.occasion),
        ):
            if thing is not None:
                keys.append(Key(kind, thing.pk))
        return keys or [EVERYTHING]

    @cached_property
    def subjects(self) -> dict[Key, Subject]:
        """The Subject rows of the keys (one query); a key without a row has no meetings."""
        wanted = Q()
        for key in self.keys:
            wanted |= subject_filter(key)
        return {key_of(s): s for s in Subject.objects.filter(wanted)}

    @property
    def empty(self) -> bool:
        """Whether a subject it names has never had a published meeting."""
        return any(self.subjects.get(k) is None or not self.subjects[k].meetings for k in self.keys)

    @property
    def narrowing(self) -> bool:
        """Whether kind, dates or words narrow the subjects' meetings."""
        return bool(self.kind or self.start or self.end or self.words)

    @cached_property
    def subject(self) -> Subject | None:
        """The one subject whose counts describe exactly this selection, if there is one."""
        if self.narrowing or len(self.keys) != 1:
            return None
        return self.subjects.get(self.keys[0])

    @cached_property
    def counted(self) -> Subject | None:
        """The one subject whose months count this selection: one subject, and dates (if
        any) that run from the first of a month to the last day of one."""
        if self.kind or self.words or len(self.keys) != 1 or self.empty:
            return None
        if self.start and self.start.day != 1:
            return None
        if self.end and (self.end + datetime.timedelta(days=1)).day != 1:
            return None
        return self.subjects.get(self.keys[0])

    def subject_months(self) -> QuerySet:
        """The counted subject's months within the dates."""
        months = SubjectMonth.objects.filter(subject=self.counted)
        if self.start:
            months = months.filter(month__gte=self.start)
        if self.end:
            months = months.filter(month__lte=self.end)
        return months

    @cached_property
    def search(self) -> Search | None:
        """What the words match (looked up once per selection)."""
        return matching(self.words) if self.words else None

    @property
    def only_words(self) -> bool:
        """Whether the selection is a search and nothing else."""
        return dataclasses.replace(self, words="") == Selection()

    # -- meetings -----------------------------------------------------------------------------

    def ids(self) -> QuerySet:
        """The ids of the selected meetings, newest first."""
        if self.keys == [EVERYTHING]:
            # the meetings' own indexes: newest first, and of one kind
            qs = Meeting.objects.published()
            qs = self.narrowed_down(qs, meeting="", pk="pk")
            return qs.order_by("-date", "-id").values_list("id", flat=True)
        if self.empty:
            return SubjectMeeting.objects.none().values_list("meeting_id", flat=True)
        # read the smallest subject's listing; the others are checked row by row
        driver, *others = sorted(
            (self.subjects[k] for k in self.keys), key=lambda s: (s.meetings, s.pk)
        )
        qs = SubjectMeeting.objects.filter(subject_id=driver.pk)
        for other in others:
            qs = qs.filter(
                Exists(
                    SubjectMeeting.objects.filter(
                        subject_id=other.pk,
                        date=OuterRef("date"),
                        meeting_id=OuterRef("meeting_id"),
                    )
                )
            )
        qs = self.narrowed_down(qs, meeting="meeting__", pk="meeting_id")
        return qs.order_by("-date", "-meeting_id").values_list("meeting_id", flat=True)

    def narrowed_down(self, qs: QuerySet, *, meeting: str, pk: str) -> QuerySet:
        """qs (meetings, or listings: meeting="meeting__") with the selection's kind, dates and
        words; pk names the meeting's id in qs."""
        if self.kind:
            qs = qs.filter(**{f"{meeting}kind": self.kind})
        if self.start:
            qs = qs.filter(date__gte=self.start)
        if self.end:
            qs = qs.filter(date__lte=self.end)
        search = self.search
        if search is not None:
            for ids in [search.few] if search.few is not None else search.each:
                qs = qs.filter(**{f"{pk}__in": ids})
        return qs

    def meetings(self) -> QuerySet:
        """The selected meetings as rows (for aggregates over small selections)."""
        return Meeting.objects.filter(pk__in=self.ids().order_by())

    def total(self) -> int | None:
        """How many meetings, from the subjects' counts; None when they do not say."""
        if self.empty:
            return 0
        if self.subject is not None:
            return self.subject.meetings
        if self.counted is not None:
            return sum(y["count"] for y in self.year_rows)
        overlap = self.cross_count()
        if overlap is None:
            return None
        subject, other = overlap
        row = SubjectOverlap.objects.filter(subject=subject, other=other).values_list(
            "meetings", flat=True
        )
        return next(iter(row), 0)

    # what is counted of a country's or a pair's meetings (meetings.derived.OVERLAPS)
    CROSS = {
        Kind.COUNTRY: (Kind.TOPIC, Kind.OFFICIAL),
        Kind.PAIR: (Kind.TOPIC, Kind.OFFICIAL, Kind.VENUE),
    }

    def cross_count(self) -> tuple[Subject, Subject] | None:
        """(subject, other) whose overlap counts this selection when it is a country or a pair
        with one topic, official or venue (India–US on trade), else None."""
        if self.narrowing or len(self.keys) != 2:
            return None
        place = [k for k in self.keys if k.kind in self.CROSS]
        other = [k for k in self.keys if k.kind not in self.CROSS]
        if len(place) != 1 or len(other) != 1 or other[0].kind not in self.CROSS[place[0].kind]:
            return None
        return self.subjects[place[0]], self.subjects[other[0]]

    def page(self, number, per_page: int | None = None) -> Page:
        if self.only_words:
            search = self.search
            if search is not None and search.word is not None:
                # one word: its matches read from the listings of the names it matches
                per_page = per_page or settings.MEETINGS_PER_PAGE
                try:
                    deep = min(max(int(number), 1), FEW_MATCHES // per_page) * per_page
                except (TypeError, ValueError):
                    deep = per_page
                if search.dense:  # a common word: its newest 2,000
                    newest = search.word.matches(newest=deep).order_by("-date", "-id")
                    count, exact = FEW_MATCHES + 1, False
                else:
                    newest = search.word.matches().order_by("-date", "-id")
                    count, exact = search.exact, True
                    if count is None:
                        count = search.word.matches(dated=False).count()
                return paginate(
                    newest, number, per_page, count=count, limit=FEW_MATCHES, exact=exact
                )
        return paginate(self.ids(), number, per_page, count=self.total())

    def latest(self, n: int) -> list:
        return rows(list(self.ids()[:n]))

    # -- figures ------------------------------------------------------------------------------

    def years(self) -> list[dict]:
        """Meetings per year, every year from the first to the last (gaps show as zero)."""
        return self.year_rows

    @cached_property
    def year_rows(self) -> list[dict]:
        # read once: a page shows the years and takes its total from them
        if self.empty:
            counts = {}
        elif self.counted is not None:
            counts = dict(
                self.subject_months()
                .annotate(year=ExtractYear("month"))
                .values_list("year")
                .annotate(n=Sum("meetings"))
                .values_list("year", "n")
            )
        else:
            counts = dict(
                self.meetings()
                .annotate(year=ExtractYear("date"))
                .values_list("year")
                .annotate(n=Count("id"))
                .values_list("year", "n")
            )
        if not counts:
            return []
        top = max(counts.values())
        return [
            {"year": y, "count": counts.get(y, 0), "pct": percent(counts.get(y, 0), top)}
            for y in range(min(counts), max(counts) + 1)
        ]

    def months(self, year: int) -> dict[int, int]:
        """Meetings per month of the year."""
        if self.empty:
            return {}
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if self.counted is not None:
            return {
                month.month: n
                for month, n in self.subject_months()
                .filter(month__range=(first, last))
                .values_list("month", "meetings")
            }
        within = self.narrowed(first, last)
        return dict(
            within.meetings()
            .annotate(month=ExtractMonth("date"))
            .values_list("month")
            .annotate(n=Count("id"))
            .values_list("month", "n")
        )

    def ranked(self, kind: str, limit: int, *, among: Q | None = None) -> list:
        """The countries, topics, officials or venues (kind) with most meetings in this
        selection, each with .n, most first; among: a filter on them (Official rows...)."""
        if self.narrowing or len(self.keys) != 1:
            raise ValueError("ranked() needs a selection of one subject")
        if self.subject is None:
            return []
        column = SUBJECT_COLUMNS[kind][0]
        qs = SubjectOverlap.objects.filter(subject=self.subject, other_kind=kind, meetings__gt=0)
        if among is not None:
            qs = qs.filter(**{f"other__{column}__in": among})
        related = {"venue": "other__venue__country", "official": "other__official__country"}
        qs = qs.select_related(related.get(column, f"other__{column}"))
        out = []
        for overlap in qs.order_by("-meetings", "other_id")[:limit]:
            thing = getattr(overlap.other, column)
            thing.n = overlap.meetings
            out.append(thing)
        out.sort(key=lambda row: (-row.n, row.name))
        return out

    def pairs(self, limit: int = 8) -> list[dict]:
        """The country pairs with most meetings in this selection."""
        if self.subject is None:
            return []
        out = []
        for overlap in (
            SubjectOverlap.objects.filter(subject=self.subject, other_kind=Kind.PAIR)
            .select_related("other__country", "other__partner")
            .order_by("-meetings", "other_id")[:limit]
        ):
            a, b = sorted((overlap.other.country, overlap.other.partner), key=lambda c: c.code)
            out.append({"a": a, "b": b, "count": overlap.meetings})
        return out


def by_id(qs: QuerySet, ids) -> dict:
    """The rows of qs with these ids, by id: one query even when there are none, so that a
    page costs the same queries whatever it shows."""
    return {row.pk: row for row in qs.filter(pk__in=[*ids, 0])}


# A search whose words match at most this many meetings lists them all by id; a commoner
# word shows its newest 2,000 matches, each read newest first from its own index.
FEW_MATCHES = 2000


def named(field: str, word: str) -> Q:
    """field contains word; a word of one or two letters ("Li") only as a whole word."""
    if len(word) >= 3:
        return Q(**{f"{field}__icontains": word})
    return (
        Q(**{f"{field}__iexact": word})
        | Q(**{f"{field}__istartswith": f"{word} "})
        | Q(**{f"{field}__iendswith": f" {word}"})
        | Q(**{f"{field}__icontains": f" {word} "})
    )


@dataclass
class Word:
    """What a search word matches: officials, topics, venues and occasions by name (their
    subjects, with their numbers of meetings), else titles and summaries (those of named things
    mostly repeat their names)."""

    text: str
    subjects: dict[int, int]  # subject id -> its meetings

    @classmethod
    def read(cls, text: str) -> Word:
        named_things = {
            Kind.OFFICIAL: Official.objects.filter(named("name", text) | named("aliases", text)),
            Kind.TOPIC: Topic.objects.filter(named("name", text)),
            Kind.VENUE: Venue.objects.filter(named("name", text)),
            Kind.OCCASION: Occasion.objects.filter(named("name", text)),
        }
        # one lookup per kind, each through its subjects' index, in one query
        parts = [
            Subject.objects.filter(kind=kind, meetings__gt=0, **{f"{kind}__in": things})
            .order_by()
            .values_list("id", "meetings")
            for kind, things in named_things.items()
        ]
        return cls(text=text, subjects=dict(parts[0].union(*parts[1:])))

    @property
    def names_something(self) -> bool:
        return bool(self.subjects)

    def matches(self, newest: int | None = None, *, dated: bool = True) -> QuerySet:
        """(id, date) of its published meetings, or only ids: a union of index lookups. newest:
        one lookup per subject, each limited to its newest (where the database can order inside
        a union), for a word with many matches; else one lookup for all its subjects."""
        columns = ("id", "date") if dated else ("id",)
        meetings = Meeting.objects.filter(status=Meeting.Status.PUBLISHED).values_list(*columns)
        listed = SubjectMeeting.objects.annotate(id=F("meeting_id")).values_list(*columns)
        if newest:
            parts = [listed.filter(subject_id=pk) for pk in sorted(self.subjects)]
        else:
            parts = [listed.filter(subject_id__in=sorted(self.subjects))] if self.subjects else []
        if not self.names_something and len(self.text) >= 3:
            parts += [
                meetings.filter(title__icontains=self.text),
                meetings.filter(summary__icontains=self.text),
            ]
        parts = [part.order_by() for part in parts]
        if not parts:
            return meetings.none()
        if len(parts) == 1:
            # a meeting can be listed under two of the subjects
            return parts[0].distinct() if len(self.subjects) > 1 else parts[0]
        if newest:
            parts = [part.order_by("-date", "-id")[:newest] for part in parts]
        return parts[0].union(*parts[1:]).order_by()

    def at_most(self) -> int | None:
        """How many meetings it matches at most, from the subjects' counts (None for titles)."""
        if not self.names_something:
            return None
        return sum(self.subjects.values())


class Search:
    """The meetings matching every word. One word, where the database can order inside a
    union (word): read page by page from its lookups, all of them (few enough) or the newest
    2,000 (dense). With other filters: the few matches' ids (few), or one id subquery per
    word (each)."""

    def __init__(self, words: list[Word]):
        self.words = words
        self.dense = False
        self.word = None
        self.exact = None
        if len(words) == 1 and connection.features.supports_slicing_ordering_in_compound:
            self.word = words[0]
            most = self.word.at_most()
            names = len(self.word.subjects)
            # one name: its subject says exactly how many meetings it has
            self.exact = most if names == 1 else None
            if most is None:  # titles: count them, up to the limit
                most = len(self.word.matches(dated=False)[: FEW_MATCHES + 1])
            self.dense = most > FEW_MATCHES

    @cached_property
    def few(self) -> list[int] | None:
        if self.dense:
            return None
        found = [w.matches(dated=False) for w in self.words]
        every = found[0].intersection(*found[1:]).order_by() if len(found) > 1 else found[0]
        few = [row[0] if isinstance(row, tuple) else row for row in every[: FEW_MATCHES + 1]]
        return few if len(few) <= FEW_MATCHES else None

    @property
    def each(self) -> list[QuerySet]:
        return [w.matches(dated=False) for w in self.words]


def matching(text: str) -> Search | None:
    words = [Word.read(w) for w in text.split()[:8]]
    return Search(words) if words else None


def meeting_rows(items: list) -> list:
    """The list rows of meetings given as ids, or as (id, date) rows from a search."""
    return rows([item[0] if isinstance(item, tuple) else item for item in items])


class BoundedPaginator(Paginator):
    """Pages that count only up to a limit (COUNT_LIMIT, unless the count is given), each
    page's items turned into what the page shows by load (meeting rows by default)."""

    def __init__(
        self,
        *args,
        count: int | None = None,
        limit: int = 0,
        exact: bool = True,
        load=meeting_rows,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.cap = limit or COUNT_LIMIT
        self.known = count is not None and exact
        self.load = load
        if count is not None:
            self.count = count  # nothing to count

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.cap + 1].count()

    @property
    def more(self) -> bool:
        """Whether the pages stop before the last item."""
        return self.count > self.cap

    @property
    def label(self) -> str:
        """The count as shown: exact when known, else "10,000+" past the limit."""
        if self.more and not self.known:
            return f"{self.cap:,}+"
        return f"{self.count:,}"

    @property
    def limit(self) -> str:
        return f"{self.cap:,}"

    @cached_property
    def num_pages(self) -> int:
        shown = min(self.count, self.cap)
        if shown == 0 and not self.allow_empty_first_page:
            return 0
        return max(1, -(-shown // self.per_page))

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        items = list(self.object_list[bottom : bottom + self.per_page])
        return self._get_page(self.load(items), number, self)


def paginate(
    items,
    number,
    per_page: int | None = None,
    *,
    count: int | None = None,
    limit: int = 0,
    exact: bool = True,
    load=meeting_rows,
) -> Page:
    """One page of items (meeting ids unless load says otherwise); a page number that is not
    one (page=-1, page=x, too far) is a 404. count: the number of items when it is known
    without counting."""
    paginator = BoundedPaginator(
        items,
        per_page or settings.MEETINGS_PER_PAGE,
        count=count,
        limit=limit,
        exact=exact,
        load=load,
    )
    try:
        return paginator.page(number or 1)
    except InvalidPage:
        raise Http404(
            f"There is no page “{str(number)[:20]}” here: pages run from 1 to "
            f"{paginator.num_pages}."
        ) from None
