"""The article reader on text as news pages give it: headlines, bylines and captions around the
report, no publication date, officials the outlet does not introduce, several meetings named
together, the same meeting told twice. Short texts written for these tests."""

import datetime

import pytest

from meetings.intake.reader import Reader
from tests.intake_fixtures import world_loaded

D = datetime.date
PUBLISHED = D(2025, 10, 28)  # a Tuesday


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Countries and the gazetteer's places, once for the module."""
    with world_loaded(django_db_blocker):
        yield


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("world")]


def read(text: str, published: datetime.date | None = PUBLISHED, **kwargs):
    return Reader().read(text, published=published, **kwargs)


def meetings(reading) -> list[list[tuple[str | None, str | None]]]:
    """Each proposal's participants as (name, country)."""
    return [[(p.name, p.country) for p in proposal.participants] for proposal in reading.proposals]


# Countries the text does not give


def test_the_outlets_own_official_takes_the_outlets_country():
    reading = read(
        "President Samia Suluhu Hassan held talks with Zambian President Hakainde Hichilema "
        "at State House on Wednesday.",
        publisher="Daily News Tanzania",
    )

    assert meetings(reading) == [[("Samia Suluhu Hassan", "TZ"), ("Hakainde Hichilema", "ZM")]]
    assert "Daily News Tanzania" in reading.proposals[0].participants[0].country_evidence


def test_the_agency_a_dateline_credits_gives_the_country():
    reading = read(
        "HANOI, Oct 27 (VNA) -- Minister of Industry and Trade Nguyen Hong Dien met visiting "
        "Japanese Trade Minister Yoji Muto on Monday."
    )

    assert meetings(reading) == [[("Nguyen Hong Dien", "VN"), ("Yoji Muto", "JP")]]


def test_a_wire_that_writes_for_the_world_gives_no_country_and_the_meeting_is_only_noted():
    reading = read(
        "Prime Minister Mark Ellison met Kenyan President William Ruto on Monday.",
        publisher="Morning Gazette (Reuters)",
    )

    assert reading.proposals == []
    assert reading.notes[0] == (
        "Not proposed (no country for Mark Ellison): “Prime Minister Mark Ellison met Kenyan "
        "President William Ruto on Monday.”"
    )


def test_two_countries_named_with_the_meeting_give_the_missing_one():
    reading = read(
        "President Irfaan Ali met Surinamese President Chan Santokhi in Paramaribo on Monday. "
        "The talks covered trade between Suriname and Guyana."
    )

    assert meetings(reading) == [[("Irfaan Ali", "GY"), ("Chan Santokhi", "SR")]]


def test_a_title_that_names_a_city_gives_its_country():
    reading = read(
        "Sheikh Hamdan bin Mohammed Al Maktoum, Crown Prince of Dubai, received Kenyan "
        "President William Ruto on Monday."
    )

    assert meetings(reading) == [[("Hamdan bin Mohammed Al Maktoum", "AE"), ("William Ruto", "KE")]]


def test_the_demonyms_news_uses_name_the_country():
    reading = read(
        "Kyrgyz President Sadyr Japarov held talks with Tajik President Emomali Rahmon in "
        "Bishkek on Monday."
    )

    assert meetings(reading) == [[("Sadyr Japarov", "KG"), ("Emomali Rahmon", "TJ")]]


# Several officials named together by their title


def test_the_leaders_of_two_countries_are_the_leaders_the_article_names():
    reading = read(
        "Chilean President Gabriel Boric and Peruvian President Dina Boluarte posed for "
        "photographers.\n\nThe leaders of Chile and Peru met on Monday for their first formal "
        "talks."
    )

    assert meetings(reading) == [[("Gabriel Boric", "CL"), ("Dina Boluarte", "PE")]]
    assert reading.proposals[0].date == D(2025, 10, 27)


def test_presidents_of_two_countries_in_separate_meetings_are_two_meetings():
    reading = read(
        "President Bola Tinubu held talks with Niger and Chad Presidents in two separate "
        "meetings at the Presidential Villa, Abuja, on Monday.",
        publisher="Premium Times",
    )

    assert meetings(reading) == [
        [("Bola Tinubu", "NG"), (None, "NE")],
        [("Bola Tinubu", "NG"), (None, "TD")],
    ]


def test_ministers_of_two_countries_named_in_order_are_one_meeting_of_three():
    reading = read(
        "Brazilian Foreign Minister Mauro Vieira held a meeting with the foreign ministers of "
        "Argentina and Chile, Gerardo Werthein and Alberto van Klaveren, in Montevideo on Monday."
    )

    assert meetings(reading) == [
        [("Mauro Vieira", "BR"), ("Gerardo Werthein", "AR"), ("Alberto van Klaveren", "CL")]
    ]


