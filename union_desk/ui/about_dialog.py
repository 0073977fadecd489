"""帮助 → 关于: version, data file, backups folder, printing font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel

from union_desk import __version__
from union_desk.db.migrations import SCHEMA_VERSION
from union_desk.paths import backups_dir
from union_desk.printing.fonts import resolve_font
from union_desk.services import settings
from union_desk.ui.widgets.form_base import FormDialog


class AboutDialog(FormDialog):
    confirm_discard = False  # nothing typed here to lose

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Union Desk"))
        form = QFormLayout(self.body)
        title = QLabel(self.tr("Union Desk"))
        title.setObjectName("aboutTitle")
        form.addRow(title)
        rows = [
            # each string in its own tr() call outside any f-string: lupdate reads nothing inside one
            (self.tr("Version"), __version__),
            (self.tr("Data version"), str(SCHEMA_VERSION)),
            (self.tr("Data file"), str(db_path)),
            (self.tr("Backups folder"), str(backups_dir(db_path))),
            (self.tr("Printing font"), resolve_font(settings.get("print_font") or None, settings.font_index()).description),
        ]
        self.values: dict[str, QLabel] = {}
        for label, value in rows:
            widget = QLabel(value)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            widget.setWordWrap(True)
            self.values[label] = widget
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)
        self.resize(560, self.sizeHint().height())
