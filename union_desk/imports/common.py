"""What every import shares: the row-by-row preview, the issues, the report file.

An import reads a table (`imports.reader`), finds the header, then walks the data rows: empty rows
are passed over, 合计 / 签名 / repeated header rows are skipped and listed, and every other row
becomes an `ImportRow` whose `action` says what applying would do (新增, 更新, 未变, 错误) and whose
`issues` say why, with the Excel row number and the column as the file spells it. The preview
writes nothing; applying writes the 新增 and 更新 rows in one transaction. The stages themselves
are run by `imports.pipeline`, for the roster (`imports.roster`), the record ledgers
(`imports.records`), plan lists (`imports.plan`) and sign-up lists (`imports.signups`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from union_desk.domain import idcard, textclean
from union_desk.errors import ValidationError
from union_desk.imports import reader as xlsx_import
from union_desk.ledgers.common import Ticker, save_workbook_atomic
from union_desk.ledgers.specs import LedgerSpec

NEW, UPDATE, SAME, ERROR = "新增", "更新", "未变", "错误"
ACTIONS = (NEW, UPDATE, SAME, ERROR)
SKIPPED = "跳过"


# --- results ---------------------------------------------------------------------------------------


@dataclass
class RowIssue:
    """A problem in a row: `column` is the header as the file spells it (or the field's label)."""

    row: int  # Excel row number, 1-based
    column: str
    message: str
    level: str = "error"  # 'error' | 'warning'
    field: str | None = None
    col_index: int | None = None  # 0-based column in the file; None when no cell is to blame

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}

    def text(self) -> str:
        where = f"第 {self.row} 行" if self.row else "文件"
        return f"{where} {self.column}：{self.message}" if self.column else f"{where}：{self.message}"


def shown(value) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    return "" if value is None else str(value)


