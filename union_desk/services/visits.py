"""Visits and condolences (走访慰问): listing and yearly totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from union_desk.db.models import Member, Visit, VisitType


def list_visits(year: int | None = None, text: str = "", include_voided: bool = True):
    query = Visit.select(Visit, Member, VisitType).join(Member).switch(Visit).join(VisitType)
    if year:
        query = query.where(Visit.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    text = (text or "").strip().lower()
    if text:
        query = query.where(
            Member.name.contains(text)
            | (Member.pinyin_key ** f"%{text}%")
            | VisitType.name.contains(text)
            | Visit.serial.contains(text)
        )
    if not include_voided:
        query = query.where(Visit.voided == False)  # noqa: E712 - peewee expression
    return list(query.order_by(Visit.date.desc(), Visit.serial.desc()))


def year_totals(year: int) -> tuple[int, Decimal]:
    """(人次, 金额) of the year's visits that are not voided."""
    visits = list_visits(year, include_voided=False)
    return len(visits), sum((v.cash for v in visits), Decimal("0.00"))
