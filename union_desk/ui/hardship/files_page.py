"""困难职工档案 sub-tab: figures, filters, the two standing queries, the list and its actions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import HardshipFile
from union_desk.services import hardship
from union_desk.ui.hardship.assistance_dialog import AssistanceDialog
from union_desk.ui.hardship.file_form import CloseDialog, FileForm, ReviewDialog
from union_desk.ui.hardship.print_actions import print_pdf
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import FULL_DATE, Column

STATUS_OPEN = "open"
OVERDUE_COLOR = "#b00020"


def review_overdue(file: HardshipFile, today: dt.date | None = None) -> bool:
    """An open file whose review date has passed (首页 lists it as 已逾期)."""
    today = today or dt.date.today()
    return file.status in hardship.OPEN_STATUSES and file.next_review_date is not None and file.next_review_date < today


class Figure(QFrame):
    """A number with a caption, as on the home tab."""

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setObjectName("figureCard")  # styled by resources/style.qss, like the home tab's cards
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f4e8c;")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class FilesPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.last_help = {}
        columns = [
            Column(self.tr("Name"), lambda f: f.member.name, 70),
            Column(self.tr("Department"), lambda f: f.member.department, 110),
            Column(self.tr("Grade"), lambda f: f.grade, 80),
            Column(self.tr("Main cause"), lambda f: f.main_cause, 100),
            Column(self.tr("Other causes"), lambda f: f.secondary_causes.replace(",", "、"), 170),
            Column(self.tr("Household"), lambda f: f.household_size, 45),
            Column(self.tr("Monthly income"), lambda f: f.monthly_income, 80),
            Column(self.tr("Status"), lambda f: f.status, 55),
            Column(self.tr("Found on"), lambda f: f.found_date, 96, full=FULL_DATE),
            Column(self.tr("Last review"), lambda f: f.last_review_date, 96, full=FULL_DATE),
            # red when late, as 首页's 困难档案待复核 says 已逾期
            Column(self.tr("Review due"), lambda f: f.next_review_date, 96, full=FULL_DATE,
                   foreground=lambda f: OVERDUE_COLOR if review_overdue(f) else None),
            Column(self.tr("Last helped"), lambda f: self.last_help.get(f.id), 90, full=FULL_DATE),
        ]
        self.list = RecordList(columns, self._fetch, self.tr("Search name, pinyin or situation"))
        self.model = self.list.model
        self.view = self.list.view
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model.muted = lambda f: f.status not in hardship.OPEN_STATUSES
        self.view.doubleClicked.connect(lambda _index: self.edit_file())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        # figures
        self.figures = {
            "open": Figure(self.tr("files open")),
            "opened": Figure(self.tr("opened this year")),
            "helped": Figure(self.tr("helped this year")),
            "rate": Figure(self.tr("help rate")),
        }
        figures_row = QHBoxLayout()
        for figure in self.figures.values():
            figures_row.addWidget(figure)
        figures_row.addStretch(1)

        # filters
        self.grade_filter = QComboBox()
        self.grade_filter.addItem(self.tr("All grades"), "")
        for grade in hardship.GRADES:
            self.grade_filter.addItem(grade, grade)
        self.cause_filter = QComboBox()
        self.cause_filter.addItem(self.tr("All causes"), "")
        for cause in hardship.CAUSES:
            self.cause_filter.addItem(cause, cause)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Open and temporary"), STATUS_OPEN)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in hardship.FILE_STATUSES:
            self.status_filter.addItem(status, status)
        self.not_reviewed = QPushButton(self.tr("Not reviewed for a year"))
        self.never_helped = QPushButton(self.tr("Never helped"))
        for button in (self.not_reviewed, self.never_helped):
            button.setCheckable(True)
            button.toggled.connect(lambda _on: self.refresh())
        for position, widget in enumerate(
            (self.grade_filter, self.cause_filter, self.status_filter, self.not_reviewed, self.never_helped), start=1
        ):
            self.list.toolbar.insertWidget(position, widget)
        for combo in (self.grade_filter, self.cause_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())

        # actions
        self.open_button = QPushButton(self.tr("Open a file"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.review_button = QPushButton(self.tr("Review"))
        self.close_button = QPushButton(self.tr("Out of hardship / cancel"))
        self.help_button = QPushButton(self.tr("Assistance records"))
        self.open_button.clicked.connect(lambda: self.open_file())
        self.edit_button.clicked.connect(self.edit_file)
        self.review_button.clicked.connect(self.review_file)
        self.close_button.clicked.connect(self.close_file)
        self.help_button.clicked.connect(self.assistance)
        self.print_button = QPushButton(self.tr("Print file form"))
        self.print_button.clicked.connect(self.print_file)
        actions = QHBoxLayout()
        for button in (self.open_button, self.edit_button, self.review_button, self.close_button, self.help_button):
            actions.addWidget(button)
        actions.addSpacing(12)
        actions.addWidget(self.print_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(figures_row)
        layout.addLayout(actions)
        layout.addWidget(self.list, 1)
        self._update_buttons()

    # --- data ---------------------------------------------------------------------------------

    def filters(self) -> hardship.FileFilter:
        status = self.status_filter.currentData()
        statuses = hardship.OPEN_STATUSES if status == STATUS_OPEN else ((status,) if status else ())
        return hardship.FileFilter(
            text=self.list.search.text(),
            grade=self.grade_filter.currentData(),
            cause=self.cause_filter.currentData(),
            statuses=statuses,
            not_reviewed_for_a_year=self.not_reviewed.isChecked(),
            never_helped=self.never_helped.isChecked(),
        )

    def _fetch(self, _text: str):
        self.last_help = hardship.last_assistance_dates()
        return list(hardship.files_query(self.filters()))

    def refresh(self) -> None:
        self.list.refresh()
        self._show_figures()
        self._update_buttons()

    def _show_figures(self) -> None:
        figures = hardship.figures(dt.date.today().year)
        self.figures["open"].value.setText(str(figures.open_files))
        self.figures["opened"].value.setText(str(figures.opened_this_year))
        self.figures["helped"].value.setText(str(figures.helped_this_year))
        rate = figures.help_rate
        self.figures["rate"].value.setText("—" if rate is None else f"{rate:.0%}")

    def current_file(self) -> HardshipFile | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        file = self.current_file()
        is_open = file is not None and file.status in hardship.OPEN_STATUSES
        self.edit_button.setEnabled(file is not None)
        self.review_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)
        self.help_button.setEnabled(file is not None)
        self.print_button.setEnabled(file is not None)

    def select_file(self, file_id: int) -> None:
        for row, record in enumerate(self.model.records):
            if record.id == file_id:
                self.view.selectRow(row)
                return

    def _after_change(self, file_id: int | None) -> None:
        self.refresh()
        if file_id is not None:
            self.select_file(file_id)
        self.changed.emit()

    # --- actions ------------------------------------------------------------------------------

    def open_file(self, member=None) -> HardshipFile | None:
        form = FileForm(self, member=member)
        if not form.exec():
            return None
        self._after_change(form.saved.id)
        return form.saved

    def edit_file(self) -> None:
        file = self.current_file()
        if file is None:
            return
        form = FileForm(self, file=hardship.get_file(file.id))
        if form.exec():
            self._after_change(file.id)

    def review_file(self) -> None:
        file = self.current_file()
        if file is not None and ReviewDialog(hardship.get_file(file.id), self).exec():
            self._after_change(file.id)

    def close_file(self) -> None:
        file = self.current_file()
        if file is not None and CloseDialog(hardship.get_file(file.id), self).exec():
            self._after_change(file.id)

    def assistance(self) -> None:
        file = self.current_file()
        if file is None:
            return
        dialog = AssistanceDialog(hardship.get_file(file.id), self)
        dialog.exec()
        if dialog.changed:
            self._after_change(file.id)

    def print_file(self) -> None:
        file = self.current_file()
        if file is None:
            return
        from union_desk.printing import sheets  # reportlab loads on first print, not at start-up

        name = self.tr("Hardship file {name}").format(name=file.member.name)
        print_pdf(self, self.tr("Print file form"), name, lambda path: sheets.print_hardship_files([file.id], path))
