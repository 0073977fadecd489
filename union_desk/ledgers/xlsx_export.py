"""Write a ledger (台账) into an Excel workbook that prints well (DESIGN.md, Excel conventions).

    write_ledger(MEMBERS, members, "花名册.xlsx", options=ExportOptions(school_name="…"))

Layout of a sheet: title row (学校名称 + 台账名称 + 年度) merged across the table, an info row,
the bold bordered header row (repeated on every printed page, panes frozen under it), the data
rows, a total row when the ledger has money columns, and a 制表人 / 审核人 / 日期 line. Printed on
A4 landscape, one page wide, with page numbers in the footer.

For a workbook holding several ledgers (the inspection pack), call `add_ledger_sheet` once per
ledger on one `openpyxl.Workbook` and then `save_workbook_atomic`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from union_desk.ledgers.common import ProgressFn, Ticker, save_workbook_atomic
from union_desk.ledgers.specs import ExportOptions, LedgerColumn, LedgerSpec, display_text

FONT_NAME = "宋体"  # present on every Chinese Windows and in WPS; LibreOffice substitutes
FORMULA_START = ("=", "+", "-", "@")

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
INFO_FONT = Font(name=FONT_NAME, size=10)
HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=10)
TOTAL_FONT = Font(name=FONT_NAME, size=10, bold=True)
SIGN_FONT = Font(name=FONT_NAME, size=11)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")
LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
CENTERED_KINDS = ("id", "phone", "date", "int", "bool")
SHORT_TEXT = 4  # text columns this narrow (性别, 民族, 状态) are centred

PAGE_FOOTER = "第 &P 页 共 &N 页"


@dataclass
class SheetLayout:
    """Where things ended up on a written sheet (1-based rows)."""

    title: str
    header_row: int
    first_data_row: int
    last_data_row: int  # == header_row when there are no records
    total_row: int | None
    signature_row: int | None
    last_column: int


def text_width(text: str) -> float:
    """Width in half-width characters: a Chinese character counts two."""
    width = 0.0
    for ch in text:
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.1 if ch.isupper() else 1
    return width


def body_width(text: str) -> float:
    """Excel column width for body text (10 pt 宋体 in a Calibri-11 workbook: a Chinese character
    is about 1.8 digit widths) plus padding."""
    return text_width(text) * 0.9 + 1.5


def header_width(text: str) -> float:
    return text_width(text) + 1.5  # 11 pt bold


def ledger_title(spec: LedgerSpec, options: ExportOptions) -> str:
    title = f"{options.school_name.strip()}{options.title or spec.title}"
    period = options.period_text()
    return f"{title}（{period}）" if period else title


def safe_sheet_name(name: str, taken: list[str] | None = None) -> str:
    cleaned = "".join("_" if ch in '[]:*?/\\' else ch for ch in name).strip("'") or "Sheet"
    cleaned = cleaned[:31]
    taken_lower = {t.lower() for t in taken or []}
    candidate, n = cleaned, 2
    while candidate.lower() in taken_lower:
        suffix = f"({n})"
        candidate, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    return candidate


def set_text(cell, text: str) -> None:
    """Write `text` as a string, never a formula: '=1+1' stays the four characters '=1+1'."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.value = text
    if text.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True  # Excel keeps it as text even when the user edits the cell


def cell_value(column: LedgerColumn, value):
    """The Python value to store for a column kind (text kinds as str, dates as date ...)."""
    if value is None or value == "":
        return None
    kind = column.kind
    if kind in ("text", "id", "phone"):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)
    if kind == "bool":
        return "是" if value else "否"
    if kind == "date":
        if isinstance(value, (dt.date, dt.datetime)):
            return value
        return str(value)
    if kind == "money":
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if kind == "int":
        return int(value) if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) else str(value)
    return value


def put(cell, column: LedgerColumn, value) -> None:
    value = cell_value(column, value)
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value
    cell.number_format = column.number_format


def _alignment(column: LedgerColumn) -> Alignment:
    if column.wrap:
        return LEFT_WRAP
    if column.kind == "money":
        return RIGHT
    if column.kind in CENTERED_KINDS or column.width <= SHORT_TEXT + 2:
        return CENTER
    return LEFT


def add_ledger_sheet(
    workbook: Workbook,
    spec: LedgerSpec,
    records,
    *,
    options: ExportOptions | None = None,
    ticker: Ticker | None = None,
) -> Worksheet:
    """A new sheet in `workbook` holding the ledger (the untouched default sheet is reused)."""
    active = workbook.active
    names = workbook.sheetnames
    name = spec.sheet_name or spec.title
    if len(names) == 1 and active.max_row == 1 and active.max_column == 1 and active["A1"].value is None and active.title == "Sheet":
        ws = active
        ws.title = safe_sheet_name(name)
    else:
        ws = workbook.create_sheet(safe_sheet_name(name, names))
    write_ledger_sheet(ws, spec, records, options=options, ticker=ticker)
    return ws


