"""变更状态: a member retires, transfers out, dies or leaves the union — a status with a date,
never a deletion (`services.members.change_status`, audited)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from union_desk.db.models import Member
from union_desk.errors import ValidationError
from union_desk.services import members
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.widgets.form_base import FormDialog


class StatusDialog(FormDialog):
    def __init__(self, member: Member, parent=None):
        super().__init__(parent)
        self.member = member
        self.setWindowTitle(self.tr("Change status: {name}").format(name=member.name))
        current = member.status
        if member.status_date:
            current = self.tr("{status} (since {date})").format(status=member.status, date=member.status_date.isoformat())
        self.current_label = QLabel(current)
        self.status_combo = QComboBox()
        self.status_combo.addItems(members.MEMBER_STATUSES)
        # the likely change: someone in post leaves; someone who left comes back
        self.status_combo.setCurrentText("退休" if member.status == "在职" else "在职")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = dt.date.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("e.g. retired on reaching the age"))

        form = QFormLayout(self.body)
        form.addRow(self.tr("Member"), QLabel(f"{member.name}　{member.department}"))
        form.addRow(self.tr("Current status"), self.current_label)
        form.addRow(self.tr("New status"), self.status_combo)
        form.addRow(self.tr("Date of change"), self.date_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_buttons(buttons)
        self.resize(420, self.sizeHint().height())

    def chosen_date(self) -> dt.date:
        return self.date_edit.date().toPython()

    @surfaces_errors
    def accept(self) -> None:
        try:
            members.change_status(
                self.member, self.status_combo.currentText(), self.chosen_date(), self.note_edit.text().strip()
            )
        except ValidationError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        super().accept()
