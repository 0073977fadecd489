"""Small pieces shared by the 会议与登记 pages and forms: labels, the warning styles, first lines of
long texts. (The plan item picker is union_desk.ui.widgets.plan_item_picker.)"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from union_desk.ui.widgets import form_messages

WARNING_COLOR = "#b00020"  # overdue, refused
AMBER_STYLE = ("color: #7a4b00; background: #fff4d6; border: 1px solid #e6c06a; border-radius: 3px;"
               " padding: 4px 6px;")

# the form messages and buttons, shared with the other pages (union_desk.ui.widgets.form_messages)
message_of = form_messages.message_of
error_label = form_messages.error_label
say = form_messages.say
button = form_messages.button


def first_line(text: str, limit: int = 40) -> str:
    """The first non-empty line of `text`, cut to `limit` characters."""
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""


def amber_label() -> QLabel:
    label = QLabel()
    label.setObjectName("countWarning")
    label.setWordWrap(True)
    label.setStyleSheet(AMBER_STYLE)
    label.setVisible(False)
    return label


def overdue_days(due: dt.date | None, today: dt.date | None = None) -> int:
    """Days past `due` (0 when not past or no date)."""
    if due is None:
        return 0
    today = today or dt.date.today()
    return max(0, (today - due).days)
