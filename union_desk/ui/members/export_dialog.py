"""导出会员花名册: which members, full or masked ID numbers, default or all columns, where to save.

The workbook is `ledgers.xlsx_export.write_ledger(MEMBERS, …)` (the same as
`union-desk export members`), written off the UI thread with progress and cancel; a file held open
by Excel gets the FileInUseError message and stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from union_desk.errors import UnionDeskError
from union_desk.ledgers.common import Cancelled
from union_desk.ledgers.specs import MEMBERS, ExportOptions
from union_desk.ledgers.xlsx_export import write_ledger
from union_desk.services import members, settings
from union_desk.ui.file_names import documents_dir
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.task_runner import run_with_progress
from union_desk.ui.open_file import open_folder

DEFAULT_NAME = "会员花名册.xlsx"


class RosterExportDialog(FormDialog):
    """After a successful export `written` is the file and `count` the number of members in it."""

    confirm_discard = False  # nothing typed here to lose

    def __init__(self, parent=None, status: str | None = "在职"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the member roster"))
        self.written: Path | None = None
        self.count = 0
        self._confirmed_path = ""  # a path the save dialog already asked about replacing

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for name in members.MEMBER_STATUSES:
            self.status_combo.addItem(name, name)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))
        self.status_combo.currentIndexChanged.connect(lambda _i: self._update_count())
        self.count_label = QLabel()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_combo)
        status_row.addWidget(self.count_label)
        status_row.addStretch(1)

        self.full_id_box = QCheckBox(self.tr("Full ID numbers"))
        id_note = QLabel(self.tr("Masked by default (110105********1234). Keep a file with full ID numbers safe."))
        id_note.setWordWrap(True)
        id_note.setStyleSheet("color: #666;")
        self.all_columns_box = QCheckBox(self.tr("All columns"))
        columns_note = QLabel(self.tr("Adds union group, employment type, union roles and the other columns, e.g. to import the file again later."))
        columns_note.setWordWrap(True)
        columns_note.setStyleSheet("color: #666;")

        self.path_edit = QLineEdit(str(documents_dir() / DEFAULT_NAME))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Members"), status_row)
        form.addRow(self.tr("ID numbers"), self._with_note(self.full_id_box, id_note))
        form.addRow(self.tr("Columns"), self._with_note(self.all_columns_box, columns_note))
        form.addRow(self.tr("Save as"), path_row)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addStretch(1)
        self.set_buttons(self.buttons)
        self.resize(600, 300)
        self._update_count()

    @staticmethod
    def _with_note(box: QCheckBox, note: QLabel) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(box)
        column.addWidget(note)
        return holder

    def filters(self) -> members.MemberFilter:
        status = self.status_combo.currentData()
        return members.MemberFilter(statuses=(status,) if status else ())

    def _update_count(self) -> None:
        count = members.search_query("", self.filters()).count()
        self.count_label.setText(self.tr("{count} member(s)").format(count=count))
        self.export_button.setEnabled(count > 0)

    def choose_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path_edit.text().strip() or str(documents_dir() / DEFAULT_NAME),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            if not Path(path).suffix:
                path += ".xlsx"
            self.path_edit.setText(path)
            self._confirmed_path = path

    def options(self) -> ExportOptions:
        values = settings.get_all()
        return ExportOptions(
            full_id=self.full_id_box.isChecked(),
            all_columns=self.all_columns_box.isChecked(),
            school_name=values.get("school_name", "") or "",
            prepared_by=values.get("chair", "") or "",
        )

    def export(self) -> Path | None:
        text = self.path_edit.text().strip().strip('"')
        if not text:
            self.choose_path()
            text = self.path_edit.text().strip()
            if not text:
                return None
        target = Path(text).expanduser()
        if not target.suffix:
            target = target.with_suffix(".xlsx")
        if target.exists() and text != self._confirmed_path:
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("{name} exists already. Replace it?").format(name=target.name)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        filters, options = self.filters(), self.options()

        def work(progress):  # in a worker thread; run_with_progress closes its DB connection
            records = list(members.search_query("", filters))
            return write_ledger(MEMBERS, records, target, options=options, progress=progress), len(records)

        result, error = run_with_progress(self, self.windowTitle(), work)
        if error is not None:
            if not isinstance(error, Cancelled):
                text = error.message if isinstance(error, UnionDeskError) else str(error)
                QMessageBox.warning(self, self.windowTitle(), text)
            return None
        self.written, self.count = result
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("{count} member(s) exported to:\n{path}\n\nOpen the folder?").format(count=self.count, path=self.written),
        )
        if answer == QMessageBox.StandardButton.Yes:
            open_folder(self, self.written.parent)
        self.accept()
        return self.written
