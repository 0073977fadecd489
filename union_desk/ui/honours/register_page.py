"""荣誉台账 sub-page: every honour of the year (or all years), filtered by level and text; 登记荣誉…
(by hand), 编辑…, 删除 (the service refuses a round's honours with its message), 从活动成绩生成…
and 打印证书 for the selected honours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.honour_models import Honour
from union_desk.domain import honours as rules
from union_desk.errors import UnionDeskError
from union_desk.services import honours
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import show_error
from union_desk.ui.honours.common import button, confirm
from union_desk.ui.honours.honour_forms import FromActivityDialog, edit_honour
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


def holder_text(honour: Honour) -> str:
    """The holder; a member listed on a group honour reads '李芳（语文组）'."""
    name = honours.holder_name(honour)
    if honour.parent_id and honour.parent is not None and honour.parent.group_name:
        return f"{name}（{honour.parent.group_name}）"
    return name


def department_text(honour: Honour) -> str:
    return honour.member.department if honour.member_id else ""


class RegisterPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year: int | None = dt.date.today().year
        columns = [
            Column(self.tr("Year"), lambda h: h.year, 50, full="2026"),
            Column(self.tr("Honour"), lambda h: h.title, 200, stretch=True),
            Column(self.tr("Level"), lambda h: h.level, 44),
            Column(self.tr("Awarded by"), lambda h: h.awarding_body or honours.school_union(), 130),
            Column(self.tr("Holder"), holder_text, 150),
            Column(self.tr("Department"), department_text, 90),
            Column(self.tr("Source"), lambda h: h.source, 50),
            Column(self.tr("Date"), lambda h: h.date, 90, full=FULL_DATE),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24, sortable=True)
        self.view.setObjectName("honours")
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())

        self.level = QComboBox()
        self.level.setObjectName("levelFilter")
        self.level.addItem(self.tr("All levels"), "")
        for level in rules.LEVELS:
            self.level.addItem(f"{level}级", level)
        self.level.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Honour, name or union group"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(240)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.count_label = QLabel()
        self.count_label.setObjectName("honoursCount")

        self.add_button = button(self.tr("Enter an honour…"), self.add_honour)
        self.edit_button = button(self.tr("Edit…"), self.edit_selected)
        self.delete_button = button(self.tr("Delete"), self.delete_selected)
        self.activity_button = button(self.tr("From activity results…"), lambda: self.from_activity())
        self.certificates_button = button(self.tr("Print certificates"), self.print_certificates)
        tools = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.activity_button,
                  self.certificates_button):
            tools.addWidget(b)
        tools.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Level")))
        filters.addWidget(self.level)
        filters.addWidget(self.search, 1)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(tools)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self._selection_changed()

    # --- data -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._search_timer.stop()
        chosen = {h.id for h in self.selected_honours()}
        records = honours.list_honours(self.year, level=self.level.currentData() or "", text=self.search.text())
        self.model.set_records(records)
        self.count_label.setText(self.tr("%n honour(s)", "", len(records)))
        for row, h in enumerate(records):
            if h.id in chosen:
                self.view.selectRow(row)
        self._selection_changed()

    def selected_honours(self) -> list[Honour]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.record_at(r) for r in rows]

    def select(self, honour_id: int) -> bool:
        for row, h in enumerate(self.model.records):
            if h.id == honour_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def _selection_changed(self) -> None:
        chosen = self.selected_honours()
        self.edit_button.setEnabled(len(chosen) == 1)
        self.delete_button.setEnabled(len(chosen) == 1)
        self.certificates_button.setEnabled(bool(chosen))

    def year_wanted(self, year: int) -> None:
        """The tab replaces this to move its year selector."""
        self.year = year

    # --- actions ----------------------------------------------------------------------------------

    def add_honour(self) -> None:
        saved = edit_honour(self, None, self.year)
        self._after_save(saved)

    def edit_selected(self) -> None:
        chosen = self.selected_honours()
        if len(chosen) != 1:
            return
        honour = Honour.get_or_none(Honour.id == chosen[0].id)
        if honour is None:
            return
        if honour.parent_id:  # a member listed on a group honour: the group honour is edited
            honour = honour.parent
        if honour.source != "录入":
            where = self.tr("the award round") if honour.source == "评选" else self.tr("the activity")
            QMessageBox.information(self, self.tr("Edit honour"), self.tr(
                "This honour comes from {where}: change it there.").format(where=where))
            return
        self._after_save(edit_honour(self, honour))

    def _after_save(self, saved: Honour | None) -> None:
        if saved is None:
            return
        if self.year is not None and saved.year != self.year:
            self.year_wanted(saved.year)
        self.refresh()
        self.select(saved.id)

    @surfaces_errors
    def delete_selected(self) -> None:
        chosen = self.selected_honours()
        if len(chosen) != 1:
            return
        honour = chosen[0]
        title = self.tr("Delete honour")
        question = self.tr("Delete “{title}” of {holder}?").format(title=honour.title, holder=holder_text(honour))
        listed = honour.members_listed.count()
        if listed:
            question += "\n" + self.tr("The %n member(s) listed on it are removed with it.", "", listed)
        if honour.source == "评选":  # refused by the service: say why without asking first
            try:
                honours.delete_honour(honour)
            except UnionDeskError as exc:
                show_error(self, title, exc)
            return
        if not confirm(self, title, question):
            return
        try:
            honours.delete_honour(honour)
        except UnionDeskError as exc:
            show_error(self, title, exc)
            return
        self.refresh()

    def from_activity(self, activity=None) -> honours.FromActivity | None:
        dialog = FromActivityDialog(self.year, self)
        if activity is not None:
            dialog.choose(activity)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.refresh()
        return dialog.made

    @surfaces_errors
    def print_certificates(self) -> None:
        ids = [h.id for h in self.selected_honours()]
        if not ids:
            return
        from union_desk.printing import honours as printing
        from union_desk.ui.hardship.print_actions import print_pdf

        print_pdf(self, self.tr("Print certificates"), f"证书-{len(ids)}份",
                  lambda path: printing.print_certificates(ids, path))
