"""The words the reader knows: titles, meeting verbs, and our tables (countries, people, topics).

Everything here is rules and vocabularies; there is no statistical model.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from meetings.models import Country, Official, Position, Topic, split_lines
from meetings.text import fold

DATA = Path(__file__).resolve().parent.parent / "data"


@functools.cache
def data_file(name: str) -> dict:
    """One of the reader's vocabularies in meetings/data, read once per process."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


# Titles officials carry in news copy, longest first so "Deputy Prime Minister" wins over
# "Prime Minister". Matched case-sensitively before a name ("Foreign Minister Wang Yi") and
# case-insensitively after "the <demonym>" ("the Brazilian foreign minister, Mauro Vieira").
TITLES = sorted(
    [
        "External Affairs Minister",
        "Minister of External Affairs",
        "Foreign Affairs Minister",
        "Minister of Foreign Affairs",
        "Minister for Foreign Affairs",
        "Secretary of Foreign Affairs",
        "Foreign Minister",
        "Foreign Secretary",
        "Secretary of State",
        "Deputy Secretary of State",
        "Prime Minister",
        "Deputy Prime Minister",
        "First Deputy Prime Minister",
        "President",
        "Vice President",
        "Vice-President",
        "Chancellor",
        "Federal Chancellor",
        "Defence Minister",
        "Defense Minister",
        "Minister of Defence",
        "Minister of Defense",
        "Defence Secretary",
        "Defense Secretary",
        "Secretary of Defense",
        "Secretary of War",
        "War Secretary",
        "Trade Minister",
        "Minister of Trade",
        "Commerce Minister",
        "Commerce and Industry Minister",
        "Commerce Secretary",
        "Secretary of Commerce",
        "Trade Representative",
        "Finance Minister",
        "Treasury Secretary",
        "Secretary of the Treasury",
        "National Security Adviser",
        "National Security Advisor",
        "Home Minister",
        "Interior Minister",
        "Energy Minister",
        "Energy Secretary",
        "Premier",
        "Vice Premier",
        "State Councillor",
        "King",
        "Queen",
        "Crown Prince",
        "Emir",
        "Amir",
        "Sultan",
        "Taoiseach",
        "Secretary-General",
        "Secretary General",
        "High Representative",
        "Special Envoy",
        "Ambassador",
        "Supreme Leader",
        # "North Korean leader Kim Jong Un"
        "Leader",
        "Chief Adviser",
        "General Secretary",
        "Secretary",
        "Senator",
        "Sheikh",
        "Prince",
        "Crown Princess",
        "Communist Party General Secretary",
        "Party General Secretary",
        "Minister",
        "President-elect",
        "Prime Minister-designate",
        "Ambassador Extraordinary and Plenipotentiary",
        "High Commissioner",
        # the heads of armed forces: "Pakistan army chief General X", "Chief of Army Staff X"
        "Army Chief",
        "Chief of Army Staff",
        "Chief of the Army Staff",
        "Chief of Defence Staff",
        "Chief of the Defence Staff",
        "Chief of General Staff",
        "Chief of the General Staff",
        "Chargé d'Affaires",
        "Chargé d’Affaires",
        "Charge d'Affaires",
        "Charge d’Affaires",
        "Special Representative",
        "State Councilor",
        "Head of State",
        "Head of Government",
        "Minister of State",
        "Deputy Foreign Minister",
        "Vice Foreign Minister",
        "Chief Executive",
        "Governor-General",
        "Emperor",
        "Grand Duke",
        "Speaker",
        "PM",
        "FM",
        "EAM",
    ],
    key=len,
    reverse=True,
)

# A title that says which country it belongs to when the text does not.
TITLE_COUNTRY = {
    "external affairs minister": "IN",
    "minister of external affairs": "IN",
    "secretary of state": "US",
    "deputy secretary of state": "US",
    "secretary of defense": "US",
    "secretary of war": "US",
    "war secretary": "US",
    "trade representative": "US",
    "secretary of the treasury": "US",
    "treasury secretary": "US",
    "taoiseach": "IE",
    "federal chancellor": "DE",
    "chancellor": "DE",
    "state councillor": "CN",
    "state councilor": "CN",
    "vice premier": "CN",
    "chief adviser": "BD",
}

# Words that qualify a title without naming a country: "Union External Affairs Minister".
TITLE_MODIFIERS = (
    r"(?:(?:Union|Acting|acting|Interim|interim|Senior|Caretaker|caretaker|Outgoing|Incoming"
    r"|Federal|visiting|Visiting|host|Host|State(?=\s+Minister\b))\s+)?"
)

# Titles people go by in running text instead of their name, resolved to the person holding it.
ROLE_REFERENCES = {
    "eam": "external affairs minister",
    "the secretary": "secretary of state",
    "the fm": "foreign minister",
    "the pm": "prime minister",
}
# Titles news abbreviates: "PM Modi", "FM Wang".
ABBREVIATED_TITLES = {
    "PM": "Prime Minister",
    "FM": "Foreign Minister",
    "EAM": "External Affairs Minister",
}

