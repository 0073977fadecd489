"""评选 sub-page: the year's award rounds and, for the selected round, its nominations.

Rounds: 新建评选… 编辑… 删除, 表彰… (decide: the service's warnings are asked about first), and the
printouts 打印公示, 打印表彰名单, 打印证书. Nominations: 推荐… 编辑推荐… 删除推荐 and 打印推荐表
(the selected nominations, or all)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.honour_models import AwardRound, Nomination
from union_desk.errors import UnionDeskError
from union_desk.services import honours
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import show_error
from union_desk.ui.honours.common import WARNING_COLOR, button, confirm, period_text
from union_desk.ui.honours.round_forms import edit_nomination, edit_round, result_text
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


def round_counts(award_round: AwardRound) -> tuple[int, int]:
    """(推荐人数, 当选人数)."""
    query = Nomination.select().where(Nomination.award_round == award_round)
    return query.count(), query.where(Nomination.result == "当选").count()


def round_state(award_round: AwardRound, today: dt.date | None = None) -> str:
    """推荐中 / 公示中 / 待表彰 / 已表彰 (what the round waits for)."""
    today = today or dt.date.today()
    if award_round.decision_date:
        return "已表彰"
    if award_round.notice_start and award_round.notice_start <= today <= (award_round.notice_end or today):
        return "公示中"
    if award_round.nomination_deadline and today <= award_round.nomination_deadline:
        return "推荐中"
    return "待表彰"


class RoundRow:
    def __init__(self, award_round: AwardRound):
        self.round = award_round
        self.nominated, self.elected = round_counts(award_round)


def _over_quota(row: RoundRow) -> str | None:
    return WARNING_COLOR if row.round.quota is not None and row.elected > row.round.quota else None


class RoundsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year: int | None = dt.date.today().year
        columns = [
            Column(self.tr("Round"), lambda r: r.round.title, 200, stretch=True),
            Column(self.tr("Award"), lambda r: r.round.award_type.name, 110),
            Column(self.tr("Level"), lambda r: r.round.award_type.level, 44),
            Column(self.tr("Quota"), lambda r: r.round.quota, 50, full="999"),
            Column(self.tr("Nominations until"), lambda r: r.round.nomination_deadline, 90, full=FULL_DATE),
            Column(self.tr("Public notice"), lambda r: period_text(r.round.notice_start, r.round.notice_end), 100,
                   full="12-31~12-31"),
            Column(self.tr("Nominated"), lambda r: r.nominated, 60, full="999"),
            Column(self.tr("Elected"), lambda r: r.elected, 60, full="999", foreground=_over_quota),
            Column(self.tr("Decided on"), lambda r: r.round.decision_date, 90, full=FULL_DATE),
            Column(self.tr("State"), lambda r: round_state(r.round), 60, full="待表彰"),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setObjectName("rounds")
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._round_changed())

        self.new_button = button(self.tr("New round…"), self.new_round)
        self.edit_button = button(self.tr("Edit…"), self.edit_selected)
        self.delete_button = button(self.tr("Delete"), self.delete_selected)
        self.decide_button = button(self.tr("Decide…"), lambda: self.decide())
        self.notice_button = button(self.tr("Print notice"), self.print_notice)
        self.roll_button = button(self.tr("Print honour roll"), self.print_roll)
        self.certificates_button = button(self.tr("Print certificates"), self.print_certificates)
        self.round_buttons = (self.edit_button, self.delete_button, self.decide_button, self.notice_button,
                              self.roll_button, self.certificates_button)
        self.count_label = QLabel()
        tools = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button):
            tools.addWidget(b)
        tools.addSpacing(16)
        for b in (self.decide_button, self.notice_button, self.roll_button, self.certificates_button):
            tools.addWidget(b)
        tools.addStretch(1)
        tools.addWidget(self.count_label)

        nomination_columns = [
            Column(self.tr("Name / union group"), lambda n: honours.nominee_name(n), 90, full="欧阳明明"),
            Column(self.tr("Department"), lambda n: n.member.department if n.member_id else "", 90),
            Column(self.tr("Nominated by"), lambda n: n.nominated_by, 100),
            Column(self.tr("Votes"), lambda n: n.votes, 50, full="999"),
            Column(self.tr("Result"), lambda n: result_text(n.result), 60, full="未当选",
                   foreground=lambda n: "#1b5e20" if n.result == "当选" else None),
            Column(self.tr("Sent up to"), lambda n: n.sent_level, 60, full="全国"),
            Column(self.tr("Outcome there"), lambda n: n.upward_outcome if n.result == "上报" else "", 70, full="未获评"),
            Column(self.tr("Deeds"), lambda n: " ".join((n.deeds or "").split())[:60], 160, stretch=True),
        ]
        self.nomination_model = RecordTableModel(nomination_columns, self)
        self.nomination_model.muted = lambda n: n.result == "未当选"
        self.nomination_view = setup_table_view(QTableView(), self.nomination_model, nomination_columns, row_height=24)
        self.nomination_view.setObjectName("nominations")
        self.nomination_view.doubleClicked.connect(lambda _i: self.edit_nomination())
        self.nomination_view.selectionModel().selectionChanged.connect(lambda *_a: self._nomination_changed())
        self.round_info = QLabel()
        self.round_info.setObjectName("roundInfo")
        self.round_info.setWordWrap(True)
        self.nominate_button = button(self.tr("Nominate…"), self.nominate)
        self.edit_nomination_button = button(self.tr("Edit nomination…"), self.edit_nomination)
        self.delete_nomination_button = button(self.tr("Delete nomination"), self.delete_nomination)
        self.forms_button = button(self.tr("Print nomination forms"), self.print_forms)
        lower_tools = QHBoxLayout()
        for b in (self.nominate_button, self.edit_nomination_button, self.delete_nomination_button, self.forms_button):
            lower_tools.addWidget(b)
        lower_tools.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.round_info)
        lower_layout.addLayout(lower_tools)
        lower_layout.addWidget(self.nomination_view, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        self._round_changed()

    # --- data -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.selected()
        rows = [RoundRow(r) for r in honours.list_rounds(self.year)]
        self.model.set_records(rows)
        self.count_label.setText(self.tr("%n round(s)", "", len(rows)))
        if current is None or not self.select(current.id):
            if rows:
                self.view.selectRow(0)
        self._round_changed()

    def selected(self) -> AwardRound | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return AwardRound.get_or_none(AwardRound.id == self.model.record_at(rows[0].row()).round.id)

    def select(self, round_id: int) -> bool:
        for row, record in enumerate(self.model.records):
            if record.round.id == round_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def selected_nominations(self) -> list[Nomination]:
        rows = sorted(i.row() for i in self.nomination_view.selectionModel().selectedRows())
        return [self.nomination_model.record_at(r) for r in rows]

    def select_nomination(self, nomination_id: int) -> bool:
        for row, n in enumerate(self.nomination_model.records):
            if n.id == nomination_id:
                self.nomination_view.selectRow(row)
                return True
        return False

    def _round_changed(self) -> None:
        award_round = self.selected()
        for b in self.round_buttons + (self.nominate_button, self.forms_button):
            b.setEnabled(award_round is not None)
        if award_round is None:
            self.nomination_model.set_records([])
            self.round_info.setText(self.tr("No award round chosen.") if self.model.records else
                                    self.tr("No award rounds this year yet: add one with “New round…”."))
        else:
            self.nomination_model.set_records(honours.nominations_of(award_round))
            award = award_round.award_type
            text = self.tr("Nominations of {title}. Who may be nominated: {who}.").format(
                title=award_round.title, who=honours.award_eligibility_text(award))
            if award_round.decision_date:
                text += " " + self.tr("Decided on {day}.").format(day=award_round.decision_date.isoformat())
            self.round_info.setText(text)
            self.certificates_button.setEnabled(bool(award_round.decision_date))
            self.roll_button.setEnabled(bool(award_round.decision_date))
        self._nomination_changed()

    def _nomination_changed(self) -> None:
        chosen = self.selected_nominations()
        self.edit_nomination_button.setEnabled(len(chosen) == 1)
        self.delete_nomination_button.setEnabled(len(chosen) == 1)

    # --- rounds -------------------------------------------------------------------------------------

    def year_wanted(self, year: int) -> None:
        """The tab replaces this to move its year selector."""
        self.year = year

    def new_round(self) -> None:
        saved = edit_round(self, None, self.year)
        self._after_round_save(saved)

    def edit_selected(self) -> None:
        award_round = self.selected()
        if award_round is not None:
            self._after_round_save(edit_round(self, award_round))

    def _after_round_save(self, saved: AwardRound | None) -> None:
        if saved is None:
            return
        if self.year is not None and saved.year != self.year:
            self.year_wanted(saved.year)
        self.refresh()
        self.select(saved.id)

    @surfaces_errors
    def delete_selected(self) -> None:
        award_round = self.selected()
        if award_round is None:
            return
        count = Nomination.select().where(Nomination.award_round == award_round).count()
        question = self.tr("Delete the award round “{title}”?").format(title=award_round.title)
        if count:
            question += "\n" + self.tr("Its %n nomination(s) are deleted with it.", "", count)
        if not confirm(self, self.tr("Delete award round"), question):
            return
        try:
            honours.delete_round(award_round)
        except UnionDeskError as exc:
            show_error(self, self.tr("Delete award round"), exc)
            return
        self.view.clearSelection()
        self.refresh()

    @surfaces_errors
    def decide(self, day: dt.date | None = None) -> list | None:
        """表彰: the service's warnings (公示 not over, quota, nobody elected) are asked about first;
        then the honours are written. Returns the new honours (None when not decided)."""
        award_round = self.selected()
        if award_round is None:
            return None
        day = day or dt.date.today()
        title = self.tr("Decide the award round")
        warnings = honours.decide_warnings(award_round, day)
        if warnings:
            question = (self.tr("Before deciding “{title}”:").format(title=award_round.title) + "\n"
                        + "\n".join(f"· {w}" for w in warnings) + "\n\n" + self.tr("Decide it anyway?"))
            if not confirm(self, title, question):
                return None
        try:
            made = honours.decide_round(award_round, day)
        except UnionDeskError as exc:
            show_error(self, title, exc)
            return None
        total = len(honours.round_honours(award_round))
        QMessageBox.information(self, title, self.tr(
            "“{title}” decided on {day}: {new} new honour(s) in the register ({total} in all from this round).")
            .format(title=award_round.title, day=day.isoformat(), new=len(made), total=total))
        self.refresh()
        return made

    # --- nominations ---------------------------------------------------------------------------------

    def nominate(self) -> None:
        award_round = self.selected()
        if award_round is None:
            return
        saved = edit_nomination(self, award_round)
        if saved is not None:
            self.refresh()
            self.select_nomination(saved.id)

    def edit_nomination(self) -> None:
        award_round = self.selected()
        chosen = self.selected_nominations()
        if award_round is None or len(chosen) != 1:
            return
        nomination = Nomination.get_or_none(Nomination.id == chosen[0].id)
        if nomination is None:
            return
        saved = edit_nomination(self, award_round, nomination)
        if saved is not None:
            self.refresh()
            self.select_nomination(saved.id)

    @surfaces_errors
    def delete_nomination(self) -> None:
        chosen = self.selected_nominations()
        if len(chosen) != 1:
            return
        nomination = chosen[0]
        title = self.tr("Delete nomination")
        if not confirm(self, title, self.tr("Delete the nomination of {name}?").format(
                name=honours.nominee_name(nomination))):
            return
        try:
            honours.delete_nomination(nomination)
        except UnionDeskError as exc:
            show_error(self, title, exc)
            return
        self.refresh()

    # --- printing -------------------------------------------------------------------------------------

    def _print(self, title: str, name: str, write) -> None:
        from union_desk.ui.hardship.print_actions import print_pdf

        print_pdf(self, title, name, write)

    @surfaces_errors
    def print_forms(self) -> None:
        award_round = self.selected()
        if award_round is None:
            return
        from union_desk.printing import honours as printing

        ids = [n.id for n in self.selected_nominations()] or None
        round_id = award_round.id
        self._print(self.tr("Print nomination forms"), f"推荐表-{award_round.title}",
                    lambda path: printing.print_nomination_forms(round_id, path, nomination_ids=ids))

    @surfaces_errors
    def print_notice(self) -> None:
        award_round = self.selected()
        if award_round is None:
            return
        from union_desk.printing import honours as printing

        round_id = award_round.id
        self._print(self.tr("Print notice"), f"公示-{award_round.title}",
                    lambda path: printing.print_notice(round_id, path))

    @surfaces_errors
    def print_roll(self) -> None:
        award_round = self.selected()
        if award_round is None:
            return
        from union_desk.printing import honours as printing

        round_id = award_round.id
        self._print(self.tr("Print honour roll"), f"表彰名单-{award_round.title}",
                    lambda path: printing.print_honour_roll(round_id, path))

    @surfaces_errors
    def print_certificates(self) -> None:
        award_round = self.selected()
        if award_round is None:
            return
        from union_desk.printing import honours as printing

        ids = [h.id for h in honours.round_honours(award_round)]
        if not ids:
            QMessageBox.information(self, self.tr("Print certificates"),
                                    self.tr("This round has no honours yet: decide it first (Decide…)."))
            return
        self._print(self.tr("Print certificates"), f"证书-{award_round.title}",
                    lambda path: printing.print_certificates(ids, path))

    def open_round(self, award_round: AwardRound) -> None:
        self.select(award_round.id)
