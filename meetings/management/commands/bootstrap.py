import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from meetings import dataset, history
from meetings.historian.lines import PUBLISHER
from meetings.models import ExportRecord, Meeting, SearchText, Source, Subject


class Command(BaseCommand):
    help = (
        "Prepare a local site: countries, the gazetteer of cities, demo data when there are no "
        "meetings, the knowledge base of officials and the Office of the Historian's record when "
        "they are not in yet, the files of the whole dataset when they are missing, and an admin "
        "account when there are no users (its password is printed once)."
    )

    def handle(self, *args, **options):
        call_command("load_countries", stdout=self.stdout)
        call_command("load_places", stdout=self.stdout)
        if not Meeting.objects.exists():
            call_command("load_demo", stdout=self.stdout)
        call_command("load_officials", stdout=self.stdout)
        if not Source.objects.filter(publisher=PUBLISHER).exists():
            self.stdout.write("Importing the Office of the Historian's records (public domain).")
            call_command("import_historian", stdout=self.stdout)
        elif (
            not Subject.objects.exists()
            or not SearchText.objects.exists()
            or not ExportRecord.objects.exists()
        ) and Meeting.objects.published().exists():
            # a database from before the derived rows (the search texts, the export records):
            # derive them once
            call_command("rebuild_index", stdout=self.stdout)
        if not all(dataset.path_of(name).exists() for name in dataset.FILES):
            self.stdout.write(
                f"Writing the whole dataset for download into {settings.DATASET_DIR}."
            )
            call_command("export_dataset", stdout=self.stdout)
        User = get_user_model()
        # the account imports are recorded under is nobody's: it does not count as a user
        people = User.objects.exclude(**{User.USERNAME_FIELD: history.COMMAND_ACCOUNT})
        if not people.exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "", password)
            self.stdout.write(
                self.style.SUCCESS(
                    "\nCreated the admin account for this machine. Sign in at "
                    "/admin/ with\n"
                    f"    user:     admin\n    password: {password}\n"
                    "It is shown only this once; change it in the admin if you like.\n"
                )
            )