NAME_PARTICLES = r"(?:bin|binti|bint|al|el|de|da|do|dos|das|van|von|der|den|la|le|di|du|ibn|ben|y)"
# A capitalised word with a lower-case letter in it, or an initial. The possessive quantifier
# keeps a failed match from retrying every way of splitting a name (which is exponential).
# Capitals with accents open names too: "Çavuşoğlu", "Éric", "Łukasz", "Štefan".
UPPER = (
    "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100\u0102\u0104\u0106\u010c\u010e\u0110\u0118"
    "\u011a\u011e\u0130\u0141\u0143\u0147\u0150\u0152\u0158\u015a\u015e\u0160\u0162"
    "\u0164\u016a\u016e\u0170\u0179\u017b\u017d"
)
NAME_TOKEN = (
    rf"(?:[{UPPER}](?=[A-Za-z\u00C0-\u024F'\-]*?[a-z\u00C0-\u024F])[A-Za-z\u00C0-\u024F'\-]*+"
    # initials glued together before a name: "K.P. Sharma Oli" (not "U.S. President")
    r"|(?<![\w.])(?!(?:U\.S|U\.K|U\.N|E\.U|U\.A\.E|D\.C)\.)(?:[A-Z]\.){2,3}(?=\s+[A-Z][a-z])"
    r"|[A-Z]\."
    # two initials written together before a given and a family name: "KP Sharma Oli"
    r"|(?<![\w.])(?!(?:US|UK|UN|EU|PM|FM|MP|DR|AP|AU|NZ|TV|OK)\b)[A-Z]{2}(?=\s+[A-Z][a-z]+\s+[A-Z][a-z]))"
)
HONORIFIC = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof|H\.E|H\.H|H\.R\.H|HRH|HE|HH|Hon|Engr|Rt)\.?\s+|(?:[Tt]he\s+)?(?:Right\s+)?Honou?rable\s+|His\s+Excellency\s+"
    r"|Her\s+Excellency\s+|(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Majesty)\s+|Sheikh\s+|Sheikha\s+|(?:Datuk|Dato'?|Tan)\s+Sri\s+|Datuk\s+Seri\s+(?:Utama\s+)?"
    r"|Dato'\s+Seri\s+(?:Utama\s+)?|Datuk\s+|Dato'\s+|Tun\s+|Shri\s+|Alhaji\s+|(?<!Crown\s)Prince\s+|(?<!Crown\s)Princess\s+"
    # a rank before an envoy's or a minister's name: "Major General (R) X", "Gen (retd.) Y"
    r"|(?:(?:Major|Lieutenant|Brigadier|Lt\.?|Maj\.?)\s+)?(?:General|Gen\.?)\s+(?:\((?i:retd?\.?|r|retired)\)\s+)?"
    r"|(?:Air\s+Chief\s+Marshal|Admiral|Adm\.|Colonel|Col\.)\s+(?:\((?i:retd?\.?|r|retired)\)\s+)?)"
)
# "Jr.", and the regnal numbers of kings: "Mohammed VI", "Charles III".
NAME_SUFFIX = r"(?:,?\s+(?:Jr\.?|Sr\.?|X{0,2}(?:IX|IV|V?I{1,3}|V|X))(?![\w]))?"
# "Amr el-Sayed", "Nasser al-Harthy": an Arabic article joined to the family name.
JOINED_PARTICLE = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|ul|ud|uz)-)"
# An initial written without its full stop, inside a name: "A. K Rahman".
BARE_INITIAL = r"[A-Z](?=(?:\s+[A-Z](?=\s))*\s+[A-Z][a-z])"
# A family name opening with a glottal stop: "Fekitamoeloa 'Utoikamanu", "ʻAkilisi Pōhiva" (not
# a nickname in quotes: "Pushpa Kamal Dahal 'Prachanda'").
OKINA_TOKEN = rf"['\u02bb\u2018][{UPPER}][a-z\u00C0-\u024F]+(?![a-z\u00C0-\u024F'\u2019])"
NAME_NEXT = rf"(?:{JOINED_PARTICLE}?{NAME_TOKEN}|{BARE_INITIAL}|{OKINA_TOKEN})"
NAME_MORE = rf"(?:\s+(?:{NAME_PARTICLES}\s+){{0,2}}{NAME_NEXT}){{0,4}}"
# "S Rao"; never the article "A" or the pronoun "I".
NAME = rf"{HONORIFIC}*(?:{NAME_TOKEN}|(?![AI]\s){BARE_INITIAL}){NAME_MORE}{NAME_SUFFIX}"

