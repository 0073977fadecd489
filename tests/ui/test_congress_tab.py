"""教代会与提案 page (issue 16): built through the main window's registry; terms and sessions
through their forms; the sign-in dialog (find box, quorum warning at 29 and 30 of 45); agenda
votes and results; the 民主评议 refusal; the member panel and the settings group."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from union_desk.db.congress_models import AgendaItem, CongressSession, CongressTerm, SessionAttendance
from union_desk.services import congress, members
from union_desk.ui import i18n

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning / information recorded instead of shown."""
    shown: list[str] = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


def make_members(count: int) -> list:
    people = []
    for i in range(count):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)] + GIVEN[(i * 7 + 3) % len(GIVEN)]
        people.append(members.create_member({"name": name, "sex": "女" if i % 2 else "男", "department": "语文组"},
                                            confirm_duplicate=True))
    return people


def make_term(delegates: int = 45, start: dt.date = dt.date(2024, 9, 1)):
    term = congress.save_term({"number": 5, "start_date": start})
    people = make_members(delegates)
    for person in people:
        congress.add_delegate(term, person, {"category": "教师", "elected_date": start, "group_name": "第一代表团"})
    return term, people


def save(dialog) -> None:
    dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()


@pytest.fixture
def window(qtbot, qapp, db, db_path):
    from union_desk.ui.main_window import MainWindow

    i18n.install(qapp, "zh_CN")
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    i18n.install(qapp, "en")


def test_the_page_builds_through_the_registry(window):
    assert "congress" in window.nav.keys
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    # Chinese once the strings of /tmp/i18n_congress_*.json are in i18n/ (English before)
    assert ("教代会与提案" in texts) or ("Staff congress" in texts)
    page = window.show_page("congress")
    from union_desk.ui.congress.delegates_page import DelegatesPage
    from union_desk.ui.congress.proposals_page import ProposalsPage
    from union_desk.ui.congress.tab import CongressTab

    assert isinstance(page, CongressTab)
    assert isinstance(page.delegates, DelegatesPage) and isinstance(page.proposals, ProposalsPage)
    assert [page.tabs.tabText(i) for i in range(3)] in (["会议", "代表", "提案"], ["Sessions", "Delegates", "Proposals"])
    assert page.term_combo.count() == 0 and not page.sessions.new_button.isEnabled()
    # a term written elsewhere reaches the page through the change notification
    from union_desk.ui.change_bus import bus

    window.show_page("home")
    congress.save_term({"number": 5, "start_date": "2024-09-01"})
    bus().flush()
    assert "congress" in window._stale
    window.show_page("congress")
    assert page.term_combo.currentText() == "第五届" and page.sessions.new_button.isEnabled()


def test_term_and_session_through_the_forms(qtbot, db, warnings):
    from union_desk.ui.congress.session_forms import SessionForm, TermForm
    from union_desk.ui.congress.tab import CongressTab

    tab = CongressTab()
    qtbot.addWidget(tab)
    form = TermForm()
    qtbot.addWidget(form)
    form.number.setValue(5)
    form.start.setDate(dt.date(2024, 9, 1))
    form.has_end.setChecked(True)
    form.end.setDate(dt.date(2027, 8, 31))
    save(form)
    term = CongressTerm.get(CongressTerm.number == 5)
    assert form.saved == term and term.end_date == dt.date(2027, 8, 31)
    # the same number again is refused with the service's message, the form stays open
    again = TermForm()
    qtbot.addWidget(again)
    again.number.setValue(5)
    again.show()
    save(again)
    assert warnings == ["第五届已经存在"] and again.isVisible()
    again.close()
    for person in make_members(3):
        congress.add_delegate(term, person, {"elected_date": "2024-09-01"})
    tab.refresh()
    assert tab.term_combo.currentText() == "第五届"

    session_form = SessionForm(term=term)
    qtbot.addWidget(session_form)
    assert session_form.number.value() == 1
    assert session_form.title.text() == "第五届第一次教职工代表大会"
    session_form.date.setDate(dt.date(2025, 3, 1))
    session_form.place.setText("报告厅")
    assert not session_form.report_item.isVisibleTo(session_form)  # no earlier proposals
    save(session_form)
    first = CongressSession.get(CongressSession.number == 1)
    assert first.place == "报告厅" and congress.agenda_of(first) == []
    assert SessionAttendance.select().where(SessionAttendance.session == first).count() == 3

    congress.create_proposal(first, {"title": "改善食堂", "proposer": term.delegates[0].member})
    second_form = SessionForm(term=term)
    qtbot.addWidget(second_form)
    second_form.date.setDate(dt.date(2026, 3, 1))
    second_form.kind.setCurrentText("临时")
    assert second_form.number.value() == 2
    assert second_form.title.text() == "第五届第二次教职工代表大会（临时会议）"
    assert second_form.report_item.isVisibleTo(second_form) and second_form.report_item.isChecked()
    save(second_form)
    second = CongressSession.get(CongressSession.number == 2)
    assert [a.title for a in congress.agenda_of(second)] == ["审议上次提案办理情况报告"]
    tab.refresh()
    sessions = tab.sessions
    assert sessions.model.rowCount() == 2
    assert sessions.model.index(0, 0).data() == second.title  # textclean keeps （） as ()
    assert sessions.model.index(1, 8).data() == "1"  # proposals of the first


