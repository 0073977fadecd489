"""The 评选 forms, on the form base: a round (RoundForm: 奖项, 年度, 名额, 推荐截止, 公示期, 联系人) and
a nomination (NominationForm: who — a member, or a union group for 工会小组 awards —, 推荐单位,
先进事迹; when editing also 票数, 结果, 上报级别 and 上级结果).

A refused save (an ineligible member, a bad date) shows the service's message and keeps the
input; what the service warns about after saving (last year's winner, past the quota) is shown
once the form has closed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.honour_models import AwardRound, AwardType, Nomination
from union_desk.domain import honours as rules
from union_desk.errors import UnionDeskError
from union_desk.services import honours
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, save_cancel_buttons, show_error
from union_desk.ui.honours.common import (
    amber_label,
    date_field,
    error_label,
    hint_label,
    message_of,
    say,
    show_warnings,
    union_groups,
)
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker

PENDING = "待定"  # how the empty result / outcome reads in the combo boxes


def result_text(value: str) -> str:
    return value or PENDING


# --- 评选 ----------------------------------------------------------------------------------------------


class RoundForm(FormDialog):
    def __init__(self, award_round: AwardRound | None = None, year: int | None = None, parent=None):
        super().__init__(parent)
        self.award_round = award_round
        self.saved: AwardRound | None = None
        self.setWindowTitle(self.tr("Edit award round") if award_round else self.tr("New award round"))
        form = QFormLayout(self.body)

        self.award = QComboBox()
        self.award.setObjectName("award_type")
        current = award_round.award_type if award_round else None
        for award in honours.award_types(active_only=True):
            self.award.addItem(f"{award.name}（{award.level}级·{award.target}）", award.id)
        if current is not None and self.award.findData(current.id) < 0:
            self.award.addItem(f"{current.name}（{current.level}级·{current.target}）", current.id)
        if current is not None:
            self.award.setCurrentIndex(self.award.findData(current.id))
        form.addRow(self.tr("Award"), self.award)
        self.eligibility = hint_label("")
        form.addRow("", self.eligibility)

        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(award_round.year if award_round else (year or dt.date.today().year))
        form.addRow(self.tr("Year"), self.year)
        title = award_round.title if award_round else ""
        if award_round is not None and title == honours.round_title(award_round.award_type, award_round.year):
            title = ""  # the usual title: shown as the placeholder and made again from 奖项 and 年度
        self.title = QLineEdit(title)
        self.title.setObjectName("title")
        form.addRow(self.tr("Round title"), self.title)

        self.quota = QSpinBox()
        self.quota.setObjectName("quota")
        self.quota.setRange(0, honours.MAX_QUOTA)
        self.quota.setSpecialValueText(self.tr("no quota"))
        self.quota.setSuffix(self.tr(" person(s)"))
        form.addRow(self.tr("Quota"), self.quota)

        r = award_round
        self.deadline = date_field(r.nomination_deadline if r else None, "nomination_deadline")
        form.addRow(self.tr("Nominations until"), self.deadline)
        self.notice_start = date_field(r.notice_start if r else None, "notice_start")
        self.notice_end = date_field(r.notice_end if r else None, "notice_end")
        notice = QWidget()
        row = QHBoxLayout(notice)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.notice_start)
        row.addWidget(QLabel("～"))
        row.addWidget(self.notice_end)
        row.addStretch(1)
        form.addRow(self.tr("Public notice"), notice)
        self.contact = QLineEdit(r.contact if r else "")
        self.contact.setObjectName("contact")
        self.contact.setPlaceholderText(self.tr("e.g. union office, Ms Wang, 12345678"))
        form.addRow(self.tr("Contact on the notice"), self.contact)
        self.warn_repeat = QCheckBox(self.tr("Warn when last year's winner of this award is nominated again"))
        self.warn_repeat.setObjectName("warn_repeat")
        self.warn_repeat.setChecked(r.warn_repeat if r else True)
        form.addRow("", self.warn_repeat)
        if r is not None and r.decision_date:
            form.addRow(self.tr("Decided on"), QLabel(r.decision_date.isoformat()))
        self.notes = QPlainTextEdit(r.notes if r else "")
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = error_label()
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))

        if r is not None:
            self.quota.setValue(r.quota or 0)
        self.award.currentIndexChanged.connect(lambda _i: self._award_changed(fill_quota=True))
        self.year.valueChanged.connect(lambda _v: self._update_title_hint())
        self._award_changed(fill_quota=r is None)
        self.title.setMinimumWidth(380)

    def chosen_award(self) -> AwardType | None:
        award_id = self.award.currentData()
        return AwardType.get_or_none(AwardType.id == award_id) if award_id else None

    def _award_changed(self, fill_quota: bool) -> None:
        award = self.chosen_award()
        if award is None:
            self.eligibility.setText(self.tr("No award types yet: add them in File → Award types…."))
            return
        self.eligibility.setText(self.tr("Who may be nominated: {who}. Awarded by {body}.").format(
            who=honours.award_eligibility_text(award), body=honours.awarding_body(award)))
        if fill_quota:
            self.quota.setValue(award.default_quota or 0)
        self._update_title_hint()

    def _update_title_hint(self) -> None:
        award = self.chosen_award()
        if award is not None:
            self.title.setPlaceholderText(honours.round_title(award, self.year.value()))

    def data(self) -> dict:
        data = {
            "award_type": self.chosen_award(),
            "year": self.year.value(),
            "title": self.title.text(),
            "nomination_deadline": self.deadline.text(),
            "notice_start": self.notice_start.text(),
            "notice_end": self.notice_end.text(),
            "contact": self.contact.text(),
            "warn_repeat": self.warn_repeat.isChecked(),
            "notes": self.notes.toPlainText(),
        }
        if self.quota.value():
            data["quota"] = self.quota.value()
        elif self.award_round is not None:
            data["quota"] = None
        if data["award_type"] is None:
            del data["award_type"]
        return data

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            self.saved = honours.save_round(self.data(), self.award_round)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


def edit_round(parent: QWidget, award_round: AwardRound | None = None, year: int | None = None) -> AwardRound | None:
    form = RoundForm(award_round, year, parent)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None


# --- 推荐 ----------------------------------------------------------------------------------------------


class NominationForm(FormDialog):
    """A new nomination of `award_round` (nomination None) or an existing one to edit."""

    def __init__(self, award_round: AwardRound, nomination: Nomination | None = None, parent=None):
        super().__init__(parent)
        self.award_round = award_round
        self.award = award_round.award_type
        self.nomination = nomination
        self.saved: Nomination | None = None
        self.warnings: list[str] = []
        self.for_group = self.award.target == "工会小组"
        self.setWindowTitle(self.tr("Edit nomination") if nomination else self.tr("Nominate"))
        layout = QVBoxLayout(self.body)
        heading = QLabel(f"<b>{award_round.title or honours.round_title(self.award, award_round.year)}</b>")
        layout.addWidget(heading)
        layout.addWidget(hint_label(self.tr("Who may be nominated: {who}.").format(
            who=honours.award_eligibility_text(self.award))))
        form = QFormLayout()
        layout.addLayout(form)

        self.picker: MemberPicker | None = None
        self.group: QComboBox | None = None
        if nomination is not None:
            who = QLabel(self._who_text(nomination))
            who.setObjectName("nominee")
            form.addRow(self.tr("Union group") if self.for_group else self.tr("Member"), who)
        elif self.for_group:
            self.group = QComboBox()
            self.group.setObjectName("group_name")
            self.group.setEditable(True)
            self.group.addItem("")
            self.group.addItems(union_groups())
            self.group.setCurrentIndex(0)
            form.addRow(self.tr("Union group"), self.group)
        else:
            self.picker = MemberPicker(statuses=())
            self.picker.setObjectName("member")
            self.picker.memberChanged.connect(self._member_changed)
            form.addRow(self.tr("Member"), self.picker)
        self.check = QLabel()
        self.check.setObjectName("eligibility")
        self.check.setWordWrap(True)
        self.check.setVisible(False)
        form.addRow("", self.check)

        n = nomination
        self.nominated_by = QComboBox()
        self.nominated_by.setObjectName("nominated_by")
        self.nominated_by.setEditable(True)
        self.nominated_by.addItem(n.nominated_by if n else "")
        for g in union_groups():
            if g != self.nominated_by.itemText(0):
                self.nominated_by.addItem(g)
        self.nominated_by.setCurrentIndex(0)
        if not self.for_group:
            self.nominated_by.lineEdit().setPlaceholderText(self.tr("the nominee's union group when empty"))
        form.addRow(self.tr("Nominated by"), self.nominated_by)
        self.deeds = QPlainTextEdit(n.deeds if n else "")
        self.deeds.setObjectName("deeds")
        self.deeds.setPlaceholderText(self.tr("A summary of the nominee's deeds (a few hundred characters)"))
        self.deeds.setMinimumHeight(150)
        self.deeds_count = QLabel()
        self.deeds_count.setStyleSheet("color: #666;")
        self.deeds.textChanged.connect(self._count_deeds)
        form.addRow(self.tr("Deeds"), self.deeds)
        form.addRow("", self.deeds_count)
        self._count_deeds()

        self.votes = self.result_box = self.sent_level = self.outcome = None
        if nomination is not None:
            box = QGroupBox(self.tr("Result"))
            result_form = QFormLayout(box)
            self.votes = QSpinBox()
            self.votes.setObjectName("votes")
            self.votes.setRange(-1, honours.MAX_VOTES)
            self.votes.setSpecialValueText(self.tr("not counted"))
            self.votes.setValue(n.votes if n.votes is not None else -1)
            result_form.addRow(self.tr("Votes"), self.votes)
            self.result_box = choice_combo([result_text(r) for r in rules.RESULTS], result_text(n.result))
            self.result_box.setObjectName("result")
            result_form.addRow(self.tr("Result"), self.result_box)
            self.sent_level = choice_combo(["", *rules.UPWARD_LEVELS], n.sent_level)
            self.sent_level.setObjectName("sent_level")
            result_form.addRow(self.tr("Sent up to (level)"), self.sent_level)
            self.outcome = choice_combo([result_text(o) for o in rules.UPWARD_OUTCOMES], result_text(n.upward_outcome))
            self.outcome.setObjectName("upward_outcome")
            result_form.addRow(self.tr("Outcome there"), self.outcome)
            self.quota_warning = amber_label()
            result_form.addRow(self.quota_warning)
            layout.addWidget(box)
            self.result_box.currentTextChanged.connect(lambda _t: self._result_changed())
            self._result_changed()

        self.notes = QPlainTextEdit(n.notes if n else "")
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(50)
        notes_form = QFormLayout()
        notes_form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(notes_form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        self.deeds.setMinimumWidth(440)

    @staticmethod
    def _who_text(nomination: Nomination) -> str:
        if nomination.member_id:
            m = nomination.member
            return "\u3000".join(p for p in (m.name, m.department or "", m.union_group or "") if p)
        return nomination.group_name

    def _count_deeds(self) -> None:
        self.deeds_count.setText(self.tr("{count} character(s)").format(count=len(self.deeds.toPlainText().strip())))

    def _member_changed(self, member) -> None:
        """Say at once whether the member can be nominated (the save checks it again)."""
        if member is None:
            self.check.setVisible(False)
            return
        day = self.award_round.nomination_deadline or dt.date(self.award_round.year, 12, 31)
        problems = honours.eligibility_problems(self.award, member, day)
        if problems:
            self.check.setStyleSheet("color: #b00020;")
            self.check.setText(self.tr("Not eligible: {reasons}").format(reasons="；".join(problems)))
        else:
            self.check.setStyleSheet("color: #1b5e20;")
            self.check.setText(self.tr("Eligible."))
        self.check.setVisible(True)
        if not self.nominated_by.currentText().strip():
            self.nominated_by.lineEdit().setPlaceholderText(member.union_group or member.department or "")

    def _result_changed(self) -> None:
        upward = self.result_box.currentText() == "上报"
        self.sent_level.setEnabled(upward)
        self.outcome.setEnabled(upward)
        say(self.quota_warning, self.quota_text())

    def quota_text(self) -> str:
        """Past the quota if this nomination is 当选 (the others as saved)."""
        if self.result_box is None or self.result_box.currentText() != "当选":
            return ""
        others = (Nomination.select().where((Nomination.award_round == self.award_round) & (Nomination.result == "当选")
                                            & (Nomination.id != self.nomination.id)).count())
        return rules.quota_warning(others + 1, self.award_round.quota)

    def data(self) -> dict:
        data = {"nominated_by": self.nominated_by.currentText(), "deeds": self.deeds.toPlainText(),
                "notes": self.notes.toPlainText()}
        if self.nomination is None and not data["nominated_by"].strip():
            del data["nominated_by"]  # the service fills in the nominee's union group
        if self.picker is not None:
            data["member"] = self.picker.member()
        if self.group is not None:
            data["group_name"] = self.group.currentText()
        if self.result_box is not None:
            result = self.result_box.currentText()
            upward = result == "上报"
            data.update(
                votes=self.votes.value() if self.votes.value() >= 0 else None,
                result="" if result == PENDING else result,
                sent_level=self.sent_level.currentText() if upward else "",
                upward_outcome=("" if self.outcome.currentText() == PENDING else self.outcome.currentText()) if upward else "",
            )
        return data

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            if self.nomination is None:
                self.saved, self.warnings = honours.nominate(self.award_round, self.data())
            else:
                _changed, self.warnings = honours.update_nomination(self.nomination, self.data())
                self.saved = self.nomination
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


def edit_nomination(parent: QWidget, award_round: AwardRound, nomination: Nomination | None = None) -> Nomination | None:
    """The form; after a save its warnings (repeat winner, quota) are shown."""
    form = NominationForm(award_round, nomination, parent)
    if form.exec() != QDialog.DialogCode.Accepted:
        return None
    show_warnings(parent, form.windowTitle(), form.warnings)
    return form.saved
