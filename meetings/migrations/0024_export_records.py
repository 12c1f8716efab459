"""Each published meeting as the CSV and JSON exports write it (ExportRecord): an export reads
one row a meeting instead of joining its people, topics and sources again.

The records of the meetings there already are are written here, by the code that writes them
from then on (meetings.derived; check_index compares them with a rebuild)."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from meetings import derived

    derived.fill_records(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0023_search_vector_years"),
    ]

    operations = [
        migrations.CreateModel(
            name="ExportRecord",
            fields=[
                (
                    "meeting",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="meetings.meeting",
                    ),
                ),
                ("csv", models.TextField()),
                ("json", models.TextField()),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
