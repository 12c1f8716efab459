"""Reads that scale out: with DATABASE_REPLICA_URL set, the public pages read from that
PostgreSQL replica; every write, the admin and everything else use the primary."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_public = ContextVar("public_read", default=False)


@contextmanager
def reading_replica() -> Iterator[None]:
    """Within: a public page's reads, which may go to the replica."""
    token = _public.set(True)
    try:
        yield
    finally:
        _public.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        if settings.READ_REPLICA and _public.get():
            return settings.READ_REPLICA
        return None  # the primary

    def db_for_write(self, model, **hints) -> str | None:
        return None

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # the replica holds the primary's rows

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == "default"
