"""收支汇总: services.funds.report(start, end) by category (科目, 预算, 收入, 支出, 执行率) under the
line 期初结余 · 本期收入 · 本期支出 · 期末结余; categories over their budget in amber. The year's
reconciliation with the 走访慰问台账 (services.funds.reconcile_visits) below, and the printouts:
收支汇总表 (the period), 决算 and 经费审查报告 (the year)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from union_desk.domain import funds as rules
from union_desk.errors import UnionDeskError
from union_desk.services import funds
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.funds import common
from union_desk.ui.funds.common import AMBER_BACKGROUND, AMBER_TEXT, FundsPeriod, money, percent, short_label
from union_desk.ui.hardship.common import show_error

SOURCE_WORDS = {"visit": "走访慰问", "assistance": "困难帮扶", "activity": "活动", "dues": "会费"}


def reconciliation_text(rec) -> str:
    """"走访慰问入账 X 元，与走访慰问台账（工会经费）Y 元一致" or the difference and what explains it."""
    head = f"{rec.year}年走访慰问入账 {money(rec.posted)} 元"
    if rec.difference == 0:
        return f"{head}，与走访慰问台账（工会经费）{money(rec.ledger)} 元一致"
    late = "、".join(f"{e.serial}（{e.date.isoformat()}，{money(e.amount)}）" for e in rec.late_reversals)
    if rec.holds:
        return (f"{head}，走访慰问台账（工会经费）{money(rec.ledger)} 元，相差 {money(rec.difference)} 元，"
                f"为结账后作废的走访在另一年度冲销：{late}")
    text = (f"{head}，走访慰问台账（工会经费）{money(rec.ledger)} 元，相差 {money(rec.difference)} 元，"
            f"不一致")
    if late:
        text += f"（跨年度冲销 {money(rec.explained)} 元：{late}，仍有 {money(rec.difference - rec.explained)} 元未能说明）"
    return text + "。若刚改过“慰问品价值记入经费账”的设置，请点“按当前设置重新记账”。"


class SummaryPage(QWidget):
    changed = Signal()

    HEADERS = ("Category", "Budget", "Income", "Spending", "Execution")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.period: FundsPeriod | None = None
        self.report = None
        self.reconciliation = None
        self.figures_line = QLabel()
        self.figures_line.setObjectName("figuresLine")
        self.figures_line.setStyleSheet("font-size: 11pt;")
        self.figures_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.posted_line = QLabel()
        self.posted_line.setObjectName("postedLine")
        self.posted_line.setStyleSheet(f"color: {common.MUTED_COLOR};")
        self.over_line = QLabel()
        self.over_line.setObjectName("overBudget")
        self.over_line.setWordWrap(True)
        self.over_line.setStyleSheet(common.AMBER_STYLE)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("fundsSummary")
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Budget"), self.tr("Income"),
                                              self.tr("Spending"), self.tr("Execution")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(self.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, 110)
        self.reconcile_line = QLabel()
        self.reconcile_line.setObjectName("reconciliation")
        self.reconcile_line.setWordWrap(True)
        self.reconcile_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.repost_button = QPushButton(self.tr("Re-post by the current settings"))
        self.repost_button.setVisible(False)
        self.print_summary_button = QPushButton(self.tr("Print income and spending summary"))
        self.print_final_button = QPushButton(self.tr("Print final account"))
        self.print_audit_button = QPushButton(self.tr("Print funds audit report"))

        prints = QHBoxLayout()
        prints.addWidget(self.print_summary_button)
        prints.addWidget(self.print_final_button)
        prints.addWidget(self.print_audit_button)
        prints.addStretch(1)
        reconcile = QHBoxLayout()
        reconcile.addWidget(self.reconcile_line, 1)
        reconcile.addWidget(self.repost_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.figures_line)
        layout.addWidget(self.posted_line)
        layout.addWidget(self.over_line)
        layout.addWidget(self.table, 1)
        layout.addLayout(reconcile)
        layout.addLayout(prints)

        self.print_summary_button.clicked.connect(self.print_summary)
        self.print_final_button.clicked.connect(self.print_final)
        self.print_audit_button.clicked.connect(self.print_audit)
        self.repost_button.clicked.connect(self.repost)

    def set_period(self, period: FundsPeriod) -> None:
        self.period = period
        self.refresh()

    def refresh(self) -> None:
        if self.period is None:
            return
        period = self.period
        report = self.report = funds.report(period.start, period.end)
        self.figures_line.setText(self.tr("Opening {opening} · income {income} · spending {spending} · closing {closing}"
                                          " (yuan)").format(opening=money(report.opening), income=money(report.income),
                                                            spending=money(report.spending),
                                                            closing=money(report.closing)))
        posted = [f"{SOURCE_WORDS.get(k, k)} {money(v)}" for k, v in report.posted_from.items() if v]
        self.posted_line.setText(self.tr("Posted from records: {list}").format(list="，".join(posted)) if posted
                                 else self.tr("Nothing posted from visits, assistance or activities in this period."))
        over = [f"{f.code} {f.name} {rules.budget_warning(rules.ZERO, f.amount, f.budget)}" for f in report.over_budget]
        common.say(self.over_line, self.tr("Over budget: {list}").format(list="；".join(over)) if over else "")

        self.table.setRowCount(len(report.categories))
        over_codes = {f.code for f in report.over_budget}
        for row, figure in enumerate(report.categories):
            income = figure.amount if figure.kind == "收入" else None
            spending = figure.amount if figure.kind == "支出" else None
            values = (f"{figure.code} {figure.name}", money(figure.budget), money(income), money(spending),
                      percent(figure.execution) if figure.kind == "支出" else "")
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if figure.code in over_codes:
                    item.setBackground(QBrush(QColor(AMBER_BACKGROUND)))
                    item.setForeground(QBrush(QColor(AMBER_TEXT)))
                    item.setToolTip(rules.budget_warning(rules.ZERO, figure.amount, figure.budget))
                self.table.setItem(row, column, item)

        self._add_totals(report)

        rec = self.reconciliation = funds.reconcile_visits(period.year)
        self.reconcile_line.setText(reconciliation_text(rec))
        self.reconcile_line.setStyleSheet(f"color: {common.OK_COLOR if rec.holds else common.REVERSAL_COLOR};")
        self.repost_button.setVisible(not rec.holds)

    def _add_totals(self, report) -> None:
        """收入合计 and 支出合计 (with the budgets' total and the execution) under the categories."""
        from PySide6.QtGui import QFont

        spending_budget = [f.budget for f in report.categories if f.kind == "支出" and f.budget is not None]
        budget_total = sum(spending_budget, rules.ZERO) if spending_budget else None
        rows = (
            (self.tr("Total income"), "", money(report.income), "", ""),
            (self.tr("Total spending"), money(budget_total), "", money(report.spending),
             percent(rules.execution(report.spending, budget_total))),
        )
        bold = QFont(self.table.font())
        bold.setBold(True)
        for values in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setFont(bold)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)

    # --- actions -----------------------------------------------------------------------------------

    @surfaces_errors
    def repost(self) -> None:
        from union_desk.services import fund_posting

        try:
            count = fund_posting.repost_all()
        except UnionDeskError as exc:
            show_error(self, self.tr("Re-post"), exc)
            return
        QMessageBox.information(self, self.tr("Re-post"),
                                self.tr("{n} record(s) had their postings brought in line.").format(n=count))
        self.changed.emit()
        self.refresh()

    def print_summary(self) -> None:
        if self.period is None:
            return
        from union_desk.printing.funds import print_funds_summary
        from union_desk.ui.hardship.print_actions import print_pdf

        period, label = self.period, short_label(self.period)
        print_pdf(self, self.tr("Print income and spending summary"), f"经费收支汇总表-{label}",
                  lambda path: print_funds_summary(period.start, period.end, path, label))

    def print_final(self) -> None:
        if self.period is None:
            return
        from union_desk.printing.funds import print_final_account
        from union_desk.ui.hardship.print_actions import print_pdf

        year = self.period.year
        print_pdf(self, self.tr("Print final account"), f"经费决算-{year}年", lambda path: print_final_account(year, path))

    def print_audit(self) -> None:
        if self.period is None:
            return
        from union_desk.printing.funds import print_funds_audit
        from union_desk.ui.hardship.print_actions import print_pdf

        year = self.period.year
        print_pdf(self, self.tr("Print funds audit report"), f"经费审查报告-{year}年",
                  lambda path: print_funds_audit(year, path))
