from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings import history
from meetings.bulk.files import open_lines
from meetings.bulk.importer import BATCH_SIZE, WORKERS, Importer
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Create or update meetings from a JSONL file written by export_meetings or "
        "generate_meetings, keyed on each meeting's uid (running it again changes nothing). "
        "Bad lines are reported with their number and skipped. FILE '-' reads stdin; a name "
        "ending in .gz is decompressed. The run is recorded in the change history."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the JSONL file; - for stdin")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"lines per transaction (default {BATCH_SIZE:,})",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=WORKERS,
            help=f"writer threads on PostgreSQL (default {WORKERS}; 0 writes in the main thread)",
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help=f"the account the change history records the run under (default: "
            f"{history.COMMAND_ACCOUNT!r}, an account nobody signs in with)",
        )

    def handle(self, *args, file, batch_size, workers, user=None, **options):
        account = account_for(user)
        importer = Importer(
            batch_size=batch_size,
            workers=workers,
            report=lambda line, reason: self.stderr.write(f"line {line}: {reason}"),
            progress=self.stderr.write,
        )
        name = "stdin" if file == "-" else Path(file).name
        try:
            with open_lines(file) as lines:
                counts = importer.run(lines)
        except (OSError, EOFError) as exc:
            done = importer.counts
            history.record_run(
                account, Meeting, f"import_meetings {name}", f"Stopped: {exc}. {done.summary()}"
            )
            raise CommandError(
                f"Cannot read {file}: {exc} ({done.created:,} meetings created and "
                f"{done.updated:,} updated before that)"
            ) from exc
        for warning in counts.warnings:
            self.stderr.write(f"warning: {warning}")
        history.record_run(account, Meeting, f"import_meetings {name}", counts.summary())
        where = "stdin" if file == "-" else file
        self.stdout.write(f"Imported {where}: {counts.summary()}")


def account_for(username: str | None):
    """The account named by --user, or the commands account; a name with no account stops the
    command before it writes anything."""
    try:
        return history.command_user(username)
    except LookupError as exc:
        raise CommandError(str(exc)) from None
