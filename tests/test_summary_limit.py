"""A summary is a paragraph or two: every road in refuses more than 5,000 characters, with a
message, so no page grows to the size of a pasted book."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from meetings.intake.forms import MeetingReviewForm
from meetings.models import SUMMARY_MAX, Meeting
from tests.test_admin import ADD_URL, form_errors, meeting_post
from tests.test_bulk import countries, meeting_line, run, write_lines  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

TOO_LONG = "word " * (SUMMARY_MAX // 5) + "x"


def test_the_limit_is_five_thousand_characters():
    assert SUMMARY_MAX == 5000
    assert len(TOO_LONG) == SUMMARY_MAX + 1


def test_the_admin_refuses_a_summary_over_the_limit_with_a_message(admin_client, rubio):
    response = admin_client.post(ADD_URL, meeting_post(participants=[rubio], summary=TOO_LONG))
    assert response.status_code == 200
    assert "Ensure this value has at most 5000 characters (it has 5001)." in form_errors(response)
    assert not Meeting.objects.exists()


def test_the_admin_takes_a_summary_at_the_limit(admin_client, rubio):
    summary = "x" * SUMMARY_MAX
    response = admin_client.post(ADD_URL, meeting_post(participants=[rubio], summary=summary))
    assert response.status_code == 302, form_errors(response)
    assert Meeting.objects.get().summary == summary


def test_the_admin_form_tells_the_browser_the_limit(admin_client):
    assert 'maxlength="5000"' in admin_client.get(ADD_URL).text


def test_the_article_review_refuses_a_summary_over_the_limit():
    data = {
        "m0-include": "on",
        "m0-action": "new",
        "m0-date": "2025-10-27",
        "m0-date_precision": "day",
        "m0-kind": "in-person",
        "m0-summary": TOO_LONG,
    }
    form = MeetingReviewForm(data, prefix="m0")
    assert not form.is_valid()
    assert form.errors["summary"] == [
        "Ensure this value has at most 5000 characters (it has 5001)."
    ]


def test_the_importer_refuses_a_line_with_a_summary_over_the_limit(tmp_path, countries):  # noqa: F811
    path = tmp_path / "long.jsonl"
    write_lines(path, [meeting_line(1, summary=TOO_LONG), meeting_line(2)])
    out, err = run("import_meetings", str(path))
    assert "line 1" in err and "summary: longer than 5000 characters" in err
    assert list(Meeting.objects.values_list("title", flat=True)) == ["Meeting 2"]


def test_the_database_refuses_a_summary_over_the_limit():
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(date=datetime.date(2025, 10, 27), summary=TOO_LONG)
