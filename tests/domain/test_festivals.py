from datetime import date, timedelta

import pytest

from union_desk.domain.festivals import (
    birthday_in_year,
    festival_dates,
    lunar_to_solar,
    statutory_calendar,
    teachers_day_ordinal,
)

# Published calendars (万年历 / State Council notices); independent of lunar_python.
KNOWN = {
    2026: {
        "春节": date(2026, 2, 17),
        "除夕": date(2026, 2, 16),
        "元宵": date(2026, 3, 3),
        "清明": date(2026, 4, 5),
        "端午": date(2026, 6, 19),
        "七夕": date(2026, 8, 19),
        "中秋": date(2026, 9, 25),
        "重阳": date(2026, 10, 18),
    },
    2027: {
        "春节": date(2027, 2, 6),
        "除夕": date(2027, 2, 5),
        "端午": date(2027, 6, 9),
        "中秋": date(2027, 9, 15),
        "重阳": date(2027, 10, 8),
    },
    2030: {
        "春节": date(2030, 2, 3),
        "除夕": date(2030, 2, 2),
        "端午": date(2030, 6, 5),
        "中秋": date(2030, 9, 12),
        "重阳": date(2030, 10, 5),
    },
    2024: {  # a year whose lunar 12th month has 29 days: 除夕 is 腊月廿九
        "春节": date(2024, 2, 10),
        "除夕": date(2024, 2, 9),
        "中秋": date(2024, 9, 17),
    },
    2025: {"春节": date(2025, 1, 29), "除夕": date(2025, 1, 28), "中秋": date(2025, 10, 6)},
}


@pytest.mark.parametrize("year", sorted(KNOWN))
def test_lunar_festivals_match_published_calendars(year):
    found = festival_dates(year)
    for name, expected in KNOWN[year].items():
        assert found[name] == expected, name


def test_all_keys_and_fixed_dates():
    found = festival_dates(2026)
    assert set(found) == {
        "元旦", "春节", "元宵", "三八妇女节", "清明", "五一", "五四", "端午", "六一",
        "七一", "建军节", "七夕", "中秋", "教师节", "国庆", "重阳", "除夕",
    }
    assert found["元旦"] == date(2026, 1, 1)
    assert found["三八妇女节"] == date(2026, 3, 8)
    assert found["五一"] == date(2026, 5, 1)
    assert found["五四"] == date(2026, 5, 4)
    assert found["六一"] == date(2026, 6, 1)
    assert found["七一"] == date(2026, 7, 1)
    assert found["建军节"] == date(2026, 8, 1)
    assert found["教师节"] == date(2026, 9, 10)
    assert found["国庆"] == date(2026, 10, 1)
    assert list(found.values()) == sorted(found.values())  # calendar order


@pytest.mark.parametrize("year", range(2020, 2041))
def test_lunar_festivals_are_consistent(year):
    found = festival_dates(year)
    assert found["除夕"] + timedelta(days=1) == found["春节"]
    assert found["元宵"] - found["春节"] == timedelta(days=14)
    assert date(year, 1, 21) <= found["春节"] <= date(year, 2, 20)
    assert date(year, 4, 4) <= found["清明"] <= date(year, 4, 6)
    assert found["重阳"] - found["中秋"] in (timedelta(days=23), timedelta(days=24))


def test_lunar_to_solar():
    assert lunar_to_solar(2026, 1, 1) == date(2026, 2, 17)
    assert lunar_to_solar(2026, 8, 15) == date(2026, 9, 25)
    # 农历2024年腊月 has 29 days: day 30 becomes the last day (除夕 2025-01-28).
    assert lunar_to_solar(2024, 12, 30) == date(2025, 1, 28)
    assert lunar_to_solar(2024, 12, 29) == date(2025, 1, 28)
    # 2025 has a leap sixth month (闰六月初一 = 2025-07-25).
    assert lunar_to_solar(2025, -6, 1) == date(2025, 7, 25)
    assert lunar_to_solar(2025, 6, 1) == date(2025, 6, 25)
    with pytest.raises(ValueError, match="没有闰6月"):
        lunar_to_solar(2026, -6, 1)
    with pytest.raises(ValueError):
        lunar_to_solar(2026, 13, 1)
    with pytest.raises(ValueError):
        lunar_to_solar(2026, 1, 31)


def test_teachers_day_ordinal():
    assert teachers_day_ordinal(1985) == 1
    assert teachers_day_ordinal(2025) == 41
    assert teachers_day_ordinal(2026) == 42
    with pytest.raises(ValueError):
        teachers_day_ordinal(1984)


