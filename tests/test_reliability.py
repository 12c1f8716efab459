"""A database outage answers 503 with Retry-After and heals by itself; /health/ tells load
balancers whether the database answers. The outage here is real: the site's connection is
pointed at a database that is not there (a closed port, or a file in no folder), so the real
driver fails to connect; the fault test (bench/fault.py) stops a real PostgreSQL instead."""

from __future__ import annotations

import json
import socket
from contextlib import contextmanager

import pytest
from django.db import connections
from django.test import Client


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_away():
    """Until the block ends, every new connection of the site fails as in an outage."""
    connection = connections["default"]
    shared = connection.settings_dict  # every thread's connection reads this one dict
    kept = connection.connection  # an in-memory SQLite database lives while it is open
    connection.connection = None
    if connection.vendor == "postgresql":
        connection.settings_dict = {**shared, "HOST": "127.0.0.1", "PORT": str(closed_port())}
    else:
        connection.settings_dict = {**shared, "NAME": "/nonexistent-folder/meetings.sqlite3"}
    try:
        yield
    finally:
        if connection.connection is not None:
            connection.close()
        connection.settings_dict = shared
        connection.connection = kept


@pytest.fixture
def visitor():
    """A client that gets the error pages a browser would, instead of the exception."""
    return Client(raise_request_exception=False)


@pytest.fixture
def outage(django_db_setup, django_db_blocker):
    """The test database, outside a test transaction, so that its connection can go away."""
    with django_db_blocker.unblock():
        yield database_away
        # what the test's requests opened afterwards goes with it (outside a test transaction,
        # nothing else would close it before the test database is dropped)
        connections.close_all()


@pytest.mark.parametrize("url", ["/", "/meetings/", "/countries/", "/timeline/", "/meetings/1/"])
def test_pages_answer_503_with_retry_after_while_the_database_is_away(outage, visitor, url):
    with outage():
        response = visitor.get(url)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "briefly unavailable" in response.text
    assert "Something went wrong" not in response.text


def test_the_site_recovers_by_itself_when_the_database_is_back(outage, visitor):
    with outage():
        assert visitor.get("/meetings/").status_code == 503
    assert visitor.get("/meetings/").status_code == 200


def test_a_page_that_needs_no_database_still_answers_during_an_outage(outage, visitor):
    with outage():
        assert visitor.get("/about/").status_code == 200


def test_the_admin_answers_503_during_an_outage(outage, visitor):
    with outage():
        response = visitor.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 503


def test_an_error_that_is_not_an_outage_is_still_a_500(rf):
    from meetings.reliability import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/about/"))
    assert response.status_code == 500
    assert "Retry-After" not in response


# The health check


def test_the_health_check_says_the_database_answers(db, visitor):
    response = visitor.get("/health/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_the_health_check_answers_503_when_the_database_is_away(outage, visitor):
    with outage():
        response = visitor.get("/health/")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unreachable"
    assert visitor.get("/health/").status_code == 200


def test_the_health_check_answers_a_prober_by_address_over_plain_http(db, visitor, settings):
    """A load balancer asks the backend by its own address, over HTTP, under production
    settings: no host check, no redirect to HTTPS."""
    settings.ALLOWED_HOSTS = ["meetings.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = visitor.get("/health/", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    # the rest of the site still refuses an unknown host and redirects to HTTPS
    assert visitor.get("/about/", HTTP_HOST="10.1.2.3:8000").status_code == 400
    assert visitor.get("/about/", HTTP_HOST="meetings.example.org").status_code == 301


def test_the_health_check_only_reads(db, visitor):
    assert visitor.post("/health/").status_code == 405
