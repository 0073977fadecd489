"""会议与登记 page: a year selector above three sub-pages, 会议记录 (MeetingsPage), 来信来访
(LettersPage) and 合理化建议 (SuggestionsPage).

`refresh()` refreshes the visible sub-page (the others when they are shown next);
`open_record(kind, record)` opens a decision, a meeting or a letter from 首页;
`edit_kinds()` is 文件 → 会议类别…."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from union_desk.db.meeting_models import Decision, Letter, Meeting
from union_desk.ui.meetings.letters_page import LettersPage
from union_desk.ui.meetings.meetings_page import MeetingsPage
from union_desk.ui.meetings.suggestions_page import SuggestionsPage


def _years() -> list[int]:
    """The years with records, and this year."""
    from union_desk.db.meeting_models import Suggestion

    years = {dt.date.today().year}
    for model in (Meeting, Letter, Suggestion):
        first = model.select(model.date).order_by(model.date).first()
        last = model.select(model.date).order_by(model.date.desc()).first()
        if first is not None:
            years.update(range(first.date.year, last.date.year + 1))
    return sorted(years, reverse=True)


class MeetingsTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_combo)
        top.addStretch(1)

        self.meetings = MeetingsPage()
        self.letters = LettersPage()
        self.suggestions = SuggestionsPage()
        self.pages = (self.meetings, self.letters, self.suggestions)
        for page in self.pages:
            page.year_wanted = self.choose_year
        self.tabs = QTabWidget()
        self.tabs.addTab(self.meetings, self.tr("Meeting minutes"))
        self.tabs.addTab(self.letters, self.tr("Letters and visits"))
        self.tabs.addTab(self.suggestions, self.tr("Suggestions"))
        self._stale: set = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self._fill_years(dt.date.today().year)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_chosen())
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self._year_chosen()

    # --- the year ------------------------------------------------------------------------------

    def year(self) -> int:
        return self.year_combo.currentData() or dt.date.today().year

    def _fill_years(self, choose: int) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        years = _years()
        if choose not in years:
            years = sorted({*years, choose}, reverse=True)
        for y in years:
            self.year_combo.addItem(str(y), y)
        self.year_combo.setCurrentIndex(self.year_combo.findData(choose))
        self.year_combo.blockSignals(False)

    def choose_year(self, year: int) -> None:
        """Show `year` (a record was saved or opened in another year)."""
        if self.year_combo.findData(year) < 0:
            self._fill_years(year)
        else:
            self.year_combo.blockSignals(True)
            self.year_combo.setCurrentIndex(self.year_combo.findData(year))
            self.year_combo.blockSignals(False)
        for page in self.pages:
            page.year = year
        self._stale = set(self.pages)

    def _year_chosen(self) -> None:
        year = self.year()
        for page in self.pages:
            page.year = year
        self._stale = set(self.pages)
        self._tab_shown()

    # --- refreshing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill_years(self.year())
        self._stale = set(self.pages)
        self._tab_shown()

    def _tab_shown(self) -> None:
        page = self.tabs.currentWidget()
        if page in self._stale:
            self._stale.discard(page)
            page.refresh()

    # --- 首页 entries and menu --------------------------------------------------------------------

    def open_record(self, kind: str, record) -> None:
        if kind == "decision":
            decision = Decision.get_or_none(Decision.id == getattr(record, "id", record))
            if decision is None:
                return
            self._show(self.meetings, decision.meeting.date.year)
            self.meetings.open_decision(decision)
        elif kind == "meeting":
            meeting = Meeting.get_or_none(Meeting.id == record.id) if isinstance(record, Meeting) else None
            self._show(self.meetings, meeting.date.year if meeting else dt.date.today().year)
            if meeting is not None:
                self.meetings.select(meeting.id)
        elif kind == "letter":
            letter = Letter.get_or_none(Letter.id == getattr(record, "id", record))
            if letter is None:
                return
            self._show(self.letters, letter.date.year)
            self.letters.open_letter(letter)

    def _show(self, page, year: int) -> None:
        if year != self.year():
            self.choose_year(year)
        self.tabs.setCurrentWidget(page)
        self._stale.discard(page)
        page.refresh()

    def edit_kinds(self) -> None:
        """文件 → 会议类别…."""
        from union_desk.ui.meetings.kinds_dialog import KindsDialog

        dialog = KindsDialog(self.window())
        dialog.exec()
        if dialog.changed:
            self._stale = set(self.pages)
            self._tab_shown()

    def new_meeting(self) -> None:
        self._show(self.meetings, self.year())
        self.meetings.new_meeting()
