"""Finding officials in a sentence: title, name, the country that qualifies them, counterparts."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from meetings.intake.bodies import body_of
from meetings.intake.lexicon import (
    ABBREVIATED_TITLES,
    HONORIFIC,
    MIDDLE_INITIALS,
    NAME,
    NOT_NAME_WORDS,
    TITLE_COUNTRY,
    TITLE_MODIFIERS,
    TITLES,
    KnownOfficial,
    Lexicon,
    fold,
)

COUNTERPART = "counterpart"
# Capitalised words that start sentences, not titles: "When Prime Minister Sharif ..."
SENTENCE_WORDS = (
    r"(?:When|As|After|Before|While|Since|If|The|A|An|In|On|At|But|And|Yesterday|Today|Also"
    r"|Then|Meanwhile|Later|Earlier|Last|This|That|Both|His|Her|Their|Its|Our|For|From|With"
    # "On Monday Indian Prime Minister X": a day or a month is no word of a title
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|June|July|August|September|October|November|December)\b"
)
FOLDED_TITLES = frozenset(fold(t) for t in TITLES)
TITLE_WORDS = frozenset(word for t in FOLDED_TITLES for word in t.split())
# The body of a country a post belongs to, written between the country and the title
BODY_AFTER_COUNTRY = re.compile(
    r"\s+(?:[Pp]arliament(?:ary)?|National\s+Assembly|[Ss]enate|[Aa]rmy|[Gg]overnment"
    # "China's visiting leader X", "Japan's new Prime Minister Y"
    r"|visiting|new|newly[- ]elected|outgoing|incoming|acting|interim|top)$"
)
ENVOY_WORDS = re.compile(r"(?i:ambassador|high\s+commissioner)")
# A courtesy word before a surname: "Mr Albanese", "Dr. Jaishankar", "Sheikh Tamim"
HONORIFIC_WORD = (
    r"(?:Mr|Mrs|Ms|Dr|Prof|Hon|Sheikh|Sheikha|Shri|Sri|Datuk|Dato'?|Tun|Alhaji|Excellency)\.?"
)


@dataclass
class Person:
    """Someone the article names or describes; the same person across sentences."""

    key: str
    name: str | None
    title: str | None = None
    country: str | None = None
    official_id: int | None = None
    sentence: str = ""
    country_evidence: str = ""  # why we think the country is theirs
    seen: int = 0  # the last sentence that named them
    tracker_country: str | None = None  # the tracker's country for them, the last resort
    body: str | None = None  # the international body whose post the text gives them

    def short_names(self) -> list[str]:
        return short_names(self.name) if self.name else []


def short_names(name: str) -> list[str]:
    """How later sentences may call them: the last name, or the first of a two-word name
    written family name first ("Wang" for Wang Yi)."""
    words = [
        w
        for w in name.replace(",", " ").split()
        if not w.endswith(".") and w not in {"Jr", "Sr", "II", "III", "IV"}
    ]
    short = [fold(words[-1])] if words else []
    if len(words) == 2 and len(words[0]) >= 2:
        short.append(fold(words[0]))
    if len(words) == 3 and all(w[:1].isupper() and len(w) >= 3 for w in words):
        # "Abdo" and "Abdo Benítez" for Mario Abdo Benítez: a father's family name, used alone
        # or with the mother's
        short += [fold(words[1]), fold(" ".join(words[1:]))]
    if any(fold(w) in {"bin", "bint", "ibn"} for w in words[1:]):
        short.append(fold(words[0]))  # "Sheikh Tamim" for Tamim bin Hamad Al Thani
    for before, particle in zip(words, words[1:], strict=False):
        # "Ortega" for Daniel Ortega y Saavedra, "Peña" for Santiago Peña de la Cruz
        if fold(particle) in NAME_PARTICLE_WORDS and before[:1].isupper() and before != words[0]:
            short.append(fold(before))
    return short


@dataclass
class Mention:
    person: Person
    start: int
    end: int


# the body a country word names in "President of the European Commission"
INSTITUTION = r"(?:Commission|Council|Parliament|Union|Federation)"
# "in Honolulu", "at Sochi": what a place's name follows (not "to" nor "from": "spoke to Lula")
PLACE_BEFORE = re.compile(r"\b(?:in|at|near|capital,?|city\s+of)\s+$")


def names_a_thing(sentence: str, start: int, end: int) -> bool:
    """Whether the single word at sentence[start:end] is part of the name of a place or a
    thing: after "the" ("The Hague") or before "of" ("the Horn of Africa")."""
    before = sentence[max(0, start - 4) : start].lower()
    if before == "the " or sentence[end : end + 4] == " of ":
        return True
    # "Senior State Department Official", "Young Leaders Council": the word qualifies an
    # institution or a post written after it
    after = re.match(r"\s+([A-Z][a-z]+)", sentence[end:])
    return bool(after) and fold(after[1]) in NOT_PERSON_WORDS


@dataclass
class People:
    """The article's cast: everyone found so far, by folded name and by surname."""

    lexicon: Lexicon
    by_key: dict[str, Person] = field(default_factory=dict)
    by_surname: dict[str, Person] = field(default_factory=dict)
    by_first: dict[str, list[Person]] = field(default_factory=dict)  # by the first word
    by_given: dict[str, Person] = field(default_factory=dict)  # the first word, as a last resort
    anonymous: int = 0
    _patterns: dict[str, re.Pattern] = field(default_factory=dict)
    # The country of a place a title names ("Crown Prince of Dubai"), from the gazetteer.
    place_country: Callable[[str], str | None] | None = None
    sentences: int = 0  # how many sentences find has read
    reference: datetime.date | None = None  # the day the article speaks from
    # "Joko Widodo (Jokowi)": the alias in brackets, by the folded last word of the name
    aliases: dict[str, str] = field(default_factory=dict)
    # what the tracker knows of those named, by their official's id
    known: dict[int, KnownOfficial] = field(default_factory=dict)

    def patterns(self) -> dict[str, re.Pattern]:
        if not self._patterns:
            self._patterns = compile_patterns(self.lexicon)
        return self._patterns

    def country_of(self, word: str | None) -> str | None:
        if not word:
            return None
        word = re.sub(r"\s+(?:administration|government|regime|side)(?:'s)?$", "", fold(word))
        if word.endswith("'s"):
            word = word[:-2]
        elif word.endswith(("'", "’")):
            word = word[:-1]  # "Cyprus' Interior Minister"
        return self.lexicon.country_names.get(word)

    def role_holder(self, country: str | None, title: str, sentence: str) -> Person:
        """The unnamed holder of a role ("the Saudi crown prince"): the same person each time."""
        key = f"~{country}-{fold(title)}"
        if key not in self.by_key:
            self.by_key[key] = Person(
                key=key, name=None, title=title, country=country, sentence=sentence
            )
        return self.by_key[key]

    def same_but_misspelled(self, name: str) -> Person | None:
        """Someone named before whose name this one is, cut short or misspelled."""
        # "Alasane Ouattara" after "Alassane Ouattara": the same family name and a given name
        # a letter or two apart.
        words = name.split()
        if len(words) < 2:
            return None
        # "Tamim bin Hamad" after "Tamim bin Hamad Al Thani": the name cut short
        for other in self.by_first.get(fold(words[0]), [])[-50:]:
            if fold(other.name).startswith(fold(name) + " "):
                return other
        earlier = self.by_surname.get(fold(words[-1]))
        if earlier is None and len(words) == 2:
            # "Mahinda Rajapaksha" after "Mahenda Rajapaksa": both words a letter or two apart
            given, family = fold(words[0]), fold(words[1])
            for first, persons in self.by_first.items():
                if first[:2] != given[:2] or not close_spelling(first, given):
                    continue
                for other in persons[-5:]:
                    parts = fold(other.name).split()
                    same_start = len(parts) == 2 and parts[1][:2] == family[:2]
                    if same_start and close_spelling(parts[1], family):
                        return other
            return None
        if earlier is None or not earlier.name or len(earlier.name.split()) != len(words):
            return None
        given, other = fold(words[0]), fold(earlier.name.split()[0])
        if given[:1] == other[:1] and close_spelling(given, other):
            return earlier
        return None

    def within_longer_name(self, name: str) -> Person | None:
        """The one person named before whose longer name holds every word of this one,
        articles aside: "Sheikh Ahmad Al-Nasser" after Ahmad Nasser al-Mohammed al-Sabah."""
        words = name_words(name)
        if len(words) < 2:
            return None
        found = {
            id(person): person
            for person in self.by_key.values()
            if person.name
            and len(name_words(person.name)) > len(words)
            and words <= name_words(person.name)
            and fold(person.name.split()[0]) == fold(name.split()[0])
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def misspelt_surname(self, word: str) -> Person | None:
        """The one person named before whose family name this word is, a letter dropped,
        added or changed: "Zarf" after Mohammad Javad Zarif."""
        folded = fold(word)
        if len(folded) < 4 or folded in TITLE_WORDS or self.country_of(word):
            return None
        found = {
            id(person): person
            for surname, person in self.by_surname.items()
            if len(surname) >= 5
            and surname[:2] == folded[:2]
            and abs(len(surname) - len(folded)) <= 1
            and spelling_distance(surname, folded) == 1
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def same_person(self, person: Person, alias: str) -> None:
        """The alias names person from now on; someone met before under the alias alone
        becomes them (their key and name), so meetings found with either are one."""
        earlier = self.by_key.get(alias)
        if (
            earlier is not None
            and earlier is not person
            and earlier.name
            and " " not in earlier.name
        ):
            earlier.key, earlier.name = person.key, person.name
            earlier.official_id = earlier.official_id or person.official_id
            earlier.country = earlier.country or person.country
            self.by_key[alias] = person
        self.by_surname[alias] = person

    def named_by_alias(self, name: str) -> Person | None:
        """Someone met first by the alias this full name gives in brackets: "President Jokowi"
        in the headline, "Joko Widodo (Jokowi)" in the text. They take the full name."""
        alias = self.aliases.get(fold(name.split()[-1]))
        earlier = self.by_key.get(alias) if alias else None
        if earlier is None or not earlier.name or " " in earlier.name or earlier.official_id:
            return None
        del self.by_key[earlier.key]
        earlier.name, earlier.key = name, fold(name)
        self.by_key[earlier.key] = earlier
        for short in earlier.short_names():
            self.by_surname.setdefault(short, earlier)
        return earlier

    def countries_behind(self, sentence: str, position: int) -> list[tuple[str, int]]:
        """Every country word of a list ending just before position."""
        # "Niger and Chad" in "Niger and Chad Presidents".
        found = []
        while (behind := self.country_behind(sentence, position)) is not None:
            found.insert(0, behind)
            gap = re.search(r"(?:,\s*and|,|and|&)\s*$", sentence[max(0, behind[1] - 8) : behind[1]])
            if gap is None:
                break
            position = behind[1] - (len(sentence[max(0, behind[1] - 8) : behind[1]]) - gap.start())
        return found

    def country_behind(self, sentence: str, position: int) -> tuple[str, int] | None:
        """The country word ending just before position ("US ", "Japan's "): (word, its start).

        A dictionary look-up of the last few words, far cheaper than a regular expression
        with every country word in it."""
        offset = max(0, position - 60)
        head = sentence[offset:position].rstrip()
        # "Macedonian parliament Speaker X": the country before the body the post is of
        head = BODY_AFTER_COUNTRY.sub("", head)
        words = list(re.finditer(r"[\w.'\-\u00C0-\u024F]+", head))
        for k in range(min(6, len(words)), 0, -1):
            first = words[-k]
            text = head[first.start() :]
            # a country's name is capitalised: "the island's foreign minister" is no Iceland's
            if first[0][0].isupper() and self.country_of(text):
                return text, offset + first.start()
        return None

    def place_behind(self, sentence: str, position: int) -> tuple[str, int] | None:
        """The country of a place named by the capitalised words ending just before position
        ("Abu Dhabi " in "Abu Dhabi Crown Prince"), and where they start."""
        if self.place_country is None:
            return None
        offset = max(0, position - 40)
        head = sentence[offset:position]
        words = list(re.finditer(r"[\w'\-\u00C0-\u024F]+", head))[-3:]
        while words and not words[0][0][0].isupper():
            words.pop(0)
        if not words or head[words[-1].end() :].strip():
            return None
        for first in words:
            name = head[first.start() : words[-1].end()]
            if (
                not all(w[0].isupper() for w in name.split())
                or set(fold(name).split()) & PORTFOLIOS
            ):
                continue
            if re.search(r"\bin\s+$", head[: first.start()]):
                continue  # "received in Harare Minister X": where, not whose minister
            country = self.place_country(name)
            if country:
                return country, offset + first.start()
        return None

    def starts_country_name(self, sentence: str, start: int, end: int) -> bool:
        """Whether the words from start to end begin a longer name of a country."""
        country = self.lexicon.country_pattern.match(sentence, start)
        return country is not None and country.end() > end

    def after_title_of(self, sentence: str, position: int) -> bool:
        """Whether "of", or "of <country>" (and a comma), ends just before position."""
        comma = re.search(r",\s*$", sentence[max(0, position - 4) : position])
        position -= len(comma[0]) if comma else 0
        behind = self.country_behind(sentence, position)
        at = behind[1] if behind else position
        return re.search(r"\bof\s+(?:the\s+)?$", sentence[max(0, at - 8) : at]) is not None

    def known_by_initials(self, name: str) -> KnownOfficial | None:
        """The one official whose given names these initials stand for, the rest of the name
        the same: "K.P. Sharma Oli" or "KP Sharma Oli" for Khadga Prasad Sharma Oli."""
        match = INITIALS.match(name)
        if not match:
            return None
        letters = re.sub(r"[^A-Za-z]", "", match[0]).lower()
        rest = fold(name[match.end() :]).split()
        if not rest:
            return None
        ending = " " + " ".join(rest)
        fits = {
            known.official_id: known
            for spelling, known in self.lexicon.officials.items()
            if spelling.endswith(ending)
            and "".join(w[0] for w in spelling[: -len(ending)].split()) == letters
        }
        return next(iter(fits.values())) if len(fits) == 1 else None

    def known_misspelt(self, name: str) -> KnownOfficial | None:
        """The one official in office around the report whose name this is, one word a letter
        or two off: "Yun Byun-se" for Yun Byung-se, "Gotabhaya Rajapaksa" for Gotabaya."""
        words = fold(name).split()
        if len(words) < 2:
            return None
        fits: dict[int, tuple[int, KnownOfficial]] = {}
        candidates = {
            *self.lexicon.by_end_word.get(words[0], ()),
            *self.lexicon.by_end_word.get(words[-1], ()),
        }
        for full, known in candidates:
            other = full.split()
            if len(other) != len(words):
                continue
            differ = [(a, b) for a, b in zip(words, other, strict=True) if a != b]
            if (
                len(differ) == 1
                and differ[0][0][:1] == differ[0][1][:1]
                and close_spelling(*differ[0])
                and (self.reference is None or known.served_on(self.reference, years=2))
            ):
                distance = spelling_distance(*differ[0])
                if fits.get(known.official_id, (3,))[0] > distance:
                    fits[known.official_id] = (distance, known)
        # the nearest spelling, or none when two as near are of two countries; of one country
        # they are one person recorded twice ("Ranil Wikramasinghe": Wickremasinghe and
        # Wickremesinghe), the one with the fuller record
        if not fits:
            return None
        nearest = min(distance for distance, _ in fits.values())
        tied = [known for distance, known in fits.values() if distance == nearest]
        if len({known.country for known in tied}) > 1:
            return None
        return max(tied, key=lambda known: (len(known.terms), -known.official_id))

    def part_of_another_name(self, sentence: str, start: int, end: int) -> bool:
        """Whether the single word at sentence[start:end] runs on into a longer name: a
        capitalised word right before it that is no title, honorific, country or first word
        of its sentence ("Jake Sullivan"), or one right after it that is no day, month, title
        or country ("Santa Marta")."""
        before = re.search(r"(?<![\w'])([A-Z][\w'\-\u00C0-\u024F]*) +$", sentence[:start])
        if before:
            word, ahead = before[1], sentence[: before.start(1)].rstrip(" \"'“‘([")
            if not (
                not ahead
                or ahead.endswith((".", ":", "\n", "—", "–", "-", "|"))
                or fold(word) in TITLE_WORDS
                or re.fullmatch(HONORIFIC_WORD, word)
                or re.fullmatch(SENTENCE_WORDS, word)  # "In June Modi met Biden"
                or word.endswith("'s")
                or self.country_of(word)
            ):
                return True
        after = re.match(r" +([A-Z][\w'\-\u00C0-\u024F]*)", sentence[end:])
        return bool(after) and not (
            re.fullmatch(SENTENCE_WORDS, after[1])
            or fold(after[1]) in TITLE_WORDS
            or self.country_of(after[1].removesuffix("'s"))
        )

    def names_a_place(self, sentence: str, start: int, end: int) -> bool:
        """Whether the single word at sentence[start:end], the name of a place, is that place
        here: after "in", "at", "near" or "capital" ("met in Honolulu", "Oman's capital
        Muscat"), or beside another place with "and"
        ("Tehran and Muscat have always held consultations")."""
        if self.place_country is None or not self.place_country(sentence[start:end]):
            return False
        if PLACE_BEFORE.search(sentence, max(0, start - 12), start):
            return True
        before = re.search(r"([A-Z][\w'-]+)\s+(?:and|&)\s+$", sentence[max(0, start - 40) : start])
        after = re.match(r"\s+(?:and|&)\s+([A-Z][\w'-]+)", sentence[end:])
        return any(
            m and (self.place_country(m[1]) or self.country_of(m[1])) for m in (before, after)
        )

    def register(
        self, name: str | None, title: str | None, country: str | None, sentence: str
    ) -> Person:
        """The person with this name, created or completed with what this mention adds."""
        if name:
            known = (
                self.lexicon.officials.get(fold(name))
                # "Antony J. Blinken" for Antony Blinken
                or self.lexicon.officials.get(fold(MIDDLE_INITIALS.sub(" ", name)))
                or self.known_misspelt(name)
                or self.known_by_initials(name)
            )
            if len(name.split()) == 1 and fold(name) not in self.by_surname:
                # a surname alone, of no one the text named before: whoever was in office
                # when the report was written
                known = self.lexicon.serving(fold(name), self.reference, title) or known
            existing = self.by_key.get(fold(known.name if known else name))
            if existing is None and len(name.split()) == 1:
                existing = self.by_surname.get(fold(name))
            if existing is not None and len(existing.name.split()) == 1 and not existing.country:
                # "President Samia" in the headline, then "President Samia Suluhu Hassan" of
                # Tanzania: the one named in full since
                existing = self.by_given_name(name, title) or existing
            if existing is None and known is None:
                existing = (
                    self.same_but_misspelled(name)
                    or self.without_family_name(name)
                    or self.by_given_name(name, title)
                    or self.within_longer_name(name)
                )
            if existing is None:
                existing = self.named_by_alias(known.name if known else name)
                if existing is not None and known:
                    existing.official_id = known.official_id
            if existing is None:
                key = fold(known.name if known else name)
                existing = Person(key=key, name=known.name if known else name, sentence=sentence)
                if known:
                    existing.official_id = known.official_id
                self.by_key[key] = existing
                self.by_first.setdefault(fold(existing.name.split()[0]), []).append(existing)
                first = existing.name.split()[0]
                if len(existing.name.split()) >= 3 and not first.endswith("."):
                    # "Lee" for Lee Hsien Loong: a family name written first, used when no
                    # one else is called so
                    self.by_given.setdefault(fold(first), existing)
                for short in existing.short_names():
                    self.by_surname.setdefault(short, existing)
                    if short in self.aliases:
                        self.by_surname.setdefault(self.aliases[short], existing)
                if known:
                    # as the text wrote them too: "Abiy" after "Abiy Ahmed", whom the tracker
                    # knows as Abiy Ahmed Ali
                    for short in [fold(name), *short_names(name)]:
                        self.by_surname.setdefault(short, existing)
            person = existing
            if known:
                self.known[known.official_id] = known
                served = known.country_on(self.reference)
                if not person.country and served:
                    person.country = served
                    person.country_evidence = f"{known.name}, an official in the tracker"
                # in no post of the tracker's then: their country only if the text gives none
                person.tracker_country = known.country
                person.title = person.title or title or known.title
        else:
            self.anonymous += 1
            person = Person(key=f"~{country}-{self.anonymous}", name=None, sentence=sentence)
        if title and (not person.title or person.title == COUNTERPART):
            person.title = title
        if country and not person.country:
            person.country = country
            person.country_evidence = sentence
        if not person.country and person.title:
            person.country = TITLE_COUNTRY.get(fold(person.title))
            if person.country:
                person.country_evidence = f"the title {person.title}"
        return person

    def find(self, sentence: str) -> list[Mention]:
        """Everyone the sentence mentions, left to right, without overlaps."""
        p = self.patterns()
        found: list[Mention] = []
        # Which characters a mention already covers: a look-up per character, so a sentence
        # naming hundreds of people is still read in time proportional to its length.
        taken = bytearray(len(sentence) + 1)
        self.sentences += 1

        def overlaps(a: int, b: int) -> bool:
            return any(taken[a:b])

        def take(person: Person, a: int, b: int) -> None:
            found.append(Mention(person, a, b))
            taken[a:b] = b"\x01" * (b - a)
            person.seen = self.sentences

        def add(name: str | None, title: str | None, country: str | None, a: int, b: int):
            if overlaps(a, b):
                return None
            person = self.register(name, title, country, sentence)
            person.body = person.body or body_of(sentence, a, b)
            take(person, a, b)
            return person

        self.note_aliases(sentence, take)

        for m in p["counterpart"].finditer(sentence):
            name, end = clean_name(m["name"], m.start("name"))
            if name:
                title = clean_title(m["title"]) if m["title"] else COUNTERPART
                # "called his counterpart X": without a country, the words are the verb's
                start = m.start() if m["qual"] else m.start("title" if m["title"] else "name")
                add(name, title, self.country_of(m["qual"]), start, end)
        for m in p["bare_counterpart"].finditer(sentence):
            # "held a meeting with Chilean counterpart Alberto van Klaveren": no "his", the
            # country word right before
            behind = self.country_behind(sentence, m.start())
            name, end = clean_name(m["name"], m.start("name"))
            if behind and name and not self.is_not_a_person(name):
                title = clean_title(m["title"]) if m["title"] else COUNTERPART
                add(name, title, self.country_of(behind[0]), behind[1], end)
        for m in p["name_country_item"].finditer(sentence):
            # "... the following envoys: H.E. Mr. A – Kingdom of Morocco; H.E. Dr. B – Ukraine":
            # a name and its country in each part of a list
            name, end = clean_name(m["name"].rstrip("-"), m.start("name"))
            country = self.country_of(m["qual"])
            if name and country and not self.is_not_a_person(name):
                add(name, None, country, m.start("name"), m.end())
        for m in p["counterparts_listed"].finditer(sentence):
            # "his counterparts from the UAE, A; Bahrain, B; and Libya C": a country and a name
            # in each part of a list set off by semicolons
            items, at = [], m.end()
            while (item := p["country_name_item"].match(sentence, at)) is not None:
                items.append(item)
                more = SEMICOLON.match(sentence, item.end())
                if more is None:
                    break
                at = more.end()
            if len(items) < 2:
                continue
            for item in items:
                name, end = clean_name(item["name"], item.start("name"))
                country = self.country_of(item["qual"])
                if name and country and not self.is_not_a_person(name):
                    add(name, COUNTERPART, country, item.start("qual"), end)
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        for m in p["ministers_of_listed"].finditer(sentence):
            # "the foreign ministers of Spain A, Latvia B, and Poland C": a country and a name
            # in each part of a list set off by commas
            items, at = [], m.end()
            while (item := p["country_then_name"].match(sentence, at)) is not None:
                items.append(item)
                at = item.end()
            if len(items) < 2:
                continue
            title = clean_title(singular(m["group"]))
            for item in items:
                name, end = clean_name(item["name"], item.start("name"))
                country = self.country_of(item["qual"])
                if name and country and not self.is_not_a_person(name):
                    add(name, title, country, item.start("qual"), end)
        for m in p["counterparts"].finditer(sentence):
            if overlaps(m.start(), m.end()):
                continue
            if re.search(r"[A-Z][\w'\-]+,\s*$", sentence[max(0, m.start() - 40) : m.start()]):
                continue  # "Paulo Rangel, his Portuguese counterpart": said of the name before it
            quals = [q[0] for q in p["qual_any"].finditer(m["quals"] or m["from"])]
            names = self.names_listed_after(sentence, m.end())
            if len(quals) == 1 and (named := p["apposition_name"].match(sentence, m.end())):
                # "my counterpart from Timor Leste, Taur Matan Ruak": the counterpart, named
                name, end = clean_name(named["name"], named.start("name"))
                if name and not self.is_not_a_person(name):
                    names = [(name, named.start("name"), end)]
            if len(names) == len(quals) >= 1:
                # "his Uzbek and Kazakh counterparts, A and B": the names in the same order
                for q, (name, a, b) in zip(quals, names, strict=True):
                    add(name, COUNTERPART, self.country_of(q), a, b)
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                continue
            for q in quals:
                person = self.register(None, COUNTERPART, self.country_of(q), sentence)
                take(person, m.start(), m.end())
        self.find_groups(sentence, overlaps, take)
        for m in p["honorific_capitals"].finditer(sentence):
            # "Mr. TANAKA Hiroshi, Minister for Foreign Affairs of Japan": a family name in capitals
            name = f"{m['given']} {m['family'].title()}"
            said = p["appositive_title"].match(sentence, m.end())
            title = clean_title(said["title"]) if said else None
            country = self.country_of(said["of"]) if said else None
            add(name, title, country, m.start("family"), said.end() if said else m.end())
        for key in (
            "name_envoy_of",
            "name_title_of",
            "the_title_name",
            "described_title_name",
            "title_name",
            "lower_title_of",
            "name_title",
            "lower_title",
        ):
            if key == "name_envoy_of" and not ENVOY_WORDS.search(sentence):
                continue  # (a pattern that starts with a name: not run where it cannot match)
            for m in p[key].finditer(sentence):
                name, end = clean_name(m["name"], m.start("name"))
                of = m.groupdict().get("of")
                if (
                    name
                    and of
                    and fold(name) in NOT_PERSON_WORDS
                    # "Chancellor of Austria, President of Turkey": the next one's title
                    and fold(name) not in FOLDED_TITLES
                    and not overlaps(m.start(), end)
                ):
                    # "the President of the European Council": the holder of an institution's
                    # office, unnamed, not a person called "Council"
                    country = self.country_of(of)
                    if country:
                        title = clean_title(f"{m['title']} of the {of} {name}")
                        take(self.holder_of(country, title, sentence), m.start(), end)
                    continue
                if not name or self.is_not_a_person(name):
                    continue
                if key == "name_title_of" and any(
                    fold(word) in TITLE_WORDS for word in name.split()[:-1] if word[:1].isupper()
                ):
                    # "Azerbaijani President Ilham Aliyev, President of Kazakhstan X": the name
                    # has its own title before it; the one after the comma is the next one's
                    continue
                if key == "name_title_of" and fold(name.split()[0]) in PORTFOLIOS:
                    # "Minister of Migration and Asylum Notis Mitarakis, Interior Minister of
                    # Spain X": the end of a ministry's name, then the next one's title
                    continue
                if key == "name_title_of" and self.after_title_of(sentence, m.start("name")):
                    # "President of Azerbaijan A, the President of China B": a list of two,
                    # the title after the comma the next one's
                    continue
                inside = self.country_behind(sentence, end)
                if inside and inside[1] < m.start("name") < end:
                    continue  # "Minister of Foreign Affairs of Burkina Faso": "Faso" is no name
                named_country = None
                words = name.split()
                for k in (2, 1) if key == "title_name" else ():
                    # "Foreign Minister Thailand Don Pramudwinai": the country between title
                    # and name, without "of"
                    if len(words) - k >= 2 and self.country_of(" ".join(words[:k])):
                        named_country = self.country_of(" ".join(words[:k]))
                        name = " ".join(words[k:])
                        break
                start = (
                    m.start() if key not in ("name_title_of", "name_envoy_of") else m.start("name")
                )
                if key in ("name_title", "name_title_of", "name_envoy_of"):
                    end = m.end()
                groups = m.groupdict()
                qual = groups.get("qual")
                title_text = groups.get("title") or groups.get("title_of") or ""
                head, joined, tail = title_text.partition(" and ")
                if key == "title_name" and joined and not self.title_like(head):
                    # "Orban and Serbian President Aleksandar Vucic": a name, then the title
                    start = m.start("title") + len(head) + len(joined)
                    title_text = tail
                if key in ("title_name", "lower_title"):
                    behind = self.country_behind(sentence, start)
                    place = None if behind else self.place_behind(sentence, start)
                    if behind:
                        qual, start = behind
                    elif place and key == "title_name":
                        # "Abu Dhabi Crown Prince X": a city's or a state's title
                        named_country, start = place
                    elif (
                        key == "lower_title"
                        and not groups.get("former")
                        and not (
                            self.lexicon.officials.get(fold(name)) or self.known_by_initials(name)
                        )
                    ):
                        # "said minister Smith": a title in lower case needs a country, or a
                        # name the tracker knows ("prime minister K.P. Sharma Oli")
                        continue
                    words = title_text.split()
                    for k in range(min(3, len(words) - 1), 0, -1):
                        if self.country_of(" ".join(words[:k])):
                            # "Indian Commerce and Industry Minister": the country, then the title
                            qual = qual or " ".join(words[:k])
                            title_text = " ".join(words[k:])
                            break
                country = self.country_of(qual) or self.country_of(groups.get("of"))
                country = country or named_country
                if country is None and groups.get("of"):
                    country = self.place_named(groups["of"])
                    if country is None:
                        continue  # "X, Minister of Justice": a portfolio, no country
                if country is None:
                    after = p["of_country"].match(sentence[end:])
                    if after:
                        country = self.country_of(after["of"])
                        if re.match(r",?\s+of\b", sentence[end:]):
                            end += after.end()  # "President Paul Kagame of Rwanda", one mention
                    else:
                        country = self.place_after(sentence[end:])
                if country is None and key == "title_name":
                    # "Burundian External Relations and International Cooperation Minister X":
                    # a title longer than the pattern reads, its country a few words before
                    lead = LEADING_CAPITALS.search(sentence, max(0, start - 60), start)
                    first = lead[0].split()[0] if lead else ""
                    if lead and self.country_of(first):
                        words_before = sentence[lead.start() + len(first) : start].strip()
                        title_text = f"{words_before} {title_text}".strip()
                        country, start = self.country_of(first), lead.start()
                title = clean_title(title_text) if title_text else None
                add(name, title, country, start, end)
        for m in p["the_role"].finditer(sentence):
            # after the names: "Albares, the Spanish foreign minister," is said of Albares
            if not overlaps(m.start(), m.end()):
                country = self.country_of(m["qual"])
                named = p["role_then_name"].match(sentence, m.end())
                if named:
                    # "the Argentine Secretary for Foreign Affairs, Pedro Villagra Delgado, held"
                    name, end = clean_name(named["name"], named.start("name"))
                    if name and not self.is_not_a_person(name) and not overlaps(m.end(), end):
                        title = clean_title(f"{m['title']}{named['rest'] or ''}")
                        add(name, title, country, m.start(), end)
                        continue
                person = self.holder_of(country, clean_title(m["title"]), sentence)
                take(person, m.start(), m.end())
        # "China's Wang Yi": a possessive country word before a name.
        for m in re.finditer(r"'s\s+(?=[A-Z])", sentence):
            behind = self.country_behind(sentence, m.start() + 2)
            named = p["name_at"].match(sentence, m.end())
            if not behind or not named or not behind[0].endswith("'s"):
                continue
            name, end = clean_name(named[0], named.start())
            if name and len(name.split()) == 1 and fold(name) not in self.by_surname:
                continue  # "Oman's Duqm port": one word after a country is rarely a person
            if name and any(fold(w) in NOT_PERSON_WORDS for w in name.split()):
                continue  # "Estonia's Information System Authority"
            if name and self.place_country is not None and self.place_country(name):
                continue  # "Brazil's Sao Paulo": a city of the country
            if name and not self.is_not_a_person(name):
                add(name, None, self.country_of(behind[0]), behind[1], end)
        for m in p["possessive_role"].finditer(sentence):
            behind = self.country_behind(sentence, m.start() + 2)
            if behind and behind[0].endswith("'s") and not overlaps(behind[1], m.end()):
                person = self.holder_of(
                    self.country_of(behind[0]), clean_title(m["title"]), sentence
                )
                take(person, behind[1], m.end())
        for m in p["predecessor"].finditer(sentence):
            # "Boric's predecessor, Michelle Bachelet": the country of the one named before
            owner = (
                self.by_surname.get(fold(sentence[: m.start()].split()[-1])) if m.start() else None
            )
            name, end = clean_name(m["name"], m.start("name"))
            if owner and owner.country and name and not self.is_not_a_person(name):
                add(name, None, owner.country, m.start("name"), end)
        for m in p["name_of"].finditer(sentence):
            name, end = clean_name(m["name"], m.start("name"))
            if (
                name
                and len(name.split()) >= 2
                and not self.is_not_a_person(name)
                and not any(fold(w) in NOT_PERSON_WORDS for w in name.split())
            ):
                add(name, None, self.country_of(m["of"]), m.start("name"), m.end())
        for m in p["head_of_ministry"].finditer(sentence):
            country = self.country_of(m["qual"] or m["of"])
            if country and not overlaps(m.start(), m.end()):
                take(self.holder_of(country, "Foreign Minister", sentence), *m.span())
        for m in p["role_of"].finditer(sentence):
            # "the Prime Minister of Malta held talks": a role, its holder named elsewhere
            country = self.country_of(m["of"])
            if country and not overlaps(m.start(), m.end()):
                take(self.role_holder(country, clean_title(m["title"]), sentence), *m.span())
        for m in p["the_title"].finditer(sentence):
            # "The Prime Minister spoke to ...": whoever holds the title in this report
            if not overlaps(m.start(), m.end()):
                title = clean_title(m["title"])
                person = self.person_with_title(title, sentence) or self.role_holder(
                    None, title, sentence
                )
                take(person, m.start(), m.end())
        for m in p["led_by"].finditer(sentence):
            name, end = clean_name(m["name"], m.start("name"))
            behind = self.country_behind(sentence, m.start())
            if name and behind and not self.is_not_a_person(name):
                add(name, None, self.country_of(behind[0]), m.start("name"), end)
        # Names we know: officials in our tables, and people named earlier in the article.
        if self.lexicon.official_pattern is not None:
            for m in self.lexicon.official_pattern.finditer(sentence):
                if " " not in m[0] and names_a_thing(sentence, m.start(), m.end()):
                    continue  # "the Horn of Africa", "The Hague": a place, not a person
                if " " not in m[0] and self.names_a_place(sentence, m.start(), m.end()):
                    continue  # "met in Honolulu": the city, not an official called so
                if self.starts_country_name(sentence, m.start(), m.end()):
                    continue  # "Costa Rica": not António Costa
                if " " not in m[0] and self.country_of(m[0]):
                    continue  # "Oman": the country, not an official called so
                if " " not in m[0] and self.part_of_another_name(sentence, m.start(), m.end()):
                    continue  # "Jake Sullivan", "Santa Marta": not the official called so
                add(m[0], None, None, m.start(), m.end())
        if self.reference is not None and self.reference < self.lexicon.news_since:
            # A surname alone of one in office when the article was written, however long
            # ago: "Merkel and Bush held talks" in 2007 (the official pattern above names
            # officials by surname alone only while they are in the news, as all are who held
            # a post on a later day)
            for m in re.finditer(r"\b[A-Z][a-z\u00C0-\u024F'\-]{3,}\b", sentence):
                word = m[0]
                if (
                    overlaps(m.start(), m.end())
                    or fold(word) in TITLE_WORDS
                    or re.fullmatch(SENTENCE_WORDS, word)
                    or self.country_of(word)
                    or names_a_thing(sentence, m.start(), m.end())
                    or self.names_a_place(sentence, m.start(), m.end())
                    or self.part_of_another_name(sentence, m.start(), m.end())
                ):
                    continue
                known = self.lexicon.in_office(fold(word), self.reference)
                if known is not None and fold(word) not in self.lexicon.officials:
                    add(known.name, None, None, m.start(), m.end())
        for m in re.finditer(r"\b[A-Z][\w'\-\u00C0-\u024F]+", sentence):
            word = m[0].removesuffix("'s")
            person = (
                self.by_surname.get(fold(word))
                or self.by_given.get(fold(word))
                or self.misspelt_surname(word)
            )
            if self.starts_country_name(sentence, m.start(), m.start() + len(word)):
                continue  # "Costa Rica" is no Costa
            if person and self.names_a_place(sentence, m.start(), m.start() + len(word)):
                continue  # "Oman's capital Muscat" after Joseph Muscat: the city
            inside = (
                MIDDLE_OF_NAME.search(sentence, max(0, m.start() - 40), m.start())
                if person
                and sentence.startswith(" ", m.end())
                and sentence[m.end() + 1 : m.end() + 2].isupper()
                else None
            )
            if inside and not (
                fold(inside[1]) in TITLE_WORDS or re.fullmatch(HONORIFIC_WORD, inside[1])
            ):
                continue  # "Nong Duc Manh" after Tran Duc Luong: a word inside another's name
            if person and not overlaps(m.start(), m.start() + len(word)):
                take(person, m.start(), m.start() + len(word))
        for mention in found:
            if mention.person.name and not mention.person.country:
                at = p["institution_after"].match(sentence, mention.end) or p[
                    "counterpart_after"
                ].match(sentence, mention.end)
                if at and (country := self.country_of(at["of"])):
                    mention.person.country, mention.person.country_evidence = country, sentence
        found.sort(key=lambda mention: mention.start)
        for mention in found:
            if mention.person.name and not mention.person.country:
                country = self.sender_country(sentence, mention.end, found)
                if country:
                    mention.person.country, mention.person.country_evidence = country, sentence
        return found

    def sender_country(self, sentence: str, end: int, mentions: list[Mention]) -> str | None:
        """The country of whom the words after a name say he was sent by: "X, Minister for
        Trade and Special Envoy of H. E. Y, President of Niger", "X, special envoy and bearer
        of a message that the President of Y sent"."""
        said = self.patterns()["envoy_of"].match(sentence, end)
        if said is None:
            return None
        sender = next((m for m in mentions if m.start == said.end()), None)
        return sender.person.country if sender else None

    def note_aliases(self, sentence: str, take) -> None:
        """Names in brackets: an alias after a name is the same person ("Joko Widodo (Jokowi)"),
        a name after a country word is that country's official ("Tajikistan [A. Name]")."""
        if "(" not in sentence and "[" not in sentence:
            return
        for m in BRACKETED.finditer(sentence):
            alias = m["alias"]
            if fold(alias) in self.lexicon.country_names or fold(alias) in FOLDED_TITLES:
                continue
            if alias.isupper() and len(alias) < 4:
                continue  # "(PTI)", "(UN)": a news agency or a body, not a second name
            behind = self.country_behind(sentence, m.start())
            if behind and behind[1] + len(behind[0]) >= m.start() - 1:
                name, _ = clean_name(alias, m.start("alias"))
                if name and len(name.split()) >= 2 and not self.is_not_a_person(name):
                    person = self.register(name, None, self.country_of(behind[0]), sentence)
                    take(person, behind[1], m.end())  # the country and the name, one mention
                continue
            before = sentence[: m.start()].split()
            if before and before[-1][:1].isupper() and " " not in alias:
                self.aliases[fold(before[-1])] = fold(alias)
                known = self.by_surname.get(fold(before[-1]))
                if known is not None:
                    self.same_person(known, fold(alias))

    def find_groups(self, sentence: str, overlaps, take) -> None:
        """Officials of several countries named together by their title, one per country."""
        # "The leaders of Niger and Chad", "the Chilean and Peruvian presidents", "the foreign
        # ministers of Argentina and Chile, Gerardo Werthein and Alberto van Klaveren": named
        # when the names follow in the same order.
        p = self.patterns()
        for m in p["plural_each"].finditer(sentence):
            title = singular(m["title"])
            for item in p["plural_item"].finditer(sentence, m.start("items"), m.end("items")):
                name, end = clean_name(item["n"], item.start("n"))
                code = self.country_of(item["q"])
                if name and code and not overlaps(item.start("q"), end):
                    take(self.register(name, title, code, sentence), item.start("q"), end)
        for m in [*p["plural"].finditer(sentence), *p["one_of_each"].finditer(sentence)]:
            title = singular(m["title"])
            if m["quals"]:
                words = [q[0] for q in p["qual_any"].finditer(m["quals"])]
                start, end = m.start(), m.end()
            else:
                behind = self.countries_behind(sentence, m.start())
                words = [word for word, _ in behind]
                start, end = (behind[0][1] if behind else m.start()), m.end()
            codes = [c for c in (self.country_of(w) for w in words) if c]
            if len(set(codes)) < 2 or overlaps(start, end):
                continue
            names = p["names_after"].match(sentence, end)
            listed = []
            if names:
                listed = [
                    clean_name(n.strip(), 0)[0] for n in re.split(r",\s*|\s+and\s+", names["names"])
                ]
            if names and len(listed) == len(codes) and all(listed):
                for name, code in zip(listed, codes, strict=True):
                    person = self.register(name, title, code, sentence)
                    take(person, start, names.end())
                continue
            for code in dict.fromkeys(codes):
                take(self.role_holder(code, title, sentence), start, end)

    def title_like(self, words: str) -> bool:
        """Words that belong in a title: "Commerce" in "Commerce and Industry Minister"."""
        parts = words.split()
        for k in range(min(3, len(parts)), 0, -1):
            if self.country_of(" ".join(parts[:k])):
                parts = parts[k:]  # "British Business": the country, then the title's words
                break
        # (a country alone is not: "Hungary" in "X of Hungary and Chilean President Y"; a
        # country's name before "Affairs" is a portfolio: "Minister of European Affairs")
        folded = fold(" ".join(parts)).split()
        return bool(parts) and all(
            w in PORTFOLIOS
            or w in TITLE_WORDS
            or w in MORE_TITLE_WORDS
            or (folded[i + 1 : i + 2] in (["affairs"], ["integration"]) and self.country_of(w))
            for i, w in enumerate(folded)
        )

    def holder_of(self, country: str | None, title: str, sentence: str) -> Person:
        """Who "the Colombian president" is, named or not."""
        # The one president this report named of that country, or the one it named without a
        # country (who is then Colombian); else an unnamed holder of the role.
        named = [
            p for p in self.by_key.values() if p.name and p.title and fold(p.title) == fold(title)
        ]
        same = [p for p in named if p.country == country]
        if len(same) == 1:
            return same[0]
        unplaced = [p for p in named if not p.country]
        if country and not same and len(unplaced) == 1:
            unplaced[0].country, unplaced[0].country_evidence = country, sentence
            return unplaced[0]
        if country and not same and self.reference:
            # "The Fijian prime minister" after "Fiji's Frank Bainimarama": the one of that
            # country named here whom the tracker has in that post then
            holding = [
                p
                for p in self.by_key.values()
                if p.name
                and p.country == country
                and p.official_id in self.known
                and self.known[p.official_id].held(title, self.reference)
            ]
            if len(holding) == 1:
                return holding[0]
        if country and not named:
            # "The Saudi minister" after "Saudi Information Minister X": the one of that
            # country whose title ends with the words of the role
            words = fold(title).split()
            ending = [
                p
                for p in self.by_key.values()
                if p.name
                and p.title
                and p.country == country
                and fold(p.title).split()[-len(words) :] == words
            ]
            if len(ending) == 1:
                return ending[0]
        return self.role_holder(country, title, sentence)

    def person_with_title(self, title: str, sentence: str = "") -> Person | None:
        """The one named person this report gave the title, if there is exactly one; else the
        one it gave the title before this sentence ("Prime Minister A held bilaterals. The
        Prime Minister met B, Prime Minister C and Prime Minister D": A)."""
        folded = fold(title)
        holders = [
            person
            for person in self.by_key.values()
            if person.name and person.title and fold(person.title) == folded
        ]
        if len(holders) > 1 and sentence:
            holders = [person for person in holders if person.sentence != sentence]
        return holders[0] if len(holders) == 1 else None

    def place_named(self, text: str) -> str | None:
        """The country of the place that text starts with ("Dubai" in a title)."""
        # Never a portfolio: "Minister of Justice" names no place called Justice.
        words = text.strip(" ,.").split()
        for n in range(min(3, len(words)), 0, -1):
            name = " ".join(words[:n])
            country = self.country_of(name)
            if country:
                return country
            if self.place_country is not None and not set(fold(name).split()) & PORTFOLIOS:
                country = self.place_country(name)
                if country:
                    return country
        return None

    def place_after(self, text: str) -> str | None:
        """ "..., Crown Prince of Dubai and ...": the country of the place a title names."""
        m = re.match(r"^,?\s+of\s+(?:the\s+)?([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2})", text)
        return self.place_named(m[1]) if m else None

    def names_listed_after(self, sentence: str, at: int) -> list[tuple[str, int, int]]:
        """The names of a list in apposition: ", A, B and C" right after `at`."""
        names: list[tuple[str, int, int]] = []
        position = at
        for n in range(6):
            joint = (LIST_JOINT_FIRST if n == 0 else LIST_JOINT).match(sentence, position)
            if not joint:
                break
            named = self.patterns()["name_at"].match(sentence, joint.end())
            if not named:
                break
            name, end = clean_name(named[0], named.start())
            if not name or self.is_not_a_person(name):
                break
            names.append((name, named.start(), end))
            position = end
            if joint[0].strip(", ").startswith("and"):
                break
        return names if re.search(r"\band\b", sentence[at:position]) else []

    def by_given_name(self, name: str, title: str | None) -> Person | None:
        """ "President Samia" after "President Samia Suluhu": a given name alone, with the title
        of the one person the text named in full with it."""
        if len(name.split()) != 1 or not title:
            return None
        found = [
            person
            for person in self.by_first.get(fold(name), [])
            if len(person.name.split()) > 1
            and person.title
            and (
                fold(person.title).endswith(fold(title)) or fold(title).endswith(fold(person.title))
            )
        ]
        return found[0] if len(found) == 1 else None

    def without_family_name(self, name: str) -> Person | None:
        """ "Russ Joseph" after "Russ Joseph Kun": a given and a middle name of someone the text
        named in full before."""
        words = fold(name).split()
        if len(words) != 2:
            return None
        found = {
            person.key
            for short, person in self.by_surname.items()
            if short.split()[:-1] == words and len(short.split()) == 3
        }
        return self.by_key.get(found.pop()) if len(found) == 1 else None

    def is_not_a_person(self, name: str) -> bool:
        folded = fold(name)
        if folded in self.lexicon.country_names or folded in FOLDED_TITLES:
            return True
        if re.search(rf"\s{PORTFOLIO_END}$", name):
            return True  # "African Cooperation", "Mauritanians Abroad": a ministry's portfolio
        # "Affairs" in "Minister for Foreign Affairs of Japan": a portfolio's words, no name
        return all(
            word in PORTFOLIOS or word in TITLE_WORDS or word.removesuffix("s") in TITLE_WORDS
            for word in folded.split()
        )


# Between the names of a list in apposition: ", A", ", B" and ", and C" or " and C".
LIST_JOINT_FIRST = re.compile(r",\s+")
# Two posts one person holds are joined by "and" ("Deputy Prime Minister and Foreign
# Minister", "Crown Prince and Prime Minister"), but a head of state's is never the second:
# "the Prime Minister and President X" are two people.
HEADS = r"(?:President|King|Queen|Emir|Sultan)\b"
LIST_JOINT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
SEMICOLON = re.compile(r"\s*;")
# "Joko Widodo (Jokowi)", "Tajikistan [Sirodjiddin Muhriddin]": a name in brackets
BRACKETED = re.compile(
    r"(?<=\w)\s*[(\[](?P<alias>[A-Z][\w'\-\u00C0-\u024F]+(?:\s+[A-Z][\w'\-.\u00C0-\u024F]+){0,3})"
    r"[)\]]"
)


# Initials for given names at the start of a name: "K.P. ", "K. P. ", "KP "
INITIALS = re.compile(r"(?:[A-Z]\.\s?){1,3}(?=[A-Z][a-z])|[A-Z]{2,3}\s+(?=[A-Z][a-z])")
# the capitalised word right before another, in a name: "Nong" of "Nong Duc Manh"
MIDDLE_OF_NAME = re.compile(r"(?<![\w'])([A-Z][\w'\-\u00C0-\u024F]*) $")
# what a country is called when it is described, not named: "the island", "the Gulf state"
DESCRIBED = r"(?i:nation|country|island|kingdom|state|republic|emirate|archipelago|sultanate)"
# Letters after a name, before the post: "Scott Morrison, MP, Prime Minister of Australia"
POST_NOMINAL = r"(?:(?:MP|M\.P\.|MLA|MNA|QC|KC|PhD|OBE|MBE|CBE|KBE|GCMG)\s*,\s+)?"


def compile_patterns(lexicon: Lexicon) -> dict[str, re.Pattern]:
    """The person patterns for a lexicon's country words, compiled once per lexicon."""
    if lexicon.person_patterns:
        return lexicon.person_patterns
    qual = lexicon.country_pattern.pattern if lexicon.country_pattern else "(?!x)x"
    # "of European Affairs", "for EU Integration": a ministry's words, not its country
    qual = (
        rf"(?:{qual})(?!\s+(?:Affairs|Integration)\b)"
        rf"(?:\s+(?:administration|government|regime|side)'s)?"
    )
    one = "|".join(re.escape(t) for t in TITLES)
    # "for Economic Affairs and Climate Action": a ministry's words, joined or not, but not the
    # country after them ("Minister of Foreign Affairs and International Cooperation of Somalia")
    # "of Foreign Affairs, African Cooperation and Moroccan Expatriates": a ministry's
    # portfolios listed with commas, the last after "and"
    item = rf"(?:[A-Z][\w'-]+\s+){{0,2}}?{PORTFOLIO_END}"
    ministry = (
        rf"\s+(?:of|for)\s+(?:the\s+)?(?!(?:{qual})\b)[A-Z]\w+"
        rf"(?:\s+(?:and|&)\s+(?:the\s+)?[A-Z]\w+|\s+(?:of|for)\s+(?:the\s+)?(?!(?:{qual})\b)[A-Z]\w+"
        rf"|\s+{MINISTRY_WORD}){{0,4}}"
        rf"(?:(?:,\s+{item})*,?\s+(?:and|&)\s+{item})?"
    )
    one = (
        # "Minister-designate for Foreign Affairs", "Foreign Minister-designate"
        rf"(?:(?:{one}|Minister(?:-designate|-elect)?{ministry}"
        # "Business and Trade Secretary", "Commerce and Industry Minister", "Cabinet Secretary
        # for Foreign Affairs"
        # (capitalised even where the title is read in any case: not "the Philippines welcomed
        # Malaysian Foreign Minister X")
        rf"|(?-i:(?:(?!{SENTENCE_WORDS})[A-Z][a-z]+\s+(?:and\s+(?!{HEADS}))?){{1,3}})"
        rf"(?:Minister|Secretary|President)(?:(?<=Secretary){ministry})?)(?:-designate|-elect)?)"
    )
    # "Deputy Prime Minister and Minister of Foreign Affairs", "Vice Prime Minister, Minister of
    # Foreign Affairs of Turkmenistan X": two posts of one person
    title = rf"{one}(?:(?:\s+and|,)\s+(?!{HEADS}){one})?"
    lower = "|".join(re.escape(t.lower()) for t in TITLES if t.lower() not in LOWER_NOT_TITLES)
    quals = rf"{qual}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?{qual})*"
    # a second country after the first, and no name or title after it
    and_another = rf"\s*,?\s+and\s+(?:the\s+)?(?:{qual})(?![\w'’-])(?!\s+[A-Z(])"
    # one country and its official's name in a list after a plural title
    each = rf"(?:the\s+)?(?:{qual})\s*(?:[-–—]\s*)?{NAME}"
    # The place a title names when it is no country: "Crown Prince of Dubai".
    place = r"[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2}"
    # Each pattern starts with a cheap literal or a title, never with the long list of country
    # words: the qualifier before a title is looked up behind the match instead.
    lexicon.person_patterns = {
        "title_name": re.compile(
            rf"{TITLE_MODIFIERS}(?P<title>{title}),?\s+"
            # "Ambassador of Japan to Kenya Ken Okaniwa": the country is the one after "of"
            # "Japanese Ambassador to Kenya Ken Okaniwa": the country he is posted to is not his
            rf"(?:to\s+(?:the\s+)?{qual},?\s+"
            # "US Ambassador in Dhaka Brent Christensen": an envoy's post by its capital
            rf"|(?:(?<=Ambassador\s)|(?<=Commissioner\s))in\s+[A-Z][\w'-]+,?\s+)?"
            # "President of the European Commission Ursula von der Leyen"
            # "President of the Libyan Presidential Council, X": a body of the country, named
            # "Charge d'Affaires of the Embassy of Pakistan in Abuja, Nigeria, X"
            rf"(?:of\s+(?:the\s+)?(?:(?:Embassy|High\s+Commission)\s+of\s+(?:the\s+)?)?(?P<of>{qual})"
            rf"(?:\s+side|(?:\s+[A-Z][a-z]+)?\s+{INSTITUTION}"
            # (not "President of Botswana A B, President of Somalia, C": a list of two)
            rf"|(?:\s+[A-Z][a-z]+){{1,3}}(?=,\s+(?!(?:{one})\b)[A-Z]))?"
            rf"(?:\s+to\s+(?:the\s+)?{qual}|\s+in\s+[A-Z][\w'-]+(?:,\s+{qual})?)?"
            # "Special Envoy of the Pakistani side and Foreign Secretary X"
            rf"(?:,?\s+(?:and\s+)?{title})?,?\s+)?"
            rf"(?P<name>{NAME})"
        ),
        # "with the president of Guyana, Irfaan Ali": a title in lower case, its country and
        # the name after a comma
        "lower_title_of": re.compile(
            rf"(?<![\w-])(?P<title>{lower})\s+of\s+(?:the\s+)?(?P<of>{qual}),?\s+(?P<name>{NAME})"
        ),
        # "Chile's president Gabriel Boric", "former prime minister John Major"
        "lower_title": re.compile(
            rf"(?<![\w-])(?P<former>(?:former|then-|then\s+|late\s+)\s*)?(?P<title>{lower})"
            rf"(?:\s+and\s+(?:{lower}))?,?\s+(?P<name>{NAME})"
        ),
        # "Mr. TANAKA Hiroshi": a family name in capitals before the given name
        "honorific_capitals": re.compile(
            r"\b(?:Mr|Ms|Mrs|Madam|H\.E\.(?:\s+Mr)?)\.?\s+"
            r"(?P<family>[A-Z]{2,}(?:-[A-Z]{2,})?)\s+(?P<given>[A-Z][a-z]+(?:-[a-z]+)?)\b"
        ),
        # "the Head of the Belarusian Foreign Ministry", "the head of Russian diplomacy": its
        # minister, as translated reports call them
        "head_of_ministry": re.compile(
            rf"(?<![\w-])(?:[Tt]he\s+)?[Hh]ead\s+of\s+(?:the\s+)?(?:(?P<qual>{qual})\s+"
            rf"(?:[Ff]oreign\s+[Mm]inistry|[Dd]iplomacy|MFA|Foreign\s+Office)(?![\w-])"
            rf"|(?:[Ff]oreign\s+[Mm]inistry|Ministry\s+of\s+Foreign\s+Affairs)\s+of\s+(?:the\s+)?"
            rf"(?P<of>{qual})(?![\w-]))"
        ),
        "appositive_title": re.compile(
            rf",\s+{POST_NOMINAL}(?:the\s+)?(?P<title>{title})\s+of\s+(?:the\s+)?(?P<of>{qual})"
        ),
        # "the Prime Minister of India held talks": a role whose holder is named elsewhere
        "role_of": re.compile(
            # (not its holder's name after it; the next one's title may follow: "Chancellor
            # of Austria, President of Turkey")
            rf"(?<![\w-])(?P<title>{title})\s+of\s+(?:the\s+)?(?P<of>{qual})(?![\w-])"
            rf"(?!,?\s+(?!(?:{title})\s+of\b)(?:{NAME}))(?!{and_another})"
        ),
        # "met the president of Tajikistan and Kyrgyzstan": the office in each of two countries
        "one_of_each": re.compile(
            rf"(?<![\w-])(?P<title>{one}|{lower})\s+of\s+(?:the\s+)?"
            rf"(?P<quals>{qual}{and_another})"
        ),
        # "The Prime Minister spoke to ...": the holder of a title this report names
        # ("a meeting between the Prime Minister and President X": the title ends at "and"
        # when a head of state or government, named, follows it; not "the President and CEO")
        "the_title": re.compile(
            rf"(?<![\w-])[Tt]he\s+(?P<title>{one}|{lower})\b(?!'s)(?!-)"
            rf"(?!\s+(?:of|for|to|in)\b)(?!\s*,?\s*(?:{NAME}))"
            rf"(?!\s+and\b(?!\s+(?:President|King|Queen|Emir|Sultan|Chancellor|Premier"
            rf"|Prime\s+Minister)\s+[A-Z][a-z]))"
        ),
        # "the leaders of Niger and Chad", "Niger and Chad Presidents"
        "plural": re.compile(
            rf"(?<![\w-])(?P<title>{PLURAL_TITLES})(?![\w-])"
            rf"(?:\s+of\s+(?:the\s+)?(?P<quals>{quals}))?"
        ),
        # "Presidents of Kyrgyzstan A and Tajikistan B": each country with its name
        # "the Foreign Ministers of the Republic of Belarus - A, the Islamic Republic of Iran B
        # and the Russian Federation C": each country with its name
        "plural_each": re.compile(
            rf"(?<![\w-])(?P<title>{PLURAL_TITLES})\s+of\s+(?P<items>{each}"
            rf"(?:(?:,\s+(?:and\s+)?|\s+and\s+)(?:of\s+)?{each})+)"
        ),
        "plural_item": re.compile(rf"(?:the\s+)?(?P<q>{qual})\s*(?:[-–—]\s*)?(?P<n>{NAME})"),
        # "Irfaan Ali of Guyana": a name with its country and no title
        "name_of": re.compile(rf"(?P<name>{NAME})\s+of\s+(?:the\s+)?(?P<of>{qual})(?![\w-])"),
        # "X, state secretary at Moldova's Ministry of ...": the country of their institution
        "institution_after": re.compile(
            rf",\s+[^,;.()]{{0,80}}?\b(?:at|of|in|from)\s+(?:the\s+)?(?P<of>{qual})"
            r"(?:'s)?\s+(?:(?:Foreign|Defen[cs]e|Finance|Interior|Trade)\s+)?(?:Ministry|ministry"
            r"|[Gg]overnment|[Ee]mbassy|Cabinet|Presidency|Foreign\s+Office|[Pp]arliament)"
        ),
        # between an envoy's name and whom he speaks for (see People.find)
        "envoy_of": re.compile(
            r",\s+[^.;()]{0,80}?\b(?:[Ee]nvoy|[Ee]missary|[Mm]essenger|[Bb]earer\s+of\s+"
            r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:message|letter))\s+(?:of|from|that|which)\s+"
            rf"(?:the\s+)?(?:{HONORIFIC})*"
        ),
        # "Paulo Rangel, his Portuguese counterpart": the country of the counterpart named before
        "counterpart_after": re.compile(rf",\s+(?:his|her|their)\s+(?P<of>{qual})\s+counterpart\b"),
        # "The Estonian delegation was led by Marten Kask"
        "led_by": re.compile(
            rf"\b(?:delegation|side|team)\s+(?:was\s+|is\s+|were\s+)?(?:led|headed)\s+by\s+"
            rf"(?P<name>{NAME})"
        ),
        "names_after": re.compile(
            rf",?\s+(?P<names>{NAME}(?:\s*,\s*{NAME})*,?\s+and\s+{NAME})(?=[\s,.;:]|$)"
        ),
        "name_title": re.compile(
            rf"(?P<name>{NAME}),\s+(?:the\s+|a\s+)?(?P<qual>{qual})\s+"
            rf"{TITLE_MODIFIERS}(?i:(?P<title>{title}))\b"
            # "A, Chile's president B": the title is the next name's, in a list
            r"(?!\s+(?:[A-Z]\.\s*)*[A-Z][a-z])"
        ),
        # "Jurgen Borsch Ambassador of the Federal Republic of Germany, John Phiri the High
        # Commissioner of the Republic of Zambia": an envoy's post after his name, no comma
        "name_envoy_of": re.compile(
            r"(?!(?:Outgoing|Incoming|New|Newly|Former|Visiting|Acting|Resident|The)\b)"
            rf"(?P<name>{NAME})\s+(?:the\s+)?(?P<title>(?i:ambassador|high\s+commissioner))\s+of\s+"
            rf"(?:the\s+)?(?P<of>{qual})"
        ),
        "name_title_of": re.compile(
            rf"(?P<name>{NAME}),\s+{POST_NOMINAL}(?:the\s+)?{TITLE_MODIFIERS}(?P<title>{title})\s+of\s+"
            rf"(?:the\s+)?(?P<of>{qual}|{place})"
        ),
        # "the island's foreign minister, Ana Lima", "the president of the European nation,
        # Sergio Mattarella": a post said of a country described, not named
        "described_title_name": re.compile(
            rf"\b[Tt]he\s+(?:(?:[\w-]+\s+){{0,2}}?{DESCRIBED}['’]s\s+{TITLE_MODIFIERS}"
            rf"(?i:(?P<title>{title}))|(?i:(?P<title_of>{title}))\s+of\s+the\s+(?:[\w-]+\s+){{0,2}}?"
            rf"{DESCRIBED}),?\s+(?P<name>{NAME})"
        ),
        "the_title_name": re.compile(
            rf"\b[Tt]he\s+(?P<qual>{qual})\s+{TITLE_MODIFIERS}(?i:(?P<title>{title})),?\s+"
            rf"(?P<name>{NAME})"
        ),
        # "a summit with Colombia's president": the role, after a possessive country
        "possessive_role": re.compile(
            rf"'s\s+{TITLE_MODIFIERS}(?i:(?P<title>{title}))\b(?!-)(?!\s*,?\s*(?:{NAME}))"
        ),
        # "Boric's predecessor, Michelle Bachelet": of the same country
        "predecessor": re.compile(
            rf"'s\s+(?:predecessor|successor|counterpart|deputy|envoy|successor),?\s+(?P<name>{NAME})"
        ),
        # "sat down with the Saudi crown prince": an official the text does not name
        # After "the Argentine Secretary": the rest of the title and the name between commas
        "role_then_name": re.compile(
            rf"(?P<rest>\s+(?:for|of)\s+(?:[A-Z][\w'\-]*\s*){{1,4}}?)?,\s+(?P<name>{NAME}),"
        ),
        # (or an item of a list: "met A, Iranian President and B")
        "the_role": re.compile(
            rf"(?:\b[Tt]he\s+|(?<=[a-z],\s)|(?<=\band\s)|(?<=\bwith\s))"
            rf"(?P<qual>{qual})\s+{TITLE_MODIFIERS}(?i:(?P<title>{title}))\b"
            rf"(?!\s*,?\s*(?:{NAME}))"
        ),
        # "her Tongan counterpart(, Prime Minister) X": the title, when given, is not the name;
        # a "peer" is a counterpart
        "counterpart": re.compile(
            rf"\b(?:his|her|their)\s+(?:visiting\s+)?(?:(?P<qual>{qual})\s+)?(?:counterpart|peer),?\s+"
            rf"(?:{TITLE_MODIFIERS}(?P<title>{title})\s+)?(?P<name>{NAME})"
        ),
        "bare_counterpart": re.compile(
            rf"(?<![\w-])(?:counterpart|peer),?\s+(?:{TITLE_MODIFIERS}(?P<title>{title})\s+)?"
            rf"(?P<name>{NAME})"
        ),
        "counterparts": re.compile(
            rf"\b(?:(?:his|her|their)\s+(?P<quals>{quals})\s+(?:counterpart|peer)s?\b"
            # "(his) counterparts from Portugal, Italy and Norway"
            rf"|(?:(?:his|her|their)\s+)?(?:counterpart|peer)s?\s+(?:from|of)\s+(?:the\s+)?"
            rf"(?P<from>{quals}))"
        ),
        # ", Taur Matan Ruak where ...": a name in apposition, not the first of a list
        "apposition_name": re.compile(rf",\s+(?P<name>{NAME})(?!\s*(?:,\s*|\s+and\s+){NAME})"),
        "counterparts_listed": re.compile(r"\b(?:counterparts|peers)\s+(?:from|of)\s+"),
        "ministers_of_listed": re.compile(
            r"\b(?P<group>(?:foreign|defen[cs]e|trade)\s+ministers|prime\s+ministers|presidents)"
            r"\s+of\s+(?=[A-Z])"
        ),
        "country_then_name": re.compile(
            rf"(?:\s*,)?\s*(?:and\s+)?(?:the\s+)?(?P<qual>{qual})\s+(?P<name>{NAME})"
            r"(?=\s*(?:,|\band\b|\bon\b|\bin\b|\.|$))"
        ),
        "country_name_item": re.compile(
            rf"\s*(?:and\s+)?(?:the\s+)?(?P<qual>{qual}),?\s+(?P<name>{NAME})(?=\s*[;.]|\s*$)"
        ),
        "name_country_item": re.compile(
            r"(?:(?<=:)|(?<=;))\s*(?:H\.\s?E\.?\s*)?(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
            # (the dash glued to the name, "Farahat- Kingdom of Morocco", ends the name)
            rf"(?P<name>{NAME})(?:(?<=-)|\s*[–—-])\s*(?:[Tt]he\s+)?(?P<qual>{qual})(?:\s+Republic)?"
            r"(?=\s*[;.]|\s*$)"
        ),
        "qual_any": re.compile(qual),
        "name_at": re.compile(NAME),
        # "Keir Starmer became the first British prime minister"
        "predicate_country": re.compile(
            rf"^,?\s+(?:who\s+)?(?:became|becomes|is|was|as)\s+(?:the\s+|a\s+)?"
            rf"(?:first\s+|new\s+)?(?P<of>{qual})\s+[a-z]"
        ),
        "of_country": re.compile(
            rf"^(?:,?\s+of|,[^.;]{{0,80}}?\b(?:Minister|President|Secretary|Premier|Affairs"
            rf"|Chancellor)\s+of)\s+(?:the\s+)?(?P<of>{qual})"
        ),
    }
    return lexicon.person_patterns


