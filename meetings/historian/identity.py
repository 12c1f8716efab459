"""Who is whom across the records: each person a record names becomes an official, the same
one wherever that is unambiguous, never a wrong merge.

- An official already in the tracker (the demo's, the knowledge base's, an earlier import's) is
  matched by full name or alias in the same country; a single name ("Modi") by alias, or by the
  family name of an official of that country holding a position on the day.
- Among the records, the same full name in the same country is one person; a single name joins
  the one full name of that country, within a dozen years, that has it as its first or last word
  (family names come first in Chinese or Korean names); where two full names fit, or none does,
  the single name stands alone, and the same single name years apart is two people.
- The US side is the Presidents' and Secretaries' own terms.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.text import slugify

from meetings.historian.source import Term
from meetings.models import Official, Position, held_on, split_lines
from meetings.text import fold

# a single name goes to a full name whose records run to within this of its own
NEAR = datetime.timedelta(days=3 * 365)
# mentions of a single name further apart than this, with nothing joining them, are two people
GAP_YEARS = 8
HONORIFICS = {"sheikh", "sheikha", "sir", "dr", "mr", "mrs", "madame", "dame", "lord"}


def plain_name(name: str) -> str:
    """The name without honorifics, for comparing: "Sheikh Sabah al-Ahmed" -> "sabah al-ahmed"."""
    name = re.sub(r"\([^)]*\)", " ", name)  # "Henry A. (Heinz Alfred) Kissinger"
    words = [w for w in fold(name).replace(",", " ").split() if w.strip(".") not in HONORIFICS]
    return " ".join(words)


# spellings of one name part: "Abd al-Aziz", "Abdel Aziz", "Abdulaziz"
_SPELLINGS = [
    (re.compile(r"\babd(?:ul|el|al|ol)?[\s-]*(?:al[\s-]+|el[\s-]+)?"), "abd"),
    (re.compile(r"\b(?:mohammed|mohammad|mohamed|muhammed|mohamad)\b"), "muhammad"),
    (re.compile(r"\b(?:al|el|bin|ibn|ben|bint|y|de|da|do|dos|das|del|van|von|der)\b"), " "),
    (re.compile(r"[-'’.]"), " "),
]


def name_key(name: str) -> frozenset[str]:
    """The words a name is known by, spelling aside: initials and particles left out."""
    text = plain_name(name)
    for pattern, repl in _SPELLINGS:
        text = pattern.sub(repl, text)
    words = text.split()
    # a regnal number ("Abdullah II") is no name; a first word is ("Xi Jinping")
    kept = [
        w for n, w in enumerate(words) if len(w) > 1 and (n == 0 or not re.fullmatch(r"[ivx]+", w))
    ]
    # a word said twice is two words of the name: "Abdullah Abdullah" is no "Abdullah II"
    return frozenset(w if w not in kept[:n] else f"{w}#{n}" for n, w in enumerate(kept))


def _close(a: str, b: str) -> bool:
    """The same word, or one letter off in a long one ("Jingping", "Jinping")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _covers(big: frozenset, small: frozenset) -> bool:
    return len(small) >= 2 and all(any(_close(w, v) for v in big) for w in small)


def _merged(groups: dict[frozenset, list]) -> dict[frozenset, list]:
    """Full names of one person spelt several ways, joined: a name whose words all stand in
    exactly one longer (or equally long) name of the same time."""
    keys = sorted(groups, key=lambda k: (-len(k), sorted(k)))
    into: dict[frozenset, frozenset] = {}
    for small in keys:
        homes = [
            big
            for big in keys
            if big != small
            and big not in into
            and _covers(big, small)
            and (len(big) > len(small) or sorted(big) < sorted(small))
            and _near(groups[big], groups[small])
        ]
        if len(homes) == 1:
            into[small] = homes[0]
    out: dict[frozenset, list] = defaultdict(list)
    for key in keys:
        home = key
        while home in into:
            home = into[home]
        out[home] += groups[key]
    return out


def _near(a: list, b: list) -> bool:
    return min(x.day for x in a) - NEAR <= max(y.day for y in b) and min(
        y.day for y in b
    ) - NEAR <= max(x.day for x in a)


