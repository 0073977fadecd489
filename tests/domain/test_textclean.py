from datetime import date, datetime

import pytest

from union_desk.domain.textclean import (
    CleanError,
    clean_text,
    is_total_row,
    parse_loose_date,
    parse_phone,
    parse_sex,
)


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        ("  张三  ", "张三"),
        ("\u3000张三\u3000", "张三"),
        ("张\u00a0三", "张 三"),
        ("语文   教研组", "语文 教研组"),
        ("ＡＢＣ１２３", "ABC123"),
        ("（退休）", "(退休)"),
        ("\ufeff张三\u200b", "张三"),
        ("a\tb\nc", "a b c"),
        (1001.0, "1001"),
        (12, "12"),
        (3.5, "3.5"),
    ],
)
def test_clean_text(value, expected):
    assert clean_text(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("男", "男"),
        (" 女 ", "女"),
        ("男性", "男"),
        ("女性", "女"),
        ("M", "男"),
        ("f", "女"),
        ("Male", "男"),
        ("FEMALE", "女"),
        ("Ｍ", "男"),
        ("", None),
        (None, None),
    ],
)
def test_parse_sex(value, expected):
    assert parse_sex(value) == expected


def test_parse_sex_rejects():
    with pytest.raises(CleanError) as err:
        parse_sex("未知")
    assert err.value.message == "无法识别的性别：“未知”，请填写 男 或 女"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1985.06", date(1985, 6, 1)),
        ("1985.6", date(1985, 6, 1)),
        ("1985.6.3", date(1985, 6, 3)),
        ("1985.06.03", date(1985, 6, 3)),
        ("1985年6月", date(1985, 6, 1)),
        ("1985年06月", date(1985, 6, 1)),
        ("1985年6月3日", date(1985, 6, 3)),
        ("1985 年 6 月 3 日", date(1985, 6, 3)),
        ("19850603", date(1985, 6, 3)),
        ("198506", date(1985, 6, 1)),
        ("1985-6-3", date(1985, 6, 3)),
        ("1985-06", date(1985, 6, 1)),
        ("1985/06/03", date(1985, 6, 3)),
        ("１９８５．０６", date(1985, 6, 1)),
        ("１９８５年６月３日", date(1985, 6, 3)),
        ("1985-06-03 00:00:00", date(1985, 6, 3)),
        ("1985-06-03T00:00:00", date(1985, 6, 3)),
        (date(1985, 6, 3), date(1985, 6, 3)),
        (datetime(1985, 6, 3, 14, 30), date(1985, 6, 3)),
        # Excel serial numbers, 1900 date system.
        (31201, date(1985, 6, 3)),
        (31201.0, date(1985, 6, 3)),
        (31201.75, date(1985, 6, 3)),
        (45658, date(2025, 1, 1)),
        (61, date(1900, 3, 1)),
        (59, date(1900, 2, 28)),
        (1, date(1900, 1, 1)),
        # Dates typed as numbers.
        (19850603, date(1985, 6, 3)),
        (198506, date(1985, 6, 1)),
        (1985.06, date(1985, 6, 1)),
        (1985.6, date(1985, 6, 1)),
        (1985.12, date(1985, 12, 1)),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_parse_loose_date(value, expected):
    assert parse_loose_date(value) == expected


def test_month_only_day():
    assert parse_loose_date("1985.06", month_only_day=15) == date(1985, 6, 15)
    assert parse_loose_date("1985.06.03", month_only_day=15) == date(1985, 6, 3)


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("1985.13", "日期无效：“1985.13”"),
        ("1985.2.30", "日期无效：“1985.2.30”"),
        ("85.6", "无法识别的日期：“85.6”"),
        ("明年", "无法识别的日期：“明年”"),
        ("19851303", "日期无效"),
        (60, "无法识别的日期"),  # Excel's phantom 1900-02-29
        (0, "无法识别的日期"),
        (-5, "无法识别的日期"),
        (1985, "只有年份"),
        (1985.1, "可能是1月也可能是10月"),
        (True, "无法识别的日期"),
    ],
)
def test_parse_loose_date_rejects(value, fragment):
    with pytest.raises(CleanError) as err:
        parse_loose_date(value)
    assert fragment in err.value.message


@pytest.mark.parametrize(
    "value, expected",
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        (13800138000, "13800138000"),
        (13800138000.0, "13800138000"),
        ("19912345678", "19912345678"),
        ("020-12345678", "020-12345678"),
        ("02012345678", "020-12345678"),
        ("(020)12345678", "020-12345678"),
        ("（020）12345678", "020-12345678"),
        ("010 6512 3456", "010-65123456"),
        ("0755-1234567", "0755-1234567"),
        ("0755-12345678", "0755-12345678"),
        ("", ""),
        (None, ""),
    ],
)
def test_parse_phone(value, expected):
    assert parse_phone(value) == expected


