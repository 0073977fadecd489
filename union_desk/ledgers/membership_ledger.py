"""会费收缴台账 (kind "dues", one row per member per dues period) and 会籍变动台账 (kind "membership",
one row per membership event) — issue 20.

会费收缴台账: the periods of the setting (`services.dues.period_kind()`: month, quarter or half
year) that start inside the ledger's period, each with the members of the union in it
(`services.dues.dues_rows`: ordered by department, then pinyin). 应缴 is what the member owes for
the period (base × rate × months, rounded by the setting; nothing when exempt), 实缴 what was paid
for it (voided payments left out). Totals: 应缴合计, 实缴合计 and 收缴率 (= 实缴 ÷ 应缴), by period
when there are several. 批次 (the payroll list a payment came with) follows the printed columns,
outside the print area, so that a move keeps the funds book's entries as they were.

Import (`DuesImporter`): the member by 身份证号 (else 姓名 + 部门); the wage base is set (from
基数起算日期, else the period's first day) when the base in effect on that day differs; a payment
of 实缴 is added when the member has paid nothing for the period (paid the same already → 未变;
paid a different amount → a warning, left as it is); an exemption (免缴原因 that is not one the
status gives, 保留会籍…) becomes `services.dues.add_exemption` — consecutive periods with the same
reason one exemption. Payments go through `services.dues.record_payments` per 批次 (one funds
entry per batch, as the payroll import made them) or `record_payment(force=True)` one by one: the
ledger is a record of what happened, so an exempt member's payment is not asked about.

会籍变动台账: every membership event dated in the period, voided ones shown struck through (状态
“作废：原因”, outside the print area), with a summary by kind (voided left out). Import
(`MembershipImporter`): the events in date order through `services.membership.add_event(member,
data, check_order=False)`; an event of the same member, kind and date already there is 未变 —
or 更新 (`update_event`) when its details differ (e.g. the 转出 a roster import made from the
member's status, “对方工会：档案未载”, takes the ledger's union and letter number). The member
must exist: a move to an empty database imports the roster first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter as Tally
from decimal import Decimal

from union_desk.domain import membership as rules
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.imports.common import NEW, SAME, UPDATE, ImportRow
from union_desk.imports.pipeline import Written
from union_desk.imports.records import RecordImporter, parse_status, status_text
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import Block, LedgerColumn, LedgerSpec, block_column, member_columns, seq_column, totals_block

ZERO = Decimal("0.00")
DUES_SUMMARY = "收缴合计"
DUES_BY_PERIOD = "按期间汇总"
EVENTS_SUMMARY = "按变动类型汇总"
# what the 备注 of the dues ledger says by itself (from the row, not a payment's note): not imported
_DERIVED_NOTES = ("未设缴费基数", "已随")


def _clean(text) -> str:
    return textclean.clean_text(text or "")


def ledger_periods(period: LedgerPeriod, kind: str | None = None) -> list[rules.DuesPeriod]:
    """The dues periods of the setting that start inside the ledger's period."""
    from union_desk.services import dues

    kind = kind or dues.period_kind()
    return [p for p in rules.periods_between(period.first, period.last, kind) if period.first <= p.first <= period.last]


# --- 会费收缴台账 ---------------------------------------------------------------------------------------


def dues_records(period: LedgerPeriod) -> list:
    """The `DuesRow`s of every dues period in the ledger's period, period by period; a period not yet
    over is left out until something is collected for it."""
    from union_desk.services import dues

    rows = []
    today = dt.date.today()
    for dues_period in ledger_periods(period):
        found = dues.dues_rows(dues_period, today)
        if dues_period.last >= today and not any(r.payments for r in found):
            continue  # not over and nothing collected yet: it would only pull the 收缴率 down
        rows.extend(found)
    return rows


def parse_period_cell(raw) -> rules.DuesPeriod:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):  # Excel turned '2027-03' into a date
        return rules.period_of(raw, "month")
    return rules.parse_period(_clean(raw))


def parse_base(raw) -> Decimal:
    return rules.check_base(raw)


def _paid_date(row, options):
    return max((p.date for p in row.payments), default=None)


def _joined(row, name: str) -> str:
    return "、".join(dict.fromkeys(getattr(p, name) for p in row.payments if getattr(p, name)))


