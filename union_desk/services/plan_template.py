"""The school's plan template (工作计划模板) and generating a year's plan from it.

A rule (`PlanTemplateRule`) says when its item falls in any year:

- ``fixed``   month/day every year (三八 3-8, 教师节 9-10); 29 February becomes 28 February in a
  common year;
- ``lunar``   a lunar month/day (端午 5-5, 中秋 8-15, 重阳 9-9), converted with `lunar_to_solar`;
- ``offset``  a festival of `festival_dates` (春节, 清明, 中秋 …) — `offset_days` before or after
  it (春节前一周送温暖: 春节, -7);
- ``month``   some time in month M (no exact date);
- ``monthly`` every month (月报, 生日祝福), on `day` when given (clipped to the month's length).

`offset_days` also shifts fixed and lunar dates (庆祝五一: 5-1, -2 → 4-29). Titles may contain
``{ordinal}`` (or ``{N}``) for the Nth Teachers' Day (第42个教师节 in 2026), ``{year}`` (or
``{年}``) and ``{month}`` (or ``{月}``); the template editor shows the short forms. A dated
rule whose date cannot fall in the year becomes a month-only item.

Generating is idempotent: each item keeps its rule key (`template_key`, per year; a monthly rule
gives ``key#MM``), and generating a year again creates only the items whose key is missing —
items already there, edited or cancelled by the user, are never touched.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from peewee import fn

from union_desk.db.models import PlanItem, PlanTemplateRule, database_proxy
from union_desk.domain import textclean
from union_desk.domain.festivals import festival_dates, lunar_to_solar, teachers_day_ordinal
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import audit
from union_desk.services.plan_common import CATEGORIES
from union_desk.services.plan_common import check_year as _year

KINDS = {
    "fixed": "固定日期",
    "lunar": "农历日期",
    "offset": "节日前后",
    "month": "某月",
    "monthly": "每月",
}
RULE_FIELDS = (
    "title",
    "category",
    "kind",
    "month",
    "day",
    "festival",
    "offset_days",
    "responsible",
    "active",
    "sort_order",
)
MAX_OFFSET = 90
LUNAR_MONTHS = "正二三四五六七八九十冬腊"
_DIGITS = "一二三四五六七八九"
_LUNAR_DAYS = (
    ["初" + c for c in _DIGITS + "十"] + ["十" + c for c in _DIGITS] + ["二十"] + ["廿" + c for c in _DIGITS] + ["三十"]
)


@functools.lru_cache(maxsize=64)
def festivals_of(year: int) -> dict[str, dt.date]:
    """festival_dates(year), computed once per year (lunar conversions are slow). Do not modify."""
    return festival_dates(year)


@functools.lru_cache(maxsize=1)
def festival_names() -> tuple[str, ...]:
    """The festivals an offset rule can refer to, in calendar order."""
    return tuple(festivals_of(2026))


def lunar_text(month: int, day: int) -> str:
    return f"农历{LUNAR_MONTHS[month - 1]}月{_LUNAR_DAYS[day - 1]}"


def _offset_text(days: int) -> str:
    if not days:
        return ""
    if days % 7 == 0 and abs(days) <= 28:
        amount = "一两三四"[abs(days) // 7 - 1] + "周"
    else:
        amount = f"{abs(days)}天"
    return f"前{amount}" if days < 0 else f"后{amount}"


def describe_rule(rule: PlanTemplateRule) -> str:
    """When a rule falls, in words: '每年3月8日', '农历八月十五', '春节前一周', '每年4月', '每月25日'."""
    shift = _offset_text(rule.offset_days or 0)
    if rule.kind == "fixed":
        return f"每年{rule.month}月{rule.day}日" + (f"（{shift}）" if shift else "")
    if rule.kind == "lunar":
        return lunar_text(rule.month, rule.day) + (f"（{shift}）" if shift else "")
    if rule.kind == "offset":
        return f"{rule.festival}{shift}" if shift else f"{rule.festival}当天"
    if rule.kind == "month":
        return f"每年{rule.month}月"
    if rule.kind == "monthly":
        return f"每月{rule.day}日" if rule.day else "每月"
    return rule.kind


def format_title(title: str, year: int, month: int | None = None) -> str:
    """Fill the tokens of a rule title: {ordinal} or {N} (第N个教师节), {year} or {年},
    {month} or {月}."""
    if "{ordinal}" in title or "{N}" in title:
        ordinal = str(teachers_day_ordinal(year))
        title = title.replace("{ordinal}", ordinal).replace("{N}", ordinal)
    title = title.replace("{year}", str(year)).replace("{年}", str(year))
    if month is not None:
        title = title.replace("{month}", str(month)).replace("{月}", str(month))
    return title


def _in_year(candidates, year: int) -> dt.date | None:
    for day in candidates:
        if day is not None and day.year == year:
            return day
    return None


def rule_date(rule: PlanTemplateRule, year: int) -> dt.date | None:
    """The date of a fixed / lunar / offset rule in `year`, or None when it has no date there.

    Lunar dates and festival offsets are looked up in the neighbouring years too, so that, for
    example, 腊八 (lunar 12-8 of the previous lunar year) lands in January.
    """
    shift = dt.timedelta(days=rule.offset_days or 0)
    if rule.kind == "fixed" and rule.month and rule.day:
        day = min(rule.day, calendar.monthrange(year, rule.month)[1])
        return _in_year([dt.date(year, rule.month, day) + shift], year)
    if rule.kind == "lunar" and rule.month and rule.day:
        return _in_year((lunar_to_solar(y, rule.month, rule.day) + shift for y in (year, year - 1)), year)
    if rule.kind == "offset" and rule.festival:
        return _in_year(
            (
                festivals_of(y)[rule.festival] + shift
                for y in (year, year - 1, year + 1)
                if rule.festival in festivals_of(y)
            ),
            year,
        )
    return None


def _fallback_month(rule: PlanTemplateRule, year: int) -> int:
    if rule.month:
        return rule.month
    try:
        base = festivals_of(year)[rule.festival] + dt.timedelta(days=rule.offset_days or 0)
    except KeyError:
        return 1
    return 1 if base.year < year else 12 if base.year > year else base.month


def expand_rule(rule: PlanTemplateRule, year: int) -> list[dict]:
    """The items a rule gives in `year`, as field dicts for PlanItem (no id, no status)."""
    base = {
        "year": year,
        "category": rule.category,
        "end_date": None,
        "responsible": rule.responsible or "",
        "notes": "",
        "sort_order": rule.sort_order,
    }
    if rule.kind == "monthly":
        rows = []
        for month in range(1, 13):
            day = None
            if rule.day:
                day = dt.date(year, month, min(rule.day, calendar.monthrange(year, month)[1]))
            rows.append(
                base
                | {
                    "title": format_title(rule.title, year, month),
                    "month": month,
                    "date": day,
                    "template_key": f"{rule.key}#{month:02d}",
                }
            )
        return rows
    if rule.kind == "month":
        day, month = None, rule.month
    else:
        day = rule_date(rule, year)
        month = day.month if day else _fallback_month(rule, year)
    return [
        base
        | {
            "title": format_title(rule.title, year, month),
            "month": month,
            "date": day,
            "template_key": rule.key,
        }
    ]


def active_rules() -> list[PlanTemplateRule]:
    return list(
        PlanTemplateRule.select()
        .where(PlanTemplateRule.active)
        .order_by(PlanTemplateRule.sort_order, PlanTemplateRule.id)
    )


def expand_rules(rules, year: int) -> list[dict]:
    """All items the given rules give in `year` (for bulk inserts such as the demo generator)."""
    rows = []
    for rule in rules:
        rows.extend(expand_rule(rule, year))
    return rows


def generate_year(year: int) -> tuple[int, int]:
    """Turn the active template rules into items of plan `year`. Returns (created, skipped).

    Skipped items are those whose template key the year already has: whatever the user did to
    them (dates moved, status, cancelled) stays as it is.
    """
    year = _year(year)
    rows = expand_rules(active_rules(), year)
    existing = {
        key
        for (key,) in PlanItem.select(PlanItem.template_key)
        .where((PlanItem.year == year) & PlanItem.template_key.is_null(False))
        .tuples()
    }
    created = skipped = 0
    with database_proxy.atomic():
        for row in rows:
            if row["template_key"] in existing:
                skipped += 1
                continue
            existing.add(row["template_key"])
            audit.create(PlanItem, note=f"按模板生成{year}年计划", status="未开始", **row)
            created += 1
    return created, skipped


# --- editing the template ----------------------------------------------------------------------------


def list_rules(include_inactive: bool = True) -> list[PlanTemplateRule]:
    query = PlanTemplateRule.select()
    if not include_inactive:
        query = query.where(PlanTemplateRule.active)
    return list(query.order_by(PlanTemplateRule.sort_order, PlanTemplateRule.id))


def get_rule(rule_id: int) -> PlanTemplateRule:
    rule = PlanTemplateRule.get_or_none(PlanTemplateRule.id == rule_id) if textclean.fits_db_int(rule_id) else None
    if rule is None:
        raise NotFoundError(f"没有编号为 {rule_id} 的模板规则")
    return rule


MAX_SORT = 1_000_000


def _int(value, label: str, field_name: str, low: int = -MAX_SORT, high: int = MAX_SORT) -> int | None:
    return textclean.clean_int(value, label, low, high, field=field_name)


def check_rule(data: dict) -> dict:
    """Validate a whole rule; fields the kind does not use are cleared."""
    unknown = set(data) - set(RULE_FIELDS)
    if unknown:
        raise ValueError(f"unknown template rule fields {sorted(unknown)}")
    title = textclean.clean_field(data.get("title"), "long_line", "计划事项", field="title")
    if not title:
        raise ValidationError("请填写计划事项", field="title")
    leftover = re.sub(r"\{(ordinal|N|year|month|年|月)\}", "", title)
    if "{" in leftover or "}" in leftover:
        raise ValidationError("事项名称中只能使用 {N}（第N个教师节）、{年}（年份）、{月}（月份）", field="title")
    category = textclean.clean_text(data.get("category")) or "其他"
    if category not in CATEGORIES:
        raise ValidationError(f"请选择类别（可选：{'、'.join(CATEGORIES)}）", field="category")
    kind = textclean.clean_text(data.get("kind"))
    kind = {label: key for key, label in KINDS.items()}.get(kind, kind)
    if kind not in KINDS:
        raise ValidationError(f"请选择时间规则（可选：{'、'.join(KINDS.values())}）", field="kind")
    month = _int(data.get("month"), "月份", "month", 1, 12)
    day = _int(data.get("day"), "日期", "day", 1, 31)
    offset = _int(data.get("offset_days"), "提前或推后的天数", "offset_days") or 0
    festival = textclean.clean_text(data.get("festival"))
    if not -MAX_OFFSET <= offset <= MAX_OFFSET:
        raise ValidationError(f"提前或推后的天数应在 {MAX_OFFSET} 天以内", field="offset_days")
    if kind in ("fixed", "lunar", "month"):
        if month is None or not 1 <= month <= 12:
            raise ValidationError("月份应在 1 到 12 之间", field="month")
    if kind == "fixed":
        last = calendar.monthrange(2000, month)[1]  # a leap year: 2-29 is allowed
        if day is None or not 1 <= day <= last:
            raise ValidationError(f"{month}月的日期应在 1 到 {last} 之间", field="day")
    elif kind == "lunar":
        if day is None or not 1 <= day <= 30:
            raise ValidationError("农历日期应在初一到三十之间", field="day")
    elif kind == "monthly":
        if day is not None and not 1 <= day <= 31:
            raise ValidationError("每月的日期应在 1 到 31 之间（小月取月末）", field="day")
    if kind == "offset":
        if festival not in festival_names():
            raise ValidationError(f"请选择节日（可选：{'、'.join(festival_names())}）", field="festival")
    else:
        festival = ""
    if kind in ("month", "monthly"):
        offset = 0
    if kind in ("offset", "month"):
        day = None
    if kind in ("offset", "monthly"):
        month = None
    responsible = textclean.clean_field(data.get("responsible"), "line", "负责人", field="responsible")
    values = {
        "title": title,
        "category": category,
        "kind": kind,
        "month": month,
        "day": day,
        "festival": festival,
        "offset_days": offset,
        "responsible": responsible,
        "active": bool(data.get("active", True)),
    }
    if data.get("sort_order") not in (None, ""):
        values["sort_order"] = _int(data["sort_order"], "排序", "sort_order")
    return values


def _new_key() -> str:
    n = PlanTemplateRule.select().count() + 1
    while PlanTemplateRule.select().where(PlanTemplateRule.key == f"custom-{n}").exists():
        n += 1
    return f"custom-{n}"


def create_rule(data: dict, note: str = "") -> PlanTemplateRule:
    values = check_rule(data)
    if "sort_order" not in values:
        last = PlanTemplateRule.select(fn.MAX(PlanTemplateRule.sort_order)).scalar()
        values["sort_order"] = (last or 0) + 1
    return audit.create(PlanTemplateRule, note=note, key=_new_key(), **values)


def update_rule(rule: PlanTemplateRule, data: dict, note: str = "") -> dict:
    """Change a rule. Items generated earlier stay as they are; only future generating changes."""
    merged = {name: getattr(rule, name) for name in RULE_FIELDS}
    merged.update(data)
    return audit.update(rule, note=note, **check_rule(merged))


def set_rule_active(rule: PlanTemplateRule, active: bool) -> dict:
    return audit.update(rule, note="启用" if active else "停用", active=bool(active))


def delete_rule(rule: PlanTemplateRule) -> None:
    """Remove a rule from the template (the items made from it stay in their plans)."""
    with database_proxy.atomic():
        audit.record("delete", rule, before=audit.snapshot(rule), note="删除模板规则")
        rule.delete_instance()
