"""The filters of /meetings/: each alone, together, with bad input, and across pages.

Which meetings a page lists is read from the HTML: every listed meeting links to /meetings/<id>/.
"""

import datetime
import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from meetings.models import Meeting, Occasion, Official, Position, Topic, Venue

pytestmark = pytest.mark.django_db

D = datetime.date


def listed(response) -> set[int]:
    """The ids of the meetings a page links to."""
    return {int(pk) for pk in re.findall(r'href="/meetings/(\d+)/"', response.text)}


def ids(*meetings: Meeting) -> set[int]:
    return {m.pk for m in meetings}


def field_error(response, name: str) -> str:
    """The error shown next to the filter field called name, or "" when there is none. Its id is
    the one Django's aria-describedby names (id_from_error), or country-error for the countries."""
    ids = f"(?:{name}-error|id_{name}_error)"
    found = re.search(rf'<(\w+)\b[^>]*\bid="{ids}"[^>]*>(.*?)</\1>', response.text, re.S)
    if not found:
        return ""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(2))).split())


def chosen_countries(response) -> set[str]:
    """The countries the filter form's country boxes show."""
    boxes = re.findall(r'<input\b[^>]*\bname="country"[^>]*\bvalue="([^"]*)"', response.text)
    return {html.unescape(value) for value in boxes if value}


@pytest.fixture
def singh(india):
    """A second Indian official, so that India's meetings are not all Jaishankar's."""
    official = Official.objects.create(name="Rajnath Singh", slug="rajnath-singh", country=india)
    Position.objects.create(
        official=official, title="Defence Minister", country=india, start=D(2019, 5, 31)
    )
    return official


@pytest.fixture
def new_delhi(india):
    return Venue.objects.create(name="New Delhi", slug="new-delhi", country=india)


@pytest.fixture
def tariffs(trade):
    return Topic.objects.create(name="Tariffs", slug="tariffs", parent=trade)


@pytest.fixture
def three_pairs(make_meeting, jaishankar, rubio, wang_yi, singh, kuala_lumpur, washington):
    """India–US, India–China, US–China, and India–US–China together."""
    return {
        "in-us": make_meeting(
            jaishankar, rubio, date=D(2025, 3, 1), venue=washington, title="India US talks"
        ),
        "in-cn": make_meeting(
            singh, wang_yi, date=D(2025, 4, 1), venue=kuala_lumpur, title="India China talks"
        ),
        "us-cn": make_meeting(
            rubio, wang_yi, date=D(2025, 5, 1), venue=kuala_lumpur, title="US China talks"
        ),
        "in-us-cn": make_meeting(
            jaishankar, rubio, wang_yi, date=D(2025, 6, 1), title="Three-way talks"
        ),
    }


# Unfiltered


def test_the_unfiltered_list_shows_every_published_meeting_and_no_draft(
    client, make_meeting, jaishankar, rubio
):
    published = make_meeting(jaishankar, rubio, title="Published talks")
    draft = make_meeting(
        jaishankar, rubio, status=Meeting.Status.DRAFT, title="Draft talks not yet checked"
    )

    response = client.get("/meetings/")

    assert response.status_code == 200
    assert listed(response) == ids(published)
    assert "Published talks" in response.text
    assert "Draft talks not yet checked" not in response.text
    assert draft.get_absolute_url() not in response.text


# Countries


def test_one_country_lists_every_meeting_it_took_part_in(client, three_pairs):
    response = client.get("/meetings/?country=in")

    assert response.status_code == 200
    assert listed(response) == ids(
        three_pairs["in-us"], three_pairs["in-cn"], three_pairs["in-us-cn"]
    )
    assert "US China talks" not in response.text


def test_two_countries_list_only_the_meetings_both_took_part_in(client, three_pairs):
    response = client.get("/meetings/?country=in&country=us")

    assert response.status_code == 200
    assert listed(response) == ids(three_pairs["in-us"], three_pairs["in-us-cn"])


def test_a_trilateral_meeting_appears_under_each_of_its_pairs(client, three_pairs):
    trilateral = three_pairs["in-us-cn"].pk

    assert trilateral in listed(client.get("/meetings/?country=in&country=us"))
    assert trilateral in listed(client.get("/meetings/?country=us&country=cn"))
    assert trilateral in listed(client.get("/meetings/?country=cn&country=in"))
    assert listed(client.get("/meetings/?country=in&country=us&country=cn")) == {trilateral}


