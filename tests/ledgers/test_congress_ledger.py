"""教代会提案台账 and 教代会代表名册 (issue 16): the sheets (cells, styles, formats, the summary
under the table), a session as the period, the way back into an empty database (numbers, states,
dates, opinions, merges; the counter moved past the numbers; the workflow's audit trail), twice
adds nothing, and the rows refused or reported; the 民主评议汇总表 workbook."""

from __future__ import annotations

import datetime as dt

import ledger_checks as lc
import openpyxl
import pytest

from union_desk.db.congress_models import CongressSession, CongressTerm, Delegate, Evaluation, Proposal
from union_desk.db.models import AuditLog, Member
from union_desk.domain import congress as rules
from union_desk.imports.common import ERROR, NEW, SAME, UPDATE
from union_desk.imports.records import apply_ledger, import_ledger, preview_ledger
from union_desk.ledgers.congress_ledger import (
    EVALUATION_HEADERS,
    parse_filing,
    parse_term,
    session_period,
    write_evaluation_xlsx,
)
from union_desk.ledgers.period import LedgerPeriod
from union_desk.services import congress as congress_service

ALL = LedgerPeriod.between(dt.date(2000, 1, 1), dt.date(2099, 12, 31))
PROPOSAL_HEADERS = ["序号", "提案编号", "案由", "提案人", "附议人", "类别", "立案情况", "承办部门", "交办日期", "答复期限", "答复日期",
                    "办理结果", "提案人意见", "状态", "备注"]
DELEGATE_HEADERS = ["序号", "届次", "代表团（组）", "姓名", "性别", "部门", "类别", "当选日期", "产生方式", "离任日期", "离任原因", "备注"]


def _export(kind, folder, period=ALL, **more):
    return lc.export_for(kind, period, folder, **more)


_rows = lc.data_rows


def _proposal_snapshot() -> dict:
    return {
        p.number: (p.title, p.category, p.proposer.name, p.seconders, p.content, p.state, p.reason, p.as_suggestion,
                   p.merged_into.number if p.merged_into_id else None, p.department, p.handed_date, p.due_date, p.reply_date,
                   p.reply, p.opinion, p.opinion_date, p.closed_date, p.received_date, p.notes, p.session.date)
        for p in Proposal.select()
    }


def _delegate_snapshot() -> dict:
    return {
        (d.term.number, d.member.name, d.member.department): (d.group_name, d.category, d.elected_date, d.how, d.left_date,
                                                             d.left_reason, d.notes)
        for d in Delegate.select()
    }


@pytest.fixture
def congress(demo_db):
    assert Proposal.select().count() >= 15 and Delegate.select().exists() and Evaluation.select().exists()
    return demo_db


# --- the sheets --------------------------------------------------------------------------------------


def test_proposals_sheet_cells_styles_and_summary(tmp_path, congress):
    path, ws, count = _export("proposals", tmp_path)
    assert count == Proposal.select().count()
    assert ws["A1"].value.endswith("教代会提案台账（2000-01-01 至 2099-12-31）")
    headers = [ws.cell(3, c).value for c in range(1, 16)]
    assert headers == PROPOSAL_HEADERS
    assert lc.printed_columns(ws) == 15  # the round-trip columns follow, outside the print area
    assert {"会议日期", "提交日期", "理由", "理由及建议"} <= set(lc.header_map(ws))
    lc.assert_printable(ws)
    assert ws.cell(3, 2).fill.fgColor.rgb.endswith("F2F2F2")
    rows = _rows(ws)
    assert [r["提案编号"] for r in rows] == [p.number for p in congress_service.proposals_of()]
    cols = lc.header_map(ws)
    by_number = {p.number: p for p in Proposal.select()}
    for r in rows:
        p = by_number[r["提案编号"]]
        assert r["状态"] == p.state and r["承办部门"] == (p.department or None)
        if p.handed_date:
            cell = ws.cell(r["_row"], cols["交办日期"])
            assert cell.value.date() == p.handed_date and cell.number_format == "yyyy-mm-dd"
        if p.state == rules.MERGED:
            assert r["立案情况"] == f"并案（并入{p.merged_into.number}）"
        if p.state == rules.VOID:
            assert ws.cell(r["_row"], cols["案由"]).font.strike  # voided: struck through
        if p.state == rules.REJECTED and p.as_suggestion:
            assert r["立案情况"] == "不立案（转意见建议）"
    assert any(r["状态"] == rules.MERGED for r in rows) and any(r["提案人意见"] for r in rows)
    # the line under the title and the counts by state under the table
    assert ws["A2"].value.startswith(f"共收到{sum(1 for p in by_number.values() if p.state != rules.VOID)}件")
    start = lc.find_row(ws, "按状态统计")
    assert start and start > rows[-1]["_row"]
    counts = {}
    r = start + 2
    while ws.cell(r, 1).value != "合计":
        counts[ws.cell(r, 1).value] = [v for v in (ws.cell(r, c).value for c in range(2, ws.max_column + 1)) if isinstance(v, int)][0]
        r += 1
    expected = {}
    for p in by_number.values():
        expected[p.state] = expected.get(p.state, 0) + 1
    assert counts == expected


