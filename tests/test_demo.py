import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from meetings.demo import MEETINGS, OFFICIALS, held_on
from meetings.models import (
    Country,
    Issue,
    Meeting,
    MeetingCountry,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
    Venue,
)

pytestmark = pytest.mark.django_db

SEED_TITLE = "Jaishankar–Rubio talks in Kuala Lumpur"
MODELS = [
    Meeting,
    Official,
    Position,
    Venue,
    Occasion,
    Issue,
    Source,
    Participation,
    MeetingSource,
    MeetingCountry,
]


def load_demo(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo() -> str:
    return load_demo()


def test_the_command_prints_a_one_line_summary_of_what_it_created(demo):
    lines = demo.strip().splitlines()
    assert len(lines) == 1
    assert lines[0] == (
        f"Demo data loaded: {Meeting.objects.count()} meetings, {Official.objects.count()} "
        f"officials, {Venue.objects.count()} venues, {Occasion.objects.count()} occasions, "
        f"{Issue.objects.count()} topics, {Source.objects.count()} sources created."
    )


def test_the_seed_meeting_is_jaishankar_meeting_rubio_in_kuala_lumpur(demo):
    meeting = Meeting.objects.get(title=SEED_TITLE)
    assert meeting.date == datetime.date(2025, 10, 27)
    assert meeting.date_precision == Meeting.Precision.DAY
    assert meeting.kind == Meeting.Kind.IN_PERSON
    assert meeting.is_published
    assert meeting.summary

    assert meeting.venue.slug == "kuala-lumpur"
    assert meeting.venue.country.code == "MY"
    assert meeting.venue.latitude == pytest.approx(3.139)
    assert meeting.venue.longitude == pytest.approx(101.6869)

    occasion = meeting.occasion
    assert (occasion.slug, occasion.name) == ("asean-summit-2025", "47th ASEAN Summit")
    assert (occasion.start, occasion.end) == (
        datetime.date(2025, 10, 26),
        datetime.date(2025, 10, 28),
    )
    assert occasion.venue == meeting.venue

    people = {
        (p.official.slug, p.title, p.country.code)
        for p in meeting.participations.select_related("official", "country")
    }
    assert people == {
        ("s-jaishankar", "External Affairs Minister", "IN"),
        ("marco-rubio", "Secretary of State", "US"),
    }

    assert set(meeting.issues.values_list("slug", flat=True)) == {
        "trade",
        "defence",
        "technology",
        "south-china-sea",
        "cybersecurity",
        "counterterrorism",
    }

    link = meeting.meeting_sources.select_related("source").get()
    assert link.source.url == ""
    assert link.source.citation == "News report on the Jaishankar–Rubio meeting, 28 October 2025"
    assert link.source.published_on == datetime.date(2025, 10, 28)
    assert link.quote


def test_jaishankar_has_his_aliases(demo):
    jaishankar = Official.objects.get(slug="s-jaishankar")
    assert jaishankar.name == "S. Jaishankar"
    assert jaishankar.aliases.splitlines() == [
        "Subrahmanyam Jaishankar",
        "Jaishankar",
        "S Jaishankar",
    ]
    assert jaishankar.country.code == "IN"


def test_a_pair_filter_on_india_and_the_us_finds_the_seed_meeting(demo):
    india, usa = Country.objects.get(code="IN"), Country.objects.get(code="US")
    found = Meeting.objects.involving(india, usa)
    assert found.filter(title=SEED_TITLE).exists()
    assert not found.filter(title="Modi–Xi meeting at the BRICS Summit in Kazan").exists()


def test_the_demo_is_a_varied_set_of_published_meetings(demo):
    meetings = Meeting.objects.all()
    assert meetings.count() >= 25
    assert meetings.published().count() == meetings.count()

    pairs = {
        frozenset(m.meeting_countries.values_list("country__code", flat=True)) for m in meetings
    }
    assert len(pairs) >= 6
    assert all(len(pair) >= 2 for pair in pairs)
    assert any(len(pair) >= 3 for pair in pairs)

    assert Venue.objects.filter(meetings__isnull=False).distinct().count() >= 5
    assert Occasion.objects.filter(meetings__isnull=False).distinct().count() >= 2
    assert meetings.filter(kind=Meeting.Kind.CALL, venue__isnull=True).exists()
    assert meetings.filter(date_precision=Meeting.Precision.MONTH).exists()
    years = {m.date.year for m in meetings}
    assert years == {2021, 2022, 2023, 2024, 2025}


def test_every_meeting_has_a_source_a_summary_and_one_to_six_topics(demo):
    for meeting in Meeting.objects.all():
        assert meeting.sources.exists(), meeting
        assert meeting.summary, meeting
        assert 1 <= meeting.issues.count() <= 6, meeting
        assert meeting.participations.count() >= 2, meeting


def test_every_source_is_a_citation_without_an_invented_url(demo):
    assert not Source.objects.exclude(url="").exists()
    assert not Source.objects.filter(citation="").exists()


def test_calls_have_no_venue_and_in_person_meetings_have_one(demo):
    assert not Meeting.objects.filter(kind=Meeting.Kind.CALL, venue__isnull=False).exists()
    assert not Meeting.objects.filter(kind=Meeting.Kind.IN_PERSON, venue__isnull=True).exists()


def test_every_venue_has_coordinates_and_a_country(demo):
    for venue in Venue.objects.all():
        assert venue.country_id
        assert venue.latitude is not None and venue.longitude is not None


def test_well_known_venues_have_the_expected_slugs(demo):
    slugs = set(Venue.objects.values_list("slug", flat=True))
    assert {"kuala-lumpur", "washington", "new-delhi", "moscow", "tianjin", "kazan", "beijing"} <= (
        slugs
    )


def test_positions_give_rubio_the_title_he_held_on_a_date(demo):
    rubio = Official.objects.get(slug="marco-rubio")
    assert rubio.position_on(datetime.date(2024, 1, 1)).title == "Senator for Florida"
    on_seed_day = rubio.position_on(datetime.date(2025, 10, 27))
    assert on_seed_day.title == "Secretary of State"
    assert on_seed_day.country.code == "US"


def test_positions_follow_terms_that_break_and_resume(demo):
    wang_yi = Official.objects.get(slug="wang-yi")
    assert wang_yi.position_on(datetime.date(2022, 6, 1)).title == "Foreign Minister"
    assert wang_yi.position_on(datetime.date(2023, 3, 1)) is None
    assert wang_yi.position_on(datetime.date(2025, 8, 18)).title == "Foreign Minister"
    trump = Official.objects.get(slug="donald-trump")
    assert trump.position_on(datetime.date(2023, 1, 1)) is None
    assert trump.position_on(datetime.date(2025, 2, 13)).title == "President"


def test_every_participant_held_the_title_they_are_shown_with_on_the_day(demo):
    for participation in Participation.objects.select_related("meeting", "official", "country"):
        position = participation.official.position_on(participation.meeting.date)
        assert position is not None, participation
        assert (participation.title, participation.country_id) == (
            position.title,
            position.country_id,
        ), participation


def test_the_data_never_puts_an_official_in_a_meeting_outside_their_terms():
    for meeting in MEETINGS:
        for slug in meeting["officials"]:
            assert slug in OFFICIALS
            held_on(slug, meeting["date"])  # raises when no position covers the day


def test_topics_are_a_vocabulary_with_aliases_and_parents(demo):
    trade = Issue.objects.get(slug="trade")
    assert {"tariffs", "trade deal", "exports"} <= set(trade.aliases.splitlines())
    assert Issue.objects.get(slug="counterterrorism").parent.slug == "security"
    assert Issue.objects.get(slug="cybersecurity").parent.slug == "security"
    assert Issue.objects.get(slug="south-china-sea").parent.slug == "maritime-security"
    assert "SCS" in Issue.objects.get(slug="south-china-sea").aliases.splitlines()
    for slug in ["defence", "climate", "ukraine", "middle-east", "border", "critical-minerals"]:
        assert Issue.objects.filter(slug=slug).exists(), slug


def test_running_it_again_creates_nothing_new(demo):
    before = counts()
    out = load_demo()
    assert out.strip() == "The database already holds meetings; demo data not loaded."
    assert counts() == before


def test_running_it_again_with_force_creates_nothing_new(demo):
    before = counts()
    out = load_demo("--force")
    assert out.strip() == (
        "Demo data loaded: 0 meetings, 0 officials, 0 venues, 0 occasions, 0 topics, "
        "0 sources created."
    )
    assert counts() == before


def test_it_refuses_when_the_database_already_has_a_meeting():
    Meeting.objects.create(date=datetime.date(2024, 1, 1), title="Someone met someone")
    out = load_demo()
    assert out.strip() == "The database already holds meetings; demo data not loaded."
    assert Meeting.objects.count() == 1
    assert not Official.objects.exists()
    assert not Issue.objects.exists()
    assert not Venue.objects.exists()
    assert Country.objects.filter(code="IN").exists()  # the countries are always loaded


def test_force_loads_the_demo_next_to_existing_meetings():
    Meeting.objects.create(date=datetime.date(2024, 1, 1), title="Someone met someone")
    load_demo("--force")
    assert Meeting.objects.filter(title=SEED_TITLE).exists()
    assert Meeting.objects.count() == len(MEETINGS) + 1
