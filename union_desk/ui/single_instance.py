"""A second start on the same data file brings the running window to the front.

The first GUI process listens on a QLocalServer named from a hash of the user name and the data
file's path (per user, per data file). A second start that finds the file locked connects, lets
the first take the foreground (Windows: AllowSetForegroundWindow(ASFW_ANY), else Windows only
flashes the taskbar button), sends "show" and exits quietly. The file lock (InstanceLock) stays
the real guard: when nobody answers, the second start says "already open" as before.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SHOW = b"show\n"
ANSWER = b"ok\n"
ASFW_ANY = 0xFFFFFFFF  # (DWORD)-1: any process may set the foreground window
TIMEOUT_MS = 1500


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name known (odd environments): the home folder will do
        return str(Path.home())


def server_name(db_path: Path) -> str:
    """Per user and per data file; short enough for a Unix socket path, no path characters."""
    path = os.path.normcase(str(Path(db_path).absolute()))
    digest = hashlib.sha256(f"{_user()}\0{path}".encode("utf-8")).hexdigest()[:24]
    return f"UnionDesk-{digest}"


def allow_foreground() -> None:
    """Windows: let the running instance bring its window to the front (we hold the right now)."""
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(ASFW_ANY)
    except (OSError, AttributeError):
        pass  # the window then only flashes in the taskbar


def ask_running_to_show(db_path: Path, timeout_ms: int = TIMEOUT_MS) -> bool:
    """True when a running instance on this data file answered and will show its window."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        allow_foreground()
        socket.write(SHOW)
        socket.flush()  # often writes it all at once; then waitForBytesWritten has nothing to wait for
        if socket.bytesToWrite() and not socket.waitForBytesWritten(timeout_ms):
            return False
        # Short waits in a loop: a single long waitForReadyRead was seen to miss an answer that
        # arrived while it waited (Qt 6, Unix sockets), and then time out.
        deadline = time.monotonic() + timeout_ms / 1000
        while socket.bytesAvailable() < len(ANSWER):
            if time.monotonic() > deadline or socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                return False
            socket.waitForReadyRead(50)
        return bytes(socket.readAll().data()).startswith(ANSWER)
    finally:
        socket.disconnectFromServer()


def bring_to_front(window) -> None:
    """Restore a minimised window (keeping a maximised one maximised), raise and activate it."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class InstanceServer(QObject):
    """Listens for "show" from later starts on the same data file; emits `show_requested`."""

    show_requested = Signal()

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.name = server_name(db_path)
        self.server = QLocalServer(self)
        self._sockets: set[QLocalSocket] = set()
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening. Called only while holding the file lock, so a name left behind by a
        crashed process (a Unix socket file) is ours to remove."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()
        for socket in list(self._sockets):
            socket.abort()  # emits disconnected: _gone removes it
        self._sockets.clear()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._sockets.add(socket)
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(self._gone)
            self._answer(socket)

    def _ready(self) -> None:
        socket = self.sender()
        if socket in self._sockets:
            self._answer(socket)

    def _gone(self) -> None:
        socket = self.sender()
        if socket in self._sockets:
            self._sockets.discard(socket)
            socket.deleteLater()

    def _answer(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        if line == SHOW:
            socket.write(ANSWER)
            socket.flush()
            self.show_requested.emit()
