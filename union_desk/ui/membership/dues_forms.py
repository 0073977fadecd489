"""会费 dialogs, on the form base (issue 20):

- `PaymentForm` 登记缴费: the member, the period, the amount (what is still owed for the period),
  date, method (工资代扣 / 现金 / 转账), collector, note → `dues.record_payment`. A payment the service
  asks about first (`NeedsConfirmation`: an exempt member, a period already paid) is put to the user
  as a question with its warnings; 是 saves it with force=True.
- `BatchPaymentForm` 按应缴批量登记: many unpaid members at once, method / date / collector asked
  once, each checked by `dues.check_payment`; the ones that warn are listed and need an explicit
  yes; then `dues.record_payments` under one batch name (the funds book posts one entry).
- `BaseForm` 设置缴费基数: amount, effective date, note → `dues.set_base`; the bases on file are
  listed and a wrong one can be deleted (asked first) → `dues.delete_base`.
- `ExemptionForm` 免缴: start, end (open-ended allowed), reason → `dues.add_exemption`; the
  exemptions on file are listed, one can be ended on a day (the service has no "end": a new
  exemption with the same start, reason and that end is added, then the old one removed) or deleted
  (`dues.remove_exemption`), each asked first. `touched` is True once the form deleted or ended one
  (the page reloads even when the form is then cancelled).
- `VoidPaymentForm` 作废缴费: which payment (when the period has several) and the reason →
  `dues.void_payment`.
- `PeriodChooser`: year + month / quarter / half (the `dues_period` setting), shared with the page
  and the payroll import.

A refused value is shown in red under its field (the service's Chinese message), the form stays
open with what was typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.membership_models import DuesPayment
from union_desk.db.models import Member
from union_desk.domain import membership as rules
from union_desk.errors import UnionDeskError, ValidationError
from union_desk.services import dues, settings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, date_edit, edit_date, money_edit, save_cancel_buttons
from union_desk.ui.widgets.form_base import FormDialog, fit_to_screen
from union_desk.ui.widgets.form_messages import ERROR_COLOR, error_label, message_of, say

MUTED_COLOR = "#666666"
FIELD_ERROR_STYLE = f"border: 1px solid {ERROR_COLOR};"


def money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


# --- the period ------------------------------------------------------------------------------------


class PeriodChooser(QWidget):
    """Year and period of the `dues_period` setting (months, quarters or halves); `changed` when
    either changes. Starts on the period holding `today`."""

    changed = Signal()

    def __init__(self, today: dt.date | None = None, parent=None, *, show_dates: bool = True):
        super().__init__(parent)
        today = today or dt.date.today()
        self.kind = dues.period_kind()
        self.year = QSpinBox()
        self.year.setObjectName("duesYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(today.year)
        self.year.setKeyboardTracking(False)
        self.part = QComboBox()
        self.part.setObjectName("duesPeriod")
        self.dates = QLabel()
        self.dates.setStyleSheet(f"color: {MUTED_COLOR};")
        self.dates.setVisible(show_dates)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year)
        row.addWidget(self.part)
        row.addWidget(self.dates)
        self._fill_parts(rules.period_of(today, self.kind))
        self.year.valueChanged.connect(lambda _v: self._changed())
        self.part.currentIndexChanged.connect(lambda _i: self._changed())

    def _parts(self) -> list[tuple[str, str]]:
        """(text, code suffix) of the periods of a year for the setting's kind."""
        if self.kind == "quarter":
            return [(self.tr("Quarter {n}").format(n=n), f"Q{n}") for n in range(1, 5)]
        if self.kind == "half":
            return [(self.tr("First half"), "H1"), (self.tr("Second half"), "H2")]
        return [(self.tr("Month {n}").format(n=n), f"{n:02d}") for n in range(1, 13)]

    def _fill_parts(self, period: rules.DuesPeriod) -> None:
        self.part.blockSignals(True)
        self.part.clear()
        for text, suffix in self._parts():
            self.part.addItem(text, suffix)
        suffix = period.code.split("-", 1)[1]
        self.part.setCurrentIndex(max(0, self.part.findData(suffix)))
        self.part.blockSignals(False)
        self.year.blockSignals(True)
        self.year.setValue(period.first.year)
        self.year.blockSignals(False)
        self._show_dates()

    def period(self) -> rules.DuesPeriod:
        return rules.parse_period(f"{self.year.value()}-{self.part.currentData()}")

    def set_period(self, period: rules.DuesPeriod | str) -> None:
        """Show `period` (a period of another kind shows the one of the setting holding its first day)."""
        if not isinstance(period, rules.DuesPeriod):
            period = rules.parse_period(period)
        wanted = rules.period_of(period.first, self.kind)
        if wanted == self.period():
            return
        self._fill_parts(wanted)
        self.changed.emit()

    def follow_setting(self) -> bool:
        """The `dues_period` setting changed: offer its periods (the one holding the current
        period's first day). True when it changed."""
        kind = dues.period_kind()
        if kind == self.kind:
            return False
        first = self.period().first
        self.kind = kind
        self._fill_parts(rules.period_of(first, kind))
        return True

    def _show_dates(self) -> None:
        period = self.period()
        self.dates.setText(f"{period.first.isoformat()} ~ {period.last.isoformat()}")

    def _changed(self) -> None:
        self._show_dates()
        self.changed.emit()


