"""困难帮扶 tab: hardship files, and the visits and condolences of the year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from union_desk.services import hardship, visits
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import Column


class HardshipTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        file_columns = [
            Column(self.tr("Name"), lambda f: f.member.name, 90),
            Column(self.tr("Department"), lambda f: f.member.department, 110),
            Column(self.tr("Grade"), lambda f: f.grade, 80),
            Column(self.tr("Main cause"), lambda f: f.main_cause, 100),
            Column(self.tr("Other causes"), lambda f: f.secondary_causes, 150),
            Column(self.tr("Household"), lambda f: f.household_size, 60),
            Column(self.tr("Monthly income"), lambda f: f.monthly_income, 90),
            Column(self.tr("Status"), lambda f: f.status, 60),
            Column(self.tr("Found on"), lambda f: f.found_date, 90),
            Column(self.tr("Last review"), lambda f: f.last_review_date, 90),
        ]
        self.files = RecordList(
            file_columns, lambda text: hardship.list_files(text), self.tr("Search name, pinyin or cause")
        )
        visit_columns = [
            Column(self.tr("Serial"), lambda v: v.serial, 100),
            Column(self.tr("Date"), lambda v: v.date, 90),
            Column(self.tr("Name"), lambda v: v.member.name, 80),
            Column(self.tr("Type"), lambda v: v.visit_type.name, 100),
            Column(self.tr("Reason"), lambda v: v.reason, 160),
            Column(self.tr("Cash"), lambda v: v.cash, 80),
            Column(self.tr("Goods"), lambda v: v.goods, 100),
            Column(self.tr("Fund source"), lambda v: v.fund_source, 80),
            Column(self.tr("Handler"), lambda v: v.handler, 70),
            Column(self.tr("Voided"), lambda v: self.tr("Voided") if v.voided else "", 50),
        ]
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setSuffix(self.tr(" (year)"))
        self.visits = RecordList(
            visit_columns,
            lambda text: visits.list_visits(self.year.value(), text),
            self.tr("Search name, pinyin, type or serial"),
        )
        self.visits.toolbar.insertWidget(1, self.year)
        self.totals = QLabel()
        self.visits.toolbar.addWidget(self.totals)
        self.year.valueChanged.connect(lambda _v: self.refresh())

        self.inner = QTabWidget()
        self.inner.addTab(self.files, self.tr("Hardship files"))
        self.inner.addTab(self.visits, self.tr("Visits and condolences"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.inner)

    def refresh(self) -> None:
        self.files.refresh()
        self.visits.refresh()
        count, amount = visits.year_totals(self.year.value())
        self.totals.setText(
            self.tr("Visits: {count}, cash: {amount} yuan").format(count=count, amount=f"{amount:,.2f}")
        )
