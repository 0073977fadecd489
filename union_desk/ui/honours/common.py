"""Small pieces shared by the 评优表彰 pages and forms: message labels, optional date fields,
union group names, warning boxes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from union_desk.ui.widgets import form_messages

WARNING_COLOR = "#b00020"
AMBER_STYLE = ("color: #7a4b00; background: #fff4d6; border: 1px solid #e6c06a; border-radius: 3px;"
               " padding: 4px 6px;")
MUTED_COLOR = "#666666"

# the form messages and buttons, shared with the other pages (union_desk.ui.widgets.form_messages)
message_of = form_messages.message_of
error_label = form_messages.error_label
say = form_messages.say
button = form_messages.button


def amber_label() -> QLabel:
    label = QLabel()
    label.setObjectName("warning")
    label.setWordWrap(True)
    label.setStyleSheet(AMBER_STYLE)
    label.setVisible(False)
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED_COLOR};")
    return label


def date_field(value: dt.date | None = None, name: str = "") -> QLineEdit:
    """An optional date, typed (2027-03-01, 2027.3.1, 3月1日 …); the service parses it."""
    edit = QLineEdit(value.isoformat() if value else "")
    edit.setPlaceholderText("yyyy-mm-dd")
    edit.setMaximumWidth(130)
    if name:
        edit.setObjectName(name)
    return edit


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """公示期 '03-02~03-06' (with the year when it differs from the start's)."""
    if not start and not end:
        return ""
    left = f"{start:%m-%d}" if start else "?"
    right = (f"{end:%m-%d}" if not start or end.year == start.year else end.isoformat()) if end else "?"
    return f"{left}~{right}"


def union_groups() -> list[str]:
    from union_desk.services import members

    return [g for g in members.distinct_values("union_group") if g]


def show_warnings(parent: QWidget, title: str, warnings: list[str]) -> None:
    """Warnings after a save (the save is done): one information box."""
    if warnings:
        QMessageBox.information(parent, title, "\n".join(f"· {w}" for w in warnings))


def confirm(parent: QWidget, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes
