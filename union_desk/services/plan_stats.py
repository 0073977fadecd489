"""年度统计 · 工作计划完成情况 (the plan area's statistics section).

Plan: items by their month (the month, or the month of their date), as `plan.completion`. Items
with neither are counted in the total of a calendar year only (未定月份).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.db.models import PlanItem
from union_desk.services.plan import Period, Rate
from union_desk.services.stats import (
    Chart,
    Series,
    StatsSection,
    StatTable,
    TableLook,
    month_label,
    percent,
    rate_json,
)



@dataclass
class PlanMonth:
    label: str
    year: int
    month: int
    rate: Rate


@dataclass
class PlanStats:
    months: list[PlanMonth]
    total: Rate
    postponed: int
    in_progress: int
    undated: Rate  # items with neither month nor date (counted in the total of a calendar year only)


def plan_stats(period: Period, as_of: dt.date | None = None) -> PlanStats:
    month = fn.COALESCE(PlanItem.month, fn.strftime("%m", PlanItem.date).cast("INTEGER"))
    a = period.start[0] * 100 + period.start[1]
    b = period.end[0] * 100 + period.end[1]
    years = sorted({y for y, _m in period.months()})
    rows = (
        PlanItem.select(PlanItem.year, month.alias("m"), PlanItem.status, fn.COUNT(PlanItem.id))
        .where(PlanItem.year.in_(years))
        .group_by(PlanItem.year, month, PlanItem.status)
        .tuples()
    )
    months = {(y, m): PlanMonth(month_label(period, y, m), y, m, Rate()) for y, m in period.months()}
    total = Rate()
    postponed = in_progress = 0
    undated = Rate()
    for y, m, status, n in rows:
        if m is None:
            if period.kind != "year":
                continue
            undated.add(status, n)
        elif not a <= y * 100 + m <= b:
            continue
        else:
            months[(y, m)].rate.add(status, n)
        total.add(status, n)
        if status == "顺延":
            postponed += n
        elif status == "进行中":
            in_progress += n
    return PlanStats(list(months.values()), total, postponed, in_progress, undated)


# --- tables -------------------------------------------------------------------------------------


def tables(p: PlanStats, stats) -> list[StatTable]:
    chart = Chart("bar", (Series(1, "计划项数", QT_TRANSLATE_NOOP("StatsPage", "Planned")),
                          Series(2, "已完成", QT_TRANSLATE_NOOP("StatsPage", "Done"))),
                  height=56, screen_height=280)
    headers = (QT_TRANSLATE_NOOP("StatsPage", "Month"), QT_TRANSLATE_NOOP("StatsPage", "Planned"), QT_TRANSLATE_NOOP("StatsPage", "Done"),
               QT_TRANSLATE_NOOP("StatsPage", "Cancelled"), QT_TRANSLATE_NOOP("StatsPage", "Completion"))
    undated = [["未定月份", p.undated.total, p.undated.done, p.undated.cancelled, p.undated.rate]] if p.undated.total else []
    return [
        StatTable("plan", "工作计划完成情况（按月）", ["月份", "计划项数", "已完成", "已取消", "完成率"],
                  ["text", "int", "int", "int", "rate"],
                  [[mo.label, mo.rate.total, mo.rate.done, mo.rate.cancelled, mo.rate.rate] for mo in p.months] + undated,
                  ["合计", p.total.total, p.total.done, p.total.cancelled, p.total.rate], "grouped", "项",
                  TableLook(chart, beside=True, chart_width=104, span=2,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Plan completion per month"), headers=headers),
                  row_months=tuple(mo.month for mo in p.months)),
    ]


# --- words --------------------------------------------------------------------------------------


def paragraph(p: PlanStats, stats) -> str | None:
    if not p.total.total:
        return None
    text = f"工作计划共{p.total.total}项，已完成{p.total.done}项"
    if p.total.cancelled:
        text += f"、取消{p.total.cancelled}项"
    return text + f"，完成率{percent(p.total.rate)}"


def as_json(p: PlanStats) -> dict:
    return {
        "total": rate_json(p.total),
        "postponed": p.postponed,
        "in_progress": p.in_progress,
        "undated": rate_json(p.undated),
        "by_month": [{"year": mo.year, "month": mo.month, **rate_json(mo.rate)} for mo in p.months],
    }


def notes(p: PlanStats, stats) -> dict[str, str]:
    return {"plan": "完成率＝已完成÷（计划项数－已取消）。"}


def screen_notes(p: PlanStats, stats) -> dict[str, list]:
    return {"plan": [(QT_TRANSLATE_NOOP("StatsPage", "Completion = done / (planned − cancelled)."), {})]}


def sheet_notes(p: PlanStats, stats) -> list[str]:
    return ["计划完成率＝已完成÷（计划项数－已取消）。"]


SECTION = StatsSection.of(__name__, "plan", 50, "工作计划完成情况", plan_stats)
