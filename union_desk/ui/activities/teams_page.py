"""Teams of a team-based item (组室组队): name, members, rank and award."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import ActivityItem, Member, SignUp, Team
from union_desk.services import activities
from union_desk.ui.activities.dialogs import ResultDialog, TeamDialog
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


@dataclass
class TeamRow:
    team: Team
    names: list[str]


def team_rows(item: ActivityItem) -> list[TeamRow]:
    rows = []
    for team in item.teams.order_by(Team.id):
        members = (
            SignUp.select(SignUp, Member).join(Member)
            .where((SignUp.team == team) & (SignUp.state != activities.CANCELLED))
            .order_by(SignUp.queue_no)
        )
        rows.append(TeamRow(team, [s.member.name for s in members]))
    return rows


class TeamsPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.item: ActivityItem | None = None
        columns = [
            Column(self.tr("Team"), lambda r: r.team.name, 130),
            Column(self.tr("Size"), lambda r: len(r.names), 50),
            Column(self.tr("Rank"), lambda r: r.team.rank, 50),
            Column(self.tr("Award"), lambda r: r.team.award, 80),
            Column(self.tr("Members"), lambda r: "、".join(r.names), 240, stretch=True),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setMinimumSectionSize(24)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.view.doubleClicked.connect(lambda _i: self.set_result())
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #666;")
        self.new_button = QPushButton(self.tr("New team…"))
        self.new_button.clicked.connect(self.new_team)
        self.result_button = QPushButton(self.tr("Rank and award…"))
        self.result_button.clicked.connect(self.set_result)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.result_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self._update_buttons()

    def set_item(self, item: ActivityItem | None) -> None:
        self.item = item
        self.refresh()

    def refresh(self) -> None:
        team_based = self.item is not None and self.item.team_based
        self.model.set_records(team_rows(self.item) if team_based else [])
        self.view.resizeRowsToContents()
        if self.item is None:
            self.hint.clear()
        elif not team_based:
            self.hint.setText(self.tr("“{item}” is not a team item.").format(item=self.item.name))
        else:
            self.hint.setText(self.tr("{count} team(s)").format(count=self.model.rowCount()))
        self._update_buttons()

    def selected(self) -> TeamRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        team_based = self.item is not None and self.item.team_based
        self.new_button.setEnabled(team_based)
        self.result_button.setEnabled(team_based and self.selected() is not None)

    def new_team(self) -> None:
        dialog = TeamDialog(self.item, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()

    def set_result(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ResultDialog(row.team, row.team.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()
