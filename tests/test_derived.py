"""The rows derived from meetings stay equal to what a rebuild from the meetings would write,
whichever way the meetings change: through the ORM, the admin's forms and actions, deletes of
what meetings point to, QuerySet.update, the bulk importer (even one killed midway)."""

import datetime
import json
import os
import signal
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.db.models.deletion import ProtectedError

from bench import generate
from meetings import derived, services
from meetings.derived import Key
from meetings.models import (
    SUBJECT_COLUMNS,
    Country,
    Meeting,
    MeetingCountry,
    Occasion,
    Official,
    Participation,
    Subject,
    SubjectOverlap,
    Topic,
    Venue,
)

Kind = Subject.Kind
ROOT = Path(__file__).resolve().parent.parent


def assert_matches_a_rebuild():
    differences = derived.check()
    assert not differences, "\n".join(str(d) for d in differences)


def meetings_of(kind: str, *ids: int) -> int:
    """How many published meetings a subject counts (0 when it has no row)."""
    subject = Subject.objects.filter(derived_filter(Key(kind, *ids))).first()
    return subject.meetings if subject else 0


def derived_filter(key: Key) -> Q:
    """The Subject row of a key, as a filter."""
    named_by = SUBJECT_COLUMNS[key.kind]
    return Q(kind=key.kind, **{f"{n}_id": v for n, v in zip(named_by, key[1:], strict=False)})


def overlap(key: Key, other: Key) -> int:
    row = SubjectOverlap.objects.filter(
        subject__in=Subject.objects.filter(derived_filter(key)),
        other__in=Subject.objects.filter(derived_filter(other)),
    ).first()
    return row.meetings if row else 0


def pair(a: Country, b: Country) -> Key:
    first, second = sorted((a.pk, b.pk))
    return Key(Kind.PAIR, first, second)


def test_edits_through_the_orm_keep_the_derived_rows_equal_to_a_rebuild(
    make_meeting, jaishankar, rubio, wang_yi, india, usa, china, kuala_lumpur, trade, defence
):
    first = make_meeting(jaishankar, rubio, venue=kuala_lumpur, topics=[trade])
    second = make_meeting(jaishankar, wang_yi, date=datetime.date(2024, 3, 1))
    draft = make_meeting(rubio, wang_yi, status=Meeting.Status.DRAFT)
    assert_matches_a_rebuild()
    assert meetings_of(Kind.EVERYTHING) == 2  # the draft does not count
    assert overlap(pair(india, usa), Key(Kind.VENUE, kuala_lumpur.pk)) == 1
    assert set(MeetingCountry.objects.filter(meeting=draft).values_list("country", flat=True)) == {
        usa.pk,
        china.pk,
    }

    with services.writing():
        Participation.objects.create(meeting=first, official=wang_yi)  # a third country joins
    assert_matches_a_rebuild()
    assert meetings_of(Kind.PAIR, *sorted((china.pk, usa.pk))) == 1
    assert meetings_of(Kind.COUNTRY, china.pk) == 2

    with services.writing():
        first.topics.set([defence])
        second.date = datetime.date(2023, 5, 2)
        second.save()
    assert_matches_a_rebuild()
    assert meetings_of(Kind.TOPIC, trade.pk) == 0

    with services.writing():
        draft.status = Meeting.Status.PUBLISHED
        draft.save()
        first.participations.get(official=wang_yi).delete()
    assert_matches_a_rebuild()
    assert meetings_of(Kind.COUNTRY, china.pk) == 2

    with services.writing():
        second.delete()
    assert_matches_a_rebuild()
    assert meetings_of(Kind.EVERYTHING) == 2


