"""A seeded URL fuzzer over every public page kind: real addresses of the demo data, mutated
with hostile values in the path and the query. No answer may be a 5xx.

FUZZ_REQUESTS (default 2,000) and FUZZ_SEED (default 1) set the run; a failure names the
addresses, so it can be replayed with the same seed.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from urllib.parse import quote

import pytest
from django.test import Client

from meetings.models import Country, Meeting, Occasion, Official, Topic, Venue
from tests.intake_fixtures import world_loaded

REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "2000"))
SEED = int(os.environ.get("FUZZ_SEED", "1"))

# Path pieces and query values a hostile visitor tries. Percent-encoded where a raw byte would
# not travel in an address.
HOSTILE = [
    "",
    "0",
    "-1",
    "00",
    "1e9",
    "99999999999999999999999999",
    "-99999999999999999999",
    "NaN",
    "inf",
    "null",
    "true",
    "%00",
    "a%00b",
    "%ff",
    "%c3%28",
    "%",
    "%G1",
    "%25",
    "%2e%2e",
    "..%2f..%2fetc%2fpasswd",
    "%0d%0aSet-Cookie:%20x=1",
    "%e2%80%ae",
    "%ef%bb%bf",
    "%f0%9f%92%a5",
    "%c4%b0",
    "'",
    "%22",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "%27%20OR%201=1--",
    "a" * 300,
    "x" * 5000,
    "ZZ",
    "zz",
    "xxxx",
    "DDDR",
    "us",
    "US",
    "in%20",
    "+",
    "%20",
    "2025-13-45",
    "0000-00-00",
    "9999-12-31",
    "-2025-01-01",
    "2025-02-30",
    "1900-01-01",
    "yesterday",
    "call",
    "in-person",
    "virtual",
    "telepathy",
]
PARAMS = ["country", "venue", "topic", "issue", "official", "kind", "occasion", "from", "to"]
PARAMS += ["q", "page", "year", "o", "sort", "format"]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The demo data set, once for the module."""
    with world_loaded(django_db_blocker, demo=True, places=False):
        yield


@pytest.fixture(scope="module")
def known(world, django_db_blocker) -> dict[str, list[str]]:
    """Real values for each kind of path piece and filter."""
    with django_db_blocker.unblock():
        published = Meeting.objects.published()
        return {
            "id": [str(pk) for pk in published.values_list("pk", flat=True)[:50]]
            + [
                str(pk)
                for pk in Meeting.objects.exclude(status="published").values_list("pk", flat=True)[
                    :5
                ]
            ],
            "cc": [c.lower() for c in Country.objects.values_list("code", flat=True)[:300]],
            "official": list(Official.objects.values_list("slug", flat=True)[:200]),
            "topic": list(Topic.objects.values_list("slug", flat=True)[:100]),
            "venue": list(Venue.objects.values_list("slug", flat=True)[:100]),
            "occasion": list(Occasion.objects.values_list("slug", flat=True)[:100]),
            "year": [str(y) for y in range(1895, 2031)],
            "month": [str(m) for m in range(0, 14)],
            "kind": ["in-person", "call", "virtual"],
            "date": ["2025-01-01", "2024-12-31", "2025-10-27", "2000-02-29"],
            "page": ["1", "2", "3", "500", "501"],
        }


# Each public page kind: its path with {pieces} filled from `known`.
PAGES = {
    "home": "/",
    "about": "/about/",
    "list": "/meetings/",
    "meeting": "/meetings/{id}/",
    "timeline": "/timeline/",
    "year": "/timeline/{year}/",
    "month": "/timeline/{year}/{month}/",
    "countries": "/countries/",
    "country": "/countries/{cc}/",
    "pair": "/countries/{cc}/{cc}/",
    "officials": "/officials/",
    "official": "/officials/{official}/",
    "topics": "/topics/",
    "topic": "/topics/{topic}/",
    "venues": "/venues/",
    "venue": "/venues/{venue}/",
    "occasions": "/occasions/",
    "occasion": "/occasions/{occasion}/",
    "old-topics": "/issues/",
    "old-topic": "/issues/{topic}/",
    "api-meetings": "/api/v1/meetings/",
    "api-meeting": "/api/v1/meetings/{id}/",
    "api-countries": "/api/v1/countries/",
    "api-country": "/api/v1/countries/{cc}/",
    "api-officials": "/api/v1/officials/",
    "api-official": "/api/v1/officials/{official}/",
    "api-topic": "/api/v1/topics/{topic}/",
    "api-venue": "/api/v1/venues/{venue}/",
}
FILTER_VALUES = {
    "country": "cc",
    "venue": "venue",
    "topic": "topic",
    "issue": "topic",
    "official": "official",
    "kind": "kind",
    "occasion": "occasion",
    "from": "date",
    "to": "date",
    "page": "page",
    "year": "year",
}


def piece(rng: random.Random, known: dict, kind: str, hostile: float) -> str:
    if rng.random() < hostile:
        return rng.choice(HOSTILE)
    return quote(rng.choice(known[kind]), safe="")


def address(rng: random.Random, known: dict) -> tuple[str, str]:
    """A page kind and an address of it, more or less hostile."""
    kind = rng.choice(list(PAGES))
    path = PAGES[kind]
    hostile = rng.choice([0.0, 0.1, 0.5])
    while "{" in path:
        start = path.index("{")
        end = path.index("}", start)
        path = path[:start] + piece(rng, known, path[start + 1 : end], hostile) + path[end + 1 :]
    pairs = []
    for _ in range(rng.choice([0, 0, 1, 2, 3, 5])):
        name = rng.choice(PARAMS) if rng.random() > 0.05 else rng.choice(HOSTILE) or "x"
        source = FILTER_VALUES.get(name)
        if source and rng.random() > hostile:
            value = quote(rng.choice(known[source]), safe="")
        else:
            value = rng.choice(HOSTILE)
        pairs.append(f"{name}={value}")
    if rng.random() < 0.03:
        pairs.append(rng.choice(["&&&", "=", "==x", "page", "%", "a=%zz"]))
    return kind, path + (("?" + "&".join(pairs)) if pairs else "")


@pytest.mark.django_db
def test_no_public_address_answers_a_server_error(known, settings):
    settings.API_RATE_LIMIT = 0  # one visitor asks thousands of times
    rng = random.Random(SEED)
    visitor = Client(raise_request_exception=False)
    errors: list[str] = []
    answered: dict[str, Counter] = {kind: Counter() for kind in PAGES}
    for _ in range(REQUESTS):
        kind, url = address(rng, known)
        response = visitor.get(url)
        answered[kind][response.status_code] += 1
        if response.status_code >= 500:
            errors.append(f"{response.status_code} {url}")
    assert not errors, (
        f"{len(errors)} of {REQUESTS} addresses (seed {SEED}) answered a server error:\n"
        + "\n".join(errors[:30])
    )
    # the fuzzer reached the pages themselves (or their redirects), not only their 404s
    never_shown = [
        kind for kind, statuses in answered.items() if not any(s < 400 for s in statuses)
    ]
    assert not never_shown, f"no address of these kinds was answered: {never_shown}"
