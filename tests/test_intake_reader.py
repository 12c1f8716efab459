"""The article reader, one rule at a time, on short texts: who met whom, when, where, how and
about what, as the review page would propose it to an editor."""

import datetime

import pytest

from meetings.intake.reader import Reader, split_sentences
from meetings.models import Country, Official, Position, Topic
from tests.intake_fixtures import seed_article, world_loaded

D = datetime.date
# A Tuesday: "on Monday" is 27 October.
PUBLISHED = D(2025, 10, 28)
NO_MEETING = "The article reports no meeting that took place."


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Countries and the gazetteer's places, once for the module."""
    with world_loaded(django_db_blocker):
        yield


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("world")]


def read(text: str, published: datetime.date | None = PUBLISHED):
    return Reader().read(text, published=published)


def only_meeting(text: str, published: datetime.date | None = PUBLISHED):
    reading = read(text, published)
    assert len(reading.proposals) == 1, [p.as_gold() for p in reading.proposals]
    return reading.proposals[0]


def people(proposal) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.name, p.title, p.country) for p in proposal.participants]


def pairs_met(reading) -> list[list[str]]:
    """The countries of each proposed meeting, as the review page would list them, in order."""
    return sorted(sorted(p.countries) for p in reading.proposals)


def official(name: str, code: str, title: str, *aliases: str) -> Official:
    country = Country.objects.get(code=code)
    person = Official.objects.create(name=name, country=country, aliases="\n".join(aliases))
    Position.objects.create(official=person, title=title, country=country, start=D(2024, 1, 1))
    return person


def topic(name: str, *aliases: str, parent: Topic | None = None) -> Topic:
    return Topic.objects.create(name=name, aliases="\n".join(aliases), parent=parent)


# Sentences


def test_initials_and_abbreviations_do_not_end_a_sentence():
    sentences = split_sentences(
        "Mr. Rubio met S. Jaishankar in Washington, D.C. on Monday. The U.S. side said so."
    )

    assert sentences == [
        "Mr. Rubio met S. Jaishankar in Washington, D.C. on Monday.",
        "The U.S. side said so.",
    ]


# Who: names, titles and countries


def test_a_demonym_before_a_title_and_name_gives_name_title_and_country():
    meeting = only_meeting(
        "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha "
        "on Monday."
    )

    assert people(meeting) == [
        ("William Ruto", "President", "KE"),
        ("Samia Suluhu Hassan", "President", "TZ"),
    ]


def test_a_possessive_country_before_a_title_gives_the_country():
    meeting = only_meeting(
        "Japan's Prime Minister Shigeru Ishiba met Australian Prime Minister Anthony Albanese "
        "in Canberra on Thursday."
    )

    assert people(meeting) == [
        ("Shigeru Ishiba", "Prime Minister", "JP"),
        ("Anthony Albanese", "Prime Minister", "AU"),
    ]


def test_the_demonym_and_a_lower_case_title_before_a_name_after_a_comma():
    meeting = only_meeting(
        "Spanish Foreign Minister José Manuel Albares met the Brazilian foreign minister, "
        "Mauro Vieira, in Madrid on Monday."
    )

    assert people(meeting) == [
        ("José Manuel Albares", "Foreign Minister", "ES"),
        ("Mauro Vieira", "Foreign Minister", "BR"),
    ]


def test_a_counterpart_takes_the_subjects_title_and_the_demonyms_country():
    meeting = only_meeting(
        "British Foreign Secretary David Lammy met his French counterpart Jean-Noël Barrot in "
        "London on Friday."
    )

    assert people(meeting) == [
        ("David Lammy", "Foreign Secretary", "GB"),
        ("Jean-Noël Barrot", "Foreign Secretary", "FR"),
    ]


def test_her_thai_and_vietnamese_counterparts_are_two_separate_meetings():
    reading = read(
        "Australian Foreign Minister Penny Wong met her Thai and Vietnamese counterparts in "
        "Kuala Lumpur on Saturday."
    )

    assert [people(p) for p in reading.proposals] == [
        [("Penny Wong", "Foreign Minister", "AU"), (None, "Foreign Minister", "TH")],
        [("Penny Wong", "Foreign Minister", "AU"), (None, "Foreign Minister", "VN")],
    ]
    assert {p.date for p in reading.proposals} == {D(2025, 10, 25)}


def test_an_official_in_the_tracker_is_matched_by_name():
    jaishankar = official("S. Jaishankar", "IN", "External Affairs Minister", "Jaishankar")
    rubio = official("Marco Rubio", "US", "Secretary of State", "Rubio")

    meeting = only_meeting(
        "Indian External Affairs Minister S. Jaishankar met US Secretary of State Marco Rubio "
        "in Washington on Monday."
    )

    assert [p.official_id for p in meeting.participants] == [jaishankar.pk, rubio.pk]


def test_an_official_in_the_tracker_is_matched_by_an_alias_and_named_as_the_tracker_does():
    jaishankar = official(
        "S. Jaishankar", "IN", "External Affairs Minister", "Subrahmanyam Jaishankar"
    )
    wang = official("Wang Yi", "CN", "Foreign Minister")

    meeting = only_meeting("Subrahmanyam Jaishankar met Wang Yi in Beijing on Monday.")

    assert [(p.official_id, p.name, p.title, p.country) for p in meeting.participants] == [
        (jaishankar.pk, "S. Jaishankar", "External Affairs Minister", "IN"),
        (wang.pk, "Wang Yi", "Foreign Minister", "CN"),
    ]


def test_a_surname_later_in_the_article_is_the_same_person():
    reading = read(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on "
        "Monday. Ruto said the talks were frank."
    )

    assert len(reading.proposals) == 1
    assert [p.name for p in reading.proposals[0].participants] == [
        "William Ruto",
        "Yoweri Museveni",
    ]


def test_a_spokesperson_who_reports_the_meeting_is_not_a_participant():
    meeting = only_meeting(
        "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Beijing "
        "on Monday, foreign ministry spokesperson Mao Ning said."
    )

    assert [p.name for p in meeting.participants] == ["Wang Yi", "Sergey Lavrov"]


def test_a_spokesperson_who_speaks_to_reporters_is_not_a_participant():
    meeting = only_meeting(
        "Spokesperson Mao Ning told reporters on Monday that Chinese Foreign Minister Wang Yi "
        "had met Russian Foreign Minister Sergey Lavrov in Beijing."
    )

    assert [p.name for p in meeting.participants] == ["Wang Yi", "Sergey Lavrov"]


def test_a_president_who_imposed_tariffs_is_not_a_participant():
    meeting = only_meeting(
        "Indian Foreign Minister Rohan Mehta met US Secretary of State Marco Rubio in Washington "
        "on Monday, weeks after US President Donald Trump imposed a 50% tariff on Indian goods."
    )

    assert [p.name for p in meeting.participants] == ["Rohan Mehta", "Marco Rubio"]


def test_a_president_named_in_an_opening_clause_is_not_a_participant():
    meeting = only_meeting(
        "After US President Donald Trump announced new tariffs, Indian Foreign Minister Rohan "
        "Mehta met US Secretary of State Marco Rubio in Washington on Monday."
    )

    assert [p.name for p in meeting.participants] == ["Rohan Mehta", "Marco Rubio"]


def test_a_leader_who_did_not_travel_is_not_a_participant():
    reading = read(
        "Indian Foreign Minister Rohan Mehta met US Secretary of State Marco Rubio in Kuala "
        "Lumpur on Monday. Prime Minister Narendra Modi did not travel to Malaysia."
    )

    assert len(reading.proposals) == 1
    assert "Narendra Modi" not in [p.name for p in reading.proposals[0].participants]


# How: in person, by phone, by video


def test_spoke_by_phone_is_a_call_with_no_venue_even_under_a_dateline():
    meeting = only_meeting(
        "NEW DELHI, Oct 27 (Wire) – Indian Foreign Minister Rohan Mehta spoke by phone with "
        "Russian Foreign Minister Sergey Lavrov on Monday."
    )

    assert meeting.kind == "call"
    assert (meeting.venue, meeting.venue_country) == (None, None)
    assert meeting.date == D(2025, 10, 27)


