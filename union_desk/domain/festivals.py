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


# --- anniversaries and working days (helpers for the plan template) ----------------------------------

# How an anniversary is counted, and from which year. "第N个" counts the occurrences (the first
# one is 第1个); "N周年" counts the years since the founding (the founding year itself is 0).
ORDINAL, JUBILEE = "第N个", "N周年"  # the base years are in each rule's title: {第N个:1911}, {N周年:1921}


def anniversary_number(year: int, base_year: int, form: str) -> int:
    """N of '第N个' (base_year is the 1st) or of 'N周年' (base_year is the founding, 0周年).
    ValueError when `year` has no such anniversary yet."""
    if form not in (ORDINAL, JUBILEE):
        raise ValueError(f"未知的纪念日计数方式：{form}")
    n = year - base_year + (1 if form == ORDINAL else 0)
    if n < 1:
        raise ValueError(f"{year}年还没有{form.replace('N', str(n))}（起算年份{base_year}年）")
    return n


def anniversary_text(year: int, base_year: int, form: str) -> str:
    """'第116个' or '106周年'."""
    return form.replace("N", str(anniversary_number(year, base_year, form)))


def is_working_day(day: date) -> bool:
    """A working day by the statutory calendar: Monday–Friday that is not a day off, or a
    调休 make-up workday. Unpublished years follow the estimate (see `statutory_calendar`)."""
    cal = _build_calendar(day.year)
    if day in cal.workdays:
        return True
    return day.weekday() < 5 and day not in cal.holidays


def nearest_working_day(day: date, step: int) -> date:
    """`day` itself when it is a working day, else the working day before (step -1) or after (+1)."""
    if step not in (-1, 1):
        raise ValueError("step must be -1 or 1")
    for _ in range(60):
        if is_working_day(day):
            return day
        day += timedelta(days=step)
    raise ValueError(f"60 天内没有工作日：{day}")


# --- school holidays (寒假, 暑假) ----------------------------------------------------------------------

SUMMER_HOLIDAY = ((7, 10), (8, 31))  # 暑假 by default: 7月10日—8月31日
_EARLIEST_WINTER_START = (1, 13)  # the autumn term does not end before mid-January
_MIN_WINTER_DAYS = 29  # Saturday to the Sunday four weeks later


def default_winter_holiday(year: int) -> tuple[date, date]:
    """寒假 of `year` by default (the school can set its own dates):

    - it starts on the Saturday 15–21 days before 春节, but not before 13 January (then on the
      first Saturday on or after it);
    - it ends on the Sunday nearest 元宵 (农历正月十五), and at least four weeks and a weekend
      (29 days) after the start.

    For 2023–2026 this gives Beijing's school calendars (北京市中小学校历): 2023-01-14~02-12,
    2024-01-20~02-25, 2025-01-18~02-16, 2026-01-31~03-01.
    """
    spring = lunar_to_solar(year, 1, 1)
    start = spring - timedelta(days=15)
    start -= timedelta(days=(start.weekday() - 5) % 7)  # the Saturday on or before: 15–21 days before
    earliest = date(year, *_EARLIEST_WINTER_START)
    if start < earliest:
        start = earliest + timedelta(days=(5 - earliest.weekday()) % 7)
    lantern = spring + timedelta(days=14)
    back, ahead = (lantern.weekday() + 1) % 7, (6 - lantern.weekday()) % 7
    end = lantern - timedelta(days=back) if back < ahead else lantern + timedelta(days=ahead)
    end = max(end, start + timedelta(days=_MIN_WINTER_DAYS))
    return start, end


def default_school_holidays(year: int) -> tuple[tuple[date, date], tuple[date, date]]:
    """(寒假, 暑假) of `year` by default: see `default_winter_holiday`; 暑假 7月10日—8月31日."""
    (sm, sd), (em, ed) = SUMMER_HOLIDAY
    return default_winter_holiday(year), (date(year, sm, sd), date(year, em, ed))
