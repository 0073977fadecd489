"""The member roster import (花名册导入): preview every row, then apply in one transaction.

    preview = preview_roster("花名册.xls")          # read, find the header, clean, match, diff
    preview.mapping                                 # {column index: member field}, editable
    preview = preview_roster(path, mapping=edited)  # again with the user's column mapping
    report = apply_roster(preview)                  # all or nothing, audited
    write_report_xlsx(report, "导入报告.xlsx")       # the file with 结果 / 问题 columns, bad cells red

The stages are the import pipeline's (`imports.pipeline`); `RosterImporter` declares the roster's
part: the member columns, the user's own column mapping, a row's check and the batched writes.

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
from dataclasses import dataclass

from union_desk.db.models import Member
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.imports import reader as xlsx_import
from union_desk.imports.common import (
    ACTIONS,
    ERROR,
    NEW,
    SAME,
    SKIPPED,
    UPDATE,
    ImportPreview,
    ImportReport,
    ImportRow,
    RowIssue,
    SkippedRow,
    find_table,
    write_report_xlsx,
)
from union_desk.imports.pipeline import Importer, Written, apply_preview, preview_file
from union_desk.ledgers.common import ProgressFn, Ticker
from union_desk.ledgers.specs import MEMBERS, LedgerSpec
from union_desk.services import members as member_service

__all__ = [
    "ACTIONS", "AMBIGUOUS_NAME", "ERROR", "NEW", "SAME", "SKIPPED", "UPDATE", "ImportReport", "RosterPreview",
    "RosterRow", "RowIssue", "SkippedRow", "apply_roster", "import_roster", "preview_roster", "write_report_xlsx",
]

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
class RosterRow(ImportRow):
    member_name: str = ""

    @property
    def member_id(self) -> int | None:
        return self.record_id

    @member_id.setter
    def member_id(self, value: int | None) -> None:
        self.record_id = value

    def change_text(self, label=None) -> str:
        return super().change_text(label or (lambda name: member_service.FIELD_LABELS.get(name, name)))


@dataclass
class RosterPreview(ImportPreview):
    spec: LedgerSpec | None = MEMBERS

    def label(self, field_name: str) -> str:
        return member_service.FIELD_LABELS.get(field_name, field_name)

    def summary(self) -> str:
        return super().summary()


# --- reading and mapping ---------------------------------------------------------------------------


def guess_mapping(path, sheet: str | None = None, spec: LedgerSpec = MEMBERS) -> tuple[xlsx_import.Table, xlsx_import.HeaderMatch]:
    """The sheet to read (the best-matching one when `sheet` is None) and its header row."""
    return find_table(path, sheet, spec, RosterImporter.examples, RosterImporter.hint)


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
    return preview_file(RosterImporter, path, sheet, progress, mapping=mapping, header_row=header_row,
                        options={"today": today or dt.date.today()})


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


class RosterImporter(Importer):
    """The roster's stages of the import pipeline: the member columns, a row checked by the member
    form's own rules and matched to a member, new members written in batches. Holds the existing
    members (loaded once) and what earlier rows of the file claimed."""

    spec = MEMBERS
    examples = "“姓名”“身份证号”“部门”"
    hint = "，或在导入向导中指定表头行和各列对应的项目"
    table = "member"
    note_prefix = NOTE_PREFIX
    preview_class = RosterPreview
    row_class = RosterRow

    @classmethod
    def map_columns(cls, header: xlsx_import.HeaderMatch, mapping: dict | None = None) -> dict[int, str]:
        chosen = _check_mapping(mapping) if mapping is not None else dict(header.mapping)
        if not set(chosen.values()) & {"name", "id_number"}:
            raise ValidationError("没有对应“姓名”或“身份证号”的列，无法确定每行是哪位会员。请在列对应中指定。", field="mapping")
        return chosen

    @classmethod
    def label(cls, preview) -> str:
        return "花名册"

    def __init__(self, preview: RosterPreview, note: str, today: dt.date):
        super().__init__(preview, note)
        self.today = today
        self.columns = {name: col for col, name in preview.mapping.items()}
        if "name" not in self.columns:
            preview.file_issues.append(RowIssue(0, "姓名", "文件中没有“姓名”列：只能更新身份证号已登记的会员，不能新增。", "warning", "name"))
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

    def _issue(self, row: RosterRow, name: str | None, message: str, level: str = "error") -> None:
        """An issue that leaves `row.action` to the caller."""
        row.issues.append(self.preview.make_issue(row, name, message, level))

    # one row

    def checked(self) -> None:
        if self.masked_rows:
            self.preview.file_issues.append(
                RowIssue(
                    0,
                    self.preview.column_header(self.columns["id_number"]),
                    f"{self.masked_rows} 行的身份证号已打码（含 *），这些身份证号不导入，按姓名和出生日期查找会员。"
                    "如需导入身份证号，请导出完整身份证号的花名册。",
                    "warning",
                    "id_number",
                )
            )

    def read_row(self, row: RosterRow) -> None:
        """The row's cells as the member form would get them (masked ID numbers left out)."""
        data, cells = row.values, row.cells
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

    def check(self, row: RosterRow) -> None:
        """Cleaned by the members service's own checks, then matched to a member: new, update or same."""
        data = row.values
        if not data:
            row.action = ERROR
            self._issue(row, None, "这一行没有可导入的内容")
            return

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
                self.seen_ids[number] = row.row
        if row.errors:
            row.action = ERROR
            return

        member, problem = self._match(values, month_only)
        if problem:
            self._issue(row, "name" if "name" in self.columns else "id_number", problem)
            row.action = ERROR
            return
        if member is None:
            self._new(row, data, values, month_only)
        else:
            self._update(row, member, data, values, month_only)

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


    # apply

    def write_rows(self, todo: list[RosterRow], ticker: Ticker) -> Written:
        """New members in batches (the same checks as the form, batched inserts and audit rows),
        then each update through the members service."""
        written = Written()
        wanted = [r.member_id for r in todo if r.action == UPDATE]
        stored: dict[int, Member] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            stored.update({m.id: m for m in Member.select().where(Member.id.in_(chunk))})
        new_rows = [(i, r) for i, r in enumerate(todo) if r.action == NEW]
        made, refused = member_service.create_members([r.write for _, r in new_rows], note=self.note)
        for position, (index, row) in enumerate(new_rows):
            if position in made:
                written.done[index] = made[position]
            else:
                written.failed[index] = self.refused(row, refused[position])
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
                member_service.update_member(member, row.write, confirm_duplicate=True, note=self.note)
            except ValidationError as exc:
                written.failed[index] = self.refused(row, exc)
            ticker.step()
        return written


# --- apply -----------------------------------------------------------------------------------------


def apply_roster(preview: RosterPreview, progress: ProgressFn | None = None, *, skip_bad_rows: bool = True) -> ImportReport:
    """Write the preview's 新增 and 更新 rows in ONE transaction, each through the members service
    (validation and audit log, note '花名册导入：<file name>'). Rows with errors are skipped and
    reported. A row that has become invalid since the preview (e.g. its ID number was registered
    meanwhile) turns into an error row — or, with `skip_bad_rows` False, makes the whole import
    fail with RowsRejected. Cancelling (progress returning False) or any unexpected failure
    writes nothing and leaves the preview as it was."""
    return apply_preview(preview, progress, skip_bad_rows=skip_bad_rows)


def import_roster(path, sheet: str | None = None, mapping: dict[int, str] | None = None, progress: ProgressFn | None = None) -> ImportReport:
    """Preview and apply in one go (the CLI; the wizard shows the preview in between)."""
    return apply_roster(preview_roster(path, sheet, mapping, progress), progress)
