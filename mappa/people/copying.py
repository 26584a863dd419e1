"""Inserting new rows in bulk: PostgreSQL's COPY where it is available, `bulk_create` elsewhere.

At national scale (`mappa import nominals` of 100,000 people, docs/benchmarks.md) most of an
import's time went in Django compiling each `bulk_create` into SQL and psycopg quoting every
value into it. COPY sends the same rows as a stream instead. The rows written are the ones
`bulk_create` would write: each model instance's field values as they stand, the time stamps of
`auto_now` and `auto_now_add` fields set as a save sets them, and decimals rounded to their
field's places as Django rounds them. An automatic primary key is left to the database's
sequence, as `bulk_create` leaves it (the instances do not learn it). No signals are sent,
as `bulk_create` sends none. The rows go in the caller's transaction. Each COPY is logged as
one query where Django logs queries, so tests that count queries count it.
"""

from __future__ import annotations

import functools
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection, models
from django.db.models.base import ModelState
from django.db.models.fields import AutoFieldMixin
from psycopg import sql

BATCH_SIZE = 2000


@functools.cache
def maker(model: type[models.Model]) -> Callable[..., models.Model]:
    """A function making a new, unsaved instance of `model` from field values by attribute
    name (`nominal_id=`, not `nominal=`): the instance `model(**values)` makes, every other
    field at its default, without the cost of Django's general constructor (which at 100,000
    nominals and a dozen rows each was a quarter of an import's time). `model` has no
    `pre_init`/`post_init` receivers (tests/test_import_at_scale.py checks the rows it makes
    are the rows `model(...)` makes)."""
    fixed, called = {}, {}
    for field in model._meta.concrete_fields:
        if field.has_default() and callable(field.default):
            called[field.attname] = field.default
        else:
            fixed[field.attname] = field.get_default()

    def new(**values) -> models.Model:
        instance = model.__new__(model)
        instance._state = ModelState()
        attributes = instance.__dict__
        attributes.update(fixed)
        for name, default in called.items():
            if name not in values:
                attributes[name] = default()
        attributes.update(values)
        return instance

    return new


def insert(model: type[models.Model], rows: list[models.Model]) -> None:
    """Insert `rows` (new instances of `model`) in the current transaction; inside `overlapped`,
    the COPY is sent on its second thread and this returns once the rows are queued."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        return
    automatic = isinstance(model._meta.pk, AutoFieldMixin)
    if automatic and any(row.pk is not None for row in rows):
        raise ValueError(f"{model.__name__}: rows to copy leave the automatic key to the database")
    fields = [
        field for field in model._meta.concrete_fields if not (automatic and field.primary_key)
    ]
    stamped = [
        field
        for field in fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    rounded = {field.attname for field in fields if isinstance(field, models.DecimalField)}
    statement = sql.SQL("COPY {table} ({columns}) FROM STDIN").format(
        table=sql.Identifier(model._meta.db_table),
        columns=sql.SQL(", ").join(sql.Identifier(field.column) for field in fields),
    )
    values = [(field.attname, field if field.attname in rounded else None) for field in fields]
    started = time.monotonic()
    prepared = []
    for row in rows:
        for field in stamped:
            field.pre_save(row, add=True)
        prepared.append(
            [
                getattr(row, name)
                if field is None
                else field.get_db_prep_save(getattr(row, name), connection)
                for name, field in values
            ]
        )
    connection.ensure_connection()
    writer = getattr(_current, "writer", None)
    if writer is not None:
        writer.send(statement, prepared)
    else:
        _copy(connection.connection, statement, prepared)
    if connection.queries_logged:  # counted as a query, as Django counts its own statements
        connection.queries_log.append(
            {
                "sql": f"{statement.as_string(connection.connection)} -- {len(rows)} rows",
                "time": f"{time.monotonic() - started:.3f}",
            }
        )


def _copy(raw, statement: sql.Composed, prepared: list[list]) -> None:
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for values in prepared:
            copy.write_row(values)


_current = threading.local()


class _Writer:
    """One thread sending COPYs in the order they were queued, on the caller's connection (and
    so in its transaction: psycopg lets one statement at a time use a connection)."""

    def __init__(self, raw) -> None:
        self.raw = raw
        self.queue: queue.Queue = queue.Queue(maxsize=2)  # at most two batches waiting
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="mappa-copy", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    _copy(self.raw, *item)
                except BaseException as error:  # handed to the caller's thread
                    self.error = error

    def send(self, statement: sql.Composed, prepared: list[list]) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((statement, prepared))

    def finish(self) -> BaseException | None:
        self.queue.put(None)
        self.thread.join()
        return self.error


@contextmanager
def overlapped() -> Iterator[None]:
    """COPYs in the block go on a second thread, so PostgreSQL takes in one batch's rows while
    this thread reads and checks the next. Leaving the block waits for every COPY to finish,
    and raises the error of one that failed. On SQLite, and inside another such block, the
    rows are inserted as they come."""
    if connection.vendor != "postgresql" or getattr(_current, "writer", None) is not None:
        yield
        return
    connection.ensure_connection()
    writer = _current.writer = _Writer(connection.connection)
    try:
        yield
    except BaseException as error:
        _current.writer = None
        failed = writer.finish()
        if failed is not None:
            with connection.wrap_database_errors:  # as Django's own exceptions
                raise failed from error
        raise
    _current.writer = None
    failed = writer.finish()
    if failed is not None:
        with connection.wrap_database_errors:
            raise failed
