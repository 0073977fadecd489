"""A settings list editor on the form base: the records in a table (left, retired ones muted) and an
editor of the chosen one (right) with "New …" and "Save …" buttons, and a Close button.

Used by 文件 → 慰问类别与标准 (VisitTypesDialog), 会议类别… (KindsDialog) and 奖项设置…
(AwardTypesDialog). A subclass builds its fields between `setup_list(columns, …)` and
`setup_editor(…)` / `finish_editor(…)`, and gives:

- `records()`: the records to list;
- `show_record(record)`: fill the fields from `record` (None: a new record's defaults);
- `data()`: the fields' values; `loaded(record)`: the same dict for `record` as saved;
- `save_record(data, current)`: save through the service, return the saved record;
- `unsaved_question()`: asked on closing with unsaved changes.

Records are never deleted here: a record no longer used is retired (its `active` off)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from union_desk.errors import UnionDeskError
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import show_error
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.form_messages import message_of, say
from union_desk.ui.widgets.table_model import RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


class ListEditorDialog(FormDialog):
    confirm_discard = False  # asked by its own reject() about the record being edited
    save_errors: tuple[type[Exception], ...] = (UnionDeskError,)  # shown, not raised, by save()
    ask_only_when_user_closes = False  # reject(): ask only on the user's own closing, while shown

    def __init__(self, parent=None):
        super().__init__(parent)
        self.changed = False
        self.current = None
        self.error: QLabel | None = None  # a subclass may set an error label (and add it to its form)
        self._new_text = ""

    # --- building -----------------------------------------------------------------------------

    def setup_list(self, columns, object_name: str | None = None) -> None:
        """The table of records (`self.model`, `self.view`)."""
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda r: not r.active
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        if object_name:
            self.view.setObjectName(object_name)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._load_selected())

    def setup_editor(self, title: str, save_text: str, new_text: str) -> QFormLayout:
        """The editor box (`self.editor_box`) with its "editing" line; the subclass adds its rows
        to the returned form, then calls `finish_editor`."""
        self._new_text = new_text
        self.save_button = QPushButton(save_text)
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(new_text)
        self.new_button.clicked.connect(self.new_record)
        self.editing = QLabel()
        self.editing.setStyleSheet("font-weight: bold;")
        self.editor_box = QGroupBox(title)
        form = QFormLayout(self.editor_box)
        form.addRow(self.editing)
        return form

    def finish_editor(self, form: QFormLayout, box_width: int, width: int, height: int) -> None:
        """The New/Save row, the list beside the editor, Close; show the first record (or a new one)."""
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.new_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.save_button)
        form.addRow(buttons_row)
        self.editor_box.setFixedWidth(box_width)

        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(self.editor_box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self.body)
        layout.addLayout(body, 1)
        self.set_buttons(close)
        self.refresh()
        if self.model.records:
            self.view.selectRow(0)
        else:
            self.new_record()
        self.resize(width, height)

    # --- what a subclass gives ----------------------------------------------------------------

    def records(self) -> list:
        raise NotImplementedError

    def show_record(self, record) -> None:
        raise NotImplementedError

    def data(self) -> dict:
        raise NotImplementedError

    def loaded(self, record) -> dict:
        raise NotImplementedError

    def save_record(self, data: dict, current):
        raise NotImplementedError

    def unsaved_question(self) -> str:
        raise NotImplementedError

    # --- the list and the editor --------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        self.model.set_records(self.records())
        if select_id is not None:
            self.select(select_id)

    def select(self, record_id: int) -> None:
        for row, record in enumerate(self.model.records):
            if record.id == record_id:
                self.view.selectRow(row)

    def _say(self, text: str) -> None:
        if self.error is not None:
            say(self.error, text)

    def _load_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        record = self.model.record_at(rows[0].row())
        self.current = record
        self._say("")
        self.editing.setText(self.tr("Editing: {name}").format(name=record.name))
        self.show_record(record)

    def new_record(self) -> None:
        self.view.clearSelection()
        self.current = None
        self._say("")
        self.editing.setText(self._new_text)
        self.show_record(None)
        self.name.setFocus()

    @surfaces_errors
    def save(self) -> bool:
        self._say("")
        try:
            saved = self.save_record(self.data(), self.current)
        except self.save_errors as exc:
            self._say(message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return False
        self.changed = True
        self.refresh(saved.id)
        return True

    def reject(self) -> None:
        """Close: offer to save the record being edited first."""
        asking = not self.ask_only_when_user_closes or (self._user_closing and self.isVisible())
        if asking and self._unsaved() and QMessageBox.question(
            self, self.windowTitle(), self.unsaved_question()
        ) == QMessageBox.StandardButton.Yes and not self.save():
            return
        super().reject()

    def _unsaved(self) -> bool:
        if self.current is None:
            return bool(self.name.text().strip())
        return self.loaded(self.current) != self.data()
