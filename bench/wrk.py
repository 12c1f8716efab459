"""wrk, the HTTP load generator: run with bench/urls.lua, its figures read."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bench.server import die_with_parent

RESULT = "BENCH_RESULT "


class WrkError(Exception):
    pass


def ensure_wrk(say) -> str:
    """The path of wrk (`make bench` installs Debian's package when it is missing)."""
    found = shutil.which("wrk")
    if not found:
        raise WrkError("wrk is not installed; install it (Debian: apt-get install wrk) and rerun.")
    return found


@dataclass
class WrkResult:
    seconds: float
    requests: int
    bytes: int
    errors: dict[str, int]
    latency_us: dict[str, float]
    output: str = field(default="", repr=False)
    # CPU seconds spent serving the run: gunicorn's ("app") and PostgreSQL's ("db")
    cpu_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def cpu_ms_per_request(self) -> dict[str, float] | None:
        if not self.requests or not self.cpu_seconds:
            return None
        ms = {k: 1000 * v / self.requests for k, v in self.cpu_seconds.items()}
        return {**ms, "total": sum(ms.values())}

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def bytes_per_response(self) -> float:
        return self.bytes / self.requests if self.requests else 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def problems(self) -> list[str]:
        """What makes the run unusable: errors, error statuses, no requests at all."""
        found = [f"{n} {what} errors" for what, n in self.errors.items() if n and what != "status"]
        if self.errors.get("status"):
            found.insert(0, f"{self.errors['status']} responses with status 400 or above")
        if not self.requests:
            found.append("no request completed")
        return found


def parse(output: str) -> WrkResult:
    """Read the JSON line that bench/urls.lua prints when wrk is done."""
    for line in reversed(output.splitlines()):
        if line.startswith(RESULT):
            data = json.loads(line[len(RESULT) :])
            return WrkResult(
                seconds=data["duration_us"] / 1e6,
                requests=int(data["requests"]),
                bytes=int(data["bytes"]),
                errors={k: int(v) for k, v in data["errors"].items()},
                latency_us=data["latency_us"],
                output=output,
            )
    raise WrkError(f"wrk printed no result line:\n{output.strip()}")


def run(
    wrk: str,
    url: str,
    script: Path,
    paths_file: Path,
    *,
    threads: int,
    connections: int,
    duration: int,
    timeout: int,
) -> WrkResult:
    command = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={timeout}s",
        "-s",
        str(script),
        url,
        "--",
        str(paths_file),
        str(threads),
    ]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=duration + timeout + 60,
            preexec_fn=die_with_parent,
        )
    except subprocess.TimeoutExpired:
        raise WrkError(f"wrk did not finish within {duration + timeout + 60} s") from None
    if done.returncode != 0:
        raise WrkError(f"wrk failed (exit status {done.returncode}):\n{done.stdout}{done.stderr}")
    return parse(done.stdout)
