from django.db import migrations

# A search word is matched against the names of officials, venues and occasions anywhere in
# them: trigram indexes on PostgreSQL, as for meeting titles (0004).
INDEXES = {
    "meetings_official_name_trgm": ("meetings_official", 'UPPER("name"::text)'),
    "meetings_official_aliases_trgm": ("meetings_official", 'UPPER("aliases"::text)'),
    "meetings_venue_name_trgm": ("meetings_venue", 'UPPER("name"::text)'),
    "meetings_occasion_name_trgm": ("meetings_occasion", 'UPPER("name"::text)'),
}


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, expression) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_search_and_kind_indexes"),
    ]

    operations = [
        migrations.RunPython(add_indexes, drop_indexes),
    ]
