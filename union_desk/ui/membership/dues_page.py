"""会费 (issue 20): what each member owes and paid for a period (`services.dues.dues_rows`).

- The period chooser: year and month / quarter / half, as the `dues_period` setting says. It starts
  on the latest period that has ended when periods are months or quarters (the current one is mostly
  not collected yet: its 收缴率 would read 0%), on the current one for halves (a half is six months:
  the last one ended may be five months back).
- The table: 姓名, 部门, 缴费基数, 应缴, 实缴, 欠缴月数, 说明 (免缴 and its reason, 已随…缴纳,
  未设缴费基数). Members six months or more in arrears are highlighted, and a line above the table
  says how many (a warning for the chair, not an exit). 只看未缴 keeps the unpaid rows.
- The totals of the period: 应缴 … 实缴 … 收缴率 …%.
- 登记缴费… (the selected member), 按应缴批量登记… (the selected unpaid rows, or every unpaid row
  shown when none is selected), 作废缴费…, 设置缴费基数…, 免缴…, 导入工资代扣表… (the payroll
  import), 打印收缴登记表… and 打印收据… (a cash payment's receipt), through the print preview.
  After a cash payment its receipt number is said and printing the receipt offered. 设置缴费基数…
  and 免缴… also delete a wrong base, end or delete an exemption (dues_forms).
- A payment voided for the period shows in 说明 (已作废 …) while the row owes again.

`changed` is emitted after a write here (the area page marks its other tab stale)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.membership_models import DuesPayment
from union_desk.domain import membership as rules
from union_desk.services import dues
from union_desk.ui.membership.dues_forms import (
    BaseForm,
    ask_yes,
    BatchPaymentForm,
    ExemptionForm,
    PaymentForm,
    PeriodChooser,
    VoidPaymentForm,
    money,
    payment_text,
    run_form,
)
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view

FLAG_BACKGROUND = QColor("#fde2e1")  # six months or more in arrears
FLAG_TEXT = "#b00020"
EXEMPT_TEXT = "#666666"
WARNING_STYLE = ("color: #7a4b00; background: #fff4d6; border: 1px solid #e6c06a; border-radius: 3px;"
                 " padding: 4px 6px;")


def opening_period(today: dt.date, kind: str) -> rules.DuesPeriod:
    """The period the page opens on: the latest ended one for months and quarters, the current one
    for halves."""
    current = rules.period_of(today, kind)
    if kind == "half":
        return current
    return rules.period_of(current.first - dt.timedelta(days=1), kind)


def is_flagged(row) -> bool:
    return row.arrears_months >= rules.ARREARS_FLAG_MONTHS


class DuesModel(RecordTableModel):
    """The dues rows; a flagged row has a light red background."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            return FLAG_BACKGROUND if is_flagged(self.records[index.row()]) else None
        return super().data(index, role)


