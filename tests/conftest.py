"""Named places and people, made with plain objects.create, as the style guide asks."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from meetings.models import (
    Country,
    Meeting,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
    Topic,
    Venue,
)
from meetings.services import writing


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A second alias mirroring the test database, standing for a read replica. The public
    pages use it only when a test turns READ_REPLICA on (test_read_path.py)."""
    from django.conf import settings

    if "replica" not in settings.DATABASES:
        settings.DATABASES["replica"] = {
            **settings.DATABASES["default"],
            "TEST": {**settings.DATABASES["default"]["TEST"], "MIRROR": "default"},
        }


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test sees counts and names of its own data: a test's writes are rolled back, not
    committed, so they make no new data version that would set aside what an earlier test
    cached."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def india(db):
    return Country.objects.create(code="IN", name="India", demonyms="Indian")


@pytest.fixture
def usa(db):
    return Country.objects.create(code="US", name="United States", aliases="USA\nAmerica")


@pytest.fixture
def malaysia(db):
    return Country.objects.create(code="MY", name="Malaysia")


@pytest.fixture
def china(db):
    return Country.objects.create(code="CN", name="China")


@pytest.fixture
def kuala_lumpur(malaysia):
    return Venue.objects.create(
        name="Kuala Lumpur", slug="kuala-lumpur", country=malaysia, latitude=3.139, longitude=101.69
    )


@pytest.fixture
def washington(usa):
    return Venue.objects.create(name="Washington", slug="washington", country=usa)


@pytest.fixture
def asean_summit(kuala_lumpur):
    return Occasion.objects.create(
        name="ASEAN Summit 2025",
        slug="asean-summit-2025",
        start=datetime.date(2025, 10, 26),
        end=datetime.date(2025, 10, 28),
        venue=kuala_lumpur,
    )


@pytest.fixture
def trade(db):
    return Topic.objects.create(name="Trade", slug="trade", aliases="tariffs")


@pytest.fixture
def defence(db):
    return Topic.objects.create(name="Defence", slug="defence")


@pytest.fixture
def jaishankar(india):
    official = Official.objects.create(name="S. Jaishankar", slug="s-jaishankar", country=india)
    Position.objects.create(
        official=official,
        title="External Affairs Minister",
        country=india,
        start=datetime.date(2019, 5, 30),
    )
    return official


@pytest.fixture
def rubio(usa):
    official = Official.objects.create(name="Marco Rubio", slug="marco-rubio", country=usa)
    Position.objects.create(
        official=official,
        title="Senator for Florida",
        country=usa,
        start=datetime.date(2011, 1, 3),
        end=datetime.date(2025, 1, 20),
    )
    Position.objects.create(
        official=official,
        title="Secretary of State",
        country=usa,
        start=datetime.date(2025, 1, 21),
    )
    return official


@pytest.fixture
def wang_yi(china):
    official = Official.objects.create(name="Wang Yi", slug="wang-yi", country=china)
    Position.objects.create(
        official=official, title="Foreign Minister", country=china, start=datetime.date(2023, 7, 25)
    )
    return official


@pytest.fixture
def make_meeting(db):
    """Create a meeting with participants (officials) and a source; published unless told."""
    counter = iter(range(1, 100_000))

    def make(
        *officials,
        date=datetime.date(2025, 10, 27),
        status=Meeting.Status.PUBLISHED,
        topics=(),
        **fields,
    ):
        with writing():
            meeting = Meeting.objects.create(date=date, status=status, **fields)
            for official in officials:
                Participation.objects.create(meeting=meeting, official=official)
            meeting.topics.set(topics)
            source = Source.objects.create(
                citation=f"Readout number {next(counter)}", offline=True, published_on=date
            )
            MeetingSource.objects.create(meeting=meeting, source=source, quote="They met.")
        return meeting

    return make


@pytest.fixture
def seed_meeting(make_meeting, jaishankar, rubio, kuala_lumpur, asean_summit, trade, defence):
    """The Jaishankar–Rubio meeting in Kuala Lumpur on 27 October 2025."""
    return make_meeting(
        jaishankar,
        rubio,
        date=datetime.date(2025, 10, 27),
        venue=kuala_lumpur,
        occasion=asean_summit,
        topics=[trade, defence],
        title="Jaishankar–Rubio talks in Kuala Lumpur",
        summary="Trade and defence on the sidelines of the ASEAN summit.",
    )


@pytest.fixture
def admin_user(django_user_model):
    """pytest-django's superuser without a password: hashing one costs a second per test."""
    return django_user_model.objects.create_superuser("admin", "admin@example.com", None)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password=None, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture(params=["admin_client", "editor_client"])
def staff_client(request):
    """Each test using it runs once as a superuser and once as an editor."""
    return request.getfixturevalue(request.param)