def _span(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def test_statutory_2026_matches_state_council_notice():
    # 国办发明电〔2025〕7号: 2026年部分节假日安排.
    cal = statutory_calendar(2026)
    assert cal.is_estimate is False
    expected_off = {
        "元旦": _span(date(2026, 1, 1), date(2026, 1, 3)),
        "春节": _span(date(2026, 2, 15), date(2026, 2, 23)),
        "清明节": _span(date(2026, 4, 4), date(2026, 4, 6)),
        "劳动节": _span(date(2026, 5, 1), date(2026, 5, 5)),
        "端午节": _span(date(2026, 6, 19), date(2026, 6, 21)),
        "中秋节": _span(date(2026, 9, 25), date(2026, 9, 27)),
        "国庆节": _span(date(2026, 10, 1), date(2026, 10, 7)),
    }
    assert cal.holidays == {d: name for name, days in expected_off.items() for d in days}
    assert cal.workdays == {
        date(2026, 1, 4): "元旦调休上班",
        date(2026, 2, 14): "春节调休上班",
        date(2026, 2, 28): "春节调休上班",
        date(2026, 5, 9): "劳动节调休上班",
        date(2026, 9, 20): "国庆节调休上班",
        date(2026, 10, 10): "国庆节调休上班",
    }


def test_statutory_2025_shared_national_day_and_mid_autumn():
    cal = statutory_calendar(2025)
    assert cal.is_estimate is False
    assert [d for d, n in cal.holidays.items() if n == "国庆节、中秋节"] == _span(
        date(2025, 10, 1), date(2025, 10, 8)
    )
    assert [d for d, n in cal.holidays.items() if n == "春节"] == _span(
        date(2025, 1, 28), date(2025, 2, 4)
    )
    assert set(cal.workdays) == {
        date(2025, 1, 26), date(2025, 2, 8), date(2025, 4, 27), date(2025, 9, 28), date(2025, 10, 11)
    }


def test_statutory_new_year_run_crossing_years():
    # 2024: 2023年12月30日至2024年1月1日放假.
    assert statutory_calendar(2023).holidays[date(2023, 12, 30)] == "元旦"
    assert statutory_calendar(2023).holidays[date(2023, 12, 31)] == "元旦"
    assert date(2023, 12, 30) not in statutory_calendar(2024).holidays
    assert statutory_calendar(2024).holidays[date(2024, 1, 1)] == "元旦"


@pytest.mark.parametrize("year", [2027, 2030, 2035])
def test_future_years_are_estimates(year):
    cal = statutory_calendar(year)
    assert cal.is_estimate is True
    assert cal.workdays == {}
    names = set(cal.holidays.values())
    assert {"元旦", "春节", "清明节", "劳动节", "端午节", "国庆节"} <= names
    assert all(d.year == year for d in cal.holidays)
    spring = festival_dates(year)["春节"]
    assert cal.holidays[spring] == "春节"


def test_calendar_copies_are_independent():
    first = statutory_calendar(2026)
    first.holidays.clear()
    assert statutory_calendar(2026).holidays


def test_solar_birthday():
    assert birthday_in_year(date(1985, 6, 3), 2026, lunar=False) == date(2026, 6, 3)
    assert birthday_in_year(date(1992, 2, 29), 2026, lunar=False) == date(2026, 2, 28)
    assert birthday_in_year(date(1992, 2, 29), 2028, lunar=False) == date(2028, 2, 29)


def test_lunar_birthday():
    # 1985-06-03 is 农历四月十五; 农历2026年四月十五 = 2026-05-31.
    assert birthday_in_year(date(1985, 6, 3), 2026, lunar=True) == date(2026, 5, 31)
    # Born on 中秋 1990 (1990-10-03): birthday on 中秋 2026.
    assert birthday_in_year(date(1990, 10, 3), 2026, lunar=True) == date(2026, 9, 25)
    # Born in a leap month (2025-08-20, 闰六月廿七): the ordinary sixth month is used.
    assert birthday_in_year(date(2025, 8, 20), 2026, lunar=True) == date(2026, 8, 9)


def test_lunar_birthday_late_in_lunar_year_falls_early_in_solar_year():
    # Born 1980-01-20 = 农历己未年十二月初三: in 2026 that is 农历乙巳年腊月初三 = 2026-01-21.
    assert birthday_in_year(date(1980, 1, 20), 2026, lunar=True) == date(2026, 1, 21)


def test_lunar_birthday_day_30_in_short_month():
    # 1985-02-19 is 农历甲子年腊月三十 (除夕). Not every 腊月 has 30 days; the birthday
    # then falls on the month's last day, so it is always 除夕.
    born = date(1985, 2, 19)
    for year in range(2020, 2036):
        assert birthday_in_year(born, year, lunar=True) == festival_dates(year)["除夕"], year


def _slow_lunar_birthday(birth: date, year: int) -> date:
    """Reference straight from lunar_python (one full Lunar per step): slow but obvious."""
    from lunar_python import Lunar, LunarMonth, Solar

    born = Solar.fromYmd(birth.year, birth.month, birth.day).getLunar()
    month, day = abs(born.getMonth()), born.getDay()
    found = []
    for y in (year - 1, year):
        days = LunarMonth.fromYm(y, month).getDayCount()
        s = Lunar.fromYmd(y, month, min(day, days)).getSolar()
        found.append(date(s.getYear(), s.getMonth(), s.getDay()))
    in_year = [d for d in found if d.year == year]
    return in_year[0] if in_year else found[-1]


def test_fast_lunar_birthdays_agree_with_lunar_python():
    import random
    from datetime import timedelta

    rng = random.Random(11)
    births = [date(1950, 1, 1) + timedelta(days=rng.randrange(60 * 365)) for _ in range(60)]
    births += [
        date(2020, 6, 1),  # 闰四月 2020
        date(2023, 4, 10),  # 闰二月 2023
        date(1984, 12, 31), date(2000, 2, 29), date(1990, 1, 26),  # a lunar 30th (腊月三十 1989)
        date(1966, 2, 20), date(1987, 1, 28),  # 正月初一, 腊月廿九
    ]
    for birth in births:
        for year in (2025, 2026, 2027, 2031, 2033):
            assert birthday_in_year(birth, year, True) == _slow_lunar_birthday(birth, year), (birth, year)
