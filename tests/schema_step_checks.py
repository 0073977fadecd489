"""Shared by the schema-step tests (tests/test_schema_step_*.py): a raw look at a data file,
opening a file whose step fails right after it ran, and the backup made before an upgrade; a file
made back into the version before an area's step."""

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


def tables(conn) -> set[str]:
    """The names of the file's tables."""
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def make_previous_version(db_path, version: int, area_tables, people=(), *, lenient: bool = False) -> None:
    """A file as `version` left it: created at the latest version with `people` (Member fields), then
    the area's tables dropped (in reverse order) and user_version set back. `lenient`: foreign keys off
    and DROP TABLE IF EXISTS."""
    from union_desk.db import database
    from union_desk.db.models import Member

    open_for_use(db_path, auto_backup=False)
    for data in people:
        Member.create(**data)
    db = database.current_database()
    if lenient:
        db.execute_sql("PRAGMA foreign_keys = OFF")
    for table in reversed(list(area_tables)):
        db.execute_sql(f'DROP TABLE {"IF EXISTS " if lenient else ""}"{table}"')
    db.execute_sql(f"PRAGMA user_version = {int(version)}")
    close_database()


def assert_step_left_file_unchanged(db_path, monkeypatch, number: int, step, area_tables):
    """Step `number` failing right after `step` ran leaves the file at version number-1 without the
    area's tables (the step ran in the upgrade transaction)."""
    open_with_step_failing_after(db_path, monkeypatch, number, step)
    with raw(db_path) as conn:
        assert user_version(conn) == number - 1
        assert not tables(conn) & set(area_tables)


def assert_backed_up_before_upgrade(db_path, version: int, area_tables) -> None:
    """One backup, made before the upgrade: the file at `version`, without the area's tables."""
    from union_desk.db import backup

    backups = backup.list_backups(db_path)
    assert [b.kind for b in backups] == ["pre-upgrade"]
    with raw(backups[0].path) as conn:
        assert user_version(conn) == version
        assert not tables(conn) & set(area_tables)
