"""The usual set-up of a read-only record table: column widths from the Columns, whole rows
selected, no editing; the rest by keyword.

One column rule for every table (`fit_columns`):
- a column declared `full=` (dates, times, ID numbers, phones) is at least as wide as its sample
  text in the view's own font, so it never shows "2026-12-17 …";
- the column declared `stretch=True` (the descriptive one: title, 事由, 备注) takes the spare width,
  never less than its declared width (a horizontal scroll bar rather than a squashed title);
- a table that declares no stretch column keeps Qt's "last column stretches".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from union_desk.ui.widgets.table_model import Column

CELL_PADDING = 12  # the style's item margins (about 6 px), the grid line and a little air
HEADER_PADDING = 30  # the stylesheet's section padding and room for the sort arrow


def full_width(view: QTableView, column) -> int:
    """The width `column` needs: its declared width, and its `full` samples and header shown whole
    in the view's current font."""
    width = int(getattr(column, "width", 100))
    samples = getattr(column, "full", None)
    if not samples:
        return width
    if isinstance(samples, str):
        samples = (samples,)
    cells = view.fontMetrics()
    heads = view.horizontalHeader().fontMetrics()
    need = max(cells.horizontalAdvance(s) for s in samples) + CELL_PADDING
    header = getattr(column, "header", "")
    if header:
        need = max(need, heads.horizontalAdvance(header) + HEADER_PADDING)
    return max(width, need)


class ColumnFitter(QObject):
    """Keeps `view`'s `full` columns whole and its stretch column filling the spare width (as the
    view is resized, the font changes or the user drags another column)."""

    def __init__(self, view: QTableView, columns: Sequence):
        super().__init__(view)
        self.view = view
        self.columns = list(columns)
        self.stretch = next((i for i, c in enumerate(self.columns) if getattr(c, "stretch", False)), None)
        self._busy = False
        self._font_key = None
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(self.stretch is None)
        for i, column in enumerate(self.columns):
            view.setColumnWidth(i, int(getattr(column, "width", 100)))
        header.sectionResized.connect(self._section_resized)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange, QEvent.Type.Polish):
            self.fit()
        return False

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if not self._busy and index != self.stretch:
            self.fit_stretch()

    def fit(self) -> None:
        """Widen the `full` columns when the font is new (first shown, stylesheet), then stretch."""
        key = (self.view.font().key(), self.view.horizontalHeader().font().key())
        if key != self._font_key:
            self._font_key = key
            self._busy = True
            try:
                for i, column in enumerate(self.columns):
                    if getattr(column, "full", None):
                        need = full_width(self.view, column)
                        if self.view.columnWidth(i) < need:
                            self.view.setColumnWidth(i, need)
            finally:
                self._busy = False
        self.fit_stretch()

    def fit_stretch(self) -> None:
        if self.stretch is None or self.stretch >= self.view.model().columnCount():
            return
        header = self.view.horizontalHeader()
        others = sum(
            header.sectionSize(i)
            for i in range(header.count())
            if i != self.stretch and not header.isSectionHidden(i)
        )
        least = int(getattr(self.columns[self.stretch], "width", 100))
        width = max(least, self.view.viewport().width() - others)
        if header.sectionSize(self.stretch) != width:
            self._busy = True
            try:
                header.resizeSection(self.stretch, width)
            finally:
                self._busy = False


def fit_columns(view: QTableView, columns: Sequence) -> ColumnFitter:
    """Apply the column rule (module docstring) to `view`, whose model has `columns` (anything with
    `width`, and optionally `header`, `full` and `stretch`: Column, MemberColumn …)."""
    fitter = ColumnFitter(view, columns)
    view._column_fitter = fitter  # one per view; parented to it as well
    return fitter


def setup_table_view(
    view: QTableView,
    model,
    columns: Sequence[Column],
    *,
    row_height: int | None = None,
    sortable: bool = False,
    selection: QAbstractItemView.SelectionMode | None = None,
    alternating: bool = False,
    row_numbers: bool = True,
) -> QTableView:
    """Give `view` its `model` and the common settings; returns `view`.

    sortable: header clicks sort, starting unsorted (the model's own order);
    selection: a selection mode other than Qt's default (extended);
    row_numbers=False hides the vertical header.
    """
    view.setModel(model)
    fit_columns(view, columns)
    if not row_numbers:
        view.verticalHeader().setVisible(False)
    if row_height is not None:
        view.verticalHeader().setDefaultSectionSize(row_height)
    if sortable:
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if selection is not None:
        view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if alternating:
        view.setAlternatingRowColors(True)
    return view
