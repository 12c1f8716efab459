"""Many rows at once: PostgreSQL's COPY and array parameters there, bulk_create elsewhere.

Rows are tuples of attribute values (``official_id``, not ``official``). Nothing here calls
save() or sends signals: the bulk importer and meetings.derived, the two users, know what they
write.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from django.db import connections, models, transaction


class Writer:
    """Bulk reads and writes on one database connection (the calling thread's)."""

    def __init__(self, using: str = "default"):
        self.using = using
        self.connection = connections[using]
        self.copy = self.connection.vendor == "postgresql"
        limit = self.connection.features.max_query_params or 999
        self.chunk = max(1, min(5000, limit - 10))
        self._sequences: dict[str, str] = {}

    def _qn(self, name: str) -> str:
        return self.connection.ops.quote_name(name)

    def insert(
        self,
        model: type[models.Model],
        fields: Sequence[str],
        rows: Sequence[tuple],
        *,
        ids: bool = False,
        pks: Sequence[int] | None = None,
    ) -> list[int]:
        """Insert rows; with ids=True, return the new primary keys in the order of rows.

        pks gives the primary keys to use (from next_ids); they are returned as they are.
        """
        if not rows:
            return []
        if not self.copy:
            objs = [model(**dict(zip(fields, row, strict=True))) for row in rows]
            if pks is not None:
                for obj, pk in zip(objs, pks, strict=True):
                    obj.pk = pk
            model.objects.using(self.using).bulk_create(objs)
            return [obj.pk for obj in objs] if ids or pks is not None else []
        opts = model._meta
        columns = [opts.get_field(name).column for name in fields]
        with self.connection.cursor() as cursor:
            if ids and pks is None:
                pks = self._next_ids(cursor, model, len(rows))
            if pks is not None:
                columns.insert(0, opts.pk.column)
                rows = [(pk, *row) for pk, row in zip(pks, rows, strict=True)]
            sql = "COPY {} ({}) FROM STDIN".format(
                self._qn(opts.db_table), ", ".join(self._qn(c) for c in columns)
            )
            with cursor.copy(sql) as copy:
                write = copy.write_row
                for row in rows:
                    write(row)
        return list(pks) if pks is not None else []

    def next_ids(self, model: type[models.Model], n: int) -> list[int] | None:
        """n primary keys reserved from the table's sequence (PostgreSQL); None elsewhere."""
        if not self.copy or n == 0:
            return None
        with self.connection.cursor() as cursor:
            return self._next_ids(cursor, model, n)

    def _next_ids(self, cursor, model: type[models.Model], n: int) -> list[int]:
        table = model._meta.db_table
        sequence = self._sequences.get(table)
        if sequence is None:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, model._meta.pk.column])
            sequence = self._sequences[table] = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, n])
        return [row[0] for row in cursor.fetchall()]

    def select(
        self,
        model: type[models.Model],
        fields: Sequence[str],
        key: str,
        values: Sequence,
        *,
        order_by: Sequence[str] = (),
        not_blank: bool = False,
        where: dict[str, object] | None = None,
    ) -> Iterator[tuple]:
        """Rows of fields where key is one of values (and, with not_blank, key <> ''; and each
        field of where equal to its value)."""
        if not values:
            return
        where = where or {}
        if self.copy:
            # one array parameter instead of thousands of placeholders
            opts = model._meta
            column = self._qn(opts.get_field(key).column)
            sql = "SELECT {} FROM {} WHERE {} = ANY(%s){}{}{}".format(
                ", ".join(self._qn(opts.get_field(f).column) for f in fields),
                self._qn(opts.db_table),
                column,
                f" AND NOT ({column} = '')" if not_blank else "",
                "".join(f" AND {self._qn(opts.get_field(f).column)} = %s" for f in where),
                " ORDER BY " + ", ".join(self._qn(opts.get_field(f).column) for f in order_by)
                if order_by
                else "",
            )
            yield from self.through_indexes(sql, [list(values), *where.values()])
            return
        for chunk in self.chunks(values):
            qs = model.objects.using(self.using).filter(**{f"{key}__in": chunk}, **where)
            if not_blank:
                qs = qs.exclude(**{key: ""})
            yield from qs.order_by(*order_by).values_list(*fields)

    def through_indexes(self, sql: str, params: Sequence) -> list[tuple]:
        """The rows of a query, read through indexes on PostgreSQL: while a big import runs,
        the tables' statistics lag behind and the planner would rather read a whole table."""
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            if self.copy:
                cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            if self.copy:
                cursor.execute("SET LOCAL enable_seqscan = on")
        return rows

    def update(
        self, model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple]
    ) -> None:
        """Set fields on existing rows; each row is (pk, *values)."""
        if not rows:
            return
        objs = []
        for pk, *values in rows:
            obj = model(pk=pk)
            for name, value in zip(fields, values, strict=True):
                setattr(obj, name, value)
            objs.append(obj)
        model.objects.using(self.using).bulk_update(objs, list(fields), batch_size=1000)

    def delete(
        self,
        model: type[models.Model],
        field: str,
        values: Iterable,
        *,
        not_positive: str | None = None,
    ) -> None:
        """Delete the rows whose field is one of values (and, with not_positive, whose column
        of that name is 0 or less): plain SQL, no signals; the database cascades."""
        values = list(values)
        table = self._qn(model._meta.db_table)
        column = self._qn(model._meta.get_field(field).column)
        extra = f" AND {self._qn(not_positive)} <= 0" if not_positive else ""
        with self.connection.cursor() as cursor:
            for chunk in self.chunks(values):
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({marks}){extra}", chunk)

    def insert_new(
        self, model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple]
    ) -> None:
        """Insert rows, skipping those a unique constraint says exist already (another
        transaction may have just written them)."""
        self._insert_values(model, columns, rows, "ON CONFLICT DO NOTHING")

    def take_turn(self, name: str) -> None:
        """Wait until no other transaction holds the turn called name, and hold it until this
        one ends (PostgreSQL; on SQLite a writer holds the whole database already)."""
        if self.copy:
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [name])

    def lock(self, model: type[models.Model], ids: Sequence[int]) -> list[int]:
        """Lock these rows until the transaction ends, in id order (so that two writers wait
        for each other instead of deadlocking); returns the ids that exist."""
        table = self._qn(model._meta.db_table)
        found = []
        with self.connection.cursor() as cursor:
            if self.copy:
                cursor.execute(
                    f"SELECT id FROM {table} WHERE id = ANY(%s) ORDER BY id FOR UPDATE",
                    [sorted(ids)],
                )
                return [row[0] for row in cursor.fetchall()]
            # SQLite: a writer holds the whole database already
            for chunk in self.chunks(sorted(ids)):
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)
                found += [row[0] for row in cursor.fetchall()]
        return found

    def add(self, model: type[models.Model], column: str, rows: Iterable[tuple[int, int]]) -> None:
        """Add n to the column of each row (pk, n)."""
        by_amount: dict[int, list[int]] = {}
        for pk, n in rows:
            by_amount.setdefault(n, []).append(pk)
        table, column = self._qn(model._meta.db_table), self._qn(column)
        with self.connection.cursor() as cursor:
            for n, ids in sorted(by_amount.items()):
                for chunk in self.chunks(sorted(ids)):
                    marks = ", ".join(["%s"] * len(chunk))
                    cursor.execute(
                        f"UPDATE {table} SET {column} = {column} + %s WHERE id IN ({marks})",
                        [n, *chunk],
                    )

    def upsert_add(
        self,
        model: type[models.Model],
        columns: Sequence[str],
        column: str | Sequence[str],
        rows: Sequence[tuple],
        *,
        conflict: Sequence[str] | None = None,
    ) -> None:
        """Add the last value of each row to column (the last values to several columns),
        inserting the rows that do not exist: rows are (*values of columns, amount), unique on
        conflict (all columns by default)."""
        if not rows:
            return
        table = self._qn(model._meta.db_table)
        added = [column] if isinstance(column, str) else list(column)
        names = [*columns, *added]
        quoted = ", ".join(self._qn(c) for c in names)
        target = ", ".join(self._qn(c) for c in (conflict or columns))
        sums = ", ".join(f"{q} = {table}.{q} + excluded.{q}" for q in map(self._qn, added))
        on_conflict = f"ON CONFLICT ({target}) DO UPDATE SET {sums}"
        with self.connection.cursor() as cursor:
            if self.copy and len(rows) > 1000:
                cursor.execute("DROP TABLE IF EXISTS pg_temp.upsert_rows")
                cursor.execute(
                    f"CREATE TEMPORARY TABLE upsert_rows ON COMMIT DROP AS "
                    f"SELECT {quoted} FROM {table} WITH NO DATA"
                )
                with cursor.copy(f"COPY upsert_rows ({quoted}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                cursor.execute(
                    f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM upsert_rows "
                    f"ORDER BY {target} {on_conflict}"
                )
                return
        self._insert_values(model, names, rows, on_conflict)

    def _insert_values(
        self, model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple], tail: str
    ) -> None:
        """INSERT … VALUES of as many rows a statement as the database takes, then tail."""
        table = self._qn(model._meta.db_table)
        names = ", ".join(self._qn(c) for c in columns)
        step = max(1, self.chunk // len(columns))
        with self.connection.cursor() as cursor:
            for start in range(0, len(rows), step):
                chunk = rows[start : start + step]
                marks = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(chunk))
                cursor.execute(
                    f"INSERT INTO {table} ({names}) VALUES {marks} {tail}",
                    [v for row in chunk for v in row],
                )

    def chunks(self, values: Sequence) -> Iterable[Sequence]:
        """Slices of values short enough for one IN (...) on this database."""
        values = list(values)
        for start in range(0, len(values), self.chunk):
            yield values[start : start + self.chunk]
