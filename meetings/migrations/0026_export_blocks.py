"""Each pair of countries' meetings of a year as the pair's whole CSV and JSON write them
(ExportBlock): a pair's history reads a row a year instead of a row a meeting.

The blocks of the pairs there already are are written here, by the code that writes them from
then on (meetings.derived; check_index compares them with a rebuild)."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from meetings import derived

    derived.fill_blocks(schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0025_overlap_years_by_kind'),
    ]

    operations = [
        migrations.CreateModel(
            name='ExportBlock',
            fields=[
                ('pk', models.CompositePrimaryKey('subject', 'year', blank=True, editable=False, primary_key=True, serialize=False)),
                ('year', models.IntegerField()),
                ('meetings', models.IntegerField()),
                ('csv', models.TextField()),
                ('json', models.TextField()),
                ('subject', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.subject')),
            ],
            options={
                'indexes': [models.Index(fields=['subject', 'year'], include=('meetings',), name='meetings_block_counts')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
