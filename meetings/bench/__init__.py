"""`manage.py bench`: load synthetic meetings, serve them with gunicorn, measure with wrk.

- database: the benchmark's own PostgreSQL database, made and dropped by the benchmark alone;
- pages: the page kinds and the addresses picked for each from the loaded data;
- probe: queries per request (in process) and a check that the addresses answer 200;
- server: gunicorn with production settings, and its workers' memory;
- wrk: installing and running wrk with bench/urls.lua, and reading its figures;
- report: the table, its Markdown copy and the JSON file;
- run: the whole run, step by step.
"""
