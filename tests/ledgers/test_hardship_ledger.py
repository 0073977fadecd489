"""困难职工档案台账 and 帮扶救助台账: export reopened and checked, then imported back."""

from __future__ import annotations

from decimal import Decimal

import ledger_checks as lc
import openpyxl
import pytest

from union_desk.db.models import Assistance, AuditLog, HardshipFile
from union_desk.domain import idcard
from union_desk.errors import ValidationError
from union_desk.imports.common import ERROR, NEW, SAME, UPDATE
from union_desk.imports.records import apply_ledger, import_ledger, preview_ledger


@pytest.fixture
def records(demo_db):
    return lc.add_ugly_records()


def test_hardship_ledger_layout_ids_and_totals(tmp_path, records):
    files = HardshipFile.select().where(HardshipFile.found_date <= lc.PERIOD.last)
    path, ws = lc.export("hardship", tmp_path)
    assert ws.title == "困难职工档案台账"
    assert ws["A1"].value.endswith(f"困难职工档案台账（{lc.PERIOD.label}）")
    assert "户" in ws["A2"].value
    lc.assert_printable(ws)
    cols = lc.header_map(ws)
    assert list(cols)[:4] == ["序号", "姓名", "部门", "困难类别"]
    # the masked ID, 发现途径 and 变动日期 stay in the sheet, after the printed columns and outside the print area
    assert all(cols[h] > lc.printed_columns(ws) for h in ("身份证号", "发现途径", "变动日期"))
    assert cols["情况说明"] <= lc.printed_columns(ws)
    assert "情况说明" in cols and "本期帮扶金额" in cols
    total_row = lc.find_row(ws, "合计")
    numbers = lc.column_values(ws, "身份证号", last=total_row - 1)
    assert numbers and all("*" in n for n in numbers)  # masked by default
    id_cell = ws.cell(4, cols["身份证号"])
    assert id_cell.data_type == "s" and id_cell.number_format == "@"
    found = ws.cell(4, cols["建档日期"])
    assert found.is_date and found.number_format == "yyyy-mm-dd"
    income = ws.cell(4, cols["家庭月收入"])
    assert income.number_format == "#,##0.00" and income.data_type == "n"
    # the total of assistance in the period, against the database
    expected = sum(
        (a.cash + a.goods_value for a in Assistance.select().where(
            Assistance.date.between(lc.PERIOD.first, lc.PERIOD.last) & (Assistance.voided == False)  # noqa: E712
        )),
        Decimal("0"),
    )
    assert Decimal(str(ws.cell(total_row, cols["本期帮扶金额"]).value)).quantize(Decimal("0.01")) == expected
    assert ws.cell(total_row, cols["家庭月收入"]).value is None  # incomes are not added up
    assert total_row - 4 == len([f for f in files if f.status in ("在档", "临时") or f.status_date is None or f.status_date >= lc.PERIOD.first])
    # strings that look like formulas stay text
    descriptions = lc.column_values(ws, "情况说明", last=total_row - 1)
    assert "+86 家庭收入低；-其他说明" in descriptions and "@单亲" in descriptions
    row = 4 + descriptions.index("+86 家庭收入低；-其他说明")
    assert ws.cell(row, cols["情况说明"]).data_type == "s"
    assert ws.cell(row, cols["次要致困原因"]).value == "低收入、残疾"


def test_assistance_ledger_voided_rows_and_summary(tmp_path, records):
    _, ws = lc.export("assistance", tmp_path)
    lc.assert_printable(ws)
    cols = lc.header_map(ws)
    total_row = lc.find_row(ws, "合计")
    records = list(Assistance.select().where(Assistance.date.between(lc.PERIOD.first, lc.PERIOD.last)))
    assert total_row - 4 == len(records)
    valid = [a for a in records if not a.voided]
    cash = sum((a.cash for a in valid), Decimal("0"))
    assert Decimal(str(ws.cell(total_row, cols["救助金"]).value)).quantize(Decimal("0.01")) == cash
    assert ws.cell(4, cols["救助金"]).number_format == "#,##0.00"
    statuses = lc.column_values(ws, "状态", last=total_row - 1)
    voided_rows = [4 + i for i, s in enumerate(statuses) if s.startswith("作废")]
    assert len(voided_rows) == len(records) - len(valid)
    for r in voided_rows:
        assert ws.cell(r, cols["姓名"]).font.strike
    summary = lc.find_row(ws, "按帮扶类型汇总")
    assert summary and summary > total_row
    assert ws.cell(summary + 1, 1).value == "帮扶类型"
    kinds = {a.kind for a in valid}
    names = [ws.cell(r, 1).value for r in range(summary + 2, summary + 2 + len(kinds))]
    assert set(names) == kinds
    last = summary + 2 + len(kinds)
    assert ws.cell(last, 1).value == "合计"
    counts_col = next(c for c in range(1, ws.max_column + 1) if ws.cell(summary + 1, c).value == "次数")
    assert ws.cell(last, counts_col).value == len(valid)


