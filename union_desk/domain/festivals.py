"""The union year's calendar: festival dates (lunar ones via lunar_python), statutory days
off and make-up workdays (调休, via the `holidays` package), birthdays in a given year."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from lunar_python import Lunar, LunarMonth, LunarYear, Solar

FIRST_TEACHERS_DAY_YEAR = 1985

_FIXED = {
    "元旦": (1, 1),
    "三八妇女节": (3, 8),
    "五一": (5, 1),
    "五四": (5, 4),
    "六一": (6, 1),
    "七一": (7, 1),
    "建军节": (8, 1),
    "教师节": (9, 10),
    "国庆": (10, 1),
}
_LUNAR = {"春节": (1, 1), "元宵": (1, 15), "端午": (5, 5), "七夕": (7, 7), "中秋": (8, 15), "重阳": (9, 9)}
_ORDER = (
    "元旦 除夕 春节 元宵 三八妇女节 清明 五一 五四 端午 六一 七一 建军节 七夕 中秋 教师节 国庆 重阳"
).split()


def lunar_to_solar(year: int, lunar_month: int, lunar_day: int) -> date:
    """Solar date of a lunar date in lunar year `year` (negative month = leap month, as in
    lunar_python). Day 30 in a 29-day month gives the month's last day."""
    if not 1 <= abs(lunar_month) <= 12 or not 1 <= lunar_day <= 30:
        raise ValueError(f"农历日期无效：{year}年{lunar_month}月{lunar_day}日")
    month = LunarMonth.fromYm(year, lunar_month)
    if month is None:
        raise ValueError(f"农历{year}年没有闰{abs(lunar_month)}月")
    day = min(lunar_day, month.getDayCount())
    solar = Lunar.fromYmd(year, lunar_month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> date:
    term = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]
    return date(term.getYear(), term.getMonth(), term.getDay())


def festival_dates(year: int) -> dict[str, date]:
    """Festivals the union marks in `year`, in calendar order. 除夕 is the day before 春节."""
    found = {name: date(year, m, d) for name, (m, d) in _FIXED.items()}
    found.update({name: lunar_to_solar(year, m, d) for name, (m, d) in _LUNAR.items()})
    found["除夕"] = found["春节"] - timedelta(days=1)
    found["清明"] = _qingming(year)
    return {name: found[name] for name in sorted(_ORDER, key=lambda n: (found[n], _ORDER.index(n)))}


def teachers_day_ordinal(year: int) -> int:
    """'第N个教师节': 1985 was the 1st."""
    if year < FIRST_TEACHERS_DAY_YEAR:
        raise ValueError(f"{year}年还没有教师节（第一个教师节是1985年）")
    return year - FIRST_TEACHERS_DAY_YEAR + 1


@dataclass
class StatutoryCalendar:
    """Days off (with the festival's name) and 调休 make-up workdays of one year.

    `is_estimate` is True when the official State Council notice for the year is not known
    (no make-up days in the data): the days off then follow the statutory rule only.
    """

    year: int
    holidays: dict[date, str] = field(default_factory=dict)
    workdays: dict[date, str] = field(default_factory=dict)
    is_estimate: bool = False


_SUFFIX = re.compile(r"（[^）]*）$")
_SAME_AS = {"农历除夕": "春节", "春节延长假期": "春节"}
_SUBSTITUTED = "休息日"
_MOVED_FROM = re.compile(r"由 ?(\d{4}-\d{2}-\d{2}) ?调休")


def _base_name(name: str) -> str | None:
    """'清明节（补假）' -> '清明节'; a substituted day off ('休息日（由 … 调休）') -> None."""
    if name.startswith(_SUBSTITUTED):
        return None
    name = _SUFFIX.sub("", name.split("; ")[0])
    return _SAME_AS.get(name, name)


def statutory_calendar(year: int) -> StatutoryCalendar:
    """Days off and make-up workdays for `year` (see `_build_calendar`); a fresh copy."""
    cal = _build_calendar(year)
    return StatutoryCalendar(cal.year, dict(cal.holidays), dict(cal.workdays), cal.is_estimate)


