"""What the models do on their own: titles from positions, derived countries, dates, slugs."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command

from meetings.models import (
    Country,
    Meeting,
    MeetingCountry,
    Official,
    Participation,
    Position,
    Topic,
    Venue,
)
from meetings.services import writing

pytestmark = pytest.mark.django_db


def countries_of(meeting: Meeting) -> set[str]:
    return set(
        MeetingCountry.objects.filter(meeting=meeting).values_list("country__code", flat=True)
    )


# Participations take the title and country held on the meeting date


def test_participation_takes_the_title_held_on_the_meeting_date(rubio, usa):
    in_2024 = Meeting.objects.create(date=datetime.date(2024, 6, 1))
    in_2025 = Meeting.objects.create(date=datetime.date(2025, 10, 27))

    as_senator = Participation.objects.create(meeting=in_2024, official=rubio)
    as_secretary = Participation.objects.create(meeting=in_2025, official=rubio)

    as_senator.refresh_from_db()
    as_secretary.refresh_from_db()
    assert as_senator.title == "Senator for Florida"
    assert as_secretary.title == "Secretary of State"
    assert as_senator.country == usa
    assert as_secretary.country == usa


def test_participation_takes_the_country_of_the_position_not_of_the_official_today(india, usa):
    # An ambassador who served India in Washington, and now serves the United States.
    official = Official.objects.create(name="Ann Envoy", country=usa)
    Position.objects.create(
        official=official,
        title="Ambassador to the United States",
        country=india,
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2022, 12, 31),
    )
    meeting = Meeting.objects.create(date=datetime.date(2021, 5, 5))

    participation = Participation.objects.create(meeting=meeting, official=official)

    assert participation.country == india
    assert participation.title == "Ambassador to the United States"


def test_participation_keeps_a_title_given_explicitly(rubio, usa):
    meeting = Meeting.objects.create(date=datetime.date(2025, 10, 27))

    participation = Participation.objects.create(
        meeting=meeting, official=rubio, title="Acting National Security Adviser"
    )

    participation.refresh_from_db()
    assert participation.title == "Acting National Security Adviser"
    assert participation.country == usa


def test_participation_keeps_a_country_given_explicitly(rubio, malaysia):
    meeting = Meeting.objects.create(date=datetime.date(2025, 10, 27))

    participation = Participation.objects.create(meeting=meeting, official=rubio, country=malaysia)

    participation.refresh_from_db()
    assert participation.country == malaysia
    assert participation.title == "Secretary of State"


def test_participation_falls_back_to_the_officials_country_without_a_position(india):
    official = Official.objects.create(name="Vikram Misri", country=india)
    meeting = Meeting.objects.create(date=datetime.date(2025, 10, 27))

    participation = Participation.objects.create(meeting=meeting, official=official)

    participation.refresh_from_db()
    assert participation.country == india
    assert participation.title == ""


def test_participation_falls_back_to_the_officials_country_outside_every_term(rubio, usa):
    before_the_senate = Meeting.objects.create(date=datetime.date(2005, 1, 1))

    participation = Participation.objects.create(meeting=before_the_senate, official=rubio)

    assert participation.country == usa
    assert participation.title == ""


def test_participation_clean_asks_for_the_country_when_nothing_can_fill_it(db):
    official = Official.objects.create(name="Unknown Envoy")
    meeting = Meeting.objects.create(date=datetime.date(2025, 10, 27))

    with pytest.raises(ValidationError) as caught:
        Participation(meeting=meeting, official=official).clean()

    assert "country" in caught.value.message_dict


def test_participation_clean_fills_the_country_when_a_position_can(rubio, usa):
    meeting = Meeting.objects.create(date=datetime.date(2025, 10, 27))
    participation = Participation(meeting=meeting, official=rubio)

    participation.clean()

    assert participation.country == usa
    assert participation.title == "Secretary of State"


# The derived countries of a meeting


def test_meeting_countries_follow_participants_being_added(jaishankar, rubio):
    with writing():
        meeting = Meeting.objects.create(date=datetime.date(2025, 10, 27))
    assert countries_of(meeting) == set()

    with writing():
        Participation.objects.create(meeting=meeting, official=jaishankar)
    assert countries_of(meeting) == {"IN"}

    with writing():
        Participation.objects.create(meeting=meeting, official=rubio)
    assert countries_of(meeting) == {"IN", "US"}


def test_meeting_countries_follow_a_participants_country_being_changed(seed_meeting, rubio, china):
    participation = seed_meeting.participations.get(official=rubio)

    with writing():
        participation.country = china
        participation.save()

    assert countries_of(seed_meeting) == {"IN", "CN"}


def test_meeting_countries_follow_a_participant_being_removed(seed_meeting, rubio):
    with writing():
        seed_meeting.participations.get(official=rubio).delete()

    assert countries_of(seed_meeting) == {"IN"}


def test_a_country_stays_while_another_of_its_officials_still_takes_part(seed_meeting, india):
    doval = Official.objects.create(name="Ajit Doval", country=india)
    with writing():
        Participation.objects.create(meeting=seed_meeting, official=doval)
    with writing():
        seed_meeting.participations.get(official=doval).delete()

    assert countries_of(seed_meeting) == {"IN", "US"}


def test_deleting_a_meeting_deletes_its_participations_and_countries(seed_meeting):
    seed_meeting.delete()

    assert not Participation.objects.exists()
    assert not MeetingCountry.objects.exists()


def test_involving_a_pair_finds_meetings_of_both_but_not_of_one(
    make_meeting, india, usa, jaishankar, rubio
):
    both = make_meeting(jaishankar, rubio)
    india_alone = make_meeting(jaishankar)

    pair = Meeting.objects.involving(india, usa)

    assert list(pair) == [both]
    assert india_alone in Meeting.objects.involving(india)


def test_a_trilateral_appears_in_each_of_its_pairs(
    make_meeting, india, usa, china, jaishankar, rubio, wang_yi
):
    trilateral = make_meeting(jaishankar, rubio, wang_yi)

    for a, b in [(india, usa), (india, china), (usa, china)]:
        assert list(Meeting.objects.involving(a, b)) == [trilateral]
    assert list(Meeting.objects.involving(india, usa, china)) == [trilateral]


def test_involving_accepts_country_ids(make_meeting, india, usa, jaishankar, rubio):
    both = make_meeting(jaishankar, rubio)

    assert list(Meeting.objects.involving(india.pk, usa.pk)) == [both]


# Dates, statuses and topics


def test_a_meeting_known_to_the_month_is_stored_on_the_first(db):
    meeting = Meeting.objects.create(
        date=datetime.date(2025, 10, 27), date_precision=Meeting.Precision.MONTH
    )

    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2025, 10, 1)


def test_a_meeting_known_to_the_year_is_stored_on_the_first_of_january(db):
    meeting = Meeting.objects.create(
        date=datetime.date(2025, 10, 27), date_precision=Meeting.Precision.YEAR
    )

    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2025, 1, 1)


def test_a_meeting_known_to_the_day_keeps_its_day(db):
    meeting = Meeting.objects.create(date=datetime.date(2025, 10, 27))

    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2025, 10, 27)


def test_published_leaves_out_drafts(make_meeting, jaishankar, rubio):
    published = make_meeting(jaishankar, rubio)
    draft = make_meeting(jaishankar, status=Meeting.Status.DRAFT)

    assert list(Meeting.objects.published()) == [published]
    assert draft in Meeting.objects.all()


def test_on_topic_includes_meetings_on_a_subtopic(make_meeting, jaishankar, rubio, trade, defence):
    tariffs = Topic.objects.create(name="Tariffs", parent=trade)
    on_trade = make_meeting(jaishankar, topics=[trade])
    on_tariffs = make_meeting(rubio, topics=[tariffs])
    on_defence = make_meeting(jaishankar, rubio, topics=[defence])

    about_trade = set(Meeting.objects.on_topic(trade))

    assert about_trade == {on_trade, on_tariffs}
    assert on_defence not in about_trade
    assert set(Meeting.objects.on_topic(tariffs)) == {on_tariffs}


def test_on_topic_lists_a_meeting_on_a_topic_and_its_subtopic_once(make_meeting, jaishankar, trade):
    tariffs = Topic.objects.create(name="Tariffs", parent=trade)
    meeting = make_meeting(jaishankar, topics=[trade, tariffs])

    assert list(Meeting.objects.on_topic(trade)) == [meeting]


# Slugs


def test_slugs_are_made_from_names_and_stay_unique(india):
    first = Venue.objects.create(name="Hyderabad", country=india)
    second = Venue.objects.create(name="Hyderabad", country=india)
    third = Venue.objects.create(name="Hyderabad", country=india)

    assert [first.slug, second.slug, third.slug] == ["hyderabad", "hyderabad-2", "hyderabad-3"]


def test_an_officials_slug_is_made_from_the_name(india):
    official = Official.objects.create(name="Subrahmanyam Jaishankar", country=india)

    assert official.slug == "subrahmanyam-jaishankar"
    assert official.get_absolute_url().endswith("/subrahmanyam-jaishankar/")


def test_a_slug_stays_when_the_name_changes(india):
    venue = Venue.objects.create(name="Hyderabad", country=india)

    venue.name = "Secunderabad"
    venue.save()

    venue.refresh_from_db()
    assert venue.slug == "hyderabad"


def test_an_topic_slug_is_made_from_its_name(db):
    assert Topic.objects.create(name="Climate & Energy").slug == "climate-energy"


# Countries


def test_load_countries_creates_every_iso_country_the_eu_and_the_former_ones(db):
    call_command("load_countries", stdout=StringIO())

    assert (
        Country.objects.filter(kind=Country.Kind.COUNTRY, code__regex=r"^[A-Z]{2}$").count() > 240
    )
    soviet = Country.objects.get(code="SUHH")
    assert (soviet.kind, soviet.end, soviet.successor.code) == (
        Country.Kind.FORMER,
        datetime.date(1991, 12, 26),
        "RU",
    )
    india = Country.objects.get(code="IN")
    assert india.name == "India"
    assert "Indian" in india.demonyms.splitlines()
    eu = Country.objects.get(code="EU")
    assert eu.kind == Country.Kind.UNION
    assert Country.objects.get(code="US").name == "United States"


def test_load_countries_twice_changes_nothing(db):
    call_command("load_countries", stdout=StringIO())
    before = list(Country.objects.order_by("code").values())

    out = StringIO()
    call_command("load_countries", stdout=out)

    assert list(Country.objects.order_by("code").values()) == before
    assert "0 created, 0 updated" in out.getvalue()


def test_load_countries_keeps_an_alias_an_editor_added(db):
    call_command("load_countries", stdout=StringIO())
    india = Country.objects.get(code="IN")
    india.aliases += "\nHindustan"
    india.save()

    call_command("load_countries", stdout=StringIO())

    india.refresh_from_db()
    aliases = india.aliases.splitlines()
    assert aliases[-1] == "Hindustan"
    assert "Bharat" in aliases and "Republic of India" in aliases


def test_load_countries_keeps_an_editors_alias_while_restoring_ours(db):
    call_command("load_countries", stdout=StringIO())
    Country.objects.filter(code="IN").update(aliases="Hindustan")

    call_command("load_countries", stdout=StringIO())

    aliases = Country.objects.get(code="IN").aliases.splitlines()
    assert aliases[0] == "Bharat" and aliases[-1] == "Hindustan"


def test_a_country_address_uses_the_lower_case_code(india):
    assert india.get_absolute_url() == "/countries/in/"


def test_a_country_code_is_saved_in_capitals(db):
    country = Country.objects.create(code=" fr ", name="France")

    country.refresh_from_db()
    assert country.code == "FR"


# The editors' group


def test_the_editors_group_exists_after_migrate_with_the_right_permissions(db):
    editors = Group.objects.get(name="Editors")
    perms = {
        f"{app}.{codename}"
        for app, codename in editors.permissions.values_list("content_type__app_label", "codename")
    }

    assert {"meetings.add_meeting", "meetings.change_meeting", "meetings.view_country"} <= perms
    assert "meetings.delete_country" not in perms
    assert "meetings.delete_topic" not in perms
    assert not [p for p in perms if p.startswith("auth.")]


def test_load_countries_knows_the_demonyms_of_less_covered_countries(db):
    call_command("load_countries", stdout=StringIO())

    assert "Haitian" in Country.objects.get(code="HT").demonyms.splitlines()
    assert "Republic of Kenya" in Country.objects.get(code="KE").aliases.splitlines()
