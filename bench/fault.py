"""The fault test: the site under steady load while its database goes away and comes back.

    python -m bench.fault [--before 5] [--outage 10] [--after 10] [--clients 8]

1. starts a throwaway PostgreSQL cluster of its own (initdb and pg_ctl of Debian's packages) in
   a temporary folder, on a free port of 127.0.0.1, and loads the countries and the demo data;
2. serves the site with gunicorn and production settings (DEBUG=0, two workers, the database
   connections kept and health-checked as in production);
3. drives it with --clients readers, each reading public pages in a loop, and one writer who
   signs in to the admin and adds meetings one after the other;
4. after --before seconds stops PostgreSQL (`pg_ctl stop -m fast`, as a crash of the server or
   a failover drops every connection), starts it again --outage seconds later, and keeps the
   load on for --after seconds more; gunicorn is never restarted.

It prints what every phase was answered, how long after the database was back every answer
was right again, and whether every write the site acknowledged (a 302 after the add form) is
in the database. It fails (exit status 1) unless: no answer is a 500 or a dropped connection;
while the database is away the pages answer 503 with Retry-After; every answer starting 2 s
after the database is back is right; every acknowledged write is there; gunicorn kept its
workers. Everything it starts is stopped on the way out, and the folder removed.
"""

from __future__ import annotations

import argparse
import glob
import http.client
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from bench.server import Gunicorn, free_port

ROOT = Path(__file__).resolve().parent.parent
RECOVERY_LIMIT = 2.0  # seconds after the database is back by which every answer is right
REQUEST_TIMEOUT = 35  # seconds; gunicorn kills a worker stuck for 30
WORKERS = 2
EDITOR = ("fault-editor", secrets.token_urlsafe(16))


