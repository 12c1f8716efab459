"""Citing a record and checking its sources: the "Cite this record" block of a meeting page,
the About page's licence and error reporting, how source links read, and the rule that a
published meeting needs a source a reader can check (the admin, the publish action, the
importer and the article intake), down to the demo data."""

from __future__ import annotations

import datetime
import html
import io
import json
import re
from urllib.parse import quote

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from meetings import citing, rules, services
from meetings.intake.forms import SourceReviewForm
from meetings.models import Meeting, MeetingSource, Participation, Source
from meetings.services import MeetingInput, ParticipantInput, SourceInput
from tests.test_admin import ADD_URL, form_errors, meeting_post, source_rows

pytestmark = pytest.mark.django_db

DEMO = "meetings/data/demo.jsonl"


def demo_meeting_lines() -> list[str]:
    with open(DEMO, encoding="utf-8") as demo:
        return [text for text in demo if '"uid"' in text]


def block(page: str, element_id: str) -> str:
    """The text of the element with that id, as a reader copies it."""
    found = re.search(rf'id="{element_id}"[^>]*>(.*?)</(?:p|pre)>', page, re.S)
    assert found, f"no #{element_id} on the page"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))


def bibtex_fields(entry: str) -> dict[str, str]:
    """The fields of a one-entry BibTeX text, checking its shape on the way."""
    lines = entry.strip().splitlines()
    head = re.fullmatch(r"@(\w+)\{([A-Za-z0-9_:-]+),", lines[0])
    assert head, lines[0]
    assert lines[-1] == "}"
    fields = {}
    for line in lines[1:-1]:
        field = re.fullmatch(r"\s+(\w+)\s*=\s*\{(.*)\},", line)
        assert field, line
        value = field.group(2)
        depth = 0
        for i, c in enumerate(value):  # braces balance (an escaped one does not count)
            if c in "{}" and (i == 0 or value[i - 1] != "\\"):
                depth += 1 if c == "{" else -1
                assert depth >= 0, line
        assert depth == 0, line
        fields[field.group(1)] = value
    fields["@type"], fields["@key"] = head.group(1), head.group(2)
    return fields


def today_in_words() -> str:
    return citing.long_date(timezone.localdate())


# -- the meeting page's "Cite this record" ------------------------------------------------------


def test_the_plain_citation_names_the_record_its_permanent_address_title_date_and_today(
    client, seed_meeting
):
    page = client.get(seed_meeting.get_absolute_url()).content.decode()

    text = block(page, "cite-text")
    permalink = f"http://testserver/meetings/{seed_meeting.pk}/"
    assert "Cite this record" in page
    assert permalink in text
    assert "Jaishankar–Rubio talks in Kuala Lumpur" in text
    assert "meeting of 27 Oct 2025" in text
    assert f"(accessed {today_in_words()})" in text


def test_the_bibtex_entry_is_well_formed_with_the_address_and_the_day_accessed(
    client, seed_meeting
):
    page = client.get(seed_meeting.get_absolute_url()).content.decode()

    fields = bibtex_fields(block(page, "cite-bibtex"))
    assert fields["@type"] == "misc"
    assert fields["@key"] == f"meeting{seed_meeting.pk}"
    assert fields["title"] == "Jaishankar–Rubio talks in Kuala Lumpur"
    assert fields["url"] == f"http://testserver/meetings/{seed_meeting.pk}/"
    assert fields["urldate"] == timezone.localdate().isoformat()
    assert fields["author"] == "{Meetings tracker}"
    assert "27 Oct 2025" in fields["note"]


def test_the_csl_json_loads_with_the_keys_a_reference_manager_needs(client, seed_meeting):
    page = client.get(seed_meeting.get_absolute_url()).content.decode()

    items = json.loads(block(page, "cite-csl"))
    assert len(items) == 1
    item = items[0]
    assert {"id", "type", "title", "URL", "accessed", "issued", "container-title"} <= set(item)
    assert item["type"] == "webpage"
    assert item["title"] == "Jaishankar–Rubio talks in Kuala Lumpur"
    assert item["URL"] == f"http://testserver/meetings/{seed_meeting.pk}/"
    today = timezone.localdate()
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    assert item["event-date"] == {"date-parts": [[2025, 10, 27]]}


