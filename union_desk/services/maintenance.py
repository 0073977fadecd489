"""Opening a database for use, health checks, record counts and backups, shared by GUI and CLI."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from union_desk import config
from union_desk.db import backup, database, leftovers, migrations
from union_desk.errors import BackupError, DataFolderError, DatabaseFileError, os_error_reason
from union_desk.paths import backups_dir
from union_desk.db.models import AuditLog


def counted() -> list[tuple[str, object]]:
    """What `check` counts: each area's records (union_desk.areas), then the audit log."""
    from union_desk import areas

    return [*areas.check_counts(), ("修改记录", AuditLog)]


def open_for_use(db_path: Path, *, auto_backup: bool = True):
    """Open (creating or upgrading) the database; make the daily automatic backup.

    Only the backup before a schema upgrade is required. A failed daily backup does not stop
    the work: it becomes a warning in `db.warnings` (shown on 首页, the status bar, CLI stderr).
    A read-only file gets no automatic backup.
    """

    def backup_first(path: Path) -> None:
        backup.make_backup(path, "pre-upgrade")

    db = database.open_database(db_path, backup_before_upgrade=backup_first)
    if auto_backup and not db.read_only:
        try:
            info = backup.auto_backup_if_due(Path(db_path))
        except BackupError as exc:
            db.warnings.append(f"今天的自动备份没有成功：{exc.message.splitlines()[0]}\n数据文件已正常打开。")
        else:
            warning = copy_to_second_place(Path(db_path), info) if info else None
            if warning:
                db.warnings.append(warning)
    return db


# --- backups outside the data folder ---------------------------------------------------------------

OUTSIDE_BACKUP_MAX_DAYS = 7


def copy_to_second_place(db_path: Path, info: backup.BackupInfo, now: dt.datetime | None = None) -> str | None:
    """Copy a made backup to 设置 → 备份位置 too; return a warning, or None.

    No place set: nothing. The place missing (a USB stick not plugged in): skipped silently, the
    day remembered in the config. A failed copy is a warning, never a stop.
    """
    folder = config.second_backup_dir()
    if folder is None:
        return None
    try:
        if not folder.is_dir():
            config.record_second_place_missed(db_path, now or dt.datetime.now())
            return None
        copy = backup.copy_to_place(info, folder)
        backup.rotate_place(db_path, folder)
        config.record_outside_backup(db_path, copy.taken_at)
    except (BackupError, DataFolderError) as exc:
        return f"备份没有复制到备份位置 {folder}：{exc.message.splitlines()[0]}\n数据文件和本机备份都正常。"
    except OSError as exc:
        return f"备份没有复制到备份位置 {folder}：{os_error_reason(exc)}\n数据文件和本机备份都正常。"
    return None


def is_outside_data_folder(folder: Path, db_path: Path) -> bool:
    folder, home = Path(folder).resolve(), Path(db_path).parent.resolve()
    return folder != home and home not in folder.parents


def backup_to(db_path: Path, folder: Path) -> backup.BackupInfo:
    """文件 → 备份到…: a verified backup in `backups/` and a verified copy of it in `folder`."""
    folder = Path(folder)
    info = backup.make_backup(db_path, "manual")
    backup.rotate(db_path)
    copy = backup.copy_to_place(info, folder)
    if is_outside_data_folder(folder, db_path):
        try:
            config.record_outside_backup(db_path, copy.taken_at)
        except DataFolderError:
            pass  # the copy is made; only the 首页 reminder may come too early
    return copy


def last_outside_backup(db_path: Path) -> dt.datetime | None:
    """The newest backup known outside the data folder (config record or the second place)."""
    times = [config.last_outside_backup(db_path)]
    folder = config.second_backup_dir()
    if folder is not None and folder.is_dir() and is_outside_data_folder(folder, db_path):
        found = backup.list_backups_in(db_path, folder)
        times.append(found[0].taken_at if found else None)
    known = [t for t in times if t is not None]
    return max(known) if known else None


