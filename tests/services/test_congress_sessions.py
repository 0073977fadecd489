"""教代会 sessions (issue 16): 应到 from the seated delegates, sign-in, quorum and majority at the exact
thresholds, thresholds from the settings (and their validation), the agenda and its votes, the
report item offered on the next session, the linked plan item, 民主评议 and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.congress_models import AgendaItem, CongressSession, Evaluation, EvaluationSubject, SessionAttendance
from union_desk.db.models import AuditLog, Member, PlanItem
from union_desk.errors import ValidationError
from union_desk.services import audit, plan, settings
from union_desk.services import congress as c


def seat(term, count, start=0, **data):
    out = []
    for i in range(start, start + count):
        m = Member.create(name=f"代表{i:02d}", sex="女" if i % 2 else "男", department="语文组")
        out.append(c.add_delegate(term, m, {"elected_date": "2024-09-01", **data}))
    return out


@pytest.fixture
def term(db):
    return c.save_term({"number": 5, "start_date": "2024-09-01"})


def present(session, n):
    ids = [a.delegate_id for a in c.attendance_of(session)][:n]
    c.mark_attendance(session, ids, "出席")
    return ids


# --- terms ---------------------------------------------------------------------------------------


def test_terms_are_numbered_once_and_dated(db):
    t = c.save_term({"number": 5, "start_date": "2024-09-01", "end_date": "2029-08-31"})
    assert c.term_label(t) == "第五届" and c.current_term(dt.date(2025, 1, 1)).id == t.id
    assert c.current_term(dt.date(2029, 9, 1)) is None
    with pytest.raises(ValidationError, match="第五届已经存在"):
        c.save_term({"number": 5, "start_date": "2030-09-01"})
    with pytest.raises(ValidationError, match="结束日期早于开始日期"):
        c.save_term({"number": 6, "start_date": "2030-09-01", "end_date": "2030-01-01"})
    with pytest.raises(ValidationError, match="请填写届次"):
        c.save_term({"start_date": "2030-09-01"})
    with pytest.raises(ValidationError, match="届次应为"):
        c.save_term({"number": 100, "start_date": "2030-09-01"})
    c.save_term({"number": 4, "start_date": "2019-09-01", "end_date": "2024-08-31"})
    assert [x.number for x in c.list_terms()] == [5, 4]


def test_term_number_is_fixed_once_it_has_proposals(term):
    seat(term, 1)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    c.create_proposal(s, {"title": "x", "proposer": Member.get().id})
    with pytest.raises(ValidationError, match="届次不能再改"):
        c.save_term({"number": 6}, term)
    c.save_term({"notes": "第五届"}, term)
    assert [h.action for h in audit.history("congress_term", term.id)] == ["create", "update"]


def test_term_dates_must_keep_its_sessions_inside(term):
    c.save_session({"term": term, "date": "2025-03-01"})
    with pytest.raises(ValidationError) as info:
        c.save_term({"end_date": "2025-02-28"}, term)
    assert info.value.message == "第五届第一次教职工代表大会（2025-03-01）不在新的起止日期内，请先调整会议日期"
    assert info.value.field == "end_date"
    with pytest.raises(ValidationError, match="不在新的起止日期内") as info:
        c.save_term({"start_date": "2025-03-02"}, term)
    assert info.value.field == "start_date"
    c.save_term({"start_date": "2025-03-01", "end_date": "2025-03-01"}, term)
    assert c.get_term(term.id).end_date == dt.date(2025, 3, 1)


# --- sessions and attendance -------------------------------------------------------------------------


def test_a_new_session_lists_the_seated_delegates(term):
    seated = seat(term, 3)
    later = Member.create(name="后补", sex="女")
    c.add_delegate(term, later, {"elected_date": "2025-06-01", "how": "补选"})
    gone = Member.create(name="离任", sex="男")
    left = c.add_delegate(term, gone, {"elected_date": "2024-09-01"})
    c.leave_delegate(left, "2025-01-15", "调出")
    s = c.save_session({"term": term, "date": "2025-03-01", "place": "报告厅"})
    assert (s.number, s.title, s.kind, s.held) == (1, "第五届第一次教职工代表大会", "正式", False)
    assert sorted(a.delegate_id for a in c.attendance_of(s)) == sorted(d.id for d in seated)
    assert {a.state for a in c.attendance_of(s)} == {"缺席"}
    figures = c.session_figures(s)
    assert (figures.expected, figures.present, figures.absent, figures.needed) == (3, 0, 3, 2)
    s2 = c.save_session({"term": term, "date": "2025-07-01", "kind": "临时"})
    assert s2.title == "第五届第二次教职工代表大会（临时会议）"
    assert c.session_figures(s2).expected == 4


def test_session_dates_numbers_and_kinds_are_checked(term):
    with pytest.raises(ValidationError, match="会议日期不在第五届的起止日期内"):
        c.save_session({"term": term, "date": "2024-08-01"})
    with pytest.raises(ValidationError, match="请填写会议日期"):
        c.save_session({"term": term})
    with pytest.raises(ValidationError, match="请选择届次"):
        c.save_session({"date": "2025-03-01"})
    with pytest.raises(ValidationError, match="会议类型应为"):
        c.save_session({"term": term, "date": "2025-03-01", "kind": "扩大"})
    c.save_session({"term": term, "date": "2025-03-01"})
    with pytest.raises(ValidationError, match="第五届第一次会议已经存在"):
        c.save_session({"term": term, "date": "2025-04-01", "number": 1})
    assert CongressSession.select().count() == 1


def test_editing_the_date_reseats_but_keeps_marked_attendance(term):
    early = seat(term, 2)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    c.mark_attendance(s, [early[0].id], "出席")
    late = Member.create(name="补选", sex="女")
    d = c.add_delegate(term, late, {"elected_date": "2025-05-01", "how": "补选"})
    c.save_session({"date": "2025-06-01"}, s)
    rows = {a.delegate_id: a.state for a in c.attendance_of(s)}
    assert rows == {early[0].id: "出席", early[1].id: "缺席", d.id: "缺席"}


def test_quorum_at_the_exact_threshold(term):
    seat(term, 45)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    ids = [a.delegate_id for a in c.attendance_of(s)]
    c.mark_attendance(s, ids[:29], "出席")
    figures = c.session_figures(s)
    assert (figures.expected, figures.present, figures.needed, figures.quorum_ok) == (45, 29, 30, False)
    assert "不足应到代表三分之二（30人）" in figures.warning
    assert figures.warning == "出席代表29人，不足应到代表三分之二（30人）"
    c.mark_attendance(s, ids[29:30], "出席")
    figures = c.session_figures(s)
    assert (figures.present, figures.quorum_ok, figures.warning) == (30, True, "")
    c.mark_attendance(s, ids[30:32], "请假", "外出培训")
    figures = c.session_figures(s)
    assert (figures.present, figures.leave, figures.absent) == (30, 2, 13)
    row = c.sessions_json()[0]
    assert (row["expected"], row["present"], row["quorum_needed"], row["quorum_ok"]) == (45, 30, 30, True)


def test_quorum_follows_the_setting(term):
    seat(term, 45)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    present(s, 30)
    assert c.session_figures(s).quorum_ok
    settings.save({"congress_quorum": "3/4"})
    assert c.quorum_ratio() == pytest.approx(0.75)
    figures = c.session_figures(s)
    assert (figures.needed, figures.quorum_ok) == (34, False)
    assert "不足应到代表四分之三（34人）" in figures.warning
    row = c.sessions_json()[0]
    assert (row["quorum_needed"], row["quorum_ok"]) == (34, False)


def test_majority_at_the_exact_threshold(term):
    seat(term, 45)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    present(s, 40)
    fails = c.add_agenda_item(s, {"kind": "表决", "title": "绩效工资方案", "votes_for": 20, "votes_against": 15,
                                  "votes_abstain": 5})
    passes = c.add_agenda_item(s, {"kind": "表决", "title": "福利方案", "votes_for": 21, "votes_against": 19})
    assert c.vote_result(fails) == "未通过"
    assert c.vote_result(passes) == "通过"
    assert c.vote_result(fails, present=39) == "通过"
    heard = c.add_agenda_item(s, {"kind": "听取报告", "title": "校长工作报告"})
    assert c.vote_result(heard) == ""
    settings.save({"congress_majority": "2/3"})
    assert c.vote_result(passes) == "未通过"
    c.update_agenda_item(passes, {"votes_for": 27, "votes_against": 13})
    assert c.vote_result(AgendaItem.get_by_id(passes.id)) == "通过"


def test_votes_are_checked(term):
    seat(term, 10)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    present(s, 8)
    with pytest.raises(ValidationError, match="共9票，多于出席代表8人"):
        c.add_agenda_item(s, {"kind": "表决", "title": "方案", "votes_for": 5, "votes_against": 4})
    with pytest.raises(ValidationError, match="只有"):
        c.add_agenda_item(s, {"kind": "听取报告", "title": "报告", "votes_for": 5})
    with pytest.raises(ValidationError, match="请填写议题"):
        c.add_agenda_item(s, {"kind": "表决", "title": ""})
    with pytest.raises(ValidationError, match="赞成票应为"):
        c.add_agenda_item(s, {"kind": "表决", "title": "方案", "votes_for": -1})
    item = c.add_agenda_item(s, {"kind": "表决", "title": "方案", "votes_for": 8})
    with pytest.raises(ValidationError, match="多于出席代表"):
        c.update_agenda_item(item, {"votes_against": 1})
    assert AgendaItem.get_by_id(item.id).votes_against is None
    assert [a.title for a in c.agenda_of(s)] == ["方案"]
    c.delete_agenda_item(item)
    assert c.agenda_of(s) == []


# --- settings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("congress_quorum", "abc", "应写成 2/3、0.5 或 50% 的形式"),
        ("congress_quorum", "1", "应大于 0、小于 1"),
        ("congress_quorum", "3/2", "应大于 0、小于 1"),
        ("congress_majority", "0", "应大于 0、小于 1"),
        ("congress_majority", "1/0", "应写成"),
        ("congress_teacher_min", "150", "百分比应为 0 到 100 之间的整数"),
        ("congress_leader_max", "二十", "百分比应为"),
        ("congress_women_gap", "-5", "百分比应为"),
        ("congress_reply_days", "0", "天数应为 1 到 365 之间的整数"),
        ("congress_reply_days", "400", "天数应为"),
        ("congress_reply_days", "十五", "天数应为"),
    ],
)
def test_bad_settings_are_refused_in_chinese(db, key, value, words):
    with pytest.raises(ValidationError) as info:
        settings.save({key: value})
    assert words in info.value.message and info.value.field == key
    assert settings.get(key) == settings.defaults()[key]


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("congress_quorum", " 3/4 ", "3/4"),
        ("congress_quorum", "三分之二", "三分之二"),
        ("congress_majority", "50%", "50%"),
        ("congress_majority", "0.5", "0.5"),
        ("congress_teacher_min", "70%", "70"),
        ("congress_reply_days", "15", "15"),
    ],
)
def test_good_settings_are_stored(db, key, value, stored):
    settings.save({key: value})
    assert settings.get(key) == stored


def test_ratio_settings_in_any_form_give_the_same_thresholds(db):
    for text in ("三分之二", "2/3"):
        settings.save({"congress_quorum": text})
        assert c.quorum_ratio().numerator == 2 and c.quorum_ratio().denominator == 3
    settings.save({"congress_majority": "50%"})
    assert str(c.majority_ratio()) == "1/2"


def test_share_limits_follow_the_settings(db):
    assert c.share_limits().teacher_min == 60 and c.share_limits().leader_max == 20
    settings.save({"congress_teacher_min": "70", "congress_leader_max": "25", "congress_women_gap": "5"})
    limits = c.share_limits()
    assert (limits.teacher_min, limits.leader_max, limits.women_gap) == (70, 25, 5)


# --- sign-in, held, the plan item ------------------------------------------------------------------


def test_mark_attendance_sets_held_and_completes_the_linked_plan_item(term):
    seat(term, 3)
    item = plan.create_item(2025, {"title": "召开教职工代表大会", "month": 3})
    s = c.save_session({"term": term, "date": "2025-03-01", "plan_item": item.id})
    assert PlanItem.get_by_id(item.id).status == "未开始"
    ids = [a.delegate_id for a in c.attendance_of(s)]
    assert c.mark_attendance(s, ids[:1], "请假", "生病") == 1
    assert not CongressSession.get_by_id(s.id).held
    assert PlanItem.get_by_id(item.id).status == "未开始"
    assert c.mark_attendance(s, ids[1:], "出席") == 2
    assert CongressSession.get_by_id(s.id).held
    assert PlanItem.get_by_id(item.id).status == "已完成"
    rows = {a.delegate_id: a for a in c.attendance_of(s)}
    assert rows[ids[0]].reason == "生病" and rows[ids[0]].signed_at is None
    assert rows[ids[1]].signed_at is not None
    assert c.mark_attendance(s, ids[1:], "出席") == 0  # nothing changes twice
    assert c.mark_attendance(s, ids[1:], "出席", "（误填的原因）") == 0  # 出席 keeps no reason
    assert {a.reason for a in c.attendance_of(s) if a.state == "出席"} == {""}
    assert c.mark_attendance(s, ids[:1], "请假", "出差") == 1
    assert {a.delegate_id: a.reason for a in c.attendance_of(s)}[ids[0]] == "出差"


def test_linking_a_plan_item_to_a_held_session_completes_it(term):
    seat(term, 2)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    present(s, 2)
    item = plan.create_item(2025, {"title": "召开教职工代表大会", "month": 3})
    c.link_plan_item(CongressSession.get_by_id(s.id), item)
    assert PlanItem.get_by_id(item.id).status == "已完成"
    assert CongressSession.get_by_id(s.id).plan_item_id == item.id
    cancelled = plan.create_item(2025, {"title": "召开教代会（取消）", "month": 4})
    plan.cancel_item(cancelled, "合并召开")
    c.link_plan_item(CongressSession.get_by_id(s.id), cancelled)
    assert PlanItem.get_by_id(cancelled.id).status == "已取消"  # a cancelled item stays cancelled


def test_mark_attendance_refuses_strangers_and_bad_states(term):
    seat(term, 2)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    with pytest.raises(ValidationError, match="不在这次会议的应到名单里"):
        c.mark_attendance(s, [9999], "出席")
    with pytest.raises(ValidationError, match="出席情况应为"):
        c.mark_attendance(s, [c.attendance_of(s)[0].delegate_id], "迟到")
    assert not CongressSession.get_by_id(s.id).held


def test_a_session_with_proposals_or_held_cannot_be_deleted(term):
    seat(term, 2)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    c.create_proposal(s, {"title": "x", "proposer": Member.get().id})
    with pytest.raises(ValidationError, match="已有提案"):
        c.delete_session(s)
    s2 = c.save_session({"term": term, "date": "2025-04-01"})
    present(s2, 1)
    with pytest.raises(ValidationError, match="已登记出席"):
        c.delete_session(CongressSession.get_by_id(s2.id))
    s3 = c.save_session({"term": term, "date": "2025-05-01"})
    c.delete_session(s3)
    assert CongressSession.get_or_none(CongressSession.id == s3.id) is None
    assert SessionAttendance.select().where(SessionAttendance.session == s3.id).count() == 0
    with pytest.raises(ValidationError, match="会议次数不能再改"):
        c.save_session({"number": 7}, s)


# --- the report item on the next session --------------------------------------------------------------


def test_the_next_session_is_offered_the_report_item(term):
    seat(term, 2)
    first = c.save_session({"term": term, "date": "2025-03-01"})
    assert c.agenda_of(first) == []
    c.create_proposal(first, {"title": "x", "proposer": Member.get().id})
    second = c.save_session({"term": term, "date": "2026-03-01"})
    items = c.agenda_of(second)
    assert [(a.kind, a.title) for a in items] == [("审议", "审议上次提案办理情况报告")]
    assert c.previous_session(second).id == first.id
    declined = c.save_session({"term": term, "date": "2026-04-01"}, with_report_item=False)
    assert c.agenda_of(declined) == []
    forced = c.save_session({"term": term, "date": "2026-05-01"}, with_report_item=True)
    assert [a.title for a in c.agenda_of(forced)] == ["审议上次提案办理情况报告"]


def test_the_report_item_is_not_offered_without_earlier_proposals(term):
    seat(term, 2)
    c.save_session({"term": term, "date": "2025-03-01"})
    second = c.save_session({"term": term, "date": "2026-03-01"})
    assert c.agenda_of(second) == []
    assert not c.offers_report_item(term, dt.date(2026, 6, 1))


# --- 民主评议 ------------------------------------------------------------------------------------


def test_evaluation_rates(term):
    seat(term, 45)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    present(s, 40)
    principal = Member.create(name="张校长", post="校长")
    e = c.save_evaluation(s, "2025年民主评议", [
        {"member": principal.id, "excellent": 30, "competent": 8, "basic": 1, "incompetent": 1},
        {"name": "李主任", "post": "教务处主任", "excellent": 10, "competent": 15, "basic": 10, "incompetent": 0},
        {"name": "无票", "post": "副校长"},
    ])
    subjects = c.subjects_of(e)
    assert [(x.name, x.post) for x in subjects] == [("张校长", "校长"), ("李主任", "教务处主任"), ("无票", "副校长")]
    first, second, none = (c.ballots(x) for x in subjects)
    assert first.valid == 40 and str(first.excellent_rate) == "75.0" and str(first.satisfied_rate) == "95.0"
    assert str(second.excellent_rate) == "28.6" and str(second.satisfied_rate) == "71.4"
    assert none.valid == 0 and none.excellent_rate is None and none.satisfied_rate is None


def test_more_ballots_than_present_are_refused(term):
    seat(term, 45)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    with pytest.raises(ValidationError, match="还没有出席代表"):
        c.save_evaluation(s, "民主评议", [{"name": "张校长", "excellent": 1}])
    present(s, 40)
    with pytest.raises(ValidationError) as info:
        c.save_evaluation(s, "民主评议", [{"name": "张校长", "excellent": 30, "competent": 11}])
    assert info.value.message == "“张校长”的有效票共41张，多于出席代表40人"
    with pytest.raises(ValidationError, match="请至少填写一位被评议人"):
        c.save_evaluation(s, "民主评议", [])
    with pytest.raises(ValidationError, match="请填写被评议人姓名"):
        c.save_evaluation(s, "民主评议", [{"excellent": 1}])
    with pytest.raises(ValidationError, match="优秀票应为"):
        c.save_evaluation(s, "民主评议", [{"name": "张校长", "excellent": -1}])
    assert Evaluation.select().count() == 0
    e = c.save_evaluation(s, "民主评议", [{"name": "张校长", "excellent": 30, "competent": 10}])
    assert c.ballots(c.subjects_of(e)[0]).valid == 40


def test_an_evaluation_is_replaced_and_deleted_with_audit(term):
    seat(term, 5)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    present(s, 5)
    e = c.save_evaluation(s, "民主评议", [{"name": "甲", "excellent": 5}, {"name": "乙", "competent": 5}])
    e = c.save_evaluation(s, "2025年民主评议", [{"name": "甲", "excellent": 4, "basic": 1}], evaluation=e)
    assert [x.name for x in c.subjects_of(e)] == ["甲"]
    assert Evaluation.get_by_id(e.id).title == "2025年民主评议"
    assert [x.id for x in c.evaluations_of(s)] == [e.id]
    c.delete_evaluation(e)
    assert Evaluation.select().count() == 0 and EvaluationSubject.select().count() == 0
    deletes = AuditLog.select().where((AuditLog.action == "delete") & (AuditLog.table_name == "evaluation_subject"))
    assert deletes.count() == 3


# --- audit ---------------------------------------------------------------------------------------


def test_session_changes_are_audited(term):
    seat(term, 2)
    s = c.save_session({"term": term, "date": "2025-03-01"})
    ids = [a.delegate_id for a in c.attendance_of(s)]
    c.mark_attendance(s, ids[:1], "出席")
    c.save_session({"place": "多功能厅"}, s)
    history = audit.history("congress_session", s.id)
    assert history[0].action == "create"
    notes = [h.note for h in history]
    assert "应到代表：新增2人，移出0人" in notes and "已签到，会议已召开" in notes
    assert any("多功能厅" in (h.after or "") for h in history)
    row = SessionAttendance.get((SessionAttendance.session == s.id) & (SessionAttendance.delegate == ids[0]))
    marks = audit.history("session_attendance", row.id)
    assert len(marks) == 1 and "出席" in marks[0].after
    item = c.add_agenda_item(s, {"kind": "听取报告", "title": "工作报告"})
    c.update_agenda_item(item, {"title": "学校工作报告"})
    assert [h.action for h in audit.history("agenda_item", item.id)] == ["create", "update"]
