"""Import a year's work plan from a simple Excel list of month + item (工作计划导入).

    preview = preview_plan_import("2026年工会工作计划.xlsx", 2026)   # reads and checks, writes nothing
    report = apply_plan_import(preview)                              # one transaction
    report = import_plan(path, 2026)                                 # both at once (the CLI)

The list needs a 工作内容 column (事项, 内容, 工作事项 … are understood too) and a 月份 or a 日期
column; 类别, 负责人 and 备注 are optional. Title rows above the header, blank rows, 合计 rows,
repeated header rows and 制表人/审核人 lines are passed over (`ledgers.import_common`), and row
numbers are the ones Excel shows.

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
from pathlib import Path

from union_desk.db.models import PlanItem, database_proxy
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.faults import kill_point
from union_desk.imports import reader as xlsx_import
from union_desk.ledgers.common import Cancelled, ProgressFn, Ticker
from union_desk.imports.common import (
    ACTIONS,
    ERROR,
    NEW,
    ImportPreview,
    ImportRow,
    RowIssue,
    RowsRejected,
    data_rows,
    find_table,
)
from union_desk.ledgers.plan_ledger import parse_when
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec
from union_desk.services import audit, plan

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


def _none(record, options):  # the columns are only read, never exported
    return None


PLAN_LIST = LedgerSpec(
    "plan_list",
    "工作计划",
    (
        LedgerColumn("seq", "序号", None, aliases=("编号",)),
        LedgerColumn("month", "月份", _none, aliases=("月", "月度", "时间（月）"), field="month"),
        LedgerColumn("date", "日期", _none, aliases=("具体日期", "时间", "时间安排", "计划时间", "活动时间", "日期安排"),
                     field="date"),
        LedgerColumn("title", "工作内容", _none,
                     aliases=("事项", "内容", "工作事项", "计划事项", "工作项目", "主要工作", "工作要点", "工作安排",
                              "活动内容", "活动名称", "项目"),
                     field="title"),
        LedgerColumn("category", "类别", _none, aliases=("分类", "类型", "工作类别"), field="category"),
        LedgerColumn("responsible", "负责人", _none, aliases=("责任人", "牵头人", "负责部门", "责任部门", "负责"),
                     field="responsible"),
        LedgerColumn("notes", "备注", _none, aliases=("说明", "完成说明"), field="notes"),
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


def preview_plan_import(path, year, sheet: str | None = None, progress: ProgressFn | None = None) -> PlanImportPreview:
    """Read the list and say, row by row, what importing it into plan `year` would do. Writes nothing."""
    year = plan._year(year)
    path = Path(path)
    table, header = find_table(path, sheet, PLAN_LIST, "“月份”“工作内容”", "（一列月份或日期、一列工作内容）")
    chosen = dict(header.mapping)
    fields = set(chosen.values())
    if "title" not in fields:
        raise ValidationError("文件中没有“工作内容”列（也可叫“事项”“内容”），无法导入工作计划。", field="mapping")
    if not fields & {"month", "date"}:
        raise ValidationError("文件中没有“月份”或“日期”列，无法知道每项工作在几月。", field="mapping")
    preview = PlanImportPreview.begin(path, table, header, chosen, spec=PLAN_LIST, year=year)
    ticker = Ticker(progress, len(table.rows) - header.row_index - 1, f"正在检查{year}年工作计划")
    ticker.report(0)
    month_col = preview.column_of("month")
    merged = _merged_rows(table, month_col)
    existing = _existing(year)
    seen: dict[tuple[str, int | None], int] = {}
    last_month: int | None = None
    for excel_row, cells in data_rows(preview, table, header.row_index, ticker):
        row = ImportRow(excel_row, list(cells), {}, context={"year": year})
        raw = {name: (cells[col] if col < len(cells) else "") for col, name in chosen.items()}
        row.context["shown"] = {
            "month": _text(raw.get("month", "")),
            "when": _text(raw.get("date", "")),
            "title": _text(raw.get("title", "")),
            "category": _text(raw.get("category", "")),
            "responsible": _text(raw.get("responsible", "")),
            "notes": _text(raw.get("notes", ""), keep_lines=True),
        }
        preview.rows.append(row)
        month = date_timing = None
        try:
            if not xlsx_import.is_blank(raw.get("month", "")):
                month = parse_month(raw["month"], year)
                if month.month:
                    last_month = month.month
                elif month.date:
                    last_month = month.date.month
        except ValueError as exc:
            preview.issue(row, "month", str(exc))
        try:
            if not xlsx_import.is_blank(raw.get("date", "")):
                date_timing = parse_date(raw["date"], year)
        except ValueError as exc:
            preview.issue(row, "date", str(exc))
        try:
            category = parse_category(raw.get("category", ""))
        except ValueError as exc:
            preview.issue(row, "category", str(exc))
            category = ""
        if row.errors:
            continue
        data = {
            "title": _text(raw.get("title", "")),
            "category": category,
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
            preview.issue(row, "title", "工作内容为空")
            continue
        if data["month"] is None and data["date"] is None:
            if month_col is not None and last_month is not None and xlsx_import.is_blank(raw.get("month", "")):
                data["month"] = last_month
                if excel_row - 1 not in merged:
                    preview.issue(row, "month", f"月份为空，按上面的 {last_month} 月导入", level="warning")
            else:
                preview.issue(row, "month" if month_col is not None else "date", "没有月份（请填写月份或日期）")
                continue
        if parts:
            data["notes"] = "\n".join(x for x in (f"时间：{'；'.join(parts)}", data["notes"]) if x)
        try:
            checked = plan.check_item(data, year)
        except ValidationError as exc:
            name = _timing_issue(exc.field)
            if name == "date" and preview.column_of("date") is None:
                name = "month"
            preview.issue(row, name, exc.message)
            continue
        key = (checked["title"], checked["month"])
        row.write = checked
        if key in seen:
            row.action = EXISTS
            preview.issue(row, "title", f"与第 {seen[key]} 行重复（跳过）", level="warning")
            continue
        seen[key] = excel_row
        stored = existing.get(key)
        if stored is not None:
            row.action = EXISTS
            row.record_id = stored.id
            preview.issue(row, "title", f"{year}年计划中已有 {checked['month']} 月的“{checked['title']}”（跳过）",
                          level="warning")
            continue
        row.action = NEW
    ticker.report(ticker.total)
    return preview


# --- apply ---------------------------------------------------------------------------------------


def apply_plan_import(preview: PlanImportPreview, progress: ProgressFn | None = None, *,
                      skip_bad_rows: bool = True) -> PlanImportReport:
    """Add the preview's new items to plan `preview.year` in ONE transaction, each through
    `plan.create_item` (audited). Items added to the plan since the preview are skipped as 已存在;
    an item the service refuses is an error row (with `skip_bad_rows` False: RowsRejected and
    nothing written); cancelling (progress returning False) writes nothing."""
    if preview.applied:
        raise ValidationError("这份预览已经导入过了；如需再次导入，请重新检查文件。")
    year = preview.year
    note = f"工作计划导入：{preview.file_name}"
    todo = preview.ready
    ticker = Ticker(progress, len(todo), f"正在导入{year}年工作计划", every=20)
    ticker.report(0)
    report = PlanImportReport(preview)
    with database_proxy.atomic():
        existing = _existing(year)
        done: list[tuple[ImportRow, int]] = []
        refused: list[ImportRow] = []
        for row in todo:
            key = (row.write["title"], row.write["month"])
            if key in existing:
                row.action = EXISTS
                row.record_id = existing[key].id
                preview.issue(row, "title", f"{year}年计划中已有 {key[1]} 月的“{key[0]}”（跳过）", level="warning")
                ticker.step()
                continue
            try:
                with database_proxy.atomic():
                    item = plan.create_item(year, dict(row.write), note=note)
            except ValidationError as exc:
                name = _timing_issue(exc.field)
                preview.issue(row, name if name in preview.mapping.values() else None, exc.message)
                refused.append(row)
            else:
                existing[key] = item
                done.append((row, item.id))
            ticker.step()
        if refused and not skip_bad_rows:
            raise RowsRejected(refused)
        ticker.report(len(todo), "正在保存")
        if done:
            audit.record("import", "plan_item", None,
                         after={"file": preview.file_name, "year": year, "added": len(done)}, note=note)
        kill_point("import.before_commit")
    for row, item_id in done:
        row.record_id = item_id
        report.item_ids.append(item_id)
    report.added = len(done)
    report.skipped = preview.counts()[EXISTS]
    preview.applied = True
    return report


def import_plan(path, year, sheet: str | None = None, progress: ProgressFn | None = None) -> PlanImportReport:
    """Preview and apply in one go."""
    return apply_plan_import(preview_plan_import(path, year, sheet, progress), progress)