class _ErrorsAndWarnings:
    """`errors` and `warnings` out of `issues` (a row's, or a whole preview's)."""

    issues: list

    @property
    def errors(self) -> list[RowIssue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[RowIssue]:
        return [i for i in self.issues if not i.is_error]


def read_only_value(record, options):
    """The value getter of a column that is only read from a file, never exported."""
    return None


@dataclass
class ImportRow(_ErrorsAndWarnings):
    row: int  # Excel row number
    cells: list  # the row as read from the file
    values: dict  # cleaned values of the row
    action: str = NEW
    changes: dict[str, tuple] = field(default_factory=dict)  # field -> (stored, new) for updates
    issues: list[RowIssue] = field(default_factory=list)
    write: dict = field(default_factory=dict)  # what apply hands to the service
    record_id: int | None = None  # the record matched (or, after apply, created)
    context: dict = field(default_factory=dict)  # what the importer found for the row (member, file …)


    def change_text(self, label: Callable[[str], str] = str) -> str:
        """'联系电话：13800000000 → 13911111111；部门：… → …' for a preview table."""
        parts = [f"{label(name)}：{shown(old) or '（空）'} → {shown(new)}" for name, (old, new) in self.changes.items()]
        return "；".join(parts)


@dataclass
class SkippedRow:
    row: int  # Excel row number
    reason: str  # 合计行 / 签名行 / 重复的表头行
    cells: list


@dataclass
class ImportPreview(_ErrorsAndWarnings):
    path: Path
    sheet: str
    sheet_names: list[str]
    header_row: int  # Excel row number of the header
    headers: list[str]  # header cells as text, by column index
    mapping: dict[int, str]  # column index -> field
    rows: list[ImportRow]
    skipped: list[SkippedRow] = field(default_factory=list)  # 合计 / 签名 / repeated header rows
    file_issues: list[RowIssue] = field(default_factory=list)  # about the file/columns, not a row
    unmapped: list[int] = field(default_factory=list)  # columns with a header the import ignores
    applied: bool = False
    spec: LedgerSpec | None = None
    importer: object | None = field(default=None, repr=False, compare=False)  # what apply writes with

    @classmethod
    def begin(cls, path, table: xlsx_import.Table, header: xlsx_import.HeaderMatch, mapping: dict[int, str], **more):
        """An empty preview of `table`, read under `header` with the columns mapped by `mapping`;
        what the reading noticed (hidden sheets left out, cells far away ignored) is a warning."""
        headers = list(header.headers)
        preview = cls(
            path=Path(path),
            sheet=table.sheet,
            sheet_names=table.sheet_names,
            header_row=header.excel_row,
            headers=headers,
            mapping=mapping,
            rows=[],
            unmapped=[c for c, t in enumerate(headers) if t and c not in mapping],
            **more,
        )
        preview.file_issues.extend(RowIssue(0, "", note, "warning") for note in reading_notes(table))
        return preview

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def title(self) -> str:
        return self.spec.title if self.spec else "台账"

    @property
    def unit(self) -> str:
        return self.spec.unit if self.spec else "条"

    def label(self, field_name: str) -> str:
        return self.spec.field_label(field_name) if self.spec else field_name

    def change_text(self, row: ImportRow) -> str:
        return row.change_text(self.label)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts

    @property
    def issues(self) -> list[RowIssue]:
        return [*self.file_issues, *(i for r in self.rows for i in r.issues)]


    def column_header(self, col_index: int) -> str:
        text = self.headers[col_index] if col_index < len(self.headers) else ""
        return text or f"{xlsx_import.column_letter(col_index)}列"

    def column_of(self, field_name: str | None) -> int | None:
        return next((c for c, f in self.mapping.items() if f == field_name), None) if field_name else None

    def make_issue(self, row: ImportRow, field_name: str | None, message: str, level: str = "error") -> RowIssue:
        """An issue of `row` (not added to it), naming the column as the file spells it."""
        col = self.column_of(field_name)
        column = self.column_header(col) if col is not None else (self.label(field_name) if field_name else "")
        return RowIssue(row.row, column, message, level, field_name, col)

    def issue(self, row: ImportRow, field_name: str | None, message: str, level: str = "error") -> RowIssue:
        """Add an issue to `row`, naming the column as the file spells it."""
        issue = self.make_issue(row, field_name, message, level)
        row.issues.append(issue)
        if level == "error":
            row.action = ERROR
        return issue

    def summary(self) -> str:
        c = self.counts()
        u = self.unit
        return f"新增 {c[NEW]} {u}，更新 {c[UPDATE]} {u}，未变 {c[SAME]} {u}，错误 {c[ERROR]} 行"

    def as_dict(self) -> dict:
        counts = self.counts()
        return {
            "added": counts[NEW],
            "updated": counts[UPDATE],
            "unchanged": counts[SAME],
            "error_rows": counts[ERROR],
            "errors": [i.as_dict() for i in self.errors],
            "warnings": [i.as_dict() for i in self.warnings],
        }

    @property
    def rows_with_errors(self) -> list[ImportRow]:
        return [r for r in self.rows if r.action == ERROR]


def reading_notes(table: xlsx_import.Table) -> list[str]:
    """What the user should know about how the file was read: the sheet is hidden, other
    hidden sheets were left out, cells far outside the table were ignored."""
    notes = list(table.notes)
    if table.hidden:
        notes.append(f"工作表“{table.sheet}”在文件中是隐藏的（按指定读取）。")
    elif table.hidden_sheets:
        names = "”“".join(table.hidden_sheets)
        notes.append(f"文件中的隐藏工作表“{names}”未读取（如需导入，请指定该工作表）。")
    return notes


class RowsRejected(ValidationError):
    """An all-or-nothing import refused: some rows have errors, so nothing was written.
    `rows` are the error rows (their issues say why)."""

    def __init__(self, rows: list, unit_noun: str = "行"):
        self.rows = rows
        numbers = "、".join(str(r.row) for r in rows[:10]) + (" 等" if len(rows) > 10 else "")
        super().__init__(f"有 {len(rows)} 行有错误（第 {numbers} 行），没有导入任何数据。"
                         "请修正后重新导入，或只导入没有错误的行（--skip-bad-rows）。")


def rejected_rows(rows) -> list[dict]:
    """The error rows for JSON: [{'row': 5, 'errors': [{'column', 'message'}]}]."""
    return [
        {"row": r.row, "errors": [{"column": i.column, "message": i.message} for i in r.errors]}
        for r in rows
        if r.action == ERROR
    ]


@dataclass
class ImportReport:
    """What applying a preview did (the preview's rows now say what happened to each)."""

    preview: ImportPreview
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    error_rows: int = 0
    record_ids: list[int] = field(default_factory=list)  # created or updated

    @property
    def member_ids(self) -> list[int]:
        """The roster import's name for `record_ids`: the members created or updated."""
        return self.record_ids

    @property
    def rows(self) -> list[ImportRow]:
        return self.preview.rows

    @property
    def issues(self) -> list[RowIssue]:
        return self.preview.issues

    @property
    def errors(self) -> list[RowIssue]:
        return self.preview.errors

    @property
    def warnings(self) -> list[RowIssue]:
        return self.preview.warnings

    def counts(self) -> dict[str, int]:
        return {NEW: self.added, UPDATE: self.updated, SAME: self.unchanged, ERROR: self.error_rows}

    def summary(self) -> str:
        u = self.preview.unit
        return f"新增 {self.added} {u}，更新 {self.updated} {u}，未变 {self.unchanged} {u}，错误 {self.error_rows} 行"

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "error_rows": self.error_rows,
            "errors": [i.as_dict() for i in self.errors],
            "warnings": [i.as_dict() for i in self.warnings],
        }


