"""The plan item picker: choose one of the year's 工作计划 items (or none) to link a record to.

Shared by the 教代会 sessions (ui.congress.session_forms, which lists the 教代会 items first) and
the 会议 decisions (ui.meetings.common). A filter line hides the items whose title does not hold the
text; double-click or "Link" accepts, and `chosen_id` is then the chosen item's id (None: no item)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from union_desk.ui.widgets.form_base import FormDialog


class PlanItemPicker(FormDialog):
    """Choose one of the year's plan items (or none).

    `prefer`: when given, the items it holds true for are listed first (keeping their order
    otherwise). `select_first_item`: with no current item, preselect the first plan item (if any)
    rather than "(no plan item)"."""

    confirm_discard = False

    def __init__(self, year: int, current_id: int | None = None, parent=None, *,
                 prefer: Callable[[object], bool] | None = None, select_first_item: bool = False):
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
        items = plan.list_items(year)
        if prefer is not None:
            items.sort(key=lambda i: not prefer(i))
        for item in items:
            entry = QListWidgetItem(f"{item.title}\u3000{plan.when_text(item)}\u3000{item.status}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(entry)
            if item.id == current_id:
                self.list.setCurrentItem(entry)
        if self.list.currentItem() is None:
            self.list.setCurrentRow(1 if select_first_item and len(items) else 0)
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
