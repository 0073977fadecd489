"""年度统计 · 会员情况 (the members area's statistics section).

Members are a snapshot on the reference day `as_of`: the period's last day, or today while the
period is still running. Someone who joined the union after that day is left out. A status change
dated after that day is not yet in effect: the member counts as 退休 if already past the statutory
retirement date then (domain.retirement: birth date, sex and track, the gradual ages since 2025;
issue 15) — unless the later change is the retirement itself — and as 在职 otherwise. A recorded
退休 with its date is a fact and is used as it is.
"会员" are the members 在职 or 退休 on that day; sex, age band (age on that day) and department are
counted over them. Flows (joined, retired, transferred …) are the dates that fall inside the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import Case, fn

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.db.models import Member
from union_desk.services.members import MEMBER_STATUSES, retired_by
from union_desk.services.plan import Period
from union_desk.services.stats import (
    Chart,
    Series,
    StatsSection,
    StatTable,
    TableLook,
    date_words,
    share,
    shares,
    years_ago,
)

MEMBER_NOW = ("在职", "退休", "保留会籍")  # who counts as a 会员
# Every age falls in exactly one band: ≤30, 31–40, 41–50, 51–59, ≥60 (issue 15: 60 is 60岁及以上).
AGE_BANDS = ("30岁及以下", "31—40岁", "41—50岁", "51—59岁", "60岁及以上")
AGE_BAND_UPPER = (30, 40, 50, 59)  # the oldest age in each band but the last
UNKNOWN_AGE = "出生日期未填"
NO_DEPARTMENT = "未填部门"
NO_SEX = "未填"
FLOW_STATUSES = ("退休", "调出", "去世", "退会")
MAX_DEPARTMENT_BARS = 15  # the department chart shows the largest; the rest are one bar
DEPARTMENT_ROWS_BESIDE = 25  # a department table this long still fits beside its chart in the PDF



@dataclass
class MemberStats:
    as_of: dt.date
    by_status: dict[str, int]  # every status (the five, then any other found), snapshot on as_of
    total: int  # 会员: 在职 + 退休
    by_sex: dict[str, int]  # 男, 女 (and 未填 when any)
    by_age: dict[str, int]  # AGE_BANDS (and 出生日期未填 when any)
    by_department: list[tuple[str, int]]  # most members first
    joined: int = 0  # joined the union in the period
    changes: dict[str, int] = field(default_factory=dict)  # 退休/调出/去世/退会 dated in the period


def status_on(as_of: dt.date):
    """SQL: the member's status on `as_of` (see the module docstring). Also the basis of an
    activity's 参与率 (`activities.eligible_count`): who was eligible on the activity's day."""
    past_retirement = retired_by(as_of)
    before = Case(None, [((Member.status != "退休") & past_retirement, "退休")], "在职")
    later = (Member.status != "在职") & Member.status_date.is_null(False) & (Member.status_date > as_of)
    return Case(None, [(later, before)], Member.status)


def joined_by(as_of: dt.date):
    """SQL: the member had joined the union by `as_of` (no join date counts as joined)."""
    return Member.joined_union_date.is_null() | (Member.joined_union_date <= as_of)


def _age_band(as_of: dt.date):
    """SQL: the age band on `as_of` from the birth date (an age of N means born after as_of − (N+1) years)."""
    whens = [(Member.birth_date.is_null(), UNKNOWN_AGE)]
    for band, upper in zip(AGE_BANDS[:-1], AGE_BAND_UPPER, strict=True):
        whens.append((Member.birth_date > years_ago(as_of, upper + 1), band))
    return Case(None, whens, AGE_BANDS[-1])


def member_stats(period: Period, as_of: dt.date) -> MemberStats:
    status = status_on(as_of)
    band = _age_band(as_of)
    rows = (
        Member.select(status.alias("s"), Member.sex, band.alias("b"), Member.department, fn.COUNT(Member.id))
        .where(joined_by(as_of))
        .group_by(status, Member.sex, band, Member.department)
        .tuples()
    )
    by_status = {s: 0 for s in MEMBER_STATUSES}
    by_sex = {"男": 0, "女": 0}
    by_age = {b: 0 for b in AGE_BANDS}
    departments: dict[str, int] = {}
    for s, sex, b, department, n in rows:
        by_status[s] = by_status.get(s, 0) + n
        if s not in MEMBER_NOW:
            continue
        sex = sex if sex in ("男", "女") else NO_SEX
        by_sex[sex] = by_sex.get(sex, 0) + n
        by_age[b] = by_age.get(b, 0) + n
        department = (department or "").strip() or NO_DEPARTMENT
        departments[department] = departments.get(department, 0) + n
    first, last = period.first_day, period.last_day
    joined = Member.select().where(Member.joined_union_date.between(first, last)).count()
    changes = {s: 0 for s in FLOW_STATUSES}
    for s, n in (
        Member.select(Member.status, fn.COUNT(Member.id))
        .where(Member.status.in_(FLOW_STATUSES) & Member.status_date.between(first, last))
        .group_by(Member.status)
        .tuples()
    ):
        changes[s] = n
    return MemberStats(
        as_of=as_of,
        by_status=by_status,
        total=sum(by_status.get(s, 0) for s in MEMBER_NOW),
        by_sex=by_sex,
        by_age=by_age,
        by_department=sorted(departments.items(), key=lambda kv: (-kv[1], kv[0] == NO_DEPARTMENT, kv[0])),
        joined=joined,
        changes=changes,
    )


# --- tables -------------------------------------------------------------------------------------

MEMBERS = Series(1, "人数", QT_TRANSLATE_NOOP("StatsPage", "Members"))
COUNT_SHARE = (QT_TRANSLATE_NOOP("StatsPage", "Members"), QT_TRANSLATE_NOOP("StatsPage", "Share"))


def tables(m: MemberStats, stats) -> list[StatTable]:
    all_members = sum(m.by_status.values())

    def whole(n: int) -> list:
        return ["合计", n, 1.0 if n else None]

    # The status table also counts who left in the period (调出、去世、退会); the other tables count
    # members only. Its total says so, so 150 here beside 146 there explains itself.
    left = all_members - m.total
    status_total = whole(all_members)
    if left > 0:
        status_total[0] = f"合计（含离会{left}人）"
    return [
        StatTable("members_status", "会员状态", ["状态", "人数", "占比"], ["text", "int", "rate"],
                  shares(m.by_status.items(), all_members), status_total, "pie", "人",
                  TableLook(Chart("pie", (MEMBERS,), height=44), beside=True,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Members by status"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Status"), *COUNT_SHARE),
                            total=QT_TRANSLATE_NOOP("StatsPage", "Total (including {left} who left)") if left > 0 else "",
                            total_args=(("left", left),))),
        StatTable("members_sex", "会员性别", ["性别", "人数", "占比"], ["text", "int", "rate"],
                  shares(m.by_sex.items(), m.total), whole(m.total), "pie", "人",
                  TableLook(Chart("pie", (MEMBERS,), height=44), beside=True,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Members by sex"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Sex"), *COUNT_SHARE))),
        StatTable("members_age", "会员年龄段", ["年龄段", "人数", "占比"], ["text", "int", "rate"],
                  shares(m.by_age.items(), m.total), whole(m.total), "bar", "人",
                  TableLook(Chart("bar", (MEMBERS,), screen_kind="hbar"), beside=True,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Members by age band"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Age band"), *COUNT_SHARE))),
        StatTable("members_department", "会员部门分布", ["部门", "人数", "占比"], ["text", "int", "rate"],
                  shares(m.by_department, m.total), whole(m.total), "hbar", "人",
                  TableLook(Chart("hbar", (MEMBERS,), limit=MAX_DEPARTMENT_BARS, rest="其他部门",
                                  rest_screen=QT_TRANSLATE_NOOP("StatsPage", "Other departments"),
                                  screen_height=60, screen_per_row=26),
                            beside=True, beside_rows=DEPARTMENT_ROWS_BESIDE, chart_width=108,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Members by department"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Department"), *COUNT_SHARE))),
        StatTable("members_changes", "会员变动", ["变动", "人数"], ["text", "int"],
                  [["新入会", m.joined]] + [[s, m.changes.get(s, 0)] for s in FLOW_STATUSES], None, "", "人",
                  TableLook(None, beside=True, join=True,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Changes in the period"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Change"), QT_TRANSLATE_NOOP("StatsPage", "Members")))),
    ]


# --- words --------------------------------------------------------------------------------------


def paragraph(m: MemberStats, stats) -> str:
    """The opening of the key paragraph: the period, the union and its members."""
    on = "" if stats.as_of == stats.period.last_day else f"（截至{stats.as_of.month}月{stats.as_of.day}日）"
    text = (f"{stats.label}，{stats.union_words}共有会员{m.total}人{on}，"
            f"其中在职{m.by_status.get('在职', 0)}人、退休{m.by_status.get('退休', 0)}人")
    if m.total:
        text += f"；女会员{m.by_sex.get('女', 0)}人，占{share(m.by_sex.get('女', 0), m.total)}"
        young = m.by_age.get(AGE_BANDS[0], 0)
        text += f"，30岁及以下青年会员{young}人"
    flows = [f"新入会{m.joined}人"] if m.joined else []
    flows += [f"{s}{m.changes[s]}人" for s in FLOW_STATUSES if m.changes.get(s)]
    if flows:
        text += f"；{stats.period_word}" + "、".join(flows)
    return text


def as_json(m: MemberStats) -> dict:
    return {
        "total": m.total,
        "by_status": m.by_status,
        "by_sex": m.by_sex,
        "by_age": m.by_age,
        "by_department": [{"department": d, "count": n} for d, n in m.by_department],
        "joined": m.joined,
        "changes": m.changes,
    }


def notes(m: MemberStats, stats) -> dict[str, str]:
    return {
        "members_status": f"会员状态截至{date_words(m.as_of)}；会员指在职和退休会员，共{m.total}人。",
        "members_department": (f"图中列出人数最多的{MAX_DEPARTMENT_BARS}个部门。"
                               if len(m.by_department) > MAX_DEPARTMENT_BARS else ""),
    }


def screen_notes(m: MemberStats, stats) -> dict[str, list]:
    found = {"members_status": [(QT_TRANSLATE_NOOP("StatsPage", "Members are those in service or retired: {n}."), {"n": m.total})]}
    if len(m.by_department) > MAX_DEPARTMENT_BARS:
        found["members_department"] = [
            (QT_TRANSLATE_NOOP("StatsPage", "The chart shows the {n} largest departments."), {"n": MAX_DEPARTMENT_BARS})
        ]
    return found


def sheet_notes(m: MemberStats, stats) -> list[str]:
    return [f"会员指在职和退休会员；会员状态截至 {stats.as_of:%Y-%m-%d}。"] if m.total else []


SECTION = StatsSection.of(__name__, "members", 10, "会员情况", member_stats)
