"""The 会员档案 tab driven through its real widgets (pytest-qt, offscreen, Chinese interface):
the search box (name, pinyin initials, full pinyin with every heteronym reading, ID fragment,
phone), the filters, sorting, the count, and the actions."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox
from test_main_window import english_words, screenshot, visible_texts

from union_desk.db.models import Member
from union_desk.domain import idcard
from union_desk.domain.pinyin import pinyin_variants, search_key
from union_desk.services import members
from union_desk.ui import i18n
from union_desk.ui.members import form as form_module
from union_desk.ui.members.model import PAGE
from union_desk.ui.members.tab import MembersTab

TODAY = dt.date.today()


def type_into(qtbot, edit, text: str) -> None:
    """Type like a user: key clicks for ASCII; Chinese arrives as an input-method commit
    (QTest cannot synthesise key events for it)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def years_ago(years: int, month: int = 6, day: int = 15) -> dt.date:
    return dt.date(TODAY.year - years, month, day)


def add(name: str, sex: str, birth: dt.date, seq: int, **data) -> Member:
    number = idcard.make_id("330106", birth, seq, sex)
    return members.create_member(
        {"name": name, "sex": sex, "birth_date": birth.isoformat(), "id_number": number, **data}
    )


@pytest.fixture
def people(qapp, db):
    i18n.install(qapp, "zh_CN")
    return {
        "单田芳": add("单田芳", "男", years_ago(60), 11, department="语文组", union_group="第一小组",
                   phone="13912345678", employment_type="返聘", union_roles=["教代会代表"]),
        "曾志伟": add("曾志伟", "男", years_ago(45), 13, department="数学组", union_group="第二小组",
                   phone="13800001111"),
        "解缙": add("解缙", "男", years_ago(30), 15, department="语文组", union_group="第一小组",
                  phone="020-87654321", employment_type="合同"),
        "王芳": add("王芳", "女", years_ago(28), 22, department="英语组", union_group="第二小组",
                  phone="13700002222", union_roles=["女工委员", "工会委员"]),
        "李秀英": add("李秀英", "女", years_ago(34, 1, 1), 24, department="数学组",
                   union_group="第二小组", phone="13600003333"),
        "赵建国": add("赵建国", "男", years_ago(36, 12, 31), 17, department="后勤",
                   union_group="第三小组", phone="13500004444", employment_type="临时工"),
    }


@pytest.fixture
def tab(qtbot, people):
    widget = MembersTab()
    qtbot.addWidget(widget)
    widget.resize(1180, 680)
    widget.show()
    widget.refresh()
    return widget


def shown_names(tab) -> list[str]:
    return [m.name for m in tab.list.model.records]


def search(tab, qtbot, text: str) -> list[str]:
    """Type into the real search box and wait for the (debounced) list update."""
    if tab.list.search.text():
        with qtbot.waitSignal(tab.list.model.modelReset, timeout=3000):
            tab.list.search.clear()
    with qtbot.waitSignal(tab.list.model.modelReset, timeout=3000):
        type_into(qtbot, tab.list.search, text)
    return shown_names(tab)


def test_lists_active_members_with_count(tab):
    assert sorted(shown_names(tab)) == sorted(["单田芳", "曾志伟", "解缙", "王芳", "李秀英", "赵建国"])
    assert tab.list.count_label.text() == "共 6 人"
    assert tab.status_filter.currentText() == "在职"


def test_search_by_name(tab, qtbot):
    assert search(tab, qtbot, "田芳") == ["单田芳"]
    assert search(tab, qtbot, "王") == ["王芳"]
    assert tab.list.count_label.text() == "共 1 人"


def test_search_by_pinyin_initials(tab, qtbot):
    assert search(tab, qtbot, "stf") == ["单田芳"]
    assert search(tab, qtbot, "dtf") == ["单田芳"]
    assert search(tab, qtbot, "ZZW") == ["曾志伟"]  # case does not matter
    assert search(tab, qtbot, "lxy") == ["李秀英"]


def test_search_by_full_pinyin(tab, qtbot):
    assert search(tab, qtbot, "wangfang") == ["王芳"]
    assert search(tab, qtbot, "li xiu ying") == ["李秀英"]  # spaces ignored


@pytest.mark.parametrize(
    "name, readings",
    [("单田芳", ("shan", "dan")), ("曾志伟", ("zeng", "ceng")), ("解缙", ("jie", "xie"))],
)
def test_search_by_every_reading_of_a_heteronym_surname(tab, qtbot, name, readings):
    for reading in readings:
        assert name in search(tab, qtbot, reading), reading
        full = reading + search_key(name[1:]).split(" ")[1]  # reading + the given name's pinyin
        assert search(tab, qtbot, full) == [name], full