def test_sign_in_marks_present_and_warns_below_the_quorum(qtbot, db, warnings):
    from union_desk.ui.congress.session_forms import SignInDialog
    from union_desk.ui.congress.tab import CongressTab

    term, people = make_term(45)
    special = members.create_member({"name": "欧阳明", "sex": "男", "department": "数学组"})
    congress.add_delegate(term, special, {"elected_date": "2024-09-01"})
    session = congress.save_session({"term": term, "date": "2025-03-01", "place": "报告厅"})
    # 46 expected: drop the special one again after the find test? keep 45: remove the last ordinary one
    dialog = SignInDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 46
    dialog.find.setFocus()
    # the find box: pinyin initials, Enter marks that one 出席
    qtbot.keyClicks(dialog.find, "oym")
    visible = [r for r in range(46) if not dialog.table.isRowHidden(r)]
    assert len(visible) == 1 and dialog.table.item(visible[0], 0).text() == "欧阳明"
    qtbot.keyClick(dialog.find, Qt.Key.Key_Return)
    row = visible[0]
    assert dialog.combos[row].currentText() == "出席" and dialog.find.text() == ""
    assert dialog.isVisible()  # Enter did not save the dialog
    assert "欧阳明" in dialog.found.text()
    # the special delegate put on leave again: 45 others decide the quorum with 46 expected
    dialog.combos[row].setCurrentText("请假")
    dialog.table.item(row, 4).setText("外出培训")
    others = [r for r in range(46) if r != row]
    for r in others[:30]:
        dialog.combos[r].setCurrentText("出席")
    # 46 expected → 31 needed: 30 present warns
    assert dialog.quorum.isVisibleTo(dialog)
    assert dialog.quorum.text() == "出席代表30人，不足应到代表三分之二（31人）"
    dialog.combos[others[30]].setCurrentText("出席")
    assert not dialog.quorum.isVisibleTo(dialog) and dialog.quorum.text() == ""
    save(dialog)
    figures = congress.session_figures(session)
    assert (figures.expected, figures.present, figures.leave, figures.absent) == (46, 31, 1, 14)
    leave = SessionAttendance.get((SessionAttendance.session == session) & (SessionAttendance.state == "请假"))
    assert leave.reason == "外出培训" and leave.delegate.member.name == "欧阳明"

    # exactly the figures: 45 expected, 29 present warns (30 needed), 30 does not
    congress.leave_delegate(leave.delegate, "2025-02-01", "调离")
    second = congress.save_session({"term": term, "date": "2025-06-01"})
    dialog = SignInDialog(second)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 45
    for r in range(29):
        dialog.combos[r].setCurrentText("出席")
    assert dialog.quorum.isVisibleTo(dialog)
    assert dialog.quorum.text() == "出席代表29人，不足应到代表三分之二（30人）"
    assert "应到45" in dialog.counts.text() or "Expected 45" in dialog.counts.text()
    save(dialog)  # a warning, the save still happens
    assert not dialog.isVisible() and congress.session_figures(second).present == 29
    tab = CongressTab()
    qtbot.addWidget(tab)
    tab.sessions.select(second.id)
    assert tab.sessions.quorum_warning.text() == "出席代表29人，不足应到代表三分之二（30人）"
    assert not tab.sessions.quorum_warning.isHidden()
    quorum_column = 7
    row = next(r for r, rec in enumerate(tab.sessions.model.records) if rec.session.id == second.id)
    assert tab.sessions.model.index(row, quorum_column).data() == "不足"
    assert tab.sessions.model.index(row, quorum_column).data(Qt.ItemDataRole.ForegroundRole).name() == "#b00020"

    dialog = SignInDialog(second)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.quorum.text() != ""
    dialog.mark_all_present()
    assert dialog.quorum.text() == "" and dialog.states().count("出席") == 45
    dialog.combos[0].setCurrentText("缺席")
    for r in range(30, 45):
        dialog.combos[r].setCurrentText("缺席")
    assert dialog.states().count("出席") == 29 and dialog.quorum.text().endswith("（30人）")
    dialog.combos[30].setCurrentText("出席")
    assert dialog.quorum.text() == ""
    save(dialog)
    assert congress.session_figures(second).present == 30 and congress.session_figures(second).quorum_ok
    tab.refresh()
    tab.sessions.select(second.id)
    assert tab.sessions.quorum_warning.isHidden()
    assert "法定人数已达到" in tab.sessions.detail.text() or "Quorum reached" in tab.sessions.detail.text()


