"""活动报名 on 首页: this year's activities and this week's sign-up deadlines."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from union_desk.db.models import Activity
from union_desk.services import plan_calendar
from union_desk.ui.home.parts import HomeContext, HomeFigure, HomeList


translate = QCoreApplication.translate  # lupdate reads translate("HomeTab", …)


def home_parts(ctx: HomeContext) -> list:
    year = ctx.today.year
    held = (
        Activity.select()
        .where(Activity.start.between(dt.date(year, 1, 1), dt.datetime.combine(dt.date(year, 12, 31), dt.time.max)))
        .count()
    )
    deadlines = plan_calendar.signup_deadlines(ctx.today)
    return [
        HomeFigure("activities_year", translate("HomeTab", "Activities this year"), str(held), 30),
        HomeList(
            "deadlines",
            translate("HomeTab", "Sign-up deadlines this week"),
            [f"{a.signup_deadline:%m-%d %H:%M}  {a.title}" for a in deadlines],
            "activity",
            deadlines,
            12,
        ),
    ]
