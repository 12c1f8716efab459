"""Words looked up in the names of officials, topics, venues, occasions and countries (a
country's as a whole word), and else in meetings' search texts (titles, names, summaries,
sources' titles and quotes): which meetings they match, read from the subjects' listings or
the texts' index; how they rank; and what a misspelt word probably meant.

On PostgreSQL a word is looked for in the texts' full-text vector (English stemming: "tariff"
finds "tariffs"), results are ranked by ts_rank (a word in the title counts most, then in the
names, then in the summary and sources), and "did you mean" takes the most similar word of the
vocabulary by trigrams (pg_trgm). On SQLite a word is a substring of the texts, the rank counts
where the words are found, and "did you mean" is difflib's closest word of the vocabulary.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import BooleanField, Case, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property

from meetings.models import (
    Country,
    Occasion,
    Official,
    SearchText,
    SearchWord,
    Subject,
    SubjectMeeting,
    Topic,
    Venue,
)
from meetings.read.cache import cached
from meetings.read.rows import fetch, table

Kind = Subject.Kind

# A search whose words match at most this many meetings lists them all by id; a commoner
# word shows its newest 2,000 matches, each read newest first from its own index.
FEW_MATCHES = 2000
# A word that the planner's statistics say is in this many times FEW_MATCHES texts is taken to
# be in more than FEW_MATCHES without counting (the statistics of a common word are close: a
# sample of 30,000 texts).
COMMON = 2


def named(column: str, word: str, *, whole: bool = False) -> tuple[str, list[str]]:
    """SQL saying that column contains word, in any case; a word of one or two letters ("Li"),
    or any word when whole, only as a whole word: the database's own lookups (Django's), as
    (condition, params)."""
    ops = connections[router.db_for_read(Subject)].ops
    operators = connections[router.db_for_read(Subject)].operators
    like = ops.prep_for_like_query(word)
    if len(word) >= 3 and not whole:
        tests = [("icontains", f"%{like}%")]
    else:
        tests = [
            ("iexact", ops.prep_for_iexact_query(word)),
            ("istartswith", f"{like} %"),
            ("iendswith", f"% {like}"),
            ("icontains", f"% {like} %"),
        ]
    condition = " OR ".join(
        f"{ops.lookup_cast(lookup, 'CharField') % column} {operators[lookup]}"
        for lookup, _ in tests
    )
    return f"({condition})", [value for _, value in tests]


# What a word is looked up in: the names of each kind (an official's aliases too).
NAMED = {
    Kind.OFFICIAL: (Official, ("name", "aliases")),
    Kind.TOPIC: (Topic, ("name",)),
    Kind.VENUE: (Venue, ("name",)),
    Kind.OCCASION: (Occasion, ("name",)),
    Kind.COUNTRY: (Country, ("name",)),
}
# Kinds whose names a word must match whole: "oman" names Oman, not Romania.
WHOLE_WORDS = {Kind.COUNTRY}


@dataclass
class Word:
    """What a search word matches: officials, topics, venues, occasions and countries by name
    (their subjects, with their numbers of meetings), else titles and summaries (those of named
    things mostly repeat their names)."""

    text: str
    subjects: dict[int, int]  # subject id -> its meetings

    @classmethod
    def read(cls, text: str) -> Word:
        # one lookup per kind, each through its names' and its subjects' indexes, in one query
        # written as SQL (built by the ORM, it cost a third of a search's page)
        parts, params = [], []
        for kind, (model, columns) in NAMED.items():
            whole = kind in WHOLE_WORDS
            conditions = [named(f"t.{column}", text, whole=whole) for column in columns]
            parts.append(
                f"SELECT s.id, s.meetings FROM {table(Subject)} s WHERE s.kind = %s"
                f" AND s.meetings > 0 AND s.{kind}_id IN (SELECT t.id FROM {table(model)} t"
                f" WHERE {' OR '.join(sql for sql, _ in conditions)})"
            )
            params += [kind, *(value for _, values in conditions for value in values)]
        return cls(text=text, subjects=dict(fetch(" UNION ".join(parts), params)))

    @property
    def names_something(self) -> bool:
        return bool(self.subjects)

    def matches(self, *, dated: bool = True) -> QuerySet:
        """(id, date) of its published meetings, or only ids: one lookup in its subjects'
        listings, or in the texts where it names nothing."""
        columns = ("meeting_id", "date") if dated else ("meeting_id",)
        if self.names_something:
            found = SubjectMeeting.objects.filter(subject_id__in=sorted(self.subjects))
            found = found.values_list(*columns).order_by()
            # a meeting can be listed under two of the subjects
            return found.distinct() if len(self.subjects) > 1 else found
        if len(self.text) >= 3:
            return SearchText.objects.filter(in_text(self.text)).values_list(*columns).order_by()
        return SearchText.objects.none().values_list(*columns)

    def newest(self):
        """Its matches newest first, to be read a slice at a time: from the listings of the
        subjects it names (however many: a word such as "summit" names hundreds of
        occasions), else from the texts (see Texts)."""
        if self.names_something:
            return Listed(tuple(sorted(self.subjects)))
        return Texts(self.text, self.estimate)

    @cached_property
    def estimate(self) -> int:
        """How many texts hold it, as PostgreSQL's planner estimates it (see estimated)."""
        return estimated(self.text)

    def at_most(self) -> int | None:
        """How many meetings it matches at most, from the subjects' counts (None for titles)."""
        if not self.names_something:
            return None
        return sum(self.subjects.values())


