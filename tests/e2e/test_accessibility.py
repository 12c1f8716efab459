"""Accessibility in a real browser: axe on every public page and on the intake form, the skip
link, and a visible focus outline."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.intake_fixtures import SEED_TITLE

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}

# Django's own admin, not ours to change. Its autocomplete fields are the select2 4.0.13 that
# Django vendors, which fails three checks wherever it is used (Django's own meeting form too):
# - aria-input-field-name: its combobox is named by the span showing the chosen value, which
#   is empty while nothing is chosen;
# - list: a multiple selection is a <ul> whose search box is wrapped in a non-<li> element;
# - label: that inline search box has no label.
# The first two rules fire on nothing else, so they are off on admin pages only. "label" stays
# on for our own fields: only select2's search box is left out of the check.
ADMIN_EXCLUDED_RULES = {
    "aria-input-field-name": "select2's combobox is unnamed while empty (Django's widget)",
    "list": "select2's multiple selection puts a non-<li> in its <ul> (Django's widget)",
}
ADMIN_EXCLUDED_NODES = [".select2-search__field"]  # select2's unlabelled search box

INTAKE_URL = "/admin/meetings/meeting/from-article/"
ARTICLE = (
    "NEW DELHI, March 5 (Wire) - Prime Minister Narendra Modi spoke by phone with Australian "
    "Prime Minister Anthony Albanese on Wednesday. They discussed trade and critical minerals."
)


def public_pages() -> dict[str, str]:
    """Every kind of public page, at an address the demo data fills."""
    seed = Meeting.objects.get(title=SEED_TITLE)
    return {
        "home": "/",
        "list": "/meetings/",
        "list with an error": "/meetings/?from=yesterday",
        "meeting": seed.get_absolute_url(),
        "timeline": "/timeline/",
        "timeline of a decade": "/timeline/?period=2020s",
        "timeline of a year": "/timeline/?period=2025",
        "timeline of a month": "/timeline/?period=2025-10",
        "timeline of a day": "/timeline/?country=in&period=2025-10-27",
        "map": "/map/",
        "map of a country": "/map/?country=in",
        "map of a pair": "/map/?country=in&country=us",
        "year": "/timeline/2025/",
        "month": "/timeline/2025/10/",
        "countries": "/countries/",
        "country": "/countries/in/",
        "pair": "/countries/in/us/",
        "officials": "/officials/",
        "official": "/officials/s-jaishankar/",
        "topics": "/topics/",
        "topic": "/topics/trade/",
        "venues": "/venues/",
        "venue": "/venues/kuala-lumpur/",
        "occasions": "/occasions/",
        "occasion": "/occasions/asean-summit-2025/",
        "about": "/about/",
    }


def axe(page, *, admin: bool = False) -> list[dict]:
    """axe's violations on the page as it is now, of every impact."""
    options = {"resultTypes": ["violations"]}
    context = None
    if admin:
        options["rules"] = {rule: {"enabled": False} for rule in ADMIN_EXCLUDED_RULES}
        context = {"exclude": ADMIN_EXCLUDED_NODES}
    return Axe().run(page, context=context, options=options).response["violations"]


def describe(name: str, found: list[dict]) -> list[str]:
    lines = []
    for v in found:
        lines.append(f"{name}: [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes)")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary']!r}")
    return lines


class Audit:
    """Violations collected page by page; the serious and critical ones fail the test."""

    def __init__(self):
        self.report: list[str] = []
        self.blocking: list[str] = []

    def check(self, name: str, page, *, admin: bool = False) -> None:
        found = axe(page, admin=admin)
        self.report += describe(name, found)
        self.blocking += [f"{name}: {v['id']}" for v in found if v["impact"] in BLOCKING]

    def assert_clean(self, what: str) -> None:
        print("\n".join(self.report) or f"axe: no violations on {what}")
        assert not self.blocking, "\n".join(self.report)


def test_public_pages_have_no_serious_or_critical_axe_violations(page, demo):
    audit = Audit()
    for name, url in public_pages().items():
        response = page.goto(url)
        assert response.status == 200, url
        audit.check(name, page)
    audit.assert_clean("the public pages")


def test_the_intake_form_and_its_review_have_no_serious_or_critical_axe_violations(
    signed_in, demo, one_place
):
    page = signed_in
    audit = Audit()
    response = page.goto(INTAKE_URL)
    assert response.status == 200
    audit.check("intake: the article", page, admin=True)

    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_label("Published on").fill("2026-03-05")
    page.get_by_role("button", name="Read the article").click()
    expect(page.get_by_role("heading", name="Meeting 1")).to_be_visible()
    audit.check("intake: the review", page, admin=True)

    audit.assert_clean("the intake form and its review")


def focused(page) -> dict:
    """What has the keyboard focus: tag, id, class, text and where it is drawn."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const box = el.getBoundingClientRect();
            return {tag: el.tagName.toLowerCase(), id: el.id, cls: el.className,
                    text: el.textContent.trim(), left: box.left, top: box.top,
                    width: box.width, height: box.height};
        }"""
    )


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_the_main_content(
    page, transactional_db
):
    page.goto("/meetings/")

    page.keyboard.press("Tab")

    first = focused(page)
    assert (first["tag"], first["text"]) == ("a", "Skip to content")
    # Shown on screen once focused, not left off to the side.
    assert first["left"] >= 0 and first["top"] >= 0
    assert first["width"] > 0 and first["height"] > 0

    page.keyboard.press("Enter")

    assert focused(page)["id"] == "content"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # The next Tab goes on from the main content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('content').contains(document.activeElement)")


def test_links_focused_from_the_keyboard_show_an_outline(page, transactional_db):
    page.goto("/")
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => {
                const el = document.activeElement;
                const s = getComputedStyle(el);
                return {tag: el.tagName.toLowerCase(), text: el.textContent.trim(),
                        style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                        color: s.outlineColor};
            }"""
        )
        if style["tag"] == "a":
            seen.append(style)
    assert len(seen) >= 8, seen  # skip link, brand, the main navigation, links in the page
    for link in seen:
        assert link["style"] != "none" and link["width"] >= 2, link
