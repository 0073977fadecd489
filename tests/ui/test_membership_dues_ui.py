"""会费 on screen (issue 20): the 会费 tab's rows and cells for a period, the arrears highlight and
its warning line, 只看未缴, the totals; a payment through the form (the amount owed filled in, the
"already paid" question answered No then Yes), the batch marking (one batch, one funds entry, the
warned row asked about), bases and exemptions through their forms (refused values shown at the
field), voiding, 首页's open_record, and the payroll import dialog's preview and import.

Expected values are computed here from what the test wrote (base × 0.5 % for a month), not read
back from the widgets under test. Joins are in 2020; "today" is 2026-12-05 (the page is given it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from union_desk.db.fund_models import FundEntry, FundLink
from union_desk.db.membership_models import DuesExemption, DuesPayment, WageBase
from union_desk.domain import membership as rules
from union_desk.services import dues, members
from union_desk.ui.membership import dues_page as dues_page_module
from union_desk.ui.membership.dues_forms import BaseForm, ExemptionForm, PaymentForm, VoidPaymentForm
from union_desk.ui.membership.dues_page import FLAG_BACKGROUND, DuesPage
from union_desk.ui.membership.tab import MembershipTab

TODAY = dt.date(2026, 12, 5)
DEC = rules.parse_period("2026-12")
COLUMNS = ("name", "department", "base", "owed", "paid", "arrears", "note")


@pytest.fixture(autouse=True)
def _english(qapp):
    """These tests read the English sources; a test before may have left the zh_CN translator in."""
    from union_desk.ui import i18n

    i18n.install(qapp, "en")
    yield


@pytest.fixture
def people(db):
    """张三 (语文组, 5,000 since January: 11 months behind), 李四 (数学组, 6,005 since September: 3
    months behind), 王五 (retired: exempt), 赵六 (英语组, 7,200, exempt from June: 长期病休), 钱七 (no
    base)."""
    made = {}
    for name, department, extra in (("张三", "语文组", {}), ("李四", "数学组", {}),
                                    ("王五", "数学组", {"status": "退休", "status_date": "2025-01-01"}),
                                    ("赵六", "英语组", {}), ("钱七", "体育组", {})):
        made[name] = members.create_member({"name": name, "sex": "男", "department": department,
                                            "joined_union_date": "2020-01-01", **extra})
    dues.set_base(made["张三"], "5000", "2026-01-01")
    dues.set_base(made["李四"], "6005", "2026-09-01")
    dues.set_base(made["赵六"], "7200", "2026-01-01")
    dues.add_exemption(made["赵六"], "2026-06-01", None, "长期病休")
    return made


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes recorded instead of shown; `answers` says what question() returns (Yes by default)."""
    shown: list[tuple[str, str]] = []
    answers: list = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, _n=name, **k: shown.append((_n, a[2]))))

    def question(*a, **k):
        shown.append(("question", a[2]))
        return answers.pop(0) if answers else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    shown_answers = (shown, answers)
    return shown_answers


@pytest.fixture
def page(qtbot, people):
    widget = DuesPage(today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1160, 640)
    widget.show()
    widget.refresh()
    widget.set_period(DEC)  # it opens on November (the latest month ended): the tests look at December
    return widget


def owed(base: str, months: int = 1) -> Decimal:
    """base × 0.5 % × months, the part under ten yuan not counted (the default settings)."""
    counted = (Decimal(base) / 10).to_integral_value(rounding="ROUND_FLOOR") * 10
    return (counted * Decimal("0.005") * months).quantize(Decimal("0.01"))


def table(page: DuesPage) -> dict[str, dict[str, str]]:
    model = page.model
    out = {}
    for row in range(model.rowCount()):
        cells = [model.data(model.index(row, c)) for c in range(model.columnCount())]
        out[cells[0]] = dict(zip(COLUMNS, cells))
    return out


def row_of(page: DuesPage, name: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.record_at(r).member.name == name)


