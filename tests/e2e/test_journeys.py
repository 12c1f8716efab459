"""What readers and editors do on the site, in a real browser, against the live server."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from playwright.sync_api import expect

from meetings.models import Country, Meeting, MeetingSource, Official, Participation, Source
from tests.intake_fixtures import SEED_TITLE

pytestmark = pytest.mark.browser

PASSWORD = "a long editor passphrase"

# Rubio's first bilateral as Secretary of State, retold for this test. The name is misspelt in
# both its words, as articles sometimes do, so the reader proposes a new official (one letter
# off in one word, it would find the tracker's) and the editor corrects it.
ARTICLE = (
    "WASHINGTON, Jan 22 (Wire) - Indian External Affairs Minister Subramanyam Jaishanker met "
    "Secretary of State Marco Rubio at the State Department in Washington on Tuesday, a day after "
    "the inauguration. It was Rubio's first bilateral meeting as the top US diplomat. The two "
    "ministers discussed critical technologies, defence cooperation, energy and migration, the "
    "State Department said."
)
WASHINGTON_TITLE = "Jaishankar–Rubio talks in Washington"


def titles(page) -> list[str]:
    """The meeting titles the page lists, in order."""
    return page.locator("ol.meetings .meeting-title").all_inner_texts()


def test_from_the_home_page_to_a_meeting_its_pair_and_its_venue(page, demo, shoot):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who met whom, when, where, and why")
    shoot("journey-1-home")

    latest = page.get_by_role("region", name="Latest meetings")
    latest.get_by_role("link", name=SEED_TITLE).click()

    expect(page).to_have_url(re.compile(r"/meetings/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE)
    participants = page.get_by_role("region", name="Participants")
    expect(participants).to_contain_text("S. Jaishankar, External Affairs Minister")
    expect(participants).to_contain_text("Marco Rubio, Secretary of State")
    shoot("journey-1-meeting")

    page.get_by_role("link", name="Their full history").click()

    expect(page).to_have_url(re.compile(r"/countries/in/us/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("IN India and US United States")
    history = page.get_by_role("region", name="History")
    expect(history.get_by_role("link", name=SEED_TITLE)).to_be_visible()
    shoot("journey-1-pair")

    page.get_by_role("region", name="Venues").get_by_role("link", name="Kuala Lumpur").click()

    expect(page).to_have_url(re.compile(r"/venues/kuala-lumpur/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kuala Lumpur")
    expect(page.locator(".lead")).to_contain_text("Malaysia")
    expect(page.get_by_role("link", name=SEED_TITLE)).to_be_visible()
    shoot("journey-1-venue")


def add_calls(n: int) -> None:
    """n published phone calls between Jaishankar and Rubio in early 2026, each with a source."""
    jaishankar = Official.objects.get(slug="s-jaishankar")
    rubio = Official.objects.get(slug="marco-rubio")
    with transaction.atomic():
        for i in range(n):
            day = datetime.date(2026, 1, 2) + datetime.timedelta(days=2 * i)
            meeting = Meeting.objects.create(
                date=day,
                kind=Meeting.Kind.CALL,
                status=Meeting.Status.PUBLISHED,
                title=f"Jaishankar–Rubio call {i + 1}",
            )
            for official in (jaishankar, rubio):
                Participation.objects.create(meeting=meeting, official=official)
            source = Source.objects.create(citation=f"Readout of call {i + 1}", published_on=day)
            MeetingSource.objects.create(meeting=meeting, source=source)


def test_filtering_the_meeting_list_sharing_it_clearing_and_paging(page, demo, shoot):
    add_calls(22)
    page.goto("/meetings/")
    form = page.get_by_role("form", name="Filter meetings")

    form.get_by_label("Country 1", exact=True).fill("India")
    form.get_by_label("Country 2", exact=True).fill("us")
    form.get_by_label("Venue", exact=True).fill("Washington")
    form.get_by_label("Topic", exact=True).fill("defence")
    form.get_by_label("From", exact=True).fill("2025-01-01")
    form.get_by_label("To", exact=True).fill("2025-12-31")
    form.get_by_role("button", name="Show meetings").click()

    expected = ["Modi–Trump talks at the White House", WASHINGTON_TITLE]
    expect(page.locator("p.count")).to_have_text("2 meetings")
    assert titles(page) == expected
    url = page.url
    for part in ("country=India", "country=us", "venue=Washington", "topic=defence"):
        assert part in url
    assert "from=2025-01-01" in url and "to=2025-12-31" in url
    shoot("journey-2-filtered")

    # The address is the result: opened again in a fresh page, it shows the same meetings,
    # with the filters filled in.
    shared = page.context.new_page()
    shared.goto(url)
    assert titles(shared) == expected
    shared_form = shared.get_by_role("form", name="Filter meetings")
    expect(shared_form.get_by_label("Country 1", exact=True)).to_have_value("India")
    expect(shared_form.get_by_label("Country 2", exact=True)).to_have_value("United States")
    expect(shared_form.get_by_label("Topic", exact=True)).to_have_value("Defence")
    expect(shared_form.get_by_label("From", exact=True)).to_have_value("2025-01-01")
    shared.close()

    # Clearing one filter (the topic) widens the result to the Quad meeting in Washington.
    form.get_by_label("Topic", exact=True).fill("")
    form.get_by_role("button", name="Show meetings").click()
    expect(page.locator("p.count")).to_have_text("3 meetings")
    assert "topic=Defence" not in page.url
    assert "Quad foreign ministers' meeting in Washington" in titles(page)
    expect(form.get_by_label("Venue", exact=True)).to_have_value("Washington, D.C.")

    # Paging keeps the filters: the India–US calls (the demo's and ours) fill two pages.
    india_us = [Country.objects.get(code=code) for code in ("IN", "US")]
    calls = Meeting.objects.published().involving(*india_us).filter(kind="call").count()
    assert 20 < calls <= 40
    page.get_by_role("link", name="Clear filters").click()
    expect(page).to_have_url(re.compile(r"/meetings/\?$"))
    form.get_by_label("Country 1", exact=True).fill("India")
    form.get_by_label("Country 2", exact=True).fill("United States")
    form.get_by_label("Kind", exact=True).select_option(label="Phone call")
    form.get_by_role("button", name="Show meetings").click()
    expect(page.locator("p.count")).to_have_text(f"{calls} meetings, page 1 of 2")
    first_page = titles(page)
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Older →").click()

    expect(page.locator("p.count")).to_have_text(f"{calls} meetings, page 2 of 2")
    for part in ("country=India", "country=United+States", "kind=call", "page=2"):
        assert part in page.url
    expect(form.get_by_label("Kind", exact=True)).to_have_value("call")
    expect(form.get_by_label("Country 1", exact=True)).to_have_value("India")
    expect(form.get_by_label("Country 2", exact=True)).to_have_value("United States")
    second_page = titles(page)
    assert len(second_page) == calls - 20
    assert not set(first_page) & set(second_page)
    expect(page.locator("ol.meetings .kind")).to_have_text(["Phone call"] * (calls - 20))
    shoot("journey-2-page-2")
    page.get_by_role("link", name="← Newer").click()
    expect(page.locator("p.count")).to_have_text(f"{calls} meetings, page 1 of 2")
    assert "kind=call" in page.url


def test_typing_an_officials_name_suggests_him_and_lists_his_meetings(page, demo, shoot):
    page.goto("/meetings/")
    form = page.get_by_role("form", name="Filter meetings")
    box = form.get_by_label("Official", exact=True)

    box.press_sequentially("jaish", delay=30)
    suggestion = page.locator("datalist#suggest-official option").first
    expect(suggestion).to_have_attribute("value", "S. Jaishankar")
    expect(suggestion).to_have_attribute("label", re.compile(r"India · \d+ meetings?"))
    shoot("journey-official-suggested")

    box.fill(suggestion.get_attribute("value"))  # what picking the suggestion does
    form.get_by_role("button", name="Show meetings").click()

    jaishankar = Official.objects.get(slug="s-jaishankar")
    his = Meeting.objects.published().filter(participations__official=jaishankar).distinct()
    expect(page.locator("p.count")).to_have_text(re.compile(rf"^{his.count()} meetings?"))
    shown = titles(page)
    assert shown and set(shown) <= {m.title for m in his}
    expect(box).to_have_value("S. Jaishankar")
    assert "official=S.+Jaishankar" in page.url

    # typing only a part of his name, without picking, finds him too
    box.fill("Jaishankar")
    form.get_by_role("button", name="Show meetings").click()
    # the new list, not the one still shown while it loads
    page.wait_for_url(re.compile(r"[?&]official=Jaishankar(&|$)"))
    assert titles(page) == shown


def test_the_timeline_from_years_to_a_month_and_back(page, demo, shoot):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Timeline").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Timeline")
    years = page.get_by_role("table", name="Number of meetings in each year")
    expect(years.get_by_role("rowheader")).to_contain_text(["2025", "2024", "2023"])
    october_count = Meeting.objects.filter(date__year=2025, date__month=10).count()
    assert october_count
    shoot("journey-3-timeline")

    years.get_by_role("link", name="2025", exact=True).click()

    expect(page).to_have_url(re.compile(r"/timeline/2025/\??$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("2025")
    months = page.get_by_role("region", name="Months")
    expect(months.get_by_role("listitem")).to_have_count(12)
    october = months.get_by_role("link", name=re.compile(r"^Oct"))
    expect(october).to_contain_text(str(october_count))
    shoot("journey-3-year")

    october.click()

    expect(page).to_have_url(re.compile(r"/timeline/2025/10/\??$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("October 2025")
    expect(page.locator("ol.meetings > li")).to_have_count(october_count)
    expect(page.get_by_role("link", name=SEED_TITLE)).to_be_visible()
    shoot("journey-3-month")

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="2025").click()

    expect(page).to_have_url(re.compile(r"/timeline/2025/\??$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("2025")


def choose_in_autocomplete(page, select_name: str, typed: str, result: str) -> None:
    """Pick a value in one of the admin's select2 autocomplete widgets, as a person does."""
    page.locator(f'select[name="{select_name}"] + .select2 .select2-selection').click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(typed)
    page.locator(".select2-results__option", has_text=result).click()
    expect(page.locator(f'select[name="{select_name}"] + .select2')).to_contain_text(result)


