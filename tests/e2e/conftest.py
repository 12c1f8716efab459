"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

`playwright install` cannot download browsers on these machines, so the tests launch the system
Chromium (CI installs it with apt) and are skipped, with the reason, where it is missing. Every
test here is marked `browser`: `pytest -m browser` runs them alone. Screenshots land in
test-artifacts/screenshots/, named by journey and width.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

from meetings.intake.places import load_places, reset_gazetteer
from meetings.models import Country, Place
from tests.intake_fixtures import load_demo

# Playwright's sync API keeps an event loop running in the test thread, and Django refuses ORM
# calls from a thread with a running loop. The tests (not the app) may: they create data and
# check what the browser saved. Set once the browser tests are collected, as the loop outlives
# them for the rest of the session.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}
HEIGHTS = {"desktop": 800, "phone": 844}
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium is not installed at {CHROMIUM} (apt-get install chromium); "
        "browser tests skipped"
    )
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright's launch options, pointed at the system Chromium."""
    return {"executable_path": str(CHROMIUM), "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server):
    """Shadows pytest-playwright's fallback fixture: pages are opened on the live server, so
    page.goto("/meetings/") works."""
    return live_server.url


@pytest.fixture
def demo(transactional_db):
    """The demo data set (countries included), fresh for the test; the live server sees it."""
    load_demo()


@pytest.fixture
def places(transactional_db):
    """The gazetteer (~4 s): only for the test that reads an article."""
    load_places()
    reset_gazetteer()
    yield
    reset_gazetteer()  # the rows go with the test's flush; the cached index must too


@pytest.fixture
def one_place(transactional_db):
    """A gazetteer of one city, so that reading an article does not load the whole world
    (the intake loads it when the Place table is empty): for tests about the review page,
    not about finding venues."""
    Place.objects.create(
        geonameid=1261481,
        name="New Delhi",
        country=Country.objects.get(code="IN"),
        latitude=28.6358,
        longitude=77.2244,
        population=317797,
    )
    reset_gazetteer()
    yield
    reset_gazetteer()


@pytest.fixture
def shoot(page):
    """shoot(name) saves full-page screenshots of the page at desktop and phone widths,
    test-artifacts/screenshots/<name>-desktop-1280.png and <name>-phone-390.png, and checks
    that the page is no wider than the screen."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> list[Path]:
        before = page.viewport_size
        paths = []
        for label, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": HEIGHTS[label]})
            path = SCREENSHOTS / f"{slug(name)}-{label}-{width}.png"
            page.screenshot(path=path, full_page=True)
            paths.append(path)
            # Nothing sticks out sideways: the page fits the screen's width.
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{name} is {wide} px wide on a {width} px screen"
        if before:
            page.set_viewport_size(before)
        return paths

    return take


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@pytest.fixture
def editor(transactional_db, django_user_model):
    """A staff user in the Editors group, without a password (hashing one takes a second)."""
    user = django_user_model.objects.create_user("editor", password=None, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def signed_in(page, editor, live_server):
    """The page's browser context carries the editor's session (the journey that signs in
    through the form does not need this)."""
    client = Client()
    client.force_login(editor)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return page
