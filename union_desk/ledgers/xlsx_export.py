"""Write a ledger (台账) into an Excel workbook that prints well (DESIGN.md, Excel conventions).

    write_ledger(MEMBERS, members, "花名册.xlsx", options=ExportOptions(school_name="…"))

Layout of a sheet: title row (学校名称 + 台账名称 + 年度) merged across the table, an info row,
the bold bordered header row (repeated on every printed page, panes frozen under it), the data
rows, a total row when the ledger has money columns, the ledger's summary tables (e.g. 走访慰问
by type) and a 制表人 / 审核人 / 日期 line. Printed on A4 landscape, one page wide, with page
numbers in the footer.

For a workbook holding several ledgers (the inspection pack), call `add_ledger_sheet` once per
ledger on one `openpyxl.Workbook` and then `save_workbook_atomic`. A sheet is built by a
`SheetBuilder`: one style object per column, values stored without openpyxl's per-cell checks.
"""

from __future__ import annotations

import datetime as dt
import inspect
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange

from union_desk.ledgers.common import ProgressFn, Ticker, check_target, save_workbook_atomic
from union_desk.ledgers.specs import Block, ExportOptions, LedgerColumn, LedgerSpec, display_text

FONT_NAME = "宋体"  # present on every Chinese Windows and in WPS; LibreOffice substitutes
FORMULA_START = ("=", "+", "-", "@")

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
SUBTITLE_FONT = Font(name=FONT_NAME, size=12, bold=True)
INFO_FONT = Font(name=FONT_NAME, size=10)
HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=10)
MUTED_FONT = Font(name=FONT_NAME, size=10, color="808080", strike=True)
TOTAL_FONT = Font(name=FONT_NAME, size=10, bold=True)
SIGN_FONT = Font(name=FONT_NAME, size=11)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")
LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
CENTERED_KINDS = ("id", "phone", "date", "datetime", "int", "bool", "percent")
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
    summary_rows: tuple[int, ...] = ()  # the header row of each summary table under the ledger
    records: int = 0


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


LINE_HEIGHT = 13.5  # points per line of 10 pt text


