"""The data version, and what is cached under it.

Every committed change to what the public pages show makes a new data version
(meetings.derived.changed). A request reads the version once; pages derive their ETag and
Last-Modified from it, and the counts and vocabularies kept in Django's cache are stored under
it, so that a change is seen at once by every server sharing the database, whatever the cache
backend (local memory by default, Redis when REDIS_URL is set).
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connections, router

from meetings.models import DataVersion

# (version, changed_at) of the request being served; None before it is read
_current: ContextVar[tuple[int, datetime.datetime] | None] = ContextVar(
    "data_version", default=None
)
try:  # the errors of a cache server that is down
    from redis import RedisError

    CACHE_DOWN: tuple[type[Exception], ...] = (OSError, RedisError)
except ImportError:  # pragma: no cover - redis is a dependency
    CACHE_DOWN = (OSError,)
TIMEOUT = 3600  # seconds: entries of an old version are never read again, and expire
_MISSING = object()


def forget() -> None:
    """Start a request: its version is read afresh when first needed."""
    _current.set(None)


def data_version() -> tuple[int, datetime.datetime]:
    """The data version and when it was made (read once per request)."""
    known = _current.get()
    if known is None:
        database = router.db_for_read(DataVersion)
        connection = connections[database]
        table = connection.ops.quote_name(DataVersion._meta.db_table)
        with connection.cursor() as cursor:  # on every page: spared the ORM's work
            cursor.execute(f"SELECT version, changed_at FROM {table} WHERE id = 1")
            row = cursor.fetchone()
        if row and isinstance(row[1], str):  # SQLite without the column's type
            row = (row[0], datetime.datetime.fromisoformat(row[1]))
        if row and row[1].tzinfo is None:  # SQLite keeps UTC without saying so
            row = (row[0], row[1].replace(tzinfo=datetime.UTC))
        known = row or (0, datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
        _current.set(known)
    return known


def cached[T](key: str, compute: Callable[[], T]) -> T:
    """compute()'s value for this data version, from the cache when it is there."""
    version, _ = data_version()
    name = f"{key}:v{version}"
    try:
        value = cache.get(name, _MISSING)
    except CACHE_DOWN:  # compute, as without a cache
        value = _MISSING
    if value is _MISSING:
        value = compute()
        with contextlib.suppress(*CACHE_DOWN):
            cache.set(name, value, TIMEOUT)
    return value