def select(page: DuesPage, *names: str) -> None:
    from PySide6.QtCore import QItemSelectionModel

    page.view.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for name in names:
        page.view.selectionModel().select(page.model.index(row_of(page, name), 0), flags)


def accept_form(monkeypatch, prepare=None):
    """The page's forms are accepted as built (after `prepare(form)`) instead of shown modally."""
    opened = []

    def run(form):
        opened.append(form)
        if prepare is not None:
            prepare(form)
        form.show()
        form.accept()
        return form.saved if form.result() == QDialog.DialogCode.Accepted else None

    monkeypatch.setattr(dues_page_module, "run_form", run)
    return opened


# --- the table ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, opening", [("month", "2026-11"), ("quarter", "2026-Q3"), ("half", "2026-H2")])
def test_the_page_opens_on_the_latest_period_ended_except_for_halves(qtbot, people, kind, opening):
    from union_desk.services import settings

    settings.save({"dues_period": kind})
    widget = DuesPage(today=TODAY)
    qtbot.addWidget(widget)
    widget.refresh()
    assert widget.period().code == opening
    assert dues_page_module.opening_period(dt.date(2027, 1, 10), kind).code == {
        "month": "2026-12", "quarter": "2026-Q4", "half": "2027-H1"}[kind]


def test_the_period_rows_show_base_owed_paid_arrears_and_the_reasons(page):
    assert page.period() == rules.period_of(TODAY, "month") == DEC
    cells = table(page)
    assert set(cells) == {"张三", "李四", "王五", "赵六", "钱七"}
    assert cells["张三"] == {"name": "张三", "department": "语文组", "base": "5,000.00", "owed": f"{owed('5000')}",
                            "paid": "0.00", "arrears": "11", "note": ""}
    assert cells["李四"]["base"] == "6,005.00" and cells["李四"]["owed"] == f"{owed('6005')}" == "30.00"
    assert cells["李四"]["arrears"] == "3"
    assert cells["王五"]["owed"] == "0.00" and cells["王五"]["note"] == "免缴：保留会籍（退休）"
    assert cells["赵六"]["owed"] == "0.00" and cells["赵六"]["note"] == "免缴：长期病休"
    assert cells["钱七"]["base"] == "" and cells["钱七"]["note"] == "未设缴费基数"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Name", "Department", "Wage base", "Owed", "Paid", "Months unpaid to date", "Note"]


def test_six_months_in_arrears_is_highlighted_and_counted_above_the_table(page):
    model = page.model
    flagged = model.index(row_of(page, "张三"), 3)
    assert model.data(flagged, Qt.ItemDataRole.BackgroundRole) == FLAG_BACKGROUND
    for name in ("李四", "王五", "钱七"):
        assert model.data(model.index(row_of(page, name), 3), Qt.ItemDataRole.BackgroundRole) is None, name
    assert page.flag_line.isVisible()
    assert page.flag_line.text().startswith("1 member(s)")
    # paid up for the months behind: no longer flagged, the line goes
    for month in range(1, 12):
        dues.record_payment(page.model.record_at(row_of(page, "张三")).member,
                            {"period": f"2026-{month:02d}", "amount": "25", "date": "2026-12-01"})
    page.refresh()
    assert table(page)["张三"]["arrears"] == ""
    assert not page.flag_line.isVisible()


def test_unpaid_only_and_the_totals(page, people):
    total_owed = owed("5000") + owed("6005")
    assert f"owed {total_owed:,.2f}" in page.totals_line.text()
    assert "paid 0.00" in page.totals_line.text() and "collection rate 0.0%" in page.totals_line.text()
    page.unpaid_only.setChecked(True)
    assert set(table(page)) == {"张三", "李四"}
    dues.record_payment(people["李四"], {"period": "2026-12", "amount": "30", "date": "2026-12-02"})
    page.refresh()
    assert set(table(page)) == {"张三"}
    rate = (Decimal("30") * 100 / total_owed).quantize(Decimal("0.1"))
    assert "paid 30.00" in page.totals_line.text() and f"collection rate {rate}%" in page.totals_line.text()
    page.unpaid_only.setChecked(False)
    assert len(table(page)) == 5


