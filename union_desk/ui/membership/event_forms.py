"""The 会籍 forms, on the form base: a membership event (EventForm: the fields shown follow the kind),
a non-member of staff (StaffForm), their leaving or retiring (StaffLeaveForm), their joining the
union (JoinForm: a member is made from the record) and voiding an event (VoidEventForm).

Every form writes through `services.membership`; a refusal (a ValidationError, Chinese already) is
shown once, on the form's red line (no message box, as the 会费 forms), the field it is about framed in
red and focused; the form stays open with the input. EventForm's label column keeps the width of its
widest label whichever rows the kind shows, so the fields do not move sideways."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from union_desk.db.membership_models import MembershipEvent, NonMemberStaff
from union_desk.db.models import Member
from union_desk.domain import membership as rules
from union_desk.errors import UnionDeskError, ValidationError
from union_desk.services import membership, settings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, date_edit, edit_date, save_cancel_buttons
from union_desk.ui.honours.common import date_field, error_label, hint_label, message_of, say
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.form_messages import ERROR_COLOR
from union_desk.ui.widgets.member_picker import MemberPicker

FIELD_ERROR_STYLE = f"border: 1px solid {ERROR_COLOR};"

# which optional rows each kind shows
APPLICATION_KINDS = ("入会",)
UNION_KINDS = ("转入", "转出")
REASON_KINDS = ("退会", "除名")


def _note_edit(text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setObjectName("note")
    edit.setFixedHeight(54)
    return edit


def _departments() -> list[str]:
    from union_desk.services import members

    found = set(members.distinct_values("department"))
    found.update(s.department for s in NonMemberStaff.select(NonMemberStaff.department).distinct())
    return sorted(d for d in found if d)


class _Form(FormDialog):
    """The shared shape: a hint, a form layout, the red error line, 保存 / 取消."""

    def _start(self, title: str, hint: str = "") -> QFormLayout:
        self.setWindowTitle(title)
        layout = QVBoxLayout(self.body)
        if hint:
            layout.addWidget(hint_label(hint))
        form = QFormLayout()
        layout.addLayout(form)
        self.form_layout = form
        self.field_error = error_label()  # a refusal about a field: put in the row under it
        self.field_error.setObjectName("fieldError")
        self.field_error.setParent(self.body)
        self._blank = QLabel(self.body)  # its label cell
        self._blank.setVisible(False)
        self._framed = None
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        return form

    def _refused(self, exc: UnionDeskError) -> None:
        """Say why once (no message box): in red just under the field it is about (framed in red and
        focused), or on the form's red line when it is about no field shown."""
        self._clear_refusal()
        text = message_of(exc)
        widget = self._field_widget(getattr(exc, "field", None) or "")
        row = self.form_layout.getWidgetPosition(widget)[0] if widget is not None else -1
        if row < 0:
            say(self.error, text)
            return
        self.form_layout.insertRow(row + 1, self._blank, self.field_error)  # in the field column
        self._blank.setVisible(True)
        say(self.field_error, text)
        widget.setStyleSheet(FIELD_ERROR_STYLE)
        widget.setFocus()
        self._framed = widget

    def _clear_refusal(self) -> None:
        say(self.error, "")
        if self._framed is not None:
            self._framed.setStyleSheet("")
            self._framed = None
        if self.form_layout.getWidgetPosition(self.field_error)[0] >= 0:
            self.form_layout.takeRow(self.field_error)
        for widget in (self._blank, self.field_error):
            widget.setParent(self.body)
            widget.setVisible(False)
        say(self.field_error, "")

    def message(self) -> str:
        """The refusal shown (under a field or on the red line), '' when none."""
        for label in (self.field_error, self.error):
            if label.isVisibleTo(self) and label.text():
                return label.text()
        return ""

    def _field_widget(self, name: str):
        """The visible input of the form named `name` (by objectName), if any."""
        if not name:
            return None
        from PySide6.QtWidgets import QWidget

        found = self.body.findChild(QWidget, name)
        return found if found is not None and found.isVisibleTo(self) else None