@functools.lru_cache(maxsize=32)
def _build_calendar(year: int) -> StatutoryCalendar:
    """Days off and make-up workdays for `year`.

    A run of days off also takes in the weekend days next to it (unless they are workdays),
    the way the official notice counts it: 2026 春节 is 2月15日至23日. Each day carries
    the name of its run ('国庆节、中秋节' when two festivals share one run).
    """
    import holidays  # imported on first use: it loads every country's module list

    source = holidays.China(years=range(year - 1, year + 2), language="zh_CN")
    workday_set = set(source.weekend_workdays)
    off = {d: _base_name(name) for d, name in source.items()}
    moved_to = {  # make-up workday -> the day off it pays for
        date.fromisoformat(m[1]): d
        for d, name in source.items()
        if (m := _MOVED_FROM.search(name))
    }

    def free_weekend(d: date) -> bool:
        return d.weekday() >= 5 and d not in workday_set and d not in off

    for d in sorted(off):
        for step in (timedelta(days=-1), timedelta(days=1)):
            nxt = d + step
            while free_weekend(nxt):
                off[nxt] = None
                nxt += step

    labels: dict[date, str] = {}
    run: list[date] = []
    for d in [*sorted(off), None]:
        if run and (d is None or d - run[-1] != timedelta(days=1)):
            names = [n for n in dict.fromkeys(off[x] for x in run) if n]
            labels.update(dict.fromkeys(run, "、".join(names) or _SUBSTITUTED))
            run = []
        if d is not None:
            run.append(d)

    def workday_label(d: date) -> str:
        target = moved_to.get(d) or min(labels, key=lambda x: abs((x - d).days))
        return f"{labels[target]}调休上班"

    return StatutoryCalendar(
        year=year,
        holidays={d: name for d, name in labels.items() if d.year == year},
        workdays={d: workday_label(d) for d in sorted(workday_set) if d.year == year},
        is_estimate=not any(d.year == year for d in workday_set),
    )


# Lunar birthdays for many people: lunar_python builds a whole Lunar for each solar→lunar step
# (10–40 ms) and caches only the last year, so we keep, per solar year, the table of lunar month
# starts and do plain arithmetic on it.
_JDN = 1721425  # date.toordinal() + _JDN = Julian day number


@functools.lru_cache(maxsize=256)
def _lunar_months(year: int) -> tuple[tuple[int, int, int, int], ...]:
    """(first Julian day, lunar year, month (negative = leap), days) of the lunar months that
    cover solar year `year` (LunarYear: 11th month of year-1 to the 1st of year+1).

    1900–2100 come from a table written by tools/make_lunar_table.py with the same library
    (computing a year takes lunar_python about 8 ms); other years are computed."""
    from union_desk.domain import lunar_table

    if lunar_table.FIRST <= year <= lunar_table.LAST:
        return lunar_table.MONTHS[year]
    return _computed_lunar_months(year)


def _computed_lunar_months(year: int) -> tuple[tuple[int, int, int, int], ...]:
    return tuple(
        (int(m.getFirstJulianDay()), m.getYear(), m.getMonth(), m.getDayCount())
        for m in LunarYear.fromYear(year).getMonths()
    )


@functools.lru_cache(maxsize=65536)
def lunar_month_day(solar: date) -> tuple[int, int]:
    """The lunar month (a leap month counts as the ordinary one) and day of a solar date."""
    jdn = solar.toordinal() + _JDN
    for first, _year, month, _days in reversed(_lunar_months(solar.year)):
        if first <= jdn:
            return abs(month), jdn - first + 1
    raise ValueError(f"农历换算失败：{solar}")


def _ordinary_lunar_date(lunar_year: int, month: int, day: int) -> date:
    for first, year, m, days in _lunar_months(lunar_year):
        if year == lunar_year and m == month:
            return date.fromordinal(first - _JDN + min(day, days) - 1)
    return lunar_to_solar(lunar_year, month, day)


@functools.lru_cache(maxsize=65536)
def birthday_in_year(birth: date, year: int, lunar: bool) -> date:
    """The solar date of this person's birthday in `year`.

    Solar: 29 Feb -> 28 Feb in a common year. Lunar: the birth date's lunar month and day
    (a leap-month birth counts as the ordinary month; day 30 -> the month's last day). A
    lunar date may fall twice in a solar year (the first is returned) or, rarely, not at
    all (the date in early January of `year + 1` is returned).
    """
    if not lunar:
        if birth.month == 2 and birth.day == 29:
            try:
                return date(year, 2, 29)
            except ValueError:
                return date(year, 2, 28)
        return birth.replace(year=year)
    month, day = lunar_month_day(birth)
    candidates = [_ordinary_lunar_date(y, month, day) for y in (year - 1, year)]
    in_year = [d for d in candidates if d.year == year]
    return in_year[0] if in_year else candidates[-1]