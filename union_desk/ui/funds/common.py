"""Small pieces shared by the 工会经费 pages and forms: the period chosen above the page, money
text, the colours (reversals red, over budget amber), a reason prompt on the form base."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets import form_messages
from union_desk.ui.widgets.form_base import FormDialog

REVERSAL_COLOR = "#b00020"  # a reversing entry (冲销) and refusals
AMBER_TEXT = "#7a4b00"
AMBER_BACKGROUND = "#fff4d6"  # a category over its budget
AMBER_STYLE = (f"color: {AMBER_TEXT}; background: {AMBER_BACKGROUND}; border: 1px solid #e6c06a;"
               " border-radius: 3px; padding: 4px 6px;")
MUTED_COLOR = "#666666"
OK_COLOR = "#1b5e20"

# the form messages, shared with the other pages (union_desk.ui.widgets.form_messages)
message_of = form_messages.message_of
error_label = form_messages.error_label
say = form_messages.say

PERIOD_KINDS = ("year", "school_year", "spring", "autumn")


def money(value: Decimal | None) -> str:
    """'1,234.50'; '' for None."""
    return "" if value is None else f"{value:,.2f}"


def percent(value: Decimal | None) -> str:
    """执行率 as '85.3%'; '' without a budget."""
    from decimal import ROUND_HALF_UP

    return "" if value is None else f"{(value * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def check_cents(text: str, label: str) -> None:
    """Refuse more than two decimals typed (the services' money parser would round them):
    budgets, opening balances and caps are exact to the fen like the entries."""
    from decimal import InvalidOperation

    from union_desk.errors import ValidationError

    cleaned = (text or "").strip().replace(",", "").replace("，", "").replace("元", "").replace("¥", "").replace("￥", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return  # not a number: the service says so
    if value.is_finite() and value != value.quantize(Decimal("0.01")):
        raise ValidationError(f"{label}最多两位小数（精确到分）", field="amount")


def amber_label(name: str = "budgetWarning") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(AMBER_STYLE)
    label.setVisible(False)
    return label


# --- periods --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FundsPeriod:
    kind: str
    year: int
    label: str
    start: dt.date
    end: dt.date


def make_period(year: int, kind: str) -> FundsPeriod:
    """A calendar year, the school year starting in September of `year`, or a term (as 年度统计)."""
    from union_desk.services import plan

    maker = {"year": plan.year_period, "school_year": plan.school_year, "spring": plan.spring_term,
             "autumn": plan.autumn_term}[kind]
    period = maker(year)
    return FundsPeriod(kind, year, period.label, period.first_day, period.last_day)


def short_label(period: FundsPeriod) -> str:
    """The label on printouts: '2026年', '2026—2027学年', '2026年春季学期'."""
    return {
        "year": f"{period.year}年",
        "school_year": f"{period.year}—{period.year + 1}学年",
        "spring": f"{period.year}年春季学期",
        "autumn": f"{period.year}年秋季学期",
    }[period.kind]


class PeriodSelector(QWidget):
    """Year and kind (全年 / 学年 / 春季学期 / 秋季学期); `changed` when either changes."""

    changed = Signal()

    def __init__(self, today: dt.date | None = None, parent=None):
        super().__init__(parent)
        from union_desk.services.plan_common import MAX_YEAR, MIN_YEAR

        today = today or dt.date.today()
        self.year = QSpinBox()
        self.year.setObjectName("fundsYear")
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(today.year)
        self.year.setKeyboardTracking(False)  # one refresh when the year is typed, not one per digit
        self.year.setSuffix(self.tr(" (year)"))
        self.kind = QComboBox()
        self.kind.setObjectName("fundsPeriodKind")
        for kind, text in zip(PERIOD_KINDS, (self.tr("Calendar year"), self.tr("School year (Sep–Aug)"),
                                             self.tr("Spring term (Feb–Jul)"), self.tr("Autumn term (Sep–Jan)"))):
            self.kind.addItem(text, kind)
        self.dates = QLabel()
        self.dates.setStyleSheet(f"color: {MUTED_COLOR};")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Period")))
        row.addWidget(self.year)
        row.addWidget(self.kind)
        row.addWidget(self.dates)
        self._show_dates()
        self.year.valueChanged.connect(lambda _v: self._changed())
        self.kind.currentIndexChanged.connect(lambda _i: self._changed())

    def period(self) -> FundsPeriod:
        return make_period(self.year.value(), self.kind.currentData())

    def set_period(self, year: int, kind: str = "year") -> None:
        self.blockSignals(True)
        self.year.setValue(year)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.blockSignals(False)
        self._changed()

    def contains(self, day: dt.date) -> bool:
        period = self.period()
        return period.start <= day <= period.end

    def _show_dates(self) -> None:
        period = self.period()
        self.dates.setText(f"{period.start.isoformat()} ~ {period.end.isoformat()}")

    def _changed(self) -> None:
        self._show_dates()
        self.changed.emit()


# --- a reason, on the form base -----------------------------------------------------------------------------


class ReasonForm(FormDialog):
    """A required reason (冲销原因, 反结账原因): what it is about, the reason, 确定 / 取消."""

    def __init__(self, title: str, about: str, label: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason_text = ""
        about_label = QLabel(about)
        about_label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(70)
        self.error = error_label()
        form = QFormLayout(self.body)
        form.addRow(about_label)
        form.addRow(label, self.reason)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("FundsCommon", "OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("FundsCommon", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)
        self.resize(440, 220)

    @surfaces_errors
    def accept(self) -> None:
        text = self.reason.toPlainText().strip()
        if not text:
            say(self.error, QCoreApplication.translate("FundsCommon", "Give the reason."))
            return
        self.reason_text = text
        super().accept()


def ask_reason(parent: QWidget, title: str, about: str, label: str) -> str | None:
    """The reason typed (never empty), or None when cancelled. Tests replace this function."""
    form = ReasonForm(title, about, label, parent)
    return form.reason_text if form.exec() == QDialog.DialogCode.Accepted else None
