"""The benchmark's parts that can go wrong quietly: the addresses it picks, wrk's script, the
figures it reads back and the mark that keeps it from dropping a database it did not make."""

import datetime
import http.server
import shutil
import threading

import pytest

from bench import pages, report
from bench import wrk as wrk_tool
from bench.database import BenchDatabase, BenchDatabaseError, read_mark, write_mark
from bench.probe import PROXY_HEADERS
from bench.wrk import WrkError, parse
from meetings.models import Meeting

D = datetime.date


def test_spread_takes_every_first_page_before_any_second_page():
    entries = [("/a/", 3), ("/b/?x=1", 1), ("/c/", 2)]
    assert pages.spread(entries, 4) == ["/a/", "/b/?x=1", "/c/", "/a/?page=2"]
    assert pages.spread(entries, 100) == [
        "/a/",
        "/b/?x=1",
        "/c/",
        "/a/?page=2",
        "/c/?page=2",
        "/a/?page=3",
    ]


def test_evenly_keeps_the_ends_and_the_count():
    assert pages.evenly(list(range(10)), 3) == [0, 4, 9]
    assert pages.evenly(list(range(1000)), 200)[-1] == 999
    assert len(set(pages.evenly(list(range(1000)), 200))) == 200
    assert pages.evenly([1, 2], 5) == [1, 2]


def test_shuffled_is_the_same_mix_every_run():
    paths = [f"/p{i}/" for i in range(50)]
    mixed = pages.shuffled(paths, "pair", 1)
    assert mixed == pages.shuffled(paths, "pair", 1)
    assert mixed != paths and sorted(mixed) == sorted(paths)


@pytest.fixture
def small_tracker(seed_meeting, make_meeting, jaishankar, wang_yi, rubio, washington, trade):
    make_meeting(jaishankar, wang_yi, date=D(2024, 3, 5), topics=[trade], venue=washington)
    make_meeting(rubio, wang_yi, date=D(2025, 2, 1))
    make_meeting(rubio, jaishankar, date=D(2023, 6, 9), status=Meeting.Status.DRAFT)


@pytest.mark.django_db
def test_every_picked_address_answers_200(client, small_tracker):
    """What the benchmark drives must be pages that do their work, not 404s or redirects."""
    kinds = pages.pick([name for name in pages.KINDS if name != pages.STATIC])
    assert [k.name for k in kinds] == [n for n in pages.KINDS if n != pages.STATIC]
    by_name = {k.name: k for k in kinds}
    assert by_name["list-deep"].paths == []  # one page of meetings: nothing deep
    assert by_name["list-deep"].note.endswith("not measured")
    for kind in kinds:
        assert kind.paths or kind.name == "list-deep"
        assert len(kind.paths) == len(set(kind.paths))
        for path in kind.paths:
            response = client.get(path, headers=PROXY_HEADERS)
            assert response.status_code == 200, (kind.name, path)
    assert "/countries/in/us/" in by_name["pair"].paths
    assert "/meetings/?country=in&country=us&topic=trade" in by_name["list-combo"].paths
    assert "/map/?country=in&country=us" in by_name["map"].paths
    zooms = by_name["timeline-zoom"].paths
    assert {"/timeline/?period=2020s", "/timeline/?period=2025"} <= set(zooms)
    assert any(p.startswith("/timeline/?country=in&country=us&period=") for p in zooms)
    assert "/countries/in/us/?format=csv" in by_name["export-pair"].paths
    assert {
        "/countries/in/us/?format=atom",
        "/topics/trade/?format=atom",
        "/officials/s-jaishankar/?format=atom",
        "/meetings/?country=in&country=us&topic=trade&format=atom",
    } <= set(by_name["feed"].paths)
    assert "/api/v1/meetings/?country=in&country=us" in by_name["api-list"].paths
    searched = by_name["list-search-text"].paths
    assert searched and len(searched) % 2 == 0
    for word, misspelt in zip(searched[::2], searched[1::2], strict=True):
        assert misspelt == word[: len("/meetings/?q=") + 2] + word[len("/meetings/?q=") + 3 :]
    assert by_name["home"].note and by_name["pair"].note.startswith("only 3 ")


def result_line(**errors) -> str:
    counts = {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0} | errors
    latency = '{"min": 900, "p50": 2500, "p90": 4000, "p99": 9100, "max": 12000, "mean": 2600.5}'
    return (
        'BENCH_RESULT {"duration_us": 2000000, "requests": 500, "bytes": 1000000, "errors": '
        + str(counts).replace("'", '"')
        + ', "latency_us": '
        + latency
        + "}"
    )


