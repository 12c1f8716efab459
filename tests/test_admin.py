"""The editors' workplace, driven through the admin pages as a superuser and as an editor."""

import datetime
import html

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from meetings.models import (
    Country,
    Meeting,
    MeetingCountry,
    MeetingSource,
    Official,
    Participation,
    Source,
    Topic,
)
from meetings.services import edit_token

pytestmark = pytest.mark.django_db

MEETINGS_MODELS = sorted(
    model._meta.model_name for model in admin.site._registry if model._meta.app_label == "meetings"
)


def management(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    """The POST data of an inline formset: its management form and one dict per row."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    return data


def meeting_post(*, participants=(), sources=(), **fields) -> dict:
    """The add form as an editor fills it: participants by official, sources by id."""
    data = {
        "title": "",
        "date": "2025-10-27",
        "date_precision": "day",
        "kind": "in-person",
        "status": "draft",
        "venue": "",
        "occasion": "",
        "summary": "",
        **fields,
    }
    data |= management(
        "participations",
        [
            {"official": o.pk, "title": "", "country": "", "id": "", "meeting": ""}
            for o in participants
        ],
    )
    data |= management(
        "meeting_sources",
        [{"source": s.pk, "quote": "They met.", "id": "", "meeting": ""} for s in sources],
    )
    return data


def form_errors(response) -> str:
    """Every error the admin page shows, for the assertion messages."""
    errors = [str(response.context["adminform"].form.errors)]
    for inline in response.context["inline_admin_formsets"]:
        errors += [str(inline.formset.non_form_errors()), str(inline.formset.errors)]
    return " ".join(errors)


ADD_URL = "/admin/meetings/meeting/add/"


# Every list, for both kinds of staff


@pytest.mark.parametrize("model_name", MEETINGS_MODELS)
def test_every_admin_list_opens(staff_client, seed_meeting, model_name):
    response = staff_client.get(reverse(f"admin:meetings_{model_name}_changelist"))

    assert response.status_code == 200


@pytest.mark.parametrize("model_name", MEETINGS_MODELS)
def test_every_admin_list_can_be_searched(staff_client, seed_meeting, model_name):
    response = staff_client.get(reverse(f"admin:meetings_{model_name}_changelist"), {"q": "x"})

    assert response.status_code == 200


def test_every_meetings_model_has_an_admin_list():
    assert MEETINGS_MODELS == [
        "country",
        "historyentry",
        "meeting",
        "occasion",
        "official",
        "position",
        "source",
        "topic",
        "venue",
    ]


def test_searching_meetings_by_a_participants_name_finds_the_meeting(admin_client, seed_meeting):
    response = admin_client.get("/admin/meetings/meeting/", {"q": "Rubio"})

    assert list(response.context["cl"].result_list) == [seed_meeting]


def test_the_meeting_list_filters_by_country(admin_client, make_meeting, jaishankar, rubio):
    pair = make_meeting(jaishankar, rubio)
    make_meeting(jaishankar)

    response = admin_client.get("/admin/meetings/meeting/", {"country": "US"})

    assert list(response.context["cl"].result_list) == [pair]


# The meeting form


def test_the_meeting_add_form_has_the_participants_and_sources_inlines(staff_client):
    response = staff_client.get(ADD_URL)

    assert response.status_code == 200
    prefixes = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert prefixes == ["participations", "meeting_sources"]
    content = response.content.decode()
    assert 'name="participations-TOTAL_FORMS"' in content
    assert 'name="meeting_sources-TOTAL_FORMS"' in content


def test_adding_a_meeting_fills_titles_and_countries_and_records_the_editor(
    admin_client, admin_user, jaishankar, rubio, kuala_lumpur, trade
):
    data = meeting_post(
        participants=[jaishankar, rubio],
        title="Jaishankar–Rubio talks",
        venue=kuala_lumpur.pk,
        topics=[trade.pk],
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, form_errors(response)
    meeting = Meeting.objects.get()
    assert meeting.title == "Jaishankar–Rubio talks"
    assert meeting.venue == kuala_lumpur
    assert list(meeting.topics.all()) == [trade]
    titles = {p.official.name: (p.title, p.country.code) for p in meeting.participations.all()}
    assert titles == {
        "S. Jaishankar": ("External Affairs Minister", "IN"),
        "Marco Rubio": ("Secretary of State", "US"),
    }
    assert meeting.created_by == admin_user
    assert meeting.updated_by == admin_user
    assert set(meeting.meeting_countries.values_list("country__code", flat=True)) == {"IN", "US"}


def test_a_participants_title_follows_the_date_entered_on_the_form(admin_client, rubio):
    response = admin_client.post(ADD_URL, meeting_post(participants=[rubio], date="2024-03-01"))

    assert response.status_code == 302, form_errors(response)
    assert Participation.objects.get().title == "Senator for Florida"


def test_a_participant_the_site_cannot_place_needs_a_country(admin_client):
    stranger = Official.objects.create(name="Unknown Envoy")

    response = admin_client.post(ADD_URL, meeting_post(participants=[stranger]))

    assert response.status_code == 200
    assert "Give the country" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_same_official_entered_twice_is_an_error_not_a_crash(admin_client, rubio):
    response = admin_client.post(ADD_URL, meeting_post(participants=[rubio, rubio]))

    assert response.status_code == 200
    assert "Please correct the duplicate data" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_meeting_needs_a_participant(admin_client):
    # The form always shows one participant row, which the browser sends even when left blank.
    data = meeting_post() | management(
        "participations", [{"official": "", "title": "", "country": "", "id": "", "meeting": ""}]
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "A meeting needs at least one participant." in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_meeting_without_any_participant_row_is_refused(admin_client):
    data = meeting_post() | management("participations", [])

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "A meeting needs at least one participant." in response.content.decode()
    assert not Meeting.objects.exists()


def test_publishing_without_a_source_is_refused_and_nothing_is_saved(
    admin_client, jaishankar, rubio
):
    before = Meeting.objects.count()

    response = admin_client.post(
        ADD_URL, meeting_post(participants=[jaishankar, rubio], status="published")
    )

    assert response.status_code == 200
    assert "A published meeting needs at least one source" in response.content.decode()
    assert Meeting.objects.count() == before
    assert not Participation.objects.exists()


def test_publishing_with_a_source_works(admin_client, jaishankar, rubio):
    source = Source.objects.create(url="https://www.mea.gov.in/readout", title="Readout")

    response = admin_client.post(
        ADD_URL,
        meeting_post(participants=[jaishankar, rubio], sources=[source], status="published"),
    )

    assert response.status_code == 302, form_errors(response)
    meeting = Meeting.objects.get()
    assert meeting.is_published
    assert list(meeting.sources.all()) == [source]
    assert MeetingSource.objects.get().quote == "They met."


def test_a_change_by_another_user_updates_updated_by_and_keeps_created_by(
    admin_client, admin_user, editor_client, editor, jaishankar, rubio
):
    source = Source.objects.create(citation="MEA press release", offline=True)
    admin_client.post(ADD_URL, meeting_post(participants=[jaishankar, rubio], sources=[source]))
    meeting = Meeting.objects.get()
    jp, rp = meeting.participations.order_by("id")
    link = meeting.meeting_sources.get()
    data = meeting_post(title="Talks on trade", summary="Tariffs.")
    data |= management(
        "participations",
        [
            {
                "id": p.pk,
                "meeting": meeting.pk,
                "official": p.official_id,
                "title": p.title,
                "country": p.country_id,
            }
            for p in (jp, rp)
        ],
        initial=2,
    )
    data |= management(
        "meeting_sources",
        [{"id": link.pk, "meeting": meeting.pk, "source": source.pk, "quote": link.quote}],
        initial=1,
    )

    data["seen"] = edit_token(meeting)  # the version the form was opened on
    response = editor_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)

    assert response.status_code == 302, form_errors(response)
    meeting.refresh_from_db()
    assert meeting.title == "Talks on trade"
    assert meeting.created_by == admin_user
    assert meeting.updated_by == editor


def test_removing_a_participant_in_the_form_removes_their_country(
    admin_client, seed_meeting, jaishankar, rubio
):
    jp, rp = seed_meeting.participations.order_by("id")
    link = seed_meeting.meeting_sources.get()
    data = meeting_post(
        title=seed_meeting.title,
        status="published",
        venue=seed_meeting.venue_id,
        occasion=seed_meeting.occasion_id,
    )
    data |= management(
        "participations",
        [
            {"id": jp.pk, "meeting": seed_meeting.pk, "official": jaishankar.pk},
            {"id": rp.pk, "meeting": seed_meeting.pk, "official": rubio.pk, "DELETE": "on"},
        ],
        initial=2,
    )
    data |= management(
        "meeting_sources",
        [{"id": link.pk, "meeting": seed_meeting.pk, "source": link.source_id, "quote": "x"}],
        initial=1,
    )

    data["seen"] = edit_token(seed_meeting)  # the version the form was opened on
    response = admin_client.post(f"/admin/meetings/meeting/{seed_meeting.pk}/change/", data)

    assert response.status_code == 302, form_errors(response)
    assert list(seed_meeting.meeting_countries.values_list("country__code", flat=True)) == ["IN"]


# What an editor may and may not do


def test_an_editor_can_add_a_meeting(editor_client, editor, jaishankar, rubio):
    response = editor_client.post(ADD_URL, meeting_post(participants=[jaishankar, rubio]))

    assert response.status_code == 302, form_errors(response)
    meeting = Meeting.objects.get()
    assert meeting.created_by == editor
    assert meeting.participations.count() == 2


def test_an_editor_cannot_delete_a_country(editor_client, india):
    response = editor_client.get(f"/admin/meetings/country/{india.pk}/delete/")
    assert response.status_code == 403

    response = editor_client.post(f"/admin/meetings/country/{india.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Country.objects.filter(pk=india.pk).exists()


def test_an_editor_cannot_see_the_user_accounts(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_a_superuser_can_see_the_user_accounts(admin_client):
    assert admin_client.get("/admin/auth/user/").status_code == 200


def test_the_venue_autocomplete_answers_an_editor(editor_client, kuala_lumpur, washington):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "meetings", "model_name": "meeting", "field_name": "venue", "term": "Kuala"},
    )

    assert response.status_code == 200
    assert response.json()["results"] == [
        {"id": str(kuala_lumpur.pk), "text": "Kuala Lumpur, Malaysia"}
    ]


@pytest.mark.parametrize(
    ("model_name", "field_name", "term", "expected"),
    [
        ("participation", "official", "Rubio", "Marco Rubio"),
        ("participation", "country", "Ind", "India"),
        ("meetingsource", "source", "MEA", "MEA press release"),
        ("meeting", "occasion", "ASEAN", "ASEAN Summit 2025"),
    ],
)
def test_the_editors_autocompletes_find_what_they_type(
    editor_client, seed_meeting, model_name, field_name, term, expected
):
    Source.objects.create(citation="MEA press release")

    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "meetings", "model_name": model_name, "field_name": field_name, "term": term},
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [expected]


def test_the_topics_autocomplete_lists_topics_alphabetically(editor_client, trade, defence):
    Topic.objects.create(name="Climate")

    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "meetings", "model_name": "meeting", "field_name": "topics", "term": "e"},
    )

    assert [r["text"] for r in response.json()["results"]] == ["Climate", "Defence", "Trade"]


def test_an_editor_can_open_a_meeting_someone_else_entered(editor_client, seed_meeting):
    response = editor_client.get(f"/admin/meetings/meeting/{seed_meeting.pk}/change/")

    assert response.status_code == 200
    assert "Jaishankar–Rubio talks in Kuala Lumpur" in response.content.decode()


def test_an_editor_can_delete_a_meeting_and_its_participations(editor_client, seed_meeting):
    url = f"/admin/meetings/meeting/{seed_meeting.pk}/delete/"
    assert editor_client.get(url).status_code == 200

    response = editor_client.post(url, {"post": "yes"})

    assert response.status_code == 302
    assert not Meeting.objects.exists()
    assert not Participation.objects.exists()
    assert not MeetingCountry.objects.exists()
    assert Source.objects.exists()


def test_a_meeting_entered_for_a_month_is_stored_on_the_first(admin_client, jaishankar):
    response = admin_client.post(
        ADD_URL, meeting_post(participants=[jaishankar], date="2025-10-27", date_precision="month")
    )

    assert response.status_code == 302, form_errors(response)
    assert Meeting.objects.get().date == datetime.date(2025, 10, 1)


# Actions


def test_the_publish_action_publishes_only_meetings_with_a_source(
    admin_client, admin_user, make_meeting, jaishankar, rubio
):
    with_source = make_meeting(jaishankar, rubio, status=Meeting.Status.DRAFT)
    without_source = Meeting.objects.create(date=datetime.date(2025, 10, 28))
    Participation.objects.create(meeting=without_source, official=rubio)

    response = admin_client.post(
        "/admin/meetings/meeting/",
        {"action": "publish", ACTION_CHECKBOX_NAME: [with_source.pk, without_source.pk]},
        follow=True,
    )

    assert response.status_code == 200
    with_source.refresh_from_db()
    without_source.refresh_from_db()
    assert with_source.status == Meeting.Status.PUBLISHED
    assert with_source.updated_by == admin_user
    assert without_source.status == Meeting.Status.DRAFT
    messages = [str(m) for m in response.context["messages"]]
    assert "Published 1 meeting(s)." in messages
    assert (
        "1 meeting(s) stay drafts: each needs a participant and a source with a URL or marked "
        "as a print or offline source." in messages
    )


def test_the_unpublish_action_returns_meetings_to_draft(admin_client, seed_meeting):
    admin_client.post(
        "/admin/meetings/meeting/", {"action": "unpublish", ACTION_CHECKBOX_NAME: [seed_meeting.pk]}
    )

    seed_meeting.refresh_from_db()
    assert seed_meeting.status == Meeting.Status.DRAFT
    assert not Meeting.objects.published().exists()


def test_meeting_countries_are_not_editable_in_the_admin(admin_client):
    response = admin_client.get(ADD_URL)

    assert "countries" not in response.context["adminform"].form.fields
    assert not MeetingCountry.objects.exists()


# Speaking plainly


def test_the_delete_page_names_what_goes_in_plain_words(admin_client, seed_meeting):
    response = admin_client.get(f"/admin/meetings/meeting/{seed_meeting.pk}/delete/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Meeting countries: 2" in text
    assert "Meeting country: India" in text
    assert "Meeting topics: 2" in text
    assert "Meeting topic: Trade" in text
    assert "Participant: S. Jaishankar (External Affairs Minister)" in text
    assert " object (" not in text
    assert "countrys" not in text
    # the rows the public pages read are rewritten by the site, not the editor's business
    assert "Subject" not in text
    assert "The officials, venues, occasions, topics and sources themselves stay" in text


def test_an_untitled_meeting_has_the_same_name_in_the_admin_and_on_the_site(
    admin_client, client, make_meeting, jaishankar, rubio
):
    meeting = make_meeting(jaishankar, rubio, title="")
    name = "S. Jaishankar – Marco Rubio"  # by country: India, then the United States

    assert str(meeting) == name
    changelist = admin_client.get("/admin/meetings/meeting/").content.decode()
    change = admin_client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    public_list = client.get("/meetings/").content.decode()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f">{name}</a>" in changelist
    assert f"<h2>{name}</h2>" in change
    assert f">{name}</a></h3>" in public_list
    assert f"<h1>{name}</h1>" in page
    assert f"<title>{name}" in page


def test_the_meeting_list_in_the_admin_reads_names_in_a_fixed_number_of_queries(
    admin_client, make_meeting, jaishankar, rubio, django_assert_max_num_queries
):
    make_meeting(jaishankar, rubio, title="")
    with django_assert_max_num_queries(40) as one:
        admin_client.get("/admin/meetings/meeting/")
    for day in range(2, 22):
        make_meeting(jaishankar, rubio, title="", date=datetime.date(2025, 3, day))

    with django_assert_max_num_queries(len(one.captured_queries)):
        response = admin_client.get("/admin/meetings/meeting/")

    assert response.content.decode().count(">S. Jaishankar – Marco Rubio</a>") == 21


def test_the_meeting_list_filters_by_decade_then_year(admin_client, make_meeting, rubio):
    old = make_meeting(rubio, title="An old meeting", date=datetime.date(1961, 5, 4))
    new = make_meeting(rubio, title="A new meeting", date=datetime.date(2025, 5, 4))

    page = admin_client.get("/admin/meetings/meeting/").content.decode()
    assert "?decade=1960" in page
    assert "?decade=2020" in page
    assert "?year=" not in page  # years appear once a decade is chosen

    sixties = admin_client.get("/admin/meetings/meeting/", {"decade": "1960"})
    assert list(sixties.context["cl"].result_list) == [old]
    assert "year=1961" in sixties.content.decode()
    year = admin_client.get("/admin/meetings/meeting/", {"decade": "2020", "year": "2025"})
    assert list(year.context["cl"].result_list) == [new]
    for bad in ({"decade": "soon"}, {"decade": "99999999"}, {"decade": "2020", "year": "-1"}):
        response = admin_client.get("/admin/meetings/meeting/", bad)
        assert response.status_code == 200
        assert list(response.context["cl"].result_list) == []


def test_the_meeting_list_has_no_wall_of_years_and_no_sidebar_of_models(admin_client, seed_meeting):
    response = admin_client.get("/admin/meetings/meeting/")

    text = response.content.decode()
    assert 'class="xfull"' not in text  # the date hierarchy's row of years
    assert 'id="nav-sidebar"' not in text
    assert "admin-meetings.css" in text


# A source typed in on the meeting's own form


def source_rows(*rows: dict) -> dict:
    """The sources inline with rows of the new-source boxes (no source chosen)."""
    fields = ("source", "quote", "new_url", "new_title", "new_publisher", "new_published_on")
    return management(
        "meeting_sources",
        [{"id": "", "meeting": "", **dict.fromkeys(fields, ""), **row} for row in rows],
    )


def test_a_new_source_is_entered_on_the_meeting_form_without_a_popup(admin_client, jaishankar):
    data = meeting_post(participants=[jaishankar], status="published")
    data |= source_rows(
        {
            "new_url": "https://example.org/readout",
            "new_title": "Readout of the call",
            "new_publisher": "Ministry of External Affairs",
            "new_published_on": "2025-10-28",
            "quote": "The minister spoke with his counterpart.",
        }
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, form_errors(response)
    meeting = Meeting.objects.get()
    assert meeting.is_published
    link = meeting.meeting_sources.get()
    assert link.quote == "The minister spoke with his counterpart."
    assert (link.source.url, link.source.title, link.source.publisher) == (
        "https://example.org/readout",
        "Readout of the call",
        "Ministry of External Affairs",
    )
    assert link.source.published_on == datetime.date(2025, 10, 28)


def test_a_new_source_whose_address_is_known_is_the_source_already_recorded(
    admin_client, jaishankar
):
    known = Source.objects.create(url="https://example.org/readout", title="Readout")
    data = meeting_post(participants=[jaishankar])
    data |= source_rows({"new_url": "https://example.org/readout", "quote": "They spoke."})

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, form_errors(response)
    assert Source.objects.count() == 1
    assert Meeting.objects.get().sources.get() == known


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"quote": "They spoke."}, "Choose the source, or enter a new one below."),
        ({"new_url": "not an address"}, "Enter a valid URL."),
        ({"new_title": "A title alone"}, "Give the source's URL, or a citation when it has none."),
    ],
)
def test_a_new_source_that_cannot_be_saved_is_refused_with_nothing_saved(
    admin_client, jaishankar, row, message
):
    data = meeting_post(participants=[jaishankar]) | source_rows(row)

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert message in html.unescape(form_errors(response))
    assert not Meeting.objects.exists()
    assert not Source.objects.exists()


def test_a_source_chosen_and_typed_in_at_once_is_refused(admin_client, jaishankar):
    known = Source.objects.create(citation="A readout")
    data = meeting_post(participants=[jaishankar]) | source_rows(
        {"source": known.pk, "new_url": "https://example.org/other"}
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "not both" in form_errors(response)
    assert not Meeting.objects.exists()
