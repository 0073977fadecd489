"""年度统计 · 教代会 (the staff congress area's statistics section, issue 16).

Sessions: dated in the period (held or still to come); 应到 / 出席 / 请假 from the sign-in, the quorum
as `services.congress.session_figures` has it. Delegates: the seats of the term running on the
reference day `as_of`, seated on that day (`services.congress.delegate_figures`). Proposals: those
of the sessions dated in the period, by state (作废 shown, but not counted as received, as in the
提案办理情况报告); 满意率 = (满意 + 基本满意) ÷ the proposals with the proposer's opinion
(`domain.congress.satisfaction`); 逾期 = handed over and past the reply deadline on `as_of`.
民主评议: the evaluations of those sessions, each person's 优秀率 and 满意率 and their averages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.db.congress_models import CongressSession, Evaluation, EvaluationSubject, Proposal
from union_desk.domain import congress as rules
from union_desk.services import congress
from union_desk.services.plan import Period
from union_desk.services.stats import (
    Chart,
    Note,
    Series,
    StatsSection,
    StatTable,
    TableLook,
    percent,
    share,
    shares,
)


@dataclass
class SessionFigure:
    id: int
    title: str
    date: dt.date
    kind: str
    held: bool
    expected: int
    present: int
    leave: int
    absent: int
    needed: int
    quorum_ok: bool


@dataclass
class SubjectFigure:
    evaluation: str
    name: str
    post: str
    valid: int
    excellent: int
    competent: int
    basic: int
    incompetent: int

    @property
    def label(self) -> str:
        """'王梅颖（校长）' (the table's first column)."""
        return f"{self.name}（{self.post}）" if self.post else self.name

    @property
    def excellent_rate(self) -> float | None:
        return self.excellent / self.valid if self.valid else None

    @property
    def satisfied_rate(self) -> float | None:
        return (self.excellent + self.competent) / self.valid if self.valid else None


@dataclass
class CongressStats:
    sessions: list[SessionFigure]
    term: str  # '第五届' (the term running on as_of) or ''
    delegates: int
    by_category: dict[str, int]
    women: int
    by_state: dict[str, int]  # every state, 作废 included
    opinions: dict[str, int]  # 满意 / 基本满意 / 不满意 (proposals with an opinion)
    overdue: int
    subjects: list[SubjectFigure] = field(default_factory=list)

    @property
    def held(self) -> int:
        return sum(1 for s in self.sessions if s.held)

    @property
    def proposals(self) -> int:
        """All numbered proposals of the period's sessions (作废 included)."""
        return sum(self.by_state.values())

    @property
    def received(self) -> int:
        """收到: not voided (a void was entered by mistake)."""
        return self.proposals - self.by_state.get(rules.VOID, 0)

    @property
    def registered(self) -> int:
        return sum(self.by_state.get(s, 0) for s in rules.REGISTERED_STATES)

    @property
    def replied(self) -> int:
        return sum(self.by_state.get(s, 0) for s in rules.REPLIED_STATES)

    @property
    def with_opinion(self) -> int:
        return sum(self.opinions.values())

    @property
    def satisfaction(self) -> Decimal | None:
        """满意率 in percent with one decimal (as printed in the 提案办理情况报告)."""
        return rules.satisfaction([o for o, n in self.opinions.items() for _ in range(n)])

    @property
    def satisfaction_rate(self) -> float | None:
        """The same as a fraction (the tables and the JSON)."""
        given = self.with_opinion
        return (given - self.opinions.get("不满意", 0)) / given if given else None

    @property
    def average_excellent(self) -> float | None:
        rates = [s.excellent_rate for s in self.subjects if s.excellent_rate is not None]
        return sum(rates) / len(rates) if rates else None

    @property
    def average_satisfied(self) -> float | None:
        rates = [s.satisfied_rate for s in self.subjects if s.satisfied_rate is not None]
        return sum(rates) / len(rates) if rates else None


def congress_stats(period: Period, as_of: dt.date | None = None) -> CongressStats:
    as_of = as_of or min(period.last_day, dt.date.today())
    in_period = CongressSession.date.between(period.first_day, period.last_day)
    sessions = []
    for s in CongressSession.select().where(in_period).order_by(CongressSession.date, CongressSession.id):
        f = congress.session_figures(s)
        sessions.append(SessionFigure(s.id, s.title, s.date, s.kind, s.held, f.expected, f.present, f.leave,
                                      f.absent, f.needed, f.quorum_ok))
    ids = [s.id for s in sessions]
    by_state = {state: 0 for state in rules.STATES}
    opinions = {o: 0 for o in rules.OPINIONS}
    overdue = 0
    if ids:
        rows = Proposal.select(Proposal.state, Proposal.opinion, Proposal.due_date).where(Proposal.session.in_(ids)).tuples()
        for state, opinion, due in rows:
            by_state[state] = by_state.get(state, 0) + 1
            if state in (rules.ANSWERED, rules.CLOSED) and opinion in opinions:
                opinions[opinion] += 1
            if state in rules.OPEN_HANDLING and due is not None and due < as_of:
                overdue += 1
    term = congress.current_term(as_of)
    label, total, by_category, women = "", 0, {c: 0 for c in rules.DELEGATE_CATEGORIES}, 0
    if term is not None:
        figures = congress.delegate_figures(term, on=as_of)
        label, total, women = congress.term_label(term), figures.total, figures.women
        by_category.update(figures.by_category)
    subjects = []
    if ids:
        query = (
            EvaluationSubject.select(EvaluationSubject, Evaluation)
            .join(Evaluation)
            .where(Evaluation.session.in_(ids))
            .order_by(Evaluation.id, EvaluationSubject.sort_order, EvaluationSubject.id)
        )
        for s in query:
            b = congress.ballots(s)
            subjects.append(SubjectFigure(s.evaluation.title, s.name, s.post, b.valid, b.excellent, b.competent,
                                          b.basic, b.incompetent))
    return CongressStats(sessions, label, total, by_category, women, by_state, opinions, overdue, subjects)


# --- tables -------------------------------------------------------------------------------------

COUNT_SHARE_DELEGATES = (QT_TRANSLATE_NOOP("StatsPage", "Delegates"), QT_TRANSLATE_NOOP("StatsPage", "Share"))
SESSION_HEADERS = (
    QT_TRANSLATE_NOOP("StatsPage", "Session"), QT_TRANSLATE_NOOP("StatsPage", "Date"),
    QT_TRANSLATE_NOOP("StatsPage", "Expected"), QT_TRANSLATE_NOOP("StatsPage", "Present"),
    QT_TRANSLATE_NOOP("StatsPage", "On leave"), QT_TRANSLATE_NOOP("StatsPage", "Quorum"),
    QT_TRANSLATE_NOOP("StatsPage", "Quorum met"),
)
EVALUATION_HEADERS = (
    QT_TRANSLATE_NOOP("StatsPage", "Person evaluated (post)"), QT_TRANSLATE_NOOP("StatsPage", "Valid ballots"),
    QT_TRANSLATE_NOOP("StatsPage", "Excellent"), QT_TRANSLATE_NOOP("StatsPage", "Competent"),
    QT_TRANSLATE_NOOP("StatsPage", "Basically competent"), QT_TRANSLATE_NOOP("StatsPage", "Incompetent"),
    QT_TRANSLATE_NOOP("StatsPage", "Excellent rate"), QT_TRANSLATE_NOOP("StatsPage", "Satisfied rate"),
)


def _quorum_word(s: SessionFigure) -> str:
    if not s.held:
        return "未召开"
    return "是" if s.quorum_ok else "否"


def tables(c: CongressStats, stats) -> list[StatTable]:
    session_rows = [[s.title, s.date, s.expected, s.present, s.leave, s.needed, _quorum_word(s)] for s in c.sessions]
    delegate_total = ["合计", c.delegates, 1.0 if c.delegates else None]
    proposal_total = ["合计", c.proposals, 1.0 if c.proposals else None]
    found = [
        StatTable("congress_sessions", "教代会会议", ["会议", "日期", "应到", "出席", "请假", "法定人数", "达到法定人数"],
                  ["text", "date", "int", "int", "int", "int", "text"], session_rows, None, "", "人",
                  TableLook(None, wide_first=True, span=2,
                            title=QT_TRANSLATE_NOOP("StatsPage", "Staff congress sessions"), headers=SESSION_HEADERS)),
        StatTable("congress_delegates", "教代会代表构成", ["代表类别", "人数", "占比"], ["text", "int", "rate"],
                  shares(((k, n) for k, n in c.by_category.items()), c.delegates), delegate_total, "pie", "人",
                  TableLook(Chart("pie", (Series(1, "人数", QT_TRANSLATE_NOOP("StatsPage", "Delegates")),), height=44),
                            beside=True, title=QT_TRANSLATE_NOOP("StatsPage", "Delegates by category"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Delegate category"), *COUNT_SHARE_DELEGATES))),
        StatTable("congress_proposals", "提案办理情况（按状态）", ["状态", "件数", "占比"], ["text", "int", "rate"],
                  shares(c.by_state.items(), c.proposals), proposal_total, "hbar", "件",
                  TableLook(Chart("hbar", (Series(1, "件数", QT_TRANSLATE_NOOP("StatsPage", "Proposals")),),
                                  screen_height=60, screen_per_row=30),
                            beside=True, title=QT_TRANSLATE_NOOP("StatsPage", "Proposals by state"),
                            headers=(QT_TRANSLATE_NOOP("StatsPage", "Status"), QT_TRANSLATE_NOOP("StatsPage", "Proposals"),
                                     QT_TRANSLATE_NOOP("StatsPage", "Share")))),
    ]
    if c.subjects:
        found.append(
            # eight columns at most: the PDF prints wider tables as month tables (small type)
            StatTable("congress_evaluation", "民主评议",
                      ["被评议人（职务）", "有效票", "优秀", "称职", "基本称职", "不称职", "优秀率", "满意率"],
                      ["text", "int", "int", "int", "int", "int", "rate", "rate"],
                      [[s.label, s.valid, s.excellent, s.competent, s.basic, s.incompetent, s.excellent_rate,
                        s.satisfied_rate] for s in c.subjects],
                      ["平均", None, None, None, None, None, c.average_excellent, c.average_satisfied], "", "票",
                      TableLook(None, wide_first=True, span=2,
                                title=QT_TRANSLATE_NOOP("StatsPage", "Democratic evaluation"), headers=EVALUATION_HEADERS,
                                total=QT_TRANSLATE_NOOP("StatsPage", "Average"))))
    return found


# --- words --------------------------------------------------------------------------------------


def paragraph(c: CongressStats, stats) -> str | None:
    if not c.sessions and not c.proposals:
        return None
    parts = []
    if c.held:
        parts.append(f"召开教职工代表大会{c.held}次")
    coming = len(c.sessions) - c.held
    if coming:
        parts.append(f"筹备教职工代表大会{coming}次")
    text = "，".join(parts) or "教职工代表大会"
    if c.received:
        text += (f"，收到提案{c.received}件，立案{c.registered}件，已答复{c.replied}件")
        if c.satisfaction is not None:
            text += f"，满意率{rules.percent_text(c.satisfaction)}"
    if c.subjects:
        text += f"；民主评议{len(c.subjects)}人，平均满意率{percent(c.average_satisfied)}"
    return text


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def as_json(c: CongressStats) -> dict:
    return {
        "sessions": [
            {"id": s.id, "title": s.title, "date": s.date.isoformat(), "kind": s.kind, "held": s.held,
             "expected": s.expected, "present": s.present, "leave": s.leave, "absent": s.absent,
             "quorum_needed": s.needed, "quorum_ok": s.quorum_ok}
            for s in c.sessions
        ],
        "held": c.held,
        "term": c.term,
        "delegates": {"total": c.delegates, "by_category": c.by_category, "women": c.women},
        "proposals": {
            "total": c.proposals,
            "received": c.received,
            "registered": c.registered,
            "replied": c.replied,
            "by_state": c.by_state,
            "opinions": c.opinions,
            "with_opinion": c.with_opinion,
            "satisfaction": _rate(c.satisfaction_rate),
            "overdue": c.overdue,
        },
        "evaluation": {
            "subjects": [
                {"evaluation": s.evaluation, "name": s.name, "post": s.post, "valid": s.valid, "excellent": s.excellent,
                 "competent": s.competent, "basic": s.basic, "incompetent": s.incompetent,
                 "excellent_rate": _rate(s.excellent_rate), "satisfied_rate": _rate(s.satisfied_rate)}
                for s in c.subjects
            ],
            "average_excellent_rate": _rate(c.average_excellent),
            "average_satisfied_rate": _rate(c.average_satisfied),
        },
    }


def _quorum_words() -> str:
    """三分之二 (the quorum setting, in words)."""
    return rules.ratio_words(congress.quorum_ratio())


def notes(c: CongressStats, stats) -> dict[str, str]:
    found = {
        "congress_sessions": f"法定人数＝应到代表的{_quorum_words()}（向上取整）；未召开的会议只列应到人数。",
        "congress_delegates": (f"{c.term}代表，截至{stats.as_of.year}年{stats.as_of.month}月{stats.as_of.day}日在任"
                               f"{c.delegates}人，其中女代表{c.women}人（{share(c.women, c.delegates)}）。"
                               if c.term else "没有正在进行的届次。"),
        "congress_proposals": (f"本期会议的提案共{c.proposals}件（作废{c.by_state.get(rules.VOID, 0)}件不计入收到件数）；"
                               f"满意率＝（满意＋基本满意）÷已反馈意见的提案（{c.with_opinion}件），"
                               f"为{rules.percent_text(c.satisfaction)}；逾期未答复{c.overdue}件。"),
    }
    if c.subjects:
        found["congress_evaluation"] = "优秀率＝优秀票÷有效票；满意率＝（优秀＋称职）÷有效票；平均为各人比率的平均值。"
    return found


def screen_notes(c: CongressStats, stats) -> dict[str, list]:
    found = {
        "congress_sessions": [(QT_TRANSLATE_NOOP("StatsPage", "Quorum = {ratio} of the delegates expected (rounded up)."),
                               {"ratio": _quorum_words()})],
        "congress_delegates": [(QT_TRANSLATE_NOOP("StatsPage", "{term}: {n} delegates in their seat, {women} of them women ({share})."),
                                {"term": c.term or "—", "n": c.delegates, "women": c.women, "share": share(c.women, c.delegates)})],
        "congress_proposals": [(QT_TRANSLATE_NOOP("StatsPage", "{n} proposals ({void} voided, not counted as received); satisfaction {rate} of {opinions} with the proposer's opinion; {overdue} overdue."),
                                {"n": c.proposals, "void": c.by_state.get(rules.VOID, 0), "rate": rules.percent_text(c.satisfaction),
                                 "opinions": c.with_opinion, "overdue": c.overdue})],
    }
    if c.subjects:
        found["congress_evaluation"] = [(QT_TRANSLATE_NOOP("StatsPage", "Excellent rate = excellent / valid ballots; satisfied rate = (excellent + competent) / valid ballots."), {})]
    return found


def sheet_notes(c: CongressStats, stats) -> list:
    return [Note("教代会提案满意率＝（满意＋基本满意）÷已反馈意见的提案；作废的提案不计入收到件数。")]


SECTION = StatsSection.of(__name__, "congress", 55, "教代会与提案", congress_stats)
