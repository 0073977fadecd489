"""The command line: commands, Chinese messages, exit codes, nothing written on bad input."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from union_desk import __version__
from union_desk.cli import main
from union_desk.db import backup, migrations
from union_desk.db.instance_lock import InstanceLock


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    code, out, _ = run(capsys, "version")
    assert code == 0 and __version__ in out and "工会工作台" in out


def test_check_reports_version_integrity_counts(capsys, db_path):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    code, out, _ = run(capsys, "--db", str(db_path), "check")
    assert code == 0
    assert f"数据版本：{migrations.SCHEMA_VERSION}" in out
    assert "完整性：正常" in out
    assert "会员：0" in out and "慰问类别：17" in out


def test_check_json(capsys, db_path):
    import json

    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    code, out, _ = run(capsys, "--db", str(db_path), "check", "--json")
    data = json.loads(out)
    assert code == 0 and data["integrity"] == "ok" and data["counts"]["会员"] == 0


def test_check_missing_file_is_an_error_and_creates_nothing(capsys, tmp_path):
    target = tmp_path / "nope.sqlite"
    code, _, err = run(capsys, "--db", str(target), "check")
    assert code != 0 and "数据文件不存在" in err
    assert not target.exists()


def test_env_variable_selects_the_database(capsys, db_path, monkeypatch):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    monkeypatch.setenv("UNION_DESK_DB", str(db_path))
    code, out, _ = run(capsys, "check")
    assert code == 0 and str(db_path) in out


@pytest.mark.parametrize(
    "args, words",
    [
        (["frobnicate"], "无效的选项"),
        (["demo", "--members", "abc"], "不是整数"),
        (["demo", "--members", "0"], "必须大于 0"),
        (["restore"], "缺少必需的参数"),
        (["check", "--bogus"], "无法识别的参数"),
    ],
)
def test_bad_flags_get_chinese_messages_and_exit_2(capsys, args, words, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "x.sqlite"), *args])
    assert info.value.code == 2
    _, err = capsys.readouterr()
    assert "参数错误" in err and words in err
    assert not (tmp_path / "x.sqlite").exists()


def test_newer_database_refused_by_check(capsys, db_path):
    from union_desk.db.database import close_database, current_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    current_database().execute_sql("PRAGMA user_version = 99")
    close_database()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code, _, err = run(capsys, "--db", str(db_path), "check")
    assert code == 5 and "更新版本" in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_not_a_database_points_to_restore(capsys, db_path):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    backup.make_backup(db_path)
    db_path.write_bytes(b"PK\x03\x04 this is a zip file, not a database")
    code, _, err = run(capsys, "--db", str(db_path), "check")
    assert code == 5 and "不是工会工作台的数据库" in err and "restore" in err


def test_backup_and_restore_commands(capsys, db_path):
    from union_desk.db.database import close_database
    from union_desk.db.models import Member
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    Member.create(name="赵六")
    close_database()
    code, out, _ = run(capsys, "--db", str(db_path), "backup")
    assert code == 0 and "已备份到" in out
    saved = backup.list_backups(db_path)[0].path
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE member SET name='钱七'")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", str(db_path), "restore", str(saved))
    assert code == 0 and "恢复前的数据已备份到" in out
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM member").fetchall() == [("赵六",)]
    conn.close()


def test_restore_from_damaged_backup_is_refused(capsys, db_path, tmp_path):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = db_path.read_bytes()
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(bad))
    assert code == 7 and "损坏" in err
    assert db_path.read_bytes() == before


def test_second_instance_is_refused(capsys, db_path):
    db_path.parent.mkdir(parents=True)
    with InstanceLock(db_path):
        code, _, err = run(capsys, "--db", str(db_path), "demo", "--members", "5")
    assert code == 6 and "已在另一个" in err
    assert not db_path.exists()


def test_db_may_follow_the_command(capsys, tmp_path):
    target = tmp_path / "d.sqlite"
    code, _, _ = run(capsys, "demo", "--db", str(target), "--members", "12")
    assert code == 0 and target.exists()
    code, out, _ = run(capsys, "check", "--db", str(target))
    assert code == 0 and "会员：12" in out
    # given after the command, --db wins over the one before it
    code, out, _ = run(capsys, "--db", str(tmp_path / "other.sqlite"), "check", "--db", str(target))
    assert code == 0 and str(target) in out


def test_backup_command_copies_to_the_second_place(capsys, db_path, tmp_path):
    from union_desk import config
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    place = tmp_path / "U盘"
    place.mkdir()
    config.set_second_backup_dir(place)
    code, out, err = run(capsys, "--db", str(db_path), "backup")
    assert code == 0 and "已备份到" in out and err == ""
    copies = list(place.rglob("*.sqlite"))
    assert len(copies) == 1 and copies[0].read_bytes() == backup.list_backups(db_path)[0].path.read_bytes()
    assert config.last_outside_backup(db_path) is not None


def test_backup_command_warns_when_the_second_place_cannot_take_the_copy(capsys, db_path, tmp_path):
    from union_desk import config
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    place = tmp_path / "place"
    place.write_text("a file, not a folder")  # not a folder: the copy is skipped, not an error
    config.set_second_backup_dir(place)
    code, out, _ = run(capsys, "--db", str(db_path), "backup")
    assert code == 0 and len(backup.list_backups(db_path)) == 1


def test_backup_to_a_folder(capsys, db_path, tmp_path):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    close_database()
    target = tmp_path / "E盘备份"
    target.mkdir()
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--to", str(target))
    assert code == 0 and str(target) in out
    assert len(list(target.rglob("*.sqlite"))) == 1
    code, _, err = run(capsys, "--db", str(db_path), "backup", "--to", str(tmp_path / "没有这个文件夹" / "x"))
    assert code != 0 and "Traceback" not in err and err.strip()


def test_a_closed_pipe_is_not_an_error(tmp_path):
    """`union-desk plan list --json | head`: the reader stops early; no message, exit 0."""
    import subprocess
    import sys

    db = tmp_path / "d.sqlite"
    env = {**__import__("os").environ, "UNION_DESK_DATA_DIR": str(tmp_path / "app")}
    assert subprocess.run([sys.executable, "-m", "union_desk", "--db", str(db), "demo", "--members", "5"],
                          env=env, capture_output=True).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "union_desk", "--db", str(db), "plan", "list", "--year", "2026", "--json"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first line (like `| head -0`)
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) == 0 and "错误" not in err and "Traceback" not in err
