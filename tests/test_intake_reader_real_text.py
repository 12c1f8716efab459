"""The article reader on the shapes real pages take (lines broken mid-sentence, dates that
belong to another event, meetings listed one after another), on short texts written for the
project."""

import datetime

import pytest

from meetings.intake.reader import Reader
from tests.intake_fixtures import world_loaded

D = datetime.date
# A Tuesday: "on Monday" is 27 October.
PUBLISHED = D(2025, 10, 28)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Countries and the gazetteer's places, once for the module."""
    with world_loaded(django_db_blocker):
        yield


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("world")]


def first_meeting(text: str, published: datetime.date | None = PUBLISHED):
    return Reader().read(text, published=published).proposals[0]


def meetings(text: str, published: datetime.date | None = PUBLISHED) -> list[tuple]:
    """(date, sorted countries) of every proposed meeting, in order."""
    proposals = Reader().read(text, published=published).proposals
    return [(p.as_gold()["date"], sorted(p.countries)) for p in proposals]


def test_a_sentence_broken_over_several_lines_is_read_as_one():
    text = (
        "Chilean President Marta Quiroga and Peruvian President Tomas Ayala met in the port\n"
        "city of\n"
        "Arica on Monday, the two governments said.\n"
        "Quiroga\n"
        "also met with Bolivian President Ruben Mamani on Sunday.\n"
    )
    assert meetings(text) == [("2025-10-27", ["CL", "PE"]), ("2025-10-26", ["BO", "CL"])]


def test_the_date_of_a_visit_the_ministers_followed_up_is_not_the_meetings_date():
    text = (
        "Foreign Minister Karin Holm of Denmark held talks with Maltese Foreign Minister Luca "
        "Borg on Friday.\n"
        "Holm also held talks with Icelandic Foreign Minister Eva Sigurdardottir and discussed "
        "follow up to President Jon Einarsson's visit to Denmark in August last year.\n"
    )
    assert meetings(text) == [("2025-10-24", ["DK", "MT"]), ("2025-10-24", ["DK", "IS"])]


def people_met(text: str, published: datetime.date | None = PUBLISHED) -> list[list[str]]:
    """The participants' names of every proposed meeting, in order."""
    proposals = Reader().read(text, published=published).proposals
    return [sorted(p["name"] for p in proposal.as_gold()["participants"]) for proposal in proposals]


@pytest.mark.parametrize(
    "caption",
    ["", "A meeting between President Arno Kessel and Prime Minister Ilze Ozola in Tallinn\n"],
)
def test_a_name_followed_by_an_alias_in_brackets_is_one_person(caption):
    # the alias alone in the headline; the full name in a caption before the alias, or not
    text = (
        "President Kessi Receives Latvian Prime Minister\n\n"
        f"{caption}"
        "Tallinn - Estonian President Arno Kessel (Kessi) received a courtesy call from Latvian "
        'Prime Minister Ilze Ozola to discuss trade. "I appreciate the cooperation," President '
        "Kessi said during the bilateral meeting with Prime Minister Ilze Ozola at the palace in "
        "Tallinn on Monday.\n"
    )
    assert people_met(text) == [["Arno Kessel", "Ilze Ozola"]]


def test_a_name_in_brackets_after_a_country_is_that_countrys_official():
    text = (
        "Estonian Foreign Minister Arno Kessel held talks with Latvian Foreign Minister Ilze "
        "Ozola on Monday.\n"
        '"He [Kessel] also had fruitful meetings with the foreign ministers of Lithuania [Rasa '
        'Dovydenas] and Finland [Aino Lehtonen]," the spokesman said.\n'
    )
    assert people_met(text) == [
        ["Arno Kessel", "Ilze Ozola"],
        ["Arno Kessel", "Rasa Dovydenas"],
        ["Aino Lehtonen", "Arno Kessel"],
    ]
    assert meetings(text)[1:] == [("2025-10-27", ["EE", "LT"]), ("2025-10-27", ["EE", "FI"])]


def test_leaders_who_agreed_to_meet_have_not_met_yet():
    text = (
        "Estonian President Arno Kessel and Latvian President Ilze Ozola have agreed to meet on "
        "the sidelines of next month's summit, according to an official.\n"
        "Estonian Foreign Minister Mart Tamm held talks with Latvian Foreign Minister Janis "
        "Berzins on Friday.\n"
    )
    assert people_met(text) == [["Janis Berzins", "Mart Tamm"]]


def test_a_dateline_on_a_line_of_its_own_gives_the_host_and_the_date():
    text = (
        "Chilean Ambassador calls on Prime Minister\n"
        "Tallinn:  May 15, 2012\n"
        "Chilean Ambassador, Mr. Pablo Rojas paid a courtesy call on Prime Minister Mart Tamm at "
        "the Prime Minister's Office today.\n"
        "The Prime Minister welcomed the Ambassador.\n"
    )
    # the Prime Minister is the host's: Estonian, from the dateline's city
    assert meetings(text, published=None) == [("2012-05-15", ["CL", "EE"])]


def test_a_caption_ending_in_the_photo_credit_is_read_as_a_caption():
    # The page opens with the caption, the credit after its full stop: no headline, a report.
    text = (
        "Estonian Foreign Minister Arno Kessel meets Latvian Prime Minister Ilze Ozola at a hotel "
        "in Riga on 27 October. Photo: Agency\n"
        "\n"
        "The visit underlines the close ties of the two neighbours, the minister said today.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"])]


def test_a_paragraph_broken_mid_sentence_is_joined_to_the_next():
    text = (
        "Ties with Latvia are excellent, Estonian Foreign Secretary Mart Tamm said.\n"
        "\n"
        "This was discussed when Latvian Ambassador Ilze Ozola paid a courtesy\n"
        "\n"
        "call on Foreign Secretary Mart Tamm in Tallinn on Monday.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"])]


def test_a_byline_after_a_blank_line_is_not_joined_to_the_caption_above():
    text = (
        "Estonian Prime Minister Arno Kessel in talks with Latvian Prime Minister Ilze Ozola in "
        "Tallinn on Monday evening. -- Agency\n"
        "\n"
        "by Staff Reporter Published: Tue 28 Oct 2025\n"
        "\n"
        "Estonia values its ties with Latvia, the prime minister said in an interview.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"])]


def test_what_a_participant_says_he_will_do_does_not_undo_the_meeting():
    # "will" belongs to the clause the participle opens, not to the meeting
    text = (
        "Estonian Prime Minister Arno Kessel used the opening of a meeting with Latvian Prime "
        "Minister Ilze Ozola in Riga on Monday to reassure Latvia over the port deal, declaring "
        "he will never allow a foreign base in his country.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"])]


def test_a_meeting_said_to_be_scheduled_is_still_not_proposed():
    text = (
        "The meeting between Estonian Prime Minister Arno Kessel and Latvian Prime Minister Ilze "
        "Ozola, planned for the spring, will take place in Riga, officials said.\n"
    )
    assert meetings(text) == []


def test_a_meeting_held_recently_has_no_day():
    text = (
        "Latvian Ambassador Ilze Ozola paid a courtesy call on Estonian Foreign Secretary Mart "
        "Tamm at the ministry in Tallinn recently.\n"
        "The recently appointed Lithuanian Ambassador Rasa Dovydenas met Estonian Foreign "
        "Minister Arno Kessel in Tallinn.\n"
    )
    assert meetings(text) == [(None, ["EE", "LV"]), ("2025-10-28", ["EE", "LT"])]


def test_a_name_that_opens_with_an_accented_capital_is_read_whole():
    proposal = first_meeting(
        "Turkish Foreign Minister Ömer Çelik held a telephone conversation with Latvian Foreign "
        "Minister Ilze Ozola on Monday.\n",
    )
    assert [p.name for p in proposal.participants] == ["Ömer Çelik", "Ilze Ozola"]


def test_an_official_speaking_on_condition_due_to_rules_does_not_cancel_the_call():
    # "due to" giving a cause is not "due to meet"
    text = (
        "The official, who asked not to be named due to restrictions on talking to the media, "
        "said Estonian Foreign Minister Arno Kessel held a telephone conversation with Latvian "
        "Foreign Minister Ilze Ozola on Monday.\n"
        "Estonian Prime Minister Mart Tamm is due to meet Latvian Prime Minister Janis Berzins "
        "in Riga.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"])]


def test_a_visit_at_someones_invitation_has_happened():
    text = (
        "Estonian Foreign Minister Arno Kessel, in Riga at the invitation of the government, "
        "held talks with Latvian Prime Minister Ilze Ozola on Monday.\n"
        "Kessel has accepted an invitation to hold talks with Lithuanian Foreign Minister Rasa "
        "Dovydenas in Vilnius.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"])]


def test_the_one_a_who_clause_describes_does_the_verb_not_the_last_one_it_names():
    text = (
        "Estonian Foreign Secretary Mart Tamm met Latvian Prime Minister Ilze Ozola in Riga on "
        "Monday.\n"
        "Tamm, who is in Riga at the request of his Latvian counterpart Janis Berzins, paid a "
        "courtesy call on President Andris Kalnins at his office in Riga.\n"
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    assert [[p.name for p in x.participants] for x in proposals] == [
        ["Mart Tamm", "Ilze Ozola"],
        ["Mart Tamm", "Andris Kalnins"],
    ]


def test_the_leader_whose_coming_visit_the_ministers_discussed_is_not_at_the_table():
    text = (
        "Estonian Foreign Minister Arno Kessel held a meeting in Riga with his Latvian counterpart "
        "Ilze Ozola on Monday.\n"
        "Besides, the ministers held discussions about Prime Minister Mart Tamm's official visit "
        "to Latvia taking place from next Friday, October 31.\n"
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    assert [([p.name for p in x.participants], x.as_gold()["date"]) for x in proposals] == [
        (["Arno Kessel", "Ilze Ozola"], "2025-10-27")
    ]


def test_a_country_between_the_title_and_the_name_is_the_officials_country():
    proposal = first_meeting(
        "Estonian Foreign Minister Arno Kessel met Foreign Minister Latvia Ilze Marta Ozola in "
        "Tallinn on Monday.\n",
    )
    assert [(p.name, p.country) for p in proposal.participants] == [
        ("Arno Kessel", "EE"),
        ("Ilze Marta Ozola", "LV"),
    ]


def test_a_sideline_meeting_with_two_ministers_is_a_meeting_with_each():
    text = (
        "Estonian Foreign Minister Arno Kessel held a sideline meeting with Latvian Foreign "
        "Minister Ilze Ozola and Foreign Minister of Lithuania Rasa Dovydenas in Riga on Monday.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"]), ("2025-10-27", ["EE", "LT"])]


def test_a_minister_who_calls_on_a_leader_meets_him_but_one_who_calls_on_him_to_act_does_not():
    text = (
        "Meanwhile, Estonian Foreign Minister Arno Kessel calls on the Prime Minister of Latvia "
        "Ilze Ozola in Riga.\n"
        "Lithuanian President Rasa Dovydenas calls on Polish President Jan Nowak to reopen the "
        "border.\n"
    )
    assert meetings(text) == [("2025-10-28", ["EE", "LV"])]


