#!/usr/bin/env python3
"""Rebuild officials.jsonl (a knowledge base of heads of state and government,
foreign, defence, finance and trade ministers) from downloaded open data.

Standard library only.  Usage:

    bash stage_sources.sh REPOS_DIR SRC_DIR [HISTORIAN_DIR]   # collect the input files
    python3 build.py --src SRC_DIR [--out officials.jsonl] [--exclude epsw-mirror] \
[--log build-log.json]

SRC_DIR layout (produced by stage_sources.sh; see SOURCES.md for where each file comes from):
    factbook/country_fields_YYYY.sql.gz, countries.csv, master_countries.csv
    epsw/<repo>/holders21.csv, COMMIT         epsw-mirror/repos.csv, \
epsw-mirror/<slug>/leaders-historic.csv
    wl2021/wikidata.csv, COMMIT               historian/visits/*.xml, historian/secretary.xml, \
historian/people/*.xml
    congress/executive.yaml                   ifg/person.csv, post.csv, appointment.csv

Source keys for --exclude: factbook, epsw, epsw-mirror, wl2021, visits, pocom, congress, ifg.
"""

import argparse
import collections
import csv
import datetime
import difflib
import glob
import gzip
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

# ---- country tables (ISO 3166-1 alpha-2; see the notes in SOURCES.md) ----
ISO = {
    "AD": "Andorra",
    "AE": "United Arab Emirates",
    "AF": "Afghanistan",
    "AG": "Antigua and Barbuda",
    "AI": "Anguilla",
    "AL": "Albania",
    "AM": "Armenia",
    "AO": "Angola",
    "AQ": "Antarctica",
    "AR": "Argentina",
    "AS": "American Samoa",
    "AT": "Austria",
    "AU": "Australia",
    "AW": "Aruba",
    "AX": "Aland Islands",
    "AZ": "Azerbaijan",
    "BA": "Bosnia and Herzegovina",
    "BB": "Barbados",
    "BD": "Bangladesh",
    "BE": "Belgium",
    "BF": "Burkina Faso",
    "BG": "Bulgaria",
    "BH": "Bahrain",
    "BI": "Burundi",
    "BJ": "Benin",
    "BL": "Saint Barthelemy",
    "BM": "Bermuda",
    "BN": "Brunei",
    "BO": "Bolivia",
    "BQ": "Caribbean Netherlands",
    "BR": "Brazil",
    "BS": "Bahamas",
    "BT": "Bhutan",
    "BV": "Bouvet Island",
    "BW": "Botswana",
    "BY": "Belarus",
    "BZ": "Belize",
    "CA": "Canada",
    "CC": "Cocos (Keeling) Islands",
    "CD": "Democratic Republic of the Congo",
    "CF": "Central African Republic",
    "CG": "Republic of the Congo",
    "CH": "Switzerland",
    "CI": "Cote d'Ivoire",
    "CK": "Cook Islands",
    "CL": "Chile",
    "CM": "Cameroon",
    "CN": "China",
    "CO": "Colombia",
    "CR": "Costa Rica",
    "CU": "Cuba",
    "CV": "Cabo Verde",
    "CW": "Curacao",
    "CX": "Christmas Island",
    "CY": "Cyprus",
    "CZ": "Czechia",
    "DE": "Germany",
    "DJ": "Djibouti",
    "DK": "Denmark",
    "DM": "Dominica",
    "DO": "Dominican Republic",
    "DZ": "Algeria",
    "EC": "Ecuador",
    "EE": "Estonia",
    "EG": "Egypt",
    "EH": "Western Sahara",
    "ER": "Eritrea",
    "ES": "Spain",
    "ET": "Ethiopia",
    "FI": "Finland",
    "FJ": "Fiji",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "FO": "Faroe Islands",
    "FR": "France",
    "GA": "Gabon",
    "GB": "United Kingdom",
    "GD": "Grenada",
    "GE": "Georgia",
    "GF": "French Guiana",
    "GG": "Guernsey",
    "GH": "Ghana",
    "GI": "Gibraltar",
    "GL": "Greenland",
    "GM": "Gambia",
    "GN": "Guinea",
    "GP": "Guadeloupe",
    "GQ": "Equatorial Guinea",
    "GR": "Greece",
    "GS": "South Georgia and the South Sandwich Islands",
    "GT": "Guatemala",
    "GU": "Guam",
    "GW": "Guinea-Bissau",
    "GY": "Guyana",
    "HK": "Hong Kong",
    "HM": "Heard Island and McDonald Islands",
    "HN": "Honduras",
    "HR": "Croatia",
    "HT": "Haiti",
    "HU": "Hungary",
    "ID": "Indonesia",
    "IE": "Ireland",
    "IL": "Israel",
    "IM": "Isle of Man",
    "IN": "India",
    "IO": "British Indian Ocean Territory",
    "IQ": "Iraq",
    "IR": "Iran",
    "IS": "Iceland",
    "IT": "Italy",
    "JE": "Jersey",
    "JM": "Jamaica",
    "JO": "Jordan",
    "JP": "Japan",
    "KE": "Kenya",
    "KG": "Kyrgyzstan",
    "KH": "Cambodia",
    "KI": "Kiribati",
    "KM": "Comoros",
    "KN": "Saint Kitts and Nevis",
    "KP": "North Korea",
    "KR": "South Korea",
    "KW": "Kuwait",
    "KY": "Cayman Islands",
    "KZ": "Kazakhstan",
    "LA": "Laos",
    "LB": "Lebanon",
    "LC": "Saint Lucia",
    "LI": "Liechtenstein",
    "LK": "Sri Lanka",
    "LR": "Liberia",
    "LS": "Lesotho",
    "LT": "Lithuania",
    "LU": "Luxembourg",
    "LV": "Latvia",
    "LY": "Libya",
    "MA": "Morocco",
    "MC": "Monaco",
    "MD": "Moldova",
    "ME": "Montenegro",
    "MF": "Saint Martin",
    "MG": "Madagascar",
    "MH": "Marshall Islands",
    "MK": "North Macedonia",
    "ML": "Mali",
    "MM": "Myanmar",
    "MN": "Mongolia",
    "MO": "Macao",
    "MP": "Northern Mariana Islands",
    "MQ": "Martinique",
    "MR": "Mauritania",
    "MS": "Montserrat",
    "MT": "Malta",
    "MU": "Mauritius",
    "MV": "Maldives",
    "MW": "Malawi",
    "MX": "Mexico",
    "MY": "Malaysia",
    "MZ": "Mozambique",
    "NA": "Namibia",
    "NC": "New Caledonia",
    "NE": "Niger",
    "NF": "Norfolk Island",
    "NG": "Nigeria",
    "NI": "Nicaragua",
    "NL": "Netherlands",
    "NO": "Norway",
    "NP": "Nepal",
    "NR": "Nauru",
    "NU": "Niue",
    "NZ": "New Zealand",
    "OM": "Oman",
    "PA": "Panama",
    "PE": "Peru",
    "PF": "French Polynesia",
    "PG": "Papua New Guinea",
    "PH": "Philippines",
    "PK": "Pakistan",
    "PL": "Poland",
    "PM": "Saint Pierre and Miquelon",
    "PN": "Pitcairn",
    "PR": "Puerto Rico",
    "PS": "Palestine",
    "PT": "Portugal",
    "PW": "Palau",
    "PY": "Paraguay",
    "QA": "Qatar",
    "RE": "Reunion",
    "RO": "Romania",
    "RS": "Serbia",
    "RU": "Russia",
    "RW": "Rwanda",
    "SA": "Saudi Arabia",
    "SB": "Solomon Islands",
    "SC": "Seychelles",
    "SD": "Sudan",
    "SE": "Sweden",
    "SG": "Singapore",
    "SH": "Saint Helena, Ascension and Tristan da Cunha",
    "SI": "Slovenia",
    "SJ": "Svalbard and Jan Mayen",
    "SK": "Slovakia",
    "SL": "Sierra Leone",
    "SM": "San Marino",
    "SN": "Senegal",
    "SO": "Somalia",
    "SR": "Suriname",
    "SS": "South Sudan",
    "ST": "Sao Tome and Principe",
    "SV": "El Salvador",
    "SX": "Sint Maarten",
    "SY": "Syria",
    "SZ": "Eswatini",
    "TC": "Turks and Caicos Islands",
    "TD": "Chad",
    "TF": "French Southern Territories",
    "TG": "Togo",
    "TH": "Thailand",
    "TJ": "Tajikistan",
    "TK": "Tokelau",
    "TL": "Timor-Leste",
    "TM": "Turkmenistan",
    "TN": "Tunisia",
    "TO": "Tonga",
    "TR": "Turkey",
    "TT": "Trinidad and Tobago",
    "TV": "Tuvalu",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "UA": "Ukraine",
    "UG": "Uganda",
    "UM": "United States Minor Outlying Islands",
    "US": "United States",
    "UY": "Uruguay",
    "UZ": "Uzbekistan",
    "VA": "Holy See",
    "VC": "Saint Vincent and the Grenadines",
    "VE": "Venezuela",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
    "VN": "Vietnam",
    "VU": "Vanuatu",
    "WF": "Wallis and Futuna",
    "WS": "Samoa",
    "YE": "Yemen",
    "YT": "Mayotte",
    "ZA": "South Africa",
    "ZM": "Zambia",
    "ZW": "Zimbabwe",
}
EXTRA = {"XK": "Kosovo", "EU": "European Union"}
HISTORIC = {
    "SU": "Soviet Union",
    "YU": "Yugoslavia",
    "CS": "Czechoslovakia / Serbia and Montenegro",
    "DD": "German Democratic Republic",
    "YD": "South Yemen",
    "AN": "Netherlands Antilles",
}
VALID = set(ISO) | set(EXTRA) | set(HISTORIC)

# Other English names used by the sources (lower-case, accents removed) -> code.
ALIASES = {
    "aland": "AX",
    "bahamas the": "BS",
    "the bahamas": "BS",
    "burma": "MM",
    "burma myanmar": "MM",
    "cape verde": "CV",
    "cabo verde": "CV",
    "congo brazzaville": "CG",
    "congo republic of the": "CG",
    "congo republic": "CG",
    "republic of the congo": "CG",
    "congo": "CG",
    "congo kinshasa": "CD",
    "congo democratic republic of the": "CD",
    "congo democratic republic": "CD",
    "democratic republic of the congo": "CD",
    "zaire": "CD",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "czech republic": "CZ",
    "czechia": "CZ",
    "east timor": "TL",
    "timor leste": "TL",
    "swaziland": "SZ",
    "eswatini": "SZ",
    "gambia the": "GM",
    "the gambia": "GM",
    "federated states of micronesia": "FM",
    "micronesia federated states of": "FM",
    "korea south": "KR",
    "south korea": "KR",
    "korea": "KR",
    "korea north": "KP",
    "north korea": "KP",
    "macedonia": "MK",
    "north macedonia": "MK",
    "macedonia former yugoslav republic of": "MK",
    "laos": "LA",
    "russia": "RU",
    "russian federation": "RU",
    "syria": "SY",
    "turkiye": "TR",
    "turkey": "TR",
    "united states of america": "US",
    "united states": "US",
    "united kingdom": "GB",
    "great britain": "GB",
    "vatican city": "VA",
    "holy see": "VA",
    "holy see vatican city": "VA",
    "western samoa": "WS",
    "samoa": "WS",
    "somoa": "WS",
    "kingdom of denmark": "DK",
    "kingdom of the netherlands": "NL",
    "netherlands": "NL",
    "sao tome and principe": "ST",
    "brunei darussalam": "BN",
    "slovak republic": "SK",
    "upper volta": "BF",
    "upper volta burkina faso": "BF",
    "burkina": "BF",
    "dahomey benin": "BJ",
    "khmer republic cambodia": "KH",
    "ceylon sri lanka": "LK",
    "siam thailand": "TH",
    "tanganyika": "TZ",
    "malaya": "MY",
    "muscat oman": "OM",
    "union of south africa": "ZA",
    "zimbabwe rhodesia": "ZW",
    "somali republic": "SO",
    "st kitts and nevis": "KN",
    "st christopher and nevis": "KN",
    "saint kitts and nevis": "KN",
    "st lucia": "LC",
    "st vincent and the grenadines": "VC",
    "china people s republic of": "CN",
    "people s republic of china": "CN",
    "china republic of": "TW",
    "republic of china": "TW",
    "vietnam": "VN",
    "viet nam": "VN",
    "moldova": "MD",
    "iran": "IR",
    "kosovo": "XK",
    "european union": "EU",
    "bosnia herzegovina": "BA",
    "bosnian federation": "BA",
    "afghanistan interim authority": "AF",
    "cuba provisional government": "CU",
    "france provisional government": "FR",
    "israel provisional government": "IL",
    "poland government in exile": "PL",
    "czechoslovakia government in exile": "CS",
    "u s s r": "SU",
    "ussr": "SU",
    "soviet union": "SU",
    "yugoslavia": "YU",
    "czechoslovakia": "CS",
    "german democratic republic": "DD",
    "germany federal republic of": "DE",
    "yemen arab republic": "YE",
    "yemen people s democratic republic of": "YD",
    "netherlands antilles": "AN",
    "caymans": "KY",
    "british virgin islands": "VG",
    "turks and caicos": "TC",
    "palestine": "PS",
    "hong kong": "HK",
    "taiwan": "TW",
}

# ---------------------------------------------------------------------------
# build.py main part (the country tables above are generated from countries.py)
# ---------------------------------------------------------------------------
csv.field_size_limit(10**8)

