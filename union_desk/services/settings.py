"""Application settings stored in the database (school, union, chair, printing font, language)."""

from __future__ import annotations

import datetime as dt
import re

from union_desk.db.models import Setting, database_proxy
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.services import audit

DEFAULTS = {
    "school_name": "",
    "union_name": "",
    "chair": "",
    "default_handler": "",
    "print_font": "",
    "pdf_font_index": "0",  # the face of print_font when it is a collection (.ttc): 0, 1, …
    "language": "zh_CN",
    "window_geometry": "",
    "last_area": "",
    "slip_size": "A5",
}
SLIP_SIZES = ("A5", "half-A4")
LANGUAGES = ("zh_CN", "en")
# Typed names: (kind in textclean.TEXT_LIMITS, label). The other settings (a font file path,
# choices, window state) keep their characters as given, without control characters, up to the
# "long" limit.
TEXT = {
    "school_name": ("line", "学校名称"),
    "union_name": ("line", "工会名称"),
    "chair": ("short", "工会主席"),
    "default_handler": ("short", "默认经办人"),
}
LIMITS = {key: textclean.TEXT_LIMITS[kind] for key, (kind, _) in TEXT.items()}
OTHER_LABELS = {"print_font": "打印字体", "pdf_font_index": "打印字体集中的字体", "language": "界面语言", "window_geometry": "窗口位置", "last_area": "上次打开的页面", "slip_size": "记录单纸张"}
# UI state that changes on every close: stored, but not worth an audit row.
UNAUDITED = {"window_geometry", "last_area"}


# 寒暑假 of a year: "school_holidays_2027" = "2027-01-16~2027-02-21;2027-07-10~2027-08-31" (寒假;暑假).
# Unset or empty: the defaults of festivals.default_school_holidays (寒假 around 春节, 暑假 7-10~8-31).
HOLIDAY_KEY = re.compile(r"school_holidays_(\d{4})")
_RANGE = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})\s*[~～至到—-]{1,2}\s*(\d{4}-\d{1,2}-\d{1,2})")
_HOLIDAY_NAMES = ("寒假", "暑假")
MAX_HOLIDAY_DAYS = 80


def holiday_key(year: int) -> str:
    return f"school_holidays_{year}"


def _day(text: str, name: str, key: str) -> dt.date:
    try:
        return dt.date(*(int(part) for part in text.split("-")))
    except ValueError:
        raise ValidationError(f"{name}的日期无效：{text}", field=key) from None


def parse_school_holidays(value: str, year: int, key: str = "") -> tuple[tuple[dt.date, dt.date], ...] | None:
    """'2027-01-16~2027-02-21;2027-07-10~2027-08-31' → ((寒假), (暑假)); '' → None (the defaults).
    Both ranges must lie in `year`, start ≤ end, at most 80 days, 寒假 before 暑假."""
    value = (value or "").strip()
    if not value:
        return None
    parts = [p.strip() for p in re.split(r"[;；]", value)]
    example = f"{year}-01-16~{year}-02-21;{year}-07-10~{year}-08-31"
    if len(parts) != 2:
        raise ValidationError(f"{year}年寒暑假应写成“寒假开始~结束;暑假开始~结束”，例如 {example}", field=key)
    ranges = []
    for name, part in zip(_HOLIDAY_NAMES, parts):
        match = _RANGE.fullmatch(part)
        if not match:
            raise ValidationError(f"{year}年{name}应写成“开始日期~结束日期”，例如 {example}", field=key)
        start, end = (_day(text, f"{year}年{name}", key) for text in match.groups())
        if start.year != year or end.year != year:
            raise ValidationError(f"{year}年{name}的日期应在{year}年内：{part}", field=key)
        if end < start:
            raise ValidationError(f"{year}年{name}的结束日期早于开始日期：{part}", field=key)
        if (end - start).days + 1 > MAX_HOLIDAY_DAYS:
            raise ValidationError(f"{year}年{name}超过 {MAX_HOLIDAY_DAYS} 天：{part}", field=key)
        ranges.append((start, end))
    if ranges[0][1] >= ranges[1][0]:
        raise ValidationError(f"{year}年寒假应在暑假之前，且两者不重叠", field=key)
    return tuple(ranges)