def _ends(mentions: list) -> set[str]:
    """The first and last words of the names of these mentions."""
    out = set()
    for m in mentions:
        words = [w for w in re.split(r"[\s-]+", plain_name(m.name)) if w]
        for w in (words[0], words[-1]) if words else ():
            out |= name_key(w)
    return out


def name_words(name: str) -> tuple[str, str]:
    """The first and last words of a plain name (either may be the family name)."""
    words = plain_name(name).replace("-", " ").split()
    return (words[0], words[-1]) if words else ("", "")


@dataclass
class Person:
    """An official as the import writes it (the JSONL official object)."""

    slug: str
    name: str
    country: str
    aliases: list[str] = field(default_factory=list)
    positions: list[tuple[str, str, datetime.date | None, datetime.date | None]] = field(
        default_factory=list
    )

    def line(self) -> dict:
        return {
            "slug": self.slug,
            "name": self.name,
            "aliases": sorted(set(self.aliases) - {self.name}),
            "country": self.country,
            "positions": [
                {
                    "title": title,
                    "country": country,
                    "start": start.isoformat() if start else None,
                    "end": end.isoformat() if end else None,
                }
                for title, country, start, end in sorted(
                    self.positions, key=lambda p: (p[2] or datetime.date.min, p[0])
                )
            ],
        }


@dataclass
class Known:
    """An official already in the tracker."""

    slug: str
    name: str
    aliases: list[str]
    country: str | None
    positions: list  # Position rows (title, country code, start, end)


