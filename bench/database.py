"""The benchmark's own PostgreSQL database, never the development one.

The benchmark drops and creates its database on every run, so it marks the database it made
with a comment (``COMMENT ON DATABASE``) holding what was loaded, as JSON. It drops only a
database that carries that mark or has no tables at all; anything else is left alone with a
message. The mark also lets ``--reuse`` keep a database that already holds the same meetings.
"""

from __future__ import annotations

import json

import dj_database_url
import psycopg
from psycopg import sql

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/meetings_bench"
MARK = "meetings bench "
RESERVED = {"postgres", "template0", "template1"}


class BenchDatabaseError(Exception):
    pass


def read_mark(comment: str | None) -> dict | None:
    """What a bench-made database's comment says, or None for any other comment."""
    if not comment or not comment.startswith(MARK):
        return None
    try:
        mark = json.loads(comment[len(MARK) :])
    except ValueError:
        return None
    return mark if isinstance(mark, dict) else None


def write_mark(mark: dict) -> str:
    return MARK + json.dumps(mark, sort_keys=True)


def _host(value: str | None) -> str:
    value = (value or "").strip()
    return "127.0.0.1" if value in {"", "localhost", "::1", "[::1]"} else value


class BenchDatabase:
    def __init__(self, url: str):
        self.url = url
        try:
            self.config = dj_database_url.parse(url)
        except (ValueError, KeyError) as exc:
            raise BenchDatabaseError(f"Cannot read the database URL {url!r}: {exc}") from None
        if "postgresql" not in self.config.get("ENGINE", ""):
            raise BenchDatabaseError(
                f"The benchmark needs PostgreSQL; {url!r} is not a postgres:// URL."
            )
        self.name = self.config.get("NAME") or ""
        if not self.name or self.name in RESERVED:
            raise BenchDatabaseError(f"{self.name or 'No name'}: not a database to benchmark in.")

    def same_as(self, config: dict) -> bool:
        """Whether a Django DATABASES entry points at this very database."""
        return (
            "postgresql" in config.get("ENGINE", "")
            and config.get("NAME") == self.name
            and _host(config.get("HOST")) == _host(self.config.get("HOST"))
            and str(config.get("PORT") or 5432) == str(self.config.get("PORT") or 5432)
        )

    def _connect(self, dbname: str) -> psycopg.Connection:
        params = {
            "dbname": dbname,
            "user": self.config.get("USER") or None,
            "password": self.config.get("PASSWORD") or None,
            "host": self.config.get("HOST") or None,
            "port": self.config.get("PORT") or None,
        }
        try:
            return psycopg.connect(
                **{k: v for k, v in params.items() if v is not None},
                autocommit=True,
                connect_timeout=10,
            )
        except psycopg.OperationalError as exc:
            raise BenchDatabaseError(f"Cannot connect to PostgreSQL ({dbname}): {exc}") from None

    def _comment(self, cur) -> tuple[bool, str | None]:
        cur.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [self.name],
        )
        row = cur.fetchone()
        return (row is not None, row[0] if row else None)

    def state(self) -> dict | None:
        """None when the database does not exist, else its mark ({} when it has none)."""
        with self._connect("postgres") as conn, conn.cursor() as cur:
            exists, comment = self._comment(cur)
        if not exists:
            return None
        return read_mark(comment) or {}

    def _has_tables(self) -> bool:
        with self._connect(self.name) as conn, conn.cursor() as cur:
            cur.execute(
                "SELECT count(*) FROM pg_tables "
                "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            )
            return cur.fetchone()[0] > 0

    def recreate(self, mark: dict) -> None:
        """Drop the database when the benchmark made it (or it is empty), and create it anew."""
        state = self.state()
        if state == {} and self._has_tables():
            raise BenchDatabaseError(
                f"The database {self.name} exists, has tables and was not made by the "
                "benchmark; it is left alone. Drop it yourself or set BENCH_DATABASE_URL to "
                "another database."
            )
        with self._connect("postgres") as conn, conn.cursor() as cur:
            name = sql.Identifier(self.name)
            if state is not None:
                # FORCE ends the sessions of an earlier run that did not stop cleanly.
                cur.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(name))
            cur.execute(sql.SQL("CREATE DATABASE {}").format(name))
            cur.execute(
                sql.SQL("COMMENT ON DATABASE {} IS {}").format(name, sql.Literal(write_mark(mark)))
            )

    def mark(self, mark: dict) -> None:
        with self._connect("postgres") as conn, conn.cursor() as cur:
            cur.execute(
                sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                    sql.Identifier(self.name), sql.Literal(write_mark(mark))
                )
            )

    def vacuum_analyze(self) -> None:
        """Fresh statistics and visibility maps, as a database in service has after a load."""
        with self._connect(self.name) as conn, conn.cursor() as cur:
            cur.execute("VACUUM ANALYZE")

    def backends(self) -> list[int]:
        """The process ids of the PostgreSQL backends serving connections to this database
        (on this machine, where their CPU time can be read)."""
        with self._connect("postgres") as conn, conn.cursor() as cur:
            cur.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.name])
            return [row[0] for row in cur.fetchall()]

    def server_version(self) -> str:
        with self._connect(self.name) as conn, conn.cursor() as cur:
            cur.execute("SHOW server_version")
            return cur.fetchone()[0]
