"""会籍与会费 page (issue 20): two tabs — 会籍 (`MembershipPage`: staff who are not members,
membership events, 入会率) and 会费 (`DuesPage`: what each member owes and paid for a period).

`refresh()` marks both tabs stale and refreshes the one in front (the other when it is shown
next); a write on one tab marks the other stale. `open_record("dues_arrears", member)` (首页's list
of members in arrears) shows 会费 on the period the page opens on (the latest ended month or quarter,
the current half: dues_page.opening_period) with the member's row selected."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from union_desk.services import dues
from union_desk.ui.membership.dues_page import DuesPage
from union_desk.ui.membership.membership_page import MembershipPage


class MembershipTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.membership = MembershipPage()
        self.dues = DuesPage()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("membershipTabs")
        self.tabs.addTab(self.membership, self.tr("Membership"))
        self.tabs.addTab(self.dues, self.tr("Dues"))
        self._stale: set[QWidget] = set(self.pages())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)

        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        for page in self.pages():
            signal = getattr(page, "changed", None)
            if signal is not None:
                signal.connect(lambda page=page: self._page_wrote(page))
        self._tab_shown()

    def pages(self) -> tuple:
        return (self.membership, self.dues)

    # --- refreshing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = set(self.pages())
        self._tab_shown()

    def _tab_shown(self) -> None:
        page = self.tabs.currentWidget()
        if page in self._stale:
            self._stale.discard(page)
            page.refresh()

    def _page_wrote(self, page) -> None:
        """A sub-page saved something: the other shows it when it is shown next."""
        self._stale = set(self.pages()) - {page}

    # --- 首页 -----------------------------------------------------------------------------------------

    def show_dues(self) -> DuesPage:
        self.tabs.setCurrentWidget(self.dues)
        if self.dues in self._stale:
            self._stale.discard(self.dues)
            self.dues.refresh()
        return self.dues

    def open_record(self, kind: str, record) -> None:
        if kind != "dues_arrears" or record is None:
            return
        member_id = getattr(record, "id", record)
        page = self.show_dues()
        from union_desk.ui.membership.dues_page import opening_period

        current = opening_period(page.today or dt.date.today(), dues.period_kind())
        if page.period() != current:
            page.set_period(current)
        page.view.clearSelection()
        if not page.select_member(member_id) and page.unpaid_only.isChecked():
            page.unpaid_only.setChecked(False)
            page.select_member(member_id)
