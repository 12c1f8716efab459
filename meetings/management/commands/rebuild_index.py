from django.core.management.base import BaseCommand

from meetings import derived


class Command(BaseCommand):
    help = (
        "Recompute the rows derived from the meetings (meetings.derived: their countries, the "
        "subjects the pages list them under and the counts). Every write keeps them current; "
        "this mends a database changed by hand."
    )

    def handle(self, *args, **options):
        n = derived.rebuild(progress=self.stderr.write)
        self.stdout.write(f"Derived rows rebuilt for {n:,} meetings.")
