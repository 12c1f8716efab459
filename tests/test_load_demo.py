"""`load_demo` on a database that is not empty (the module-wide demo of test_demo.py is not
loaded here)."""

import datetime
from pathlib import Path

import pytest

from meetings.models import Country, Meeting, Official
from tests.intake_fixtures import SEED_TITLE, load_demo

DEMO = Path(__file__).resolve().parent.parent / "meetings" / "data" / "demo.jsonl"

pytestmark = pytest.mark.django_db


def test_it_refuses_when_the_database_already_has_a_meeting():
    Meeting.objects.create(date=datetime.date(2024, 1, 1), title="Someone met someone")
    out = load_demo()
    assert "already holds meetings; demo data not loaded" in out
    assert Meeting.objects.count() == 1
    assert not Official.objects.exists()
    assert Country.objects.filter(code="IN").exists()  # the countries are always loaded


def test_force_loads_the_demo_next_to_existing_meetings():
    Meeting.objects.create(date=datetime.date(2024, 1, 1), title="Someone met someone")
    load_demo("--force")
    assert Meeting.objects.filter(title=SEED_TITLE).exists()
    assert Meeting.objects.count() == 1 + sum(
        '"uid"' in line for line in DEMO.read_text().splitlines()
    )
