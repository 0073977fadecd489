"""The proposal form (新建提案 / 编辑提案) and one dialog per step of the proposal workflow.

Every rule is the service's (`services.congress.create_proposal`, `update_proposal`, `advance`):
the dialogs gather values, call the service, and show what it says. A refused step keeps the
dialog open with the user's input and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.congress_models import CongressSession, Proposal
from union_desk.domain import congress as rules
from union_desk.errors import ValidationError
from union_desk.services import congress
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, date_edit, edit_date, save_cancel_buttons, show_error
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker


def session_label(session: CongressSession) -> str:
    """第五届第二次教职工代表大会（2026-03-01）."""
    title = session.title or rules.session_title(session.term.number, session.number, session.kind)
    return f"{title}（{session.date:%Y-%m-%d}）" if session.date else title


def proposal_label(proposal: Proposal) -> str:
    return f"{proposal.number} {proposal.title}"


def show_warnings(parent: QWidget, title: str, warnings: list[str]) -> None:
    """The service's warnings after a save (e.g. a proposer who is not a delegate)."""
    if warnings:
        QMessageBox.information(parent, title, "\n".join(warnings))


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return form


def _summary(proposal: Proposal) -> QLabel:
    label = QLabel(
        QCoreApplication.translate("ProposalStepDialog", "Proposal {number}: {title} (proposer {name}, state {state})").format(
            number=proposal.number, title=proposal.title, name=proposal.proposer.name, state=proposal.state
        )
    )
    label.setObjectName("summary")
    label.setWordWrap(True)
    return label


