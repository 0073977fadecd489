"""工会经费's demo step (issue 19): the demo's visits, assistance and activities posted to the funds
book (they are written in bulk, so they are posted here in bulk, as the services would have), a
year's income (拨缴经费, 上级补助), a few entries typed by hand, the opening balances, budgets by
category with one category overrun, and the cap group 节日慰问."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from union_desk.db.fund_models import FundEntry
from union_desk.db.models import VisitType, database_proxy, now
from union_desk.services import fund_backfill, funds

INCOME = (("0.2", "拨缴经费（第{q}季度）", Decimal("18600.00")), ("0.3", "上级工会补助（第{q}季度）", Decimal("3000.00")))
SPENDING = (
    ("3.2", "教代会会务用品", Decimal("860.00"), 3),
    ("1.3", "工会宣传栏制作", Decimal("1250.00"), 4),
    ("1.1", "教职工读书活动购书", Decimal("2380.00"), 5),
    ("3.1", "工会干部培训费", Decimal("1600.00"), 10),
)


def make_funds(gen) -> None:
    today, year = gen.today, gen.today.year
    stamp = now().isoformat(sep=" ")
    fund_backfill.backfill(database_proxy.obj, stamp, mark=False)
    for y in (year - 1, year):
        funds.set_opening(y, Decimal("42000.00") if y == year - 1 else Decimal("36500.00"))
        for quarter in range(1, 5):
            day = dt.date(y, 3 * quarter - 2, 15)
            if day > today:
                break
            for code, summary, amount in INCOME:
                funds.add_entry({"date": day, "summary": summary.format(q=quarter), "category": code, "amount": amount,
                                 "handler": gen.handler.name, "attachments": 1})
    for code, summary, amount, month in SPENDING:
        day = dt.date(year, month, 12)
        if day <= today:
            funds.add_entry({"date": day, "summary": summary, "category": code, "amount": amount,
                             "handler": gen.handler.name, "attachments": 2, "over_budget_reason": "演示数据"})
    report = funds.report(dt.date(year, 1, 1), dt.date(year, 12, 31))
    for figure in report.categories:
        if figure.kind != "支出" or not figure.amount:
            continue
        # the budgets fit the year's spending with room, except 职工集体福利 which runs over
        factor = Decimal("0.9") if figure.code == "1.4" else Decimal("1.3")
        funds.set_budget(year, funds.category_by_code(figure.code), (figure.amount * factor).quantize(Decimal("100")))
    festival = [t for t in VisitType.select() if t.group == "节日"]
    if festival:
        funds.save_cap_group({"name": "节日慰问", "year": year, "cap": "1500", "goods_count": True,
                              "visit_types": [t.id for t in festival]})
    gen.counts["经费凭证"] = FundEntry.select().count()