def refuse_failed(done: list[ImportRow], failed: dict[int, list[RowIssue]]) -> None:
    """All or nothing: rows a service refused during apply make the whole import fail (raised
    inside the transaction, so it rolls back). The rows say why."""
    if not failed:
        return
    for index, issues in failed.items():
        done[index].issues.extend(issues)
        done[index].action = ERROR
    raise RowsRejected([done[i] for i in sorted(failed)])


def issues_from_error(preview: ImportPreview, row: ImportRow, exc: ValidationError) -> list[RowIssue]:
    """A service's refusal as row issues (one per field when it names several, as the member
    checks do), each naming the column as the file spells it."""
    found = getattr(exc, "issues", None) or [exc]
    return [preview.make_issue(row, getattr(issue, "field", None) or None, issue.message) for issue in found]


# --- reading ---------------------------------------------------------------------------------------


def find_table(path, sheet: str | None, spec: LedgerSpec, examples: str, hint: str = "") -> tuple[xlsx_import.Table, xlsx_import.HeaderMatch]:
    """The sheet to read (the best-matching one when `sheet` is None) and its header row.
    `examples` names a few headers ('“姓名”“身份证号”') for the message when none is found."""
    tables = [xlsx_import.read_table(path, sheet)] if sheet not in (None, "") else xlsx_import.read_tables(path)
    best = None
    for table in tables:
        header = xlsx_import.find_header(table.rows, spec)
        if header is not None and (best is None or header.score > best[1].score):
            best = (table, header)
    if best is None or not best[1].mapping:
        where = f"工作表“{tables[0].sheet}”" if sheet else "文件"
        raise ValidationError(
            f"在{where}的前 {xlsx_import.HEADER_SCAN_ROWS} 行中找不到表头（如{examples}）。"
            f"请确认这是{spec.title}{hint}。",
            field="header",
        )
    return best


