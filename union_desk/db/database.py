"""Opening the SQLite file safely.

Before anything writes to a file we look at it read-only: is it a SQLite database at all, does it
pass `quick_check`, which schema version is stored in it. A file from a newer version of the
program is refused and left byte-for-byte untouched; an older one is backed up and upgraded.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from union_desk.db import migrations
from union_desk.db.models import database_proxy
from union_desk.errors import (
    CorruptDatabaseError,
    DataFolderError,
    NewerSchemaError,
    NotADatabaseError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
    "cache_size": -16000,
}


@dataclass(frozen=True)
class FileState:
    exists: bool
    schema_version: int


def ensure_data_folder(folder: Path) -> None:
    """Create the folder if needed and prove it is writable; raise DataFolderError otherwise."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(f"无法创建数据文件夹：{folder}\n原因：{exc.strerror or exc}") from exc
    if not folder.is_dir():
        raise DataFolderError(f"数据文件夹路径不是文件夹：{folder}")
    probe = folder / f".union_desk_write_test_{os.getpid()}"
    try:
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise DataFolderError(
            f"数据文件夹没有写入权限：{folder}\n请换一个位置（--db 参数）或联系管理员。"
        ) from exc


def inspect_file(path: Path) -> FileState:
    """Look at a database file without changing it."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=False, schema_version=0)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotADatabaseError(f"无法读取数据文件：{path}\n原因：{exc.strerror or exc}") from exc
    if header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"这个文件不是工会工作台的数据库：{path}\n文件没有被改动。", can_restore=True
        )
    # With no pending WAL, look at the file as immutable: SQLite then creates no -wal/-shm files,
    # so even a refused file gains no companions. Pending WAL content must be read through them.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() and wal.stat().st_size > 0 else "immutable=1"
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(
            f"数据库文件已损坏，无法打开：{path}\n（{exc}）", can_restore=True
        ) from exc
    if result != "ok":
        raise CorruptDatabaseError(
            f"数据库文件完整性检查未通过：{path}\n（{result}）", can_restore=True
        )
    if version > migrations.SCHEMA_VERSION:
        raise NewerSchemaError(
            f"这个数据文件由更新版本的工会工作台创建（数据版本 {version}，本程序支持 "
            f"{migrations.SCHEMA_VERSION}）。\n为保护数据，文件未做任何改动，请升级程序后再打开。"
        )
    return FileState(exists=True, schema_version=version)


def connect(path: Path) -> SqliteDatabase:
    """Open `path` with our pragmas and bind the models to it (no checks, no upgrades)."""
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.connect(reuse_if_open=True)
    database_proxy.initialize(db)
    return db


def open_database(path: Path, *, backup_before_upgrade=None) -> SqliteDatabase:
    """Check, open and (after a backup) upgrade the database at `path`.

    `backup_before_upgrade(path)` is called before any upgrade step touches an existing file.
    """
    path = Path(path)
    ensure_data_folder(path.parent)
    state = inspect_file(path)
    if state.exists and state.schema_version < migrations.SCHEMA_VERSION and backup_before_upgrade:
        backup_before_upgrade(path)
    db = connect(path)
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
        try:
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:  # noqa: BLE001 - closing must not fail because of a checkpoint
            pass
        db.close()


def current_database() -> SqliteDatabase:
    db = database_proxy.obj
    if db is None:
        raise RuntimeError("database not opened")
    return db


def database_path() -> Path:
    return Path(current_database().database)
