"""Visits: serial numbers, caps, relatives, voiding and re-issue, batches, 应访未访."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from union_desk.db.models import AuditLog, Counter, HardshipFile, Member, Relative, Visit, VisitType
from union_desk.errors import ValidationError
from union_desk.services import visits
from union_desk.services.visits import CapExceeded

TODAY = dt.date.today()


@pytest.fixture
def people(db):
    a = Member.create(name="王芳", sex="女", birth_date=dt.date(1980, 5, 1), department="语文组")
    b = Member.create(name="李强", sex="男", birth_date=dt.date(1975, 3, 2), department="数学组")
    return a, b


def vtype(name):
    return VisitType.get(VisitType.name == name)


def test_serials_count_per_year_and_are_never_reused(people):
    a, _ = people
    v1 = visits.create_visit({"member": a.id, "visit_type": vtype("生病住院").id, "date": "2026-03-01", "cash": 300})
    v2 = visits.create_visit({"member": a.id, "visit_type": vtype("生病住院").id, "date": "2026-04-01", "cash": 300})
    v3 = visits.create_visit({"member": a.id, "visit_type": vtype("生病住院").id, "date": "2025-12-30", "cash": 300})
    assert (v1.serial, v2.serial, v3.serial) == ("WF2026-0001", "WF2026-0002", "WF2025-0001")
    visits.void_visit(v2, "金额登记错误")
    v4 = visits.create_visit({"member": a.id, "visit_type": vtype("生病住院").id, "date": "2026-05-01", "cash": 300})
    assert v4.serial == "WF2026-0003"
    assert Counter.get_by_id("visit-serial-2026").value == 3


def test_cash_defaults_to_the_standard(people):
    a, _ = people
    v = visits.create_visit({"member": a.id, "visit_type": vtype("生病住院").id, "date": TODAY})
    assert v.cash == Decimal("500.00")


def test_over_the_per_visit_cap_needs_a_reason(people):
    a, _ = people
    data = {"member": a.id, "visit_type": vtype("生病住院").id, "date": TODAY, "cash": "1200"}
    with pytest.raises(CapExceeded) as info:
        visits.create_visit(data)
    assert "上限 1,000.00 元" in info.value.message and "原因" in info.value.message
    assert Visit.select().count() == 0
    v = visits.create_visit({**data, "over_cap_reason": "住院手术，经工会委员会研究"})
    assert v.cash == Decimal("1200.00")


def test_per_member_year_cap_counts_other_visits_but_not_voided_ones(people):
    a, _ = people
    birthday = vtype("生日")  # 300 per member per year
    first = visits.create_visit({"member": a.id, "visit_type": birthday.id, "date": "2026-01-05", "cash": 200})
    with pytest.raises(CapExceeded) as info:
        visits.create_visit({"member": a.id, "visit_type": birthday.id, "date": "2026-06-05", "cash": 200})
    assert "已发 200.00 元" in info.value.message and "400.00" in info.value.message
    visits.void_visit(first, "重复登记")
    visits.create_visit({"member": a.id, "visit_type": birthday.id, "date": "2026-06-05", "cash": 200})
    # Another year starts from zero.
    visits.create_visit({"member": a.id, "visit_type": birthday.id, "date": "2025-01-05", "cash": 300})


def test_condolence_for_a_relative_needs_the_members_relative(people):
    a, b = people
    mother = Relative.create(member=a, name="赵桂兰", relation="母亲", death_date=TODAY)
    other = Relative.create(member=b, name="李父", relation="父亲")
    kind = vtype("直系亲属去世")
    with pytest.raises(ValidationError) as info:
        visits.create_visit({"member": a.id, "visit_type": kind.id, "date": TODAY})
    assert "需要选择去世的亲属" in info.value.message
    with pytest.raises(ValidationError) as info:
        visits.create_visit({"member": a.id, "visit_type": kind.id, "date": TODAY, "relative": other.id})
    assert "不是 王芳 的亲属" in info.value.message
    v = visits.create_visit({"member": a.id, "visit_type": kind.id, "date": TODAY, "relative": mother.id})
    assert v.relative.name == "赵桂兰"


def test_bad_amount_and_fund_source(people):
    a, _ = people
    with pytest.raises(ValidationError):
        visits.create_visit({"member": a.id, "visit_type": vtype("生病住院").id, "date": TODAY, "cash": "五百"})
    with pytest.raises(ValidationError) as info:
        visits.create_visit({"member": a.id, "visit_type": vtype("生病住院").id, "date": TODAY, "fund_source": "小金库"})
    assert "经费来源" in info.value.message
    assert Visit.select().count() == 0
    assert Counter.select().count() == 0


def test_printed_visit_amount_is_fixed_and_reissue_keeps_the_old_serial(people):
    a, _ = people
    v = visits.create_visit({"member": a.id, "visit_type": vtype("生病住院").id, "date": TODAY, "cash": 500})
    assert visits.mark_printed(v) is False
    assert visits.mark_printed(v) is True  # the second print is a reprint (补打)
    with pytest.raises(ValidationError) as info:
        visits.update_visit(v, {"cash": 600})
    assert "已打印" in info.value.message
    visits.update_visit(v, {"follow_up": "已出院"})  # other fields may still change
    new = visits.reissue(v, "金额应为600元", {"cash": 600})
    old = Visit.get_by_id(v.id)
    assert old.voided and old.void_reason == "金额应为600元" and old.cash == Decimal("500.00")
    assert new.replaces_id == old.id and new.serial != old.serial and new.cash == Decimal("600.00")
    assert AuditLog.select().where((AuditLog.action == "void") & (AuditLog.record_id == old.id)).count() == 1


def test_void_needs_a_reason(people):
    a, _ = people
    v = visits.create_visit({"member": a.id, "visit_type": vtype("生病住院").id, "date": TODAY})
    with pytest.raises(ValidationError):
        visits.void_visit(v, "  ")
    assert not Visit.get_by_id(v.id).voided


def test_batch_is_all_or_nothing(people):
    a, b = people
    warmth = vtype("春节送温暖")
    made = visits.batch_visits([a.id, b.id], warmth.id, 500, TODAY, reason="春节送温暖")
    assert len(made) == 2 and len({v.batch for v in made}) == 1
    # 1,200 more would pass the 1,500 yearly cap for both: the whole batch is refused.
    with pytest.raises(ValidationError) as info:
        visits.batch_visits([a.id, b.id], warmth.id, 1200, TODAY)
    assert "整批未保存" in info.value.message and "王芳" in info.value.message
    assert Visit.select().count() == 2


def test_totals_follow_filters_and_skip_voided(people):
    a, b = people
    sick = vtype("生病住院")
    v1 = visits.create_visit({"member": a.id, "visit_type": sick.id, "date": "2026-03-01", "cash": 300})
    visits.create_visit({"member": b.id, "visit_type": sick.id, "date": "2026-03-15", "cash": 400, "fund_source": "学校行政"})
    visits.create_visit({"member": b.id, "visit_type": sick.id, "date": "2026-04-15", "cash": 100})
    visits.void_visit(v1, "错登")
    march = list(visits.visits_query(visits.VisitFilter(year=2026, month=3)))
    assert visits.totals(march) == (1, Decimal("400.00"))
    admin = list(visits.visits_query(visits.VisitFilter(year=2026, fund_source="学校行政")))
    assert [v.member.name for v in admin] == ["李强"]


def test_due_visits(people):
    a, b = people
    today = dt.date(2026, 11, 23)
    HardshipFile.create(member=a, grade="相对困难", main_cause="因病致困", found_date=dt.date(2026, 1, 10))
    b.status, b.status_date = "退休", today - dt.timedelta(days=20)
    b.save()
    mother = Relative.create(member=a, name="赵桂兰", relation="母亲", death_date=today - dt.timedelta(days=5))
    c = Member.create(name="生日人", sex="女", birth_date=dt.date(1990, 11, 2))
    due = visits.due_visits(today)
    reasons = {(d.member.name, d.visit_type_name) for d in due}
    assert ("王芳", "家庭困难") in reasons
    assert ("李强", "退休") in reasons
    assert ("王芳", "直系亲属去世") in reasons
    assert ("生日人", "生日") in reasons
    visits.create_visit({"member": a.id, "visit_type": vtype("直系亲属去世").id, "date": today, "relative": mother.id})
    visits.create_visit({"member": c.id, "visit_type": vtype("生日").id, "date": today})
    reasons = {(d.member.name, d.visit_type_name) for d in visits.due_visits(today)}
    assert ("王芳", "直系亲属去世") not in reasons and ("生日人", "生日") not in reasons
    # The condolence visit this year also counts as visiting the hardship household.
    assert ("王芳", "家庭困难") not in reasons


def test_visit_types_are_editable_and_unique(db):
    t = visits.save_visit_type({"name": "高温慰问", "standard_amount": "100", "cap_per_visit": "", "group": "节日"})
    assert t.cap_per_visit is None and t.standard_amount == Decimal("100.00")
    with pytest.raises(ValidationError):
        visits.save_visit_type({"name": "高温慰问"})
    visits.save_visit_type({"active": False}, t)
    assert "高温慰问" not in [v.name for v in visits.visit_types()]


def test_a_batch_over_a_cap_asks_for_one_reason(people):
    a, b = people
    warmth = vtype("春节送温暖")  # 1,500 per member per year
    with pytest.raises(CapExceeded) as info:
        visits.batch_visits([a.id, b.id], warmth.id, 1600, TODAY)
    assert len(info.value.warnings) == 2 and "整批未保存" in info.value.message
    assert Visit.select().count() == 0
    made = visits.batch_visits([a.id, b.id], warmth.id, 1600, TODAY, over_cap_reason="经工会委员会研究")
    assert [v.over_cap_reason for v in made] == ["经工会委员会研究"] * 2
    # a problem other than a cap refuses the batch with the list of problems
    with pytest.raises(ValidationError) as info:
        visits.batch_visits([a.id, b.id], vtype("直系亲属去世").id, 500, TODAY)
    assert not isinstance(info.value, CapExceeded) and "整批未保存" in info.value.message
    assert Visit.select().count() == 2


def test_year_totals_count_in_sql_and_skip_voided(people):
    a, b = people
    sick = vtype("生病住院")
    v1 = visits.create_visit({"member": a.id, "visit_type": sick.id, "date": "2026-03-01", "cash": "300.50"})
    visits.create_visit({"member": b.id, "visit_type": sick.id, "date": "2026-07-15", "cash": 400})
    visits.create_visit({"member": b.id, "visit_type": sick.id, "date": "2025-12-31", "cash": 100})
    assert visits.year_totals(2026) == (2, Decimal("700.50"))
    visits.void_visit(v1, "错登")
    assert visits.year_totals(2026) == (1, Decimal("400.00"))
    assert visits.year_totals(2024) == (0, Decimal("0.00"))
