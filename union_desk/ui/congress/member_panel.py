"""MemberCongressPanel: one member's delegate terms (届, 代表团, 类别, 当选, 离任) and the proposals
they made (编号, 案由, 状态), read-only, on the member form's 教代会 tab.

`MemberCongressPanel(member)`; `set_member(member)` switches to another member (or reloads)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from union_desk.db.congress_models import CongressSession, Proposal
from union_desk.db.models import Member
from union_desk.services import congress
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


def _left(delegate) -> str:
    if not delegate.left_date:
        return ""
    reason = f"（{delegate.left_reason}）" if delegate.left_reason else ""
    return f"{delegate.left_date.isoformat()}{reason}"


class MemberCongressPanel(QWidget):
    def __init__(self, member: Member | None = None, parent=None):
        super().__init__(parent)
        seat_columns = [
            Column(self.tr("Term"), lambda d: congress.term_label(d.term), 70),
            Column(self.tr("Delegation"), lambda d: d.group_name, 100),
            Column(self.tr("Category"), lambda d: d.category, 50),
            Column(self.tr("Elected"), lambda d: f"{d.elected_date.isoformat() if d.elected_date else ''} {d.how}".strip(),
                   120, full="2026-12-31 补选"),
            Column(self.tr("Left"), _left, 120, stretch=True),
        ]
        proposal_columns = [
            Column(self.tr("Number"), lambda p: p.number, 70, full="99-99-999"),
            Column(self.tr("Subject"), lambda p: p.title, 220, stretch=True),
            Column(self.tr("State"), lambda p: p.state, 60),
        ]
        self.seats_model = RecordTableModel(seat_columns, self)
        self.seats_model.muted = lambda d: d.left_date is not None
        self.seats_view = setup_table_view(QTableView(), self.seats_model, seat_columns, row_height=24,
                                           row_numbers=False)
        self.proposals_model = RecordTableModel(proposal_columns, self)
        self.proposals_model.muted = lambda p: p.state in ("撤回", "作废")
        self.proposals_view = setup_table_view(QTableView(), self.proposals_model, proposal_columns, row_height=24,
                                               sortable=True, row_numbers=False)
        self.summary = QLabel()
        self.proposals_label = QLabel(self.tr("Proposals made"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.seats_view, 1)
        layout.addWidget(self.proposals_label)
        layout.addWidget(self.proposals_view, 2)
        self.member: Member | None = None
        self.set_member(member)

    def set_member(self, member: Member | None) -> None:
        self.member = member
        known = member is not None and member.id
        seats = congress.member_seats(member) if known else []
        proposals = (
            list(Proposal.select(Proposal, CongressSession).join(CongressSession)
                 .where(Proposal.proposer == member).order_by(CongressSession.date.desc(), Proposal.seq))
            if known else []
        )
        self.seats_model.set_records(seats)
        self.proposals_model.set_records(proposals)
        current = congress.current_term()
        now = current is not None and any(d.term_id == current.id and d.left_date is None for d in seats)
        if not seats:
            text = self.tr("Not a delegate of the staff congress.")
        elif now:
            text = self.tr("Delegate of the current term ({term}); {count} term(s) in all.").format(
                term=congress.term_label(current), count=len({d.term_id for d in seats}))
        else:
            text = self.tr("Was a delegate in {count} term(s).").format(count=len({d.term_id for d in seats}))
        self.summary.setText(text + " " + self.tr("{count} proposal(s).").format(count=len(proposals)))
