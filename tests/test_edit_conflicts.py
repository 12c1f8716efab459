"""Two editors on one meeting: the second save from a form opened before the first is refused
with who changed it and when, and what differs, instead of silently undoing the first."""

import datetime

import pytest
from django.test import Client

from meetings.models import Meeting, Participation
from tests.intake_fixtures import rendered_form

pytestmark = pytest.mark.django_db


def change_url(meeting: Meeting) -> str:
    return f"/admin/meetings/meeting/{meeting.pk}/change/"


def opened(client, meeting: Meeting) -> dict:
    """The change form as the page renders it, ready to post back."""
    response = client.get(change_url(meeting))
    assert response.status_code == 200
    return rendered_form(response.text, "title")


@pytest.fixture
def alice(django_user_model):
    user = django_user_model.objects.create_superuser("alice", "alice@example.org", None)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def bob(editor_client):
    return editor_client


def test_a_save_from_a_form_opened_before_another_save_is_refused_and_undoes_nothing(
    alice, bob, seed_meeting
):
    hers, his = opened(alice, seed_meeting), opened(bob, seed_meeting)

    assert alice.post(change_url(seed_meeting), hers | {"title": "Talks in KL"}).status_code == 302
    response = bob.post(change_url(seed_meeting), his | {"summary": "Trade, mostly."})

    assert response.status_code == 200
    seed_meeting.refresh_from_db()
    assert seed_meeting.title == "Talks in KL"  # her change stands
    assert seed_meeting.summary == "Trade and defence on the sidelines of the ASEAN summit."
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "This meeting was changed by alice at " in errors
    assert "since you opened it, and your changes are not saved yet" in errors


def test_the_refusal_shows_what_is_saved_beside_the_editors_form(alice, bob, seed_meeting):
    hers, his = opened(alice, seed_meeting), opened(bob, seed_meeting)
    alice.post(change_url(seed_meeting), hers | {"title": "Talks in KL"})

    response = bob.post(change_url(seed_meeting), his | {"summary": "Trade, mostly."})

    rows = {row["label"].lower(): row for row in response.context["conflict"]["rows"]}
    assert rows["title"]["saved"] == "Talks in KL"
    assert rows["title"]["yours"] == "Jaishankar–Rubio talks in Kuala Lumpur"
    assert rows["summary"]["yours"] == "Trade, mostly."
    assert "date" not in rows  # only what differs
    assert "Changed since you opened it" in response.text
    assert "Saved now (by alice)" in response.text
    assert "Talks in KL" in response.text


def test_saving_again_after_the_review_replaces_the_saved_version(alice, bob, seed_meeting):
    hers, his = opened(alice, seed_meeting), opened(bob, seed_meeting)
    alice.post(change_url(seed_meeting), hers | {"title": "Talks in KL"})
    refused = bob.post(change_url(seed_meeting), his | {"summary": "Trade, mostly."})

    again = rendered_form(refused.text, "title")  # the page he was shown, as it is
    assert bob.post(change_url(seed_meeting), again).status_code == 302

    seed_meeting.refresh_from_db()
    assert seed_meeting.summary == "Trade, mostly."
    assert seed_meeting.title == "Jaishankar–Rubio talks in Kuala Lumpur"


def test_one_editor_saving_twice_from_fresh_forms_is_no_conflict(alice, seed_meeting):
    url = change_url(seed_meeting)
    assert alice.post(url, opened(alice, seed_meeting) | {"title": "One"}).status_code == 302
    assert alice.post(url, opened(alice, seed_meeting) | {"title": "Two"}).status_code == 302
    seed_meeting.refresh_from_db()
    assert seed_meeting.title == "Two"


def test_publishing_from_the_list_since_the_form_was_opened_is_a_change_too(
    alice, bob, make_meeting, rubio
):
    draft = make_meeting(rubio, status=Meeting.Status.DRAFT)
    his = opened(bob, draft)
    alice.post(
        "/admin/meetings/meeting/", {"action": "publish", "_selected_action": [str(draft.pk)]}
    )

    response = bob.post(change_url(draft), his | {"summary": "Added later."})

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Meeting.Status.PUBLISHED  # his stale "draft" did not undo it
    rows = {row["label"].lower(): row for row in response.context["conflict"]["rows"]}
    assert rows["status"] == {
        "label": rows["status"]["label"],
        "saved": "Published",
        "yours": "Draft",
    }


def test_a_form_without_the_version_it_was_opened_on_is_refused(alice, seed_meeting):
    form = opened(alice, seed_meeting)
    form.pop("seen")
    response = alice.post(change_url(seed_meeting), form | {"title": "Blind"})
    assert response.status_code == 200
    seed_meeting.refresh_from_db()
    assert seed_meeting.title != "Blind"


def test_a_participant_removed_since_the_form_was_opened_is_named_on_its_row(
    alice, bob, seed_meeting
):
    hers, his = opened(alice, seed_meeting), opened(bob, seed_meeting)
    # she removes Jaishankar (the first participant row) and saves
    jaishankar_row = next(
        k.split("-")[1]
        for k, v in hers.items()
        if k.startswith("participations-")
        and k.endswith("-official")
        and v == str(seed_meeting.participations.get(official__slug="s-jaishankar").official_id)
    )
    assert (
        alice.post(
            change_url(seed_meeting), hers | {f"participations-{jaishankar_row}-DELETE": "on"}
        ).status_code
        == 302
    )
    assert not Participation.objects.filter(
        meeting=seed_meeting, official__slug="s-jaishankar"
    ).exists()

    response = bob.post(change_url(seed_meeting), his | {"summary": "Trade, mostly."})

    assert response.status_code == 200
    assert "This participant was removed from the meeting by someone else" in response.text
    assert "This meeting was changed by alice" in response.text
    rows = {row["label"]: row for row in response.context["conflict"]["rows"]}
    assert rows["Participants"]["saved"] == "Marco Rubio (Secretary of State)"


def test_the_edit_service_refuses_an_out_of_date_version(seed_meeting):
    from meetings import services

    with services.writing():
        assert (
            services.lock_for_edit(
                meeting_id=seed_meeting.pk, seen=services.edit_token(seed_meeting)
            )
            == seed_meeting
        )
    older = (seed_meeting.updated_at - datetime.timedelta(seconds=1)).isoformat()
    with pytest.raises(services.EditConflict) as conflict, services.writing():
        services.lock_for_edit(meeting_id=seed_meeting.pk, seen=older)
    assert conflict.value.current == seed_meeting
