"""Exporting, importing and generating meetings as JSONL (meetings.bulk and its commands)."""

import datetime
import io
import itertools
import json
import re
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from bench import generate
from bench.generator import Generator
from meetings.countries import load_countries
from meetings.models import (
    Country,
    Meeting,
    MeetingCountry,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
    Topic,
    Venue,
)
from tests.intake_fixtures import load_demo

pytestmark = pytest.mark.django_db

MODELS = [
    Meeting,
    Participation,
    MeetingCountry,
    MeetingSource,
    Source,
    Official,
    Position,
    Venue,
    Occasion,
    Topic,
]


def run(command, *args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def export(path) -> list[dict]:
    run("export_meetings", str(path))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def flush_meetings() -> None:
    """Empty every table the import writes; countries stay."""
    MeetingSource.objects.all().delete()
    Participation.objects.all().delete()
    Meeting.objects.all().delete()
    Source.objects.all().delete()
    Official.objects.all().delete()  # with their positions
    Occasion.objects.all().delete()
    Venue.objects.all().delete()
    Topic.objects.update(parent=None)
    Topic.objects.all().delete()
    assert not any(counts().values())


def write_lines(path, lines) -> None:
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )


@pytest.fixture
def countries(db):
    load_countries()
    return {c.code: c for c in Country.objects.all()}


def official(slug, name, code, *positions):
    return {
        "slug": slug,
        "name": name,
        "aliases": [],
        "country": code,
        "positions": [
            {"title": title, "country": code, "start": start, "end": end}
            for title, start, end in positions
        ],
    }


JAISHANKAR = official(
    "s-jaishankar", "S. Jaishankar", "IN", ("External Affairs Minister", "2019-05-30", None)
)
RUBIO = official("marco-rubio", "Marco Rubio", "US", ("Secretary of State", "2025-01-21", None))
WANG = official("wang-yi", "Wang Yi", "CN", ("Foreign Minister", "2023-07-25", None))


def meeting_line(number: int, **fields) -> dict:
    """A small valid line; number makes its uid and its source's citation."""
    line = {
        "uid": str(uuid.UUID(int=number)),
        "date": "2025-10-27",
        "date_precision": "day",
        "kind": "in-person",
        "status": "published",
        "title": f"Meeting {number}",
        "summary": "",
        "venue": {
            "slug": "kuala-lumpur",
            "name": "Kuala Lumpur",
            "country": "MY",
            "latitude": 3.139,
            "longitude": 101.6869,
        },
        "occasion": None,
        "participants": [
            {"official": JAISHANKAR, "title": "External Affairs Minister", "country": "IN"},
            {"official": RUBIO, "title": "Secretary of State", "country": "US"},
        ],
        "topics": [{"slug": "trade", "name": "Trade", "parent": None, "aliases": ["tariffs"]}],
        "sources": [
            {
                "url": "",
                "citation": f"Readout {number}",
                "offline": True,
                "title": "",
                "publisher": "MEA",
                "published_on": "2025-10-27",
                "quote": "They met.",
            }
        ],
    }
    line.update(fields)
    return line


# Export, import, export again


def test_export_then_import_into_an_empty_database_gives_the_same_data(tmp_path):
    load_demo()
    first = export(tmp_path / "first.jsonl")
    meetings = [line for line in first if "uid" in line]
    assert len(meetings) == Meeting.objects.count() > 20
    assert sum("topic" in line for line in first) == Topic.objects.count()
    uids = set(Meeting.objects.values_list("uid", flat=True))
    flush_meetings()

    out, err = run("import_meetings", str(tmp_path / "first.jsonl"))

    assert err == ""
    assert f"{len(meetings)} created, 0 unchanged, 0 updated, 0 skipped" in out
    second = export(tmp_path / "second.jsonl")
    assert second == first
    assert set(Meeting.objects.values_list("uid", flat=True)) == uids
    for meeting in Meeting.objects.all():
        assert set(meeting.countries.all()) == {p.country for p in meeting.participations.all()}


def test_a_second_import_creates_nothing_and_reports_every_meeting_unchanged(tmp_path):
    load_demo()
    path = tmp_path / "demo.jsonl"
    exported = export(path)
    before = counts()

    out, _ = run("import_meetings", str(path))

    meetings = sum("uid" in line for line in exported)
    assert f"0 created, {meetings} unchanged, 0 updated, 0 skipped" in out
    assert counts() == before
    out, _ = run("import_meetings", str(path))
    assert f"0 created, {meetings} unchanged" in out
    assert counts() == before


