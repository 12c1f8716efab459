"""Dates in news copy, one rule at a time: what an editor would see proposed as the meeting's
date and precision. Plain functions, no database."""

import datetime

import pytest

from meetings.intake.dates import (
    APPROXIMATE,
    DAY_PRECISION,
    MONTH_PRECISION,
    find_dates,
    only_a_date,
    read_dateline,
)

D = datetime.date
# A Tuesday.
PUBLISHED = D(2025, 10, 28)


def dates_in(sentence: str, reference: datetime.date | None = PUBLISHED):
    """(date, precision) for every date the sentence states."""
    return [(m.date, m.precision) for m in find_dates(sentence, reference)]


def only_date(sentence: str, reference: datetime.date | None = PUBLISHED):
    found = dates_in(sentence, reference)
    assert len(found) == 1, found
    return found[0]


# Weekdays


def test_on_monday_is_the_monday_before_the_publication_date():
    assert only_date("The two ministers met on Monday.") == (D(2025, 10, 27), DAY_PRECISION)


def test_a_weekday_several_days_back_is_the_latest_such_day():
    assert only_date("They spoke on Thursday.") == (D(2025, 10, 23), DAY_PRECISION)
    assert only_date("The leaders met on Sunday.") == (D(2025, 10, 26), DAY_PRECISION)


def test_the_publication_weekday_means_that_very_day():
    assert only_date("The two ministers met on Tuesday.") == (PUBLISHED, DAY_PRECISION)


def test_last_and_the_publication_weekday_means_a_week_earlier():
    assert only_date("They last spoke last Tuesday.") == (D(2025, 10, 21), DAY_PRECISION)


def test_a_weekday_without_a_publication_date_gives_no_date():
    assert dates_in("The two ministers met on Monday.", reference=None) == []


# Relative words


def test_yesterday_is_the_day_before_publication():
    assert only_date("The president received the envoy yesterday.") == (
        D(2025, 10, 27),
        DAY_PRECISION,
    )


def test_today_is_the_publication_day():
    assert only_date("The ministers met today in the capital.") == (PUBLISHED, DAY_PRECISION)


def test_last_week_is_approximate_and_dated_the_monday_of_the_previous_week():
    assert only_date("The envoys met last week.") == (D(2025, 10, 20), APPROXIMATE)


def test_last_week_from_a_monday_is_still_the_week_before():
    assert only_date("The envoys met last week.", reference=D(2025, 10, 27)) == (
        D(2025, 10, 20),
        APPROXIMATE,
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They met three days ago in Geneva.", (D(2025, 10, 25), DAY_PRECISION)),
        ("They met two weeks ago.", (D(2025, 10, 13), APPROXIMATE)),
        ("When he visited two months ago they spoke at length.", (D(2025, 8, 1), MONTH_PRECISION)),
        ("They last met a year ago.", (D(2024, 10, 1), MONTH_PRECISION)),
        ("The ministers met 11 months ago.", (D(2024, 11, 1), MONTH_PRECISION)),
    ],
)
def test_so_long_ago_counts_back_from_the_publication_date(sentence, expected):
    assert only_date(sentence) == expected


def test_so_long_ago_without_a_publication_date_gives_no_date():
    assert dates_in("They met two months ago.", reference=None) == []


def test_earlier_this_month_has_month_precision():
    assert only_date("The two leaders met earlier this month.") == (
        D(2025, 10, 1),
        MONTH_PRECISION,
    )


def test_last_month_is_the_previous_month_across_a_new_year():
    assert only_date("They met last month.", reference=D(2026, 1, 9)) == (
        D(2025, 12, 1),
        MONTH_PRECISION,
    )


# A month without a day


def test_in_march_has_month_precision_in_the_publication_year():
    assert only_date("The ministers spoke twice in March.") == (D(2025, 3, 1), MONTH_PRECISION)


def test_in_a_month_after_the_publication_month_is_last_year():
    assert only_date("The ministers spoke twice in November.") == (
        D(2024, 11, 1),
        MONTH_PRECISION,
    )


