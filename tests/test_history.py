"""The change history: who changed what and when, for the admin's actions and the imports too."""

import datetime
import json
from io import StringIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings import history
from meetings.countries import load_countries
from meetings.models import Meeting

pytestmark = pytest.mark.django_db


def entries_of(obj) -> list[tuple[str, int, str]]:
    """The history of one object, oldest first: (user, action, message)."""
    return [
        (e.user.get_username(), e.action_flag, e.get_change_message())
        for e in LogEntry.objects.filter(object_id=str(obj.pk)).order_by("action_time", "id")
    ]


def test_publishing_from_the_list_records_each_meeting_published_and_by_whom(
    admin_client, admin_user, make_meeting, jaishankar, rubio
):
    draft = make_meeting(jaishankar, rubio, status=Meeting.Status.DRAFT)
    already = make_meeting(rubio, date=datetime.date(2025, 3, 1))

    admin_client.post(
        "/admin/meetings/meeting/",
        {"action": "publish", ACTION_CHECKBOX_NAME: [draft.pk, already.pk]},
    )

    assert entries_of(draft) == [("admin", CHANGE, "Published.")]
    assert entries_of(already) == []  # it was published before: nothing changed
    history_page = admin_client.get(f"/admin/meetings/meeting/{draft.pk}/history/")
    assert "Published." in history_page.content.decode()


def test_returning_meetings_to_draft_records_each_of_them(
    editor_client, editor, make_meeting, jaishankar, rubio
):
    one = make_meeting(jaishankar, rubio)
    two = make_meeting(rubio, date=datetime.date(2025, 3, 1))

    editor_client.post(
        "/admin/meetings/meeting/", {"action": "unpublish", ACTION_CHECKBOX_NAME: [one.pk, two.pk]}
    )

    assert entries_of(one) == [("editor", CHANGE, "Returned to draft.")]
    assert entries_of(two) == [("editor", CHANGE, "Returned to draft.")]
    assert LogEntry.objects.get(object_id=str(one.pk)).object_repr == str(one)


def write_file(path, *lines) -> str:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return str(path)


MEETING_LINE = {
    "uid": "6f1c9a52-3b1e-4c8e-9d7a-2a4f0c1b9e11",
    "date": "2025-10-27",
    "participants": [
        {"official": {"slug": "marco-rubio", "name": "Marco Rubio"}, "title": "", "country": "US"}
    ],
}


def test_an_import_is_recorded_once_per_run_under_the_commands_account(tmp_path):
    load_countries()
    path = write_file(tmp_path / "meetings.jsonl", MEETING_LINE)

    call_command("import_meetings", path, stdout=StringIO(), stderr=StringIO())
    call_command("import_meetings", path, stdout=StringIO(), stderr=StringIO())

    first, second = LogEntry.objects.order_by("id")
    assert first.user.get_username() == history.COMMAND_ACCOUNT
    assert first.object_repr == "import_meetings meetings.jsonl"
    assert first.get_change_message().startswith("1 created, 0 unchanged, 0 updated")
    assert second.get_change_message().startswith("0 created, 1 unchanged, 0 updated")
    assert first.content_type.model_class() is Meeting
    # nobody can sign in as the commands account
    account = first.user
    assert not account.is_active
    assert not account.has_usable_password()


def test_an_import_names_the_account_given_and_refuses_an_unknown_one(tmp_path, admin_user):
    load_countries()
    path = write_file(tmp_path / "meetings.jsonl", MEETING_LINE)

    with pytest.raises(CommandError, match="No account is called 'nobody'"):
        call_command("import_meetings", path, "--user", "nobody", stdout=StringIO())
    assert not Meeting.objects.exists()

    call_command("import_meetings", path, "--user", "admin", stdout=StringIO(), stderr=StringIO())
    assert LogEntry.objects.get().user == admin_user


def test_the_commands_account_does_not_count_as_someone_to_sign_in(db):
    history.command_user()
    people = get_user_model().objects.exclude(username=history.COMMAND_ACCOUNT)

    assert not people.exists()


def test_the_change_history_lists_every_entry_and_shows_an_editor_only_the_meetings_side(
    admin_client, editor_client, admin_user, editor, make_meeting, rubio
):
    meeting = make_meeting(rubio, status=Meeting.Status.DRAFT)
    history.record(admin_user, [(meeting, CHANGE, "Published."), (editor, CHANGE, "Renamed.")])

    everything = admin_client.get("/admin/meetings/historyentry/").content.decode()
    for_editor = editor_client.get("/admin/meetings/historyentry/")

    assert "Published." in everything and "Renamed." in everything
    assert for_editor.status_code == 200
    assert "Published." in for_editor.content.decode()
    assert "Renamed." not in for_editor.content.decode()
    entry = LogEntry.objects.get(change_message="Published.")
    assert editor_client.post(f"/admin/meetings/historyentry/{entry.pk}/delete/").status_code == 403
    assert admin_client.get("/admin/meetings/historyentry/add/").status_code == 403
