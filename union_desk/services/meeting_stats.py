"""年度统计 · 会议与登记 (issue 17): meetings held per kind against the minimum, decisions carried
out, 来信来访 received and answered, 合理化建议 made and adopted."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from peewee import fn

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.db.meeting_models import Decision, Letter, Meeting, MeetingKind, Suggestion
from union_desk.services import meetings as meetings_service
from union_desk.services.plan import Period
from union_desk.services.stats import StatsSection, StatTable, TableLook


@dataclass
class KindFigure:
    kind: str
    held: int
    minimum: str  # 每季度至少1次 / ''
    short: list[str]  # periods with too few meetings


@dataclass
class MeetingStats:
    kinds: list[KindFigure]
    held: int
    decisions: int
    decisions_done: int
    letters: int
    letters_answered: int
    letters_overdue: int
    suggestions: int
    adopted: int  # 采纳 + 部分采纳

    @property
    def warnings(self) -> list[str]:
        return [f"{k.kind}{'、'.join(k.short)}召开次数不足（{k.minimum}）" for k in self.kinds if k.short]


def meeting_stats(period: Period, as_of: dt.date | None = None) -> MeetingStats:
    start, end = period.first_day, period.last_day
    today = as_of or dt.date.today()
    checks = {c.kind: c for c in meetings_service.count_checks_between(start, end, today)}
    in_period = Meeting.date.between(start, end)
    counts = dict(
        Meeting.select(MeetingKind.name, fn.COUNT(Meeting.id)).join(MeetingKind).where(in_period)
        .group_by(MeetingKind.name).tuples()
    )
    kinds = []
    for kind in meetings_service.kinds(active_only=False):
        check = checks.get(kind.name)
        held = counts.get(kind.name, 0)
        if not held and not (kind.active and kind.min_count):
            continue
        minimum = f"每{kind.min_period}至少{kind.min_count}次" if kind.min_count else ""
        kinds.append(KindFigure(kind.name, held, minimum, list(check.short) if check else []))
    decisions = Decision.select().join(Meeting).where(in_period)
    letters = Letter.select().where(Letter.date.between(start, end))
    suggestions = Suggestion.select().where(Suggestion.date.between(start, end))
    return MeetingStats(
        kinds=kinds,
        held=sum(counts.values()),
        decisions=decisions.count(),
        decisions_done=decisions.where(Decision.state == "已办").count(),
        letters=letters.count(),
        letters_answered=letters.where(Letter.reply_date.is_null(False)).count(),
        letters_overdue=sum(1 for letter in meetings_service.overdue_letters(today) if start <= letter.date <= end),
        suggestions=suggestions.count(),
        adopted=suggestions.where(Suggestion.adoption.in_(["采纳", "部分采纳"])).count(),
    )


def tables(data: MeetingStats, stats) -> list[StatTable]:
    return [
        StatTable("meetings", "会议召开情况", ["会议类别", "召开次数", "最少应开", "不足的时段"],
                  ["text", "int", "text", "text"],
                  [[k.kind, k.held, k.minimum or "—", "、".join(k.short) or "—"] for k in data.kinds],
                  ["合计", data.held, "", ""], "", "次",
                  TableLook(title=QT_TRANSLATE_NOOP("StatsPage", "Meetings held"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Meeting kind"), QT_TRANSLATE_NOOP("StatsPage", "Held"),
                                     QT_TRANSLATE_NOOP("StatsPage", "Minimum"), QT_TRANSLATE_NOOP("StatsPage", "Periods short")),
                            total=QT_TRANSLATE_NOOP("StatsPage", "Total"))),
        StatTable("registers", "决定事项、来信来访与合理化建议", ["项目", "件数", "已办结（答复、采纳）", "办结率"],
                  ["text", "int", "int", "rate"],
                  [["会议决定事项", data.decisions, data.decisions_done, _rate(data.decisions_done, data.decisions)],
                   ["来信来访", data.letters, data.letters_answered, _rate(data.letters_answered, data.letters)],
                   ["合理化建议", data.suggestions, data.adopted, _rate(data.adopted, data.suggestions)]],
                  None, "", "件",
                  TableLook(title=QT_TRANSLATE_NOOP("StatsPage", "Decisions, letters and suggestions"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Item"), QT_TRANSLATE_NOOP("StatsPage", "Count"),
                                     QT_TRANSLATE_NOOP("StatsPage", "Done (answered, adopted)"),
                                     QT_TRANSLATE_NOOP("StatsPage", "Rate")))),
    ]


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def paragraph(data: MeetingStats, stats) -> str | None:
    if not (data.held or data.letters or data.suggestions):
        return None
    parts = []
    if data.held:
        parts.append(f"召开各类会议{data.held}次，形成决定事项{data.decisions}条、已办{data.decisions_done}条")
    if data.letters:
        parts.append(f"受理来信来访{data.letters}件、已答复{data.letters_answered}件")
    if data.suggestions:
        parts.append(f"收到合理化建议{data.suggestions}条、采纳{data.adopted}条")
    return "，".join(parts)


def as_json(data: MeetingStats) -> dict:
    return {
        "held": data.held,
        "kinds": [asdict(k) for k in data.kinds],
        "decisions": data.decisions,
        "decisions_done": data.decisions_done,
        "letters": data.letters,
        "letters_answered": data.letters_answered,
        "letters_overdue": data.letters_overdue,
        "suggestions": data.suggestions,
        "adopted": data.adopted,
        "warnings": data.warnings,
    }


def notes(data: MeetingStats, stats) -> dict[str, str]:
    found = {"registers": "来信来访按受理日期、合理化建议按提出日期计入；采纳含部分采纳。"}
    if data.warnings:
        found["meetings"] = "；".join(data.warnings) + "。"
    return found


def screen_notes(data: MeetingStats, stats) -> dict[str, list]:
    if not data.warnings:
        return {}
    return {"meetings": [(QT_TRANSLATE_NOOP("StatsPage", "Too few meetings: {text}"), {"text": "；".join(data.warnings)})]}


def sheet_notes(data: MeetingStats, stats) -> list:
    return [*data.warnings]


SECTION = StatsSection.of(__name__, "meetings", 70, "会议与登记", meeting_stats)
