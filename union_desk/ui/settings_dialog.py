"""文件 → 设置: school, union, chair, default handler, printing font, language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from union_desk.errors import ValidationError
from union_desk.printing.fonts import resolve_font
from union_desk.services import settings
from union_desk.ui.error_handling import surfaces_errors


class SettingsDialog(QDialog):
    FIELDS = ("school_name", "union_name", "chair", "default_handler")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        values = settings.get_all()
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        labels = {
            "school_name": self.tr("School name"),
            "union_name": self.tr("Union name"),
            "chair": self.tr("Union chair"),
            "default_handler": self.tr("Default handler"),
        }
        for key in self.FIELDS:
            edit = QLineEdit(values.get(key, ""))
            edit.setMaxLength(settings.LIMITS[key])
            self.edits[key] = edit
            form.addRow(labels[key], edit)

        self.font_edit = QLineEdit(values.get("print_font", ""))
        self.font_edit.setPlaceholderText(self.tr("Automatic (Windows fonts, then Linux fonts, then STSong-Light)"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_font)
        font_row = QWidget()
        row = QHBoxLayout(font_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.font_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Printing font file"), font_row)
        self.font_state = QLabel()
        form.addRow("", self.font_state)
        self.font_edit.textChanged.connect(self._show_font)
        self._show_font()

        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(values.get("language", "zh_CN"))))
        form.addRow(self.tr("Language (after restart)"), self.language)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def _choose_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a font file"), "", self.tr("Fonts (*.ttf *.ttc *.otf)")
        )
        if path:
            self.font_edit.setText(path)

    def _show_font(self) -> None:
        choice = resolve_font(self.font_edit.text().strip() or None)
        text = self.tr("Printing will use: {font}").format(font=choice.description)
        if choice.problem:
            text += "\n" + choice.problem
        self.font_state.setText(text)

    def values(self) -> dict[str, str]:
        data = {key: edit.text() for key, edit in self.edits.items()}
        data["print_font"] = self.font_edit.text()
        data["language"] = self.language.currentData()
        return data

    @surfaces_errors
    def accept(self) -> None:
        values = self.values()
        font = values["print_font"].strip()
        if font and not Path(font).is_file():
            QMessageBox.warning(self, self.tr("Settings"), self.tr("The font file does not exist."))
            return
        try:
            settings.save(values)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Settings"), exc.message)
            return
        super().accept()
