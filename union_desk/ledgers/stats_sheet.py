"""年度统计 as an Excel sheet: the same tables as the PDF report (`stats.tables`: every registered
statistics section's, in order), one under another, then the sections' notes. No area is named here.

Layout (DESIGN.md, Excel conventions): a title row (学校名称 + 年度 + 工会工作统计) merged across
the sheet, an info row, the key paragraph (merged, wrapped), then each table with its caption,
a bold bordered header row, the rows and a bold 合计 row; a 制表人 / 审核人 / 日期 line at the end.
Numbers are real numbers (money with two decimals, rates as percentages). A4 landscape, fitted
to one page wide with the text at 9 pt or more (the labels column wraps when the tables are
wide), page numbers in the footer.

    write_stats_sheet(2026, "2026年度统计.xlsx")
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from union_desk.ledgers.common import save_workbook_atomic
from union_desk.ledgers.xlsx_export import (
    BODY_FONT,
    BORDER,
    CENTER,
    FONT_NAME,
    HEADER_FILL,
    HEADER_FONT,
    INFO_FONT,
    LEFT,
    LEFT_WRAP,
    PAGE_FOOTER,
    RIGHT,
    SIGN_FONT,
    TITLE_FONT,
    TOTAL_FONT,
    FOOTER_SIZE,
    HEADER_LINE_HEIGHT,
    HEADER_SIZE,
    LINE_HEIGHT,
    header_floor,
    page_units,
    paper_lines,
    paper_width,
    set_text,
)
from union_desk.services import stats as stats_service
from union_desk.services.stats import StatTable, YearStats

SHEET_NAME = "年度统计"
CAPTION_FONT = Font(name=FONT_NAME, size=12, bold=True)
NOTE_FONT = Font(name=FONT_NAME, size=10, italic=True)  # printed at ≥ 9 pt after fitting to the page
FORMATS = {"int": "0", "money": "#,##0.00", "rate": "0.0%", "date": "yyyy-mm-dd", "text": "@"}
MIN_COLUMNS = 8  # the title and paragraph need some width even when every table is narrow
FIRST_COLUMN_FLOOR = 13.0  # the labels column (类别, 活动) wraps down to six characters a line


def sheet_title(stats: YearStats) -> str:
    return f"{stats.school_name}{stats.label}工会工作统计"


def _put(cell, value, kind: str) -> None:
    if value is None:
        cell.value = "—" if kind == "rate" else None
        if kind == "rate":
            cell.alignment = RIGHT
        return
    if kind == "text":
        set_text(cell, str(value))
        return
    if kind == "money":
        cell.value = Decimal(value)
    elif kind == "rate":
        cell.value = round(float(value), 4)
    elif isinstance(value, (int, float, Decimal, dt.date)):
        cell.value = value
    else:
        set_text(cell, str(value))
        return
    cell.number_format = FORMATS[kind]


def write_stats_sheet(ws, stats: YearStats, *, prepared_by: str = "", reviewed_by: str = "") -> int:
    """Fill an empty worksheet; returns the last row written."""
    tables = stats_service.tables(stats)
    ncols = max([MIN_COLUMNS, *(len(t.headers) for t in tables)])
    last_letter = get_column_letter(ncols)
    widths = [0.0] * ncols
    widths[0] = 14.0
    header_rows: list[tuple[int, list[str]]] = []
    labels: list[tuple[int, str]] = []  # first-column texts, which may wrap

    def merged(row: int, text: str, font, alignment, height: float | None = None) -> None:
        cell = ws.cell(row, 1)
        set_text(cell, text)
        cell.font, cell.alignment = font, alignment
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        if height:
            ws.row_dimensions[row].height = height

    period = stats.period
    row = 1
    merged(row, sheet_title(stats), TITLE_FONT, CENTER, 32)
    row += 1
    merged(
        row,
        f"统计期间：{period.first_day:%Y-%m-%d} 至 {period.last_day:%Y-%m-%d}　会员数据截至：{stats.as_of:%Y-%m-%d}",
        INFO_FONT,
        LEFT,
        20,
    )
    row += 1
    paragraph = stats_service.key_paragraph(stats)
    merged(row, paragraph, Font(name=FONT_NAME, size=11), LEFT_WRAP)
    paragraph_row = row
    ws.cell(row, 1).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)

    for table in tables:
        row += 2
        cell = ws.cell(row, 1)
        set_text(cell, table.title)
        cell.font = CAPTION_FONT
        ws.row_dimensions[row].height = 20
        row += 1
        header_rows.append((row, list(table.headers)))
        for col, head in enumerate(table.headers, start=1):
            cell = ws.cell(row, col)
            set_text(cell, head)
            cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BORDER, CENTER
            widths[col - 1] = max(widths[col - 1], header_floor(head))
        body = [(r, BODY_FONT) for r in table.rows]
        if table.total:
            body.append((table.total, TOTAL_FONT))
        for values, font in body:
            row += 1
            for col, (value, kind) in enumerate(zip(values, table.kinds), start=1):
                cell = ws.cell(row, col)
                _put(cell, value, kind)
                cell.font, cell.border = font, BORDER
                if cell.alignment is None or cell.alignment.horizontal is None:
                    cell.alignment = LEFT_WRAP if kind == "text" and col == 1 else CENTER if kind in ("text", "date") else RIGHT
                shown = stats_service.format_cell(value, kind)
                if col == 1 and kind == "text":
                    labels.append((row, shown))
                widths[col - 1] = max(widths[col - 1], min(paper_width(shown) * (1.05 if font is TOTAL_FONT else 1), 50))
    notes = stats_service.sheet_notes(stats)  # each section's, in order
    row += 1
    for i, note in enumerate(notes):
        row += 1
        merged(row, f"注：{note}" if i == 0 else f"　　{note}", NOTE_FONT, LEFT)

    # 制表人 / 审核人 / 日期
    row += 2
    today = dt.date.today()
    set_text(ws.cell(row, 1), f"制表人：{prepared_by or '_' * 10}")
    third = max(1, ncols // 3)
    set_text(ws.cell(row, 1 + third), f"审核人：{reviewed_by or '_' * 10}")
    set_text(ws.cell(row, 1 + 2 * third), f"日期：{today.year}年{today.month}月{today.day}日")
    for col in (1, 1 + third, 1 + 2 * third):
        ws.cell(row, col).font = SIGN_FONT
    ws.row_dimensions[row].height = 24

    # One page wide with the text at 9 pt or more (xlsx_export.page_units): the labels column
    # gives way (its long labels wrap) when the tables are too wide.
    widths = [round(max(width, 6.0), 1) for width in widths]
    over = sum(widths) - page_units("landscape")
    if over > 0:
        widths[0] = round(max(FIRST_COLUMN_FLOOR, widths[0] - over), 1)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for label_row, text in labels:
        lines = paper_lines(text, widths[0])
        if lines > 1:
            ws.row_dimensions[label_row].height = round(LINE_HEIGHT * lines + 4, 1)
    for head_row, heads in header_rows:
        lines = max(paper_lines(h, widths[c], HEADER_SIZE) for c, h in enumerate(heads))
        if lines > 1:
            ws.row_dimensions[head_row].height = round(HEADER_LINE_HEIGHT * lines + 6, 1)
    # Excel does not grow a merged row to fit: about two width units per Chinese character at 11 pt
    per_line = max(10, int(sum(widths) / 2.1))
    ws.row_dimensions[paragraph_row].height = 15 * (-(-len(paragraph) // per_line)) + 8

    ws.print_area = f"A1:{last_letter}{row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    footer = ws.oddFooter
    footer.center.text = PAGE_FOOTER
    footer.center.size = FOOTER_SIZE
    footer.center.font = FONT_NAME
    return row


def write_stats_workbook(period, path, *, stats: YearStats | None = None) -> Path:
    """Compute (unless given) and write the statistics of `period` to `path` (atomically)."""
    from union_desk.services import settings

    stats = stats or stats_service.year_stats(period)
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_NAME
    write_stats_sheet(ws, stats, prepared_by=settings.get("chair").strip())
    return save_workbook_atomic(workbook, path)


def table_rows(ws, table: StatTable) -> int | None:
    """The header row of `table` on a written sheet (found by its caption), for tests and readers."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        cell = row[0]
        if cell.value == table.title:
            return cell.row + 1
    return None
