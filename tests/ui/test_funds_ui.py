"""工会经费 (issue 19) on screen: an entry typed through the form, refused amounts, the over-budget
reason, a reversal through the page (hand entries only), the 明细账's running balance, the
收支汇总 table, a cap group saved through its dialog warning a visit, closing and 反结账, the
categories dialog, 首页 and the settings page.

Expected values are computed here from the rows written, not read back from the widgets under test.
Visits are dated in 2026 (the visits service refuses dates more than a month ahead)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from union_desk import areas
from union_desk.db.fund_models import CapGroup, FundCategory, FundClosing, FundEntry
from union_desk.db.models import VisitType
from union_desk.services import funds, members, visits

YEAR = 2026
D = dt.date


@pytest.fixture
def fdb(db):
    """The test database with the funds area (registered and its step applied while not installed)."""
    added = False
    if "funds" not in {a.key for a in areas.all_areas()}:
        from union_desk.areas.funds import AREA

        areas.register(AREA)
        added = True
    from union_desk.db import database, fund_models

    if not database.current_database().table_exists("fund_category"):
        fund_models.step_7(database.current_database())
    yield db
    if added:
        areas.unregister("funds")


@pytest.fixture
def boxes(monkeypatch):
    """Every message box recorded instead of shown; question answers Yes."""
    shown: list[tuple[str, str]] = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, _n=name, **k: shown.append((_n, a[2]))))

    def question(*a, **k):
        shown.append(("question", a[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return shown


@pytest.fixture
def reasons(monkeypatch):
    """common.ask_reason answered from a list (None = cancelled); the questions asked are kept."""
    from union_desk.ui.funds import common

    answers: list = []
    asked: list[str] = []

    def ask(parent, title, about, label):
        asked.append(about)
        return answers.pop(0)

    monkeypatch.setattr(common, "ask_reason", ask)
    return answers, asked


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tab(qtbot, year=YEAR):
    from union_desk.ui.funds.tab import FundsTab

    page = shown(qtbot, FundsTab())
    page.selector.set_period(year, "year")
    page.resize(1200, 650)
    return page


def entry_form(qtbot, day=D(YEAR, 3, 1)):
    from union_desk.ui.funds.entry_form import EntryForm

    return shown(qtbot, EntryForm(None, day))


def fill(form, code, summary, amount, handler="王会计", attachments=0):
    form.category.setCurrentIndex(form.category.findData(code))
    form.summary.setText(summary)
    form.amount.setText(amount)
    form.amount.editingFinished.emit()
    form.handler.setText(handler)
    form.attachments.setValue(attachments)


def cells(model, row):
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


# --- the entry form ------------------------------------------------------------------------------------


def test_an_entry_typed_through_the_form_is_saved_with_its_serial(qtbot, fdb, boxes):
    form = entry_form(qtbot)
    assert form.handler.text() == ""  # default_handler is empty in a fresh database
    fill(form, "1.2", "购买教工羽毛球", "1,280.50", attachments=3)
    form.accept()
    assert form.result() == form.DialogCode.Accepted
    entry = FundEntry.get()
    assert entry.serial == f"JZ{YEAR}-0001"
    assert (entry.date, entry.category.code, entry.summary, entry.amount, entry.handler, entry.attachments) == (
        D(YEAR, 3, 1), "1.2", "购买教工羽毛球", Decimal("1280.50"), "王会计", 3)
    assert boxes == []
    second = entry_form(qtbot)
    fill(second, "0.2", "拨缴经费", "5000")
    second.accept()
    assert FundEntry.get(FundEntry.summary == "拨缴经费").serial == f"JZ{YEAR}-0002"


def test_the_handler_defaults_to_the_setting(qtbot, fdb):
    from union_desk.services import settings

    settings.save({**settings.get_all(), "default_handler": "李会计"})
    assert entry_form(qtbot).handler.text() == "李会计"


@pytest.mark.parametrize("typed, said", [("0", "应大于 0"), ("-50", "应大于 0"), ("12.345", "最多两位小数"),
                                         ("abc", "不是数字"), ("", "请填写金额")])
def test_refused_amounts_show_the_message_and_save_nothing(qtbot, fdb, boxes, typed, said):
    form = entry_form(qtbot)
    fill(form, "1.2", "购买羽毛球", typed)
    form.accept()
    assert form.isVisible()
    assert said in form.error.text() and form.error.isVisibleTo(form)
    assert boxes and said in boxes[-1][1]
    assert FundEntry.select().count() == 0


def test_past_the_budget_the_reason_is_asked_then_the_entry_saves(qtbot, fdb, boxes):
    funds.set_budget(YEAR, funds.category_by_code("3.2"), "1000")
    funds.add_entry({"date": D(YEAR, 2, 1), "summary": "会议", "category": "3.2", "amount": "800"})
    form = entry_form(qtbot)
    assert not form.reason_shown()
    form.category.setCurrentIndex(form.category.findData("3.2"))
    form.summary.setText("教代会会场布置")
    form.amount.setText("1200")  # typed, not yet left: the warning comes on saving
    form.accept()
    assert form.isVisible() and form.reason_shown()
    assert "超出预算1,000.00元" in form.budget_note.text() and form.budget_note.isVisibleTo(form)
    assert FundEntry.select().count() == 1
    form.accept()  # still no reason: refused again, with the service's message
    assert form.isVisible() and "请填写超预算原因" in form.error.text()
    assert FundEntry.select().count() == 1
    form.reason.setPlainText("临时增加一次代表大会")
    form.accept()
    assert form.result() == form.DialogCode.Accepted
    entry = FundEntry.get(FundEntry.summary == "教代会会场布置")
    assert entry.over_budget_reason == "临时增加一次代表大会"
    assert form.warnings == ["超出预算1,000.00元"]
    assert boxes == []


def test_the_budget_warning_shows_as_the_amount_is_typed(qtbot, fdb):
    funds.set_budget(YEAR, funds.category_by_code("1.2"), "500")
    form = entry_form(qtbot)
    fill(form, "1.2", "球赛", "600")
    assert form.reason_shown() and "超出预算100.00元" in form.budget_note.text()
    form.amount.setText("400")
    form.amount.editingFinished.emit()
    assert not form.reason_shown()


def test_a_date_in_a_closed_period_is_refused_by_the_form(qtbot, fdb, boxes):
    funds.close_period(f"{YEAR}年春季学期", D(YEAR, 2, 1), D(YEAR, 7, 31))
    form = entry_form(qtbot, D(YEAR, 3, 1))
    fill(form, "1.2", "购买羽毛球", "100")
    form.accept()
    assert form.isVisible() and "已结账" in form.error.text()
    assert FundEntry.select().count() == 0


# --- 明细账 -------------------------------------------------------------------------------------------------


def book():
    """Opening 10,000; income 5,000 (03-01); spending 1,200.50 (03-05); a visit of 300 (03-10)."""
    funds.set_opening(YEAR, "10000")
    income, _ = funds.add_entry({"date": D(YEAR, 3, 1), "summary": "拨缴经费", "category": "0.2", "amount": "5000"})
    spend, _ = funds.add_entry({"date": D(YEAR, 3, 5), "summary": "购买羽毛球", "category": "1.2", "amount": "1200.50"})
    member = members.create_member({"name": "张三", "sex": "男"})
    vtype = VisitType.select().order_by(VisitType.id).first()
    visit = visits.create_visit({"member": member, "visit_type": vtype, "cash": "300", "date": D(YEAR, 3, 10)})
    return income, spend, visit


def test_the_ledger_shows_the_running_balance_from_the_opening(qtbot, fdb):
    income, spend, visit = book()
    page = tab(qtbot)
    model = page.ledger.model
    assert model.rowCount() == 4
    assert cells(model, 0)[2] == "上年结余" or cells(model, 0)[2] == "Brought forward from last year"
    assert cells(model, 0)[6] == "10,000.00"
    first = cells(model, 1)
    assert first[:2] == [f"{YEAR}-03-01", income.serial] and first[4] == "5,000.00" and first[5] == ""
    assert first[6] == "15,000.00"
    second = cells(model, 2)
    assert second[4] == "" and second[5] == "1,200.50" and second[6] == "13,799.50"
    third = cells(model, 3)
    assert third[5] == "300.00" and third[6] == "13,499.50"
    assert third[8] == f"走访慰问 {visit.serial}"
    assert first[3] == "0.2 拨缴经费收入"
    assert "13,499.50" in page.ledger.totals.text()


def test_a_reversal_through_the_page_is_red_and_points_back(qtbot, fdb, boxes, reasons):
    income, spend, visit = book()
    page = tab(qtbot)
    answers, asked = reasons
    assert page.ledger.select_entry(spend.id)
    assert page.ledger.reverse_button.isEnabled()
    answers.append("重复登记")
    reversal = page.ledger.reverse_selected()
    assert reversal is not None and spend.serial in asked[0]
    row = FundEntry.get(FundEntry.reverses == spend)
    assert (row.amount, row.category.code, row.date) == (Decimal("-1200.50"), "1.2", spend.date)
    assert row.summary.startswith(f"冲销{spend.serial}")
    model = page.ledger.model
    index = next(i for i, r in enumerate(model.records) if getattr(r, "entry", None) and r.entry.id == row.id)
    assert cells(model, index)[5] == "-1,200.50"
    assert model.data(model.index(index, 2), 9) == QColor("#b00020")  # Qt.ForegroundRole
    assert model.data(model.index(1, 2), 9) is None
    assert cells(model, model.rowCount() - 1)[6] == "14,700.00"
    # the reversed entry (and the reversal itself) cannot be reversed again
    page.ledger.select_entry(spend.id)
    assert not page.ledger.reverse_button.isEnabled()
    page.ledger.select_entry(row.id)
    assert not page.ledger.reverse_button.isEnabled()


def test_an_entry_posted_from_a_visit_is_not_reversed_here(qtbot, fdb, boxes, reasons):
    income, spend, visit = book()
    page = tab(qtbot)
    posted = FundEntry.get(FundEntry.summary.contains(visit.serial))
    page.ledger.select_entry(posted.id)
    assert not page.ledger.reverse_button.isEnabled()
    assert "走访慰问" in page.ledger.hint.text()
    assert page.ledger.reverse_selected() is None
    assert FundEntry.select().where(FundEntry.reverses == posted).count() == 0
    assert reasons[1] == []  # no reason was asked


def test_a_cancelled_reason_reverses_nothing(qtbot, fdb, reasons):
    income, spend, visit = book()
    page = tab(qtbot)
    page.ledger.select_entry(spend.id)
    reasons[0].append(None)
    assert page.ledger.reverse_selected() is None
    assert FundEntry.select().where(FundEntry.reverses.is_null(False)).count() == 0


def test_the_show_source_of_a_hand_entry_says_so(qtbot, fdb, boxes):
    income, spend, visit = book()
    page = tab(qtbot)
    page.ledger.select_entry(spend.id)
    assert not page.ledger.source_button.isEnabled()
    posted = FundEntry.get(FundEntry.summary.contains(visit.serial))
    page.ledger.select_entry(posted.id)
    assert page.ledger.source_button.isEnabled()
    page.ledger.show_source()  # no main window here: the source is said
    assert boxes[-1] == ("information", f"走访慰问 {visit.serial}")


def test_the_category_filter_keeps_the_books_balance(qtbot, fdb):
    book()
    page = tab(qtbot)
    page.ledger.category_filter.setCurrentIndex(page.ledger.category_filter.findData("1.2"))
    model = page.ledger.model
    assert model.rowCount() == 2
    assert cells(model, 1)[6] == "13,799.50"


# --- 收支汇总 ----------------------------------------------------------------------------------------------


def test_the_summary_table_has_the_reports_figures_and_amber_over_budget(qtbot, fdb):
    from union_desk.ui.funds.common import AMBER_BACKGROUND

    book()
    funds.set_budget(YEAR, funds.category_by_code("1.2"), "1000")
    funds.set_budget(YEAR, funds.category_by_code("1.4"), "2000")
    page = tab(qtbot)
    page.tabs.setCurrentWidget(page.summary)
    table = page.summary.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)] for r in range(table.rowCount())}
    assert rows["0.2 拨缴经费收入"] == ["", "5,000.00", "", ""]
    assert rows["1.2 文体活动支出"] == ["1,000.00", "", "1,200.50", "120.1%"]
    assert rows["1.4 职工集体福利支出"] == ["2,000.00", "", "300.00", "15.0%"]
    row_12 = next(r for r in range(table.rowCount()) if table.item(r, 0).text().startswith("1.2"))
    row_14 = next(r for r in range(table.rowCount()) if table.item(r, 0).text().startswith("1.4"))
    assert table.item(row_12, 3).background().color() == QColor(AMBER_BACKGROUND)
    assert table.item(row_14, 3).background().color() != QColor(AMBER_BACKGROUND)
    line = page.summary.figures_line.text()
    for figure in ("10,000.00", "5,000.00", "1,500.50", "13,499.50"):
        assert figure in line
    assert "1.2 文体活动支出 超出预算200.50元" in page.summary.over_line.text()
    last = table.rowCount() - 1
    assert [table.item(last - 1, c).text() for c in range(1, 5)] == ["", "5,000.00", "", ""]
    assert [table.item(last, c).text() for c in range(1, 5)] == ["3,000.00", "", "1,500.50", "50.0%"]
    assert page.summary.reconcile_line.text() == (
        f"{YEAR}年走访慰问入账 300.00 元，与走访慰问台账（工会经费）300.00 元一致")
    assert not page.summary.repost_button.isVisibleTo(page)


def test_a_term_summary_starts_from_the_balance_before_it(qtbot, fdb):
    book()
    funds.add_entry({"date": D(YEAR, 9, 10), "summary": "教师节慰问品", "category": "1.4", "amount": "999.99"})
    page = tab(qtbot)
    page.selector.set_period(YEAR, "autumn")
    page.tabs.setCurrentWidget(page.summary)
    line = page.summary.figures_line.text()
    assert "13,499.50" in line and "999.99" in line and "12,499.51" in line


def test_the_print_buttons_call_the_printouts_with_the_period(qtbot, fdb, monkeypatch):
    import union_desk.printing.funds as printing
    import union_desk.ui.hardship.print_actions as actions

    calls = []
    monkeypatch.setattr(actions, "print_pdf", lambda parent, title, name, write, on_done=None: calls.append((name, write)))
    monkeypatch.setattr(printing, "print_funds_summary", lambda *a: ("summary", a))
    monkeypatch.setattr(printing, "print_final_account", lambda *a: ("final", a))
    monkeypatch.setattr(printing, "print_funds_audit", lambda *a: ("audit", a))
    monkeypatch.setattr(printing, "print_voucher", lambda *a: ("voucher", a))
    income, spend, visit = book()
    page = tab(qtbot)
    page.selector.set_period(YEAR, "spring")
    page.summary.print_summary()
    page.summary.print_final()
    page.summary.print_audit()
    page.tabs.setCurrentWidget(page.ledger)
    page.ledger.select_entry(spend.id)
    page.ledger.print_voucher()
    results = [write("F.pdf") for _name, write in calls]
    assert results == [
        ("summary", (D(YEAR, 2, 1), D(YEAR, 7, 31), "F.pdf", f"{YEAR}年春季学期")),
        ("final", (YEAR, "F.pdf")),
        ("audit", (YEAR, "F.pdf")),
        ("voucher", (spend.id, "F.pdf")),
    ]
    assert calls[3][0] == f"凭单-{spend.serial}"


# --- 预算与限额 --------------------------------------------------------------------------------------------


def test_budgets_and_opening_are_saved_from_the_page(qtbot, fdb, boxes):
    page = tab(qtbot)
    page.tabs.setCurrentWidget(page.budget)
    budget = page.budget
    row = next(r for r in range(budget.budgets.rowCount()) if budget.budgets.item(r, 0).text().startswith("3.2"))
    budget.budgets.item(row, 1).setText("3,000")
    assert budget.save_budgets() == 1
    assert funds.budget_of(funds.category_by_code("3.2"), YEAR) == Decimal("3000.00")
    assert funds.budget_of(funds.category_by_code("3.1"), YEAR) is None
    row = next(r for r in range(budget.budgets.rowCount()) if budget.budgets.item(r, 0).text().startswith("3.1"))
    budget.budgets.item(row, 1).setText("12.345")
    assert budget.save_budgets() == 0 and boxes and "3.1" in boxes[-1][1]
    assert funds.budget_of(funds.category_by_code("3.1"), YEAR) is None
    budget.opening.setText("8,888.88")
    budget.save_opening()
    assert funds.opening_of(YEAR) == Decimal("8888.88")


def test_a_cap_group_saved_through_its_dialog_warns_a_visit_over_it(qtbot, fdb, boxes):
    from union_desk.ui.funds.budget_page import CapGroupForm

    types = {t.name: t for t in VisitType.select()}
    chosen = ["春节送温暖", "三八节慰问", "教师节慰问", "重阳敬老"]
    form = shown(qtbot, CapGroupForm(YEAR))
    form.name.setText("节日慰问")
    form.cap.setText("1500")
    form.goods.setChecked(True)
    for name in chosen:
        form.type_boxes[types[name].id].setChecked(True)
    form.accept()
    assert form.result() == form.DialogCode.Accepted
    group = CapGroup.get(CapGroup.name == "节日慰问")
    assert (group.year, group.cap, group.goods_count) == (YEAR, Decimal("1500.00"), True)
    assert sorted(t.visit_type.name for t in group.types) == sorted(chosen)
    member = members.create_member({"name": "张三", "sex": "男"})
    for name, cash, goods, day in (("春节送温暖", "0", "600", D(YEAR, 1, 20)), ("三八节慰问", "200", "0", D(YEAR, 3, 8)),
                                   ("教师节慰问", "500", "0", D(YEAR, 9, 10))):
        data = {"member": member, "visit_type": types[name], "cash": cash, "date": day}
        if goods != "0":
            data.update({"goods": "慰问品", "goods_value": goods})
        try:
            visits.create_visit(data)
        except visits.CapExceeded:
            visits.create_visit({**data, "over_cap_reason": "测试"})
    warnings = visits.cap_warnings(member, types["重阳敬老"], D(YEAR, 10, 20), Decimal("300"))
    assert any("已发1,300.00元，加上本次共1,600.00元，超过1,500.00元" in w for w in warnings)


def test_the_cap_group_dialog_refuses_without_types(qtbot, fdb):
    from union_desk.ui.funds.budget_page import CapGroupForm

    form = shown(qtbot, CapGroupForm(YEAR))
    form.name.setText("节日慰问")
    form.cap.setText("1500")
    form.accept()
    assert form.isVisible() and "慰问类别" in form.error.text()
    assert CapGroup.select().count() == 0


def test_copy_last_years_cap_groups(qtbot, fdb):
    vtype = VisitType.select().first()
    funds.save_cap_group({"name": "节日慰问", "year": YEAR - 1, "cap": "1000", "goods_count": False,
                          "visit_types": [vtype.id]})
    page = tab(qtbot)
    page.tabs.setCurrentWidget(page.budget)
    assert page.budget.copy_groups_button.isEnabled()
    assert page.budget.copy_last_year() == 1
    copied = CapGroup.get((CapGroup.year == YEAR) & (CapGroup.name == "节日慰问"))
    assert copied.cap == Decimal("1000.00") and not copied.goods_count
    assert [t.visit_type_id for t in copied.types] == [vtype.id]
    assert page.budget.groups_model.rowCount() == 1


# --- 结账 -------------------------------------------------------------------------------------------------


def test_closing_refuses_an_entry_and_reopening_needs_a_reason(qtbot, fdb, boxes, reasons, monkeypatch):
    from union_desk.ui.funds import closing_page

    page = tab(qtbot)
    page.tabs.setCurrentWidget(page.closing)

    def close_spring(form_self):
        form_self.choice.setCurrentIndex(form_self.choice.findText(f"{YEAR}年春季学期"))
        form_self.accept()
        return form_self.result()

    monkeypatch.setattr(closing_page.CloseForm, "exec", close_spring)
    closing = page.closing.close_period()
    assert closing is not None
    assert (closing.label, closing.start_date, closing.end_date, closing.closed) == (
        f"{YEAR}年春季学期", D(YEAR, 2, 1), D(YEAR, 7, 31), True)
    assert page.closing.model.rowCount() == 1
    form = entry_form(qtbot, D(YEAR, 5, 1))
    fill(form, "1.2", "购买羽毛球", "100")
    form.accept()
    assert form.isVisible() and "已结账" in form.error.text()
    assert FundEntry.select().count() == 0

    page.closing.view.selectRow(0)
    assert page.closing.reopen_button.isEnabled()
    answers, asked = reasons
    answers.append(None)  # cancelled: still closed
    assert not page.closing.reopen_selected()
    assert FundClosing.get().closed
    answers.append("补登漏记的凭证")
    assert page.closing.reopen_selected()
    assert not FundClosing.get().closed
    assert "已反结账" in cells(page.closing.model, 0)
    form.accept()
    assert FundEntry.select().count() == 1


def test_the_reason_form_requires_a_reason(qtbot, fdb):
    from union_desk.ui.funds.common import ReasonForm

    form = shown(qtbot, ReasonForm("反结账", "2026年春季学期", "原因"))
    form.accept()
    assert form.isVisible() and form.error.isVisibleTo(form)
    form.reason.setPlainText("补登")
    form.accept()
    assert form.reason_text == "补登" and form.result() == form.DialogCode.Accepted


# --- the categories dialog ----------------------------------------------------------------------------------


def test_categories_add_rename_retire_and_delete(qtbot, fdb, boxes):
    from union_desk.ui.funds.categories_dialog import CategoriesDialog

    dialog = shown(qtbot, CategoriesDialog(None, YEAR))
    dialog.start_new()
    dialog.code.setText("3.5")
    dialog.name.setText("工会干部培训费")
    dialog.budget.setText("2000")
    made = dialog.save()
    assert made is not None and made.kind == "支出"
    assert funds.budget_of(made, YEAR) == Decimal("2000.00")
    dialog.name.setText("干部培训费")
    dialog.save()
    assert FundCategory.get_by_id(made.id).name == "干部培训费"
    funds.add_entry({"date": D(YEAR, 4, 1), "summary": "培训", "category": "3.5", "amount": "100"})
    dialog.refresh(made.id)
    assert not dialog.delete_button.isEnabled()
    assert not dialog.delete()  # the service refuses: it has entries
    assert "只能停用" in dialog.error.text()
    dialog.active.setChecked(False)
    dialog.save()
    assert not FundCategory.get_by_id(made.id).active
    dialog.start_new()
    dialog.code.setText("3.6")
    dialog.name.setText("临时")
    unused = dialog.save()
    assert dialog.delete()
    assert FundCategory.get_or_none(FundCategory.id == unused.id) is None
    dialog.start_new()
    dialog.code.setText("abc")
    dialog.name.setText("坏编码")
    assert dialog.save() is None and "1.4" in dialog.error.text()


def test_the_menu_entry_opens_the_categories_dialog(qtbot, fdb, monkeypatch):
    from union_desk.ui.funds import categories_dialog

    opened = []
    monkeypatch.setattr(categories_dialog.CategoriesDialog, "exec", lambda self: opened.append(self.year.value()) or 0)
    page = tab(qtbot)
    page.edit_categories()
    assert opened == [YEAR]
    area = next(a for a in areas.all_areas() if a.key == "funds")
    assert [(m.nav_key, m.method, m.label) for m in area.menu_actions] == [
        ("funds", "edit_categories", "&Fund categories and budgets…")]


# --- 首页 ---------------------------------------------------------------------------------------------------


def test_home_parts(fdb, tmp_path):
    from union_desk.ui.funds.home import home_parts
    from union_desk.ui.home.parts import HomeContext, HomeFigure, HomeList

    today = D(YEAR, 11, 20)
    assert home_parts(HomeContext(today, tmp_path)) == []
    funds.set_budget(YEAR, funds.category_by_code("3.2"), "1000")
    funds.add_entry({"date": D(YEAR, 3, 2), "summary": "会议", "category": "3.2", "amount": "1500",
                     "over_budget_reason": "加会"})
    last, _ = funds.add_entry({"date": D(YEAR, 4, 2), "summary": "会议", "category": "3.2", "amount": "500",
                               "over_budget_reason": "加会"})
    parts = home_parts(HomeContext(today, tmp_path))
    lists = [p for p in parts if isinstance(p, HomeList)]
    assert len(lists) == 1 and lists[0].lines == ["3.2 会议费 超出预算1,000.00元"]
    assert lists[0].kind == "fund_entry" and lists[0].records[0].id == last.id
    figures = [p for p in parts if isinstance(p, HomeFigure)]
    assert [f.value for f in figures] == [f"{YEAR}年春季学期"]
    funds.close_period(f"{YEAR}年春季学期", D(YEAR, 2, 1), D(YEAR, 7, 31))
    assert [p for p in home_parts(HomeContext(today, tmp_path)) if isinstance(p, HomeFigure)] == []


def test_home_entry_opens_the_entry_in_the_ledger(qtbot, fdb):
    income, spend, visit = book()
    page = tab(qtbot, YEAR - 1)
    page.open_record("fund_entry", spend)
    assert page.selector.period().year == YEAR
    assert page.tabs.currentWidget() is page.ledger
    assert page.ledger.current_entry().id == spend.id


# --- the settings page ----------------------------------------------------------------------------------------


def test_settings_page_values(qtbot, fdb, boxes):
    from union_desk.services import settings
    from union_desk.ui.funds.settings_page import FundsSettingsPage

    page = shown(qtbot, FundsSettingsPage())
    assert page.values() == {"funds_post_goods": "0", "funds_map_visit": "1.4", "funds_map_visit_batch": "2.5",
                             "funds_map_assistance": "2.4", "funds_map_activity": "1.2",
                             "funds_map_activity_training": "1.1"}
    page.combos["funds_map_visit"].setCurrentIndex(page.combos["funds_map_visit"].findData("2.5"))
    assert page.combos["funds_map_visit"].currentText() == "2.5 送温暖费"
    assert page.values()["funds_map_visit"] == "2.5"
    assert "new postings only" in page.hint.text() or "只对以后的记账有效" in page.hint.text()
    settings.save({**settings.get_all(), "funds_map_activity": "1.3"})
    assert FundsSettingsPage().values()["funds_map_activity"] == "1.3"


def test_saving_the_goods_setting_offers_to_repost(qtbot, fdb, boxes):
    from union_desk.services import settings
    from union_desk.ui.funds.settings_page import FundsSettingsPage

    member = members.create_member({"name": "张三", "sex": "男"})
    vtype = VisitType.select().order_by(VisitType.id).first()
    visits.create_visit({"member": member, "visit_type": vtype, "cash": "300", "goods": "水果",
                         "goods_value": "80", "date": D(YEAR, 3, 10)})
    assert funds.reconcile_visits(YEAR).posted == Decimal("300.00")
    page = shown(qtbot, FundsSettingsPage())
    page.post_goods.setChecked(True)
    values = page.values()
    assert values["funds_post_goods"] == "1"
    settings.save({**settings.get_all(), **values})  # what the settings dialog does next
    qtbot.waitUntil(lambda: any(kind == "question" for kind, _t in boxes))
    qtbot.waitUntil(lambda: any(kind == "information" for kind, _t in boxes))
    rec = funds.reconcile_visits(YEAR)
    assert rec.posted == Decimal("380.00") and rec.holds


# --- through the main window ------------------------------------------------------------------------------


def test_show_source_opens_the_visit_in_the_visits_list(qtbot, fdb, db_path, boxes):
    from union_desk.ui.main_window import MainWindow

    income, spend, visit = book()
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("funds")
    page.selector.set_period(YEAR, "year")
    page.tabs.setCurrentWidget(page.ledger)
    posted = FundEntry.get(FundEntry.summary.contains(visit.serial))
    assert page.ledger.select_entry(posted.id)
    page.ledger.show_source()
    assert window.current_key() == "hardship"
    hardship = window.page("hardship")
    assert hardship.inner.currentWidget() is hardship.visits
    assert hardship.visits.current_visit().id == visit.id
    assert boxes == []


def test_a_visit_saved_elsewhere_shows_in_the_ledger_when_it_is_shown_again(qtbot, fdb, db_path):
    from union_desk.ui.change_bus import bus
    from union_desk.ui.main_window import MainWindow

    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("funds")
    page.selector.set_period(YEAR, "year")
    assert page.ledger.model.rowCount() == 1  # the balance brought forward only
    window.show_page("home")
    member = members.create_member({"name": "李四", "sex": "女"})
    visit = visits.create_visit({"member": member, "visit_type": VisitType.select().first(), "cash": "250",
                                 "date": D(YEAR, 5, 5)})
    bus().flush()
    window.show_page("funds")
    model = page.ledger.model
    assert model.rowCount() == 2 and cells(model, 1)[8] == f"走访慰问 {visit.serial}"


def test_show_source_of_a_batch_lists_its_visits(qtbot, fdb, boxes):
    vtype = VisitType.select().order_by(VisitType.id).first()
    people = [members.create_member({"name": name, "sex": "女"}) for name in ("甲", "乙")]
    made = visits.batch_visits([m.id for m in people], vtype.id, "100", D(YEAR, 2, 1))
    page = tab(qtbot)
    entry = FundEntry.get(FundEntry.summary.endswith("2人"))
    page.ledger.select_entry(entry.id)
    page.ledger.show_source()
    kind, text = boxes[-1]
    assert kind == "information" and text.startswith("走访慰问 2人次")
    for visit in made:
        assert f"{visit.serial} {visit.member.name} 100.00" in text


def test_the_summary_offers_to_repost_when_the_book_and_the_visits_differ(qtbot, fdb, boxes):
    from union_desk.services import settings

    member = members.create_member({"name": "张三", "sex": "男"})
    vtype = VisitType.select().order_by(VisitType.id).first()
    visits.create_visit({"member": member, "visit_type": vtype, "cash": "300", "goods": "水果", "goods_value": "80",
                         "date": D(YEAR, 3, 10)})
    settings.save({**settings.get_all(), "funds_post_goods": "1"})  # saved without bringing the postings in line
    page = tab(qtbot)
    page.tabs.setCurrentWidget(page.summary)
    assert "300.00" in page.summary.reconcile_line.text() and "380.00" in page.summary.reconcile_line.text()
    assert "不一致" in page.summary.reconcile_line.text()
    assert page.summary.repost_button.isVisibleTo(page)
    page.summary.repost()
    assert boxes[-1][0] == "information"
    assert page.summary.reconcile_line.text() == (
        f"{YEAR}年走访慰问入账 380.00 元，与走访慰问台账（工会经费）380.00 元一致")
    assert not page.summary.repost_button.isVisibleTo(page)
