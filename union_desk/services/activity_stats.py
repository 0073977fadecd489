"""年度统计 · 活动开展 (the activities area's statistics section).

Activities: starting in the period, not cancelled (已取消 activities are only counted). Sign-ups are
distinct members with a place (已报名; 候补 and 已取消 are not sign-ups), check-ins are distinct
members checked in; 参与率 is `activities.ActivityRow.participation_rate`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from peewee import Case, fn

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.db.models import Activity, ActivityItem, SignUp
from union_desk.services import activities as activities_service
from union_desk.services.plan import Period
from union_desk.services.stats import (
    Chart,
    Note,
    Series,
    StatsSection,
    StatTable,
    TableLook,
    day_end,
    percent,
)

MAX_ACTIVITY_BARS = 30  # the chart shows the first activities
SHORT_TITLE = 16  # longer titles are cut in the chart


@dataclass
class ActivityFigure:
    id: int
    title: str
    start: dt.datetime
    category: str
    status: str
    signed_up: int
    waiting: int
    checked_in: int
    eligible: int
    rate: float | None  # 参与率


@dataclass
class ActivityStats:
    rows: list[ActivityFigure]  # in date order
    cancelled: int  # activities of the period that were cancelled (not in rows)
    signed_up: int  # 人次
    checked_in: int  # 人次
    participants: int  # distinct members checked in at one activity at least

    @property
    def held(self) -> int:
        return len(self.rows)

    @property
    def average_rate(self) -> float | None:
        rates = [r.rate for r in self.rows if r.rate is not None]
        return sum(rates) / len(rates) if rates else None


def activity_stats(period: Period, as_of: dt.date | None = None) -> ActivityStats:
    when = Activity.start.between(dt.datetime.combine(period.first_day, dt.time.min), day_end(period.last_day))
    held = list(Activity.select().where(when & (Activity.status != "已取消")).order_by(Activity.start, Activity.id))
    cancelled = Activity.select().where(when & (Activity.status == "已取消")).count()
    ids = [a.id for a in held]
    counts: dict[int, tuple[int, int, int]] = {}
    participants = 0
    if ids:
        signed = SignUp.state == activities_service.SIGNED
        rows = (
            SignUp.select(
                ActivityItem.activity,
                fn.COUNT(fn.DISTINCT(Case(None, [(signed, SignUp.member)], None))),
                fn.COUNT(fn.DISTINCT(Case(None, [(SignUp.state == activities_service.WAITING, SignUp.member)], None))),
                fn.COUNT(fn.DISTINCT(Case(None, [(signed & (SignUp.checked_in == True), SignUp.member)], None))),  # noqa: E712
            )
            .join(ActivityItem)
            .where(ActivityItem.activity.in_(ids))
            .group_by(ActivityItem.activity)
            .tuples()
        )
        counts = {a: (s, w, c) for a, s, w, c in rows}
        participants = (
            SignUp.select(fn.COUNT(fn.DISTINCT(SignUp.member)))
            .join(ActivityItem)
            .where(
                ActivityItem.activity.in_(ids)
                & (SignUp.state == activities_service.SIGNED)
                & (SignUp.checked_in == True)  # noqa: E712
            )
            .scalar()
            or 0
        )
    figures = []
    for a in held:
        s, w, c = counts.get(a.id, (0, 0, 0))
        row = activities_service.ActivityRow(a, s, w, c, activities_service.eligible_count(a))
        figures.append(ActivityFigure(a.id, a.title, a.start, a.category, a.status, s, w, c, row.eligible, row.participation_rate))
    return ActivityStats(
        rows=figures,
        cancelled=cancelled,
        signed_up=sum(f.signed_up for f in figures),
        checked_in=sum(f.checked_in for f in figures),
        participants=participants,
    )


# --- tables -------------------------------------------------------------------------------------


def tables(act: ActivityStats, stats) -> list[StatTable]:
    chart = Chart("hbar", (Series(3, "报名人数", QT_TRANSLATE_NOOP("StatsPage", "Signed up")),
                           Series(5, "签到人数", QT_TRANSLATE_NOOP("StatsPage", "Checked in"))),
                  limit=MAX_ACTIVITY_BARS, shorten=SHORT_TITLE, screen_height=80, screen_per_row=34)
    headers = (QT_TRANSLATE_NOOP("StatsPage", "Activity"), QT_TRANSLATE_NOOP("StatsPage", "Date"), QT_TRANSLATE_NOOP("StatsPage", "Status"),
               QT_TRANSLATE_NOOP("StatsPage", "Signed up"), QT_TRANSLATE_NOOP("StatsPage", "Waiting"),
               QT_TRANSLATE_NOOP("StatsPage", "Checked in"), QT_TRANSLATE_NOOP("StatsPage", "Eligible"),
               QT_TRANSLATE_NOOP("StatsPage", "Participation"))
    return [
        StatTable("activities", "活动报名、签到与参与率",
                  ["活动", "日期", "状态", "报名人数", "候补", "签到人数", "应参与人数", "参与率"],
                  ["text", "date", "text", "int", "int", "int", "int", "rate"],
                  [[r.title, r.start.date(), r.status, r.signed_up, r.waiting, r.checked_in, r.eligible, r.rate]
                   for r in act.rows],
                  [f"合计（{act.held}项，参与率为平均值）", None, "", act.signed_up, sum(r.waiting for r in act.rows),
                   act.checked_in, sum(r.eligible for r in act.rows), act.average_rate], "grouped", "人",
                  TableLook(chart, wide_first=True, span=2,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Activities: sign-ups, check-ins and participation"),
                            headers=headers, total=QT_TRANSLATE_NOOP("StatsPage", "Total ({n}; average participation)"))),
    ]


# --- words --------------------------------------------------------------------------------------


def paragraph(act: ActivityStats, stats) -> str | None:
    if not act.held:
        return None
    text = f"开展活动{act.held}项，报名{act.signed_up}人次，签到{act.checked_in}人次"
    if act.participants:
        text += f"，参加活动的会员共{act.participants}人"
    if act.average_rate is not None:
        text += f"，平均参与率{percent(act.average_rate)}"
    return text


def as_json(act: ActivityStats) -> dict:
    return {
        "held": act.held,
        "cancelled": act.cancelled,
        "signed_up": act.signed_up,
        "checked_in": act.checked_in,
        "participants": act.participants,
        "average_rate": None if act.average_rate is None else round(act.average_rate, 4),
        "rows": [
            {**{k: val for k, val in asdict(r).items() if k not in ("start", "rate")},
             "start": r.start.strftime("%Y-%m-%d %H:%M"),
             "rate": None if r.rate is None else round(r.rate, 4)}
            for r in act.rows
        ],
    }


def notes(act: ActivityStats, stats) -> dict[str, str]:
    return {
        "activities": (
            f"共开展活动{act.held}项" + (f"（另有{act.cancelled}项取消，不计）" if act.cancelled else "")
            + "；参与率＝签到人数（未结束的活动按报名人数）÷应参与人数。"
            + (f"图中列出前{MAX_ACTIVITY_BARS}项。" if act.held > MAX_ACTIVITY_BARS else "")
        ),
    }


def screen_notes(act: ActivityStats, stats) -> dict[str, list]:
    found = [(QT_TRANSLATE_NOOP("StatsPage", "{held} activities held, {cancelled} cancelled (not counted). Participation = checked in (signed up before the day) / eligible members."),
              {"held": act.held, "cancelled": act.cancelled})]
    if act.held > MAX_ACTIVITY_BARS:
        found.append((QT_TRANSLATE_NOOP("StatsPage", "The chart shows the first {n}."), {"n": MAX_ACTIVITY_BARS}))
    return {"activities": found}


def sheet_notes(act: ActivityStats, stats) -> list:
    # on the line of the visits' note, as the sheet always had it
    return [Note("活动参与率＝签到人数（未结束的活动按报名人数）÷应参与人数。", run_on=True)]


SECTION = StatsSection.of(__name__, "activities", 40, "活动开展", activity_stats)
