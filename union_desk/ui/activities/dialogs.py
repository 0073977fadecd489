"""Small dialogs of the activity view: add an item, bulk sign-up by a filter, a team, a result."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from union_desk.db.models import Activity, ActivityItem, Member, SignUp, Team
from union_desk.errors import ValidationError
from union_desk.services import activities, members
from union_desk.services.members import MEMBER_STATUSES, MemberFilter
from union_desk.ui.activities.common import show_error
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker, member_label

AWARDS = ("一等奖", "二等奖", "三等奖", "冠军", "亚军", "季军", "优秀奖", "参与奖")


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("ActivitiesDialogs", "Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class AddItemDialog(FormDialog):
    """A new item (项目) for an existing activity; `added` after a successful save."""

    def __init__(self, activity: Activity, parent=None):
        super().__init__(parent)
        self.activity = activity
        self.added: ActivityItem | None = None
        self.setWindowTitle(self.tr("Add an item"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. tug of war"))
        self.capacity = QLineEdit()
        self.capacity.setPlaceholderText(self.tr("blank = no limit"))
        self.team = QCheckBox(self.tr("Team entries (teams by department or group)"))
        form = QFormLayout()
        form.addRow(self.tr("Item"), self.name)
        form.addRow(self.tr("Places"), self.capacity)
        form.addRow("", self.team)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        self.set_buttons(_buttons(self, self.tr("Add")))

    @surfaces_errors
    def accept(self) -> None:
        before = {i.id for i in self.activity.items}
        try:
            activities.save_activity({}, self.activity, items=[
                {"name": self.name.text(), "capacity": self.capacity.text(), "team_based": self.team.isChecked()}
            ])
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self.added = next(i for i in self.activity.items if i.id not in before)
        super().accept()


class BulkSignUpDialog(FormDialog):
    """Sign up everyone matching a filter (e.g. all women staff for 三八); shows how many match.

    The filter starts from the activity's own eligibility. `result` is the service's BulkResult.
    """

    def __init__(self, item: ActivityItem, parent=None):
        super().__init__(parent)
        self.item = item
        self.activity = item.activity
        self.result: activities.BulkResult | None = None
        self.setWindowTitle(self.tr("Sign up by filter — {item}").format(item=item.name))
        rule = activities.eligible_filter(self.activity)
        self.sex = QComboBox()
        self.sex.addItem(self.tr("Anyone"), "")
        self.sex.addItem(self.tr("Men"), "男")
        self.sex.addItem(self.tr("Women"), "女")
        self.sex.setCurrentIndex(max(0, self.sex.findData(rule.sex)))
        self.department = QComboBox()
        self.department.addItem(self.tr("All departments"), "")
        for dept in members.distinct_values("department"):
            self.department.addItem(dept, dept)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), "")
        for status in MEMBER_STATUSES:
            self.status.addItem(status, status)
        self.status.setCurrentIndex(max(0, self.status.findData(rule.statuses[0] if len(rule.statuses) == 1 else "")))
        self.min_age = self._age(rule.min_age)
        self.max_age = self._age(rule.max_age)
        self.count = QLabel()
        self.count.setStyleSheet("font-weight: bold;")
        for combo in (self.sex, self.department, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.update_count())
        for box in (self.min_age, self.max_age):
            box.valueChanged.connect(lambda _v: self.update_count())

        ages = QHBoxLayout()
        ages.addWidget(self.min_age)
        ages.addWidget(QLabel(self.tr("to")))
        ages.addWidget(self.max_age)
        ages.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Member status"), self.status)
        form.addRow(self.tr("Age (on the day)"), ages)
        note = QLabel(self.tr("People already on the list or not eligible are skipped and listed afterwards. "
                              "When the item is full, the rest go on the waiting list."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(self.count)
        layout.addWidget(note)
        self.buttons = _buttons(self, self.tr("Sign them up"))
        self.set_buttons(self.buttons)
        self.resize(460, 300)
        self.update_count()

    def _age(self, value: int | None) -> QSpinBox:
        box = QSpinBox()
        box.setRange(15, 100)
        box.setSpecialValueText(self.tr("no limit"))
        box.setValue(value if value is not None else 15)
        return box

    def member_filter(self) -> MemberFilter:
        lo, hi = self.min_age.value(), self.max_age.value()
        return MemberFilter(
            statuses=(self.status.currentData(),) if self.status.currentData() else (),
            department=self.department.currentData() or "",
            sex=self.sex.currentData() or "",
            min_age=None if lo == self.min_age.minimum() else lo,
            max_age=None if hi == self.max_age.minimum() else hi,
        )

    def query(self):
        return members.search_query("", self.member_filter(), today=self.activity.start.date())

    def update_count(self) -> None:
        n = self.query().count()
        self.count.setText(self.tr("%n member(s) match.", "", n))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)

    @surfaces_errors
    def accept(self) -> None:
        try:
            self.result = activities.bulk_sign_up(self.item, list(self.query()))
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


class TeamDialog(FormDialog):
    """A team entry (组室组队): its name and members; `team` after a successful save."""

    def __init__(self, item: ActivityItem, parent=None):
        super().__init__(parent)
        self.item = item
        self.team: Team | None = None
        self.chosen: list[Member] = []
        self.setWindowTitle(self.tr("New team — {item}").format(item=item.name))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Chinese department team"))
        self.picker = MemberPicker(self)
        self.add_button = QPushButton(self.tr("Add to the team"))
        self.add_button.clicked.connect(self.add_picked)
        # choosing someone in the picker's list adds them at once
        self.picker.memberChanged.connect(lambda member: member is not None and QTimer.singleShot(0, self.add_picked))
        self.members_list = QListWidget()
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        # people already signed up for this item and not in a team, to add with a double click
        self.free = QListWidget()
        self.free.itemDoubleClicked.connect(self._add_free)
        for s in activities.signups_of(item):
            if s.state == activities.SIGNED and not s.team_id:
                entry = QListWidgetItem(member_label(s.member))
                entry.setData(Qt.ItemDataRole.UserRole, s.member_id)
                self.free.addItem(entry)

        pick_row = QHBoxLayout()
        pick_row.addWidget(self.picker, 1)
        pick_row.addWidget(self.add_button)
        lists = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Team members")))
        left.addWidget(self.members_list, 1)
        left.addWidget(self.remove_button)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Signed up, not in a team (double-click to add)")))
        right.addWidget(self.free, 1)
        lists.addLayout(left, 1)
        lists.addLayout(right, 1)
        form = QFormLayout()
        form.addRow(self.tr("Team name"), self.name)
        form.addRow(self.tr("Add a member"), pick_row)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        self.set_buttons(_buttons(self, self.tr("Save team")))
        self.resize(620, 420)

    def add_member(self, member: Member) -> None:
        if any(m.id == member.id for m in self.chosen):
            return
        self.chosen.append(member)
        self.members_list.addItem(member_label(member))

    def add_picked(self) -> None:
        member = self.picker.member()
        if member is not None:
            self.add_member(member)
            self.picker.set_member(None)

    def _add_free(self, entry: QListWidgetItem) -> None:
        self.add_member(Member.get_by_id(entry.data(Qt.ItemDataRole.UserRole)))

    def remove_selected(self) -> None:
        row = self.members_list.currentRow()
        if row >= 0:
            self.members_list.takeItem(row)
            del self.chosen[row]

    @surfaces_errors
    def accept(self) -> None:
        if not self.chosen:
            show_error(self, self.windowTitle(), ValidationError(self.tr("Add at least one member to the team.")))
            return
        try:
            self.team = activities.add_team(self.item, self.name.text(), [m.id for m in self.chosen])
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


class ResultDialog(FormDialog):
    """Rank and award of a sign-up or a team."""

    def __init__(self, target: SignUp | Team, label: str, parent=None):
        super().__init__(parent)
        self.target = target
        self.setWindowTitle(self.tr("Result — {who}").format(who=label))
        self.rank = QSpinBox()
        self.rank.setRange(0, 999)
        self.rank.setSpecialValueText(self.tr("none"))
        self.rank.setValue(target.rank or 0)
        self.award = QComboBox()
        self.award.setEditable(True)
        self.award.addItem("")
        self.award.addItems(AWARDS)
        self.award.setCurrentText(target.award or "")
        form = QFormLayout()
        form.addRow(self.tr("Rank"), self.rank)
        form.addRow(self.tr("Award"), self.award)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        self.set_buttons(_buttons(self, self.tr("Save")))

    @surfaces_errors
    def accept(self) -> None:
        try:
            activities.set_result(self.target, self.rank.value() or "", self.award.currentText())
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()
