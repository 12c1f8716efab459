"""Admin → Meetings → Add from article, driven as an editor would: paste, review, save.

The review step is posted back exactly as the page renders it (its fields parsed from the HTML),
so a broken template fails here. The demo data is loaded once for the module; tests that need a
database without the demo's copy of the seed meeting delete it inside their own transaction.
"""

import datetime
import html

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from meetings import services
from meetings.models import (
    Country,
    Meeting,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
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
    assert "Where each value came from" in text


def test_without_the_demo_copy_saving_publishes_the_meeting_on_the_pair_page(
    staff_client, without_demo_copy, jaishankar, rubio, client
):
    data = review_of(read(staff_client, SEED["text"]))
    assert data["m0-action"] == "new"
    data["status"] = "published"

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
    assert (data["m0-p-0-new_name"], data["m0-p-0-written_as"]) == (
        "Subramanyam Jay",
        "Subramanyam Jay",
    )
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
            source=services.SourceInput(citation="A wire report", text="They met."),
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
