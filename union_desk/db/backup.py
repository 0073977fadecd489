"""Backups with SQLite's online backup API: make, verify, rotate, restore.

A backup is written to a temporary name carrying the process id, checked with
`PRAGMA integrity_check` and only then renamed, never over another file, to
`<db-stem>-YYYYMMDD-HHMMSS[-N]-<kind>.sqlite` in `backups/` beside the database (`-N` when several
backups fall in one second). Restoring verifies the source (a Union Desk file of a version this
program reads, integrity ok), then keeps what it replaces: a healthy file as a pre-restore backup,
a damaged one moved aside byte for byte with its -wal and -shm.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from union_desk.db import leftovers
from union_desk.errors import BackupError, DatabaseFileError, os_error_reason
from union_desk.faults import kill_point
from union_desk.files import replace_with_retry
from union_desk.paths import backups_dir

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?-(?P<kind>[a-z][a-z-]*)\.sqlite$")
KIND_LABELS = {"auto": "自动", "manual": "手动", "pre-restore": "恢复前", "pre-upgrade": "升级前"}
COMPANIONS = ("-wal", "-shm")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    kind: str
    seq: int = 0

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass
class RestoreResult:
    """What a restore kept of the file it replaced: a pre-restore backup, or the damaged files."""

    pre_backup: BackupInfo | None = None
    kept_damaged: list[Path] = field(default_factory=list)

    def kept_paths(self) -> list[Path]:
        return [self.pre_backup.path] if self.pre_backup else list(self.kept_damaged)


def integrity_ok(path: Path) -> tuple[bool, str]:
    """Run `PRAGMA integrity_check` on a file opened read-only."""
    from union_desk.db.database import sqlite_uri

    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return False, str(exc)
    return result == "ok", result


def _copy_with_backup_api(source: Path, target: Path) -> None:
    # The target is created private to the user first; SQLite keeps the mode it finds.
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
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


def _remove(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-journal", *COMPANIONS))):
        try:
            candidate.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # held open or read-only: the leftover cleaner tries again later


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of this database, newest first (old and new file names alike)."""
    return _list_in(backups_dir(Path(db_path)), Path(db_path).stem)


def _list_in(folder: Path, stem: str) -> list[BackupInfo]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match or match["stem"] != stem:
            continue
        try:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(BackupInfo(entry, taken, match["kind"], int(match["seq"] or 0)))
    found.sort(key=lambda b: (b.taken_at, b.seq, b.path.name), reverse=True)
    return found


def _place(temp: Path, folder: Path, stem: str, stamp: str, kind: str) -> tuple[Path, int]:
    """Rename `temp` to the first free name of that second; never over an existing backup."""
    from union_desk.db.database import _no_clobber_rename

    for seq in range(0, 1000):
        name = f"{stem}-{stamp}-{kind}.sqlite" if seq == 0 else f"{stem}-{stamp}-{seq}-{kind}.sqlite"
        final = folder / name
        if _no_clobber_rename(temp, final):
            return final, seq
    raise BackupError("这一秒内的备份太多了，请稍后再试。")


