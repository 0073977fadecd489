"""走访慰问台账: totals of 人次 and 金额 by type, voided slips, formula-safe text, and the way back
(serial numbers kept, the counter moved past them)."""

from __future__ import annotations

import zipfile
from collections import defaultdict
from decimal import Decimal

import ledger_checks as lc
import openpyxl
import pytest

from union_desk.db.models import Counter, Member, Relative, Visit, VisitType
from union_desk.imports.common import ERROR, NEW
from union_desk.imports.records import import_ledger, preview_ledger
from union_desk.services import visits as visit_service


@pytest.fixture
def records(demo_db):
    return lc.add_ugly_records()


def _valid():
    return list(Visit.select().where(Visit.date.between(lc.PERIOD.first, lc.PERIOD.last) & (Visit.voided == False)))  # noqa: E712


def test_layout_totals_and_summary_by_type(tmp_path, records):
    path, ws = lc.export("visits", tmp_path)
    assert ws.title == "走访慰问台账" and ws["A1"].value.endswith(f"走访慰问台账（{lc.PERIOD.label}）")
    lc.assert_printable(ws)
    assert ws.freeze_panes == "D4"
    cols = lc.header_map(ws)
    assert list(cols)[:5] == ["序号", "单号", "日期", "姓名", "部门"]
    assert "身份证号" not in cols  # not a default column of this ledger
    total_row = lc.find_row(ws, "合计")
    everything = Visit.select().where(Visit.date.between(lc.PERIOD.first, lc.PERIOD.last)).count()
    assert total_row - 4 == everything
    valid = _valid()
    cash = sum((v.cash for v in valid), Decimal("0"))
    goods = sum((v.goods_value for v in valid), Decimal("0"))
    assert Decimal(str(ws.cell(total_row, cols["慰问金"]).value)).quantize(Decimal("0.01")) == cash
    assert Decimal(str(ws.cell(total_row, cols["慰问品价值"]).value)).quantize(Decimal("0.01")) == goods
    assert f"慰问 {len(valid)} 人次，慰问金 {cash:,.2f} 元" in ws["A2"].value
    date = ws.cell(4, cols["日期"])
    assert date.is_date and date.number_format == "yyyy-mm-dd"
    assert ws.cell(4, cols["慰问金"]).number_format == "#,##0.00"

    # 按慰问类别汇总: 人次 and 金额 per type, against the database
    summary = lc.find_row(ws, "按慰问类别汇总")
    assert summary > total_row
    heads = {ws.cell(summary + 1, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(summary + 1, c).value}
    assert list(heads) == ["慰问类别", "人次", "慰问金", "慰问品价值"]
    by_type = defaultdict(lambda: [0, Decimal("0")])
    for v in valid:
        by_type[v.visit_type.name][0] += 1
        by_type[v.visit_type.name][1] += v.cash
    shown = {}
    r = summary + 2
    while ws.cell(r, 1).value != "合计":
        shown[ws.cell(r, 1).value] = [ws.cell(r, heads["人次"]).value, Decimal(str(ws.cell(r, heads["慰问金"]).value)).quantize(Decimal("0.01"))]
        r += 1
    assert shown == {k: v for k, v in by_type.items()}
    assert ws.cell(r, heads["人次"]).value == len(valid)
    assert Decimal(str(ws.cell(r, heads["慰问金"]).value)).quantize(Decimal("0.01")) == cash
    order = [t.name for t in visit_service.visit_types(active_only=False)]
    assert list(shown) == sorted(shown, key=order.index)  # in the configured order of types
    assert ws.cell(r + 2, 1).value.startswith("制表人")


def test_voided_slips_are_kept_struck_and_left_out(tmp_path, records):
    _, ws = lc.export("visits", tmp_path)
    cols = lc.header_map(ws)
    serial = records["voided_visit"].serial
    row = lc.column_values(ws, "单号").index(serial) + 4
    assert ws.cell(row, cols["状态"]).value == "作废：重复登记"
    assert ws.cell(row, cols["慰问金"]).font.strike and ws.cell(row, cols["慰问金"]).font.color.rgb.endswith("808080")


def test_formula_like_strings_stay_text(tmp_path, records):
    path, ws = lc.export("visits", tmp_path)
    cols = lc.header_map(ws)
    row = lc.column_values(ws, "单号").index(records["visits"][0].serial) + 4
    for header, text in (("事由", "=SUM(A1:A3)"), ("走访人员", "-工会主席")):
        cell = ws.cell(row, cols[header])
        assert cell.value == text and cell.data_type == "s" and cell.quotePrefix, header
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_round_trip_keeps_serials_and_moves_the_counter(tmp_path, records):
    before = lc.visit_snapshot()
    relatives = Relative.select().join(Visit, on=(Visit.relative == Relative.id)).where(
        Visit.date.between(lc.PERIOD.first, lc.PERIOD.last)
    ).count()
    files = lc.export_all(tmp_path, ("members", "plan", "visits"))
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    lc.import_roster(files["members"])
    import_ledger("plan", files["plan"])
    report = import_ledger("visits", files["visits"])
    assert report.error_rows == 0 and report.added == len(before)
    assert lc.visit_snapshot() == before
    if relatives:
        assert any("将新增" in w.message for w in report.warnings)
    # a new slip never takes an imported number
    last = max(int(s.split("-")[1]) for s in before if s.startswith(f"WF{lc.PERIOD.first.year}-"))
    assert Counter.get_by_id(f"visit-serial-{lc.PERIOD.first.year}").value >= last
    member = Member.select().where(Member.status == "在职").first()
    fresh = visit_service.create_visit({"member": member.id, "visit_type": VisitType.get(VisitType.name == "生病住院").id,
                                        "date": lc.TODAY, "cash": 100, "over_cap_reason": "测试"})
    assert fresh.serial not in before and int(fresh.serial.split("-")[1]) == last + 1
    fresh.delete_instance()
    again = import_ledger("visits", files["visits"])
    assert (again.added, again.updated, again.error_rows) == (0, 0, 0)
    assert lc.visit_snapshot() == before


def test_default_columns_round_trip_too(tmp_path, records):
    """The printable ledger (default columns) carries what a visit is: the way back works from it."""
    before = {s: v[:12] + v[16:18] for s, v in lc.visit_snapshot().items()}
    roster = lc.export("members", tmp_path, full_id=True, all_columns=True)[0]
    printed = lc.export("visits", tmp_path)[0]
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    lc.import_roster(roster)
    assert import_ledger("visits", printed).error_rows == 0
    assert {s: v[:12] + v[16:18] for s, v in lc.visit_snapshot().items()} == before


def test_rows_of_unknown_members_are_errors_with_their_row(tmp_path, records):
    rows = lc.edited_preview("visits", tmp_path, {(6, "姓名"): "无名氏"}, empty_db=tmp_path / "new" / "union_desk.sqlite")
    preview = rows.pop("preview")
    assert all(r.action == ERROR for r in preview.rows)  # an empty database has no members at all
    assert "找不到会员“无名氏”" in rows[6].errors[0].message and rows[6].errors[0].column == "姓名"


def test_serial_taken_by_someone_else_is_an_error(tmp_path, records):
    first, other = records["visits"][0], records["members"][0]
    row = 4 + [v.serial for v in Visit.select().where(Visit.date.between(lc.PERIOD.first, lc.PERIOD.last))
               .order_by(Visit.date, Visit.serial)].index(first.serial)
    rows = lc.edited_preview("visits", tmp_path, {(row, "姓名"): other.name, (row, "部门"): other.department})
    assert rows[row].action == ERROR and "单号" in rows[row].errors[0].message


def test_a_visit_without_serial_gets_one(tmp_path, records):
    member = records["members"][2]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日期", "姓名", "部门", "慰问类别", "慰问金", "事由"])
    ws.append([lc.TODAY, member.name, member.department, "生病住院", 300, "住院"])
    wb.save(tmp_path / "hand.xlsx")
    preview = preview_ledger("visits", tmp_path / "hand.xlsx")
    assert [r.action for r in preview.rows] == [NEW]
    report = import_ledger("visits", tmp_path / "hand.xlsx")
    made = Visit.get_by_id(report.record_ids[0])
    assert made.serial.startswith(f"WF{lc.TODAY.year}-") and made.cash == Decimal("300.00")
    assert import_ledger("visits", tmp_path / "hand.xlsx").added == 0  # the same row again: found, not added
