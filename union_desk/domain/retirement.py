"""Statutory retirement (法定退休年龄) since 2025 (DOMAIN.md §7.6, issue 15).

Source: 全国人民代表大会常务委员会《关于实施渐进式延迟法定退休年龄的决定》(2024-09-13) and its
附件《国务院关于渐进式延迟职工法定退休年龄的办法》, tables 附件1–3. From 2025-01-01:

- 男职工 (原60周岁): births from 1965-01 retire one month later for every 4 months of birth
  (1965-01…04 at 60 years 1 month, 1965-05…08 at 60y2m, …), up to 63 (births 1976-09 on);
- 原法定退休年龄55周岁的女职工 (女干部): the same from births 1970-01, up to 58 (births 1981-09 on);
- 原法定退休年龄50周岁的女职工 (女职工): one month later for every 2 months of birth from
  births 1975-01, up to 55 (births 1984-11 on).

Births before the first cohort keep the old age. The tracks keep their pre-2025 names
(issue 15 Decision "Retirement track"): 男60, 女干部55, 女职工50.

The retirement date is the day the member reaches that age: the birth date moved on by the age
in years and months (a 31st or 29 February falls back to the last day of that month). The
tables give the month; the day is the birthday.

Pure: no Qt, no database.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

TRACK_MEN_60 = "男60"
TRACK_WOMEN_CADRE_55 = "女干部55"
TRACK_WOMEN_WORKER_50 = "女职工50"
TRACKS = (TRACK_MEN_60, TRACK_WOMEN_CADRE_55, TRACK_WOMEN_WORKER_50)
AUTO = ""  # a member's field left empty: the track follows from sex and post (default_track)

# posts that make a woman's track 女职工50 (the rest are 女干部55)
WORKER_POST_WORDS = ("工勤", "工人")


@dataclass(frozen=True)
class _Schedule:
    old_age: int  # years
    first_cohort: tuple[int, int]  # (year, month) of the first birth month that retires later
    months_per_step: int  # birth months per month of delay
    max_delay: int  # months


SCHEDULES = {
    TRACK_MEN_60: _Schedule(60, (1965, 1), 4, 36),
    TRACK_WOMEN_CADRE_55: _Schedule(55, (1970, 1), 4, 36),
    TRACK_WOMEN_WORKER_50: _Schedule(50, (1975, 1), 2, 60),
}


def default_track(sex: str, post: str = "") -> str:
    """The track of a member whose field is empty: men (and an unknown sex, as before 2025) 男60;
    women 女职工50 when the post (职务) names a worker post (工勤…, 工人), 女干部55 otherwise
    (teachers and staff in cadre or professional posts)."""
    if (sex or "").strip() != "女":
        return TRACK_MEN_60
    post = post or ""
    if any(word in post for word in WORKER_POST_WORDS):
        return TRACK_WOMEN_WORKER_50
    return TRACK_WOMEN_CADRE_55


def effective_track(track: str, sex: str, post: str = "") -> str:
    """The member's own track when set, else the default from sex and post."""
    return track if track in TRACKS else default_track(sex, post)


def retirement_age_months(birth: dt.date, track: str) -> int:
    """The statutory retirement age, in months, of someone born on `birth` on `track`."""
    s = SCHEDULES[track]
    base = s.old_age * 12
    k = (birth.year - s.first_cohort[0]) * 12 + (birth.month - s.first_cohort[1])
    if k < 0:
        return base
    return base + min(k // s.months_per_step + 1, s.max_delay)


def retirement_age(birth: dt.date, track: str) -> tuple[int, int]:
    """(years, months) of the statutory retirement age."""
    return divmod(retirement_age_months(birth, track), 12)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def retirement_date(birth: dt.date, track: str) -> dt.date:
    """The day the statutory retirement age is reached."""
    return add_months(birth, retirement_age_months(birth, track))


def member_retirement_date(birth: dt.date | None, sex: str, post: str = "", track: str = "") -> dt.date | None:
    """A member's statutory retirement date (None without a birth date)."""
    if birth is None:
        return None
    return retirement_date(birth, effective_track(track, sex, post))


def latest_birth_retired_by(day: dt.date, track: str) -> dt.date:
    """The latest birth date whose retirement date on `track` is on or before `day`: someone is
    past retirement on `day` exactly when born on or before it (retirement dates never go back
    as birth dates go on). Lets a query test "past retirement" with one comparison per track."""
    lo = add_months(day, -12 * 70)  # surely retired by `day`
    hi = day  # surely not
    while (hi - lo).days > 1:
        mid = lo + (hi - lo) // 2
        if retirement_date(mid, track) <= day:
            lo = mid
        else:
            hi = mid
    return lo
