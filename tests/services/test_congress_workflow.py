"""教代会提案 (issue 16): the workflow with its refused jumps, the per-session numbers that are never
reused (voids, merges), the dates and reasons each step needs, the 满意率 of the handling report,
and the audit trail of every change."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.congress_models import Proposal
from union_desk.db.models import AuditLog, Counter, Member
from union_desk.errors import ValidationError
from union_desk.services import audit
from union_desk.services import congress as c


@pytest.fixture
def setup(db):
    """第五届 (2024-09-01), its second session on 2026-03-01, two delegates and one non-delegate."""
    members = [Member.create(name=name, sex=sex, department="语文组") for name, sex in
               (("王芳", "女"), ("李强", "男"), ("赵敏", "女"))]
    term = c.save_term({"number": 5, "start_date": "2024-09-01"})
    for m in members[:2]:
        c.add_delegate(term, m, {"category": "教师", "elected_date": "2024-09-01"})
    c.save_session({"term": term, "date": "2025-03-01"})
    session = c.save_session({"term": term, "date": "2026-03-01", "place": "报告厅"})
    assert session.number == 2
    return term, session, members


def new(session, proposer, title="改善教工食堂", **extra):
    data = {"title": title, "proposer": proposer, "category": "后勤保障", "received_date": "2026-02-20", **extra}
    proposal, _ = c.create_proposal(session, data)
    return proposal


def handed(session, proposer, title="改善教工食堂", day="2026-03-05", due="2026-04-05"):
    p = new(session, proposer, title)
    c.advance(p, "立案")
    c.advance(p, "已交办", {"department": "总务处", "handed_date": day, "due_date": due})
    return p


def replied(session, proposer, title="改善教工食堂"):
    p = handed(session, proposer, title)
    c.advance(p, "已答复", {"reply_date": "2026-03-20", "reply": "已增加窗口"})
    return p


def fresh(p):
    return Proposal.get_by_id(p.id)


# --- the whole way -------------------------------------------------------------------------------


def test_the_whole_workflow_records_each_step(setup):
    _, session, (wang, *_) = setup
    p = new(session, wang)
    assert (p.number, p.state, p.seq) == ("5-2-001", "征集", 1)
    assert c.filing_text(p) == "待审查"
    c.advance(p, "立案")
    assert c.filing_text(fresh(p)) == "立案"
    c.advance(p, "已交办", {"department": "总务处", "handed_date": "2026-03-05"})
    p = fresh(p)
    assert (p.state, p.department, p.handed_date) == ("已交办", "总务处", dt.date(2026, 3, 5))
    assert p.due_date == dt.date(2026, 4, 4)  # + 30 days (the default reply days)
    c.advance(p, "已答复", {"reply_date": "2026-03-20", "reply": "已增加两个窗口"})
    c.advance(p, "已反馈", {"opinion": "基本满意", "opinion_date": "2026-03-25"})
    c.advance(p, "办结", {"closed_date": "2026-03-30"})
    p = fresh(p)
    assert (p.state, p.reply, p.opinion, p.closed_date) == ("办结", "已增加两个窗口", "基本满意", dt.date(2026, 3, 30))
    assert p.reply_date == dt.date(2026, 3, 20) and p.opinion_date == dt.date(2026, 3, 25)
    with pytest.raises(ValidationError, match="提案已办结"):
        c.advance(p, "作废", {"reason": "x"})


def test_the_due_date_follows_the_reply_days_setting(setup):
    from union_desk.services import settings

    _, session, (wang, *_) = setup
    settings.save({"congress_reply_days": "15"})
    assert c.reply_days() == 15
    p = new(session, wang)
    c.advance(p, "立案")
    c.advance(p, "已交办", {"department": "教务处", "handed_date": "2026-03-05"})
    assert fresh(p).due_date == dt.date(2026, 3, 20)


@pytest.mark.parametrize(
    ("steps", "target", "data"),
    [
        ((), "已交办", {"department": "总务处"}),
        ((), "已答复", {"reply": "x"}),
        ((), "办结", {}),
        (("立案",), "已答复", {"reply": "x"}),
        (("立案",), "不立案", {"reason": "x"}),
        (("立案", "已交办"), "办结", {}),
        (("立案", "已交办"), "已反馈", {"opinion": "满意"}),
        (("立案", "已交办", "已答复"), "办结", {}),
        (("立案", "已交办", "已答复"), "撤回", {"reason": "x"}),
        (("不立案",), "立案", {}),
        (("不立案",), "已交办", {"department": "总务处"}),
    ],
)
def test_jumps_that_skip_a_step_are_refused(setup, steps, target, data):
    _, session, (wang, *_) = setup
    p = new(session, wang)
    step_data = {
        "已交办": {"department": "总务处", "handed_date": "2026-03-05"},
        "已答复": {"reply_date": "2026-03-20", "reply": "已办"},
        "不立案": {"reason": "不属于学校职权"},
    }
    for step in steps:
        c.advance(p, step, step_data.get(step, {}))
    before = fresh(p).state
    with pytest.raises(ValidationError) as info:
        c.advance(fresh(p), target, data)
    assert "不能" in info.value.message
    assert fresh(p).state == before


def test_a_refused_jump_names_the_next_step(setup):
    _, session, (wang, *_) = setup
    p = new(session, wang)
    with pytest.raises(ValidationError) as info:
        c.advance(p, "已交办", {"department": "总务处"})
    assert info.value.message == "提案状态不能从“征集”直接改为“已交办”，下一步应为“立案”"
    p = replied(session, wang, "第二件")
    with pytest.raises(ValidationError, match="下一步应为“已反馈”"):
        c.advance(p, "办结")


def test_unknown_state_is_refused(setup):
    _, session, (wang, *_) = setup
    p = new(session, wang)
    with pytest.raises(ValidationError, match="未知的提案状态"):
        c.advance(p, "已处理")


def test_the_opinion_is_required_before_closing(setup):
    _, session, (wang, *_) = setup
    p = replied(session, wang)
    with pytest.raises(ValidationError, match="提案人意见应为"):
        c.advance(p, "已反馈", {})
    with pytest.raises(ValidationError, match="提案人意见应为"):
        c.advance(p, "已反馈", {"opinion": "很好"})
    assert fresh(p).state == "已答复"


# --- what each step needs ------------------------------------------------------------------------


def test_rejecting_needs_a_reason_and_may_keep_it_as_a_suggestion(setup):
    _, session, (wang, *_) = setup
    p = new(session, wang)
    with pytest.raises(ValidationError, match="不立案须写明理由"):
        c.advance(p, "不立案", {"reason": "   "})
    assert fresh(p).state == "征集"
    c.advance(p, "不立案", {"reason": "不属于学校职权范围", "as_suggestion": True})
    p = fresh(p)
    assert (p.state, p.reason, p.as_suggestion) == ("不立案", "不属于学校职权范围", True)
    assert c.filing_text(p) == "不立案（转意见建议）"
    q = new(session, wang, "第二件")
    c.advance(q, "不立案", {"reason": "重复"})
    assert c.filing_text(fresh(q)) == "不立案"
    for i, (flag, kept) in enumerate((("否", False), ("是", True), ("0", False), ("", False))):
        r = new(session, wang, f"表格里的{i}")
        c.advance(r, "不立案", {"reason": "重复", "as_suggestion": flag})  # a spreadsheet's words
        assert fresh(r).as_suggestion is kept


def test_withdraw_and_void_need_a_reason(setup):
    _, session, (wang, *_) = setup
    p = new(session, wang)
    for target in ("撤回", "作废"):
        with pytest.raises(ValidationError, match=f"{target}须写明原因"):
            c.advance(p, target, {})
    c.advance(p, "撤回", {"reason": "提案人撤回"})
    assert c.filing_text(fresh(p)) == "撤回"
    with pytest.raises(ValidationError, match="提案已撤回"):
        c.advance(fresh(p), "作废", {"reason": "x"})


def test_hand_over_needs_a_known_department(setup):
    _, session, (wang, *_) = setup
    p = new(session, wang)
    c.advance(p, "立案")
    with pytest.raises(ValidationError, match="请选择承办部门"):
        c.advance(p, "已交办", {"handed_date": "2026-03-05"})
    with pytest.raises(ValidationError) as info:
        c.advance(p, "已交办", {"department": "宣传部", "handed_date": "2026-03-05"})
    assert "未知的承办部门“宣传部”" in info.value.message
    assert fresh(p).state == "立案"


def test_departments_come_from_the_setting(setup):
    from union_desk.services import settings

    _, session, (wang, *_) = setup
    assert "总务处" in c.departments() and "宣传部" not in c.departments()
    settings.save({"congress_departments": "总务处，宣传部\n教务处"})
    assert c.departments() == ["总务处", "宣传部", "教务处"]
    p = new(session, wang)
    c.advance(p, "立案")
    c.advance(p, "已交办", {"department": "宣传部", "handed_date": "2026-03-05"})
    assert fresh(p).department == "宣传部"


def test_hand_over_dates_are_checked(setup):
    _, session, (wang, *_) = setup
    p = new(session, wang)  # received 2026-02-20
    c.advance(p, "立案")
    with pytest.raises(ValidationError, match="答复期限早于交办日期"):
        c.advance(p, "已交办", {"department": "总务处", "handed_date": "2026-03-05", "due_date": "2026-03-01"})
    with pytest.raises(ValidationError, match="交办日期早于提交日期"):
        c.advance(p, "已交办", {"department": "总务处", "handed_date": "2026-02-01"})
    with pytest.raises(ValidationError, match="交办日期"):
        c.advance(p, "已交办", {"department": "总务处", "handed_date": "2026-13-40"})
    assert fresh(p).state == "立案"


def test_a_reply_before_the_hand_over_is_refused(setup):
    _, session, (wang, *_) = setup
    p = handed(session, wang, day="2026-03-05")
    with pytest.raises(ValidationError) as info:
        c.advance(p, "已答复", {"reply_date": "2026-03-04", "reply": "已办"})
    assert info.value.message == "答复日期 2026-03-04 早于交办日期 2026-03-05"
    assert fresh(p).state == "已交办" and fresh(p).reply == ""
    c.advance(p, "已答复", {"reply_date": "2026-03-05", "reply": "已办"})  # the same day is fine
    assert fresh(p).state == "已答复"


def test_a_reply_needs_its_text(setup):
    _, session, (wang, *_) = setup
    p = handed(session, wang)
    with pytest.raises(ValidationError, match="请填写承办部门的答复"):
        c.advance(p, "已答复", {"reply_date": "2026-03-20"})


def test_opinion_and_closing_dates_not_before_the_reply(setup):
    _, session, (wang, *_) = setup
    p = replied(session, wang)  # reply 2026-03-20
    with pytest.raises(ValidationError, match="反馈日期早于答复日期"):
        c.advance(p, "已反馈", {"opinion": "满意", "opinion_date": "2026-03-19"})
    c.advance(p, "已反馈", {"opinion": "满意", "opinion_date": "2026-03-21"})
    with pytest.raises(ValidationError, match="办结日期早于答复日期"):
        c.advance(fresh(p), "办结", {"closed_date": "2026-03-01"})


def test_hand_over_again_only_after_not_satisfied(setup):
    _, session, (wang, *_) = setup
    p = replied(session, wang)
    c.advance(p, "已反馈", {"opinion": "满意", "opinion_date": "2026-03-21"})
    with pytest.raises(ValidationError, match="只有提案人不满意的提案才能再次交办"):
        c.advance(fresh(p), "已交办", {"handed_date": "2026-03-22"})
    assert fresh(p).state == "已反馈"

    q = replied(session, wang, "第二件")
    c.advance(q, "已反馈", {"opinion": "不满意", "opinion_date": "2026-03-21"})
    c.advance(fresh(q), "已交办", {"handed_date": "2026-03-22", "due_date": "2026-04-10"})
    q = fresh(q)
    assert (q.state, q.department, q.handed_date) == ("已交办", "总务处", dt.date(2026, 3, 22))
    assert (q.reply, q.reply_date, q.opinion, q.opinion_date) == ("", None, "", None)
    # the old reply and opinion stay in the audit log
    befores = [row.before for row in audit.history("proposal", q.id) if row.before]
    assert any('"不满意"' in b for b in befores) and any("已增加窗口" in b for b in befores)
    c.advance(q, "已答复", {"reply_date": "2026-04-01", "reply": "再增加一个窗口"})
    c.advance(fresh(q), "已反馈", {"opinion": "满意", "opinion_date": "2026-04-02"})
    assert fresh(q).opinion == "满意"


# --- numbers -------------------------------------------------------------------------------------


def test_numbers_count_per_session_and_are_never_reused(setup):
    term, session, (wang, li, _) = setup
    first = c.list_sessions(term)[-1]
    a = new(session, wang, "一")
    b = new(session, li, "二")
    assert (a.number, b.number) == ("5-2-001", "5-2-002")
    assert new(first, wang, "上次的").number == "5-1-001"
    c.advance(b, "作废", {"reason": "录入错误"})
    d = new(session, wang, "三")
    assert d.number == "5-2-003"
    voided = c.find_proposal("5-2-002")
    assert voided is not None and voided.state == "作废" and voided.title == "二"
    assert Counter.get_by_id(f"proposal-seq-{session.id}").value == 3
    assert [p.number for p in c.proposals_of(session)] == ["5-2-001", "5-2-002", "5-2-003"]


def test_numbers_skip_over_a_counter_behind_the_rows(setup):
    """A counter that fell behind (e.g. rows written by an import) never hands out a used number."""
    _, session, (wang, *_) = setup
    new(session, wang, "一")
    new(session, wang, "二")
    Counter.update(value=0).where(Counter.name == f"proposal-seq-{session.id}").execute()
    assert new(session, wang, "三").number == "5-2-003"


def test_a_proposal_needs_a_title_and_a_member_as_proposer(setup):
    _, session, (wang, *_) = setup
    with pytest.raises(ValidationError, match="请填写案由"):
        c.create_proposal(session, {"title": "  ", "proposer": wang})
    with pytest.raises(ValidationError, match="请选择提案人"):
        c.create_proposal(session, {"title": "x"})
    with pytest.raises(ValidationError, match="找不到提案人"):
        c.create_proposal(session, {"title": "x", "proposer": 9999})
    with pytest.raises(ValidationError, match="提案类别应为"):
        c.create_proposal(session, {"title": "x", "proposer": wang, "category": "杂项"})
    assert Proposal.select().count() == 0
    assert not Counter.select().where(Counter.name == f"proposal-seq-{session.id}").exists() or \
        Counter.get_by_id(f"proposal-seq-{session.id}").value == 0
    assert new(session, wang).number == "5-2-001"


def test_a_proposer_who_is_not_a_delegate_gets_a_warning(setup):
    _, session, (wang, _, zhao) = setup
    _, warnings = c.create_proposal(session, {"title": "x", "proposer": wang})
    assert warnings == []
    p, warnings = c.create_proposal(session, {"title": "y", "proposer": zhao.id})
    assert p.proposer_id == zhao.id
    assert warnings == ["赵敏不是第五届教代会代表（提案一般由代表提出，或由代表附议）"]
    _, warnings = c.update_proposal(p, {"proposer": wang})
    assert warnings == []


def test_a_delegate_who_left_before_the_proposal_gets_the_warning(setup):
    term, session, (wang, *_) = setup
    seat = next(d for d in c.delegates_of(term) if d.member_id == wang.id)
    c.leave_delegate(seat, "2026-01-10", "调出")
    _, warnings = c.create_proposal(session, {"title": "x", "proposer": wang, "received_date": "2026-02-20"})
    assert warnings == ["王芳不是第五届教代会代表（提案一般由代表提出，或由代表附议）"]
    _, warnings = c.create_proposal(session, {"title": "y", "proposer": wang, "received_date": "2026-01-09"})
    assert warnings == []  # still seated when it was handed in


def test_update_proposal_edits_text_but_not_a_void_one(setup):
    _, session, (wang, *_) = setup
    p = new(session, wang)
    changed, _ = c.update_proposal(p, {"title": "改善食堂伙食", "seconders": "李强、赵敏"})
    assert set(changed) == {"title", "seconders"}
    assert fresh(p).title == "改善食堂伙食"
    with pytest.raises(ValidationError, match="请填写案由"):
        c.update_proposal(p, {"title": ""})
    c.advance(p, "作废", {"reason": "重复"})
    with pytest.raises(ValidationError, match="提案已作废"):
        c.update_proposal(fresh(p), {"title": "x"})


# --- merges --------------------------------------------------------------------------------------


def test_a_merged_proposal_stays_findable(setup):
    _, session, (wang, li, _) = setup
    main = new(session, wang, "食堂")
    other = new(session, li, "食堂伙食")
    c.advance(other, "并案", {"merged_into": "5-2-001"})
    other = c.find_proposal("5-2-002")
    assert (other.state, other.merged_into_id) == ("并案", main.id)
    assert c.filing_text(other) == "并案（并入5-2-001）"
    assert [p.number for p in c.proposals_of(session, states=("并案",))] == ["5-2-002"]
    assert [p.number for p in c.proposals_of(text="5-2-002")] == ["5-2-002"]
    assert new(session, wang, "三").number == "5-2-003"
    # by record, too
    third = c.find_proposal("5-2-003")
    c.advance(third, "并案", {"merged_into": main})
    assert c.filing_text(fresh(third)) == "并案（并入5-2-001）"


def test_merging_onto_itself_or_into_a_loop_is_refused(setup):
    _, session, (wang, li, _) = setup
    a = new(session, wang, "一")
    b = new(session, li, "二")
    with pytest.raises(ValidationError, match="提案不能并入它自己"):
        c.advance(a, "并案", {"merged_into": "5-2-001"})
    c.advance(b, "并案", {"merged_into": a.number})
    with pytest.raises(ValidationError) as info:
        c.advance(a, "并案", {"merged_into": "5-2-002"})
    assert "循环" in info.value.message or "不能作为并案的主提案" in info.value.message
    assert fresh(a).state == "征集" and fresh(a).merged_into_id is None


def test_a_loop_through_records_is_refused(setup):
    """Even a chain stored another way (an import) cannot become a loop."""
    _, session, (wang, li, _) = setup
    a = new(session, wang, "一")
    b = new(session, li, "二")
    Proposal.update(merged_into=a.id).where(Proposal.id == b.id).execute()  # b → a, b still 征集
    with pytest.raises(ValidationError, match="循环"):
        c.advance(a, "并案", {"merged_into": b})


def test_merge_targets_are_checked(setup):
    term, session, (wang, li, _) = setup
    first = c.list_sessions(term)[-1]
    a = new(session, wang, "一")
    with pytest.raises(ValidationError, match="找不到要并入的提案“5-2-099”"):
        c.advance(a, "并案", {"merged_into": "5-2-099"})
    with pytest.raises(ValidationError, match="找不到要并入的提案"):
        c.advance(a, "并案", {})
    elsewhere = new(first, li, "上次")
    with pytest.raises(ValidationError, match="只能并入同一次会议的提案"):
        c.advance(a, "并案", {"merged_into": elsewhere.number})
    rejected = new(session, li, "二")
    c.advance(rejected, "不立案", {"reason": "x"})
    with pytest.raises(ValidationError, match="已不立案，不能作为并案的主提案"):
        c.advance(a, "并案", {"merged_into": rejected.number})
    assert fresh(a).state == "征集"


# --- report, 满意率, overdue ----------------------------------------------------------------------


def test_the_report_counts_and_the_satisfaction_rate(setup):
    _, session, (wang, li, _) = setup
    opinions = ("满意", "基本满意", "不满意")
    for i, opinion in enumerate(opinions):
        p = replied(session, wang, f"答复{i}")
        c.advance(p, "已反馈", {"opinion": opinion, "opinion_date": "2026-03-21"})
    closed = replied(session, wang, "办结的")
    c.advance(closed, "已反馈", {"opinion": "满意", "opinion_date": "2026-03-21"})
    c.advance(fresh(closed), "办结", {"closed_date": "2026-03-22"})
    replied(session, wang, "已答复未反馈")
    handed(session, wang, "交办中")
    main = new(session, li, "主提案")
    c.advance(main, "立案")
    merged = new(session, li, "并入的")
    c.advance(merged, "并案", {"merged_into": main})
    rejected = new(session, li, "不立案的")
    c.advance(rejected, "不立案", {"reason": "x"})
    withdrawn = new(session, li, "撤回的")
    c.advance(withdrawn, "撤回", {"reason": "x"})
    void = new(session, li, "作废的")
    c.advance(void, "作废", {"reason": "录错"})
    new(session, li, "待审查")

    report = c.proposal_report(session, today=dt.date(2026, 3, 25))
    # 12 entered, 1 voided: received 11; 立案 = 4 answered/closed + 1 replied + 1 handed + 1 立案
    assert (report.received, report.registered, report.merged, report.rejected) == (11, 7, 1, 1)
    assert (report.replied, report.withdrawn, report.with_opinion, report.satisfied) == (5, 1, 4, 3)
    assert str(report.satisfaction) == "75.0"
    assert report.summary == "共收到11件，立案7件，并案1件，不立案1件；已答复5件，满意率75%"
    assert report.by_state["作废"] == 0 and report.by_state["征集"] == 1
    assert report.overdue == []
    late = c.proposal_report(session, today=dt.date(2026, 4, 6))  # due 2026-04-05
    assert [p.title for p in late.overdue] == ["交办中"]


def test_satisfaction_with_no_opinion_is_a_dash(setup):
    _, session, (wang, *_) = setup
    replied(session, wang)
    report = c.proposal_report(session)
    assert report.satisfaction is None and report.with_opinion == 0
    assert report.summary.endswith("满意率—")
    empty = c.proposal_report(c.list_sessions()[-1])
    assert empty.summary == "共收到0件，立案0件，并案0件，不立案0件；已答复0件，满意率—"


def test_satisfaction_rounds_to_one_decimal(setup):
    _, session, (wang, *_) = setup
    for i, opinion in enumerate(("满意", "不满意", "不满意")):
        p = replied(session, wang, f"第{i}件")
        c.advance(p, "已反馈", {"opinion": opinion, "opinion_date": "2026-03-21"})
    report = c.proposal_report(session)
    assert str(report.satisfaction) == "33.3"
    assert report.summary.endswith("满意率33.3%")


def test_overdue_proposals_are_the_handed_ones_past_their_deadline(setup):
    _, session, (wang, *_) = setup
    late = handed(session, wang, "逾期的", due="2026-03-10")
    handed(session, wang, "未到期", due="2026-04-30")
    answered = handed(session, wang, "已答复", due="2026-03-10")
    c.advance(answered, "已答复", {"reply_date": "2026-03-09", "reply": "好"})
    day = dt.date(2026, 3, 11)
    assert [p.title for p in c.overdue_proposals(day)] == ["逾期的"]
    assert c.is_overdue(fresh(late), day) and not c.is_overdue(fresh(late), dt.date(2026, 3, 10))
    assert not c.is_overdue(fresh(answered), day)


def test_proposals_of_filters(setup):
    term, session, (wang, li, _) = setup
    first = c.list_sessions(term)[-1]
    new(first, wang, "去年的")
    p = new(session, li, "今年的", seconders="赵敏")
    c.advance(p, "立案")
    assert [x.title for x in c.proposals_of(year=2025)] == ["去年的"]
    assert [x.title for x in c.proposals_of(states=("立案",))] == ["今年的"]
    assert [x.title for x in c.proposals_of(text="李强")] == ["今年的"]
    assert [x.title for x in c.proposals_of(text="赵敏")] == ["今年的"]
    assert [x.title for x in c.proposals_of()] == ["去年的", "今年的"]


# --- audit ---------------------------------------------------------------------------------------


def test_every_step_is_audited_with_the_step(setup):
    _, session, (wang, *_) = setup
    p = replied(session, wang)
    c.advance(p, "已反馈", {"opinion": "满意", "opinion_date": "2026-03-21"})
    rows = audit.history("proposal", p.id)
    assert rows[0].action == "create"
    notes = [r.note for r in rows if r.action == "update"]
    assert notes == ["征集 → 立案", "立案 → 已交办", "已交办 → 已答复", "已答复 → 已反馈"]
    assert all("state" in r.after for r in rows if r.action == "update")


def test_refused_steps_write_nothing(setup):
    _, session, (wang, *_) = setup
    p = new(session, wang)
    count = AuditLog.select().count()
    for target, data in (("已交办", {"department": "总务处"}), ("不立案", {}), ("并案", {"merged_into": p.number})):
        with pytest.raises(ValidationError):
            c.advance(p, target, data)
    assert AuditLog.select().count() == count
    assert fresh(p).state == "征集"
