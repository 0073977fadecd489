"""Issue 14, "Screen": what a chair reads on screen at 1366×768 (demo data, the app's own
stylesheet, Chinese interface).

- dates, times, ID numbers and phones show in full; each table's descriptive column takes the
  spare width (activity list, sign-ups, relatives, members list);
- the check-in box and its confirmation are really large;
- 应访未访 in date order, its reasons never repeat the type ("生日：12月13日");
- 首页 gives its space to the lists with entries;
- an overdue review is red in the 困难职工档案 list; the calendar legend explains ♥ and 休/班;
- About's strings all reach the catalogue; the data file's path is not written on every screen;
- counts explain the voided rows they include.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontInfo
from test_main_window import screenshot
from test_visit_form import styled  # noqa: F401 - fixture

from union_desk.db.models import Activity, HardshipFile, Member, PlanItem, Relative, Visit
from union_desk.services import activities as act
from union_desk.services import hardship, members, visits
from union_desk.ui import i18n
from union_desk.ui.hardship.files_page import OVERDUE_COLOR
from union_desk.ui.main_window import MainWindow

TODAY = dt.date.today()
ROOT = Path(__file__).resolve().parents[2]
STYLE_MARGIN = 6  # what the style takes of a cell's width around its text (3 px a side)


@pytest.fixture
def window(qtbot, qapp, demo_db, db_path, styled):
    i18n.install(qapp, "zh_CN")
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    qtbot.waitExposed(win)
    return win


def cell_texts(view, column: int) -> list[str]:
    model = view.model()
    return [model.data(model.index(row, column)) or "" for row in range(model.rowCount())]


def assert_whole(view, column: int, what: str) -> None:
    """Every cell of `column` (and its header) fits its width: nothing is elided."""
    texts = [t for t in cell_texts(view, column) if t]
    assert texts, what
    cells = view.fontMetrics()
    width = view.columnWidth(column)
    widest = max(texts, key=cells.horizontalAdvance)
    assert cells.horizontalAdvance(widest) + STYLE_MARGIN <= width, (what, widest, width)
    header = view.model().headerData(column, Qt.Orientation.Horizontal)
    assert view.horizontalHeader().fontMetrics().horizontalAdvance(header) + 8 <= width, (what, header, width)


def assert_stretches(view, column: int, what: str, qtbot=None) -> None:
    """`column` takes the spare width: the columns together fill the view exactly, and when the
    window grows only `column` grows (the last column keeps its own width)."""
    header = view.horizontalHeader()

    def widths():
        return [header.sectionSize(i) for i in range(header.count())]

    least = view._column_fitter.columns[column].width
    if header.sectionSize(column) > least:
        assert sum(widths()) == view.viewport().width(), what
    else:  # too narrow for all: the descriptive column keeps its least width and the table scrolls
        assert sum(widths()) >= view.viewport().width(), what
    assert not header.stretchLastSection(), what
    if qtbot is None:
        return
    window = view.window()
    before, viewport = widths(), view.viewport().width()
    window.resize(window.width() + 120, window.height())
    qtbot.waitUntil(lambda: view.viewport().width() != viewport, timeout=2000)
    grown = view.viewport().width() - viewport
    after = widths()
    assert after[column] == before[column] + grown, what
    assert [w for i, w in enumerate(after) if i != column] == [w for i, w in enumerate(before) if i != column], what
    window.resize(window.width() - 120, window.height())
    qtbot.wait(10)


def assert_stretches_or_scrolls(view, column: int, what: str) -> None:
    """In a narrow dialog: `column` keeps at least its width and the table scrolls, or fills it."""
    header = view.horizontalHeader()
    total = sum(header.sectionSize(i) for i in range(header.count()))
    assert total >= view.viewport().width(), what
    assert header.sectionSize(column) >= 50, what


def column_of(view, header: str) -> int:
    model = view.model()
    return next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == header)


# --- columns ------------------------------------------------------------------------------------


def test_activity_list_shows_times_in_full_and_stretches_the_title(window, qtbot):
    window.show_page("activities")
    tab = window.page("activities")
    view = tab.list.view
    qtbot.wait(10)
    for header in ("开始时间", "报名截止"):
        assert_whole(view, column_of(view, header), header)
    assert_stretches(view, column_of(view, "活动"), "活动", qtbot)
    last = view.model().columnCount() - 1
    assert view.columnWidth(last) == tab.list.model.columns[last].width  # 实际支出 keeps its 80 px
    screenshot(window, "issue14-activities")


def test_activity_sign_ups_and_check_in_show_times_in_full(window, qtbot):
    window.show_page("activities")
    tab = window.page("activities")
    activity = Activity.select().join(act.ActivityItem).join(act.SignUp).order_by(Activity.start.desc()).first()
    tab.open_activity(activity)
    qtbot.wait(10)
    signups = tab.detail.signups.view
    assert_whole(signups, column_of(signups, "报名时间"), "报名时间")
    assert_stretches(signups, column_of(signups, "备注"), "备注", qtbot)
    tab.detail.pages.setCurrentWidget(tab.detail.checkin)
    qtbot.wait(10)
    page = tab.detail.checkin
    page.check_in_signups([s for s in act.signups_of(tab.detail.current_item()) if s.state == act.SIGNED][:1])
    checkin = page.view
    assert_whole(checkin, column_of(checkin, "签到时间"), "签到时间")
    assert_stretches(checkin, column_of(checkin, "项目"), "项目")
    screenshot(window, "issue14-activity-detail")


def test_members_list_shows_phones_and_id_numbers_in_full_whatever_the_font(window, qtbot):
    window.show_page("members")
    view = window.page("members").list.view
    qtbot.wait(10)
    for points in (None, 12):  # the stylesheet's 10.5 pt, and a bigger font (another PC, another DPI)
        if points:
            view.setStyleSheet(f"font-size: {points}pt;")
            qtbot.waitUntil(lambda: view.font().pointSizeF() == points, timeout=1000)
            qtbot.wait(10)
        for header in ("联系电话", "身份证号"):
            assert_whole(view, column_of(view, header), f"{header} at {points or 10.5} pt")
        assert_stretches(view, column_of(view, "工会职务"), "工会职务", qtbot)


def test_relatives_table_shows_dates_id_numbers_and_phones_in_full(window, qtbot):
    from union_desk.ui.members.form import MemberForm

    member = Member.select().where(Member.status == "在职").first()
    Relative.create(member=member, name="王秀英", relation="母亲", birth_date=dt.date(1950, 12, 31),
                    id_number="11010519501231002X", phone="13912345678")
    Relative.create(member=member, name="李建国", relation="父亲", birth_date=dt.date(1948, 1, 9),
                    phone="0571-87654321", death_date=dt.date(2026, 3, 3), notes="心脏不好，住在老家")
    form = MemberForm(Member.get_by_id(member.id), window)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    table = form.relatives.table
    for header in ("出生日期", "身份证号", "联系电话"):
        assert_whole(table, column_of(table, header), header)
    for header in ("去世日期",):
        assert_whole(table, column_of(table, header), header)
    assert_stretches_or_scrolls(table, column_of(table, "备注"), "备注")
    screenshot(form, "issue14-relatives")


# --- check-in -----------------------------------------------------------------------------------


def test_check_in_box_and_confirmation_are_large_despite_the_stylesheet(window, qtbot):
    window.show_page("activities")
    tab = window.page("activities")
    activity = Activity.select().join(act.ActivityItem).join(act.SignUp).order_by(Activity.start.desc()).first()
    tab.open_activity(activity)
    tab.detail.pages.setCurrentWidget(tab.detail.checkin)
    page = tab.detail.checkin
    qtbot.wait(10)
    normal = QFontInfo(page.progress.parentWidget().font()).pointSizeF()
    assert normal == pytest.approx(10.5, abs=0.3)  # the stylesheet is in force
    assert QFontInfo(page.entry.font()).pointSizeF() == pytest.approx(20, abs=0.5)
    assert page.entry.fontMetrics().height() >= 1.7 * page.parentWidget().fontMetrics().height()
    for warn in (False, True):  # the colour changes; the size stays
        page.say("✓ 王芳（语文组）已签到：拔河", warn=warn)
        assert QFontInfo(page.confirmation.font()).pointSizeF() == pytest.approx(14, abs=0.5)
        assert page.confirmation.sizeHint().height() >= 1.25 * page.parentWidget().fontMetrics().height()
    assert QFontInfo(tab.detail.title.font()).pointSizeF() == pytest.approx(14, abs=0.5)
    assert tab.detail.title.font().bold()
    screenshot(window, "issue14-checkin")


# --- 应访未访 --------------------------------------------------------------------------------------


@pytest.fixture
def due_people(demo_db):
    """A birthday this month, a recent retirement and a relative who died, besides the demo's."""
    birthday = members.create_member({"name": "诸葛晴", "sex": "女", "birth_date": dt.date(1990, TODAY.month, 13)})
    retired = members.create_member({"name": "欧阳锋", "sex": "男", "birth_date": "1964-08-09"})
    Member.update(status="退休", status_date=TODAY - dt.timedelta(days=20)).where(Member.id == retired.id).execute()
    mourner = members.create_member({"name": "上官敏", "sex": "女", "birth_date": "1976-02-20"})
    Relative.create(member=mourner, name="上官建", relation="父亲", death_date=TODAY - dt.timedelta(days=3))
    return birthday, retired, mourner