def test_in_march_published_in_february_is_the_march_before():
    assert only_date("They spoke in March.", reference=D(2025, 2, 10)) == (
        D(2024, 3, 1),
        MONTH_PRECISION,
    )


def test_in_a_month_with_a_year_keeps_the_year():
    assert only_date("They last met in March 2023.") == (D(2023, 3, 1), MONTH_PRECISION)


def test_in_march_at_the_start_of_a_sentence_has_month_precision():
    assert only_date("In March, the two ministers spoke by phone.") == (
        D(2025, 3, 1),
        MONTH_PRECISION,
    )


# Explicit dates


def test_day_then_month_is_that_day_this_year():
    assert only_date("The ministers met on 3 March.") == (D(2025, 3, 3), DAY_PRECISION)


def test_month_day_and_year_in_us_style():
    assert only_date("The ministers met on March 3, 2024, in Washington.") == (
        D(2024, 3, 3),
        DAY_PRECISION,
    )


def test_8_july_is_this_years():
    assert only_date("They met on 8 July in Brasília.") == (D(2025, 7, 8), DAY_PRECISION)


def test_an_abbreviated_month_with_a_full_stop():
    assert only_date("The higher rate took effect on Aug. 27.") == (D(2025, 8, 27), DAY_PRECISION)


def test_a_date_well_after_publication_is_last_years():
    assert only_date("They met on December 30.", reference=D(2026, 1, 2)) == (
        D(2025, 12, 30),
        DAY_PRECISION,
    )


def test_a_day_that_does_not_exist_gives_no_date():
    assert dates_in("The communiqué was dated 31 June.") == []


def test_several_dates_come_in_the_order_of_the_sentence():
    found = dates_in("They met on 3 March and spoke again on Monday.")
    assert found == [(D(2025, 3, 3), DAY_PRECISION), (D(2025, 10, 27), DAY_PRECISION)]


# Numbers that are not dates


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington raised duties to a 50% tariff.",
        "Some 1,200 troops remain on the border.",
        "The fund holds $2.5 billion.",
        "Leaders gathered for the 15th summit of the bloc.",
        "The 2024 accord was renewed.",
        "Exports fell 25% and imports 3.5%.",
    ],
)
def test_percentages_and_numbers_never_give_dates(sentence):
    assert dates_in(sentence) == []


# Datelines


def test_a_dateline_gives_the_city_and_the_date():
    line = read_dateline("NAIROBI, March 3 (Wire) – Kenya's president met...", PUBLISHED)

    assert (line.city, line.date) == ("Nairobi", D(2025, 3, 3))


def test_a_dateline_city_with_an_accent_keeps_it():
    line = read_dateline("BRASÍLIA, July 9 (Wire) – Brazil's president met...", PUBLISHED)

    assert (line.city, line.date) == ("Brasília", D(2025, 7, 9))


def test_a_dateline_of_two_words_with_an_abbreviated_month():
    line = read_dateline("KUALA LUMPUR, Oct 28 (Wire) – India's minister met...", PUBLISHED)

    assert (line.city, line.date) == ("Kuala Lumpur", D(2025, 10, 28))


def test_a_dateline_with_day_before_month_and_a_year():
    line = read_dateline("GENEVA, 12 March 2024 (Wire) – The envoys met...", PUBLISHED)

    assert (line.city, line.date) == ("Geneva", D(2024, 3, 12))


@pytest.mark.parametrize("line", ["NAIROBI: May 15, 2012", "Nairobi:  May 15, 2012"])
def test_a_dateline_with_the_date_after_the_colon_gives_the_date(line):
    # a line of its own under a subhead; a place in lower case needs the gazetteer to know it
    dateline = read_dateline(line, PUBLISHED, lambda name: name == "Nairobi")

    assert (dateline.city, dateline.date, dateline.length) == ("Nairobi", D(2012, 5, 15), len(line))


def test_a_date_after_the_colon_that_starts_a_sentence_is_not_the_datelines():
    dateline = read_dateline("NAIROBI: May 15 was the day the talks ended.", PUBLISHED)

    assert (dateline.city, dateline.date) == ("Nairobi", None)


