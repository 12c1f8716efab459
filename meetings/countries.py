"""The country list: ISO 3166 from django-countries, plus the words articles and records use for
them, the parties that are no ISO country, and the countries that no longer exist.

Names come from django-countries; demonyms and other spellings from the countryinfo package and
from our data file (meetings/data/countries.json: news usage such as "US" or "Washington" for
the United States, the EU, and the former countries with their ISO 3166-3 codes and dates).
"""

import datetime
import functools
import json
import re
from pathlib import Path

from countryinfo import all_countries
from django.db import transaction
from django_countries import countries as iso_countries

from meetings import derived
from meetings.models import Country, split_lines

DATA = Path(__file__).resolve().parent / "data" / "countries.json"


@functools.cache
def country_data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def our_words() -> dict[str, tuple[list[str], list[str]]]:
    """code: (other names, demonyms), from our data file."""
    return {
        code: (words["aliases"], words["demonyms"])
        for code, words in country_data()["words"].items()
    }


def package_words() -> dict[str, tuple[list[str], list[str]]]:
    """Other spellings and demonyms per ISO code from countryinfo, Latin script only."""
    latin = re.compile(r"^[A-Za-z][A-Za-z\u00C0-\u024F' .,()-]{3,60}$")
    words: dict[str, tuple[list[str], list[str]]] = {}
    for country in all_countries():
        try:
            code = (country.iso(2) or "").upper()
            spellings = country.alt_spellings() or []
            demonym = country.demonym() or ""
        except (KeyError, TypeError, AttributeError):
            continue
        if len(code) != 2:
            continue
        aliases = [s for s in spellings if latin.match(s) and not s.isupper() and "," not in s]
        words[code] = (aliases, [demonym] if latin.match(demonym or "") else [])
    return words


def ambiguous(package: dict[str, tuple[list[str], list[str]]]) -> set[str]:
    """Words that would point at two countries ("Indian" is also British Indian Ocean
    Territory's demonym, "Congolese" both Congos'): unless our own list settles them, none."""
    ours = {w.lower(): code for code, (a, d) in our_words().items() for w in [*a, *d]}
    ours |= {str(name).lower(): code for code, name in iso_countries}
    owners: dict[str, set[str]] = {}
    for code, (aliases, demonyms) in package.items():
        for word in [*aliases, *demonyms]:
            owners.setdefault(word.lower(), set()).add(code)
    return {
        word
        for word, codes in owners.items()
        if len(codes) > 1 or (word in ours and ours[word] not in codes)
    }


def words_for(code: str, package: dict[str, tuple[list[str], list[str]]]) -> tuple[list, list]:
    ours_aliases, ours_demonyms = our_words().get(code, ([], []))
    their_aliases, their_demonyms = package.get(code, ([], []))
    unclear = package.get("__ambiguous__", ([], []))[0]
    their_aliases = [w for w in their_aliases if w.lower() not in unclear]
    their_demonyms = [w for w in their_demonyms if w.lower() not in unclear]
    return (
        list(dict.fromkeys([*ours_aliases, *their_aliases])),
        list(dict.fromkeys([*ours_demonyms, *their_demonyms])),
    )


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_countries() -> tuple[int, int]:
    """Create or refresh every country; returns (created, updated). Safe to run again."""
    existing = {c.code: c for c in Country.objects.all()}
    package = package_words()
    package["__ambiguous__"] = (sorted(ambiguous(package)), [])
    data = country_data()
    rows = [
        (code, str(name), *words_for(code, package), Country.Kind.COUNTRY, {})
        for code, name in iso_countries
    ]
    rows += [
        (p["code"], p["name"], p["aliases"], p["demonyms"], p["kind"], {}) for p in data["parties"]
    ]
    rows += [
        (
            f["code"],
            f["name"],
            f["aliases"],
            f["demonyms"],
            Country.Kind.FORMER,
            {"start": _day(f["start"]), "end": _day(f["end"])},
        )
        for f in data["former"]
    ]
    created = updated = 0
    renamed = []
    for code, name, aliases, demonyms, kind, dates in rows:
        values = {
            "name": name,
            "aliases": "\n".join(aliases),
            "demonyms": "\n".join(demonyms),
            "kind": kind,
            **dates,
        }
        country = existing.get(code)
        if country is None:
            existing[code] = Country.objects.create(code=code, **values)
            created += 1
        elif any(getattr(country, k) != v for k, v in values.items()):
            # Keep what an editor added: their extra lines stay after ours.
            for field in ("aliases", "demonyms"):
                extra = [
                    x
                    for x in split_lines(getattr(country, field))
                    if x not in values[field].splitlines()
                ]
                values[field] = "\n".join([*values[field].splitlines(), *extra])
            if any(getattr(country, k) != v for k, v in values.items()):
                Country.objects.filter(pk=country.pk).update(**values)
                updated += 1
                if country.name != name:
                    renamed.append(country.pk)
    for former in data["former"]:
        successor = existing.get(former["successor"]) if former["successor"] else None
        Country.objects.filter(code=former["code"]).exclude(successor=successor).update(
            successor=successor
        )
    if renamed:  # the exports of their meetings name them
        derived.refresh(derived.naming("country", renamed))
    return created, updated
