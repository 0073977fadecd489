"""The member form, the status change dialog and the 修改记录 view, driven through their real
widgets (pytest-qt, offscreen, Chinese interface)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from test_main_window import english_words, screenshot, visible_texts

from union_desk.db.models import AuditLog, Member, Relative
from union_desk.domain import idcard
from union_desk.services import members
from union_desk.ui import i18n
from union_desk.ui.members.form import MemberForm
from union_desk.ui.members.history import HistoryDialog
from union_desk.ui.members.status_dialog import StatusDialog

BIRTH = dt.date(1986, 4, 12)
ID_WOMAN = idcard.make_id("440106", BIRTH, 222, "女")


def type_into(qtbot, edit, text: str) -> None:
    """Type like a user: key clicks for ASCII; Chinese arrives as an input-method commit
    (QTest cannot synthesise key events for it)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


@pytest.fixture
def zh(qapp, db):
    i18n.install(qapp, "zh_CN")


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def new_form(qtbot, member=None) -> MemberForm:
    form = MemberForm(member)
    qtbot.addWidget(form)
    form.show()
    return form


def wrong_check_digit(number: str) -> str:
    last = "0" if number[-1] != "0" else "1"
    return number[:-1] + last


def test_typing_an_id_fills_birth_date_and_sex(zh, qtbot):
    form = new_form(qtbot)
    type_into(qtbot, form.id_edit, ID_WOMAN)
    assert form.birth_edit.text() == "1986-04-12"
    assert form.sex_combo.currentText() == "女"
    assert form.message_for("id_number") == ("", "")
    assert form.message_for("birth_date") == ("", "")
    # a corrected number replaces what the earlier one filled in
    other = idcard.make_id("440106", dt.date(1990, 1, 2), 111, "男")
    form.id_edit.clear()
    type_into(qtbot, form.id_edit, other)
    assert form.birth_edit.text() == "1990-01-02"
    assert form.sex_combo.currentText() == "男"


def test_id_that_disagrees_with_typed_birth_date_and_sex_warns_in_orange(zh, qtbot):
    form = new_form(qtbot)
    type_into(qtbot, form.birth_edit, "1986.4.13")
    form.birth_edit.editingFinished.emit()
    assert form.birth_edit.text() == "1986-04-13"  # tidied
    form.sex_combo.setCurrentText("男")
    type_into(qtbot, form.id_edit, ID_WOMAN)
    text, colour = form.message_for("birth_date")
    assert colour == "orange" and "与身份证号不一致" in text and "1986-04-12" in text
    text, colour = form.message_for("sex")
    assert colour == "orange" and "女" in text
    assert form.birth_edit.text() == "1986-04-13"  # what was typed is kept


def test_bad_check_digit_is_red_and_nothing_is_saved(zh, qtbot, warnings):
    form = new_form(qtbot)
    type_into(qtbot, form.name_edit, "周敏")
    type_into(qtbot, form.id_edit, wrong_check_digit(ID_WOMAN))
    text, colour = form.message_for("id_number")
    assert colour == "red" and "校验位" in text
    assert form.birth_edit.text() == ""  # a bad number fills nothing
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert form.result() == 0
    assert warnings and "校验位" in warnings[0]
    assert Member.select().count() == 0
    assert form.id_edit.styleSheet()  # marked


def test_an_incomplete_id_complains_only_when_left(zh, qtbot):
    form = new_form(qtbot)
    type_into(qtbot, form.id_edit, ID_WOMAN[:10])
    assert form.message_for("id_number") == ("", "")
    form.id_edit.editingFinished.emit()
    text, colour = form.message_for("id_number")
    assert colour == "red" and "18" in text


def test_old_15_digit_number_is_converted(zh, qtbot):
    form = new_form(qtbot)
    old = "440106860412222"  # 1986-04-12, sequence 222 (even: 女)
    type_into(qtbot, form.id_edit, old)
    form.id_edit.editingFinished.emit()
    assert form.id_edit.text() == idcard.convert_15_to_18(old)
    assert len(form.id_edit.text()) == 18
    assert form.birth_edit.text() == "1986-04-12"
    assert form.sex_combo.currentText() == "女"
    text, colour = form.message_for("id_number")
    assert colour == "note" and "18" in text