@pytest.mark.parametrize(
    "query", ["country=IN&country=US", "country=In&country=uS", "country=in&country=us"]
)
def test_country_codes_are_read_in_any_case(client, three_pairs, query):
    response = client.get(f"/meetings/?{query}")

    assert response.status_code == 200
    assert listed(response) == ids(three_pairs["in-us"], three_pairs["in-us-cn"])
    assert field_error(response, "country") == ""


def test_the_chosen_countries_stay_in_the_filter_form_by_name(client, three_pairs):
    response = client.get("/meetings/?country=IN&country=us")

    assert chosen_countries(response) == {"India", "United States"}


def test_an_empty_second_country_slot_is_ignored(client, three_pairs):
    """The form always sends two country selects; a blank one means "any country"."""
    response = client.get("/meetings/?country=in&country=")

    assert response.status_code == 200
    assert listed(response) == ids(
        three_pairs["in-us"], three_pairs["in-cn"], three_pairs["in-us-cn"]
    )


# Venue, topic, official, kind, occasion


def test_venue_lists_only_the_meetings_held_there(client, three_pairs):
    response = client.get("/meetings/?venue=kuala-lumpur")

    assert response.status_code == 200
    assert listed(response) == ids(three_pairs["in-cn"], three_pairs["us-cn"])


def test_topic_lists_the_meetings_on_it(client, make_meeting, jaishankar, rubio, trade, defence):
    on_trade = make_meeting(jaishankar, rubio, topics=[trade], title="Trade talks")
    on_both = make_meeting(jaishankar, rubio, topics=[trade, defence], title="Broad talks")
    make_meeting(jaishankar, rubio, topics=[defence], title="Defence talks")
    make_meeting(jaishankar, rubio, title="Talks on nothing recorded")

    response = client.get("/meetings/?topic=trade")

    assert response.status_code == 200
    assert listed(response) == ids(on_trade, on_both)


def test_a_broader_topic_includes_the_meetings_on_its_subtopics(
    client, make_meeting, jaishankar, rubio, trade, tariffs, defence
):
    on_trade = make_meeting(jaishankar, rubio, topics=[trade], title="Trade talks")
    on_tariffs = make_meeting(jaishankar, rubio, topics=[tariffs], title="Tariff talks")
    make_meeting(jaishankar, rubio, topics=[defence], title="Defence talks")

    assert listed(client.get("/meetings/?topic=trade")) == ids(on_trade, on_tariffs)
    # and the narrower topic keeps to itself
    assert listed(client.get("/meetings/?topic=tariffs")) == ids(on_tariffs)


def test_official_lists_only_the_meetings_they_took_part_in(client, three_pairs):
    response = client.get("/meetings/?official=s-jaishankar")

    assert response.status_code == 200
    assert listed(response) == ids(three_pairs["in-us"], three_pairs["in-us-cn"])


def test_kind_lists_only_meetings_of_that_kind(client, make_meeting, jaishankar, rubio):
    call = make_meeting(jaishankar, rubio, kind=Meeting.Kind.CALL, title="A phone call")
    make_meeting(jaishankar, rubio, kind=Meeting.Kind.IN_PERSON, title="Face to face")
    make_meeting(jaishankar, rubio, kind=Meeting.Kind.VIRTUAL, title="On a screen")

    response = client.get("/meetings/?kind=call")

    assert response.status_code == 200
    assert listed(response) == ids(call)
    assert "A phone call" in response.text


def test_occasion_lists_only_meetings_on_its_sidelines(
    client, make_meeting, jaishankar, rubio, wang_yi, asean_summit, kuala_lumpur
):
    other = Occasion.objects.create(name="G20 Summit 2025", slug="g20-summit-2025")
    at_asean = make_meeting(jaishankar, rubio, occasion=asean_summit, venue=kuala_lumpur)
    make_meeting(rubio, wang_yi, occasion=other)
    make_meeting(jaishankar, wang_yi, venue=kuala_lumpur)  # same city, not on the sidelines

    response = client.get("/meetings/?occasion=asean-summit-2025")

    assert response.status_code == 200
    assert listed(response) == ids(at_asean)


# Dates


@pytest.fixture
def around_mid_2025(make_meeting, jaishankar, rubio):
    return {
        day: make_meeting(jaishankar, rubio, date=day, title=f"Talks of {day:%d %B %Y}")
        for day in [D(2024, 12, 31), D(2025, 1, 1), D(2025, 6, 30), D(2025, 7, 1)]
    }


