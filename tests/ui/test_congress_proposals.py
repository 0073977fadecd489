"""提案 page of the staff congress, driven through its real widgets (pytest-qt, offscreen, Chinese
interface): proposals created through the form, each workflow step through its dialog, refused
jumps (button disabled) and refused steps (the service's message, nothing written), 并案 shown as
"并入…", overdue replies in red, and the history of the selected proposal."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox

from union_desk.db.congress_models import Proposal
from union_desk.db.models import AuditLog
from union_desk.services import congress, members
from union_desk.ui import i18n
from union_desk.ui.congress import proposal_forms
from union_desk.ui.congress.proposal_forms import (
    HandOverDialog,
    MergeDialog,
    OpinionDialog,
    ProposalForm,
    ReasonDialog,
    RejectDialog,
    ReplyDialog,
)
from union_desk.ui.congress.proposals_page import ProposalsPage

# the columns (keys of `cells`, the ledger's words) and their source strings on screen
COLUMNS = ["编号", "案由", "提案人", "附议人", "类别", "立案情况", "承办部门", "答复期限", "状态", "提案人意见"]
HEADERS = ["Number", "Subject", "Proposer", "Seconders", "Category", "Filing", "Department", "Reply due", "State",
           "Opinion"]
TODAY = dt.date(2025, 4, 10)


@pytest.fixture
def congress_data(qapp, db):
    i18n.install(qapp, "zh_CN")
    people = [members.create_member({"name": name, "sex": sex, "department": "语文组"})
              for name, sex in (("王芳", "女"), ("李强", "男"), ("陈静", "女"), ("赵敏", "女"))]
    term = congress.save_term({"number": 5, "start_date": "2024-09-01"})
    for person in people[:3]:
        congress.add_delegate(term, person, {"category": "教师", "elected_date": "2024-09-01"})
    session = congress.save_session({"term": term, "date": "2025-03-01", "place": "报告厅"})
    return {"people": people, "term": term, "session": session}


@pytest.fixture
def boxes(monkeypatch):
    """Every message box, recorded instead of shown: (kind, text)."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, _k=kind, **kw: shown.append((_k, a[2]))))
    return shown


@pytest.fixture
def page(qtbot, congress_data, boxes):
    widget = ProposalsPage()
    widget.today = TODAY
    qtbot.addWidget(widget)
    widget.resize(1150, 640)
    widget.set_term(congress_data["term"])
    widget.show()
    return widget


def run_dialogs(monkeypatch, fill):
    """Every dialog the page opens is filled by `fill(dialog)` and saved (accept) instead of exec()."""
    opened = []

    def fake_exec(dialog):
        opened.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    return opened


def cells(page: ProposalsPage, row: int) -> dict[str, str]:
    model = page.model
    assert model.columnCount() == len(COLUMNS)
    return {COLUMNS[c]: model.data(model.index(row, c)) for c in range(model.columnCount())}


def row_of(page: ProposalsPage, number: str) -> int:
    return next(r for r, p in enumerate(page.model.records) if p.number == number)


def make(session, proposer, title, **data):
    proposal, _warnings = congress.create_proposal(session, {"title": title, "proposer": proposer,
                                                            "received_date": "2025-02-20", **data})
    return proposal


def fill_form(form: ProposalForm, title: str, member, seconders: str = "", category: str = "后勤保障") -> None:
    form.title.setText(title)
    form.category.setCurrentText(category)
    form.proposer.set_member(member)
    form.seconders.setText(seconders)
    form.received.setDate(QDate(2025, 2, 20))
    form.content.setPlainText("食堂午餐品种少，建议增加。")


def test_the_table_has_the_ledger_columns(page):
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == [QCoreApplication.translate("ProposalsPage", h) for h in HEADERS]
    # the session filter lists the term's sessions after 全部
    assert page.session_filter.count() == 2
    assert page.session_filter.itemData(0) is None
    assert page.session_filter.itemText(1) == "第一次（2025-03-01）"


