"""导入工资代扣表 (issue 20): a payroll deduction list (姓名 / 身份证号 + 代扣金额) marks many
members' dues paid at once for a period.

File and period → check → import → result, with the import dialogs' shared pages and widgets
(`ui.widgets.import_preview`: the frame, the preview table, the figures, the report file). The
engine is `imports.payroll.preview_payroll(path, period, force=…)` and the pipeline's
`apply_preview`: what `union-desk import dues F.xlsx --period P [--force]` runs. Nothing is written
before 导入; a row that matches no member (or several) is an error with its row number; a row the
dues service asks about first (an exempt member, a period already paid) is a note, imported only
when "也导入需要确认的行" is ticked (the check runs again). Importing the same list twice changes
nothing. The check and the import run off the UI thread through `run_with_progress`.

    dialog = PayrollImportDialog(parent, period)
    dialog.exec()
    dialog.report   # the ImportReport after a successful import, else None
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from union_desk.domain import membership as rules
from union_desk.errors import UnionDeskError
from union_desk.imports import reader as xlsx_import
from union_desk.imports.common import ERROR, NEW, UPDATE, ImportPreview, ImportReport, write_report_xlsx
from union_desk.ledgers.common import Cancelled
from union_desk.ui.file_names import documents_dir, safe_name
from union_desk.ui.membership.dues_forms import PeriodChooser
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.import_preview import (
    ERROR_TEXT,
    HINT_TEXT,
    ImportPagesMixin,
    PreviewModel,
    import_page,
    show_rows,
    style_steps,
)
from union_desk.ui.widgets.task_runner import run_with_progress


def preview_payroll(path: Path, period: rules.DuesPeriod, *, force: bool = False, progress=None) -> ImportPreview:
    """The engine's check (imported when used: the module is the import's, not the dialog's)."""
    from union_desk.imports.payroll import preview_payroll as preview

    return preview(path, period, force=force, progress=progress)


def apply_payroll(preview: ImportPreview, progress) -> ImportReport:
    from union_desk.imports.pipeline import apply_preview

    return apply_preview(preview, progress)