def test_from_and_to_include_meetings_on_both_bounds(client, around_mid_2025):
    response = client.get("/meetings/?from=2025-01-01&to=2025-06-30")

    assert response.status_code == 200
    assert listed(response) == ids(around_mid_2025[D(2025, 1, 1)], around_mid_2025[D(2025, 6, 30)])


def test_from_alone_keeps_that_day_and_after(client, around_mid_2025):
    response = client.get("/meetings/?from=2025-06-30")

    assert listed(response) == ids(around_mid_2025[D(2025, 6, 30)], around_mid_2025[D(2025, 7, 1)])


def test_to_alone_keeps_that_day_and_before(client, around_mid_2025):
    response = client.get("/meetings/?to=2025-01-01")

    assert listed(response) == ids(around_mid_2025[D(2024, 12, 31)], around_mid_2025[D(2025, 1, 1)])


def test_from_and_to_on_the_same_day_keep_that_day(client, around_mid_2025):
    response = client.get("/meetings/?from=2025-06-30&to=2025-06-30")

    assert listed(response) == ids(around_mid_2025[D(2025, 6, 30)])


# Search


def test_a_word_naming_an_official_and_a_venue_finds_the_meetings_of_both(
    client, make_meeting, jaishankar, rubio, india, washington
):
    namesake = Official.objects.create(name="Harold Washington", slug="h-washington", country=india)
    by_person = make_meeting(namesake, rubio, title="Chicago talks")
    by_place = make_meeting(jaishankar, rubio, venue=washington, title="Capital talks")
    make_meeting(jaishankar, rubio, title="Elsewhere")

    response = client.get("/meetings/", {"q": "washington"})

    assert response.status_code == 200
    assert listed(response) == ids(by_person, by_place)
    assert "2 meetings" in response.content.decode()


@pytest.fixture
def searchable(make_meeting, jaishankar, rubio, wang_yi, kuala_lumpur, washington, trade, defence):
    return {
        "title": make_meeting(jaishankar, rubio, venue=washington, title="Quad foreign ministers"),
        "wang": make_meeting(rubio, wang_yi, venue=washington, title="Afternoon session"),
        "kl": make_meeting(jaishankar, rubio, venue=kuala_lumpur, title="Morning session"),
        "defence": make_meeting(
            jaishankar, rubio, venue=washington, topics=[defence], title="Evening session"
        ),
        "nothing": make_meeting(
            jaishankar, rubio, venue=washington, topics=[trade], title="Lunch session"
        ),
    }


@pytest.mark.parametrize(
    ("q", "key"),
    [
        ("Quad", "title"),
        ("quad FOREIGN", "title"),
        ("Wang", "wang"),
        ("wang yi", "wang"),
        ("kuala", "kl"),
        ("KUALA LUMPUR", "kl"),
        ("defence", "defence"),
        ("DeFeNcE", "defence"),
    ],
)
def test_search_matches_title_participant_venue_or_topic_in_any_case(client, searchable, q, key):
    response = client.get("/meetings/", {"q": q})

    assert response.status_code == 200
    assert listed(response) == ids(searchable[key])


def test_a_search_for_a_word_in_no_meeting_lists_none(client, searchable):
    response = client.get("/meetings/", {"q": "zanzibar"})

    assert response.status_code == 200
    assert listed(response) == set()
    assert "No published meetings match" in response.text


def test_the_search_words_stay_in_the_search_box(client, searchable):
    response = client.get("/meetings/", {"q": "kuala"})

    assert 'value="kuala"' in response.text


# Drafts


def test_drafts_never_appear_whatever_the_filters(
    client, make_meeting, jaishankar, rubio, kuala_lumpur, asean_summit, trade
):
    make_meeting(
        jaishankar,
        rubio,
        status=Meeting.Status.DRAFT,
        venue=kuala_lumpur,
        occasion=asean_summit,
        topics=[trade],
        kind=Meeting.Kind.IN_PERSON,
        date=D(2025, 10, 27),
        title="Unchecked draft meeting",
    )
    queries = [
        "",
        "?country=in",
        "?country=in&country=us",
        "?venue=kuala-lumpur",
        "?topic=trade",
        "?official=s-jaishankar",
        "?occasion=asean-summit-2025",
        "?kind=in-person",
        "?from=2025-10-27&to=2025-10-27",
        "?q=unchecked",
    ]
    for query in queries:
        response = client.get(f"/meetings/{query}")
        assert response.status_code == 200, query
        assert listed(response) == set(), query
        assert "Unchecked draft meeting" not in response.text, query


