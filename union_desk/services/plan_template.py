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
``{年}``) and ``{month}`` (or ``{月}``); the template editor shows the short forms. An
anniversary names its form and base year in the title: ``{第N个:1911}`` counts occurrences
from the first one (三八: 2026 → 第116个), ``{N周年:1921}`` years from the founding (建党:
2027 → 106周年).

A lunar or festival-offset rule yields every date it has inside the calendar year: 腊八 (lunar
12-8) falls twice in 2022 (2022-01-10 and 2022-12-30; the second item has the key ``key#2``)
and not at all in 2023 — then the rule gives no item, and `undated_rules` / the ``missing`` of
`generate_year`'s result say so.

When a dated item does not fall on a working day (statutory calendar with 调休, see
`festivals.is_working_day`), the rule's working-day policy (`workday_policy`) moves it to the
working day before (``before``: the default for visits and reports), after (``after``), or
keeps it (``keep``: celebrations on the day). PlanTemplateRule has no column for the policy
(no schema change): the shipped rules carry it in resources/plan_template.json (``workday``),
other rules get the default from their category and title. A moved item says so in its notes,
with the estimate warning for a year whose holiday notice is not published.

No dated item is placed in the school holidays (寒假, 暑假: per-year settings
``school_holidays_<year>``, with defaults from `festivals.default_school_holidays`: 寒假 around
春节, 暑假 7月10日—8月31日) unless the rule allows it: the rule's holiday policy
(`holiday_policy`, ``holiday`` in plan_template.json) moves it to the last working day before
the holiday (``before``: the default), the first working day after it (``after``), or keeps it
(``allowed``: 春节慰问 always falls in 寒假; rules counted from 除夕/春节/元宵 default to it). The
note says why, and whether the holiday dates are the defaults.

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
from union_desk.domain.festivals import (
    anniversary_text,
    default_school_holidays,
    festival_dates,
    lunar_to_solar,
    nearest_working_day,
    statutory_calendar,
    teachers_day_ordinal,
)
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import audit
from union_desk.services.plan_common import CATEGORIES
from union_desk.services.plan_common import MAX_YEAR
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


ANNIVERSARY_TOKEN = re.compile(r"\{(第N个|N周年)[:：](\d{4})\}")
MIN_BASE_YEAR = 1800


def _anniversary(match: re.Match, year: int) -> str:
    form, base = match.group(1), int(match.group(2))
    try:
        return anniversary_text(year, base, form)
    except ValueError:  # a year before the first one: no number
        return ""


def format_title(title: str, year: int, month: int | None = None) -> str:
    """Fill the tokens of a rule title: {ordinal} or {N} (第N个教师节), {第N个:1911} (第116个
    in 2026), {N周年:1921} (105周年 in 2026), {year} or {年}, {month} or {月}."""
    title = ANNIVERSARY_TOKEN.sub(lambda m: _anniversary(m, year), title)
    if "{ordinal}" in title or "{N}" in title:
        ordinal = str(teachers_day_ordinal(year))
        title = title.replace("{ordinal}", ordinal).replace("{N}", ordinal)
    title = title.replace("{year}", str(year)).replace("{年}", str(year))
    if month is not None:
        title = title.replace("{month}", str(month)).replace("{月}", str(month))
    return title


def rule_dates(rule: PlanTemplateRule, year: int) -> list[dt.date]:
    """Every date of a fixed / lunar / offset rule inside `year`, in order (before any
    working-day move); [] when it has none there.

    Lunar dates and festival offsets are looked up in the neighbouring years too: 腊八 (lunar
    12-8) of lunar 2021 and of lunar 2022 both fall in 2022, and none in 2023.
    """
    shift = dt.timedelta(days=rule.offset_days or 0)
    years = (year - 1, year, year + 1)
    if rule.kind == "fixed" and rule.month and rule.day:
        found = [dt.date(y, rule.month, min(rule.day, calendar.monthrange(y, rule.month)[1])) + shift for y in years]
    elif rule.kind == "lunar" and rule.month and rule.day:
        found = [lunar_to_solar(y, rule.month, rule.day) + shift for y in years]
    elif rule.kind == "offset" and rule.festival:
        found = [festivals_of(y)[rule.festival] + shift for y in years if rule.festival in festivals_of(y)]
    else:
        found = []
    return sorted({day for day in found if day.year == year})


def rule_date(rule: PlanTemplateRule, year: int) -> dt.date | None:
    """The first date of a fixed / lunar / offset rule in `year` (see `rule_dates`), or None."""
    dates = rule_dates(rule, year)
    return dates[0] if dates else None


# --- working days ------------------------------------------------------------------------------------

WORKDAY_POLICIES = {
    "before": "提前到前一个工作日",
    "after": "推后到下一个工作日",
    "keep": "保持原日期",
}
_STEPS = {"before": -1, "after": 1}
_WEEKDAYS = "一二三四五六日"


@functools.lru_cache(maxsize=1)
def _shipped_rules() -> dict[str, dict]:
    from union_desk.db.defaults import load_resource_json

    return {row["key"]: row for row in load_resource_json("plan_template.json")["rules"]}


HOLIDAY_POLICIES = {
    "before": "提前到放假前的最后一个工作日",
    "after": "推后到开学后的第一个工作日",
    "allowed": "假期中照常",
}
HOLIDAY_FESTIVALS = ("除夕", "春节", "元宵")  # offset rules counted from these fall in 寒假 anyway


def holiday_policy(rule: PlanTemplateRule) -> str:
    """What happens to the rule's date when it falls in 寒假 or 暑假: 'before', 'after' or 'allowed'.

    The shipped rules may name it in plan_template.json (``holiday``); other rules: those counted
    from 除夕, 春节 or 元宵 are allowed in the holidays, the rest move before the holiday.
    """
    shipped = _shipped_rules().get(rule.key, {}).get("holiday")
    if shipped in HOLIDAY_POLICIES:
        return shipped
    if rule.kind == "offset" and rule.festival in HOLIDAY_FESTIVALS:
        return "allowed"
    return "before"


class SchoolHolidays(tuple):
    """((寒假 start, end), (暑假 start, end)) of a year; `is_default` when not set for the school."""

    is_default: bool

    def __new__(cls, ranges, is_default: bool):
        result = super().__new__(cls, tuple(ranges))
        result.is_default = is_default
        return result

    def containing(self, day: dt.date) -> tuple[str, dt.date, dt.date] | None:
        for name, (start, end) in zip(("寒假", "暑假"), self):
            if start <= day <= end:
                return name, start, end
        return None


def school_holidays(year: int) -> SchoolHolidays:
    """寒假 and 暑假 of `year`: the setting ``school_holidays_<year>``, else the defaults."""
    from union_desk.services import settings

    key = settings.holiday_key(year)
    try:
        ranges = settings.parse_school_holidays(settings.get(key), year, key)
    except ValidationError:  # an unreadable stored value: the defaults
        ranges = None
    if ranges:
        return SchoolHolidays(ranges, False)
    return SchoolHolidays(default_school_holidays(year), True)


def workday_policy(rule: PlanTemplateRule) -> str:
    """What happens to the rule's date when it is not a working day: 'before', 'after' or 'keep'.

    The shipped rules name it in plan_template.json; any other rule: visits (慰问, by category
    or title) and reports (上报检查) move to the working day before, the rest keep their date.
    """
    shipped = _shipped_rules().get(rule.key, {}).get("workday")
    if shipped in WORKDAY_POLICIES:
        return shipped
    if rule.category in ("慰问", "上报检查") or "慰问" in (rule.title or ""):
        return "before"
    return "keep"


@functools.lru_cache(maxsize=16)
def _calendar(year: int):
    return statutory_calendar(year)


def _estimate_note(year: int) -> str:
    """'；2028年放假安排尚未公布，按法定节假日估算' for a year whose arrangement is not published."""
    return f"；{year}年放假安排尚未公布，按法定节假日估算" if _calendar(year).is_estimate else ""


def _working_date(day: dt.date, policy: str) -> dt.date:
    """`day` moved by `policy` to a working day, staying inside its year (else the other way)."""
    if policy not in _STEPS:
        return day
    for step in (_STEPS[policy], -_STEPS[policy]):
        moved = nearest_working_day(day, step)
        if moved.year == day.year:
            return moved
    return day


def _moved_note(original: dt.date, moved: dt.date) -> str:
    if moved == original:
        return ""
    way = "提前" if moved < original else "推后"
    why = f"星期{_WEEKDAYS[original.weekday()]}"
    holiday = _calendar(original.year).holidays.get(original)
    if holiday and holiday != "休息日":
        why += f"，{holiday}假期"
    return f"原定{original.month}月{original.day}日（{why}）非工作日，{way}到工作日" + _estimate_note(original.year)


def _out_of_holiday(day: dt.date, policy: str, holidays: SchoolHolidays) -> tuple[dt.date, str]:
    """`day` moved out of the school holiday it falls in (if any), with the note saying why."""
    found = holidays.containing(day) if policy != "allowed" else None
    if not found:
        return day, ""
    name, start, end = found
    moved = None
    for way in ("before", "after") if policy == "before" else ("after", "before"):
        edge = start - dt.timedelta(days=1) if way == "before" else end + dt.timedelta(days=1)
        if edge.year != day.year:
            continue
        candidate = nearest_working_day(edge, _STEPS[way])
        if candidate.year == day.year:
            moved = candidate
            break
    if moved is None:
        return day, ""
    where = HOLIDAY_POLICIES["before" if moved < day else "after"]
    note = f"原定{day.month}月{day.day}日在{name}（{start.month}月{start.day}日—{end.month}月{end.day}日）中，{where}"
    if holidays.is_default:
        note += f"；{name}日期为默认估算，可在设置中按本校校历修改"
    return moved, note + _estimate_note(day.year)


def _placed(rule: PlanTemplateRule, day: dt.date, holidays: SchoolHolidays | None = None) -> tuple[dt.date, str]:
    """`day` moved off days that are not working days (workday policy) and out of 寒暑假 (holiday
    policy), with the note saying why."""
    holidays = holidays if holidays is not None else school_holidays(day.year)
    policy = holiday_policy(rule)
    moved, note = _out_of_holiday(day, policy, holidays)
    if note:
        return moved, note
    moved = _working_date(day, workday_policy(rule))
    if holidays.containing(moved) and policy != "allowed":  # the working day before/after is in a holiday
        again, note = _out_of_holiday(moved, policy, holidays)
        if note:
            return again, note.replace(f"原定{moved.month}月{moved.day}日", f"原定{day.month}月{day.day}日", 1)
    return moved, _moved_note(day, moved)


def no_date_text(rule: PlanTemplateRule, year: int) -> str:
    """Why a dated rule gives no item in `year` ('农历腊月初八在2023年没有对应的日期（前后为 …）')."""
    near = sorted({d for y in (year - 1, year + 1) for d in rule_dates(rule, y)})
    before = [d for d in near if d.year < year][-1:]
    after = [d for d in near if d.year > year][:1]
    around = "、".join(d.isoformat() for d in before + after)
    return f"{describe_rule(rule)}在{year}年没有对应的日期" + (f"（前后为 {around}）" if around else "")


def expand_rule(rule: PlanTemplateRule, year: int, holidays: SchoolHolidays | None = None) -> list[dict]:
    """The items a rule gives in `year`, as field dicts for PlanItem (no id, no status).

    A dated rule whose date falls twice in the year gives two items (keys ``key`` and
    ``key#2``); one that does not fall in the year gives none (see `no_date_text`).
    `holidays`: the year's 寒暑假 (read from the settings when not given).
    """
    holidays = holidays if holidays is not None else school_holidays(year)
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
            day, note = None, ""
            if rule.day:
                day, note = _placed(
                    rule, dt.date(year, month, min(rule.day, calendar.monthrange(year, month)[1])), holidays
                )
            rows.append(
                base
                | {
                    "title": format_title(rule.title, year, month),
                    "month": month,
                    "date": day,
                    "notes": note,
                    "template_key": f"{rule.key}#{month:02d}",
                }
            )
        return rows
    if rule.kind == "month":
        return [
            base
            | {
                "title": format_title(rule.title, year, rule.month),
                "month": rule.month,
                "date": None,
                "template_key": rule.key,
            }
        ]
    rows = []
    for n, original in enumerate(rule_dates(rule, year), start=1):
        day, note = _placed(rule, original, holidays)
        rows.append(
            base
            | {
                "title": format_title(rule.title, year, day.month),
                "month": day.month,
                "date": day,
                "notes": note,
                "template_key": rule.key if n == 1 else f"{rule.key}#{n}",
            }
        )
    return rows


def active_rules() -> list[PlanTemplateRule]:
    return list(
        PlanTemplateRule.select()
        .where(PlanTemplateRule.active)
        .order_by(PlanTemplateRule.sort_order, PlanTemplateRule.id)
    )


def expand_rules(rules, year: int) -> list[dict]:
    """All items the given rules give in `year` (for bulk inserts such as the demo generator)."""
    rows = []
    holidays = school_holidays(year)
    for rule in rules:
        rows.extend(expand_rule(rule, year, holidays))
    return rows


def undated_rules(rules, year: int) -> list[str]:
    """Why each dated rule without a date in `year` gives no item (e.g. 腊八 in 2023)."""
    return [
        f"{rule.title}：{no_date_text(rule, year)}"
        for rule in rules
        if rule.kind in ("fixed", "lunar", "offset") and not rule_dates(rule, year)
    ]


class GenerateResult(tuple):
    """(created, skipped), plus `missing`: the rules that give no item this year, in words."""

    missing: list[str]

    def __new__(cls, created: int, skipped: int, missing: list[str]):
        result = super().__new__(cls, (created, skipped))
        result.missing = missing
        return result


def generate_year(year: int) -> GenerateResult:
    """Turn the active template rules into items of plan `year`. Returns (created, skipped),
    with `.missing` listing the rules that have no date in the year (腊八 in 2023).

    Skipped items are those whose template key the year already has: whatever the user did to
    them (dates moved, status, cancelled) stays as it is.
    """
    year = _year(year)
    rules = active_rules()
    rows = expand_rules(rules, year)
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
    return GenerateResult(created, skipped, undated_rules(rules, year))


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
    for match in ANNIVERSARY_TOKEN.finditer(title):
        if not MIN_BASE_YEAR <= int(match.group(2)) <= MAX_YEAR:
            raise ValidationError(
                f"纪念日的起算年份应在 {MIN_BASE_YEAR} 到 {MAX_YEAR} 之间：{match.group(0)}", field="title"
            )
    leftover = re.sub(r"\{(ordinal|N|year|month|年|月)\}", "", ANNIVERSARY_TOKEN.sub("", title))
    if "{" in leftover or "}" in leftover:
        raise ValidationError(
            "事项名称中只能使用 {N}（第N个教师节）、{第N个:1911}（从首次的年份起算，如第116个妇女节）、"
            "{N周年:1921}（从成立的年份起算，如建党105周年）、{年}（年份）、{月}（月份）",
            field="title",
        )
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
