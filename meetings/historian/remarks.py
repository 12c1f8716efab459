"""Who a record says was met: the people named after "Met with", "Discussed … with",
"Accompanied President X to a meeting with" and the like, with their titles, names and
countries, grouped as the meetings they make; the gatherings attended; a stated day.

The records are terse ("Met with President Heuss and Chancellor Adenauer.", "Met with the
Presidents of Peru, Colombia, and Bolivia", "Also met with Chinese President Hu Jintao"), so a
few rules read them: titles from the article reader's list, countries by name or demonym from
the Country table (meetings.intake.lexicon), names as the capitalised words after a title.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

# What opens a meeting clause, and what the people after it are: the "with" of "Discussed the
# peace process with President Assad" is found by the pattern.
TRIGGER = re.compile(
    r"\b(?:(?:also\s+|further\s+|then\s+|again\s+|informally\s+|separately\s+)?"
    r"(?:met|meetings?|talks|conferred|consulted|conversations?|discussions?|lunch(?:eon)?|"
    r"dinner|breakfast|lunched|dined|negotiated|negotiations|audiences?|visited|"
    r"discussed|reviewed|exchanged\s+views|held\s+talks)\b[^.;]*?\bwith\b"
    r"|\baudience\s+with\b|\bbriefed\b|\bcalled\s+on\b|\breceived\s+by\b"
    r"|\bmeeting\s+between\b"
    r"|\bguest\s+of\b|\bmet\b(?!\s+with))",
    re.I,
)
# "Accompanied President Bush to a meeting with …": the President is on the US side.
ACCOMPANIED = re.compile(
    r"\baccompanied\s+(?:the\s+)?President\s+(?P<who>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*)"
    r"(?P<rest>[^.;]*)",
)
JOINT = re.compile(r"\b(?:jointly|together|trilateral|quadrilateral|joint\s+meeting)\b", re.I)
ATTENDED = re.compile(
    r"\b(?:attended|participated\s+in|addressed|co-?chaired|chaired|led\s+the\s+U\.S\.\s+"
    r"delegation\s+to|took\s+part\s+in)\s+(?:the\s+|a\s+|an\s+)?(?P<what>[^.;]+)",
    re.I,
)
GATHERING = re.compile(
    r"\b(?:summit|conference|ministerial|council|session|assembly|meeting\s+of|"
    r"(?:ministers|leaders)(?:['’]?)\s+meeting|G-?\s?\d+|NATO|OAS|ASEAN|APEC|SEATO|CENTO|OSCE|"
    r"CSCE|Quad|forum|dialogue|talks\s+on|negotiations\s+on)\b",
    re.I,
)
MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
STATED_DAY = re.compile(
    r"\b(?:on\s+)?(?P<month>January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+(?P<day>\d{1,2})\b(?![,\s]*\d{4})"
)
# Words that end a name (a verb, a preposition that starts what follows).
STOP = {
    "and", "to", "on", "in", "at", "of", "for", "about", "regarding", "concerning", "during",
    "who", "whom", "while", "after", "before", "the", "a", "an", "with", "as", "also", "then",
    "later", "by", "from", "over", "into", "under", "following", "prior", "discussed",
    "reviewed", "signed", "attended", "visited", "toured", "addressed", "met",
}  # fmt: skip
# People who are no government's officials, and groups too vague to count.
NOT_OFFICIALS = re.compile(
    r"\b(?:UN|U\.N\.|United\s+Nations|NATO|OAS|EU|European\s+Union|World\s+Bank|IMF|"
    r"Secretary[- ]General|Special\s+Envoy|High\s+Representative|opposition|students?|"
    r"business|leaders?\s+of\s+the\s+opposition|refugees|troops|veterans|journalists|"
    r"press|delegates|representatives|members\s+of|civil\s+society|Patriarch|Archbishop|"
    r"Cardinal|Mayor|Governor(?![- ]General)|Commissioner|rebels?|clergy|dissidents?)\b",
    re.I,
)
# a country's name on its own: "Italy", "the Federal Republic of Germany"
BARE_PLACE = re.compile(r"^(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|and|the|[A-Z][\w'’.-]*)){0,5}$")
GROUP_WORDS = re.compile(r"\b(?:officials|leaders|leadership|government|authorities)\b", re.I)
NOT_GOVERNMENTS = re.compile(r"\b(?:colonial|local|provincial|municipal|military|party)\b", re.I)


@dataclass
class Person:
    """Someone a record says was met: title, name (None when named by office only), country
    (an ISO code, or None when the text does not say), and the words they were read from."""

    title: str
    name: str | None
    country: str | None
    said: str


@dataclass
class Reading:
    """What a record's text says: meetings (each a list of people, with the day stated for
    it), whether the text says they met together, what was attended, who was accompanied."""

    meetings: list[tuple[list[Person], datetime.date | None, bool]] = field(default_factory=list)
    attended: list[str] = field(default_factory=list)
    accompanied: str | None = None  # the President the Secretary went with to a meeting


class Vocabulary:
    """Titles and country words, looked up by the rules below."""

    def __init__(self, titles: list[str], country_words: dict[str, str], demonyms: dict):
        # longest first, so "Deputy Prime Minister" wins over "Prime Minister"
        self.titles = sorted(set(titles), key=len, reverse=True)
        self.title_pattern = re.compile(
            r"(?:(?:Acting|Interim|Provisional|First|Federal|State|Crown|Vice|Deputy|Former|"
            r"Executive|Transitional)\s+)*(?:"
            + "|".join(re.escape(t) for t in self.titles)
            + r")(?:\s*/\s*(?:"
            + "|".join(re.escape(t) for t in self.titles)
            + r"))?(?:s)?\b"
        )
        self.countries = country_words  # folded name -> code
        self.demonyms = demonyms  # folded demonym -> code
        words = sorted({*country_words, *demonyms}, key=len, reverse=True)
        self.country_pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I
        )


def read(
    text: str,
    vocabulary: Vocabulary,
    *,
    year: int,
    month: int,
    fold: Callable[[str], str],
) -> Reading:
    """What the text says; year and month: the record's start, for a day stated without them."""
    reading = Reading()
    for sentence in sentences(text):
        listing = False  # a list of people that runs on past a semicolon
        for clause in re.split(r";\s*", sentence):
            what = ATTENDED.search(clause)
            if what and GATHERING.search(what.group("what")):
                reading.attended.append(gathering_name(what.group("what")))
            went = ACCOMPANIED.search(clause)
            if went:
                rest = went.group("rest")
                if not re.search(r"\bmeeting|\btalks|\bmet\b", rest, re.I):
                    continue
                reading.accompanied = went.group("who")
                clause = rest
            trigger = TRIGGER.search(clause)
            if trigger:
                people_text = clause[trigger.end() :]
            elif listing and re.match(r"^(?:and\s+)?(?:the\s+)?[A-Z]", clause):
                people_text = clause  # "…; the Kings of Belgium, Jordan, and Spain; and …"
            else:
                listing = False
                continue
            listing = True
            people_text = people_text.lstrip()
            people = people_in(people_text, vocabulary, fold)
            if not people:
                continue
            day = stated_day(clause, year, month)
            reading.meetings.append((people, day, bool(JOINT.search(clause))))
    return reading


