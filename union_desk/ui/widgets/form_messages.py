"""Small pieces for a form's messages and buttons, shared by the 工会经费, 评优表彰 and 会议与登记
pages and forms (through their `common` modules): a service error's text, the red error line,
showing or hiding a message, a push button wired to its slot."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from union_desk.errors import UnionDeskError

ERROR_COLOR = "#b00020"  # a refused value


def message_of(exc: Exception) -> str:
    """What to show of `exc`: a UnionDeskError's message, else its text."""
    return exc.message if isinstance(exc, UnionDeskError) else str(exc)


def error_label() -> QLabel:
    """The red error line of a form (objectName formError), hidden while empty."""
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setVisible(False)
    return label


def say(label: QLabel, text: str) -> None:
    """Show `text` on `label`; hide it when empty."""
    label.setText(text)
    label.setVisible(bool(text))


def button(text: str, slot) -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    return b
