"""Import sign-ups (报名名单) from an Excel list that departments hand in.

    preview = preview_signup_import(activity, "报名表.xlsx")        # reads and matches, writes nothing
    report = apply_signup_import(preview, after_deadline_ok=True)   # one transaction
    report = import_signups(activity, "报名表.xlsx")                 # both at once (CLI)

The list needs a 姓名 or a 身份证号 column; a 项目 column (several items may be written in one
cell: '拔河、跳绳') and a 部门 column are optional. A person is matched by ID number when the
row has one, else by the exact name; several members of that name are told apart by the row's
department only. Anything that does not match exactly one member and one item is reported with
its Excel row number and left out — a name is never guessed. People already on the list are
reported and left as they are; people not eligible are reported (sign them up one by one in the
tab, where an override reason is asked for). The rows that match are signed up in file order (so
the waiting list follows the order of the list) in one transaction: a cancel or a failure leaves
the database as it was. The stages are the import pipeline's (`imports.pipeline`); the list
keeps its own sheet, header and row rules and its own preview (`SignUpListImporter`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from union_desk.db.models import Activity, ActivityItem, Member, SignUp, now
from union_desk.domain import idcard, textclean
from union_desk.errors import ValidationError
from union_desk.imports import reader as xlsx_import
from union_desk.imports.common import read_only_value
from union_desk.imports.pipeline import Importer, Written, apply_preview, preview_file
from union_desk.ledgers.common import Cancelled, ProgressFn, Ticker
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec
from union_desk.services import activities

__all__ = [
    "Cancelled",
    "ImportProblem",
    "PlannedSignUp",
    "SIGNUP_LIST",
    "SignUpImportPreview",
    "SignUpImportReport",
    "apply_signup_import",
    "import_signups",
    "preview_signup_import",
]


SIGNUP_LIST = LedgerSpec(
    "signup_list",
    "报名名单",
    (
        LedgerColumn("seq", "序号", None, aliases=("编号",)),
        LedgerColumn("name", "姓名", read_only_value, aliases=("名字", "会员姓名", "职工姓名", "教职工姓名", "报名人", "参赛人员"), field="name"),
        LedgerColumn("id_number", "身份证号", read_only_value, kind="id",
                     aliases=("身份证号码", "证件号码", "公民身份号码", "身份证", "证件号"), field="id_number"),
        LedgerColumn("department", "部门", read_only_value, aliases=("科室", "组室", "教研组", "所在部门", "部门组室", "单位"), field="department"),
        LedgerColumn("item", "项目", read_only_value, aliases=("报名项目", "参赛项目", "参加项目", "项目名称", "比赛项目"), field="item"),
    ),
)
_ITEM_SEPARATORS = re.compile(r"[、,，/／;；|\s]+")
_NAME_SPACES = re.compile(r"\s+")


@dataclass
class ImportProblem:
    row: int  # Excel row number
    name: str  # the name (or ID) as written in the row
    message: str

    def text(self) -> str:
        who = f"“{self.name}”" if self.name else ""
        return f"第 {self.row} 行{who}：{self.message}"


@dataclass
class PlannedSignUp:
    row: int
    member: Member
    item: ActivityItem

    def text(self, position: int | None = None) -> str:
        """'第 4 行：王芳 → 拔河' (with '（候补第 1 位）' when it went to the waiting list)."""
        waiting = f"（候补第 {position} 位）" if position else ""
        return f"第 {self.row} 行：{self.member.name} → {self.item.name}{waiting}"


@dataclass
class SignUpImportPreview:
    activity: Activity
    path: Path
    sheet: str
    header_row: int  # Excel row of the header
    columns: dict[str, str]  # field -> the header text found in the file
    ready: list[PlannedSignUp] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)  # unmatched, ambiguous, unknown item …
    already: list[ImportProblem] = field(default_factory=list)  # on the list already / repeated rows
    rows_read: int = 0
    mapping: dict[int, str] = field(default_factory=dict, repr=False)  # column index -> field
    importer: object | None = field(default=None, repr=False, compare=False)  # what apply writes with

    @classmethod
    def begin(cls, path, table: xlsx_import.Table, header: xlsx_import.HeaderMatch, mapping: dict[int, str], *,
              activity: Activity, spec=None) -> SignUpImportPreview:
        return cls(
            activity=activity,
            path=table.path,
            sheet=table.sheet,
            header_row=header.excel_row,
            columns={f: header.headers[col] for col, f in mapping.items()},
            mapping=mapping,
        )

    @property
    def file_name(self) -> str:
        return self.path.name

    def summary(self) -> str:
        parts = [f"读取 {self.rows_read} 行", f"可报名 {len(self.ready)} 人次"]
        if self.already:
            parts.append(f"已在名单中或重复 {len(self.already)} 行")
        if self.problems:
            parts.append(f"有问题 {len(self.problems)} 行（不导入）")
        return "，".join(parts)


@dataclass
class SignUpImportReport:
    preview: SignUpImportPreview
    signed: list[PlannedSignUp] = field(default_factory=list)
    waiting: list[tuple[PlannedSignUp, int]] = field(default_factory=list)  # with the waiting position

    @property
    def problems(self) -> list[ImportProblem]:
        return self.preview.problems

    @property
    def already(self) -> list[ImportProblem]:
        return self.preview.already

    def summary(self) -> str:
        parts = [f"已报名 {len(self.signed)} 人次"]
        if self.waiting:
            parts.append(f"进入候补 {len(self.waiting)} 人次")
        if self.already:
            parts.append(f"已在名单中或重复 {len(self.already)} 行")
        if self.problems:
            parts.append(f"未导入 {len(self.problems)} 行")
        return "，".join(parts)


# --- reading and matching -----------------------------------------------------------------------


def _clean_name(value) -> str:
    return _NAME_SPACES.sub("", textclean.clean_text(value))


def _describe(member: Member) -> str:
    return f"{member.name}（{member.department or '未填部门'}，{member.status}）"


class _Matcher:
    def __init__(self, activity: Activity, default_item: ActivityItem | None):
        self.activity = activity
        self.items = list(activity.items.order_by(ActivityItem.sort_order, ActivityItem.id))
        self.by_name = {_clean_name(i.name): i for i in self.items}
        self.default_item = default_item
        self.seen: dict[tuple[int, int], int] = {}
        self._members_by_name: dict[str, list[Member]] = {}

    def members_named(self, name: str) -> list[Member]:
        if name not in self._members_by_name:
            self._members_by_name[name] = list(Member.select().where(Member.name == name).order_by(Member.id))
        return self._members_by_name[name]

    def member(self, name: str, raw_id, department: str) -> tuple[Member | None, str]:
        """(member, '') or (None, why not)."""
        if not xlsx_import.is_blank(raw_id):
            try:
                number = idcard.normalize_id(raw_id)
            except idcard.IdCardError as exc:
                return None, exc.message
            found = Member.get_or_none(Member.id_number == number)
            if found is None:
                return None, f"找不到身份证号为 {idcard.mask_id(number)} 的会员"
            if name and name != _clean_name(found.name):
                return None, f"身份证号 {idcard.mask_id(number)} 是会员“{found.name}”的，与表中姓名不符"
            return found, ""
        if not name:
            return None, "没有姓名或身份证号"
        candidates = self.members_named(name)
        if not candidates:
            return None, "会员档案中没有这个名字（请核对是否有错别字，或在表中加上身份证号）"
        if len(candidates) == 1:
            return candidates[0], ""
        if department:
            narrowed = [m for m in candidates if _clean_name(m.department) == _clean_name(department)]
            if len(narrowed) == 1:
                return narrowed[0], ""
        listed = "、".join(_describe(m) for m in candidates[:6])
        more = f" 等 {len(candidates)} 人" if len(candidates) > 6 else ""
        return None, f"有 {len(candidates)} 位同名会员：{listed}{more}，无法确定是哪一位（请在表中加上身份证号或部门）"

    def items_for(self, raw) -> tuple[list[ActivityItem], str]:
        text = textclean.clean_text(raw)
        if not text:
            if self.default_item is not None:
                return [self.default_item], ""
            if len(self.items) == 1:
                return [self.items[0]], ""
            return [], f"没有写报名项目（本活动的项目：{'、'.join(i.name for i in self.items)}）"
        found, unknown = [], []
        for part in _ITEM_SEPARATORS.split(text):
            if not part:
                continue
            item = self.by_name.get(_clean_name(part))
            if item is None:
                unknown.append(part)
            elif item not in found:
                found.append(item)
        if unknown:
            return [], f"本活动没有项目“{'、'.join(unknown)}”（项目有：{'、'.join(i.name for i in self.items)}）"
        return found, ""


def _is_repeated_header(cells: list, header: xlsx_import.HeaderMatch) -> bool:
    texts = [xlsx_import.normalize_header(c) for c in cells]
    names = [xlsx_import.normalize_header(h) for h in header.headers]
    same = sum(1 for a, b in zip(texts, names) if a and a == b)
    return same >= 2


class SignUpListImporter(Importer):
    """A sign-up list's part of the import pipeline: its own sheet and header rules, a row matched
    to one member and one or more items (never guessed), each sign-up through `activities.sign_up`
    in file order; a sign-up refused while applying makes the whole import fail."""

    spec = SIGNUP_LIST
    preview_class = SignUpImportPreview
    check_every = 100
    write_every = 20
    saving = None

    @classmethod
    def read(cls, path, sheet: str | None, header_row: int | None = None):
        """The sheet named (or the first one) and its header: it needs a 姓名 or a 身份证号 column."""
        table = xlsx_import.read_table(path, sheet)
        header = xlsx_import.find_header(table.rows, SIGNUP_LIST)
        fields = set(header.mapping.values()) if header else set()
        if header is None or not fields & {"name", "id_number"}:
            raise ValidationError(
                f"在“{table.path.name}”的前 {xlsx_import.HEADER_SCAN_ROWS} 行中找不到“姓名”或“身份证号”列，请检查表头。",
                field="path",
            )
        return table, header

    @classmethod
    def checking(cls, preview) -> str:
        return "正在核对报名名单…"

    def importing(self) -> str:
        return "正在导入报名…"

    def __init__(self, preview: SignUpImportPreview, note: str, default_item: ActivityItem | None = None):
        super().__init__(preview, note)
        activity = preview.activity
        self.matcher = _Matcher(activity, default_item)
        if "item" not in preview.columns and default_item is None and len(self.matcher.items) > 1:
            raise ValidationError("表中没有“项目”列，请选择要报名的项目", field="item")
        self.column_of = {f: col for col, f in preview.mapping.items()}
        self.existing = {
            (s.member_id, s.item_id): s
            for s in SignUp.select().join(ActivityItem).where(
                (ActivityItem.activity == activity) & (SignUp.state != activities.CANCELLED)
            )
        }
        self.at: dt.datetime | None = None

    # --- check

    def rows(self, table: xlsx_import.Table, header: xlsx_import.HeaderMatch, ticker: Ticker):
        """Rows under the header, but blank, 合计 and repeated header rows."""
        for offset, cells in enumerate(table.rows[header.row_index + 1 :]):
            ticker.step()
            excel_row = header.excel_row + 1 + offset
            if all(xlsx_import.is_blank(c) for c in cells) or textclean.is_total_row(cells) or _is_repeated_header(cells, header):
                continue
            yield excel_row, cells

    def _cell(self, cells: list, name: str):
        col = self.column_of.get(name)
        return cells[col] if col is not None and col < len(cells) else ""

    def check_row(self, excel_row: int, cells: list) -> None:
        preview, matcher, cell = self.preview, self.matcher, self._cell
        name = _clean_name(cell(cells, "name"))
        raw_id = cell(cells, "id_number")
        shown = name or textclean.clean_text(raw_id)
        if not name and xlsx_import.is_blank(raw_id):
            if any(not xlsx_import.is_blank(c) for c in cells):
                preview.rows_read += 1
                preview.problems.append(ImportProblem(excel_row, "", "没有姓名或身份证号"))
            return
        if name in ("注", "备注", "说明", "填表人", "制表人", "审核人") or name.startswith(("注：", "说明：", "填表人", "制表人")):
            return
        preview.rows_read += 1
        member, why = matcher.member(name, raw_id, textclean.clean_text(cell(cells, "department")))
        if member is None:
            preview.problems.append(ImportProblem(excel_row, shown, why))
            return
        items, why = matcher.items_for(cell(cells, "item"))
        if not items:
            preview.problems.append(ImportProblem(excel_row, shown, why))
            return
        for item in items:
            key = (member.id, item.id)
            if key in matcher.seen:
                preview.already.append(ImportProblem(excel_row, shown, f"与第 {matcher.seen[key]} 行重复（{item.name}），已忽略"))
                continue
            matcher.seen[key] = excel_row
            current = self.existing.get(key)
            if current is not None:
                where = f"候补第 {activities.waiting_position(current)} 位" if current.state == activities.WAITING else "已报名"
                preview.already.append(ImportProblem(excel_row, shown, f"已在“{item.name}”名单中（{where}），不变"))
                continue
            problems = activities.eligibility_problems(preview.activity, member)
            if problems:
                preview.problems.append(ImportProblem(
                    excel_row, shown, "；".join(problems) + "。如确需报名，请在活动中单独为其报名并填写原因"))
                continue
            preview.ready.append(PlannedSignUp(excel_row, member, item))

    # --- apply

    def before_apply(self, *, after_deadline_ok: bool = False, at: dt.datetime | None = None) -> None:
        """After the sign-up deadline: NeedsConfirmation('deadline') unless `after_deadline_ok`."""
        preview = self.preview
        activity = activities.get_activity(preview.activity.id)
        self.at = at = at or now()
        if activity.signup_deadline and at > activity.signup_deadline and not after_deadline_ok and preview.ready:
            raise activities.NeedsConfirmation(
                f"报名已于 {activity.signup_deadline:%Y-%m-%d %H:%M} 截止，仍要导入这 {len(preview.ready)} 人次的报名吗？",
                "deadline",
            )

    def todo(self) -> list[PlannedSignUp]:
        return self.preview.ready

    def write(self, planned: PlannedSignUp) -> tuple[str, int | None]:
        signup = activities.sign_up(planned.item, planned.member, after_deadline_ok=True, at=self.at)
        waiting = signup.state == activities.WAITING
        return signup.state, activities.waiting_position(signup) if waiting else None

    def refused(self, planned: PlannedSignUp, exc: ValidationError):
        raise ValidationError(f"第 {planned.row} 行“{planned.member.name}”：{exc.message}") from exc

    def report(self, todo: list[PlannedSignUp], written: Written) -> SignUpImportReport:
        report = SignUpImportReport(self.preview)
        for index, planned in enumerate(todo):
            state, position = written.done[index]
            if state == activities.WAITING:
                report.waiting.append((planned, position))
            else:
                report.signed.append(planned)
        return report


def preview_signup_import(
    activity: Activity,
    path,
    sheet: str | None = None,
    default_item: ActivityItem | None = None,
    progress: ProgressFn | None = None,
) -> SignUpImportPreview:
    """Read the list and match every row; nothing is written."""
    if activity.status in ("已取消", "已结束"):
        raise ValidationError(f"活动已{activity.status[1:]}，不能再导入报名")
    if not activity.items.exists():
        raise ValidationError("活动还没有项目，请先添加项目再导入报名", field="activity")
    if default_item is not None and default_item.activity_id != activity.id:
        raise ValidationError("所选项目不属于这个活动", field="item")
    return preview_file(SignUpListImporter, path, sheet, progress, options={"default_item": default_item}, activity=activity)


# --- writing ------------------------------------------------------------------------------------


def apply_signup_import(
    preview: SignUpImportPreview,
    *,
    after_deadline_ok: bool = False,
    progress: ProgressFn | None = None,
    at: dt.datetime | None = None,
) -> SignUpImportReport:
    """Sign up the matched rows, in file order, in one transaction.

    After the sign-up deadline this raises NeedsConfirmation('deadline') unless `after_deadline_ok`.
    A cancel (progress returns False) raises Cancelled; then, as on any error, nothing is written.
    """
    return apply_preview(preview, progress, after_deadline_ok=after_deadline_ok, at=at)


def import_signups(
    activity: Activity,
    path,
    sheet: str | None = None,
    default_item: ActivityItem | None = None,
    *,
    after_deadline_ok: bool = False,
    progress: ProgressFn | None = None,
) -> SignUpImportReport:
    """Preview and apply in one call (the CLI)."""
    preview = preview_signup_import(activity, path, sheet, default_item, progress)
    return apply_signup_import(preview, after_deadline_ok=after_deadline_ok, progress=progress)
