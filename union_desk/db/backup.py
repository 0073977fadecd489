"""Backups with SQLite's online backup API: make, verify, rotate, restore.

A backup is written to a temporary name, checked with `PRAGMA integrity_check` and only then
renamed to `<db-stem>-YYYYMMDD-HHMMSS-<kind>.sqlite` in `backups/` beside the database. Restoring
first backs up the current file, then replaces it with a verified copy of the chosen backup.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from union_desk.errors import BackupError
from union_desk.paths import backups_dir

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z-]+)\.sqlite$")
KIND_LABELS = {"auto": "自动", "manual": "手动", "pre-restore": "恢复前", "pre-upgrade": "升级前"}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    kind: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def integrity_ok(path: Path) -> tuple[bool, str]:
    """Run `PRAGMA integrity_check` on a file opened read-only."""
    try:
        conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return False, str(exc)
    return result == "ok", result


def _copy_with_backup_api(source: Path, target: Path) -> None:
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            # The copy inherits WAL mode; make it a single self-contained file (no -wal/-shm
            # companions appear when it is checked, copied or carried away on a USB stick).
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of this database, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match["stem"] != db_path.stem:
            continue
        taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(entry, taken, match["kind"]))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def make_backup(db_path: Path, kind: str = "manual", now: dt.datetime | None = None) -> BackupInfo:
    """Copy the live database into `backups/`, verified; return where it went."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise BackupError(f"找不到要备份的数据文件：{db_path}")
    folder = backups_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"无法创建备份文件夹：{folder}\n原因：{exc.strerror or exc}") from exc
    now = now or dt.datetime.now()
    final = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{kind}.sqlite"
    while final.exists():  # two backups in one second: take the next free second
        now += dt.timedelta(seconds=1)
        final = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{kind}.sqlite"
    temp = final.with_name(final.name + ".part")
    try:
        _copy_with_backup_api(db_path, temp)
        ok, detail = integrity_ok(temp)
        if not ok:
            raise BackupError(f"备份文件校验未通过（{detail}），已丢弃这次备份。")
        os.replace(temp, final)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"备份失败：{exc}") from exc
    finally:
        if temp.exists():
            temp.unlink()
    return BackupInfo(final, now.replace(microsecond=0), kind)


def rotate(db_path: Path, today: dt.date | None = None) -> list[Path]:
    """Keep the newest backup of each of the last 7 days, 4 weeks and 12 months; delete the rest.

    Backups made before a restore or an upgrade are kept for 12 months whatever their number.
    """
    today = today or dt.date.today()
    backups = list_backups(db_path)
    keep: set[Path] = set()
    seen_days, seen_weeks, seen_months = set(), set(), set()
    for info in backups:  # newest first
        day = info.taken_at.date()
        if info.kind in ("pre-restore", "pre-upgrade") and (today - day).days <= 366:
            keep.add(info.path)
            continue
        week = day.isocalendar()[:2]
        month = (day.year, day.month)
        if day not in seen_days and len(seen_days) < KEEP_DAILY:
            seen_days.add(day)
            keep.add(info.path)
        if week not in seen_weeks and len(seen_weeks) < KEEP_WEEKLY:
            seen_weeks.add(week)
            keep.add(info.path)
        if month not in seen_months and len(seen_months) < KEEP_MONTHLY:
            seen_months.add(month)
            keep.add(info.path)
    removed = []
    for info in backups:
        if info.path not in keep:
            try:
                info.path.unlink()
                removed.append(info.path)
            except OSError:
                pass  # a backup we cannot delete now is deleted next time
    return removed


def auto_backup_if_due(db_path: Path, now: dt.datetime | None = None) -> BackupInfo | None:
    """At most one automatic backup a day (any backup made today counts)."""
    now = now or dt.datetime.now()
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    newest = list_backups(db_path)
    if newest and newest[0].taken_at.date() >= now.date():
        return None
    info = make_backup(db_path, "auto", now)
    rotate(db_path, now.date())
    return info


def restore_backup(backup_file: Path, db_path: Path) -> BackupInfo:
    """Replace the database with `backup_file` after backing up the current file.

    The database must be closed by the caller. Returns the pre-restore backup.
    """
    backup_file, db_path = Path(backup_file), Path(db_path)
    if not backup_file.exists():
        raise BackupError(f"找不到备份文件：{backup_file}")
    ok, detail = integrity_ok(backup_file)
    if not ok:
        raise BackupError(f"备份文件已损坏，不能用来恢复：{backup_file}\n（{detail}）")
    from union_desk.db.database import inspect_file  # local: database imports this module's users

    inspect_file(backup_file)  # refuses a backup from a newer program version
    pre = None
    if db_path.exists() and integrity_ok(db_path)[0]:
        pre = make_backup(db_path, "pre-restore")
    temp = db_path.with_name(db_path.name + ".restoring")
    try:
        _copy_with_backup_api(backup_file, temp)
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.unlink()
        os.replace(temp, db_path)
    except PermissionError as exc:
        raise BackupError("数据文件正被其他程序占用，无法恢复。请关闭其他程序后重试。") from exc
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"恢复失败：{exc}") from exc
    finally:
        if temp.exists():
            temp.unlink()
    return pre


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    for info in list_backups(db_path):
        if integrity_ok(info.path)[0]:
            return info
    return None
