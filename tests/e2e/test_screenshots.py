"""Full-page screenshots of the main pages at desktop and phone widths, to look at.

They land in test-artifacts/screenshots/page-<name>-desktop-1280.png and -phone-390.png.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.intake_fixtures import SEED_TITLE

pytestmark = pytest.mark.browser


def test_screenshots_of_the_main_pages_at_both_widths(signed_in, demo, shoot):
    page = signed_in
    seed = Meeting.objects.get(title=SEED_TITLE)
    pages = {
        "home": "/",
        "list": "/meetings/",
        "meeting": seed.get_absolute_url(),
        "pair": "/countries/in/us/",
        "timeline": "/timeline/",
        "intake": "/admin/meetings/meeting/from-article/",
    }
    for name, url in pages.items():
        response = page.goto(url)
        assert response.status == 200, url
        expect(page.locator("h1").first).to_be_visible()
        for path in shoot(f"page-{name}"):
            assert path.stat().st_size > 10_000, path
