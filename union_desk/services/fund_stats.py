"""年度统计 · 经费 (issue 19): income, spending and the balance of the period, spending by category
(charted) against the budget."""

from __future__ import annotations

import datetime as dt

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.services import funds
from union_desk.services.plan import Period
from union_desk.services.stats import Chart, Series, StatsSection, StatTable, TableLook


def fund_stats(period: Period, as_of: dt.date | None = None) -> funds.FundsReport:
    return funds.report(period.first_day, period.last_day)


def tables(data: funds.FundsReport, stats) -> list[StatTable]:
    spending = [f for f in data.categories if f.kind == "支出" and (f.amount or f.budget)]
    chart = Chart("hbar", (Series(3, "支出", QT_TRANSLATE_NOOP("StatsPage", "Spent")),), money=True, shorten=10,
                  screen_height=60, screen_per_row=28)
    return [
        StatTable("funds", "经费收支概况", ["项目", "金额（元）"], ["text", "money"],
                  [["期初结余", data.opening], ["本期收入", data.income], ["本期支出", data.spending], ["期末结余", data.closing]],
                  None, "", "元",
                  TableLook(title=QT_TRANSLATE_NOOP("StatsPage", "Union funds"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Item"), QT_TRANSLATE_NOOP("StatsPage", "Amount (yuan)")))),
        StatTable("fund_spending", "支出按科目", ["科目", "预算（元）", "执行率", "支出（元）"], ["text", "money", "rate", "money"],
                  [[f"{f.code} {f.name}", f.budget, None if f.execution is None else float(f.execution), f.amount] for f in spending],
                  ["合计", sum((f.budget or 0 for f in spending), funds.ZERO) or None, None, data.spending], "hbar", "元",
                  TableLook(chart, wide_first=True, span=2, title=QT_TRANSLATE_NOOP("StatsPage", "Spending by category"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Category"), QT_TRANSLATE_NOOP("StatsPage", "Budget (yuan)"),
                                     QT_TRANSLATE_NOOP("StatsPage", "Execution"), QT_TRANSLATE_NOOP("StatsPage", "Spent (yuan)")),
                            total=QT_TRANSLATE_NOOP("StatsPage", "Total"))),
    ]


def paragraph(data: funds.FundsReport, stats) -> str | None:
    if not (data.income or data.spending):
        return None
    return f"经费收入{data.income:,.2f}元、支出{data.spending:,.2f}元，期末结余{data.closing:,.2f}元"


def as_json(data: funds.FundsReport) -> dict:
    return funds.report_json(data)


def notes(data: funds.FundsReport, stats) -> dict[str, str]:
    over = "；".join(f"{f.code} {f.name}超出预算{f.amount - f.budget:,.2f}元" for f in data.over_budget)
    return {"fund_spending": "执行率＝支出÷预算。" + (f"{over}。" if over else "")}


SECTION = StatsSection.of(__name__, "funds", 65, "经费收支", fund_stats)
