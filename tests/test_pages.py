"""Every public page answers, shows what it is about, and refuses what is not there."""

import datetime
import html
import re

import pytest
from pytest_django.asserts import assertRedirects

from meetings.models import Meeting, Occasion, Official, Position, Topic, Venue

pytestmark = pytest.mark.django_db

D = datetime.date


def listed(response) -> set[int]:
    """The ids of the meetings a page links to."""
    return {int(pk) for pk in re.findall(r'href="/meetings/(\d+)/"', response.text)}


def ids(*meetings: Meeting) -> set[int]:
    return {m.pk for m in meetings}


def text_of(fragment: str) -> str:
    """What a reader sees of a piece of HTML: its text, tags dropped, spaces collapsed."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r" ([,.;:])", r"\1", text)


def heading(response) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S)
    return text_of(found.group(1)) if found else ""


def section(response, heading_id: str) -> str:
    """The HTML of the section headed by the element with id heading_id."""
    start = response.text.index(f'id="{heading_id}"')
    end = response.text.find("</section>", start)
    return response.text[start : end if end != -1 else None]


def elements(fragment: str, tag: str) -> list[str]:
    """Each <tag> element of fragment (not nested ones), as HTML."""
    return [
        chunk.split(f"</{tag}>")[0]
        for chunk in re.split(rf"(?=<{tag}[\s>])", fragment)
        if re.match(rf"<{tag}[\s>]", chunk)
    ]


def item(fragment: str, tag: str, href: str, *, exact: bool = False) -> str | None:
    """The text of the first <tag> (li, tr) of fragment that links to href, or None."""
    tail = "" if exact else r'(\?[^"]*)?'
    for element in elements(fragment, tag):
        if re.search(rf'href="{re.escape(href)}{tail}"', element):
            return text_of(element)
    return None


def links(fragment: str) -> dict[str, str]:
    """Each link of fragment, address to text."""
    found = re.findall(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', fragment, re.S)
    return {html.unescape(href): text_of(text) for href, text in found}


def rel_link(response, rel: str) -> str | None:
    """The address of the link marked rel="prev" or rel="next", if there is one."""
    for tag in re.findall(r"<a\b[^>]*>", response.text):
        if re.search(rf'\brel="{rel}"', tag):
            return html.unescape(re.search(r'href="([^"]*)"', tag).group(1))
    return None


def year_counts(response) -> dict[int, int]:
    """The meetings-per-year table, as {year: count}."""
    counts = {}
    for row in elements(section(response, "years-heading"), "tr"):
        found = re.fullmatch(r"(\d{4}) (\d+)", text_of(row))
        if found:
            counts[int(found.group(1))] = int(found.group(2))
    return counts


@pytest.fixture
def new_delhi(india):
    return Venue.objects.create(name="New Delhi", slug="new-delhi", country=india)


@pytest.fixture
def world(
    seed_meeting,
    make_meeting,
    jaishankar,
    rubio,
    wang_yi,
    washington,
    kuala_lumpur,
    new_delhi,
    trade,
    defence,
):
    """India–US meetings in 2023, 2024 and 2025 around the seed meeting, and others' meetings."""
    return {
        "seed": seed_meeting,
        # Rubio was a senator then
        "in-us-2024": make_meeting(
            jaishankar,
            rubio,
            date=D(2024, 3, 26),
            venue=washington,
            topics=[trade],
            title="Jaishankar calls on Senator Rubio",
        ),
        "in-us-2023": make_meeting(
            jaishankar, rubio, date=D(2023, 9, 28), venue=washington, title="Talks at the Capitol"
        ),
        "in-us-later": make_meeting(
            jaishankar,
            rubio,
            date=D(2025, 12, 1),
            venue=new_delhi,
            topics=[defence],
            title="Rubio visits New Delhi",
        ),
        "in-cn": make_meeting(
            jaishankar,
            wang_yi,
            date=D(2025, 10, 28),
            venue=kuala_lumpur,
            topics=[trade],
            title="Jaishankar meets Wang Yi in Kuala Lumpur",
        ),
        "us-cn": make_meeting(
            rubio,
            wang_yi,
            date=D(2025, 10, 26),
            venue=kuala_lumpur,
            title="Rubio meets Wang Yi in Kuala Lumpur",
        ),
        "draft": make_meeting(
            jaishankar,
            rubio,
            date=D(2025, 10, 29),
            venue=kuala_lumpur,
            status=Meeting.Status.DRAFT,
            title="An unchecked draft",
        ),
    }


