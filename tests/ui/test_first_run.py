"""The first start asks where to keep the data; cancelling starts nothing and writes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from union_desk import app, config, logs, paths
from union_desk.ui import error_handling, first_run
from union_desk.ui.first_run import FirstRunDialog


@pytest.fixture
def fresh_pc(tmp_path, monkeypatch):
    """No UNION_DESK_DATA_DIR, no config, no data file: a first start on a new PC."""
    monkeypatch.delenv("UNION_DESK_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(paths.sys, "platform", "linux")
    return tmp_path / "home" / "UnionDesk"


def _run(db_path):
    try:
        return app.run_gui(db_path)
    finally:
        error_handling.uninstall()
        logs.shutdown_logging()


def test_cancel_starts_nothing_and_writes_nothing(qapp, fresh_pc, monkeypatch):
    monkeypatch.setattr(first_run, "ask_data_folder", lambda: None)
    assert _run(config.resolve_db_path()) == 0
    assert not fresh_pc.exists()  # no config, no data file, no log folder


def test_the_chosen_folder_is_used_and_remembered(qapp, fresh_pc, tmp_path, monkeypatch):
    chosen = tmp_path / "D" / "UnionDesk"

    def choose():
        config.set_data_folder(chosen)
        return chosen

    monkeypatch.setattr(first_run, "ask_data_folder", choose)
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)  # the window is built and shown, no event loop
    assert _run(config.resolve_db_path()) == 0
    assert (chosen / "union_desk.sqlite").exists()
    assert not (fresh_pc / "union_desk.sqlite").exists()
    assert config.resolve_db_path() == chosen / "union_desk.sqlite"  # the CLI and the next start agree
    monkeypatch.setattr(first_run, "ask_data_folder", lambda: pytest.fail("asked twice"))
    assert config.first_run_needed(config.resolve_db_path()) is False


def test_an_existing_user_is_not_asked(qapp, fresh_pc, monkeypatch):
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    open_for_use(fresh_pc / "union_desk.sqlite", auto_backup=False)
    close_database()
    monkeypatch.setattr(first_run, "ask_data_folder", lambda: pytest.fail("an upgrading user was asked"))
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    assert _run(config.resolve_db_path()) == 0


def test_the_dialog_defaults_to_the_user_folder_and_offers_another_drive(qtbot, fresh_pc, tmp_path):
    drive = tmp_path / "E" / "UnionDesk"
    dialog = FirstRunDialog(drive)
    qtbot.addWidget(dialog)
    assert dialog.user_choice.isChecked()
    assert str(fresh_pc) in dialog.user_choice.text()
    assert str(drive) in dialog.drive_choice.text()
    dialog.drive_choice.setChecked(True)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.chosen == drive and drive.is_dir()
    assert config.data_folder() == drive


def test_after_a_restore_card_wiped_c_the_existing_data_is_preselected(qtbot, fresh_pc, tmp_path):
    drive = tmp_path / "E" / "UnionDesk"
    drive.mkdir(parents=True)
    (drive / "union_desk.sqlite").write_bytes(b"x")
    dialog = FirstRunDialog(drive)
    qtbot.addWidget(dialog)
    assert dialog.drive_choice.isChecked()
    assert str(drive) in dialog.existing.text()


def test_without_another_drive_only_the_user_folder_and_other(qtbot, fresh_pc, tmp_path):
    dialog = FirstRunDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.drive_choice is None
    dialog.other_edit.setText(str(tmp_path / "mine"))
    dialog.other_edit.textEdited.emit("x")
    dialog.accept()
    assert dialog.chosen == tmp_path / "mine" and config.data_folder() == tmp_path / "mine"