def test_the_brazilian_and_south_african_presidents_are_named_from_the_rest_of_the_article():
    reading = read(
        "The Brazilian and South African presidents met by video link on Monday. Brazilian "
        "President Luiz Inácio Lula da Silva thanked South African President Cyril Ramaphosa "
        "for his support."
    )

    assert meetings(reading) == [[("Luiz Inácio Lula da Silva", "BR"), ("Cyril Ramaphosa", "ZA")]]
    assert reading.proposals[0].kind == "virtual"


# Names as news pages write them


def test_a_family_name_in_capitals_after_mr():
    reading = read(
        "On October 27, Mr. TANAKA Hiroshi, Minister for Foreign Affairs of Japan, held talks "
        "with Australian Foreign Minister Penny Wong in Tokyo."
    )

    assert meetings(reading) == [[("Hiroshi Tanaka", "JP"), ("Penny Wong", "AU")]]


def test_a_given_name_misspelled_later_is_the_same_person():
    reading = read(
        "Ghanaian President John Mahama met Ivorian President Alassane Ouattara in Accra on "
        "Monday. Welcoming Alasane Ouattara, Mahama praised the talks."
    )

    assert meetings(reading) == [[("John Mahama", "GH"), ("Alassane Ouattara", "CI")]]


# The page around the report


def test_the_headline_byline_and_share_buttons_are_not_read_as_the_report():
    reading = read(
        "Orsi Hosts Peña\n\nBy ANA PEREZ\n\nShare:\n\nUruguayan President Yamandú Orsi met "
        "Paraguayan President Santiago Peña in Montevideo on Monday.",
        title="Orsi Hosts Peña",
    )

    assert meetings(reading) == [[("Yamandú Orsi", "UY"), ("Santiago Peña", "PY")]]


def test_a_photo_caption_repeated_and_the_report_give_one_meeting_with_the_reports_date():
    caption = (
        "Mexican President Claudia Sheinbaum (L) and Guatemalan President Bernardo Arévalo "
        "meet in Mexico City on Monday, August 5, 2024. (Photo: Agency/Press Office)"
    )
    reading = read(
        f"{caption}\n{caption}\n\nMexican President Claudia Sheinbaum met Guatemalan President "
        "Bernardo Arévalo at the National Palace on Monday.",
        published=D(2024, 8, 6),
    )

    assert meetings(reading) == [[("Claudia Sheinbaum", "MX"), ("Bernardo Arévalo", "GT")]]
    assert reading.proposals[0].date == D(2024, 8, 5)


def test_a_page_without_a_publication_date_reads_dates_against_the_one_it_prints():
    reading = read(
        "March 14, 2025\n\nFrench President Emmanuel Macron met German Chancellor Friedrich "
        "Merz in Paris on Thursday.",
        published=None,
    )

    assert [p.date for p in reading.proposals] == [D(2025, 3, 13)]
    assert any("14 March 2025" in note for note in reading.notes)


def test_a_page_without_any_date_takes_the_year_from_a_caption():
    reading = read(
        "LIMA, March 13 (Wire) -- Peruvian President Dina Boluarte spoke by phone with "
        "Ecuadorian President Daniel Noboa on Tuesday.\n\nBoluarte talks on the phone at the "
        "palace in Lima on March 12, 2024 (Photo: Presidency).",
        published=None,
    )

    assert [p.date for p in reading.proposals] == [D(2024, 3, 12)]


# Who the verb's people are


def test_a_second_verb_keeps_the_first_verbs_subject():
    reading = read(
        "Brazilian Foreign Minister Mauro Vieira held talks with Chinese Foreign Minister Wang "
        "Yi and called on Chinese Premier Li Qiang in Beijing on Monday."
    )

    assert meetings(reading) == [
        [("Mauro Vieira", "BR"), ("Wang Yi", "CN")],
        [("Mauro Vieira", "BR"), ("Li Qiang", "CN")],
    ]


def test_him_after_the_verb_is_the_official_the_report_is_about():
    reading = read(
        "Kenyan Foreign Minister Musalia Mudavadi on Monday praised trade with Korea. He spoke "
        "as South Korean Ambassador Kim Jin-hae, who called on him in Nairobi, set out a plan."
    )

    assert meetings(reading) == [[("Kim Jin-hae", "KR"), ("Musalia Mudavadi", "KE")]]


def test_the_colombian_president_later_in_the_text_gives_the_president_his_country():
    reading = read(
        "President Gustavo Petro spoke by telephone with Brazilian President Luiz Inácio Lula "
        "da Silva on Monday. The Colombian president thanked him for his support."
    )

    assert meetings(reading) == [[("Gustavo Petro", "CO"), ("Luiz Inácio Lula da Silva", "BR")]]


