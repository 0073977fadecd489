"""The funds printouts (issue 19): 支出凭单 / 收入凭单 / 冲销凭单, 收支汇总表 + 预算执行表, 决算, 经费审查报告."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest

from union_desk.errors import NotFoundError, ValidationError

D = Decimal


@pytest.fixture
def funds_area(school):
    """The funds area, registered for the test (with schema step 7) while it is not yet installed."""
    from union_desk import areas
    from union_desk.db import database, migrations

    registered = False
    if "funds" not in {a.key for a in areas.all_areas()}:
        from union_desk.areas.funds import AREA
        from union_desk.db.fund_models import step_7

        areas.register(AREA)
        registered = True
        if migrations.SCHEMA_VERSION < 7:
            step_7(database.current_database())
    yield school
    if registered:
        areas.unregister("funds")


@dataclass
class Book:
    voucher: object  # 1,234.50 on 1.4 职工集体福利支出, 3 attachments, over budget with a reason
    income: object  # 拨缴经费 20,000.00
    visit_entry: object  # posted from 王芳's visit
    reversal: object  # the reversal of a voided visit's posting
    visit: object


def _vtype(name):
    from union_desk.db.models import VisitType

    return VisitType.get(VisitType.name == name)


@pytest.fixture
def book(funds_area):
    """A year 2026 of the funds book: an opening balance, budgets, income, a visit posted, a visit
    voided (a reversal), an over-cap visit, a manual entry over budget."""
    from union_desk.services import funds, visits

    school = funds_area
    funds.set_opening(2026, "5000")
    funds.set_budget(2026, funds.category_by_code("1.4"), "2000")
    funds.set_budget(2026, funds.category_by_code("3.2"), "1000")
    income, _w = funds.add_entry({"date": "2026-01-10", "summary": "收到行政拨缴经费", "category": "0.2",
                                  "amount": "20000", "handler": "陈超华", "attachments": "1"})
    visit = visits.create_visit({"member": school.wang, "visit_type": _vtype("生病住院"), "cash": "500",
                                 "date": "2026-02-03", "handler": "陈超华"})
    gone = visits.create_visit({"member": school.li, "visit_type": _vtype("生病住院"), "cash": "300",
                                "date": "2026-02-05", "handler": "陈超华"})
    visits.void_visit(gone, "重复登记")
    visits.create_visit({"member": school.li, "visit_type": _vtype("生病住院"), "cash": "3000",
                         "date": "2026-03-01", "handler": "陈超华", "over_cap_reason": "重病住院，经工会委员会研究"})
    funds.add_entry({"date": "2026-03-20", "summary": "会议茶水", "category": "3.2", "amount": "300"})
    voucher, warnings = funds.add_entry({
        "date": "2026-04-02", "summary": "教职工体检补助", "category": "1.4", "amount": "1234.50",
        "handler": "陈超华", "attachments": "3", "over_budget_reason": "体检人数增加"})
    assert warnings and warnings[0].startswith("超出预算")
    entries = funds.list_entries()
    visit_entry = next(e for e in entries if funds.links_of(e) and visit.serial in funds.source_text(e))
    reversal = next(e for e in entries if e.reverses_id)
    return Book(voucher, income, visit_entry, reversal, visit)


def flat(pdf, path) -> str:
    return pdf.flat(path)


def font_sizes(path) -> set[float]:
    """The printed size (pt) of every piece of text in the PDF (as test_congress_print.text_sizes)."""
    from pypdf import PdfReader

    found: set[float] = set()
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):
            if not text.strip():
                return
            c_, d_ = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            found.add(round(size * (c_ * c_ + d_ * d_) ** 0.5, 2))

        page.extract_text(visitor_text=visit)
    assert found, "no text found"
    return found


# --- voucher -------------------------------------------------------------------------------------


def test_voucher_figures_capitals_serial_and_signatures(book, pdf, tmp_path):
    from union_desk.printing.funds import print_voucher

    out = print_voucher(book.voucher.id, tmp_path / "v.pdf")
    assert out.pages == 1 and out.path.exists()
    text = flat(pdf, out.path)
    assert "支出凭单" in text and "收入凭单" not in text
    assert book.voucher.serial in text and re.fullmatch(r"JZ2026-\d{4}", book.voucher.serial)
    assert "1,234.50" in text
    assert "人民币壹仟贰佰叁拾肆元伍角整" in text
    assert "1.4职工集体福利支出" in text
    assert "3张" in text and "教职工体检补助" in text
    assert "2026年4月2日" in text
    assert "超预算原因：体检人数增加" in text
    for label in ("经办人", "证明人", "审批人", "会计", "出纳"):
        assert f"{label}：" in text
    assert "杭州市文澜实验学校工会委员会" in text
    assert min(font_sizes(out.path)) >= 9


def test_voucher_page_follows_the_slip_size(book, pdf, tmp_path):
    from pypdf import PdfReader

    from union_desk.printing.funds import print_voucher
    from union_desk.services import settings

    out = print_voucher(book.voucher.id, tmp_path / "a5.pdf")
    box = PdfReader(str(out.path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 420)  # A5 landscape
    settings.save({"slip_size": "half-A4"})
    out = print_voucher(book.voucher.id, tmp_path / "half.pdf")
    box = PdfReader(str(out.path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4, the top half used
    assert "沿此虚线裁开" in flat(pdf, out.path)


def test_income_voucher_and_the_source(book, pdf, tmp_path):
    from union_desk.printing.funds import print_voucher

    text = flat(pdf, print_voucher(book.income.id, tmp_path / "i.pdf").path)
    assert "收入凭单" in text and "支出凭单" not in text
    assert "人民币贰万元整" in text and "20,000.00" in text
    assert "手工记账" in text
    text = flat(pdf, print_voucher(book.visit_entry.id, tmp_path / "p.pdf").path)
    assert f"走访慰问{book.visit.serial}" in text
    assert "人民币伍佰元整" in text


def test_reversal_prints_as_a_reversal_voucher_with_the_original(book, pdf, tmp_path):
    from union_desk.printing.funds import print_voucher

    text = flat(pdf, print_voucher(book.reversal.id, tmp_path / "r.pdf").path)
    original = book.reversal.reverses
    assert "冲销凭单" in text and "支出凭单" not in text
    assert f"原凭证号：{original.serial}" in text
    assert "-￥300.00" in text and "人民币叁佰元整（冲销）" in text


def test_voucher_refusals(book, tmp_path):
    from union_desk.printing.funds import print_voucher

    with pytest.raises(NotFoundError):
        print_voucher(99999, tmp_path / "x.pdf")
    with pytest.raises(NotFoundError):
        print_voucher("abc", tmp_path / "x.pdf")
    with pytest.raises(ValidationError):
        print_voucher(book.voucher.id, tmp_path / "x.txt")
    assert not (tmp_path / "x.pdf").exists()


def test_capitals_text():
    from union_desk.printing.funds import capitals_text, rate_text

    assert capitals_text(D("1234.50")) == "人民币壹仟贰佰叁拾肆元伍角整"
    assert capitals_text(D("1234.56")) == "人民币壹仟贰佰叁拾肆元伍角陆分"
    assert capitals_text(D("1005.00")) == "人民币壹仟零伍元整"
    assert capitals_text(D("-300")) == "人民币叁佰元整"
    assert rate_text(D("1.21725")) == "121.7%" and rate_text(None) == "—"


# --- 收支汇总表 -----------------------------------------------------------------------------------------


def test_summary_totals_execution_and_over_budget(book, pdf, tmp_path):
    from union_desk.printing.funds import print_funds_summary, summary_rows
    from union_desk.services import funds

    out = print_funds_summary("2026-01-01", "2026-12-31", tmp_path / "s.pdf", "2026年")
    text = flat(pdf, out.path)
    assert out.pages >= 1
    assert "2026年经费收支汇总表" in text and "2026年预算执行表" in text
    # opening 5,000 + income 20,000 − spending (500 + 3,000 + 300 + 1,234.50) = 19,965.50
    report = funds.report(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert report.spending == D("5034.50") and report.closing == D("19965.50")
    for figure in ("5,000.00", "20,000.00", "5,034.50", "19,965.50"):
        assert figure in text
    # 1.4: budget 2,000, spent 500 + 3,000 + 1,234.50 = 4,734.50 → 236.7%, 超预算2,734.50
    assert "1.4职工集体福利支出2,000.004,734.50236.7%超预算2,734.50" in text
    assert "3.2会议费1,000.00300.0030.0%" in text
    assert "1.4职工集体福利支出超出预算2,734.50元" in text
    rows, marks = summary_rows(report)
    over = [rows[r - 1] for r in marks["over"]]
    assert [r[0] for r in over] == ["1.4"]
    assert "制表人：" in text and "审核人：" in text
    assert min(font_sizes(out.path)) >= 9


def test_summary_of_a_term_and_a_school_year(book, pdf, tmp_path):
    from union_desk.printing.funds import print_funds_summary

    text = flat(pdf, print_funds_summary("2026-02-01", "2026-03-31", tmp_path / "t.pdf", "2026年春季学期").path)
    assert "2026年春季学期经费收支汇总表" in text
    # the opening at 1 February: 5,000 + 20,000; the term spends 500 + 3,000 + 300
    assert "25,000.00" in text and "3,800.00" in text
    assert "2026年预算执行表（截至2026年3月31日）" in text
    text = flat(pdf, print_funds_summary("2025-09-01", "2026-08-31", tmp_path / "y.pdf", "2025—2026学年").path)
    assert "2025—2026学年经费收支汇总表" in text
    assert "2025年预算执行表" in text and "2026年预算执行表（截至2026年8月31日）" in text
    assert "预算”为这些年度预算之和" in text
    # 2026's opening (5,000) was set by hand while 2025 ends at 0: the sheet says so
    assert "账面结余（2026年初结余起算）为19,965.50元，与按本期收支推算的期末结余相差5,000.00元" in text


def test_summary_refusals(book, tmp_path):
    from union_desk.printing.funds import print_funds_summary

    with pytest.raises(ValidationError):
        print_funds_summary("2026-12-31", "2026-01-01", tmp_path / "s.pdf", "2026年")
    with pytest.raises(ValidationError):
        print_funds_summary("2026-13-01", "2026-12-31", tmp_path / "s.pdf", "2026年")


# --- 决算 --------------------------------------------------------------------------------------------


def test_final_account(book, pdf, tmp_path):
    from union_desk.printing.funds import print_final_account

    out = print_final_account(2026, tmp_path / "f.pdf")
    assert out.pages == 1
    text = flat(pdf, out.path)
    assert "2026年度经费决算表" in text
    assert "一、上年结余5,000.00" in text
    assert "二、本年收入20,000.00" in text and "0.2拨缴经费收入20,000.00" in text
    assert "三、本年支出3,000.005,034.50167.8%" in text  # budgets 2,000 + 1,000
    assert "1.4职工集体福利支出2,000.004,734.50236.7%超预算2,734.50" in text
    assert "四、本年结余19,965.50" in text
    for label in ("工会主席：", "经审委员会：", "经办人：", "日期："):
        assert label in text
    assert min(font_sizes(out.path)) >= 9
    with pytest.raises(ValidationError):
        print_final_account("二〇二六", tmp_path / "f2.pdf")


# --- 经费审查报告 -------------------------------------------------------------------------------------


def test_funds_audit(book, pdf, tmp_path):
    from union_desk.printing.funds import print_funds_audit
    from union_desk.services import funds

    out = print_funds_audit(2026, tmp_path / "a.pdf")
    text = flat(pdf, out.path)
    assert "杭州市文澜实验学校工会2026年度经费审查报告" in text
    assert "上年结余5,000.00元，本年收入20,000.00元，本年支出5,034.50元，年末结余19,965.50元" in text
    assert "预算执行率167.8%" in text
    # over budget: the category and the entry with its reason
    assert "1.4职工集体福利支出2,000.004,734.502,734.50236.7%" in text
    assert f"{funds.get_entry(book.voucher.id).serial}2026-04-02教职工体检补助1,234.50体检人数增加" in text
    # over cap: 李强's 3,000 with the reason
    assert "2026-03-01李强生病住院3,000.00重病住院，经工会委员会研究" in text
    # reconciliation: posted 500 + 3,000 (the voided 300 reversed in its own year) = the ledger
    rec = funds.reconcile_visits(2026)
    assert rec.holds and rec.posted == rec.ledger == D("3500.00")
    assert "由走访慰问记入的支出合计3,500.00元" in text and "两者一致，分文不差" in text
    for label in ("经审委员会主任：", "委员："):
        assert label in text
    assert "杭州市文澜实验学校工会经费审查委员会" in text and "委员会经费审查" not in text
    assert min(font_sizes(out.path)) >= 9


def test_audit_lists_late_reversals(book, school, pdf, tmp_path):
    """A visit of last year voided after last year was closed: the reversal is dated the day of the
    void, this year; this year's report lists it and the difference is explained."""
    from union_desk.printing.funds import print_funds_audit, reconciliation_text
    from union_desk.services import funds, visits

    year = dt.date.today().year
    old = visits.create_visit({"member": school.wang, "visit_type": _vtype("结婚"), "cash": "500",
                               "date": f"{year - 1}-06-01", "handler": "陈超华"})
    funds.close_period(f"{year - 1}年", f"{year - 1}-01-01", f"{year - 1}-12-31")
    visits.void_visit(old, "登记错误")
    rec = funds.reconcile_visits(year)
    assert [e.reverses.serial for e in rec.late_reversals] == [e.serial for e in funds.list_entries()
                                                               if funds.links_of(e) and old.serial in funds.source_text(e)
                                                               and not e.reverses_id]
    assert rec.holds and rec.difference == D("-500.00")
    assert reconciliation_text(rec).endswith("账实相符。")
    text = flat(pdf, print_funds_audit(year, tmp_path / "late.pdf").path)
    late = rec.late_reversals[0]
    assert "经费账比台账少500.00元，系1笔跨年度冲销所致" in text
    assert f"{late.serial}{late.date:%Y-%m-%d}{late.reverses.serial}{year - 1}-06-01-500.00" in text