def test_another_period_of_the_setting(page, people):
    from union_desk.services import settings

    page.chooser.part.setCurrentIndex(page.chooser.part.findData("09"))
    assert page.period().code == "2026-09"
    assert table(page)["李四"]["owed"] == "30.00"
    settings.save({"dues_period": "quarter"})
    page.refresh()
    assert page.period().code == "2026-Q3"
    assert [page.chooser.part.itemData(i) for i in range(page.chooser.part.count())] == ["Q1", "Q2", "Q3", "Q4"]
    assert table(page)["张三"]["owed"] == f"{owed('5000', 3)}"
    assert table(page)["李四"]["note"] == "未设缴费基数"  # its base starts in September, after 2026-07-01


# --- a payment through the form ----------------------------------------------------------------------------


def test_a_payment_through_the_form_then_the_already_paid_question(qtbot, people, boxes):
    shown, answers = boxes
    lisi = people["李四"]
    form = PaymentForm(lisi, DEC, day=dt.date(2026, 12, 3))
    qtbot.addWidget(form)
    form.show()
    assert form.amount.text() == "30.00"  # what is owed, filled in
    form.method.setCurrentText("现金")
    form.collector.setText("工会会计")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted and not shown
    payment = DuesPayment.get(DuesPayment.member == lisi)
    assert (payment.period, payment.amount, payment.method, payment.collector) == ("2026-12", Decimal("30.00"), "现金",
                                                                                  "工会会计")
    assert payment.receipt == "HF2026-001"
    link = FundLink.get((FundLink.source_kind == "dues") & (FundLink.source_id == payment.id))
    assert link.entry.amount == Decimal("30.00")

    again = PaymentForm(lisi, DEC, day=dt.date(2026, 12, 4))
    qtbot.addWidget(again)
    again.show()
    assert again.amount.text() == ""  # nothing left to pay
    again.amount.setText("30")
    answers.append(QMessageBox.StandardButton.No)
    again.accept()
    assert shown[-1][0] == "question" and "已缴 30.00 元" in shown[-1][1]
    assert again.result() != QDialog.DialogCode.Accepted and again.isVisible()
    assert DuesPayment.select().where(DuesPayment.member == lisi).count() == 1
    again.accept()  # Yes this time
    assert again.result() == QDialog.DialogCode.Accepted
    assert DuesPayment.select().where(DuesPayment.member == lisi).count() == 2


def test_the_period_hint_is_of_this_year(qtbot, people):
    form = PaymentForm(people["张三"], DEC, day=dt.date(2026, 12, 3))
    qtbot.addWidget(form)
    assert "2026-03" in form.period.placeholderText() and "2027" not in form.period.placeholderText()
    later = PaymentForm(people["张三"], DEC, day=dt.date(2031, 1, 3))
    qtbot.addWidget(later)
    assert "2031-Q1" in later.period.placeholderText()


def test_a_cash_payment_from_the_page_says_its_receipt_and_offers_to_print_it(page, people, boxes, monkeypatch):
    from union_desk.ui.hardship import print_actions

    shown, answers = boxes
    printed = []
    monkeypatch.setattr(print_actions, "print_pdf",
                        lambda parent, title, name, write, on_done=None: printed.append(name))
    accept_form(monkeypatch, lambda form: form.method.setCurrentText("现金"))
    select(page, "张三")
    answers.append(QMessageBox.StandardButton.No)
    first = page.record_payment()
    receipt = DuesPayment.get_by_id(first.id).receipt
    assert receipt and receipt.startswith("HF")
    assert shown[-1][0] == "question" and receipt in shown[-1][1] and printed == []  # said; not printed (No)
    select(page, "李四")
    second = page.record_payment()  # Yes: the receipt is printed
    receipt = DuesPayment.get_by_id(second.id).receipt
    assert receipt in shown[-1][1] and printed == [f"会费收据-{receipt}"]
    accept_form(monkeypatch, lambda form: form.method.setCurrentText("工资代扣"))
    dues.void_payment(DuesPayment.get_by_id(first.id), "登记错")
    page.refresh()
    select(page, "张三")
    count = len(shown)
    page.record_payment()  # not cash: no receipt, nothing asked
    assert len(shown) == count