def test_one_session_as_the_period(tmp_path, congress):
    session = CongressSession.select().order_by(CongressSession.date).first()
    path, ws, count = _export("proposals", tmp_path, period=session_period(session.id))
    assert ws["A1"].value.endswith(f"（{session.title}）")
    numbers = [r["提案编号"] for r in _rows(ws)]
    assert numbers and numbers == [p.number for p in congress_service.proposals_of(session=session)] and count == len(numbers)
    _path, ws, count = _export("delegates", tmp_path, period=session_period(session.id))
    seated = congress_service.delegates_of(session.term, on=session.date)
    assert sorted(r["姓名"] for r in _rows(ws)) == sorted(d.member.name for d in seated)


def test_delegates_sheet_and_shares(tmp_path, congress):
    path, ws, count = _export("delegates", tmp_path)
    assert [ws.cell(3, c).value for c in range(1, 13)] == DELEGATE_HEADERS
    assert lc.printed_columns(ws) == 12
    lc.assert_printable(ws)
    rows = _rows(ws)
    assert count == len(rows) == Delegate.select().count()
    cols = lc.header_map(ws)
    for r in rows:
        assert r["届次"].startswith("第") and r["届次"].endswith("届")
        assert ws.cell(r["_row"], cols["当选日期"]).number_format == "yyyy-mm-dd"
    seated = [d for d in Delegate.select() if d.left_date is None]
    start = lc.find_row(ws, "在任代表构成（按类别）")
    assert start and start > rows[-1]["_row"]
    found = {}
    for r in range(start + 2, start + 2 + len(rules.DELEGATE_CATEGORIES) + 2):
        values = [ws.cell(r, c) for c in range(1, ws.max_column + 1) if ws.cell(r, c).value is not None]
        found[values[0].value] = (values[1].value, values[2].value, values[2].number_format)
    for category in rules.DELEGATE_CATEGORIES:
        n = sum(1 for d in seated if d.category == category)
        assert found[category][0] == n
        assert found[category][1] == pytest.approx(round(n / len(seated), 3), abs=0.0006)
        assert found[category][2] == "0.0%"
    women = sum(1 for d in seated if d.member.sex == "女")
    assert found["合计"][0] == len(seated) and found["其中：女代表"][0] == women
    left = [d for d in Delegate.select() if d.left_date is not None]
    if left:  # a delegate who left is listed, struck through, not counted
        assert "已离任" in ws["A2"].value
        row = next(r for r in rows if r["离任日期"])
        assert ws.cell(row["_row"], cols["姓名"]).font.strike


def test_parse_filing_and_term():
    assert parse_filing("立案") == {"kind": "立案", "as_suggestion": False, "merged_into": ""}
    assert parse_filing("不立案（转意见建议）")["as_suggestion"] is True
    assert parse_filing("并案(并入5-2-1)")["merged_into"] == "5-2-001"
    for bad in ("已立", "并案（并入X）", "立案（什么）"):
        with pytest.raises(ValueError):
            parse_filing(bad)
    assert parse_term("第五届") == parse_term("5") == parse_term(5) == parse_term("第5届") == 5
    assert parse_term("第十二届") == 12
    with pytest.raises(ValueError):
        parse_term("五次")


