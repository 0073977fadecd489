"""Backups and restores keep everything they replace and refuse what is not a Union Desk file."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import subprocess
import sys

import pytest

from union_desk.db import backup, leftovers
from union_desk.db.database import close_database
from union_desk.db.models import Member
from union_desk.errors import BackupError
from union_desk.services.maintenance import open_for_use


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_members(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM member").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def school(db_path):
    """A closed data file with three members and one good backup of it."""
    open_for_use(db_path, auto_backup=False)
    for name in ("张三", "李四", "王五"):
        Member.create(name=name)
    good = backup.make_backup(db_path, "manual")
    close_database()
    return db_path, good


def crash_with_pending_wal(db_path, names):
    """Leave `db_path` as a power cut would: the newest commits only in its -wal."""
    src = db_path.parent / "crashsrc"
    src.mkdir()
    live = src / db_path.name
    shutil.copyfile(db_path, live)
    conn = sqlite3.connect(live)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    for name in names:  # a copy of the first member under a new name
        conn.execute("CREATE TEMP TABLE one AS SELECT * FROM member LIMIT 1")
        conn.execute("UPDATE one SET id = NULL, name = ?", (name,))
        conn.execute("INSERT INTO member SELECT * FROM one")
        conn.execute("DROP TABLE one")
    conn.commit()
    for suffix in ("", "-wal", "-shm"):  # copied while still open: what a crash leaves behind
        shutil.copyfile(src / (db_path.name + suffix), db_path.with_name(db_path.name + suffix))
    conn.close()
    shutil.rmtree(src)


def damage(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 5):
        data[offset] = 0xFF
    path.write_bytes(bytes(data))


def test_restore_over_a_damaged_file_keeps_it_byte_for_byte_with_wal(school):
    db_path, good = school
    crash_with_pending_wal(db_path, ["只在WAL里"])
    damage(db_path)
    originals = {s: digest(db_path.with_name(db_path.name + s)) for s in ("", "-wal", "-shm")}
    result = backup.restore_backup(good.path, db_path)
    assert result.pre_backup is None
    kept = {p.name: digest(p) for p in result.kept_damaged}
    assert sorted(kept) == [db_path.name + ".damaged" + s for s in ("", "-shm", "-wal")]
    # The data and the newest commits byte for byte; the -shm is SQLite's index of the WAL, which
    # SQLite itself rewrites whenever the file is looked at, so it is kept as found.
    assert kept[db_path.name + ".damaged"] == originals[""]
    assert kept[db_path.name + ".damaged-wal"] == originals["-wal"]
    assert count_members(db_path) == 3
    assert not db_path.with_name(db_path.name + "-wal").exists() or db_path.with_name(db_path.name + "-wal").stat().st_size == 0


def test_restore_of_a_healthy_file_keeps_it_as_pre_restore_backup(school):
    db_path, good = school
    crash_with_pending_wal(db_path, ["新来的"])
    result = backup.restore_backup(good.path, db_path)
    assert result.pre_backup.kind == "pre-restore"
    assert count_members(result.pre_backup.path) == 4  # the WAL's commit is in the kept copy
    assert count_members(db_path) == 3


def make_foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE member (id INTEGER PRIMARY KEY, foo TEXT)")
    conn.commit()
    conn.close()


def make_empty_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()


def make_newer(path, good):
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("kind", ["zero", "empty", "foreign", "newer", "garbage", "missing"])
def test_restore_refuses_what_is_not_a_readable_union_desk_file(school, tmp_path, kind):
    db_path, good = school
    source = tmp_path / f"{kind}.sqlite"
    if kind == "zero":
        source.write_bytes(b"")
    elif kind == "empty":
        make_empty_sqlite(source)
    elif kind == "foreign":
        make_foreign(source)
    elif kind == "newer":
        make_newer(source, good.path)
    elif kind == "garbage":
        source.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    before = digest(db_path)
    with pytest.raises(BackupError) as info:
        backup.restore_backup(source, db_path)
    assert "恢复" in info.value.message or "找不到" in info.value.message
    assert digest(db_path) == before
    assert [b.kind for b in backup.list_backups(db_path)] == ["manual"]


def test_backups_in_the_same_second_get_distinct_names_all_listed(school):
    db_path, _ = school
    now = dt.datetime(2026, 12, 5, 9, 30, 0)
    made = [backup.make_backup(db_path, "manual", now) for _ in range(4)]
    assert len({info.path for info in made}) == 4
    assert all(info.taken_at == now for info in made)
    listed = [b.path for b in backup.list_backups(db_path) if b.taken_at == now]
    assert sorted(listed) == sorted(info.path for info in made)
    assert made[1].path.name == "union_desk-20261205-093000-1-manual.sqlite"
    assert all(backup.integrity_ok(info.path)[0] for info in made)


def test_old_backup_names_are_still_read(school):
    db_path, good = school
    old = good.path.with_name("union_desk-20250101-080000-auto.sqlite")
    shutil.copyfile(good.path, old)
    infos = {b.path.name: b for b in backup.list_backups(db_path)}
    assert infos[old.name].kind == "auto" and infos[old.name].taken_at == dt.datetime(2025, 1, 1, 8)
    backup.rotate(db_path, dt.date(2026, 12, 5))
    assert old.exists()  # still the newest of its month


def test_concurrent_backups_in_processes(school):
    db_path, _ = school
    code = (
        "import sys; from pathlib import Path; from union_desk.db import backup;"
        "print(backup.make_backup(Path(sys.argv[1]), 'manual').path)"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db_path)], stdout=subprocess.PIPE, text=True)
             for _ in range(4)]
    paths = [p.communicate(timeout=60)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0]
    assert len(set(paths)) == 4
    assert not list((db_path.parent / "backups").glob("*.part"))


def test_leftovers_of_ended_processes_are_removed_others_kept(school):
    db_path, _ = school
    folder = db_path.parent / "backups"
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(ended.stdout)
    dead = folder / f"union_desk-20261205-010101-manual.sqlite.{dead_pid}.part"
    mine = leftovers.temp_name(folder / "union_desk-20261205-010102-manual.sqlite", "part")
    restoring = db_path.with_name(f"{db_path.name}.{dead_pid}.restoring")
    for path in (dead, mine, restoring):
        path.write_bytes(b"personal data")
    removed = leftovers.clean_leftovers(db_path)
    assert sorted(removed) == sorted([dead, restoring])
    assert mine.exists() and not dead.exists()


def test_windows_pid_check_is_used_on_windows(monkeypatch):
    monkeypatch.setattr(leftovers.sys, "platform", "win32")
    monkeypatch.setattr(leftovers, "_windows_pid_alive", lambda pid: pid == 4242)
    assert leftovers.pid_alive(4242) and not leftovers.pid_alive(4243)


def test_backup_copies_are_private(school):
    _, good = school
    assert good.path.stat().st_mode & 0o077 == 0
    assert good.path.parent.stat().st_mode & 0o077 == 0


def test_failed_daily_backup_is_a_warning_not_a_stop(school, monkeypatch):
    db_path, _ = school
    for info in backup.list_backups(db_path):
        info.path.unlink()

    def broken(*args, **kwargs):
        raise BackupError("备份失败：磁盘空间已满")

    monkeypatch.setattr(backup, "make_backup", broken)
    db = open_for_use(db_path)
    try:
        assert Member.select().count() == 3
        assert any("自动备份没有成功" in w and "磁盘空间已满" in w for w in db.warnings)
    finally:
        close_database()


def test_upgrade_needs_its_backup(school, monkeypatch):
    from union_desk.db import migrations

    db_path, _ = school
    before = digest(db_path)
    new = migrations.SCHEMA_VERSION + 1  # a step after the real ones
    monkeypatch.setitem(migrations.STEPS, new, lambda db: db.execute_sql("CREATE TABLE extra(x)"))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", new)
    monkeypatch.setattr(backup, "make_backup", lambda *a, **k: (_ for _ in ()).throw(BackupError("满了")))
    with pytest.raises(BackupError):
        open_for_use(db_path)
    assert digest(db_path) == before
