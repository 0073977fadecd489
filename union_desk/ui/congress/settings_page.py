"""CongressSettingsPage: the 教代会 group of 设置 (thresholds, reply days, 承办部门).

Shown by ui/settings_dialog.py inside a QGroupBox titled `title`; `values()` gives the area's
setting keys, saved (and checked by each SettingKey.check) with the rest of the dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from union_desk import areas
from union_desk.services import settings

KEYS = ("congress_quorum", "congress_majority", "congress_reply_days", "congress_teacher_min",
        "congress_leader_max", "congress_women_gap")


class CongressSettingsPage(QWidget):
    """Three short label + field pairs a row (the 设置 dialog holds every area's group); each
    field's tooltip is the setting's full wording."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = self.tr("Staff congress")
        values = settings.get_all()
        described = {k.key: k.label for k in areas.setting_keys()}
        labels = {
            "congress_quorum": self.tr("Quorum"),
            "congress_majority": self.tr("Majority"),
            "congress_reply_days": self.tr("Reply within (days)"),
            "congress_teacher_min": self.tr("Teachers at least (%)"),
            "congress_leader_max": self.tr("Leaders at most (%)"),
            "congress_women_gap": self.tr("Women gap (points)"),
        }
        hints = {"congress_quorum": "2/3", "congress_majority": "1/2"}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit] = {}
        for index, key in enumerate(KEYS):
            edit = QLineEdit(values.get(key, ""))
            edit.setObjectName(key)
            edit.setPlaceholderText(hints.get(key, ""))
            edit.setToolTip(described.get(key, ""))
            edit.setMaximumWidth(56)
            self.edits[key] = edit
            row, column = divmod(index, 3)
            label = QLabel(labels[key])
            label.setToolTip(described.get(key, ""))
            label.setBuddy(edit)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(edit, row, column * 2 + 1)
        self.departments = QLineEdit(values.get("congress_departments", ""))
        self.departments.setObjectName("congress_departments")
        self.departments.setToolTip(described.get("congress_departments", "") + "；"
                                    + self.tr("Separate the departments with 、 or new lines."))
        self.departments.setMinimumWidth(120)
        grid.addWidget(QLabel(self.tr("Departments")), 2, 0)
        grid.addWidget(self.departments, 2, 1, 1, 5)
        grid.setColumnStretch(5, 1)

    def values(self) -> dict[str, str]:
        data = {key: edit.text().strip() for key, edit in self.edits.items()}
        data["congress_departments"] = self.departments.text().strip()
        return data
