"""The work plan (工作计划): items of a year, their validation, terms, links and completion.

A plan belongs to a calendar year (`PlanItem.year`): every item has a month of that year, an exact
date in that year, or a date range that starts in that year (it may run into the next year, e.g. a
winter-holiday activity from 12-28 to 01-03, but no longer than a year). Schools that think in
学年 (Sep–Aug) or 学期 see their items through `Period` filters that span two calendar-year plans:

- 秋季学期 of Y: September Y – January Y+1 (plan Y months 9–12 and plan Y+1 month 1);
- 春季学期 of Y: February – July of Y;
- Y–Y+1 学年: September Y – August Y+1.

Items are never deleted from the UI: cancelling is a status (已取消). Template rules and
`generate_year` live in `plan_template`; calendar events and reminders in `plan_calendar`; the
categories and the plan years in `plan_common` (which `plan_template` imports instead of this
module, so the two do not import each other).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from peewee import fn

from union_desk.db.models import Activity, Member, PlanItem, Visit, VisitType
from union_desk.domain import textclean
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import audit
from union_desk.services.plan_common import CATEGORIES, MAX_YEAR, MIN_YEAR  # noqa: F401 - plan.MIN_YEAR … for callers
from union_desk.services.plan_common import check_year as _year

STATUSES = ("未开始", "进行中", "已完成", "已取消", "顺延")
OPEN_STATUSES = ("未开始", "进行中")
DONE = "已完成"
CANCELLED = "已取消"
MAX_SPAN_DAYS = 366
ITEM_FIELDS = ("title", "category", "month", "date", "end_date", "responsible", "status", "notes")


# --- reading ------------------------------------------------------------------------------------


def item_month(item: PlanItem) -> int | None:
    return item.date.month if item.date else item.month


def item_end(item: PlanItem) -> dt.date | None:
    """The last day an item covers: its end date, its date, or the last day of its month."""
    if item.date:
        return item.end_date or item.date
    if item.month:
        return dt.date(item.year, item.month, calendar.monthrange(item.year, item.month)[1])
    return None


def when_text(item: PlanItem) -> str:
    """'3月', '03-08', '03-08 至 03-10' (the year is the plan's)."""
    if item.date and item.end_date and item.end_date != item.date:
        end = item.end_date.strftime("%m-%d" if item.end_date.year == item.date.year else "%Y-%m-%d")
        return f"{item.date:%m-%d} 至 {end}"
    if item.date:
        return f"{item.date:%m-%d}"
    if item.month:
        return f"{item.month}月"
    return "未定"


def _sort_key(item: PlanItem):
    return (
        item.year,
        item_month(item) or 13,
        item.date or dt.date(item.year, 12, 31),
        item.sort_order,
        item.id or 0,
    )


def sort_items(items) -> list[PlanItem]:
    """By year and month; within a month, dated items by date, month-only items after them."""
    return sorted(items, key=_sort_key)


def get_item(item_id: int) -> PlanItem:
    item = PlanItem.get_or_none(PlanItem.id == item_id) if textclean.fits_db_int(item_id) else None
    if item is None:
        raise NotFoundError(f"没有编号为 {item_id} 的计划项")
    return item


@dataclass(frozen=True)
class Period:
    """A stretch of months, possibly across two plan years: (year, month) to (year, month)."""

    label: str
    start: tuple[int, int]
    end: tuple[int, int]
    kind: str = "year"  # year / spring / autumn / school_year

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start[0], self.start[1], 1)

    @property
    def last_day(self) -> dt.date:
        y, m = self.end
        return dt.date(y, m, calendar.monthrange(y, m)[1])

    def months(self) -> list[tuple[int, int]]:
        out, (y, m) = [], self.start
        while (y, m) <= self.end:
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def year_period(year: int) -> Period:
    return Period(f"{year}年全年", (year, 1), (year, 12), "year")


def spring_term(year: int) -> Period:
    """春季学期 of `year`: February – July."""
    return Period(f"{year}年春季学期（2月—7月）", (year, 2), (year, 7), "spring")


def autumn_term(year: int) -> Period:
    """秋季学期 starting in September of `year`: September – January of the next year."""
    return Period(f"{year}年秋季学期（9月—次年1月）", (year, 9), (year + 1, 1), "autumn")


def school_year(year: int) -> Period:
    """The 学年 starting in September of `year`: September – August of the next year."""
    return Period(f"{year}—{year + 1}学年（9月—次年8月）", (year, 9), (year + 1, 8), "school_year")


