"""工作计划及完成情况: the plan items of a period with their status and the records linked to them.

An item belongs to the ledger when the time it covers (its date or range, or its month) meets
the period; items with no time at all ('未定') are in the ledger of their whole year. The 时间
column is the plan's own way of saying when ('3月', '03-08', '03-08 至 03-10') and is read back
on import together with the 年度 column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from union_desk.db.models import Activity, PlanItem
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.imports.common import NEW, ImportRow
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.imports.records import RecordImporter
from union_desk.ledgers.specs import Block, LedgerColumn, LedgerSpec, block_column, seq_column
from union_desk.services import plan


def _attr(name: str):
    return lambda record, options: getattr(record, name)


_DAY = r"(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?"


def parse_when(raw) -> dict:
    """'3月' → {'month': 3}; '03-08' → {'date': (None, 3, 8)}; '03-08 至 2027-01-03' → with 'end';
    '未定' → {}. A date cell gives {'date': (y, m, d)}."""
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return {"date": (raw.year, raw.month, raw.day)}
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip().replace(" ", "")
    if text in ("", "未定", "待定", "全年"):
        return {}
    if match := re.fullmatch(r"(\d{1,2})(?:月份?)?", text):
        return {"month": int(match.group(1))}
    parts = re.split(r"至|到|—|~|－", text)
    if 1 <= len(parts) <= 2:
        days = [re.fullmatch(_DAY, p) for p in parts]
        if all(days):
            out = {"date": tuple(int(g) if g else None for g in days[0].groups())}
            if len(days) == 2:
                out["end"] = tuple(int(g) if g else None for g in days[1].groups())
            return out
    raise ValueError(f"看不懂时间“{text}”（可写：3月、03-08、03-08 至 03-10、未定）")


def _links(record, options) -> str:
    return "、".join(record.linked_activities)


def _info(records, options) -> str:
    rate = plan.Rate()
    for record in records:
        rate.add(record.status)
    return (
        f"共 {rate.total} 项，已完成 {rate.done} 项，已取消 {rate.cancelled} 项；"
        f"完成率 {plan.format_rate(rate.rate)}（已完成 ÷ 除已取消外的事项）"
    )


def _summary(records, options) -> list[Block]:
    counts = {status: 0 for status in plan.STATUSES}
    for record in records:
        counts[record.status] = counts.get(record.status, 0) + 1
    columns = (block_column("完成情况"), block_column("项数", "int", total=True))
    return [Block("完成情况汇总", columns, [(status, n) for status, n in counts.items()])]


PLAN = LedgerSpec(
    kind="plan",
    title="工作计划及完成情况",
    columns=(
        seq_column(),
        LedgerColumn("year", "年度", _attr("year"), 6, kind="int", aliases=("计划年度",), field="year", total=False),
        LedgerColumn("when", "时间", lambda r, o: plan.when_text(r), 10, aliases=("月份", "日期", "时间安排", "计划时间"), field="when",
                     parse=parse_when),
        LedgerColumn("category", "类别", _attr("category"), 8, aliases=("分类",), field="category"),
        LedgerColumn("title", "工作内容", _attr("title"), 26, aliases=("计划事项", "工作事项", "事项", "内容"), field="title", wrap=True,
                     max_width=40),
        LedgerColumn("responsible", "负责人", _attr("responsible"), 8, aliases=("责任人",), field="responsible"),
        LedgerColumn("status", "完成情况", _attr("status"), 8, aliases=("状态", "完成状态"), field="status"),
        LedgerColumn("activities", "关联活动", _links, 16, wrap=True, max_width=30),
        LedgerColumn("visits", "关联走访人次", lambda r, o: r.linked_visits, 7, kind="int", total=True),
        LedgerColumn("notes", "备注", _attr("notes"), 16, aliases=("完成说明", "说明"), field="notes", wrap=True, max_width=30),
        LedgerColumn("template_key", "模板编号", lambda r, o: r.template_key or "", 12, field="template_key", in_default=False),
    ),
    info=_info,
    unit="项",
    summary=_summary,
)


def _covers(item: PlanItem, period: LedgerPeriod) -> bool:
    end = plan.item_end(item)
    if end is None:  # 未定: in the ledger of its whole year
        return period.kind == "year" and item.year == period.first.year
    start = item.date or dt.date(item.year, item.month, 1)
    return start <= period.last and end >= period.first


def plan_records(period: LedgerPeriod) -> list[PlanItem]:
    items = [i for i in plan.sort_items(PlanItem.select().where(PlanItem.year.in_(period.years))) if _covers(i, period)]
    ids = [i.id for i in items]
    counts = plan.link_counts(ids)
    titles: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        for plan_id, title in (
            Activity.select(Activity.plan_item, Activity.title)
            .where(Activity.plan_item.in_(ids[start : start + 500]))
            .order_by(Activity.start)
            .tuples()
        ):
            titles[plan_id].append(title)
    for item in items:
        item.linked_activities = titles.get(item.id, [])
        item.linked_visits = counts.get(item.id, {}).get("visit", 0)
    return items


ITEM_FIELDS = ("title", "category", "responsible", "status", "notes")


class PlanImporter(RecordImporter):
    spec = PLAN
    noun = "计划事项"
    table = "plan_item"
    needs_member = False
    required = (("title",),)

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.by_template: dict[tuple[int, str], PlanItem] = {}
        self.by_title: dict[tuple[int, str, int | None], PlanItem] = {}
        for item in PlanItem.select().order_by(PlanItem.id):
            if item.template_key:
                self.by_template[(item.year, item.template_key)] = item
            self.by_title.setdefault((item.year, textclean.clean_text(item.title), plan.item_month(item)), item)

    def _timing(self, row: ImportRow, year: int | None, when: dict) -> tuple[int | None, dict | None]:
        """(plan year, {'month', 'date', 'end_date'}) from the 年度 and 时间 cells."""
        first = when.get("date")
        if year is None and first and first[0]:
            year = first[0]
        if year is None:
            self.issue(row, "year", "请填写计划年度")
            return None, None
        if not plan.MIN_YEAR <= year <= plan.MAX_YEAR:
            self.issue(row, "year" if row.values.get("year") is not None else "when",
                       f"计划年度应在 {plan.MIN_YEAR} 到 {plan.MAX_YEAR} 之间，而不是 {year}")
            return None, None
        out = {"month": when.get("month"), "date": None, "end_date": None}
        try:
            if first:
                out["date"] = dt.date(first[0] or year, first[1], first[2])
                out["month"] = None
                end = when.get("end")
                if end:
                    out["end_date"] = dt.date(end[0] or out["date"].year, end[1], end[2])
        except ValueError:
            self.issue(row, "when", "日期不存在")
            return None, None
        return year, out

    def check(self, row: ImportRow) -> None:
        v = row.values
        if not v.get("title"):
            self.issue(row, "title", "请填写工作内容")
            return
        year, timing = self._timing(row, v.get("year"), v.get("when", {}))
        if year is None:
            return
        data = {k: v[k] for k in ITEM_FIELDS if k in v}
        if "when" in v:
            data.update(timing)
        try:
            checked = plan.check_item({"month": None, "date": None, "end_date": None, **data}, year)
        except ValidationError as exc:
            self.issue(row, "when" if exc.field in ("month", "date", "end_date") else exc.field, exc.message)
            return
        # compare and write what the plan service keeps (cleaned text, the month of a date)
        data = {k: checked[k] for k in data}
        key = v.get("template_key")
        stored = self.by_template.get((year, key)) if key else None
        stored = stored or self.by_title.get((year, checked["title"], checked["month"]))
        if not self.once(row, ("template", year, key) if key else (year, checked["title"], checked["month"])):
            return
        row.context.update(year=year, template_key=key)
        if stored is None:
            row.action, row.write = NEW, data
            return
        row.record_id = stored.id
        self.diff(row, {k: getattr(stored, k) for k in data}, data)

    def write(self, row: ImportRow) -> int:
        if row.action == NEW:
            return plan.create_item(row.context["year"], row.write, note=self.note, template_key=row.context["template_key"]).id
        item = PlanItem.get_by_id(row.record_id)
        plan.update_item(item, row.write, note=self.note)
        return item.id



PLAN_LEDGER = Ledger("plan", PLAN, plan_records, PlanImporter, order=70, help="工作计划")
