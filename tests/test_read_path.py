"""The public pages' read path: names typed into the filter form, their suggestions, what only
drafts name, conditional requests, the data version and the replica."""

import datetime

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext, override_settings

from meetings.models import DataVersion, Meeting, Official, Venue

D = datetime.date
pytestmark = pytest.mark.django_db


def listed_titles(response) -> list[str]:
    import re

    return re.findall(r'<h3 class="meeting-title"><a href="[^"]+">([^<]+)</a>', response.text)


# -- names in the filter form ------------------------------------------------------------------


def test_typing_an_officials_family_name_finds_his_meetings(client, seed_meeting, make_meeting):
    response = client.get("/meetings/", {"official": "Jaishankar"})

    assert response.status_code == 200
    assert listed_titles(response) == ["Jaishankar–Rubio talks in Kuala Lumpur"]
    assert 'value="S. Jaishankar"' in response.text  # the box now shows whom it found


@pytest.mark.parametrize(
    "field, typed",
    [
        ("venue", "kuala lumpur"),
        ("venue", "kuala-lumpur"),
        ("topic", "TRADE"),
        ("topic", "tariffs"),  # an alias
        ("occasion", "ASEAN"),
        ("official", "marco rubio"),
    ],
)
def test_a_name_an_address_or_a_part_of_a_name_selects_the_same_meetings(
    client, seed_meeting, field, typed
):
    response = client.get("/meetings/", {field: typed})

    assert listed_titles(response) == ["Jaishankar–Rubio talks in Kuala Lumpur"]


def test_a_name_two_officials_share_asks_for_more(client, seed_meeting, make_meeting, india, usa):
    singh = Official.objects.create(name="Manmohan Singh", slug="manmohan-singh", country=india)
    other = Official.objects.create(name="Jaswant Singh", slug="jaswant-singh", country=india)
    rubio = Official.objects.get(slug="marco-rubio")
    make_meeting(singh, rubio, date=D(2009, 1, 1))
    make_meeting(other, rubio, date=D(2001, 1, 1))

    response = client.get("/meetings/", {"official": "Singh"})

    assert "Several officials match “Singh”" in response.text
    assert "Manmohan Singh" in response.text and "Jaswant Singh" in response.text
    assert listed_titles(response) == []


def test_the_form_carries_no_long_lists_of_options(client, seed_meeting):
    for n in range(300):
        Venue.objects.create(name=f"Town {n}", slug=f"town-{n}", country=seed_meeting.venue.country)

    response = client.get("/meetings/")

    assert response.text.count("<option") <= 10
    assert len(response.content) < 35_000


# -- suggestions -----------------------------------------------------------------------------


def test_suggestions_name_public_officials_busiest_first(client, seed_meeting, make_meeting):
    jaishankar = Official.objects.get(slug="s-jaishankar")
    rubio = Official.objects.get(slug="marco-rubio")
    make_meeting(jaishankar, rubio, date=D(2025, 1, 1))
    drafted = Official.objects.create(
        name="Jaiswal Draft", slug="jaiswal-draft", country=jaishankar.country
    )
    make_meeting(drafted, rubio, status=Meeting.Status.DRAFT)

    found = client.get("/suggest/official/", {"q": "jai"}).json()["results"]

    assert found == [
        {"name": "S. Jaishankar", "value": "s-jaishankar", "detail": "India", "meetings": 2}
    ]


def test_suggestions_of_countries_take_names_and_codes(client, seed_meeting):
    by_name = client.get("/suggest/country/", {"q": "ind"}).json()["results"]
    assert by_name[0] == {"name": "India", "value": "in", "detail": "IN", "meetings": 1}

    assert client.get("/suggest/country/", {"q": ""}).json() == {"results": []}
    assert client.get("/suggest/official/", {"q": "\x00"}).json() == {"results": []}
    assert client.get("/suggest/venue/", {"q": "kua\x00la"}).status_code == 200
    assert client.get("/suggest/nonsense/", {"q": "x"}).status_code == 404


# -- what drafts name ----------------------------------------------------------------------------


def test_a_venue_topic_or_occasion_only_drafts_use_stays_unknown(
    client, seed_meeting, make_meeting, malaysia
):
    hidden = Venue.objects.create(name="Secret Place", slug="secret-place", country=malaysia)
    jaishankar = Official.objects.get(slug="s-jaishankar")
    rubio = Official.objects.get(slug="marco-rubio")
    make_meeting(jaishankar, rubio, venue=hidden, status=Meeting.Status.DRAFT)

    assert client.get("/venues/secret-place/").status_code == 404
    assert "Secret Place" not in client.get("/venues/").text
    assert client.get("/suggest/venue/", {"q": "secret"}).json() == {"results": []}
    assert "No venue named “secret-place”" in client.get("/meetings/?venue=secret-place").text


# -- conditional requests and the data version --------------------------------------------------


def test_pages_carry_a_validator_and_answer_a_repeat_with_304(client, seed_meeting):
    first = client.get("/countries/in/us/")
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "s-maxage=60" in first["Cache-Control"]
    assert first["ETag"] and first["Last-Modified"]

    again = client.get("/countries/in/us/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""

    since = client.get("/countries/in/us/", headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_makes_a_new_version_and_pages_answer_in_full(client, seed_meeting):
    DataVersion.objects.get_or_create(pk=1, defaults={"changed_at": seed_meeting.created_at})
    before = client.get("/meetings/")
    version = DataVersion.objects.get(pk=1).version

    with transaction.atomic():
        Official.objects.filter(slug="s-jaishankar").update(name="Subrahmanyam Jaishankar")
        seed_meeting.title = "Talks renamed"
        seed_meeting.save()

    assert DataVersion.objects.get(pk=1).version == version + 1  # once for the transaction
    after = client.get("/meetings/", headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200
    assert "Talks renamed" in after.text


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_makes_no_new_version(seed_meeting):
    DataVersion.objects.get_or_create(pk=1, defaults={"changed_at": seed_meeting.created_at})
    version = DataVersion.objects.get(pk=1).version
    with pytest.raises(RuntimeError), transaction.atomic():
        Official.objects.create(name="Someone", slug="someone")
        raise RuntimeError("abandon")
    assert DataVersion.objects.get(pk=1).version == version


# -- the replica ---------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
@override_settings(READ_REPLICA="replica")
def test_public_pages_read_from_the_replica_and_writes_go_to_the_primary(
    client, seed_meeting, admin_client
):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get("/countries/in/us/")
    assert response.status_code == 200
    assert "Jaishankar–Rubio talks in Kuala Lumpur" in response.text
    assert len(replica) >= 5
    assert len(primary) == 0

    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        admin_client.get(f"/admin/meetings/meeting/{seed_meeting.pk}/change/")
    assert len(primary) > 0
    assert len(replica) == 0


@pytest.mark.django_db(transaction=True)
def test_counts_kept_in_the_cache_follow_a_committed_meeting(client, seed_meeting, make_meeting):
    DataVersion.objects.get_or_create(pk=1, defaults={"changed_at": seed_meeting.created_at})
    jaishankar = Official.objects.get(slug="s-jaishankar")
    rubio = Official.objects.get(slug="marco-rubio")
    assert "1 published meeting in which both" in client.get("/countries/in/us/").text
    assert "1 published meeting in which both" in client.get("/countries/in/us/").text  # cached

    make_meeting(jaishankar, rubio, date=D(2024, 5, 1), title="A second meeting")

    page = client.get("/countries/in/us/").text
    assert "2 published meetings in which both" in page
    assert 'href="/timeline/2024/?country=in&amp;country=us">2024</a>' in page
