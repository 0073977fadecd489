"""困难帮扶 · 走访慰问 on 首页: open files, this year's visits and cash, reviews due, 应访未访."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from union_desk.db.models import HardshipFile
from union_desk.services import plan_calendar, visits
from union_desk.ui.home.parts import HomeContext, HomeFigure, HomeList


translate = QCoreApplication.translate  # lupdate reads translate("HomeTab", …)


def home_parts(ctx: HomeContext) -> list:
    today = ctx.today
    open_files = HardshipFile.select().where(HardshipFile.status.in_(plan_calendar.HARDSHIP_OPEN)).count()
    count, amount = visits.year_totals(today.year)
    reviews = plan_calendar.hardship_reviews_due(today)
    due = visits.due_visits(today)
    return [
        HomeFigure("hardship_open", translate("HomeTab", "Hardship files open"), str(open_files), 20),
        HomeFigure("visits_count", translate("HomeTab", "Visits this year"), str(count), 21),
        HomeFigure("visits_amount", translate("HomeTab", "Visit cash this year (yuan)"), f"{amount:,.2f}", 22),
        HomeList(
            "hardship_due",
            translate("HomeTab", "Hardship files due for review"),
            [
                (f"{f.next_review_date:%Y-%m-%d}" if f.next_review_date else translate("HomeTab", "no date"))
                + f"  {f.member.name}  {f.grade}"
                + (translate("HomeTab", " (late)") if f.next_review_date and f.next_review_date < today else "")
                for f in reviews
            ],
            "hardship_file",
            reviews,
            21,
        ),
        HomeList(
            "due_visits",
            translate("HomeTab", "Members due a visit"),
            [f"{d.member.name}  {d.visit_type_name}：{d.reason}" for d in due],
            "due_visit",
            due,
            22,
        ),
    ]
