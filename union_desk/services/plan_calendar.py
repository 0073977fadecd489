"""What happens on each day: plan items, activities, statutory days off and 调休 workdays,
festivals, birthdays (solar and lunar) — and the reminders of the 首页.

`range_events` answers for a stretch of days with a fixed handful of queries (plan items,
activities, two for birthdays), never one query per day, so a month grid of 42 days stays fast.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from peewee import fn

from union_desk.db.models import Activity, HardshipFile, Member, PlanItem

from union_desk.domain.festivals import birthday_in_year, statutory_calendar
from union_desk.services.plan import OPEN_STATUSES, item_end, sort_items
from union_desk.services.plan_template import festivals_of

BIRTHDAY_STATUSES = ("在职",)
BIRTHDAY_FIELDS = (
    Member.id,
    Member.name,
    Member.sex,
    Member.department,
    Member.birth_date,
    Member.birthday_lunar,
    Member.status,
)
HARDSHIP_OPEN = ("在档", "临时")
HARDSHIP_REVIEW_DAYS = 30
DEADLINE_DAYS = 7
WEEK_DAYS = 7


@dataclass
class BirthdayEntry:
    member: Member  # loaded with BIRTHDAY_FIELDS only
    date: dt.date  # this year's birthday (29 Feb → 28 Feb in a common year; lunar converted)
    lunar: bool

    @property
    def age(self) -> int:
        """The age reached on this birthday (counted in solar years of birth)."""
        return self.date.year - self.member.birth_date.year


@dataclass
class DayEvents:
    date: dt.date
    items: list[PlanItem] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    birthdays: list[BirthdayEntry] = field(default_factory=list)
    festivals: list[str] = field(default_factory=list)
    holiday: str | None = None  # statutory day off: the name of its run ('春节', '国庆节、中秋节')
    workday: str | None = None  # 调休 make-up workday ('春节调休上班')
    is_estimate: bool = False  # the year's official arrangement is not published yet

    @property
    def is_empty(self) -> bool:
        return not (self.items or self.activities or self.birthdays)


@dataclass
class MonthEvents:
    year: int
    month: int
    days: dict[dt.date, DayEvents]
    undated_items: list[PlanItem]  # items of the month with no exact date
    is_estimate: bool  # the month's year has no published holiday arrangement

    def day(self, day: dt.date) -> DayEvents:
        return self.days[day]


def _daterange(start: dt.date, end: dt.date):
    day = start
    while day <= end:
        yield day
        day += dt.timedelta(days=1)


def birthdays_between(start: dt.date, end: dt.date, statuses=BIRTHDAY_STATUSES) -> list[BirthdayEntry]:
    """Birthdays falling in [start, end] (a few weeks at most), sorted by date and name.

    Solar: 29 February shows on 28 February in a common year. Lunar: this year's solar date of
    the lunar birthday (birthday_in_year).
    """
    days = list(_daterange(start, end))
    years = sorted({d.year for d in days} | {start.year - 1})
    keys = {f"{d:%m-%d}" for d in days}
    if "02-28" in keys:
        keys.add("02-29")
    # only the fields a reminder shows: fast with tens of thousands of members
    base = Member.select(*BIRTHDAY_FIELDS).where(Member.birth_date.is_null(False))
    if statuses:
        base = base.where(Member.status.in_(tuple(statuses)))
    found: list[BirthdayEntry] = []
    solar = base.where(~Member.birthday_lunar)
    if len(keys) < 120:
        solar = solar.where(fn.strftime("%m-%d", Member.birth_date).in_(sorted(keys)))
    for member in solar:
        for y in years:
            day = birthday_in_year(member.birth_date, y, False)
            if start <= day <= end:
                found.append(BirthdayEntry(member, day, False))
    for member in base.where(Member.birthday_lunar):
        seen = set()
        for y in years:
            day = birthday_in_year(member.birth_date, y, True)
            if start <= day <= end and day not in seen:
                seen.add(day)
                found.append(BirthdayEntry(member, day, True))
    found.sort(key=lambda b: (b.date, b.member.name, b.member.id))
    return found


def range_events(start: dt.date, end: dt.date) -> dict[dt.date, DayEvents]:
    """Everything on each day of [start, end]."""
    days = {d: DayEvents(d) for d in _daterange(start, end)}
    for year in sorted({d.year for d in days}):
        cal = statutory_calendar(year)
        fest: dict[dt.date, list[str]] = {}
        for name, day in festivals_of(year).items():
            fest.setdefault(day, []).append(name)
        for d in days:
            if d.year != year:
                continue
            days[d].is_estimate = cal.is_estimate
            days[d].holiday = cal.holidays.get(d)
            days[d].workday = cal.workdays.get(d)
            days[d].festivals = fest.get(d, [])
    items = PlanItem.select().where(
        PlanItem.date.is_null(False)
        & (PlanItem.date <= end)
        & ((PlanItem.end_date.is_null() & (PlanItem.date >= start)) | (PlanItem.end_date >= start))
    )
    for item in sort_items(items):
        for d in _daterange(max(item.date, start), min(item.end_date or item.date, end)):
            days[d].items.append(item)
    activities = Activity.select().where(
        (Activity.start <= dt.datetime.combine(end, dt.time.max))
        & (
            (Activity.start >= dt.datetime.combine(start, dt.time.min))
            | (Activity.end >= dt.datetime.combine(start, dt.time.min))
        )
    ).order_by(Activity.start)
    for activity in activities:
        first = activity.start.date()
        last = activity.end.date() if activity.end and activity.end.date() > first else first
        for d in _daterange(max(first, start), min(last, end)):
            days[d].activities.append(activity)
    for entry in birthdays_between(start, end):
        days[entry.date].birthdays.append(entry)
    return days


def grid_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """Monday before the 1st to the Sunday after the last day (whole weeks, Monday first)."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return first - dt.timedelta(days=first.weekday()), last + dt.timedelta(days=6 - last.weekday())