def periods(year: int) -> list[Period]:
    """The choices a year switch offers: the whole year, its two terms, the 学年 it starts."""
    return [year_period(year), spring_term(year), autumn_term(year), school_year(year)]


def term_of(day: dt.date) -> Period | None:
    """The term a day falls in: 秋季学期 for September–January, 春季学期 for February–July,
    None in August (summer holidays)."""
    if day.month == 1:
        return autumn_term(day.year - 1)
    if 2 <= day.month <= 7:
        return spring_term(day.year)
    if day.month >= 9:
        return autumn_term(day.year)
    return None


def _month_key():
    month = fn.COALESCE(PlanItem.month, fn.strftime("%m", PlanItem.date).cast("INTEGER"))
    return PlanItem.year * 100 + month


def items_query(year: int | None = None, text: str = "", period: Period | None = None, statuses=None):
    query = PlanItem.select()
    if period is not None:
        a = period.start[0] * 100 + period.start[1]
        b = period.end[0] * 100 + period.end[1]
        query = query.where(_month_key().between(a, b))
    elif year is not None:
        query = query.where(PlanItem.year == year)
    text = (text or "").strip()
    if text:
        query = query.where(
            PlanItem.title.contains(text)
            | PlanItem.responsible.contains(text)
            | PlanItem.notes.contains(text)
            | (PlanItem.category == text)
            | (PlanItem.status == text)
        )
    if statuses:
        query = query.where(PlanItem.status.in_(tuple(statuses)))
    return query


def list_items(year: int, text: str = "", period: Period | None = None, statuses=None) -> list[PlanItem]:
    """A year's items (or a term's / 学年's when `period` is given) in calendar order."""
    return sort_items(items_query(year, text, period, statuses))


def list_items_json(year: int) -> list[dict]:
    """For `union-desk plan list --json`: {"id", "date", "month", "title", "category", "status"}."""
    return [
        {
            "id": i.id,
            "date": i.date.isoformat() if i.date else None,
            "month": item_month(i),
            "title": i.title,
            "category": i.category,
            "status": i.status,
        }
        for i in list_items(year)
    ]


# --- validation and writing ---------------------------------------------------------------------


def _month(value) -> int | None:
    if value in (None, ""):
        return None
    text = textclean.clean_text(value).removesuffix("月份").removesuffix("月")
    if not re.fullmatch(r"[0-9]{1,2}", text):
        raise ValidationError(f"月份无法识别：“{value}”", field="month")
    month = int(text)
    if not 1 <= month <= 12:
        raise ValidationError("月份应在 1 到 12 之间", field="month")
    return month


