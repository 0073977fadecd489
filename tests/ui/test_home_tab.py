"""首页: the 应访未访 list, and every entry opens the record it is about."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from union_desk.db.models import Activity, HardshipFile, Member, PlanItem
from union_desk.services import visits
from union_desk.ui import i18n
from union_desk.ui.main_window import MainWindow

TODAY = dt.date.today()


@pytest.fixture
def window(qtbot, qapp, demo_db, db_path):
    i18n.install(qapp, "zh_CN")
    wang = Member.create(name="王芳", sex="女", birth_date=dt.date(1980, TODAY.month, 1), department="语文组")
    PlanItem.create(year=TODAY.year, title="工会委员会议", date=TODAY, status="未开始")
    Activity.create(title="羽毛球比赛报名", start=dt.datetime.combine(TODAY + dt.timedelta(days=10), dt.time(15)),
                    signup_deadline=dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(17)), status="报名中")
    HardshipFile.create(member=wang, grade="相对困难", main_cause="因病致困", found_date=TODAY - dt.timedelta(days=400),
                        next_review_date=TODAY)
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def entries(win, key):
    widget = win.home.lists[key][1]
    return widget, [widget.item(i) for i in range(widget.count())]


def test_due_visits_listed(window):
    due = visits.due_visits(TODAY)
    assert due, "an open hardship file not visited this year is due"
    box, _widget = window.home.lists["due_visits"]
    assert box.title() == "应访未访"
    _w, items = entries(window, "due_visits")
    texts = [i.text() for i in items]
    assert any(t.startswith("王芳  家庭困难：") for t in texts)
    assert len(texts) == len(due)
    folder = os.environ.get("UNION_DESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / "home.png"))


def activate(win, key, text_part):
    widget, items = entries(win, key)
    item = next(i for i in items if text_part in i.text())
    widget.itemActivated.emit(item)
    return item.data(Qt.ItemDataRole.UserRole)


def test_entries_open_their_records(window, monkeypatch):
    opened = []
    monkeypatch.setattr(window.page("members"), "edit_member", lambda m: opened.append(("member", m.id)))
    monkeypatch.setattr(window.page("hardship"), "visit_due", lambda due: opened.append(("due", due.member.id)))

    kind, item = activate(window, "plan_due", "工会委员会议")
    assert kind == "plan" and window.current_page() is window.page("plan")
    assert window.page("plan").selected_day == TODAY

    window.show_page("home")
    kind, activity = activate(window, "deadlines", "羽毛球比赛报名")
    assert kind == "activity" and window.current_page() is window.page("activities")
    assert window.page("activities").stack.currentWidget() is window.page("activities").detail
    assert window.page("activities").detail.activity.id == activity.id

    window.show_page("home")
    kind, member = activate(window, "birthdays", "王芳")
    assert kind == "member" and window.current_page() is window.page("members")
    assert ("member", member.id) in opened

    window.show_page("home")
    kind, file = activate(window, "hardship_due", "王芳")
    assert kind == "hardship_file" and window.current_page() is window.page("hardship")
    assert window.page("hardship").inner.currentWidget() is window.page("hardship").files
    assert window.page("hardship").files.current_file().id == file.id

    window.show_page("home")
    kind, due = activate(window, "due_visits", "王芳")
    assert kind == "due_visit" and window.page("hardship").inner.currentWidget() is window.page("hardship").due
    assert ("due", due.member.id) in opened


def test_the_none_line_opens_nothing(window):
    widget = window.home.lists["plan_overdue"][1]
    widget.clear()
    window.home._fill("plan_overdue", [])
    before = window.current_key()
    widget.itemActivated.emit(widget.item(0))
    assert window.current_key() == before


def test_quick_actions_open_the_forms(window, qtbot, monkeypatch):
    from union_desk.ui.hardship.visits_page import VisitsPage
    from union_desk.ui.members.form import MemberForm

    opened = []
    monkeypatch.setattr(MemberForm, "exec", lambda self: opened.append(("member", self.windowTitle())) or 0)
    qtbot.mouseClick(window.home.new_member_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.page("members") and opened[0][0] == "member"
    monkeypatch.setattr(VisitsPage, "new_visit", lambda self, **kw: opened.append(("visit", kw)))
    qtbot.mouseClick(window.home.new_visit_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.page("hardship")
    assert window.page("hardship").inner.currentWidget() is window.page("hardship").visits
    assert opened[-1] == ("visit", {})
    assert window.home.new_visit_button.text() == "新增走访…"
    assert window.home.new_member_button.text() == "新增会员…"


def test_retiring_within_six_months_listed_and_opens_the_member(window, monkeypatch):
    """即将退休 (issue 15): a member 在职 whose statutory date (附件1 of the 2024-09-13 Decision,
    domain.retirement) is 90 days away is listed on 首页 and in 应访未访 with type 退休."""
    from PySide6.QtCore import QCoreApplication

    from union_desk.domain import retirement

    when = TODAY + dt.timedelta(days=90)
    birth = retirement.latest_birth_retired_by(when, retirement.TRACK_MEN_60)
    due_day = retirement.retirement_date(birth, retirement.TRACK_MEN_60)
    assert TODAY < due_day <= when
    soon = Member.create(name="退休将至", sex="男", birth_date=birth, department="数学组")
    window.home.refresh()
    box, _widget = window.home.lists["retiring"]
    assert box.title() == QCoreApplication.translate("HomeTab", "Retiring within 6 months")
    _w, items = entries(window, "retiring")
    assert f"{due_day:%Y-%m-%d}  退休将至（数学组）" in [i.text() for i in items]
    assert any(d.member.id == soon.id and d.visit_type_name == "退休" and d.reason == f"{due_day:%Y-%m-%d} 到龄"
               for d in visits.due_visits(TODAY))
    opened = []
    monkeypatch.setattr(window.page("members"), "edit_member", lambda m: opened.append(m.id))
    kind, member = activate(window, "retiring", "退休将至")
    assert kind == "member" and member.id == soon.id and opened == [soon.id]
