from django.db import migrations, models

# Searching titles and summaries for a word anywhere in them: trigram indexes, on PostgreSQL
# only (the expressions are those Django's icontains compares).
TRIGRAM_INDEXES = [
    'CREATE INDEX IF NOT EXISTS meetings_meeting_title_trgm ON meetings_meeting '
    'USING gin (UPPER("title"::text) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS meetings_meeting_summary_trgm ON meetings_meeting '
    'USING gin (UPPER("summary"::text) gin_trgm_ops)',
]


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for sql in TRIGRAM_INDEXES:
        schema_editor.execute(sql)


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS meetings_meeting_title_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS meetings_meeting_summary_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_facets_and_tallies"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                fields=["kind", "status", "-date", "-id"], name="meetings_meeting_kind_date"
            ),
        ),
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes),
    ]
