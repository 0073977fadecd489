"""Issue 16, done when: "A qtbot test runs a whole session: create, sign in, proposals, replies,
report." The term and the delegates come from the services; the session is created through the
form, the delegates sign in through the dialog, two proposals are handled to 已答复, and the
提案办理情况报告 is printed from the page's button."""

from __future__ import annotations

import datetime as dt
import re

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from union_desk.db.congress_models import CongressSession, Proposal
from union_desk.domain import congress as rules
from union_desk.services import congress, members


def test_a_whole_session(qtbot, db, monkeypatch, tmp_path):
    from union_desk.ui.congress import session_forms
    from union_desk.ui.congress.tab import CongressTab
    from union_desk.ui.hardship import print_actions

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))

    # the term and its 12 delegates (services)
    term = congress.save_term({"number": 6, "start_date": "2024-09-01", "end_date": "2029-08-31"})
    people = [
        members.create_member({"name": name, "sex": "女" if i % 2 else "男", "department": "语文组"})
        for i, name in enumerate(("王芳", "李强", "张敏", "刘洋", "陈静", "杨磊", "赵丽", "黄勇", "周杰", "吴娟",
                                  "徐涛", "孙明"))
    ]
    for person in people:
        congress.add_delegate(term, person, {"category": "教师", "elected_date": "2024-09-01", "group_name": "语文"})

    tab = CongressTab()
    qtbot.addWidget(tab)
    tab.show()
    assert tab.term_combo.currentText() == "第六届"
    page = tab.sessions

    # 1. create the session through the form (the page's 新建会议… opens it; exec is run by hand)
    def run_session_form(form):
        assert form.number.value() == 1
        form.date.setDate(dt.date(2025, 3, 14))
        form.place.setText("学术报告厅")
        form.show()
        form.button_box.button(QDialogButtonBox.StandardButton.Save).click()
        return form.result()

    monkeypatch.setattr(session_forms.SessionForm, "exec", run_session_form)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    session = CongressSession.get()
    assert session.title == "第六届第一次教职工代表大会" and session.place == "学术报告厅"
    assert page.selected() == session and page.model.index(0, 4).data() == "12"

    # 2. sign in through the dialog: 9 by the find box, 1 on leave
    def run_sign_in(dialog):
        dialog.show()
        dialog.find.setFocus()
        for name in ("王芳", "李强", "zm", "liuyang", "陈静", "yl", "赵丽", "黄勇", "周杰"):
            dialog.find.clear()
            if name.isascii():
                qtbot.keyClicks(dialog.find, name)
            else:  # QTest cannot type Chinese
                dialog.find.setText(name)
            qtbot.keyClick(dialog.find, Qt.Key.Key_Return)
        assert dialog.states().count("出席") == 9
        row = [a.delegate.member.name for a in dialog.rows].index("吴娟")
        dialog.combos[row].setCurrentText("请假")
        assert dialog.quorum.text() == ""  # 9 of 12 = 3/4 ≥ 2/3
        dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(session_forms.SignInDialog, "exec", run_sign_in)
    qtbot.mouseClick(page.signin_button, Qt.MouseButton.LeftButton)
    figures = congress.session_figures(session)
    assert (figures.expected, figures.present, figures.leave, figures.absent) == (12, 9, 1, 2)
    assert page.model.index(0, 5).data() == "9" and page.model.index(0, 7).data() == "✓"
    assert CongressSession.get().held

    # 3. two proposals, handed over and replied to (services: the proposals page is another helper's)
    first, warnings = congress.create_proposal(session, {"title": "改善教师食堂伙食", "proposer": people[0],
                                                         "category": "后勤保障", "received_date": "2025-03-01"})
    second, _ = congress.create_proposal(session, {"title": "增设教师休息室", "proposer": people[1],
                                                   "category": "福利待遇", "received_date": "2025-03-02"})
    assert warnings == [] and [first.number, second.number] == ["6-1-001", "6-1-002"]
    for proposal, department in ((first, "总务处"), (second, "校长室")):
        congress.advance(proposal, rules.REGISTERED)
        congress.advance(proposal, rules.HANDED, {"department": department, "handed_date": "2025-03-20"})
        congress.advance(proposal, rules.REPLIED, {"reply_date": "2025-04-10", "reply": "已落实"})
    assert {p.state for p in Proposal.select()} == {"已答复"}
    tab.refresh()
    assert page.model.index(0, 8).data() == "2"
    assert "共收到2件" in page.detail.text()

    # 4. print the 提案办理情况报告: print_pdf writes the file where the test can read it
    printed = []

    def write_pdf(parent, title, default_name, write, on_done=None):
        target = tmp_path / f"{default_name}.pdf"
        result = write(target)
        printed.append((default_name, target))
        return result

    monkeypatch.setattr(print_actions, "print_pdf", write_pdf)
    qtbot.mouseClick(page.print_report_button, Qt.MouseButton.LeftButton)
    assert shown == []
    assert [name for name, _ in printed] == ["提案办理情况报告-第六届第一次教职工代表大会"]
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(printed[0][1]).pages))
    summary = congress.proposal_report(session).summary
    assert summary == "共收到2件，立案2件，并案0件，不立案0件；已答复2件，满意率—"
    assert summary in text, text[:400]
    assert "改善教师食堂伙食" in text or "6-1-001" in text

    # and the session's sign-in sheet, from its button
    qtbot.mouseClick(page.print_signin_button, Qt.MouseButton.LeftButton)
    assert printed[-1][0] == "签到表-第六届第一次教职工代表大会" and shown == []
    sheet = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(printed[-1][1]).pages))
    assert "签到" in sheet and "王芳" in sheet and "孙明" in sheet
