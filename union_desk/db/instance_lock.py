"""One running instance per database file, with an OS file lock on `<db>.lock`.

The lock is released by the OS when the process ends, even after a crash, so a stale lock file
never blocks the next start. Works on Windows (msvcrt) and POSIX (fcntl).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from union_desk.errors import DataFolderError, InstanceLockedError, os_error_reason


class InstanceLock:
    def __init__(self, db_path: Path):
        self.path = Path(db_path).with_name(Path(db_path).name + ".lock")
        self._fh = None

    def acquire(self) -> None:
        try:
            fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the life of the lock
        except OSError as exc:
            raise DataFolderError(
                f"无法在数据文件夹中创建锁文件：{self.path}\n原因：{os_error_reason(exc)}\n"
                "请检查数据文件夹是否可以写入（不是只读的U盘或共享），或用 --db 换一个位置。"
            ) from exc
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            fh.close()
            raise InstanceLockedError(
                f"这个数据文件已在另一个工会工作台窗口中打开：\n{self.path.with_suffix('')}\n"
                "请切换到已打开的窗口；同一份数据同时只能打开一次。"
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            if sys.platform == "win32":
                import msvcrt

                self._fh.seek(0)
                msvcrt.locking(self._fh.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
        finally:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