def test_an_editor_adds_a_meeting_from_an_article_and_finds_it_published(
    page, demo, places, django_user_model, settings, shoot
):
    # A real password through the real sign-in form, with a hasher that takes no second.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    Meeting.objects.filter(title=WASHINGTON_TITLE).delete()  # not recorded yet
    editor = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))

    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto("/admin/meetings/meeting/")
    page.get_by_role("link", name="Add from article").click()
    page.get_by_label("Article text").fill(ARTICLE)
    page.locator('input[name="url"]').fill("https://wire.example.com/2025/01/22/rubio-jaishankar")
    page.get_by_label("Published on").fill("2025-01-22")
    shoot("journey-4-article")
    page.get_by_role("button", name="Read the article").click()

    # The review: one meeting on Tuesday 21 January in Washington, Rubio matched, the
    # misspelt minister proposed as a new official.
    expect(page.get_by_role("heading", name="Meeting 1")).to_be_visible()
    expect(page.get_by_role("heading", name="Meeting 2")).to_have_count(0)
    expect(page.locator('input[name="m0-date"]')).to_have_value("2025-01-21")
    expect(page.locator('select[name="m0-venue"] + .select2')).to_contain_text("Washington")
    expect(page.locator('input[name="m0-p-0-new_name"]')).to_have_value("Subramanyam Jaishanker")
    expect(page.locator('select[name="m0-p-1-official"] + .select2')).to_contain_text("Marco Rubio")
    shoot("journey-4-review")

    # The editor corrects the first participant to the official already in the tracker.
    choose_in_autocomplete(page, "m0-p-0-official", "Jaishankar", "S. Jaishankar")
    page.locator('input[name="m0-p-0-new_name"]').fill("")
    page.get_by_label("Save the meetings").select_option(label="Publish")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(r"/admin/meetings/meeting/$"))
    expect(page.locator(".messagelist")).to_contain_text("Saved 1 new meeting(s)")
    meeting = Meeting.objects.get(date=datetime.date(2025, 1, 21), venue__slug="washington")
    assert meeting.status == Meeting.Status.PUBLISHED
    assert [p.official.slug for p in meeting.participations.all()] == [
        "s-jaishankar",
        "marco-rubio",
    ]
    assert not Official.objects.filter(name__icontains="Jaishanker").exists()

    # On the public pair page, and from there the meeting itself.
    page.goto("/countries/in/us/")
    history = page.get_by_role("region", name="History")
    link = history.locator(f'a[href="{meeting.get_absolute_url()}"]')
    expect(link).to_be_visible()
    shoot("journey-4-pair")
    link.click()
    participants = page.get_by_role("region", name="Participants")
    expect(participants).to_contain_text("S. Jaishankar, External Affairs Minister")
    expect(participants).to_contain_text("Marco Rubio, Secretary of State")
    expect(page.get_by_role("region", name="Sources")).to_contain_text("Jaishanker met")


def test_a_malformed_date_in_the_filters_shows_a_message_by_the_field(page, demo, shoot):
    page.goto("/meetings/?from=yesterday")

    date_from = page.get_by_label("From", exact=True)
    field = page.locator(".field", has=date_from)
    message = field.locator(".field-error")
    expect(message).to_have_text("“yesterday” is not a date: write it as 2025-10-28.")
    expect(date_from).to_have_attribute("aria-invalid", "true")
    expect(date_from).to_have_accessible_description(
        "“yesterday” is not a date: write it as 2025-10-28."
    )
    expect(page.get_by_role("alert")).to_contain_text("Some filters could not be read")
    # The demo's meetings are published, but none is listed until the filter is fixed.
    expect(page.locator("ol.meetings")).to_have_count(0)
    expect(page.get_by_text("No meetings shown until the filters above are fixed.")).to_be_visible()
    shoot("journey-5-bad-date")
