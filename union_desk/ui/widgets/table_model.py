"""A read-only table model over a list of records, driven by column declarations.

Columns say their header and how to read a value from a record; the model does display, sorting
keys and alignment. Rows are fetched by the tab (SQL-side filtering); the model never makes one
widget per row, so 50,000 members stay fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[object], object]
    width: int = 100


def display_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


def _sort_key(value):
    if value is None:
        return (0, "")
    if isinstance(value, (int, float, Decimal)):
        return (1, float(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return (2, value.isoformat())
    return (3, str(value))


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list = []
        # Optional: a record for which this returns True is shown greyed (e.g. a voided visit).
        self.muted: Callable[[object], bool] | None = None

    def set_records(self, records: Sequence) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record_at(self, row: int):
        return self.records[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(column.value(self.records[index.row()]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = column.value(self.records[index.row()])
            if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.muted is not None:
            if self.muted(self.records[index.row()]):
                return QColor("#9a9a9a")
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        getter = self.columns[column].value
        self.layoutAboutToBeChanged.emit()
        self.records.sort(
            key=lambda r: _sort_key(getter(r)),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()
