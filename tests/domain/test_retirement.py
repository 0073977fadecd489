"""Statutory retirement since 2025 (issue 15, DOMAIN.md §7.6).

Source of every case: 全国人民代表大会常务委员会《关于实施渐进式延迟法定退休年龄的决定》
(2024-09-13), 附件《国务院关于渐进式延迟职工法定退休年龄的办法》 and its tables
附件1 (男职工延迟法定退休年龄对照表), 附件2 (原法定退休年龄为五十五周岁的女职工…对照表),
附件3 (原法定退休年龄为五十周岁的女职工…对照表): birth month → 改革后法定退休年龄 → 改革后退休时间.
"""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.domain import retirement as r

M, C, W = r.TRACK_MEN_60, r.TRACK_WOMEN_CADRE_55, r.TRACK_WOMEN_WORKER_50

# (track, birth year, birth month, age years, age months, retirement year, retirement month)
TABLE = [
    # 附件1 男职工
    (M, 1964, 12, 60, 0, 2024, 12),  # before the first cohort: the old age
    (M, 1965, 1, 60, 1, 2025, 2),
    (M, 1965, 4, 60, 1, 2025, 5),
    (M, 1965, 5, 60, 2, 2025, 7),
    (M, 1965, 8, 60, 2, 2025, 10),
    (M, 1965, 9, 60, 3, 2025, 12),
    (M, 1966, 1, 60, 4, 2026, 5),
    (M, 1970, 1, 61, 4, 2031, 5),
    (M, 1976, 8, 62, 11, 2039, 7),
    (M, 1976, 9, 63, 0, 2039, 9),  # the final age
    (M, 1980, 1, 63, 0, 2043, 1),
    # 附件2 原55周岁的女职工 (女干部55)
    (C, 1969, 12, 55, 0, 2024, 12),
    (C, 1970, 1, 55, 1, 2025, 2),
    (C, 1970, 5, 55, 2, 2025, 7),
    (C, 1975, 1, 56, 4, 2031, 5),
    (C, 1981, 8, 57, 11, 2039, 7),
    (C, 1981, 9, 58, 0, 2039, 9),
    # 附件3 原50周岁的女职工 (女职工50)
    (W, 1974, 12, 50, 0, 2024, 12),
    (W, 1975, 1, 50, 1, 2025, 2),
    (W, 1975, 2, 50, 1, 2025, 3),
    (W, 1975, 3, 50, 2, 2025, 5),
    (W, 1980, 1, 52, 7, 2032, 8),
    (W, 1984, 10, 54, 11, 2039, 9),
    (W, 1984, 11, 55, 0, 2039, 11),
    (W, 1990, 6, 55, 0, 2045, 6),
]


@pytest.mark.parametrize("track, by, bm, years, months, ry, rm", TABLE)
def test_attachment_tables(track, by, bm, years, months, ry, rm):
    birth = dt.date(by, bm, 15)
    assert r.retirement_age(birth, track) == (years, months)
    assert r.retirement_date(birth, track) == dt.date(ry, rm, 15)


def test_every_birth_month_of_the_schedules_steps_by_one_month():
    for track, first, per, final in ((M, 1965, 4, 63), (C, 1970, 4, 58), (W, 1975, 2, 55)):
        old = r.SCHEDULES[track].old_age * 12
        for k in range(0, 240):
            birth = r.add_months(dt.date(first, 1, 1), k)
            assert r.retirement_age_months(birth, track) == min(old + k // per + 1, final * 12)


def test_day_is_the_birthday_and_month_ends_fall_back():
    assert r.retirement_date(dt.date(1965, 1, 31), M) == dt.date(2025, 2, 28)
    assert r.retirement_date(dt.date(1964, 2, 29), M) == dt.date(2024, 2, 29)
    assert r.retirement_date(dt.date(1968, 2, 29), C) == dt.date(2023, 2, 28)  # 55 years: not a leap year


def test_default_track_from_sex_and_post():
    assert r.default_track("男", "") == M
    assert r.default_track("", "") == M
    assert r.default_track("女", "") == C
    assert r.default_track("女", "教研组长") == C
    assert r.default_track("女", "工勤人员") == W
    assert r.default_track("女", "后勤工人") == W
    assert r.default_track("男", "工勤人员") == M
    assert r.effective_track(W, "女", "") == W
    assert r.effective_track("", "女", "工勤") == W
    assert r.member_retirement_date(None, "男") is None
    assert r.member_retirement_date(dt.date(1965, 1, 10), "男") == dt.date(2025, 2, 10)


@pytest.mark.parametrize("track", r.TRACKS)
def test_latest_birth_retired_by(track):
    for day in (dt.date(2024, 12, 31), dt.date(2025, 3, 1), dt.date(2027, 3, 31), dt.date(2040, 1, 1)):
        b = r.latest_birth_retired_by(day, track)
        assert r.retirement_date(b, track) <= day
        assert r.retirement_date(b + dt.timedelta(days=1), track) > day
