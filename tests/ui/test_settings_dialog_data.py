"""设置: the face of a .ttc font, the second backup place, moving the data file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from union_desk import config
from union_desk.db import backup, database
from union_desk.db.models import Member
from union_desk.services import maintenance, settings
from union_desk.ui.settings_dialog import SettingsDialog

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


class Window(QMainWindow):
    """The parts of the main window the settings dialog uses."""

    def __init__(self, db_path):
        super().__init__()
        self.db_path = db_path
        self.switched = []

    def switch_data_file(self, path):
        self.db_path = path
        self.switched.append(path)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    db_path = config.resolve_db_path()  # the per-user default: movable
    maintenance.open_for_use(db_path, auto_backup=False)
    Member.create(name="李四")
    win = Window(db_path)
    qtbot.addWidget(win)
    yield win
    database.close_database()


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-zenhei not installed")
def test_a_ttc_lists_its_faces_and_the_choice_is_saved(qtbot, window):
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert not dialog._form.isRowVisible(dialog.font_face)
    dialog.font_edit.setText(str(WQY))
    assert dialog._form.isRowVisible(dialog.font_face)
    assert dialog.font_face.count() >= 2
    dialog.font_face.setCurrentIndex(1)
    assert dialog.font_face.currentData() == 1
    dialog.accept()
    assert settings.get("print_font") == str(WQY) and settings.get("pdf_font_index") == "1"
    again = SettingsDialog(window)
    qtbot.addWidget(again)
    assert again.font_face.currentIndex() == 1


def test_a_single_font_hides_the_face_choice(qtbot, window, tmp_path):
    font = tmp_path / "one.ttf"
    font.write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 100)
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.font_edit.setText(str(font))
    assert not dialog._form.isRowVisible(dialog.font_face)
    assert dialog.values()["pdf_font_index"] == "0"


def test_the_backup_place_is_saved_and_used_at_once(qtbot, window, tmp_path):
    backup.make_backup(window.db_path)
    usb = tmp_path / "U盘"
    usb.mkdir()
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.backup_place.setText(str(usb))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert config.second_backup_dir() == usb
    assert len(backup.list_backups_in(window.db_path, usb)) == 1  # copied straight away
    assert maintenance.outside_backup_warning(window.db_path) is None


def test_a_backup_place_inside_the_data_folder_is_refused(qtbot, window, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    inside = window.db_path.parent / "backups"
    inside.mkdir(exist_ok=True)
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.backup_place.setText(str(inside))
    dialog.accept()
    assert warned and config.second_backup_dir() is None
    assert dialog.result() != dialog.DialogCode.Accepted


def test_moving_the_data_file_switches_over(qtbot, window, tmp_path, monkeypatch):
    old = window.db_path
    backup.make_backup(old)
    target = tmp_path / "D盘"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.move_button.isEnabled()
    dialog.move_button.click()
    new = target / "union_desk.sqlite"
    assert window.switched == [new] and dialog.data_file.text() == str(new)
    assert config.data_folder() == target and config.resolve_db_path() == new
    assert database.database_path() == new and [m.name for m in Member.select()] == ["李四"]
    assert old.exists() and str(old) in told[0]
    assert len(backup.list_backups(new)) == 1


def test_the_lock_and_the_server_move_with_the_file(qtbot, window, tmp_path, monkeypatch):
    from union_desk.app import GuiSession
    from union_desk.db.instance_lock import InstanceLock
    from union_desk.errors import InstanceLockedError
    from union_desk.ui.single_instance import server_name

    old = window.db_path
    session = GuiSession(old)
    session.acquire()
    session.serve(window)
    window.gui_session = session
    target = tmp_path / "D盘"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    try:
        dialog = SettingsDialog(window)
        qtbot.addWidget(dialog)
        dialog.move_button.click()
        new = target / "union_desk.sqlite"
        with InstanceLock(old):
            pass  # the old file is free
        with pytest.raises(InstanceLockedError):
            InstanceLock(new).acquire()
        assert session.server.name == server_name(new)
    finally:
        session.close()


def test_a_failed_move_leaves_everything_as_it_was(qtbot, window, tmp_path, monkeypatch):
    old = window.db_path
    target = tmp_path / "D盘"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))

    def broken_open(path, **kwargs):
        if Path(path) != old:
            raise OSError(5, "Input/output error")
        return real_open(path, **kwargs)

    real_open = maintenance.open_for_use
    monkeypatch.setattr(maintenance, "open_for_use", broken_open)
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.move_button.click()
    assert window.switched == [] and dialog.data_file.text() == str(old)
    assert config.data_folder() is None
    assert database.database_path() == old and Member.select().count() == 1
    assert str(old) in warned[0]


def test_a_file_given_with_db_is_not_moved_here(qtbot, db, db_path):
    win = Window(db_path)
    qtbot.addWidget(win)
    dialog = SettingsDialog(win)
    qtbot.addWidget(dialog)
    assert not dialog.move_button.isEnabled()
