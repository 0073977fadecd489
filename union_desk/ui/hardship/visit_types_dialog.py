"""文件 → 慰问类别与标准: edit the visit types, their standard amounts and caps.

Types are saved through `visits.save_visit_type`; a type no longer used is retired (启用 off),
never deleted, so old visits keep their type.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from union_desk.db.models import VisitType
from union_desk.errors import ValidationError
from union_desk.services import visits
from union_desk.ui.hardship.common import money_edit
from union_desk.ui.widgets.list_editor import ListEditorDialog
from union_desk.ui.widgets.table_model import Column

GROUPS = ("五必访", "节日", "生日", "助学", "救助", "吊唁", "其他")


class VisitTypesDialog(ListEditorDialog):
    save_errors = (ValidationError,)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Visit types and standards"))
        columns = [
            Column(self.tr("Name"), lambda t: t.name, 100),
            Column(self.tr("Group"), lambda t: t.group, 70),
            Column(self.tr("Standard"), lambda t: t.standard_amount, 84),
            Column(self.tr("Cap per visit"), lambda t: t.cap_per_visit, 90),
            Column(self.tr("Cap per member a year"), lambda t: t.cap_per_member_year, 124),
            Column(self.tr("Relative"), lambda t: t.needs_relative, 72),
            Column(self.tr("In use"), lambda t: t.active, 50),
        ]
        self.setup_list(columns)

        self.name = QLineEdit()
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.addItems(GROUPS)
        self.standard = money_edit(placeholder="0.00")
        self.cap_visit = money_edit(placeholder=self.tr("no cap"))
        self.cap_year = money_edit(placeholder=self.tr("no cap"))
        self.needs_relative = QCheckBox(self.tr("A relative must be chosen (condolence on a death)"))
        self.active = QCheckBox(self.tr("In use (untick to retire the type)"))

        form = self.setup_editor(self.tr("Type"), self.tr("Save type"), self.tr("New type"))
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
        self.finish_editor(form, 370, 1060, 580)

    def records(self) -> list:
        return visits.visit_types(active_only=False)

    def show_record(self, vt: VisitType | None) -> None:
        if vt is None:
            for edit in (self.name, self.standard, self.cap_visit, self.cap_year):
                edit.clear()
            self.group.setCurrentText("其他")
            self.needs_relative.setChecked(False)
            self.active.setChecked(True)
            return
        self.name.setText(vt.name)
        self.group.setCurrentText(vt.group)
        self.standard.setText(f"{vt.standard_amount:.2f}")
        self.cap_visit.setText(f"{vt.cap_per_visit:.2f}" if vt.cap_per_visit is not None else "")
        self.cap_year.setText(f"{vt.cap_per_member_year:.2f}" if vt.cap_per_member_year is not None else "")
        self.needs_relative.setChecked(vt.needs_relative)
        self.active.setChecked(vt.active)

    def new_type(self) -> None:
        self.new_record()

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

    def save_record(self, data: dict, current: VisitType | None) -> VisitType:
        if current is None:
            data["sort_order"] = len(self.model.records)
        return visits.save_visit_type(data, current)

    def unsaved_question(self) -> str:
        return self.tr("Save the changes to this type first?")

    def loaded(self, vt: VisitType) -> dict:
        return {
            "name": vt.name,
            "group": vt.group,
            "standard_amount": f"{vt.standard_amount:.2f}",
            "cap_per_visit": f"{vt.cap_per_visit:.2f}" if vt.cap_per_visit is not None else "",
            "cap_per_member_year": f"{vt.cap_per_member_year:.2f}" if vt.cap_per_member_year is not None else "",
            "needs_relative": vt.needs_relative,
            "active": vt.active,
        }
