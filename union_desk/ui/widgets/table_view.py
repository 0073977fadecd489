"""The usual set-up of a read-only record table: column widths from the Columns, whole rows
selected, no editing, the last column stretched; the rest by keyword."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from union_desk.ui.widgets.table_model import Column


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
    for i, column in enumerate(columns):
        view.setColumnWidth(i, column.width)
    view.horizontalHeader().setStretchLastSection(True)
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
