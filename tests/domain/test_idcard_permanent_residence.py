"""The 2023 外国人永久居留身份证 (foreigners' permanent-residence card).

Independent sources:
- 公安部 / 国家移民管理局 announcement of the 2023 card (issued from 2023-12-01): 18 characters,
  '9' first, digits 2-3 the province code of the issuing office (GB/T 2260), digits 4-6 a
  3-digit nationality code (GB/T 2659), digits 7-14 the birth date, 15-17 the sequence (odd 男,
  even 女), 18 the check character computed as for the resident ID (GB 11643-1999, ISO 7064
  MOD 11-2).
- python-stdnum's ``stdnum.cn.ric`` for the MOD 11-2 check character and the birth date.
  (It refuses these cards as a whole because it looks up digits 1-6 as a region, which is
  exactly what must not be done here.)
"""

from datetime import date

import pytest
from stdnum.cn import ric

from union_desk.domain.idcard import (
    IdCardError,
    is_permanent_residence,
    is_valid_id,
    make_id,
    mask_id,
    parse_id,
    region_of,
)

# The sample from the brief / issue 15: Shanghai (31) office, country code 012, born 1990-12-01.
SAMPLE = "931012199012010018"


def stdnum_check(first17: str) -> str:
    # ric.calc_check_digit reads the first 17 characters of a full-length number.
    return ric.calc_check_digit(first17 + "0")


# (first 17 digits, province, birth date, sex) built from the published layout.
CASES = [
    ("93101219901201001", "31", date(1990, 12, 1), "男"),  # 上海, sequence 001
    ("91115619750315002", "11", date(1975, 3, 15), "女"),  # 北京, country 156, sequence 002
    ("94484020000229013", "44", date(2000, 2, 29), "男"),  # 广东, country 840
    ("96539219680701998", "65", date(1968, 7, 1), "女"),  # 新疆, country 392
]


def test_sample_check_digit_agrees_with_stdnum():
    assert stdnum_check(SAMPLE[:17]) == SAMPLE[17]
    assert ric.get_birth_date(SAMPLE) == date(1990, 12, 1)


def test_sample_is_accepted():
    info = parse_id(SAMPLE)
    assert info.number == SAMPLE
    assert info.birth_date == date(1990, 12, 1)
    assert info.sex == "男"
    assert info.permanent_residence
    assert info.province_code == "31"
    assert info.region_code == ""  # digits 4-6 are a country code, not a region
    assert is_valid_id(SAMPLE)
    assert is_permanent_residence(SAMPLE)
    assert region_of(SAMPLE) == ""


@pytest.mark.parametrize("first17, province, born, sex", CASES)
def test_cases_built_from_the_published_layout(first17, province, born, sex):
    number = first17 + stdnum_check(first17)
    assert ric.get_birth_date(number) == born
    info = parse_id(number)
    assert (info.birth_date, info.sex, info.province_code, info.region_code) == (born, sex, province, "")
    # Any single changed digit in the first 17 is caught (the same MOD 11-2 check).
    for pos in range(1, 17):
        wrong = number[:pos] + str((int(number[pos]) + 1) % 10) + number[pos + 1 :]
        assert not is_valid_id(wrong), wrong


def test_wrong_check_digit_is_refused():
    with pytest.raises(IdCardError, match="校验位错误，应为 8"):
        parse_id(SAMPLE[:17] + "9")


def test_digits_2_3_must_be_a_province():
    first17 = "90001219901201001"  # 00 is no province
    with pytest.raises(IdCardError, match="省份代码"):
        parse_id(first17 + stdnum_check(first17))
    first17 = "91901219901201001"  # 19 is no province
    with pytest.raises(IdCardError, match="省份代码"):
        parse_id(first17 + stdnum_check(first17))


def test_country_code_is_not_looked_up():
    # 999 is no region anywhere; on a permanent-residence card it is a country code, not checked.
    first17 = "93199919901201001"
    assert parse_id(first17 + stdnum_check(first17)).province_code == "31"


def test_birth_date_is_checked_as_usual():
    first17 = "93101219900230001"  # 30 February
    with pytest.raises(IdCardError, match="出生日期无效"):
        parse_id(first17 + stdnum_check(first17))


def test_masking_and_lowercase():
    assert mask_id(SAMPLE) == "931012********0018"
    assert parse_id(" 931012 19901201 0018 ").number == SAMPLE


def test_make_id_builds_permanent_residence_numbers():
    number = make_id("931012", date(1990, 12, 1), 1, "男")
    assert number == SAMPLE
    woman = make_id("931012", date(1990, 12, 1), 1, "女")
    assert parse_id(woman).sex == "女"
    with pytest.raises(IdCardError):
        make_id("900012", date(1990, 12, 1), 1, "男")


def test_resident_numbers_unchanged():
    info = parse_id("11010519491231002X")
    assert not info.permanent_residence
    assert info.region_code == "110105"
    assert info.province_code == "11"
    assert ric.is_valid("11010519491231002X")
    assert region_of("11010519491231002X") == "110105"
    assert region_of("not a number") == ""