def test_create_proposals_through_the_form(page, congress_data, boxes, monkeypatch):
    wang, _li, _chen, zhao = congress_data["people"]
    people = iter([(wang, "改善教工午餐", "李强、陈静"), (zhao, "增设教工健身房", "")])

    def fill(form):
        member_title_seconders = next(people)
        fill_form(form, member_title_seconders[1], member_title_seconders[0], member_title_seconders[2])

    run_dialogs(monkeypatch, fill)
    first = page.new_proposal()
    assert first is not None and first.number == "5-1-001"
    assert boxes == []  # 王芳 is a delegate: no warning
    second = page.new_proposal()
    assert second.number == "5-1-002"
    # 赵敏 is not a delegate: the service's warning is shown after saving, the proposal is kept
    assert boxes and boxes[-1][0] == "information" and "不是第五届教代会代表" in boxes[-1][1]
    assert Proposal.select().count() == 2
    assert page.model.rowCount() == 2
    row = cells(page, row_of(page, "5-1-001"))
    assert row["案由"] == "改善教工午餐"
    assert row["提案人"] == "王芳"
    assert row["附议人"] == "李强、陈静"
    assert row["类别"] == "后勤保障"
    assert row["立案情况"] == "待审查"
    assert row["状态"] == "征集"
    # the new one is selected and its detail shows
    assert page.current().number == "5-1-002"
    assert "5-1-002" in page.detail.heading.text()


def test_the_form_refuses_a_proposal_without_a_subject(qtbot, page, congress_data, boxes):
    form = ProposalForm(page, sessions=[congress_data["session"]], session=congress_data["session"])
    qtbot.addWidget(form)
    fill_form(form, "", congress_data["people"][0])
    form.accept()
    assert boxes == [("warning", "请填写案由")]
    assert form.saved is None
    assert Proposal.select().count() == 0


def test_each_step_through_its_dialog(page, congress_data, boxes, monkeypatch):
    session = congress_data["session"]
    wang = congress_data["people"][0]
    proposal = make(session, wang, "改善教工午餐")
    page.refresh()
    page.open_proposal(proposal)
    assert page.current().id == proposal.id

    def enabled():
        return {key for key, button in page.step_buttons.items() if button.isEnabled()}

    # 征集: 立案, 不立案, 并案, 撤回, 作废 are offered; 交办 (a jump) is not
    assert enabled() == {"register", "reject", "merge", "withdraw", "void"}
    assert not page.step_buttons["hand_over"].isEnabled()

    page.step_buttons["register"].click()
    assert cells(page, 0)["状态"] == "立案"
    assert cells(page, 0)["立案情况"] == "立案"
    assert enabled() == {"hand_over", "withdraw", "void"}

    def hand_over(dialog):
        assert isinstance(dialog, HandOverDialog)
        dialog.department.setCurrentText("总务处")
        dialog.handed.setDate(QDate(2025, 3, 5))
        # the deadline follows the hand-over date: + 30 days (the setting)
        assert dialog.due.date().toPython() == dt.date(2025, 4, 4)

    opened = run_dialogs(monkeypatch, hand_over)
    page.step_buttons["hand_over"].click()
    assert len(opened) == 1
    row = cells(page, 0)
    assert row["状态"] == "已交办" and row["承办部门"] == "总务处"
    assert row["答复期限"] == "2025-04-04 逾期6天"
    assert enabled() == {"reply", "withdraw", "void"}

    def reply(dialog):
        assert isinstance(dialog, ReplyDialog)
        dialog.reply_date.setDate(QDate(2025, 3, 25))
        dialog.reply.setPlainText("已增加午餐品种。")

    run_dialogs(monkeypatch, reply)
    page.step_buttons["reply"].click()
    row = cells(page, 0)
    assert row["状态"] == "已答复" and row["答复期限"] == "2025-04-04"  # answered: no longer overdue
    assert page.print_reply_button.isEnabled()

    def opinion(dialog):
        assert isinstance(dialog, OpinionDialog)
        dialog.opinion.setCurrentText("基本满意")
        dialog.opinion_date.setDate(QDate(2025, 3, 28))

    run_dialogs(monkeypatch, opinion)
    page.step_buttons["opinion"].click()
    assert cells(page, 0)["提案人意见"] == "基本满意"
    # satisfied: 办结 (and 作废); handing over again only after 不满意
    assert enabled() == {"close", "void"}

    page.step_buttons["close"].click()
    assert cells(page, 0)["状态"] == "办结"
    assert enabled() == set()
    assert boxes == []
    stored = Proposal.get_by_id(proposal.id)
    assert (stored.state, stored.department, stored.opinion) == ("办结", "总务处", "基本满意")
    assert stored.closed_date == dt.date.today()
    # the history lists every step, oldest first, in words
    lines = [page.detail.history.item(i).text() for i in range(page.detail.history.count())]
    assert len(lines) == 6
    assert "新增" in lines[0] and "案由 改善教工午餐" in lines[0]
    assert "征集 → 立案" in lines[1]
    assert "承办部门 → 总务处" in lines[2]
    assert "办理结果 → 已增加午餐品种。" in lines[3]
    assert "（已反馈 → 办结）：办结日期 → " in lines[5]


