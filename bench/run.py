"""One benchmark run, inside a process whose settings point at the benchmark's database.

`manage.py bench` starts this process itself with production settings (DEBUG=0, HTTPS on as
behind a TLS proxy) and DATABASE_URL set to the benchmark's database, so that the loading
commands, the query counts and gunicorn all see the same site as production would.
"""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import django
from django.conf import settings
from django.db import connection

from bench import pages, report
from bench import wrk as wrk_tool
from bench.database import BenchDatabase
from bench.probe import count_queries, live_status
from bench.server import Gunicorn, cpu_count, cpu_seconds

HISTORIAN = "historian"  # --data: the Office of the Historian's record instead of synthetic data
LIVE_CHECKS = 3  # addresses per kind fetched from gunicorn before wrk starts
WRK_TIMEOUT = 60  # seconds; gunicorn's worker timeout is twice that


class BenchFailed(Exception):
    pass


@dataclass
class Options:
    meetings: int
    seed: int
    duration: int
    connections: int
    threads: int
    workers: int
    sample: int
    reuse: bool
    kinds: list[str]
    folder: Path
    only: bool = False
    data: str = "synthetic"

    @property
    def name(self) -> str:
        """bench-N (bench-historian), the stem of the files written; a partial run does not
        overwrite a full one."""
        name = "bench-historian" if self.data == HISTORIAN else f"bench-{self.meetings}"
        if self.only:
            name += "-only-" + "+".join(k for k in self.kinds if k != pages.NO_DB)
        return name


def git_version(cwd: Path) -> dict:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=10)
        if done.returncode != 0:
            raise OSError(done.stderr)
        return done.stdout.strip()

    try:
        return {"commit": git("rev-parse", "--short", "HEAD"), "dirty": bool(git("status", "-s"))}
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": False}


