import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meetings import dataset


class Command(BaseCommand):
    help = (
        "Write the whole dataset for download: every published meeting as compressed JSON Lines "
        "(the import format) and as compressed CSV, into DATASET_DIR (served at /downloads/ and "
        "listed on the About page)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", help="where to write (default: the DATASET_DIR setting, dataset/)"
        )
        parser.add_argument(
            "--site",
            help="the site's address for the CSV's links, as https://meetings.example.org "
            "(default: the SITE_URL setting; unset, the links are paths)",
        )

    def handle(self, *args, dir=None, site=None, **options):
        directory = Path(dir or settings.DATASET_DIR)
        site = (site if site is not None else settings.SITE_URL).strip().rstrip("/")
        if site and not site.startswith(("http://", "https://")):
            raise CommandError(f"--site must start with http:// or https://, not “{site}”.")
        started = time.monotonic()
        try:
            counts = dataset.write(directory, site=site, progress=self.stderr.write)
        except OSError as exc:
            raise CommandError(f"Cannot write the dataset into {directory}: {exc}") from exc
        for name, count in counts.items():
            size = (directory / name).stat().st_size
            self.stdout.write(f"{directory / name}: {count:,} meetings, {size:,} bytes")
        self.stdout.write(f"Written in {time.monotonic() - started:.1f} s.")
