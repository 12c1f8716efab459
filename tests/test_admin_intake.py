"""Admin → Meetings → Add from article, driven as an editor would: paste, review, save.

The review step is posted back exactly as the page renders it (its fields parsed from the HTML),
so a broken template fails here. The demo data is loaded once for the module; tests that need a
database without the demo's copy of the seed meeting delete it inside their own transaction.
"""

import datetime
import html

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from meetings import services
from meetings.intake.forms import (
    MAX_MEETINGS,
    MAX_PARTICIPANTS,
    MeetingReviewForm,
    ParticipantFormSet,
)
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
from tests.intake_fixtures import SEED_TITLE, rendered_form, seed_article, world_loaded

INTAKE_URL = "/admin/meetings/meeting/from-article/"
SEED = seed_article()
# A Tuesday in a month with no demo meeting, so nothing is "probably already recorded".
QUIET_TUESDAY = "2025-05-20"
QUIET_MONDAY = datetime.date(2025, 5, 19)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Countries, places and the demo data set, once for the module."""
    with world_loaded(django_db_blocker, demo=True):
        yield


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("world")]


@pytest.fixture
def jaishankar():
    return Official.objects.get(slug="s-jaishankar")


@pytest.fixture
def rubio():
    return Official.objects.get(slug="marco-rubio")


@pytest.fixture
def seed_meeting():
    """The demo's copy of the meeting the seed article reports."""
    return Meeting.objects.get(title=SEED_TITLE)


@pytest.fixture
def without_demo_copy(seed_meeting):
    """A database in which the seed meeting is not recorded yet."""
    seed_meeting.delete()


def read(client, text: str, published: str = "2025-10-28", **fields):
    """Step one: the article posted; returns the review page."""
    return client.post(INTAKE_URL, {"text": text, "published_on": published, **fields})


def review_of(response) -> dict:
    """The review form's fields as the page renders them, ready to post back."""
    assert response.status_code == 200
    return rendered_form(response.content.decode(), "save")


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def counts() -> dict[str, int]:
    models = [Source, Meeting, MeetingSource, Participation, Official, Position, Venue, Occasion]
    return {model.__name__: model.objects.count() for model in models}


# Getting there


def test_the_intake_page_has_its_admin_address():
    assert reverse("admin:meetings_meeting_intake") == INTAKE_URL


def test_the_meetings_list_shows_an_add_from_article_link(staff_client):
    response = staff_client.get("/admin/meetings/meeting/")

    assert response.status_code == 200
    assert f'<a href="{INTAKE_URL}" class="addlink">Add from article</a>' in response.text


def test_the_form_asks_for_the_article(staff_client):
    response = staff_client.get(INTAKE_URL)

    assert response.status_code == 200
    form = rendered_form(response.text, "text")
    assert {"text", "url", "title", "publisher", "published_on"} <= set(form)
    assert 'type="file" name="page"' in response.text
    assert "Read the article" in response.text


def test_a_staff_user_who_may_not_add_meetings_is_refused(django_user_model):
    user = django_user_model.objects.create_user("reader", password=None, is_staff=True)
    client = Client()
    client.force_login(user)

    assert client.get(INTAKE_URL).status_code == 403
    assert client.post(INTAKE_URL, {"text": SEED["text"]}).status_code == 403
    assert client.post(INTAKE_URL, {"save": "1", "count": "0"}).status_code == 403