# --- the way back ----------------------------------------------------------------------------------------


def test_round_trip_into_an_empty_database(tmp_path, congress):
    # voided after it was handed over: the hand-over is replayed before the void
    session = CongressSession.select().order_by(CongressSession.date).first()
    voided, _ = congress_service.create_proposal(session, {"title": "交办后作废的提案", "proposer": Member.select().first(),
                                                           "received_date": session.date})
    congress_service.advance(voided, rules.REGISTERED)
    congress_service.advance(voided, rules.HANDED, {"department": "总务处", "handed_date": session.date + dt.timedelta(days=2)})
    congress_service.advance(voided, rules.VOID, {"reason": "与另一件重复"})
    proposals, delegates = _proposal_snapshot(), _delegate_snapshot()
    assert proposals[voided.number][9] == "总务处"
    terms = {t.number: (t.start_date, t.end_date) for t in CongressTerm.select()}
    roster = lc.export("members", tmp_path, full_id=True, all_columns=True)[0]
    delegates_file = _export("delegates", tmp_path)[0]
    proposals_file = _export("proposals", tmp_path)[0]
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    lc.import_roster(roster)
    report = import_ledger("delegates", delegates_file)
    assert report.error_rows == 0 and report.added == len(delegates)
    assert _delegate_snapshot() == delegates
    assert {t.number: (t.start_date, t.end_date) for t in CongressTerm.select()} == terms
    report = import_ledger("proposals", proposals_file)
    assert report.error_rows == 0, [i.text() for i in report.errors]
    assert report.added == len(proposals)
    assert _proposal_snapshot() == proposals
    # the states were reached through the workflow: its steps are in the audit log
    merged = Proposal.get(Proposal.state == rules.MERGED)
    notes = [a.note for a in AuditLog.select().where((AuditLog.table_name == "proposal") & (AuditLog.record_id == merged.id))]
    assert f"{rules.COLLECTED} → {rules.MERGED}" in notes
    closed = Proposal.select().where(Proposal.state == rules.CLOSED).first()
    if closed:
        notes = [a.note for a in AuditLog.select().where((AuditLog.table_name == "proposal") & (AuditLog.record_id == closed.id))]
        assert [n for n in notes if "→" in n] == ["征集 → 立案", "立案 → 已交办", "已交办 → 已答复", "已答复 → 已反馈", "已反馈 → 办结"]
    # numbers are claimed: a new proposal takes the next one, never an imported one
    session = CongressSession.select().order_by(CongressSession.date).first()
    last = max(p.seq for p in session.proposals)
    fresh, _ = congress_service.create_proposal(session, {"title": "新提案", "proposer": Member.select().first()})
    assert fresh.seq == last + 1 and fresh.number not in proposals
    fresh.delete_instance()
    # twice adds nothing
    again = import_ledger("proposals", proposals_file)
    assert (again.added, again.updated, again.error_rows) == (0, 0, 0) and again.unchanged == len(proposals)
    again = import_ledger("delegates", delegates_file)
    assert (again.added, again.updated, again.error_rows) == (0, 0, 0)
    assert _proposal_snapshot() == proposals and _delegate_snapshot() == delegates


def test_twice_into_the_same_database_adds_nothing(tmp_path, congress):
    before = _proposal_snapshot()
    path = _export("proposals", tmp_path)[0]
    report = import_ledger("proposals", path)
    assert (report.added, report.updated, report.error_rows, report.unchanged) == (0, 0, 0, len(before))
    assert _proposal_snapshot() == before