def test_calls_between_one_leader_and_two_others_are_two_calls():
    reading = read(
        "The phone calls between Indonesian President Prabowo Subianto and Anthony Albanese of "
        "Australia and Christopher Luxon of New Zealand on Monday touched on trade."
    )

    assert meetings(reading) == [
        [("Prabowo Subianto", "ID"), ("Anthony Albanese", "AU")],
        [("Prabowo Subianto", "ID"), ("Christopher Luxon", "NZ")],
    ]
    assert {p.kind for p in reading.proposals} == {"call"}


def test_met_one_in_bilateral_talks_as_well_as_another_is_two_meetings():
    reading = read(
        "On Monday, Senegalese President Bassirou Diomaye Faye met with his Ivorian "
        "counterpart, Alassane Ouattara, in bilateral talks, as well as the President of the "
        "Republic of Guinea, Mamadi Doumbouya."
    )

    assert meetings(reading) == [
        [("Bassirou Diomaye Faye", "SN"), ("Alassane Ouattara", "CI")],
        [("Bassirou Diomaye Faye", "SN"), ("Mamadi Doumbouya", "GN")],
    ]


def test_the_two_in_a_later_sentence_are_the_people_of_the_last_meeting():
    reading = read(
        "Greek Foreign Minister Giorgos Gerapetritis met Cypriot Foreign Minister Constantinos "
        "Kombos in Athens on Wednesday. It was their first meeting this year. It followed a phone "
        "call on March 3 in which the two discussed energy."
    )

    assert [(p.kind, p.date) for p in reading.proposals] == [
        ("in-person", D(2025, 10, 22)),
        ("call", D(2025, 3, 3)),
    ]
    assert meetings(reading)[1] == [("Giorgos Gerapetritis", "GR"), ("Constantinos Kombos", "CY")]


def test_he_before_the_second_verb_is_the_subject_and_days_later_counts_from_the_first():
    reading = read(
        "Thai Prime Minister Paetongtarn Shinawatra received Cambodian Prime Minister Hun Manet "
        "on June 2. On June 9, she received Lao Prime Minister Sonexay Siphandone and three days "
        "later, she received Vietnam's president Luong Cuong.",
        published=D(2025, 7, 4),
    )

    found = [(p.participants[0].name, p.participants[1].name, p.date) for p in reading.proposals]
    assert found == [
        ("Paetongtarn Shinawatra", "Hun Manet", D(2025, 6, 2)),
        ("Paetongtarn Shinawatra", "Sonexay Siphandone", D(2025, 6, 9)),
        ("Paetongtarn Shinawatra", "Luong Cuong", D(2025, 6, 12)),
    ]


def test_a_list_of_leaders_each_with_a_possessive_country_and_a_lower_case_title():
    reading = read(
        "Callers included Chile's president Gabriel Boric, Peru's president Dina Boluarte and "
        "Spain's prime minister Pedro Sánchez. Argentine President Javier Milei spoke by phone "
        "with Chile's president Gabriel Boric on Monday."
    )

    assert meetings(reading) == [[("Javier Milei", "AR"), ("Gabriel Boric", "CL")]]


def test_a_telephonic_conversation_with_the_fm_dated_by_the_sentence_before():
    reading = read(
        "In the month of March, Bangladeshi Foreign Minister Touhid Hossain briefed his Nepali "
        "counterpart Arzu Rana Deuba on the floods. In a telephonic conversation, the FM "
        "discussed the rivers with Arzu Rana Deuba.",
        published=D(2025, 4, 9),
    )

    assert meetings(reading) == [[("Touhid Hossain", "BD"), ("Arzu Rana Deuba", "NP")]]
    assert reading.proposals[0].kind == "call"
    assert reading.proposals[0].as_gold()["date"] == "2025-03"


def test_speaking_with_one_of_three_before_their_talks_is_part_of_the_talks():
    reading = read(
        "Brazilian Foreign Minister Mauro Vieira held a meeting with the foreign ministers of "
        "Argentina and Chile, Gerardo Werthein and Alberto van Klaveren, in Montevideo on "
        "Monday. It was the third such meeting. Before the talks, Vieira spoke with Argentine "
        "Foreign Minister Gerardo Werthein."
    )

    assert meetings(reading) == [
        [("Mauro Vieira", "BR"), ("Gerardo Werthein", "AR"), ("Alberto van Klaveren", "CL")]
    ]


def test_earlier_without_a_date_is_the_month_of_the_meeting_before():
    reading = read(
        "Spanish Foreign Minister José Manuel Albares met Moroccan Foreign Minister Nasser "
        "Bourita in Rabat on Monday. Earlier, Albares discussed migration with Portuguese "
        "Foreign Minister Paulo Rangel."
    )

    assert [(p.participants[1].name, p.as_gold()["date"]) for p in reading.proposals] == [
        ("Nasser Bourita", "2025-10-27"),
        ("Paulo Rangel", "2025-10"),
    ]