def test_the_changelist_of_a_user_who_may_only_view_meetings_has_no_intake_link(
    django_user_model,
):
    user = django_user_model.objects.create_user("viewer", password=None, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_meeting"))
    client = Client()
    client.force_login(user)

    response = client.get("/admin/meetings/meeting/")

    assert response.status_code == 200
    assert "Add from article" not in response.text


# The review


def test_the_seed_article_proposes_one_meeting_with_jaishankar_and_rubio(
    staff_client, jaishankar, rubio
):
    response = read(staff_client, SEED["text"])

    data = review_of(response)
    assert data["count"] == "1"
    assert "m1-date" not in data
    assert (data["m0-p-0-official"], data["m0-p-1-official"]) == (str(jaishankar.pk), str(rubio.pk))
    assert (data["m0-p-0-title"], data["m0-p-1-title"]) == (
        "External Affairs Minister",
        "Secretary of State",
    )
    india, usa = Country.objects.get(code="IN"), Country.objects.get(code="US")
    assert (data["m0-p-0-country"], data["m0-p-1-country"]) == (str(india.pk), str(usa.pk))
    assert (data["m0-date"], data["m0-date_precision"], data["m0-kind"]) == (
        "2025-10-27",
        "day",
        "in-person",
    )
    assert data["m0-venue"] == str(Venue.objects.get(slug="kuala-lumpur").pk)
    assert data["m0-occasion"] == str(Occasion.objects.get(slug="asean-summit-2025").pk)
    assert data["m0-include"] == "on"
    text = page_text(response)
    assert "S. Jaishankar" in text
    assert "Marco Rubio" in text
    assert "<mark>Monday</mark>" in text or "<mark>on Monday</mark>" in text


def test_without_the_demo_copy_saving_publishes_the_meeting_on_the_pair_page(
    staff_client, without_demo_copy, jaishankar, rubio, client
):
    data = review_of(read(staff_client, SEED["text"]))
    assert data["m0-action"] == "new"
    data["status"] = "published"
    data["url"] = "https://wire.example.com/2025/10/28/jaishankar-rubio"  # publishing needs it

    response = staff_client.post(INTAKE_URL, data, follow=True)

    assert response.redirect_chain[-1][0] == "/admin/meetings/meeting/"
    assert any("Saved 1 new meeting(s)" in m for m in messages_of(response))
    meeting = Meeting.objects.get(date=datetime.date(2025, 10, 27))
    assert meeting.status == Meeting.Status.PUBLISHED
    assert meeting.created_by == response.wsgi_request.user
    assert [(p.official, p.title, p.country.code) for p in meeting.participations.all()] == [
        (jaishankar, "External Affairs Minister", "IN"),
        (rubio, "Secretary of State", "US"),
    ]
    assert meeting.venue.slug == "kuala-lumpur"
    assert meeting.occasion.slug == "asean-summit-2025"
    topics = {topic.name for topic in meeting.topics.all()}
    assert {"Trade", "Defence", "South China Sea", "Cybersecurity", "Counterterrorism"} <= topics
    link = meeting.meeting_sources.get()
    assert link.source.text.startswith("KUALA LUMPUR, Oct 28 (Wire)")
    assert link.source.published_on == datetime.date(2025, 10, 28)
    assert "held talks in the Malaysian capital on Monday" in link.quote

    pair = client.get("/countries/in/us/")
    assert pair.status_code == 200
    assert f'href="{meeting.get_absolute_url()}"' in pair.text


def test_meetings_are_saved_as_drafts_unless_published(admin_client, without_demo_copy, client):
    data = review_of(read(admin_client, SEED["text"]))
    assert data["status"] == "draft"

    admin_client.post(INTAKE_URL, data)

    meeting = Meeting.objects.get(date=datetime.date(2025, 10, 27))
    assert meeting.status == Meeting.Status.DRAFT
    assert f'href="{meeting.get_absolute_url()}"' not in client.get("/countries/in/us/").text
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_with_the_demo_copy_the_form_proposes_the_existing_record(staff_client, seed_meeting):
    response = read(staff_client, SEED["text"])

    data = review_of(response)
    assert data["m0-action"] == f"attach-{seed_meeting.pk}"
    text = page_text(response)
    assert "Probably already recorded" in text
    assert f"#{seed_meeting.pk} {SEED_TITLE}" in text


def test_attaching_adds_the_article_as_a_second_source_of_the_existing_meeting(
    staff_client, seed_meeting
):
    before = counts()
    data = review_of(read(staff_client, SEED["text"]))

    response = staff_client.post(INTAKE_URL, data, follow=True)

    assert any("added the article to 1 existing one(s)" in m for m in messages_of(response))
    assert seed_meeting.sources.count() == 2
    new_source = seed_meeting.sources.latest("id")
    assert new_source.text.startswith("KUALA LUMPUR, Oct 28 (Wire)")
    after = counts()
    assert after["Meeting"] == before["Meeting"]
    assert after["Participation"] == before["Participation"]
    assert after["Source"] == before["Source"] + 1
    assert after["MeetingSource"] == before["MeetingSource"] + 1


def test_an_editor_may_still_record_a_new_meeting_instead_of_attaching(editor_client, seed_meeting):
    before = Meeting.objects.count()
    data = review_of(read(editor_client, SEED["text"]))
    data["m0-action"] = "new"

    editor_client.post(INTAKE_URL, data)

    assert Meeting.objects.count() == before + 1
    assert seed_meeting.sources.count() == 1


def test_new_officials_are_created_with_their_title_and_country(admin_client, rubio):
    response = read(
        admin_client,
        "Kenyan President William Ruto met US Secretary of State Marco Rubio in Nairobi on "
        "Monday. They discussed trade.",
        published=QUIET_TUESDAY,
    )
    data = review_of(response)
    kenya = Country.objects.get(code="KE")
    # As read: Ruto is new, Rubio is in the tracker; the editor adds a third participant.
    assert (data["m0-p-0-official"], data["m0-p-0-new_name"]) == ("", "William Ruto")
    assert (data["m0-p-0-title"], data["m0-p-0-country"]) == ("President", str(kenya.pk))
    assert data["m0-p-1-official"] == str(rubio.pk)
    data["m0-p-2-new_name"] = "Musalia Mudavadi"
    data["m0-p-2-title"] = "Prime Cabinet Secretary"
    data["m0-p-2-country"] = str(kenya.pk)

    admin_client.post(INTAKE_URL, data)

    meeting = Meeting.objects.get(date=QUIET_MONDAY)
    ruto = Official.objects.get(name="William Ruto")
    mudavadi = Official.objects.get(name="Musalia Mudavadi")
    assert (ruto.country, mudavadi.country) == (kenya, kenya)
    assert [(p.title, p.country.code) for p in ruto.positions.all()] == [("President", "KE")]
    assert [p.title for p in mudavadi.positions.all()] == ["Prime Cabinet Secretary"]
    assert [(p.official.name, p.title) for p in meeting.participations.all()] == [
        ("William Ruto", "President"),
        ("Marco Rubio", "Secretary of State"),
        ("Musalia Mudavadi", "Prime Cabinet Secretary"),
    ]
    assert meeting.venue.name == "Nairobi"
    assert meeting.venue.country == kenya
    assert meeting.venue.latitude == pytest.approx(-1.28, abs=0.05)


def test_choosing_an_existing_official_records_the_name_as_written_as_an_alias(
    admin_client, jaishankar
):
    before = Official.objects.count()
    data = review_of(
        read(
            admin_client,
            "India's External Affairs Minister Subramanyam Jay met US Secretary of State Marco "
            "Rubio in Washington on Monday.",
            published=QUIET_TUESDAY,
        )
    )
    assert data["m0-p-0-new_name"] == "Subramanyam Jay"
    # The editor corrects the reader: it is Jaishankar, already in the tracker.
    data["m0-p-0-official"] = str(jaishankar.pk)
    data["m0-p-0-new_name"] = ""

    admin_client.post(INTAKE_URL, data)

    assert Official.objects.count() == before
    meeting = Meeting.objects.get(date=QUIET_MONDAY)
    assert meeting.participations.first().official == jaishankar
    jaishankar.refresh_from_db()
    assert "Subramanyam Jay" in jaishankar.aliases.splitlines()
    assert "Subrahmanyam Jaishankar" in jaishankar.aliases.splitlines()


def test_a_city_the_tracker_knows_under_a_longer_name_is_proposed_as_that_venue(admin_client):
    data = review_of(
        read(
            admin_client,
            "India's External Affairs Minister S. Jaishankar met US Secretary of State Marco "
            "Rubio in Washington on Monday.",
            published=QUIET_TUESDAY,
        )
    )

    assert data["m0-venue"] == str(Venue.objects.get(slug="washington").pk)
    assert data["m0-new_venue_name"] == ""


def test_leaving_every_meeting_out_saves_nothing(admin_client, without_demo_copy):
    before = counts()
    data = review_of(read(admin_client, SEED["text"]))
    del data["m0-include"]

    response = admin_client.post(INTAKE_URL, data)

    assert response.status_code == 200
    assert "No meeting was selected, so nothing was saved." in messages_of(response)
    assert counts() == before


# All or nothing

TWO_MEETINGS = (
    "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
    "Monday. Later that day, Ruto met Ugandan President Yoweri Museveni."
)


def test_a_database_refusal_in_the_second_meeting_saves_nothing_of_the_first(admin_client):
    data = review_of(read(admin_client, TWO_MEETINGS, published=QUIET_TUESDAY))
    assert data["count"] == "2"
    assert data["m0-new_venue_name"] == "Arusha"
    assert data["m1-p-0-new_name"] == "William Ruto"
    # The editor types Ruto's name again in the second meeting's other row.
    data["m1-p-1-new_name"] = "William Ruto"
    data["m1-p-1-country"] = data["m1-p-0-country"]
    before = counts()

    response = admin_client.post(INTAKE_URL, data)

    assert response.status_code == 200
    assert any(m.startswith("Nothing was saved") for m in messages_of(response))
    assert counts() == before
    assert not Official.objects.filter(name__in=["William Ruto", "Samia Suluhu Hassan"]).exists()
    assert not Venue.objects.filter(name="Arusha").exists()
    # The review is shown again, with what the editor entered.
    assert review_of(response)["m1-p-1-new_name"] == "William Ruto"


def test_the_same_official_chosen_twice_is_refused_before_anything_is_saved(admin_client, rubio):
    data = review_of(read(admin_client, TWO_MEETINGS, published=QUIET_TUESDAY))
    data["m1-p-0-official"] = data["m1-p-1-official"] = str(rubio.pk)
    data["m1-p-0-new_name"] = data["m1-p-1-new_name"] = ""
    before = counts()

    response = admin_client.post(INTAKE_URL, data)

    assert response.status_code == 200
    assert "The same official is listed twice." in page_text(response)
    assert "Some values need attention; nothing was saved yet." in messages_of(response)
    assert counts() == before


def test_create_from_article_saves_nothing_when_the_database_refuses_a_later_meeting(
    rubio, jaishankar
):
    india, malaysia = Country.objects.get(code="IN"), Country.objects.get(code="MY")
    good = services.MeetingInput(
        date=QUIET_MONDAY,
        date_precision="day",
        kind="in-person",
        participants=[
            services.ParticipantInput(jaishankar, "", "Subrahmanyam J", "", india),
            services.ParticipantInput(None, "Anwar Ibrahim", "Anwar", "Prime Minister", malaysia),
        ],
        new_venue=services.NewVenue("Putrajaya", malaysia, 2.93, 101.69),
        new_occasion="Putrajaya Dialogue",
        quote="They met.",
    )
    twice = services.MeetingInput(
        date=QUIET_MONDAY,
        date_precision="day",
        kind="call",
        participants=[
            services.ParticipantInput(rubio, "", "Rubio", "", rubio.country),
            services.ParticipantInput(rubio, "", "Marco Rubio", "", rubio.country),
        ],
    )
    before = counts()
    aliases = jaishankar.aliases

    with pytest.raises(IntegrityError):
        services.create_from_article(
            source=services.SourceInput(citation="A wire report", text="They met.", offline=True),
            meetings=[good, twice],
            status=Meeting.Status.PUBLISHED,
            user=None,
        )

    assert counts() == before
    jaishankar.refresh_from_db()
    assert jaishankar.aliases == aliases


def test_create_from_article_saves_the_source_meetings_and_new_rows_together(jaishankar):
    malaysia = Country.objects.get(code="MY")
    india = Country.objects.get(code="IN")
    item = services.MeetingInput(
        date=QUIET_MONDAY,
        date_precision="day",
        kind="in-person",
        participants=[
            services.ParticipantInput(jaishankar, "", "S. Jaishankar", "", india),
            services.ParticipantInput(None, "Anwar Ibrahim", "Anwar", "Prime Minister", malaysia),
        ],
        new_venue=services.NewVenue("Putrajaya", malaysia, 2.93, 101.69),
        new_occasion="Putrajaya Dialogue",
        quote="They met.",
    )

    source, created, attached = services.create_from_article(
        source=services.SourceInput(title="Wire report", text="They met."),
        meetings=[item],
        status=Meeting.Status.DRAFT,
        user=None,
    )

    [meeting] = created
    assert attached == []
    assert source.citation == "Wire report"
    assert meeting.venue.name == "Putrajaya"
    assert meeting.occasion.name == "Putrajaya Dialogue"
    assert [p.official.name for p in meeting.participations.all()] == [
        "S. Jaishankar",
        "Anwar Ibrahim",
    ]
    assert set(meeting.meeting_countries.values_list("country__code", flat=True)) == {"IN", "MY"}
    assert list(meeting.sources.all()) == [source]


# Input the reader cannot use


def test_empty_text_asks_for_the_article(admin_client):
    before = counts()

    response = admin_client.post(INTAKE_URL, {"text": "  \n ", "published_on": ""})

    assert response.status_code == 200
    assert "Paste the article's text" in page_text(response)
    assert 'name="save"' not in response.text
    assert counts() == before


def test_more_than_5_mb_of_text_is_refused_with_the_limit_named(admin_client):
    before = counts()
    text = "The ministers met in Geneva. " * 180_000  # about 5.2 MB

    response = admin_client.post(INTAKE_URL, {"text": text})

    assert response.status_code == 200
    assert "The text is larger than 5 MB." in page_text(response)
    assert counts() == before


def test_a_saved_web_page_is_read_like_pasted_text(admin_client, rubio):
    page = (
        b"<!doctype html><html><head><title>Ruto meets Rubio</title>"
        b'<meta property="og:site_name" content="Wire service"></head><body><nav>Home</nav>'
        b"<article><h1>Ruto meets Rubio</h1><p>Kenyan President William Ruto met US Secretary "
        b"of State Marco Rubio in Nairobi on Monday, State House said.</p><p>The two leaders "
        b"discussed trade and security in the region, according to a statement.</p></article>"
        b"</body></html>"
    )
    upload = SimpleUploadedFile("ruto.html", page, content_type="text/html")

    response = admin_client.post(
        INTAKE_URL, {"page": upload, "text": "", "published_on": QUIET_TUESDAY}
    )

    data = review_of(response)
    assert data["count"] == "1"
    assert data["title"] == "Ruto meets Rubio"
    assert "Home" not in data["text"].split()
    assert (data["m0-p-0-new_name"], data["m0-p-1-official"]) == ("William Ruto", str(rubio.pk))
    assert data["m0-date"] == QUIET_MONDAY.isoformat()


def test_an_image_uploaded_as_the_page_is_refused(admin_client):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    upload = SimpleUploadedFile("photo.png", png, content_type="image/png")

    response = admin_client.post(INTAKE_URL, {"page": upload, "text": ""})

    assert response.status_code == 200
    assert "The file is an image, not a web page" in page_text(response)
    assert 'name="save"' not in response.text


def test_an_article_in_french_is_refused_as_not_english(admin_client):
    french = (
        "Le ministre indien des Affaires étrangères a rencontré lundi à Paris son homologue "
        "français. Les deux responsables ont évoqué le commerce, la défense et la coopération "
        "dans le domaine spatial, selon un communiqué publié par le Quai d'Orsay dans la soirée. "
        "Ils se reverront à l'automne lors d'un sommet consacré à l'intelligence artificielle."
    )

    response = admin_client.post(INTAKE_URL, {"text": french})

    assert response.status_code == 200
    assert "does not look like English" in page_text(response)
    assert 'name="save"' not in response.text


def test_markup_pasted_as_text_is_cleaned_and_never_shown_live(admin_client):
    text = (
        "<p>Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on "
        "Monday.</p><script>alert(1)</script><img src=x onerror=alert(2)>"
        "<p>They discussed <b>trade</b>.</p>"
    )

    response = read(admin_client, text, published=QUIET_TUESDAY)

    content = response.content.decode()
    assert "<script>alert(1)" not in content
    assert "<img src=x" not in content
    assert "onerror=alert" not in content
    data = review_of(response)
    assert data["count"] == "1"
    assert "<" not in data["text"]
    assert "alert(" not in data["text"]
    assert data["m0-p-0-new_name"] == "William Ruto"


def test_an_article_reporting_no_meeting_says_so_and_offers_nothing_to_save(admin_client):
    response = read(
        admin_client,
        "Australian Foreign Minister Penny Wong will meet Indonesian Foreign Minister Sugiono in "
        "Jakarta next week, her office said on Monday.",
    )

    data = review_of(response)
    assert data["count"] == "0"
    text = page_text(response)
    assert "The reader found no meeting in this article" in text
    assert "The article reports no meeting that took place." in text
    assert 'type="submit" value="Save"' not in response.text


# Adding the article to a meeting already recorded


def entries_of(obj) -> list[LogEntry]:
    """The object's change history, oldest first."""
    kind = ContentType.objects.get_for_model(obj)
    return list(LogEntry.objects.filter(content_type=kind, object_id=str(obj.pk)).order_by("id"))


def test_attaching_makes_the_editors_corrections_to_the_recorded_meeting_and_says_so(
    staff_client, seed_meeting
):
    venue, occasion = seed_meeting.venue, seed_meeting.occasion
    topics = set(seed_meeting.topics.values_list("name", flat=True))
    data = review_of(read(staff_client, SEED["text"]))
    assert data["m0-action"] == f"attach-{seed_meeting.pk}"
    # The editor knows better: the talks were on the Sunday, and writes a summary.
    data["m0-date"] = "2025-10-26"
    data["m0-summary"] = "Trade and defence on the margins of the ASEAN summit."

    response = staff_client.post(INTAKE_URL, data, follow=True)

    seed_meeting.refresh_from_db()
    assert seed_meeting.date == datetime.date(2025, 10, 26)
    assert seed_meeting.summary == "Trade and defence on the margins of the ASEAN summit."
    # what the editor left as the reader read it stays as recorded
    assert (seed_meeting.venue, seed_meeting.occasion) == (venue, occasion)
    assert set(seed_meeting.topics.values_list("name", flat=True)) == topics
    assert seed_meeting.sources.count() == 2
    user = response.wsgi_request.user
    assert seed_meeting.updated_by == user
    [message] = messages_of(response)
    assert "added the article to 1 existing one(s)" in message
    assert "changed date from 27 Oct 2025 to 26 Oct 2025" in message
    [entry] = entries_of(seed_meeting)
    assert entry.user == user
    assert "Changed date from 27 Oct 2025 to 26 Oct 2025; summary from “" in entry.change_message
    assert "to “Trade and defence on the margins of the ASEAN summit.”" in entry.change_message
    assert "Added the source" in entry.change_message
    history = staff_client.get(f"/admin/meetings/meeting/{seed_meeting.pk}/history/")
    assert "Changed date from 27 Oct 2025 to 26 Oct 2025" in page_text(history)


def test_attaching_without_corrections_changes_only_the_sources_and_says_so(
    admin_client, seed_meeting
):
    before = Meeting.objects.values().get(pk=seed_meeting.pk)
    data = review_of(read(admin_client, SEED["text"]))

    response = admin_client.post(INTAKE_URL, data, follow=True)

    after = Meeting.objects.values().get(pk=seed_meeting.pk)
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }
    assert any("nothing changed in it" in m for m in messages_of(response))
    [entry] = entries_of(seed_meeting)
    assert entry.change_message.startswith("Added the source")