# --- a membership event --------------------------------------------------------------------------------


class EventForm(_Form):
    """登记会籍变动: the member, the kind, the date, then what the kind needs (申请日期 / 批准日期 /
    会员证号 for 入会, 对方工会 and 介绍信编号 for 转入 / 转出, 原因 for 保留会籍, 退会 and 除名), the
    handler and a note. After `exec()` succeeds `saved` is the event."""

    def __init__(self, member: Member | None = None, kind: str = "", parent=None):
        super().__init__(parent)
        self.saved: MembershipEvent | None = None
        form = self._start(self.tr("Record a membership change"), self.tr(
            "The member's status follows the latest change. A change that cannot follow the member's state"
            " (a second transfer out, restoring a member in service) is refused."))
        self.form = form
        self.picker = MemberPicker(statuses=())
        self.picker.setObjectName("member")
        self.picker.setMinimumWidth(300)
        form.addRow(self.tr("Member"), self.picker)
        self.kind = choice_combo(rules.EVENT_KINDS, kind or "入会")
        self.kind.setObjectName("kind")
        self.kind.setMaximumWidth(160)
        form.addRow(self.tr("Change"), self.kind)
        self.date = date_edit(dt.date.today())
        self.date.setObjectName("date")
        self.date.setMaximumWidth(140)
        form.addRow(self.tr("Date"), self.date)

        self.application_date = date_field(None, "application_date")
        form.addRow(self.tr("Application date"), self.application_date)
        self.approval_date = date_field(None, "approval_date")
        form.addRow(self.tr("Approval date"), self.approval_date)
        self.card_number = QLineEdit()
        self.card_number.setObjectName("card_number")
        self.card_number.setMaximumWidth(200)
        form.addRow(self.tr("Membership card no."), self.card_number)

        self.other_union = QLineEdit()
        self.other_union.setObjectName("other_union")
        self.other_union.setPlaceholderText(self.tr("e.g. 区实验小学工会"))
        self.other_union_label = QLabel(self.tr("Union transferred from"))
        form.addRow(self.other_union_label, self.other_union)
        self.letter_number = QLineEdit()
        self.letter_number.setObjectName("letter_number")
        self.letter_number.setMaximumWidth(200)
        form.addRow(self.tr("Letter no."), self.letter_number)
        self.letter_hint = hint_label(self.tr(
            "Left empty, the letter is numbered when saved (JS{year}-001, JS{year}-002 …).").format(
            year=dt.date.today().year))
        self.letter_hint.setObjectName("letterHint")
        form.addRow("", self.letter_hint)

        self.keep_reason = choice_combo(rules.KEEP_REASONS, "退休")
        self.keep_reason.setObjectName("keep_reason")
        self.keep_reason.setMaximumWidth(160)
        form.addRow(self.tr("Reason"), self.keep_reason)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        form.addRow(self.tr("Reason"), self.reason)  # 退会 / 除名: free text (one 原因 row shows at a time)

        self.handler = QLineEdit(settings.get("default_handler"))
        self.handler.setObjectName("handler")
        self.handler.setMaximumWidth(200)
        form.addRow(self.tr("Handler"), self.handler)
        self.note = _note_edit()
        form.addRow(self.tr("Note"), self.note)
        if member is not None:
            self.picker.set_member(member)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._fix_label_width()
        self._kind_changed()
        self.resize(540, 470)

    def _fix_label_width(self) -> None:
        """Every label as wide as the widest of all rows (shown or not), so that the fields keep
        their place when the kind shows other rows."""
        labels = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                labels.append(item.widget())
        metrics = self.other_union_label.fontMetrics()
        width = max([label.sizeHint().width() for label in labels]
                    + [metrics.horizontalAdvance(self.tr(text)) + 2 for text in ("Union transferred to",
                                                                                "Union transferred from")])
        for label in labels:
            label.setMinimumWidth(width)

    def _kind_changed(self) -> None:
        kind = self.kind.currentText()
        form = self.form
        for widget in (self.application_date, self.approval_date, self.card_number):
            form.setRowVisible(widget, kind in APPLICATION_KINDS)
        form.setRowVisible(self.other_union, kind in UNION_KINDS)
        form.setRowVisible(self.letter_number, kind in UNION_KINDS)
        form.setRowVisible(self.letter_hint, kind == "转出")
        self.other_union_label.setText(self.tr("Union transferred to") if kind == "转出"
                                       else self.tr("Union transferred from"))
        form.setRowVisible(self.keep_reason, kind == "保留会籍")
        form.setRowVisible(self.reason, kind in REASON_KINDS)

    def data(self) -> dict:
        kind = self.kind.currentText()
        data = {"kind": kind, "date": edit_date(self.date), "handler": self.handler.text(),
                "note": self.note.toPlainText()}
        if kind in APPLICATION_KINDS:
            data.update(application_date=self.application_date.text(), approval_date=self.approval_date.text(),
                        card_number=self.card_number.text())
        if kind in UNION_KINDS:
            data.update(other_union=self.other_union.text(), letter_number=self.letter_number.text())
        if kind == "保留会籍":
            data["reason"] = self.keep_reason.currentText()
        elif kind in REASON_KINDS:
            data["reason"] = self.reason.text()
        return data

    @surfaces_errors
    def accept(self) -> None:
        self._clear_refusal()
        member = self.picker.member()
        if member is None:
            self._refused(ValidationError(self.tr("Choose the member."), field="member"))
            return
        try:
            self.saved = membership.add_event(member, self.data())
        except UnionDeskError as exc:
            self._refused(exc)
            return
        super().accept()


