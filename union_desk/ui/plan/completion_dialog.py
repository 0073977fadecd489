"""How the plan went (完成情况): per month and for the year, 已完成 / (全部 − 已取消)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from union_desk.services import plan
from union_desk.ui.widgets.form_base import FormDialog


class CompletionDialog(FormDialog):
    confirm_discard = False  # nothing typed here to lose

    def __init__(self, year: int, parent=None):
        super().__init__(parent)
        self.year = year
        self.data = plan.completion(year)
        self.setWindowTitle(self.tr("Plan completion {year}").format(year=year))
        self.resize(560, 560)
        headers = [
            self.tr("Month"),
            self.tr("Items"),
            self.tr("Done"),
            self.tr("Cancelled"),
            self.tr("Completion rate"),
        ]
        self.table = QTableWidget(13, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        rows = [(self.tr("Month {m}").format(m=m), self.data.months[m]) for m in range(1, 13)]
        rows.append((self.tr("Whole year"), self.data.year_rate))
        for r, (label, rate) in enumerate(rows):
            values = [label, rate.total, rate.done, rate.cancelled, plan.format_rate(rate.rate)]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(str(value))
                cell.setTextAlignment(
                    Qt.AlignmentFlag.AlignCenter if c else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                )
                if r == 12:
                    font = QFont(cell.font())
                    font.setBold(True)
                    cell.setFont(font)
                    cell.setBackground(QBrush(QColor("#eef2f7")))
                self.table.setItem(r, c, cell)
        self.table.setColumnWidth(0, 110)

        rate = plan.format_rate(self.data.year_rate.rate)
        self.summary = QLabel(
            self.tr(
                "{year}: {done} of {planned} planned items done ({rate}); {cancelled} cancelled, "
                "{progress} in progress, {postponed} postponed. {linked} items are linked to "
                "activities or visits."
            ).format(
                year=year,
                done=self.data.year_rate.done,
                planned=self.data.year_rate.planned,
                rate=rate,
                cancelled=self.data.year_rate.cancelled,
                progress=self.data.in_progress,
                postponed=self.data.postponed,
                linked=self.data.linked_items,
            )
        )
        self.summary.setWordWrap(True)
        note = QLabel(self.tr("Completion rate = done ÷ (all items − cancelled)."))
        note.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.set_buttons(buttons)
