import argparse
import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import pages, report
from bench.database import DEFAULT_URL, BenchDatabase, BenchDatabaseError
from bench.run import HISTORIAN, BenchFailed, Options, Run
from bench.server import cpu_count, die_with_parent
from bench.wrk import WrkError


def production_env(database_url: str) -> dict[str, str]:
    """The environment of a production site on the benchmark's database, behind a TLS proxy."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS": "1",
        "BEHIND_PROXY": "1",
        # the page kinds measure the pages' own work; the Zipf mix turns the cache on
        "CACHE": "0",
    }


def interrupted(signum, frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = (
        "Load N synthetic meetings into a PostgreSQL database of its own (BENCH_DATABASE_URL, "
        f"default {DEFAULT_URL}), serve the site with gunicorn and production settings, drive "
        "each page kind with wrk, and write the figures to bench-results/bench-N.json and .md."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=100_000, help="N (default 100000)")
        parser.add_argument(
            "--duration", type=int, default=10, help="seconds of wrk per page kind (default 10)"
        )
        parser.add_argument("--seed", type=int, default=1, help="generate_meetings's seed")
        parser.add_argument(
            "--data",
            choices=["synthetic", HISTORIAN],
            default="synthetic",
            help="N synthetic meetings (default), or the Office of the Historian's record with "
            "the demo and the officials, as `make run` loads them (--meetings is then ignored)",
        )
        parser.add_argument("--connections", type=int, default=8, help="wrk -c (default 8)")
        parser.add_argument("--threads", type=int, default=2, help="wrk -t (default 2)")
        parser.add_argument(
            "--workers", type=int, default=None, help="gunicorn workers (default: one per core)"
        )
        parser.add_argument(
            "--sample",
            type=int,
            default=20,
            help="addresses per page kind whose queries are counted (default 20)",
        )
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="keep the database when an earlier run loaded the same N and seed into it",
        )
        parser.add_argument(
            "--only",
            metavar="KINDS",
            help=f"comma-separated page kinds (always with {pages.NO_DB}): "
            + ", ".join(pages.KINDS),
        )
        parser.add_argument(
            "--output-dir",
            default=None,
            help="where the results go (default bench-results/ in the project)",
        )
        parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, **o):
        if o["meetings"] < 1 or o["duration"] < 1 or o["sample"] < 1:
            raise CommandError("--meetings, --duration and --sample must be at least 1.")
        if o["connections"] < o["threads"] or o["threads"] < 1:
            raise CommandError("wrk needs at least one thread and a connection per thread.")
        kinds = list(pages.KINDS)
        if o["only"]:
            asked = [k.strip() for k in o["only"].split(",") if k.strip()]
            unknown = [k for k in asked if k not in pages.KINDS]
            if unknown:
                raise CommandError(
                    f"Unknown page kind {unknown[0]!r}; the kinds are: {', '.join(pages.KINDS)}"
                )
            kinds = [k for k in pages.KINDS if k in asked or k == pages.NO_DB]
        try:
            db = BenchDatabase(os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL)
        except BenchDatabaseError as exc:
            raise CommandError(str(exc)) from None
        if not o["inside"]:
            return self.start_inside(db, o)
        if not db.same_as(settings.DATABASES["default"]) or settings.DEBUG:
            raise CommandError("bench --inside runs only with the benchmark's production settings.")
        # `kill` (SIGTERM) stops the run like Ctrl-C does: gunicorn is stopped on the way out
        signal.signal(signal.SIGTERM, interrupted)
        folder = Path(o["output_dir"] or Path(settings.BASE_DIR) / "bench-results")
        options = Options(
            meetings=o["meetings"],
            seed=o["seed"],
            duration=o["duration"],
            connections=o["connections"],
            threads=o["threads"],
            workers=o["workers"] or cpu_count(),
            sample=o["sample"],
            reuse=o["reuse"],
            kinds=kinds,
            folder=folder.resolve(),
            only=bool(o["only"]),
            data=o["data"],
        )
        try:
            results = Run(options, db, self.say).go()
        except (BenchFailed, BenchDatabaseError, WrkError, RuntimeError) as exc:
            raise CommandError(str(exc)) from None
        except KeyboardInterrupt:
            raise CommandError("Interrupted; gunicorn is stopped.") from None
        as_json, as_markdown = report.write(results, options.folder)
        self.stdout.write("\n" + report.text(results) + "\n")
        self.say(f"Written: {as_json} and {as_markdown}")
        failed = [r["kind"] for r in results["pages"] if r["problems"]]
        if failed:
            raise CommandError(f"Page kinds that failed: {', '.join(failed)} (see above).")

    def say(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()

    def start_inside(self, db: BenchDatabase, o: dict) -> None:
        """Run the benchmark again in a process with production settings on its database."""
        if db.same_as(settings.DATABASES["default"]):
            raise CommandError(
                f"BENCH_DATABASE_URL points at this site's own database ({db.name}); the "
                "benchmark drops its database, so give it another one."
            )
        self.say(f"Benchmark database: {db.name} (BENCH_DATABASE_URL to change it)")
        command = [sys.executable, "-m", "bench", "run", "--inside"]
        for name in (
            "meetings",
            "duration",
            "seed",
            "connections",
            "threads",
            "workers",
            "sample",
            "data",
        ):
            if o[name] is not None:
                command += [f"--{name}", str(o[name])]
        if o["reuse"]:
            command.append("--reuse")
        if o["only"]:
            command += ["--only", o["only"]]
        if o["output_dir"]:
            command += ["--output-dir", str(Path(o["output_dir"]).resolve())]
        sys.stdout.flush()
        process = subprocess.Popen(
            command, env=production_env(db.url), cwd=settings.BASE_DIR, preexec_fn=die_with_parent
        )
        signal.signal(signal.SIGTERM, lambda signum, frame: process.send_signal(signum))
        try:
            code = process.wait()
        except KeyboardInterrupt:
            # the terminal sent the interrupt to both processes; the inner one stops gunicorn
            code = process.wait()
        if code:
            sys.exit(code)
