"""MemberHonoursPanel: one member's honours (年度, 荣誉, 级别, 授予单位, 来源) and nominations (年度,
奖项, 结果), read-only, on the member form's 荣誉 tab.

`MemberHonoursPanel(member)`; `set_member(member)` switches to another member (or reloads)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from union_desk.db.honour_models import AwardRound, AwardType, Nomination
from union_desk.db.models import Member
from union_desk.services import honours
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


def nomination_result(nomination: Nomination) -> str:
    """当选 / 未当选 / 待定, or 上报区级·获评."""
    if nomination.result == "上报":
        tail = f"·{nomination.upward_outcome}" if nomination.upward_outcome else ""
        return f"上报{nomination.sent_level}级{tail}"
    return nomination.result or "待定"


def member_nominations(member: Member) -> list[Nomination]:
    return list(
        Nomination.select(Nomination, AwardRound, AwardType).join(AwardRound).join(AwardType)
        .where(Nomination.member == member)
        .order_by(AwardRound.year.desc(), AwardType.sort_order, Nomination.id)
    )


class MemberHonoursPanel(QWidget):
    def __init__(self, member: Member | None = None, parent=None):
        super().__init__(parent)
        honour_columns = [
            Column(self.tr("Year"), lambda h: h.year, 50, full="2026"),
            Column(self.tr("Honour"), lambda h: h.title, 200, stretch=True),
            Column(self.tr("Level"), lambda h: h.level, 44),
            Column(self.tr("Awarded by"), lambda h: h.awarding_body or honours.school_union(), 130),
            Column(self.tr("Source"), lambda h: h.source, 50),
        ]
        nomination_columns = [
            Column(self.tr("Year"), lambda n: n.award_round.year, 50, full="2026"),
            Column(self.tr("Award"), lambda n: n.award_round.award_type.name, 200, stretch=True),
            Column(self.tr("Result"), nomination_result, 110),
        ]
        self.honours_model = RecordTableModel(honour_columns, self)
        self.honours_view = setup_table_view(QTableView(), self.honours_model, honour_columns, row_height=24,
                                             sortable=True, row_numbers=False)
        self.honours_view.setObjectName("memberHonours")
        self.nominations_model = RecordTableModel(nomination_columns, self)
        self.nominations_model.muted = lambda n: n.result == "未当选"
        self.nominations_view = setup_table_view(QTableView(), self.nominations_model, nomination_columns,
                                                 row_height=24, row_numbers=False)
        self.nominations_view.setObjectName("memberNominations")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.honours_view, 3)
        layout.addWidget(QLabel(self.tr("Nominations")))
        layout.addWidget(self.nominations_view, 2)
        self.member: Member | None = None
        self.set_member(member)

    def set_member(self, member: Member | None) -> None:
        self.member = member
        known = member is not None and member.id
        found = honours.list_honours(member=member) if known else []
        nominations = member_nominations(member) if known else []
        self.honours_model.set_records(found)
        self.nominations_model.set_records(nominations)
        if not found and not nominations:
            self.summary.setText(self.tr("No honours or nominations recorded."))
        else:
            self.summary.setText(self.tr("{honours} honour(s), {nominations} nomination(s).").format(
                honours=len(found), nominations=len(nominations)))
