"""Issue 15, school holidays (寒假, 暑假): per-year settings with defaults; nothing is placed in a
holiday unless the rule allows it (春节慰问 always falls in 寒假).

The default 寒假 is checked against Beijing's primary and secondary school calendars (北京市教育委员会,
北京市中小学校历): 2022-23 学年 寒假 2023-01-14 至 2023-02-12; 2023-24 学年 2024-01-20 至
2024-02-25; 2024-25 学年 2025-01-18 至 2025-02-16; 2025-26 学年 2026-01-31 至 2026-03-01.
春节 dates (中国天文年历): 2023-01-22, 2024-02-10, 2025-01-29, 2026-02-17, 2027-02-06, 2028-01-26.
"""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.models import PlanItem
from union_desk.domain.festivals import default_school_holidays, default_winter_holiday, is_working_day
from union_desk.errors import ValidationError
from union_desk.services import plan_template, settings

D = dt.date


def by_key(year: int) -> dict[str, PlanItem]:
    return {i.template_key: i for i in PlanItem.select().where(PlanItem.year == year) if i.template_key}


@pytest.mark.parametrize(
    "year, start, end",
    [
        (2023, D(2023, 1, 14), D(2023, 2, 12)),
        (2024, D(2024, 1, 20), D(2024, 2, 25)),
        (2025, D(2025, 1, 18), D(2025, 2, 16)),
        (2026, D(2026, 1, 31), D(2026, 3, 1)),
    ],
)
def test_default_winter_holiday_matches_the_beijing_calendars(year, start, end):
    assert default_winter_holiday(year) == (start, end)


def test_default_holidays_of_2027_and_2028():
    assert default_school_holidays(2027) == ((D(2027, 1, 16), D(2027, 2, 21)), (D(2027, 7, 10), D(2027, 8, 31)))
    assert default_school_holidays(2028) == ((D(2028, 1, 15), D(2028, 2, 13)), (D(2028, 7, 10), D(2028, 8, 31)))
    for year in range(2000, 2060):  # always a Saturday-to-Sunday 寒假 of 4–6 weeks around 春节
        start, end = default_winter_holiday(year)
        assert start.weekday() == 5 and end.weekday() == 6
        assert 29 <= (end - start).days <= 43
        spring = plan_template.festivals_of(year)["春节"]
        assert start < spring < end


def test_school_holidays_come_from_the_settings(db):
    assert plan_template.school_holidays(2027) == default_school_holidays(2027)
    assert plan_template.school_holidays(2027).is_default
    settings.save({"school_holidays_2027": " 2027-1-18 ~ 2027-02-21；2027-07-03至2027-08-29 "})
    assert settings.get("school_holidays_2027") == "2027-01-18~2027-02-21;2027-07-03~2027-08-29"
    holidays = plan_template.school_holidays(2027)
    assert holidays == ((D(2027, 1, 18), D(2027, 2, 21)), (D(2027, 7, 3), D(2027, 8, 29)))
    assert not holidays.is_default
    assert plan_template.school_holidays(2028).is_default  # per year
    settings.save({"school_holidays_2027": ""})  # empty: back to the defaults
    assert plan_template.school_holidays(2027).is_default


@pytest.mark.parametrize(
    "value, message",
    [
        ("2027-01-18~2027-02-21", "2027年寒暑假应写成“寒假开始~结束;暑假开始~结束”"),
        ("2027-01-18;2027-07-10~2027-08-31", "2027年寒假应写成“开始日期~结束日期”"),
        ("2027-01-18~2027-02-30;2027-07-10~2027-08-31", "2027年寒假的日期无效：2027-02-30"),
        ("2027-02-21~2027-01-18;2027-07-10~2027-08-31", "2027年寒假的结束日期早于开始日期"),
        ("2026-12-28~2027-02-21;2027-07-10~2027-08-31", "2027年寒假的日期应在2027年内"),
        ("2027-01-18~2027-02-21;2027-06-01~2027-09-30", "2027年暑假超过 80 天"),
        ("2027-07-10~2027-08-31;2027-01-18~2027-02-21", "2027年寒假应在暑假之前"),
    ],
)
def test_bad_holiday_settings_are_refused_in_chinese(db, value, message):
    with pytest.raises(ValidationError) as error:
        settings.save({"school_holidays_2027": value})
    assert message in error.value.message
    assert error.value.field == "school_holidays_2027"
    assert settings.get("school_holidays_2027") == ""


