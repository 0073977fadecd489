from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from union_desk.domain.idcard import (
    IdCardError,
    IdInfo,
    check_digit,
    convert_15_to_18,
    is_valid_id,
    make_id,
    mask_id,
    normalize_id,
    parse_id,
)


def reference_check(first17: str) -> str:
    """ISO 7064 MOD 11-2 written from the standard's formula, independent of the module:
    weights are 2^(17-i) mod 11, check value (12 - S mod 11) mod 11, 10 written as X."""
    s = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(first17))
    value = (12 - s % 11) % 11
    return "X" if value == 10 else str(value)


# Published samples: GB 11643-1999 appendix (1880 birth, Shantou), the widely quoted
# Beijing sample, and numbers built with the reference check above.
PUBLISHED = ["440524188001010014", "11010519491231002X"]


@pytest.mark.parametrize("number", PUBLISHED)
def test_published_samples_are_valid(number):
    assert reference_check(number[:17]) == number[17]
    assert check_digit(number[:17]) == number[17]
    assert is_valid_id(number)


def test_parse_beijing_sample():
    info = parse_id("11010519491231002X")
    assert info == IdInfo("11010519491231002X", date(1949, 12, 31), "女", "110105")


def test_parse_male_guangzhou():
    first17 = "44010619850603123"  # sequence 123: odd -> 男
    number = first17 + reference_check(first17)
    info = parse_id(number)
    assert info.sex == "男"
    assert info.birth_date == date(1985, 6, 3)
    assert info.region_code == "440106"
    assert info.number == number


def test_lowercase_x_fullwidth_and_spaces():
    assert parse_id("  110105 1949 1231 002x ").number == "11010519491231002X"
    assert parse_id("１１０１０５１９４９１２３１００２ｘ").number == "11010519491231002X"
    assert parse_id("110105\u300019491231002X\u00a0").number == "11010519491231002X"


def test_normalize_id():
    assert normalize_id(" １１０ x ") == "110X"
    assert normalize_id(None) == ""
    assert normalize_id(440106198506031235) == "440106198506031235"
    assert normalize_id(110105491231002.0) == "110105491231002"


def test_int_input():
    first17 = "32010219700101456"
    number = first17 + reference_check(first17)
    assert number[-1] != "X"
    assert parse_id(int(number)).number == number


def test_convert_15_to_18():
    assert convert_15_to_18("110105491231002") == "11010519491231002X"
    info = parse_id("110105491231002")
    assert info.number == "11010519491231002X"
    assert info.birth_date == date(1949, 12, 31)
    assert info.sex == "女"
    # Excel keeps 15 digits exactly, so an old number stored as a number is fine.
    assert parse_id(110105491231002.0).number == "11010519491231002X"
    with pytest.raises(IdCardError):
        convert_15_to_18("11010549123100")


def test_wrong_check_digit_names_the_right_one():
    with pytest.raises(IdCardError) as err:
        parse_id("110105194912310021")
    assert str(err.value) == "身份证号校验位错误，应为 X"
    assert err.value.message == "身份证号校验位错误，应为 X"


@pytest.mark.parametrize("text", ["1101051949123100", "11010519491231002X1", "123"])
def test_wrong_length(text):
    with pytest.raises(IdCardError, match="长度应为18位（或旧15位），现在是"):
        parse_id(text)


@pytest.mark.parametrize(
    "mangled",
    ["4.40106E+17", "4.40106e+17", "4.40106199001011E+17", 4.40106199001011e17, 4.40106e17],
)
def test_excel_scientific_notation_is_explained(mangled):
    with pytest.raises(IdCardError) as err:
        parse_id(mangled)
    assert "Excel" in str(err.value)
    assert "文本格式" in str(err.value)


def test_excel_truncated_integer_is_explained():
    # Excel keeps 15 significant digits: 440106198506031235 becomes 440106198506031000.
    with pytest.raises(IdCardError, match="Excel"):
        parse_id(440106198506031000)
    with pytest.raises(IdCardError, match="Excel"):
        parse_id("440106198506031000.0")


def test_invalid_birth_date():
    first17 = "11010519490230002"  # 30 February
    with pytest.raises(IdCardError, match="出生日期无效"):
        parse_id(first17 + reference_check(first17))
    future = date.today() + timedelta(days=400)
    first17 = f"110105{future:%Y%m%d}002"
    with pytest.raises(IdCardError, match="出生日期无效"):
        parse_id(first17 + reference_check(first17))
    with pytest.raises(IdCardError, match="出生日期无效"):
        parse_id("110105491331002")  # 15 digits, month 13


def test_bad_characters_and_region():
    with pytest.raises(IdCardError, match="最后一位可以是 X"):
        parse_id("11010519491231002Y")
    with pytest.raises(IdCardError, match="只能包含数字"):
        parse_id("1101051949A231002X")
    first17 = "00010519491231002"
    with pytest.raises(IdCardError, match="地区码"):
        parse_id(first17 + reference_check(first17))
    with pytest.raises(IdCardError, match="为空"):
        parse_id("  ")
    assert not is_valid_id(None)
    assert not is_valid_id(True)


def test_mask_id():
    assert mask_id("44010619850603123X") == "440106********123X"
    assert mask_id("11010519491231002x") == "110105********002X"
    assert mask_id("") == ""
    assert mask_id(None) == ""
    assert mask_id("110105491231002") == "110105*****1002"
    assert mask_id("12345") == "*****"


def test_make_id():
    number = make_id("440106", date(1985, 6, 3), 123, "男")
    assert number == "44010619850603123" + reference_check("44010619850603123")
    assert parse_id(number).sex == "男"
    woman = make_id("440106", date(1985, 6, 3), 123, "女")
    assert woman[14:17] == "122"
    assert parse_id(woman).sex == "女"
    assert make_id("110105", date(2000, 2, 29), 0, "女")[14:17] == "000"
    assert make_id("110105", date(2000, 2, 29), 999, "女")[14:17] == "998"
    with pytest.raises(IdCardError):
        make_id("44010", date(1985, 6, 3), 1, "男")
    with pytest.raises(IdCardError):
        make_id("440106", date(1985, 6, 3), 1, "M")
    with pytest.raises(IdCardError):
        make_id("440106", date(1985, 6, 3), 1000, "男")


@given(
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
    seq=st.integers(0, 999),
    sex=st.sampled_from(["男", "女"]),
    region=st.sampled_from(["110105", "310104", "440106", "440305", "510107", "650102"]),
)
def test_make_id_round_trips(birth, seq, sex, region):
    number = make_id(region, birth, seq, sex)
    assert number[17] == reference_check(number[:17])
    info = parse_id(number)
    assert (info.birth_date, info.sex, info.region_code) == (birth, sex, region)
    # Any single changed digit in the first 17 is caught by the check character.
    pos = seq % 17
    wrong = number[:pos] + str((int(number[pos]) + 1) % 10) + number[pos + 1 :]
    assert not is_valid_id(wrong)
