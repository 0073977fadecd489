"""Atomic file writing shared by the ledgers (.xlsx) and the printouts (.pdf).

The new file is written to a temporary file `.~<stem>.<random>.tmp` in the target's folder and
renamed over the target, so a crash or an error leaves the old file whole. Windows realities:

- the writer gets a file object we own and close, and only then is a failed temporary file
  removed: Windows refuses to delete a file that is still open (openpyxl and ReportLab keep the
  file open when they fail halfway if they opened it themselves);
- antivirus, OneDrive and the search indexer hold a new file for a moment, so the rename is
  retried (`replace_with_retry`); a rename still refused then is a read-only target
  (ValidationError, exit 2: the user must pick another name or clear the attribute, closing
  programs will not help) or a file open in another program (FileInUseError, exit 8);
- a temporary file left by a killed export is removed by the next export into that folder
  (`remove_leftovers`), once it is old enough not to belong to an export still running.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from union_desk.errors import FileInUseError, UnionDeskError, ValidationError, os_error_reason
from union_desk.faults import kill_point

# Antivirus, OneDrive and the Windows search indexer hold a new file for a moment; a rename that
# fails with PermissionError is tried again after these pauses before we tell the user.
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)

TEMP_PREFIX = ".~"
TEMP_SUFFIX = ".tmp"
TEMP_STEM_CHARS = 32  # of the target's stem in the temporary name (which must not be too long)
# mkstemp's names: prefix + 8 characters of [a-z0-9_] + suffix.
_TEMP_NAME = re.compile(r"\A\.~.+\.[a-z0-9_]{8}\.tmp\Z", re.DOTALL)
STALE_TEMP_AGE = 60.0  # seconds untouched before a temporary file counts as left over

MAX_NAME = 255  # a file name: bytes on Linux/macOS, UTF-16 units on Windows
WINDOWS_MAX_PATH = 259  # MAX_PATH (260) less the closing NUL; Excel and Explorer keep to it


def replace_with_retry(source: Path, target: Path, *, delays: Sequence[float] | None = None, sleep=None) -> None:
    """`os.replace(source, target)`, retried a few times while the OS says the file is in use.

    PermissionError (Windows: sharing violation / access denied) is retried after each of
    `delays` (default RETRY_DELAYS); the last one is raised. Other OSErrors (disk full, read-only
    medium, name too long) are raised at once.
    """
    delays = RETRY_DELAYS if delays is None else delays
    sleep = time.sleep if sleep is None else sleep
    for delay in (*delays, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if delay is None:
                raise
            sleep(delay)


# --- checking an output path --------------------------------------------------------------------


def _folder(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def _shown(name: str) -> str:
    """A file name short enough for a message."""
    return name if len(name) <= 60 else f"{name[:40]}…{name[-15:]}"


def _temp_prefix(target: Path) -> str:
    return f"{TEMP_PREFIX}{target.stem[:TEMP_STEM_CHARS]}."


def too_long_message(target: Path) -> str:
    return f"文件名或路径太长：“{_shown(target.name)}”。请换一个短一些的文件名，或保存到层级浅一些的文件夹。"


def read_only_message(target: Path) -> str:
    return f"文件“{_shown(target.name)}”是只读的，不能覆盖。请换一个文件名，或去掉该文件的只读属性后重试。"


def name_too_long(target: Path, *, windows: bool = os.name == "nt") -> bool:
    """Whether `target` or its temporary file would have a name or path the OS refuses."""
    temp = _folder(target) / f"{_temp_prefix(target)}xxxxxxxx{TEMP_SUFFIX}"
    names = [*target.parts, temp.name]
    if windows:
        longest = max(len(os.path.abspath(target)), len(os.path.abspath(temp)))
        return longest > WINDOWS_MAX_PATH or any(len(n) > MAX_NAME for n in names)
    return any(len(os.fsencode(n)) > MAX_NAME for n in names)


def is_read_only(path: Path) -> bool:
    """The file carries the read-only flag (Windows attribute; elsewhere, no owner write bit)."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat_is_read_only(info)


def stat_is_read_only(info) -> bool:
    attributes = getattr(info, "st_file_attributes", None)
    if attributes is not None:
        return bool(attributes & stat.FILE_ATTRIBUTE_READONLY)
    return not info.st_mode & stat.S_IWRITE