@dataclass(frozen=True)
class Listed:
    """The meetings listed under any of several subjects, newest first, each once, read a
    slice at a time in one query (PostgreSQL): each subject's listing is read only as deep as
    the slice reaches, from its index, then the rows are merged. (A union of one query per
    subject cost more to plan than to run once the subjects were a few dozen.)"""

    subjects: tuple[int, ...]

    def __getitem__(self, part: slice) -> list[int]:
        start = part.start or 0
        sql = (
            "SELECT l.meeting_id FROM unnest(%s::bigint[]) AS s(id) CROSS JOIN LATERAL"
            f" (SELECT meeting_id, date FROM {table(SubjectMeeting)} WHERE subject_id = s.id"
            " ORDER BY date DESC, meeting_id DESC LIMIT %s) l GROUP BY l.meeting_id, l.date"
            " ORDER BY l.date DESC, l.meeting_id DESC LIMIT %s OFFSET %s"
        )
        params = [list(self.subjects), part.stop, part.stop - start, start]
        return [pk for (pk,) in fetch(sql, params)]


@dataclass(frozen=True)
class Texts:
    """The texts holding a word, newest first, read a slice at a time (PostgreSQL). A word in
    more than ALONG_DATES texts, as the planner estimates from the vectors' statistics, is read
    along the texts' index of dates, checking each text until the slice is full. Any other is
    looked up a year at a time, newest first, in the full-text index (each vector holds its
    year as a word, "y2024"), until the years read hold the slice: only those years' matches
    are read from the table and sorted. (Sorting all the matches of a word in 7,000 texts read
    7,000 pages of the table: 200 ms at 1,000,000 meetings when they were not in memory; along
    the dates alone, a word whose matches are all old had every newer text checked.)"""

    word: str
    estimate: int  # how many texts hold it (estimated)

    ALONG_DATES = 10_000

    def __getitem__(self, part: slice) -> list[int]:
        start = part.start or 0
        query = "plainto_tsquery('english'::regconfig, %s)"
        if self.estimate > self.ALONG_DATES:
            sql = (
                f"SELECT meeting_id FROM {table(SearchText)} WHERE vector @@ {query}"
                " ORDER BY date DESC, meeting_id DESC LIMIT %s OFFSET %s"
            )
            return [pk for (pk,) in fetch(sql, [self.word, part.stop - start, start])]
        texts = table(SearchText)
        # one year's matches, newest first; {year}: the year's SQL
        year = (
            f"ARRAY(SELECT meeting_id FROM {texts} WHERE vector @@ ({query}"
            " && to_tsquery('simple'::regconfig, 'y' || {year})) ORDER BY date DESC,"
            " meeting_id DESC)"
        )
        sql = (
            "WITH RECURSIVE span AS (SELECT CAST(EXTRACT(YEAR FROM MIN(date)) AS integer) AS first,"
            f" CAST(EXTRACT(YEAR FROM MAX(date)) AS integer) AS last FROM {texts}),"
            f" walk(year, ids) AS (SELECT last, {year.format(year='last')} FROM span"
            f" UNION ALL SELECT w.year - 1, w.ids || {year.format(year='w.year - 1')}"
            " FROM walk w, span WHERE cardinality(w.ids) < %s AND w.year > span.first)"
            " SELECT id FROM (SELECT ids FROM walk ORDER BY year LIMIT 1) found,"
            " unnest(found.ids) WITH ORDINALITY AS listed(id, place)"
            " ORDER BY place LIMIT %s OFFSET %s"
        )
        params = [self.word, self.word, part.stop, part.stop - start, start]
        return [pk for (pk,) in fetch(sql, params)]


def estimated(word: str) -> int:
    """How many texts hold the word, as PostgreSQL's planner estimates it (from the
    statistics ANALYZE keeps of the vectors' commonest words; no text is read)."""
    sql = (
        f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table(SearchText)}"
        " WHERE vector @@ plainto_tsquery('english'::regconfig, %s)"
    )
    [(plan,)] = fetch(sql, [word])
    return int(plan[0]["Plan"]["Plan Rows"])


