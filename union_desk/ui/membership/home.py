"""会籍与会费 on 首页: 入会率 today (a figure) and the members with six months or more of dues unpaid
(a list; an entry, kind "dues_arrears", opens the member on the 会费 page). The list always comes,
as the other areas' do: an empty one is named on 首页's line of empty lists."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from union_desk.services import dues, membership
from union_desk.ui.home.parts import HomeContext, HomeFigure, HomeList

translate = QCoreApplication.translate  # lupdate reads translate("HomeTab", …)


def arrears_line(row: dues.DuesRow) -> str:
    """'张三 · 语文组 · 欠缴7个月'."""
    parts = [row.member.name]
    if row.member.department:
        parts.append(row.member.department)
    parts.append(translate("HomeTab", "%1 months unpaid").replace("%1", str(row.arrears_months)))
    return " · ".join(parts)


def home_parts(ctx: HomeContext) -> list:
    rate = membership.membership_rate(ctx.today).total.rate
    rows = sorted(dues.flagged(ctx.today), key=lambda r: (-r.arrears_months, r.member.pinyin_key or r.member.name))
    return [
        HomeFigure("membership_rate", translate("HomeTab", "Membership rate"),
                   "—" if rate is None else f"{rate}%", 12),
        HomeList("dues_arrears", translate("HomeTab", "Dues unpaid six months or more"),
                 [arrears_line(r) for r in rows], "dues_arrears", [r.member for r in rows], 16),
    ]
