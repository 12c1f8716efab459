from django.core.management.base import BaseCommand
from django.db import transaction

from meetings.countries import load_countries
from meetings.demo import load_demo, summary_line
from meetings.models import Meeting


class Command(BaseCommand):
    help = "Fill an empty database with a demo set of real meetings (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when meetings exist; rows already there are kept, never duplicated.",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            load_countries()
            if Meeting.objects.exists() and not options["force"]:
                self.stdout.write("The database already holds meetings; demo data not loaded.")
                return
            created = load_demo()
        self.stdout.write(summary_line(created))
