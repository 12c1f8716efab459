"""Every list page costs the same number of queries with 1 meeting as with 20.

A page that fetches one more row per meeting, official, venue or topic it shows gets slow as the
tracker grows; here each page is rendered with the seed meeting alone, then again after 19 more
meetings with more countries, officials, venues, topics and occasions, and the counts compared.
"""

import datetime
import itertools
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Country, Occasion, Official, Position, Topic, Venue

pytestmark = pytest.mark.django_db

D = datetime.date

MEETING = "the seed meeting's own page"
API_MEETING = "the seed meeting in the API"

URLS = [
    "/",
    "/meetings/",
    "/meetings/?country=in&country=us&topic=trade",
    "/timeline/",
    "/timeline/?period=2020s",
    "/timeline/?period=2025",
    "/timeline/?period=2025-10",
    "/timeline/?period=2025-10-27",
    "/timeline/?country=in&country=us&period=2025-10",
    "/timeline/?topic=trade&period=2025",
    "/timeline/2025/",
    "/timeline/2025/10/",
    "/map/",
    "/map/?country=in",
    "/map/?country=in&country=us",
    "/countries/",
    "/countries/in/",
    "/countries/in/us/",
    "/officials/",
    "/officials/s-jaishankar/",
    "/topics/",
    "/topics/trade/",
    "/venues/",
    "/venues/kuala-lumpur/",
    "/occasions/",
    "/occasions/asean-summit-2025/",
    MEETING,
    "/meetings/?q=sidelines",  # a word of a summary: the search texts, ranked
    "/meetings/?q=Kuala",  # a name: its subject's listing, ranked
    "/meetings/?q=xqzvwk",  # nothing found: "did you mean" looks for a word
    "/api/v1/meetings/?q=sidelines",
    "/api/v1/",
    "/api/v1/meetings/",
    "/api/v1/meetings/?country=in&country=us&topic=trade",
    "/api/v1/meetings/?official=s-jaishankar&per_page=100",
    API_MEETING,
    "/api/v1/countries/",
    "/api/v1/countries/in/",
    "/api/v1/officials/",
    "/api/v1/officials/s-jaishankar/",
    "/api/v1/topics/",
    "/api/v1/topics/trade/",
    "/api/v1/venues/",
    "/api/v1/venues/kuala-lumpur/",
    "/api/v1/occasions/",
    "/api/v1/occasions/asean-summit-2025/",
]


def grow(jaishankar, rubio, wang_yi, make_meeting, kuala_lumpur, asean_summit, trade, defence):
    """Add 19 published meetings of 2–3 participants from 8 countries, at 6 venues."""
    countries = [
        Country.objects.create(code=code, name=name)
        for code, name in [
            ("JP", "Japan"),
            ("AU", "Australia"),
            ("FR", "France"),
            ("DE", "Germany"),
            ("BR", "Brazil"),
        ]
    ]
    officials = [jaishankar, rubio, wang_yi]
    for i, country in enumerate(countries):
        for j in range(2):
            official = Official.objects.create(
                name=f"Minister {i}-{j} of {country.name}", country=country
            )
            Position.objects.create(
                official=official,
                title=f"Minister number {j}",
                country=country,
                start=D(2020, 1, 1),
            )
            officials.append(official)
    venues = [kuala_lumpur] + [
        Venue.objects.create(name=f"{country.name} capital", country=country)
        for country in countries
    ]
    parent = Topic.objects.create(name="Security")
    topics = [trade, defence] + [
        Topic.objects.create(name=name, parent=parent)
        for name in ["Maritime security", "Cyber", "Climate", "Energy"]
    ]
    defence.parent = parent
    defence.save()
    occasions = [asean_summit] + [
        Occasion.objects.create(name=f"Summit {n}", start=D(2025, n, 1), venue=venues[n])
        for n in range(1, 4)
    ]
    others = officials[3:]
    pairs = itertools.cycle(
        [
            (jaishankar, rubio),  # the pair filtered on, with trade below
            (jaishankar, others[0], others[2]),
            (rubio, wang_yi, others[4]),
            (jaishankar, wang_yi),
            (others[1], others[3], rubio),
            (others[5], others[6]),
            (jaishankar, others[7], others[8]),
            (wang_yi, others[9]),
        ]
    )
    for n in range(19):
        make_meeting(
            *next(pairs),
            # several in October 2025, the rest over three years
            date=D(2025, 10, 1 + n) if n % 2 else D(2023 + n % 3, 1 + n % 12, 1 + n),
            venue=venues[n % len(venues)] if n % 5 else kuala_lumpur,
            occasion=occasions[n % len(occasions)] if n % 3 else None,
            topics=[topics[n % len(topics)], topics[(n + 1) % len(topics)]]
            + ([trade] if n % 2 == 0 else []),
            title=f"Meeting number {n}",
        )


@pytest.fixture
def grower(make_meeting, jaishankar, rubio, wang_yi, kuala_lumpur, asean_summit, trade, defence):
    """grow(), for a test to call when it wants the nineteen more meetings."""
    return lambda: grow(
        jaishankar, rubio, wang_yi, make_meeting, kuala_lumpur, asean_summit, trade, defence
    )


def queries_for(client, url: str) -> int:
    cache.clear()  # what pages cache is read in both counts
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("url", URLS)
def test_a_page_costs_the_same_queries_with_twenty_meetings_as_with_one(
    client,
    seed_meeting,
    grower,
    url,
):
    if url == MEETING:
        url = seed_meeting.get_absolute_url()
    elif url == API_MEETING:
        url = f"/api/v1/meetings/{seed_meeting.pk}/"
    client.get(url)  # anything cached once per process is cached now
    with_one = queries_for(client, url)

    grower()
    with_twenty = queries_for(client, url)

    assert with_twenty == with_one, (
        f"{url}: {with_one} queries with 1 meeting, {with_twenty} with 20"
    )


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("/", 12),
        ("/meetings/", 20),
        ("/meetings/?country=in&country=us&topic=trade", 4),
        ("/timeline/2025/10/", 10),
        ("/countries/in/", 11),
        ("/countries/in/us/", 4),
        ("/officials/s-jaishankar/", 11),
        ("/topics/trade/", 14),
        ("/venues/kuala-lumpur/", 8),
    ],
)
def test_the_grown_pages_really_list_the_new_meetings(
    client,
    seed_meeting,
    grower,
    url,
    shown,
):
    """The comparison above means something only if the pages show many rows."""
    grower()

    response = client.get(url)

    assert response.status_code == 200
    assert len(set(re.findall(r'href="/meetings/(\d+)/"', response.text))) == shown


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("/api/v1/meetings/", 20),
        ("/api/v1/meetings/?country=in&country=us&topic=trade", 4),
        ("/api/v1/meetings/?official=s-jaishankar&per_page=100", 11),
        ("/api/v1/officials/", 13),
        ("/api/v1/topics/", 7),
        ("/api/v1/venues/", 6),
        ("/api/v1/occasions/", 4),
    ],
)
def test_the_grown_api_lists_really_list_the_new_things(
    client,
    seed_meeting,
    grower,
    url,
    shown,
):
    """The API's counts above mean something only if its lists hold many items."""
    grower()

    response = client.get(url)

    assert response.status_code == 200
    assert len(response.json()["results"]) == shown