def _edited(tmp_path, kind: str, edits: dict):
    """Export, change cells {(number or name, header): value}, preview the import into this database."""
    path = _export(kind, tmp_path)[0]
    workbook = openpyxl.load_workbook(path)
    ws = workbook.active
    cols = lc.header_map(ws)
    key = "提案编号" if kind == "proposals" else "姓名"
    rows = {ws.cell(r, cols[key]).value: r for r in range(4, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int)}
    for (which, header), value in edits.items():
        ws.cell(rows[which], cols[header]).value = value
    workbook.save(path)
    preview = preview_ledger(kind, path)
    return {r.row: r for r in preview.rows}, rows, preview


def test_non_member_proposer_unknown_state_and_department_are_refused_per_row(tmp_path, congress):
    numbers = [p.number for p in congress_service.proposals_of()]
    first, second, third = numbers[:3]
    rows, where, preview = _edited(tmp_path, "proposals", {
        (first, "提案人"): "无名氏",
        (second, "状态"): "审核中",
        (third, "承办部门"): "宣传处",
    })
    issue = rows[where[first]].issues[0]
    assert rows[where[first]].action == ERROR and issue.row == where[first] and "无名氏" in issue.message
    assert "提案人不是会员" in issue.message and f"第 {where[first]} 行" in issue.text()
    issue = rows[where[second]].issues[0]
    assert rows[where[second]].action == ERROR and issue.field == "state" and "未知的提案状态“审核中”" in issue.message
    issue = rows[where[third]].issues[0]
    assert rows[where[third]].action == ERROR and issue.field == "department" and "未知的承办部门“宣传处”" in issue.message
    assert all(r.action == SAME for n, r in ((n, rows[where[n]]) for n in numbers[3:]))


def test_changed_text_is_updated_a_state_behind_is_only_reported(tmp_path, congress):
    done = Proposal.select().where(Proposal.state == rules.CLOSED).first() or Proposal.select().where(
        Proposal.state == rules.ANSWERED).first()
    handed = Proposal.select().where(Proposal.state == rules.HANDED).first()
    edits = {(done.number, "案由"): "改过的案由", (done.number, "状态"): rules.HANDED}
    if handed is not None:
        edits[(handed.number, "答复日期")] = handed.handed_date + dt.timedelta(days=3)
        edits[(handed.number, "办理结果")] = "已落实"
        edits[(handed.number, "状态")] = rules.REPLIED
    rows, where, preview = _edited(tmp_path, "proposals", edits)
    row = rows[where[done.number]]
    assert row.action == UPDATE and set(row.changes) == {"title"}
    assert any("状态不能倒退" in i.message and i.level == "warning" for i in row.issues)
    if handed is not None:
        assert rows[where[handed.number]].changes["state"] == (rules.HANDED, rules.REPLIED)
    report = apply_ledger(preview)
    assert report.error_rows == 0
    done = Proposal.get_by_id(done.id)
    assert done.title == "改过的案由" and done.state in (rules.CLOSED, rules.ANSWERED)
    if handed is not None:
        handed = Proposal.get_by_id(handed.id)
        assert handed.state == rules.REPLIED and handed.reply == "已落实"


def test_a_missing_session_is_refused_unless_the_congress_is_empty(tmp_path, congress):
    number = congress_service.proposals_of()[0].number
    rows, where, _ = _edited(tmp_path, "proposals", {(number, "提案编号"): "9-1-001"})
    row = rows[where[number]]
    assert row.action == ERROR and "找不到第九届第一次教职工代表大会" in row.issues[0].message


def test_merge_target_must_exist(tmp_path, congress):
    merged = Proposal.get(Proposal.state == rules.MERGED)
    rows, where, _ = _edited(tmp_path, "proposals", {(merged.number, "提案编号"): merged.number[:-3] + "900"})
    # a new number merged into a proposal that is there: fine; into one that is not: refused
    assert rows[where[merged.number]].action == NEW
    rows, where, _ = _edited(tmp_path, "proposals", {(merged.number, "提案编号"): merged.number[:-3] + "901",
                                                     (merged.number, "立案情况"): f"并案（并入{merged.number[:-3]}899）"})
    row = rows[where[merged.number]]
    assert row.action == ERROR and "找不到要并入的提案" in row.issues[0].message
    rejected = Proposal.select().where((Proposal.state == rules.REJECTED) & (Proposal.session == merged.session_id)).first()
    if rejected is not None:
        rows, where, _ = _edited(tmp_path, "proposals", {(merged.number, "提案编号"): merged.number[:-3] + "902",
                                                         (merged.number, "立案情况"): f"并案（并入{rejected.number}）"})
        row = rows[where[merged.number]]
        assert row.action == ERROR and "不能作为并案的主提案" in row.issues[0].message


