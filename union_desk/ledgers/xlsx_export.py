"""Write a ledger (台账) into an Excel workbook that prints well (DESIGN.md, Excel conventions).

    write_ledger(MEMBERS, members, "花名册.xlsx", options=ExportOptions(school_name="…"))

Layout of a sheet: title row (学校名称 + 台账名称 + 年度) merged across the table, an info row,
the bold bordered header row (repeated on every printed page, panes frozen under it), the data
rows, a total row when the ledger has money columns, the ledger's summary tables (e.g. 走访慰问
by type) and a 制表人 / 审核人 / 日期 line (signed there, not repeated in the page footer).

On paper (A4 landscape, page numbers in the footer) no text is smaller than 9 pt. The spec
decides what is printed: its printed columns come first and make the print area, the others
follow them in the sheet. Widths come from the content; long text wraps (`paper_layout`). A
ledger that fits one page wide at 92% or more is fitted to one page wide; one that does not
prints several pages wide at a fixed scale, 序号 … 姓名 repeated on each page
(`print_title_cols`). Checked by tests/ledgers/test_printed_size.py, which prints with
LibreOffice and measures the text in the PDF.

For a workbook holding several ledgers (the inspection pack), call `add_ledger_sheet` once per
ledger on one `openpyxl.Workbook` and then `save_workbook_atomic`. A sheet is built by a
`SheetBuilder`: one style object per column, values stored without openpyxl's per-cell checks.
"""

from __future__ import annotations

import datetime as dt
import inspect
import math
import unicodedata
from collections import Counter
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
from openpyxl.worksheet.pagebreak import Break

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
    printed_columns: int = 0  # the first this many columns are printed (the print area)
    paper: PaperLayout | None = None


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


def header_width(text: str) -> float:
    return text_width(text) + 1.5  # 11 pt bold


# --- paper ----------------------------------------------------------------------------------------
#
# What a ledger puts on paper is measured in units of Excel column width: the digit width of the
# workbook's default font (Calibri 11). Excel counts 7 px (5.25 pt) a unit; LibreOffice, with
# Carlito for Calibri, 5.575 pt (the unrounded digit). A sheet fitted to one page wide prints at
# the whole percent that fits — and LibreOffice then takes up to 2% more off when that saves a
# page down (tdf#103516). So a sheet fitted to one page wide is at most `page_units()` wide: 95%
# in LibreOffice, at least 93% after its nudge (10 pt text prints at 9.3 pt), about 100% in
# Excel. Wider, it prints several pages wide at a fixed scale (no nudge).

PAGE_POINTS = {"landscape": 841.89 - 2 * 0.4 * 72, "portrait": 595.28 - 2 * 0.4 * 72}  # A4 between the side margins
POINTS_PER_UNIT = 5.6  # LibreOffice's (the wider), so Excel prints larger, never smaller
MIN_SCALE = 0.95  # the scale a sheet fitted to one page wide may need; 10 pt text (the smallest on a ledger, footer included) stays ≥ 9 pt
PAD = 1.0  # a cell's inner margins, in units
HEADER_SIZE = 11
FOOTER_SIZE = 10  # the footer shrinks with the page too


def page_units(orientation: str = "landscape", scale: float = MIN_SCALE) -> float:
    """How many units of column width fit one page wide printed at `scale`."""
    return PAGE_POINTS.get(orientation, PAGE_POINTS["landscape"]) / (POINTS_PER_UNIT * scale)


def paper_width(text: str, size: float = 10) -> float:
    """Units of column width `text` takes at `size` pt, padding included, erring wide: Chinese
    at Excel's measure (a 10 pt character is 1.9 units), Latin at the width of the font
    LibreOffice puts in for 宋体's Latin letters (DejaVu Sans; 宋体's own are narrower)."""
    wide = narrow = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            wide += 1
        elif ch in _NARROW:
            narrow += 0.4
        elif ch == "*":
            narrow += 0.5
        elif ch in "WM@%":
            narrow += 0.99
        elif ch.isupper():
            narrow += 0.75
        else:
            narrow += 0.64  # digits, small letters, * # ...
    return wide * size / 5.25 + narrow * size / 5.575 + PAD


_NARROW = frozenset(" .,:;'|!-()[]/")


