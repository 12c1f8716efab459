import sys

from django.core.management.base import BaseCommand

from meetings import derived


class Command(BaseCommand):
    help = (
        "Compare the rows derived from the meetings (meetings.derived) with what a rebuild would "
        "write; exit with status 1 and name the differences when they disagree."
    )

    def handle(self, *args, **options):
        differences = derived.check(progress=self.stderr.write)
        if not differences:
            self.stdout.write("The derived rows match the meetings.")
            return
        for difference in differences:
            self.stderr.write(str(difference))
        self.stderr.write("Run `python manage.py rebuild_index` to mend them.")
        sys.exit(1)