class PayrollImportDialog(ImportPagesMixin, FormDialog):
    """After a successful import `report` is the ImportReport and `imported(report)` was emitted."""

    confirm_discard = False  # nothing typed here to lose

    imported = Signal(object)

    PAGE_FILE, PAGE_PREVIEW, PAGE_DONE = range(3)

    def __init__(self, parent=None, period: rules.DuesPeriod | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a payroll deduction list"))
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None
        self._path: Path | None = None

        self._build_frame(
            [self.tr("File and period"), self.tr("Check"), self.tr("Import result")],
            [self._file_page(), self._preview_page(), self._done_page()],
            self.tr("Check >"),
            lambda: self._show_page(self.PAGE_FILE),
        )
        self._add_force_box()
        self.resize(1020, 640)
        if period is not None:
            self.chooser.set_period(period)
        self._show_page(self.PAGE_FILE)

    # --- building -------------------------------------------------------------------------------

    @staticmethod
    def _message_label(colour: str = ERROR_TEXT) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet(f"color: {colour};")
        label.hide()
        return label

    def _file_page(self) -> QWidget:
        page, layout, _ = import_page(self.tr("Choose the payroll list and the period"))
        hint = QLabel(self.tr(
            "The deduction list from the payroll office: a column 姓名 or 身份证号, and the amount deducted for union dues "
            "(代扣会费). Excel (.xlsx, .xls), WPS (.et), LibreOffice (.ods), CSV and Unicode text files can be read; "
            "the sheet and the header row are found automatically."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {HINT_TEXT};")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("payrollFile")
        self.path_edit.setPlaceholderText(self.tr("Payroll deduction list"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.chooser = PeriodChooser()
        period_row = QHBoxLayout()
        period_row.addWidget(QLabel(self.tr("Period paid")))
        period_row.addWidget(self.chooser)
        period_row.addStretch(1)
        self.file_message = self._message_label()
        rules_text = QLabel(self.tr(
            "How the import works:\n"
            "• Every row is matched to a member by ID number, else by name; a row matching no member, or several, "
            "is reported with its row number and not imported.\n"
            "• Each row becomes the member's dues payment for the period (method 工资代扣); the funds book gets one "
            "entry for the whole list.\n"
            "• A 基数 column sets the member's wage base from the period's first day where it differs.\n"
            "• A payment the dues rules ask about first (an exempt member, a period already paid) is shown as a note "
            "and imported only when you tick “Also import the rows that need confirming”.\n"
            "• Importing the same list twice changes nothing the second time."))
        rules_text.setWordWrap(True)
        rules_text.setObjectName("importRules")
        rules_text.setStyleSheet("QLabel#importRules { background: #f7f9fc; border: 1px solid #e1e6ed; "
                                 "border-radius: 6px; padding: 10px; }")
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addLayout(file_row)
        layout.addLayout(period_row)
        layout.addWidget(self.file_message)
        layout.addSpacing(10)
        layout.addWidget(rules_text)
        layout.addStretch(1)
        return page

    def _add_force_box(self) -> None:
        """The check page's "also import the rows that need confirming" (the check runs again)."""
        self.force_box = QCheckBox(self.tr("Also import the rows that need confirming"))
        self.force_box.setObjectName("payrollForce")
        self.force_box.toggled.connect(self._force_toggled)
        page = self.pages.widget(self.PAGE_PREVIEW)
        layout = page.layout()
        layout.insertWidget(layout.indexOf(self.preview_view) + 1, self.force_box)

    # --- navigation -----------------------------------------------------------------------------

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
        self.force_box.blockSignals(True)
        self.force_box.setChecked(False)
        self.force_box.blockSignals(False)
        if self.run_preview():
            self._show_page(self.PAGE_PREVIEW)

    def choose_file(self) -> None:
        start = self.path_edit.text().strip() or str(documents_dir())
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the payroll deduction list"), start,
                                                    xlsx_import.FILE_FILTER)
        if path:
            self.path_edit.setText(path)

    def period(self) -> rules.DuesPeriod:
        return self.chooser.period()

    # --- check and import ----------------------------------------------------------------------

    def _run(self, title: str, work, cancellable: bool = True):
        return run_with_progress(self, title, work, cancellable)

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, UnionDeskError):
            return error.message
        return self.tr("Unexpected error: {error}").format(error=error)

    def run_preview(self, force: bool = False) -> bool:
        """Read the file and check every row (nothing is written). False (message shown) on failure."""
        self.file_message.hide()
        text = self.path_edit.text().strip().strip('"')
        if not text:
            self._say(self.file_message, self.tr("Choose a file first."))
            return False
        path, period = Path(text).expanduser(), self.period()

        def work(progress):
            return preview_payroll(path, period, force=force, progress=progress)

        preview, error = self._run(self.tr("Checking the payroll list"), work)
        if error is not None:
            if not isinstance(error, Cancelled):
                label = self.file_message if self.current_page() == self.PAGE_FILE else self.preview_message
                self._say(label, self._error_text(error))
            return False
        self._path = path
        self.show_preview(preview)
        return True

    def _force_toggled(self, on: bool) -> None:
        if self.preview is None or self.preview.applied:
            return
        if not self.run_preview(force=on):
            self.force_box.blockSignals(True)
            self.force_box.setChecked(not on)
            self.force_box.blockSignals(False)

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.report = None
        counts = preview.counts()
        self.preview_heading.setText(self.tr("Check before importing: payroll deductions for {period}").format(
            period=self.period().label))
        self.preview_counts.set_counts(counts)
        where = (self.tr("{file}, sheet “{sheet}”").format(file=preview.file_name, sheet=preview.sheet)
                 if preview.sheet else preview.file_name)
        line = self.tr("{where}: header in row {row}, {count} row(s) of data.").format(
            where=where, row=preview.header_row, count=len(preview.rows))
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
        ]
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        for text, mode in choices:
            self.filter_combo.addItem(text, mode)
        self.filter_combo.blockSignals(False)
        show_rows(self.preview_view, preview, PreviewModel.ALL)
        self.force_box.setText(self.tr("Also import the rows that need confirming ({count})").format(count=n_warn)
                               if n_warn or self.force_box.isChecked()
                               else self.tr("Also import the rows that need confirming"))
        self.force_box.setEnabled(bool(n_warn) or self.force_box.isChecked())
        todo = counts[NEW] + counts[UPDATE]
        self.import_button.setText(self.tr("Import {count} row(s)").format(count=todo) if todo else self.tr("Import"))
        self.import_button.setEnabled(todo > 0)
        if todo:
            self._say(self.preview_message, "", error=False)
        else:
            self._say(self.preview_message, self.tr("There is nothing to import: every row is unchanged, has an error "
                                                    "or needs confirming."), error=False)

    def run_import(self) -> bool:
        """Write the rows in one transaction; a cancel writes nothing."""
        preview = self.preview
        if preview is None or preview.applied:
            return False

        def work(progress):
            return apply_payroll(preview, progress)

        report, error = self._run(self.tr("Importing the payroll list"), work)
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
        self.done_summary.setText(self.tr(
            "Payroll deductions for {period}: {added} payment(s) recorded, {updated} wage base(s) updated only, "
            "{unchanged} unchanged; {errors} row(s) with errors were not imported.").format(
            period=self.period().label, added=report.added, updated=report.updated, unchanged=report.unchanged,
            errors=report.error_rows))
        show_rows(self.done_view, report.preview, PreviewModel.ERRORS)
        if report.error_rows:
            self.done_errors_label.setText(self.tr(
                "These rows were not imported; fix them in the file and import it again (rows already imported stay "
                "unchanged):"))
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

        def work(progress):
            progress(0, 0, target.name)
            return write_report_xlsx(source, target)

        written, error = self._run(title, work, cancellable=False)
        if error is not None:
            QMessageBox.warning(self, title, self._error_text(error))
            return None
        self._say(self.done_message if done else self.preview_message,
                  self.tr("Report saved: {path}").format(path=written), error=False)
        return written

    @staticmethod
    def _say(label: QLabel, text: str, error: bool = True) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {ERROR_TEXT};" if error else f"color: {HINT_TEXT};")
        label.setVisible(bool(text))


def open_from_main_window(window, period: rules.DuesPeriod | None = None) -> PayrollImportDialog:
    """文件 → 导入工资代扣表… (the area's `ImportEntry`): the dialog over the main window. After an
    import the change notification (`ui.change_bus`) refreshes the views showing dues."""
    dialog = PayrollImportDialog(window, period)
    dialog.exec()
    return dialog

