"""The data twins of the pages: from the India–United States pair page of the demo data, the CSV,
JSON and Atom links are followed and read as a spreadsheet, a JSON viewer and a feed reader
would read them."""

import csv
import datetime
import gzip
import io
import json
import re

import feedparser
import pytest
from django.core.management import call_command
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from meetings import derived, exports, feeds, services
from meetings.countries import load_countries
from meetings.models import Country, Meeting, MeetingSource, Official, Source, Topic
from tests.intake_fixtures import SEED_TITLE, world_loaded

D = datetime.date
PAIR = "/countries/in/us/"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo imported once for the module; each test reads it in its own transaction."""
    with world_loaded(django_db_blocker, demo=True, places=False):
        yield


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def pair_meetings() -> list[Meeting]:
    """The published meetings India and the United States both took part in, newest first."""
    india, usa = Country.objects.get(code="IN"), Country.objects.get(code="US")
    return list(Meeting.objects.published().involving(india, usa).order_by("-date", "-id"))


def links(client, path: str) -> dict[str, str]:
    """The page's visible data links by label; each must also be a <link rel="alternate">."""
    page = client.get(path).text
    shown = re.search(r'<p class="data-links">(.*?)</p>', page).group(1)
    found = {
        label: href.replace("&amp;", "&")
        for href, label in re.findall(r'<a href="([^"]+)" type="[^"]+">([^<]+)</a>', shown)
    }
    for label, kind in [
        ("CSV", "text/csv"),
        ("JSON", "application/json"),
        ("Atom feed", "application/atom+xml"),
    ]:
        href = found[label].replace("&", "&amp;")
        assert f'<link rel="alternate" type="{kind}" href="{href}"' in page
    return found


