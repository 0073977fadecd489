"""文件 → 恢复: pick a backup (newest first) or another file to restore from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)
from PySide6.QtCore import Qt

from union_desk.db import backup
from union_desk.ui.widgets.form_base import FormDialog


class RestoreDialog(FormDialog):
    confirm_discard = False  # nothing typed here to lose

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.chosen: Path | None = None
        layout = QVBoxLayout(self.body)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Choose a backup. The current data is backed up first, so a restore can be undone."
                )
            )
        )
        self.list = QListWidget()
        for info in backup.list_backups_everywhere(db_path):  # backups/ and 设置 → 备份位置
            try:
                size_kb = info.path.stat().st_size // 1024
            except OSError:  # removed or unreadable since it was listed
                continue
            item = QListWidgetItem(
                f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.kind_label}  {size_kb:,} KB"
            )
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        other = QPushButton(self.tr("Another file…"))
        other.clicked.connect(self._choose_file)
        layout.addWidget(other)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)
        self.resize(480, 360)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup file"), "", self.tr("Union Desk data (*.sqlite)")
        )
        if path:
            self.chosen = Path(path)
            super().accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