def test_parse_reads_the_scripts_last_line():
    result = parse("Running 2s test @ http://127.0.0.1:8000\n" + result_line() + "\n")
    assert result.requests_per_second == 250
    assert result.bytes_per_response == 2000
    assert result.latency_us["p99"] == 9100
    assert result.problems() == []


def test_error_statuses_and_socket_errors_are_problems():
    result = parse(result_line(status=3, timeout=1))
    assert result.problems() == ["3 responses with status 400 or above", "1 timeout errors"]
    with pytest.raises(WrkError, match="no result line"):
        parse("unable to connect to 127.0.0.1:1 Connection refused\n")


class Paths(http.server.BaseHTTPRequestHandler):
    seen: list[tuple[str, str]] = []

    def do_GET(self):
        self.seen.append((self.path, self.headers.get("X-Forwarded-Proto", "")))
        status = 404 if self.path == "/missing/" else 200
        body = b"hello"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def little_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Paths)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Paths.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
@pytest.mark.parametrize("missing", [False, True])
def test_the_wrk_script_cycles_through_the_paths(little_server, tmp_path, settings, missing):
    paths = [f"/page/{i}/" for i in range(12)] + (["/missing/"] if missing else [])
    listed = tmp_path / "paths.txt"
    listed.write_text("\n".join(paths) + "\n")
    result = wrk_tool.run(
        shutil.which("wrk"),
        little_server,
        settings.BASE_DIR / "bench" / "urls.lua",
        listed,
        threads=2,
        connections=2,
        duration=1,
        timeout=5,
    )
    assert {path for path, _ in Paths.seen} == set(paths)
    assert {proto for _, proto in Paths.seen} == {"https"}
    assert result.requests > len(paths)
    assert bool(result.problems()) is missing


def test_the_mark_says_what_the_benchmark_loaded():
    mark = {"meetings": 1000, "seed": 1, "complete": True}
    assert read_mark(write_mark(mark)) == mark
    assert read_mark("the production database") is None
    assert read_mark(None) is None


def test_the_bench_database_is_never_the_sites_own():
    db = BenchDatabase("postgres://postgres@localhost:5432/meetings_bench")
    site = {"ENGINE": "django.db.backends.postgresql", "NAME": "meetings_bench", "HOST": ""}
    assert db.same_as(site)
    assert not db.same_as({**site, "NAME": "meetings"})
    assert not db.same_as({"ENGINE": "django.db.backends.sqlite3", "NAME": "meetings_bench"})
    with pytest.raises(BenchDatabaseError):
        BenchDatabase("sqlite:///bench.sqlite3")
    with pytest.raises(BenchDatabaseError):
        BenchDatabase("postgres://postgres@127.0.0.1:5432/postgres")


def page_row(kind: str, rps: float | None, problems=()) -> dict:
    return {
        "kind": kind,
        "urls": 200,
        "note": "",
        "requests_per_second": rps,
        "percent_of_no_db": None,
        "latency_ms": {"p50": 12.345, "p99": 40.0} if rps else None,
        "cpu_ms_per_request": {"app": 5.04, "db": 1.5, "total": 6.54} if rps else None,
        "queries_per_request": 6.5,
        "bytes_per_response": 51234 if rps else None,
        "problems": list(problems),
    }


def test_the_table_shows_each_page_against_the_ceiling():
    rows = [
        page_row(pages.NO_DB, 800.0),
        page_row("pair", 200.0),
        page_row("venue", None, ["/venues/x/ answered 404"]),
    ]
    report.add_ceiling(rows)
    assert [r["percent_of_no_db"] for r in rows] == [100.0, 25.0, None]
    text = report.table({"pages": rows})
    lines = text.splitlines()
    assert lines[0].split() == ["Page", "URLs", "req/s", "%", "no-DB", "p50", "ms", "p99", "ms"] + [
        "CPU",
        "ms",
        "app+db",
        "queries",
        "bytes/resp",
    ]
    assert lines[3].split() == [
        "pair",
        "200",
        "200.0",
        "25%",
        "12.3",
        "40.0",
        "6.5",
        "5.0+1.5",
        "6.5",
        "51,234",
    ]
    assert lines[4].split()[:3] == ["venue", "!", "200"]
