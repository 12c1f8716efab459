"""Stored XSS: a payload in every text field an editor or a file can fill, then every kind of
page that shows them opened in Chromium. Each payload must be shown as text: no dialog opens,
no script or event handler from the data reaches the page, and the browser reports no
Content-Security-Policy violation (which would mean markup got through and was only stopped by
the policy)."""

from __future__ import annotations

import datetime
from urllib.parse import quote

import pytest

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

pytestmark = pytest.mark.browser


def payload(tag: str) -> str:
    """Markup that opens a dialog named tag if it ever runs."""
    return f'<img src=x onerror=alert("{tag}")><script>alert("{tag}")</script>"\'>'


@pytest.fixture
def hostile(transactional_db):
    """Two published meetings whose every text field holds a payload."""
    india = Country.objects.create(code="IN", name="India", aliases=payload("c.aliases"))
    union = Country.objects.create(
        code="XA", name=payload("c.name"), kind="union", demonyms=payload("c.demonyms")
    )
    official = Official.objects.create(
        name=payload("o.name"), slug="xss-official", aliases=payload("o.aliases"), country=india
    )
    Position.objects.create(official=official, title=payload("pos.title"), country=india)
    venue = Venue.objects.create(name=payload("v.name"), slug="xss-venue", country=union)
    occasion = Occasion.objects.create(name=payload("occ.name"), slug="xss-occasion", venue=venue)
    topic = Topic.objects.create(name=payload("t.name"), slug="xss-topic", aliases=payload("t.al"))
    source = Source.objects.create(
        url="javascript:alert('s.url')",
        title=payload("s.title"),
        publisher=payload("s.publisher"),
        citation=payload("s.citation"),
        text=payload("s.text"),
    )
    meetings = []
    with writing():
        for title in (payload("m.title"), ""):
            meeting = Meeting.objects.create(
                date=datetime.date(2025, 10, 27),
                status=Meeting.Status.PUBLISHED,
                title=title,
                summary=payload("m.summary"),
                venue=venue,
                occasion=occasion,
            )
            Participation.objects.create(meeting=meeting, official=official, country=india)
            Participation.objects.create(meeting=meeting, title=payload("p.title"), country=union)
            meeting.topics.set([topic])
            MeetingSource.objects.create(meeting=meeting, source=source, quote=payload("ms.q"))
            meetings.append(meeting)
    return {"meetings": meetings, "official": official, "source": source, "topic": topic}


def public_pages(data) -> list[str]:
    first, second = data["meetings"]
    return [
        "/",
        "/meetings/",
        "/meetings/?country=xa&topic=xss-topic",
        "/meetings/?q=" + quote(payload("reflected")),
        "/meetings/?from=" + quote(payload("from")),
        first.get_absolute_url(),
        second.get_absolute_url(),
        "/timeline/",
        "/timeline/2025/",
        "/timeline/2025/10/",
        "/countries/",
        "/countries/xa/",
        "/countries/in/xa/",
        "/officials/",
        "/officials/xss-official/",
        "/topics/",
        "/topics/xss-topic/",
        "/venues/",
        "/venues/xss-venue/",
        "/occasions/",
        "/occasions/xss-occasion/",
        "/countries/zz/?q=" + quote(payload("404")),
    ]


def admin_pages(data) -> list[str]:
    first = data["meetings"][0]
    return [
        "/admin/meetings/meeting/",
        "/admin/meetings/meeting/?q=" + quote(payload("admin-q")),
        f"/admin/meetings/meeting/{first.pk}/change/",
        "/admin/meetings/official/",
        f"/admin/meetings/official/{data['official'].pk}/change/",
        "/admin/meetings/position/",
        "/admin/meetings/source/",
        f"/admin/meetings/source/{data['source'].pk}/change/",
        "/admin/meetings/topic/",
        f"/admin/meetings/topic/{data['topic'].pk}/change/",
        "/admin/meetings/venue/",
        "/admin/meetings/occasion/",
        "/admin/meetings/country/?q=XA",
    ]


# Listens for policy violations from the first moment of every page (Playwright injects it
# through the browser, so the page's own policy does not apply to it).
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""

# What the page would hold if a payload had become markup.
SMUGGLED = """() => ({
    handlers: document.querySelectorAll("[onerror], [onload]:not(body)").length,
    scripts: [...document.scripts].filter((s) => s.text.includes("alert(")).length,
    links: document.querySelectorAll("a[href^='javascript' i]").length,
    shown: document.body.innerText + " " +
        [...document.querySelectorAll("input, textarea")].map((e) => e.value).join(" "),
    violations: window.__violations,
})"""


# Pages that show numbers of meetings and no text of theirs (the payloads cannot appear).
COUNTS_ONLY = {"/timeline/"}


def visit_all(page, pages: list[str]) -> list[str]:
    dialogs, console = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(WATCH)
    problems = []
    for url in pages:
        dialogs.clear()
        console.clear()
        response = page.goto(url)
        page.wait_for_load_state("load")
        found = page.evaluate(SMUGGLED)
        where = f"{url} ({response.status if response else 'no answer'})"
        if response is None or response.status >= 500:
            problems.append(f"{where}: server error")
        if dialogs:
            problems.append(f"{where}: a dialog opened: {dialogs}")
        if found["handlers"] or found["scripts"] or found["links"]:
            problems.append(f"{where}: markup from the data reached the page: {found}")
        if found["violations"] or console:
            problems.append(f"{where}: policy violations {found['violations']} {console}")
        if url not in COUNTS_ONLY and 'onerror=alert("' not in found["shown"]:
            problems.append(f"{where}: no payload shown as text")
    return problems


def test_payloads_in_every_field_are_shown_as_text_on_every_public_page(page, hostile):
    problems = visit_all(page, public_pages(hostile))
    assert not problems, "\n".join(problems)


def test_payloads_in_every_field_are_shown_as_text_in_the_admin(signed_in, hostile):
    problems = visit_all(signed_in, admin_pages(hostile))
    assert not problems, "\n".join(problems)
