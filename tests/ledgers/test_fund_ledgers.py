"""经费收支明细账 and 收支汇总表 (issue 19): the cells, header styles, money formats, the 上年结余 row
and the running balance; import back: twice adds nothing, a missing source record reported by row,
a closed period refused by row, and the move to an EMPTY database (roster, then the visits ledger —
whose import posts the visits —, then the funds ledger): nothing posted twice, manual entries and
reversals reproduced with their voucher numbers and their amounts to the fen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from union_desk.db.fund_models import FundEntry, FundLink
from union_desk.db.models import VisitType
from union_desk.imports.common import NEW, SAME
from union_desk.imports.records import apply_ledger, import_ledger, preview_ledger
from union_desk.ledgers.fund_ledger import parse_signed_amount, parse_source_ref
from union_desk.ledgers.period import LedgerPeriod
from union_desk.services import funds, members, visits

from ledger_checks import export_for, header_map, switch_to_empty

YEAR = 2026
PERIOD = LedgerPeriod.year(YEAR)
D = Decimal


def make_book() -> dict:
    """Two members; visits (one edited: reversal + new posting; one voided; a 送温暖 batch of two);
    manual entries to the fen (income, spending, a reversal); an opening balance."""
    zhang = members.create_member({"name": "张三", "sex": "男", "id_number": "110101198001010010", "department": "语文组"})
    li = members.create_member({"name": "李四", "sex": "女", "department": "数学组"})
    vt = VisitType.select().order_by(VisitType.id).first()
    funds.set_opening(YEAR, "12345.67")
    edited = visits.create_visit({"member": zhang, "visit_type": vt, "cash": "300", "date": "2026-01-20"})
    visits.update_visit(edited, {"cash": "350.50"})
    voided = visits.create_visit({"member": li, "visit_type": vt, "cash": "200", "date": "2026-01-22"})
    visits.void_visit(voided, "错登")
    festival = VisitType.get(VisitType.name == "春节送温暖")  # a 节日 batch: 送温暖 (2.5)
    visits.batch_visits([zhang.id, li.id], festival.id, "100", dt.date(2026, 2, 1))
    grant, _ = funds.add_entry({"date": "2026-03-01", "summary": "拨缴经费（上半年）", "category": "0.2", "amount": "5000.01",
                                "handler": "王五", "attachments": 2})
    tea, _ = funds.add_entry({"date": "2026-03-05", "summary": "购买茶叶", "category": "1.5", "amount": "88.88", "handler": "赵六"})
    reversal = funds.reverse_entry(tea, "重复报销")
    funds.set_budget(YEAR, funds.category_by_code("3.2"), "100")
    meeting, _ = funds.add_entry({"date": "2026-04-02", "summary": "教代会会务", "category": "3.2", "amount": "1234567.89",
                                  "over_budget_reason": "全年会议集中召开"})
    return {"zhang": zhang, "li": li, "edited": edited, "voided": voided, "grant": grant, "tea": tea, "reversal": reversal,
            "meeting": meeting}


def _export(kind: str, folder, **more):
    path, ws, _ = export_for(kind, PERIOD, folder, today=dt.date(2026, 12, 1), **more)
    return path, ws


_headers = header_map


def _book() -> dict:
    """The funds book by voucher number: (date, summary, category, amount, handler, attachments, reverses, reason, notes)."""
    return {
        e.serial: (e.date, e.summary, e.category.code, e.amount, e.handler, e.attachments,
                   e.reverses.serial if e.reverses_id else "", e.over_budget_reason, e.notes)
        for e in FundEntry.select()
    }


def _posted_by_visit() -> dict:
    from union_desk.db.models import Visit

    serials = dict(Visit.select(Visit.id, Visit.serial).tuples())
    out: dict[str, Decimal] = {}
    for link in FundLink.select().where(FundLink.source_kind == "visit"):
        out[serials[link.source_id]] = out.get(serials[link.source_id], D("0")) + link.amount
    return out


def test_funds_ledger_cells_styles_and_running_balance(db, tmp_path):
    book = make_book()
    path, ws = _export("funds", tmp_path)
    assert ws.cell(1, 1).value == "经费收支明细账（2026年度）"
    info = ws.cell(2, 1).value
    assert "上年结余 12,345.67 元" in info and "本期收入 5,000.01 元" in info
    h = _headers(ws)
    assert list(h)[:9] == ["日期", "凭证号", "摘要", "科目", "收入", "支出", "余额", "经办人", "来源"]
    assert {"附件张数", "冲销凭证号", "超预算原因", "补记", "来源编号", "备注"} <= set(h)
    # the print area holds the nine printed columns only
    assert ws.print_area.split("!")[-1].split(":")[-1].startswith("$I")
    for col in range(1, 10):
        cell = ws.cell(3, col)
        assert cell.font.b and cell.border.bottom.style == "thin"
        assert cell.fill.fgColor.rgb.endswith("F2F2F2")
    # 上年结余 first, with the balance brought forward
    assert ws.cell(4, h["日期"]).value.date() == dt.date(2026, 1, 1)
    assert ws.cell(4, h["摘要"]).value == "上年结余"
    assert ws.cell(4, h["凭证号"]).value is None and ws.cell(4, h["支出"]).value is None
    assert D(str(ws.cell(4, h["余额"]).value)) == D("12345.67")
    # entries by date and number; the running balance after each, to the fen
    rows = {}
    r = 5
    while ws.cell(r, h["凭证号"]).value:
        rows[ws.cell(r, h["凭证号"]).value] = r
        r += 1
    assert ws.cell(r, 1).value == "合计"
    assert list(rows) == sorted(rows, key=lambda s: (FundEntry.get(FundEntry.serial == s).date, s))
    assert len(rows) == FundEntry.select().count()
    balance = D("12345.67")
    for serial, row in rows.items():
        entry = FundEntry.get(FundEntry.serial == serial)
        income, spending = ws.cell(row, h["收入"]).value, ws.cell(row, h["支出"]).value
        if entry.category.kind == "收入":
            assert spending is None and D(str(income)) == entry.amount
            balance += entry.amount
        else:
            assert income is None and D(str(spending)) == entry.amount
            balance -= entry.amount
        assert D(str(ws.cell(row, h["余额"]).value)).quantize(D("0.01")) == balance
        for key in ("收入", "支出", "余额"):
            assert ws.cell(row, h[key]).number_format == "#,##0.00"
        assert ws.cell(row, h["日期"]).number_format == "yyyy-mm-dd"
    assert balance == D("12345.67") + D("5000.01") - D("350.50") - D("200.00") - D("1234567.89")
    # a reversal: negative, in its category's column, pointing back; its source and reason kept
    rev = rows[book["reversal"].serial]
    assert D(str(ws.cell(rev, h["支出"]).value)) == D("-88.88")
    assert ws.cell(rev, h["冲销凭证号"]).value == book["tea"].serial
    assert ws.cell(rev, h["备注"]).value == "重复报销"
    grant = rows[book["grant"].serial]
    assert ws.cell(grant, h["科目"]).value == "0.2 拨缴经费收入"
    assert ws.cell(grant, h["经办人"]).value == "王五" and ws.cell(grant, h["附件张数"]).value == 2
    assert ws.cell(rows[book["meeting"].serial], h["超预算原因"]).value == "全年会议集中召开"
    posting = FundLink.get((FundLink.source_kind == "visit") & (FundLink.source_id == book["edited"].id)).entry
    assert ws.cell(rows[posting.serial], h["来源"]).value == f"走访慰问 {book['edited'].serial}"
    assert ws.cell(rows[posting.serial], h["来源编号"]).value == book["edited"].serial
    batch = FundEntry.get(FundEntry.category == funds.category_by_code("2.5"))
    assert ws.cell(rows[batch.serial], h["来源"]).value == "走访慰问 2人次"
    assert len(ws.cell(rows[batch.serial], h["来源编号"]).value.split("、")) == 2
    # the totals: income and spending, no total of the balance
    assert D(str(ws.cell(r, h["收入"]).value)) == D("5000.01")
    assert ws.cell(r, h["余额"]).value is None


def test_funds_summary_ledger(db, tmp_path):
    make_book()
    path, ws = _export("funds-summary", tmp_path)
    assert ws.cell(1, 1).value == "收支汇总表（2026年度）"
    h = _headers(ws)
    assert list(h) == ["编号", "科目", "预算", "收入", "支出", "执行率"]
    rows = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value}
    rows.update({f"{ws.cell(r, 1).value} {ws.cell(r, 2).value}": r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value})
    meeting = rows["3.2 会议费"]
    assert ws.cell(3, 1).font.b and ws.cell(3, 1).fill.fgColor.rgb.endswith("F2F2F2")
    assert D(str(ws.cell(meeting, h["预算"]).value)) == D("100")
    assert D(str(ws.cell(meeting, h["支出"]).value)) == D("1234567.89")
    assert ws.cell(meeting, h["执行率"]).value == pytest.approx(12345.6789)
    assert ws.cell(meeting, h["执行率"]).number_format == "0.0%"
    assert ws.cell(meeting, h["支出"]).number_format == "#,##0.00"
    assert D(str(ws.cell(rows["0.2 拨缴经费收入"], h["收入"]).value)) == D("5000.01")
    assert D(str(ws.cell(rows["1.5 其他活动支出"], h["支出"]).value)) == D("0")
    for label, amount in (("期初结余", "12345.67"), ("本期收入", "5000.01"), ("本期支出", str(D("550.50") + D("1234567.89"))),
                          ("期末结余", str(D("12345.67") + D("5000.01") - D("550.50") - D("1234567.89")))):
        value = next(c.value for c in ws[rows[label]][1:] if isinstance(c.value, (int, float)))
        assert D(str(value)).quantize(D("0.01")) == D(amount), label
    assert "超出预算：3.2 会议费" in ws.cell(2, 1).value


def test_import_twice_adds_nothing(db, tmp_path):
    make_book()
    path, _ = _export("funds", tmp_path, all_columns=True)
    before = _book()
    report = import_ledger("funds", path)
    assert (report.added, report.updated, report.error_rows) == (0, 0, 0)
    assert report.unchanged == FundEntry.select().count() + 1  # and the 上年结余 row
    assert _book() == before


def test_round_trip_into_an_empty_database(db, tmp_path):
    book = make_book()
    members_path, _ = _export("members", tmp_path, all_columns=True, full_id=True)
    visits_path, _ = _export("visits", tmp_path, all_columns=True, full_id=True)
    funds_path, old_ws = _export("funds", tmp_path, all_columns=True)
    before = _book()
    posted_before = _posted_by_visit()
    manual = {book[k].serial for k in ("grant", "tea", "reversal", "meeting")}
    report_before = funds.report_json(funds.report(PERIOD.first, PERIOD.last))

    switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    assert FundEntry.select().count() == 0
    from union_desk.imports.roster import import_roster

    assert import_roster(members_path).added == 2
    assert import_ledger("visits", visits_path).added == 4
    assert FundEntry.select().count() == 3  # the visits posted themselves (the batch visit by visit)
    preview = preview_ledger("funds", funds_path)
    assert not preview.rows_with_errors
    report = apply_ledger(preview)
    assert report.error_rows == 0
    after = _book()
    # manual entries and their reversal: the same numbers, dates, amounts to the fen, texts
    for serial in manual:
        assert after[serial] == before[serial], serial
    assert funds.opening_of(YEAR) == D("12345.67")
    # nothing posted twice: each visit's postings add up as before, the reconciliation holds
    assert _posted_by_visit() == {k: v for k, v in posted_before.items()}
    rec = funds.reconcile_visits(YEAR)
    assert rec.holds and rec.posted == rec.ledger == D("550.50")
    # the edit history of a visit (posting, reversal, new posting) comes back under its numbers
    for serial, values in before.items():
        if values[2] == "1.4":
            assert after[serial] == values, serial
    # the batch (one entry in the old book) stays posted visit by visit, with a warning, not twice
    warned = [i.message for i in report.warnings if "不重复记账" in i.message]
    assert len(warned) == 1
    report_after = funds.report_json(funds.report(PERIOD.first, PERIOD.last))
    for key in ("opening", "income", "spending", "closing", "posted_from"):
        assert report_after[key] == report_before[key], key
    # (the batch's 200.00 is booked under 1.4 instead of 2.5: the visits ledger import posts visit by visit)
    by_code = {c["code"]: c for c in report_after["categories"]}
    old_codes = {c["code"]: c for c in report_before["categories"]}
    assert by_code["1.4"]["spending"] + by_code["2.5"]["spending"] == old_codes["1.4"]["spending"] + old_codes["2.5"]["spending"]
    # and the book exported again shows the same balances
    new_path, new_ws = _export("funds", tmp_path / "new")
    assert new_ws.cell(2, 1).value.split("共")[0] == old_ws.cell(2, 1).value.split("共")[0]  # (one more: the batch)
    # importing again adds nothing
    again = import_ledger("funds", funds_path)
    assert (again.added, again.updated, again.error_rows) == (0, 0, 0)
    assert _book() == after


def test_missing_source_record_is_reported_by_row(db, tmp_path):
    make_book()
    members_path, _ = _export("members", tmp_path, all_columns=True, full_id=True)
    funds_path, ws = _export("funds", tmp_path, all_columns=True)
    h = _headers(ws)
    visit_rows = {r: ws.cell(r, h["来源编号"]).value for r in range(5, ws.max_row + 1)
                  if (ws.cell(r, h["来源编号"]).value or "").startswith("WF")}
    switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    from union_desk.imports.roster import import_roster

    import_roster(members_path)
    preview = preview_ledger("funds", funds_path)
    errors = {i.row: i for i in preview.errors}
    assert set(errors) == set(visit_rows)
    for row, ref in visit_rows.items():
        assert errors[row].column == "来源编号"
        assert f"找不到走访慰问记录 {ref.split('、')[0]}" in errors[row].message and "走访慰问台账" in errors[row].message
    # the manual entries import (bad rows skipped); nothing is posted for the missing visits
    report = apply_ledger(preview, skip_bad_rows=True)
    assert report.added == 4 + 1  # four manual entries and the opening balance
    assert FundLink.select().count() == 0
    assert D("5000.01") == FundEntry.get(FundEntry.serial == "JZ2026-0007").amount


def test_closed_period_and_bad_cells_refused_by_row(db, tmp_path):
    make_book()
    path, ws = _export("funds", tmp_path, all_columns=True)
    h = _headers(ws)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    last = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
    ws.insert_rows(last, 4)
    rows = [
        ("2026-01-10", "JZ2026-0100", "一月补记的支出", "1.5", None, 50, "在已结账的一月"),
        ("2026-05-10", "JZ2026-0101", "三位小数", "1.5", None, "12.345", ""),
        ("2026-05-11", "JZ2026-0102", "手工负数", "1.5", None, -5, ""),
        ("2026-05-12", "JZ2026-0103", "收入填在支出列", "0.2", None, 10, ""),
    ]
    for offset, (day, serial, summary, code, income, spending, notes) in enumerate(rows):
        r = last + offset
        for key, value in (("日期", dt.date.fromisoformat(day)), ("凭证号", serial), ("摘要", summary), ("科目", code),
                           ("收入", income), ("支出", spending), ("备注", notes or None)):
            ws.cell(r, h[key]).value = value
    wb.save(path)
    funds.close_period("2026年1月", "2026-01-01", "2026-01-31")
    preview = preview_ledger("funds", path)
    errors = {i.row: i.message for i in preview.errors}
    assert set(errors) == {last, last + 1, last + 2, last + 3}
    assert "已结账" in errors[last]
    assert "两位小数" in errors[last + 1]
    assert "冲销凭证号" in errors[last + 2]
    assert "收入科目" in errors[last + 3]
    actions = {row.row: row.action for row in preview.rows}
    assert all(a == SAME for r, a in actions.items() if r < last)


def test_amount_cells_exact_to_the_fen():
    assert parse_signed_amount(1234567.89) == D("1234567.89")
    assert parse_signed_amount("1,234.50") == D("1234.50")
    assert parse_signed_amount(-88.88) == D("-88.88")
    with pytest.raises(ValueError):
        parse_signed_amount("12.345")
    assert parse_source_ref("WF2026-0001、WF2026-0002") == [("visit", "WF2026-0001"), ("visit", "WF2026-0002")]
    assert parse_source_ref("帮扶:张三 2026-03-01 医疗救助") == [("assistance", "张三 2026-03-01 医疗救助")]
    assert parse_source_ref("活动：2026-05-20 教工羽毛球赛") == [("activity", "2026-05-20 教工羽毛球赛")]
    with pytest.raises(ValueError):
        parse_source_ref("某处")


def test_import_new_manual_entry_keeps_its_serial_and_warns_over_budget(db, tmp_path):
    make_book()
    path, ws = _export("funds", tmp_path, all_columns=True)
    h = _headers(ws)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    last = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
    ws.insert_rows(last, 1)
    for key, value in (("日期", dt.date(2026, 6, 1)), ("凭证号", "JZ2026-0050"), ("摘要", "会议茶歇"), ("科目", "3.2"),
                       ("支出", 0.01), ("经办人", "王五")):
        ws.cell(last, h[key]).value = value
    wb.save(path)
    preview = preview_ledger("funds", path)
    assert [r.action for r in preview.rows if r.row == last] == [NEW]
    report = apply_ledger(preview)
    assert report.added == 1 and report.error_rows == 0
    entry = FundEntry.get(FundEntry.serial == "JZ2026-0050")
    assert entry.amount == D("0.01") and entry.handler == "王五"
    assert entry.over_budget_reason.startswith("按明细账导入（超出预算")
    assert any("超出预算" in w.message for w in report.warnings)
    # the year's next number comes after the imported one
    nxt, _ = funds.add_entry({"date": "2026-06-02", "summary": "x", "category": "0.2", "amount": "1"})
    assert nxt.serial == "JZ2026-0051"


def test_demo_school_book_moves_to_an_empty_database(demo_db, tmp_path):
    """The demo school's year (posted and manual entries, visits, 送温暖 batches, activities, a payroll
    list's dues each month): exported, then imported into an empty database after the roster and the source ledgers."""
    import ledger_checks as lc

    period = lc.PERIOD

    def book():
        return {e.serial: (e.date, e.summary, e.category.code, e.amount, e.reverses.serial if e.reverses_id else "")
                for e in FundEntry.select().where(FundEntry.date.between(period.first, period.last))}

    before = book()
    linked = {e.serial for e in FundEntry.select(FundEntry.serial).join(FundLink).distinct()}
    manual = {s for s in before if s not in linked}
    assert manual and linked
    report_before = funds.report_json(funds.report(period.first, period.last))
    sources = ("hardship", "assistance", "visits", "activities", "membership", "dues")
    paths = lc.export_all(tmp_path, kinds=("members", *sources, "funds"))
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    lc.import_roster(paths["members"])
    for kind in sources:
        assert import_ledger(kind, paths[kind]).error_rows == 0, kind
    preview = preview_ledger("funds", paths["funds"])
    assert not preview.errors, [i.text() for i in preview.errors]
    apply_ledger(preview)
    after = book()
    assert {s: after.get(s) for s in manual} == {s: before[s] for s in manual}
    report_after = funds.report_json(funds.report(period.first, period.last))
    for key in ("opening", "income", "spending", "closing", "posted_from"):
        assert report_after[key] == report_before[key], key
    assert funds.reconcile_visits(period.first.year).holds
    again = import_ledger("funds", paths["funds"])
    assert (again.added, again.updated, again.error_rows) == (0, 0, 0)