def test_a_name_misspelt_in_both_words_is_the_same_person():
    text = (
        "Estonian Foreign Minister Arno Kessel called on Latvian Prime Minister Ilmars Ozolins in "
        "Riga on Monday.\n"
        "Estonian Foreign Minister Arno Kessel calls on Latvian Prime Minister Ilmers Ozolinsh in "
        "Riga on Monday.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"])]


def test_the_president_of_an_institution_is_its_unnamed_office_holder():
    proposal = first_meeting(
        "Estonian Prime Minister Arno Kessel met the President of the European Council in "
        "Brussels on Monday.\n",
    )
    assert [(p.name, p.title, p.country) for p in proposal.participants] == [
        ("Arno Kessel", "Prime Minister", "EE"),
        (None, "President of the European Council", "EU"),
    ]


def test_counterparts_named_after_them_are_named_in_the_order_of_their_countries():
    text = (
        "Estonian Foreign Minister Arno Kessel met in Tallinn on Monday with his Latvian and "
        "Lithuanian counterparts, Ilze Ozola and Rasa Dovydenas.\n"
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    assert [[(p.name, p.country) for p in x.participants] for x in proposals] == [
        [("Arno Kessel", "EE"), ("Ilze Ozola", "LV")],
        [("Arno Kessel", "EE"), ("Rasa Dovydenas", "LT")],
    ]


def test_a_meeting_that_was_with_someone_is_the_visitors():
    text = (
        "Estonian Prime Minister Arno Kessel arrived in Brussels on Monday for the summit.\n"
        "The first bilateral meeting of the day was with the Prime Minister of Latvia, Ilze "
        "Ozola.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"])]


def test_two_initials_written_together_open_a_name():
    text = (
        "Estonian Prime Minister Arno Kessel held talks in Tallinn on Monday with Latvian PM KJ "
        "Ilze Ozola.\n"
        "US President Mark Hollis also met Kessel in Tallinn on Monday.\n"
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    names = [[p.name for p in x.participants] for x in proposals]
    assert ["Arno Kessel", "KJ Ilze Ozola"] in names
    assert ["Mark Hollis", "Arno Kessel"] in names


def test_talks_held_on_an_earlier_visit_have_no_day():
    text = (
        "Estonian Prime Minister Arno Kessel held talks with Latvian President Ilze Ozola in Riga "
        "on Monday.\n"
        "Kessel reached Riga after concluding his visit to Lithuania, where he held bilateral "
        "talks with Lithuanian Prime Minister Rasa Dovydenas.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"]), (None, ["EE", "LT"])]


def test_an_office_named_alone_is_its_holder_named_before():
    text = (
        "The Minister of Foreign Affairs of Estonia, Arno Kessel, has postponed a trip to Riga.\n"
        '"The foreign minister spoke with Latvian Foreign Minister Ilze Ozola on Monday," his '
        "office said.\n"
    )
    proposal = Reader().read(text, published=PUBLISHED).proposals[0]
    assert [(p.name, p.country) for p in proposal.participants] == [
        ("Arno Kessel", "EE"),
        ("Ilze Ozola", "LV"),
    ]


def test_a_title_then_the_name_between_commas_is_one_official():
    proposal = first_meeting(
        "On Monday the Estonian Secretary for Foreign Affairs, Mart Tamm, held a meeting with "
        "his Latvian counterpart, Ilze Ozola, in Riga.\n"
    )
    assert [(p.name, p.title, p.country) for p in proposal.participants][0] == (
        "Mart Tamm",
        "Secretary for Foreign Affairs",
        "EE",
    )


def test_the_date_a_mechanism_was_founded_or_a_meeting_decided_does_not_date_the_meeting():
    text = (
        "Within the framework of the Estonia-Latvia Council established in May 2016, the "
        "Estonian Secretary for Foreign Affairs, Mart Tamm, held a meeting with his Latvian "
        "counterpart, Ilze Ozola.\n"
        "The two secretaries decided last March to hold a meeting of the Council, which took "
        "place yesterday, October 27, in Riga.\n"
    )
    assert meetings(text) == [("2025-10-27", ["EE", "LV"])]


def test_a_summit_with_someone_in_the_past_is_a_meeting_of_that_month():
    text = (
        "Estonian President Arno Kessel, who had previously hailed his June summit in Riga with "
        "Latvian President Ilze Ozola as a success, cancelled a trip on Monday.\n"
    )
    assert meetings(text) == [("2025-06", ["EE", "LV"])]


def test_a_known_officials_hyphenated_given_name_is_found_written_apart(world):
    from meetings.models import Country, Official

    Official.objects.create(name="Park Min-jun", country=Country.objects.get(code="KR"))
    text = "Estonian President Arno Kessel met Park Min Jun in Seoul on Monday.\n"
    proposal = first_meeting(text)
    assert [(p.name, p.country) for p in proposal.participants] == [
        ("Arno Kessel", "EE"),
        ("Park Min-jun", "KR"),
    ]


def test_a_known_official_recorded_with_a_middle_initial_is_found_without_it(world):
    from meetings.models import Country, Official

    Official.objects.create(
        name="Arvo Tamm", aliases="Arvo K. Tamm", country=Country.objects.get(code="EE")
    )
    Official.objects.create(
        name="Juris Kalnins", aliases="Juris P Ozols", country=Country.objects.get(code="LV")
    )
    # no country word anywhere: only the record gives each one's country
    text = "Arvo K Tamm and Juris Ozols met in Tallinn on Monday.\n"
    proposal = first_meeting(text)
    assert sorted(p.country for p in proposal.participants) == ["EE", "LV"]


def test_he_after_a_named_subject_with_no_meeting_between_is_that_subject():
    text = (
        "Latvian President Ilze Ozola told reporters she expected a calm week.\n"
        "Estonian President Arno Kessel was greeted with a guard of honour before he sat down "
        "with Ozola for talks in Riga on Monday.\n"
    )
    assert people_met(text) == [["Arno Kessel", "Ilze Ozola"]]


