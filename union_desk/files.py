"""Atomic file writing shared by the ledgers (.xlsx) and the printouts (.pdf).

The new file is written to a temporary file in the target's folder and renamed over the target
with `os.replace`, so a crash or an error leaves the old file whole and no temporary behind.
A target held open by another program (Windows refuses the rename with PermissionError) becomes
FileInUseError with the caller's message for the user.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from union_desk.errors import FileInUseError, UnionDeskError
from union_desk.faults import kill_point


# Antivirus, OneDrive and the Windows search indexer hold a new file for a moment; a rename that
# fails with PermissionError is tried again after these pauses before we tell the user.
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)


def replace_with_retry(source: Path, target: Path, *, delays=RETRY_DELAYS, sleep=time.sleep) -> None:
    """`os.replace(source, target)`, retried a few times while the OS says the file is in use.

    PermissionError (Windows: sharing violation / access denied) is retried; the last one is
    raised. Other OSErrors (disk full, read-only medium, name too long) are raised at once.
    """
    for delay in (*delays, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if delay is None:
                raise
            sleep(delay)


def write_atomically(target: Path, write: Callable[[Path], object], *, write_failed: str, in_use_message: str) -> Path:
    """Call `write(tmp_path)` to produce the file, then rename it over `target` (already checked).

    An OSError while writing becomes UnionDeskError('<write_failed>：<reason>'); PermissionError
    on the rename becomes FileInUseError(in_use_message). Other errors of `write` pass through.
    """
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".~{target.stem}.", suffix=".tmp", dir=folder)
    except PermissionError as exc:
        raise UnionDeskError(f"没有权限在文件夹“{folder}”中写入文件，请换一个位置保存。") from exc
    except OSError as exc:
        raise UnionDeskError(f"无法在文件夹“{folder}”中写入文件：{exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            write(tmp)
        except OSError as exc:
            raise UnionDeskError(f"{write_failed}：{exc.strerror or exc}") from exc
        kill_point("export.written")
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            raise FileInUseError(in_use_message) from exc
        except OSError as exc:
            raise UnionDeskError(f"保存文件“{target.name}”失败：{exc.strerror or exc}") from exc
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass
    return target
