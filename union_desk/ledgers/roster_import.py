"""The member roster import (花名册导入): preview every row, then apply in one transaction.

    preview = preview_roster("花名册.xls")          # read, find the header, clean, match, diff
    preview.mapping                                 # {column index: member field}, editable
    preview = preview_roster(path, mapping=edited)  # again with the user's column mapping
    report = apply_roster(preview)                  # all or nothing, audited
    write_report_xlsx(report, "导入报告.xlsx")       # the file with 结果 / 问题 columns, bad cells red

Rules (DOMAIN.md §5): values are cleaned by the members service's own validation
(`members.check_member`), so the import accepts exactly what the member form accepts. A row is
matched to an existing member by ID number, else by name + birth date (or by name alone when the
file has no birth date and the name is unique). A matched member is updated only in the columns
the file has, and a blank cell never overwrites a stored value. A name shared by several members
is an error, never a silent merge. The same person twice in the file is an error on the later row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from union_desk.db.models import Member, database_proxy
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.ledgers import xlsx_import
from union_desk.ledgers.common import ProgressFn, Ticker, save_workbook_atomic
from union_desk.ledgers.specs import MEMBERS, LedgerSpec
from union_desk.services import members as member_service

NEW, UPDATE, SAME, ERROR = "新增", "更新", "未变", "错误"
ACTIONS = (NEW, UPDATE, SAME, ERROR)
SKIPPED = "跳过"

AMBIGUOUS_NAME = "姓名与多名会员相同，无法确定是哪一位，请补充身份证号"
NOTE_PREFIX = "花名册导入："

IMPORT_FIELDS = tuple(c.field for c in MEMBERS.import_columns)
# (member field, label) for the mapping editor's drop-downs; '' means "不导入".
FIELD_CHOICES: tuple[tuple[str, str], ...] = (("", "（不导入）"), *((c.field, c.header) for c in MEMBERS.import_columns))
_DERIVED_FROM_ID = ("birth_date", "sex")
_HAN_AND_SPACES = re.compile(r"[\u3400-\u9fff·•・ ]+")
_MEMBER_FIELDS = ("id", "name", *[f for f in IMPORT_FIELDS if f != "name"])


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


@dataclass
class RosterRow:
    row: int  # Excel row number
    cells: list  # the row as read from the file
    values: dict  # cleaned values of the row (only the non-blank mapped columns, plus birth/sex from the ID)
    action: str = NEW
    member_id: int | None = None
    member_name: str = ""
    changes: dict[str, tuple] = field(default_factory=dict)  # field -> (stored, new) for updates
    issues: list[RowIssue] = field(default_factory=list)
    write: dict = field(default_factory=dict)  # what apply passes to create_member/update_member

    @property
    def errors(self) -> list[RowIssue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[RowIssue]:
        return [i for i in self.issues if not i.is_error]

    def change_text(self) -> str:
        """'联系电话：13800000000 → 13911111111；部门：… → …' for a preview table."""
        parts = []
        for name, (old, new) in self.changes.items():
            label = member_service.FIELD_LABELS.get(name, name)
            parts.append(f"{label}：{_shown(old) or '（空）'} → {_shown(new)}")
        return "；".join(parts)


def _shown(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    return "" if value is None else str(value)


@dataclass
class SkippedRow:
    row: int  # Excel row number
    reason: str  # 合计行 / 签名行 / 重复的表头行
    cells: list


@dataclass
class RosterPreview:
    path: Path
    sheet: str
    sheet_names: list[str]
    header_row: int  # Excel row number of the header
    headers: list[str]  # header cells as text, by column index
    mapping: dict[int, str]  # column index -> member field
    rows: list[RosterRow]
    skipped: list[SkippedRow] = field(default_factory=list)  # 合计 / 签名 / repeated header rows
    file_issues: list[RowIssue] = field(default_factory=list)  # about the file/columns, not a row
    unmapped: list[int] = field(default_factory=list)  # columns with a header the import ignores
    applied: bool = False

    @property
    def file_name(self) -> str:
        return self.path.name

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts

    @property
    def issues(self) -> list[RowIssue]:
        return [*self.file_issues, *(i for r in self.rows for i in r.issues)]

    @property
    def errors(self) -> list[RowIssue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[RowIssue]:
        return [i for i in self.issues if not i.is_error]

    def column_header(self, col_index: int) -> str:
        text = self.headers[col_index] if col_index < len(self.headers) else ""
        return text or f"{xlsx_import.column_letter(col_index)}列"

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


@dataclass
class ImportReport:
    preview: RosterPreview
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    error_rows: int = 0
    member_ids: list[int] = field(default_factory=list)  # created or updated

    @property
    def rows(self) -> list[RosterRow]:
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
        return f"新增 {self.added} 人，更新 {self.updated} 人，未变 {self.unchanged} 人，错误 {self.error_rows} 行"

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "error_rows": self.error_rows,
            "errors": [i.as_dict() for i in self.errors],
            "warnings": [i.as_dict() for i in self.warnings],
        }


# --- reading and mapping ---------------------------------------------------------------------------


def guess_mapping(path, sheet: str | None = None, spec: LedgerSpec = MEMBERS) -> tuple[xlsx_import.Table, xlsx_import.HeaderMatch]:
    """The sheet to read (the best-matching one when `sheet` is None) and its header row."""
    tables = [xlsx_import.read_table(path, sheet)] if sheet not in (None, "") else xlsx_import.read_tables(path)
    best = None
    for table in tables:
        header = xlsx_import.find_header(table.rows, spec)
        if header is not None and (best is None or header.score > best[1].score):
            best = (table, header)
    if best is None or not best[1].mapping:
        where = f"工作表“{tables[0].sheet}”" if sheet else "文件"
        raise ValidationError(
            f"在{where}的前 {xlsx_import.HEADER_SCAN_ROWS} 行中找不到表头（如“姓名”“身份证号”“部门”）。"
            "请确认这是会员花名册，或在导入向导中指定表头行和各列对应的项目。",
            field="header",
        )
    return best


def _check_mapping(mapping: dict) -> dict[int, str]:
    cleaned: dict[int, str] = {}
    seen: dict[str, int] = {}
    for col, name in mapping.items():
        if name in (None, ""):
            continue
        col = int(col)
        if name not in IMPORT_FIELDS:
            raise ValidationError(f"未知的会员项目：{name}", field="mapping")
        if col < 0:
            raise ValidationError(f"列号无效：{col}", field="mapping")
        if name in seen:
            label = member_service.FIELD_LABELS.get(name, name)
            raise ValidationError(
                f"“{label}”对应了两列（{xlsx_import.column_letter(seen[name])}列和{xlsx_import.column_letter(col)}列），请只选一列。",
                field="mapping",
            )
        seen[name] = col
        cleaned[col] = name
    return cleaned


# --- the preview -----------------------------------------------------------------------------------


def preview_roster(
    path,
    sheet: str | None = None,
    mapping: dict[int, str] | None = None,
    progress: ProgressFn | None = None,
    *,
    header_row: int | None = None,
    today: dt.date | None = None,
) -> RosterPreview:
    """Read a roster file and say, row by row, what importing it would do. Nothing is written.

    `sheet` None picks the sheet whose header matches best; `mapping` ({column index: member
    field}) replaces the guessed column mapping; `header_row` (Excel row number) replaces the
    guessed header row. Raises ValidationError when the file cannot be read or has no header.
    """
    path = Path(path)
    today = today or dt.date.today()
    if header_row is not None:
        table = xlsx_import.read_table(path, sheet)
        header = xlsx_import.header_at(table.rows, int(header_row) - 1, MEMBERS)
    else:
        table, header = guess_mapping(path, sheet)
    chosen = _check_mapping(mapping) if mapping is not None else dict(header.mapping)
    fields = set(chosen.values())
    if not fields & {"name", "id_number"}:
        raise ValidationError("没有对应“姓名”或“身份证号”的列，无法确定每行是哪位会员。请在列对应中指定。", field="mapping")

    headers = list(header.headers)
    preview = RosterPreview(
        path=path,
        sheet=table.sheet,
        sheet_names=table.sheet_names,
        header_row=header.excel_row,
        headers=headers,
        mapping=chosen,
        rows=[],
        unmapped=[c for c, t in enumerate(headers) if t and c not in chosen],
    )
    if "name" not in fields:
        preview.file_issues.append(RowIssue(0, "姓名", "文件中没有“姓名”列：只能更新身份证号已登记的会员，不能新增。", "warning", "name"))

    data_rows = table.rows[header.row_index + 1 :]
    ticker = Ticker(progress, len(data_rows), "正在检查花名册")
    ticker.report(0)
    engine = _Matcher(preview, today)
    header_texts = {c: xlsx_import.normalize_header(headers[c]) for c in chosen if c < len(headers) and headers[c]}
    for offset, cells in enumerate(data_rows):
        excel_row = header.excel_row + 1 + offset
        ticker.step()
        if all(xlsx_import.is_blank(cells[c]) for c in chosen if c < len(cells)):
            continue  # empty, or only a pre-printed 序号 / a note outside the table's columns
        if textclean.is_total_row(cells):
            preview.skipped.append(SkippedRow(excel_row, "合计行", list(cells)))
            continue
        if _is_signature_row(cells):
            preview.skipped.append(SkippedRow(excel_row, "签名行", list(cells)))
            continue
        if _is_repeated_header(cells, header_texts):
            preview.skipped.append(SkippedRow(excel_row, "重复的表头行", list(cells)))
            continue
        preview.rows.append(engine.row(excel_row, cells))
    if engine.masked_rows:
        preview.file_issues.append(
            RowIssue(
                0,
                preview.column_header(engine.columns["id_number"]),
                f"{engine.masked_rows} 行的身份证号已打码（含 *），这些身份证号不导入，按姓名和出生日期查找会员。"
                "如需导入身份证号，请导出完整身份证号的花名册。",
                "warning",
                "id_number",
            )
        )
    ticker.report(len(data_rows))
    return preview


def _is_repeated_header(cells: list, header_texts: dict[int, str]) -> bool:
    """The header again in the middle of the data (rosters pasted together page by page)."""
    if len(header_texts) < 2:
        return False
    same = sum(1 for c, text in header_texts.items() if c < len(cells) and isinstance(cells[c], str) and xlsx_import.normalize_header(cells[c]) == text)
    return same >= max(2, (len(header_texts) + 1) // 2)


_SIGNATURE = re.compile(r"^(制表人|审核人|填表人|填报人|制表|审核|负责人|单位负责人|填表日期|制表日期|经办人)[:：]")


def _is_signature_row(cells: list) -> bool:
    """'制表人：张三   审核人：____   日期：…' under a table (also our own exports)."""
    return any(isinstance(c, str) and _SIGNATURE.match(textclean.clean_text(c).replace(" ", "")) for c in cells)


def _month_only(raw) -> bool:
    """'1985.06' / '1985年6月' / 198506: a birth date typed to the month only."""
    if isinstance(raw, (dt.date, dt.datetime)) or raw is None:
        return False
    try:
        return textclean.parse_loose_date(raw, month_only_day=15) != textclean.parse_loose_date(raw)
    except (ValueError, TypeError):
        return False


def _same(name: str, old, new) -> bool:
    if name == "union_roles":
        return set(filter(None, (old or "").split(","))) == set(filter(None, (new or "").split(",")))
    if old in (None, "") and new in (None, ""):
        return True
    return old == new


class _Matcher:
    """Holds the existing members (loaded once) and what earlier rows of the file claimed."""

    def __init__(self, preview: RosterPreview, today: dt.date):
        self.preview = preview
        self.today = today
        self.columns = {name: col for col, name in preview.mapping.items()}
        fields = [getattr(Member, f) for f in _MEMBER_FIELDS]
        self.members: dict[int, dict] = {m["id"]: m for m in Member.select(*fields).dicts().iterator()}
        self.by_id: dict[str, dict] = {m["id_number"]: m for m in self.members.values() if m["id_number"]}
        self.by_name: dict[str, list[dict]] = defaultdict(list)
        for m in self.members.values():
            self.by_name[m["name"]].append(m)
        self.seen_ids: dict[str, int] = {}  # ID number -> first row
        self.seen_members: dict[int, int] = {}  # member id -> first row
        self.new_by_name: dict[str, list[tuple[int, dt.date | None, str | None]]] = defaultdict(list)
        self.masked_rows = 0

    # issues

    def _issue(self, row: RosterRow, name: str | None, message: str, level: str = "error") -> None:
        col = self.columns.get(name) if name else None
        if col is not None:
            column = self.preview.column_header(col)
        else:
            column = member_service.FIELD_LABELS.get(name, name or "")
        row.issues.append(RowIssue(row.row, column, message, level, name, col))

    # one row

    def row(self, excel_row: int, cells: list) -> RosterRow:
        data: dict = {}
        row = RosterRow(excel_row, list(cells), {})
        for col, name in self.preview.mapping.items():
            raw = cells[col] if col < len(cells) else ""
            if xlsx_import.is_blank(raw):
                continue
            if name == "id_number" and isinstance(raw, str) and "*" in raw:
                self.masked_rows += 1  # an export with masked numbers: one warning for the file
                continue
            if isinstance(raw, dt.datetime) and name not in member_service.DATE_FIELDS:
                raw = raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(" ")
            elif isinstance(raw, dt.date) and name not in member_service.DATE_FIELDS:
                raw = raw.isoformat()
            if name == "name":
                text = textclean.clean_text(raw)
                if _HAN_AND_SPACES.fullmatch(text):
                    raw = text.replace(" ", "")  # '王  芳' padded to line up with three-character names
            data[name] = raw
        if not data:
            row.action = ERROR
            self._issue(row, None, "这一行没有可导入的内容")
            return row

        checked = member_service.check_member(data, today=self.today)
        for issue in checked.errors:
            self._issue(row, issue.field, issue.message)
        for issue in checked.warnings:
            self._issue(row, issue.field, issue.message, "warning")
        values = row.values = checked.values
        month_only = "birth_date" in data and "id_number" not in values and _month_only(data["birth_date"])

        number = values.get("id_number")
        if number:
            first = self.seen_ids.get(number)
            if first is not None:
                self._issue(row, "id_number", f"与第 {first} 行的身份证号重复")
            else:
                self.seen_ids[number] = excel_row
        if row.errors:
            row.action = ERROR
            return row

        member, problem = self._match(values, month_only)
        if problem:
            self._issue(row, "name" if "name" in self.columns else "id_number", problem)
            row.action = ERROR
            return row
        if member is None:
            self._new(row, data, values, month_only)
        else:
            self._update(row, member, data, values, month_only)
        return row

    def _match(self, values: dict, month_only: bool) -> tuple[dict | None, str | None]:
        number, name, birth = values.get("id_number"), values.get("name"), values.get("birth_date")
        if number:
            found = self.by_id.get(number)
            if found is not None:
                return found, None
            # The same person stored without an ID number: same name and birth date, no ID yet.
            if name:
                same = [m for m in self.by_name.get(name, ()) if m["birth_date"] == birth and not m["id_number"]]
                if len(same) > 1:
                    return None, AMBIGUOUS_NAME
                if same:
                    return same[0], None
            return None, None
        if not name:
            return None, None
        named = self.by_name.get(name, [])
        if birth is not None:
            if month_only:
                named = [m for m in named if m["birth_date"] and (m["birth_date"].year, m["birth_date"].month) == (birth.year, birth.month)]
            else:
                named = [m for m in named if m["birth_date"] == birth]
        if len(named) > 1:
            return None, AMBIGUOUS_NAME
        return (named[0], None) if named else (None, None)

    def _new(self, row: RosterRow, data: dict, values: dict, month_only: bool) -> None:
        name = values.get("name")
        if not name:
            self._issue(row, "name", "姓名不能为空（新会员必须有姓名）" if "name" in self.columns else "身份证号未登记，文件中又没有姓名列，无法新增")
            row.action = ERROR
            return
        birth, number = values.get("birth_date"), values.get("id_number")
        for first, other_birth, other_number in self.new_by_name.get(name, ()):
            if birth is not None and other_birth is not None and birth != other_birth:
                continue
            if number and other_number:
                self._issue(row, "name", f"与第 {first} 行同名且出生日期相同（身份证号不同，将作为两人新增）", "warning")
            else:
                self._issue(row, "name", f"与第 {first} 行同名{'且出生日期相同' if birth else ''}，疑似重复；如是两个人，请补充身份证号")
                row.action = ERROR
                return
        if birth is not None:
            twins = [m for m in self.by_name.get(name, ()) if m["birth_date"] == birth]
            if twins:
                where = "、".join(f"{m['name']}（{m['department'] or '未填部门'}，{m['status']}）" for m in twins)
                self._issue(row, "name", f"已有同名且出生日期相同的会员：{where}；身份证号不同，将作为另一人新增", "warning")
        if month_only:
            self._issue(row, "birth_date", f"出生日期只有年月，按 {values['birth_date'].isoformat()} 登记", "warning")
        status = values.get("status")
        if status and status != "在职" and not values.get("status_date"):
            self._issue(row, "status", f"状态为“{status}”但没有填写变动日期", "warning")
        self.new_by_name[name].append((row.row, birth, number))
        row.action = NEW
        row.write = dict(values)

    def _update(self, row: RosterRow, member: dict, data: dict, values: dict, month_only: bool) -> None:
        row.member_id, row.member_name = member["id"], member["name"]
        first = self.seen_members.get(member["id"])
        if first is not None:
            self._issue(row, "name" if "name" in self.columns else "id_number", f"与第 {first} 行是同一位会员（{member['name']}），同一人只能出现一次")
            row.action = ERROR
            return
        self.seen_members[member["id"]] = row.row
        changes = {}
        for name, new in values.items():
            old = member.get(name)
            if name not in data and name in _DERIVED_FROM_ID and old not in (None, ""):
                continue  # filled from the ID number, and the member already has it
            if name == "birth_date" and month_only and old and (old.year, old.month) == (new.year, new.month):
                continue  # '1985.06' does not replace a full birth date in that month
            if not _same(name, old, new):
                changes[name] = (old, new)
        row.changes = changes
        if "name" in changes and "id_number" in values:
            self._issue(row, "name", f"身份证号相同，系统中姓名为“{changes['name'][0]}”，将改为“{changes['name'][1]}”", "warning")
        status = values.get("status")
        if "status" in changes and status != "在职" and not values.get("status_date") and not member.get("status_date"):
            self._issue(row, "status", f"状态改为“{status}”但没有填写变动日期", "warning")
        if not changes:
            row.action = SAME
            return
        write = {name: new for name, (_, new) in changes.items()}
        if "id_number" in write:
            # Keep the stored birth date and sex unless the file changes them: check_member would
            # otherwise fill them from the ID number.
            for name in _DERIVED_FROM_ID:
                if name not in write:
                    write[name] = member.get(name) or values.get(name)
        row.write = write
        row.action = UPDATE


# --- apply -----------------------------------------------------------------------------------------


def apply_roster(preview: RosterPreview, progress: ProgressFn | None = None) -> ImportReport:
    """Write the preview's 新增 and 更新 rows in ONE transaction, each through the members service
    (validation and audit log, note '花名册导入：<file name>'). Rows with errors are skipped and
    reported. A row that has become invalid since the preview (e.g. its ID number was registered
    meanwhile) turns into an error row. Cancelling (progress returning False) or any unexpected
    failure writes nothing and leaves the preview as it was."""
    if preview.applied:
        raise ValidationError("这份预览已经导入过了；如需再次导入，请重新检查文件。")
    note = f"{NOTE_PREFIX}{preview.file_name}"
    todo = [r for r in preview.rows if r.action in (NEW, UPDATE)]
    ticker = Ticker(progress, len(todo), "正在导入花名册", every=100)
    ticker.report(0)
    created: dict[int, int] = {}  # index in todo -> new member id
    failed: dict[int, list[RowIssue]] = {}
    with database_proxy.atomic():
        wanted = [r.member_id for r in todo if r.action == UPDATE]
        stored: dict[int, Member] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            stored.update({m.id: m for m in Member.select().where(Member.id.in_(chunk))})
        # New members in batches (same checks as the form, batched inserts and audit rows).
        new_rows = [(i, r) for i, r in enumerate(todo) if r.action == NEW]
        made, refused = member_service.create_members([r.write for _, r in new_rows], note=note)
        for position, (index, row) in enumerate(new_rows):
            if position in made:
                created[index] = made[position]
            else:
                failed[index] = _issues_from(preview, row, refused[position])
            ticker.step()
        for index, row in enumerate(todo):
            if row.action != UPDATE:
                continue
            # The service validates before it writes, and its audited write is a savepoint of its
            # own, so a row refused here leaves nothing behind inside the big transaction.
            try:
                member = stored.get(row.member_id)
                if member is None:
                    raise ValidationError("要更新的会员已不存在，请重新检查文件")
                member_service.update_member(member, row.write, confirm_duplicate=True, note=note)
            except ValidationError as exc:
                failed[index] = _issues_from(preview, row, exc)
            ticker.step()
        ticker.report(len(todo), "正在保存")
        added = sum(1 for i, r in enumerate(todo) if r.action == NEW and i not in failed)
        updated = sum(1 for i, r in enumerate(todo) if r.action == UPDATE and i not in failed)
        if added or updated:
            from union_desk.services import audit

            audit.record("import", "member", None, after={"file": preview.file_name, "added": added, "updated": updated}, note=note)
    # Committed: now the preview's rows may say what happened.
    report = ImportReport(preview)
    for index, row in enumerate(todo):
        if index in failed:
            row.issues.extend(failed[index])
            row.action = ERROR
        else:
            if index in created:
                row.member_id = created[index]
            report.member_ids.append(row.member_id)
    counts = preview.counts()
    report.added, report.updated = counts[NEW], counts[UPDATE]
    report.unchanged, report.error_rows = counts[SAME], counts[ERROR]
    preview.applied = True
    return report


def _issues_from(preview: RosterPreview, row: RosterRow, exc: ValidationError) -> list[RowIssue]:
    found = getattr(exc, "issues", None) or [member_service.Issue(exc.field or "", exc.message)]
    issues = []
    for issue in found:
        col = next((c for c, f in preview.mapping.items() if f == issue.field), None)
        column = preview.column_header(col) if col is not None else member_service.FIELD_LABELS.get(issue.field, issue.field)
        issues.append(RowIssue(row.row, column, issue.message, "error", issue.field or None, col))
    return issues


def import_roster(path, sheet: str | None = None, mapping: dict[int, str] | None = None, progress: ProgressFn | None = None) -> ImportReport:
    """Preview and apply in one go (the CLI; the wizard shows the preview in between)."""
    return apply_roster(preview_roster(path, sheet, mapping, progress), progress)


# --- the report file -------------------------------------------------------------------------------

ROW_ERROR_FILL = PatternFill("solid", fgColor="FDE2E1")
CELL_ERROR_FILL = PatternFill("solid", fgColor="F4A6A3")
WARNING_FILL = PatternFill("solid", fgColor="FFF2B3")
OK_FILLS = {NEW: PatternFill("solid", fgColor="E2F0D9"), UPDATE: PatternFill("solid", fgColor="DDEBF7")}
COMMENT_AUTHOR = "工会工作台"


def write_report_xlsx(source: RosterPreview | ImportReport, path) -> Path:
    """The roster as read, plus 结果 and 问题 columns: error rows light red, bad cells red with the
    message as a cell comment, warnings yellow. Written atomically like an export."""
    from union_desk.ledgers.xlsx_export import BORDER, HEADER_FILL, HEADER_FONT, body_width, header_width, set_text

    preview = source.preview if isinstance(source, ImportReport) else source
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
        f"花名册{done}：{preview.file_name}"
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
        row = item if isinstance(item, RosterRow) else None
        ws.cell(out, 1, excel_row)
        cells = item.cells
        for c in range(width):
            value = cells[c] if c < len(cells) else ""
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
                texts.append(f"更新 {row.change_text()}")
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
                text = issue.message if cell.comment is None else f"{cell.comment.text}\n{issue.message}"
                cell.comment = Comment(text, COMMENT_AUTHOR, width=260, height=90)
        for c in range(1, ncols + 1):
            cell = ws.cell(out, c)
            cell.border = BORDER
        problems.alignment = wrap
    for issue in preview.file_issues:
        out += 2
        set_text(ws.cell(out, 1), issue.text())
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
