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
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
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
    Tally,
    Venue,
)
from meetings.rows import load as rows
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
    def search(self) -> Search | None:
        """What the words match (looked up once per selection)."""
        return matching(self.words) if self.words else None

    @property
    def only_words(self) -> bool:
        """Whether the selection is a search and nothing else."""
        return dataclasses.replace(self, words="") == Selection()

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
            qs = self.narrowed_down(qs, meeting="", pk="pk")
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
        qs = self.narrowed_down(qs, meeting="meeting__", pk="meeting_id")
        return qs.order_by("-date", "-meeting_id").values_list("meeting_id", flat=True)

    def narrowed_down(self, qs: QuerySet, *, meeting: str, pk: str) -> QuerySet:
        """qs (meetings, or facets: meeting="meeting__") with the selection's venue, occasion,
        kind, dates and words; pk names the meeting's id in qs."""
        if self.venue is not None:
            qs = qs.filter(**{f"{meeting}venue": self.venue})
        if self.occasion is not None:
            qs = qs.filter(**{f"{meeting}occasion": self.occasion})
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
        if self.tally_key is not None:
            return sum(y["count"] for y in self.years())
        pair = self.cross_tally()
        if pair is None:
            return None
        key, kind, ref = pair
        row = Tally.objects.filter(key=key, kind=kind, ref=ref).values_list("n", flat=True)
        return next(iter(row), 0)

    # what the tallies count of a country's or a pair's meetings (meetings.index.contribution)
    CROSS = {"c": ("i", "o"), "p": ("i", "o", "v")}

    def cross_tally(self) -> tuple[str, str, str] | None:
        """(key, kind, ref) of the tally that counts this selection when it is a country or a
        pair with one topic, official or venue (India–US on trade), else None."""
        if self.kind or self.start or self.end or self.words or self.occasion:
            return None
        keys = self.facet_keys()
        if self.venue is not None:
            keys.append(f"v:{self.venue.pk}")
        if len(keys) != 2:
            return None
        place = [k for k in keys if k[0] in self.CROSS]
        other = [k for k in keys if k[0] not in self.CROSS]
        if len(place) != 1 or len(other) != 1:
            return None
        kind, ref = other[0].split(":")
        if kind not in self.CROSS[place[0][0]]:
            return None
        return place[0], kind, ref

    def page(self, number, per_page: int | None = None) -> Page:
        if self.only_words:
            search = self.search
            if search is not None and search.word is not None:
                # one word: its matches read from the lookups of the names it matches
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

    def latest(self, n: int) -> list[Meeting]:
        return rows(list(self.ids()[:n]))

    # -- figures ------------------------------------------------------------------------------

    def tallies(self, kind: str) -> dict[str, int]:
        if kind in self.read_ahead:
            return dict(self.read_ahead[kind])
        return dict(
            Tally.objects.filter(key=self.tally_key, kind=kind, n__gt=0).values_list("ref", "n")
        )

    @cached_property
    def read_ahead(self) -> dict[str, list[tuple[str, int]]]:
        """Tallies read in advance by read_tallies(): kind -> (ref, n), most first."""
        return {}

    def read_tallies(self, *kinds: str) -> None:
        """Read the tallies of these kinds at once (a page that shows several of them: one
        query instead of one per kind). Only for kinds with tens or hundreds of rows."""
        found: dict[str, list[tuple[str, int]]] = {kind: [] for kind in kinds}
        for kind, ref, n in (
            Tally.objects.filter(key=self.tally_key, kind__in=kinds, n__gt=0)
            .order_by("-n", "ref")
            .values_list("kind", "ref", "n")
        ):
            found[kind].append((ref, n))
        self.read_ahead.update(found)

    def top(self, kind: str, limit: int, refs: list[str] | None = None) -> list[tuple[str, int]]:
        """The (ref, n) of a kind with most meetings, refs: among these only."""
        if kind in self.read_ahead:
            rows = self.read_ahead[kind]
            if refs is not None:
                wanted = set(refs)
                rows = [row for row in rows if row[0] in wanted]
            return rows[:limit]
        qs = Tally.objects.filter(key=self.tally_key, kind=kind, n__gt=0)
        if refs is not None:
            qs = qs.filter(ref__in=refs)
        return list(qs.order_by("-n", "ref").values_list("ref", "n")[:limit])

    def years(self) -> list[dict]:
        """Meetings per year, every year from the first to the last (gaps show as zero)."""
        return self.year_rows

    @cached_property
    def year_rows(self) -> list[dict]:
        # read once: a page shows the years and takes its total from them
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
        refs = None
        if only is not None:
            refs = [str(pk) for pk in only.values_list("pk", flat=True)]
        top = self.top(kind, limit, refs)
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
        top = self.top("p", limit)
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
    """What a search word matches: officials, topics, venues and occasions by name, else
    titles and summaries (those of named things mostly repeat their names)."""

    text: str
    keys: list[str]  # facet keys of the officials and topics
    venues: list[int]
    occasions: list[int]

    @classmethod
    def read(cls, text: str) -> Word:
        officials = Official.objects.filter(named("name", text) | named("aliases", text))
        topics = Issue.objects.filter(named("name", text))
        return cls(
            text=text,
            keys=[f"o:{pk}" for pk in officials.values_list("pk", flat=True)]
            + [f"i:{pk}" for pk in topics.values_list("pk", flat=True)],
            venues=list(Venue.objects.filter(named("name", text)).values_list("pk", flat=True)),
            occasions=list(
                Occasion.objects.filter(named("name", text)).values_list("pk", flat=True)
            ),
        )

    @property
    def names_something(self) -> bool:
        return bool(self.keys or self.venues or self.occasions)

    def matches(self, newest: int | None = None, *, dated: bool = True) -> QuerySet:
        """(id, date) of its published meetings, or only ids: a union of index lookups. newest:
        one lookup per name, each limited to its newest (where the database can order inside
        a union), for a word with many matches; else one lookup per kind of name."""
        columns = ("id", "date") if dated else ("id",)
        meetings = Meeting.objects.filter(status=Meeting.Status.PUBLISHED).values_list(*columns)
        facets = Facet.objects.annotate(id=F("meeting_id")).values_list(*columns)
        if newest:
            parts = [meetings.filter(venue_id=pk) for pk in self.venues]
            parts += [meetings.filter(occasion_id=pk) for pk in self.occasions]
            parts += [facets.filter(key=key) for key in self.keys]
        else:
            parts = [meetings.filter(venue_id__in=self.venues)] if self.venues else []
            parts += [meetings.filter(occasion_id__in=self.occasions)] if self.occasions else []
            parts += [facets.filter(key__in=self.keys)] if self.keys else []
        if not self.names_something and len(self.text) >= 3:
            parts += [
                meetings.filter(title__icontains=self.text),
                meetings.filter(summary__icontains=self.text),
            ]
        parts = [part.order_by() for part in parts]
        if not parts:
            return meetings.none()
        if len(parts) == 1:
            return parts[0]
        if newest:
            parts = [part.order_by("-date", "-id")[:newest] for part in parts]
        return parts[0].union(*parts[1:]).order_by()

    def at_most(self) -> int | None:
        """How many meetings it matches at most, from the tallies (None for titles)."""
        if not self.names_something:
            return None
        refs: dict[str, list[str]] = {"v": [str(pk) for pk in self.venues]}
        refs["e"] = [str(pk) for pk in self.occasions]
        for key in self.keys:
            kind, ref = key.split(":")
            refs.setdefault(kind, []).append(ref)
        wanted = Q()
        for kind, values in refs.items():
            if values:
                wanted |= Q(kind=kind, ref__in=values)
        return sum(Tally.objects.filter(wanted, key=ALL).values_list("n", flat=True))


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
            names = len(self.word.keys) + len(self.word.venues) + len(self.word.occasions)
            # one name: the tallies say exactly how many meetings it has
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