def test_two_calls_in_one_sentence_each_with_its_day_and_counterpart():
    text = (
        "Prime Minister Ana Lopes of Portugal spoke to her Spanish counterpart Prime Minister "
        "Jon Arana yesterday evening while Portuguese Foreign Minister Rui Costa also called his "
        "counterpart Minister Hon Maria 'Etuate this morning to discuss the fires.\n"
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    assert [
        (p.as_gold()["date"], p.kind, [(x.name, x.country) for x in p.participants])
        for p in proposals
    ] == [
        ("2025-10-27", "call", [("Ana Lopes", "PT"), ("Jon Arana", "ES")]),
        ("2025-10-28", "call", [("Rui Costa", "PT"), ("Maria 'Etuate", "ES")]),
    ]
    assert proposals[0].participants[1].title == "Prime Minister"


def test_time_spent_with_a_leader_and_a_sit_down_for_a_discussion_are_meetings():
    text = (
        "Estonian President Arno Kessel has been in bilateral meetings for most of the day.\n"
        "Kessel also spent time with Latvian President Ilze Ozola.\n"
        "Kessel and Lithuanian President Jonas Petraitis also sat down for a discussion.\n"
    )
    assert meetings(text) == [("2025-10-28", ["EE", "LV"]), ("2025-10-28", ["EE", "LT"])]


def test_a_surname_alone_is_the_one_official_of_that_name_in_office_when_written(world):
    from meetings.models import Country, Official, Position

    def official(name: str, code: str, start: D, end: D | None) -> None:
        country = Country.objects.get(code=code)
        person = Official.objects.create(name=name, country=country)
        Position.objects.create(
            official=person, title="President", country=country, start=start, end=end
        )

    official("Arno Kesselring", "EE", D(1994, 1, 1), D(2001, 1, 1))
    official("Jonas Brauns", "LT", D(2008, 1, 1), D(2016, 1, 1))
    official("Pieter Brauns", "NL", D(1996, 1, 1), D(2002, 1, 1))
    text = "President Kesselring met President Brauns on Monday.\n"
    # in 1999 one Kesselring was in office, and one Brauns (the other came in 2008)
    assert meetings(text, D(1999, 6, 2)) == [("1999-05-31", ["EE", "NL"])]
    # in 2010 the Estonian had been out of office for nine years: no one to name
    assert meetings(text, D(2010, 6, 2)) == []
    # in 2005 both Brauns had been in office within a few years: which one, the text says not
    text = "Estonian President Arno Kesselring met President Brauns on Monday.\n"
    assert meetings(text, D(2005, 6, 2)) == []


def test_a_caption_of_one_leader_meeting_another_is_a_meeting_on_its_date():
    text = (
        "TALLINN - It was a busy weekend for Estonian President Arno Kessel.\n\n"
        "President Arno Kessel meeting Latvian President Ilze Ozola on the sidelines of the "
        "Baltic Summit in Tallinn, on October 25, 2025. PHOTO: AGENCY\n\n"
        "The meeting Monday with business leaders was cancelled.\n"
    )
    assert meetings(text) == [("2025-10-25", ["EE", "LV"])]


def test_two_leaders_who_talked_met_and_a_flight_home_is_not_the_venue():
    text = (
        "Speaking at Tallinn airport before heading home to Riga, Latvian President Ilze Ozola "
        "said the meeting with Estonian President Arno Kessel was fruitful.\n"
        "Estonian President Arno Kessel and Lithuanian President Jonas Petraitis talked on "
        "Saturday on areas of cooperation.\n"
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    assert [sorted(p.countries) for p in proposals] == [["EE", "LV"], ["EE", "LT"]]
    assert proposals[0].as_gold()["venue_city"] == "Tallinn"
    assert proposals[1].as_gold()["date"] == "2025-10-25"


def test_a_leader_on_the_way_to_talks_has_not_met_yet():
    text = (
        "President Kessel Heads To Riga For Talks With Ozola\n\n"
        "Estonian President Arno Kessel is heading to Latvia today for talks with Latvian "
        "President Ilze Ozola.\n"
    )
    assert meetings(text) == []


def test_a_dateline_without_a_year_takes_the_one_year_its_officials_fit(world):
    from meetings.models import Country, Official, Position

    for name, code, start, end in [
        ("Ilze Ozolina", "LV", D(2017, 1, 1), D(2020, 12, 31)),
        ("Arno Kesselring", "EE", D(2016, 1, 1), D(2021, 12, 31)),
    ]:
        country = Country.objects.get(code=code)
        person = Official.objects.create(name=name, country=country)
        Position.objects.create(
            official=person, title="President", country=country, start=start, end=end
        )
    text = (
        "RIGA, Oct. 24 -- Latvian President Ilze Ozolina held talks with Estonian President "
        "Arno Kesselring in Riga on Thursday.\n"
    )
    # both in office 2017-2020, and 24 October was a Thursday only in 2019
    assert meetings(text, published=None) == [("2019-10-24", ["EE", "LV"])]
    # wire copy filed the next morning: the dateline's day after a Friday, in 2020 alone
    assert meetings(text.replace("Thursday", "Friday"), published=None) == [
        ("2020-10-23", ["EE", "LV"])
    ]
    # on a Sunday, no year of their terms fits, on the day or the day before: no day is guessed
    assert meetings(text.replace("Thursday", "Sunday"), published=None) == [(None, ["EE", "LV"])]
    # a date the text cites does not outweigh the dateline's day in their terms
    cited = text + "They recalled the treaty of February 12, 2015.\n"
    assert meetings(cited, published=None) == [("2019-10-24", ["EE", "LV"])]


def test_a_name_the_text_shortens_is_the_official_the_tracker_knows_by_a_longer_one():
    """The tracker knows "Tomas Ayala Rojas", also called "Tomas Ayala"; the text's "Ayala"
    is still him after "Tomas Ayala", not someone with no country."""
    from meetings.models import Country, Official, Position

    peru = Country.objects.get(code="PE")
    ayala = Official.objects.create(
        name="Tomas Ayala Rojas", slug="tomas-ayala-rojas", country=peru, aliases="Tomas Ayala"
    )
    Position.objects.create(official=ayala, title="President", country=peru, start=D(2024, 1, 1))
    text = (
        "Peruvian President Tomas Ayala met Chilean President Marta Quiroga on Monday.\n"
        "Ayala also met with Bolivian President Ruben Mamani on Sunday.\n"
    )
    assert people_met(text) == [
        ["Marta Quiroga", "Tomas Ayala Rojas"],
        ["Ruben Mamani", "Tomas Ayala Rojas"],
    ]


def test_an_honorific_with_a_full_stop_does_not_end_the_sentence():
    text = (
        "Samoan Prime Minister Hon. Tavita Lelei met Australian Prime Minister Rt. Hon. Grace "
        "Whitlam "
        "in Brisbane on Monday."
    )
    assert people_met(text) == [["Grace Whitlam", "Tavita Lelei"]]


def test_a_bilateral_with_someone_is_a_meeting_with_them():
    text = (
        "He was in Tokyo for the funeral, in which Samoan Prime Minister Tavita Lelei also had a "
        "bilateral with Japanese Prime Minister Kenji Morita on Monday."
    )
    assert meetings(text) == [("2025-10-27", ["JP", "WS"])]


def test_of_the_european_commission_is_the_institution_not_part_of_the_name():
    text = (
        "President of the European Commission Anna Lindqvist met Turkish President Kemal "
        "Arslan on Monday."
    )
    assert people_met(text) == [["Anna Lindqvist", "Kemal Arslan"]]
    assert meetings(text) == [("2025-10-27", ["EU", "TR"])]


def test_someone_who_also_took_part_in_the_call_is_one_more_participant():
    text = (
        "Russian President Oleg Morozov and Turkish President Kemal Arslan discussed Syria in a "
        "phone conversation on Sunday, the Kremlin said. Kazakh President Arman Seitkali, who "
        "is visiting Russia now, also took part in the call, it added."
    )
    assert people_met(text) == [["Arman Seitkali", "Kemal Arslan", "Oleg Morozov"]]


def test_a_caption_after_their_meeting_reports_that_meeting():
    text = (
        "Russian President Oleg Morozov and his Turkish counterpart Kemal Arslan arrive for a "
        "news conference following their meeting in Istanbul, Turkey, October 10, 2025."
    )
    assert meetings(text) == [("2025-10-10", ["RU", "TR"])]


@pytest.mark.parametrize(
    "text",
    [
        "Diplomats of both countries worked on preparations for a meeting between Japanese Prime "
        "Minister Kenji Morita and Russian President Oleg Morozov.",
        "Japanese Prime Minister Kenji Morita is eager to make progress at the meeting with "
        "Russian President Oleg Morozov on the islands.",
    ],
)
def test_a_meeting_being_prepared_or_hoped_for_has_not_happened(text):
    assert meetings(text) == []


def test_the_date_since_which_a_dialogue_was_not_held_is_not_its_date():
    text = (
        "MOSCOW, Oct. 23\n"
        "Japanese and Russian diplomats agreed Thursday to speed up their work.\n"
        "That was agreed during a strategic dialogue, held for the first time since February "
        "2013, between Japanese Vice Foreign Minister Kenji Sato and Russian First Deputy Foreign "
        "Minister Pavel Orlov, part of exchanges planned in the lead-up to the Morita-Morozov "
        "summit on Dec. 15."
    )
    assert meetings(text) == [("2025-10-23", ["JP", "RU"])]


@pytest.fixture
def officials_called_like_cities():
    from meetings.models import Country, Official

    for name, code, city in [
        ("Teo Malua Honolulu", "TV", "Honolulu"),
        ("Paul Muscat", "MT", "Muscat"),
    ]:
        Official.objects.create(
            name=name,
            slug=name.lower().replace(" ", "-"),
            country=Country.objects.get(code=code),
            aliases=city,
        )


@pytest.mark.usefixtures("officials_called_like_cities")
@pytest.mark.parametrize(
    "text, met",
    [
        (
            "South Korean Foreign Minister Han Ji-ho (L) and Japanese Foreign Minister Kenji Sato "
            "are seen posing for a photo during their bilateral meeting in Honolulu on Feb. 12.",
            [["Han Ji-ho", "Kenji Sato"]],
        ),
        (
            "Tehran and Muscat have always held mutual consultations, Iranian Foreign Minister "
            "Reza Karimi said after he met Omani Foreign Minister Salim al-Harthi on Monday.",
            [["Reza Karimi", "Salim al-Harthi"]],
        ),
    ],
)
def test_a_city_is_not_an_official_who_bears_its_name(text, met):
    assert people_met(text) == met


def test_a_round_up_of_meetings_over_days_it_does_not_give_dates_none_of_them():
    text = (
        "Sri Lankan Foreign Minister Nimal Perera, who is leading the delegation to the General "
        "Assembly, "
        "has met a number of leaders in New York.\n\n"
        "Foreign Minister Perera met the President of the United States Tom Harlan at a dinner "
        "reception hosted by the US President.\n\n"
        "He also met the Prime Minister of Bangladesh Rahima Khatun. Bilateral discussions were "
        "also held with the Minister of Foreign Affairs and International Cooperation of "
        "Somalia Abdi Warsame."
    )
    assert meetings(text) == [(None, ["LK", "US"]), (None, ["BD", "LK"]), (None, ["LK", "SO"])]


def test_meetings_on_a_trip_the_leader_returns_from_are_not_dated_by_the_return():
    text = (
        "Samoan Prime Minister Hon. Tavita Lelei returns home today (Wednesday, October 29, "
        "2025) after official visits to London and Tokyo.\n\n"
        "In Tokyo he had a bilateral with Japanese Prime Minister Kenji Morita."
    )
    assert meetings(text) == [(None, ["JP", "WS"])]


def test_a_meeting_someone_is_having_is_news_of_a_plan():
    text = (
        "President Tom Harlan of the United States is also meeting with Chinese President Li "
        "Wen in Lima."
    )
    assert meetings(text) == []


def test_guests_of_three_countries_hosted_in_turn_are_a_meeting_each():
    text = (
        "President Arman Seitkali of Kazakhstan has already hosted President of Azerbaijan "
        "Rauf Mammadov, the President of China Li Wen and President of Russia Oleg Morozov."
    )
    assert meetings(text) == [
        ("2025-10-28", ["AZ", "KZ"]),
        ("2025-10-28", ["CN", "KZ"]),
        ("2025-10-28", ["KZ", "RU"]),
    ]
    assert people_met(text)[1] == ["Arman Seitkali", "Li Wen"]


def test_a_first_sentence_that_lost_its_full_stop_is_still_read():
    text = (
        "Ethiopia\n"
        "Kenyan President Daniel Kiprop met with Ethiopian Prime Minister Tesfaye Bekele "
        "Thursday to discuss bilateral cooperation and deepen the economic and strategic ties "
        "between the two countries on regional issues\n"
        "This is President Kiprop's first visit to Ethiopia after being elected.\n"
    )
    assert meetings(text) == [("2025-10-23", ["ET", "KE"])]


def test_a_dateline_later_than_the_page_is_when_it_was_copied():
    text = (
        "Montevideo, November 30th 2025 - 18:01 UTC\n\n"
        "Argentine President Martin Quiroga Monday welcomed his Chilean counterpart Tomas "
        "Rojas at the Casa Rosada in Buenos Aires.\n"
    )
    assert meetings(text, published=D(2025, 4, 8)) == [("2025-04-07", ["AR", "CL"])]


def test_someone_named_apart_from_the_meeting_is_not_at_it():
    text = (
        "Russian Foreign Minister Oleg Morozov and Indian Foreign Minister Ravi Menon held "
        "wide-ranging discussions. Apart from Morozov, Menon also held discussions with Cyprus "
        "Foreign Minister Andreas Christou on Europe."
    )
    assert people_met(text) == [["Oleg Morozov", "Ravi Menon"], ["Andreas Christou", "Ravi Menon"]]


def test_a_prince_is_named_without_his_rank_and_known_by_it_later():
    text = (
        "Kuwait's Amir Sheikh Jaber Al-Ahmad Al-Sabah received Saudi Minister of Foreign "
        "Affairs Prince Khalid bin Saud at Bayan Palace on Monday. Prince Khalid also met his "
        "Kuwaiti counterpart Salem Al-Mutairi at the ministry."
    )
    assert people_met(text) == [
        ["Jaber Al-Ahmad Al-Sabah", "Khalid bin Saud"],
        ["Khalid bin Saud", "Salem Al-Mutairi"],
    ]


def test_a_known_official_misspelt_by_a_letter_is_still_the_tracker_official():
    from meetings.models import Country, Official, Position

    korea = Country.objects.get(code="KR")
    han = Official.objects.create(name="Han Myung-soo", slug="han-myung-soo", country=korea)
    Position.objects.create(
        official=han, title="Foreign Minister", country=korea, start=D(2024, 1, 1)
    )
    text = (
        "South Korean Foreign Minister Han Myun-soo had phone talks with his Japanese "
        "counterpart, Kenji Sato, on Monday. Han and Sato discussed ways to prevent any crisis "
        "on the peninsula."
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    assert [sorted(p["name"] for p in x.as_gold()["participants"]) for x in proposals] == [
        ["Han Myung-soo", "Kenji Sato"]
    ]
    assert proposals[0].kind == "call"


def test_a_known_official_whose_given_name_is_misspelt_is_still_the_tracker_official():
    from meetings.models import Country, Official, Position

    lanka = Country.objects.get(code="LK")
    perera = Official.objects.create(name="Nimal Perera", slug="nimal-perera", country=lanka)
    Position.objects.create(official=perera, title="President", country=lanka, start=D(2024, 1, 1))
    text = (
        "President Nimmal Perera and Kenyan President Daniel Otieno had a cordial telephone "
        "conversation on Monday morning, the President's Media Division said."
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    assert [
        [(p["name"], p["country_iso2"]) for p in x.as_gold()["participants"]] for x in proposals
    ] == [[("Nimal Perera", "LK"), ("Daniel Otieno", "KE")]]


def test_a_farewell_to_an_ambassador_is_a_meeting_with_him():
    text = (
        "Earlier at another function at State House Nairobi, President Daniel Kiprop of Kenya "
        "bade farewell to Ethiopian Ambassador to Kenya, Tesfaye Bekele, on Monday."
    )
    assert meetings(text) == [("2025-10-27", ["ET", "KE"])]


def test_a_telephone_talk_between_two_named_with_the_honourable_is_a_call():
    text = (
        "On October 27, for about 30 minutes, Mr. Kenji Sato, Minister for Foreign Affairs of "
        "Japan, and The Honorable Laura Finch, Secretary of State of the United States of "
        "America, held a telephone talk."
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    assert [(p.as_gold()["date"], sorted(p.countries), p.kind) for p in proposals] == [
        ("2025-10-27", ["JP", "US"], "call")
    ]


def test_a_joint_press_conference_puts_the_two_in_one_place():
    text = (
        "Iranian President Reza Karimi, on a visit to Kabul on Monday, told a joint press "
        "conference with Afghan President Amir Stanekzai that foreign troops must leave."
    )
    assert meetings(text) == [("2025-10-27", ["AF", "IR"])]


def test_a_city_before_a_title_gives_the_holders_country():
    text = (
        "New Delhi: Abu Dhabi Crown Prince Sheikh Saif bin Hamad Al Qasimi met Prime Minister "
        "Arjun Mehta of India on Monday."
    )
    assert meetings(text) == [("2025-10-27", ["AE", "IN"])]


def test_the_ministers_country_and_office_name_the_minister_named_before():
    text = (
        "ISLAMABAD: Saudi Information Minister Faisal bin Nasser Al-Harbi pledged support to "
        "Pakistan. The Saudi minister called on Prime Minister Tariq Aziz Khan on Sunday."
    )
    assert people_met(text) == [["Faisal bin Nasser Al-Harbi", "Tariq Aziz Khan"]]


def test_a_send_off_at_the_airport_by_a_counterpart_is_a_meeting():
    text = (
        "ISLAMABAD: Saudi Information Minister Faisal bin Nasser Al-Harbi was seen off at the "
        "airport by his counterpart Omar Qadir on Sunday."
    )
    assert meetings(text) == [("2025-10-26", ["PK", "SA"])]


def test_those_someone_called_one_by_one_did_not_call_each_other():
    text = (
        "South African President Thabo Zulu, who has held telephone conversations with Russia's "
        "President "
        "Pavel Orlov, China's Premier Chen Bo and US President Mary Hale, on Monday confirmed "
        "the phone call."
    )
    assert people_met(text) == [
        ["Pavel Orlov", "Thabo Zulu"],
        ["Chen Bo", "Thabo Zulu"],
        ["Mary Hale", "Thabo Zulu"],
    ]


def test_two_leaders_shaking_hands_met():
    text = (
        "President Daniel Moore of the United States and Cuban President Ramon Ortega shook "
        "hands Monday in Havana."
    )
    assert meetings(text) == [("2025-10-27", ["CU", "US"])]


def test_a_caption_in_the_present_with_the_first_lady_is_the_leaders_meeting():
    text = (
        "President Daniel Kiprop of Kenya, First Lady Grace receive Ethiopian President Almaz "
        "Tesfaye at State House Nairobi on Monday."
    )
    assert people_met(text) == [["Almaz Tesfaye", "Daniel Kiprop"]]


def test_a_countrys_name_is_not_an_official_named_like_its_first_word():
    from meetings.models import Country, Official

    Official.objects.create(
        name="Luis Costa",
        slug="luis-costa",
        aliases="Costa",
        country=Country.objects.get(code="PT"),
    )
    text = (
        "Chile, Costa Rica and Bolivia are the countries chosen by the Spanish Prime Minister, "
        "Pedro Sanz, for his tour. Yesterday, he met in Madrid with the French president, "
        "Claire Morel."
    )
    assert people_met(text) == [["Claire Morel", "Pedro Sanz"]]


def test_a_date_in_a_later_clause_is_not_the_meetings():
    text = (
        "Yesterday, Spanish Prime Minister Pedro Sanz met in Madrid with the French president, "
        "Claire Morel, and today he will take part in a summit in Lisbon."
    )
    assert meetings(text) == [("2025-10-27", ["ES", "FR"])]


def test_the_prime_minister_and_a_president_after_him_are_two_people():
    text = (
        "Canadian Prime Minister Anne Leblanc spoke yesterday with Mexican President Rosa "
        "Ibarra.\n\nThe call followed a bilateral meeting between the Prime Minister and "
        "President Rosa Ibarra on September 25, 2025 in New York."
    )
    assert meetings(text) == [("2025-10-27", ["CA", "MX"]), ("2025-09-25", ["CA", "MX"])]
    # ... while one person may hold two posts, a head of state's not second
    assert people_met(
        "Saudi Crown Prince and Prime Minister Khalid bin Fahd received Turkish President "
        "Emre Kaya in Jeddah on Monday."
    ) == [["Emre Kaya", "Khalid bin Fahd"]]


def test_a_meeting_named_by_its_participants_possessive_on_another_day_is_another():
    text = (
        "British Foreign Secretary Tom Ashby hosted US Secretary of State Dana Cole in London "
        "on Tuesday.\n\nToday's meeting followed on from Secretary Cole and Foreign Secretary "
        "Ashby's meeting in Ottawa on October 16."
    )
    assert meetings(text) == [("2025-10-28", ["GB", "US"]), ("2025-10-16", ["GB", "US"])]


def test_leaders_who_spoke_over_phone_had_a_call():
    text = (
        "South Korean President Min-jun Park and US President Tom Harlan spoke over phone Monday."
    )
    proposal = first_meeting(text)
    assert (proposal.as_gold()["date"], proposal.kind) == ("2025-10-27", "call")


def test_in_the_conversation_with_x_put_first_names_both_sides():
    text = (
        "In the conversation with US Secretary of State Dana Cole earlier in the day, Foreign "
        "Minister Ji-woo Han of South Korea reaffirmed the alliance."
    )
    assert people_met(text) == [["Dana Cole", "Ji-woo Han"]]


def test_counterparts_listed_country_by_country_between_semicolons_are_a_meeting_each():
    text = (
        "Moroccan Foreign Minister Karim Alaoui held talks on Tuesday in Cairo with his Saudi "
        "counterpart, H.H. Prince Fahd bin Saad Al Saud.\n\nHe also met with his counterparts "
        "from the UAE, Khalid Saeed Almansoori; Bahrain, Yousef Bin Ahmed Al Khalifa; Libya Amira "
        "Ben Salem; and Somalia Abdi Hassan Farah."
    )
    assert meetings(text) == [
        ("2025-10-28", ["MA", "SA"]),
        ("2025-10-28", ["AE", "MA"]),
        ("2025-10-28", ["BH", "MA"]),
        ("2025-10-28", ["LY", "MA"]),
        ("2025-10-28", ["MA", "SO"]),
    ]
    assert people_met(text)[0] == ["Fahd bin Saad Al Saud", "Karim Alaoui"]


def test_a_caption_credited_to_a_press_office_tells_its_own_earlier_meeting():
    text = (
        "President Daniel Kiprop, First Lady Grace receive Ethiopian President Almaz Tesfaye at "
        "State House Nairobi during a previous visit in May 2019/PSCU\n\n"
        "NAIROBI, Kenya, Oct 28 - President Daniel Kiprop on Tuesday held talks with Ethiopian "
        "President Almaz Tesfaye who paid him a courtesy call at State House, Nairobi."
    )
    assert meetings(text) == [("2019-05", ["ET", "KE"]), ("2025-10-28", ["ET", "KE"])]


def test_thanking_someone_for_a_call_tells_of_that_call():
    text = (
        "On October 27, Japanese Foreign Minister Kenji Morita held a meeting over lunch with US "
        "Secretary of State Dana Cole.\n\nAt the beginning, Minister Morita thanked Secretary Cole "
        "for the telephone call Secretary Cole made on his birthday (September 29)."
    )
    assert meetings(text) == [("2025-10-27", ["JP", "US"]), ("2025-09-29", ["JP", "US"])]
    assert first_meeting(text).kind == "in-person"


def test_what_is_said_in_a_meeting_named_first_does_not_undo_it():
    said = (
        "In the conversation with US Secretary of State Dana Cole earlier in the day, Foreign "
        "Minister Ji-woo Han of South Korea reaffirmed that Seoul will seek better ties."
    )
    assert people_met(said) == [["Dana Cole", "Ji-woo Han"]]
    planned = (
        "In the meeting with President Tom Harlan of the United States, scheduled for Monday, "
        "Kenyan President Daniel Kiprop will raise trade."
    )
    assert meetings(planned) == []


def test_a_call_of_two_unnamed_top_diplomats_is_the_call_of_those_named_next():
    text = (
        "SEOUL, Oct. 28 (Yonhap) -- The top diplomats of South Korea and the United States had a "
        "phone conversation Monday to discuss the North's latest missile launch.\n"
        "Foreign Minister Ji-woo Han and Secretary of State Dana Cole agreed to keep up close "
        "coordination, the ministry said."
    )
    found = Reader().read(text, published=PUBLISHED).proposals
    assert [(p.kind, p.as_gold()["date"], sorted(p.countries)) for p in found] == [
        ("call", "2025-10-27", ["KR", "US"])
    ]
    assert found[0].venue is None  # a call is held from two capitals, not at the dateline's


def test_the_office_named_before_is_its_holder_even_beside_others_holding_it():
    text = (
        "Prime Minister Alan Reid of the United Kingdom held a series of bilateral meetings at "
        "the summit in Apulia, Italy.\n"
        "On Monday the Prime Minister met President Claire Morel of France, Canadian Prime "
        "Minister Sam Doyle and Japanese Prime Minister Kenji Morita."
    )
    assert people_met(text) == [
        ["Alan Reid", "Claire Morel"],
        ["Alan Reid", "Sam Doyle"],
        ["Alan Reid", "Kenji Morita"],
    ]


def test_those_met_set_out_one_a_line_under_a_dated_heading_are_a_meeting_each():
    text = (
        "Prime Minister Alan Reid of the United Kingdom held a series of bilateral meetings at "
        "the summit in Apulia, Italy.\n"
        "On Monday the Prime Minister met:\n"
        "• President Claire Morel of France\n"
        "• Canadian Prime Minister Sam Doyle\n"
        "• Japanese Prime Minister Kenji Morita\n"
        "The leaders discussed support for Ukraine."
    )
    assert meetings(text) == [
        ("2025-10-27", ["FR", "GB"]),
        ("2025-10-27", ["CA", "GB"]),
        ("2025-10-27", ["GB", "JP"]),
    ]
    # a list of what was discussed is no meeting, nor makes one of the sentence before it
    agenda = (
        "British Prime Minister Alan Reid met President Claire Morel of France on Monday.\n"
        "They discussed:\n- trade\n- support for Ukraine\n- the Middle East"
    )
    assert meetings(agenda) == [("2025-10-27", ["FR", "GB"])]


def test_a_first_call_since_taking_office_with_someone_is_a_call_with_them():
    text = (
        "South Korean Foreign Minister Ji-woo Han held his first phone call since taking office "
        "with his Japanese counterpart, Kenji Morita, on Monday."
    )
    assert meetings(text) == [("2025-10-27", ["JP", "KR"])]


def test_closed_door_meetings_with_two_leaders_are_a_meeting_each():
    text = (
        "British Prime Minister Alan Reid arrived in Apulia on Monday. He had closed-door "
        "meetings with French President Claire Morel and Japanese Prime Minister Kenji Morita."
    )
    assert meetings(text) == [("2025-10-27", ["FR", "GB"]), ("2025-10-27", ["GB", "JP"])]


def test_talks_with_three_leaders_of_three_countries_at_a_summit_are_one_after_another():
    summit = (
        "Turkish President Cem Aydin met world leaders on the sidelines of the summit in Buenos "
        "Aires.\nThe Turkish president held talks with Dutch Prime Minister Sam Doyle, Chinese "
        "President Li Wen and Chile's President Tomas Ayala on Monday."
    )
    assert meetings(summit) == [
        ("2025-10-27", ["NL", "TR"]),
        ("2025-10-27", ["CN", "TR"]),
        ("2025-10-27", ["CL", "TR"]),
    ]
    # away from a summit, such talks are one session of the four
    session = summit.replace("met world leaders on the sidelines of the summit in", "flew to")
    assert meetings(session) == [("2025-10-27", ["CL", "CN", "NL", "TR"])]


def test_a_minister_who_had_calls_with_counterparts_of_three_countries_had_one_each():
    text = (
        "On Monday, Foreign Minister of Armenia Aram Sarkis had a number of phone "
        "conversations with his foreign counterparts.\nThe Foreign Minister of Armenia discussed "
        "the situation with Ivan Petrov, Foreign Minister of Russia, Claire Morel, Foreign "
        "Minister of France, and Anna Vogel, Foreign Minister of Germany."
    )
    assert meetings(text) == [
        ("2025-10-27", ["AM", "RU"]),
        ("2025-10-27", ["AM", "FR"]),
        ("2025-10-27", ["AM", "DE"]),
    ]


def test_a_conversation_the_next_sentence_calls_a_call_was_a_call():
    text = (
        "Prime Minister Alan Reid of the United Kingdom has released a clip of his first "
        "conversation with US President Dana Cole since taking office on Monday.\n"
        "'Congratulations,' the President said in a short call last night."
    )
    assert [(p.kind, sorted(p.countries)) for p in Reader().read(text).proposals] == [
        ("call", ["GB", "US"])
    ]
    met = text.replace("in a short call last night", "as they sat down")
    assert [p.kind for p in Reader().read(met).proposals] == ["in-person"]


def test_the_two_had_last_met_is_an_earlier_meeting_not_the_days():
    text = (
        "German Chancellor Anna Vogel received Russian President Ivan Petrov at Meseberg "
        "Palace.\nThe two leaders had last met in Sochi in southern Russia in May."
    )
    found = Reader().read(text, published=PUBLISHED).proposals
    assert [(p.as_gold()["date"], p.venue) for p in found] == [
        ("2025-10-28", None),
        ("2025-05", "Sochi"),
    ]
    undated = text.replace(" in southern Russia in May", "")
    assert [p.as_gold()["date"] for p in Reader().read(undated, published=PUBLISHED).proposals] == [
        "2025-10-28",
        None,
    ]


def test_among_the_presidents_he_has_met_names_no_group():
    text = (
        "Kenyan President Daniel Kiprop attended the funeral of Queen Ann Hale in London.\n"
        "Among the Presidents he has met is Dana Cole of the United States."
    )
    assert people_met(text) == [["Dana Cole", "Daniel Kiprop"]]


def test_envoys_listed_with_their_countries_presenting_credentials_are_a_meeting_each():
    text = (
        "The President of the Republic, Daniel Kiprop of Kenya, received letters of credence of "
        "the following envoys on Monday at State House:\n"
        "H.E. Mr. Omar Haddad- Kingdom of Morocco\n"
        "H.E. Dr. Ivan Petrenko – Ukraine\n"
        "H.E. Mr. Rui Santos – The Portuguese Republic\n"
        "The President congratulated all three ambassadors."
    )
    assert meetings(text) == [
        ("2025-10-27", ["KE", "MA"]),
        ("2025-10-27", ["KE", "UA"]),
        ("2025-10-27", ["KE", "PT"]),
    ]


def test_the_two_leaders_are_those_of_the_last_meeting_of_two_countries():
    text = (
        "Indian Prime Minister Ravi Menon on Monday met Chinese President Li Wen in Hangzhou.\n"
        "The meeting was held on the sidelines of the summit.\n"
        '"First engagement is a meeting with the host, President Li Wen," the spokesman wrote.\n'
        "The talks come amid differences over the economic corridor.\n"
        "The two leaders had last met at the summit in Tashkent in June."
    )
    assert meetings(text) == [("2025-10-27", ["CN", "IN"]), ("2025-06", ["CN", "IN"])]


def test_an_encounter_held_with_someone_is_a_meeting():
    text = (
        "During his stay in Lima on Monday, Chilean President Marta Quiroga also held an "
        "encounter with Peruvian Foreign Minister Tomas Ayala."
    )
    assert meetings(text) == [("2025-10-27", ["CL", "PE"])]


def test_a_body_named_after_a_city_is_not_where_they_met():
    text = (
        "Indian Prime Minister Ravi Menon met Chinese President Li Wen at the Shanghai "
        "Cooperation Organisation summit in Tashkent on Monday."
    )
    assert first_meeting(text).venue == "Tashkent"


def test_a_call_he_told_of_is_undated_and_after_it_he_is_still_the_subject():
    text = (
        "Kenyan President Daniel Kiprop spoke by telephone with Ethiopian President Almaz "
        "Tesfaye on Monday. Kiprop had told Parliament in September that he had spoken to "
        "Russian President Ivan Petrov.\n"
        "After his call to Petrov he had another telephone discussion with Chinese President "
        "Li Wen."
    )
    found = Reader().read(text, published=PUBLISHED).proposals
    assert [sorted(p.countries) for p in found] == [["ET", "KE"], ["KE", "RU"], ["CN", "KE"]]
    assert found[1].date is None  # told of in September: the call was some day before
    assert found[2].date is None  # after that call: some day, not Monday


def test_the_head_of_a_foreign_ministry_is_its_minister_named_before():
    text = (
        "On October 27-28 the Minister of Foreign Affairs of the Republic of Belarus, Pavel "
        "Drozd, pays a working visit to the Federal Republic of Germany.\n"
        "On October 27, the Head of the Belarusian Foreign Ministry met with his colleague, the "
        "Federal Minister for Foreign Affairs of Germany, Jonas Keller."
    )
    meeting = first_meeting(text)
    assert people_met(text) == [["Jonas Keller", "Pavel Drozd"]]
    assert meeting.as_gold()["date"] == "2025-10-27"
    assert meeting.venue is None  # "the Federal Republic of Germany" is no town called Federal


def test_a_spokesman_who_tells_of_a_call_is_not_in_it():
    text = (
        "MOSCOW, October 28. Russian President Ivan Petrov has had a telephone conversation "
        "with French President Claire Dubois, Kremlin Press Secretary Oleg Markov told "
        'reporters.\n"The president is in Moscow. He has just had a telephone conversation '
        'with French President Dubois," Markov said.'
    )
    reading = Reader().read(text, published=PUBLISHED)
    assert [[p.name for p in m.participants] for m in reading.proposals] == [
        ["Ivan Petrov", "Claire Dubois"]
    ]


def test_calling_on_someone_to_do_something_is_an_appeal_not_a_visit():
    appeal = (
        "Bolivian President Ruben Mamani congratulated the new administration. He also called "
        "on US President Daniel Hart to forge a new period of equality."
    )
    assert meetings(appeal) == []
    visit = (
        "Bolivian Foreign Minister Ruben Mamani called on US President Daniel Hart to discuss "
        "trade on Monday."
    )
    assert meetings(visit) == [("2025-10-27", ["BO", "US"])]


def test_looking_forward_to_talks_is_no_meeting():
    text = (
        "US President Daniel Hart will host British Prime Minister Oliver Grant on Monday. "
        '"The president looks forward to discussing these issues with Prime Minister Grant," '
        "the press secretary said."
    )
    assert meetings(text) == []


def test_a_meeting_given_only_its_year_is_undated_not_the_day_of_the_news():
    text = (
        "Israeli Prime Minister Dan Levi met Egyptian President Omar Fahmy in Sharm el-Sheikh "
        "on Monday.\nThe Monday meeting marked the first visit of an Israeli premier to Egypt "
        "in a decade, since former Israeli prime minister Avi Cohen met former Egyptian president "
        "Samir Adel in 2011."
    )
    assert meetings(text) == [("2025-10-27", ["EG", "IL"]), (None, ["EG", "IL"])]
    # a year in a clause of its own dates something else
    other = (
        "On Monday Indian Prime Minister Ravi Menon held talks with Canadian Prime Minister Anne "
        "Roy as the two countries moved to repair relations that collapsed in 2023."
    )
    assert meetings(other) == [("2025-10-27", ["CA", "IN"])]


def test_those_met_can_be_named_after_was_or_were():
    text = (
        "Malaysian Prime Minister Omar Aziz took office in November.\n"
        "The last leader he received before the milestone was German President Klaus Werner "
        "on Feb 17.\n"
        "Among the foreign ministers who paid a courtesy call on Aziz were Singapore's Tan Wei "
        "Ming and Australia's Claire Hughes."
    )
    assert meetings(text, published=D(2023, 3, 4)) == [
        ("2023-02-17", ["DE", "MY"]),
        (None, ["MY", "SG"]),  # some of many, on days the text does not give
        (None, ["AU", "MY"]),
    ]


def test_a_name_inside_the_words_of_the_call_is_whom_they_called():
    text = (
        "Iranian Foreign Minister Reza Karimi called Saudi Foreign Minister Fahd Al Saud on "
        "Sunday.\nQatar's foreign minister also spoke with Karimi via phone call on Sunday."
    )
    found = Reader().read(text, published=PUBLISHED).proposals
    assert [(sorted(p.countries), p.kind) for p in found] == [
        (["IR", "SA"], "call"),
        (["IR", "QA"], "call"),
    ]


def test_letters_after_a_name_and_a_countrys_long_name_keep_the_post_with_its_holder():
    text = (
        "On October 27, Mr. Sato Kenji, Prime Minister of Japan, held a summit telephone talk "
        "with the Hon. Liam Walsh, MP, Prime Minister of the Commonwealth of Australia and the "
        "Honorable Daniel Hart, President of the United States of America."
    )
    found = Reader().read(text, published=PUBLISHED).proposals
    assert sorted(sorted(p.countries) for p in found) == [["AU", "JP"], ["JP", "US"]]


def test_a_call_put_first_with_a_is_the_call_of_who_comes_after_the_comma():
    text = (
        "In a telephone conversation with Iranian President Reza Karimi in late April, Prime "
        "Minister of Pakistan Imran Shah condemned the sanctions."
    )
    assert people_met(text) == [["Imran Shah", "Reza Karimi"]]


def test_whom_a_phrase_of_time_put_first_names_is_not_in_the_next_meeting():
    text = (
        "South Korean President Kim Min-ji held talks with Laotian Prime Minister Sone Vong on "
        "Friday.\nSoon after the talks with the Laotian premier, the president held separate "
        "talks with Vietnamese Prime Minister Tran Van Minh."
    )
    assert meetings(text) == [("2025-10-24", ["KR", "LA"]), ("2025-10-24", ["KR", "VN"])]


def test_coming_together_somewhere_is_a_meeting():
    text = (
        "Chinese President Wang Lei met US Secretary of State Daniel Hart in Beijing on Friday.\n"
        "Wang said this was their second meeting since they came together in Bali, Indonesia, "
        "last October.\nThe two countries came together to oppose the plan."
    )
    assert meetings(text, published=D(2014, 2, 14)) == [
        ("2014-02-14", ["CN", "US"]),
        ("2013-10", ["CN", "US"]),
    ]


def test_a_headline_verb_in_the_past_is_no_part_of_a_name():
    text = (
        "Sri Lankan President Concluded Nepal Visit\n"
        "Sri Lankan President Ranil Perera is on an official visit to Nepal.\n"
        "The President of Sri Lanka had a bilateral meeting with Nepalese President Maya Thapa "
        "on Monday."
    )
    found = Reader().read(text, published=PUBLISHED).proposals
    names = [sorted(p.name or "(unnamed)" for p in m.participants) for m in found]
    assert names == [["Maya Thapa", "Ranil Perera"]]


def test_talks_held_between_two_ministers_and_a_summit_wrapped_up_are_meetings():
    held = (
        "YEREVAN, June 9. Bilateral talks were held between the Ministers of Foreign Affairs of "
        "Armenia and Georgia, Aram Petrosyan and Nino Beridze, in Tbilisi."
    )
    assert meetings(held, published=D(2023, 6, 9)) == [("2023-06-09", ["AM", "GE"])]
    wrapped = (
        "GENEVA - Brazilian President Ana Costa and Mexican President Luis Ortega wrapped up "
        "their summit in Geneva on Wednesday after four hours of talks."
    )
    assert meetings(wrapped, published=D(2021, 6, 17)) == [("2021-06-16", ["BR", "MX"])]


def test_a_leader_called_so_in_a_list_of_two_meets():
    text = "US President Dan Ross and North Korean leader Kim Sol Ju met in Hanoi on Wednesday."
    assert meetings(text) == [("2025-10-22", ["KP", "US"])]


def test_someone_given_no_country_does_not_cost_the_meeting_of_the_others():
    text = (
        "Secretary of State Dan Ross and National Security Adviser Jake Miller met with Chinese "
        "State Councilor Li Wen on Thursday."
    )
    assert meetings(text) == [("2025-10-23", ["CN", "US"])]
    assert people_met(text) == [["Dan Ross", "Li Wen"]]


def test_talks_this_weekend_are_dated_by_the_weekend_before_the_report():
    text = (
        "Chancellor Hans Weber and Danish Prime Minister Mette Holm held talks on trade this "
        "weekend."
    )
    assert meetings(text) == [("2025-10-25", ["DE", "DK"])]


def test_a_speaker_of_a_countrys_parliament_is_of_that_country_and_met_on_his_own():
    text = (
        "Serbian President Marko Petrovic and Macedonian President Goran Iliev say their "
        "countries face the same obstacles.\n"
        "The presidents of Serbia and Macedonia met in Skopje on Friday.\n"
        "Petrovic and Iliev also agreed that disputes should be settled through dialogue.\n"
        "Petrovic met with Macedonian parliament Speaker Ilija Stojanov on Friday as well."
    )
    assert people_met(text) == [
        ["Goran Iliev", "Marko Petrovic"],
        ["Ilija Stojanov", "Marko Petrovic"],
    ]


def test_the_first_meeting_of_the_day_was_with_after_an_aside():
    text = (
        "Brazilian President Ana Costa held a series of bilateral meetings on Tuesday in Buenos "
        "Aires.\nThe first bilateral meeting of the day, after speaking at the plenary, was with "
        "the Prime Minister of Barbados, Mia Grant."
    )
    assert meetings(text) == [("2025-10-28", ["BB", "BR"])]


def test_a_days_visit_to_a_counterpart_is_a_meeting_on_the_day_of_the_report():
    text = (
        "Ghanaian President Kofi Mensah has returned home from a day's working visit to his "
        "Ivorian counterpart, President Yao Kouassi in Abidjan."
    )
    assert meetings(text) == [("2025-10-28", ["CI", "GH"])]


def test_a_preview_and_a_caption_of_an_earlier_meeting():
    text = (
        "Trade tops the agenda when German Chancellor Hans Weber meets French President Paul "
        "Martin on Monday.\n\n"
        "German Chancellor Hans Weber, right, welcomes French President Paul Martin to Berlin "
        "in September\n"
        "Weber and Martin will meet after successive US visitsImage: AP\n\n"
        "The meeting between Weber and Martin is strategically important for Europe."
    )
    assert meetings(text) == [("2025-09", ["DE", "FR"])]


def test_a_date_in_a_clause_about_the_place_is_not_the_meetings():
    text = (
        "Colombian President Juan Perez and Venezuelan President Luis Gil met in Santa Marta on "
        "Tuesday.\nThe leaders symbolically met at the residence where Simon Bolivar, the hero "
        "of both countries' independence, died Dec 17, 1830."
    )
    assert meetings(text) == [("2025-10-28", ["CO", "VE"])]


def test_two_people_who_met_a_third_on_separate_visits_are_two_meetings():
    text = (
        "Both German Chancellor Hans Weber and French President Paul Martin discussed the "
        "conference with US President Dan Ross during their separate visits to the United "
        "States last month."
    )
    assert meetings(text) == [("2025-09", ["DE", "US"]), ("2025-09", ["FR", "US"])]


def test_a_countrys_initials_opening_the_text_are_no_dateline():
    text = "U.S. President Dan Ross met Vietnamese President Tran Van Minh in Hanoi on Wednesday."
    assert meetings(text) == [("2025-10-22", ["US", "VN"])]


def test_what_a_meeting_to_come_will_mean_is_no_meeting():
    text = (
        "Ghanaian President Kofi Mensah will make an official visit to Abidjan this Wednesday to "
        "meet his Ivorian counterpart, Yao Kouassi.\n"
        "The meeting between Mensah and Kouassi is strategically important for the region."
    )
    assert meetings(text, published=None) == []


def test_the_next_sentences_date_of_another_meeting_does_not_date_the_first():
    text = (
        "KYIV, Oct. 24 - Ukrainian President Olena Bondar met with British Foreign Secretary "
        "Tom Hale in Kyiv.\nEarlier in the week, Bondar hosted Polish President Adam Nowak."
    )
    assert meetings(text) == [("2025-10-24", ["GB", "UA"]), ("2025-10-20", ["PL", "UA"])]


def test_a_given_name_that_is_also_a_month_is_a_name():
    text = "Ukrainian President Olena Bondar hosted Czech President Jan Novak on Monday."
    assert people_met(text) == [["Jan Novak", "Olena Bondar"]]


def test_a_list_of_names_each_with_a_title_before_or_after_is_a_call_each():
    text = (
        "Turkish President Ali Demir spoke on the phone with Azerbaijani President Elnur "
        "Mammadov, President of Kazakhstan Askar Nurlanov and President of Uzbekistan Bobur "
        "Karimov on Friday."
    )
    assert meetings(text) == [
        ("2025-10-24", ["AZ", "TR"]),
        ("2025-10-24", ["KZ", "TR"]),
        ("2025-10-24", ["TR", "UZ"]),
    ]


def test_discussions_with_leaders_of_three_countries_are_one_each():
    text = (
        "South African President Thabo Nkosi has also had discussions with Prime Minister Erik "
        "Lund of Sweden, Prime Minister Anna Hart of the United Kingdom and President Kabo "
        "Molefe of Botswana on Sunday."
    )
    assert meetings(text) == [
        ("2025-10-26", ["SE", "ZA"]),
        ("2025-10-26", ["GB", "ZA"]),
        ("2025-10-26", ["BW", "ZA"]),
    ]


def test_a_list_set_off_by_semicolons_after_including_is_a_meeting_each():
    text = (
        "On Monday, the Indian Foreign Minister Ravi Menon had bilateral meetings with several "
        "of his counterparts, including HE Dr Omar Zahir, Foreign Minister of Afghanistan; HE "
        "Mr. Karim Saadi, Foreign Minister of Algeria; H.E Mr. Jan Novak, Foreign Minister of "
        "Slovakia."
    )
    assert meetings(text) == [
        ("2025-10-27", ["AF", "IN"]),
        ("2025-10-27", ["DZ", "IN"]),
        ("2025-10-27", ["IN", "SK"]),
    ]


def test_going_somewhere_to_meet_someone_is_a_meeting():
    text = (
        "US President Tom Hale went to the Akasaka Guest House to meet with Japanese Prime "
        "Minister Ken Sato on Thursday."
    )
    assert meetings(text) == [("2025-10-23", ["JP", "US"])]


def test_courtesy_calls_on_leaders_of_four_countries_one_with_a_nickname_are_four():
    text = (
        "Indian Foreign Minister Ravi Menon also called on Nepal Prime Minister Hari Prasad Dahal "
        "'Sagar', Mauritius Prime Minister Anil Ramdin, Bhutan PM Karma Dorji and Seychelles "
        "Vice President Paul Hoareau on Monday."
    )
    assert meetings(text) == [
        ("2025-10-27", ["IN", "NP"]),
        ("2025-10-27", ["IN", "MU"]),
        ("2025-10-27", ["BT", "IN"]),
        ("2025-10-27", ["IN", "SC"]),
    ]


def test_a_visit_someone_had_to_make_is_no_meeting():
    text = (
        "Pakistani Foreign Minister Ali Raza had to visit Japan from February 24 to 27 to hold a "
        "meeting with the Foreign Minister of Japan, but the visit was called off."
    )
    assert meetings(text) == []


def test_today_in_a_quotation_is_the_day_the_speaker_spoke():
    text = (
        "Indian Foreign Minister Ravi Menon on Monday held a bilateral meeting with Bangladesh "
        "Prime Minister Rehana Akter.\n"
        'After his meeting with Akter, Menon said, "Honoured to call on Prime Minister Rehana '
        'Akter of Bangladesh today."'
    )
    assert meetings(text) == [("2025-10-27", ["BD", "IN"])]


def test_hosted_to_lunch_by_and_interacted_with_are_meetings():
    lunch = (
        "Singaporean Foreign Minister Wei Ming Tan was hosted to lunch by his Bruneian "
        "counterpart, Second Minister of Foreign Affairs Yusof Rahman, on Monday."
    )
    assert meetings(lunch) == [("2025-10-27", ["BN", "SG"])]
    video = (
        "Indian Defence Minister Arjun Rao interacted with his Malaysian counterpart Aziz Bakar "
        "virtually on Monday."
    )
    assert meetings(video) == [("2025-10-27", ["IN", "MY"])]


def test_a_meeting_reported_suspended_is_no_meeting():
    text = (
        "Russian Deputy Foreign Minister Ivan Petrov dismissed media reports claiming that a "
        "meeting between Foreign Minister Oleg Sokolov and US Secretary of State Tom Hale had "
        "been suspended."
    )
    assert meetings(text) == []


def test_calls_over_the_past_few_weeks_are_undated():
    text = (
        "Indian Prime Minister Ravi Menon spoke with Vietnamese Prime Minister Tran Van Minh on "
        "Monday.\nThe past few weeks, Menon has spoken to many world leaders including US "
        "President Tom Hale and German Chancellor Hans Weber."
    )
    assert meetings(text) == [
        ("2025-10-27", ["IN", "VN"]),
        (None, ["IN", "US"]),
        (None, ["DE", "IN"]),
    ]


def test_a_press_conference_together_and_a_dinner_with_are_meetings():
    press = (
        "On Tuesday, Kenyan President Joseph Kamau and his Rwandan counterpart Eric Habimana "
        "addressed a press conference in Kigali."
    )
    assert meetings(press) == [("2025-10-28", ["KE", "RW"])]
    dinner = (
        "Singaporean Senior Minister Wei Ming Tan had a catch-up over dinner with Malaysian Home "
        "Minister Aziz Bakar on Monday."
    )
    assert meetings(dinner) == [("2025-10-27", ["MY", "SG"])]


def test_two_leaders_conversation_somewhere_last_month_is_a_meeting():
    text = (
        "The discussion built on US President Tom Hale and Turkish President Ali Demir's "
        "conversation in Rome last month."
    )
    assert meetings(text) == [("2025-09", ["TR", "US"])]


def test_a_cabinet_secretary_for_a_ministry_has_the_country_before_the_title():
    text = (
        "ISLAMABAD, Oct 27 (APP): Foreign Minister Tariq Hassan Malik on Monday held a "
        "telephonic conversation with "
        "Kenyan Cabinet Secretary for Foreign Affairs Ambassador Grace Wanjiru Otieno."
    )
    assert people_met(text) == [["Grace Wanjiru Otieno", "Tariq Hassan Malik"]]
    [meeting] = Reader().read(text, published=PUBLISHED).proposals
    assert meeting.countries == {"KE", "PK"}
    otieno = next(p for p in meeting.participants if p.name == "Grace Wanjiru Otieno")
    assert otieno.title == "Cabinet Secretary for Foreign Affairs"


def test_a_byline_in_capitals_with_a_colon_is_no_dateline():
    text = (
        "BY: Kofi Mensah Boateng\n"
        "President Kwame Asante Owusu (right) holding discussions with the Togolese President, "
        "Yao Komla Adjo\n\n"
        "The Togolese President, Mr Yao Komla Adjo, paid a short visit to his Ghanaian "
        "counterpart, Kwame Asante Owusu, in Accra last Sunday, to discuss issues of mutual "
        "interest."
    )
    assert meetings(text) == [("2025-10-26", ["GH", "TG"])]


def test_visiting_a_titled_person_is_a_meeting_and_a_name_broken_after_its_hyphen_is_mended():
    text = (
        "Ghanaian President Kwame Ofori- Atta on Thursday visited President Musa Danjuma at the "
        "statehouse in Abuja."
    )
    assert meetings(text) == [("2025-10-23", ["GH", "NG"])]
    assert people_met(text) == [["Kwame Ofori-Atta", "Musa Danjuma"]]
    # a visit to the president's hometown is no meeting with him
    assert (
        meetings("Kenyan President Joseph Kamau visited President Musa Danjuma's hometown.") == []
    )


def test_the_named_body_a_title_heads_is_not_the_holders_name():
    text = (
        "President of the Libyan Presidential Council, Omar Salem Fathi, held talks with "
        "Egyptian President Adel Nour in Cairo on Monday."
    )
    assert people_met(text) == [["Adel Nour", "Omar Salem Fathi"]]
    assert meetings(text) == [("2025-10-27", ["EG", "LY"])]


def test_a_ministry_named_in_a_list_after_the_title_is_not_a_person():
    text = (
        "Today, 27 October 2025, on the first day of her visit to Equatorial Guinea, South "
        "African Minister Thandi Mokoena held talks with her counterpart, HE Mr Pedro Nsue "
        "Obama, Minister of Foreign Affairs, International Cooperation and Diaspora."
    )
    assert people_met(text) == [["Pedro Nsue Obama", "Thandi Mokoena"]]


def test_the_one_a_report_is_about_stays_its_subject_after_a_quotation():
    text = (
        "On the sidelines of the Pacific Islands Forum summit in Suva, Prime Minister Ravi "
        "Menon of India on Monday met with leaders of island nations.\n"
        "He met with Samoan Prime Minister Tomasi Vuniwai, President Sione Lavaka Tui of "
        "Tonga, and Prime Minister of Tuvalu, Kofe Talaka.\n"
        '"Had a great meeting with PM Tomasi Vuniwai of Samoa on the sidelines," Menon tweeted.\n'
        'He also met Tongan President Sione Lavaka and held a "wonderful discussion."'
    )
    assert people_met(text) == [
        ["Ravi Menon", "Tomasi Vuniwai"],
        ["Ravi Menon", "Sione Lavaka Tui"],
        ["Kofe Talaka", "Ravi Menon"],
    ]


@pytest.mark.parametrize("colon", ["", ":"])
def test_meetings_listed_with_and_with_are_one_each(colon):
    text = (
        f"On Monday, Brazilian President Paulo Ramos held two other bilateral meetings{colon} with "
        "the president of Argentina, Martin Castro, and with the president of Guyana, Devan "
        "Persaud."
    )
    assert people_met(text) == [["Martin Castro", "Paulo Ramos"], ["Devan Persaud", "Paulo Ramos"]]


def test_talked_with_is_a_meeting_and_a_fathers_family_name_alone_is_the_person():
    text = (
        "Paraguayan President Jorge Abdala Riveros met business leaders on Friday.\n"
        "Abdala was in Montevideo in August and talked with Uruguayan President Luis Ferrer "
        "Sosa about the bloc's rules."
    )
    assert meetings(text) == [("2025-08", ["PY", "UY"])]
    assert people_met(text) == [["Jorge Abdala Riveros", "Luis Ferrer Sosa"]]


def test_a_meeting_held_upon_an_invitation_happened():
    text = (
        "Upon his invitation Hungarian Speaker Gabor Szabo received Peter Kovac, Speaker of the "
        "Slovak National Council, on his official visit to Budapest on Monday."
    )
    assert meetings(text) == [("2025-10-27", ["HU", "SK"])]
    # an invitation sent is still no meeting
    sent = "Japanese Prime Minister Kenji Sato sent an invitation to Chinese Premier Li Wei."
    assert meetings(sent) == []


def test_presidents_of_two_countries_each_followed_by_his_name():
    text = (
        "Presidents of Kyrgyzstan Almaz Toktogulov and Tajikistan Farrukh Nazarov met with "
        "residents of border districts on Monday."
    )
    assert people_met(text) == [["Almaz Toktogulov", "Farrukh Nazarov"]]
    assert meetings(text) == [("2025-10-27", ["KG", "TJ"])]


def test_a_capital_named_after_the_word_capital_is_the_place_not_a_namesake():
    text = (
        "Maltese Prime Minister Joseph Muscat met Italian Prime Minister Marco Rossi in Rome on "
        "Monday.\nOmani Foreign Minister Badr Harthy and Iranian Foreign Minister Reza Karimi "
        "held a meeting in Oman's capital Muscat on Sunday."
    )
    assert meetings(text) == [("2025-10-27", ["IT", "MT"]), ("2025-10-26", ["IR", "OM"])]


def test_a_malaysian_honorific_of_three_words_is_no_part_of_the_name():
    text = (
        "Philippine President Maria Santos welcomed Malaysian Foreign Minister Dato' Seri "
        "Utama Haji Rahman Bin Haji Yusof in Manila during a courtesy call on Monday."
    )
    assert people_met(text) == [["Haji Rahman Bin Haji Yusof", "Maria Santos"]]


def test_earlier_meetings_of_the_same_two_counted_from_a_weekday_are_meetings_of_their_own():
    text = (
        "Iranian and Omani foreign ministers held a meeting in Tehran on Sunday.\n"
        "In the meeting, Iranian Foreign Minister Reza Karimi and his Omani counterpart Badr "
        "Harthy exchanged views.\n"
        "The visit by the Omani official followed a meeting between the two officials in "
        "Tehran on Tuesday.\n"
        "Four days before the Tuesday meeting, Karimi and Harthy held a meeting in Muscat."
    )
    # a Sunday's report: "on Sunday" is that day, "on Tuesday" the 21st, four days before the 17th
    assert meetings(text, D(2025, 10, 26)) == [
        ("2025-10-26", ["IR", "OM"]),
        ("2025-10-21", ["IR", "OM"]),
        ("2025-10-17", ["IR", "OM"]),
    ]


def test_a_verb_after_a_country_is_no_part_of_the_next_title():
    text = (
        "President Maria Santos of the Philippines welcomed Malaysian Foreign Minister Rahman "
        "Yusof in Manila on Monday."
    )
    assert people_met(text) == [["Maria Santos", "Rahman Yusof"]]
    assert meetings(text) == [("2025-10-27", ["MY", "PH"])]


def test_a_known_official_recorded_under_two_spellings_is_still_found():
    from meetings.models import Country, Official, Position

    lanka = Country.objects.get(code="LK")
    for name in ("Nimal Wickramatunga", "Nimal Wikramatunge"):
        person = Official.objects.create(
            name=name, slug=name.lower().replace(" ", "-"), country=lanka
        )
        Position.objects.create(
            official=person, title="Prime Minister", country=lanka, start=D(2024, 1, 1)
        )
    text = (
        "Kenyan President Daniel Otieno held talks with Prime Minister Nimal Wikramatunga in "
        "Colombo on Monday."
    )
    proposals = Reader().read(text, published=PUBLISHED).proposals
    assert [
        [(p["name"], p["country_iso2"]) for p in x.as_gold()["participants"]] for x in proposals
    ] == [[("Daniel Otieno", "KE"), ("Nimal Wickramatunga", "LK")]]


def test_the_day_of_the_month_in_brackets_after_today_dates_the_meeting():
    text = (
        "The Kenyan Foreign Minister Daniel Otieno who arrived in Sri Lanka yesterday(27) for an "
        "official visit held talks with Sri Lankan Foreign Minister Nimal Perera today(28)."
    )
    assert meetings(text, published=D(2016, 7, 31)) == [("2016-07-28", ["KE", "LK"])]


def test_the_day_a_holiday_is_celebrated_is_not_the_day_of_the_call():
    text = (
        "NAIROBI - Kenyan Foreign Minister Daniel Otieno yesterday held telephonic talks with his "
        "Turkish counterpart. In his conversation with Turkey's Foreign Minister Ahmet Yilmaz, "
        "Otieno extended felicitations on the Republic Day of Turkey – celebrated on October 29."
    )
    proposals = Reader().read(text, published=D(2020, 10, 29)).proposals
    assert [(x.as_gold()["date"], x.kind) for x in proposals] == [("2020-10-28", "call")]
    assert [p.name for p in proposals[0].participants] == ["Daniel Otieno", "Ahmet Yilmaz"]


def test_a_date_with_slashes_is_read_where_only_one_order_makes_a_date():
    text = (
        "President Daniel Otieno of Kenya received a phone call on Friday 16/8/2024 from US "
        "President Joe Biden to discuss the region."
    )
    assert meetings(text, published=D(2024, 9, 16)) == [("2024-08-16", ["KE", "US"])]


def test_a_date_with_slashes_that_reads_two_ways_is_no_date():
    from meetings.intake.dates import find_dates

    assert [x.date for x in find_dates("talks on 3/4/2021 in Nairobi", D(2021, 6, 1))] == []
    assert [x.date for x in find_dates("talks on Saturday 3/4/2021", D(2021, 6, 1))] == [
        D(2021, 4, 3)
    ]


def test_a_minister_of_european_affairs_is_of_his_country_not_of_the_eu():
    text = (
        "Estonian Foreign Minister Aram Tamm met Swedish Minister of EU Affairs and Trade Anna "
        "Berg in Stockholm on Friday."
    )
    assert people_met(text) == [["Anna Berg", "Aram Tamm"]]
    assert meetings(text) == [("2025-10-24", ["EE", "SE"])]


def test_the_prime_ministers_named_at_the_top_are_those_of_a_call_far_below():
    text = (
        "The ministry announced on Wednesday that Indian Prime Minister Ravi Kumar and his "
        "Australian counterpart, Tom Hale, would hold a virtual summit the following day.\n"
        "Hale was scheduled to visit India earlier in the year but had to cancel.\n"
        '"Prime Minister Kumar will be holding the summit with Prime Minister Hale," the '
        "ministry said.\n"
        "This is the first time that Prime Minister Kumar will hold a virtual summit.\n"
        "In April, the prime ministers had a phone conversation about the pandemic."
    )
    assert meetings(text) == [("2025-04", ["AU", "IN"])]


def test_offices_listed_without_the_are_a_meeting_each_dated_by_the_news_not_the_gathering():
    text = (
        "Prime Minister of Georgia Irakli Tamaz is attending the UN General Assembly in New "
        "York during October 20-31, with his address scheduled for October 30.\n"
        "The Georgian PM already met with Chancellor of Austria, President of Poland, and "
        "Prime Minister of Kuwait, among others."
    )
    assert meetings(text) == [
        ("2025-10-28", ["AT", "GE"]),
        ("2025-10-28", ["GE", "PL"]),
        ("2025-10-28", ["GE", "KW"]),
    ]


def test_a_minister_named_without_a_country_is_of_the_office_the_text_gave_one():
    text = (
        "PM Minh Tran receives Brazilian Foreign Minister\n"
        "The Brazilian Foreign Minister said his country wants to foster cooperation with Vietnam. "
        "In his meeting with Vietnamese Prime Minister Minh Tran on Friday, Minister Paulo "
        "Aguiar Ramos conveyed a message from his President."
    )
    proposal = first_meeting(text)
    ramos = next(p for p in proposal.participants if p.name == "Paulo Aguiar Ramos")
    assert (ramos.country, sorted(proposal.countries)) == ("BR", ["BR", "VN"])
    assert "Foreign Minister" in ramos.country_evidence


def test_a_city_after_a_countrys_possessive_is_no_person_and_this_week_is_the_days_news():
    text = (
        "Turkish Finance Minister Kemal Aydin and U.S. Treasury Secretary Dana Cole met within "
        "the G-20 finance ministers' meeting held this week in Brazil's Sao Paulo."
    )
    assert people_met(text) == [["Dana Cole", "Kemal Aydin"]]
    assert meetings(text) == [("2025-10-28", ["TR", "US"])]


def test_came_together_with_is_a_meeting():
    text = (
        "Turkish Finance Minister Kemal Aydin came together with U.S. Treasury Secretary Dana "
        "Cole on the sidelines of the G-20 meeting in New Delhi last July."
    )
    assert meetings(text) == [("2025-07", ["TR", "US"])]


def test_a_ministry_of_a_union_and_a_country_publishes_for_the_country():
    proposal = (
        Reader()
        .read(
            "Juan Ortega met with his counterparts from Belgium and Malta on Monday.",
            published=PUBLISHED,
            publisher="Ministry of Foreign Affairs, European Union and Cooperation of Spain",
        )
        .proposals[0]
    )
    assert sorted(proposal.countries) == ["BE", "ES"]


def test_a_day_since_which_something_happened_is_not_the_day_of_the_news():
    text = (
        "Italian Prime Minister Anna Rossi has met French President Paul Morel in Rome for the "
        "first time since taking office last week.\n"
        "During the informal talks on Sunday evening, the leaders discussed energy prices."
    )
    assert meetings(text) == [("2025-10-26", ["FR", "IT"])]


def test_a_countrys_possessive_without_s_and_a_ministry_of_migration_and_asylum():
    text = (
        "From left, Greece's Minister of Migration and Asylum Nikos Pappas, Interior Minister "
        "of Spain Luis Ortega, and Cyprus' Interior Minister Andreas Louca make statements "
        "following their meeting in Athens on Saturday."
    )
    assert meetings(text) == [("2025-10-25", ["CY", "ES", "GR"])]


def test_calls_to_two_leaders_a_day_before_were_that_day_for_both():
    text = (
        "US President Dana Cole and British Prime Minister Alan Reid held a phone call on "
        "Saturday.\n"
        "The call came a day after the US president spoke to Canadian Prime Minister Tom Hale "
        "and Mexican President Luis Ortega in separate phone calls."
    )
    assert meetings(text) == [
        ("2025-10-25", ["GB", "US"]),
        ("2025-10-24", ["CA", "US"]),
        ("2025-10-24", ["MX", "US"]),
    ]


def test_a_surname_misspelt_by_a_letter_is_the_one_named_before():
    text = (
        "Iranian Foreign Minister Reza Karimi met former Swedish Prime Minister Lars Berg on "
        "Tuesday in Stockholm.\n"
        "On Monday, Karmi held talks with his Finnish counterpart Pekka Virtanen and the "
        "Finnish Minister for Foreign Trade Ville Niemi in Helsinki."
    )
    assert meetings(text)[1:] == [("2025-10-27", ["FI", "IR"])]
    assert people_met(text)[1] == ["Pekka Virtanen", "Reza Karimi", "Ville Niemi"]


def test_the_outgoing_ambassadors_of_two_countries_received_in_separate_audiences():
    text = (
        "President Musa Bello on Monday received the outgoing Ambassadors of Spain and Qatar "
        "in separate audiences at the State House, Abuja."
    )
    assert meetings(text) == [("2025-10-27", ["ES", "NG"]), ("2025-10-27", ["NG", "QA"])]


def test_the_sentence_after_saying_when_the_meetings_took_place_dates_them():
    text = (
        "Kuwaiti Foreign Minister Sheikh Ahmad Nasser al-Mohammad al-Sabah on Friday underlined "
        "the partnership with the United States.\n"
        "Meanwhile, Kuwait's FM met Rwandan Foreign Minister Jean Habimana. The meetings took "
        "place on the fringes of the General Assembly on Saturday.\n"
        "Sheikh Ahmad Al-Nasser also met Maltese Foreign Minister Karl Borg."
    )
    assert meetings(text) == [("2025-10-25", ["KW", "RW"]), ("2025-10-25", ["KW", "MT"])]
    assert people_met(text)[1] == ["Ahmad Nasser al-Mohammad al-Sabah", "Karl Borg"]


def test_during_the_phone_conversations_he_spoke_with_three_leaders_a_call_each():
    text = (
        "UAE President Sheikh Khalid Rashed extended his greetings on Sunday.\n"
        "The President also exchanged greetings with several leaders through phone calls.\n"
        "During the phone conversations, he exchanged Eid wishes with Omani Sultan Qais Tariq, "
        "Kuwaiti Emir Nawaf Jaber and Bahraini King Isa Hamad."
    )
    assert meetings(text) == [
        ("2025-10-26", ["AE", "OM"]),
        ("2025-10-26", ["AE", "KW"]),
        ("2025-10-26", ["AE", "BH"]),
    ]


def test_the_leaders_who_met_the_president_are_listed_after_are():
    text = (
        "Leaders from several neighbouring countries called on Indian President Asha Verma on "
        "Monday.\nThe leaders who met President Verma are Nepal PM Ram Thapa and Maldives "
        "President Ali Nasheed."
    )
    assert meetings(text) == [("2025-10-27", ["IN", "NP"]), ("2025-10-27", ["IN", "MV"])]


def test_an_envoy_who_made_a_farewell_call_on_him():
    text = (
        "Bangladeshi Foreign Minister Abdul Karim today sought Australian support.\n"
        "The minister made the urge when outgoing Australian High Commissioner Julia Hart made "
        "a farewell call on him at the ministry."
    )
    assert meetings(text) == [("2025-10-28", ["AU", "BD"])]


def test_a_day_someone_took_office_and_eight_months_before():
    text = (
        "Indian External Affairs Minister Ravi Kumar on Tuesday held talks with Chinese Foreign "
        "Minister Li Wen.\n"
        "It is the first meeting between Kumar and Li after the latter became foreign minister "
        "in June.\n"
        "The talks came nearly eight months after Kumar held a meeting with the then Chinese "
        "foreign minister Wang Tao in Bali."
    )
    assert meetings(text) == [("2025-10-28", ["CN", "IN"]), ("2025-03", ["CN", "IN"])]


def test_i_had_a_bilateral_meeting_in_a_quotation_is_the_speakers():
    text = (
        "Malaysian Prime Minister Omar Hashim spoke to reporters on Tuesday.\n"
        '"I had a bilateral meeting with Laos Prime Minister Boun Keo," he said.'
    )
    assert meetings(text) == [("2025-10-28", ["LA", "MY"])]
