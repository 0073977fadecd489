"""活动报名 tab: the year's activities (报名/候补/签到/参与率), and the view of one activity.

Two pages in a stack: the list (`self.list`, a RecordList) and the activity view
(`self.detail`, ActivityDetail) opened with a double click or 报名管理.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import Activity
from union_desk.services import activities
from union_desk.ui.activities.activity_form import edit_activity
from union_desk.ui.activities.detail import ActivityDetail, rate_text
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import FULL_DATETIME, Column


class ActivitiesTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        columns = [
            Column(self.tr("Activity"), lambda r: r.activity.title, 200, stretch=True),
            Column(self.tr("Category"), lambda r: r.activity.category, 50),
            Column(self.tr("Start"), lambda r: r.activity.start, 120, full=FULL_DATETIME),
            Column(self.tr("Place"), lambda r: r.activity.place, 130),
            Column(self.tr("Sign-up deadline"), lambda r: r.activity.signup_deadline, 120, full=FULL_DATETIME),
            Column(self.tr("Status"), lambda r: r.activity.status, 55),
            Column(self.tr("Signed up"), lambda r: r.signed_up, 55),
            Column(self.tr("Waiting"), lambda r: r.waiting, 55),
            Column(self.tr("Checked in"), lambda r: r.checked_in, 55),
            Column(self.tr("Participation"), lambda r: _Rate(r.participation_rate), 60),
            Column(self.tr("Budget"), lambda r: r.activity.budget, 80),
            Column(self.tr("Actual cost"), lambda r: r.activity.actual_cost, 80),
        ]
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setSuffix(self.tr(" (year)"))
        self.list = RecordList(
            columns,
            lambda text: activities.list_activities(self.year.value(), text, with_eligible=True),
            self.tr("Search title or place"),
        )
        self.list.toolbar.insertWidget(1, self.year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.list.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.model.muted = lambda r: r.activity.status == "已取消"
        self.list.activated.connect(lambda row: self.open_activity(row.activity))
        self.list.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.new_button = QPushButton(self.tr("New activity…"))
        self.new_button.clicked.connect(self.new_activity)
        self.open_button = QPushButton(self.tr("Sign-ups and check-in"))
        self.open_button.clicked.connect(lambda: self.open_activity(self.selected()))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        for position, button in enumerate((self.new_button, self.open_button, self.edit_button), start=3):
            self.list.toolbar.insertWidget(position, button)

        self.detail = ActivityDetail()
        self.detail.back_requested.connect(self.show_list)
        self.detail.changed.connect(self._detail_changed)
        self._list_stale = False

        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)
        self._update_buttons()

    # --- list -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.selected()
        self.list.refresh()
        self._list_stale = False
        if current is not None:
            self.select(current.id)
        if self.stack.currentWidget() is self.detail:
            self.detail.reload()
        self._update_buttons()

    def selected(self) -> Activity | None:
        rows = self.list.view.selectionModel().selectedRows()
        return self.list.model.record_at(rows[0].row()).activity if rows else None

    def open_record(self, kind: str, record) -> None:
        """A 首页 entry (a sign-up deadline): the activity's sign-ups and check-in."""
        self.select(record.id)
        self.open_activity(record)

    def select(self, activity_id: int) -> None:
        for row, record in enumerate(self.list.model.records):
            if record.activity.id == activity_id:
                self.list.view.selectRow(row)
                self.list.view.scrollTo(self.list.model.index(row, 0))
                return

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen)

    def new_activity(self) -> None:
        saved = edit_activity(self)
        if saved is None:
            return
        if saved.start.year != self.year.value():
            self.year.blockSignals(True)
            self.year.setValue(saved.start.year)
            self.year.blockSignals(False)
        self.refresh()
        self.select(saved.id)
        self.open_activity(saved)

    def edit_selected(self) -> None:
        activity = self.selected()
        if activity is not None and edit_activity(self, activity) is not None:
            self.refresh()

    # --- the activity view ----------------------------------------------------------------------

    def open_activity(self, activity: Activity | None) -> None:
        if activity is None:
            return
        self.detail.set_activity(activity.id)
        self.stack.setCurrentWidget(self.detail)

    def show_list(self) -> None:
        if self._list_stale:
            current = self.detail.activity
            self.refresh()
            if current is not None:
                self.select(current.id)
        self.stack.setCurrentWidget(self.list)

    def _detail_changed(self) -> None:
        self._list_stale = True


class _Rate(float):
    """A participation rate that shows as '85%' and sorts as a number ('—' when unknown)."""

    def __new__(cls, value: float | None):
        obj = super().__new__(cls, -1.0 if value is None else value)
        obj.known = value is not None
        return obj

    def __str__(self) -> str:
        return rate_text(float(self) if self.known else None)
