"""`python -m bench export`: the time and peak memory of a whole-database export, streamed.

It reads the benchmark's database (BENCH_DATABASE_URL, as `python -m bench run` loaded it) with
production settings, in a process of its own that asks the site for the export (by default
`/meetings/?format=csv`, every published meeting) and reads the streamed response to the end;
then it prints the rows and bytes, the wall-clock time, the process's CPU time and its peak
resident memory (the site's code and Django included), against the same process's memory
before the export began.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.database import DEFAULT_URL, BenchDatabase, BenchDatabaseError
from bench.loadtest import production_env

RESULT = "EXPORT_RESULT "


def peak_mib() -> float:
    """This process's peak resident memory so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = (
        "Measure a whole-database export through the site: rows, bytes, time and peak memory "
        "(the benchmark's database, loaded by python -m bench run)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--path",
            default="/meetings/?format=csv",
            help="the address to export (default: /meetings/?format=csv, every meeting)",
        )
        parser.add_argument("--inside", action="store_true", help="(internal)")

    def handle(self, *args, path: str, inside: bool, **options):
        try:
            db = BenchDatabase(os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL)
        except BenchDatabaseError as exc:
            raise CommandError(str(exc)) from None
        if inside:
            if not db.same_as(settings.DATABASES["default"]) or settings.DEBUG:
                raise CommandError("bench export --inside runs only with production settings.")
            self.stdout.write(RESULT + json.dumps(self.export(path)))
            return
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "bench", "export", "--inside", "--path", path],
            env=production_env(db.url),
            capture_output=True,
            text=True,
        )
        seconds = time.monotonic() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        lines = [ln for ln in done.stdout.splitlines() if ln.startswith(RESULT)]
        if done.returncode or not lines:
            raise CommandError(f"The export failed:\n{done.stderr[-2000:]}")
        result = json.loads(lines[-1][len(RESULT) :])
        self.stdout.write(
            f"{path} from {db.name}: {result['rows']:,} rows, {result['bytes'] / 2**20:,.1f} MiB "
            f"in {seconds:.1f} s ({result['rows'] / max(result['seconds'], 1e-9):,.0f} rows/s); "
            f"CPU {usage.ru_utime + usage.ru_stime:.1f} s; peak memory "
            f"{usage.ru_maxrss / 1024:.0f} MiB (before the export: {result['before_mib']:.0f} "
            "MiB)"
        )

    def export(self, path: str) -> dict:
        from bench.probe import client

        c = client()
        c.get("/about/")  # the site's code loaded before the baseline
        before = peak_mib()
        started = time.monotonic()
        response = c.get(path)
        if response.status_code != 200 or not response.streaming:
            raise CommandError(f"{path} answered {response.status_code}, not a streamed 200")
        size = lines = 0
        for chunk in response.streaming_content:
            size += len(chunk)
            lines += chunk.count(b"\n")
        response.close()
        return {
            # a CSV's header line; a JSON's line before "]" and after "count"
            "rows": lines - 1 if "format=csv" in path else lines - 2,
            "bytes": size,
            "seconds": time.monotonic() - started,
            "before_mib": before,
        }