def postgres_bin() -> Path:
    """The newest PostgreSQL server binaries Debian installed."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name),
    )
    if not found:
        sys.exit("PostgreSQL's server binaries are missing (apt-get install postgresql)")
    return Path(found[-1]).parent


class Cluster:
    """A PostgreSQL cluster in a folder of its own, on 127.0.0.1 only, trust authentication."""

    def __init__(self, folder: Path):
        self.bin = postgres_bin()
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "postgresql.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/fault"

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        # initdb and the server refuse to run as root: as root, run them as postgres
        if os.geteuid() == 0:
            command = ("runuser", "-u", "postgres", "--", *command)
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def create(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )
        self.start()
        self._run(
            str(self.bin / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "fault",
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(
            str(self.bin / "pg_ctl"),
            "start",
            "-w",
            "-t",
            "60",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
        )

    def stop(self, check: bool = True) -> None:
        self._run(
            str(self.bin / "pg_ctl"),
            "stop",
            "-w",
            "-m",
            "fast",
            "-D",
            str(self.data),
            check=check,
        )

    def query(self, sql: str) -> list[str]:
        result = self._run(
            str(self.bin / "psql"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            "fault",
            "-tAc",
            sql,
        )
        return [line for line in result.stdout.splitlines() if line]


@dataclass
class Answer:
    start: float
    end: float
    status: int  # 0: no HTTP answer (refused, reset, timed out)
    retry_after: bool
    path: str


@dataclass
class Log:
    answers: list[Answer] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, answer: Answer) -> None:
        with self.lock:
            self.answers.append(answer)


def request(
    port: int, method: str, path: str, body: str | None = None, headers: dict | None = None
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def timed(log: Log, port: int, method: str, path: str, **kwargs):
    started = time.monotonic()
    try:
        status, headers, body = request(port, method, path, **kwargs)
    except OSError:
        status, headers, body = 0, {}, b""
    log.add(Answer(started, time.monotonic(), status, "retry-after" in headers, path))
    return status, headers, body


def reader(port: int, paths: list[str], log: Log, stop: threading.Event, n: int) -> None:
    i = n
    while not stop.is_set():
        timed(log, port, "GET", paths[i % len(paths)])
        i += 1


@dataclass
class Writes:
    attempted: int = 0
    acknowledged: list[str] = field(default_factory=list)


def cookies_of(headers: dict[str, str], jar: dict[str, str]) -> None:
    for match in re.finditer(r"(csrftoken|sessionid)=([^;,\s]+)", headers.get("set-cookie", "")):
        jar[match.group(1)] = match.group(2)


def cookie_header(jar: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def sign_in(port: int) -> dict[str, str]:
    jar: dict[str, str] = {}
    _, headers, _ = request(port, "GET", "/admin/login/")
    cookies_of(headers, jar)
    body = urlencode(
        {
            "csrfmiddlewaretoken": jar["csrftoken"],
            "username": EDITOR[0],
            "password": EDITOR[1],
            "next": "/admin/",
        }
    )
    status, headers, _ = request(
        port,
        "POST",
        "/admin/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(jar),
            "Referer": f"http://127.0.0.1:{port}/admin/login/",
        },
    )
    cookies_of(headers, jar)
    if status != 302 or "sessionid" not in jar:
        raise RuntimeError(f"the writer could not sign in (HTTP {status})")
    return jar


def writer(
    port: int, jar: dict, official: str, log: Log, stop: threading.Event, writes: Writes
) -> None:
    while not stop.is_set():
        writes.attempted += 1
        title = f"fault-write-{writes.attempted}"
        body = urlencode(
            {
                "csrfmiddlewaretoken": jar["csrftoken"],
                "title": title,
                "date": "2025-10-27",
                "date_precision": "day",
                "kind": "call",
                "status": "draft",
                "summary": "Written during the fault test.",
                "participations-TOTAL_FORMS": "1",
                "participations-INITIAL_FORMS": "0",
                "participations-MIN_NUM_FORMS": "0",
                "participations-MAX_NUM_FORMS": "1000",
                "participations-0-official": official,
                "meeting_sources-TOTAL_FORMS": "0",
                "meeting_sources-INITIAL_FORMS": "0",
                "meeting_sources-MIN_NUM_FORMS": "0",
                "meeting_sources-MAX_NUM_FORMS": "1000",
            }
        )
        status, _, _ = timed(
            log,
            port,
            "POST",
            "/admin/meetings/meeting/add/",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie_header(jar),
                "Referer": f"http://127.0.0.1:{port}/admin/meetings/meeting/add/",
            },
        )
        if status == 302:
            writes.acknowledged.append(title)
        elif status not in (503,):
            time.sleep(0.05)


def manage(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def phase_line(name: str, answers: list[Answer]) -> str:
    statuses: dict[int, int] = {}
    for a in answers:
        statuses[a.status] = statuses.get(a.status, 0) + 1
    ms = [1000 * (a.end - a.start) for a in answers]
    shown = ", ".join(f"{k or 'none'}: {v}" for k, v in sorted(statuses.items()))
    return (
        f"{name:<9} {len(answers):>6} requests  p50 {statistics.median(ms) if ms else 0:6.1f} ms"
        f"  p99 {percentile(ms, 0.99):7.1f} ms   {shown}"
    )


def run(before: float, outage: float, after: float, clients: int, keep: bool) -> int:
    folder = Path(tempfile.mkdtemp(prefix="meetings-fault-"))
    os.chmod(folder, 0o755)
    cluster = Cluster(folder / "pg")
    server = None
    stop = threading.Event()
    try:
        print(f"PostgreSQL {cluster.bin.parent.name}: a throwaway cluster on port {cluster.port}")
        cluster.create()
        os.environ.update(
            DJANGO_SETTINGS_MODULE="meetings.settings",
            DATABASE_URL=cluster.url,
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            HTTPS="0",
            STATIC_ROOT=str(folder / "static"),
            LOG_LEVEL="CRITICAL",
        )
        manage("migrate", "--noinput", "-v0")
        manage("load_countries")
        manage("load_demo")
        manage("collectstatic", "--noinput", "-v0")
        manage(
            "shell",
            "-c",
            "from django.contrib.auth.models import User; "
            f"User.objects.create_superuser({EDITOR[0]!r}, '', {EDITOR[1]!r})",
        )
        official = cluster.query("SELECT id FROM meetings_official ORDER BY id LIMIT 1")[0]
        ids = cluster.query(
            "SELECT id FROM meetings_meeting WHERE status = 'published' ORDER BY id LIMIT 5"
        )
        paths = [
            "/",
            "/meetings/",
            *[f"/meetings/{pk}/" for pk in ids],
            "/countries/",
            "/countries/in/us/",
            "/timeline/2025/",
            "/officials/",
            "/topics/",
        ]
        server = Gunicorn(WORKERS, folder / "gunicorn.log", ROOT, timeout=30)
        server.start("/health/")
        master = server.process.pid
        print(f"gunicorn: {WORKERS} workers, production settings, {server.url}")

        for path in paths:  # each page once, so that the first figures are not of warming up
            request(server.port, "GET", path)
        jar = sign_in(server.port)
        log = Log()
        writes = Writes()
        threads = [
            threading.Thread(target=reader, args=(server.port, paths, log, stop, n), daemon=True)
            for n in range(clients)
        ]
        threads.append(
            threading.Thread(
                target=writer,
                args=(server.port, jar, official, log, stop, writes),
                daemon=True,
            )
        )
        started = time.monotonic()
        for thread in threads:
            thread.start()
        print(f"load: {clients} readers and a writer; {before:g} s before the outage")
        time.sleep(before)
        down = time.monotonic()
        cluster.stop()
        print(f"database stopped (took {time.monotonic() - down:.1f} s); away for {outage:g} s")
        time.sleep(max(0.0, outage - (time.monotonic() - down)))
        cluster.start()
        back = time.monotonic()
        print(f"database started again; {after:g} s more of load")
        time.sleep(after)
        stop.set()
        for thread in threads:
            thread.join(timeout=REQUEST_TIMEOUT + 5)
        ended = time.monotonic()

        present = set(
            cluster.query("SELECT title FROM meetings_meeting WHERE title LIKE 'fault-write-%'")
        )
        missing = [t for t in writes.acknowledged if t not in present]
        restarted = server.process.poll() is not None or server.process.pid != master
        booted = (folder / "gunicorn.log").read_text().count("Booting worker")

        answers = sorted(log.answers, key=lambda a: a.start)
        # a request the stop caught half-way counts with the outage
        phases = {
            "before": [a for a in answers if a.end < down],
            "outage": [a for a in answers if a.end >= down and a.start < back],
            "after": [a for a in answers if a.start >= back],
        }
        wrong_after = [a for a in phases["after"] if a.status not in (200, 302)]
        first_right = min(
            (a.end - back for a in phases["after"] if a.status in (200, 302)), default=None
        )
        recovery = max((a.end - back for a in wrong_after), default=0.0)
        late = [a for a in wrong_after if a.start >= back + RECOVERY_LIMIT]
        server_errors = [a for a in answers if a.status >= 500 and a.status != 503]
        dropped = [a for a in answers if a.status == 0]
        unmarked = [a for a in answers if a.status == 503 and not a.retry_after]
        outage_503 = sum(1 for a in phases["outage"] if a.status == 503)

        print()
        print(f"{ended - started:.1f} s of load, {len(answers)} requests in all")
        for name, group in phases.items():
            print(phase_line(name, group))
        print(
            f"503 during the outage: {outage_503} of {len(phases['outage'])}, "
            f"all with Retry-After: {'yes' if not unmarked else 'no'}"
        )
        print(
            f"500s and other server errors: {len(server_errors)}; "
            f"answers never given (refused, reset, timed out): {len(dropped)}"
        )
        print(
            f"recovery: first right answer {first_right or 0:.2f} s and every answer right "
            f"{recovery:.2f} s after the database was back (limit {RECOVERY_LIMIT:g} s); "
            f"wrong answers started after the limit: {len(late)}"
        )
        print(
            f"writes: {writes.attempted} tried, {len(writes.acknowledged)} acknowledged, "
            f"{len([t for t in writes.acknowledged if t in present])} of them in the database, "
            f"{len(missing)} missing"
        )
        print(
            f"gunicorn: same master, {booted} workers booted in all "
            f"({'restarted' if restarted else 'never restarted'})"
        )

        failures = []
        if server_errors:
            failures.append(f"{len(server_errors)} server errors other than 503")
        if dropped:
            failures.append(f"{len(dropped)} requests got no answer")
        if unmarked:
            failures.append(f"{len(unmarked)} 503s without Retry-After")
        if not outage_503:
            failures.append("no 503 while the database was away")
        if late:
            failures.append(f"{len(late)} wrong answers more than {RECOVERY_LIMIT:g} s after")
        if missing:
            failures.append(f"acknowledged writes missing: {missing[:10]}")
        if not writes.acknowledged or not phases["after"]:
            failures.append("the load did not run")
        if restarted or booted != WORKERS:
            failures.append("gunicorn restarted or replaced workers")
        print()
        print("FAULT TEST " + ("FAILED: " + "; ".join(failures) if failures else "PASSED"))
        return 1 if failures else 0
    finally:
        stop.set()
        if server is not None:
            server.stop()
        cluster.stop(check=False)
        if keep:
            print(f"kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.fault", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--before", type=float, default=5, help="seconds of load before")
    parser.add_argument("--outage", type=float, default=10, help="seconds the database is away")
    parser.add_argument("--after", type=float, default=10, help="seconds of load after")
    parser.add_argument("--clients", type=int, default=8, help="readers (default 8)")
    parser.add_argument("--keep", action="store_true", help="keep the folder and its logs")
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    sys.exit(run(options.before, options.outage, options.after, options.clients, options.keep))


if __name__ == "__main__":
    main()