def read_csv(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheets read it as UTF-8
    return list(csv.DictReader(io.StringIO(text[1:])))


def read_json(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(body(response))


def read_feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


@pytest.fixture
def draft(demo):
    """An unpublished meeting of India and the United States, with a source."""
    with services.writing():
        meeting = Meeting.objects.create(
            date=D(2025, 11, 3), title="Draft talks nobody may see yet", status="draft"
        )
        for slug in ("s-jaishankar", "marco-rubio"):
            meeting.participations.create(official=Official.objects.get(slug=slug))
        source = Source.objects.create(
            citation="An editor's notes", offline=True, published_on=D(2025, 11, 3)
        )
        MeetingSource.objects.create(meeting=meeting, source=source, quote="They met.")
    return meeting


def test_the_pair_page_links_csv_json_and_atom_with_its_own_address(client, demo):
    assert links(client, PAIR) == {
        "CSV": f"{PAIR}?format=csv",
        "JSON": f"{PAIR}?format=json",
        "Atom feed": f"{PAIR}?format=atom",
    }


def test_the_csv_has_one_row_per_meeting_of_the_pair_with_every_field(client, demo):
    rows = read_csv(client, links(client, PAIR)["CSV"])
    expected = pair_meetings()

    assert [row["url"] for row in rows] == [f"http://testserver/meetings/{m.pk}/" for m in expected]
    assert list(rows[0]) == exports.COLUMNS
    seed = next(row for row in rows if row["title"] == SEED_TITLE)
    assert seed["date"] == "2025-10-27"
    assert seed["date_precision"] == "day"
    assert seed["end_date"] == ""
    assert seed["kind"] == "in-person"
    assert seed["countries"] == "IN; US"
    assert seed["participants"] == (
        "S. Jaishankar (External Affairs Minister, IN); Marco Rubio (Secretary of State, US)"
    )
    assert (seed["venue"], seed["venue_country"]) == ("Kuala Lumpur", "Malaysia")
    assert seed["occasion"] == "47th ASEAN Summit"
    assert "Trade" in seed["topics"].split("; ")
    assert seed["sources"]
    for row in rows:
        assert set(row["countries"].split("; ")) >= {"IN", "US"}
        datetime.date.fromisoformat(row["date"])


def test_what_a_meeting_points_to_is_exported_as_it_is_now(client, demo):
    """The exports read each meeting's record as it was written; renaming what it points to
    writes it again at once."""
    seed = Meeting.objects.get(title=SEED_TITLE)
    venue, source = seed.venue, seed.sources.order_by("meeting_sources__id").first()
    topic = seed.topics.get(name="Trade")
    source.url = "https://example.org/moved"
    with services.writing():
        source.save()
    row = next(r for r in read_csv(client, f"{PAIR}?format=csv") if r["title"] == SEED_TITLE)
    assert row["sources"].split("; ")[0] == "https://example.org/moved"

    venue.name, topic.name = "Putrajaya", "Commerce"
    with services.writing():
        venue.save()
        topic.save()
    row = next(r for r in read_csv(client, f"{PAIR}?format=csv") if r["title"] == SEED_TITLE)
    assert (row["venue"], row["venue_country"]) == ("Putrajaya", "Malaysia")
    assert "Commerce" in row["topics"].split("; ")
    data = read_json(client, f"{PAIR}?format=json")
    meeting = next(m for m in data["meetings"] if m["id"] == seed.pk)
    assert meeting["url"] == f"http://testserver/meetings/{seed.pk}/"
    assert meeting["venue"] == {"name": "Putrajaya", "slug": venue.slug, "country": "Malaysia"}
    assert derived.check() == []

    # a country renamed by the country list (as a newer release of it would rename it)
    Country.objects.filter(code="MY").update(name="Malaya")
    derived.rebuild()
    assert read_csv(client, f"{PAIR}?format=csv&q=sidelines")[0]["venue_country"] == "Malaya"
    load_countries()
    assert read_csv(client, f"{PAIR}?format=csv&q=sidelines")[0]["venue_country"] == "Malaysia"
    assert derived.check() == []


def test_the_csv_streams_and_names_its_file(client, demo):
    response = client.get(f"{PAIR}?format=csv")

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="meetings-of-india-united-states\.csv"',
        response["Content-Disposition"],
    )
    assert isinstance(client.get(f"{PAIR}?format=json"), StreamingHttpResponse)


def test_the_json_lists_the_pair_meetings_with_their_participants_and_sources(client, demo):
    data = read_json(client, links(client, PAIR)["JSON"])
    expected = pair_meetings()

    assert data["title"] == "Meetings of India – United States"
    assert data["page"] == f"http://testserver{PAIR}"
    assert data["count"] == len(expected) == len(data["meetings"])
    assert [m["id"] for m in data["meetings"]] == [m.pk for m in expected]
    seed = next(m for m in data["meetings"] if m["title"] == SEED_TITLE)
    assert seed["date"] == "2025-10-27" and seed["kind"] == "in-person"
    assert seed["countries"] == ["IN", "US"]
    assert {"name": "Marco Rubio", "title": "Secretary of State", "country": "US"} in seed[
        "participants"
    ]
    assert seed["venue"]["slug"] == "kuala-lumpur"
    assert seed["occasion"]["slug"] == "asean-summit-2025"
    assert {"name": "Trade", "slug": "trade"} in seed["topics"]
    source = Meeting.objects.get(pk=seed["id"]).sources.order_by("pk").first()
    assert seed["sources"][0]["published_on"] == source.published_on.isoformat()
    assert seed["sources"][0]["url"] == source.url
    assert seed["url"] == f"http://testserver/meetings/{seed['id']}/"


def test_the_feed_has_an_entry_per_meeting_of_the_pair(client, demo):
    feed = read_feed(client, links(client, PAIR)["Atom feed"])
    expected = pair_meetings()

    assert feed.feed.title.startswith("Meetings of India – United States")
    assert feed.feed.link == f"http://testserver{PAIR}"
    assert sorted(e.link for e in feed.entries) == sorted(
        f"http://testserver/meetings/{m.pk}/" for m in expected
    )
    seed = next(e for e in feed.entries if e.title == SEED_TITLE)
    assert "S. Jaishankar, External Affairs Minister (India)" in seed.summary
    assert "Trade" in [tag.term for tag in seed.tags]
    assert seed.id.startswith("urn:uuid:")


def test_a_draft_is_in_no_export_or_feed(client, draft):
    csv_rows = read_csv(client, f"{PAIR}?format=csv")
    data = read_json(client, f"{PAIR}?format=json")
    feed = read_feed(client, f"{PAIR}?format=atom")

    address = f"http://testserver/meetings/{draft.pk}/"
    assert address not in [row["url"] for row in csv_rows]
    assert draft.pk not in [m["id"] for m in data["meetings"]]
    assert address not in [e.link for e in feed.entries]
    assert len(csv_rows) == len(pair_meetings())


@pytest.mark.parametrize(
    "path",
    [
        PAIR,
        "/meetings/",
        "/meetings/?kind=in-person",
        "/officials/s-jaishankar/",
        "/meetings/?country=in&country=us&official=marco-rubio",
    ],
)
def test_publishing_a_meeting_puts_it_first_in_the_feed_whatever_its_date(client, draft, path):
    Meeting.objects.filter(pk=draft.pk).update(date=D(1999, 3, 1))  # older than every other
    url = f"{path}{'&' if '?' in path else '?'}format=atom"
    before = read_feed(client, url)

    services.publish(Meeting.objects.filter(pk=draft.pk), user=None)
    after = read_feed(client, url)

    address = f"http://testserver/meetings/{draft.pk}/"
    assert address not in [e.link for e in before.entries]
    assert after.entries[0].link == address
    assert after.entries[0].title == "Draft talks nobody may see yet"
    assert [e.link for e in after.entries[1:]] == [e.link for e in before.entries][
        : feeds.ENTRIES - 1
    ]
    times = [e.updated_parsed for e in after.entries]
    assert times == sorted(times, reverse=True)


@pytest.mark.parametrize("path", [PAIR, "/meetings/", "/meetings/?country=in&topic=trade"])
def test_correcting_a_published_meeting_puts_it_first_in_its_feeds(client, demo, path):
    """A change that moves the meeting under no other subject (a corrected summary) still
    tells the feeds' readers."""
    url = f"{path}{'&' if '?' in path else '?'}format=atom"
    last = read_feed(client, url).entries[-1].link
    meeting = Meeting.objects.get(pk=int(last.rstrip("/").rsplit("/", 1)[1]))
    with services.writing():
        meeting.summary += " Corrected: the talks lasted two hours."
        meeting.save()

    after = read_feed(client, url)
    assert after.entries[0].link == last
    assert after.entries[0].updated_parsed >= after.entries[1].updated_parsed


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(client, draft):
    Meeting.objects.filter(pk=draft.pk).update(title='=HYPERLINK("http://evil.example","x")')
    topic = Topic.objects.create(name="+SUM(A1:A9)", slug="plus-sum")
    draft.topics.add(topic)
    services.publish(Meeting.objects.filter(pk=draft.pk), user=None)

    rows = read_csv(client, f"{PAIR}?format=csv")

    row = next(r for r in rows if r["url"].endswith(f"/meetings/{draft.pk}/"))
    assert row["title"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["topics"] == "'+SUM(A1:A9)"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    # JSON is data, not a spreadsheet: the title stays as entered
    data = read_json(client, f"{PAIR}?format=json")
    assert data["meetings"][0]["title"].startswith("=HYPERLINK")


def test_the_list_exports_follow_its_filters(client, demo):
    url = "/meetings/?country=India&country=us&topic=trade&format=csv"
    rows = read_csv(client, url)
    trade = Topic.objects.get(slug="trade")
    expected = [m for m in pair_meetings() if m in Meeting.objects.on_topic(trade)]

    assert expected and [r["url"] for r in rows] == [
        f"http://testserver/meetings/{m.pk}/" for m in expected
    ]
    page = client.get("/meetings/?country=India&country=us&topic=trade&page=1").text
    assert 'href="/meetings/?country=India&amp;country=us&amp;topic=trade&amp;format=csv"' in page


@pytest.mark.parametrize(
    "path",
    ["/countries/in/", "/officials/s-jaishankar/", "/topics/trade/", "/venues/kuala-lumpur/"],
)
def test_every_subject_page_has_twins_of_its_own_meetings(client, demo, path):
    html_ids = set(re.findall(r'href="/meetings/(\d+)/"', client.get(path).text))
    data = read_json(client, links(client, path)["JSON"])
    feed = read_feed(client, f"{path}?format=atom")

    exported = {str(m["id"]) for m in data["meetings"]}
    assert html_ids and html_ids <= exported  # the page shows the first twenty
    assert {e.link.rsplit("/", 2)[-2] for e in feed.entries} <= exported


def test_a_long_export_is_read_in_batches_without_losing_or_repeating_a_meeting(
    client, demo, monkeypatch
):
    """Batches of two, over meetings of the same day: each batch starts where the last ended."""
    jaishankar, rubio = (Official.objects.get(slug=s) for s in ("s-jaishankar", "marco-rubio"))
    with services.writing():
        for n in range(5):
            meeting = Meeting.objects.create(date=D(2025, 10, 27), title=f"Same day {n}")
            meeting.participations.create(official=jaishankar)
            meeting.participations.create(official=rubio)
            source = Source.objects.create(citation=f"Note {n}", published_on=D(2025, 10, 27))
            MeetingSource.objects.create(meeting=meeting, source=source)
            Meeting.objects.filter(pk=meeting.pk).update(status="published")
    monkeypatch.setattr(exports, "BATCH", 2)

    rows = read_csv(client, f"{PAIR}?format=csv")
    everything = read_json(client, "/meetings/?format=json")

    assert [r["url"] for r in rows] == [
        f"http://testserver/meetings/{m.pk}/" for m in pair_meetings()
    ]
    published = Meeting.objects.published().order_by("-date", "-id")
    assert [m["id"] for m in everything["meetings"]] == [m.pk for m in published]


def add_pair_meeting(day: datetime.date, title: str) -> Meeting:
    """A published meeting of Jaishankar and Rubio (India and the United States)."""
    with services.writing():
        meeting = Meeting.objects.create(date=day, title=title)
        for slug in ("s-jaishankar", "marco-rubio"):
            meeting.participations.create(official=Official.objects.get(slug=slug))
        source = Source.objects.create(citation=f"Readout of {title}", published_on=day)
        MeetingSource.objects.create(meeting=meeting, source=source)
        Meeting.objects.filter(pk=meeting.pk).update(status="published")
    return meeting


def export(client, url: str) -> tuple[bytes, set[str]]:
    """The export's text, and which stored form it was read from: the pair's yearly blocks
    ("exportblock") or each meeting's record ("exportrecord")."""
    with CaptureQueriesContext(connection) as captured:
        text = body(client.get(url))
    read = {t for t in ("exportblock", "exportrecord") for q in captured if t in q["sql"]}
    return text, read


def assert_whole_pair_as_read_a_meeting_at_a_time(client) -> None:
    """The pair's whole CSV and JSON, written ahead a year at a time, say exactly what its
    meetings' records say read one by one (a date filter that keeps them all reads those)."""
    every = "/meetings/?country=in&country=us&from=1000-01-01"
    whole, read = export(client, f"{PAIR}?format=csv")
    assert read == {"exportblock"}
    one_by_one, read = export(client, f"{every}&format=csv")
    assert read == {"exportrecord"}
    assert whole == one_by_one
    whole, read = export(client, f"{PAIR}?format=json")
    assert read == {"exportblock"}
    one_by_one, _ = export(client, f"{every}&format=json")
    whole, one_by_one = json.loads(whole), json.loads(one_by_one)
    assert whole["meetings"] == one_by_one["meetings"]
    assert whole["count"] == one_by_one["count"] == len(pair_meetings())


def test_a_pairs_whole_export_is_what_its_meetings_say_after_every_kind_of_change(client, demo):
    assert_whole_pair_as_read_a_meeting_at_a_time(client)

    same_day = [add_pair_meeting(D(2019, 3, 1), f"Talks {n}") for n in range(2)]
    moved = add_pair_meeting(D(2021, 7, 4), "Talks moved to another year")
    # a character the stored text uses for the site's address, typed into a title
    odd = add_pair_meeting(D(2021, 7, 5), "Talks \x01 with a control character")
    assert_whole_pair_as_read_a_meeting_at_a_time(client)
    rows = read_csv(client, f"{PAIR}?format=csv")
    row = next(r for r in rows if r["title"].startswith("Talks  with"))
    assert row["url"] == f"http://testserver/meetings/{odd.pk}/"

    moved.refresh_from_db()
    with services.writing():
        moved.date = D(2016, 2, 2)
        moved.save()
    services.unpublish(Meeting.objects.filter(pk=same_day[0].pk), user=None)
    with services.writing():
        same_day[1].delete()
    rubio = Official.objects.get(slug="marco-rubio")
    rubio.name = "Marco A. Rubio"
    with services.writing():
        rubio.save()

    rows = read_csv(client, f"{PAIR}?format=csv")
    titles = {r["title"]: r for r in rows}
    assert titles["Talks moved to another year"]["date"] == "2016-02-02"
    assert "Talks 0" not in titles and "Talks 1" not in titles
    assert "Marco A. Rubio" in titles["Talks moved to another year"]["participants"]
    assert_whole_pair_as_read_a_meeting_at_a_time(client)
    assert derived.check() == []


def test_a_pair_exported_while_an_import_rewrites_it_is_whole(client, demo):
    """An import drops the blocks it touches and writes them at its end: meanwhile the pair
    is read a meeting at a time, all of it."""
    everything, _ = export(client, f"{PAIR}?format=csv")
    derived.refresh([m.pk for m in pair_meetings()[:2]], bulk=True)

    text, read = export(client, f"{PAIR}?format=csv")
    assert "exportrecord" in read  # (its blocks were counted, and found short)
    assert text == everything

    assert derived.fill_blocks() >= 1  # the pair, and those of the meetings of three countries
    text, read = export(client, f"{PAIR}?format=csv")
    assert read == {"exportblock"}
    assert text == everything


def test_a_pair_whose_blocks_an_import_drops_while_it_is_sent_is_sent_whole(
    client, demo, monkeypatch
):
    """Two years a query: after the first two years are sent, an import drops an older year's
    block; the rest is read a meeting at a time from the year the blocks stopped at."""
    for year in (2011, 2012, 2013):
        add_pair_meeting(D(year, 5, 1), f"Talks of {year}")
    everything, _ = export(client, f"{PAIR}?format=csv")
    monkeypatch.setattr(exports, "YEARS", 2)

    sent = iter(client.get(f"{PAIR}?format=csv").streaming_content)
    first = [next(sent) for _ in range(3)]  # the header and two years
    older = Meeting.objects.get(title="Talks of 2012")
    derived.refresh([older.pk], bulk=True)
    with CaptureQueriesContext(connection) as captured:
        rest = list(sent)

    assert b"".join(first + rest) == everything
    assert any("exportrecord" in q["sql"] for q in captured)


def test_a_change_to_many_meetings_writes_their_pairs_blocks_again_at_its_end(
    client, demo, monkeypatch
):
    monkeypatch.setattr(derived, "CHUNK", 2)  # Rubio's meetings are refreshed in several rounds
    rubio = Official.objects.get(slug="marco-rubio")
    assert Meeting.objects.published().filter(participations__official=rubio).count() > 2
    rubio.name = "Marco A. Rubio"
    with services.writing():
        rubio.save()

    rows = read_csv(client, f"{PAIR}?format=csv")
    assert all("Marco A. Rubio" in r["participants"] for r in rows if "Rubio" in r["participants"])
    assert_whole_pair_as_read_a_meeting_at_a_time(client)
    assert derived.check() == []


def test_a_bad_format_or_filter_is_a_400_that_says_why(client, demo):
    response = client.get(f"{PAIR}?format=xlsx")
    assert response.status_code == 400
    assert "no format “xlsx”" in response.text and "format=csv" in response.text

    response = client.get("/meetings/?country=zz&format=csv")
    assert response.status_code == 400
    assert response.text == "country: No country has the code “zz”."

    response = client.get("/meetings/?from=yesterday&format=json")
    assert response.status_code == 400
    assert "from" in response.json()["error"]


def test_an_export_of_nothing_is_an_empty_table_not_an_error(client, demo):
    assert (
        read_csv(
            client, "/meetings/?country=in&country=us&from=1800-01-01&to=1800-12-31&format=csv"
        )
        == []
    )
    assert read_json(client, "/meetings/?q=zzqqxx&format=json")["count"] == 0


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200
        body(response)
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        f"{PAIR}?format=csv",
        f"{PAIR}?format=json",
        f"{PAIR}?format=atom",
        "/meetings/?format=csv",
        "/meetings/?topic=trade&format=atom",
        "/meetings/?format=atom",
    ],
)
def test_exports_and_feeds_cost_the_same_queries_with_more_meetings(client, demo, url):
    """Within a batch, and for a feed, the number of queries does not grow with the meetings."""
    client.get(url)
    before = queries(client, url)
    jaishankar, rubio = (Official.objects.get(slug=s) for s in ("s-jaishankar", "marco-rubio"))
    trade = Topic.objects.get(slug="trade")
    with services.writing():
        for n in range(20):
            meeting = Meeting.objects.create(date=D(2020, 1, 1 + n), title=f"More {n}")
            meeting.participations.create(official=jaishankar)
            meeting.participations.create(official=rubio)
            meeting.topics.add(trade)
            source = Source.objects.create(url=f"https://news.example/{n}")
            MeetingSource.objects.create(meeting=meeting, source=source)
        Meeting.objects.filter(title__startswith="More ").update(status="published")

    assert queries(client, url) == before


