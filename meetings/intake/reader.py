"""The article reader: from text to the meetings it reports, each value with its evidence.

It proposes; an editor decides. Rules over our own vocabularies (countries and demonyms, officials
and aliases, topics, the gazetteer of world cities), no statistical model.
"""

from __future__ import annotations

import copy
import datetime
import re
from dataclasses import dataclass, field

from meetings.intake import dates as d
from meetings.intake.credits import agency
from meetings.intake.html import guess_language
from meetings.intake.lexicon import (
    CALL,
    HONORIFIC,
    IN_PERSON,
    JOINT_TRIGGERS,
    NAME,
    NOT_HAPPENED,
    ROLE_REFERENCES,
    TITLE_COUNTRY,
    TRIGGERS,
    VIRTUAL,
    Lexicon,
    build_lexicon,
    fold,
)
from meetings.intake.people import COUNTERPART, Mention, People, Person, clean_name

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "gov", "st", "no", "vs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
    "u.n", "e.u", "prof", "jr", "sr", "inc", "co", "corp", "ltd", "hon", "rt", "h.e", "engr",
    "amb", "capt", "maj", "brig", "adm", "cdr", "sgt", "retd",
}  # fmt: skip

# Someone added to the meeting the sentence before reported: "X also took part in the call"
JOINED = re.compile(
    r"\b(?:took\s+part\s+in|joined|participated\s+in|was\s+also\s+on)\s+(?:the|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:call|talks|meeting|conversation|discussions?)\b",
    re.I,
)

# Continents and regions: never a city, whatever town lists them among its other names.
REGIONS = {
    "africa", "asia", "europe", "america", "americas", "north america", "south america",
    "latin america", "middle east", "the middle east", "gulf", "the gulf", "sahel", "the sahel",
    "horn of africa", "caribbean", "the caribbean", "pacific", "the pacific", "balkans",
    "the balkans", "central asia", "south asia", "southeast asia", "east asia", "west africa",
    "east africa", "southern africa", "north africa", "west asia", "indo-pacific", "arctic",
    "antarctica", "oceania", "scandinavia", "eurasia", "levant", "maghreb", "caucasus",
}  # fmt: skip

# Words a gazetteer lists as some town's name but copy means otherwise: "honoured by the
# University", "the Commonwealth Heads of Government Meeting".
NOT_A_PLACE = {
    "university", "commonwealth", "union", "independence", "liberty", "unity", "parliament",
    "congress", "senate", "assembly", "republic", "federation", "progress", "state house",
}  # fmt: skip

# Places named by a building, as news copy does.
LANDMARKS = {
    "white house": "Washington",
    "oval office": "Washington",
    "kremlin": "Moscow",
    "elysee palace": "Paris",
    "elysee": "Paris",
    "downing street": "London",
    "hyderabad house": "New Delhi",
    "rashtrapati bhavan": "New Delhi",
    "zhongnanhai": "Beijing",
    "great hall of the people": "Beijing",
    "kantei": "Tokyo",
    "chancellery in berlin": "Berlin",
    "blue house": "Seoul",
}