def _dues_note(row, options) -> str:
    notes = _joined(row, "note")
    if notes:
        return notes
    return "" if row.exempt_reason else row.note


DUES = LedgerSpec(
    kind="dues",
    title="会费收缴台账",
    columns=(
        seq_column(),
        LedgerColumn("period", "期间", lambda r, o: r.period.label, 11, aliases=("缴费期间", "所属期间", "月份", "期别"),
                     field="period", parse=parse_period_cell),
        # the ID number: in the sheet (it tells members apart on import), not on paper (too wide)
        *member_columns(lambda r: r.member, id_printed=False),
        LedgerColumn("base", "缴费基数", lambda r, o: r.base, 11, kind="money", aliases=("基数", "工资基数"), field="base",
                     total=False, parse=parse_base),
        LedgerColumn("base_effective", "基数起算日期", lambda r, o: r.base_effective, 11, kind="date",
                     aliases=("起算日期", "基数生效日期"), field="base_effective"),
        LedgerColumn("owed", "应缴", lambda r, o: r.owed, 10, kind="money", aliases=("应缴金额", "应缴会费"), field="owed"),
        LedgerColumn("paid", "实缴", lambda r, o: r.paid, 10, kind="money", aliases=("实缴金额", "实缴会费", "已缴"), field="paid"),
        LedgerColumn("date", "缴费日期", _paid_date, 11, kind="date", aliases=("缴纳日期", "收款日期"), field="date"),
        LedgerColumn("method", "缴费方式", lambda r, o: _joined(r, "method"), 9, aliases=("缴纳方式",), field="method"),
        LedgerColumn("collector", "收款人", lambda r, o: _joined(r, "collector"), 8, aliases=("经收人", "经手人"), field="collector"),
        LedgerColumn("exempt_reason", "免缴原因", lambda r, o: r.exempt_reason, 8, aliases=("免缴",), field="exempt_reason",
                     wrap=True, max_width=12),
        LedgerColumn("notes", "备注", _dues_note, 8, field="notes", wrap=True, max_width=16),
        # in the sheet, outside the print area: the payroll list a payment came with (one funds entry per batch)
        LedgerColumn("batch", "批次", lambda r, o: _joined(r, "batch"), 16, aliases=("导入批次",), field="batch", printed=False),
    ),
    freeze_columns=3,
    info=lambda records, options: _dues_info(records),
    unit="人次",
    summary=lambda records, options: _dues_summary(records),
    repeat_columns=("seq", "period", "name"),
)


def _rate(paid: Decimal, owed: Decimal) -> float | None:
    rate = rules.collection_rate(paid, owed)
    return None if rate is None else float(rate) / 100


def _rate_text(paid: Decimal, owed: Decimal) -> str:
    rate = rules.collection_rate(paid, owed)
    return "—" if rate is None else f"{rate}%"


def _dues_info(records: list) -> str:
    owed = sum((r.owed for r in records), ZERO)
    paid = sum((r.paid for r in records), ZERO)
    unpaid = sum(1 for r in records if r.unpaid)
    exempt = sum(1 for r in records if r.exempt_reason)
    periods = len({r.period.code for r in records})
    return (f"共 {periods} 期 {len(records)} 人次：应缴 {owed:,.2f} 元，实缴 {paid:,.2f} 元，收缴率 {_rate_text(paid, owed)}；"
            f"未缴足 {unpaid} 人次，免缴 {exempt} 人次")


