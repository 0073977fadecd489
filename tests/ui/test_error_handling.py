"""Nothing vanishes: an exception in a Qt slot or a worker thread, and Qt's critical messages, are
logged and shown as a Chinese box with 复制详细信息; a form whose save fails (a read-only data
file, a full disk) says why and stays open with what was typed; 帮助 → 打开日志文件夹."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import sys
import threading

import peewee
import pytest
from PySide6.QtCore import QThread, QUrl, qCritical, qWarning
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from union_desk import logs
from union_desk.db.models import Member, Visit, database_proxy
from union_desk.domain import idcard
from union_desk.errors import NotFoundError
from union_desk.services import members, visits
from union_desk.ui import error_handling, i18n
from union_desk.ui.hardship.visit_form import VisitForm
from union_desk.ui.main_window import MainWindow
from union_desk.ui.members.form import MemberForm

ID_NUMBER = idcard.make_id("440106", dt.date(1986, 4, 12), 222, "女")


@pytest.fixture
def hooks(qapp, monkeypatch):
    """error_handling installed as at start-up, with the zh_CN catalogue; undone afterwards."""
    root = logging.getLogger()
    level = root.level
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.shutdown_logging()
    i18n.install(qapp, "zh_CN")
    error_handling.install(qapp)
    yield
    error_handling.uninstall()
    logs.shutdown_logging()
    root.setLevel(level)


@pytest.fixture
def boxes(monkeypatch):
    """Every message box that is exec()'d, with the thread it was shown from (not shown for real)."""
    shown: list[tuple[QMessageBox, str]] = []

    def fake_exec(box):
        shown.append((box, threading.current_thread().name))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def log_text() -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return logs.log_file().read_text(encoding="utf-8")


def button_texts(box: QMessageBox) -> list[str]:
    return [b.text() for b in box.buttons()]


# --- uncaught exceptions ----------------------------------------------------------------------------


def test_an_exception_in_a_slot_is_logged_and_shown_in_chinese(qtbot, hooks, boxes):
    button = QPushButton()
    qtbot.addWidget(button)

    def broken():
        raise RuntimeError(f"slot failed for {ID_NUMBER}")

    button.clicked.connect(broken)
    button.click()
    assert len(boxes) == 1
    box, thread = boxes[0]
    assert thread == threading.main_thread().name
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.windowTitle() == "工会工作台"
    assert box.text().startswith("发生了意外错误：RuntimeError")
    assert str(logs.log_folder()) in box.text()
    assert "复制详细信息" in button_texts(box)
    assert ID_NUMBER not in box.text()
    text = log_text()
    assert "Traceback" in text and "RuntimeError: slot failed" in text and "broken" in text
    assert ID_NUMBER not in text and idcard.mask_id(ID_NUMBER) in text


def test_copy_details_puts_traceback_and_version_on_the_clipboard_and_keeps_the_box(qtbot, hooks):
    try:
        raise ValueError("bad")
    except ValueError as exc:
        box = error_handling.error_box(None, exc, logs.error_details(*sys.exc_info()))
    qtbot.addWidget(box)
    box.show()
    assert box.copy_button.text() == "复制详细信息"
    box.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("Union Desk ") and "Traceback" in copied and "ValueError: bad" in copied
    assert box.isVisible()  # copying does not close it
    assert box.copy_button.text() == "已复制"


def test_a_worker_thread_exception_is_shown_in_the_ui_thread(qtbot, hooks, boxes):
    def work():
        raise KeyError("worker failed")

    thread = threading.Thread(target=work, name="worker-3")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(boxes) == 1, timeout=3000)
    box, shown_in = boxes[0]
    assert shown_in == threading.main_thread().name
    assert "KeyError" in box.text()
    assert "KeyError: 'worker failed'" in log_text()


def test_a_qthread_exception_is_shown_in_the_ui_thread(qtbot, hooks, boxes):
    class Worker(QThread):
        def run(self):
            raise OSError("qthread failed")

    worker = Worker()
    worker.start()
    worker.wait(3000)
    qtbot.waitUntil(lambda: len(boxes) == 1, timeout=3000)
    assert boxes[0][1] == threading.main_thread().name
    assert "OSError: qthread failed" in log_text()


def test_a_union_desk_error_shows_its_message_only(qtbot, hooks, boxes):
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(lambda: (_ for _ in ()).throw(NotFoundError("找不到该会员，可能已被删除。")))
    button.click()
    box, _ = boxes[0]
    assert box.text() == "找不到该会员，可能已被删除。"
    assert box.icon() == QMessageBox.Icon.Warning
    assert "复制详细信息" not in button_texts(box)


