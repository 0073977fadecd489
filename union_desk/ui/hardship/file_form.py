"""困难职工档案 forms: open or edit a file (建档/编辑), yearly review (复核), leave or cancel (脱困/注销).

The rules (one open file per member, grades and causes, at most three secondary causes, closed
files keep only their description editable) are in `services.hardship`; these forms collect the
values and show the service's messages.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import HardshipFile, Member
from union_desk.errors import ValidationError
from union_desk.services import hardship, settings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import (
    choice_combo,
    date_edit,
    edit_date,
    money_edit,
    save_cancel_buttons,
    show_error,
)
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker
from union_desk.ui.widgets.table_model import Column, RecordTableModel

HOUSING = ("自有住房", "租房", "单位宿舍", "借住亲友", "无固定住所")
LEAVE_REASONS = {
    "已脱困": ("家庭收入提高", "子女已工作", "病情好转"),
    "已注销": ("退休", "调出", "去世", "重复建档"),
}


def _age(birth: dt.date | None) -> int | None:
    if not birth:
        return None
    today = dt.date.today()
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class FamilyTable(QTableView):
    """The member's relatives, read-only (kept in the member archive)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        columns = [
            Column(self.tr("Relation"), lambda r: r.relation, 70),
            Column(self.tr("Name"), lambda r: r.name, 80),
            Column(self.tr("Age"), lambda r: _age(r.birth_date), 45),
            Column(self.tr("Health"), lambda r: r.health, 90),
            Column(self.tr("Work or school"), lambda r: r.work_or_school, 150),
            Column(self.tr("Died on"), lambda r: r.death_date, 96),
        ]
        self.family_model = RecordTableModel(columns, self)
        self.setModel(self.family_model)
        for i, column in enumerate(columns):
            self.setColumnWidth(i, column.width)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFixedHeight(120)

    def show_member(self, member: Member | None) -> None:
        self.family_model.set_records(list(member.relatives) if member else [])


class FileForm(FormDialog):
    """建档 (`file=None`) or 编辑 of `file`. After exec(), `saved` is the file."""

    def __init__(self, parent=None, *, file: HardshipFile | None = None, member: Member | None = None):
        super().__init__(parent)
        self.file = file
        self.saved: HardshipFile | None = None
        closed = file is not None and file.status not in hardship.OPEN_STATUSES
        self.setWindowTitle(
            self.tr("Hardship file of {name}").format(name=file.member.name) if file else self.tr("Open a hardship file")
        )

        self.member = MemberPicker(self, statuses=("在职", "退休"))
        self.member.setMinimumWidth(200)
        self.grade = QComboBox()
        self.grade.addItem(self.tr("Choose"), "")
        for grade in hardship.GRADES:
            self.grade.addItem(grade, grade)
        self.main_cause = QComboBox()
        self.main_cause.addItem(self.tr("Choose"), "")
        for cause in hardship.CAUSES:
            self.main_cause.addItem(cause, cause)
        self.secondary: dict[str, QCheckBox] = {}
        causes_box = QWidget()
        grid = QGridLayout(causes_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        for i, cause in enumerate(hardship.CAUSES):
            box = QCheckBox(cause)
            self.secondary[cause] = box
            grid.addWidget(box, i // 5, i % 5)
        self.household = QSpinBox()
        self.household.setRange(1, 20)
        self.household.setSuffix(self.tr(" person(s)"))
        self.income = money_edit(placeholder="0.00")
        self.housing = choice_combo(HOUSING, editable=True)
        self.housing.setCurrentText("")
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("The family's situation: illness, income, children at school…"))
        self.description.setFixedHeight(72)
        self.description.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.found_date = date_edit()
        self.found_how = choice_combo(hardship.FOUND_HOW)
        self.status = choice_combo(hardship.OPEN_STATUSES)
        self.family = FamilyTable(self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        if file is None:
            form.addRow(self.tr("Member"), self.member)
        else:
            self.member.hide()
            who = QLabel(f"{file.member.name}\u3000{file.member.department}\u3000{file.member.status}")
            form.addRow(self.tr("Member"), who)
        pair = QWidget()
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.grade)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Main cause")))
        row.addWidget(self.main_cause)
        row.addStretch(1)
        form.addRow(self.tr("Grade"), pair)
        form.addRow(self.tr("Other causes\n(up to three)"), causes_box)
        pair = QWidget()
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.household)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Monthly income (yuan)")))
        row.addWidget(self.income)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Housing")))
        row.addWidget(self.housing, 1)
        form.addRow(self.tr("Household size"), pair)
        form.addRow(self.tr("Situation"), self.description)
        pair = QWidget()
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.found_date)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Found by")))
        row.addWidget(self.found_how)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Status")))
        row.addWidget(self.status)
        row.addStretch(1)
        form.addRow(self.tr("Date found"), pair)

        family_box = QGroupBox(self.tr("Family members (kept in the member archive)"))
        family_layout = QVBoxLayout(family_box)
        family_layout.addWidget(self.family)

        layout = QVBoxLayout(self.body)
        self.closed_note = QLabel()
        self.closed_note.setWordWrap(True)
        self.closed_note.setStyleSheet("color: #a15c00;")
        layout.addWidget(self.closed_note)
        layout.addLayout(form)
        layout.addWidget(family_box)
        self.set_buttons(save_cancel_buttons(self))
        self._fields = {
            "member": self.member,
            "grade": self.grade,
            "main_cause": self.main_cause,
            "household_size": self.household,
            "monthly_income": self.income,
            "found_date": self.found_date,
            "found_how": self.found_how,
            "status": self.status,
        }

        self.member.memberChanged.connect(self.family.show_member)
        if file is not None:
            self._load(file)
        elif member is not None:
            self.member.set_member(member)
            self.family.show_member(member)
        self.closed_note.setVisible(closed)
        if closed:
            self.closed_note.setText(
                self.tr("This file is {status} since {date} ({reason}); only the situation can be changed.").format(
                    status=file.status, date=f"{file.status_date:%Y-%m-%d}" if file.status_date else "", reason=file.status_reason
                )
            )
            for widget in (self.grade, self.main_cause, causes_box, self.household, self.income, self.housing,
                           self.found_date, self.found_how, self.status):
                widget.setEnabled(False)
        self.resize(680, self.sizeHint().height())

    def _load(self, file: HardshipFile) -> None:
        self.grade.setCurrentIndex(max(0, self.grade.findData(file.grade)))
        self.main_cause.setCurrentIndex(max(0, self.main_cause.findData(file.main_cause)))
        for cause in filter(None, file.secondary_causes.split(",")):
            if cause in self.secondary:
                self.secondary[cause].setChecked(True)
        self.household.setValue(file.household_size)
        self.income.setText(f"{file.monthly_income:.2f}")
        self.housing.setCurrentText(file.housing)
        self.description.setPlainText(file.description)
        self.found_date.setDate(file.found_date)
        self.found_how.setCurrentIndex(max(0, self.found_how.findText(file.found_how)))
        if file.status in hardship.OPEN_STATUSES:
            self.status.setCurrentIndex(self.status.findText(file.status))
        self.family.show_member(file.member)

    def data(self) -> dict:
        if self.file is not None and self.file.status not in hardship.OPEN_STATUSES:
            return {"description": self.description.toPlainText()}
        return {
            "grade": self.grade.currentData(),
            "main_cause": self.main_cause.currentData(),
            "secondary_causes": [cause for cause, box in self.secondary.items() if box.isChecked()],
            "household_size": self.household.value(),
            "monthly_income": self.income.text(),
            "housing": self.housing.currentText(),
            "description": self.description.toPlainText(),
            "found_date": edit_date(self.found_date),
            "found_how": self.found_how.currentText(),
            "status": self.status.currentText(),
        }

    @surfaces_errors
    def accept(self) -> None:
        try:
            if self.file is None:
                member = self.member.member()
                if member is None:
                    raise ValidationError(self.tr("Choose the member first."), field="member")
                self.saved = hardship.open_file(member, self.data())
            else:
                hardship.update_file(self.file, self.data())
                self.saved = self.file
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            widget = self._fields.get(exc.field or "")
            if widget is not None and widget.isEnabled():
                widget.setFocus()
            return
        super().accept()


