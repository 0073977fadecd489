"""The change notification on the Qt side: one `changed(kinds)` signal after each write.

`union_desk.changes` hears of every audited write (in any thread); the bus gathers them and emits
once, on the GUI thread, when the current event has been handled, so a save of a form with its
relatives and an import of 3,000 rows each give one signal. Views connect to `bus().changed` and
refresh when the kinds they show are among the changed ones (`changes.touches`).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from union_desk import changes


class ChangeBus(QObject):
    changed = Signal(object)  # frozenset[str] of record kinds (table names); '*' = everything
    _noted = Signal(object)  # crosses from a worker thread to the GUI thread

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pending: set[str] = set()  # read and written on the GUI thread only
        self._incoming: set[str] = set()  # written from any thread, under the lock
        self._lock = threading.Lock()
        self._noted.connect(self._collect)  # queued when emitted from another thread
        changes.subscribe(self._hear)

    def _hear(self, kinds: frozenset[str]) -> None:
        """From any thread: one queued signal per batch, not one per written row (an import of
        3,000 rows in a worker thread would otherwise queue 3,000 calls on the GUI thread)."""
        with self._lock:
            first = not self._incoming
            self._incoming |= kinds
        if first:
            self._noted.emit(frozenset())

    def _collect(self, _kinds: frozenset[str]) -> None:
        with self._lock:
            kinds, self._incoming = self._incoming, set()
        if kinds and not self._pending:
            QTimer.singleShot(0, self.flush)
        self._pending |= kinds

    def flush(self) -> None:
        """Emit what was gathered (tests call this instead of waiting for the event loop)."""
        self._collect(frozenset())
        if self._pending:
            kinds, self._pending = frozenset(self._pending), set()
            self.changed.emit(kinds)

    def close(self) -> None:
        changes.unsubscribe(self._hear)


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    """The application's bus (made on first use, on the GUI thread)."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


def announce_everything() -> None:
    """A restore or another data file: every view shows other data now."""
    changes.announce((changes.EVERYTHING,))
