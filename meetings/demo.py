"""A demo data set of real meetings between officials, and the loader that writes it.

Every meeting below took place on the date given (the one month-precision entry is a meeting whose
month is certain). Summaries are short paraphrases written for this project; sources are
citation-only (no URLs), naming the kind of document that reported the meeting.

Loading is idempotent: every row is looked up by its slug, name or title before it is created,
so running the loader again creates nothing new and leaves editors' changes alone.
"""

from __future__ import annotations

from datetime import date as D
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from meetings.countries import load_countries
from meetings.models import (
    Country,
    Issue,
    Meeting,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
    Venue,
)

# ---------------------------------------------------------------------------------------------
# Topics: (name, parent name or None, aliases). Parents come before their children.
# ---------------------------------------------------------------------------------------------
TOPICS: list[tuple[str, str | None, list[str]]] = [
    (
        "Trade",
        None,
        ["tariffs", "tariff", "trade deal", "trade agreement", "commerce", "imports", "exports"],
    ),
    ("Defence", None, ["defense", "military", "defence cooperation", "arms"]),
    ("Technology", None, ["tech", "critical technologies", "semiconductors"]),
    ("Artificial intelligence", "Technology", ["AI"]),
    ("Energy", None, ["oil", "gas", "nuclear energy"]),
    ("Security", None, ["security cooperation"]),
    ("Counterterrorism", "Security", ["counter-terrorism", "terrorism", "terror"]),
    ("Cybersecurity", "Security", ["cyber security", "cyber"]),
    ("Counternarcotics", "Security", ["fentanyl", "narcotics", "drug trafficking"]),
    ("Maritime security", None, ["maritime", "freedom of navigation", "Indo-Pacific security"]),
    ("South China Sea", "Maritime security", ["SCS"]),
    ("Climate", None, ["climate change", "emissions"]),
    ("Ukraine", None, ["war in Ukraine", "Ukraine war", "Ukraine conflict"]),
    ("Middle East", None, ["Gaza", "Israel–Hamas", "Israel-Hamas"]),
    ("Taiwan", None, ["Taiwan Strait", "cross-strait"]),
    ("Indo-Pacific", None, ["Indo Pacific", "free and open Indo-Pacific"]),
    ("Investment", None, ["investments", "foreign investment", "FDI"]),
    ("Border", None, ["border dispute", "LAC", "boundary"]),
    ("Connectivity", None, ["infrastructure", "corridors", "direct flights"]),
    ("Health", None, ["public health", "pandemic", "vaccines"]),
    ("Migration", None, ["immigration", "migrants", "mobility"]),
    ("Space", None, ["space cooperation", "outer space"]),
    ("Critical minerals", None, ["rare earths", "rare earth", "critical mineral"]),
    (
        "Nuclear non-proliferation",
        None,
        ["non-proliferation", "nonproliferation", "nuclear weapons"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Officials: slug -> name, aliases, current country, positions (title, country, start, end).
# ---------------------------------------------------------------------------------------------
Term = tuple[str, str, D | None, D | None]

OFFICIALS: dict[str, dict[str, Any]] = {
    "s-jaishankar": {
        "name": "S. Jaishankar",
        "aliases": ["Subrahmanyam Jaishankar", "Jaishankar", "S Jaishankar"],
        "country": "IN",
        "positions": [("External Affairs Minister", "IN", D(2019, 5, 30), None)],
    },
    "narendra-modi": {
        "name": "Narendra Modi",
        "aliases": ["Modi", "PM Modi", "Narendra Damodardas Modi"],
        "country": "IN",
        "positions": [("Prime Minister", "IN", D(2014, 5, 26), None)],
    },
    "marco-rubio": {
        "name": "Marco Rubio",
        "aliases": ["Rubio"],
        "country": "US",
        "positions": [
            ("Senator for Florida", "US", D(2011, 1, 3), D(2025, 1, 20)),
            ("Secretary of State", "US", D(2025, 1, 21), None),
        ],
    },
    "donald-trump": {
        "name": "Donald Trump",
        "aliases": ["Trump", "Donald J. Trump"],
        "country": "US",
        "positions": [
            ("President", "US", D(2017, 1, 20), D(2021, 1, 20)),
            ("President", "US", D(2025, 1, 20), None),
        ],
    },
    "joe-biden": {
        "name": "Joe Biden",
        "aliases": ["Biden", "Joseph R. Biden", "Joseph Biden"],
        "country": "US",
        "positions": [("President", "US", D(2021, 1, 20), D(2025, 1, 20))],
    },
    "antony-blinken": {
        "name": "Antony Blinken",
        "aliases": ["Blinken", "Tony Blinken"],
        "country": "US",
        "positions": [("Secretary of State", "US", D(2021, 1, 26), D(2025, 1, 20))],
    },
    "xi-jinping": {
        "name": "Xi Jinping",
        "aliases": ["Xi", "President Xi"],
        "country": "CN",
        "positions": [("President", "CN", D(2013, 3, 14), None)],
    },
    "wang-yi": {
        "name": "Wang Yi",
        "aliases": [],
        "country": "CN",
        "positions": [
            ("Foreign Minister", "CN", D(2013, 3, 16), D(2022, 12, 30)),
            ("Foreign Minister", "CN", D(2023, 7, 25), None),
        ],
    },
    "vladimir-putin": {
        "name": "Vladimir Putin",
        "aliases": ["Putin", "Vladimir Vladimirovich Putin"],
        "country": "RU",
        "positions": [("President", "RU", D(2012, 5, 7), None)],
    },
    "sergey-lavrov": {
        "name": "Sergey Lavrov",
        "aliases": ["Lavrov", "Sergei Lavrov"],
        "country": "RU",
        "positions": [("Foreign Minister", "RU", D(2004, 3, 9), None)],
    },
    "emmanuel-macron": {
        "name": "Emmanuel Macron",
        "aliases": ["Macron"],
        "country": "FR",
        "positions": [("President", "FR", D(2017, 5, 14), None)],
    },
    "anthony-albanese": {
        "name": "Anthony Albanese",
        "aliases": ["Albanese"],
        "country": "AU",
        "positions": [("Prime Minister", "AU", D(2022, 5, 23), None)],
    },
    "penny-wong": {
        "name": "Penny Wong",
        "aliases": ["Penelope Wong"],
        "country": "AU",
        "positions": [("Foreign Minister", "AU", D(2022, 5, 23), None)],
    },
    "fumio-kishida": {
        "name": "Fumio Kishida",
        "aliases": ["Kishida", "Kishida Fumio"],
        "country": "JP",
        "positions": [("Prime Minister", "JP", D(2021, 10, 4), D(2024, 10, 1))],
    },
    "shigeru-ishiba": {
        "name": "Shigeru Ishiba",
        "aliases": ["Ishiba", "Ishiba Shigeru"],
        "country": "JP",
        "positions": [("Prime Minister", "JP", D(2024, 10, 1), D(2025, 10, 21))],
    },
    "takeshi-iwaya": {
        "name": "Takeshi Iwaya",
        "aliases": ["Iwaya", "Iwaya Takeshi"],
        "country": "JP",
        "positions": [("Foreign Minister", "JP", D(2024, 10, 1), D(2025, 10, 21))],
    },
    "anwar-ibrahim": {
        "name": "Anwar Ibrahim",
        "aliases": ["Anwar"],
        "country": "MY",
        "positions": [("Prime Minister", "MY", D(2022, 11, 24), None)],
    },
}

# ---------------------------------------------------------------------------------------------
# Venues: slug -> (name, country, latitude, longitude).
# ---------------------------------------------------------------------------------------------
VENUES: dict[str, tuple[str, str, float, float]] = {
    "kuala-lumpur": ("Kuala Lumpur", "MY", 3.139, 101.6869),
    "washington": ("Washington, D.C.", "US", 38.9072, -77.0369),
    "wilmington": ("Wilmington, Delaware", "US", 39.7391, -75.5398),
    "woodside": ("Woodside, California", "US", 37.4299, -122.2539),
    "san-francisco": ("San Francisco", "US", 37.7749, -122.4194),
    "anchorage": ("Anchorage", "US", 61.2181, -149.9003),
    "new-delhi": ("New Delhi", "IN", 28.6139, 77.2090),
    "moscow": ("Moscow", "RU", 55.7558, 37.6173),
    "kazan": ("Kazan", "RU", 55.7963, 49.1088),
    "beijing": ("Beijing", "CN", 39.9042, 116.4074),
    "tianjin": ("Tianjin", "CN", 39.3434, 117.3616),
    "bali": ("Bali", "ID", -8.8008, 115.2300),
    "lima": ("Lima", "PE", -12.0464, -77.0428),
    "busan": ("Busan", "KR", 35.1796, 129.0756),
    "geneva": ("Geneva", "CH", 46.2044, 6.1432),
    "riyadh": ("Riyadh", "SA", 24.7136, 46.6753),
    "paris": ("Paris", "FR", 48.8566, 2.3522),
    "marseille": ("Marseille", "FR", 43.2965, 5.3698),
    "sydney": ("Sydney", "AU", -33.8688, 151.2093),
    "tokyo": ("Tokyo", "JP", 35.6762, 139.6503),
}

# ---------------------------------------------------------------------------------------------
# Occasions: slug -> (name, start, end, venue slug).
# ---------------------------------------------------------------------------------------------
OCCASIONS: dict[str, tuple[str, D, D, str]] = {
    "asean-summit-2025": ("47th ASEAN Summit", D(2025, 10, 26), D(2025, 10, 28), "kuala-lumpur"),
    "asean-foreign-ministers-2025": (
        "58th ASEAN Foreign Ministers' Meeting",
        D(2025, 7, 8),
        D(2025, 7, 11),
        "kuala-lumpur",
    ),
    "sco-summit-2025": ("SCO Summit 2025", D(2025, 8, 31), D(2025, 9, 1), "tianjin"),
    "quad-foreign-ministers-2025": (
        "Quad Foreign Ministers' Meeting 2025",
        D(2025, 7, 1),
        D(2025, 7, 1),
        "washington",
    ),
    "brics-summit-2024": ("16th BRICS Summit", D(2024, 10, 22), D(2024, 10, 24), "kazan"),
    "quad-leaders-summit-2024": (
        "Quad Leaders' Summit 2024",
        D(2024, 9, 21),
        D(2024, 9, 21),
        "wilmington",
    ),
    "apec-2024": ("APEC Economic Leaders' Meeting 2024", D(2024, 11, 15), D(2024, 11, 16), "lima"),
    "apec-2023": (
        "APEC Economic Leaders' Meeting 2023",
        D(2023, 11, 15),
        D(2023, 11, 17),
        "san-francisco",
    ),
    "g20-summit-2022": ("G20 Bali Summit", D(2022, 11, 15), D(2022, 11, 16), "bali"),
}

# Who issued the document a source stands for: key -> (kind of document, publisher).
PUBLISHERS: dict[str, tuple[str, str]] = {
    "mea": ("Ministry of External Affairs (India) readout", "Ministry of External Affairs, India"),
    "wh": ("White House readout", "The White House"),
    "state": ("U.S. Department of State readout", "U.S. Department of State"),
    "kremlin": ("Kremlin statement", "President of Russia (Kremlin)"),
    "mfa-cn": ("Chinese foreign ministry readout", "Ministry of Foreign Affairs of China"),
    "xinhua": ("Xinhua report", "Xinhua"),
    "elysee": ("Élysée statement", "Élysée Palace"),
    "pm-au": ("Australian Prime Minister's joint statement", "Prime Minister of Australia"),
    "mofa-jp": ("Japanese foreign ministry readout", "Ministry of Foreign Affairs of Japan"),
}

DAY, MONTH = Meeting.Precision.DAY, Meeting.Precision.MONTH
IN_PERSON, CALL = Meeting.Kind.IN_PERSON, Meeting.Kind.CALL

SEED_TITLE = "Jaishankar–Rubio talks in Kuala Lumpur"

# ---------------------------------------------------------------------------------------------
# Meetings. "source" is a PUBLISHERS key, or a dict with an explicit citation.
# For month precision the date is the 1st of the month.
# ---------------------------------------------------------------------------------------------
MEETINGS: list[dict[str, Any]] = [
    {
        "title": SEED_TITLE,
        "date": D(2025, 10, 27),
        "venue": "kuala-lumpur",
        "occasion": "asean-summit-2025",
        "officials": ["s-jaishankar", "marco-rubio"],
        "topics": [
            "trade",
            "defence",
            "technology",
            "south-china-sea",
            "cybersecurity",
            "counterterrorism",
        ],
        "summary": (
            "India's External Affairs Minister and the US Secretary of State met on the sidelines "
            "of the ASEAN Summit in Kuala Lumpur. They took stock of the bilateral relationship, "
            "trade among other things, and of regional and global issues."
        ),
        "source": {
            "citation": "News report on the Jaishankar–Rubio meeting, 28 October 2025",
            "publisher": "",
            "published_on": D(2025, 10, 28),
            "quote": (
                "Jaishankar and Rubio met in Kuala Lumpur on the margins of the ASEAN Summit "
                "and discussed the India–US relationship."
            ),
        },
    },
    {
        "title": "Quad foreign ministers' meeting in Washington",
        "date": D(2025, 7, 1),
        "venue": "washington",
        "occasion": "quad-foreign-ministers-2025",
        "officials": ["marco-rubio", "s-jaishankar", "penny-wong", "takeshi-iwaya"],
        "topics": ["critical-minerals", "maritime-security", "counterterrorism", "indo-pacific"],
        "summary": (
            "Rubio hosted the foreign ministers of Australia, India and Japan at the State "
            "Department. They launched a Quad initiative on critical minerals and condemned the "
            "April terrorist attack at Pahalgam."
        ),
        "source": "state",
    },
    {
        "title": "Jaishankar–Rubio talks in Washington",
        "date": D(2025, 1, 21),
        "venue": "washington",
        "officials": ["s-jaishankar", "marco-rubio"],
        "topics": ["technology", "defence", "energy", "migration"],
        "summary": (
            "A day after the US presidential inauguration, this was Rubio's first bilateral "
            "meeting as Secretary of State. The ministers reviewed the India–US partnership."
        ),
        "source": "state",
    },
    {
        "title": "Modi–Trump talks at the White House",
        "date": D(2025, 2, 13),
        "venue": "washington",
        "officials": ["narendra-modi", "donald-trump"],
        "topics": ["trade", "defence", "energy", "technology"],
        "summary": (
            "Modi visited Washington a few weeks into Trump's second term. The two leaders agreed "
            "to negotiate a bilateral trade agreement and discussed defence sales and energy."
        ),
        "source": "mea",
    },
    {
        "title": "Modi–Trump phone call",
        "date": D(2025, 1, 27),
        "kind": CALL,
        "officials": ["narendra-modi", "donald-trump"],
        "topics": ["trade", "security"],
        "summary": (
            "Modi congratulated Trump on his return to office. They spoke about trade, security "
            "and an early visit by Modi to the United States."
        ),
        "source": "mea",
    },
    {
        "title": "Modi–Trump phone call after the G7 summit",
        "date": D(2025, 6, 17),
        "kind": CALL,
        "officials": ["narendra-modi", "donald-trump"],
        "topics": ["counterterrorism"],
        "summary": (
            "The leaders spoke by phone after Trump left the G7 summit in Canada early, so that "
            "a planned meeting there did not take place. Modi described India's military response "
            "to the April terrorist attack at Pahalgam."
        ),
        "source": "mea",
    },
    {
        "title": "Modi–Biden talks during the state visit to Washington",
        "date": D(2023, 6, 22),
        "venue": "washington",
        "officials": ["narendra-modi", "joe-biden"],
        "topics": ["defence", "technology", "space"],
        "summary": (
            "Biden hosted Modi for a state visit with talks at the White House and a state "
            "dinner. Outcomes included cooperation on military jet engines, semiconductors and "
            "space."
        ),
        "source": "wh",
    },
    {
        "title": "Modi–Biden meeting in Delaware",
        "date": D(2024, 9, 21),
        "venue": "wilmington",
        "occasion": "quad-leaders-summit-2024",
        "officials": ["narendra-modi", "joe-biden"],
        "topics": ["defence", "technology", "indo-pacific"],
        "summary": (
            "Biden received Modi at his home near Wilmington on the day of the Quad leaders' "
            "summit he hosted in Delaware. They discussed defence, technology and the "
            "Indo-Pacific."
        ),
        "source": "mea",
    },
    {
        "title": "Modi–Xi meeting at the BRICS Summit in Kazan",
        "date": D(2024, 10, 23),
        "venue": "kazan",
        "occasion": "brics-summit-2024",
        "officials": ["narendra-modi", "xi-jinping"],
        "topics": ["border"],
        "summary": (
            "Their first formal bilateral meeting in five years followed an agreement on "
            "patrolling along the Line of Actual Control. They welcomed it and asked their special "
            "representatives on the boundary question to meet again."
        ),
        "source": "mea",
    },
    {
        "title": "Modi–Xi meeting at the SCO Summit in Tianjin",
        "date": D(2025, 8, 31),
        "venue": "tianjin",
        "occasion": "sco-summit-2025",
        "officials": ["narendra-modi", "xi-jinping"],
        "topics": ["border", "trade", "connectivity"],
        "summary": (
            "On the sidelines of the Shanghai Cooperation Organisation summit, the leaders said "
            "India and China were partners rather than rivals, and discussed calm on the border, "
            "trade and direct flights."
        ),
        "source": "mea",
    },
    {
        "title": "Modi–Putin talks at the SCO Summit in Tianjin",
        "date": D(2025, 9, 1),
        "venue": "tianjin",
        "occasion": "sco-summit-2025",
        "officials": ["narendra-modi", "vladimir-putin"],
        "topics": ["trade", "energy", "ukraine"],
        "summary": (
            "The two leaders rode together in Putin's car to their bilateral meeting at the SCO "
            "summit. They discussed economic ties, energy and the war in Ukraine."
        ),
        "source": "mea",
    },
    {
        "title": "Modi–Putin talks in Moscow",
        "date": D(2024, 7, 8),
        "venue": "moscow",
        "officials": ["narendra-modi", "vladimir-putin"],
        "topics": ["ukraine", "energy", "trade"],
        "summary": (
            "Putin hosted Modi informally at his residence outside Moscow on the first evening of "
            "a two-day visit, Modi's first to Russia since 2019. Formal summit talks followed the "
            "next day."
        ),
        "source": "kremlin",
    },
    {
        "title": "Biden–Xi meeting in Bali",
        "date": D(2022, 11, 14),
        "venue": "bali",
        "occasion": "g20-summit-2022",
        "officials": ["joe-biden", "xi-jinping"],
        "topics": ["taiwan", "ukraine", "climate"],
        "summary": (
            "Their first in-person meeting as presidents took place on the eve of the G20 summit "
            "in Bali. They discussed Taiwan and the war in Ukraine and agreed to resume contacts "
            "between senior officials."
        ),
        "source": "wh",
    },
    {
        "title": "Biden–Xi summit in Woodside",
        "date": D(2023, 11, 15),
        "venue": "woodside",
        "occasion": "apec-2023",
        "officials": ["joe-biden", "xi-jinping"],
        "topics": ["defence", "counternarcotics", "artificial-intelligence"],
        "summary": (
            "The presidents met at the Filoli estate south of San Francisco during the APEC week. "
            "They agreed to restore military-to-military communication and to work together "
            "against fentanyl trafficking."
        ),
        "source": "wh",
    },
    {
        "title": "Biden–Xi phone call",
        "date": D(2024, 4, 2),
        "kind": CALL,
        "officials": ["joe-biden", "xi-jinping"],
        "topics": ["taiwan", "counternarcotics", "technology"],
        "summary": (
            "Their first conversation since the Woodside summit covered Taiwan, cooperation "
            "against narcotics and US export controls on technology."
        ),
        "source": "wh",
    },
    {
        "title": "Biden–Xi meeting in Lima",
        "date": D(2024, 11, 16),
        "venue": "lima",
        "occasion": "apec-2024",
        "officials": ["joe-biden", "xi-jinping"],
        "topics": ["artificial-intelligence", "nuclear-non-proliferation", "taiwan"],
        "summary": (
            "The last meeting of the two during Biden's presidency was held on the sidelines of "
            "the APEC meetings in Peru. They affirmed that humans, not artificial intelligence, "
            "should control decisions on the use of nuclear weapons."
        ),
        "source": "wh",
    },
    {
        "title": "Trump–Xi phone call",
        "date": D(2025, 6, 5),
        "kind": CALL,
        "officials": ["donald-trump", "xi-jinping"],
        "topics": ["trade", "critical-minerals"],
        "summary": (
            "The call followed the May agreement in Geneva to lower tariffs for a time. The "
            "presidents discussed trade, including rare earths, and invited each other to visit."
        ),
        "source": "xinhua",
    },
    {
        "title": "Trump–Xi meeting in Busan",
        "date": D(2025, 10, 30),
        "venue": "busan",
        "officials": ["donald-trump", "xi-jinping"],
        "topics": ["trade", "critical-minerals", "counternarcotics"],
        "summary": (
            "Their first meeting of Trump's second term was held in Busan ahead of the APEC "
            "leaders' meeting in South Korea. The United States said it would lower tariffs tied "
            "to fentanyl, and China said it would pause new rare-earth export controls and buy US "
            "soybeans."
        ),
        "source": "mfa-cn",
    },
    {
        "title": "Blinken–Xi meeting in Beijing",
        "date": D(2023, 6, 19),
        "venue": "beijing",
        "officials": ["antony-blinken", "xi-jinping"],
        "topics": ["taiwan", "counternarcotics"],
        "summary": (
            "On the first visit to China by a US Secretary of State since 2018, Blinken was "
            "received by Xi in Beijing. Both sides spoke of stabilising relations."
        ),
        "source": "state",
    },
    {
        "title": "Putin–Xi talks in Beijing",
        "date": D(2024, 5, 16),
        "venue": "beijing",
        "officials": ["vladimir-putin", "xi-jinping"],
        "topics": ["energy", "trade", "ukraine"],
        "summary": (
            "Putin made a state visit to China, his first trip abroad after starting a new "
            "presidential term. The leaders signed a joint statement on deepening their "
            "partnership."
        ),
        "source": "kremlin",
    },
    {
        "title": "Biden–Putin summit in Geneva",
        "date": D(2021, 6, 16),
        "venue": "geneva",
        "officials": ["joe-biden", "vladimir-putin"],
        "topics": ["nuclear-non-proliferation", "cybersecurity"],
        "summary": (
            "The presidents met at a lakeside villa in Geneva. They agreed to begin a dialogue "
            "on strategic stability and to send their ambassadors back to their posts."
        ),
        "source": "wh",
    },
    {
        "title": "Trump–Putin phone call",
        "date": D(2025, 2, 12),
        "kind": CALL,
        "officials": ["donald-trump", "vladimir-putin"],
        "topics": ["ukraine"],
        "summary": (
            "The presidents spoke by phone about the war in Ukraine and agreed that their teams "
            "would start talks."
        ),
        "source": "kremlin",
    },
    {
        "title": "Trump–Putin summit in Anchorage",
        "date": D(2025, 8, 15),
        "venue": "anchorage",
        "officials": ["donald-trump", "vladimir-putin"],
        "topics": ["ukraine"],
        "summary": (
            "The presidents met at a military base in Anchorage, Alaska, to discuss ending the "
            "war in Ukraine. The talks closed without an agreement."
        ),
        "source": "kremlin",
    },
    {
        "title": "Rubio–Lavrov talks in Riyadh",
        "date": D(2025, 2, 18),
        "venue": "riyadh",
        "officials": ["marco-rubio", "sergey-lavrov"],
        "topics": ["ukraine"],
        "summary": (
            "US and Russian delegations led by the two foreign ministers met in Saudi Arabia. "
            "They agreed to restore embassy staffing and to name teams to work toward ending the "
            "war in Ukraine."
        ),
        "source": "state",
    },
    {
        "title": "Rubio–Wang Yi talks in Kuala Lumpur",
        "date": D(2025, 7, 11),
        "venue": "kuala-lumpur",
        "occasion": "asean-foreign-ministers-2025",
        "officials": ["marco-rubio", "wang-yi"],
        "topics": ["trade"],
        "summary": (
            "Their first in-person meeting took place on the sidelines of the ASEAN foreign "
            "ministers' meetings in Kuala Lumpur. Both sides called the talks constructive."
        ),
        "source": "state",
    },
    {
        "title": "Jaishankar–Wang Yi talks in New Delhi",
        "date": D(2025, 8, 18),
        "venue": "new-delhi",
        "officials": ["s-jaishankar", "wang-yi"],
        "topics": ["border", "trade"],
        "summary": (
            "Wang Yi came to India for the special representatives' talks on the boundary "
            "question and met Jaishankar on the first day. They discussed steadying relations, "
            "including trade and travel."
        ),
        "source": "mea",
    },
    {
        "title": "Jaishankar–Lavrov talks in Moscow",
        "date": D(2025, 8, 21),
        "venue": "moscow",
        "officials": ["s-jaishankar", "sergey-lavrov"],
        "topics": ["trade", "energy", "ukraine"],
        "summary": (
            "Jaishankar visited Moscow soon after the United States announced extra tariffs on "
            "Indian goods over purchases of Russian oil. The ministers discussed trade, energy and "
            "Ukraine."
        ),
        "source": "mea",
    },
    {
        "title": "Jaishankar–Lavrov talks in Moscow, December 2023",
        "date": D(2023, 12, 1),
        "precision": MONTH,
        "venue": "moscow",
        "officials": ["s-jaishankar", "sergey-lavrov"],
        "topics": ["trade", "energy"],
        "summary": (
            "During a visit to Russia late in December 2023, Jaishankar held talks with Lavrov in "
            "Moscow. The same visit included a meeting with Putin."
        ),
        "source": "mea",
    },
    {
        "title": "Modi–Macron talks in Paris on Bastille Day",
        "date": D(2023, 7, 14),
        "venue": "paris",
        "officials": ["narendra-modi", "emmanuel-macron"],
        "topics": ["defence", "space"],
        "summary": (
            "Modi was guest of honour at the Bastille Day parade, in which Indian troops marched. "
            "The leaders then held talks and adopted a roadmap for the partnership to 2047."
        ),
        "source": "elysee",
    },
    {
        "title": "Modi–Macron talks in Marseille",
        "date": D(2025, 2, 12),
        "venue": "marseille",
        "officials": ["narendra-modi", "emmanuel-macron"],
        "topics": ["artificial-intelligence", "energy", "defence"],
        "summary": (
            "After co-chairing the AI Action Summit in Paris, the leaders travelled to Marseille, "
            "where they held talks and opened India's new consulate."
        ),
        "source": "mea",
    },
    {
        "title": "Modi–Albanese talks in Sydney",
        "date": D(2023, 5, 24),
        "venue": "sydney",
        "officials": ["narendra-modi", "anthony-albanese"],
        "topics": ["migration", "trade", "critical-minerals"],
        "summary": (
            "Albanese hosted Modi in Sydney for their annual summit. They signed a migration and "
            "mobility arrangement and discussed trade and critical minerals."
        ),
        "source": "pm-au",
    },
    {
        "title": "Modi–Kishida talks in New Delhi",
        "date": D(2023, 3, 20),
        "venue": "new-delhi",
        "officials": ["narendra-modi", "fumio-kishida"],
        "topics": ["indo-pacific", "investment"],
        "summary": (
            "Kishida visited New Delhi, where he set out Japan's new plan for a free and open "
            "Indo-Pacific. The leaders discussed Japan's G7 and India's G20 presidencies."
        ),
        "source": "mofa-jp",
    },
    {
        "title": "Modi–Ishiba annual summit in Tokyo",
        "date": D(2025, 8, 29),
        "venue": "tokyo",
        "officials": ["narendra-modi", "shigeru-ishiba"],
        "topics": ["investment", "technology", "critical-minerals"],
        "summary": (
            "The leaders held the 15th India–Japan annual summit. Japan set a target of 10 "
            "trillion yen of private investment in India over ten years, and they agreed to "
            "cooperate on economic security."
        ),
        "source": "mea",
    },
    {
        "title": "Biden–Kishida talks during the state visit to Washington",
        "date": D(2024, 4, 10),
        "venue": "washington",
        "officials": ["joe-biden", "fumio-kishida"],
        "topics": ["defence", "space"],
        "summary": (
            "Biden hosted Kishida for a state visit. They announced plans to upgrade military "
            "command arrangements and to cooperate in space, including a Japanese astronaut on a "
            "future Moon landing."
        ),
        "source": "wh",
    },
    {
        "title": "Trump–Ishiba talks at the White House",
        "date": D(2025, 2, 7),
        "venue": "washington",
        "officials": ["donald-trump", "shigeru-ishiba"],
        "topics": ["investment", "energy", "defence"],
        "summary": (
            "Ishiba was among the first leaders to visit Trump in his second term. They discussed "
            "Japanese investment in the United States, energy and the alliance."
        ),
        "source": "mofa-jp",
    },
    {
        "title": "Modi–Anwar talks in New Delhi",
        "date": D(2024, 8, 20),
        "venue": "new-delhi",
        "officials": ["narendra-modi", "anwar-ibrahim"],
        "topics": ["trade", "investment"],
        "summary": (
            "On Anwar Ibrahim's first visit to India as Prime Minister, the two leaders raised "
            "relations to a Comprehensive Strategic Partnership."
        ),
        "source": "mea",
    },
]


def held_on(slug: str, day: D) -> tuple[str, str]:
    """The (title, country code) the official held on day, from OFFICIALS; the latest start wins."""
    terms: list[Term] = [
        term
        for term in OFFICIALS[slug]["positions"]
        if (term[2] is None or term[2] <= day) and (term[3] is None or term[3] >= day)
    ]
    if not terms:
        raise ValueError(f"{slug} holds no position on {day}")
    title, code, _, _ = max(terms, key=lambda term: term[2] or D.min)
    return title, code


def _long_date(day: D, precision: str) -> str:
    return f"{day:%B %Y}" if precision == MONTH else f"{day.day} {day:%B %Y}"


def _source_values(meeting: dict[str, Any]) -> dict[str, Any]:
    source = meeting["source"]
    if isinstance(source, dict):
        return {"quote": "", **source}
    kind, publisher = PUBLISHERS[source]
    precision = meeting.get("precision", DAY)
    return {
        "citation": f"{kind}: {meeting['title']}, {_long_date(meeting['date'], precision)}",
        "publisher": publisher,
        "published_on": meeting["date"] if precision == DAY else None,
        "quote": "",
    }


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Write the demo data set; returns how many rows of each kind it created. Safe to rerun."""
    load_countries()
    countries = {c.code: c for c in Country.objects.all()}
    created = dict.fromkeys(
        ("meetings", "officials", "positions", "venues", "occasions", "topics", "sources"), 0
    )

    topics: dict[str, Issue] = {}
    for name, parent, aliases in TOPICS:
        issue, new = Issue.objects.get_or_create(
            name=name,
            defaults={
                "slug": slugify(name),
                "parent": topics[slugify(parent)] if parent else None,
                "aliases": "\n".join(aliases),
            },
        )
        topics[slugify(name)] = issue
        created["topics"] += new

    officials: dict[str, Official] = {}
    for slug, data in OFFICIALS.items():
        official, new = Official.objects.get_or_create(
            slug=slug,
            defaults={
                "name": data["name"],
                "aliases": "\n".join(data["aliases"]),
                "country": countries[data["country"]],
            },
        )
        officials[slug] = official
        created["officials"] += new
        for title, code, start, end in data["positions"]:
            _, new = Position.objects.get_or_create(
                official=official,
                title=title,
                country=countries[code],
                start=start,
                defaults={"end": end},
            )
            created["positions"] += new

    venues: dict[str, Venue] = {}
    for slug, (name, code, latitude, longitude) in VENUES.items():
        venue, new = Venue.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "country": countries[code],
                "latitude": latitude,
                "longitude": longitude,
            },
        )
        venues[slug] = venue
        created["venues"] += new

    occasions: dict[str, Occasion] = {}
    for slug, (name, start, end, venue_slug) in OCCASIONS.items():
        occasion, new = Occasion.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "start": start, "end": end, "venue": venues[venue_slug]},
        )
        occasions[slug] = occasion
        created["occasions"] += new

    for data in MEETINGS:
        meeting, new = Meeting.objects.get_or_create(
            title=data["title"],
            date=data["date"],
            defaults={
                "date_precision": data.get("precision", DAY),
                "kind": data.get("kind", IN_PERSON),
                "venue": venues[data["venue"]] if data.get("venue") else None,
                "occasion": occasions[data["occasion"]] if data.get("occasion") else None,
                "summary": data["summary"],
                "status": Meeting.Status.PUBLISHED,
            },
        )
        created["meetings"] += new
        for slug in data["officials"]:
            title, code = held_on(slug, data["date"])
            Participation.objects.get_or_create(
                meeting=meeting,
                official=officials[slug],
                defaults={"title": title, "country": countries[code]},
            )
        meeting.issues.add(*(topics[slug] for slug in data["topics"]))

        values = _source_values(data)
        quote = values.pop("quote")
        source, new = Source.objects.get_or_create(
            url="", citation=values.pop("citation"), defaults=values
        )
        created["sources"] += new
        MeetingSource.objects.get_or_create(
            meeting=meeting, source=source, defaults={"quote": quote}
        )

    return created


def summary_line(created: dict[str, int]) -> str:
    """One line for the command's output."""
    return (
        f"Demo data loaded: {created['meetings']} meetings, {created['officials']} officials, "
        f"{created['venues']} venues, {created['occasions']} occasions, "
        f"{created['topics']} topics, {created['sources']} sources created."
    )
