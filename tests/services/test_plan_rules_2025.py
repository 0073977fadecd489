"""Issue 15, plan template rules: anniversaries in two forms, lunar rules that fall twice (or not at
all) in a year, and moving items off days that are not working days.

Cases come from sources independent of the code:
- anniversaries: official titles — 庆祝中国共产党成立100周年大会 (2021), 纪念五四运动100周年大会
  (2019), 庆祝中华人民共和国成立75周年 (2024), 庆祝中国共产党成立105周年 (2026), 第116个国际劳动
  妇女节 (2026, 三八 first in Chinese usage 1911), 第42个教师节 (2026; the first was 1985);
- lunar dates: 中国天文年历 / 万年历 — 腊八 (农历腊月初八) fell on 2022-01-10, 2022-12-30 and
  2024-01-18, so 2022 has two and 2023 none;
- working days: the State Council holiday notices 国办发明电〔2024〕12号 (2025: 春节 1月28日至2月4日,
  1月26日（周日）上班; 端午 5月31日至6月2日; 国庆中秋 10月1日至8日) and 国办发明电〔2025〕7号
  (2026: 元旦 1月1日至3日, 1月4日（周日）上班; 春节 2月15日至23日, 2月14日（周六）、2月28日（周六）
  上班; 端午 6月19日至21日; 中秋 9月25日至27日).
"""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.models import PlanItem
from union_desk.domain.festivals import (
    JUBILEE,
    ORDINAL,
    anniversary_text,
    is_working_day,
    nearest_working_day,
    statutory_calendar,
)
from union_desk.errors import ValidationError
from union_desk.services import plan_template

D = dt.date


def by_key(year: int) -> dict[str, PlanItem]:
    return {i.template_key: i for i in PlanItem.select().where(PlanItem.year == year) if i.template_key}


def items_titled(year: int, title: str) -> list[PlanItem]:
    return list(PlanItem.select().where((PlanItem.year == year) & (PlanItem.title == title)).order_by(PlanItem.date))


# --- 1. anniversaries: 第N个 (from the first occurrence) and N周年 (from the founding) --------------------


@pytest.mark.parametrize(
    "year, base, form, text",
    [
        (2026, 1911, ORDINAL, "第116个"),  # 第116个国际劳动妇女节
        (2026, 1985, ORDINAL, "第42个"),  # 第42个教师节
        (2027, 1985, ORDINAL, "第43个"),
        (1985, 1985, ORDINAL, "第1个"),
        (2021, 1921, JUBILEE, "100周年"),  # 庆祝中国共产党成立100周年
        (2026, 1921, JUBILEE, "105周年"),  # 庆祝中国共产党成立105周年
        (2027, 1921, JUBILEE, "106周年"),
        (2024, 1949, JUBILEE, "75周年"),  # 庆祝中华人民共和国成立75周年
        (2027, 1949, JUBILEE, "78周年"),
        (2019, 1919, JUBILEE, "100周年"),  # 纪念五四运动100周年
        (2027, 1919, JUBILEE, "108周年"),
    ],
)
def test_anniversary_forms(year, base, form, text):
    assert anniversary_text(year, base, form) == text


def test_anniversary_before_the_first_one_has_no_number():
    with pytest.raises(ValueError):
        anniversary_text(1921, 1921, JUBILEE)
    with pytest.raises(ValueError):
        anniversary_text(1984, 1985, ORDINAL)
    assert plan_template.format_title("庆祝建党{N周年:1921}", 1921) == "庆祝建党"


def test_title_tokens_name_form_and_base_year():
    fmt = plan_template.format_title
    assert fmt("庆祝建党{N周年:1921}", 2027) == "庆祝建党106周年"
    assert fmt("纪念{第N个:1911}国际劳动妇女节", 2026) == "纪念第116个国际劳动妇女节"
    assert fmt("庆祝第{N}个教师节", 2027) == "庆祝第43个教师节"  # the old token still works
    assert fmt("{年}年国庆{N周年:1949}、教师节{第N个:1985}", 2027) == "2027年国庆78周年、教师节第43个"


