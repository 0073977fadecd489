"""活动报名 tab: the year's activities with sign-up, waiting and check-in figures."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QSpinBox, QVBoxLayout, QWidget

from union_desk.services import activities
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import Column


class ActivitiesTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        columns = [
            Column(self.tr("Activity"), lambda r: r.activity.title, 200),
            Column(self.tr("Category"), lambda r: r.activity.category, 60),
            Column(self.tr("Start"), lambda r: r.activity.start, 130),
            Column(self.tr("Place"), lambda r: r.activity.place, 120),
            Column(self.tr("Sign-up deadline"), lambda r: r.activity.signup_deadline, 130),
            Column(self.tr("Status"), lambda r: r.activity.status, 60),
            Column(self.tr("Signed up"), lambda r: r.signed_up, 60),
            Column(self.tr("Waiting"), lambda r: r.waiting, 60),
            Column(self.tr("Checked in"), lambda r: r.checked_in, 60),
            Column(self.tr("Budget"), lambda r: r.activity.budget, 80),
        ]
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setSuffix(self.tr(" (year)"))
        self.list = RecordList(
            columns,
            lambda text: activities.list_activities(self.year.value(), text),
            self.tr("Search title or place"),
        )
        self.list.toolbar.insertWidget(1, self.year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)

    def refresh(self) -> None:
        self.list.refresh()
