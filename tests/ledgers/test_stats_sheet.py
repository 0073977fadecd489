"""年度统计 as xlsx: written, opened again, cells, styles and print settings checked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from union_desk.errors import ValidationError
from union_desk.ledgers.stats_sheet import SHEET_NAME, table_rows, write_stats_workbook
from union_desk.services import settings, stats

TODAY = dt.date.today()


@pytest.fixture
def written(demo_db, tmp_path):
    settings.save({"school_name": "文澜实验学校", "chair": "余欣珊"})
    figures = stats.year_stats(TODAY.year)
    path = write_stats_workbook(TODAY.year, tmp_path / "统计")
    return figures, path, openpyxl.load_workbook(path)[SHEET_NAME]


def test_title_paragraph_and_print_setup(written):
    figures, path, ws = written
    assert path.suffix == ".xlsx"
    assert ws["A1"].value == f"文澜实验学校{TODAY.year}年工会工作统计"
    assert ws["A1"].font.bold and any(str(r).startswith("A1:") for r in ws.merged_cells.ranges)
    assert ws["A3"].value == stats.key_paragraph(figures)
    assert ws["A3"].alignment.wrap_text
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in ws.oddFooter.center.text
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(v.startswith("制表人：余欣珊") for v in values)


def test_every_table_with_the_same_numbers(written):
    figures, _path, ws = written
    for table in stats.tables(figures):
        head = table_rows(ws, table)
        assert head, table.title
        assert [ws.cell(head, c + 1).value for c in range(len(table.headers))] == table.headers
        assert ws.cell(head, 1).font.bold and ws.cell(head, 1).border.top.style == "thin"
        body = table.rows + ([table.total] if table.total else [])
        for r, row in enumerate(body, start=head + 1):
            for c, (value, kind) in enumerate(zip(row, table.kinds), start=1):
                cell = ws.cell(r, c)
                if value is None:
                    assert cell.value in (None, "—"), (table.key, r, c)
                elif kind == "money":
                    assert Decimal(str(cell.value)) == value and cell.number_format == "#,##0.00"
                elif kind == "rate":
                    assert cell.value == pytest.approx(value, abs=1e-4) and cell.number_format == "0.0%"
                elif kind == "date":
                    assert cell.value.date() == value
                else:
                    assert cell.value == (value if value != "" else None), (table.key, r, c)
                assert cell.border.left.style == "thin"
        if table.total:
            assert ws.cell(head + len(body), 2).font.bold


def test_formula_like_text_stays_text(db, tmp_path):
    from union_desk.db.models import Member

    Member.create(name="王芳", sex="女", birth_date=dt.date(1980, 1, 1), department="=SUM(A1)")
    ws = openpyxl.load_workbook(write_stats_workbook(2026, tmp_path / "x.xlsx")).active
    cells = [c for row in ws.iter_rows() for c in row if c.value == "=SUM(A1)"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_refuses_other_suffixes(db, tmp_path):
    with pytest.raises(ValidationError):
        write_stats_workbook(2026, tmp_path / "x.csv")
