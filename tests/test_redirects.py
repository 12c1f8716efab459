"""Addresses that lead elsewhere take the rest of the address with them."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_pair_in_reverse_order_keeps_the_page_and_filters(client, india, usa):
    response = client.get("/countries/us/in/?page=2&topic=trade")
    assert response.status_code == 301
    assert response["Location"] == "/countries/in/us/?page=2&topic=trade"


def test_a_pair_in_reverse_order_without_a_query_has_none(client, india, usa):
    assert client.get("/countries/us/in/")["Location"] == "/countries/in/us/"


def test_a_country_in_capitals_keeps_the_page(client, india):
    response = client.get("/countries/IN/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/countries/in/?page=2"
