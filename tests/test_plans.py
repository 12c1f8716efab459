"""Every query of every public page can be answered from an index (PostgreSQL only).

The pages' queries are captured while the pages render, then run again under EXPLAIN ANALYZE
with sequential scans priced out (so that the planner, facing a small test database, plans as
it would for a big one), and the rows each query actually read from the big tables are added
up: reading a large share of a table, by a sequential scan or by walking a whole index, would
mean reading every meeting on each request once the tracker holds a million of them."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import generate
from meetings.countries import load_countries
from meetings.models import Meeting, Occasion, Official, Subject, Topic, Venue

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans are checked on PostgreSQL"
)

# The tables that grow with the meetings (the officials, venues, topics... and their subjects grow
# with the things recorded, a much slower pace).
BIG_TABLES = (
    "meetings_meeting",
    "meetings_participation",
    "meetings_meeting_topics",
    "meetings_meetingcountry",
    "meetings_meetingsource",
    "meetings_subjectmeeting",
    "meetings_subjectmonth",
    "meetings_subjectoverlap",
    "meetings_subjectoverlapyear",
    "meetings_searchtext",
)


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_countries()
        call_command(generate.Command(), "1500", "--seed", "7", "--load", stdout=StringIO())
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        yield
        call_command("flush", "--noinput", verbosity=0)


def urls() -> dict[str, str]:
    """One address of each kind, with values from the generated meetings."""
    busiest = (
        Subject.objects.filter(kind=Subject.Kind.PAIR)
        .select_related("country", "partner")
        .order_by("-meetings")
        .first()
    )
    ca, cb = sorted((busiest.country.code.lower(), busiest.partner.code.lower()))
    meeting = Meeting.objects.published().order_by("id").first()
    year = meeting.date.year
    venue = Venue.objects.filter(meetings__status="published").first().slug
    topic = Topic.objects.filter(meetings__status="published").first().slug
    official = Official.objects.filter(participations__isnull=False).first().slug
    occasion = Occasion.objects.filter(meetings__status="published").first().slug
    surname = Official.objects.get(slug=official).name.split()[-1]
    return {
        "home": "/",
        "list": "/meetings/",
        "list, page 3": "/meetings/?page=3",
        "list by country": f"/meetings/?country={ca}",
        "list by pair": f"/meetings/?country={ca}&country={cb}",
        "list by venue": f"/meetings/?venue={venue}",
        "list by topic": f"/meetings/?topic={topic}",
        "list by official": f"/meetings/?official={official}",
        "list by occasion": f"/meetings/?occasion={occasion}",
        "list by kind": "/meetings/?kind=call",
        "list by dates": "/meetings/?from=2020-01-01&to=2021-06-30",
        "list by pair and topic": f"/meetings/?country={ca}&country={cb}&topic={topic}",
        "list by pair and dates": f"/meetings/?country={ca}&country={cb}&from=2015-01-01",
        "list by topic and venue": f"/meetings/?topic={topic}&venue={venue}",
        "meeting": f"/meetings/{meeting.pk}/",
        "timeline": "/timeline/",
        "timeline by pair": f"/timeline/?country={ca}&country={cb}",
        "year": f"/timeline/{year}/",
        "year by topic": f"/timeline/{year}/?topic={topic}",
        "month": f"/timeline/{year}/{meeting.date.month}/",
        "timeline of a decade": f"/timeline/?period={year // 10 * 10}s",
        "timeline of a year": f"/timeline/?period={year}",
        "timeline of a month": f"/timeline/?period={meeting.date:%Y-%m}",
        "timeline of a day": f"/timeline/?period={meeting.date:%Y-%m-%d}",
        "timeline of a pair's month": f"/timeline/?country={ca}&country={cb}"
        f"&period={meeting.date:%Y-%m}",
        "map": "/map/",
        "map of a country": f"/map/?country={ca}",
        "map of a pair": f"/map/?country={ca}&country={cb}",
        "countries": "/countries/",
        "country": f"/countries/{ca}/",
        "pair": f"/countries/{ca}/{cb}/",
        "official": f"/officials/{official}/",
        "topic": f"/topics/{topic}/",
        "venue": f"/venues/{venue}/",
        "occasion": f"/occasions/{occasion}/",
        "officials": "/officials/",
        "search": f"/meetings/?q={surname}",
        # a word of the texts only (video calls' titles and summaries), ranked
        "search in texts": "/meetings/?q=video",
        # found nowhere: "did you mean" finds "video" among the known words
        "search, misspelt": "/meetings/?q=vidoe",
        "api list": f"/api/v1/meetings/?country={ca}&country={cb}",
        "api search": "/api/v1/meetings/?q=video",
        "topics": "/topics/",
        "venues": "/venues/",
        "occasions": "/occasions/",
        "feed": "/meetings/?format=atom",
        "feed of a pair": f"/countries/{ca}/{cb}/?format=atom",
        "feed of a topic": f"/topics/{topic}/?format=atom",
        "feed of a list by pair and topic": f"/meetings/?country={ca}&country={cb}&topic={topic}"
        "&format=atom",
        "CSV of a pair": f"/countries/{ca}/{cb}/?format=csv",
        "JSON of a venue": f"/venues/{venue}/?format=json",
    }


def rows_read(sql: str) -> dict[str, int]:
    """How many rows the query read from each big table, from its executed plan."""
    with connection.cursor() as cursor:
        # with a few thousand rows a sequential scan is the cheapest plan anyway; priced out,
        # the planner shows what it would do with a million
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
        finally:
            cursor.execute("SET enable_seqscan = on")
    if isinstance(plan, str):
        plan = json.loads(plan)
    read: dict[str, int] = {}

    def walk(node: dict) -> None:
        table = node.get("Relation Name")
        if table in BIG_TABLES:
            rows = node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
            read[table] = read.get(table, 0) + rows * node.get("Actual Loops", 1)
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    return read


@pytest.mark.django_db
def test_no_public_page_reads_a_big_share_of_a_big_table(client, generated):
    """A page reads its rows through an index, not by going through a table: no query reads
    more than a fifth of a big table (the generated data has 1,500 meetings, so the busiest
    country, topic or venue stays well under that)."""
    sizes = {}
    with connection.cursor() as cursor:
        for table in BIG_TABLES:
            cursor.execute(f"SELECT count(*) FROM {table}")
            sizes[table] = cursor.fetchone()[0]
    problems = []
    for name, url in urls().items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            if response.streaming:  # an export reads its meetings as it is sent
                b"".join(response.streaming_content)
        assert response.status_code == 200, f"{name}: {url} gave {response.status_code}"
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            for table, n in rows_read(sql).items():
                if n > sizes[table] / 5:
                    problems.append(f"{name} ({url}): {n} of {sizes[table]} rows of {table}")
                    problems.append(f"    {sql[:400]}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_the_search_addresses_checked_above_find_meetings(client, generated):
    """The plans above are those of searches that find something: in the texts, ranked, and
    through "did you mean"."""
    found = client.get("/meetings/?q=video")
    assert "Video call" in found.text or "video call" in found.text
    corrected = client.get("/meetings/?q=vidoe")
    assert "Did you mean" in corrected.text
    assert 'href="?q=video"' in corrected.text
