"""应访未访: members with a reason to be visited and no visit for it yet (visits.due_visits)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.services import visits
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


class DuePage(QWidget):
    """`visit_requested(DueVisit)` asks the tab to open the visit form prefilled from the row."""

    visit_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        # in date order (visits.due_visits): the date each reason dates from comes first
        columns = [
            Column(self.tr("Date"), lambda d: d.extra.get("date"), 90, full=FULL_DATE),
            Column(self.tr("Name"), lambda d: d.member.name, 80),
            Column(self.tr("Department"), lambda d: d.member.department, 100),
            Column(self.tr("Status"), lambda d: d.member.status, 60),
            Column(self.tr("Suggested type"), lambda d: d.visit_type_name, 110),
            Column(self.tr("Relative"), lambda d: f"{d.relative.relation} {d.relative.name}" if d.relative else "", 110),
            Column(self.tr("Why"), lambda d: d.reason, 200, stretch=True),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26, sortable=True, alternating=True,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(lambda _index: self.visit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.visit_button = QPushButton(self.tr("Record the visit"))
        self.visit_button.clicked.connect(self.visit_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel()
        note = QLabel(
            self.tr(
                "Hardship files not visited this year, members retired in the last 60 days, "
                "relatives who died recently, and this month's birthdays."
            )
        )
        note.setStyleSheet("color: #666;")
        note.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.visit_button)
        actions.addWidget(self.refresh_button)
        actions.addWidget(note, 1)
        actions.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        self._update_buttons()

    def refresh(self) -> None:
        due = visits.due_visits()
        self.model.set_records(due)
        self.count.setText(self.tr("%n member(s) to visit", "", len(due)))
        self._update_buttons()

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.visit_button.setEnabled(self.selected() is not None)

    def visit_selected(self) -> None:
        due = self.selected()
        if due is not None:
            self.visit_requested.emit(due)