def test_the_country_of_a_delegation_and_of_an_institution_a_person_works_at():
    reading = read(
        "The Estonian delegation was led by Marten Kask, deputy secretary general at the "
        "economy ministry, who held talks on Monday with Ion Rusu, state secretary at Moldova's "
        "Ministry of Economic Development."
    )

    assert meetings(reading) == [[("Marten Kask", "EE"), ("Ion Rusu", "MD")]]


def test_the_foreign_ministers_of_two_countries_are_their_named_foreign_ministers():
    reading = read(
        "Kenyan Foreign Minister Musalia Mudavadi spoke to his Ethiopian counterpart Gedion "
        "Timothewos on Wednesday. 'Foreign ministers of Ethiopia and Kenya discussed the region "
        "in a telephone conversation on Wednesday,' the Ethiopian agency reported."
    )

    assert meetings(reading) == [[("Musalia Mudavadi", "KE"), ("Gedion Timothewos", "ET")]]


def test_the_longest_outlet_name_decides_the_country():
    reading = read(
        "Prime Minister Narendra Modi met Libyan Prime Minister Abdul Hamid al-Dbeibah in Port "
        "Louis on Monday.",
        publisher="The Times of India",
    )

    assert meetings(reading) == [[("Narendra Modi", "IN"), ("Abdul Hamid al-Dbeibah", "LY")]]
    assert reading.proposals[0].venue == "Port Louis"


def test_a_country_after_to_is_never_a_town_of_the_same_name():
    reading = read(
        "The visit of a Guatemalan president to Mexico came after Guatemalan President "
        "Bernardo Arévalo met Mexican President Claudia Sheinbaum on Monday."
    )

    assert reading.proposals[0].venue is None


def test_previous_meetings_between_two_countries_leaders_are_no_meeting():
    reading = read(
        "The two flags stood side by side, in contrast to previous meetings between Greek and "
        "Turkish leaders."
    )

    assert reading.proposals == []


def test_a_chinese_family_name_that_reads_like_a_pronoun_and_a_long_ambassadors_title():
    reading = read(
        "On Monday, Kenyan President William Ruto received Chinese Vice Premier He Lifeng in "
        "Nairobi. On Tuesday he received Ambassador Extraordinary and Plenipotentiary of Japan "
        "to Kenya Ken Okaniwa at State House."
    )

    assert meetings(reading) == [
        [("William Ruto", "KE"), ("He Lifeng", "CN")],
        [("William Ruto", "KE"), ("Ken Okaniwa", "JP")],
    ]


def test_the_month_may_is_not_the_word_may():
    reading = read(
        "The last summit between the two countries took place in May 2015, when Mexican "
        "President Enrique Peña Nieto met Guatemalan President Otto Pérez Molina in Tapachula."
    )

    assert meetings(reading) == [[("Enrique Peña Nieto", "MX"), ("Otto Pérez Molina", "GT")]]
    assert reading.proposals[0].as_gold()["date"] == "2015-05"


def test_a_summit_with_colombias_president_is_the_president_the_article_names():
    reading = read(
        "Colombian President Gustavo Petro posed with Chilean President Gabriel Boric and "
        "Peruvian President Dina Boluarte.\n\nThe leaders of Chile and Peru met on Monday, a "
        "day after they held a three-way summit with Colombia's president."
    )

    assert [(len(p.participants), p.date) for p in reading.proposals] == [
        (2, D(2025, 10, 27)),
        (3, D(2025, 10, 26)),
    ]
    assert {p.name for p in reading.proposals[1].participants} == {
        "Gustavo Petro",
        "Gabriel Boric",
        "Dina Boluarte",
    }


def test_the_leaders_of_a_summit_years_ago_are_the_ones_named_with_it():
    reading = read(
        "Peruvian President Dina Boluarte met Chilean President Gabriel Boric on Monday. The "
        "last summit between the leaders of Chile and Peru before that was in May 2015, when "
        "President Boric's predecessor, Michelle Bachelet, met then-President Ollanta Humala."
    )

    assert [(p.as_gold()["date"], meetings_of(p)) for p in reading.proposals] == [
        ("2025-10-27", {("Dina Boluarte", "PE"), ("Gabriel Boric", "CL")}),
        ("2015-05", {("Michelle Bachelet", "CL"), ("Ollanta Humala", "PE")}),
    ]


def meetings_of(proposal) -> set[tuple[str | None, str | None]]:
    return {(p.name, p.country) for p in proposal.participants}


# Negatives: what is no meeting


def test_messages_exchanged_and_a_meeting_remembered_in_a_statement_are_no_meeting():
    reading = read(
        "Indonesian President Prabowo Subianto and Australian Prime Minister Anthony Albanese "
        "exchanged congratulatory messages on Monday. Prabowo said that he and Albanese, during "
        "their meeting in Canberra, had set out a vision for the relationship."
    )

    assert reading.proposals == []
    assert reading.notes == ["The article reports no meeting that took place."]