class _Form(FormDialog):
    """A few pixels of air below the content: the body's hint comes out short of a wrapped line,
    which would bring a scroll bar for nothing."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        return QSize(hint.width(), hint.height() + 8)


# --- the proposal form ---------------------------------------------------------------------------


class ProposalForm(_Form):
    """New proposal (`proposal=None`, in one of `sessions`, `session` chosen first) or edit of
    `proposal` (its session stays: the number carries it). After exec(), `saved` is the proposal
    and `warnings` what the service warned about (already shown)."""

    def __init__(self, parent=None, *, proposal: Proposal | None = None, sessions: list[CongressSession] | None = None,
                 session: CongressSession | None = None):
        super().__init__(parent)
        self.proposal = proposal
        self.saved: Proposal | None = None
        self.warnings: list[str] = []
        if proposal is not None:
            self.setWindowTitle(self.tr("Edit proposal {number}").format(number=proposal.number))
        else:
            self.setWindowTitle(self.tr("New proposal"))

        self.session = QComboBox()
        self.session.setMinimumWidth(320)
        if proposal is not None:
            self.session.addItem(session_label(proposal.session), proposal.session_id)
            self.session.setEnabled(False)
        else:
            for s in sessions or []:
                self.session.addItem(session_label(s), s.id)
            if session is not None:
                self.session.setCurrentIndex(max(0, self.session.findData(session.id)))
        self._sessions = {s.id: s for s in (sessions or [])}
        self.title = QLineEdit(proposal.title if proposal else "")
        self.title.setPlaceholderText(self.tr("e.g. Improve the canteen's lunch for the staff"))
        self.category = choice_combo(rules.PROPOSAL_CATEGORIES, proposal.category if proposal else "")
        self.proposer = MemberPicker(self, statuses=("在职",))
        self.proposer.setMinimumWidth(220)
        if proposal is not None:
            self.proposer.set_member(proposal.proposer)
        self.seconders = QLineEdit(proposal.seconders if proposal else "")
        self.seconders.setPlaceholderText(self.tr("Names separated by 、"))
        self.received = date_edit(proposal.received_date if proposal else None)
        self.content = QPlainTextEdit(proposal.content if proposal else "")
        self.content.setPlaceholderText(self.tr("Reasons and what is proposed"))
        self.content.setMinimumHeight(140)

        form = _form()
        form.addRow(self.tr("Session"), self.session)
        if proposal is not None:
            number = QLabel(proposal.number)
            number.setObjectName("number")
            form.addRow(self.tr("Number"), number)
        form.addRow(self.tr("Subject"), self.title)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Proposer"), self.proposer)
        form.addRow(self.tr("Seconders"), self.seconders)
        form.addRow(self.tr("Submitted on"), self.received)
        form.addRow(self.tr("Reasons and proposal"), self.content)
        note = QLabel(self.tr("A new proposal gets the session's next number and waits for review (征集)."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        note.setVisible(proposal is None)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        self.set_buttons(save_cancel_buttons(self))
        self.setMinimumWidth(560)

    def data(self) -> dict:
        member = self.proposer.member()
        data = {
            "title": self.title.text(),
            "category": self.category.currentText(),
            "seconders": self.seconders.text(),
            "received_date": edit_date(self.received),
            "content": self.content.toPlainText(),
        }
        if member is not None:
            data["proposer"] = member
        return data

    @surfaces_errors
    def accept(self) -> None:
        data = self.data()
        try:
            if self.proposer.member() is None:
                raise ValidationError(self.tr("Choose the proposer from the list (type a name or pinyin initials)."), field="proposer")
            if self.proposal is None:
                session_id = self.session.currentData()
                if session_id is None:
                    raise ValidationError(self.tr("Add a session of the congress first."), field="session")
                session = self._sessions.get(session_id) or congress.get_session(session_id)
                self.saved, self.warnings = congress.create_proposal(session, data)
            else:
                _changed, self.warnings = congress.update_proposal(self.proposal, data)
                self.saved = self.proposal
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        show_warnings(self, self.windowTitle(), self.warnings)
        super().accept()


# --- the steps -----------------------------------------------------------------------------------


class ProposalStepDialog(_Form):
    """One step of the workflow for `proposal`: subclasses build `self.form` and say `values()`."""

    target = ""

    def __init__(self, proposal: Proposal, parent=None):
        super().__init__(parent)
        self.proposal = proposal
        self.done_ok = False
        self.form = _form()
        layout = QVBoxLayout(self.body)
        layout.addWidget(_summary(proposal))
        layout.addLayout(self.form)
        self.notes = QLabel()
        self.notes.setObjectName("hint")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #666;")
        self.notes.hide()
        layout.addWidget(self.notes)
        layout.addStretch(1)
        self.set_buttons(save_cancel_buttons(self))

    def hint(self, text: str) -> None:
        self.notes.setText(text)
        self.notes.setVisible(bool(text))

    def values(self) -> dict:
        return {}

    def finish_size(self, width: int = 480) -> None:
        """The width it likes; the height is the content's, taken when first shown (combo boxes
        have their final size only then)."""
        self.setMinimumWidth(width)

    @surfaces_errors
    def accept(self) -> None:
        try:
            congress.advance(self.proposal, self.target, self.values())
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self.done_ok = True
        super().accept()


class RejectDialog(ProposalStepDialog):
    """不立案: the reason is required; it may be kept as 意见建议."""

    target = rules.REJECTED

    def __init__(self, proposal: Proposal, parent=None):
        super().__init__(proposal, parent)
        self.setWindowTitle(self.tr("Not registered"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("e.g. not within the school's powers; already in this year's plan"))
        self.reason.setFixedHeight(90)
        self.as_suggestion = QCheckBox(self.tr("Keep it as an opinion or suggestion (转为意见建议)"))
        self.form.addRow(self.tr("Reason (required)"), self.reason)
        self.form.addRow("", self.as_suggestion)
        self.finish_size()

    def values(self) -> dict:
        return {"reason": self.reason.toPlainText(), "as_suggestion": self.as_suggestion.isChecked()}


class MergeDialog(ProposalStepDialog):
    """并案: merge into another proposal of the same session."""

    target = rules.MERGED

    def __init__(self, proposal: Proposal, parent=None):
        super().__init__(proposal, parent)
        self.setWindowTitle(self.tr("Merge proposal"))
        self.into = QComboBox()
        self.into.setMinimumWidth(320)
        closed = (rules.REJECTED, rules.MERGED, rules.WITHDRAWN, rules.VOID)
        for other in congress.proposals_of(session=proposal.session):
            if other.id != proposal.id and other.state not in closed:
                self.into.addItem(proposal_label(other), other.number)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.form.addRow(self.tr("Merge into"), self.into)
        self.form.addRow(self.tr("Shown as"), self.preview)
        self.into.currentIndexChanged.connect(lambda _i: self._show_preview())
        self._show_preview()
        if self.into.count() == 0:
            self.hint(self.tr("No other proposal of this session can take it."))
        self.finish_size(520)

    def _show_preview(self) -> None:
        number = self.into.currentData()
        self.preview.setText(f"并案（并入{number}）" if number else "")

    def values(self) -> dict:
        return {"merged_into": self.into.currentData() or ""}


class HandOverDialog(ProposalStepDialog):
    """交办: the department, the date handed over and the reply deadline (default + reply days)."""

    target = rules.HANDED

    def __init__(self, proposal: Proposal, parent=None, today: dt.date | None = None):
        super().__init__(proposal, parent)
        self.setWindowTitle(self.tr("Hand over"))
        today = today or dt.date.today()
        self.days = congress.reply_days()
        self.department = choice_combo(congress.departments(), proposal.department)
        self.department.setMinimumWidth(200)
        if not proposal.department:  # no department chosen by surprise: the service asks for one
            self.department.insertItem(0, "", "")
            self.department.setCurrentIndex(0)
        handed = today
        if proposal.received_date and handed < proposal.received_date:
            handed = proposal.received_date
        self.handed = date_edit(handed)
        self.due = date_edit(handed + dt.timedelta(days=self.days))
        self._due_touched = False
        self._setting_due = False
        self.handed.dateChanged.connect(self._handed_changed)
        self.due.dateChanged.connect(self._due_changed)
        self.form.addRow(self.tr("Department"), self.department)
        self.form.addRow(self.tr("Handed over on"), self.handed)
        self.form.addRow(self.tr("Reply due by"), self.due)
        again = proposal.state == rules.ANSWERED
        self.hint(
            (self.tr("The proposer was not satisfied: the proposal is handed over again and the old reply stays in its history.") + "\n"
             if again else "")
            + self.tr("The deadline defaults to {days} days after the hand-over (设置 › 教代会).").format(days=self.days)
        )
        self.finish_size()

    def _handed_changed(self, _date: QDate) -> None:
        if not self._due_touched:
            self._setting_due = True
            self.due.setDate(QDate(edit_date(self.handed) + dt.timedelta(days=self.days)))
            self._setting_due = False

    def _due_changed(self, _date: QDate) -> None:
        if not self._setting_due:
            self._due_touched = True

    def values(self) -> dict:
        return {"department": self.department.currentText(), "handed_date": edit_date(self.handed),
                "due_date": edit_date(self.due)}


class ReplyDialog(ProposalStepDialog):
    """登记答复: the department's reply, with its date (not before the hand-over)."""

    target = rules.REPLIED

    def __init__(self, proposal: Proposal, parent=None, today: dt.date | None = None):
        super().__init__(proposal, parent)
        self.setWindowTitle(self.tr("Record the reply"))
        self.reply_date = date_edit(today or dt.date.today())
        self.reply = QPlainTextEdit()
        self.reply.setPlaceholderText(self.tr("What the department did or will do"))
        self.reply.setMinimumHeight(120)
        handed = self.tr("Handed to {department} on {date}, due by {due}.").format(
            department=proposal.department or "—",
            date=f"{proposal.handed_date:%Y-%m-%d}" if proposal.handed_date else "—",
            due=f"{proposal.due_date:%Y-%m-%d}" if proposal.due_date else "—",
        )
        self.form.addRow(self.tr("Handed over"), QLabel(handed))
        self.form.addRow(self.tr("Reply date"), self.reply_date)
        self.form.addRow(self.tr("Result"), self.reply)
        self.finish_size(540)

    def values(self) -> dict:
        return {"reply_date": edit_date(self.reply_date), "reply": self.reply.toPlainText()}