def test_qt_messages_are_logged_and_only_critical_ones_shown(qtbot, hooks, boxes):
    qWarning("a harmless Qt warning")
    assert not boxes
    qCritical("a critical Qt message")
    qtbot.waitUntil(lambda: len(boxes) == 1, timeout=3000)
    assert "a critical Qt message" in boxes[0][0].text()
    text = log_text()
    assert "WARNING union_desk.qt" in text and "a harmless Qt warning" in text
    assert "ERROR union_desk.qt" in text and "a critical Qt message" in text


# --- forms whose save fails ------------------------------------------------------------------------


def read_only_connection() -> None:
    """From now on every write on this thread's connection fails as on a read-only data file."""
    database_proxy.execute_sql("PRAGMA query_only = ON")


def test_member_form_on_a_read_only_file_says_so_and_stays_open(qtbot, db, hooks, boxes):
    form = MemberForm(None)
    qtbot.addWidget(form)
    form.show()
    form.name_edit.insert("周敏")
    read_only_connection()
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert len(boxes) == 1
    box = boxes[0][0]
    assert box.text().startswith("数据文件是只读的")
    assert box.windowTitle() == form.windowTitle()
    assert form.isVisible() and form.result() != form.DialogCode.Accepted
    assert form.name_edit.text() == "周敏"  # what was typed is still there
    assert "attempt to write a readonly database" in log_text()
    database_proxy.execute_sql("PRAGMA query_only = OFF")
    assert Member.select().count() == 0


def test_member_form_with_a_mocked_readonly_error(qtbot, db, hooks, boxes, monkeypatch):
    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(members, "save_member", refuse)
    form = MemberForm(None)
    qtbot.addWidget(form)
    form.show()
    form.name_edit.insert("周敏")
    form.accept()
    assert "只读" in boxes[0][0].text()
    assert form.isVisible() and form.name_edit.text() == "周敏"


@pytest.fixture
def wang(db):
    return members.create_member({"name": "王芳", "sex": "女", "birth_date": "1980-05-01", "department": "语文组"})


def filled_visit_form(qtbot, member) -> VisitForm:
    form = VisitForm(member=member, visit_type_name="生病住院")
    qtbot.addWidget(form)
    form.show()
    form.reason.insert("住院")
    return form


def test_visit_form_on_a_read_only_file_says_so_and_stays_open(qtbot, wang, hooks, boxes):
    form = filled_visit_form(qtbot, wang)
    read_only_connection()
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert len(boxes) == 1
    assert boxes[0][0].text().startswith("数据文件是只读的")
    assert form.isVisible() and form.saved is None
    assert form.reason.text() == "住院"
    database_proxy.execute_sql("PRAGMA query_only = OFF")
    assert Visit.select().count() == 0


@pytest.mark.parametrize(
    "error, words",
    [
        (sqlite3.OperationalError("attempt to write a readonly database"), "只读"),
        (peewee.OperationalError("database or disk is full"), "磁盘空间已满"),
        (peewee.OperationalError("database is locked"), "锁定"),
    ],
)
def test_visit_form_tells_why_a_write_failed(qtbot, wang, hooks, boxes, monkeypatch, error, words):
    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(visits, "create_visit", refuse)
    form = filled_visit_form(qtbot, wang)
    form.accept()
    assert words in boxes[0][0].text()
    assert form.isVisible() and form.reason.text() == "住院"


def test_write_errors_are_shown_without_the_hooks_installed(qtbot, wang, boxes, monkeypatch):
    """The forms do not rely on the global hook: the decorator shows the box itself."""
    monkeypatch.setattr(visits, "create_visit", lambda *a, **k: (_ for _ in ()).throw(
        sqlite3.OperationalError("database or disk is full")))
    form = filled_visit_form(qtbot, wang)
    form.accept()
    assert len(boxes) == 1 and "磁盘空间已满" in boxes[0][0].text()


# --- 帮助 → 打开日志文件夹 --------------------------------------------------------------------------


def test_help_menu_opens_the_log_folder(qtbot, qapp, db, db_path, monkeypatch):
    i18n.install(qapp, "zh_CN")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
    assert window.action_log_folder in help_menu.actions()
    assert window.action_log_folder.text() == "打开日志文件夹(&L)"
    window.action_log_folder.trigger()
    assert opened == [QUrl.fromLocalFile(str(logs.log_folder()))]
    assert logs.log_folder().is_dir()
    assert logs.log_folder().parent != db_path.parent  # the per-user folder, not beside the data file