# Up to three capitalised words right before a position
LEADING_CAPITALS = re.compile(r"(?:[A-Z][\w'-]*\s+){1,3}$")


def clean_name(name: str, start: int) -> tuple[str | None, int]:
    """Trim a captured name at the first word that cannot be part of one; returns (name, end)."""
    # "Ambassador Raychelle Awuor Omamo", after her title: a form of address before a full name
    honorific = re.match(rf"(?:{HONORIFIC}|Ambassador\s+(?=\S+\s+[A-Z]))+", name)
    if honorific:
        start += honorific.end()
        name = name[honorific.end() :]
    tokens = name.split()
    while tokens and tokens[0] in OPENING_WORDS:
        # "When Richard Nixon met Mao": the sentence's first word is no part of the name
        start += len(tokens[0]) + 1
        name = name[len(tokens[0]) :].lstrip()
        tokens = tokens[1:]
    kept: list[str] = []
    for token in tokens:
        bare = token.rstrip(".,").removesuffix("'s").removesuffix("’s")
        after_particle = bool(kept) and fold(kept[-1]) in ARTICLES_IN_NAMES
        # "He Lifeng": a Chinese family name, when a given name follows
        family_name = not kept and bare == "He" and len(tokens) > 1 and tokens[1][:1].isupper()
        # "Jan Lipavsky": a given name first; the month ("Jan. 5") is written with its full stop
        given_name = not kept and bare == "Jan" and not token.endswith(".")
        if (
            fold(bare) in NOT_NAME_WORDS
            and not given_name
            and not (len(bare) == 1 and token.endswith("."))
            and not after_particle  # "Al Thani" is a family name
            and not family_name
        ):
            break
        kept.append(token)
        if token.endswith(("'s", "’s")):
            break
    if not kept:
        return None, start
    text = " ".join(kept).removesuffix("'s").removesuffix("’s").rstrip(",")
    if (len(text) < 3 or text.endswith(".")) and not re.fullmatch(
        r"(?:[A-Z]\.\s*)+[A-Z][a-z]+", text
    ):
        return None, start
    end = start + len(name.split(kept[-1])[0]) + len(kept[-1])
    return text, end


