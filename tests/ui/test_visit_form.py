"""The visit form, void / reissue, the batch dialog and the visit types dialog, driven through
their real widgets (pytest-qt, offscreen, Chinese interface)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from test_main_window import english_words, screenshot, visible_texts

from union_desk.db.models import AuditLog, Member, Relative, Visit, VisitType
from union_desk.services import members, settings, visits
from union_desk.ui import i18n
from union_desk.ui.hardship.batch_dialog import BatchDialog
from union_desk.ui.hardship.visit_actions import ReissueDialog, void_visit
from union_desk.ui.hardship.visit_form import VisitForm
from union_desk.ui.hardship.visit_types_dialog import VisitTypesDialog
from union_desk.ui.widgets.member_picker import MemberPicker

TODAY = dt.date.today()


def add_member(name: str, **data) -> Member:
    return members.create_member({"name": name, **data})


@pytest.fixture
def styled(qapp):
    """The application's own stylesheet (resources/style.qss), as the real app runs."""
    from union_desk.app import application

    before = qapp.styleSheet()
    application()
    yield
    qapp.setStyleSheet(before)


@pytest.fixture
def people(qapp, db, styled):
    i18n.install(qapp, "zh_CN")
    settings.save({"default_handler": "陈超华"})
    wang = add_member("王芳", sex="女", birth_date="1980-05-01", department="语文组")
    li = add_member("李强", sex="男", birth_date="1975-03-02", department="数学组")
    zhao = add_member("赵建国", sex="男", birth_date="1958-03-02", department="后勤", status="退休", status_date="2018-03-31")
    return wang, li, zhao


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def answers(monkeypatch, *replies):
    """QInputDialog.getText returns these (text, ok) pairs in turn; records the prompts."""
    queue = list(replies)
    prompts: list[str] = []

    def fake(parent, title, label, *args, **kwargs):
        prompts.append(label)
        return queue.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", fake)
    return prompts


def english_on(widget) -> set[str]:
    """English words visible on `widget`, serial numbers (WF2026-0001, data) aside."""
    return english_words([re.sub(r"WF\d{4}-\d{4}", "", text) for text in visible_texts(widget)])


def vtype(name: str) -> VisitType:
    return VisitType.get(VisitType.name == name)


def pick(qtbot, picker: MemberPicker, typed: str, name: str, shot: str = "") -> None:
    """Type into the picker, wait for the popup, choose `name` with the keyboard."""
    picker.setFocus()
    qtbot.keyClicks(picker, typed)
    qtbot.waitUntil(lambda: any(m.name == name for m in picker.results()), timeout=3000)
    popup = picker.completer_.popup()
    if shot:
        qtbot.waitUntil(popup.isVisible, timeout=2000)
        screenshot(popup, shot)
    row = next(i for i, m in enumerate(picker.results()) if m.name == name)
    popup.setCurrentIndex(picker.results_model.index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.member() is not None, timeout=2000)
    assert picker.member().name == name


def choose_type(form, name: str) -> None:
    form.type_combo.setCurrentIndex(form.type_combo.findData(vtype(name).id))


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)


# --- the member picker ----------------------------------------------------------------------------


def test_picker_finds_by_initials_and_full_pinyin_and_shows_department_and_status(qtbot, people):
    picker = MemberPicker()
    qtbot.addWidget(picker)
    picker.show()
    picker.setFocus()
    qtbot.keyClicks(picker, "zjg")
    qtbot.waitUntil(lambda: picker.results_model.rowCount() == 1, timeout=3000)
    assert picker.results_model.item(0).text() == "赵建国\u3000后勤\u3000退休"
    picker.clear()
    qtbot.keyClicks(picker, "wangf")
    qtbot.waitUntil(lambda: [m.name for m in picker.results()] == ["王芳"], timeout=3000)
    picker.choose_row(0)
    assert picker.member().name == "王芳" and picker.text() == "王芳"
    qtbot.keyClicks(picker, "x")  # editing again drops the choice
    assert picker.member() is None


def test_picker_shows_at_most_twenty(qtbot, people):
    for i in range(30):
        add_member(f"张{'一二三四五六七八九十'[i % 10]}{i}", department="体育组")
    picker = MemberPicker()
    qtbot.addWidget(picker)
    picker.show()
    picker.setFocus()
    qtbot.keyClicks(picker, "zhang")
    qtbot.waitUntil(lambda: len(picker.results()) == 20, timeout=3000)


# --- adding a visit ------------------------------------------------------------------------------


