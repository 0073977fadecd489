"""文件 → 慰问类别与标准: edit the visit types, their standard amounts and caps.

Types are saved through `visits.save_visit_type`; a type no longer used is retired (启用 off),
never deleted, so old visits keep their type.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from union_desk.db.models import VisitType
from union_desk.errors import ValidationError
from union_desk.services import visits
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import money_edit, show_error
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.table_model import Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view

GROUPS = ("五必访", "节日", "生日", "助学", "救助", "吊唁", "其他")


class VisitTypesDialog(FormDialog):
    confirm_discard = False  # nothing typed here to lose

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Visit types and standards"))
        self.changed = False
        self.current: VisitType | None = None
        columns = [
            Column(self.tr("Name"), lambda t: t.name, 100),
            Column(self.tr("Group"), lambda t: t.group, 70),
            Column(self.tr("Standard"), lambda t: t.standard_amount, 84),
            Column(self.tr("Cap per visit"), lambda t: t.cap_per_visit, 90),
            Column(self.tr("Cap per member a year"), lambda t: t.cap_per_member_year, 124),
            Column(self.tr("Relative"), lambda t: t.needs_relative, 72),
            Column(self.tr("In use"), lambda t: t.active, 50),
        ]
        self.model = RecordTableModel(columns, self)
        self.model.muted = lambda t: not t.active
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=24,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._load_selected())

        self.name = QLineEdit()
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.addItems(GROUPS)
        self.standard = money_edit(placeholder="0.00")
        self.cap_visit = money_edit(placeholder=self.tr("no cap"))
        self.cap_year = money_edit(placeholder=self.tr("no cap"))
        self.needs_relative = QCheckBox(self.tr("A relative must be chosen (condolence on a death)"))
        self.active = QCheckBox(self.tr("In use (untick to retire the type)"))
        self.save_button = QPushButton(self.tr("Save type"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("New type"))
        self.new_button.clicked.connect(self.new_type)
        self.editing = QLabel()
        self.editing.setStyleSheet("font-weight: bold;")

        box = QGroupBox(self.tr("Type"))
        form = QFormLayout(box)
        form.addRow(self.editing)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Group"), self.group)
        form.addRow(self.tr("Standard amount (yuan)"), self.standard)
        form.addRow(self.tr("Cap per visit (yuan)"), self.cap_visit)
        form.addRow(self.tr("Cap per member a year (yuan)"), self.cap_year)
        form.addRow(self.needs_relative)
        form.addRow(self.active)
        hint = QLabel(self.tr("Amounts over a cap are allowed with a written reason. Types are never deleted."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form.addRow(hint)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.new_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.save_button)
        form.addRow(buttons_row)

        box.setFixedWidth(370)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(box)
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
            self.new_type()
        self.resize(1060, 580)

    def refresh(self, select_id: int | None = None) -> None:
        self.model.set_records(visits.visit_types(active_only=False))
        if select_id is not None:
            for row, record in enumerate(self.model.records):
                if record.id == select_id:
                    self.view.selectRow(row)

    def _load_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        vt = self.model.record_at(rows[0].row())
        self.current = vt
        self.editing.setText(self.tr("Editing: {name}").format(name=vt.name))
        self.name.setText(vt.name)
        self.group.setCurrentText(vt.group)
        self.standard.setText(f"{vt.standard_amount:.2f}")
        self.cap_visit.setText(f"{vt.cap_per_visit:.2f}" if vt.cap_per_visit is not None else "")
        self.cap_year.setText(f"{vt.cap_per_member_year:.2f}" if vt.cap_per_member_year is not None else "")
        self.needs_relative.setChecked(vt.needs_relative)
        self.active.setChecked(vt.active)

    def new_type(self) -> None:
        self.view.clearSelection()
        self.current = None
        self.editing.setText(self.tr("New type"))
        for edit in (self.name, self.standard, self.cap_visit, self.cap_year):
            edit.clear()
        self.group.setCurrentText("其他")
        self.needs_relative.setChecked(False)
        self.active.setChecked(True)
        self.name.setFocus()

    def data(self) -> dict:
        return {
            "name": self.name.text(),
            "group": self.group.currentText(),
            "standard_amount": self.standard.text(),
            "cap_per_visit": self.cap_visit.text(),
            "cap_per_member_year": self.cap_year.text(),
            "needs_relative": self.needs_relative.isChecked(),
            "active": self.active.isChecked(),
        }

    @surfaces_errors
    def save(self) -> bool:
        data = self.data()
        if self.current is None:
            data["sort_order"] = len(self.model.records)
        try:
            saved = visits.save_visit_type(data, self.current)
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return False
        self.changed = True
        self.refresh(saved.id)
        return True

    def reject(self) -> None:
        if self._unsaved() and QMessageBox.question(
            self, self.windowTitle(), self.tr("Save the changes to this type first?")
        ) == QMessageBox.StandardButton.Yes and not self.save():
            return
        super().reject()

    def _unsaved(self) -> bool:
        vt = self.current
        if vt is None:
            return bool(self.name.text().strip())
        loaded = {
            "name": vt.name,
            "group": vt.group,
            "standard_amount": f"{vt.standard_amount:.2f}",
            "cap_per_visit": f"{vt.cap_per_visit:.2f}" if vt.cap_per_visit is not None else "",
            "cap_per_member_year": f"{vt.cap_per_member_year:.2f}" if vt.cap_per_member_year is not None else "",
            "needs_relative": vt.needs_relative,
            "active": vt.active,
        }
        return loaded != self.data()