# Combinations


def test_a_pair_venue_topic_and_dates_together_keep_only_the_meeting_matching_all(
    client, make_meeting, jaishankar, rubio, wang_yi, kuala_lumpur, washington, trade, defence
):
    wanted = make_meeting(
        jaishankar, rubio, venue=kuala_lumpur, topics=[trade], date=D(2025, 10, 27), title="Wanted"
    )
    # each of these misses exactly one of the four filters
    make_meeting(jaishankar, wang_yi, venue=kuala_lumpur, topics=[trade], date=D(2025, 10, 27))
    make_meeting(jaishankar, rubio, venue=washington, topics=[trade], date=D(2025, 10, 27))
    make_meeting(jaishankar, rubio, venue=kuala_lumpur, topics=[defence], date=D(2025, 10, 27))
    make_meeting(jaishankar, rubio, venue=kuala_lumpur, topics=[trade], date=D(2024, 10, 27))

    response = client.get(
        "/meetings/?country=in&country=us&venue=kuala-lumpur&topic=trade"
        "&from=2025-01-01&to=2025-12-31"
    )

    assert response.status_code == 200
    assert listed(response) == ids(wanted)
    assert "1 meeting" in response.text


def test_search_narrows_a_country_filter(client, three_pairs):
    response = client.get("/meetings/?country=in&q=three-way")

    assert listed(response) == ids(three_pairs["in-us-cn"])


def test_official_and_kind_together(client, make_meeting, jaishankar, rubio, wang_yi):
    call = make_meeting(jaishankar, rubio, kind=Meeting.Kind.CALL)
    make_meeting(jaishankar, rubio, kind=Meeting.Kind.IN_PERSON)
    make_meeting(rubio, wang_yi, kind=Meeting.Kind.CALL)

    response = client.get("/meetings/?official=s-jaishankar&kind=call")

    assert listed(response) == ids(call)


# Bad input: the page, a message by the field, and no meetings


BAD_INPUT = [
    pytest.param("from=yesterday", "from", "is not a date", id="from-not-a-date"),
    pytest.param("to=2025-13-45", "to", "is not a date", id="to-impossible-date"),
    pytest.param(
        "from=2025-12-31&to=2025-01-01",
        "to",
        "end date is before the start date",
        id="from-after-to",
    ),
    pytest.param("country=zz", "country", "zz", id="unknown-country"),
    pytest.param("country=in&country=zz", "country", "zz", id="unknown-second-country"),
    pytest.param("country=narnia", "country", "narnia", id="unknown-country-name"),
    pytest.param("venue=nowhere", "venue", "nowhere", id="unknown-venue"),
    pytest.param("topic=nope", "topic", "nope", id="unknown-topic"),
    pytest.param("official=nobody", "official", "nobody", id="unknown-official"),
    pytest.param("occasion=nope", "occasion", "nope", id="unknown-occasion"),
    pytest.param("kind=bogus", "kind", "bogus", id="unknown-kind"),
    pytest.param(
        "country=in&country=us&country=cn&country=my&country=gb&country=fr",
        "country",
        "at most 5",
        id="six-countries",
    ),
    pytest.param("q=" + "x" * 300, "q", "at most 200 characters", id="overlong-search"),
]


@pytest.mark.parametrize(("query", "field", "message"), BAD_INPUT)
def test_bad_filter_input_shows_an_error_by_the_field_and_no_meetings(
    client, seed_meeting, china, malaysia, query, field, message
):
    response = client.get(f"/meetings/?{query}")

    assert response.status_code == 200
    assert message in field_error(response, field)
    assert listed(response) == set()
    assert "No meetings shown until the filters above are fixed" in response.text
    assert seed_meeting.title not in response.text


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "venue=%00",
        "topic=kuala%00",
        "official=s-%00",
        "occasion=%00",
        "country=%00%00",
        "kind=%00",
        "from=%00",
    ],
)
def test_a_null_character_in_a_filter_is_refused_with_a_message_not_a_server_error(
    client, seed_meeting, query
):
    response = client.get(f"/meetings/?{query}")

    assert response.status_code == 200
    assert "No meetings shown until the filters above are fixed" in response.text
    assert listed(response) == set()