def test_add_a_visit_through_the_form(qtbot, people):
    wang, _, _ = people
    form = VisitForm()
    qtbot.addWidget(form)
    form.show()
    pick(qtbot, form.member, "wf", "王芳", shot="member-picker-popup")
    assert form.cash.text() == ""
    choose_type(form, "生病住院")
    assert form.cash.text() == "500.00"  # the type's standard
    assert "标准 500.00 元" in form.standard_hint.text() and "每次上限 1,000.00 元" in form.standard_hint.text()
    assert not form.relative.isVisibleTo(form)
    assert form.handler.text() == "陈超华"  # settings' default handler
    form.reason.insert("阑尾炎手术住院")  # QTest cannot key in Chinese
    form.place.setCurrentText("医院")
    form.goods.insert("水果")  # QTest cannot key in Chinese
    qtbot.keyClicks(form.goods_value, "80")
    screenshot(form, "visit-form")
    assert not english_on(form)
    save(qtbot, form)
    assert form.result() == form.DialogCode.Accepted
    visit = Visit.get()
    assert visit.serial == f"WF{TODAY.year}-0001"
    assert (visit.member_id, visit.visit_type.name, visit.cash) == (wang.id, "生病住院", Decimal("500.00"))
    assert (visit.reason, visit.place, visit.goods, visit.goods_value) == ("阑尾炎手术住院", "医院", "水果", Decimal("80.00"))
    assert visit.handler == "陈超华" and visit.fund_source == "工会经费"
    assert form.saved.id == visit.id


def test_changing_the_type_resets_the_cash_to_its_standard(qtbot, people):
    form = VisitForm()
    qtbot.addWidget(form)
    choose_type(form, "生病住院")
    form.cash.setText("650")
    choose_type(form, "生日")
    assert form.cash.text() == "200.00"


def test_a_bad_amount_shows_the_services_message(qtbot, people, warnings):
    form = VisitForm()
    qtbot.addWidget(form)
    form.show()
    pick(qtbot, form.member, "lq", "李强")
    choose_type(form, "生病住院")
    form.cash.setText("五百")
    save(qtbot, form)
    assert warnings and "慰问金" in warnings[0]
    assert Visit.select().count() == 0 and form.result() != form.DialogCode.Accepted


def test_over_the_cap_asks_for_a_reason_and_saves_only_with_one(qtbot, people, warnings, monkeypatch):
    form = VisitForm()
    qtbot.addWidget(form)
    form.show()
    pick(qtbot, form.member, "wf", "王芳")
    choose_type(form, "生病住院")  # cap 1,000 per visit
    form.cash.setText("1200")
    prompts = answers(monkeypatch, ("", False), ("  ", True), ("住院手术，经工会委员会研究", True))
    save(qtbot, form)  # cancelled
    assert Visit.select().count() == 0 and len(prompts) == 1
    assert "每次标准上限 1,000.00 元，本次 1,200.00 元" in prompts[0] and "原因" in prompts[0]
    save(qtbot, form)  # a blank reason is no reason
    assert Visit.select().count() == 0 and warnings and "请填写原因" in warnings[-1]
    save(qtbot, form)
    visit = Visit.get()
    assert visit.cash == Decimal("1200.00") and visit.over_cap_reason == "住院手术，经工会委员会研究"
    assert form.result() == form.DialogCode.Accepted


def test_a_condolence_type_needs_a_relative(qtbot, people, warnings):
    wang, li, _ = people
    mother = Relative.create(member=wang, name="赵桂兰", relation="母亲", death_date=TODAY - dt.timedelta(days=3))
    Relative.create(member=wang, name="周明", relation="配偶")
    Relative.create(member=li, name="李父", relation="父亲", death_date=TODAY)
    form = VisitForm()
    qtbot.addWidget(form)
    form.show()
    choose_type(form, "直系亲属去世")
    assert form.relative.isVisibleTo(form)
    assert form.cash.text() == "1000.00"
    pick(qtbot, form.member, "wf", "王芳")
    # only the member's own relatives are offered; the one who died is chosen for you
    offered = [form.relative.itemText(i) for i in range(form.relative.count())]
    assert offered[1:] == [f"母亲 赵桂兰（{mother.death_date:%Y-%m-%d} 去世）", "配偶 周明"]
    assert form.relative.currentData() == mother.id
    form.relative.setCurrentIndex(0)  # 请选择亲属
    save(qtbot, form)
    assert Visit.select().count() == 0 and "需要选择去世的亲属" in warnings[-1]
    form.relative.setCurrentIndex(1)
    screenshot(form, "visit-form-condolence")
    assert not english_on(form)
    save(qtbot, form)
    visit = Visit.get()
    assert visit.relative_id == mother.id and visit.visit_type.name == "直系亲属去世"


