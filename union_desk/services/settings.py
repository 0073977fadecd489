"""Application settings stored in the database (school, union, chair, printing font, language)."""

from __future__ import annotations

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


def _area_keys() -> dict:
    """The settings the areas declare (union_desk.areas: Area.settings), by key."""
    from union_desk import areas

    return {k.key: k for k in areas.setting_keys()}


def defaults() -> dict[str, str]:
    return {**DEFAULTS, **{key: k.default for key, k in _area_keys().items()}}


def get(key: str) -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else defaults().get(key, "")


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
        if key not in DEFAULTS and key not in area_keys:
            raise ValidationError(f"未知的设置项：{key}", field=key)
        if key in area_keys:
            kind, label = area_keys[key].kind, area_keys[key].label
        else:
            kind, label = TEXT.get(key, ("long", OTHER_LABELS.get(key, key)))
        value = textclean.clean_field(value, kind, label, field=key)
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
