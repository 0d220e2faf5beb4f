"""Test helper: Django flushes transactional test databases with DELETE on SQLite, which the
ledger's append-only triggers refuse. Live-server tests drop the SQLite triggers just before
the flush and put them back before the next test. PostgreSQL flushes with TRUNCATE, which the
row triggers do not see, so nothing is done there."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

_migration = importlib.import_module("jxc.inventory.migrations.0002_stockmove_append_only")


@contextmanager
def flushable_ledger() -> Iterator[None]:
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        for statement in _migration.SQLITE_DOWN:
            cursor.execute(statement)
        for statement in _migration.SQLITE_UP:
            cursor.execute(statement)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for statement in _migration.SQLITE_DOWN:
                cursor.execute(statement)
