"""导入计划: choose an Excel list of month + item, see what would be imported (nothing is written
yet; rows with problems in red, items already in the plan in grey), then import the new items.

Reading and importing run off the UI thread (run_with_progress); the rules are in
services.plan_import. `report` is set after an import, so the tab knows to refresh.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from union_desk.imports.common import ERROR, NEW
from union_desk.imports.reader import FILE_FILTER
from union_desk.imports import plan as plan_import
from union_desk.services import plan
from union_desk.ui.hardship.common import show_error
from union_desk.ui.file_names import documents_dir
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.task_runner import run_with_progress

ERROR_BG = QColor("#fde2e1")
ERROR_FG = QColor("#b71c1c")
BAD_CELL_BG = QColor("#f4a6a3")
WARNING_BG = QColor("#fff3c4")
EXISTS_FG = QColor("#777777")
NEW_FG = QColor("#2e7d32")
FIELDS = ("month", "when", "title", "category", "responsible", "notes")


class PlanImportDialog(FormDialog):
    confirm_discard = False  # nothing typed here to lose

    def __init__(self, year: int, parent=None):
        super().__init__(parent)
        self.preview: plan_import.PlanImportPreview | None = None
        self.report: plan_import.PlanImportReport | None = None
        self.setWindowTitle(self.tr("Import plan from Excel"))

        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("An Excel list with a month (or date) column and an item column"))
        self.browse = QPushButton(self.tr("Choose file…"))
        self.year = QSpinBox()
        self.year.setRange(plan.MIN_YEAR, plan.MAX_YEAR)
        self.year.setValue(year)
        self.year.setSuffix(self.tr(" (year)"))
        self.check_button = QPushButton(self.tr("Check the list"))
        self.summary = QLabel(
            self.tr("Excel, WPS (.et), CSV and Unicode text (.txt) files can be read.") + "\n"
            + self.tr(
                "Columns read: 月份 or 日期, 工作内容 (needed); 类别, 负责人, 备注 (optional). "
                "Nothing is written until you press Import."
            )
        )
        self.summary.setWordWrap(True)

        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels([
            self.tr("Row"), self.tr("Month"), self.tr("Date"), self.tr("Item"), self.tr("Category"),
            self.tr("Responsible"), self.tr("Notes"), self.tr("Result"), self.tr("Problem"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col, width in enumerate((46, 56, 90, 220, 76, 76, 120, 60)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File")))
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        file_row.addSpacing(8)
        file_row.addWidget(QLabel(self.tr("Plan year")))
        file_row.addWidget(self.year)
        file_row.addWidget(self.check_button)
        layout = QVBoxLayout(self.body)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.set_buttons(buttons)
        self.resize(1020, 560)

        self.browse.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        self.path.textChanged.connect(lambda _t: self._reset())
        self.year.valueChanged.connect(lambda _v: self._reset())
        self._reset()

    def _reset(self) -> None:
        self.preview = None
        self.import_button.setEnabled(False)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the plan list"), str(documents_dir()), FILE_FILTER)
        if path:
            self.path.setText(path)
            self.check()

    def check(self) -> None:
        path = self.path.text().strip()
        if not path:
            self.choose_file()
            return
        year = self.year.value()
        preview, error = run_with_progress(
            self, self.tr("Checking the list"),
            lambda progress: plan_import.preview_plan_import(Path(path), year, progress=progress))
        if error is not None:
            if not isinstance(error, plan_import.Cancelled):
                show_error(self, self.windowTitle(), error)
            return
        self.preview = preview
        self.report = None
        self.close_button.setText(self.tr("Cancel"))
        self._show(preview)
        counts = preview.counts()
        self.summary.setText(self.tr(
            "{year}: {new} item(s) to import, {exists} already in the plan (skipped), {errors} row(s) with problems "
            "(in red: fix them in the file and check again).").format(
                year=year, new=counts[NEW], exists=counts[plan_import.EXISTS], errors=counts[ERROR]))
        self.import_button.setEnabled(bool(preview.ready))

    def _show(self, preview) -> None:
        self.table.setRowCount(0)
        self.table.setRowCount(len(preview.rows))
        for r, row in enumerate(preview.rows):
            shown = plan_import.display(row)
            problems = "\n".join(f"{i.column}：{i.message}" if i.column else i.message for i in row.issues)
            values = [str(row.row), *(shown[f] for f in FIELDS), row.action, problems]
            error = row.action == ERROR
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if error:
                    item.setBackground(QBrush(ERROR_BG))
                    item.setForeground(QBrush(ERROR_FG if c == 8 else QColor("#000000")))
                elif row.action == plan_import.EXISTS:
                    item.setForeground(QBrush(EXISTS_FG))
                elif row.warnings and c == 8:
                    item.setBackground(QBrush(WARNING_BG))
                elif c == 7:
                    item.setForeground(QBrush(NEW_FG))
                if problems:
                    item.setToolTip(problems)
                self.table.setItem(r, c, item)
            for issue in row.errors:  # the cell to blame, a stronger red
                col = self._column_of(issue.field)
                if col is not None:
                    self.table.item(r, col).setBackground(QBrush(BAD_CELL_BG))
        self.table.resizeRowsToContents()

    @staticmethod
    def _column_of(field_name: str | None) -> int | None:
        return {"month": 1, "date": 2, "title": 3, "category": 4, "responsible": 5, "notes": 6}.get(field_name or "")

    def run_import(self) -> None:
        preview = self.preview
        if preview is None or not preview.ready:
            return
        report, error = run_with_progress(
            self, self.tr("Importing the plan"), lambda progress: plan_import.apply_plan_import(preview, progress=progress))
        if error is not None:
            if isinstance(error, plan_import.Cancelled):
                self.summary.setText(self.tr("Import cancelled; nothing was written."))
            else:
                show_error(self, self.windowTitle(), error)
            return
        self.report = report
        self.preview = None
        self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Close"))
        self._show(report.preview)
        self.summary.setText(self.tr(
            "Imported into the {year} plan: {added} item(s) added, {skipped} already there (skipped), "
            "{errors} row(s) with problems left out.").format(
                year=report.preview.year, added=report.added, skipped=report.skipped, errors=report.error_rows))
