"""工作计划 on 首页: this week's plan items and the overdue ones."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from union_desk.services import plan_calendar
from union_desk.ui.home.parts import HomeContext, HomeList


translate = QCoreApplication.translate  # lupdate reads translate("HomeTab", …)


def home_parts(ctx: HomeContext) -> list:
    due = plan_calendar.week_items(ctx.today)
    overdue = plan_calendar.overdue_items(ctx.today)
    return [
        HomeList("plan_due", translate("HomeTab", "Plan items this week"), [f"{i.date:%m-%d}  {i.title}" for i in due], "plan", due, 10),
        HomeList(
            "plan_overdue",
            translate("HomeTab", "Overdue plan items"),
            [
                f"{i.date:%m-%d}  {i.title}" if i.date else translate("HomeTab", "Month {m}").format(m=i.month) + f"  {i.title}"
                for i in overdue
            ],
            "plan",
            overdue,
            11,
        ),
    ]
