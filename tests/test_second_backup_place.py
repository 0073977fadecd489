"""The second backup place, 备份到…, the 首页 reminder and moving the data file (services)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from union_desk import config
from union_desk.db import backup, database
from union_desk.db.database import close_database
from union_desk.db.models import Member
from union_desk.errors import BackupError, DataFolderError
from union_desk.services import maintenance


@pytest.fixture
def data_file(db_path):
    maintenance.open_for_use(db_path, auto_backup=False)
    Member.create(name="张三")
    close_database()
    return db_path


def test_automatic_backups_are_copied_to_the_second_place(data_file, tmp_path):
    usb = tmp_path / "U盘"
    usb.mkdir()
    config.set_second_backup_dir(usb)
    db = maintenance.open_for_use(data_file)
    close_database()
    assert db.warnings == []
    local = backup.list_backups(data_file)
    copies = backup.list_backups_in(data_file, usb)
    assert [c.path.name for c in copies] == [local[0].path.name]
    assert copies[0].path.read_bytes() == local[0].path.read_bytes()
    assert backup.integrity_ok(copies[0].path)[0]
    assert config.last_outside_backup(data_file) == local[0].taken_at
    assert maintenance.outside_backup_warning(data_file) is None


def test_a_missing_usb_stick_is_skipped_quietly_and_remembered(data_file, tmp_path):
    config.set_second_backup_dir(tmp_path / "U盘")  # not plugged in
    db = maintenance.open_for_use(data_file)
    close_database()
    assert db.warnings == []
    assert len(backup.list_backups(data_file)) == 1
    assert config.second_place_missed(data_file) is not None
    warning = maintenance.outside_backup_warning(data_file)
    assert "还没有在数据文件夹以外保存过备份" in warning and "不在（U 盘没有插上？）" in warning


def test_a_failed_copy_is_a_warning_not_a_stop(data_file, tmp_path, monkeypatch):
    usb = tmp_path / "U盘"
    usb.mkdir()
    config.set_second_backup_dir(usb)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup.shutil, "copyfile", full)
    db = maintenance.open_for_use(data_file)
    assert Member.select().count() == 1  # the file is open and usable
    close_database()
    assert len(db.warnings) == 1 and "备份没有复制到备份位置" in db.warnings[0]
    assert list(usb.iterdir()) == []  # no half copy left
    assert len(backup.list_backups(data_file)) == 1


def test_a_copy_that_fails_verification_is_discarded(data_file, tmp_path, monkeypatch):
    usb = tmp_path / "U盘"
    usb.mkdir()
    info = backup.make_backup(data_file)
    monkeypatch.setattr(backup, "integrity_ok", lambda path: (False, "bad page"))
    with pytest.raises(BackupError, match="校验未通过"):
        backup.copy_to_place(info, usb)
    assert list(usb.iterdir()) == []


def test_backup_to_a_chosen_folder(data_file, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = maintenance.backup_to(data_file, stick)
    assert copy.path.parent == stick and backup.integrity_ok(copy.path)[0]
    assert backup.list_backups(data_file)[0].path.name == copy.path.name  # also one in backups/
    assert config.last_outside_backup(data_file) == copy.taken_at
    inside = data_file.parent / "copies"
    inside.mkdir()
    config.save({})
    maintenance.backup_to(data_file, inside)
    assert config.last_outside_backup(data_file) is None  # inside the data folder does not count


def test_the_reminder_after_a_week(data_file):
    assert "还没有在数据文件夹以外保存过备份" in maintenance.outside_backup_warning(data_file)
    config.record_outside_backup(data_file, dt.datetime(2026, 3, 1, 9, 0))
    assert maintenance.outside_backup_warning(data_file, dt.date(2026, 3, 8)) is None
    warning = maintenance.outside_backup_warning(data_file, dt.date(2026, 3, 9))
    assert "8 天前（2026-03-01）" in warning and "设置 → 备份位置" in warning


def test_restore_lists_backups_from_both_places(data_file, tmp_path):
    usb = tmp_path / "U盘"
    usb.mkdir()
    config.set_second_backup_dir(usb)
    old = backup.make_backup(data_file, now=dt.datetime(2026, 1, 5, 8, 0))
    backup.copy_to_place(old, usb)
    old.path.unlink()  # lost with the data disk
    newer = backup.make_backup(data_file, now=dt.datetime(2026, 2, 5, 8, 0))
    backup.copy_to_place(newer, usb)  # in both: listed once, from backups/
    found = backup.list_backups_everywhere(data_file)
    assert [(b.path.parent, b.taken_at.month) for b in found] == [(newer.path.parent, 2), (usb, 1)]
    shutil.rmtree(newer.path.parent)
    assert backup.newest_good_backup(data_file).path.parent == usb


def test_moving_the_data_file_copies_it_and_its_backups(data_file, tmp_path):
    made = backup.make_backup(data_file)
    before = data_file.read_bytes()
    new = maintenance.move_data_file(data_file, tmp_path / "D盘" / "UnionDesk")
    assert new == tmp_path / "D盘" / "UnionDesk" / "union_desk.sqlite"
    assert data_file.read_bytes() == before  # the old file is untouched
    assert (new.parent / "backups" / made.path.name).read_bytes() == made.path.read_bytes()
    database.open_database(new)
    assert [m.name for m in Member.select()] == ["张三"]
    close_database()
    assert [p.name for p in new.parent.iterdir() if p.name.endswith((".moving", ".tmp"))] == []


def test_moving_refuses_to_overwrite_and_cleans_up_on_failure(data_file, tmp_path, monkeypatch):
    target = tmp_path / "D"
    target.mkdir()
    (target / "union_desk.sqlite").write_bytes(b"someone else's")
    with pytest.raises(DataFolderError, match="已经有一个数据文件"):
        maintenance.move_data_file(data_file, target)
    assert (target / "union_desk.sqlite").read_bytes() == b"someone else's"
    backup.make_backup(data_file)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(maintenance.shutil, "copy2", full)  # the backups do not fit
    other = tmp_path / "E"
    with pytest.raises(DataFolderError, match="数据文件没有移动"):
        maintenance.move_data_file(data_file, other)
    assert not (other / "union_desk.sqlite").exists()
    with pytest.raises(DataFolderError, match="已经在这个文件夹里"):
        maintenance.move_data_file(data_file, data_file.parent)