def test_due_visits_in_date_order_and_reasons_never_repeat_the_type(due_people):
    birthday, retired, mourner = due_people
    due = visits.due_visits(TODAY)
    dates = [d.extra["date"] for d in due]
    assert dates == sorted(dates)
    for d in due:
        assert d.visit_type_name not in d.reason, (d.visit_type_name, d.reason)
        line = f"{d.member.name}  {d.visit_type_name}：{d.reason}"  # as 首页 shows it
        assert line.count(d.visit_type_name) == 1, line
    by_member = {d.member.id: d for d in due}
    assert f"{by_member[birthday.id].visit_type_name}：{by_member[birthday.id].reason}" == f"生日：{TODAY.month}月13日"
    assert by_member[retired.id].reason == f"{TODAY - dt.timedelta(days=20):%Y-%m-%d}"
    assert by_member[mourner.id].reason == f"父亲上官建，{TODAY - dt.timedelta(days=3):%Y-%m-%d}"


def test_due_page_lists_by_date_with_the_date_shown(window, due_people, qtbot):
    window.show_page("hardship")
    tab = window.page("hardship")
    tab.inner.setCurrentWidget(tab.due)
    tab.due.refresh()
    qtbot.wait(10)
    view = tab.due.view
    dates = cell_texts(view, 0)
    assert dates and dates == sorted(dates)
    assert_whole(view, 0, "日期")
    assert_stretches(view, column_of(view, "应访原因"), "应访原因", qtbot)
    home_lines = [window.home.lists["due_visits"][1].item(i).text()
                  for i in range(window.home.lists["due_visits"][1].count())]
    assert any(line.endswith(f"生日：{TODAY.month}月13日") for line in home_lines)
    screenshot(window, "issue14-due")


