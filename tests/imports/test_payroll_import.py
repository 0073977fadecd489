"""Importing a payroll deduction list (工资代扣表, issue 20): members matched by ID number and by name
(told apart by department), rows matching no member or several reported with their row numbers,
absurd bases refused, exempt members and periods already paid asked about (a warning, left out
unless force), the same list twice changes nothing, all payments of one import ONE funds entry
under 0.1 会费收入, a list without 会费 sets only the bases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from union_desk.db.fund_models import FundEntry, FundLink
from union_desk.db.membership_models import DuesPayment, WageBase
from union_desk.errors import ValidationError
from union_desk.imports.common import ERROR, NEW, SAME, UPDATE
from union_desk.imports.payroll import apply_preview, preview_payroll
from union_desk.services import dues, members, membership

D = Decimal
PERIOD = "2026-11"


@pytest.fixture
def staff(db):
    """张三 (with an ID number), two 李四 (数学组, 英语组), 王五 (retired: keeps membership), 赵六
    (exempt: 长期病休), 钱七 (already paid November in cash)."""
    made = {
        "zhang": members.create_member({"name": "张三", "sex": "男", "id_number": "110101198001010010", "department": "语文组",
                                        "joined_union_date": "2010-09-01"}),
        "li_math": members.create_member({"name": "李四", "sex": "女", "department": "数学组", "joined_union_date": "2011-09-01"}),
        "li_eng": members.create_member({"name": "李四", "sex": "男", "department": "英语组", "joined_union_date": "2012-09-01",
                                         "birth_date": "1985-01-01"}),
        "wang": members.create_member({"name": "王五", "sex": "男", "department": "数学组", "joined_union_date": "1995-09-01"}),
        "zhao": members.create_member({"name": "赵六", "sex": "女", "department": "语文组", "joined_union_date": "2015-09-01"}),
        "qian": members.create_member({"name": "钱七", "sex": "男", "department": "体育组", "joined_union_date": "2016-09-01"}),
    }
    membership.add_event(made["wang"], {"kind": "保留会籍", "date": "2026-07-01", "reason": "退休"})
    dues.add_exemption(made["zhao"], "2026-01-01", None, "长期病休")
    dues.set_base(made["zhang"], "5000", "2026-01-01")
    dues.record_payment(made["qian"], {"period": PERIOD, "amount": "20", "date": "2026-11-05", "method": "现金"})
    return made


def write_list(path, rows, headers=("序号", "职工姓名", "身份证号", "部门", "应发工资", "代扣会费")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2026年11月工资代扣表"])
    ws.append(list(headers))
    for i, row in enumerate(rows, start=1):
        ws.append([i, *row])
    ws.append(["合计"])
    wb.save(path)
    return path


def _dues_entries() -> list[FundEntry]:
    ids = {link.entry_id for link in FundLink.select().where(FundLink.source_kind == "dues")}
    return list(FundEntry.select().where(FundEntry.id.in_(list(ids)))) if ids else []


def test_match_by_id_number_and_by_name_one_funds_entry(staff, tmp_path):
    path = write_list(tmp_path / "list.xlsx", [
        ("张叁", "110101198001010010", "", "5234.5", "26.15"),  # the ID number wins over a misspelt name
        ("李四", "", "数学组", "6000", "30"),                   # two 李四: told apart by department
        ("李四", "", "英语组", 7000, 35),
    ])
    before = len(_dues_entries())
    preview = preview_payroll(path, PERIOD)
    rows = {r.row: r for r in preview.rows}
    assert [rows[n].action for n in (3, 4, 5)] == [NEW, NEW, NEW]
    assert rows[3].context["member"] == staff["zhang"].id
    assert rows[4].context["member"] == staff["li_math"].id and rows[5].context["member"] == staff["li_eng"].id
    assert rows[3].changes["base"] == (D("5000.00"), D("5234.50"))
    assert not DuesPayment.select().where(DuesPayment.method == "工资代扣").exists()  # the preview writes nothing
    report = apply_preview(preview)
    assert (report.added, report.error_rows) == (3, 0)
    paid = {p.member_id: p for p in DuesPayment.select().where(DuesPayment.method == "工资代扣")}
    assert {m: p.amount for m, p in paid.items()} == {staff["zhang"].id: D("26.15"), staff["li_math"].id: D("30.00"),
                                                      staff["li_eng"].id: D("35.00")}
    batch = {p.batch for p in paid.values()}
    assert len(batch) == 1 and next(iter(batch)).startswith(PERIOD)
    assert {p.date for p in paid.values()} == {min(dt.date.today(), dt.date(2026, 11, 30))}
    assert {p.period for p in paid.values()} == {PERIOD}
    # the new bases from the period's first day, source 工资表; the old base kept before it
    base = dues.base_on(staff["zhang"], dt.date(2026, 11, 1))
    assert (base.amount, base.effective, base.source) == (D("5234.50"), dt.date(2026, 11, 1), "工资表")
    assert dues.base_on(staff["zhang"], dt.date(2026, 10, 1)).amount == D("5000.00")
    # one funds entry for the whole list, under 0.1 会费收入, for the sum
    entries = _dues_entries()
    assert len(entries) == before + 1
    entry = max(entries, key=lambda e: e.id)
    assert entry.category.code == "0.1" and entry.amount == D("91.15")


def test_no_match_and_two_matches_reported_with_row_numbers(staff, tmp_path):
    path = write_list(tmp_path / "list.xlsx", [
        ("不存在", "", "", "5000", "25"),
        ("李四", "", "", "5000", "25"),        # two 李四, no department
        ("李四", "", "后勤组", "5000", "25"),  # two 李四, a department neither is in
        ("张三", "", "", "5000", "25"),
    ])
    preview = preview_payroll(path, PERIOD)
    rows = {r.row: r for r in preview.rows}
    assert rows[3].action == ERROR and "找不到会员“不存在”" in rows[3].errors[0].message
    assert rows[4].action == ERROR and "有 2 名会员叫“李四”" in rows[4].errors[0].message
    assert rows[5].action == ERROR and rows[5].errors[0].row == 5
    assert rows[6].action == NEW
    assert {i.row for i in preview.errors} == {3, 4, 5}
    texts = [i.text() for i in preview.errors]
    assert texts[0].startswith("第 3 行")


def test_absurd_and_negative_bases_refused(staff, tmp_path):
    path = write_list(tmp_path / "list.xlsx", [
        ("张三", "110101198001010010", "", "2000000", "25"),
        ("张三", "", "语文组", "-100", ""),
        ("李四", "", "数学组", "abc", ""),
    ])
    preview = preview_payroll(path, PERIOD)
    rows = {r.row: r for r in preview.rows}
    assert rows[3].action == ERROR and "不合常理" in rows[3].errors[0].message and rows[3].errors[0].column == "应发工资"
    assert rows[4].action == ERROR and "负数" in rows[4].errors[0].message
    assert rows[5].action == ERROR
    report = apply_preview(preview)
    assert report.added == 0 and not WageBase.select().where(WageBase.amount > 100000).exists()


def test_exempt_and_already_paid_asked_first_then_forced(staff, tmp_path):
    path = write_list(tmp_path / "list.xlsx", [
        ("王五", "", "", "", "40"),   # retired: keeps membership, owes nothing
        ("赵六", "", "", "", "25"),   # exemption: 长期病休
        ("钱七", "", "", "", "30"),   # paid November already (cash 20)
        ("张三", "", "", "", "25"),
    ])
    preview = preview_payroll(path, PERIOD)
    rows = {r.row: r for r in preview.rows}
    for n in (3, 4, 5):
        assert rows[n].action == SAME and rows[n].warnings and "未导入" in rows[n].warnings[0].message
    assert "免缴会费" in rows[3].warnings[0].message and "长期病休" in rows[4].warnings[0].message
    assert "已缴" in rows[5].warnings[0].message
    assert rows[6].action == NEW
    assert [r.row for r in preview.importer.asked] == [3, 4, 5]
    report = apply_preview(preview)
    assert report.added == 1
    assert DuesPayment.select().where(DuesPayment.member.in_([staff["wang"], staff["zhao"]])).count() == 0
    assert DuesPayment.select().where(DuesPayment.member == staff["qian"]).count() == 1
    # with force: imported (the warnings still said); 张三 now the same payment: 未变
    forced = preview_payroll(path, PERIOD, force=True)
    rows = {r.row: r for r in forced.rows}
    assert [rows[n].action for n in (3, 4, 5, 6)] == [NEW, NEW, NEW, SAME]
    assert all(rows[n].warnings for n in (3, 4, 5))
    report = apply_preview(forced)
    assert report.added == 3
    assert DuesPayment.select().where(DuesPayment.member == staff["qian"]).count() == 2
    assert DuesPayment.get(DuesPayment.member == staff["zhao"]).amount == D("25.00")


def test_the_same_list_twice_changes_nothing(staff, tmp_path):
    path = write_list(tmp_path / "list.xlsx", [
        ("张三", "110101198001010010", "", "5234.5", "26.15"),
        ("李四", "", "数学组", "6000", "30"),
    ])
    first = apply_preview(preview_payroll(path, PERIOD))
    assert first.added == 2
    counts = (DuesPayment.select().count(), WageBase.select().count(), FundEntry.select().count())
    again = preview_payroll(path, PERIOD)
    assert [r.action for r in again.rows] == [SAME, SAME]
    assert not again.warnings
    second = apply_preview(again)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert (DuesPayment.select().count(), WageBase.select().count(), FundEntry.select().count()) == counts


def test_bases_only_without_a_dues_column(staff, tmp_path):
    path = write_list(tmp_path / "list.xlsx", [("张三", "110101198001010010", "", "5000"), ("李四", "", "数学组", "6000")],
                      headers=("序号", "姓名", "身份证号", "部门", "缴费基数"))
    preview = preview_payroll(path, PERIOD)
    assert any("只更新缴费基数" in i.message for i in preview.file_issues)
    rows = {r.row: r for r in preview.rows}
    assert rows[3].action == SAME  # the same base already in effect on 2026-11-01
    assert rows[4].action == UPDATE and rows[4].changes["base"] == (None, D("6000.00"))
    report = apply_preview(preview)
    assert report.updated == 1 and report.added == 0
    assert not DuesPayment.select().where(DuesPayment.method == "工资代扣").exists()
    assert dues.base_on(staff["li_math"], dt.date(2026, 11, 1)).source == "工资表"


def test_bad_period_and_missing_columns(staff, tmp_path):
    path = write_list(tmp_path / "list.xlsx", [("张三", "", "", "5000", "25")])
    with pytest.raises(ValidationError, match="期间"):
        preview_payroll(path, "2026-13")
    other = write_list(tmp_path / "other.xlsx", [("张三", "语文组")], headers=("序号", "姓名", "部门"))
    with pytest.raises(ValidationError, match="基数"):
        preview_payroll(other, PERIOD)
    with pytest.raises(ValidationError, match="不存在"):
        preview_payroll(tmp_path / "missing.xlsx", PERIOD)


def test_a_closed_funds_period_leaves_none_of_the_list_behind(staff, tmp_path):
    from union_desk.services import funds

    funds.close_period("2026年11月", "2026-11-01", "2026-11-30")
    path = write_list(tmp_path / "list.xlsx", [("张三", "110101198001010010", "", "6000", "30"),
                                               ("李四", "", "数学组", "6000", "30")])
    bases, payments = WageBase.select().count(), DuesPayment.select().count()
    report = apply_preview(preview_payroll(path, PERIOD, today=dt.date(2026, 12, 5)), skip_bad_rows=True)
    assert report.error_rows == 2 and report.added == 0
    assert (WageBase.select().count(), DuesPayment.select().count()) == (bases, payments)  # no base without its payment


def test_a_name_that_is_not_the_id_numbers_owner_is_said(staff, tmp_path):
    path = write_list(tmp_path / "list.xlsx", [("李四", "110101198001010010", "", "6000", "30")])
    preview = preview_payroll(path, PERIOD, today=dt.date(2026, 12, 5))
    [row] = preview.rows
    assert row.context["member"] == staff["zhang"].id
    assert any("与身份证号的会员“张三”不一致" in issue.message for issue in row.issues)