def test_a_refused_amount_shows_at_the_field(qtbot, people, boxes):
    form = PaymentForm(people["张三"], DEC)
    qtbot.addWidget(form)
    form.show()
    form.amount.setText("-3")
    form.accept()
    assert form.isVisible() and form.messages.message("amount")
    assert DuesPayment.select().count() == 0


def test_record_payment_from_the_page_selects_the_row(page, people, boxes, monkeypatch):
    opened = accept_form(monkeypatch)
    select(page, "张三")
    saved = page.record_payment()
    assert isinstance(opened[0], PaymentForm) and saved.amount == owed("5000")
    assert table(page)["张三"]["paid"] == f"{owed('5000')}"
    assert page.current_row().member.name == "张三"


# --- the batch ----------------------------------------------------------------------------------------------


def test_batch_marking_makes_one_batch_and_one_funds_entry_asking_about_the_warned_row(page, people, boxes, monkeypatch):
    shown, answers = boxes
    dues.record_payment(people["李四"], {"period": "2026-12", "amount": "10", "date": "2026-12-01"})
    entries_before = FundEntry.select().count()
    page.refresh()
    select(page, "张三", "李四", "王五")  # 王五 is exempt: not unpaid, left out
    opened = accept_form(monkeypatch, lambda form: form.collector.setText("会计"))
    saved = page.mark_paid()
    form = opened[0]
    assert [r.member.name for r in form.rows] == [r.member.name for r in page.model.records
                                                  if r.member.name in ("张三", "李四")]
    assert shown[-1][0] == "question" and "李四" in shown[-1][1] and "已缴 10.00 元" in shown[-1][1]
    assert {p.member.name: p.amount for p in saved} == {"张三": owed("5000"), "李四": Decimal("20.00")}
    batches = {p.batch for p in DuesPayment.select().where(DuesPayment.id.in_([p.id for p in saved]))}
    assert len(batches) == 1 and next(iter(batches)).startswith("2026-12")
    entries = {link.entry_id for link in FundLink.select().where((FundLink.source_kind == "dues")
                                                                 & FundLink.source_id.in_([p.id for p in saved]))}
    assert len(entries) == 1 and FundEntry.select().count() == entries_before + 1
    assert FundEntry.get_by_id(entries.pop()).amount == owed("5000") + Decimal("20.00")
    cells = table(page)
    assert cells["张三"]["paid"] == "25.00" and cells["李四"]["paid"] == "30.00"


def test_batch_marking_without_the_warned_rows_when_the_answer_is_no(page, people, boxes, monkeypatch):
    shown, answers = boxes
    dues.record_payment(people["李四"], {"period": "2026-12", "amount": "10", "date": "2026-12-01"})
    page.refresh()
    select(page, "张三", "李四")
    answers.append(QMessageBox.StandardButton.No)
    accept_form(monkeypatch)
    saved = page.mark_paid()
    assert [p.member.name for p in saved] == ["张三"]
    assert DuesPayment.select().where(DuesPayment.member == people["李四"]).count() == 1


# --- bases, exemptions, voiding ---------------------------------------------------------------------------------


def test_the_wage_base_form_refuses_at_the_field_then_saves(qtbot, page, people, boxes):
    form = BaseForm(people["钱七"], effective=dt.date(2026, 12, 1))
    qtbot.addWidget(form)
    form.show()
    for bad in ("-5", "2000000"):
        form.amount.setText(bad)
        form.accept()
        assert form.isVisible() and "缴费基数" in form.messages.message("amount"), bad
    assert WageBase.select().where(WageBase.member == people["钱七"]).count() == 0
    form.amount.setText("4,560")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    base = WageBase.get(WageBase.member == people["钱七"])
    assert (base.amount, base.effective) == (Decimal("4560.00"), dt.date(2026, 12, 1))
    page.refresh()
    assert table(page)["钱七"]["owed"] == f"{owed('4560')}" and table(page)["钱七"]["note"] == ""