def paper_lines(text: str, width: float, size: float = 10) -> int:
    """How many lines `text` takes in a wrapping column `width` units wide (Chinese breaks
    between any two characters)."""
    room = max(0.5, width - PAD)
    return sum(max(1, -(-round((paper_width(part, size) - PAD) * 100) // round(room * 100))) for part in str(text).split("\n"))


def header_floor(text: str) -> float:
    """The narrowest a column may be for its header: a header of four characters or more may
    wrap into two lines ('家庭/人口', '本期帮/扶次数'), a shorter one stays on one."""
    if len(text) < 4:
        return paper_width(text, HEADER_SIZE)
    half = (len(text) + 1) // 2
    return max(paper_width(text[:half], HEADER_SIZE), paper_width(text[half:], HEADER_SIZE))


def header_fit(text: str, width: float) -> float:
    """`width`, or the header's full width when at `width` the header would wrap leaving one
    character alone on its last line ('家庭月收/入', '报名状/态') and at most a character more
    keeps it on one line.
    Excel and LibreOffice fit a different number of characters on a line: either may orphan."""
    full = paper_width(text, HEADER_SIZE)
    if width >= full or len(text) < 3 or full - width > paper_width("字", HEADER_SIZE):  # at most a character wider
        return width
    for unit, margin in ((5.25, 0.7), (5.575, 0.4)):  # points per unit and cell margins: Excel, LibreOffice
        per_line = max(1, int((width - margin) * unit / HEADER_SIZE))
        if len(text) % per_line == 1:
            return full
    return width


@dataclass(frozen=True)
class PaperLayout:
    """How the printed columns of a ledger sheet go on paper.

    `widths` are the printed columns' widths; `strips` the (first, last) printed columns of each
    page across (one strip: fitted to one page wide); `repeat` the leading columns printed again
    on every page across (序号, 姓名); `scale` the print scale in percent when more than one page
    wide (None: fitted to one page wide)."""

    widths: tuple[float, ...]
    strips: tuple[tuple[int, int], ...]
    repeat: int = 0
    scale: int | None = None

    @property
    def first_strip_end(self) -> int:
        return self.strips[0][1]


def paper_layout(natural: list[float], floors: list[float], *, rows: Counter | None = None, wrapping: list[int] | None = None,
                 repeat: int = 0, orientation: str = "landscape") -> PaperLayout:
    """Column widths and page strips for printed columns that would like to be `natural` wide
    and can be squeezed (wrapping their text) down to `floors`. One page wide at ≥ MIN_SCALE
    when the floors fit, the wrapping columns squeezed as far as needed, a unit at a time, always
    where it adds the fewest lines to the table (`rows`: how many rows have which widths of
    values in the `wrapping` columns). Otherwise several pages wide, the first `repeat` columns
    on each, at the largest scale (≤ 100%) that fits the widest strip."""
    budget = page_units(orientation)
    one_page = ((1, len(natural)),)
    if sum(natural) <= budget:
        return PaperLayout(tuple(natural), one_page)
    if sum(floors) <= budget:
        wrapping = [c for c in (wrapping or range(len(natural))) if floors[c] < natural[c]]
        return PaperLayout(tuple(_squeeze(natural, floors, rows or Counter(), wrapping, budget)), one_page)
    widths = list(floors)
    repeated = sum(widths[:repeat])
    if repeated > budget / 3:  # the key columns would crowd out the rest
        repeat, repeated = 0, 0.0

    def pack(limit: float) -> list[tuple[int, int]]:
        """Strips of columns, each filled up to `limit` wide (the repeated columns included)."""
        strips, start, used = [], 1, 0.0
        for col, width in enumerate(widths, start=1):
            if col > start and used + width > limit:
                strips.append((start, col - 1))
                start, used = col, repeated
            used += width
        strips.append((start, len(widths)))
        return strips

    # as few pages across as fit, as evenly filled as they go (the narrowest limit giving as few)
    count, low, high = len(pack(budget)), 0.0, budget
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (low, middle) if len(pack(middle)) <= count else (middle, high)
    strips = pack(high)
    # each strip gives its spare room to its wrapping columns (no wider than natural)
    def strip_width(first, last):
        return (repeated if first > 1 else 0) + sum(widths[first - 1 : last])

    full = PAGE_POINTS.get(orientation, PAGE_POINTS["landscape"]) / POINTS_PER_UNIT  # one page across at 100%
    target = max(full, max(strip_width(f, l) for f, l in strips))
    for first, last in strips:
        spare = target - strip_width(first, last)
        wants = [(c, natural[c] - widths[c]) for c in range(max(first - 1, repeat), last) if natural[c] > widths[c]]
        want = sum(w for _, w in wants)
        for c, w in wants:
            widths[c] += w * min(1.0, spare / want)
    scale = min(100, int(100 * full / max(strip_width(f, l) for f, l in strips)))
    return PaperLayout(tuple(widths), tuple(strips), repeat, scale)


def _squeeze(natural: list[float], floors: list[float], rows: Counter, wrapping: list[int], budget: float) -> list[float]:
    """Narrow the columns from `natural` towards `floors` until they fit `budget`, a unit at a
    time, each time where it adds the fewest lines to the table: a column with one long value
    gives way before one whose every value would wrap, and a value in a row that is tall anyway
    wraps for free. `rows` counts the rows by the widths of their values in the `wrapping`
    columns."""
    widths = list(natural)
    where = {col: k for k, col in enumerate(wrapping)}

    def height(col: int, width: float) -> int:
        """The table's lines with column `col` at `width` (the others as they are)."""
        trial = [widths[c] for c in wrapping]
        trial[where[col]] = width
        total = 0
        for values, count in rows.items():
            most = 1
            for value, w in zip(values, trial):
                if value > w:
                    most = max(most, math.ceil((value - PAD) / (w - PAD) - 1e-9))
            total += count * most
        return total

    movable = {c for c in wrapping if widths[c] > floors[c] + 1e-6}
    over = sum(widths) - budget
    while over > 1e-6 and movable:
        now = height(next(iter(movable)), widths[next(iter(movable))])
        best = None
        for col in movable:
            step = min(1.0, widths[col] - floors[col], over)
            key = ((height(col, widths[col] - step) - now) / step, -widths[col], col)
            if best is None or key < best[0]:
                best = (key, col, step)
        _, col, step = best
        widths[col] -= step
        over -= step
        if widths[col] <= floors[col] + 1e-6:
            movable.discard(col)
    return widths


PAPER_FIXED_WIDTHS = {"date": paper_width("2026-01-01"), "datetime": paper_width("2026-01-01 00:00"), "bool": paper_width("是"),
                      "percent": paper_width("100.0%")}
HEADER_LINE_HEIGHT = 14.5  # points per line of 11 pt bold text


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


def _wraps(column: LedgerColumn) -> bool:
    """Whether a column's text may wrap on paper: long text always may, short text (`fold`)
    when the page is tight."""
    return column.wrap or column.fold


def _alignment(column: LedgerColumn) -> Alignment:
    if _wraps(column):
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


def write_block(sheet: SheetBuilder, row: int, block: Block, ncols: int, spans=None, first: int = 1) -> int:
    """A small table (title, header, rows, optional total row) spread over the sheet's columns
    (`first` to `ncols`). Returns the row of its header; the block ends at `sheet.last_row`."""
    columns = block.columns
    spans = spans or [(a + first - 1, b + first - 1) for a, b in split_columns(ncols - first + 1, len(columns))]
    if block.title:
        sheet.put_merged(row, first, max(ncols, spans[-1][1]), block.title, sheet.style(SUBTITLE_FONT, LEFT, border=None))
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
               footer_left: str = "", footer_right: str = "", fit_height: int = 0, sheet_name_in_footer: bool = False,
               layout: PaperLayout | None = None) -> None:
    """A4, fitted to one page wide (and `fit_height` pages tall, 0 = as many as needed), the
    header rows repeated on every page, page numbers in the footer. A `layout` of several strips
    prints several pages wide instead: at its scale, a page break after each strip, its leading
    columns repeated on each page and the pages numbered across, then down."""
    if title_rows:
        ws.print_title_rows = title_rows
    ws.print_area = f"A1:{get_column_letter(max(1, last_col))}{max(1, last_row)}"
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if layout is not None and len(layout.strips) > 1:
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = layout.scale
        ws.page_setup.pageOrder = "overThenDown"
        if layout.repeat:
            ws.print_title_cols = f"A:{get_column_letter(layout.repeat)}"
        for _first, last in layout.strips[:-1]:
            ws.col_breaks.append(Break(id=last))
    else:
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
        part.size = FOOTER_SIZE
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
    """Write one ledger into an (empty) worksheet: title, header, rows, totals, print set-up.

    The printed columns come first and make the print area; the columns the spec keeps off paper
    follow them. Column widths come from the content (`paper_layout`): one page wide with the
    text at 9 pt or more, or else several pages wide with 序号 and 姓名 on each."""
    options = options or ExportOptions()
    records = list(records)
    printed, off_paper = spec.paper_columns(options)
    columns = printed + off_paper
    ncols, nprinted = len(columns), len(printed)
    sheet = SheetBuilder(ws)
    content = [0.0] * ncols  # the widest value of each column, in units

    # Data rows first (their widths decide the layout): one style per column (and one for muted
    # rows, e.g. voided records). The title, info and header rows go above them.
    title = ledger_title(spec, options)
    info = options.subtitle if options.subtitle is not None else (spec.info(records, options) if spec.info else f"共 {len(records)} {spec.unit}")
    header_row = 3 if info else 2
    row = header_row
    styles = [sheet.style(BODY_FONT, _alignment(c), number_format=c.number_format) for c in columns]
    muted_styles = [sheet.style(MUTED_FONT, _alignment(c), number_format=c.number_format) for c in columns]
    totals = [Decimal("0.00") if c.has_total else None for c in columns]
    make, cells = sheet.cell, sheet.cells
    seen_widths: dict = {}
    wrapped: list[tuple[int, int, str]] = []  # (row, column index, text) of wrapping cells that may need more lines
    wrapping = [i for i, c in enumerate(printed) if _wraps(c)]  # printed columns whose text may wrap
    where = {i: k for k, i in enumerate(wrapping)}
    rows: Counter = Counter()  # rows by the widths of their values in those columns
    muted = spec.muted
    plan = []
    for col, column in enumerate(columns, start=1):
        fixed = PAPER_FIXED_WIDTHS.get(column.kind)
        total = col - 1 if totals[col - 1] is not None else None
        plan.append((col, column, column.value, _converter(column), styles[col - 1], muted_styles[col - 1], fixed, _wraps(column), total))
    for seq, record in enumerate(records, start=1):
        row += 1
        quiet = muted is not None and muted(record)
        shape = [0.0] * len(wrapping)
        for col, column, get, convert, style, quiet_style, fixed, wrap, total in plan:
            stored = convert(seq if get is None else get(record, options))
            cells[(row, col)] = make(row, col, stored, quiet_style if quiet else style)
            if stored is None:
                continue
            if fixed:  # dates, times, 是/否: every value is as wide
                w = fixed
            else:
                key = (col, stored)
                w = seen_widths.get(key)
                if w is None:
                    w = seen_widths[key] = paper_width(display_text(column, stored))
                if wrap:
                    if col - 1 in where:
                        shape[where[col - 1]] = w
                    if w > column.width or "\n" in stored:
                        wrapped.append((row, col - 1, stored))
            if w > content[col - 1]:
                content[col - 1] = w
            if total is not None and not quiet and isinstance(stored, (int, Decimal)):
                totals[total] += stored
        if wrapping:
            rows[tuple(shape)] += 1
        if ticker is not None:
            ticker.step()
    last_data_row = sheet.last_row = row

    for i, total in enumerate(totals):  # the total row (bold) must fit too
        if total is not None:
            content[i] = max(content[i], paper_width(display_text(columns[i], cell_value(columns[i], total))) * 1.05)

    # Widths: from the content, capped (long text wraps or, in a column that does not wrap, is
    # cut at `max_width`), never narrower than the header allows.
    floors, natural = [], []
    for i, column in enumerate(columns):
        head = header_floor(column.header)
        wide = header_fit(column.header, max(head, min(content[i], column.max_width)))
        natural.append(wide)
        floors.append(max(head, min(wide, column.width)) if _wraps(column) else wide)
    layout = paper_layout(natural[:nprinted], floors[:nprinted], rows=rows, wrapping=wrapping, repeat=_repeat_count(spec, printed),
                          orientation=spec.orientation)
    widths = list(layout.widths) + natural[nprinted:]
    span = layout.first_strip_end  # info, summaries and signatures: across the first page

    # Title, info and header rows. Printed several pages wide, the title, the info, the summary
    # tables and the signatures leave the repeated key columns empty (they print on every page
    # across) and each further page across gets the title again, marked 续.
    lead = layout.repeat + 1 if len(layout.strips) > 1 else 1
    title_style = sheet.style(TITLE_FONT, CENTER, border=None)
    titles = [(lead, span, title)] + [(first, last, f"{options.title or spec.title}（续）") for first, last in layout.strips[1:]]
    title_lines = 1
    for first, last, text in titles:  # the continued title: the ledger's name only, a strip may be narrow
        sheet.put_merged(1, first, last, text, title_style)
        title_lines = max(title_lines, paper_lines(text, sum(widths[first - 1 : last]), TITLE_FONT.sz))
    sheet.heights[1] = 32 if title_lines == 1 else round(21 * title_lines + 8, 1)
    if info:  # wraps when longer than the table is wide
        sheet.put_merged(2, lead, span, info, sheet.style(INFO_FONT, LEFT_WRAP, border=None))
        sheet.heights[2] = max(20, round(LINE_HEIGHT * paper_lines(info, sum(widths[lead - 1 : span])) + 6, 1))
    header_cells(sheet, header_row, [c.header for c in columns])
    header_lines = max((paper_lines(c.header, widths[i], HEADER_SIZE) for i, c in enumerate(columns)), default=1)
    sheet.heights[header_row] = max(24, round(HEADER_LINE_HEIGHT * header_lines + 6, 1))

    # Wrapped text: Excel and WPS do not grow a row for it by themselves.
    lines: dict[int, int] = {}
    for wrapped_row, i, text in wrapped:
        n = paper_lines(text, widths[i])
        if n > lines.get(wrapped_row, 1):
            lines[wrapped_row] = n
    for wrapped_row, n in lines.items():
        sheet.heights[wrapped_row] = round(LINE_HEIGHT * n + 4, 1)

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
        summary_rows.append(write_block(sheet, row, block, span, first=lead))
        row = sheet.last_row

    # 制表人 / 审核人 / 日期 under the table (once: not in the page footer as well).
    signature_row = None
    made_on = options.made_on or options.day
    if spec.signatures:
        row += 2
        signature_row = row
        signature_line(sheet, row, span, options.prepared_by, options.reviewed_by, made_on, first=lead)

    for col, width in enumerate(widths, start=1):
        sheet.widths[col] = round(width, 1)
    # View and print set-up.
    ws.freeze_panes = f"{get_column_letter(spec.freeze_columns + 1)}{header_row + 1}"
    page_setup(
        ws,
        title_rows=f"{header_row}:{header_row}",
        last_row=row,
        last_col=nprinted,
        orientation=spec.orientation,
        sheet_name_in_footer=sheet_name_in_footer,
        layout=layout,
    )
    sheet.finish()
    return SheetLayout(title, header_row, header_row + 1, last_data_row, total_row, signature_row, ncols, tuple(summary_rows),
                       len(records), nprinted, layout)


def _repeat_count(spec: LedgerSpec, printed: list[LedgerColumn]) -> int:
    """How many leading printed columns to repeat on every page across: through the last of the
    spec's `repeat_columns` among the first four (序号, 姓名), or none."""
    keys = [c.key for c in printed[:4]]
    found = [keys.index(k) + 1 for k in spec.repeat_columns if k in keys]
    return max(found, default=0)


def signature_line(sheet: SheetBuilder, row: int, ncols: int, prepared_by: str, reviewed_by: str, made_on: dt.date,
                   first: int = 1) -> None:
    """制表人 / 审核人 / 日期 spread over columns `first` to `ncols`."""
    parts = [
        f"制表人：{prepared_by or '_' * 10}",
        f"审核人：{reviewed_by or '_' * 10}",
        f"日期：{made_on.year}年{made_on.month}月{made_on.day}日",
    ]
    width = ncols - first + 1
    if width < len(parts):
        parts = ["    ".join(parts)]
    style = sheet.style(SIGN_FONT, LEFT, border=None)
    for text, (start, end) in zip(parts, split_columns(width, len(parts))):
        sheet.put_merged(row, start + first - 1, end + first - 1, text, style)
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
