"""Search people expect: q= finds words in titles, summaries, sources' titles and quotes and
the names of what meetings involve; the best match comes first; a misspelt word gets "did you
mean" with the meetings it probably meant. On PostgreSQL through full-text search and trigrams,
on SQLite through the documented fallback (substrings and difflib); both run here."""

import datetime
import re

import pytest
from django.db import connection

from meetings.models import Country, Meeting, MeetingSource, Official, Source
from meetings.read import search
from meetings.services import writing

pytestmark = pytest.mark.django_db

D = datetime.date


def found(client, query: str) -> list[int]:
    response = client.get("/meetings/", {"q": query})
    assert response.status_code == 200
    return [int(pk) for pk in dict.fromkeys(re.findall(r'href="/meetings/(\d+)/"', response.text))]


@pytest.fixture
def climate_call(make_meeting, jaishankar, wang_yi):
    meeting = make_meeting(jaishankar, wang_yi, date=D(2025, 11, 12), title="Call on the climate")
    with writing():  # as the admin saves: the search text is written before the commit
        source = Source.objects.create(
            url="https://example.org/belem",
            title="Ministers look ahead to Belém",
            published_on=D(2025, 11, 12),
        )
        MeetingSource.objects.create(
            meeting=meeting, source=source, quote="The two ministers spoke before COP30 opened."
        )
    return meeting


def test_a_word_only_in_a_source_quote_finds_its_meeting(client, seed_meeting, climate_call):
    assert found(client, "COP30") == [climate_call.pk]


def test_a_word_only_in_a_source_title_finds_its_meeting(client, seed_meeting, climate_call):
    assert found(client, "Belém") == [climate_call.pk]


def test_a_word_of_the_summary_finds_its_meeting(client, seed_meeting, climate_call):
    assert found(client, "sidelines") == [seed_meeting.pk]


def test_a_drafts_words_are_not_found(client, seed_meeting, make_meeting, jaishankar):
    make_meeting(jaishankar, title="Secret démarche", status=Meeting.Status.DRAFT)
    assert found(client, "démarche") == []


def test_a_title_match_ranks_above_a_passing_mention(client, make_meeting, jaishankar, rubio):
    mention = make_meeting(
        jaishankar,
        rubio,
        date=D(2025, 12, 1),
        title="Talks in Delhi",
        summary="Energy, trade and, in passing, tariffs on steel.",
    )
    about = make_meeting(
        jaishankar, rubio, date=D(2025, 3, 1), title="Tariffs on steel and aluminium"
    )
    assert found(client, "tariffs") == [about.pk, mention.pk]
    assert found(client, "tariffs steel") == [about.pk, mention.pk]


def test_a_changed_source_title_is_searched_at_once(client, seed_meeting, climate_call):
    source = Source.objects.get(url="https://example.org/belem")
    source.title = "Ministers prepare the Amazon summit"
    with writing():
        source.save()
    assert found(client, "Amazon") == [climate_call.pk]
    assert found(client, "Belém") == []


def test_a_renamed_venue_is_searched_under_its_new_name(client, seed_meeting, kuala_lumpur):
    kuala_lumpur.name = "Putrajaya"
    with writing():
        kuala_lumpur.save()
    assert found(client, "Putrajaya") == [seed_meeting.pk]


def test_a_misspelt_word_offers_did_you_mean_with_its_meetings(client, seed_meeting, climate_call):
    response = client.get("/meetings/", {"q": "climte"})
    assert response.status_code == 200
    assert "Did you mean" in response.text
    assert 'href="?q=climate"' in response.text
    assert f'href="/meetings/{climate_call.pk}/"' in response.text
    assert f'href="/meetings/{seed_meeting.pk}/"' not in response.text


def test_a_word_that_resembles_nothing_offers_nothing(client, seed_meeting):
    response = client.get("/meetings/", {"q": "xqzvwk"})
    assert "Did you mean" not in response.text
    assert "No published meetings match" in response.text


def test_the_suggestion_keeps_the_words_that_find_something(seed_meeting, climate_call):
    assert search.suggestion("climte Jaishankar") == "climate Jaishankar"
    assert search.suggestion("climate") is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_on_postgresql_a_word_finds_its_other_forms(client, seed_meeting, climate_call):
    assert found(client, "opening") == found(client, "opens") == [climate_call.pk]


