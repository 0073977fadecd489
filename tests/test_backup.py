"""Backups: online API, verified, rotated, daily automatic, restore that backs up first."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from union_desk.db import backup
from union_desk.db.database import close_database
from union_desk.db.models import Member
from union_desk.errors import BackupError
from union_desk.services.maintenance import open_for_use


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_backup_then_restore_gives_identical_data(db, db_path):
    for i in range(50):
        Member.create(name=f"张{i}", phone=f"1380013{i:04d}")
    info = backup.make_backup(db_path, "manual")
    assert info.path.parent == db_path.parent / "backups"
    assert backup.integrity_ok(info.path) == (True, "ok")
    original = rows(info.path, "SELECT * FROM member ORDER BY id")
    Member.update(name="改过了").execute()
    Member.create(name="新来的")
    close_database()

    pre = backup.restore_backup(info.path, db_path).pre_backup
    assert pre is not None and pre.kind == "pre-restore"
    assert rows(db_path, "SELECT * FROM member ORDER BY id") == original
    # The state before the restore is kept, so the restore itself can be undone.
    assert ("新来的",) in rows(pre.path, "SELECT name FROM member")
    open_for_use(db_path, auto_backup=False)
    assert Member.select().count() == 50


def test_backup_contains_uncheckpointed_wal_writes(db, db_path):
    Member.create(name="只在WAL里")
    info = backup.make_backup(db_path)
    assert rows(info.path, "SELECT name FROM member") == [("只在WAL里",)]


def test_restore_refuses_a_corrupt_backup_and_keeps_current(db, db_path, tmp_path):
    Member.create(name="保留我")
    close_database()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 500)
    before = db_path.read_bytes()
    with pytest.raises(BackupError) as info:
        backup.restore_backup(bad, db_path)
    assert "损坏" in info.value.message
    assert db_path.read_bytes() == before


def test_auto_backup_at_most_daily(db, db_path):
    day = dt.datetime(2026, 11, 23, 8, 0, 0)
    first = backup.auto_backup_if_due(db_path, now=day)
    assert first is not None and first.kind == "auto"
    assert backup.auto_backup_if_due(db_path, now=day + dt.timedelta(hours=5)) is None
    assert backup.auto_backup_if_due(db_path, now=day + dt.timedelta(days=1)) is not None
    assert len(backup.list_backups(db_path)) == 2


def test_rotation_keeps_daily_weekly_monthly(db, db_path):
    start = dt.datetime(2025, 1, 1, 9, 0, 0)
    for i in range(400):
        backup.make_backup(db_path, "auto", now=start + dt.timedelta(days=i))
    today = (start + dt.timedelta(days=399)).date()
    backup.rotate(db_path, today)
    kept = backup.list_backups(db_path)
    days = sorted({b.taken_at.date() for b in kept}, reverse=True)
    # The newest 7 days are all there.
    assert days[:7] == [today - dt.timedelta(days=i) for i in range(7)]
    # No more than 7 daily + 4 weekly + 12 monthly.
    assert len(kept) <= 23
    months = {(d.year, d.month) for d in days}
    assert len(months) == 12


def test_backup_of_missing_file(tmp_path):
    with pytest.raises(BackupError):
        backup.make_backup(tmp_path / "none.sqlite")


def test_newest_good_backup_skips_damaged(db, db_path):
    good = backup.make_backup(db_path, now=dt.datetime(2026, 1, 1, 8))
    damaged = backup.make_backup(db_path, now=dt.datetime(2026, 1, 2, 8))
    data = bytearray(damaged.path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    damaged.path.write_bytes(bytes(data))
    assert backup.newest_good_backup(db_path).path == good.path


def test_backup_is_one_self_contained_file(db, db_path):
    Member.create(name="单文件")
    info = backup.make_backup(db_path)
    siblings = sorted(p.name for p in info.path.parent.iterdir())
    assert siblings == [info.path.name]
    conn = sqlite3.connect(info.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