def test_a_wrong_base_is_deleted_through_the_form_after_a_question(qtbot, page, people, boxes, monkeypatch):
    shown, answers = boxes
    zhang = people["张三"]
    wrong = dues.set_base(zhang, "50000", "2026-12-01")  # a slip: 50,000 for 5,000
    assert table(page)["张三"]["base"] == "5,000.00"  # the page still shows what it read
    page.refresh()
    assert table(page)["张三"]["base"] == "50,000.00"

    def delete_wrong(form):
        assert not form.delete_button.isEnabled()  # nothing selected yet
        texts = [form.history.item(i).text() for i in range(form.history.count())]
        assert texts[0].startswith("2026-12-01 起 50,000.00") and texts[1].startswith("2026-01-01 起 5,000.00")
        answers.append(QMessageBox.StandardButton.No)
        form.history.setCurrentRow(0)
        assert form.delete_button.isEnabled()
        assert not form.delete_selected()  # No: kept
        assert WageBase.get_or_none(WageBase.id == wrong.id) is not None and "50,000.00" in shown[-1][1]
        assert form.delete_selected()  # Yes
        assert form.history.count() == 1 and form.history.item(0).text().startswith("2026-01-01")
        form.done(QDialog.DialogCode.Rejected)  # then cancelled: the page reloads all the same

    def run(form):
        form.show()
        delete_wrong(form)
        return None

    monkeypatch.setattr(dues_page_module, "run_form", run)
    select(page, "张三")
    assert page.set_base() is None
    assert WageBase.get_or_none(WageBase.id == wrong.id) is None
    assert [b.amount for b in dues.bases_of(zhang)] == [Decimal("5000.00")]
    assert table(page)["张三"]["base"] == "5,000.00" and page.current_row().member.id == zhang.id


def test_an_exemption_makes_the_row_exempt_with_its_reason(qtbot, page, people, boxes):
    form = ExemptionForm(people["张三"], start=dt.date(2026, 12, 1))
    qtbot.addWidget(form)
    form.show()
    form.accept()  # no reason
    assert form.isVisible() and "免缴原因" in form.messages.message("reason")
    form.reason.setCurrentText("停薪留职")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    exemption = DuesExemption.get(DuesExemption.member == people["张三"])
    assert (exemption.start, exemption.end, exemption.reason) == (dt.date(2026, 12, 1), None, "停薪留职")
    page.refresh()
    assert table(page)["张三"]["owed"] == "0.00" and table(page)["张三"]["note"] == "免缴：停薪留职"