def text_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapping column `width` wide."""
    room = max(1.0, width - 1.5)
    return sum(max(1, -(-int(text_width(part) * 0.9 * 10) // int(room * 10))) for part in str(text).split("\n"))


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
    if kind in ("date", "datetime"):
        if isinstance(value, (dt.date, dt.datetime)):
            return value
        return str(value)
    if kind == "money":
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if kind == "int":
        return int(value) if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) else str(value)
    if kind == "percent":
        return float(value) if isinstance(value, (int, float, Decimal)) else str(value)
    return value


FIXED_WIDTHS = {"date": body_width("2026-01-01"), "datetime": body_width("2026-01-01 00:00"), "bool": body_width("是"),
                "percent": body_width("100.0%")}


def _converter(column: LedgerColumn):
    """`cell_value` for one column, with a short way for text that is already a string."""
    if column.kind in ("text", "id", "phone"):
        def text(value):
            if value.__class__ is str:
                return value or None
            return cell_value(column, value)

        return text
    return lambda value: cell_value(column, value)


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


# --- building a sheet ----------------------------------------------------------------------------


class _OwnStyle:
    """A style attribute of a built cell (font, border …): before it changes, the cell gets its own
    copy of the style array it shares with the other cells of its column."""

    def __init__(self, name: str):
        self.inner = inspect.getattr_static(Cell, name)  # the descriptor itself

    def __get__(self, instance, owner=None):
        return self if instance is None else self.inner.__get__(instance, owner)

    def __set__(self, instance, value):
        if instance._style is instance._sid[1]:
            instance._style = StyleArray(instance._style)
        self.inner.__set__(instance, value)


class _Cell(Cell):
    """A cell that shares its style array with the cells of the same style (restyling one gives
    it its own, see `_OwnStyle`) and whose style id is known, not looked up for every cell."""

    __slots__ = ("_sid",)  # (the style id, the shared style array)

    @property
    def style_id(self):
        sid, shared = self._sid
        return sid if self._style is shared else Cell.style_id.fget(self)


for _name in ("font", "fill", "border", "number_format", "protection", "alignment", "style", "quotePrefix", "pivotButton"):
    setattr(_Cell, _name, _OwnStyle(_name))


_TYPES = {str: "s", int: "n", float: "n", Decimal: "n", dt.date: "d", dt.datetime: "d"}
_new_cell = _Cell.__new__


class SheetBuilder:
    """The cells of one sheet, collected in memory and put into the worksheet in one go by
    `finish()`. Styles are made once per combination and shared by the cells (assigning
    Font/Border objects cell by cell makes openpyxl hash them every time); values are stored
    without openpyxl's per-cell type guessing."""

    def __init__(self, ws):
        self.ws = ws
        self.cells: dict[tuple[int, int], Cell] = {}
        self.last_row = 0
        self.merges: list[tuple[int, int, int, int]] = []
        self.heights: dict[int, float] = {}
        self.widths: dict[int, float] = {}
        self._styles: dict[tuple, tuple] = {}
        self._ids: dict[tuple[int, bool], tuple] = {}
        self._keep: list = []

    def style(self, font=BODY_FONT, alignment=LEFT, *, border=BORDER, fill=None, number_format="General"):
        """The style array of a combination (made once; pass it to `put`)."""
        key = (id(font), id(alignment), id(border), id(fill), number_format)
        found = self._styles.get(key)
        if found is None:
            cell = Cell(self.ws, row=1, column=1)
            cell.font, cell.alignment = font, alignment
            if border is not None:
                cell.border = border
            if fill is not None:
                cell.fill = fill
            cell.number_format = number_format
            # the objects stay referenced, so their ids are never reused for another style
            found = self._styles[key] = (cell._style, (font, alignment, border, fill))
        return found[0]

    def _shared(self, style, quoted: bool) -> tuple:
        """(style id, style array) of a style, with quotePrefix when `quoted`; made once."""
        found = self._ids.get((id(style), quoted))
        if found is None:
            array = StyleArray(style)
            if quoted:
                array.quotePrefix = 1
            found = self._ids[(id(style), quoted)] = (self.ws.parent._cell_styles.add(array), array)
            self._keep.append(style)  # referenced, so its id is never reused for another style
        return found

    def cell(self, row: int, col: int, value, style) -> Cell:
        """A new cell (not yet placed: see `put`); a string is always text, never a formula
        ('=SUM(A1)' stays those eight characters)."""
        cell = _new_cell(_Cell)  # the slots of Cell.__init__, without its per-call overhead
        cell.parent, cell.row, cell.column = self.ws, row, col
        cell._hyperlink = cell._comment = None
        quoted = False
        if value is None or value == "":
            cell._value, cell.data_type = None, "n"
        else:
            kind = _TYPES.get(type(value))
            if kind == "s":
                if ILLEGAL_CHARACTERS_RE.search(value):
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)
                quoted = value[:1] in FORMULA_START  # Excel keeps it as text even when the cell is edited
                cell._value, cell.data_type = value[:32767], "s"
            elif kind is not None:
                cell._value, cell.data_type = value, kind
            else:
                cell._value, cell.data_type = None, "n"
                cell.value = value
        shared = self._ids.get((id(style), quoted)) or self._shared(style, quoted)
        cell._sid = shared
        cell._style = shared[1]
        return cell

    def put(self, row: int, col: int, value, style) -> Cell:
        cell = self.cells[(row, col)] = self.cell(row, col, value, style)
        if row > self.last_row:
            self.last_row = row
        return cell

    def put_merged(self, row: int, first_col: int, last_col: int, value, style) -> Cell:
        """A cell merged across columns; the covered cells get its style (so its borders show)."""
        cell = self.put(row, first_col, value, style)
        if last_col > first_col:
            for col in range(first_col + 1, last_col + 1):
                self.put(row, col, None, style)
            self.merges.append((row, first_col, row, last_col))
        return cell

    def width(self, col: int, width: float) -> None:
        self.widths[col] = max(self.widths.get(col, 0), width)

    def finish(self) -> None:
        ws = self.ws
        for col, width in sorted(self.widths.items()):
            ws.column_dimensions[get_column_letter(col)].width = round(width, 1)
        for row, height in self.heights.items():
            ws.row_dimensions[row].height = height
        ws._cells.update(self.cells)
        ws._current_row = max(ws._current_row, self.last_row)
        for r1, c1, r2, c2 in self.merges:
            # the covered cells already carry the style: no need for openpyxl to redo their borders
            ws.merged_cells.add(MergedCellRange(ws, CellRange(min_col=c1, min_row=r1, max_col=c2, max_row=r2).coord))
        self.cells = {}


