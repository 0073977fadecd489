"""One change notification: after a write, every open view that shows the changed records refreshes.

The audit layer notes the table of every audited write (`services.audit`: every service write
is audited, in the same transaction), so no caller can forget to announce it. Listeners (the
UI's `ui.change_bus`) get the set of record kinds (table names) that changed; '*' means
"everything" (a restore, a new data file). Anki's `OpChanges` is the model: the write says what
changed, the views decide whether they care.

No Qt here: the CLI and the services use this module too (with no listener, noting is free).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

EVERYTHING = "*"

Listener = Callable[[frozenset[str]], None]
_listeners: list[Listener] = []
_lock = threading.Lock()


def subscribe(listener: Listener) -> None:
    with _lock:
        if listener not in _listeners:
            _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def announce(kinds: Iterable[str]) -> None:
    """Tell every listener that records of `kinds` changed (from any thread)."""
    kinds = frozenset(kinds)
    if not kinds:
        return
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener(kinds)


def noted(table: str) -> None:
    """A write to `table` was made (called by the audit layer)."""
    if _listeners:
        announce((table,))


def touches(kinds: frozenset[str], shown: Iterable[str]) -> bool:
    """Whether a change of `kinds` concerns a view that shows `shown` ('*' on either side: yes)."""
    shown = frozenset(shown)
    return EVERYTHING in kinds or EVERYTHING in shown or bool(kinds & shown)
