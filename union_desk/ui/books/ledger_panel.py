"""The 台账 export panel: tick ledgers (and/or the inspection pack), choose the period — a year, a
学年 or a date range —, full or masked ID numbers, the folder; the files are written off the UI
thread with progress and cancel, then the folder opens. 导入台账… opens the ledger import dialog.

The ledgers to tick are every area's (`ledgers.catalog.all_ledgers()`, read from the registry
`union_desk.areas`). Each ledger is `ledgers.catalog.export_ledger` and the pack
`ledgers.pack.write_pack`: the same files `union-desk export ledger …` and `union-desk export
pack …` write. Both the 台账 page (`ledger_page.LedgerPage`) and the 台账 dialog
(`ui.ledger_dialog.LedgerDialog`) show this panel.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from union_desk.errors import UnionDeskError, ValidationError
from union_desk.ledgers.catalog import all_ledgers, export_ledger, file_name, ledger_options
from union_desk.ledgers.common import Cancelled
from union_desk.ledgers.pack import pack_file_name, write_pack
from union_desk.ledgers.period import MAX_YEAR, MIN_YEAR, LedgerPeriod
from union_desk.ui.error_handling import show_write_error
from union_desk.ui.file_names import documents_dir, safe_name
from union_desk.ui.open_file import open_folder
from union_desk.ui.widgets.task_runner import run_with_progress


class LedgerPanel(QWidget):
    """After a successful export `written` lists the files, `folder` is where they are and
    `exported(files)` was emitted; `imported(report)` after an import through 导入台账….

    With `buttons=False` the owner places `export_button` and `import_button` itself (the dialog
    puts them in its button row)."""

    imported = Signal(object)
    exported = Signal(object)  # list[Path]

    def __init__(self, parent=None, today: dt.date | None = None, buttons: bool = True):
        super().__init__(parent)
        self.today = today or dt.date.today()
        self.written: list[Path] = []
        self.folder: Path | None = None

        # which ledgers
        self.pack_box = QCheckBox(self.tr("Inspection pack: cover, contents, every ledger and the statistics in one workbook"))
        self.pack_box.setChecked(True)
        labels = self.kind_labels()
        self.kind_boxes = {kind: QCheckBox(labels.get(kind, ledger.title)) for kind, ledger in all_ledgers().items()}
        ledgers = QGroupBox(self.tr("Ledgers"))
        grid = QGridLayout(ledgers)
        grid.addWidget(self.pack_box, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Each ledger in a workbook of its own:")), 1, 0, 1, 2)
        for i, box in enumerate(self.kind_boxes.values()):
            grid.addWidget(box, 2 + i // 2, i % 2)

        # the period
        self.year_radio = QRadioButton(self.tr("Year"))
        self.school_radio = QRadioButton(self.tr("School year (September–August)"))
        self.range_radio = QRadioButton(self.tr("Dates from"))
        self.year_radio.setChecked(True)
        self.period_group = QButtonGroup(self)
        for radio in (self.year_radio, self.school_radio, self.range_radio):
            self.period_group.addButton(radio)
        self.year_spin = self._year_spin(self.today.year)
        self.school_spin = self._year_spin(self.today.year if self.today.month >= 9 else self.today.year - 1)
        self.school_label = QLabel()
        self.school_spin.valueChanged.connect(self._show_school_year)
        self._show_school_year()
        self.from_edit = self._date_edit(dt.date(self.today.year, 1, 1))
        self.to_edit = self._date_edit(self.today)
        period = QGroupBox(self.tr("Period"))
        rows = QGridLayout(period)
        rows.addWidget(self.year_radio, 0, 0)
        rows.addWidget(self.year_spin, 0, 1)
        rows.addWidget(self.school_radio, 1, 0)
        rows.addWidget(self.school_spin, 1, 1)
        rows.addWidget(self.school_label, 1, 2)
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        rows.addWidget(self.range_radio, 2, 0)
        rows.addLayout(dates, 2, 1, 1, 3)
        rows.setColumnStretch(3, 1)
        for widget, radio in ((self.year_spin, self.year_radio), (self.school_spin, self.school_radio)):
            widget.valueChanged.connect(lambda _v, r=radio: r.setChecked(True))
        for widget in (self.from_edit, self.to_edit):
            widget.dateChanged.connect(lambda _d: self.range_radio.setChecked(True))

        # options and folder
        self.full_id_box = QCheckBox(self.tr("Full ID numbers (masked by default, e.g. 110105********1234)"))
        self.all_columns_box = QCheckBox(self.tr("All columns (to import the ledgers on another computer)"))
        self.folder_edit = QLineEdit(str(documents_dir()))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.choose_folder)
        self.open_box = QCheckBox(self.tr("Open the folder when done"))
        self.open_box.setChecked(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Save in")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)

        self.export_button = QPushButton(self.tr("Export"))
        self.import_button = QPushButton(self.tr("Import a ledger…"))
        self.import_button.clicked.connect(self.import_ledger)
        self.export_button.clicked.connect(self.export)
        for box in (self.pack_box, *self.kind_boxes.values()):
            box.toggled.connect(self._update_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ledgers)
        layout.addWidget(period)
        layout.addWidget(self.full_id_box)
        layout.addWidget(self.all_columns_box)
        layout.addLayout(folder_row)
        layout.addWidget(self.open_box)
        if buttons:
            row = QHBoxLayout()
            row.addWidget(self.import_button)
            row.addStretch(1)
            row.addWidget(self.export_button)
            layout.addSpacing(6)
            layout.addLayout(row)
        layout.addStretch(1)
        self._update_button()

    # --- pieces ---------------------------------------------------------------------------------

    def kind_labels(self) -> dict[str, str]:
        """What the check boxes say for the app's own ledgers; any other ledger shows its title."""
        return {
            "members": self.tr("Member roster"),
            "hardship": self.tr("Hardship files"),
            "assistance": self.tr("Assistance"),
            "visits": self.tr("Visits and condolences (totals by type)"),
            "activities": self.tr("Activities"),
            "signups": self.tr("Activity participation"),
            "plan": self.tr("Work plan and completion"),
        }

    def title(self) -> str:
        """The title of the messages and the progress dialog."""
        return self.tr("Export ledgers")

    @staticmethod
    def _year_spin(value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(MIN_YEAR, MAX_YEAR - 1)
        spin.setValue(value)
        return spin

    @staticmethod
    def _date_edit(day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _show_school_year(self) -> None:
        year = self.school_spin.value()
        self.school_label.setText(self.tr("{first}–{last} school year").format(first=year, last=year + 1))

    def _update_button(self) -> None:
        self.export_button.setEnabled(bool(self.chosen_kinds() or self.pack_box.isChecked()))

    def chosen_kinds(self) -> list[str]:
        return [kind for kind, box in self.kind_boxes.items() if box.isChecked()]

    def period(self) -> LedgerPeriod:
        if self.year_radio.isChecked():
            return LedgerPeriod.year(self.year_spin.value())
        if self.school_radio.isChecked():
            return LedgerPeriod.school_year(self.school_spin.value())
        return LedgerPeriod.between(self.from_edit.date().toPython(), self.to_edit.date().toPython())

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.title(), self.folder_edit.text().strip() or str(documents_dir()))
        if folder:
            self.folder_edit.setText(folder)

    def open_folder(self, folder: Path) -> None:
        open_folder(self, folder)

    def import_ledger(self) -> None:
        from union_desk.ui.ledger_import_dialog import LedgerImportDialog

        dialog = LedgerImportDialog(self.window())
        dialog.imported.connect(self.imported.emit)
        dialog.exec()

    # --- export ---------------------------------------------------------------------------------

    def export(self) -> list[Path]:
        title = self.title()
        try:
            period = self.period()
        except ValidationError as exc:
            QMessageBox.warning(self, title, exc.message)
            return []
        folder = Path(self.folder_edit.text().strip().strip('"') or documents_dir()).expanduser()
        if not folder.is_dir():
            QMessageBox.warning(self, title, self.tr("The folder does not exist:\n{folder}").format(folder=folder))
            return []
        options = ledger_options(period, full_id=self.full_id_box.isChecked(), all_columns=self.all_columns_box.isChecked())
        school = safe_name(options.school_name) if options.school_name else ""
        jobs = [(folder / pack_file_name(period, school), None)] if self.pack_box.isChecked() else []
        jobs += [(folder / file_name(kind, period, school), kind) for kind in self.chosen_kinds()]
        existing = [path.name for path, _ in jobs if path.exists()]
        if existing:
            answer = QMessageBox.question(
                self, title,
                self.tr("These files exist already:\n{names}\n\nReplace them?").format(names="\n".join(existing)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return []

        def work(progress):  # in a worker thread; run_with_progress closes its DB connection
            written = []
            for number, (path, kind) in enumerate(jobs, start=1):
                def step(done, total, label, number=number):
                    return progress(done, total, f"({number}/{len(jobs)}) {label}")

                if kind is None:
                    written.append(write_pack(period, path, options=options, progress=step, today=self.today).path)
                else:
                    written.append(export_ledger(kind, period, path, options=options, progress=step)[0])
            return written

        result, error = run_with_progress(self, title, work)
        if error is not None:
            if isinstance(error, UnionDeskError):
                if not isinstance(error, Cancelled):
                    QMessageBox.warning(self, title, error.message)
            else:
                show_write_error(self, error)  # logged, in Chinese (disk full, read-only …)
            return []
        self.written, self.folder = result, folder
        if self.open_box.isChecked():
            self.open_folder(folder)
        QMessageBox.information(
            self, title,
            self.tr("%n file(s) saved in {folder}:", "", len(result)).format(folder=folder) + "\n" + "\n".join(p.name for p in result),
        )
        self.exported.emit(self.written)
        return self.written
