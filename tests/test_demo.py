"""The demo data file (meetings/data/demo.jsonl), imported as `make run` imports it: what holds
for every meeting in it, and that loading it is safe to repeat."""

import datetime
import json
from pathlib import Path

import pytest

from meetings import derived
from meetings.models import (
    Meeting,
    MeetingCountry,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
    Topic,
    Venue,
)
from tests.intake_fixtures import SEED_TITLE, load_demo, world_loaded

DEMO = Path(__file__).resolve().parent.parent / "meetings" / "data" / "demo.jsonl"
MODELS = [
    Meeting,
    Official,
    Position,
    Venue,
    Occasion,
    Topic,
    Source,
    Participation,
    MeetingSource,
    MeetingCountry,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def lines() -> list[dict]:
    return [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo imported once for the module; each test reads it in its own transaction."""
    with world_loaded(django_db_blocker, demo=True, places=False):
        yield


pytestmark = pytest.mark.django_db


def test_every_line_of_the_file_is_imported(demo):
    meetings = [line for line in lines() if "uid" in line]
    topics = [line for line in lines() if "topic" in line]
    assert Meeting.objects.count() == len(meetings)
    assert Topic.objects.count() == len(topics)
    assert set(Meeting.objects.values_list("title", flat=True)) == {m["title"] for m in meetings}


def test_every_meeting_is_published_with_participants_of_two_countries_and_a_source(demo):
    for meeting in Meeting.objects.prefetch_related("participations", "meeting_sources"):
        assert meeting.is_published, meeting
        assert meeting.meeting_sources.all(), meeting
        assert meeting.summary, meeting
        countries = {p.country_id for p in meeting.participations.all()}
        assert len(countries) >= 2, meeting


def test_every_participant_held_the_title_they_are_shown_with_on_the_day(demo):
    for participation in Participation.objects.select_related("meeting", "official", "country"):
        position = participation.official.position_on(participation.meeting.date)
        assert position is not None, participation
        assert (participation.title, participation.country_id) == (
            position.title,
            position.country_id,
        ), participation


def test_calls_have_no_venue_and_in_person_meetings_have_one_with_coordinates(demo):
    assert not Meeting.objects.exclude(kind=Meeting.Kind.IN_PERSON).filter(venue__isnull=False)
    for meeting in Meeting.objects.filter(kind=Meeting.Kind.IN_PERSON).select_related("venue"):
        assert meeting.venue is not None, meeting
        assert meeting.venue.latitude is not None and meeting.venue.longitude is not None


def test_a_meeting_on_an_occasion_falls_within_a_few_days_of_it(demo):
    # on the eve of a summit counts: Biden and Xi met the day before the G20 in Bali
    few = datetime.timedelta(days=3)
    for meeting in Meeting.objects.filter(occasion__isnull=False).select_related("occasion"):
        occasion = meeting.occasion
        if occasion.start and occasion.end:
            assert occasion.start - few <= meeting.date <= occasion.end + few, meeting


def test_the_topic_vocabulary_arrives_whole_with_its_tree(demo):
    for line in lines():
        if "topic" in line:
            topic = Topic.objects.get(slug=line["topic"]["slug"])
            assert topic.aliases.splitlines() == line["topic"]["aliases"]
            assert (topic.parent.slug if topic.parent else None) == line["topic"]["parent"]


def test_the_derived_rows_match_the_meetings(demo):
    assert derived.check() == []


def test_a_pair_filter_on_india_and_the_us_finds_the_seed_meeting(client, demo):
    page = client.get("/meetings/?country=in&country=us").content.decode()
    assert SEED_TITLE in page


def test_running_it_again_creates_nothing_new(demo):
    before = counts()
    assert "already holds meetings" in load_demo()
    assert "0 created" in load_demo("--force")
    assert counts() == before
