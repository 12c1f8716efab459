"""Opening the commands' FILE argument: a path, a .gz path, or "-" for stdin or stdout."""

from __future__ import annotations

import gzip
import io
import sys
from contextlib import contextmanager


@contextmanager
def open_lines(path: str):
    """The lines of path (or of stdin for "-") as bytes; OSError when it cannot be read."""
    if path == "-":
        yield sys.stdin.buffer
        return
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        yield handle


@contextmanager
def open_output(path: str, stdout=None):
    """A text file to write path (or stdout for "-"); .gz paths are compressed."""
    if path == "-":
        yield stdout or sys.stdout
        return
    if path.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=5) as handle:
            yield handle
        return
    with open(path, "w", encoding="utf-8", buffering=io.DEFAULT_BUFFER_SIZE * 64) as handle:
        yield handle