def test_search_by_id_fragment_and_phone(tab, qtbot, people):
    wang = people["王芳"]
    assert search(tab, qtbot, wang.id_number[-6:]) == ["王芳"]
    assert search(tab, qtbot, "12345678") == ["单田芳"]
    assert search(tab, qtbot, "8765432") == ["解缙"]  # landline, stored as 020-87654321
    assert search(tab, qtbot, "没有这个人") == []
    assert tab.list.count_label.text() == "共 0 人"


def test_status_filter(tab, qtbot, people):
    members.change_status(people["赵建国"], "退休", dt.date(2024, 12, 31))
    members.change_status(people["曾志伟"], "调出", dt.date(2023, 8, 31))
    tab.refresh()
    assert "赵建国" not in shown_names(tab) and "曾志伟" not in shown_names(tab)
    tab.status_filter.setCurrentText("退休")
    assert shown_names(tab) == ["赵建国"]
    tab.status_filter.setCurrentText("调出")
    assert shown_names(tab) == ["曾志伟"]
    tab.status_filter.setCurrentIndex(0)  # 全部状态
    assert len(shown_names(tab)) == 6
    assert tab.status_filter.currentText() == "全部状态"


def test_department_and_group_filters(tab):
    departments = [tab.department_filter.itemText(i) for i in range(tab.department_filter.count())]
    assert departments == ["全部部门", "后勤", "数学组", "英语组", "语文组"]
    tab.department_filter.setCurrentText("语文组")
    assert sorted(shown_names(tab)) == sorted(["单田芳", "解缙"])
    tab.department_filter.setCurrentText("数学组")
    assert sorted(shown_names(tab)) == sorted(["曾志伟", "李秀英"])
    tab.group_filter.setCurrentText("第二小组")
    assert sorted(shown_names(tab)) == sorted(["曾志伟", "李秀英"])
    tab.department_filter.setCurrentIndex(0)
    assert sorted(shown_names(tab)) == sorted(["曾志伟", "王芳", "李秀英"])


def test_sex_employment_and_role_filters(tab):
    tab.sex_filter.setCurrentText("女")
    assert sorted(shown_names(tab)) == sorted(["王芳", "李秀英"])
    tab.sex_filter.setCurrentText("男")
    assert sorted(shown_names(tab)) == sorted(["单田芳", "曾志伟", "解缙", "赵建国"])
    tab.sex_filter.setCurrentIndex(0)
    tab.employment_filter.setCurrentText("返聘")
    assert shown_names(tab) == ["单田芳"]
    tab.employment_filter.setCurrentIndex(0)
    tab.role_filter.setCurrentText("女工委员")
    assert shown_names(tab) == ["王芳"]
    tab.clear_filters()
    assert len(shown_names(tab)) == 6


def age(birth: dt.date) -> int:
    """Computed here, independently of the service."""
    had_birthday = (TODAY.month, TODAY.day) >= (birth.month, birth.day)
    return TODAY.year - birth.year - (0 if had_birthday else 1)


def test_age_filter_under_35(tab):
    tab.age_preset.setCurrentText("35岁以下")
    expected = sorted(m.name for m in Member.select() if age(m.birth_date) < 35)
    assert expected  # the fixture has young members (28, 30, 34 this year)
    assert sorted(shown_names(tab)) == expected
    assert (tab.age_from.value(), tab.age_to.value()) == (0, 34)
    # from/to by hand: 35 to 40
    tab.age_from.setValue(35)
    tab.age_to.setValue(40)
    assert tab.age_preset.currentText() == "自定义"
    expected = sorted(m.name for m in Member.select() if 35 <= age(m.birth_date) <= 40)
    assert sorted(shown_names(tab)) == expected
    tab.age_preset.setCurrentText("年龄不限")
    assert len(shown_names(tab)) == 6


def test_sorting_by_age_and_name(tab):
    header = tab.list.view.horizontalHeader()
    age_column = [tab.list.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.list.model.columnCount())].index("年龄")
    tab.list.view.sortByColumn(age_column, Qt.SortOrder.AscendingOrder)
    ages = [age(m.birth_date) for m in tab.list.model.records]
    assert ages == sorted(ages)
    tab.list.view.sortByColumn(age_column, Qt.SortOrder.DescendingOrder)
    ages = [age(m.birth_date) for m in tab.list.model.records]
    assert ages == sorted(ages, reverse=True)
    tab.list.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # names in pinyin order
    names = shown_names(tab)
    assert names == sorted(names, key=lambda n: pinyin_variants(n)[0][0])
    assert names.index("李秀英") < names.index("王芳") < names.index("赵建国")
    assert header.sortIndicatorSection() == 0