def month_events(year: int, month: int, *, whole_weeks: bool = False) -> MonthEvents:
    """Each day of a month (with `whole_weeks`, also the days of the neighbouring months that
    fill its first and last week) and the month's items that have no exact date."""
    if whole_weeks:
        start, end = grid_range(year, month)
    else:
        start, end = dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    undated = sort_items(
        PlanItem.select().where(
            (PlanItem.year == year) & (PlanItem.month == month) & PlanItem.date.is_null()
        )
    )
    return MonthEvents(
        year=year,
        month=month,
        days=range_events(start, end),
        undated_items=undated,
        is_estimate=statutory_calendar(year).is_estimate,
    )


def day_events(day: dt.date) -> DayEvents:
    return range_events(day, day)[day]


# --- reminders for the 首页 ---------------------------------------------------------------------------


@dataclass
class Reminders:
    today: dt.date
    week_items: list[PlanItem] = field(default_factory=list)
    overdue_items: list[PlanItem] = field(default_factory=list)
    birthdays: list[BirthdayEntry] = field(default_factory=list)
    hardship_due: list[HardshipFile] = field(default_factory=list)
    deadlines: list[Activity] = field(default_factory=list)


def week_items(today: dt.date) -> list[PlanItem]:
    """Open items (未开始, 进行中, 顺延) with a date in the next seven days, or running now."""
    end = today + dt.timedelta(days=WEEK_DAYS)
    query = PlanItem.select().where(
        PlanItem.status.in_((*OPEN_STATUSES, "顺延"))
        & PlanItem.date.is_null(False)
        & (PlanItem.date <= end)
        & ((PlanItem.date >= today) | (PlanItem.end_date >= today))
    )
    return sorted(query, key=lambda i: (i.date, i.sort_order, i.id))


def overdue_items(today: dt.date) -> list[PlanItem]:
    """Items still 未开始 or 进行中 whose time is over (date, end date or month), this year and
    last year (in January, December's unfinished items are still overdue)."""
    query = PlanItem.select().where(
        PlanItem.status.in_(OPEN_STATUSES) & (PlanItem.year >= today.year - 1) & (PlanItem.year <= today.year)
    )
    overdue = [i for i in query if (item_end(i) or today) < today]
    return sort_items(overdue)


def birthdays_in_month(year: int, month: int) -> list[BirthdayEntry]:
    return birthdays_between(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def hardship_reviews_due(today: dt.date, days: int = HARDSHIP_REVIEW_DAYS) -> list[HardshipFile]:
    """Open files (在档, 临时) whose yearly review is due within `days` or already late (or has
    no review date at all), the most urgent first."""
    limit = today + dt.timedelta(days=days)
    query = (
        HardshipFile.select(HardshipFile, Member)
        .join(Member)
        .where(
            HardshipFile.status.in_(HARDSHIP_OPEN)
            & (HardshipFile.next_review_date.is_null() | (HardshipFile.next_review_date <= limit))
        )
    )
    return sorted(query, key=lambda f: (f.next_review_date or dt.date.min, f.member.name, f.id))


def signup_deadlines(today: dt.date, days: int = DEADLINE_DAYS) -> list[Activity]:
    """Activities still open for sign-up whose deadline falls from today to `days` ahead."""
    return list(
        Activity.select()
        .where(
            Activity.signup_deadline.between(
                dt.datetime.combine(today, dt.time.min),
                dt.datetime.combine(today + dt.timedelta(days=days), dt.time.max),
            )
            & Activity.status.in_(("筹备", "报名中"))
        )
        .order_by(Activity.signup_deadline)
    )


def reminders(today: dt.date | None = None) -> Reminders:
    today = today or dt.date.today()
    return Reminders(
        today=today,
        week_items=week_items(today),
        overdue_items=overdue_items(today),
        birthdays=birthdays_in_month(today.year, today.month),
        hardship_due=hardship_reviews_due(today),
        deadlines=signup_deadlines(today),
    )