def sentences(text: str) -> list[str]:
    """The text's sentences; an initial ("John F. Kennedy") or "U.S." does not end one."""
    text = re.sub(r"\b(U|S|N|A|Jr|Sr|Mr|Dr|St|Gen|Lt|Col|No)\.", r"\1<dot>", text)
    text = re.sub(r"\b([A-Z])\.", r"\1<dot>", text)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    return [p.replace("<dot>", ".").strip() for p in parts if p.strip()]


def gathering_name(words: str) -> str:
    """ "the G-8 Summit Meeting at Heiligendamm" -> "G-8 Summit Meeting"."""
    words = re.split(r"\s+(?:at|in|on|with|where|and\s+(?:met|discussed|signed))\s+", words)[0]
    words = re.sub(r"^(?:the|a|an)\s+", "", words.strip(" ,."), flags=re.I)
    return words[:1].upper() + words[1:]


def stated_day(clause: str, year: int, month: int) -> datetime.date | None:
    """A day the clause names ("… May 24"), in the record's year (or the next one, for a
    January in a trip that began in December)."""
    found = STATED_DAY.search(clause)
    if not found:
        return None
    day_month = MONTHS[found.group("month").lower()]
    day_year = year + 1 if day_month < month - 6 else year
    try:
        return datetime.date(day_year, day_month, int(found.group("day")))
    except ValueError:
        return None


def people_in(text: str, vocabulary: Vocabulary, fold, *, visitor: bool = False) -> list[Person]:
    """The people named in the words after a meeting verb, in order; visitor: the words are a
    visit record's visitor field ("President Archbishop Makarios III"), all officials."""
    text = re.split(
        r"\s+(?:to|and\s+(?:discussed|reviewed|signed|attended|addressed|toured|"
        r"visited)|who|which|regarding|concerning|about|on\s+the)\s",
        text,
    )[0]
    people: list[Person] = []
    parts = split_list(text, vocabulary)
    # "Crown Prince and Prime Minister Mohammed bin Salman": one person with both titles
    joined: list[str] = []
    for part in parts:
        if joined and vocabulary.title_pattern.fullmatch(joined[-1].removeprefix("the ")):
            joined[-1] = f"{joined[-1]} and {part}"
        else:
            joined.append(part)
    for part in joined:
        people.extend(person_in(part, vocabulary, fold, people, visitor=visitor))
    return people


