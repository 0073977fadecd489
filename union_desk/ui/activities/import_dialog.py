"""从 Excel 导入报名: choose the list, check it (nothing written), then import what matched.

Unmatched and ambiguous names are listed with their Excel row numbers and left out — the service
(services.signup_import) never guesses. Reading and importing run off the UI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from union_desk.db.models import Activity, ActivityItem, database_proxy
from union_desk.errors import UnionDeskError
from union_desk.imports.reader import FILE_FILTER
from union_desk.imports import signups as signup_import
from union_desk.ui.activities.common import show_error, with_confirmations
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.file_names import documents_dir
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.task_runner import run_with_progress


def _in_thread(work):
    """Run `work(progress)` and close the worker thread's own database connection afterwards."""

    def run(progress):
        try:
            return work(progress)
        finally:
            database_proxy.close()

    return run


class SignUpImportDialog(FormDialog):
    """`report` is the SignUpImportReport after an import."""

    confirm_discard = False  # nothing typed here to lose

    def __init__(self, activity: Activity, parent=None):
        super().__init__(parent)
        self.activity = activity
        self.preview: signup_import.SignUpImportPreview | None = None
        self.report: signup_import.SignUpImportReport | None = None
        self.setWindowTitle(self.tr("Import sign-ups from Excel — {title}").format(title=activity.title))
        # run_with_progress labels its cancel button with parent.tr(): give these words this context
        self._progress_words = (self.tr("Cancel"), self.tr("Cancelling…"))

        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("An Excel list with a name or ID number column"))
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.clicked.connect(self.choose_file)
        self.item = QComboBox()
        self.item.addItem(self.tr("From the list’s item column"), None)
        for item in activity.items.order_by(ActivityItem.sort_order, ActivityItem.id):
            self.item.addItem(item.name, item.id)
        if self.item.count() == 2:  # one item: that one
            self.item.setCurrentIndex(1)
        self.check_button = QPushButton(self.tr("Check the list"))
        self.check_button.clicked.connect(self.check)
        self.path.textChanged.connect(lambda _t: self._reset())
        self.item.currentIndexChanged.connect(lambda _i: self._reset())
        self.summary = QLabel(
            self.tr("Excel, WPS (.et), CSV and Unicode text (.txt) files can be read.") + "\n"
            + self.tr(
                "Columns read: 姓名 or 身份证号 (needed), 项目 and 部门 (optional). "
                "Nothing is written until you press Import."
            )
        )
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        item_row = QHBoxLayout()
        item_row.addWidget(self.item, 1)
        item_row.addWidget(self.check_button)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Item"), item_row)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        self.set_buttons(buttons)
        self.resize(680, 460)
        self._reset()

    def _reset(self) -> None:
        self.preview = None
        self.import_button.setEnabled(False)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the sign-up list"), str(documents_dir()), FILE_FILTER)
        if path:
            self.path.setText(path)
            self.check()

    def default_item(self) -> ActivityItem | None:
        item_id = self.item.currentData()
        return ActivityItem.get_by_id(item_id) if item_id else None

    def check(self) -> None:
        path = self.path.text().strip()
        if not path:
            self.choose_file()
            return
        default = self.default_item()
        work = _in_thread(lambda progress: signup_import.preview_signup_import(self.activity, Path(path), None, default, progress))
        preview, error = run_with_progress(self, self.tr("Checking the list"), work)
        if error is not None:
            if not isinstance(error, signup_import.Cancelled):
                show_error(self, self.windowTitle(), error)
            return
        self.preview = preview
        self.summary.setText(preview.summary())
        self.details.setPlainText(self._details(preview.problems, preview.already, [p.text() for p in preview.ready]))
        self.import_button.setEnabled(bool(preview.ready))

    def _details(self, problems, already, lines) -> str:
        parts = []
        if problems:
            parts.append(self.tr("Not imported (fix the list and check again):") + "\n" + "\n".join(p.text() for p in problems))
        if already:
            parts.append(self.tr("Already on the list or repeated:") + "\n" + "\n".join(p.text() for p in already))
        if lines:
            parts.append(self.tr("To be signed up:") + "\n" + "\n".join(lines))
        return "\n\n".join(parts)

    def _apply(self, after_deadline_ok: bool = False, **_ignored):
        preview = self.preview
        work = _in_thread(lambda progress: signup_import.apply_signup_import(
            preview, after_deadline_ok=after_deadline_ok, progress=progress))
        report, error = run_with_progress(self, self.tr("Importing sign-ups"), work)
        if error is not None:
            raise error
        return report

    @surfaces_errors
    def run_import(self) -> None:
        if self.preview is None or not self.preview.ready:
            return
        try:
            report = with_confirmations(self, self.windowTitle(), self._apply)
        except signup_import.Cancelled:
            self.summary.setText(self.tr("Import cancelled; nothing was written."))
            return
        except UnionDeskError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        if report is None:
            return
        self.report = report
        self.preview = None
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Imported: {summary}").format(summary=report.summary()))
        lines = [p.text() for p in report.signed] + [p.text(position) for p, position in report.waiting]
        self.details.setPlainText(self._details(report.problems, report.already, lines))