def test_agenda_votes_and_results(qtbot, db):
    from union_desk.ui.congress.session_forms import AgendaDialog

    term, people = make_term(9)
    session = congress.save_session({"term": term, "date": "2025-03-01"})
    ids = [a.delegate_id for a in congress.attendance_of(session)]
    congress.mark_attendance(session, ids[:8], "出席")  # 8 present: passing needs more than 4
    dialog = AgendaDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentText("表决")
    dialog.title.setText("学校章程修订案")
    dialog.votes["votes_for"].setText("5")
    dialog.votes["votes_against"].setText("2")
    dialog.votes["votes_abstain"].setText("1")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in range(6)] == ["表决", "学校章程修订案", "5", "2", "1", "通过"]
    # exactly half is not enough
    dialog.table.selectRow(0)
    assert dialog.title.text() == "学校章程修订案"
    dialog.votes["votes_for"].setText("4")
    dialog.votes["votes_against"].setText("3")
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    assert dialog.table.item(0, 5).text() == "未通过"
    assert AgendaItem.get().votes_for == 4
    # more votes than present: the service's message, nothing written
    dialog.votes["votes_for"].setText("7")
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "“学校章程修订案”赞成、反对、弃权共11票，多于出席代表8人"
    assert dialog.error.isVisibleTo(dialog) and AgendaItem.get().votes_for == 4
    # a report heard: no votes, no result
    dialog.table.clearSelection()
    dialog.kind.setCurrentText("听取报告")
    dialog.title.setText("校长工作报告")
    for edit in dialog.votes.values():
        edit.clear()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 5).text() == ""
    assert not dialog.error.isVisibleTo(dialog)


def test_evaluation_rates_and_refusal(qtbot, db, warnings):
    from union_desk.db.congress_models import Evaluation, EvaluationSubject
    from union_desk.ui.congress.session_forms import EvaluationDialog

    term, people = make_term(12)
    session = congress.save_session({"term": term, "date": "2025-03-01"})
    ids = [a.delegate_id for a in congress.attendance_of(session)]
    congress.mark_attendance(session, ids[:10], "出席")
    dialog = EvaluationDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.print_button.isEnabled()  # nothing saved yet
    dialog.title.setText("中层干部民主评议")
    row = dialog.add_row(people[0], post="教务主任", counts=(6, 3, 1, 0))
    assert dialog.table.item(row, 0).text() == people[0].name
    assert dialog.table.item(row, 6).text() == "60%" and dialog.table.item(row, 7).text() == "90%"
    typed = dialog.add_row(None, "外聘甲", "后勤主管", (2, 2, 0, 0))
    dialog.table.item(typed, 2).setText("9")  # 9+2 = 11 ballots, 10 present
    assert dialog.error.text() == "“外聘甲”的有效票共11张，多于出席代表10人"
    assert dialog.table.item(typed, 6).text() == "81.8%"
    save(dialog)
    assert warnings == ["“外聘甲”的有效票共11张，多于出席代表10人"]
    assert dialog.isVisible() and Evaluation.select().count() == 0
    dialog.table.item(typed, 2).setText("6")
    assert dialog.error.text() == "" and not dialog.error.isVisibleTo(dialog)
    save(dialog)
    evaluation = Evaluation.get()
    assert evaluation.title == "中层干部民主评议"
    rows = [(s.name, s.post, s.member_id, s.excellent, s.competent) for s in congress.subjects_of(evaluation)]
    assert rows == [(people[0].name, "教务主任", people[0].id, 6, 3), ("外聘甲", "后勤主管", None, 6, 2)]
    assert EvaluationSubject.select().count() == 2
    # opened again, it shows what was saved
    again = EvaluationDialog(session)
    qtbot.addWidget(again)
    assert again.title.text() == "中层干部民主评议" and again.table.rowCount() == 2
    assert again.print_button.isEnabled() and again.table.item(1, 7).text() == "100%"


