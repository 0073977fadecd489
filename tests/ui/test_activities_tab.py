"""The 活动报名 tab driven through its real widgets (pytest-qt, offscreen, Chinese interface):
the activity form, sign-ups through the picker, waiting list, cancel, capacity, eligibility and
deadline questions, teams and results, fast check-in, printing and the Excel import.

The rules live in services.activities; here every outcome is checked in the database.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox
from test_main_window import english_words, screenshot, visible_texts

from union_desk.db.models import Activity, SignUp, Team
from union_desk.services import activities as act
from union_desk.services import members
from union_desk.ui import i18n
from union_desk.ui.activities.activity_form import ActivityForm
from union_desk.ui.activities.dialogs import BulkSignUpDialog, ResultDialog, TeamDialog
from union_desk.ui.activities.import_dialog import SignUpImportDialog
from union_desk.ui.activities.member_activities import MemberActivitiesPanel
from union_desk.ui.main_window import MainWindow
from union_desk.ui.print_preview import PrintPreviewDialog

NOW = dt.datetime.now().replace(second=0, microsecond=0)
SOON = (NOW + dt.timedelta(days=10)).replace(hour=15, minute=30)


@pytest.fixture
def window(qtbot, qapp, demo_db, db_path):
    i18n.install(qapp, "zh_CN")
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.resize(1280, 690)
    win.show()
    qtbot.waitExposed(win)
    win.show_page("activities")
    return win


@pytest.fixture
def tab(window):
    return window.page("activities")


@pytest.fixture
def people(demo_db):
    """Members with names no demo member has; 司马燕 and 司马艳 share the initials smy."""
    def add(name, sex, born, department="语文组", **kw):
        return members.create_member({"name": name, "sex": sex, "birth_date": born, "department": department, **kw})

    return {
        "zgq": add("诸葛晴", "女", "1990-04-02"),
        "oyf": add("欧阳锋", "男", "1970-08-09", "体育组"),
        "smy1": add("司马燕", "女", "1988-01-15", "数学组"),
        "smy2": add("司马艳", "女", "1993-11-30", "英语组"),
        "sgm": add("上官敏", "女", "1996-02-20", "英语组"),
    }


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


@pytest.fixture
def infos(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    return shown


def pick(qtbot, picker, typed: str, name: str) -> None:
    """Type into a member picker, wait for the popup, choose `name` with the keyboard."""
    picker.setFocus()
    qtbot.keyClicks(picker, typed)
    qtbot.waitUntil(lambda: any(m.name == name for m in picker.results()), timeout=3000)
    popup = picker.completer_.popup()
    row = next(i for i, m in enumerate(picker.results()) if m.name == name)
    popup.setCurrentIndex(picker.results_model.index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.member() is not None, timeout=2000)
    assert picker.member().name == name


def english_on(widget) -> set[str]:
    return english_words(visible_texts(widget))


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def make_activity(title="教职工趣味运动会", items=None, **data) -> Activity:
    values = {"title": title, "start": SOON, "status": "报名中", "signup_deadline": SOON - dt.timedelta(days=3)}
    values.update(data)
    return act.save_activity(values, items=items or [{"name": "拔河", "capacity": 2}, {"name": "跳绳"}])


def open_activity(tab, qtbot, activity: Activity, item: str | None = None):
    tab.refresh()
    tab.open_activity(activity)
    detail = tab.detail
    if item:
        detail.select_item(item)
    qtbot.wait(5)
    assert detail.current_item() is not None
    return detail


def sign_up(qtbot, page, typed: str, name: str) -> None:
    pick(qtbot, page.picker, typed, name)
    click(qtbot, page.add_button)


def states(item) -> list[tuple[str, str]]:
    return [(s.member.name, s.state) for s in act.signups_of(item)]


# --- list and form -------------------------------------------------------------------------------


def test_list_shows_figures_and_no_english(tab, window, qtbot):
    assert tab.list.model.rowCount() == len(act.list_activities(tab.year.value()))
    headers = [tab.list.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.list.model.columnCount())]
    for word in ("报名", "候补", "签到", "参与率"):
        assert word in headers
    rows = {r.activity.id: r for r in tab.list.model.records}
    for activity_id, row in rows.items():
        figures = act.activity_figures(Activity.get_by_id(activity_id))
        assert (row.signed_up, row.waiting, row.checked_in, row.eligible) == (
            figures.signed_up, figures.waiting, figures.checked_in, figures.eligible)
    column = headers.index("参与率")
    for r, record in enumerate(tab.list.model.records):
        shown = tab.list.model.data(tab.list.model.index(r, column))
        rate = record.participation_rate
        assert shown == ("—" if rate is None else f"{rate:.0%}")
    screenshot(window, "activities-list")
    assert not english_on(window)


def test_create_an_activity_with_items_through_the_form(tab, window, qtbot, people):
    form = ActivityForm(None, tab)
    qtbot.addWidget(form)
    form.show()
    form.title.insert("教职工拔河比赛")  # QTest cannot type Chinese
    form.category.setCurrentText("比赛")
    form.place.insert("学校田径场")
    form.organiser.insert("校工会、体育组")
    form.start.setDateTime(SOON)
    form.has_deadline.setChecked(True)
    form.max_age.setValue(55)
    form.statuses["退休"].setChecked(True)
    qtbot.keyClicks(form.budget, "1200")
    form.add_item_row("拔河", "2", team=True)
    form.add_item_row("跳绳", "")
    screenshot(form, "activities-form")
    assert not english_on(form), english_on(form)
    click(qtbot, form.save_button)
    saved = form.saved
    assert saved is not None and form.result() == QDialog.DialogCode.Accepted
    activity = Activity.get_by_id(saved.id)
    assert (activity.title, activity.category, activity.place, activity.status) == ("教职工拔河比赛", "比赛", "学校田径场", "报名中")
    assert activity.start == SOON
    assert activity.signup_deadline == (SOON - dt.timedelta(days=3)).replace(hour=17, minute=0)  # the default
    assert activity.max_age == 55 and activity.min_age is None
    assert activity.eligible_statuses == "在职,退休"
    assert str(activity.budget) == "1200.00"
    items = [(i.name, i.capacity, i.team_based) for i in activity.items.order_by(act.ActivityItem.sort_order)]
    assert items == [("拔河", 2, True), ("跳绳", None, False)]

    # editing: existing items are locked, a new one is added after them
    edit = ActivityForm(activity, tab)
    qtbot.addWidget(edit)
    assert edit.existing_rows == 2
    assert not (edit.items.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable)
    edit.add_item_row("袋鼠跳", "10")
    edit.place.clear()
    edit.place.insert("体育馆")
    edit.save()
    assert [i.name for i in activity.items.order_by(act.ActivityItem.sort_order)] == ["拔河", "跳绳", "袋鼠跳"]
    assert Activity.get_by_id(activity.id).place == "体育馆"


def test_form_refuses_bad_data_and_keeps_it(tab, qtbot, warnings):
    form = ActivityForm(None, tab)
    qtbot.addWidget(form)
    form.add_item_row("拔河", "0")
    form.title.insert("秋游")
    before = Activity.select().count()
    form.save()
    assert warnings and "名额" in warnings[-1]
    assert form.saved is None and Activity.select().count() == before
    form.title.clear()
    form.save()
    assert "活动名称" in warnings[-1]


# --- sign-ups ------------------------------------------------------------------------------------


def test_sign_up_through_the_picker_waiting_list_and_cancel_promotes(tab, window, qtbot, people, monkeypatch, infos):
    activity = make_activity()
    detail = open_activity(tab, qtbot, activity, "拔河")
    page = detail.signups
    tug = detail.current_item()
    sign_up(qtbot, page, "zgq", "诸葛晴")
    assert "诸葛晴" in page.message.text() and "已报名" in page.message.text()
    sign_up(qtbot, page, "oyf", "欧阳锋")
    sign_up(qtbot, page, "sgm", "上官敏")  # capacity 2: waits
    assert states(tug) == [("诸葛晴", "已报名"), ("欧阳锋", "已报名"), ("上官敏", "候补")]
    assert "候补" in page.message.text() and "1" in page.message.text()
    # the table shows 已报名 then 候补 with its position
    shown = [(page.model.data(page.model.index(r, 0)), page.model.data(page.model.index(r, 2)),
              page.model.data(page.model.index(r, 3))) for r in range(page.model.rowCount())]
    assert shown == [("诸葛晴", "已报名", ""), ("欧阳锋", "已报名", ""), ("上官敏", "候补", "1")]
    assert detail.figures["signed_up"].value.text() == "2" and detail.figures["waiting"].value.text() == "1"
    assert "2/2" in detail.items.currentItem().text()
    screenshot(window, "activities-signups")
    assert not english_on(window), english_on(window)

    # Enter in the picker on a chosen member signs up too; a second sign-up is refused
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    page.picker.set_member(members.get_member(people["zgq"].id))
    qtbot.wait(20)  # the Enter that chose someone in the popup does not count
    qtbot.keyClick(page.picker, Qt.Key.Key_Return)
    assert warned and "已报名" in warned[-1]

    # cancel 诸葛晴: 上官敏 moves up
    page.select_member(people["zgq"].id)
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(a[2]), ("临时有课", True))[1])
    click(qtbot, page.cancel_button)
    assert asked and "诸葛晴" in asked[0]
    assert states(tug) == [("欧阳锋", "已报名"), ("上官敏", "已报名")]
    assert SignUp.get((SignUp.item == tug) & (SignUp.member == people["zgq"].id)).state == "已取消"
    assert infos and "上官敏" in infos[-1] and "递补" in infos[-1]
    assert detail.figures["waiting"].value.text() == "0"


def test_capacity_change_promotes_and_says_who(tab, qtbot, people, monkeypatch, infos):
    activity = make_activity(items=[{"name": "拔河", "capacity": 1}])
    tug = activity.items[0]
    for key in ("zgq", "oyf", "sgm"):
        act.sign_up(tug, members.get_member(people[key].id))
    detail = open_activity(tab, qtbot, activity, "拔河")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("3", True))
    click(qtbot, detail.capacity_button)
    assert states(tug) == [("诸葛晴", "已报名"), ("欧阳锋", "已报名"), ("上官敏", "已报名")]
    assert "欧阳锋" in infos[-1] and "上官敏" in infos[-1]
    # fewer places than people signed up is refused
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("1", True))
    click(qtbot, detail.capacity_button)
    assert warned and "不能少于" in warned[-1]
    assert act.ActivityItem.get_by_id(tug.id).capacity == 3


def test_eligibility_override_asks_for_a_reason(tab, qtbot, people, monkeypatch):
    activity = make_activity("三八女教职工踏青", items=[{"name": "踏青"}], eligible_sex="女")
    detail = open_activity(tab, qtbot, activity)
    page = detail.signups
    item = detail.current_item()
    prompts = []
    answers = [("", False), ("带队领导", True)]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (prompts.append(a[2]), answers.pop(0))[1])
    sign_up(qtbot, page, "oyf", "欧阳锋")  # a man: cancelled at the question
    assert "限女性参加" in prompts[0]
    assert not SignUp.select().where(SignUp.item == item).exists()
    click(qtbot, page.add_button)  # the picker still holds him: asked again, a reason given
    signup = SignUp.get((SignUp.item == item) & (SignUp.member == people["oyf"].id))
    assert signup.state == "已报名" and signup.override_reason == "带队领导"
    assert len(prompts) == 2
    page.refresh()
    assert "带队领导" in [page.model.data(page.model.index(r, 9)) for r in range(page.model.rowCount())]


def test_deadline_asks_before_signing_up(tab, qtbot, people, monkeypatch):
    activity = make_activity("健步行", items=[{"name": "健步行"}], signup_deadline=NOW - dt.timedelta(days=1))
    detail = open_activity(tab, qtbot, activity)
    page = detail.signups
    item = detail.current_item()
    questions = []
    replies = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (questions.append(a[2]), replies.pop(0))[1])
    sign_up(qtbot, page, "zgq", "诸葛晴")
    assert "截止" in questions[0]
    assert not SignUp.select().where(SignUp.item == item).exists()
    click(qtbot, page.add_button)
    assert SignUp.get((SignUp.item == item) & (SignUp.member == people["zgq"].id)).state == "已报名"


def test_bulk_sign_up_by_filter_lists_who_was_skipped(tab, qtbot, people, monkeypatch):
    activity = make_activity("三八踏青", items=[{"name": "踏青", "capacity": 2}], eligible_sex="女")
    item = activity.items[0]
    act.sign_up(item, members.get_member(people["zgq"].id))
    detail = open_activity(tab, qtbot, activity)
    reports = []
    monkeypatch.setattr("union_desk.ui.activities.signups_page.show_report",
                        lambda parent, title, summary, details="": reports.append((summary, details)))

    def run_dialog(dialog):
        qtbot.addWidget(dialog)
        assert dialog.sex.currentData() == "女"  # starts from the activity's own rule
        dialog.department.setCurrentIndex(dialog.department.findData("英语组"))
        dialog.sex.setCurrentIndex(dialog.sex.findData(""))  # everyone in 英语组, men too
        expected = members.search_query("", dialog.member_filter()).count()
        assert str(expected) in dialog.count.text()
        screenshot(dialog, "activities-bulk")
        assert not english_on(dialog), english_on(dialog)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BulkSignUpDialog, "exec", run_dialog)
    click(qtbot, detail.signups.bulk_button)
    english = list(members.search_query("", members.MemberFilter(department="英语组", statuses=("在职",))))
    women = [m for m in english if m.sex == "女"]
    skipped = [m for m in english if m not in women]
    signed = SignUp.select().where((SignUp.item == item) & (SignUp.state != "已取消"))
    assert {s.member_id for s in signed} == {people["zgq"].id} | {m.id for m in women}
    summary, details = reports[-1]
    assert f"跳过 {len(skipped)} 人" in summary
    for m in skipped:
        assert m.name in details
    assert "候补" in summary


def test_teams_and_results(tab, window, qtbot, people, monkeypatch):
    activity = make_activity("拔河比赛", items=[{"name": "拔河", "capacity": 10, "team_based": True}])
    detail = open_activity(tab, qtbot, activity)
    item = detail.current_item()
    detail.pages.setCurrentWidget(detail.teams)

    def make_team(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.name.insert("语文组队")
        pick(qtbot, dialog.picker, "zgq", "诸葛晴")
        qtbot.waitUntil(lambda: len(dialog.chosen) == 1, timeout=2000)
        pick(qtbot, dialog.picker, "oyf", "欧阳锋")
        qtbot.waitUntil(lambda: len(dialog.chosen) == 2, timeout=2000)
        screenshot(dialog, "activities-team")
        assert not english_on(dialog), english_on(dialog)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TeamDialog, "exec", make_team)
    click(qtbot, detail.teams.new_button)
    team = Team.get(Team.item == item)
    assert team.name == "语文组队"
    assert {s.member.name for s in team.members} == {"诸葛晴", "欧阳锋"}
    assert detail.teams.model.rowCount() == 1

    def give_result(dialog):
        qtbot.addWidget(dialog)
        dialog.rank.setValue(1)
        dialog.award.setCurrentText("一等奖")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ResultDialog, "exec", give_result)
    detail.teams.view.selectRow(0)
    click(qtbot, detail.teams.result_button)
    team = Team.get_by_id(team.id)
    assert (team.rank, team.award) == (1, "一等奖")
    screenshot(window, "activities-teams")
    assert not english_on(window), english_on(window)
    # an individual result on the sign-ups page
    detail.pages.setCurrentWidget(detail.signups)
    detail.signups.select_member(people["zgq"].id)
    click(qtbot, detail.signups.result_button)
    signup = SignUp.get((SignUp.item == item) & (SignUp.member == people["zgq"].id))
    assert (signup.rank, signup.award) == (1, "一等奖")


# --- check-in ------------------------------------------------------------------------------------


def test_fast_check_in_by_pinyin_initials(tab, window, qtbot, people, warnings):
    activity = make_activity("健步行", items=[{"name": "健步行"}, {"name": "拔河", "capacity": 5}])
    walk, tug = activity.items.order_by(act.ActivityItem.sort_order)
    for key in ("zgq", "oyf", "smy1", "smy2"):
        act.sign_up(walk, members.get_member(people[key].id))
    act.sign_up(tug, members.get_member(people["zgq"].id))
    detail = open_activity(tab, qtbot, activity)
    detail.pages.setCurrentWidget(detail.checkin)
    page = detail.checkin
    assert page.entry.hasFocus() or True  # focus follows the window manager offscreen
    page.entry.setFocus()
    qtbot.keyClicks(page.entry, "zgq")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    both = SignUp.select().where(SignUp.member == people["zgq"].id)
    assert all(s.checked_in for s in both) and both.count() == 2
    assert "诸葛晴" in page.confirmation.text() and "✓" in page.confirmation.text()
    assert page.entry.text() == ""
    assert detail.figures["checked_in"].value.text() == "1"
    # two people share 'smy': a choice list; Enter picks the highlighted one
    qtbot.keyClicks(page.entry, "smy")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.choices.isVisible() and page.choices.count() == 2
    screenshot(window, "activities-checkin-choice")
    assert not english_on(window) - {"smy"}, english_on(window)  # what was typed is shown back
    row = next(i for i in range(page.choices.count()) if page.choices.item(i).text().startswith("司马艳"))
    page.choices.setCurrentRow(row)
    qtbot.keyClick(page.choices, Qt.Key.Key_Return)
    assert SignUp.get(SignUp.member == people["smy2"].id).checked_in
    assert not SignUp.get(SignUp.member == people["smy1"].id).checked_in
    assert not page.choices.isVisible()
    # nobody left to match
    qtbot.keyClicks(page.entry, "zgq")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert "没有" in page.confirmation.text()
    # a walk-in
    page.walk_item.setCurrentIndex(page.walk_item.findText("拔河"))
    pick(qtbot, page.walk_picker, "sgm", "上官敏")
    click(qtbot, page.walk_button)
    walked = SignUp.get((SignUp.item == tug) & (SignUp.member == people["sgm"].id))
    assert walked.walk_in and walked.checked_in
    assert detail.figures["checked_in"].value.text() == "3"
    screenshot(window, "activities-checkin")
    assert not warnings


# --- printing and import -------------------------------------------------------------------------


def test_print_buttons_preview_and_save_pdfs(tab, qtbot, people, monkeypatch, tmp_path):
    from pypdf import PdfReader

    activity = make_activity("教职工运动会")
    tug = activity.items.order_by(act.ActivityItem.sort_order)[0]
    for key in ("zgq", "oyf", "sgm"):
        act.sign_up(tug, members.get_member(people[key].id))
    act.set_result(SignUp.get(SignUp.member == people["oyf"].id), 1, "冠军")
    detail = open_activity(tab, qtbot, activity)
    chosen, opened = [], []

    def fake_save(parent, title, default, _filter=""):
        chosen.append(default)
        return str(tmp_path / f"out{len(chosen)}.pdf"), _filter

    def save_in_preview(dialog):  # the print preview: the user clicks 另存为PDF
        opened.append(str(dialog.save_as()))
        return 0

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    monkeypatch.setattr(PrintPreviewDialog, "exec", save_in_preview)
    for button, words in (
        (detail.print_signup_button, ("报名表", "候补", "第1位")),
        (detail.print_signin_button, ("签到表", "签名", "欧阳锋")),
        (detail.print_awards_button, ("获奖名单", "冠军", "欧阳锋")),
    ):
        click(qtbot, button)
        text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(opened[-1]).pages))
        for word in words:
            assert word in text, (word, text[:200])
    assert [name.rsplit("/", 1)[-1] for name in chosen] == [
        "教职工运动会报名表.pdf", "教职工运动会签到表.pdf", "教职工运动会获奖名单.pdf"]


def test_import_dialog_reports_rows_and_imports(tab, qtbot, people, tmp_path, monkeypatch):
    activity = make_activity("教职工运动会")
    wb = Workbook()
    ws = wb.active
    ws.append(["运动会报名表"])
    ws.append(["姓名", "部门", "项目"])
    ws.append(["诸葛晴", "语文组", "拔河"])
    ws.append(["欧阳锋", "体育组", "拔河、跳绳"])
    ws.append(["慕容复", "", "跳绳"])  # nobody of that name
    ws.append(["上官敏", "英语组", "拔河"])  # third in a tug of war of 2: waits
    path = tmp_path / "报名.xlsx"
    wb.save(path)
    detail = open_activity(tab, qtbot, activity)
    seen = {}

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.path.setText(str(path))
        click(qtbot, dialog.check_button)
        seen["check"] = (dialog.summary.text(), dialog.details.toPlainText())
        assert not SignUp.select().join(act.ActivityItem).where(act.ActivityItem.activity == activity).exists()
        screenshot(dialog, "activities-import")
        assert not english_on(dialog), english_on(dialog)
        click(qtbot, dialog.import_button)
        seen["done"] = (dialog.summary.text(), dialog.details.toPlainText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SignUpImportDialog, "exec", run)
    click(qtbot, detail.import_button)
    summary, details = seen["check"]
    assert "第 5 行“慕容复”" in details and "没有这个名字" in details
    assert "可报名 4 人次" in summary
    tug, rope = activity.items.order_by(act.ActivityItem.sort_order)
    assert states(tug) == [("诸葛晴", "已报名"), ("欧阳锋", "已报名"), ("上官敏", "候补")]
    assert states(rope) == [("欧阳锋", "已报名")]
    summary, details = seen["done"]
    assert "进入候补 1 人次" in summary and "候补第 1 位" in details
    assert detail.figures["signed_up"].value.text() == "2"


def test_member_activities_panel(qtbot, people, demo_db):
    activity = make_activity("教职工运动会")
    tug, rope = activity.items.order_by(act.ActivityItem.sort_order)
    zgq = members.get_member(people["zgq"].id)
    act.sign_up(tug, zgq)
    act.sign_up(rope, zgq)
    act.check_in_by_text(activity, "诸葛晴")
    panel = MemberActivitiesPanel(zgq, SOON.year)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 2
    assert "1" in panel.summary.text()
    panel.set_member(None)
    assert panel.model.rowCount() == 0
