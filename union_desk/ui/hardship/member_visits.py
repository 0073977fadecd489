"""MemberVisitsPanel: the visits and the assistance of one member, read-only, newest first.

Meant to be embedded in the member form (会员档案): `MemberVisitsPanel(member)`; `set_member()`
switches to another member.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from union_desk.db.models import Member
from union_desk.services import hardship, visits
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


@dataclass
class Row:
    date: object
    kind: str
    what: str
    cash: Decimal
    goods: str
    serial: str
    note: str
    voided: bool


class MemberVisitsPanel(QWidget):
    def __init__(self, member: Member | None = None, parent=None):
        super().__init__(parent)
        columns = [
            Column(self.tr("Date"), lambda r: r.date, 96),
            Column(self.tr("Record"), lambda r: r.kind, 70),
            Column(self.tr("Type"), lambda r: r.what, 100),
            Column(self.tr("Cash"), lambda r: r.cash, 80),
            Column(self.tr("Goods"), lambda r: r.goods, 100),
            Column(self.tr("Serial"), lambda r: r.serial, 118),
            Column(self.tr("Reason or notes"), lambda r: r.note, 200),
        ]
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda r: r.voided
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24, sortable=True, row_numbers=False)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.member = None
        self.set_member(member)

    def set_member(self, member: Member | None) -> None:
        self.member = member
        rows: list[Row] = []
        if member is not None and member.id is not None:
            for v in visits.visits_query(visits.VisitFilter(member_id=member.id)):
                note = v.reason
                if v.voided:
                    note = self.tr("Voided: {reason}").format(reason=v.void_reason)
                rows.append(Row(v.date, self.tr("Visit"), v.visit_type.name, v.cash, v.goods, v.serial, note, v.voided))
            for a in hardship.assistance_of_member(member):
                note = self.tr("Voided: {reason}").format(reason=a.void_reason) if a.voided else a.notes
                rows.append(Row(a.date, self.tr("Assistance"), a.kind, a.cash, a.goods, "", note, a.voided))
        rows.sort(key=lambda r: r.date, reverse=True)
        self.model.set_records(rows)
        valid = [r for r in rows if not r.voided]
        visit_count = sum(1 for r in valid if r.serial)
        amount = sum((r.cash for r in valid), Decimal("0.00"))
        self.summary.setText(
            self.tr("{visits} visit(s), {help} assistance record(s), {amount} yuan in cash").format(
                visits=visit_count, help=len(valid) - visit_count, amount=f"{amount:,.2f}"
            )
        )
