"""Importing a record ledger back (困难职工档案, 帮扶, 走访慰问, 活动, 活动参与明细, 工作计划).

    preview = preview_ledger("visits", "走访慰问台账.xlsx")   # reads, matches, diffs; writes nothing
    report = apply_ledger(preview)                            # one transaction, through the services
    report = import_ledger("visits", path)                    # both (the CLI)

The file goes through the import pipeline (`imports.pipeline`) like the roster: header found
among the first rows, 合计 / 签名 / repeated header rows skipped; the table ends at its 合计 row
(our own ledgers put summary tables under it). Each cell is parsed by its column's kind (or the column's own `parse`), each row
is matched to a member — by full ID number, else by name, told apart by a masked ID number
('440106********123X') and the department — and to the record it describes by the ledger's own
key (a visit's serial number, an assistance's file + date + kind + amounts …). A record already
there and the same is 未变, so importing a file twice adds nothing; a row whose member cannot be
found is an error with its row number and the reason. The writes go through the services, so the
audit log records each one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal

from union_desk.db.models import Member
from union_desk.domain import idcard, money, textclean
from union_desk.errors import ValidationError
from union_desk.imports import reader as xlsx_import
from union_desk.imports.common import ERROR, SAME, UPDATE, ImportPreview, ImportReport, ImportRow
from union_desk.imports.pipeline import Importer, apply_preview, preview_file
from union_desk.ledgers.common import ProgressFn
from union_desk.ledgers.specs import LedgerColumn

NOT_A_MEMBER = "请先导入会员花名册，或检查姓名、部门和身份证号"
MAX_COUNT = 999_999  # the largest number an int cell (名次, 序号, 人数 …) may hold


# --- cells ---------------------------------------------------------------------------------------


def parse_datetime(raw) -> dt.datetime | None:
    """A date-and-time cell: a datetime, a date (midnight), or text like '2026-03-08 15:30'."""
    if isinstance(raw, dt.datetime):  # Excel keeps days as a fraction: round to the second
        return (raw + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    if isinstance(raw, dt.date):
        return dt.datetime.combine(raw, dt.time(0, 0))
    text = textclean.clean_text(raw)
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            pass
    day = textclean.parse_loose_date(text)
    return dt.datetime.combine(day, dt.time(0, 0)) if day else None


def _text(raw, keep_lines: bool) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, dt.datetime):
        return raw.strftime("%Y-%m-%d %H:%M")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip() if keep_lines else textclean.clean_text(raw)


def parse_cell(column: LedgerColumn, raw):
    """The value of a (non-blank) cell for its column; ValueError with a Chinese message."""
    if column.parse is not None:
        return column.parse(raw)
    kind = column.kind
    if kind == "date":
        if isinstance(raw, dt.datetime):
            return raw.date()
        return textclean.parse_loose_date(raw)
    if kind == "datetime":
        return parse_datetime(raw)
    if kind == "money":
        return money.parse_amount(raw)
    if kind == "int":
        return parse_count(raw)
    if kind == "bool":
        text = _text(raw, False)
        if text in ("是", "√", "✓", "1", "true", "True", "已签到", "Y", "y"):
            return True
        if text in ("否", "×", "0", "false", "False", "未签到", "N", "n", ""):
            return False
        raise ValueError(f"“{text}”应为“是”或“否”")
    if kind == "percent":
        return raw
    return _text(raw, column.wrap)


def parse_count(raw) -> int:
    """A whole number up to MAX_COUNT (1e20 or 30 digits would overflow the database)."""
    text = _text(raw, False)
    if not re.fullmatch(r"-?\d+", text):
        raise ValueError(f"“{text}”不是整数")
    if len(text) > 12 or abs(int(text)) > MAX_COUNT:
        raise ValueError(f"数字“{text if len(text) <= 12 else text[:12] + '…'}”太大（最多 {MAX_COUNT}）")
    return int(text)


def parse_status(raw) -> tuple[bool, str]:
    """The 状态 column of records that can be voided: '正常' → (False, ''), '作废：重复录入' → (True, '重复录入')."""
    text = _text(raw, True)
    if not text or text == "正常":
        return False, ""
    match = re.match(r"^(已?作废)\s*[:：]?\s*(.*)$", text, re.S)
    if not match:
        raise ValueError(f"“{text}”应为“正常”或“作废：原因”")
    return True, match.group(2).strip() or "作废"


def status_text(voided: bool, reason: str) -> str:
    return f"作废：{reason}" if voided else "正常"


# --- members ---------------------------------------------------------------------------------------


class MemberIndex:
    """Every member (loaded once) for telling which member a row means."""

    def __init__(self):
        self.by_id: dict[str, int] = {}
        self.by_name: dict[str, list[tuple[int, str, str]]] = defaultdict(list)  # name -> (id, id_number, department)
        for member_id, name, number, department in Member.select(Member.id, Member.name, Member.id_number, Member.department).tuples().iterator():
            if number:
                self.by_id[number] = member_id
            self.by_name[name].append((member_id, number or "", department or ""))

    def find(self, values: dict) -> tuple[int | None, str | None, str]:
        """(member id, error, the field to blame) for a row's 姓名 / 身份证号 / 部门 values."""
        name = (values.get("name") or "").replace(" ", "")
        number = (values.get("id_number") or "").strip().upper()
        department = values.get("department") or ""
        masked = "*" in number
        if number and not masked:
            try:
                number = idcard.parse_id(number).number
            except idcard.IdCardError as exc:
                return None, f"身份证号无效：{exc}", "id_number"
            found = self.by_id.get(number)
            if found is not None:
                return found, None, "name"
            if not name:
                return None, f"找不到身份证号为 {idcard.mask_id(number)} 的会员（{NOT_A_MEMBER}）", "id_number"
        if not name:
            return None, "没有填写姓名", "name"
        candidates = self.by_name.get(name, [])
        if number and not masked:
            # the ID is not registered: the same person may be stored without an ID number
            candidates = [c for c in candidates if not c[1]]
        elif masked:
            pattern = re.compile("^" + re.escape(number).replace(r"\*", ".") + "$")
            candidates = [c for c in candidates if not c[1] or pattern.match(c[1])]
        if len(candidates) > 1 and department:
            same_department = [c for c in candidates if c[2] == department]
            candidates = same_department or candidates
        if len(candidates) == 1:
            return candidates[0][0], None, "name"
        if not candidates:
            where = f"（{department}）" if department else ""
            return None, f"找不到会员“{name}”{where}（{NOT_A_MEMBER}）", "name"
        return None, f"有 {len(candidates)} 名会员叫“{name}”，无法确定是哪一位，请填写完整身份证号或部门", "name"


