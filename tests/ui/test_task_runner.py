"""run_with_progress: the work runs in a worker thread, the progress dialog is only ever touched
from the UI thread (PySide6 would call a plain function slot in the worker's thread, which
crashed the application once progress was reported often), and cancel stops the work."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from union_desk.ledgers.common import Cancelled, Ticker
from union_desk.ui.widgets import task_runner


def test_progress_reaches_the_dialog_in_the_ui_thread(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    touched: set[str] = set()
    worked_in: list[str] = []

    class Dialog(task_runner.QProgressDialog):
        def setValue(self, value):  # noqa: N802 - Qt API
            touched.add(threading.current_thread().name)
            super().setValue(value)

    monkeypatch.setattr(task_runner, "QProgressDialog", Dialog)

    def work(progress):
        worked_in.append(threading.current_thread().name)
        for i in range(3000):  # often enough to have crashed before
            progress(i, 3000, "…")
        return 42

    result, error = task_runner.run_with_progress(parent, "测试", work)
    assert (result, error) == (42, None)
    assert worked_in and worked_in[0] != threading.main_thread().name
    assert touched == {threading.main_thread().name}


def test_cancel_stops_the_work(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    steps: list[int] = []

    def work(progress):
        ticker = Ticker(progress, 1000, "…", every=1)
        for i in range(1000):
            steps.append(i)
            if i == 10:
                task_runner_cancel()
            ticker.step()
        return "done"

    workers = []
    real_worker = task_runner._Worker

    class Worker(real_worker):
        def __init__(self, w):
            super().__init__(w)
            workers.append(self)

    def task_runner_cancel():
        workers[0].cancelled = True  # what the dialog's cancel button does

    monkeypatch.setattr(task_runner, "_Worker", Worker)
    result, error = task_runner.run_with_progress(parent, "测试", work)
    assert result is None and isinstance(error, Cancelled)
    assert len(steps) < 1000
