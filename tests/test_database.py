"""Opening files safely: new, upgraded, newer, not a database, corrupted, unwritable folder."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys

import pytest

from union_desk.db import backup, database, migrations
from union_desk.db.database import close_database, open_database
from union_desk.db.models import Member, Setting, VisitType
from union_desk.errors import (
    CorruptDatabaseError,
    DataFolderError,
    NewerSchemaError,
    NotADatabaseError,
)
from union_desk.services.maintenance import open_for_use


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_gets_schema_pragmas_and_defaults(db, db_path):
    assert db_path.exists()
    assert migrations.schema_version(db) == migrations.SCHEMA_VERSION
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] >= 1  # NORMAL or stricter, never OFF
    names = [t.name for t in VisitType.select().order_by(VisitType.sort_order)]
    assert "生病住院" in names and "直系亲属去世" in names and "春节送温暖" in names
    relative_death = VisitType.get(VisitType.name == "直系亲属去世")
    assert relative_death.needs_relative and relative_death.cap_per_visit == 1000


def test_money_is_exact(db):
    from decimal import Decimal

    t = VisitType.create(name="测试", standard_amount=Decimal("1005.5"))
    assert VisitType.get_by_id(t.id).standard_amount == Decimal("1005.50")
    raw = db.execute_sql("SELECT standard_amount FROM visit_type WHERE id=?", (t.id,)).fetchone()[0]
    assert raw == 100550


def test_reopen_keeps_data_and_does_not_reseed(db_path):
    open_for_use(db_path, auto_backup=False)
    VisitType.delete().where(VisitType.name == "生日").execute()
    close_database()
    open_for_use(db_path, auto_backup=False)
    assert not VisitType.select().where(VisitType.name == "生日").exists()
    close_database()


def test_newer_schema_is_refused_and_untouched(db_path):
    open_for_use(db_path, auto_backup=False)
    database.current_database().execute_sql(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    close_database()
    before = digest(db_path)
    with pytest.raises(NewerSchemaError) as info:
        open_database(db_path)
    assert "更新版本" in info.value.message
    assert digest(db_path) == before
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库" * 100, encoding="utf-8")
    before = digest(path)
    with pytest.raises(NotADatabaseError) as info:
        open_database(path)
    assert "不是工会工作台的数据库" in info.value.message
    assert digest(path) == before


def test_corrupted_database_is_reported(db_path):
    open_for_use(db_path, auto_backup=False)
    for i in range(300):
        Member.create(name=f"会员{i}", notes="x" * 500)
    close_database()
    data = bytearray(db_path.read_bytes())
    # Scribble over pages in the middle of the file (not the header).
    for offset in range(8192, min(len(data), 8192 * 6), 7):
        data[offset] = 0xFF
    db_path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(db_path)
    assert info.value.can_restore
    assert "损坏" in info.value.message or "完整性" in info.value.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores permissions")
def test_unwritable_data_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DataFolderError) as info:
            open_database(folder / "x.sqlite")
        assert "没有写入权限" in info.value.message
    finally:
        folder.chmod(0o700)


def test_data_folder_that_is_a_file(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(DataFolderError) as info:
        open_database(blocker / "x.sqlite")
    assert "数据文件夹" in info.value.message


def test_upgrade_backs_up_first_and_runs_steps_in_order(db_path, monkeypatch):
    open_for_use(db_path, auto_backup=False)
    Setting.create(key="school_name", value="育才学校")
    close_database()
    ran = []
    new = migrations.SCHEMA_VERSION + 1  # a step after the real ones

    def step_2(db):
        ran.append(new)
        db.execute_sql("CREATE TABLE extra (id INTEGER PRIMARY KEY)")

    monkeypatch.setitem(migrations.STEPS, new, step_2)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", new)
    open_for_use(db_path, auto_backup=False)
    assert ran == [new]
    assert migrations.schema_version(database.current_database()) == new
    close_database()
    backups = backup.list_backups(db_path)
    assert [b.kind for b in backups] == ["pre-upgrade"]
    conn = sqlite3.connect(backups[0].path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == new - 1
    assert conn.execute("SELECT value FROM setting WHERE key='school_name'").fetchone()[0] == "育才学校"
    conn.close()


def test_failed_upgrade_step_leaves_old_version(db_path, monkeypatch):
    open_for_use(db_path, auto_backup=False)
    close_database()
    new = migrations.SCHEMA_VERSION + 1

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        raise RuntimeError("boom")

    monkeypatch.setitem(migrations.STEPS, new, broken)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", new)
    with pytest.raises(RuntimeError):
        open_for_use(db_path, auto_backup=False)
    close_database()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == new - 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    conn.close()