SMALL_WORDS = {"of", "for", "and", "the", "in"}
OPENING_WORDS = {
    "When", "After", "Before", "As", "While", "If", "Since", "Although", "Though", "Once",
    "Until", "Because", "Where", "Whether", "Unlike", "Like", "Meanwhile", "However", "Then",
    "In", "At", "On", "During", "From", "Following", "Later", "Earlier",
}  # fmt: skip
NAME_PARTICLE_WORDS = {"da", "de", "do", "dos", "das", "y", "van", "von", "del", "di", "du", "la"}
ARTICLES_IN_NAMES = {"al", "el", "bin", "ibn", "abu", "bint"}
MORE_TITLE_WORDS = {
    "business", "industry", "investment", "relations", "cooperation", "and", "of", "for", "the",
    "&", "economic", "climate", "action", "integration", "protection", "policy", "technology",
    "innovation", "resources", "infrastructure", "employment", "services", "overseas",
    "diaspora", "emergencies", "transformation", "digitalization", "digitalisation", "regional",
}  # fmt: skip


def clean_title(title: str) -> str:
    """Titles with their words capitalised: "foreign minister" -> "Foreign Minister"."""
    if title in ABBREVIATED_TITLES:
        return ABBREVIATED_TITLES[title]
    return " ".join(
        w if w.isupper() or w in SMALL_WORDS else w[:1].upper() + w[1:] for w in title.split()
    )