def test_officials_attending_a_meeting_are_not_a_meeting_of_their_own():
    reading = read(
        "Qatari Emir Sheikh Tamim bin Hamad Al Thani exchanging views with William Ruto, "
        "President of Kenya, in Doha on Saturday evening. -- QNA\n\nSheikh Mohammed bin "
        "Abdulrahman Al Thani, Qatari Minister of Foreign Affairs, attending a meeting with "
        "William Ruto, President of Kenya.",
        published=D(2025, 10, 26),
    )

    assert meetings(reading) == [[("Tamim bin Hamad Al Thani", "QA"), ("William Ruto", "KE")]]
    assert reading.proposals[0].date == D(2025, 10, 25)


def test_a_date_in_a_clause_about_something_else_does_not_date_the_meeting():
    reading = read(
        "Pakistani Foreign Minister Ishaq Dar called on Bangladeshi Chief Adviser Muhammad "
        "Yunus in Dhaka on Friday. Just before Dar's meeting with Yunus, it was announced that "
        "30 traders, who were detained last month, had been freed.",
        published=D(2025, 10, 4),
    )

    assert [(p.date, len(p.participants)) for p in reading.proposals] == [(D(2025, 10, 3), 2)]


def test_weeks_after_a_summit_is_a_summit_in_the_month_weeks_before():
    reading = read(
        "Argentine President Javier Milei spoke by phone with Italian Prime Minister Giorgia "
        "Meloni on Thursday. The call came weeks after the two held their first summit in Rome.",
        published=D(2025, 10, 10),
    )

    assert [(p.kind, p.as_gold()["date"]) for p in reading.proposals] == [
        ("call", "2025-10-09"),
        ("in-person", "2025-09"),
    ]


def test_their_thursday_phone_call_is_dated_thursday():
    reading = read(
        "President Javier Milei said on Friday that he discussed trade with Italian Prime "
        "Minister Giorgia Meloni during their Thursday phone call.",
        publisher="Clarín",
        published=D(2025, 10, 10),
    )

    assert [(p.kind, p.date) for p in reading.proposals] == [("call", D(2025, 10, 9))]


def test_the_two_top_diplomats_are_the_last_two_foreign_ministers_named():
    reading = read(
        "Australian Foreign Minister Penny Wong may hold talks with Chinese Foreign Minister "
        "Wang Yi next week. Wong could also be received by Chinese Premier Li Qiang. This would "
        "be the second meeting between the two top diplomats this month. The two met in Kuala "
        "Lumpur on Monday."
    )

    assert meetings(reading) == [[("Penny Wong", "AU"), ("Wang Yi", "CN")]]
    assert reading.proposals[0].date == D(2025, 10, 27)


def test_a_call_for_the_second_time_that_day_means_two_calls():
    reading = read(
        "Kenyan President William Ruto had a telephone conversation with Ethiopian Prime "
        "Minister Abiy Ahmed for the second time this Sunday, state television said.",
        published=D(2025, 10, 27),
    )

    assert [(p.kind, p.date) for p in reading.proposals] == [
        ("call", D(2025, 10, 26)),
        ("call", D(2025, 10, 26)),
    ]


def test_an_envoy_of_the_pakistani_side_and_foreign_secretary_is_pakistani():
    reading = read(
        "On Monday, Special Envoy of the Chinese side, Vice Foreign Minister Sun Weidong held "
        "consultations with Special Envoy of the Pakistani side and Foreign Secretary Amna "
        "Baloch in Islamabad, the first meeting of the Special Envoys of China and Pakistan."
    )

    assert meetings(reading) == [[("Sun Weidong", "CN"), ("Amna Baloch", "PK")]]


def test_leaders_who_have_met_three_times_met_on_no_one_day():
    reading = read(
        "Officials said that French President Emmanuel Macron and Brazilian President Luiz "
        "Inácio Lula da Silva have met three times this year, in Belém among other places."
    )

    assert [(p.date, len(p.participants)) for p in reading.proposals] == [(None, 2)]


# More ways to report a meeting


def test_a_message_delivered_during_an_audience_is_a_meeting_of_the_messenger_and_the_host():
    reading = read(
        "Omani Foreign Minister Badr Albusaidi delivered a written message from Sultan Haitham "
        "bin Tariq to King Abdullah II of Jordan during an audience at the palace on Monday."
    )

    assert meetings(reading) == [[("Badr Albusaidi", "OM"), ("Abdullah II", "JO")]]


def test_a_reception_held_for_a_visitor_and_a_meeting_earlier_in_the_day():
    reading = read(
        "Austrian Federal Minister for Labour and Economy M. Kocher held a reception for "
        "Indian Commerce and Industry Minister Piyush Goyal on Monday. Earlier in the day he "
        "also met Chinese Vice Premier Ding Xuexiang."
    )

    assert meetings(reading) == [
        [("M. Kocher", "AT"), ("Piyush Goyal", "IN")],
        [("M. Kocher", "AT"), ("Ding Xuexiang", "CN")],
    ]
    assert {p.date for p in reading.proposals} == {D(2025, 10, 27)}
    assert reading.proposals[0].participants[0].title == "Minister for Labour and Economy"


