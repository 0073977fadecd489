"""Reading tables people made by hand: .xlsx, .xls, .et (WPS), .ods, and text tables: .csv and .txt
(Excel's "Unicode 文本" is UTF-16 with tabs; "CSV (逗号分隔)" on Chinese Windows is GBK).

    table = read_table("花名册.xls")                 # the first sheet (or pick one by name)
    header = find_header(table.rows, MEMBERS)        # which row holds the headers, column mapping

Rows are lists of cell values as python-calamine gives them: str, float for numbers (also whole
numbers), `datetime`/`date` for date cells, '' for empty cells. Row i of `rows` is Excel row i+1:
reading starts at A1 even when the first rows or columns are empty, so row numbers shown to the
user match what they see in Excel.

The header row is found automatically (title rows and merged cells above it are normal): the
row among the first `HEADER_SCAN_ROWS` that matches the most column words of the ledger spec.

Hidden sheets are read only when asked for by name: choosing automatically, and the first sheet,
mean the visible ones. A sheet is loaded only when it is read (never every sheet to pick one).

A stray cell far away (XFD1048576) makes python-calamine allocate the whole rectangle up to it
(512 GB) and the process dies. So before calamine loads an .xlsx/.xlsm sheet, the cell
references in the sheet's XML are scanned (`used_range`); a sheet whose used range is beyond
`MAX_CELLS` is streamed with openpyxl instead, keeping empty rows shared and ignoring cells
beyond column `MAX_COLUMNS` (with a note in `Table.notes`).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from xml.etree import ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.ledgers.specs import LedgerSpec

HEADER_SCAN_ROWS = 20
MAX_CELLS = 5_000_000  # rows × columns calamine may allocate for one sheet (about 160 MB)
MAX_COLUMNS = 1024  # a sheet streamed instead: cells right of this column are ignored
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".et", ".ods")
TEXT_SUFFIXES = (".csv", ".txt")  # text tables: any of the encodings and delimiters below
TABLE_SUFFIXES = (*SPREADSHEET_SUFFIXES, *TEXT_SUFFIXES)
FILE_FILTER = "表格文件 (*.xlsx *.xls *.et *.xlsm *.xlsb *.ods *.csv *.txt)"  # for a file dialog
WPS_SAVE_AS = "请在 WPS 中另存为 .xlsx 后再导入。"  # an .et file python-calamine cannot read

_HEADER_JUNK = re.compile(r"[\s:：*＊•·\u3000]")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")


@dataclass
class Table:
    path: Path
    sheet: str  # '' for csv
    sheet_names: list[str]
    rows: list[list]
    encoding: str = ""  # text tables only: 'utf-8', 'utf-16' or 'gb18030'
    hidden: bool = False  # the sheet read is hidden in the workbook
    hidden_sheets: list[str] = field(default_factory=list)  # hidden sheets of the workbook
    merges: list = field(default_factory=list)  # ((row1, col1), (row2, col2)) 0-based, when known
    notes: list[str] = field(default_factory=list)  # about the reading (cells far away ignored …)

    def cell(self, row_index: int, col_index: int):
        row = self.rows[row_index]
        return row[col_index] if col_index < len(row) else ""


@dataclass
class HeaderMatch:
    row_index: int  # 0-based index into rows (Excel row = row_index + 1)
    headers: list[str]  # the header cells as text (cleaned)
    mapping: dict[int, str]  # column index -> field of the spec (importable columns only)
    score: int  # how many columns matched a column word
    unmatched: list[int] = field(default_factory=list)  # columns with a header that maps to nothing

    @property
    def excel_row(self) -> int:
        return self.row_index + 1


# --- reading ---------------------------------------------------------------------------------------


def _unreadable(path: Path, why: str = "") -> ValidationError:
    text = f"无法读取文件“{path.name}”"
    return ValidationError(f"{text}：{why}" if why else f"{text}。", field="path")


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool = False  # hidden or "very hidden" in Excel/WPS


def sheet_infos(path) -> list[SheetInfo]:
    """Every sheet of the file with whether it is hidden (one unnamed sheet for csv); loads none."""
    path = Path(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        _check_file(path)
        return [SheetInfo("")]
    return _sheet_infos(_open_workbook(path))


def _sheet_infos(workbook) -> list[SheetInfo]:
    from python_calamine import SheetVisibleEnum

    try:
        return [SheetInfo(m.name, m.visible != SheetVisibleEnum.Visible) for m in workbook.sheets_metadata]
    except Exception:  # noqa: BLE001 - visibility unknown: treat every sheet as visible
        return [SheetInfo(name) for name in workbook.sheet_names]


def sheet_names(path) -> list[str]:
    return [info.name for info in sheet_infos(path)]


def visible_sheet_names(path) -> list[str]:
    """The sheets read when none is named: the visible ones (all, if a file marks none visible)."""
    infos = sheet_infos(path)
    return [i.name for i in infos if not i.hidden] or [i.name for i in infos]


def _check_file(path: Path) -> None:
    if not path.exists():
        raise ValidationError(f"文件不存在：{path}", field="path")
    if path.is_dir():
        raise ValidationError(f"“{path}”是一个文件夹，请选择表格文件。", field="path")
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise ValidationError(
            f"不支持的文件类型“{path.suffix or path.name}”：请选择 Excel（.xlsx、.xls）、WPS（.et）、"
            "LibreOffice（.ods）表格，或 CSV、Unicode 文本（.txt）文件。",
            field="path",
        )
    if path.name.startswith("~$"):
        raise ValidationError(f"“{path.name}”是 Excel 打开文件时留下的临时文件，请选择原来的表格文件。", field="path")


def _open_workbook(path: Path):
    from python_calamine import CalamineWorkbook

    _check_file(path)
    try:
        return CalamineWorkbook.from_path(str(path))
    except PermissionError as exc:
        raise _unreadable(path, "文件正被其他程序占用或没有读取权限，请关闭后重试。") from exc
    except Exception as exc:  # noqa: BLE001 - calamine raises many kinds for broken files
        name = type(exc).__name__
        if "Password" in name or "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _unreadable(path, "文件设有密码保护，请在 Excel 中取消密码后另存再导入。") from exc
        if path.suffix.lower() == ".et":  # an .et python-calamine cannot read as .xls (BIFF8)
            raise _unreadable(path, WPS_SAVE_AS) from exc
        raise _unreadable(path, "文件已损坏或不是有效的表格文件，请在 Excel/WPS 中打开后另存为 .xlsx 再试。") from exc


def read_table(path, sheet: str | None = None) -> Table:
    """Read one sheet of a spreadsheet (by name, hidden ones too; the first visible one when
    `sheet` is None), or a csv file."""
    path = Path(path)
    _check_file(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        rows, encoding = _read_csv(path)
        return Table(path, "", [""], rows, encoding)
    workbook = _open_workbook(path)
    infos = _sheet_infos(workbook)
    names = [i.name for i in infos]
    if not names:
        raise _unreadable(path, "文件中没有工作表。")
    hidden = [i.name for i in infos if i.hidden]
    name = sheet if sheet not in (None, "") else next((n for n in names if n not in hidden), names[0])
    if name not in names:
        raise ValidationError(f"文件“{path.name}”中没有名为“{name}”的工作表（有：{'、'.join(names)}）。", field="sheet")
    table = Table(path, name, names, [], hidden=name in hidden, hidden_sheets=hidden)
    if _too_large(path, name):
        table.rows, table.notes = _read_streaming(path, name)
        return table
    try:
        loaded = workbook.get_sheet_by_name(name)
        table.rows = [list(r) for r in loaded.to_python(skip_empty_area=False)]
    except Exception as exc:  # noqa: BLE001
        raise _unreadable(path, f"工作表“{name}”无法读取：{exc}") from exc
    try:
        table.merges = list(loaded.merged_cell_ranges or [])
    except Exception:  # noqa: BLE001 - merges only make messages quieter
        pass
    return table


def read_tables(path) -> list[Table]:
    """Every visible sheet of the file (one table for csv): what "choose the best sheet" reads."""
    path = Path(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return [read_table(path)]
    return [read_table(path, name) for name in visible_sheet_names(path)]


# --- sheets too large for calamine ---------------------------------------------------------------

_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_COLUMN_REF = re.compile(rb"""\sr\s*=\s*["']([A-Z]{1,4})[0-9]""")  # r="XFD1048576" of a cell
_ROW_REF = re.compile(rb"""\sr\s*=\s*["'][A-Z]{0,4}([0-9]{1,10})["']""")  # and r="5" of a row