def test_prefilled_form_for_a_due_visit(qtbot, people):
    wang, _, _ = people
    mother = Relative.create(member=wang, name="赵桂兰", relation="母亲", death_date=TODAY)
    form = VisitForm(member=wang, visit_type_name="直系亲属去世", relative=mother)
    qtbot.addWidget(form)
    assert form.member.member().id == wang.id
    assert form.current_type().name == "直系亲属去世" and form.cash.text() == "1000.00"
    assert form.relative.currentData() == mother.id


# --- edit, void, reissue -------------------------------------------------------------------------


def make_visit(member, type_name="生病住院", cash=500, **extra) -> Visit:
    return visits.create_visit({"member": member.id, "visit_type": vtype(type_name).id, "date": TODAY, "cash": cash, **extra})


def test_edit_a_visit(qtbot, people):
    wang, _, _ = people
    visit = make_visit(wang, reason="住院")
    form = VisitForm(visit=visits.get_visit(visit.id))
    qtbot.addWidget(form)
    form.show()
    assert form.member.member().id == wang.id and form.cash.text() == "500.00"
    assert not form.printed_note.isVisibleTo(form)
    form.cash.setText("600")
    form.follow_up.setPlainText("已出院")
    save(qtbot, form)
    stored = Visit.get_by_id(visit.id)
    assert stored.cash == Decimal("600.00") and stored.follow_up == "已出院" and stored.serial == visit.serial


def test_a_printed_visits_amount_is_fixed_and_the_form_offers_void_and_reissue(qtbot, people, monkeypatch):
    wang, _, _ = people
    visit = make_visit(wang)
    visits.mark_printed(visit)
    form = VisitForm(visit=visits.get_visit(visit.id))
    qtbot.addWidget(form)
    form.show()
    assert form.printed_note.isVisibleTo(form) and visit.serial in form.printed_note.text()
    form.cash.setText("800")
    questions: list[str] = []

    def no(*args, **kwargs):
        questions.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    save(qtbot, form)
    assert "已打印" in questions[0] and Visit.get_by_id(visit.id).cash == Decimal("500.00")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    answers(monkeypatch, ("金额应为800元", True))
    save(qtbot, form)
    old = Visit.get_by_id(visit.id)
    new = form.saved
    assert old.voided and old.void_reason == "金额应为800元" and old.cash == Decimal("500.00")
    assert new.replaces_id == old.id and new.cash == Decimal("800.00") and new.serial != old.serial


def test_void_needs_a_reason(qtbot, people, warnings, monkeypatch):
    wang, _, _ = people
    visit = make_visit(wang)
    prompts = answers(monkeypatch, ("   ", True), ("", False), ("重复登记", True))
    assert void_visit(None, visit) is False
    assert warnings and "作废必须填写原因" in warnings[0]
    assert void_visit(None, visits.get_visit(visit.id)) is False  # cancelled
    assert not Visit.get_by_id(visit.id).voided
    assert void_visit(None, visits.get_visit(visit.id)) is True
    stored = Visit.get_by_id(visit.id)
    assert stored.voided and stored.void_reason == "重复登记"
    assert visit.serial in prompts[0]
    assert AuditLog.select().where((AuditLog.action == "void") & (AuditLog.record_id == visit.id)).count() == 1


