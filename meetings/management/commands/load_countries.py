from django.core.management.base import BaseCommand

from meetings.countries import load_countries


class Command(BaseCommand):
    help = "Create or refresh the countries from ISO 3166 data (safe to run again)."

    def handle(self, *args, **options):
        created, updated = load_countries()
        self.stdout.write(f"Countries: {created} created, {updated} updated.")