def check_output_path(target: Path) -> Path:
    """Refuse, before any work is done, a file that cannot be written where the user asked:
    a name or path too long, a folder in its place, a missing folder, a read-only file, a folder
    where no file can be created (no permission, read-only medium). ValidationError, exit 2.
    """
    target = Path(target)
    if name_too_long(target):
        raise ValidationError(too_long_message(target), field="path")
    folder = _folder(target)
    try:
        if target.is_dir():
            raise ValidationError(f"“{target}”是一个文件夹，请给出文件名。", field="path")
        if not folder.is_dir():
            raise ValidationError(f"文件夹不存在：{folder}", field="path")
    except OSError as exc:
        raise _path_error(target, exc) from exc
    if is_read_only(target):
        raise ValidationError(read_only_message(target), field="path")
    fd, probe = _make_temp(target)  # can a file be created there at all?
    os.close(fd)
    _remove_quietly(Path(probe))
    return target


def _path_error(target: Path, exc: OSError) -> ValidationError:
    if exc.errno == errno.ENAMETOOLONG or getattr(exc, "winerror", None) == 206:
        return ValidationError(too_long_message(target), field="path")
    return ValidationError(f"无法在“{_folder(target)}”中保存文件“{_shown(target.name)}”：{os_error_reason(exc)}。", field="path")


def _make_temp(target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=_temp_prefix(target), suffix=TEMP_SUFFIX, dir=_folder(target))
    except PermissionError as exc:
        raise ValidationError(
            f"没有权限在文件夹“{_folder(target)}”中保存文件“{_shown(target.name)}”，请换一个位置保存。", field="path"
        ) from exc
    except OSError as exc:
        raise _path_error(target, exc) from exc


# --- leftovers ----------------------------------------------------------------------------------


def is_temp_name(name: str) -> bool:
    """Whether `name` is one of our temporary files (`.~<stem>.<8 random>.tmp`)."""
    return bool(_TEMP_NAME.match(name))


def remove_leftovers(folder: Path, *, older_than: float = STALE_TEMP_AGE, now: float | None = None) -> list[Path]:
    """Remove the temporary files a killed export left in `folder`: our names only, regular
    files only, and only those untouched for `older_than` seconds (a younger one may be an
    export still running). Files that cannot be removed now are left for next time."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = [e for e in os.scandir(folder) if is_temp_name(e.name)]
    except OSError:
        return removed
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < older_than:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _remove_quietly(path: Path) -> None:
    """Delete a temporary file; a brief hold (antivirus) is waited out, anything else ignored
    (the next export into the folder removes it)."""
    for delay in (*RETRY_DELAYS[:3], None):
        try:
            os.unlink(path)
            return
        except FileNotFoundError:
            return
        except PermissionError:
            if delay is None:
                return
            time.sleep(delay)
        except OSError:
            return


# --- writing ------------------------------------------------------------------------------------


def write_atomically(target: Path, write: Callable[[BinaryIO], object], *, write_failed: str, in_use_message: str) -> Path:
    """Call `write(file)` with the temporary file open for binary writing, then rename it over
    `target` (already checked with `check_output_path`).

    `write` must write to the file object it is given (ZipFile, ReportLab canvases and doc
    templates accept one) and not open the path itself: the file is closed here, also when
    `write` fails, before the temporary file is removed.

    An OSError while writing becomes UnionDeskError('<write_failed>：<reason>'); a rename refused
    after the retries becomes ValidationError (read-only target) or FileInUseError
    (in_use_message). Other errors of `write` pass through. Old leftovers in the folder go first.
    """
    target = Path(target)
    remove_leftovers(_folder(target))
    fd, tmp_name = _make_temp(target)
    tmp = Path(tmp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
        except OSError as exc:
            raise UnionDeskError(f"{write_failed}（{_shown(target.name)}）：{os_error_reason(exc)}") from exc
        kill_point("export.written")
        _rename_into_place(tmp, target, in_use_message)
    except BaseException:
        _remove_quietly(tmp)
        raise
    return target


def _rename_into_place(tmp: Path, target: Path, in_use_message: str) -> None:
    try:
        replace_with_retry(tmp, target)
    except PermissionError as exc:
        if is_read_only(target):
            raise ValidationError(read_only_message(target), field="path") from exc
        raise FileInUseError(in_use_message) from exc
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise ValidationError(too_long_message(target), field="path") from exc
        raise UnionDeskError(f"保存文件“{_shown(target.name)}”失败：{os_error_reason(exc)}") from exc