# Every page answers with content


def test_home_lists_the_latest_meetings_and_the_busiest_pair(client, world):
    response = client.get("/")

    assert response.status_code == 200
    assert "Jaishankar–Rubio talks in Kuala Lumpur" in response.text
    assert listed(response) == ids(*(m for k, m in world.items() if k != "draft"))
    assert "6 published meetings" in response.text
    assert "An unchecked draft" not in response.text
    pairs = elements(section(response, "pairs-heading"), "li")
    assert pairs, "no busiest pair shown"
    assert 'href="/countries/in/us/"' in pairs[0]
    assert "India" in text_of(pairs[0])
    assert "United States" in text_of(pairs[0])
    assert text_of(pairs[0]).endswith(" 4")


def test_home_counts_a_three_way_meeting_under_each_of_its_pairs(
    client, make_meeting, jaishankar, rubio, wang_yi
):
    make_meeting(jaishankar, rubio, wang_yi, title="Three-way talks")
    make_meeting(jaishankar, rubio, title="Two-way talks")

    pairs = section(client.get("/"), "pairs-heading")

    assert item(pairs, "li", "/countries/in/us/") == "IN India – US United States 2"
    assert item(pairs, "li", "/countries/cn/in/") == "CN China – IN India 1"
    assert item(pairs, "li", "/countries/cn/us/") == "CN China – US United States 1"
    assert len(elements(pairs, "li")) == 3


def test_home_lists_the_newest_meeting_first(client, world):
    text = client.get("/").text

    assert text.index("Rubio visits New Delhi") < text.index("Jaishankar–Rubio talks")
    assert text.index("Jaishankar–Rubio talks") < text.index("Talks at the Capitol")