def test_reconciliation_sentence_when_it_does_not_hold(book):
    from union_desk.printing.funds import reconciliation_text
    from union_desk.services import funds

    rec = funds.Reconciliation(2026, D("3500.00"), D("3400.00"), [], D("0.00"))
    assert not rec.holds
    assert reconciliation_text(rec).endswith("经费账比台账多100.00元，尚有100.00元未能核对一致，需查明原因。")


def test_empty_year_prints(funds_area, pdf, tmp_path):
    from union_desk.printing.funds import print_final_account, print_funds_audit, print_funds_summary

    assert print_final_account(2025, tmp_path / "f.pdf").pages == 1
    text = flat(pdf, print_funds_audit(2025, tmp_path / "a.pdf").path)
    assert "本年未编制支出预算" in text and "本年没有超过慰问标准或限额的走访慰问" in text
    assert "两者一致，分文不差" in text
    assert print_funds_summary("2025-01-01", "2025-12-31", tmp_path / "s.pdf", "2025年").pages == 1


def test_long_summary_and_notes_stay_on_one_voucher(funds_area, pdf, tmp_path):
    from union_desk.printing.funds import print_voucher
    from union_desk.services import funds

    entry, _w = funds.add_entry({"date": "2026-05-06", "summary": "购买教职工运动会奖品及饮用水" * 8,
                                 "category": "1.2", "amount": "99999.99", "notes": "发票另附。" * 60})
    out = print_voucher(entry.id, tmp_path / "long.pdf")
    assert out.pages == 1
    text = flat(pdf, out.path)
    assert "人民币玖万玖仟玖佰玖拾玖元玖角玖分" in text and "99,999.99" in text
    assert text.count("……") == 2  # the summary and the notes were cut to their boxes
    assert "审批人：" in text and min(font_sizes(out.path)) >= 9


def test_audit_without_a_school_name_uses_the_union(funds_area, pdf, tmp_path):
    from union_desk.printing.funds import print_funds_audit
    from union_desk.services import settings

    settings.save({"school_name": "", "union_name": "文澜学校工会"})
    text = flat(pdf, print_funds_audit(2026, tmp_path / "a.pdf").path)
    assert "文澜学校工会2026年度经费审查报告" in text and "文澜学校工会经费审查委员会" in text
