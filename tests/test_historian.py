"""import_historian: the Office of the Historian's visits and travels as meetings, from the
project's own snapshot of the records (and, for the edge cases, from small folders of records
written here)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command

from meetings import derived, history
from meetings.models import Meeting, Official
from tests.intake_fixtures import world_loaded

LABELS = Path(__file__).resolve().parent / "historian"


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_historian", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def records(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole record imported once for the module, beside the demo; its report."""
    report = tmp_path_factory.mktemp("report") / "report.jsonl"
    with world_loaded(django_db_blocker, demo=True, places=False):
        with django_db_blocker.unblock():
            out, _ = run("--report", report)
        yield out, report


pytestmark = pytest.mark.django_db


def test_trumps_2020_visit_to_india_is_a_meeting_with_modi_citing_its_record(client, records):
    meeting = Meeting.objects.get(
        date__year=2020, date__month=2, participations__official__slug="narendra-modi"
    )
    people = {(p.official.slug, p.country.code) for p in meeting.participations.all()}
    assert people == {("donald-trump", "US"), ("narendra-modi", "IN")}
    assert meeting.venue.name == "New Delhi"
    source = meeting.sources.get()
    assert source.url.startswith("https://history.state.gov/departmenthistory/travels/")
    assert "record" in source.citation

    pair = client.get("/countries/in/us/").content.decode()
    assert f"/meetings/{meeting.pk}/" in pair
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert source.url in page


def test_the_demos_officials_are_matched_not_duplicated(records):
    assert Official.objects.filter(name__icontains="Rubio").count() == 1
    assert Official.objects.filter(slug__startswith="narendra-modi").count() == 1
    trump = Official.objects.get(slug="donald-trump")
    assert trump.participations.count() > 30


def test_a_meeting_in_bonn_before_1990_is_in_west_germany(records):
    meeting = Meeting.objects.filter(venue__name="Bonn", date__year__lt=1990).first()
    assert meeting is not None
    assert meeting.venue.country.code == "DEDE"
    assert "DEDE" in {p.country.code for p in meeting.participations.all()}


def test_a_working_visit_gives_a_meeting_inferred_and_the_page_says_so(client, records):
    meeting = Meeting.objects.filter(basis=Meeting.Basis.INFERRED).first()
    assert meeting.end_date is None or meeting.end_date > meeting.date
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Inferred meeting." in page


def test_the_report_has_a_line_per_record_with_its_decision(records):
    out, report = records
    lines = [json.loads(line) for line in report.read_text().splitlines()]
    assert len(lines) > 7000
    assert {line["decision"] for line in lines} >= {"meetings", "no meeting"}
    assert all(
        set(line) == {"collection", "id", "decision", "meetings", "reason"} for line in lines
    )
    private = [line for line in lines if line["decision"] == "no meeting"]
    assert all(line["reason"] for line in private)
    assert f"{len(private):,} with none" in out


def test_running_it_again_changes_nothing(records):
    before = Meeting.objects.count()
    out, _ = run()
    assert "0 created" in out and "0 updated" in out
    assert Meeting.objects.count() == before
    assert derived.check() == []


def test_the_import_is_recorded_in_the_change_history_with_what_it_did(records):
    entry = LogEntry.objects.filter(object_repr="import_historian historian.tar.xz").first()
    assert entry.user.get_username() == history.COMMAND_ACCOUNT
    assert "meetings from 7,535 records" in entry.change_message
    assert "meetings no record gives any more deleted" in entry.change_message


def test_the_labelled_records_are_read_as_an_editor_would(tmp_path, records):
    figures = tmp_path / "figures.json"
    call_command("evaluate_historian", LABELS / "dev.json", "--json", figures, stdout=StringIO())
    result = json.loads(figures.read_text())
    assert result["meetings"]["f1"] >= 0.9, result["meetings"]
    assert result["participants"]["f1"] >= 0.9, result["participants"]
    assert result["country_accuracy"] >= 0.95


def test_a_name_of_one_word_said_twice_is_not_the_king_of_that_first_name(records):
    """Afghanistan's Abdullah Abdullah, met in Kabul, is his own official, not Jordan's King
    Abdullah II under another name."""
    afghan = Official.objects.get(name="Abdullah Abdullah")
    assert afghan.country.code == "AF"
    kabul = afghan.participations.filter(meeting__venue__name="Kabul")
    assert kabul.exists()
    assert {p.country.code for p in afghan.participations.all()} == {"AF"}
    king = Official.objects.get(
        participations__title="King",
        participations__country__code="JO",
        participations__meeting__date__year=2010,
    )
    assert "Abdullah Abdullah" not in [king.name, *king.aliases.splitlines()]
