"""The 合理化建议 forms, on the form base: a campaign (金点子征集: title, start, end) and a
suggestion (date, proposer — a member or a name, title, content, category, adoption, result)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from union_desk.db.meeting_models import Suggestion, SuggestionCampaign
from union_desk.domain import meetings as rules
from union_desk.errors import UnionDeskError
from union_desk.services import meetings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import choice_combo, date_edit, edit_date, save_cancel_buttons, show_error
from union_desk.ui.meetings.common import error_label, message_of, say
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker


def campaign_text(campaign: SuggestionCampaign) -> str:
    end = campaign.end_date.isoformat() if campaign.end_date else "—"
    return f"{campaign.title}（{campaign.start_date.isoformat()}～{end}）"


class CampaignForm(FormDialog):
    """新建 / 编辑征集活动: title, start date, end date (optional), notes."""

    def __init__(self, campaign: SuggestionCampaign | None = None, parent=None):
        super().__init__(parent)
        self.campaign = campaign
        self.saved: SuggestionCampaign | None = None
        self.setWindowTitle(self.tr("Edit campaign") if campaign else self.tr("New campaign"))
        self.title = QLineEdit(campaign.title if campaign else "")
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("e.g. the golden ideas campaign of 2027"))
        self.start = date_edit(campaign.start_date if campaign else None)
        self.has_end = QCheckBox(self.tr("Ends on"))
        self.has_end.setChecked(bool(campaign is None or campaign.end_date))
        self.end = date_edit(campaign.end_date if campaign and campaign.end_date else None)
        if campaign is None:
            self.end.setDate(self.start.date().addMonths(1))
        self.end.setEnabled(self.has_end.isChecked())
        self.has_end.toggled.connect(self.end.setEnabled)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.end, 1)
        self.notes = QPlainTextEdit(campaign.notes if campaign else "")
        self.notes.setFixedHeight(70)
        self.error = error_label()
        form = QFormLayout(self.body)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Start date"), self.start)
        form.addRow(self.tr("End date"), end_row)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        self.resize(480, 260)

    def data(self) -> dict:
        return {
            "title": self.title.text(),
            "start_date": edit_date(self.start),
            "end_date": edit_date(self.end) if self.has_end.isChecked() else None,
            "notes": self.notes.toPlainText(),
        }

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            self.saved = meetings.save_campaign(self.data(), self.campaign)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


class SuggestionForm(FormDialog):
    """新增 / 编辑合理化建议."""

    def __init__(self, suggestion: Suggestion | None = None, parent=None,
                 campaign: SuggestionCampaign | None = None):
        super().__init__(parent)
        self.suggestion = suggestion
        self.saved: Suggestion | None = None
        self.setWindowTitle(self.tr("Edit suggestion") if suggestion else self.tr("New suggestion"))
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaign")
        self.campaign.addItem(self.tr("(no campaign)"), None)
        for c in meetings.campaigns():
            self.campaign.addItem(campaign_text(c), c.id)
        chosen = suggestion.campaign if suggestion and suggestion.campaign_id else campaign
        if chosen is not None:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(chosen.id)))
        default_day = None
        if suggestion is None and campaign is not None:
            import datetime as dt

            today = dt.date.today()
            inside = campaign.start_date <= today and (campaign.end_date is None or today <= campaign.end_date)
            default_day = today if inside else campaign.start_date
        self.date = date_edit(suggestion.date if suggestion else default_day)

        self.by_member = QRadioButton(self.tr("A member"))
        self.by_name = QRadioButton(self.tr("Someone else or several people"))
        group = QButtonGroup(self)
        group.addButton(self.by_member)
        group.addButton(self.by_name)
        self.member = MemberPicker()
        self.member.setObjectName("member")
        self.proposer = QLineEdit()
        self.proposer.setObjectName("proposer")
        self.proposer.setPlaceholderText(self.tr("Names, e.g. several teachers of a group"))
        if suggestion is not None and suggestion.member_id:
            self.member.set_member(suggestion.member)
            self.by_member.setChecked(True)
        elif suggestion is not None:
            self.proposer.setText(suggestion.proposer)
            self.by_name.setChecked(True)
        else:
            self.by_member.setChecked(True)
        who = QHBoxLayout()
        who.addWidget(self.by_member)
        who.addWidget(self.member, 1)
        who_else = QHBoxLayout()
        who_else.addWidget(self.by_name)
        who_else.addWidget(self.proposer, 1)
        self.by_member.toggled.connect(lambda _c: self._who_changed())
        self._who_changed()

        self.title = QLineEdit(suggestion.title if suggestion else "")
        self.title.setObjectName("title")
        self.content = QPlainTextEdit(suggestion.content if suggestion else "")
        self.content.setObjectName("content")
        self.content.setMinimumHeight(100)
        self.category = choice_combo(rules.SUGGESTION_CATEGORIES, suggestion.category if suggestion else "其他")
        self.adoption = choice_combo(rules.ADOPTIONS, suggestion.adoption if suggestion else "待定")
        self.adoption.setObjectName("adoption")
        self.result = QPlainTextEdit(suggestion.result if suggestion else "")
        self.result.setObjectName("result")
        self.result.setFixedHeight(70)
        self.result.setPlaceholderText(self.tr("What came of it"))
        self.notes = QPlainTextEdit(suggestion.notes if suggestion else "")
        self.notes.setFixedHeight(50)
        self.error = error_label()
        form = QFormLayout(self.body)
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Proposer"), who)
        form.addRow("", who_else)
        form.addRow(self.tr("Suggestion"), self.title)
        form.addRow(self.tr("Content"), self.content)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Adopted"), self.adoption)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.error)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        self.resize(580, 620)

    def _who_changed(self) -> None:
        member = self.by_member.isChecked()
        self.member.setEnabled(member)
        self.proposer.setEnabled(not member)

    def data(self) -> dict:
        member = self.by_member.isChecked()
        return {
            "campaign": self.campaign.currentData(),
            "date": edit_date(self.date),
            "member": self.member.member() if member else None,
            "proposer": (self.member.member().name if member and self.member.member() else "") if member
            else self.proposer.text(),
            "title": self.title.text(),
            "content": self.content.toPlainText(),
            "category": self.category.currentText(),
            "adoption": self.adoption.currentText(),
            "result": self.result.toPlainText(),
            "notes": self.notes.toPlainText(),
        }

    @surfaces_errors
    def accept(self) -> None:
        say(self.error, "")
        try:
            self.saved = meetings.save_suggestion(self.data(), self.suggestion)
        except UnionDeskError as exc:
            say(self.error, message_of(exc))
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


def edit_campaign(parent: QWidget, campaign: SuggestionCampaign | None = None) -> SuggestionCampaign | None:
    form = CampaignForm(campaign, parent)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None


def edit_suggestion(parent: QWidget, suggestion: Suggestion | None = None,
                    campaign: SuggestionCampaign | None = None) -> Suggestion | None:
    form = SuggestionForm(suggestion, parent, campaign)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None
