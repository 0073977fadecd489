"""现场签到: a big entry where a name or pinyin initials + Enter checks the person in.

One match is checked in at once with a visible confirmation; several matches are offered in a small
list (Enter or a double click picks one). Walk-ins (现场报名) are signed up and checked in at once.
The matching itself is services.activities.check_in_by_text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import Activity, ActivityItem, SignUp
from union_desk.errors import UnionDeskError
from union_desk.services import activities
from union_desk.ui.activities.common import big_font, show_error
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.member_picker import MemberPicker
from union_desk.ui.widgets.table_model import FULL_DATETIME, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view

OK_STYLE = "color: #1b6e20; font-weight: bold;"
WARN_STYLE = "color: #a35200; font-weight: bold;"
SIGNUPS_ROLE = Qt.ItemDataRole.UserRole + 1
# read at arm's length at the door
ENTRY_PT = 20
CONFIRMATION_PT = 14


class ChoiceList(QListWidget):
    """The people matching the typed text; Enter picks the current one."""

    chosen = Signal(object)  # list[SignUp]

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.chosen.emit(self.currentItem().data(SIGNUPS_ROLE))
            return
        super().keyPressEvent(event)


class CheckInPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.activity: Activity | None = None

        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("Type a name or pinyin initials, then press Enter"))
        big_font(self.entry, ENTRY_PT)
        self.entry.setMinimumHeight(44)
        self.entry.returnPressed.connect(self.check_in_typed)
        self.confirmation = QLabel()
        big_font(self.confirmation, CONFIRMATION_PT)
        self.confirmation.setWordWrap(True)
        self.choice_label = QLabel(self.tr("Several people match — choose one (Enter or double-click):"))
        self.choices = ChoiceList()
        self.choices.setMaximumHeight(150)
        self.choices.chosen.connect(self.check_in_signups)
        self.choices.itemDoubleClicked.connect(lambda entry: self.check_in_signups(entry.data(SIGNUPS_ROLE)))
        self.progress = QLabel()
        big_font(self.progress, 12)

        # walk-ins
        walk = QGroupBox(self.tr("Walk-in (did not sign up)"))
        self.walk_item = QComboBox()
        self.walk_picker = MemberPicker(self)
        self.walk_button = QPushButton(self.tr("Sign up and check in"))
        self.walk_button.clicked.connect(self.walk_in)
        walk_row = QHBoxLayout(walk)
        walk_row.addWidget(QLabel(self.tr("Item")))
        walk_row.addWidget(self.walk_item)
        walk_row.addWidget(self.walk_picker, 1)
        walk_row.addWidget(self.walk_button)

        # everyone with a place: not yet checked in first
        columns = [
            Column(self.tr("Name"), lambda a: a.member.name, 80),
            Column(self.tr("Department"), lambda a: a.member.department, 100),
            Column(self.tr("Items"), lambda a: "、".join(a.items), 200, stretch=True),
            Column(self.tr("Checked in at"), lambda a: a.checked_in_at, 130, full=FULL_DATETIME),
        ]
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda a: a.checked_in
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.entry)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.choice_label)
        layout.addWidget(self.choices)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addWidget(walk)
        self._show_choices([])

    # --- data -----------------------------------------------------------------------------------

    def set_activity(self, activity: Activity | None) -> None:
        if self.activity is None or activity is None or activity.id != self.activity.id:
            self.confirmation.clear()
            self.entry.clear()
            self._show_choices([])
        self.activity = activity
        current = self.walk_item.currentData()
        self.walk_item.clear()
        if activity is not None:
            for item in activity.items.order_by(ActivityItem.sort_order, ActivityItem.id):
                self.walk_item.addItem(item.name, item.id)
            index = self.walk_item.findData(current)
            self.walk_item.setCurrentIndex(max(0, index))
        self.refresh()

    def refresh(self) -> None:
        people = activities.attendees(self.activity) if self.activity is not None else []
        people.sort(key=lambda a: (a.checked_in, a.member.department or "", a.member.name))
        self.model.set_records(people)
        present = sum(1 for a in people if a.checked_in)
        self.progress.setText(self.tr("Checked in: {present} of {total}").format(present=present, total=len(people)))

    def say(self, text: str, warn: bool = False) -> None:
        big_font(self.confirmation, CONFIRMATION_PT, WARN_STYLE if warn else OK_STYLE)
        self.confirmation.setText(text)

    # --- check-in -------------------------------------------------------------------------------

    def _show_choices(self, found: list[SignUp]) -> None:
        self.choices.clear()
        by_member: dict[int, list[SignUp]] = {}
        for s in found:
            by_member.setdefault(s.member_id, []).append(s)
        for signups in by_member.values():
            m = signups[0].member
            label = "\u3000".join([m.name, m.department or "—", "、".join(s.item.name for s in signups)])
            entry = QListWidgetItem(label)
            entry.setData(SIGNUPS_ROLE, signups)
            self.choices.addItem(entry)
        visible = bool(by_member)
        self.choices.setVisible(visible)
        self.choice_label.setVisible(visible)
        if visible:
            self.choices.setCurrentRow(0)

    @surfaces_errors
    def check_in_typed(self) -> None:
        text = self.entry.text().strip()
        if not text or self.activity is None:
            return
        try:
            found = activities.check_in_by_text(self.activity, text)
        except UnionDeskError as exc:
            show_error(self, self.tr("Check-in"), exc)
            return
        members = {s.member_id for s in found}
        if not found:
            self._show_choices([])
            self.say(
                self.tr("Nobody signed up and not yet checked in matches “{text}”. "
                        "People already checked in are not listed; add a walk-in below.").format(text=text),
                warn=True,
            )
            self.entry.selectAll()
            return
        if len(members) == 1:  # the service has checked them in
            self._done(found)
            return
        self._show_choices(found)
        self.say(self.tr("{count} people match “{text}”.").format(count=len(members), text=text), warn=True)
        self.choices.setFocus()

    @surfaces_errors
    def check_in_signups(self, signups: list[SignUp]) -> None:
        try:
            for signup in signups:
                activities.check_in(SignUp.get_by_id(signup.id))
        except UnionDeskError as exc:
            show_error(self, self.tr("Check-in"), exc)
            return
        self._done(signups)

    def _done(self, signups: list[SignUp]) -> None:
        member = signups[0].member
        self.say(
            self.tr("✓ {name} ({department}) checked in: {items}").format(
                name=member.name, department=member.department or "—", items="、".join(s.item.name for s in signups)
            )
        )
        self._show_choices([])
        self.entry.clear()
        self.entry.setFocus()
        self.refresh()
        self.changed.emit()

    @surfaces_errors
    def walk_in(self) -> None:
        member = self.walk_picker.member()
        item_id = self.walk_item.currentData()
        if member is None or item_id is None:
            show_error(self, self.tr("Walk-in"), UnionDeskError(self.tr("Choose the item and the member first.")))
            return
        try:
            signup = activities.walk_in(ActivityItem.get_by_id(item_id), member)
        except UnionDeskError as exc:
            show_error(self, self.tr("Walk-in"), exc)
            return
        self.walk_picker.set_member(None)
        self._done([signup])
