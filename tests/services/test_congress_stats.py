"""年度统计 · 教代会: sessions with their quorum, delegates by category, proposals by state, 满意率,
民主评议 — on a small database built by hand, so every figure is known."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from union_desk.db.models import Member
from union_desk.services import congress, stats
from union_desk.services.congress_stats import SECTION

YEAR = 2026
AS_OF = dt.date(YEAR, 6, 30)


def person(name: str, sex: str = "女", post: str = "教师") -> Member:
    return Member.create(name=name, sex=sex, birth_date=dt.date(1985, 3, 1), department="语文组", post=post,
                         union_group="第一工会小组", status="在职")


@pytest.fixture
def school(db):
    """Term 第五届 with 6 delegates (4 teachers, 1 leader, 1 staff; 4 women), a session on 2026-03-10
    with 5 present, 7 proposals in known states, one 民主评议 of two people, and a session of 2025."""
    people = [person(f"代表{i}", "女" if i < 4 else "男") for i in range(6)]
    outsider = person("非代表", "男")
    term = congress.save_term({"number": 5, "start_date": "2024-09-01"})
    categories = ["教师", "教师", "教师", "教师", "干部", "职工"]
    for m, category in zip(people, categories):
        congress.add_delegate(term, m, {"category": category, "elected_date": "2024-09-01"})
    old = congress.save_session({"term": term, "date": "2025-03-12"})
    congress.mark_attendance(old, [a.delegate_id for a in congress.attendance_of(old)][:2], "出席")
    session = congress.save_session({"term": term, "date": "2026-03-10", "place": "报告厅"})
    ids = [a.delegate_id for a in congress.attendance_of(session)]
    congress.mark_attendance(session, ids[:5], "出席")
    congress.mark_attendance(session, ids[5:], "请假", reason="培训")

    def proposal(title, proposer=people[0]):
        p, _ = congress.create_proposal(session, {"title": title, "proposer": proposer, "received_date": "2026-03-01"})
        return p

    def to_opinion(p, opinion, closed=False):
        congress.advance(p, "立案")
        congress.advance(p, "已交办", {"department": "总务处", "handed_date": "2026-03-15", "due_date": "2026-04-15"})
        congress.advance(p, "已答复", {"reply_date": "2026-04-01", "reply": "已办理"})
        congress.advance(p, "已反馈", {"opinion": opinion, "opinion_date": "2026-04-05"})
        if closed:
            congress.advance(p, "办结", {"closed_date": "2026-04-10"})

    to_opinion(proposal("甲"), "满意", closed=True)
    to_opinion(proposal("乙"), "不满意", closed=True)
    to_opinion(proposal("丙"), "基本满意")
    congress.advance(proposal("丁"), "作废", {"reason": "重复录入"})
    proposal("戊", outsider)  # 征集
    late = proposal("己")
    congress.advance(late, "立案")
    congress.advance(late, "已交办", {"department": "教务处", "handed_date": "2026-03-15", "due_date": "2026-04-14"})
    old_p, _ = congress.create_proposal(old, {"title": "去年的", "proposer": people[1], "received_date": "2025-03-01"})
    congress.advance(old_p, "立案")
    congress.save_evaluation(session, "民主评议", [
        {"name": "校长甲", "post": "校长", "excellent": 3, "competent": 1, "basic": 1, "incompetent": 0},  # 60%, 80%
        {"name": "主任乙", "post": "教务处主任", "excellent": 2, "competent": 2, "basic": 0, "incompetent": 0},  # 50%, 100%
    ])
    return session


def test_the_section_is_registered():
    assert SECTION.key == "congress"
    assert SECTION in stats.sections()
    keys = [s.key for s in stats.sections()]
    assert keys.index("plan") < keys.index("congress")  # after 工作计划完成情况 (50)


def test_sessions_with_their_quorum(school):
    c = stats.year_stats(YEAR, today=AS_OF).congress
    assert [(s.title, s.date) for s in c.sessions] == [("第五届第二次教职工代表大会", dt.date(2026, 3, 10))]
    (s,) = c.sessions
    assert (s.expected, s.present, s.leave, s.absent, s.needed, s.quorum_ok, s.held) == (6, 5, 1, 0, 4, True, True)
    last_year = stats.year_stats(2025, today=AS_OF).congress
    (old,) = last_year.sessions
    assert (old.present, old.needed, old.quorum_ok) == (2, 4, False)


def test_delegates_by_category_and_women(school):
    c = stats.year_stats(YEAR, today=AS_OF).congress
    assert c.term == "第五届"
    assert c.delegates == 6 and c.women == 4
    assert c.by_category == {"教师": 4, "干部": 1, "职工": 1, "其他": 0}


def test_proposals_by_state_and_satisfaction(school):
    c = stats.year_stats(YEAR, today=AS_OF).congress
    assert c.by_state == {"征集": 1, "立案": 0, "不立案": 0, "并案": 0, "已交办": 1, "已答复": 0, "已反馈": 1,
                          "办结": 2, "撤回": 0, "作废": 1}
    assert (c.proposals, c.received, c.registered, c.replied) == (6, 5, 4, 3)
    assert c.opinions == {"满意": 1, "基本满意": 1, "不满意": 1}
    assert c.satisfaction == Decimal("66.7")  # (满意 + 基本满意) ÷ 3 with an opinion
    assert c.satisfaction == congress.proposal_report(school).satisfaction
    assert c.overdue == 1  # 己: due 2026-04-14, no reply by 2026-06-30
    assert stats.year_stats(YEAR, today=dt.date(2026, 4, 1)).congress.overdue == 0


def test_evaluation_rates(school):
    c = stats.year_stats(YEAR, today=AS_OF).congress
    assert [(s.name, s.valid, s.excellent_rate, s.satisfied_rate) for s in c.subjects] == [
        ("校长甲", 5, 0.6, 0.8), ("主任乙", 4, 0.5, 1.0)]
    assert c.average_excellent == pytest.approx(0.55)
    assert c.average_satisfied == pytest.approx(0.9)


def test_tables(school):
    figures = stats.year_stats(YEAR, today=AS_OF)
    tables = {t.key: t for t in SECTION.tables(figures.congress, figures)}
    assert list(tables) == ["congress_sessions", "congress_delegates", "congress_proposals", "congress_evaluation"]
    sessions = tables["congress_sessions"]
    assert sessions.rows == [["第五届第二次教职工代表大会", dt.date(2026, 3, 10), 6, 5, 1, 4, "是"]]
    delegates = tables["congress_delegates"]
    assert [r[:2] for r in delegates.rows] == [["教师", 4], ["干部", 1], ["职工", 1], ["其他", 0]]
    assert delegates.total == ["合计", 6, 1.0]
    assert delegates.look.chart.kind == "pie" and delegates.look.title and len(delegates.look.headers) == 3
    proposals = tables["congress_proposals"]
    assert dict((r[0], r[1]) for r in proposals.rows) == figures.congress.by_state
    assert proposals.total[:2] == ["合计", 6]
    assert stats.format_cell(proposals.rows[7][2], "rate") == "33.3%"  # 办结 2 of 6
    evaluation = tables["congress_evaluation"]
    assert evaluation.rows[0] == ["校长甲（校长）", 5, 3, 1, 1, 0, 0.6, 0.8]
    assert len(evaluation.headers) <= 8  # wider tables print as month tables
    assert stats.format_cell(evaluation.total[-1], "rate") == "90.0%"
    for t in tables.values():
        assert len(t.headers) == len(t.kinds)
        assert not t.look.headers or len(t.look.headers) == len(t.headers), t.key
        for row in t.rows + ([t.total] if t.total else []):
            assert len(row) == len(t.headers), t.key
            for value, kind in zip(row, t.kinds):
                stats.format_cell(value, kind)


def test_paragraph_notes_and_json(school):
    figures = stats.year_stats(YEAR, today=AS_OF)
    paragraph = stats.key_paragraph(figures)
    assert "召开教职工代表大会1次，收到提案5件，立案4件，已答复3件，满意率66.7%" in paragraph
    assert "民主评议2人，平均满意率90.0%" in paragraph
    notes = stats.notes(figures)
    assert "已反馈意见的提案（3件），为66.7%；逾期未答复1件" in notes["congress_proposals"]
    assert "在任6人，其中女代表4人（66.7%）" in notes["congress_delegates"]
    assert figures.congress.term and stats.screen_notes(figures)["congress_proposals"][0][1]["overdue"] == 1
    data = json.loads(json.dumps(stats.as_json(figures), ensure_ascii=False))
    c = data["congress"]
    assert set(c) == {"sessions", "held", "term", "delegates", "proposals", "evaluation"}
    assert c["held"] == 1 and c["sessions"][0]["quorum_ok"] is True and c["sessions"][0]["present"] == 5
    assert c["delegates"] == {"total": 6, "by_category": {"教师": 4, "干部": 1, "职工": 1, "其他": 0}, "women": 4}
    assert c["proposals"]["by_state"]["作废"] == 1 and c["proposals"]["received"] == 5
    assert c["proposals"]["satisfaction"] == 0.6667 and c["proposals"]["overdue"] == 1
    assert c["evaluation"]["average_satisfied_rate"] == 0.9
    assert any("教代会提案满意率" in line for line in stats.sheet_notes(figures))


def test_a_session_still_to_come_is_listed_not_held(school):
    term = congress.current_term(AS_OF)
    congress.save_session({"term": term, "date": "2026-11-20"})
    c = stats.year_stats(YEAR, today=AS_OF).congress
    assert [s.held for s in c.sessions] == [True, False]
    rows = {t.key: t for t in stats.tables(stats.year_stats(YEAR, today=AS_OF))}["congress_sessions"].rows
    assert rows[1][-1] == "未召开"
    assert "筹备教职工代表大会1次" in stats.key_paragraph(stats.year_stats(YEAR, today=AS_OF))


def test_an_empty_database(db):
    figures = stats.year_stats(YEAR, today=AS_OF)
    c = figures.congress
    assert c.sessions == [] and c.delegates == 0 and c.term == "" and c.proposals == 0
    assert c.satisfaction is None and c.satisfaction_rate is None
    assert SECTION.paragraph(c, figures) is None
    keys = [t.key for t in stats.tables(figures) if t.key.startswith("congress")]
    assert keys == ["congress_sessions", "congress_delegates", "congress_proposals"]  # no 民主评议 table
    data = json.loads(json.dumps(stats.as_json(figures)))
    assert data["congress"]["proposals"]["satisfaction"] is None
    assert "没有正在进行的届次" in stats.notes(figures)["congress_delegates"]
