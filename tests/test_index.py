"""The facets and tallies the public pages read stay equal to what the meetings say.

Every edit (through the ORM, the admin's actions, or a bulk import) must leave them exactly as a
rebuild from scratch would; the pages then show the right counts without counting meetings."""

import datetime
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from meetings import browse, index
from meetings.countries import load_countries
from meetings.models import Facet, Issue, Meeting, Participation, Tally


def snapshot():
    facets = sorted(Facet.objects.values_list("key", "date", "meeting_id"))
    tallies = sorted(Tally.objects.filter(n__gt=0).values_list("key", "kind", "ref", "n"))
    lines = sorted(Meeting.objects.values_list("id", "indexed"))
    return facets, tallies, lines


def assert_same_as_a_rebuild():
    kept = snapshot()
    index.rebuild()
    assert snapshot() == kept


def tally(key: str, kind: str, ref: str) -> int:
    row = Tally.objects.filter(key=key, kind=kind, ref=ref).first()
    return row.n if row else 0


def pair(a, b) -> str:
    return index.pair_key(a.pk, b.pk)


def test_edits_through_the_orm_keep_facets_and_tallies_current(
    make_meeting, jaishankar, rubio, wang_yi, india, usa, china, kuala_lumpur, trade, defence
):
    first = make_meeting(jaishankar, rubio, venue=kuala_lumpur, issues=[trade])
    second = make_meeting(jaishankar, wang_yi, date=datetime.date(2024, 3, 1))
    draft = make_meeting(rubio, wang_yi, status=Meeting.Status.DRAFT)
    assert_same_as_a_rebuild()
    assert tally(index.ALL, "y", "2025") == 1  # the draft does not count
    assert tally(pair(india, usa), "v", str(kuala_lumpur.pk)) == 1

    Participation.objects.create(meeting=first, official=wang_yi)  # a third country joins
    assert_same_as_a_rebuild()
    assert tally(pair(china, usa), "y", "2025") == 1
    assert Facet.objects.filter(key=f"c:{china.pk}").count() == 2

    first.issues.set([defence])
    second.date = datetime.date(2023, 5, 2)
    second.save()
    assert_same_as_a_rebuild()
    assert tally(f"i:{trade.pk}", "y", "2025") == 0
    assert tally(pair(china, india), "y", "2023") == 1

    draft.status = Meeting.Status.PUBLISHED
    draft.save()
    first.participations.get(official=wang_yi).delete()
    assert_same_as_a_rebuild()
    assert tally(index.ALL, "c", str(china.pk)) == 2

    second.delete()
    assert_same_as_a_rebuild()
    assert not Facet.objects.filter(meeting_id=second.pk).exists()
    assert tally(index.ALL, "y", "2023") == 0


def test_a_topic_moved_under_another_counts_its_meetings_there_too(make_meeting, jaishankar, rubio):
    economy = Issue.objects.create(name="Economy", slug="economy")
    tariffs = Issue.objects.create(name="Tariffs", slug="tariffs")
    make_meeting(jaishankar, rubio, issues=[tariffs])
    assert tally(index.ALL, "i", str(economy.pk)) == 0

    tariffs.parent = economy
    tariffs.save()

    assert tally(index.ALL, "i", str(economy.pk)) == 1
    assert_same_as_a_rebuild()


def test_the_admin_publish_and_unpublish_actions_move_meetings_in_and_out(
    admin_client, make_meeting, jaishankar, rubio, india, usa
):
    meetings = [make_meeting(jaishankar, rubio, status=Meeting.Status.DRAFT) for _ in range(3)]
    url = "/admin/meetings/meeting/"
    ids = [str(m.pk) for m in meetings]

    admin_client.post(url, {"action": "publish", "_selected_action": ids})
    assert tally(pair(india, usa), "y", "2025") == 3
    assert_same_as_a_rebuild()

    admin_client.post(url, {"action": "unpublish", "_selected_action": ids[:2]})
    assert tally(pair(india, usa), "y", "2025") == 1
    assert_same_as_a_rebuild()


@pytest.mark.django_db
def test_a_bulk_import_writes_the_same_facets_and_tallies_as_a_rebuild(tmp_path):
    load_countries()
    path = tmp_path / "synthetic.jsonl"
    quiet = {"stdout": StringIO(), "stderr": StringIO()}
    call_command("generate_meetings", "400", "--seed", "5", "--output", str(path), **quiet)
    call_command("import_meetings", str(path), stdout=StringIO(), stderr=StringIO())
    assert Tally.objects.filter(key=index.ALL, kind="y").exists()
    assert_same_as_a_rebuild()

    # a changed line moves its meeting: the old contribution goes, the new one comes
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    changed = next(line for line in lines if line["status"] == "published")
    changed["date"] = "1901-06-15"
    changed["date_precision"] = "day"
    path.write_text(json.dumps(changed) + "\n")
    call_command("import_meetings", str(path), stdout=StringIO(), stderr=StringIO())
    assert tally(index.ALL, "y", "1901") == 1
    assert_same_as_a_rebuild()


@override_settings(MEETINGS_PER_PAGE=2)
def test_a_long_list_counts_to_a_limit_unless_the_tallies_know(
    client, make_meeting, jaishankar, rubio, trade, monkeypatch
):
    monkeypatch.setattr(browse, "COUNT_LIMIT", 3)
    for day in range(1, 6):
        make_meeting(jaishankar, rubio, date=datetime.date(2025, 1, day), issues=[trade])
    make_meeting(jaishankar, rubio, date=datetime.date(2025, 2, 1))  # not on trade

    # a filter the tallies cannot answer: counted up to the limit
    counted = client.get("/meetings/?kind=in-person").content.decode()
    # the whole list, and a pair: the tallies give the exact number
    everything = client.get("/meetings/").content.decode()
    last = client.get("/meetings/?page=2").content.decode()

    # a pair on a topic: the pair's tally of that topic
    on_trade = client.get("/meetings/?country=in&country=us&issue=trade").content.decode()

    assert re.search(r"3\+ meetings, page 1 of 2", counted)
    assert re.search(r"6 meetings, page 1 of 2", everything)
    assert re.search(r"5 meetings, page 1 of 2", on_trade)
    assert "Pages stop at the newest 3 meetings" in last
    assert client.get("/meetings/?page=3").status_code == 404
    assert "6 published meetings" in client.get("/countries/in/us/").content.decode()
