"""作废 and 作废重开 of a visit: both keep the old serial, voided with the reason given."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from union_desk.db.models import Visit
from union_desk.errors import ValidationError
from union_desk.services import visits
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import ask_text, money_edit, save_cancel_buttons, show_error
from union_desk.ui.hardship.visit_form import reissue_visit
from union_desk.ui.widgets.form_base import FormDialog



def void_visit(parent: QWidget, visit: Visit) -> bool:
    """Ask for the reason and void; True when the visit was voided."""
    title = QCoreApplication.translate("VisitActions", "Void a visit")
    reason = ask_text(
        parent,
        title,
        QCoreApplication.translate("VisitActions", "Void slip {serial} ({name}, {type}, {cash} yuan).\nReason (required):").format(
            serial=visit.serial, name=visit.member.name, type=visit.visit_type.name, cash=f"{visit.cash:,.2f}"
        ),
    )
    if reason is None:
        return False
    try:
        visits.void_visit(visit, reason)
    except ValidationError as exc:
        show_error(parent, title, exc)
        return False
    return True


class ReissueDialog(FormDialog):
    """Void `visit` and issue a corrected copy with a new serial number (visits.reissue)."""

    def __init__(self, visit: Visit, parent=None):
        super().__init__(parent)
        self.visit = visit
        self.saved: Visit | None = None
        self.setWindowTitle(self.tr("Void and reissue"))
        summary = QLabel(
            self.tr("Slip {serial}: {name}, {type}, {date}, {cash} yuan").format(
                serial=visit.serial,
                name=visit.member.name,
                type=visit.visit_type.name,
                date=f"{visit.date:%Y-%m-%d}",
                cash=f"{visit.cash:,.2f}",
            )
        )
        summary.setWordWrap(True)
        note = QLabel(self.tr("The old slip stays on record as voided; the new one gets the next serial number."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the amount should be 600 yuan"))
        self.cash = money_edit(visit.cash)
        form = QFormLayout()
        form.addRow(self.tr("Reason for voiding"), self.reason)
        form.addRow(self.tr("Corrected amount (yuan)"), self.cash)
        layout = QVBoxLayout(self.body)
        layout.addWidget(summary)
        layout.addWidget(note)
        layout.addLayout(form)
        self.set_buttons(save_cancel_buttons(self, self.tr("Void and reissue")))
        self.resize(460, self.sizeHint().height())

    @surfaces_errors
    def accept(self) -> None:
        if self.visit.voided:
            show_error(self, self.windowTitle(), ValidationError(self.tr("This slip is already voided.")))
            return
        saved = reissue_visit(self, self.visit, self.reason.text(), {"cash": self.cash.text()})
        if saved is None:
            return
        self.saved = saved
        super().accept()
