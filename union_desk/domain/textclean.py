"""Cleaning what people type into Excel rosters and forms: spaces, full-width characters, control
characters, length limits, whole numbers, sexes, loose dates ('1985.06', '1985年6月', Excel serial
numbers) and phone numbers."""

from __future__ import annotations

import functools
import math
import re
from datetime import date, datetime, timedelta

from union_desk.errors import ValidationError

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# Control characters (C0, DEL, C1) and unprintable format characters (soft hyphen, bidi
# overrides that make text read backwards, lone surrogates that SQLite cannot store) are dropped.
# Line and tab breaks among them become a space in one-line text, a newline in multi-line text.
_BREAKS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_UNPRINTABLE = [
    *range(0x00, 0x20), *range(0x7F, 0xA0), 0xAD, 0x061C, 0x180E, *range(0x200B, 0x2010),
    *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFC), *range(0xD800, 0xE000),
]
_DROP = {code: None for code in _UNPRINTABLE if chr(code) not in _BREAKS}
_ONE_LINE = {**_DROP, **{ord(ch): " " for ch in _BREAKS}}
_MULTI_LINE = {**_DROP, **{ord(ch): "\n" for ch in _BREAKS if ch != "\t"}}
_SPACES = re.compile(r"\s+")  # includes U+3000 and NBSP
_TABLE = {**_ONE_LINE, **_INVISIBLE, **_FULLWIDTH}
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
MAX_DB_INT = 2**63 - 1  # SQLite's largest integer

# How long typed text may be, in characters: ONE table for every service (forms, imports and the
# CLI all go through the services). Too long is refused, never cut. The columns in db/models.py
# are at least this long. Multi-line kinds keep tabs and line breaks.
TEXT_LIMITS = {
    "word": 16,  # 民族、学历、政治面貌、慰问类别分组
    "name": 40,  # 姓名 (room for a foreign teacher's full name)
    "short": 32,  # 慰问类别名称、批次、工会主席、默认经办人
    "line": 64,  # 部门、工会小组、职务、职称、地点、经办人、负责人、健康状况、住房、项目、队名、奖项
    "long_line": 128,  # 活动名称、计划事项、工作单位或学校、慰问人员、物品、活动地点
    "notes": 500,  # 备注、原因（作废、超标准、取消、状态变动、复核意见）
    "long": 2000,  # 情况说明、活动介绍、跟进情况、会员备注、计划备注
    "document": 20000,  # 会议记录 (a long meeting's minutes)
}
MULTILINE_KINDS = ("notes", "long", "document")
_TOTAL_WORDS = ("合计", "总计", "小计")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 60 is Excel's phantom 1900-02-29
_MAX_SERIAL = 2958465  # 9999-12-31
MIN_YEAR, MAX_YEAR = 1900, 2100  # the years any date may have


class CleanError(ValueError):
    """A cell value that cannot be understood; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def decode_escapes(text: str) -> str:
    """Decode the `_xHHHH_` escapes openpyxl and Excel's XML write for characters XML cannot
    hold ('_x0000_', '_x001B_'; '_x005F_' is an escaped '_', so '_x005F_x0001_' stays literal)."""
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)


def clean_text(value) -> str:
    """None -> ''; one line: `_xHHHH_` escapes decoded, control characters dropped, trim spaces
    (also full-width and NBSP), collapse inner runs (tabs, line breaks) to one space, full-width
    ASCII to half-width. A whole-number float (1001.0 from Excel) -> '1001'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _clean_str(value if isinstance(value, str) else str(value))


@functools.lru_cache(maxsize=65536)
def _clean_str(text: str) -> str:
    """Cached: rosters repeat the same departments, titles and words thousands of times."""
    return _SPACES.sub(" ", decode_escapes(text).translate(_TABLE)).strip()


