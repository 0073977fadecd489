"""The first start: where should the data live?

Choices: the per-user folder (the default), a folder on another fixed drive when there is one
(还原卡: disk-restore cards wipe C: at every reboot, D: survives), or any folder. The choice is
saved in the per-user config file only when the user confirms; cancelling writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from union_desk import config
from union_desk.db.database import ensure_data_folder
from union_desk.errors import UnionDeskError
from union_desk.paths import DB_FILENAME, data_dir, suggested_data_folder
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog


class FirstRunDialog(FormDialog):
    """On the form base: fits a small screen, and Esc or the close button after the user changed
    the choice asks before quitting (the choice is kept when they stay)."""

    def __init__(self, suggested: Path | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Where to keep the data"))
        self.chosen: Path | None = None
        layout = QVBoxLayout(self.body)
        intro = QLabel(
            self.tr(
                "Union Desk keeps all its data in one file. Choose the folder for it. "
                "Backups are kept in a folder named backups beside it. You can move it later "
                "(File → Settings)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.user_choice = QRadioButton(self.tr("My user folder (default): {path}").format(path=data_dir()))
        self.group.addButton(self.user_choice)
        layout.addWidget(self.user_choice)
        self.suggested = suggested
        self.drive_choice = None
        if suggested is not None:
            self.drive_choice = QRadioButton(
                self.tr("Another drive: {path}").format(path=suggested)
            )
            self.group.addButton(self.drive_choice)
            layout.addWidget(self.drive_choice)
            note = QLabel(
                self.tr(
                    "Choose this if the computer has disk-restore software (还原卡) that resets "
                    "drive C: when it restarts: data on drive C: would be lost."
                )
            )
            note.setWordWrap(True)
            note.setIndent(24)
            layout.addWidget(note)
        self.other_choice = QRadioButton(self.tr("Another folder:"))
        self.group.addButton(self.other_choice)
        self.other_edit = QLineEdit()
        self.other_edit.textEdited.connect(lambda _text: self.other_choice.setChecked(True))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.other_choice)
        row.addWidget(self.other_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.existing = QLabel()
        self.existing.setWordWrap(True)
        layout.addWidget(self.existing)
        if suggested is not None and (suggested / DB_FILENAME).exists():
            self.drive_choice.setChecked(True)  # back after a 还原卡 wiped the config on C:
            self.existing.setText(
                self.tr("A data file already exists in {path}; it will be opened.").format(path=suggested)
            )
        else:
            self.user_choice.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.windowTitle(), self.other_edit.text() or str(Path.home()))
        if folder:
            self.other_edit.setText(folder)
            self.other_choice.setChecked(True)

    def folder(self) -> Path | None:
        if self.drive_choice is not None and self.drive_choice.isChecked():
            return self.suggested
        if self.other_choice.isChecked():
            text = self.other_edit.text().strip()
            return Path(text).expanduser() if text else None
        return data_dir()

    @surfaces_errors
    def accept(self) -> None:
        folder = self.folder()
        if folder is None:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose a folder first."))
            return
        try:
            ensure_data_folder(folder)
            config.set_data_folder(folder)
        except UnionDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.chosen = Path(folder).absolute()
        super().accept()


def ask_data_folder() -> Path | None:
    """Show the first-run question; the chosen folder (saved in the config), or None if cancelled."""
    dialog = FirstRunDialog(suggested_data_folder())
    if not dialog.exec():
        return None
    return dialog.chosen