def test_round_trip_into_an_empty_database(tmp_path, records):
    before = (lc.hardship_snapshot(), lc.assistance_snapshot())
    assert before[0] and before[1]
    files = lc.export_all(tmp_path, ("members", "hardship", "assistance"))
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    lc.import_roster(files["members"])
    first = import_ledger("hardship", files["hardship"])
    assert first.error_rows == 0 and first.added == len(before[0])
    second = import_ledger("assistance", files["assistance"])
    assert second.error_rows == 0 and second.added == len(before[1])
    assert (lc.hardship_snapshot(), lc.assistance_snapshot()) == before
    # the writes went through the services: one audit entry per record, plus the import's own
    assert AuditLog.select().where((AuditLog.table_name == "hardship_file") & (AuditLog.action == "create")).count() == len(before[0])
    assert AuditLog.select().where((AuditLog.table_name == "assistance") & (AuditLog.action == "import")).count() == 1
    # twice: nothing added, nothing changed
    for kind in ("hardship", "assistance"):
        again = import_ledger(kind, files[kind])
        assert (again.added, again.updated, again.error_rows) == (0, 0, 0), kind
    assert (lc.hardship_snapshot(), lc.assistance_snapshot()) == before


def test_masked_export_matches_members_by_name_and_department(tmp_path, records):
    before = lc.hardship_snapshot()
    roster = lc.export("members", tmp_path, full_id=True, all_columns=True)[0]
    masked = lc.export("hardship", tmp_path, all_columns=True)[0]  # ID numbers masked
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    lc.import_roster(roster)
    report = import_ledger("hardship", masked)
    assert report.error_rows == 0
    assert lc.hardship_snapshot() == before


def test_unmatched_members_are_reported_with_row_and_reason(tmp_path, records):
    stranger = idcard.make_id("110101", lc.PERIOD.first.replace(year=1980), 7, "男")
    edits = {(4, "姓名"): "查无此人", (4, "身份证号"): stranger, (5, "姓名"): "也没有", (5, "身份证号"): None}
    rows = lc.edited_preview("hardship", tmp_path, edits, empty_db=tmp_path / "new" / "union_desk.sqlite", full_id=True)
    assert rows[4].action == ERROR and rows[5].action == ERROR
    assert "找不到" in rows[4].errors[0].message and "花名册" in rows[4].errors[0].message
    assert rows[5].errors[0].row == 5 and rows[5].errors[0].column == "姓名" and "也没有" in rows[5].errors[0].message
    report = apply_ledger(rows["preview"])
    assert report.added == 0 and HardshipFile.select().count() == 0
    data = report.as_dict()
    assert {"row": 4, "column": "姓名"}.items() <= data["errors"][0].items()


def test_changed_and_voided_rows_update_through_the_service(tmp_path, records):
    target = 4 + [a.id for a in Assistance.select().where(Assistance.date.between(lc.PERIOD.first, lc.PERIOD.last))
                  .order_by(Assistance.date, Assistance.id)].index(records["assistance"][0].id)
    rows = lc.edited_preview("assistance", tmp_path, {(target, "状态"): "作废：导入测试"}, full_id=True)
    preview = rows.pop("preview")
    assert rows[target].action == UPDATE and all(r.action == SAME for n, r in rows.items() if n != target)
    apply_ledger(preview)
    assert Assistance.get_by_id(records["assistance"][0].id).void_reason == "导入测试"
    with pytest.raises(ValidationError):
        apply_ledger(preview)  # a preview is applied once


def test_a_hand_made_file_with_a_new_file(tmp_path, records):
    from union_desk.db.models import Member

    member = Member.select().where(
        (Member.status == "在职") & Member.id.not_in(HardshipFile.select(HardshipFile.member))
    ).order_by(Member.id).first()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["困难职工花名册"])
    ws.append(["序号", "姓名", "身份证号码", "困难程度", "致困原因", "家庭人数", "月收入", "建档时间", "状态"])
    ws.append([1, member.name, member.id_number, "相对困难", "低收入", 3, "2,500", lc.PERIOD.first, "在档"])
    wb.save(tmp_path / "hand.xlsx")
    preview = preview_ledger("hardship", tmp_path / "hand.xlsx")
    assert [r.action for r in preview.rows] == [NEW]
    apply_ledger(preview)
    made = HardshipFile.get(HardshipFile.member == member)
    assert (made.grade, made.household_size, made.monthly_income) == ("相对困难", 3, Decimal("2500.00"))