# --- 首页 ------------------------------------------------------------------------------------------


def test_home_gives_the_space_to_lists_with_entries(window, qtbot):
    PlanItem.update(status="已完成").execute()  # nothing due this week, nothing overdue
    Activity.update(status="已结束").execute()  # no sign-up deadline this week
    home = window.home
    window.show_page("home")
    home.refresh()
    qtbot.wait(10)
    empty = ["plan_due", "plan_overdue", "deadlines"]
    for key in empty:
        box, widget = home.lists[key]
        assert not box.isVisible(), key
    shown = [key for key, (box, widget) in home.lists.items() if box.isVisible()]
    assert shown and all(home._entries[key] > 0 for key in shown)
    assert home.empty_lists.isVisible()
    for key in empty:
        assert home.lists[key][0].title() in home.empty_lists.text()
    # the boxes with entries share the whole width
    boxes = [home.lists[key][0] for key in shown]
    assert sum(b.width() for b in boxes if b.y() == boxes[0].y()) >= 0.9 * boxes[0].parentWidget().width()
    screenshot(window, "issue14-home")


# --- 困难职工档案, calendar legend ------------------------------------------------------------------


def test_an_overdue_review_is_red_in_the_files_list(window, qtbot):
    late = HardshipFile.select().where(HardshipFile.status.in_(hardship.OPEN_STATUSES)).first()
    HardshipFile.update(next_review_date=TODAY - dt.timedelta(days=10)).where(HardshipFile.id == late.id).execute()
    HardshipFile.update(next_review_date=TODAY + dt.timedelta(days=100)).where(HardshipFile.id != late.id).execute()
    window.show_page("hardship")
    page = window.page("hardship").files
    page.refresh()
    column = column_of(page.view, "下次复核")
    colours = {}
    for row, record in enumerate(page.model.records):
        colour = page.model.data(page.model.index(row, column), Qt.ItemDataRole.ForegroundRole)
        colours[record.id] = colour
    assert colours[late.id] == QColor(OVERDUE_COLOR)
    assert all(colour is None for fid, colour in colours.items() if fid != late.id)
    # as 首页 marks it
    window.home.refresh()
    lines = [window.home.lists["hardship_due"][1].item(i).text() for i in range(window.home.lists["hardship_due"][1].count())]
    assert any(late.member.name in line and "逾期" in line for line in lines)


