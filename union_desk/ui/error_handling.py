"""Nothing disappears: uncaught exceptions (Qt slots, worker threads) and Qt's critical messages are
logged and shown as a Chinese message box with 复制详细信息; forms show write errors the same way.

`install(app)` once at start-up, before the window is built. `show_write_error(parent, exc)` (or
the `surfaces_errors` decorator on a form's accept/save) for what a service write raised.
"""

from __future__ import annotations

import functools
import logging
import sys
import threading

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from union_desk import logs
from union_desk.errors import UnionDeskError

_qt_log = logging.getLogger("union_desk.qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class QtMessage(Exception):
    """A critical or fatal message from Qt, shown like an exception."""


# --- the message box ------------------------------------------------------------------------------

_showing = {"box": False}


def error_box(parent: QWidget | None, exc: BaseException, details: str | None, title: str | None = None) -> QMessageBox:
    """The box itself (built, not shown): the Chinese description, where the log is, and — for
    anything but a UnionDeskError — 复制详细信息 (traceback and version to the clipboard)."""
    expected = isinstance(exc, UnionDeskError)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical)
    box.setWindowTitle(title or QCoreApplication.translate("ErrorHandling", "Union Desk"))
    text = logs.describe_error(exc)
    if not expected:
        text += "\n\n" + logs.where_the_log_is()
    box.setText(text)
    box.addButton(QMessageBox.StandardButton.Ok)
    if details and not expected:
        copy = box.addButton(QCoreApplication.translate("ErrorHandling", "Copy details"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()  # copying must not close the box

        def copy_details() -> None:
            QApplication.clipboard().setText(details)
            copy.setText(QCoreApplication.translate("ErrorHandling", "Copied"))

        copy.clicked.connect(copy_details)
        box.copy_button = copy
    box.details = details
    return box


def show_error_box(parent: QWidget | None, exc: BaseException, details: str | None = None, title: str | None = None) -> None:
    """Show `exc` modally. While one box is open, further errors are only logged (no box storm)."""
    if _showing["box"]:
        return
    _showing["box"] = True
    try:
        error_box(parent, exc, details, title).exec()
    finally:
        _showing["box"] = False


def show_write_error(parent: QWidget | None, exc: BaseException) -> None:
    """A save failed: log it and say why in Chinese (只读, 磁盘已满, 被锁定 …). The form stays open."""
    logs.log_exception(type(exc), exc, exc.__traceback__, type(parent).__name__ if parent is not None else "")
    title = parent.windowTitle() if parent is not None and parent.windowTitle() else None
    show_error_box(parent, exc, logs.error_details(type(exc), exc, exc.__traceback__), title)


def surfaces_errors(method):
    """For a form's accept()/save(): whatever its own handling lets through (not only
    ValidationError — a read-only file, a full disk) is shown and logged; the form stays open
    with the user's input. Returns None (falsy) in that case."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged
            show_write_error(self, exc)
            return None

    return wrapper


# --- the hooks --------------------------------------------------------------------------------------


class _Relay(QObject):
    """Lives in the UI thread: an error reported from any thread is shown there (queued).

    With PySide6 a plain Python callable connected to a signal runs in the emitting thread; a
    decorated Slot of a QObject living in the UI thread runs in the UI thread."""

    report = Signal(object, object)  # exception, details

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report.connect(self.show_box)

    @Slot(object, object)
    def show_box(self, exc, details) -> None:
        show_error_box(QApplication.activeWindow(), exc, details)


_installed: dict = {"relay": None, "previous_qt": None}


def _on_uncaught(exc_type, exc, tb, _thread_name: str = "") -> None:
    relay = _installed["relay"]
    if relay is None:
        return
    relay.report.emit(exc, logs.error_details(exc_type, exc, tb))


def _qt_message(msg_type, context, message: str) -> None:
    """Every Qt message goes to the log; critical and fatal ones are shown too."""
    where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
    _qt_log.log(_QT_LEVELS.get(msg_type, logging.WARNING), "%s%s", message, where)
    previous = _installed["previous_qt"]
    if previous is not None:
        previous(msg_type, context, message)  # e.g. a test harness that captures Qt messages
    if msg_type not in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) or _showing["box"]:
        return
    exc = QtMessage(message)
    relay = _installed["relay"]
    if msg_type == QtMsgType.QtFatalMsg:
        for handler in logging.getLogger().handlers:
            handler.flush()
        if threading.current_thread() is threading.main_thread():
            show_error_box(None, exc, message)  # Qt aborts when this returns: show it now
            return
    if relay is not None:
        relay.report.emit(exc, message)


def install(app: QApplication) -> None:
    """Start the log and route uncaught exceptions and Qt messages to it and to a message box.
    Call once, in the UI thread, after the QApplication exists and before the window is built."""
    logs.setup_logging()
    if _installed["relay"] is None:
        _installed["relay"] = _Relay(app)
    logs.install_excepthooks(_on_uncaught)
    previous = qInstallMessageHandler(_qt_message)
    if previous is not _qt_message:
        _installed["previous_qt"] = previous


def uninstall() -> None:
    """Back to the interpreter's hooks (tests)."""
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    qInstallMessageHandler(_installed["previous_qt"])
    _installed["previous_qt"] = None
    relay = _installed["relay"]
    if relay is not None:
        relay.deleteLater()
    _installed["relay"] = None