def test_unsatisfied_proposer_allows_handing_over_again(page, congress_data, monkeypatch):
    proposal = make(congress_data["session"], congress_data["people"][0], "改善教工午餐")
    congress.advance(proposal, "立案")
    congress.advance(proposal, "已交办", {"department": "总务处", "handed_date": "2025-03-05"})
    congress.advance(proposal, "已答复", {"reply_date": "2025-03-20", "reply": "研究中"})
    congress.advance(proposal, "已反馈", {"opinion": "不满意", "opinion_date": "2025-03-22"})
    page.open_proposal(proposal)
    # 不满意: handing over again is offered, next to 办结 and 作废
    assert {k for k, b in page.step_buttons.items() if b.isEnabled()} == {"hand_over", "close", "void"}
    run_dialogs(monkeypatch, lambda d: d.handed.setDate(QDate(2025, 3, 25)))
    assert page.step("已交办")
    row = cells(page, 0)
    assert row["状态"] == "已交办" and row["提案人意见"] == ""


def test_a_refused_step_shows_the_service_message_and_changes_nothing(page, congress_data, boxes, monkeypatch):
    proposal = make(congress_data["session"], congress_data["people"][0], "改善教工午餐")
    congress.advance(proposal, "立案")
    congress.advance(proposal, "已交办", {"department": "总务处", "handed_date": "2025-03-05"})
    page.open_proposal(proposal)
    audits = AuditLog.select().count()

    def early_reply(dialog):
        dialog.reply_date.setDate(QDate(2025, 3, 1))
        dialog.reply.setPlainText("已增加午餐品种。")

    opened = run_dialogs(monkeypatch, early_reply)
    assert not page.step("已答复")
    assert boxes == [("warning", "答复日期 2025-03-01 早于交办日期 2025-03-05")]
    assert opened[0].isVisible() is False and opened[0].result() == 0  # it stayed open (not accepted)
    stored = Proposal.get_by_id(proposal.id)
    assert (stored.state, stored.reply, stored.reply_date) == ("已交办", "", None)
    assert AuditLog.select().count() == audits
    assert cells(page, 0)["状态"] == "已交办"


def test_a_jump_is_not_offered_and_the_service_refuses_it_anyway(page, congress_data, boxes):
    proposal = make(congress_data["session"], congress_data["people"][0], "改善教工午餐")
    page.open_proposal(proposal)
    assert not page.step_buttons["hand_over"].isEnabled()
    assert not page.step_buttons["reply"].isEnabled()
    assert not page.step_buttons["close"].isEnabled()
    # called anyway (e.g. from a stale button): the service's Chinese message, nothing changes
    assert not page.step("办结")
    assert boxes and "不能从“征集”直接改为“办结”" in boxes[-1][1]
    assert Proposal.get_by_id(proposal.id).state == "征集"


