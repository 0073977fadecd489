"""Small pieces shared by the 会议与登记 pages and forms: labels, the warning styles, plan item
picking, first lines of long texts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from union_desk.errors import UnionDeskError
from union_desk.ui.widgets.form_base import FormDialog

WARNING_COLOR = "#b00020"  # overdue, refused
AMBER_STYLE = ("color: #7a4b00; background: #fff4d6; border: 1px solid #e6c06a; border-radius: 3px;"
               " padding: 4px 6px;")


def first_line(text: str, limit: int = 40) -> str:
    """The first non-empty line of `text`, cut to `limit` characters."""
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""


def message_of(exc: Exception) -> str:
    return exc.message if isinstance(exc, UnionDeskError) else str(exc)


def amber_label() -> QLabel:
    label = QLabel()
    label.setObjectName("countWarning")
    label.setWordWrap(True)
    label.setStyleSheet(AMBER_STYLE)
    label.setVisible(False)
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {WARNING_COLOR};")
    label.setVisible(False)
    return label


def say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def button(text: str, slot) -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    return b


def overdue_days(due: dt.date | None, today: dt.date | None = None) -> int:
    """Days past `due` (0 when not past or no date)."""
    if due is None:
        return 0
    today = today or dt.date.today()
    return max(0, (today - due).days)


class PlanItemPicker(FormDialog):
    """Choose one of the year's plan items (or none) for a decision."""

    confirm_discard = False

    def __init__(self, year: int, current_id: int | None = None, parent=None):
        super().__init__(parent)
        from union_desk.services import plan

        self.setWindowTitle(self.tr("Link to a plan item"))
        self.chosen_id: int | None = current_id
        layout = QVBoxLayout(self.body)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by title"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setMinimumSize(480, 300)
        none = QListWidgetItem(self.tr("(no plan item)"))
        none.setData(Qt.ItemDataRole.UserRole, None)
        self.list.addItem(none)
        for item in plan.list_items(year):
            entry = QListWidgetItem(f"{item.title}\u3000{plan.when_text(item)}\u3000{item.status}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(entry)
            if item.id == current_id:
                self.list.setCurrentItem(entry)
        if self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)

    def _filter(self, text: str) -> None:
        text = text.strip()
        for row in range(1, self.list.count()):
            entry = self.list.item(row)
            entry.setHidden(bool(text) and text not in entry.text())

    def accept(self) -> None:
        entry = self.list.currentItem()
        self.chosen_id = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        super().accept()