def test_a_telephone_conversation_is_a_call():
    meeting = only_meeting(
        "Chinese Premier Li Qiang held a telephone conversation with German Chancellor Friedrich "
        "Merz on Monday."
    )

    assert meeting.kind == "call"
    assert meeting.venue is None
    assert people(meeting) == [
        ("Li Qiang", "Premier", "CN"),
        ("Friedrich Merz", "Chancellor", "DE"),
    ]


def test_a_virtual_summit_is_virtual():
    meeting = only_meeting(
        "Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum held a "
        "virtual summit on Monday."
    )

    assert meeting.kind == "virtual"
    assert meeting.venue is None
    assert [p.country for p in meeting.participants] == ["CA", "MX"]


def test_talks_by_video_link_are_virtual():
    meeting = only_meeting(
        "Spanish Foreign Minister José Manuel Albares met Moroccan Foreign Minister Nasser "
        "Bourita by video link on Monday."
    )

    assert meeting.kind == "virtual"


def test_a_courtesy_call_is_a_meeting_in_person():
    meeting = only_meeting(
        "Singapore's Ambassador Lim Wei paid a courtesy call on Vietnamese Prime Minister Pham "
        "Minh Chinh in Hanoi on Monday."
    )

    assert meeting.kind == "in-person"
    assert (meeting.venue, meeting.venue_country) == ("Hanoi", "VN")
    assert people(meeting) == [
        ("Lim Wei", "Ambassador", "SG"),
        ("Pham Minh Chinh", "Prime Minister", "VN"),
    ]


# What did not happen


@pytest.mark.parametrize(
    "text",
    [
        "Australian Foreign Minister Penny Wong will meet Indonesian Foreign Minister Sugiono in "
        "Jakarta next week.",
        "Japanese Prime Minister Shigeru Ishiba is expected to call South Korean President Lee "
        "Jae-myung on Friday.",
        "A planned meeting between Indian Prime Minister Narendra Modi and Chinese President Xi "
        "Jinping was postponed on Monday.",
        "German Chancellor Friedrich Merz cancelled his meeting with Polish Prime Minister Donald "
        "Tusk on Monday.",
        "French President Emmanuel Macron gave a speech on European defence in Paris on Monday.",
        "The Indian foreign ministry said in a statement on Monday that it welcomed the ceasefire.",
        "The United States imposed sanctions on Russian oil companies on Monday, Treasury "
        "Secretary Scott Bessent said.",
    ],
    ids=["planned", "expected-call", "postponed", "cancelled", "speech", "statement", "sanctions"],
)
def test_a_text_reporting_no_meeting_proposes_none_and_says_so(text):
    reading = read(text)

    assert reading.proposals == []
    assert NO_MEETING in reading.notes


def test_a_meeting_that_happened_is_kept_beside_one_that_is_planned():
    reading = read(
        "Indian Foreign Minister Rohan Mehta met Japanese Foreign Minister Takeshi Iwaya in "
        "Tokyo on Monday. Mehta will meet Australian Foreign Minister Penny Wong next week."
    )

    assert [[p.name for p in m.participants] for m in reading.proposals] == [
        ["Rohan Mehta", "Takeshi Iwaya"]
    ]
    assert NO_MEETING not in reading.notes


# Where and on what occasion


def test_a_hotel_outside_a_city_only_the_gazetteer_knows_is_in_that_city():
    meeting = only_meeting(
        "Swiss Foreign Minister Ignazio Cassis met Iranian Foreign Minister Abbas Araghchi at a "
        "lakeside hotel outside Geneva on Monday."
    )

    assert (meeting.venue, meeting.venue_country) == ("Geneva", "CH")


def test_the_presidential_palace_in_hanoi_is_in_hanoi():
    meeting = only_meeting(
        "Thai Prime Minister Anutin Charnvirakul met Vietnamese General Secretary To Lam at the "
        "presidential palace in Hanoi on Monday."
    )

    assert (meeting.venue, meeting.venue_country) == ("Hanoi", "VN")


def test_a_landmark_gives_its_city():
    meeting = only_meeting(
        "Indian Prime Minister Narendra Modi received Sri Lankan President Anura Kumara "
        "Dissanayake at Hyderabad House on Monday."
    )

    assert (meeting.venue, meeting.venue_country) == ("New Delhi", "IN")


def test_the_dateline_city_is_not_the_venue_when_the_sentence_names_another_place():
    reading = read(
        "SYDNEY, Oct 27 (Wire) – Australian Foreign Minister Penny Wong met Indonesian Foreign "
        "Minister Sugiono in Jakarta on Monday."
    )

    assert reading.dateline.city == "Sydney"
    [meeting] = reading.proposals
    assert (meeting.venue, meeting.venue_country) == ("Jakarta", "ID")


def test_the_dateline_city_is_the_venue_when_no_other_place_is_named():
    meeting = only_meeting(
        "SYDNEY, Oct 27 (Wire) – Australian Foreign Minister Penny Wong met Indonesian Foreign "
        "Minister Sugiono on Monday."
    )

    assert (meeting.venue, meeting.venue_country) == ("Sydney", "AU")


def test_the_sidelines_of_the_asean_summit_are_the_occasion():
    meeting = only_meeting(
        "Indian Foreign Minister Rohan Mehta met Chinese Foreign Minister Wang Yi on the "
        "sidelines of the ASEAN summit in Kuala Lumpur on Sunday."
    )

    assert meeting.occasion == "ASEAN Summit"
    assert (meeting.venue, meeting.venue_country) == ("Kuala Lumpur", "MY")
    assert meeting.date == D(2025, 10, 26)


def test_a_meeting_with_no_occasion_has_none():
    meeting = only_meeting(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday."
    )

    assert meeting.occasion is None


# About what


def test_topics_come_from_the_vocabulary_by_name_and_by_alias():
    topic("Trade", "tariffs", "trade deal")
    topic("Critical minerals", "rare earths")
    topic("Maritime security", "freedom of navigation")
    topic("Health")

    meeting = only_meeting(
        "Indian Foreign Minister Rohan Mehta met US Secretary of State Marco Rubio in Washington "
        "on Monday. They discussed tariffs, rare earths and maritime security."
    )

    assert [name for _, name, *_ in meeting.topics] == [
        "Critical minerals",
        "Maritime security",
        "Trade",
    ]


def test_a_topic_word_shows_where_it_was_read():
    topic("Trade", "tariffs")

    meeting = only_meeting(
        "Indian Foreign Minister Rohan Mehta met US Secretary of State Marco Rubio in Washington "
        "on Monday. They discussed tariffs."
    )

    [(_, name, word, sentence)] = meeting.topics
    assert (name, word, sentence) == ("Trade", "tariffs", "They discussed tariffs.")


def test_a_sub_topic_stands_for_its_parent():
    security = topic("Security", "security cooperation")
    topic("Cybersecurity", "cyber security", parent=security)

    meeting = only_meeting(
        "Indian Foreign Minister Rohan Mehta met US Secretary of State Marco Rubio in Washington "
        "on Monday. They discussed security cooperation and cybersecurity."
    )

    assert [name for _, name, *_ in meeting.topics] == ["Cybersecurity"]


def test_the_geopolitical_climate_is_not_the_climate_topic():
    topic("Climate", "climate change")

    meeting = only_meeting(
        "Indian Foreign Minister Rohan Mehta met US Secretary of State Marco Rubio in Washington "
        "on Monday, in a meeting shaped by the geopolitical climate."
    )

    assert meeting.topics == []


def test_climate_change_is_the_climate_topic():
    topic("Climate", "climate change")

    meeting = only_meeting(
        "Indian Foreign Minister Rohan Mehta met US Secretary of State Marco Rubio in Washington "
        "on Monday. They discussed climate change."
    )

    assert [name for _, name, *_ in meeting.topics] == ["Climate"]