def test_an_exemption_is_ended_then_another_deleted_through_the_form(qtbot, page, people, boxes, monkeypatch):
    shown, answers = boxes
    zhao = people["赵六"]  # exempt from 2026-06-01, open-ended: 长期病休
    assert table(page)["赵六"]["note"] == "免缴：长期病休"

    def end_it(form):
        assert [form.existing.item(i).text() for i in range(form.existing.count())] == ["2026-06-01 ~ … 长期病休"]
        assert not form.end_button.isEnabled()
        form.existing.setCurrentRow(0)
        form.end_on.setDate(dt.date(2026, 5, 1))  # before the start: refused, nothing removed
        assert not form.end_selected()
        assert "早于" in form.error.text() and len(dues.exemptions_of(zhao)) == 1
        form.end_on.setDate(dt.date(2026, 11, 30))
        form.existing.setCurrentRow(0)
        answers.append(QMessageBox.StandardButton.No)
        assert not form.end_selected()
        assert dues.exemptions_of(zhao)[0].end is None
        assert form.end_selected()
        assert [form.existing.item(i).text() for i in range(form.existing.count())] == ["2026-06-01 ~ 2026-11-30 长期病休"]
        assert "2026-11-30" in shown[-1][1]

    def run(form):
        form.show()
        end_it(form)
        return None  # cancelled after ending

    monkeypatch.setattr(dues_page_module, "run_form", run)
    select(page, "赵六")
    page.exempt()
    [ended] = dues.exemptions_of(zhao)
    assert (ended.start, ended.end, ended.reason) == (dt.date(2026, 6, 1), dt.date(2026, 11, 30), "长期病休")
    assert table(page)["赵六"]["owed"] == f"{owed('7200')}" and table(page)["赵六"]["note"] == ""  # owes December

    wrong = dues.add_exemption(people["张三"], "2026-12-01", None, "产假")  # on the wrong member

    def delete_it(form):
        form.existing.setCurrentRow(0)
        assert form.remove_button.isEnabled()
        assert form.remove_selected()
        assert form.existing.item(0).text() == form.tr("None") and not form.remove_button.isEnabled()

    monkeypatch.setattr(dues_page_module, "run_form", lambda form: form.show() or delete_it(form))
    page.refresh()
    assert table(page)["张三"]["note"] == "免缴：产假"
    select(page, "张三")
    page.exempt()
    assert DuesExemption.get_or_none(DuesExemption.id == wrong.id) is None
    assert table(page)["张三"]["owed"] == f"{owed('5000')}" and "产假" in shown[-1][1]


def test_voiding_a_payment(qtbot, page, people, boxes):
    payment = dues.record_payment(people["张三"], {"period": "2026-12", "amount": "25", "date": "2026-12-01"})
    form = VoidPaymentForm(people["张三"], [payment])
    qtbot.addWidget(form)
    form.show()
    form.accept()
    assert form.isVisible() and "作废原因" in form.messages.message("reason")
    form.reason.setPlainText("重复登记")
    form.accept()
    assert DuesPayment.get_by_id(payment.id).voided
    page.refresh()
    assert table(page)["张三"]["paid"] == "0.00"
    # 说明 says the row owes again because a payment was voided
    assert table(page)["张三"]["note"] == "voided 25.00 paid 2026-12-01: 重复登记"
    assert table(page)["李四"]["note"] == ""


# --- the area page -----------------------------------------------------------------------------------------------


def test_open_record_shows_the_dues_tab_with_the_member_selected(qtbot, people):
    tab = MembershipTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.dues.unpaid_only.setChecked(True)
    tab.open_record("dues_arrears", people["王五"])  # exempt: not among the unpaid, the filter goes
    assert tab.tabs.currentWidget() is tab.dues
    assert tab.dues.current_row().member.id == people["王五"].id
    assert not tab.dues.unpaid_only.isChecked()
    tab.open_record("dues_arrears", people["张三"])
    assert tab.dues.current_row().member.id == people["张三"].id
    assert tab.tabs.count() == 2


# --- the payroll import -------------------------------------------------------------------------------------------


def payroll_file(path, rows) -> str:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "部门", "缴费基数", "代扣会费"])
    for number, row in enumerate(rows, start=1):
        ws.append([number, *row])
    wb.save(path)
    return str(path)


