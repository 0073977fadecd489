"""会议记录 sub-page: the year's meetings, the meeting-count warning (amber), the selected meeting's
attendance, topics, minutes and decisions; new / edit / delete / print / 决定事项…."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.meeting_models import Decision, Meeting
from union_desk.domain import meetings as rules
from union_desk.errors import UnionDeskError
from union_desk.services import meetings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import show_error
from union_desk.ui.meetings.common import WARNING_COLOR, amber_label, button, first_line, say
from union_desk.ui.meetings.meeting_forms import DecisionsDialog, edit_meeting
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view


@dataclass
class MeetingRow:
    meeting: Meeting
    figures: meetings.AttendanceFigures
    decisions: int
    open: int

    @property
    def attendance(self) -> str:
        return f"{self.figures.expected}/{self.figures.present}"

    @property
    def decisions_text(self) -> str:
        return f"{self.open}/{self.decisions}" if self.decisions else ""


def count_warning_text(year: int, today: dt.date | None = None) -> str:
    """The year's meeting-count warnings, one per kind that is short (services.meetings.count_checks)."""
    return "\n".join("⚠ " + c.warning for c in meetings.count_checks(year, today) if c.warning)


class MeetingsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = dt.date.today().year
        columns = [
            Column(self.tr("Date"), lambda r: r.meeting.date, 90, full=FULL_DATE),
            Column(self.tr("Kind"), lambda r: r.meeting.kind.name, 100),
            Column(self.tr("Place"), lambda r: r.meeting.place, 100),
            Column(self.tr("Chair"), lambda r: r.meeting.chair, 70),
            Column(self.tr("Expected/present"), lambda r: r.attendance, 70, full="88/88"),
            Column(self.tr("Topics"), lambda r: first_line(r.meeting.topics, 60), 200, stretch=True),
            Column(self.tr("Decisions open/total"), lambda r: r.decisions_text, 80, full="9/9",
                   foreground=lambda r: WARNING_COLOR if r.open else None),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setObjectName("meetings")
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())

        self.warning = amber_label()
        self.count_label = QLabel()
        self.new_button = button(self.tr("New meeting…"), self.new_meeting)
        self.edit_button = button(self.tr("Edit…"), self.edit_selected)
        self.delete_button = button(self.tr("Delete"), self.delete_selected)
        self.print_button = button(self.tr("Print minutes"), self.print_selected)
        self.decisions_button = button(self.tr("Decisions…"), lambda: self.edit_decisions())
        self.meeting_buttons = (self.edit_button, self.delete_button, self.print_button, self.decisions_button)
        tools = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button, self.print_button, self.decisions_button):
            tools.addWidget(b)
        tools.addStretch(1)
        tools.addWidget(self.count_label)

        self.detail = QTextBrowser()
        self.detail.setObjectName("meetingDetail")
        self.detail.setOpenLinks(False)
        decision_columns = [
            Column(self.tr("Decision"), lambda d: first_line(d.text, 80), 160, stretch=True),
            Column(self.tr("Owner"), lambda d: d.owner, 70),
            Column(self.tr("Deadline"), lambda d: d.due_date, 90, full=FULL_DATE),
            Column(self.tr("State"), lambda d: d.state, 50),
            Column(self.tr("Due"), lambda d: rules.decision_due_text(d.due_date, d.state, dt.date.today()), 70,
                   foreground=lambda d: WARNING_COLOR if d.due_date and d.state in rules.OPEN_DECISION_STATES
                   and d.due_date < dt.date.today() else None),
            Column(self.tr("Plan item"), lambda d: d.plan_item.title if d.plan_item_id and d.plan_item else "", 90),
        ]
        self.decision_model = RecordTableModel(decision_columns, self)
        self.decision_model.muted = lambda d: d.state == "已办"
        self.decision_view = setup_table_view(QTableView(), self.decision_model, decision_columns, row_height=24,
                                              selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.decision_view.setObjectName("meetingDecisions")
        self.decision_view.doubleClicked.connect(lambda index: self.edit_decisions(
            self.decision_model.record_at(index.row()).id))
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.detail)
        decisions_box = QWidget()
        box_layout = QVBoxLayout(decisions_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(QLabel(self.tr("Decisions (double-click to update)")))
        box_layout.addWidget(self.decision_view, 1)
        lower.addWidget(decisions_box)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 3)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)
        self._selection_changed()

    # --- data -------------------------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        rows = []
        for m in meetings.list_meetings(self.year):
            decisions = meetings.decisions_of(m)
            rows.append(MeetingRow(m, meetings.attendance_figures(m), len(decisions),
                                   sum(d.state in rules.OPEN_DECISION_STATES for d in decisions)))
        self.model.set_records(rows)
        self.count_label.setText(self.tr("%n meeting(s)", "", len(rows)))
        say(self.warning, count_warning_text(self.year))
        if current is None or not self.select(current.id):
            if rows:
                self.view.selectRow(0)
        self._selection_changed()

    def selected(self) -> Meeting | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()).meeting if rows else None

    def select(self, meeting_id: int) -> bool:
        for row, record in enumerate(self.model.records):
            if record.meeting.id == meeting_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def select_decision(self, decision_id: int) -> bool:
        for row, d in enumerate(self.decision_model.records):
            if d.id == decision_id:
                self.decision_view.selectRow(row)
                self.decision_view.scrollTo(self.decision_model.index(row, 0))
                return True
        return False

    def _selection_changed(self) -> None:
        meeting = self.selected()
        for b in self.meeting_buttons:
            b.setEnabled(meeting is not None)
        self._show_detail(meeting)

    def _show_detail(self, meeting: Meeting | None) -> None:
        if meeting is None:
            self.decision_model.set_records([])
            self.detail.setHtml(html.escape(self.tr("No meeting chosen.")) if self.model.records else
                                html.escape(self.tr("No meetings in {year} yet: add one with “New meeting…”.")
                                            .format(year=self.year)))
            return
        meeting = Meeting.get_or_none(Meeting.id == meeting.id)
        if meeting is None:
            return
        e = html.escape
        figures = meetings.attendance_figures(meeting)
        when = f"{meeting.date.isoformat()} {meeting.time}".strip()
        lines = [
            f"<b>{e(meeting.kind.name)}</b>　{e(when)}　{e(meeting.place)}",
            e(self.tr("Chair: {chair}　Recorder: {recorder}").format(chair=meeting.chair or "—",
                                                                    recorder=meeting.recorder or "—")),
            e(self.tr("Expected {expected}, present {present}, on leave {leave}, absent {absent}").format(
                expected=figures.expected, present=figures.present, leave=figures.leave, absent=figures.absent)),
        ]
        if figures.absent_text:
            lines.append(e(self.tr("Away: {names}").format(names=figures.absent_text)))
        topics = [t.strip() for t in meeting.topics.splitlines() if t.strip()]
        if topics:
            lines.append("<b>" + e(self.tr("Topics")) + "</b><br>"
                         + "<br>".join(f"{i}. {e(t)}" for i, t in enumerate(topics, 1)))
        if meeting.minutes.strip():
            lines.append("<b>" + e(self.tr("Minutes")) + "</b><br>" + e(meeting.minutes).replace("\n", "<br>"))
        self.detail.setHtml("<br>".join(lines))
        self.decision_model.set_records(meetings.decisions_of(meeting))

    # --- actions ----------------------------------------------------------------------------------

    def new_meeting(self) -> None:
        today = dt.date.today()
        day = today if today.year == self.year else dt.date(self.year, 1, 1)
        saved = edit_meeting(self, None, day=day)
        self._after_save(saved)

    def edit_selected(self) -> None:
        meeting = self.selected()
        if meeting is not None:
            self._after_save(edit_meeting(self, Meeting.get_or_none(Meeting.id == meeting.id)))

    def _after_save(self, saved: Meeting | None) -> None:
        if saved is None:
            return
        if saved.date.year != self.year:
            self.year_wanted(saved.date.year)
        self.refresh()
        self.select(saved.id)

    def year_wanted(self, year: int) -> None:
        """The tab replaces this to move its year selector."""
        self.year = year

    def edit_decisions(self, select_id: int | None = None) -> None:
        meeting = self.selected()
        if meeting is None:
            return
        dialog = DecisionsDialog(Meeting.get_by_id(meeting.id), self, select_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            if select_id is not None:
                self.select_decision(select_id)

    @surfaces_errors
    def delete_selected(self) -> None:
        meeting = self.selected()
        if meeting is None:
            return
        decisions = meeting.decisions.count()
        question = self.tr("Delete the meeting “{title}”?").format(title=meetings.meeting_title(meeting))
        if decisions:
            question += "\n" + self.tr("Its %n decision(s) are deleted with it.", "", decisions)
        if QMessageBox.question(self, self.tr("Delete meeting"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            meetings.delete_meeting(meeting)
        except UnionDeskError as exc:
            show_error(self, self.tr("Delete meeting"), exc)
            return
        self.view.clearSelection()
        self.refresh()

    @surfaces_errors
    def print_selected(self) -> None:
        meeting = self.selected()
        if meeting is None:
            return
        from union_desk.printing import minutes
        from union_desk.ui.hardship.print_actions import print_pdf

        meeting_id = meeting.id
        print_pdf(self, self.tr("Print minutes"), f"会议记录-{meetings.meeting_title(meeting)}",
                  lambda path: minutes.print_minutes([meeting_id], path))

    def open_decision(self, decision: Decision) -> None:
        self.select(decision.meeting_id)
        self.select_decision(decision.id)
