"""教代会与提案 on 首页: proposals whose reply is overdue, and a session coming within 30 days.

Both lists are always returned (as the other areas do): an empty one is named on 首页's line of
empty lists, and a list that appears or empties later is refreshed in place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from union_desk.db.congress_models import CongressSession
from union_desk.services import congress
from union_desk.ui.home.parts import HomeContext, HomeList

translate = QCoreApplication.translate  # lupdate reads translate("HomeTab", …)

SOON_DAYS = 30  # a session this many days ahead (or fewer) shows on 首页
SHORT_TITLE = 12  # characters of the 案由 shown


def short_title(title: str, width: int = SHORT_TITLE) -> str:
    """'关于改善教工食堂午餐质量的建议' → '改善教工食堂午餐质量'; longer ones cut with '…'."""
    text = (title or "").strip()
    if text.startswith("关于") and len(text) > 4:
        text = text[2:]
    for tail in ("的建议", "的提案", "的意见"):
        if text.endswith(tail) and len(text) > len(tail) + 2:
            text = text[: -len(tail)]
            break
    return text if len(text) <= width else text[: width - 1] + "…"


def overdue_line(proposal, today: dt.date) -> str:
    days = (today - proposal.due_date).days
    late = translate("HomeTab", "{n} days overdue").format(n=days)
    return f"{proposal.number}  {short_title(proposal.title)}  {proposal.department}  {late}"


def coming_sessions(today: dt.date) -> list[CongressSession]:
    return list(
        CongressSession.select()
        .where(CongressSession.date.between(today, today + dt.timedelta(days=SOON_DAYS)))
        .order_by(CongressSession.date, CongressSession.id)
    )


def session_line(session: CongressSession, today: dt.date) -> str:
    days = (session.date - today).days
    when = translate("HomeTab", "today") if days == 0 else translate("HomeTab", "in {n} days").format(n=days)
    place = f"  {session.place}" if session.place else ""
    return f"{session.date:%m-%d}  {session.title}{place}（{when}）"


def home_parts(ctx: HomeContext) -> list:
    today = ctx.today
    overdue = congress.overdue_proposals(today)
    coming = coming_sessions(today)
    return [
        HomeList(
            "congress_overdue",
            translate("HomeTab", "Proposals overdue for a reply"),
            [overdue_line(p, today) for p in overdue],
            "proposal",
            overdue,
            24,
        ),
        HomeList(
            "congress_coming",
            translate("HomeTab", "Staff congress in the next 30 days"),
            [session_line(s, today) for s in coming],
            "congress_session",
            coming,
            25,
        ),
    ]
