"""The meeting forms, on the form base: the meeting itself (MeetingForm: kind, date, place, chair,
recorder, attendance from the kind's roles, topics, minutes, decisions) and the decisions alone
(DecisionsDialog). Both save everything in one transaction: a refused value rolls it all back,
shows the service's message and keeps the input."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.meeting_models import Decision, Meeting, MeetingKind
from union_desk.db.models import Member, PlanItem, database_proxy
from union_desk.domain import meetings as rules
from union_desk.errors import UnionDeskError
from union_desk.services import meetings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, date_edit, edit_date, save_cancel_buttons, show_error
from union_desk.ui.meetings.common import button, error_label, first_line, message_of, say
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker
from union_desk.ui.widgets.plan_item_picker import PlanItemPicker

ROW_HEIGHT = 28


# --- attendance ----------------------------------------------------------------------------------


class AttendanceEditor(QWidget):
    """应到人员 and whether each came: a row per person (姓名 部门, 出席/请假/缺席, reason), a
    picker to add someone who holds none of the kind's roles, and the figures."""

    COLUMNS = 4  # name, department, state, reason

    def __init__(self, parent=None):
        super().__init__(parent)
        self.people: list[Member] = []
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("attendance")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Department"), self.tr("Attendance"),
                                              self.tr("Reason (leave, absence)")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 80)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 84)
        self.table.setMinimumHeight(130)

        self.picker = MemberPicker(statuses=())
        self.picker.setObjectName("addPerson")
        self.add_button = button(self.tr("Add person"), self.add_picked)
        self.remove_button = button(self.tr("Remove"), self.remove_selected)
        self.refill_button = button(self.tr("List again from the kind's roles"), lambda: None)
        self.figures = QLabel()
        self.figures.setObjectName("attendanceFigures")

        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Add someone not in the roles:")))
        tools.addWidget(self.picker, 1)
        tools.addWidget(self.add_button)
        tools.addWidget(self.remove_button)
        refill = QHBoxLayout()
        refill.addWidget(self.figures, 1)
        refill.addWidget(self.refill_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addLayout(refill)

    # --- rows ---------------------------------------------------------------------------------------

    def set_rows(self, rows: list[tuple[Member, str, str]]) -> None:
        """(member, state, reason) per person."""
        self.people = []
        self.table.setRowCount(0)
        for member, state, reason in rows:
            self._append(member, state, reason)
        self.update_figures()

    def fill_expected(self, people: list[Member]) -> None:
        """The people of a kind: those already listed keep what was marked, the others come as 出席."""
        marked = {m.id: (self.state_of(i), self.reason_of(i)) for i, m in enumerate(self.people)}
        self.set_rows([(m, *marked.get(m.id, ("出席", ""))) for m in people])

    def _append(self, member: Member, state: str = "出席", reason: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.people.append(member)
        name = QTableWidgetItem(member.name)
        name.setData(Qt.ItemDataRole.UserRole, member.id)
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, QTableWidgetItem(member.department or ""))
        combo = choice_combo(rules.ATTENDANCE_STATES, state)
        combo.setObjectName(f"state_{member.id}")
        reason_edit = QLineEdit(reason)
        reason_edit.setObjectName(f"reason_{member.id}")
        reason_edit.setPlaceholderText(self.tr("e.g. sick leave"))
        reason_edit.setEnabled(state != "出席")
        combo.currentTextChanged.connect(lambda text, e=reason_edit: self._state_changed(e, text))
        self.table.setCellWidget(row, 2, combo)
        self.table.setCellWidget(row, 3, reason_edit)

    def _state_changed(self, reason_edit: QLineEdit, state: str) -> None:
        reason_edit.setEnabled(state != "出席")
        if state != "出席" and not reason_edit.text():
            reason_edit.setFocus()
        self.update_figures()

    def row_of(self, member_id: int) -> int:
        return next((i for i, m in enumerate(self.people) if m.id == member_id), -1)

    def state_of(self, row: int) -> str:
        return self.table.cellWidget(row, 2).currentText()

    def reason_of(self, row: int) -> str:
        return self.table.cellWidget(row, 3).text().strip()

    def set_state(self, member_id: int, state: str, reason: str = "") -> None:
        row = self.row_of(member_id)
        self.table.cellWidget(row, 2).setCurrentText(state)
        self.table.cellWidget(row, 3).setText(reason)

    def marks(self) -> list[tuple[Member, str, str]]:
        return [(m, self.state_of(i), self.reason_of(i) if self.state_of(i) != "出席" else "")
                for i, m in enumerate(self.people)]

    def add_picked(self) -> None:
        member = self.picker.member()
        if member is None:
            return
        if self.row_of(member.id) < 0:
            self._append(member)
            self.update_figures()
        self.table.selectRow(self.row_of(member.id))
        self.picker.set_member(None)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self.people[row]
        self.update_figures()

    def figures_text(self) -> str:
        marks = self.marks()
        counts = {state: sum(1 for _m, s, _r in marks if s == state) for state in rules.ATTENDANCE_STATES}
        text = self.tr("Expected {expected}, present {present}, on leave {leave}, absent {absent}").format(
            expected=len(marks), present=counts["出席"], leave=counts["请假"], absent=counts["缺席"])
        return text

    def update_figures(self) -> None:
        self.figures.setText(self.figures_text())


# --- decisions -----------------------------------------------------------------------------------


@dataclass
class DecisionRow:
    """What the table does not show as text: the saved decision and the plan item to do at save."""

    decision_id: int | None = None
    plan_item_id: int | None = None
    plan_title: str = ""
    pending: str = ""  # '' | 'create' | 'link'
    link_id: int | None = None  # the plan item to link when pending == 'link' (None: unlink)
    link_title: str = ""


class DecisionsEditor(QWidget):
    """决定事项: a row per decision (text, 责任人, 完成期限, 状态, 计划事项), rows added and
    removed; 生成计划事项 and 关联计划事项… take effect when the form is saved."""

    TEXT, OWNER, DUE, STATE, PLAN = range(5)

    def __init__(self, year: int, parent=None):
        super().__init__(parent)
        self.year = year
        self.rows: list[DecisionRow] = []
        self.removed: list[int] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("decisions")
        self.table.setHorizontalHeaderLabels([self.tr("Decision"), self.tr("Owner"), self.tr("Deadline"),
                                              self.tr("State"), self.tr("Plan item")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((self.OWNER, 80), (self.DUE, 100), (self.STATE, 70), (self.PLAN, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(96)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = button(self.tr("Add decision"), self.add_row)
        self.remove_button = button(self.tr("Remove decision"), self.remove_selected)
        self.plan_button = button(self.tr("Make a plan item"), self.make_plan_item)
        self.link_button = button(self.tr("Link to a plan item…"), self.link_plan_item)
        hint = self.tr("Deadline as 2027-03-31. Plan items are made or linked when the form is saved.")
        self.table.setToolTip(hint)
        for b in (self.plan_button, self.link_button):
            b.setToolTip(hint)
        tools = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.plan_button, self.link_button):
            tools.addWidget(b)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        self._selection_changed()

    # --- loading ----------------------------------------------------------------------------------

    def load(self, decisions: list[Decision]) -> None:
        self.rows, self.removed = [], []
        self.table.setRowCount(0)
        for d in decisions:
            title = d.plan_item.title if d.plan_item_id and d.plan_item is not None else ""
            self._append(d.text, d.owner, d.due_date.isoformat() if d.due_date else "", d.state,
                         DecisionRow(d.id, d.plan_item_id, title))

    def _append(self, text: str, owner: str, due: str, state: str, row: DecisionRow) -> int:
        index = self.table.rowCount()
        self.table.insertRow(index)
        self.rows.append(row)
        self.table.setItem(index, self.TEXT, QTableWidgetItem(text))
        self.table.setItem(index, self.OWNER, QTableWidgetItem(owner))
        self.table.setItem(index, self.DUE, QTableWidgetItem(due))
        combo = choice_combo(rules.DECISION_STATES, state)
        combo.setObjectName(f"decision_state_{index}")
        self.table.setCellWidget(index, self.STATE, combo)
        plan = QTableWidgetItem()
        plan.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(index, self.PLAN, plan)
        self._show_plan(index)
        return index

    def _show_plan(self, index: int) -> None:
        row = self.rows[index]
        if row.pending == "create":
            text = self.tr("(made when saved)")
        elif row.pending == "link":
            text = (self.tr("(linked when saved: {title})").format(title=row.link_title) if row.link_id
                    else self.tr("(unlinked when saved)"))
        else:
            text = row.plan_title
        self.table.item(index, self.PLAN).setText(text)

    # --- editing ----------------------------------------------------------------------------------

    def add_row(self) -> None:
        index = self._append("", "", "", "未办", DecisionRow())
        self.table.setCurrentCell(index, self.TEXT)
        self.table.editItem(self.table.item(index, self.TEXT))

    def remove_selected(self) -> None:
        index = self.current_row()
        if index < 0:
            return
        row = self.rows.pop(index)
        if row.decision_id is not None:
            self.removed.append(row.decision_id)
        self.table.removeRow(index)

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_decision(self, decision_id: int) -> None:
        for index, row in enumerate(self.rows):
            if row.decision_id == decision_id:
                self.table.selectRow(index)

    def _selection_changed(self) -> None:
        has = self.current_row() >= 0
        for b in (self.remove_button, self.plan_button, self.link_button):
            b.setEnabled(has)

    def make_plan_item(self) -> None:
        index = self.current_row()
        if index < 0:
            return
        row = self.rows[index]
        if row.plan_item_id and row.pending != "link":
            show_error(self, self.tr("Make a plan item"),
                       UnionDeskError(self.tr("This decision is already linked to a plan item.")))
            return
        row.pending = "create" if row.pending != "create" else ""
        self._show_plan(index)

    def link_plan_item(self) -> None:
        index = self.current_row()
        if index < 0:
            return
        row = self.rows[index]
        current = row.link_id if row.pending == "link" else row.plan_item_id
        picker = PlanItemPicker(self._year_of(index), current, self)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        if picker.chosen_id == row.plan_item_id:
            row.pending, row.link_id, row.link_title = "", None, ""
        else:
            item = PlanItem.get_or_none(PlanItem.id == picker.chosen_id) if picker.chosen_id else None
            row.pending, row.link_id, row.link_title = "link", picker.chosen_id, item.title if item else ""
        self._show_plan(index)

    def _year_of(self, index: int) -> int:
        due = self.cell(index, self.DUE)
        if len(due) >= 4 and due[:4].isdigit():
            return int(due[:4])
        return self.year

    def cell(self, index: int, column: int) -> str:
        item = self.table.item(index, column)
        return item.text().strip() if item is not None else ""

    def values(self, index: int) -> dict:
        return {
            "text": self.cell(index, self.TEXT),
            "owner": self.cell(index, self.OWNER),
            "due_date": self.cell(index, self.DUE),
            "state": self.table.cellWidget(index, self.STATE).currentText(),
            "sort_order": index + 1,
        }

    # --- saving -------------------------------------------------------------------------------------

    def apply(self, meeting: Meeting) -> None:
        """Write the rows to `meeting` (inside the caller's transaction). A refused row raises a
        ValidationError naming the row. The editor's own state is not changed here: a rollback
        leaves it as typed."""
        for decision_id in self.removed:
            decision = Decision.get_or_none(Decision.id == decision_id)
            if decision is not None:
                meetings.delete_decision(decision)
        for index, row in enumerate(self.rows):
            data = self.values(index)
            try:
                if row.decision_id is None:
                    decision = meetings.add_decision(meeting, data)
                else:
                    decision = meetings.get_decision(row.decision_id)
                    if _differs(decision, data):
                        meetings.update_decision(decision, data)
                        decision = meetings.get_decision(row.decision_id)
                if row.pending == "create":
                    meetings.decision_to_plan_item(decision)
                elif row.pending == "link":
                    item = PlanItem.get_or_none(PlanItem.id == row.link_id) if row.link_id else None
                    meetings.link_decision(decision, item)
            except UnionDeskError as exc:
                exc.message = self.tr("Decision {n}: {message}").format(n=index + 1, message=exc.message)
                raise


def _differs(decision: Decision, data: dict) -> bool:
    due = decision.due_date.isoformat() if decision.due_date else ""
    return (decision.text, decision.owner, due, decision.state, decision.sort_order) != (
        data["text"], data["owner"], data["due_date"], data["state"], data["sort_order"])


# --- the meeting ---------------------------------------------------------------------------------


class MeetingForm(FormDialog):
    """新建会议 / 编辑会议: everything of one meeting, saved in one go."""

    def __init__(self, meeting: Meeting | None = None, parent=None, day: dt.date | None = None,
                 kind: MeetingKind | None = None):
        super().__init__(parent)
        self.meeting = meeting
        self.saved: Meeting | None = None
        self.setWindowTitle(self.tr("Edit meeting") if meeting else self.tr("New meeting"))

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        kinds = meetings.kinds()
        if meeting is not None and meeting.kind not in kinds:
            kinds.append(meeting.kind)  # a retired kind stays on its old meetings
        for k in kinds:
            self.kind.addItem(k.name, k.id)
        chosen = meeting.kind if meeting else kind
        if chosen is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(chosen.id)))
        self.date = date_edit(meeting.date if meeting else day)
        self.time = QLineEdit(meeting.time if meeting else "")
        self.time.setPlaceholderText("15:30")
        self.place = QLineEdit(meeting.place if meeting else "")
        self.chair = QLineEdit(meeting.chair if meeting else "")
        self.recorder = QLineEdit(meeting.recorder if meeting else "")

        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Kind")), 0, 0)
        top.addWidget(self.kind, 0, 1)
        top.addWidget(QLabel(self.tr("Date")), 0, 2)
        top.addWidget(self.date, 0, 3)
        top.addWidget(QLabel(self.tr("Time")), 0, 4)
        top.addWidget(self.time, 0, 5)
        top.addWidget(QLabel(self.tr("Place")), 1, 0)
        top.addWidget(self.place, 1, 1)
        top.addWidget(QLabel(self.tr("Chair")), 1, 2)
        top.addWidget(self.chair, 1, 3)
        top.addWidget(QLabel(self.tr("Recorder")), 1, 4)
        top.addWidget(self.recorder, 1, 5)
        top.setColumnStretch(1, 3)
        top.setColumnStretch(3, 1)
        top.setColumnStretch(5, 1)

        self.attendance = AttendanceEditor()
        attendance_box = QGroupBox(self.tr("Attendance"))
        QVBoxLayout(attendance_box).addWidget(self.attendance)
        self.attendance.refill_button.clicked.connect(self.refill_attendance)

        self.topics = QPlainTextEdit(meeting.topics if meeting else "")
        self.topics.setObjectName("topics")
        self.topics.setPlaceholderText(self.tr("One topic per line"))
        self.topics.setFixedHeight(64)
        self.minutes = QPlainTextEdit(meeting.minutes if meeting else "")
        self.minutes.setObjectName("minutes")
        self.minutes.setMinimumHeight(120)
        texts = QFormLayout()
        texts.addRow(self.tr("Topics"), self.topics)
        texts.addRow(self.tr("Minutes"), self.minutes)

        self.decisions = DecisionsEditor((meeting.date if meeting else (day or dt.date.today())).year)
        decisions_box = QGroupBox(self.tr("Decisions"))
        QVBoxLayout(decisions_box).addWidget(self.decisions)

        self.error = error_label()
        middle = QHBoxLayout()
        middle.addWidget(attendance_box, 5)
        middle.addLayout(texts, 4)
        layout = QVBoxLayout(self.body)
        layout.addLayout(top)
        layout.addLayout(middle, 3)
        layout.addWidget(decisions_box, 2)
        layout.addWidget(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))

        if meeting is not None:
            self.attendance.set_rows([(a.member, a.state, a.reason) for a in meetings.attendance_of(meeting)])
            self.decisions.load(meetings.decisions_of(meeting))
        else:
            self.refill_attendance()
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.resize(1100, 700)

    def chosen_kind(self) -> MeetingKind | None:
        kind_id = self.kind.currentData()
        return MeetingKind.get_or_none(MeetingKind.id == kind_id) if kind_id else None

    def _kind_changed(self) -> None:
        if self.meeting is None:  # a new meeting follows its kind; an old one keeps its list
            self.refill_attendance()

    def refill_attendance(self) -> None:
        kind = self.chosen_kind()
        if kind is not None:
            self.attendance.fill_expected(meetings.expected_attendees(kind, edit_date(self.date)))

    def data(self) -> dict:
        return {
            "kind": self.chosen_kind(),
            "date": edit_date(self.date),
            "time": self.time.text(),
            "place": self.place.text(),
            "chair": self.chair.text(),
            "recorder": self.recorder.text(),
            "topics": self.topics.toPlainText(),
            "minutes": self.minutes.toPlainText(),
        }

    def write(self) -> Meeting:
        """Meeting, attendance and decisions in one transaction."""
        marks = self.attendance.marks()
        people = [m for m, _s, _r in marks]
        with database_proxy.atomic():
            if self.meeting is None:
                meeting = meetings.save_meeting(self.data(), None, attendees=[m.id for m in people])
            else:
                meeting = meetings.save_meeting(self.data(), self.meeting)
                meetings.set_attendees(meeting, people)
            groups: dict[tuple[str, str], list[int]] = defaultdict(list)
            for member, state, reason in marks:
                groups[(state, reason)].append(member.id)
            for (state, reason), ids in groups.items():
                meetings.mark_attendance(meeting, ids, state, reason)
            self.decisions.apply(meeting)
        return meeting

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            self.saved = self.write()
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


class DecisionsDialog(FormDialog):
    """决定事项…: the decisions of one saved meeting (state, owner, deadline, plan items)."""

    def __init__(self, meeting: Meeting, parent=None, select_id: int | None = None):
        super().__init__(parent)
        self.meeting = meeting
        self.setWindowTitle(self.tr("Decisions of {title}").format(title=meetings.meeting_title(meeting)))
        self.decisions = DecisionsEditor(meeting.date.year)
        self.decisions.load(meetings.decisions_of(meeting))
        if select_id is not None:
            self.decisions.select_decision(select_id)
        topics = QLabel(self.tr("Topics: {topics}").format(topics=first_line(meeting.topics, 80) or "—"))
        topics.setWordWrap(True)
        self.error = error_label()
        layout = QVBoxLayout(self.body)
        layout.addWidget(topics)
        layout.addWidget(self.decisions, 1)
        layout.addWidget(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        self.resize(900, 460)

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            with database_proxy.atomic():
                self.decisions.apply(self.meeting)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


def edit_meeting(parent: QWidget, meeting: Meeting | None = None, **kwargs) -> Meeting | None:
    form = MeetingForm(meeting, parent, **kwargs)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None
