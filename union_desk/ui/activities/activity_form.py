"""The activity form: what, when, where, who may sign up, cost — and the items (项目).

A new activity is saved with its items in one call (services.activities.save_activity). For an
existing activity the items it has are shown read-only (their capacity is changed in the activity
view, which reports who moves up from the waiting list); new items can be added here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import Activity, ActivityItem
from union_desk.errors import ValidationError
from union_desk.services import activities
from union_desk.services.members import MEMBER_STATUSES
from union_desk.services.visits import FUND_SOURCES
from union_desk.ui.activities.common import datetime_edit, edit_datetime, show_error
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog

NAME, CAPACITY, TEAM = range(3)


class ActivityForm(FormDialog):
    """`saved` is the Activity after a successful save."""

    def __init__(self, activity: Activity | None = None, parent=None):
        super().__init__(parent)
        self.activity = activity
        self.saved: Activity | None = None
        self.setWindowTitle(self.tr("Edit activity") if activity else self.tr("New activity"))
        a = activity

        self.title = QLineEdit(a.title if a else "")
        self.title.setPlaceholderText(self.tr("e.g. staff fun games for the New Year"))
        self.category = QComboBox()
        self.category.addItems(activities.CATEGORIES)
        self.category.setCurrentText(a.category if a else activities.CATEGORIES[0])
        self.status = QComboBox()
        self.status.addItems(activities.STATUSES)
        self.status.setCurrentText(a.status if a else "报名中")
        self.start = datetime_edit(a.start if a else None, QTime(15, 30))
        self.has_end = QCheckBox(self.tr("Ends"))
        self.end = datetime_edit(a.end if a and a.end else None, QTime(17, 30))
        self.has_end.setChecked(bool(a and a.end))
        self.has_deadline = QCheckBox(self.tr("Sign-up deadline"))
        self.deadline = datetime_edit(a.signup_deadline if a and a.signup_deadline else None, QTime(17, 0))
        self.has_deadline.setChecked(bool(a and a.signup_deadline))
        if not a:  # a sensible start: end two hours later, deadline three days before
            self.start.dateTimeChanged.connect(self._follow_start)
            self._follow_start(self.start.dateTime())
        self.has_end.toggled.connect(self.end.setEnabled)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.end.setEnabled(self.has_end.isChecked())
        self.deadline.setEnabled(self.has_deadline.isChecked())
        self.place = QLineEdit(a.place if a else "")
        self.organiser = QLineEdit(a.organiser if a else "")
        self.description = QPlainTextEdit(a.description if a else "")
        self.description.setFixedHeight(60)

        # eligibility
        self.sex = QComboBox()
        self.sex.addItem(self.tr("Anyone"), "")
        self.sex.addItem(self.tr("Men only"), "男")
        self.sex.addItem(self.tr("Women only"), "女")
        self.sex.setCurrentIndex(max(0, self.sex.findData(a.eligible_sex if a else "")))
        self.min_age = self._age_box(a.min_age if a else None)
        self.max_age = self._age_box(a.max_age if a else None)
        self.statuses: dict[str, QCheckBox] = {}
        chosen = set((a.eligible_statuses if a else "在职").split(","))
        for status in MEMBER_STATUSES:
            if status in ("去世", "退会") and status not in chosen:
                continue  # offered only when an activity already names them
            box = QCheckBox(status)
            box.setChecked(status in chosen)
            self.statuses[status] = box

        self.budget = QLineEdit(f"{a.budget:.2f}" if a else "")
        self.actual_cost = QLineEdit(f"{a.actual_cost:.2f}" if a else "")
        for edit in (self.budget, self.actual_cost):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setMaximumWidth(120)
            edit.setPlaceholderText("0.00")
        # who pays: a 工会经费 activity's actual cost goes to the funds book once it has ended
        self.fund_source = QComboBox()
        self.fund_source.addItems(FUND_SOURCES)
        self.fund_source.setCurrentText(getattr(a, "fund_source", "") or FUND_SOURCES[0])

        # items
        self.items = QTableWidget(0, 3)
        self.items.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Places (blank = no limit)"), self.tr("Team entries")])
        self.items.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.items.setColumnWidth(CAPACITY, 150)
        self.items.setColumnWidth(TEAM, 80)
        self.items.verticalHeader().setVisible(False)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setMinimumHeight(130)
        self.existing_rows = 0
        if a:
            for item in a.items.order_by(ActivityItem.sort_order, ActivityItem.id):
                self._add_row(item.name, "" if item.capacity is None else str(item.capacity), item.team_based, locked=True)
            self.existing_rows = self.items.rowCount()
        self.add_item_button = QPushButton(self.tr("Add item"))
        self.remove_item_button = QPushButton(self.tr("Remove item"))
        self.add_item_button.clicked.connect(lambda: self._add_row("", "", False, edit=True))
        self.remove_item_button.clicked.connect(self._remove_row)
        if not a:
            self._add_row("", "", False)

        self._build_layout()

    # --- layout ---------------------------------------------------------------------------------

    def _age_box(self, value: int | None) -> QSpinBox:
        box = QSpinBox()
        box.setRange(15, 100)
        box.setSpecialValueText(self.tr("no limit"))  # shown at the minimum, 15
        box.setValue(value if value is not None else 15)
        box.setMinimumWidth(80)
        return box

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        row = QHBoxLayout()
        row.addWidget(self.category)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Status")))
        row.addWidget(self.status)
        row.addStretch(1)
        form.addRow(self.tr("Category"), row)
        times = QGridLayout()
        times.addWidget(self.start, 0, 0)
        times.addWidget(self.has_end, 0, 1)
        times.addWidget(self.end, 0, 2)
        times.addWidget(self.has_deadline, 1, 1)
        times.addWidget(self.deadline, 1, 2)
        times.setColumnStretch(3, 1)
        form.addRow(self.tr("Starts"), times)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Organiser"), self.organiser)
        form.addRow(self.tr("Description"), self.description)

        who = QGroupBox(self.tr("Who may sign up"))
        grid = QGridLayout(who)
        grid.addWidget(QLabel(self.tr("Sex")), 0, 0)
        grid.addWidget(self.sex, 0, 1)
        grid.addWidget(QLabel(self.tr("Age from")), 0, 2)
        grid.addWidget(self.min_age, 0, 3)
        grid.addWidget(QLabel(self.tr("to")), 0, 4)
        grid.addWidget(self.max_age, 0, 5)
        grid.setColumnStretch(6, 1)
        grid.addWidget(QLabel(self.tr("Member status")), 1, 0)
        statuses = QHBoxLayout()
        for box in self.statuses.values():
            statuses.addWidget(box)
        statuses.addWidget(QLabel(self.tr("(none ticked = anyone)")))
        statuses.addStretch(1)
        grid.addLayout(statuses, 1, 1, 1, 6)

        money = QHBoxLayout()
        money.addWidget(QLabel(self.tr("Budget (yuan)")))
        money.addWidget(self.budget)
        money.addSpacing(16)
        money.addWidget(QLabel(self.tr("Actual cost (yuan)")))
        money.addWidget(self.actual_cost)
        money.addSpacing(16)
        money.addWidget(QLabel(self.tr("Paid from")))
        money.addWidget(self.fund_source)
        money.addStretch(1)

        items_box = QGroupBox(self.tr("Items"))
        items_layout = QVBoxLayout(items_box)
        items_layout.addWidget(self.items)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.add_item_button)
        item_buttons.addWidget(self.remove_item_button)
        if self.activity is not None:
            hint = QLabel(self.tr("Places of existing items are changed in the activity view."))
            hint.setStyleSheet("color: #666;")
            item_buttons.addWidget(hint)
        item_buttons.addStretch(1)
        items_layout.addLayout(item_buttons)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(who)
        layout.addLayout(money)
        layout.addWidget(items_box, 1)
        self.set_buttons(buttons)
        self.resize(720, 720)

    def _follow_start(self, start) -> None:
        if not self.has_end.isChecked():
            self.end.setDateTime(start.addSecs(2 * 3600))
        if not self.has_deadline.isChecked():
            deadline = start.addDays(-3)
            deadline.setTime(QTime(17, 0))
            self.deadline.setDateTime(deadline)

    # --- items ----------------------------------------------------------------------------------

    def _add_row(self, name: str, capacity: str, team: bool, locked: bool = False, edit: bool = False) -> int:
        row = self.items.rowCount()
        self.items.insertRow(row)
        name_cell = QTableWidgetItem(name)
        capacity_cell = QTableWidgetItem(capacity)
        capacity_cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        team_cell = QTableWidgetItem()
        team_cell.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        team_cell.setCheckState(Qt.CheckState.Checked if team else Qt.CheckState.Unchecked)
        if locked:
            for cell in (name_cell, capacity_cell, team_cell):
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                cell.setForeground(Qt.GlobalColor.darkGray)
            if not capacity:
                capacity_cell.setText(self.tr("no limit"))
        self.items.setItem(row, NAME, name_cell)
        self.items.setItem(row, CAPACITY, capacity_cell)
        self.items.setItem(row, TEAM, team_cell)
        if edit:
            self.items.setCurrentCell(row, NAME)
            self.items.editItem(name_cell)
        return row

    def add_item_row(self, name: str, capacity: str = "", team: bool = False) -> None:
        """Fill a new item row (the first empty one, else a new one)."""
        for row in range(self.existing_rows, self.items.rowCount()):
            if not self.items.item(row, NAME).text().strip():
                self.items.item(row, NAME).setText(name)
                self.items.item(row, CAPACITY).setText(capacity)
                self.items.item(row, TEAM).setCheckState(Qt.CheckState.Checked if team else Qt.CheckState.Unchecked)
                return
        self._add_row(name, capacity, team)

    def _remove_row(self) -> None:
        row = self.items.currentRow()
        if row >= self.existing_rows:
            self.items.removeRow(row)

    def new_items(self) -> list[dict]:
        rows = []
        for row in range(self.existing_rows, self.items.rowCount()):
            name = self.items.item(row, NAME).text().strip()
            capacity = self.items.item(row, CAPACITY).text().strip()
            team = self.items.item(row, TEAM).checkState() == Qt.CheckState.Checked
            if not name and not capacity:
                continue  # an empty row
            rows.append({"name": name, "capacity": capacity or None, "team_based": team})
        return rows

    # --- saving ---------------------------------------------------------------------------------

    def data(self) -> dict:
        min_age, max_age = self.min_age.value(), self.max_age.value()
        return {
            "title": self.title.text(),
            "category": self.category.currentText(),
            "status": self.status.currentText(),
            "start": edit_datetime(self.start),
            "end": edit_datetime(self.end) if self.has_end.isChecked() else None,
            "signup_deadline": edit_datetime(self.deadline) if self.has_deadline.isChecked() else None,
            "place": self.place.text(),
            "organiser": self.organiser.text(),
            "description": self.description.toPlainText(),
            "eligible_sex": self.sex.currentData(),
            "min_age": "" if min_age == self.min_age.minimum() else str(min_age),
            "max_age": "" if max_age == self.max_age.minimum() else str(max_age),
            "eligible_statuses": [s for s, box in self.statuses.items() if box.isChecked()],
            "budget": self.budget.text(),
            "actual_cost": self.actual_cost.text(),
            "fund_source": self.fund_source.currentText(),
        }

    def _widget_for(self, field: str | None) -> QWidget | None:
        return {
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "signup_deadline": self.deadline,
            "min_age": self.min_age,
            "max_age": self.max_age,
            "budget": self.budget,
            "actual_cost": self.actual_cost,
            "fund_source": self.fund_source,
            "name": self.items,
            "capacity": self.items,
        }.get(field or "")

    @surfaces_errors
    def save(self) -> None:
        if self.activity is None and not self.new_items():
            show_error(self, self.windowTitle(), ValidationError(self.tr("Add at least one item (e.g. the activity itself).")))
            self.items.setFocus()
            return
        try:
            self.saved = activities.save_activity(self.data(), self.activity, items=self.new_items())
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            widget = self._widget_for(exc.field)
            if widget is not None:
                widget.setFocus()
            return
        self.accept()


def edit_activity(parent: QWidget, activity: Activity | None = None) -> Activity | None:
    form = ActivityForm(activity, parent)
    if form.exec() == QDialog.DialogCode.Accepted:
        return form.saved
    return None


