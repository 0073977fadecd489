"""会议与登记 services (issue 17): attendance from roles, decisions reaching 首页, the meeting-count
warning, letters (numbering, anonymity, overdue), suggestions and campaigns."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.meeting_models import Decision, Letter, Meeting, MeetingAttendance, MeetingKind
from union_desk.db.models import PlanItem
from union_desk.domain import meetings as rules
from union_desk.errors import ValidationError
from union_desk.services import audit, meetings, members, settings

TODAY = dt.date(2027, 5, 12)  # a Wednesday


@pytest.fixture
def people(db):
    made = []
    for i, roles in enumerate(["工会委员", "工会委员,女工委员", "工会委员", "", "工会小组长", ""]):
        made.append(members.create_member({"name": f"委员{i}", "sex": "女", "department": "语文组", "union_roles": roles}))
    members.change_status(made[2], "退休", dt.date(2027, 1, 31))
    return made


def test_a_new_meeting_lists_the_people_of_its_roles_as_present(people):
    kind = meetings.kind_by_name("工会委员会")
    meeting = meetings.save_meeting({"kind": kind, "date": "2027-03-10", "place": "会议室", "topics": "议题一"})
    listed = {a.member.name for a in meetings.attendance_of(meeting)}
    assert listed == {"委员0", "委员1"}  # 委员2 retired: not expected
    assert {a.state for a in meetings.attendance_of(meeting)} == {"出席"}
    meetings.mark_attendance(meeting, [people[1].id], "请假", "外出培训")
    figures = meetings.attendance_figures(meeting)
    assert (figures.expected, figures.present, figures.leave, figures.absent) == (2, 1, 1, 0)
    assert figures.absent_text == "委员1（请假：外出培训）"
    with pytest.raises(ValidationError, match="不在这次会议的应到名单里"):
        meetings.mark_attendance(meeting, [people[3].id], "出席")


def test_a_kind_without_roles_expects_every_member_in_service(people):
    kind = meetings.kind_by_name("全体会员大会")
    meeting = meetings.save_meeting({"kind": kind, "date": "2027-03-10"})
    assert MeetingAttendance.select().where(MeetingAttendance.meeting == meeting).count() == 5


def test_given_attendees_replace_the_roles(people):
    kind = meetings.kind_by_name("工会委员会")
    meeting = meetings.save_meeting({"kind": kind, "date": "2027-03-10"}, attendees=[people[3].id, people[4]])
    assert {a.member_id for a in meetings.attendance_of(meeting)} == {people[3].id, people[4].id}
    meetings.set_attendees(meeting, [people[4]])
    assert [a.member_id for a in meetings.attendance_of(meeting)] == [people[4].id]


def test_meeting_needs_a_kind_and_a_date(db):
    with pytest.raises(ValidationError, match="会议类别"):
        meetings.save_meeting({"date": "2027-03-10"})
    with pytest.raises(ValidationError, match="未知的会议类别"):
        meetings.save_meeting({"kind": "茶话会", "date": "2027-03-10"})
    with pytest.raises(ValidationError, match="会议日期"):
        meetings.save_meeting({"kind": meetings.kind_by_name("工会委员会")})
    assert Meeting.select().count() == 0


def test_decisions_due_this_week_or_overdue_reach_home(people):
    meeting = meetings.save_meeting({"kind": meetings.kind_by_name("工会委员会"), "date": "2027-04-20"})
    overdue = meetings.add_decision(meeting, {"text": "逾期的", "owner": "委员0", "due_date": "2027-05-10"})
    sunday = meetings.add_decision(meeting, {"text": "周日到期", "due_date": "2027-05-16", "state": "在办"})
    meetings.add_decision(meeting, {"text": "下周到期", "due_date": "2027-05-17"})
    meetings.add_decision(meeting, {"text": "已办完", "due_date": "2027-05-01", "state": "已办", "done_date": "2027-04-30"})
    meetings.add_decision(meeting, {"text": "没有期限"})
    due = meetings.decisions_due(TODAY)
    assert [d.text for d in due] == ["逾期的", "周日到期"]
    assert rules.decision_due_text(overdue.due_date, overdue.state, TODAY) == "逾期2天"
    assert rules.decision_due_text(sunday.due_date, sunday.state, TODAY) == "本周到期"
    meetings.set_decision_state(overdue, "已办", dt.date(2027, 5, 11))
    assert [d.text for d in meetings.decisions_due(TODAY)] == ["周日到期"]
    assert Decision.get_by_id(overdue.id).done_date == dt.date(2027, 5, 11)
    meetings.set_decision_state(overdue, "在办")
    assert Decision.get_by_id(overdue.id).done_date is None


def test_decision_checks(people):
    meeting = meetings.save_meeting({"kind": meetings.kind_by_name("工会委员会"), "date": "2027-04-20"})
    with pytest.raises(ValidationError, match="请填写决定事项"):
        meetings.add_decision(meeting, {"text": " "})
    with pytest.raises(ValidationError, match="早于会议日期"):
        meetings.add_decision(meeting, {"text": "x", "due_date": "2027-04-01"})
    with pytest.raises(ValidationError, match="办理状态"):
        meetings.add_decision(meeting, {"text": "x", "state": "搁置"})
    assert Decision.select().count() == 0


def test_a_decision_creates_and_links_a_plan_item(people):
    meeting = meetings.save_meeting({"kind": meetings.kind_by_name("工会委员会"), "date": "2027-04-20"})
    decision = meetings.add_decision(meeting, {"text": "组织教职工健步走", "owner": "委员1", "due_date": "2027-06-01"})
    item = meetings.decision_to_plan_item(decision)
    assert (item.title, item.year, item.date, item.responsible) == ("组织教职工健步走", 2027, dt.date(2027, 6, 1), "委员1")
    assert Decision.get_by_id(decision.id).plan_item_id == item.id
    with pytest.raises(ValidationError, match="已关联"):
        meetings.decision_to_plan_item(Decision.get_by_id(decision.id))
    meetings.link_decision(Decision.get_by_id(decision.id), None)
    assert Decision.get_by_id(decision.id).plan_item_id is None
    assert PlanItem.select().count() == 1


def test_the_meeting_count_warning_names_the_short_quarters(people):
    kind = meetings.kind_by_name("工会委员会")
    for day in ("2026-02-10", "2026-05-10", "2026-11-10"):  # nothing in the third quarter
        meetings.save_meeting({"kind": kind, "date": day})
    checks = {c.kind: c for c in meetings.count_checks(2026, dt.date(2027, 1, 5))}
    assert checks["工会委员会"].short == ["2026年第三季度"]
    assert checks["工会委员会"].warning == "工会委员会应每季度至少召开1次：2026年第三季度不足"
    assert checks["工会委员会"].held["2026年第四季度"] == 1
    # while the year runs, the running quarter is not short yet
    running = {c.kind: c for c in meetings.count_checks(2026, dt.date(2026, 11, 1))}
    assert running["工会委员会"].short == ["2026年第三季度"]
    # the minimum is a setting of the kind
    meetings.save_kind({"min_count": 2, "min_period": "季度"}, kind)
    checks = {c.kind: c for c in meetings.count_checks(2026, dt.date(2027, 1, 5))}
    assert checks["工会委员会"].short == ["2026年第一季度", "2026年第二季度", "2026年第三季度", "2026年第四季度"]
    meetings.save_kind({"min_count": 0}, kind)
    assert "工会委员会" not in {c.kind for c in meetings.count_checks(2026, dt.date(2027, 1, 5))}


def test_periods_of_a_school_year_are_the_whole_ones_inside_it():
    quarters = rules.periods_between(dt.date(2026, 9, 1), dt.date(2027, 8, 31), "季度")
    assert [p.label for p in quarters] == ["2026年第四季度", "2027年第一季度", "2027年第二季度"]
    assert len(rules.periods_between(dt.date(2026, 9, 1), dt.date(2027, 8, 31), "月")) == 12
    assert rules.periods_between(dt.date(2026, 9, 1), dt.date(2027, 8, 31), "年") == []


def test_kinds_are_seeded_and_editable(db):
    names = [k.name for k in meetings.kinds()]
    assert names[:5] == ["工会委员会", "工会小组长会", "经审委员会", "女职工委员会", "全体会员大会"]
    kind = meetings.save_kind({"name": "女教职工座谈会", "roles": "女工委员、工会委员", "min_count": 1, "min_period": "年"})
    assert MeetingKind.get_by_id(kind.id).roles == "女工委员,工会委员"
    with pytest.raises(ValidationError, match="已经存在"):
        meetings.save_kind({"name": "工会委员会"})
    with pytest.raises(ValidationError, match="未知的工会职务"):
        meetings.save_kind({"name": "新会", "roles": "校长"})
    with pytest.raises(ValidationError, match="统计周期"):
        meetings.save_kind({"name": "新会", "min_period": "周"})


def test_letters_are_numbered_per_year_and_never_reused(people):
    first = meetings.save_letter({"date": "2027-03-01", "person_kind": "会员", "member": people[0], "matter": "a"})
    second = meetings.save_letter({"date": "2027-03-02", "person_kind": "会员", "member": people[0], "matter": "b"})
    assert (first.serial, second.serial) == ("XF2027-001", "XF2027-002")
    meetings.delete_letter(second)
    third = meetings.save_letter({"date": "2027-03-03", "person_kind": "会员", "member": people[0], "matter": "c"})
    assert third.serial == "XF2027-003"
    kept = meetings.save_letter({"date": "2027-04-03", "person_kind": "会员", "member": people[0], "matter": "d"}, serial="XF2027-010")
    assert kept.serial == "XF2027-010"
    assert meetings.save_letter({"date": "2027-04-04", "person_kind": "会员", "member": people[0], "matter": "e"}).serial == "XF2027-011"
    with pytest.raises(ValidationError, match="已被另一条"):
        meetings.save_letter({"date": "2027-04-03", "person_kind": "会员", "member": people[0], "matter": "d"}, serial="XF2027-010")
    with pytest.raises(ValidationError, match="格式不对"):
        meetings.save_letter({"date": "2027-04-03", "person_kind": "会员", "member": people[0], "matter": "d"}, serial="XF2026-020")
    assert meetings.save_letter({"date": "2028-01-02", "person_kind": "会员", "member": people[0], "matter": "f"}).serial == "XF2028-001"


def test_anonymous_stays_anonymous(people):
    letter = meetings.save_letter({"date": "2027-03-01", "channel": "信箱", "person_kind": "匿名", "person_name": "写信人",
                                   "contact": "13800000000", "member": people[0], "matter": "食堂"})
    stored = Letter.get_by_id(letter.id)
    assert (stored.person_name, stored.contact, stored.member_id) == ("", "", None)
    assert meetings.letter_person(stored) == "匿名" == meetings.letter_person(stored, hide_names=True)
    named = meetings.save_letter({"date": "2027-03-01", "person_kind": "会员", "member": people[1], "matter": "x"})
    assert meetings.letter_person(named) == "委员1"
    assert meetings.letter_person(named, hide_names=True) == "（不公开）"
    # the audit log of the anonymous letter keeps no name either
    assert "写信人" not in "".join(a.after or "" for a in audit.history("letter", letter.id))


def test_letter_person_must_be_consistent(people):
    with pytest.raises(ValidationError, match="请选择反映问题的会员"):
        meetings.save_letter({"date": "2027-03-01", "person_kind": "会员", "matter": "x"})
    with pytest.raises(ValidationError, match="请填写反映人姓名"):
        meetings.save_letter({"date": "2027-03-01", "person_kind": "非会员", "matter": "x"})
    with pytest.raises(ValidationError, match="请填写反映事项"):
        meetings.save_letter({"date": "2027-03-01", "person_kind": "非会员", "person_name": "某", "matter": ""})
    with pytest.raises(ValidationError, match="答复日期早于"):
        meetings.save_letter({"date": "2027-03-01", "person_kind": "匿名", "matter": "x", "reply": "y", "reply_date": "2027-02-01"})
    with pytest.raises(ValidationError, match="办结前请填写答复"):
        meetings.save_letter({"date": "2027-03-01", "person_kind": "匿名", "matter": "x", "closed": True})
    assert Letter.select().count() == 0


def test_overdue_letters_use_the_reply_days_setting(people):
    letter = meetings.save_letter({"date": "2027-04-20", "person_kind": "匿名", "matter": "x"})
    assert letter.due_date == dt.date(2027, 5, 5)  # 15 days by default
    assert [x.id for x in meetings.overdue_letters(TODAY)] == [letter.id]
    meetings.reply_letter(letter, "已答复", dt.date(2027, 5, 11))
    assert meetings.overdue_letters(TODAY) == []
    settings.save({"letters_reply_days": "30"})
    later = meetings.save_letter({"date": "2027-04-20", "person_kind": "匿名", "matter": "y"})
    assert later.due_date == dt.date(2027, 5, 20) and meetings.overdue_letters(TODAY) == []
    with pytest.raises(ValidationError, match="来信来访答复期限"):
        settings.save({"letters_reply_days": "0"})
    with pytest.raises(ValidationError, match="隐去姓名"):
        settings.save({"letters_hide_names": "也许"})
    settings.save({"letters_hide_names": "是"})
    assert meetings.hide_names_by_default()


def test_suggestions_and_campaigns(people):
    campaign = meetings.save_campaign({"title": "2027年金点子", "start_date": "2027-03-01", "end_date": "2027-04-30"})
    suggestion = meetings.save_suggestion({"campaign": campaign, "date": "2027-03-05", "member": people[3], "title": "节能",
                                           "adoption": "采纳", "result": "已实施"})
    assert suggestion.proposer == "委员3"
    with pytest.raises(ValidationError, match="不在“2027年金点子”的征集时间内"):
        meetings.save_suggestion({"campaign": campaign, "date": "2027-05-05", "proposer": "后勤组", "title": "x"})
    with pytest.raises(ValidationError, match="请选择或填写建议人"):
        meetings.save_suggestion({"date": "2027-05-05", "title": "x"})
    with pytest.raises(ValidationError, match="采纳情况"):
        meetings.save_suggestion({"date": "2027-05-05", "proposer": "某", "title": "x", "adoption": "好"})
    with pytest.raises(ValidationError, match="截止日期早于开始日期"):
        meetings.save_campaign({"title": "x", "start_date": "2027-03-01", "end_date": "2027-02-01"})
    assert [s.title for s in meetings.list_suggestions(2027, campaign)] == ["节能"]


def test_every_write_is_audited(people):
    meeting = meetings.save_meeting({"kind": meetings.kind_by_name("工会委员会"), "date": "2027-04-20"})
    meetings.save_meeting({"minutes": "会议记录正文"}, meeting)
    history = audit.history("meeting", meeting.id)
    assert [h.action for h in history][:1] == ["create"]
    assert any("会议记录正文" in (h.after or "") for h in history)
    meetings.delete_meeting(Meeting.get_by_id(meeting.id))
    assert audit.history("meeting", meeting.id)[-1].action == "delete"