def test_not_registered_needs_a_reason(page, congress_data, boxes, monkeypatch):
    proposal = make(congress_data["session"], congress_data["people"][0], "给每位教师配笔记本电脑")
    page.open_proposal(proposal)
    run_dialogs(monkeypatch, lambda d: None)  # saved with no reason
    assert not page.step("不立案")
    assert boxes == [("warning", "不立案须写明理由")]
    assert Proposal.get_by_id(proposal.id).state == "征集"

    def with_reason(dialog):
        assert isinstance(dialog, RejectDialog)
        dialog.reason.setPlainText("超出学校职权范围")
        dialog.as_suggestion.setChecked(True)

    run_dialogs(monkeypatch, with_reason)
    assert page.step("不立案")
    row = cells(page, 0)
    assert row["状态"] == "不立案" and row["立案情况"] == "不立案（转意见建议）"
    assert "超出学校职权范围（转为意见建议）" in page.detail.values["reason"].text()


def test_merge_shows_merged_into_in_the_table(page, congress_data, monkeypatch):
    session = congress_data["session"]
    wang, li = congress_data["people"][:2]
    main = make(session, wang, "改善教工午餐")
    other = make(session, li, "食堂增加午餐品种")
    voided = make(session, li, "重复录入")
    congress.advance(voided, "作废", {"reason": "重复"})
    page.refresh()
    page.open_proposal(other)

    def merge(dialog):
        assert isinstance(dialog, MergeDialog)
        # only live proposals of the session, not itself, not the voided one
        assert [dialog.into.itemData(i) for i in range(dialog.into.count())] == [main.number]
        assert dialog.preview.text() == f"并案（并入{main.number}）"

    run_dialogs(monkeypatch, merge)
    assert page.step("并案")
    row = cells(page, row_of(page, other.number))
    assert row["立案情况"] == "并案（并入5-1-001）"
    assert row["状态"] == "并案"
    # the merged one stays findable by the number it went into
    page.list.search.setText("5-1-002")
    page.list.refresh()
    assert [p.number for p in page.model.records] == ["5-1-002"]
    # voided proposals keep their number and are greyed
    page.list.search.setText("")
    page.list.refresh()
    voided_row = row_of(page, voided.number)
    colour = page.model.data(page.model.index(voided_row, 0), Qt.ItemDataRole.ForegroundRole)
    assert colour == QColor("#9a9a9a")


def test_withdraw_and_void_need_a_reason(page, congress_data, boxes, monkeypatch):
    proposal = make(congress_data["session"], congress_data["people"][0], "改善教工午餐")
    page.open_proposal(proposal)
    run_dialogs(monkeypatch, lambda d: None)
    assert not page.step("撤回")
    assert boxes[-1] == ("warning", "撤回须写明原因")

    def reason(dialog):
        assert isinstance(dialog, ReasonDialog)
        dialog.reason.setText("提案人撤回")

    run_dialogs(monkeypatch, reason)
    assert page.step("撤回")
    assert cells(page, 0)["状态"] == "撤回"
    assert not any(b.isEnabled() for b in page.step_buttons.values())