def test_a_changed_line_updates_its_meeting_and_the_countries_follow(tmp_path, countries):
    path = tmp_path / "meetings.jsonl"
    write_lines(path, [meeting_line(1), meeting_line(2)])
    run("import_meetings", str(path))
    changed = meeting_line(
        2,
        title="Jaishankar–Wang talks",
        participants=[
            {"official": JAISHANKAR, "title": "External Affairs Minister", "country": "IN"},
            {"official": WANG, "title": "Foreign Minister", "country": "CN"},
        ],
    )
    write_lines(path, [meeting_line(1), changed])

    out, _ = run("import_meetings", str(path))

    assert "0 created, 1 unchanged, 1 updated, 0 skipped" in out
    meeting = Meeting.objects.get(uid=uuid.UUID(int=2))
    assert meeting.title == "Jaishankar–Wang talks"
    assert set(meeting.countries.values_list("code", flat=True)) == {"IN", "CN"}
    assert meeting.participations.count() == 2
    assert Meeting.objects.involving(countries["IN"], countries["US"]).count() == 1
    assert Meeting.objects.involving(countries["IN"], countries["CN"]).get() == meeting


def test_sources_are_matched_by_url_else_by_citation_publisher_and_date(tmp_path, countries):
    by_url = {
        "url": "https://example.org/readout",
        "citation": "",
        "title": "Readout",
        "publisher": "MEA",
        "published_on": "2025-10-27",
        "quote": "",
    }
    by_citation = {
        **by_url,
        "url": "",
        "citation": "MEA press release, 27 October 2025",
        "offline": True,
    }
    write_lines(
        tmp_path / "m.jsonl",
        [
            meeting_line(1, sources=[by_url, by_citation]),
            meeting_line(2, sources=[{**by_url, "quote": "Second."}]),
            meeting_line(3, sources=[{**by_citation, "quote": "Third."}]),
            meeting_line(4, sources=[{**by_citation, "published_on": "2025-10-28"}]),
        ],
    )

    run("import_meetings", str(tmp_path / "m.jsonl"))

    assert Source.objects.count() == 3
    assert Source.objects.get(url="https://example.org/readout").meetings.count() == 2
    assert Source.objects.get(url="", published_on="2025-10-27").meetings.count() == 2
    assert MeetingSource.objects.get(meeting__uid=uuid.UUID(int=2)).quote == "Second."


def test_officials_venues_and_topics_are_created_once_and_updated_from_the_file(
    tmp_path, countries
):
    Official.objects.create(slug="marco-rubio", name="Rubio", country=countries["US"])
    renamed = {**JAISHANKAR, "aliases": ["Jaishankar", "S Jaishankar"]}
    lines = [
        meeting_line(
            n,
            participants=[
                {"official": renamed, "title": "External Affairs Minister", "country": "IN"},
                {"official": RUBIO, "title": "Secretary of State", "country": "US"},
            ],
        )
        for n in range(1, 6)
    ]
    write_lines(tmp_path / "m.jsonl", lines)

    out, _ = run("import_meetings", str(tmp_path / "m.jsonl"))

    assert "5 created" in out
    assert Official.objects.count() == 2
    assert Official.objects.get(slug="marco-rubio").name == "Marco Rubio"
    assert Official.objects.get(slug="s-jaishankar").aliases == "Jaishankar\nS Jaishankar"
    assert Position.objects.count() == 2
    assert Venue.objects.count() == Topic.objects.count() == 1


def test_a_participant_without_title_or_country_takes_them_from_the_position_held(
    tmp_path, countries
):
    write_lines(
        tmp_path / "m.jsonl",
        [
            meeting_line(1, date="2024-06-01", participants=[{"official": RUBIO}]),
            meeting_line(2, date="2025-06-01", participants=[{"official": RUBIO}]),
        ],
    )

    run("import_meetings", str(tmp_path / "m.jsonl"))

    before, after = (Meeting.objects.get(uid=uuid.UUID(int=n)).participations.get() for n in (1, 2))
    assert (before.title, before.country.code) == ("", "US")
    assert (after.title, after.country.code) == ("Secretary of State", "US")


# Bad lines


