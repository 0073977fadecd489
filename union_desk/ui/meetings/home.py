"""会议与登记 on 首页: decisions due this week or overdue, letters waiting for a reply past their
deadline, and the meeting-count warning of the year (a list entry per kind that is short)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from union_desk.domain import meetings as rules
from union_desk.services import meetings
from union_desk.ui.home.parts import HomeContext, HomeList
from union_desk.ui.meetings.common import first_line, overdue_days

translate = QCoreApplication.translate  # lupdate reads translate("HomeTab", …)


def decision_line(decision, today) -> str:
    """筹备三八活动 · 王老师 · 逾期2天"""
    due = rules.decision_due_text(decision.due_date, decision.state, today)
    parts = [first_line(decision.text, 16), decision.owner, due]
    return " · ".join(p for p in parts if p)


def letter_line(letter, today) -> str:
    """匿名 · 食堂饭菜价格偏高 · 逾期5天 (the serial is on the page the entry opens)"""
    parts = [meetings.letter_person(letter), first_line(letter.matter, 12),
             f"逾期{overdue_days(letter.due_date, today)}天"]
    return " · ".join(p for p in parts if p)


def home_parts(ctx: HomeContext) -> list:
    """The lists always come (empty ones are named on one line by 首页), so an entry that is done
    goes away at the next refresh."""
    today = ctx.today
    decisions = meetings.decisions_due(today)
    letters = meetings.overdue_letters(today)
    short = [c for c in meetings.count_checks(today.year, today) if c.warning]
    return [
        HomeList("meeting_decisions", translate("HomeTab", "Meeting decisions due this week or overdue"),
                 [decision_line(d, today) for d in decisions], "decision", decisions, 40),
        HomeList("letters_overdue", translate("HomeTab", "Letters and visits not answered in time"),
                 [letter_line(letter, today) for letter in letters], "letter", letters, 41),
        HomeList("meeting_counts", translate("HomeTab", "Meetings held fewer than required"),
                 [c.warning for c in short], "meeting", [None] * len(short), 42),
    ]
