"""FundsSettingsPage: the 工会经费 group of 设置 — 慰问品价值记入经费账 (funds_post_goods) and the
category each kind of posting goes to (funds_map_visit, _visit_batch, _assistance, _activity,
_activity_training).

Shown by ui/settings_dialog.py inside a QGroupBox titled `title`; `values()` gives the keys, saved
(and checked by each SettingKey.check) with the rest of the dialog. The goods setting changes what
the existing postings should be: once the dialog has saved a changed value, the page offers to
bring them in line (services.fund_posting.repost_all). A mapping applies to new postings only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QGridLayout, QLabel, QMessageBox, QWidget

from union_desk.domain import funds as rules
from union_desk.services import settings

MAP_KEYS = ("funds_map_visit", "funds_map_visit_batch", "funds_map_assistance", "funds_map_activity",
            "funds_map_activity_training")
KEYS = ("funds_post_goods", *MAP_KEYS)


def _categories() -> list[tuple[str, str]]:
    """(code, '1.4 职工集体福利支出') of the categories; the seed's when the funds tables are missing."""
    try:
        from union_desk.services import funds

        return [(c.code, funds.category_label(c)) for c in funds.categories()]
    except Exception:  # noqa: BLE001 - the area not installed yet in this database: the seed list
        from union_desk.db.fund_models import SEED_CATEGORIES

        return [(code, f"{code} {name}") for code, name in SEED_CATEGORIES]


def _offer_repost(before: str, after: str) -> None:
    """After the settings dialog saved: if funds_post_goods really changed, offer repost_all."""
    try:
        now = settings.get("funds_post_goods")
    except Exception:  # noqa: BLE001 - the database went away meanwhile
        return
    if now == before or now != after:
        return
    title = QCoreApplication.translate("FundsSettingsPage", "Union funds")
    if after == "1":
        head = QCoreApplication.translate("FundsSettingsPage", "Goods value is now posted to the funds book.")
    else:
        head = QCoreApplication.translate("FundsSettingsPage", "Goods value is no longer posted to the funds book.")
    text = (head + "\n" + QCoreApplication.translate("FundsSettingsPage", "Bring the existing postings of visits and assistance in"
                                            " line now (reversing and re-posting entries)?"))
    parent = QApplication.activeWindow()
    answer = QMessageBox.question(parent, title, text)
    if answer != QMessageBox.StandardButton.Yes:
        return
    from union_desk.errors import UnionDeskError
    from union_desk.services import fund_posting

    try:
        count = fund_posting.repost_all()
    except UnionDeskError as exc:
        QMessageBox.warning(parent, title, exc.message)
        return
    QMessageBox.information(parent, title, QCoreApplication.translate(
        "FundsSettingsPage", "{n} record(s) had their postings brought in line.").format(n=count))


class FundsSettingsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = self.tr("Union funds")
        values = settings.get_all()
        self._saved_goods = values.get("funds_post_goods", "0") or "0"
        grid = QGridLayout(self)  # two mappings a row: the 设置 dialog holds every area's group
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        self.post_goods = QCheckBox(self.tr("Post the value of goods (慰问品) to the funds book"))
        self.post_goods.setObjectName("funds_post_goods")
        self.post_goods.setChecked(self._saved_goods == "1")
        labels = {
            "funds_map_visit": self.tr("Visits go to"),
            "funds_map_visit_batch": self.tr("送温暖 batches go to"),
            "funds_map_assistance": self.tr("Assistance and 金秋助学 go to"),
            "funds_map_activity": self.tr("Activities go to"),
            "funds_map_activity_training": self.tr("Talks and training go to"),
        }
        choices = _categories()
        self.combos: dict[str, QComboBox] = {}
        for i, key in enumerate(MAP_KEYS):
            combo = QComboBox()
            combo.setObjectName(key)
            for code, label in choices:
                combo.addItem(label, code)
            code = values.get(key) or rules.DEFAULT_MAP[key.removeprefix("funds_map_")]
            index = combo.findData(code)
            if index < 0:
                combo.addItem(code, code)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            self.combos[key] = combo
            row, column = i // 2, (i % 2) * 2
            grid.addWidget(QLabel(labels[key]), row, column)
            grid.addWidget(combo, row, column + 1)
        grid.addWidget(self.post_goods, 2, 2, 1, 2)  # beside the fifth mapping
        self.hint = QLabel(self.tr(
            "By default a visit posts its cash only (goods are booked from their invoice). After a change of the goods"
            " setting you are asked whether to bring the existing postings in line; a change of category applies to"
            " new postings only."))
        self.hint.setObjectName("fundsSettingsHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        grid.addWidget(self.hint, 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def values(self) -> dict[str, str]:
        data = {"funds_post_goods": "1" if self.post_goods.isChecked() else "0"}
        data.update({key: combo.currentData() for key, combo in self.combos.items()})
        if data["funds_post_goods"] != self._saved_goods:
            # the dialog saves right after asking for the values: look once it has
            QTimer.singleShot(0, lambda before=self._saved_goods, after=data["funds_post_goods"]: _offer_repost(before, after))
        return data
