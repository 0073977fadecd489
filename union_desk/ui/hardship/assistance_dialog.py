"""帮扶记录 of one hardship file: the list, adding a record, voiding one with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from union_desk.db.models import Assistance, HardshipFile
from union_desk.errors import ValidationError
from union_desk.services import hardship, settings, visits
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import (
    ask_text,
    choice_combo,
    date_edit,
    edit_date,
    money_edit,
    save_cancel_buttons,
    show_error,
)
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


class AssistanceForm(FormDialog):
    """One new 帮扶 record under `file`."""

    def __init__(self, file: HardshipFile, parent=None):
        super().__init__(parent)
        self.file = file
        self.saved: Assistance | None = None
        self.setWindowTitle(self.tr("New assistance for {name}").format(name=file.member.name))
        self.date = date_edit()
        self.kind = choice_combo(hardship.ASSISTANCE_KINDS)
        self.cash = money_edit(placeholder="0.00")
        self.goods = QLineEdit()
        self.goods.setPlaceholderText(self.tr("e.g. rice, oil, school supplies"))
        self.goods_value = money_edit(placeholder="0.00")
        self.fund_source = choice_combo(visits.FUND_SOURCES)
        self.handler = QLineEdit(settings.get("default_handler"))
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Cash (yuan)"), self.cash)
        form.addRow(self.tr("Goods"), self.goods)
        form.addRow(self.tr("Goods value (yuan)"), self.goods_value)
        form.addRow(self.tr("Fund source"), self.fund_source)
        form.addRow(self.tr("Handler"), self.handler)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        self.set_buttons(save_cancel_buttons(self))
        self.resize(420, self.sizeHint().height())

    @surfaces_errors
    def accept(self) -> None:
        try:
            self.saved = hardship.add_assistance(
                self.file,
                {
                    "date": edit_date(self.date),
                    "kind": self.kind.currentText(),
                    "cash": self.cash.text(),
                    "goods": self.goods.text(),
                    "goods_value": self.goods_value.text(),
                    "fund_source": self.fund_source.currentText(),
                    "handler": self.handler.text(),
                    "notes": self.notes.text(),
                },
            )
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


class AssistanceDialog(FormDialog):
    """The assistance records of a file; voided ones stay listed, greyed, with their reason."""

    confirm_discard = False  # nothing typed here to lose

    def __init__(self, file: HardshipFile, parent=None):
        super().__init__(parent)
        self.file = file
        self.changed = False
        self.setWindowTitle(self.tr("Assistance records of {name}").format(name=file.member.name))
        header = QLabel(
            self.tr("{name} ({department}), {grade}, main cause: {cause}, file status: {status}").format(
                name=file.member.name,
                department=file.member.department or "—",
                grade=file.grade,
                cause=file.main_cause,
                status=file.status,
            )
        )
        header.setWordWrap(True)
        columns = [
            Column(self.tr("Date"), lambda a: a.date, 96, full=FULL_DATE),
            Column(self.tr("Kind"), lambda a: a.kind, 80),
            Column(self.tr("Cash"), lambda a: a.cash, 90),
            Column(self.tr("Goods"), lambda a: a.goods, 110),
            Column(self.tr("Goods value"), lambda a: a.goods_value, 90),
            Column(self.tr("Fund source"), lambda a: a.fund_source, 80),
            Column(self.tr("Handler"), lambda a: a.handler, 70),
            Column(self.tr("Notes"), self._notes, 160, stretch=True),
        ]
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda a: a.voided
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.total = QLabel()

        self.add_button = QPushButton(self.tr("Add assistance"))
        self.add_button.clicked.connect(self.add)
        self.void_button = QPushButton(self.tr("Void"))
        self.void_button.clicked.connect(self.void_selected)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.void_button)
        actions.addStretch(1)
        actions.addWidget(self.total)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self.body)
        layout.addWidget(header)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        self.set_buttons(close)
        self.refresh()
        self.resize(820, 420)

    def _notes(self, record: Assistance) -> str:
        if record.voided:
            return self.tr("Voided: {reason}").format(reason=record.void_reason)
        return record.notes

    def refresh(self) -> None:
        records = hardship.assistance_of(self.file)
        self.model.set_records(records)
        valid = [a for a in records if not a.voided]
        amount = sum((a.cash + a.goods_value for a in valid), visits.ZERO)
        # every row shown is counted; the voided ones are named, as they are not in the amount
        voided = len(records) - len(valid)
        if voided:
            text = self.tr("{count} record(s), {voided} of them voided (not counted), {amount} yuan").format(
                count=len(records), voided=voided, amount=f"{amount:,.2f}")
        else:
            text = self.tr("{count} record(s), {amount} yuan").format(count=len(records), amount=f"{amount:,.2f}")
        self.total.setText(text)
        self._update_buttons()

    def selected(self) -> Assistance | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        record = self.selected()
        self.void_button.setEnabled(record is not None and not record.voided)

    def add(self) -> None:
        form = AssistanceForm(self.file, self)
        if form.exec():
            self.changed = True
            self.refresh()

    @surfaces_errors
    def void_selected(self) -> None:
        record = self.selected()
        if record is None or record.voided:
            return
        reason = ask_text(
            self,
            self.tr("Void assistance"),
            self.tr("Void the {kind} of {date}.\nReason (required):").format(kind=record.kind, date=f"{record.date:%Y-%m-%d}"),
        )
        if reason is None:
            return
        try:
            hardship.void_assistance(record, reason)
        except ValidationError as exc:
            show_error(self, self.tr("Void assistance"), exc)
            return
        self.changed = True
        self.refresh()
