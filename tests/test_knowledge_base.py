"""The knowledge base of officials as the reader leans on it, loaded as `make run` loads it
(with its corrections, meetings/data/officials-corrections.json)."""

import datetime

import pytest
from django.core.management import call_command

from meetings.intake.lexicon import build_lexicon
from meetings.intake.people import People
from meetings.intake.reader import Reader
from meetings.models import Official, Position
from tests.intake_fixtures import world_loaded

D = datetime.date


@pytest.fixture(scope="module")
def officials(django_db_setup, django_db_blocker):
    with world_loaded(django_db_blocker):
        with django_db_blocker.unblock():
            call_command("load_officials", verbosity=0, stdout=None)
        try:
            yield
        finally:
            with django_db_blocker.unblock():
                Position.objects.all().delete()
                Official.objects.all().delete()


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("officials")]


def participants(text: str, published: datetime.date) -> list[list[str]]:
    proposals = Reader().read(text, published=published).proposals
    return [sorted(p["name"] for p in proposal.as_gold()["participants"]) for proposal in proposals]


@pytest.mark.parametrize(
    "published, president",
    [(D(1990, 6, 5), "George H. W. Bush"), (D(2005, 6, 7), "George W. Bush")],
)
def test_president_bush_is_the_one_in_office_that_year(published, president):
    text = "President Bush met Chancellor Helmut Kohl at the White House on Tuesday."
    assert participants(text, published) == [[president, "Helmut Kohl"]]


def test_li_qiang_is_the_premier_who_succeeded_li_keqiang():
    text = (
        "Chinese Premier Li Qiang held talks with Australian Prime Minister Anthony Albanese "
        "in Canberra on Monday."
    )
    assert participants(text, D(2024, 6, 18)) == [["Anthony Albanese", "Li Qiang"]]


def countries(text: str, published: datetime.date) -> list[list[str]]:
    proposals = Reader().read(text, published=published).proposals
    return [sorted(p["country_iso2"] for p in x.as_gold()["participants"]) for x in proposals]


def test_a_monarch_of_several_realms_is_of_his_own_country():
    text = "Prime Minister James Marape of Papua New Guinea met King Charles III on Monday."
    assert countries(text, D(2022, 10, 5)) == [["GB", "PG"]]


def test_an_official_in_a_new_post_speaks_for_it_not_for_the_one_just_left():
    # Prime Minister of Belgium until October 2019, President of the European Council after
    text = "Charles Michel held a telephone conversation with Recep Tayyip Erdogan on Thursday."
    assert countries(text, D(2020, 8, 13)) == [["EU", "TR"]]


def test_the_holder_of_a_countrys_post_is_the_one_of_it_the_tracker_has_in_that_post():
    # the tracker has Bainimarama as Fiji's Prime Minister and, from 2016, its Foreign Minister
    text = (
        "Fiji's Frank Bainimarama arrived in Wellington on Monday for his first official visit.\n"
        "The Fijian prime minister held talks with John Key on Tuesday."
    )
    assert participants(text, D(2016, 10, 22)) == [["Frank Bainimarama", "John Key"]]


def test_counterparts_listed_by_country_are_a_call_each_and_a_country_no_ones_surname():
    # the tracker knows an official whose family name is Oman
    text = (
        "External Affairs Minister S Jaishankar on Thursday spoke to his counterparts from the "
        "US, Russia, Oman and Brazil, discussing the pandemic."
    )
    assert countries(text, D(2020, 4, 24)) == [
        ["IN", "US"],
        ["IN", "RU"],
        ["IN", "OM"],
        ["BR", "IN"],
    ]
    found = Reader().read(text, published=D(2020, 4, 24)).proposals
    assert {p.kind for p in found} == {"call"}


def test_a_gulf_leader_called_by_his_first_name_is_the_one_in_office():
    text = "French President Emmanuel Macron held talks with Sheikh Tamim in Paris on Monday."
    assert participants(text, D(2022, 11, 10)) == [["Emmanuel Macron", "Tamim bin Hamad Al Thani"]]


def test_a_word_before_an_institution_is_not_the_official_of_that_surname():
    # the tracker knows Palau's Vice President Jerrlyn Uduch Sengebau Senior, called "Senior"
    people = People(build_lexicon(), reference=D(2024, 6, 18))
    briefing = people.find("Senior State Department Official here to brief you.")
    assert [m.person.name for m in briefing] == []
    named = people.find("Vice President Senior received the delegation.")
    assert [m.person.name for m in named] == ["Jerrlyn Uduch Sengebau Senior"]


