"""困难职工档案台账 and 帮扶救助台账: the hardship files of a period and their assistance.

A file belongs to the ledger of a period when it was open at some time in it (opened before its
end, and still open or closed after its start). Assistance is listed by date; voided entries stay
in the ledger, struck through and left out of the totals. On import a file is the member's file
opened on that day, and assistance is matched on file, date, kind and amounts (the same entry
twice in the ledger stays twice).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from peewee import fn

from union_desk.db.models import Assistance, HardshipFile, Member
from union_desk.errors import ValidationError
from union_desk.imports.common import NEW, SAME, UPDATE, ImportRow
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.imports.records import RecordImporter, parse_status, status_text
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec, member_columns, seq_column, totals_block
from union_desk.services import hardship
from union_desk.services.visits import FUND_SOURCES

ZERO = Decimal("0.00")


def _attr(name: str):
    return lambda record, options: getattr(record, name)


def _causes(record, options) -> str:
    return "、".join(c for c in (record.secondary_causes or "").split(",") if c)


def _split_causes(raw) -> str:
    text = str(raw).replace("，", ",").replace("、", ",").replace("；", ",")
    return ",".join(c.strip() for c in text.split(",") if c.strip())


def _count_info(records, key, order: tuple[str, ...], unit: str) -> str:
    counts: dict[str, int] = {}
    for record in records:
        counts[key(record)] = counts.get(key(record), 0) + 1
    parts = "，".join(f"{name} {counts[name]} {unit}" for name in [*order, *sorted(set(counts) - set(order))] if counts.get(name))
    return f"共 {len(records)} {unit}" + (f"（{parts}）" if parts else "")


# --- 困难职工档案台账 ----------------------------------------------------------------------------------


HARDSHIP = LedgerSpec(
    kind="hardship",
    title="困难职工档案台账",
    columns=(
        seq_column(),
        *member_columns(lambda r: r.member, id_printed=False),
        LedgerColumn("sex", "性别", lambda r, o: r.member.sex, 5, in_default=False),
        LedgerColumn("grade", "困难类别", _attr("grade"), 8, aliases=("困难程度", "困难等级", "困难类型"), field="grade"),
        LedgerColumn("main_cause", "主要致困原因", _attr("main_cause"), 8, aliases=("致困原因", "主要原因", "困难原因"), field="main_cause",
                     fold=True, max_width=16),
        LedgerColumn("secondary_causes", "次要致困原因", _causes, 8, aliases=("次要原因", "其他原因"), field="secondary_causes",
                     wrap=True, max_width=16, parse=_split_causes),
        LedgerColumn("household_size", "家庭人口", _attr("household_size"), 5, kind="int", aliases=("家庭人数", "人口"),
                     field="household_size", total=False),
        LedgerColumn("monthly_income", "家庭月收入", _attr("monthly_income"), 10, kind="money", aliases=("月收入", "家庭月收入（元）"),
                     field="monthly_income", total=False),
        LedgerColumn("housing", "住房情况", _attr("housing"), 10, aliases=("住房",), field="housing", in_default=False),
        LedgerColumn("found_date", "建档日期", _attr("found_date"), 11, kind="date", aliases=("建档时间",), field="found_date"),
        LedgerColumn("found_how", "发现途径", _attr("found_how"), 8, aliases=("来源", "发现方式"), field="found_how", printed=False),
        LedgerColumn("status", "档案状态", _attr("status"), 8, aliases=("状态",), field="status"),
        LedgerColumn("status_date", "变动日期", _attr("status_date"), 11, kind="date", aliases=("状态变动日期", "脱困日期", "注销日期"),
                     field="status_date", printed=False),
        LedgerColumn("status_reason", "变动原因", _attr("status_reason"), 8, aliases=("脱困原因", "注销原因"), field="status_reason",
                     wrap=True, max_width=18),
        LedgerColumn("last_review_date", "最近复核", _attr("last_review_date"), 11, kind="date", aliases=("复核日期", "最近复核日期"),
                     field="last_review_date"),
        LedgerColumn("next_review_date", "下次复核", _attr("next_review_date"), 11, kind="date", aliases=("下次复核日期",),
                     field="next_review_date", in_default=False),
        LedgerColumn("help_count", "本期帮扶次数", lambda r, o: getattr(r, "period_help", (0, ZERO))[0], 6, kind="int", total=True),
        LedgerColumn("help_amount", "本期帮扶金额", lambda r, o: getattr(r, "period_help", (0, ZERO))[1], 10, kind="money"),
        LedgerColumn("description", "情况说明", _attr("description"), 14, aliases=("困难情况", "家庭情况", "情况简介"),
                     field="description", wrap=True, max_width=32),
    ),
    freeze_columns=2,
    info=lambda records, options: _count_info(records, lambda r: r.status, hardship.FILE_STATUSES, "户"),
    unit="户",
)


def hardship_records(period: LedgerPeriod) -> list[HardshipFile]:
    """Files open at some time in the period, with `period_help` = (count, amount) of their
    assistance (not voided) in the period."""
    files = list(
        HardshipFile.select(HardshipFile, Member)
        .join(Member)
        .where(
            (HardshipFile.found_date <= period.last)
            & (
                HardshipFile.status.in_(hardship.OPEN_STATUSES)
                | HardshipFile.status_date.is_null()
                | (HardshipFile.status_date >= period.first)
            )
        )
        .order_by(HardshipFile.found_date, HardshipFile.id)
    )
    rows = (
        Assistance.select(Assistance.file, fn.COUNT(Assistance.id), fn.SUM(Assistance.cash), fn.SUM(Assistance.goods_value))
        .where(Assistance.date.between(period.first, period.last) & (Assistance.voided == False))  # noqa: E712
        .group_by(Assistance.file)
        .tuples()
    )
    helped = {file_id: (n, (Decimal(cash or 0) + Decimal(goods or 0)) / 100) for file_id, n, cash, goods in rows}
    for file in files:
        count, amount = helped.get(file.id, (0, ZERO))
        file.period_help = (count, Decimal(amount).quantize(Decimal("0.01")))
    return files


FILE_KEYS = (*hardship.FILE_FIELDS, "status_date", "status_reason", "last_review_date", "next_review_date")


class HardshipImporter(RecordImporter):
    spec = HARDSHIP
    noun = "困难档案"
    table = "hardship_file"
    required = (("name", "id_number"), ("found_date",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        fields = [getattr(HardshipFile, f) for f in FILE_KEYS]
        self.files = {
            (f["member"], f["found_date"]): f
            for f in HardshipFile.select(HardshipFile.id, HardshipFile.member, *fields).dicts().iterator()
        }

    def check(self, row: ImportRow) -> None:
        member_id = self.member(row)
        if member_id is None:
            return
        values = row.values
        found = values.get("found_date")
        if found is None:
            self.issue(row, "found_date", "请填写建档日期")
            return
        if not self.once(row, (member_id, found)):
            return
        data = {k: values[k] for k in FILE_KEYS if k in values}
        try:
            hardship.check_file({k: v for k, v in data.items() if k in hardship.FILE_FIELDS and k != "status"})
        except ValidationError as exc:
            self.issue(row, exc.field, exc.message)
            return
        if data.get("status") and data["status"] not in hardship.FILE_STATUSES:
            self.issue(row, "status", f"“{data['status']}”不是有效的档案状态（可选：{'、'.join(hardship.FILE_STATUSES)}）")
            return
        row.context["member"] = member_id
        stored = self.files.get((member_id, found))
        if stored is None:
            row.action, row.write = NEW, data
            return
        row.record_id = stored["id"]
        self.diff(row, stored, data)

    def write(self, row: ImportRow) -> int:
        member = Member.get_by_id(row.context["member"])
        file = HardshipFile.get_by_id(row.record_id) if row.action == UPDATE else None
        return hardship.restore_file(member, row.write, file, note=self.note).id


# --- 帮扶救助台账 -------------------------------------------------------------------------------------


def _amount(record) -> Decimal:
    return (record.cash or ZERO) + (record.goods_value or ZERO)


def _assistance_summary(records, options):
    valid = [r for r in records if not r.voided]
    return [
        totals_block("按帮扶类型汇总", "帮扶类型", valid, lambda r: r.kind,
                     (("救助金", lambda r: r.cash), ("物品价值", lambda r: r.goods_value), ("小计", _amount)),
                     count_header="次数", order=hardship.ASSISTANCE_KINDS)
    ]


ASSISTANCE = LedgerSpec(
    kind="assistance",
    title="帮扶救助台账",
    columns=(
        seq_column(),
        LedgerColumn("date", "日期", _attr("date"), 11, kind="date", aliases=("帮扶日期", "救助日期", "时间"), field="date"),
        *member_columns(lambda r: r.file.member, id_printed=False),
        LedgerColumn("grade", "困难类别", lambda r, o: r.file.grade, 8),
        LedgerColumn("kind", "帮扶类型", _attr("kind"), 8, aliases=("帮扶类别", "救助类型", "类型", "帮扶方式"), field="kind"),
        LedgerColumn("cash", "救助金", _attr("cash"), 10, kind="money", aliases=("金额", "救助金额", "帮扶金额"), field="cash"),
        LedgerColumn("goods", "物品", _attr("goods"), 10, aliases=("救助物品", "帮扶物品"), field="goods"),
        LedgerColumn("goods_value", "物品价值", _attr("goods_value"), 10, kind="money", aliases=("物品折价",), field="goods_value"),
        LedgerColumn("subtotal", "小计", lambda r, o: _amount(r), 10, kind="money"),
        LedgerColumn("fund_source", "经费来源", _attr("fund_source"), 8, aliases=("资金来源",), field="fund_source"),
        LedgerColumn("handler", "经办人", _attr("handler"), 8, aliases=("经手人",), field="handler"),
        LedgerColumn("notes", "备注", _attr("notes"), 12, field="notes", wrap=True, max_width=24),
        LedgerColumn("status", "状态", lambda r, o: status_text(r.voided, r.void_reason), 6, field="status", parse=parse_status,
                     wrap=True, max_width=16),
    ),
    info=lambda records, options: f"共 {len(records)} 条" + (
        f"（其中作废 {sum(1 for r in records if r.voided)} 条，不计入合计）" if any(r.voided for r in records) else ""
    ),
    muted=lambda record: record.voided,
    summary=_assistance_summary,
)


def assistance_records(period: LedgerPeriod) -> list[Assistance]:
    return list(
        Assistance.select(Assistance, HardshipFile, Member)
        .join(HardshipFile)
        .join(Member)
        .where(Assistance.date.between(period.first, period.last))
        .order_by(Assistance.date, Assistance.id)
    )


class AssistanceImporter(RecordImporter):
    spec = ASSISTANCE
    noun = "帮扶记录"
    table = "assistance"
    required = (("name", "id_number"), ("date",), ("kind",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.files: dict[int, list] = defaultdict(list)
        for file_id, member_id, found in HardshipFile.select(HardshipFile.id, HardshipFile.member, HardshipFile.found_date).order_by(
            HardshipFile.found_date
        ).tuples():
            self.files[member_id].append((file_id, found))
        self.existing: dict[tuple, list[Assistance]] = defaultdict(list)
        for a in Assistance.select().order_by(Assistance.id):
            self.existing[(a.file_id, a.date, a.kind, a.cash, a.goods, a.goods_value)].append(a)

    def _file(self, row: ImportRow, member_id: int, day) -> int | None:
        files = self.files.get(member_id)
        if not files:
            self.issue(row, "name", "该会员没有困难档案（请先导入困难职工档案台账）")
            return None
        before = [f for f, found in files if found <= day]
        if before:
            return before[-1]
        self.issue(row, "date", f"帮扶日期早于该会员困难档案的建档日期（{files[0][1]:%Y-%m-%d}）", "warning")
        return files[0][0]

    def check(self, row: ImportRow) -> None:
        member_id = self.member(row)
        if member_id is None:
            return
        v = row.values
        if v.get("date") is None:
            self.issue(row, "date", "请填写帮扶日期")
            return
        if v.get("kind") not in hardship.ASSISTANCE_KINDS:
            self.issue(row, "kind", f"请选择帮扶类型（可选：{'、'.join(hardship.ASSISTANCE_KINDS)}）")
            return
        source = v.get("fund_source") or "工会经费"
        if source not in FUND_SOURCES:
            self.issue(row, "fund_source", f"“{source}”不是有效的经费来源（可选：{'、'.join(FUND_SOURCES)}）")
            return
        file_id = self._file(row, member_id, v["date"])
        if file_id is None:
            return
        cash, goods, goods_value = v.get("cash") or ZERO, v.get("goods") or "", v.get("goods_value") or ZERO
        voided, reason = v.get("status", (False, ""))
        row.context.update(file=file_id, void=reason if voided else "")
        candidates = self.existing.get((file_id, v["date"], v["kind"], cash, goods, goods_value), [])
        if candidates:  # one stored record per row (the same entry twice stays twice)
            stored = next((a for a in candidates if a.voided == voided), candidates[0])
            candidates.remove(stored)
            row.record_id = stored.id
            if voided and not stored.voided:
                row.action, row.changes = UPDATE, {"status": (status_text(False, ""), status_text(True, reason))}
                return
            row.action = SAME
            if stored.voided and not voided:
                self.issue(row, "status", "系统中这条帮扶记录已作废，作废的记录不能恢复", "warning")
            differs = [self.spec.field_label(k) for k in ("fund_source", "handler", "notes") if k in v and (v[k] or "") != (getattr(stored, k) or "")]
            if differs:
                self.issue(row, None, f"{'、'.join(differs)}与系统中的记录不同，未修改（帮扶记录只能作废重录）", "warning")
            return
        row.action = NEW
        row.write = {k: v[k] for k in ("date", "kind", "cash", "goods", "goods_value", "fund_source", "handler", "notes") if k in v}
        if cash == 0 and goods_value == 0 and not goods and (v["kind"] not in hardship.SERVICE_KINDS or not v.get("notes")):
            self.issue(row, "cash", "请填写救助金或物品（法律援助、就业帮扶可只在备注中写明帮扶内容）")

    def write(self, row: ImportRow) -> int:
        reason = row.context["void"]
        if row.action == NEW:
            record = hardship.add_assistance(HardshipFile.get_by_id(row.context["file"]), row.write, note=self.note)
        else:
            record = Assistance.get_by_id(row.record_id)
        if reason:
            hardship.void_assistance(record, reason)
        return record.id


HARDSHIP_LEDGER = Ledger("hardship", HARDSHIP, hardship_records, HardshipImporter, order=20, help="困难职工档案")
ASSISTANCE_LEDGER = Ledger("assistance", ASSISTANCE, assistance_records, AssistanceImporter, order=30, help="帮扶救助")
