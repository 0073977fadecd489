"""花名册导入 wizard: file → sheet → header row and columns → preview → import → result.

The engine is `union_desk.imports.roster`; this module only shows what it says (the
preview table and figures are `union_desk.ui.widgets.import_preview`, shared with the ledger
import). Nothing is written before the 导入 button on the preview page: reading the file,
detecting the header and previewing (which reads the members table) happen off the UI thread
through `run_with_progress`, and so does the import itself (one transaction, cancellable: a
cancel writes nothing).

    wizard = RosterImportWizard(parent)
    wizard.imported.connect(lambda report: ...)   # after a successful import
    wizard.exec()
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from union_desk.errors import UnionDeskError
from union_desk.imports import reader as xlsx_import
from union_desk.imports import roster as roster_import
from union_desk.ledgers.common import Cancelled
from union_desk.imports.roster import ERROR, FIELD_CHOICES, NEW, UPDATE
from union_desk.ledgers.specs import MEMBERS
from union_desk.ui.file_names import documents_dir, safe_name
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.import_preview import (  # noqa: F401 - ERROR_BG … are used by the tests through here
    ERROR_BG,
    ERROR_TEXT,
    HINT_TEXT,
    ImportPagesMixin,
    style_steps,
    SKIPPED_FG,
    WARNING_BG,
    PreviewModel,
    cell_text,
    show_rows,
)
from union_desk.ui.widgets.task_runner import run_with_progress

RAW_ROWS_SHOWN = 15  # rows of the file shown on the header page (more when the header is lower)
HEADER_BG = QColor("#cfe3fb")


def _error_text(parent: QWidget, error: Exception) -> str:
    if isinstance(error, UnionDeskError):
        return error.message
    return parent.tr("Unexpected error: {error}").format(error=error)


# --- the wizard ------------------------------------------------------------------------------------


class RosterImportWizard(ImportPagesMixin, FormDialog):
    """After a successful import `report` is the ImportReport and `imported(report)` was emitted."""

    confirm_discard = False  # nothing typed here to lose

    imported = Signal(object)

    PAGE_FILE, PAGE_SHEET, PAGE_COLUMNS, PAGE_PREVIEW, PAGE_DONE = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a member roster"))
        self.path: Path | None = None
        self.sheets: list[str] = []
        self.guessed_sheet: str | None = None
        self.table: xlsx_import.Table | None = None
        self.detected: xlsx_import.HeaderMatch | None = None
        self.header_index = 0  # 0-based row of the header in self.table.rows
        self.preview: roster_import.RosterPreview | None = None
        self.report: roster_import.ImportReport | None = None
        self.mapping_combos: list[QComboBox] = []

        self._build_frame(
            [self.tr("Choose file"), self.tr("Sheet"), self.tr("Header and columns"), self.tr("Check"), self.tr("Import result")],
            [self._file_page(), self._sheet_page(), self._columns_page(), self._preview_page(), self._done_page()],
            self.tr("Next >"),
            self.go_back,
        )
        self.resize(1020, 660)
        self._show_page(self.PAGE_FILE)

    # --- building -------------------------------------------------------------------------------

    @staticmethod
    def _page(title: str, text: str = "") -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 10, 4, 4)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(heading)
        if text:
            intro = QLabel(text)
            intro.setWordWrap(True)
            intro.setStyleSheet(f"color: {HINT_TEXT};")
            layout.addWidget(intro)
        return page, layout

    @staticmethod
    def _message_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _file_page(self) -> QWidget:
        page, layout = self._page(self.tr("Choose the roster file"))
        self.file_hint = QLabel(
            self.tr(
                "Excel (.xlsx, .xls), WPS (.et), LibreOffice (.ods), CSV (UTF-8, GBK or UTF-16) and "
                "Unicode text (.txt) files can be read. Title rows and merged cells above the table are "
                "fine: the header row is found automatically."
            )
        )
        self.file_hint.setWordWrap(True)
        self.file_hint.setStyleSheet(f"color: {HINT_TEXT};")
        layout.addWidget(self.file_hint)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Roster file"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addSpacing(6)
        layout.addLayout(row)
        self.file_message = self._message_label()
        self.file_message.setStyleSheet(f"color: {ERROR_TEXT};")
        layout.addWidget(self.file_message)
        rules = QLabel(
            self.tr(
                "How the import works:\n"
                "• A row is matched to a member by ID number, or by name and birth date when there is no ID number.\n"
                "• A member already on file is updated only in the columns the file has; a blank cell never "
                "overwrites what is stored.\n"
                "• Importing the same file twice changes nothing the second time.\n"
                "• Every row is checked and shown before anything is written; rows with errors are not imported."
            )
        )
        rules.setWordWrap(True)
        rules.setObjectName("importRules")
        rules.setStyleSheet("QLabel#importRules { background: #f7f9fc; border: 1px solid #e1e6ed; border-radius: 6px; padding: 10px; }")
        layout.addSpacing(10)
        layout.addWidget(rules)
        layout.addStretch(1)
        return page

    def _sheet_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Choose the sheet"),
            self.tr("The sheet whose header matches a roster best is chosen; pick another if the roster is elsewhere."),
        )
        self.sheet_file_label = QLabel()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(16)
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_note = QLabel()
        self.sheet_note.setWordWrap(True)
        self.sheet_note.setStyleSheet(f"color: {HINT_TEXT};")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sheet")))
        row.addWidget(self.sheet_combo)
        row.addStretch(1)
        layout.addSpacing(6)
        layout.addWidget(self.sheet_file_label)
        layout.addLayout(row)
        layout.addWidget(self.sheet_note)
        self.sheet_message = self._message_label()
        self.sheet_message.setStyleSheet(f"color: {ERROR_TEXT};")
        layout.addWidget(self.sheet_message)
        layout.addStretch(1)
        return page

    def _columns_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Header row and columns"),
            self.tr(
                "The header row is shown in blue; rows above it are not imported. If it is wrong, double-click "
                "the right row or change the number. Under 'Import as', choose what each column holds, "
                "or （不导入） to leave it out."
            ),
        )
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.header_spin.setKeyboardTracking(False)
        self.header_spin.valueChanged.connect(lambda value: self.set_header_row(value - 1))
        self.detected_label = QLabel()
        self.detected_label.setStyleSheet(f"color: {HINT_TEXT};")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Header row:")))
        row.addWidget(self.header_spin)
        row.addWidget(QLabel(self.tr("(rows above it are not imported)")))
        row.addSpacing(16)
        row.addWidget(self.detected_label, 1)
        layout.addLayout(row)
        self.raw_table = QTableWidget()
        self.raw_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.raw_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.raw_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.raw_table.verticalHeader().setDefaultSectionSize(26)
        self.raw_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.raw_table.setWordWrap(False)
        self.raw_table.cellDoubleClicked.connect(self._row_double_clicked)
        layout.addWidget(self.raw_table, 1)
        self.mapping_message = QLabel()
        self.mapping_message.setWordWrap(True)
        layout.addWidget(self.mapping_message)
        return page

    # --- navigation -----------------------------------------------------------------------------

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        style_steps(self.step_labels, index)
        done = index == self.PAGE_DONE
        self.back_button.setVisible(index in (self.PAGE_SHEET, self.PAGE_COLUMNS, self.PAGE_PREVIEW))
        self.next_button.setVisible(index < self.PAGE_PREVIEW)
        self.import_button.setVisible(index == self.PAGE_PREVIEW)
        self.finish_button.setVisible(done)
        self.cancel_button.setVisible(not done)
        self.next_button.setEnabled(True)
        if index == self.PAGE_COLUMNS:
            self._update_mapping_message()
        (self.finish_button if done else self.import_button if index == self.PAGE_PREVIEW else self.next_button).setDefault(True)

    def go_back(self) -> None:
        index = self.current_page()
        if index in (self.PAGE_SHEET, self.PAGE_COLUMNS, self.PAGE_PREVIEW):
            self._show_page(index - 1)

    def go_next(self) -> None:
        index = self.current_page()
        if index == self.PAGE_FILE:
            if self.open_file():
                self._show_page(self.PAGE_SHEET)
        elif index == self.PAGE_SHEET:
            if self.load_sheet():
                self._show_page(self.PAGE_COLUMNS)
        elif index == self.PAGE_COLUMNS:
            if self.run_preview():
                self._show_page(self.PAGE_PREVIEW)

    # --- step 1: the file -----------------------------------------------------------------------

    def choose_file(self) -> None:
        start = self.path_edit.text().strip() or str(documents_dir())
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the roster file"), start, xlsx_import.FILE_FILTER)
        if path:
            self.path_edit.setText(path)
            self.go_next()

    def _run(self, title: str, work, cancellable: bool = True):
        return run_with_progress(self, title, work, cancellable)  # it closes the thread's DB connection

    def open_file(self) -> bool:
        """Read the sheet names and guess the sheet and header. False (message shown) when unreadable."""
        self.file_message.hide()
        text = self.path_edit.text().strip().strip('"')
        if not text:
            self._say(self.file_message, self.tr("Choose a file first."))
            return False
        path = Path(text).expanduser()
        reading = self.tr("Reading {name}…").format(name=path.name)

        def work(progress):
            progress(0, 0, reading)
            infos = xlsx_import.sheet_infos(path)
            try:
                table, header = roster_import.guess_mapping(path)
            except UnionDeskError as exc:
                if getattr(exc, "field", None) != "header":
                    raise
                return infos, None, None, exc.message
            return infos, table, header, ""

        result, error = self._run(self.tr("Reading the file"), work, cancellable=False)
        if error is not None:
            self._say(self.file_message, _error_text(self, error))
            return False
        infos, table, header, problem = result
        self.path = path
        self.sheets = [info.name for info in infos]
        hidden = {info.name for info in infos if info.hidden}
        self.table, self.detected = table, header
        self.guessed_sheet = table.sheet if table is not None else None
        self.preview = None
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for name in self.sheets:
            # hidden sheets are never chosen automatically; listed, marked, read only when chosen
            label = self.tr("{sheet} (hidden)").format(sheet=name) if name in hidden else name
            self.sheet_combo.addItem(label or self.tr("(CSV file: one table)"), name)
        chosen = self.sheets.index(self.guessed_sheet) if self.guessed_sheet in self.sheets else 0
        self.sheet_combo.setCurrentIndex(chosen)
        self.sheet_combo.setEnabled(len(self.sheets) > 1)
        self.sheet_combo.blockSignals(False)
        self.sheet_file_label.setText(self.tr("File: {name}").format(name=path.name))
        if table is not None:
            where = table.sheet
            note = (
                self.tr("The roster was found on sheet “{sheet}”, header in row {row}.").format(sheet=where, row=header.excel_row)
                if where
                else self.tr("Header found in row {row}.").format(row=header.excel_row)
            )
            if len(self.sheets) > 1:
                note += " " + self.tr("The file has {count} sheets.").format(count=len(self.sheets))
            if hidden:
                note += " " + self.tr("Hidden sheets are not read unless you choose one.")
        else:
            note = problem
        self.sheet_note.setText(note)
        self.sheet_message.hide()
        self.header_index = header.row_index if header is not None else 0
        if table is not None:
            self._fill_raw_table()
        return True

    # --- step 2: the sheet ----------------------------------------------------------------------

    def chosen_sheet(self) -> str:
        return self.sheet_combo.currentData() or ""

    def load_sheet(self) -> bool:
        sheet = self.chosen_sheet()
        if self.table is not None and self.table.sheet == sheet:
            return True
        path = self.path
        reading = self.tr("Reading {name}…").format(name=path.name)

        def work(progress):
            progress(0, 0, reading)
            table = xlsx_import.read_table(path, sheet or None)
            return table, xlsx_import.find_header(table.rows, MEMBERS)

        result, error = self._run(self.tr("Reading the file"), work, cancellable=False)
        if error is not None:
            self._say(self.sheet_message, _error_text(self, error))
            return False
        self.table, self.detected = result
        self.preview = None
        self.header_index = self.detected.row_index if self.detected is not None else 0
        self._fill_raw_table()
        return True

    # --- step 3: header row and columns ---------------------------------------------------------

    def _shown_row_count(self) -> int:
        rows = self.table.rows if self.table else []
        wanted = max(RAW_ROWS_SHOWN, self.header_index + 6)
        return min(len(rows), wanted, xlsx_import.HEADER_SCAN_ROWS + 5)

    def _column_count(self, count: int) -> int:
        width = 0
        for row in self.table.rows[:count]:
            for c in range(len(row) - 1, -1, -1):
                if not xlsx_import.is_blank(row[c]):
                    width = max(width, c + 1)
                    break
        return max(width, 1)

    def _fill_raw_table(self) -> None:
        """The first rows of the sheet as they are, with a row of mapping combos on top."""
        table = self.raw_table
        count = self._shown_row_count()
        ncols = self._column_count(count)
        table.clear()
        table.setRowCount(count + 1)
        table.setColumnCount(ncols)
        table.setHorizontalHeaderLabels([xlsx_import.column_letter(c) for c in range(ncols)])
        table.setVerticalHeaderLabels([self.tr("Import as"), *(str(i + 1) for i in range(count))])
        for r in range(count):
            row = self.table.rows[r]
            for c in range(ncols):
                text = cell_text(row[c]) if c < len(row) else ""
                item = QTableWidgetItem(text)
                if text:
                    item.setToolTip(text)
                table.setItem(r + 1, c, item)
        self.mapping_combos = []
        for c in range(ncols):
            combo = QComboBox()
            for field_name, label in FIELD_CHOICES:
                combo.addItem(label, field_name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_edited())
            table.setCellWidget(0, c, combo)
            self.mapping_combos.append(combo)
        table.setRowHeight(0, 32)
        self._fit_columns(ncols)
        self.header_spin.blockSignals(True)
        self.header_spin.setMaximum(max(count, 1))
        self.header_spin.setValue(self.header_index + 1)
        self.header_spin.blockSignals(False)
        if self.detected is not None:
            self.detected_label.setText(self.tr("Found automatically: row {row}.").format(row=self.detected.excel_row))
        else:
            self.detected_label.setText(self.tr("No header was found automatically: choose the header row and the columns."))
        self.set_header_row(self.header_index, force=True)

    def _fit_columns(self, ncols: int) -> None:
        """Wide enough for the drop-down and for the cells from the header down (a title row
        merged across the table above it does not count)."""
        metrics = self.raw_table.fontMetrics()
        bold = QFont(self.raw_table.font())
        bold.setBold(True)
        header_metrics = QFontMetrics(bold)
        first = self.detected.row_index if self.detected is not None else 0
        for c in range(ncols):
            width = self.mapping_combos[c].sizeHint().width() + 4
            for r in range(first + 1, self.raw_table.rowCount()):
                item = self.raw_table.item(r, c)
                if item is not None and item.text():
                    m = header_metrics if r - 1 == first else metrics
                    width = max(width, m.horizontalAdvance(item.text()) + 14)
            self.raw_table.setColumnWidth(c, min(width, 240))

    def set_header_row(self, index: int, force: bool = False) -> None:
        """Use Excel row `index + 1` as the header: colours, and the columns mapped from its words."""
        if self.table is None or not (0 <= index < len(self.table.rows)):
            return
        if index == self.header_index and not force:
            return
        self.header_index = index
        self.preview = None
        if self.header_spin.value() != index + 1:
            self.header_spin.blockSignals(True)
            self.header_spin.setValue(index + 1)
            self.header_spin.blockSignals(False)
        if self.detected is not None and index == self.detected.row_index:
            mapping = dict(self.detected.mapping)
        else:
            mapping = xlsx_import.header_at(self.table.rows, index, MEMBERS).mapping
        self.set_mapping(mapping)
        bold = QFont(self.raw_table.font())
        bold.setBold(True)
        for r in range(1, self.raw_table.rowCount()):
            for c in range(self.raw_table.columnCount()):
                item = self.raw_table.item(r, c)
                if item is None:
                    continue
                excel_index = r - 1
                if excel_index == index:
                    item.setBackground(HEADER_BG)
                    item.setFont(bold)
                    item.setForeground(QColor("#000000"))
                else:
                    item.setBackground(QColor(0, 0, 0, 0))
                    item.setFont(self.raw_table.font())
                    item.setForeground(SKIPPED_FG if excel_index < index else QColor("#000000"))

    def header_row(self) -> int:
        """The chosen header row (Excel row number)."""
        return self.header_index + 1

    def _row_double_clicked(self, row: int, _column: int) -> None:
        if row >= 1:
            self.set_header_row(row - 1)

    def set_mapping(self, mapping: dict[int, str]) -> None:
        for c, combo in enumerate(self.mapping_combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(c, ""))))
            combo.blockSignals(False)
            self._style_combo(combo)
        self._update_mapping_message()

    def mapping(self) -> dict[int, str]:
        """The column mapping as the combos say: {column index: member field}."""
        return {c: combo.currentData() for c, combo in enumerate(self.mapping_combos) if combo.currentData()}

    @staticmethod
    def _style_combo(combo: QComboBox) -> None:
        combo.setStyleSheet("" if combo.currentData() else "QComboBox { color: #8a8a8a; }")

    def _mapping_edited(self) -> None:
        self.preview = None
        for combo in self.mapping_combos:
            self._style_combo(combo)
        self._update_mapping_message()

    def mapping_problem(self) -> str:
        """What stops a preview ('' when the mapping can be used)."""
        seen: dict[str, int] = {}
        for c, combo in enumerate(self.mapping_combos):
            name = combo.currentData()
            if not name:
                continue
            if name in seen:
                return self.tr("“{label}” is chosen for two columns ({first} and {second}); choose it for one only.").format(
                    label=combo.currentText(),
                    first=xlsx_import.column_letter(seen[name]),
                    second=xlsx_import.column_letter(c),
                )
            seen[name] = c
        if not set(seen) & {"name", "id_number"}:
            return self.tr("Choose which column holds the name or the ID number: without them no row can be matched to a member.")
        return ""

    def _update_mapping_message(self) -> None:
        if not self.mapping_combos:
            return
        problem = self.mapping_problem()
        if problem:
            self.mapping_message.setText(problem)
            self.mapping_message.setStyleSheet(f"color: {ERROR_TEXT};")
        else:
            chosen = [combo.currentText() for combo in self.mapping_combos if combo.currentData()]
            self.mapping_message.setText(
                self.tr("{count} column(s) will be read: {columns}.").format(count=len(chosen), columns="、".join(chosen))
            )
            self.mapping_message.setStyleSheet(f"color: {HINT_TEXT};")
        if self.current_page() == self.PAGE_COLUMNS:
            self.next_button.setEnabled(not problem)
        else:
            self.next_button.setEnabled(True)

    def run_preview(self) -> bool:
        """Check every row with the chosen header row and mapping (nothing is written)."""
        problem = self.mapping_problem()
        if problem:
            self.mapping_message.setText(problem)
            return False
        path, sheet, mapping, header_row = self.path, self.chosen_sheet(), self.mapping(), self.header_row()

        def work(progress):
            return roster_import.preview_roster(path, sheet or None, mapping, progress, header_row=header_row)

        preview, error = self._run(self.tr("Checking the roster"), work)
        if error is not None:
            if not isinstance(error, Cancelled):
                self.mapping_message.setText(_error_text(self, error))
                self.mapping_message.setStyleSheet(f"color: {ERROR_TEXT};")
            return False
        self.show_preview(preview)
        return True

    # --- step 4: the preview --------------------------------------------------------------------

    def show_preview(self, preview: roster_import.RosterPreview) -> None:
        self.preview = preview
        counts = preview.counts()
        self.preview_counts.set_counts(counts)
        where = self.tr("{file}, sheet “{sheet}”").format(file=preview.file_name, sheet=preview.sheet) if preview.sheet else preview.file_name
        line = self.tr("{where}: header in row {row}, {count} row(s) of data.").format(
            where=where, row=preview.header_row, count=len(preview.rows)
        )
        if preview.skipped:
            skipped = "、".join(self.tr("row {row} ({reason})").format(row=s.row, reason=s.reason) for s in preview.skipped)
            line += " " + self.tr("Skipped: {rows}.").format(rows=skipped)
        self.preview_file_label.setText(line)
        notes = [i.text() for i in preview.file_issues]
        self.preview_notes.setText("\n".join(notes))
        self.preview_notes.setVisible(bool(notes))
        rows = preview.rows
        n_warn = sum(1 for r in rows if r.warnings)
        choices = [
            (self.tr("All rows ({count})").format(count=len(rows) + len(preview.skipped)), PreviewModel.ALL),
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
        self.import_button.setText(self.tr("Import {count} row(s)").format(count=todo) if todo else self.tr("Import"))
        self.import_button.setEnabled(todo > 0)
        if todo:
            self._say(self.preview_message, "", error=False)
        else:
            self._say(self.preview_message, self.tr("There is nothing to import: every row is unchanged or has an error."), error=False)

    def save_report(self, source) -> Path | None:
        """Ask where, then write the preview or the import report as xlsx (bad cells highlighted)."""
        if source is None:
            return None
        done = isinstance(source, roster_import.ImportReport)
        stem = safe_name(Path(source.preview.file_name if done else source.file_name).stem)
        default = documents_dir() / (f"{stem}_导入报告.xlsx" if done else f"{stem}_检查报告.xlsx")
        title = self.tr("Save the import report") if done else self.tr("Save the check report")
        path, _filter = QFileDialog.getSaveFileName(self, title, str(default), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        target = Path(path)
        writing = self.tr("Writing {name}…").format(name=target.name)

        def work(progress):
            progress(0, 0, writing)
            return roster_import.write_report_xlsx(source, target)

        written, error = self._run(title, work, cancellable=False)
        label = self.done_message if done else self.preview_message
        if error is not None:
            QMessageBox.warning(self, title, _error_text(self, error))
            return None
        self._say(label, self.tr("Report saved: {path}").format(path=written), error=False)
        return written

    # --- step 5: import -------------------------------------------------------------------------

    def run_import(self) -> bool:
        preview = self.preview
        if preview is None or preview.applied:
            return False

        def work(progress):
            return roster_import.apply_roster(preview, progress)

        report, error = self._run(self.tr("Importing the roster"), work)
        if error is not None:
            if isinstance(error, Cancelled):
                self._say(self.preview_message, self.tr("Import cancelled; nothing was written."))
            else:
                self._say(self.preview_message, _error_text(self, error))
                QMessageBox.warning(self, self.windowTitle(), _error_text(self, error))
            return False
        self.report = report
        self.show_report(report)
        self._show_page(self.PAGE_DONE)
        self.imported.emit(report)
        return True

    def show_report(self, report: roster_import.ImportReport) -> None:
        self.done_counts.set_counts(report.counts())
        self.done_summary.setText(
            self.tr("Added {added}, updated {updated}, unchanged {unchanged}; {errors} row(s) with errors were not imported.").format(
                added=report.added, updated=report.updated, unchanged=report.unchanged, errors=report.error_rows
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

    # --- helpers --------------------------------------------------------------------------------

    @staticmethod
    def _say(label: QLabel, text: str, error: bool = True) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {ERROR_TEXT};" if error else f"color: {HINT_TEXT};")
        label.setVisible(bool(text))
