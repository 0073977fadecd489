"""Errors that carry a message for the user (in Chinese, the data language).

Everything below `ui/` raises these; the GUI shows `.message` in a dialog and the CLI prints it
and exits with `.exit_code`.
"""


class UnionDeskError(Exception):
    """Base class: `message` is shown to the user as it is."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(UnionDeskError):
    """Bad input in a form, a CLI flag or a file. `field` names the offending input, if any."""

    exit_code = 2

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFoundError(UnionDeskError):
    exit_code = 3


class DataFolderError(UnionDeskError):
    exit_code = 4


class DatabaseFileError(UnionDeskError):
    """The database file cannot be used as it is (not a database, corrupted, newer version).

    `can_restore` says whether offering a restore from the newest good backup makes sense.
    """

    exit_code = 5

    def __init__(self, message: str, can_restore: bool = False):
        super().__init__(message)
        self.can_restore = can_restore


class NewerSchemaError(DatabaseFileError):
    pass


class NotADatabaseError(DatabaseFileError):
    pass


class CorruptDatabaseError(DatabaseFileError):
    pass


class InstanceLockedError(UnionDeskError):
    exit_code = 6


class BackupError(UnionDeskError):
    exit_code = 7


class FileInUseError(UnionDeskError):
    """An output file is held open by another program (typically Excel on Windows)."""

    exit_code = 8


class DatabaseUnavailableError(DatabaseFileError):
    """The file is fine as far as we know but cannot be opened now (locked, no permission, I/O).

    Never leads to a restore offer: yesterday's backup must not replace good data.
    """


class ForeignDatabaseError(NotADatabaseError):
    """A SQLite file that is not a Union Desk data file (another program's, or an empty one)."""


class DataWriteError(DataFolderError):
    """Writing the data file failed: read-only file or medium, disk full, no permission."""


_ERRNO_REASONS = {
    "ENOSPC": "磁盘空间已满",
    "EROFS": "所在位置是只读的（例如写保护的U盘、光盘或只读共享）",
    "EACCES": "没有权限（文件是只读的，或被其他程序、杀毒软件占用）",
    "EPERM": "没有权限（文件是只读的，或被其他程序、杀毒软件占用）",
    "ENAMETOOLONG": "文件名或路径太长",
    "ENOENT": "找不到文件或文件夹",
    "ENOTDIR": "路径中的某一级不是文件夹",
    "EISDIR": "这是一个文件夹，不是文件",
    "EEXIST": "文件已存在",
    "EBUSY": "文件正被其他程序占用",
    "EIO": "读写设备出错（磁盘或U盘可能有问题）",
}
# Windows error numbers that arrive as OSError.winerror.
_WINERROR_REASONS = {
    32: "文件正被其他程序占用（例如 Excel、WPS 或杀毒软件）",
    33: "文件的一部分被其他程序锁定",
    5: "没有权限（文件是只读的，或被其他程序、杀毒软件占用）",
    112: "磁盘空间已满",
    206: "文件名或路径太长",
    19: "所在位置是只读的（写保护）",
}


def os_error_reason(exc: OSError) -> str:
    """A Chinese reason for an OSError (errno or Windows error), falling back to the OS text."""
    import errno

    winerror = getattr(exc, "winerror", None)
    if winerror in _WINERROR_REASONS:
        return _WINERROR_REASONS[winerror]
    name = errno.errorcode.get(exc.errno or 0, "")
    return _ERRNO_REASONS.get(name) or (exc.strerror or str(exc))


def sqlite_error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of an error, also through peewee's re-raised wrapper."""
    # peewee re-raises sqlite3 errors as its own classes with the original as the first argument.
    original = next((a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)), exc)
    code = getattr(original, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def sqlite_error_to_user(exc: BaseException) -> UnionDeskError | None:
    """Map a SQLite error raised while reading or writing the data file to a message for the user.

    The error's context is looked at too: a failed COMMIT on a full disk surfaces as "cannot
    rollback" from the clean-up that follows it. Returns None for errors that are not about the
    file (programming errors stay unexpected).
    """
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        mapped = _one_sqlite_error_to_user(exc)
        if mapped is not None:
            return mapped
        exc = exc.__cause__ or exc.__context__
    return None


def _one_sqlite_error_to_user(exc: BaseException) -> UnionDeskError | None:
    code = sqlite_error_code(exc)
    text = str(exc).lower()
    if code == 8 or "readonly" in text or "read-only" in text:  # SQLITE_READONLY
        return DataWriteError(
            "数据文件是只读的（只读文件、写保护的U盘或只读共享），不能修改数据。"
            "\n这次的修改没有保存；查看、导出和打印仍然可以使用。"
        )
    if code == 13 or "disk is full" in text or "database or disk is full" in text:  # SQLITE_FULL
        return DataWriteError("磁盘空间已满，这次的修改没有保存，数据保持原样。\n请清理磁盘后重试。")
    if code in (5, 6) or "database is locked" in text:  # SQLITE_BUSY / SQLITE_LOCKED
        return InstanceLockedError("数据文件正被另一个程序使用（锁定），这次的修改没有保存。请稍后重试。")
    if code == 10 or "disk i/o error" in text:  # SQLITE_IOERR
        return DataWriteError("读写数据文件时出错（磁盘、U盘或网络位置可能有问题），这次的修改没有保存。")
    if code in (11, 26) or "malformed" in text:  # SQLITE_CORRUPT / SQLITE_NOTADB
        return CorruptDatabaseError("数据文件已损坏，这次的修改没有保存。请关闭程序后重新打开，按提示从备份恢复。")
    return None
