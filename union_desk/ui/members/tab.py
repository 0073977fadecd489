"""会员档案 tab: the member list with search by name, pinyin, ID fragment or phone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from union_desk.domain.idcard import mask_id
from union_desk.services import members
from union_desk.ui.widgets.record_list import RecordList
from union_desk.ui.widgets.table_model import Column


def age_on(birth: dt.date | None, today: dt.date) -> int | None:
    if not birth:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class MembersTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        today = dt.date.today()
        columns = [
            Column(self.tr("Name"), lambda m: m.name, 90),
            Column(self.tr("Sex"), lambda m: m.sex, 50),
            Column(self.tr("Age"), lambda m: age_on(m.birth_date, today), 50),
            Column(self.tr("Department"), lambda m: m.department, 110),
            Column(self.tr("Post"), lambda m: m.post, 90),
            Column(self.tr("Title"), lambda m: m.title, 100),
            Column(self.tr("Employment"), lambda m: m.employment_type, 70),
            Column(self.tr("Status"), lambda m: m.status, 60),
            Column(self.tr("Phone"), lambda m: m.phone, 110),
            Column(self.tr("ID number"), lambda m: mask_id(m.id_number or ""), 160),
            Column(self.tr("Union roles"), lambda m: m.union_roles, 160),
        ]
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in members.MEMBER_STATUSES:
            self.status_filter.addItem(status, status)
        self.status_filter.setCurrentIndex(1)  # 在职 by default
        self.list = RecordList(
            columns,
            self._fetch,
            self.tr("Search name, pinyin initials, ID number or phone"),
        )
        self.list.toolbar.insertWidget(1, self.status_filter)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.list.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)

    def _fetch(self, text: str):
        status = self.status_filter.currentData()
        return members.search(text, statuses=(status,) if status else None)

    def refresh(self) -> None:
        self.list.refresh()
