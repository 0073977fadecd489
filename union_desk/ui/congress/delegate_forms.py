"""The delegate dialogs: 添加代表 (several members at once), 编辑, 离任 and 补选.

The rules are the service's (`services.congress.add_delegate`, `update_delegate`,
`leave_delegate`): the dialogs gather values and show what the service says. Adding several
members is all or nothing: one refused member leaves the roster as it was.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.congress_models import CongressTerm, Delegate
from union_desk.db.models import Member, database_proxy
from union_desk.domain import congress as rules
from union_desk.errors import ValidationError
from union_desk.services import congress
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, date_edit, edit_date, save_cancel_buttons, show_error
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker

LEAVE_REASONS = ("调出", "退休", "辞去代表职务", "岗位变动", "其他")
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1


def delegate_label(delegate: Delegate) -> str:
    """王芳（第一代表组，教师）."""
    extra = "，".join(x for x in (delegate.group_name, delegate.category) if x)
    return f"{delegate.member.name}（{extra}）" if extra else delegate.member.name


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def group_combo(term: CongressTerm, current: str = "") -> QComboBox:
    """代表团（组）: the term's groups so far, or a new one typed."""
    groups = sorted({d.group_name for d in congress.delegates_of(term, include_left=True) if d.group_name})
    combo = choice_combo(groups, current, editable=True)
    if not current:
        combo.setCurrentText("")
    combo.lineEdit().setPlaceholderText(QCoreApplication.translate("DelegatesPage", "e.g. 第一代表组 or 语文组"))
    combo.setMinimumWidth(200)
    return combo


def _default_elected(term: CongressTerm) -> dt.date:
    today = dt.date.today()
    if today < term.start_date or (term.end_date and today > term.end_date):
        return term.start_date
    return today