# --- messages at the fields ---------------------------------------------------------------------------


class FieldMessages:
    """A red line under each field for the service's message about it (ValidationError.field);
    a message for no known field goes to the form's own error line."""

    def __init__(self, form: QFormLayout, general: QLabel):
        self.form = form
        self.general = general
        self.fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add_row(self, label: str, widget: QWidget, *names: str) -> QLabel:
        message = error_label()
        message.setObjectName(f"{names[0]}Error" if names else "fieldError")
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(message)
        self.form.addRow(label, holder)
        for name in names:
            self.fields[name] = (widget, message)
        return message

    def clear(self) -> None:
        say(self.general, "")
        for widget, message in self.fields.values():
            say(message, "")
            widget.setStyleSheet("")

    def show(self, exc: Exception) -> None:
        text = message_of(exc)
        name = getattr(exc, "field", None) or ""
        if name in self.fields:
            widget, message = self.fields[name]
            say(message, text)
            widget.setStyleSheet(FIELD_ERROR_STYLE)
            widget.setFocus()
        else:
            say(self.general, text)
        grow(self.general.window())

    def message(self, name: str) -> str:
        """The message shown at field `name` ('' when none)."""
        _widget, label = self.fields[name]
        return "" if label.isHidden() else label.text()


def form_layout(body: QWidget) -> QFormLayout:
    """The form's rows at the top of `body`; spare height stays below them."""
    outer = QVBoxLayout(body)
    form = QFormLayout()
    outer.addLayout(form)
    outer.addStretch(1)
    return form


def grow(dialog) -> None:
    """Make room for a message just shown (as far as the screen allows) rather than scroll."""
    if not isinstance(dialog, FormDialog) or not dialog.isVisible() or dialog.scroll_area is None:
        return
    dialog.body.layout().invalidate()
    dialog.body.adjustSize()
    dialog.scroll_area.updateGeometry()
    wanted = dialog.sizeHint().expandedTo(dialog.size())
    if wanted != dialog.size():
        fit_to_screen(dialog, wanted)


def _member_line(member: Member) -> QLabel:
    text = member.name + (f"（{member.department}）" if member.department else "")
    label = QLabel(text)
    label.setObjectName("memberName")
    label.setStyleSheet("font-weight: bold;")
    return label


def _note_edit(name: str = "note") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setFixedHeight(52)
    return edit