class Run:
    def __init__(self, options: Options, db: BenchDatabase, say):
        self.options = options
        self.db = db
        self.say = say
        self.base = Path(settings.BASE_DIR)

    def manage(self, *args: str, tool: str = "manage.py") -> float:
        """Run a management command (or, with tool="bench", one of python -m bench) in its own
        process; returns its wall time in seconds."""
        sys.stdout.flush()
        started = time.monotonic()
        program = ["-m", "bench"] if tool == "bench" else [str(self.base / "manage.py")]
        done = subprocess.run([sys.executable, *program, *args], cwd=self.base)
        if done.returncode != 0:
            raise BenchFailed(f"{tool} {' '.join(args)} failed (exit status {done.returncode})")
        return time.monotonic() - started

    # -- the data ---------------------------------------------------------------------------

    def load(self) -> dict:
        """The database with N meetings: reused when asked and possible, else made anew."""
        o = self.options
        if o.data == HISTORIAN:
            wanted = {"data": HISTORIAN}
            described = "the Office of the Historian's record"
        else:
            wanted = {"meetings": o.meetings, "seed": o.seed}
            described = f"{o.meetings:,} meetings of seed {o.seed}"
        state = self.db.state()
        if (
            o.reuse
            and state
            and state.get("complete")
            and all(state.get(key) == value for key, value in wanted.items())
        ):
            self.say(f"Reusing {self.db.name}: it holds {described}.")
            self.manage("migrate", "--noinput", "-v0")
            return {**state, "reused": True}
        if o.reuse:
            self.say(f"{self.db.name} does not hold {described}; loading.")
        self.say(f"Creating the database {self.db.name} (dropped first if an earlier run made it).")
        self.db.recreate({**wanted, "complete": False})
        figures = {**wanted, "complete": True}
        figures["migrate_seconds"] = round(self.manage("migrate", "--noinput", "-v0"), 1)
        self.say("Loading the countries and the gazetteer of cities (load_places).")
        figures["places_seconds"] = round(self.manage("load_places"), 1)
        if o.data == HISTORIAN:
            self.say("Importing the demo, the officials and the Office of the Historian's record.")
            figures["import_seconds"] = round(
                self.manage("load_demo")
                + self.manage("load_officials")
                + self.manage("import_historian"),
                1,
            )
        else:
            self.say(f"Generating and importing {described}.")
            figures["import_seconds"] = round(
                self.manage(
                    "generate", str(o.meetings), "--seed", str(o.seed), "--load", tool="bench"
                ),
                1,
            )
        self.say(f"Imported in {figures['import_seconds']:.1f} s; VACUUM ANALYZE.")
        started = time.monotonic()
        self.db.vacuum_analyze()
        figures["analyze_seconds"] = round(time.monotonic() - started, 1)
        figures["loaded_at"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        self.db.mark(figures)
        return {**figures, "reused": False}

    # -- the pages --------------------------------------------------------------------------

    def pick(self) -> list[pages.Kind]:
        started = time.monotonic()
        kinds = pages.pick(self.options.kinds)
        seconds = time.monotonic() - started
        self.say(f"Picked the addresses of {len(kinds)} page kinds in {seconds:.1f} s.")
        folder = self.options.folder / f"{self.options.name}-urls"
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.txt"):
            old.unlink()
        for kind in kinds:
            paths = pages.shuffled(kind.paths, kind.name, self.options.seed)
            (folder / f"{kind.name}.txt").write_text("\n".join(paths) + "\n")
        self.paths_folder = folder
        return kinds

    def count_queries(self, kinds: list[pages.Kind]) -> tuple[dict, dict]:
        self.say(f"Counting queries on up to {self.options.sample} addresses per kind.")
        samples, problems = {}, {}
        for kind in kinds:
            samples[kind.name] = count_queries(pages.evenly(kind.paths, self.options.sample))
            bad = [s for s in samples[kind.name] if s.status != 200]
            problems[kind.name] = [f"{s.path} answered {s.status}" for s in bad[:3]]
            if bad:
                self.say(f"  {kind.name}: {len(bad)} of {len(samples[kind.name])} not 200")
        connection.close()
        return samples, problems

    # -- the measurements -------------------------------------------------------------------

    def measure(self, wrk: str, kinds: list[pages.Kind], problems: dict) -> tuple[dict, dict]:
        o = self.options
        script = self.base / "bench" / "urls.lua"
        server = Gunicorn(o.workers, o.folder / f"{o.name}-gunicorn.log", self.base)
        results: dict[str, wrk_tool.WrkResult] = {}
        # what else the machine was doing: wrk, gunicorn and PostgreSQL share its cores
        self.load_average = " ".join(f"{n:.2f}" for n in os.getloadavg())
        self.say(f"Starting gunicorn with {o.workers} workers (log: {server.log}).")
        try:
            server.start(ready_path=next(k.paths[0] for k in kinds if k.paths))
            for kind in kinds:
                for path in pages.evenly(kind.paths, LIVE_CHECKS):
                    try:
                        status = live_status(server.port, path)
                    except OSError as exc:
                        status = f"nothing ({exc})"
                    if status != 200:
                        problems[kind.name].append(f"{path} answered {status} from gunicorn")
            for kind in kinds:
                if not kind.paths:
                    continue
                if problems[kind.name]:
                    self.say(f"  {kind.name}: not measured ({problems[kind.name][0]})")
                    continue
                cpu_before = self.cpu(server)
                result = wrk_tool.run(
                    wrk,
                    server.url,
                    script,
                    self.paths_folder / f"{kind.name}.txt",
                    threads=o.threads,
                    connections=o.connections,
                    duration=o.duration,
                    timeout=WRK_TIMEOUT,
                )
                app_after, db_after = self.cpu(server)
                app = app_after - cpu_before[0]
                db = sum(t - cpu_before[1].get(pid, 0.0) for pid, t in db_after.items())
                result.cpu_seconds = {"app": app, "db": db}
                results[kind.name] = result
                problems[kind.name] += result.problems()
                p50 = result.latency_us["p50"] / 1000
                flag = f"  FAILED: {'; '.join(result.problems())}" if result.problems() else ""
                cpu = 1000 * (app + db) / max(result.requests, 1)
                self.say(
                    f"  {kind.name:<15} {result.requests_per_second:>9,.1f} req/s"
                    f"  p50 {p50:>8,.1f} ms  CPU {cpu:>5.1f} ms/req{flag}"
                )
            memory = server.memory()
        finally:
            server.stop()
        return results, {"workers": o.workers, "memory": memory, "log": str(server.log)}

    def mix(self, wrk: str, kinds: list[pages.Kind]) -> tuple[pages.Kind, wrk_tool.WrkResult]:
        """The realistic mix (pages.zipf_mix), served by a fresh gunicorn with the cache on."""
        o = self.options
        distinct, requests = pages.zipf_mix(kinds, o.seed)
        paths = self.options.folder / f"{o.name}-urls" / "zipf-mix.txt"
        paths.write_text("\n".join(requests) + "\n")
        kind = pages.Kind(
            pages.ZIPF,
            pages.KINDS_AND_MIX[pages.ZIPF],
            sorted(set(requests)),
            f"{distinct:,} distinct addresses, requests drawn by Zipf's law (exponent "
            f"{pages.ZIPF_EXPONENT}); the cache on (local memory in each worker), empty at start",
        )
        server = Gunicorn(
            o.workers, o.folder / f"{o.name}-zipf-gunicorn.log", self.base, env={"CACHE": "1"}
        )
        self.say(f"The Zipf mix over {distinct:,} addresses, the cache on.")
        try:
            server.start(ready_path=requests[0])
            for each in kinds:  # a server that has drawn each page before, as one in service
                for path in each.paths[:1]:
                    live_status(server.port, path)
            before = self.cpu(server)
            result = wrk_tool.run(
                wrk,
                server.url,
                self.base / "bench" / "urls.lua",
                paths,
                threads=o.threads,
                connections=o.connections,
                duration=o.duration,
                timeout=WRK_TIMEOUT,
            )
            app_after, db_after = self.cpu(server)
            result.cpu_seconds = {
                "app": app_after - before[0],
                "db": sum(t - before[1].get(pid, 0.0) for pid, t in db_after.items()),
            }
        finally:
            server.stop()
        cpu = result.cpu_ms_per_request or {}
        self.say(
            f"  {pages.ZIPF:<15} {result.requests_per_second:>9,.1f} req/s"
            f"  p50 {result.latency_us['p50'] / 1000:>8,.1f} ms"
            f"  CPU {cpu.get('total', 0):>5.1f} ms/req"
        )
        return kind, result

    def cpu(self, server: Gunicorn) -> tuple[float, dict[int, float]]:
        """CPU seconds used so far by gunicorn, and by each PostgreSQL backend of the benchmark's
        database (a backend started since counts from zero)."""
        return server.cpu(), {pid: cpu_seconds(pid) for pid in self.db.backends()}

    def go(self) -> dict:
        o = self.options
        started = datetime.datetime.now().astimezone()
        wrk = wrk_tool.ensure_wrk(self.say)  # before a load that may take minutes
        load = self.load()
        self.manage("collectstatic", "--noinput", "-v0")
        published = pages.published_count()
        kinds = self.pick()
        samples, problems = self.count_queries(kinds)
        wrk_results, server = self.measure(wrk, kinds, problems)
        rows = [
            report.row(k, samples[k.name], wrk_results.get(k.name), problems[k.name]) for k in kinds
        ]
        if not o.only:
            mixed, result = self.mix(wrk, kinds)
            rows.append(report.row(mixed, [], result, result.problems()))
        report.add_ceiling(rows)
        return {
            "name": o.name,
            "data": o.data,
            "meetings": pages.meeting_count(),
            "published": published,
            "seed": o.seed,
            "date": started.isoformat(timespec="seconds"),
            "load": {
                "reused": load["reused"],
                "import_seconds": load.get("import_seconds"),
                "places_seconds": load.get("places_seconds"),
                "migrate_seconds": load.get("migrate_seconds"),
                "analyze_seconds": load.get("analyze_seconds"),
                "loaded_at": load.get("loaded_at"),
            },
            "server": server,
            "wrk": {
                "threads": o.threads,
                "connections": o.connections,
                "duration": o.duration,
                "timeout": WRK_TIMEOUT,
                "script": "bench/urls.lua",
            },
            "query_sample": o.sample,
            "machine": {
                "cpus": cpu_count(),
                "load_average": self.load_average,
                "postgresql": self.db.server_version(),
                "python": platform.python_version(),
                "django": django.get_version(),
            },
            "git": git_version(self.base),
            "pages": rows,
        }