def test_a_title_with_bibtex_specials_still_makes_a_well_formed_entry(make_meeting, rubio):
    meeting = make_meeting(rubio, title="R&D {talks}: 100% on #tech_policy \\ ~done^")

    cited = citing.cite(
        meeting=meeting,
        title=meeting.title,
        url="https://meetings.example.org/meetings/1/",
        accessed=datetime.date(2026, 1, 2),
    )

    fields = bibtex_fields(cited.bibtex)
    assert fields["title"] == (
        r"R\&D \{talks\}: 100\% on \#tech\_policy \textbackslash{} "
        r"\textasciitilde{}done\textasciicircum{}"
    )
    assert "(accessed 2 January 2026)" in cited.text


def test_a_meeting_known_to_the_month_is_dated_to_the_month_in_csl(make_meeting, rubio):
    meeting = make_meeting(
        rubio, date=datetime.date(2023, 3, 1), date_precision=Meeting.Precision.MONTH
    )

    cited = citing.cite(
        meeting=meeting, title="Talks", url="https://x.example/", accessed=datetime.date.today()
    )

    assert json.loads(cited.csl_json)[0]["event-date"] == {"date-parts": [[2023, 3]]}
    assert "meeting of Mar 2023" in cited.text


def test_a_copy_of_the_page_from_yesterday_is_not_answered_not_modified(
    client, seed_meeting, monkeypatch
):
    url = seed_meeting.get_absolute_url()
    first = client.get(url)
    tag = first["ETag"]

    assert client.get(url, headers={"if-none-match": tag}).status_code == 304

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)
    later = client.get(url, headers={"if-none-match": tag})

    assert later.status_code == 200
    assert later["ETag"] != tag
    assert f"(accessed {citing.long_date(tomorrow)})" in block(later.content.decode(), "cite-text")


def test_the_meeting_page_links_a_report_naming_the_record(client, seed_meeting, settings):
    settings.CORRECTIONS_ADDRESS = "errors@tracker.example"

    page = client.get(seed_meeting.get_absolute_url()).content.decode()

    permalink = f"http://testserver/meetings/{seed_meeting.pk}/"
    subject = quote(f"Error in {permalink}", safe="")
    assert f'href="mailto:errors@tracker.example?subject={subject}"' in page
    assert "Report an error in this record" in page


def test_the_copy_buttons_come_from_a_static_script(client, seed_meeting):
    page = client.get(seed_meeting.get_absolute_url()).content.decode()

    assert re.search(r'<script src="[^"]*cite\.js" defer></script>', page)
    assert "<button" not in block(page, "cite-text")  # without the script: text, no button


# -- the About page ----------------------------------------------------------------------------


def test_the_about_page_states_the_licences_scope_coding_and_how_to_cite(client):
    page = client.get("/about/").content.decode()

    assert "CC BY 4.0" in page
    assert "https://creativecommons.org/licenses/by/4.0/" in page
    assert "public domain" in page and "CC0 1.0" in page
    assert 'id="scope"' in page
    assert "Stated or inferred." in page
    assert "Date precision." in page
    assert "Cite this record" in page


def test_the_about_page_says_where_to_report_an_error(client, settings):
    settings.CORRECTIONS_ADDRESS = "errors@tracker.example"
    page = client.get("/about/").content.decode()
    assert "Reporting an error" in page
    assert 'href="mailto:errors@tracker.example?subject=Error%20in%20a%20record"' in page

    settings.CORRECTIONS_ADDRESS = "https://tracker.example/corrections/new"
    page = client.get("/about/").content.decode()
    assert 'href="https://tracker.example/corrections/new"' in page


# -- how source links read ----------------------------------------------------------------------


def attach(meeting: Meeting, **source) -> Source:
    made = Source.objects.create(**source)
    MeetingSource.objects.create(meeting=meeting, source=made)
    return made


