"""Search over the demo data, as a reader of `make run` meets it: a misspelling still finds
what it meant."""

import re

import pytest

from meetings.models import Meeting
from tests.intake_fixtures import world_loaded

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_blocker):
    with world_loaded(django_db_blocker, demo=True, places=False):
        yield


def test_in_the_demo_data_tarifs_finds_the_tariff_meetings(client, demo):
    tariff_meetings = set(
        Meeting.objects.published().filter(title__icontains="tariff").values_list("pk", flat=True)
    ) | set(
        Meeting.objects.published().filter(summary__icontains="tariff").values_list("pk", flat=True)
    )
    assert len(tariff_meetings) >= 3
    response = client.get("/meetings/", {"q": "tarifs"})
    assert "Did you mean" in response.text
    shown = {int(pk) for pk in re.findall(r'href="/meetings/(\d+)/"', response.text)}
    assert tariff_meetings <= shown
