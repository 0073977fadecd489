"""Reading tables people made by hand: .xlsx, .xls (WPS), .ods and .csv (UTF-8 or GBK).

    table = read_table("花名册.xls")                 # the first sheet (or pick one by name)
    header = find_header(table.rows, MEMBERS)        # which row holds the headers, column mapping

Rows are lists of cell values as python-calamine gives them: str, float for numbers (also whole
numbers), `datetime`/`date` for date cells, '' for empty cells. Row i of `rows` is Excel row i+1:
reading starts at A1 even when the first rows or columns are empty, so row numbers shown to the
user match what they see in Excel.

The header row is found automatically (title rows and merged cells above it are normal): the
row among the first `HEADER_SCAN_ROWS` that matches the most column words of the ledger spec.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.ledgers.specs import LedgerSpec

HEADER_SCAN_ROWS = 20
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TABLE_SUFFIXES = (*SPREADSHEET_SUFFIXES, ".csv", ".txt")
FILE_FILTER = "表格文件 (*.xlsx *.xls *.xlsm *.xlsb *.ods *.csv)"  # for a file dialog

_HEADER_JUNK = re.compile(r"[\s:：*＊•·\u3000]")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")


@dataclass
class Table:
    path: Path
    sheet: str  # '' for csv
    sheet_names: list[str]
    rows: list[list]
    encoding: str = ""  # csv only: 'utf-8' or 'gb18030'

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


def sheet_names(path) -> list[str]:
    path = Path(path)
    if path.suffix.lower() in (".csv", ".txt"):
        return [""]
    return _open_workbook(path).sheet_names


def _check_file(path: Path) -> None:
    if not path.exists():
        raise ValidationError(f"文件不存在：{path}", field="path")
    if path.is_dir():
        raise ValidationError(f"“{path}”是一个文件夹，请选择表格文件。", field="path")
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise ValidationError(
            f"不支持的文件类型“{path.suffix or path.name}”：请选择 Excel（.xlsx、.xls）、WPS/LibreOffice（.ods）或 CSV 文件。",
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
        raise _unreadable(path, "文件已损坏或不是有效的表格文件，请在 Excel/WPS 中打开后另存为 .xlsx 再试。") from exc


def read_table(path, sheet: str | None = None) -> Table:
    """Read one sheet (the first when `sheet` is None) of a spreadsheet, or a csv file."""
    path = Path(path)
    _check_file(path)
    if path.suffix.lower() in (".csv", ".txt"):
        rows, encoding = _read_csv(path)
        return Table(path, "", [""], rows, encoding)
    workbook = _open_workbook(path)
    names = list(workbook.sheet_names)
    if not names:
        raise _unreadable(path, "文件中没有工作表。")
    name = sheet if sheet not in (None, "") else names[0]
    if name not in names:
        raise ValidationError(f"文件“{path.name}”中没有名为“{name}”的工作表（有：{'、'.join(names)}）。", field="sheet")
    try:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:  # noqa: BLE001
        raise _unreadable(path, f"工作表“{name}”无法读取：{exc}") from exc
    return Table(path, name, names, [list(r) for r in rows])


def read_tables(path) -> list[Table]:
    """Every sheet of the file (one table for csv)."""
    path = Path(path)
    if path.suffix.lower() in (".csv", ".txt"):
        return [read_table(path)]
    return [read_table(path, name) for name in sheet_names(path)]


def _read_csv(path: Path) -> tuple[list[list], str]:
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise _unreadable(path, "文件正被其他程序占用或没有读取权限，请关闭后重试。") from exc
    except OSError as exc:
        raise _unreadable(path, exc.strerror or str(exc)) from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly any byte string
        raise _unreadable(path, "无法识别文字编码，请另存为 UTF-8 或 GBK 编码的 CSV。")
    if "\x00" in text:
        raise _unreadable(path, "这不是文本格式的 CSV 文件（可能是改了扩展名的 Excel 文件）。")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ";" if first.count(";") > first.count(",") else ","
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return rows, "utf-8" if encoding == "utf-8-sig" else encoding


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
