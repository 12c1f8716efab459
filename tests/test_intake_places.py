"""The gazetteer: world cities loaded once, found by the names articles use for them."""

import pytest
from django.core.management import call_command

from meetings.countries import load_countries
from meetings.intake.places import (
    PlaceHit,
    ensure_places,
    gazetteer,
    load_places,
    reset_gazetteer,
    useful_alternates,
    venue_for,
)
from meetings.models import Country, Place, Venue


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Countries and the ~34,000 places, loaded once for this module and removed after it
    (other modules create their own countries)."""
    with django_db_blocker.unblock():
        had_countries = set(Country.objects.values_list("code", flat=True))
        load_countries()
        created = load_places()
        reset_gazetteer()
    yield created
    with django_db_blocker.unblock():
        Place.objects.all().delete()
        Country.objects.exclude(code__in=had_countries).delete()
    reset_gazetteer()


@pytest.fixture
def places(world, db):
    return world


def test_loading_brings_tens_of_thousands_of_cities_with_their_coordinates(places):
    assert places > 30_000
    assert Place.objects.count() == places
    kuala_lumpur = Place.objects.get(name="Kuala Lumpur")
    assert kuala_lumpur.country.code == "MY"
    assert kuala_lumpur.latitude == pytest.approx(3.14, abs=0.02)
    assert kuala_lumpur.longitude == pytest.approx(101.69, abs=0.02)
    assert kuala_lumpur.population > 1_000_000


def test_loading_again_changes_nothing(places):
    assert load_places() == 0
    assert ensure_places() == 0
    assert Place.objects.count() == places


def test_the_command_says_the_places_are_already_there(places, capsys):
    call_command("load_places")
    assert "already loaded" in capsys.readouterr().out


def test_places_keep_english_spellings_and_the_name_without_accents(places):
    brasilia = Place.objects.get(name="Brasília")
    alternates = brasilia.alternate_names.splitlines()
    assert "Brasilia" in alternates
    assert all(name[0].isupper() for name in alternates)
    assert not any("\u0400" <= ch <= "\u04ff" for ch in brasilia.alternate_names)


def test_alternates_drop_lower_case_transliterations_airport_codes_and_other_scripts():
    kept = useful_alternates(
        "Keelung", ["Chilung", "ji long po", "KEL", "Keelung City", "基隆", "Кілунг", "K"]
    )
    assert kept == ["Chilung", "Keelung City"]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Brasilia", "Brasília", "BR"),
        ("Geneva", "Geneva", "CH"),
        ("Kuala Lumpur", "Kuala Lumpur", "MY"),
        ("Hanoi", "Hanoi", "VN"),
        ("Washington", "Washington", "US"),
        ("Washington, D.C.", "Washington", "US"),
        ("New Delhi", "New Delhi", "IN"),
        ("St. Petersburg", "Saint Petersburg", "RU"),
        ("Islamabad", "Islamabad", "PK"),
        ("Bombay", "Mumbai", "IN"),
        ("kuala lumpur", "Kuala Lumpur", "MY"),
        ("MÜNCHEN", "Munich", "DE"),
    ],
)
def test_a_name_finds_the_city_articles_mean(places, text, name, country):
    hit = gazetteer().lookup(text)
    assert hit is not None
    assert (hit.name, hit.country_code) == (name, country)


def test_washington_is_the_capital_with_its_coordinates(places):
    hit = gazetteer().lookup("Washington")
    assert hit.latitude == pytest.approx(38.895, abs=0.05)
    assert hit.longitude == pytest.approx(-77.036, abs=0.05)


def test_a_name_that_is_no_city_finds_nothing(places):
    assert gazetteer().lookup("Camp David") is None
    assert gazetteer().lookup("") is None


def test_the_gazetteer_knows_its_longest_name_in_words(places):
    assert 3 <= gazetteer().names_max_words <= 12


def test_a_venue_is_made_once_per_place(places):
    hit = gazetteer().lookup("Kuala Lumpur")
    venue = venue_for(hit)
    assert (venue.name, venue.country.code) == ("Kuala Lumpur", "MY")
    assert venue.latitude == pytest.approx(3.14, abs=0.02)
    assert venue_for(hit) == venue
    assert Venue.objects.filter(name="Kuala Lumpur").count() == 1


def test_an_existing_venue_is_reused_and_given_coordinates(places):
    usa = Country.objects.get(code="US")
    existing = Venue.objects.create(name="Washington", country=usa)
    venue = venue_for(gazetteer().lookup("Washington"))
    assert venue == existing
    existing.refresh_from_db()
    assert existing.latitude == pytest.approx(38.895, abs=0.05)


def test_an_existing_venue_spelt_without_accents_is_reused(places):
    brazil = Country.objects.get(code="BR")
    existing = Venue.objects.create(name="Brasilia", country=brazil, latitude=-15.8, longitude=-48)
    assert venue_for(gazetteer().lookup("Brasília")) == existing


def test_a_place_hit_is_a_plain_value():
    hit = PlaceHit(1, "Hanoi", "VN", 21.0, 105.8, 8_000_000)
    with pytest.raises(AttributeError):
        hit.name = "Saigon"
