"""MeetingsSettingsPage: the 会议与登记 group of 设置."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QSpinBox, QWidget

from union_desk.services import settings


class MeetingsSettingsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = self.tr("Meetings and registers")
        values = settings.get_all()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.reply_days = QSpinBox()
        self.reply_days.setObjectName("letters_reply_days")
        self.reply_days.setRange(1, 365)
        self.reply_days.setMaximumWidth(120)
        try:
            self.reply_days.setValue(int(values.get("letters_reply_days", "15") or 15))
        except ValueError:
            self.reply_days.setValue(15)
        self.reply_days.setSuffix(self.tr(" days"))
        form.addRow(self.tr("Days to reply to a letter or visit"), self.reply_days)
        self.hide_names = QCheckBox(self.tr("Hide the names when the letters and visits ledger is exported"))
        self.hide_names.setObjectName("letters_hide_names")
        self.hide_names.setChecked(values.get("letters_hide_names", "0") == "1")
        form.addRow("", self.hide_names)

    def values(self) -> dict[str, str]:
        return {
            "letters_reply_days": str(self.reply_days.value()),
            "letters_hide_names": "1" if self.hide_names.isChecked() else "0",
        }