PLACE_BEFORE = re.compile(
    r"\b(?:in|at|outside|near|from|to|inside|visit(?:ed|ing|s)?)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'\-\u00C0-\u024F.]*(?:\s+(?:de\s+|da\s+|el\s+|al-|el-|es-|ash-)?[A-Z][\w'\-\u00C0-\u024F.]*){0,3})"
)
# "at the Iranian capital, Tehran", "at State House, Nairobi": the city after the comma.
PLACE_AFTER_COMMA = re.compile(
    r"\b(?:capital|House|Palace|Hall|Hotel|Headquarters|Residence|Office),?\s+"
    r"(?P<place>[A-Z][\w'\-\u00C0-\u024F.]*(?:\s+[A-Z][\w'\-\u00C0-\u024F.]*){0,2})"
)
OCCASION = re.compile(
    r"\b(?:on\s+the\s+(?:sidelines|margins|fringes?)\s+of|at|during|for|of)\s+(?:the\s+|this\s+year's\s+)?"
    r"(?P<occ>(?:(?:[A-Z0-9][\w'’\-]*|of|and|for)\s+){0,7}?"
    r"(?:[Ss]ummit|Meeting|Conference|Forum|Assembly|Dialogue|Ministerial|Council\s+of\s+[A-Z]\w+(?:\s+[A-Z]\w+)?|Week))\b"
)
SIDELINES = re.compile(
    r"\b(?:sidelines|margins|fringes?)\s+of\b|\bsidelines?\s+(?:meetings?|talks|bilaterals?)\b",
    re.I,
)
GROUP_SUBJECT = re.compile(
    r"\b(?:the\s+two|both|the\s+pair|the\s+three|the\s+four|the\s+leaders|the\s+ministers|they"
    # "the top diplomats of South Korea and the United States" (not "among the presidents")
    r"|the\s+(?:(?:top|chief)\s+diplomats|(?:foreign|defen[cs]e|trade)\s+ministers|presidents"
    r"|prime\s+ministers|heads\s+of\s+(?:state|government))\s+of"
    # "In April, the prime ministers had a phone conversation": the two the report named
    r"|(?<!among\s)the\s+(?:(?:prime|foreign|defen[cs]e|trade)\s+ministers|presidents|premiers))\b",
    re.I,
)
# Words of the topic vocabulary used in another sense: "the geopolitical climate".
NOT_A_TOPIC = re.compile(
    r"\b(?:geo-?political|political|economic|business|investment|security|current|global)\s+climate\b"
    r"|\bclimate\s+of\b",
    re.I,
)
# Words that open a list of those met, which semicolons may then set off
LIST_INTRO = re.compile(r"\b(?:including|namely|among\s+them)\b", re.I)
# A verb in the present after "when": a meeting to come ("... top the agenda when X meets Y")
PRESENT_VERB = re.compile(r"(?:meets|holds|hosts|receives|welcomes|visits|talks|speaks)\b", re.I)
WHEN_FUTURE = re.compile(r"\b(?:when|once|until|by\s+the\s+time)\b[^.;]*$", re.I)
# After the verb, in the same phrase: "a meeting between Modi and Xi has not been confirmed".
NOT_HAPPENED_AFTER = re.compile(
    r"\b(?:has|have|had|was|were|is|are)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:confirmed|held"
    r"|scheduled|announced|finali[sz]ed|take\s+place|taken\s+place|happen)"
    r"|\bdid\s+not\b|\bdidn't\b|\bnever\b"
    r"|\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:cancel|postpon|suspend|called\s+off"
    r"|put\s+off|delayed|shelved|scrapped)|\byet\s+to\b|\bunconfirmed\b|\bnot\s+(?:yet\s+)?confirmed"
    r"|\b(?:is|are)\s+(?:expected|due|scheduled|planned|set)\b|\bwill\b|\bwould\b"
    # "The meeting between X and Y is strategically important": what it will mean, in a preview
    r"|\b(?:is|are)\s+(?:\w+ly\s+)?(?:important|significant|crucial|vital|meant|intended"
    r"|aimed|seen\s+as)\b"
    # "A and B have agreed to meet next month": the agreement is no meeting, the meeting is to come
    r"|^\s+to\s+(?:meet|hold\s+(?:talks|a\s+(?:meeting|summit|call))|talk)\b",
    re.I,
)
# "in Cuba", "to the Philippines": a country as the place of a visit (VISITED_BEFORE ends where
# the country's name starts); not "in Chinese" or "to Russian officials" (an adjective before a
# noun: VISITED_NOT_AFTER, at the end of the name)
VISITED_BEFORE = re.compile(r"\b(?:in|to)\s+(?:the\s+)?$")
VISITED_NOT_AFTER = re.compile(
    r"\s+(?!(?:on|in|at|where|when|last|this|next|for|and|to|during|from|with|ahead|after"
    r"|before|earlier|later|as|since|until|by|was|is|were|are|had|has)\b)[a-z]"
)
# What becomes of a meeting named by a noun, after the people: "The meeting between A and B,
# scheduled for Monday, was called off."
NOUN_MEETING_UNDONE = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:now\s+)?(?:cancel|postpon"
    r"|called\s+off|put\s+off|delayed|shelved|scrapped|scheduled|planned|expected|due|set\s+for"
    r"|being\s+planned|not\s+(?:held|planned|expected|scheduled))"
    r"|\b(?:scheduled|planned|set)\s+(?:for|to)\b|\bwill\b|\bis\s+to\b",
    re.I,
)
# A participle opening a clause of its own after a comma: ", declaring", ", adding".
OWN_PARTICIPLE = re.compile(r",\s+(?!being\b)[a-z]+ing\b")
# A meeting some time before the report, its day not given: "paid a call on X recently" (but
# not "the recently appointed envoy").
UNDATED_PAST = re.compile(
    r"\b(?:recently|lately|in\s+recent\s+(?:days|weeks|months)"
    # "described the recent meeting between his Russian and Ukrainian counterparts as important"
    r"|the\s+recent\s+(?:meeting|talks|summit)"
    # "The past few weeks, Modi has spoken to many world leaders"
    r"|(?:in\s+|over\s+|during\s+)?the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+(?:days|weeks|months))"
    r"\b(?!\s+(?:appointed|elected"
    r"|named|accredited|arrived|installed|sworn|returned|\w+ed\b))"
    # "Among the ministers who called on him were A and B": some of many, on days not given
    r"|^Among\s+(?:the\s+|those\s+)?(?:[\w-]+\s+){0,3}?(?:who|that)\b",
    re.I,
)
# A report that sums up a trip or a session: "X has met a number of leaders ... in New York",
# "PM X returns home after visits to ...". Its meetings are spread over days it does not give:
# one the text does not date has no date, not the report's.
# (A lead that gives a day, "has conferred with leaders ... today", dates them.)
ROUND_UP_UNDATED = re.compile(
    r"\b(?:has|have)\s+(?:also\s+)?(?:met|held\s+(?:talks|meetings)|conferred)\b", re.I
)
ROUND_UP = re.compile(
    r"\b(?:returns?|returned|returning|is\s+back|arrived\s+back)\s+(?:home|to\s+[A-Z]\w+)\b"
    r"[^.;]{0,80}?\b(?:after|from|following)\b"
    # (a visit of one day is told on its day: "returned home from a day's working visit")
    r"(?![^.;]{0,20}?\b(?:a\s+day's|one-day|day-long)\s)[^.;]{0,40}?\b(?:visits?|trips?|tours?)\b",
    re.I,
)
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
MEETING_CLAUSE = re.compile(r",\s*which\s+(?:took\s+place|was\s+held)\s+$")
FOUNDED_ON = re.compile(
    r"\b(?:established|founded|created|set\s+up|launched|formed|decided|adopted"
    # "felicitations on Republic Day, celebrated on October 29": the holiday's day
    r"|celebrated|observed|commemorated)"
    r"\s+(?:in\s+|on\s+)?$"
)
# "reached Colombo after concluding his visit to Thailand, where he held talks with ...": the
# talks were on that earlier visit, the day not given.
EARLIER_STAY = re.compile(
    r"\b(?:after|following|on\s+his\s+way\s+back\s+from)\s+(?:concluding\s+|wrapping\s+up\s+)?"
    r"(?:his|her|a|the)\s+(?:\w+\s+)?(?:visit|trip|tour|stay)\s+(?:to|in)\s+[A-Z][^,;]*,\s+where\b[^;]*$"
)
# "The plan was met with criticism": a reception of words, not of a person.
MET_WITH_REACTION = re.compile(
    r"\s+with\s+(?:\w+\s+){0,2}(?:criticism|protests?|scepticism|skepticism|opposition"
    r"|resistance|anger|concern|applause|silence|approval|praise|derision|dismay|outrage|support"
    r"|suspicion|hostility|enthusiasm|alarm|condemnation)\b",
    re.I,
)
AT_THEIR_TALKS = re.compile(r"(?i:at|during|after|in)\s+their\s+")
# (and the words before a list: "met: A; B", "received the credentials of these envoys: A; B")
# (after a colon: "received: H.E. Dr. X", "held two meetings: with the president of X, A")
OBJECT_GAP = re.compile(
    r"[^;:!?]{0,90}|[^;:!?]{0,160}:[^;:!?]{0,20}|[^;:!?]{0,160}:\s+with\s+[^;:!?]{0,60}"
)
COLON_LIST = re.compile(r"[^;:!?]{0,160}?:\s")
TRAILING_HONORIFICS = re.compile(rf"(?:{HONORIFIC})+$")
# A meeting recalled as an earlier one: "the two had last met in Sochi in May".
LAST_MET = re.compile(
    r"\blast\s+(?:met|spoke|talked|held\s+talks)\b|\b(?:previously|first|already)\s+met\b"
    r"|\bprevious\s+(?:meeting|talks|call)\b"
    # "the visit followed a meeting between the two in Tehran on Tuesday", "four days before
    # the Tuesday meeting, they held talks in Muscat"
    r"|\bfollowed\s+(?:a|an|their)\s+(?:[\w-]+\s+)?(?:meeting|talks)\b"
    r"|\b(?:days?|weeks?)\s+before\s+the\s+(?:[\w-]+\s+)?(?:meeting|talks)\b",
    re.I,
)
# A call as a sentence names it: "in a short call last night", "on the phone" (not "a call
# for calm", "called on").
A_CALL = re.compile(
    r"\b(?:tele)?phone\b|\b(?:a|the|their|this|that|short|brief|first)\s+(?:[\w-]+\s+)?call\b"
    r"(?!\s+(?:for|on|to)\b)",
    re.I,
)
SET_OFF = re.compile(r"\b(?:left|departed|set\s+off|embarked|leaves|departs)\b")
# Right before a noun of meetings, after a verb of its own: "spoke to A and B in (separate)
# phone calls", "met him during talks"
MANNER_BEFORE = re.compile(
    r"\b(?:in|during|via|over|through)\s+(?:(?:a|an|the|two|separate|their)\s+)*$"
)
# After a fronted noun of meetings, the main clause's pronoun subject: "During the phone
# conversations, he exchanged wishes with"
MAIN_PRONOUN = re.compile(r"\s*,\s+(?:he|she)\s+[a-z]")
# The meetings just told, said when: "The meetings took place on the fringes ... on Saturday"
TOOK_PLACE = re.compile(
    r"\s*(?:The|These|Both|Their)\s+(?:[\w-]+\s+)?(?:meetings?|talks|discussions|calls?"
    r"|conversations?)\s+(?:took\s+place|were\s+held|was\s+held|happened)\b"
)
# After a date, its span's last day: "attending the General Assembly during September 20-25"
SPAN_END = re.compile(r"\s*(?:[-–]|to|till|until|through)\s*[0-3]?\d\b")
# The meeting just told, said to have been a call: "The talks took place during a phone call"
HELD_BY_PHONE = re.compile(
    r"\b(?:the|their)\s+(?:talks|meeting|discussions?|conversation)\s+(?:took\s+place|w(?:as|ere)"
    r"\s+held)\s+(?:during|in|by|over|via)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:tele)?phone\b",
    re.I,
)
# Words that open another clause between a verb and a name: the name is not the verb's object.
OTHER_CLAUSE = re.compile(
    # ("leaders such as A and B" names them)
    r"\b(?:before|after|(?<!such\s)as|while|when|amid|ahead\s+of|because|although|though|but|which"
    # "since X met Y" opens a clause; "his first call since taking office with Y" does not
    r"|since(?!\s+(?:taking|assuming|becoming|being|entering|his|her|their|its|the|last|then)\b)"
    r"|who|where|whose|said|says|told)\b|\.\s",
    re.I,
)
# A place someone travels on to or came from, not where they met.
ONWARD = re.compile(
    r"\b(?:began|begins|started|ended|ends|left|leaves|leaving|heads|headed|heading|flew|flies"
    r"|fly|travels|travelled|traveled|moves|moved|continues|continued|returned|returning)"
    r"\s+(?:on\s+|home\s+|back\s+)?(?:in|to|for|from)"
    r"\s+(?:the\s+)?$|\b(?:on|onward|onwards)\s+to\s+$|\ben\s+route\s+to\s+$|\bbefore\s+"
    r"(?:flying|travelling|traveling|heading|leaving)\s+(?:to|for)\s+$"
)
# A name next to the verb, with no title: "Antony Blinken and Wang Yi have just wrapped up".
LOOSE_BEFORE = re.compile(
    rf"(?P<a>{NAME})(?:\s*,?\s+and\s+(?P<b>{NAME}))?\s+(?:(?:have|has|had|just|also|then|"
    rf"again|finally|earlier|later|briefly|formally)\s+){{0,3}}$"
)
LOOSE_SUBJECT = re.compile(rf"(?:^|,\s+|\.\s+)(?P<a>{NAME})\s+(?=[a-z])")
LOOSE_AFTER = re.compile(
    # "held talks on Monday with Ion Rusu": the day may come between the verb and the name
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday"
    r"|today))?"
    rf"\s+(?:with\s+|on\s+|to\s+|by\s+)?(?P<a>{NAME})(?:\s*,?\s+and\s+(?:with\s+)?(?P<b>{NAME}))?"
)
ORGANISATION_WORDS = {
    "ministry", "council", "union", "organisation", "organization", "museum", "hof", "hotel",
    "palace", "house", "chancellery", "group", "summit", "conference", "forum", "bank",
    "agency", "party", "committee", "commission", "department", "office", "government",
    "parliament", "senate", "congress", "court", "university", "institute", "company",
    "corporation", "inc", "ltd", "news", "times", "post", "press", "association", "alliance",
    "coalition", "army", "forces", "navy", "airlines", "state", "states", "republic", "kingdom",
    "nations", "security", "foreign", "affairs", "federal", "national", "international",
    "global", "world", "pentagon", "kremlin", "white", "assembly", "centre", "center", "hall",
    "square", "airport", "embassy", "mission", "delegation", "cooperation", "partnership",
    "strategic", "agreement", "treaty", "declaration", "accord", "initiative", "fund",
    # "Nine Heads of Diplomatic Mission", "Several Ambassadors": a group, no one person
    "heads", "ambassadors", "envoys", "ministers", "leaders", "diplomats", "delegates",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
}  # fmt: skip
# "spoke to reporters", "met the press": an audience, not a counterpart.
AUDIENCE = re.compile(
    r"\s+(?:with\s+|to\s+)?(?:the\s+|an?\s+)?(?:reporters|journalists|press|media|parliament"
    r"|lawmakers|legislators|students|audience|nation|crowd|supporters|business\s+leaders"
    r"|diaspora|community|conference|assembly|forum|summit)\b",
    re.I,
)
# (and "I" in a quotation: '"I also held a bilateral meeting with X," he said')
# (the verb may open the words of the meeting: '"I had a bilateral meeting with X"')
PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|He|She)\b|[\"“][^\"”]*(?<![\w.])I\s+(?=[a-z]|$)")
BUILDING = re.compile(
    r"^\s+(?:Palace|Hotel|House|Hall|Centre|Center|Building|Castle|Residence|Airport|Square"
    r"|Base|Summit|Conference|Forum|Meeting|Declaration|Accord|Agreement|Process|Format)\b"
)
LIST_GAP = re.compile(
    # (after a nickname in quotes: "Pushpa Kamal Dahal 'Prachanda', ...")
    r"(?:\s+['\"][A-Z][\w-]+['\"])?(?:\s+(?:MP|M\.P\.))?\s*(?:,|;|and|[,;]\s*and|,?\s*(?:along|together)\s+with)?\s*(?:and\s+)?(?:with\s+)?(?:the\s+)?"
    # "his counterpart A and incoming Prime Minister B"
    r"(?:(?:incoming|outgoing|new|newly[- ]appointed|acting|interim|caretaker|visiting)\s+)?"
    r"(?:(?:[Tt]he\s+Honou?rable|H\.E\.?|HE|HH|H\.H\.?|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s*)*"
    # "..., Republic of Korea President X": the words of a country's long name before the one
    # the mention starts at
    r"(?:(?:Republic|Kingdom|State|Sultanate|Federation|Commonwealth)\s+of\s+(?:the\s+)?)?"
)
# Between two people of a list, the first one's title running on: "X, Deputy Governor,
# Governor of the Central Bank and Deputy Prime Minister, and Y", or a clause about him:
# "between President X, who is on an official visit to Pakistan, and Prime Minister Y".
APPOSITIVE_GAP = re.compile(
    r"(?:(?:\s+and\s+|,\s+(?:the\s+)?|\s+)[A-Z]|,\s+who\s)[^,;.]{0,90},\s+and\s+(?:the\s+)?"
)
# An item of a list the reader names no one of, between two it does: "met A, International
# Monetary Fund (IMF) Managing Director Kristalina Georgieva, and B" (an official of no country).
OTHER_ITEM_GAP = re.compile(
    r",\s+(?:the\s+)?(?:(?:[A-Z][\w'’.&-]*|\([A-Z]+\)|of|for|and)\s+){1,10}?[A-Z][\w'’.-]+"
    r",\s+(?:and\s+)?(?:the\s+)?"
)
# The subject of a clause named by office alone: "The foreign minister spoke with X".
THE_OFFICE = re.compile(
    r"(?:^|[.\"]\s*)\s*[Tt]he\s+(?P<office>(?i:foreign\s+minister|foreign\s+secretary"
    r"|prime\s+minister|defen[cs]e\s+minister|secretary\s+of\s+state|president|chancellor"
    r"|minister\s+of\s+foreign\s+affairs|foreign\s+affairs\s+minister))\s*$"
)
# A leader's spouse, at his side in a caption: not a participant of her own.
SPOUSE = re.compile(
    r"\b(?:First\s+Lady|First\s+Gentleman|(?:his|her)\s+(?:wife|husband|spouse))\b", re.I
)
APART_FROM = re.compile(r"\b(?:apart\s+from|besides|in\s+addition\s+to|other\s+than)\s+$", re.I)
ONE_BY_ONE = re.compile(
    r"(?:hosted|hosts|received|receives|welcomed|welcomes|met|meets|called\s+on|calls\s+on"
    # "has also had discussions with A of X, B of Y, C of Z and D of W": one after the other
    r"|(?:had|held|conducted)\s+discussions)\b",
    re.I,
)
WAS_WITH = re.compile(
    r"\b(?:(?:was|were)\s+(?:also\s+)?(?:held\s+)?|held\s+)with$|\bcall\b.*\b(?:was|were)$", re.I
)
# "talks about X's visit": the name after these words is the subject of the talks.
TOPIC_OF = re.compile(r"\b(?:about|on|over|regarding|concerning)\s+(?:the\s+)?$", re.I)
# Between the one who does the verb and those with him: "A, accompanied by B, met C".
ACCOMPANIED = re.compile(
    r"\s*,?\s*(?:who\s+(?:was|is)\s+)?accompanied\s+by\s+(?:the\s+|his\s+|her\s+)?", re.I
)
# A relative clause set off by commas between a subject and its verb.
RELATIVE_BETWEEN = re.compile(
    r"\s*,\s*who\b[^;,]*(?:,\s+(?:and|or)\b[^;,]*)?,\s*(?:[a-z]+\s+){0,2}"  # "..., paid a"
)
SEPARATE_GAP = re.compile(
    r"^,\s+with\s+whom\b[^;]*?,\s+and\s+(?:with\s+)?$"
    # "met A in bilateral talks, as well as B": another meeting
    r"|^[^.;]{0,80}?,?\s+as\s+well\s+as\s+(?:with\s+|between\s+)?(?:the\s+)?$"
    # "meetings between A and B, and between C and D": the pair after it met apart
    r"|^\s*,?\s+and\s+(?:also\s+)?between\s+(?:the\s+)?$"
    # "spoke with A and later with B", "meetings with the president of X, A, and with the
    # president of Y, B"
    r"|^\s*,?\s+and\s+(?:also\s+|later\s+|then\s+|subsequently\s+)?with\s+(?:the\s+)?"
    r"(?:[a-z]+(?:\s+[a-z]+)?\s+of\s+(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3},\s+)?$"
)
# Between one verb and the next with the same subject: "held talks with Y and called on Z".
COORDINATED = re.compile(
    r"\s*,?\s*(?:and|before|then|after\s+which)\s+(?:also\s+|later\s+|then\s+)?"
)
# The people of the last meeting, named after the verb: "a call in which the two discussed".
GROUP_AFTER = re.compile(
    r"[^;]{0,40}?\b(?:where|in\s+which|during\s+which|when)\s+(?:the\s+two|both)\b"
    # "followed a meeting between the two officials in Tehran on Tuesday"
    r"|\s*(?:between\s+)?the\s+two\s+(?:officials|ministers|leaders|top\s+diplomats)\b"
    # "At the beginning of the bilateral meeting, the two Heads of State paid tribute"
    r"|\s*,?\s*(?:the\s+two|both)\s+(?:heads\s+of\s+(?:state|government)|presidents|prime"
    r"\s+ministers|leaders|ministers|sides)\b",
    re.I,
)
# The trigger "At the beginning of the meeting, the two leaders ..." (lexicon.TRIGGERS)
FRONTED_MEETING = re.compile(r"(?i:at|during|in|after)\s[^,]*,$")
# Between a semicolon and the next person of a list: "; and H.E. Mr. "
LIST_ITEM_GAP = re.compile(
    r"\s*(?:and\s+)?(?:(?:H\.\s?E\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|the\s+Honou?rable)\s*)*"
)
# A sentence opened by the meeting: "Meeting with X, he ...", "Talking to X, the President"
PARTICIPLE_OPENING = re.compile(
    r"\s*(?:(?:Meanwhile|Separately|Later|Earlier|Also),?\s+)?"
    r"(?:(?i:meeting|conferring)\s+(?:\w+\s+)?with|(?i:talking|speaking)\s+(?:\w+\s+)?(?:with|to))\b"
)
MAIN_CLAUSE = re.compile(
    r"[^,;.]{0,60}?,\s+(?:(?:he|she)\b|the\s+(?:[\w-]+\s+){0,2}?(?:leader|president|minister"
    r"|premier)\b|(?P<who>(?=[A-Z])))"
)
# Meetings with a group the sentence does not name ("bilateral meetings with several other
# leaders", "caught up with several other leaders"), and the next sentence that names them
ROUND_UP_GROUP = re.compile(
    r"\b(?:meetings?|talks|met|caught\s+up|bilaterals?|hosted|received|audiences?)\b[^.;]{0,40}?"
    r"\b(?:several|other|a\s+number\s+of|world|some|many|various|fellow|foreign|two|three|four"
    r"|five|six)\s+(?:[\w-]+\s+){0,2}?(?:leaders|counterparts|heads\s+of\s+(?:state|government)"
    r"|ministers|dignitaries|ambassadors|envoys|diplomats)\b"
    # "Nine Heads of Diplomatic Mission on Friday paid courtesy calls on Vice President X"
    r"|^\s*(?:The\s+)?(?:several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:ambassadors|envoys|diplomats|high\s+commissioners"
    r"|heads\s+of\s+(?:diplomatic\s+)?missions?)\b[^.;]{0,60}?\b(?:paid|called\s+on|presented)\b",
    re.I,
)
# What a leader met in a round-up said or did there
ROUND_UP_TOLD = re.compile(
    r"\b(?:agreed|pledged|expressed|welcomed|thanked|congratulated|praised|affirmed|voiced"
    r"|discussed|invited|hoped|noted|stressed|reiterated|asked|shared|proposed|suggested)\b"
)
INCLUDED = re.compile(
    r"\s*(?:(?:These|They|Those)\s+(?:included|include|were)|Among\s+(?:them|those)\s+(?:were|was)"
    # "The affected Ambassadors, who had kind words ..., include A of X and B of Y"
    r"|The\s+(?:[\w-]+\s+){0,2}?(?:[Aa]mbassadors|[Ee]nvoys|[Ll]eaders|[Mm]inisters|[Dd]iplomats"
    r"|Heads\s+of\s+(?:Diplomatic\s+)?Missions?)"
    r"\b[^.;]{0,120}?\b(?:included|include|were))\b"
)
# An outcome of a meeting held: "the agreements reached during the conversation between"
REACHED_DURING = re.compile(
    r"\b(?:reached|made|signed|achieved|struck)\s+(?:during|at|in)\s+(?:the|their)\s+", re.I
)
# "Biden said he and Xi held talks": the speaker is the "he" of a pair doing the verb
SAID_HE_AND = re.compile(
    r",?\s+(?:said|says|told\s+(?:\w+\s+){0,3}?|recalled|added)\s+(?:[\w,]+\s+){0,3}?(?:that\s+)?"
    r"(?:he|she)\s+and\s+(?:the\s+)?",
)
# Two officials of a meeting told before, as the subject of a verb both did
TWO_OF_THEM = re.compile(
    r"\b(?:the\s+two|both)\s+(?:top\s+)?(?:heads\s+of\s+(?:state|government)|presidents"
    r"|prime\s+ministers|leaders|ministers|foreign\s+ministers|diplomats)\s+(?:also\s+)?$",
    re.I,
)
# "spoke with" is a call unless the sentence puts the two in one place.
WEAK_CALL = re.compile(r"spok(?:e|en)\b(?:\s+\w+){0,2}?\s+(?:with|to)", re.I)
IN_PERSON_CONTEXT = re.compile(
    r"\b(?:before|after|ahead\s+of|during)\s+the\s+(?:talks|meeting|summit|session)\b"
    r"|\bon\s+the\s+(?:sidelines|margins)\b|\bin\s+person\b|\bface[- ]to[- ]face\b",
    re.I,
)
# Verbs that put two people in one room.
IN_PERSON_VERB = re.compile(
    r"\b(?:met|meets|meet|meeting|received|receives|hosted|hosts|called\s+on|courtesy"
    r"|t[eê]te|visit|summit|held)",
    re.I,
)
# Where the clause of another verb starts: "and four days later, he received", ", when X met".
CLAUSE_START = re.compile(
    r",\s*and\b|\band\b(?=\s+(?:[\w,]+\s+){0,3}?(?:later|earlier|then|he|she|they)\b)"
    r"|,\s*(?:when|while|as|after|before|where|then)\b|;"
)
# What someone said a meeting was: "X pointed out that ..., during their meeting, ...".
REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|noted|pointed\s+out|recalled|stressed|added|reiterated|underlined"
    r"|emphasi[sz]ed|told\s+\w+)\s+that\b",
    re.I,
)
ATTENDING = re.compile(r"\battend(?:s|ed|ing)?\s+(?:a|the)\s+$", re.I)
OWN_CLAUSE = re.compile(
    r",\s*(?:who|which|whose|it)\b|\bthat\s+\d|\bit\s+was\b"
    # "met at the residence where Simon Bolivar died Dec 17, 1830"
    r"|\bwhere\s+(?!(?:they|the\s+two|both)\b)"
)
VERB_TRIGGER = re.compile(
    r"(?:met|meets?|held|holds?|had|has|received|receives|hosted|hosts|spoke|speaks|talked"
    r"|called|phoned|telephoned|dial\w*|sat|conferred|discuss\w*|exchang\w*|paid|wrapped"
    r"|concluded|began|opened|finished|ended|started)\b",
    re.I,
)
# The office of a group named by number: "the two top diplomats", "both leaders".
GROUP_OFFICE = re.compile(
    r"\b(?:the\s+two|both)\s+(?:top\s+)?(diplomats|foreign\s+ministers|leaders|presidents"
    r"|prime\s+ministers|heads)\b",
    re.I,
)
SECOND_TIME_SAME_DAY = re.compile(
    r"\bfor\s+the\s+second\s+time\s+(?:(?:this|on|that)\s+)?(?:Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|day|today|morning|afternoon|evening)\b"
    r"|\btwice\s+(?:in\s+one\s+day|on\s+\w+day|today)\b",
    re.I,
)
MANY_TIMES = re.compile(
    r"\s+(?:for\s+)?(?:(?:two|three|four|five|several|many|\d+)\s+times|twice|repeatedly"
    r"|on\s+(?:several|many|\w+)\s+occasions)\b",
    re.I,
)
AN_AUDIENCE = re.compile(r"(?i:during|in|at)\s+an\s+audience")
# Who sent what was delivered: "a message from President X", "a letter of the King".
SENDER = re.compile(
    r"\b(?:message|letter|greetings|invitation|regards|congratulations)\s+(?:from|of)\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+){0,3}$",
    re.I,
)
NOT_A_VENUE_BEFORE = re.compile(
    r"\b(?:situation|crisis|conflict|war|violence|attacks?|tensions|fighting|peace|ceasefire"
    r"|developments|events|people|refugees|hostages)\s+(?:in|on|at)\s+(?:the\s+)?$"
    # "hoped to receive their delegation to Putrajaya": where a delegation is to go
    r"|\b(?:delegations?|mission|investors|students|visitors)\s+to\s+(?:the\s+)?$",
    re.I,
)
# "the Charge d'Affaires of the Embassy of Pakistan in Abuja": where an envoy is posted
POSTED_IN = re.compile(r"\b(?:Embassy|High\s+Commission|Consulate)\b[^,.;]{0,60}\bin\s+$")
TITLE_AFTER = re.compile(
    r"(?:'s)?\s+(?:Prime\s+Minister|President|Foreign\s+Minister|Minister|Premier|King|Emir"
    r"|Chancellor|Ambassador|Crown\s+Prince|Vice|Deputy|Secretary|leader|counterpart)\b"
)
# A body or a treaty named after a city: "the Shanghai Cooperation Organisation", "the Minsk
# agreements" (the place is not where they met).
NAMED_AFTER_A_CITY = re.compile(
    r"\s+(?:Cooperation|Organi[sz]ation|University|Agreements?|Accords?|Declaration|Protocol"
    r"|Process|Format|Initiative|Convention|Treaty)\b"
    # "the Federal Republic of Germany": a word of a state's name, not a town called so
    r"|\s+(?:Republic|Kingdom|Emirates?|Federation|Democratic)\b",
    re.I,
)
TOGETHER = re.compile(
    r"\b(?:trilateral|three-way|four-way|quadrilateral|joint(?:ly)?|together|jointly)\b",
    re.I,
)
# A gathering of many countries, where the host city says nothing of who is whose.
MULTILATERAL = re.compile(
    r"\b(?:G-?\d{1,2}|BRICS|ASEAN|SCO|APEC|NATO|COP\s?\d+|United\s+Nations|General\s+Assembly"
    r"|African\s+Union|European\s+Council|Commonwealth|(?:Group\s+of\s+\w+))\b"
    r"|\b(?:summit|conference|forum|assembly)\s+of\b",
    re.I,
)
TOGETHER_BY = re.compile(r"(?i:brought)\s")
# A session of several countries at one table: "a four-nation meeting", "multilateral talks".
MANY_COUNTRIES = re.compile(
    r"\b(?:four|five|six|seven|eight|nine|ten|\d+)[- ](?:nation|country|countries|party|way)\b"
    r"|\b(?:multilateral|quad|quadrilateral|round-?table)\b",
    re.I,
)
CONTRAST = re.compile(r",\s*(?:though|although|but|while|whereas|however)\b", re.I)
# A sentence that says where someone stayed: "While in New York, ...", "During his visit to".
STAY_CUE = re.compile(
    r"^(?:While|When)\s+in\b|\b(?:during|on)\s+(?:his|her|the|a)\s+(?:\w+\s+){0,2}visit\s+to\b"
    # "Chancellor X visited Warsaw on Sunday. He met with ..."
    r"|\bvisited\s+(?=[A-Z])",
    re.I,
)
# A sentence about the meeting just told: "The meeting took place in ...".
MEETING_CUE = re.compile(
    r"^(?:The|This|Their)\s+(?:meeting|talks|summit|discussions?)\b|^It\s+(?:took|takes)\s+place"
    r"|^The\s+\w+\s+(?:meeting|talks)\b",
    re.I,
)
WELCOMED = re.compile(r"(?i:welcom)")
WELCOMED_BY = re.compile(r"\s*by\s+(?:the\s+)?", re.I)
# between a guest's name and "welcomed by": "X, who was warmly", "X was officially"
PASSIVE_LINK = re.compile(
    r",?\s+(?:who\s+)?(?:was|were|has\s+been|had\s+been|is|is\s+being)\s+(?:\w+ly\s+)?", re.I
)
# A meeting named first, its people after: "In the conversation with X, Y reaffirmed ...".
FRONTED = re.compile(r"\s*(?:In|During|At)\s+(?:the|an?|his|her|their)\s+(?:\w+\s+)?$")
# "X thanked Y for the telephone call": the one thanked, and the one thanking, had it.
THANKED = re.compile(r"\bthank(?:ed|s)\s+(?:(?:the|his|her)\s+)?$")
FOR_THE = re.compile(r"\s+for\s+(?:the|his|her|their|a)\s+(?:[\w'’-]+\s+){0,2}?")
# "In his meeting with X, Y raised ...", and the same phrase put first with "the": "In the
# conversation with X earlier in the day, Y reaffirmed ..."
POSSESSIVE_BEFORE = re.compile(
    r"\b(?i:his|her)\s+(?:\w+\s+)?$|^\s*(?:In|During|At)\s+the\s+(?:\w+\s+)?$"
)
# (after a word of time: "Yesterday, in a phone call with X, Y called for ...")
A_FRONTED = re.compile(
    r"^\s*(?:(?:Yesterday|Today|Earlier|Later|Separately|Meanwhile|Also|On\s+\w+day),?\s+)?"
    r"(?:In|in|During|during)\s+an?\s+(?:\w+\s+)?$"
)
WITH_AFTER = re.compile(r"\s+with\b")
# what someone said or did, after a meeting: "The statement was given after a meeting with"
WORDS_AFTER_A_MEETING = re.compile(
    r"^\s*(?:The|His|Her|This)\s+(?:statement|remarks?|comments?|announcement|decision"
    r"|pledge|call)\s+(?:was\s+(?:given|made|issued)|were\s+made|came)\s+(?:shortly\s+)?"
    r"(?:after|following)\s+(?:a|an|the|his|her)\s+(?:\w+\s+)?$",
    re.I,
)
PLURAL_MEETINGS = re.compile(
    r"\b(?:meetings|calls|conversations|bilaterals|interactions|exchanges|encounters)\b", re.I
)
THAT_CLAUSE = re.compile(r"\bthat\b")
# Before a sentence's opening noun of meetings: "Similarly, conversations with A and B ..."
NOUN_OPENING = re.compile(
    r"\s*(?:(?:Similarly|Also|Meanwhile|Separately|Besides|In\s+addition|Likewise),?\s+)?", re.I
)
AND_WITH = re.compile(r",?\s+and\s+(?:(?:also|later|then|subsequently)\s+)?with\s+", re.I)
TITLE_CASE_WORDS = re.compile(
    r"(?<=\s)(?:Of|At|In|On|For|With|To|And|The|A|An|As|By|From|After|Before|Over|Amid|Hails"
    r"|Holds?|Meets?|Receives?|Hosts?|Talks|Says?|Visits?|Calls?|Discuss(?:es)?|Sign|Signs"
    r"|Heads|Arrives|Lands|Leaves|Departs|Travels|Flies|Urges|Thanks|Welcomes|Praises|Backs"
    r"|Vows|Pledges|Warns|Invites|Congratulates|Seeks"
    # and in the past: "Sri Lankan President Concluded Nepal Visit"
    r"|Concludes|Concluded|Completes|Completed|Visited|Hosted|Received|Held|Met|Called"
    r"|Discussed|Welcomed|Ends|Ended|Begins|Began|Wraps|Pays|Paid)(?=\s)"
)
# "X said that Canada would ...": the speaker, and what follows is a clause about a country.
SPEAKS_FOR = re.compile(
    r"\b(?P<who>[A-Z][\w'\-]+)\s+(?:said|says|stressed|noted|added|told\s+\w+|reiterated"
    r"|affirmed|assured\s+\w+)\s+(?:that\s+)?(?:the\s+)?"
)
# What a country does in its own official's words: it will, it stands ready; not what another
# country must do or is doing ("said Russia must withdraw").
SPOKEN_VERB = re.compile(
    r"\s+(?:would|will|remains|stands|wants|intends|is\s+(?:ready|committed|willing|keen)"
    r"|was\s+(?:ready|committed|willing))\b"
)
EARLIER = re.compile(r"(?:Earlier|Previously|Before\s+that),\s")
# (and after a noun's words: "made a farewell call on him")
PRONOUN_OBJECT = re.compile(r"\s+(?:(?:on|to|with)\s+)?(?:him|her)\b")
PRONOUN_BEFORE_VERB = re.compile(r"\b(?:he|she)\s+(?:\w+\s+){0,2}$")
# A report of an earlier meeting: "X told Parliament in February that he had spoken to Y".
REPORTED_BEFORE = re.compile(
    r"\b(?:told|said|says|announced|revealed|disclosed|wrote|tweeted)\b[^.;]{0,60}$", re.I
)
THAT = re.compile(r"\bthat\s+(?:he|she|they|it|[A-Z]\w+)\s+(?:had|has|have)\b")
# A meeting told as coming after the one before: "After his call to Putin he had ...".
AFTER_THAT = re.compile(
    r"\s*(?:After|Following)\s+(?:his|her|their|the|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:call|meeting|talks|conversation|visit)\b"
)
# A phrase put before the subject: "After his call to Putin he had another discussion with Xi"
# (Putin is not who had it).
LEADING_PHRASE = re.compile(r"\s*(?:After|Before|Following|Besides|Apart\s+from|Like|Unlike)\b")
# Words that say a list of people met one at a time.
# Another event named after the meeting's verb, whose date follows it.
OTHER_EVENT = re.compile(
    r"(?:'s|’s|\b(?:his|her|their|the\s+[\w-]+))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:visit|trip|tour|election|inauguration|swearing-in|summit|accession)\b"
    r"(?:[^,;.]|(?<=day),){0,60}$"  # "... visit to India from Friday, April 1"
)
# "called on X to <verb>" is an appeal unless the verb is what a visit is for: "called on the
# President to convey greetings" is a courtesy call, "called on Biden to end the embargo" is not
CALLED_ON = re.compile(r"called\s+on", re.I)
APPEAL = re.compile(
    r"[^,;]{0,80}?\bto\s+(?!(?:discuss|review|exchange|explore|brief|deliver|convey|present|hand"
    r"|talk|thank|congratulate|bid|pay|sign|share|seek|hold|meet|extend|invite|apprise|follow"
    r"|inform|greet|introduce|take\s+stock|offer|express)\b)[a-z]+\b"
)
# A phrase of time put first, up to its comma: "Soon after the talks with X, ", "Following
# his meeting with Y, "
AFTER_PHRASE = re.compile(
    r"\s*(?:(?:Soon|Shortly|Immediately|Just|Right)\s+)?(?:after|following|before|prior\s+to)"
    r"\s+(?:the|his|her|their|a|an)\s+[^,;]{3,120}?,\s+",
    re.I,
)
# A sentence that names those met after "was" or "were": "The last leader he received before
# the milestone was X", "Among the ministers who paid a courtesy call on Y were A and B"
CLEFT = re.compile(
    r"(?:The\s+(?:first|last|latest|only|next|other)\s+(?:[\w-]+\s+){1,3}?(?:he|she|they|who|that)"
    r"|Among\s+(?:the\s+|those\s+)?(?:[\w-]+\s+){0,3}?(?:who|that|he|she|they)"
    # "The leaders who met President X are A, B and C"
    r"|The\s+(?:[\w-]+\s+){0,2}?(?:leaders|ministers|officials|dignitaries|guests)\s+(?:who|that))\b"
    r"[^.;]{0,120}?\b(?:was|were|are|included)\s+"
)
# A year and no more after a meeting's verb: "met Mubarak in 2011"
YEAR_ONLY = re.compile(r"\b(?:in|during)\s+(?P<year>(?:18|19|20)\d\d)\b(?![-–/]\d)")
# who tells of meetings: "Kremlin Press Secretary Dmitry Peskov", "the ministry's spokesperson"
SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person)\b|\bpress\s+secretary\b", re.I)
SEPARATE_SUBJECTS = re.compile(r"\bseparate(?:ly)?\b|\brespectively\b", re.I)
# between the subjects and their verb: "A and B separately received C"
SEPARATELY_VERB = re.compile(r",?\s+(?:(?:both|also|each|then)\s+)?separately\s+", re.I)
SEPARATELY = re.compile(
    r"\bseparate(?:ly)?\b|\bbilaterals?\b|\bone[- ]on[- ]one\b|\brespectively\b", re.I
)


