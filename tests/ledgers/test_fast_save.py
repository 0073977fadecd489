"""The rows-as-text writer writes exactly the XML openpyxl writes."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Border, Font, Side

from union_desk.ledgers.fast_save import save_workbook
from union_desk.ledgers.xlsx_export import BODY_FONT, BORDER, LEFT, SheetBuilder


def _workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["标题 & <说明>", None, " 前后空格 ", "多行\n文字", 12, 3.5, Decimal("1005.50"), True])
    ws.append([dt.date(2026, 3, 8), dt.datetime(2026, 3, 8, 15, 30, 5), "", 0, -1, 1e20, "=不是公式"])
    ws["G2"].data_type = "s"
    ws["A3"] = "批注"
    ws["A3"].comment = Comment("说明", "测试")
    ws["B3"] = "链接"
    ws["B3"].hyperlink = "#'台账'!A1"
    ws["C3"] = "=SUM(E1:E2)"
    ws["A4"].border = Border(left=Side(style="thin"))
    ws["B4"].font = Font(bold=True)
    ws.merge_cells("A5:C5")
    ws.row_dimensions[1].height = 30
    sheet = SheetBuilder(wb.create_sheet("构建"))
    style = sheet.style(BODY_FONT, LEFT, border=BORDER)
    sheet.put_merged(1, 1, 3, "合并的标题", style)
    for row in range(2, 6):
        for col, value in enumerate(["张三", None, Decimal("200.00"), dt.date(2026, 1, row), "@备注"], start=1):
            sheet.put(row, col, value, style)
    sheet.heights[3] = 40
    sheet.finish()
    return wb


def test_same_xml_as_openpyxl(tmp_path):
    wb = _workbook()
    wb.save(tmp_path / "openpyxl.xlsx")
    wb = _workbook()
    save_workbook(wb, tmp_path / "fast.xlsx")
    with zipfile.ZipFile(tmp_path / "openpyxl.xlsx") as a, zipfile.ZipFile(tmp_path / "fast.xlsx") as b:
        sheets = [n for n in a.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert len(sheets) == 2
        for name in sheets:
            assert a.read(name) == b.read(name), name
        assert sorted(a.namelist()) == sorted(b.namelist())


def test_restyling_one_built_cell_leaves_the_others(tmp_path):
    import openpyxl

    wb = Workbook()
    sheet = SheetBuilder(wb.active)
    style = sheet.style(BODY_FONT, LEFT, border=BORDER)
    for row in (1, 2, 3):
        sheet.put(row, 1, f"第{row}行", style)
    sheet.finish()
    wb.active["A2"].font = Font(bold=True, name="宋体")
    save_workbook(wb, tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert ws["A2"].font.b and not ws["A1"].font.b and not ws["A3"].font.b
    assert ws["A1"].border.left.style == ws["A2"].border.left.style == "thin"