BAD_LINES = {
    "invalid JSON": "{not json",
    "missing date": meeting_line(12, date=None),
    "unknown country code 'ZZ'": meeting_line(
        13, participants=[{"official": RUBIO, "title": "Secretary", "country": "ZZ"}]
    ),
    "date_precision: 'week' is not one of": meeting_line(14, date_precision="week"),
    "kind: 'telepathy' is not one of": meeting_line(15, kind="telepathy"),
    "status: 'archived' is not one of": meeting_line(16, status="archived"),
    "participants[0]: a participant without official, title and country": meeting_line(
        17, participants=[{"title": "Minister"}]
    ),
    "sources[0]: a source needs a url or a citation": meeting_line(
        18, sources=[{"title": "Untraceable", "quote": "They met."}]
    ),
    "uid: 'not-a-uuid' is not a UUID": meeting_line(19, uid="not-a-uuid"),
    "missing uid": meeting_line(20, uid=None),
    "date: '27 October 2025' is not a date": meeting_line(21, date="27 October 2025"),
    "venue.country: unknown country code 'XX'": meeting_line(
        22, venue={"slug": "nowhere", "name": "Nowhere", "country": "XX"}
    ),
    "participants: official 'marco-rubio' takes part twice": meeting_line(
        23,
        participants=[
            {"official": RUBIO, "title": "Secretary of State", "country": "US"},
            {"official": RUBIO, "title": "Secretary of State", "country": "US"},
        ],
    ),
    "title: longer than 200 characters": meeting_line(24, title="x" * 201),
    "invalid JSON: a line must hold an object": "[1, 2]",
    # what the admin refuses too
    "A meeting needs at least one participant.": meeting_line(25, participants=[]),
    "A published meeting needs at least one source": meeting_line(26, sources=[]),
}


def test_bad_lines_are_reported_with_their_number_and_reason_and_the_rest_imports(
    tmp_path, countries
):
    lines, expected = [], {}
    for n, (reason, bad) in enumerate(BAD_LINES.items()):
        lines.append(meeting_line(100 + n))
        lines.append(bad)
        expected[len(lines)] = reason
    lines.append(meeting_line(100))  # the uid of line 1 again
    expected[len(lines)] = f"uid {uuid.UUID(int=100)} was already given on"
    lines.append("")  # blank lines are passed over
    path = tmp_path / "mixed.jsonl"
    write_lines(path, lines)

    out, err = run("import_meetings", str(path), "--batch-size", "4")

    reported = err.splitlines()
    assert len(reported) == len(expected), err
    for (number, reason), message in zip(expected.items(), reported, strict=True):
        assert message.startswith(f"line {number}: "), message
        assert reason in message, message
    good = len(BAD_LINES)
    assert f"{good} created, 0 unchanged, 0 updated, {len(expected)} skipped" in out
    assert Meeting.objects.count() == good
    assert MeetingCountry.objects.count() == 2 * good


def test_an_office_named_without_its_holder_is_a_participant_the_pages_show(
    tmp_path, countries, client
):
    unnamed = {"official": None, "title": "Foreign Minister", "country": "PE"}
    write_lines(
        tmp_path / "m.jsonl",
        [meeting_line(1, participants=[{"official": RUBIO, "title": "", "country": ""}, unnamed])],
    )

    _, err = run("import_meetings", str(tmp_path / "m.jsonl"))

    assert err == ""
    meeting = Meeting.objects.get()
    assert {c.code for c in meeting.countries.all()} == {"US", "PE"}
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert 'Foreign Minister <span class="role">(not named in the source)</span>' in page
    assert "Foreign Minister" in client.get("/countries/pe/").content.decode()
    out, _ = run("export_meetings", "-")
    line = next(json.loads(x) for x in out.splitlines() if '"uid"' in x)
    assert line["participants"][1] == unnamed


def test_a_draft_without_a_source_is_imported_as_the_admin_would_save_it(tmp_path, countries):
    write_lines(tmp_path / "m.jsonl", [meeting_line(1, status="draft", sources=[])])

    out, err = run("import_meetings", str(tmp_path / "m.jsonl"))

    assert err == ""
    assert Meeting.objects.get().status == Meeting.Status.DRAFT


def test_a_topic_put_under_its_own_subtopic_keeps_its_parent_and_the_line_is_named(
    tmp_path, countries
):
    economy = {"slug": "economy", "name": "Economy", "parent": None, "aliases": []}
    tariffs = {"slug": "tariffs", "name": "Tariffs", "parent": "economy", "aliases": []}
    write_lines(tmp_path / "a.jsonl", [meeting_line(1, topics=[economy, tariffs])])
    run("import_meetings", str(tmp_path / "a.jsonl"))
    looped = {**economy, "parent": "tariffs"}
    write_lines(tmp_path / "b.jsonl", [meeting_line(2), {"topic": looped}])

    _, err = run("import_meetings", str(tmp_path / "b.jsonl"))

    assert "line 2: topic 'economy' keeps its parent" in err
    assert "cannot sit under itself" in err
    assert Topic.objects.get(slug="economy").parent is None
    assert Topic.objects.get(slug="tariffs").parent.slug == "economy"


