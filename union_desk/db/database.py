"""Opening the SQLite file safely.

Before anything writes to a file we look at it read-only: is it a SQLite database at all, is it a
Union Desk file, does it pass `quick_check`, which schema version is stored in it. Only SQLite's
corrupt / not-a-database errors mean "damaged"; a locked, unreadable or unreachable file is
"cannot open now" and never leads to a restore offer. A file from a newer version of the program
or from another program is refused and left byte-for-byte untouched; an older one is backed up
and upgraded. A new data file is built under a temporary name and renamed into place, so only a
path that does not exist yet becomes a new database. A file on read-only media opens read-only.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from urllib.parse import quote

import peewee
from peewee import SqliteDatabase

from union_desk.db import leftovers, migrations
from union_desk.db.models import database_proxy
from union_desk.errors import (
    CorruptDatabaseError,
    DataFolderError,
    DatabaseFileError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    os_error_reason,
    sqlite_error_code,
)

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
    "cache_size": -16000,
}
# WAL needs shared memory that network file systems do not provide reliably.
NETWORK_PRAGMAS = {**PRAGMAS, "journal_mode": "delete"}
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000, "cache_size": -16000}
# Tables every Union Desk file has had since schema version 1: their absence means "not ours".
OUR_TABLES = frozenset({"setting", "audit_log", "member", "visit", "visit_type", "plan_item"})
_DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700

NETWORK_WARNING = "数据文件在网络位置上。网络中断可能损坏数据，建议把数据文件放在本机磁盘上。"
READ_ONLY_WARNING = "数据文件是只读的（只读文件、写保护的U盘或只读共享），现在只能查看、导出和打印，不能修改。"


class UnionDatabase(SqliteDatabase):
    """A peewee database that knows its file, whether it is read-only, and what to warn about."""

    def __init__(self, path: Path, target: str, *, read_only: bool = False, network: bool = False, **kwargs):
        super().__init__(target, **kwargs)
        self.path = Path(path)
        self.read_only = read_only
        self.network = network
        self.warnings: list[str] = []


@dataclass(frozen=True)
class FileState:
    exists: bool
    schema_version: int


# --- paths and URIs -------------------------------------------------------------------------------


def sqlite_uri(path, *, windows: bool | None = None, **params) -> str:
    """A `file:` URI for SQLite that works for POSIX, drive-letter and UNC paths.

    `Path.as_uri()` makes `file://server/share/...` for a UNC path, which SQLite refuses
    ("invalid uri authority"). SQLite wants an empty authority: `file:///C:/x.sqlite`,
    `file:////server/share/x.sqlite`. `?`, `#` and `%` in names must be percent-encoded.
    """
    windows = sys.platform == "win32" if windows is None else windows
    if windows:
        text = str(PureWindowsPath(path)).replace("\\", "/")
        if text.startswith("//"):  # UNC: //server/share/... -> ////server/share/...
            uri_path = "//" + text
        else:  # C:/x -> /C:/x
            uri_path = "/" + text if not text.startswith("/") else text
    else:
        uri_path = str(Path(path).absolute())
    uri = "file:" + ("//" if not uri_path.startswith("//") else "") + quote(uri_path, safe="/:")
    if params:
        uri += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return uri


def is_network_path(path, *, windows: bool | None = None, drive_type=None) -> bool:
    """True for a UNC path or a mapped network drive (Windows); NFS/SMB mounts are not detected."""
    windows = sys.platform == "win32" if windows is None else windows
    if not windows:
        return False
    text = str(PureWindowsPath(path))
    if text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return True
    drive = PureWindowsPath(text).drive
    if len(drive) == 2 and drive[1] == ":":
        get_type = drive_type or _windows_drive_type
        return get_type(drive + "\\") == 4  # DRIVE_REMOTE
    return False


def _windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only (tests pass drive_type)
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root)


# --- looking at a file without changing it ------------------------------------------------------


def ensure_data_folder(folder: Path) -> None:
    """Create the folder if needed (private to the user) and prove it is writable."""
    try:
        if not folder.exists():
            folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    except OSError as exc:
        raise DataFolderError(f"无法创建数据文件夹：{folder}\n原因：{os_error_reason(exc)}") from exc
    if not folder.is_dir():
        raise DataFolderError(f"数据文件夹路径不是文件夹：{folder}")
    problem = _folder_write_problem(folder)
    if problem is not None:
        if problem.errno == errno.EROFS:
            raise DataFolderError(
                f"数据文件夹是只读的（例如写保护的U盘、光盘或只读共享），不能修改数据：{folder}\n"
                "查看、导出和打印仍然可以使用；要修改数据，请把数据文件复制到可以写入的位置。"
            )
        raise DataFolderError(
            f"数据文件夹没有写入权限：{folder}\n原因：{os_error_reason(problem)}\n"
            "请换一个位置（--db 参数）或联系管理员。"
        )


def _folder_write_problem(folder: Path) -> OSError | None:
    probe = folder / f".union_desk_write_test_{os.getpid()}"
    try:
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        return exc
    return None


def folder_is_writable(folder: Path) -> bool:
    return _folder_write_problem(folder) is None


_SHARING_VIOLATIONS = (32, 33)  # Windows: the file is open in another program that refuses sharing


def file_is_writable(path: Path) -> bool:
    """Can the data file and its companions (-wal, -shm, journal) be written? Changes nothing.

    A file held by another program is not "read-only": that is "cannot open now".
    """
    try:
        with open(path, "r+b"):
            pass
    except OSError as exc:
        if getattr(exc, "winerror", None) in _SHARING_VIOLATIONS:
            raise _cannot_open_now(path, os_error_reason(exc)) from exc
        return False
    return folder_is_writable(path.parent)


def _cannot_open_now(path: Path, reason: str) -> DatabaseUnavailableError:
    return DatabaseUnavailableError(
        f"现在无法打开数据文件：{path}\n原因：{reason}\n"
        "文件没有被改动。请关闭可能占用它的程序（或检查权限、网络连接）后重试。"
    )


def classify_sqlite_error(exc: Exception, path: Path) -> DatabaseFileError:
    """Corrupt / not-a-database means damaged (a restore may be offered); all else is 'not now'."""
    if sqlite_error_code(exc) in _DAMAGED_CODES:
        return CorruptDatabaseError(f"数据库文件已损坏，无法打开：{path}\n（{exc}）", can_restore=True)
    return _cannot_open_now(path, str(exc))


def _wal_pending(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _read_header(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(100)


def inspect_file(path: Path) -> FileState:
    """Look at a database file without changing it; raise a DatabaseFileError if it is unusable."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except (FileNotFoundError, NotADirectoryError):
        return FileState(exists=False, schema_version=0)
    except OSError as exc:
        raise _cannot_open_now(path, os_error_reason(exc)) from exc
    if path.is_dir():
        raise NotADatabaseError(f"这是一个文件夹，不是工会工作台的数据文件：{path}")
    if size == 0:
        raise CorruptDatabaseError(
            f"数据文件已损坏：文件是空的（0 字节），可能在写入时被中断：{path}\n文件没有被改动。", can_restore=True
        )
    try:
        header = _read_header(path)
    except OSError as exc:
        raise _cannot_open_now(path, os_error_reason(exc)) from exc
    if not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(
            f"这个文件不是工会工作台的数据库：{path}\n文件没有被改动。", can_restore=True
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if len(header) < 100 or (page_size and size % page_size):
        raise CorruptDatabaseError(f"数据文件已损坏：内容不完整（被截断），无法打开：{path}\n文件没有被改动。", can_restore=True)
    version, result, tables = _read_facts(path)
    if result != "ok":
        raise CorruptDatabaseError(f"数据库文件完整性检查未通过：{path}\n（{result}）", can_restore=True)
    if version < 1 or not OUR_TABLES <= tables:
        raise ForeignDatabaseError(
            f"这个文件是 SQLite 数据库，但不是工会工作台的数据文件（可能属于其他程序，或是空数据库）：{path}\n"
            "为保护它，文件没有被改动。请用 --db 指定工会工作台的数据文件，或指定一个还不存在的文件名来新建。"
        )
    if version > migrations.SCHEMA_VERSION:
        raise NewerSchemaError(
            f"这个数据文件由更新版本的工会工作台创建（数据版本 {version}，本程序支持 "
            f"{migrations.SCHEMA_VERSION}）。\n为保护数据，文件未做任何改动，请升级程序后再打开。"
        )
    return FileState(exists=True, schema_version=version)


def _read_facts(path: Path) -> tuple[int, str, set[str]]:
    """user_version, quick_check and table names, read without creating -wal/-shm when possible."""
    # With no pending WAL the file is opened as immutable: SQLite then creates no companions, so
    # even a refused file gains none. Pending WAL content must be read through them.
    mode = {"mode": "ro"} if _wal_pending(path) else {"immutable": 1}
    try:
        conn = sqlite3.connect(sqlite_uri(path, **mode), uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise classify_sqlite_error(exc, path) from exc
    return version, result, tables


# --- opening ---------------------------------------------------------------------------------------


def connect(path: Path, *, read_only: bool = False, network: bool | None = None) -> UnionDatabase:
    """Open `path` with our pragmas and bind the models to it (no checks, no upgrades)."""
    path = Path(path)
    network = is_network_path(path) if network is None else network
    if read_only:
        mode = {"mode": "ro"} if _wal_pending(path) else {"immutable": 1}
        db = UnionDatabase(
            path, sqlite_uri(path, **mode), read_only=True, network=network,
            pragmas=READ_ONLY_PRAGMAS, check_same_thread=False, uri=True,
        )
    else:
        db = UnionDatabase(
            path, str(path), network=network,
            pragmas=NETWORK_PRAGMAS if network else PRAGMAS, check_same_thread=False,
        )
    db.connect(reuse_if_open=True)
    database_proxy.initialize(db)
    if network:
        db.warnings.append(NETWORK_WARNING)
    if read_only:
        db.warnings.append(READ_ONLY_WARNING)
    return db


def _no_clobber_rename(source: Path, target: Path) -> bool:
    """Rename unless the target exists (then leave both and return False)."""
    if sys.platform == "win32":
        try:
            os.rename(source, target)  # never replaces on Windows
        except FileExistsError:
            return False
        return True
    try:
        os.link(source, target)
    except FileExistsError:
        return False
    except OSError:  # no hard links here (FAT on a USB stick): best effort
        if target.exists():
            return False
        os.rename(source, target)
        return True
    source.unlink()
    return True


def create_new(path: Path) -> None:
    """Build a new data file under a temporary name, then rename it into place.

    A crash while the first schema is written leaves only a temporary file (cleaned later), never
    a half-made or empty data file that the next start would take for a damaged one.
    """
    temp = leftovers.temp_name(path, "creating")
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
        db = UnionDatabase(temp, str(temp), pragmas={**PRAGMAS, "journal_mode": "delete"})
        db.connect()
        database_proxy.initialize(db)
        try:
            migrations.upgrade(db)
        finally:
            db.close()
        _no_clobber_rename(temp, path)  # another process created it first: theirs is used
    except OSError as exc:
        raise DataFolderError(f"无法创建数据文件：{path}\n原因：{os_error_reason(exc)}") from exc
    except sqlite3.Error as exc:
        raise DataFolderError(f"无法创建数据文件：{path}\n原因：{exc}") from exc
    finally:
        if temp.exists():
            try:
                temp.unlink()
            except OSError:
                pass


def open_database(path: Path, *, backup_before_upgrade=None) -> UnionDatabase:
    """Check, open and (after a backup) upgrade the database at `path`.

    `backup_before_upgrade(path)` is called before any upgrade step touches an existing file; if
    it raises, the upgrade does not run and the file stays as it was. A file that cannot be
    written (read-only file or medium) is opened read-only, without upgrades.
    """
    path = Path(path)
    state = inspect_file(path)
    if not state.exists:
        ensure_data_folder(path.parent)
        create_new(path)
        state = inspect_file(path)
    if not file_is_writable(path):
        if state.schema_version < migrations.SCHEMA_VERSION:
            raise DatabaseUnavailableError(
                f"数据文件是只读的，而且来自较旧的版本，需要升级后才能使用：{path}\n"
                "请把它复制到可以写入的位置后再打开。文件没有被改动。"
            )
        return connect(path, read_only=True)
    leftovers.clean_leftovers(path)
    if state.schema_version < migrations.SCHEMA_VERSION and backup_before_upgrade:
        backup_before_upgrade(path)
    try:
        db = connect(path)
    except (sqlite3.Error, peewee.DatabaseError) as exc:
        raise classify_sqlite_error(exc, path) from exc
    try:
        migrations.upgrade(db)
    except Exception:
        db.close()
        raise
    return db


def close_database() -> None:
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        # Fold the WAL back into the main file so a copy of the .sqlite alone is complete.
        if not getattr(db, "read_only", False):
            try:
                db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # noqa: BLE001 - closing must not fail because of a checkpoint
                pass
        db.close()


def current_database() -> UnionDatabase:
    db = database_proxy.obj
    if db is None:
        raise RuntimeError("database not opened")
    return db


def database_path() -> Path:
    return current_database().path


def checkpoint_file(path: Path) -> None:
    """Fold a closed file's WAL into it (before it is replaced); a failure leaves things as they are."""
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass
