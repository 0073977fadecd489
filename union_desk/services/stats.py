"""年度统计: the figures of a year (or 学年 / 学期) for the statistics page, the PDF report, the xlsx
sheet and `union-desk stats`, and a paragraph of them ready to quote in a 工作总结.

    stats = year_stats(2026)                      # calendar year
    stats = year_stats(plan.school_year(2025))    # 2025—2026学年 (Sep 2025 – Aug 2026)
    text = key_paragraph(stats)

Every figure is an SQL aggregate (GROUP BY), so 50,000 members take well under a second.

What is counted:

- Members are a snapshot on the reference day `as_of`: the period's last day, or today while the
  period is still running. Someone who joined the union after that day is left out. A status
  change dated after that day is not yet in effect: the member counts as 退休 if already past
  retirement age then (women 55, men 60) — unless the later change is the retirement itself —
  and as 在职 otherwise. "会员" are the members 在职 or 退休 on that day; sex, age band (age on
  that day) and department are counted over them. Flows (joined, retired, transferred …) are
  the dates that fall inside the period.
- Visits: not voided, dated in the period; 人次 = records, 金额 = cash (慰问金); goods value apart.
- Assistance: not voided, dated in the period; 金额 = cash + goods value, as in `hardship.figures`.
- Activities: starting in the period, not cancelled (已取消 activities are only counted). Sign-ups
  are distinct members with a place (已报名; 候补 and 已取消 are not sign-ups), check-ins are
  distinct members checked in; 参与率 is `activities.ActivityRow.participation_rate`.
- Plan: items by their month (the month, or the month of their date), as `plan.completion`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from peewee import Case, fn

from union_desk.db.models import (
    Activity,
    ActivityItem,
    Assistance,
    HardshipFile,
    Member,
    PlanItem,
    SignUp,
    Visit,
    VisitType,
)
from union_desk.errors import ValidationError
from union_desk.services import activities as activities_service
from union_desk.services import plan
from union_desk.services.hardship import ASSISTANCE_KINDS, OPEN_STATUSES
from union_desk.services.members import MEMBER_STATUSES
from union_desk.services.plan import Period, Rate

ZERO = Decimal("0.00")
MEMBER_NOW = ("在职", "退休")  # who counts as a 会员
AGE_BANDS = ("30岁及以下", "31—40岁", "41—50岁", "51—60岁", "60岁以上")
UNKNOWN_AGE = "出生日期未填"
NO_DEPARTMENT = "未填部门"
NO_SEX = "未填"
RETIREMENT_AGE = {"女": 55, "男": 60}
PERIOD_KINDS = ("year", "school_year", "spring", "autumn")
FLOW_STATUSES = ("退休", "调出", "去世", "退会")


# --- results ------------------------------------------------------------------------------------


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


@dataclass
class VisitTypeTotal:
    name: str
    count: int
    amount: Decimal  # cash
    goods_value: Decimal


@dataclass
class VisitMonth:
    label: str  # '3月'
    year: int
    month: int
    counts: dict[str, int]  # by visit type name (every type of VisitStats.types)
    amounts: dict[str, Decimal]

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    @property
    def amount(self) -> Decimal:
        return sum(self.amounts.values(), ZERO)


@dataclass
class VisitStats:
    types: list[str]  # visit types that occur in the period, in the configured order
    months: list[VisitMonth]
    by_type: list[VisitTypeTotal]
    count: int
    amount: Decimal
    goods_value: Decimal
    people: int  # distinct members visited
    voided: int  # voided records dated in the period (not counted above)


@dataclass
class KindTotal:
    kind: str
    count: int
    cash: Decimal
    goods_value: Decimal
    households: int

    @property
    def amount(self) -> Decimal:
        return self.cash + self.goods_value


@dataclass
class AssistanceStats:
    by_kind: list[KindTotal]  # every kind of ASSISTANCE_KINDS (then any other found)
    count: int
    cash: Decimal
    goods_value: Decimal
    households: int  # distinct hardship files helped
    open_files: int  # files 在档/临时 on as_of
    opened: int  # files opened (found) in the period
    helped_open: int  # open files helped in the period

    @property
    def amount(self) -> Decimal:
        return self.cash + self.goods_value

    @property
    def help_rate(self) -> float | None:
        return self.helped_open / self.open_files if self.open_files else None


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


@dataclass
class PlanMonth:
    label: str
    year: int
    month: int
    rate: Rate


@dataclass
class PlanStats:
    months: list[PlanMonth]
    total: Rate
    postponed: int
    in_progress: int
    undated: Rate  # items with neither month nor date (counted in the total of a calendar year only)


@dataclass
class YearStats:
    period: Period
    school_name: str
    union_name: str
    as_of: dt.date
    members: MemberStats
    visits: VisitStats
    assistance: AssistanceStats
    activities: ActivityStats
    plan: PlanStats

    @property
    def label(self) -> str:
        """'2026年' or '2025—2026学年' or '2026年春季学期' (no months in brackets)."""
        return period_name(self.period)

    @property
    def whole_year(self) -> bool:
        return self.period.kind == "year"


# --- periods ------------------------------------------------------------------------------------


def period_name(period: Period) -> str:
    text = period.label.split("（")[0]
    return text.replace("全年", "")


def make_period(year: int, kind: str = "year") -> Period:
    """The period a year switch names: 'year' (calendar year), 'school_year' (Sep Y – Aug Y+1),
    'spring' (Feb – Jul Y), 'autumn' (Sep Y – Jan Y+1)."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError(f"年份不对：{year}", field="year") from None
    if not plan.MIN_YEAR <= year <= plan.MAX_YEAR:
        raise ValidationError(f"年份应在 {plan.MIN_YEAR} 到 {plan.MAX_YEAR} 之间，而不是 {year}", field="year")
    makers = {
        "year": plan.year_period,
        "school_year": plan.school_year,
        "spring": plan.spring_term,
        "autumn": plan.autumn_term,
    }
    if kind not in makers:
        raise ValidationError(f"不认识的统计期间：{kind}", field="kind")
    return makers[kind](year)