class Directory:
    """Decides the official of every mention; keeps the officials it made."""

    def __init__(self, countries: dict):
        self.codes = {c.pk: code for code, c in countries.items()}
        self.known: list[Known] = []
        by_official = defaultdict(list)
        for official_id, title, country_id, start, end in Position.objects.values_list(
            "official_id", "title", "country_id", "start", "end"
        ):
            by_official[official_id].append(_Term(title, self.codes.get(country_id), start, end))
        self.by_full: dict[tuple[str, str], list[Known]] = defaultdict(list)
        self.by_country: dict[str, list[Known]] = defaultdict(list)
        self.by_word: dict[tuple[str, str], list[Known]] = defaultdict(list)
        for pk, slug, name, aliases, country_id in Official.objects.values_list(
            "pk", "slug", "name", "aliases", "country_id"
        ):
            known = Known(
                slug, name, split_lines(aliases), self.codes.get(country_id), by_official[pk]
            )
            self.known.append(known)
            countries = {known.country, *(t.country for t in known.positions)} - {None}
            for code in countries:
                self.by_country[code].append(known)
                for spelling in [name, *known.aliases]:
                    self.by_full[(code, plain_name(spelling))].append(known)
                first, last = name_words(name)
                for word in {
                    first,
                    last,
                    *(plain_name(a) for a in known.aliases if " " not in plain_name(a)),
                }:
                    if word:
                        self.by_word[(code, word)].append(known)
        self.slugs = {k.slug for k in self.known}
        self.by_slug = {k.slug: k for k in self.known}
        self.people: dict[str, Person] = {}
        self.us_slugs: dict[str, str] = {}  # the records' person id -> slug

    # -- the US side ------------------------------------------------------------------------

    def us(self, term: Term, terms: list[Term]) -> Person:
        """The official of a President's or Secretary's term, matched to one already in the
        tracker where there is one (the demo's Rubio is the records' Marco Rubio)."""
        if term.person in self.us_slugs:
            return self.people[self.us_slugs[term.person]]
        name = term.name
        short = _short(name)
        known = self._known_full("US", name) or self._known_full("US", short)
        if known is None:
            family = name_words(name)[1]
            fits = [
                k
                for k in self.by_word.get(("US", family), [])
                if any(t.title == term.title and _overlap(t, term) for t in k.positions)
            ]
            known = fits[0] if len(fits) == 1 else None
        slug = known.slug if known else self._slug(name, "US", term.person)
        person = self.people.get(slug)
        if person is None:
            person = Person(
                slug,
                known.name if known else name,
                "US",
                aliases=[*(known.aliases if known else []), short, name],
            )
            self.people[slug] = person
        for t in terms:
            if t.person == term.person:
                position = (t.title, "US", t.start, t.end)
                if position not in person.positions:
                    person.positions.append(position)
        self.us_slugs[term.person] = slug
        return person

    # -- the records' people ----------------------------------------------------------------

    def resolve(self, mentions: list) -> None:
        """Set .official (a slug, or None for an office named without a holder) on every
        mention, creating the officials no one in the tracker is. A mention that already has
        an official (decided by an earlier run) keeps it."""
        for m in mentions:
            if m.official:
                known = self.by_slug.get(m.official)
                if known is not None:
                    self._take(m, known, m.country)
                else:
                    m.official = None
        named = [m for m in mentions if m.name and not m.official]
        self._abroad(named)
        by_country: dict[str, list] = defaultdict(list)
        for m in named:
            by_country[m.country].append(m)
        for country, ms in sorted(by_country.items()):
            self._resolve_country(country, ms)

    def _abroad(self, mentions: list) -> None:
        """A person met abroad whose country the record leaves to the host ("in Ramallah: met
        with Prime Minister Netanyahu") is of another country when only that country's
        records know them by that whole name at the time."""
        seen: dict[frozenset, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for m in mentions:
            if m.country_said:
                seen[name_key(m.name)][m.country].append(m.day)
        for m in mentions:
            if m.country_said:
                continue
            key = name_key(m.name)
            if not key:
                continue
            # the whole name, not one of its words: "Abiy Ahmed" is no "Sabah al-Ahmed"
            here = seen.get(key, {}).get(m.country)
            others = {
                code
                for code, days in seen.get(key, {}).items()
                if code != m.country and any(abs((d - m.day).days) <= 5 * 365 for d in days)
            }
            if not here and len(others) == 1:
                m.country = others.pop()

    def _resolve_country(self, country: str, mentions: list) -> None:
        full = [m for m in mentions if len(name_key(m.name)) > 1]
        single = [m for m in mentions if len(name_key(m.name)) <= 1]
        # full names: the tracker's official, else one person per name, where two spellings of
        # one name ("Salman bin Abdel Aziz al-Saud", "Salman bin Abdulaziz Al Saud") are one
        groups: dict[frozenset, list] = defaultdict(list)
        for m in full:
            known = self._known_full(country, m.name, m.day)
            if known is not None:
                self._take(m, known, country)
            else:
                groups[name_key(m.name)].append(m)
        groups = _merged(groups)
        # single names: the tracker's official holding a position then, else the one full name
        # of the records whose time it falls in, else people of their own
        alone: dict[str, list] = defaultdict(list)
        for m in single:
            key = name_key(m.name)
            word = next(iter(key)) if key else plain_name(m.name)
            known = self._known_word(country, word, m.day, m.title)
            if known is not None:
                self._take(m, known, country)
                continue
            fits = [
                k
                for k, ms in groups.items()
                if key
                and next(iter(key)) in _ends(ms)
                and min(x.day for x in ms) - NEAR <= m.day <= max(x.day for x in ms) + NEAR
            ]
            if len(fits) == 1:
                groups[fits[0]].append(m)
            else:
                alone[word].append(m)
        for _, ms in sorted(groups.items(), key=lambda kv: sorted(kv[0])):
            self._new(country, ms)
        for _, ms in sorted(alone.items()):
            ms.sort(key=lambda m: m.day)
            run = [ms[0]]
            for m in ms[1:]:
                if (m.day - run[-1].day).days > GAP_YEARS * 365:
                    self._new(country, run)
                    run = []
                run.append(m)
            self._new(country, run)

    def _known_full(self, country: str, name: str, day: datetime.date | None = None):
        """The tracker's official of this full name in the country: spelt the same, else the
        only one whose name, spelling aside, has the same words ("Benyamin Netanyahu")."""
        found = {k.slug: k for k in self.by_full.get((country, plain_name(name)), [])}
        if len(found) == 1:
            return next(iter(found.values()))
        key = name_key(name)
        if found or len(key) < 2:
            return None
        close = {
            k.slug: k
            for k in self.by_country.get(country, [])
            if any(
                _covers(name_key(spelling), key) and _covers(key, name_key(spelling))
                for spelling in [k.name, *k.aliases]
            )
        }
        if len(close) == 1:
            return next(iter(close.values()))
        if close or day is None:
            return None
        # one name written in part: the records' "Bola Ahmed Adekunle Tinubu" is the knowledge
        # base's "Bola Tinubu", when he alone of the names that fit held a post of the country
        # on the day
        part = {
            k.slug: k
            for k in self.by_country.get(country, [])
            if k.positions
            and held_on([t for t in k.positions if t.country == country], day) is not None
            and any(
                _covers(name_key(spelling), key) or _covers(key, name_key(spelling))
                for spelling in [k.name, *k.aliases]
            )
        }
        return next(iter(part.values())) if len(part) == 1 else None

    def _known_word(self, country: str, word: str, day: datetime.date, title: str = ""):
        """The tracker's one official of the country known by this word who held a position
        on the day: of that very title where there are several."""
        candidates = self.by_word.get((country, word), [])
        fits = {k.slug: k for k in candidates if _holds(k, country, day)}
        if not fits:
            # known from a few dated records only: a position within a few years of the day
            fits = {k.slug: k for k in candidates if _near_position(k, country, day)}
        if len(fits) > 1 and title:
            fits = {
                slug: k
                for slug, k in fits.items()
                if any(fold(t.title) == fold(title) for t in k.positions if t.country == country)
            }
        return next(iter(fits.values())) if len(fits) == 1 else None

    def _take(self, mention, known: Known, country: str) -> None:
        person = self.people.get(known.slug)
        if person is None:
            person = Person(known.slug, known.name, known.country or country, list(known.aliases))
            self.people[known.slug] = person
        if mention.name not in person.aliases and mention.name != person.name:
            person.aliases.append(mention.name)
        mention.official = known.slug

    def _new(self, country: str, mentions: list) -> None:
        """One new official for these mentions: named by the longest name they use, with a
        position per title, from the first to the last record that gives it."""
        name = max((m.name for m in mentions), key=lambda n: (len(n.split()), len(n)))
        slug = self._slug(name, country, f"{mentions[0].day.year}")
        person = Person(slug, name, country, aliases=sorted({m.name for m in mentions}))
        spans: dict[str, list] = defaultdict(list)
        for m in mentions:
            m.official = slug
            spans[m.title].append(m.day)
        for title, days in spans.items():
            if title:
                person.positions.append((title, country, min(days), max(days)))
        self.people[slug] = person

    def _slug(self, name: str, country: str, tiebreak: str) -> str:
        """A slug no one else has: the name's, then with the country, then with tiebreak."""
        base = slugify(name)[:60] or "official"
        for slug in (base, f"{base}-{country.lower()}", f"{base}-{country.lower()}-{tiebreak}"):
            if slug not in self.slugs and slug not in self.people:
                self.slugs.add(slug)
                return slug
        n = 2
        while f"{base}-{n}" in self.slugs:
            n += 1
        self.slugs.add(f"{base}-{n}")
        return f"{base}-{n}"


def _holds(known: Known, country: str, day: datetime.date) -> bool:
    """Whether an official of the tracker held a position of that country on the day (an
    official without positions is taken at their word)."""
    if not known.positions:
        return True
    return held_on([t for t in known.positions if t.country == country], day) is not None


def _near_position(known: Known, country: str, day: datetime.date) -> bool:
    return any(
        t.country == country
        and (t.start or t.end)
        and (t.start or t.end) - NEAR <= day <= (t.end or t.start) + NEAR
        for t in known.positions
    )


@dataclass
class _Term:
    title: str
    country: str | None
    start: datetime.date | None
    end: datetime.date | None


def _overlap(position: _Term, term: Term) -> bool:
    start = position.start or datetime.date.min
    end = position.end or datetime.date.max
    return start <= (term.end or datetime.date.max) and term.start <= end


def _short(name: str) -> str:
    """ "Dean Gooderham Acheson" -> "Dean Acheson"; initials and suffixes dropped."""
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.|[IVX]+|Jr\.?|Sr\.?", w)]
    return f"{words[0]} {words[-1]}" if len(words) > 2 else " ".join(words)
