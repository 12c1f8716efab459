"""A meeting's listings indexed by meeting and subject instead of by meeting alone: the same
lookups when a meeting changes or goes, and "is this meeting listed under that subject?"
answered from the index (a feed asks it of each meeting it walks)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0019_overlap_years"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="subjectmeeting",
            index=models.Index(fields=["meeting", "subject"], name="meetings_listing_meeting"),
        ),
        migrations.AlterField(
            model_name="subjectmeeting",
            name="meeting",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="meetings.meeting",
            ),
        ),
    ]