def _as_period(period) -> Period:
    if isinstance(period, Period):
        return period
    return make_period(period)


def month_label(period: Period, year: int, month: int) -> str:
    return f"{month}月"


def _day_end(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59))


def _years_ago(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _yuan(fen) -> Decimal:
    return (Decimal(int(fen or 0)) / 100).quantize(Decimal("0.01"))


def _sum(column):
    return fn.COALESCE(fn.SUM(column), 0).coerce(False)


# --- members ------------------------------------------------------------------------------------


def _status_on(as_of: dt.date):
    """SQL: the member's status on `as_of` (see the module docstring)."""
    past_retirement = ((Member.sex == "女") & (Member.birth_date <= _years_ago(as_of, RETIREMENT_AGE["女"]))) | (
        (Member.sex != "女") & (Member.birth_date <= _years_ago(as_of, RETIREMENT_AGE["男"]))
    )
    before = Case(None, [((Member.status != "退休") & past_retirement, "退休")], "在职")
    later = (Member.status != "在职") & Member.status_date.is_null(False) & (Member.status_date > as_of)
    return Case(None, [(later, before)], Member.status)


def _age_band(as_of: dt.date):
    """SQL: the age band on `as_of` from the birth date (an age of N means born after as_of − (N+1) years)."""
    whens = [(Member.birth_date.is_null(), UNKNOWN_AGE)]
    for band, upper in zip(AGE_BANDS[:-1], (30, 40, 50, 60)):
        whens.append((Member.birth_date > _years_ago(as_of, upper + 1), band))
    return Case(None, whens, AGE_BANDS[-1])


def member_stats(period: Period, as_of: dt.date) -> MemberStats:
    status = _status_on(as_of)
    band = _age_band(as_of)
    joined_by = Member.joined_union_date.is_null() | (Member.joined_union_date <= as_of)
    rows = (
        Member.select(status.alias("s"), Member.sex, band.alias("b"), Member.department, fn.COUNT(Member.id))
        .where(joined_by)
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


# --- visits -------------------------------------------------------------------------------------


def visit_stats(period: Period) -> VisitStats:
    first, last = period.first_day, period.last_day
    in_period = Visit.date.between(first, last)
    valid = in_period & (Visit.voided == False)  # noqa: E712 - peewee expression
    ym = fn.strftime("%Y-%m", Visit.date)
    rows = (
        Visit.select(ym.alias("ym"), Visit.visit_type, fn.COUNT(Visit.id), _sum(Visit.cash), _sum(Visit.goods_value))
        .where(valid)
        .group_by(ym, Visit.visit_type)
        .tuples()
    )
    cells: dict[tuple[str, int], tuple[int, Decimal]] = {}
    type_totals: dict[int, list] = {}
    for key, type_id, n, cash, goods in rows:
        cells[(key, type_id)] = (n, _yuan(cash))
        total = type_totals.setdefault(type_id, [0, ZERO, ZERO])
        total[0] += n
        total[1] += _yuan(cash)
        total[2] += _yuan(goods)
    names = {}
    if type_totals:
        for vt in VisitType.select().where(VisitType.id.in_(list(type_totals))).order_by(VisitType.sort_order, VisitType.id):
            names[vt.id] = vt.name
    order = list(names)
    months = []
    for y, m in period.months():
        key = f"{y:04d}-{m:02d}"
        counts = {names[t]: cells.get((key, t), (0, ZERO))[0] for t in order}
        amounts = {names[t]: cells.get((key, t), (0, ZERO))[1] for t in order}
        months.append(VisitMonth(month_label(period, y, m), y, m, counts, amounts))
    by_type = [VisitTypeTotal(names[t], *type_totals[t]) for t in order]
    people = Visit.select(fn.COUNT(fn.DISTINCT(Visit.member))).where(valid).scalar() or 0
    voided = Visit.select().where(in_period & (Visit.voided == True)).count()  # noqa: E712
    return VisitStats(
        types=[names[t] for t in order],
        months=months,
        by_type=by_type,
        count=sum(t.count for t in by_type),
        amount=sum((t.amount for t in by_type), ZERO),
        goods_value=sum((t.goods_value for t in by_type), ZERO),
        people=people,
        voided=voided,
    )


# --- assistance ---------------------------------------------------------------------------------


def assistance_stats(period: Period, as_of: dt.date) -> AssistanceStats:
    first, last = period.first_day, period.last_day
    valid = Assistance.date.between(first, last) & (Assistance.voided == False)  # noqa: E712
    rows = (
        Assistance.select(
            Assistance.kind,
            fn.COUNT(Assistance.id),
            _sum(Assistance.cash),
            _sum(Assistance.goods_value),
            fn.COUNT(fn.DISTINCT(Assistance.file)),
        )
        .where(valid)
        .group_by(Assistance.kind)
        .tuples()
    )
    found = {kind: KindTotal(kind, n, _yuan(cash), _yuan(goods), households) for kind, n, cash, goods, households in rows}
    kinds = list(ASSISTANCE_KINDS) + sorted(k for k in found if k not in ASSISTANCE_KINDS)
    by_kind = [found.get(k) or KindTotal(k, 0, ZERO, ZERO, 0) for k in kinds]
    households = Assistance.select(fn.COUNT(fn.DISTINCT(Assistance.file))).where(valid).scalar() or 0
    # Open on as_of: found by then, and not closed by then (still open, or closed later).
    open_on = (HardshipFile.found_date <= as_of) & (
        HardshipFile.status.in_(OPEN_STATUSES) | (HardshipFile.status_date.is_null(False) & (HardshipFile.status_date > as_of))
    )
    open_files = HardshipFile.select().where(open_on).count()
    helped_open = (
        HardshipFile.select(fn.COUNT(fn.DISTINCT(HardshipFile.id)))
        .join(Assistance)
        .where(open_on & valid)
        .scalar()
        or 0
    )
    opened = HardshipFile.select().where(HardshipFile.found_date.between(first, last)).count()
    return AssistanceStats(
        by_kind=by_kind,
        count=sum(k.count for k in by_kind),
        cash=sum((k.cash for k in by_kind), ZERO),
        goods_value=sum((k.goods_value for k in by_kind), ZERO),
        households=households,
        open_files=open_files,
        opened=opened,
        helped_open=helped_open,
    )


# --- activities ---------------------------------------------------------------------------------


def activity_stats(period: Period) -> ActivityStats:
    when = Activity.start.between(dt.datetime.combine(period.first_day, dt.time.min), _day_end(period.last_day))
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


# --- plan ---------------------------------------------------------------------------------------


def plan_stats(period: Period) -> PlanStats:
    month = fn.COALESCE(PlanItem.month, fn.strftime("%m", PlanItem.date).cast("INTEGER"))
    a = period.start[0] * 100 + period.start[1]
    b = period.end[0] * 100 + period.end[1]
    years = sorted({y for y, _m in period.months()})
    rows = (
        PlanItem.select(PlanItem.year, month.alias("m"), PlanItem.status, fn.COUNT(PlanItem.id))
        .where(PlanItem.year.in_(years))
        .group_by(PlanItem.year, month, PlanItem.status)
        .tuples()
    )
    months = {(y, m): PlanMonth(month_label(period, y, m), y, m, Rate()) for y, m in period.months()}
    total = Rate()
    postponed = in_progress = 0
    undated = Rate()
    for y, m, status, n in rows:
        if m is None:
            if period.kind != "year":
                continue
            undated.add(status, n)
        elif not a <= y * 100 + m <= b:
            continue
        else:
            months[(y, m)].rate.add(status, n)
        total.add(status, n)
        if status == "顺延":
            postponed += n
        elif status == "进行中":
            in_progress += n
    return PlanStats(list(months.values()), total, postponed, in_progress, undated)


# --- the whole ----------------------------------------------------------------------------------


def year_stats(period, today: dt.date | None = None) -> YearStats:
    """The statistics of `period`: a calendar year (int) or a `plan.Period` (学年, 学期)."""
    from union_desk.services import settings

    period = _as_period(period)
    today = today or dt.date.today()
    as_of = min(period.last_day, today)
    if as_of < period.first_day:  # a period still to come: the snapshot is its first day
        as_of = period.first_day
    return YearStats(
        period=period,
        school_name=settings.get("school_name").strip(),
        union_name=settings.get("union_name").strip(),
        as_of=as_of,
        members=member_stats(period, as_of),
        visits=visit_stats(period),
        assistance=assistance_stats(period, as_of),
        activities=activity_stats(period),
        plan=plan_stats(period),
    )


# --- tables (what the PDF report, the xlsx sheet and the page show beside each chart) ------------


@dataclass
class StatTable:
    """One table of figures. `kinds` per column: text, int, money, rate, date. `total` is the 合计
    row (or None). The headers and titles are the printed (Chinese) ones; the page translates its
    own headers but shows these rows."""

    key: str
    title: str
    headers: list[str]
    kinds: list[str]
    rows: list[list]
    total: list | None = None
    chart: str = ""  # pie / bar / hbar / stacked / grouped / '' (no chart)
    unit: str = ""


def _shares(items, whole: int) -> list[list]:
    return [[label, n, (n / whole) if whole else None] for label, n in items]


def tables(stats: YearStats) -> list[StatTable]:
    m, v, a, act, p = stats.members, stats.visits, stats.assistance, stats.activities, stats.plan
    all_members = sum(m.by_status.values())
    month_heads = [mo.label for mo in v.months]
    out = [
        StatTable("members_status", "会员状态", ["状态", "人数", "占比"], ["text", "int", "rate"],
                  _shares(m.by_status.items(), all_members), ["合计", all_members, 1.0 if all_members else None], "pie", "人"),
        StatTable("members_sex", "会员性别", ["性别", "人数", "占比"], ["text", "int", "rate"],
                  _shares(m.by_sex.items(), m.total), ["合计", m.total, 1.0 if m.total else None], "pie", "人"),
        StatTable("members_age", "会员年龄段", ["年龄段", "人数", "占比"], ["text", "int", "rate"],
                  _shares(m.by_age.items(), m.total), ["合计", m.total, 1.0 if m.total else None], "bar", "人"),
        StatTable("members_department", "会员部门分布", ["部门", "人数", "占比"], ["text", "int", "rate"],
                  _shares(m.by_department, m.total), ["合计", m.total, 1.0 if m.total else None], "hbar", "人"),
        StatTable("members_changes", "会员变动", ["变动", "人数"], ["text", "int"],
                  [["新入会", m.joined]] + [[s, m.changes.get(s, 0)] for s in FLOW_STATUSES], None, "", "人"),
        StatTable("visits_count", "走访慰问人次（按月、按类别）", ["慰问类别", *month_heads, "合计"],
                  ["text"] + ["int"] * (len(month_heads) + 1),
                  [[t.name, *(mo.counts[t.name] for mo in v.months), t.count] for t in v.by_type],
                  ["合计", *(mo.count for mo in v.months), v.count], "stacked", "人次"),
        StatTable("visits_amount", "慰问金金额（元，按月、按类别）", ["慰问类别", *month_heads, "合计"],
                  ["text"] + ["money"] * (len(month_heads) + 1),
                  [[t.name, *(mo.amounts[t.name] for mo in v.months), t.amount] for t in v.by_type],
                  ["合计", *(mo.amount for mo in v.months), v.amount], "stacked", "元"),
        StatTable("assistance", "困难职工帮扶（按帮扶类别）",
                  ["帮扶类别", "次数", "户数", "现金（元）", "物品折价（元）", "合计（元）"],
                  ["text", "int", "int", "money", "money", "money"],
                  [[k.kind, k.count, k.households, k.cash, k.goods_value, k.amount] for k in a.by_kind],
                  ["合计", a.count, a.households, a.cash, a.goods_value, a.amount], "bar", "元"),
        StatTable("activities", "活动报名、签到与参与率",
                  ["活动", "日期", "状态", "报名人数", "候补", "签到人数", "应参与人数", "参与率"],
                  ["text", "date", "text", "int", "int", "int", "int", "rate"],
                  [[r.title, r.start.date(), r.status, r.signed_up, r.waiting, r.checked_in, r.eligible, r.rate]
                   for r in act.rows],
                  [f"合计（{act.held}项，参与率为平均值）", None, "", act.signed_up, sum(r.waiting for r in act.rows),
                   act.checked_in, sum(r.eligible for r in act.rows), act.average_rate], "grouped", "人"),
        StatTable("plan", "工作计划完成情况（按月）", ["月份", "计划项数", "已完成", "已取消", "完成率"],
                  ["text", "int", "int", "int", "rate"],
                  [[mo.label, mo.rate.total, mo.rate.done, mo.rate.cancelled, mo.rate.rate] for mo in p.months]
                  + ([["未定月份", p.undated.total, p.undated.done, p.undated.cancelled, p.undated.rate]] if p.undated.total else []),
                  ["合计", p.total.total, p.total.done, p.total.cancelled, p.total.rate], "grouped", "项"),
    ]
    return out


def format_cell(value, kind: str) -> str:
    """How a table cell reads on paper and on screen: money with two decimals, rates as percent."""
    if value is None:
        return "—" if kind == "rate" else ""
    if kind == "money":
        return f"{Decimal(value):,.2f}"
    if kind == "rate":
        return percent(value)
    if kind == "date":
        return f"{value:%Y-%m-%d}"
    return str(value)


# --- words --------------------------------------------------------------------------------------


def yuan_text(amount: Decimal) -> str:
    """'12,345.00元' → written as '12345元' when whole, '12345.50元' otherwise (how summaries quote money)."""
    amount = Decimal(amount).quantize(Decimal("0.01"))
    text = f"{amount:.0f}" if amount == amount.to_integral() else f"{amount:.2f}"
    return f"{text}元"


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _share(part: int, whole: int) -> str:
    return percent(part / whole) if whole else "—"


def key_paragraph(stats: YearStats) -> str:
    """The key figures as one Chinese paragraph for a 工作总结."""
    m, v, a, act, p = stats.members, stats.visits, stats.assistance, stats.activities, stats.plan
    whole = "全年" if stats.whole_year else ("本学年" if stats.period.kind == "school_year" else "本学期")
    who = f"{stats.school_name}工会" if stats.school_name else (stats.union_name or "工会")
    on = "" if stats.as_of == stats.period.last_day else f"（截至{stats.as_of.month}月{stats.as_of.day}日）"
    parts = []
    members = f"{stats.label}，{who}共有会员{m.total}人{on}，其中在职{m.by_status.get('在职', 0)}人、退休{m.by_status.get('退休', 0)}人"
    if m.total:
        members += f"；女会员{m.by_sex.get('女', 0)}人，占{_share(m.by_sex.get('女', 0), m.total)}"
        young = m.by_age.get(AGE_BANDS[0], 0)
        members += f"，30岁及以下青年会员{young}人"
    flows = [f"新入会{m.joined}人"] if m.joined else []
    flows += [f"{s}{m.changes[s]}人" for s in FLOW_STATUSES if m.changes.get(s)]
    if flows:
        members += f"；{whole}" + "、".join(flows)
    parts.append(members)

    if v.count:
        visits = f"{whole}走访慰问会员{v.people}人、{v.count}人次，发放慰问金{yuan_text(v.amount)}"
        if v.goods_value:
            visits += f"，慰问品折合{yuan_text(v.goods_value)}"
        top = sorted(v.by_type, key=lambda t: (-t.count, v.types.index(t.name)))[:3]
        visits += "，其中" + "、".join(f"{t.name}{t.count}人次" for t in top)
        parts.append(visits)
    else:
        parts.append(f"{whole}未登记走访慰问")

    if a.count:
        help_text = f"帮扶困难职工{a.households}户、{a.count}次，发放帮扶资金{yuan_text(a.amount)}"
        if a.open_files:
            help_text += f"；在档困难职工{a.open_files}户，帮扶率{percent(a.help_rate)}"
        parts.append(help_text)
    elif a.open_files:
        parts.append(f"在档困难职工{a.open_files}户，{whole}尚未登记帮扶")

    if act.held:
        acts = f"开展活动{act.held}项，报名{act.signed_up}人次，签到{act.checked_in}人次"
        if act.participants:
            acts += f"，参加活动的会员共{act.participants}人"
        if act.average_rate is not None:
            acts += f"，平均参与率{percent(act.average_rate)}"
        parts.append(acts)

    if p.total.total:
        plan_text = f"工作计划共{p.total.total}项，已完成{p.total.done}项"
        if p.total.cancelled:
            plan_text += f"、取消{p.total.cancelled}项"
        plan_text += f"，完成率{percent(p.total.rate)}"
        parts.append(plan_text)
    return "；".join(parts) + "。"


# --- JSON ---------------------------------------------------------------------------------------


def _money(value: Decimal) -> float:
    return float(value)


def _rate(rate: Rate) -> dict:
    return {"total": rate.total, "done": rate.done, "cancelled": rate.cancelled, "planned": rate.planned,
            "rate": None if rate.rate is None else round(rate.rate, 4)}


def as_json(stats: YearStats) -> dict:
    """Plain JSON-ready data (money as numbers of yuan with two decimals, rates as fractions)."""
    m, v, a, act, p = stats.members, stats.visits, stats.assistance, stats.activities, stats.plan
    return {
        "period": {
            "label": stats.label,
            "kind": stats.period.kind,
            "first_day": stats.period.first_day.isoformat(),
            "last_day": stats.period.last_day.isoformat(),
            "as_of": stats.as_of.isoformat(),
        },
        "school_name": stats.school_name,
        "members": {
            "total": m.total,
            "by_status": m.by_status,
            "by_sex": m.by_sex,
            "by_age": m.by_age,
            "by_department": [{"department": d, "count": n} for d, n in m.by_department],
            "joined": m.joined,
            "changes": m.changes,
        },
        "visits": {
            "count": v.count,
            "amount": _money(v.amount),
            "goods_value": _money(v.goods_value),
            "people": v.people,
            "voided": v.voided,
            "by_type": [
                {"type": t.name, "count": t.count, "amount": _money(t.amount), "goods_value": _money(t.goods_value)}
                for t in v.by_type
            ],
            "by_month": [
                {
                    "year": mo.year,
                    "month": mo.month,
                    "count": mo.count,
                    "amount": _money(mo.amount),
                    "by_type": {t: {"count": mo.counts[t], "amount": _money(mo.amounts[t])} for t in v.types},
                }
                for mo in v.months
            ],
        },
        "assistance": {
            "count": a.count,
            "cash": _money(a.cash),
            "goods_value": _money(a.goods_value),
            "amount": _money(a.amount),
            "households": a.households,
            "open_files": a.open_files,
            "opened": a.opened,
            "helped_open": a.helped_open,
            "help_rate": None if a.help_rate is None else round(a.help_rate, 4),
            "by_kind": [
                {"kind": k.kind, "count": k.count, "cash": _money(k.cash), "goods_value": _money(k.goods_value),
                 "amount": _money(k.amount), "households": k.households}
                for k in a.by_kind
            ],
        },
        "activities": {
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
        },
        "plan": {
            "total": _rate(p.total),
            "postponed": p.postponed,
            "in_progress": p.in_progress,
            "undated": _rate(p.undated),
            "by_month": [{"year": mo.year, "month": mo.month, **_rate(mo.rate)} for mo in p.months],
        },
        "paragraph": key_paragraph(stats),
    }
