"""工作计划 tab: the year's plan items by month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QSpinBox, QVBoxLayout, QWidget

from union_desk.services import plan
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import Column


class PlanTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        columns = [
            Column(self.tr("Month"), lambda i: plan.item_month(i), 50),
            Column(self.tr("Date"), lambda i: i.date, 90),
            Column(self.tr("Item"), lambda i: i.title, 280),
            Column(self.tr("Category"), lambda i: i.category, 80),
            Column(self.tr("Responsible"), lambda i: i.responsible, 90),
            Column(self.tr("Status"), lambda i: i.status, 70),
            Column(self.tr("Notes"), lambda i: i.notes, 200),
        ]
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setSuffix(self.tr(" (year)"))
        self.list = RecordList(
            columns,
            lambda text: plan.list_items(self.year.value(), text),
            self.tr("Search item or responsible person"),
        )
        self.list.toolbar.insertWidget(1, self.year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)

    def refresh(self) -> None:
        self.list.refresh()