# Words that go on a ministry's name after its first: "Economic Affairs", "Climate Action".
MINISTRY_WORD = (
    r"(?:Affairs|Cooperation|Development|Integration|Relations|Action|Protection|Security"
    r"|Policy|Planning|Trade|Industry|Energy|Economy|Finance|Defen[cs]e|Justice|Health"
    r"|Education|Culture|Tourism|Transport|Environment|Science|Technology|Innovation"
    r"|Communications|Information|Agriculture|Fisheries|Resources|Infrastructure|Investment"
    r"|Commerce|Labou?r|Employment|Interior|Services|Works|Housing|Digitali[sz]ation"
    r"|Transformation|Overseas|Diaspora|Emergencies|Sports|Youth|Migration|Asylum)\b"
)

# Words that make capitalised words an institution or a thing rather than a person.
NOT_PERSON_WORDS = {
    "bank", "ministry", "republic", "kingdom", "union", "government", "university", "council",
    "people", "state", "states", "house", "office", "embassy", "army", "navy", "court", "party",
    "president", "minister", "leader", "leaders", "prime", "foreign", "federal", "national",
    "deputy", "supreme", "commander", "chief", "head", "general", "secretary", "chairman",
    "director", "governor", "speaker", "vice", "crown", "prince", "armed", "forces", "summit",
    "authority", "agency", "academy", "service", "services", "commission", "system", "company",
    "corporation", "group", "institute", "foundation", "committee", "port", "airport", "palace",
}  # fmt: skip

