from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from meetings.countries import load_countries
from meetings.models import Meeting

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo.jsonl"


class Command(BaseCommand):
    help = (
        f"Fill an empty database with the demo data: import_meetings of {DEMO.name} (real "
        "meetings of 2021–2025 and the topic vocabulary); running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Import it even when meetings exist."
        )

    def handle(self, *args, force: bool, **options):
        load_countries()
        if Meeting.objects.exists() and not force:
            self.stdout.write("The database already holds meetings; demo data not loaded.")
            return
        call_command("import_meetings", str(DEMO), stdout=self.stdout, stderr=self.stderr)