def ask_yes(parent: QWidget, title: str, text: str) -> bool:
    """A yes / no question (No is the default); tests patch QMessageBox.question."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


USER_ROLE = Qt.ItemDataRole.UserRole
ITEM_SELECTABLE = Qt.ItemFlag.ItemIsSelectable


def _record_list(name: str) -> QListWidget:
    """The bases / exemptions on file: a short list to pick one from."""
    listing = QListWidget()
    listing.setObjectName(name)
    listing.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    listing.setFixedHeight(76)
    return listing


def _list_with_buttons(listing: QListWidget, *widgets: QWidget) -> QWidget:
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(listing)
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    box.addLayout(row)
    return holder


# --- 登记缴费 ------------------------------------------------------------------------------------------


class PaymentForm(FormDialog):
    """One payment of one member. `saved` is the DuesPayment after 保存."""

    def __init__(self, member: Member, period: rules.DuesPeriod, parent: QWidget | None = None,
                 day: dt.date | None = None):
        super().__init__(parent)
        self.member = member
        self.saved: DuesPayment | None = None
        self.asked: list[str] = []  # the warnings the user was asked about
        self.setWindowTitle(self.tr("Record a dues payment"))

        self.period = QLineEdit(period.label)
        self.period.setObjectName("period")
        self.period.setPlaceholderText(self.tr("e.g. {year}-03, {year}-Q1, {year}年上半年").format(
            year=(day or dt.date.today()).year))
        self.owed_note = QLabel()
        self.owed_note.setObjectName("owedNote")
        self.owed_note.setWordWrap(True)
        self.owed_note.setStyleSheet(f"color: {MUTED_COLOR};")
        self.amount = money_edit(placeholder=self.tr("yuan"))
        self.amount.setObjectName("amount")
        self.date = date_edit(day or dt.date.today())
        self.date.setObjectName("date")
        self.method = choice_combo(rules.METHODS)
        self.method.setObjectName("method")
        self.collector = QLineEdit(settings.get("default_handler"))
        self.collector.setObjectName("collector")
        self.note = _note_edit()
        self.error = error_label()

        form = form_layout(self.body)
        form.addRow(self.tr("Member"), _member_line(member))
        self.messages = FieldMessages(form, self.error)
        period_message = self.messages.add_row(self.tr("Period"), self.period, "period")
        period_message.parentWidget().layout().insertWidget(1, self.owed_note)
        self.messages.add_row(self.tr("Amount paid (yuan)"), self.amount, "amount")
        self.messages.add_row(self.tr("Date paid"), self.date, "date")
        self.messages.add_row(self.tr("Method"), self.method, "method")
        self.messages.add_row(self.tr("Collector"), self.collector, "collector")
        self.messages.add_row(self.tr("Note"), self.note, "note")
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        self.collector.setMinimumWidth(260)
        self.resize(480, 400)

        self._amount_filled = ""
        self.period.editingFinished.connect(self.fill_owed)
        self.fill_owed()

    def fill_owed(self) -> None:
        """Say what the member owes for the period typed, and put what is left in 实缴 when the
        amount was not typed by hand."""
        try:
            row = dues.owed_for(self.member, dues.parse_period(self.period.text()))
        except UnionDeskError:
            return
        left = max(row.owed - row.paid, rules.ZERO)
        if row.exempt_reason:
            text = self.tr("Exempt: {reason}").format(reason=row.exempt_reason)
        elif row.base is None:
            text = self.tr("No wage base on file for this period.")
        elif row.covered_by:
            text = self.tr("Already paid with {period}.").format(period=row.covered_by)
        else:
            text = self.tr("Base {base} · owed {owed} · paid {paid}").format(
                base=money(row.base), owed=money(row.owed), paid=money(row.paid))
        self.owed_note.setText(text)
        if self.amount.text() in ("", self._amount_filled):
            self._amount_filled = money(left) if left > 0 else ""
            self.amount.setText(self._amount_filled)

    def data(self) -> dict:
        return {
            "period": self.period.text(),
            "amount": self.amount.text(),
            "date": edit_date(self.date),
            "method": self.method.currentText(),
            "collector": self.collector.text(),
            "note": self.note.toPlainText(),
        }

    @surfaces_errors
    def accept(self) -> None:
        self.messages.clear()
        data = self.data()
        try:
            try:
                self.saved = dues.record_payment(self.member, data)
            except dues.NeedsConfirmation as exc:
                self.asked = list(exc.warnings)
                if not ask_yes(self, self.windowTitle(), "\n".join(exc.warnings)):
                    return
                self.saved = dues.record_payment(self.member, data, force=True)
        except UnionDeskError as exc:
            self.messages.show(exc)
            return
        super().accept()


# --- 按应缴批量登记 ------------------------------------------------------------------------------------


class BatchPaymentForm(FormDialog):
    """Mark `rows` (DuesRow, unpaid) as paid with what each still owes: method, date and collector
    once. `saved` lists the payments written; `skipped` the names left out (warned and not confirmed,
    or refused)."""

    LIST_LIMIT = 40

    def __init__(self, period: rules.DuesPeriod, rows: list, parent: QWidget | None = None, day: dt.date | None = None):
        super().__init__(parent)
        self.period = period
        self.rows = [r for r in rows if r.unpaid and r.owed > r.paid]
        self.saved: list[DuesPayment] = []
        self.skipped: list[str] = []
        self.setWindowTitle(self.tr("Mark as paid as owed"))

        total = sum((r.owed - r.paid for r in self.rows), rules.ZERO)
        about = QLabel(self.tr("{period}: {n} member(s), {total} yuan in all, each paying what is still owed.").format(
            period=period.label, n=len(self.rows), total=money(total)))
        about.setObjectName("batchAbout")
        about.setWordWrap(True)
        names = [f"{r.member.name} {money(r.owed - r.paid)}" for r in self.rows[:self.LIST_LIMIT]]
        if len(self.rows) > self.LIST_LIMIT:
            names.append(self.tr("… and {n} more").format(n=len(self.rows) - self.LIST_LIMIT))
        listing = QLabel("、".join(names))
        listing.setObjectName("batchNames")
        listing.setWordWrap(True)
        listing.setStyleSheet(f"color: {MUTED_COLOR};")
        self.date = date_edit(day or dt.date.today())
        self.date.setObjectName("date")
        self.method = choice_combo(rules.METHODS)
        self.method.setObjectName("method")
        self.collector = QLineEdit(settings.get("default_handler"))
        self.collector.setObjectName("collector")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.error = error_label()

        form = form_layout(self.body)
        form.addRow(about)
        form.addRow(listing)
        self.messages = FieldMessages(form, self.error)
        self.messages.add_row(self.tr("Date paid"), self.date, "date")
        self.messages.add_row(self.tr("Method"), self.method, "method")
        self.messages.add_row(self.tr("Collector"), self.collector, "collector")
        self.messages.add_row(self.tr("Note"), self.note, "note")
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Record {n} payment(s)").format(n=len(self.rows))))
        self.collector.setMinimumWidth(260)
        listing.setMinimumWidth(460)
        self.resize(560, 420)

    def item_data(self, row) -> dict:
        return {
            "period": self.period.code,
            "amount": row.owed - row.paid,
            "date": edit_date(self.date),
            "method": self.method.currentText(),
            "collector": self.collector.text(),
            "note": self.note.text(),
        }

    @surfaces_errors
    def accept(self) -> None:
        self.messages.clear()
        if not self.rows:
            say(self.error, self.tr("None of these members owes anything for the period."))
            return
        clean, warned, refused = [], [], []
        for row in self.rows:
            try:
                values, warnings = dues.check_payment(row.member, self.item_data(row))
            except ValidationError as exc:
                if exc.field in ("date", "method", "collector", "note"):
                    self.messages.show(exc)  # the same for every row: say it once, at the field
                    return
                refused.append(f"{row.member.name}：{message_of(exc)}")
                continue
            (warned if warnings else clean).append((row, values, warnings))
        chosen = [values for _row, values, _w in clean]
        if warned:
            lines = [w for _row, _values, warnings in warned for w in warnings]
            shown = lines[:20] + ([self.tr("… and {n} more").format(n=len(lines) - 20)] if len(lines) > 20 else [])
            text = (self.tr("These {n} payment(s) need your confirmation:").format(n=len(warned)) + "\n"
                    + "\n".join(f"· {line}" for line in shown) + "\n\n"
                    + self.tr("Record them as well? (No: record only the others)"))
            if ask_yes(self, self.windowTitle(), text):
                chosen += [values for _row, values, _w in warned]
            else:
                self.skipped += [row.member.name for row, _values, _w in warned]
        self.skipped += [line.split("：", 1)[0] for line in refused]
        if not chosen:
            say(self.error, "\n".join(refused) or self.tr("Nothing was recorded."))
            return
        try:
            self.saved = dues.record_payments(chosen, dues.new_batch_name(self.period))
        except UnionDeskError as exc:
            self.messages.show(exc)
            return
        if refused:
            QMessageBox.information(self, self.windowTitle(), self.tr("Not recorded:") + "\n" + "\n".join(refused))
        super().accept()


# --- 设置缴费基数 ------------------------------------------------------------------------------------


class BaseForm(FormDialog):
    """The member's monthly wage base from a date on. `saved` is the WageBase after 保存."""

    def __init__(self, member: Member, parent: QWidget | None = None, effective: dt.date | None = None):
        super().__init__(parent)
        self.member = member
        self.saved = None
        self.setWindowTitle(self.tr("Set the wage base"))
        current = dues.base_on(member, dt.date.today())
        self.amount = money_edit(current.amount if current else None, self.tr("yuan a month"))
        self.amount.setObjectName("amount")
        self.effective = date_edit(effective or dt.date.today().replace(day=1))
        self.effective.setObjectName("effective")
        self.note = _note_edit()
        self.error = error_label()
        self.touched = False  # a base was deleted here
        self.history = _record_list("baseHistory")
        self.delete_button = QPushButton(self.tr("Delete the selected base…"))
        self.delete_button.setObjectName("deleteBase")
        self.delete_button.clicked.connect(self.delete_selected)
        self.history.itemSelectionChanged.connect(self._update_buttons)
        self._fill_history()
        hint = QLabel(self.tr("The base in effect on the first day of a period counts for that period. "
                              "A base on the same day replaces the one on file."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOR};")

        form = form_layout(self.body)
        form.addRow(self.tr("Member"), _member_line(member))
        form.addRow(self.tr("Bases on file"), _list_with_buttons(self.history, self.delete_button))
        self.messages = FieldMessages(form, self.error)
        self.messages.add_row(self.tr("Monthly wage base (yuan)"), self.amount, "amount")
        self.messages.add_row(self.tr("Effective from"), self.effective, "effective")
        self.messages.add_row(self.tr("Note"), self.note, "note")
        form.addRow(hint)
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        hint.setMinimumWidth(380)
        self.resize(520, 400)

    def _fill_history(self) -> None:
        self.history.clear()
        for base in reversed(dues.bases_of(self.member)):  # newest first
            text = f"{base.effective.isoformat()} 起 {money(base.amount)}（{base.source}）"
            if base.note:
                text += f" {base.note}"
            item = QListWidgetItem(text)
            item.setData(USER_ROLE, base.id)
            self.history.addItem(item)
        if not self.history.count():
            item = QListWidgetItem(self.tr("No wage base on file yet."))
            item.setFlags(item.flags() & ~ITEM_SELECTABLE)
            self.history.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.selected_base() is not None)

    def selected_base(self):
        from union_desk.db.membership_models import WageBase

        items = self.history.selectedItems()
        base_id = items[0].data(USER_ROLE) if items else None
        return WageBase.get_or_none(WageBase.id == base_id) if base_id else None

    @surfaces_errors
    def delete_selected(self) -> bool:
        """Delete the base selected in the list (a wrong one), asked first."""
        base = self.selected_base()
        if base is None:
            return False
        question = self.tr("Delete the wage base of {amount} yuan from {day}? The periods from that day are "
                           "then counted with the base before it.").format(amount=money(base.amount),
                                                                           day=base.effective.isoformat())
        if not ask_yes(self, self.tr("Delete the wage base"), question):
            return False
        try:
            dues.delete_base(base)
        except UnionDeskError as exc:
            self.messages.show(exc)
            return False
        self.touched = True
        self._fill_history()
        return True

    @surfaces_errors
    def accept(self) -> None:
        self.messages.clear()
        try:
            self.saved = dues.set_base(self.member, self.amount.text(), edit_date(self.effective),
                                       note=self.note.toPlainText())
        except UnionDeskError as exc:
            self.messages.show(exc)
            return
        super().accept()


