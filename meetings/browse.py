"""Reading published meetings for the public pages in a few index lookups, at any size.

A Selection is what a page shows: the meetings of some countries, a topic, a venue... narrowed by
kind, dates or words. Its meetings are read newest first from the narrowest index (a facet key,
or the venue's or occasion's index on meetings), a page of ids at a time; counts stop at
COUNT_LIMIT; per-year and per-topic figures come from the tallies when the selection is one key,
and are counted from its meetings otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404
from django.utils.functional import cached_property

from meetings.index import ALL, pair_key
from meetings.models import (
    Country,
    Facet,
    Issue,
    Meeting,
    Occasion,
    Official,
    Participation,
    Tally,
    Venue,
)
from meetings.templatetags.meetings_tags import percent

# Counting stops here: a list says "10,000+" and pages run to the 10,000th meeting.
COUNT_LIMIT = 10_000


@dataclass(frozen=True)
class Selection:
    countries: tuple[Country, ...] = ()
    issue: Issue | None = None
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
            "issue": data.get("issue"),
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

    # -- keys ---------------------------------------------------------------------------------

    def facet_keys(self) -> list[str]:
        ids = sorted({c.pk for c in self.countries})
        keys = [pair_key(ids[0], ids[1])] if len(ids) >= 2 else []
        keys += [f"c:{pk}" for pk in (ids[2:] if len(ids) >= 2 else ids)]
        if self.issue is not None:
            keys.append(f"i:{self.issue.pk}")
        if self.official is not None:
            keys.append(f"o:{self.official.pk}")
        return keys

    @cached_property
    def tally_key(self) -> str | None:
        """The key whose tallies count exactly this selection, if there is one."""
        if self.kind or self.start or self.end or self.words:
            return None
        keys = self.facet_keys()
        if self.venue is not None:
            keys.append(f"v:{self.venue.pk}")
        if self.occasion is not None:
            keys.append(f"e:{self.occasion.pk}")
        if len(keys) > 1:
            return None
        return keys[0] if keys else ALL

    # -- meetings -----------------------------------------------------------------------------

    def ids(self) -> QuerySet:
        """The ids of the selected meetings, newest first."""
        keys = self.facet_keys()
        if not keys:
            qs = Meeting.objects.published()
            if self.venue is not None:
                qs = qs.filter(venue=self.venue)
            if self.occasion is not None:
                qs = qs.filter(occasion=self.occasion)
            if self.kind:
                qs = qs.filter(kind=self.kind)
            if self.start:
                qs = qs.filter(date__gte=self.start)
            if self.end:
                qs = qs.filter(date__lte=self.end)
            for ids in matching(self.words):
                qs = qs.filter(pk__in=ids)
            return qs.order_by("-date", "-id").values_list("id", flat=True)
        # read the narrowest key's index; the other keys are checked row by row
        driver, *others = sorted(keys, key=lambda k: (self.sizes.get(k, 0), k))
        qs = Facet.objects.filter(key=driver)
        for key in others:
            qs = qs.filter(
                Exists(
                    Facet.objects.filter(
                        key=key, date=OuterRef("date"), meeting_id=OuterRef("meeting_id")
                    )
                )
            )
        if self.start:
            qs = qs.filter(date__gte=self.start)
        if self.end:
            qs = qs.filter(date__lte=self.end)
        if self.venue is not None:
            qs = qs.filter(meeting__venue=self.venue)
        if self.occasion is not None:
            qs = qs.filter(meeting__occasion=self.occasion)
        if self.kind:
            qs = qs.filter(meeting__kind=self.kind)
        for ids in matching(self.words):
            qs = qs.filter(meeting_id__in=ids)
        return qs.order_by("-date", "-meeting_id").values_list("meeting_id", flat=True)

    @cached_property
    def sizes(self) -> dict[str, int]:
        """How many meetings each facet key has (one query, only with two keys or more)."""
        keys = self.facet_keys()
        if len(keys) < 2:
            return {}
        wanted = Q()
        for key in keys:
            kind, ref = key.split(":", 1)
            wanted |= Q(kind=kind, ref=ref)
        return {
            f"{kind}:{ref}": n
            for kind, ref, n in Tally.objects.filter(wanted, key=ALL).values_list(
                "kind", "ref", "n"
            )
        }

    def meetings(self) -> QuerySet:
        """The selected meetings as rows (for aggregates over small selections)."""
        return Meeting.objects.filter(pk__in=self.ids().order_by())

    def total(self) -> int | None:
        """How many meetings, from the tallies; None when they do not say."""
        if self.tally_key is None:
            return None
        return sum(y["count"] for y in self.years())

    def page(self, number, per_page: int | None = None) -> Page:
        return paginate(self.ids(), number, per_page, count=self.total())

    def latest(self, n: int) -> list[Meeting]:
        return rows(list(self.ids()[:n]))

    # -- figures ------------------------------------------------------------------------------

    def tallies(self, kind: str) -> dict[str, int]:
        return dict(
            Tally.objects.filter(key=self.tally_key, kind=kind, n__gt=0).values_list("ref", "n")
        )

    def years(self) -> list[dict]:
        """Meetings per year, every year from the first to the last (gaps show as zero)."""
        if self.tally_key is not None:
            counts = {int(y): n for y, n in self.tallies("y").items()}
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
        if self.tally_key == ALL:
            refs = [f"{year:04d}-{m:02d}" for m in range(1, 13)]
            return {
                int(ref[5:]): n
                for ref, n in Tally.objects.filter(
                    key=ALL, kind="m", ref__in=refs, n__gt=0
                ).values_list("ref", "n")
            }
        within = self.narrowed(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        return dict(
            within.meetings()
            .annotate(month=ExtractMonth("date"))
            .values_list("month")
            .annotate(n=Count("id"))
            .values_list("month", "n")
        )

    def ranked(self, kind: str, model, limit: int, *, only: QuerySet | None = None) -> list:
        """The rows of model (topics, venues, officials, countries) ranked by their meetings in
        this selection, each with .n; only: the candidates, when not all rows count."""
        if self.tally_key is None:
            raise ValueError("ranked() needs a selection with tallies")
        qs = Tally.objects.filter(key=self.tally_key, kind=kind, n__gt=0)
        if only is not None:
            qs = qs.filter(ref__in=[str(pk) for pk in only.values_list("pk", flat=True)])
        top = list(qs.order_by("-n", "ref").values_list("ref", "n")[:limit])
        found = by_id(model.objects.all(), [int(ref) for ref, _ in top])
        out = []
        for ref, n in top:
            row = found.get(int(ref))
            if row is not None:
                row.n = n
                out.append(row)
        out.sort(key=lambda row: (-row.n, row.name))
        return out

    def pairs(self, limit: int = 8) -> list[dict]:
        """The country pairs with most meetings in this selection."""
        key = self.tally_key
        top = list(
            Tally.objects.filter(key=key, kind="p", n__gt=0)
            .order_by("-n", "ref")
            .values_list("ref", "n")[:limit]
        )
        ids = [int(x) for ref, _ in top for x in ref.split("-")]
        countries = by_id(Country.objects.all(), ids)
        out = []
        for ref, n in top:
            a, b = (countries[int(x)] for x in ref.split("-"))
            a, b = sorted((a, b), key=lambda c: c.code)
            out.append({"a": a, "b": b, "count": n})
        return out


def by_id(qs: QuerySet, ids) -> dict:
    """The rows of qs with these ids, by id: one query even when there are none, so that a
    page costs the same queries whatever it shows."""
    return {row.pk: row for row in qs.filter(pk__in=[*ids, 0])}


# A search whose words match at most this many meetings lists them by id; a commoner word is
# checked meeting by meeting along the date index, where it soon finds a page of them.
FEW_MATCHES = 2000


def matching(words: str) -> list[QuerySet] | list[int]:
    """The published meetings whose title, summary, participants, venue, occasion or topics
    contain every word (up to 8): a list of ids when there are few, else one id subquery per
    word. Each word is a union of index lookups: names are matched in the small tables and
    their meetings read by id; titles and summaries through trigram indexes on PostgreSQL."""
    found = []
    published = Meeting.Status.PUBLISHED
    for word in words.split()[:8]:
        venues = Venue.objects.filter(name__icontains=word).values("id")
        occasions = Occasion.objects.filter(name__icontains=word).values("id")
        officials = Official.objects.filter(
            Q(name__icontains=word) | Q(aliases__icontains=word)
        ).values("id")
        topics = Issue.objects.filter(name__icontains=word).values("id")
        meetings = Meeting.objects.filter(status=published).order_by()
        parts = [
            meetings.filter(title__icontains=word).values_list("id", flat=True),
            meetings.filter(summary__icontains=word).values_list("id", flat=True),
            meetings.filter(venue__in=venues).values_list("id", flat=True),
            meetings.filter(occasion__in=occasions).values_list("id", flat=True),
            Participation.objects.filter(official__in=officials, meeting__status=published)
            .order_by()
            .values_list("meeting_id", flat=True),
            Meeting.issues.through.objects.filter(issue__in=topics, meeting__status=published)
            .order_by()
            .values_list("meeting_id", flat=True),
        ]
        found.append(parts[0].union(*parts[1:]).order_by())
    if not found:
        return []
    every = found[0].intersection(*found[1:]).order_by() if len(found) > 1 else found[0]
    few = list(every[: FEW_MATCHES + 1])
    return [few] if len(few) <= FEW_MATCHES else found


def rows(ids: list[int]) -> list[Meeting]:
    """The meetings with these ids, in this order, with what a row shows (fixed queries)."""
    if not ids:
        return []
    found = Meeting.objects.filter(pk__in=ids).with_related().in_bulk()
    return [found[pk] for pk in ids if pk in found]


class BoundedPaginator(Paginator):
    """Pages of meeting ids that count only up to COUNT_LIMIT + 1 and hold meetings."""

    def __init__(self, *args, count: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = count is not None
        if self.known:
            self.count = count  # exact, and nothing to count

    @cached_property
    def count(self) -> int:
        return self.object_list[: COUNT_LIMIT + 1].count()

    @property
    def more(self) -> bool:
        """Whether the pages stop before the last meeting."""
        return self.count > COUNT_LIMIT

    @property
    def label(self) -> str:
        """The count as shown: exact when known, else "10,000+" past the limit."""
        if self.more and not self.known:
            return f"{COUNT_LIMIT:,}+"
        return f"{self.count:,}"

    @property
    def limit(self) -> str:
        return f"{COUNT_LIMIT:,}"

    @cached_property
    def num_pages(self) -> int:
        shown = min(self.count, COUNT_LIMIT)
        if shown == 0 and not self.allow_empty_first_page:
            return 0
        return max(1, -(-shown // self.per_page))

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list[bottom : bottom + self.per_page])
        return self._get_page(rows(ids), number, self)


def paginate(ids: QuerySet, number, per_page: int | None = None, count: int | None = None) -> Page:
    """One page of meetings; a page number that is not one (page=-1, page=x, too far) is a 404.

    count: the number of meetings when it is known without counting."""
    paginator = BoundedPaginator(ids, per_page or settings.MEETINGS_PER_PAGE, count=count)
    number = number or 1
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404(
            f"There is no page “{str(number)[:20]}” here: pages run from 1 to "
            f"{paginator.num_pages}."
        ) from None