def test_a_write_outside_a_service_is_refreshed_when_its_transaction_commits(
    make_meeting, jaishankar, rubio, india, usa, django_capture_on_commit_callbacks
):
    meeting = make_meeting(jaishankar, rubio)
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.DRAFT)
    assert meetings_of(Kind.PAIR, *sorted((india.pk, usa.pk))) == 0
    assert_matches_a_rebuild()

    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED)
    assert meetings_of(Kind.PAIR, *sorted((india.pk, usa.pk))) == 1
    assert_matches_a_rebuild()


def test_a_topic_moved_under_another_counts_its_meetings_there_too(make_meeting, jaishankar, rubio):
    economy = Topic.objects.create(name="Economy", slug="economy")
    tariffs = Topic.objects.create(name="Tariffs", slug="tariffs")
    make_meeting(jaishankar, rubio, topics=[tariffs])
    assert meetings_of(Kind.TOPIC, economy.pk) == 0

    with services.writing():
        tariffs.parent = economy
        tariffs.save()

    assert meetings_of(Kind.TOPIC, economy.pk) == 1
    assert_matches_a_rebuild()


def test_deleting_a_topic_in_the_admin_takes_it_out_of_the_counts_above_it(
    admin_client, make_meeting, jaishankar, rubio
):
    economy = Topic.objects.create(name="Economy", slug="economy")
    tariffs = Topic.objects.create(name="Tariffs", slug="tariffs", parent=economy)
    make_meeting(jaishankar, rubio, topics=[tariffs])
    assert meetings_of(Kind.TOPIC, economy.pk) == 1

    response = admin_client.post(f"/admin/meetings/topic/{tariffs.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Topic.objects.filter(pk=tariffs.pk).exists()
    assert meetings_of(Kind.TOPIC, economy.pk) == 0
    assert_matches_a_rebuild()


@pytest.mark.parametrize("what", ["official", "venue", "occasion", "country"])
def test_deleting_what_a_meeting_points_to_is_refused_and_changes_nothing(
    what, admin_client, seed_meeting, jaishankar, kuala_lumpur, asean_summit, india
):
    thing = {"official": jaishankar, "venue": kuala_lumpur, "occasion": asean_summit}.get(
        what, india
    )
    response = admin_client.post(f"/admin/meetings/{what}/{thing.pk}/delete/", {"post": "yes"})

    assert response.status_code == 200
    assert "Cannot delete" in response.content.decode() or "would require deleting" in (
        response.content.decode()
    )
    assert type(thing).objects.filter(pk=thing.pk).exists()
    assert_matches_a_rebuild()


def test_deleting_an_unused_official_venue_or_occasion_keeps_the_rows_right(
    admin_client, seed_meeting, malaysia
):
    lonely = Official.objects.create(name="Nobody Special", country=malaysia)
    nowhere = Venue.objects.create(name="Putrajaya", country=malaysia)
    forum = Occasion.objects.create(name="A forum", venue=nowhere)
    for url in (
        f"/admin/meetings/occasion/{forum.pk}/delete/",
        f"/admin/meetings/venue/{nowhere.pk}/delete/",
        f"/admin/meetings/official/{lonely.pk}/delete/",
    ):
        assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert_matches_a_rebuild()


def test_the_admin_publish_and_unpublish_actions_move_meetings_in_and_out(
    admin_client, make_meeting, jaishankar, rubio, india, usa
):
    meetings = [make_meeting(jaishankar, rubio, status=Meeting.Status.DRAFT) for _ in range(3)]
    url = "/admin/meetings/meeting/"
    ids = [str(m.pk) for m in meetings]
    the_pair = pair(india, usa)

    admin_client.post(url, {"action": "publish", "_selected_action": ids})
    assert meetings_of(*the_pair) == 3
    assert_matches_a_rebuild()

    admin_client.post(url, {"action": "unpublish", "_selected_action": ids[:2]})
    assert meetings_of(*the_pair) == 1
    assert_matches_a_rebuild()

    admin_client.post(url, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert meetings_of(*the_pair) == 0
    assert_matches_a_rebuild()


def test_adding_a_meeting_in_the_admin_refreshes_it_once(
    admin_client, jaishankar, rubio, trade, monkeypatch
):
    refreshed = []
    real = derived.refresh
    monkeypatch.setattr(
        derived,
        "refresh",
        lambda ids, using="default": refreshed.append(sorted(ids)) or real(ids, using),
    )
    form = {
        "title": "",
        "date": "2025-10-27",
        "date_precision": "day",
        "kind": "in-person",
        "status": "draft",
        "topics": [trade.pk],
        "participations-TOTAL_FORMS": "2",
        "participations-INITIAL_FORMS": "0",
        "participations-0-official": jaishankar.pk,
        "participations-1-official": rubio.pk,
        "meeting_sources-TOTAL_FORMS": "0",
        "meeting_sources-INITIAL_FORMS": "0",
    }
    response = admin_client.post("/admin/meetings/meeting/add/", form)

    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get()
    # one refresh, with the new meeting in it (and any meeting an earlier test's rolled-back
    # transaction touched: a refresh recomputes from what the database holds)
    assert len(refreshed) == 1 and refreshed[0].count(meeting.pk) == 1
    assert MeetingCountry.objects.filter(meeting=meeting).count() == 2
    assert_matches_a_rebuild()


def test_a_stored_cycle_of_topics_does_not_hang_the_admin(admin_client):
    a = Topic.objects.create(name="Alpha", slug="alpha")
    b = Topic.objects.create(name="Beta", slug="beta", parent=a)
    Topic.objects.filter(pk=a.pk).update(parent=b)  # bad data written behind the admin's back

    response = admin_client.post(
        "/admin/meetings/topic/add/", {"name": "Gamma", "slug": "gamma", "parent": b.pk}
    )
    assert response.status_code == 302
    response = admin_client.post(
        f"/admin/meetings/topic/{b.pk}/change/", {"name": "Beta", "slug": "beta", "parent": a.pk}
    )
    assert "cannot sit under itself" in response.content.decode()


# -- the bulk importer ---------------------------------------------------------------------


def generated_file(tmp_path, n: int, seed: int) -> Path:
    path = tmp_path / "synthetic.jsonl"
    quiet = {"stdout": StringIO(), "stderr": StringIO()}
    call_command(generate.Command(), str(n), "--seed", str(seed), "--output", str(path), **quiet)
    return path


@pytest.mark.django_db
def test_a_bulk_import_writes_what_a_rebuild_writes(tmp_path):
    from meetings.countries import load_countries

    load_countries()
    path = generated_file(tmp_path, 400, 5)
    call_command("import_meetings", str(path), stdout=StringIO(), stderr=StringIO())
    assert meetings_of(Kind.EVERYTHING) > 300
    assert_matches_a_rebuild()

    # a changed line moves its meeting: the old counts go, the new ones come
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    changed = next(line for line in lines if line.get("status") == "published")
    changed["date"] = "1901-06-15"
    changed["date_precision"] = "day"
    path.write_text(json.dumps(changed) + "\n")
    call_command("import_meetings", str(path), stdout=StringIO(), stderr=StringIO())
    assert Meeting.objects.filter(date__year=1901).count() == 1
    assert_matches_a_rebuild()


class ScratchDatabase:
    """A database of the suite's engine for subprocesses to use, dropped afterwards."""

    def __init__(self, name: str):
        self.postgres = connection.vendor == "postgresql"
        if not self.postgres:
            self.path = Path(name).with_suffix(".sqlite3")
            self.url = f"sqlite:///{self.path}"
            return
        settings = connection.settings_dict
        self.name = f"{settings['NAME']}_{Path(name).name}"
        self.params = {
            "user": settings["USER"] or "postgres",
            "host": settings["HOST"] or "127.0.0.1",
            "port": settings["PORT"] or 5432,
        }
        self.url = "postgres://{user}@{host}:{port}/".format(**self.params) + self.name
        self.execute_on_server(f'DROP DATABASE IF EXISTS "{self.name}"')
        self.execute_on_server(f'CREATE DATABASE "{self.name}"')

    def execute_on_server(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.params) as db:
            db.execute(sql)

    def meetings(self) -> int:
        """How many meetings the subprocesses have committed so far."""
        if self.postgres:
            import psycopg

            with psycopg.connect(dbname=self.name, **self.params) as db:
                return db.execute("SELECT count(*) FROM meetings_meeting").fetchone()[0]
        import sqlite3

        with sqlite3.connect(self.path, timeout=30) as db:
            return db.execute("SELECT count(*) FROM meetings_meeting").fetchone()[0]

    def drop(self) -> None:
        if self.postgres:
            self.execute_on_server(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        else:
            self.path.unlink(missing_ok=True)


def manage(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)


@pytest.mark.django_db(transaction=True)
def test_an_import_killed_midway_leaves_matching_counts_and_a_rerun_completes_it(tmp_path):
    scratch = ScratchDatabase(str(tmp_path / "killed"))
    try:
        url = scratch.url
        assert manage(url, "migrate", "-v0").returncode == 0
        assert manage(url, "load_countries").returncode == 0
        path = tmp_path / "big.jsonl"
        generated = subprocess.run(
            [sys.executable, "-m", "bench", "generate", "3000", "--seed", "3", "--output", path],
            env={**os.environ, "DATABASE_URL": url},
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert generated.returncode == 0, generated.stderr

        importing = subprocess.Popen(
            [sys.executable, "manage.py", "import_meetings", str(path), "--batch-size", "100"],
            env={**os.environ, "DATABASE_URL": url},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while importing.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            if scratch.meetings() >= 300:
                break
        assert importing.poll() is None, "the import ended before it could be killed"
        importing.send_signal(signal.SIGKILL)
        importing.wait()

        assert 0 < scratch.meetings() < 3000
        checked = manage(url, "check_index")
        # the counts match; only the pairs' export blocks, written at the end, are not all there
        problems = [line for line in checked.stderr.splitlines() if " missing, " in line]
        assert [p.split(":")[0] for p in problems] == ["export blocks (ExportBlock)"]

        again = manage(url, "import_meetings", str(path))
        assert again.returncode == 0, again.stderr
        assert scratch.meetings() == 3000
        checked = manage(url, "check_index")
        assert checked.returncode == 0, checked.stderr
    finally:
        scratch.drop()


def test_check_index_names_a_difference_and_fails(make_meeting, jaishankar, rubio):
    make_meeting(jaishankar, rubio)
    Subject.objects.filter(kind=Kind.EVERYTHING).update(meetings=7)
    err = StringIO()
    with pytest.raises(SystemExit) as exit:
        call_command("check_index", stdout=StringIO(), stderr=err)
    assert exit.value.code == 1
    assert "counts (subjects)" in err.getvalue()

    call_command("rebuild_index", stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("check_index", stdout=out, stderr=StringIO())
    assert "match" in out.getvalue()


def test_protected_things_cannot_be_deleted_through_the_orm_either(seed_meeting, india):
    with pytest.raises(ProtectedError):
        india.delete()


def test_check_index_notices_a_stale_search_text(seed_meeting):
    from meetings.models import SearchText

    SearchText.objects.filter(meeting=seed_meeting).update(body="something else")
    differences = derived.check()
    assert [d.table for d in differences] == ["search texts (SearchText)"]

    derived.rebuild()
    assert_matches_a_rebuild()
    assert "sidelines" in SearchText.objects.get(meeting=seed_meeting).body


def test_check_index_notices_a_stale_export_record(seed_meeting):
    from meetings.models import ExportRecord

    ExportRecord.objects.filter(meeting=seed_meeting).update(csv="2025-10-27,day")
    differences = derived.check()
    # the pair's blocks, right, no longer match the wrong record either
    assert [d.table for d in differences] == [
        "export records (ExportRecord)",
        "export blocks (ExportBlock)",
    ]

    derived.rebuild()
    assert_matches_a_rebuild()
    assert "Kuala Lumpur" in ExportRecord.objects.get(meeting=seed_meeting).csv


def calls_and_videos(key: Key, month: datetime.date) -> tuple[int, int, int]:
    """(meetings, calls, videos) a subject counts in a month."""
    from meetings.models import SubjectMonth

    row = SubjectMonth.objects.filter(
        subject__in=Subject.objects.filter(derived_filter(key)), month=month
    ).first()
    return (row.meetings, row.calls, row.videos) if row else (0, 0, 0)


def test_a_meeting_that_changes_kind_moves_between_the_months_kinds(
    make_meeting, jaishankar, rubio, india, usa
):
    may = datetime.date(2025, 5, 1)
    call = make_meeting(jaishankar, rubio, date=datetime.date(2025, 5, 3), kind=Meeting.Kind.CALL)
    make_meeting(jaishankar, rubio, date=datetime.date(2025, 5, 9))
    assert calls_and_videos(pair(india, usa), may) == (2, 1, 0)

    with services.writing():
        call.kind = Meeting.Kind.VIRTUAL  # the same subjects, the same day: only the kind
        call.save()
    assert calls_and_videos(pair(india, usa), may) == (2, 0, 1)
    assert calls_and_videos(Key(Kind.EVERYTHING), may) == (2, 0, 1)
    assert_matches_a_rebuild()

    with services.writing():
        call.date = datetime.date(2025, 6, 1)
        call.kind = Meeting.Kind.IN_PERSON
        call.save()
    assert calls_and_videos(pair(india, usa), may) == (1, 0, 0)
    assert calls_and_videos(pair(india, usa), datetime.date(2025, 6, 1)) == (1, 0, 0)
    assert_matches_a_rebuild()


def test_check_index_notices_a_wrong_count_of_calls(make_meeting, jaishankar, rubio):
    from meetings.models import SubjectMonth

    make_meeting(jaishankar, rubio, kind=Meeting.Kind.CALL)
    SubjectMonth.objects.update(calls=0)

    assert [d.table for d in derived.check()] == ["counts (kinds)"]
    derived.rebuild()
    assert_matches_a_rebuild()


def test_check_index_notices_a_wrong_count_of_an_officials_year_with_a_country(
    make_meeting, jaishankar, rubio
):
    from meetings.models import SubjectOverlapYear

    make_meeting(jaishankar, rubio, date=datetime.date(2024, 3, 1))
    officials = SubjectOverlapYear.objects.filter(year=2024, other_kind="country")
    assert officials.count() == 4  # each official with both countries
    officials.update(year=2023)

    assert [d.table for d in derived.check()] == ["counts (yearly)"]
    derived.rebuild()
    assert_matches_a_rebuild()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("before", "migration"),
    [
        ("0018_subject_busiest_covering", "0019_overlap_years"),  # officials' years
        ("0024_export_records", "0025_overlap_years_by_kind"),  # pairs' and topics' years
    ],
)
def test_the_migrations_that_count_years_fill_them_as_a_rebuild_would(
    make_meeting, jaishankar, rubio, wang_yi, trade, before, migration
):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    make_meeting(jaishankar, rubio, date=datetime.date(2024, 3, 1), topics=[trade])
    make_meeting(jaishankar, rubio, date=datetime.date(2024, 9, 1))
    make_meeting(rubio, wang_yi, date=datetime.date(2025, 1, 2), topics=[trade])
    make_meeting(jaishankar, wang_yi, date=datetime.date(2025, 1, 3), status=Meeting.Status.DRAFT)
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([("meetings", before)])  # the counts go
        executor = MigrationExecutor(connection)
        executor.migrate([("meetings", migration)])  # and are counted again
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)

    assert_matches_a_rebuild()