# -- the whole dataset ------------------------------------------------------------------------


def test_the_whole_dataset_is_written_served_and_listed_on_the_about_page(
    client, draft, settings, tmp_path
):
    settings.DATASET_DIR = tmp_path / "dataset"
    assert "python manage.py export_dataset" in client.get("/about/").text
    assert client.get("/downloads/meetings.csv.gz").status_code == 404

    out = io.StringIO()
    call_command("export_dataset", "--site", "https://meetings.example.org", stdout=out)

    published = Meeting.objects.published().order_by("-date", "-id")
    assert f"{published.count()} meetings" in out.getvalue()
    # the CSV: the pages' columns, every published meeting newest first, no draft
    raw = gzip.decompress(b"".join(client.get("/downloads/meetings.csv.gz").streaming_content))
    text = raw.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["url"] for r in rows] == [
        f"https://meetings.example.org/meetings/{m.pk}/" for m in published
    ]
    # the JSON Lines: the import format, the topics first, then the published meetings only
    lines = [
        json.loads(line)
        for line in gzip.decompress(
            b"".join(client.get("/downloads/meetings.jsonl.gz").streaming_content)
        ).splitlines()
    ]
    meetings = [line for line in lines if "uid" in line]
    assert {m["uid"] for m in meetings} == {str(m.uid) for m in published}
    assert str(draft.uid) not in {m["uid"] for m in meetings}
    assert {m["status"] for m in meetings} == {"published"}
    assert any("topic" in line for line in lines)
    # the About page links both, with their size
    about = client.get("/about/").text
    for name in ("meetings.jsonl.gz", "meetings.csv.gz"):
        assert f'href="/downloads/{name}"' in about
    size = (settings.DATASET_DIR / "meetings.csv.gz").stat().st_size
    assert f"({size / 1000:.1f} kB, written" in about


