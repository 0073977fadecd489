"""结账: the closed periods (期间, 起止日期, 状态) with 结账… (a term, a year or any dates: label +
dates; entries dated in a closed period are refused) and 反结账… (a reason required, audited)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.fund_models import FundClosing
from union_desk.errors import UnionDeskError
from union_desk.services import funds
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.funds import common
from union_desk.ui.funds.common import error_label, make_period, message_of, say, short_label
from union_desk.ui.hardship.common import date_edit, edit_date, save_cancel_buttons, show_error
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


def closing_state(closing: FundClosing) -> str:
    return "已结账" if closing.closed else "已反结账"


class CloseForm(FormDialog):
    """结账: choose a term or a year (or 自定义) — the label and dates follow — then 结账."""

    def __init__(self, year: int, parent=None):
        super().__init__(parent)
        self.saved: FundClosing | None = None
        self.setWindowTitle(self.tr("Close a period"))
        self.choice = QComboBox()
        self.choice.setObjectName("choice")
        for y in (year, year - 1):
            for kind in ("spring", "autumn", "year"):
                period = make_period(y, kind)
                self.choice.addItem(short_label(period), (short_label(period), period.start, period.end))
        self.choice.addItem(self.tr("Other dates"), None)
        self.label = QLineEdit()
        self.label.setObjectName("label")
        self.start = date_edit()
        self.start.setObjectName("start")
        self.end = date_edit()
        self.end.setObjectName("end")
        note = QLabel(self.tr("After closing, entries dated in the period are refused (also those posted from visits,"
                              " assistance and activities) until it is reopened with a reason."))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {common.MUTED_COLOR};")
        self.error = error_label()
        form = QFormLayout(self.body)
        form.addRow(self.tr("Period"), self.choice)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(note)
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Close the period")))
        self.choice.currentIndexChanged.connect(lambda _i: self._chosen())
        self._chosen()
        self.label.setMinimumWidth(260)

    def _chosen(self) -> None:
        data = self.choice.currentData()
        if data is None:
            return
        label, start, end = data
        self.label.setText(label)
        self.start.setDate(QDate(start))
        self.end.setDate(QDate(end))

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            self.saved = funds.close_period(self.label.text(), edit_date(self.start), edit_date(self.end))
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            return
        super().accept()


class ClosingPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = dt.date.today().year
        columns = [
            Column(self.tr("Period"), lambda c: c.label, 160, stretch=True),
            Column(self.tr("From"), lambda c: c.start_date, 90, full=FULL_DATE),
            Column(self.tr("To"), lambda c: c.end_date, 90, full=FULL_DATE),
            Column(self.tr("State"), closing_state, 80,
                   foreground=lambda c: None if c.closed else common.REVERSAL_COLOR),
            Column(self.tr("Changed"), lambda c: c.updated_at, 130),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setObjectName("closings")
        self.close_button = QPushButton(self.tr("Close a period…"))
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        note = QLabel(self.tr("Close each term after the account check (帐目审核) and the year after the funds audit."
                              " Reopening needs a reason and is kept in the audit log."))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {common.MUTED_COLOR};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.close_button.clicked.connect(self.close_period)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

    def set_year(self, year: int) -> None:
        self.year = year

    def refresh(self) -> None:
        chosen = self.current()
        self.model.set_records(funds.closings())
        if chosen is not None:
            for row, record in enumerate(self.model.records):
                if record.id == chosen.id:
                    self.view.selectRow(row)
        self._update_buttons()

    def current(self) -> FundClosing | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        chosen = self.current()
        self.reopen_button.setEnabled(chosen is not None and chosen.closed)

    def close_period(self) -> FundClosing | None:
        form = CloseForm(self.year, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return None
        self.changed.emit()
        self.refresh()
        return form.saved

    @surfaces_errors
    def reopen_selected(self) -> bool:
        closing = self.current()
        if closing is None or not closing.closed:
            return False
        about = self.tr("Reopen {label} ({start} ~ {end}): entries may be dated in it again.").format(
            label=closing.label, start=closing.start_date.isoformat(), end=closing.end_date.isoformat())
        reason = common.ask_reason(self, self.tr("Reopen {label}").format(label=closing.label), about,
                                   self.tr("Reason"))
        if reason is None:
            return False
        try:
            funds.reopen_period(closing, reason)
        except UnionDeskError as exc:
            show_error(self, self.tr("Reopen"), exc)
            return False
        self.changed.emit()
        self.refresh()
        return True

