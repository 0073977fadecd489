"""The stretch of time a ledger covers: a calendar year, a 学年 (September – August) or any range.

    LedgerPeriod.year(2026)            # 2026-01-01 … 2026-12-31, '2026年度'
    LedgerPeriod.school_year(2025)     # 2025-09-01 … 2026-08-31, '2025—2026学年'
    LedgerPeriod.between(a, b)         # a … b, '2026-03-01 至 2026-06-30'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from union_desk.errors import ValidationError
from union_desk.services import plan

MIN_YEAR, MAX_YEAR = plan.MIN_YEAR, plan.MAX_YEAR


def _check_year(year) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError(f"年份不对：{year}", field="year") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(f"年份应在 {MIN_YEAR} 到 {MAX_YEAR} 之间，而不是 {year}", field="year")
    return year


@dataclass(frozen=True)
class LedgerPeriod:
    first: dt.date
    last: dt.date
    kind: str = "range"  # year / school_year / range

    @classmethod
    def year(cls, year) -> LedgerPeriod:
        year = _check_year(year)
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @classmethod
    def school_year(cls, year) -> LedgerPeriod:
        """The 学年 that starts in September of `year`."""
        year = _check_year(year)
        return cls(dt.date(year, 9, 1), dt.date(year + 1, 8, 31), "school_year")

    @classmethod
    def between(cls, first: dt.date, last: dt.date) -> LedgerPeriod:
        if first is None or last is None:
            raise ValidationError("请填写起止日期", field="date_from")
        if last < first:
            raise ValidationError(f"结束日期 {last.isoformat()} 早于开始日期 {first.isoformat()}", field="date_to")
        _check_year(first.year)
        _check_year(last.year)
        return cls(first, last, "range")

    @property
    def label(self) -> str:
        """The words in a ledger's title: '2026年度', '2025—2026学年', '2026-03-01 至 2026-06-30'."""
        if self.kind == "year":
            return f"{self.first.year}年度"
        if self.kind == "school_year":
            return f"{self.first.year}—{self.last.year}学年"
        return f"{self.first.isoformat()} 至 {self.last.isoformat()}"

    @property
    def file_label(self) -> str:
        """For file names: '2026年度', '2025-2026学年', '20260301-20260630'."""
        if self.kind == "range":
            return f"{self.first:%Y%m%d}-{self.last:%Y%m%d}"
        return self.label.replace("—", "-")

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(self.first, dt.time.min)

    @property
    def end(self) -> dt.datetime:
        return dt.datetime.combine(self.last, dt.time(23, 59, 59))

    @property
    def years(self) -> list[int]:
        return list(range(self.first.year, self.last.year + 1))

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.first <= day <= self.last

    def plan_period(self) -> plan.Period:
        """The same months as a plan `Period` (what the statistics service counts in)."""
        if self.kind == "year":
            return plan.year_period(self.first.year)
        if self.kind == "school_year":
            return plan.school_year(self.first.year)
        return plan.Period(self.label, (self.first.year, self.first.month), (self.last.year, self.last.month), "range")