def test_participants_and_topics_corrected_on_the_review_are_made_to_the_recorded_meeting(
    admin_client, seed_meeting, rubio
):
    data = review_of(read(admin_client, SEED["text"]))
    health = Topic.objects.get(name="Health")
    trade = Topic.objects.get(name="Trade")
    malaysia = Country.objects.get(code="MY")
    topics = data["m0-topics"] if isinstance(data["m0-topics"], list) else [data["m0-topics"]]
    assert str(trade.pk) in topics and str(health.pk) not in topics
    data["m0-topics"] = [t for t in topics if t != str(trade.pk)] + [str(health.pk)]
    # the host joined them: a third participant, new to the tracker
    data["m0-p-2-new_name"] = "Siti Aminah Rahman"
    data["m0-p-2-title"] = "Prime Minister"
    data["m0-p-2-country"] = str(malaysia.pk)
    # and Rubio's title, as the editor would have it
    assert data["m0-p-1-official"] == str(rubio.pk)
    data["m0-p-1-title"] = "US Secretary of State"

    response = admin_client.post(INTAKE_URL, data, follow=True)

    names = set(seed_meeting.topics.values_list("name", flat=True))
    assert "Health" in names and "Trade" not in names
    people = {p.official.name: p.title for p in seed_meeting.participations.all()}
    assert people == {
        "S. Jaishankar": "External Affairs Minister",
        "Marco Rubio": "US Secretary of State",
        "Siti Aminah Rahman": "Prime Minister",
    }
    codes = set(seed_meeting.meeting_countries.values_list("country__code", flat=True))
    assert codes == {"IN", "US", "MY"}
    [message] = messages_of(response)
    assert "topics: added Health" in message
    assert "topics: removed Trade" in message
    assert "participant Siti Aminah Rahman added" in message
    siti = Official.objects.get(name="Siti Aminah Rahman")
    assert [e.action_flag for e in entries_of(siti)] == [ADDITION]