def test_member_panel_and_settings_page(qtbot, db):
    from union_desk.ui.congress.member_panel import MemberCongressPanel
    from union_desk.ui.congress.settings_page import CongressSettingsPage
    from union_desk.services import settings
    from union_desk.errors import ValidationError

    term, people = make_term(3, start=dt.date(2024, 9, 1))
    session = congress.save_session({"term": term, "date": "2025-03-01"})
    proposal, _ = congress.create_proposal(session, {"title": "改善食堂", "proposer": people[0]})
    panel = MemberCongressPanel(people[0])
    qtbot.addWidget(panel)
    assert panel.seats_model.rowCount() == 1
    assert panel.seats_model.index(0, 0).data() == "第五届"
    assert panel.seats_model.index(0, 1).data() == "第一代表团"
    assert panel.proposals_model.index(0, 0).data() == proposal.number
    assert panel.proposals_model.index(0, 1).data() == "改善食堂"
    assert panel.proposals_model.index(0, 2).data() == "征集"
    panel.set_member(people[1])
    assert panel.proposals_model.rowCount() == 0 and panel.seats_model.rowCount() == 1

    page = CongressSettingsPage()
    qtbot.addWidget(page)
    values = page.values()
    assert set(values) == {"congress_quorum", "congress_majority", "congress_teacher_min", "congress_leader_max",
                           "congress_women_gap", "congress_reply_days", "congress_departments"}
    assert values["congress_quorum"] == "2/3" and "总务处" in values["congress_departments"]
    page.edits["congress_quorum"].setText("3/2")
    with pytest.raises(ValidationError):
        settings.validate(page.values())


def test_a_bad_setting_shows_in_the_settings_dialog(qtbot, db, warnings):
    from union_desk.ui.congress.settings_page import CongressSettingsPage
    from union_desk.ui.settings_dialog import SettingsDialog
    from union_desk.services import settings

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    page = next(p for p in dialog.area_pages if isinstance(p, CongressSettingsPage))
    assert dialog.tab_title_of(page) in ("教代会", "Staff congress")
    page.edits["congress_reply_days"].setText("abc")
    dialog.show()
    dialog.accept()
    assert len(warnings) == 1 and warnings[0].startswith("提案答复期限（交办后天数）：")
    assert dialog.tabs.currentWidget() is page.parentWidget()  # the refused setting's tab is in front
    assert dialog.isVisible() and settings.get("congress_reply_days") == "30"
    page.edits["congress_reply_days"].setText("20")
    page.edits["congress_quorum"].setText("3/4")
    dialog.accept()
    assert settings.get("congress_reply_days") == "20" and congress.quorum_ratio() == congress.Fraction(3, 4)


def test_link_a_plan_item_through_the_picker(qtbot, db, monkeypatch):
    from union_desk.db.models import PlanItem
    from union_desk.services import plan
    from union_desk.ui.congress import session_forms
    from union_desk.ui.congress.tab import CongressTab

    term, people = make_term(3)
    other = plan.create_item(2025, {"title": "教职工运动会", "month": 4})
    item = plan.create_item(2025, {"title": "召开教职工代表大会", "month": 3})
    session = congress.save_session({"term": term, "date": "2025-03-01"})
    tab = CongressTab()
    qtbot.addWidget(tab)
    tab.sessions.select(session.id)

    def choose(picker):
        texts = [picker.list.item(r).text() for r in range(picker.list.count())]
        assert texts[1].startswith("召开教职工代表大会") and any(t.startswith("教职工运动会") for t in texts)
        assert picker.list.currentRow() == 1  # the congress item first and chosen
        picker.filter.setText("运动会")
        assert picker.list.item(1).isHidden() and not picker.list.item(2).isHidden()
        picker.list.setCurrentRow(1)
        picker.accept()
        return picker.result()

    monkeypatch.setattr(session_forms.PlanItemPicker, "exec", choose)
    qtbot.mouseClick(tab.sessions.plan_button, Qt.MouseButton.LeftButton)
    assert CongressSession.get_by_id(session.id).plan_item_id == item.id
    assert tab.sessions.model.index(0, 9).data() == "召开教职工代表大会"
    # signing in holds the session: the linked plan item is completed
    session = CongressSession.get_by_id(session.id)
    ids = [a.delegate_id for a in congress.attendance_of(session)]
    congress.mark_attendance(session, ids, "出席")
    assert PlanItem.get_by_id(item.id).status == "已完成"
    assert PlanItem.get_by_id(other.id).status == "未开始"


