"""会费 (issue 20): what each member owes for a period (the base on the first day, the rate, the
rounding setting, exemptions), payments posted once to 0.1 会费收入, asking first, arrears and the
collection rate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from union_desk.db.fund_models import FundEntry, FundLink
from union_desk.db.membership_models import DuesPayment
from union_desk.errors import ValidationError
from union_desk.services import dues, members, membership, settings


def _member(name="张老师", department="语文组", **extra):
    return members.create_member({"name": name, "sex": "女", "department": department, "joined_union_date": "2010-09-01", **extra})


def _pay(member, period, amount, day="2027-01-20", method="工资代扣", **extra):
    return dues.record_payment(member, {"period": period, "amount": amount, "date": day, "method": method, **extra},
                               force=extra.pop("force", False))


def _entries():
    return [(e.category.code, e.amount, e.summary, e.date.isoformat()) for e in FundEntry.select().order_by(FundEntry.id)]


def test_owed_uses_the_base_in_effect_on_the_first_day(db):
    member = _member()
    dues.set_base(member, "6543", "2026-09-01")
    dues.set_base(member, "7020", "2027-01-15")  # a rise in the middle of January counts from February
    assert dues.owed_for(member, "2027-01").owed == D("32.70")
    assert dues.owed_for(member, "2027-02").owed == D("35.10")
    assert dues.owed_for(member, "2027-01").base_effective == dt.date(2026, 9, 1)
    settings.save({"dues_rounding": "yuan_up"})
    assert dues.owed_for(member, "2027-H1").owed == D("197.00")  # 6540 × 0.5% × 6 = 196.20, up to whole yuan
    settings.save({"dues_floor_ten": "0", "dues_rounding": "fen", "dues_rate": "1"})
    assert dues.owed_for(member, "2027-01").owed == D("65.43")
    assert dues.owed_for(member, "2026-08").note == "未设缴费基数"


def test_setting_a_base_refuses_absurd_values_and_replaces_one_on_the_same_day(db):
    member = _member()
    for raw, words in (("-100", "不能"), ("1000000.01", "不合常理"), ("abc", "缴费基数")):
        with pytest.raises(ValidationError, match=words):
            dues.set_base(member, raw, "2027-01-01")
    dues.set_base(member, "5000", "2027-01-01")
    dues.set_base(member, "5200", "2027-01-01")
    assert [(b.effective, b.amount) for b in dues.bases_of(member)] == [(dt.date(2027, 1, 1), D("5200.00"))]


def test_kept_membership_and_exemptions_owe_nothing_with_the_reason(db):
    retired = _member("退休者")
    dues.set_base(retired, "4000", "2026-01-01")
    members.change_status(retired, "退休", dt.date(2026, 6, 30))
    ill = _member("病休者")
    dues.set_base(ill, "5000", "2026-01-01")
    dues.add_exemption(ill, "2026-09-01", "2027-02-28", "长期病休")
    with pytest.raises(ValidationError, match="截止日期早于起始日期"):
        dues.add_exemption(ill, "2027-03-01", "2027-01-01", "病休")
    with pytest.raises(ValidationError, match="免缴原因"):
        dues.add_exemption(ill, "2027-03-01", None, "")
    rows = {r.member.name: r for r in dues.dues_rows("2027-01", dt.date(2027, 2, 10))}
    assert (rows["退休者"].owed, rows["退休者"].exempt_reason, rows["退休者"].note) == (D("0.00"), "保留会籍（退休）", "免缴：保留会籍（退休）")
    assert (rows["病休者"].owed, rows["病休者"].exempt_reason) == (D("0.00"), "长期病休")
    assert dues.owed_for(ill, "2027-03").owed == D("25.00")
    assert dues.owed_for(retired, "2026-06").owed == D("20.00")  # still in service on 6-01


def test_who_is_listed_for_a_period(db):
    stays = _member("留下")
    gone = _member("调走")
    members.change_status(gone, "调出", dt.date(2026, 12, 15))
    left_before = _member("早已调走")
    members.change_status(left_before, "调出", dt.date(2026, 11, 1))
    names = [r.member.name for r in dues.dues_rows("2026-12", dt.date(2026, 12, 20))]
    assert sorted(names) == ["留下", "调走"]
    assert "早已调走" not in names and stays.id


def test_a_payment_posts_once_to_dues_income_and_a_void_reverses_it(db):
    member = _member()
    dues.set_base(member, "6000", "2026-01-01")
    payment = _pay(member, "2027-01", "30", method="现金", collector="李会计")
    assert payment.receipt == "HF2027-001"
    assert _entries() == [("0.1", D("30.00"), "会费收入：张老师 2027年1月（现金）", "2027-01-20")]
    assert FundEntry.get().handler == "李会计"
    assert [(link.source_kind, link.source_id, link.amount) for link in FundLink.select()] == [("dues", payment.id, D("30.00"))]
    transfer = _pay(member, "2027-02", "30", method="转账")
    assert transfer.receipt is None
    dues.void_payment(payment, "重复登记")
    assert _entries()[-1][:2] == ("0.1", D("-30.00"))
    assert FundEntry.select().count() == 3
    with pytest.raises(ValidationError, match="已作废"):
        dues.void_payment(DuesPayment.get_by_id(payment.id), "again")
    assert dues.owed_for(member, "2027-01").paid == D("0.00")


def test_paying_twice_or_for_an_exempt_member_asks_first(db):
    member = _member()
    dues.set_base(member, "6000", "2026-01-01")
    _pay(member, "2027-H1", "180")
    with pytest.raises(dues.NeedsConfirmation) as asked:
        _pay(member, "2027-H1", "180")
    assert "2027年上半年已缴 180.00 元" in asked.value.warnings[0]
    with pytest.raises(dues.NeedsConfirmation, match="随2027-H1"):
        _pay(member, "2027-03", "30")
    assert DuesPayment.select().count() == 1 and FundEntry.select().count() == 1
    _pay(member, "2027-H1", "10", force=True)
    assert dues.owed_for(member, "2027-H1").paid == D("190.00")
    retired = _member("退休者", status="退休", status_date="2020-01-31")
    with pytest.raises(dues.NeedsConfirmation, match="免缴会费"):
        _pay(retired, "2027-01", "20")


@pytest.mark.parametrize("data, words", [
    ({"period": "2027-13", "amount": "30"}, "期间"),
    ({"period": "2027-01", "amount": "0"}, "大于 0"),
    ({"period": "2027-01", "amount": "-5"}, "金额"),
    ({"period": "2027-01", "amount": "2000000"}, "不合常理"),
    ({"period": "2027-01", "amount": "30", "method": "支付宝"}, "缴费方式"),
    ({"period": "2027-01", "amount": "30", "date": "2027-02-30"}, "缴费日期"),
])
def test_bad_payments_are_refused(db, data, words):
    member = _member()
    with pytest.raises(ValidationError, match=words):
        dues.record_payment(member, data, force=True)
    assert DuesPayment.select().count() == 0 and FundEntry.select().count() == 0


def test_a_batch_posts_one_entry_linked_to_each_payment(db):
    people = [_member(f"会员{n}") for n in range(3)]
    for person in people:
        dues.set_base(person, "6000", "2026-01-01")
    checked = [dues.check_payment(p, {"period": "2027-03", "amount": "30", "date": "2027-03-25", "collector": "李会计"})[0]
               for p in people]
    payments = dues.record_payments(checked, "2027-03·batch")
    assert _entries() == [("0.1", D("90.00"), "2027年3月会费（工资代扣）3人", "2027-03-25")]
    assert sorted(link.source_id for link in FundLink.select()) == sorted(p.id for p in payments)
    dues.void_payment(payments[1], "代扣错误")
    assert _entries()[-1][1] == D("-30.00")
    rows = {r.member.name: r for r in dues.dues_rows("2027-03", dt.date(2027, 4, 2))}
    assert [rows[f"会员{n}"].paid for n in range(3)] == [D("30.00"), D("0.00"), D("30.00")]
    total = dues.totals(list(rows.values()))
    assert (total.owed, total.paid, total.unpaid, total.rate) == (D("90.00"), D("60.00"), 1, D("66.7"))


def test_months_in_arrears_and_the_six_month_flag(db):
    payer, late, new = _member("按时"), _member("欠缴"), _member("新来")
    for person in (payer, late):
        dues.set_base(person, "5000", "2026-01-01")
    dues.set_base(new, "5000", "2026-11-01")
    for month in range(1, 13):
        _pay(payer, f"2026-{month:02d}", "25", day=f"2026-{month:02d}-20")
    for month in range(1, 6):
        _pay(late, f"2026-{month:02d}", "25", day=f"2026-{month:02d}-20")
    today = dt.date(2027, 1, 10)  # December has ended, January not yet
    rows = {r.member.name: r.arrears_months for r in dues.dues_rows("2027-01", today)}
    assert rows == {"按时": 0, "欠缴": 7, "新来": 2}
    assert [r.member.name for r in dues.flagged(today)] == ["欠缴"]
    assert sorted(r.member.name for r in dues.dues_rows("2026-12", today, unpaid_only=True)) == ["新来", "欠缴"]
    settings.save({"dues_period": "half"})
    assert dues.arrears_months(late, today) == 7  # 2026-H2 unpaid (6), H1 paid 125 of 150 (1 more)
    membership.add_event(late, {"kind": "保留会籍", "date": "2026-06-30", "reason": "失业"})
    assert dues.arrears_months(late, today) == 0  # kept membership from H2 on: nothing owed


def test_settings_are_checked(db):
    with pytest.raises(ValidationError, match="会费比例"):
        settings.save({"dues_rate": "50"})
    with pytest.raises(ValidationError, match="取整"):
        settings.save({"dues_rounding": "随便"})
    with pytest.raises(ValidationError, match="收缴周期"):
        settings.save({"dues_period": "weekly"})
    settings.save({"dues_rounding": "向上取整到元", "dues_period": "按季度"})
    assert (dues.rounding(), dues.period_kind()) == ("yuan_up", "quarter")


def test_notes_are_kept_on_the_payment_and_the_base(db):
    member = _member()
    base = dues.set_base(member, "6000", "2026-01-01", note="2026年工资调整")
    payment = _pay(member, "2027-01", "30", method="现金", note="本人交现金")
    assert DuesPayment.get_by_id(payment.id).note == "本人交现金"
    assert type(base).get_by_id(base.id).note == "2026年工资调整"


def test_before_joining_nothing_is_owed_and_no_arrears_are_counted(db):
    member = members.create_member({"name": "新会员", "joined_union_date": "2026-10-08"})
    dues.set_base(member, "6000", "2026-01-01")  # a base from the payroll before she joined
    assert dues.owed_for(member, "2026-09").owed == D("0.00")
    assert dues.owed_for(member, "2026-09").note == "期初不是本会会员，本期不缴"
    assert dues.owed_for(member, "2026-10").owed == D("0.00")  # joined during October: owes from November
    assert dues.owed_for(member, "2026-11").owed == D("30.00")
    assert dues.arrears_months(member, dt.date(2026, 12, 5)) == 1  # November; nothing before she joined
    assert dues.parse_period(dues.parse_period("2026-11")).code == "2026-11"


def test_a_new_rate_applies_from_the_current_period_and_past_periods_keep_theirs(db, monkeypatch):
    from union_desk.db.membership_models import PastDuesRule

    member = _member()
    dues.set_base(member, "6000", "2026-01-01")
    settings.save({"dues_rate": "0.6"})  # nothing collected yet: no history kept, every period uses 0.6%
    assert PastDuesRule.select().count() == 0 and dues.owed_for(member, "2026-03").owed == D("36.00")
    settings.save({"dues_rate": "0.5"})
    _pay(member, "2026-03", "30", day="2026-03-20")
    settings.save({"dues_rate": "1", "dues_rounding": "yuan_up"})
    [kept] = PastDuesRule.select()
    current = dues.parse_period(f"{dt.date.today():%Y-%m}")
    assert (kept.until, kept.rate, kept.rounding, kept.floor_ten) == (current.first - dt.timedelta(days=1), "0.5", "fen", True)
    march = dues.owed_for(member, "2026-03")
    assert (march.owed, march.paid, march.unpaid) == (D("30.00"), D("30.00"), False)  # collected under 0.5%: unchanged
    assert dues.owed_for(member, current.code).owed == D("60.00")  # the new rate from the current period on
    settings.save({"dues_rate": "0.8"})  # a second change in the same period keeps the first history row
    assert PastDuesRule.select().count() == 1 and dues.owed_for(member, "2026-03").owed == D("30.00")


def test_a_payment_for_someone_outside_the_union_asks_first(db):
    member = _member()
    dues.set_base(member, "6000", "2026-01-01")
    members.change_status(member, "调出", dt.date(2026, 9, 21))
    with pytest.raises(dues.NeedsConfirmation, match="不是本会会员"):
        _pay(member, "2026-10", "30")
    assert DuesPayment.select().count() == 0


def test_changing_rate_and_period_together_keeps_the_months_collected(db):
    from union_desk.db.membership_models import PastDuesRule

    member = _member()
    dues.set_base(member, "6000", "2026-01-01")
    _pay(member, "2026-07", "30", day="2026-07-20")
    settings.save({"dues_rate": "1", "dues_period": "half"})
    current_month = dues.parse_period(f"{dt.date.today():%Y-%m}")
    assert PastDuesRule.get().until == current_month.first - dt.timedelta(days=1)  # by the months collected so far
    assert dues.owed_for(member, "2026-07").owed == D("30.00")


def test_a_longer_period_covers_its_months_only_when_paid_in_full(db):
    member = _member()
    dues.set_base(member, "6000", "2026-01-01")
    _pay(member, "2026-Q3", "1", day="2026-07-10")  # 1 yuan of the 90 the quarter owes
    assert dues.owed_for(member, "2026-08").unpaid
    _pay(member, "2026-Q3", "89", day="2026-07-11", force=True)
    august = dues.owed_for(member, "2026-08")
    assert (august.unpaid, august.covered_by) == (False, "2026-Q3")


def test_arrears_start_with_the_dues_book_not_with_an_old_base(db):
    member = _member()
    dues.set_base(member, "6000", "2015-01-01")  # the base's real date, long before the app kept dues
    payer = _member("乙")
    dues.set_base(payer, "6000", "2015-01-01")
    for month in range(9, 12):
        _pay(payer, f"2026-{month:02d}", "30", day=f"2026-{month:02d}-20")
    assert dues.arrears_months(member, dt.date(2026, 12, 5)) == 3  # September to November, not eleven years


def test_ending_an_exemption_is_one_step(db):
    from union_desk.db.membership_models import DuesExemption

    member = _member()
    exemption = dues.add_exemption(member, "2026-03-01", None, "产假")
    with pytest.raises(ValidationError, match="截止日期早于起始日期"):
        dues.end_exemption(exemption, "2026-02-01")
    assert [(e.start, e.end) for e in DuesExemption.select()] == [(dt.date(2026, 3, 1), None)]
    dues.end_exemption(DuesExemption.get(), "2026-08-31")
    assert [(e.start, e.end, e.reason) for e in DuesExemption.select()] == [(dt.date(2026, 3, 1), dt.date(2026, 8, 31), "产假")]