def _dues_summary(records: list) -> list[Block]:
    if not records:
        return []
    owed = sum((r.owed for r in records), ZERO)
    paid = sum((r.paid for r in records), ZERO)
    columns = (block_column("应缴合计", "money", total=False), block_column("实缴合计", "money", total=False),
               block_column("收缴率", "percent"), block_column("未缴足人次", "int", total=False),
               block_column("免缴人次", "int", total=False))
    blocks = [Block(DUES_SUMMARY, columns, [(owed, paid, _rate(paid, owed), sum(1 for r in records if r.unpaid),
                                            sum(1 for r in records if r.exempt_reason))], total_label=None)]
    by_period: dict[str, list] = {}
    for r in records:
        by_period.setdefault(r.period.code, [r.period.label, 0, ZERO, ZERO, 0])
        entry = by_period[r.period.code]
        entry[1] += 1
        entry[2] += r.owed
        entry[3] += r.paid
        entry[4] += 1 if r.unpaid else 0
    if len(by_period) > 1:
        columns = (block_column("期间"), block_column("人数", "int", total=False), block_column("应缴", "money"),
                   block_column("实缴", "money"), block_column("收缴率", "percent"), block_column("未缴足", "int", total=False))
        rows = [(label, count, o, p, _rate(p, o), unpaid) for label, count, o, p, unpaid in by_period.values()]
        blocks.append(Block(DUES_BY_PERIOD, columns, rows))
    return blocks


class _StopAtSummary:
    """The table ends at its 合计 row or, without one, where a summary table starts (its title in a cell)."""

    summary_titles: tuple[str, ...] = ()

    def rows(self, table, header, ticker):
        end = None
        for index in range(header.row_index + 1, len(table.rows)):
            if any(isinstance(c, str) and c.strip() in self.summary_titles for c in table.rows[index]):
                end = self.preview.header_row + (index - header.row_index)
                break
        for excel_row, cells in super().rows(table, header, ticker):
            if end is not None and excel_row >= end:
                break
            yield excel_row, cells


class _Bases:
    """Every member's wage bases (loaded once), with those this import will set."""

    def __init__(self):
        from union_desk.db.membership_models import WageBase

        self.by_member: dict[int, dict[dt.date, Decimal]] = {}
        for member_id, effective, amount in WageBase.select(WageBase.member, WageBase.effective, WageBase.amount).tuples():
            self.by_member.setdefault(member_id, {})[effective] = amount  # MoneyField: Decimal yuan

    def on(self, member_id: int, day: dt.date) -> tuple[dt.date | None, Decimal | None]:
        found = [d for d in self.by_member.get(member_id, {}) if d <= day]
        if not found:
            return None, None
        effective = max(found)
        return effective, self.by_member[member_id][effective]

    def set(self, member_id: int, day: dt.date, amount: Decimal) -> None:
        self.by_member.setdefault(member_id, {})[day] = amount


