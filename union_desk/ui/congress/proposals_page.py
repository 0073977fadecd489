"""提案 sub-tab of the staff congress: the proposals of the selected term (one session or all), with
filters, and a detail pane for the selected one — its fields, its history and the workflow steps
that are allowed next (`domain.congress.TRANSITIONS`). Printing of 提案表 and 答复单.

The CongressTab holds the term selector and calls `set_term`, `set_session`, `refresh` and
`open_proposal`.
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from union_desk.areas import QT_TRANSLATE_NOOP
from union_desk.db.congress_models import CongressSession, CongressTerm, Proposal
from union_desk.domain import congress as rules
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import audit, congress
from union_desk.services.audit import ACTION_LABELS
from union_desk.ui.congress.proposal_forms import (
    HandOverDialog,
    MergeDialog,
    OpinionDialog,
    ProposalForm,
    ReasonDialog,
    RejectDialog,
    ReplyDialog,
    session_label,
)
from union_desk.ui.hardship.common import show_error
from union_desk.ui.hardship.print_actions import print_pdf
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import FULL_DATE, Column

OVERDUE_COLOR = "#b00020"
MUTED_STATES = (rules.VOID, rules.WITHDRAWN)

# How the history names a proposal's fields (data words: Chinese, like the ledger's headers).
FIELD_LABELS = {
    "session": "会议",
    "seq": "序号",
    "number": "编号",
    "title": "案由",
    "category": "类别",
    "proposer": "提案人",
    "seconders": "附议人",
    "content": "理由及建议",
    "received_date": "提交日期",
    "state": "状态",
    "reason": "原因",
    "as_suggestion": "转为意见建议",
    "merged_into": "并入",
    "department": "承办部门",
    "handed_date": "交办日期",
    "due_date": "答复期限",
    "reply_date": "答复日期",
    "reply": "办理结果",
    "opinion": "提案人意见",
    "opinion_date": "反馈日期",
    "closed_date": "办结日期",
    "notes": "备注",
}
HIDDEN_FIELDS = {"id", "created_at", "updated_at", "session", "seq"}
CREATE_FIELDS = ("number", "title", "proposer", "category", "state")  # what the 新增 line names


def session_short_label(session: CongressSession, with_term: bool = False) -> str:
    """第二次（2026-03-01） for the session filter (the term is chosen beside it)."""
    head = congress.term_label(session.term) if with_term else ""
    extra = "临时" if session.kind == "临时" else ""
    return f"{head}第{rules.chinese_number(session.number)}次{extra}（{session.date:%Y-%m-%d}）"


def overdue_days(proposal: Proposal, today: dt.date | None = None) -> int:
    """Days past the reply deadline (0 when not overdue)."""
    today = today or dt.date.today()
    if not congress.is_overdue(proposal, today):
        return 0
    return (today - proposal.due_date).days


def due_text(proposal: Proposal, today: dt.date | None = None) -> str:
    if proposal.due_date is None:
        return ""
    days = overdue_days(proposal, today)
    text = f"{proposal.due_date:%Y-%m-%d}"
    return f"{text} 逾期{days}天" if days else text


def _short(value, limit: int = 40) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value_text(key: str, value) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if key == "proposer":
        from union_desk.db.models import Member

        member = Member.get_or_none(Member.id == value)
        return member.name if member else str(value)
    if key == "merged_into":
        target = Proposal.get_or_none(Proposal.id == value)
        return target.number if target else str(value)
    return _short(value)


def history_lines(proposal: Proposal) -> list[str]:
    """The proposal's audit history as readable lines, oldest first:
    "2026-03-05 10:12 张三 修改（立案 → 已交办）：状态 立案 → 已交办；承办部门 → 总务处"."""
    lines = []
    for entry in audit.history("proposal", proposal.id):
        before = json.loads(entry.before) if entry.before else {}
        after = json.loads(entry.after) if entry.after else {}
        when = entry.at.strftime("%Y-%m-%d %H:%M")
        action = ACTION_LABELS.get(entry.action, entry.action)
        head = f"{when} {entry.actor} {action}"
        if entry.note:
            head += f"（{entry.note}）"
        if entry.action == "create" or not before:
            parts = [f"{FIELD_LABELS.get(k, k)} {_value_text(k, v)}" for k, v in after.items()
                     if k in CREATE_FIELDS and v not in (None, "", False)]
        else:
            parts = []
            for key, new in after.items():
                if key in HIDDEN_FIELDS or (key == "state" and entry.note == f"{before.get(key)} → {new}"):
                    continue  # the step is in the note already
                old = before.get(key)
                label = FIELD_LABELS.get(key, key)
                if old in (None, ""):
                    parts.append(f"{label} → {_value_text(key, new)}")
                else:
                    parts.append(f"{label} {_value_text(key, old)} → {_value_text(key, new)}")
        lines.append(head + ("：" + "；".join(parts) if parts else ""))
    return lines


# (button, target state, its text): 立案 and 办结 are done at once, the others open a dialog
STEP_BUTTONS = (
    ("register", rules.REGISTERED, QT_TRANSLATE_NOOP("ProposalsPage", "Register")),
    ("reject", rules.REJECTED, QT_TRANSLATE_NOOP("ProposalsPage", "Not register…")),
    ("merge", rules.MERGED, QT_TRANSLATE_NOOP("ProposalsPage", "Merge…")),
    ("hand_over", rules.HANDED, QT_TRANSLATE_NOOP("ProposalsPage", "Hand over…")),
    ("reply", rules.REPLIED, QT_TRANSLATE_NOOP("ProposalsPage", "Record reply…")),
    ("opinion", rules.ANSWERED, QT_TRANSLATE_NOOP("ProposalsPage", "Proposer's opinion…")),
    ("close", rules.CLOSED, QT_TRANSLATE_NOOP("ProposalsPage", "Close")),
    ("withdraw", rules.WITHDRAWN, QT_TRANSLATE_NOOP("ProposalsPage", "Withdraw…")),
    ("void", rules.VOID, QT_TRANSLATE_NOOP("ProposalsPage", "Void…")),
)


def allowed_steps(proposal: Proposal | None) -> set[str]:
    """The target states offered for `proposal`: the workflow's next steps; handing over again
    only after 不满意."""
    if proposal is None:
        return set()
    allowed = set(rules.TRANSITIONS.get(proposal.state, ()))
    if proposal.state == rules.ANSWERED and proposal.opinion != "不满意":
        allowed.discard(rules.HANDED)
    return allowed


class ProposalDetail(QFrame):
    """The selected proposal: its fields (empty ones hidden) and its history."""

    FIELDS = (
        ("session", QT_TRANSLATE_NOOP("ProposalsPage", "Session")),
        ("proposer", QT_TRANSLATE_NOOP("ProposalsPage", "Proposer")),
        ("seconders", QT_TRANSLATE_NOOP("ProposalsPage", "Seconders")),
        ("category", QT_TRANSLATE_NOOP("ProposalsPage", "Category")),
        ("received", QT_TRANSLATE_NOOP("ProposalsPage", "Submitted on")),
        ("state", QT_TRANSLATE_NOOP("ProposalsPage", "State")),
        ("filing", QT_TRANSLATE_NOOP("ProposalsPage", "Filing")),
        ("reason", QT_TRANSLATE_NOOP("ProposalsPage", "Reason")),
        ("content", QT_TRANSLATE_NOOP("ProposalsPage", "Reasons and proposal")),
        ("department", QT_TRANSLATE_NOOP("ProposalsPage", "Department")),
        ("handed", QT_TRANSLATE_NOOP("ProposalsPage", "Handed over on")),
        ("due", QT_TRANSLATE_NOOP("ProposalsPage", "Reply due by")),
        ("reply_date", QT_TRANSLATE_NOOP("ProposalsPage", "Reply date")),
        ("reply", QT_TRANSLATE_NOOP("ProposalsPage", "Result")),
        ("opinion", QT_TRANSLATE_NOOP("ProposalsPage", "Proposer's opinion")),
        ("closed", QT_TRANSLATE_NOOP("ProposalsPage", "Closed on")),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, caption in self.FIELDS:
            value = QLabel()
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(QCoreApplication.translate("ProposalsPage", caption), value)
        fields = QWidget()
        fields.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        self.history_caption = QLabel(QCoreApplication.translate("ProposalsPage", "History"))
        self.history_caption.setStyleSheet("font-weight: bold;")
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.history.setSpacing(1)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.empty = QLabel(QCoreApplication.translate("ProposalsPage", "Select a proposal to see its details and handle it."))
        self.empty.setStyleSheet("color: #666;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(scroll, 1)
        right = QVBoxLayout()
        right.addWidget(self.history_caption)
        right.addWidget(self.history, 1)
        self.content = QWidget()
        row = QHBoxLayout(self.content)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.content, 1)
        self.show_proposal(None)

    def show_proposal(self, proposal: Proposal | None, today: dt.date | None = None) -> None:
        self.empty.setVisible(proposal is None)
        self.content.setVisible(proposal is not None)
        if proposal is None:
            self.heading.clear()
            self.history.clear()
            return
        self.heading.setText(f"{proposal.number}　{proposal.title}")
        days = overdue_days(proposal, today)
        texts = {
            "session": session_label(proposal.session),
            "proposer": proposal.proposer.name,
            "seconders": proposal.seconders,
            "category": proposal.category,
            "received": f"{proposal.received_date:%Y-%m-%d}" if proposal.received_date else "",
            "state": proposal.state,
            "filing": congress.filing_text(proposal),
            "reason": proposal.reason,
            "content": proposal.content,
            "department": proposal.department,
            "handed": f"{proposal.handed_date:%Y-%m-%d}" if proposal.handed_date else "",
            "due": due_text(proposal, today),
            "reply_date": f"{proposal.reply_date:%Y-%m-%d}" if proposal.reply_date else "",
            "reply": proposal.reply,
            "opinion": proposal.opinion + (f"（{proposal.opinion_date:%Y-%m-%d}）" if proposal.opinion_date else ""),
            "closed": f"{proposal.closed_date:%Y-%m-%d}" if proposal.closed_date else "",
        }
        if proposal.state == rules.REJECTED and proposal.as_suggestion:
            texts["reason"] += "（转为意见建议）"
        for key, label in self.values.items():
            label.setText(texts.get(key, ""))
            self.form.setRowVisible(label, bool(texts.get(key)))
        self.values["due"].setStyleSheet(f"color: {OVERDUE_COLOR}; font-weight: bold;" if days else "")
        self.history.clear()
        self.history.addItems(history_lines(proposal))


class ProposalsPage(QWidget):
    """The proposals of a term: filters, table, detail and the workflow buttons."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.term: CongressTerm | None = None
        self.today: dt.date | None = None  # tests fix "today" for the overdue column
        columns = [
            Column(self.tr("Number"), lambda p: p.number, 78),
            Column(self.tr("Subject"), lambda p: p.title, 160, stretch=True),
            Column(self.tr("Proposer"), lambda p: p.proposer.name, 72),
            Column(self.tr("Seconders"), lambda p: p.seconders, 100),
            Column(self.tr("Category"), lambda p: p.category, 72),
            Column(self.tr("Filing"), congress.filing_text, 140, full=("并案（并入5-1-001）", "不立案（转意见建议）")),
            Column(self.tr("Department"), lambda p: p.department, 96),
            Column(self.tr("Reply due"), lambda p: due_text(p, self.today), 96, full=FULL_DATE + " 逾期999天",
                   foreground=lambda p: OVERDUE_COLOR if overdue_days(p, self.today) else None),
            Column(self.tr("State"), lambda p: p.state, 60),
            Column(self.tr("Opinion"), lambda p: p.opinion, 96),
        ]
        self.list = RecordList(columns, self._fetch, self.tr("Search number, subject, proposer, seconder or department"))
        self.model = self.list.model
        self.view = self.list.view
        self.model.muted = lambda p: p.state in MUTED_STATES
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(lambda _index: self.edit_proposal())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.list.count_text = self._count_text

        self.session_filter = QComboBox()
        self.session_filter.setMinimumContentsLength(14)
        self.session_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("All states"), None)
        for state in rules.STATES:
            self.state_filter.addItem(state, state)
        self.list.toolbar.insertWidget(0, self.session_filter)
        self.list.toolbar.insertWidget(1, self.state_filter)
        self.session_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.state_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self._fill_sessions()

        # actions on the list
        self.new_button = QPushButton(self.tr("New proposal…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.print_button = QPushButton(self.tr("Print proposal form"))
        self.print_reply_button = QPushButton(self.tr("Print reply form"))
        self.new_button.clicked.connect(lambda: self.new_proposal())
        self.edit_button.clicked.connect(lambda: self.edit_proposal())
        self.print_button.clicked.connect(lambda: self.print_proposal())
        self.print_reply_button.clicked.connect(lambda: self.print_reply())
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.print_button, self.print_reply_button):
            actions.addWidget(button)
        actions.addStretch(1)

        # the workflow steps of the selected proposal
        self.step_buttons: dict[str, QPushButton] = {}
        self.step_targets: dict[str, str] = {}
        steps = QGridLayout()
        steps.setSpacing(4)
        for position, (key, target, text) in enumerate(STEP_BUTTONS):
            button = QPushButton(QCoreApplication.translate("ProposalsPage", text))
            button.setObjectName(f"step_{key}")
            button.clicked.connect(lambda _checked=False, t=target: self.step(t))
            self.step_buttons[key] = button
            self.step_targets[key] = target
            steps.addWidget(button, position // 3, position % 3)
        steps_caption = QLabel(self.tr("Handling"))
        steps_caption.setStyleSheet("font-weight: bold;")
        steps_box = QVBoxLayout()
        steps_box.addWidget(steps_caption)
        steps_box.addLayout(steps)
        steps_box.addStretch(1)

        self.detail = ProposalDetail()
        lower = QWidget()
        lower_row = QHBoxLayout(lower)
        lower_row.setContentsMargins(0, 0, 0, 0)
        lower_row.addWidget(self.detail, 1)
        lower_row.addLayout(steps_box)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 300])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    # --- what the CongressTab calls -------------------------------------------------------------

    def set_term(self, term: CongressTerm | None) -> None:
        """Show the proposals of `term` (None: every term); the session filter lists its sessions."""
        self.term = term
        self._fill_sessions()
        self.refresh()

    def set_session(self, session: CongressSession | None) -> None:
        """Show one session's proposals (None: all sessions of the term)."""
        if session is not None and (self.term is None or session.term_id != self.term.id):
            self.term = session.term
            self._fill_sessions()
        index = self.session_filter.findData(session.id if session else None)
        self.session_filter.setCurrentIndex(max(0, index))  # refreshes when it changes
        self.refresh()

    def refresh(self) -> None:
        keep = self.current()
        self.list.refresh()
        if keep is not None:
            self._select_id(keep.id)
        self._selection_changed()

    def open_proposal(self, proposal: Proposal) -> None:
        """Select `proposal` (switching the filters so that it shows) and show its detail."""
        proposal = Proposal.get_or_none(Proposal.id == proposal.id)
        if proposal is None:
            return
        if self.term is None or proposal.session.term_id != self.term.id:
            self.term = proposal.session.term
            self._fill_sessions()
        for combo, value in ((self.session_filter, proposal.session_id), (self.state_filter, None)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.list.search.blockSignals(True)
        self.list.search.clear()
        self.list.search.blockSignals(False)
        self.list.refresh()
        self._select_id(proposal.id)
        self._selection_changed()

    def open_record(self, kind: str, record) -> None:
        if kind == "proposal":
            self.open_proposal(record)

    # --- data -----------------------------------------------------------------------------------

    def sessions(self) -> list[CongressSession]:
        return congress.list_sessions(self.term) if self.term is not None else congress.list_sessions()

    def _fill_sessions(self) -> None:
        current = self.session_filter.currentData()
        self.session_filter.blockSignals(True)
        self.session_filter.clear()
        self.session_filter.addItem(self.tr("All sessions"), None)
        for session in sorted(self.sessions(), key=lambda s: (s.date, s.number), reverse=True):
            self.session_filter.addItem(session_short_label(session, self.term is None), session.id)
        self.session_filter.setCurrentIndex(max(0, self.session_filter.findData(current)))
        self.session_filter.blockSignals(False)

    def selected_session(self) -> CongressSession | None:
        session_id = self.session_filter.currentData()
        if session_id is None:
            return None
        try:
            return congress.get_session(session_id)
        except NotFoundError:
            return None

    def _fetch(self, text: str) -> list[Proposal]:
        session = self.selected_session()
        state = self.state_filter.currentData()
        rows = congress.proposals_of(session=session, states=(state,) if state else None, text=text)
        if session is None and self.term is not None:
            rows = [p for p in rows if p.session.term_id == self.term.id]
        return rows

    def _count_text(self, rows) -> str:
        overdue = sum(1 for p in rows if overdue_days(p, self.today))
        text = self.tr("%n proposal(s)", "", len(rows))
        if overdue:
            text += self.tr(", {count} overdue").format(count=overdue)
        return text

    def current(self) -> Proposal | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows:
            return None
        return self.model.record_at(rows[0].row())

    def _select_id(self, proposal_id: int) -> bool:
        for row, record in enumerate(self.model.records):
            if record.id == proposal_id:
                index = self.model.index(row, 0)
                self.view.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return True
        return False

    def _selection_changed(self) -> None:
        self.detail.show_proposal(self.current(), self.today)
        self._update_buttons()

    def _update_buttons(self) -> None:
        proposal = self.current()
        allowed = allowed_steps(proposal)
        for key, button in self.step_buttons.items():
            button.setEnabled(self.step_targets[key] in allowed)
        self.edit_button.setEnabled(proposal is not None and proposal.state != rules.VOID)
        self.print_button.setEnabled(proposal is not None)
        self.print_reply_button.setEnabled(proposal is not None and proposal.state in rules.REPLIED_STATES)

    def _reload_current(self) -> Proposal | None:
        proposal = self.current()
        return Proposal.get_or_none(Proposal.id == proposal.id) if proposal is not None else None

    # --- actions --------------------------------------------------------------------------------

    def new_proposal(self) -> Proposal | None:
        sessions = sorted(self.sessions(), key=lambda s: (s.date, s.number), reverse=True)
        if not sessions:
            QMessageBox.information(self, self.tr("New proposal"), self.tr("Add a session of the congress first (会议 page)."))
            return None
        form = ProposalForm(self, sessions=sessions, session=self.selected_session() or sessions[0])
        form.exec()
        if form.saved is None:
            return None
        self.open_proposal(form.saved)
        return form.saved

    def edit_proposal(self) -> Proposal | None:
        proposal = self._reload_current()
        if proposal is None or proposal.state == rules.VOID:
            return None
        form = ProposalForm(self, proposal=proposal)
        form.exec()
        self.refresh()
        return form.saved

    def step(self, target: str) -> bool:
        """Run the step to `target` for the selected proposal (its dialog when it needs one)."""
        proposal = self._reload_current()
        if proposal is None:
            return False
        if target in (rules.REGISTERED, rules.CLOSED):
            try:
                congress.advance(proposal, target, {})
            except ValidationError as exc:
                show_error(self, self.tr("Proposal {number}").format(number=proposal.number), exc)
                return False
            done = True
        else:
            dialog = self.step_dialog(proposal, target)
            dialog.exec()
            done = dialog.done_ok
        self.refresh()
        return done

    def step_dialog(self, proposal: Proposal, target: str):
        if target == rules.REJECTED:
            return RejectDialog(proposal, self)
        if target == rules.MERGED:
            return MergeDialog(proposal, self)
        if target == rules.HANDED:
            return HandOverDialog(proposal, self)
        if target == rules.REPLIED:
            return ReplyDialog(proposal, self)
        if target == rules.ANSWERED:
            return OpinionDialog(proposal, self)
        return ReasonDialog(proposal, target, self)

    def print_proposal(self) -> None:
        proposal = self.current()
        if proposal is None:
            return
        from union_desk.printing import congress as printing

        print_pdf(self, self.tr("Proposal form"), f"提案表-{proposal.number}",
                  lambda path: printing.print_proposal(proposal.id, path))

    def print_reply(self) -> None:
        proposal = self.current()
        if proposal is None:
            return
        from union_desk.printing import congress as printing

        print_pdf(self, self.tr("Reply form"), f"提案答复单-{proposal.number}",
                  lambda path: printing.print_proposal_reply(proposal.id, path))