class VoidEventForm(_Form):
    """作废 a wrong event with a reason; it stays listed, crossed out, and the status follows the rest."""

    def __init__(self, event: MembershipEvent, parent=None):
        super().__init__(parent)
        self.record = event
        form = self._start(self.tr("Void a membership change"), self.tr(
            "A voided change stays in the history, crossed out; the member's status follows the changes left."))
        about = QLabel(f"{event.member.name}\u3000{event.date.isoformat()}\u3000{event.kind}")
        about.setObjectName("about")
        form.addRow(self.tr("Change"), about)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(64)
        form.addRow(self.tr("Reason"), self.reason)
        self.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Void"))
        self.resize(460, 260)

    @surfaces_errors
    def accept(self) -> None:
        self._clear_refusal()
        try:
            membership.void_event(self.record, self.reason.toPlainText())
        except UnionDeskError as exc:
            self._refused(exc)
            return
        super().accept()


# --- non-member staff ----------------------------------------------------------------------------------


class StaffForm(_Form):
    """A member of staff who is not in the union (counted for 入会率). After `exec()` succeeds
    `saved` is the record."""

    def __init__(self, staff: NonMemberStaff | None = None, parent=None):
        super().__init__(parent)
        self.staff = staff
        self.saved: NonMemberStaff | None = None
        s = staff
        form = self._start(self.tr("Edit non-member staff") if s else self.tr("New non-member staff"), self.tr(
            "Staff who are not union members, counted for the membership rate. When one joins, use Join… on the"
            " list: a member is made from the record."))
        self.name = QLineEdit(s.name if s else "")
        self.name.setObjectName("name")
        self.name.setMaximumWidth(200)
        form.addRow(self.tr("Name"), self.name)
        self.sex = choice_combo(("", "男", "女"), s.sex if s else "")
        self.sex.setObjectName("sex")
        self.sex.setMaximumWidth(90)
        form.addRow(self.tr("Sex"), self.sex)
        self.id_number = QLineEdit(s.id_number or "" if s else "")
        self.id_number.setObjectName("id_number")
        self.id_number.setMaximumWidth(220)
        form.addRow(self.tr("ID number"), self.id_number)
        self.birth_date = date_field(s.birth_date if s else None, "birth_date")
        form.addRow(self.tr("Birth date"), self.birth_date)
        self.phone = QLineEdit(s.phone if s else "")
        self.phone.setObjectName("phone")
        self.phone.setMaximumWidth(200)
        form.addRow(self.tr("Phone"), self.phone)
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.department.setEditable(True)
        self.department.addItem("")
        self.department.addItems(_departments())
        self.department.setCurrentText(s.department if s else "")
        form.addRow(self.tr("Department"), self.department)
        self.post = QLineEdit(s.post if s else "")
        self.post.setObjectName("post")
        form.addRow(self.tr("Post"), self.post)
        self.employment_type = choice_combo(membership.EMPLOYMENT_TYPES, s.employment_type if s else "在编")
        self.employment_type.setObjectName("employment_type")
        self.employment_type.setMaximumWidth(140)
        form.addRow(self.tr("Employment type"), self.employment_type)
        self.start_date = date_field(s.start_date if s else None, "start_date")
        form.addRow(self.tr("Start date"), self.start_date)
        self.notes = QPlainTextEdit(s.notes if s else "")
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(54)
        form.addRow(self.tr("Notes"), self.notes)
        self.resize(500, 480)

    def data(self) -> dict:
        return {
            "name": self.name.text(), "sex": self.sex.currentText(), "id_number": self.id_number.text(),
            "birth_date": self.birth_date.text(), "phone": self.phone.text(),
            "department": self.department.currentText(), "post": self.post.text(),
            "employment_type": self.employment_type.currentText(), "start_date": self.start_date.text(),
            "notes": self.notes.toPlainText(),
        }

    @surfaces_errors
    def accept(self) -> None:
        self._clear_refusal()
        try:
            self.saved = membership.save_staff(self.data(), self.staff)
        except UnionDeskError as exc:
            self._refused(exc)
            return
        super().accept()