def test_topic_and_official_lines_bring_a_vocabulary_without_meetings(tmp_path, countries):
    trade = {"slug": "trade", "name": "Trade", "parent": None, "aliases": ["tariffs"]}
    write_lines(tmp_path / "v.jsonl", [{"topic": trade}, {"official": RUBIO}])

    out, err = run("import_meetings", str(tmp_path / "v.jsonl"))

    assert err == ""
    assert "0 created" in out
    assert Topic.objects.get(slug="trade").aliases == "tariffs"
    rubio = Official.objects.get(slug=RUBIO["slug"])
    assert rubio.positions.exists()
    assert not Meeting.objects.exists()


def test_a_uid_repeated_in_a_later_batch_is_reported_too(tmp_path, countries):
    write_lines(tmp_path / "m.jsonl", [meeting_line(1), meeting_line(2), meeting_line(1)])

    out, err = run("import_meetings", str(tmp_path / "m.jsonl"), "--batch-size", "1")

    assert err.strip() == f"line 3: uid {uuid.UUID(int=1)} was already given on an earlier line"
    assert "2 created, 0 unchanged, 0 updated, 1 skipped" in out


def test_a_file_that_cannot_be_read_is_an_error(tmp_path, countries):
    with pytest.raises(CommandError, match="Cannot read"):
        run("import_meetings", str(tmp_path / "missing.jsonl"))
    with pytest.raises(CommandError, match="Cannot read"):
        run("import_meetings", str(tmp_path))


def test_a_long_import_reports_progress_on_stderr(tmp_path, countries):
    lines = [
        meeting_line(n, sources=[], topics=[], venue=None, title="", status="draft")
        for n in range(1, 10_502)
    ]
    path = tmp_path / "long.jsonl"
    write_lines(path, lines)

    out, err = run("import_meetings", str(path), "--batch-size", "2500")

    # every 10,000 lines, or every 5 seconds on a slow machine
    progress = [line for line in err.splitlines() if " lines read: " in line]
    assert progress, err
    assert all(re.match(r"^\d{1,2},\d{3} lines read: \d", line) for line in progress), err
    assert "10,501 created" in out
    assert Meeting.objects.count() == 10_501


def test_export_and_import_use_stdout_and_stdin_for_a_dash(tmp_path, countries, monkeypatch):
    write_lines(tmp_path / "m.jsonl", [meeting_line(1), meeting_line(2)])
    run("import_meetings", str(tmp_path / "m.jsonl"))

    out, err = run("export_meetings", "-")

    assert [json.loads(line).get("uid") for line in out.splitlines() if "uid" in line] == [
        str(uuid.UUID(int=1)),
        str(uuid.UUID(int=2)),
    ]
    assert "Exported 2 meetings" in err
    flush_meetings()

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(out.encode())))
    out, _ = run("import_meetings", "-")
    assert "Imported stdin: 2 created" in out
    assert Meeting.objects.count() == 2


# Generating


def generated(n: int, seed: int) -> list[dict]:
    """The meeting lines of a generated file (the topic lines before them left out)."""
    lines = (json.loads(line) for line in Generator(seed).lines(n))
    return [line for line in lines if "uid" in line]


def test_generate_is_deterministic_for_a_seed(countries, tmp_path):
    run(generate.Command(), "300", "--seed", "5", "--output", str(tmp_path / "a.jsonl"))
    run(generate.Command(), "300", "--seed", "5", "--output", str(tmp_path / "b.jsonl"))
    run(generate.Command(), "300", "--seed", "6", "--output", str(tmp_path / "c.jsonl"))

    a = (tmp_path / "a.jsonl").read_text()
    assert a == (tmp_path / "b.jsonl").read_text()
    assert a != (tmp_path / "c.jsonl").read_text()
    assert sum('"uid"' in line for line in a.splitlines()) == 300


