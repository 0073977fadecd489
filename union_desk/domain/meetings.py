"""The rules of meetings and registers as plain functions (issue 17, DOMAIN.md §7.5): the periods a
minimum meeting count is checked in, the meeting-count warning, decision and reply deadlines, and
how a letter's person is shown (anonymous stays anonymous everywhere; names can be hidden)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ATTENDANCE_STATES = ("出席", "请假", "缺席")
DECISION_STATES = ("未办", "在办", "已办")
OPEN_DECISION_STATES = ("未办", "在办")
PERIODS = ("月", "季度", "年")
CHANNELS = ("来信", "来访", "信箱", "电话", "网络")
PERSON_KINDS = ("会员", "非会员", "匿名")
LETTER_CATEGORIES = ("工资待遇", "福利保障", "工作环境", "劳动关系", "意见建议", "投诉", "求助", "其他")
SUGGESTION_CATEGORIES = ("教育教学", "学校管理", "后勤保障", "节能降耗", "职工生活", "其他")
ADOPTIONS = ("待定", "采纳", "部分采纳", "未采纳")
ANONYMOUS = "匿名"
HIDDEN = "（不公开）"


@dataclass(frozen=True)
class Period:
    label: str  # 2027年第一季度, 2027年3月, 2027年
    start: dt.date
    end: dt.date


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + (month == 12), month % 12 + 1, 1)) - dt.timedelta(days=1)


def periods_of(year: int, kind: str) -> list[Period]:
    """The months, quarters or the year of `year`."""
    if kind == "月":
        return [Period(f"{year}年{m}月", dt.date(year, m, 1), _month_end(year, m)) for m in range(1, 13)]
    if kind == "季度":
        names = "一二三四"
        return [
            Period(f"{year}年第{names[q]}季度", dt.date(year, 3 * q + 1, 1), _month_end(year, 3 * q + 3))
            for q in range(4)
        ]
    return [Period(f"{year}年", dt.date(year, 1, 1), dt.date(year, 12, 31))]


@dataclass(frozen=True)
class CountCheck:
    """Meetings of one kind held per period against the minimum; `short` lists the periods that
    ended (or are running, when `include_running`) with fewer meetings than the minimum."""

    kind: str
    minimum: int
    period: str
    held: dict[str, int]
    short: list[str]

    @property
    def warning(self) -> str:
        if not self.short:
            return ""
        return f"{self.kind}应每{self.period}至少召开{self.minimum}次：{'、'.join(self.short)}不足"


def periods_between(start: dt.date, end: dt.date, kind: str) -> list[Period]:
    """The months, quarters or years that lie wholly between `start` and `end` (a school year
    from September to August has its months and the quarters 四季度 … 二季度, but no whole year)."""
    found = []
    for year in range(start.year, end.year + 1):
        found += [p for p in periods_of(year, kind) if start <= p.start and p.end <= end]
    return found


def count_check(kind: str, minimum: int, period: str, start: dt.date, end: dt.date, dates: list[dt.date],
                today: dt.date) -> CountCheck:
    """Count `dates` per period between `start` and `end`; a period is short when it has ended
    before `today` with fewer than `minimum` meetings (a running period is not short yet: there is
    still time)."""
    held: dict[str, int] = {}
    short: list[str] = []
    for p in periods_between(start, end, period):
        n = sum(1 for d in dates if p.start <= d <= p.end)
        held[p.label] = n
        if minimum and n < minimum and p.end < today:
            short.append(p.label)
    return CountCheck(kind, minimum, period, held, short)


def week_end(today: dt.date) -> dt.date:
    """The Sunday of `today`'s week: decisions due by then show on 首页."""
    return today + dt.timedelta(days=6 - today.weekday())


def decision_due_text(due: dt.date | None, state: str, today: dt.date) -> str:
    """'逾期3天' / '今天到期' / '本周到期' / ''."""
    if due is None or state not in OPEN_DECISION_STATES:
        return ""
    if due < today:
        return f"逾期{(today - due).days}天"
    if due == today:
        return "今天到期"
    if due <= week_end(today):
        return "本周到期"
    return ""


def person_text(person_kind: str, name: str, hide_names: bool = False) -> str:
    """How a letter's person is shown: 匿名 always stays 匿名; with `hide_names` every other name
    is replaced by （不公开）."""
    if person_kind == ANONYMOUS:
        return ANONYMOUS
    if hide_names:
        return HIDDEN
    return name or ""


def serial(year: int, number: int) -> str:
    return f"XF{year}-{number:03d}"
