"""An official's meetings with each country per year (SubjectOverlapYear): his page's lanes read
them instead of looking up the countries of his newest meetings.

The counts of the meetings there already are filled in here, in one statement; from then on
meetings.derived keeps them (check_index compares them with a rebuild)."""

import django.db.models.deletion
from django.db import migrations, models

YEAR = {
    "postgresql": "CAST(EXTRACT(YEAR FROM l.date) AS integer)",
    "sqlite": "CAST(strftime('%Y', l.date) AS integer)",
}


def fill(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO meetings_subjectoverlapyear (subject_id, other_id, year, meetings) "
        f"SELECT l.subject_id, c.id, {YEAR[schema_editor.connection.vendor]}, COUNT(*) "
        "FROM meetings_subjectmeeting l "
        "JOIN meetings_subject s ON s.id = l.subject_id AND s.kind = 'official' "
        "JOIN meetings_meetingcountry mc ON mc.meeting_id = l.meeting_id "
        "JOIN meetings_subject c ON c.kind = 'country' AND c.country_id = mc.country_id "
        "GROUP BY 1, 2, 3"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0018_subject_busiest_covering"),
    ]

    operations = [
        migrations.CreateModel(
            name="SubjectOverlapYear",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "subject",
                        "other",
                        "year",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("year", models.SmallIntegerField()),
                ("meetings", models.IntegerField()),
                (
                    "other",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="meetings.subject",
                    ),
                ),
                (
                    "subject",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="overlap_years",
                        to="meetings.subject",
                    ),
                ),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
