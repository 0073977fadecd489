"""工会经费 on 首页: the categories over their budget this year ("3.2 会议费 超出预算1,000.00元"; an
entry opens the category's latest entry in 明细账), and the last term not closed although it has
ended (a figure). Nothing when there is nothing to say."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from union_desk.db.fund_models import FundCategory, FundClosing, FundEntry
from union_desk.domain import funds as rules
from union_desk.services import funds
from union_desk.ui.home.parts import HomeContext, HomeFigure, HomeList

translate = QCoreApplication.translate  # lupdate reads translate("HomeTab", …)

GRACE_DAYS = 15  # a term shows as not closed this many days after its end


def over_budget(year: int) -> list[tuple[FundCategory, str]]:
    """(category, '3.2 会议费 超出预算1,000.00元') of the year's spending categories past their budget."""
    report = funds.report(dt.date(year, 1, 1), dt.date(year, 12, 31))
    out = []
    for figure in report.over_budget:
        category = funds.category_by_code(figure.code)
        out.append((category, f"{figure.code} {figure.name} {rules.budget_warning(rules.ZERO, figure.amount, figure.budget)}"))
    return out


def last_ended_term(today: dt.date) -> tuple[str, dt.date, dt.date]:
    """The latest 春季 (Feb–Jul) or 秋季 (Sep–Jan) term that ended before `today`."""
    candidates = []
    for year in (today.year, today.year - 1, today.year - 2):
        candidates.append((f"{year}年春季学期", dt.date(year, 2, 1), dt.date(year, 7, 31)))
        candidates.append((f"{year}年秋季学期", dt.date(year, 9, 1), dt.date(year + 1, 1, 31)))
    ended = [c for c in candidates if c[2] < today]
    return max(ended, key=lambda c: c[2])


def term_not_closed(today: dt.date) -> str:
    """'2026年春季学期' when it ended (more than GRACE_DAYS ago), has entries and no closing covers it."""
    label, start, end = last_ended_term(today)
    if (today - end).days <= GRACE_DAYS:
        return ""
    if not FundEntry.select().where(FundEntry.date.between(start, end)).exists():
        return ""
    covered = FundClosing.select().where(
        (FundClosing.closed == True) & (FundClosing.start_date <= start) & (FundClosing.end_date >= end)).exists()  # noqa: E712
    return "" if covered else label


def latest_entry(category: FundCategory, year: int) -> FundEntry | None:
    return (FundEntry.select().where((FundEntry.category == category)
                                     & FundEntry.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
            .order_by(FundEntry.date.desc(), FundEntry.serial.desc()).first())


def home_parts(ctx: HomeContext) -> list:
    today = ctx.today
    parts: list = []
    over = over_budget(today.year)
    if over:
        records = [latest_entry(category, today.year) for category, _line in over]
        parts.append(HomeList("funds_over_budget", translate("HomeTab", "Over budget this year"),
                              [line for _category, line in over], "fund_entry", records, 40))
    label = term_not_closed(today)
    if label:
        parts.append(HomeFigure("funds_not_closed", translate("HomeTab", "Funds not closed yet"), label, 41))
    return parts