def test_the_payroll_dialog_previews_then_imports(qtbot, tmp_path, people, boxes):
    from union_desk.ui.membership.payroll_import import PayrollImportDialog
    from union_desk.ui.widgets.import_preview import ERROR_BG

    dues.record_payment(people["李四"], {"period": "2026-12", "amount": "30", "date": "2026-12-01"})
    path = payroll_file(tmp_path / "12月代扣.xlsx", [
        ("张三", "语文组", 5000, 25),
        ("李四", "数学组", 6005, 30),  # the same deduction already on file: unchanged
        ("查无此人", "语文组", 5000, 25),  # row 4: no such member
        ("王五", "数学组", 4000, 20),  # exempt: needs confirming
    ])
    dialog = PayrollImportDialog(period=DEC)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(path)
    dialog.go_next()
    assert dialog.current_page() == dialog.PAGE_PREVIEW
    model = dialog.preview_model
    rows = {model.text(item, 1): (model.text(item, 2), model.text(item, 4)) for item in model.shown}
    assert rows["张三"][0] == "新增"
    assert rows["查无此人"][0] == "错误"
    assert "免缴" in rows["王五"][1]
    error_row = next(i for i, item in enumerate(model.shown) if item.row == 4)
    assert model.data(model.index(error_row, 0), Qt.ItemDataRole.BackgroundRole) == ERROR_BG
    assert dialog.preview_counts.counts()["错误"] == 1
    assert dialog.force_box.isEnabled()

    dialog.force_box.setChecked(True)  # checks again with force
    rows = {model.text(item, 1): model.text(item, 2) for item in model.shown}
    assert rows["王五"] == "新增"
    dialog.run_import()
    assert dialog.current_page() == dialog.PAGE_DONE and dialog.report is not None
    paid = {p.member.name: p.amount for p in DuesPayment.select().where(DuesPayment.period == "2026-12")}
    assert paid == {"张三": Decimal("25.00"), "李四": Decimal("30.00"), "王五": Decimal("20.00")}
    new = DuesPayment.select().where(DuesPayment.method == "工资代扣", DuesPayment.batch != "")
    assert len({p.batch for p in new}) == 1

    again = PayrollImportDialog(period=DEC)  # the same list twice: nothing new
    qtbot.addWidget(again)
    again.show()
    again.path_edit.setText(path)
    again.go_next()
    assert again.preview_counts.counts()["新增"] == 0
    assert not again.import_button.isEnabled()


# --- printing -----------------------------------------------------------------------------------------------------


def test_printing_the_sheet_and_a_cash_receipt(page, people, boxes, monkeypatch, tmp_path):
    from union_desk.ui.hardship import print_actions

    printed = []

    def fake_print_pdf(parent, title, name, write, on_done=None):
        target = tmp_path / f"{len(printed)}.pdf"
        result = write(target)
        printed.append((title, name, target))
        return result

    monkeypatch.setattr(print_actions, "print_pdf", fake_print_pdf)
    page.print_sheet()
    assert printed[-1][1] == "会费收缴登记表-2026年12月"
    assert printed[-1][2].read_bytes().startswith(b"%PDF")

    shown, _answers = boxes
    select(page, "张三")
    assert not page.receipt_button.isEnabled()
    page.print_receipt()  # no cash payment: said, nothing printed
    assert shown[-1][0] == "information" and len(printed) == 1
    payment = dues.record_payment(people["张三"], {"period": "2026-12", "amount": "25", "date": "2026-12-03",
                                                   "method": "现金"})
    page.refresh()
    select(page, "张三")
    assert page.receipt_button.isEnabled()
    page.print_receipt()
    assert printed[-1][1] == f"会费收据-{payment.receipt}" and printed[-1][2].read_bytes().startswith(b"%PDF")


def test_the_page_opens_the_payroll_import_for_its_period_and_shows_the_result(page, people, boxes, monkeypatch, tmp_path):
    from union_desk.ui.membership.payroll_import import PayrollImportDialog

    path = payroll_file(tmp_path / "代扣.xlsx", [("张三", "语文组", 5000, 25), ("李四", "数学组", 6005, 30)])
    seen = []

    def run(dialog):
        seen.append(dialog.period().code)
        dialog.path_edit.setText(path)
        dialog.go_next()
        dialog.run_import()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PayrollImportDialog, "exec", run)
    page.chooser.part.setCurrentIndex(page.chooser.part.findData("12"))
    report = page.import_payroll()
    assert seen == ["2026-12"] and report.added == 2
    cells = table(page)
    assert cells["张三"]["paid"] == "25.00" and cells["李四"]["paid"] == "30.00"
    assert "collection rate 100.0%" in page.totals_line.text()