def title_row(sheet: SheetBuilder, row: int, text: str, ncols: int, font=TITLE_FONT, height: float = 32) -> None:
    sheet.put_merged(row, 1, ncols, text, sheet.style(font, CENTER, border=None))
    sheet.heights[row] = height


def info_row(sheet: SheetBuilder, row: int, text: str, ncols: int) -> None:
    sheet.put_merged(row, 1, ncols, text, sheet.style(INFO_FONT, LEFT, border=None))
    sheet.heights[row] = 20


def header_cells(sheet: SheetBuilder, row: int, texts, spans=None) -> None:
    """A bold, bordered, shaded header row; `spans` [(first, last)] lets a header cover columns."""
    style = sheet.style(HEADER_FONT, CENTER, fill=HEADER_FILL)
    spans = spans or [(c, c) for c in range(1, len(texts) + 1)]
    for text, (first, last) in zip(texts, spans):
        sheet.put_merged(row, first, last, text, style)
    sheet.heights[row] = 24


def split_columns(ncols: int, parts: int) -> list[tuple[int, int]]:
    """`parts` column spans covering 1..ncols as evenly as possible (one column each if narrow)."""
    if parts >= ncols:
        return [(c, c) for c in range(1, parts + 1)]
    size, extra = divmod(ncols, parts)
    spans, start = [], 1
    for i in range(parts):
        end = start + size - 1 + (1 if i < extra else 0)
        spans.append((start, end))
        start = end + 1
    return spans


_split = split_columns  # the old private name


def write_block(sheet: SheetBuilder, row: int, block: Block, ncols: int, spans=None) -> int:
    """A small table (title, header, rows, optional total row) spread over the sheet's columns.
    Returns the row of its header; the block ends at `sheet.last_row`."""
    columns = block.columns
    spans = spans or split_columns(ncols, len(columns))
    if block.title:
        sheet.put_merged(row, 1, max(ncols, spans[-1][1]), block.title, sheet.style(SUBTITLE_FONT, LEFT, border=None))
        sheet.heights[row] = 22
        row += 1
    header_row = row
    header_cells(sheet, row, [c.header for c in columns], spans)
    styles = [sheet.style(BODY_FONT, _alignment(c), number_format=c.number_format) for c in columns]
    totals = [Decimal("0") if c.has_total else None for c in columns]
    for values in block.rows:
        row += 1
        for i, (column, value, (first, last)) in enumerate(zip(columns, values, spans)):
            stored = cell_value(column, value)
            sheet.put_merged(row, first, last, stored, styles[i])
            if totals[i] is not None and isinstance(stored, (int, float, Decimal)):
                totals[i] += Decimal(str(stored))
    if block.total_label and block.rows:
        row += 1
        for i, (column, (first, last)) in enumerate(zip(columns, spans)):
            value = block.total_label if i == 0 else totals[i]
            style = sheet.style(TOTAL_FONT, CENTER if i == 0 else _alignment(column), number_format="General" if i == 0 else column.number_format)
            sheet.put_merged(row, first, last, cell_value(column, value) if i else value, style)
    for i, (first, last) in enumerate(spans):
        if first == last:
            sheet.width(first, header_width(columns[i].header))
    return header_row


