"""台账 page of the side navigation: the ledger export panel (the same as the 台账 dialog's,
`ledger_panel.LedgerPanel`) with the ledgers of every area, the period, the inspection pack and
导入台账…, plus a line saying which school and 制表人 the files will carry (from 设置).

An import through the page needs nothing more: the change notification refreshes the views.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from union_desk.ui.books.ledger_panel import LedgerPanel

CONTENT_WIDTH = 900  # the panel does not stretch across a wide screen


class LedgerPage(QWidget):
    """The panel is `panel`; `refresh()` re-reads the school and the chair (one settings read)."""

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.settings_label = QLabel()
        self.settings_label.setObjectName("ledgerSettings")
        self.settings_label.setWordWrap(True)
        self.settings_label.setStyleSheet("color: #555;")
        self.panel = LedgerPanel(today=today)

        content = QWidget()
        content.setMaximumWidth(CONTENT_WIDTH)
        inner = QVBoxLayout(content)
        inner.addWidget(self.settings_label)
        inner.addWidget(self.panel, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(content)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    def refresh(self) -> None:
        """The school and the chair (制表人) as the settings say now; the choices stay as they are."""
        from union_desk.services import settings

        values = settings.get_all()
        school, chair = values.get("school_name", "").strip(), values.get("chair", "").strip()
        if school:
            text = self.tr("The ledgers carry the school “{school}” and, as preparer, “{chair}”; change them in Settings.").format(
                school=school, chair=chair or self.tr("(not set)"))
        else:
            text = self.tr("The school's name is not set yet: set it in Settings, it is printed on every ledger and in the file names.")
        self.settings_label.setText(text)
