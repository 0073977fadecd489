"""The member list's table model: ids from SQL, rows loaded a page at a time.

With 50,000 members a search may match tens of thousands of rows. Building a peewee object for
each would take far longer than the search itself, so a refresh fetches only the matching ids in
display order (one SQL query, filtering and sorting done by SQLite) and the rows are loaded
`PAGE` at a time when the view first asks for them. The count "共 N 人" is the number of ids.
Sorting by a column re-runs the id query with that column's ORDER BY.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from peewee import fn
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from union_desk.db.models import Member
from union_desk.ui.widgets.table_model import display_text

PAGE = 60
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# The first full spelling in the search key ('张三 zhangsan zs' -> 'zhangsan zs'): names sort
# in pinyin order rather than by code point.
PINYIN_ORDER = fn.substr(Member.pinyin_key, fn.instr(Member.pinyin_key, " ") + 1)


@dataclass(frozen=True)
class MemberColumn:
    header: str
    value: Callable[[Member], object]
    width: int = 100
    sort: tuple = ()  # SQL expressions; empty: the column is not sortable
    descending_first: bool = False  # e.g. age ascending = birth date descending
    align_right: bool = False
    full: str | tuple[str, ...] | None = None  # always shown whole (ui.widgets.table_view.fit_columns)
    stretch: bool = False  # takes the table's spare width


class LazyRecords(Sequence):
    """The model's rows as a sequence of Member objects, loaded on access."""

    def __init__(self, model: MemberTableModel):
        self._model = model

    def __len__(self) -> int:
        return len(self._model.ids)

    def __getitem__(self, row):
        if isinstance(row, slice):
            return [self._model.record_at(i) for i in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        return self._model.record_at(row)


class MemberTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[MemberColumn], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.ids: list[int] = []
        self._pages: dict[int, list[Member | None]] = {}
        self._cells: dict[int, list[str]] = {}  # display texts of the rows shown so far
        self._right = {i for i, c in enumerate(self.columns) if c.align_right}
        self._query = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.default_order: tuple = (Member.department, PINYIN_ORDER, Member.id)

    # --- loading ----------------------------------------------------------------------------

    def set_query(self, query) -> None:
        """Show the members selected by `query` (a peewee select on Member)."""
        self._query = query
        self._reload()

    def _ordered_ids_query(self):
        query = self._query.select(Member.id)
        if self._sort is None:
            # a search puts its best matches first (services.members.search_rank), then the
            # list's own order; no search: department and name in pinyin order
            rank = getattr(self._query, "search_rank", None)
            return query.order_by(*((rank,) if rank is not None else ()), *self.default_order)
        index, order = self._sort
        column = self.columns[index]
        descending = (order == Qt.SortOrder.DescendingOrder) != column.descending_first
        keys = [e.desc() if descending else e.asc() for e in column.sort]
        return query.order_by(*keys, PINYIN_ORDER, Member.id)

    def _reload(self) -> None:
        if self._query is None:
            ids: list[int] = []
        else:
            cursor = Member._meta.database.execute(self._ordered_ids_query())
            ids = [row[0] for row in cursor.fetchall()]
        self.beginResetModel()
        self.ids = ids
        self._pages = {}
        self._cells = {}
        self.endResetModel()
        if ids:
            self._load_page(0)  # the rows the view shows first

    def _load_page(self, page: int) -> list[Member | None]:
        wanted = self.ids[page * PAGE : (page + 1) * PAGE]
        found = {m.id: m for m in Member.select().where(Member.id.in_(wanted))}
        rows = [found.get(i) for i in wanted]
        self._pages[page] = rows
        return rows

    def record_at(self, row: int) -> Member | None:
        page = self._pages.get(row // PAGE)
        if page is None:
            page = self._load_page(row // PAGE)
        return page[row % PAGE]

    @property
    def records(self) -> LazyRecords:
        return LazyRecords(self)

    def row_of(self, member_id: int) -> int:
        try:
            return self.ids.index(member_id)
        except ValueError:
            return -1

    # --- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role=_DISPLAY):
        # Called for every role of every visible cell on each paint: keep it cheap.
        if role == _DISPLAY:
            row = index.row()
            cells = self._cells.get(row)
            if cells is None:
                cells = self._render(row)
            return cells[index.column()]
        if role == _ALIGN and index.column() in self._right:
            return _RIGHT
        return None

    def _render(self, row: int) -> list[str]:
        record = self.record_at(row)
        if record is None:
            cells = [""] * len(self.columns)
        else:
            cells = [display_text(column.value(record)) for column in self.columns]
        self._cells[row] = cells
        return cells

    def headerData(self, section, orientation, role=_DISPLAY):  # noqa: N802
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return section + 1

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or not self.columns[column].sort:
            if self._sort is None:
                return
            self._sort = None
        else:
            self._sort = (column, order)
        if self._query is not None:
            self._reload()