# When, relative to another meeting


def test_later_that_evening_takes_the_previous_meetings_date():
    reading = read(
        "Indian Foreign Minister Rohan Mehta met Japanese Foreign Minister Takeshi Iwaya in "
        "Tokyo on Monday. Later that evening, Mehta met Australian Foreign Minister Penny Wong."
    )

    assert [[p.name for p in m.participants] for m in reading.proposals] == [
        ["Rohan Mehta", "Takeshi Iwaya"],
        ["Rohan Mehta", "Penny Wong"],
    ]
    assert [(m.date, m.date_precision) for m in reading.proposals] == [
        (D(2025, 10, 27), "day"),
        (D(2025, 10, 27), "day"),
    ]


def test_talks_that_came_a_day_after_x_met_y_date_that_meeting_the_day_before():
    reading = read(
        "British Foreign Secretary David Lammy met Chinese Foreign Minister Wang Yi in Beijing "
        "on Wednesday. The talks came a day after Lammy met US Secretary of State Marco Rubio in "
        "Washington."
    )

    assert [[p.name for p in m.participants] for m in reading.proposals] == [
        ["David Lammy", "Wang Yi"],
        ["David Lammy", "Marco Rubio"],
    ]
    assert [m.date for m in reading.proposals] == [D(2025, 10, 22), D(2025, 10, 21)]
    assert reading.proposals[1].venue == "Washington"


def test_a_meeting_without_a_stated_date_is_dated_approximately_by_publication():
    meeting = only_meeting(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi."
    )

    assert (meeting.date, meeting.date_precision) == (PUBLISHED, "approximate")


def test_without_a_publication_date_a_weekday_is_left_unresolved_and_the_notes_say_so():
    reading = read(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday.",
        published=None,
    )

    assert reading.proposals[0].date is None
    assert any("No publication date" in note for note in reading.notes)


# The seed article


def test_the_seed_retelling_gives_the_one_meeting_it_reports_in_full():
    topic("Trade", "tariffs", "trade agreement")
    topic("Defence", "defence cooperation")
    security = topic("Security", "security cooperation")
    topic("Cybersecurity", "cyber security", parent=security)
    topic("Counterterrorism", "terrorism", parent=security)
    maritime = topic("Maritime security")
    topic("South China Sea", parent=maritime)
    article = seed_article()

    reading = read(article["text"], published=D.fromisoformat(article["published"]))

    [meeting] = reading.proposals
    assert people(meeting) == [
        ("S. Jaishankar", "External Affairs Minister", "IN"),
        ("Marco Rubio", "Secretary of State", "US"),
    ]
    assert (meeting.date, meeting.date_precision) == (D(2025, 10, 27), "day")
    assert meeting.kind == "in-person"
    assert (meeting.venue, meeting.venue_country) == ("Kuala Lumpur", "MY")
    assert "ASEAN" in meeting.occasion
    topics = {name.lower() for _, name, *_ in meeting.topics}
    assert topics >= {"trade", "defence", "south china sea", "cybersecurity", "counterterrorism"}
    assert reading.notes == []


# Other languages


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "El presidente de Uruguay recibió este lunes a su homólogo de Paraguay en Montevideo. "
            "Los dos mandatarios hablaron sobre los ríos, según la cancillería.",
            "Spanish",
        ),
        (
            "Die Außenministerin traf am Montag ihren Amtskollegen aus Polen in Warschau. Die "
            "beiden sprachen über die Lage an der Grenze und die Zusammenarbeit der Länder.",
            "German",
        ),
    ],
)
def test_an_article_in_another_language_gets_a_note_naming_it_and_no_proposal(text, language):
    reading = read(text)

    assert reading.proposals == []
    assert reading.notes == [
        f"This text seems to be in {language}; the reader reads English, so it proposed nothing."
    ]


def test_the_head_of_an_international_body_is_no_countrys_official_at_the_meeting():
    """The tracker knows Guterres and Rutte as a former Portuguese and Dutch prime minister;
    as heads of the UN and NATO they speak for neither country: the meeting of the two
    countries' leaders stands without the Secretary-General, and a meeting with NATO's alone
    is no meeting between countries. The note says why."""
    for name, code in (("António Guterres", "PT"), ("Mark Rutte", "NL")):
        person = official(name, code, "Prime Minister")
        Position.objects.filter(official=person).update(start=D(1995, 1, 1), end=D(2025, 6, 1))

    proposal = only_meeting(
        "NEW YORK — Indian Prime Minister Narendra Modi met UN Secretary-General António "
        "Guterres and Australian Prime Minister Anthony Albanese on Monday."
    )
    assert {p.country for p in proposal.participants} == {"IN", "AU"}
    assert "António Guterres" not in [p.name for p in proposal.participants]

    reading = read(
        "BRUSSELS — Nigerian President Bola Tinubu met NATO Secretary General Mark Rutte on "
        "Monday. On Tuesday he met the Secretary-General of the United Nations, António Guterres."
    )
    assert reading.proposals == []
    assert any("Mark Rutte, who speaks for NATO" in note for note in reading.notes)
    assert any(
        "António Guterres, who speaks for the United Nations" in note for note in reading.notes
    )


def test_peers_are_counterparts_and_a_scrapped_meeting_did_not_happen():
    """ "Met his peers from Argentina and Brazil, A and B" is a meeting with each, as with
    counterparts; a meeting "scrapped" is one that never took place."""
    reading = read(
        "LIMA — Chilean Foreign Minister Roberto Ampuero met his peers from Argentina and "
        "Brazil, Jorge Faurie and Aloysio Nunes, on Monday. The US president had already "
        "scrapped a meeting with Colombian President Juan Manuel Santos."
    )

    assert [people(p) for p in reading.proposals] == [
        [("Roberto Ampuero", "Foreign Minister", "CL"), ("Jorge Faurie", "Foreign Minister", "AR")],
        [
            ("Roberto Ampuero", "Foreign Minister", "CL"),
            ("Aloysio Nunes", "Foreign Minister", "BR"),
        ],
    ]


def test_a_country_named_as_the_place_of_the_meeting_is_the_unplaced_officials():
    """An official the text gives no country, met "in Cuba" or on "a visit to Cuba" by a
    foreign one, is the host's; a demonym before a noun names no place."""
    proposal = only_meeting(
        "Russian Foreign Minister Sergey Lavrov met Foreign Minister Bruno Rodriguez in Cuba "
        "on Monday."
    )
    assert people(proposal)[1] == ("Bruno Rodriguez", "Foreign Minister", "CU")
    assert "the host" in proposal.participants[1].country_evidence

    proposal = only_meeting(
        "During a visit to the Philippines on Monday, Russian Foreign Minister Sergey Lavrov "
        "met Foreign Minister Enrique Manalo."
    )
    assert people(proposal)[1] == ("Enrique Manalo", "Foreign Minister", "PH")

    reading = read(
        "Russian Foreign Minister Sergey Lavrov met Foreign Minister Bruno Rodriguez on Monday "
        "to discuss loans to Chinese firms."
    )
    assert reading.proposals == []


# Reports as real copy words them


def test_counterparts_from_a_list_of_countries_are_one_meeting_each_without_his():
    reading = read(
        "On Monday, Foreign Minister Arnav Sethi of India held talks with counterparts from "
        "Brazil, Senegal and Mexico."
    )
    assert pairs_met(reading) == [
        ["BR", "IN"],
        ["IN", "MX"],
        ["IN", "SN"],
    ]


def test_a_call_told_with_many_words_between_spoke_and_phone():
    proposal = only_meeting(
        "President Tomas Varga of Hungary spoke for more than an hour Monday by phone with "
        "Chilean President Ana Reyes."
    )
    assert (proposal.kind, proposal.date) == ("call", D(2025, 10, 27))