def test_home_says_so_when_nothing_is_published(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert "No meetings are published yet" in response.text


def test_the_meeting_list_shows_published_meetings_newest_first(client, world):
    response = client.get("/meetings/")

    assert response.status_code == 200
    assert listed(response) == ids(*(m for k, m in world.items() if k != "draft"))
    assert "6 meetings" in response.text
    assert response.text.index("Rubio visits New Delhi") < response.text.index(
        "Talks at the Capitol"
    )


def test_the_meeting_page_shows_participants_venue_occasion_topics_and_source(client, world):
    meeting = world["seed"]
    source = meeting.meeting_sources.get()

    response = client.get(f"/meetings/{meeting.pk}/")

    assert response.status_code == 200
    text = response.text
    assert heading(response) == "Jaishankar–Rubio talks in Kuala Lumpur"
    assert "Trade and defence on the sidelines of the ASEAN summit." in text
    assert 'href="/officials/s-jaishankar/">S. Jaishankar</a>' in text
    assert "External Affairs Minister" in text
    assert 'href="/officials/marco-rubio/">Marco Rubio</a>' in text
    assert 'href="/venues/kuala-lumpur/">Kuala Lumpur</a>, Malaysia' in text
    assert 'href="/occasions/asean-summit-2025/">ASEAN Summit 2025</a>' in text
    assert 'href="/topics/trade/">Trade</a>' in text
    assert 'href="/topics/defence/">Defence</a>' in text
    assert source.source.citation in text
    assert "They met." in text_of(section(response, "sources-heading"))
    assert "27 Oct 2025" in text
    assert 'href="/countries/in/us/"' in text


def test_the_meeting_page_shows_the_title_each_participant_held_on_its_date(client, world):
    in_2024 = client.get(world["in-us-2024"].get_absolute_url()).text
    in_2025 = client.get(world["seed"].get_absolute_url()).text

    assert "Senator for Florida" in in_2024
    assert "Secretary of State" not in in_2024
    assert "Secretary of State" in in_2025
    assert "Senator for Florida" not in in_2025


def test_the_meeting_page_links_the_previous_and_next_meeting_of_the_same_pair(client, world):
    response = client.get(world["seed"].get_absolute_url())

    text = response.text
    assert rel_link(response, "prev") == world["in-us-2024"].get_absolute_url()
    assert rel_link(response, "next") == world["in-us-later"].get_absolute_url()
    # India–China met the next day and US–China the day before: neither is this pair
    assert world["in-cn"].get_absolute_url() not in text
    assert world["us-cn"].get_absolute_url() not in text
    # nor is an unpublished meeting of the pair two days later
    assert world["draft"].get_absolute_url() not in text


def test_the_first_meeting_of_a_pair_has_no_previous_one(client, world):
    response = client.get(world["in-us-2023"].get_absolute_url())

    assert "No earlier meeting recorded." in response.text
    assert rel_link(response, "prev") is None
    assert rel_link(response, "next") == world["in-us-2024"].get_absolute_url()


def test_the_last_meeting_of_a_pair_has_no_next_one(client, world):
    response = client.get(world["in-us-later"].get_absolute_url())

    assert "No later meeting recorded." in response.text
    assert rel_link(response, "next") is None
    assert rel_link(response, "prev") == world["seed"].get_absolute_url()


def test_a_draft_meetings_page_is_not_found(client, world):
    assert client.get(world["draft"].get_absolute_url()).status_code == 404


def test_the_timeline_lists_the_years_with_their_counts(client, world):
    response = client.get("/timeline/")

    assert response.status_code == 200
    assert 'href="/timeline/2025/"' in response.text
    assert year_counts(response) == {2025: 4, 2024: 1, 2023: 1}


def test_the_timeline_year_lists_month_counts_linking_to_each_month(client, world):
    response = client.get("/timeline/2025/")

    assert response.status_code == 200
    months = section(response, "months-heading")
    assert item(months, "li", "/timeline/2025/10/") == "October 3 meetings"
    assert item(months, "li", "/timeline/2025/12/") == "December 1 meeting"
    assert 'href="/timeline/2025/3/' not in months, "an empty month is not a link"
    assert "March no meetings" in " ".join(re.sub(r"<[^>]+>", " ", months).split())
    assert listed(response) == ids(
        world["seed"], world["in-cn"], world["us-cn"], world["in-us-later"]
    )
    assert "Talks at the Capitol" not in response.text


def test_the_timeline_month_lists_that_months_meetings_only(client, world):
    response = client.get("/timeline/2025/10/")

    assert response.status_code == 200
    assert heading(response) == "October 2025"
    assert listed(response) == ids(world["seed"], world["in-cn"], world["us-cn"])
    # the nearest months with meetings: none earlier in 2025, so the year before
    assert rel_link(response, "prev") == "/timeline/2024/"
    assert rel_link(response, "next") == "/timeline/2025/12/"


def test_the_timeline_year_accepts_the_list_filters(client, world):
    response = client.get("/timeline/2025/?country=in&country=us")

    assert response.status_code == 200
    assert listed(response) == ids(world["seed"], world["in-us-later"])
    assert "Rubio meets Wang Yi" not in response.text
    months = section(response, "months-heading")
    october = item(months, "li", "/timeline/2025/10/?country=in&amp;country=us", exact=True)
    assert october == "October 1 meeting", "the month links keep the filters, count only the pair"


def test_the_timeline_month_accepts_the_list_filters(client, world):
    response = client.get("/timeline/2025/10/?country=cn")

    assert response.status_code == 200
    assert listed(response) == ids(world["in-cn"], world["us-cn"])


def test_the_timeline_accepts_the_list_filters(client, world):
    response = client.get("/timeline/?country=cn&country=us")

    assert response.status_code == 200
    assert year_counts(response) == {2025: 1}


def test_the_countries_page_ranks_countries_by_meetings(client, world, malaysia):
    response = client.get("/countries/")

    assert response.status_code == 200
    # India and the US took part in 5, China in 2; Malaysia hosted but took no part
    assert item(response.text, "tr", "/countries/in/") == "IN India 5"
    assert item(response.text, "tr", "/countries/us/") == "US United States 5"
    assert item(response.text, "tr", "/countries/cn/") == "CN China 2"
    assert response.text.index('href="/countries/in/"') < response.text.index(
        'href="/countries/cn/"'
    )
    quiet = response.text.split("No meetings recorded yet")[1]
    assert links(quiet).get("/countries/my/") == "Malaysia"


def test_the_country_page_ranks_its_partners_with_links_to_the_pairs(client, world):
    response = client.get("/countries/in/")

    assert response.status_code == 200
    assert heading(response) == "IN India"
    assert "5 published meetings" in text_of(response.text)
    partners = section(response, "partners-heading")
    assert item(partners, "li", "/countries/in/us/") == "US United States 4"
    assert item(partners, "li", "/countries/cn/in/") == "CN China 1"
    assert partners.index("/countries/in/us/") < partners.index("/countries/cn/in/")
    assert listed(response) == ids(
        world["seed"],
        world["in-us-2024"],
        world["in-us-2023"],
        world["in-us-later"],
        world["in-cn"],
    )
    assert "Rubio meets Wang Yi" not in response.text


def test_the_country_page_lists_only_its_own_officials(client, world):
    response = client.get("/countries/in/")

    officials = section(response, "officials-heading")
    assert item(officials, "li", "/officials/s-jaishankar/") == "S. Jaishankar IN 5"
    assert "Marco Rubio" not in officials
    assert "Wang Yi" not in officials


def test_the_pair_page_shows_years_topics_venues_officials_and_only_that_pair(client, world):
    response = client.get("/countries/in/us/")

    assert response.status_code == 200
    assert heading(response) == "IN India and US United States"
    assert "4 published meetings in which both took part" in text_of(response.text)
    assert year_counts(response) == {2023: 1, 2024: 1, 2025: 2}
    topics = section(response, "topics-heading")
    assert item(topics, "tr", "/topics/trade/") == "Trade 2"
    assert item(topics, "tr", "/topics/defence/") == "Defence 2"
    venues = section(response, "venues-heading")
    assert item(venues, "li", "/venues/washington/") == "Washington, United States 2"
    assert item(venues, "li", "/venues/kuala-lumpur/") == "Kuala Lumpur, Malaysia 1"
    assert item(venues, "li", "/venues/new-delhi/") == "New Delhi, India 1"
    officials = section(response, "officials-heading")
    assert item(officials, "li", "/officials/s-jaishankar/") == "S. Jaishankar IN 4"
    assert item(officials, "li", "/officials/marco-rubio/") == "Marco Rubio US 4"
    assert "Wang Yi" not in officials
    assert listed(response) == ids(
        world["seed"], world["in-us-2024"], world["in-us-2023"], world["in-us-later"]
    )


def test_a_pair_without_meetings_says_so(client, world, malaysia):
    response = client.get("/countries/in/my/")

    assert response.status_code == 200
    assert "No meetings between India and Malaysia are recorded yet" in text_of(response.text)
    assert listed(response) == set()


def test_the_officials_directory_lists_officials_with_their_counts(client, world):
    response = client.get("/officials/")

    assert response.status_code == 200
    assert item(response.text, "tr", "/officials/s-jaishankar/") == "S. Jaishankar IN India 5"
    assert item(response.text, "tr", "/officials/marco-rubio/") == (
        "Marco Rubio US United States 5"
    )
    assert item(response.text, "tr", "/officials/wang-yi/") == "Wang Yi CN China 2"


def test_the_official_page_lists_positions_and_meetings(client, world):
    response = client.get("/officials/marco-rubio/")

    assert response.status_code == 200
    assert heading(response) == "Marco Rubio"
    positions = text_of(section(response, "positions-heading"))
    assert "Senator for Florida, United States 3 Jan 2011 20 Jan 2025" in positions
    assert "Secretary of State, United States 21 Jan 2025 now" in positions
    assert listed(response) == ids(
        world["seed"],
        world["in-us-2024"],
        world["in-us-2023"],
        world["in-us-later"],
        world["us-cn"],
    )
    assert "Jaishankar meets Wang Yi" not in response.text


def test_the_official_page_ranks_the_officials_met_most_often(client, world):
    response = client.get("/officials/marco-rubio/")

    counterparts = section(response, "officials-heading")
    assert item(counterparts, "li", "/officials/s-jaishankar/") == "S. Jaishankar IN 4"
    assert item(counterparts, "li", "/officials/wang-yi/") == "Wang Yi CN 1"
    assert counterparts.index("S. Jaishankar") < counterparts.index("Wang Yi")
    assert "/officials/marco-rubio/" not in counterparts


def test_the_topics_directory_lists_topics_with_their_counts(client, world):
    response = client.get("/topics/")

    assert response.status_code == 200
    assert item(response.text, "tr", "/topics/trade/") == "Trade 3"
    assert item(response.text, "tr", "/topics/defence/") == "Defence 2"


def test_the_topic_page_lists_its_meetings_including_those_on_subtopics(
    client, world, make_meeting, jaishankar, rubio, trade
):
    tariffs = Topic.objects.create(name="Tariffs", slug="tariffs", parent=trade)
    on_tariffs = make_meeting(
        jaishankar, rubio, date=D(2025, 2, 2), topics=[tariffs], title="Tariff talks"
    )

    response = client.get("/topics/trade/")

    assert response.status_code == 200
    assert heading(response) == "Trade"
    assert "4 published meetings on this topic or its subtopics" in text_of(response.text)
    assert links(response.text).get("/topics/tariffs/") == "Tariffs"
    assert listed(response) == ids(world["seed"], world["in-us-2024"], world["in-cn"], on_tariffs)
    assert "Rubio visits New Delhi" not in response.text


def test_the_venues_directory_lists_venues_with_their_counts(client, world):
    response = client.get("/venues/")

    assert response.status_code == 200
    assert item(response.text, "tr", "/venues/kuala-lumpur/") == "Kuala Lumpur MY Malaysia 3"
    assert item(response.text, "tr", "/venues/washington/") == "Washington US United States 2"


def test_the_venue_page_lists_the_meetings_held_there_only(client, world):
    response = client.get("/venues/kuala-lumpur/")

    assert response.status_code == 200
    assert heading(response) == "Kuala Lumpur"
    assert "3 published meetings" in text_of(response.text)
    assert links(response.text).get("/occasions/asean-summit-2025/") == "ASEAN Summit 2025"
    assert listed(response) == ids(world["seed"], world["in-cn"], world["us-cn"])


def test_the_occasions_directory_lists_occasions(client, world):
    response = client.get("/occasions/")

    assert response.status_code == 200
    assert item(response.text, "tr", "/occasions/asean-summit-2025/") == (
        "ASEAN Summit 2025 Oct 2025, Kuala Lumpur 1"
    )


def test_the_occasion_page_lists_the_meetings_on_its_sidelines(client, world):
    response = client.get("/occasions/asean-summit-2025/")

    assert response.status_code == 200
    assert heading(response) == "ASEAN Summit 2025"
    text = text_of(response.text)
    assert "26 Oct 2025 – 28 Oct 2025" in text
    assert "1 published meeting on its sidelines" in text
    assert listed(response) == ids(world["seed"])
    assert item(section(response, "pairs-heading"), "li", "/countries/in/us/") == (
        "India – United States 1"
    )


def test_an_occasion_held_nowhere_recorded_has_its_page(client, make_meeting, jaishankar, rubio):
    Occasion.objects.create(name="Telephone diplomacy week", slug="phone-week")
    make_meeting(jaishankar, rubio, occasion=Occasion.objects.get(slug="phone-week"))

    response = client.get("/occasions/phone-week/")

    assert response.status_code == 200
    assert heading(response) == "Telephone diplomacy week"
    assert "1 published meeting on its sidelines" in text_of(response.text)


# Addresses that redirect


def test_a_pair_in_the_wrong_order_redirects_permanently_to_the_right_one(client, world):
    response = client.get("/countries/us/in/")

    assertRedirects(response, "/countries/in/us/", status_code=301)


def test_a_country_code_in_capitals_redirects_permanently_to_lower_case(client, world):
    response = client.get("/countries/IN/")

    assertRedirects(response, "/countries/in/", status_code=301)


def test_a_pair_in_capitals_redirects_permanently_to_lower_case(client, world):
    response = client.get("/countries/US/IN/")

    assertRedirects(response, "/countries/in/us/", status_code=301)


# Addresses that are not there


@pytest.mark.parametrize(
    "url",
    [
        "/countries/in/in/",
        "/countries/IN/in/",
        "/countries/zz/",
        "/countries/in/zz/",
        "/officials/nobody/",
        "/venues/nowhere/",
        "/topics/nope/",
        "/occasions/nope/",
        "/meetings/999999/",
        "/timeline/2025/13/",
        "/timeline/2025/0/",
        "/timeline/99999/",
    ],
)
def test_an_address_for_nothing_is_not_found(client, world, url):
    response = client.get(url)

    assert response.status_code == 404
    assert heading(response) == "Not found"


def test_an_unknown_country_in_a_pair_ends_not_found(client, world):
    """zz/us is first put in order (us/zz), which is then not found."""
    response = client.get("/countries/zz/us/", follow=True)

    assert response.status_code == 404
    assert heading(response) == "Not found"


# Security headers and escaping


TITLE = "Jaishankar–Rubio talks in Kuala Lumpur"

# each page, and what shows it is about the seed meeting or what it touches
PAGES = {
    "/": TITLE,
    "/meetings/": TITLE,
    "MEETING": TITLE,
    "/timeline/": 'href="/timeline/2025/">2025</a>',
    "/timeline/2025/": TITLE,
    "/timeline/2025/10/": TITLE,
    "/countries/": 'href="/countries/in/">India</a>',
    "/countries/in/": TITLE,
    "/countries/in/us/": TITLE,
    "/officials/": 'href="/officials/marco-rubio/">Marco Rubio</a>',
    "/officials/s-jaishankar/": TITLE,
    "/topics/": 'href="/topics/defence/">Defence</a>',
    "/topics/trade/": TITLE,
    "/venues/": 'href="/venues/kuala-lumpur/">Kuala Lumpur</a>',
    "/venues/kuala-lumpur/": TITLE,
    "/occasions/": 'href="/occasions/asean-summit-2025/">ASEAN Summit 2025</a>',
    "/occasions/asean-summit-2025/": TITLE,
}


@pytest.mark.parametrize(("url", "expected"), PAGES.items())
def test_every_page_answers_with_what_it_is_about(client, seed_meeting, url, expected):
    url = seed_meeting.get_absolute_url() if url == "MEETING" else url

    response = client.get(url)

    assert response.status_code == 200
    assert expected in response.text


@pytest.mark.parametrize("url", [*PAGES, "/meetings/999999/", "/meetings/?country=zz"])
def test_every_page_is_served_under_a_strict_content_security_policy(client, seed_meeting, url):
    url = seed_meeting.get_absolute_url() if url == "MEETING" else url

    response = client.get(url)

    policy = response.headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_no_page_carries_inline_script(client, seed_meeting):
    for url in PAGES:
        url = seed_meeting.get_absolute_url() if url == "MEETING" else url
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", client.get(url).text, re.S)
        assert all('src="/static/' in attributes for attributes, _ in scripts), url
        assert all(not body.strip() for _, body in scripts), url


@pytest.fixture
def hostile(make_meeting, jaishankar, rubio):
    return make_meeting(jaishankar, rubio, title="<script>alert(1)</script>")


@pytest.mark.parametrize("where", ["list", "detail", "home", "official"])
def test_a_title_with_markup_is_shown_as_text(client, hostile, where):
    url = {
        "list": "/meetings/",
        "detail": hostile.get_absolute_url(),
        "home": "/",
        "official": "/officials/s-jaishankar/",
    }[where]

    response = client.get(url)

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_a_search_with_markup_is_echoed_as_text(client, seed_meeting):
    response = client.get("/meetings/", {"q": '"><script>alert(1)</script>'})

    assert response.status_code == 200
    assert "<script>" not in response.text
    boxes = re.findall(r'<input\b[^>]*name="q"[^>]*value="([^"]*)"', response.text)
    assert boxes and all(html.unescape(v) == '"><script>alert(1)</script>' for v in boxes)


def test_an_official_without_positions_says_so(client, world, make_meeting, india, rubio):
    nobody = Official.objects.create(name="Nobody Yet", slug="nobody-yet", country=india)
    make_meeting(nobody, rubio, title="A meeting of someone without a recorded post")

    response = client.get("/officials/nobody-yet/")

    assert response.status_code == 200
    assert "No positions recorded." in response.text


def test_an_official_only_drafts_name_has_no_public_page(client, world, make_meeting, india, rubio):
    newcomer = Official.objects.create(name="Draft Only", slug="draft-only", country=india)
    make_meeting(newcomer, rubio, status=Meeting.Status.DRAFT)

    assert client.get("/officials/draft-only/").status_code == 404
    unknown = client.get("/meetings/?official=no-such-person")
    drafted = client.get("/meetings/?official=draft-only")
    assert "Draft Only" not in drafted.text
    # the message is the one an unknown official gets: nothing tells them apart
    assert drafted.text.replace("draft-only", "X") == unknown.text.replace("no-such-person", "X")


def test_a_participant_without_a_position_shows_no_made_up_title(
    client, make_meeting, india, rubio
):
    newcomer = Official.objects.create(name="A Newcomer", slug="a-newcomer", country=india)
    Position.objects.create(
        official=newcomer, title="Ambassador", country=india, start=D(2030, 1, 1)
    )
    meeting = make_meeting(newcomer, rubio, date=D(2025, 10, 27))

    response = client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert "Ambassador" not in response.text
    assert "title not recorded" in response.text