class StaffLeaveForm(_Form):
    """离职 / 退休 of a non-member (no longer counted from that day); 在职 puts them back."""

    def __init__(self, staff: NonMemberStaff, parent=None):
        super().__init__(parent)
        self.staff = staff
        form = self._start(self.tr("Staff leaves or retires"), self.tr(
            "From this day the person is no longer counted for the membership rate. Choose 在职 to put them back."))
        who = QLabel(f"{staff.name}\u3000{staff.department or ''}")
        who.setObjectName("who")
        form.addRow(self.tr("Staff"), who)
        self.status = choice_combo(("离职", "退休", "在职"), "离职")
        self.status.setObjectName("status")
        self.status.setMaximumWidth(140)
        form.addRow(self.tr("Status"), self.status)
        self.date = date_edit(dt.date.today())
        self.date.setObjectName("date")
        self.date.setMaximumWidth(140)
        form.addRow(self.tr("Date"), self.date)
        self.note = _note_edit()
        form.addRow(self.tr("Note"), self.note)
        self.resize(440, 300)

    @surfaces_errors
    def accept(self) -> None:
        self._clear_refusal()
        try:
            membership.staff_leaves(self.staff, self.status.currentText(), edit_date(self.date),
                                    self.note.toPlainText())
        except UnionDeskError as exc:
            self._refused(exc)
            return
        super().accept()


