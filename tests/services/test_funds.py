"""工会经费 services (issue 19): posting from visits, assistance, batches and activities; reversals;
reconciliation to the fen; budget warnings; cap groups (the issue's example); closed periods; the
running balance; entries typed by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from union_desk.db.fund_models import FundClosing, FundEntry, FundLink
from union_desk.db.models import Visit, VisitType
from union_desk.domain import funds as rules
from union_desk.errors import ValidationError
from union_desk.services import activities, audit, fund_posting, funds, hardship, members, settings, visits

D = Decimal


@pytest.fixture
def school(db):
    return {
        "zhang": members.create_member({"name": "张三", "sex": "男", "department": "语文组"}),
        "li": members.create_member({"name": "李四", "sex": "女", "department": "数学组"}),
    }


def vtype(name: str) -> VisitType:
    return VisitType.get(VisitType.name == name)


def entries() -> list[tuple]:
    return [(e.serial, e.category.code, e.amount, e.reverses_id is not None) for e in funds.list_entries()]


def visit(member, type_name="生病住院", cash="300", day="2026-03-10", **more):
    return visits.create_visit({"member": member, "visit_type": vtype(type_name), "cash": cash, "date": day, **more})


def test_a_visit_posts_its_cash_once_linked_both_ways(school):
    v = visit(school["zhang"])
    assert entries() == [("JZ2026-0001", "1.4", D("300.00"), False)]
    entry = FundEntry.get()
    assert entry.date == dt.date(2026, 3, 10) and entry.summary == "生病住院慰问 张三 WF2026-0001"
    assert [(link.source_kind, link.source_id, link.amount) for link in funds.links_of(entry)] == [("visit", v.id, D("300.00"))]
    assert funds.source_text(entry) == "走访慰问 WF2026-0001"
    assert fund_posting.posted_amount("visit", v.id) == D("300.00")
    fund_posting.posted("visit", [Visit.get_by_id(v.id)])  # posting again changes nothing
    assert FundEntry.select().count() == 1


def test_school_paid_visits_post_nothing_and_goods_only_with_the_setting(school):
    visit(school["zhang"], fund_source="学校行政")
    assert FundEntry.select().count() == 0
    v = visit(school["li"], cash="200", goods="慰问品", goods_value="150")
    assert [e[2] for e in entries()] == [D("200.00")]
    settings.save({"funds_post_goods": "1"})
    fund_posting.posted("visit", [Visit.get_by_id(v.id)])
    assert fund_posting.posted_amount("visit", v.id) == D("350.00")


def test_editing_an_unprinted_amount_reposts_and_voiding_reverses(school):
    v = visit(school["zhang"])
    visits.update_visit(Visit.get_by_id(v.id), {"cash": "350"})
    assert entries() == [("JZ2026-0001", "1.4", D("300.00"), False), ("JZ2026-0002", "1.4", D("-300.00"), True),
                         ("JZ2026-0003", "1.4", D("350.00"), False)]
    reversal = FundEntry.get(FundEntry.serial == "JZ2026-0002")
    assert reversal.reverses.serial == "JZ2026-0001" and reversal.date == dt.date(2026, 3, 10)
    visits.update_visit(Visit.get_by_id(v.id), {"fund_source": "学校行政"})
    assert fund_posting.posted_amount("visit", v.id) == D("0.00")
    visits.update_visit(Visit.get_by_id(v.id), {"fund_source": "工会经费"})
    visits.void_visit(Visit.get_by_id(v.id), "登记错了")
    assert fund_posting.posted_amount("visit", v.id) == D("0.00")
    assert sum((e.amount for e in FundEntry.select()), D(0)) == D("0.00")
    assert FundEntry.select().where(FundEntry.reverses.is_null(False)).count() == 3


def test_a_printed_slip_keeps_its_fund_source(school):
    v = visit(school["zhang"])
    visits.mark_printed(Visit.get_by_id(v.id))
    with pytest.raises(ValidationError, match="已打印"):
        visits.update_visit(Visit.get_by_id(v.id), {"fund_source": "学校行政"})


def test_a_batch_posts_one_entry_linked_to_all_its_visits(school):
    made = visits.batch_visits([school["zhang"].id, school["li"].id], vtype("春节送温暖").id, "500", dt.date(2026, 1, 20))
    entry = FundEntry.get()
    assert (entry.summary, entry.category.code, entry.amount) == ("春节送温暖 2人", "2.5", D("1000.00"))
    assert sorted(link.source_id for link in funds.links_of(entry)) == sorted(v.id for v in made)
    visits.void_visit(Visit.get_by_id(made[0].id), "已调出")
    reversal = FundEntry.get(FundEntry.reverses == entry)
    assert reversal.amount == D("-500.00") and [link.source_id for link in funds.links_of(reversal)] == [made[0].id]
    assert fund_posting.posted_amount("visit", made[1].id) == D("500.00")


def test_help_visits_and_assistance_go_to_2_4(school):
    visit(school["zhang"], "金秋助学", cash="1000", day="2026-08-20")
    file = hardship.open_file(school["li"], {"grade": "相对困难", "main_cause": "因病致困"})
    record = hardship.add_assistance(file, {"date": "2026-04-01", "kind": "医疗救助", "cash": "2000"})
    assert [(code, amount) for _, code, amount, _ in entries()] == [("2.4", D("2000.00")), ("2.4", D("1000.00"))]
    hardship.void_assistance(record, "重复登记")
    assert fund_posting.posted_amount("assistance", record.id) == D("0.00")


def test_an_activity_posts_its_cost_when_it_ends_then_the_difference(school):
    activity = activities.save_activity({"title": "教工羽毛球赛", "start": "2026-05-01 14:00", "actual_cost": "1200"})
    assert FundEntry.select().count() == 0  # not ended yet
    activities.save_activity({"status": "已结束"}, activity)
    activities.save_activity({"actual_cost": "1500"}, activity)
    activities.save_activity({"actual_cost": "1400"}, activity)
    assert [(code, amount) for _, code, amount, _ in entries()] == [("1.2", D("1200.00")), ("1.2", D("300.00")),
                                                                   ("1.2", D("-100.00"))]
    talk = activities.save_activity({"title": "心理健康讲座", "category": "讲座", "start": "2026-06-01 14:00",
                                     "actual_cost": "800", "status": "已结束"})
    assert fund_posting.posted_amount("activity", talk.id) == D("800.00")
    assert FundEntry.select().order_by(FundEntry.id.desc()).first().category.code == "1.1"


def test_reconciliation_holds_to_the_fen_even_across_a_closed_year(school):
    for i, cash in enumerate(("300.10", "200.05", "999.99")):
        visit(school["zhang"] if i % 2 else school["li"], cash=cash, day=f"2025-0{i + 3}-10")
    visit(school["zhang"], fund_source="学校行政", day="2025-06-01")
    gone = visit(school["li"], cash="123.45", day="2025-11-11")
    check = funds.reconcile_visits(2025)
    assert check.posted == check.ledger == D("1623.59") and check.holds
    funds.close_period("2025年", "2025-01-01", "2025-12-31")
    visits.void_visit(Visit.get_by_id(gone.id), "补录错误", )
    late = FundEntry.get(FundEntry.reverses.is_null(False))
    assert late.date == dt.date.today()  # the original's year is closed: dated the day of the void
    last = funds.reconcile_visits(2025)
    assert last.ledger == D("1500.14") and last.posted == D("1623.59") and last.holds
    assert last.explained == D("123.45")
    if late.date.year != 2025:
        this = funds.reconcile_visits(late.date.year)
        assert this.posted == D("-123.45") and this.holds and [e.id for e in this.late_reversals] == [late.id]


def test_entries_by_hand_are_checked(school):
    for amount, message in (("0", "应大于 0"), ("-5", "应大于 0"), ("12.345", "最多两位小数"), ("abc", "不是数字")):
        with pytest.raises(ValidationError, match=message):
            funds.add_entry({"date": "2026-03-01", "summary": "x", "category": "0.2", "amount": amount})
    with pytest.raises(ValidationError, match="未知的科目"):
        funds.add_entry({"date": "2026-03-01", "summary": "x", "category": "9.9", "amount": "1"})
    entry, warnings = funds.add_entry({"date": "2026-03-01", "summary": "拨缴经费", "category": "0.2 拨缴经费收入",
                                       "amount": "18,600.50", "handler": "王会计", "attachments": 2})
    assert (entry.serial, entry.amount, entry.category.code, warnings) == ("JZ2026-0001", D("18600.50"), "0.2", [])
    assert audit.history("fund_entry", entry.id)[0].action == "create"


def test_past_the_budget_needs_a_reason(school):
    funds.set_budget(2026, funds.category_by_code("3.2"), "1000")
    funds.add_entry({"date": "2026-03-01", "summary": "会场布置", "category": "3.2", "amount": "600"})
    with pytest.raises(funds.OverBudget, match="超出预算1,000.00元"):
        funds.add_entry({"date": "2026-04-01", "summary": "会务用品", "category": "3.2", "amount": "1400"})
    entry, warnings = funds.add_entry({"date": "2026-04-01", "summary": "会务用品", "category": "3.2", "amount": "1400",
                                       "over_budget_reason": "临时增加一次代表大会"})
    assert warnings == ["超出预算1,000.00元"] and entry.over_budget_reason == "临时增加一次代表大会"
    figure = {f.code: f for f in funds.report(dt.date(2026, 1, 1), dt.date(2026, 12, 31)).categories}["3.2"]
    assert (figure.budget, figure.amount, figure.execution) == (D("1000.00"), D("2000.00"), D(2))


def test_cap_groups_add_up_across_visit_types_goods_included(school):
    festival = [vtype(n) for n in ("春节送温暖", "三八节慰问", "教师节慰问", "重阳敬老")]
    funds.save_cap_group({"name": "节日慰问", "year": 2026, "cap": "1500", "goods_count": True,
                          "visit_types": [t.id for t in festival]})
    li = school["li"]
    visit(li, "春节送温暖", cash="0", goods="年货", goods_value="600", day="2026-02-01")
    visit(li, "三八节慰问", cash="200", day="2026-03-08")
    visit(li, "教师节慰问", cash="500", day="2026-09-10", over_cap_reason="")
    warnings = visits.cap_warnings(li, vtype("重阳敬老"), dt.date(2026, 10, 20), D("300"))
    assert "李四本年节日慰问已发1,300.00元，加上本次共1,600.00元，超过1,500.00元" in warnings
    with pytest.raises(visits.CapExceeded):
        visit(li, "重阳敬老", cash="300", day="2026-10-20")
    assert visit(li, "重阳敬老", cash="300", day="2026-10-20", over_cap_reason="区工会特批").cash == D("300.00")
    # a group that does not count goods: 600 of goods left out
    group = funds.cap_groups(2026)[0]
    funds.save_cap_group({"goods_count": False}, group)
    assert visits.cap_warnings(li, vtype("重阳敬老"), dt.date(2026, 10, 21), D("300")) == []
    assert funds.cap_groups(2027) == []  # per year


def test_a_closed_period_refuses_entries_until_reopened(school):
    closing = funds.close_period("2026年春季学期", "2026-02-01", "2026-07-31")
    with pytest.raises(ValidationError, match="已结账"):
        funds.add_entry({"date": "2026-03-01", "summary": "x", "category": "0.2", "amount": "1"})
    with pytest.raises(ValidationError, match="已结账"):
        visit(school["zhang"], day="2026-03-10")
    assert Visit.select().count() == 0  # the visit is not saved either
    with pytest.raises(ValidationError, match="须写明原因"):
        funds.reopen_period(closing, "")
    funds.reopen_period(closing, "补记漏登的慰问")
    visit(school["zhang"], day="2026-03-10")
    assert FundEntry.select().count() == 1
    assert "反结账" in audit.history("fund_closing", closing.id)[-1].note


def test_the_running_balance_and_the_report(school):
    funds.set_opening(2026, "10000")
    funds.add_entry({"date": "2026-01-05", "summary": "拨缴经费", "category": "0.2", "amount": "5000"})
    visit(school["zhang"], cash="300", day="2026-01-10")
    funds.add_entry({"date": "2026-02-01", "summary": "会议", "category": "3.2", "amount": "99.99"})
    opening, rows = funds.ledger_rows(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert opening == D("10000.00")
    assert [(r.income, r.spending, r.balance) for r in rows] == [
        (D("5000.00"), None, D("15000.00")), (None, D("300.00"), D("14700.00")), (None, D("99.99"), D("14600.01"))]
    opening, rows = funds.ledger_rows(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert opening == D("14700.00") and rows[0].balance == D("14600.01")
    report = funds.report(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert (report.opening, report.income, report.spending, report.closing) == (D("10000.00"), D("5000.00"), D("399.99"), D("14600.01"))
    data = funds.report_json(report)
    assert data["closing"] == 14600.01 and data["posted_from"]["visits"] == 300.0
    assert {"code", "name", "budget", "income", "spending"} <= set(data["categories"][0])


def test_categories_with_entries_are_retired_not_deleted(school):
    category = funds.save_category({"code": "1.6", "name": "工会小家建设支出"})
    assert category.kind == "支出"
    funds.add_entry({"date": "2026-03-01", "summary": "小家沙发", "category": "1.6", "amount": "800"})
    with pytest.raises(ValidationError, match="只能停用"):
        funds.delete_category(category)
    funds.save_category({"active": False}, category)
    with pytest.raises(ValidationError, match="已停用"):
        funds.add_entry({"date": "2026-03-02", "summary": "x", "category": "1.6", "amount": "1"})
    spare = funds.save_category({"code": "0.8", "name": "捐赠收入"})
    assert spare.kind == "收入"
    funds.delete_category(spare)
    with pytest.raises(ValidationError, match="1.4 的形式"):
        funds.save_category({"code": "X", "name": "y"})


def test_reversals_are_made_by_the_app_and_not_twice(school):
    entry, _ = funds.add_entry({"date": "2026-03-01", "summary": "购书", "category": "1.1", "amount": "500"})
    reversal = funds.reverse_entry(entry, "发票作废")
    assert reversal.amount == D("-500.00") and reversal.reverses_id == entry.id
    with pytest.raises(ValidationError, match="可冲销的金额为 0.00 元"):
        funds.reverse_entry(FundEntry.get_by_id(entry.id), "再冲一次")
    with pytest.raises(ValidationError, match="冲销凭证不能再冲销"):
        funds.reverse_entry(reversal, "x")


def test_serials_are_per_year_and_never_reused(school):
    first, _ = funds.add_entry({"date": "2026-03-01", "summary": "a", "category": "0.2", "amount": "1"})
    kept, _ = funds.add_entry({"date": "2026-03-02", "summary": "b", "category": "0.2", "amount": "1"}, serial="JZ2026-0009")
    nxt, _ = funds.add_entry({"date": "2026-03-03", "summary": "c", "category": "0.2", "amount": "1"})
    assert (first.serial, kept.serial, nxt.serial) == ("JZ2026-0001", "JZ2026-0009", "JZ2026-0010")
    with pytest.raises(ValidationError, match="已被使用"):
        funds.add_entry({"date": "2026-03-02", "summary": "b", "category": "0.2", "amount": "1"}, serial="JZ2026-0009")
    assert FundLink.select().count() == 0


def test_domain_rules():
    assert rules.cap_group_warning("节日慰问", D("1300"), D("300"), D("1500")) == "本年节日慰问已发1,300.00元，加上本次共1,600.00元，超过1,500.00元"
    assert rules.cap_group_warning("节日慰问", D("1200"), D("300"), D("1500")) == ""
    assert rules.budget_warning(D("600"), D("1400"), D("1000")) == "超出预算1,000.00元"
    assert rules.budget_warning(D("600"), D("400"), D("1000")) == ""
    assert rules.running_balance(D("10"), [("0.2", D("5")), ("1.4", D("7.5"))]) == [D("15"), D("7.5")]
    assert rules.owed("学校行政", False, D("100")) == D("0.00") and rules.owed("工会经费", True, D("100")) == D("0.00")
    assert rules.owed("工会经费", False, D("100"), D("50"), post_goods=True) == D("150")


def test_the_opening_balance_carries_forward_unless_set(school):
    funds.set_opening(2025, "1000")
    funds.add_entry({"date": "2025-05-01", "summary": "拨缴经费", "category": "0.2", "amount": "500"})
    funds.add_entry({"date": "2025-06-01", "summary": "会议", "category": "3.2", "amount": "200.50"})
    assert funds.opening_of(2026) == D("1299.50") == funds.balance_before(dt.date(2026, 1, 1))
    assert funds.opening_of(2024) == D("0.00")
    funds.set_opening(2026, "1300")
    assert funds.opening_of(2026) == D("1300.00")


def test_budgets_openings_and_caps_are_never_rounded_silently(school):
    with pytest.raises(ValidationError, match="最多两位小数"):
        funds.set_budget(2026, funds.category_by_code("3.2"), "12.345")
    with pytest.raises(ValidationError, match="不能是负数"):
        funds.set_opening(2026, "-1")
    with pytest.raises(ValidationError, match="最多两位小数"):
        funds.save_cap_group({"name": "节日慰问", "year": 2026, "cap": "1500.005", "visit_types": [vtype("生日").id]})
    funds.set_budget(2026, funds.category_by_code("3.2"), "")
    assert funds.budget_of(funds.category_by_code("3.2"), 2026) == D("0.00")


def test_a_birthday_batch_stays_collective_welfare(school):
    visits.batch_visits([school["zhang"].id, school["li"].id], vtype("生日").id, "200", dt.date(2026, 4, 1))
    assert [(e.summary, e.category.code) for e in FundEntry.select()] == [("生日 2人", "1.4")]


def test_a_changed_date_or_type_reposts_even_with_the_same_amount(school):
    v = visit(school["zhang"], cash="400", day="2025-12-30")
    visits.update_visit(Visit.get_by_id(v.id), {"date": "2026-01-02"})
    assert funds.reconcile_visits(2025).holds and funds.reconcile_visits(2026).holds
    assert funds.reconcile_visits(2026).posted == D("400.00")
    visits.update_visit(Visit.get_by_id(v.id), {"visit_type": vtype("金秋助学")})
    live = [e for e in FundEntry.select() if e.reverses_id is None and not e.reversals.count()]
    assert [(e.category.code, e.amount) for e in live] == [("2.4", D("400.00"))]


def test_an_activity_lowered_across_postings_and_cancelled(school):
    activity = activities.save_activity({"title": "羽毛球赛", "start": "2026-05-01 14:00", "status": "已结束",
                                         "actual_cost": "1000"})
    activities.save_activity({"actual_cost": "1500"}, activity)
    activities.save_activity({"actual_cost": "200"}, activity)
    assert fund_posting.posted_amount("activity", activity.id) == D("200.00")
    activities.save_activity({"status": "已取消"}, activity)
    assert fund_posting.posted_amount("activity", activity.id) == D("0.00")


def test_a_reversal_splits_a_batch_to_the_fen(school):
    third = members.create_member({"name": "王五", "sex": "男"})
    made = visits.batch_visits([school["zhang"].id, school["li"].id, third.id], vtype("春节送温暖").id, "500",
                               dt.date(2026, 1, 20))
    batch = FundEntry.get()
    funds.reverse_entry(batch, "整批重复登记", amount=D("1000.00"))  # two thirds of 1,500.00
    parts = [link.amount for link in funds.links_of(FundEntry.get(FundEntry.reverses == batch))]
    assert sum(parts, D(0)) == D("-1000.00") and all(p == p.quantize(D("0.01")) for p in parts)
    assert sum((fund_posting.posted_amount("visit", v.id) for v in made), D(0)) == D("500.00")


def test_mapped_categories_keep_their_code_and_huge_amounts_are_refused(school):
    with pytest.raises(ValidationError, match="用于自动记账"):
        funds.save_category({"code": "1.9"}, funds.category_by_code("1.4"))
    for raw in ("1e30", "1e400", "123456789012345678901234567890"):
        with pytest.raises(ValidationError, match="太大"):
            funds.add_entry({"date": "2026-03-01", "summary": "x", "category": "0.2", "amount": raw})
        with pytest.raises(ValidationError, match="太大"):
            funds.set_opening(2026, raw)


def test_a_closed_year_keeps_its_opening_and_repost_all_is_all_or_nothing(school):
    funds.close_period("2025年", "2025-01-01", "2025-12-31")
    with pytest.raises(ValidationError, match="已结账"):
        funds.set_opening(2025, "5")
    funds.reopen_period(FundClosing.get(), "补记")
    early = visit(school["zhang"], cash="100", day="2025-06-01", goods="水果", goods_value="50")
    late = visit(school["li"], cash="100", day="2026-03-01", goods="水果", goods_value="50")
    funds.close_period("2026年1—3月", "2026-01-01", "2026-03-31")
    settings.save({"funds_post_goods": "1"})
    with pytest.raises(ValidationError, match="已结账"):
        fund_posting.repost_all()
    assert fund_posting.posted_amount("visit", early.id) == D("100.00")  # nothing half done
    assert fund_posting.posted_amount("visit", late.id) == D("100.00")
    with pytest.raises(ValidationError, match="未知的慰问类别"):
        funds.save_cap_group({"name": "x", "year": 2026, "cap": "1", "visit_types": [None]})
    assert funds.save_cap_group({"name": "节日", "year": 2026, "cap": "1", "visit_types": "春节送温暖、三八节慰问"}).types.count() == 2
