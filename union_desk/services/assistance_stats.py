"""年度统计 · 困难职工帮扶 (the assistance statistics section, area 困难帮扶与走访慰问).

Assistance: not voided, dated in the period; 金额 = cash + goods value, as in `hardship.figures`.
Hardship files are open on `as_of` when found by then and not closed by then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.db.models import Assistance, HardshipFile
from union_desk.services.hardship import ASSISTANCE_KINDS, OPEN_STATUSES
from union_desk.services.plan import Period
from union_desk.services.stats import (
    ZERO,
    Chart,
    Series,
    StatsSection,
    StatTable,
    TableLook,
    money_json,
    percent,
    sql_sum,
    yuan,
    yuan_text,
)



@dataclass
class KindTotal:
    kind: str
    count: int
    cash: Decimal
    goods_value: Decimal
    households: int

    @property
    def amount(self) -> Decimal:
        return self.cash + self.goods_value


@dataclass
class AssistanceStats:
    by_kind: list[KindTotal]  # every kind of ASSISTANCE_KINDS (then any other found)
    count: int
    cash: Decimal
    goods_value: Decimal
    households: int  # distinct hardship files helped
    open_files: int  # files 在档/临时 on as_of
    opened: int  # files opened (found) in the period
    helped_open: int  # open files helped in the period

    @property
    def amount(self) -> Decimal:
        return self.cash + self.goods_value

    @property
    def help_rate(self) -> float | None:
        return self.helped_open / self.open_files if self.open_files else None


def assistance_stats(period: Period, as_of: dt.date) -> AssistanceStats:
    first, last = period.first_day, period.last_day
    valid = Assistance.date.between(first, last) & (Assistance.voided == False)  # noqa: E712
    rows = (
        Assistance.select(
            Assistance.kind,
            fn.COUNT(Assistance.id),
            sql_sum(Assistance.cash),
            sql_sum(Assistance.goods_value),
            fn.COUNT(fn.DISTINCT(Assistance.file)),
        )
        .where(valid)
        .group_by(Assistance.kind)
        .tuples()
    )
    found = {kind: KindTotal(kind, n, yuan(cash), yuan(goods), households) for kind, n, cash, goods, households in rows}
    kinds = list(ASSISTANCE_KINDS) + sorted(k for k in found if k not in ASSISTANCE_KINDS)
    by_kind = [found.get(k) or KindTotal(k, 0, ZERO, ZERO, 0) for k in kinds]
    households = Assistance.select(fn.COUNT(fn.DISTINCT(Assistance.file))).where(valid).scalar() or 0
    # Open on as_of: found by then, and not closed by then (still open, or closed later).
    open_on = (HardshipFile.found_date <= as_of) & (
        HardshipFile.status.in_(OPEN_STATUSES) | (HardshipFile.status_date.is_null(False) & (HardshipFile.status_date > as_of))
    )
    open_files = HardshipFile.select().where(open_on).count()
    helped_open = (
        HardshipFile.select(fn.COUNT(fn.DISTINCT(HardshipFile.id)))
        .join(Assistance)
        .where(open_on & valid)
        .scalar()
        or 0
    )
    opened = HardshipFile.select().where(HardshipFile.found_date.between(first, last)).count()
    return AssistanceStats(
        by_kind=by_kind,
        count=sum(k.count for k in by_kind),
        cash=sum((k.cash for k in by_kind), ZERO),
        goods_value=sum((k.goods_value for k in by_kind), ZERO),
        households=households,
        open_files=open_files,
        opened=opened,
        helped_open=helped_open,
    )


# --- tables -------------------------------------------------------------------------------------


def tables(a: AssistanceStats, stats) -> list[StatTable]:
    chart = Chart("stacked", (Series(3, "现金", QT_TRANSLATE_NOOP("StatsPage", "Cash")),
                              Series(4, "物品折价", QT_TRANSLATE_NOOP("StatsPage", "Goods value"))),
                  money=True, screen_height=260)
    headers = (QT_TRANSLATE_NOOP("StatsPage", "Kind"), QT_TRANSLATE_NOOP("StatsPage", "Times"), QT_TRANSLATE_NOOP("StatsPage", "Households"),
               QT_TRANSLATE_NOOP("StatsPage", "Cash (yuan)"), QT_TRANSLATE_NOOP("StatsPage", "Goods value (yuan)"),
               QT_TRANSLATE_NOOP("StatsPage", "Total (yuan)"))
    return [
        StatTable("assistance", "困难职工帮扶（按帮扶类别）",
                  ["帮扶类别", "次数", "户数", "现金（元）", "物品折价（元）", "合计（元）"],
                  ["text", "int", "int", "money", "money", "money"],
                  [[k.kind, k.count, k.households, k.cash, k.goods_value, k.amount] for k in a.by_kind],
                  ["合计", a.count, a.households, a.cash, a.goods_value, a.amount], "bar", "元",
                  TableLook(chart, span=2, title=QT_TRANSLATE_NOOP("StatsPage", "Hardship assistance by kind"), headers=headers)),
    ]


# --- words --------------------------------------------------------------------------------------


def paragraph(a: AssistanceStats, stats) -> str | None:
    if a.count:
        text = f"帮扶困难职工{a.households}户、{a.count}次，发放帮扶资金{yuan_text(a.amount)}"
        if a.open_files:
            text += f"；在档困难职工{a.open_files}户，帮扶率{percent(a.help_rate)}"
        return text
    if a.open_files:
        return f"在档困难职工{a.open_files}户，{stats.period_word}尚未登记帮扶"
    return None


def as_json(a: AssistanceStats) -> dict:
    return {
        "count": a.count,
        "cash": money_json(a.cash),
        "goods_value": money_json(a.goods_value),
        "amount": money_json(a.amount),
        "households": a.households,
        "open_files": a.open_files,
        "opened": a.opened,
        "helped_open": a.helped_open,
        "help_rate": None if a.help_rate is None else round(a.help_rate, 4),
        "by_kind": [
            {"kind": k.kind, "count": k.count, "cash": money_json(k.cash), "goods_value": money_json(k.goods_value),
             "amount": money_json(k.amount), "households": k.households}
            for k in a.by_kind
        ],
    }


def notes(a: AssistanceStats, stats) -> dict[str, str]:
    return {
        "assistance": (f"在档困难职工{a.open_files}户，本期帮扶其中{a.helped_open}户，帮扶率{percent(a.help_rate)}；"
                       f"本期新建档{a.opened}户。"),
    }


def screen_notes(a: AssistanceStats, stats) -> dict[str, list]:
    return {
        "assistance": [(
            QT_TRANSLATE_NOOP("StatsPage", "{open} hardship files open, {helped} of them helped in the period (help rate {rate}); {opened} opened."),
            {"open": a.open_files, "helped": a.helped_open, "rate": percent(a.help_rate), "opened": a.opened})],
    }


SECTION = StatsSection.of(__name__, "assistance", 30, "困难职工帮扶", assistance_stats)