def test_a_correction_that_leaves_the_recorded_meeting_without_participants_saves_nothing(
    admin_client, seed_meeting
):
    data = review_of(read(admin_client, SEED["text"]))
    for row in ("0", "1"):
        for name in ("official", "new_name", "title", "country"):
            data[f"m0-p-{row}-{name}"] = ""
    before = counts()

    response = admin_client.post(INTAKE_URL, data)

    assert response.status_code == 200
    assert any(m.startswith("Nothing was saved") for m in messages_of(response))
    assert "A meeting needs at least one participant." in page_text(response)
    assert counts() == before
    assert seed_meeting.participations.count() == 2
    assert entries_of(seed_meeting) == []


def test_a_user_who_may_add_meetings_but_not_change_them_cannot_attach(
    django_user_model, seed_meeting
):
    user = django_user_model.objects.create_user("adder", password=None, is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_meeting"]))
    client = Client()
    client.force_login(user)
    data = review_of(read(client, SEED["text"]))
    data["m0-date"] = "2025-10-26"
    before = counts()

    response = client.post(INTAKE_URL, data)

    assert response.status_code == 200
    assert "You may add meetings but not change recorded ones" in page_text(response)
    assert counts() == before
    seed_meeting.refresh_from_db()
    assert seed_meeting.date == datetime.date(2025, 10, 27)


def test_the_review_shows_the_recorded_meeting_beside_what_the_article_says(
    admin_client, seed_meeting
):
    response = read(admin_client, SEED["text"])

    text = page_text(response)
    table = text[text.index('<table class="intake-compare">') :]
    table = table[: table.index("</table>")]
    assert f"Recorded as #{seed_meeting.pk}" in table
    assert "S. Jaishankar (External Affairs Minister, India)" in table
    assert "Marco Rubio (Secretary of State, United States)" in table
    assert table.count("27 Oct 2025") == 2  # the article's date and the record's
    assert table.count("Kuala Lumpur, Malaysia") == 2
    assert "(published, 1 source)" in table


# Every save in the change history


def test_a_meeting_saved_from_an_article_is_in_the_change_history_with_what_it_created(
    admin_client, rubio
):
    data = review_of(
        read(
            admin_client,
            "Kenyan President William Ruto met US Secretary of State Marco Rubio in Nairobi on "
            "Monday. They discussed trade.",
            published=QUIET_TUESDAY,
        )
    )

    response = admin_client.post(INTAKE_URL, data, follow=True)

    user = response.wsgi_request.user
    meeting = Meeting.objects.get(date=QUIET_MONDAY)
    ruto = Official.objects.get(name="William Ruto")
    source = meeting.sources.get()
    for obj in (meeting, ruto, source, meeting.venue):
        [entry] = entries_of(obj)
        assert (entry.user, entry.action_flag) == (user, ADDITION), obj
    assert entries_of(meeting)[0].change_message.startswith("Added from an article")


# The publisher, from the dateline or the byline


def test_the_publisher_is_read_from_the_dateline_and_says_where_from(admin_client):
    response = read(admin_client, SEED["text"])

    assert review_of(response)["publisher"] == "Wire"
    assert "the dateline" in page_text(response)
    assert "KUALA LUMPUR, Oct 28 (Wire)" in page_text(response)


def test_the_publisher_is_read_from_a_byline(admin_client):
    text = (
        "Ruto and Museveni talk trade\nBy Jane Achieng | Reuters\n\nKenyan President William "
        "Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday."
    )

    response = read(admin_client, text, published=QUIET_TUESDAY)

    assert review_of(response)["publisher"] == "Reuters"
    assert "By Jane Achieng | Reuters" in page_text(response)


def test_a_publisher_typed_in_by_the_editor_is_kept(admin_client):
    response = read(admin_client, SEED["text"], publisher="The Daily Record")

    assert review_of(response)["publisher"] == "The Daily Record"


# Finding an error in a long review


def test_an_error_is_listed_at_the_top_linking_to_its_field_and_its_meeting_is_open(
    admin_client,
):
    data = review_of(read(admin_client, TWO_MEETINGS, published=QUIET_TUESDAY))
    data["m1-date"] = ""

    response = admin_client.post(INTAKE_URL, data)

    content = response.content.decode()
    summary = content[content.index('id="intake-errors"') :]
    summary = summary[: summary.index("</div>")]
    assert '<a href="#id_m1-date">Meeting 2, Date: This field is required.</a>' in summary
    assert 'id="id_m1-date"' in content
    assert '<details class="module proposal" id="meeting-2" open>' in content
    assert '<details class="module proposal" id="meeting-1">' in content  # folded
    assert 'src="/static/intake.js"' in content


def test_an_error_in_a_participant_links_to_that_participants_field(admin_client):
    data = review_of(read(admin_client, TWO_MEETINGS, published=QUIET_TUESDAY))
    data["m0-p-0-country"] = ""

    response = admin_client.post(INTAKE_URL, data)

    assert (
        '<a href="#id_m0-p-0-country">Meeting 1, participant 1: Give the country the official '
        "represented.</a>"
    ) in html.unescape(response.content.decode())


# A round-up of many meetings, and input too large to read


def round_up(n: int) -> str:
    """n meetings, one a paragraph, each between two foreign ministers the tracker has never
    seen."""
    first = ["Amara", "Bruno", "Celia", "Dario", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
    last = ["Okafor", "Lindqvist", "Moreau", "Castell", "Haddad", "Novak", "Quispe", "Ruiz"]
    demonyms = [
        c.demonyms.splitlines()[0]
        for c in Country.objects.filter(kind="country").exclude(demonyms="").order_by("code")
    ]
    return "\n\n".join(
        f"{demonyms[i]} Foreign Minister {first[i % 10]} {last[i // 10]} met {demonyms[i + 1]} "
        f"Foreign Minister {first[(i + 3) % 10]} {last[(i // 10 + 4) % 8]} on Monday."
        for i in range(n)
    )


def test_a_round_up_of_50_meetings_is_reviewed_and_saved_in_one_go(admin_client, settings):
    data = review_of(read(admin_client, round_up(50), published=QUIET_TUESDAY))
    assert data["count"] == "50"
    fields = sum(len(v) if isinstance(v, list) else 1 for v in data.values())
    assert fields > 1000  # Django's default limit, which a review of 26 meetings exceeded
    assert fields < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    any_country = str(Country.objects.get(code="KE").pk)
    for name, value in list(data.items()):
        # the editor gives a country to anyone the reader could not place
        if name.endswith("-new_name") and value and not data[name[: -len("new_name")] + "country"]:
            data[name[: -len("new_name")] + "country"] = any_country
    before = Meeting.objects.count()

    response = admin_client.post(INTAKE_URL, data, follow=True)

    assert response.status_code == 200
    assert any("Saved 50 new meeting(s)" in m for m in messages_of(response))
    assert Meeting.objects.count() == before + 50


def test_the_fullest_review_page_stays_within_the_servers_limit_on_fields(settings):
    reading = {
        "initial": {"topics": list(Topic.objects.values_list("pk", flat=True)[:20])},
        "people": [
            {"official": None, "new_name": f"P{i}", "title": "", "country": None}
            for i in range(MAX_PARTICIPANTS)
        ],
    }
    form = MeetingReviewForm(prefix="m49", initial=reading["initial"])
    people = ParticipantFormSet(prefix="m49-p", initial=reading["people"])
    people.extra = 2
    page = f"<form>{form}{people.management_form}{''.join(str(f) for f in people)}</form>"
    per_meeting = sum(
        len(v) if isinstance(v, list) else 1 for v in rendered_form(page, "m49-date").values()
    )

    # the article's own fields (about ten) and 50 such meetings
    assert 10 + MAX_MEETINGS * per_meeting < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


def test_a_paste_over_12_mb_gets_the_forms_message_not_a_bare_bad_request(admin_client):
    before = counts()
    text = "The ministers met in Geneva. " * 450_000  # about 13 MB

    response = admin_client.post(INTAKE_URL, {"text": text})

    assert response.status_code == 413
    assert "larger than 5 MB" in page_text(response)
    assert 'name="text"' in response.content.decode()  # the article form, to try again
    assert counts() == before


def test_a_review_with_more_fields_than_the_server_reads_gets_a_message(admin_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    data = review_of(read(admin_client, TWO_MEETINGS, published=QUIET_TUESDAY))
    before = counts()

    response = admin_client.post(INTAKE_URL, data)

    assert response.status_code == 413
    assert "more fields than the server reads at once" in page_text(response)
    assert counts() == before


def test_a_review_whose_reading_was_altered_is_refused_without_an_error_page(admin_client):
    data = review_of(read(admin_client, SEED["text"]))
    data["reading"] = data["reading"][:-4] + "abcd"
    before = counts()

    response = admin_client.post(INTAKE_URL, data, follow=True)

    assert response.status_code == 200
    assert "The review form was incomplete; paste the article again." in messages_of(response)
    assert counts() == before


def test_a_recorded_meeting_deleted_while_the_review_was_open_is_no_choice_any_more(
    admin_client, seed_meeting
):
    data = review_of(read(admin_client, SEED["text"]))
    seed_meeting.delete()
    before = counts()

    response = admin_client.post(INTAKE_URL, data)

    assert response.status_code == 200
    assert "Select a valid choice." in page_text(response)
    assert counts() == before


def test_a_meeting_left_out_is_not_checked_and_the_others_are_saved(admin_client):
    data = review_of(read(admin_client, TWO_MEETINGS, published=QUIET_TUESDAY))
    del data["m1-include"]
    data["m1-date"] = ""  # nonsense in the meeting left out does not hold up the other
    before = Meeting.objects.count()

    response = admin_client.post(INTAKE_URL, data, follow=True)

    assert any("Saved 1 new meeting(s)" in m for m in messages_of(response))
    assert Meeting.objects.count() == before + 1
