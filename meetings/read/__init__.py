"""What the public pages (and the exports) read, in a few index lookups at any size.

- `selection`: a Selection, the published meetings a page shows, with their totals, years,
  months and rankings;
- `search`: the words of a search, looked up in names, titles and summaries;
- `paging`: pages of a list that count only as far as they must;
- `rows`: what a list shows of each meeting;
- `names`: officials, topics, venues, occasions and countries as a reader names them;
- `cache`: the data version, and the counts kept in the cache under it.

Nothing here draws a page: views and templates do.
"""
