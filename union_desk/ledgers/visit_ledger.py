"""走访慰问台账: every visit of a period by date and slip number, with totals of 人次 and 金额 by type.

Voided slips stay in the ledger (struck through, 状态 '作废：原因') so the serial numbers have no
gaps; they are left out of the totals. On import a visit is its slip number: a ledger imported
into another database keeps its numbers, and the year's counter moves past them.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from union_desk.db.models import Member, PlanItem, Relative, Visit, VisitType
from union_desk.domain import textclean
from union_desk.ledgers.common import ledger_fields, link, members_by_id
from union_desk.imports.common import NEW, SAME, UPDATE, ImportRow
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.imports.records import RecordImporter, parse_status, status_text
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec, member_columns, seq_column, totals_block
from union_desk.services import members as member_service
from union_desk.services import visits as visit_service

ZERO = Decimal("0.00")
SELF = "本人"


def _attr(name: str):
    return lambda record, options: getattr(record, name)


def _target(record, options) -> str:
    relative = record.relative
    return f"{relative.relation} {relative.name}" if relative is not None else SELF


def parse_target(raw) -> tuple[str, str] | None:
    """'本人' → None; '父亲 张三' / '父亲：张三' / '张三（父亲）' → ('父亲', '张三')."""
    text = str(raw).strip().replace("：", " ").replace(":", " ")
    if not text or text == SELF:
        return None
    for relation in sorted(member_service.RELATIONS, key=len, reverse=True):
        if text.startswith(relation):
            name = text[len(relation):].strip()
            if name:
                return relation, name
        if text.endswith((f"（{relation}）", f"({relation})")):
            return relation, text[: -len(relation) - 2].strip()
    raise ValueError(f"“{text}”应写成“本人”或“关系 姓名”（如“父亲 张三”）")


def _valid(records):
    return [r for r in records if not r.voided]


def _info(records, options) -> str:
    valid = _valid(records)
    cash = sum((r.cash for r in valid), ZERO)
    text = f"共 {len(records)} 条记录；慰问 {len(valid)} 人次，慰问金 {cash:,.2f} 元"
    voided = len(records) - len(valid)
    return text + (f"（作废 {voided} 条，不计入合计）" if voided else "")


def _summary(records, options):
    order = tuple(t.name for t in visit_service.visit_types(active_only=False))
    return [
        totals_block("按慰问类别汇总", "慰问类别", _valid(records), lambda r: r.visit_type.name,
                     (("慰问金", lambda r: r.cash), ("慰问品价值", lambda r: r.goods_value)), order=order)
    ]


VISITS = LedgerSpec(
    kind="visits",
    title="走访慰问台账",
    columns=(
        seq_column(),
        LedgerColumn("serial", "单号", _attr("serial"), 12, aliases=("编号", "记录单号", "单据号", "慰问单号"), field="serial"),
        LedgerColumn("date", "日期", _attr("date"), 11, kind="date", aliases=("走访日期", "慰问日期", "时间"), field="date"),
        *member_columns(lambda r: r.member, with_id=False),
        LedgerColumn("visit_type", "慰问类别", lambda r, o: r.visit_type.name, 8, aliases=("类别", "慰问类型", "走访类别", "类型"),
                     field="visit_type", fold=True, max_width=16),
        LedgerColumn("relative", "慰问对象", _target, 6, aliases=("对象", "亲属"), field="relative", parse=parse_target, fold=True,
                     max_width=14),
        LedgerColumn("reason", "事由", _attr("reason"), 14, aliases=("原因", "慰问事由", "走访事由"), field="reason", wrap=True, max_width=24),
        LedgerColumn("place", "地点", _attr("place"), 10, aliases=("走访地点", "慰问地点"), field="place", max_width=20,
                     printed=False),
        LedgerColumn("visitors", "走访人员", _attr("visitors"), 12, aliases=("慰问人", "走访人", "慰问人员"), field="visitors",
                     wrap=True, max_width=20),
        LedgerColumn("cash", "慰问金", _attr("cash"), 10, kind="money", aliases=("金额", "慰问金额"), field="cash"),
        LedgerColumn("goods", "慰问品", _attr("goods"), 8, aliases=("物品",), field="goods", fold=True, max_width=16),
        LedgerColumn("goods_value", "慰问品价值", _attr("goods_value"), 10, kind="money", aliases=("物品价值", "慰问品折价"),
                     field="goods_value"),
        LedgerColumn("fund_source", "经费来源", _attr("fund_source"), 8, aliases=("资金来源",), field="fund_source", printed=False),
        LedgerColumn("handler", "经办人", _attr("handler"), 8, aliases=("经手人",), field="handler"),
        LedgerColumn("status", "状态", lambda r, o: status_text(r.voided, r.void_reason), 6, field="status", parse=parse_status,
                     wrap=True, max_width=16),
        LedgerColumn("follow_up", "后续情况", _attr("follow_up"), 12, aliases=("跟进情况", "后续跟进"), field="follow_up",
                     wrap=True, in_default=False),
        LedgerColumn("over_cap_reason", "超标准原因", _attr("over_cap_reason"), 12, field="over_cap_reason", wrap=True, in_default=False),
        LedgerColumn("batch", "批次", _attr("batch"), 10, field="batch", in_default=False),
        LedgerColumn("plan_item", "关联计划", lambda r, o: getattr(r, "plan_title", ""), 14, aliases=("计划事项",), field="plan_item",
                     in_default=False),
        LedgerColumn("replaces", "替代单号", lambda r, o: getattr(r, "replaces_serial", ""), 12, aliases=("原单号",), field="replaces",
                     in_default=False),
    ),
    freeze_columns=3,
    info=_info,
    muted=lambda record: record.voided,
    summary=_summary,
)


def visit_records(period: LedgerPeriod) -> list[Visit]:
    visits = list(
        Visit.select(*ledger_fields(Visit, "printed_at", "voided_at"))
        .where(Visit.date.between(period.first, period.last))
        .order_by(Visit.date, Visit.serial)
    )
    link(visits, "member", members_by_id(v.member_id for v in visits))
    link(visits, "visit_type", {t.id: t for t in VisitType.select()})
    relative_ids = [v.relative_id for v in visits if v.relative_id]
    link(visits, "relative", {r.id: r for r in Relative.select().where(Relative.id.in_(relative_ids))} if relative_ids else {})
    plan_ids = {v.plan_item_id for v in visits if v.plan_item_id}
    titles = dict(PlanItem.select(PlanItem.id, PlanItem.title).where(PlanItem.id.in_(list(plan_ids))).tuples()) if plan_ids else {}
    replaced = {v.replaces_id for v in visits if v.replaces_id}
    serials = dict(Visit.select(Visit.id, Visit.serial).where(Visit.id.in_(list(replaced))).tuples()) if replaced else {}
    for visit in visits:
        visit.plan_title = titles.get(visit.plan_item_id, "")
        visit.replaces_serial = serials.get(visit.replaces_id, "")
    return visits


FIELDS = ("date", "visit_type", "relative", "reason", "place", "visitors", "cash", "goods", "goods_value", "fund_source",
          "handler", "follow_up", "over_cap_reason", "batch", "plan_item")


class VisitImporter(RecordImporter):
    spec = VISITS
    noun = "走访记录"
    table = "visit"
    required = (("name", "id_number"), ("date",), ("visit_type",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        self.types = {textclean.clean_text(name): type_id for type_id, name in VisitType.select(VisitType.id, VisitType.name).tuples()}
        columns = [Visit.id, Visit.serial, Visit.member, Visit.voided, Visit.void_reason, *(getattr(Visit, f) for f in FIELDS)]
        self.by_serial: dict[str, dict] = {}
        self.by_key: dict[tuple, list[dict]] = defaultdict(list)
        for v in Visit.select(*columns).dicts().iterator():
            self.by_serial[v["serial"]] = v
            self.by_key[(v["member"], v["date"], v["visit_type"], v["cash"])].append(v)
        self.relatives: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        for rid, member_id, relation, name in Relative.select(Relative.id, Relative.member, Relative.relation, Relative.name).tuples():
            self.relatives[member_id].append((rid, relation, name))
        self.plans: dict[tuple[int, str], int] = {}
        for pid, year, title in PlanItem.select(PlanItem.id, PlanItem.year, PlanItem.title).order_by(PlanItem.id).tuples():
            self.plans.setdefault((year, textclean.clean_text(title)), pid)
        self.made_relatives: dict[tuple, int] = {}
        self.made_types: dict[str, int] = {}

    def check(self, row: ImportRow) -> None:
        member_id = self.member(row)
        if member_id is None:
            return
        v = row.values
        day = v.get("date")
        if day is None:
            self.issue(row, "date", "请填写走访日期")
            return
        type_name = v.get("visit_type")
        if not type_name:
            self.issue(row, "visit_type", "请填写慰问类别")
            return
        data = {k: v[k] for k in FIELDS if k in v}
        data["visit_type"] = self.types.get(type_name)
        if data["visit_type"] is None:
            row.context["new_type"] = type_name
            self.issue(row, "visit_type", f"没有名为“{type_name}”的慰问类别，导入时将新增（标准金额为 0，请到慰问类别与标准中补充）", "warning")
        if v.get("fund_source") and v["fund_source"] not in visit_service.FUND_SOURCES:
            self.issue(row, "fund_source", f"“{v['fund_source']}”不是有效的经费来源（可选：{'、'.join(visit_service.FUND_SOURCES)}）")
            return
        target = v.get("relative")
        if target is not None:
            relation, name = target
            found = [rid for rid, rel, n in self.relatives.get(member_id, ()) if n == name and rel == relation] or [
                rid for rid, _rel, n in self.relatives.get(member_id, ()) if n == name
            ]
            if found:
                data["relative"] = found[0]
            else:
                data["relative"] = None
                row.context["new_relative"] = (relation, name)
                self.issue(row, "relative", f"该会员没有登记亲属“{relation} {name}”，导入时将新增", "warning")
        if "plan_item" in v:
            title = v["plan_item"]
            data["plan_item"] = self.plans.get((day.year, textclean.clean_text(title)))
            if data["plan_item"] is None:
                self.issue(row, "plan_item", f"{day.year}年工作计划中没有“{title}”，未关联（可先导入工作计划）", "warning")
        voided, reason = v.get("status", (False, ""))
        serial = v.get("serial") or ""
        if serial:
            match = visit_service.SERIAL_PATTERN.match(serial)
            if not match or int(match.group(1)) != day.year:
                self.issue(row, "serial", f"单号“{serial}”应为 WF{day.year}-0001 的形式（年份与日期一致）")
                return
            if not self.once(row, serial, "走访记录（单号相同）"):
                return
        row.context.update(member=member_id, serial=serial, void=reason if voided else "", replaces=v.get("replaces") or "")
        stored = self.by_serial.get(serial) if serial else self._by_key(member_id, day, data)
        if stored is None:
            row.action, row.write = NEW, data
            return
        if stored["member"] != member_id:
            who = Member.get_by_id(stored["member"]).name
            self.issue(row, "serial", f"单号“{serial}”在系统中是{who}的走访记录，与本行的会员不同")
            return
        row.record_id = stored["id"]
        made_later = {"visit_type": "new_type" in row.context, "relative": "new_relative" in row.context}
        self.diff(row, stored, {k: val for k, val in data.items() if not made_later.get(k)})
        if voided and not stored["voided"]:
            row.changes["status"] = (status_text(False, ""), status_text(True, reason))
            row.action = UPDATE
        elif stored["voided"]:
            row.context["void"] = ""
            if not voided:
                self.issue(row, "status", "系统中这条走访记录已作废，作废的记录不能恢复", "warning")
            if row.action == UPDATE:
                self.issue(row, None, "系统中这条走访记录已作废，不能修改", "warning")
                row.action, row.write, row.changes = SAME, {}, {}

    def _by_key(self, member_id: int, day, data: dict) -> dict | None:
        """A row without a slip number: the stored visit of that member, day, type and amount."""
        found = self.by_key.get((member_id, day, data["visit_type"], data.get("cash") or ZERO))
        return found.pop(0) if found else None

    def _type(self, row: ImportRow) -> int:
        name = row.context["new_type"]
        if name not in self.made_types:
            existing = VisitType.get_or_none(VisitType.name == name)
            self.made_types[name] = (existing or visit_service.save_visit_type({"name": name, "group": "其他"})).id
        return self.made_types[name]

    def _relative(self, member: Member, relation: str, name: str) -> int:
        key = (member.id, relation, name)
        if key not in self.made_relatives:
            self.made_relatives[key] = member_service.add_relative(member, {"name": name, "relation": relation}, note=self.note).id
        return self.made_relatives[key]

    def write(self, row: ImportRow) -> int:
        context = row.context
        member = Member.get_by_id(context["member"])
        data = dict(row.write)
        if "new_type" in context and (row.action == NEW or "visit_type" in data):
            data["visit_type"] = self._type(row)
        if "new_relative" in context and (row.action == NEW or "relative" in data):
            data["relative"] = self._relative(member, *context["new_relative"])
        if row.action == NEW:
            data["member"] = member
            visit, warnings = visit_service.restore_visit(data, serial=context["serial"] or None, void_reason=context["void"], note=self.note)
            for warning in warnings:
                self.issue(row, "cash", f"超过慰问标准：{warning}（按台账原样导入）", "warning")
            context["visit"] = visit
            return visit.id
        visit = Visit.get_by_id(row.record_id)
        if data:
            visit_service.update_visit(visit, data, note=self.note)
        if context["void"]:
            visit_service.void_visit(visit, context["void"])
        context["visit"] = visit
        return visit.id

    def finish(self, rows: list[ImportRow]) -> None:
        """Visits re-issued in place of a voided one point back to it (替代单号)."""
        for row in rows:
            serial = row.context.get("replaces")
            visit = row.context.get("visit")
            if not serial or visit is None or visit.replaces_id:
                continue
            original = Visit.get_or_none(Visit.serial == serial)
            if original is None:
                self.issue(row, "replaces", f"找不到被替代的单号“{serial}”，未关联", "warning")
            elif original.id != visit.id:
                visit_service.set_replaces(visit, original)


VISITS_LEDGER = Ledger("visits", VISITS, visit_records, VisitImporter, order=40, help="走访慰问")
