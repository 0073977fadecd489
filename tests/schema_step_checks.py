"""Shared by the schema-step tests (tests/test_schema_step_*.py): a raw look at a data file,
opening a file whose step fails right after it ran, and the backup made before an upgrade."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

from union_desk.db import migrations
from union_desk.db.database import close_database
from union_desk.services.maintenance import open_for_use


@contextmanager
def raw(path):
    """The file through plain sqlite3 (what is really stored), closed afterwards."""
    conn = sqlite3.connect(path)
    try:
        yield conn
    finally:
        conn.close()


def user_version(conn) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def open_with_step_failing_after(db_path, monkeypatch, number: int, step) -> None:
    """Open (upgrading) with step `number` raising right after `step` did its work."""

    def step_then_fail(db):
        step(db)
        raise RuntimeError("disk full")

    monkeypatch.setitem(migrations.STEPS, number, step_then_fail)
    try:
        open_for_use(db_path, auto_backup=False)
    except RuntimeError:
        pass
    finally:
        close_database()