class DuesImporter(_StopAtSummary, RecordImporter):
    summary_titles = (DUES_SUMMARY, DUES_BY_PERIOD)
    spec = DUES
    noun = "会费记录"
    table = "dues_payment"
    required = (("name", "id_number"), ("period",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        from union_desk.db.membership_models import DuesExemption, DuesPayment

        self.bases = _Bases()
        self.paid: dict[tuple[int, str], Decimal] = {}
        for member_id, period, amount in (DuesPayment.select(DuesPayment.member, DuesPayment.period, DuesPayment.amount)
                                          .where(~DuesPayment.voided).tuples()):
            key = (member_id, period)
            self.paid[key] = self.paid.get(key, ZERO) + amount
        self.exemptions: dict[int, list[list]] = {}  # member → [[start, end, reason, None]] stored
        for member_id, start, end, reason in DuesExemption.select(DuesExemption.member, DuesExemption.start, DuesExemption.end,
                                                                  DuesExemption.reason).tuples():
            self.exemptions.setdefault(member_id, []).append([start, end, reason, None])
        # exemptions to add: member → [start, end, reason, first row]; consecutive periods extend one
        self.new_exemptions: dict[int, list[list]] = {}
        self.made_exemptions: dict[int, int] = {}  # first row → exemption id

    def check(self, row: ImportRow) -> None:
        v = row.values
        period = v.get("period")
        if period is None:
            self.issue(row, "period", "请填写期间（如 2027-03、2027年3月）")
            return
        member_id = self.member(row)
        if member_id is None:
            return
        if not self.once(row, (member_id, period.code), "会费记录（同一会员同一期间）"):
            return
        row.context.update(member=member_id, period=period)
        write: dict = {}
        # the wage base
        base = v.get("base")
        if base is not None:
            effective = v.get("base_effective") or period.first
            if effective > period.first:
                self.issue(row, "base_effective", f"基数起算日期 {effective.isoformat()} 晚于{period.label}第一天，按{period.label}第一天计",
                           "warning")
                effective = period.first
            _, stored = self.bases.on(member_id, effective)
            if stored != base:
                write["base"] = (base, effective)
                row.changes["base"] = (stored, base)
                self.bases.set(member_id, effective, base)
        # an exemption
        reason = _clean(v.get("exempt_reason"))
        if reason and not reason.startswith("保留会籍"):
            self._exemption(row, member_id, period, reason, write)
        # a payment
        paid = v.get("paid")
        if paid:
            have = self.paid.get((member_id, period.code), ZERO)
            if have == paid:
                pass
            elif have:
                self.issue(row, "paid", f"本数据库中{period.label}已缴 {have:,.2f} 元，与台账的 {paid:,.2f} 元不同，未修改", "warning")
            else:
                write["payment"] = self._payment(row, member_id, period, paid)
                if write["payment"] is None:
                    return
                self.paid[(member_id, period.code)] = paid
        row.write = write
        if not write:
            row.action = SAME
        else:
            row.action = NEW if "payment" in write or "exemption" in write else UPDATE

    def _exemption(self, row: ImportRow, member_id: int, period: rules.DuesPeriod, reason: str, write: dict) -> None:
        for start, end, _reason, _first in self.exemptions.get(member_id, ()):
            if start <= period.first and (end is None or end >= period.first):
                return  # already exempt (whatever the words): nothing to add
        pending = self.new_exemptions.setdefault(member_id, [])
        for item in pending:
            if item[2] == reason and item[1] + dt.timedelta(days=1) == period.first:
                item[1] = period.last  # the next period of the same exemption
                write["exemption"] = item
                return
        item = [period.first, period.last, reason, row.row]
        pending.append(item)
        write["exemption"] = item

    def _payment(self, row: ImportRow, member_id: int, period: rules.DuesPeriod, paid: Decimal) -> dict | None:
        from union_desk.services import dues

        v = row.values
        notes = _clean(v.get("notes"))
        if notes.startswith(_DERIVED_NOTES):
            notes = ""
        methods = [m for m in _clean(v.get("method")).split("、") if m]
        data = {"period": period.code, "amount": paid, "date": v.get("date") or period.last,
                "method": methods[0] if methods else "工资代扣", "collector": _clean(v.get("collector")).split("、")[0],
                "note": notes}
        try:
            values, _warnings = dues.check_payment(member_id, data)
        except ValidationError as exc:
            self.issue(row, exc.field if exc.field in ("amount", "date", "method") else "paid", exc.message)
            return None
        batches = [b for b in _clean(v.get("batch")).split("、") if b]
        values["batch"] = batches[0] if batches else ""
        return values

    # --- write ---

    def write_rows(self, todo: list, ticker) -> Written:
        """Bases and exemptions row by row, then the payments: those of a 批次 together (one
        funds entry, as the payroll import posted them), the others one by one."""
        from union_desk.db.models import database_proxy
        from union_desk.services import dues

        written = Written()
        batches: dict[str, list[int]] = {}
        singles: list[int] = []
        for index, row in enumerate(todo):
            try:
                with database_proxy.atomic():
                    written.done[index] = self._write_plain(row)
            except ValidationError as exc:
                written.failed[index] = self.refused(row, exc)
            else:
                payment = row.write.get("payment")
                if payment is not None:
                    (batches.setdefault(payment["batch"], []) if payment["batch"] else singles).append(index)
            ticker.step()
        for batch, indexes in batches.items():
            try:
                with database_proxy.atomic():
                    made = dues.record_payments([todo[i].write["payment"] for i in indexes], batch)
                for i, payment in zip(indexes, made, strict=True):
                    written.done[i] = payment.id
            except ValidationError as exc:
                for i in indexes:
                    written.failed[i] = self.refused(todo[i], exc)
        for i in singles:
            values = dict(todo[i].write["payment"])
            member = values.pop("member")
            values.pop("batch", None)
            try:
                with database_proxy.atomic():
                    written.done[i] = dues.record_payment(member, values, force=True).id
            except ValidationError as exc:
                written.failed[i] = self.refused(todo[i], exc)
        return written

    def _write_plain(self, row: ImportRow) -> int | None:
        from union_desk.services import dues

        member = row.context["member"]
        done = None
        if "base" in row.write:
            amount, effective = row.write["base"]
            done = dues.set_base(member, amount, effective, source="导入", note=self.note).id
        item = row.write.get("exemption")
        if item is not None:
            first_row = item[3]
            if first_row not in self.made_exemptions:
                self.made_exemptions[first_row] = dues.add_exemption(member, item[0], item[1], item[2]).id
            done = self.made_exemptions[first_row]
        return done


# --- 会籍变动台账 ---------------------------------------------------------------------------------------


def membership_records(period: LedgerPeriod) -> list:
    from union_desk.services import membership

    return membership.events_between(period.first, period.last)


def _event(name: str):
    return lambda record, options: getattr(record, name)


def parse_kind(raw) -> str:
    text = _clean(raw).replace(" ", "")
    if text not in rules.EVENT_KINDS:
        raise ValueError(f"变动类型应为：{'、'.join(rules.EVENT_KINDS)}")
    return text


MEMBERSHIP = LedgerSpec(
    kind="membership",
    title="会籍变动台账",
    columns=(
        seq_column(),
        LedgerColumn("date", "日期", _event("date"), 11, kind="date", aliases=("变动日期",), field="date"),
        *member_columns(lambda r: r.member),
        LedgerColumn("kind", "变动类型", _event("kind"), 8, aliases=("类型", "变动", "变动事项"), field="kind", parse=parse_kind),
        LedgerColumn("reason", "原因", _event("reason"), 8, aliases=("变动原因", "保留会籍原因"), field="reason", fold=True, max_width=16),
        LedgerColumn("application_date", "申请日期", _event("application_date"), 11, kind="date", aliases=("入会申请日期",),
                     field="application_date"),
        LedgerColumn("approval_date", "批准日期", _event("approval_date"), 11, kind="date", aliases=("入会批准日期",),
                     field="approval_date"),
        LedgerColumn("card_number", "会员证号", _event("card_number"), 10, aliases=("会员证编号", "会员卡号"), field="card_number"),
        LedgerColumn("other_union", "对方工会", _event("other_union"), 14, aliases=("转出单位工会", "转入单位工会", "对方单位"),
                     field="other_union", fold=True, max_width=24),
        LedgerColumn("letter_number", "介绍信编号", _event("letter_number"), 11, aliases=("介绍信号", "介绍信"), field="letter_number"),
        LedgerColumn("handler", "经办人", _event("handler"), 8, aliases=("经手人",), field="handler"),
        LedgerColumn("note", "备注", _event("note"), 10, aliases=("说明",), field="note", wrap=True, max_width=24),
        # in the sheet, outside the print area: voided events come back voided
        LedgerColumn("status", "状态", lambda r, o: status_text(r.voided, r.void_reason), 8, aliases=("是否作废",), field="status",
                     parse=parse_status, printed=False),
    ),
    freeze_columns=3,
    info=lambda records, options: _membership_info(records),
    unit="条",
    muted=lambda r: r.voided,
    summary=lambda records, options: _membership_summary(records),
)


def _membership_info(records: list) -> str:
    live = [r for r in records if not r.voided]
    counts = Tally(r.kind for r in live)
    parts = "，".join(f"{k} {counts[k]}" for k in rules.EVENT_KINDS if counts[k])
    text = f"共 {len(live)} 条会籍变动" + (f"（{parts}）" if parts else "")
    voided = len(records) - len(live)
    return text + (f"；另有作废 {voided} 条（划线显示）" if voided else "")


def _membership_summary(records: list) -> list[Block]:
    live = [r for r in records if not r.voided]
    if not live:
        return []
    return [totals_block(EVENTS_SUMMARY, "变动类型", live, lambda r: r.kind, (), order=rules.EVENT_KINDS)]


ROSTER_NOTE = "新建会员档案"  # the note of the events a new member's archive makes (`services.membership.status_moved`)
_EVENT_FIELDS = ("reason", "application_date", "approval_date", "card_number", "other_union", "letter_number", "handler", "note")
_EVENT_TEXT = ("reason", "card_number", "other_union", "letter_number", "handler", "note")


class MembershipImporter(_StopAtSummary, RecordImporter):
    summary_titles = (EVENTS_SUMMARY,)
    spec = MEMBERSHIP
    noun = "会籍变动"
    table = "membership_event"
    required = (("name", "id_number"), ("kind",), ("date",))

    def __init__(self, preview, note):
        super().__init__(preview, note)
        from union_desk.db.membership_models import MembershipEvent

        self.stored: dict[tuple, list] = {}
        for event in MembershipEvent.select().order_by(MembershipEvent.id):
            self.stored.setdefault((event.member_id, event.kind, event.date), []).append(event)
        self.claimed: set[int] = set()

    def check(self, row: ImportRow) -> None:
        v = row.values
        kind, day = v.get("kind"), v.get("date")
        if not kind:
            self.issue(row, "kind", "请填写变动类型")
            return
        if day is None:
            self.issue(row, "date", "请填写日期")
            return
        member_id = self.member(row)
        if member_id is None:
            return
        voided, void_reason = v.get("status", (False, ""))
        if not self.once(row, (member_id, kind, day, voided), "会籍变动（同一会员、类型和日期）"):
            return
        data = {k: (_clean(v.get(k)) if k in _EVENT_TEXT and k != "note" else v.get(k)) for k in _EVENT_FIELDS}
        data["note"] = str(v.get("note") or "").strip()
        for k in _EVENT_TEXT:
            data[k] = data[k] or ""
        if kind == "保留会籍" and not data["reason"]:
            data["reason"] = "退休"
        if kind in ("转入", "转出") and not data["other_union"]:
            self.issue(row, "other_union", "请填写对方工会" + ("（转出单位工会）" if kind == "转入" else "（转入单位工会）"))
            return
        row.context.update(member=member_id, kind=kind, date=day, voided=voided, void_reason=void_reason)
        candidates = [e for e in self.stored.get((member_id, kind, day), []) if e.id not in self.claimed]
        candidates.sort(key=lambda e: e.voided != voided)
        if not candidates and kind in rules.JOINING:
            # a member who came by 转入: the roster import made an 入会 on the join date (and the
            # reverse): that event is this row's, with its kind corrected
            other = next(k for k in rules.JOINING if k != kind)
            candidates = [e for e in self.stored.get((member_id, other, day), [])
                          if e.id not in self.claimed and not e.voided and e.note == ROSTER_NOTE]
        if not candidates:
            row.action, row.write = NEW, data
            return
        event = candidates[0]
        self.claimed.add(event.id)
        row.record_id = event.id
        self.diff(row, {k: getattr(event, k) for k in _EVENT_FIELDS}, data)
        if event.kind != kind:
            row.changes["kind"] = (event.kind, kind)
            row.write["kind"] = kind
            row.action = UPDATE
        if voided and not event.voided:
            row.changes["status"] = (status_text(False, ""), status_text(True, void_reason))
            row.action = UPDATE
        elif event.voided and not voided:  # a stored voided event and the file's live one: a new event
            self.claimed.discard(event.id)
            row.record_id, row.changes = None, {}
            row.action, row.write = NEW, data

    def todo(self) -> list:
        """In date order: each event is added after the ones before it (the status follows the last)."""
        rows = super().todo()
        return sorted(rows, key=lambda r: (r.context["date"], r.row))

    def write(self, row: ImportRow):
        from union_desk.services import membership

        c = row.context
        if row.action == NEW:
            event = membership.add_event(c["member"], {"kind": c["kind"], "date": c["date"], **row.write}, check_order=False)
        else:
            event = membership.get_event(row.record_id)
            if row.write:
                membership.update_event(event, row.write)
        if c["voided"] and not event.voided:
            membership.void_event(event, c["void_reason"] or "作废")
        return event.id


DUES_LEDGER = Ledger("dues", DUES, dues_records, DuesImporter, order=99, help="会费收缴台账")
MEMBERSHIP_LEDGER = Ledger("membership", MEMBERSHIP, membership_records, MembershipImporter, order=99, help="会籍变动台账")

__all__ = [
    "DUES",
    "DUES_LEDGER",
    "DuesImporter",
    "MEMBERSHIP",
    "MEMBERSHIP_LEDGER",
    "MembershipImporter",
    "dues_records",
    "ledger_periods",
    "membership_records",
]