def split_list(text: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """The items of a list of people: commas and "and" separate them, except where a title
    covers several countries ("the Presidents of Peru, Colombia, and Bolivia")."""
    items: list[str] = []
    for chunk in re.split(
        r"\s*(?:,|\band\b|&)\s*(?=(?:and\s+)?(?:with\s+)?(?:the\s+)?[A-Z])", text
    ):
        chunk = re.sub(r"^(?:and\s+)?(?:with\s+)?", "", chunk.strip(" ,."))
        if not chunk:
            continue
        # a bare country continues the titles-of list before it
        if (
            items
            and BARE_PLACE.match(chunk)
            and (vocabulary is None or not vocabulary.title_pattern.search(chunk))
            and (re.search(r"\b\w+s\s+of\s+", items[-1]))
        ):
            items[-1] += ", " + chunk
            continue
        items.append(chunk)
    return items


def person_in(
    item: str, vocabulary: Vocabulary, fold, before: list[Person], *, visitor: bool = False
) -> list[Person]:
    """The people one list item names: one, or several for "the Presidents of A and B"."""
    if not visitor and (
        NOT_OFFICIALS.search(item) or re.match(r"^(?:the\s+)?former\b", item, re.I)
    ):
        return []
    title_match = vocabulary.title_pattern.search(item)
    if title_match is None:
        return _group(item, vocabulary, fold)
    title = title_match.group(0)
    lead = item[: title_match.start()].strip()
    rest = item[title_match.end() :].strip()
    both = re.match(r"^and\s+(?P<second>" + vocabulary.title_pattern.pattern + r")\s*", rest)
    if both:
        title = f"{title} and {both.group('second')}"
        rest = rest[both.end() :]
    # "the Presidents of Peru, Colombia, and Bolivia": one unnamed person per country
    plural = title.endswith("s") and not title.endswith("ss")
    of_places = re.match(r"^of\s+(?P<places>.+)$", rest)
    if plural:
        if not of_places:
            return []  # "Contact Group Foreign Ministers": several, and no country said
        codes = countries_in(of_places.group("places"), vocabulary, fold)
        return [Person(title[:-1], None, code, item) for code in codes]
    country = None
    if lead:
        country = country_word(lead, vocabulary, fold)
    name, after = name_after(rest)
    if after:
        of = re.match(r"^(?:of|from)\s+(?:the\s+)?(?P<place>[A-Z][^,;]*)", after)
        if of:
            country = countries_in(of.group("place"), vocabulary, fold)[:1] or [country]
            country = country[0]
    elif rest.lower().startswith(("of ", "from ")):
        country = (countries_in(rest[3:], vocabulary, fold) or [country])[0]
    if name is None and country is None and not rest.lower().startswith(("of", "from")):
        # "the Foreign Minister" with no country: the host's; it is said later
        pass
    return [Person(title, name, country, item)]


def name_after(text: str) -> tuple[str | None, str]:
    """A name at the start of text ("Sheikh Sabah al-Ahmed al-Sabah of Kuwait") and what
    follows it."""
    words = text.split()
    taken: list[str] = []
    for n, word in enumerate(words):
        bare = word.strip(",.")
        if not bare:
            break
        lower = bare.lower()
        if lower in MONTHS and n + 1 < len(words) and words[n + 1][:1].isdigit():
            break  # "Begin May 24": a date, not a name
        if lower in STOP and taken:
            break
        if lower in STOP:
            break
        # lower-case particles of names: "al-Sabah", "bin Zayed", "de Gaulle", "Batlle y Ordonez"
        starts_upper = bare[0].isupper() or re.match(
            r"^(?:al|el|bin|ibn|de|da|van|von|di|du|la|le|del|della|dos|das|ben|abu|y)(?:[-']|$)",
            lower,
        )
        if not starts_upper and not re.fullmatch(r"[IVX]+", bare):
            break
        taken.append(bare)
        if word.endswith(","):
            break
    name = " ".join(taken).strip()
    rest = " ".join(words[len(taken) :])
    # particles only, or a lone article: no name
    if not name or not re.search(r"[A-Z]", name):
        return None, text
    return name, rest


def _group(item: str, vocabulary: Vocabulary, fold) -> list[Person]:
    """ "senior Israeli officials", "Soviet leaders": one unnamed person for the group."""
    if not GROUP_WORDS.search(item) or NOT_GOVERNMENTS.search(item):
        return []
    code = country_word(item, vocabulary, fold)
    if code is None:
        return []
    return [Person("officials", None, code, item)]


def country_word(text: str, vocabulary: Vocabulary, fold) -> str | None:
    """The country a demonym or country name in text stands for ("Soviet", "Chinese")."""
    for match in vocabulary.country_pattern.finditer(text):
        word = fold(match.group(0))
        code = vocabulary.demonyms.get(word) or vocabulary.countries.get(word)
        if code:
            return code
    return None


def countries_in(text: str, vocabulary: Vocabulary, fold) -> list[str]:
    """The countries a list names, in order ("Peru, Colombia, and Bolivia")."""
    found = []
    for match in vocabulary.country_pattern.finditer(text):
        word = fold(match.group(0))
        code = vocabulary.countries.get(word) or vocabulary.demonyms.get(word)
        if code and code not in found:
            found.append(code)
    return found