def test_an_unknown_country_is_named_in_the_message(client, seed_meeting):
    response = client.get("/meetings/?country=zz")

    assert field_error(response, "country") == "No country has the code “zz”."


def test_an_unknown_country_name_gets_a_message_saying_how_to_write_one(client, seed_meeting):
    response = client.get("/meetings/?country=Narnia")

    assert "“Narnia”" in field_error(response, "country")
    assert "a code such as in, us" in field_error(response, "country")


def test_a_country_is_found_by_its_name_or_a_demonym_in_any_case(client, three_pairs):
    by_code = listed(client.get("/meetings/?country=in&country=us"))

    assert by_code
    assert listed(client.get("/meetings/?country=INDIA&country=United+States")) == by_code
    assert listed(client.get("/meetings/?country=Indian&country=usa")) == by_code


def test_an_error_in_one_filter_leaves_the_other_fields_without_errors(client, seed_meeting):
    response = client.get("/meetings/?country=in&venue=nowhere")

    assert field_error(response, "venue")
    assert field_error(response, "country") == ""
    assert field_error(response, "topic") == ""


@pytest.mark.parametrize("query", ["from=2025-13-01", "country=zz", "venue=nowhere", "kind=bogus"])
def test_bad_filter_input_on_the_timeline_shows_the_page_with_an_error(client, seed_meeting, query):
    response = client.get(f"/timeline/?{query}")

    assert response.status_code == 200
    assert "No timeline until the filters above are fixed" in response.text


# Pagination


@pytest.fixture
def twenty_five_in_us(make_meeting, jaishankar, rubio, wang_yi):
    """25 India–US meetings, one a week from 6 January 2025, oldest first; and one US–China."""
    meetings = [
        make_meeting(
            jaishankar, rubio, date=D(2025, 1, 6) + datetime.timedelta(weeks=i), title=f"Round {i}"
        )
        for i in range(25)
    ]
    make_meeting(rubio, wang_yi, date=D(2025, 3, 3), title="US China round")
    return meetings


def rel_link(response, rel: str) -> str | None:
    """The address of the link marked rel="prev" or rel="next", if there is one."""
    for tag in re.findall(r"<a\b[^>]*>", response.text):
        if re.search(rf'\brel="{rel}"', tag):
            return html.unescape(re.search(r'href="([^"]*)"', tag).group(1))
    return None


def next_page_link(response) -> str:
    link = rel_link(response, "next")
    assert link, "no link to the next page"
    return link


def test_the_first_page_shows_the_twenty_newest(client, twenty_five_in_us):
    response = client.get("/meetings/?country=in&country=us")

    assert response.status_code == 200
    assert listed(response) == ids(*twenty_five_in_us[5:])
    assert "25 meetings, page 1 of 2" in response.text


def test_the_next_page_link_keeps_the_filters(client, twenty_five_in_us):
    link = next_page_link(client.get("/meetings/?country=in&country=us"))

    params = parse_qs(urlsplit(link).query)
    assert params["country"] == ["in", "us"]
    assert params["page"] == ["2"]


def test_following_the_next_page_link_shows_the_five_oldest_of_the_pair(client, twenty_five_in_us):
    link = next_page_link(client.get("/meetings/?country=in&country=us"))

    response = client.get(f"/meetings/{link}" if link.startswith("?") else link)

    assert response.status_code == 200
    assert listed(response) == ids(*twenty_five_in_us[:5])
    assert "US China round" not in response.text
    assert "page 2 of 2" in response.text


def test_the_previous_page_link_keeps_the_filters_too(client, twenty_five_in_us):
    response = client.get("/meetings/?country=in&country=us&page=2")

    link = rel_link(response, "prev")
    assert link, "no link to the previous page"
    params = parse_qs(urlsplit(link).query)
    assert params["country"] == ["in", "us"]
    assert params["page"] == ["1"]


@pytest.mark.parametrize("number", ["-1", "0", "abc", "999", "1.5"])
def test_a_page_that_does_not_exist_is_not_found(client, twenty_five_in_us, number):
    response = client.get(f"/meetings/?country=in&country=us&page={number}")

    assert response.status_code == 404
    assert "Not found" in response.text


@pytest.mark.parametrize("number", ["-1", "abc", "999"])
def test_a_page_that_does_not_exist_is_not_found_without_filters_either(
    client, twenty_five_in_us, number
):
    assert client.get(f"/meetings/?page={number}").status_code == 404