def make_backup(db_path: Path, kind: str = "manual", now: dt.datetime | None = None) -> BackupInfo:
    """Copy the live database into `backups/`, verified; return where it went."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise BackupError(f"找不到要备份的数据文件：{db_path}")
    folder = backups_dir(db_path)
    try:
        if not folder.exists():
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise BackupError(f"无法创建备份文件夹：{folder}\n原因：{os_error_reason(exc)}") from exc
    leftovers.clean_leftovers(db_path)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    temp = leftovers.temp_name(folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{kind}.sqlite", "part")
    try:
        _copy_with_backup_api(db_path, temp)
        kill_point("backup.copied")
        ok, detail = integrity_ok(temp)
        if not ok:
            raise BackupError(f"备份文件校验未通过（{detail}），已丢弃这次备份。")
        final, seq = _place(temp, folder, db_path.stem, f"{now:%Y%m%d-%H%M%S}", kind)
    except OSError as exc:
        raise BackupError(f"备份失败：{os_error_reason(exc)}\n（{folder}）数据文件没有改动。") from exc
    except sqlite3.Error as exc:
        raise BackupError(f"备份失败：{_sqlite_reason(exc)}\n（{folder}）数据文件没有改动。") from exc
    finally:
        _remove(temp)
    return BackupInfo(final, now, kind, seq)


def _sqlite_reason(exc: sqlite3.Error) -> str:
    from union_desk.errors import sqlite_error_to_user

    mapped = sqlite_error_to_user(exc)
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return "磁盘空间已满"
    return mapped.message.splitlines()[0] if mapped else str(exc)


def rotate(db_path: Path, today: dt.date | None = None) -> list[Path]:
    """Keep the newest backup of each of the last 7 days, 4 weeks and 12 months; delete the rest.

    Every backup of today is kept (the next day's rotation thins them out). Backups made before a restore or an upgrade are kept for 12 months whatever their number.
    """
    return _rotate(list_backups(db_path), today or dt.date.today())


def _rotate(backups: list[BackupInfo], today: dt.date) -> list[Path]:
    keep: set[Path] = set()
    seen_days, seen_weeks, seen_months = set(), set(), set()
    for info in backups:  # newest first
        day = info.taken_at.date()
        if day >= today:  # today's are all kept: a backup just reported is never gone a moment later
            keep.add(info.path)
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


def verify_restore_source(source: Path) -> None:
    """Refuse anything but a healthy Union Desk file of a version this program can read."""
    from union_desk.db.database import inspect_file

    source = Path(source)
    if not source.is_file():
        raise BackupError(f"找不到备份文件：{source}")
    try:
        inspect_file(source)
    except DatabaseFileError as exc:
        raise BackupError(f"不能用这个文件恢复：{source}\n{exc.message}\n当前数据没有改动。") from exc
    ok, detail = integrity_ok(source)
    if not ok:
        raise BackupError(f"备份文件已损坏，不能用来恢复：{source}\n（{detail}）\n当前数据没有改动。")


def keep_damaged(db_path: Path) -> list[Path]:
    """Copy a damaged file aside with its -wal and -shm, byte for byte; nothing is deleted here.

    The copies keep SQLite's naming (`x.sqlite.damaged`, `x.sqlite.damaged-wal`, …) so the
    damaged file still opens with its newest commits for someone rescuing data. Copying (not
    moving) leaves the original in place until the restore replaces it, so a crash in between
    never leaves the data path empty, and it works on a file another program still holds open.
    """
    db_path = Path(db_path)
    base = db_path.with_name(db_path.name + ".damaged")
    n = 1
    while any(base.with_name(base.name + s).exists() for s in ("", *COMPANIONS)):
        n += 1
        base = db_path.with_name(f"{db_path.name}.damaged{n}")
    kept = []
    for suffix in ("", *COMPANIONS):
        source = db_path.with_name(db_path.name + suffix)
        if not source.exists():
            continue
        target = base.with_name(base.name + suffix)
        try:
            shutil.copy2(source, target)
        except OSError as exc:
            raise BackupError(f"无法保留损坏的文件 {source}：{os_error_reason(exc)}\n当前数据没有改动。") from exc
        kept.append(target)
    return kept


def _is_healthy(db_path: Path) -> bool:
    from union_desk.db.database import inspect_file

    try:
        return inspect_file(db_path).exists and integrity_ok(db_path)[0]
    except DatabaseFileError:
        return False


def restore_backup(backup_file: Path, db_path: Path) -> RestoreResult:
    """Replace the database with `backup_file`, keeping what it replaces.

    The database must be closed by the caller. A healthy current file is backed up first (a
    pre-restore backup); a damaged one is moved aside with its -wal/-shm (`keep_damaged`).
    """
    from union_desk.db.database import checkpoint_file

    backup_file, db_path = Path(backup_file).absolute(), Path(db_path)
    verify_restore_source(backup_file)
    if backup_file == db_path.absolute():
        raise BackupError("不能用数据文件本身来恢复它自己。")
    result = RestoreResult()
    temp = leftovers.temp_name(db_path, "restoring")
    try:
        _copy_with_backup_api(backup_file, temp)
        ok, detail = integrity_ok(temp)
        if not ok:
            raise BackupError(f"复制的备份校验未通过（{detail}），当前数据没有改动。")
        if db_path.exists():
            if _is_healthy(db_path):
                checkpoint_file(db_path)  # its newest commits are in the main file, and so in the copy
                result.pre_backup = make_backup(db_path, "pre-restore")
            else:
                result.kept_damaged = keep_damaged(db_path)
        # Companions of the replaced file would be replayed into the restored one: they are kept
        # (in the pre-restore backup or beside the damaged copy) and removed now.
        for suffix in COMPANIONS:
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.unlink()
        kill_point("restore.copied")
        replace_with_retry(temp, db_path)
    except PermissionError as exc:
        raise BackupError(
            f"数据文件正被其他程序占用，无法恢复：{db_path}\n请关闭其他程序后重试。{_kept_note(result)}"
        ) from exc
    except OSError as exc:
        raise BackupError(f"恢复失败：{os_error_reason(exc)}\n（{db_path}）{_kept_note(result)}") from exc
    except sqlite3.Error as exc:
        raise BackupError(f"恢复失败：{_sqlite_reason(exc)}\n（{db_path}）{_kept_note(result)}") from exc
    finally:
        _remove(temp)
    return result


def _kept_note(result: RestoreResult) -> str:
    paths = result.kept_paths()
    return ("\n原来的数据保存在：" + "、".join(str(p) for p in paths)) if paths else "\n当前数据没有改动。"


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes `verify_restore_source`, here or in the second backup place."""
    for info in list_backups_everywhere(db_path):
        try:
            verify_restore_source(info.path)
        except BackupError:
            continue
        return info
    return None


# --- the second backup place (设置 → 备份位置) and one-off copies (文件 → 备份到…) ------------------


def copy_to_place(info: BackupInfo, folder: Path) -> BackupInfo:
    """Copy a made backup into `folder` under its own name, verified; return the copy.

    The copy is written under a temporary name, checked with `PRAGMA integrity_check` and then
    renamed, never over another file. The same backup copied twice is copied once.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupError(f"找不到备份位置：{folder}\n（U 盘没有插上，或文件夹已被移走？）")
    final = folder / info.path.name
    if final.exists():
        return BackupInfo(final, info.taken_at, info.kind, info.seq)
    temp = leftovers.temp_name(final, "part")
    try:
        shutil.copyfile(info.path, temp)
        ok, detail = integrity_ok(temp)
        if not ok:
            raise BackupError(f"复制到 {folder} 的备份校验未通过（{detail}），已丢弃这份复制。")
        from union_desk.db.database import _no_clobber_rename

        _no_clobber_rename(temp, final)
    except OSError as exc:
        raise BackupError(f"无法把备份复制到 {folder}：{os_error_reason(exc)}") from exc
    finally:
        _remove(temp)
    return BackupInfo(final, info.taken_at, info.kind, info.seq)


def rotate_place(db_path: Path, folder: Path, today: dt.date | None = None) -> list[Path]:
    """The same rotation as `rotate`, for this database's copies in another folder."""
    return _rotate(_list_in(Path(folder), Path(db_path).stem), today or dt.date.today())


def list_backups_in(db_path: Path, folder: Path) -> list[BackupInfo]:
    """This database's backups in another folder (the second place, a USB stick), newest first."""
    return _list_in(Path(folder), Path(db_path).stem)


def list_backups_everywhere(db_path: Path) -> list[BackupInfo]:
    """Backups in `backups/` and in the second backup place (when present), newest first.

    A backup present in both places is listed once, from `backups/`.
    """
    from union_desk import config

    found = list_backups(db_path)
    second = config.second_backup_dir()
    if second is not None and second.is_dir():
        names = {info.path.name for info in found}
        found += [info for info in list_backups_in(db_path, second) if info.path.name not in names]
        found.sort(key=lambda b: (b.taken_at, b.seq, b.path.name), reverse=True)
    return found
