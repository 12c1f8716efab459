"""The kind of each meeting in its listings, and its months' calls and video calls: the
timeline draws each bar split by kind from the counts, as it draws the bar itself.

The listings and counts there already are filled in here, from the meetings, in a few
statements; from then on meetings.derived keeps them (check_index compares them with a
rebuild)."""

from django.db import migrations, models

FIRST_OF_MONTH = {
    "postgresql": "date_trunc('month', date)::date",
    "sqlite": "date(date, 'start of month')",
}


def fill(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(
        "UPDATE meetings_subjectmeeting SET kind = ("
        "SELECT kind FROM meetings_meeting WHERE meetings_meeting.id = meeting_id) "
        "WHERE meeting_id IN (SELECT id FROM meetings_meeting WHERE kind <> 'in-person')"
    )
    schema_editor.execute(
        "UPDATE meetings_subjectmonth SET calls = tally.calls, videos = tally.videos FROM ("
        f"SELECT subject_id, {FIRST_OF_MONTH[vendor]} AS month, "
        "SUM(CASE WHEN kind = 'call' THEN 1 ELSE 0 END) AS calls, "
        "SUM(CASE WHEN kind = 'virtual' THEN 1 ELSE 0 END) AS videos "
        "FROM meetings_subjectmeeting WHERE kind <> 'in-person' GROUP BY 1, 2"
        ") AS tally WHERE meetings_subjectmonth.subject_id = tally.subject_id "
        "AND meetings_subjectmonth.month = tally.month"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0016_search_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="subjectmeeting",
            name="kind",
            field=models.CharField(
                choices=[("in-person", "In person"), ("call", "Phone call"), ("virtual", "Video call")],
                default="in-person",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="subjectmonth",
            name="calls",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="subjectmonth",
            name="videos",
            field=models.IntegerField(default=0),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