def _too_large(path: Path, name: str) -> bool:
    """True when calamine would allocate more than MAX_CELLS cells for sheet `name` (.xlsx/.xlsm
    only: the other formats cannot be checked before loading)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    rows, cols = used_range(path, name)
    return rows * cols > MAX_CELLS


def used_range(path, name: str) -> tuple[int, int]:
    """(last row, last column), 1-based, that the cells of sheet `name` of an .xlsx reach, read
    from the cell references in its XML without loading it. (0, 0) when it cannot be told."""
    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, name)
            if part is None:
                return 0, 0
            return _scan_refs(archive, part)
    except (OSError, zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        return 0, 0


def _sheet_part(archive: zipfile.ZipFile, name: str) -> str | None:
    """The archive path of sheet `name`: workbook.xml names it, the workbook's rels locate it."""
    book = "xl/workbook.xml"
    try:
        for rel in ElementTree.fromstring(archive.read("_rels/.rels")).iter(f"{_PKG_REL_NS}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                book = rel.get("Target", book).lstrip("/")
    except KeyError:
        pass
    folder, _, file_name = book.rpartition("/")
    rid = None
    for element in ElementTree.fromstring(archive.read(book)).iter():
        if element.tag.endswith("}sheet") and element.get("name") == name:
            rid = element.get(f"{_REL_NS}id")
            break
    if rid is None:
        return None
    rels = ElementTree.fromstring(archive.read(f"{folder}/_rels/{file_name}.rels" if folder else f"_rels/{file_name}.rels"))
    for rel in rels.iter(f"{_PKG_REL_NS}Relationship"):
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"{folder}/{target}" if folder else target
    return None


def _scan_refs(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """The largest row and column in the r="…" attributes of rows and cells, streamed (sets
    first: a 10,000-row sheet has few distinct column letters and row numbers)."""
    last_row = 0
    letters: set[bytes] = set()
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 22):
            data = tail + chunk
            letters.update(_COLUMN_REF.findall(data))
            rows = set(_ROW_REF.findall(data))
            if rows:
                last_row = max(last_row, max(map(int, rows)))
            tail = data[-64:]
    return last_row, max(map(_column_number, letters), default=0)


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


_NO_CELLS: list = []  # every empty row of a streamed sheet (shared: rows are only read)


def _read_streaming(path: Path, name: str) -> tuple[list[list], list[str]]:
    """Rows of a sheet too large for calamine, streamed with openpyxl: empty rows share one empty
    list, cells right of MAX_COLUMNS are left out and named in the notes."""
    from openpyxl import load_workbook
    # openpyxl's streaming parser: its public read-only rows would fill every gap with empty cells
    from openpyxl.worksheet._reader import WorkSheetParser

    rows: list[list] = []
    far: list[str] = []
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001
        raise _unreadable(path, f"工作表“{name}”无法读取：{exc}") from exc
    try:
        sheet = workbook[name]
        with sheet._get_source() as source:
            parser = WorkSheetParser(source, sheet._shared_strings, data_only=True, epoch=workbook.epoch,
                                     date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats)
            for index, cells in parser.parse():
                values = {}
                for cell in cells:
                    if cell["value"] is None or cell["value"] == "":
                        continue
                    if cell["column"] > MAX_COLUMNS:
                        far.append(f"{column_letter(cell['column'] - 1)}{index}")
                        continue
                    values[cell["column"] - 1] = _plain(cell["value"])
                if not values:
                    continue
                rows.extend([_NO_CELLS] * (index - 1 - len(rows)))
                row = [""] * (max(values) + 1)
                for col, value in values.items():
                    row[col] = value
                rows.append(row)
    except Exception as exc:  # noqa: BLE001
        raise _unreadable(path, f"工作表“{name}”无法读取：{exc}") from exc
    finally:
        workbook.close()
    notes = []
    if far:
        shown = "、".join(far[:5]) + (f" 等 {len(far)} 个单元格" if len(far) > 5 else "")
        notes.append(f"工作表“{name}”中 {shown} 远在表格之外（第 {MAX_COLUMNS} 列以后），已忽略。")
    return rows, notes


def _plain(value):
    """A value as calamine gives it: numbers as float, text as text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    return value


def _read_csv(path: Path) -> tuple[list[list], str]:
    """Rows of a text table (.csv or .txt) and the encoding it was read in."""
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise _unreadable(path, "文件正被其他程序占用或没有读取权限，请关闭后重试。") from exc
    except OSError as exc:
        raise _unreadable(path, exc.strerror or str(exc)) from exc
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # a zip (.xlsx) or OLE2 (.xls/.et) file
        raise _unreadable(path, "这不是文本格式的 CSV 文件（可能是改了扩展名的 Excel 文件）。")
    decoded = decode_text(data)
    if decoded is None:
        raise _unreadable(path, "无法识别文字编码，请另存为 UTF-8 或 GBK 编码的 CSV，或 Excel 的“Unicode 文本”。")
    text, encoding = decoded
    if "\x00" in text:
        raise _unreadable(path, "这不是文本格式的 CSV 文件（可能是改了扩展名的 Excel 文件）。")
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))]
    return rows, encoding


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))
_DELIMITERS = ("\t", ",", ";")  # in order of preference when equally likely


def decode_text(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of a text table; None when it decodes in none of the encodings tried.

    A byte-order mark decides (UTF-8, or UTF-16 LE/BE as Excel's "Unicode 文本" writes it). Without
    one, UTF-16 is recognised by NUL bytes all on one side of the 2-byte units (digits, tabs and line
    breaks are ASCII), else UTF-8 is tried strictly, else GB18030 (a superset of GBK, which Chinese
    Excel and WPS write for "CSV (逗号分隔)")."""
    attempts: list[tuple[str, str]] = []
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            attempts = [(codec, name)]
            break
    else:
        sample = data[:4096]
        if b"\x00" in sample:
            even, odd = sample[0::2].count(0), sample[1::2].count(0)
            if odd and not even:
                attempts.append(("utf-16-le", "utf-16"))
            elif even and not odd:
                attempts.append(("utf-16-be", "utf-16"))
        attempts += [("utf-8", "utf-8"), ("gb18030", "gb18030")]
    for codec, name in attempts:
        try:
            return data.decode(codec), name
        except UnicodeDecodeError:
            continue
    return None


def sniff_delimiter(text: str) -> str:
    """Tab, comma or semicolon: the one found on the most of the first non-empty lines, then the most
    often (Excel's "Unicode 文本" uses tabs, CSV commas, some European settings semicolons)."""
    lines = [line for line in text[:65536].splitlines()[:50] if line.strip()][:10]

    def score(delimiter: str) -> tuple[int, int]:
        return sum(1 for line in lines if delimiter in line), sum(line.count(delimiter) for line in lines)

    best = max(_DELIMITERS, key=score)
    return best if score(best)[0] else ","


# --- header detection ------------------------------------------------------------------------------


def normalize_header(value) -> str:
    """'  身份证号码：' -> '身份证号码'; '* 姓 名' -> '姓名' (full-width to half-width, no spaces)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return ""
    return _HEADER_JUNK.sub("", textclean.clean_text(value))


def _column_words(spec: LedgerSpec) -> list[tuple[str, str, bool]]:
    """(normalized word, column key, importable) for every header word of the spec."""
    words = []
    for column in spec.columns:
        for word in column.header_words:
            words.append((normalize_header(word), column.key, column.field is not None))
    return words


def match_headers(cells: list, spec: LedgerSpec) -> tuple[dict[int, str], int]:
    """Map header cells to spec columns: exact words first, then a cell containing a word
    (longest words first), each column used once, left to right. Returns ({col: key}, score)."""
    words = _column_words(spec)
    exact = {w: key for w, key, _ in reversed(words)}
    texts = [normalize_header(c) for c in cells]
    by_col: dict[int, str] = {}
    used: set[str] = set()
    for col, text in enumerate(texts):
        if not text:
            continue
        key = exact.get(text)
        if key is None:
            key = exact.get(_BRACKETS.sub("", text))
        if key and key not in used:
            by_col[col] = key
            used.add(key)
    by_length = sorted(words, key=lambda w: -len(w[0]))
    for col, text in enumerate(texts):
        if not text or col in by_col or len(text) > 20:
            continue
        for word, key, _ in by_length:
            if key in used or not word:
                continue
            if word in text:
                by_col[col] = key
                used.add(key)
                break
    return by_col, len(by_col)


def find_header(rows: list[list], spec: LedgerSpec, scan: int = HEADER_SCAN_ROWS) -> HeaderMatch | None:
    """The row among the first `scan` rows matching the most column words (None if none does)."""
    best: HeaderMatch | None = None
    for index, row in enumerate(rows[:scan]):
        by_col, score = match_headers(row, spec)
        if score and (best is None or score > best.score):
            best = _header_match(rows, index, spec, by_col, score)
    return best


def header_at(rows: list[list], row_index: int, spec: LedgerSpec) -> HeaderMatch:
    """The header read from a row the user chose."""
    if not 0 <= row_index < len(rows):
        raise ValidationError(f"表头行号 {row_index + 1} 超出了表格范围（共 {len(rows)} 行）。", field="header_row")
    by_col, score = match_headers(rows[row_index], spec)
    return _header_match(rows, row_index, spec, by_col, score)


def _header_match(rows, index: int, spec: LedgerSpec, by_col: dict[int, str], score: int) -> HeaderMatch:
    headers = [textclean.clean_text(c) if not isinstance(c, (dt.date, dt.datetime)) else str(c) for c in rows[index]]
    fields = {c.key: c.field for c in spec.columns}
    mapping = {col: fields[key] for col, key in by_col.items() if fields.get(key)}
    unmatched = [col for col, text in enumerate(headers) if text and col not in by_col]
    return HeaderMatch(index, headers, mapping, score, unmatched)


def column_letter(index: int) -> str:
    """0 -> 'A', 26 -> 'AA' (for messages about a column without a header)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not textclean.clean_text(value))
