"""The preview of an import, shared by the roster wizard and the ledger import dialog: the rows of
the file as the engine judged them (errors red, notes yellow, skipped 合计 rows grey, filterable)
and the 新增 / 更新 / 未变 / 错误 figures.

    model = PreviewModel(parent)              # or PreviewModel(parent, name_fields=("title",), name_header="活动名称")
    view = preview_table(model)
    show_rows(view, preview, PreviewModel.ALL)
    counts = CountBar(); counts.set_counts(preview.counts())
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.imports.common import ERROR, NEW, SAME, SKIPPED, UPDATE, ImportRow, SkippedRow

ERROR_BG = QColor("#fde2e1")
WARNING_BG = QColor("#fff3c4")
SKIPPED_FG = QColor("#8a8a8a")
ACTION_FG = {NEW: QColor("#2e7d32"), UPDATE: QColor("#1f5fa8"), SAME: QColor("#666666"), ERROR: QColor("#c62828")}
CHIP_COLOURS = {  # background, number colour
    NEW: ("#e8f4e5", "#2e7d32"),
    UPDATE: ("#e3eefa", "#1f5fa8"),
    SAME: ("#f1f1f1", "#555555"),
    ERROR: ("#fde2e1", "#c62828"),
}
ERROR_TEXT = "#c62828"
HINT_TEXT = "#555555"


def cell_text(value) -> str:
    """A raw cell the way Excel shows it (so a mangled ID looks like 4.40106E+17 here too)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.6G}" if abs(value) >= 1e15 else f"{value:g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --- the preview table -----------------------------------------------------------------------------


class PreviewModel(QAbstractTableModel):
    """Every row of the file as the engine judged it (skipped 合计 rows too, greyed), filterable."""

    ALL, ERRORS, WARNINGS, NEW_ONLY, UPDATES = range(5)

    def __init__(self, parent=None, name_fields: tuple[str, ...] = ("name",), name_header: str | None = None):
        """`name_fields`: the fields whose value names a row (the first one the file has), shown
        under `name_header` (the translated "Name" by default)."""
        super().__init__(parent)
        self.headers = [self.tr("Row"), name_header or self.tr("Name"), self.tr("Result"), self.tr("Changes"), self.tr("Problems")]
        self.name_fields = name_fields
        self.preview = None
        self.items: list[ImportRow | SkippedRow] = []
        self.shown: list[ImportRow | SkippedRow] = []
        self.mode = self.ALL
        self.name_column: int | None = None
        self.multiline = True  # one change / problem a line (off for very long lists: fixed row height)

    def set_preview(self, preview) -> None:
        self.beginResetModel()
        self.preview = preview
        self.name_column = next((c for name in self.name_fields for c, f in preview.mapping.items() if f == name), None)
        self.items = sorted([*preview.rows, *preview.skipped], key=lambda r: r.row)
        self._apply()
        self.endResetModel()

    def set_mode(self, mode: int) -> None:
        self.beginResetModel()
        self.mode = mode
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        def keep(item) -> bool:
            if self.mode == self.ALL:
                return True
            if isinstance(item, SkippedRow):
                return False
            if self.mode == self.ERRORS:
                return bool(item.errors) or item.action == ERROR
            if self.mode == self.WARNINGS:
                return bool(item.warnings)
            if self.mode == self.NEW_ONLY:
                return item.action == NEW
            return item.action == UPDATE

        self.shown = [i for i in self.items if keep(i)]

    def rows_shown(self) -> list[int]:
        """Excel row numbers of the rows in view (for tests and the status line)."""
        return [i.row for i in self.shown]

    # texts

    def name_of(self, item) -> str:
        if not isinstance(item, SkippedRow):
            name = next((item.values[f] for f in self.name_fields if item.values.get(f)), None) or getattr(item, "member_name", "")
            if name:
                return cell_text(name)
        if self.name_column is not None and self.name_column < len(item.cells):
            return cell_text(item.cells[self.name_column]).strip()
        return ""

    def problems_of(self, item) -> str:
        if isinstance(item, SkippedRow):
            return self.tr("{reason}, skipped").format(reason=item.reason)
        parts = [f"{i.column}：{i.message}" if i.column else i.message for i in item.errors]
        parts += [self.tr("Note: {text}").format(text=f"{i.column}：{i.message}" if i.column else i.message) for i in item.warnings]
        return "；".join(parts)

    def text(self, item, column: int) -> str:
        if column == 0:
            return str(item.row)
        if column == 1:
            return self.name_of(item)
        if column == 2:
            return SKIPPED if isinstance(item, SkippedRow) else item.action
        if column == 3:
            if isinstance(item, SkippedRow):
                return ""
            return item.change_text(self.preview.label) if self.preview is not None else item.change_text()
        return self.problems_of(item)

    # Qt

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.shown[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.text(item, column)
            return text.replace("；", "\n") if column >= 3 and self.multiline else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(item, column).replace("；", "\n") if column >= 3 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if isinstance(item, SkippedRow):
                return None
            if item.errors or item.action == ERROR:
                return ERROR_BG
            if item.warnings:
                return WARNING_BG
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if isinstance(item, SkippedRow):
                return SKIPPED_FG
            if column == 2:
                return ACTION_FG.get(item.action)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 2):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def preview_table(model: PreviewModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.setWordWrap(True)
    view.setStyleSheet("QTableView::item { padding: 3px 4px; }")
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    for column, width in enumerate((52, 84, 56, 300)):
        view.setColumnWidth(column, width)
    view.horizontalHeader().setStretchLastSection(True)
    return view


WRAP_ROWS_LIMIT = 400  # above this many rows in view, rows stay one line high (tooltips show all)


def show_rows(view: QTableView, preview=None, mode: int | None = None) -> None:
    """Load a preview and/or a filter into the view's model, then fit the row heights: rows as
    high as their wrapped text (following the column widths) when that is cheap enough."""
    model = view.model()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no measuring during the reset
    if preview is not None:
        model.set_preview(preview)
    if mode is not None:
        model.set_mode(mode)
    model.multiline = model.rowCount() <= WRAP_ROWS_LIMIT
    view.setWordWrap(model.multiline)
    mode = QHeaderView.ResizeMode.ResizeToContents if model.multiline else QHeaderView.ResizeMode.Fixed
    view.verticalHeader().setSectionResizeMode(mode)


class CountChip(QFrame):
    """One figure of the preview / result: 新增 12."""

    def __init__(self, action: str, caption: str, parent=None):
        super().__init__(parent)
        background, colour = CHIP_COLOURS[action]
        self.setObjectName("countChip")
        self.setStyleSheet(f"QFrame#countChip {{ background: {background}; border-radius: 6px; }}")
        self.number = QLabel("0")
        self.number.setStyleSheet(f"font-size: 18pt; font-weight: bold; color: {colour};")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet(f"color: {colour};")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 16, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.number)

    def set_count(self, count: int) -> None:
        self.number.setText(str(count))


class CountBar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        captions = {NEW: self.tr("New"), UPDATE: self.tr("Updated"), SAME: self.tr("Unchanged"), ERROR: self.tr("Errors")}
        self.chips = {action: CountChip(action, captions[action]) for action in (NEW, UPDATE, SAME, ERROR)}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for chip in self.chips.values():
            layout.addWidget(chip)
        layout.addStretch(1)

    def set_counts(self, counts: dict[str, int]) -> None:
        for action, chip in self.chips.items():
            chip.set_count(counts.get(action, 0))

    def counts(self) -> dict[str, int]:
        return {action: int(chip.number.text()) for action, chip in self.chips.items()}


def message_label(colour: str | None = None) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    label.hide()
    return label


def import_page(title: str) -> tuple[QWidget, QVBoxLayout, QLabel]:
    """A wizard page with its bold heading."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 10, 4, 4)
    heading = QLabel(title)
    heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
    layout.addWidget(heading)
    return page, layout, heading


def style_steps(labels: list[QLabel], index: int) -> None:
    """The step list at the top of an import wizard: current bold blue, done dark, to come grey."""
    for i, label in enumerate(labels):
        colour = "color: #1f4e8c; font-weight: bold;" if i == index else "color: #333333;" if i < index else "color: #9aa5b1;"
        label.setStyleSheet(colour)


def step_bar(names: list[str]) -> tuple[QFrame, list[QLabel]]:
    """① 选择文件 › ② 检查 › ③ 导入结果: the steps of an import wizard."""
    bar = QFrame()
    bar.setObjectName("wizardSteps")
    bar.setStyleSheet("QFrame#wizardSteps { background: #f3f6fa; border: 1px solid #dde3ea; border-radius: 6px; }")
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(12, 8, 12, 8)
    labels: list[QLabel] = []
    for i, name in enumerate(names):
        if i:
            arrow = QLabel("›")
            arrow.setStyleSheet("color: #9aa5b1;")
            layout.addWidget(arrow)
        label = QLabel(f"{'①②③④⑤⑥⑦⑧⑨'[i]} {name}")
        labels.append(label)
        layout.addWidget(label)
    layout.addStretch(1)
    return bar, labels


class ImportPagesMixin:
    """What the roster wizard and the ledger import dialog share: the frame (steps, pages,
    buttons) and the check and result pages.

    The host provides `go_next()`, `run_import()`, `save_report(preview_or_report)`,
    `preview` and `report`; the attributes named below are set on it.
    """

    def _build_frame(self, step_names: list[str], pages: list[QWidget], next_text: str, go_back) -> None:
        self.steps, self.step_labels = step_bar(step_names)
        self.pages = QStackedWidget()
        for page in pages:
            self.pages.addWidget(page)
        self.back_button = QPushButton(QCoreApplication.translate("ImportPages", "< Back"))
        self.next_button = QPushButton(next_text)
        self.import_button = QPushButton(QCoreApplication.translate("ImportPages", "Import"))
        self.finish_button = QPushButton(QCoreApplication.translate("ImportPages", "Done"))
        self.cancel_button = QPushButton(QCoreApplication.translate("ImportPages", "Cancel"))
        self.back_button.clicked.connect(go_back)
        self.next_button.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.run_import)
        self.finish_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.finish_button, self.cancel_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.pages, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d5dde8;")
        layout.addWidget(line)
        layout.addLayout(buttons)

    def set_filter(self, mode: int) -> None:
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(mode)))

    def _filter_changed(self, _index: int) -> None:
        mode = self.filter_combo.currentData()
        if mode is not None:
            show_rows(self.preview_view, mode=mode)

    def _preview_page(self) -> QWidget:
        page, layout, self.preview_heading = import_page(QCoreApplication.translate("ImportPages", "Check before importing"))
        self.preview_counts = CountBar()
        self.preview_file_label = QLabel()
        self.preview_file_label.setStyleSheet(f"color: {HINT_TEXT};")
        self.preview_file_label.setWordWrap(True)
        self.preview_notes = message_label()
        self.preview_notes.setStyleSheet("background: #fff8dc; padding: 6px; border-radius: 4px;")
        self.filter_combo = QComboBox()
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.save_check_button = QPushButton(QCoreApplication.translate("ImportPages", "Save the check report…"))
        self.save_check_button.setAutoDefault(False)
        self.save_check_button.clicked.connect(lambda: self.save_report(self.preview))
        self.preview_model = PreviewModel(self)
        self.preview_view = preview_table(self.preview_model)
        self.preview_message = message_label(ERROR_TEXT)
        legend = QLabel(QCoreApplication.translate("ImportPages", "Rows with errors are red and are not imported; rows with notes are yellow."))
        legend.setStyleSheet(f"color: {HINT_TEXT};")
        legend.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(QCoreApplication.translate("ImportPages", "Show")))
        bar.addWidget(self.filter_combo)
        bar.addSpacing(12)
        bar.addWidget(legend, 1)
        bar.addWidget(self.save_check_button)
        layout.addWidget(self.preview_counts)
        layout.addWidget(self.preview_file_label)
        layout.addWidget(self.preview_notes)
        layout.addLayout(bar)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.preview_message)
        return page

    def _done_page(self) -> QWidget:
        page, layout, _ = import_page(QCoreApplication.translate("ImportPages", "Import finished"))
        self.done_counts = CountBar()
        self.done_summary = QLabel()
        self.done_summary.setWordWrap(True)
        self.done_errors_label = QLabel()
        self.done_errors_label.setWordWrap(True)
        self.done_model = PreviewModel(self)
        self.done_view = preview_table(self.done_model)
        self.save_done_button = QPushButton(QCoreApplication.translate("ImportPages", "Save the import report…"))
        self.save_done_button.setAutoDefault(False)
        self.save_done_button.clicked.connect(lambda: self.save_report(self.report))
        self.done_message = message_label(HINT_TEXT)
        row = QHBoxLayout()
        row.addWidget(self.done_errors_label, 1)
        row.addWidget(self.save_done_button)
        layout.addWidget(self.done_counts)
        layout.addWidget(self.done_summary)
        layout.addLayout(row)
        layout.addWidget(self.done_view, 1)
        layout.addWidget(self.done_message)
        return page