def test_overdue_reply_is_red_with_the_days(page, congress_data):
    session = congress_data["session"]
    late = make(session, congress_data["people"][0], "改善教工午餐")
    on_time = make(session, congress_data["people"][1], "修缮操场")
    for proposal, handed in ((late, "2025-03-01"), (on_time, "2025-04-01")):
        congress.advance(proposal, "立案")
        congress.advance(proposal, "已交办", {"department": "总务处", "handed_date": handed})
    page.refresh()
    late_row, on_time_row = row_of(page, late.number), row_of(page, on_time.number)
    due_column = COLUMNS.index("答复期限")
    assert cells(page, late_row)["答复期限"] == "2025-03-31 逾期10天"
    assert cells(page, on_time_row)["答复期限"] == "2025-05-01"
    red = page.model.data(page.model.index(late_row, due_column), Qt.ItemDataRole.ForegroundRole)
    assert red == QColor("#b00020")
    assert page.model.data(page.model.index(on_time_row, due_column), Qt.ItemDataRole.ForegroundRole) is None
    assert page.list.count_label.text().endswith(QCoreApplication.translate("ProposalsPage", ", {count} overdue").format(count=1))
    page.open_proposal(late)
    assert page.detail.values["due"].text() == "2025-03-31 逾期10天"
    assert "#b00020" in page.detail.values["due"].styleSheet()


def test_filters_by_session_state_and_text(page, congress_data):
    term, session = congress_data["term"], congress_data["session"]
    wang, li = congress_data["people"][:2]
    make(session, wang, "改善教工午餐")
    registered = make(session, li, "修缮操场")
    congress.advance(registered, "立案")
    second = congress.save_session({"term": term, "date": "2026-03-01"})
    make(second, wang, "增设教工书屋", received_date="2026-02-20")
    page.set_term(term)
    assert page.model.rowCount() == 3
    page.set_session(second)
    assert [p.number for p in page.model.records] == ["5-2-001"]
    page.set_session(None)
    page.state_filter.setCurrentIndex(page.state_filter.findData("立案"))
    assert [p.title for p in page.model.records] == ["修缮操场"]
    page.state_filter.setCurrentIndex(0)
    page.list.search.setText("王芳")
    page.list.refresh()
    assert sorted(p.number for p in page.model.records) == ["5-1-001", "5-2-001"]


def test_edit_keeps_the_number(page, congress_data, monkeypatch):
    proposal = make(congress_data["session"], congress_data["people"][0], "改善午餐")
    page.open_proposal(proposal)
    run_dialogs(monkeypatch, lambda form: form.title.setText("改善教工午餐质量"))
    saved = page.edit_proposal()
    assert saved is not None
    row = cells(page, 0)
    assert row["编号"] == "5-1-001" and row["案由"] == "改善教工午餐质量"


def test_print_buttons_call_the_printing_module(page, congress_data, monkeypatch):
    proposal = make(congress_data["session"], congress_data["people"][0], "改善教工午餐")
    page.open_proposal(proposal)
    calls = []
    monkeypatch.setattr("union_desk.ui.congress.proposals_page.print_pdf",
                        lambda parent, title, name, write: calls.append((title, name)))
    assert not page.print_reply_button.isEnabled()
    page.print_button.click()
    assert calls == [(QCoreApplication.translate("ProposalsPage", "Proposal form"), "提案表-5-1-001")]
    assert proposal_forms.session_label(congress_data["session"]).startswith("第五届第一次教职工代表大会")


def test_hand_over_and_opinion_are_chosen_not_assumed(qtbot, page, congress_data, boxes):
    proposal = make(congress_data["session"], congress_data["people"][0], "改善教工午餐")
    congress.advance(proposal, "立案")
    dialog = HandOverDialog(Proposal.get_by_id(proposal.id), page)
    qtbot.addWidget(dialog)
    assert dialog.department.currentText() == ""
    dialog.accept()
    assert boxes == [("warning", "请选择承办部门")]
    assert Proposal.get_by_id(proposal.id).state == "立案"
    congress.advance(proposal, "已交办", {"department": "总务处", "handed_date": "2025-03-05"})
    congress.advance(proposal, "已答复", {"reply_date": "2025-03-20", "reply": "已改善"})
    dialog = OpinionDialog(Proposal.get_by_id(proposal.id), page)
    qtbot.addWidget(dialog)
    assert dialog.opinion.currentText() == ""
    dialog.accept()
    assert "提案人意见应为" in boxes[-1][1]
    assert Proposal.get_by_id(proposal.id).state == "已答复"