def write_ledger_sheet(
    ws: Worksheet,
    spec: LedgerSpec,
    records,
    *,
    options: ExportOptions | None = None,
    ticker: Ticker | None = None,
) -> SheetLayout:
    """Write one ledger into an (empty) worksheet: title, header, rows, totals, print set-up."""
    options = options or ExportOptions()
    records = list(records)
    columns = spec.export_columns(options)
    ncols = len(columns)
    last_letter = get_column_letter(ncols)
    widths = [max(c.width, header_width(c.header)) for c in columns]
    alignments = [_alignment(c) for c in columns]

    # Title and info rows.
    title = ledger_title(spec, options)
    row = 1
    ws.cell(row, 1, title).font = TITLE_FONT
    ws.cell(row, 1).alignment = CENTER
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    ws.row_dimensions[row].height = 32
    info = options.subtitle if options.subtitle is not None else (spec.info(records, options) if spec.info else f"共 {len(records)} {spec.unit}")
    if info:
        row += 1
        cell = ws.cell(row, 1)
        set_text(cell, info)
        cell.font = INFO_FONT
        cell.alignment = LEFT
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        ws.row_dimensions[row].height = 20

    # Header row.
    row += 1
    header_row = row
    for col, column in enumerate(columns, start=1):
        cell = ws.cell(row, col)
        set_text(cell, column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = CENTER
    ws.row_dimensions[row].height = 24

    # Data rows. Styles are worked out once per column and copied (assigning Font/Border objects
    # cell by cell makes openpyxl hash them every time: 10,000 rows would take a minute).
    templates = []
    for column, alignment in zip(columns, alignments):
        cell = Cell(ws, row=1, column=1)  # detached: only its style is used
        cell.font, cell.border, cell.alignment = BODY_FONT, BORDER, alignment
        cell.number_format = column.number_format
        plain = copy(cell._style)
        cell.quotePrefix = True
        templates.append((plain, copy(cell._style)))
    totals = [Decimal("0.00") if c.has_total else None for c in columns]
    cell_at = ws.cell
    seen_widths: dict = {}
    for seq, record in enumerate(records, start=1):
        row += 1
        for col, column in enumerate(columns, start=1):
            value = column.get(record, options, seq)
            cell = cell_at(row, col)
            stored = cell_value(column, value)
            if isinstance(stored, str):
                stored = ILLEGAL_CHARACTERS_RE.sub("", stored)
                cell.value = stored
                if stored.startswith(FORMULA_START):
                    cell.data_type = "s"
                    cell._style = copy(templates[col - 1][1])
                else:
                    cell._style = copy(templates[col - 1][0])
            else:
                cell.value = stored
                cell._style = copy(templates[col - 1][0])
            if stored is not None:
                key = (col, stored)
                w = seen_widths.get(key)
                if w is None:
                    w = seen_widths[key] = min(body_width(display_text(column, stored)), column.max_width)
                if w > widths[col - 1]:
                    widths[col - 1] = w
                if totals[col - 1] is not None and column.kind in ("money", "int"):
                    totals[col - 1] += Decimal(str(value))
        if ticker is not None:
            ticker.step()
    last_data_row = row

    # Total row.
    total_row = None
    if spec.has_totals:
        row += 1
        total_row = row
        for col, column in enumerate(columns, start=1):
            cell = ws.cell(row, col)
            cell.border = BORDER
            cell.font = TOTAL_FONT
            cell.alignment = alignments[col - 1]
            if totals[col - 1] is not None:
                put(cell, column, totals[col - 1])
        first = ws.cell(row, 1)
        set_text(first, "合计")
        first.alignment = CENTER
        first.number_format = "General"

    # 制表人 / 审核人 / 日期 under the table.
    signature_row = None
    made_on = options.made_on or options.day
    if spec.signatures:
        row += 2
        signature_row = row
        parts = [
            f"制表人：{options.prepared_by or '_' * 10}",
            f"审核人：{options.reviewed_by or '_' * 10}",
            f"日期：{made_on.year}年{made_on.month}月{made_on.day}日",
        ]
        if ncols < len(parts):
            parts = ["    ".join(parts)]
        spans = _split(ncols, len(parts))
        for text, (start, end) in zip(parts, spans):
            cell = ws.cell(row, start)
            set_text(cell, text)
            cell.font = SIGN_FONT
            cell.alignment = LEFT
            if end > start:
                ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=end)
        ws.row_dimensions[row].height = 24

    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = round(width, 1)

    # View and print set-up.
    ws.freeze_panes = ws.cell(header_row + 1, spec.freeze_columns + 1).coordinate
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_area = f"A1:{last_letter}{row}"
    ws.page_setup.orientation = spec.orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.header = 0.3
    ws.page_margins.footer = 0.3
    footer = ws.oddFooter
    footer.center.text = PAGE_FOOTER
    if spec.signatures:
        footer.left.text = f"制表人：{options.prepared_by}"
        footer.right.text = f"审核人：{options.reviewed_by}    日期：{made_on.isoformat()}"
    for part in (footer.left, footer.center, footer.right):
        part.size = 9
        part.font = FONT_NAME
    return SheetLayout(title, header_row, header_row + 1, last_data_row, total_row, signature_row, ncols)


def _split(ncols: int, parts: int) -> list[tuple[int, int]]:
    """`parts` column spans covering 1..ncols as evenly as possible (one column each if narrow)."""
    size, extra = divmod(ncols, parts)
    spans, start = [], 1
    for i in range(parts):
        end = start + size - 1 + (1 if i < extra else 0)
        spans.append((start, end))
        start = end + 1
    return spans


def write_ledger(
    spec: LedgerSpec,
    records,
    path,
    *,
    options: ExportOptions | None = None,
    progress: ProgressFn | None = None,
) -> Path:
    """Write one ledger into a new workbook at `path` (atomically); returns the file written.

    `progress(done, total, label)` returning False cancels: `Cancelled` ('已取消') is raised and
    no file is written. A target open in Excel raises FileInUseError and stays as it was.
    """
    records = list(records)
    ticker = Ticker(progress, len(records), f"正在导出{spec.title}")
    ticker.report(0)
    workbook = Workbook()
    add_ledger_sheet(workbook, spec, records, options=options, ticker=ticker)
    ticker.report(len(records), "正在保存文件")
    return save_workbook_atomic(workbook, path)