def test_the_host_president_of_a_country_named_after_him():
    reading = read(
        "Senegalese President Bassirou Diomaye Faye held talks with the host, President Julius "
        "Maada Bio of Sierra Leone, in Freetown on Tuesday."
    )

    assert meetings(reading) == [[("Bassirou Diomaye Faye", "SN"), ("Julius Maada Bio", "SL")]]


def test_leaders_who_have_not_held_a_meeting_have_none():
    reading = read(
        "Argentine President Javier Milei and Brazilian President Luiz Inácio Lula da Silva have "
        "not held a meeting since December."
    )

    assert reading.proposals == []


def test_on_the_sidelines_meeting_two_leaders_is_two_meetings_and_the_summit_is_no_venue_clue():
    reading = read(
        "NEW YORK, Sep 24 (PTI) Indian Prime Minister Narendra Modi met Nepal's Prime Minister "
        "K P Sharma Oli and Vietnamese President To Lam on the sidelines of the United Nations "
        "General Assembly on Monday, after voicing concern over the humanitarian situation in "
        "Gaza.",
        published=D(2025, 9, 24),
    )

    assert meetings(reading) == [
        [("Narendra Modi", "IN"), ("K P Sharma Oli", "NP")],
        [("Narendra Modi", "IN"), ("To Lam", "VN")],
    ]
    assert {p.venue for p in reading.proposals} == {"New York City"}


def test_a_family_name_before_da_stands_for_the_person_later():
    reading = read(
        "Chinese President Xi Jinping held talks with Brazilian President Luiz Inácio Lula da "
        "Silva in Beijing on Tuesday. Earlier in the day, Chinese Premier Li Qiang met with Lula."
    )

    assert meetings(reading) == [
        [("Xi Jinping", "CN"), ("Luiz Inácio Lula da Silva", "BR")],
        [("Li Qiang", "CN"), ("Luiz Inácio Lula da Silva", "BR")],
    ]


def test_a_courtesy_call_received_from_a_leader_whose_country_names_no_venue():
    reading = read(
        "PUTRAJAYA, Jan 22 (Bernama) -- Prime Minister Datuk Seri Anwar Ibrahim received a "
        "courtesy call from Singapore Prime Minister Lawrence Wong at his office here today.",
        published=D(2025, 1, 22),
    )

    assert meetings(reading) == [[("Anwar Ibrahim", "MY"), ("Lawrence Wong", "SG")]]
    assert reading.proposals[0].venue == "Putrajaya"


def test_a_weekday_before_a_full_date_is_that_date():
    reading = read(
        "US Secretary of State Antony Blinken met Israeli Prime Minister Benjamin Netanyahu in "
        "Jerusalem on Monday, February 5, 2024.",
        published=None,
    )

    assert [p.date for p in reading.proposals] == [D(2024, 2, 5)]


def test_having_spoken_to_someone_over_the_phone_is_a_call():
    reading = read(
        "Indian External Affairs Minister S. Jaishankar had earlier spoken to US Secretary of "
        "State Antony Blinken over the phone."
    )

    assert [(p.kind, len(p.participants)) for p in reading.proposals] == [("call", 2)]


def test_his_counterparts_from_three_countries_are_three_meetings_on_the_same_day():
    reading = read(
        "Rio de Janeiro [Brazil], November 19 (ANI): Prime Minister Narendra Modi held talks "
        "with Indonesian President Prabowo Subianto on Monday.\n\nPM Modi also held meetings "
        "with his counterparts from Portugal, Italy and Norway.",
        published=D(2024, 11, 19),
        publisher="ANI",
    )

    assert [(p.participants[1].country, p.date) for p in reading.proposals] == [
        ("ID", D(2024, 11, 18)),
        ("PT", D(2024, 11, 18)),
        ("IT", D(2024, 11, 18)),
        ("NO", D(2024, 11, 18)),
    ]


def test_an_ambassador_to_a_country_is_of_the_country_named_before_the_title():
    reading = read(
        "Nairobi, March 14 - President William Ruto received Japanese Ambassador to Kenya Ken "
        "Okaniwa at State House.The President thanked Japan.",
        published=D(2024, 3, 14),
        publisher="Kenya News Agency",
    )

    assert meetings(reading) == [[("William Ruto", "KE"), ("Ken Okaniwa", "JP")]]


