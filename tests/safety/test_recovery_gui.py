"""The start-up recovery dialog with a real damaged file whose newest commits are in its -wal."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.safety.test_backup_restore_safety import count_members, crash_with_pending_wal, damage
from union_desk import app
from union_desk.db import backup
from union_desk.db.database import close_database
from union_desk.db.models import Member
from union_desk.services.maintenance import open_for_use


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def boxes(monkeypatch):
    shown = []

    def question(parent, title, text, *args, **kwargs):
        shown.append(("question", text))
        return QMessageBox.StandardButton.Yes

    def info(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return show

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", info("information"))
    monkeypatch.setattr(QMessageBox, "critical", info("critical"))
    return shown


def test_accepting_the_restore_keeps_damaged_file_with_wal_and_says_where(qapp, db_path, boxes):
    open_for_use(db_path, auto_backup=False)
    for name in ("张三", "李四"):
        Member.create(name=name)
    backup.make_backup(db_path, "auto")
    close_database()
    crash_with_pending_wal(db_path, ["停电前最后一笔"])
    damage(db_path)
    main_before, wal_before = digest(db_path), digest(db_path.with_name(db_path.name + "-wal"))

    assert app.open_with_recovery(db_path)
    close_database()

    kinds = [kind for kind, _ in boxes]
    assert kinds == ["question", "information"]
    assert ".damaged" in boxes[0][1] and "-wal" in boxes[0][1] and str(db_path.parent) in boxes[0][1]
    kept_main = db_path.with_name(db_path.name + ".damaged")
    kept_wal = db_path.with_name(db_path.name + ".damaged-wal")
    assert str(kept_main) in boxes[1][1] and str(kept_wal) in boxes[1][1]
    assert digest(kept_main) == main_before and digest(kept_wal) == wal_before
    assert db_path.with_name(db_path.name + ".damaged-shm").exists()
    assert count_members(db_path) == 2


def test_a_locked_file_gets_no_restore_offer(qapp, db_path, boxes):
    open_for_use(db_path, auto_backup=False)
    Member.create(name="好数据")
    backup.make_backup(db_path, "auto")
    close_database()
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO setting(key, value) VALUES ('held', '1')")
    before = digest(db_path)
    try:
        assert not app.open_with_recovery(db_path)
    finally:
        holder.rollback()
        holder.close()
    assert [kind for kind, _ in boxes] == ["critical"]
    assert "现在无法打开" in boxes[0][1]
    assert digest(db_path) == before
    assert not list(db_path.parent.glob("*.damaged*"))


def test_an_empty_file_is_offered_the_newest_good_backup(qapp, db_path, boxes):
    open_for_use(db_path, auto_backup=False)
    Member.create(name="张三")
    backup.make_backup(db_path, "auto")
    close_database()
    db_path.write_bytes(b"")
    assert app.open_with_recovery(db_path)
    close_database()
    assert [kind for kind, _ in boxes] == ["question", "information"]
    assert db_path.with_name(db_path.name + ".damaged").stat().st_size == 0
    assert count_members(db_path) == 1


def test_read_only_lock_folder_is_a_message_not_a_crash(db_path, monkeypatch):
    from union_desk.db.instance_lock import InstanceLock
    from union_desk.errors import DataFolderError

    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    with pytest.raises(DataFolderError) as info:
        InstanceLock(db_path).acquire()
    assert "锁文件" in info.value.message and "数据文件夹" in info.value.message
    assert info.value.exit_code == 4


def test_failed_daily_backup_shows_on_home_and_status_bar(qtbot, db_path, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from union_desk.errors import BackupError
    from union_desk.ui.main_window import MainWindow

    def broken(*args, **kwargs):
        raise BackupError("备份失败：磁盘空间已满")

    monkeypatch.setattr(backup, "make_backup", broken)
    open_for_use(db_path)  # the daily backup is due and fails: the file opens anyway
    try:
        window = MainWindow(db_path)
        qtbot.addWidget(window)
        window.show()
        window.home.refresh()
        assert window.home.warnings.isVisible()
        assert "自动备份没有成功" in window.home.warnings.text()
        label = window.statusBar().findChild(QLabel, "openWarnings")
        assert label is not None and "磁盘空间已满" in label.text()
    finally:
        close_database()
