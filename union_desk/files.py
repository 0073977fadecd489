"""Atomic file writing shared by the ledgers (.xlsx) and the printouts (.pdf).

The new file is written to a temporary file in the target's folder and renamed over the target
with `os.replace`, so a crash or an error leaves the old file whole and no temporary behind.
A target held open by another program (Windows refuses the rename with PermissionError) becomes
FileInUseError with the caller's message for the user.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from union_desk.errors import FileInUseError, UnionDeskError


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