@pytest.mark.parametrize(
    "sentence",
    [
        "Today brought a call between President Tomas Varga of Hungary and Chilean President "
        "Ana Reyes.",
        "President Tomas Varga of Hungary and Chilean President Ana Reyes had a friendly and "
        "productive call today.",
    ],
)
def test_a_call_named_as_a_noun_is_a_call(sentence):
    proposal = only_meeting(sentence)
    assert (proposal.kind, proposal.date) == ("call", PUBLISHED)
    assert [p.country for p in proposal.participants] == ["HU", "CL"]


def test_a_date_in_a_since_clause_dates_the_earlier_event_not_the_call():
    reading = read(
        "President Tomas Varga of Hungary and Chilean President Ana Reyes spoke by phone on "
        "Monday. It was Varga and Reyes's first phone call since Hungary closed its embassy in "
        "Santiago on April 6."
    )
    assert [p.date for p in reading.proposals] == [D(2025, 10, 27)]


def test_a_leader_called_by_the_given_name_is_the_one_named_in_full():
    proposal = only_meeting(
        "Talks: President Amara, Kenyatta agree on trade\n\n"
        "Tanzania's President Amara Juma Selemani arrived in Nairobi on Monday. "
        "President Amara later held a two-hour meeting with Kenyan President Peter Kenyatta."
    )
    assert people(proposal) == [
        ("Amara Juma Selemani", "President", "TZ"),
        ("Peter Kenyatta", "President", "KE"),
    ]


@pytest.mark.parametrize(
    "second",
    [
        "The two Heads of State discussed trade and security.",
        "At the beginning of the bilateral meeting, the two Heads of State paid tribute to "
        "former President John Otieno.",
    ],
)
def test_the_two_heads_of_state_of_a_visit_met(second):
    proposal = only_meeting(
        "Tanzania's President Amara Selemani on Monday completed a state visit to Kenya at the "
        f"invitation of Kenyan President Peter Kenyatta. {second}"
    )
    assert [p.name for p in proposal.participants] == ["Amara Selemani", "Peter Kenyatta"]


def test_a_page_date_and_agency_on_a_line_of_their_own_anchor_the_report():
    # no publication date given: the page's "2023-07-11 - SPA -" is the date, and the Saudi
    # agency's copy makes the unnamed country of the minister Saudi Arabia
    proposal = only_meeting(
        "Minister Meets Russian Counterpart\n2023-07-11 - SPA -\n\n"
        "The Minister of Foreign Affairs, Prince Khalid bin Saad, met today with the Russian "
        "Foreign Minister, Pavel Orlov, in Moscow.",
        published=None,
    )
    assert proposal.date == D(2023, 7, 11)
    assert [p.country for p in proposal.participants] == ["SA", "RU"]


def test_a_day_month_year_with_dots_is_a_date():
    proposal = only_meeting(
        "17:24 | 28.11.2019 Category: Official\n\nForeign Minister Ion Rusu of Moldova and "
        "Russia's Ambassador to Moldova Oleg Vasin tackled the bilateral agenda at a today's "
        "meeting, the ministry said.",
        published=None,
    )
    assert proposal.date == D(2019, 11, 28)
    assert [p.country for p in proposal.participants] == ["MD", "RU"]


def test_credentials_handed_over_are_a_meeting():
    proposal = only_meeting(
        "On Monday, Armenian Deputy Foreign Minister Aram Petrosyan was handed a copy of his "
        "credentials by the newly appointed ambassador of Uruguay, Luis Ferreira."
    )
    assert (proposal.kind, proposal.date) == ("in-person", D(2025, 10, 27))
    assert [p.country for p in proposal.participants] == ["AM", "UY"]


def test_the_office_alone_in_a_governments_own_readout_is_its_holder_at_home():
    reading = Reader().read(
        "The Prime Minister met Australian Prime Minister Paul Kerr on Monday. The leaders "
        "discussed clean energy.",
        published=PUBLISHED,
        publisher="GOV.UK",
    )
    assert [p.as_gold()["participants"] for p in reading.proposals] == [
        [
            {"name": None, "title": "Prime Minister", "country_iso2": "GB"},
            {"name": "Paul Kerr", "title": "Prime Minister", "country_iso2": "AU"},
        ]
    ]


def test_calls_received_from_a_list_set_off_by_semicolons_are_one_call_each():
    reading = read(
        "Prime Minister Ravi Menon of India today received telephone calls from H.E. Mr. Kim "
        "Sung-ho, President of the Republic of Korea; H.E. Mr. Tendai Moyo, President of "
        "Zimbabwe; and H.E. Mr. Paulo Chissano, President of Mozambique, congratulating him."
    )
    assert pairs_met(reading) == [
        ["IN", "KR"],
        ["IN", "MZ"],
        ["IN", "ZW"],
    ]
    assert {p.kind for p in reading.proposals} == {"call"}


def test_called_up_someone_is_a_call():
    proposal = only_meeting(
        "Indian Prime Minister Ravi Menon had called up Imran Aziz of Pakistan on Monday and "
        "congratulated him."
    )
    assert (proposal.kind, proposal.date) == ("call", D(2025, 10, 27))


def test_a_long_list_of_leaders_met_keeps_going_past_a_republic_of():
    reading = read(
        "On Monday, President Tran Van Minh of Vietnam met with Canadian Prime Minister Paul "
        "Roy, Republic of Korea President Kim Min-su, Chilean President Ana Reyes and "
        "Australian Prime Minister Paul Kerr on the sidelines of the APEC Summit."
    )
    assert pairs_met(reading) == [
        ["AU", "VN"],
        ["CA", "VN"],
        ["CL", "VN"],
        ["KR", "VN"],
    ]


@pytest.mark.parametrize(
    "second",
    [
        "Meeting with Chilean President Ana Reyes, he discussed trade.",
        "Meeting with Chilean President Ana Reyes on Monday, the Vietnamese leader discussed "
        "trade.",
    ],
)
def test_a_sentence_opened_by_the_meeting_is_the_main_subjects(second):
    reading = read(
        "President Tran Van Minh of Vietnam had bilateral meetings with leaders of APEC "
        f"economies in Lima on Monday. {second}"
    )
    assert pairs_met(reading) == [["CL", "VN"]]


def test_the_leaders_a_round_up_names_in_the_next_sentence_were_each_met():
    reading = read(
        "Prime Minister Tan Wei Ming of Singapore held bilateral meetings with several other "
        "leaders on Monday. These included Australian PM Paul Kerr, Dutch PM Jan de Vries and "
        "British PM Tom Hale."
    )
    assert pairs_met(reading) == [
        ["AU", "SG"],
        ["GB", "SG"],
        ["NL", "SG"],
    ]
    assert {p.date for p in reading.proposals} == {D(2025, 10, 27)}


def test_what_each_leader_said_after_a_round_up_of_world_leaders_met_is_a_meeting_each():
    reading = read(
        "Prime Minister Tran Van Minh of Vietnam met world leaders on the sidelines of the G20 "
        "Summit in Osaka on Monday.\n\n"
        "The leaders expressed their wish to enhance ties with Vietnam.\n\n"
        "Meanwhile, US President Tom Hale expressed support for energy cooperation and asked "
        "for balanced trade.\n\n"
        "Canadian Prime Minister Paul Roy agreed with his Vietnamese counterpart on trade.\n\n"
        "Chilean President Ana Reyes will visit Hanoi next year."
    )
    assert pairs_met(reading) == [
        ["CA", "VN"],
        ["US", "VN"],
    ]


def test_a_title_longer_than_usual_keeps_the_country_word_before_it():
    proposal = only_meeting(
        "On Monday, Foreign Minister Tesfaye Alemu of Ethiopia discussed with Burundian External "
        "Relations and International Cooperation Minister Jean Ndayishimiye ways of cooperating."
    )
    assert [p.country for p in proposal.participants] == ["ET", "BI"]