class _DelegateDialog(FormDialog):
    """A little air below the content (a wrapped line comes out a few pixels short)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        return QSize(hint.width(), hint.height() + 8)


class AddDelegatesDialog(_DelegateDialog):
    """Seat one or several members in `term`: each is picked (在职 only) and added to the list;
    the group, category and elected date apply to all of them."""

    def __init__(self, term: CongressTerm, parent=None, group: str = ""):
        super().__init__(parent)
        self.term = term
        self.saved: list[Delegate] = []
        self.setWindowTitle(self.tr("Add delegates to {term}").format(term=congress.term_label(term)))
        self.picker = MemberPicker(self, statuses=("在职",))
        self.picker.setMinimumWidth(220)
        self.add_button = QPushButton(self.tr("Add to list"))
        self.add_button.clicked.connect(self.add_picked)
        self.picker.returnPressed.connect(self.add_picked)
        self.remove_button = QPushButton(self.tr("Remove from list"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.chosen = QListWidget()
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen.setMinimumHeight(150)
        self.group = group_combo(term, group)
        self.category = choice_combo(rules.DELEGATE_CATEGORIES, rules.DELEGATE_CATEGORIES[0])
        self.elected = date_edit(_default_elected(term))

        pick_row = QWidget()
        row = QHBoxLayout(pick_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        list_row = QWidget()
        column = QVBoxLayout(list_row)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.chosen)
        column.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        form = _form()
        form.addRow(self.tr("Member"), pick_row)
        form.addRow(self.tr("To be seated"), list_row)
        form.addRow(self.tr("Delegation (group)"), self.group)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Elected on"), self.elected)
        note = QLabel(self.tr("Only serving members can be delegates. Each member picked joins the list; "
                              "the group, category and date apply to all of them."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        self.set_buttons(save_cancel_buttons(self))
        self.setMinimumWidth(520)

    def members(self) -> list[Member]:
        ids = [self.chosen.item(i).data(MEMBER_ROLE) for i in range(self.chosen.count())]
        return [Member.get_by_id(i) for i in ids]

    def add_member(self, member: Member) -> None:
        if any(self.chosen.item(i).data(MEMBER_ROLE) == member.id for i in range(self.chosen.count())):
            return
        item = QListWidgetItem(f"{member.name}\u3000{member.department or '—'}\u3000{member.sex}")
        item.setData(MEMBER_ROLE, member.id)
        self.chosen.addItem(item)

    def add_picked(self) -> None:
        member = self.picker.member()
        if member is None:
            return
        self.add_member(member)
        self.picker.set_member(None)
        self.picker.clear()

    def remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))

    @surfaces_errors
    def accept(self) -> None:
        self.add_picked()  # a member picked but not yet added to the list
        people = self.members()
        if not people:
            show_error(self, self.windowTitle(), ValidationError(self.tr("Pick at least one member.")))
            return
        data = {"group_name": self.group.currentText(), "category": self.category.currentText(),
                "elected_date": edit_date(self.elected), "how": "选举"}
        try:
            with database_proxy.atomic():
                saved = [congress.add_delegate(self.term, member, data) for member in people]
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self.saved = saved
        super().accept()


class DelegateForm(_DelegateDialog):
    """Edit a seat: group, category, elected date, how (选举 / 补选), notes."""

    def __init__(self, delegate: Delegate, parent=None):
        super().__init__(parent)
        self.delegate = delegate
        self.saved = False
        self.setWindowTitle(self.tr("Edit delegate {name}").format(name=delegate.member.name))
        name = QLabel(f"{delegate.member.name}\u3000{delegate.member.department or ''}")
        name.setObjectName("name")
        self.group = group_combo(delegate.term, delegate.group_name)
        self.category = choice_combo(rules.DELEGATE_CATEGORIES, delegate.category)
        self.elected = date_edit(delegate.elected_date or delegate.term.start_date)
        self.how = choice_combo(rules.DELEGATE_HOW, delegate.how)
        self.notes = QLineEdit(delegate.notes)
        form = _form()
        form.addRow(self.tr("Delegate"), name)
        form.addRow(self.tr("Delegation (group)"), self.group)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Elected on"), self.elected)
        form.addRow(self.tr("How"), self.how)
        if delegate.left_date:
            left = QLabel(f"{delegate.left_date:%Y-%m-%d} {delegate.left_reason}")
            left.setObjectName("left")
            form.addRow(self.tr("Left"), left)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addStretch(1)
        self.set_buttons(save_cancel_buttons(self))
        self.setMinimumWidth(440)

    @surfaces_errors
    def accept(self) -> None:
        data = {"group_name": self.group.currentText(), "category": self.category.currentText(),
                "elected_date": edit_date(self.elected), "how": self.how.currentText(), "notes": self.notes.text()}
        try:
            congress.update_delegate(self.delegate, data)
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self.saved = True
        super().accept()


class LeaveDialog(_DelegateDialog):
    """离任: the date and the reason; the seat can then be filled by a by-election."""

    def __init__(self, delegate: Delegate, parent=None):
        super().__init__(parent)
        self.delegate = delegate
        self.saved = False
        self.setWindowTitle(self.tr("Delegate leaves"))
        summary = QLabel(self.tr("{name} leaves the seat in {term}.").format(
            name=delegate_label(delegate), term=congress.term_label(delegate.term)))
        summary.setWordWrap(True)
        self.left = date_edit(dt.date.today())
        self.reason = choice_combo(LEAVE_REASONS, editable=True)
        self.reason.setCurrentText("")
        self.reason.lineEdit().setPlaceholderText(self.tr("e.g. 调出、退休"))
        form = _form()
        form.addRow(self.tr("Left on"), self.left)
        form.addRow(self.tr("Reason"), self.reason)
        note = QLabel(self.tr("The seat stays on the roster as left; a by-election can fill it."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self.body)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        self.set_buttons(save_cancel_buttons(self))
        self.setMinimumWidth(440)

    @surfaces_errors
    def accept(self) -> None:
        try:
            if not self.reason.currentText().strip():
                raise ValidationError(self.tr("Give the reason for leaving."), field="left_reason")
            congress.leave_delegate(self.delegate, edit_date(self.left), self.reason.currentText())
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self.saved = True
        super().accept()


def vacant_seats(term: CongressTerm) -> list[Delegate]:
    """Delegates who left and have not been replaced yet (by-election candidates)."""
    seats = congress.delegates_of(term, include_left=True)
    replaced = {d.replaces_id for d in seats if d.replaces_id}
    return [d for d in seats if d.left_date and d.id not in replaced]


class ByElectionDialog(_DelegateDialog):
    """补选: choose who left, then the new member; group and category default to the old seat's."""

    def __init__(self, term: CongressTerm, parent=None, left: Delegate | None = None):
        super().__init__(parent)
        self.term = term
        self.saved: Delegate | None = None
        self.setWindowTitle(self.tr("By-election"))
        self.left = QComboBox()
        self.left.setMinimumWidth(260)
        for seat in vacant_seats(term):
            self.left.addItem(f"{delegate_label(seat)} {seat.left_date:%Y-%m-%d} {seat.left_reason}", seat.id)
        if left is not None:
            self.left.setCurrentIndex(max(0, self.left.findData(left.id)))
        self.member = MemberPicker(self, statuses=("在职",))
        self.member.setMinimumWidth(220)
        self.group = group_combo(term)
        self.category = choice_combo(rules.DELEGATE_CATEGORIES, rules.DELEGATE_CATEGORIES[0])
        self.elected = date_edit(_default_elected(term))
        form = _form()
        form.addRow(self.tr("Replaces"), self.left)
        form.addRow(self.tr("New delegate"), self.member)
        form.addRow(self.tr("Delegation (group)"), self.group)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Elected on"), self.elected)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666;")
        if self.left.count() == 0:
            self.note.setText(self.tr("No delegate has left this term: record a departure first (离任…)."))
        self.note.setVisible(self.left.count() == 0)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.set_buttons(save_cancel_buttons(self))
        self.setMinimumWidth(480)
        self.left.currentIndexChanged.connect(lambda _i: self._follow_seat())
        self._follow_seat()

    def seat(self) -> Delegate | None:
        seat_id = self.left.currentData()
        return Delegate.get_or_none(Delegate.id == seat_id) if seat_id else None

    def _follow_seat(self) -> None:
        seat = self.seat()
        if seat is None:
            return
        self.group.setCurrentText(seat.group_name)
        self.category.setCurrentText(seat.category)
        if seat.left_date and edit_date(self.elected) < seat.left_date:
            self.elected.setDate(seat.left_date)

    @surfaces_errors
    def accept(self) -> None:
        try:
            seat = self.seat()
            if seat is None:
                raise ValidationError(self.tr("Choose the delegate who left."), field="replaces")
            if self.member.member() is None:
                raise ValidationError(self.tr("Choose the new delegate from the list (type a name or pinyin initials)."),
                                      field="member")
            self.saved = congress.add_delegate(
                self.term, self.member.member(),
                {"group_name": self.group.currentText(), "category": self.category.currentText(),
                 "elected_date": edit_date(self.elected), "how": "补选"},
                replaces=seat,
            )
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()
