"""Tampered staff input (a NUL byte, a word where an id goes) gets a message, never a 500, on
SQLite and on PostgreSQL (which refuses NUL in any text)."""

import pytest
from django.contrib import admin
from django.test import Client

from meetings.models import Meeting
from tests.intake_fixtures import rendered_form
from tests.test_admin import ADD_URL, meeting_post

pytestmark = pytest.mark.django_db

CHANGELISTS = sorted(
    f"/admin/{m._meta.app_label}/{m._meta.model_name}/"
    for m in admin.site._registry
    if m._meta.app_label == "meetings"
)


@pytest.fixture
def staff(admin_user):
    """The admin as a browser meets it: error pages, not exceptions."""
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


@pytest.mark.parametrize("url", CHANGELISTS)
@pytest.mark.parametrize("query", ["q=%00", "q=Rubio%00", "q=%00%00%00"])
def test_a_nul_in_an_admin_search_is_refused_with_a_message(staff, seed_meeting, url, query):
    response = staff.get(f"{url}?{query}", follow=True)
    assert response.status_code == 200
    assert any("NUL" in m for m in messages_of(response)), messages_of(response)


@pytest.mark.parametrize(
    "query",
    [
        "status=%00",
        "kind=call%00",
        "country=%00",
        "country=in%00",
        "occasion__id__exact=%00",
        "date_precision=%00",
        "date__year=%00",
        "o=%00",
        "p=%00",
        "%00=1",
    ],
)
def test_a_nul_in_an_admin_list_filter_is_refused_with_a_message(staff, seed_meeting, query):
    response = staff.get(f"/admin/meetings/meeting/?{query}", follow=True)
    assert response.status_code == 200
    assert any("NUL" in m for m in messages_of(response)), messages_of(response)


@pytest.mark.parametrize(
    ("model", "field"),
    [
        ("meeting", "venue"),
        ("meeting", "occasion"),
        ("meeting", "topics"),
        ("participation", "official"),
        ("participation", "country"),
        ("meetingsource", "source"),
        ("position", "official"),
    ],
)
@pytest.mark.parametrize("term", ["%00", "Kuala%00Lumpur"])
def test_a_nul_in_an_autocomplete_term_finds_nothing_without_an_error(
    staff, seed_meeting, model, field, term
):
    response = staff.get(
        f"/admin/autocomplete/?term={term}&app_label=meetings&model_name={model}&field_name={field}"
    )
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize(
    "tampered",
    [
        {"venue": "abc"},
        {"venue": "1e3"},
        {"occasion": "x"},
        {"topics": ["1", "abc"]},
        {"venue": "99999999999999999999999"},
        {"participations-0-official": "abc"},
        {"participations-0-country": "abc"},
        {"participations-0-id": "abc"},
        {"meeting_sources-0-source": "abc"},
        {"title": "a\x00b"},
        {"summary": "\x00"},
    ],
    ids=lambda d: ",".join(d),
)
def test_a_word_where_an_id_goes_in_the_meeting_form_gets_a_message(staff, rubio, tampered):
    data = meeting_post(participants=[rubio], sources=[]) | {
        "meeting_sources-TOTAL_FORMS": "1",
        "meeting_sources-0-source": "",
        "meeting_sources-0-quote": "",
        "meeting_sources-0-id": "",
        "meeting_sources-0-meeting": "",
    }
    data |= tampered
    response = staff.post(ADD_URL, data)
    assert response.status_code == 200
    assert "Please correct the error" in response.text
    assert not Meeting.objects.exists()


def test_a_word_where_an_id_goes_in_a_list_action_changes_nothing(staff, seed_meeting):
    response = staff.post(
        "/admin/meetings/meeting/",
        {"action": "unpublish", "_selected_action": ["abc", "\x00", str(seed_meeting.pk)]},
        follow=True,
    )
    assert response.status_code == 200
    assert any("not a row of this list" in m for m in messages_of(response))
    seed_meeting.refresh_from_db()
    assert seed_meeting.status == Meeting.Status.PUBLISHED


# The article intake's save step, tampered


INTAKE_URL = "/admin/meetings/meeting/from-article/"


@pytest.fixture
def review(staff, rubio, jaishankar):
    """The review step's fields for one meeting, as the page renders them after reading an
    article (the signed reading included)."""
    page = staff.post(
        INTAKE_URL,
        {
            "text": "Secretary of State Marco Rubio met External Affairs Minister "
            "S. Jaishankar of India in Kuala Lumpur on Monday.",
            "published_on": "2025-10-28",
        },
    )
    assert page.status_code == 200
    data = rendered_form(page.content.decode(), "save")
    assert data["count"] == "1"
    return data


def test_the_untampered_review_saves(staff, review):
    assert staff.post(INTAKE_URL, review).status_code == 302
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize(
    "tampered",
    [
        {"m0-venue": "abc"},
        {"m0-venue": "99999999999999999999999"},
        {"m0-occasion": "abc"},
        {"m0-topics": ["abc"]},
        {"m0-new_venue_name": "Nowhere", "m0-new_venue_country": "abc"},
        {"m0-p-0-official": "abc"},
        {"m0-p-0-official": "1\x00"},
        {"m0-p-0-country": "abc"},
        {"m0-action": "attach-abc"},
        {"m0-action": "attach-\u00b2"},
        {"m0-action": "attach-99999999999999999999999"},
        {"m0-p-TOTAL_FORMS": "abc"},
        {"m0-date": "\x00"},
        {"count": "abc"},
        {"count": "-1"},
        {"count": "100000"},
    ],
    ids=lambda d: ",".join(f"{k}={v!r}" for k, v in d.items()),
)
def test_a_word_where_an_id_goes_in_the_article_review_gets_a_message(staff, review, tampered):
    response = staff.post(INTAKE_URL, review | tampered, follow=True)
    assert response.status_code == 200
    shown = messages_of(response)
    assert any("nothing was saved" in m.lower() or "incomplete" in m for m in shown), shown
    assert not Meeting.objects.exists()