@pytest.mark.parametrize(
    "second",
    [
        "The discussion held with Zimbabwean Foreign Minister Tendai Moyo was focused on trade.",
        "Another fruitful discussion Dr. Tesfaye held was with his Zimbabwean counterpart, "
        "Tendai Moyo.",
    ],
)
def test_a_discussion_held_with_someone_is_the_reports_subjects(second):
    reading = read(
        "Foreign Minister Tesfaye Alemu of Ethiopia held talks with his African counterparts on "
        f"Monday. {second}"
    )
    assert pairs_met(reading) == [["ET", "ZW"]]


def test_the_two_sides_named_with_their_long_names_give_the_missing_country():
    proposal = only_meeting(
        "The Minister of Foreign Affairs and International Cooperation, Ahmed Nur, held a "
        "bilateral meeting on Monday with Tesfaye Alemu, Deputy Prime Minister and Minister of "
        "Foreign Affairs of the Federal Democratic Republic of Ethiopia. The Foreign Minister "
        "thanked his host for the cooperation between the Federal Republic of Somalia and the "
        "Federal Democratic Republic of Ethiopia."
    )
    assert [p.country for p in proposal.participants] == ["SO", "ET"]


def test_a_lower_case_title_of_a_country_then_the_name_without_a_comma():
    proposal = only_meeting(
        "Angolan Foreign Minister Jose Neto was received in audience on Monday by the new "
        "president of Ethiopia Almaz Tesfaye."
    )
    assert people(proposal)[1] == ("Almaz Tesfaye", "President", "ET")


def test_an_envoys_military_rank_is_no_part_of_the_name():
    proposal = only_meeting(
        "On Monday, the High Commissioner of Sri Lanka, H.E Major General (R) L.K. Nimal C. "
        "Silva, paid a courtesy call on Pakistani Prime Minister Imran Aziz."
    )
    assert people(proposal)[0] == ("L.K. Nimal C. Silva", "High Commissioner", "LK")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2024/09/26/fm-meets-counterparts", D(2024, 9, 25)),
        ("https://news.example/world/2024/09/fm-meets-counterparts", D(2024, 9, 25)),
        ("https://news.example/world/fm-meets-counterparts-123", None),
    ],
)
def test_a_page_without_a_publication_date_is_read_against_the_date_in_its_address(url, expected):
    reading = Reader().read(
        "On Sept. 25, Foreign Minister Aidos Serik of Kazakhstan met Polish Foreign Minister "
        "Jan Nowak in New York.",
        url=url,
    )
    assert [p.date for p in reading.proposals] == [expected]


def test_farewell_audiences_for_envoys_named_in_the_next_sentence_are_one_each():
    reading = read(
        "President Musa Bello of Nigeria on Monday hosted two outgoing Ambassadors in farewell "
        "audiences at State House, Abuja.\n"
        "The affected Ambassadors, who had kind words to say about their tour of duty, include "
        "Jose Quibato of Republic of Angola and Dr Fahad Al Taffaq of United Arab Emirates (UAE)."
    )
    assert pairs_met(reading) == [["AE", "NG"], ["AO", "NG"]]


def test_a_common_word_is_no_venue_and_st_kitts_nevis_is_a_country():
    proposal = only_meeting(
        "Prime Ministers of St. Kitts Nevis and Barbados hold talks\n\n"
        "Prime Minister Dr. Tim Harris held bilateral talks with his Barbados counterpart Mia "
        "Moss on Monday. The St. Kitts Nevis Prime Minister was among the alumni honoured by the "
        "University on Monday."
    )
    assert [p.country for p in proposal.participants] == ["KN", "BB"]
    assert proposal.venue != "University"


def test_the_foreign_ministers_of_a_list_of_countries_each_named_after_their_country():
    reading = read(
        "On Monday, Foreign Minister Aidos Serik of Kazakhstan met with the foreign ministers of "
        "Spain Juan Alba, Latvia Ilze Berzina, and Switzerland Hans Keller in New York."
    )
    assert pairs_met(reading) == [
        ["CH", "KZ"],
        ["ES", "KZ"],
        ["KZ", "LV"],
    ]


def test_agreements_reached_during_a_call_tell_the_call_whatever_is_planned_after():
    proposal = only_meeting(
        "The two ministries will implement the agreements reached during the telephone "
        "conversation between Presidents Asel Nurlan of Kazakhstan and Tom Hale of the United "
        "States in September this year."
    )
    assert (proposal.kind, proposal.as_gold()["date"]) == ("call", "2025-09")


def test_a_telephone_chat_is_a_call():
    proposal = only_meeting(
        "South African President Sipho Dube had a telephone chat with French President Luc "
        "Martin on Monday."
    )
    assert (proposal.kind, proposal.date) == ("call", D(2025, 10, 27))


def test_an_in_depth_discussion_is_held():
    # "in-depth": the hyphen made "in" read as the preposition that ends the verb's words
    proposal = only_meeting(
        "Indonesian Foreign Minister Dewi Lestari held an in-depth discussion with her Malaysian "
        "counterpart Aziz Rahman in Jakarta on Monday."
    )
    assert (sorted(proposal.countries), proposal.date) == (["ID", "MY"], D(2025, 10, 27))


def test_a_candid_exchange_held_with_a_counterpart_is_a_meeting():
    proposal = only_meeting(
        "Foreign Minister Omar Baig of Pakistan held a candid exchange with Uzbek Foreign "
        "Minister Timur Aliev on trade on Monday."
    )
    assert sorted(proposal.countries) == ["PK", "UZ"]


def test_two_officials_who_emphasised_something_together_met():
    proposal = only_meeting(
        "Foreign Minister Omar Baig of Pakistan and his Uzbek counterpart Timur Aliev emphasised "
        "the need for closer coordination against terrorism on Monday."
    )
    assert sorted(proposal.countries) == ["PK", "UZ"]


def test_a_speaker_who_says_he_and_another_held_talks_is_one_of_the_two():
    proposal = only_meeting(
        "President Tom Hale of the United States said on Monday that he and French President "
        "Luc Martin had a telephone conversation."
    )
    assert (sorted(proposal.countries), proposal.kind) == (["FR", "US"], "call")


def test_an_envoy_bearing_a_message_is_of_the_sender_s_country():
    proposal = only_meeting(
        "On Monday in Paris, President Luc Martin of France received Joao Pereira, special "
        "envoy and bearer of a message that the President of Angola, Paulo Neto, sent to his "
        "French counterpart."
    )
    assert sorted(proposal.countries) == ["AO", "FR"]


def test_an_audience_granted_on_a_day_to_a_minister():
    proposal = only_meeting(
        "President Luc Martin of France granted an audience this Monday to Foreign Minister "
        "Paulo Neto of Angola."
    )
    assert (sorted(proposal.countries), proposal.date) == (["AO", "FR"], D(2025, 10, 27))


def test_a_city_before_a_title_after_in_is_the_venue():
    proposal = only_meeting(
        "President Luc Martin of France received on Monday in Lyon Minister for African Affairs "
        "Paulo Neto of Angola."
    )
    assert proposal.venue == "Lyon"


def test_an_official_s_name_is_no_town_that_once_had_it_as_another_name():
    # GeoNames lists "Lula" among the other names of Luleå, Sweden
    official("Luiz Inácio Lula da Silva", "BR", "President", "Lula")
    proposal = only_meeting(
        "Argentine President Paulo Neto visited Brazil on Monday, where he was received by "
        "President Luiz Inácio Lula da Silva. Neto expressed gratitude to Lula for his "
        "hospitality."
    )
    assert (sorted(proposal.countries), proposal.venue) == (["AR", "BR"], None)


def test_the_city_visited_in_the_sentence_before_is_where_he_met():
    proposal = only_meeting(
        "Chancellor Hans Keller of Germany visited Warsaw on Sunday evening. He met with Polish "
        "Prime Minister Jan Nowak in front of a Christmas tree."
    )
    assert (proposal.venue, proposal.venue_country) == ("Warsaw", "PL")


