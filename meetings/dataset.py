"""The whole dataset as files to download: every published meeting as compressed JSON Lines
(the import format, meetings.bulk) and as compressed CSV (the same table as the pages' CSV),
written by `manage.py export_dataset` into settings.DATASET_DIR and served at /downloads/."""

from __future__ import annotations

import datetime
import gzip
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from meetings import exports
from meetings.bulk.exporter import export_meetings
from meetings.models import Meeting
from meetings.read.selection import Selection

JSONL = "meetings.jsonl.gz"
CSV = "meetings.csv.gz"

# name: what the About page says it is
FILES = {
    JSONL: "JSON Lines, one meeting a line with everything it holds: the import format",
    CSV: "CSV, one meeting a row: the same columns as every page's CSV",
}


@dataclass(frozen=True)
class Download:
    name: str
    what: str
    size: int  # bytes
    written: datetime.datetime


def path_of(name: str) -> Path:
    return Path(settings.DATASET_DIR) / name


def available() -> list[Download]:
    """The files written so far, with their size and time (no database)."""
    out = []
    for name, what in FILES.items():
        try:
            found = path_of(name).stat()
        except OSError:
            continue
        written = datetime.datetime.fromtimestamp(found.st_mtime, tz=datetime.UTC)
        out.append(Download(name, what, found.st_size, written))
    return out


def write(directory: Path, *, site: str = "", progress=None) -> dict[str, int]:
    """Write both files into directory (each in full under a temporary name, then renamed, so
    that a download never gets half a file); returns the meetings in each."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in FILES:
        target = directory / name
        partial = directory / f".{name}.partial"
        try:
            with gzip.open(partial, "wt", encoding="utf-8", newline="", compresslevel=6) as out:
                if name == JSONL:
                    counts[name] = export_meetings(
                        out, status=Meeting.Status.PUBLISHED, progress=progress
                    )
                else:
                    counts[name] = write_csv(out, site)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        os.replace(partial, target)
    return counts


def write_csv(out, site: str) -> int:
    """Every published meeting, newest first, as the pages' CSV; returns how many."""
    count = 0

    def counted(pieces):
        nonlocal count
        for text, n in pieces:
            count += n
            yield text, n

    for text in exports.csv_lines(counted(exports.pieces(Selection(), exports.CSV)), site):
        out.write(text)
    return count
