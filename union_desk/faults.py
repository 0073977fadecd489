"""Fixed kill points for the fault-injection tests (tests/faults/).

`kill_point("backup.copied")` does nothing unless the environment variable UNION_DESK_KILL_AT
names that point; then the process ends at once with `os._exit(KILL_EXIT)`, as a power cut or a
killed process would: no `finally`, no atexit, no flush. Tests set the variable on a child process
and then check that nothing was lost and no leftovers stay behind.
"""

from __future__ import annotations

import os

KILL_ENV = "UNION_DESK_KILL_AT"
KILL_EXIT = 97


def kill_point(name: str) -> None:
    if os.environ.get(KILL_ENV) == name:
        os._exit(KILL_EXIT)
