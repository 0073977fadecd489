"""会籍 (issue 20): membership events and the status that follows them, the archive's own status
changes becoming events, joining from the non-member staff list, and 入会率 on a date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from union_desk.db.membership_models import MembershipEvent, NonMemberStaff
from union_desk.db.models import AuditLog, Member
from union_desk.errors import ValidationError
from union_desk.services import members, membership


def _member(name="张老师", joined="2010-09-01", **extra):
    return members.create_member({"name": name, "sex": "女", "department": "语文组", "joined_union_date": joined, **extra})


def _kinds(member):
    return [(e.kind, e.date.isoformat(), e.voided) for e in membership.events_of(member)]


def _fresh(member):
    return Member.get_by_id(member.id)


def test_a_new_member_gets_an_join_event_and_events_set_the_status(db):
    member = _member()
    assert _kinds(member) == [("入会", "2010-09-01", False)]
    event = membership.add_event(member, {"kind": "转出", "date": "2026-08-31", "other_union": "市第二中学工会",
                                          "handler": "王主席"})
    assert event.letter_number == "JS2026-001"
    member = _fresh(member)
    assert (member.status, member.status_date) == ("调出", dt.date(2026, 8, 31))
    with pytest.raises(ValidationError, match="已调出，不能再转出"):
        membership.add_event(member, {"kind": "转出", "date": "2026-09-30", "other_union": "甲"})
    back = membership.add_event(member, {"kind": "转入", "date": "2026-11-01", "other_union": "市第二中学工会",
                                         "letter_number": "（2026）第12号"})
    member = _fresh(member)
    assert member.status == "在职" and member.joined_union_date == dt.date(2010, 9, 1)  # 一次入会: the join date stays
    assert back.letter_number == "(2026)第12号"  # typed full-width, stored as the other texts are (NFKC)
    # the second letter of the year takes the next number
    assert membership.add_event(member, {"kind": "转出", "date": "2026-11-20", "other_union": "区教育局工会"}).letter_number == "JS2026-002"


def test_transfers_need_the_other_union_and_keeping_needs_a_known_reason(db):
    member = _member()
    with pytest.raises(ValidationError, match="转入单位工会"):
        membership.add_event(member, {"kind": "转出", "date": "2026-08-31"})
    with pytest.raises(ValidationError, match="保留会籍原因"):
        membership.add_event(member, {"kind": "保留会籍", "date": "2026-08-31", "reason": "出国"})
    with pytest.raises(ValidationError, match="变动类型"):
        membership.add_event(member, {"kind": "开除", "date": "2026-08-31"})
    with pytest.raises(ValidationError, match="变动日期"):
        membership.add_event(member, {"kind": "退会", "date": ""})
    assert _kinds(member) == [("入会", "2010-09-01", False)]


def test_keeping_membership_for_unemployment_and_restoring_it(db):
    member = _member()
    membership.add_event(member, {"kind": "保留会籍", "date": "2025-02-01", "reason": "失业"})
    assert _fresh(member).status == "保留会籍"
    membership.add_event(member, {"kind": "恢复", "date": "2025-09-01"})
    assert _fresh(member).status == "在职"
    with pytest.raises(ValidationError, match="无需恢复会籍"):
        membership.add_event(member, {"kind": "恢复", "date": "2025-10-01"})


def test_an_event_dated_before_the_latest_does_not_take_over_the_status(db):
    member = _member()
    membership.add_event(member, {"kind": "退会", "date": "2026-06-01", "reason": "本人申请"})
    membership.add_event(member, {"kind": "入会", "date": "2026-10-01"}, check_order=True)
    assert _fresh(member).status == "在职"
    assert [e.kind for e in membership.events_of(member)] == ["入会", "退会", "入会"]
    assert _fresh(member).joined_union_date == dt.date(2010, 9, 1)


def test_voiding_an_event_keeps_it_and_the_status_follows_what_is_left(db):
    member = _member()
    wrong = membership.add_event(member, {"kind": "除名", "date": "2026-05-01", "reason": "连续六个月未缴会费"})
    assert _fresh(member).status == "退会"
    with pytest.raises(ValidationError, match="作废原因"):
        membership.void_event(wrong, "")
    membership.void_event(wrong, "登记错了")
    assert _fresh(member).status == "在职"
    assert _kinds(member) == [("入会", "2010-09-01", False), ("除名", "2026-05-01", True)]
    assert AuditLog.select().where((AuditLog.table_name == "membership_event") & (AuditLog.action == "void")).count() == 1
    with pytest.raises(ValidationError, match="已作废"):
        membership.void_event(MembershipEvent.get_by_id(wrong.id), "再作废")


def test_a_status_set_in_the_archive_becomes_an_event(db):
    member = _member()
    members.change_status(member, "退休", dt.date(2026, 7, 31), note="到龄退休")
    assert _kinds(member)[-1] == ("保留会籍", "2026-07-31", False)
    assert MembershipEvent.select().order_by(MembershipEvent.id.desc()).get().reason == "退休"
    member = _fresh(member)
    members.update_member(member, {"status": "调出", "status_date": "2026-09-01"})
    assert _kinds(member)[-1] == ("转出", "2026-09-01", False)
    members.update_member(_fresh(member), {"status": "在职", "status_date": "2026-10-01"})
    assert _kinds(member)[-1] == ("转入", "2026-10-01", False)  # back from 调出 is a 转入
    assert _fresh(member).status == "在职"
    members.update_member(_fresh(member), {"joined_union_date": "2011-03-01"})
    assert membership.events_of(member)[0].date == dt.date(2011, 3, 1)


def test_a_member_created_retired_and_a_roster_import_get_their_history(db):
    retired = _member("李老师", "1995-09-01", status="退休", status_date="2024-01-31")
    assert _kinds(retired) == [("入会", "1995-09-01", False), ("保留会籍", "2024-01-31", False)]
    created, errors = members.create_members([
        {"name": "赵一", "joined_union_date": "2020-09-01"},
        {"name": "钱二", "joined_union_date": "2021-09-01", "status": "调出", "status_date": "2026-02-01"},
        {"name": "孙三"},
    ])
    assert not errors
    history = {m.name: _kinds(m) for m in Member.select().where(Member.id.in_(list(created.values())))}
    assert history == {"赵一": [("入会", "2020-09-01", False)],
                       "钱二": [("入会", "2021-09-01", False), ("转出", "2026-02-01", False)], "孙三": []}


def test_joining_from_the_staff_list(db):
    staff = membership.save_staff({"name": "周新", "sex": "男", "department": "数学组", "employment_type": "合同",
                                   "id_number": "110101199001011237", "start_date": "2026-08-25"})
    assert membership.list_staff() == [staff]
    with pytest.raises(ValidationError, match="批准日期早于申请日期"):
        membership.join_from_staff(staff, {"date": "2026-10-20", "application_date": "2026-10-10", "approval_date": "2026-10-01"})
    assert Member.select().count() == 0
    member = membership.join_from_staff(staff, {"date": "2026-10-20", "application_date": "2026-09-15",
                                                "approval_date": "2026-10-20", "card_number": "HY20260012", "handler": "王主席"})
    assert (member.name, member.department, member.employment_type, member.id_number, member.joined_union_date) == (
        "周新", "数学组", "合同", "110101199001011237", dt.date(2026, 10, 20))
    [event] = membership.events_of(member)
    assert (event.kind, event.application_date, event.approval_date, event.card_number, event.handler, event.backfilled) == (
        "入会", dt.date(2026, 9, 15), dt.date(2026, 10, 20), "HY20260012", "王主席", False)
    staff = NonMemberStaff.get_by_id(staff.id)
    assert (staff.status, staff.member_id) == ("已入会", member.id)
    assert membership.list_staff() == []
    with pytest.raises(ValidationError, match="只有在职教职工可以入会"):
        membership.join_from_staff(staff, {"date": "2026-10-21"})
    with pytest.raises(ValidationError, match="已是会员"):
        membership.save_staff({"name": "周新", "id_number": "110101199001011237"})


def test_staff_records_are_checked(db):
    with pytest.raises(ValidationError, match="请填写姓名"):
        membership.save_staff({"name": " "})
    with pytest.raises(ValidationError, match="身份证号"):
        membership.save_staff({"name": "甲", "id_number": "123"})
    with pytest.raises(ValidationError, match="用工形式"):
        membership.save_staff({"name": "甲", "employment_type": "外包"})
    staff = membership.save_staff({"name": "甲", "id_number": "110101199001011237"})
    with pytest.raises(ValidationError, match="已在非会员名单中"):
        membership.save_staff({"name": "乙", "id_number": "110101199001011237"})
    with pytest.raises(ValidationError, match="变动日期"):
        membership.staff_leaves(staff, "离职", "")
    membership.staff_leaves(staff, "离职", "2026-07-01")
    assert membership.list_staff() == [] and membership.list_staff(include_gone=True) == [staff]


def test_membership_rate_on_a_date_leaves_retirees_out(db):
    for n in range(8):
        _member(f"会员{n}", "2000-09-01", department="语文组" if n < 5 else "后勤")
    _member("退休者", "1990-09-01", status="退休", status_date="2020-07-31")
    late = _member("新会员", "2026-10-01", department="后勤")
    gone = _member("调走者", "2001-09-01")
    members.change_status(gone, "调出", dt.date(2026, 3, 1))
    membership.save_staff({"name": "非会员甲", "department": "后勤", "employment_type": "临时工"})
    old = membership.save_staff({"name": "非会员乙", "department": "语文组", "start_date": "2026-09-01"})
    membership.staff_leaves(membership.save_staff({"name": "已离职", "department": "后勤"}), "离职", "2026-06-30")

    now = membership.membership_rate(dt.date(2026, 12, 1))
    assert (now.total.members, now.total.staff, now.total.rate) == (9, 2, D("81.8"))
    by_department = {r.label: (r.members, r.staff) for r in now.by_department}
    assert by_department == {"后勤": (4, 1), "语文组": (5, 1)}
    by_type = {r.label: (r.members, r.staff) for r in now.by_employment}
    assert by_type == {"在编": (9, 1), "临时工": (0, 1)}

    before = membership.membership_rate(dt.date(2026, 1, 1))  # 调走者 still here, 新会员 not yet, 乙 not yet hired, 已离职 there
    assert (before.total.members, before.total.staff) == (9, 2)
    assert late.id and old.id


def test_moves_in_a_year(db):
    member = _member("甲", "2026-03-01")
    membership.add_event(member, {"kind": "转出", "date": "2026-09-01", "other_union": "乙校工会"})
    other = _member("丙", "2000-01-01")
    membership.add_event(other, {"kind": "保留会籍", "date": "2026-07-31", "reason": "退休"})
    moves = membership.moves_between(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert (moves.joined, moves.transferred_in, moves.transferred_out, moves.left, moves.kept) == (1, 0, 1, 0, 1)


def test_transfer_letter_needs_a_transfer(db):
    member = _member()
    with pytest.raises(ValidationError, match="没有转出记录"):
        membership.transfer_letter_event(member)
    event = membership.add_event(member, {"kind": "转出", "date": "2026-08-31", "other_union": "乙校工会"})
    assert membership.transfer_letter_event(member.id) == event


def test_notes_are_kept_on_the_events(db):
    member = _member()
    event = membership.add_event(member, {"kind": "转出", "date": "2026-08-31", "other_union": "乙校工会", "note": "工作调动"})
    assert MembershipEvent.get_by_id(event.id).note == "工作调动"
    members.change_status(_fresh(member), "在职", dt.date(2026, 10, 1))
    assert membership.events_of(member)[-1].note == "在会员档案中修改"


def test_a_transfer_without_a_letter_number_is_numbered_when_its_letter_is_printed(db):
    member = _member()
    members.change_status(member, "调出", dt.date(2026, 9, 1))  # set in the archive: no letter number
    event = membership.events_of(member)[-1]
    assert (event.kind, event.letter_number) == ("转出", "")
    assert membership.transfer_letter_event(member).letter_number == "JS2026-001"
    assert MembershipEvent.get_by_id(event.id).letter_number == "JS2026-001"
    assert membership.transfer_letter_event(member).letter_number == "JS2026-001"  # once


def test_voiding_the_only_event_puts_the_member_back_in_service(db):
    member = members.create_member({"name": "无入会日期"})
    event = membership.add_event(member, {"kind": "退会", "date": "2026-05-01", "reason": "本人申请"})
    assert _fresh(member).status == "退会"
    membership.void_event(event, "登记错了")
    assert (_fresh(member).status, _fresh(member).status_date) == ("在职", None)
    assert membership.membership_rate(dt.date(2026, 6, 1)).total.members == 1


def test_a_member_without_a_join_date_was_a_member_before_a_status_change(db):
    member = members.create_member({"name": "无入会日期"})
    members.change_status(member, "退休", dt.date(2026, 7, 31))
    assert membership.membership_rate(dt.date(2026, 5, 1)).total.members == 1
    assert membership.member_status_on(_fresh(member), dt.date(2026, 5, 1)) == "在职"
    assert membership.member_status_on(_fresh(member), dt.date(2026, 8, 1)) == "退休"


def test_editing_the_join_date_moves_the_first_joining_not_a_rejoining(db):
    member = _member("复入会", "2010-09-01")
    membership.add_event(member, {"kind": "退会", "date": "2015-03-01"})
    membership.add_event(member, {"kind": "入会", "date": "2018-09-01"})
    members.update_member(_fresh(member), {"joined_union_date": "2009-09-01"})
    assert [(e.kind, e.date.isoformat()) for e in membership.events_of(member)] == [
        ("入会", "2009-09-01"), ("退会", "2015-03-01"), ("入会", "2018-09-01")]
    assert _fresh(member).status == "在职"


def test_a_member_made_by_hand_from_someone_on_the_staff_list_leaves_the_list(db):
    staff = membership.save_staff({"name": "周新", "id_number": "110101199001011237", "department": "数学组"})
    member = members.create_member({"name": "周新", "id_number": "110101199001011237", "joined_union_date": "2026-10-01"})
    staff = NonMemberStaff.get_by_id(staff.id)
    assert (staff.status, staff.member_id, staff.status_date) == ("已入会", member.id, dt.date(2026, 10, 1))
    assert membership.membership_rate(dt.date(2026, 11, 1)).total.staff == 0


def test_a_new_status_date_in_the_archive_moves_its_event(db):
    member = _member()
    members.change_status(member, "退休", dt.date(2026, 7, 31))
    members.change_status(_fresh(member), "退休", dt.date(2026, 8, 31))
    assert _kinds(member) == [("入会", "2010-09-01", False), ("保留会籍", "2026-08-31", False)]
    assert membership.status_on(member, dt.date(2026, 8, 15)) == "在职"


def test_a_status_dated_before_the_latest_event_is_refused_and_nothing_is_saved(db):
    member = _member()
    membership.add_event(member, {"kind": "转出", "date": "2025-03-01", "other_union": "乙校工会"})
    membership.add_event(member, {"kind": "转入", "date": "2026-02-01", "other_union": "乙校工会"})
    with pytest.raises(ValidationError, match="早于最近一次会籍变动"):
        members.save_member(_fresh(member), {"status": "退休", "status_date": "2024-12-31"})
    assert _fresh(member).status == "在职"
    assert [e.kind for e in membership.events_of(member)] == ["入会", "转出", "转入"]


def test_a_new_member_whose_status_date_is_before_joining_gets_a_history_giving_that_status(db):
    member = members.create_member({"name": "甲", "joined_union_date": "2010-09-01", "status": "调出",
                                    "status_date": "2009-01-01"})
    assert _kinds(member) == [("入会", "2010-09-01", False), ("转出", "2010-09-01", False)]
    assert membership.status_on(member, dt.date(2011, 1, 1)) == "调出"


def test_events_are_entered_after_they_happen_and_in_an_order_that_holds(db):
    member = _member()
    with pytest.raises(ValidationError, match="晚于今天"):
        membership.add_event(member, {"kind": "转出", "date": dt.date.today() + dt.timedelta(days=1), "other_union": "乙"})
    membership.add_event(member, {"kind": "退会", "date": "2026-06-01", "reason": "本人申请"})
    with pytest.raises(ValidationError, match="2026-06-01还有一次退会"):
        membership.add_event(member, {"kind": "除名", "date": "2026-03-01", "reason": "欠缴会费"})
    assert [e.kind for e in membership.events_of(member)] == ["入会", "退会"]
