"""Meetings in bulk: one JSON object per line (see README.md, "Bulk data: the JSONL format").

- records: the format, and the checks a line passes before it is imported;
- exporter: every meeting as a line (the export_meetings command);
- importer and writer: lines into the database in batches, with COPY on PostgreSQL and
  bulk_create elsewhere (import_meetings);
- generator: realistic synthetic meetings for load tests (generate_meetings);
- files: the commands' FILE argument ("-" for stdin or stdout, .gz compressed).
"""