def test_phone_is_checked_by_the_service(zh, qtbot, warnings):
    form = new_form(qtbot)
    type_into(qtbot, form.name_edit, "周敏")
    type_into(qtbot, form.phone_edit, "87654321")
    form.phone_edit.editingFinished.emit()
    text, colour = form.message_for("phone")
    assert colour == "red" and "区号" in text
    form.accept()
    assert Member.select().count() == 0
    form.phone_edit.clear()
    type_into(qtbot, form.phone_edit, "020-8765 4321")
    form.accept()
    assert Member.get().phone == "020-87654321"


def test_new_member_with_every_field_and_relatives(zh, qtbot, warnings):
    form = new_form(qtbot)
    type_into(qtbot, form.name_edit, "周敏")
    type_into(qtbot, form.id_edit, ID_WOMAN)
    form.lunar_radio.setChecked(True)
    type_into(qtbot, form.phone_edit, "13912345678")
    form.ethnicity_combo.setCurrentText("回族")
    form.political_combo.setCurrentText("中共党员")
    form.education_combo.setCurrentText("硕士研究生")
    form.department_combo.setEditText("语文组")
    form.post_combo.setEditText("教研组长")
    form.title_combo.setEditText("高级教师")
    form.employment_combo.setCurrentText("合同")
    type_into(qtbot, form.work_start_edit, "2008.9")
    form.group_combo.setEditText("第一小组")
    type_into(qtbot, form.joined_edit, "2008-10-01")
    form.role_boxes["女工委员"].setChecked(True)
    form.role_boxes["教代会代表"].setChecked(True)
    form.notes_edit.setPlainText("擅长书法")
    row = form.relatives.add_row({"name": "周父", "relation": "父亲", "birth_date": "1956-03-01",
                                  "health": "良好"}, edit=False)
    assert row == 0
    form.relatives.add_row({"name": "小周", "relation": "女儿", "birth_date": "2015-06-01",
                            "work_or_school": "实验小学"}, edit=False)
    form.relatives.add_row(edit=False)  # an empty row is ignored
    screenshot(form, "member-form-new")
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert not warnings
    m = Member.get()
    assert (m.name, m.sex, m.birth_date, m.birthday_lunar) == ("周敏", "女", BIRTH, True)
    assert (m.id_number, m.phone, m.ethnicity) == (ID_WOMAN, "13912345678", "回族")
    assert (m.department, m.post, m.title, m.employment_type) == ("语文组", "教研组长", "高级教师", "合同")
    assert (m.political_status, m.education, m.union_group) == ("中共党员", "硕士研究生", "第一小组")
    assert m.work_start_date == dt.date(2008, 9, 1)
    assert m.joined_union_date == dt.date(2008, 10, 1)
    assert m.union_roles == "女工委员,教代会代表"
    assert (m.status, m.notes) == ("在职", "擅长书法")
    relatives = list(m.relatives.order_by(Relative.id))
    assert [(r.name, r.relation, r.birth_date) for r in relatives] == [
        ("周父", "父亲", dt.date(1956, 3, 1)),
        ("小周", "女儿", dt.date(2015, 6, 1)),
    ]
    assert relatives[1].work_or_school == "实验小学"
    assert form.member.id == m.id


def test_editing_relatives_updates_and_removes(zh, qtbot, warnings):
    m = members.create_member({"name": "周敏", "birth_date": "1986-04-12"})
    members.save_relatives(m, [{"name": "周父", "relation": "父亲"}, {"name": "周母", "relation": "母亲"}])
    form = new_form(qtbot, members.get_member(m.id))
    table = form.relatives.table
    assert table.rowCount() == 2
    table.item(0, form.relatives.keys.index("health")).setText("住院")
    table.selectRow(1)
    form.relatives.remove_selected()
    form.accept()
    assert not warnings
    assert [(r.name, r.health) for r in Relative.select()] == [("周父", "住院")]


