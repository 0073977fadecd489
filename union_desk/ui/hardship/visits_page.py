"""走访慰问 sub-tab: the visits list with its filters, totals that follow them, and the actions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import Visit
from union_desk.services import visits
from union_desk.ui.hardship.batch_dialog import BatchDialog
from union_desk.ui.hardship.print_actions import print_pdf
from union_desk.ui.hardship.visit_actions import ReissueDialog, void_visit
from union_desk.ui.hardship.visit_form import VisitForm
from union_desk.ui.widgets.member_picker import MemberPicker
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import Column


def visit_state(visit: Visit) -> str:
    if visit.voided:
        return QCoreApplication.translate("VisitsPage", "Voided")
    if visit.printed_at:
        return QCoreApplication.translate("VisitsPage", "Printed")
    return ""


class VisitsPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        columns = [
            Column(self.tr("Serial"), lambda v: v.serial, 118),
            Column(self.tr("Date"), lambda v: v.date, 96),
            Column(self.tr("Name"), lambda v: v.member.name, 64),
            Column(self.tr("Department"), lambda v: v.member.department, 90),
            Column(self.tr("Type"), lambda v: v.visit_type.name, 110),
            Column(self.tr("Reason"), lambda v: v.reason, 230),
            Column(self.tr("Cash"), lambda v: v.cash, 86),
            Column(self.tr("Goods"), lambda v: v.goods, 90),
            Column(self.tr("Fund source"), lambda v: v.fund_source, 80),
            Column(self.tr("Handler"), lambda v: v.handler, 64),
            Column(self.tr("State"), visit_state, 60),
        ]
        self.list = RecordList(columns, self._fetch, self.tr("Search name, pinyin, type or serial"))
        self.model = self.list.model
        self.view = self.list.view
        self.model.muted = lambda v: v.voided
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _index: self.edit_visit())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_totals)
        self.list.count_text = self._count_text

        # filters, in the list's own toolbar after the search box
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setSuffix(self.tr(" (year)"))
        self.month = QComboBox()
        self.month.addItem(self.tr("Whole year"), None)
        for month in range(1, 13):
            self.month.addItem(self.tr("Month {month}").format(month=month), month)
        self.type_filter = QComboBox()
        self.type_filter.setMinimumContentsLength(6)
        self.member_filter = MemberPicker(self)
        self.member_filter.setPlaceholderText(self.tr("Member"))
        self.member_filter.setFixedWidth(120)
        self.fund_filter = QComboBox()
        self.fund_filter.addItem(self.tr("All fund sources"), "")
        for source in visits.FUND_SOURCES:
            self.fund_filter.addItem(source, source)
        self.show_voided = QCheckBox(self.tr("Show voided"))
        self.show_voided.setChecked(True)
        for position, widget in enumerate(
            (self.year, self.month, self.type_filter, self.member_filter, self.fund_filter, self.show_voided), start=1
        ):
            self.list.toolbar.insertWidget(position, widget)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.type_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.member_filter.memberChanged.connect(lambda _m: self.refresh())
        self.fund_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_voided.toggled.connect(lambda _on: self.refresh())

        # actions
        self.add_button = QPushButton(self.tr("New visit"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.void_button = QPushButton(self.tr("Void"))
        self.reissue_button = QPushButton(self.tr("Void and reissue"))
        self.batch_button = QPushButton(self.tr("Batch send warmth"))
        self.add_button.clicked.connect(lambda: self.new_visit())
        self.edit_button.clicked.connect(self.edit_visit)
        self.void_button.clicked.connect(self.void_selected)
        self.reissue_button.clicked.connect(self.reissue_selected)
        self.batch_button.clicked.connect(self.batch)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.void_button, self.reissue_button, self.batch_button):
            actions.addWidget(button)
        self.print_buttons: list[QPushButton] = []
        self._add_print_buttons(actions)
        actions.addStretch(1)
        # 合计 under the table, as on a paper ledger
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setStyleSheet("font-weight: bold;")
        totals_row = QHBoxLayout()
        totals_row.addStretch(1)
        totals_row.addWidget(self.totals)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(actions)
        layout.addWidget(self.list, 1)
        layout.addLayout(totals_row)
        self._types_loaded = False
        self._update_buttons()

    # --- data ---------------------------------------------------------------------------------

    def _fill_type_filter(self) -> None:
        current = self.type_filter.currentData()
        self.type_filter.blockSignals(True)
        self.type_filter.clear()
        self.type_filter.addItem(self.tr("All types"), None)
        for vt in visits.visit_types(active_only=False):
            self.type_filter.addItem(vt.name, vt.id)
        self.type_filter.setCurrentIndex(max(0, self.type_filter.findData(current)))
        self.type_filter.blockSignals(False)

    def filters(self) -> visits.VisitFilter:
        member = self.member_filter.member()
        return visits.VisitFilter(
            year=self.year.value(),
            month=self.month.currentData(),
            visit_type_id=self.type_filter.currentData(),
            member_id=member.id if member else None,
            fund_source=self.fund_filter.currentData() or "",
            text=self.list.search.text(),
            include_voided=self.show_voided.isChecked(),
        )

    def _fetch(self, _text: str):
        return list(visits.visits_query(self.filters()))

    def refresh(self) -> None:
        if not self._types_loaded:
            self._types_loaded = True
            self._fill_type_filter()
        self.list.refresh()
        self._update_buttons()

    def reload_types(self) -> None:
        self._fill_type_filter()

    def _count_text(self, records) -> str:
        """"共 150 条，作废 1": every row shown, the voided named, so it agrees with 合计：149 人次."""
        voided = sum(1 for v in records if v.voided)
        if voided:
            return self.tr("%n record(s), {voided} voided", "", len(records)).format(voided=voided)
        return self.tr("%n record(s)", "", len(records))

    def _update_totals(self) -> None:
        count, amount = visits.totals(self.model.records)
        self.totals.setText(
            self.tr("Total: {count} visit(s), {amount} yuan").format(count=count, amount=f"{amount:,.2f}")
        )

    def selected_visits(self) -> list[Visit]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.record_at(row) for row in rows]

    def current_visit(self) -> Visit | None:
        chosen = self.selected_visits()
        return chosen[0] if len(chosen) == 1 else None

    def _update_buttons(self) -> None:
        visit = self.current_visit()
        self.edit_button.setEnabled(visit is not None and not visit.voided)
        self.void_button.setEnabled(visit is not None and not visit.voided)
        self.reissue_button.setEnabled(visit is not None and not visit.voided)
        for button in self.print_buttons:
            button.setEnabled(bool(self.model.records))

    def select_visit(self, visit_id: int) -> None:
        for row, record in enumerate(self.model.records):
            if record.id == visit_id:
                self.view.selectRow(row)
                return

    def _after_change(self, select_id: int | None = None) -> None:
        self.list.refresh()
        if select_id is not None:
            self.select_visit(select_id)
        self._update_buttons()
        self.changed.emit()

    # --- actions ------------------------------------------------------------------------------

    def new_visit(self, **prefill) -> Visit | None:
        form = VisitForm(self, **prefill)
        if not form.exec():
            return None
        self._after_change(form.saved.id)
        if form.print_requested:  # 保存并打印
            self.print_slips([form.saved])
        return form.saved

    def edit_visit(self) -> None:
        visit = self.current_visit()
        if visit is None or visit.voided:
            return
        form = VisitForm(self, visit=visits.get_visit(visit.id))
        if form.exec():
            self._after_change(form.saved.id)
            if form.print_requested:  # 保存并打印
                self.print_slips([form.saved])

    def void_selected(self) -> None:
        visit = self.current_visit()
        if visit is not None and void_visit(self, visits.get_visit(visit.id)):
            self._after_change(visit.id)

    def reissue_selected(self) -> None:
        visit = self.current_visit()
        if visit is None:
            return
        dialog = ReissueDialog(visits.get_visit(visit.id), self)
        if dialog.exec():
            self._after_change(dialog.saved.id)

    def batch(self) -> None:
        dialog = BatchDialog(self)
        if not dialog.exec():
            return
        self._after_change()
        created = dialog.created
        total = sum((v.cash for v in created), visits.ZERO)
        QMessageBox.information(
            self,
            dialog.windowTitle(),
            self.tr("{count} visit(s) saved, {amount} yuan in all, serials {first} to {last}.").format(
                count=len(created), amount=f"{total:,.2f}", first=created[0].serial, last=created[-1].serial
            ),
        )
        if dialog.print_requested:  # 保存并打印: no second question
            self.print_batch(created)
        else:
            self.after_batch(created)

    # --- printing -----------------------------------------------------------------------------

    def _add_print_buttons(self, actions: QHBoxLayout) -> None:
        self.print_slips_button = QPushButton(self.tr("Print slips"))
        self.print_slips_button.setToolTip(self.tr("One slip per page for the selected visits"))
        self.print_slips_button.clicked.connect(lambda: self.print_slips())
        self.print_signoff_button = QPushButton(self.tr("Print sign-off sheet"))
        self.print_signoff_button.setToolTip(
            self.tr("For the selected visits, or for the whole list when one or none is selected")
        )
        self.print_signoff_button.clicked.connect(lambda: self.print_signoff())
        self.print_buttons = [self.print_slips_button, self.print_signoff_button]
        actions.addSpacing(12)
        for button in self.print_buttons:
            actions.addWidget(button)

    def print_slips(self, chosen: list[Visit] | None = None) -> None:
        chosen = chosen if chosen is not None else self.selected_visits()
        title = self.tr("Print slips")
        if not chosen:
            QMessageBox.information(self, title, self.tr("Select the visits to print first."))
            return
        name = self.tr("Visit slips {serial}").format(
            serial=chosen[0].serial if len(chosen) == 1 else f"{chosen[0].serial}_{len(chosen)}"
        )
        ids = [v.id for v in chosen]
        from union_desk.printing import slips  # reportlab loads on first print, not at start-up

        # The preview's PDF records nothing; printed_at is set when the job goes to the printer
        # or the PDF is saved (issue 14: a slip's amount is fixed once printed).
        printed = print_pdf(
            self,
            title,
            name,
            lambda path: slips.print_visit_slips(ids, path, mark=False),
            on_done=lambda: slips.mark_slips_printed(ids),
        )
        if printed is not None:
            self._after_change(ids[0] if len(ids) == 1 else None)

    def print_signoff(self, chosen: list[Visit] | None = None, suffix: str | None = None) -> None:
        if chosen is None:
            selected = self.selected_visits()
            chosen = selected if len(selected) > 1 else list(self.model.records)
        if suffix is None:
            suffix = self._filter_caption()
        title = self.tr("Print sign-off sheet")
        from union_desk.printing import sheets  # reportlab loads on first print, not at start-up

        name = self.tr("Sign-off sheet {what}").format(what=suffix.strip("（）() ").replace("\u3000", "_"))
        print_pdf(self, title, name, lambda path: sheets.print_signoff(chosen, path, title_suffix=suffix))

    def _filter_caption(self) -> str:
        extra = [self.type_filter.currentText()] if self.type_filter.currentData() else []
        if self.fund_filter.currentData():
            extra.append(self.fund_filter.currentData())
        return self.caption(self.year.value(), self.month.currentData(), extra)

    def caption(self, year: int, month: int | None = None, extra: list[str] = ()) -> str:
        """The line under the sign-off title, e.g. '（2026年度　春节送温暖）'."""
        if month:
            head = self.tr("{year}, month {month}").format(year=year, month=month)
        else:
            head = self.tr("Year {year}").format(year=year)
        return self.tr("({text})").format(text="\u3000".join([head, *extra]))

    def after_batch(self, created: list[Visit]) -> None:
        answer = QMessageBox.question(
            self, self.tr("Batch send warmth"), self.tr("Print the slips and the sign-off sheet of this batch now?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.print_batch(created)

    def print_batch(self, created: list[Visit]) -> None:
        """The slips of a batch in one preview, then its sign-off sheet in another."""
        self.print_slips(created)
        first = created[0]
        self.print_signoff(created, self.caption(first.date.year, None, [first.visit_type.name]))
