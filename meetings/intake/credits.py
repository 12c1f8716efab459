"""Who an article credits: the agency in its dateline or byline, to pre-fill the publisher.

Wire copy names its agency where it starts ("NAIROBI, March 3 (Reuters) -", "New Delhi [India],
Oct 5 (ANI):"), in a byline ("By Jane Doe | AFP") or where it ends ("(Reporting by ...;
Editing by ...)", "-- WAM"). The reader finds the dateline; this reads the credit in it, and
looks for the others itself. A guess the editor sees, with the words it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from meetings.intake.lexicon import data_file
from meetings.text import fold

# News agencies by the names they are credited with, as the publisher is then written
# (meetings/data/outlets.json).
AGENCIES = {
    fold(name): publisher
    for publisher, names in data_file("outlets.json")["agencies"].items()
    for name in names
}

# "(Reuters)", "(ANI):" in the opening line; "[India]" names a region, not a credit.
OPENING_CREDIT = re.compile(r"\((?P<credit>[^()\n]{2,40})\)")
OPENING_LINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'\-]{1,40}(?:\s*\[[^\]\n]{1,30}\])?\s*,[^()\n]{0,40}"
    r"\((?P<credit>[^()\n]{2,40})\)\s*[:\-–—]"
)
# "By Jane Doe | AFP", "By Jane Doe, Reuters", "Jane Doe / AFP"
BYLINE = re.compile(
    r"^\s*(?:By\s+)?[^|/,\n]{2,60}?\s*(?:\||/|,|–|—|-)\s*(?P<credit>[^|/,\n]{2,40}?)\s*$"
)
# "(Reporting by ...; Editing by ...)": Reuters' sign-off.
SIGN_OFF = re.compile(r"^\(?\s*(?:Reporting|Writing|Additional reporting) by\b", re.I)
# "... on Saturday. -- WAM", "(AFP)", "© AFP" at the end
CLOSING_CREDIT = re.compile(
    r"(?:(?:^|[.!?\"”]\s*)(?:--|–|—|-)\s*|\(|©\s*|Copyright\s+)"
    r"(?P<credit>[A-Z][\w .'\-]{1,30}?)\)?\s*$"
)


@dataclass(frozen=True)
class Credit:
    publisher: str
    where: str  # "dateline", "byline", "sign-off"
    words: str  # the line it was read from, as written


def agency(words: str) -> str | None:
    """The agency these words name ("Agence France-Presse" is AFP), or None."""
    return AGENCIES.get(fold(words.strip(" .:")))


def credited(text: str, dateline_city: str | None = None) -> Credit | None:
    """The agency the article credits, or None. dateline_city is the city the reader read in
    the dateline, when it found one."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return None
    head, tail = lines[:6], lines[-3:]
    for line in head[:3]:
        credit = dateline_credit(line, dateline_city)
        if credit:
            return credit
    for line in head:
        m = BYLINE.match(line) if len(line) <= 120 else None
        name = agency(m["credit"]) if m else agency(line.strip("()"))
        if name:
            return Credit(name, "byline", line)
    for line in reversed(tail):
        if SIGN_OFF.match(line) and len(line) <= 300:
            return Credit("Reuters", "sign-off", line)
        m = CLOSING_CREDIT.search(line[-60:])
        name = agency(m["credit"]) if m else None
        if name:
            return Credit(name, "sign-off", line[-60:].strip())
    return None


def dateline_credit(line: str, city: str | None) -> Credit | None:
    """ "KUALA LUMPUR, Oct 28 (Wire) -": a credit in parentheses in the opening line. Any name
    is taken when the reader found the dateline there; otherwise a known agency only."""
    opening = line[:120]
    if city and fold(opening).startswith(fold(city)):
        m = OPENING_CREDIT.search(opening)
        if m and not any(ch.isdigit() for ch in m["credit"]):
            words = m["credit"].strip()
            return Credit(agency(words) or words, "dateline", opening[: m.end()].strip())
    m = OPENING_LINE.match(opening)
    if m and agency(m["credit"]):
        return Credit(agency(m["credit"]), "dateline", opening[: m.end()].strip(" :-–—"))
    return None
