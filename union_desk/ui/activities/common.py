"""Small pieces shared by the 活动报名 widgets: error boxes, the sign-up questions, a text report.

`ask_and_sign_up` is the one place the UI turns the service's NeedsConfirmation into questions:
'deadline' → a yes/no question, then retry with after_deadline_ok=True; 'eligibility' → ask for
the reason, then retry with override_reason. The rules themselves stay in services.activities.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.models import ActivityItem, Member, SignUp
from union_desk.errors import UnionDeskError
from union_desk.services import activities
from union_desk.services.activities import NeedsConfirmation
from union_desk.ui.widgets.form_base import FormDialog


def show_error(parent: QWidget, title: str, error: Exception) -> None:
    text = error.message if isinstance(error, UnionDeskError) else str(error)
    QMessageBox.warning(parent, title, text)


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A one-line question; None when cancelled, the stripped answer otherwise."""
    answer, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return answer.strip() if ok else None


def ask_yes(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def with_confirmations(parent: QWidget, title: str, action):
    """Call `action(**overrides)`; on NeedsConfirmation ask the user and call it again.

    Returns the action's result, or None when the user said no (or gave no reason).
    Other errors propagate.
    """
    overrides: dict = {}
    while True:
        try:
            return action(**overrides)
        except NeedsConfirmation as exc:
            if exc.kind == "deadline" and not overrides.get("after_deadline_ok"):
                if not ask_yes(parent, title, exc.message):
                    return None
                overrides["after_deadline_ok"] = True
            elif exc.kind == "eligibility" and not overrides.get("override_reason"):
                reason = ask_text(parent, title, exc.message + "\n\n" + QCoreApplication.translate("ActivitiesCommon", "Reason:"))
                if not reason:
                    if reason is not None:  # OK pressed with an empty answer
                        QMessageBox.warning(parent, title, QCoreApplication.translate("ActivitiesCommon", "Without a reason the sign-up is not made."))
                    return None
                overrides["override_reason"] = reason
            else:
                raise


def ask_and_sign_up(parent: QWidget, item: ActivityItem, member: Member) -> SignUp | None:
    """Sign `member` up for `item`, asking about the deadline and eligibility when needed."""
    return with_confirmations(
        parent, QCoreApplication.translate("ActivitiesCommon", "Sign up"), lambda **overrides: activities.sign_up(item, member, **overrides)
    )


def signup_result_text(signup: SignUp) -> str:
    if signup.state == activities.WAITING:
        return QCoreApplication.translate("ActivitiesCommon", "{name} is on the waiting list of “{item}” (position {position}).").format(
            name=signup.member.name, item=signup.item.name, position=activities.waiting_position(signup)
        )
    return QCoreApplication.translate("ActivitiesCommon", "{name} is signed up for “{item}”.").format(name=signup.member.name, item=signup.item.name)


def names(signups) -> str:
    return "、".join(s.member.name for s in signups)


class ReportDialog(FormDialog):
    """A summary line and a read-only text (who was skipped and why, import problems …)."""

    confirm_discard = False  # nothing typed here to lose

    def __init__(self, title: str, summary: str, details: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setVisible(bool(details))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(QCoreApplication.translate("ActivitiesCommon", "Close"))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        self.set_buttons(buttons)
        self.resize(560, 380 if details else 120)


def show_report(parent: QWidget, title: str, summary: str, details: str = "") -> None:
    dialog = ReportDialog(title, summary, details, parent)
    dialog.exec()


def datetime_edit(value: dt.datetime | None, default_time: QTime | None = None) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    if value is not None:
        edit.setDateTime(QDateTime(value))
    else:
        now = QDateTime.currentDateTime()
        now.setTime(default_time or QTime(9, 0))
        edit.setDateTime(now)
    edit.setMinimumWidth(150)
    return edit


def edit_datetime(edit: QDateTimeEdit) -> dt.datetime:
    return edit.dateTime().toPython().replace(second=0, microsecond=0)


def big_font(widget: QWidget, points: float, style: str = "") -> None:
    """Show `widget` in `points` pt (plus the style sheet declarations `style`, e.g. a colour).

    The size goes into the widget's own style sheet: the application's sheet (resources/style.qss,
    `QWidget { font-size: 10.5pt; }`) would win over a plain setFont. Call it again (not
    setStyleSheet) to change `style` later."""
    font = QFont(widget.font())
    font.setPointSizeF(points)
    widget.setFont(font)  # no style sheet at all (tests, a plain QApplication)
    widget.setStyleSheet(f"font-size: {points:g}pt; {style}".strip())
