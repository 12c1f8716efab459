"""gunicorn with production settings for the benchmark, and its workers' memory."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.probe import live_status


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def die_with_parent() -> None:
    """In the child before exec: get SIGTERM when the benchmark dies, even by SIGKILL (Linux)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def has_control_socket() -> bool:
    """Whether this gunicorn has a control socket (newer versions do), which can be turned off."""
    from gunicorn.config import KNOWN_SETTINGS

    return any(setting.name == "control_socket_disable" for setting in KNOWN_SETTINGS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory_kib(pid: int) -> dict[str, int]:
    """Resident memory now (VmRSS) and at its peak (VmHWM) of a process, in KiB."""
    figures = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in {"VmRSS", "VmHWM"}:
            figures[key] = int(value.split()[0])
    return {"rss_kib": figures.get("VmRSS", 0), "peak_rss_kib": figures.get("VmHWM", 0)}


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) a process has used so far; 0 for one that is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    # utime and stime, fields 14 and 15 of stat: 12th and 13th after the command name
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces, so read after the last ")"
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


class Gunicorn:
    """`gunicorn meetings.wsgi` on a free port of 127.0.0.1, output to a log file."""

    def __init__(
        self, workers: int, log: Path, cwd: Path, timeout: int = 120, env: dict | None = None
    ):
        # the load comes from one address: the API's rate limit would answer it 429
        self.env = {**os.environ, "API_RATE_LIMIT": "0", **(env or {})}
        self.workers = workers
        self.log = log
        self.cwd = cwd
        self.timeout = timeout
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready_path: str, wait: float = 60) -> None:
        self.port = free_port()
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "meetings.wsgi:application",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--timeout",
            str(self.timeout),
        ]
        if has_control_socket():
            # not the shared one in the home folder, which a gunicorn in service may be using
            command.append("--no-control-socket")
        with self.log.open("w") as log:
            # a session of its own: a Ctrl-C reaches the benchmark, which stops gunicorn itself
            self.process = subprocess.Popen(
                command,
                cwd=self.cwd,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_parent,
            )
        deadline = time.monotonic() + wait
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn stopped at start (exit status {self.process.returncode}); "
                    f"see {self.log}"
                )
            try:
                if live_status(self.port, ready_path, timeout=5) and self._all_booted():
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer within {wait:.0f} s; see {self.log}")
            time.sleep(0.2)

    def _all_booted(self) -> bool:
        return len(children(self.process.pid)) >= self.workers

    def memory(self) -> dict:
        master = self.process.pid
        return {
            "master": memory_kib(master),
            "workers": [{"pid": pid, **memory_kib(pid)} for pid in children(master)],
        }

    def cpu(self) -> float:
        """CPU seconds used so far by the master and its workers."""
        master = self.process.pid
        return sum(cpu_seconds(pid) for pid in [master, *children(master)])

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
