"""MemberActivitiesPanel: one member's activities of a year (sign-ups not cancelled), read-only.

Meant to be embedded in the member form (会员档案) later: `MemberActivitiesPanel(member)`;
`set_member(member, year)` switches to another member or year.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from union_desk.db.models import Member
from union_desk.services import activities
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


class MemberActivitiesPanel(QWidget):
    def __init__(self, member: Member | None = None, year: int | None = None, parent=None):
        super().__init__(parent)
        columns = [
            Column(self.tr("Date"), lambda s: s.item.activity.start.date(), 90),
            Column(self.tr("Activity"), lambda s: s.item.activity.title, 220),
            Column(self.tr("Item"), lambda s: s.item.name, 90),
            Column(self.tr("State"), lambda s: s.state, 60),
            Column(self.tr("Checked in"), lambda s: s.checked_in, 50),
            Column(self.tr("Rank"), lambda s: s.rank, 50),
            Column(self.tr("Award"), lambda s: s.award or (s.team.award if s.team_id else ""), 80),
        ]
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda s: s.state == activities.WAITING
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24, sortable=True, row_numbers=False)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.member: Member | None = None
        self.year = year or dt.date.today().year
        self.set_member(member, year)

    def set_member(self, member: Member | None, year: int | None = None) -> None:
        self.member = member
        if year:
            self.year = year
        rows = activities.member_activities(member, self.year) if member is not None and member.id else []
        self.model.set_records(rows)
        taking_part = {s.item.activity_id for s in rows if s.state == activities.SIGNED}
        present = {s.item.activity_id for s in rows if s.checked_in}
        self.summary.setText(
            self.tr("{year}: {count} activity(ies) signed up for, present at {present}").format(
                year=self.year, count=len(taking_part), present=len(present)
            )
        )