class JoinForm(_Form):
    """入会 of a non-member: 申请日期, 批准日期, 入会日期, 会员证号, 经办人, 备注. A member is made from the
    record (services.membership.join_from_staff); after `exec()` succeeds `member` is the new member."""

    def __init__(self, staff: NonMemberStaff, parent=None):
        super().__init__(parent)
        self.staff = staff
        self.member: Member | None = None
        form = self._start(self.tr("Join the union"), self.tr(
            "A member is made from this record (name, ID number, department …) with an 入会 change; the staff"
            " record is kept as 已入会. The join date cannot be after today."))
        who = QLabel(f"{staff.name}\u3000{staff.department or ''}\u3000{staff.employment_type}")
        who.setObjectName("who")
        form.addRow(self.tr("Staff"), who)
        self.application_date = date_field(None, "application_date")
        form.addRow(self.tr("Application date"), self.application_date)
        self.approval_date = date_field(None, "approval_date")
        form.addRow(self.tr("Approval date"), self.approval_date)
        self.date = date_edit(dt.date.today())
        self.date.setObjectName("date")
        self.date.setMaximumWidth(140)
        form.addRow(self.tr("Join date"), self.date)
        self.card_number = QLineEdit()
        self.card_number.setObjectName("card_number")
        self.card_number.setMaximumWidth(200)
        form.addRow(self.tr("Membership card no."), self.card_number)
        self.handler = QLineEdit(settings.get("default_handler"))
        self.handler.setObjectName("handler")
        self.handler.setMaximumWidth(200)
        form.addRow(self.tr("Handler"), self.handler)
        self.note = _note_edit()
        form.addRow(self.tr("Note"), self.note)
        self.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Join"))
        self.resize(480, 380)

    def data(self) -> dict:
        return {"date": edit_date(self.date), "application_date": self.application_date.text(),
                "approval_date": self.approval_date.text(), "card_number": self.card_number.text(),
                "handler": self.handler.text(), "note": self.note.toPlainText()}

    @surfaces_errors
    def accept(self) -> None:
        self._clear_refusal()
        try:
            self.member = membership.join_from_staff(self.staff, self.data())
        except UnionDeskError as exc:
            self._refused(exc)
            return
        super().accept()


class MemberChoiceForm(_Form):
    """Which member to print a sheet for (打印入会申请书 / 打印会员登记表 with no change selected on the
    会籍 page): after `exec()` succeeds `chosen` is the member."""

    def __init__(self, title: str, member: Member | None = None, parent=None):
        super().__init__(parent)
        self.chosen: Member | None = None
        form = self._start(title, self.tr("Any member, whatever year they joined."))
        self.picker = MemberPicker(statuses=())
        self.picker.setObjectName("member")
        self.picker.setMinimumWidth(260)
        form.addRow(self.tr("Member"), self.picker)
        if member is not None:
            self.picker.set_member(member)
        self.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Print…"))
        self.resize(420, 200)

    @surfaces_errors
    def accept(self) -> None:
        self._clear_refusal()
        member = self.picker.member()
        if member is None:
            self._refused(ValidationError(self.tr("Choose the member."), field="member"))
            return
        self.chosen = member
        super().accept()


# --- how an event reads in a list ------------------------------------------------------------------------


def event_details(event: MembershipEvent) -> str:
    """What the kind carries: 申请/批准/会员证号, the other union and the letter, the reason."""
    parts: list[str] = []
    if event.kind in APPLICATION_KINDS:
        if event.application_date:
            parts.append(f"申请{event.application_date.isoformat()}")
        if event.approval_date:
            parts.append(f"批准{event.approval_date.isoformat()}")
        if event.card_number:
            parts.append(f"会员证号{event.card_number}")
    if event.kind in UNION_KINDS:
        if event.other_union:
            parts.append(("自" if event.kind == "转入" else "转往") + event.other_union)
        if event.letter_number:
            parts.append(f"介绍信{event.letter_number}")
    if event.reason and event.kind not in APPLICATION_KINDS + UNION_KINDS:
        parts.append(f"原因：{event.reason}")
    if event.voided:
        parts.append(f"作废：{event.void_reason}")
    return "；".join(parts)


def event_marks(event: MembershipEvent) -> str:
    """补记 (written by the upgrade from the archive's dates) and 作废."""
    marks = []
    if event.backfilled:
        marks.append("补记")
    if event.voided:
        marks.append("作废")
    return " ".join(marks)