def test_a_country_s_visiting_leader_is_of_that_country():
    proposal = only_meeting(
        "Russian President Ivan Petrov has welcomed China's visiting leader Li Wen in an "
        "official ceremony on Monday afternoon."
    )
    assert sorted(proposal.countries) == ["CN", "RU"]


def test_he_who_met_the_host_is_the_host_s_guest_not_the_host():
    reading = read(
        "Russian President Ivan Petrov welcomed Chinese President Li Wen in an official "
        "ceremony on Monday. On Sunday, he had an informal meeting with Petrov at his residence."
    )
    assert sorted(p.date for p in reading.proposals) == [D(2025, 10, 26), D(2025, 10, 27)]


def test_talks_said_in_the_next_sentence_to_have_been_a_phone_call_were_a_call():
    proposal = only_meeting(
        "The Emir of Qatar, Sheikh Hamad Nasser, held talks on Monday with King Idris of "
        "Libya. The talks took place during a phone call received by the Emir from the King."
    )
    assert proposal.kind == "call"


def test_a_counterpart_from_a_country_named_after_a_comma_is_that_counterpart():
    proposal = only_meeting(
        "Prime Minister Aziz Rahman of Malaysia held a bilateral meeting on Monday with his "
        "counterpart from Laos, Sonexay Phomvihane, where they agreed to cooperate on banking."
    )
    assert [(p.name, p.country) for p in proposal.participants] == [
        ("Aziz Rahman", "MY"),
        ("Sonexay Phomvihane", "LA"),
    ]


def test_i_in_a_quotation_is_the_one_the_report_is_about():
    reading = read(
        "Prime Minister Aziz Rahman of Malaysia met President Joko Santoso of Indonesia in "
        'Jakarta on Monday. "After that, I also held a bilateral meeting with my counterpart '
        'from Laos, Sonexay Phomvihane," he said.'
    )
    assert pairs_met(reading) == [["ID", "MY"], ["LA", "MY"]]


def test_where_a_delegation_is_welcome_to_go_is_not_where_they_met():
    proposal = only_meeting(
        "Prime Minister Aziz Rahman of Malaysia held a meeting with the Prime Minister of "
        "Vietnam, Pham Van Long, on Monday and hoped to receive their delegation to Putrajaya."
    )
    assert proposal.venue is None


def test_a_charge_d_affaires_of_an_embassy_and_a_minister_designate():
    proposal = only_meeting(
        "The Charge d’Affaires of the Embassy of the Islamic Republic of Pakistan in Abuja, "
        "Nigeria, Omar Baig, has paid a courtesy call on Minister-designate for Foreign Affairs, "
        "Ama Mensah of Ghana, on Monday."
    )
    assert (sorted(proposal.countries), proposal.venue) == (["GH", "PK"], None)


def test_a_list_of_presidents_of_countries_each_named_after_the_title():
    reading = read(
        "Prime Minister Abebe Tesfaye of Ethiopia on Monday held talks with presidents of "
        "different African countries on the sidelines of the summit. He conferred with "
        "President of Botswana Kabo Molefe, President of Somalia, Ahmed Warsame, President of "
        "Djibouti Ismail Guedi and President of Ghana Kofi Mensah."
    )
    assert pairs_met(reading) == [["BW", "ET"], ["DJ", "ET"], ["ET", "GH"], ["ET", "SO"]]


def test_informal_interactions_with_several_leaders_are_one_meeting_each():
    reading = read(
        "Prime Minister Ravi Kumar of India had informal interactions with US President Tom "
        "Hale, UK Prime Minister John Black and French President Luc Martin on Monday on the "
        "sidelines of the summit and exchanged views on a range of issues."
    )
    assert pairs_met(reading) == [["FR", "IN"], ["GB", "IN"], ["IN", "US"]]


def test_a_ministry_of_several_portfolios_listed_with_commas_is_one_title():
    reading = read(
        "The Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates, Karim "
        "Alaoui of Morocco, held talks on Monday with the Minister of Foreign Affairs, "
        "Cooperation and Tunisians Abroad, Hedi Mansour of Tunisia."
    )
    # (not "African Cooperation" or "Tunisians Abroad" taken for people)
    assert [[(p.name, p.country) for p in m.participants] for m in reading.proposals] == [
        [("Karim Alaoui", "MA"), ("Hedi Mansour", "TN")]
    ]


def test_ministers_in_a_country_to_hold_talks_have_not_held_them():
    reading = read(
        "Minister of Foreign Affairs Musa Bello of Nigeria is presently in South Africa to hold "
        "talks with the South African president, Sipho Dube, on the attacks."
    )
    assert reading.proposals == []


def test_yesterday_in_a_phone_call_with_x_y_called_for():
    reading = read(
        "Prince Faisal bin Saud, Crown Prince of Saudi Arabia, spoke on the phone with Egyptian "
        "President Omar Said yesterday. Yesterday, in a phone call with Turkish President Kemal "
        "Aydin, His Highness Prince Faisal bin Saud called for unifying efforts."
    )
    assert pairs_met(reading) == [["EG", "SA"], ["SA", "TR"]]


def test_the_day_a_tour_began_is_not_the_day_of_its_meetings():
    proposal = only_meeting(
        "South African President Sipho Dube left South Africa on Tuesday, 21 October, for a "
        "weeklong tour of West Africa.\n\nDUBE CHEERED IN GHANA\n\nDube concluded his two-day "
        "visit to Ghana on Sunday, 26 October. The Presidency described the visit as a success. "
        "Dube and his Ghanaian counterpart President Kofi Mensah signed memoranda on transport."
    )
    assert proposal.date == D(2025, 10, 26)


def test_envoys_who_paid_courtesy_calls_listed_by_name_then_post():
    reading = read(
        "Three Heads of Diplomatic Mission on Monday paid courtesy calls on Vice President "
        "Amos Banda of Malawi in Lilongwe. The envoys included His Excellency Jurgen Roth "
        "Ambassador of the Federal Republic of Germany, John Phiri the High Commissioner of the "
        "Republic of Zambia and Liu Wei Ambassador of the People’s Republic of China."
    )
    assert pairs_met(reading) == [["CN", "MW"], ["DE", "MW"], ["MW", "ZM"]]


def test_a_president_who_also_chairs_a_body_still_speaks_for_his_country():
    official("Amadou Diallo", "SN", "President")
    proposal = only_meeting(
        "Prime Minister Ravi Kumar of India met Senegal President and Chairman of the African "
        "Union Amadou Diallo on Monday."
    )
    assert sorted(proposal.countries) == ["IN", "SN"]


def test_the_day_of_a_plan_in_the_sentence_before_does_not_date_a_meeting():
    reading = read(
        "Prime Minister Ravi Kumar of India met US President Tom Hale at the summit on Monday. "
        "Kumar is scheduled to hold talks with host President Joko Santoso of Indonesia on "
        "Wednesday. He met Senegal President Amadou Diallo."
    )
    assert [(sorted(p.countries), p.date) for p in reading.proposals] == [
        (["IN", "US"], D(2025, 10, 27)),
        (["IN", "SN"], D(2025, 10, 27)),
    ]


def test_talks_between_two_by_telephone_were_a_call():
    proposal = only_meeting(
        "Talks between the Foreign Minister of Japan Mr. Taro Sato and his Chinese counterpart "
        "Mr. Li Wen by telephone took place at 15:00 on Monday."
    )
    assert (sorted(proposal.countries), proposal.kind) == (["CN", "JP"], "call")


def test_telephone_talks_between_two_told_to_a_third_are_the_two_s():
    reading = read(
        "Foreign Minister Taro Sato of Japan explained to US Secretary of State Tom Hale on "
        "Monday the exchanges of views in telephone talks on October 26 between Prime Minister "
        "Ken Ito of Japan and President Kim Min-jun of South Korea."
    )
    assert pairs_met(reading) == [["JP", "KR"]]