def test_his_highness_and_sheikh_with_the_first_name_are_one_person():
    reading = read(
        "Doha: Emir His Highness Sheikh Tamim bin Hamad Al Thani on Tuesday received Indian "
        "Prime Minister Narendra Modi. Later, Sheikh Tamim hosted a banquet in honour of "
        "Narendra Modi."
    )

    assert meetings(reading) == [[("Tamim bin Hamad Al Thani", "QA"), ("Narendra Modi", "IN")]]


# Where


def test_the_venue_is_the_city_a_continent_is_not():
    reading = read(
        "Kenyan President William Ruto held talks with Senegalese President Bassirou Diomaye "
        "Faye on trade integration in Africa on Monday.\n\nThe meeting took place on the "
        "sidelines of a regional summit in Nairobi."
    )

    assert [p.venue for p in reading.proposals] == ["Nairobi"]


def test_while_in_a_city_dates_the_meetings_that_follow_there():
    reading = read(
        "President Samia Suluhu Hassan returned to Dodoma last night.\n\nWhile in Geneva, the "
        "President held a number of meetings. On Monday, she met with Swiss President Karin "
        "Keller-Sutter.",
        publisher="Daily News Tanzania",
    )

    assert [(p.venue, p.venue_country) for p in reading.proposals] == [("Geneva", "CH")]


def test_the_city_after_a_state_house_or_a_capital():
    reading = read(
        "Ugandan President Yoweri Museveni held talks with Rwandan President Paul Kagame at "
        "State House, Entebbe, on Wednesday. Egyptian Foreign Minister Badr Abdelatty called on "
        "Iraqi Prime Minister Mohammed Shia al-Sudani at the Iraqi capital, Baghdad, on Thursday."
    )

    assert [p.venue for p in reading.proposals] == ["Entebbe", "Baghdad"]


def test_an_official_of_no_country_or_two_of_one_country_make_no_meeting_between_countries():
    reading = read(
        "Russian President Vladimir Putin met United Nations Secretary-General Antonio Guterres "
        "in Kazan on Thursday. Indian Prime Minister Narendra Modi met Indian Finance Minister "
        "Nirmala Sitharaman on Friday."
    )

    assert reading.proposals == []
    assert [note.split(":")[0] for note in reading.notes] == [
        "Left out of the meetings",  # António Guterres, who speaks for the United Nations
        "Not proposed (all of one country)",
        "The article reports no meeting that took place.",
    ]


def test_talks_with_one_and_with_another_are_two_meetings():
    reading = read(
        "KAZAN, Russia, Oct 24 (Wire) - Russian President Vladimir Putin held talks with Iranian "
        "President Masoud Pezeshkian and with Egyptian President Abdel Fattah al-Sisi on "
        "Thursday, a meeting that drew criticism from Kyiv.",
        published=D(2024, 10, 24),
    )

    assert meetings(reading) == [
        [("Vladimir Putin", "RU"), ("Masoud Pezeshkian", "IR")],
        [("Vladimir Putin", "RU"), ("Abdel Fattah al-Sisi", "EG")],
    ]
    assert {p.venue for p in reading.proposals} == {"Kazan"}


def test_a_king_with_his_regnal_number_and_a_family_name_written_first():
    reading = read(
        "French President Emmanuel Macron and British King Charles III held a working dinner "
        "at Windsor on Wednesday. South Korean President Yoon Suk Yeol met Chinese Premier Li "
        "Qiang on Sunday. Yoon also met with Japanese Prime Minister Fumio Kishida on the same "
        "day."
    )

    assert meetings(reading) == [
        [("Emmanuel Macron", "FR"), ("Charles III", "GB")],
        [("Yoon Suk Yeol", "KR"), ("Li Qiang", "CN")],
        [("Yoon Suk Yeol", "KR"), ("Fumio Kishida", "JP")],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Indian Prime Minister Narendra Modi said he was ready to meet Pakistani Prime Minister "
        "Shehbaz Sharif.",
        "French President Emmanuel Macron sought a meeting with Russian President Vladimir "
        "Putin, but the Kremlin rejected the request.",
        "The meeting between Japanese Prime Minister Fumio Kishida and South Korean President "
        "Yoon Suk Yeol, scheduled for Monday, was called off.",
        "Talks between Israeli Prime Minister Benjamin Netanyahu and US President Joe Biden have "
        "been postponed.",
        "Brazilian President Lula da Silva called for talks between Russian President Vladimir "
        "Putin and Ukrainian President Volodymyr Zelensky.",
        "The proposal was met with criticism from German Chancellor Olaf Scholz and French "
        "President Emmanuel Macron.",
        "Kenyan President William Ruto invited Ugandan President Yoweri Museveni to visit Nairobi.",
        "British Prime Minister Keir Starmer wrote to US President Donald Trump on Tuesday.",
        "Nigerian President Bola Tinubu will host Ghanaian President John Mahama next week.",
    ],
)
def test_asked_for_planned_called_off_or_written_is_no_meeting(text):
    assert read(text).proposals == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ghanaian President John Mahama welcomed his Liberian counterpart Joseph Boakai to "
            "Jubilee House on Monday.",
            [[("John Mahama", "GH"), ("Joseph Boakai", "LR")]],
        ),
        (
            "In his meeting with Chinese Foreign Minister Wang Yi on Monday, Indian External "
            "Affairs Minister S. Jaishankar raised the border issue.",
            [[("S. Jaishankar", "IN"), ("Wang Yi", "CN")]],
        ),
        (
            "Nepali Foreign Minister Arzu Rana Deuba and Indian External Affairs Minister S. "
            "Jaishankar co-chaired the joint commission in Kathmandu on Monday.",
            [[("Arzu Rana Deuba", "NP"), ("S. Jaishankar", "IN")]],
        ),
        (
            "South African President Cyril Ramaphosa also had meetings with Angolan President "
            "Joao Lourenco and Namibian President Netumbo Nandi-Ndaitwah on Monday.",
            [
                [("Cyril Ramaphosa", "ZA"), ("Joao Lourenco", "AO")],
                [("Cyril Ramaphosa", "ZA"), ("Netumbo Nandi-Ndaitwah", "NA")],
            ],
        ),
        (
            "Kenyan President William Ruto welcomed Ugandan President Yoweri Museveni's remarks "
            "on Monday.",
            [],
        ),
        (
            "Italian Prime Minister Giorgia Meloni welcomed the decision by German Chancellor "
            "Friedrich Merz on Monday.",
            [],
        ),
    ],
)
def test_welcoming_a_guest_his_meeting_co_chairing_and_meetings_with_several(text, expected):
    assert meetings(read(text)) == expected