# Capitalised words that end a name: "Marco Rubio Monday", "Narendra Modi In".
NOT_NAME_WORDS = {
    *["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    *["january", "february", "march", "april", "june", "july", "august", "september"],
    *["october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug"],
    *["sep", "sept", "oct", "nov", "dec", "the", "he", "she", "they", "his", "her", "their"],
    *["earlier", "later", "also", "today", "yesterday", "tomorrow", "but", "and", "said"],
}

# Verbs and nouns that report a meeting, with the kind they imply.
CALL = "call"
VIRTUAL = "virtual"
IN_PERSON = "in-person"

TRIGGERS: list[tuple[re.Pattern, str]] = [
    (
        re.compile(
            # "spoke for more than an hour Tuesday by phone"
            r"\b(?:spoke|spoken|talked|talking|speaks|talks|conversed)\b(?:\s+\w+){0,6}?\s+"
            r"(?:by|over(?:\s+the)?|on\s+the|via)\s+(?:tele)?phone\b",
            re.I,
        ),
        CALL,
    ),
    (
        re.compile(
            r"\b(?:tele)?phon(?:e|ic)\s+(?:call|calls|conversation|conversations|talks?|chats?)\b",
            re.I,
        ),
        CALL,
    ),
    (re.compile(r"\bcalls?\s+with\b", re.I), CALL),
    # "Talks between A and B by telephone took place at 15:00"
    (
        re.compile(
            r"\b(?:talks|discussions?|conversation|consultations)\s+(?:[^;]{0,100}?\s)?"
            r"(?:by|over\s+the|via)\s+(?:tele)?phone\b",
            re.I,
        ),
        CALL,
    ),
    # "a call between A and B", "A and B had a friendly and productive call today"
    (
        re.compile(
            r"\bcall\s+between\b|\b(?:had|held|made)\s+an?\s+(?:[\w'’-]+\s+){0,4}?call\b(?!\s+(?:for|on)\b)",
            re.I,
        ),
        CALL,
    ),
    (re.compile(r"\breceived\s+an?\s+(?:phone\s+|telephone\s+)?call\b", re.I), CALL),
    (re.compile(r"\b(?:phoned|telephoned|dialled|dialed)\b", re.I), CALL),
    # "had called up Khan on July 30"
    (re.compile(r"\bcalled\s+up\s+(?=[A-Z])"), CALL),
    # "called her counterpart": a call (not "called on", a visit, nor "called for")
    (
        re.compile(
            r"\bcalled\s+(?:up\s+)?(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?counterparts?\b", re.I
        ),
        CALL,
    ),
    # "called Saudi Foreign Minister X", "called President Y": a title after "called" (the
    # object's words start with a capital: not "called for", "called it", "called off")
    (
        re.compile(
            r"\bcalled\s+(?:up\s+)?(?=(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
            r"(?:President|Prime\s+Minister|Premier|Chancellor|King|Emir|Crown\s+Prince|Sultan"
            r"|(?:Foreign|Defen[cs]e|Trade)\s+(?:Minister|Secretary)|Secretary\s+of\s+State)\b)"
        ),
        CALL,
    ),
    (re.compile(r"\bspok(?:e|en)\b(?:\s+\w+){0,2}?\s+(?:with|to)\b", re.I), CALL),
    (
        re.compile(
            r"\b(?:virtual|online)\s+(?:summit|meeting|talks|call|conversation)\b"
            r"|\bvideo\s*(?:link|conference|call|conferencing)\b|\bby\s+video\b"
            r"|\b(?:joined|appeared)\s+on\s+screen\b",
            re.I,
        ),
        VIRTUAL,
    ),
    (re.compile(r"\b(?:courtesy|farewell|introductory)\s+call\b|\bcalled\s+on\b", re.I), IN_PERSON),
    # A caption's present tense, "X calls on Prime Minister Y in Colombo"; not "calls on
    # Y to resign" (an appeal)
    (re.compile(r"\bcalls\s+on\b(?![^.;]{0,90}?\bto\s+[a-z])"), IN_PERSON),
    (re.compile(r"\b(?:met|meets)\b", re.I), IN_PERSON),
    # "At the beginning of the bilateral meeting, the two Heads of State paid tribute to ..."
    (
        re.compile(
            r"\b(?:at|during|in|after)\s+(?:the\s+(?:beginning|start|course|end|outset)\s+of\s+)?"
            r"the\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|discussions)\s*,(?=\s*(?:the\s+two|both)\s)",
            re.I,
        ),
        IN_PERSON,
    ),
    # "was in Montevideo in February and talked with President X" (by phone: a call, above)
    (re.compile(r"\btalked\s+with\b", re.I), IN_PERSON),
    # "Talking to the visiting Uzbek Foreign Minister X, the Prime Minister said": what was
    # said to an official is said at a meeting (not "talking to reporters", "speaking to CNN")
    (
        re.compile(
            r"\b(?:[Tt]alking|[Ss]peaking)\s+(?:to|with)\s+(?=(?:the\s+|his\s+|her\s+)?(?:visiting\s+)?"
            r"(?:[A-Z][\w'’-]*\s+){0,4}?(?:President|Prime\s+Minister|Premier|Minister|Secretary"
            r"|Ambassador|High\s+Commissioner|Chancellor|King|Emir|Crown\s+Prince|Sultan|Envoy"
            r"|counterpart)\b)"
        ),
        IN_PERSON,
    ),
    # "a catch-up over dinner with X", "lunch with X"
    (
        re.compile(
            r"\b(?:catch-?up(?:\s+over\s+(?:dinner|lunch|breakfast))?|dinner|lunch|breakfast)"
            r"\s+with\b",
            re.I,
        ),
        IN_PERSON,
    ),
    # "was hosted to lunch by his counterpart X", "interacted with his Malaysian counterpart"
    (
        re.compile(
            r"\bwas\s+hosted(?:\s+(?:to|at|for)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:lunch|dinner"
            r"|breakfast|banquet|reception))?\s+by\b|\binteracted\s+with\b"
            # "came together with Yellen on the sidelines of the G-20 meeting"
            r"|\b(?:came|got)\s+together\s+with\b",
            re.I,
        ),
        IN_PERSON,
    ),
    # "went to the Akasaka Guest House to meet with X": travelled, and met
    (
        re.compile(
            r"\b(?:went|came|flew|travell?ed|drove|stopped|headed)\b[^.;!?,]{0,60}?\bto\s+meet\b",
            re.I,
        ),
        IN_PERSON,
    ),
    # "since they came together in Bali last October": met (not "came together to oppose")
    (re.compile(r"\bcame\s+together\s+(?=in\s+[A-Z]|at\s+the\s+[A-Z])", re.I), IN_PERSON),
    (re.compile(r"\bmeetings?\s+with\b", re.I), IN_PERSON),
    # A caption: "PM X meeting Vietnamese PM Y on the sidelines of ..." (not "the meeting
    # Monday", "a meeting President Y called")
    (
        re.compile(
            r"(?<![Tt]he\s)(?<![Aa]\s)(?<![Tt]his\s)(?<![Tt]heir\s)(?<![Hh]is\s)(?<![Hh]er\s)"
            r"\bmeeting\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            r"|January|February|March|April|May|June|July|August|September|October|November"
            r"|December)\b)(?=[A-Z])"
        ),
        IN_PERSON,
    ),
    # "returned home from a working visit to his Ivorian counterpart, President X": a visit
    # paid to a person (a visit to a place says nothing of whom it met)
    (
        re.compile(
            r"\bvisit\s+to\s+(?=(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?counterparts?\b"
            r"|(?:President|Prime\s+Minister|Chancellor|King|Queen|Emir|Sultan)\s+[A-Z])",
            re.I,
        ),
        IN_PERSON,
    ),
    # "visited President X at the State House", "visited his counterpart": a person visited
    # (not "visited the President's hometown")
    (
        re.compile(
            r"\b[Vv]isit(?:ed|s)\s+(?=(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?counterparts?\b"
            r"|(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,2}(?:President|Prime\s+Minister|Premier|Chancellor"
            r"|King|Queen|Emir|Sultan|Crown\s+Prince)\s+[A-Z][\w-]+(?!'s?\b))"
        ),
        IN_PERSON,
    ),
    # "The first bilateral meeting of the day (, after speaking at the plenary,) was with the
    # Prime Minister of X"
    (
        re.compile(
            r"\b(?:meeting|talks|bilateral|discussions?)\b[^;,]{0,30}?(?:,[^.;,]{1,60},\s*)?"
            r"\b(?:was|were)\s+with\b",
            re.I,
        ),
        IN_PERSON,
    ),
    # "the first call X made on Monday after taking office was to Y"
    (
        re.compile(r"\b(?:phone\s+)?call\b[^;,.]{0,60}?\b(?:was|were)(?=\s+(?:with|to)\b)", re.I),
        CALL,
    ),
    (
        re.compile(
            # "held more than three hours of talks", not "had featured in the talks"
            r"\b(?:held|hold|holds|had|concluded)\b"
            # (a word ending in "ed" is a verb's, but "closed-door" is an adjective)
            r"(?:\s+(?!(?:in|on|at|about|during|after|before|since)(?![\w'’-]))(?![\w'’-]+ed(?![\w'’-]))"
            r"[\w'’-]+){0,5}?\s+"
            r"(?:talks|meeting|meetings|discussions?|consultations|summit|dialogue|conversation"
            r"|encounters?|dinner|lunch|luncheon|breakfast|banquet|exchanges?|interactions?)\b",
            re.I,
        ),
        IN_PERSON,
    ),
    (re.compile(r"\b(?:talks|discussions|dialogue|conversations?)\s+with\b", re.I), IN_PERSON),
    # "The discussion held with Zimbabwean Foreign Minister X was focused on ..."
    (
        re.compile(r"\b(?:discussions?|meetings?|talks)\s+(?:was\s+|were\s+)?held\s+with\b", re.I),
        IN_PERSON,
    ),
    # "Bilateral discussions were also held with A, B and C": the report's subject held them
    (
        re.compile(
            r"\b(?:talks|discussions|meetings|consultations)\s+(?:were|was)\s+(?:also\s+)?"
            r"held\s+with\b",
            re.I,
        ),
        IN_PERSON,
    ),
    # "told a joint press conference with Karzai": the two stood side by side
    (re.compile(r"\bjoint\s+(?:press|news)\s+(?:conference|briefing)\s+with\b", re.I), IN_PERSON),
    # "hailed his June summit in Singapore with Kim"
    (re.compile(r"\bsummit\s+(?:(?:in|at)\s+[A-Z][\w'-]+\s+)?with\b", re.I), IN_PERSON),
    # "At their talks in the Oval Office, Biden told Ruto": everyone the sentence names
    (
        re.compile(
            r"\b(?:at|during|after|following|in)\s+their\s+(?:[\w-]+\s+){0,2}?(?:talks|meeting|summit"
            r"|(?:tele)?phone\s+(?:call|conversation)|video\s+(?:call|conference)|call|conversation)\b",
            re.I,
        ),
        IN_PERSON,
    ),
    (
        re.compile(
            r"\b(?:wrapped\s+up|concluded|began|opened|finished|ended|started)\s+"
            r"(?:their|the|a\s+round\s+of|two\s+days\s+of|[\w-]+\s+of)?\s*"
            r"(?:talks|meeting|summit|discussions|consultations)\b",
            re.I,
        ),
        IN_PERSON,
    ),
    (
        re.compile(
            r"\b(?:sat\s+down|conferred|sh(?:ook|akes|aking)\s+hands|spent\s+time)\s+with\b",
            re.I,
        ),
        IN_PERSON,
    ),
    # "the host brought them together in a three-way meeting": those named, and the host;
    # "a meeting that brought together A and his Croatian counterpart B"
    (
        re.compile(
            r"\bbrought\s+(?:them|the\s+two|both(?:\s+leaders)?)\s+together\b"
            r"|\bbrought\s+together(?=\s+(?:[A-Z]|(?:his|her|the)\s))",
            re.I,
        ),
        IN_PERSON,
    ),
    # "A memorandum ... was inked by A and his Indonesian counterpart B": signed together
    (re.compile(r"\b(?:was|were)\s+(?:signed|inked)\s+by\b", re.I), IN_PERSON),
    # "received in audience", "during an audience", "held a reception for"
    (
        re.compile(
            r"\b(?:during|in|at)\s+an\s+audience\b|\breceived\b[^.;]{0,60}?\bin\s+(?:an\s+)?audience\b"
            r"|\bgranted\s+(?:an\s+)?audience\s+(?:[^.;]{0,40}?\s)?to\b|\baudience\s+with\b"
            r"|\b(?:held|gave|hosted|offered)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:reception|banquet|dinner"
            r"|luncheon|lunch|breakfast)\s+(?:for|in\s+honou?r\s+of)\b",
            re.I,
        ),
        IN_PERSON,
    ),
    # "exchanging views with", "held a tête-à-tête with", "discussed the region with"
    (
        re.compile(
            r"\bexchang(?:ed|es|ing)\s+(?:views|notes|ideas)\s+with\b"
            # "highlighted the fraternal exchange with X", as Latin American copy says
            r"|\b(?:fraternal|cordial|friendly|fruitful|productive|warm|useful)\s+exchanges?\s+with\b"
            r"|\bt[eê]te[- ][aà][- ]t[eê]te\b|\bheld\s+(?:a\s+)?bilaterals?\b"
            r"|\bbilaterals?\s+with\b"
            r"|\bdiscuss(?:ed|es|ing)?\b(?:\s+(?!with\b)[\w'’-]+){0,12}?\s+with\b",
            re.I,
        ),
        IN_PERSON,
    ),
    (
        # "a strategic dialogue, held for the first time since 2013, between X and Y",
        # "talks were held between X and Y"
        re.compile(
            r"\b(?:(?:tele)?phone\s+|video\s+)?(?:talks|meeting|meetings|summit|discussions|dialogue"
            r"|consultations)"
            # "telephone talks on November 24 between A and B"
            r"(?:,[^,;]{1,60},|\s+(?:were|was)\s+(?:also\s+)?held|\s+(?:on|in)\s+[\w ,]{1,25}?)?"
            r"\s+between\b",
            re.I,
        ),
        IN_PERSON,
    ),
    # "A and B's meeting in Vancouver last week", "X and Y's conversation in Rome last month",
    # "X's talks in Paris" (not "today's meeting", which names the one already told; "X's
    # meeting with Y" is read by "meeting with")
    (
        re.compile(
            r"(?<=[^\W\d_])(?<!day)(?<!week)(?<!month)(?<!year)(?<!night)['’]s\s+"
            r"(?:(?!with\b)[\w-]+\s+){0,2}?(?:meeting|talks|summit|conversation)\b"
            r"(?!\s+(?:with|between)\b)"
        ),
        IN_PERSON,
    ),
    # letters of credence are handed over in person: "was handed a copy of his credentials by"
    (
        re.compile(
            r"\b(?:presented|handed(?:\s+over)?|submitted)\b[^.;]{0,40}?"
            r"\b(?:credentials|letters?\s+of\s+credence)\b",
            re.I,
        ),
        IN_PERSON,
    ),
    # a farewell call: "bade farewell to the outgoing Ethiopian Ambassador X"
    (re.compile(r"\b(?:bade|bid|bids|said)\s+farewell\s+to\b", re.I), IN_PERSON),
    # "was seen off at the airport by his counterpart X"
    (re.compile(r"\b(?:seen|saw|sees)\s+off\b", re.I), IN_PERSON),
    # not "a dinner reception hosted by the President": where, not who met
    (re.compile(r"\bhosted\b(?!\s+by\b)", re.I), IN_PERSON),
    # "welcomed his Malian counterpart X to the palace" (not "welcomed the decision")
    (re.compile(r"\bwelcom(?:ed|es)\b", re.I), IN_PERSON),
    (re.compile(r"\bco-?chair(?:ed|s)?\b[^.;]{0,80}?\bwith\b", re.I), IN_PERSON),
    (
        re.compile(
            # a caption speaks in the present: "X receives Y", "X and his wife receive Y"
            r"\b(?:received|receives|(?<!\bto\s)receive)\b(?!\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:\w+\s+)?"
            # (letters of credence are handed over in person)
            r"(?:letter(?!s?\s+of\s+credence)|message|note|invitation|support|backing|award|honou?r|congratulat\w*"
            r"|criticism|praise|briefing|report|assurances?|request|phone|call|telephone))",
            re.I,
        ),
        IN_PERSON,
    ),
]

# "son of" in a name: "Tamim bin Hamad Al Thani", called "Sheikh Tamim" by his first word.
PATRONYMIC = re.compile(r"\s(?:bin|bint|ibn)\s", re.I)
# The second syllable of a given name joined by a hyphen: "Jong-un", "Jae-in".
HYPHEN_SYLLABLE = re.compile(r"(?<=[a-z])-([a-z])")
ROMAN = re.compile(r"[ivxl]+\.?|jr\.?|sr\.?")
# a middle initial between two names: "Boris N. Yeltsin", "John P Key"
MIDDLE_INITIALS = re.compile(r"(?<=\w) (?:[A-Z]\.? )+(?=\w\w)")

# Verbs that report a meeting only when two officials of different countries are their subject:
# "Singh and Marles signed three agreements in Canberra".
# "exchanged views", not "exchanged letters": letters are no meeting.
JOINT_TRIGGERS = re.compile(
    r"\b(?:signed|discussed|agreed|reviewed|witnessed|co-?chaired|sh(?:ook|ake)\s+hands"
    r"|tackled|explored|deliberated|conferred"
    # "A and his Afghan counterpart B have emphasised the need for ...": what the two said
    # together at their meeting
    r"|emphasi[sz]ed|stressed|reaffirmed|underlined|underscored|pledged|vowed|envisioned"
    # "A and his visiting counterpart B led respective delegations in bilateral talks"
    r"|led\s+(?:their\s+|the\s+)?(?:respective\s+)?delegations\s+(?:in|at|to|for|during)"
    # "Ruto and his Rwandan counterpart Kagame addressed a press conference in Kigali"
    r"|addressed\s+(?:a\s+|the\s+)?(?:joint\s+)?(?:press|news)\s+conference"
    r"|exchanged(?=\s+(?:their\s+)?(?:views|ideas|opinions|pleasantries|notes\s+on)\b)"
    # "A and B talked on Saturday on areas of cooperation"
    r"|talked(?!\s+(?:about|of)\s+(?:him|her|them)\b)"
    # "A and B also sat down for a discussion"
    r"|sat\s+down(?=\s+(?:together\s+)?(?:for|to)\s+(?:a\s+|an\s+|their\s+)?(?:\w+\s+)?"
    r"(?:discussion|talks|meeting|conversation|chat|dinner|lunch)))\b"
)

# Words in the same clause that make a reported meeting something other than one that happened.
NOT_HAPPENED = re.compile(
    r"\b(?:will|would|shall|is\s+to|are\s+to|was\s+to|were\s+to|expected|expects"
    # "due to meet", not "due to restrictions on talking to the media" (a cause)
    r"|due\s+to(?!\s+(?:the|a|an|his|her|their|its|this|that|these|those|lack|bad|poor"
    r"|[a-z]+(?:ions?|ness|ity|ities|ment|ments|ures?|ies)\b))"
    r"|scheduled|slated|poised\s+to|planned|plans|planning|intends|hopes|hoping|set\s+to|likely\s+to|(?-i:may)(?!\s+\d)|might"
    r"|could|upcoming|next\s+(?:week|month|year)|tomorrow|postponed|cancel+ed|called\s+off|scrapped|shelved"
    # "Qureshi had to visit Japan from February 24 to hold a meeting with": was to, and did not
    r"|had\s+to\s+(?:visit|travel|fly|go|attend|meet|hold)"
    r"|put\s+off|did\s+not|didn't|(?:has|have|had)\s+not|hasn't|haven't|hadn't|never|failed\s+to"
    r"|declined|refused|ahead\s+of|invited|prepar(?:e|es|ed|ing|ations?)\s+(?:for|of)\b"
    # "Trump is also meeting with Xi in Buenos Aires": the news of a plan
    r"|(?:is|are)\s+(?:also\s+)?meeting"
    # (not "at the invitation of", "upon his invitation X received Y": how it came about)
    r"|(?<!at\sthe\s)(?<!on\sthe\s)(?<!upon\sthe\s)(?<!\shis\s)(?<!\sher\s)(?<!\stheir\s)"
    r"invitation|proposed|agreed\s+to\s+meet"
    # asking for a meeting is not having one: "sought a meeting with", "called for talks"
    r"|sought|seeks|seeking|requested|requests|asked\s+for|call(?:ed|s|ing)?\s+for|urged|urges"
    r"|pushed\s+for|pressing\s+for|demanded|wants?\s+to|wanted\s+to|keen\s+to|eager\s+to|ready\s+to"
    r"|willing\s+to|offered\s+to|offers\s+to|look(?:s|ing)?\s+forward\s+to"
    # on the way: "is heading to Russia today for talks with", "heads to Sochi for talks"
    r"|(?:heads|heading|is\s+travell?ing|sets\s+off|setting\s+off)\s+(?:to|for)\b[^.;]{0,80}?"
    r"\bfor\s+(?:talks|a\s+meeting|meetings)"
    r"|(?:previous|past|earlier|former|recent)\s+(?:meetings|talks|summits|calls)"
    # "are presently in South Africa to hold talks with": there for talks still to come
    r"|(?:is|are)\s+(?:presently\s+|currently\s+|now\s+)?in\s+(?:[A-Z][\w'-]*\s+){1,3}to\s+(?:hold|meet)"
    r"|if\s+|unless|whether|is\s+due|are\s+due|due\s+(?:in|at|back))\b",
    re.I,
)


@dataclass(frozen=True)
class KnownOfficial:
    official_id: int
    name: str
    country: str | None
    title: str | None
    # their posts: (country, start, end, title), None for a date not known
    terms: tuple[tuple[str | None, datetime.date | None, datetime.date | None, str], ...] = ()

    def served_on(self, day: datetime.date, years: int = 1) -> bool:
        """Whether a post of theirs the tracker knows covers the day (years either side)."""
        return bool(self.terms) and self.country_on(day, years) is not None

    def held(self, title: str, day: datetime.date) -> bool:
        """Whether a post of theirs of this very title covers the day (a year either side)."""
        title, slack = fold(title), datetime.timedelta(days=366)
        return any(
            (start is None or start - slack <= day)
            and (end is None or day <= end + slack)
            and fold(held) == title
            for _, start, end, held in self.terms
        )

    def country_on(self, day: datetime.date | None, years: int = 1) -> str | None:
        """The country they served around the day (a year either side), or None when the
        tracker has them in no post then: a minister of yesterday may sit for an international
        body today. A post held on the day itself comes before one held around it (Charles
        Michel, Belgium's Prime Minister until October 2019, then President of the European
        Council), and of several countries then, their own: King Charles III of the United
        Kingdom is also King of Canada."""
        if day is None or not self.terms:
            return self.country
        for slack in (datetime.timedelta(0), datetime.timedelta(days=366 * years)):
            served = [
                country or self.country
                for country, start, end, _ in self.terms
                if (start is None or start - slack <= day) and (end is None or day <= end + slack)
            ]
            if served:
                return self.country if self.country in served else served[0]
        return None


@dataclass
class Lexicon:
    """Our tables as look-ups for one reading: countries, officials, topics."""

    country_names: dict[str, str] = field(default_factory=dict)  # folded word -> ISO code
    country_pattern: re.Pattern | None = None
    # Countries' own names and demonyms, as opposed to other words for them ("Beijing")
    country_own_names: set[str] = field(default_factory=set)
    unions: set[str] = field(default_factory=set)  # the codes of unions of countries (EU, AU)
    officials: dict[str, KnownOfficial] = field(default_factory=dict)  # folded name -> official
    # a name of one word -> every official called so, who held a post last first
    surnames: dict[str, list[KnownOfficial]] = field(default_factory=dict)
    official_pattern: re.Pattern | None = None
    # the first and the last word of a name of several -> (the folded name, its official), for
    # names the text misspells (a word of the two spelt right)
    by_end_word: dict[str, list[tuple[str, KnownOfficial]]] = field(default_factory=dict)
    topics: list[tuple[re.Pattern, int, str, int | None]] = field(default_factory=list)
    person_patterns: dict[str, re.Pattern] = field(default_factory=dict)
    # News outlets and agencies: (pattern of their names, country or None for a world wire)
    outlets: list[tuple[re.Pattern, str | None]] = field(default_factory=list)
    _by_country: dict[str, list[KnownOfficial]] | None = None  # holders(), built when first asked
    # officials in a post since this day are named by their surname alone in official_pattern
    news_since: datetime.date = datetime.date.min

    def serving(
        self, name: str, day: datetime.date | None, title: str | None = None
    ) -> KnownOfficial | None:
        """The one official called by this one word (folded) who held a post around the day:
        "Yeltsin" in a report of 1999, whoever has the name today; None when none or several
        did. Of several, the text's title picks: "President Bush" in 2005 is not the Premier
        of the Cayman Islands called Bush."""
        if day is None:
            return None
        # nobody else called so in office for years around it: "former President Bush" in 2011
        # is not the one Bush of another country in office that year
        near = [k for k in self.surnames.get(name, ()) if k.served_on(day, years=6)]
        if len(near) > 1 and title:
            near = [k for k in near if k.held(title, day)]
        return near[0] if len(near) == 1 and near[0].served_on(day) else None

    def holders(self, country: str, day: datetime.date) -> list[tuple[KnownOfficial, str]]:
        """The officials of a country in a post on the day, with that post's title."""
        if self._by_country is None:
            self._by_country = {}
            for known in {k.official_id: k for k in self.officials.values()}.values():
                for code in {c for c, *_ in known.terms if c}:
                    self._by_country.setdefault(code, []).append(known)
        return [
            (known, title)
            for known in self._by_country.get(country, ())
            for code, start, end, title in known.terms
            if code == country and (start is None or start <= day) and (end is None or day <= end)
        ]

    def in_office(self, name: str, day: datetime.date) -> KnownOfficial | None:
        """The one official called by this one word (folded) in a post on the day, when no one
        else called so left a post in the two years before: "Bush" in 2007 is George W. Bush
        (the Premier of the Cayman Islands called Bush was out of office then), "Bush" in 2011
        nobody."""
        on_day = [k for k in self.surnames.get(name, ()) if k.served_on(day, years=0)]
        if len(on_day) != 1:
            return None
        recent = day - datetime.timedelta(days=731)
        for other in self.surnames.get(name, ()):
            if other is not on_day[0] and any(
                end is not None and recent <= end <= day for *_, end, _ in other.terms
            ):
                return None
        return on_day[0]

    def outlet_country(self, text: str, *, last: bool = False) -> tuple[str, str | None] | None:
        """(outlet, its country) for the first (or last) outlet text names; None for none."""
        found = [
            (m.start(), m[0], code)
            for pattern, code in self.outlets
            for m in pattern.finditer(text)
        ]
        if not found:
            return None
        # Of two names that overlap the longer is meant: "The Times of India", not "The Times".
        found = [
            hit
            for hit in found
            if not any(
                other[0] < hit[0] + len(hit[1])
                and hit[0] < other[0] + len(other[1])
                and len(other[1]) > len(hit[1])
                for other in found
            )
        ]
        found.sort(key=lambda hit: (hit[0], -len(hit[1])))
        _, name, code = found[-1] if last else found[0]
        return name, code


def words_pattern(words: list[str], *, flags: int = 0) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w-])", flags)


