"""Finding officials in a sentence: title, name, the country that qualifies them, counterparts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from meetings.intake.lexicon import (
    HONORIFIC,
    NAME,
    NOT_NAME_WORDS,
    TITLE_COUNTRY,
    TITLE_MODIFIERS,
    TITLES,
    Lexicon,
    fold,
)

COUNTERPART = "counterpart"
# Capitalised words that start sentences, not titles: "When Prime Minister Sharif ..."
SENTENCE_WORDS = (
    r"(?:When|As|After|Before|While|Since|If|The|A|An|In|On|At|But|And|Yesterday|Today|Also"
    r"|Then|Meanwhile|Later|Earlier|Last|This|That|Both|His|Her|Their|Its|Our|For|From|With)\b"
)
FOLDED_TITLES = frozenset(fold(t) for t in TITLES)


@dataclass
class Person:
    """Someone the article names or describes; the same person across sentences."""

    key: str
    name: str | None
    title: str | None = None
    country: str | None = None
    official_id: int | None = None
    sentence: str = ""

    def short_names(self) -> list[str]:
        """How later sentences may call them: the last name, or the first of a two-word name
        written family name first ("Wang" for Wang Yi)."""
        if not self.name:
            return []
        words = [
            w
            for w in self.name.replace(",", " ").split()
            if not w.endswith(".") and w not in {"Jr", "Sr", "II", "III", "IV"}
        ]
        short = [fold(words[-1])] if words else []
        if len(words) == 2 and len(words[0]) >= 2:
            short.append(fold(words[0]))
        return short


@dataclass
class Mention:
    person: Person
    start: int
    end: int


@dataclass
class People:
    """The article's cast: everyone found so far, by folded name and by surname."""

    lexicon: Lexicon
    default_country: str | None = None
    by_key: dict[str, Person] = field(default_factory=dict)
    by_surname: dict[str, Person] = field(default_factory=dict)
    anonymous: int = 0
    _patterns: dict[str, re.Pattern] = field(default_factory=dict)

    def patterns(self) -> dict[str, re.Pattern]:
        if not self._patterns:
            self._patterns = compile_patterns(self.lexicon)
        return self._patterns

    def country_of(self, word: str | None) -> str | None:
        if not word:
            return None
        word = re.sub(r"\s+(?:administration|government|regime|side)'s$", "", fold(word))
        if word.endswith("'s"):
            word = word[:-2]
        return self.lexicon.country_names.get(word)

    def role_holder(self, country: str | None, title: str, sentence: str) -> Person:
        """The unnamed holder of a role ("the Saudi crown prince"): the same person each time."""
        key = f"~{country}-{fold(title)}"
        if key not in self.by_key:
            self.by_key[key] = Person(
                key=key, name=None, title=title, country=country, sentence=sentence
            )
        return self.by_key[key]

    def country_behind(self, sentence: str, position: int) -> tuple[str, int] | None:
        """The country word ending just before position ("US ", "Japan's "): (word, its start).

        A dictionary look-up of the last few words, far cheaper than a regular expression
        with every country word in it."""
        offset = max(0, position - 60)
        head = sentence[offset:position].rstrip()
        words = list(re.finditer(r"[\w.'\-\u00C0-\u024F]+", head))
        for k in range(min(6, len(words)), 0, -1):
            first = words[-k]
            text = head[first.start() :]
            if self.country_of(text):
                return text, offset + first.start()
        return None

    def register(
        self, name: str | None, title: str | None, country: str | None, sentence: str
    ) -> Person:
        """The person with this name, created or completed with what this mention adds."""
        if name:
            known = self.lexicon.officials.get(fold(name))
            if known is None and len(name.split()) == 1:
                known = None
            existing = self.by_key.get(fold(known.name if known else name))
            if existing is None and len(name.split()) == 1:
                existing = self.by_surname.get(fold(name))
            if existing is None:
                key = fold(known.name if known else name)
                existing = Person(key=key, name=known.name if known else name, sentence=sentence)
                if known:
                    existing.official_id = known.official_id
                self.by_key[key] = existing
                for short in existing.short_names():
                    self.by_surname.setdefault(short, existing)
                if known:
                    self.by_surname.setdefault(fold(name), existing)
            person = existing
            if known:
                person.country = person.country or known.country or country
                person.title = person.title or title or known.title
        else:
            self.anonymous += 1
            person = Person(key=f"~{country}-{self.anonymous}", name=None, sentence=sentence)
        if title and (not person.title or person.title == COUNTERPART):
            person.title = title
        if country and not person.country:
            person.country = country
        if not person.country and person.title:
            person.country = TITLE_COUNTRY.get(fold(person.title))
        return person

    def find(self, sentence: str) -> list[Mention]:
        """Everyone the sentence mentions, left to right, without overlaps."""
        p = self.patterns()
        found: list[Mention] = []

        def overlaps(a: int, b: int) -> bool:
            return any(not (b <= m.start or a >= m.end) for m in found)

        def add(name: str | None, title: str | None, country: str | None, a: int, b: int):
            if overlaps(a, b):
                return None
            person = self.register(name, title, country, sentence)
            found.append(Mention(person, a, b))
            return person

        for m in p["counterpart"].finditer(sentence):
            name, end = clean_name(m["name"], m.start("name"))
            if name:
                add(name, COUNTERPART, self.country_of(m["qual"]), m.start(), end)
        for m in p["counterparts"].finditer(sentence):
            if overlaps(m.start(), m.end()):
                continue
            quals = [q[0] for q in p["qual_any"].finditer(m["quals"])]
            for q in quals:
                person = self.register(None, COUNTERPART, self.country_of(q), sentence)
                found.append(Mention(person, m.start(), m.end()))
        for m in p["the_role"].finditer(sentence):
            if not overlaps(m.start(), m.end()):
                country = self.country_of(m["qual"])
                person = self.role_holder(country, clean_title(m["title"]), sentence)
                found.append(Mention(person, m.start(), m.end()))
        for key in ("name_title_of", "the_title_name", "title_name", "name_title"):
            for m in p[key].finditer(sentence):
                name, end = clean_name(m["name"], m.start("name"))
                if not name or self.is_not_a_person(name):
                    continue
                start = m.start() if key != "name_title_of" else m.start("name")
                if key in ("name_title", "name_title_of"):
                    end = m.end()
                groups = m.groupdict()
                qual = groups.get("qual")
                title_text = groups.get("title") or ""
                if key == "title_name":
                    behind = self.country_behind(sentence, start)
                    if behind:
                        qual, start = behind
                    words = title_text.split()
                    for k in range(min(3, len(words) - 1), 0, -1):
                        if self.country_of(" ".join(words[:k])):
                            # "Indian Commerce and Industry Minister": the country, then the title
                            qual = qual or " ".join(words[:k])
                            title_text = " ".join(words[k:])
                            break
                country = self.country_of(qual) or self.country_of(groups.get("of"))
                if country is None:
                    after = p["of_country"].match(sentence[end:])
                    if after:
                        country = self.country_of(after["of"])
                title = clean_title(title_text) if title_text else None
                add(name, title, country, start, end)
        # "China's Wang Yi": a possessive country word before a name.
        for m in re.finditer(r"'s\s+(?=[A-Z])", sentence):
            behind = self.country_behind(sentence, m.start() + 2)
            named = p["name_at"].match(sentence, m.end())
            if not behind or not named or not behind[0].endswith("'s"):
                continue
            name, end = clean_name(named[0], named.start())
            if name and not self.is_not_a_person(name):
                add(name, None, self.country_of(behind[0]), behind[1], end)
        # Names we know: officials in our tables, and people named earlier in the article.
        if self.lexicon.official_pattern is not None:
            for m in self.lexicon.official_pattern.finditer(sentence):
                add(m[0], None, None, m.start(), m.end())
        for m in re.finditer(r"\b[A-Z][\w'\-\u00C0-\u024F]+", sentence):
            word = m[0].removesuffix("'s")
            person = self.by_surname.get(fold(word))
            if person and not overlaps(m.start(), m.start() + len(word)):
                found.append(Mention(person, m.start(), m.start() + len(word)))
        found.sort(key=lambda mention: mention.start)
        return found

    def is_not_a_person(self, name: str) -> bool:
        folded = fold(name)
        return folded in self.lexicon.country_names or folded in FOLDED_TITLES

    def fill_defaults(self) -> None:
        for person in self.by_key.values():
            if not person.country and self.default_country:
                person.country = self.default_country


