"""Run long work off the UI thread with a progress dialog and a cancel button.

The work is a plain function `work(progress)`; it calls `progress(done, total, label)` which
returns False once the user pressed cancel, and the work then stops (raising or returning).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)  # result, error

    def __init__(self, work: Callable):
        super().__init__()
        self._work = work
        self.cancelled = False

    def progress(self, done: int, total: int, label: str = "") -> bool:
        self.progressed.emit(done, total, label)
        return not self.cancelled

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread to show
            exc.__traceback_text__ = traceback.format_exc()
            self.finished.emit(None, exc)
        else:
            self.finished.emit(result, None)
        finally:
            _close_thread_connection()


def _close_thread_connection() -> None:
    """peewee opens one SQLite connection per thread: close this worker's before it ends."""
    from union_desk.db.models import database_proxy

    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()


class _Receiver(QObject):
    """Lives in the UI thread, so the worker's signals reach the dialog there (queued).

    PySide6 calls a plain Python function connected to a signal in the *emitting* thread, even
    with a queued connection; the progress dialog must only be touched from the UI thread
    (touching it from the worker crashes once progress is reported often)."""

    def __init__(self, on_progress: Callable, on_finished: Callable):
        super().__init__()
        self._on_progress = on_progress
        self._on_finished = on_finished

    @Slot(int, int, str)
    def progress(self, done: int, total: int, label: str) -> None:
        self._on_progress(done, total, label)

    @Slot(object, object)
    def finished(self, result, error) -> None:
        self._on_finished(result, error)


def run_with_progress(parent: QWidget, title: str, work: Callable, cancellable: bool = True):
    """Run `work` in a thread; block in a local event loop (UI stays live). Returns (result, error)."""
    dialog = QProgressDialog(title, QCoreApplication.translate("TaskRunner", "Cancel") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    thread = QThread()
    worker = _Worker(work)
    worker.moveToThread(thread)
    outcome: dict = {}

    def on_progress(done: int, total: int, label: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if label:
            dialog.setLabelText(label)

    def on_finished(result, error) -> None:
        outcome["result"], outcome["error"] = result, error
        thread.quit()

    def on_cancel() -> None:
        worker.cancelled = True
        dialog.setLabelText(QCoreApplication.translate("TaskRunner", "Cancelling…"))

    receiver = _Receiver(on_progress, on_finished)
    worker.progressed.connect(receiver.progress)
    worker.finished.connect(receiver.finished)
    dialog.canceled.connect(on_cancel)
    thread.started.connect(worker.run)
    thread.start()
    while thread.isRunning() or "error" not in outcome:
        QApplication.processEvents()
        thread.wait(20)
    dialog.close()
    return outcome.get("result"), outcome.get("error")
