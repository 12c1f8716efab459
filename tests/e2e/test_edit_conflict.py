"""Two editors on one meeting in two browsers: the second save is refused with who changed it,
when and what differs, and goes through when saved again after that."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.e2e.conftest import SCREENSHOTS
from tests.intake_fixtures import SEED_TITLE

pytestmark = pytest.mark.browser


@pytest.fixture
def second_editor(browser, live_server, django_user_model, editor):
    """Another editor's browser, signed in."""
    other = django_user_model.objects.create_user("bob", password=None, is_staff=True)
    other.groups.set(editor.groups.all())
    client = Client()
    client.force_login(other)
    context = browser.new_context()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_second_of_two_editors_is_shown_the_difference_before_replacing_it(
    signed_in, second_editor, demo, live_server
):
    meeting = Meeting.objects.get(title=SEED_TITLE)
    url = f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/"
    first, second = signed_in, second_editor
    first.goto(url)
    second.goto(url)

    first.locator("#id_title").fill("Talks in Kuala Lumpur")
    first.get_by_role("button", name="Save", exact=True).click()
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")

    second.locator("#id_summary").fill("Trade first, then defence.")
    second.get_by_role("button", name="Save", exact=True).click()

    expect(second.locator(".errornote")).to_be_visible()
    expect(second.locator(".errorlist.nonfield")).to_contain_text(
        "This meeting was changed by editor at"
    )
    table = second.get_by_role("region", name="Changed since you opened it")
    expect(table.get_by_role("row", name="Title")).to_contain_text("Talks in Kuala Lumpur")
    expect(table.get_by_role("row", name="Summary")).to_contain_text("Trade first, then defence.")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    second.screenshot(path=SCREENSHOTS / "journey-6-edit-conflict-desktop-1280.png")
    meeting.refresh_from_db()
    assert meeting.title == "Talks in Kuala Lumpur"

    second.get_by_role("button", name="Save", exact=True).click()
    expect(second.locator(".messagelist")).to_contain_text("was changed successfully")
    meeting.refresh_from_db()
    assert meeting.summary == "Trade first, then defence."