def compile_patterns(lexicon: Lexicon) -> dict[str, re.Pattern]:
    """The person patterns for a lexicon's country words, compiled once per lexicon."""
    if lexicon.person_patterns:
        return lexicon.person_patterns
    qual = lexicon.country_pattern.pattern if lexicon.country_pattern else "(?!x)x"
    qual = rf"(?:{qual})(?:\s+(?:administration|government|regime|side)'s)?"
    one = "|".join(re.escape(t) for t in TITLES)
    one = (
        rf"(?:{one}|Minister\s+(?:of|for)\s+[A-Z]\w+(?:\s+(?:and|of|for)\s+[A-Z]\w+){{0,3}}"
        # "Business and Trade Secretary", "Commerce and Industry Minister"
        rf"|(?:(?!{SENTENCE_WORDS})[A-Z][a-z]+\s+(?:and\s+)?){{1,3}}(?:Minister|Secretary|President))"
    )
    title = rf"{one}(?:\s+and\s+{one})?"
    quals = rf"{qual}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){qual})*"
    # Each pattern starts with a cheap literal or a title, never with the long list of country
    # words: the qualifier before a title is looked up behind the match instead.
    lexicon.person_patterns = {
        "title_name": re.compile(
            rf"{TITLE_MODIFIERS}(?P<title>{title}),?\s+"
            rf"(?:of\s+(?:the\s+)?(?P<of>{qual}),?\s+)?(?P<name>{NAME})"
        ),
        "name_title": re.compile(
            rf"(?P<name>{NAME}),\s+(?:the\s+|a\s+)?(?P<qual>{qual})\s+"
            rf"{TITLE_MODIFIERS}(?i:(?P<title>{title}))\b"
        ),
        "name_title_of": re.compile(
            rf"(?P<name>{NAME}),\s+(?:the\s+)?{TITLE_MODIFIERS}(?P<title>{title})\s+of\s+"
            rf"(?:the\s+)?(?P<of>{qual})"
        ),
        "the_title_name": re.compile(
            rf"\bthe\s+(?P<qual>{qual})\s+{TITLE_MODIFIERS}(?i:(?P<title>{title})),?\s+"
            rf"(?P<name>{NAME})"
        ),
        # "sat down with the Saudi crown prince": an official the text does not name
        "the_role": re.compile(
            rf"\bthe\s+(?P<qual>{qual})\s+{TITLE_MODIFIERS}(?i:(?P<title>{title}))\b"
            rf"(?!\s*,?\s*(?:{NAME}))"
        ),
        "counterpart": re.compile(
            rf"\b(?:his|her|their)\s+(?P<qual>{qual})\s+counterpart,?\s+(?P<name>{NAME})"
        ),
        "counterparts": re.compile(rf"\b(?:his|her|their)\s+(?P<quals>{quals})\s+counterparts?\b"),
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


def clean_name(name: str, start: int) -> tuple[str | None, int]:
    """Trim a captured name at the first word that cannot be part of one; returns (name, end)."""
    honorific = re.match(rf"{HONORIFIC}+", name)
    if honorific:
        start += honorific.end()
        name = name[honorific.end() :]
    tokens = name.split()
    kept: list[str] = []
    for token in tokens:
        bare = token.rstrip(".,").removesuffix("'s").removesuffix("’s")
        if fold(bare) in NOT_NAME_WORDS and not (len(bare) == 1 and token.endswith(".")):
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


def clean_title(title: str) -> str:
    """Titles with their words capitalised: "foreign minister" -> "Foreign Minister"."""
    return " ".join(
        w if w.isupper() or w in SMALL_WORDS else w[:1].upper() + w[1:] for w in title.split()
    )
