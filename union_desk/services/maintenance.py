"""Opening a database for use, health checks, record counts and backups, shared by GUI and CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from union_desk.db import backup, database, migrations
from union_desk.errors import BackupError
from union_desk.db.models import (
    Activity,
    Assistance,
    AuditLog,
    HardshipFile,
    Member,
    PlanItem,
    Relative,
    SignUp,
    Visit,
    VisitType,
)

COUNTED = [
    ("会员", Member),
    ("直系亲属", Relative),
    ("困难档案", HardshipFile),
    ("帮扶记录", Assistance),
    ("慰问类别", VisitType),
    ("走访慰问", Visit),
    ("活动", Activity),
    ("报名", SignUp),
    ("计划事项", PlanItem),
    ("修改记录", AuditLog),
]


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
            backup.auto_backup_if_due(Path(db_path))
        except BackupError as exc:
            db.warnings.append(f"今天的自动备份没有成功：{exc.message.splitlines()[0]}\n数据文件已正常打开。")
    return db


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
    counts = [(label, model.select().count()) for label, model in COUNTED]
    return CheckReport(db.path, migrations.schema_version(db), integrity, counts)
