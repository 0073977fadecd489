"""明细账: the entries of the period with the running balance (services.funds.ledger_rows), the
balance brought forward on the first line, reversals in red.

- 记一笔… opens the entry form (an entry typed by hand).
- 冲销… (a reason required; services.funds.reverse_entry) is offered only for entries typed by
  hand: an entry posted from a visit, an assistance payment or an activity is corrected from that
  record (void it or change its amount), and the funds book reverses and re-posts by itself
  ("Money moves once"). A reversal cannot be reversed, nor an entry already reversed in full.
- 打印凭单 prints the selected entry's 支出凭单 / 收入凭单 (printing.funds.print_voucher).
- 查看来源 shows the record an entry was posted from (the visit in 困难帮扶, the activity in 活动
  报名) through the main window, else says what the source is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.fund_models import FundEntry, FundLink
from union_desk.domain import funds as rules
from union_desk.errors import UnionDeskError
from union_desk.services import funds
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.funds import common
from union_desk.ui.funds.common import REVERSAL_COLOR, FundsPeriod, money
from union_desk.ui.hardship.common import show_error
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


@dataclass
class BroughtForward:
    """The first line: the balance brought forward (上期结转 / 上年结余)."""

    day: dt.date
    balance: Decimal
    text: str


def is_reversal(entry: FundEntry) -> bool:
    return entry.reverses_id is not None


def left_to_reverse(entry: FundEntry) -> Decimal:
    return entry.amount + sum((r.amount for r in entry.reversals), rules.ZERO)


class LedgerPage(QWidget):
    changed = Signal()  # an entry was written here

    def __init__(self, parent=None):
        super().__init__(parent)
        self.period: FundsPeriod | None = None
        self._sources: dict[int, str] = {}
        self._linked: set[int] = set()
        columns = [
            Column(self.tr("Date"), lambda r: r.day if isinstance(r, BroughtForward) else r.entry.date, 90, full=FULL_DATE,
                   foreground=self._colour),
            Column(self.tr("Voucher"), lambda r: "" if isinstance(r, BroughtForward) else r.entry.serial, 100,
                   full="JZ2026-0001", foreground=self._colour),
            Column(self.tr("Summary"), lambda r: r.text if isinstance(r, BroughtForward) else r.entry.summary, 200,
                   stretch=True, foreground=self._colour),
            Column(self.tr("Category"), lambda r: "" if isinstance(r, BroughtForward) else funds.category_label(r.entry.category),
                   140),
            Column(self.tr("Income"), lambda r: None if isinstance(r, BroughtForward) else r.income, 90,
                   foreground=self._colour),
            Column(self.tr("Spending"), lambda r: None if isinstance(r, BroughtForward) else r.spending, 90,
                   foreground=self._colour),
            Column(self.tr("Balance"), lambda r: r.balance, 100),
            Column(self.tr("Handler"), lambda r: "" if isinstance(r, BroughtForward) else r.entry.handler, 64),
            Column(self.tr("Source"), lambda r: "" if isinstance(r, BroughtForward) else self.source_of(r.entry), 150),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setObjectName("fundsLedger")
        self.view.doubleClicked.connect(lambda _i: self.show_source())

        self.category_filter = QComboBox()
        self.category_filter.setObjectName("categoryFilter")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search summary, voucher, handler"))
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton(self.tr("New entry…"))
        self.reverse_button = QPushButton(self.tr("Reverse…"))
        self.print_button = QPushButton(self.tr("Print voucher"))
        self.source_button = QPushButton(self.tr("Show source"))
        self.totals = QLabel()
        self.totals.setObjectName("ledgerTotals")
        self.hint = QLabel()
        self.hint.setObjectName("ledgerHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {common.MUTED_COLOR};")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Category")))
        top.addWidget(self.category_filter)
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.reverse_button)
        top.addWidget(self.print_button)
        top.addWidget(self.source_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.hint)

        self.add_button.clicked.connect(self.new_entry)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.print_button.clicked.connect(self.print_voucher)
        self.source_button.clicked.connect(self.show_source)
        self.category_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(lambda text: self.refresh() if not text else None)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._fill_categories()
        self._update_buttons()

    # --- filling -------------------------------------------------------------------------------------

    def _fill_categories(self) -> None:
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in funds.categories():
            self.category_filter.addItem(funds.category_label(category), category.code)
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(current)))
        self.category_filter.blockSignals(False)

    def set_period(self, period: FundsPeriod) -> None:
        self.period = period
        self.refresh()

    def refresh(self) -> None:
        if self.period is None:
            return
        selected = self.current_entry()
        self._fill_categories()
        period = self.period
        opening, rows = funds.ledger_rows(period.start, period.end)
        code = self.category_filter.currentData()
        text = self.search.text().strip()
        if code or text:  # the balance column stays the book's running balance
            rows = [r for r in rows if (not code or r.entry.category.code == code)
                    and (not text or text in r.entry.summary or text in r.entry.serial or text in r.entry.handler)]
        ids = [r.entry.id for r in rows]
        self._sources = {}
        self._linked = set()
        for start in range(0, len(ids), 900):
            self._linked.update(
                link.entry_id for link in FundLink.select(FundLink.entry).where(FundLink.entry.in_(ids[start:start + 900])))
        first = (self.tr("Brought forward from last year") if period.start.month == 1 and period.start.day == 1
                 else self.tr("Brought forward"))
        self.model.set_records([BroughtForward(period.start, opening, first), *rows])
        income = sum((r.income for r in rows if r.income is not None), rules.ZERO)
        spending = sum((r.spending for r in rows if r.spending is not None), rules.ZERO)
        closing = rows[-1].balance if rows and not (code or text) else opening + income - spending
        if code or text:
            self.totals.setText(self.tr("Shown: {n} entries, income {income}, spending {spending}").format(
                n=len(rows), income=money(income), spending=money(spending)))
        else:
            self.totals.setText(self.tr("{n} entries · brought forward {opening} · income {income} · spending {spending}"
                                        " · balance {closing}").format(
                n=len(rows), opening=money(opening), income=money(income), spending=money(spending),
                closing=money(closing)))
        if selected is not None:
            self.select_entry(selected.id)
        self._update_buttons()

    # --- cells ------------------------------------------------------------------------------------------

    def _colour(self, row) -> str | None:
        if isinstance(row, BroughtForward):
            return None
        return REVERSAL_COLOR if is_reversal(row.entry) or row.entry.amount < 0 else None

    def source_of(self, entry: FundEntry) -> str:
        """source_text, asked once per entry shown (only the rows drawn are asked)."""
        if entry.id not in self._sources:
            if entry.id in self._linked or entry.backfilled:
                self._sources[entry.id] = funds.source_text(entry)
            else:
                self._sources[entry.id] = self.tr("By hand") if not is_reversal(entry) else ""
        return self._sources[entry.id]

    # --- selection --------------------------------------------------------------------------------------

    def current_entry(self) -> FundEntry | None:
        rows = self.view.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        record = self.model.record_at(rows[0].row())
        return None if isinstance(record, BroughtForward) else record.entry

    def select_entry(self, entry_id: int) -> bool:
        for row, record in enumerate(self.model.records):
            if not isinstance(record, BroughtForward) and record.entry.id == entry_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def is_posted(self, entry: FundEntry) -> bool:
        """Posted from a source record (or 补记): corrected from that record, not here."""
        return entry.id in self._linked or bool(entry.backfilled) or bool(funds.links_of(entry))

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        self.print_button.setEnabled(entry is not None)
        self.source_button.setEnabled(entry is not None and self.is_posted(entry))
        can, why = self.can_reverse(entry)
        self.reverse_button.setEnabled(can)
        self.reverse_button.setToolTip(why)
        self.hint.setText(why if entry is not None and not can else "")

    def can_reverse(self, entry: FundEntry | None) -> tuple[bool, str]:
        if entry is None:
            return False, self.tr("Choose an entry typed by hand.")
        if is_reversal(entry):
            return False, self.tr("A reversing entry cannot be reversed.")
        if self.is_posted(entry):
            return False, self.tr("This entry was posted from {source}: correct it there (void it or change its amount);"
                                  " the funds book reverses and re-posts by itself.").format(source=funds.source_text(entry))
        if left_to_reverse(entry) <= 0:
            return False, self.tr("This entry has already been reversed in full.")
        return True, self.tr("Reverse the entry with a negative entry that points back at it.")

    # --- actions ------------------------------------------------------------------------------------------

    def new_entry(self) -> FundEntry | None:
        from union_desk.ui.funds.entry_form import new_entry

        day = dt.date.today()
        if self.period is not None and not self.period.start <= day <= self.period.end:
            day = self.period.end
        saved = new_entry(self, day)
        if saved is None:
            return None
        self.changed.emit()
        self.refresh()
        self.select_entry(saved.id)
        return saved

    @surfaces_errors
    def reverse_selected(self) -> FundEntry | None:
        entry = self.current_entry()
        can, why = self.can_reverse(entry)
        if not can:
            if entry is not None:
                QMessageBox.information(self, self.tr("Reverse"), why)
            return None
        about = self.tr("Reverse {serial} {summary} ({amount} yuan): a negative entry in the same category that points"
                        " back at it.").format(serial=entry.serial, summary=entry.summary,
                                               amount=money(left_to_reverse(entry)))
        reason = common.ask_reason(self, self.tr("Reverse {serial}").format(serial=entry.serial), about,
                                   self.tr("Reason"))
        if reason is None:
            return None
        try:
            reversal = funds.reverse_entry(entry, reason)
        except UnionDeskError as exc:
            show_error(self, self.tr("Reverse"), exc)
            return None
        self.changed.emit()
        self.refresh()
        self.select_entry(reversal.id)
        return reversal

    def print_voucher(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        from union_desk.printing.funds import print_voucher
        from union_desk.ui.hardship.print_actions import print_pdf

        title = self.tr("Print voucher")
        print_pdf(self, title, f"凭单-{entry.serial}", lambda path: print_voucher(entry.id, path))

    def show_source(self) -> None:
        """The record the entry was posted from, on its own page when that is possible."""
        entry = self.current_entry()
        if entry is None:
            return
        links = funds.links_of(entry)
        text = funds.source_text(entry) or self.tr("Typed by hand")
        if not links:
            QMessageBox.information(self, self.tr("Source"), text)
            return
        if opened_source(self, links):
            return
        QMessageBox.information(self, self.tr("Source"), text + source_details(links))


def source_details(links: list, limit: int = 30) -> str:
    """The visits of a 送温暖 batch entry, one a line ('WF2026-0012 张三 200.00'); '' otherwise."""
    visit_links = [link for link in links if link.source_kind == "visit"]
    if len(visit_links) < 2:
        return ""
    from union_desk.db.models import Member, Visit

    amounts = {link.source_id: link.amount for link in visit_links}
    found = (Visit.select(Visit.id, Visit.serial, Member.name).join(Member)
             .where(Visit.id.in_(list(amounts))).order_by(Visit.serial).tuples())
    lines = [f"{serial} {name} {money(amounts[vid])}" for vid, serial, name in found]
    more = len(lines) - limit
    return "\n\n" + "\n".join(lines[:limit]) + (f"\n…（另有 {more} 条）" if more > 0 else "")


def opened_source(widget: QWidget, links: list) -> bool:
    """Show the source record through the main window: a single visit in 困难帮扶 → 走访慰问 (its
    year, selected), an activity in 活动报名. False when it cannot (a batch, assistance, no window)."""
    window = widget.window()
    if not hasattr(window, "show_page"):
        return False
    kinds = {link.source_kind for link in links}
    try:
        if kinds == {"activity"}:
            from union_desk.db.models import Activity

            activity = Activity.get_or_none(Activity.id == links[0].source_id)
            if activity is None or not hasattr(window, "open_record"):
                return False
            window.open_record("activity", activity)
            return True
        if kinds == {"visit"} and len({link.source_id for link in links}) == 1:
            from union_desk.db.models import Visit

            visit = Visit.get_or_none(Visit.id == links[0].source_id)
            if visit is None:
                return False
            page = window.show_page("hardship")
            visits_page = getattr(page, "visits", None)
            inner = getattr(page, "inner", None)
            if visits_page is None or inner is None:
                return False
            inner.setCurrentWidget(visits_page)
            if hasattr(visits_page, "year"):
                visits_page.year.setValue(visit.date.year)
            if hasattr(visits_page, "month"):
                visits_page.month.setCurrentIndex(0)
            if hasattr(visits_page, "show_voided"):
                visits_page.show_voided.setChecked(True)
            visits_page.refresh()
            visits_page.select_visit(visit.id)
            return True
    except (KeyError, AttributeError, UnionDeskError):
        return False
    return False