def test_a_bad_relative_row_is_marked_and_nothing_is_saved(zh, qtbot, warnings):
    form = new_form(qtbot)
    type_into(qtbot, form.name_edit, "周敏")
    form.relatives.add_row({"name": "周父", "relation": "父亲", "birth_date": "明年"}, edit=False)
    form.accept()
    assert Member.select().count() == 0 and Relative.select().count() == 0
    assert warnings and "第 1 行" in warnings[0] and "出生日期" in warnings[0]
    assert form.relatives.message.isVisible()


def test_same_id_number_is_refused(zh, qtbot, warnings):
    members.create_member({"name": "周敏", "id_number": ID_WOMAN, "department": "语文组"})
    form = new_form(qtbot)
    type_into(qtbot, form.name_edit, "周小敏")
    type_into(qtbot, form.id_edit, ID_WOMAN)
    form.accept()
    assert Member.select().count() == 1
    assert warnings and "不能重复登记" in warnings[0] and "周敏" in warnings[0]
    text, colour = form.message_for("id_number")
    assert colour == "red" and "不能重复登记" in text


@pytest.mark.parametrize("answer, saved", [(QMessageBox.StandardButton.No, 1), (QMessageBox.StandardButton.Yes, 2)])
def test_same_name_and_birth_date_asks_first(zh, qtbot, warnings, monkeypatch, answer, saved):
    members.create_member({"name": "王芳", "birth_date": "1980-05-05", "department": "语文组"})
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    form = new_form(qtbot)
    type_into(qtbot, form.name_edit, "王芳")
    type_into(qtbot, form.birth_edit, "1980-05-05")
    form.department_combo.setEditText("数学组")
    form.accept()
    assert len(asked) == 1 and "确定是另一个人吗" in asked[0]
    assert Member.select().count() == saved
    assert form.result() == (1 if saved == 2 else 0)


def test_status_other_than_active_needs_a_date(zh, qtbot, warnings):
    form = new_form(qtbot)
    type_into(qtbot, form.name_edit, "赵建国")
    form.status_combo.setCurrentText("退休")
    form.accept()
    assert Member.select().count() == 0
    text, colour = form.message_for("status")
    assert colour == "red" and "变动日期" in text
    type_into(qtbot, form.status_date_edit, "2024-12-31")
    form.accept()
    m = Member.get()
    assert (m.status, m.status_date) == ("退休", dt.date(2024, 12, 31))


def test_editing_an_old_record_without_status_date_still_saves(zh, qtbot, warnings):
    m = Member.create(name="老会员", pinyin_key="老会员 laohuiyuan lhy", status="退休")  # imported long ago
    form = new_form(qtbot, members.get_member(m.id))
    form.phone_edit.setText("13900001111")
    form.accept()
    assert not warnings
    assert members.get_member(m.id).phone == "13900001111"


def test_status_change_dialog_carries_a_date(zh, qtbot, warnings):
    m = members.create_member({"name": "赵建国", "birth_date": "1966-07-01", "department": "后勤"})
    dialog = StatusDialog(m)
    qtbot.addWidget(dialog)
    assert dialog.status_combo.currentText() == "退休"
    dialog.date_edit.setDate(QDate(2026, 7, 31))
    dialog.note_edit.setText("到龄退休")
    screenshot(dialog, "member-status")
    assert not english_words(visible_texts(dialog))
    dialog.accept()
    m = members.get_member(m.id)
    assert (m.status, m.status_date) == ("退休", dt.date(2026, 7, 31))
    entry = AuditLog.select().where(AuditLog.table_name == "member").order_by(AuditLog.id.desc()).get()
    assert entry.note == "到龄退休"  # (the membership event it stands for is logged after it)


