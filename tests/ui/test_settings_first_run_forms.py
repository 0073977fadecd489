"""设置 and the first-run question on the form base (issue 12): Esc after a change asks, the
user's input stays when they keep the dialog open, write errors are shown, Enter does not save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from union_desk import config, paths
from union_desk.services import settings
from union_desk.ui import error_handling
from union_desk.ui.first_run import FirstRunDialog
from union_desk.ui.settings_dialog import SettingsDialog
from union_desk.ui.widgets.form_base import FormDialog


@pytest.fixture
def boxes(monkeypatch):
    """Every message box recorded instead of shown (a modal box hangs offscreen). Answer the
    question with boxes.answer (No unless set)."""

    class Boxes(list):
        answer = QMessageBox.StandardButton.No

    record = Boxes()

    def question(parent, title, text, *args, **kwargs):
        record.append(("question", text))
        return record.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, _n=name, **k: record.append((_n, a[2]))))
    errors = []
    monkeypatch.setattr(error_handling, "show_error_box", lambda parent, exc, *a, **k: errors.append(exc))
    record.errors = errors
    return record


def questions(boxes) -> list[str]:
    return [text for kind, text in boxes if kind == "question"]


def shown(qtbot, dialog: FormDialog) -> FormDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def press_escape(qtbot, dialog: FormDialog) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)


# --- 设置 ---------------------------------------------------------------------------------------------


def test_settings_is_on_the_form_base(qtbot, db):
    dialog = shown(qtbot, SettingsDialog())
    assert isinstance(dialog, FormDialog)
    assert dialog.scroll_area.isAncestorOf(dialog.edits["school_name"])
    save = dialog.button_box.button(QDialogButtonBox.StandardButton.Save)
    assert not dialog.scroll_area.isAncestorOf(save)  # 保存/取消 stay visible below the scrolling part
    assert dialog.save_button() is save
    # on a roomy screen the whole form shows at once: no scroll bars
    assert dialog.scroll_area.verticalScrollBar().maximum() == 0
    assert dialog.scroll_area.horizontalScrollBar().maximum() == 0


def test_settings_escape_without_a_change_closes_without_asking(qtbot, db, boxes):
    dialog = shown(qtbot, SettingsDialog())
    press_escape(qtbot, dialog)
    assert not questions(boxes) and not dialog.isVisible()


def test_settings_escape_with_a_change_asks(qtbot, db, boxes):
    dialog = shown(qtbot, SettingsDialog())
    chair = dialog.edits["chair"]
    chair.setFocus()
    chair.setText("王五")
    press_escape(qtbot, dialog)
    assert len(questions(boxes)) == 1
    assert dialog.isVisible() and chair.text() == "王五"  # No: the dialog stays, the input too

    boxes.answer = QMessageBox.StandardButton.Yes
    press_escape(qtbot, dialog)
    assert len(questions(boxes)) == 2 and not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert settings.get("chair") != "王五"  # discarded, not saved


def test_settings_cancel_with_a_change_asks(qtbot, db, boxes):
    dialog = shown(qtbot, SettingsDialog())
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.button_box.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(questions(boxes)) == 1 and dialog.isVisible()


def test_settings_enter_in_a_field_does_not_save(qtbot, db, boxes):
    dialog = shown(qtbot, SettingsDialog())
    school = dialog.edits["school_name"]
    school.setFocus()
    school.setText("育才实验学校")
    qtbot.keyClick(school, Qt.Key.Key_Return)
    assert dialog.isVisible() and settings.get("school_name") != "育才实验学校"
    qtbot.keyClick(school, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    assert not dialog.isVisible() and settings.get("school_name") == "育才实验学校"
    assert not boxes


def test_settings_write_error_is_shown_and_the_input_kept(qtbot, db, boxes, monkeypatch):
    def full_disk(values):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings, "save", full_disk)
    dialog = shown(qtbot, SettingsDialog())
    dialog.edits["chair"].setText("王五")
    dialog.accept()
    assert len(boxes.errors) == 1 and isinstance(boxes.errors[0], OSError)
    assert dialog.isVisible() and dialog.edits["chair"].text() == "王五"


# --- the first start ----------------------------------------------------------------------------------


@pytest.fixture
def fresh_pc(tmp_path, monkeypatch):
    """No UNION_DESK_DATA_DIR, no config, no data file: a first start on a new PC."""
    monkeypatch.delenv("UNION_DESK_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(paths.sys, "platform", "linux")
    return tmp_path / "home" / "UnionDesk"


def test_first_run_is_on_the_form_base(qtbot, fresh_pc, tmp_path):
    dialog = shown(qtbot, FirstRunDialog(tmp_path / "E" / "UnionDesk"))
    assert isinstance(dialog, FormDialog)
    assert dialog.scroll_area.isAncestorOf(dialog.user_choice)
    assert not dialog.scroll_area.isAncestorOf(dialog.button_box)
    assert dialog.save_button() is dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)


def test_first_run_escape_without_a_change_closes_without_asking(qtbot, fresh_pc, tmp_path, boxes):
    dialog = shown(qtbot, FirstRunDialog(tmp_path / "E" / "UnionDesk"))
    press_escape(qtbot, dialog)
    assert not questions(boxes) and not dialog.isVisible()
    assert dialog.chosen is None and config.data_folder() is None


def test_first_run_escape_with_a_change_asks_and_keeps_the_choice(qtbot, fresh_pc, tmp_path, boxes):
    drive = tmp_path / "E" / "UnionDesk"
    dialog = shown(qtbot, FirstRunDialog(drive))
    assert dialog.user_choice.isChecked()
    dialog.drive_choice.setChecked(True)
    press_escape(qtbot, dialog)
    assert len(questions(boxes)) == 1
    assert dialog.isVisible() and dialog.drive_choice.isChecked()  # No: the choice is still there
    assert config.data_folder() is None  # nothing written yet

    dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()  # 开始 uses it
    assert dialog.chosen == drive and config.data_folder() == drive


def test_first_run_escape_after_typing_a_folder_asks_then_quits_when_told(qtbot, fresh_pc, tmp_path, boxes):
    dialog = shown(qtbot, FirstRunDialog(None))
    dialog.other_edit.setFocus()
    qtbot.keyClicks(dialog.other_edit, "/tmp/mine")  # textEdited ticks 其他文件夹
    assert dialog.other_choice.isChecked()
    qtbot.keyClick(dialog.other_edit, Qt.Key.Key_Return)  # Enter in the field does not start
    assert dialog.isVisible() and dialog.chosen is None
    boxes.answer = QMessageBox.StandardButton.Yes
    press_escape(qtbot, dialog)
    assert len(questions(boxes)) == 1 and not dialog.isVisible()
    assert dialog.chosen is None and config.data_folder() is None


def test_first_run_write_error_is_shown_and_the_choice_kept(qtbot, fresh_pc, tmp_path, boxes, monkeypatch):
    def read_only(folder):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(config, "set_data_folder", read_only)
    drive = tmp_path / "E" / "UnionDesk"
    dialog = shown(qtbot, FirstRunDialog(drive))
    dialog.drive_choice.setChecked(True)
    dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(boxes.errors) == 1 and isinstance(boxes.errors[0], PermissionError)
    assert dialog.isVisible() and dialog.drive_choice.isChecked() and dialog.chosen is None