# The last word of one portfolio of a ministry listing several: "African Cooperation",
# "Mauritanians Abroad", "Moroccan Expatriates"
PORTFOLIO_END = (
    r"(?:Cooperation|Co-operation|Integration|Expatriates|Abroad|Diaspora|Affairs|Relations"
    r"|Francophonie|Trade|Commerce|Development|Investment|Tourism|Industry|Planning|Economy"
    r"|Finance|Security|Defen[cs]e)\b"
)
# Words of a ministry's name, never read as the place a title names.
PORTFOLIOS = {
    "finance", "trade", "commerce", "defence", "defense", "justice", "health", "education",
    "energy", "interior", "state", "foreign", "home", "agriculture", "industry", "labour",
    "labor", "culture", "tourism", "transport", "environment", "economy", "science",
    "information", "communications", "planning", "development", "water", "mines", "petroleum",
    "oil", "youth", "sports", "women", "works", "housing", "lands", "fisheries", "security",
    "affairs", "external", "internal", "public", "national", "social", "digital", "treasury",
    "international", "cooperation", "co-operation", "relations", "integration", "diaspora",
    "regional", "economic", "investment", "infrastructure", "resources", "natural", "climate",
    "action", "protection", "innovation", "technology", "policy", "overseas", "migration",
    "asylum",
}  # fmt: skip