@pytest.mark.parametrize("value", ["12345678", "6512345", 83456789])
def test_parse_phone_needs_area_code(value):
    with pytest.raises(CleanError, match="缺少区号"):
        parse_phone(value)


@pytest.mark.parametrize("value", ["1380013800", "12800138000", "电话", "13800138000/13900139000"])
def test_parse_phone_rejects(value):
    with pytest.raises(CleanError, match="无法识别的电话号码"):
        parse_phone(value)


@pytest.mark.parametrize(
    "row, expected",
    [
        (["合计", None, 12, 3000], True),
        ([None, "", "总计", 5], True),
        ([None, "合　计", 12], True),
        (["", "小计：", 3], True),
        ([25, "合计", 3000], True),
        (["1", "张三", "男", "合计"], False),
        (["1", "张三", "男"], False),
        ([None, None], False),
        ([], False),
    ],
)
def test_is_total_row(row, expected):
    assert is_total_row(row) is expected


# --- control characters, escapes, limits, whole numbers (issue 11 item 11) -----------------------

from union_desk.domain.textclean import (  # noqa: E402
    MAX_DB_INT,
    TEXT_LIMITS,
    clean_field,
    clean_int,
    clean_multiline,
    decode_escapes,
    fits_db_int,
)
from union_desk.errors import ValidationError  # noqa: E402


@pytest.mark.parametrize(
    "value, expected",
    [
        ("a_x0000_b", "a\x00b"),
        ("_x001B_[31m", "\x1b[31m"),
        ("_x001b_", "\x1b"),
        ("_x4E2D_文", "中文"),
        ("a_x005F_x0001_b", "a_x0001_b"),  # '_x005F_' escapes the underscore: the rest is literal
        ("file_x_1", "file_x_1"),
        ("_x12_", "_x12_"),
    ],
)
def test_decode_escapes(value, expected):
    assert decode_escapes(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("张\x01三", "张三"),
        ("\x1b[31m王芳", "[31m王芳"),
        ("王_x0000_芳", "王芳"),
        ("王_x001B_芳\x7f\x9b", "王芳"),
        ("a\rb\x0bc\u2028d", "a b c d"),
        ("\u202e芳王", "芳王"),  # a bidi override would show the text backwards
        ("李\u00ad强", "李强"),
        ("坏\ud800字", "坏字"),  # a lone surrogate cannot be stored in SQLite
        ("a_x005F_x0001_b", "a_x0001_b"),
    ],
)
def test_clean_text_drops_control_characters(value, expected):
    assert clean_text(value) == expected


def test_clean_multiline_keeps_tab_and_newline_only():
    text = "第一行\r\n\t第二行\x01\x1b _x000D__x000A_第三行\x0c\n\n"
    assert clean_multiline(text) == "第一行\n\t第二行\n第三行"
    assert clean_multiline("  说明，“全角”标点保留。 ") == "说明，“全角”标点保留。"
    assert clean_multiline(None) == ""


def test_clean_field_refuses_over_long_text_naming_the_field():
    assert clean_field("a" * 500, "notes", "备注") == "a" * 500
    with pytest.raises(ValidationError) as info:
        clean_field("备" * 612, "notes", "备注", field="notes")
    assert info.value.message == "备注最多 500 字，现在 612 字"
    assert info.value.field == "notes"
    # control characters do not count: they are gone before the length is measured
    assert clean_field("\x01" * 600 + "好", "notes", "备注") == "好"


def test_clean_field_one_line_and_multi_line_kinds():
    assert clean_field("语文\n教研组", "line", "部门") == "语文 教研组"
    assert clean_field("第一条\n第二条", "notes", "备注") == "第一条\n第二条"
    assert TEXT_LIMITS["notes"] == 500 and TEXT_LIMITS["name"] <= 64


@pytest.mark.parametrize("value, expected", [("12", 12), (12, 12), (3.0, 3), ("１２", 12), ("", None), (None, None)])
def test_clean_int(value, expected):
    assert clean_int(value, "名额", 1, 100) == expected


@pytest.mark.parametrize("value", ["0", "101", "1e20", 1e20, "123456789012345678901234567890", 10**30, "²", "3.5", 3.5, True, "十", float("nan")])
def test_clean_int_refuses(value):
    with pytest.raises(ValidationError) as info:
        clean_int(value, "名额", 1, 100, field="capacity")
    assert info.value.message == "名额应为 1 到 100 之间的整数" and info.value.field == "capacity"


def test_fits_db_int():
    assert fits_db_int(1) and fits_db_int(MAX_DB_INT)
    assert not fits_db_int(MAX_DB_INT + 1) and not fits_db_int(10**30) and not fits_db_int("1") and not fits_db_int(True)


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", date(9999, 6, 1), datetime(1, 1, 1), 2958465])
def test_parse_loose_date_refuses_years_out_of_range(value):
    with pytest.raises(CleanError) as err:
        parse_loose_date(value)
    assert "日期超出范围" in err.value.message and "1900 年到 2100 年" in err.value.message
