"""会议与登记 (issue 17) on screen: attendance from roles, decisions reaching 首页, the
meeting-count warning, anonymous letters, a refused save, the kinds dialog and the tab's entries.

Expected values are computed here from the tables and the rules, not read back from the widgets
under test."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from union_desk import areas
from union_desk.db.meeting_models import Decision, Letter, Meeting, MeetingAttendance, MeetingKind
from union_desk.db.models import Member, PlanItem
from union_desk.services import meetings, members

TODAY = dt.date.today()
LAST_YEAR = TODAY.year - 1


@pytest.fixture
def mdb(db):
    """The test database with the meetings area (registered here while it is not installed)."""
    added = False
    if "meetings" not in {a.key for a in areas.all_areas()}:
        from union_desk.areas.meetings import AREA

        areas.register(AREA)
        added = True
    from union_desk.db import database, meeting_models

    if not database.current_database().table_exists("meeting_kind"):
        meeting_models.step_5(database.current_database())
    yield db
    if added:
        areas.unregister("meetings")


@pytest.fixture
def people(mdb):
    """Three 工会委员 (one also 女工委员), two plain members and one retired 工会委员."""
    made = {}
    for name, roles, status in (
        ("王晓红", "工会委员", "在职"),
        ("李建国", "工会委员,女工委员", "在职"),
        ("陈静", "工会委员", "在职"),
        ("赵强", "", "在职"),
        ("孙丽", "", "在职"),
    ):
        made[name] = members.create_member({"name": name, "sex": "女", "department": "语文组", "union_roles": roles})
    return made


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def committee() -> MeetingKind:
    return meetings.kind_by_name("工会委员会")


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# --- attendance from roles -----------------------------------------------------------------------


def test_a_new_committee_meeting_lists_exactly_the_committee_members(qtbot, people, warnings):
    from union_desk.ui.meetings.meeting_forms import MeetingForm

    form = shown(qtbot, MeetingForm(None, kind=committee(), day=TODAY))
    expected = {m.name for m in Member.select().where(Member.union_roles.contains("工会委员"))}
    assert expected == {"王晓红", "李建国", "陈静"}
    listed = {form.attendance.table.item(row, 0).text() for row in range(form.attendance.table.rowCount())}
    assert listed == expected

    # another kind lists its own people (经审委员会: nobody holds 经审委员 here)
    form.kind.setCurrentIndex(form.kind.findText("经审委员会"))
    assert form.attendance.table.rowCount() == 0
    form.kind.setCurrentIndex(form.kind.findText("工会委员会"))
    assert form.attendance.table.rowCount() == 3

    # one on leave with a reason; the figures follow at once
    chen = people["陈静"]
    form.attendance.set_state(chen.id, "请假", "外出培训")
    assert form.attendance.figures.text() == form.attendance.tr(
        "Expected {expected}, present {present}, on leave {leave}, absent {absent}").format(
        expected=3, present=2, leave=1, absent=0)
    # someone without the role is added by hand
    form.attendance.picker.set_member(people["赵强"])
    form.attendance.add_picked()
    assert form.attendance.table.rowCount() == 4

    form.place.setText("工会办公室")
    form.topics.setPlainText("研究三八节活动\n其他事项")
    form.accept()
    assert warnings == [] and form.saved is not None
    rows = {a.member.name: (a.state, a.reason) for a in MeetingAttendance.select().where(
        MeetingAttendance.meeting == form.saved)}
    assert rows == {"王晓红": ("出席", ""), "李建国": ("出席", ""), "陈静": ("请假", "外出培训"), "赵强": ("出席", "")}
    figures = meetings.attendance_figures(form.saved)
    assert (figures.expected, figures.present, figures.leave, figures.absent) == (4, 3, 1, 0)
    assert figures.absent_text == "陈静（请假：外出培训）"


def test_the_page_shows_the_attendance_figures_of_a_meeting(qtbot, people):
    from union_desk.ui.meetings.meetings_page import MeetingsPage

    meeting = meetings.save_meeting({"kind": committee(), "date": TODAY, "place": "会议室", "topics": "议题甲\n议题乙"})
    meetings.mark_attendance(meeting, [people["李建国"].id], "缺席", "")
    page = shown(qtbot, MeetingsPage())
    page.set_year(TODAY.year)
    assert page.model.rowCount() == 1
    columns = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    row = {columns[c]: page.model.index(0, c).data() for c in range(len(columns))}
    assert row[page.tr("Expected/present")] == "3/2"
    assert row[page.tr("Topics")] == "议题甲"
    assert "李建国（缺席）" in page.detail.toPlainText()


# --- decisions on 首页 ----------------------------------------------------------------------------------


def test_decisions_due_this_week_and_overdue_reach_the_home_page(qtbot, people):
    from union_desk.ui.home.parts import HomeContext, HomeList
    from union_desk.ui.meetings.home import home_parts

    meeting = meetings.save_meeting({"kind": committee(), "date": TODAY - dt.timedelta(days=40)})
    overdue = meetings.add_decision(meeting, {"text": "筹备三八活动", "owner": "王老师",
                                              "due_date": TODAY - dt.timedelta(days=2)})
    this_week = meetings.add_decision(meeting, {"text": "更新会员名册", "owner": "李老师", "due_date": TODAY})
    meetings.add_decision(meeting, {"text": "已经办好的事", "owner": "陈老师",
                                    "due_date": TODAY - dt.timedelta(days=5), "state": "已办"})
    meetings.add_decision(meeting, {"text": "下个月的事", "owner": "赵老师", "due_date": TODAY + dt.timedelta(days=35)})

    parts = {p.key: p for p in home_parts(HomeContext(TODAY, None))}
    due = parts["meeting_decisions"]
    assert isinstance(due, HomeList) and due.kind == "decision"
    assert [d.id for d in due.records] == [overdue.id, this_week.id]
    assert due.lines == ["筹备三八活动 · 王老师 · 逾期2天", "更新会员名册 · 李老师 · 今天到期"]


def test_overdue_letters_reach_the_home_page_and_anonymous_stays_anonymous(qtbot, people):
    from union_desk.ui.home.parts import HomeContext
    from union_desk.ui.meetings.home import home_parts

    day = TODAY - dt.timedelta(days=40)
    anonymous = meetings.save_letter({"date": day, "channel": "信箱", "person_kind": "匿名", "matter": "食堂饭菜价格偏高"})
    meetings.save_letter({"date": day, "channel": "来访", "person_kind": "会员", "member": people["赵强"],
                          "matter": "已答复的事", "reply": "已答复", "reply_date": day, "closed": True})
    meetings.save_letter({"date": TODAY, "channel": "电话", "person_kind": "非会员", "person_name": "钱先生",
                          "matter": "还没到期"})
    parts = {p.key: p for p in home_parts(HomeContext(TODAY, None))}
    late = parts["letters_overdue"]
    assert late.kind == "letter" and [x.id for x in late.records] == [anonymous.id]
    days = (TODAY - anonymous.due_date).days
    assert late.lines == [f"匿名 · 食堂饭菜价格偏高 · 逾期{days}天"]


def test_home_lists_are_empty_when_there_is_nothing_to_say(people):
    from union_desk.ui.home.parts import HomeContext
    from union_desk.ui.meetings.home import home_parts

    for quarter_start in (1, 4, 7, 10):  # the committee met every quarter that has begun
        day = dt.date(TODAY.year, quarter_start, 1)
        if day <= TODAY:
            meetings.save_meeting({"kind": committee(), "date": day})
    parts = home_parts(HomeContext(TODAY, None))
    assert [p.key for p in parts] == ["meeting_decisions", "letters_overdue", "meeting_counts"]
    assert all(not p.lines and not p.records for p in parts)


# --- the meeting-count warning ----------------------------------------------------------------------


AUDIT_LINE = f"⚠ 经审委员会应每年至少召开1次：{LAST_YEAR}年不足"  # seeded: ≥1 a year, none held


def _two_meetings_last_year() -> None:
    for month in (2, 8):  # 第一、第三季度 only
        meetings.save_meeting({"kind": committee(), "date": dt.date(LAST_YEAR, month, 10)})


def test_the_meeting_count_warning_label(qtbot, people):
    from union_desk.ui.meetings.common import AMBER_STYLE
    from union_desk.ui.meetings.meetings_page import MeetingsPage

    _two_meetings_last_year()
    page = shown(qtbot, MeetingsPage())
    page.set_year(LAST_YEAR)
    assert page.warning.isVisible()
    assert page.warning.text() == (f"⚠ 工会委员会应每季度至少召开1次：{LAST_YEAR}年第二季度、{LAST_YEAR}年第四季度不足\n"
                                   f"{AUDIT_LINE}")
    assert page.warning.styleSheet() == AMBER_STYLE
    # a meeting in each missing quarter: no warning
    for month in (5, 11):
        meetings.save_meeting({"kind": committee(), "date": dt.date(LAST_YEAR, month, 10)})
    page.refresh()
    assert page.warning.text() == AUDIT_LINE
    meetings.save_meeting({"kind": meetings.kind_by_name("经审委员会"), "date": dt.date(LAST_YEAR, 12, 1)})
    page.refresh()
    assert not page.warning.isVisible() and page.warning.text() == ""


def test_the_kinds_dialog_edits_a_minimum_and_the_warning_changes(qtbot, people, monkeypatch):
    from union_desk.ui.meetings.kinds_dialog import KindsDialog
    from union_desk.ui.meetings.meetings_page import MeetingsPage

    _two_meetings_last_year()
    page = shown(qtbot, MeetingsPage())
    page.set_year(LAST_YEAR)
    assert "每季度至少召开1次" in page.warning.text()

    dialog = shown(qtbot, KindsDialog())
    dialog.select(committee().id)
    assert dialog.name.text() == "工会委员会" and dialog.role_boxes["工会委员"].isChecked()
    dialog.min_count.setValue(3)
    dialog.min_period.setCurrentText("年")
    assert dialog.save()
    kind = MeetingKind.get_by_id(committee().id)
    assert (kind.min_count, kind.min_period, kind.roles) == (3, "年", "工会委员")
    assert dialog.changed
    page.refresh()
    assert page.warning.text() == f"⚠ 工会委员会应每年至少召开3次：{LAST_YEAR}年不足\n{AUDIT_LINE}"

    # no minimum: no warning at all
    dialog.min_count.setValue(0)
    assert dialog.save()
    page.refresh()
    assert page.warning.text() == AUDIT_LINE


def test_the_kinds_dialog_roles_decide_who_is_listed(qtbot, people):
    from union_desk.ui.meetings.kinds_dialog import KindsDialog
    from union_desk.ui.meetings.meeting_forms import MeetingForm

    dialog = shown(qtbot, KindsDialog())
    dialog.new_kind()
    dialog.name.setText("女工小组会")
    dialog.role_boxes["女工委员"].setChecked(True)
    assert dialog.save()
    kind = meetings.kind_by_name("女工小组会")
    assert kind.roles == "女工委员" and kind.active
    form = shown(qtbot, MeetingForm(None, kind=kind, day=TODAY))
    assert [m.name for m in form.attendance.people] == ["李建国"]


def test_the_kinds_dialog_shows_a_refused_name(qtbot, people, warnings):
    from union_desk.ui.meetings.kinds_dialog import KindsDialog

    dialog = shown(qtbot, KindsDialog())
    dialog.new_kind()
    dialog.name.setText("工会委员会")
    assert not dialog.save()
    assert warnings == ["会议类别“工会委员会”已经存在"]
    assert dialog.error.text() == "会议类别“工会委员会”已经存在" and dialog.isVisible()


# --- a refused save ------------------------------------------------------------------------------------


def test_a_refused_save_keeps_the_meeting_form_open_with_the_message(qtbot, people, warnings):
    from union_desk.ui.meetings.meeting_forms import MeetingForm

    form = shown(qtbot, MeetingForm(None, kind=committee(), day=TODAY))
    form.topics.setPlainText("议题一")
    form.decisions.add_row()
    editor = form.decisions
    editor.table.item(0, editor.TEXT).setText("筹备三八活动")
    editor.table.item(0, editor.OWNER).setText("王老师")
    editor.table.item(0, editor.DUE).setText((TODAY - dt.timedelta(days=3)).isoformat())  # before the meeting
    form.accept()
    message = editor.tr("Decision {n}: {message}").format(n=1, message="完成期限早于会议日期")
    assert warnings == [message]
    assert form.isVisible() and form.saved is None
    assert form.error.isVisible() and form.error.text() == message
    # nothing was kept: the meeting and its attendance were rolled back with the decision
    assert Meeting.select().count() == 0 and MeetingAttendance.select().count() == 0
    assert editor.table.item(0, editor.TEXT).text() == "筹备三八活动"
    assert form.topics.toPlainText() == "议题一"

    # corrected, the same form saves everything in one go
    editor.table.item(0, editor.DUE).setText((TODAY + dt.timedelta(days=3)).isoformat())
    form.accept()
    assert form.saved is not None and not form.isVisible()
    decision = Decision.get(Decision.meeting == form.saved)
    assert (decision.text, decision.owner, decision.due_date, decision.state) == (
        "筹备三八活动", "王老师", TODAY + dt.timedelta(days=3), "未办")
    assert MeetingAttendance.select().where(MeetingAttendance.meeting == form.saved).count() == 3


def test_a_decision_makes_a_plan_item_when_the_form_is_saved(qtbot, people, warnings):
    from union_desk.ui.meetings.meeting_forms import DecisionsDialog

    meeting = meetings.save_meeting({"kind": committee(), "date": TODAY})
    decision = meetings.add_decision(meeting, {"text": "组织教职工体检", "owner": "陈静",
                                               "due_date": TODAY + dt.timedelta(days=20)})
    dialog = shown(qtbot, DecisionsDialog(meeting, select_id=decision.id))
    assert dialog.decisions.current_row() == 0
    dialog.decisions.make_plan_item()
    assert dialog.decisions.table.item(0, dialog.decisions.PLAN).text() == dialog.decisions.tr("(made when saved)")
    assert PlanItem.select().count() == 0
    dialog.decisions.table.cellWidget(0, dialog.decisions.STATE).setCurrentText("在办")
    dialog.accept()
    assert warnings == []
    decision = Decision.get_by_id(decision.id)
    assert decision.state == "在办" and decision.plan_item is not None
    assert decision.plan_item.title == "组织教职工体检"


# --- letters -------------------------------------------------------------------------------------------


def test_a_letter_form_for_an_anonymous_person_stores_no_name(qtbot, people, warnings):
    from union_desk.ui.meetings.letter_forms import LetterForm

    form = shown(qtbot, LetterForm())
    assert form.member.isEnabled() and not form.person_name.isEnabled()
    form.member.set_member(people["赵强"])
    form.contact.setText("13800000000")
    form.kind_radio["非会员"].setChecked(True)
    assert not form.member.isEnabled() and form.person_name.isEnabled()
    form.person_name.setText("某某")
    form.kind_radio["匿名"].setChecked(True)
    assert not form.member.isEnabled() and not form.person_name.isEnabled() and not form.contact.isEnabled()
    form.channel.setCurrentText("信箱")
    form.matter.setPlainText("希望食堂增加素菜品种")
    form.accept()
    assert warnings == [] and form.saved is not None
    letter = Letter.get_by_id(form.saved.id)
    assert (letter.person_kind, letter.person_name, letter.member_id, letter.contact) == ("匿名", "", None, "")
    assert letter.due_date == TODAY + dt.timedelta(days=meetings.letter_reply_days())
    assert meetings.letter_person(letter) == "匿名"


def test_the_letters_page_marks_overdue_replies_and_filters(qtbot, people):
    from union_desk.ui.meetings.common import WARNING_COLOR
    from union_desk.ui.meetings.letters_page import LettersPage

    day = TODAY - dt.timedelta(days=30)
    late = meetings.save_letter({"date": day, "person_kind": "会员", "member": people["孙丽"], "matter": "办公室空调坏了",
                                 "due_date": day})
    meetings.save_letter({"date": day, "person_kind": "匿名", "matter": "已办结", "reply": "已修好", "reply_date": day,
                          "closed": True})
    page = shown(qtbot, LettersPage())
    page.set_year(day.year)
    assert page.model.rowCount() == 2
    columns = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    reply_col = columns.index(page.tr("Reply by"))
    row = next(r for r in range(2) if page.model.record_at(r).id == late.id)
    days = (TODAY - late.due_date).days
    cell = page.model.index(row, reply_col)
    assert days == 30 and cell.data() == f"{late.due_date.isoformat()} 逾期30天"
    assert cell.data(Qt.ItemDataRole.ForegroundRole).name() == WARNING_COLOR
    closed_row = 1 - row
    assert page.model.index(closed_row, reply_col).data(Qt.ItemDataRole.ForegroundRole) is None
    assert page.model.index(row, columns.index(page.tr("Person"))).data() == "孙丽"
    page.open_only.setChecked(True)
    assert [r.id for r in page.model.records] == [late.id]
    page.search.setText("没有这个")
    page.refresh()
    assert page.model.rowCount() == 0


def test_reply_form_closes_a_letter(qtbot, people, warnings):
    from union_desk.ui.meetings.letter_forms import ReplyForm

    letter = meetings.save_letter({"date": TODAY, "person_kind": "非会员", "person_name": "钱先生", "matter": "咨询"})
    form = shown(qtbot, ReplyForm(letter))
    form.accept()  # closed ticked but no reply: refused, kept open
    assert warnings == ["办结前请填写答复情况"] and form.isVisible()
    form.reply.setPlainText("已电话答复")
    form.accept()
    letter = Letter.get_by_id(letter.id)
    assert letter.closed and letter.reply == "已电话答复" and letter.reply_date == TODAY


# --- suggestions --------------------------------------------------------------------------------------


def test_suggestion_forms_save_a_campaign_and_a_suggestion(qtbot, people, warnings):
    from union_desk.ui.meetings.suggestion_forms import CampaignForm, SuggestionForm
    from union_desk.ui.meetings.suggestions_page import SuggestionsPage

    form = shown(qtbot, CampaignForm())
    form.title.setText("金点子征集")
    form.start.setDate(TODAY - dt.timedelta(days=5))
    form.end.setDate(TODAY + dt.timedelta(days=25))
    form.accept()
    campaign = form.saved
    assert campaign is not None and campaign.end_date == TODAY + dt.timedelta(days=25)

    form = shown(qtbot, SuggestionForm(None, campaign=campaign))
    assert form.campaign.currentData() == campaign.id and form.date.date().toPython() == TODAY
    form.member.set_member(people["王晓红"])
    form.title.setText("图书角")
    form.adoption.setCurrentText("采纳")
    form.accept()
    assert warnings == [] and form.saved.proposer == "王晓红" and form.saved.member_id == people["王晓红"].id

    page = shown(qtbot, SuggestionsPage())
    page.set_year(TODAY.year)
    page.select_campaign(campaign.id)
    assert [s.title for s in page.model.records] == ["图书角"]


# --- the tab, 首页 entries, settings -----------------------------------------------------------------------


def test_the_tab_opens_a_decision_and_a_letter_from_home(qtbot, people):
    from union_desk.ui.meetings.tab import MeetingsTab

    old = meetings.save_meeting({"kind": committee(), "date": dt.date(LAST_YEAR, 12, 1)})
    meetings.save_meeting({"kind": committee(), "date": TODAY})
    first = meetings.add_decision(old, {"text": "甲", "due_date": dt.date(LAST_YEAR, 12, 20)})
    second = meetings.add_decision(old, {"text": "乙", "due_date": dt.date(LAST_YEAR, 12, 21)})
    letter = meetings.save_letter({"date": dt.date(LAST_YEAR, 6, 1), "person_kind": "匿名", "matter": "去年的信"})
    tab = shown(qtbot, MeetingsTab())
    assert tab.year() == TODAY.year
    tab.open_record("decision", second)
    assert tab.year() == LAST_YEAR and tab.tabs.currentWidget() is tab.meetings
    assert tab.meetings.selected().id == old.id
    selected = tab.meetings.decision_view.selectionModel().selectedRows()
    assert [tab.meetings.decision_model.record_at(i.row()).id for i in selected] == [second.id]
    assert first.id != second.id

    tab.open_record("letter", letter)
    assert tab.tabs.currentWidget() is tab.letters and tab.letters.selected().id == letter.id
    tab.open_record("meeting", None)  # the count warning entry: the meetings page
    assert tab.tabs.currentWidget() is tab.meetings


def test_edit_kinds_is_the_file_menu_entry(qtbot, people, monkeypatch):
    from union_desk.ui.meetings import kinds_dialog
    from union_desk.ui.meetings.tab import MeetingsTab

    entry = next(a for area in areas.all_areas() for a in area.menu_actions if a.method == "edit_kinds")
    assert entry.label == "Meeting &kinds…" and entry.nav_key == "meetings"
    opened = []
    monkeypatch.setattr(kinds_dialog.KindsDialog, "exec", lambda self: opened.append(self) or 0)
    tab = shown(qtbot, MeetingsTab())
    getattr(tab, entry.method)()
    assert len(opened) == 1 and opened[0].model.rowCount() == MeetingKind.select().count()


def test_the_settings_page_gives_the_area_keys(qtbot, mdb):
    from union_desk.services import settings
    from union_desk.ui.meetings.settings_page import MeetingsSettingsPage

    page = shown(qtbot, MeetingsSettingsPage())
    assert page.title
    assert page.values() == {"letters_reply_days": "15", "letters_hide_names": "0"}
    page.reply_days.setValue(10)
    page.hide_names.setChecked(True)
    values = page.values()
    assert values == {"letters_reply_days": "10", "letters_hide_names": "1"}
    keys = {k.key for k in areas.setting_keys()}
    assert set(values) <= keys
    settings.save(settings.validate(values))
    assert meetings.letter_reply_days() == 10 and meetings.hide_names_by_default()
    again = shown(qtbot, MeetingsSettingsPage())
    assert again.values() == values


# --- printing and deleting from the page -------------------------------------------------------------


def test_print_minutes_writes_the_selected_meeting(qtbot, people, monkeypatch, tmp_path):
    from union_desk.ui.hardship import print_actions
    from union_desk.ui.meetings.meetings_page import MeetingsPage

    meeting = meetings.save_meeting({"kind": committee(), "date": TODAY, "place": "工会办公室", "topics": "议题一"})
    written = []

    def fake_print_pdf(parent, title, name, write, on_done=None):
        written.append((name, write(tmp_path / "minutes.pdf")))

    monkeypatch.setattr(print_actions, "print_pdf", fake_print_pdf)
    page = shown(qtbot, MeetingsPage())
    page.set_year(TODAY.year)
    page.print_selected()
    assert len(written) == 1
    name, printed = written[0]
    assert name == f"会议记录-{meetings.meeting_title(meeting)}"
    assert printed.path.exists() and printed.path.read_bytes()[:4] == b"%PDF"


def test_delete_a_meeting_asks_first(qtbot, people, monkeypatch):
    from union_desk.ui.meetings.meetings_page import MeetingsPage

    meeting = meetings.save_meeting({"kind": committee(), "date": TODAY})
    meetings.add_decision(meeting, {"text": "甲"})
    asked = []
    answer = {"value": QMessageBox.StandardButton.No}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer["value"])
    page = shown(qtbot, MeetingsPage())
    page.set_year(TODAY.year)
    page.delete_selected()
    assert len(asked) == 1 and Meeting.select().count() == 1
    answer["value"] = QMessageBox.StandardButton.Yes
    page.delete_selected()
    assert Meeting.select().count() == 0 and Decision.select().count() == 0
    assert page.model.rowCount() == 0 and not page.edit_button.isEnabled()


def test_the_main_window_shows_the_area_and_its_menu_entry(qtbot, people, db_path, monkeypatch):
    from union_desk.ui.main_window import MainWindow
    from union_desk.ui.meetings import kinds_dialog

    opened = []
    monkeypatch.setattr(kinds_dialog.KindsDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("meetings")
    tab = window.page("meetings")
    assert [tab.tabs.tabText(i) for i in range(3)] == [tab.tr("Meeting minutes"), tab.tr("Letters and visits"),
                                                       tab.tr("Suggestions")]
    action = next(a for a in window.findChildren(QAction) if a.text() in ("Meeting &kinds…", "会议类别(&M)…"))
    action.trigger()
    assert len(opened) == 1
