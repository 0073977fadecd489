"""Money in yuan: parsing what people type, display, and 人民币大写 for printed slips."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
MAX_CAPITAL = Decimal("999999999999.99")  # 9999亿 9999万 9999元 9角9分
# The largest amount any money field accepts (one definition for forms, imports and the CLI):
# far above anything a school union pays, far below what SQLite's integer fen can hold.
MAX_AMOUNT = Decimal("99999999.99")

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


class MoneyError(ValueError):
    """An amount that cannot be used; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def to_decimal(value, *, allow_negative: bool = False) -> Decimal:
    """Parse an amount ('1,005.5', '￥1005.50', '1005元', 1005.5) into yuan with 2 decimals.

    Floats go through `str` (so 0.1 stays 0.10); rounding is ROUND_HALF_UP.
    """
    if value is None or isinstance(value, bool):
        raise MoneyError("金额不能为空" if value is None else f"金额格式不对：{value}")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(str(value))
    else:
        text = unicodedata.normalize("NFKC", str(value))
        text = "".join(ch for ch in text if not ch.isspace())
        text = text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
        text = text.replace("−", "-")
        if text.upper().startswith("RMB"):
            text = text[3:]
        if text.endswith("元"):
            text = text[:-1]
        if not text:
            raise MoneyError("金额不能为空")
        if not _NUMBER.fullmatch(text):
            raise MoneyError(f"金额格式不对：{value}")
        amount = Decimal(text)
    if not amount.is_finite():
        raise MoneyError(f"金额格式不对：{value}")
    try:
        amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise MoneyError(f"金额太大：{value}") from None
    if amount < 0 and not allow_negative:
        raise MoneyError(f"金额不能为负数：{value}")
    return amount + 0  # turns -0.00 into 0.00


def parse_amount(value, *, allow_negative: bool = False) -> Decimal:
    """`to_decimal` for a money field: also refuses amounts beyond ±MAX_AMOUNT (1e20, 30 digits)."""
    amount = to_decimal(value, allow_negative=allow_negative)
    if abs(amount) > MAX_AMOUNT:
        raise MoneyError(f"金额太大：{value}（最多 {MAX_AMOUNT:,.2f} 元）")
    return amount


def format_yuan(amount) -> str:
    """1005.5 -> '1,005.50' (negative amounts keep their '-')."""
    return f"{to_decimal(amount, allow_negative=True):,.2f}"


def _four_digits(group: int) -> list[tuple[int, str]]:
    """(digit, unit) pairs of a 0-9999 group, thousands first."""
    return [(group // 1000 % 10, "仟"), (group // 100 % 10, "佰"), (group // 10 % 10, "拾"), (group % 10, "")]


def to_chinese_capital(amount) -> str:
    """人民币大写 as on receipts: 1005.5 -> '壹仟零伍元伍角', 100 -> '壹佰元整'.

    Rules (《支付结算办法》附件): '整' only after 元; a zero 角 before a 分 is written '零';
    a run of zeros inside the number is one '零'; a zero exactly at 万/元 before a non-zero
    digit is absorbed by the unit (101000 -> '壹拾万壹仟元整').
    """
    value = to_decimal(amount, allow_negative=True)
    if value < 0:
        return "负" + to_chinese_capital(-value)
    if value > MAX_CAPITAL:
        raise MoneyError(f"金额超出大写范围（最多 9999亿）：{value}")
    cents = int(value * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if cents == 0:
        return "零元整"

    out: list[str] = []
    pending_zero = False
    groups = [(yuan // 10**8, "亿"), (yuan // 10**4 % 10**4, "万"), (yuan % 10**4, "")]
    for group, group_unit in groups:
        if group == 0:
            if out:
                pending_zero = True
            continue
        for digit, unit in _four_digits(group):
            if digit == 0:
                if out:
                    pending_zero = True
                continue
            if pending_zero:
                out.append("零")
                pending_zero = False
            out.append(_DIGITS[digit] + unit)
        out.append(group_unit)
        pending_zero = False  # a zero right at 万/亿 is absorbed by the unit
    if yuan:
        out.append("元")
    if jiao:
        out.append(_DIGITS[jiao] + "角")
    if fen:
        if yuan and not jiao:
            out.append("零")
        out.append(_DIGITS[fen] + "分")
    if not jiao and not fen:
        out.append("整")
    return "".join(out)


def rmb_capital(amount) -> str:
    """'人民币壹仟零伍元伍角': the capitals follow 人民币 with no gap (the rules for filling in bills:
    nothing may be written between them). Print every "人民币 + capitals" with this."""
    return "人民币" + to_chinese_capital(amount)
