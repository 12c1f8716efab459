import time

from django.core.management.base import BaseCommand, CommandError

from meetings.bulk.exporter import export_meetings
from meetings.bulk.files import open_output


class Command(BaseCommand):
    help = (
        "Write every meeting to a JSONL file, one meeting per line with its participants, "
        "venue, occasion, topics and sources (see README.md). FILE '-' writes to stdout; "
        "a name ending in .gz is compressed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="where to write; - for stdout")

    def handle(self, *args, file, **options):
        started = time.monotonic()
        # with the data on stdout, what the command says goes to stderr
        say = self.stderr.write if file == "-" else self.stdout.write
        try:
            with open_output(file, stdout=self.stdout) as out:
                count = export_meetings(out, progress=self.stderr.write)
        except OSError as exc:
            raise CommandError(f"Cannot write {file}: {exc}") from exc
        seconds = time.monotonic() - started
        where = "stdout" if file == "-" else file
        say(f"Exported {count:,} meetings to {where} in {seconds:.1f} s.")
