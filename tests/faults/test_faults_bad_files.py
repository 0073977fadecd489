"""Foreign, empty, truncated and newer files, as `--db` and as a restore source, stay untouched.

Only a path that does not exist yet may become a new database; anything else that is not a
healthy Union Desk file of a version this program reads is refused (exit 5 for --db, exit 7 for
a restore source) and its bytes are left as they were.
"""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest

import faultkit as fk
from faultkit import DB_NAME


def make_empty(path):
    path.write_bytes(b"")


def make_truncated(path, master):
    data = master.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def make_garbled(path, master):
    """The SQLite header survives, everything after it is noise (a bad sector, a bad copy)."""
    data = master.read_bytes()
    path.write_bytes(data[:100] + random.Random(11).randbytes(len(data) - 100))


def make_sqlite(path, *statements):
    conn = sqlite3.connect(path)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()
    assert path.stat().st_size > 0


def make_newer(path, master):
    shutil.copyfile(master, path)
    make_sqlite(path, "PRAGMA user_version = 999")


KINDS = {
    "empty": lambda p, m: make_empty(p),
    "truncated": make_truncated,
    "garbled": make_garbled,
    "foreign-member": lambda p, m: make_sqlite(
        p, "CREATE TABLE member(id INTEGER PRIMARY KEY, foo TEXT)", "INSERT INTO member(foo) VALUES ('bar')"
    ),
    "foreign-notes": lambda p, m: make_sqlite(p, "CREATE TABLE notes(x)", "INSERT INTO notes VALUES (1)"),
    "empty-sqlite": lambda p, m: make_sqlite(p, "CREATE TABLE t(x)", "DROP TABLE t", "VACUUM"),
    "newer": make_newer,
}

# What stderr must say for each kind (any one of the words).
SAYS = {
    "empty": ("空", "损坏", "不完整"),
    "truncated": ("截断", "损坏", "不完整"),
    "garbled": ("损坏", "完整性"),
    "foreign-member": ("不是工会工作台",),
    "foreign-notes": ("不是工会工作台",),
    "empty-sqlite": ("不是工会工作台", "空数据库"),
    "newer": ("更新版本", "升级"),
}


@pytest.fixture
def bad_file(tmp_path, demo_master, request):
    kind = request.param
    folder = tmp_path / "bad"
    folder.mkdir()
    path = folder / DB_NAME
    KINDS[kind](path, demo_master)
    return kind, path


def assert_untouched(path, digest):
    assert fk.sha256(path) == digest
    assert fk.side_files(path) == []


@pytest.mark.parametrize("bad_file", KINDS, indirect=True)
@pytest.mark.parametrize("command", [("check",), ("plan", "generate", "--year", 2030)], ids=["check", "plan-generate"])
def test_bad_file_as_db_is_refused_and_untouched(bad_file, command, cli):
    kind, path = bad_file
    digest = fk.sha256(path)

    result = cli(path, *command)

    fk.assert_clean_failure(result, 5)
    assert any(word in result.err for word in SAYS[kind]), result
    assert_untouched(path, digest)
    assert not (path.parent / "backups").exists() or not list((path.parent / "backups").iterdir())


def test_empty_file_says_restore_when_a_good_backup_exists(tmp_path, demo_master, cli):
    folder = tmp_path / "data"
    path = folder / DB_NAME
    (folder / "backups").mkdir(parents=True)
    good = folder / "backups" / "union_desk-20250101-080000-auto.sqlite"
    shutil.copyfile(demo_master, good)
    make_empty(path)

    result = cli(path, "check")

    fk.assert_clean_failure(result, 5)
    assert "空" in result.err or "损坏" in result.err, result
    assert "恢复" in result.err and "restore" in result.err, result
    assert str(folder / "backups") in result.err, result
    assert path.stat().st_size == 0
    assert fk.side_files(path) == []


def test_a_path_that_does_not_exist_becomes_a_new_database(tmp_path, cli, counts):
    path = tmp_path / "new" / DB_NAME
    path.parent.mkdir()

    result = cli(path, "demo", "--members", 5)

    assert result.code == 0, result
    assert counts(path)["会员"] == 5


# --- restore from a bad source -----------------------------------------------------------------


@pytest.mark.parametrize("bad_file", KINDS, indirect=True)
def test_restore_refuses_a_bad_source(bad_file, data_file, cli):
    kind, source = bad_file
    source_digest = fk.sha256(source)
    digest = fk.sha256(data_file)

    result = cli(data_file, "restore", source)

    fk.assert_clean_failure(result, 7)
    assert fk.sha256(data_file) == digest
    assert fk.sha256(source) == source_digest
    assert fk.side_files(source) == []
    assert fk.integrity(data_file) == "ok"
