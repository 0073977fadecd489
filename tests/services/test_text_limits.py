"""Issue 11 item 11: every service cleans what it stores and bounds what it accepts.

Control characters (also written as Excel's `_xHHHH_` escapes) never reach the database; too long
text is refused with the field named and nothing written; 1e20 or a 30-digit number in a money or
whole-number field is a ValidationError (never OverflowError), with no row written.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from union_desk.db.models import (
    Activity,
    ActivityItem,
    Assistance,
    HardshipFile,
    HardshipReview,
    Member,
    PlanItem,
    PlanTemplateRule,
    Relative,
    Setting,
    SignUp,
    Team,
    Visit,
    VisitType,
)
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import activities, hardship, members, plan, plan_template, settings, visits

DIRTY = "\x01王\x1b_x0000_芳_x001B_\x7f"  # every one of these characters must go
HUGE = [1e20, "1e20", "123456789012345678901234567890", 10**30]
TODAY = dt.date.today()
START = dt.datetime(2026, 12, 20, 9, 0)


def refused(call, field: str, *words: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call()
    assert info.value.field == field, info.value.message
    for word in words:
        assert word in info.value.message
    return info.value


@pytest.fixture
def member(db):
    return Member.create(name="陈静", sex="女", birth_date=dt.date(1982, 7, 1), status="在职")


def vtype(name: str) -> VisitType:
    return VisitType.get(VisitType.name == name)


# --- members and relatives -----------------------------------------------------------------------


def test_member_text_is_stored_without_control_characters(db):
    m = members.create_member(
        {"name": DIRTY, "department": "语文\x1b组", "title": "一级_x0007_教师", "notes": "第一行\r\n第二行\x01_x0000_"}
    )
    row = Member.get_by_id(m.id)
    assert (row.name, row.department, row.title) == ("王芳", "语文组", "一级教师")
    assert row.notes == "第一行\n第二行"
    assert row.pinyin_key.startswith("wangfang") or "王芳" in row.pinyin_key


def test_member_too_long_text_is_refused_and_nothing_written(member):
    before = Member.select().count()
    error = refused(lambda: members.create_member({"name": "王" * 41}), "name", "姓名", "最多 40 字，现在 41 字")
    assert [i.field for i in error.issues] == ["name"]
    refused(lambda: members.update_member(member, {"notes": "记" * 2001}), "notes", "备注", "最多 2000 字，现在 2001 字")
    assert Member.select().count() == before
    assert Member.get_by_id(member.id).notes == ""


def test_relative_text_is_cleaned_and_limited(member):
    members.save_relatives(member, [{"name": "陈_x0001_父", "relation": "父亲", "health": "良好\x1b", "notes": "住院\x00"}])
    row = Relative.get(Relative.member == member)
    assert (row.name, row.health, row.notes) == ("陈父", "良好", "住院")
    long_school = {"name": "陈母", "relation": "母亲", "work_or_school": "校" * 129}
    refused(lambda: members.save_member(member, {"notes": "x"}, [long_school]), "work_or_school", "亲属工作单位或学校最多 128 字")
    assert Relative.select().count() == 1 and Member.get_by_id(member.id).notes == ""


def test_member_status_note_is_limited(member):
    refused(lambda: members.change_status(member, "退休", TODAY, note="说" * 501), "note", "说明最多 500 字")
    assert Member.get_by_id(member.id).status == "在职"


def test_absurd_record_numbers_are_not_found_not_overflow(db):
    for get in (members.get_member, visits.get_visit, hardship.get_file, activities.get_activity, plan.get_item, plan_template.get_rule):
        with pytest.raises(NotFoundError):
            get(10**30)


# --- hardship files and assistance ---------------------------------------------------------------


FILE = {"grade": "相对困难", "main_cause": "因病致困"}


def test_hardship_text_is_cleaned(member):
    f = hardship.open_file(member, {**FILE, "housing": "租房\x01", "description": "_x001B_母亲\r\n住院\x07"})
    row = HardshipFile.get_by_id(f.id)
    assert (row.housing, row.description) == ("租房", "母亲\n住院")
    review = hardship.review_file(row, TODAY, "无变化\x1b", reviewer="王_x0000_芳")
    assert (HardshipReview.get_by_id(review.id).note, HardshipReview.get_by_id(review.id).reviewer) == ("无变化", "王芳")
    hardship.close_file(HardshipFile.get_by_id(f.id), "已脱困", TODAY, "子女工作\x01")
    assert HardshipFile.get_by_id(f.id).status_reason == "子女工作"


def test_hardship_too_long_text_is_refused(member):
    refused(lambda: hardship.open_file(member, {**FILE, "description": "困" * 2001}), "description", "情况说明最多 2000 字，现在 2001 字")
    refused(lambda: hardship.open_file(member, {**FILE, "housing": "房" * 65}), "housing", "住房情况最多 64 字")
    assert HardshipFile.select().count() == 0
    f = hardship.open_file(member, FILE)
    refused(lambda: hardship.review_file(f, TODAY, "复" * 501), "note", "复核意见最多 500 字")
    refused(lambda: hardship.close_file(f, "已脱困", TODAY, "因" * 501), "status_reason", "原因最多 500 字")
    assert HardshipReview.select().count() == 0 and HardshipFile.get_by_id(f.id).status == "在档"


@pytest.mark.parametrize("huge", HUGE)
def test_hardship_money_and_household_size_refuse_huge_numbers(member, huge):
    refused(lambda: hardship.open_file(member, {**FILE, "monthly_income": huge}), "monthly_income", "家庭月收入")
    refused(lambda: hardship.open_file(member, {**FILE, "household_size": huge}), "household_size", "家庭人口")
    assert HardshipFile.select().count() == 0
    f = hardship.open_file(member, FILE)
    for key, label in (("cash", "救助金"), ("goods_value", "物品价值")):
        refused(lambda: hardship.add_assistance(f, {"kind": "生活救助", key: huge}), key, label)
    assert Assistance.select().count() == 0


def test_assistance_text_is_cleaned_and_limited(member):
    f = hardship.open_file(member, FILE)
    refused(lambda: hardship.add_assistance(f, {"kind": "生活救助", "cash": 500, "notes": "注" * 501}), "notes", "备注最多 500 字")
    refused(lambda: hardship.add_assistance(f, {"kind": "生活救助", "goods": "米" * 129}), "goods", "物品最多 128 字")
    assert Assistance.select().count() == 0
    a = hardship.add_assistance(f, {"kind": "生活救助", "cash": 500, "handler": "王\x01芳", "notes": "慰问_x0000_金"})
    row = Assistance.get_by_id(a.id)
    assert (row.handler, row.notes, row.cash) == ("王芳", "慰问金", Decimal("500.00"))
    refused(lambda: hardship.void_assistance(row, "错" * 501), "void_reason", "作废原因最多 500 字")
    assert not Assistance.get_by_id(a.id).voided
    hardship.void_assistance(row, "重复登记\x1b")
    assert Assistance.get_by_id(a.id).void_reason == "重复登记"


# --- visits and visit types ----------------------------------------------------------------------


def visit_data(member, **extra):
    return {"member": member.id, "visit_type": vtype("生病住院").id, "date": TODAY, "cash": 300, **extra}


def test_visit_text_is_cleaned(member):
    v = visits.create_visit(
        visit_data(member, reason="住院\r\n手术\x01", place="市一医院\x1b", visitors="王芳_x0000_、李强", handler="陈\x07超",
                   follow_up="出院后\t再访_x001B_")
    )
    row = Visit.get_by_id(v.id)
    assert (row.reason, row.place, row.visitors, row.handler) == ("住院\n手术", "市一医院", "王芳、李强", "陈超")
    assert row.follow_up == "出院后\t再访"
    visits.void_visit(row, "金额错误\x01")
    assert Visit.get_by_id(v.id).void_reason == "金额错误"


@pytest.mark.parametrize(
    "key, text, message",
    [
        ("reason", "因" * 501, "事由最多 500 字，现在 501 字"),
        ("place", "地" * 65, "地点最多 64 字"),
        ("visitors", "人" * 129, "慰问人员最多 128 字"),
        ("follow_up", "跟" * 2001, "跟进情况最多 2000 字"),
        ("over_cap_reason", "超" * 501, "超标准原因最多 500 字"),
        ("batch", "B" * 33, "批次最多 32 字"),
    ],
)
def test_visit_too_long_text_is_refused(member, key, text, message):
    refused(lambda: visits.create_visit(visit_data(member, **{key: text})), key, message)
    assert Visit.select().count() == 0


@pytest.mark.parametrize("huge", HUGE)
def test_visit_money_refuses_huge_amounts(member, huge):
    for key, label in (("cash", "慰问金"), ("goods_value", "慰问品价值")):
        refused(lambda: visits.create_visit(visit_data(member, **{key: huge})), key, label, "金额")
        refused(lambda: visits.restore_visit(visit_data(member, **{key: huge})), key, label)
    error = refused(lambda: visits.batch_visits([member.id], vtype("生病住院").id, huge, TODAY), "cash", "慰问金")
    assert "整批" not in error.message  # one message for the batch, not one per member
    assert Visit.select().count() == 0


def test_visit_void_reason_is_limited(member):
    v = visits.create_visit(visit_data(member))
    refused(lambda: visits.void_visit(v, "废" * 501), "void_reason", "作废原因最多 500 字")
    assert not Visit.get_by_id(v.id).voided


def test_visit_refuses_absurd_member_numbers(member):
    refused(lambda: visits.create_visit({**visit_data(member), "member": 10**30}), "会员", "会员编号")
    assert Visit.select().count() == 0


@pytest.mark.parametrize("huge", HUGE)
def test_visit_type_money_and_order_refuse_huge_numbers(db, huge):
    before = VisitType.select().count()
    for key, label in (("standard_amount", "标准金额"), ("cap_per_visit", "每次上限"), ("cap_per_member_year", "每人每年上限")):
        refused(lambda: visits.save_visit_type({"name": "新类别", key: huge}), key, label)
    refused(lambda: visits.save_visit_type({"name": "新类别", "sort_order": huge}), "sort_order", "排序")
    assert VisitType.select().count() == before


def test_visit_type_text_is_cleaned_and_limited(db):
    before = VisitType.select().count()
    refused(lambda: visits.save_visit_type({"name": "类" * 33}), "name", "类别名称最多 32 字")
    assert VisitType.select().count() == before
    t = visits.save_visit_type({"name": "教师\x01节", "group": "节日_x0000_"})
    assert (VisitType.get_by_id(t.id).name, VisitType.get_by_id(t.id).group) == ("教师节", "节日")


# --- activities, items, teams, sign-ups ----------------------------------------------------------


@pytest.fixture
def activity(db):
    return activities.save_activity({"title": "运动会", "start": START, "status": "报名中"}, items=[{"name": "拔河", "team_based": True}])


def test_activity_text_is_cleaned(db):
    a = activities.save_activity(
        {"title": "趣味\x01运动会", "start": START, "place": "操场_x001B_", "organiser": "工会\x7f", "description": "上午\r\n拔河\x00"},
        items=[{"name": "跳\x1b绳", "capacity": "20"}],
    )
    row = Activity.get_by_id(a.id)
    assert (row.title, row.place, row.organiser, row.description) == ("趣味运动会", "操场", "工会", "上午\n拔河")
    assert ActivityItem.get(ActivityItem.activity == a).name == "跳绳"


def test_activity_too_long_text_and_huge_money_are_refused(db):
    base = {"title": "运动会", "start": START}
    refused(lambda: activities.save_activity({**base, "title": "运" * 129}), "title", "活动名称最多 128 字")
    refused(lambda: activities.save_activity({**base, "description": "介" * 2001}), "description", "活动介绍最多 2000 字")
    for huge in HUGE:
        refused(lambda: activities.save_activity({**base, "budget": huge}), "budget", "预算")
        refused(lambda: activities.save_activity({**base, "actual_cost": huge}), "actual_cost", "实际支出")
        refused(lambda: activities.save_activity({**base, "min_age": huge}), "min_age", "年龄限制")
    refused(lambda: activities.save_activity({**base, "max_age": "²"}), "max_age", "年龄限制")  # was a ValueError
    refused(lambda: activities.save_activity(base, items=[{"name": "拔河", "capacity": 10**30}]), "capacity", "名额")
    assert Activity.select().count() == 0 and ActivityItem.select().count() == 0


@pytest.mark.parametrize("huge", HUGE)
def test_item_capacity_and_ranks_refuse_huge_numbers(activity, member, huge):
    item = activity.items.get()
    refused(lambda: activities.add_item(activity, "跳绳", huge), "capacity", "名额")
    refused(lambda: activities.set_capacity(item, huge), "capacity", "名额")
    assert ActivityItem.select().count() == 1 and ActivityItem.get_by_id(item.id).capacity is None
    signup = activities.sign_up(item, member)
    refused(lambda: activities.set_result(signup, huge, "一等奖"), "rank", "名次")
    refused(lambda: activities.restore_signup(item, member, {"queue_no": huge}, signup), "queue_no", "报名序号")
    assert SignUp.get_by_id(signup.id).rank is None and SignUp.get_by_id(signup.id).queue_no == 1


def test_signup_and_team_text_is_cleaned_and_limited(activity, member):
    item = activity.items.get()
    refused(lambda: activities.add_team(item, "队" * 65, [member.id]), "name", "队名最多 64 字")
    assert Team.select().count() == 0 and SignUp.select().count() == 0
    team = activities.add_team(item, "语文\x01组", [member.id])
    assert Team.get_by_id(team.id).name == "语文组"
    signup = SignUp.get(SignUp.member == member)
    activities.set_result(signup, "1", "一等奖_x0000_")
    assert SignUp.get_by_id(signup.id).award == "一等奖"
    refused(lambda: activities.restore_signup(item, member, {"notes": "备" * 501}, signup), "notes", "备注最多 500 字")
    activities.restore_signup(item, member, {"notes": "迟到\x1b"}, signup)
    assert SignUp.get_by_id(signup.id).notes == "迟到"


# --- plan and plan template ----------------------------------------------------------------------


def test_plan_item_text_is_cleaned_and_limited(db):
    item = plan.create_item(2026, {"title": "三八\x01活动", "month": 3, "responsible": "王_x0000_芳", "notes": "上午\r\n下午\x1b"})
    row = PlanItem.get_by_id(item.id)
    assert (row.title, row.responsible, row.notes) == ("三八活动", "王芳", "上午\n下午")
    refused(lambda: plan.create_item(2026, {"title": "会议", "month": 3, "notes": "备" * 2001}), "notes", "备注最多 2000 字")
    refused(lambda: plan.cancel_item(row, "因" * 501), "reason", "取消原因最多 500 字")
    assert PlanItem.select().count() == 1 and PlanItem.get_by_id(item.id).status == "未开始"


@pytest.mark.parametrize("huge", HUGE + [99999])
def test_plan_year_and_month_refuse_huge_numbers(db, huge):
    refused(lambda: plan.create_item(huge, {"title": "会议", "month": 3}), "year", "计划年度")
    refused(lambda: plan.create_item(2026, {"title": "会议", "month": huge}), "month", "月份")
    assert PlanItem.select().count() == 0


def test_template_rule_text_is_cleaned_and_numbers_bounded(db):
    before = PlanTemplateRule.select().count()
    for key in ("month", "day", "offset_days", "sort_order"):
        for huge in HUGE:
            refused(lambda: plan_template.create_rule({"title": "三八", "kind": "fixed", "month": 3, "day": 8, key: huge}), key)
    refused(lambda: plan_template.create_rule({"title": "三" * 129, "kind": "fixed", "month": 3, "day": 8}), "title", "计划事项最多 128 字")
    assert PlanTemplateRule.select().count() == before
    rule = plan_template.create_rule({"title": "三八\x01节", "kind": "fixed", "month": 3, "day": 8, "responsible": "女工\x1b委员"})
    row = PlanTemplateRule.get_by_id(rule.id)
    assert (row.title, row.responsible) == ("三八节", "女工委员")


# --- settings ------------------------------------------------------------------------------------


def test_settings_are_cleaned_and_limited(db):
    settings.save({"school_name": "文澜\x01学校_x0000_", "chair": "王\x1b芳"})
    assert Setting.get_by_id("school_name").value == "文澜学校"
    assert Setting.get_by_id("chair").value == "王芳"
    refused(lambda: settings.save({"union_name": "工" * 65, "chair": "李强"}), "union_name", "工会名称最多 64 字，现在 65 字")
    assert Setting.get_or_none(Setting.key == "union_name") is None and settings.get("chair") == "王芳"
    assert settings.LIMITS["school_name"] == 64


def test_a_claimed_serial_number_is_bounded(member):
    huge = "WF2026-" + "9" * 30  # the year's counter would overflow SQLite's integer
    for serial in (huge, "WF2026-0001\n"):
        refused(lambda: visits.restore_visit(visit_data(member, date="2026-03-01"), serial=serial), "serial", "单号")
    assert Visit.select().count() == 0
    visit, _ = visits.restore_visit(visit_data(member, date="2026-03-01"), serial="WF2026-12345678")
    assert Visit.get_by_id(visit.id).serial == "WF2026-12345678"


def test_a_far_away_review_date_is_refused_not_a_crash(member):
    # 9999-06-01 + one year (the next review) does not exist: it used to raise a bare ValueError
    data = {**FILE, "last_review_date": "9999-06-01"}
    refused(lambda: hardship.restore_file(member, data), "last_review_date", "最近复核日期", "日期超出范围")
    refused(lambda: visits.create_visit(visit_data(member, date="0001-01-01")), "date", "日期超出范围")
    assert HardshipFile.select().count() == 0 and Visit.select().count() == 0
