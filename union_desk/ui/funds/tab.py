"""工会经费 page: a period selector (calendar year, school year, 春季 / 秋季学期) above four sub-pages —
明细账 (LedgerPage), 收支汇总 (SummaryPage), 预算与限额 (BudgetPage, the selector's year) and 结账
(ClosingPage).

`refresh()` refreshes the visible sub-page (the others when they are shown next);
`edit_categories()` is 文件 → 经费科目与预算…; `open_record("fund_entry", entry)` shows an entry in
明细账 (from 首页)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from union_desk.db.fund_models import FundEntry
from union_desk.ui.funds.budget_page import BudgetPage
from union_desk.ui.funds.closing_page import ClosingPage
from union_desk.ui.funds.common import PeriodSelector
from union_desk.ui.funds.ledger_page import LedgerPage
from union_desk.ui.funds.summary_page import SummaryPage


class FundsTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.selector = PeriodSelector()
        self.categories_button = QPushButton(self.tr("Categories and budgets…"))
        top = QHBoxLayout()
        top.addWidget(self.selector)
        top.addStretch(1)
        top.addWidget(self.categories_button)

        self.ledger = LedgerPage()
        self.summary = SummaryPage()
        self.budget = BudgetPage()
        self.closing = ClosingPage()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.ledger, self.tr("Ledger"))
        self.tabs.addTab(self.summary, self.tr("Summary"))
        self.tabs.addTab(self.budget, self.tr("Budgets and caps"))
        self.tabs.addTab(self.closing, self.tr("Closing"))
        self._stale: set[QWidget] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.selector.changed.connect(self._period_chosen)
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self.categories_button.clicked.connect(self.edit_categories)
        for page in self.pages():
            page.changed.connect(lambda page=page: self._page_wrote(page))
        self._period_chosen()

    def pages(self) -> tuple:
        return (self.ledger, self.summary, self.budget, self.closing)

    # --- the period ---------------------------------------------------------------------------------

    def period(self):
        return self.selector.period()

    def _period_chosen(self) -> None:
        period = self.selector.period()
        self.ledger.period = period
        self.summary.period = period
        self.budget.year = period.year
        self.closing.set_year(period.year)
        self._stale = set(self.pages())
        self._tab_shown()

    # --- refreshing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = set(self.pages())
        self._tab_shown()

    def _tab_shown(self) -> None:
        page = self.tabs.currentWidget()
        if page in self._stale:
            self._stale.discard(page)
            page.refresh()

    def _page_wrote(self, page) -> None:
        """A sub-page saved something: the others show it when they are shown next."""
        self._stale = set(self.pages()) - {page}

    # --- menu and 首页 ------------------------------------------------------------------------------

    def edit_categories(self) -> None:
        """文件 → 经费科目与预算…"""
        from union_desk.ui.funds.categories_dialog import CategoriesDialog

        dialog = CategoriesDialog(self, self.selector.period().year)
        dialog.exec()
        if dialog.changed:
            self.refresh()
        dialog.deleteLater()

    def open_record(self, kind: str, record) -> None:
        if kind != "fund_entry":
            return
        entry = FundEntry.get_or_none(FundEntry.id == record.id)
        if entry is None:
            return
        if not self.selector.contains(entry.date):
            self.selector.set_period(entry.date.year, "year")
        self.tabs.setCurrentWidget(self.ledger)
        self.ledger.refresh()
        self._stale.discard(self.ledger)
        self.ledger.select_entry(entry.id)