class OpinionDialog(ProposalStepDialog):
    """提案人意见: 满意 / 基本满意 / 不满意, with the date."""

    target = rules.ANSWERED

    def __init__(self, proposal: Proposal, parent=None, today: dt.date | None = None):
        super().__init__(proposal, parent)
        self.setWindowTitle(self.tr("Proposer's opinion"))
        self.opinion = choice_combo(("",) + rules.OPINIONS)  # chosen, never assumed (it makes the 满意率)
        self.opinion_date = date_edit(today or dt.date.today())
        if proposal.reply:
            reply = QLabel(proposal.reply)
            reply.setWordWrap(True)
            self.form.addRow(self.tr("Reply"), reply)
        self.form.addRow(self.tr("Opinion"), self.opinion)
        self.form.addRow(self.tr("Date"), self.opinion_date)
        self.hint(self.tr("When the proposer is not satisfied, the proposal can be handed over again."))
        self.finish_size()

    def values(self) -> dict:
        return {"opinion": self.opinion.currentText(), "opinion_date": edit_date(self.opinion_date)}


class ReasonDialog(ProposalStepDialog):
    """撤回 or 作废 (`target`): the reason is required; the number is kept and never reused."""

    def __init__(self, proposal: Proposal, target: str, parent=None):
        super().__init__(proposal, parent)
        self.target = target
        if target == rules.WITHDRAWN:
            self.setWindowTitle(self.tr("Withdraw proposal"))
        else:
            self.setWindowTitle(self.tr("Void proposal"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the proposer withdrew it; entered twice"))
        self.form.addRow(self.tr("Reason (required)"), self.reason)
        self.hint(self.tr("The proposal keeps its number; numbers are never reused."))
        self.finish_size()

    def values(self) -> dict:
        return {"reason": self.reason.text()}
