"""Reading the Office of the Historian's data files, in the folder layout of its public
repositories (HistoryAtState/visits, travels and pocom): records as plain values.

A file that is not XML, or a record without an id or a readable date, is reported with its file
and id and skipped; everything else is read.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SITE = "https://history.state.gov/departmenthistory"


class Unreadable(ValueError):
    """A file or record that cannot be read; the message names it."""


@dataclass(frozen=True)
class Term:
    """A US President's or Secretary of State's time in office."""

    person: str  # the records' person id: "trump-donald-j"
    name: str
    title: str
    start: datetime.date
    end: datetime.date | None


@dataclass(frozen=True)
class Record:
    """One visit to the US by a foreign leader, or one trip abroad by a President or Secretary."""

    collection: str  # "visits" or "travels"
    id: str
    file: str  # relative to the data folder
    start: datetime.date
    end: datetime.date
    country_id: str  # the records' own country id: "germany", "korea-south"
    country_name: str
    text: str  # the description (visits) or the remarks (travels), spaces collapsed
    visitor: str = ""  # visits: "Prime Minister Nehru"
    role: str = ""  # travels: "president" or "secretary"
    traveller: str = ""  # travels: the person id
    traveller_name: str = ""  # travels: "Dean Gooderham Acheson"
    locale: str = ""  # travels: "Frankfurt, Bonn"

    @property
    def url(self) -> str:
        """The record's page on history.state.gov (the traveller's trips, or the visits from a
        country), the record's id as the fragment."""
        if self.collection == "visits":
            return f"{SITE}/visits/{self.country_id}#{self.id}"
        return f"{SITE}/travels/{self.role}/{self.traveller}#{self.id}"


def _text(element, tag: str) -> str:
    return " ".join((element.findtext(tag) or "").split())


def _date(value: str, what: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise Unreadable(f"{what}: {value!r} is not a date") from None


def _parse(path: Path, root: Path):
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise Unreadable(f"{path.relative_to(root)}: not readable XML ({exc})") from None


def records(folder: Path, problems: list[str]) -> Iterator[Record]:
    """Every record of visits/data/*.xml and travels/*-travels/*.xml; the unreadable ones are
    described in problems instead."""
    files = sorted((folder / "visits" / "data").glob("*.xml"))
    files += sorted((folder / "travels").glob("*-travels/*.xml"))
    for path in files:
        name = str(path.relative_to(folder))
        try:
            root = _parse(path, folder)
        except Unreadable as exc:
            problems.append(str(exc))
            continue
        visits = path.parent.name == "data"
        for element in root.iter("visit" if visits else "trip"):
            record_id = _text(element, "id")
            try:
                if not record_id:
                    raise Unreadable("a record without an id")
                yield _record(element, visits, record_id, name)
            except Unreadable as exc:
                problems.append(f"{name}, record {record_id or '?'}: {exc}")


def _record(element, visits: bool, record_id: str, name: str) -> Record:
    start = _date(_text(element, "start-date"), "start-date")
    end = _date(_text(element, "end-date") or _text(element, "start-date"), "end-date")
    if end < start:
        raise Unreadable(f"ends ({end}) before it starts ({start})")
    country = element.find("from" if visits else "country")
    if country is None or not (country.get("id") or "").strip():
        raise Unreadable("no country")
    common = {
        "id": record_id,
        "file": name,
        "start": start,
        "end": end,
        "country_id": country.get("id").strip(),
        "country_name": " ".join((country.text or "").split()),
    }
    if visits:
        visitor = _text(element, "visitor")
        if not visitor:
            raise Unreadable("no visitor")
        return Record("visits", text=_text(element, "description"), visitor=visitor, **common)
    return Record(
        "travels",
        text=_text(element, "remarks"),
        role=_text(element, "role") or element.get("role", ""),
        traveller=element.get("who", ""),
        traveller_name=_text(element, "name"),
        locale=_text(element, "locale"),
        **common,
    )


def presidents(folder: Path) -> list[Term]:
    """Every President's terms, from travels/presidents/presidents.xml."""
    path = folder / "travels" / "presidents" / "presidents.xml"
    root = _parse(path, folder)
    terms = []
    for element in root.iter("president"):
        left = _text(element, "left-office-date")
        terms.append(
            Term(
                person=_text(element, "id"),
                name=_text(element, "name"),
                title="President",
                start=_date(_text(element, "took-office-date"), "took-office-date"),
                end=_date(left, "left-office-date") if left else None,
            )
        )
    return terms


def secretaries(folder: Path, names: dict[str, str]) -> list[Term]:
    """Every Secretary of State's terms, from pocom's secretary.xml; names: person id ->
    name as the travels give it (else made from the id: "rubio-marco" -> "Marco Rubio")."""
    path = folder / "pocom" / "positions-principals" / "secretary.xml"
    root = _parse(path, folder)
    terms = []
    for element in root.iter("principal"):
        person = _text(element, "person-id")
        started = element.find("started")
        ended = element.find("ended")
        start = _text(started, "date") if started is not None else ""
        end = _text(ended, "date") if ended is not None else ""
        if not person or not start:
            continue
        terms.append(
            Term(
                person=person,
                name=names.get(person) or name_from_id(person),
                title="Secretary of State",
                start=_date(start, "started"),
                end=_date(end, "ended") if end else None,
            )
        )
    return terms


def name_from_id(person: str) -> str:
    """ "rubio-marco" -> "Marco Rubio" (the records' ids are family name first)."""
    family, *given = person.split("-")
    return " ".join(part.capitalize() for part in [*given, family])


def short_name(full: str) -> str:
    """ "Dean Gooderham Acheson" -> "Dean Acheson"; "Joseph R. Biden" -> "Joseph Biden"."""
    words = [w for w in full.split() if not re.fullmatch(r"[A-Z]\.|[IVX]+|Jr\.?|Sr\.?", w)]
    return f"{words[0]} {words[-1]}" if len(words) > 2 else " ".join(words)