def data_rows(preview: ImportPreview, table: xlsx_import.Table, header_index: int, ticker: Ticker,
              *, stop_at_total: bool = False) -> Iterator[tuple[int, list]]:
    """(Excel row number, cells) of each data row under the header. Rows empty in every mapped
    column are passed over; 合计, 签名 and repeated header rows are skipped (listed in
    `preview.skipped`). With `stop_at_total` the table ends at its 合计 row: what follows (the
    summary tables of our own ledgers) is not read."""
    chosen = preview.mapping
    headers = preview.headers
    header_texts = {c: xlsx_import.normalize_header(headers[c]) for c in chosen if c < len(headers) and headers[c]}
    rows = table.rows[header_index + 1 :]
    for offset, cells in enumerate(rows):
        excel_row = preview.header_row + 1 + offset
        ticker.step()
        if all(xlsx_import.is_blank(cells[c]) for c in chosen if c < len(cells)):
            if stop_at_total and textclean.is_total_row(cells) and not _is_subtotal(cells):
                preview.skipped.append(SkippedRow(excel_row, "合计行", list(cells)))
                break  # '合计' in a column that is not imported (序号) still ends the table
            continue  # empty, or only a pre-printed 序号 / a note outside the table's columns
        if textclean.is_total_row(cells):
            preview.skipped.append(SkippedRow(excel_row, "合计行", list(cells)))
            if stop_at_total and not _is_subtotal(cells):
                break
            continue
        if is_signature_row(cells):
            preview.skipped.append(SkippedRow(excel_row, "签名行", list(cells)))
            continue
        if _is_repeated_header(cells, header_texts):
            preview.skipped.append(SkippedRow(excel_row, "重复的表头行", list(cells)))
            continue
        yield excel_row, cells


def _is_subtotal(cells: list) -> bool:
    return any(isinstance(c, str) and "小计" in c for c in cells[:3])


