"""年度统计 · 走访慰问 (the visits' statistics section, area 困难帮扶与走访慰问).

Visits: not voided, dated in the period; 人次 = records, 金额 = cash (慰问金); goods value apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.db.models import Visit, VisitType
from union_desk.services.plan import Period
from union_desk.services.stats import (
    ZERO,
    Chart,
    StatsSection,
    StatTable,
    TableLook,
    money_json,
    month_label,
    sql_sum,
    yuan,
    yuan_sign,
    yuan_text,
)



@dataclass
class VisitTypeTotal:
    name: str
    count: int
    amount: Decimal  # cash
    goods_value: Decimal


@dataclass
class VisitMonth:
    label: str  # '3月'
    year: int
    month: int
    counts: dict[str, int]  # by visit type name (every type of VisitStats.types)
    amounts: dict[str, Decimal]

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    @property
    def amount(self) -> Decimal:
        return sum(self.amounts.values(), ZERO)


@dataclass
class VisitStats:
    types: list[str]  # visit types that occur in the period, in the configured order
    months: list[VisitMonth]
    by_type: list[VisitTypeTotal]
    count: int
    amount: Decimal
    goods_value: Decimal
    people: int  # distinct members visited
    voided: int  # voided records dated in the period (not counted above)


def visit_stats(period: Period, as_of: dt.date | None = None) -> VisitStats:
    first, last = period.first_day, period.last_day
    in_period = Visit.date.between(first, last)
    valid = in_period & (Visit.voided == False)  # noqa: E712 - peewee expression
    ym = fn.strftime("%Y-%m", Visit.date)
    rows = (
        Visit.select(ym.alias("ym"), Visit.visit_type, fn.COUNT(Visit.id), sql_sum(Visit.cash), sql_sum(Visit.goods_value))
        .where(valid)
        .group_by(ym, Visit.visit_type)
        .tuples()
    )
    cells: dict[tuple[str, int], tuple[int, Decimal]] = {}
    type_totals: dict[int, list] = {}
    for key, type_id, n, cash, goods in rows:
        cells[(key, type_id)] = (n, yuan(cash))
        total = type_totals.setdefault(type_id, [0, ZERO, ZERO])
        total[0] += n
        total[1] += yuan(cash)
        total[2] += yuan(goods)
    names = {}
    if type_totals:
        for vt in VisitType.select().where(VisitType.id.in_(list(type_totals))).order_by(VisitType.sort_order, VisitType.id):
            names[vt.id] = vt.name
    order = list(names)
    months = []
    for y, m in period.months():
        key = f"{y:04d}-{m:02d}"
        counts = {names[t]: cells.get((key, t), (0, ZERO))[0] for t in order}
        amounts = {names[t]: cells.get((key, t), (0, ZERO))[1] for t in order}
        months.append(VisitMonth(month_label(period, y, m), y, m, counts, amounts))
    by_type = [VisitTypeTotal(names[t], *type_totals[t]) for t in order]
    people = Visit.select(fn.COUNT(fn.DISTINCT(Visit.member))).where(valid).scalar() or 0
    voided = Visit.select().where(in_period & (Visit.voided == True)).count()  # noqa: E712
    return VisitStats(
        types=[names[t] for t in order],
        months=months,
        by_type=by_type,
        count=sum(t.count for t in by_type),
        amount=sum((t.amount for t in by_type), ZERO),
        goods_value=sum((t.goods_value for t in by_type), ZERO),
        people=people,
        voided=voided,
    )


# --- tables -------------------------------------------------------------------------------------

HEADERS = (QT_TRANSLATE_NOOP("StatsPage", "Visit type"), QT_TRANSLATE_NOOP("StatsPage", "Total"))


def tables(v: VisitStats, stats) -> list[StatTable]:
    month_heads = [mo.label for mo in v.months]
    months = tuple(mo.month for mo in v.months)
    return [
        StatTable("visits_count", "走访慰问人次（按月、按类别）", ["慰问类别", *month_heads, "合计"],
                  ["text"] + ["int"] * (len(month_heads) + 1),
                  [[t.name, *(mo.counts[t.name] for mo in v.months), t.count] for t in v.by_type],
                  ["合计", *(mo.count for mo in v.months), v.count], "stacked", "人次",
                  TableLook(Chart("stacked", height=70, legend_right=40, screen_height=320), span=2,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Visits per month by type (visits)"), headers=HEADERS),
                  months=months),
        StatTable("visits_amount", "慰问金金额（元，按月、按类别）", ["慰问类别", *month_heads, "合计"],
                  ["text"] + ["money"] * (len(month_heads) + 1),
                  [[t.name, *(mo.amounts[t.name] for mo in v.months), t.amount] for t in v.by_type],
                  ["合计", *(mo.amount for mo in v.months), v.amount], "stacked", "元",
                  TableLook(Chart("stacked", money=True, height=70, legend_right=40, screen_height=320), span=2,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Visit cash per month by type (yuan)"), headers=HEADERS),
                  months=months),
    ]


# --- words --------------------------------------------------------------------------------------


def paragraph(v: VisitStats, stats) -> str:
    whole = stats.period_word
    if not v.count:
        return f"{whole}未登记走访慰问"
    text = f"{whole}走访慰问会员{v.people}人、{v.count}人次，发放慰问金{yuan_text(v.amount)}"
    if v.goods_value:
        text += f"，慰问品折合{yuan_text(v.goods_value)}"
    top = sorted(v.by_type, key=lambda t: (-t.count, v.types.index(t.name)))[:3]
    text += "，其中" + "、".join(f"{t.name}{t.count}人次" for t in top)
    return text


def as_json(v: VisitStats) -> dict:
    return {
        "count": v.count,
        "amount": money_json(v.amount),
        "goods_value": money_json(v.goods_value),
        "people": v.people,
        "voided": v.voided,
        "by_type": [
            {"type": t.name, "count": t.count, "amount": money_json(t.amount), "goods_value": money_json(t.goods_value)}
            for t in v.by_type
        ],
        "by_month": [
            {
                "year": mo.year,
                "month": mo.month,
                "count": mo.count,
                "amount": money_json(mo.amount),
                "by_type": {t: {"count": mo.counts[t], "amount": money_json(mo.amounts[t])} for t in v.types},
            }
            for mo in v.months
        ],
    }


def notes(v: VisitStats, stats) -> dict[str, str]:
    return {
        "visits_count": f"共{v.count}人次、{v.people}人；作废的记录（{v.voided}条）不计。",
        "visits_amount": f"慰问金合计{yuan_sign(v.amount)}；另有慰问品折合{yuan_sign(v.goods_value)}。",
    }


def screen_notes(v: VisitStats, stats) -> dict[str, list]:
    return {
        "visits_count": [(QT_TRANSLATE_NOOP("StatsPage", "{count} visits to {people} members; {voided} voided record(s) not counted."),
                          {"count": v.count, "people": v.people, "voided": v.voided})],
        "visits_amount": [(QT_TRANSLATE_NOOP("StatsPage", "Cash {cash} yuan; goods worth {goods} yuan besides."),
                           {"cash": f"{v.amount:,.2f}", "goods": f"{v.goods_value:,.2f}"})],
    }


def sheet_notes(v: VisitStats, stats) -> list[str]:
    return ["走访慰问不计作废记录；慰问金额为现金，慰问品折价另计。"]


SECTION = StatsSection.of(__name__, "visits", 20, "走访慰问", visit_stats)
