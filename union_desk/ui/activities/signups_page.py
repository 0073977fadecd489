"""The sign-up list of one item: 已报名 then 候补 (with positions); add by search or by a filter,
cancel (reports who moves up), rank and award."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import ActivityItem, SignUp
from union_desk.errors import UnionDeskError
from union_desk.services import activities
from union_desk.ui.activities.common import ask_and_sign_up, ask_text, show_error, show_report, signup_result_text
from union_desk.ui.activities.dialogs import BulkSignUpDialog, ResultDialog
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.member_picker import MemberPicker
from union_desk.ui.widgets.table_model import FULL_DATETIME, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view

OK_STYLE = "color: #1b6e20; font-weight: bold;"
WARN_STYLE = "color: #a35200; font-weight: bold;"


def signup_note(signup: SignUp) -> str:
    """The override reason (现场报名 and 组队报名 are set by the service) and any note."""
    return "；".join(x for x in (signup.override_reason, signup.notes) if x)


class SignUpsPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.item: ActivityItem | None = None
        self.positions: dict[int, int] = {}
        columns = [
            Column(self.tr("Name"), lambda s: s.member.name, 70),
            Column(self.tr("Department"), lambda s: s.member.department, 90),
            Column(self.tr("State"), lambda s: s.state, 60),
            Column(self.tr("Waiting no."), lambda s: self.positions.get(s.id), 70),
            Column(self.tr("Team"), lambda s: s.team.name if s.team_id else "", 110),
            Column(self.tr("Checked in"), lambda s: s.checked_in, 50),
            Column(self.tr("Rank"), lambda s: s.rank, 50),
            Column(self.tr("Award"), lambda s: s.award, 70),
            Column(self.tr("Signed up at"), lambda s: s.signed_at, 120, full=FULL_DATETIME),
            Column(self.tr("Notes"), signup_note, 160, stretch=True),
        ]
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda s: s.state == activities.WAITING
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24, alternating=True,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.view.doubleClicked.connect(lambda _i: self.set_result())

        self.picker = MemberPicker(self)
        self.picker.setPlaceholderText(self.tr("Add a member: name or pinyin initials"))
        # Enter on a chosen member signs them up; the Enter that chooses in the popup does not
        self._just_picked = False
        self.picker.memberChanged.connect(self._picked)
        self.picker.returnPressed.connect(self._enter)
        self.add_button = QPushButton(self.tr("Sign up"))
        self.add_button.clicked.connect(self.add_member)
        self.bulk_button = QPushButton(self.tr("Sign up by filter…"))
        self.bulk_button.clicked.connect(self.bulk_sign_up)
        self.cancel_button = QPushButton(self.tr("Cancel sign-up…"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.result_button = QPushButton(self.tr("Rank and award…"))
        self.result_button.clicked.connect(self.set_result)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.counts = QLabel()
        self.message.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.bulk_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts)
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.result_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._update_buttons()

    # --- data -----------------------------------------------------------------------------------

    def set_item(self, item: ActivityItem | None) -> None:
        if item is None or self.item is None or item.id != self.item.id:
            self.say("")
        self.item = item
        self.refresh()

    def refresh(self) -> None:
        signups = activities.signups_of(self.item) if self.item is not None else []
        self.positions = {}
        for s in signups:
            if s.state == activities.WAITING:
                self.positions[s.id] = len(self.positions) + 1
        self.model.set_records(signups)
        if self.item is None:
            self.counts.clear()
        else:
            signed = len(signups) - len(self.positions)
            places = self.tr("no limit") if self.item.capacity is None else str(self.item.capacity)
            self.counts.setText(
                self.tr("Signed up {signed} / places {places}, waiting {waiting}").format(
                    signed=signed, places=places, waiting=len(self.positions)
                )
            )
        self._update_buttons()

    def selected(self) -> SignUp | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def select_member(self, member_id: int) -> None:
        for row, s in enumerate(self.model.records):
            if s.member_id == member_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return

    def _update_buttons(self) -> None:
        has_item = self.item is not None
        for button in (self.add_button, self.bulk_button, self.picker):
            button.setEnabled(has_item)
        chosen = self.selected() is not None
        self.cancel_button.setEnabled(chosen)
        self.result_button.setEnabled(chosen)

    def say(self, text: str, warn: bool = False) -> None:
        self.message.setStyleSheet(WARN_STYLE if warn else OK_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- actions --------------------------------------------------------------------------------

    def _picked(self, member) -> None:
        if member is not None:
            self._just_picked = True
            QTimer.singleShot(0, self._clear_just_picked)

    def _clear_just_picked(self) -> None:
        self._just_picked = False

    def _enter(self) -> None:
        if self.picker.member() is not None and not self._just_picked:
            self.add_member()

    @surfaces_errors
    def add_member(self) -> None:
        member = self.picker.member()
        if member is None:
            QMessageBox.information(self, self.tr("Sign up"), self.tr("Choose a member from the list first."))
            return
        try:
            signup = ask_and_sign_up(self, self.item, member)
        except UnionDeskError as exc:
            show_error(self, self.tr("Sign up"), exc)
            return
        if signup is None:
            return
        self.picker.set_member(None)
        self.say(signup_result_text(signup), warn=signup.state == activities.WAITING)
        self.refresh()
        self.select_member(member.id)
        self.changed.emit()

    def bulk_sign_up(self) -> None:
        dialog = BulkSignUpDialog(self.item, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result is None:
            return
        result = dialog.result
        summary = self.tr("{signed} signed up, {waiting} on the waiting list, {skipped} skipped.").format(
            signed=len(result.signed), waiting=len(result.waiting), skipped=len(result.skipped)
        )
        details = ""
        if result.skipped:
            details = self.tr("Skipped:") + "\n" + "\n".join(result.skipped)
        if result.waiting:
            details += ("\n\n" if details else "") + self.tr("On the waiting list:") + "\n" + "、".join(
                s.member.name for s in result.waiting
            )
        self.say(summary)
        self.refresh()
        self.changed.emit()
        show_report(self, dialog.windowTitle(), summary, details)

    @surfaces_errors
    def cancel_selected(self) -> None:
        signup = self.selected()
        if signup is None:
            return
        title = self.tr("Cancel sign-up")
        note = ask_text(
            self,
            title,
            self.tr("Cancel the sign-up of {name} for “{item}”?\nReason (may be left blank):").format(
                name=signup.member.name, item=self.item.name
            ),
        )
        if note is None:
            return
        try:
            promoted = activities.cancel(signup, note)
        except UnionDeskError as exc:
            show_error(self, title, exc)
            return
        text = self.tr("The sign-up of {name} is cancelled.").format(name=signup.member.name)
        if promoted is not None:
            text += " " + self.tr("{name} moves up from the waiting list and is signed up.").format(name=promoted.member.name)
        self.say(text)
        self.refresh()
        self.changed.emit()
        if promoted is not None:
            QMessageBox.information(self, title, text)

    def set_result(self) -> None:
        signup = self.selected()
        if signup is None:
            return
        dialog = ResultDialog(signup, signup.member.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.select_member(signup.member_id)
            self.changed.emit()


