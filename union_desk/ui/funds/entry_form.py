"""记一笔 (EntryForm, on the form base): an entry typed by hand — 日期, 科目, 摘要, 金额, 经办人, 附件张数,
备注. The service refuses 0, negatives and more than two decimals, and dates in a closed period,
with its own message (shown in the form, nothing saved). Past the budget it raises
funds.OverBudget: the form shows the warning ("超出预算1,000.00元") and reveals 超预算原因, which is
then required; saving again with the reason records the entry.

Reversals are never typed: the page's 冲销… makes them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from union_desk.db.fund_models import FundEntry
from union_desk.errors import UnionDeskError
from union_desk.services import funds, settings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.funds.common import amber_label, error_label, message_of, say
from union_desk.ui.hardship.common import choice_combo, date_edit, edit_date, money_edit, save_cancel_buttons, show_error
from union_desk.ui.widgets.form_base import FormDialog


class EntryForm(FormDialog):
    def __init__(self, parent: QWidget | None = None, day: dt.date | None = None, category_code: str = ""):
        super().__init__(parent)
        self.saved: FundEntry | None = None
        self.warnings: list[str] = []
        self.setWindowTitle(self.tr("New funds entry"))

        self.date = date_edit(day or dt.date.today())
        self.date.setObjectName("date")
        self.category = choice_combo([])
        self.category.setObjectName("category")
        for category in funds.categories(active_only=True):
            self.category.addItem(funds.category_label(category), category.code)
        if category_code:
            self.category.setCurrentIndex(max(0, self.category.findData(category_code)))
        self.category.setMinimumContentsLength(16)
        self.summary = QLineEdit()
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText(self.tr("e.g. 2026年第一季度拨缴经费, 购买教工篮球"))
        self.amount = money_edit(placeholder=self.tr("yuan, e.g. 1,200.00"))
        self.amount.setObjectName("amount")
        self.handler = QLineEdit(settings.get("default_handler"))
        self.handler.setObjectName("handler")
        self.attachments = QSpinBox()
        self.attachments.setObjectName("attachments")
        self.attachments.setRange(0, 999)
        self.attachments.setSuffix(self.tr(" sheet(s)"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(52)
        self.budget_note = amber_label()
        self.reason_label = QLabel(self.tr("Reason for going over the budget"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("over_budget_reason")
        self.reason.setFixedHeight(52)
        self.reason.setPlaceholderText(self.tr("Required: why this spending goes past the budget"))
        self.error = error_label()

        form = QFormLayout(self.body)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Amount (yuan)"), self.amount)
        form.addRow(self.tr("Handler"), self.handler)
        form.addRow(self.tr("Attachments"), self.attachments)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.budget_note)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.error)
        self.reason_label.setVisible(False)
        self.reason.setVisible(False)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))

        self.amount.editingFinished.connect(self.update_budget_note)
        self.category.currentIndexChanged.connect(lambda _i: self.update_budget_note())
        self.date.dateChanged.connect(lambda _d: self.update_budget_note())
        self.summary.setMinimumWidth(340)

    # --- the budget ------------------------------------------------------------------------------

    def reason_shown(self) -> bool:
        return not self.reason.isHidden()

    def show_reason(self, warning: str) -> None:
        say(self.budget_note, self.tr("{warning}: give the reason below, then save again.").format(warning=warning))
        self.reason_label.setVisible(True)
        self.reason.setVisible(True)
        self.reason.setFocus()

    def update_budget_note(self) -> None:
        """Say it before saving when the amount typed takes the category past its budget."""
        category = funds.category_by_code(self.category.currentData() or "")
        try:
            from union_desk.domain import funds as rules

            amount = rules.parse_hand_amount(self.amount.text())
        except UnionDeskError:
            amount = None
        warning = funds.budget_warning(category, edit_date(self.date), amount) if category and amount else ""
        if warning:
            self.show_reason(warning)
        elif not self.reason.toPlainText().strip():
            say(self.budget_note, "")
            self.reason_label.setVisible(False)
            self.reason.setVisible(False)

    # --- saving -----------------------------------------------------------------------------------

    def data(self) -> dict:
        data = {
            "date": edit_date(self.date),
            "category": self.category.currentData() or "",
            "summary": self.summary.text(),
            "amount": self.amount.text(),
            "handler": self.handler.text(),
            "attachments": self.attachments.value(),
            "notes": self.notes.toPlainText(),
        }
        if self.reason_shown():
            data["over_budget_reason"] = self.reason.toPlainText()
        return data

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        asked = self.reason_shown()  # the reason was already asked for: saving without it is refused
        try:
            self.saved, self.warnings = funds.add_entry(self.data())
        except funds.OverBudget as exc:
            self.show_reason(exc.warning)
            if asked:
                say(self.error, exc.message)
            return
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


def new_entry(parent: QWidget, day: dt.date | None = None) -> FundEntry | None:
    form = EntryForm(parent, day)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None
