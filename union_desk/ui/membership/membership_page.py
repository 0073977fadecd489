"""会籍 sub-page: the 入会率 box (today and at the end of the year, members and non-member staff, by
department and by employment type), the membership changes (filtered by year and kind; voided ones
crossed out and grey) with 登记会籍变动…, 作废…, 打印介绍信…, 打印入会申请书…, 打印会员登记表… (for the
selected change's member, or — nothing selected — for a member chosen by name: no need to find a row
of the year they joined; the member form's 会籍与会费 tab prints them too), and the
staff who are not members with 新增…, 修改…, 离职/退休…, 入会… and 打印入会申请书….

`refresh()` reloads all three. `year` (None: all years) may be set by a year selector around the
page (ui/widgets/year_tabs.py sets it before refresh()); the page's own year combo follows it.
`changed` is emitted after each of the page's own writes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.membership_models import MembershipEvent, NonMemberStaff
from union_desk.domain import membership as rules
from union_desk.services import membership
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.membership.event_forms import (
    EventForm,
    JoinForm,
    MemberChoiceForm,
    StaffForm,
    StaffLeaveForm,
    VoidEventForm,
    event_details,
    event_marks,
)
from union_desk.ui.widgets.form_messages import button
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view

ALL = 0  # the year combo's "all years" entry
STAFF_STATUS_COLUMN = 4  # shown with "show those who left or joined" only


def rate_text(rate) -> str:
    """92.3% (one decimal, as domain.membership.membership_rate gives it); — when nobody is counted."""
    return "—" if rate is None else f"{rate}%"


class EventModel(RecordTableModel):
    """Membership events; a voided one is grey (muted) and crossed out. A cell's tooltip is its whole
    text (the details and notes are often cut)."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and getattr(self.records[index.row()], "voided", False):
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return super().data(index, Qt.ItemDataRole.DisplayRole) or None
        return super().data(index, role)


def _years() -> list[int]:
    """This year and every year back to the first event, newest first."""
    today = dt.date.today().year
    first = MembershipEvent.select(MembershipEvent.date).order_by(MembershipEvent.date).first()
    start = min(first.date.year, today) if first is not None else today
    return list(range(today, start - 1, -1))