def test_large_lists_load_rows_page_by_page(qtbot, qapp, db):
    i18n.install(qapp, "zh_CN")
    names = [f"测试{i:03d}" for i in range(PAGE * 2 + 50)]
    Member.insert_many(
        [{"name": n, "pinyin_key": search_key(n), "department": "语文组"} for n in names]
    ).execute()
    widget = MembersTab()
    qtbot.addWidget(widget)
    widget.refresh()
    model = widget.list.model
    assert model.rowCount() == len(names)
    assert widget.list.count_label.text() == f"共 {len(names)} 人"
    assert len(model._pages) == 1  # only the first page is loaded
    assert model.record_at(len(names) - 1).name == names[-1]
    assert len(model._pages) == 2
    assert [m.name for m in model.records] == names


def test_buttons_follow_the_selection_and_no_delete(tab, qtbot, monkeypatch):
    assert not tab.edit_button.isEnabled() and not tab.history_button.isEnabled()
    tab.list.view.selectRow(0)
    assert tab.edit_button.isEnabled() and tab.status_button.isEnabled() and tab.history_button.isEnabled()
    texts = [b.text() for b in tab.findChildren(QPushButton)]
    assert {"新增会员", "编辑", "变更状态", "修改记录"} <= set(texts)
    assert not [t for t in texts if "删除" in t]


def test_double_click_opens_the_form(tab, qtbot, monkeypatch):
    opened = []

    def fake_exec(self):
        opened.append(self.member.name)
        return 0

    monkeypatch.setattr(form_module.MemberForm, "exec", fake_exec)
    index = tab.list.model.index(2, 0)
    rect = tab.list.view.visualRect(index)
    qtbot.mouseClick(tab.list.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.list.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [tab.list.model.record_at(2).name]


def test_new_member_from_the_tab_appears_selected(tab, qtbot, monkeypatch):
    def fake_exec(self):
        self.name_edit.setText("钱多多")
        self._set_combo(self.department_combo, "数学组")
        self.accept()
        return 1

    monkeypatch.setattr(form_module.MemberForm, "exec", fake_exec)
    tab.add_button.click()
    assert "钱多多" in shown_names(tab)
    assert tab.list.current().name == "钱多多"
    assert tab.list.count_label.text() == "共 7 人"


def test_no_english_on_the_tab(tab):
    leftover = english_words(visible_texts(tab))
    assert not leftover, leftover


def test_filters_fit_the_narrowest_window(qtbot, qapp, demo_db, db_path):
    from union_desk.ui.main_window import MainWindow

    i18n.install(qapp, "zh_CN")
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.resize(1280, 690)  # 1920×1080 at 150 %, the narrowest screen we fit (the side list takes its share)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("members")
    tab = window.page("members")
    qtbot.waitUntil(lambda: tab.list.model.rowCount() > 0)
    qtbot.wait(50)  # let the layout settle
    for widget in tab.findChildren(QComboBox) + tab.findChildren(QSpinBox) + tab.findChildren(QPushButton):
        if not widget.isVisible():
            continue
        assert widget.width() >= widget.minimumSizeHint().width(), widget
        right = widget.mapTo(tab, widget.rect().topRight()).x()
        assert right <= tab.width(), widget
    for combo in tab.findChildren(QComboBox):  # wide enough for the longest choice
        assert combo.width() >= combo.sizeHint().width(), combo.currentText()
    assert not english_words(visible_texts(window))
    screenshot(window, "members-tab")
    tab.age_preset.setCurrentText("35岁以下")
    tab.sex_filter.setCurrentText("女")
    screenshot(window, "members-tab-filtered")


def test_the_list_puts_the_best_matches_first(qtbot, qapp, db, db_path):
    """Issue 15: typing 'lv' lists 吕 (ü typed as v) before names that only contain it."""
    from union_desk.ui.members.tab import MembersTab

    from union_desk.services import members

    members.create_member({"name": "张绿化", "department": "甲组"})  # 绿 lü inside the given name
    members.create_member({"name": "吕芳", "department": "乙组"})  # the surname itself
    tab = MembersTab()
    qtbot.addWidget(tab)
    tab.refresh()
    with qtbot.waitSignal(tab.list.model.modelReset, timeout=3000):
        qtbot.keyClicks(tab.list.search, "lvfang")
    assert [m.name for m in tab.list.model.records] == ["吕芳"]
    tab.list.search.clear()
    with qtbot.waitSignal(tab.list.model.modelReset, timeout=3000):
        qtbot.keyClicks(tab.list.search, "lv")
    names = [m.name for m in tab.list.model.records]
    assert names[0] == "吕芳" and "张绿化" in names  # 甲组 sorts first by department, but the surname wins
