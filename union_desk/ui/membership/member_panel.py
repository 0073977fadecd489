"""MembershipPanel: one member's 会籍与会费, read-only, on the member form's tab — the membership
history (date, change, details, 补记 / 作废), the last 12 payments, the wage bases (effective,
amount) and the dues exemptions side by side in one row (all four in sight at the top of the tab on
a 1366×768 screen), the months in arrears today and the exemption in force in the summary line, and
打印入会申请书… / 打印会员登记表… for this member (no need to find an event row on the 会籍 page).

`MembershipPanel(member)`; `set_member(member)` switches to another member (or reloads)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from union_desk.db.models import Member
from union_desk.domain import membership as rules
from union_desk.services import dues, membership
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.membership.event_forms import event_details, event_marks
from union_desk.ui.membership.membership_page import EventModel
from union_desk.ui.widgets.form_messages import ERROR_COLOR
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view

LAST_PAYMENTS = 12


def _period_label(code: str) -> str:
    try:
        return rules.parse_period(code).label
    except ValueError:
        return code


class MembershipPanel(QWidget):
    def __init__(self, member: Member | None = None, parent=None):
        super().__init__(parent)
        event_columns = [
            Column(self.tr("Date"), lambda e: e.date, 90, full=FULL_DATE),
            Column(self.tr("Change"), lambda e: e.kind, 64, full="保留会籍"),
            Column(self.tr("Details"), event_details, 120, stretch=True),
            Column(self.tr("Marks"), event_marks, 44, full="补记 作废"),
            Column(self.tr("Handler"), lambda e: e.handler, 60, full="王老师"),
        ]
        base_columns = [
            Column(self.tr("Effective"), lambda b: b.effective, 90, full=FULL_DATE),
            Column(self.tr("Wage base"), lambda b: b.amount, 70, full="99,999.00", stretch=True),
            Column(self.tr("Source"), lambda b: b.source, 44),
        ]
        exemption_columns = [
            Column(self.tr("From"), lambda e: e.start, 90, full=FULL_DATE),
            Column(self.tr("To"), lambda e: e.end or "…", 90, full=FULL_DATE),
            Column(self.tr("Reason"), lambda e: e.reason, 60, stretch=True),
        ]
        payment_columns = [
            Column(self.tr("Period"), lambda p: _period_label(p.period), 90, full="2026年第4季度"),
            Column(self.tr("Amount"), lambda p: p.amount, 60, full="999.00", stretch=True),
            Column(self.tr("Paid on"), lambda p: p.date, 90, full=FULL_DATE),
            Column(self.tr("Method"), lambda p: p.method, 60, full="工资代扣"),
        ]
        self.events_model = EventModel(event_columns, self)
        self.events_model.muted = lambda e: e.voided
        self.events_view = setup_table_view(QTableView(), self.events_model, event_columns, row_height=22,
                                            row_numbers=False)
        self.events_view.setObjectName("memberEvents")
        self.bases_model = RecordTableModel(base_columns, self)
        self.bases_view = setup_table_view(QTableView(), self.bases_model, base_columns, row_height=22,
                                           row_numbers=False)
        self.bases_view.setObjectName("memberBases")
        self.exemptions_model = RecordTableModel(exemption_columns, self)
        self.exemptions_view = setup_table_view(QTableView(), self.exemptions_model, exemption_columns,
                                                row_height=22, row_numbers=False)
        self.exemptions_view.setObjectName("memberExemptions")
        self.payments_model = RecordTableModel(payment_columns, self)
        self.payments_model.muted = lambda p: p.voided
        self.payments_view = setup_table_view(QTableView(), self.payments_model, payment_columns, row_height=22,
                                              row_numbers=False)
        self.payments_view.setObjectName("memberPayments")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.join_form_button = QPushButton(self.tr("Print application form…"))
        self.join_form_button.setObjectName("printJoinForm")
        self.join_form_button.clicked.connect(self.print_join_form)
        self.register_button = QPushButton(self.tr("Print member register…"))
        self.register_button.setObjectName("printRegister")
        self.register_button.clicked.connect(self.print_member_register)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.join_form_button)
        top.addWidget(self.register_button)

        # one row: history | payments | bases over exemptions, so all are in sight without scrolling
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(self.tr("Membership history")), 0, 0)
        grid.addWidget(self.events_view, 1, 0, 3, 1)
        grid.addWidget(QLabel(self.tr("Last %n payment(s)", "", LAST_PAYMENTS)), 0, 1)
        grid.addWidget(self.payments_view, 1, 1, 3, 1)
        grid.addWidget(QLabel(self.tr("Wage bases (effective, yuan a month)")), 0, 2)
        grid.addWidget(self.bases_view, 1, 2)
        grid.addWidget(QLabel(self.tr("Dues exemptions (from ~ to, reason)")), 2, 2)
        grid.addWidget(self.exemptions_view, 3, 2)
        grid.setRowStretch(1, 0)
        grid.setRowStretch(3, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 4)
        for view in (self.bases_view, self.exemptions_view):
            # no header (the rows read by themselves: 2025-01-01 5,000.00 录入 / 2026-03-01 … 长期病休) and
            # two rows at least, so that both lists are in sight in the member form's short tab
            view.horizontalHeader().setVisible(False)
            view.setMinimumHeight(2 * 22 + 4)
        self.bases_view.setMaximumHeight(2 * 22 + 4)  # the exemptions just below, in sight too (scrolls past two)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.member: Member | None = None
        self.arrears = 0
        self.set_member(member)

    def set_member(self, member: Member | None) -> None:
        self.member = member
        known = member is not None and bool(member.id)
        if known:
            member = Member.get_or_none(Member.id == member.id) or member  # the status as saved now
        events = membership.events_of(member) if known else []
        bases = list(reversed(dues.bases_of(member))) if known else []
        exemptions = dues.exemptions_of(member) if known else []
        payments = dues.payments_of(member)[:LAST_PAYMENTS] if known else []
        self.events_model.set_records(events)
        self.bases_model.set_records(bases)
        self.exemptions_model.set_records(exemptions)
        self.payments_model.set_records(payments)
        self.join_form_button.setEnabled(known)
        self.register_button.setEnabled(known)
        if not known:
            self.arrears = 0
            self.summary.setText("")
            return
        today = dt.date.today()
        self.arrears = dues.arrears_months(member, today)
        base = dues.base_on(member, today)
        parts = [html.escape(self.tr("Status: {status}").format(status=member.status))]
        parts.append(html.escape(self.tr("wage base now: {amount} yuan").format(amount=f"{base.amount:,.2f}") if base
                                 else self.tr("no wage base")))
        if self.arrears:
            unpaid = html.escape(self.tr("%n month(s) of dues unpaid", "", self.arrears))
            flagged = self.arrears >= rules.ARREARS_FLAG_MONTHS  # 六个月以上: shown in red
            parts.append(f"<b style='color:{ERROR_COLOR}'>{unpaid}</b>" if flagged else unpaid)
        else:
            parts.append(html.escape(self.tr("no dues in arrears")))
        exempt = [e for e in exemptions if e.start <= today and (e.end is None or e.end >= today)]
        if exempt:
            e = exempt[-1]
            until = e.end.isoformat() if e.end else self.tr("no end date")
            parts.append(html.escape(self.tr("exempt: {reason} (until {end})").format(reason=e.reason, end=until)))
        self.summary.setText("；".join(parts))

    # --- printing for this member ------------------------------------------------------------------

    def _print(self, title: str, name: str, write) -> None:
        from union_desk.ui.hardship.print_actions import print_pdf

        print_pdf(self, title, name, write)

    @surfaces_errors
    def print_join_form(self) -> None:
        if self.member is None or not self.member.id:
            return
        from union_desk.printing import membership as printing

        member_id, name = self.member.id, self.member.name
        self._print(self.tr("Print application form"), f"入会申请书-{name}",
                    lambda path: printing.print_join_form(member_id, path))

    @surfaces_errors
    def print_member_register(self) -> None:
        if self.member is None or not self.member.id:
            return
        from union_desk.printing import membership as printing

        member_id, name = self.member.id, self.member.name
        self._print(self.tr("Print member register"), f"工会会员登记表-{name}",
                    lambda path: printing.print_member_register(member_id, path))
