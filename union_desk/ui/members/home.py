"""会员档案 on 首页: members in service and retired, this month's birthdays, and 即将退休 (members
在职 whose statutory retirement date falls within the next 6 months; issue 15)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from union_desk.db.models import Member
from union_desk.services import members, plan_calendar
from union_desk.ui.home.parts import HomeContext, HomeFigure, HomeList


translate = QCoreApplication.translate  # lupdate reads translate("HomeTab", …)


def home_parts(ctx: HomeContext) -> list:
    active = Member.select().where(Member.status == "在职").count()
    retired = Member.select().where(Member.status == "退休").count()
    birthdays = plan_calendar.birthdays_in_month(ctx.today.year, ctx.today.month)
    retiring = members.retiring_soon(ctx.today)
    return [
        HomeFigure("members_active", translate("HomeTab", "Members in service"), str(active), 10),
        HomeFigure("members_retired", translate("HomeTab", "Retired members"), str(retired), 11),
        HomeList(
            "birthdays",
            translate("HomeTab", "Birthdays this month"),
            [
                f"{b.date:%m-%d}  {b.member.name}（{b.member.department}）" + (translate("HomeTab", " lunar") if b.lunar else "")
                for b in birthdays
            ],
            "member",
            [b.member for b in birthdays],
            20,
        ),
        HomeList(
            "retiring",
            translate("HomeTab", "Retiring within 6 months"),
            [f"{when:%Y-%m-%d}  {m.name}（{m.department}）" for m, when in retiring],
            "member",
            [m for m, _when in retiring],
            25,
        ),
    ]