def test_a_source_link_reads_as_its_title_and_outlet_never_as_a_bare_address(
    client, make_meeting, rubio
):
    meeting = make_meeting(rubio)
    attach(
        meeting,
        url="https://news.example.com/2025/10/27/talks",
        title="Ministers meet in Kuala Lumpur",
        publisher="Example News",
    )
    attach(meeting, url="https://wire.example.net/story/1", publisher="Example Wire")
    attach(meeting, url="https://www.agency.example.org/a/b?c=d")

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert (
        '<a href="https://news.example.com/2025/10/27/talks" rel="noopener noreferrer">'
        "Ministers meet in Kuala Lumpur</a>, Example News" in page
    )
    assert (
        '<a href="https://wire.example.net/story/1" rel="noopener noreferrer">Example Wire</a>'
        in page
    )
    assert ">Article on agency.example.org</a>" in page
    assert not re.search(r">\s*https?://", page.split('id="sources-heading"')[1].split("</ul>")[0])


def test_a_print_source_says_so(client, make_meeting, rubio):
    meeting = make_meeting(rubio)
    attach(
        meeting,
        citation="The Hindu, print edition, 28 October 2025, p. 1",
        offline=True,
    )

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "The Hindu, print edition, 28 October 2025, p. 1" in page
    assert "(print or offline source)" in page


# -- a source a reader can check: the model and the database ------------------------------------


def test_a_print_source_needs_its_citation_and_no_address():
    with pytest.raises(ValidationError) as no_citation:
        Source(offline=True).full_clean()
    assert rules.OFFLINE_WITHOUT_CITATION in str(no_citation.value)

    with pytest.raises(ValidationError) as with_url:
        Source(offline=True, citation="Print", url="https://x.example/").full_clean()
    assert rules.OFFLINE_WITH_URL in str(with_url.value)

    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(offline=True, citation="")


def test_which_sources_a_reader_can_check():
    assert Source(url="https://x.example/").checkable
    assert Source(citation="Daily Star, 3 May, p. 2", offline=True).checkable
    assert not Source(citation="News report on the meeting").checkable


# -- publishing in the admin --------------------------------------------------------------------


def test_publishing_with_only_an_unmarked_citation_is_refused_with_the_reason(
    admin_client, jaishankar
):
    data = meeting_post(participants=[jaishankar], status="published")
    data |= source_rows({"new_citation": "News report on the meeting", "new_offline": ""})

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert html.escape(rules.UNCHECKABLE_SOURCES) in response.content.decode()
    assert not Meeting.objects.exists()
    assert not Source.objects.exists()


