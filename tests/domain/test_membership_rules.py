"""会籍与会费 rules (issue 20): the status an event leaves, which events may follow, the periods and
the dues arithmetic (rate, the part under ten yuan, rounding once per period) and 入会率."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from union_desk.domain import membership as rules


@pytest.mark.parametrize("kind, reason, status", [
    ("入会", "", "在职"), ("转入", "", "在职"), ("恢复", "", "在职"), ("转出", "", "调出"),
    ("保留会籍", "退休", "退休"), ("保留会籍", "", "退休"), ("保留会籍", "失业", "保留会籍"),
    ("退会", "", "退会"), ("除名", "", "退会"), ("去世", "", "去世"),
])
def test_status_after_each_event(kind, reason, status):
    assert rules.status_after(kind, reason) == status


@pytest.mark.parametrize("status", ["在职", "退休", "保留会籍", "调出", "退会", "去世"])
def test_a_status_set_in_the_archive_stands_for_an_event_that_gives_it_back(status):
    kind, reason = rules.event_for_status(status)
    assert rules.status_after(kind, reason) == status


@pytest.mark.parametrize("status, kind, allowed", [
    (None, "入会", True), ("调出", "转入", True), ("在职", "入会", False), ("退休", "转入", False),
    ("在职", "转出", True), ("调出", "转出", False), ("去世", "退会", False),
    ("退休", "恢复", True), ("保留会籍", "恢复", True), ("在职", "恢复", False),
    ("在职", "保留会籍", True), ("退休", "保留会籍", False), ("保留会籍", "保留会籍", True),
])
def test_which_events_may_follow(status, kind, allowed):
    assert (rules.allowed_after(status, kind) is None) is allowed


@pytest.mark.parametrize("text, code, first, last, months, label", [
    ("2027-03", "2027-03", dt.date(2027, 3, 1), dt.date(2027, 3, 31), 1, "2027年3月"),
    ("2027年2月", "2027-02", dt.date(2027, 2, 1), dt.date(2027, 2, 28), 1, "2027年2月"),
    ("2027-Q2", "2027-Q2", dt.date(2027, 4, 1), dt.date(2027, 6, 30), 3, "2027年第2季度"),
    ("2027年第四季度", "2027-Q4", dt.date(2027, 10, 1), dt.date(2027, 12, 31), 3, "2027年第4季度"),
    ("2027-H1", "2027-H1", dt.date(2027, 1, 1), dt.date(2027, 6, 30), 6, "2027年上半年"),
    ("2027年下半年", "2027-H2", dt.date(2027, 7, 1), dt.date(2027, 12, 31), 6, "2027年下半年"),
    ("2028-h1", "2028-H1", dt.date(2028, 1, 1), dt.date(2028, 6, 30), 6, "2028年上半年"),
])
def test_periods_read(text, code, first, last, months, label):
    period = rules.parse_period(text)
    assert (period.code, period.first, period.last, period.months, period.label) == (code, first, last, months, label)


@pytest.mark.parametrize("text", ["", "2027", "2027-13", "2027-Q5", "2027-H3", "1899-01", "三月", "2027-03-05"])
def test_bad_periods_are_refused_in_chinese(text):
    with pytest.raises(ValueError, match="期间"):
        rules.parse_period(text)


def test_periods_contain_and_follow_each_other():
    half = rules.parse_period("2027-H1")
    assert half.contains(rules.parse_period("2027-03")) and half.contains(rules.parse_period("2027-Q2"))
    assert not half.contains(rules.parse_period("2027-07")) and not rules.parse_period("2027-03").contains(half)
    assert [p.code for p in rules.periods_between(dt.date(2026, 11, 15), dt.date(2027, 2, 1), "month")] == [
        "2026-11", "2026-12", "2027-01", "2027-02"]
    assert [p.code for p in rules.periods_between(dt.date(2026, 5, 1), dt.date(2027, 1, 1), "half")] == [
        "2026-H1", "2026-H2", "2027-H1"]
    assert rules.period_of(dt.date(2027, 8, 9), "quarter").code == "2027-Q3"


@pytest.mark.parametrize("base, months, rounding, floor_ten, owed", [
    (D("6543"), 1, "fen", True, D("32.70")),  # the part under ten yuan (3 yuan) is not counted
    (D("6543"), 1, "fen", False, D("32.72")),  # 32.715 rounds half up
    (D("6543"), 6, "yuan_up", True, D("197.00")),  # 196.20 → 197: one school's rule (× 0.005 × 6, up)
    (D("6543"), 6, "yuan", True, D("196.00")),
    (D("6549.99"), 3, "jiao", True, D("98.10")),  # 6540 × 0.005 × 3 = 98.10
    (D("0"), 6, "yuan_up", True, D("0.00")),
    (D("9.99"), 1, "fen", True, D("0.00")),
])
def test_dues_are_rounded_once_per_period(base, months, rounding, floor_ten, owed):
    assert rules.dues_owed(base, D("0.5"), months, rounding, floor_ten) == owed


def test_rounding_once_per_period_is_not_six_roundings():
    # 6,547 × 0.5% = 32.735 a month: rounded each month 32.74 × 6 = 196.44; once for the half year 196.41
    assert rules.dues_owed(D("6547"), D("0.5"), 6, "fen", False) == D("196.41")


@pytest.mark.parametrize("raw", ["-1", "1000000.01", "abc", None])
def test_absurd_or_negative_bases_are_refused(raw):
    with pytest.raises(ValueError, match="缴费基数"):
        rules.check_base(raw)


def test_a_base_of_a_million_is_the_ceiling():
    assert rules.check_base("1,000,000") == D("1000000.00")


@pytest.mark.parametrize("raw", ["0", "-0.5", "6", "abc", "NaN"])
def test_bad_rates_are_refused(raw):
    with pytest.raises(ValueError, match="会费比例"):
        rules.check_rate(raw)


def test_rates():
    assert rules.membership_rate(57, 3) == D("95.0")
    assert rules.membership_rate(2, 1) == D("66.7")
    assert rules.membership_rate(0, 0) is None
    assert rules.collection_rate(D("150"), D("200")) == D("75.0")
    assert rules.collection_rate(D("0"), D("0")) is None
