"""The demo school's 教代会: a running term whose delegates are the role holders, two sessions, about
twenty proposals in every state (one overdue), quorum and a resolution passed, one 民主评议, and the
plan item 召开教职工代表大会 linked — whether this school year's session is still to come (autumn)
or already held (spring)."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.congress_models import AgendaItem, CongressSession, Delegate, Evaluation, Proposal
from union_desk.db.database import close_database
from union_desk.db.models import AuditLog, Member, PlanItem
from union_desk.demo.generator import generate
from union_desk.domain import congress as rules
from union_desk.services import congress
from union_desk.services.maintenance import open_for_use

AUTUMN = dt.date(2025, 11, 20)  # this school year's session (March 2026) still to come
SPRING = dt.date(2026, 5, 20)  # this school year's session held in March
EARLY_MARCH = dt.date(2026, 3, 5)  # the session moved back into January so that replies can be late


@pytest.fixture
def make_school(tmp_path, monkeypatch):
    monkeypatch.setenv("UNION_DESK_DATA_DIR", str(tmp_path / "data"))
    opened = []

    def make(today: dt.date, members: int = 150, seed: int = 2026, name: str = "d.sqlite"):
        if opened:
            close_database()
        open_for_use(tmp_path / name, auto_backup=False)
        opened.append(name)
        return generate(members=members, seed=seed, today=today)

    yield make
    if opened:
        close_database()


def sessions() -> list[CongressSession]:
    return list(CongressSession.select().order_by(CongressSession.date))


@pytest.mark.parametrize("today", [AUTUMN, SPRING, EARLY_MARCH])
def test_every_state_and_an_overdue_proposal(make_school, today):
    summary = make_school(today)
    states = {p.state for p in Proposal.select()}
    assert states == set(rules.STATES)
    assert 18 <= Proposal.select().count() <= 26
    assert summary["教代会提案"] == Proposal.select().count()
    assert summary["教代会代表"] == len(congress.delegates_of(congress.current_term(today)))
    overdue = congress.overdue_proposals(today)
    assert len(overdue) >= 1
    assert all(p.state == "已交办" and p.due_date < today for p in overdue)
    opinions = {p.opinion for p in Proposal.select().where(Proposal.state.in_(["已反馈", "办结"]))}
    assert opinions == {"满意", "基本满意", "不满意"}
    rejected = list(Proposal.select().where(Proposal.state == "不立案"))
    assert all(p.reason for p in rejected) and any(p.as_suggestion for p in rejected)
    merged = Proposal.get(Proposal.state == "并案")
    assert congress.filing_text(merged).startswith("并案（并入")
    assert all(p.reason for p in Proposal.select().where(Proposal.state.in_(["撤回", "作废"])))
    # nothing dated after the generator's today (deadlines aside)
    for p in Proposal.select():
        for day in (p.received_date, p.handed_date, p.reply_date, p.opinion_date, p.closed_date):
            assert day is None or day <= today, p.number
        if p.reply_date and p.handed_date:
            assert p.handed_date <= p.reply_date
    # written through the services: the workflow is in the audit log
    assert AuditLog.select().where((AuditLog.table_name == "proposal") & (AuditLog.note.contains("→"))).count() > 20


@pytest.mark.parametrize("today", [AUTUMN, SPRING])
def test_sessions_quorum_agenda_and_evaluation(make_school, today):
    make_school(today)
    first, second = sessions()
    assert first.number == 2 and second.number == 3 and first.term_id == second.term_id
    assert first.title == "第五届第二次教职工代表大会"
    assert first.date.month == 3 and first.date < today
    figures = congress.session_figures(first)
    assert first.held and figures.quorum_ok and figures.present >= figures.needed > 0
    assert figures.leave >= 1
    resolution = AgendaItem.get((AgendaItem.session == first) & (AgendaItem.kind == "决议"))
    assert congress.vote_result(resolution) == "通过"
    assert resolution.votes_for + resolution.votes_against + resolution.votes_abstain <= figures.present
    # the second session offers the report on the first one's proposals
    assert [a.title for a in congress.agenda_of(second)][0] == rules.REPORT_AGENDA_TITLE
    if today == AUTUMN:
        assert second.date > today and not second.held and second.date.month == 3
        assert {p.state for p in second.proposals} <= {"征集", "立案", "并案", "作废"}
        assert congress.session_figures(second).present == 0
    else:
        assert second.date <= today - dt.timedelta(days=45) and second.held
        assert congress.session_figures(second).quorum_ok
    (evaluation,) = Evaluation.select()
    subjects = congress.subjects_of(evaluation)
    assert 4 <= len(subjects) <= 6
    present = congress.session_figures(evaluation.session).present
    for s in subjects:
        ballots = congress.ballots(s)
        assert 0 < ballots.valid <= present
        assert s.member is not None and s.member.post in ("校长", "副校长", "主任", "副主任")


def test_delegates_are_the_role_holders(make_school):
    make_school(AUTUMN)
    term = congress.current_term(AUTUMN)
    assert term.number == 5 and term.end_date is None and term.start_date == dt.date(2023, 9, 1)
    assert congress.current_term() == term  # still running on the real today (the role follows it)
    holders = {m.id for m in Member.select() if "教代会代表" in (m.union_roles or "").split(",")}
    assert holders == {d.member_id for d in congress.delegates_of(term, on=AUTUMN)}
    assert holders == {d.member_id for d in congress.delegates_of(term, on=dt.date.today())}
    assert congress.sync_roles() == []  # nothing left to change
    left = Delegate.get(Delegate.left_date.is_null(False))
    assert left.left_reason and left.member_id not in holders
    substitute = Delegate.get(Delegate.replaces == left)
    assert substitute.how == "补选" and substitute.elected_date > left.left_date
    assert substitute.member_id in holders
    seats = list(Delegate.select())
    assert {d.category for d in seats} <= set(rules.DELEGATE_CATEGORIES)
    for d in seats:
        post = d.member.post
        if post in ("校长", "副校长", "主任", "副主任"):
            assert d.category == "干部", post
        elif post in ("教师", "班主任", "教研组长"):
            assert d.category == "教师", post
    # the one who left sat at the first session, the substitute at the second
    first, second = sessions()
    assert left.id in {a.delegate_id for a in congress.attendance_of(first)}
    assert substitute.id not in {a.delegate_id for a in congress.attendance_of(first)}
    assert substitute.id in {a.delegate_id for a in congress.attendance_of(second)}


def test_the_plan_item_is_linked_and_completed(make_school):
    make_school(AUTUMN)
    first, second = sessions()
    held_item = PlanItem.get_by_id(first.plan_item_id)  # 2025: the plan's year
    assert held_item.year == first.date.year and held_item.date == first.date
    assert held_item.status == "已完成" and "教职工代表大会" in held_item.title
    coming_item = PlanItem.get_by_id(second.plan_item_id)  # 2026: next year's plan
    assert coming_item.status == "未开始" and coming_item.date == second.date


def test_overdue_reply_handed_over_again(make_school):
    make_school(AUTUMN)
    (late,) = congress.overdue_proposals(AUTUMN)
    assert (AUTUMN - late.due_date).days == 12
    notes = [a.note for a in AuditLog.select().where((AuditLog.table_name == "proposal") & (AuditLog.record_id == late.id))]
    assert "已反馈 → 已交办" in notes  # the proposer was not satisfied: handed over again


def test_same_seed_same_congress_and_small_schools(make_school):
    make_school(AUTUMN, members=60, seed=7, name="a.sqlite")
    first = [(p.number, p.title, p.state, p.proposer_id) for p in Proposal.select().order_by(Proposal.id)]
    make_school(AUTUMN, members=60, seed=7, name="b.sqlite")
    assert [(p.number, p.title, p.state, p.proposer_id) for p in Proposal.select().order_by(Proposal.id)] == first
    for members in (20, 8):
        summary = make_school(AUTUMN, members=members, name=f"s{members}.sqlite")
        assert summary["会员"] == members
        holders = {m.id for m in Member.select() if "教代会代表" in (m.union_roles or "")}
        term = congress.current_term(AUTUMN)
        assert holders == ({d.member_id for d in congress.delegates_of(term, on=AUTUMN)} if term else set())