def outside_backup_warning(db_path: Path, today: dt.date | None = None) -> str | None:
    """首页's reminder: no backup outside the data folder for a week (or never)."""
    today = today or dt.date.today()
    last = last_outside_backup(db_path)
    if last is not None and (today - last.date()).days <= OUTSIDE_BACKUP_MAX_DAYS:
        return None
    if last is None:
        text = "还没有在数据文件夹以外保存过备份。"
    else:
        text = f"最近一次数据文件夹以外的备份是 {(today - last.date()).days} 天前（{last:%Y-%m-%d}）。"
    folder = config.second_backup_dir()
    if folder is None:
        return text + "电脑的硬盘坏了或被还原，备份会和数据一起丢失：请在 设置 → 备份位置 选一个U盘或其他磁盘，或用 文件 → 备份到…。"
    missed = config.second_place_missed(db_path)
    where = f"备份位置 {folder} 不在（U 盘没有插上？）" if missed and not folder.is_dir() else f"备份位置：{folder}"
    return text + where + "。插上后用 文件 → 立即备份 或 文件 → 备份到…。"


# --- moving the data file (设置 → 移动数据文件) ------------------------------------------------------


def move_data_file(db_path: Path, target_folder: Path) -> Path:
    """Copy the (closed) data file and its `backups/` into `target_folder`, verified; return the new path.

    The original file and its backups are left untouched. The caller switches the config and
    reopens. Any failure removes what was copied and raises a UnionDeskError.
    """
    db_path, target_folder = Path(db_path), Path(target_folder)
    new_path = target_folder / db_path.name
    if target_folder.absolute() == db_path.parent.absolute():
        raise DataFolderError(f"数据文件已经在这个文件夹里：{target_folder}")
    if new_path.exists():
        raise DataFolderError(
            f"目标文件夹里已经有一个数据文件：{new_path}\n为了不覆盖它，请换一个文件夹，或先把它移走。"
        )
    if db_path.parent.absolute() in target_folder.absolute().parents:
        raise DataFolderError("不能把数据文件移到它自己的数据文件夹里面的文件夹。")
    database.ensure_data_folder(target_folder)
    copied: list[Path] = []
    temp = leftovers.temp_name(new_path, "moving")
    try:
        backup._copy_with_backup_api(db_path, temp)
        ok, detail = backup.integrity_ok(temp)
        if not ok:
            raise DataFolderError(f"复制的数据文件校验未通过（{detail}），没有移动。")
        database.inspect_file(temp)
        if not database._no_clobber_rename(temp, new_path):
            raise DataFolderError(f"目标文件夹里已经有一个数据文件：{new_path}")
        copied.append(new_path)
        old_backups = backup.list_backups(db_path)
        if old_backups:
            folder = backups_dir(new_path)
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            for info in old_backups:
                target = folder / info.path.name
                if not target.exists():
                    shutil.copy2(info.path, target)
                    copied.append(target)
    except BaseException as exc:
        for path in reversed(copied):
            try:
                path.unlink()
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise DataFolderError(f"无法把数据文件复制到 {target_folder}：{os_error_reason(exc)}\n数据文件没有移动。") from exc
        if isinstance(exc, sqlite3.Error):
            raise DataFolderError(f"无法把数据文件复制到 {target_folder}：{exc}\n数据文件没有移动。") from exc
        if isinstance(exc, DatabaseFileError):
            raise DataFolderError(f"复制的数据文件不能使用：{exc.message}\n数据文件没有移动。") from exc
        raise
    finally:
        backup._remove(temp)
    return new_path


@dataclass
class CheckReport:
    path: Path
    schema_version: int
    integrity: str
    counts: list[tuple[str, int]]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"

    def as_dict(self) -> dict:
        return {
            "path": str(self.path),
            "schema_version": self.schema_version,
            "integrity": self.integrity,
            "counts": dict(self.counts),
        }


def check(db) -> CheckReport:
    integrity = db.execute_sql("PRAGMA integrity_check").fetchone()[0]
    counts = [(label, model.select().count()) for label, model in counted()]
    return CheckReport(db.path, migrations.schema_version(db), integrity, counts)
