"""The command line on unusable files: clear Chinese messages, documented exit codes, no change."""

from __future__ import annotations

import hashlib
import sqlite3

from union_desk.db import backup
from union_desk.db.database import close_database
from union_desk.db.models import Member
from union_desk.services.maintenance import open_for_use


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_check_on_a_zero_byte_file_exits_5_and_names_the_good_backup(cli, db_path):
    open_for_use(db_path, auto_backup=False)
    Member.create(name="张三")
    good = backup.make_backup(db_path, "auto")
    close_database()
    db_path.write_bytes(b"")
    code, out, err = cli("--db", db_path, "check")
    assert code == 5 and "正常" not in out
    assert "0 字节" in err and str(good.path) in err and "restore" in err
    assert db_path.stat().st_size == 0


def test_foreign_database_is_refused_without_a_restore_hint(cli, tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE member (id INTEGER PRIMARY KEY, foo TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    code, _, err = cli("--db", path, "check")
    assert code == 5 and "不是工会工作台的数据文件" in err and "restore" not in err
    assert digest(path) == before


def test_restore_over_a_damaged_file_succeeds_and_reports_what_was_kept(cli, db_path):
    open_for_use(db_path, auto_backup=False)
    Member.create(name="张三")
    good = backup.make_backup(db_path, "manual")
    close_database()
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 9000)
    damaged = digest(db_path)
    code, out, err = cli("--db", db_path, "restore", good.path)
    assert code == 0, err
    kept = db_path.with_name(db_path.name + ".damaged")
    assert str(kept) in out and digest(kept) == damaged
    code, out, _ = cli("--db", db_path, "check")
    assert code == 0 and "正常" in out


def test_restore_of_an_empty_database_is_refused(cli, db_path, tmp_path):
    open_for_use(db_path, auto_backup=False)
    close_database()
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    empty.write_bytes(b"")
    before = digest(db_path)
    code, _, err = cli("--db", db_path, "restore", empty)
    assert code == 7 and "不能用这个文件恢复" in err
    assert digest(db_path) == before


def test_over_long_db_path_is_a_message(cli, tmp_path):
    path = tmp_path / ("工" * 300) / "union_desk.sqlite"
    code, _, err = cli("--db", path, "check")
    assert code == 2 and "太长" in err and "Traceback" not in err


def test_unexpected_error_is_logged_and_told_in_chinese(cli, db_path, monkeypatch):
    from union_desk.commands import core

    def boom(args, db_path):
        raise ZeroDivisionError("除数为零")

    monkeypatch.setattr(core, "cmd_version", boom)
    code, _, err = cli("version")
    assert code == 1 and "意外错误" in err and "日志" in err and "Traceback" not in err
