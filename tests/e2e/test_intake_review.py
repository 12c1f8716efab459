"""The review of an article in a real browser: a correction made to a meeting already recorded,
and an error found in a review of several meetings."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.intake_fixtures import SEED_TITLE, seed_article

pytestmark = pytest.mark.browser

INTAKE_URL = "/admin/meetings/meeting/from-article/"

# Three meetings on the margins of one summit, the first of them the demo's seed meeting.
THREE_MEETINGS = (
    "KUALA LUMPUR, Oct 28 (Wire) - India's External Affairs Minister S. Jaishankar met US "
    "Secretary of State Marco Rubio in Kuala Lumpur on Monday on the sidelines of the ASEAN "
    "Summit. They discussed trade and defence.\n\n"
    "Earlier in the day, Jaishankar met Malaysian Foreign Minister Mohamad Hasan to discuss "
    "counterterrorism.\n\n"
    "Later that day, Jaishankar held talks with Chinese Foreign Minister Wang Yi on trade."
)


def read_article(page, text: str, published: str) -> None:
    page.goto(INTAKE_URL)
    page.get_by_label("Article text").fill(text)
    page.get_by_label("Published on").fill(published)
    page.get_by_role("button", name="Read the article").click()


def test_a_correction_on_the_review_is_made_to_the_recorded_meeting_and_in_its_history(
    signed_in, demo, places, shoot
):
    page = signed_in
    seed = Meeting.objects.get(title=SEED_TITLE)
    assert seed.date == datetime.date(2025, 10, 27)

    read_article(page, seed_article()["text"], "2025-10-28")

    # The reader found the meeting recorded already, and shows the record beside the article.
    meeting = page.locator("details#meeting-1")
    record = meeting.locator("table.intake-compare")
    expect(record).to_contain_text(f"Recorded as #{seed.pk}")
    expect(record).to_contain_text("Marco Rubio (Secretary of State, United States)")
    expect(meeting.get_by_label(f"Add the article to meeting #{seed.pk}")).to_be_checked()
    # The editor corrects one field: the talks were on the Sunday.
    meeting.get_by_label("Date:", exact=True).fill("2025-10-26")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(r"/admin/meetings/meeting/$"))
    expect(page.locator(".messagelist")).to_contain_text(
        "changed date from 27 Oct 2025 to 26 Oct 2025"
    )
    seed.refresh_from_db()
    assert seed.date == datetime.date(2025, 10, 26)
    assert seed.sources.count() == 2
    entry = LogEntry.objects.get(object_id=str(seed.pk), content_type__model="meeting")
    assert entry.user.username == "editor"

    # The meeting's history says who changed what, and when.
    page.goto(f"/admin/meetings/meeting/{seed.pk}/history/")
    row = page.locator("#change-history tbody tr").first
    expect(row).to_contain_text("editor")
    expect(row).to_contain_text("Changed date from 27 Oct 2025 to 26 Oct 2025")
    shoot("intake-correction-in-the-history")


def test_an_error_in_a_review_of_three_meetings_is_linked_and_scrolled_to(
    signed_in, demo, places, shoot
):
    page = signed_in
    read_article(page, THREE_MEETINGS, "2025-10-28")

    for n in (1, 2, 3):
        expect(page.locator(f"details#meeting-{n}")).to_have_attribute("open", "")
    expect(page.get_by_role("heading", name="Meeting 4")).to_have_count(0)
    expect(page.get_by_label("Publisher")).to_have_value("Wire")
    shoot("intake-review-three-meetings")

    third = page.locator("details#meeting-3")
    third.get_by_label("Date:", exact=True).fill("")
    page.get_by_role("button", name="Save").click()

    # The page opens at the field in error, its meeting open and the others folded.
    date = page.locator("#id_m2-date")
    expect(date).to_be_focused()
    expect(date).to_be_in_viewport()
    expect(page.locator("details#meeting-3")).to_have_attribute("open", "")
    expect(page.locator("details#meeting-1")).not_to_have_attribute("open", "")
    expect(page.locator("details#meeting-2")).not_to_have_attribute("open", "")
    errors = page.locator("#intake-errors")
    link = errors.get_by_role("link", name="Meeting 3, Date: This field is required.")
    expect(link).to_have_attribute("href", "#id_m2-date")
    shoot("intake-review-with-an-error")
    assert Meeting.objects.filter(title="", date=datetime.date(2025, 10, 27)).count() == 0

    # From the top, the link leads to the field again, and a folded meeting opens by its heading.
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("details#meeting-1 > summary").click()
    expect(page.locator("details#meeting-1")).to_have_attribute("open", "")
    link.click()
    expect(date).to_be_focused()
    expect(date).to_be_in_viewport()
    expect(page).to_have_url(re.compile(r"#id_m2-date$"))