def test_default_plan_titles(db):
    plan_template.generate_year(2026)
    plan_template.generate_year(2027)
    y26, y27 = by_key(2026), by_key(2027)
    assert y26["womens-day"].title == "庆祝第116个三八国际劳动妇女节女教职工活动"
    assert y26["teachers-day"].title == "庆祝第42个教师节暨表彰大会"
    assert y26["party-day"].title == "庆祝中国共产党成立105周年活动"
    assert y27["teachers-day"].title == "庆祝第43个教师节暨表彰大会"
    assert y27["party-day"].title == "庆祝中国共产党成立106周年活动"
    assert y27["national-day"].title == "庆祝中华人民共和国成立78周年活动"
    assert y27["may-fourth"].title == "纪念五四运动108周年青年教职工座谈会"


def test_user_rule_with_an_anniversary(db):
    rule = plan_template.create_rule({"title": "庆祝建党{N周年：1921}座谈会", "category": "会议", "kind": "month", "month": 6})
    assert rule.title == "庆祝建党{N周年:1921}座谈会"  # full-width colon accepted
    plan_template.generate_year(2027)
    assert by_key(2027)[rule.key].title == "庆祝建党106周年座谈会"
    for bad in ("庆祝建党{N周年:1700}", "庆祝建党{第N周年:1921}", "庆祝建党{N周年}"):
        with pytest.raises(ValidationError):
            plan_template.create_rule({"title": bad, "kind": "month", "month": 6})


# --- 2. a lunar rule yields every occurrence in the calendar year ---------------------------------------


def test_laba_twice_in_2022_once_in_2024_none_in_2023(db):
    rule = plan_template.create_rule({"title": "腊八送粥", "category": "其他", "kind": "lunar", "month": 12, "day": 8})
    assert plan_template.rule_dates(rule, 2022) == [D(2022, 1, 10), D(2022, 12, 30)]
    assert plan_template.rule_dates(rule, 2023) == []
    assert plan_template.rule_dates(rule, 2024) == [D(2024, 1, 18)]

    result = plan_template.generate_year(2022)
    items = by_key(2022)
    assert items[rule.key].date == D(2022, 1, 10) and items[rule.key].month == 1
    assert items[f"{rule.key}#2"].date == D(2022, 12, 30) and items[f"{rule.key}#2"].month == 12
    assert [i.date for i in items_titled(2022, "腊八送粥")] == [D(2022, 1, 10), D(2022, 12, 30)]
    assert result.missing == []
    assert plan_template.generate_year(2022)[0] == 0  # (year, template_key) stays unique: nothing new

    result = plan_template.generate_year(2023)
    assert items_titled(2023, "腊八送粥") == []  # no undated December item
    assert result.missing == ["腊八送粥：农历腊月初八在2023年没有对应的日期（前后为 2022-12-30、2024-01-18）"]

    plan_template.generate_year(2024)
    assert [i.date for i in items_titled(2024, "腊八送粥")] == [D(2024, 1, 18)]
    keys = [i.template_key for i in PlanItem.select(PlanItem.year, PlanItem.template_key)]
    years_keys = [(i.year, i.template_key) for i in PlanItem.select()]
    assert len(years_keys) == len(set(years_keys)) and f"{rule.key}#2" in keys


# --- 3. working days -----------------------------------------------------------------------------------