def page_setup(ws, *, title_rows: str | None, last_row: int, last_col: int, orientation: str = "landscape",
               footer_left: str = "", footer_right: str = "", fit_height: int = 0, sheet_name_in_footer: bool = False) -> None:
    """A4, fitted to one page wide (and `fit_height` pages tall, 0 = as many as needed), the
    header rows repeated on every page, page numbers in the footer."""
    if title_rows:
        ws.print_title_rows = title_rows
    ws.print_area = f"A1:{get_column_letter(max(1, last_col))}{max(1, last_row)}"
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = fit_height
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.header = 0.3
    ws.page_margins.footer = 0.3
    footer = ws.oddFooter
    footer.center.text = f"&A  {PAGE_FOOTER}" if sheet_name_in_footer else PAGE_FOOTER
    footer.left.text = footer_left or None
    footer.right.text = footer_right or None
    for part in (footer.left, footer.center, footer.right):
        part.size = 9
        part.font = FONT_NAME


# --- a ledger sheet ------------------------------------------------------------------------------


def new_sheet(workbook: Workbook, name: str):
    """A new sheet (the untouched default sheet of a new workbook is reused)."""
    names = workbook.sheetnames
    if len(names) == 1:
        active = workbook.active
        if active.title == "Sheet" and active.max_row == 1 and active.max_column == 1 and active["A1"].value is None:
            active.title = safe_sheet_name(name)
            return active
    return workbook.create_sheet(safe_sheet_name(name, names))


def add_ledger_sheet(
    workbook: Workbook,
    spec: LedgerSpec,
    records,
    *,
    options: ExportOptions | None = None,
    ticker: Ticker | None = None,
    sheet_name_in_footer: bool = False,
):
    """A new sheet in `workbook` holding the ledger (the untouched default sheet is reused)."""
    ws = new_sheet(workbook, spec.sheet_name or spec.title)
    write_ledger_sheet(ws, spec, records, options=options, ticker=ticker, sheet_name_in_footer=sheet_name_in_footer)
    return ws


