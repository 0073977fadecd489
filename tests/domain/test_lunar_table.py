"""The lunar month table (tools/make_lunar_table.py) is lunar_python's own answer."""

from __future__ import annotations

from datetime import date

from union_desk.domain import festivals, lunar_table


def test_every_year_of_the_table_matches_lunar_python():
    for year in range(lunar_table.FIRST, lunar_table.LAST + 1):
        assert lunar_table.MONTHS[year] == festivals._computed_lunar_months(year), year


def test_years_outside_the_table_are_computed():
    assert festivals._lunar_months(2101) == festivals._computed_lunar_months(2101)
    assert festivals.lunar_month_day(date(2026, 2, 17)) == (1, 1)  # 春节 2026
    assert festivals.birthday_in_year(date(1990, 10, 3), 2026, True) == date(2026, 9, 25)  # 八月十五
