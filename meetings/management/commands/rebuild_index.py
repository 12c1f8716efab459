from django.core.management.base import BaseCommand

from meetings import index


class Command(BaseCommand):
    help = (
        "Recompute the facets and tallies the public pages read (meetings.index) from the "
        "meetings themselves. Edits keep them current; this mends a database changed by hand."
    )

    def handle(self, *args, **options):
        n = index.rebuild(progress=self.stderr.write)
        self.stdout.write(f"Indexed {n:,} published meetings.")