def test_publishing_with_a_print_source_marked_as_such_works(admin_client, jaishankar):
    data = meeting_post(participants=[jaishankar], status="published")
    data |= source_rows(
        {"new_citation": "The Hindu, print edition, 28 October 2025, p. 1", "new_offline": "on"}
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, form_errors(response)
    source = Meeting.objects.get(status=Meeting.Status.PUBLISHED).sources.get()
    assert source.offline and source.checkable


def test_an_unmarked_citation_still_serves_a_draft(admin_client, jaishankar):
    data = meeting_post(participants=[jaishankar], status="draft")
    data |= source_rows({"new_citation": "Notes from a briefing"})

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, form_errors(response)
    assert Meeting.objects.get().status == Meeting.Status.DRAFT


def test_a_print_source_with_an_address_is_refused_on_the_form(admin_client, jaishankar):
    data = meeting_post(participants=[jaishankar], status="draft")
    data |= source_rows(
        {"new_url": "https://x.example/a", "new_citation": "Print", "new_offline": "on"}
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert html.escape(rules.OFFLINE_WITH_URL) in response.content.decode()


def test_the_publish_action_leaves_a_draft_whose_sources_cannot_be_checked(
    admin_client, jaishankar
):
    draft = Meeting.objects.create(date=datetime.date(2025, 10, 28))
    Participation.objects.create(meeting=draft, official=jaishankar)
    attach(draft, citation="News report on the meeting")

    response = admin_client.post(
        "/admin/meetings/meeting/",
        {"action": "publish", ACTION_CHECKBOX_NAME: [draft.pk]},
        follow=True,
    )

    draft.refresh_from_db()
    assert draft.status == Meeting.Status.DRAFT
    messages = [str(m) for m in response.context["messages"]]
    assert any("a source with a URL or marked as a print or offline source" in m for m in messages)


# -- the importer and the intake ----------------------------------------------------------------


def line(**source) -> str:
    rubio = {"slug": "marco-rubio", "name": "Marco Rubio"}
    return json.dumps(
        {
            "uid": "6f1c9a52-3b1e-4c8e-9d7a-2a4f0c1b9e11",
            "date": "2025-10-27",
            "status": "published",
            "participants": [{"official": rubio, "title": "Secretary of State", "country": "US"}],
            "sources": [source],
        }
    )


def import_text(path, text: str) -> tuple[str, str]:
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_meetings", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_importer_refuses_a_published_meeting_cited_only_by_an_unmarked_citation(usa, tmp_path):
    _, err = import_text(tmp_path / "in.jsonl", line(citation="News report on the meeting") + "\n")

    assert f"line 1: {rules.UNCHECKABLE_SOURCES}" in err
    assert not Meeting.objects.exists()


def test_the_importer_takes_a_print_source_marked_offline(usa, tmp_path):
    text = line(citation="Daily Star, 3 May 2025, p. 2", offline=True) + "\n"
    out, err = import_text(tmp_path / "in.jsonl", text)

    assert "1 created" in out, err
    source = Meeting.objects.get().sources.get()
    assert source.offline and source.citation == "Daily Star, 3 May 2025, p. 2"


def test_the_importer_explains_a_bad_offline_value(usa, tmp_path):
    _, err = import_text(tmp_path / "in.jsonl", line(citation="Print", offline="yes") + "\n")
    assert "line 1: sources[0].offline: expected true or false" in err

    wrong = line(url="https://x.example/", citation="Print", offline=True)
    _, err = import_text(tmp_path / "in.jsonl", wrong + "\n")
    assert f"line 1: sources[0]: {rules.OFFLINE_WITH_URL}" in err
    assert not Meeting.objects.exists()


def test_the_export_says_which_sources_are_print_sources(usa, tmp_path):
    import_text(
        tmp_path / "in.jsonl", line(citation="Daily Star, 3 May 2025, p. 2", offline=True) + "\n"
    )
    path = tmp_path / "out.jsonl"

    call_command("export_meetings", str(path), stdout=io.StringIO(), stderr=io.StringIO())

    meetings = [json.loads(x) for x in path.read_text().splitlines() if '"uid"' in x]
    assert meetings[0]["sources"][0]["offline"] is True


def test_the_article_review_refuses_to_publish_without_an_address_or_a_print_citation():
    data = {"reading": "{}", "count": "0", "status": "published", "citation": "Notes"}

    unmarked = SourceReviewForm(data)
    assert not unmarked.is_valid()
    assert rules.UNCHECKABLE_SOURCES in unmarked.errors["status"]

    marked = SourceReviewForm(data | {"offline": "on"})
    marked.is_valid()
    assert "status" not in marked.errors

    as_drafts = SourceReviewForm(data | {"status": "draft"})
    as_drafts.is_valid()
    assert "status" not in as_drafts.errors


def test_the_article_writer_refuses_to_publish_from_an_uncheckable_source(rubio, usa):
    proposed = MeetingInput(
        date=datetime.date(2025, 10, 27),
        date_precision="day",
        kind="in-person",
        participants=[ParticipantInput(rubio, "", "Rubio", "Secretary of State", usa)],
    )

    with pytest.raises(ValidationError, match="a source a reader can check"):
        services.create_from_article(
            source=SourceInput(citation="Notes"), meetings=[proposed], status="published", user=None
        )
    assert not Meeting.objects.exists()

    services.create_from_article(
        source=SourceInput(citation="Daily Star, 3 May 2025, p. 2", offline=True),
        meetings=[proposed],
        status="published",
        user=None,
    )
    assert Meeting.objects.get().is_published


# -- the demo data ------------------------------------------------------------------------------


def test_every_demo_source_has_an_address_or_a_print_citation_with_its_outlet_and_date():
    sources = [source for text in demo_meeting_lines() for source in json.loads(text)["sources"]]

    assert sources
    for source in sources:
        if source.get("offline"):
            assert source["citation"] and not source["url"], source
        else:
            assert re.match(r"https?://[^/\s]+/\S*$", source["url"]), source
        assert source["publisher"], source
        assert source["published_on"], source


def test_every_demo_meeting_is_published_with_its_sources():
    call_command("load_countries", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())

    assert Meeting.objects.published().count() == len(demo_meeting_lines())
    assert all(s.checkable for s in Source.objects.all())