def test_open_record_and_the_sessions_proposals(qtbot, db):
    from union_desk.ui.congress.tab import CongressTab

    term, people = make_term(3)
    first = congress.save_session({"term": term, "date": "2025-03-01"})
    proposal, _ = congress.create_proposal(first, {"title": "改善食堂", "proposer": people[0]})
    second = congress.save_session({"term": term, "date": "2025-09-01"})
    later = congress.save_term({"number": 6, "start_date": "2027-09-01"})
    tab = CongressTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.choose_term(later)
    assert tab.term_combo.currentText() == "第六届" and tab.sessions.model.rowCount() == 0
    # 首页: a proposal opens on 提案, in its term
    tab.open_record("proposal", proposal)
    assert tab.term_combo.currentText() == "第五届"
    assert tab.tabs.currentWidget() is tab.proposals and tab.proposals.current() == proposal
    # 首页: a session is selected on 会议
    tab.open_record("congress_session", second)
    assert tab.tabs.currentWidget() is tab.sessions and tab.sessions.selected() == second
    # 该会议的提案: 提案 filtered to the chosen session
    tab.sessions.select(first.id)
    qtbot.mouseClick(tab.sessions.proposals_button, Qt.MouseButton.LeftButton)
    assert tab.tabs.currentWidget() is tab.proposals
    assert tab.proposals.selected_session() == first
    # refresh() refreshes the page in front; the others when shown
    congress.create_proposal(first, {"title": "增设休息室", "proposer": people[1]})
    tab.refresh()
    assert tab.proposals.list.model.rowCount() == 2


def test_evaluation_print_export_choose_and_delete(qtbot, db, monkeypatch, tmp_path, warnings):
    import openpyxl
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from union_desk.db.congress_models import Evaluation
    from union_desk.ui.congress import session_forms
    from union_desk.ui.congress.tab import CongressTab
    from union_desk.ui.hardship import print_actions

    term, people = make_term(12)
    session = congress.save_session({"term": term, "date": "2025-03-01"})
    congress.mark_attendance(session, [a.delegate_id for a in congress.attendance_of(session)][:10], "出席")
    congress.save_evaluation(session, "校级领导民主评议", [{"member": people[0].id, "post": "校长", "excellent": 7,
                                                             "competent": 2, "basic": 1, "incompetent": 0}])
    tab = CongressTab()
    qtbot.addWidget(tab)
    tab.sessions.select(session.id)
    opened = []

    def run(dialog):
        opened.append(dialog)
        return 0

    monkeypatch.setattr(session_forms.EvaluationDialog, "exec", run)
    # one evaluation already: asked which one, or a new one
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][-1], True)))
    qtbot.mouseClick(tab.sessions.evaluation_button, Qt.MouseButton.LeftButton)
    assert opened[-1].evaluation is None and opened[-1].table.rowCount() == 0
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][0], True)))
    qtbot.mouseClick(tab.sessions.evaluation_button, Qt.MouseButton.LeftButton)
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    assert dialog.evaluation.title == "校级领导民主评议" and dialog.table.rowCount() == 1

    printed = []

    def write_pdf(parent, title, default_name, write, on_done=None):
        printed.append(write(tmp_path / "eval.pdf"))

    monkeypatch.setattr(print_actions, "print_pdf", write_pdf)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "eval.pdf").pages)
    assert "民主评议汇总表" in text.replace(" ", "") and people[0].name in text.replace(" ", "")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "eval"), "")))
    qtbot.mouseClick(dialog.xlsx_button, Qt.MouseButton.LeftButton)
    cells = [c for row in openpyxl.load_workbook(tmp_path / "eval.xlsx").active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert people[0].name in cells and "校长" in cells
    assert warnings == []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert Evaluation.select().count() == 0