def test_reissue_dialog_voids_and_issues_a_new_serial(qtbot, people, warnings, monkeypatch):
    wang, _, _ = people
    visit = make_visit(wang)
    dialog = ReissueDialog(visits.get_visit(visit.id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cash.text() == "500.00"
    dialog.cash.setText("600")
    screenshot(dialog, "reissue")
    assert not english_on(dialog)
    dialog.accept()  # no reason
    assert warnings and "作废必须填写原因" in warnings[-1] and not Visit.get_by_id(visit.id).voided
    # over the cap: the reason is asked for and the whole reissue is retried
    dialog.cash.setText("1500")
    dialog.reason.insert("金额登记错误")  # QTest cannot key in Chinese
    answers(monkeypatch, ("大手术，经委员会研究", True))
    dialog.accept()
    old, new = Visit.get_by_id(visit.id), dialog.saved
    assert old.voided and old.void_reason == "金额登记错误"
    assert new.cash == Decimal("1500.00") and new.replaces_id == old.id and new.over_cap_reason == "大手术，经委员会研究"
    assert Visit.select().count() == 2


# --- batch ---------------------------------------------------------------------------------------


def test_batch_rules_fill_the_list(qtbot, people):
    from union_desk.services import hardship

    wang, li, zhao = people
    hardship.open_file(wang, {"grade": "相对困难", "main_cause": "低收入"})
    dialog = BatchDialog()
    qtbot.addWidget(dialog)
    assert dialog.chosen_ids() == [wang.id]  # open hardship files by default
    dialog.rule_retirees.click()
    assert dialog.chosen_ids() == [zhao.id]
    dialog.rule_own.click()
    assert dialog.chosen_ids() == []


def test_batch_creates_every_visit_in_one_go(qtbot, people, monkeypatch):
    wang, li, zhao = people
    dialog = BatchDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.rule_own.click()
    for typed, name in (("wf", "王芳"), ("lq", "李强"), ("zjg", "赵建国")):
        pick(qtbot, dialog.picker, typed, name)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_ids() == [wang.id, li.id, zhao.id]
    dialog.member_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # not 李强
    assert dialog.count.text() == "已选 2 人"
    assert dialog.type_combo.currentData() == vtype("春节送温暖").id and dialog.amount.text() == "500.00"
    screenshot(dialog, "batch")
    assert not english_on(dialog)
    save(qtbot, dialog)
    made = list(Visit.select().order_by(Visit.serial))
    assert [v.member_id for v in made] == [wang.id, zhao.id]
    assert len({v.batch for v in made}) == 1 and made[0].batch
    assert {v.cash for v in made} == {Decimal("500.00")} and {v.handler for v in made} == {"陈超华"}
    assert [v.serial for v in made] == [f"WF{TODAY.year}-0001", f"WF{TODAY.year}-0002"]
    assert dialog.created and [v.id for v in dialog.created] == [v.id for v in made]


def test_a_refused_batch_creates_nothing(qtbot, people, warnings, monkeypatch):
    wang, li, zhao = people
    make_visit(wang, "春节送温暖", 1100)  # 王芳 is already near the yearly cap of 1,500
    dialog = BatchDialog(initial_members=[wang, li, zhao])
    qtbot.addWidget(dialog)
    # a condolence type cannot be given in a batch (no relative): nothing is saved
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(vtype("直系亲属去世").id))
    dialog.accept()
    assert Visit.select().count() == 1 and "整批未保存" in warnings[-1] and "需要选择去世的亲属" in warnings[-1]
    # over the cap for one member: the reason is asked for; no reason, nothing saved
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(vtype("春节送温暖").id))
    prompts = answers(monkeypatch, ("", False), ("困难职工加发，经委员会研究", True))
    dialog.accept()
    assert Visit.select().count() == 1 and "王芳" in prompts[0]
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.accept()
    made = Visit.select().where(Visit.batch != "")
    assert made.count() == 3 and {v.over_cap_reason for v in made} == {"困难职工加发，经委员会研究"}


# --- visit types ---------------------------------------------------------------------------------


def test_visit_types_dialog_edits_retires_and_adds(qtbot, people, warnings, monkeypatch):
    dialog = VisitTypesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    names = [t.name for t in dialog.model.records]
    dialog.view.selectRow(names.index("生日"))
    assert dialog.name.text() == "生日" and dialog.cap_year.text() == "300.00" and dialog.cap_visit.text() == ""
    dialog.standard.setText("300")
    dialog.cap_year.setText("")  # no cap any more
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    birthday = vtype("生日")
    assert birthday.standard_amount == Decimal("300.00") and birthday.cap_per_member_year is None
    dialog.view.selectRow(names.index("家庭纠纷"))
    dialog.active.setChecked(False)
    dialog.save()
    assert vtype("家庭纠纷").active is False
    dialog.new_type()
    dialog.save()
    assert "类别名称不能为空" in warnings[-1]
    dialog.name.insert("高温慰问")  # QTest cannot key in Chinese
    dialog.group.setCurrentText("节日")
    dialog.standard.setText("100")
    dialog.cap_visit.setText("abc")
    dialog.save()
    assert "金额格式不对" in warnings[-1] and not VisitType.select().where(VisitType.name == "高温慰问").exists()
    dialog.cap_visit.setText("200")
    dialog.save()
    added = vtype("高温慰问")
    assert (added.group, added.standard_amount, added.cap_per_visit, added.active) == ("节日", Decimal("100.00"), Decimal("200.00"), True)
    screenshot(dialog, "visit-types")
    assert not english_on(dialog)
    # retired types are not offered for new visits
    form = VisitForm()
    qtbot.addWidget(form)
    offered = [form.type_combo.itemText(i) for i in range(form.type_combo.count())]
    assert "高温慰问（节日）" in offered and not any(t.startswith("家庭纠纷") for t in offered)
