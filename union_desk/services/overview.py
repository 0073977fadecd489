"""The 首页 overview: figures and reminders for today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from peewee import fn

from union_desk.db import backup
from union_desk.db.models import Activity, HardshipFile, Member, PlanItem
from union_desk.services import visits


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
    birthdays: list[Member] = field(default_factory=list)
    last_backup: dt.datetime | None = None

    @property
    def backup_age_days(self) -> int | None:
        if self.last_backup is None:
            return None
        return (self.today - self.last_backup.date()).days


def build(db_path: Path, today: dt.date | None = None) -> Overview:
    today = today or dt.date.today()
    year_start, year_end = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    week_end = today + dt.timedelta(days=7)
    count, amount = visits.year_totals(today.year)
    open_plan = PlanItem.select().where(
        (PlanItem.year == today.year) & PlanItem.status.in_(("未开始", "进行中"))
    )
    due = [i for i in open_plan if i.date and today <= i.date <= week_end]
    overdue = [
        i
        for i in open_plan
        if (i.date and i.date < today) or (not i.date and i.month and i.month < today.month)
    ]
    deadlines = list(
        Activity.select()
        .where(
            Activity.signup_deadline.between(
                dt.datetime.combine(today, dt.time.min), dt.datetime.combine(week_end, dt.time.max)
            )
            & (Activity.status.in_(("筹备", "报名中")))
        )
        .order_by(Activity.signup_deadline)
    )
    birthdays = list(
        Member.select()
        .where(
            (Member.status == "在职")
            & (fn.strftime("%m", Member.birth_date) == f"{today.month:02d}")
        )
        .order_by(fn.strftime("%d", Member.birth_date), Member.name)
    )
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
        plan_due=sorted(due, key=lambda i: i.date),
        plan_overdue=overdue,
        deadlines=deadlines,
        birthdays=birthdays,
        last_backup=backups[0].taken_at if backups else None,
    )