class DuesPage(QWidget):
    changed = Signal()  # a payment, base or exemption was written here

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.today = today
        self.rows: list = []  # every row of the period (the table may show fewer)

        self.chooser = PeriodChooser(today)
        self.chooser.set_period(opening_period(today or dt.date.today(), self.chooser.kind))
        self.voided: dict[int, list] = {}  # member id → payments voided for the period
        self.unpaid_only = QCheckBox(self.tr("Unpaid only"))
        self.unpaid_only.setObjectName("unpaidOnly")
        self.settings_note = QLabel()
        self.settings_note.setObjectName("duesSettingsNote")
        self.settings_note.setStyleSheet(f"color: {EXEMPT_TEXT};")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.chooser)
        top.addSpacing(12)
        top.addWidget(self.unpaid_only)
        top.addStretch(1)

        self.pay_button = QPushButton(self.tr("Record payment…"))
        self.batch_button = QPushButton(self.tr("Mark as paid as owed…"))
        self.void_button = QPushButton(self.tr("Void payment…"))
        self.base_button = QPushButton(self.tr("Set wage base…"))
        self.exempt_button = QPushButton(self.tr("Exempt…"))
        self.import_button = QPushButton(self.tr("Import payroll deductions…"))
        self.sheet_button = QPushButton(self.tr("Print collection sheet…"))
        self.receipt_button = QPushButton(self.tr("Print receipt…"))
        for button in (self.import_button, self.sheet_button, self.receipt_button):
            top.addWidget(button)
        actions = QHBoxLayout()
        for button in (self.pay_button, self.batch_button, self.void_button, self.base_button, self.exempt_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.flag_line = QLabel()
        self.flag_line.setObjectName("duesFlagged")
        self.flag_line.setWordWrap(True)
        self.flag_line.setStyleSheet(WARNING_STYLE)
        self.flag_line.setVisible(False)

        columns = [
            Column(self.tr("Name"), lambda r: r.member.name, 90, foreground=self._colour),
            Column(self.tr("Department"), lambda r: r.member.department, 110),
            Column(self.tr("Wage base"), lambda r: r.base, 100, full="99,999.00"),
            Column(self.tr("Owed"), lambda r: r.owed, 80, full="9,999.00"),
            Column(self.tr("Paid"), lambda r: r.paid, 80, full="9,999.00"),
            Column(self.tr("Months unpaid to date"), lambda r: r.arrears_months or None, 70, full="99",
                   foreground=self._colour),
            Column(self.tr("Note"), self._note, 220, stretch=True, foreground=self._note_colour),
        ]
        self.model = DuesModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24)
        self.view.setObjectName("duesTable")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _i: self.record_payment())

        self.totals_line = QLabel()
        self.totals_line.setObjectName("duesTotals")
        self.hint = QLabel(self.tr("Select several unpaid rows (Ctrl or Shift) to mark them paid at once."))
        self.hint.setStyleSheet(f"color: {EXEMPT_TEXT};")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.flag_line)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals_line, 1)
        bottom.addWidget(self.settings_note)
        layout.addLayout(bottom)
        layout.addWidget(self.hint)

        self.chooser.changed.connect(self.refresh)
        self.unpaid_only.toggled.connect(lambda _on: self._show_rows())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.pay_button.clicked.connect(self.record_payment)
        self.batch_button.clicked.connect(self.mark_paid)
        self.void_button.clicked.connect(self.void_payment)
        self.base_button.clicked.connect(self.set_base)
        self.exempt_button.clicked.connect(self.exempt)
        self.import_button.clicked.connect(self.import_payroll)
        self.sheet_button.clicked.connect(self.print_sheet)
        self.receipt_button.clicked.connect(self.print_receipt)
        self._update_buttons()

    # --- filling ----------------------------------------------------------------------------------

    def period(self) -> rules.DuesPeriod:
        return self.chooser.period()

    def set_period(self, period) -> None:
        self.chooser.set_period(period)  # refreshes when it changes

    def refresh(self) -> None:
        self.chooser.follow_setting()
        selected = [r.member.id for r in self.selected_rows()]
        period = self.period()
        self.rows = dues.dues_rows(period, self.today)
        self.voided = {}
        for payment in (DuesPayment.select().where(DuesPayment.voided & (DuesPayment.period == period.code))
                        .order_by(DuesPayment.date, DuesPayment.id)):
            self.voided.setdefault(payment.member_id, []).append(payment)
        self._show_settings()
        self._show_rows(selected)

    def _show_settings(self) -> None:
        label = rules.PERIOD_KINDS[dues.period_kind()][0]
        rounding = rules.ROUNDINGS[dues.rounding()][0]
        self.settings_note.setText(self.tr("{kind} · rate {rate}% · {rounding}").format(
            kind=label, rate=dues.rate().normalize(), rounding=rounding))

    def _show_rows(self, selected: list[int] | None = None) -> None:
        if selected is None:
            selected = [r.member.id for r in self.selected_rows()]
        shown = [r for r in self.rows if r.unpaid] if self.unpaid_only.isChecked() else list(self.rows)
        self.model.set_records(shown)
        flagged = [r for r in self.rows if is_flagged(r)]
        if flagged:
            self.flag_line.setText(self.tr(
                "{n} member(s) have not paid for {months} months or more (highlighted): remind them. "
                "This is a warning, not an exit from the union.").format(n=len(flagged), months=rules.ARREARS_FLAG_MONTHS))
        self.flag_line.setVisible(bool(flagged))
        totals = dues.totals(self.rows)
        rate = "—" if totals.rate is None else f"{totals.rate}%"
        self.totals_line.setText(self.tr(
            "{period}: {members} member(s), {unpaid} unpaid, {exempt} exempt · owed {owed} · paid {paid} · "
            "collection rate {rate}").format(period=self.period().label, members=totals.members, unpaid=totals.unpaid,
                                             exempt=totals.exempt, owed=money(totals.owed), paid=money(totals.paid),
                                             rate=rate))
        for member_id in selected:
            self.select_member(member_id, add=True)
        self._update_buttons()

    # --- cells ----------------------------------------------------------------------------------------

    def _colour(self, row) -> str | None:
        return FLAG_TEXT if is_flagged(row) else None

    def _note(self, row) -> str:
        """The service's note, then the payments voided for the period (the row owes again)."""
        parts = [row.note] if row.note else []
        for payment in self.voided.get(row.member.id, []):
            text = self.tr("voided {amount} paid {day}").format(amount=money(payment.amount), day=payment.date.isoformat())
            if payment.receipt:
                text += f"（{payment.receipt}）"
            if payment.void_reason:
                text += self.tr(": {reason}").format(reason=payment.void_reason)
            parts.append(text)
        return "；".join(parts)

    def _note_colour(self, row) -> str | None:
        if is_flagged(row):
            return FLAG_TEXT
        return EXEMPT_TEXT if row.exempt_reason or row.covered_by else None

    # --- selection ------------------------------------------------------------------------------------

    def selected_rows(self) -> list:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.record_at(r) for r in rows if r < len(self.model.records)]

    def current_row(self):
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def select_member(self, member_id: int, add: bool = False) -> bool:
        for number, row in enumerate(self.model.records):
            if row.member.id == member_id:
                if add:
                    from PySide6.QtCore import QItemSelectionModel

                    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                    self.view.selectionModel().select(self.model.index(number, 0), flags)
                else:
                    self.view.selectRow(number)
                self.view.scrollTo(self.model.index(number, 0))
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.current_row()
        one = row is not None
        self.pay_button.setEnabled(one)
        self.base_button.setEnabled(one)
        self.exempt_button.setEnabled(one)
        self.void_button.setEnabled(one and bool(row.payments))
        self.receipt_button.setEnabled(one and any(p.receipt for p in row.payments))
        chosen = self.selected_rows() or self.model.records
        self.batch_button.setEnabled(any(r.unpaid for r in chosen))

    # --- actions --------------------------------------------------------------------------------------

    def _wrote(self, member_id: int | None = None) -> None:
        self.changed.emit()
        self.refresh()
        if member_id is not None:
            self.view.clearSelection()
            self.select_member(member_id)

    def _need_one(self):
        row = self.current_row()
        if row is None:
            QMessageBox.information(self, self.tr("Dues"), self.tr("Select one member in the list first."))
        return row

    def record_payment(self):
        row = self._need_one()
        if row is None:
            return None
        day = dt.date.today()
        saved = run_form(PaymentForm(row.member, self.period(), self, day))
        if saved is not None:
            self._wrote(row.member.id)
            if saved.receipt:
                self.offer_receipt(saved)
        return saved

    def offer_receipt(self, payment) -> bool:
        """A cash payment was recorded: say its receipt number and offer to print the receipt."""
        title = self.tr("Cash payment recorded")
        text = self.tr("The cash payment of {amount} yuan by {name} has receipt number {receipt}.\n\n"
                       "Print the receipt now?").format(amount=money(payment.amount), name=payment.member.name,
                                                         receipt=payment.receipt)
        if not ask_yes(self, title, text):
            return False
        self._print_receipt_of(payment)
        return True

    def mark_paid(self):
        chosen = self.selected_rows() or list(self.model.records)
        unpaid = [r for r in chosen if r.unpaid]
        if not unpaid:
            QMessageBox.information(self, self.tr("Mark as paid as owed"),
                                    self.tr("None of the rows chosen is unpaid."))
            return None
        saved = run_form(BatchPaymentForm(self.period(), unpaid, self))
        if saved:
            self._wrote()
        return saved

    def void_payment(self):
        row = self._need_one()
        if row is None:
            return None
        if not row.payments:
            QMessageBox.information(self, self.tr("Void payment"),
                                    self.tr("{name} has no payment for {period}.").format(
                                        name=row.member.name, period=self.period().label))
            return None
        saved = run_form(VoidPaymentForm(row.member, row.payments, self))
        if saved is not None:
            self._wrote(row.member.id)  # 说明 now shows the voided payment
        return saved

    def set_base(self):
        row = self._need_one()
        if row is None:
            return None
        form = BaseForm(row.member, self, self.period().first)
        saved = run_form(form)
        if saved is not None or form.touched:  # saved, or a wrong base deleted
            self._wrote(row.member.id)
        return saved

    def exempt(self):
        row = self._need_one()
        if row is None:
            return None
        form = ExemptionForm(row.member, self, self.period().first)
        saved = run_form(form)
        if saved is not None or form.touched:  # saved, or an exemption ended or deleted
            self._wrote(row.member.id)
        return saved

    def import_payroll(self):
        from union_desk.ui.membership.payroll_import import PayrollImportDialog

        dialog = PayrollImportDialog(self, self.period())
        try:
            dialog.exec()
            report = dialog.report
        finally:
            dialog.deleteLater()
        if report is not None:
            self._wrote()
        return report

    def print_sheet(self) -> None:
        from union_desk.printing.membership import print_dues_sheet
        from union_desk.ui.hardship.print_actions import print_pdf

        period = self.period()
        print_pdf(self, self.tr("Print collection sheet"), f"会费收缴登记表-{period.label}",
                  lambda path: print_dues_sheet(period.code, path))

    def print_receipt(self) -> None:
        row = self._need_one()
        if row is None:
            return
        receipts = [p for p in row.payments if p.receipt]
        if not receipts:
            QMessageBox.information(self, self.tr("Print receipt"),
                                    self.tr("Receipts are for cash payments; {name} has none for {period}.").format(
                                        name=row.member.name, period=self.period().label))
            return
        payment = receipts[-1]
        if len(receipts) > 1:
            texts = [payment_text(p) for p in receipts]
            chosen, ok = QInputDialog.getItem(self, self.tr("Print receipt"), self.tr("Which payment?"), texts,
                                              len(texts) - 1, False)
            if not ok:
                return
            payment = receipts[texts.index(chosen)]
        self._print_receipt_of(payment)

    def _print_receipt_of(self, payment) -> None:
        from union_desk.printing.membership import print_dues_receipt
        from union_desk.ui.hardship.print_actions import print_pdf

        print_pdf(self, self.tr("Print receipt"), f"会费收据-{payment.receipt}",
                  lambda path: print_dues_receipt(payment.id, path))