@dataclass
class Evidence:
    value: str
    sentence: str


@dataclass
class Proposal:
    """One meeting the article reports, as the reader understood it."""

    participants: list[Person]
    sentence: str
    index: int
    kind: str = IN_PERSON
    kind_explicit: bool = False
    trigger: str = ""
    date: datetime.date | None = None
    date_precision: str | None = None
    date_evidence: str = ""
    date_mention: d.DateMention | None = None
    venue: str | None = None
    venue_country: str | None = None
    venue_evidence: str = ""
    occasion: str | None = None
    occasion_evidence: str = ""
    # (topic id, name, the word that signalled it, its sentence)
    topics: list[tuple[int, str, str, str]] = field(default_factory=list)
    countries_hint: set[str] = field(default_factory=set)
    order: int = 0  # its place among the article's proposals
    date_explicit: bool = False  # the date is stated with the meeting, not carried over
    trigger_at: int = -1  # where the trigger is in the sentence
    distinct: bool = False  # one of two meetings the text tells apart ("the second time")
    # People put in for a role ("the leaders of Japan and South Korea"), not named with it
    inferred: set[str] = field(default_factory=set)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(p.key for p in self.participants)

    @property
    def countries(self) -> set[str]:
        return {p.country for p in self.participants if p.country}

    def as_gold(self) -> dict:
        """The proposal in the labelled-set format."""
        if self.date is None:
            date_text = None
        elif self.date_precision == d.MONTH_PRECISION:
            date_text = self.date.strftime("%Y-%m")
        else:
            date_text = self.date.isoformat()
        return {
            "date": date_text,
            "date_precision": self.date_precision if self.date else None,
            "kind": self.kind,
            "venue_city": self.venue,
            "venue_country_iso2": self.venue_country,
            "occasion": self.occasion,
            "participants": [
                {"name": p.name, "title": p.title, "country_iso2": p.country}
                for p in self.participants
            ],
            "topics": [name.lower() for _, name, *_ in self.topics],
        }


@dataclass
class Reading:
    proposals: list[Proposal]
    reference: datetime.date | None
    dateline: d.Dateline | None
    notes: list[str]