class BoundedPaginator(Paginator):
    """Pages of meeting ids that count only up to a limit (COUNT_LIMIT) and hold meetings."""

    def __init__(
        self, *args, count: int | None = None, limit: int = 0, exact: bool = True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.cap = limit or COUNT_LIMIT
        self.known = count is not None and exact
        if count is not None:
            self.count = count  # nothing to count

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.cap + 1].count()

    @property
    def more(self) -> bool:
        """Whether the pages stop before the last meeting."""
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
        # ids, or (id, date) rows from a search read newest first
        ids = [
            row[0] if isinstance(row, tuple) else row
            for row in self.object_list[bottom : bottom + self.per_page]
        ]
        return self._get_page(rows(ids), number, self)


def paginate(
    ids: QuerySet,
    number,
    per_page: int | None = None,
    count: int | None = None,
    limit: int = 0,
    exact: bool = True,
) -> Page:
    """One page of meetings; a page number that is not one (page=-1, page=x, too far) is a 404.

    count: the number of meetings when it is known without counting."""
    paginator = BoundedPaginator(
        ids, per_page or settings.MEETINGS_PER_PAGE, count=count, limit=limit, exact=exact
    )
    return page_or_404(paginator, number or 1)


def page_or_404(paginator: Paginator, number) -> Page:
    """The page; a page number that is not one (page=-1, page=x, too far) is a 404."""
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404(
            f"There is no page “{str(number)[:20]}” here: pages run from 1 to "
            f"{paginator.num_pages}."
        ) from None
