import sys
import tarfile
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings import history
from meetings.historian import lines
from meetings.historian.source import Unreadable
from meetings.management.commands.import_meetings import account_for
from meetings.models import Meeting

# the records as published in their repositories (public domain), for an offline first run
SNAPSHOT = Path(__file__).resolve().parents[2] / "data" / "historian.tar.xz"


class Command(BaseCommand):
    help = (
        "Import the US Office of the Historian's visits and travels (public domain) from DIR, "
        "laid out as its repositories are (visits/, travels/, pocom/): meetings, officials with "
        "dated positions, venues, occasions and sources. Running it again changes nothing; a "
        "record changed upstream updates its meetings. The run is recorded in the change "
        "history."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "folder",
            type=Path,
            metavar="DIR",
            nargs="?",
            help=f"the records (default: the project's own snapshot, {SNAPSHOT.name})",
        )
        parser.add_argument(
            "--report",
            type=Path,
            metavar="FILE",
            help="write one JSON line per record: collection, id, decision, meetings, reason",
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help=f"the account the change history records the run under (default: "
            f"{history.COMMAND_ACCOUNT!r}, an account nobody signs in with)",
        )

    def handle(self, *args, folder: Path | None, report: Path | None, user=None, **options):
        account = account_for(user)
        if folder is None:
            with tempfile.TemporaryDirectory() as unpacked:
                with tarfile.open(SNAPSHOT) as archive:
                    archive.extractall(unpacked, filter="data")
                return self.read(Path(unpacked), report, account, SNAPSHOT.name)
        return self.read(folder, report, account, folder.name)

    def read(self, folder: Path, report: Path | None, account, label: str) -> None:
        if not (folder / "visits").is_dir() or not (folder / "travels").is_dir():
            raise CommandError(
                f"{folder} does not hold the records: it needs visits/ and travels/ (and "
                "pocom/), as in the Office of the Historian's repositories."
            )
        bad = []
        try:
            outcome = lines.run(
                folder,
                progress=self.progress,
                report=lambda line, reason: bad.append(f"line {line}: {reason}"),
            )
        except Unreadable as exc:
            raise CommandError(str(exc)) from None
        sys.stderr.write("\n")
        for problem in outcome.problems:
            self.stderr.write(f"skipped: {problem}")
        for problem in bad:
            self.stderr.write(f"not imported: {problem}")
        if report:
            report.write_text("\n".join(outcome.report_lines()) + "\n", encoding="utf-8")
        s = outcome.summary()
        history.record_run(
            account,
            Meeting,
            f"import_historian {label}",
            f"{s['meetings']:,} meetings from {s['records']:,} records; "
            f"{s['deleted']:,} meetings no record gives any more deleted. "
            f"{outcome.counts.summary()}",
        )
        self.stdout.write(
            f"{s['records']:,} records: {s['records_with_meetings']:,} with meetings, "
            f"{s['records_without_meeting']:,} with none, {s['unreadable']:,} unreadable. "
            f"{s['meetings']:,} meetings ({s['stated']:,} stated, {s['inferred']:,} inferred "
            f"from the kind of visit); {s['officials_created']:,} officials created; "
            f"{s['deleted']:,} meetings no record gives any more deleted. "
            f"Import: {outcome.counts.summary()}"
        )

    def progress(self, stage: str, done: int, total: int) -> None:
        """A bar on stderr, rewritten in place."""
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(
            f"\r{stage:<17} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}"
        )
        sys.stderr.flush()
        if done == total:
            sys.stderr.write("\n")