class ReviewDialog(FormDialog):
    """复核: date and note; the service sets the next review a year on."""

    def __init__(self, file: HardshipFile, parent=None):
        super().__init__(parent)
        self.file = file
        self.setWindowTitle(self.tr("Review the file of {name}").format(name=file.member.name))
        last = f"{file.last_review_date:%Y-%m-%d}" if file.last_review_date else self.tr("never")
        due = f"{file.next_review_date:%Y-%m-%d}" if file.next_review_date else "—"
        self.info = QLabel(self.tr("Last review: {last}; due: {due}").format(last=last, due=due))
        self.date = date_edit()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What was found: still in hardship, income, health…"))
        self.note.setFixedHeight(80)
        self.reviewer = QLineEdit(settings.get("default_handler"))
        form = QFormLayout()
        form.addRow(self.tr("Review date"), self.date)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Reviewed by"), self.reviewer)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.info)
        layout.addLayout(form)
        self.set_buttons(save_cancel_buttons(self))
        self.resize(440, self.sizeHint().height())

    @surfaces_errors
    def accept(self) -> None:
        try:
            hardship.review_file(self.file, edit_date(self.date), self.note.toPlainText(), self.reviewer.text().strip())
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


class CloseDialog(FormDialog):
    """脱困 / 注销: the new status, the date and the reason."""

    def __init__(self, file: HardshipFile, parent=None):
        super().__init__(parent)
        self.file = file
        self.setWindowTitle(self.tr("Close the file of {name}").format(name=file.member.name))
        self.status = QComboBox()
        self.status.addItem(self.tr("Out of hardship"), "已脱困")
        self.status.addItem(self.tr("Cancelled (retired, transferred, died)"), "已注销")
        self.date = date_edit()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.lineEdit().setPlaceholderText(self.tr("Reason (required)"))
        form = QFormLayout()
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        self.set_buttons(save_cancel_buttons(self))
        self.status.currentIndexChanged.connect(self._suggest)
        self._suggest()
        self.resize(420, self.sizeHint().height())

    def _suggest(self, *_args) -> None:
        self.reason.clear()
        self.reason.addItems(LEAVE_REASONS[self.status.currentData()])
        self.reason.setCurrentText("")

    @surfaces_errors
    def accept(self) -> None:
        try:
            hardship.close_file(self.file, self.status.currentData(), edit_date(self.date), self.reason.currentText())
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()
