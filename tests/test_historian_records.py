"""import_historian on small folders of records written here: a record changed upstream, a
malformed file, a folder that is not the records' (test_historian.py has the whole record
loaded for its module, so these live apart)."""

import shutil
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings import derived
from meetings.management.commands.import_historian import SNAPSHOT
from meetings.models import Meeting, Source

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_historian", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def folder_with(tmp_path: Path, visits: str) -> Path:
    """A folder in the repositories' layout: the snapshot's presidents and secretaries, no
    travels, and one visits file with these <visit> elements."""
    with tarfile.open(SNAPSHOT) as archive:
        archive.extractall(tmp_path / "all", filter="data")
    folder = tmp_path / "records"
    (folder / "visits" / "data").mkdir(parents=True)
    (folder / "travels").mkdir()
    shutil.copytree(tmp_path / "all" / "travels" / "presidents", folder / "travels" / "presidents")
    shutil.copytree(tmp_path / "all" / "pocom", folder / "pocom")
    (folder / "visits" / "data" / "2020.xml").write_text(f"<visits>{visits}</visits>")
    return folder


def visit(number: int, visitor: str, country: str, description: str, day="2019-05-06") -> str:
    return (
        f"<visit><id>{number}</id><start-date>{day}</start-date><end-date>{day}</end-date>"
        f'<visitor>{visitor}</visitor><from id="{country}">{country.title()}</from>'
        f"<description>{description}</description></visit>"
    )


@pytest.fixture
def countries(db):
    from meetings.countries import load_countries

    load_countries()


def test_a_record_changed_upstream_changes_its_meetings(tmp_path, countries):
    first = folder_with(
        tmp_path,
        visit(901, "Prime Minister Jacinda Ardern", "new-zealand", "Working visit.")
        + visit(902, "King Harald V", "norway", "Private visit."),
    )
    out, _ = run(first)
    assert "1 created" in out, out
    meeting = Meeting.objects.get()
    assert meeting.basis == Meeting.Basis.INFERRED

    (first / "visits" / "data" / "2020.xml").write_text(
        "<visits>"
        + visit(901, "Prime Minister Jacinda Ardern", "new-zealand", "Private visit.")
        + visit(902, "King Harald V", "norway", "Met with President Trump May 6.")
        + "</visits>"
    )
    out, _ = run(first)

    assert "1 meetings no record gives any more deleted" in out
    now = Meeting.objects.get()
    assert now.basis == Meeting.Basis.STATED
    assert {p.country.code for p in now.participations.all()} == {"NO", "US"}
    assert Source.objects.filter(url__endswith="#902").exists()
    assert derived.check() == []


def test_a_malformed_file_or_record_is_reported_and_skipped(tmp_path, countries):
    folder = folder_with(
        tmp_path,
        visit(903, "President Emmanuel Macron", "france", "State visit.")
        + "<visit><id>904</id><start-date>yesterday</start-date></visit>",
    )
    (folder / "visits" / "data" / "broken.xml").write_text("<visits><visit>")

    out, err = run(folder)

    assert "broken.xml: not readable XML" in err
    assert "record 904" in err and "is not a date" in err
    assert "1 created" in out
    assert "2 unreadable" in out


def test_a_folder_without_the_records_is_refused_with_a_message(tmp_path, countries):
    with pytest.raises(CommandError, match="does not hold the records"):
        run(tmp_path)


def test_a_name_written_in_full_is_the_tracker_official_then_in_office(tmp_path, countries):
    """The records' "Jacinda Kate Laurell Ardern" is the tracker's Jacinda Ardern while she was
    Prime Minister, not a second official; the same words years before her post are not taken
    for her on their own."""
    from meetings.models import Country, Official, Position

    nz = Country.objects.get(code="NZ")
    ardern = Official.objects.create(name="Jacinda Ardern", slug="jacinda-ardern", country=nz)
    Position.objects.create(
        official=ardern,
        title="Prime Minister",
        country=nz,
        start="2017-10-26",
        end="2023-01-25",
    )
    folder = folder_with(
        tmp_path,
        visit(
            903,
            "Prime Minister Jacinda Kate Laurell Ardern",
            "new-zealand",
            "Met with President Trump May 6.",
        )
        + visit(
            904,
            "Prime Minister Jacinda Kate Laurell Ardern",
            "new-zealand",
            "Met with President Obama May 6.",
            day="2014-05-06",
        ),
    )
    run(folder)

    in_office = Meeting.objects.get(sources__url__endswith="#903")
    assert ardern in [p.official for p in in_office.participations.all()]
    before = Meeting.objects.get(sources__url__endswith="#904")
    assert ardern not in [p.official for p in before.participations.all()]
