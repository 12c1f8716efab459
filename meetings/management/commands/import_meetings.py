from django.core.management.base import BaseCommand, CommandError

from meetings.bulk.files import open_lines
from meetings.bulk.importer import BATCH_SIZE, WORKERS, Importer


class Command(BaseCommand):
    help = (
        "Create or update meetings from a JSONL file written by export_meetings or "
        "generate_meetings, keyed on each meeting's uid (running it again changes nothing). "
        "Bad lines are reported with their number and skipped. FILE '-' reads stdin; a name "
        "ending in .gz is decompressed."
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

    def handle(self, *args, file, batch_size, workers, **options):
        importer = Importer(
            batch_size=batch_size,
            workers=workers,
            report=lambda line, reason: self.stderr.write(f"line {line}: {reason}"),
            progress=self.stderr.write,
        )
        try:
            with open_lines(file) as lines:
                counts = importer.run(lines)
        except (OSError, EOFError) as exc:
            done = importer.counts
            raise CommandError(
                f"Cannot read {file}: {exc} ({done.created:,} meetings created and "
                f"{done.updated:,} updated before that)"
            ) from exc
        for warning in counts.warnings:
            self.stderr.write(f"warning: {warning}")
        where = "stdin" if file == "-" else file
        self.stdout.write(f"Imported {where}: {counts.summary()}")