def test_generated_meetings_have_the_advertised_mix(countries):
    lines = generated(2000, seed=1)

    def share(test) -> float:
        return sum(1 for line in lines if test(line)) / len(lines)

    def codes(line) -> set[str]:
        return {p["country"] for p in line["participants"]}

    calls = share(lambda m: m["kind"] == "call")
    trilateral = share(lambda m: len(codes(m)) == 3)
    bilateral = share(lambda m: len(codes(m)) == 2 and m["kind"] != "call")
    assert abs(calls - 0.05) < 0.02
    assert abs(trilateral - 0.10) < 0.025
    assert abs(bilateral - 0.85) < 0.03
    assert share(lambda m: m["kind"] == "virtual") > 0
    assert all(m["venue"] is None for m in lines if m["kind"] != "in-person")
    assert all(m["venue"] for m in lines if m["kind"] == "in-person")
    assert 0.85 < share(lambda m: m["status"] == "published") < 0.99
    assert all(1 <= len(m["sources"]) <= 2 for m in lines)
    assert share(lambda m: m["occasion"] is not None) > 0.1
    years = [int(m["date"][:4]) for m in lines]
    assert min(years) >= 1990 and max(years) <= 2025
    assert sum(y >= 2015 for y in years) > 3 * sum(y < 2000 for y in years)
    # big countries dominate: the United States is in far more meetings than Bhutan
    us = share(lambda m: "US" in codes(m))
    assert us > 0.1 and us > 10 * share(lambda m: "BT" in codes(m))
    assert share(lambda m: codes(m) == {"IN", "US"}) > 0.001
    # officials have dated terms, and some change title (a minister later leads the country)
    positions = [p["official"]["positions"] for m in lines for p in m["participants"]]
    assert all(positions)
    assert any(len({term["title"] for term in terms}) > 1 for terms in positions)
    assert all(
        p["title"] in {term["title"] for term in p["official"]["positions"]}
        for m in lines
        for p in m["participants"]
    )


def test_importing_a_generated_file_gets_the_meeting_countries_right(countries, tmp_path):
    path = tmp_path / "synthetic.jsonl"
    run(generate.Command(), "600", "--seed", "3", "--output", str(path))
    every = [json.loads(line) for line in path.read_text().splitlines()]
    lines = [line for line in every if "uid" in line]

    out, err = run("import_meetings", str(path))

    assert err == ""
    assert "600 created" in out
    for meeting in Meeting.objects.prefetch_related("participations", "meeting_countries"):
        wanted = {p.country_id for p in meeting.participations.all()}
        assert {mc.country_id for mc in meeting.meeting_countries.all()} == wanted

    def both(pair, line) -> bool:
        return set(pair) <= {p["country"] for p in line["participants"]}

    busiest = max(
        itertools.combinations(["US", "CN", "IN", "RU", "GB", "FR"], 2),
        key=lambda pair: sum(both(pair, m) for m in lines),
    )
    expected = sum(both(busiest, m) for m in lines)
    a, b = countries[busiest[0]], countries[busiest[1]]
    assert expected > 5
    assert Meeting.objects.involving(a, b).count() == expected
    # and what was generated is what an export gives back
    assert export(tmp_path / "again.jsonl") == every


def test_generate_can_load_the_meetings_directly(countries):
    out, _ = run(generate.Command(), "150", "--seed", "2", "--load")

    assert "150 created" in out
    assert Meeting.objects.count() == 150
    assert MeetingCountry.objects.count() >= 300


# The migration that adds the uid


@pytest.mark.django_db(transaction=True)
def test_the_uid_migration_gives_existing_meetings_each_their_own_uid():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate([("meetings", "0001_initial")])
    try:
        old = executor.loader.project_state([("meetings", "0001_initial")]).apps
        OldMeeting = old.get_model("meetings", "Meeting")
        for day in range(1, 4):
            OldMeeting.objects.create(date=datetime.date(2025, 1, day))
        executor = MigrationExecutor(connection)
        executor.migrate([("meetings", "0002_meeting_uid")])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)
    uids = list(Meeting.objects.values_list("uid", flat=True))
    assert len(uids) == 3
    assert len(set(uids)) == 3
    assert None not in uids


@pytest.mark.django_db(transaction=True)
def test_an_import_of_many_batches_leaves_the_subjects_table_without_dead_rows(tmp_path):
    """Each batch rewrites the counts of the subjects it names; what the old rows took is
    given back at the end, so the directories that count subjects read no more than they
    hold."""
    if connection.vendor != "postgresql":
        pytest.skip("the rows a PostgreSQL update leaves behind")
    load_countries()
    path = tmp_path / "synthetic.jsonl"
    run(generate.Command(), "400", "--seed", "4", "--output", str(path))

    run("import_meetings", str(path), "--batch-size", "20")

    def size() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size('meetings_subject')")
            return cursor.fetchone()[0]

    imported = size()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM FULL meetings_subject")
    assert imported == size()