def split_sentences(text: str) -> list[str]:
    """Sentences, paragraph by paragraph; abbreviations and initials do not end one."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=[A-Z“\"'])", text):
        paragraph = " ".join(paragraph.split())
        start = 0
        for m in re.finditer(r"[.!?][\"”’')]*\s+(?=[A-Z“\"‘(@])", paragraph):
            before = paragraph[start : m.start() + 1]
            last = before.split()[-1].rstrip(".").lower() if before.split() else ""
            if (
                last in ABBREVIATIONS
                or re.fullmatch(r"[a-z]", last)
                or re.search(r"(?:^|\s)(?:[A-Z]\.){1,3}$", before)
            ):
                continue
            sentences.append(paragraph[start : m.end()].strip())
            start = m.end()
        if paragraph[start:].strip():
            sentences.append(paragraph[start:].strip())
    return sentences


# The longest text read: about six seconds' reading; an article is rarely a tenth of it.
MAX_CHARACTERS = 1_000_000

# Lines of a web page that are not the report: sharing buttons, menus, bylines, links.
NOISE_LINE = re.compile(
    r"^(?:share|text\s+size|subscribe|contact\s+us|related(?:\s+(?:links?|articles?|news))?"
    r"|tagged|tags|most\s+popular|read\s+more|also\s+read|read\s+also|source\s+link"
    r"|recommended(?:\s+for\s+you)?|-?\s*advertisement|posted\s+by|published\b|last\s+updated"
    r"|updated\b|copyright|©|home\s*>|all\s+sections|see\s+what|more\s+from|don't\s+miss"
    r"|click\s+here|follow\s+us|watch\b|photo\s*:|photos?\s+credit|file\s+(?:photo|image|picture)"
    r"|image\s*:|read\s+the\s+original|sign\s+up|\(this\s+story|listen\s+to|print\b|e-?mail\b"
    r"|comments?\b|more\s+to\s+follow|more\s+on\s+this|you\s+may\s+also\s+like)",
    re.I,
)
PAGE_DATE = re.compile(r"\b(?:published|updated|posted)\b", re.I)
BYLINE = re.compile(
    r"^(?:[Bb]y|BY)(?:\s*:)?\s*[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}\s*(?:$|[|,\d]|Published|Updated)"
)
# A related story's headline with the site's name after a bar: "... | Daily News".
SITE_AFTER_BAR = re.compile(r"\s\|\s*(?:[A-Z][\w.]*\s*){1,3}$|\|\s*Photo\b")
# Markers of a photo caption, and the credits that end one.
CAPTION = re.compile(
    r"\((?:L|R|C|left|right|cent(?:re|er)|front\s+[LR]\b[^)]*|[LR]\s*,[^)]*|[LR]\s+to\s+[LR])\)"
    r"|\bphotos?\s+(?:show|shows)\b|\(Photo\b|\bFile\s+Photo\b|\bvia\s+AP\b|\bEPA-EFE\b"
    r"|/\s*(?:AFP|Reuters|AP|EPA|Getty|Pool|GPO|Xinhua|PIB|ANI)\b|\bPool\s+Photo\b"
    # the credit of a press office's photographers at the end: "... in May 2019/PSCU"
    r"|(?<=[a-z0-9])\s*/\s*[A-Z]{2,6}\s*$"
    # "... on 21 June. Photo: Agency": a sentence, then the picture's credit on its line
    r"|[.!?]\s+Photos?\s*:\s*\S[^.!?]{0,40}$"
    # "Merkel, right, welcomes Sarkozy", "... in SeptemberImage: AP" (the credit glued on)
    r"|^[^.!?]{0,80}?,\s+(?:left|right|cent(?:re|er))(?:\s+to\s+(?:left|right))?,\s+[a-z]"
    r"|(?<=[a-z])Image\s*:\s*\S[^.!?]{0,40}$",
    re.I,
)
CAPTION_MARK = re.compile(
    r"\s*\((?:L|R|C|left|right|cent(?:re|er)|front\s+[LR]\b[^)]*|[LR]\s*,[^)]*|[LR]\s+to\s+[LR])\)",
    re.I,
)
CAPTION_CREDIT = re.compile(
    r"\s*(?:\([^()]*(?:/|Photo|Pool|AFP|Reuters|\bAP\b|EPA|GPO|Getty)[^()]*\)|/\s*[A-Z]{2,6}"
    r"|(?:--|–|—)\s*[A-Z][A-Za-z]{1,15}|EPA-EFE.*|(?:Reuters\s+)?File\s+Photo|Photo\s*:.*"
    r"|(?<=[a-z])Image\s*:.*)\s*$",
    re.I,
)
# A word glued to the next one in copy-pasted pages: "File photoLIMA, May 3", "ByJOHN".
GLUED_CAPITALS = re.compile(r"(?<=[a-z])(?=[A-Z]{3,}\b)")
GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# "ThePresident of Sri Lanka had a bilateral meeting": the article glued to its noun
GLUED_THE = re.compile(r"(?<=\bThe)(?=[A-Z][a-z]{2})")
# "Nana Akufo- Addo": a hyphenated name a page broke after its hyphen
BROKEN_HYPHEN = re.compile(r"\b(?P<word>[A-Z][a-z]+)-[ \t]+(?=[A-Z][a-z])")
# A sentence a page broke over several lines: the line stops mid-clause ("in the city of" /
# "Hangzhou, ...") or the next one goes on in lower case ("Putin" / "also met ...").
HARD_WRAP = re.compile(
    r"(?<=[^\W\d])[ \t]*\n(?=[ \t]*[a-z])"
    r"|(?<=\s)(?P<word>of|the|a|an|and|with|to|in|on|at|by|for|from|that|his|her|their)"
    r"[ \t]*\n(?=[ \t]*\w)"
)
# A paragraph a page broke mid-sentence: it ends on a word in lower case and the next one goes
# on in lower case ("paid a courtesy" / "" / "call on ..."); not a byline ("by ...").
BROKEN_PARAGRAPH = re.compile(r"(?<=\s)(?P<word>[a-z]+)[ \t]*\n[ \t]*\n(?=[ \t]*(?!by\s)[a-z])")
SENTENCE_END = re.compile(r"[.!?:;\"')\]…]\s*$")
TRAILING_CREDIT = re.compile(r"(?<=[.!?\"'])\s*(?:--|–|—)\s*(?P<agency>[A-Z][\w.]{1,20})\s*$")
# A credit naming the agency whose copy this is: "(Agency)", "/agency/", "– Agency".
CREDIT = re.compile(
    r"(?:^|\s)(?:--|–|—)\s*(?P<a>[A-Z][\w.]{1,20})\s*$|\((?P<b>[A-Z][\w.]{1,20})\)\s*$"
)


# An item of a list a page sets out line by line: "• President X of France", "2) Y".
BULLET = re.compile(r"(?:[•·▪‣◦*–—-]|\d{1,2}[.)])\s+")


def join_lists(lines: list[str]) -> list[str]:
    """A line that announces a list ("On Friday the Prime Minister met:") and the items set
    out under it, one a line, as one sentence: "... met: A; B; C." (items with a bullet, or
    short lines that end no sentence)."""
    out: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        n += 1
        if not line.endswith(":") or len(line.split()) < 3:
            out.append(line)
            continue
        items = []
        while n < len(lines):
            bullet = BULLET.match(lines[n])
            item = lines[n][bullet.end() :] if bullet else lines[n]
            ends = SENTENCE_END.search(item) is not None and not item.endswith(";")
            if not bullet and (ends or len(item.split()) > 15):
                break
            items.append(item.rstrip(" ;,."))
            n += 1
            if ends:
                break
        if len(items) < 2:
            out.append(line)
            n -= len(items)
            continue
        out.append(f"{line} {'; '.join(items)}.")
    return out


@dataclass
class Prepared:
    """An article's text sorted out: the report's lines, and what only gives evidence."""

    lines: list[str]
    headlines: list[str]
    captions: set[int]  # which of lines are photo captions
    page_dates: list[str]  # lines that are only a date: the page's date
    credits: list[str]  # agencies credited at the end of a paragraph
    first: int = 0  # the line the report starts on


def prepare(text: str, title: str | None) -> Prepared:
    """Headlines, bylines, menus, repeated lines and photo credits out; captions marked."""
    text = GLUED_CAPITALS.sub("\n", text)
    text = GLUED_SENTENCE.sub(" ", text)
    text = GLUED_THE.sub(" ", text)
    text = BROKEN_HYPHEN.sub(lambda m: f"{m['word']}-", text)
    text = BROKEN_PARAGRAPH.sub(lambda m: f"{m['word']} ", text)
    text = HARD_WRAP.sub(lambda m: f"{m['word'] or ''} ", text)
    raw = [" ".join(line.split()) for line in text.split("\n")]
    raw = join_lists([line for line in raw if line])
    title_key = fold(title or "").rstrip(".")
    seen: list[str] = []
    prepared = Prepared([], [title] if title else [], set(), [], [])
    in_report = False
    for n, line in enumerate(raw):
        key = fold(line)
        last = n == len(raw) - 1
        if key.rstrip(".") == title_key or key in seen:
            continue  # the headline again, a caption repeated
        if len(key) >= 30 and any(earlier.startswith(key) for earlier in seen[-20:]):
            continue  # a repeated caption cut short
        seen.append(key)
        words = line.split()
        if d.only_a_date(line):
            prepared.page_dates.append(line)
            continue
        if NOISE_LINE.match(line) or BYLINE.match(line) or SITE_AFTER_BAR.search(line):
            if PAGE_DATE.search(line):
                prepared.page_dates.append(line)  # "Published June 3,2019"
            continue
        if not in_report and d.read_dateline(line, None) is not None and len(words) < 8:
            prepared.lines.append(line)  # a dateline on a line of its own ("Accra, 9 June:")
            continue
        credit = TRAILING_CREDIT.search(line)
        if credit:
            # "... on Friday. -- Agency": the agency's credit after the last sentence
            prepared.credits.append(credit["agency"])
            line = line[: credit.start()]
        if CAPTION.search(line):
            # A photo caption reports what the picture shows; it may be the only place a
            # meeting's date is given, but it is not where the report starts.
            prepared.captions.add(len(prepared.lines))
            prepared.lines.append(CAPTION_CREDIT.sub("", CAPTION_MARK.sub("", line)))
            continue
        ends = SENTENCE_END.search(line)
        if not in_report and not ends and len(words) <= 10 and d.NUMERIC_DATE.search(line):
            # "2023-07-11 - SPA -", "17:24 | 28.11.2019 Category: Official": the page's date,
            # and the agency it names
            prepared.page_dates.append(line)
            prepared.credits += [w for w in re.findall(r"[A-Za-z][\w.\-]+", line) if agency(w)]
            continue
        if len(words) <= 4 and not ends:
            continue  # a menu item, a section name, a photographer's name
        # (a line of thirty words without its full stop is the report's first sentence, cut)
        if not ends and not last and len(words) <= (25 if not in_report else 15):
            prepared.headlines.append(line)  # a headline, a standfirst or a subhead
            continue
        credit = CREDIT.search(line)
        if credit:
            prepared.credits.append(credit["a"] or credit["b"])
        in_report = True
        prepared.lines.append(line)
    return prepared


class Reader:
    """Reads one article; build one per article (the vocabularies are read fresh each time)."""

    def __init__(self, lexicon: Lexicon | None = None, gazetteer=None):
        self.lexicon = lexicon or build_lexicon()
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()

    def place(self, text: str) -> tuple[str, str] | None:
        """(city, country code) for a place name the gazetteer knows."""
        if not text or (text.isupper() and len(text.rstrip(".")) <= 4):
            return None  # "ambassador to the UN", "the AU": a body's letters, no town "Un"
        folded = fold(text).rstrip(".")
        for landmark, city in LANDMARKS.items():
            if folded == landmark or folded.startswith(landmark):
                folded = fold(city)
                break
        if self.gazetteer is None:
            return None
        if folded in REGIONS or folded in NOT_A_PLACE:
            return None  # "in Africa" is a continent, not a town that lists it as a name
        code = self.lexicon.country_names.get(folded)
        if code:
            # "to Egypt", "in Mexico": the country, not a town elsewhere that has its name;
            # but "Singapore" and "Beijing" (a word for China) are cities by their own names.
            hit = self.gazetteer.lookup_own_name(folded)
            if hit is None or (
                hit.country_code != code and folded in self.lexicon.country_own_names
            ):
                return None
            return hit.name, hit.country_code
        hit = self.gazetteer.lookup(folded)
        if hit is None:
            return None
        if folded in self.lexicon.officials and self.gazetteer.lookup_own_name(folded) is None:
            return None  # "gratitude to Lula": the president, not Luleå, once called so
        return hit.name, hit.country_code

    def places_in(self, sentence: str) -> list[tuple[int, str, str]]:
        """(position, city, country) for every place after in/at/outside..., longest name first."""
        return [(start, city, code) for start, _, city, code in self.places_at(sentence)]

    def places_at(self, sentence: str) -> list[tuple[int, int, str, str]]:
        """(start, end, city, country) for every place the sentence names as a place."""
        found = []
        for m in [*PLACE_BEFORE.finditer(sentence), *PLACE_AFTER_COMMA.finditer(sentence)]:
            words = m["place"].split()
            for n in range(len(words), 0, -1):
                candidate = " ".join(words[:n]).rstrip(".,")
                rest = m["place"][len(" ".join(words[:n])) :] + sentence[m.end() :]
                if BUILDING.match(rest) and fold(candidate) not in LANDMARKS:
                    continue
                hit = self.place(candidate)
                if hit and n < len(words) and words[n][:1].isupper():
                    # "at Seri Perdana": a part of a longer name is a place only by its own name
                    own = self.gazetteer.lookup_own_name(candidate) if self.gazetteer else None
                    hit = hit if own is not None else None
                if hit:
                    found.append((m.start("place"), m.start("place") + len(candidate), *hit))
                    break
        return found

    def venues_in(self, sentence: str) -> list[tuple[int, str, str]]:
        """The places of a sentence that can be where people met."""
        # Not "from Singapore Prime Minister Lee", not "the situation in Gaza"; but "received
        # Friday in Harare Minister X" is in the city.
        return [
            (start, city, code)
            for start, end, city, code in self.places_at(sentence)
            if not NOT_A_VENUE_BEFORE.search(sentence[max(0, start - 30) : start])
            and not POSTED_IN.search(sentence, max(0, start - 80), start)
            and (
                not TITLE_AFTER.match(sentence, end)
                or (
                    re.search(r"\bin\s+$", sentence[max(0, start - 4) : start]) is not None
                    and fold(sentence[start:end]) not in self.lexicon.country_names
                )
            )
            and not NAMED_AFTER_A_CITY.match(sentence, end)
            and not re.search(r"\bfrom\s+(?:the\s+)?$", sentence[max(0, start - 10) : start])
        ]

    def is_place(self, name: str) -> bool:
        return self.place(name) is not None

    def place_country(self, name: str) -> str | None:
        hit = self.place(name)
        return hit[1] if hit else None

    def read(
        self,
        text: str,
        *,
        published: datetime.date | None = None,
        title: str | None = None,
        publisher: str | None = None,
        url: str | None = None,
    ) -> Reading:
        notes: list[str] = []
        if len(text) > MAX_CHARACTERS:
            # Reading takes time in proportion to the text: refuse what no article is at once
            # rather than keep the editor waiting.
            notes.append(
                f"The text is {len(text):,} characters long; the reader reads up to "
                f"{MAX_CHARACTERS:,} (a long article has fewer than 100,000), so it proposed "
                "nothing. Paste the article on its own."
            )
            return Reading([], published, None, notes)
        language = guess_language(text)
        if language is not None and language != "English":
            # Our rules are English words; on another language they would only find noise.
            notes.append(
                f"This text seems to be in {language}; the reader reads English, so it proposed "
                "nothing."
            )
            return Reading([], published, None, notes)
        text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
        prepared = prepare(text, title)
        lines = prepared.lines
        # The dateline opens the report, after any photo caption above it.
        first = next((n for n in range(len(lines)) if n not in prepared.captions), None)
        dateline = None
        if first is not None:
            dateline = d.read_dateline(lines[first], published, self.is_place)
        if dateline:
            lines[first] = lines[first][dateline.length :]
            prepared.first = first
        said = dateline.date if dateline and dateline.date else None
        if said and published and said > published + datetime.timedelta(days=1):
            # a dateline after the page's own date is when the page was copied, not the report
            said = None
        reference = said or published
        if reference is None and url and (in_address := d.date_in_address(url)):
            reference = in_address
            notes.append(
                f"No publication date: dates are read against {reference:%-d %B %Y}, from the "
                "page's address."
            )
        if reference is None:
            reference = self.reference_from_text(prepared, dateline, notes)
        self.reference = reference
        self.days: dict[str, frozenset[datetime.date]] = {}
        if reference is None:
            notes.append("No publication date: weekdays and relative dates are left unresolved.")
        home = self.home_country(prepared, dateline, publisher)
        dateline_country = None
        if dateline and dateline.city:
            hit = self.place(dateline.city)
            dateline_country = hit[1] if hit else None
        people = People(self.lexicon, place_country=self.place_country, reference=reference)
        sentences: list[str] = []
        captions: set[int] = set()
        for n, line in enumerate(lines):
            for sentence in split_sentences(line):
                if n in prepared.captions:
                    captions.add(len(sentences))
                sentences.append(sentence)
        self.captions = captions
        # a report from a summit or its sidelines, where leaders meet one after the other
        self.gathering = any(
            SIDELINES.search(line) or MULTILATERAL.search(line)
            for line in [*prepared.headlines, *lines]
        )
        # a report of someone's meetings or calls ("had a number of phone conversations with
        # his counterparts"), or from a summit: those he met were met one after the other
        self.one_after_another = self.gathering or any(
            PLURAL_MEETINGS.search(line) for line in [*prepared.headlines, *lines]
        )
        proposals: list[Proposal] = []
        owner: list[Proposal | None] = []  # which proposal each sentence talks about
        by_people: dict[frozenset[str], list[Proposal]] = {}
        last_subject: Person | None = None
        previous_mentions: list[Mention] = []
        history: list[tuple[int, list[Person], str]] = []
        # who met a group a sentence did not name, and where
        round_up_by: Person | None = None
        round_up_at = -1
        for headline in prepared.headlines[:2]:
            # "A meets B" over "The two leaders met on Monday": the headline names them.
            # Title Case writes "Of" and "At" as if they were names: lower them first.
            headline = TITLE_CASE_WORDS.sub(lambda w: w[0].lower(), headline)
            named = unique([x.person for x in people.find(headline) if x.person.name])
            if named:
                history.append((-1, named, headline))
        opening = next(
            (entry for entry in history if len({p.country for p in entry[1] if p.country}) >= 2),
            None,
        )
        for index, sentence in enumerate(sentences):
            mentions = people.find(sentence)
            current = None
            found = self.proposals_in(
                sentence,
                index,
                mentions,
                people,
                last_subject,
                previous_mentions,
                # the last meeting of two countries or more: who "the two leaders" are
                next((p for p in reversed(proposals) if len(p.countries) >= 2), None),
                history,
            )
            unnamed = all(len(p.participants) < 2 for p in found)
            if unnamed and round_up_by is not None:
                others = [
                    x
                    for x in mentions
                    if x.person.name and x.person.country not in (None, round_up_by.country)
                ]
                if INCLUDED.match(sentence):
                    # "... held bilateral meetings with several other leaders. These included A,
                    # B and C": one meeting each with the one who held them
                    met = [x.person for x in others]
                elif (
                    others
                    and others[0].start < 60
                    and ROUND_UP_TOLD.search(sentence, others[0].end, others[0].end + 40)
                    and not NOT_HAPPENED.search(sentence, 0, others[0].end + 40)
                ):
                    # "... met world leaders on the sidelines. ... US President X expressed
                    # support for ...": what each leader said there, one at a time
                    met = [others[0].person]
                else:
                    met = []
                found = [
                    Proposal([round_up_by, person], sentence, index, IN_PERSON, False, "")
                    for person in unique(met)
                ] or found
            if index - round_up_at > 6:
                round_up_by = None
            if unnamed and ROUND_UP_GROUP.search(sentence) and not NOT_HAPPENED.search(sentence):
                named = [x.person for x in mentions if x.person.name]
                round_up_by, round_up_at = (named[0] if named else last_subject), index
            if (
                proposals
                and owner
                and owner[-1] is proposals[-1]
                and HELD_BY_PHONE.search(sentence)
            ):
                # "Tamim held talks with King Mohammed VI. The talks took place during a phone
                # call received by the Emir from the King": the talks were that call
                proposals[-1].kind, proposals[-1].kind_explicit = CALL, True
            if not found and proposals and owner and owner[-1] is proposals[-1]:
                self.joined(proposals[-1], sentence, mentions)
                told_by_phone(proposals[-1], sentence)
            history.append((index, unique([x.person for x in mentions if x.person.name]), sentence))
            if opening is None and len({p.country for p in history[-1][1] if p.country}) >= 2:
                opening = history[-1]
            # the people of the last three sentences, after the first two of different
            # countries the report named together, whom "the prime ministers" may be far below
            del history[:-3]
            if opening is not None and opening not in history:
                history.insert(0, opening)
            previous_mentions = mentions
            for proposal in found:
                merged = self.merge(proposals, by_people, proposal)
                current = merged or proposal
                if merged is None:
                    proposal.order = len(proposals)
                    proposals.append(proposal)
                same = by_people.setdefault(current.keys, [])
                if not same or same[-1] is not current:
                    same.append(current)
                if proposal.participants and (
                    last_subject is None
                    or (
                        len(proposal.participants) >= 2
                        and last_subject not in proposal.participants
                    )
                ):
                    # the one the report is about stays so while he takes part in each meeting
                    # and in "'Had a great meeting with X,' Modi tweeted. He also met Y", where
                    # the quotation alone names only X
                    last_subject = proposal.participants[0]
            if current is None and mentions and not proposals:
                last_subject = mentions[0].person
            owner.append(current)
        proposals = self.without_bodies(proposals, notes)
        self.resolve_roles(proposals, people)
        self.resolve_dates(proposals, sentences, reference)
        self.resolve_places(proposals, sentences, owner, dateline)
        self.resolve_countries(
            proposals, sentences, prepared.headlines, home, dateline_country, dateline, people
        )
        self.resolve_roles(proposals, people)
        proposals = self.deduplicate(proposals)
        proposals = self.between_countries(proposals, notes)
        self.resolve_topics(proposals, sentences, owner)
        for proposal in proposals:
            subject = proposal.participants[0]
            for person in proposal.participants:
                if person.title == COUNTERPART:
                    person.title = subject.title
        if not proposals:
            notes.append("The article reports no meeting that took place.")
        return Reading(proposals, reference, dateline, notes)

    def joined(self, proposal: Proposal, sentence: str, mentions: list[Mention]) -> None:
        """ "Kazakh President X also took part in the call": X, named before those words, is
        one more participant of the meeting the sentence before reported."""
        m = JOINED.search(sentence)
        if m is None:
            return
        for mention in mentions:
            person = mention.person
            if (
                mention.start < m.start()
                and person.name
                and person not in proposal.participants
                and len(proposal.participants) < 3
            ):
                proposal.participants.append(person)

    def reference_from_text(
        self, prepared: Prepared, dateline: d.Dateline | None, notes: list[str]
    ) -> datetime.date | None:
        """The date a page without a publication date is read against, with a note saying why."""
        # The date it prints on a line of its own, else one in its title, else the latest full
        # date its text gives (often a photo caption's).
        anchor, where = None, ""
        for source, label in (
            (prepared.page_dates, "the date the page prints"),
            (prepared.headlines[:1], "the date in the title"),
            (prepared.lines, "the latest date the text gives"),
        ):
            if source is prepared.lines and dateline is not None:
                # the dateline without its year is the report's own day, which the terms of
                # those it names may date; a date in the text may be of something it cites
                in_office = self.dateline_year(prepared, dateline, notes)
                if in_office is not None:
                    return in_office
            found = [
                x.date
                for line in source
                for x in d.find_dates(line, None)
                if x.date and x.precision == d.DAY_PRECISION
            ]
            if found:
                anchor = max(found) if source is prepared.lines else found[0]
                where = label
                break
        if anchor is None:
            return self.dateline_year(prepared, dateline, notes) if dateline else None
        reference = anchor
        if dateline is not None:
            # "LIMA, Oct. 3" without a year: the year of the date the text gives.
            stated = d.dateline_date(dateline.text, anchor)
            reference = stated or anchor
        notes.append(
            f"No publication date: dates are read against {reference:%-d %B %Y}, from {where}."
        )
        return reference

    def dateline_year(
        self, prepared: Prepared, dateline: d.Dateline, notes: list[str]
    ) -> datetime.date | None:
        """ "TOKYO, Oct. 24 -- Prime Minister A held talks with Prime Minister B on Thursday",
        with no year anywhere: the one year both held office in which 24 October was a
        Thursday (the weekday the lead gives, the dateline's own day in wire copy)."""
        stated = d.dateline_date(dateline.text, datetime.date(2001, 7, 1))
        if (
            stated is None
            or len(prepared.lines) <= prepared.first
            or self.lexicon.official_pattern is None  # a tracker that knows no officials yet
        ):
            return None
        # (its first sentence or so: a page that is one long line is not read twice whole)
        lead = prepared.lines[prepared.first][:400]
        known = {
            official.official_id: official
            for m in self.lexicon.official_pattern.finditer(lead)
            if " " in m[0] and (official := self.lexicon.officials.get(fold(m[0])))
        }.values()
        if not known or not all(k.terms for k in known):
            return None
        today = datetime.date.today()
        years = None
        said = fold(lead)
        for official in known:
            # the posts the lead names them in ("his Australian counterpart X" after "Prime
            # Minister of India": a prime minister, not the treasurer he was before), else all
            terms = [t for t in official.terms if t[3] and fold(t[3]) in said] or official.terms
            served = {
                year
                for _, start, end, _ in terms
                if start is not None
                for year in range(start.year, (end or today).year + 1)
            }
            years = served if years is None else years & served
        weekday = WEEKDAY.search(lead)
        fits: dict[int, list[datetime.date]] = {0: [], 1: []}
        for year in sorted(years or ()):
            try:
                day = stated.replace(year=year)
            except ValueError:  # 29 February
                continue
            if day > today:
                continue
            if weekday is None:
                fits[0].append(day)
                continue
            # the dateline's own day, else (wire copy filed the next morning) the day before
            for back in (0, 1):
                if (day.weekday() - back) % 7 == d.WEEKDAYS.index(weekday[0].lower()):
                    fits[back].append(day)
        after = not fits[0]
        fits = fits[0] or fits[1]
        if len(fits) != 1:
            return None
        names = " and ".join(sorted(k.name for k in known))
        notes.append(
            f"No publication date: dates are read against {fits[0]:%-d %B %Y}, the dateline's "
            f"day in the one year {names} held office"
            + (
                f" in which it fell {'the day after' if after else 'on'} a {weekday[0]}."
                if weekday
                else "."
            )
        )
        return fits[0]

    def home_country(
        self, prepared: Prepared, dateline: d.Dateline | None, publisher: str | None
    ) -> tuple[str, str] | None:
        """The country whose outlet wrote the report, and how we know."""
        # The agency its dateline or a credit names, else the publisher. A wire that writes for
        # the world gives none.
        credited = [dateline.agency] if dateline and dateline.agency else []
        for source in [*credited, *reversed(prepared.credits)]:
            hit = self.lexicon.outlet_country(source, last=True)
            if hit:
                name, code = hit
                return (code, f"the report is {name}'s") if code else None
        if not publisher:
            return None
        # "Morning Gazette (Reuters)", "Daily Post (Agency copy)": the copy's author first.
        for inner in [*re.findall(r"\(([^()]*)\)", publisher), publisher]:
            hit = self.lexicon.outlet_country(inner)
            if hit:
                name, code = hit
                return (code, f"the publisher, {name}") if code else None
            # a country before a union: "Ministry of Foreign Affairs, European Union and
            # Cooperation of Spain" is Spain's
            codes = [
                self.lexicon.country_names.get(fold(m[0]))
                for m in self.lexicon.country_pattern.finditer(inner)
            ]
            code = next((c for c in codes if c and c not in self.lexicon.unions), None)
            code = code or next((c for c in codes if c), None)
            if code:
                return code, f"the publisher, {publisher}"
        return None

    def resolve_roles(self, proposals: list[Proposal], people: People) -> None:
        """Give a role its holder's name when one person named in the article fits it."""
        # "The leaders of Chile and Peru met" after "Chilean President Gabriel Boric";
        # "the Prime Minister of Malta" and "PM Abela".
        named = [p for p in people.by_key.values() if p.name]
        # whom the report is about: the first named in its first meeting
        lead = next((p for p in proposals[0].participants if p.name), None) if proposals else None
        for proposal in proposals:
            for n, role in enumerate(proposal.participants):
                if role.name:
                    continue
                others = {q.country for q in proposal.participants if q is not role}
                fits = [
                    q
                    for q in named
                    if q not in proposal.participants
                    and (q.country == role.country if role.country else q.country not in others)
                    and titles_agree(role.title, q.title, strict=role.country is None)
                ]
                exact = [
                    q for q in fits if q.title and role.title and fold(q.title) == fold(role.title)
                ]
                titled = [q for q in fits if q.title]
                # The one with that title, else the one with any title: "Boric's predecessor,
                # Michelle Bachelet" is not whom "the leader of Chile" names.
                fits = exact if len(exact) == 1 else titled if len(titled) == 1 else fits
                if len(fits) > 1 and role.country is None and lead in (exact or fits):
                    # "PM Modi held talks with PM Sunak ... The PM also had a meeting with X":
                    # the prime minister the report is about
                    fits = [lead]
                if len(fits) == 1:
                    proposal.participants[n] = fits[0]
                    proposal.inferred.add(fits[0].key)
                    if not fits[0].country and role.country:
                        fits[0].country, fits[0].country_evidence = role.country, role.sentence
                elif not fits:
                    self.name_from_tracker(proposal, n, role, people)

    def name_from_tracker(self, proposal: Proposal, n: int, role: Person, people: People) -> None:
        """An office the article names no one for ("the External Affairs Minister", "Japan's
        foreign minister"): its holder on the day, when the tracker knows one and only one."""
        day = proposal.date or self.reference
        country = role.country or TITLE_COUNTRY.get(fold(role.title or ""))
        if not (country and role.title and day) or fold(role.title) in GENERIC_TITLES:
            return
        holders = self.lexicon.holders(country, day)
        # the very title first ("Minister of External Affairs" for "External Affairs
        # Minister"), else one of the same office ("Minister of Foreign Affairs")
        for same in (same_title, lambda a, b: titles_agree(a, b, strict=True)):
            held = {k.official_id: k for k, title in holders if same(role.title, title)}
            if held:
                break
        if len(held) != 1:
            return
        known = next(iter(held.values()))
        person = people.register(known.name, role.title, country, role.sentence)
        if person in proposal.participants:
            return
        person.country_evidence = person.country_evidence or (
            f"{known.name}, {role.title} then, in the tracker"
        )
        proposal.participants[n] = person
        proposal.inferred.add(person.key)

    def without_bodies(self, proposals: list[Proposal], notes: list[str]) -> list[Proposal]:
        """The meetings of two or more people, without the officials of international bodies
        ("UN Secretary-General António Guterres"), who are no country's (the tracker may know
        them as a former minister of one), and without spokespeople, who tell of meetings."""
        left_out, spokespeople = [], []
        for proposal in proposals:
            for person in proposal.participants:
                if person.body and person not in left_out:
                    left_out.append(person)
                elif SPOKESPERSON.search(person.title or "") and person not in spokespeople:
                    spokespeople.append(person)
            proposal.participants = [
                p for p in proposal.participants if p not in left_out and p not in spokespeople
            ]
        notes += [
            f"Left out of the meetings: {p.name or p.title}, who speaks for {p.body}, not for a"
            " country."
            for p in left_out
        ]
        notes += [
            f"Left out of the meetings: {p.name or p.title}, {p.title}, who tells of "
            "meetings rather than holds them."
            for p in spokespeople
        ]
        return [p for p in proposals if len(p.participants) >= 2]

    def between_countries(self, proposals: list[Proposal], notes: list[str]) -> list[Proposal]:
        """The meetings between officials of two or more countries."""
        # One whose people's countries the text does not give, or all of one country, is left out
        # with a note, so the editor still sees what was read.
        kept = []
        for proposal in proposals:
            for person in proposal.participants:
                if not person.country and person.tracker_country:
                    # the text says nothing of them: the tracker's country, though they held
                    # no post of its then
                    person.country = person.tracker_country
                    person.country_evidence = f"{person.name}, an official in the tracker"
            missing = [
                p.name or p.title or "someone" for p in proposal.participants if not p.country
            ]
            if not missing and len(proposal.countries) >= 2:
                kept.append(proposal)
                continue
            placed = [p for p in proposal.participants if p.country]
            if missing and len(placed) >= 2 and len(proposal.countries) >= 2:
                # "Blinken and Sullivan met with Yang and Wang": the meeting of the two
                # countries stands; whoever the text gives no country is left for the editor
                proposal.participants = placed
                kept.append(proposal)
                notes.append(
                    f"Left out of a meeting (no country): {', '.join(missing)}, in "
                    f"“{proposal.sentence}”"
                )
                continue
            why = f"no country for {', '.join(missing)}" if missing else "all of one country"
            notes.append(f"Not proposed ({why}): “{proposal.sentence}”")
        return kept

    def deduplicate(self, proposals: list[Proposal]) -> list[Proposal]:
        """One proposal per meeting, however many times the article tells it."""
        # The headline's and the body's, the caption's and the report's, "met on Monday" and "the
        # Monday meeting" are one meeting when the countries and people agree and neither the
        # date nor the kind says otherwise.
        kept: list[Proposal] = []
        # Only proposals of the same people or the same countries can be the same meeting:
        # looked up, not compared with every one kept, so a long text stays linear.
        index: dict[frozenset[str], list[Proposal]] = {}

        def remember(proposal: Proposal) -> None:
            for key in (proposal.keys, frozenset(proposal.countries)):
                index.setdefault(key, []).append(proposal)

        for proposal in proposals:
            if proposal.distinct:
                kept.append(proposal)
                remember(proposal)
                continue
            candidates = [
                *index.get(proposal.keys, [])[-20:],
                *index.get(frozenset(proposal.countries), [])[-20:],
            ]
            same = next((old for old in candidates if same_meeting(old, proposal)), None)
            if same is None:
                recent = (old for old in reversed(kept[-10:]) if part_of(old, proposal))
                same = next(recent, None)
            if same is None:
                kept.append(proposal)
                remember(proposal)
                continue
            fold_into(same, proposal, prefer_new=same.index in self.captions)
            remember(same)
        return kept

    def speaking_for(self, sentences: list[str], people: People) -> dict[str, dict[str, str]]:
        """{person's key: {country: sentence}} for the countries people speak for."""
        # "Trudeau said that Canada would supply ...", "Mahama stressed Ghana is ready": the
        # country an official makes the subject of what they say is, as a rule, their own.
        spoken: dict[str, dict[str, str]] = {}
        for sentence in sentences:
            for m in SPEAKS_FOR.finditer(sentence):
                person = people.by_surname.get(fold(m["who"]))
                country = self.lexicon.country_pattern.match(sentence, m.end())
                if person is None or country is None:
                    continue
                code = self.lexicon.country_names.get(fold(country[0]))
                if code and SPOKEN_VERB.match(sentence, country.end()):
                    spoken.setdefault(person.key, {}).setdefault(code, sentence)
        return spoken

    def country_pairs(self, text: str) -> list[tuple[str, str, str]]:
        """(one, the other, the words) for two countries named as the two sides of something."""
        # "Talks between Chile and Peru", "Chile-Peru ties", "Chilean-Peruvian cooperation", a
        # headline's "Chile and Peru discuss ...". Not "Niger and Chad Presidents",
        # where the countries belong to the people named.
        found = [
            (m.start(), m.end(), code)
            for m in self.lexicon.country_pattern.finditer(text)
            if (code := self.lexicon.country_names.get(fold(m[0]).removesuffix("'s")))
        ]
        pairs = []
        for n in range(len(found) - 1):
            (a0, a1, a), (b0, b1, b) = found[n], found[n + 1]
            if a == b:
                continue
            gap = text[a1:b0]
            before, after = text[max(0, a0 - 30) : a0], text[b1 : b1 + 40]
            hyphenated = re.fullmatch(r"\s?[-–—/]\s?", gap) is not None
            # ("between the Republic of X and the Republic of Y")
            joined = re.fullmatch(r"\s+(?:and|&)\s+(?:the\s+)?", gap) is not None
            sides = joined and (
                re.search(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$", before)
                is not None
                or PAIR_AFTER.match(after) is not None
                or (
                    re.search(r"(?:^|[;\n])\s*$", before) is not None
                    and re.match(r"\s+[a-z]", after)
                )
            )
            if hyphenated or sides:
                pairs.append((a, b, text[a0:b1]))
        return pairs

    def resolve_countries(
        self,
        proposals: list[Proposal],
        sentences: list[str],
        headlines: list[str],
        home: tuple[str, str] | None,
        dateline_country: str | None,
        dateline: d.Dateline | None,
        people: People,
    ) -> None:
        """Countries for officials the text names without one, each with its evidence."""
        # From the strongest evidence left: a pair of countries the report names with the meeting
        # ("talks between Chile and Peru"), the outlet's own country for the official it does
        # not introduce, the host of a meeting at home, the dateline.
        headline_pairs = self.country_pairs(" ; ".join(headlines))

        def assign(person: Person, code: str, evidence: str) -> None:
            person.country, person.country_evidence = code, evidence

        def unknown(proposal: Proposal) -> list[Person]:
            return [p for p in proposal.participants if not p.country]

        def by_pairs(proposal: Proposal, pairs: list[tuple[str, str, str]]) -> None:
            missing = unknown(proposal)
            known = proposal.countries
            if len(missing) != 1 or not known:
                return
            others = {
                (b if a in known else a, words)
                for a, b, words in pairs
                if (a in known) != (b in known)
            }
            if len({code for code, _ in others}) == 1:
                code, words = others.pop()
                assign(missing[0], code, f"“{words}”")

        spokesmen = self.speaking_for(sentences, people)
        for proposal in proposals:
            if not unknown(proposal):
                continue
            span = " ".join(sentences[proposal.index : proposal.index + 3])
            pairs = [*self.country_pairs(span), *headline_pairs]
            by_pairs(proposal, pairs)
            for person in unknown(proposal):
                # "Trudeau said that Canada would supply ...": who speaks for a country
                spoken = spokesmen.get(person.key, {})
                if len(spoken) == 1:
                    (code, sentence), *_ = spoken.items()
                    if code not in proposal.countries:
                        assign(person, code, sentence)
            for person in unknown(proposal) if len(unknown(proposal)) == 1 else ():
                # "Brazilian Foreign Minister said ... Minister Antonio Patriota conveyed": the
                # office the text gave a country and no name, the only one of that title
                title = fold(person.title or "")
                # (not one he met: "Tinubu held talks with Niger and Chad Presidents")
                met = {
                    other.key
                    for other_proposal in proposals
                    if person in other_proposal.participants
                    for other in other_proposal.participants
                }
                offices = {
                    role.country: role
                    for role in people.by_key.values()
                    if title
                    and role.name is None
                    and role.country
                    and role.country not in proposal.countries
                    and role.key not in met
                    and (
                        fold(role.title or "") == title
                        or fold(role.title or "").endswith(f" {title}")
                    )
                }
                if len(offices) == 1:
                    code, role = offices.popitem()
                    assign(person, code, f"the {role.title} of {code} the text names, unnamed")
            missing = unknown(proposal)
            if home and missing and home[0] not in proposal.countries:
                # The outlet's own officials go without a country: "President X" in
                # that country's paper. The one doing the meeting first, else the only one left.
                subject = proposal.participants[0]
                target = (
                    subject if subject in missing else missing[0] if len(missing) == 1 else None
                )
                if target is not None:
                    assign(target, home[0], home[1])
            by_pairs(proposal, pairs)
            missing = unknown(proposal)
            if len(missing) == 1:
                # "A spoke to her Tongan counterpart X while B also called her counterpart Y":
                # the other meeting the sentence tells, between the same country and one other
                known = proposal.countries
                others = {
                    code
                    for other in proposals
                    if other is not proposal
                    and other.index == proposal.index
                    and known & other.countries
                    and len(other.countries - known) == 1
                    for code in other.countries - known
                }
                if len(others) == 1:
                    assign(missing[0], others.pop(), "the other meeting of the same sentence")
            missing = unknown(proposal)
            # At a summit the city hosts everyone: its country says nothing of a participant's.
            gathering = bool(
                proposal.occasion
                or SIDELINES.search(proposal.sentence)
                or MULTILATERAL.search(proposal.sentence)
            )
            if (
                len(missing) == 1
                and proposal.venue_country not in proposal.countries
                and not gathering
            ):
                # An official whose country the text never gives, meeting at home: the host.
                assign(missing[0], proposal.venue_country, f"the host, in {proposal.venue}")
            missing = unknown(proposal)
            if len(missing) == 1 and not gathering:
                # "a visit to Cuba, where he met Foreign Minister X", "met X in Cuba": the host
                # country the sentence names instead of a city
                hosts = {
                    code: words
                    for code, words in self.countries_visited(proposal.sentence).items()
                    if code not in proposal.countries
                }
                if len(hosts) == 1:
                    code, words = hosts.popitem()
                    assign(missing[0], code, f"the host, “{words}”")
            missing = unknown(proposal)
            if (
                len(missing) == 1
                and dateline_country
                and dateline_country not in proposal.countries
                and not gathering
            ):
                assign(missing[0], dateline_country, f"the dateline, {dateline.city}")

    def countries_visited(self, sentence: str) -> dict[str, str]:
        """The countries the sentence puts someone in or on the way to ("a visit to Cuba",
        "arrived in Cuba, where"): a country's word after "in" or "to", unless a noun follows
        it ("to Chinese firms"); a city gives its country elsewhere: {code: the words}."""
        found = {}
        for m in self.lexicon.country_pattern.finditer(sentence):
            code = self.lexicon.country_names.get(fold(m[0]))
            visited = VISITED_BEFORE.search(sentence, 0, m.start())
            if code and visited and not VISITED_NOT_AFTER.match(sentence, m.end()):
                found[code] = sentence[max(0, m.start() - 9) : m.end()].strip()
        return found

    def proposals_in(
        self,
        sentence: str,
        index: int,
        mentions: list[Mention],
        people: People,
        last_subject: Person | None,
        previous_mentions: list[Mention],
        last_meeting: Proposal | None = None,
        history: list[tuple[int, list[Person], str]] | None = None,
    ) -> list[Proposal]:
        results: list[Proposal] = []
        seen_spans: list[tuple[int, int]] = []
        triggers = [(m, kind) for pattern, kind in TRIGGERS for m in pattern.finditer(sentence)]
        joint = [(m, IN_PERSON) for m in JOINT_TRIGGERS.finditer(sentence)]
        chosen = []
        # left to right, the longest at each place first: "telephone talks on November 24
        # between A and B" is a call between A and B, not "telephone talks" with whoever
        candidates = sorted(
            [*triggers, *joint], key=lambda pair: (pair[0].start(), -len(pair[0][0]))
        )
        for m, kind in candidates:
            if any(a <= m.start() < b for a, b in seen_spans):
                continue
            seen_spans.append((m.start(), m.end()))
            chosen.append((m, kind))
        # In the order the sentence tells them: "X held talks with Y and called on Z" hands
        # the first verb's subject to the second.
        chosen.sort(key=lambda pair: pair[0].start())
        previous_verb: tuple[list[Person], int] | None = None  # its subjects, where it ended
        previous_start = -1
        for m, kind in chosen:
            if (
                previous_start >= 0
                and not VERB_TRIGGER.match(m[0])
                and MANNER_BEFORE.search(sentence, max(0, m.start() - 30), m.start())
            ):
                # "spoke to A and B in separate phone calls": how the verb before was done,
                # not another meeting of those named before it
                continue
            for made in results:
                if made.trigger_at < 0:
                    made.trigger_at = previous_start
            previous_start = m.start()
            clause_start = max(sentence.rfind(";", 0, m.start()) + 1, 0)
            fronted = AFTER_PHRASE.match(sentence, clause_start, m.start())
            if fronted:
                # "Soon after the talks with the Laotian premier, the president held talks with
                # X": whoever the opening phrase names is not the one meeting now
                clause_start = fronted.end()
            clause_end = sentence.find(";", m.end())
            # "the Prime Minister met: A; B; C", "received the credentials of the following
            # envoys: A; B; C": a list of those met, one meeting each
            colon = COLON_LIST.match(sentence, m.end())
            listed = colon is not None and not any(
                m.end() <= x.start < colon.end() for x in mentions
            )
            clause_end = len(sentence) if clause_end == -1 or listed else clause_end
            if clause_end < len(sentence) and LIST_INTRO.search(sentence, m.end(), clause_end):
                # "had bilateral meetings with several of his counterparts, including A, Foreign
                # Minister of X; B, Foreign Minister of Y; ...": a list set off by semicolons
                clause_end = len(sentence)
            while clause_end < len(sentence) and any(
                (x.person.title == COUNTERPART and clause_end < x.start <= clause_end + 8)
                # "calls from H.E. Mr. A, President of X; H.E. Mr. B, President of Y; and C":
                # a person after each semicolon
                or (x.person.name and LIST_ITEM_GAP.fullmatch(sentence, clause_end + 1, x.start))
                for x in mentions
            ):
                # "his counterparts from the UAE, A; Bahrain, B; ...": a list, not clauses
                following = sentence.find(";", clause_end + 1)
                clause_end = len(sentence) if following == -1 else following
            # The negation must be in the verb's own clause: "X had never met Y, though Z
            # brought them together last year" reports Z's meeting.
            contrast = [c.end() for c in CONTRAST.finditer(sentence, clause_start, m.start())]
            # "will implement the agreements reached during the telephone conversation between
            # A and B": the plan is what follows from it, the meeting was held
            contrast += [r.end() for r in REACHED_DURING.finditer(sentence, clause_start, m.end())]
            window = sentence[max(clause_start, m.start() - 200, *contrast) : m.end()]
            rest = sentence[m.end() : clause_end][:160].split(",")[0]
            if (m, kind) in joint:
                # "A and B agreed during the call that the two countries will work together":
                # what they agreed on is to come, not their meeting
                rest = THAT_CLAUSE.split(rest)[0]
            if NOT_HAPPENED.search(window) or NOT_HAPPENED_AFTER.search(rest):
                continue
            if PRESENT_VERB.match(m[0]) and WHEN_FUTURE.search(
                sentence[max(clause_start, m.start() - 120) : m.start()]
            ):
                continue  # "top the agenda when Merkel meets Sarkozy on Monday": to come
            if CALLED_ON.fullmatch(m[0]) and APPEAL.match(rest):
                continue  # "called on Biden to forge a new period": an appeal, no visit
            # Up to a clause of its own: "used a meeting with X to reassure Y, declaring he
            # will never allow ..." says what the speaker will do, not what becomes of the meeting.
            own = OWN_PARTICIPLE.search(sentence, m.end(), clause_end)
            undone_end = own.start() if own else clause_end
            later = [x.start for x in mentions if m.end() <= x.start < undone_end]
            if len(later) >= 2 and FRONTED.match(sentence, 0, m.start()):
                # "In the conversation with X, Y said Z will ...": up to Y, what Y says is not
                # what became of the meeting ("In the meeting with X, scheduled for ..." is)
                undone_end = later[1]
            if (
                not VERB_TRIGGER.match(m[0])
                and (m, kind) not in joint  # a verb: "agreed that they will ..."
                and NOUN_MEETING_UNDONE.search(sentence, m.end(), undone_end)
            ):
                continue  # "the meeting between A and B, scheduled for Monday, was called off"
            if MET_WITH_REACTION.match(sentence, m.end()):
                continue
            if ATTENDING.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "..., attending a meeting with X": who sat in, not who met
            if AUDIENCE.match(sentence[m.end() :]):
                continue
            mentions = self.loose_names(sentence, m, clause_start, clause_end, mentions, people)
            before_mentions = [
                x
                for x in mentions
                if clause_start <= x.start < m.start()
                # "Apart from Lavrov, Jaishankar also held discussions with X": not Lavrov
                and not APART_FROM.search(sentence, max(0, x.start - 25), x.start)
            ]
            # (a name inside the verb's words is its object: "spoke with X via phone")
            after = [x for x in mentions if m.start() < x.start < clause_end]
            before = sentence[clause_start : m.start()]
            # (what the speaker says he and another agreed is what they said, not a meeting)
            subjects = subject_group(
                before_mentions, sentence, m.start(), speaker=(m, kind) not in joint
            )
            if (
                m[0].lower().endswith("between")
                and before_mentions
                and not re.match(r"\s*(?:'s|and)\b", sentence[before_mentions[-1].end : m.start()])
            ):
                # "X explained to Y the telephone talks on November 24 between A and B": the
                # talks of A and B alone (not "X and Y's talks between ...")
                subjects = []
            inside = [x for x in after if x.end <= m.end()]
            if inside and WAS_WITH.search(m[0]):
                # "Another discussion Dr. X held was with Y": who held it, inside the words
                subjects = unique([x.person for x in inside])
                after = [x for x in after if x.end > m.end()]
            if (
                len(before_mentions) >= 2
                and THANKED.search(sentence, before_mentions[-2].end, before_mentions[-1].start)
                and FOR_THE.fullmatch(sentence, before_mentions[-1].end, m.start())
            ):
                # "X thanked Y for the telephone call (of July 29)": a call they had
                subjects = unique([before_mentions[-2].person, before_mentions[-1].person])
            if (
                before_mentions
                and last_subject is not None
                and (previous_verb is not None or LEADING_PHRASE.match(sentence))
                and PRONOUN_BEFORE_VERB.search(sentence, before_mentions[-1].end, m.start())
            ):
                # "he received A and four days later, he received B": the one the report is
                # about; but in "X was greeted with a guard of honour before he sat down with Y"
                # the pronoun is X, named before it with no meeting in between
                subjects = [last_subject]
            if previous_verb and COORDINATED.fullmatch(sentence[previous_verb[1] : m.start()]):
                subjects = previous_verb[0]
            if AT_THEIR_TALKS.match(m[0]) or AN_AUDIENCE.match(m[0]) or TOGETHER_BY.match(m[0]):
                if REPORTED_SPEECH.search(sentence, 0, m.start()):
                    continue  # "X said that he and Y, during their meeting, ...": a memory
                # Everyone the sentence names, but not who sent a message or a letter
                named = unique(
                    [
                        x.person
                        for x in mentions
                        if x.person.name
                        and not SENDER.search(sentence, max(0, x.start - 40), x.start)
                    ]
                )
                if 2 <= len(named) <= 4 and len({p.country for p in named}) >= 2:
                    proposal_kind, explicit = self.kind_of(sentence, kind, m[0])
                    results.append(Proposal(named, sentence, index, proposal_kind, explicit, m[0]))
                continue
            if FRONTED_MEETING.match(m[0]) and last_meeting is None:
                # "At the beginning of the meeting, the two Heads of State ...": the two named
                # before, not whom they paid tribute to
                group = self.group_people(
                    before, before_mentions, previous_mentions, last_meeting, history, index
                )
                named = [p for p in group if p.name]
                if len(named) >= 2:
                    results.append(Proposal(named, sentence, index, IN_PERSON, False, m[0]))
                continue
            if (m, kind) in joint:
                named = [p for p in subjects if p.name]
                if len(named) < 2 and last_meeting is None and TWO_OF_THEM.search(before[-60:]):
                    # "The two Heads of State discussed trade": the two named before, when no
                    # meeting was told yet (else they are that meeting's)
                    group = self.group_people(
                        before, before_mentions, previous_mentions, last_meeting, history, index
                    )
                    named = [p for p in group if p.name]
                if len({p.country for p in named}) < 2 or len(named) < 2:
                    continue
                results.append(Proposal(named, sentence, index, IN_PERSON, False, m[0]))
                continue
            # The object follows the verb closely: "spoke by telephone on Monday, days before
            # Trump is due to meet Putin" has no object.
            gap = sentence[m.end() : after[0].start] if after else ""
            # (the honorifics before the name are no full stop: "received: H.E. Dr. X")
            words = TRAILING_HONORIFICS.sub("", gap)
            if after and (not OBJECT_GAP.fullmatch(gap) or OTHER_CLAUSE.search(words)):
                after = []
            if after and TOPIC_OF.search(gap) and possessive(sentence, after[0]):
                # "held discussions about Prime Minister X's visit": what they talked about
                after = []
            if (
                WELCOMED.match(m[0])
                and (
                    not after
                    or not (
                        re.fullmatch(r"\s*(?:the\s+)?", gap)
                        # "X was warmly welcomed by Y": a guest before the verb, named
                        or (
                            WELCOMED_BY.fullmatch(gap)
                            and any(
                                PASSIVE_LINK.fullmatch(sentence, x.end, m.start()) for x in mentions
                            )
                        )
                    )
                    or sentence.startswith("'s", after[0].end)
                    or sentence[after[0].start : after[0].end].endswith("'s")
                )
            ):
                continue  # "welcomed the decision by X", "welcomed X's remarks": no guest
            if (
                not subjects
                and not before_mentions
                and last_subject is not None
                and WORDS_AFTER_A_MEETING.search(before)
                and m[0].lower().endswith("with")
            ):
                # "X spoke to reporters. The statement was given after a meeting with Y": what
                # he said came of his meeting
                subjects = [last_subject]
            if (
                not subjects
                and not before_mentions
                and last_subject is not None
                and NOUN_OPENING.fullmatch(before)
                and PLURAL_MEETINGS.search(m[0])
            ):
                # "Meetings with leaders such as A and B highlighted ...": the meetings of the
                # one the report is about
                subjects = [last_subject]
            if not subjects and (
                POSSESSIVE_BEFORE.search(before)
                # "In a telephone conversation with X in late April, Y condemned ...": the
                # same, when the verb's words go on with whom (not "In a call, the FM ...")
                or (A_FRONTED.search(before) and WITH_AFTER.match(sentence, m.end()))
            ):
                # "In his meeting with Wang Yi, Jaishankar raised ...": whose meeting it was
                later = [x.person for x in mentions if x.start >= m.end() and x.person.name]
                owner_of = [p for p in later if all(p is not q.person for q in after[:1])]
                subjects = owner_of[:1] or ([last_subject] if last_subject else [])
            groups = object_groups(after, sentence)
            objects = groups[0] if groups else []
            if not subjects and objects and PARTICIPLE_OPENING.match(sentence, clause_start):
                # "Meeting with Prime Minister X, he congratulated ...": the main clause's
                # subject after the comma, the one the report is about when a pronoun
                ends = [x.end for x in after if x.person is objects[-1]]
                main = MAIN_CLAUSE.match(sentence, ends[0]) if ends else None
                if main and main["who"] is None:
                    subjects = [last_subject] if last_subject else []
                elif main:
                    subjects = [x.person for x in after if x.start == main.start("who")][:1]
            group_after = not subjects and not objects and GROUP_AFTER.match(sentence, m.end())
            grouped = len({p.country for p in subjects}) >= 2
            if (GROUP_SUBJECT.search(before[-40:]) and not grouped) or group_after:
                subjects = (
                    self.group_people(
                        before, before_mentions, previous_mentions, last_meeting, history, index
                    )
                    or subjects
                )
            if subjects and objects and all(p in objects for p in subjects):
                # "The foreign minister spoke with Foreign Minister X": the office before the
                # verb read as X, who cannot meet himself; its holder is someone else
                subjects = []
            if not subjects and not before_mentions and WAS_WITH.search(m[0]) and last_subject:
                # "The first meeting of the day was with X": the day of the one the report
                # is about
                subjects = [last_subject]
            if not subjects and (PRONOUN_SUBJECT.search(before) or role_reference(before)):
                ref = role_reference(before)
                subject = people_with_title(people, ref, objects) if ref else None
                subject = subject or last_subject
                if subject in objects and last_meeting is not None and not ref:
                    # "Putin welcomed Xi ... On Monday, he had a meeting with Putin": not the
                    # one he met, the other of the meeting before
                    others = [p for p in last_meeting.participants if p not in objects and p.name]
                    subject = others[0] if len(others) == 1 else subject
                if subject is None and ref and THE_OFFICE.search(before):
                    # "The Prime Minister met X" in a government's own readout: its holder,
                    # unnamed, of the country the report is from (resolve_countries)
                    subject = people.holder_of(None, ref.title(), sentence)
                subjects = [subject] if subject else []
            if (
                subjects
                and not objects
                and PRONOUN_OBJECT.match(sentence, m.end())
                and last_subject is not None
                and last_subject not in subjects
            ):
                # "the envoy, who called on him": the one the report is about
                objects = [last_subject]
                groups = [objects]
            proposal_kind, explicit = self.kind_of(sentence, kind, m[0])
            first_object = min((x.start for x in after if x.person in objects), default=-1)
            if (
                not subjects
                and last_subject is not None
                and last_subject not in objects
                and first_object > m.end()
                and MAIN_PRONOUN.match(sentence, m.end(), first_object)
            ):
                # "During the phone conversations, he exchanged Eid wishes with A, B and C":
                # the one the report is about, the subject of the clause after the noun
                subjects = [last_subject]
            if proposal_kind == CALL and not subjects and len(objects) >= 3:
                # "the phone calls between X and A and B": one call with each
                subjects, objects = objects[:1], objects[1:]
                groups = [objects]
            object_end = max((x.end for x in after if x.person in objects), default=m.end())
            previous_verb = (subjects, object_end)
            # "his Latvian and Lithuanian counterparts (, A and B)": one meeting with each
            counterparts = [p for p in objects if p.name is None or p.title == COUNTERPART]
            separate = len(groups) > 1 or len(counterparts) > 1
            separate = separate or (proposal_kind == CALL and len(objects) > 1 and subjects)
            separate = separate or (len(objects) > 1 and SEPARATELY.search(sentence) is not None)
            separate = separate or (len(objects) > 1 and listed)
            # "held talks with A of X, B of Y and C of Z" at a summit, or in a report of his
            # calls or meetings: four countries at one table would be a session of its own;
            # unless said to be together, each met the subject in turn
            separate = separate or (
                self.one_after_another
                and bool(subjects)
                and len({p.country for p in [*subjects, *objects] if p.country}) >= 4
                and TOGETHER.search(sentence) is None
                and MANY_COUNTRIES.search(sentence) is None
            )
            # "had meetings with A and B": as many meetings as people
            separate = separate or (len(objects) > 1 and PLURAL_MEETINGS.search(m[0]) is not None)
            # "held talks with A and with B": the repeated "with" makes two meetings
            separate = separate or (
                len(objects) > 1 and AND_WITH.search(sentence, m.end(), object_end) is not None
            )
            # "on the sidelines he met A and B": one after the other, unless said to be together
            separate = separate or (
                len({p.country for p in objects}) > 1
                and SIDELINES.search(sentence) is not None
                and TOGETHER.search(sentence) is None
            )
            # "hosted A of X, B of Y and C of Z", "received A, B and C": guests of three
            # countries or more came one after the other (talks held with them are one session)
            separate = separate or (
                ONE_BY_ONE.match(m[0]) is not None
                and len({p.country for p in objects if p.country} - {p.country for p in subjects})
                >= 3
            )
            # "had met and held talks with President A, Prime Minister B and Foreign Minister
            # C" of the country visited: its leaders one after the other, each in his office
            hosts = {p.country for p in objects}
            separate = separate or (
                bool(subjects)
                and len(objects) > 1
                and len(hosts) == 1
                and None not in hosts
                and not hosts & {p.country for p in subjects}
                and len({p.title for p in objects if p.title}) == len(objects)
                # (ministers alone are met together: "his counterpart A and Trade Minister B")
                and any(fold(p.title or "") in LEADER_TITLES for p in objects)
                and TOGETHER.search(sentence) is None
            )
            each: list[list[Person]] = []
            if separate and subjects:
                # "she met her Thai and Vietnamese counterparts", "calls with A and with B",
                # "met A, with whom ..., and B, with whom ...": one meeting each.
                each = [[*subjects, other] for group in groups for other in group]
            elif not subjects and len(groups) > 1 and m[0].lower().endswith("between"):
                # "meetings between A and B, as well as between C and D": a meeting each
                each = [group for group in groups if len(group) >= 2]
            elif (
                len(subjects) > 1
                and objects
                and (
                    len({p.country for p in subjects}) > 1
                    # "President A and Chairman B separately received C": of one country
                    or (
                        bool(before_mentions)
                        and SEPARATELY_VERB.fullmatch(sentence, before_mentions[-1].end, m.start())
                    )
                )
                and SEPARATE_SUBJECTS.search(sentence) is not None
            ):
                # "Both Merkel and Sarkozy discussed it with Bush during their separate
                # visits": each of them met him
                each = [[subject, *objects] for subject in subjects]
            if each:
                results += [
                    Proposal(unique(people), sentence, index, proposal_kind, explicit, m[0])
                    for people in each
                ]
                continue
            proposal = Proposal(
                unique([*subjects, *objects]), sentence, index, proposal_kind, explicit, m[0]
            )
            if len(proposal.participants) < 2 and GROUP_SUBJECT.search(before[-60:] or ""):
                proposal.countries_hint = {
                    people.country_of(q[0]) for q in people.patterns()["qual_any"].finditer(before)
                } - {None}
            results.append(proposal)
        cleft = CLEFT.match(sentence)
        if cleft:
            # "The last leader he received was X", "Among the ministers who called on Y were A
            # and B": the ones named after "was" are those met, one meeting each
            named = [x.person for x in mentions if x.start >= cleft.end() and x.person.name]
            for made in [r for r in results if len(r.participants) == 1]:
                results.remove(made)
                for other in unique(named):
                    if other not in made.participants:
                        met = Proposal([*made.participants, other], sentence, index, made.kind)
                        met.kind_explicit, met.trigger = made.kind_explicit, made.trigger
                        results.append(met)
        for made in results:
            if made.trigger_at < 0:
                made.trigger_at = previous_start
        return [made for made in results if not counterparts_only(made, results)]

    def group_people(
        self,
        before: str,
        before_mentions: list[Mention],
        previous_mentions: list[Mention],
        last_meeting: Proposal | None,
        history: list[tuple[int, list[Person], str]] | None,
        index: int,
    ) -> list[Person]:
        """Who "the two leaders" are: the people named before them, here or near."""
        # Those of this clause, of the sentence before, of the last meeting, else the last two
        # of different countries named together ("A may hold talks with B ... The two
        # top diplomats met in Oslo"), of the office the group's words give.
        named = unique([x.person for x in before_mentions if x.person.name or x.person.country])
        if len(named) < 2:
            named = unique([x.person for x in previous_mentions if x.person.name])
        recent = last_meeting is not None and index - last_meeting.index <= 6
        if len({p.country for p in named}) < 2 and recent:
            named = list(last_meeting.participants)
        said = " ".join([*(text for _, _, text in (history or [])[-1:]), before])
        office = GROUP_OFFICE.findall(said)
        for _, together, _ in reversed(history or []):
            if len({p.country for p in named if p.country}) >= 2:
                break
            fit = [p for p in together if p.country and holds(p, office[-1] if office else "")]
            by_country = {p.country: p for p in reversed(fit)}
            if len(by_country) == 2:
                named = list(reversed(by_country.values()))
        if len({p.country for p in named}) >= 2 and len(named) <= 4:
            return named
        return []

    def loose_names(
        self,
        sentence: str,
        trigger: re.Match,
        clause_start: int,
        clause_end: int,
        mentions: list[Mention],
        people: People,
    ) -> list[Mention]:
        """Names without a title right around the verb: "Blinken and Wang Yi wrapped up their
        talks", "hold talks with Xi Jinping". Capitalised words that are places, countries or
        organisations are not taken for people."""
        found = list(mentions)
        taken = [(x.start, x.end) for x in mentions]

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        def consider(name: str, start: int) -> None:
            name, end = clean_name(name, start)
            if not name or not free(start, end) or not self.looks_like_person(name, people):
                return
            if SPOUSE.search(sentence, max(0, start - 30), end):
                return  # "the President and First Lady Margaret received": no official
            said = people.patterns()["predicate_country"].match(sentence[end : end + 80])
            said = said or people.patterns()["institution_after"].match(sentence, end)
            said = said or people.patterns()["counterpart_after"].match(sentence, end)
            country = people.country_of(said["of"]) if said else None
            country = country or people.sender_country(sentence, end, mentions)
            found.append(Mention(people.register(name, None, country, sentence), start, end))
            taken.append((start, end))

        before = sentence[clause_start : trigger.start()]
        m = LOOSE_BEFORE.search(before)
        if m:
            for group in ("a", "b"):
                if m[group]:
                    consider(m[group], clause_start + m.start(group))
        # "..., Keir Starmer became the first British prime minister to hold talks with Xi":
        # the name that starts the phrase the verb is in.
        starts = list(LOOSE_SUBJECT.finditer(before))
        if starts and not any(
            starts[-1].start("a") + clause_start <= x < trigger.start() for x, _ in taken
        ):
            consider(starts[-1]["a"], clause_start + starts[-1].start("a"))
        m = LOOSE_AFTER.match(sentence, trigger.end(), clause_end)
        if m:
            for group in ("a", "b"):
                if m[group]:
                    consider(m[group], m.start(group))
        found.sort(key=lambda x: x.start)
        return found

    def looks_like_person(self, name: str, people: People) -> bool:
        words = name.split()
        if len(words) < 2 and fold(name) not in people.by_surname:
            return False
        if any(fold(w) in ORGANISATION_WORDS for w in words):
            return False
        if people.is_not_a_person(name) or people.country_of(name) or self.place(name):
            return False
        if any(w.endswith("-") for w in words) or sum(
            bool(people.country_of(w.strip("-"))) for w in words
        ) * 2 >= len(words):
            return False  # "Peru- Chile Virtual Summit"
        return not self.place(words[-1]) or len(words) > 1

    def kind_of(self, sentence: str, default: str, trigger: str = "") -> tuple[str, bool]:
        """The kind of meeting a sentence reports, and whether it says so in as many words."""
        if re.search(
            r"\b(?:courtesy|farewell|introductory)\s+call\b|\bcalled\s+on\b", sentence, re.I
        ):
            return IN_PERSON, True
        for pattern, kind in TRIGGERS:
            if kind not in (CALL, VIRTUAL):
                continue
            m = pattern.search(sentence)
            if m and WEAK_CALL.fullmatch(m[0]) and IN_PERSON_CONTEXT.search(sentence):
                continue  # "Before the talks, X spoke with ...": there, not by phone
            if m:
                return kind, True
        if default == IN_PERSON and IN_PERSON_VERB.search(trigger):
            return IN_PERSON, True
        if default == CALL and WEAK_CALL.fullmatch(trigger) and IN_PERSON_CONTEXT.search(sentence):
            return IN_PERSON, False
        return default, default != IN_PERSON

    def merge(
        self,
        proposals: list[Proposal],
        by_people: dict[frozenset[str], list[Proposal]],
        new: Proposal,
    ) -> Proposal | None:
        """Fold a proposal into an earlier one about the same meeting; returns that one."""
        # Only the proposals of the last few sentences and those of the same people can be the
        # same meeting, so only they are compared: reading stays linear in the article's length.
        recent = []
        for old in reversed(proposals):
            if new.index - old.index > 2:
                break
            recent.append(old)
        # The latest few of the same people: a long text naming the same pair a thousand times
        # must not compare each mention with all the others.
        same = [old for old in by_people.get(new.keys, [])[-8:] if old.keys == new.keys]
        candidates = sorted({id(p): p for p in [*recent, *same]}.values(), key=lambda p: p.order)
        for old in reversed(candidates):
            same_people = bool(new.keys) and new.keys == old.keys
            pending = not old.participants and old.countries_hint and new.index - old.index <= 2
            pending = pending and (new.countries <= old.countries_hint or not new.countries)
            # "In the call with Abiy, ...": one name recalls the meeting that has it.
            new_is_reference = (
                len(new.participants) < 2 and new.index - old.index <= 2 and new.keys <= old.keys
            )
            if not (same_people or pending or new_is_reference):
                continue
            if same_people and LAST_MET.search(new.sentence) and not LAST_MET.search(old.sentence):
                # "The two leaders had last met in Sochi in May": an earlier meeting
                new.distinct = True
                continue
            if same_people and self.different_days(old.sentence, new.sentence, new.trigger_at):
                # "Austin, who met Gallant in Tel Aviv on Oct. 13": the same two, another day.
                continue
            if old.kind != new.kind and old.kind_explicit and new.kind_explicit:
                continue  # a call and a meeting of the same two
            for person in new.participants:
                if person.key not in old.keys:
                    old.participants.append(person)
            if new.kind_explicit and not old.kind_explicit:
                old.kind, old.kind_explicit = new.kind, True
            return old
        return None

    def different_days(self, a: str, b: str, b_trigger: int = -1) -> bool:
        """Whether sentence b tells of another day than a: b's dates after its meeting's
        trigger, if it states any there ("Today's meeting followed on from their meeting on
        16 January": the 16th), else all of them."""
        days_a, days_b = self.days_in(a), self.days_in(b)
        if b_trigger >= 0:
            after = {x.date for x in d.find_dates(b[b_trigger:], self.reference) if x.date}
            days_b = frozenset(after) or days_b
        if not days_a and days_b and self.reference is not None:
            # "X met Y ... In September 2021, X met Y": the news of the day, and a meeting
            # a month or more before it
            return all(abs((day - self.reference).days) >= 28 for day in days_b)
        return bool(days_a and days_b) and not days_a & days_b

    def days_in(self, sentence: str) -> frozenset[datetime.date]:
        """The dates a sentence states, read once per sentence and article."""
        if sentence not in self.days:
            found = d.find_dates(sentence, self.reference)
            self.days[sentence] = frozenset(x.date for x in found if x.date)
        return self.days[sentence]

    def resolve_dates(
        self, proposals: list[Proposal], sentences: list[str], reference: datetime.date | None
    ) -> None:
        lead: d.DateMention | None = None
        lead_index = 0
        for index, sentence in enumerate(sentences[:2]):
            if LAST_MET.search(sentence):
                continue  # "The two had last met in May": not the date of the news
            found = [
                x
                for x in d.find_dates(sentence, reference)
                if x.date
                and not FOUNDED_ON.search(sentence, 0, sentence.find(x.text))
                # "left South Africa on Tuesday, 30 November, for a weeklong tour": the day
                # a journey began, not of the meetings on it
                and not SET_OFF.search(sentence, 0, sentence.find(x.text))
                # "is attending the Assembly during September 20-25": the days of a gathering,
                # not the day of the news of what he did there
                and not SPAN_END.match(sentence, sentence.find(x.text) + len(x.text))
                # "his address scheduled for September 24", after the news: a plan's day
                and not (reference and x.date > reference)
                # "has met X for the first time since taking office last week": another's
                and not re.search(r"\bsince\b[^,;]*$", sentence[: sentence.find(x.text)])
            ]
            if found:
                lead, lead_index = found[0], index
                break
        round_up = any(ROUND_UP.search(sentence) for sentence in sentences[:3]) or (
            lead is None and any(ROUND_UP_UNDATED.search(sentence) for sentence in sentences[:3])
        )
        previous: d.DateMention | None = None
        repeats: list[Proposal] = []
        reported = {p.index for p in proposals}  # sentences that report a meeting
        for n, proposal in enumerate(proposals):
            made_with = proposals[n - 1] if n else None
            if (
                made_with is not None
                and made_with.index == proposal.index
                and made_with.trigger_at == proposal.trigger_at
                and made_with.trigger == proposal.trigger
                and made_with.date_mention is not None
                # (not "met A on Monday and B on Tuesday")
                and len(d.find_dates(proposal.sentence, reference)) <= 1
            ):
                # "spoke to A and B in separate calls a day after": one verb, one day for each
                # of those it names (not a day after the one before)
                proposal.date, proposal.date_precision = made_with.date, made_with.date_precision
                proposal.date_evidence, proposal.date_mention = (
                    made_with.date_evidence,
                    made_with.date_mention,
                )
                proposal.date_explicit = made_with.date_explicit
                continue
            mentions = d.find_dates(proposal.sentence, reference)
            mention = None
            # The date nearest after the trigger describes the meeting; else any in the sentence.
            position = proposal.trigger_at
            if position < 0:
                position = proposal.sentence.find(proposal.trigger)
            # A date after the next verb is that verb's: "he received A and four days later,
            # he received B".
            following = [
                m.start()
                for pattern, _ in TRIGGERS
                for m in pattern.finditer(proposal.sentence, position + len(proposal.trigger))
                if VERB_TRIGGER.match(m[0])  # not "during their Friday call"
            ]
            limit = min(following, default=len(proposal.sentence))
            if following:
                # ... back to where that verb's clause starts: "and four days later, he received"
                start = position + len(proposal.trigger)
                joints = [j.start() for j in CLAUSE_START.finditer(proposal.sentence, start, limit)]
                limit = joints[-1] if joints else limit
            mentions = [x for x in mentions if proposal.sentence.find(x.text) < limit]
            # "X's meeting with Y, it was announced that traders, who were detained last
            # month, ...": a date in a clause of its own dates something else.
            after_trigger = position + len(proposal.trigger)
            mentions = [
                x
                for x in mentions
                if (at := proposal.sentence.find(x.text)) < after_trigger
                or not OWN_CLAUSE.search(proposal.sentence, after_trigger, at)
                # "a meeting of the Mechanism, which took place yesterday": the meeting's own
                or MEETING_CLAUSE.search(proposal.sentence, after_trigger, at)
            ]
            # "the Mechanism established in May 2016", "decided last March to hold": the date
            # of the founding or of the decision, not of the meeting
            mentions = [
                x
                for x in mentions
                if not FOUNDED_ON.search(proposal.sentence, 0, proposal.sentence.find(x.text))
                # "held for the first time since February 2013": the one before
                and not x.text.lower().startswith("since")
                and not re.search(
                    r"\bsince\s+$", proposal.sentence[: proposal.sentence.find(x.text)]
                )
                # "their first call since the airstrike on Syria on April 6": the airstrike's
                # ("the first meeting after the latter became foreign minister in December":
                # the day he took office)
                and not re.search(
                    r"\bsince\b|\bafter\b[^,;]*\b(?:became|took\s+office|assumed|was\s+"
                    r"(?:appointed|elected|sworn))\b",
                    proposal.sentence[
                        after_trigger : max(after_trigger, proposal.sentence.find(x.text))
                    ],
                )
            ]
            # "discussed follow-up to the President's visit to India in December": that date
            # is the visit's, not the meeting's.
            mentions = [
                x
                for x in mentions
                if (at := proposal.sentence.find(x.text)) < after_trigger
                or not OTHER_EVENT.search(proposal.sentence, after_trigger, at)
            ]
            # "X told Parliament in February that he had spoken to Y": the day he told of it;
            # the call was some day before
            said = proposal.sentence
            told = [
                x
                for x in mentions
                if REPORTED_BEFORE.search(said, 0, at := said.find(x.text))
                and THAT.search(said, at, max(position, at))
            ]
            mentions = [x for x in mentions if x not in told]
            year_only = YEAR_ONLY.search(proposal.sentence, after_trigger, limit)
            if (
                year_only
                # in the verb's own phrase: not "talks, as relations collapsed in 2023"
                and not re.search(
                    r"[,;—–(]|\b(?:that|which|who|whose|as|when|while|after|before|since|until"
                    r"|because|amid|following)\b",
                    proposal.sentence[after_trigger : year_only.start()],
                )
                and (reference is None or int(year_only["year"]) != reference.year)
                and not any(proposal.sentence.find(x.text) >= after_trigger for x in mentions)
            ):
                # "since Netanyahu met Mubarak in 2011": a year is all the text gives; not the
                # day another part of the sentence names
                proposal.date, proposal.date_precision, proposal.date_explicit = None, None, True
                proposal.date_evidence = f"only the year, {year_only['year']}"
                continue
            ordered = sorted(
                mentions,
                key=lambda x: (
                    # "Yesterday, he met X, and today he will ...": a later clause's date last
                    (at := proposal.sentence.find(x.text)) > after_trigger
                    and CLAUSE_START.search(proposal.sentence, after_trigger, at) is not None,
                    # "his June summit": the date right before the noun is the meeting's own
                    proposal.sentence.find(x.text) + len(x.text) + 1 != position,
                    proposal.sentence.find(x.text) < position,
                    abs(proposal.sentence.find(x.text) - position),
                ),
            )
            for candidate in ordered:
                if (
                    candidate.relation == d.AFTER_PREVIOUS
                    and proposal.sentence.find(candidate.text) < position
                    and "later" not in candidate.text.lower()
                ):
                    # "The talks came a day after Lammy met Rubio": this one was the day before
                    # (but "four days later, he received ..." is four days after).
                    candidate = d.DateMention(
                        None, candidate.precision, candidate.text, d.BEFORE_PREVIOUS, candidate.days
                    )
                mention = d.shift(candidate, previous)
                if mention is not None:
                    break
            if (
                mention is None
                and proposal.index > 0
                and not round_up
                and not EARLIER.match(proposal.sentence)
                and proposal.index - 1 not in reported
            ):
                # "In March, X told Y ... In a telephone conversation, the FM discussed":
                # the sentence before, naming one of them, dates the meeting.
                before = sentences[proposal.index - 1]
                words = {short for p in proposal.participants for short in p.short_names()}
                if any(
                    fold(w) in words for w in re.findall(r"[A-Z][\w'\-]+", before)
                ) and not NOT_HAPPENED.search(before):
                    # (not "X is scheduled to meet Y on Wednesday": a plan's day)
                    dated = [
                        x
                        for x in d.find_dates(before, reference)
                        if x.date and not SPAN_END.match(before, before.find(x.text) + len(x.text))
                    ]
                    mention = dated[0] if dated else None
            if MANY_TIMES.match(proposal.sentence, position + len(proposal.trigger)):
                # "X and Y have met three times this year": which of them, the text says not
                proposal.date, proposal.date_precision, proposal.date_explicit = None, None, True
                proposal.date_evidence = "several meetings"
                continue
            proposal.date_explicit = mention is not None and not quoted_relative(
                proposal.sentence, mention
            )
            if mention is None and EARLIER.match(proposal.sentence) and (previous or lead):
                # "Earlier, X discussed ...": before the last meeting, the day unknown
                known = previous or lead
                mention = d.DateMention(
                    known.date.replace(day=1), d.MONTH_PRECISION, proposal.sentence.split(",")[0]
                )
            before_trigger = proposal.sentence[: max(position, 0)]
            if mention is None and (
                UNDATED_PAST.search(proposal.sentence)
                or EARLIER_STAY.search(before_trigger)
                or (proposal.distinct and LAST_MET.search(proposal.sentence))
                or told
                # "After his call to Putin he had another telephone discussion with Xi": after
                # a meeting the text does not date
                or (AFTER_THAT.match(proposal.sentence) and n and proposals[n - 1].date is None)
            ):
                # "paid a courtesy call on X recently", "the two had previously met in Sochi":
                # some day before, the text says not which
                proposal.date, proposal.date_precision = None, None
                proposal.date_evidence = "an earlier day the text does not give"
                continue
            after = proposal.index + 1
            if (
                mention is None
                and after < len(sentences)
                and after not in reported
                and TOOK_PLACE.match(sentences[after])
            ):
                # "X met his counterparts from A and B. The meetings took place on the fringes
                # of the Assembly on Saturday": the sentence after dates them
                dated = [x for x in d.find_dates(sentences[after], reference) if x.date]
                mention = dated[0] if dated else None
            if mention is None and previous is None and round_up:
                proposal.date, proposal.date_precision = None, None
                proposal.date_evidence = "a round-up of days it does not give"
                continue
            if mention is None:
                mention = previous or lead
                if mention is lead and proposal.index < lead_index and lead_index in reported:
                    # "X met Y. Earlier in the week, X hosted Z": the second sentence's date
                    # is the other meeting's
                    mention = None
            if mention is None and reference is not None:
                mention = d.DateMention(reference, d.APPROXIMATE, "publication date")
            if mention is not None:
                proposal.date = mention.date
                proposal.date_precision = mention.precision
                proposal.date_evidence = mention.text
                proposal.date_mention = mention
                previous = mention
                repeats.extend(self.repeated(proposal, reference))
        proposals.extend(repeats)

    def repeated(self, proposal: Proposal, reference: datetime.date | None) -> list[Proposal]:
        """ "spoke on Tuesday and again on Thursday": the same people, another meeting."""
        clones = []
        for m in re.finditer(r"\band\s+again\s+(?:on\s+|last\s+|this\s+)?", proposal.sentence):
            found = d.find_dates(proposal.sentence[m.start() :][:40], reference)
            if found and found[0].date and found[0].date != proposal.date:
                clone = copy.copy(proposal)
                clone.participants = list(proposal.participants)
                clone.date, clone.date_precision = found[0].date, found[0].precision
                clone.date_evidence = found[0].text
                clones.append(clone)
        if SECOND_TIME_SAME_DAY.search(proposal.sentence) and proposal.date:
            # "spoke with X for the second time this Sunday": an earlier call that day
            clone = copy.copy(proposal)
            clone.participants = list(proposal.participants)
            clone.inferred = set(proposal.inferred)
            proposal.distinct = clone.distinct = True
            clones.append(clone)
        return clones

    def resolve_places(
        self,
        proposals: list[Proposal],
        sentences: list[str],
        owner: list[Proposal | None],
        dateline: d.Dateline | None,
    ) -> None:
        lead_place = None
        for sentence in sentences[:2]:
            if LAST_MET.search(sentence):
                continue  # "The two had last met in Sochi": not where the news is
            places = self.venues_in(sentence)
            if places:
                lead_place = (places[0][1], places[0][2], sentence)
                break
        previous = None
        for proposal in proposals:
            occasion = OCCASION.search(proposal.sentence)
            if occasion is None:
                # An occasion named in the next few sentences about this meeting or none.
                for index in range(proposal.index + 1, min(len(sentences), proposal.index + 9)):
                    sentence = sentences[index]
                    if owner[index] in (proposal, None) and SIDELINES.search(sentence):
                        occasion = OCCASION.search(sentence)
                        if occasion:
                            break
            if occasion:
                proposal.occasion = tidy_occasion(occasion["occ"])
                proposal.occasion_evidence = occasion.string
            elif previous and previous.occasion and previous.date == proposal.date:
                proposal.occasion = previous.occasion
                proposal.occasion_evidence = previous.occasion_evidence
            if proposal.kind != IN_PERSON:
                previous = proposal
                continue
            places = self.venues_in(proposal.sentence)
            position = proposal.sentence.find(proposal.trigger)
            places = [
                p for p in places if not ONWARD.search(proposal.sentence[max(0, p[0] - 30) : p[0]])
            ] or places
            places.sort(key=lambda x: abs(x[0] - position))
            around = self.venue_around(proposal, sentences)
            if places:
                _, proposal.venue, proposal.venue_country = places[0]
                proposal.venue_evidence = proposal.sentence
            elif around:
                proposal.venue, proposal.venue_country, proposal.venue_evidence = around
            elif previous and previous.venue and previous.date == proposal.date:
                proposal.venue, proposal.venue_country = previous.venue, previous.venue_country
                proposal.venue_evidence = previous.venue_evidence
            elif lead_place:
                proposal.venue, proposal.venue_country, proposal.venue_evidence = lead_place
            elif dateline and dateline.city and self.place(dateline.city):
                proposal.venue, proposal.venue_country = self.place(dateline.city)
                proposal.venue_evidence = f"Dateline: {dateline.city}"
            previous = proposal

    def venue_around(self, proposal: Proposal, sentences: list[str]) -> tuple[str, str, str] | None:
        """Where a meeting took place, from the sentences around it, when its own does not say."""
        # "While in Geneva, the minister held meetings. On Monday she met ...", "... met Y. The
        # meeting took place on the sidelines of the summit in Geneva."
        before = sentences[proposal.index - 1 : proposal.index]
        after = sentences[proposal.index + 1 : proposal.index + 3]
        for sentence, cue in [*((s, STAY_CUE) for s in before), *((s, MEETING_CUE) for s in after)]:
            if sentence and cue.search(sentence):
                places = [
                    p
                    for p in self.venues_in(sentence)
                    if not ONWARD.search(sentence[max(0, p[0] - 30) : p[0]])
                ]
                if places:
                    return places[0][1], places[0][2], sentence
        return None

    def resolve_topics(
        self, proposals: list[Proposal], sentences: list[str], owner: list[Proposal | None]
    ) -> None:
        for proposal in proposals:
            # The meeting's sentence and the ones after it, until another meeting is reported
            # (at most a dozen: a meeting is not discussed for pages).
            span = [proposal.sentence]
            for index in range(proposal.index + 1, min(len(sentences), proposal.index + 13)):
                if owner[index] is not None and owner[index] is not proposal:
                    break
                span.append(sentences[index])
            if len(proposals) == 1:
                span = sentences
            found: dict[int, tuple[int, str, str, str, int | None]] = {}
            for sentence in span:
                text = NOT_A_TOPIC.sub(" ", sentence)
                for pattern, topic_id, name, parent_id in self.lexicon.topics:
                    if topic_id in found:
                        continue
                    m = pattern.search(text)
                    if m:
                        found[topic_id] = (topic_id, name, m[0], sentence, parent_id)
            parents = {parent for *_, parent in found.values() if parent}
            proposal.topics = sorted(
                (t[:4] for t in found.values() if t[0] not in parents), key=lambda t: t[1]
            )


# What follows two countries named as the two sides: "Chile and Peru's ties".
PAIR_AFTER = re.compile(
    r"(?:'s)?\s+(?:relations|ties|cooperation|trade|partnership|bilateral|sides|governments"
    r"|countries|economies|joint|border)\b",
    re.I,
)
LEADER_TITLES = {
    "president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "amir",
    "sultan", "crown prince", "leader", "head of state", "head of government", "taoiseach",
    "supreme leader", "president-elect", "federal chancellor",
}  # fmt: skip
FOREIGN_MINISTERS = {
    "foreign minister", "external affairs minister", "minister of foreign affairs",
    "minister for foreign affairs", "foreign secretary", "secretary of state",
    "secretary of foreign affairs", "minister of external affairs", "foreign affairs minister",
}  # fmt: skip
GENERIC_TITLES = {"leader", "counterpart", "head of state", "head of government"}


def told_by_phone(proposal: Proposal, sentence: str) -> None:
    """ "his first conversation with X" and, in the next sentence, "in a short call last
    night": a meeting whose words did not say how it was held was a call."""
    if proposal.kind == IN_PERSON and not proposal.kind_explicit and A_CALL.search(sentence):
        proposal.kind, proposal.kind_explicit = CALL, True


def quoted_relative(sentence: str, mention: d.DateMention) -> bool:
    """Whether the date is a word like "today" inside a quotation ("Honoured to call on X
    today," he said): the day the speaker spoke, which another part of the article may give
    better than the day of the report."""
    at = sentence.find(mention.text)
    return (
        at >= 0
        and sentence.count('"', 0, at) % 2 == 1
        and re.fullmatch(
            r"(?i)today|tonight|yesterday|this\s+(?:morning|afternoon|evening)", mention.text
        )
        is not None
    )


def same_title(a: str, b: str) -> bool:
    """The same words of one post: "External Affairs Minister", "Minister of External Affairs"."""

    def words(title: str) -> list[str]:
        return sorted(w for w in fold(title).split() if w not in {"of", "for", "the"})

    return words(a) == words(b)


def titles_agree(role: str | None, title: str | None, *, strict: bool) -> bool:
    """Whether a person with title can be the holder of role."""
    # The same title, two names of one office ("foreign minister", "external affairs minister"),
    # or two titles of a head of state or government ("leader" fits a president).
    if not role:
        return True
    if not title or fold(title) == COUNTERPART:
        return not strict
    role, title = fold(role), fold(title)
    if role in FOREIGN_MINISTERS and title in FOREIGN_MINISTERS:
        return True
    bare = re.sub(
        r"^(?:\w+\s+)*?(?=president|prime minister|premier|chancellor|king|emir)", "", title
    )
    if role in (title, bare):
        return True
    if role in GENERIC_TITLES and (title in LEADER_TITLES or bare in LEADER_TITLES):
        return True
    return not strict and role in LEADER_TITLES and bare in LEADER_TITLES


def holds(person: Person, office: str) -> bool:
    """Whether a person's title is of the office a group's words name ("diplomats")."""
    office = " ".join(office.lower().split())
    if not office:
        return True
    title = fold(person.title or "")
    if office in ("diplomats", "foreign ministers"):
        return title in FOREIGN_MINISTERS
    return titles_agree("leader", person.title, strict=True) or not title


def same_meeting(old: Proposal, new: Proposal) -> bool:
    """Two proposals that report one meeting: compatible people, kind and date."""
    if old.kind != new.kind and old.kind_explicit and new.kind_explicit:
        return False
    if old.date and new.date and old.date != new.date:
        if old.date_explicit and new.date_explicit:
            return False
        if abs((old.date - new.date).days) >= 28:
            # "X met Y" today, and "In September, X met Y": a month or more apart, though only
            # one of them is dated in so many words
            return False
        # (a day or a few apart, one dated and the other with a date carried over: the carried
        # one may be wrong)
    if old.keys == new.keys:
        return True
    if not old.countries or old.countries != new.countries:
        return False
    if any(not p.country for p in [*old.participants, *new.participants]):
        return False
    # The same countries; no country with two different people named with the meeting.
    for country in old.countries:
        a = {p.key for p in old.participants if p.country == country and p.name} - old.inferred
        b = {p.key for p in new.participants if p.country == country and p.name} - new.inferred
        if a and b and not a & b:
            return False
    return True


def part_of(old: Proposal, new: Proposal) -> bool:
    """Whether new is a part of old's meeting: two of its three or more people, the same day."""
    # "X held talks with the ministers of Chile and Peru. Before the talks, X spoke
    # with the Chilean minister": told just after, with nothing saying it was a meeting of its own.
    return (
        len(old.participants) >= 3
        and new.keys < old.keys
        and 0 < new.index - old.index <= 5
        and old.date == new.date
        and not (old.kind_explicit and new.kind_explicit and old.kind != new.kind)
        and SEPARATELY.search(new.sentence) is None
    )


def fold_into(old: Proposal, new: Proposal, *, prefer_new: bool) -> None:
    """Complete old with what new knows: names for unnamed roles, a stated date, the kind."""
    for person in new.participants:
        if person.key in old.keys:
            if person.key not in new.inferred:
                # the holder we guessed, named with the meeting after all
                old.inferred.discard(person.key)
            continue
        # A role's holder we guessed gives way to the person named with the meeting.
        unnamed = [
            n
            for n, p in enumerate(old.participants)
            if not p.name or (p.key in old.inferred and person.key not in new.inferred)
        ]
        slot = next((n for n in unnamed if old.participants[n].country == person.country), None)
        if slot is not None and person.name:
            old.participants[slot] = person
        elif person.country not in old.countries:
            old.participants.append(person)
    if new.date_explicit and not old.date_explicit:
        old.date, old.date_precision = new.date, new.date_precision
        old.date_evidence, old.date_mention, old.date_explicit = (
            new.date_evidence,
            new.date_mention,
            True,
        )
    if new.kind_explicit and not old.kind_explicit:
        old.kind, old.kind_explicit, old.trigger = new.kind, True, new.trigger
    if prefer_new:
        old.sentence, old.index, old.trigger = new.sentence, new.index, new.trigger


def subject_group(
    before: list[Mention], sentence: str, trigger_start: int, *, speaker: bool = True
) -> list[Person]:
    """Who does the verb: the people named last before it, with those listed with them
    ("Modi and Meloni agreed"), or the person a "who" refers to ("Austin, who met ..."), and
    with speaker, the one who says "he and X held talks"."""
    if not before:
        return []
    head = sentence[before[-1].end : trigger_start]
    if re.match(r"^\s*,\s*who\b", head):
        return [before[-1].person]
    for mention in reversed(before[:-1]):
        # "Misri, who is here at the invitation of his counterpart Lamsal, called on Paudel":
        # the one the "who" clause describes does the verb, not the last one it names.
        if RELATIVE_BETWEEN.fullmatch(sentence, mention.end, trigger_start):
            return [mention.person]
    for i in range(len(before) - 1, 0, -1):
        # "President A accompanied by Vice President B and other officials met C": B came
        # with the one who met
        if ACCOMPANIED.fullmatch(sentence, before[i - 1].end, before[i].start):
            return [before[i - 1].person]
        if not LIST_GAP.fullmatch(sentence, before[i - 1].end, before[i].start):
            break
    group = [before[-1]]
    for mention in reversed(before[:-1]):
        gap = sentence[mention.end : group[0].start]
        if (
            LIST_GAP.fullmatch(gap)
            or APPOSITIVE_GAP.fullmatch(gap)
            or mention.start == group[0].start
        ):
            group.insert(0, mention)
        else:
            break
    ahead = before[: before.index(group[0])]
    if speaker and ahead and SAID_HE_AND.fullmatch(sentence, ahead[-1].end, group[0].start):
        group.insert(0, ahead[-1])
    return unique([m.person for m in group])


def object_groups(after: list[Mention], sentence: str) -> list[list[Person]]:
    """The people after the verb: the first listed group ("X, Y and Z"), or several groups when
    the sentence describes each ("met A, with whom ..., and B, with whom ...")."""
    if not after:
        return []
    groups = [[after[0]]]
    for mention in after[1:]:
        last = groups[-1][-1]
        gap = sentence[last.end : mention.start]
        if LIST_GAP.fullmatch(gap) or mention.start == last.start:
            groups[-1].append(mention)
        elif SEPARATE_GAP.match(gap):
            groups.append([mention])
        elif APPOSITIVE_GAP.fullmatch(gap) or OTHER_ITEM_GAP.fullmatch(gap):
            groups[-1].append(mention)
        else:
            break
    return [[m.person for m in group] for group in groups]


def counterparts_only(proposal: Proposal, proposals: list[Proposal]) -> bool:
    """Whether a proposal's people are only someone else's counterparts, each met by him in a
    meeting of two of the sentence: "had calls with A, B and C ... confirmed the call" is no
    meeting of A, B and C."""
    people = {p.key for p in proposal.participants}
    pairs = {o.keys for o in proposals if o is not proposal and len(o.keys) == 2}
    hosts = {key for pair in pairs for key in pair} - people
    return len(people) >= 2 and any(
        all(frozenset((host, key)) in pairs for key in people) for host in hosts
    )


def possessive(sentence: str, mention: Mention) -> bool:
    """Whether the name is written as an owner's: "Deuba's visit"."""
    text = sentence[mention.start : mention.end]
    return text.endswith(("'s", "'")) or sentence.startswith(("'s", "' "), mention.end)


def unique(persons: list[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for person in persons:
        seen.setdefault(person.key, person)
    return list(seen.values())


def role_reference(text: str) -> str | None:
    for word, title in ROLE_REFERENCES.items():
        if re.search(rf"\b{re.escape(word)}\b", text, re.I):
            return title
    # "The foreign minister spoke with ...": the office, its holder named before
    said = THE_OFFICE.search(text)
    return " ".join(said["office"].lower().split()) if said else None


def people_with_title(people: People, title: str, besides: list[Person] = ()) -> Person | None:
    for person in people.by_key.values():
        if person.title and fold(person.title) == title and person not in besides:
            return person
    # Another name of the office ("Minister of Foreign Affairs"), the one named last
    holders = [p for p in people.by_key.values() if p.name and p.title and p not in besides]
    holders = [p for p in holders if titles_agree(title, p.title, strict=True)]
    return max(holders, key=lambda p: p.seen) if holders else None


def tidy_occasion(text: str) -> str:
    words = text.split()
    return " ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words)


def load_gazetteer():
    try:
        from meetings.intake.places import gazetteer
    except ImportError:  # the gazetteer module is optional for the reader's unit tests
        return None
    return gazetteer()


def read_article(
    text: str, *, published: datetime.date | None = None, title: str | None = None
) -> Reading:
    return Reader().read(text, published=published, title=title)
