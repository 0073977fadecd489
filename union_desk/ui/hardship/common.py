"""Small pieces shared by the 困难帮扶 forms: date and amount inputs, error boxes, reason prompts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from union_desk.errors import UnionDeskError
from union_desk.services.visits import CapExceeded



def date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value or dt.date.today()))
    edit.setMinimumWidth(110)
    return edit


def edit_date(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()


def money_edit(value: Decimal | None = None, placeholder: str = "") -> QLineEdit:
    """Amounts are typed as text; the service parses them ('1,005.5', '1005元', '￥500')."""
    edit = QLineEdit(f"{value:.2f}" if value is not None else "")
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setMaximumWidth(140)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def choice_combo(items, current: str = "", editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    for item in items:
        combo.addItem(item, item)
    if current:
        index = combo.findText(current)
        if index < 0:
            combo.addItem(current, current)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
    return combo


def save_cancel_buttons(dialog, save_text: str | None = None) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text or QCoreApplication.translate("HardshipCommon", "Save"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("HardshipCommon", "Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def show_error(parent: QWidget, title: str, error: Exception) -> None:
    text = error.message if isinstance(error, UnionDeskError) else str(error)
    QMessageBox.warning(parent, title, text)


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A one-line question; None when cancelled, the stripped answer otherwise."""
    answer, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return answer.strip() if ok else None


def cap_prompt(error: CapExceeded, limit: int = 12) -> str:
    lines = list(error.warnings[:limit])
    if len(error.warnings) > limit:
        lines.append(QCoreApplication.translate("HardshipCommon", "… and {count} more").format(count=len(error.warnings) - limit))
    return (
        QCoreApplication.translate("HardshipCommon", "The amount is over the standard:")
        + "\n"
        + "\n".join(f"· {line}" for line in lines)
        + "\n\n"
        + QCoreApplication.translate("HardshipCommon", "To pay it anyway, give the reason (kept with the record):")
    )


def ask_over_cap_reason(parent: QWidget, error: CapExceeded) -> str | None:
    """Show the cap warnings and ask for the reason; None when the user gives none."""
    reason = ask_text(parent, QCoreApplication.translate("HardshipCommon", "Over the standard"), cap_prompt(error))
    if reason is None:
        return None
    if not reason:
        QMessageBox.warning(parent, QCoreApplication.translate("HardshipCommon", "Over the standard"), error.message)
        return None
    return reason


def with_over_cap_reason(parent: QWidget, action):
    """Call `action(over_cap_reason)`; on CapExceeded ask for a reason and call it again.

    Returns the action's result, or None when the user declined to give a reason.
    Other errors propagate to the caller.
    """
    reason = ""
    while True:
        try:
            return action(reason)
        except CapExceeded as exc:
            if reason:  # a reason was given and it is still refused: show why
                raise
            reason = ask_over_cap_reason(parent, exc)
            if reason is None:
                return None