# --- 免缴 ------------------------------------------------------------------------------------------------

EXEMPT_REASONS = ("长期病休", "停薪留职", "产假", "其他")


class ExemptionForm(FormDialog):
    """The member owes no dues from a start date (to an end date, or open-ended) for a reason."""

    def __init__(self, member: Member, parent: QWidget | None = None, start: dt.date | None = None):
        super().__init__(parent)
        self.member = member
        self.saved = None
        self.setWindowTitle(self.tr("Exempt from dues"))
        self.start = date_edit(start or dt.date.today().replace(day=1))
        self.start.setObjectName("start")
        self.end = date_edit(dt.date.today())
        self.end.setObjectName("end")
        self.open_ended = QCheckBox(self.tr("No end date"))
        self.open_ended.setObjectName("openEnded")
        self.open_ended.setChecked(True)
        self.end.setEnabled(False)
        self.open_ended.toggled.connect(lambda on: self.end.setEnabled(not on))
        end_row = QWidget()
        end_box = QHBoxLayout(end_row)
        end_box.setContentsMargins(0, 0, 0, 0)
        end_box.addWidget(self.end)
        end_box.addWidget(self.open_ended)
        end_box.addStretch(1)
        self.reason = choice_combo(EXEMPT_REASONS, editable=True)
        self.reason.setObjectName("reason")
        self.reason.setCurrentText("")
        self.error = error_label()
        self.touched = False  # an exemption was ended or deleted here
        self.existing = _record_list("exemptions")
        self.end_on = date_edit(dt.date.today())
        self.end_on.setObjectName("endOn")
        self.end_button = QPushButton(self.tr("End it on"))
        self.end_button.setObjectName("endExemption")
        self.end_button.clicked.connect(self.end_selected)
        self.remove_button = QPushButton(self.tr("Delete…"))
        self.remove_button.setObjectName("removeExemption")
        self.remove_button.clicked.connect(self.remove_selected)
        self.existing.itemSelectionChanged.connect(self._update_buttons)
        self._fill_existing()
        hint = QLabel(self.tr("Retired members and members keeping membership owe nothing without an exemption."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOR};")

        form = form_layout(self.body)
        form.addRow(self.tr("Member"), _member_line(member))
        form.addRow(self.tr("Exemptions on file"),
                    _list_with_buttons(self.existing, self.end_button, self.end_on, self.remove_button))
        self.messages = FieldMessages(form, self.error)
        self.messages.add_row(self.tr("From"), self.start, "start")
        self.messages.add_row(self.tr("To"), end_row, "end")
        self.messages.add_row(self.tr("Reason"), self.reason, "reason")
        form.addRow(hint)
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        hint.setMinimumWidth(380)
        self.resize(540, 400)

    def _fill_existing(self) -> None:
        self.existing.clear()
        for e in dues.exemptions_of(self.member):
            item = QListWidgetItem(f"{e.start.isoformat()} ~ {e.end.isoformat() if e.end else '…'} {e.reason}")
            item.setData(USER_ROLE, e.id)
            self.existing.addItem(item)
        if not self.existing.count():
            item = QListWidgetItem(self.tr("None"))
            item.setFlags(item.flags() & ~ITEM_SELECTABLE)
            self.existing.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_exemption()
        self.remove_button.setEnabled(chosen is not None)
        self.end_button.setEnabled(chosen is not None)
        self.end_on.setEnabled(chosen is not None)

    def selected_exemption(self):
        from union_desk.db.membership_models import DuesExemption

        items = self.existing.selectedItems()
        exemption_id = items[0].data(USER_ROLE) if items else None
        return DuesExemption.get_or_none(DuesExemption.id == exemption_id) if exemption_id else None

    @staticmethod
    def _text(e) -> str:
        return f"{e.start.isoformat()} ~ {e.end.isoformat() if e.end else '…'} {e.reason}"

    @surfaces_errors
    def remove_selected(self) -> bool:
        """Delete the exemption selected (a wrong one), asked first."""
        exemption = self.selected_exemption()
        if exemption is None:
            return False
        question = self.tr("Delete the exemption {exemption}? The member owes dues for those periods again.").format(
            exemption=self._text(exemption))
        if not ask_yes(self, self.tr("Delete the exemption"), question):
            return False
        try:
            dues.remove_exemption(exemption)
        except UnionDeskError as exc:
            self.messages.show(exc)
            return False
        self.touched = True
        self._fill_existing()
        return True

    @surfaces_errors
    def end_selected(self) -> bool:
        """End the exemption selected on the day beside the button (the member owes again from the
        next day), asked first: the same start and reason with that end are added, then the old one
        is removed (nothing is removed when the end is refused)."""
        exemption = self.selected_exemption()
        if exemption is None:
            return False
        self.messages.clear()
        end = edit_date(self.end_on)
        question = self.tr("End the exemption {exemption} on {day}? The member owes dues again from the period "
                           "after it.").format(exemption=self._text(exemption), day=end.isoformat())
        if not ask_yes(self, self.tr("End the exemption"), question):
            return False
        try:
            dues.end_exemption(exemption, end)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            grow(self)
            return False
        self.touched = True
        self._fill_existing()
        return True

    @surfaces_errors
    def accept(self) -> None:
        self.messages.clear()
        end = None if self.open_ended.isChecked() else edit_date(self.end)
        try:
            self.saved = dues.add_exemption(self.member, edit_date(self.start), end, self.reason.currentText())
        except UnionDeskError as exc:
            self.messages.show(exc)
            return
        super().accept()


# --- 作废缴费 -------------------------------------------------------------------------------------------


def payment_text(payment: DuesPayment) -> str:
    receipt = f" {payment.receipt}" if payment.receipt else ""
    return f"{payment.date.isoformat()} {payment.method} {money(payment.amount)}{receipt}"


class VoidPaymentForm(FormDialog):
    """Void one of `payments` (the funds book posts the reversal): which one, and why."""

    def __init__(self, member: Member, payments: list[DuesPayment], parent: QWidget | None = None):
        super().__init__(parent)
        self.member = member
        self.saved: DuesPayment | None = None
        self.setWindowTitle(self.tr("Void a dues payment"))
        self.payment = QComboBox()
        self.payment.setObjectName("payment")
        for payment in payments:
            self.payment.addItem(payment_text(payment), payment.id)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(60)
        self.error = error_label()
        hint = QLabel(self.tr("The payment stays on file marked void; the funds book posts the reversal."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOR};")
        form = form_layout(self.body)
        form.addRow(self.tr("Member"), _member_line(member))
        self.messages = FieldMessages(form, self.error)
        self.messages.add_row(self.tr("Payment"), self.payment, "payment")
        self.messages.add_row(self.tr("Reason"), self.reason, "reason")
        form.addRow(hint)
        form.addRow(self.error)
        buttons = save_cancel_buttons(self, self.tr("Void"))
        self.set_buttons(buttons)
        hint.setMinimumWidth(360)
        self.resize(480, 280)

    @surfaces_errors
    def accept(self) -> None:
        self.messages.clear()
        payment = DuesPayment.get_or_none(DuesPayment.id == self.payment.currentData())
        if payment is None:
            say(self.error, self.tr("Choose the payment to void."))
            return
        try:
            self.saved = dues.void_payment(payment, self.reason.toPlainText())
        except UnionDeskError as exc:
            self.messages.show(exc)
            return
        super().accept()


def run_form(form: FormDialog):
    """exec() the form; its `saved` when accepted, else None."""
    try:
        return form.saved if form.exec() == QDialog.DialogCode.Accepted else None
    finally:
        form.deleteLater()


