"""年度统计 · 评优表彰 (issue 18): 获表彰N人次 by level, and the rounds of the period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.db.honour_models import AwardRound, Nomination
from union_desk.domain import honours as rules
from union_desk.services import honours as honours_service
from union_desk.services.plan import Period
from union_desk.services.stats import Chart, Series, StatsSection, StatTable, TableLook


@dataclass
class HonourStats:
    by_level: dict[str, int]  # 人次 (a group honour once)
    rounds: int  # rounds of the period's years
    nominations: int
    elected: int

    @property
    def total(self) -> int:
        return sum(self.by_level.values())


def honour_stats(period: Period, as_of: dt.date | None = None) -> HonourStats:
    start, end = period.first_day, period.last_day
    rounds = AwardRound.select().where(AwardRound.year.between(start.year, end.year))
    nominations = Nomination.select().where(Nomination.award_round.in_(rounds))
    return HonourStats(
        by_level=honours_service.counts_by_level(start, end),
        rounds=rounds.count(),
        nominations=nominations.count(),
        elected=nominations.where(Nomination.result == "当选").count(),
    )


def tables(data: HonourStats, stats) -> list[StatTable]:
    chart = Chart("bar", (Series(1, "人次", QT_TRANSLATE_NOOP("StatsPage", "Honours")),), height=40, screen_height=200)
    return [
        StatTable("honours", "获表彰人次（按级别）", ["级别", "人次"], ["text", "int"],
                  [[f"{level}级", data.by_level[level]] for level in rules.LEVELS],
                  ["合计", data.total], "bar", "人次",
                  TableLook(chart, beside=True, title=QT_TRANSLATE_NOOP("StatsPage", "Honours by level"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Level"), QT_TRANSLATE_NOOP("StatsPage", "Honours")),
                            total=QT_TRANSLATE_NOOP("StatsPage", "Total"))),
    ]


def paragraph(data: HonourStats, stats) -> str | None:
    if not data.total:
        return None
    levels = "、".join(f"{level}级{n}人次" for level, n in data.by_level.items() if n)
    return f"获表彰{data.total}人次（{levels}）"


def as_json(data: HonourStats) -> dict:
    return {"total": data.total, "by_level": data.by_level, "rounds": data.rounds, "nominations": data.nominations,
            "elected": data.elected}


def notes(data: HonourStats, stats) -> dict[str, str]:
    return {"honours": "按获得日期计入（未记日期的按年度）；集体荣誉计1人次，列在集体荣誉下的成员不重复计。"}


SECTION = StatsSection.of(__name__, "honours", 75, "评优表彰", honour_stats)