def test_a_counterpart_without_his_after_a_country_word():
    proposal = only_meeting(
        "Peruvian Foreign Affairs Minister Javier Soto held a meeting with Chilean counterpart "
        "Alberto van Kleef on Monday."
    )
    assert [(p.name, p.country) for p in proposal.participants] == [
        ("Javier Soto", "PE"),
        ("Alberto van Kleef", "CL"),
    ]


def test_an_army_chief_is_an_official_of_his_country():
    proposal = only_meeting(
        "Visiting Afghan Defense Minister Ahmad Karimi on Monday held talks with Pakistan army "
        "chief General Tariq Mahmood and discussed defense cooperation."
    )
    assert [(p.name, p.country) for p in proposal.participants] == [
        ("Ahmad Karimi", "AF"),
        ("Tariq Mahmood", "PK"),
    ]


def test_two_presidents_who_led_their_delegations_in_talks_met():
    proposal = only_meeting(
        "Kenyan President, Daniel Otieno and his visiting Sierra Leonean counterpart, President "
        "Sahr Koroma on Monday, 27th October 2025 at the State House, Nairobi led respective "
        "delegations in bilateral talks after which, seven agreements were signed."
    )
    assert (sorted(proposal.countries), proposal.date) == (["KE", "SL"], D(2025, 10, 27))


def test_a_body_s_letters_are_no_town():
    reading = read(
        "President Kemal Aydin of Turkey on Monday met the president of the European Council "
        "at the presidential complex in Ankara. Later in the day, he received Kelly Moore, "
        "Washington's ambassador to the UN."
    )
    assert {p.venue for p in reading.proposals} == {"Ankara"}


def test_an_outgoing_ambassador_s_farewell_call():
    reading = read(
        "Outgoing Swiss Ambassador Hans Keller paid a farewell call on Prime Minister Ranil "
        "Perera of Sri Lanka on Monday. Outgoing Ambassador of Vietnam, Mrs Nguyen Thi Lan "
        "called on the Prime Minister on Monday."
    )
    assert pairs_met(reading) == [["CH", "LK"], ["LK", "VN"]]
    assert reading.proposals[0].kind == "in-person"


def test_an_envoy_slated_to_make_courtesy_calls_has_not_made_them():
    reading = read(
        "Japanese Ambassador Kenji Sato is slated to make courtesy calls on President Kofi Mensah "
        "and Prime Minister Ama Owusu of Ghana during his stay, which is poised to open new "
        "avenues of cooperation."
    )
    assert reading.proposals == []


def test_a_guest_welcomed_by_the_host_met_the_host():
    proposal = only_meeting(
        "Italian Prime Minister Marco Rossi was warmly welcomed by Canadian Prime Minister Anne "
        "Tremblay in Ottawa on Monday."
    )
    assert people(proposal) == [
        ("Marco Rossi", "Prime Minister", "IT"),
        ("Anne Tremblay", "Prime Minister", "CA"),
    ]
    assert proposal.venue == "Ottawa"


def test_an_agreement_welcomed_by_a_president_is_no_meeting():
    reading = read(
        "Italian Prime Minister Marco Rossi spoke to the press. The agreement was welcomed by "
        "Canadian Prime Minister Anne Tremblay on Monday."
    )
    assert reading.proposals == []


def test_officials_of_countries_described_not_named():
    proposal = only_meeting(
        "Foreign Minister Ana Lima of Cape Verde arrived in Rome on Sunday. On Monday she held "
        "the first meeting between the island's foreign minister, Ana Lima, and the president "
        "of the European nation, Marco Rossi of Italy."
    )
    assert people(proposal) == [
        ("Ana Lima", "Foreign Minister", "CV"),
        ("Marco Rossi", "President", "IT"),
    ]


def test_the_island_in_lower_case_is_no_country():
    reading = read(
        "Japanese Foreign Minister Kenji Sato visited Cape Verde on Monday and met the island's "
        "prime minister."
    )
    assert "IS" not in {p.country for proposal in reading.proposals for p in proposal.participants}


def test_meetings_between_a_and_b_as_well_as_between_c_and_d_are_two():
    reading = read(
        "On the sidelines, bilateral meetings were held between Foreign Minister Ana Lima of "
        "Cape Verde and President Jan Novak of Slovakia, as well as between Prime Minister Ewa "
        "Nowak of Poland and Chancellor Hans Weber of Germany."
    )
    assert pairs_met(reading) == [["CV", "SK"], ["DE", "PL"]]


def test_two_hosts_of_one_country_who_separately_received_a_guest_met_him_twice():
    reading = read(
        "Ghanaian President Kofi Mensah and Ghanaian Vice President Ama Owusu separately received "
        "the visiting Cuban Foreign Minister Pedro Diaz in Accra on Monday."
    )
    assert [[p.name for p in proposal.participants] for proposal in reading.proposals] == [
        ["Kofi Mensah", "Pedro Diaz"],
        ["Ama Owusu", "Pedro Diaz"],
    ]


def test_a_word_of_one_name_inside_another_name_is_not_that_person():
    reading = read(
        "Vietnamese President Tran Duc Luong received Cuban Foreign Minister Pedro Diaz in Hanoi "
        "on Monday. On Tuesday Nong Duc Manh received Pedro Diaz at the party headquarters."
    )
    hosts = [(p.participants[0].name, p.date) for p in reading.proposals]
    assert ("Tran Duc Luong", D(2025, 10, 27)) in hosts
    assert ("Tran Duc Luong", D(2025, 10, 28)) not in hosts


def test_the_preparation_of_a_meeting_is_no_meeting():
    reading = read(
        "On October 27, Ghanaian Foreign Minister Kwame Boateng had a phone conversation with "
        "Cuban Foreign Minister Pedro Diaz. They agreed on regular contacts, including for the "
        "preparation of a meeting between the presidents of Ghana and Cuba."
    )
    assert [proposal.kind for proposal in reading.proposals] == ["call"]


def test_a_statement_given_after_a_meeting_with_x_is_the_speakers_meeting():
    proposal = only_meeting(
        "Ghanaian Foreign Minister Kwame Boateng spoke to reporters on Monday. The statement was "
        "given after a meeting with Cuban Foreign Minister Pedro Diaz."
    )
    assert [name for name, _, _ in people(proposal)] == ["Kwame Boateng", "Pedro Diaz"]


def test_the_pm_after_two_prime_ministers_met_is_the_one_the_report_is_about():
    reading = read(
        "Indian Prime Minister Ravi Kumar on Saturday held talks with British Prime Minister John "
        "Hale on the margins of the summit. The PM also had a bilateral meeting with Japanese "
        "Prime Minister Kenji Sato."
    )
    assert [[name for name, _, _ in people(p)] for p in reading.proposals] == [
        ["Ravi Kumar", "John Hale"],
        ["Ravi Kumar", "Kenji Sato"],
    ]


def test_two_posts_set_off_by_a_comma_before_the_country_and_name():
    proposal = only_meeting(
        "Vice Prime Minister, Minister of Foreign Affairs of Ghana Kwame Boateng held a telephone "
        "conversation with Minister of Foreign Affairs of Cuba, Mr. Pedro Diaz."
    )
    assert people(proposal) == [
        ("Kwame Boateng", "Vice Prime Minister, Minister of Foreign Affairs", "GH"),
        ("Pedro Diaz", "Minister of Foreign Affairs", "CU"),
    ]


def test_an_ambassador_named_with_the_capital_he_serves_in():
    proposal = only_meeting(
        "Ghanaian Ambassador in Havana Kwame Boateng paid a courtesy call on Cuban Foreign "
        "Minister Pedro Diaz on Monday."
    )
    assert people(proposal) == [
        ("Kwame Boateng", "Ambassador", "GH"),
        ("Pedro Diaz", "Foreign Minister", "CU"),
    ]


