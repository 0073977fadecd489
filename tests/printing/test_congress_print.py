"""教代会 printouts (union_desk.printing.congress), read back from the PDF: 提案表, 提案答复单,
提案办理情况报告, 民主评议汇总表 and the session's 签到表. Data is made through services.congress."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest

from union_desk.db.congress_models import CongressSession, Evaluation, Proposal
from union_desk.db.models import Member
from union_desk.errors import NotFoundError, ValidationError
from union_desk.printing import congress as pc
from union_desk.services import congress as c
from union_desk.services import members

SESSION_TITLE = "杭州市文澜实验学校第五届第二次教职工代表大会"
TODAY = dt.date(2026, 6, 1)
MIN_POINTS = 9.0
GROUPS = ("第一代表组", "第二代表组", "第三代表组")
DEPARTMENTS = ("语文组", "数学组", "英语组", "体育组", "总务处")
SURNAMES = "赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
CONTENT = "学校食堂就餐高峰时段排队时间较长，菜品种类较少。\n建议：一、增设一个打菜窗口；二、每周公布菜谱并征求教职工意见。"
REPLY = "总务处已与食堂承包方协商，自4月起增设一个窗口，每周五在校园网公布下周菜谱。"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def text_sizes(path) -> list[tuple[float, str]]:
    """(printed size in pt, text) of every piece of text in the PDF (as tests/ledgers/test_printed_size)."""
    from pypdf import PdfReader

    found: list[tuple[float, str]] = []
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):
            if not text.strip():
                return
            c_, d_ = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            found.append((round(size * (c_ * c_ + d_ * d_) ** 0.5, 2), text))

        page.extract_text(visitor_text=visit)
    return found


@dataclass
class Congress:
    session: CongressSession  # 第五届第二次, held 2026-03-01
    proposer: Member  # 王芳, 语文组 (a delegate)
    delegates: list[Member]
    full: Proposal  # 5-2-001: 立案 → 交办 → 已答复 → 已反馈 基本满意
    overdue: Proposal  # 5-2-002: handed over, deadline 2026-04-05, no reply
    waiting: Proposal  # 5-2-003: handed over, deadline after TODAY
    satisfied: Proposal  # 5-2-004: 满意
    unhappy: Proposal  # 5-2-005: 不满意
    rejected: Proposal  # 5-2-006: 不立案 (转意见建议)
    merged: Proposal  # 5-2-007: 并入 5-2-001
    void: Proposal  # 5-2-008: 作废
    collected: Proposal  # 5-2-009: 征集
    evaluation: Evaluation


def _proposal(session, proposer, title, content=CONTENT, **extra) -> Proposal:
    data = {"title": title, "proposer": proposer, "category": "后勤保障", "received_date": "2026-02-20",
            "seconders": "李强、赵老师00", "content": content, **extra}
    proposal, _warnings = c.create_proposal(session, data)
    return proposal


def _hand(proposal, due="2026-04-05"):
    c.advance(proposal, "立案")
    c.advance(proposal, "已交办", {"department": "总务处", "handed_date": "2026-03-05", "due_date": due})


def _reply(proposal, opinion=None, reply=REPLY):
    c.advance(proposal, "已答复", {"reply_date": "2026-03-20", "reply": reply})
    if opinion:
        c.advance(proposal, "已反馈", {"opinion": opinion, "opinion_date": "2026-03-25"})


@pytest.fixture
def congress(school):
    people = [school.wang, school.li]
    for i in range(28):
        people.append(members.create_member({"name": f"{SURNAMES[i]}老师{i:02d}", "sex": "女" if i % 2 else "男",
                                             "department": DEPARTMENTS[i % 5]}))
    term = c.save_term({"number": 5, "start_date": "2024-09-01"})
    for i, member in enumerate(people):
        c.add_delegate(term, member, {"category": "教师", "elected_date": "2024-09-01", "group_name": GROUPS[i % 3]})
    c.save_session({"term": term, "date": "2025-03-01", "place": "报告厅"})  # 第一次
    session = c.save_session({"term": term, "date": "2026-03-01", "place": "学校报告厅"})
    ids = [a.delegate_id for a in c.attendance_of(session)]
    c.mark_attendance(session, ids[:24], "出席")
    c.mark_attendance(session, ids[24:26], "请假", "外出培训")

    wang = school.wang
    full = _proposal(session, wang, "关于改善教职工食堂就餐条件的建议")
    _hand(full)
    _reply(full, "基本满意")
    overdue = _proposal(session, people[2], "关于增设教师休息室的建议")
    _hand(overdue)
    waiting = _proposal(session, people[3], "关于更新多媒体设备的建议")
    _hand(waiting, due="2026-07-01")
    satisfied = _proposal(session, people[4], "关于开展教职工体检的建议")
    _hand(satisfied)
    _reply(satisfied, "满意")
    unhappy = _proposal(session, people[5], "关于提高班主任津贴的建议")
    _hand(unhappy)
    _reply(unhappy, "不满意")
    rejected = _proposal(session, people[6], "关于调整个人课表的建议")
    c.advance(rejected, "不立案", {"reason": "属于个人事务，转教务处参考", "as_suggestion": True})
    merged = _proposal(session, people[7], "关于食堂增加菜品的建议")
    c.advance(merged, "并案", {"merged_into": full.number})
    void = _proposal(session, people[8], "重复录入的提案")
    c.advance(void, "作废", {"reason": "重复录入"})
    collected = _proposal(session, people[9], "关于校园绿化的建议")
    evaluation = c.save_evaluation(session, "2026年度校级领导干部民主评议", [
        {"name": "王校长", "post": "校长", "excellent": 17, "competent": 5, "basic": 1, "incompetent": 1},
        {"name": "刘书记", "post": "党支部书记", "excellent": 12, "competent": 9, "basic": 2, "incompetent": 0},
    ])
    return Congress(session, wang, people, *(Proposal.get_by_id(p.id) for p in (
        full, overdue, waiting, satisfied, unhappy, rejected, merged, void, collected)), evaluation)


# --- 提案表 -----------------------------------------------------------------------------------------


def test_proposal_form_one_page_with_every_field_and_the_ticked_opinion(congress, tmp_path, pdf):
    out = tmp_path / "proposal.pdf"
    result = pc.print_proposal(congress.full.id, out)
    pages = pdf.pages(out)
    assert result.pages == len(pages) == 1
    text = flat(pages[0])
    assert "杭州市文澜实验学校工会委员会" in text
    assert f"{SESSION_TITLE}提案表" in text
    assert "提案编号5-2-001" in text and "类别后勤保障" in text and "提交日期2026年2月20日" in text
    assert "案由关于改善教职工食堂就餐条件的建议" in text
    assert "提案人王芳部门语文组立案情况立案" in text
    assert "附议人李强、赵老师00" in text
    assert flat(CONTENT) in text
    assert "承办部门总务处交办日期2026年3月5日答复期限2026年4月5日" in text
    for label in ("提案人签名", "附议人签名", "提案工作小组意见", "承办部门答复", "负责人签名", "提案人意见", "签名："):
        assert label in text, label
    assert flat(REPLY) in text  # the department's reply in its box
    assert "√基本满意" in text and "√满意" not in text and "√不满意" not in text
    assert "日期：2026年3月25日" in text  # the date of the recorded opinion
    assert "第1页共1页" in text


def test_proposal_form_of_a_new_proposal_has_empty_ticks_and_rejected_shows_the_reason(congress, tmp_path, pdf):
    out = tmp_path / "new.pdf"
    pc.print_proposal(congress.collected.id, out)
    text = pdf.flat(out)
    assert "立案情况待审查" in text
    assert "√" not in text  # nothing ticked yet
    assert "满意" in text and "基本满意" in text and "不满意" in text
    pc.print_proposal(congress.rejected.id, out)
    text = pdf.flat(out)
    assert "不立案（转意见建议）" in text
    assert "属于个人事务，转教务处参考" in text  # the proposal group's opinion
    pc.print_proposal(congress.merged.id, out)
    assert "并案（并入5-2-001）" in pdf.flat(out)


def test_long_content_is_made_smaller_to_fit_one_page(congress, tmp_path, pdf):
    content = ("建议学校完善青年教师培养制度，每学期安排一次校外培训，并给予经费保障。" * 40)[:1400]
    proposal = _proposal(congress.session, congress.proposer, "关于青年教师培养的建议", content=content)
    out = tmp_path / "long.pdf"
    assert pc.print_proposal(proposal.id, out).pages == 1
    text = pdf.flat(out)
    assert content in text  # all of it, smaller
    assert pc.CUT_NOTE not in text
    sizes = {size for size, piece in text_sizes(out) if piece.strip() and piece.strip()[0] == "建"}
    assert sizes and max(sizes) < 10.5 and min(sizes) >= MIN_POINTS


def test_2000_characters_still_one_page_cut_with_a_note(congress, tmp_path, pdf):
    content = "".join(f"第{i}条：建议学校进一步完善教职工福利制度。" for i in range(200))[:2000]
    assert len(content) == 2000
    proposal = _proposal(congress.session, congress.proposer, "关于完善福利制度的建议", content=content)
    _hand(proposal)
    _reply(proposal, "满意", reply="答复" * 1000)
    out = tmp_path / "cut.pdf"
    result = pc.print_proposal(proposal.id, out)
    pages = pdf.pages(out)
    assert result.pages == len(pages) == 1
    text = flat(pages[0])
    assert "……（内容较长，见附页）" in text
    assert content[:300] in text and content not in text
    assert "（详见提案答复单）" in text  # the reply box, too, is cut
    for label in ("承办部门答复", "负责人签名", "提案人意见", "√满意"):  # the end of the form is still there
        assert label in text, label
    assert min(size for size, _ in text_sizes(out)) >= MIN_POINTS


def test_a_form_that_runs_over_is_measured_again(congress, tmp_path, pdf, monkeypatch):
    content = "".join(f"第{i}条：建议学校进一步完善教职工福利制度。" for i in range(200))[:2000]
    proposal = _proposal(congress.session, congress.proposer, "关于完善福利制度的建议", content=content)
    monkeypatch.setattr(pc, "RETRY_SLACK", (-60 * pc.mm,))
    out = tmp_path / "retry.pdf"
    assert pc.print_proposal(proposal.id, out).pages == 2  # measured too generously: it would run over
    monkeypatch.setattr(pc, "RETRY_SLACK", (-60 * pc.mm, pc.SLACK))
    assert pc.print_proposal(proposal.id, out).pages == 1
    assert len(pdf.pages(out)) == 1 and pc.CUT_NOTE in pdf.flat(out)


def test_form_with_the_cid_font_is_one_page(congress, tmp_path, pdf, no_cjk_font):
    proposal = _proposal(congress.session, congress.proposer, "关于完善福利制度的建议", content="福利" * 1000)
    out = tmp_path / "cid.pdf"
    assert pc.print_proposal(proposal.id, out).pages == 1
    pdf.assert_cid_fallback(out)
    assert len(pdf.pages(out)) == 1


# --- 提案答复单 ---------------------------------------------------------------------------------------


def test_reply_slip(congress, tmp_path, pdf):
    out = tmp_path / "reply.pdf"
    result = pc.print_proposal_reply(congress.full.id, out)
    pages = pdf.pages(out)
    assert result.pages == len(pages) == 1
    text = flat(pages[0])
    assert f"{SESSION_TITLE}提案答复单" in text
    assert "提案编号5-2-001提案人王芳（语文组）" in text
    assert "案由关于改善教职工食堂就餐条件的建议" in text
    assert "承办部门总务处交办日期2026年3月5日" in text
    assert "答复期限2026年4月5日答复日期2026年3月20日" in text
    assert "办理结果" + flat(REPLY) in text
    assert "（承办部门盖章）" in text and "承办部门负责人签名：" in text
    assert "提案人意见" in text and "√基本满意" in text


def test_reply_slip_before_the_reply_and_with_a_long_reply(congress, tmp_path, pdf):
    out = tmp_path / "blank.pdf"
    assert pc.print_proposal_reply(congress.overdue.id, out).pages == 1
    text = pdf.flat(out)
    assert "答复日期办理结果" in text  # both empty: a form to fill in
    assert "√" not in text
    proposal = _proposal(congress.session, congress.proposer, "关于完善福利制度的建议")
    _hand(proposal)
    reply = "".join(f"第{i}项：已落实。" for i in range(300))[:1500]
    _reply(proposal, reply=reply)
    assert pc.print_proposal_reply(proposal.id, out).pages == 1
    assert reply in pdf.flat(out)


# --- 提案办理情况报告 ---------------------------------------------------------------------------------


def test_report_summary_table_and_overdue(congress, tmp_path, pdf):
    out = tmp_path / "report.pdf"
    result = pc.print_proposals_report(congress.session.id, out, today=TODAY)
    text = pdf.flat(out)
    assert "关于第五届第二次教职工代表大会提案办理情况的报告" in text
    # 9 proposals, one voided: 8 received; 立案 = 5 handed over; 已答复 3; opinions 基本满意, 满意, 不满意 → 2/3
    summary = "共收到8件，立案5件，并案1件，不立案1件；已答复3件，满意率66.7%"
    assert summary == c.proposal_report(congress.session, today=TODAY).summary
    assert summary in text
    for head in ("编号", "案由", "提案人", "承办部门", "状态", "提案人意见"):
        assert head in text
    for p in (congress.full, congress.overdue, congress.waiting, congress.rejected, congress.merged, congress.collected):
        assert p.number in text and p.title in text, p.number
    assert congress.void.number not in text and congress.void.title not in text
    assert "5-2-001关于改善教职工食堂就餐条件的建议王芳总务处已反馈基本满意" in text
    assert "并案（并入5-2-001）" in text and "不立案（转意见建议）" in text
    section = text[text.index("二、逾期未答复的提案"):]
    assert "5-2-002关于增设教师休息室的建议" in section and "2026-03-05" in section and "2026-04-05" in section
    assert "57天" in section  # 2026-04-05 → 2026-06-01
    assert congress.waiting.number not in section  # its deadline has not passed
    assert "已交办（逾期）" in text
    assert "杭州市文澜实验学校工会委员会2026年6月1日第1页共1页" in text  # signed by the union, at the end
    assert result.pages == len(pdf.pages(out))
    assert result.items == 8


def test_long_report_has_page_numbers_and_the_header_on_every_page(congress, tmp_path, pdf):
    for i in range(40):
        proposal = _proposal(congress.session, congress.delegates[i % 20], f"关于教学管理第{i}项改进的建议")
        if i % 2:
            _hand(proposal, due="2026-04-10")
    out = tmp_path / "report.pdf"
    result = pc.print_proposals_report(congress.session.id, out, today=TODAY)
    pages = pdf.pages(out)
    assert result.pages == len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
        assert "编号" in flat(page)
    assert "提案办理情况报告（续）" in flat(pages[1])
    assert "没有逾期" not in pdf.flat(out)
    assert min(size for size, _ in text_sizes(out)) >= MIN_POINTS  # the running head too


def test_report_without_overdue_says_so(congress, tmp_path, pdf):
    out = tmp_path / "report.pdf"
    pc.print_proposals_report(congress.session.id, out, today=dt.date(2026, 3, 10))
    assert "截至2026年3月10日，没有逾期未答复的提案。" in pdf.flat(out)


# --- 民主评议汇总表 -----------------------------------------------------------------------------------


def test_evaluation_summary(congress, tmp_path, pdf):
    out = tmp_path / "evaluation.pdf"
    result = pc.print_evaluation(congress.evaluation.id, out)
    text = pdf.flat(out)
    assert result.pages == 1 and result.items == 2
    assert "2026年度校级领导干部民主评议汇总表" in text
    assert SESSION_TITLE in text and "出席代表24人" in text
    for head in ("姓名", "职务", "优秀", "称职", "基本称职", "不称职", "有效票", "优秀率", "满意率"):
        assert head in text
    # 17 + 5 + 1 + 1 = 24 valid; 优秀率 17/24 = 70.8%; 满意率 22/24 = 91.7%
    assert "1王校长校长175112470.8%91.7%" in text
    # 12 + 9 + 2 + 0 = 23; 12/23 = 52.2%; 21/23 = 91.3%
    assert "2刘书记党支部书记129202352.2%91.3%" in text
    assert "计票人：" in text and "监票人：" in text and "日期：" in text


# --- 签到表 -------------------------------------------------------------------------------------------


def test_signin_sheet(congress, tmp_path, pdf):
    out = tmp_path / "signin.pdf"
    result = pc.print_congress_signin(congress.session.id, out)
    pages = pdf.pages(out)
    assert result.pages == len(pages) >= 2 and result.items == 30
    first = flat(pages[0])
    assert "第五届第二次教职工代表大会签到表" in first and "地点：学校报告厅" in first and "时间：2026年3月1日" in first
    for number, page in enumerate(pages, start=1):
        for head in ("序号", "代表团（组）", "姓名", "部门", "签到"):
            assert head in flat(page), (number, head)
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    text = pdf.flat(out)
    for member in congress.delegates:
        assert member.name in text
    order = [text.index(group) for group in GROUPS]  # by delegation group
    assert order == sorted(order)
    assert "请假（外出培训）" in text
    assert "应到代表30人" in text and "实到代表24人" in text and "请假2人" in text
    assert "经办人：" in text
    assert min(size for size, _ in text_sizes(out)) >= MIN_POINTS


def test_delegation_groups_in_number_order():
    names = ["第十代表组", "第二代表组", "", "第一代表组", "语文组代表团", "第3组", "第十一代表组"]
    assert sorted(names, key=pc.group_key) == ["第一代表组", "第二代表组", "第3组", "第十代表组", "第十一代表组",
                                                 "语文组代表团", ""]


def test_signin_before_the_session_leaves_present_blank(congress, tmp_path, pdf):
    term = congress.session.term
    later = c.save_session({"term": term, "date": "2026-09-20", "place": "会议室"})
    out = tmp_path / "signin.pdf"
    pc.print_congress_signin(later.id, out)
    text = pdf.flat(out)
    assert "第五届第三次教职工代表大会签到表" in text
    assert "应到代表30人" in text and "实到代表＿＿＿人" in text
    assert "请假" not in text


# --- every sheet -------------------------------------------------------------------------------------


def _print_all(congress, tmp_path) -> dict:
    return {
        "proposal": pc.print_proposal(congress.full.id, tmp_path / "a.pdf"),
        "reply": pc.print_proposal_reply(congress.full.id, tmp_path / "b.pdf"),
        "report": pc.print_proposals_report(congress.session.id, tmp_path / "c.pdf", today=TODAY),
        "evaluation": pc.print_evaluation(congress.evaluation.id, tmp_path / "d.pdf"),
        "signin": pc.print_congress_signin(congress.session.id, tmp_path / "e.pdf"),
    }


def test_no_printed_text_below_9_points(congress, tmp_path):
    for name, result in _print_all(congress, tmp_path).items():
        sizes = text_sizes(result.path)
        assert sizes, name
        small = [(s, t) for s, t in sizes if s < MIN_POINTS]
        assert not small, (name, small[:5])


def test_chinese_truetype_font_everywhere(congress, tmp_path, pdf, truetype_installed):
    for name, result in _print_all(congress, tmp_path).items():
        pdf.assert_embedded_truetype(result.path)


def test_bad_ids(congress, tmp_path):
    calls = (pc.print_proposal, pc.print_proposal_reply, pc.print_proposals_report, pc.print_evaluation,
             pc.print_congress_signin)
    for function in calls:
        with pytest.raises(NotFoundError):
            function(99999, tmp_path / "x.pdf")
        with pytest.raises(ValidationError):
            function("abc", tmp_path / "x.pdf")
    assert not list(tmp_path.glob("*.pdf"))


def test_session_without_delegates_has_no_signin_sheet(school, tmp_path):
    term = c.save_term({"number": 6, "start_date": "2024-09-01"})
    session = c.save_session({"term": term, "date": "2025-03-01"})
    with pytest.raises(ValidationError, match="没有应到代表"):
        pc.print_congress_signin(session.id, tmp_path / "x.pdf")
    # the report of a session without proposals still prints
    out = tmp_path / "report.pdf"
    pc.print_proposals_report(session.id, out, today=TODAY)
    assert out.exists()
