"""Cleaning what people type into Excel rosters: spaces, full-width characters, sexes,
loose dates ('1985.06', '1985年6月', Excel serial numbers) and phone numbers."""

from __future__ import annotations

import functools
import math
import re
from datetime import date, datetime, timedelta

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"\s+")  # includes U+3000 and NBSP
_TABLE = {**_INVISIBLE, **_FULLWIDTH}
_TOTAL_WORDS = ("合计", "总计", "小计")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 60 is Excel's phantom 1900-02-29
_MAX_SERIAL = 2958465  # 9999-12-31


class CleanError(ValueError):
    """A cell value that cannot be understood; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def clean_text(value) -> str:
    """None -> ''; trim spaces (also full-width and NBSP), collapse inner runs to one space,
    full-width ASCII to half-width. A whole-number float (1001.0 from Excel) -> '1001'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _clean_str(value if isinstance(value, str) else str(value))


@functools.lru_cache(maxsize=65536)
def _clean_str(text: str) -> str:
    """Cached: rosters repeat the same departments, titles and words thousands of times."""
    return _SPACES.sub(" ", text.translate(_TABLE)).strip()


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
    """
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
