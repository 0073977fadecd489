"""Import a year's work plan from a simple Excel list of month + item (工作计划导入).

    preview = preview_plan_import("2026年工会工作计划.xlsx", 2026)   # reads and checks, writes nothing
    report = apply_plan_import(preview)                              # one transaction
    report = import_plan(path, 2026)                                 # both at once (the CLI)

The list needs a 工作内容 column (事项, 内容, 工作事项 … are understood too) and a 月份 or a 日期
column; 类别, 负责人 and 备注 are optional. Title rows above the header, blank rows, 合计 rows,
repeated header rows and 制表人/审核人 lines are passed over (the import pipeline,
`imports.pipeline`), and row numbers are the ones Excel shows.

月份 may be written 3, 3月, 3月份, 三月, 2026年3月, 3月上旬 (the 上旬 goes into the notes) or be a
date; a 月份 cell left empty under a merged month cell (or under a month written once per group)
takes the month of the rows above it. 日期 may be a date cell, 2026-03-08, 3月8日, 03-08, or a
range (3月8日至3月10日, which may end in the next year). An item is checked by the plan service
(`plan.check_item`): a bad month, an empty item, a date outside the plan's year or an unknown 类别
makes the row an error with its Excel row number and the reason. An item already in that year's
plan (same title, same month) — or twice in the file — is skipped as 已存在, so importing a list
twice adds nothing. Applying writes every new item in one transaction through `plan.create_item`
(so each is audited); cancelling leaves the plan as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from union_desk.db.models import PlanItem
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.imports import reader as xlsx_import
from union_desk.imports.common import ACTIONS, ERROR, NEW, ImportPreview, ImportRow, RowIssue, read_only_value
from union_desk.imports.pipeline import Importer, NotWritten, Written, apply_preview, preview_file
from union_desk.ledgers.common import Cancelled, ProgressFn
from union_desk.ledgers.plan_ledger import parse_when
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec
from union_desk.services import plan

__all__ = [
    "Cancelled",
    "EXISTS",
    "PLAN_LIST",
    "PlanImportPreview",
    "PlanImportReport",
    "apply_plan_import",
    "import_plan",
    "parse_month",
    "preview_plan_import",
]

EXISTS = "已存在"


PLAN_LIST = LedgerSpec(
    "plan_list",
    "工作计划",
    (
        LedgerColumn("seq", "序号", None, aliases=("编号",)),
        LedgerColumn("month", "月份", read_only_value, aliases=("月", "月度", "时间（月）"), field="month"),
        LedgerColumn("date", "日期", read_only_value, aliases=("具体日期", "时间", "时间安排", "计划时间", "活动时间", "日期安排"),
                     field="date"),
        LedgerColumn("title", "工作内容", read_only_value,
                     aliases=("事项", "内容", "工作事项", "计划事项", "工作项目", "主要工作", "工作要点", "工作安排",
                              "活动内容", "活动名称", "项目"),
                     field="title"),
        LedgerColumn("category", "类别", read_only_value, aliases=("分类", "类型", "工作类别"), field="category"),
        LedgerColumn("responsible", "负责人", read_only_value, aliases=("责任人", "牵头人", "负责部门", "责任部门", "负责"),
                     field="responsible"),
        LedgerColumn("notes", "备注", read_only_value, aliases=("说明", "完成说明"), field="notes"),
    ),
    unit="项",
)
TIMING = ("month", "date", "end_date")


# --- cells ---------------------------------------------------------------------------------------

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12}
_PARTS = ("上中旬", "中下旬", "上旬", "中旬", "下旬", "初", "中", "底", "末", "前后", "左右")
_MONTH = re.compile(
    r"(?:(?P<year>\d{4})\s*[年\-/.]\s*)?(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*(?P<unit>月份?|月)?"
    r"\s*(?P<part>" + "|".join(_PARTS) + r")?"
)


@dataclass(frozen=True)
class Timing:
    """What the 月份 or 日期 cell says: a month, or a date (and an end date); `part` keeps words like
    上旬 that say more than the month."""

    month: int | None = None
    date: dt.date | None = None
    end_date: dt.date | None = None
    part: str = ""


def _check_year(found: int, year: int, shown: str) -> None:
    if found != year:
        raise ValueError(f"“{shown}”不在{year}年内（计划年度为 {year} 年）")


def parse_month(raw, year: int) -> Timing:
    """A 月份 cell: 3, '3月', '三月', '2026年3月', '3月上旬', or a date (a date on the 1st is how
    Excel keeps a month typed as '2026-3': the month only). ValueError in Chinese otherwise."""
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        _check_year(raw.year, year, raw.isoformat())
        return Timing(month=raw.month) if raw.day == 1 else Timing(date=raw)
    if isinstance(raw, float):
        if not raw.is_integer():
            raise ValueError(f"看不懂月份“{raw:g}”（可写：3、3月、三月或日期）")
        raw = int(raw)
    if isinstance(raw, int):
        if not 1 <= raw <= 12:
            raise ValueError(f"月份应在 1 到 12 之间，而不是 {raw}")
        return Timing(month=raw)
    shown = textclean.clean_text(raw)
    text = shown.replace(" ", "")
    match = _MONTH.fullmatch(text)
    if match and (match["unit"] or match["year"] or not match["part"]):
        number = match["month"]
        month = int(number) if number.isdigit() else _CN_DIGITS[number]
        if not number.isdigit() and not match["unit"]:
            raise ValueError(f"看不懂月份“{shown}”（可写：3、3月、三月或日期）")
        if not 1 <= month <= 12:
            raise ValueError(f"月份应在 1 到 12 之间，而不是“{shown}”")
        if match["year"]:
            _check_year(int(match["year"]), year, shown)
        return Timing(month=month, part=f"{month}月{match['part']}" if match["part"] else "")
    return parse_date(raw, year, label="月份")


def parse_date(raw, year: int, label: str = "日期") -> Timing:
    """A 日期 cell: a date cell, '2026-03-08', '3月8日', '03-08' (the plan's year), a range
    '3月8日至3月10日', or a month as in `parse_month`. ValueError in Chinese otherwise."""
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return Timing(date=raw)
    try:
        when = parse_when(raw)
    except ValueError:
        when = None
    if when is not None:
        if "month" in when:
            return parse_month(when["month"], year)
        if "date" not in when:  # 未定, 全年
            return Timing()
        try:
            y, m, d = when["date"]
            start = dt.date(y or year, m, d)
            end = None
            if when.get("end"):
                y2, m2, d2 = when["end"]
                end = dt.date(y2 or start.year, m2, d2)
                if end < start and y2 is None:  # 12月28日至1月3日: into the next year
                    end = dt.date(start.year + 1, m2, d2)
        except ValueError:
            raise ValueError(f"{label}“{textclean.clean_text(raw)}”不存在") from None
        return Timing(date=start, end_date=end)
    if label == "日期":
        try:
            return parse_month(raw, year)
        except ValueError:
            pass
    try:
        day = textclean.parse_loose_date(raw)
    except ValueError:
        day = None
    if day is None:
        raise ValueError(f"看不懂{label}“{textclean.clean_text(raw)}”（可写：3月、3月8日、2026-03-08、3月8日至3月10日）")
    return Timing(date=day)


def _text(raw, keep_lines: bool = False) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.strftime("%Y-%m-%d")
    if keep_lines:
        return "\n".join(line.strip() for line in str(raw).strip().splitlines())
    return textclean.clean_text(raw)


def parse_category(raw) -> str:
    """'' → 其他; '会议类' → 会议; anything not a category → ValueError."""
    text = _text(raw).replace(" ", "")
    if not text:
        return ""
    if text not in plan.CATEGORIES and text.endswith("类") and text[:-1] in plan.CATEGORIES:
        text = text[:-1]
    if text not in plan.CATEGORIES:
        raise ValueError(f"类别“{text}”不在可选范围内（可选：{'、'.join(plan.CATEGORIES)}）")
    return text


# --- results -------------------------------------------------------------------------------------


@dataclass
class PlanImportPreview(ImportPreview):
    """The rows of the list: NEW (to be added), EXISTS (already in the plan, skipped) or ERROR."""

    year: int = 0

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys((*ACTIONS, EXISTS), 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts

    @property
    def ready(self) -> list[ImportRow]:
        return [r for r in self.rows if r.action == NEW]

    def summary(self) -> str:
        c = self.counts()
        return f"{self.year}年工作计划：可导入 {c[NEW]} 项，已存在（跳过） {c[EXISTS]} 项，有问题 {c[ERROR]} 行"

    def as_dict(self) -> dict:
        c = self.counts()
        return {"added": c[NEW], "skipped": c[EXISTS], "errors": [i.as_dict() for i in self.errors]}


@dataclass
class PlanImportReport:
    preview: PlanImportPreview
    added: int = 0
    skipped: int = 0
    item_ids: list[int] = field(default_factory=list)

    @property
    def rows(self) -> list[ImportRow]:
        return self.preview.rows

    @property
    def errors(self) -> list[RowIssue]:
        return self.preview.errors

    @property
    def error_rows(self) -> int:
        return sum(1 for r in self.preview.rows if r.action == ERROR)

    def summary(self) -> str:
        return f"{self.preview.year}年工作计划：已导入 {self.added} 项，已存在（跳过） {self.skipped} 项，有问题 {self.error_rows} 行"

    def as_dict(self) -> dict:
        return {"added": self.added, "skipped": self.skipped, "errors": [i.as_dict() for i in self.errors]}


def display(row: ImportRow) -> dict[str, str]:
    """What a preview table shows for a row: the checked values, or the cells as written."""
    write = row.write
    if write:
        item = PlanItem(year=row.context.get("year"), **write)
        return {
            "month": f"{plan.item_month(item)}月" if plan.item_month(item) else "",
            "when": plan.when_text(item) if item.date else "",
            "title": write["title"],
            "category": write["category"],
            "responsible": write["responsible"],
            "notes": write["notes"],
        }
    shown = row.context.get("shown", {})
    return {name: shown.get(name, "") for name in ("month", "when", "title", "category", "responsible", "notes")}


# --- preview -------------------------------------------------------------------------------------


def _existing(year: int) -> dict[tuple[str, int | None], PlanItem]:
    found: dict[tuple[str, int | None], PlanItem] = {}
    for item in PlanItem.select().where(PlanItem.year == year).order_by(PlanItem.id):
        found.setdefault((textclean.clean_text(item.title), plan.item_month(item)), item)
    return found


def _merged_rows(table: xlsx_import.Table, column: int | None) -> set[int]:
    """0-based row indexes covered by a merged cell of `column` below its first row (python-calamine
    reports merges for .xlsx/.xls/.ods when the sheet is read); empty when unknown."""
    if column is None:
        return set()
    rows: set[int] = set()
    for (r1, c1), (r2, c2) in table.merges:
        if c1 <= column <= c2:
            rows.update(range(r1 + 1, r2 + 1))
    return rows


def _timing_issue(field_name: str | None) -> str | None:
    return "date" if field_name in ("date", "end_date") else field_name


class PlanListImporter(Importer):
    """A plan list's part of the import pipeline: the month / date / item columns, a row's check by
    the plan service, each new item written through `plan.create_item`."""

    spec = PLAN_LIST
    examples = "“月份”“工作内容”"
    hint = "（一列月份或日期、一列工作内容）"
    table = "plan_item"
    preview_class = PlanImportPreview
    write_every = 20

    @classmethod
    def check_columns(cls, fields: set[str]) -> None:
        if "title" not in fields:
            raise ValidationError("文件中没有“工作内容”列（也可叫“事项”“内容”），无法导入工作计划。", field="mapping")
        if not fields & {"month", "date"}:
            raise ValidationError("文件中没有“月份”或“日期”列，无法知道每项工作在几月。", field="mapping")

    @classmethod
    def label(cls, preview) -> str:
        return f"{preview.year}年工作计划"

    def __init__(self, preview: PlanImportPreview, note: str):
        super().__init__(preview, note)
        self.year = preview.year
        self.month_col = preview.column_of("month")
        self.merged: set[int] = set()
        self.existing = _existing(self.year)
        self.seen: dict[tuple[str, int | None], int] = {}
        self.last_month: int | None = None

    # --- check

    def rows(self, table: xlsx_import.Table, header: xlsx_import.HeaderMatch, ticker):
        self.merged = _merged_rows(table, self.month_col)  # a month cell merged down over its rows
        return super().rows(table, header, ticker)

    def _raw(self, row: ImportRow) -> dict:
        cells = row.cells
        return {name: (cells[col] if col < len(cells) else "") for col, name in self.preview.mapping.items()}

    def read_row(self, row: ImportRow) -> None:
        """The cells as written (for the preview table), then 月份, 日期 and 类别 parsed."""
        year = self.year
        raw = self._raw(row)
        row.context = {"year": year}
        row.context["shown"] = {
            "month": _text(raw.get("month", "")),
            "when": _text(raw.get("date", "")),
            "title": _text(raw.get("title", "")),
            "category": _text(raw.get("category", "")),
            "responsible": _text(raw.get("responsible", "")),
            "notes": _text(raw.get("notes", ""), keep_lines=True),
        }
        try:
            if not xlsx_import.is_blank(raw.get("month", "")):
                month = row.values["month"] = parse_month(raw["month"], year)
                if month.month:
                    self.last_month = month.month
                elif month.date:
                    self.last_month = month.date.month
        except ValueError as exc:
            self.issue(row, "month", str(exc))
        try:
            if not xlsx_import.is_blank(raw.get("date", "")):
                row.values["date"] = parse_date(raw["date"], year)
        except ValueError as exc:
            self.issue(row, "date", str(exc))
        try:
            row.values["category"] = parse_category(raw.get("category", ""))
        except ValueError as exc:
            self.issue(row, "category", str(exc))
            row.values["category"] = ""

    def check(self, row: ImportRow) -> None:
        preview, year = self.preview, self.year
        raw = self._raw(row)
        month, date_timing = row.values.get("month"), row.values.get("date")
        data = {
            "title": _text(raw.get("title", "")),
            "category": row.values["category"],
            "responsible": _text(raw.get("responsible", "")),
            "notes": _text(raw.get("notes", ""), keep_lines=True),
            "month": None,
            "date": None,
            "end_date": None,
        }
        from_month = None
        if month is not None:
            from_month = month.month or (month.date.month if month.date else None)
        if date_timing is not None and date_timing.date:
            data["date"], data["end_date"] = date_timing.date, date_timing.end_date
            data["month"] = from_month  # check_item says when the two disagree
        elif month is not None and month.date:
            data["date"] = month.date
        else:
            data["month"] = from_month or (date_timing.month if date_timing else None)
        parts = [t.part for t in (month, date_timing) if t is not None and t.part]
        if not data["title"]:
            self.issue(row, "title", "工作内容为空")
            return
        if data["month"] is None and data["date"] is None:
            if self.month_col is not None and self.last_month is not None and xlsx_import.is_blank(raw.get("month", "")):
                data["month"] = self.last_month
                if row.row - 1 not in self.merged:
                    self.issue(row, "month", f"月份为空，按上面的 {self.last_month} 月导入", level="warning")
            else:
                self.issue(row, "month" if self.month_col is not None else "date", "没有月份（请填写月份或日期）")
                return
        if parts:
            data["notes"] = "\n".join(x for x in (f"时间：{'；'.join(parts)}", data["notes"]) if x)
        try:
            checked = plan.check_item(data, year)
        except ValidationError as exc:
            name = _timing_issue(exc.field)
            if name == "date" and preview.column_of("date") is None:
                name = "month"
            self.issue(row, name, exc.message)
            return
        key = (checked["title"], checked["month"])
        row.write = checked
        if key in self.seen:
            row.action = EXISTS
            self.issue(row, "title", f"与第 {self.seen[key]} 行重复（跳过）", level="warning")
            return
        self.seen[key] = row.row
        stored = self.existing.get(key)
        if stored is not None:
            row.action = EXISTS
            row.record_id = stored.id
            self.issue(row, "title", f"{year}年计划中已有 {checked['month']} 月的“{checked['title']}”（跳过）", level="warning")
            return
        row.action = NEW

    # --- apply

    def write_rows(self, todo: list[ImportRow], ticker) -> Written:
        self.existing = _existing(self.year)  # items added to the plan since the preview are skipped
        return super().write_rows(todo, ticker)

    def write(self, row: ImportRow) -> int:
        key = (row.write["title"], row.write["month"])
        if key in self.existing:
            raise NotWritten(EXISTS, self.existing[key].id, "title", f"{self.year}年计划中已有 {key[1]} 月的“{key[0]}”（跳过）")
        item = plan.create_item(self.year, dict(row.write), note=self.note)
        self.existing[key] = item
        return item.id

    def refused(self, row: ImportRow, exc: ValidationError) -> list[RowIssue]:
        name = _timing_issue(exc.field)
        return [self.preview.make_issue(row, name if name in self.preview.mapping.values() else None, exc.message)]

    def audit_entry(self, todo: list, written: Written) -> dict | None:
        added = len(written.written(todo))
        return {"file": self.preview.file_name, "year": self.year, "added": added} if added else None

    def report(self, todo: list, written: Written) -> PlanImportReport:
        self.settle(todo, written)
        report = PlanImportReport(self.preview)
        report.item_ids = [r.record_id for r in written.written(todo)]
        report.added = len(report.item_ids)
        report.skipped = self.preview.counts()[EXISTS]
        return report


def preview_plan_import(path, year, sheet: str | None = None, progress: ProgressFn | None = None) -> PlanImportPreview:
    """Read the list and say, row by row, what importing it into plan `year` would do. Writes nothing."""
    return preview_file(PlanListImporter, path, sheet, progress, year=plan._year(year))


# --- apply ---------------------------------------------------------------------------------------


def apply_plan_import(preview: PlanImportPreview, progress: ProgressFn | None = None, *,
                      skip_bad_rows: bool = True) -> PlanImportReport:
    """Add the preview's new items to plan `preview.year` in ONE transaction, each through
    `plan.create_item` (audited). Items added to the plan since the preview are skipped as 已存在;
    an item the service refuses is an error row (with `skip_bad_rows` False: RowsRejected and
    nothing written); cancelling (progress returning False) writes nothing."""
    return apply_preview(preview, progress, skip_bad_rows=skip_bad_rows)


def import_plan(path, year, sheet: str | None = None, progress: ProgressFn | None = None) -> PlanImportReport:
    """Preview and apply in one go."""
    return apply_plan_import(preview_plan_import(path, year, sheet, progress), progress)
