"""A search box, a table and a "共 N 条" count: the common shape of a list tab."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


class RecordList(QWidget):
    """Calls `fetch(search_text)` (debounced while typing) and shows the records."""

    activated = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Callable[[str], Sequence],
        placeholder: str,
        parent=None,
    ):
        super().__init__(parent)
        self._fetch = fetch
        # Optional: the count's text from the records shown (e.g. "共 150 条，其中作废 1");
        # None: "共 N 条".
        self.count_text: Callable[[Sequence], str] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26, sortable=True, alternating=True)
        self.view.doubleClicked.connect(self._on_double_click)

        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.search, 1)
        self.toolbar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._debounce.start())

    def refresh(self) -> None:
        records = self._fetch(self.search.text())
        self.model.set_records(records)
        if self.count_text is not None:
            self.count_label.setText(self.count_text(records))
        else:
            self.count_label.setText(self.tr("%n record(s)", "", len(records)))

    def _on_double_click(self, index) -> None:
        if index.isValid():
            self.activated.emit(self.model.record_at(index.row()))