SRC_IDS = {
    "factbook": "cia-world-factbook-archive",
    "epsw": "wikidata-every-politician-scrapers",
    "epsw-mirror": "wikidata-every-politician-scrapers-peppercat-copy",
    "wl2021": "wikidata-world-leaders-2021",
    "visits": "us-historian-visits",
    "pocom": "us-historian-pocom",
    "congress": "congress-legislators-executive",
    "ifg": "ifg-ministers-database",
}
# order of trust for dates and titles (lower = preferred)
DATE_RANK = {
    "ifg": 0,
    "congress": 0,
    "pocom": 0,
    "epsw": 1,
    "epsw-mirror": 1,
    "wl2021": 3,
    "factbook": 2,
    "visits": 9,
}
NAME_RANK = {
    "ifg": 1,
    "congress": 1,
    "pocom": 1,
    "epsw": 0,
    "epsw-mirror": 0,
    "wl2021": 2,
    "factbook": 3,
    "visits": 4,
}

CLASSES = [
    "head_of_state",
    "head_of_state_and_government",
    "head_of_government",
    "deputy_head",
    "governor_general",
    "foreign",
    "defence",
    "finance",
    "trade",
    "economy",
]
FAMILY = {
    "head_of_state": "hos",
    "head_of_state_and_government": "hos",
    "head_of_government": "hog",
    "deputy_head": "dep",
    "governor_general": "gg",
    "foreign": "foreign",
    "defence": "defence",
    "finance": "finance",
    "trade": "trade",
    "economy": "economy",
}

# ---------------------------------------------------------------------------
# text helpers
# ---------------------------------------------------------------------------
_FOLD_EXTRA = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "þ": "th",
        "ð": "d",
        "‘": "'",
        "’": "'",
        "ʻ": "'",
        "`": "'",
        "–": "-",
        "—": "-",
    }
)


