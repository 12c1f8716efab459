from django.db import migrations

# PostgreSQL only: the search texts' vector also holds its meeting's year as a word of its own
# ("y2024"), so that the full-text index finds a word's matches of one year without reading
# the others (meetings.read.search.Texts walks back a year at a time). A generated column's
# expression cannot be altered: the column is made again, and its index with it.
VECTOR = """ALTER TABLE meetings_searchtext ADD COLUMN vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A')
    || setweight(to_tsvector('english'::regconfig, names), 'B')
    || setweight(to_tsvector('english'::regconfig, body), 'C'){year}
) STORED"""
YEAR = """
    || setweight(to_tsvector('simple'::regconfig, 'y' || (extract(year from date))::int::text), 'D')"""


def remake(year: str):
    statements = [
        "DROP INDEX IF EXISTS meetings_searchtext_vector",
        "ALTER TABLE meetings_searchtext DROP COLUMN IF EXISTS vector",
        VECTOR.format(year=year),
        "CREATE INDEX meetings_searchtext_vector ON meetings_searchtext USING gin (vector)",
    ]

    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0022_month_counts_index"),
    ]

    operations = [migrations.RunPython(remake(YEAR), remake(""))]
