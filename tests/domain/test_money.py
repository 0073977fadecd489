from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from union_desk.domain.money import MoneyError, format_yuan, to_chinese_capital, to_decimal


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1,005.5", "1005.50"),
        ("￥1005.50", "1005.50"),
        ("¥ 1,005.5", "1005.50"),
        ("1005元", "1005.00"),
        ("１００５．５", "1005.50"),
        ("１，００５元", "1005.00"),
        (" 300 ", "300.00"),
        ("RMB 20", "20.00"),
        (".5", "0.50"),
        ("1005.005", "1005.01"),  # ROUND_HALF_UP, not banker's rounding
        ("1005.004", "1005.00"),
        (1005, "1005.00"),
        (1005.5, "1005.50"),
        (0.1, "0.10"),
        (2.675, "2.68"),  # via str: the float 2.675 is 2.67499999... in binary
        (Decimal("3.14159"), "3.14"),
    ],
)
def test_to_decimal(text, expected):
    value = to_decimal(text)
    assert value == Decimal(expected)
    assert str(value) == expected


@pytest.mark.parametrize("bad", ["", "  ", None, "abc", "1.2.3", "10元5角", "1e3", "NaN", True, float("inf")])
def test_to_decimal_rejects(bad):
    with pytest.raises(MoneyError):
        to_decimal(bad)


def test_negative():
    with pytest.raises(MoneyError) as err:
        to_decimal("-5")
    assert str(err.value) == "金额不能为负数：-5"
    assert to_decimal("-5", allow_negative=True) == Decimal("-5.00")
    assert to_decimal("－１２.３", allow_negative=True) == Decimal("-12.30")
    assert str(to_decimal("-0.001")) == "0.00"


def test_error_messages_are_chinese():
    with pytest.raises(MoneyError) as err:
        to_decimal("abc")
    assert err.value.message == "金额格式不对：abc"
    with pytest.raises(MoneyError, match="金额不能为空"):
        to_decimal(None)


def test_format_yuan():
    assert format_yuan(Decimal("1005.5")) == "1,005.50"
    assert format_yuan(Decimal("0")) == "0.00"
    assert format_yuan(Decimal("1234567.891")) == "1,234,567.89"
    assert format_yuan(Decimal("-300")) == "-300.00"
    assert format_yuan(12) == "12.00"


@pytest.mark.parametrize(
    "amount, expected",
    [
        ("1005.5", "壹仟零伍元伍角"),
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("0.5", "伍角"),
        ("0.55", "伍角伍分"),
        ("10.05", "壹拾元零伍分"),
        ("100", "壹佰元整"),
        ("100000", "壹拾万元整"),
        ("100010", "壹拾万零壹拾元整"),
        ("1000000.01", "壹佰万元零壹分"),
        ("100000000", "壹亿元整"),
        ("101000", "壹拾万壹仟元整"),
        ("1004.3", "壹仟零肆元叁角"),
        ("1000.07", "壹仟元零柒分"),
        # Examples from 《支付结算办法》 (PBOC rules for filling in amounts).
        ("1409.50", "壹仟肆佰零玖元伍角"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("107000.53", "壹拾万柒仟元伍角叁分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        # Whole groups of zeros.
        ("100001000", "壹亿零壹仟元整"),
        ("100010000", "壹亿零壹万元整"),
        ("1000000000", "壹拾亿元整"),
        ("200", "贰佰元整"),
        ("1500", "壹仟伍佰元整"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        ("-12.3", "负壹拾贰元叁角"),
    ],
)
def test_chinese_capital(amount, expected):
    assert to_chinese_capital(Decimal(amount)) == expected


def test_chinese_capital_accepts_float_and_text():
    assert to_chinese_capital(1005.5) == "壹仟零伍元伍角"
    assert to_chinese_capital("￥1,000.07") == "壹仟元零柒分"


def test_chinese_capital_out_of_range():
    with pytest.raises(MoneyError, match="超出"):
        to_chinese_capital(Decimal("1000000000000"))


_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def parse_capital(text: str) -> Decimal:
    """A small independent reader of 人民币大写, to check the writer round-trips."""
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负").removesuffix("整")
    if "元" in text:
        int_part, frac_part = text.split("元")
    else:
        int_part, frac_part = "", text
    total = section = digit = 0
    for ch in int_part:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _UNIT:
            section += digit * _UNIT[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10**4
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 10**8
            section = digit = 0
        else:
            raise AssertionError(f"unexpected {ch!r} in {text!r}")
    total += section + digit
    cents = 0
    digit = 0
    for ch in frac_part:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch == "角":
            cents += digit * 10
        elif ch == "分":
            cents += digit
        else:
            raise AssertionError(f"unexpected {ch!r} in {text!r}")
    return sign * (Decimal(total) + Decimal(cents) / 100)


amounts = st.decimals(
    min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"), places=2
) | st.integers(0, 10**12 - 1).map(Decimal) | st.sampled_from(
    [Decimal(x) for x in ("0.01", "10", "100000.10", "10000001", "100000001.01")]
)


@given(amounts)
def test_chinese_capital_properties(amount):
    text = to_chinese_capital(amount)
    assert parse_capital(text) == amount
    assert "零零" not in text
    assert not text.endswith("零")
    assert text.endswith("整") == (amount * 100 % 100 == 0)
    if amount != 0:
        assert not text.removeprefix("负").startswith("零")
        assert "零万" not in text and "零亿" not in text and "零元" not in text
    assert "亿万" not in text


# --- MAX_AMOUNT: one ceiling for every money field (issue 11) ------------------------------------

from union_desk.domain.money import MAX_AMOUNT, parse_amount  # noqa: E402


@pytest.mark.parametrize("bad", [1e20, "1e20", "123456789012345678901234567890", 10**30, Decimal("1E+20"), "100,000,000.00"])
def test_parse_amount_refuses_absurd_amounts(bad):
    with pytest.raises(MoneyError) as err:
        parse_amount(bad)
    assert err.value.message.startswith("金额")


def test_parse_amount_keeps_the_ceiling():
    assert parse_amount("99,999,999.99") == MAX_AMOUNT
    assert parse_amount(300) == Decimal("300.00")
    assert parse_amount(-MAX_AMOUNT, allow_negative=True) == -MAX_AMOUNT