def test_calendar_legend_explains_birthdays_and_days_off(window, qtbot):
    window.show_page("plan")
    tab = window.page("plan")
    qtbot.wait(10)
    signs = [sign.text() for sign, _words in tab.legend_marks]
    assert signs == ["♥", "休", "班"]  # as the month grid draws them
    for sign, words in tab.legend_marks:
        assert sign.isVisible() and words.isVisible() and words.text()
    assert "♥" in tab.legend.toolTip() and "休" in tab.legend.toolTip() and "班" in tab.legend.toolTip()
    screenshot(window, "issue14-plan")


# --- About, status bar ---------------------------------------------------------------------------


def test_every_about_string_reaches_the_catalogue(tmp_path):
    """lupdate reads no tr() inside an f-string: 'data version' never got translated."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    ts = tmp_path / "about.ts"
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", "union_desk/ui/about_dialog.py", "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)
    extracted = {m.findtext("source") for m in ET.parse(ts).iter("message")}
    source = (ROOT / "union_desk/ui/about_dialog.py").read_text(encoding="utf-8")
    called = set(re.findall(r"""self\.tr\(["']([^"']+)["']\)""", source))
    assert called and called <= extracted, called - extracted
    assert "Data version" in extracted


def test_data_file_in_about_and_a_tooltip_not_on_every_screen(window, db_path, qtbot, monkeypatch):
    from union_desk.ui.about_dialog import AboutDialog

    bar = window.statusBar()
    assert str(db_path) not in bar.currentMessage()
    assert str(db_path) in bar.toolTip()
    for name in ("home", "members", "activities"):
        window.show_page(name)
        assert str(db_path) not in bar.currentMessage()
    about = AboutDialog(db_path, window)
    qtbot.addWidget(about)
    assert any(label.text() == str(db_path) for label in about.values.values())
    moved = db_path.with_name("moved.sqlite")
    monkeypatch.setattr(window, "refresh_all", lambda: None)
    window.switch_data_file(moved)
    assert str(moved) in bar.toolTip() and str(moved) not in bar.currentMessage()


# --- counts ---------------------------------------------------------------------------------------


def test_visit_count_names_the_voided_rows_it_includes(window, qtbot):
    window.show_page("hardship")
    tab = window.page("hardship")
    page = tab.visits
    tab.inner.setCurrentWidget(page)
    page.show_voided.setChecked(True)
    page.refresh()
    if not any(v.voided for v in page.model.records):
        visits.void_visit(Visit.get_by_id(page.model.records[0].id), "测试作废")
        page.refresh()
    records = list(page.model.records)
    voided = sum(1 for v in records if v.voided)
    count, _amount = visits.totals(records)
    assert count == len(records) - voided  # 合计's 人次
    assert page.list.count_label.text() == page.tr("%n record(s), {voided} voided", "", len(records)).format(voided=voided)
    assert str(len(records)) in page.list.count_label.text() and str(voided) in page.list.count_label.text()
    page.show_voided.setChecked(False)
    qtbot.waitUntil(lambda: not any(v.voided for v in page.model.records), timeout=2000)
    assert page.list.count_label.text() == f"共 {len(page.model.records)} 条"


def test_due_list_and_home_follow_a_relative_entered_elsewhere(window, qtbot):
    """The screens changed here refresh through the change notification (no reopening)."""
    window.show_page("hardship")
    tab = window.page("hardship")
    tab.inner.setCurrentWidget(tab.due)
    member = Member.select().where(Member.status == "在职").order_by(Member.id.desc()).first()
    members.save_relatives(member, [{"name": "欧阳华", "relation": "母亲",
                                     "death_date": f"{TODAY - dt.timedelta(days=2):%Y-%m-%d}"}])
    reason = f"母亲欧阳华，{TODAY - dt.timedelta(days=2):%Y-%m-%d}"
    qtbot.waitUntil(lambda: any(d.reason == reason for d in tab.due.model.records), timeout=2000)
    window.show_page("home")
    widget = window.home.lists["due_visits"][1]
    assert any(widget.item(i).text() == f"{member.name}  直系亲属去世：{reason}" for i in range(widget.count()))
