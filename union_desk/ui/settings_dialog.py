"""文件 → 设置: school, union, chair, default handler, printing font (and its face in a .ttc), language;
where the data file is (移动…) and the second backup place (备份位置, kept in the per-user config)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from union_desk import areas, config
from union_desk.db import backup, database
from union_desk.errors import UnionDeskError, ValidationError
from union_desk.config import configured_db_path
from union_desk.paths import DB_ENV
from union_desk.printing.fonts import collection_faces, resolve_font
from union_desk.services import maintenance, settings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog


class SettingsDialog(FormDialog):
    """On the form base: scrolls above 保存/取消 on a small screen, Esc with changes asks."""

    FIELDS = ("school_name", "union_name", "chair", "default_handler")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        values = settings.get_all()
        self.edits: dict[str, QLineEdit] = {}
        # 常规 on the first tab; each area's own settings on a tab of its own (ten areas' groups one
        # under another would not fit a 1366×768 screen)
        self.tabs = QTabWidget()
        QVBoxLayout(self.body).addWidget(self.tabs)
        general = QWidget()
        self.tabs.addTab(general, self.tr("General"))
        form = QFormLayout(general)
        self._form = form
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
        form.addRow(self.tr("Printing font file"), _field_with_button(self.font_edit, browse))
        # A collection (.ttc: SimSun + NSimSun, ...) holds several faces: the user picks one.
        self.font_face = QComboBox()
        self._saved_face = (values.get("print_font", ""), settings.font_index())
        form.addRow(self.tr("Font in the file"), self.font_face)
        self.font_state = QLabel()
        form.addRow("", self.font_state)
        self.font_edit.textChanged.connect(self._fill_faces)
        self.font_face.currentIndexChanged.connect(self._show_font)
        self._fill_faces()

        self._build_data_rows(form)

        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(values.get("language", "zh_CN"))))
        form.addRow(self.tr("Language (after restart)"), self.language)

        # each area's own settings (union_desk.areas: settings_pages), saved with the rest
        self.area_pages = [page_class() for page_class in areas.settings_pages()]
        for page in self.area_pages:
            holder = QWidget()
            layout = QVBoxLayout(holder)
            layout.addWidget(page)
            layout.addStretch(1)
            self.tabs.addTab(holder, page.title)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return super().sizeHint().expandedTo(QSize(520, 0))

    def _choose_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a font file"), "", self.tr("Fonts (*.ttf *.ttc *.otf)")
        )
        if path:
            self.font_edit.setText(path)

    def _fill_faces(self) -> None:
        path = self.font_edit.text().strip()
        faces = collection_faces(path) if path and Path(path).is_file() else []
        self.font_face.blockSignals(True)
        self.font_face.clear()
        for index, name in enumerate(faces):
            self.font_face.addItem(name, index)
        saved_path, saved_index = self._saved_face
        if faces and path == saved_path and saved_index < len(faces):
            self.font_face.setCurrentIndex(saved_index)
        self.font_face.blockSignals(False)
        self._form.setRowVisible(self.font_face, bool(faces))
        self._show_font()

    def _face_index(self) -> int:
        return int(self.font_face.currentData() or 0) if self.font_face.count() else 0

    # --- where the data lives ------------------------------------------------------------------

    def _db_path(self) -> Path | None:
        window = self.parent()
        path = getattr(window, "db_path", None)
        if path is None:
            try:
                path = database.database_path()
            except Exception:  # noqa: BLE001 - no database open (a test of the dialog alone)
                return None
        return Path(path)

    def _build_data_rows(self, form: QFormLayout) -> None:
        db_path = self._db_path()
        self.data_file = QLabel(str(db_path) if db_path else "")
        self.data_file.setWordWrap(True)
        self.data_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.move_button = QPushButton(self.tr("Move…"))
        self.move_button.clicked.connect(self._move_data)
        movable = db_path is not None and not os.environ.get(DB_ENV) and db_path == configured_db_path()
        self.move_button.setEnabled(movable)
        if not movable:
            self.move_button.setToolTip(
                self.tr("This data file was chosen with --db, --demo or UNION_DESK_DB; it is not moved from here.")
            )
        form.addRow(self.tr("Data file"), _field_with_button(self.data_file, self.move_button))

        self.backup_place = QLineEdit(str(config.second_backup_dir() or ""))
        self.backup_place.setPlaceholderText(self.tr("None: choose a folder on another drive or a USB stick"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_backup_place)
        form.addRow(self.tr("Second backup place"), _field_with_button(self.backup_place, choose))
        hint = QLabel(
            self.tr("Every backup is copied there too when the folder is present (a USB stick may be unplugged).")
        )
        hint.setWordWrap(True)
        form.addRow("", hint)

    def _choose_backup_place(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Second backup place"), self.backup_place.text().strip() or str(Path.home())
        )
        if folder:
            self.backup_place.setText(folder)

    def _move_data(self) -> None:
        from union_desk.ui.data_move import move_data

        folder = QFileDialog.getExistingDirectory(self, self.tr("Move the data file to"), str(Path.home()))
        if not folder:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Move the data file"),
            self.tr(
                "Copy the data file and its backups to\n{folder}\nand use it there from now on?\n\n"
                "The old file stays where it is, unchanged."
            ).format(folder=folder),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        new = move_data(self, self.parent(), Path(folder))
        if new is not None:
            self.data_file.setText(str(new))

    def _save_backup_place(self) -> str | None:
        """Save 备份位置 in the per-user config; a refusal message, or None."""
        text = self.backup_place.text().strip()
        folder = Path(text).expanduser() if text else None
        if folder == config.second_backup_dir():
            return None
        db_path = self._db_path()
        if folder is not None:
            if not folder.is_dir():
                return self.tr("The backup place does not exist: {path}").format(path=folder)
            if db_path is not None and not maintenance.is_outside_data_folder(folder, db_path):
                return self.tr("The backup place must be outside the data folder.")
        config.set_second_backup_dir(folder)
        newest = backup.list_backups(db_path) if folder is not None and db_path is not None else []
        if newest:  # a copy there now, so the place is in use from today
            warning = maintenance.copy_to_second_place(db_path, newest[0])
            if warning:
                QMessageBox.warning(self, self.tr("Settings"), warning)
        return None

    def _show_font(self) -> None:
        choice = resolve_font(self.font_edit.text().strip() or None, self._face_index())
        text = self.tr("Printing will use: {font}").format(font=choice.description)
        if choice.problem:
            text += "\n" + choice.problem
        self.font_state.setText(text)

    def values(self) -> dict[str, str]:
        data = {key: edit.text() for key, edit in self.edits.items()}
        data["print_font"] = self.font_edit.text()
        data["pdf_font_index"] = str(self._face_index())
        data["language"] = self.language.currentData()
        return data

    @surfaces_errors
    def accept(self) -> None:
        values = self.values()
        for page in self.area_pages:
            values.update(page.values())
        font = values["print_font"].strip()
        if font and not Path(font).is_file():
            QMessageBox.warning(self, self.tr("Settings"), self.tr("The font file does not exist."))
            return
        try:
            settings.validate(values)
            refused = self._save_backup_place()
            if refused:
                QMessageBox.warning(self, self.tr("Settings"), refused)
                return
            settings.save(values)
        except (ValidationError, UnionDeskError) as exc:
            self._show_tab_of(getattr(exc, "field", None))
            QMessageBox.warning(self, self.tr("Settings"), exc.message)
            return
        super().accept()

    def _show_tab_of(self, key: str | None) -> None:
        """Bring the tab holding the refused setting to the front."""
        for page in self.area_pages:
            if key and key in page.values():
                self.tabs.setCurrentWidget(page.parentWidget())
                return
        if key in self.edits or key in ("print_font", "language"):
            self.tabs.setCurrentIndex(0)

    def tab_title_of(self, page: QWidget) -> str:
        return self.tabs.tabText(self.tabs.indexOf(page.parentWidget()))


def _field_with_button(field: QWidget, button: QWidget) -> QWidget:
    """A form row's field that stretches, with its button (选择…, 移动…) beside it."""
    row_widget = QWidget()
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    row.addWidget(button)
    return row_widget