def test_holiday_year_out_of_range(db):
    with pytest.raises(ValidationError, match="寒暑假的年份"):
        settings.save({"school_holidays_1900": ""})


def test_nothing_is_placed_in_the_summer_holiday(db):
    visit = plan_template.create_rule({"title": "八一慰问退役军人教职工", "category": "慰问", "kind": "fixed", "month": 8, "day": 1})
    meeting = plan_template.create_rule({"title": "暑期安全检查", "category": "上报检查", "kind": "fixed", "month": 7, "day": 20})
    assert plan_template.holiday_policy(visit) == "before"
    plan_template.generate_year(2027)
    items = by_key(2027)
    # 暑假 2027-07-10 (Saturday) ~ 08-31: the last working day before is Friday 7-9
    assert items[visit.key].date == D(2027, 7, 9) and items[visit.key].month == 7
    assert items[meeting.key].date == D(2027, 7, 9)
    note = items[visit.key].notes
    assert note.startswith("原定8月1日在暑假（7月10日—8月31日）中，提前到放假前的最后一个工作日")
    assert "暑假日期为默认估算，可在设置中按本校校历修改" in note
    # the monthly report goes to the upper union: allowed in the holidays
    assert items["monthly-report#07"].date == D(2027, 7, 23)  # 7-25 is a Sunday
    assert items["monthly-report#08"].date == D(2027, 8, 25)
    for item in items.values():
        if item.date and item.template_key.split("#")[0] not in ("spring-warmth", "monthly-report"):
            assert not plan_template.school_holidays(2027).containing(item.date), item.title


def test_spring_festival_visits_always_fall_in_the_winter_holiday(db):
    custom = plan_template.create_rule({"title": "除夕慰问值班人员", "category": "慰问", "kind": "offset", "festival": "除夕"})
    assert plan_template.holiday_policy(custom) == "allowed"
    for year in (2026, 2027, 2028):
        plan_template.generate_year(year)
        items = by_key(year)
        holidays = plan_template.school_holidays(year)
        for key in ("spring-warmth", custom.key):
            item = items[key]
            assert holidays.containing(item.date)[0] == "寒假", (year, key)
            assert "寒假" not in item.notes
            assert is_working_day(item.date)
    # the working-day move and its estimate flag stay (2027-01-30 is a Saturday)
    assert by_key(2027)["spring-warmth"].notes.startswith("原定1月30日（星期六）非工作日，提前到工作日")


def test_a_rule_may_move_after_the_holiday(db):
    # a school whose 寒假 runs past 三八: the celebration is on the first working day back
    settings.save({"school_holidays_2026": "2026-01-24~2026-03-08;2026-07-04~2026-08-30"})
    plan_template.generate_year(2026)
    item = by_key(2026)["womens-day"]
    assert plan_template.holiday_policy(plan_template.PlanTemplateRule.get(key="womens-day")) == "after"
    assert item.date == D(2026, 3, 9)
    assert item.notes.startswith("原定3月8日在寒假（1月24日—3月8日）中，推后到开学后的第一个工作日")
    assert "默认估算" not in item.notes  # the school's own dates
    # 七一 is before this school's 暑假 (7-4): kept on the day
    assert by_key(2026)["party-day"].date == D(2026, 7, 1)


def test_the_estimate_flag_stays_on_holiday_moves(db):
    rule = plan_template.create_rule({"title": "暑期走访", "category": "慰问", "kind": "fixed", "month": 7, "day": 15})
    plan_template.generate_year(2028)
    item = by_key(2028)[rule.key]
    assert item.date == D(2028, 7, 7)  # 暑假 2028-07-10 is a Monday
    from union_desk.domain.festivals import statutory_calendar

    assert ("2028年放假安排尚未公布" in item.notes) == statutory_calendar(2028).is_estimate