def test_delegate_import_unknown_term_and_category(tmp_path, congress):
    name = Delegate.select().first().member.name
    rows, where, _ = _edited(tmp_path, "delegates", {(name, "届次"): "第九届"})
    assert rows[where[name]].action == ERROR and "找不到第九届" in rows[where[name]].issues[0].message
    rows, where, _ = _edited(tmp_path, "delegates", {(name, "类别"): "学生"})
    assert rows[where[name]].action == ERROR and rows[where[name]].issues[0].field == "category"


# --- 民主评议汇总表 ---------------------------------------------------------------------------------------


def test_evaluation_workbook(tmp_path, congress):
    evaluation = Evaluation.select().first()
    subjects = congress_service.subjects_of(evaluation)
    path = write_evaluation_xlsx(evaluation.id, tmp_path / "评议.xlsx", today=dt.date(2026, 5, 1))
    ws = openpyxl.load_workbook(path).active
    assert "汇总表" in ws["A1"].value and ws["A1"].font.b and ws["A1"].font.sz == 16
    assert evaluation.session.title in ws["A2"].value and "出席代表" in ws["A2"].value
    assert tuple(ws.cell(3, c).value for c in range(1, 10)) == EVALUATION_HEADERS
    for c in range(1, 10):
        cell = ws.cell(3, c)
        assert cell.font.b and cell.fill.fgColor.rgb.endswith("F2F2F2") and cell.border.bottom.style == "thin"
    for r, subject in enumerate(subjects, start=4):
        ballots = congress_service.ballots(subject)
        assert ws.cell(r, 1).value == subject.name and ws.cell(r, 2).value == (subject.post or None)
        assert [ws.cell(r, c).value for c in range(3, 8)] == [ballots.excellent, ballots.competent, ballots.basic,
                                                              ballots.incompetent, ballots.valid]
        assert ws.cell(r, 8).value == pytest.approx(float(ballots.excellent_rate) / 100)
        assert ws.cell(r, 9).value == pytest.approx(float(ballots.satisfied_rate) / 100)
        assert ws.cell(r, 8).number_format == ws.cell(r, 9).number_format == "0.0%"
        assert ws.cell(r, 3).number_format == "0"
    assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.fitToWidth) == 1
    assert ws.print_title_rows == "$3:$3"
    assert any(str(ws.cell(r, 1).value or "").startswith("优秀率 = 优秀票 ÷ 有效票") for r in range(4, ws.max_row + 1))
    assert any(str(ws.cell(r, 1).value or "").startswith("制表人：") for r in range(4, ws.max_row + 1))


def test_an_older_export_does_not_wipe_a_reply(tmp_path, congress):
    """已反馈（不满意）→ 已交办 is a path of the workflow (a new hand-over); an older file still saying
    已交办 with the same hand-over date must not take it (the reply and opinion would be lost)."""
    handed = Proposal.select().where(Proposal.state == rules.HANDED).first()
    path, _, _ = _export("proposals", tmp_path)
    day = handed.handed_date + dt.timedelta(days=2)
    congress_service.advance(handed, rules.REPLIED, {"reply": "已经落实", "reply_date": day})
    congress_service.advance(Proposal.get_by_id(handed.id), rules.ANSWERED, {"opinion": "不满意", "opinion_date": day})
    preview = preview_ledger("proposals", path)
    row = next(r for r in preview.rows if r.record_id == handed.id)
    assert any("状态不能倒退" in i.message for i in row.issues) and "state" not in row.changes
    apply_ledger(preview)
    stored = Proposal.get_by_id(handed.id)
    assert (stored.state, stored.reply, stored.opinion) == (rules.ANSWERED, "已经落实", "不满意")
