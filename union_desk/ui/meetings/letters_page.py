"""来信来访 sub-page: the year's letters and visits (overdue replies in red), filters (未办结 only,
text), new / edit / reply / delete."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.meeting_models import Letter
from union_desk.errors import UnionDeskError
from union_desk.services import meetings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import show_error
from union_desk.ui.meetings.common import WARNING_COLOR, button, first_line, overdue_days
from union_desk.ui.meetings.letter_forms import edit_letter, reply_to
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


def is_overdue(letter: Letter, today: dt.date | None = None) -> bool:
    """Waiting for a reply past its deadline (as services.meetings.overdue_letters)."""
    today = today or dt.date.today()
    return not letter.closed and letter.reply_date is None and letter.due_date is not None and letter.due_date < today


def due_text(letter: Letter, today: dt.date | None = None) -> str:
    """'2027-03-16' or '2027-03-16 逾期3天'."""
    if letter.due_date is None:
        return ""
    text = letter.due_date.isoformat()
    if is_overdue(letter, today):
        text += f" 逾期{overdue_days(letter.due_date, today)}天"
    return text


class LettersPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = dt.date.today().year
        columns = [
            Column(self.tr("Number"), lambda r: r.serial, 90, full="XF2027-001"),
            Column(self.tr("Date"), lambda r: r.date, 90, full=FULL_DATE),
            Column(self.tr("Channel"), lambda r: r.channel, 50, full="信箱"),
            Column(self.tr("Person"), lambda r: meetings.letter_person(r), 70),
            Column(self.tr("Category"), lambda r: r.category, 70),
            Column(self.tr("Matter"), lambda r: first_line(r.matter, 60), 180, stretch=True),
            Column(self.tr("Referred to"), lambda r: r.referred_to, 90),
            Column(self.tr("Reply by"), lambda r: due_text(r), 90, full="2026-12-31 逾期30天",
                   foreground=lambda r: WARNING_COLOR if is_overdue(r) else None),
            Column(self.tr("Closed"), lambda r: "已办结" if r.closed else "", 55, full="已办结"),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection, sortable=True)
        self.view.setObjectName("letters")
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())

        self.open_only = QCheckBox(self.tr("Not closed only"))
        self.open_only.toggled.connect(lambda _c: self.refresh())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, matter, name, referred to"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.count_label = QLabel()

        self.new_button = button(self.tr("New…"), self.new_letter)
        self.edit_button = button(self.tr("Edit…"), self.edit_selected)
        self.reply_button = button(self.tr("Record reply…"), self.reply_selected)
        self.delete_button = button(self.tr("Delete"), self.delete_selected)
        tools = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.reply_button, self.delete_button):
            tools.addWidget(b)
        tools.addSpacing(12)
        tools.addWidget(self.open_only)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.count_label)

        self.detail = QLabel()
        self.detail.setObjectName("letterDetail")
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(60)
        self.detail.setContentsMargins(4, 4, 4, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self._selection_changed()

    def set_year(self, year: int) -> None:
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        letters = meetings.list_letters(self.year, self.open_only.isChecked(), self.search.text())
        self.model.set_records(letters)
        late = sum(1 for letter in letters if is_overdue(letter))
        text = self.tr("%n record(s)", "", len(letters))
        if late:
            text += self.tr(", %n overdue", "", late)
        self.count_label.setText(text)
        if current is None or not self.select(current.id):
            self._selection_changed()

    def selected(self) -> Letter | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def select(self, letter_id: int) -> bool:
        for row, record in enumerate(self.model.records):
            if record.id == letter_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def _selection_changed(self) -> None:
        letter = self.selected()
        for b in (self.edit_button, self.reply_button, self.delete_button):
            b.setEnabled(letter is not None)
        if letter is None:
            self.detail.setText("")
            return
        parts = [f"{letter.serial}　{letter.date.isoformat()}　{letter.channel}　{meetings.letter_person(letter)}"
                 + (f"　{letter.contact}" if letter.contact else ""),
                 self.tr("Matter: {text}").format(text=letter.matter)]
        if letter.reply:
            when = letter.reply_date.isoformat() if letter.reply_date else ""
            parts.append(self.tr("Reply ({date}): {text}").format(date=when, text=letter.reply))
        self.detail.setText("\n".join(parts))

    # --- actions ----------------------------------------------------------------------------------

    def new_letter(self) -> None:
        self._after_save(edit_letter(self))

    def edit_selected(self) -> None:
        letter = self.selected()
        if letter is not None:
            self._after_save(edit_letter(self, Letter.get_by_id(letter.id)))

    def reply_selected(self) -> None:
        letter = self.selected()
        if letter is not None:
            self._after_save(reply_to(self, Letter.get_by_id(letter.id)))

    def _after_save(self, saved: Letter | None) -> None:
        if saved is None:
            return
        if saved.date.year != self.year:
            self.year_wanted(saved.date.year)
        if self.open_only.isChecked() and saved.closed:
            self.refresh()
            return
        self.refresh()
        self.select(saved.id)

    def year_wanted(self, year: int) -> None:
        """The tab replaces this to move its year selector."""
        self.year = year

    def open_letter(self, letter: Letter) -> None:
        if self.search.text():
            self.search.clear()
        if letter.date.year != self.year:
            self.year_wanted(letter.date.year)
        self.refresh()
        self.select(letter.id)

    @surfaces_errors
    def delete_selected(self) -> None:
        letter = self.selected()
        if letter is None:
            return
        question = self.tr("Delete {serial}? Only a record entered by mistake should be deleted; "
                           "its number is not used again.").format(serial=letter.serial)
        if QMessageBox.question(self, self.tr("Delete"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            meetings.delete_letter(letter)
        except UnionDeskError as exc:
            show_error(self, self.tr("Delete"), exc)
            return
        self.refresh()
