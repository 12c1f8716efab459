"""Words looked up in the names of officials, topics, venues and occasions, and else in
meetings' titles and summaries: which meetings they match, read from the subjects' listings."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils.functional import cached_property

from meetings.models import Meeting, Occasion, Official, Subject, SubjectMeeting, Topic, Venue

Kind = Subject.Kind

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