def test_a_common_name_lists_every_match_once_newest_first_page_by_page(
    client, settings, monkeypatch, make_meeting, india, usa
):
    """A word naming several officials with more matches than are ranked ("Sharma", as
    "summit" names hundreds of occasions) lists their meetings newest first, across their
    listings, a meeting of two of them once."""
    monkeypatch.setattr(search, "FEW_MATCHES", 3)
    monkeypatch.setattr("meetings.read.selection.FEW_MATCHES", 3)
    settings.MEETINGS_PER_PAGE = 2
    anil = Official.objects.create(name="Anil Sharma", slug="anil-sharma", country=india)
    rita = Official.objects.create(name="Rita Sharma", slug="rita-sharma", country=usa)
    made = [
        make_meeting(anil, date=D(2024, 1, 5)),
        make_meeting(rita, date=D(2024, 3, 1)),
        make_meeting(anil, rita, date=D(2024, 2, 9)),
        make_meeting(anil, date=D(2023, 6, 30)),
    ]
    newest_first = [m.pk for m in sorted(made, key=lambda m: m.date, reverse=True)]
    pages = []
    for number in (1, 2):
        response = client.get("/meetings/", {"q": "Sharma", "page": number})
        assert response.status_code == 200
        pages += [
            int(pk) for pk in dict.fromkeys(re.findall(r'href="/meetings/(\d+)/"', response.text))
        ]
    assert pages == newest_first


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one word's pages are PostgreSQL's")
@pytest.mark.parametrize(
    "along_dates_above, common",
    [(0, 10**9), (10**9, 10**9), (10**9, 0)],
    ids=["along-dates", "by-years", "common-by-estimate"],
)
def test_a_common_word_of_the_texts_lists_its_matches_newest_first_page_by_page(
    client, settings, monkeypatch, make_meeting, jaishankar, along_dates_above, common
):
    """A word in more texts than are ranked lists them newest first, whether they are read
    along the index of dates or looked up a year at a time (as the planner's estimate
    decides; years without one, 2025 and 2023 to 2011 but 2021, are walked over), and whether
    its matches were counted first or the estimate said it is common."""
    monkeypatch.setattr(search, "FEW_MATCHES", 4)  # five matches: more than are ranked
    monkeypatch.setattr("meetings.read.selection.FEW_MATCHES", 4)
    monkeypatch.setattr(search.Texts, "ALONG_DATES", along_dates_above)
    monkeypatch.setattr(search, "COMMON", common)
    settings.MEETINGS_PER_PAGE = 2
    days = [D(2021, 5, 1), D(2024, 2, 2), D(1999, 9, 9), D(2024, 2, 3), D(2010, 1, 1)]
    made = [make_meeting(jaishankar, date=day, summary="A talk on saffron.") for day in days]
    make_meeting(jaishankar, date=D(2025, 1, 1), summary="Nothing of the kind.")

    pages = []
    for number in (1, 2):  # the newest FEW_MATCHES, two to a page
        response = client.get("/meetings/", {"q": "saffron", "page": number})
        assert response.status_code == 200
        pages += [
            int(pk) for pk in dict.fromkeys(re.findall(r'href="/meetings/(\d+)/"', response.text))
        ]

    assert pages == [m.pk for m in sorted(made, key=lambda m: m.date, reverse=True)][:4]
    assert client.get("/meetings/", {"q": "saffron", "page": 3}).status_code == 404


def test_a_countrys_name_lists_its_meetings_and_names_no_other_country_in_part(
    client, make_meeting, jaishankar
):
    """ "oman" lists Oman's meetings, newest first, though no title says Oman; Romania's
    name holds the letters but not the word."""
    oman = Country.objects.create(code="OM", name="Oman")
    romania = Country.objects.create(code="RO", name="Romania")
    busaidi = Official.objects.create(name="Badr Albusaidi", slug="badr-albusaidi", country=oman)
    aurescu = Official.objects.create(name="Bogdan Aurescu", slug="b-aurescu", country=romania)
    older = make_meeting(jaishankar, busaidi, date=D(2023, 5, 1), title="Talks in Muscat")
    newer = make_meeting(jaishankar, busaidi, date=D(2024, 5, 1), title="Talks on shipping")
    make_meeting(jaishankar, aurescu, date=D(2025, 1, 1), title="Talks in Bucharest")

    assert found(client, "oman") == [newer.pk, older.pk]
    assert found(client, "OMAN") == [newer.pk, older.pk]
