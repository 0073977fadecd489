"""The register's forms, on the form base: an honour entered by hand (HonourForm: a member's, or a
union group's with members listed on it) and 从活动成绩生成 (FromActivityDialog: pick an activity,
see how many results become honours, make them; a repeat adds nothing)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.honour_models import Honour
from union_desk.db.models import Activity, ActivityItem, Member, SignUp, Team
from union_desk.domain import honours as rules
from union_desk.errors import UnionDeskError
from union_desk.services import activities, honours
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, save_cancel_buttons, show_error
from union_desk.ui.honours.common import date_field, error_label, hint_label, message_of, say, union_groups
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker

MEMBER_ROLE = Qt.ItemDataRole.UserRole


class HonourForm(FormDialog):
    """登记荣誉 (source 录入). Editing keeps the holder; a group honour's listed members are set when
    it is entered."""

    def __init__(self, honour: Honour | None = None, year: int | None = None, parent=None):
        super().__init__(parent)
        self.honour = honour
        self.saved: Honour | None = None
        self.setWindowTitle(self.tr("Edit honour") if honour else self.tr("Enter an honour"))
        layout = QVBoxLayout(self.body)
        layout.addWidget(hint_label(self.tr("An honour received elsewhere (from the district, the city …). Honours "
                                            "of award rounds and activity results are made there.")))
        form = QFormLayout()
        layout.addLayout(form)
        h = honour
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(h.year if h else (year or dt.date.today().year))
        form.addRow(self.tr("Year"), self.year)
        self.title = QLineEdit(h.title if h else "")
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("e.g. district model class teacher"))
        form.addRow(self.tr("Honour"), self.title)
        self.level = choice_combo(rules.LEVELS, h.level if h else "区")
        self.level.setObjectName("level")
        form.addRow(self.tr("Level"), self.level)
        self.body_edit = QLineEdit(h.awarding_body if h else "")
        self.body_edit.setObjectName("awarding_body")
        self.body_edit.setPlaceholderText(honours.school_union())
        form.addRow(self.tr("Awarded by"), self.body_edit)
        self.date = date_field(h.date if h else None, "date")
        form.addRow(self.tr("Date"), self.date)

        self.to_member = QRadioButton(self.tr("A member"))
        self.to_member.setObjectName("to_member")
        self.to_group = QRadioButton(self.tr("A union group"))
        self.to_group.setObjectName("to_group")
        kinds = QButtonGroup(self)
        kinds.addButton(self.to_member)
        kinds.addButton(self.to_group)
        holder_row = QWidget()
        row = QHBoxLayout(holder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.to_member)
        row.addWidget(self.to_group)
        row.addStretch(1)
        form.addRow(self.tr("Received by"), holder_row)
        self.picker = MemberPicker(statuses=())
        self.picker.setObjectName("member")
        form.addRow(self.tr("Member"), self.picker)
        self.group = QComboBox()
        self.group.setObjectName("group_name")
        self.group.setEditable(True)
        self.group.addItem("")
        self.group.addItems(union_groups())
        form.addRow(self.tr("Union group"), self.group)
        self.listed_label = QLabel(self.tr("Members listed on the group honour (each gets a personal entry)"))
        self.listed = QListWidget()
        self.listed.setObjectName("listed")
        self.listed.setFixedHeight(140)
        form.addRow(self.listed_label)
        form.addRow(self.listed)
        self.notes = QPlainTextEdit(h.notes if h else "")
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(50)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))

        if h is not None:
            if h.member_id:
                self.picker.set_member(h.member)
                self.to_member.setChecked(True)
            else:
                self.group.setCurrentText(h.group_name)
                self.to_group.setChecked(True)
            for w in (self.to_member, self.to_group, self.picker, self.group):
                w.setEnabled(False)
            listed = [c.member for c in h.members_listed if c.member_id]
            self.listed_label.setText(self.tr("Members listed on the group honour"))
            for m in listed:
                self.listed.addItem(QListWidgetItem(f"{m.name}\u3000{m.department or ''}"))
            self.listed.setEnabled(False)
            self.listed_label.setVisible(bool(listed))
            self.listed.setVisible(bool(listed))
        else:
            self.to_member.setChecked(True)
        self.to_member.toggled.connect(lambda _c: self._holder_changed())
        self.group.currentTextChanged.connect(lambda _t: self._fill_listed())
        self._holder_changed()
        self.title.setMinimumWidth(380)
        self.resize(560, 600)  # the wrapped hint and the member list: fit_to_screen trims it to the screen

    def _holder_changed(self) -> None:
        group = self.to_group.isChecked()
        if self.honour is None:
            self.picker.setEnabled(not group)
            self.group.setEnabled(group)
            self.listed_label.setVisible(group)
            self.listed.setVisible(group)

    def _fill_listed(self) -> None:
        """The members of the chosen group, to tick those listed on the honour."""
        if self.honour is not None:
            return
        ticked = set(self.listed_ids())
        self.listed.clear()
        name = self.group.currentText().strip()
        if not name:
            return
        people = Member.select().where((Member.union_group == name) & (Member.status == "在职")).order_by(Member.name)
        for m in people:
            item = QListWidgetItem(f"{m.name}\u3000{m.department or ''}")
            item.setData(MEMBER_ROLE, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if m.id in ticked else Qt.CheckState.Unchecked)
            self.listed.addItem(item)

    def listed_ids(self) -> list[int]:
        return [self.listed.item(i).data(MEMBER_ROLE) for i in range(self.listed.count())
                if self.listed.item(i).checkState() == Qt.CheckState.Checked and self.listed.item(i).data(MEMBER_ROLE)]

    def data(self) -> dict:
        data = {
            "year": self.year.value(),
            "title": self.title.text(),
            "level": self.level.currentText(),
            "awarding_body": self.body_edit.text(),
            "date": self.date.text(),
            "notes": self.notes.toPlainText(),
        }
        if self.honour is None:
            if self.to_group.isChecked():
                data["group_name"] = self.group.currentText()
            else:
                data["member"] = self.picker.member()
        return data

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            if self.honour is None:
                listed = self.listed_ids() if self.to_group.isChecked() else None
                self.saved = honours.add_honour(self.data(), listed)
            else:
                honours.update_honour(self.honour, self.data())
                self.saved = self.honour
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


def edit_honour(parent: QWidget, honour: Honour | None = None, year: int | None = None) -> Honour | None:
    form = HonourForm(honour, year, parent)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None


def already_made(activity: Activity) -> int:
    """Honours made from the activity's results before (a sign-up's, or a team member's)."""
    singles = (Honour.select().join(SignUp, on=(Honour.signup == SignUp.id)).join(ActivityItem)
               .where(ActivityItem.activity == activity).count())
    teams = (Honour.select().join(Team, on=(Honour.team == Team.id)).join(ActivityItem)
             .where(ActivityItem.activity == activity).count())
    return singles + teams