def test_a_datelines_year_is_the_one_its_official_held_the_post_the_lead_names():
    # Scott Morrison was Treasurer from 2015 and Prime Minister from 2018 to 2022; 4 June fell on
    # a Thursday in 2015 and 2020, and only in 2020 was he a prime minister
    text = (
        "Canberra, June 04: Prime Minister of India on Thursday held a virtual summit with his "
        "Australian counterpart Scott Morrison."
    )
    found = Reader().read(text).proposals
    assert [p.as_gold()["date"] for p in found] == ["2020-06-04"]


def test_initials_glued_together_stand_for_the_given_names_of_the_official():
    # the tracker knows Khadga Prasad Sharma Oli, Nepal's prime minister in 2018; a title in
    # lower case is taken before a name it knows
    text = (
        "ThePresident of Sri Lanka Maithripala Sirisena had a bilateral meeting with Bidya Devi "
        "Bhandari on 1 September 2018.\nEarlier, prime minister K.P. Sharma Oli called on the "
        "President of Sri Lanka."
    )
    assert participants(text, D(2018, 9, 2)) == [
        ["Bidya Devi Bhandari", "Maithripala Sirisena"],
        ["Khadga Prasad Sharma Oli", "Maithripala Sirisena"],
    ]


def test_a_middle_initial_the_tracker_does_not_write_is_still_the_same_official():
    # "Antony J. Blinken" and "the Secretary" are one man: one meeting, not two
    text = (
        "Secretary of State Antony J. Blinken met today with Kenyan President William Ruto in "
        "Washington. The Secretary and President Ruto discussed security in the Horn of Africa."
    )
    assert participants(text, D(2024, 5, 23)) == [["Antony Blinken", "William Ruto"]]


def test_a_surname_after_another_given_name_is_not_the_official_of_that_surname():
    # "Jake Sullivan" is not John J. Sullivan, whom the tracker knows; nor does his missing
    # country cost the meeting of the others
    text = "Antony Blinken and Jake Sullivan met Yang Jiechi and Wang Yi on Thursday."
    assert participants(text, D(2021, 3, 19)) == [["Antony Blinken", "Wang Yi", "Yang Jiechi"]]


def test_a_surname_alone_is_the_official_in_office_when_the_report_was_written():
    text = "Merkel and Bush held talks on the Middle East on Saturday."
    assert participants(text, D(2007, 11, 12)) == [["Angela Merkel", "George W. Bush"]]


def test_an_office_the_article_names_no_one_for_is_its_holder_that_day():
    text = (
        "On Monday, the External Affairs Minister had a bilateral meeting with Foreign "
        "Minister George Yeo of Singapore in New York."
    )
    assert participants(text, D(2007, 9, 24)) == [["George Yeo", "Pranab Mukherjee"]]


def test_a_month_before_a_known_surname_leaves_the_surname_its_official():
    text = "In June Modi met Biden in Washington."
    assert participants(text, D(2023, 7, 10)) == [["Joe Biden", "Narendra Modi"]]


def test_a_post_a_source_ran_on_into_the_name_is_the_post_alone():
    # some sources split "President Luiz Inácio Lula da Silva" as "President Luiz In cio" and
    # a name; what an editor and the reader are given is the post alone
    lula = Official.objects.get(slug="luiz-inacio-lula-da-silva")
    assert set(lula.positions.values_list("title", flat=True)) == {"President"}
    reading = Reader().read(
        "President Lula met Argentine President Alberto Fernández on Monday.",
        published=D(2023, 5, 31),
    )
    lula_there = next(p for p in reading.proposals[0].participants if p.name.startswith("Luiz"))
    assert lula_there.title == "President"


@pytest.mark.parametrize(
    "published, emir",
    [
        (D(1990, 6, 5), "Jaber al-Ahmad al-Sabah"),
        (D(2022, 6, 7), "Nawaf Al-Ahmad Al-Jaber Al-Sabah"),
        (D(2024, 6, 16), "Mishal al-Ahmad al-Jaber al-Sabah"),
    ],
)
def test_the_emir_of_kuwait_is_the_one_who_reigned_that_year(published, emir):
    text = "The Emir of Kuwait received Omani Foreign Minister Badr Albusaidi on Tuesday."
    assert emir in participants(text, published)[0]


def test_the_emir_named_in_full_is_himself_not_an_earlier_emir():
    text = (
        "UAE President Mohamed bin Zayed spoke by phone with Sheikh Mishal Al-Ahmad Al-Jaber "
        "Al-Sabah, Emir of Kuwait, on Sunday."
    )
    assert participants(text, D(2024, 6, 16)) == [
        ["Mishal al-Ahmad al-Jaber al-Sabah", "Mohamed bin Zayed"]
    ]
