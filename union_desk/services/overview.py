"""The 首页 overview: figures and reminders for today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from union_desk.db import backup
from union_desk.db.models import Activity, HardshipFile, Member, PlanItem
from union_desk.services import plan_calendar, visits


@dataclass
class Overview:
    today: dt.date
    members_active: int
    members_retired: int
    hardship_open: int
    visits_count: int
    visits_amount: Decimal
    activities_year: int
    plan_due: list[PlanItem] = field(default_factory=list)
    plan_overdue: list[PlanItem] = field(default_factory=list)
    deadlines: list[Activity] = field(default_factory=list)
    # this month's birthdays (solar and lunar; 29 Feb shows on 28 Feb in a common year)
    birthdays: list[plan_calendar.BirthdayEntry] = field(default_factory=list)
    hardship_due: list[HardshipFile] = field(default_factory=list)  # yearly review due in 30 days or late
    due_visits: list[visits.DueVisit] = field(default_factory=list)  # 应访未访
    last_backup: dt.datetime | None = None

    @property
    def backup_age_days(self) -> int | None:
        if self.last_backup is None:
            return None
        return (self.today - self.last_backup.date()).days


def build(db_path: Path, today: dt.date | None = None) -> Overview:
    today = today or dt.date.today()
    year_start, year_end = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    count, amount = visits.year_totals(today.year)
    due = plan_calendar.reminders(today)
    backups = backup.list_backups(Path(db_path))
    return Overview(
        today=today,
        members_active=Member.select().where(Member.status == "在职").count(),
        members_retired=Member.select().where(Member.status == "退休").count(),
        hardship_open=HardshipFile.select().where(HardshipFile.status.in_(("在档", "临时"))).count(),
        visits_count=count,
        visits_amount=amount,
        activities_year=Activity.select()
        .where(Activity.start.between(year_start, dt.datetime.combine(year_end, dt.time.max)))
        .count(),
        plan_due=due.week_items,
        plan_overdue=due.overdue_items,
        deadlines=due.deadlines,
        birthdays=due.birthdays,
        hardship_due=due.hardship_due,
        due_visits=visits.due_visits(today),
        last_backup=backups[0].taken_at if backups else None,
    )