def _is_repeated_header(cells: list, header_texts: dict[int, str]) -> bool:
    """The header again in the middle of the data (rosters pasted together page by page)."""
    if len(header_texts) < 2:
        return False
    same = sum(1 for c, text in header_texts.items() if c < len(cells) and isinstance(cells[c], str) and xlsx_import.normalize_header(cells[c]) == text)
    return same >= max(2, (len(header_texts) + 1) // 2)


_SIGNATURE = re.compile(r"^(制表人|审核人|填表人|填报人|制表|审核|负责人|单位负责人|填表日期|制表日期|经办人)[:：]")


def is_signature_row(cells: list) -> bool:
    """'制表人：张三   审核人：____   日期：…' under a table (also our own exports)."""
    return any(isinstance(c, str) and _SIGNATURE.match(textclean.clean_text(c).replace(" ", "")) for c in cells)


# --- the report file -------------------------------------------------------------------------------

ROW_ERROR_FILL = PatternFill("solid", fgColor="FDE2E1")
CELL_ERROR_FILL = PatternFill("solid", fgColor="F4A6A3")
WARNING_FILL = PatternFill("solid", fgColor="FFF2B3")
OK_FILLS = {NEW: PatternFill("solid", fgColor="E2F0D9"), UPDATE: PatternFill("solid", fgColor="DDEBF7")}
COMMENT_AUTHOR = "工会工作台"


def _report_value(value, id_column: bool, full_id: bool):
    """A cell of the source as the report shows it: ID numbers masked unless `full_id`."""
    if full_id:
        return value
    if id_column and not xlsx_import.is_blank(value) and not isinstance(value, (dt.date, bool)):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return idcard.mask_id(str(value).strip())
    from union_desk.logs import mask_ids

    return mask_ids(value) if isinstance(value, str) else value


def write_report_xlsx(source: ImportPreview | ImportReport, path, *, full_id: bool = False) -> Path:
    """The table as read, plus 结果 and 问题 columns: error rows light red, bad cells red with the
    message as a cell comment, warnings yellow. ID numbers are masked as in the ledgers (the ID
    column, and any ID-shaped text) unless `full_id`. Written atomically like an export."""
    from union_desk.ledgers.xlsx_export import BORDER, HEADER_FILL, HEADER_FONT, body_width, header_width, set_text
    from union_desk.logs import mask_ids

    preview = source.preview if isinstance(source, ImportReport) else source
    id_col = preview.column_of("id_number")
    shown_text = (lambda text: text) if full_id else mask_ids
    counts = source.counts()
    width = max([len(preview.headers), *(len(r.cells) for r in (*preview.rows, *preview.skipped))] or [1])

    def _empty_column(c: int) -> bool:
        header = preview.headers[c] if c < len(preview.headers) else ""
        return not header and all(xlsx_import.is_blank(r.cells[c]) for r in (*preview.rows, *preview.skipped) if c < len(r.cells))

    while width > 1 and _empty_column(width - 1):
        width -= 1
    wb = Workbook()
    ws = wb.active
    ws.title = "导入报告"
    ncols = width + 3
    done = "导入结果" if isinstance(source, ImportReport) else "导入预览（尚未导入）"
    title = (
        f"{preview.title}{done}：{preview.file_name}"
        + (f"（工作表“{preview.sheet}”）" if preview.sheet else "")
        + f"  新增 {counts[NEW]}，更新 {counts[UPDATE]}，未变 {counts[SAME]}，错误 {counts[ERROR]}"
    )
    set_text(ws.cell(1, 1), title)
    ws.cell(1, 1).font = Font(name="宋体", size=12, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    headers = ["原行号", *[preview.headers[c] if c < len(preview.headers) else "" for c in range(width)], "结果", "问题"]
    widths = [header_width(h) for h in headers]
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(2, col)
        set_text(cell, text)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center")
    wrap = Alignment(vertical="top", wrap_text=True)
    entries = [(r.row, r) for r in preview.rows] + [(s.row, s) for s in preview.skipped]
    out = 2
    for excel_row, item in sorted(entries, key=lambda e: e[0]):
        out += 1
        row = item if isinstance(item, ImportRow) else None
        ws.cell(out, 1, excel_row)
        cells = item.cells
        for c in range(width):
            value = _report_value(cells[c] if c < len(cells) else "", c == id_col, full_id)
            cell = ws.cell(out, c + 2)
            if isinstance(value, str):
                if value:
                    set_text(cell, value)
            elif isinstance(value, (dt.date, dt.datetime)):
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            else:
                cell.value = value
            if value not in ("", None):
                widths[c + 1] = max(widths[c + 1], min(body_width(str(value)), 30))
        result = ws.cell(out, width + 2)
        problems = ws.cell(out, width + 3)
        if row is None:
            set_text(result, SKIPPED)
            set_text(problems, f"{item.reason}，已跳过")
        else:
            set_text(result, row.action)
            texts = [f"{i.column}：{i.message}" if i.column else i.message for i in row.issues]
            if row.action == UPDATE:
                texts.append(f"更新 {preview.change_text(row)}")
            texts = [shown_text(t) for t in texts]
            if texts:
                set_text(problems, "\n".join(texts))
            widths[-1] = max(widths[-1], min(max((body_width(t) for t in texts), default=0), 60))
            fill = ROW_ERROR_FILL if row.errors else WARNING_FILL if row.warnings else OK_FILLS.get(row.action)
            if row.errors:
                for c in range(1, ncols + 1):
                    ws.cell(out, c).fill = ROW_ERROR_FILL
            elif fill is not None:
                result.fill = fill
            for issue in row.issues:
                if issue.col_index is None or issue.col_index >= width:
                    continue
                cell = ws.cell(out, issue.col_index + 2)
                cell.fill = CELL_ERROR_FILL if issue.is_error else WARNING_FILL
                message = shown_text(issue.message)
                text = message if cell.comment is None else f"{cell.comment.text}\n{message}"
                cell.comment = Comment(text, COMMENT_AUTHOR, width=260, height=90)
        for c in range(1, ncols + 1):
            cell = ws.cell(out, c)
            cell.border = BORDER
        problems.alignment = wrap
    for issue in preview.file_issues:
        out += 2
        set_text(ws.cell(out, 1), shown_text(issue.text()))
    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = round(w, 1)
    ws.freeze_panes = "B3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    return save_workbook_atomic(wb, path)