def test_working_days_follow_the_notices():
    assert is_working_day(D(2025, 1, 26))  # Sunday, 春节调休上班
    assert not is_working_day(D(2025, 1, 28))  # 除夕 2025, a day off since 2025
    assert not is_working_day(D(2025, 10, 8))
    assert is_working_day(D(2026, 1, 4))  # Sunday, 元旦调休上班
    assert is_working_day(D(2026, 2, 14)) and is_working_day(D(2026, 2, 28))  # Saturdays, 调休上班
    assert not is_working_day(D(2026, 2, 16))  # 除夕 2026 (a Monday)
    assert nearest_working_day(D(2026, 2, 21), -1) == D(2026, 2, 14)
    assert nearest_working_day(D(2026, 2, 21), 1) == D(2026, 2, 24)


@pytest.mark.parametrize(
    "year, key, expected",
    [
        (2025, "dragon-boat", D(2025, 5, 30)),  # 端午 5-31 (Sat), off 5-31..6-2
        (2025, "mid-autumn", D(2025, 9, 30)),  # 中秋 10-6 inside 国庆中秋 10-1..10-8
        (2026, "dragon-boat", D(2026, 6, 18)),  # 端午 6-19 (Fri), off 6-19..6-21
        (2026, "mid-autumn", D(2026, 9, 24)),  # 中秋 9-25 (Fri), off 9-25..9-27
        (2026, "double-ninth", D(2026, 10, 16)),  # 重阳 10-18 is a Sunday
        (2026, "spring-warmth", D(2026, 2, 10)),  # 春节 2-17 − 7 = 2-10 (Tue): stays
        (2027, "spring-warmth", D(2027, 1, 29)),  # 春节 2-6 − 7 = 1-30 (Sat)
        (2025, "monthly-report#01", D(2025, 1, 24)),  # 1-25 is a Saturday
        (2026, "monthly-report#01", D(2026, 1, 23)),  # 1-25 is a Sunday
        (2028, "monthly-report#01", D(2028, 1, 24)),  # 1-25 is 除夕 2028 (春节 1-26)
        (2026, "womens-day", D(2026, 3, 8)),  # a celebration keeps its day (a Sunday)
        (2028, "teachers-day", D(2028, 9, 10)),  # a Sunday, kept
    ],
)
def test_items_move_off_days_that_are_not_working_days(db, year, key, expected):
    plan_template.generate_year(year)
    item = by_key(year)[key]
    assert item.date == expected
    assert item.month == expected.month
    if key not in ("womens-day", "teachers-day"):  # visits and reports land on a working day
        assert is_working_day(item.date)


def test_a_moved_item_says_so_and_keeps_the_estimate_flag(db):
    plan_template.generate_year(2027)
    item = by_key(2027)["spring-warmth"]
    assert item.notes.startswith("原定1月30日（星期六）非工作日，提前到工作日")
    assert ("2027年放假安排尚未公布" in item.notes) == statutory_calendar(2027).is_estimate
    assert by_key(2027)["monthly-report#02"].notes == ""  # 2027-02-25 is a Thursday
    plan_template.generate_year(2028)
    assert by_key(2028)["monthly-report#01"].notes.startswith("原定1月25日（星期二，春节假期）非工作日，提前到工作日")


def test_default_policy_of_other_rules(db):
    visit = plan_template.create_rule({"title": "国庆走访", "category": "慰问", "kind": "fixed", "month": 10, "day": 1})
    party = plan_template.create_rule({"title": "国庆游园", "category": "活动", "kind": "fixed", "month": 10, "day": 1})
    new_year = plan_template.create_rule({"title": "元旦慰问", "category": "节日", "kind": "fixed", "month": 1, "day": 1})
    assert plan_template.workday_policy(visit) == "before" and plan_template.workday_policy(party) == "keep"
    assert plan_template.workday_policy(new_year) == "before"  # 慰问 in the title
    plan_template.generate_year(2026)
    items = by_key(2026)
    assert items[visit.key].date == D(2026, 9, 30)
    assert items[party.key].date == D(2026, 10, 1)
    # the working day before 元旦 is in 2025: the item stays in its year, on the first working
    # day after (1月4日（周日）上班)
    assert items[new_year.key].date == D(2026, 1, 4)
