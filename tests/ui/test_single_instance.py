"""A second start on the same data file brings the running window to the front."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMainWindow, QMessageBox

from union_desk.db.instance_lock import InstanceLock
from union_desk.ui import single_instance
from union_desk.ui.single_instance import InstanceServer, ask_running_to_show, bring_to_front, server_name


def test_the_name_is_per_user_and_per_data_file(tmp_path, monkeypatch):
    a = server_name(tmp_path / "a.sqlite")
    assert a == server_name(tmp_path / "x" / ".." / "a.sqlite") or a.startswith("UnionDesk-")
    assert a != server_name(tmp_path / "b.sqlite")
    monkeypatch.setattr(single_instance, "_user", lambda: "someone-else")
    assert server_name(tmp_path / "a.sqlite") != a
    assert len(a) < 40 and "/" not in a and "\\" not in a


class Asker(QThread):
    """The second start, in another thread so the server's event loop can answer."""

    def __init__(self, db_path):
        super().__init__()
        self.db_path = db_path
        self.answer = None

    def run(self):
        # a generous wait: on a loaded CI machine the answer can take longer than the app's 1.5 s
        self.answer = ask_running_to_show(self.db_path, timeout_ms=10000)


def test_the_running_window_is_shown_raised_and_activated(qtbot, db_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    calls = []
    window.raise_ = lambda: calls.append("raise")
    window.activateWindow = lambda: calls.append("activate")
    server = InstanceServer(db_path)
    assert server.listen()
    server.show_requested.connect(lambda: bring_to_front(window))
    try:
        asker = Asker(db_path)
        with qtbot.waitSignal(server.show_requested, timeout=5000):
            asker.start()
        qtbot.waitUntil(lambda: asker.isFinished(), timeout=5000)
        assert asker.answer is True
        assert calls == ["raise", "activate"]
        assert not window.isMinimized()
    finally:
        server.close()


def test_nobody_listening_means_no_answer(qapp, db_path):
    assert ask_running_to_show(db_path, timeout_ms=200) is False


def test_a_name_left_by_a_crashed_process_is_taken_over(qapp, db_path):
    first = InstanceServer(db_path)
    assert first.listen()
    first.server.close() if sys.platform == "win32" else None
    second = InstanceServer(db_path)  # on Unix the socket file of the first is still there
    try:
        assert second.listen()
    finally:
        first.close()
        second.close()


def test_the_second_process_allows_the_first_to_take_the_foreground(monkeypatch):
    """Simulated, not run: AllowSetForegroundWindow(ASFW_ANY) through ctypes.windll.user32."""
    import ctypes

    called = []

    class User32:
        def AllowSetForegroundWindow(self, pid):  # noqa: N802 - the Windows name
            called.append(pid)
            return 1

    class Windll:
        user32 = User32()

    monkeypatch.setattr(ctypes, "windll", Windll(), raising=False)
    monkeypatch.setattr(single_instance.sys, "platform", "win32")
    single_instance.allow_foreground()
    assert called == [0xFFFFFFFF]


def test_allow_comes_before_show(qtbot, db_path, monkeypatch):
    order = []
    server = InstanceServer(db_path)
    assert server.listen()
    server.show_requested.connect(lambda: order.append("show"))
    monkeypatch.setattr(single_instance, "allow_foreground", lambda: order.append("allow"))
    try:
        asker = Asker(db_path)
        with qtbot.waitSignal(server.show_requested, timeout=5000):
            asker.start()
        qtbot.waitUntil(lambda: asker.isFinished(), timeout=5000)
    finally:
        server.close()
    assert order == ["allow", "show"]


def test_run_gui_second_start_asks_the_first_and_exits_quietly(qapp, db_path, monkeypatch):
    from union_desk import app, logs
    from union_desk.ui import error_handling

    asked = []
    monkeypatch.setattr(single_instance, "ask_running_to_show", lambda path: asked.append(path) or True)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail("no message expected"))
    db_path.parent.mkdir(parents=True)
    try:
        with InstanceLock(db_path):
            code = app.run_gui(db_path)
    finally:
        error_handling.uninstall()
        logs.shutdown_logging()
    assert code == 0 and asked == [db_path]


def test_two_real_processes(tmp_path, db_path):
    """The first GUI process serves; a second `union-desk --db` exits 0 and the first is asked to show."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "UNION_DESK_DATA_DIR": str(tmp_path / "appdata")}
    shown = tmp_path / "shown.txt"
    first_script = (
        "import sys\n"
        "from union_desk import app\n"
        "from union_desk.ui import single_instance\n"
        "real = single_instance.bring_to_front\n"
        "def front(window):\n"
        f"    open({str(shown)!r}, 'a').write('front\\n')\n"
        "    real(window)\n"
        "    from PySide6.QtCore import QTimer\n"
        "    QTimer.singleShot(100, window.close)\n"
        "single_instance.bring_to_front = front\n"
        f"sys.exit(app.run_gui(__import__('pathlib').Path({str(db_path)!r})))\n"
    )
    first = subprocess.Popen([sys.executable, "-c", first_script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        lock = db_path.with_name(db_path.name + ".lock")
        ready = threading.Event()
        for _ in range(300):  # wait until the first holds the lock and serves
            if lock.exists() and lock.read_text() and first.poll() is None:
                second = subprocess.run(
                    [sys.executable, "-m", "union_desk", "--db", str(db_path)], env=env, capture_output=True, timeout=60
                )
                if second.returncode == 0:
                    ready.set()
                    break
            threading.Event().wait(0.1)
        assert ready.is_set(), "the second start did not get an answer"
        assert first.wait(timeout=60) == 0
        assert shown.read_text() == "front\n"
    finally:
        if first.poll() is None:
            first.kill()
