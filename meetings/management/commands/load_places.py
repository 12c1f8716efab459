import time

from django.core.management.base import BaseCommand

from meetings.intake.places import ensure_places
from meetings.models import Place


class Command(BaseCommand):
    help = "Load the world's cities (GeoNames, over 15,000 people) once, with the countries."

    def handle(self, *args, **options):
        start = time.perf_counter()
        created = ensure_places()
        seconds = time.perf_counter() - start
        if created:
            self.stdout.write(f"Places: {created} loaded in {seconds:.1f} s.")
        else:
            self.stdout.write(f"Places: already loaded ({Place.objects.count()}); nothing to do.")
