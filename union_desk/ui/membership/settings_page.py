"""DuesSettingsPage: the 会籍与会费 group of 设置 — 会费比例 (dues_rate, per cent of the monthly wage
base), 取整方式 (dues_rounding, a key of domain.membership.ROUNDINGS), 工资不足十元部分不计
(dues_floor_ten, "0" / "1") and 收缴周期 (dues_period, a key of PERIOD_KINDS).

Shown by ui/settings_dialog.py on a tab titled `title`; `values()` gives the keys, saved (and checked
by each SettingKey.check: a rate outside 0–5% is refused there) with the rest of the dialog. A change
applies to what is computed from then on: payments already recorded keep their amounts."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from union_desk.domain import membership as rules
from union_desk.services import settings

KEYS = ("dues_rate", "dues_rounding", "dues_floor_ten", "dues_period")


def _current(key: str, default: str) -> str:
    try:
        return settings.get(key) or default
    except Exception:  # noqa: BLE001 - a database without the area's keys yet: the default
        return default


class DuesSettingsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = self.tr("Membership and dues")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.rate = QLineEdit(_current("dues_rate", str(rules.DEFAULT_RATE)))
        self.rate.setObjectName("dues_rate")
        self.rate.setMaximumWidth(100)
        form.addRow(self.tr("Dues rate (% of the monthly wage base)"), self.rate)
        self.rounding = QComboBox()
        self.rounding.setObjectName("dues_rounding")
        for key, (label, _step, _mode) in rules.ROUNDINGS.items():
            self.rounding.addItem(label, key)
        self.rounding.setCurrentIndex(max(0, self.rounding.findData(_current("dues_rounding", "fen"))))
        form.addRow(self.tr("Rounding"), self.rounding)
        self.floor_ten = QCheckBox(self.tr("The part of the wage under ten yuan is not counted"))
        self.floor_ten.setObjectName("dues_floor_ten")
        self.floor_ten.setChecked(_current("dues_floor_ten", "1") != "0")
        form.addRow("", self.floor_ten)
        self.period = QComboBox()
        self.period.setObjectName("dues_period")
        for key, (label, _months) in rules.PERIOD_KINDS.items():
            self.period.addItem(label, key)
        self.period.setCurrentIndex(max(0, self.period.findData(_current("dues_period", "month"))))
        form.addRow(self.tr("Collection period"), self.period)
        self.hint = QLabel(self.tr(
            "Dues owed per period = wage base × rate × months, rounded once. A new rate or rounding applies"
            " from the current period on; the periods already collected keep the rule they were collected under."))
        self.hint.setObjectName("duesSettingsHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        form.addRow(self.hint)

    def values(self) -> dict[str, str]:
        return {
            "dues_rate": self.rate.text().strip().rstrip("%％").strip(),
            "dues_rounding": self.rounding.currentData(),
            "dues_floor_ten": "1" if self.floor_ten.isChecked() else "0",
            "dues_period": self.period.currentData(),
        }