class FromActivityDialog(FormDialog):
    """从活动成绩生成: the activity's results (an award, or 第一 to 第三名) become honours."""

    confirm_discard = False  # a chooser: nothing typed to lose

    def __init__(self, year: int | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Honours from activity results"))
        self.made: honours.FromActivity | None = None
        layout = QVBoxLayout(self.body)
        layout.addWidget(hint_label(self.tr(
            "Each result with an award, or placed first to third, becomes an honour of the member "
            "(a team's result: one for each of its members). Doing it again adds nothing.")))
        self.list = QListWidget()
        self.list.setObjectName("activities")
        self.list.setMinimumSize(460, 260)
        for row in activities.list_activities(year):
            a = row.activity
            entry = QListWidgetItem(f"{a.start:%Y-%m-%d}\u3000{a.title}")
            entry.setData(MEMBER_ROLE, a.id)
            self.list.addItem(entry)
        self.list.currentRowChanged.connect(lambda _r: self._chosen())
        layout.addWidget(self.list, 1)
        self.count = QLabel()
        self.count.setObjectName("resultsCount")
        self.count.setWordWrap(True)
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.make_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.make_button.setText(self.tr("Make honours"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.count.setText(self.tr("No activities in this year."))
        self._chosen()

    def activity(self) -> Activity | None:
        entry = self.list.currentItem()
        return Activity.get_or_none(Activity.id == entry.data(MEMBER_ROLE)) if entry else None

    def choose(self, activity: Activity) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(MEMBER_ROLE) == activity.id:
                self.list.setCurrentRow(row)

    def _chosen(self) -> None:
        activity = self.activity()
        if activity is None:
            self.make_button.setEnabled(False)
            return
        count = honours.activity_results_count(activity)
        text = self.tr("{count} result(s) of “{title}” count as honours.").format(count=count, title=activity.title)
        done = already_made(activity)
        if done:
            text += " " + self.tr("{done} of them are in the register already.").format(done=done)
        self.count.setText(text)
        self.make_button.setEnabled(count > 0)

    @surfaces_errors
    def accept(self) -> None:
        activity = self.activity()
        if activity is None:
            return
        try:
            self.made = honours.honours_from_activity(activity)
        except UnionDeskError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        QMessageBox.information(self, self.windowTitle(), self.tr("{new} new, {existing} already in the register.")
                                .format(new=len(self.made.created), existing=self.made.existing))
        super().accept()
