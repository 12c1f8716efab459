"""The country list, from django-countries' ISO 3166 data, plus the words articles use for them.

Names come from django-countries; demonyms and other spellings from the countryinfo package, with
the few extra words below (news usage such as "US" or "Washington" for the United States). Parties
that are not countries get codes ISO sets aside (EU is exceptionally reserved for the EU).
"""

import re

from countryinfo import all_countries
from django.db import transaction
from django_countries import countries as iso_countries

from meetings.models import Country, split_lines

# code: (other names, demonyms)
WORDS: dict[str, tuple[list[str], list[str]]] = {
    "AE": (["UAE", "Emirates"], ["Emirati"]),
    "AF": (["Taliban"], ["Afghan"]),
    "AR": ([], ["Argentine", "Argentinian"]),
    "AU": ([], ["Australian"]),
    "AT": ([], ["Austrian"]),
    "BD": ([], ["Bangladeshi"]),
    "BE": ([], ["Belgian"]),
    "BR": ([], ["Brazilian"]),
    "BT": ([], ["Bhutanese"]),
    "CA": ([], ["Canadian"]),
    "CH": ([], ["Swiss"]),
    "CL": ([], ["Chilean"]),
    "CN": (["PRC", "People's Republic of China", "Beijing"], ["Chinese"]),
    "CO": ([], ["Colombian"]),
    "CU": ([], ["Cuban"]),
    "CZ": (["Czech Republic"], ["Czech"]),
    "DE": ([], ["German"]),
    "DK": ([], ["Danish", "Dane"]),
    "EG": ([], ["Egyptian"]),
    "ES": ([], ["Spanish", "Spaniard"]),
    "ET": ([], ["Ethiopian"]),
    "FI": ([], ["Finnish", "Finn"]),
    "FR": ([], ["French"]),
    "GB": (["UK", "U.K.", "Britain", "Great Britain"], ["British", "Briton"]),
    "GR": ([], ["Greek"]),
    "ID": ([], ["Indonesian"]),
    "IE": ([], ["Irish"]),
    "IL": ([], ["Israeli"]),
    "IN": (["Bharat"], ["Indian"]),
    "IQ": ([], ["Iraqi"]),
    "IR": (["Islamic Republic of Iran"], ["Iranian"]),
    "IT": ([], ["Italian"]),
    "JP": ([], ["Japanese"]),
    "KE": ([], ["Kenyan"]),
    "KH": ([], ["Cambodian"]),
    "KP": (["DPRK"], ["North Korean"]),
    "KR": (["Republic of Korea", "ROK", "Korea"], ["South Korean", "Korean"]),
    "KZ": ([], ["Kazakh"]),
    "LK": ([], ["Sri Lankan"]),
    "MM": (["Burma"], ["Myanmar", "Burmese"]),
    "MN": ([], ["Mongolian"]),
    "MV": ([], ["Maldivian"]),
    "MX": ([], ["Mexican"]),
    "MY": ([], ["Malaysian"]),
    "NG": ([], ["Nigerian"]),
    "NL": (["Holland"], ["Dutch"]),
    "NO": ([], ["Norwegian"]),
    "NP": ([], ["Nepali", "Nepalese"]),
    "NZ": ([], ["New Zealand"]),
    "PH": ([], ["Philippine", "Filipino"]),
    "PK": ([], ["Pakistani"]),
    "PL": ([], ["Polish", "Pole"]),
    "PT": ([], ["Portuguese"]),
    "QA": ([], ["Qatari"]),
    "RU": (["Russian Federation", "Moscow"], ["Russian"]),
    "SA": (["KSA"], ["Saudi", "Saudi Arabian"]),
    "SE": ([], ["Swedish", "Swede"]),
    "SG": ([], ["Singaporean"]),
    "SY": ([], ["Syrian"]),
    "TH": ([], ["Thai"]),
    "TR": (["Turkey"], ["Turkish"]),
    "TW": ([], ["Taiwanese"]),
    "UA": ([], ["Ukrainian"]),
    "US": (
        ["USA", "U.S.", "US", "United States of America", "America", "Washington"],
        ["American", "US"],
    ),
    "VN": (["Viet Nam"], ["Vietnamese"]),
    "ZA": ([], ["South African"]),
}

# Parties that are not ISO countries: (code, name, other names, demonyms)
UNIONS = [
    ("EU", "European Union", ["EU", "Brussels"], ["European"]),
]


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
    ours = {w.lower(): code for code, (a, d) in WORDS.items() for w in [*a, *d]}
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
    ours_aliases, ours_demonyms = WORDS.get(code, ([], []))
    their_aliases, their_demonyms = package.get(code, ([], []))
    unclear = package.get("__ambiguous__", ([], []))[0]
    their_aliases = [w for w in their_aliases if w.lower() not in unclear]
    their_demonyms = [w for w in their_demonyms if w.lower() not in unclear]
    return (
        list(dict.fromkeys([*ours_aliases, *their_aliases])),
        list(dict.fromkeys([*ours_demonyms, *their_demonyms])),
    )


@transaction.atomic
def load_countries() -> tuple[int, int]:
    """Create or refresh every country; returns (created, updated). Safe to run again."""
    existing = {c.code: c for c in Country.objects.all()}
    package = package_words()
    package["__ambiguous__"] = (sorted(ambiguous(package)), [])
    rows = [
        (code, name, *words_for(code, package), Country.Kind.COUNTRY)
        for code, name in iso_countries
    ] + [
        (code, name, aliases, demonyms, Country.Kind.UNION)
        for code, name, aliases, demonyms in UNIONS
    ]
    created = updated = 0
    for code, name, aliases, demonyms, kind in rows:
        values = {
            "name": str(name),
            "aliases": "\n".join(aliases),
            "demonyms": "\n".join(demonyms),
            "kind": kind,
        }
        country = existing.get(code)
        if country is None:
            Country.objects.create(code=code, **values)
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
    return created, updated
