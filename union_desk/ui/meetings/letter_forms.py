"""The 来信来访 forms, on the form base: a letter or visit (LetterForm) and its reply (ReplyForm).

The person is a member (picker), someone else (a name) or anonymous (neither: nothing is kept)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from union_desk.db.meeting_models import Letter
from union_desk.domain import meetings as rules
from union_desk.errors import UnionDeskError
from union_desk.services import meetings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, date_edit, edit_date, save_cancel_buttons, show_error
from union_desk.ui.meetings.common import error_label, message_of, say
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker


class LetterForm(FormDialog):
    """新增 / 编辑来信来访: date, channel, person (会员 / 非会员 / 匿名), matter, category, referred to,
    reply deadline, notes."""

    def __init__(self, letter: Letter | None = None, parent=None):
        super().__init__(parent)
        self.letter = letter
        self.saved: Letter | None = None
        self.setWindowTitle(self.tr("Edit letter or visit {serial}").format(serial=letter.serial) if letter
                            else self.tr("New letter or visit"))
        self.reply_days = meetings.letter_reply_days()

        self.date = date_edit(letter.date if letter else None)
        self.channel = choice_combo(rules.CHANNELS, letter.channel if letter else "来信")
        self.channel.setObjectName("channel")
        self.kind_buttons = QButtonGroup(self)
        kinds = QHBoxLayout()
        self.kind_radio: dict[str, QRadioButton] = {}
        for kind in rules.PERSON_KINDS:
            radio = QRadioButton(kind)
            radio.setObjectName(f"person_{kind}")
            self.kind_buttons.addButton(radio)
            self.kind_radio[kind] = radio
            kinds.addWidget(radio)
        kinds.addStretch(1)
        self.member = MemberPicker()
        self.member.setObjectName("member")
        self.person_name = QLineEdit()
        self.person_name.setObjectName("person_name")
        self.person_name.setPlaceholderText(self.tr("Name of someone who is not a member"))
        self.contact = QLineEdit(letter.contact if letter else "")
        self.contact.setObjectName("contact")
        self.matter = QPlainTextEdit(letter.matter if letter else "")
        self.matter.setObjectName("matter")
        self.matter.setMinimumHeight(110)
        self.category = choice_combo(rules.LETTER_CATEGORIES, letter.category if letter else "其他")
        self.category.setObjectName("category")
        self.referred_to = QLineEdit(letter.referred_to if letter else "")
        self.referred_to.setPlaceholderText(self.tr("Department or person it was passed to"))
        due = letter.due_date if letter and letter.due_date else None
        due = due or edit_date(self.date) + dt.timedelta(days=self.reply_days)
        self.due = date_edit(due)
        self.due.setObjectName("due_date")
        self.due_hint = QLabel(self.tr("({days} days after the date unless changed)").format(days=self.reply_days))
        self.due_hint.setStyleSheet("color: #666;")
        self.notes = QPlainTextEdit(letter.notes if letter else "")
        self.notes.setFixedHeight(56)
        self.error = error_label()

        due_row = QHBoxLayout()
        due_row.addWidget(self.due)
        due_row.addWidget(self.due_hint, 1)
        form = QFormLayout(self.body)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Person"), kinds)
        form.addRow(self.tr("Member"), self.member)
        form.addRow(self.tr("Name"), self.person_name)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Matter"), self.matter)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Referred to"), self.referred_to)
        form.addRow(self.tr("Reply by"), due_row)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))

        kind = letter.person_kind if letter else "会员"
        if letter is not None:
            if kind == "会员" and letter.member_id:
                self.member.set_member(letter.member)
            elif kind == "非会员":
                self.person_name.setText(letter.person_name)
        self.kind_radio[kind].setChecked(True)
        self._kind_changed()
        self.kind_buttons.buttonToggled.connect(lambda *_a: self._kind_changed())
        self._due_follows = letter is None
        self.date.dateChanged.connect(self._date_changed)
        self.due.dateChanged.connect(self._due_edited)
        self.resize(560, 620)

    def person_kind(self) -> str:
        return next(k for k, r in self.kind_radio.items() if r.isChecked())

    def _kind_changed(self) -> None:
        kind = self.person_kind()
        self.member.setEnabled(kind == "会员")
        self.person_name.setEnabled(kind == "非会员")
        self.contact.setEnabled(kind != rules.ANONYMOUS)
        if kind == rules.ANONYMOUS:
            self.contact.setPlaceholderText(self.tr("Nothing is kept for an anonymous person"))
        else:
            self.contact.setPlaceholderText("")

    def _date_changed(self, _date: QDate) -> None:
        if self._due_follows:
            self.due.blockSignals(True)
            self.due.setDate(QDate(edit_date(self.date) + dt.timedelta(days=self.reply_days)))
            self.due.blockSignals(False)

    def _due_edited(self, _date: QDate) -> None:
        self._due_follows = False

    def data(self) -> dict:
        kind = self.person_kind()
        return {
            "date": edit_date(self.date),
            "channel": self.channel.currentText(),
            "person_kind": kind,
            "member": self.member.member() if kind == "会员" else None,
            "person_name": self.person_name.text() if kind == "非会员" else "",
            "contact": self.contact.text() if kind != rules.ANONYMOUS else "",
            "matter": self.matter.toPlainText(),
            "category": self.category.currentText(),
            "referred_to": self.referred_to.text(),
            "due_date": edit_date(self.due),
            "notes": self.notes.toPlainText(),
        }

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            self.saved = meetings.save_letter(self.data(), self.letter)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


class ReplyForm(FormDialog):
    """登记答复: the reply, its date and whether the matter is closed (办结)."""

    def __init__(self, letter: Letter, parent=None):
        super().__init__(parent)
        self.letter = letter
        self.saved: Letter | None = None
        self.setWindowTitle(self.tr("Reply to {serial}").format(serial=letter.serial))
        person = meetings.letter_person(letter)
        about = QLabel(f"{letter.date.isoformat()}　{letter.channel}　{person}\n{letter.matter}")
        about.setWordWrap(True)
        about.setStyleSheet("font-weight: bold;")
        self.reply = QPlainTextEdit(letter.reply)
        self.reply.setObjectName("reply")
        self.reply.setMinimumHeight(130)
        self.reply_date = date_edit(letter.reply_date or dt.date.today())
        self.closed = QCheckBox(self.tr("Closed (the matter is settled)"))
        self.closed.setChecked(letter.closed or not letter.reply)
        self.error = error_label()
        form = QFormLayout(self.body)
        form.addRow(about)
        form.addRow(self.tr("Reply"), self.reply)
        form.addRow(self.tr("Reply date"), self.reply_date)
        form.addRow("", self.closed)
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        self.resize(520, 380)

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            text = self.reply.toPlainText()
            day = edit_date(self.reply_date) if text.strip() else None  # no reply yet: still counted as waiting
            self.saved = meetings.save_letter({"reply": text, "reply_date": day, "closed": self.closed.isChecked()},
                                              self.letter)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


def edit_letter(parent: QWidget, letter: Letter | None = None) -> Letter | None:
    form = LetterForm(letter, parent)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None


def reply_to(parent: QWidget, letter: Letter) -> Letter | None:
    form = ReplyForm(letter, parent)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None
