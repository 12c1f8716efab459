"""The visual timeline and the map in a browser: zooming by keyboard from decades to a day and
back, opening a meeting from its mark, an address that brings back the same view, and how both
look at desktop and phone widths."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings.models import Meeting, MeetingSource, Official, Participation, Source
from meetings.services import writing
from tests.intake_fixtures import SEED_TITLE

pytestmark = pytest.mark.browser


@pytest.fixture
def old_meeting(demo):
    """A meeting in 1950, so that the timeline spans decades."""
    with writing():
        meeting = Meeting.objects.create(
            date=datetime.date(1950, 3, 14),
            status=Meeting.Status.PUBLISHED,
            title="An early call",
            kind=Meeting.Kind.CALL,
        )
        for slug in ("s-jaishankar", "marco-rubio"):
            Participation.objects.create(meeting=meeting, official=Official.objects.get(slug=slug))
        source = Source.objects.create(citation="An old record", published_on=meeting.date)
        MeetingSource.objects.create(meeting=meeting, source=source)
    return meeting


def heading(page):
    return page.locator("#tl-heading")


def test_zooming_by_keyboard_from_decades_to_a_day_and_back(page, old_meeting):
    page.goto("/timeline/")
    expect(heading(page)).to_contain_text("All years")
    expect(page.locator(".tl-bars")).to_have_attribute("aria-label", re.compile("per decade"))

    # "+" takes the focus into the picture, Enter zooms into the period in focus
    steps = [
        ("1950s", "The 1950s"),
        ("1950", "1950"),
        ("1950-03", "March 1950"),
        ("1950-03-14", "14 March 1950"),
    ]
    for period, label in steps:
        page.keyboard.press("+")
        expect(page.locator(":focus")).to_have_attribute("href", re.compile(f"period={period}"))
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(rf"\?period={period}$"))
        expect(heading(page)).to_contain_text(label)

    mark = page.locator(".tl-mark a")
    expect(mark).to_have_count(1)
    expect(mark).to_have_accessible_name("14 Mar 1950 S. Jaishankar (IN), Marco Rubio (US)")

    # "-" zooms out a level at a time, back to every year
    for period, label in [("1950-03", "March 1950"), ("1950", "1950"), ("1950s", "The 1950s")]:
        page.keyboard.press("-")
        expect(page).to_have_url(re.compile(rf"\?period={period}$"))
        expect(heading(page)).to_contain_text(label)
    page.keyboard.press("-")
    expect(heading(page)).to_contain_text("All years")
    expect(page).to_have_url(re.compile(r"/timeline/\??$"))

    # "]" goes on to the next period at the same zoom
    page.goto("/timeline/?period=2024")
    page.keyboard.press("]")
    expect(page).to_have_url(re.compile(r"\?period=2025$"))


def test_a_mark_opens_its_meeting_and_the_address_brings_back_the_view(page, demo, shoot):
    seed = Meeting.objects.get(title=SEED_TITLE)
    view = "/timeline/?country=in&country=us&period=2025-10"
    page.goto(view)
    bars = page.get_by_role("list", name=re.compile("Meetings per day"))
    expect(bars.get_by_role("link")).to_have_count(1)
    marks = [a.text_content() for a in page.locator(".tl-mark a").all()]
    shoot("timeline-pair-month")

    page.get_by_role("link", name=re.compile("^27 Oct 2025 S. Jaishankar")).click()

    expect(page).to_have_url(re.compile(f"{seed.get_absolute_url()}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE)

    page.go_back()
    expect(heading(page)).to_contain_text("October 2025")

    # the same address in a fresh tab draws the same picture
    other = page.context.new_page()
    other.goto(page.url)
    expect(other.locator("#tl-heading")).to_have_text(heading(page).text_content())
    assert [a.text_content() for a in other.locator(".tl-mark a").all()] == marks
    other.close()


def test_the_timeline_and_the_maps_at_both_widths(page, demo, shoot):
    for name, url in {
        "timeline-everything": "/timeline/",
        "timeline-year": "/timeline/?period=2025",
        "pair-at-a-glance": "/countries/in/us/",
        "official-terms": "/officials/marco-rubio/",
        "map-everything": "/map/",
        "map-india": "/map/?country=in",
    }.items():
        response = page.goto(url)
        assert response.status == 200, url
        for path in shoot(f"visual-{name}"):
            assert path.stat().st_size > 10_000, path


def test_the_bars_split_by_kind_say_their_numbers_and_pass_axe(page, old_meeting, shoot):
    from tests.e2e.test_accessibility import Audit

    page.goto("/timeline/?period=1950s")
    bar = page.get_by_role("link", name=re.compile(r"^1 meeting in 1950"))
    # the split is said in words and shown in the bar's title, not only in colour
    expect(bar).to_have_accessible_name("1 meeting in 1950: 1 phone call")
    expect(bar).to_have_attribute("title", "1950: 1 meeting — 1 phone call")
    expect(page.locator(".tl-legend")).to_contain_text("In person Phone call Video call")
    expect(bar.locator("rect.k-call")).to_have_css("fill", "rgb(184, 110, 0)")

    audit = Audit()
    for label, width in (("desktop", 1280), ("phone", 390)):
        page.set_viewport_size({"width": width, "height": 800})
        expect(page.locator(".tl-legend")).to_be_visible()
        audit.check(f"the timeline of the 1950s ({label})", page)
    audit.assert_clean("the timeline split by kind")
    shoot("timeline-split-by-kind")