def write_ledger_sheet(
    ws,
    spec: LedgerSpec,
    records,
    *,
    options: ExportOptions | None = None,
    ticker: Ticker | None = None,
    sheet_name_in_footer: bool = False,
) -> SheetLayout:
    """Write one ledger into an (empty) worksheet: title, header, rows, totals, print set-up."""
    options = options or ExportOptions()
    records = list(records)
    columns = spec.export_columns(options)
    ncols = len(columns)
    sheet = SheetBuilder(ws)
    widths = [max(c.width, header_width(c.header)) for c in columns]

    # Title and info rows.
    title = ledger_title(spec, options)
    row = 1
    title_row(sheet, row, title, ncols)
    info = options.subtitle if options.subtitle is not None else (spec.info(records, options) if spec.info else f"共 {len(records)} {spec.unit}")
    if info:
        row += 1
        info_row(sheet, row, info, ncols)

    # Header row.
    row += 1
    header_row = row
    header_cells(sheet, row, [c.header for c in columns])

    # Data rows: one style per column (and one for muted rows, e.g. voided records).
    styles = [sheet.style(BODY_FONT, _alignment(c), number_format=c.number_format) for c in columns]
    muted_styles = [sheet.style(MUTED_FONT, _alignment(c), number_format=c.number_format) for c in columns]
    totals = [Decimal("0.00") if c.has_total else None for c in columns]
    make, cells = sheet.cell, sheet.cells
    seen_widths: dict = {}
    wrapped: dict[int, list] = {}  # row -> (column, text) of wrapped cells that may need more lines
    muted = spec.muted
    plan = []
    for col, column in enumerate(columns, start=1):
        fixed = FIXED_WIDTHS.get(column.kind)
        if fixed:  # dates, times, 是/否: every value is as wide
            widths[col - 1] = max(widths[col - 1], fixed)
        total = col - 1 if totals[col - 1] is not None else None
        plan.append((col, column, column.value, _converter(column), styles[col - 1], muted_styles[col - 1], not fixed, total))
    for seq, record in enumerate(records, start=1):
        row += 1
        quiet = muted is not None and muted(record)
        for col, column, get, convert, style, quiet_style, measure, total in plan:
            stored = convert(seq if get is None else get(record, options))
            cells[(row, col)] = make(row, col, stored, quiet_style if quiet else style)
            if stored is None:
                continue
            if measure:
                key = (col, stored)
                w = seen_widths.get(key)
                if w is None:
                    w = seen_widths[key] = body_width(display_text(column, stored))
                if w > widths[col - 1]:
                    widths[col - 1] = min(w, column.max_width)
                    if w > column.max_width and column.wrap:
                        wrapped.setdefault(row, []).append((col, stored))
                elif column.wrap and (w > column.width or "\n" in stored):
                    wrapped.setdefault(row, []).append((col, stored))
            if total is not None and not quiet and isinstance(stored, (int, Decimal)):
                totals[total] += stored
        if ticker is not None:
            ticker.step()
    last_data_row = sheet.last_row = row
    for wrapped_row, texts in wrapped.items():
        lines = max(text_lines(text, widths[col - 1]) for col, text in texts)
        if lines > 1:  # Excel and WPS do not grow a row for wrapped text by themselves
            sheet.heights[wrapped_row] = round(LINE_HEIGHT * lines + 3, 1)

    # Total row.
    total_row = None
    if spec.has_totals:
        row += 1
        total_row = row
        for col, column in enumerate(columns, start=1):
            style = sheet.style(TOTAL_FONT, _alignment(column), number_format=column.number_format)
            sheet.put(row, col, cell_value(column, totals[col - 1]) if totals[col - 1] is not None else None, style)
        sheet.put(row, 1, "合计", sheet.style(TOTAL_FONT, CENTER))

    # Summary tables (e.g. 走访慰问 by type).
    summary_rows = []
    for block in spec.summary(records, options) if spec.summary else ():
        row = sheet.last_row + 2
        summary_rows.append(write_block(sheet, row, block, ncols))
        row = sheet.last_row

    # 制表人 / 审核人 / 日期 under the table.
    signature_row = None
    made_on = options.made_on or options.day
    if spec.signatures:
        row += 2
        signature_row = row
        signature_line(sheet, row, ncols, options.prepared_by, options.reviewed_by, made_on)

    for col, width in enumerate(widths, start=1):
        sheet.width(col, width)
    # View and print set-up.
    ws.freeze_panes = f"{get_column_letter(spec.freeze_columns + 1)}{header_row + 1}"
    page_setup(
        ws,
        title_rows=f"{header_row}:{header_row}",
        last_row=row,
        last_col=ncols,
        orientation=spec.orientation,
        footer_left=f"制表人：{options.prepared_by}" if spec.signatures else "",
        footer_right=f"审核人：{options.reviewed_by}    日期：{made_on.isoformat()}" if spec.signatures else "",
        sheet_name_in_footer=sheet_name_in_footer,
    )
    sheet.finish()
    return SheetLayout(title, header_row, header_row + 1, last_data_row, total_row, signature_row, ncols, tuple(summary_rows), len(records))


def signature_line(sheet: SheetBuilder, row: int, ncols: int, prepared_by: str, reviewed_by: str, made_on: dt.date) -> None:
    parts = [
        f"制表人：{prepared_by or '_' * 10}",
        f"审核人：{reviewed_by or '_' * 10}",
        f"日期：{made_on.year}年{made_on.month}月{made_on.day}日",
    ]
    if ncols < len(parts):
        parts = ["    ".join(parts)]
    style = sheet.style(SIGN_FONT, LEFT, border=None)
    for text, (start, end) in zip(parts, split_columns(ncols, len(parts))):
        sheet.put_merged(row, start, end, text, style)
    sheet.heights[row] = 24


def new_workbook() -> Workbook:
    return Workbook()


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
    check_target(path)
    records = list(records)
    ticker = Ticker(progress, len(records), f"正在导出{spec.title}")
    ticker.report(0)
    workbook = new_workbook()
    add_ledger_sheet(workbook, spec, records, options=options, ticker=ticker)
    ticker.report(len(records), "正在保存文件")
    return save_workbook_atomic(workbook, path)
