"""Temporary files of interrupted work beside the data file, named by their writer's process.

A backup, a restore and the creation of a new data file each write a temporary file first and
rename it into place. If the process is killed in between, the temporary file stays: a full copy
of personal data. Its name carries the writer's process id, so the next start (or the next
backup) removes it once that process has ended, while a concurrent writer's file is left alone.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

from union_desk.paths import backups_dir

# `<anything>.<pid>.<kind>`: kind part (backup), restoring (restore), creating (new file).
_TEMP = re.compile(r"^(?P<base>.+)\.(?P<pid>\d+)\.(?P<kind>part|restoring|creating)$")
_OLD_PART = re.compile(r"^.+\.sqlite\.part$")  # before names carried a pid
OLD_LEFTOVER_AGE = 600  # seconds: a pid-less leftover older than this is no one's work in progress


def temp_name(final: Path, kind: str) -> Path:
    return final.with_name(f"{final.name}.{os.getpid()}.{kind}")


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only (tested by mocking)
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _stale(entry: Path, now: float) -> bool:
    match = _TEMP.match(entry.name)
    if match:
        return not pid_alive(int(match["pid"]))
    if _OLD_PART.match(entry.name):
        try:
            return now - entry.stat().st_mtime > OLD_LEFTOVER_AGE
        except OSError:
            return False
    return False


def clean_leftovers(db_path: Path) -> list[Path]:
    """Remove the temporary files of ended processes beside `db_path` and in its backups folder."""
    db_path = Path(db_path)
    removed: list[Path] = []
    now = time.time()
    for folder, prefix in ((db_path.parent, db_path.name), (backups_dir(db_path), db_path.stem)):
        try:
            entries = [e for e in folder.iterdir() if e.name.startswith((prefix, "." + prefix))]
        except OSError:
            continue
        for entry in entries:
            if not _stale(entry, now):
                continue
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass  # held open (Windows) or read-only: next time
    return removed
