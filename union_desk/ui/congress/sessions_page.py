"""会议 sub-tab of 教代会与提案: the term's sessions with their attendance and quorum, and the
session's actions (签到, 议程与表决, 民主评议, printouts, the linked plan item)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.congress_models import CongressSession, CongressTerm
from union_desk.errors import UnionDeskError
from union_desk.services import congress
from union_desk.ui.congress.session_forms import (
    AgendaDialog,
    EvaluationDialog,
    PlanItemPicker,
    SignInDialog,
    edit_session,
    edit_term,
)
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import show_error
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view

WARNING_COLOR = "#b00020"


@dataclass
class SessionRow:
    session: CongressSession
    figures: congress.SessionFigures
    proposals: int

    @property
    def signed_in(self) -> bool:
        return bool(self.figures.present or self.session.held)

    @property
    def quorum(self) -> str:
        if not self.figures.expected:
            return ""
        if not self.signed_in:
            return "未签到"
        return "✓" if self.figures.quorum_ok else "不足"


def plan_item_title(session: CongressSession) -> str:
    if not session.plan_item_id:
        return ""
    item = session.plan_item
    return item.title if item is not None else ""


class SessionsPage(QWidget):
    """`set_term(term)` shows that term's sessions; `term_created(term)` asks the tab to choose a
    new term; `session_chosen(session | None)` follows the selection."""

    term_created = Signal(object)
    session_chosen = Signal(object)
    proposals_wanted = Signal(object)  # 该会议的提案: the tab shows 提案 filtered to the session

    def __init__(self, parent=None):
        super().__init__(parent)
        self.term: CongressTerm | None = None
        columns = [
            Column(self.tr("Session"), lambda r: r.session.title, 200, stretch=True),
            Column(self.tr("Date"), lambda r: r.session.date, 90, full=FULL_DATE),
            Column(self.tr("Place"), lambda r: r.session.place, 100),
            Column(self.tr("Kind"), lambda r: r.session.kind, 45),
            Column(self.tr("Expected"), lambda r: r.figures.expected, 60),
            Column(self.tr("Present"), lambda r: r.figures.present, 60),
            Column(self.tr("On leave"), lambda r: r.figures.leave, 60),
            Column(self.tr("Quorum"), lambda r: r.quorum, 70,
                   foreground=lambda r: WARNING_COLOR if r.signed_in and r.figures.expected and not r.figures.quorum_ok
                   else None),
            Column(self.tr("Proposals"), lambda r: r.proposals, 60),
            Column(self.tr("Plan item"), lambda r: plan_item_title(r.session), 140),
        ]
        self.columns = columns
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())

        def button(text: str, slot) -> QPushButton:
            b = QPushButton(text)
            b.clicked.connect(slot)
            return b

        self.new_term_button = button(self.tr("New term…"), self.new_term)
        self.edit_term_button = button(self.tr("Edit term…"), self.edit_term)
        self.new_button = button(self.tr("New session…"), self.new_session)
        self.edit_button = button(self.tr("Edit…"), self.edit_selected)
        self.delete_button = button(self.tr("Delete"), self.delete_selected)
        self.plan_button = button(self.tr("Plan item…"), self.link_plan_item)
        self.signin_button = button(self.tr("Sign-in…"), self.sign_in)
        self.agenda_button = button(self.tr("Agenda and votes…"), self.agenda)
        self.evaluation_button = button(self.tr("Democratic evaluation…"), self.evaluation)
        self.print_signin_button = button(self.tr("Print sign-in sheet"), self.print_signin)
        self.print_report_button = button(self.tr("Print proposals report"), self.print_report)
        self.proposals_button = button(self.tr("Its proposals"), lambda: self.proposals_wanted.emit(self.selected()))
        self.session_buttons = (self.proposals_button, self.edit_button, self.delete_button, self.plan_button, self.signin_button,
                                self.agenda_button, self.evaluation_button, self.print_signin_button,
                                self.print_report_button)

        first = QHBoxLayout()
        for b in (self.new_term_button, self.edit_term_button, self.new_button, self.edit_button,
                  self.delete_button, self.plan_button):
            first.addWidget(b)
        first.addStretch(1)
        second = QHBoxLayout()
        for b in (self.signin_button, self.agenda_button, self.evaluation_button, self.proposals_button,
                  self.print_signin_button, self.print_report_button):
            second.addWidget(b)
        second.addStretch(1)

        self.detail = QLabel()
        self.detail.setObjectName("sessionDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(6, 6, 6, 6)
        self.quorum_warning = QLabel()
        self.quorum_warning.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold;")
        self.quorum_warning.setWordWrap(True)
        self.quorum_warning.setVisible(False)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.quorum_warning)
        detail_layout.addWidget(self.detail, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(splitter, 1)
        self._selection_changed()

    # --- data -----------------------------------------------------------------------------------

    def set_term(self, term: CongressTerm | None) -> None:
        self.term = term
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        if self.term is not None:
            self.term = CongressTerm.get_or_none(CongressTerm.id == self.term.id)
        sessions = congress.list_sessions(self.term) if self.term is not None else []
        rows = [SessionRow(s, congress.session_figures(s), s.proposals.count()) for s in sessions]
        self.model.set_records(rows)
        if current is not None:
            self.select(current.id)
        elif rows:
            self.view.selectRow(0)
        self._selection_changed()

    def selected(self) -> CongressSession | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()).session if rows else None

    def select(self, session_id: int) -> bool:
        for row, record in enumerate(self.model.records):
            if record.session.id == session_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def _selection_changed(self) -> None:
        session = self.selected()
        for b in self.session_buttons:
            b.setEnabled(session is not None)
        self.new_button.setEnabled(self.term is not None)
        self.edit_term_button.setEnabled(self.term is not None)
        self._show_detail(session)
        self.session_chosen.emit(session)

    def _show_detail(self, session: CongressSession | None) -> None:
        if session is None:
            self.quorum_warning.setVisible(False)
            self.detail.setText(self.tr("No session chosen.") if self.term is not None
                                else self.tr("No term yet: create one with “New term…”."))
            return
        figures = congress.session_figures(session)
        held = bool(figures.present or session.held)
        self.quorum_warning.setText(figures.warning if held else "")
        self.quorum_warning.setVisible(bool(figures.warning) and held)
        e = html.escape
        lines = [
            f"<b>{e(session.title)}</b>　{session.date.isoformat()}　{e(session.place)}　{e(session.kind)}",
            self.tr("Expected {expected}, present {present}, on leave {leave}, absent {absent}; "
                    "the quorum needs {needed}.").format(expected=figures.expected, present=figures.present,
                                                          leave=figures.leave, absent=figures.absent,
                                                          needed=figures.needed),
        ]
        if figures.expected and figures.quorum_ok and figures.present:
            lines.append(self.tr("Quorum reached."))
        elif not held:
            lines.append(self.tr("Nobody has signed in yet."))
        agenda = congress.agenda_of(session)
        if agenda:
            items = []
            for item in agenda:
                result = congress.vote_result(item, figures.present)
                votes = ""
                if item.votes_for is not None:
                    votes = self.tr(" (for {f}, against {a}, abstain {b}: {result})").format(
                        f=item.votes_for, a=item.votes_against or 0, b=item.votes_abstain or 0, result=result)
                items.append(f"{e(item.kind)}：{e(item.title)}{e(votes)}")
            lines.append(self.tr("Agenda:") + "<br>" + "<br>".join(f"　{i}" for i in items))
        proposals = session.proposals.count()
        if proposals:
            report = congress.proposal_report(session)
            lines.append(self.tr("Proposals: {summary}").format(summary=e(report.summary)))
        evaluations = congress.evaluations_of(session)
        if evaluations:
            lines.append(self.tr("Evaluations: {titles}").format(titles=e("、".join(ev.title for ev in evaluations))))
        title = plan_item_title(session)
        if title:
            lines.append(self.tr("Plan item: {title}").format(title=e(title)))
        self.detail.setText("<br>".join(lines))

    # --- terms and sessions ---------------------------------------------------------------------

    def new_term(self) -> None:
        term = edit_term(self)
        if term is not None:
            self.term_created.emit(term)

    def edit_term(self) -> None:
        if self.term is not None and edit_term(self, self.term) is not None:
            self.term_created.emit(self.term)

    def new_session(self) -> None:
        saved = edit_session(self, None, self.term)
        if saved is None:
            return
        if self.term is None or saved.term_id != self.term.id:
            self.term_created.emit(saved.term)
        self.refresh()
        self.select(saved.id)

    def edit_selected(self) -> None:
        session = self.selected()
        if session is not None and edit_session(self, session) is not None:
            self.refresh()

    @surfaces_errors
    def delete_selected(self) -> None:
        session = self.selected()
        if session is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete session"),
                                      self.tr("Delete “{title}”?").format(title=session.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            congress.delete_session(session)
        except UnionDeskError as exc:
            show_error(self, self.tr("Delete session"), exc)
            return
        self.refresh()

    @surfaces_errors
    def link_plan_item(self) -> None:
        session = self.selected()
        if session is None:
            return
        picker = PlanItemPicker(session.date.year, session.plan_item_id, self)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        from union_desk.services import plan

        item = plan.get_item(picker.chosen_id) if picker.chosen_id else None
        try:
            congress.link_plan_item(session, item)
        except UnionDeskError as exc:
            show_error(self, self.tr("Plan item"), exc)
            return
        self.refresh()

    # --- the session's dialogs --------------------------------------------------------------------

    def _fresh(self) -> CongressSession | None:
        session = self.selected()
        return CongressSession.get_or_none(CongressSession.id == session.id) if session else None

    def sign_in(self) -> None:
        session = self._fresh()
        if session is not None and SignInDialog(session, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def agenda(self) -> None:
        session = self._fresh()
        if session is not None:
            AgendaDialog(session, self).exec()
            self.refresh()

    def evaluation(self) -> None:
        session = self._fresh()
        if session is None:
            return
        if not congress.session_figures(session).present:
            QMessageBox.information(self, self.tr("Democratic evaluation"),
                                    self.tr("Nobody has signed in to this session yet: sign in first."))
            return
        evaluations = congress.evaluations_of(session)
        chosen, new = None, True
        if evaluations:
            new_text = self.tr("New evaluation…")
            titles = [f"{i + 1}. {ev.title}" for i, ev in enumerate(evaluations)]
            answer, ok = QInputDialog.getItem(self, self.tr("Democratic evaluation"), self.tr("Open which evaluation?"),
                                              [*titles, new_text], 0, False)
            if not ok:
                return
            if answer in titles:
                chosen, new = evaluations[titles.index(answer)], False
        EvaluationDialog(session, chosen, parent=self, new=new).exec()
        self.refresh()

    @surfaces_errors
    def print_signin(self) -> None:
        session = self.selected()
        if session is None:
            return
        from union_desk.printing import congress as sheets
        from union_desk.ui.hardship.print_actions import print_pdf

        print_pdf(self, self.tr("Print sign-in sheet"), f"签到表-{session.title}",
                  lambda path: sheets.print_congress_signin(session.id, path))

    @surfaces_errors
    def print_report(self) -> None:
        session = self.selected()
        if session is None:
            return
        from union_desk.printing import congress as sheets
        from union_desk.ui.hardship.print_actions import print_pdf

        print_pdf(self, self.tr("Print proposals report"), f"提案办理情况报告-{session.title}",
                  lambda path: sheets.print_proposals_report(session.id, path))
