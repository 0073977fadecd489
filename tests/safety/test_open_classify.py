"""Opening files: what is damaged, what is only 'not now', what is not ours, what is read-only."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from union_desk.db import database
from union_desk.db.database import close_database, open_database, sqlite_uri
from union_desk.db.models import Member
from union_desk.errors import (
    CorruptDatabaseError,
    DatabaseUnavailableError,
    DataWriteError,
    ForeignDatabaseError,
    sqlite_error_to_user,
)
from union_desk.services.maintenance import open_for_use


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def companions(path):
    return [p.name for p in path.parent.iterdir() if p.name != path.name and p.name.startswith(path.name)]


def test_zero_byte_file_is_damaged_not_a_new_school(tmp_path):
    path = tmp_path / "union_desk.sqlite"
    path.write_bytes(b"")
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(path)
    assert info.value.can_restore and "0 字节" in info.value.message
    assert path.stat().st_size == 0 and companions(path) == []


def test_truncated_file_is_damaged_and_untouched(db_path):
    open_for_use(db_path, auto_backup=False)
    for i in range(200):
        Member.create(name=f"会员{i}", notes="备注" * 100)
    close_database()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2 + 100])
    before = digest(db_path)
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(db_path)
    assert "损坏" in info.value.message
    assert digest(db_path) == before


@pytest.mark.parametrize(
    "schema",
    [
        "CREATE TABLE member (id INTEGER PRIMARY KEY, foo TEXT); INSERT INTO member VALUES (1, 'x');",
        "CREATE TABLE notes (x TEXT); PRAGMA user_version = 3;",
        "",  # an empty but valid SQLite file
    ],
)
def test_another_programs_database_is_refused_untouched(tmp_path, schema):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(schema or "CREATE TABLE t(x); DROP TABLE t;")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(ForeignDatabaseError) as info:
        open_for_use(path)
    assert "不是工会工作台的数据文件" in info.value.message
    assert not info.value.can_restore
    assert digest(path) == before and companions(path) == []
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "audit_log" not in tables


def test_locked_file_is_not_called_damaged(db_path):
    open_for_use(db_path, auto_backup=False)
    Member.create(name="好数据")
    close_database()
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO setting(key, value) VALUES ('held', '1')")
    try:
        with pytest.raises(DatabaseUnavailableError) as info:
            open_database(db_path)
        assert not info.value.can_restore
        assert "现在无法打开" in info.value.message and "locked" in info.value.message
    finally:
        holder.rollback()
        holder.close()


def test_classify_only_corrupt_and_notadb_mean_damaged(tmp_path):
    path = tmp_path / "x.sqlite"
    for code, damaged in ((sqlite3.SQLITE_CORRUPT, True), (sqlite3.SQLITE_NOTADB, True),
                          (sqlite3.SQLITE_BUSY, False), (sqlite3.SQLITE_CANTOPEN, False),
                          (sqlite3.SQLITE_PERM, False), (sqlite3.SQLITE_IOERR, False)):
        exc = sqlite3.OperationalError("x")
        exc.sqlite_errorcode = code
        result = database.classify_sqlite_error(exc, path)
        assert isinstance(result, CorruptDatabaseError) is damaged
        assert result.can_restore is damaged


def test_sqlite_uri_for_posix_drive_letter_and_unc():
    assert sqlite_uri("/srv/工会/a b#1?.sqlite", windows=False, mode="ro") == (
        "file:///srv/%E5%B7%A5%E4%BC%9A/a%20b%231%3F.sqlite?mode=ro"
    )
    assert sqlite_uri(r"C:\Users\主席\union_desk.sqlite", windows=True) == (
        "file:///C:/Users/%E4%B8%BB%E5%B8%AD/union_desk.sqlite"
    )
    # UNC: an empty authority and the server in the path; never file://server/... (refused).
    assert sqlite_uri(r"\\server\share\工会\union_desk.sqlite", windows=True, immutable=1) == (
        "file:////server/share/%E5%B7%A5%E4%BC%9A/union_desk.sqlite?immutable=1"
    )


def test_uri_with_awkward_names_opens_for_real(tmp_path):
    folder = tmp_path / "工会 #1 ?%"
    path = folder / "union_desk.sqlite"
    open_for_use(path, auto_backup=False)
    Member.create(name="张三")
    close_database()
    assert database.inspect_file(path).exists
    db = database.connect(path, read_only=True)
    assert Member.select().count() == 1
    db.close()


def test_network_paths_are_recognised():
    assert database.is_network_path(r"\\server\share\x.sqlite", windows=True)
    assert not database.is_network_path(r"\\?\C:\data\x.sqlite", windows=True, drive_type=lambda r: 3)
    assert database.is_network_path(r"Z:\工会\x.sqlite", windows=True, drive_type=lambda root: 4)
    assert not database.is_network_path(r"C:\工会\x.sqlite", windows=True, drive_type=lambda root: 3)
    assert not database.is_network_path("/mnt/share/x.sqlite", windows=False)


def test_network_location_uses_a_rollback_journal_and_warns(db_path, monkeypatch):
    monkeypatch.setattr(database, "is_network_path", lambda path, **kw: True)
    db = open_for_use(db_path, auto_backup=False)
    try:
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert any("网络位置" in w for w in db.warnings)
    finally:
        close_database()
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_read_only_file_opens_read_only_without_backup_and_refuses_writes(db_path, monkeypatch):
    open_for_use(db_path, auto_backup=False)
    Member.create(name="只读的人")
    close_database()
    before = digest(db_path)
    monkeypatch.setattr(database, "file_is_writable", lambda path: False)
    db = open_for_use(db_path)  # auto backup asked for, but not on a read-only file
    try:
        assert db.read_only and any("只读" in w for w in db.warnings)
        assert Member.select().count() == 1
        with pytest.raises(Exception) as info:
            Member.create(name="写不进去")
        mapped = sqlite_error_to_user(info.value)
        assert isinstance(mapped, DataWriteError) and mapped.exit_code == 4
        assert "只读" in mapped.message
    finally:
        close_database()
    assert digest(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_new_file_is_private_and_made_in_one_step(db_path):
    open_for_use(db_path, auto_backup=False)
    close_database()
    assert db_path.stat().st_mode & 0o077 == 0
    assert db_path.parent.stat().st_mode & 0o077 == 0
    assert not [p for p in db_path.parent.iterdir() if p.name.endswith(".creating")]


def test_sqlite_errors_are_told_in_chinese():
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    assert "磁盘空间已满" in sqlite_error_to_user(full).message
    assert sqlite_error_to_user(sqlite3.OperationalError("no such column: x")) is None