def clean_multiline(value) -> str:
    """Multi-line text (notes, reasons): `_xHHHH_` escapes decoded, control characters dropped
    except tab and newline, '\\r\\n' -> '\\n', trailing spaces of lines and outer blank lines
    trimmed. Punctuation stays as typed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = decode_escapes(text).replace("\r\n", "\n").translate(_MULTI_LINE)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def clean_field(value, kind: str, label: str | None = None, *, field: str | None = None) -> str:
    """Typed text of a kind of TEXT_LIMITS, ready to store (`clean_text`, or `clean_multiline`
    for multi-line kinds). Longer than the limit: ValidationError naming `label`
    ('备注最多 500 字，现在 612 字'); without a label the message starts at '最多'."""
    text = clean_multiline(value) if kind in MULTILINE_KINDS else clean_text(value)
    limit = TEXT_LIMITS[kind]
    if len(text) > limit:
        raise ValidationError(f"{label or ''}最多 {limit} 字，现在 {len(text)} 字", field=field)
    return text


def clean_int(value, label: str, low: int, high: int, *, field: str | None = None) -> int | None:
    """A whole number someone typed (or Excel stored as 3.0) within low..high; '' -> None.
    Refuses fractions, words, 1e20 and 30-digit numbers with a message naming `label`."""
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise ValidationError(f"{label}应为 {low} 到 {high} 之间的整数", field=field)
    if isinstance(value, float):
        number = int(value) if math.isfinite(value) and value.is_integer() else None
    elif isinstance(value, int):
        number = value
    else:
        text = clean_text(value)
        if not text:
            return None
        number = int(text) if re.fullmatch(r"[+-]?[0-9]{1,19}", text) else None
    if number is None or not low <= number <= high:
        raise ValidationError(f"{label}应为 {low} 到 {high} 之间的整数", field=field)
    return number


def fits_db_int(value) -> bool:
    """True for an int SQLite can store (a record id from the CLI may be any length)."""
    return isinstance(value, int) and not isinstance(value, bool) and -MAX_DB_INT - 1 <= value <= MAX_DB_INT


def parse_sex(value) -> str | None:
    """'男'/'女' from 男, 女, 男性, 女性, M, F, male, female; '' -> None."""
    text = clean_text(value).replace(" ", "").lower()
    if not text:
        return None
    if text in ("男", "男性", "m", "male"):
        return "男"
    if text in ("女", "女性", "f", "female"):
        return "女"
    raise CleanError(f"无法识别的性别：“{clean_text(value)}”，请填写 男 或 女")


def _make_date(year: int, month: int, day: int, shown) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CleanError(f"日期无效：“{shown}”") from None


def _from_serial(serial: float, shown) -> date:
    days = math.floor(serial)
    if days < 1 or days > _MAX_SERIAL or days == 60:
        raise CleanError(f"无法识别的日期：“{shown}”")
    if days < 60:  # Excel counts a 1900-02-29 that never existed
        days += 1
    return _EXCEL_EPOCH + timedelta(days=days)


def _from_number(value: float, month_only_day: int) -> date:
    """A number from an Excel cell: 19850603, 198506, 1985.06 typed as a number, or a serial."""
    if float(value).is_integer():
        digits = str(int(value))
        if len(digits) in (6, 8):
            return _from_compact(digits, month_only_day, value)
        if len(digits) == 4 and 1900 <= int(value) <= 2100:
            raise CleanError(f"日期只有年份，缺少月份：“{digits}”")
        return _from_serial(value, value)
    if 1900 <= value < 2100:
        year_text, month_text = repr(float(value)).split(".")
        if month_text == "1":
            raise CleanError(
                f"日期“{value}”可能是1月也可能是10月（Excel 把 {year_text}.10 存成了 {value}），"
                "请把该列设为文本格式后重新录入"
            )
        if len(month_text) <= 2:
            return _make_date(int(year_text), int(month_text), month_only_day, value)
        raise CleanError(f"无法识别的日期：“{value}”")
    return _from_serial(value, value)


def _from_compact(digits: str, month_only_day: int, shown) -> date:
    year, month = int(digits[:4]), int(digits[4:6])
    day = int(digits[6:8]) if len(digits) == 8 else month_only_day
    if not 1900 <= year <= 2100:
        raise CleanError(f"无法识别的日期：“{shown}”")
    return _make_date(year, month, day, shown)


_YEAR_MONTH = re.compile(r"(\d{4})[年./\-](\d{1,2})(?:月|[./\-])?")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})[年./\-](\d{1,2})(?:月|[./\-])(\d{1,2})[日号]?")
_TIME_PART = re.compile(r"(?:T|\s)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def parse_loose_date(value, *, month_only_day: int = 1) -> date | None:
    """A date from what people type; '' -> None; raises CleanError naming the value.

    '1985.06' and '1985年6月' have no day: `month_only_day` is used (default 1).
    Numbers are Excel serials (1900 date system: 31201 -> 1985-06-03), except 6- or 8-digit
    ones (198506, 19850603) and year.month typed as a number (1985.06).
    Only years MIN_YEAR..MAX_YEAR are dates: '9999-12-31' would overflow the next year's date.
    """
    day = _parse_loose_date(value, month_only_day)
    if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CleanError(f"日期超出范围：“{day.isoformat()}”，应在 {MIN_YEAR} 年到 {MAX_YEAR} 年之间")
    return day


def _parse_loose_date(value, month_only_day: int) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CleanError(f"无法识别的日期：“{value}”")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise CleanError(f"无法识别的日期：“{value}”")
        return _from_number(value, month_only_day)
    shown = clean_text(value)
    text = _TIME_PART.sub("", shown).replace(" ", "")
    if not text:
        return None
    if m := _YEAR_MONTH_DAY.fullmatch(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), shown)
    if m := _YEAR_MONTH.fullmatch(text):
        return _make_date(int(m[1]), int(m[2]), month_only_day, shown)
    if re.fullmatch(r"\d{8}|\d{6}", text):
        return _from_compact(text, month_only_day, shown)
    raise CleanError(f"无法识别的日期：“{shown}”")


def parse_phone(value) -> str:
    """A mobile ('13800138000') or a landline with area code ('020-12345678'); '' -> ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    shown = clean_text(value)
    digits = re.sub(r"[\s\-—–－()（）]", "", shown)
    if not digits:
        return ""
    if digits.startswith("+86"):
        digits = digits[3:]
    elif len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if re.fullmatch(r"1[3-9]\d{9}", digits):
        return digits
    if m := re.fullmatch(r"(0[12]\d|0[3-9]\d{2})([1-9]\d{6,7})", digits):
        return f"{m[1]}-{m[2]}"
    if re.fullmatch(r"[1-9]\d{6,7}", digits):
        raise CleanError(f"电话号码缺少区号：“{shown}”，请写成 020-12345678 的形式")
    raise CleanError(f"无法识别的电话号码：“{shown}”")


def is_total_row(values) -> bool:
    """True for a 合计/总计/小计 row: one of its first two non-empty cells says so."""
    cells = [t for t in (clean_text(v).replace(" ", "") for v in values) if t]
    return any(word in cell for cell in cells[:2] for word in _TOTAL_WORDS)