def fold(s):
    s = (s or "").translate(_FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def norm(s):
    s = fold(s).lower().replace("'", "")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


PARTICLES = {
    "al",
    "el",
    "ul",
    "bin",
    "ibn",
    "bint",
    "ben",
    "de",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "di",
    "du",
    "la",
    "le",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "y",
    "e",
    "abu",
    "ould",
    "ag",
    "mc",
    "st",
    "sheikh",
    "shaikh",
    "sir",
    "dr",
    "mr",
    "mrs",
    "hon",
    "h",
    "s",
}


def toks(s):
    return [t for t in norm(s).split() if t not in PARTICLES]


def slug(s):
    return norm(s).replace(" ", "-")


def country_code(name):
    n = norm(name)
    if n in NAME_INDEX:
        return NAME_INDEX[n]
    n2 = re.sub(r"^the ", "", n)
    return NAME_INDEX.get(n2)


NAME_INDEX = {}
for _c, _n in list(ISO.items()) + list(EXTRA.items()):
    NAME_INDEX[norm(_n)] = _c
for _n, _c in ALIASES.items():
    NAME_INDEX[norm(_n)] = _c

# ---------------------------------------------------------------------------
# dates: strings "YYYY", "YYYY-MM" or "YYYY-MM-DD"
# ---------------------------------------------------------------------------
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
for _m, _i in list(MONTHS.items()):
    MONTHS[_m[:3]] = _i
MONTHS["sept"] = 9


def clean_date(s):
    s = (s or "").strip()
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", s)
    if not m:
        return None
    y = int(m.group(1))
    if y < 1000:
        return None
    if m.group(3):
        try:
            datetime.date(y, int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return s
    if m.group(2):
        return s if 1 <= int(m.group(2)) <= 12 else None
    return s


def prec(d):
    return {4: "year", 7: "month", 10: "day"}[len(d)] if d else None


def lo(d):
    if not d:
        return None
    return d + {4: "-01-01", 7: "-01", 10: ""}[len(d)]


def hi(d):
    if not d:
        return None
    if len(d) == 4:
        return d + "-12-31"
    if len(d) == 7:
        y, m = int(d[:4]), int(d[5:7])
        nd = datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)
        return nd.isoformat()
    return d


def days(d):
    return datetime.date.fromisoformat(d).toordinal()


def parse_text_date(s):
    """'12 December 2019', 'December 2019', '2019', 'Dec 2019' -> ISO-ish string."""
    s = s.strip().rstrip(".,;")
    m = re.match(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$", s)
    if m and m.group(2).lower() in MONTHS:
        return clean_date(f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}")
    m = re.match(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$", s)
    if m and m.group(1).lower() in MONTHS:
        return clean_date(f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}")
    m = re.match(r"^([A-Za-z]+)\.?\s+(\d{4})$", s)
    if m and m.group(1).lower() in MONTHS:
        return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}"
    m = re.match(r"^(\d{4})$", s)
    if m:
        return s
    return None


# ---------------------------------------------------------------------------
# title classification
# ---------------------------------------------------------------------------
JUNIOR = re.compile(
    r"^(deputy|assistant|associate|vice|alternate|junior|parliamentary|under|acting deputy|"
    r"state secretary|secretary of state for .*\bjunior|permanent|principal|shadow|chief of|"
    r"director|commander|chair|comptroller|counsel|adviser|advisor|spokes|ambassador|"
    r"head of the|secretary[- ]general|deputy|first deputy|second deputy|minister of state\b|"
    r"minister of state for|minister-delegate|delegate|minister delegate|ministre d[eé]l[eé]gu)",
    re.I,
)
SUBNATIONAL = re.compile(
    r"\b(state|province|provincial|region|regional|county|oblast|canton|governorate|"
    r"punjab|sindh|sarawak|sabah|quebec|ontario|alberta|british columbia|manitoba|"
    r"saskatchewan|nova scotia|prince edward|newfoundland|new brunswick|yukon|nunavut|"
    r"northwest territories|queensland|victoria|tasmania|new south wales|"
    r"western australia|south australia|northern territory|abu dhabi|dubai|sharjah|"
    r"ajman|fujairah|ras al|umm al|zanzibar|bavaria|scotland|wales|northern ireland|"
    r"city|municipal|mayor|district|island council|tobago house|aragon|catalonia|"
    r"andalusia|basque|galicia|navarre|kurdistan|sakha|tatarstan|chechnya|bashkortostan|"
    r"southern sudan|federation of bosnia|republika srpska|brcko|puntland|jubaland|"
    r"somaliland|galmudug|hirshabelle|assembly of french|bougainville|azores|madeira|"
    r"flanders|wallonia|brussels-capital|faroe|greenland|aland|nakhchivan|adjara|abkhaz|"
    r"bahr el ghazal|equatoria|jonglei|upper nile|warrap|"
    r"crimea|karakalpak|gagauz|transnistria|kosovo and metohija|vojvodina)\b",
    re.I,
)
MINISTERIAL = re.compile(
    r"^(federal |union |cabinet |national |state |senior |acting |interim |"
    r"coordinating |co-ordinating |the )*(minister|secretary|cabinet secretary|"
    r"ministry|cs\b)",
    re.I,
)
HOS_TITLE = re.compile(
    r"^(acting |interim |transitional |provisional |federal |incumbent )?"
    r"(president|king|queen|monarch|emir|amir|sultan|emperor|grand duke|grand duchess|"
    r"prince|sovereign prince|co-prince|episcopal co-prince|french co-prince|"
    r"captain regent|captains regent|supreme leader|beretitenti|druk gyalpo|"
    r"yang di-pertuan agong|head of state|chairman of the presidency|"
    r"chairman of the presidential council|chairman of the sovereignty council|"
    r"chairman of the state affairs commission|president of the state affairs commission|"
    r"chairman of the transitional military council|supreme head of state|"
    r"chair of the presidency|member of the presidency|pope|o le ao o le malo|"
    r"raja|paramount chief|chief of state|"
    r"president of the (republic|confederation|swiss confederation|federation|union|nation|"
    r"state|presidium|council of state|sovereign council|presidential council|"
    r"transitional council|federal republic|islamic republic|people's republic|"
    r"united republic|supreme people's assembly presidium)|ruler)\b",
    re.I,
)
HOG_TITLE = re.compile(
    r"^(acting |interim |transitional |caretaker |provisional |federal |incumbent |"
    r"executive )?(prime minister|premier|chancellor|federal chancellor|taoiseach|"
    r"chief executive|chief minister|head of government|state counsellor|"
    r"president of the government|president of the council of ministers|"
    r"chairman of the council of ministers|chairman of the cabinet of ministers|"
    r"president of the executive council|chairman of the executive council|"
    r"chairman of the government|president of the ministers|first minister|"
    r"chairman of the state administration council|head of the government|"
    r"chief adviser|chief advisor|prime minister and minister)\b",
    re.I,
)
DEP_TITLE = re.compile(
    r"^(first |second |third |acting )?(vice[- ]president|deputy president|"
    r"deputy prime minister|vice[- ]premier|vice prime minister|deputy premier|"
    r"vice[- ]chancellor|deputy chancellor|tanaiste|tánaiste|"
    r"vice[- ]chairman of the presidency|first deputy prime minister|"
    r"deputy chief minister|alternate prime minister|vice chancellor)\b",
    re.I,
)
GG_TITLE = re.compile(r"^(acting )?(governor[- ]general|governor general)\b", re.I)


def classify(title, country_name=""):
    """Return a class for a position title, or None when out of scope."""
    t = re.sub(r"\s+", " ", (title or "").strip())
    tl = fold(t).lower()
    if not t:
        return None
    if re.search(
        r"\b(former|designate|elect|candidate|spouse|wife|husband|first lady|shadow)\b", tl
    ):
        return None
    # sub-national titles: "Premier of Quebec", "Governor of Lagos State" ...
    cn = norm(country_name)
    of_part = ""
    m = re.search(r"\bof (the )?(.+)$", tl)
    if m:
        of_part = m.group(2)
    if (
        SUBNATIONAL.search(tl)
        and not (cn and cn in norm(tl))
        and not re.search(
            r"\b(state affairs|council of state|head of state|state counsellor|secretary of state|"
            r"minister of state|state secretary|chief of state)\b",
            tl,
        )
    ):
        return None
    if DEP_TITLE.match(tl):
        if re.search(
            r"\b(parliament|assembly|congress|senate|court|house|legislative|governor|chamber|supreme|"
            r"party|bank|region|province|european|commission|councillors|people's congress|"
            r"as head of|for women)\b",
            tl,
        ):
            return None
        return "deputy_head"
    if GG_TITLE.match(tl):
        return "governor_general"
    if HOG_TITLE.match(tl):
        if cn == "switzerland" and "chancellor" in tl:
            return None  # the Swiss Federal Chancellor heads the staff of the Federal Council
        if re.search(r"\b(justice|exchequer|duchy|national orders|university)\b", tl):
            if "exchequer" in tl:
                return "finance"
            return None
        if re.search(r"\bminister (of|for) (?!the council|ministers)", tl) and not tl.startswith(
            ("prime minister and", "prime minister of")
        ):
            pass
        if of_part:
            rest = re.sub(
                r"^(the )?(government|council of ministers|cabinet of ministers|cabinet|ministers|"
                r"state administration council|executive council|republic|federal government)"
                r"( of (the )?)?",
                "",
                of_part,
            ).strip()
            # "Prime Minister of X": X must be the country itself
            if (
                rest
                and cn
                and not (
                    cn in norm(rest)
                    or norm(rest) in cn
                    or any(w in norm(rest).split() for w in cn.split() if len(w) > 3)
                )
            ):
                return None
        return "head_of_government"
    if HOS_TITLE.match(tl):
        if re.search(
            r"\b(senate|court|tribunal|assembly|parliament|chamber|bank|commission|"
            r"congress|cop\d*|committee|party|league|union of|association|academy|audit|"
            r"national council|legislative|duma|rada|majlis|sejm|knesset|house|speaker|"
            r"constitutional|olympic|federation of|red cross|jurisdiction)\b",
            tl,
        ) and not re.search(r"state affairs commission|presidium", tl):
            return None
        if (
            tl.startswith("prince")
            and not re.search(r"^prince( of monaco| sovereign|$)", tl)
            and not (cn and cn in ("monaco", "liechtenstein"))
        ):
            return None
        if of_part:
            op = norm(of_part)
            ok = (
                bool(re.search(r"\brepublic\b", op))
                or op
                in (
                    "confederation",
                    "swiss confederation",
                    "federation",
                    "presidium",
                    "state",
                    "council of state",
                    "sovereign council",
                    "presidential council",
                    "transitional council",
                    "state affairs commission",
                    "union",
                    "nation",
                    "presidency",
                    "transitional military council",
                    "government of national unity",
                    "supreme people s assembly presidium",
                )
                or (
                    cn
                    and (
                        cn in op
                        or op in cn
                        or any(w in op.split() for w in cn.split() if len(w) > 3)
                    )
                )
            )
            if not ok:
                return None
        return "head_of_state"
    # ministers: the portfolio named first decides
    m = re.match(
        r"^head of the (?:federal )?department (?:of|for) (.+)$", tl
    )  # Swiss Federal Council
    if m:
        tl = "minister of " + m.group(1)
    if JUNIOR.match(tl):
        return None
    if re.search(
        r"\b(assisting|to the minister|in the ministry|in charge of|deputy|assistant|associate|"
        r"junior|state secretary|parliamentary|materiel|equipment|science and personnel|"
        r"defence industry|defense industry|production|home front|council|army|navy|air force|"
        r"intelligence|attorney|trade union|financial services|micro-?finance|shadow)\b",
        tl,
    ):
        return None
    special = {
        "secretary of state": "foreign",
        "united states secretary of state": "foreign",
        "foreign secretary": "foreign",
        "foreign minister": "foreign",
        "treasurer": "finance",
        "chancellor of the exchequer": "finance",
        "finance minister": "finance",
        "defence minister": "defence",
        "defense minister": "defence",
        "defence secretary": "defence",
        "defense secretary": "defence",
        "trade minister": "trade",
        "commerce minister": "trade",
        "united states trade representative": "trade",
        "trade representative": "trade",
    }
    if tl in special:
        if tl == "secretary of state" and norm(country_name) not in (
            "united states",
            "united states of america",
        ):
            return None
        return special[tl]
    m = re.match(
        r"^(?:federal |union |cabinet |national |acting |interim |coordinating |co-ordinating |"
        r"senior |the )*(?:minister|secretary|cabinet secretary|ministry|cs)(?: of state)?(?:,)?"
        r"(?: (?:of|for|on))? (?:the )?(.+)$",
        tl,
    )
    if not m:
        return None
    first = m.group(1).split(",")[0].strip()
    if re.search(
        r"\b(foreign affairs|foreign|external affairs|external relations|international relations|"
        r"international cooperation|europe and foreign|international affairs)\b",
        first,
    ):
        if re.search(r"\bforeign (trade|economic|investment|commerce)\b", first) and not re.search(
            r"foreign affairs", first
        ):
            return "trade"
        return "foreign"
    if re.search(r"\b(defen[cs]e|armed forces|revolutionary armed forces)\b", first):
        return "defence"
    if re.search(r"\b(finance|finances|treasury|exchequer|public finance)\b", first):
        return "finance"
    if re.search(r"\b(trade|commerce|commercial)\b", first):
        return "trade"
    if re.match(r"^(national )?(economy|economic affairs|economics|economic development)\b", first):
        return "economy"
    return None


# ---------------------------------------------------------------------------
# people
# ---------------------------------------------------------------------------
class Person:
    __slots__ = ("key", "qid", "names", "positions", "sources", "surnames", "dob")

    def __init__(self, key, qid=None):
        self.key = key
        self.qid = qid
        self.names = collections.Counter()  # (name, src) -> votes
        self.positions = []
        self.sources = set()
        self.surnames = set()  # surname forms known from the sources (factbook capitals)
        self.dob = None

    def all_names(self):
        return sorted({n for (n, s) in self.names})

    def countries(self):
        return {p["country"] for p in self.positions}


class KB:
    def __init__(self):
        self.people = {}
        self.by_qid = {}
        self.by_country = collections.defaultdict(set)
        self.n = 0
        self.log = collections.Counter()
        self.conflicts = []

    def new(self, qid=None):
        self.n += 1
        key = qid or f"tmp{self.n:06d}"
        p = Person(key, qid)
        self.people[key] = p
        if qid:
            self.by_qid[qid] = p
        return p

    def add_position(self, p, pos):
        p.positions.append(pos)
        p.sources.add(pos["src"])
        self.by_country[pos["country"]].add(p.key)

    def add_name(self, p, name, src):
        name = re.sub(r"\s+", " ", (name or "").strip())
        if name and not re.match(r"^Q\d+$", name):
            p.names[(name, src)] += 1

    # ---- matching -------------------------------------------------------
    def find(
        self, name, country, lo_d=None, hi_d=None, surname=None, families=None, fuzzy=True, own=None
    ):
        """Find an existing person in `country` with this name. Returns Person or None.

        Levels (best first): exact normalised name; strong = same surname and a shared given name;
        weak = same surname, compatible given names, some position in the same office family
        overlapping in time; fuzzy = similarly spelt names (transliterations) holding the same
        office at the same time; nickname = same surname, same office (`own` family) for most of
        the same period.
        """
        cands = [self.people[k] for k in sorted(self.by_country.get(country, ()))]
        if not cands:
            return None
        n = norm(name)
        t1 = toks(name)
        g1, s1 = split_name(name, country, surname)
        scored = []
        for c in cands:
            if n in {norm(x) for x in c.all_names()}:
                scored.append(((5, 2, 1.0, 0), c))
                continue
            best = None
            for x in c.all_names():
                t2 = toks(x)
                if not t1 or not t2:
                    continue
                g2, s2 = split_name(x, country, None)
                st1, st2 = set(t1), set(t2)
                small, big = (t1, t2) if len(st1) <= len(st2) else (t2, t1)
                subset = (
                    set(small) <= set(big)
                    and any(len(t) >= 4 for t in small)
                    and (
                        len(set(small)) >= 2
                        or (s1 and set(small) == set(s1))
                        or small[0] == big[-1]
                    )
                )
                if s1 and (set(s1) <= st2):
                    ss, lg1, lg2 = (
                        1.0,
                        [t for t in t1 if t not in s1],
                        [t for t in t2 if t not in s1],
                    )
                elif s2 and set(s2) <= st1 and not surname:
                    ss, lg1, lg2 = (
                        1.0,
                        [t for t in t1 if t not in s2],
                        [t for t in t2 if t not in s2],
                    )
                elif subset:
                    ss, lg1, lg2 = 1.0, [], []
                else:
                    ss = max(
                        [difflib.SequenceMatcher(None, " ".join(s1), " ".join(s2)).ratio()]
                        + [
                            difflib.SequenceMatcher(None, a, b).ratio()
                            for a in s1
                            for b in t2
                            if len(a) >= 4
                        ]
                    )
                    lg1, lg2 = g1, g2
                rel = given_relation(lg1, lg2, country in SURNAME_FIRST)
                if patronymic(name) or patronymic(x):
                    # "Sultan bin Zayid" is not "Zayid bin Sultan": the personal (first) name
                    # must agree
                    f1, f2 = personal_name(name), personal_name(x)
                    if f1 and f2 and difflib.SequenceMatcher(None, f1, f2).ratio() < 0.75:
                        continue
                gs = {"same": 2, "compatible": 1, "conflict": 0}[rel]
                if ss == 1.0 and gs == 2:
                    lvl = 4
                elif ss == 1.0 and gs == 1:
                    lvl = 3
                elif (ss >= 0.8 and gs >= 1) or (ss >= 0.6 and gs == 2):
                    lvl = 2
                elif ss == 1.0 and gs == 0:
                    lvl = 1
                else:
                    continue
                cand = (lvl, gs, ss)
                if best is None or cand > best:
                    best = cand
            if best is None:
                continue
            lvl = best[0]
            if lvl == 4:
                scored.append(((4, best[1], best[2], 0), c))
                continue
            if not lo_d:
                continue
            if lvl == 3:
                ov = self._overlap_days(c, country, lo_d, hi_d, families)
                if ov >= 0:
                    scored.append(((3, best[1], best[2], ov), c))
                    continue
            if not fuzzy:
                continue
            span = days(hi_d or lo_d) - days(lo_d)
            if lvl == 2:
                ov = self._overlap_days(c, country, lo_d, hi_d, families)
                if ov >= min(180, max(0, span // 2)):
                    scored.append(((2, best[1], best[2], ov), c))
            elif lvl == 1 and own and country not in SURNAME_FIRST and not patronymic(name):
                ov = self._overlap_days(c, country, lo_d, hi_d, {own})
                if ov >= max(365, int(span * 0.8)):
                    scored.append(((1, best[1], best[2], ov), c))
            if (
                lvl == 2
                and own
                and all(p["src"] == "visits" for p in c.positions)
                and any(FAMILY[p["cls"]] == own and p["country"] == country for p in c.positions)
            ):
                scored.append(((2, best[1], best[2], -1), c))
            # same surname, compatible first name, same office in the same country at another
            # time (Wikidata rows only cover terms ending after 2000, the Factbook earlier terms)
            if (
                lvl == 3
                and own
                and best[1] >= 1
                and any(p["country"] == country and FAMILY[p["cls"]] == own for p in c.positions)
            ):
                scored.append(((2, best[1], best[2], -1), c))
        if not scored:
            return None
        scored.sort(key=lambda x: x[0], reverse=True)
        top = scored[0][0]
        rivals = [
            c
            for (k, c) in scored
            if k[0] == top[0] and k[1] == top[1] and abs(k[2] - top[2]) < 0.05
        ]
        if len(rivals) == 1:
            if top[0] <= 2:
                self.log["fuzzy-match" if top[0] == 2 else "nickname-match"] += 1
            return rivals[0]
        ov = [c for c in rivals if self._overlaps(c, country, lo_d, hi_d, families)]
        if len(ov) == 1:
            return ov[0]
        self.log["ambiguous-match"] += 1
        return None

    def find_monarch(self, name):
        """Monarchs reign over several realms (Elizabeth II, Charles III): match by name across
        countries."""
        n = norm(re.sub(r"\bof (the )?.*$", "", name))
        hits = []
        for c in self.people.values():
            if not any(
                MONARCH.match(p["title"]) or p["title"].startswith("Monarch") for p in c.positions
            ):
                continue
            if any(norm(re.sub(r"\bof (the )?.*$", "", x)) == n for x in c.all_names()):
                hits.append(c)
        if len(hits) == 1:
            self.log["monarch-cross-country-match"] += 1
            return hits[0]
        return None

    def _overlap_days(self, c, country, lo_d, hi_d, families):
        a0, a1 = days(lo_d), days(hi_d or lo_d)
        best = -1
        for p in c.positions:
            if p["country"] != country:
                continue
            if families and FAMILY[p["cls"]] not in families:
                continue
            s = p.get("start") or p.get("first_seen") or (p.get("attested") or [None])[0]
            e = (
                p.get("end")
                or p.get("last_seen")
                or p.get("current_as_of")
                or (p.get("attested") or [None])[-1]
            )
            if not s and not e:
                continue
            b0 = days(lo(s or e))
            b1 = days(hi(e or s))
            best = max(best, min(a1, b1) - max(a0, b0))
        return best

    def _overlaps(self, c, country, lo_d, hi_d, families):
        if not lo_d:
            return False
        a0, a1 = days(lo_d), days(hi_d or lo_d)
        for p in c.positions:
            if p["country"] != country:
                continue
            if families and FAMILY[p["cls"]] not in families:
                continue
            s = p.get("start") or p.get("first_seen")
            e = p.get("end") or p.get("last_seen") or p.get("current_as_of")
            if not s and not e:
                continue
            b0 = days(lo(s)) if s else days(lo(e)) - 3650
            b1 = days(hi(e)) if e else days(hi(s)) + 3650
            if a0 <= b1 + 45 and b0 - 45 <= a1:
                return True
        return False


def split_name(name, country, surname=None):
    """-> (given tokens, surname tokens), folded and without particles."""
    t = toks(name)
    if surname:
        st = toks(surname)
        if st:
            g = [x for x in t if x not in st]
            return g, st
    if len(t) <= 1:
        return [], t
    if country in SURNAME_FIRST and len(t) <= 4:
        return t[1:], t[:1]
    return t[:-1], t[-1:]


def patronymic(name):
    return bool(re.search(r"\b(bin|ibn|bint|ould|ben|binti|bte)\b", fold(name).lower()))


def personal_name(name):
    t = [
        x
        for x in norm(name).split()
        if x
        not in (
            "sheikh",
            "shaikh",
            "shaykh",
            "sir",
            "dr",
            "haji",
            "al",
            "el",
            "hajj",
            "hadj",
            "mr",
            "mrs",
        )
    ]
    return t[0] if t else None


def given_relation(g1, g2, joined=False):
    """Compare given-name token lists: 'same', 'compatible' or 'conflict'.
    The first (personal) name decides; a middle name used as the first name is accepted.
    joined=True (Chinese, Korean, Vietnamese names): the whole given name is compared."""
    if not g1 or not g2:
        return "compatible"
    if joined:
        a, b = "".join(g1), "".join(g2)
        if a == b:
            return "same"
        return "compatible" if difflib.SequenceMatcher(None, a, b).ratio() >= 0.8 else "conflict"
    a, b = g1[0], g2[0]
    if a == b:
        return "same"
    if len(a) == 1 or len(b) == 1:
        return "compatible" if a[0] == b[0] else "conflict"
    if a in g2[1:] or b in g1[1:]:
        return "compatible"
    r = difflib.SequenceMatcher(None, a, b).ratio()
    if r >= 0.7 or (a[0] == b[0] and r >= 0.55):
        return "compatible"
    return "conflict"


MONARCH = re.compile(r"^(Queen|King|Monarch|Sovereign)\b", re.I)


def name_similarity(a, b):
    """1.0 = shares a distinctive token; 0.9 = a token pair spelled alike; else character ratio."""
    ta, tb = [t for t in toks(a) if len(t) >= 4], [t for t in toks(b) if len(t) >= 4]
    if set(ta) & set(tb):
        return 1.0
    best = 0.0
    for x in ta:
        for y in tb:
            r = difflib.SequenceMatcher(None, x, y).ratio()
            if r > best:
                best = r
    if best >= 0.8:
        return 0.9
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


def mkpos(
    title,
    cls,
    country,
    src,
    start=None,
    end=None,
    current_as_of=None,
    last_seen=None,
    first_seen=None,
    attested=None,
):
    return {
        "title": title,
        "cls": cls,
        "country": country,
        "src": src,
        "start": start,
        "end": end,
        "current_as_of": current_as_of,
        "last_seen": last_seen,
        "first_seen": first_seen,
        "attested": sorted(set(attested or [])),
    }


# ---------------------------------------------------------------------------
# source 1: every-politician-scrapers holders21.csv (Wikidata query output)
# ---------------------------------------------------------------------------
def epsw_date(s):
    s = (s or "").strip()
    if re.match(r"^\d{4}s$", s):  # decade precision: not usable
        return None
    return clean_date(s)


def load_epsw(kb, src):
    repos = {}
    path = os.path.join(src, "epsw-mirror", "repos.csv")
    with open(path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            repos[r["repo"]] = r
            repos["slug:" + r["slug"]] = r
    files = []
    for f in sorted(glob.glob(os.path.join(src, "epsw", "*", "holders21.csv"))):
        repo = os.path.basename(os.path.dirname(f))
        info = repos.get(repo)
        with open(os.path.join(os.path.dirname(f), "COMMIT")) as fh:
            commit = fh.read().split()
        files.append((f, info, "epsw", commit[-1]))
    for f in sorted(glob.glob(os.path.join(src, "epsw-mirror", "*", "leaders-historic.csv"))):
        slug_ = os.path.basename(os.path.dirname(f))
        info = repos.get("slug:" + slug_)
        files.append((f, info, "epsw-mirror", "2022-12-22"))
    for f, info, sid, asof in files:
        if not info:
            kb.log["epsw-no-repo-info"] += 1
            continue
        cc = country_code(info["country"])
        if not cc:
            kb.log["epsw-skip-country:" + info["country"]] += 1
            continue
        cname = info["country"]
        with open(f, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                title = r.get("position", "").strip()
                cls = classify(title, cname)
                if not cls:
                    continue
                qid = (r.get("personID") or "").strip()
                name = (r.get("person") or "").strip()
                if not re.match(r"^Q\d+$", qid) or not name:
                    kb.log["epsw-no-qid"] += 1
                    continue
                start, end = epsw_date(r.get("start")), epsw_date(r.get("end"))
                raw_end = (r.get("end") or "").strip()
                cur = asof if not raw_end else None
                if start and end and lo(start) > hi(end):
                    kb.log["epsw-start-after-end"] += 1
                    kb.conflicts.append(("epsw start>end", qid, name, title, start, end))
                    continue
                if not start and not end and not cur:
                    continue
                if end and end < "1990":
                    pass
                p = kb.by_qid.get(qid) or kb.new(qid)
                kb.add_name(p, name, sid)
                dob = (r.get("DOB") or "").strip()
                if dob:
                    p.dob = dob
                kb.add_position(p, mkpos(title, cls, cc, sid, start, end, current_as_of=cur))
                kb.log["epsw-positions"] += 1


# ---------------------------------------------------------------------------
# source 2: world-leaders-2021 wikidata.csv (heads of state / government, years)
# ---------------------------------------------------------------------------
def load_wl2021(kb, src):
    f = os.path.join(src, "wl2021", "wikidata.csv")
    if not os.path.exists(f):
        return
    with open(os.path.join(src, "wl2021", "COMMIT")) as fh:
        asof = fh.read().split()[-1]
    with open(f, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cc = country_code(r["country"])
            if not cc:
                kb.log["wl2021-skip-country:" + r["country"]] += 1
                continue
            title = r["positionLabel"]
            cls = classify(title, r["country"])
            if title.lower().startswith("monarch of"):
                cls = "head_of_state"
            if cls not in ("head_of_state", "head_of_government"):
                continue
            title = re.sub(r"^monarch of .*", "Monarch", title)
            title = title[0].upper() + title[1:]
            qid = r["officeholder"]
            sy, ey = r["start_year"].strip(), r["end_year"].strip()
            if not sy or int(sy) < 1900:
                continue
            p = kb.by_qid.get(qid) or kb.new(qid)
            kb.add_name(p, r["officeholderLabel"], "wl2021")
            kb.add_position(
                p,
                mkpos(title, cls, cc, "wl2021", sy, ey or None, current_as_of=None if ey else asof),
            )
            kb.log["wl2021-positions"] += 1


# ---------------------------------------------------------------------------
# source 3: CIA World Factbook archive (executive branch text, 1990-2025)
# ---------------------------------------------------------------------------
ROW_RE = re.compile(r"^\s*\((\d+), (\d+), (\d+), N'((?:[^']|'')*)', N'((?:[^']|'')*)'\),?\s*$")
TITLE_WORDS = {
    "sac",
    "chair",
    "councilor",
    "councillor",
    "president",
    "vice",
    "prime",
    "minister",
    "of",
    "the",
    "republic",
    "council",
    "ministers",
    "federal",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "empress",
    "sultan",
    "amir",
    "emir",
    "supreme",
    "leader",
    "chairman",
    "chairwoman",
    "chairperson",
    "premier",
    "state",
    "governor",
    "general",
    "grand",
    "duke",
    "duchess",
    "prince",
    "princess",
    "co-prince",
    "captain",
    "captains",
    "regent",
    "chief",
    "executive",
    "head",
    "government",
    "interim",
    "acting",
    "transitional",
    "provisional",
    "first",
    "second",
    "third",
    "deputy",
    "presidium",
    "people's",
    "assembly",
    "national",
    "central",
    "military",
    "committee",
    "revolutionary",
    "command",
    "sovereign",
    "taoiseach",
    "crown",
    "and",
    "for",
    "in",
    "union",
    "confederation",
    "swiss",
    "presidency",
    "commission",
    "affairs",
    "administration",
    "junta",
    "salvation",
    "transition",
    "restoration",
    "democracy",
    "development",
    "high",
    "authority",
    "presidential",
    "coordinating",
    "secretary",
    "party",
    "communist",
    "workers",
    "general-secretary",
    "rulers",
    "tanaiste",
    "tánaiste",
    "ruler",
    "raja",
    "druk",
    "gyalpo",
    "yang",
    "di-pertuan",
    "agong",
    "his",
    "her",
    "majesty",
    "highness",
    "royal",
    "holiness",
    "pope",
    "pontiff",
    "patriarch",
    "ao",
    "le",
    "malo",
    "o",
    "beretitenti",
    "lord",
    "executive-president",
    "defense",
    "defence",
    "islamic",
    "emirate",
    "hereditary",
    "co-princes",
    "bishop",
    "episcopal",
    "french",
    "urgell",
    "seo",
    "de",
    "andorra",
    "governor-general",
    "governors",
    "vice-president",
    "vice-chairman",
}
RANKS = {
    "gen.",
    "gen",
    "lt.",
    "lt",
    "col.",
    "col",
    "maj.",
    "maj",
    "brig.",
    "brig",
    "capt.",
    "capt",
    "sr.",
    "sr",
    "field",
    "marshal",
    "admiral",
    "adm.",
    "adm",
    "general",
    "lieutenant",
    "colonel",
    "major",
    "brigadier",
    "rear",
    "air",
    "chief",
    "sheikh",
    "dr.",
    "dr",
    "prof.",
    "prof",
}
NAME_STOP = re.compile(
    r"\s*(\(|;|\bnote\b|\belections?\b|\bcabinet:|\bhead of government\b|"
    r"\bchief of state\b|\brepresented by\b|\|)",
    re.I,
)
CAPS_TOKEN = re.compile(
    r"^(?:(?:al|el|ul|ad|as|an|ash|at|az|ar|ath|ibn|bin|de|da|di|du|d|l|o|van|von|mc)['\-])?"
    r"[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'\-\.]*[A-Z\u00c0-\u00de]$"
)
HONORIFICS = {
    "dame",
    "sir",
    "lord",
    "lady",
    "datuk",
    "dato",
    "tun",
    "tan",
    "haji",
    "hajji",
    "alhaji",
}
NAME_PARTICLES = {
    "bin",
    "ibn",
    "bint",
    "al",
    "el",
    "de",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "di",
    "du",
    "la",
    "le",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "y",
    "e",
    "ould",
    "ag",
    "wa",
    "binti",
    "bte",
    "ben",
    "abu",
    "mac",
    "ap",
    "zu",
    "und",
    "dit",
    "dite",
}
ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XVI"}


def tc_caps(tok):
    """Title-case a Factbook capitals token: 'HOSEINI-KHAMENEI' -> 'Hoseini-Khamenei'."""
    if tok in ROMAN:
        return tok

    def cap(part):
        if not part or part.islower():
            return part
        m = re.match(r"^(MC|MAC|O')(.+)$", part)
        if m and len(part) > 4 and m.group(1) in ("MC", "O'"):
            return m.group(1).capitalize() + m.group(2).capitalize()
        return part[:1] + part[1:].lower()

    return "-".join("'".join(cap(x) for x in seg.split("'")) for seg in tok.split("-"))


def parse_entry(text):
    """'Prime Minister Aleksander Gabriel MEKSI (since 10 April 1992)' ->
    (title, name, surname, since) or None."""
    text = text.strip().strip(",;:-").strip()
    text = re.sub(r'"[^"]*"', " ", text)  # nicknames
    text = re.sub(r"\((?![^)]*since)[^)]*\)", " ", text)  # "(Ruud)", "(Ahmadzai)"
    text = re.sub(r"\s+", " ", text)
    since = None
    m = re.search(r"\(([^)]*)\)", text)
    if m:
        ms = re.search(
            r"since ([0-9]{1,2} [A-Za-z]+\.? [0-9]{4}|[A-Za-z]+\.? [0-9]{1,2},? [0-9]{4}|"
            r"[A-Za-z]+\.? [0-9]{4}|[0-9]{4})",
            m.group(1),
        )
        if ms:
            since = parse_text_date(ms.group(1))
    head = NAME_STOP.split(text, 1)[0].strip()
    head = re.split(r"\s+[-–]\s+", head)[0]  # "Martin NDUWIMANA - Tutsi"
    head = re.sub(r"(\s+(M\.\s?D\.|Ph\.\s?D\.|Jr\.?|Sr\.?))+$", "", head, flags=re.I)
    words = head.split()
    i = 0
    while (
        i < len(words)
        and (words[i].lower().strip(",") in TITLE_WORDS or words[i].lower() in RANKS)
        and not (CAPS_TOKEN.match(words[i].strip(",.")) and words[i].strip(",.") not in ("SAC",))
    ):
        i += 1
    # the name starts at most three capitalised words before the first word in capitals
    # ("Chairman of the Russian Federation Government Sergey Vladilenovich KIRIYENKO")
    caps_idx = next(
        (
            k
            for k in range(i, len(words))
            if CAPS_TOKEN.match(words[k].strip(",.")) and words[k].strip(",.") not in ROMAN
        ),
        None,
    )
    if caps_idx is not None:
        j = caps_idx
        while (
            j > i
            and caps_idx - j < 3
            and words[j - 1][:1].isupper()
            and words[j - 1].lower().strip(",") not in TITLE_WORDS
            and words[j - 1].lower() not in RANKS
            and words[j - 1].lower() not in HONORIFICS
        ):
            j -= 1
        i = j
    title_words = words[:i]
    name_words = words[i:]
    # drop ranks that may follow the title
    while name_words and name_words[0].lower() in RANKS and len(name_words) > 1:
        title_words.append(name_words.pop(0))
    if not title_words or not name_words:
        return None
    kept = []
    for w in name_words:
        wl = w.strip(",.").lower()
        if re.search(r"\d", w):
            break
        if (
            w[:1].islower()
            and wl not in NAME_PARTICLES
            and not re.match(r"^(al|el|ul|ad|as|ash|at|az|an)-", w)
        ):
            break
        kept.append(w)
    name_words = kept
    while name_words and name_words[-1].lower().strip(",") in RANKS:  # "... al-AHMAR Gen."
        name_words = name_words[:-1]
    if not name_words or name_words[0].lower().strip(",.") in NAME_PARTICLES:
        return None
    if not any(CAPS_TOKEN.match(w.strip(",.")) for w in name_words):
        return None
    # cut trailing junk after last capitals/roman/lowercase-particle run
    name_words = [w.strip(",") for w in name_words]
    title = " ".join(w for w in title_words if w.lower() not in RANKS and w.lower() != "sheikh")
    title = title.strip()
    caps = [w for w in name_words if CAPS_TOKEN.match(w.strip(".")) and w not in ROMAN]
    surname = " ".join(tc_caps(w) for w in caps) if caps else None
    name = " ".join(
        (tc_caps(w) if k or w not in ROMAN else w.capitalize())
        if CAPS_TOKEN.match(w.strip("."))
        else w
        for k, w in enumerate(name_words)
    )
    if (
        re.search(r"\b(NA|vacant|none|position|note|appointed|elected|dissolved|suspended)\b", name)
        or any(w.strip(".,") in ("NA", "N/A") for w in name_words)
        or norm(name) in ("na", "n a")
    ):
        return None
    if len(name) > 60:
        return None
    title = re.sub(r"[,;:]+$", "", title).strip()
    while title.split() and title.split()[-1].lower() in (
        "and",
        "of",
        "the",
        "lord",
        "vice",
        "his",
        "her",
        "le",
        "sultan",
        "prince",
        "amir",
        "raja",
        "sheikh",
        "in",
        "for",
        "chairman",
    ):
        if len(title.split()) == 1:
            break
        title = " ".join(title.split()[:-1])
    title = title[:1].upper() + title[1:]
    return title, name, surname, since


SEG_RE = re.compile(
    r"(chief of state and head of government|chief of state|head of government)"
    r"\s*(?::|--|-)\s*",
    re.I,
)


def factbook_segments(content):
    """Yield (segment, text) where segment is 'cos', 'hog' or 'both'."""
    content = content.replace("''", "'")
    parts = SEG_RE.split(content)
    # parts: [pre, label, text, label, text, ...]
    for k in range(1, len(parts) - 1, 2):
        label = parts[k].lower()
        text = parts[k + 1]
        text = re.split(
            r"\b(cabinet|elections?(/appointments)?|election results|election/appointment process|"
            r"most recent election date)\s*:",
            text,
            maxsplit=1,
            flags=re.I,
        )[0]
        text = text.split("|")[0]
        seg = "both" if "and head" in label else ("cos" if label.startswith("chief") else "hog")
        yield seg, text


PLURAL_TITLES = re.compile(
    r"^(.*?\b(?:Vice Premiers|Deputy Prime Ministers|Vice Presidents|Captains Regent|"
    r"Co-princes|Co-Princes|Deputy Presidents|Vice-Presidents|State Councilors|"
    r"Deputy Chairmen))\s+(.+)$"
)


def factbook_entries(text):
    text = re.sub(r"\bnote\b.*$", "", text, flags=re.I | re.S)
    out = []
    for piece in re.split(r";", text):
        m = PLURAL_TITLES.match(piece.strip())
        if m:
            title = m.group(1).strip()
            single = {
                "Vice Premiers": "Vice Premier",
                "Deputy Prime Ministers": "Deputy Prime Minister",
                "Vice Presidents": "Vice President",
                "Captains Regent": "Captain Regent",
                "Co-princes": "Co-prince",
                "Co-Princes": "Co-prince",
                "Deputy Presidents": "Deputy President",
                "Vice-Presidents": "Vice-President",
                "State Councilors": "State Councilor",
                "Deputy Chairmen": "Deputy Chairman",
            }
            for k, v in single.items():
                title = title.replace(k, v)
            rest = re.split(r"\(since", m.group(2))[0]
            for nm in re.split(r",\s*(?:and\s+)?|\s+and\s+", rest):
                e = parse_entry(title + " " + nm.strip())
                if e:
                    out.append(e)
            text = text.replace(piece, " ")
    for e in out:
        yield e
    pieces = re.split(
        r";|\brepresented by\b|\bwho is represented by\b|\b(?:and|, and)\s+(?=(?:Vice|First|"
        r"Second|Deputy|Prime|Co-prince|Prince|Crown|Governor)\b)",
        text,
    )
    for piece in pieces:
        piece = piece.strip(" ,.")
        if not piece:
            continue
        e = parse_entry(piece)
        if e:
            yield e


def factbook_class(title, seg):
    tl = title.lower()
    if GG_TITLE.match(tl) or tl.startswith("governor"):
        return "governor_general"
    if re.search(r"\b(councilor|councillor|minister of state|secretary)\b", tl):
        return None
    if DEP_TITLE.match(tl) or re.match(
        r"^(first |second |third |executive |acting )*(vice|deputy)[- ]"
        r"(president|prime minister|premier|chancellor|chairman)\b",
        tl,
    ):
        return "deputy_head"
    if re.search(r"\b(vice|deputy)\b", tl):
        return None
    known = (
        HOG_TITLE.match(tl)
        or HOS_TITLE.match(tl)
        or re.match(
            r"^(president|king|queen|sultan|emir|amir|emperor|grand duke|prince|co-prince|captain|"
            r"supreme|chairman|chairwoman|chairperson|head of state|pope|premier|chancellor|"
            r"taoiseach|chief executive|prime minister|general|leader)",
            tl,
        )
    )
    if not known or re.search(r"\b(party|leader of the opposition|opposition|speaker)\b", tl):
        return None
    if seg == "both":
        return "head_of_state_and_government"
    if HOG_TITLE.match(tl) and seg == "hog":
        return "head_of_government"
    if seg == "hog":
        if re.match(
            r"^(president|king|queen|sultan|emir|amir|chairman|supreme|chief executive)", tl
        ):
            return (
                "head_of_state_and_government"
                if tl.startswith(("president", "sultan", "emir", "amir", "king"))
                else "head_of_government"
            )
        return "head_of_government"
    if HOS_TITLE.match(tl) or re.match(
        r"^(president|king|queen|emir|amir|sultan|emperor|prince|grand|"
        r"co-prince|captain|supreme|chairman|head of state|"
        r"supreme leader|pope)",
        tl,
    ):
        return "head_of_state"
    if HOG_TITLE.match(tl):
        return "head_of_government"
    return None


def factbook_country(row, masters, year):
    m = masters.get(row["MasterCountryID"])
    name = row["Name"]
    if name == "Soviet Union":
        return "SU"
    if name == "Czechoslovakia":
        return "CS"
    if name == "German Democratic Republic":
        return "DD"
    if name.startswith("Yemen, People"):
        return "YD"
    if not m:
        return None
    code = m["CanonicalCode"]
    if code == "YI":
        return "YU" if year <= 2002 else "CS"
    special = {"KV": "XK", "GK": "GG", "IM": "IM", "JE": "JE", "EE": "EU", "GZ": None, "WE": None}
    if code in special:
        return special[code]
    iso = m["ISOAlpha2"]
    if m["EntityType"] in ("misc", "antarctic") or not iso:
        return None
    if m["EntityType"] == "disputed" and iso not in ("PS", "EH", "XK"):
        return None
    return iso


def load_factbook(kb, src):
    d = os.path.join(src, "factbook")
    with open(os.path.join(d, "master_countries.csv"), encoding="utf-8") as fh:
        masters = {r["MasterCountryID"]: r for r in csv.DictReader(fh)}
    with open(os.path.join(d, "countries.csv"), encoding="utf-8") as fh:
        cinfo = {r["CountryID"]: r for r in csv.DictReader(fh)}
    # records[(cc, year)] = list of (cls, title, name, surname, since)
    records = collections.defaultdict(list)
    for f in sorted(glob.glob(os.path.join(d, "country_fields_*.sql.gz"))):
        year = int(re.search(r"(\d{4})", os.path.basename(f)).group(1))
        fields = collections.defaultdict(list)
        with gzip.open(f, "rt", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                m = ROW_RE.match(line)
                if not m:
                    continue
                fname, content = m.group(4), m.group(5)
                if "hief of" not in content and "ead of" not in content:
                    continue
                if fname not in (
                    "Executive branch",
                    "Leaders",
                    "Judicial branch",
                    "Chief of State",
                    "Head of Government",
                    "Chief of State and Head of Government",
                ):
                    continue
                fields[m.group(3)].append(content)
        for cid, contents in fields.items():
            row = cinfo.get(cid)
            if not row:
                continue
            cc = factbook_country(row, masters, year)
            if not cc:
                continue
            mrow = masters.get(row["MasterCountryID"]) or {}
            dependent = mrow.get("EntityType") in (
                "territory",
                "crown_dependency",
                "special_admin",
                "dissolved",
            ) or cc in ("AN", "GG", "IM", "JE")
            seen = set()
            for content in contents:
                for seg, text in factbook_segments(content):
                    for title, name, surname, since in factbook_entries(text):
                        cls = factbook_class(title, seg)
                        if not cls:
                            kb.log["factbook-unclassified"] += 1
                            continue
                        if dependent and seg != "hog" and cls != "governor_general":
                            # the chief of state of a dependent territory is the metropole's head
                            # of state
                            kb.log["factbook-dependent-cos-skipped"] += 1
                            continue
                        k = (cls, norm(name))
                        if k in seen:
                            continue
                        seen.add(k)
                        records[(cc, year)].append((cls, title, name, surname, since))
    kb.log["factbook-country-years"] = len(records)
    return records


def factbook_positions(records):
    """Turn yearly snapshots into positions with start, end (inferred) and seen-years."""
    by_cc = collections.defaultdict(dict)
    for (cc, year), recs in records.items():
        by_cc[cc][year] = recs
    out = []  # (cc, name, surname, cls, title, start, end, first_seen, last_seen, current_as_of)
    max_year = max(y for (_, y) in records)
    for cc, years in by_cc.items():
        ylist = sorted(years)
        # principal holders per year and family (for end inference)
        principal = collections.defaultdict(list)
        for y in ylist:
            for cls, title, name, _surname, since in years[y]:
                fam = FAMILY[cls]
                key = (y, fam) if fam in ("hos", "hog") else (y, fam, norm(title))
                if (norm(name), since) not in principal[key] and all(
                    n != norm(name) for n, _ in principal[key]
                ):
                    principal[key].append((norm(name), since))
        # group by person+family+since
        groups = collections.OrderedDict()
        for y in ylist:
            for cls, title, name, surname, since in years[y]:
                fam = FAMILY[cls]
                key = (norm(name), fam)
                g = groups.get(key)
                # a new term when the since-date changes by more than a year
                if (
                    g
                    and since
                    and g[-1]["since"]
                    and abs(days(lo(since)) - days(lo(g[-1]["since"]))) > 400
                    and since > g[-1]["since"]
                    or g
                    and (y - g[-1]["years"][-1]) > 3
                    and not (since and g[-1]["since"] and since[:7] == g[-1]["since"][:7])
                ):
                    g.append(
                        {
                            "since": since,
                            "years": [y],
                            "titles": collections.Counter([title]),
                            "cls": collections.Counter([cls]),
                            "name": name,
                            "surname": surname,
                        }
                    )
                elif g:
                    t = g[-1]
                    t["years"].append(y)
                    t["titles"][title] += 1
                    t["cls"][cls] += 1
                    if since and (
                        not t["since"]
                        or (len(since) > len(t["since"]) and since[:4] == t["since"][:4])
                    ):
                        t["since"] = since
                else:
                    groups[key] = [
                        {
                            "since": since,
                            "years": [y],
                            "titles": collections.Counter([title]),
                            "cls": collections.Counter([cls]),
                            "name": name,
                            "surname": surname,
                        }
                    ]
        for (nname, fam), terms in groups.items():
            for t in terms:
                cls = t["cls"].most_common(1)[0][0]
                title = t["titles"].most_common(1)[0][0]
                first, last = t["years"][0], t["years"][-1]
                end = None
                cur = None
                start = t["since"]
                if start and int(start[:4]) > last:
                    start = None
                if start and int(start[:4]) < first - 1:
                    # an earlier edition between the since-year and the first sighting shows
                    # somebody else in this office: the since-date is a typo (e.g. "since 23 June
                    # 2005" for 2025)
                    between = [y for y in ylist if int(start[:4]) < y < first]
                    if any(
                        principal.get((y, fam))
                        and all(n != nname for (n, _s) in principal[(y, fam)])
                        for y in between
                    ):
                        start = None
                later = [y for y in ylist if y > last]
                if not later:
                    if last == max_year:
                        cur = str(max_year)
                elif fam in ("hos", "hog", "dep"):
                    # the next edition that lists anybody in this office
                    ny = next(
                        (
                            y
                            for y in later
                            if principal.get((y, fam) if fam != "dep" else (y, fam, norm(title)))
                        ),
                        later[0],
                    )
                    pkey = (ny, fam) if fam != "dep" else (ny, fam, norm(title))
                    before = principal.get(
                        (last, fam) if fam != "dep" else (last, fam, norm(title)), []
                    )
                    holders = [] if fam == "dep" and len(before) != 1 else principal.get(pkey, [])
                    others = [(n, s) for (n, s) in holders if n != nname]
                    if len(holders) == 1 and len(others) == 1 and others[0][1]:
                        s = others[0][1]
                        if (not start or lo(s) > lo(start)) and last <= int(s[:4]) <= min(
                            ny, last + 1
                        ):
                            end = s
                out.append(
                    {
                        "cc": cc,
                        "name": t["name"],
                        "surname": t["surname"],
                        "cls": cls,
                        "title": title,
                        "start": start,
                        "end": end,
                        "first_seen": str(first),
                        "last_seen": str(last),
                        "current_as_of": cur,
                    }
                )
    return out


def add_factbook(kb, fpos):
    # biggest families first so that heads create persons before deputies
    order = {"hos": 0, "hog": 1, "gg": 2, "dep": 3}
    fpos.sort(key=lambda r: (order.get(FAMILY[r["cls"]], 9), r["cc"], r["first_seen"]))
    for r in fpos:
        lo_d = lo(r["start"]) if r["start"] else lo(r["first_seen"])
        hi_d = hi(r["end"]) if r["end"] else hi(r["last_seen"])
        fam = {FAMILY[r["cls"]]}
        if fam & {"hos", "hog"}:
            fam = {"hos", "hog", "dep"}
        p = kb.find(
            r["name"], r["cc"], lo_d, hi_d, surname=r["surname"], families=fam, own=FAMILY[r["cls"]]
        )
        if p is None and MONARCH.match(r["title"]):
            p = kb.find_monarch(r["name"])
        if (
            p is None
            and len(r["name"].split()) == 1
            and not (
                re.match(
                    r"^(king|queen|emperor|empress|sultan|emir|amir|grand duke|grand duchess|"
                    r"prince|crown prince|pope)",
                    r["title"].lower(),
                )
                or r["cc"] in ("ID", "MM", "AF")
            )
        ):
            kb.log["factbook-single-name-skipped"] += 1
            continue
        if p is None:
            p = kb.new()
            kb.log["factbook-new-person"] += 1
        else:
            kb.log["factbook-matched"] += 1
        kb.add_name(p, r["name"], "factbook")
        if r["surname"]:
            p.surnames.add(r["surname"])
        pos = mkpos(
            r["title"],
            r["cls"],
            r["cc"],
            "factbook",
            r["start"],
            r["end"],
            current_as_of=r["current_as_of"],
            last_seen=r["last_seen"],
            first_seen=r["first_seen"],
        )
        kb.add_position(p, pos)


# ---------------------------------------------------------------------------
# source 4: US presidents / vice presidents (unitedstates/congress-legislators)
# ---------------------------------------------------------------------------
def snapshot_date(d):
    """Date of the source snapshot (last word of the COMMIT file written by stage_sources.sh)."""
    f = os.path.join(d, "COMMIT")
    if os.path.exists(f):
        with open(f) as fh:
            w = fh.read().split()
        if w and clean_date(w[-1]):
            return w[-1]
    return None


def load_congress(kb, src):
    f = os.path.join(src, "congress", "executive.yaml")
    if not os.path.exists(f):
        return
    asof = snapshot_date(os.path.join(src, "congress"))
    people, cur, section, term = [], None, None, None
    with open(f, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("- id:"):
                cur = {"name": {}, "terms": []}
                people.append(cur)
                section = "id"
                continue
            m = re.match(r"^  (\w+):\s*$", line)
            if m:
                section = m.group(1)
                continue
            m = re.match(r"^    (\w+): ?(.*)$", line)
            if m and section == "name":
                cur["name"][m.group(1)] = m.group(2).strip().strip("'\"")
                continue
            if section == "terms":
                m = re.match(r"^  - (\w+): ?(.*)$", line)
                if m:
                    term = {m.group(1): m.group(2).strip().strip("'\"")}
                    cur["terms"].append(term)
                    continue
                m = re.match(r"^    (\w+): ?(.*)$", line)
                if m and term is not None:
                    term[m.group(1)] = m.group(2).strip().strip("'\"")
    for pr in people:
        nm = pr["name"]
        name = nm.get("official_full") or " ".join(
            x for x in (nm.get("first"), nm.get("middle"), nm.get("last"), nm.get("suffix")) if x
        )
        name = re.sub(r"\s+", " ", name).strip()
        for t in pr["terms"]:
            typ = t.get("type")
            if typ not in ("prez", "viceprez"):
                continue
            start, end = clean_date(t.get("start")), clean_date(t.get("end"))
            cls = "head_of_state_and_government" if typ == "prez" else "deputy_head"
            title = "President" if typ == "prez" else "Vice President"
            p = kb.find(
                name, "US", lo(start), hi(end) if end else None, families={FAMILY[cls]}, fuzzy=False
            )
            if p is None:
                p = kb.new()
            kb.add_name(p, name, "congress")
            if nm.get("first") and nm.get("last") and not nm.get("middle"):
                kb.add_name(p, nm["first"] + " " + nm["last"], "congress")
            p.surnames.add(nm.get("last", ""))
            cur = None
            if end and end > asof:
                cur, end = asof, None
            kb.add_position(p, mkpos(title, cls, "US", "congress", start, end, current_as_of=cur))


# ---------------------------------------------------------------------------
# source 5: US Secretaries of State (Office of the Historian, pocom)
# ---------------------------------------------------------------------------
def load_pocom(kb, src):
    f = os.path.join(src, "historian", "secretary.xml")
    if not os.path.exists(f):
        return
    root = ET.parse(f).getroot()
    for pr in root.iter("principal"):
        pid = pr.findtext("person-id")
        start = clean_date(
            (pr.findtext("started/date") or pr.findtext("appointed/date") or "").strip()
        )
        end = clean_date((pr.findtext("ended/date") or "").strip())
        pf = os.path.join(src, "historian", "people", pid + ".xml")
        if not os.path.exists(pf):
            continue
        pe = ET.parse(pf).getroot()
        fn = " ".join((x.text or "").strip() for x in pe.iter("forename"))
        sn = " ".join((x.text or "").strip() for x in pe.iter("surname"))
        gen = " ".join((x.text or "").strip() for x in pe.iter("genName"))
        name = re.sub(r"\s+", " ", re.sub(r"\([^)]*\)", " ", " ".join([fn, sn, gen]))).strip()
        fn = re.sub(r"\s+", " ", re.sub(r"\([^)]*\)", " ", fn)).strip()
        if not name or not start:
            continue
        p = kb.find(
            name, "US", lo(start), hi(end) if end else None, surname=sn, families={"foreign"}
        )
        if p is None:
            p = kb.new()
        kb.add_name(p, name, "pocom")
        short = fn.split()[0] + " " + sn if fn else sn
        kb.add_name(p, short, "pocom")
        p.surnames.add(sn)
        kb.add_position(
            p,
            mkpos(
                "Secretary of State",
                "foreign",
                "US",
                "pocom",
                start,
                end,
                current_as_of=None if end else snapshot_date(os.path.join(src, "historian")),
            ),
        )


# ---------------------------------------------------------------------------
# source 6: UK ministers (Institute for Government)
# ---------------------------------------------------------------------------
def load_ifg(kb, src):
    d = os.path.join(src, "ifg")
    if not os.path.exists(d):
        return
    names = collections.defaultdict(list)
    with open(os.path.join(d, "person.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            names[r["id"]].append(r)
    with open(os.path.join(d, "post.csv"), encoding="utf-8") as fh:
        posts = {r["id"]: r for r in csv.DictReader(fh)}
    with open(os.path.join(d, "appointment.csv"), encoding="utf-8") as fh:
        for a in csv.DictReader(fh):
            post = posts.get(a["post_id"])
            if not post or post["rank_equivalence"] not in ("PM", "DPM", "SoS"):
                continue
            title = post["name"]
            cls = classify(title, "United Kingdom")
            if post["rank_equivalence"] == "PM":
                cls = "head_of_government"
            if cls not in (
                "head_of_government",
                "deputy_head",
                "foreign",
                "defence",
                "finance",
                "trade",
            ):
                continue
            if cls == "trade" and not re.search(r"trade|business|industry", title, re.I):
                continue
            start, end = clean_date(a["start_date"]), clean_date(a["end_date"])
            rows = names.get(a["person_id"], [])
            if not rows:
                continue
            # the name in use at the start of the appointment
            best = rows[0]
            for r in rows:
                if (not r["start_date"] or r["start_date"] <= (start or "")) and (
                    not r["end_date"] or r["end_date"] > (start or "")
                ):
                    best = r
            nm = best["display_name"] or best["name"]
            p = kb.find(
                nm,
                "GB",
                lo(start),
                hi(end) if end else None,
                surname=best.get("short_name"),
                families={FAMILY[cls]},
                fuzzy=False,
            )
            if p is None:
                for r in rows:
                    p = kb.find(
                        r["name"],
                        "GB",
                        lo(start),
                        hi(end) if end else None,
                        surname=r.get("short_name"),
                        families={FAMILY[cls]},
                        fuzzy=False,
                    )
                    if p:
                        break
            if p is None:
                p = kb.new()
            for r in rows:
                kb.add_name(p, r["display_name"] or r["name"], "ifg")
                if r["short_name"]:
                    p.surnames.add(r["short_name"])
            kb.add_position(
                p,
                mkpos(
                    title,
                    cls,
                    "GB",
                    "ifg",
                    start,
                    end,
                    current_as_of=None if end else snapshot_date(d),
                ),
            )


# ---------------------------------------------------------------------------
# source 7: visits by foreign leaders to the US (Office of the Historian)
# ---------------------------------------------------------------------------
VISIT_TITLE = re.compile(
    r"^((?:(?:Acting|Interim|Provisional|Transitional|Federal|First|Vice|Prime|Minister|"
    r"Minster|President|Premier|Chancellor|King|Queen|Emperor|Empress|Sultan|Amir|Emir|Shah|"
    r"Crown|Prince|Princess|Grand|Duke|Duchess|Governor|General|Secretary|Chairman|"
    r"Taoiseach|Pope|Regent|Head|of|the|State|Council|Ministers|Presidency|Chief|"
    r"Executive|Supreme|Leader|Sheikh)\s+)+)(.+)$"
)


def load_visits(kb, src, allow_new_before=1990):
    vdir = os.path.join(src, "historian", "visits")
    stats = kb.log
    pending = []
    for f in sorted(glob.glob(os.path.join(vdir, "*.xml"))):
        for v in ET.parse(f).getroot():
            date = clean_date((v.findtext("start-date") or "").strip())
            fr = v.find("from")
            if fr is None or not date:
                continue
            cc = country_code(fr.text or "") or country_code((fr.get("id") or "").replace("-", " "))
            if not cc:
                stats["visits-skip-country:" + (fr.text or "")] += 1
                continue
            visitor = (v.findtext("visitor") or "").strip()
            for part in re.split(r"\s+and\s+(?=[A-Z])|;\s*", visitor):
                m = VISIT_TITLE.match(part.strip())
                if not m:
                    stats["visits-unparsed"] += 1
                    continue
                title = m.group(1).strip().replace("Minster", "Minister")
                name = m.group(2).strip().strip(",")
                if title.endswith(" Sheikh"):
                    title, name = title[:-7], "Sheikh " + name
                name = re.sub(r"\s*\(.*?\)", "", name).strip()
                tl = title.lower()
                if (
                    tl.startswith(
                        ("crown prince", "prince", "princess", "duke", "duchess", "grand duke")
                    )
                    and cc not in ("MC", "LI", "LU")
                    and not tl.startswith("grand duke")
                ):
                    continue
                if tl.endswith("-elect") or "elect" in name.lower().split()[:1]:
                    continue
                if re.match(r"^(president|vice president)-elect", part, re.I):
                    continue
                cls = factbook_class(title, "hog" if HOG_TITLE.match(tl) else "cos")
                if tl == "president":
                    cls = "head_of_state"
                if not cls:
                    stats["visits-unclassified"] += 1
                    continue
                pending.append((date, cc, title, name, cls))
    for date, cc, title, name, cls in pending:
        fam = {FAMILY[cls]}
        if fam & {"hos", "hog"}:
            fam = {"hos", "hog"}
        single = len(name.split()) <= 1
        p = kb.find(name, cc, lo(date), hi(date), families=fam, fuzzy=not single, own=FAMILY[cls])
        if p is None and MONARCH.match(title):
            p = kb.find_monarch(name)
        if p is None and single:
            stats["visits-surname-only-unmatched"] += 1
            continue
        if p is None:
            near = [
                c
                for k in sorted(kb.by_country.get(cc, ()))
                for c in [kb.people[k]]
                if any(
                    t in {u for x in c.all_names() for u in toks(x)}
                    for t in toks(name)
                    if len(t) >= 4
                )
            ]
            if near and int(date[:4]) >= allow_new_before:
                stats["visits-ambiguous-skipped"] += 1
                continue
            if int(date[:4]) >= allow_new_before:
                # a named head of state/government from 1990 on that no other source has: keep it,
                # the visit record itself is the evidence
                stats["visits-new-person-1990+"] += 1
            else:
                stats["visits-new-person-pre1990"] += 1
            p = kb.new()
            kb.add_name(p, name, "visits")
            kb.add_position(p, mkpos(title, cls, cc, "visits", attested=[date]))
            continue
        stats["visits-matched"] += 1
        if not single:
            kb.add_name(p, name, "visits")
        # attach the attestation to the matching position (or record a new attested position)
        best = None
        for pos in p.positions:
            if pos["country"] == cc and FAMILY[pos["cls"]] in fam:
                s = pos.get("start") or pos.get("first_seen")
                e = pos.get("end") or pos.get("last_seen") or pos.get("current_as_of")
                if (not s or lo(s) <= hi(date)) and (not e or hi(e) >= lo(date)):
                    best = pos
                    break
        if best is not None:
            best.setdefault("attested", [])
            best["attested"] = sorted(set(best["attested"]) | {date})
        else:
            same = [
                pos
                for pos in p.positions
                if pos["src"] == "visits" and pos["cls"] == cls and pos["country"] == cc
            ]
            if same:
                same[0]["attested"] = sorted(set(same[0]["attested"]) | {date})
            else:
                kb.add_position(p, mkpos(title, cls, cc, "visits", attested=[date]))
            p.sources.add("visits")
        p.sources.add("visits")


# ---------------------------------------------------------------------------
# consolidation
# ---------------------------------------------------------------------------
def interval(pos):
    s = pos.get("start") or pos.get("first_seen")
    e = pos.get("end") or pos.get("last_seen") or pos.get("current_as_of")
    if pos.get("attested"):
        a0, a1 = pos["attested"][0], pos["attested"][-1]
        s = s or a0
        e = e or a1
    if not s and not e:
        return None
    a = days(lo(s)) if s else days(lo(e))
    b = days(hi(e)) if e else days(hi(s))
    return a, b


def merge_cluster(cluster, kb, person):
    """Merge positions that describe the same tenure (possibly several consecutive terms)."""
    cluster.sort(key=lambda p: DATE_RANK[p["src"]])
    best = dict(cluster[0])
    srcs = {p["src"] for p in cluster}
    r0 = DATE_RANK[cluster[0]["src"]]
    trusted = [p for p in cluster if DATE_RANK[p["src"]] == r0]
    # start: earliest start of the most trusted source; a more precise date from another source is
    # used when it falls inside the trusted one
    tstarts = sorted((p["start"] for p in trusted if p.get("start")), key=lo)
    starts = [p for p in cluster if p.get("start")]
    if tstarts:
        s0 = tstarts[0]
    elif starts:
        s0 = sorted((p for p in starts), key=lambda p: (DATE_RANK[p["src"]], lo(p["start"])))[0][
            "start"
        ]
    else:
        s0 = None
    if s0:
        for p in starts:
            s_ = p["start"]
            if len(s_) > len(s0) and lo(s0) <= lo(s_) <= hi(s0):
                s0 = s_
        alt = set()
        for p in starts:
            if (
                len(p["start"]) == 10
                and len(s0) == 10
                and abs(days(p["start"]) - days(s0)) > 30
                and p["src"] not in ("wl2021", "visits")
            ):
                alt.add((SRC_IDS[p["src"]], p["start"]))
                kb.conflicts.append(
                    (
                        "start differs",
                        person.qid or person.key,
                        pick_name(person),
                        best["title"],
                        s0,
                        p["src"],
                        p["start"],
                    )
                )
        if alt:
            best["start_alt"] = sorted(alt)
    best["start"] = s0
    # end: latest end of the trusted source, unless it is still ongoing there
    curs = [p.get("current_as_of") for p in cluster if p.get("current_as_of")]
    ongoing = [p for p in trusted if not p.get("end") and p.get("current_as_of")]
    tends = sorted((p["end"] for p in trusted if p.get("end")), key=hi)
    e0 = None
    if tends and not ongoing:
        e0 = tends[-1]
        for p in cluster:
            e = p.get("end")
            if e and len(e) > len(e0) and lo(e0) <= lo(e) <= hi(e0):
                e0 = e
    elif ongoing:
        asof = max(p["current_as_of"] for p in ongoing)
        # a less trusted but more recent source may know the end
        later = [
            p
            for p in cluster
            if p.get("end") and hi(p["end"]) >= lo(asof) and (not s0 or lo(p["end"]) >= lo(s0))
        ]
        if later:
            later.sort(key=lambda p: (DATE_RANK[p["src"]], -len(p["end"])))
            e0 = later[0]["end"]
    else:
        others = [p for p in cluster if p.get("end")]
        if others:
            others.sort(key=lambda p: (DATE_RANK[p["src"]], -len(p["end"])))
            e0 = others[0]["end"]
    best["end"] = e0
    if e0:
        best["current_as_of"] = None
        for c in curs:
            if c and lo(c) > hi(e0) and len(c) > 4:
                kb.conflicts.append(
                    (
                        "ongoing after end",
                        person.qid or person.key,
                        pick_name(person),
                        best["title"],
                        e0,
                        c,
                    )
                )
    else:
        best["current_as_of"] = max(curs) if curs else None
    seen = [p.get("last_seen") for p in cluster if p.get("last_seen")]
    best["last_seen"] = max(seen) if seen else None
    fs = [p.get("first_seen") for p in cluster if p.get("first_seen")]
    best["first_seen"] = min(fs) if fs else None
    att = set()
    for p in cluster:
        att |= set(p.get("attested") or [])
    best["attested"] = sorted(att)
    clss = {p["cls"] for p in cluster}
    if "head_of_state_and_government" in clss:
        best["cls"] = "head_of_state_and_government"
    best["srcs"] = srcs
    if best.get("start") and best.get("end") and lo(best["start"]) > hi(best["end"]):
        best["start"], best["end"] = cluster[0].get("start"), cluster[0].get("end")
        kb.conflicts.append(
            ("merge start>end", person.qid or person.key, pick_name(person), best["title"])
        )
    return best


def consolidate(kb, person):
    groups = collections.defaultdict(list)
    for pos in person.positions:
        groups[(pos["country"], FAMILY[pos["cls"]])].append(pos)
    out = []
    for (_cc, _fam), plist in groups.items():
        plist = [p for p in plist if interval(p)]
        plist.sort(key=lambda p: interval(p)[0])
        clusters = []
        for p in plist:
            iv = interval(p)
            placed = False
            for cl in clusters:
                for q in cl:
                    jv = interval(q)
                    tol = 45
                    # precise sources describe separate terms separately: do not merge two of them
                    # unless they really overlap
                    if (
                        DATE_RANK[p["src"]] <= 1
                        and DATE_RANK[q["src"]] <= 1
                        and p["src"] == q["src"]
                    ):
                        if p.get("start") == q.get("start") and p.get("end") == q.get("end"):
                            placed = True
                            break
                        continue
                    if iv[0] <= jv[1] + tol and jv[0] <= iv[1] + tol:
                        placed = True
                        break
                if placed:
                    cl.append(p)
                    break
            if not placed:
                clusters.append([p])
        merged = [merge_cluster(cl, kb, person) for cl in clusters]
        # join consecutive terms of the same title family (re-appointments)
        merged.sort(
            key=lambda p: lo(
                p.get("start") or p.get("first_seen") or (p["attested"] or ["9999"])[0]
            )
        )
        joined = []
        for p in merged:
            if joined:
                q = joined[-1]
                if (
                    q.get("end")
                    and p.get("start")
                    and norm(q["title"]) == norm(p["title"])
                    and 0 <= days(lo(p["start"])) - days(lo(q["end"])) <= 31
                ):
                    q["end"] = p.get("end")
                    q["current_as_of"] = p.get("current_as_of")
                    q["last_seen"] = max(
                        filter(None, [q.get("last_seen"), p.get("last_seen")]), default=None
                    )
                    q["attested"] = sorted(set(q["attested"]) | set(p["attested"]))
                    q["srcs"] |= p["srcs"]
                    continue
            joined.append(p)
        out.extend(joined)
    # a deputy who became head of state/government left the deputy post then
    heads = [p for p in out if FAMILY[p["cls"]] in ("hos", "hog") and p.get("start")]
    for d in out:
        if FAMILY[d["cls"]] != "dep" or d.get("end") or not d.get("start"):
            continue
        nxt = [h for h in heads if h["country"] == d["country"] and lo(h["start"]) > lo(d["start"])]
        if nxt:
            h = min(nxt, key=lambda h: lo(h["start"]))
            d["end"] = h["start"]
            d["current_as_of"] = None
            d["srcs"] = set(d["srcs"]) | set(h["srcs"])
    return out


WIKI_SRC = ("epsw", "epsw-mirror", "wl2021")


def drop_suspect_labels(kb, person):
    """A Wikidata label whose surname differs completely from the surname every other source gives
    for the same person (same given name, e.g. a vandalised label) is not used as name or alias."""
    others = [n for (n, s) in person.names if s not in WIKI_SRC]
    if not others:
        return
    cc = person.positions[0]["country"] if person.positions else None
    if cc in SURNAME_FIRST or cc in HISPANIC or cc in ("TH", "LA", "KH", "MM", "ET", "ER", "IS"):
        return
    olast = {toks(n)[-1] for n in others if len(toks(n)) >= 2}
    if len(olast) != 1:
        return
    olast = olast.pop()
    ofirst = {toks(n)[0] for n in others if len(toks(n)) >= 2}
    for n, s in list(person.names):
        if s not in WIKI_SRC or REGNAL.match(n) or " of " in n or patronymic(n):
            continue
        t = toks(n)
        if len(t) < 2 or t[0] not in ofirst or olast in t:
            continue
        if any(set(t) <= set(toks(o)) for o in others):
            continue
        if difflib.SequenceMatcher(None, t[-1], olast).ratio() < 0.4:
            del person.names[(n, s)]
            kb.conflicts.append(
                ("suspect wikidata label dropped", person.qid, n, sorted(set(others)))
            )
            kb.log["suspect-label-dropped"] += 1


def pick_name(person):
    rank = {}
    for (n, s), _c in person.names.items():
        rank[n] = min(rank.get(n, 9), NAME_RANK[s])
    if not rank:
        return None
    # names agreeing (after folding) with names from other sources get support
    support = collections.defaultdict(set)
    for n, s in person.names:
        support[norm(n)].add("wiki" if s in WIKI_SRC else s)
    return sorted(rank, key=lambda n: (rank[n], -len(support[norm(n)]), n))[0]


SURNAME_FIRST = {"CN", "TW", "HK", "MO", "KP", "KR", "VN"}
COMMON_WORDS = {
    "may",
    "major",
    "rice",
    "brown",
    "green",
    "white",
    "black",
    "young",
    "king",
    "rich",
    "long",
    "little",
    "bush",
    "straw",
    "hunt",
    "fox",
    "ball",
    "cook",
    "hope",
    "love",
    "rose",
    "grant",
    "bond",
    "church",
    "hall",
    "wood",
    "wall",
    "well",
    "wells",
    "law",
    "ward",
    "page",
    "price",
    "hill",
    "lee",
    "lord",
    "moon",
    "sun",
    "march",
    "day",
    "west",
    "north",
    "south",
    "east",
    "park",
    "bell",
    "booth",
    "cash",
    "frank",
    "fair",
    "gay",
    "gold",
    "good",
    "hart",
    "hay",
    "holly",
    "key",
    "kind",
    "knight",
    "lamb",
    "mark",
    "mason",
    "miller",
    "noble",
    "parker",
    "pope",
    "power",
    "read",
    "reed",
    "rock",
    "rush",
    "shore",
    "short",
    "small",
    "smart",
    "stone",
    "strong",
    "swift",
    "tate",
    "temple",
    "tower",
    "turner",
    "walker",
    "wise",
    "wolf",
    "worth",
    "castle",
    "case",
    "cross",
    "dean",
    "duke",
    "earl",
    "field",
    "fisher",
    "gardner",
    "glass",
    "golden",
    "hale",
    "hardy",
    "hawk",
    "heath",
    "hood",
    "house",
    "howe",
    "hunter",
    "jolly",
    "lane",
    "lovett",
    "marsh",
    "meadows",
    "mills",
    "more",
    "moore",
    "nash",
    "oliver",
    "palmer",
    "peace",
    "pierce",
    "poole",
    "pound",
    "rain",
    "reid",
    "ridge",
    "rivers",
    "rowe",
    "salt",
    "savage",
    "shepherd",
    "silver",
    "spring",
    "stock",
    "storm",
    "summers",
    "sweet",
    "thomas",
    "wang",
    "zhang",
    "li",
    "liu",
    "chen",
    "yang",
    "huang",
    "zhao",
    "wu",
    "zhou",
    "xu",
    "ma",
    "zhu",
    "hu",
    "guo",
    "he",
    "lin",
    "luo",
    "gao",
    "kim",
    "choi",
    "jung",
    "kang",
    "cho",
    "yoon",
    "jang",
    "lim",
    "han",
    "oh",
    "seo",
    "shin",
    "kwon",
    "hwang",
    "ahn",
    "song",
    "jeon",
    "hong",
    "ali",
    "khan",
    "ahmed",
    "ahmad",
    "mohamed",
    "mohammed",
    "muhammad",
    "hassan",
    "hussein",
    "ibrahim",
    "abdullah",
    "singh",
    "kumar",
    "sharma",
    "rao",
    "das",
    "nguyen",
    "tran",
    "le",
    "pham",
    "hoang",
    "phan",
    "vu",
    "dang",
    "bui",
    "do",
    "ho",
    "ngo",
    "duong",
    "ly",
    "john",
    "james",
    "paul",
    "peter",
    "george",
    "david",
    "charles",
    "martin",
    "joseph",
    "michael",
    "robert",
    "william",
    "henry",
    "louis",
    "felix",
    "victor",
    "samuel",
    "daniel",
    "alexander",
    "philip",
    "franco",
    "castro",
    "lopez",
    "garcia",
    "gonzalez",
    "rodriguez",
    "hernandez",
    "perez",
    "sanchez",
    "ramirez",
    "torres",
    "flores",
    "rivera",
    "gomez",
    "diaz",
    "reyes",
    "morales",
    "cruz",
    "ortiz",
    "gutierrez",
    "chavez",
    "ramos",
    "ruiz",
    "alvarez",
    "mendoza",
    "silva",
    "santos",
    "souza",
    "costa",
    "pereira",
    "ferreira",
    "oliveira",
    "alves",
    "lima",
    "gomes",
    "ribeiro",
    "carvalho",
    "almeida",
    "lopes",
    "soares",
    "fernandes",
    "vieira",
    "barbosa",
    "rocha",
    "dias",
    "nunes",
    "mendes",
    "cardoso",
    "teixeira",
    "correia",
    "martins",
    "araujo",
    "pinto",
    "moreira",
    "monteiro",
}


REGNAL = re.compile(r"^(\S+(?: \S+)?) (I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XVI)\b( of .+)?$")


HISPANIC = {
    "ES",
    "MX",
    "AR",
    "CL",
    "CO",
    "PE",
    "VE",
    "EC",
    "BO",
    "PY",
    "UY",
    "CR",
    "PA",
    "GT",
    "HN",
    "SV",
    "NI",
    "DO",
    "CU",
    "GQ",
}


def surname_of(person, name, cc):
    if REGNAL.match(name) or " of " in name:
        return None
    if person.surnames:
        sn = sorted(person.surnames, key=lambda x: (len(x), x))[0]
        return sn
    t = name.split()
    if len(t) < 2:
        return None
    if (cc in HISPANIC and len(t) >= 3) or " y " in name:
        return None
    if cc in SURNAME_FIRST and len(t) <= 3:
        return t[0]
    return t[-1]


COLLECTIVE = re.compile(
    r"(presidency|captain|co-prince|federal council|confederation|regent|"
    r"council of ministers of bosnia|sovereign council|presidential council)",
    re.I,
)


def dated_interval(pos):
    s = pos.get("start") or pos.get("first_seen")
    e = pos.get("end") or pos.get("last_seen") or pos.get("current_as_of")
    if not s:
        return None
    return days(lo(s)), days(hi(e)) if e else days(hi(s))


def dedupe(kb):
    """Merge records of the same head of state/government that different sources spell differently:
    two people cannot hold the same single-holder office at the same time."""
    parent = {}

    def root(k):
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    slots = collections.defaultdict(list)
    for p in kb.people.values():
        for pos in p.positions:
            fam = FAMILY[pos["cls"]]
            if fam not in ("hos", "hog") or COLLECTIVE.search(pos["title"]):
                continue
            iv = dated_interval(pos)
            if iv:
                slots[(pos["country"], fam)].append((iv, p.key))
    merges = 0
    # identical names (ignoring spacing/punctuation) in the same office at the same time: one
    # person, even when Wikidata has two items for them
    by_name = collections.defaultdict(list)
    for p in kb.people.values():
        for n in {norm(x).replace(" ", "") for x in p.all_names()}:
            by_name[n].append(p)
    for _n, plist in by_name.items():
        if len(plist) < 2:
            continue
        for i in range(len(plist)):
            for j in range(i + 1, len(plist)):
                A, B = kb.people[root(plist[i].key)], kb.people[root(plist[j].key)]
                if A.key == B.key:
                    continue
                hit = False
                for pa in A.positions:
                    ia = dated_interval(pa)
                    for pb in B.positions:
                        ib = dated_interval(pb)
                        if (
                            ia
                            and ib
                            and pa["country"] == pb["country"]
                            and FAMILY[pa["cls"]] == FAMILY[pb["cls"]]
                            and ia[0] <= ib[1]
                            and ib[0] <= ia[1]
                        ):
                            hit = True
                if hit:
                    keep, drop = (
                        (A, B)
                        if (bool(A.qid), len(A.positions)) >= (bool(B.qid), len(B.positions))
                        else (B, A)
                    )
                    parent[drop.key] = keep.key
                    merges += 1
                    kb.conflicts.append(
                        (
                            "dedupe-merge same name",
                            keep.qid or keep.key,
                            pick_name(keep),
                            drop.qid or drop.key,
                            pick_name(drop),
                        )
                    )
    for (cc, fam), lst in slots.items():
        lst.sort()
        for i in range(len(lst)):
            (a0, a1), ka = lst[i]
            for j in range(i + 1, len(lst)):
                (b0, b1), kb_ = lst[j]
                if b0 > a1:
                    break
                ra, rb = root(ka), root(kb_)
                if ra == rb:
                    continue
                ov = min(a1, b1) - max(a0, b0)
                shorter = min(a1 - a0, b1 - b0)
                if ov < 90 or ov < shorter * 0.5:
                    continue
                A, B = kb.people[ra], kb.people[rb]
                same_tenure = any(
                    pa.get("start")
                    and pb.get("start")
                    and len(pa["start"]) == 10
                    and len(pb["start"]) == 10
                    and abs(days(pa["start"]) - days(pb["start"])) <= 7
                    and FAMILY[pa["cls"]] == FAMILY[pb["cls"]] == fam
                    and pa["country"] == pb["country"] == cc
                    and (
                        not pa.get("end")
                        or not pb.get("end")
                        or abs(days(lo(pa["end"])) - days(lo(pb["end"]))) <= 7
                    )
                    for pa in A.positions
                    for pb in B.positions
                )
                if not (same_person_names(A, B, cc) or (same_tenure and not (A.qid and B.qid))):
                    continue
                if A.qid and B.qid:
                    ta = {t for x in A.all_names() for t in toks(x)}
                    tb = {t for x in B.all_names() for t in toks(x)}
                    if not (ta <= tb or tb <= ta):
                        continue
                # keep the record with a Wikidata id (or more positions) as the root
                keep, drop = (
                    (A, B)
                    if (bool(A.qid), len(A.positions)) >= (bool(B.qid), len(B.positions))
                    else (B, A)
                )
                parent[drop.key] = keep.key
                merges += 1
                kb.conflicts.append(
                    (
                        "dedupe-merge",
                        keep.qid or keep.key,
                        pick_name(keep),
                        drop.qid or drop.key,
                        pick_name(drop),
                        cc,
                        fam,
                    )
                )
    for k in list(kb.people):
        r = root(k)
        if r != k:
            src, dst = kb.people.pop(k), kb.people[r]
            dst.names.update(src.names)
            dst.positions.extend(src.positions)
            dst.sources |= src.sources
            dst.surnames |= src.surnames
            if src.qid and not dst.qid:
                dst.qid = src.qid
    kb.log["dedupe-merges"] = merges


def same_person_names(A, B, cc):
    for x in A.all_names():
        for y in B.all_names():
            if norm(x) == norm(y):
                return True
            if patronymic(x) or patronymic(y):
                f1, f2 = personal_name(x), personal_name(y)
                if f1 and f2 and difflib.SequenceMatcher(None, f1, f2).ratio() < 0.75:
                    continue
            tx, ty = toks(x), toks(y)
            if not tx or not ty:
                continue
            gx, sx = split_name(x, cc, None)
            gy, sy = split_name(y, cc, None)
            for sn in sorted(A.surnames):
                if set(toks(sn)) <= set(tx) and set(toks(sn)) <= set(ty):
                    sx = sy = toks(sn)
                    gx = [t for t in tx if t not in sx]
                    gy = [t for t in ty if t not in sy]
            small, big = (tx, ty) if len(set(tx)) <= len(set(ty)) else (ty, tx)
            if set(small) <= set(big) and any(len(t) >= 4 for t in small):
                return True
            rs = difflib.SequenceMatcher(None, " ".join(sx), " ".join(sy)).ratio()
            j = cc in SURNAME_FIRST
            if rs >= 0.7 and given_relation(gx, gy, j) != "conflict":
                return True
            if (
                not j
                and rs >= 0.85
                and difflib.SequenceMatcher(None, norm(x), norm(y)).ratio() >= 0.75
            ):
                return True  # "Elias Hrawi" / "Ilyas Harawi"
            if (
                difflib.SequenceMatcher(None, norm(x), norm(y)).ratio() >= 0.8
                and given_relation(gx, gy, j) != "conflict"
            ):
                return True
    return False


def build(src, out, excluded=()):
    kb = KB()
    if "epsw" not in excluded:
        load_epsw(kb, src)
    if "epsw-mirror" in excluded:
        for p in kb.people.values():
            p.positions = [x for x in p.positions if x["src"] != "epsw-mirror"]
    if "wl2021" not in excluded:
        load_wl2021(kb, src)
    if "ifg" not in excluded:
        load_ifg(kb, src)
    if "congress" not in excluded:
        load_congress(kb, src)
    if "pocom" not in excluded:
        load_pocom(kb, src)
    if "factbook" not in excluded:
        recs = load_factbook(kb, src)
        fpos = factbook_positions(recs)
        kb.log["factbook-positions"] = len(fpos)
        add_factbook(kb, fpos)
    if "visits" not in excluded:
        load_visits(kb, src)

    dedupe(kb)

    # ---- consolidate and write
    records = []
    for person in kb.people.values():
        if not person.positions:
            continue
        drop_suspect_labels(kb, person)
        positions = consolidate(kb, person)
        if not positions:
            continue
        name = pick_name(person)
        if not name:
            continue
        if not person.qid:
            # last guard against text-extraction debris in names from the Factbook and the visit
            # records
            w = name.split()
            if (
                re.search(
                    r"\b(Party|Democratic|Front|Movement|Union|Council|Government|Assembly|Committee|"
                    r"Republic|Federation|Minister|President)\b",
                    name,
                )
                or len(w) > 9
                or re.search(r"\d", name)
            ):
                kb.log["dropped-bad-name"] += 1
                kb.conflicts.append(("dropped bad name", person.key, name))
                continue
            if len(w) == 1 and not (
                positions[0]["country"] in ("ID", "MM", "AF")
                or any(
                    re.match(
                        r"^(King|Queen|Emperor|Empress|Sultan|Emir|Amir|Grand Duke|Grand Duchess|"
                        r"Prince|Pope|Supreme Leader)",
                        p["title"],
                    )
                    for p in positions
                )
            ):
                kb.log["dropped-single-name"] += 1
                kb.conflicts.append(("dropped single name", person.key, name))
                continue
        records.append((person, name, positions))

    # surname statistics for "distinctive surname" aliases
    sn_count = collections.Counter()
    for person, name, positions in records:
        cc = positions[0]["country"]
        sn = surname_of(person, name, cc)
        if sn:
            sn_count[norm(sn)] += 1
    given_names = collections.Counter()
    for _person, name, _positions in records:
        t = toks(name)
        if len(t) >= 2:
            given_names[t[0]] += 1

    used_ids = set()
    lines = []
    for person, name, positions in records:
        # order: most recent first
        def sk(p):
            return lo(p.get("start") or p.get("first_seen") or (p["attested"] or ["0000"])[0])

        positions.sort(key=sk, reverse=True)
        primary = positions[0]["country"]
        for p in positions:
            if p["cls"] in (
                "head_of_state",
                "head_of_state_and_government",
                "head_of_government",
            ) and not re.search(r"co-prince", p["title"], re.I):
                primary = p["country"]
                break
        aliases = set()
        for n in person.all_names():
            if n != name:
                aliases.add(n)
        fn = fold(name)
        if fn != name:
            aliases.add(fn)
        for n in list(aliases):
            if fold(n) != n and fold(n) != name:
                aliases.add(fold(n))
        sn = None if patronymic(name) else surname_of(person, name, primary)
        if (
            sn
            and len(norm(sn)) >= 4
            and sn_count[norm(sn)] == 1
            and norm(sn) not in COMMON_WORDS
            and given_names[norm(sn)] == 0
            and len(toks(name)) >= 2
        ):
            aliases.add(sn)
            if fold(sn) != sn:
                aliases.add(fold(sn))
            m = re.match(r"^(?:al|el|Al|El)-(.{4,})$", sn)
            if m:
                aliases.add(m.group(1))
        m = REGNAL.match(name)
        if m and m.group(3):
            aliases.add(m.group(1) + " " + m.group(2))
        # initial + surname ("R. Habeck") for given-name-first names
        t = name.split()
        if (
            primary not in SURNAME_FIRST
            and 2 <= len(t) <= 3
            and sn
            and t[-1] == sn
            and not any(w.lower() in PARTICLES for w in t)
            and t[0][0].isalpha()
            and t[0][0].isupper()
        ):
            aliases.add(t[0][0] + ". " + sn)
        aliases.discard(name)
        aliases = {a for a in aliases if a.lower() != name.lower()}
        aliases = sorted(a for a in aliases if a and len(a) > 1 and norm(a) != "")
        pid = person.qid
        if not pid:
            pid = f"kb-{primary}-{slug(fold(name))[:40]}"
            base, k = pid, 2
            while pid in used_ids:
                pid = f"{base}-{k:d}"
                k += 1
        used_ids.add(pid)
        out_pos = []
        srcs = set()
        for p in positions:
            o = {
                "title": p["title"],
                "class": p["cls"],
                "country": p["country"],
                "start": p.get("start"),
                "end": p.get("end"),
            }
            pr = {}
            if o["start"] and len(o["start"]) < 10:
                pr["start"] = prec(o["start"])
            if o["end"] and len(o["end"]) < 10:
                pr["end"] = prec(o["end"])
            if pr:
                o["precision"] = pr
            if not o["end"]:
                if p.get("current_as_of"):
                    o["current_as_of"] = p["current_as_of"]
                elif p.get("last_seen"):
                    o["last_seen"] = p["last_seen"]
            if not o["start"] and p.get("first_seen"):
                o["first_seen"] = p["first_seen"]
            if p.get("attested"):
                a = p["attested"]
                o["attested"] = a if len(a) <= 3 else [a[0], a[-1]]
            if p.get("start_alt"):
                # another source gives a different start date for the same tenure
                o["start_disputed"] = [{"source": src_, "start": d} for src_, d in p["start_alt"]]
            o["sources"] = sorted(SRC_IDS[s] for s in p["srcs"])
            srcs |= set(o["sources"])
            out_pos.append(o)
        rec = {
            "id": pid,
            "name": name,
            "aliases": aliases,
            "country": primary,
            "positions": out_pos,
            "sources": sorted(srcs),
        }
        if person.qid:
            rec["wikidata"] = person.qid
        lines.append(rec)
    lines.sort(key=lambda r: (r["country"], norm(r["name"])))
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for r in lines:
            fh.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    os.replace(tmp, out)
    return kb, lines


def validate(path):
    """Checks: JSON per line, ISO codes, date formats, start <= end, unique ids, no two records with
    the same normalised name, country and an overlapping position of the same family."""
    errors = collections.Counter()
    examples = collections.defaultdict(list)
    ids = set()
    seen = collections.defaultdict(list)

    def err(kind, what):
        errors[kind] += 1
        if len(examples[kind]) < 5:
            examples[kind].append(what)

    n = 0
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            try:
                r = json.loads(line)
            except ValueError:
                err("bad json", ln)
                continue
            n += 1
            for k in ("id", "name", "aliases", "country", "positions", "sources"):
                if k not in r:
                    err("missing key " + k, ln)
            if r["id"] in ids:
                err("duplicate id", r["id"])
            ids.add(r["id"])
            if r["country"] not in VALID:
                err("bad country", (r["id"], r["country"]))
            if not r["positions"]:
                err("no positions", r["id"])
            for p in r["positions"]:
                if p["country"] not in VALID:
                    err("bad position country", (r["id"], p["country"]))
                if p["class"] not in CLASSES:
                    err("bad class", (r["id"], p["class"]))
                for k in ("start", "end"):
                    d = p.get(k)
                    if d is not None and clean_date(d) != d:
                        err("bad date", (r["id"], k, d))
                    if d and len(d) < 10 and (p.get("precision") or {}).get(k) != prec(d):
                        err("missing precision", (r["id"], k, d))
                if p.get("start") and p.get("end") and lo(p["start"]) > hi(p["end"]):
                    err("start after end", (r["id"], p["title"], p["start"], p["end"]))
                if (
                    not p.get("start")
                    and not p.get("end")
                    and not p.get("attested")
                    and not p.get("first_seen")
                    and not p.get("current_as_of")
                ):
                    err("undated position", (r["id"], p["title"]))
                seen[(norm(r["name"]), p["country"], FAMILY[p["class"]])].append((r["id"], p))
    for (nm, cc, _fam), lst in seen.items():
        idset = {i for i, _ in lst}
        if len(idset) > 1:
            # same name, same country, same office family: a duplicate unless the tenures are far
            # apart
            ivs = [(i, interval(dict(p, attested=p.get("attested") or []))) for i, p in lst]
            for a in range(len(ivs)):
                for b in range(a + 1, len(ivs)):
                    (ia, va), (ib, vb) = ivs[a], ivs[b]
                    if ia != ib and va and vb and va[0] <= vb[1] and vb[0] <= va[1]:
                        err("possible duplicate official", (nm, cc, ia, ib))
    return n, errors, examples


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--src", help="directory prepared by stage_sources.sh")
    ap.add_argument(
        "--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "officials.jsonl")
    )
    ap.add_argument(
        "--exclude",
        default="",
        help="comma-separated source keys to leave out: " + ",".join(SRC_IDS),
    )
    ap.add_argument("--log", help="write build statistics and conflicts (JSON) here")
    ap.add_argument("--check", metavar="FILE", help="only validate an existing officials.jsonl")
    a = ap.parse_args()
    if a.check:
        n, errors, examples = validate(a.check)
        print(f"{n:d} records; {'no problems' if not errors else dict(errors)}")
        for k, v in examples.items():
            print(f"  {k}: {v}")
        sys.exit(1 if any(k != "possible duplicate official" for k in errors) else 0)
    if not a.src:
        ap.error("--src is required")
    excluded = {x.strip() for x in a.exclude.split(",") if x.strip()}
    kb, lines = build(a.src, a.out, excluded)
    n_pos = sum(len(r["positions"]) for r in lines)
    print(f"wrote {len(lines):d} officials, {n_pos:d} positions to {a.out}")
    n, errors, examples = validate(a.out)
    print(f"validation: {'no problems' if not errors else dict(errors)}")
    for k, v in examples.items():
        print(f"  {k}: {v}")
    if a.log:
        with open(a.log, "w") as fh:
            json.dump(
                {"stats": dict(kb.log), "conflicts": kb.conflicts},
                fh,
                indent=1,
                ensure_ascii=False,
                default=str,
            )


if __name__ == "__main__":
    main()
