"""The database itself refuses bad rows, whatever path they come in by.

Each test writes a row past model validation (objects.create or .update) and expects the named
constraint to reject it; on PostgreSQL, and for check constraints on SQLite too, the error names
the constraint, so a test cannot pass because some other rule happened to fire.
"""

import datetime
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.apps import apps
from django.db import DataError, IntegrityError, connection, models, transaction

from meetings.models import (
    Country,
    Meeting,
    MeetingCountry,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Place,
    Position,
    Source,
    Subject,
    Topic,
    Venue,
)

pytestmark = pytest.mark.django_db


def constraint_named(name: str) -> tuple[type[models.Model], models.BaseConstraint]:
    for model in apps.get_app_config("meetings").get_models():
        for constraint in model._meta.constraints:
            if constraint.name == name:
                return model, constraint
    raise LookupError(f"no constraint named {name}")


@contextmanager
def rejected_by(name: str):
    """Expect the database to refuse what the block writes, because of the constraint name."""
    model, constraint = constraint_named(name)
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        yield
    message = str(caught.value)
    if connection.vendor == "sqlite" and isinstance(constraint, models.UniqueConstraint):
        # SQLite names the columns of a unique constraint, not the constraint.
        for field in constraint.fields:
            column = model._meta.get_field(field).column
            assert f"{model._meta.db_table}.{column}" in message, message
    else:
        assert name in message, message


# Countries


def test_two_countries_cannot_share_a_code(india):
    with rejected_by("meetings_country_code_unique"):
        Country.objects.create(code="IN", name="Republic of India")


def test_a_country_code_cannot_be_lower_case(india):
    with rejected_by("meetings_country_code_two_or_four_capitals"):
        Country.objects.filter(pk=india.pk).update(code="in")


def test_a_country_code_has_two_letters_or_four(india):
    for code in ("I", "IND"):
        with rejected_by("meetings_country_code_two_or_four_capitals"):
            Country.objects.filter(pk=india.pk).update(code=code)
    Country.objects.create(code="SUHH", name="Soviet Union", kind=Country.Kind.FORMER)


def test_a_country_code_cannot_have_five_letters(india):
    # SQLite has no column widths, so the check constraint refuses it; PostgreSQL's varchar(4)
    # refuses it before the check runs.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        Country.objects.filter(pk=india.pk).update(code="INDIA")
    india.refresh_from_db()
    assert india.code == "IN"


def test_a_country_kind_must_be_country_union_or_former(india):
    with rejected_by("meetings_country_kind_valid"):
        Country.objects.filter(pk=india.pk).update(kind="province")


def test_a_former_country_ends_after_it_began(india):
    with rejected_by("meetings_country_ends_after_start"):
        Country.objects.create(
            code="XX",
            name="Nowhere",
            kind=Country.Kind.FORMER,
            start=datetime.date(1990, 1, 1),
            end=datetime.date(1980, 1, 1),
        )


# Officials and their positions


def test_two_officials_cannot_share_a_slug(jaishankar):
    with rejected_by("meetings_official_slug_unique"):
        Official.objects.create(name="Subrahmanyam Jaishankar", slug="s-jaishankar")


def test_a_position_cannot_end_before_it_starts(rubio, usa):
    with rejected_by("meetings_position_ends_after_start"):
        Position.objects.create(
            official=rubio,
            title="Senator for Florida",
            country=usa,
            start=datetime.date(2025, 1, 20),
            end=datetime.date(2011, 1, 3),
        )


def test_a_position_may_start_and_end_on_the_same_day_or_leave_either_open(rubio, usa):
    day = datetime.date(2025, 1, 20)
    Position.objects.create(official=rubio, title="Acting", country=usa, start=day, end=day)
    Position.objects.create(official=rubio, title="Envoy", country=usa, end=day)
    Position.objects.create(official=rubio, title="Adviser", country=usa, start=day)
    assert rubio.positions.count() == 5


# Venues


def test_two_venues_cannot_share_a_slug(kuala_lumpur, malaysia):
    with rejected_by("meetings_venue_slug_unique"):
        Venue.objects.create(name="KL", slug="kuala-lumpur", country=malaysia)


