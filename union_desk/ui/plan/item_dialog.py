"""Adding and editing a plan item; linking it to the activities and visits that carried it out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import Activity, PlanItem, Visit
from union_desk.errors import UnionDeskError
from union_desk.services import plan
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


def _date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value))
    edit.setMinimumWidth(120)
    return edit


def activity_label(activity: Activity) -> str:
    return f"{activity.start:%Y-%m-%d}  {activity.title}（{activity.status}）"


def visit_label(visit: Visit) -> str:
    relative = f"·{visit.relative.relation}" if visit.relative_id else ""
    return (
        f"{visit.date:%Y-%m-%d}  {visit.member.name}{relative}  {visit.visit_type.name}"
        f"  {visit.cash:,.2f}  {visit.serial}"
    )


class ItemDialog(FormDialog):
    """New item (`item=None`, in plan `year`, optionally on `day`) or edit an existing one.

    The dialog saves through the plan service when accepted; validation errors are shown and the
    dialog stays open. `saved` is the item after a successful save.
    """

    MODE_MONTH, MODE_DATE, MODE_RANGE = range(3)

    def __init__(self, year: int, item: PlanItem | None = None, day: dt.date | None = None, parent=None):
        super().__init__(parent)
        self.item = item
        self.year = item.year if item else year
        self.saved: PlanItem | None = None
        self.links_changed = False
        self.setWindowTitle(self.tr("Edit plan item") if item else self.tr("New plan item"))
        self.setMinimumWidth(520)

        self.title_edit = QLineEdit(item.title if item else "")
        self.title_edit.setPlaceholderText(self.tr("e.g. Women's Day activity for women staff"))
        self.category = QComboBox()
        self.category.addItems(plan.CATEGORIES)
        self.category.setCurrentText(item.category if item else "活动")

        self.mode = QComboBox()
        self.mode.addItems([self.tr("Some time in a month"), self.tr("On a date"), self.tr("From … to …")])
        self.month = QComboBox()
        for m in range(1, 13):
            self.month.addItem(self.tr("Month {m}").format(m=m), m)
        default_day = (item.date if item and item.date else None) or day or self._default_day()
        self.date_edit = _date_edit(default_day)
        self.end_edit = _date_edit((item.end_date if item and item.end_date else None) or default_day)
        self.until = QLabel(self.tr("to"))
        when = QWidget()
        when_row = QHBoxLayout(when)
        when_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.mode, self.month, self.date_edit, self.until, self.end_edit):
            when_row.addWidget(widget)
        when_row.addStretch(1)
        if item and item.date and item.end_date:
            self.mode.setCurrentIndex(self.MODE_RANGE)
        elif (item and item.date) or (item is None and day is not None):
            self.mode.setCurrentIndex(self.MODE_DATE)
        else:
            self.mode.setCurrentIndex(self.MODE_MONTH)
        month = (item.month if item else None) or default_day.month
        self.month.setCurrentIndex(month - 1)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

        self.responsible = QLineEdit(item.responsible if item else "")
        self.status = QComboBox()
        self.status.addItems(plan.STATUSES)
        self.status.setCurrentText(item.status if item else "未开始")
        self.notes = QPlainTextEdit(item.notes if item else "")
        self.notes.setFixedHeight(70)

        form = QFormLayout()
        form.addRow(self.tr("Item"), self.title_edit)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("When"), when)
        form.addRow(self.tr("Responsible"), self.responsible)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Notes"), self.notes)
        self.year_label = QLabel(self.tr("Plan of {year}").format(year=self.year))
        self.year_label.setStyleSheet("color: #555;")
        if item and item.template_key:
            self.year_label.setText(
                self.year_label.text() + self.tr(" · made from the template (generating again will not change it)")
            )

        layout = QVBoxLayout(self.body)
        layout.addWidget(self.year_label)
        layout.addLayout(form)

        self.links = QListWidget()
        self.links.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.links.setMinimumHeight(90)
        self.link_button = QPushButton(self.tr("Link activities or visits…"))
        self.unlink_button = QPushButton(self.tr("Remove link"))
        self.link_button.clicked.connect(self.add_links)
        self.unlink_button.clicked.connect(self.remove_links)
        self.links_box = QGroupBox(self.tr("Carried out by (linked records)"))
        links_layout = QVBoxLayout(self.links_box)
        links_layout.addWidget(self.links)
        row = QHBoxLayout()
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        row.addStretch(1)
        links_layout.addLayout(row)
        layout.addWidget(self.links_box)
        self.links_box.setVisible(item is not None)
        if item is not None:
            self._fill_links()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)
        self.buttons = buttons

    def _default_day(self) -> dt.date:
        today = dt.date.today()
        return today if today.year == self.year else dt.date(self.year, 1, 1)

    def _mode_changed(self) -> None:
        mode = self.mode.currentIndex()
        self.month.setVisible(mode == self.MODE_MONTH)
        self.date_edit.setVisible(mode != self.MODE_MONTH)
        self.until.setVisible(mode == self.MODE_RANGE)
        self.end_edit.setVisible(mode == self.MODE_RANGE)

    def values(self) -> dict:
        mode = self.mode.currentIndex()
        data = {
            "title": self.title_edit.text(),
            "category": self.category.currentText(),
            "responsible": self.responsible.text(),
            "status": self.status.currentText(),
            "notes": self.notes.toPlainText(),
            "month": None,
            "date": None,
            "end_date": None,
        }
        if mode == self.MODE_MONTH:
            data["month"] = self.month.currentData()
        else:
            data["date"] = self.date_edit.date().toPython()
            if mode == self.MODE_RANGE:
                data["end_date"] = self.end_edit.date().toPython()
        return data

    @surfaces_errors
    def accept(self) -> None:
        try:
            if self.item is None:
                self.saved = plan.create_item(self.year, self.values())
            else:
                plan.update_item(self.item, self.values())
                self.saved = self.item
        except UnionDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        super().accept()

    # --- links ----------------------------------------------------------------------------------

    def _fill_links(self) -> None:
        self.links.clear()
        activities, visits = plan.linked_records(self.item)
        for activity in activities:
            entry = QListWidgetItem(self.tr("Activity  {label}").format(label=activity_label(activity)))
            entry.setData(RECORD_ROLE, activity)
            self.links.addItem(entry)
        for visit in visits:
            entry = QListWidgetItem(self.tr("Visit  {label}").format(label=visit_label(visit)))
            entry.setData(RECORD_ROLE, visit)
            self.links.addItem(entry)
        if not activities and not visits:
            self.links.addItem(self.tr("(no linked records)"))

    @surfaces_errors
    def add_links(self) -> None:
        picker = LinkPicker(self.item, self)
        if not picker.exec():
            return
        try:
            for record in picker.chosen():
                if isinstance(record, Activity):
                    plan.link_activity(self.item, record)
                else:
                    plan.link_visit(self.item, record)
        except UnionDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
        self.links_changed = True
        self._fill_links()

    @surfaces_errors
    def remove_links(self) -> None:
        records = [e.data(RECORD_ROLE) for e in self.links.selectedItems() if e.data(RECORD_ROLE) is not None]
        for record in records:
            if isinstance(record, Activity):
                plan.unlink_activity(record)
            else:
                plan.unlink_visit(record)
        if records:
            self.links_changed = True
            self._fill_links()


class LinkPicker(FormDialog):
    """Choose activities and visits of the item's year to link (nearest in time first)."""

    confirm_discard = False  # nothing typed here to lose

    def __init__(self, item: PlanItem, parent=None):
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Link records to “{title}”").format(title=item.title))
        self.resize(640, 460)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, visit type, activity, serial number"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemDoubleClicked.connect(lambda _e: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self.set_buttons(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        activities, visits = plan.link_candidates(self.item, self.search.text())
        for activity in activities:
            entry = QListWidgetItem(self.tr("Activity  {label}").format(label=activity_label(activity)))
            entry.setData(RECORD_ROLE, activity)
            self.list.addItem(entry)
        for visit in visits[:300]:
            entry = QListWidgetItem(self.tr("Visit  {label}").format(label=visit_label(visit)))
            entry.setData(RECORD_ROLE, visit)
            self.list.addItem(entry)

    def chosen(self) -> list:
        return [e.data(RECORD_ROLE) for e in self.list.selectedItems()]
