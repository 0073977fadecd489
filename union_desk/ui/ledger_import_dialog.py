"""导入台账 dialog: a record ledger (困难职工档案, 帮扶救助, 走访慰问, 活动, 活动参与明细, 工作计划)
read back from a file: ledger and file → check → import → result, with the roster wizard's preview
table and figures (`ui.widgets.import_preview`).

The engine is `ledgers.record_import` (`preview_ledger`, `apply_ledger`) and the report
`ledgers.import_common.write_report_xlsx`: what `union-desk import ledger KIND FILE [--report]`
runs. Nothing is written before 导入; the check and the import (one transaction, cancellable: a
cancel writes nothing) run off the UI thread through `run_with_progress`. The member roster has
its own wizard (header row and column choices): choosing it opens `RosterImportWizard`.

    dialog = LedgerImportDialog(parent, kind="visits")
    dialog.imported.connect(lambda report: ...)   # after a successful import
    dialog.exec()

The ledgers offered are every area's that can be imported (`ledgers.catalog.all_ledgers()`, read
from the registry `union_desk.areas`); the 文件 menu opens the dialog through
`open_from_main_window` (the area's `ImportEntry`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from union_desk.errors import UnionDeskError
from union_desk.imports import reader as xlsx_import
from union_desk.ledgers.catalog import all_ledgers
from union_desk.ledgers.common import Cancelled
from union_desk.imports.common import ERROR, NEW, UPDATE, ImportPreview, ImportReport, write_report_xlsx
from union_desk.imports.records import apply_ledger, preview_ledger
from union_desk.ui.file_names import documents_dir, safe_name
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.import_preview import (
    ERROR_TEXT,
    HINT_TEXT,
    ImportPagesMixin,
    style_steps,
    import_page,
    PreviewModel,
    show_rows,
)
from union_desk.ui.widgets.task_runner import run_with_progress

ROSTER = "members"
NAME_FIELDS = {"activities": ("title",), "plan": ("title",)}  # what names a row; the member's name otherwise


class LedgerImportDialog(ImportPagesMixin, FormDialog):
    """After a successful import `report` is the ImportReport and `imported(report)` was emitted
    (also after a roster import through the roster wizard)."""

    confirm_discard = False  # nothing typed here to lose

    imported = Signal(object)

    PAGE_FILE, PAGE_PREVIEW, PAGE_DONE = range(3)

    def __init__(self, parent=None, kind: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a ledger"))
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None

        self._build_frame(
            [self.tr("Ledger and file"), self.tr("Check"), self.tr("Import result")],
            [self._file_page(), self._preview_page(), self._done_page()],
            self.tr("Check >"),
            lambda: self._show_page(self.PAGE_FILE),
        )
        self.resize(1020, 640)
        if kind:
            self.set_kind(kind)
        self._kind_changed()
        self._show_page(self.PAGE_FILE)

    # --- building -------------------------------------------------------------------------------

    def kind_labels(self) -> dict[str, str]:
        """What the list says for the app's own ledgers; any other ledger shows its title."""
        return {
            "members": self.tr("Member roster (opens the roster import wizard)"),
            "hardship": self.tr("Hardship files"),
            "assistance": self.tr("Assistance"),
            "visits": self.tr("Visits and condolences"),
            "activities": self.tr("Activities"),
            "signups": self.tr("Activity participation"),
            "plan": self.tr("Work plan and completion"),
        }

    @staticmethod
    def _message_label(colour: str = ERROR_TEXT) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet(f"color: {colour};")
        label.hide()
        return label

    def _file_page(self) -> QWidget:
        page, layout, _ = import_page(self.tr("Choose the ledger and the file"))
        self.file_hint = QLabel(
            self.tr(
                "A ledger exported by this program (best with “All columns”) or a table with the same column headers. "
                "Excel (.xlsx, .xls), WPS (.et), LibreOffice (.ods), CSV (UTF-8, GBK or UTF-16) and Unicode text "
                "(.txt) files can be read; the sheet and the header row are found automatically."
            )
        )
        self.file_hint.setWordWrap(True)
        self.file_hint.setStyleSheet(f"color: {HINT_TEXT};")
        layout.addWidget(self.file_hint)
        self.kind_combo = QComboBox()
        labels = self.kind_labels()
        for kind, ledger in all_ledgers().items():  # every area's ledgers (union_desk.areas)
            if ledger.importer or kind == ROSTER:
                self.kind_combo.addItem(labels.get(kind, ledger.title), kind)
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("Ledger")))
        kind_row.addWidget(self.kind_combo)
        kind_row.addStretch(1)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Ledger file"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.roster_note = QLabel(
            self.tr("The member roster is imported with its own wizard, where the header row and the columns can be chosen.")
        )
        self.roster_note.setWordWrap(True)
        self.roster_note.setStyleSheet("background: #fff8dc; padding: 6px; border-radius: 4px;")
        self.file_message = self._message_label()
        rules = QLabel(
            self.tr(
                "How the import works:\n"
                "• Every row is matched to a member on file by ID number, or by name and department; import the roster first.\n"
                "• A record already on file is updated only where the file differs; importing the same file twice "
                "changes nothing the second time.\n"
                "• Every row is checked and shown before anything is written; rows with errors are not imported."
            )
        )
        rules.setWordWrap(True)
        rules.setObjectName("importRules")
        rules.setStyleSheet("QLabel#importRules { background: #f7f9fc; border: 1px solid #e1e6ed; border-radius: 6px; padding: 10px; }")
        layout.addSpacing(6)
        layout.addLayout(kind_row)
        layout.addLayout(file_row)
        layout.addWidget(self.roster_note)
        layout.addWidget(self.file_message)
        layout.addSpacing(10)
        layout.addWidget(rules)
        layout.addStretch(1)
        return page

    # --- navigation -----------------------------------------------------------------------------

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))

    def _kind_changed(self, _index: int = 0) -> None:
        roster = self.kind() == ROSTER
        self.roster_note.setVisible(roster)
        self.path_edit.setEnabled(not roster)
        self.browse_button.setEnabled(not roster)
        self.next_button.setText(self.tr("Open the roster import wizard…") if roster else self.tr("Check >"))
        self.file_message.hide()
        self.preview = None

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        style_steps(self.step_labels, index)
        done = index == self.PAGE_DONE
        self.back_button.setVisible(index == self.PAGE_PREVIEW)
        self.next_button.setVisible(index == self.PAGE_FILE)
        self.import_button.setVisible(index == self.PAGE_PREVIEW)
        self.finish_button.setVisible(done)
        self.cancel_button.setVisible(not done)
        (self.finish_button if done else self.import_button if index == self.PAGE_PREVIEW else self.next_button).setDefault(True)

    def go_next(self) -> None:
        if self.kind() == ROSTER:
            self.open_roster_wizard()
        elif self.run_preview():
            self._show_page(self.PAGE_PREVIEW)

    def open_roster_wizard(self) -> None:
        """The roster has its own wizard: open it instead of this dialog."""
        from union_desk.ui.members.import_wizard import RosterImportWizard

        wizard = RosterImportWizard(self.parentWidget())
        wizard.imported.connect(self.imported.emit)
        self.hide()
        wizard.exec()
        self.done(QDialog.DialogCode.Accepted if wizard.report is not None else QDialog.DialogCode.Rejected)

    def choose_file(self) -> None:
        start = self.path_edit.text().strip() or str(documents_dir())
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the ledger file"), start, xlsx_import.FILE_FILTER)
        if path:
            self.path_edit.setText(path)

    # --- check and import ----------------------------------------------------------------------

    def _run(self, title: str, work, cancellable: bool = True):
        return run_with_progress(self, title, work, cancellable)  # it closes the thread's DB connection

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, UnionDeskError):
            return error.message
        return self.tr("Unexpected error: {error}").format(error=error)

    def run_preview(self) -> bool:
        """Read the file and check every row (nothing is written). False (message shown) on failure."""
        self.file_message.hide()
        text = self.path_edit.text().strip().strip('"')
        if not text:
            self._say(self.file_message, self.tr("Choose a file first."))
            return False
        kind, path = self.kind(), Path(text).expanduser()

        def work(progress):
            return preview_ledger(kind, path, progress=progress)

        preview, error = self._run(self.tr("Checking {ledger}").format(ledger=self.kind_combo.currentText()), work)
        if error is not None:
            if not isinstance(error, Cancelled):
                self._say(self.file_message, self._error_text(error))
            return False
        self.show_preview(preview, kind)
        return True

    def _name_column(self, preview: ImportPreview, kind: str) -> None:
        fields = NAME_FIELDS.get(kind, ("name",))
        header = self.preview_model.tr("Name") if fields == ("name",) else preview.label(fields[0])
        for model in (self.preview_model, self.done_model):
            model.name_fields = fields
            model.headers[1] = header

    def show_preview(self, preview: ImportPreview, kind: str) -> None:
        self.preview = preview
        self.report = None
        self._name_column(preview, kind)
        counts = preview.counts()
        self.preview_heading.setText(self.tr("Check before importing: {ledger}").format(ledger=preview.title))
        self.preview_counts.set_counts(counts)
        where = self.tr("{file}, sheet “{sheet}”").format(file=preview.file_name, sheet=preview.sheet) if preview.sheet else preview.file_name
        line = self.tr("{where}: header in row {row}, {count} row(s) of data.").format(where=where, row=preview.header_row, count=len(preview.rows))
        if preview.skipped:
            skipped = "、".join(self.tr("row {row} ({reason})").format(row=s.row, reason=s.reason) for s in preview.skipped)
            line += " " + self.tr("Skipped: {rows}.").format(rows=skipped)
        self.preview_file_label.setText(line)
        notes = [i.text() for i in preview.file_issues]
        self.preview_notes.setText("\n".join(notes))
        self.preview_notes.setVisible(bool(notes))
        n_warn = sum(1 for r in preview.rows if r.warnings)
        choices = [
            (self.tr("All rows ({count})").format(count=len(preview.rows) + len(preview.skipped)), PreviewModel.ALL),
            (self.tr("Errors only ({count})").format(count=counts[ERROR]), PreviewModel.ERRORS),
            (self.tr("Notes only ({count})").format(count=n_warn), PreviewModel.WARNINGS),
            (self.tr("New only ({count})").format(count=counts[NEW]), PreviewModel.NEW_ONLY),
            (self.tr("Updates only ({count})").format(count=counts[UPDATE]), PreviewModel.UPDATES),
        ]
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        for text, mode in choices:
            self.filter_combo.addItem(text, mode)
        self.filter_combo.blockSignals(False)
        show_rows(self.preview_view, preview, PreviewModel.ALL)
        todo = counts[NEW] + counts[UPDATE]
        self.import_button.setText(self.tr("Import %n row(s)", "", todo) if todo else self.tr("Import"))
        self.import_button.setEnabled(todo > 0)
        if todo:
            self._say(self.preview_message, "", error=False)
        else:
            self._say(self.preview_message, self.tr("There is nothing to import: every row is unchanged or has an error."), error=False)

    def run_import(self) -> bool:
        """Write the 新增 and 更新 rows in one transaction; a cancel writes nothing."""
        preview = self.preview
        if preview is None or preview.applied:
            return False

        def work(progress):
            return apply_ledger(preview, progress)

        report, error = self._run(self.tr("Importing {ledger}").format(ledger=preview.title), work)
        if error is not None:
            if isinstance(error, Cancelled):
                self._say(self.preview_message, self.tr("Import cancelled; nothing was written."))
            else:
                self._say(self.preview_message, self._error_text(error))
                QMessageBox.warning(self, self.windowTitle(), self._error_text(error))
            return False
        self.report = report
        self.show_report(report)
        self._show_page(self.PAGE_DONE)
        self.imported.emit(report)
        return True

    def show_report(self, report: ImportReport) -> None:
        self.done_counts.set_counts(report.counts())
        self.done_summary.setText(
            self.tr("{ledger}: added {added}, updated {updated}, unchanged {unchanged}; {errors} row(s) with errors were not imported.").format(
                ledger=report.preview.title, added=report.added, updated=report.updated, unchanged=report.unchanged, errors=report.error_rows
            )
        )
        show_rows(self.done_view, report.preview, PreviewModel.ERRORS)
        if report.error_rows:
            self.done_errors_label.setText(
                self.tr("These rows were not imported; fix them in the file and import it again (rows already imported stay unchanged):")
            )
            self.done_view.show()
        else:
            self.done_errors_label.setText(self.tr("Every row was imported."))
            self.done_view.hide()

    def save_report(self, source) -> Path | None:
        """Ask where, then write the check or import report as xlsx (bad cells highlighted)."""
        if source is None:
            return None
        done = isinstance(source, ImportReport)
        preview = source.preview if done else source
        stem = safe_name(Path(preview.file_name).stem)
        default = documents_dir() / (f"{stem}_导入报告.xlsx" if done else f"{stem}_检查报告.xlsx")
        title = self.tr("Save the import report") if done else self.tr("Save the check report")
        path, _filter = QFileDialog.getSaveFileName(self, title, str(default), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        target = Path(path)
        writing = self.tr("Writing {name}…").format(name=target.name)

        def work(progress):
            progress(0, 0, writing)
            return write_report_xlsx(source, target)

        written, error = self._run(title, work, cancellable=False)
        if error is not None:
            QMessageBox.warning(self, title, self._error_text(error))
            return None
        self._say(self.done_message if done else self.preview_message, self.tr("Report saved: {path}").format(path=written), error=False)
        return written

    @staticmethod
    def _say(label: QLabel, text: str, error: bool = True) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {ERROR_TEXT};" if error else f"color: {HINT_TEXT};")
        label.setVisible(bool(text))


def open_from_main_window(window) -> LedgerImportDialog:
    """导入台账… of the 文件 menu (an `ImportEntry` of `union_desk.areas.books`): the dialog over the
    main window. After an import nothing more is done here: the change notification
    (`ui.change_bus`) refreshes every view that shows the imported records."""
    dialog = LedgerImportDialog(window)
    dialog.exec()
    return dialog