def test_a_venue_latitude_cannot_exceed_90_degrees(malaysia):
    with rejected_by("meetings_venue_latitude_range"):
        Venue.objects.create(name="Nowhere", country=malaysia, latitude=91, longitude=0)


def test_a_venue_longitude_cannot_exceed_180_degrees(kuala_lumpur):
    with rejected_by("meetings_venue_longitude_range"):
        Venue.objects.filter(pk=kuala_lumpur.pk).update(longitude=-181)


def test_a_venue_at_the_poles_and_the_date_line_is_accepted(malaysia):
    Venue.objects.create(name="North Pole", country=malaysia, latitude=90, longitude=180)
    Venue.objects.create(name="South Pole", country=malaysia, latitude=-90, longitude=-180)
    assert Venue.objects.count() == 2


# Occasions


def test_the_gazetteer_holds_each_geonames_city_once(malaysia):
    fields = {"name": "Kuala Lumpur", "country": malaysia, "latitude": 3.1, "longitude": 101.7}
    Place.objects.create(geonameid=1735161, **fields)
    with rejected_by("meetings_place_geonameid_unique"):
        Place.objects.create(geonameid=1735161, **fields)


def test_two_occasions_cannot_share_a_slug(asean_summit):
    with rejected_by("meetings_occasion_slug_unique"):
        Occasion.objects.create(name="ASEAN Summit (47th)", slug="asean-summit-2025")


def test_an_occasion_cannot_end_before_it_starts(kuala_lumpur):
    with rejected_by("meetings_occasion_ends_after_start"):
        Occasion.objects.create(
            name="ASEAN Summit 2026",
            start=datetime.date(2026, 10, 28),
            end=datetime.date(2026, 10, 26),
            venue=kuala_lumpur,
        )


# Issues


def test_two_topics_cannot_share_a_slug(trade):
    with rejected_by("meetings_topic_slug_unique"):
        Topic.objects.create(name="Commerce", slug="trade")


def test_two_topics_cannot_share_a_name(trade):
    with rejected_by("meetings_topic_name_unique"):
        Topic.objects.create(name="Trade", slug="trade-again")


def test_an_topic_cannot_be_its_own_parent(trade):
    with rejected_by("meetings_topic_not_own_parent"):
        Topic.objects.filter(pk=trade.pk).update(parent=trade)


# Sources


def test_two_sources_cannot_share_a_url(db):
    url = "https://www.mea.gov.in/press-releases.htm?dtl/40000"
    Source.objects.create(url=url, title="Readout")
    with rejected_by("meetings_source_url_unique"):
        Source.objects.create(url=url, title="The same readout again")


def test_two_sources_without_url_but_with_citations_are_both_allowed(db):
    Source.objects.create(citation="MEA press release, 27 October 2025")
    Source.objects.create(citation="State Department readout, 27 October 2025")
    assert Source.objects.filter(url="").count() == 2


def test_a_source_needs_a_url_or_a_citation(db):
    with rejected_by("meetings_source_has_url_or_citation"):
        Source.objects.create(title="An article nobody can find again")


def test_a_print_source_has_a_citation_and_no_url(db):
    with rejected_by("meetings_source_offline_cited"):
        Source.objects.create(url="https://example.org/a", citation="Print", offline=True)
    with rejected_by("meetings_source_offline_cited"):
        Source.objects.create(url="https://example.org/b", offline=True)
    Source.objects.create(citation="The Hindu, 28 October 2025, p. 1", offline=True)


# Meetings


def test_a_meeting_kind_must_be_one_of_the_choices(seed_meeting):
    with rejected_by("meetings_meeting_kind_valid"):
        Meeting.objects.filter(pk=seed_meeting.pk).update(kind="telepathy")


def test_a_meeting_status_must_be_draft_or_published(seed_meeting):
    with rejected_by("meetings_meeting_status_valid"):
        Meeting.objects.filter(pk=seed_meeting.pk).update(status="archived")


def test_a_meeting_date_precision_must_be_day_month_or_year(seed_meeting):
    with rejected_by("meetings_meeting_precision_valid"):
        Meeting.objects.filter(pk=seed_meeting.pk).update(date_precision="week")