def _date(value, label: str, field_name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return textclean.parse_loose_date(value)
    except ValueError as exc:
        raise ValidationError(f"{label}：{exc}", field=field_name) from exc


def check_item(data: dict, year) -> dict:
    """Validate a whole item (all of ITEM_FIELDS that matter) for plan `year`; Chinese messages.

    The timing is one of: a month; a date (the month follows from it); a date range (date and
    end_date). Dates start inside the plan's year; a range may end in the next year.
    """
    unknown = set(data) - set(ITEM_FIELDS)
    if unknown:
        raise ValueError(f"unknown plan item fields {sorted(unknown)}")
    year = _year(year)
    title = textclean.clean_field(data.get("title"), "long_line", "计划事项", field="title")
    if not title:
        raise ValidationError("请填写计划事项", field="title")
    category = textclean.clean_text(data.get("category")) or "其他"
    if category not in CATEGORIES:
        raise ValidationError(f"请选择类别（可选：{'、'.join(CATEGORIES)}）", field="category")
    status = textclean.clean_text(data.get("status")) or "未开始"
    if status not in STATUSES:
        raise ValidationError(f"请选择状态（可选：{'、'.join(STATUSES)}）", field="status")
    responsible = textclean.clean_field(data.get("responsible"), "line", "负责人", field="responsible")
    month = _month(data.get("month"))
    start = _date(data.get("date"), "日期", "date")
    end = _date(data.get("end_date"), "结束日期", "end_date")
    if end is not None and start is None:
        raise ValidationError("填写了结束日期，请同时填写开始日期", field="date")
    if start is None and month is None:
        raise ValidationError("请填写月份或日期", field="month")
    if start is not None:
        if start.year != year:
            raise ValidationError(f"日期应在{year}年内（计划年度），实际为 {start:%Y-%m-%d}", field="date")
        if month is not None and month != start.month:
            raise ValidationError(f"月份（{month}月）与日期（{start:%Y-%m-%d}）不一致", field="month")
        month = start.month
    if end is not None:
        if end < start:
            raise ValidationError("结束日期不能早于开始日期", field="end_date")
        if (end - start).days > MAX_SPAN_DAYS:
            raise ValidationError("一个计划项的时间跨度不能超过一年", field="end_date")
        if end == start:
            end = None
    return {
        "title": title,
        "category": category,
        "month": month,
        "date": start,
        "end_date": end,
        "responsible": responsible,
        "status": status,
        "notes": textclean.clean_field(data.get("notes"), "long", "备注", field="notes"),
    }


def _current(item: PlanItem) -> dict:
    return {name: getattr(item, name) for name in ITEM_FIELDS}


def create_item(year, data: dict, note: str = "", template_key: str | None = None) -> PlanItem:
    """A new item at the end of plan `year`; `template_key` marks an item made from the template
    (an imported plan keeps it, so generating the year again does not add the item twice)."""
    values = check_item(data, year)
    year = _year(year)
    if template_key and PlanItem.select().where((PlanItem.year == year) & (PlanItem.template_key == template_key)).exists():
        raise ValidationError(f"{year}年计划中已有模板编号为“{template_key}”的事项", field="template_key")
    last = PlanItem.select(fn.MAX(PlanItem.sort_order)).where(PlanItem.year == year).scalar() or 0
    return audit.create(PlanItem, note=note, year=year, sort_order=last + 1, template_key=template_key or None, **values)


def update_item(item: PlanItem, data: dict, note: str = "") -> dict:
    """Change some fields; the item is validated as a whole. Returns the changed fields.

    An item made from the template keeps its template key, so generating the year again never
    re-creates or overwrites it.
    """
    merged = _current(item)
    merged.update(data)
    if "date" in data and "month" not in data and data["date"]:
        merged["month"] = None  # the month follows the new date
    values = check_item(merged, item.year)
    return audit.update(item, note=note, **values)


def set_status(item: PlanItem, status: str, note: str = "") -> dict:
    return update_item(item, {"status": status}, note=note)


def cancel_item(item: PlanItem, reason: str = "") -> dict:
    """Cancelling is a status: the item stays in the plan (and in the ledger) as 已取消."""
    changes = {"status": CANCELLED}
    reason = textclean.clean_field(reason, "notes", "取消原因", field="reason")
    if reason:
        changes["notes"] = f"{item.notes}\n取消原因：{reason}".strip()
    return update_item(item, changes, note=f"取消：{reason}" if reason else "取消")


# --- links to activities and visits ---------------------------------------------------------------


def link_activity(item: PlanItem, activity: Activity) -> dict:
    return audit.update(activity, plan_item=item, note=f"关联计划项：{item.title}")


def unlink_activity(activity: Activity) -> dict:
    return audit.update(activity, plan_item=None, note="取消关联计划项")


def link_visit(item: PlanItem, visit: Visit) -> dict:
    if visit.voided:
        raise ValidationError(f"走访记录 {visit.serial} 已作废，不能关联", field="visit")
    return audit.update(visit, plan_item=item, note=f"关联计划项：{item.title}")


def unlink_visit(visit: Visit) -> dict:
    return audit.update(visit, plan_item=None, note="取消关联计划项")


def linked_records(item: PlanItem) -> tuple[list[Activity], list[Visit]]:
    activities = list(Activity.select().where(Activity.plan_item == item).order_by(Activity.start))
    visits = list(
        Visit.select().where((Visit.plan_item == item) & ~Visit.voided).order_by(Visit.date, Visit.id)
    )
    return activities, visits


def link_counts(item_ids) -> dict[int, dict[str, int]]:
    """{item id: {record kind: how many linked records count}} for the items that have any.

    The kinds a plan item can be linked to come from the areas (`Area.plan_links`): each is a
    table with a `plan_item` foreign key."""
    from union_desk import areas

    ids = list(item_ids)
    counts: dict[int, dict[str, int]] = {}
    for link in areas.plan_links():
        model = areas.resolve(link.model)
        for start in range(0, len(ids), 500):
            where = model.plan_item.in_(ids[start : start + 500])
            if link.counted:
                where &= areas.resolve(link.counted)()
            for item_id, n in model.select(model.plan_item, fn.COUNT(model.id)).where(where).group_by(model.plan_item).tuples():
                counts.setdefault(item_id, {})[link.kind] = n
    return counts


def links_text(counts: dict[str, int]) -> str:
    """'活动 2 项、走访 5 人次': an item's linked records, in the areas' order (screen and paper)."""
    from union_desk import areas

    return "、".join(
        link.count_text.format(n=counts[link.kind], label=link.label)
        for link in areas.plan_links()
        if counts.get(link.kind)
    )


def link_candidates(item: PlanItem, text: str = "") -> tuple[list[Activity], list[Visit]]:
    """Activities and (not voided) visits of the item's year that are not linked to it yet,
    nearest to the item's time first."""
    start, end = dt.date(item.year, 1, 1), dt.date(item.year, 12, 31)
    activities = Activity.select().where(
        Activity.start.between(dt.datetime.combine(start, dt.time.min), dt.datetime.combine(end, dt.time.max))
        & ((Activity.plan_item.is_null()) | (Activity.plan_item != item))
    )
    visits = Visit.select().where(
        Visit.date.between(start, end)
        & ~Visit.voided
        & ((Visit.plan_item.is_null()) | (Visit.plan_item != item))
    )
    text = (text or "").strip()
    if text:
        activities = activities.where(Activity.title.contains(text) | Activity.place.contains(text))
        visits = (
            visits.join(Member, on=(Visit.member == Member.id))
            .switch(Visit)
            .join(VisitType, on=(Visit.visit_type == VisitType.id))
            .where(
                Member.name.contains(text)
                | VisitType.name.contains(text)
                | Visit.reason.contains(text)
                | Visit.batch.contains(text)
                | Visit.serial.contains(text)
            )
        )
    anchor = item.date or dt.date(item.year, item.month or 6, 15)

    def distance(day: dt.date) -> int:
        return abs((day - anchor).days)

    return (
        sorted(activities, key=lambda a: distance(a.start.date())),
        sorted(visits, key=lambda v: (distance(v.date), v.id)),
    )


# --- completion ------------------------------------------------------------------------------------


@dataclass
class Rate:
    total: int = 0
    done: int = 0
    cancelled: int = 0

    @property
    def planned(self) -> int:
        return self.total - self.cancelled

    @property
    def rate(self) -> float | None:
        """已完成 / (全部 − 已取消); None when nothing is planned."""
        return self.done / self.planned if self.planned else None

    def add(self, status: str, n: int = 1) -> None:
        self.total += n
        if status == DONE:
            self.done += n
        elif status == CANCELLED:
            self.cancelled += n


@dataclass
class Completion:
    year: int
    months: dict[int, Rate] = field(default_factory=dict)
    year_rate: Rate = field(default_factory=Rate)
    postponed: int = 0
    in_progress: int = 0
    linked_items: int = 0


def format_rate(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def completion(year: int) -> Completion:
    """Per month (by the item's month) and for the year: done, cancelled, rate; linked items."""
    result = Completion(year=year, months={m: Rate() for m in range(1, 13)})
    month = fn.COALESCE(PlanItem.month, fn.strftime("%m", PlanItem.date).cast("INTEGER"))
    rows = (
        PlanItem.select(month.alias("m"), PlanItem.status, fn.COUNT(PlanItem.id))
        .where(PlanItem.year == year)
        .group_by(month, PlanItem.status)
        .tuples()
    )
    for m, status, n in rows:
        if m in result.months:
            result.months[m].add(status, n)
        result.year_rate.add(status, n)
        if status == "顺延":
            result.postponed += n
        elif status == "进行中":
            result.in_progress += n
    ids = [i for (i,) in PlanItem.select(PlanItem.id).where(PlanItem.year == year).tuples()]
    result.linked_items = len(link_counts(ids))
    return result


def years_with_items() -> list[int]:
    return [y for (y,) in PlanItem.select(PlanItem.year).distinct().order_by(PlanItem.year).tuples()]


def generate_year(year: int) -> tuple[int, int]:
    """Generate plan `year` from the active template rules: (created, skipped). See
    `plan_template.generate_year` (kept there with the rules; exposed here for the CLI)."""
    from union_desk.services import plan_template  # imported when used: it loads the festival calendars

    return plan_template.generate_year(year)