def test_history_shows_before_and_after(zh, qtbot, warnings):
    m = members.create_member({"name": "周敏", "birth_date": "1986-04-12", "phone": "13900001111"})
    form = new_form(qtbot, members.get_member(m.id))
    form.phone_edit.setText("13900002222")
    form.department_combo.setEditText("语文组")
    form.relatives.add_row({"name": "周父", "relation": "父亲"}, edit=False)
    form.accept()
    form = new_form(qtbot, members.get_member(m.id))
    form.relatives.table.item(0, form.relatives.keys.index("health")).setText("住院")
    form.accept()
    members.change_status(members.get_member(m.id), "调出", dt.date(2025, 8, 31), "调往区教育局")

    dialog = HistoryDialog(members.get_member(m.id))
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [(row.item, row.before, row.after) for row in dialog.rows]
    assert ("联系电话", "13900001111", "13900002222") in rows
    assert ("部门", "", "语文组") in rows
    assert ("状态", "在职", "调出") in rows
    assert ("状态变动日期", "", "2025-08-31") in rows
    assert ("亲属 周父（父亲）：健康状况", "", "住院") in rows
    created = [row for row in dialog.rows if row.item == "会员档案"]
    assert created and created[0].action == "新增" and "姓名：周敏" in created[0].after
    assert any(row.item == "亲属 周父（父亲）" and row.action == "新增" for row in dialog.rows)
    assert [row.note for row in dialog.rows if row.item.startswith("状态")] == ["调往区教育局"] * 2
    # who and when are shown once per change
    status_rows = [r for r, row in enumerate(dialog.rows) if row.item.startswith("状态")]
    assert dialog.table.item(status_rows[0], 2).text() == "修改"
    assert dialog.table.item(status_rows[1], 2).text() == ""
    table_texts = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert "联系电话" in table_texts
    screenshot(dialog, "member-history")
    assert not english_words(visible_texts(dialog))


def test_history_keeps_a_removed_relative(zh, qtbot):
    m = members.create_member({"name": "周敏"})
    members.save_relatives(m, [{"name": "周母", "relation": "母亲"}])
    members.save_relatives(m, [])
    rows = HistoryDialog(members.get_member(m.id)).rows
    assert [row.action for row in rows if row.item.startswith("亲属 周母")] == ["新增", "删除"]


def test_no_english_on_the_form(zh, qtbot, demo_db):
    m = Member.select().join(Relative).where(Member.status == "在职").order_by(Member.id).first()
    form = new_form(qtbot, members.get_member(m.id))
    form.resize(980, 700)
    assert form.relatives.table.rowCount() >= 1
    leftover = english_words(visible_texts(form))
    assert not leftover, leftover
    headers = [form.relatives.table.horizontalHeaderItem(c).text() for c in range(form.relatives.table.columnCount())]
    assert not english_words(headers), headers
    screenshot(form, "member-form-edit")


def test_form_with_warnings_screenshot(zh, qtbot):
    form = new_form(qtbot)
    type_into(qtbot, form.name_edit, "周敏")
    type_into(qtbot, form.birth_edit, "1986-04-13")
    form.birth_edit.editingFinished.emit()
    type_into(qtbot, form.id_edit, ID_WOMAN)
    type_into(qtbot, form.phone_edit, "8765432")
    form.phone_edit.editingFinished.emit()
    form.relatives.add_row({"name": "周父", "relation": "父亲", "birth_date": "1956-03-01"}, edit=False)
    assert form.message_for("birth_date")[1] == "orange"
    assert form.message_for("phone")[1] == "red"
    screenshot(form, "member-form-warnings")
    assert not english_words(visible_texts(form))
    assert form.inputs["birth_date"].text() == "1986-04-13"
    assert form.windowTitle() == "新增会员"


def test_retirement_track_combo_saves_and_loads(zh, qtbot, warnings):
    """退休类别 (issue 15 Decision "Retirement track"): 自动 by default, or one of the three."""
    form = new_form(qtbot)
    combo = form.retirement_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "男60", "女干部55", "女职工50"]
    assert combo.currentData() == ""
    type_into(qtbot, form.name_edit, "周敏")
    type_into(qtbot, form.birth_edit, "1976-07-05")
    combo.setCurrentIndex(combo.findData("女职工50"))
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert not warnings
    m = Member.get()
    assert m.retirement_track == "女职工50"
    # 附件3 of the 2024-09-13 Decision: born 1976-07 → 50 years 10 months
    assert members.retirement_date(m) == dt.date(2027, 5, 5)
    again = new_form(qtbot, members.get_member(m.id))
    assert again.retirement_combo.currentData() == "女职工50"
    again.retirement_combo.setCurrentIndex(0)
    again.accept()
    assert Member.get_by_id(m.id).retirement_track == ""
