"""年度统计 · 会籍与会费 (issue 20): 入会率 now and at the period's end (by department), the year's
new members, transfers and leavers, and the dues collected against what was owed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.domain import membership as rules
from union_desk.services import dues, membership
from union_desk.services.plan import Period
from union_desk.services.stats import Chart, Series, StatsSection, StatTable, TableLook


@dataclass
class MembershipStats:
    now: membership.MembershipRate  # on the reference day
    end: membership.MembershipRate  # on the period's last day
    moves: membership.YearMoves
    owed: Decimal  # the dues periods of the period that have begun by the reference day
    paid: Decimal
    flagged: int  # members six months or more in arrears

    @property
    def collection_rate(self) -> Decimal | None:
        return rules.collection_rate(self.paid, self.owed)


def membership_stats(period: Period, as_of: dt.date | None = None) -> MembershipStats:
    as_of = min(as_of or period.last_day, period.last_day)
    owed = paid = rules.ZERO
    periods = [p for p in rules.periods_between(period.first_day, period.last_day, dues.period_kind())
               if period.first_day <= p.first <= as_of]
    for rows in dues.dues_rows_for(periods, as_of):
        figures = dues.totals(rows)
        owed += figures.owed
        paid += figures.paid
    return MembershipStats(
        now=membership.membership_rate(as_of),
        end=membership.membership_rate(period.last_day),
        moves=membership.moves_between(period.first_day, period.last_day),
        owed=owed, paid=paid,
        flagged=len(dues.flagged(as_of)),
    )


def _fraction(rate: Decimal | None) -> float | None:
    return None if rate is None else float(rate) / 100


def tables(data: MembershipStats, stats) -> list[StatTable]:
    days = [data.now] if data.now.day == data.end.day else [data.now, data.end]
    chart = Chart("hbar", (Series(3, "入会率", QT_TRANSLATE_NOOP("StatsPage", "Membership rate")),), shorten=10,
                  screen_height=60, screen_per_row=28)
    moves = data.moves
    return [
        StatTable("membership_rate", "入会率", ["日期", "在职会员", "非会员教职工", "入会率"], ["date", "int", "int", "rate"],
                  [[r.day, r.total.members, r.total.staff, _fraction(r.total.rate)] for r in days], None, "", "人",
                  TableLook(title=QT_TRANSLATE_NOOP("StatsPage", "Membership rate"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Date"), QT_TRANSLATE_NOOP("StatsPage", "Members in service"),
                                     QT_TRANSLATE_NOOP("StatsPage", "Staff not in the union"),
                                     QT_TRANSLATE_NOOP("StatsPage", "Membership rate")))),
        StatTable("membership_departments", "入会率（按部门）", ["部门", "在职会员", "非会员教职工", "入会率"],
                  ["text", "int", "int", "rate"],
                  [[r.label, r.members, r.staff, _fraction(r.rate)] for r in data.end.by_department],
                  ["合计", data.end.total.members, data.end.total.staff, _fraction(data.end.total.rate)], "hbar", "",
                  TableLook(chart, wide_first=True, span=2, title=QT_TRANSLATE_NOOP("StatsPage", "Membership rate by department"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Department"), QT_TRANSLATE_NOOP("StatsPage", "Members in service"),
                                     QT_TRANSLATE_NOOP("StatsPage", "Staff not in the union"),
                                     QT_TRANSLATE_NOOP("StatsPage", "Membership rate")),
                            total=QT_TRANSLATE_NOOP("StatsPage", "Total"))),
        StatTable("membership_moves", "会籍变动", ["变动", "人数"], ["text", "int"],
                  [["新入会", moves.joined], ["转入", moves.transferred_in], ["转出", moves.transferred_out],
                   ["保留会籍", moves.kept], ["退会、除名、去世", moves.left]], None, "", "人",
                  TableLook(title=QT_TRANSLATE_NOOP("StatsPage", "Membership changes"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Change"), QT_TRANSLATE_NOOP("StatsPage", "People")))),
        StatTable("dues", "会费收缴", ["项目", "数值"], ["text", "text"],
                  [["应缴（元）", f"{data.owed:,.2f}"], ["实缴（元）", f"{data.paid:,.2f}"],
                   ["收缴率", "—" if data.collection_rate is None else f"{data.collection_rate}%"],
                   ["欠缴六个月以上（人）", str(data.flagged)]], None, "", "",
                  TableLook(title=QT_TRANSLATE_NOOP("StatsPage", "Dues"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Item"), QT_TRANSLATE_NOOP("StatsPage", "Figure")))),
    ]


def paragraph(data: MembershipStats, stats) -> str | None:
    total = data.end.total
    if not (total.members or total.staff):
        return None
    text = f"在职会员{total.members}人，入会率{total.rate}%"
    if data.moves.joined or data.moves.transferred_in:
        text += f"，新入会{data.moves.joined}人、转入{data.moves.transferred_in}人"
    if data.owed:
        text += f"，会费收缴率{data.collection_rate}%"
    return text


def as_json(data: MembershipStats) -> dict:
    def rate(value: Decimal | None):
        return None if value is None else float(value)

    def rows(found: list[membership.RateRow]) -> list[dict]:
        return [{"label": r.label, "members": r.members, "staff": r.staff, "rate": rate(r.rate)} for r in found]

    return {
        "as_of": data.now.day.isoformat(), "members": data.now.total.members, "staff": data.now.total.staff,
        "rate": rate(data.now.total.rate), "year_end_rate": rate(data.end.total.rate),
        "by_department": rows(data.end.by_department), "by_employment": rows(data.end.by_employment),
        "moves": {"joined": data.moves.joined, "transferred_in": data.moves.transferred_in,
                  "transferred_out": data.moves.transferred_out, "kept": data.moves.kept, "left": data.moves.left},
        "dues": {"owed": float(data.owed), "paid": float(data.paid), "collection_rate": rate(data.collection_rate),
                 "arrears_six_months": data.flagged},
    }


def top_json(data: MembershipStats) -> dict:
    """`stats --json` carries 入会率 (0–100) at its top level (issue 20)."""
    return {"membership_rate": None if data.now.total.rate is None else float(data.now.total.rate)}


def notes(data: MembershipStats, stats) -> dict[str, str]:
    return {
        "membership_rate": "入会率＝在职会员÷（在职会员＋在职非会员教职工）；退休人员两边都不计。",
        "membership_moves": "按变动日期计入；升级时按档案补记的不计。",
    }


SECTION = StatsSection.of(__name__, "membership", 15, "会籍与会费", membership_stats)
