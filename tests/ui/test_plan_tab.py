"""The 工作计划 tab driven through its real widgets (pytest-qt, offscreen, Chinese interface):
the month grid, navigation, the day panel, adding and editing items, generating from the
template, the template editor, completion and the list view."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from test_main_window import english_words, screenshot, visible_texts

from union_desk.db.models import Activity, Member, PlanItem, PlanTemplateRule
from union_desk.paths import resources_dir
from union_desk.services import plan, plan_template
from union_desk.ui import i18n
from union_desk.ui.main_window import MainWindow
from union_desk.ui.plan.completion_dialog import CompletionDialog
from union_desk.ui.plan.item_dialog import ItemDialog
from union_desk.ui.plan.tab import PlanTab
from union_desk.ui.plan.template_dialog import RuleDialog, TemplateDialog

D = dt.date
BUSY = D(2026, 3, 12)


@pytest.fixture
def tab(qtbot, qapp, db):
    i18n.install(qapp, "zh_CN")
    plan_template.generate_year(2026)
    widget = PlanTab()
    widget.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.go_month(2026, 9)
    return widget


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def run_modal(qtbot, trigger, handler) -> None:
    """Start a modal dialog with `trigger()` and drive it with `handler(dialog)` once it is up."""
    seen = []

    def drive():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, drive)
            return
        seen.append(dialog)
        try:
            handler(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, drive)
    trigger()
    assert seen, "no dialog was shown"


def click_day(qtbot, tab: PlanTab, day: dt.date, double: bool = False) -> None:
    pos = tab.grid.cell_rect(day).center()
    if double:
        qtbot.mouseDClick(tab.grid, Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(tab.grid, Qt.MouseButton.LeftButton, pos=pos)


def test_the_grid_shows_a_month(tab):
    assert tab.month_label.text() == "2026年9月"
    days = tab.grid.days()
    assert days[0] == D(2026, 8, 31) and days[-1] == D(2026, 10, 4) and len(days) == 35
    assert tab.grid.weekday_names == ["一", "二", "三", "四", "五", "六", "日"]
    teachers = tab.grid.events.days[D(2026, 9, 10)]
    assert [i.title for i in teachers.items] == ["庆祝第42个教师节暨表彰大会"]
    assert "教师节" in teachers.festivals
    assert tab.grid.events.days[D(2026, 10, 1)].holiday == "国庆节"
    assert tab.grid.events.days[D(2026, 9, 20)].workday
    assert "本月计划" in tab.month_summary.text()
    assert not tab.estimate_label.isVisibleTo(tab)


def test_navigation_by_month_and_year(tab, qtbot):
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert (tab.shown_year, tab.shown_month) == (2026, 10)
    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)
    assert tab.month_label.text() == "2026年8月"
    tab.go_month(2026, 12)
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert (tab.shown_year, tab.shown_month) == (2027, 1)
    assert tab.year.value() == 2027
    assert tab.estimate_label.isVisibleTo(tab)
    assert "估算" in tab.estimate_label.text() and "2027" in tab.estimate_label.text()
    tab.year.setValue(2026)
    assert (tab.shown_year, tab.shown_month) == (2026, 1)
    assert not tab.estimate_label.isVisibleTo(tab)
    qtbot.mouseClick(tab.today_button, Qt.MouseButton.LeftButton)
    today = dt.date.today()
    assert (tab.shown_year, tab.shown_month) == (today.year, today.month)
    # the keyboard moves the selected day, across the month's end too
    tab.go_month(2026, 9, D(2026, 9, 30))
    tab.grid.setFocus()
    qtbot.keyClick(tab.grid, Qt.Key.Key_Down)  # 10-07 is beyond the shown weeks
    assert (tab.shown_year, tab.shown_month) == (2026, 10)
    assert tab.selected_day == D(2026, 10, 7)


def test_clicking_a_day_lists_everything_on_it(tab, qtbot):
    Member.create(name="中秋生", birth_date=D(1990, 10, 3), birthday_lunar=True, department="语文组")
    Activity.create(title="中秋游园会", start=dt.datetime(2026, 9, 25, 15, 0), place="操场")
    tab.refresh()
    click_day(qtbot, tab, D(2026, 9, 25))
    assert tab.selected_day == D(2026, 9, 25)
    assert tab.day_title.text() == "9月25日 星期五"
    kinds = [(kind, getattr(record, "title", None) or record.member.name) for kind, record in tab.day_entries()]
    # 中秋 is a day off: its 慰问 lands on the working day before (issue 15)
    assert ("item", "中秋节慰问") not in kinds
    assert ("activity", "中秋游园会") in kinds
    assert ("birthday", "中秋生") in kinds
    assert "放假：中秋节" in tab.day_info.text()
    texts = [tab.day_list.item(i).text() for i in range(tab.day_list.count())]
    assert any("生日：中秋生" in t and "农历" in t for t in texts)
    click_day(qtbot, tab, D(2026, 9, 24))
    eve = [(kind, getattr(record, "title", None)) for kind, record in tab.day_entries()]
    assert ("item", "中秋节慰问") in eve
    click_day(qtbot, tab, D(2026, 9, 22))
    assert tab.day_list.item(0).text().startswith("当天没有安排")


def test_adding_an_item_from_the_grid(tab, qtbot, messages):
    day = D(2026, 9, 16)

    def fill(dialog: ItemDialog):
        assert isinstance(dialog, ItemDialog)
        assert dialog.date_edit.date().toPython() == day
        dialog.title_edit.insert("新教师入会仪式")  # typed (QTest cannot type CJK)
        dialog.category.setCurrentText("会议")
        dialog.responsible.insert("刘主席")  # typed (QTest cannot type CJK)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    run_modal(qtbot, lambda: click_day(qtbot, tab, day, double=True), fill)
    saved = PlanItem.get(PlanItem.title == "新教师入会仪式")
    assert (saved.year, saved.date, saved.month, saved.category, saved.responsible, saved.status) == (
        2026, day, 9, "会议", "刘主席", "未开始"
    )
    assert [i.title for i in tab.grid.events.days[day].items] == ["新教师入会仪式"]
    assert tab.selected_day == day
    assert messages == []


def test_the_item_dialog_refuses_bad_input_and_stays_open(tab, qtbot, messages):
    count = PlanItem.select().count()

    def fill(dialog: ItemDialog):
        dialog.mode.setCurrentIndex(ItemDialog.MODE_RANGE)
        dialog.title_edit.insert("冬季长跑")  # typed (QTest cannot type CJK)
        dialog.date_edit.setDate(D(2026, 12, 10))
        dialog.end_edit.setDate(D(2026, 12, 1))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        assert dialog.isVisible()

    run_modal(qtbot, lambda: tab.add_item_on(None), fill)
    assert messages == ["结束日期不能早于开始日期"]
    assert PlanItem.select().count() == count


def test_editing_an_item_from_the_day_panel(tab, qtbot, messages):
    click_day(qtbot, tab, D(2026, 9, 10))
    entry = tab.day_list.item(0)
    tab.day_list.setCurrentItem(entry)

    def edit(dialog: ItemDialog):
        assert dialog.title_edit.text() == "庆祝第42个教师节暨表彰大会"
        assert "由模板生成" in dialog.year_label.text()
        dialog.status.setCurrentText("进行中")
        dialog.accept()

    run_modal(qtbot, lambda: tab.day_list.itemDoubleClicked.emit(entry), edit)
    item = PlanItem.get(PlanItem.template_key == "teachers-day")
    assert item.status == "进行中"
    tab.day_list.setCurrentItem(tab.day_list.item(0))
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert PlanItem.get_by_id(item.id).status == "已完成"


def test_generate_button(qtbot, qapp, db, messages):
    i18n.install(qapp, "zh_CN")
    tab = PlanTab()
    qtbot.addWidget(tab)
    tab.year.setValue(2031)
    assert PlanItem.select().where(PlanItem.year == 2031).count() == 0
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    created = PlanItem.select().where(PlanItem.year == 2031).count()
    assert created > 40
    assert messages[-1] == f"2031年：新生成 {created} 项，已有 0 项（跳过）。"
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    assert messages[-1] == f"2031年：新生成 0 项，已有 {created} 项（跳过）。"
    assert PlanItem.select().where(PlanItem.year == 2031).count() == created
    assert tab.list.model.rowCount() == created


def test_generate_button_names_the_rules_without_a_date(qtbot, qapp, db, messages):
    """腊八 (lunar 腊月初八) fell on 2022-12-30 and 2024-01-18 (中国天文年历): none in 2023."""
    i18n.install(qapp, "en")  # the English sources (their translations come with the lead's merge)
    plan_template.create_rule({"title": "腊八送粥", "category": "慰问", "kind": "lunar", "month": 12, "day": 8})
    tab = PlanTab()
    qtbot.addWidget(tab)
    tab.year.setValue(2023)
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    lines = messages[-1].split("\n")
    assert lines[0].startswith("2023: ") and lines[0].endswith("already in the plan (skipped).")
    assert lines[2:] == [
        "These rules have no date in 2023, so they give no item:",
        "· 腊八送粥：农历腊月初八在2023年没有对应的日期（前后为 2022-12-30、2024-01-18）",
    ]
    tab.year.setValue(2024)
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    assert "\n" not in messages[-1]


def test_template_dialog_and_rule_form(tab, qtbot, messages):
    dialog = TemplateDialog(tab)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == PlanTemplateRule.select().count()
    row = next(i for i, r in enumerate(dialog.model.records) if r.key == "teachers-day")
    assert dialog.model.data(dialog.model.index(row, 0)) == "庆祝第{N}个教师节暨表彰大会"
    assert dialog.model.data(dialog.model.index(row, 2)) == "每年9月10日"
    assert not english_words(visible_texts(dialog))
    screenshot(dialog, "plan-template")

    form = RuleDialog(None, dialog)
    qtbot.addWidget(form)
    form.title_edit.insert("春节前教职工团拜会")  # typed (QTest cannot type CJK)
    form.kind.setCurrentIndex(form.kind.findData("offset"))
    form.festival.setCurrentText("春节")
    form.offset.setValue(-3)
    assert form.festival.isVisibleTo(form) and not form.day.isVisibleTo(form)
    assert "春节前3天" in form.preview.text()
    assert not english_words(visible_texts(form))
    screenshot(form, "plan-rule")
    form.accept()
    rule = PlanTemplateRule.get(PlanTemplateRule.title == "春节前教职工团拜会")
    assert (rule.kind, rule.festival, rule.offset_days, rule.active) == ("offset", "春节", -3, True)
    assert plan_template.generate_year(2026) == (1, PlanItem.select().where(PlanItem.year == 2026).count() - 1)
    assert PlanItem.get(PlanItem.title == "春节前教职工团拜会").date == D(2026, 2, 14)


def test_completion_dialog(tab, qtbot):
    items = plan.list_items(2026)
    for item in items[:10]:
        plan.set_status(item, "已完成")
    plan.cancel_item(items[10])
    dialog = CompletionDialog(2026, tab)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 13
    expected = plan.format_rate(10 / (len(items) - 1))
    assert dialog.table.item(12, 4).text() == expected
    assert dialog.table.item(12, 0).text() == "全年"
    assert expected in dialog.summary.text()
    assert not english_words(visible_texts(dialog))
    screenshot(dialog, "plan-completion")


def test_list_view_with_terms(tab, qtbot):
    qtbot.mouseClick(tab.view_list, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is tab.list
    whole = tab.list.model.rowCount()
    assert whole == PlanItem.select().where(PlanItem.year == 2026).count()
    tab.period.setCurrentIndex(1)  # spring term: February – July
    months = {plan.item_month(i) for i in tab.list.model.records}
    assert months == {2, 3, 4, 5, 6, 7}
    plan_template.generate_year(2027)
    tab.period.setCurrentIndex(2)  # autumn term: September – January of next year
    years_months = {(i.year, plan.item_month(i)) for i in tab.list.model.records}
    assert years_months == {(2026, 9), (2026, 10), (2026, 11), (2026, 12), (2027, 1)}
    status_col = tab.list.model.status_column
    index = tab.list.model.index(0, status_col)
    assert tab.list.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert not english_words(visible_texts(tab))
    screenshot(tab, "plan-list")


def test_no_english_on_the_tab_and_its_dialogs(tab, qtbot):
    click_day(qtbot, tab, D(2026, 9, 25))
    assert not english_words(visible_texts(tab)), english_words(visible_texts(tab))
    grid_texts = [
        tab.grid.tooltip_text(D(2026, 9, 25)),
        tab.grid.tooltip_text(D(2026, 9, 20)),
        tab.grid.tr("+%n more", "", 3),
        tab.grid.tr("Off"),
        tab.grid.tr("Workday"),
        *tab.grid.weekday_names,
    ]
    assert not english_words(grid_texts), english_words(grid_texts)
    assert tab.grid.tr("+%n more", "", 3) == "+3 更多"
    item = PlanItem.get(PlanItem.template_key == "teachers-day")
    for dialog in (ItemDialog(2026, item, parent=tab), ItemDialog(2026, None, D(2026, 9, 1), tab)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert not english_words(visible_texts(dialog)), english_words(visible_texts(dialog))
        dialog.mode.setCurrentIndex(ItemDialog.MODE_RANGE)
        screenshot(dialog, "plan-item-dialog")
        dialog.close()


def busy_month() -> None:
    """A March with a crowded day, ranges, cancelled and postponed items, activities, birthdays."""
    statuses = ["已完成", "进行中", "未开始", "已取消", "顺延", "未开始", "已完成", "未开始"]
    titles = [
        "女教职工健康讲座", "三八节表彰先进女教职工", "工会委员会议", "女教职工插花活动",
        "教代会提案征集", "青年教师座谈会", "慰问生病住院教师", "工会小组长会议",
    ]
    for title, status in zip(titles, statuses):
        plan.create_item(2026, {"title": title, "category": "活动", "date": BUSY, "status": status})
    plan.create_item(2026, {"title": "春季学期教职工体检", "category": "活动", "date": "2026-03-16", "end_date": "2026-03-20", "status": "进行中"})
    plan.create_item(2026, {"title": "学雷锋志愿服务", "category": "活动", "date": "2026-03-05", "status": "已完成"})
    Activity.create(title="“三八”女教职工踏青活动", start=dt.datetime(2026, 3, 8, 8), place="植物园")
    Activity.create(title="教职工趣味运动会", start=dt.datetime(2026, 3, 12, 15, 30), place="操场")
    for n in range(9):
        Member.create(name=f"会员{n}", birth_date=D(1980 + n, 3, 12 if n < 4 else 3 + n), department="语文组")


def test_screenshot_of_a_busy_month(qtbot, qapp, db, db_path):
    i18n.install(qapp, "zh_CN")
    plan_template.generate_year(2026)
    busy_month()
    win = MainWindow(db_path)
    win.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    qtbot.addWidget(win)
    win.resize(1280, 690)
    win.show()
    qtbot.waitExposed(win)
    win.show_page("plan")
    tab = win.page("plan")
    tab.go_month(2026, 3, BUSY)
    qtbot.wait(20)
    rect = tab.grid.cell_rect(BUSY)
    lines, more = tab.grid.layout_lines(tab.grid.events.days[BUSY], rect)
    assert more > 0 and len(lines) >= 2, "a crowded day shows some items and '+N 更多'"
    assert len(tab.day_entries()) == 8 + 1 + 4  # items, the activity, birthdays
    assert rect.width() >= 100 and rect.height() >= 70
    assert not english_words(visible_texts(win))
    screenshot(win, "plan-busy-month")
    tab.go_month(2027, 10)
    qtbot.wait(20)
    assert tab.estimate_label.isVisible()
    screenshot(win, "plan-estimate-2027")
    # a change in the plan makes the 首页 reload its reminders when it is shown next
    from union_desk.services import plan as plan_service
    from union_desk.ui.change_bus import bus

    assert "home" not in win._stale
    plan_service.create_item(2027, {"title": "新加的事项", "month": 10})
    bus().flush()
    assert "home" in win._stale
    win.close()


def test_school_holidays_dialog(qtbot, qapp, db, messages):
    """寒暑假 per year (issue 15): the defaults are shown; the school's own dates are saved, bad ones refused."""
    from PySide6.QtCore import QDate

    from union_desk.services import settings
    from union_desk.ui.plan.holidays_dialog import SchoolHolidaysDialog

    i18n.install(qapp, "en")
    dialog = SchoolHolidaysDialog(2027)
    qtbot.addWidget(dialog)
    assert dialog.ranges() == ((dt.date(2027, 1, 16), dt.date(2027, 2, 21)), (dt.date(2027, 7, 10), dt.date(2027, 8, 31)))
    assert dialog.state.text() == "The defaults" and dialog.value() == ""
    dialog.edits[0].setDate(QDate(2027, 1, 23))
    dialog.edits[1].setDate(QDate(2027, 2, 28))
    assert dialog.state.text() == "The school's own dates"
    dialog.accept()
    assert settings.get("school_holidays_2027") == "2027-01-23~2027-02-28;2027-07-10~2027-08-31"
    assert plan_template.school_holidays(2027)[0] == (dt.date(2027, 1, 23), dt.date(2027, 2, 28))

    again = SchoolHolidaysDialog(2027)
    qtbot.addWidget(again)
    assert again.ranges()[0] == (dt.date(2027, 1, 23), dt.date(2027, 2, 28))
    again.edits[3].setDate(QDate(2027, 7, 1))  # summer ends before it starts
    again.accept()
    assert "2027年暑假的结束日期早于开始日期" in messages[-1]
    assert settings.get("school_holidays_2027") == "2027-01-23~2027-02-28;2027-07-10~2027-08-31"
    qtbot.mouseClick(again.defaults_button, Qt.MouseButton.LeftButton)
    again.accept()
    assert settings.get("school_holidays_2027") == ""

    tab = PlanTab()
    qtbot.addWidget(tab)
    tab.year.setValue(2028)
    template = TemplateDialog(tab)
    qtbot.addWidget(template)
    assert template.holidays_year() == 2028