def build_lexicon() -> Lexicon:
    """Read the vocabularies from the database: a handful of queries, done once per article."""
    lex = Lexicon()
    surface: list[str] = []
    # Countries of today: an article's "Soviet" or "Burmese" is not a state that has ended.
    rows = list(
        Country.objects.exclude(kind=Country.Kind.FORMER).values_list(
            "code", "name", "aliases", "demonyms", "kind"
        )
    )
    lex.unions = {row[0] for row in rows if row[4] == Country.Kind.UNION}
    rows = [row[:4] for row in rows]
    # Names first, so that a country's own name wins over another's alias or demonym. Some
    # rows list demonyms with commas.
    words = [(code, name) for code, name, _, _ in rows] + [
        (code, word.strip())
        for code, _, aliases, demonyms in rows
        for line in [*split_lines(aliases), *split_lines(demonyms)]
        for word in line.split(",")
    ]
    lex.country_own_names = {fold(name) for _, name, _, _ in rows} | {
        fold(word.strip())
        for _, _, _, demonyms in rows
        for line in split_lines(demonyms)
        for word in line.split(",")
    }
    for code, word in words:
        # "US" as a word means the country only in capitals; all others are capitalised.
        lex.country_names.setdefault(fold(word), code)
        surface.append(word)
        if "'" in word:
            surface.append(word.replace("'", "’"))  # "People’s Republic of China"
        if not word.endswith("s"):
            surface.append(word + "'s")
        else:
            surface += [word + "'", word + "’"]  # "Cyprus' Interior Minister"
    lex.country_pattern = words_pattern(surface)
    for outlet in data_file("outlets.json")["outlets"]:
        # Acronyms match in capitals only ("AP", not "ap"); other names in any case.
        acronyms = [n for n in outlet["names"] if n.isupper()]
        names = [n for n in outlet["names"] if not n.isupper()]
        for group, flags in ((acronyms, 0), (names, re.I)):
            pattern = words_pattern(group, flags=flags)
            if pattern is not None:
                lex.outlets.append((pattern, outlet["country"]))

    titles: dict[int, str] = {}
    latest: dict[int, datetime.date] = {}  # when each official last held a post
    terms: dict[int, list] = {}
    today = datetime.date.today()
    for official_id, title, code, start, end in Position.objects.order_by("start").values_list(
        "official_id", "title", "country__code", "start", "end"
    ):
        if end is None:
            titles[official_id] = title
        last = end or today
        if last > latest.get(official_id, datetime.date.min):
            latest[official_id] = last
        terms.setdefault(official_id, []).append((code, start, end, title))
    names: list[str] = []
    officials = list(Official.objects.values_list("id", "name", "aliases", "country__code"))
    # A name two officials share is taken to be the one who held a post last: an article is
    # news, and the record's leaders of decades ago must not take today's names.
    officials.sort(key=lambda row: latest.get(row[0], today), reverse=True)
    # A surname alone is a common word ("Horn", "Hague"): it names an official only while
    # they are in the news, up to ten years after they left their last post.
    retired = today - datetime.timedelta(days=3652)
    lex.news_since = retired
    for official_id, name, aliases, code in officials:
        known = KnownOfficial(
            official_id, name, code, titles.get(official_id), tuple(terms.get(official_id, ()))
        )
        recent = latest.get(official_id, today) >= retired
        spellings = [name, *split_lines(aliases)]
        # "Kim Jong-un" is also written "Kim Jong Un", "Moon Jae-in" "Moon Jae In"
        spellings += [
            spaced
            for alias in spellings
            if (spaced := HYPHEN_SYLLABLE.sub(lambda m: f" {m[1].upper()}", alias)) != alias
        ]
        # "Boris N. Yeltsin" is mostly written "Boris Yeltsin"
        spellings += [
            short for alias in spellings if (short := MIDDLE_INITIALS.sub(" ", alias)) != alias
        ]
        # "President Obama" in a report of 2011: the family name of one in office then
        family = name.split()[-1] if len(name.split()) > 1 else ""
        # "Sheikh Mohamed" for Mohamed bin Zayed Al Nahyan: a name with "bin" is called by its
        # first word
        given = name.split()[0] if PATRONYMIC.search(name) else ""
        for alias in {fold(a) for a in [*spellings, family, given] if len(a) > 3 and " " not in a}:
            if not ROMAN.fullmatch(alias):
                lex.surnames.setdefault(alias, []).append(known)
        for alias in spellings:
            if len(alias) > 3 and (recent or len(alias.split()) > 1):
                lex.officials.setdefault(fold(alias), known)
                names.append(alias)
                if " " in alias:
                    folded = fold(alias)
                    words = folded.split()
                    for word in {words[0], words[-1]}:
                        lex.by_end_word.setdefault(word, []).append((folded, known))
    lex.official_pattern = words_pattern(names)

    for topic_id, name, aliases, parent_id in Topic.objects.values_list(
        "id", "name", "aliases", "parent_id"
    ):
        words = [name, *split_lines(aliases)]
        plurals = [w[:-1] + "ies" if w.endswith("y") else w + "s" for w in words]
        pattern = words_pattern([*words, *plurals], flags=re.I)
        if pattern is not None:
            lex.topics.append((pattern, topic_id, name, parent_id))
    return lex