class MembershipPage(QWidget):
    changed = Signal()  # after the page's own writes (the tab marks the 会费 page stale)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._year: int | None = dt.date.today().year
        self.rate = None  # the last membership_rate(today)

        # --- 入会率 ------------------------------------------------------------------------------
        self.rate_box = QGroupBox(self.tr("Membership rate"))
        self.rate_box.setObjectName("rateBox")
        self.today_rate = QLabel()
        self.today_rate.setObjectName("todayRate")
        self.today_rate.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.today_label = QLabel()
        self.year_end_rate = QLabel()
        self.year_end_rate.setObjectName("yearEndRate")
        self.counts = QLabel()
        self.counts.setObjectName("rateCounts")
        self.counts.setWordWrap(True)
        figures = QVBoxLayout()
        figures.addWidget(self.today_label)
        figures.addWidget(self.today_rate)
        figures.addWidget(self.year_end_rate)
        figures.addWidget(self.counts)
        figures.addStretch(1)

        def rate_columns(first: str) -> list[Column]:
            return [
                Column(first, lambda r: r.label, 90, stretch=True),
                Column(self.tr("Members"), lambda r: r.members, 56, full="9999"),
                Column(self.tr("Non-members"), lambda r: r.staff, 70, full="9999"),
                Column(self.tr("Rate"), lambda r: rate_text(r.rate), 60, full="100.0%"),
            ]

        department_columns = rate_columns(self.tr("Department"))
        self.department_model = RecordTableModel(department_columns, self)
        self.department_view = setup_table_view(QTableView(), self.department_model, department_columns,
                                                row_height=22, row_numbers=False)
        self.department_view.setObjectName("rateByDepartment")
        employment_columns = rate_columns(self.tr("Employment"))
        self.employment_model = RecordTableModel(employment_columns, self)
        self.employment_view = setup_table_view(QTableView(), self.employment_model, employment_columns,
                                                row_height=22, row_numbers=False)
        self.employment_view.setObjectName("rateByEmployment")
        for view in (self.department_view, self.employment_view):
            view.setFixedHeight(128)
        rate_layout = QHBoxLayout(self.rate_box)
        rate_layout.addLayout(figures, 2)
        rate_layout.addWidget(self.department_view, 3)
        rate_layout.addWidget(self.employment_view, 3)

        # --- membership changes ----------------------------------------------------------------
        self.events_box = QGroupBox(self.tr("Membership changes"))
        event_columns = [
            Column(self.tr("Date"), lambda e: e.date, 90, full=FULL_DATE),
            Column(self.tr("Name"), lambda e: e.member.name, 64),
            Column(self.tr("Department"), lambda e: e.member.department, 80, full="后勤组"),
            Column(self.tr("Change"), lambda e: e.kind, 64, full="保留会籍"),
            Column(self.tr("Details"), event_details, 130, stretch=True),
            Column(self.tr("Handler"), lambda e: e.handler, 60, full="王老师"),
            Column(self.tr("Note"), lambda e: e.note, 120, full="按档案入会日期补记"),
            Column(self.tr("Marks"), event_marks, 44, full="补记 作废"),
        ]
        self.events_model = EventModel(event_columns, self)
        self.events_model.muted = lambda e: e.voided
        self.events_view = setup_table_view(QTableView(), self.events_model, event_columns, row_height=24,
                                            sortable=True)
        self.events_view.setObjectName("events")
        self.events_view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("eventYear")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("eventKind")
        self.kind_combo.addItem(self.tr("All changes"), "")
        for kind in rules.EVENT_KINDS:
            self.kind_combo.addItem(kind, kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh_events())
        self.events_count = QLabel()
        self.events_count.setObjectName("eventsCount")
        self.add_event_button = button(self.tr("Record a change…"), self.add_event)
        self.void_button = button(self.tr("Void…"), self.void_selected)
        self.letter_button = button(self.tr("Print transfer letter…"), self.print_transfer_letter)
        self.join_form_button = button(self.tr("Print application form…"), self.print_join_form)
        self.register_button = button(self.tr("Print member register…"), self.print_member_register)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Year")))
        filters.addWidget(self.year_combo)
        filters.addWidget(QLabel(self.tr("Change")))
        filters.addWidget(self.kind_combo)
        filters.addStretch(1)
        filters.addWidget(self.events_count)
        event_tools = QHBoxLayout()
        for b in (self.add_event_button, self.void_button):
            event_tools.addWidget(b)
        event_tools.addStretch(1)
        print_tools = QHBoxLayout()
        for b in (self.letter_button, self.join_form_button, self.register_button):
            print_tools.addWidget(b)
        print_tools.addStretch(1)
        events_layout = QVBoxLayout(self.events_box)
        events_layout.addLayout(event_tools)
        events_layout.addLayout(print_tools)
        events_layout.addLayout(filters)
        events_layout.addWidget(self.events_view, 1)

        # --- non-member staff -------------------------------------------------------------------
        self.staff_box = QGroupBox(self.tr("Staff who are not members"))
        staff_columns = [
            Column(self.tr("Name"), lambda s: s.name, 64),
            Column(self.tr("Department"), lambda s: s.department, 80, stretch=True),
            Column(self.tr("Employment"), lambda s: s.employment_type, 60, full="临时工"),
            Column(self.tr("Started"), lambda s: s.start_date, 90, full=FULL_DATE),
            Column(self.tr("Status"), lambda s: s.status, 50, full="已入会"),
        ]
        self.staff_model = RecordTableModel(staff_columns, self)
        self.staff_model.muted = lambda s: s.status != "在职"
        self.staff_view = setup_table_view(QTableView(), self.staff_model, staff_columns, row_height=24,
                                           sortable=True, row_numbers=False)
        self.staff_view.setObjectName("staff")
        self.staff_view.doubleClicked.connect(lambda _i: self.edit_staff())
        self.staff_view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.show_gone = QCheckBox(self.tr("Show those who left or joined"))
        self.show_gone.setObjectName("showGone")
        self.show_gone.toggled.connect(lambda _c: self.refresh_staff())
        self.staff_count = QLabel()
        self.staff_count.setObjectName("staffCount")
        self.new_staff_button = button(self.tr("New…"), self.new_staff)
        self.edit_staff_button = button(self.tr("Edit…"), self.edit_staff)
        self.leave_button = button(self.tr("Leaves / retires…"), self.staff_leaves)
        self.join_button = button(self.tr("Join…"), self.join_selected)
        self.staff_form_button = button(self.tr("Print application form…"), self.print_staff_join_form)
        staff_tools = QHBoxLayout()
        for b in (self.new_staff_button, self.edit_staff_button, self.leave_button):
            staff_tools.addWidget(b)
        staff_tools.addStretch(1)
        join_tools = QHBoxLayout()
        for b in (self.join_button, self.staff_form_button):
            join_tools.addWidget(b)
        join_tools.addStretch(1)
        staff_filters = QHBoxLayout()
        staff_filters.addWidget(self.show_gone)
        staff_filters.addStretch(1)
        staff_filters.addWidget(self.staff_count)
        staff_layout = QVBoxLayout(self.staff_box)
        staff_layout.addLayout(staff_tools)
        staff_layout.addLayout(join_tools)
        staff_layout.addLayout(staff_filters)
        staff_layout.addWidget(self.staff_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.events_box)
        self.splitter.addWidget(self.staff_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.rate_box)
        layout.addWidget(self.splitter, 1)

        self._fill_years()
        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_picked())
        self._selection_changed()

    # --- the year ---------------------------------------------------------------------------------

    @property
    def year(self) -> int | None:
        return self._year

    @year.setter
    def year(self, value: int | None) -> None:
        """Set by a year selector around the page (or the page's own combo)."""
        self._year = value or None
        self._fill_years()

    def year_wanted(self, year: int | None) -> None:
        """A year selector around the page replaces this to move itself."""
        self.year = year
        self.refresh()

    def _fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        years = _years()
        if self._year and self._year not in years:
            years = sorted({*years, self._year}, reverse=True)
        for y in years:
            self.year_combo.addItem(str(y), y)
        self.year_combo.addItem(self.tr("All years"), ALL)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(self._year or ALL)))
        self.year_combo.blockSignals(False)

    def _year_picked(self) -> None:
        self._year = self.year_combo.currentData() or None
        self.refresh_rate()
        self.refresh_events()

    # --- data -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill_years()
        self.refresh_rate()
        self.refresh_events()
        self.refresh_staff()

    def refresh_rate(self) -> None:
        today = dt.date.today()
        self.rate = membership.membership_rate(today)
        year = self._year or today.year
        end = dt.date(year, 12, 31)
        at_end = membership.membership_rate(end)
        total = self.rate.total
        self.today_label.setText(self.tr("Today ({day})").format(day=today.isoformat()))
        self.today_rate.setText(rate_text(total.rate))
        self.year_end_rate.setText(self.tr("At the end of {year}: {rate}").format(year=year, rate=rate_text(at_end.total.rate)))
        self.counts.setText(self.tr("{members} member(s) in service, {staff} non-member staff in service").format(
            members=total.members, staff=total.staff))
        self.department_model.set_records(self.rate.by_department)
        self.employment_model.set_records(self.rate.by_employment)

    def events(self) -> list[MembershipEvent]:
        if self._year:
            found = membership.events_between(dt.date(self._year, 1, 1), dt.date(self._year, 12, 31))
        else:
            found = membership.events_between()
        kind = self.kind_combo.currentData()
        return [e for e in found if not kind or e.kind == kind]

    def refresh_events(self) -> None:
        chosen = self.selected_event()
        records = self.events()
        self.events_model.set_records(records)
        voided = sum(1 for e in records if e.voided)
        text = self.tr("%n change(s)", "", len(records))
        if voided:
            text += self.tr(", {n} voided").format(n=voided)
        self.events_count.setText(text)
        if chosen is not None:
            self.select_event(chosen.id)
        self._selection_changed()

    def refresh_staff(self) -> None:
        chosen = self.selected_staff()
        gone = self.show_gone.isChecked()
        records = membership.list_staff(include_gone=gone)
        self.staff_view.setColumnHidden(STAFF_STATUS_COLUMN, not gone)  # all 在职 otherwise
        self.staff_model.set_records(records)
        self.staff_count.setText(self.tr("%n person(s)", "", len(records)))
        if chosen is not None:
            self.select_staff(chosen.id)
        self._selection_changed()

    def selected_event(self) -> MembershipEvent | None:
        rows = self.events_view.selectionModel().selectedRows()
        return self.events_model.record_at(rows[0].row()) if len(rows) == 1 else None

    def selected_staff(self) -> NonMemberStaff | None:
        rows = self.staff_view.selectionModel().selectedRows()
        return self.staff_model.record_at(rows[0].row()) if len(rows) == 1 else None

    def select_event(self, event_id: int) -> bool:
        return self._select(self.events_view, self.events_model, event_id)

    def select_staff(self, staff_id: int) -> bool:
        return self._select(self.staff_view, self.staff_model, staff_id)

    @staticmethod
    def _select(view: QTableView, model: RecordTableModel, record_id: int) -> bool:
        for row, record in enumerate(model.records):
            if record.id == record_id:
                view.selectRow(row)
                view.scrollTo(model.index(row, 0))
                return True
        return False

    def _selection_changed(self) -> None:
        event = self.selected_event()
        self.void_button.setEnabled(event is not None and not event.voided)
        self.letter_button.setEnabled(event is not None and event.kind == "转出" and not event.voided)
        # no change selected: the member is asked for by name
        self.join_form_button.setEnabled(True)
        self.register_button.setEnabled(True)
        staff = self.selected_staff()
        active = staff is not None and staff.status == "在职"
        self.edit_staff_button.setEnabled(staff is not None and staff.status != "已入会")
        self.leave_button.setEnabled(staff is not None and staff.status != "已入会")
        self.join_button.setEnabled(active)
        self.staff_form_button.setEnabled(active)

    # --- membership changes -------------------------------------------------------------------------

    def add_event(self, member=None, kind: str = "") -> MembershipEvent | None:
        form = EventForm(member, kind, self)
        if form.exec() != QDialog.DialogCode.Accepted or form.saved is None:
            return None
        self.changed.emit()
        self._show_event(form.saved)
        return form.saved

    def _show_event(self, event: MembershipEvent) -> None:
        if self._year and event.date.year != self._year:
            self.year_wanted(event.date.year)
        self.kind_combo.blockSignals(True)
        if self.kind_combo.currentData() not in ("", event.kind):
            self.kind_combo.setCurrentIndex(0)
        self.kind_combo.blockSignals(False)
        self.refresh()
        self.select_event(event.id)

    def void_selected(self) -> bool:
        event = self.selected_event()
        if event is None or event.voided:
            return False
        form = VoidEventForm(MembershipEvent.get_by_id(event.id), self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return False
        self.changed.emit()
        self.refresh()
        self.select_event(event.id)
        return True

    def _print(self, title: str, name: str, write) -> None:
        from union_desk.ui.hardship.print_actions import print_pdf

        print_pdf(self, title, name, write)

    @surfaces_errors
    def print_transfer_letter(self) -> None:
        event = self.selected_event()
        title = self.tr("Print transfer letter")
        if event is None or event.kind != "转出" or event.voided:
            QMessageBox.information(self, title, self.tr("Choose a 转出 change that is not voided."))
            return
        from union_desk.printing import membership as printing

        member_id = event.member_id
        self._print(title, f"会员组织关系介绍信-{event.member.name}",
                    lambda path: printing.print_transfer_letter(member_id, path))

    def member_to_print(self, title: str):
        """The selected change's member, else one chosen by name (None: cancelled)."""
        event = self.selected_event()
        if event is not None:
            return event.member
        form = MemberChoiceForm(title, None, self)
        try:
            return form.chosen if form.exec() == QDialog.DialogCode.Accepted else None
        finally:
            form.deleteLater()

    @surfaces_errors
    def print_join_form(self) -> None:
        title = self.tr("Print application form")
        member = self.member_to_print(title)
        if member is None:
            return
        from union_desk.printing import membership as printing

        member_id = member.id
        self._print(title, f"入会申请书-{member.name}", lambda path: printing.print_join_form(member_id, path))

    @surfaces_errors
    def print_member_register(self) -> None:
        title = self.tr("Print member register")
        member = self.member_to_print(title)
        if member is None:
            return
        from union_desk.printing import membership as printing

        member_id = member.id
        self._print(title, f"工会会员登记表-{member.name}",
                    lambda path: printing.print_member_register(member_id, path))

    # --- non-member staff ---------------------------------------------------------------------------

    def new_staff(self) -> NonMemberStaff | None:
        form = StaffForm(None, self)
        if form.exec() != QDialog.DialogCode.Accepted or form.saved is None:
            return None
        self.changed.emit()
        self.refresh()
        self.select_staff(form.saved.id)
        return form.saved

    def edit_staff(self) -> NonMemberStaff | None:
        staff = self.selected_staff()
        if staff is None or staff.status == "已入会":
            return None
        form = StaffForm(NonMemberStaff.get_by_id(staff.id), self)
        if form.exec() != QDialog.DialogCode.Accepted or form.saved is None:
            return None
        self.changed.emit()
        self.refresh()
        self.select_staff(form.saved.id)
        return form.saved

    def staff_leaves(self) -> bool:
        staff = self.selected_staff()
        if staff is None or staff.status == "已入会":
            return False
        form = StaffLeaveForm(NonMemberStaff.get_by_id(staff.id), self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return False
        self.changed.emit()
        self.refresh()
        return True

    def join_selected(self):
        """入会… of the selected non-member: a member is made and the 入会 change is listed."""
        staff = self.selected_staff()
        if staff is None or staff.status != "在职":
            return None
        form = JoinForm(NonMemberStaff.get_by_id(staff.id), self)
        if form.exec() != QDialog.DialogCode.Accepted or form.member is None:
            return None
        joined = membership.events_of(form.member, include_voided=False)
        self.changed.emit()
        self.refresh()
        if joined:
            self._show_event(joined[-1])
        return form.member

    @surfaces_errors
    def print_staff_join_form(self) -> None:
        staff = self.selected_staff()
        if staff is None:
            return
        from union_desk.printing import membership as printing

        staff_id = staff.id
        self._print(self.tr("Print application form"), f"入会申请书-{staff.name}",
                    lambda path: printing.print_join_form(None, path, staff_id=staff_id))