# --- importers -------------------------------------------------------------------------------------


class RecordImporter(Importer):
    """What one record ledger needs to import back; one subclass per ledger (in its ledger module).

    Each cell is parsed by its column (`parse_cell`); `check(row)` reads `row.values` (parsed
    cells by field) and sets `row.action` (NEW, UPDATE, SAME or an error through `self.issue`),
    `row.write` and `row.changes`. `write(row)` makes the change through the services inside the
    import's transaction and returns the record id. `finish(rows)` runs once after every row was
    written (links between rows, e.g. 重开 visits). The stages are `imports.pipeline`'s.
    """

    noun = "记录"
    needs_member = True
    stop_at_total = True

    def __init__(self, preview: ImportPreview, note: str):
        super().__init__(preview, note)
        self.members = MemberIndex() if self.needs_member else None
        self.seen: dict = {}  # record key -> first row (the same record twice in a file)
        self.columns = {c.field: c for c in self.spec.import_columns}

    def read_row(self, row: ImportRow) -> None:
        for col, name in self.preview.mapping.items():
            raw = row.cells[col] if col < len(row.cells) else ""
            if xlsx_import.is_blank(raw):
                continue
            try:
                row.values[name] = parse_cell(self.columns[name], raw)
            except (ValueError, ArithmeticError) as exc:
                self.issue(row, name, str(exc) or "无法识别")

    def member(self, row: ImportRow) -> int | None:
        """The member a row means, or None after adding the error."""
        member_id, problem, blame = self.members.find(row.values)
        if problem:
            self.issue(row, blame, problem)
        return member_id

    def once(self, row: ImportRow, key, what: str | None = None) -> bool:
        """False (and an error) when an earlier row of the file was the same record."""
        first = self.seen.get(key)
        if first is not None:
            self.issue(row, None, f"与第 {first} 行是同一条{what or self.noun}")
            return False
        self.seen[key] = row.row
        return True

    def diff(self, row: ImportRow, stored: dict, wanted: dict, same=None) -> None:
        """UPDATE with the changed fields, or SAME."""
        changes = {}
        for name, new in wanted.items():
            old = stored.get(name)
            if not (same(name, old, new) if same else _same(old, new)):
                changes[name] = (old, new)
        row.changes = changes
        row.write = {name: new for name, (_, new) in changes.items()}
        row.action = UPDATE if changes else SAME


def _same(old, new) -> bool:
    if old in (None, "") and new in (None, ""):
        return True
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        try:
            return Decimal(str(old or 0)) == Decimal(str(new or 0))
        except ArithmeticError:
            return False
    return old == new


# --- preview and apply -------------------------------------------------------------------------------


def _importer_class(kind: str) -> type[RecordImporter]:
    from union_desk import areas  # the registry lists each area's ledgers (and imports them)

    ledgers = {ledger.kind: ledger for ledger in areas.ledgers()}
    ledger = ledgers.get(kind)
    if ledger is None or ledger.importer is None:
        raise ValidationError(f"不能导入“{kind}”台账（可导入：{'、'.join(k for k, v in ledgers.items() if v.importer)}）", field="kind")
    return ledger.importer


def preview_ledger(kind: str, path, sheet: str | None = None, progress: ProgressFn | None = None) -> ImportPreview:
    """Read a ledger file and say, row by row, what importing it would do. Nothing is written."""
    return preview_file(_importer_class(kind), path, sheet, progress)


def apply_ledger(preview: ImportPreview, progress: ProgressFn | None = None, *, skip_bad_rows: bool = True) -> ImportReport:
    """Write the preview's 新增 and 更新 rows in ONE transaction, each through the services (and
    so the audit log). A row a service refuses becomes an error row and leaves nothing behind (each
    row is a savepoint) — or, with `skip_bad_rows` False, makes the whole import fail with
    RowsRejected; cancelling (progress returning False) writes nothing."""
    return apply_preview(preview, progress, skip_bad_rows=skip_bad_rows)


def import_ledger(kind: str, path, sheet: str | None = None, progress: ProgressFn | None = None) -> ImportReport:
    """Preview and apply in one go (the CLI)."""
    return apply_ledger(preview_ledger(kind, path, sheet, progress), progress)


__all__ = [
    "ERROR",
    "MemberIndex",
    "RecordImporter",
    "apply_ledger",
    "import_ledger",
    "parse_cell",
    "parse_count",
    "parse_status",
    "preview_ledger",
    "status_text",
]