def format_school_holidays(ranges) -> str:
    return ";".join(f"{start.isoformat()}~{end.isoformat()}" for start, end in ranges)


def _area_keys() -> dict:
    """The settings the areas declare (union_desk.areas: Area.settings), by key."""
    from union_desk import areas

    return {k.key: k for k in areas.setting_keys()}


def defaults() -> dict[str, str]:
    return {**DEFAULTS, **{key: k.default for key, k in _area_keys().items()}}


def get(key: str) -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else defaults().get(key, "")


def union_title() -> str:
    """One line naming the union: the union's own name, else '<school>工会', else '工会'."""
    union, school = get("union_name").strip(), get("school_name").strip()
    return union or (f"{school}工会" if school else "工会")


def font_index() -> int:
    """pdf_font_index as a number (0 when unset or unreadable)."""
    value = get("pdf_font_index")
    return int(value) if value.isascii() and value.isdigit() else 0


def get_all() -> dict[str, str]:
    values = defaults()
    values.update({row.key: row.value for row in Setting.select()})
    return values


def validate(values: dict[str, str]) -> dict[str, str]:
    cleaned = {}
    area_keys = _area_keys()
    for key, value in values.items():
        holiday = HOLIDAY_KEY.fullmatch(key)
        if holiday:
            from union_desk.services.plan_common import MAX_YEAR, MIN_YEAR

            year = int(holiday.group(1))
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise ValidationError(f"寒暑假的年份应在 {MIN_YEAR} 到 {MAX_YEAR} 之间", field=key)
            value = textclean.clean_field(value, "long", f"{year}年寒暑假", field=key)
            ranges = parse_school_holidays(value, year, key)
            cleaned[key] = format_school_holidays(ranges) if ranges else ""
            continue
        if key not in DEFAULTS and key not in area_keys:
            raise ValidationError(f"未知的设置项：{key}", field=key)
        if key in area_keys:
            kind, label = area_keys[key].kind, area_keys[key].label
        else:
            kind, label = TEXT.get(key, ("long", OTHER_LABELS.get(key, key)))
        value = textclean.clean_field(value, kind, label, field=key)
        if key in area_keys and area_keys[key].check and value:
            from union_desk import areas

            try:
                value = areas.resolve(area_keys[key].check)(value)
            except ValidationError as exc:
                raise ValidationError(f"{label}：{exc.message}", field=key) from exc
        if key == "slip_size" and value not in SLIP_SIZES:
            raise ValidationError("记录单纸张只能是 A5 或半张 A4", field=key)
        if key == "pdf_font_index" and not (value.isascii() and value.isdigit() and len(value) <= 3):
            raise ValidationError("打印字体集中的字体序号应是 0 或正整数", field=key)
        if key == "language" and value not in LANGUAGES:
            raise ValidationError(f"不支持的界面语言：{value}", field=key)
        cleaned[key] = value
    return cleaned


def save(values: dict[str, str]) -> None:
    """Validate all values first, then write them in one transaction with the audit log."""
    cleaned = validate(values)
    changed: dict[str, tuple[str | None, str]] = {}
    with database_proxy.atomic():
        for key, value in cleaned.items():
            row = Setting.get_or_none(Setting.key == key)
            old = row.value if row else None
            if old == value:
                continue
            if row:
                Setting.update(value=value).where(Setting.key == key).execute()
            else:
                Setting.create(key=key, value=value)
            if key not in UNAUDITED:
                audit.record("update", "setting", None, before={key: old}, after={key: value})
            changed[key] = (old, value)
        if changed:
            from union_desk import areas

            for hook in areas.hooks("settings_saved"):  # e.g. the dues keep the rule past periods were collected under
                hook(changed)