class Search:
    """The meetings matching every word. One word, on PostgreSQL (word): read page by page,
    newest first, all of them (few enough) or the newest 2,000 (dense). With other filters:
    the few matches' ids (few), or one id subquery per word (each)."""

    def __init__(self, words: list[Word]):
        self.words = words
        self.dense = False
        self.word = None
        self.exact = None
        if len(words) == 1 and postgresql():
            self.word = words[0]
            most = self.word.at_most()
            names = len(self.word.subjects)
            # one name: its subject says exactly how many meetings it has
            self.exact = most if names == 1 else None
            if most is None and self.word.estimate > COMMON * FEW_MATCHES:
                # in texts, and so common by the planner's statistics that reading up to
                # FEW_MATCHES of their ids to be sure would be wasted: its newest are shown
                self.__dict__["few"] = None
                most = FEW_MATCHES + 1
            elif most is None:  # texts: read their ids, up to the limit (few reuses them)
                found = [pk for (pk,) in self.word.matches(dated=False)[: FEW_MATCHES + 1]]
                self.__dict__["few"] = found if len(found) <= FEW_MATCHES else None
                most = len(found)
            self.dense = most > FEW_MATCHES

    @property
    def ranks(self) -> bool:
        """Whether its matches are ranked: when a word is looked for in the texts, or there
        are several words. One name's matches (an official's, a venue's) are its meetings,
        newest first, as on its page, read a page at a time from its listing."""
        return len(self.words) > 1 or not self.words[0].names_something

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


def postgresql() -> bool:
    return connections[router.db_for_read(SearchText)].vendor == "postgresql"


def in_text(word: str) -> Q | RawSQL:
    """The search texts holding the word (a condition on SearchText)."""
    if postgresql():
        return RawSQL(
            "vector @@ plainto_tsquery('english'::regconfig, %s)",
            [word],
            output_field=BooleanField(),
        )
    return Q(title__icontains=word) | Q(names__icontains=word) | Q(body__icontains=word)


def ranked(ids: list[int], text: str) -> list[int]:
    """These meetings, best match for the words first (then newest first): one query."""
    if not ids:
        return []
    words = text.split()[:8]
    if postgresql():
        # written as SQL, the ids one array: up to 2,000 ids as as many parameters of an ORM
        # query cost 10 ms of Python to bind
        query = " || ".join(["plainto_tsquery('english'::regconfig, %s)"] * len(words))
        sql = (
            f"SELECT meeting_id FROM {table(SearchText)} WHERE meeting_id = ANY(%s)"
            f" ORDER BY ts_rank(vector, {query}) DESC, date DESC, meeting_id DESC"
        )
        order = [pk for (pk,) in fetch(sql, [list(ids), *words])]
    else:
        # SQLite: a word in the title weighs 4, in the names 2, in the summary or sources 1
        score = Value(0)
        for word in words:
            for field, weight in (("title", 4), ("names", 2), ("body", 1)):
                score = score + Case(
                    When(**{f"{field}__icontains": word}, then=Value(weight)),
                    default=Value(0),
                )
        order = list(
            SearchText.objects.filter(meeting_id__in=ids)
            .annotate(score=score)
            .order_by("-score", "-date", "-meeting_id")
            .values_list("meeting_id", flat=True)
        )
    # a meeting without its text yet (before rebuild_index) still shows, last
    seen = set(order)
    return order + [pk for pk in ids if pk not in seen]


def vocabulary() -> list[str]:
    return cached("search-words", lambda: list(SearchWord.objects.values_list("word", flat=True)))


def closest(word: str) -> str | None:
    """The known word most like this one, if one is much like it."""
    word = word.casefold()
    if len(word) < 3 or len(word) > 60:
        return None
    if postgresql():
        found = (
            SearchWord.objects.filter(RawSQL("word %% %s", [word], output_field=BooleanField()))
            .annotate(likeness=RawSQL("similarity(word, %s)", [word], output_field=FloatField()))
            .order_by("-likeness", "word")
            .values_list("word", flat=True)[:1]
        )
        return next(iter(found), None)
    found = difflib.get_close_matches(word, vocabulary(), n=1, cutoff=0.75)
    return found[0] if found else None


def finds_something(word: str, read: Word | None = None) -> bool:
    found = read or Word.read(word)
    if found.names_something:
        return True
    return len(word) >= 3 and SearchText.objects.filter(in_text(word)).exists()


def suggestion(text: str, search: Search | None = None) -> str | None:
    """What a search that found nothing probably meant: each of its first four words that
    finds nothing replaced by the most similar known word; None when there is nothing better.
    search: that search, whose words were looked up already (one word: it finds nothing)."""
    words = text.split()[:4]
    read = {w.text: w for w in search.words} if search is not None else {}
    alone = search is not None and len(search.words) == 1
    better = []
    for word in words:
        if "\x00" in word or (not alone and finds_something(word, read.get(word))):
            better.append(word)
        else:
            better.append(closest(word) or word)
    fixed = " ".join(better)
    return fixed if better != words else None