def test_a_dateline_with_an_agency_and_no_city_gives_no_venue_and_no_error():
    reading = read(
        "KNA March 4/2024 Kenyan President William Ruto held talks with Malawian President "
        "Lazarus Chakwera today.",
        published=None,
    )

    assert [(p.date, p.venue) for p in reading.proposals] == [(D(2024, 3, 4), None)]


def test_the_last_word_of_a_country_after_a_title_is_no_name():
    reading = read(
        "The President of the Republic of Ghana, His Excellency John Dramani Mahama, received "
        "the Minister of Foreign Affairs of Burkina Faso at the Jubilee House on Monday.",
        publisher="Ghana News Agency",
    )

    assert meetings(reading) == [[("John Dramani Mahama", "GH"), (None, "BF")]]


def test_both_heads_of_state_are_the_meeting_already_told():
    reading = read(
        "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
        "Monday. Both Heads of State discussed the border."
    )

    assert meetings(reading) == [[("William Ruto", "KE"), ("Samia Suluhu Hassan", "TZ")]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Albares, the Spanish foreign minister, met Paulo Rangel, his Portuguese counterpart, "
            "in Lisbon on Saturday; the two discussed fisheries.",
            [[("Albares", "ES"), ("Paulo Rangel", "PT")]],
        ),
        (
            "Ukrainian President Volodymyr Zelensky on Saturday spoke by phone with French "
            "President Emmanuel Macron and later with German Chancellor Friedrich Merz.",
            [
                [("Volodymyr Zelensky", "UA"), ("Emmanuel Macron", "FR")],
                [("Volodymyr Zelensky", "UA"), ("Friedrich Merz", "DE")],
            ],
        ),
        (
            "Nairobi, January 5/2025 (KNA) President William Ruto held discussion with visiting "
            "President of Malawi Lazarus Chakwera today.",
            [[("William Ruto", "KE"), ("Lazarus Chakwera", "MW")]],
        ),
    ],
)
def test_a_counterpart_after_a_name_and_later_with_another_and_a_visiting_president(text, expected):
    assert meetings(read(text)) == expected


def test_the_two_leaders_of_the_report_are_the_ones_its_headline_names():
    reading = read(
        "Ruto Meets Museveni In Entebbe\n\nThe two leaders met at State House Entebbe on Monday "
        "and discussed the oil pipeline.",
        title="Ruto Meets Museveni In Entebbe",
    )

    assert meetings(reading) == []  # neither name is known, nor their countries

    reading = read(
        "Kenyan President William Ruto Meets Ugandan President Yoweri Museveni\n\nThe two leaders "
        "met at State House Entebbe on Monday and discussed the oil pipeline."
    )

    assert meetings(reading) == [[("William Ruto", "KE"), ("Yoweri Museveni", "UG")]]


def test_an_official_who_says_what_a_country_will_do_speaks_for_that_country():
    reading = read(
        "Prime Minister Mark Carney spoke by phone with Ukrainian President Volodymyr "
        "Zelensky on Monday. Carney said that Canada would send more air defence systems. "
        "Zelensky said Russia must stop its attacks."
    )

    assert meetings(reading) == [[("Mark Carney", "CA"), ("Volodymyr Zelensky", "UA")]]
