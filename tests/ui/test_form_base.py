"""The one form base (issue 12): unsaved-changes prompt, Enter does not save, write errors shown,
content scrolls above buttons that stay visible."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QVBoxLayout

import union_desk.ui
from union_desk.ui import error_handling
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog, fit_to_screen


class Form(FormDialog):
    def __init__(self, fields: int = 2, fail: Exception | None = None):
        super().__init__()
        self.saves = 0
        self.fail = fail
        layout = QVBoxLayout(self.body)
        self.edits = [QLineEdit() for _ in range(fields)]
        for edit in self.edits:
            layout.addWidget(edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.set_buttons(self.buttons)

    @surfaces_errors
    def accept(self) -> None:
        if self.fail is not None:
            raise self.fail
        self.saves += 1
        super().accept()


@pytest.fixture
def asked(monkeypatch):
    """QMessageBox.question recorded; answer with asked.answer (No unless set)."""

    class Asked(list):
        answer = QMessageBox.StandardButton.No

    record = Asked()

    def question(parent, title, text, *args, **kwargs):
        record.append(text)
        return record.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return record


def shown(qtbot, form: FormDialog) -> FormDialog:
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_esc_without_edits_closes_without_asking(qtbot, asked):
    form = shown(qtbot, Form())
    qtbot.keyClick(form.edits[0], Qt.Key.Key_Escape)
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected
    assert asked == []


def test_esc_with_edits_asks_and_no_keeps_the_form(qtbot, asked):
    form = shown(qtbot, Form())
    qtbot.keyClicks(form.edits[0], "zhang")
    qtbot.keyClick(form.edits[0], Qt.Key.Key_Escape)
    assert asked == ["放弃未保存的修改？"] or asked == ["Discard the unsaved changes?"]
    assert form.isVisible() and form.edits[0].text() == "zhang"
    asked.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(form.edits[0], Qt.Key.Key_Escape)
    assert len(asked) == 2 and not form.isVisible()


def test_cancel_button_with_edits_asks(qtbot, asked):
    form = shown(qtbot, Form())
    qtbot.keyClicks(form.edits[1], "x")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and form.isVisible()


def test_typing_back_to_the_start_is_no_change(qtbot, asked):
    form = shown(qtbot, Form())
    qtbot.keyClicks(form.edits[0], "a")
    qtbot.keyClick(form.edits[0], Qt.Key.Key_Backspace)
    assert not form.has_unsaved_changes()
    qtbot.keyClick(form.edits[0], Qt.Key.Key_Escape)
    assert asked == [] and not form.isVisible()


def test_closing_by_the_program_does_not_ask(qtbot, asked):
    form = shown(qtbot, Form())
    qtbot.keyClicks(form.edits[0], "x")
    form.close()
    assert asked == [] and not form.isVisible()


def test_enter_in_a_line_edit_does_not_save(qtbot, asked):
    form = shown(qtbot, Form())
    form.edits[0].setFocus()
    qtbot.keyClicks(form.edits[0], "lisi")
    qtbot.keyClick(form.edits[0], Qt.Key.Key_Return)
    qtbot.keyClick(form.edits[0], Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert form.saves == 0 and form.isVisible()
    qtbot.keyClick(form.edits[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.saves == 1 and not form.isVisible()


def test_a_write_error_is_shown_and_the_form_stays(qtbot, asked, monkeypatch):
    shown_errors = []
    monkeypatch.setattr(error_handling, "show_error_box", lambda parent, exc, *a, **k: shown_errors.append(exc))
    form = shown(qtbot, Form(fail=PermissionError(13, "Permission denied", "union_desk.sqlite")))
    qtbot.keyClicks(form.edits[0], "wangwu")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert len(shown_errors) == 1 and isinstance(shown_errors[0], PermissionError)
    assert form.isVisible() and form.edits[0].text() == "wangwu"


def test_a_long_form_scrolls_and_keeps_its_buttons_on_screen(qtbot):
    form = Form(fields=80)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    room = form.screen().availableGeometry()
    assert room.contains(form.frameGeometry())
    assert form.scroll_area.verticalScrollBar().maximum() > 0  # the fields scroll …
    for button in form.buttons.buttons():  # … the buttons do not
        assert form.rect().contains(QRect(button.mapTo(form, QPoint(0, 0)), button.size()))


def test_fit_to_screen_brings_back_a_window_from_a_missing_screen(qtbot):
    form = Form()
    qtbot.addWidget(form)
    form.move(5000, 4000)  # saved on a second monitor that is gone
    form.resize(4000, 3000)
    fit_to_screen(form)
    room = form.screen().availableGeometry()
    assert room.contains(QRect(form.pos(), form.size()))


def _form_classes():
    for info in pkgutil.walk_packages(union_desk.ui.__path__, "union_desk.ui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QDialog):
                yield cls


def test_every_dialog_is_on_the_form_base_and_shows_its_write_errors():
    classes = set(_form_classes())
    assert len(classes) >= 30
    not_on_base = {c.__name__ for c in classes if not issubclass(c, FormDialog)}
    assert not not_on_base
    for cls in classes:
        for name in ("accept", "save"):
            method = cls.__dict__.get(name)
            if method is not None and issubclass(cls, FormDialog) and cls.confirm_discard:
                assert hasattr(method, "__wrapped__"), f"{cls.__name__}.{name} is not @surfaces_errors"