def test_the_dataset_files_are_imported_back_as_they_were(draft, settings, tmp_path):
    """The JSONL download is the import format: importing it changes nothing."""
    settings.DATASET_DIR = tmp_path
    call_command("export_dataset", stdout=io.StringIO())
    out = io.StringIO()
    call_command(
        "import_meetings", str(tmp_path / "meetings.jsonl.gz"), stdout=out, stderr=io.StringIO()
    )
    published = Meeting.objects.published().count()
    assert f"0 created, {published} unchanged, 0 updated, 0 skipped" in out.getvalue()


def test_only_the_dataset_files_are_served(client, demo):
    response = client.get("/downloads/settings.py")
    assert response.status_code == 404
    assert "meetings.csv.gz" in response.text


def test_a_head_request_for_an_export_reads_no_meetings(client, demo):
    with CaptureQueriesContext(connection) as captured:
        response = client.head(f"{PAIR}?format=csv")
        body(response)

    def read_meetings(sql: str) -> bool:
        return "exportrecord" in sql or "exportblock" in sql

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert not any(read_meetings(q["sql"]) for q in captured.captured_queries)
    with CaptureQueriesContext(connection) as captured:
        body(client.get(f"{PAIR}?format=csv"))
    assert any(read_meetings(q["sql"]) for q in captured.captured_queries)


def test_the_timeline_of_a_year_or_month_exports_its_own_dates(client, demo):
    month = "/timeline/2025/10/?country=in&country=us"
    data = read_json(client, links(client, month)["JSON"])
    year = read_csv(client, links(client, "/timeline/2024/?country=in&country=us")["CSV"])

    october = [m for m in pair_meetings() if (m.date.year, m.date.month) == (2025, 10)]
    assert october and [m["id"] for m in data["meetings"]] == [m.pk for m in october]
    assert data["title"] == "Meetings of India – United States from 2025-10-01 to 2025-10-31"
    in_2024 = [m for m in pair_meetings() if m.date.year == 2024]
    assert in_2024 and [r["url"] for r in year] == [
        f"http://testserver/meetings/{m.pk}/" for m in in_2024
    ]
