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


# Sample texts for Column.full: the widest value of each kind, which must always show in full
# (widths come from the view's font, see table_view.fit_columns).
FULL_DATE = "2026-12-31"
FULL_DATETIME = "2026-12-31 23:59"
FULL_ID_NUMBER = ("11010519491231002X", "110105********002X")  # plain and masked
FULL_PHONE = ("13912345678", "0571-87654321")


@dataclass(frozen=True)
class Column:
    """header, how to read the value, width in px (the least width, see table_view.fit_columns);
    `full`: sample text(s) this column always shows in full (dates, times, ID numbers, phones);
    `stretch`: the descriptive column (title, 事由, 备注) that takes the table's spare width;
    `foreground`: a colour name for a record's cell (e.g. red when overdue), or None."""

    header: str
    value: Callable[[object], object]
    width: int = 100
    full: str | tuple[str, ...] | None = None
    stretch: bool = False
    foreground: Callable[[object], str | None] | None = None


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
        if role == Qt.ItemDataRole.ForegroundRole:
            record = self.records[index.row()]
            if self.muted is not None and self.muted(record):
                return QColor("#9a9a9a")
            if column.foreground is not None:
                colour = column.foreground(record)
                return QColor(colour) if colour else None
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
