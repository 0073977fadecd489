"""Chinese resident ID numbers (居民身份证号码, GB 11643-1999).

18 characters: 6-digit region code, 8-digit birth date, 3-digit sequence (odd = 男,
even = 女), check character (ISO 7064 MOD 11-2, '0'-'9' or 'X'). Old 15-digit numbers
have a 2-digit year and no check character; they are converted to 18 digits.

The 2023 foreigners' permanent-residence card (外国人永久居留身份证, 公安部/国家移民管理局,
issued from 2023-12-01) uses the same 18-character layout: '9', then the 2-digit province
code of the issuing office (digits 2-3), a 3-digit country code (digits 4-6), the birth date,
the sequence and the same MOD 11-2 check character. It names no region: digits 2-3 are checked
as a province code and there is no region lookup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# First two digits (province level) of GB/T 2260, plus 83 (港澳台居民居住证).
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
# First digit of a 2023 外国人永久居留身份证.
_PERMANENT_RESIDENCE = "9"
_SCIENTIFIC = re.compile(r"^[0-9.]+E[+-]?[0-9]+$")
_EXCEL_MSG = "身份证号被 Excel 转成了数字，后几位已丢失（如 {}），请把该列设为文本格式后重新录入"


class IdCardError(ValueError):
    """An ID number that cannot be used; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class IdInfo:
    number: str  # 18 characters, upper-case X
    birth_date: date
    sex: str  # '男' or '女'
    region_code: str  # 6 digits; "" for a permanent-residence card (it names no region)
    permanent_residence: bool = False  # 外国人永久居留身份证 (2023 format)

    @property
    def province_code(self) -> str:
        """The 2-digit province code: digits 1-2, or 2-3 on a permanent-residence card."""
        return self.number[1:3] if self.permanent_residence else self.number[:2]


def is_permanent_residence(number) -> bool:
    """True for an 18-character number laid out as a 2023 外国人永久居留身份证 ('9' first)."""
    try:
        s = normalize_id(number)
    except IdCardError:
        return False
    return len(s) == 18 and s.startswith(_PERMANENT_RESIDENCE)


def region_of(number) -> str:
    """The 6-digit region code of a valid number; "" when it names none (permanent-residence
    card) or cannot be read."""
    try:
        return parse_id(number).region_code
    except IdCardError:
        return ""


def normalize_id(text) -> str:
    """Clean what people type: spaces (any width) removed, full-width to half-width, x -> X.

    Integers are accepted. A float is accepted only when it still holds all digits
    (an old 15-digit number); an 18-digit number stored as float has lost digits.
    """
    if text is None:
        return ""
    if isinstance(text, bool):
        raise IdCardError(f"身份证号格式不对：{text}")
    if isinstance(text, int):
        return str(text)
    if isinstance(text, (float, Decimal)):
        if text != text or text in (float("inf"), float("-inf")):
            raise IdCardError(f"身份证号格式不对：{text}")
        if text == int(text) and abs(text) < 10**15:
            return str(int(text))
        raise IdCardError(_EXCEL_MSG.format(f"{float(text):.6G}"))
    s = unicodedata.normalize("NFKC", str(text))
    s = "".join(ch for ch in s if not ch.isspace() and ch not in "\u200b\u200c\u200d\ufeff")
    return s.upper()


def check_digit(first17: str) -> str:
    """The check character ('0'-'9' or 'X') for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise IdCardError("计算校验位需要前17位数字")
    total = sum(int(ch) * w for ch, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def convert_15_to_18(id15: str) -> str:
    """Old 15-digit number -> 18 digits ('19' inserted before the 2-digit year)."""
    s = normalize_id(id15)
    if len(s) != 15 or not s.isascii() or not s.isdigit():
        raise IdCardError("旧身份证号应为15位数字")
    first17 = s[:6] + "19" + s[6:]
    return first17 + check_digit(first17)


def _parse_birth(digits8: str) -> date:
    try:
        born = date(int(digits8[:4]), int(digits8[4:6]), int(digits8[6:8]))
    except ValueError:
        born = None
    if born is None or born.year < 1800 or born > date.today():
        raise IdCardError(f"身份证号中的出生日期无效：{digits8}")
    return born


def parse_id(text) -> IdInfo:
    """Check an ID number and read birth date, sex and region from it. Raises IdCardError."""
    from_number = isinstance(text, (int, float, Decimal)) and not isinstance(text, bool)
    s = normalize_id(text)
    if not s:
        raise IdCardError("身份证号为空")
    if _SCIENTIFIC.match(s):
        raise IdCardError(_EXCEL_MSG.format(s))
    if re.fullmatch(r"\d{15}\.0+", s) or re.fullmatch(r"\d{18}\.0+", s):
        s, from_number = s.split(".")[0], True
    if len(s) == 15:
        if not s.isascii() or not s.isdigit():
            raise IdCardError("旧15位身份证号只能包含数字")
        _parse_birth("19" + s[6:12])
        s = convert_15_to_18(s)
    elif len(s) != 18:
        raise IdCardError(f"身份证号长度应为18位（或旧15位），现在是{len(s)}位")
    if not s.isascii() or not s[:17].isdigit() or not (s[17].isdigit() or s[17] == "X"):
        raise IdCardError("身份证号只能包含数字，最后一位可以是 X")
    permanent = s[0] == _PERMANENT_RESIDENCE
    if permanent:
        if s[1:3] not in _PROVINCES:
            raise IdCardError(f"外国人永久居留身份证第2—3位省份代码无效：{s[1:3]}")
    elif s[:2] not in _PROVINCES:
        raise IdCardError(f"身份证号前两位地区码无效：{s[:2]}")
    born = _parse_birth(s[6:14])
    expected = check_digit(s[:17])
    if s[17] != expected:
        if from_number and s.endswith("000"):
            raise IdCardError(_EXCEL_MSG.format(s))
        raise IdCardError(f"身份证号校验位错误，应为 {expected}")
    return IdInfo(
        number=s,
        birth_date=born,
        sex="男" if int(s[16]) % 2 else "女",
        region_code="" if permanent else s[:6],
        permanent_residence=permanent,
    )


def is_valid_id(text) -> bool:
    """True when `parse_id` accepts the text."""
    try:
        parse_id(text)
    except IdCardError:
        return False
    return True


def mask_id(number) -> str:
    """Keep the first 6 and last 4 characters: '440106********123X'. Empty -> ''."""
    try:
        s = normalize_id(number)
    except IdCardError:
        s = str(number)
    if not s:
        return ""
    if len(s) <= 10:
        return "*" * len(s)
    return s[:6] + "*" * (len(s) - 10) + s[-4:]


def make_id(region_code: str, birth: date, seq: int, sex: str) -> str:
    """Build a valid 18-digit number (for demo data and tests).

    `region_code` may also be "9" + province + country code (permanent-residence card).
    `seq` (0-999) is the 3-digit sequence; its lowest bit is flipped when needed so that
    it is odd for 男 and even for 女.
    """
    code = region_code or ""
    province = code[1:3] if code.startswith(_PERMANENT_RESIDENCE) else code[:2]
    if not re.fullmatch(r"\d{6}", code) or province not in _PROVINCES:
        raise IdCardError(f"地区码应为6位数字：{region_code}")
    if sex not in ("男", "女"):
        raise IdCardError(f"性别应为 男 或 女：{sex}")
    if not 0 <= seq <= 999:
        raise IdCardError("顺序码应在 0 到 999 之间")
    if (seq % 2 == 1) != (sex == "男"):
        seq ^= 1
    first17 = f"{region_code}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)