def test_two_meetings_cannot_share_a_uid(seed_meeting):
    with rejected_by("meetings_meeting_uid_unique"):
        Meeting.objects.create(date=seed_meeting.date, uid=seed_meeting.uid)


def test_the_same_official_cannot_take_part_twice_in_one_meeting(seed_meeting, jaishankar):
    with rejected_by("meetings_participation_official_once"):
        Participation.objects.create(meeting=seed_meeting, official=jaishankar)


def test_a_participant_is_an_official_or_a_titled_office(seed_meeting, india):
    with rejected_by("meetings_participation_named_or_titled"):
        Participation.objects.create(meeting=seed_meeting, official=None, title="", country=india)
    # two offices named without their holders may sit at one table
    for title in ("Foreign Secretary", "Defence Secretary"):
        Participation.objects.create(meeting=seed_meeting, title=title, country=india)


def test_a_country_is_listed_once_per_meeting(seed_meeting, india):
    with rejected_by("meetings_meetingcountry_once"):
        MeetingCountry.objects.create(meeting=seed_meeting, country=india)


def test_a_source_is_attached_once_per_meeting(seed_meeting):
    source = seed_meeting.sources.get()
    with rejected_by("meetings_meetingsource_once"):
        MeetingSource.objects.create(meeting=seed_meeting, source=source, quote="Again.")


def test_every_constraint_is_prefixed_and_has_a_test_here():
    names = [
        constraint.name
        for model in apps.get_app_config("meetings").get_models()
        for constraint in model._meta.constraints
    ]
    assert names
    source = Path(__file__).read_text()
    for name in names:
        assert name.startswith("meetings_"), name
        assert f'"{name}"' in source, f"{name} has no test in {Path(__file__).name}"


def test_a_meeting_that_runs_on_ends_after_its_first_day(seed_meeting):
    with rejected_by("meetings_meeting_ends_after_it_starts"):
        Meeting.objects.filter(pk=seed_meeting.pk).update(end_date=seed_meeting.date)


def test_a_meeting_summary_holds_at_most_five_thousand_characters(seed_meeting):
    with rejected_by("meetings_meeting_summary_length"):
        Meeting.objects.filter(pk=seed_meeting.pk).update(summary="x" * 5001)


def test_a_meeting_is_stated_or_inferred(seed_meeting):
    with rejected_by("meetings_meeting_basis_valid"):
        Meeting.objects.filter(pk=seed_meeting.pk).update(basis="rumoured")


# The derived rows: only meetings.derived writes them, and the database holds it to the shape.


def test_a_subject_names_exactly_the_thing_of_its_kind(india, usa, trade):
    with rejected_by("meetings_subject_names_one_thing"):
        Subject.objects.create(kind=Subject.Kind.COUNTRY, topic=trade)
    with rejected_by("meetings_subject_names_one_thing"):
        Subject.objects.create(kind=Subject.Kind.PAIR, country=india)
    with rejected_by("meetings_subject_names_one_thing"):
        Subject.objects.create(kind=Subject.Kind.EVERYTHING, country=india)


def test_a_pair_subject_has_its_countries_in_order(india, usa):
    low, high = sorted((india, usa), key=lambda c: c.pk)
    with rejected_by("meetings_subject_pair_in_order"):
        Subject.objects.create(kind=Subject.Kind.PAIR, country=high, partner=low)


def test_each_thing_has_one_subject(india, usa, trade, jaishankar, kuala_lumpur, asean_summit):
    low, high = sorted((india, usa), key=lambda c: c.pk)
    for name, fields in [
        ("meetings_subject_all_once", {"kind": "all"}),
        ("meetings_subject_country_once", {"kind": "country", "country": india}),
        ("meetings_subject_pair_once", {"kind": "pair", "country": low, "partner": high}),
        ("meetings_subject_topic_once", {"kind": "topic", "topic": trade}),
        ("meetings_subject_official_once", {"kind": "official", "official": jaishankar}),
        ("meetings_subject_venue_once", {"kind": "venue", "venue": kuala_lumpur}),
        ("meetings_subject_occasion_once", {"kind": "occasion", "occasion": asean_summit}),
    ]:
        Subject.objects.create(**fields)
        with rejected_by(name):
            Subject.objects.create(**fields)
