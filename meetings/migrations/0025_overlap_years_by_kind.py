"""Every meeting's pairs and topics counted per year (SubjectOverlapYear, with the other side's
kind): a year's page reads its busiest pairs and topics from that year's own counts, most
first, instead of summing the months of the pairs and topics busiest over all years.

The rows there already are are an official's meetings with each country, so their kind is
"country". The pairs' and topics' years are summed here from their months, in one statement;
from then on meetings.derived keeps them (check_index compares them with a rebuild)."""

from django.db import migrations, models

YEAR = {
    "postgresql": "CAST(EXTRACT(YEAR FROM m.month) AS integer)",
    "sqlite": "CAST(strftime('%Y', m.month) AS integer)",
}


def fill(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO meetings_subjectoverlapyear (subject_id, other_id, other_kind, year, meetings)"
        f" SELECT e.id, m.subject_id, s.kind, {YEAR[schema_editor.connection.vendor]},"
        " SUM(m.meetings) FROM meetings_subjectmonth m"
        " JOIN meetings_subject s ON s.id = m.subject_id AND s.kind IN ('pair', 'topic')"
        " CROSS JOIN meetings_subject e WHERE e.kind = 'all'"
        " GROUP BY 1, 2, 3, 4 HAVING SUM(m.meetings) > 0"
    )


def empty(apps, schema_editor):
    """Back to an official's years alone, which is all the table held."""
    schema_editor.execute("DELETE FROM meetings_subjectoverlapyear WHERE other_kind <> 'country'")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0024_export_records"),
    ]

    operations = [
        migrations.AddField(
            model_name="subjectoverlapyear",
            name="other_kind",
            field=models.CharField(
                choices=[
                    ("all", "Everything"),
                    ("country", "Country"),
                    ("pair", "Pair of countries"),
                    ("topic", "Topic"),
                    ("official", "Official"),
                    ("venue", "Venue"),
                    ("occasion", "Occasion"),
                ],
                default="country",
                max_length=10,
            ),
            preserve_default=False,
        ),
        migrations.AddIndex(
            model_name="subjectoverlapyear",
            index=models.Index(
                fields=["subject", "other_kind", "year", "-meetings", "other"],
                name="meetings_overlap_year_top",
            ),
        ),
        migrations.RunPython(fill, empty),
    ]
