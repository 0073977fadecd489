"""The work plan (工作计划): listing a year's items in calendar order."""

from __future__ import annotations

import datetime as dt

from union_desk.db.models import PlanItem


def item_month(item: PlanItem) -> int | None:
    return item.date.month if item.date else item.month


def list_items(year: int, text: str = "") -> list[PlanItem]:
    """A year's items: by month, dated items by date, month-only items at the end of their month."""
    query = PlanItem.select().where(PlanItem.year == year)
    text = (text or "").strip()
    if text:
        query = query.where(PlanItem.title.contains(text) | PlanItem.responsible.contains(text))
    end_of_year = dt.date(year, 12, 31)
    return sorted(
        query,
        key=lambda i: (item_month(i) or 13, i.date or end_of_year, i.sort_order, i.id),
    )
