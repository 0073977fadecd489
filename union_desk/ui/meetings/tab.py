"""会议与登记 page: a year selector above three sub-pages, 会议记录 (MeetingsPage), 来信来访
(LettersPage) and 合理化建议 (SuggestionsPage).

`refresh()` refreshes the visible sub-page (the others when they are shown next);
`open_record(kind, record)` opens a decision, a meeting or a letter from 首页;
`edit_kinds()` is 文件 → 会议类别…."""

from __future__ import annotations

import datetime as dt

from union_desk.db.meeting_models import Decision, Letter, Meeting
from union_desk.ui.meetings.letters_page import LettersPage
from union_desk.ui.meetings.meetings_page import MeetingsPage
from union_desk.ui.meetings.suggestions_page import SuggestionsPage
from union_desk.ui.widgets.year_tabs import YearTabs


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


class MeetingsTab(YearTabs):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.meetings = MeetingsPage()
        self.letters = LettersPage()
        self.suggestions = SuggestionsPage()
        self.add_pages((self.meetings, self.tr("Meeting minutes")), (self.letters, self.tr("Letters and visits")),
                       (self.suggestions, self.tr("Suggestions")))

    def known_years(self) -> list[int]:
        return _years()

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