def test_talking_to_an_official_opening_the_sentence_is_a_meeting_of_the_main_clauses_subject():
    reading = read(
        "Meanwhile, talking to Cuban Foreign Minister Pedro Diaz during the meeting, Ghanaian "
        "Foreign Minister Kwame Boateng stressed trade. Talking to reporters, Kwame Boateng said "
        "Cuban President Miguel Ortega was right."
    )
    assert pairs_met(reading) == [["CU", "GH"]]


def test_talking_to_a_counterpart_over_the_phone_is_a_call():
    proposal = only_meeting(
        "Talking to his Cuban counterpart Pedro Diaz over the phone, Ghanaian Foreign Minister "
        "Kwame Boateng said the two countries were friends."
    )
    assert proposal.kind == "call"
    assert sorted(name for name, _, _ in people(proposal)) == ["Kwame Boateng", "Pedro Diaz"]


def test_a_clause_about_the_first_of_two_people_between_them_keeps_them_together():
    proposal = only_meeting(
        "Bilateral discussions between Ghanaian President Kwame Boateng, who is on an official "
        "visit to Cuba, and Prime Minister Pedro Diaz of Cuba were held last night in Havana."
    )
    assert [name for name, _, _ in people(proposal)] == ["Kwame Boateng", "Pedro Diaz"]


def test_brief_encounters_with_several_leaders_are_a_meeting_each():
    reading = read(
        "Ghanaian President Kwame Boateng held brief encounters with Cuban President Pedro Diaz, "
        "International Monetary Fund (IMF) Managing Director Ana Reyes, and Chilean President "
        "Luis Soto on Friday."
    )
    assert pairs_met(reading) == [["CL", "GH"], ["CU", "GH"]]


def test_the_first_call_someone_made_was_to_another_is_their_call():
    reading = read(
        "Ghanaian Foreign Minister Kwame Boateng spoke at the parliament on Tuesday. However, "
        "the first call Boateng made on Monday after taking office was to Cuban Foreign "
        "Minister Pedro Diaz."
    )
    assert [(p.kind, [x.name for x in p.participants]) for p in reading.proposals] == [
        ("call", ["Kwame Boateng", "Pedro Diaz"])
    ]


def test_one_accompanied_by_another_is_not_the_one_who_met():
    proposal = only_meeting(
        "Ghanaian President Kwame Boateng accompanied by Vice President Ama Mensah and other "
        "officials on Monday met with Cuban Foreign Minister Pedro Diaz in Havana."
    )
    assert [name for name, _, _ in people(proposal)] == ["Kwame Boateng", "Pedro Diaz"]


def test_a_visitor_meeting_the_hosts_leaders_in_a_list_met_each_in_his_office():
    reading = read(
        "Ghanaian Foreign Minister Kwame Boateng had met and held talks with Cuban President "
        "Pedro Diaz, Cuban Prime Minister Luis Soto and Cuban Foreign Minister Ana Reyes today."
    )
    assert [[name for name, _, _ in people(p)] for p in reading.proposals] == [
        ["Kwame Boateng", "Pedro Diaz"],
        ["Kwame Boateng", "Luis Soto"],
        ["Kwame Boateng", "Ana Reyes"],
    ]


def test_an_incoming_prime_minister_listed_after_a_counterpart_is_met_too():
    reading = read(
        "Ghanaian Foreign Minister Kwame Boateng met with his Cuban counterpart Pedro Diaz and "
        "incoming Cuban Prime Minister Luis Soto in Havana on Tuesday."
    )
    assert [[name for name, _, _ in people(p)] for p in reading.proposals] == [
        ["Kwame Boateng", "Pedro Diaz"],
        ["Kwame Boateng", "Luis Soto"],
    ]


def test_a_plural_title_before_a_list_of_countries_and_names_is_a_meeting_each():
    reading = read(
        "Chilean Foreign Minister Luis Soto held separate meetings with the Foreign Ministers of "
        "the Republic of Ghana - Kwame Boateng, the Republic of Cuba Pedro Diaz, and the State "
        "Minister of Foreign Affairs of the Republic of Peru Ana Reyes on Tuesday."
    )
    assert [[name for name, _, _ in people(p)] for p in reading.proposals] == [
        ["Luis Soto", "Kwame Boateng"],
        ["Luis Soto", "Pedro Diaz"],
        ["Luis Soto", "Ana Reyes"],
    ]


def test_one_along_with_another_who_signed_brought_together_or_inked_by_met():
    reading = read(
        "Chilean Foreign Minister Luis Soto concluded his meetings in New York on Saturday. Soto "
        "along with his Dutch counterpart Anna de Vries, discussed bilateral ties. Trade was "
        "covered during a meeting that brought together Soto and his Croatian counterpart Ivo "
        "Horvat. A memorandum of understanding was inked by Soto and his Indonesian counterpart "
        "Siti Rahma."
    )
    assert pairs_met(reading) == [["CL", "HR"], ["CL", "ID"], ["CL", "NL"]]


def test_the_recent_meeting_of_two_others_has_no_day_of_its_own():
    reading = read(
        "Ghanaian Foreign Minister Kwame Boateng held a phone call with his Ukrainian counterpart "
        "Ivan Koval on Monday. Boateng described the recent meeting between Koval and Russian "
        "Foreign Minister Pavel Orlov in Turkey as important."
    )
    dates = {tuple(sorted(p.countries)): p.as_gold()["date"] for p in reading.proposals}
    assert dates == {("GH", "UA"): "2025-10-27", ("RU", "UA"): None}


def test_the_same_two_meeting_months_before_the_news_is_another_meeting():
    reading = read(
        "Ghanaian Foreign Minister Kwame Boateng met with Cuban Foreign Minister Pedro Diaz to "
        "review relations. In March 2025, Boateng met with Diaz in New York on the sidelines of "
        "a conference."
    )
    assert sorted(p.as_gold()["date"] for p in reading.proposals) == ["2025-03", "2025-10-28"]


def test_the_president_of_two_countries_is_two_presidents_met_apart():
    reading = read(
        "Pakistani Prime Minister Ravi Khan met Russian President Pavel Orlov on Thursday. He "
        "also met with the president of Tajikistan and Kyrgyzstan."
    )
    assert pairs_met(reading) == [["KG", "PK"], ["PK", "RU"], ["PK", "TJ"]]


def test_a_cordial_exchange_with_an_official_is_a_meeting():
    proposal = only_meeting(
        "Cuban Foreign Minister Pedro Diaz highlighted on Twitter the fraternal exchange with "
        "Ghanaian Foreign Minister Kwame Boateng in Mexico City on Tuesday."
    )
    assert [name for name, _, _ in people(proposal)] == ["Pedro Diaz", "Kwame Boateng"]


def test_meetings_with_leaders_such_as_a_and_b_are_the_reports_subjects():
    reading = read(
        "Ghanaian President Kwame Boateng spent three days in Davos. Meetings with leaders such "
        "as German Chancellor Karl Weber and Croatian Prime Minister Ivo Horvat highlighted "
        "trade. Similarly, conversations with Latvian President Janis Ozols reinforced ties."
    )
    assert [[name for name, _, _ in people(p)] for p in reading.proposals] == [
        ["Kwame Boateng", "Karl Weber"],
        ["Kwame Boateng", "Ivo Horvat"],
        ["Kwame Boateng", "Janis Ozols"],
    ]


def test_an_unnamed_office_in_a_list_is_met_too():
    reading = read(
        "Later, Ghanaian Prime Minister Kwame Boateng also held meetings with Austrian "
        "Chancellor Karl Weber, Iranian President and the Prime Minister of Spain on Tuesday."
    )
    assert pairs_met(reading) == [["AT", "GH"], ["ES", "GH"], ["GH", "IR"]]


def test_what_two_agreed_will_happen_is_not_their_meeting_to_come():
    proposal = only_meeting(
        "Ghanaian Foreign Minister Kwame Boateng and Cuban Foreign Minister Pedro Diaz agreed on "
        "Monday that the two countries will work together on trade."
    )
    assert [name for name, _, _ in people(proposal)] == ["Kwame Boateng", "Pedro Diaz"]