# Titles whose lower-case form is an ordinary word: "king" in "king-size", "queen", "prince".
LOWER_NOT_TITLES = {
    "king", "queen", "prince", "sultan", "emir", "amir", "sheikh", "senator", "speaker", "emperor",
    "pm", "fm", "eam",
}  # fmt: skip
PLURAL_TITLES = (
    r"(?i:heads?\s+of\s+(?:state|government)|presidents|prime\s+ministers|premiers|leaders"
    r"|foreign\s+ministers|ministers\s+of\s+foreign\s+affairs|defen[cs]e\s+ministers"
    r"|trade\s+ministers|finance\s+ministers|foreign\s+secretaries|top\s+diplomats|kings"
    r"|monarchs|chancellors|vice[\s-]presidents|secretaries\s+of\s+state|ministers"
    r"|ambassadors|envoys|high\s+commissioners)"
)
SINGULAR = {"top diplomats": "Foreign Minister", "monarchs": "King", "leaders": "Leader"}


def singular(title: str) -> str:
    """ "prime ministers" -> "Prime Minister", "heads of state" -> "Head of State"."""
    folded = " ".join(fold(title).split())
    if folded in SINGULAR:
        return SINGULAR[folded]
    words = folded.split()
    for n, word in enumerate(words):
        if word in {"of", "state", "government", "affairs"}:
            continue
        if word.endswith("ies"):
            words[n] = word[:-3] + "y"
        elif word.endswith("s"):
            words[n] = word[:-1]
    return clean_title(" ".join(words))


def name_words(name: str) -> set[str]:
    """The words of a name without its articles: "Al-Nasser" is "nasser"."""
    return {
        re.sub(r"^(?:al|el)-", "", word)
        for word in fold(name).split()
        if word not in ("al", "el", "bin", "ibn", "bint")
    }


def close_spelling(a: str, b: str) -> bool:
    """Two spellings at most two letters apart (an edit distance), for names of four or more."""
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 2:
        return False
    return spelling_distance(a, b) <= 2


def spelling_distance(a: str, b: str) -> int:
    """How many letters must be added, dropped or changed to make one spelling the other."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]