def test_the_dateline_is_cut_off_the_text():
    text = "NAIROBI, March 3 (Wire) – Kenya's president met..."

    line = read_dateline(text, PUBLISHED)

    assert text[line.length :] == "Kenya's president met..."


def test_a_dateline_without_a_date_gives_the_city_only():
    line = read_dateline("GENEVA (Wire) – The envoys met behind closed doors.", PUBLISHED)

    assert (line.city, line.date) == ("Geneva", None)


def test_a_dateline_of_two_words_without_a_date():
    line = read_dateline("MEXICO CITY (Wire) — The two presidents met.", PUBLISHED)

    assert (line.city, line.date) == ("Mexico City", None)


def test_a_dateline_without_a_date_whose_city_has_an_accent_gives_the_city():
    line = read_dateline("BRASÍLIA (Wire) – The two presidents met.", PUBLISHED)

    assert line is not None
    assert (line.city, line.date) == ("Brasília", None)


def test_a_sentence_is_not_a_dateline():
    assert read_dateline("Kenya's president met his Ugandan counterpart.", PUBLISHED) is None


def is_place(name: str) -> bool:
    """A stand-in for the gazetteer: the cities these tests name."""
    return name in {"Accra", "Lusaka", "Nairobi", "Doha", "Kuwait City", "Lima"}


@pytest.mark.parametrize(
    ("text", "city", "date", "agency"),
    [
        ("Accra, June 9: President Mahama", "Accra", D(2025, 6, 9), None),
        ("Lusaka, May 6 Foreign Minister", "Lusaka", D(2025, 5, 6), None),
        ("Nairobi, 3 March 2021:", "Nairobi", D(2021, 3, 3), None),
        ("Lusaka (ZNBC) March 9/2024 President", "Lusaka", D(2024, 3, 9), "ZNBC"),
        ("DOHA, Jan 2nd. /qna/. Qatar's emir", "Doha", D(2025, 1, 2), "qna"),
        ("KUWAIT CITY, (Daily Post / KUNA - 21st Jan, 2019) During", "Kuwait City",
         D(2019, 1, 21), "Daily Post / KUNA"),
        ("KNA March 4/2024 President Ruto", None, D(2024, 3, 4), "KNA"),
        ("TASHKENT. UZA – The president", "Tashkent", None, "UZA"),
        ("Legal Weekly (June 3, 2019, 9:46 PM EDT) -- The", None, D(2019, 6, 3), None),
    ],
)  # fmt: skip
def test_datelines_as_news_pages_print_them(text, city, date, agency):
    line = read_dateline(text, PUBLISHED, is_place)

    assert (line.city, line.date, line.agency) == (city, date, agency)


@pytest.mark.parametrize(
    "text",
    [
        "Munich Security Conference, day one - live",
        "Foreign Minister Wang Yi: China wants calm",
        "Colombo is where the talks took place.",
        "Kenya: President Leaves for a Visit to Zambia",
    ],
)
def test_a_headline_or_a_sentence_is_no_dateline(text):
    assert read_dateline(text, PUBLISHED, is_place) is None


def test_a_dateline_without_a_year_and_without_a_publication_date_has_no_date():
    line = read_dateline("LIMA, Oct. 3 (Wire) -- The president said", None)

    assert (line.city, line.date) == ("Lima", None)


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("June 3, 2019", True),
        ("Tue 4 Feb 2020, 9:15 AM", True),
        ("17 March 2018", True),
        ("The talks ended on June 3, 2019.", False),
    ],
)
def test_a_line_that_is_only_a_date(line, answer):
    assert only_a_date(line) is answer


def test_last_evening_is_the_day_before_publication():
    assert only_date("The two leaders spoke by phone last evening.") == (
        D(2025, 10, 27),
        DAY_PRECISION,
    )


def test_a_month_naming_a_meeting_dates_it():
    found = find_dates("He hailed his June summit with the king.", datetime.date(2018, 8, 25))
    assert [(x.date, x.precision) for x in found] == [(datetime.date(2018, 6, 1), "month")]
