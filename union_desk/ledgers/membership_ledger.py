"""会费收缴台账 (kind "dues", one row per member per dues period) and 会籍变动台账 (kind "membership",
one row per membership event) — issue 20.

会费收缴台账: the periods of the setting (`services.dues.period_kind()`: month, quarter or half
year) that start inside the ledger's period (a period not yet over is left out until something is
collected for it), each with the members of the union in it (`services.dues.dues_rows`: ordered by
department, then pinyin). Each member's line (`DuesLine`) shows 应缴 (base × rate × months,
rounded by the setting; nothing when exempt) and the first payment for the period; every further
payment has a line of its own right under it, 应缴 blank: the second and later payments of the
same period, and a payment for a period of its own (2026年上半年 while collecting monthly: the
months say 已随2026-H1缴纳 with 实缴 0; a month while collecting by quarter). Payments for a
period starting in the ledger's period that no member's line holds follow at the end. So each
payment is one line (its own date, method, collector, note) and the totals count it once.
Voided payments are left out (the line under the title says how many; the funds book keeps their
reversal) and are not imported. Totals: 应缴, 实缴 and 收缴率 (= 实缴 ÷ 应缴) in one table by
period (收缴合计). After the printed columns, outside the print area: 身份证号, 批次 (the payroll
list a payment came with: one funds entry per batch), 收据号 (a cash payment's receipt number),
免缴起始 / 免缴截止 (the exemption itself, 截止 “长期” when it has no end) and 其他基数 (the
member's bases from the ledger's start on that no line shows — next year's raise, one replaced
within the year — '2027-01-01 6,500.00；…', on the member's last line) and 其他免缴 (the member's
exemptions still running at the ledger's start that no line names — one from next year, one a
status hides — '2027-07-01至长期：产假；…', on the member's last line).

Import (`DuesImporter`): the member by 身份证号 (else 姓名 + 部门); the wage base is set (from
基数起算日期, else the period's first day) when the base in effect on that day differs, and each
of 其他基数 when the base from that day differs; a line's 实缴 is matched to a stored payment of
the member and period with the same amount (and date) — 未变 — or added when the period has no
other payment left unmatched (else a warning, left as it is); the payment takes the line's period
code, date, method, collector, note (not what the ledger says by itself: 少缴…, 已随…), 批次 and
收据号 (when free; `services.dues.keep_receipt`). An exemption (免缴原因 that is not one the status gives,
保留会籍…) becomes `services.dues.add_exemption`: with 免缴起始 / 免缴截止 exactly that
exemption (and each of 其他免缴); without them consecutive periods with the same reason one
exemption. Payments go
through `services.dues.record_payments` per 批次 (one funds entry per batch, as the payroll import
made them) or `record_payment(force=True)` one by one: the ledger is a record of what happened,
so an exempt member's payment is not asked about.

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
import re
from collections import Counter as Tally
from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

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
DUES_BY_PERIOD = "按期间汇总"  # the second summary table of earlier exports: still where a file's table ends
EVENTS_SUMMARY = "按变动类型汇总"
# what the 备注 of the dues ledger says by itself (`DuesRow.note`, not a payment's note): not imported
_DERIVED_NOTE = re.compile(r"未设缴费基数|已随\S+缴纳|少缴 [\d,]+\.\d\d 元|期初不是本会会员，本期不缴(（有缴费记录）)?|免缴：.*")


def _clean(text) -> str:
    return textclean.clean_text(text or "")


def ledger_periods(period: LedgerPeriod, kind: str | None = None) -> list[rules.DuesPeriod]:
    """The dues periods of the setting that start inside the ledger's period."""
    from union_desk.services import dues

    kind = kind or dues.period_kind()
    return [p for p in rules.periods_between(period.first, period.last, kind) if period.first <= p.first <= period.last]


# --- 会费收缴台账 ---------------------------------------------------------------------------------------

OPEN_END = "长期"  # 免缴截止 of an exemption without an end
_OPEN_WORDS = (OPEN_END, "无", "不定期", "至今", "长期免缴")


@dataclass
class DuesLine:
    """One row of the 会费收缴台账. A member's line for a dues period (`row` set: 缴费基数, 应缴, the
    first payment for the period) or a further payment (`row` None, 应缴 blank): the second and
    later payments of the same period, or a payment for a period of its own (2026年上半年 while
    collecting monthly; 2026年3月 while collecting by quarter), so that each payment comes back as
    it was and the totals stay right."""

    member: object
    period: rules.DuesPeriod
    row: object | None = None  # services.dues.DuesRow
    payment: object | None = None  # DuesPayment
    exemption: object | None = None  # the DuesExemption that makes the member exempt (not a status)
    other_bases: str = ""  # the member's bases not shown on a line ('2027-01-01 6,500.00')
    other_exemptions: str = ""  # the member's exemptions no line names ('2027-01-01至长期：长期病休')

    @property
    def owed(self) -> Decimal | None:
        return self.row.owed if self.row is not None else None

    @property
    def paid(self) -> Decimal:
        return self.payment.amount if self.payment is not None else ZERO

    @property
    def base(self):
        return self.row.base if self.row is not None else None

    @property
    def base_effective(self):
        return self.row.base_effective if self.row is not None else None

    @property
    def exempt_reason(self) -> str:
        return self.row.exempt_reason if self.row is not None else ""

    @property
    def unpaid(self) -> bool:
        return self.row is not None and self.row.unpaid

    @property
    def note(self) -> str:
        if self.payment is not None and self.payment.note:
            return self.payment.note
        if self.row is None or self.row.exempt_reason:
            return ""
        return self.row.note


def _parsed(code: str) -> rules.DuesPeriod | None:
    try:
        return rules.parse_period(code)
    except ValueError:
        return None


def _exemption_text(exemption) -> str:
    end = exemption.end.isoformat() if exemption.end else OPEN_END
    return f"{exemption.start.isoformat()}至{end}：{exemption.reason}"


def _base_text(base) -> str:
    return f"{base.effective.isoformat()} {base.amount:,.2f}"


def dues_records(period: LedgerPeriod) -> list[DuesLine]:
    """The lines of every dues period in the ledger's period, period by period (a period not yet
    over is left out until something is collected for it): each member's line, then the further
    payments (see `DuesLine`). Payments for a period starting in the ledger's period that no
    member's line holds (the member was not in the union then) follow at the end. Voided payments
    are left out (the funds book keeps their reversal)."""
    from union_desk.db.membership_models import DuesExemption, DuesPayment, WageBase
    from union_desk.services import dues

    today = dt.date.today()
    mine: dict[int, list] = {}  # member → live payments for a period starting in the ledger's period
    years = [str(y) for y in range(period.first.year, period.last.year + 1)]
    query = DuesPayment.select().where(~DuesPayment.voided & (fn.substr(DuesPayment.period, 1, 4).in_(years)))
    for payment in query.order_by(DuesPayment.date, DuesPayment.id):
        paid_for = _parsed(payment.period)
        if paid_for is not None and period.first <= paid_for.first <= period.last and payment.period[:4] in years:
            mine.setdefault(payment.member_id, []).append(payment)
    exemptions: dict[int, list] = {}
    for exemption in DuesExemption.select().order_by(DuesExemption.id):
        exemptions.setdefault(exemption.member_id, []).append(exemption)

    lines: list[DuesLine] = []
    placed: set[int] = set()
    periods = ledger_periods(period)
    for dues_period, found in zip(periods, dues.dues_rows_for(periods, today), strict=True):  # one read, no arrears
        if dues_period.last >= today and not any(r.payments for r in found):
            continue  # not over and nothing collected yet: it would only pull the 收缴率 down
        for row in found:
            member = row.member
            exemption = None
            if row.exempt_reason:
                exemption = next((e for e in exemptions.get(member.id, ()) if e.start <= dues_period.first
                                  and (e.end is None or e.end >= dues_period.first) and e.reason == row.exempt_reason), None)
            same = [p for p in row.payments if p.period == dues_period.code]
            shorter = [p for p in row.payments if p.period != dues_period.code]
            lines.append(DuesLine(member, dues_period, row, same[0] if same else None, exemption))
            for payment in same[1:] + shorter:
                lines.append(DuesLine(member, _parsed(payment.period) or dues_period, payment=payment))
            placed.update(p.id for p in row.payments)
            for payment in mine.get(member.id, ()):  # a payment for a longer period holding this one
                paid_for = _parsed(payment.period)
                if payment.id not in placed and paid_for.contains(dues_period) and paid_for != dues_period:
                    lines.append(DuesLine(member, paid_for, payment=payment))
                    placed.add(payment.id)
    rest = [p for found in mine.values() for p in found if p.id not in placed]
    if rest:
        from union_desk.db.models import Member

        members = {m.id: m for m in Member.select().where(Member.id.in_(list({p.member_id for p in rest})))}
        rest.sort(key=lambda p: (_parsed(p.period).first, members[p.member_id].department or "",
                                 members[p.member_id].pinyin_key or "", p.date, p.id))
        lines.extend(DuesLine(members[p.member_id], _parsed(p.period), payment=p) for p in rest)

    # the bases a line does not show (a raise from next January, one replaced within the year):
    # on the member's last line, so that a move to a new computer keeps them
    shown: dict[int, set] = {}
    last: dict[int, DuesLine] = {}
    for line in lines:
        shown.setdefault(line.member.id, set()).add(line.base_effective)
        last[line.member.id] = line
    named = {line.exemption.id for line in lines if line.exemption is not None}
    for member_id, line in last.items():  # an exemption from next year, one a status hides (退休) …
        for e in exemptions.get(member_id, ()):
            if e.id not in named and (e.end is None or e.end >= period.first):
                line.other_exemptions = "；".join(filter(None, (line.other_exemptions, _exemption_text(e))))
    if last:
        for base in (WageBase.select().where(WageBase.member.in_(list(last)) & (WageBase.effective >= period.first))
                     .order_by(WageBase.effective)):
            if base.effective not in shown[base.member_id]:
                line = last[base.member_id]
                line.other_bases = "；".join(filter(None, (line.other_bases, _base_text(base))))
    return lines


def parse_period_cell(raw) -> rules.DuesPeriod:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):  # Excel turned '2027-03' into a date
        return rules.period_of(raw, "month")
    return rules.parse_period(_clean(raw))


def parse_base(raw) -> Decimal:
    return rules.check_base(raw)


def parse_exempt_end(raw):
    """免缴截止: a date, or 长期 (no end: OPEN_END)."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = _clean(raw)
    if text in _OPEN_WORDS:
        return OPEN_END
    day = textclean.parse_loose_date(text)
    if day is None:
        raise ValueError(f"免缴截止应为日期或“{OPEN_END}”")
    return day


_BASE_ITEM = re.compile(r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s*[:：]?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*元?")


def parse_other_bases(raw) -> list[tuple[dt.date, Decimal]]:
    """其他基数: '2027-01-01 6,500.00；2027-07-01 7,000.00' (起算日期 and amount, several by ；)."""
    text = _clean(raw)
    found = []
    for part in re.split(r"[；;\n]", text):
        part = part.strip()
        if not part:
            continue
        match = _BASE_ITEM.fullmatch(part)
        if not match:
            raise ValueError(f"“{part}”应为“起算日期 基数”，如 2027-01-01 6500")
        day = textclean.parse_loose_date(match.group(1))
        found.append((day, rules.check_base(match.group(2).replace(",", ""))))
    return found


_EXEMPTION_ITEM = re.compile(r"(\S+?)\s*至\s*(\S+?)\s*[:：]\s*(.+)")


def parse_other_exemptions(raw) -> list[tuple[dt.date, dt.date | None, str]]:
    """其他免缴: '2027-01-01至长期：长期病休' (start, end or 长期, reason; several by ；)."""
    found = []
    for part in re.split(r"[；;\n]", _clean(raw)):
        part = part.strip()
        if not part:
            continue
        match = _EXEMPTION_ITEM.fullmatch(part)
        start = textclean.parse_loose_date(match.group(1)) if match else None
        if start is None:
            raise ValueError(f"“{part}”应为“起始日期至截止日期：原因”，如 2027-01-01至长期：长期病休")
        end = parse_exempt_end(match.group(2))
        found.append((start, None if end == OPEN_END else end, match.group(3).strip()))
    return found


def _exemption_value(name: str):
    def value(line, options):
        if line.exemption is None:
            return None
        if name == "start":
            return line.exemption.start
        return line.exemption.end or OPEN_END
    return value


def _payment_value(name: str):
    return lambda line, options: getattr(line.payment, name) if line.payment is not None else None


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
        LedgerColumn("date", "缴费日期", _payment_value("date"), 11, kind="date", aliases=("缴纳日期", "收款日期"), field="date"),
        LedgerColumn("method", "缴费方式", _payment_value("method"), 9, aliases=("缴纳方式",), field="method"),
        LedgerColumn("collector", "收款人", _payment_value("collector"), 8, aliases=("经收人", "经手人"), field="collector"),
        # 保留会籍（退休） is the longest reason a status gives: on one line
        LedgerColumn("exempt_reason", "免缴原因", lambda r, o: r.exempt_reason, 15, aliases=("免缴",), field="exempt_reason",
                     fold=True, max_width=17),
        LedgerColumn("notes", "备注", lambda r, o: r.note, 8, field="notes", wrap=True, max_width=18),
        # in the sheet, outside the print area: what a move to a new computer needs back
        LedgerColumn("batch", "批次", _payment_value("batch"), 16, aliases=("导入批次",), field="batch", printed=False),
        LedgerColumn("receipt", "收据号", _payment_value("receipt"), 11, aliases=("收据编号",), field="receipt", printed=False),
        LedgerColumn("exempt_start", "免缴起始", _exemption_value("start"), 11, kind="date", aliases=("免缴起始日期",),
                     field="exempt_start", printed=False),
        LedgerColumn("exempt_end", "免缴截止", _exemption_value("end"), 11, kind="date", aliases=("免缴截止日期",),
                     field="exempt_end", printed=False, parse=parse_exempt_end),
        LedgerColumn("other_bases", "其他基数", lambda r, o: r.other_bases, 20, aliases=("以后基数",), field="other_bases",
                     printed=False, parse=parse_other_bases),
        LedgerColumn("other_exemptions", "其他免缴", lambda r, o: r.other_exemptions, 20, field="other_exemptions",
                     printed=False, parse=parse_other_exemptions),
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


def _voided_count(records: list) -> int:
    from union_desk.db.membership_models import DuesPayment

    codes = list({r.period.code for r in records})
    if not codes:
        return 0
    return DuesPayment.select().where(DuesPayment.voided & DuesPayment.period.in_(codes)).count()


def _dues_info(records: list) -> str:
    rows = [r for r in records if r.row is not None]
    owed = sum((r.owed for r in rows), ZERO)
    paid = sum((r.paid for r in records), ZERO)
    unpaid = sum(1 for r in rows if r.unpaid)
    exempt = sum(1 for r in rows if r.exempt_reason)
    periods = len({r.period.code for r in rows})
    text = (f"共 {periods} 期 {len(rows)} 人次：应缴 {owed:,.2f} 元，实缴 {paid:,.2f} 元，收缴率 {_rate_text(paid, owed)}；"
            f"未缴足 {unpaid} 人次，免缴 {exempt} 人次")
    further = len(records) - len(rows)
    if further:
        text += f"；另列缴费 {further} 笔（同期第二笔起，或按半年等整期缴纳；应缴空白）"
    voided = _voided_count(records)
    if voided:
        text += f"；作废的缴费 {voided} 笔未列入（经费账保留其冲销）"
    return text


def _dues_summary(records: list) -> list[Block]:
    """One table (one heading: it cannot be left at the foot of a page apart from a second table):
    each period (人次, 应缴, 实缴, 收缴率, 未缴足, 免缴) and, for several periods, the 合计 with the
    overall 收缴率. A payment for a period of its own (2026年上半年 while collecting monthly) is a
    row of its own, 应缴 blank (the months hold what was owed)."""
    if not records:
        return []
    by_period: dict[str, list] = {}
    for r in records:
        entry = by_period.setdefault(r.period.code, [r.period, 0, ZERO, ZERO, 0, 0])
        entry[1] += 1 if r.row is not None else 0
        entry[2] += r.owed or ZERO
        entry[3] += r.paid
        entry[4] += 1 if r.unpaid else 0
        entry[5] += 1 if r.exempt_reason else 0
    ordered = sorted(by_period.values(), key=lambda e: (e[0].first, -e[0].months))
    table = [(p.label, count, owed, paid, _rate(paid, owed) if owed else None, unpaid, exempt)
             for p, count, owed, paid, unpaid, exempt in ordered]
    if len(table) > 1:
        owed = sum((e[2] for e in ordered), ZERO)
        paid = sum((e[3] for e in ordered), ZERO)
        table.append(("合计", sum(e[1] for e in ordered), owed, paid, _rate(paid, owed),
                      sum(e[4] for e in ordered), sum(e[5] for e in ordered)))
    columns = (block_column("期间"), block_column("人次", "int", total=False), block_column("应缴", "money", total=False),
               block_column("实缴", "money", total=False), block_column("收缴率", "percent"),
               block_column("未缴足人次", "int", total=False), block_column("免缴人次", "int", total=False))
    return [Block(DUES_SUMMARY, columns, table, total_label=None)]


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

    def at(self, member_id: int, day: dt.date) -> Decimal | None:
        return self.by_member.get(member_id, {}).get(day)

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
        # member, period → [amount, date, claimed by a row of this file] of the live payments stored
        self.paid: dict[tuple[int, str], list[list]] = {}
        for member_id, period, amount, day in (DuesPayment.select(DuesPayment.member, DuesPayment.period, DuesPayment.amount,
                                                                  DuesPayment.date)
                                               .where(~DuesPayment.voided).order_by(DuesPayment.date, DuesPayment.id).tuples()):
            self.paid.setdefault((member_id, period), []).append([amount, day, False])
        self.exemptions: dict[int, list[list]] = {}  # member → [[start, end, reason, None]] stored
        for member_id, start, end, reason in DuesExemption.select(DuesExemption.member, DuesExemption.start, DuesExemption.end,
                                                                  DuesExemption.reason).tuples():
            self.exemptions.setdefault(member_id, []).append([start, end, reason, None])
        # exemptions to add: member → [start, end, reason, first row]; consecutive periods extend one
        self.new_exemptions: dict[int, list[list]] = {}
        self.exact_exemptions: dict[tuple, list] = {}  # (member, start, end, reason) → the item to add
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
        # the member's line for the period (应缴 filled) once; further payments (应缴 blank) as many as
        # there are — in a file without 应缴 (made by hand) every line is a member's line
        member_line = v.get("owed") is not None or "owed" not in self.preview.mapping.values()
        if member_line and not self.once(row, (member_id, period.code), "会费记录（同一会员同一期间）"):
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
        # the bases the line does not show (next year's raise …)
        more = []
        for effective, amount in v.get("other_bases") or ():
            stored = self.bases.at(member_id, effective)
            if stored != amount:
                more.append((amount, effective))
                self.bases.set(member_id, effective, amount)
        if more:
            write["bases"] = more
            row.changes["other_bases"] = ("", "；".join(f"{d.isoformat()} {a:,.2f}" for a, d in more))
        # the exemptions no line names (from next year on, or hidden by a status)
        for start, end, why in v.get("other_exemptions") or ():
            self._exact_exemption(row, member_id, start, end, why, write)
        # an exemption
        reason = _clean(v.get("exempt_reason"))
        if reason and not reason.startswith("保留会籍"):
            self._exemption(row, member_id, period, reason, write)
        # a payment
        paid = v.get("paid")
        if paid:
            have = self._claim(member_id, period.code, paid, v.get("date"))
            if have is None:
                pass  # stored already
            elif have:
                self.issue(row, "paid", f"本数据库中{period.label}已缴 {have:,.2f} 元，与台账的 {paid:,.2f} 元不同，未修改", "warning")
            else:
                write["payment"] = self._payment(row, member_id, period, paid)
                if write["payment"] is None:
                    return
                self.paid.setdefault((member_id, period.code), []).append([paid, write["payment"]["date"], True])
                row.context["receipt"] = _clean(v.get("receipt"))
        row.write = write
        if not write:
            row.action = SAME
        else:
            row.action = NEW if write.keys() & {"payment", "exemption", "exemptions"} else UPDATE

    def _claim(self, member_id: int, code: str, paid: Decimal, day: dt.date | None) -> Decimal | None:
        """None when a stored payment of this member and period is this row's (the same amount, and
        date when given); else what is stored for the period and not matched by another row (0:
        nothing, the payment is new)."""
        stored = self.paid.get((member_id, code), [])
        free = [item for item in stored if not item[2]]
        for item in free:
            if item[0] == paid and (day is None or item[1] == day):
                item[2] = True
                return None
        return sum((item[0] for item in stored), ZERO) if free else ZERO

    def _exemption(self, row: ImportRow, member_id: int, period: rules.DuesPeriod, reason: str, write: dict) -> None:
        v = row.values
        start = v.get("exempt_start")
        if start is not None:  # the exemption itself: its start and end (长期: none)
            end = v.get("exempt_end")
            end = None if end in (None, OPEN_END) else end
            if end is not None and end < start:
                self.issue(row, "exempt_end", "免缴截止日期早于起始日期")
                return
            self._exact_exemption(row, member_id, start, end, reason, write)
            return
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

    def _exact_exemption(self, row: ImportRow, member_id: int, start: dt.date, end: dt.date | None, reason: str,
                         write: dict) -> None:
        """The exemption itself (from 免缴起始 / 免缴截止 or 其他免缴), unless stored already."""
        if any((s, e, r) == (start, end, reason) for s, e, r, _ in self.exemptions.get(member_id, ())):
            return
        key = (member_id, start, end, reason)
        item = self.exact_exemptions.get(key)
        if item is None:
            for s, e, _r, _first in self.exemptions.get(member_id, ()):
                if s <= start and (e is None or (end is not None and e >= end)):
                    return  # already exempt for all of it (whatever the words)
            item = self.exact_exemptions[key] = [start, end, reason, (row.row, len(self.exact_exemptions))]
        write.setdefault("exemptions", [])
        if item not in write["exemptions"]:
            write["exemptions"].append(item)

    def _payment(self, row: ImportRow, member_id: int, period: rules.DuesPeriod, paid: Decimal) -> dict | None:
        from union_desk.services import dues

        v = row.values
        notes = _clean(v.get("notes"))
        if _DERIVED_NOTE.fullmatch(notes):
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
                        dues.keep_receipt(payment, _clean(todo[i].context.get("receipt", "")))
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
                    payment = dues.record_payment(member, values, force=True)
                    dues.keep_receipt(payment, _clean(todo[i].context.get("receipt", "")))
                written.done[i] = payment.id
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
        for amount, effective in row.write.get("bases", ()):
            done = dues.set_base(member, amount, effective, source="导入", note=self.note).id
        for item in ([row.write["exemption"]] if "exemption" in row.write else []) + row.write.get("exemptions", []):
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
        # the ID number: in the sheet (it tells members apart on import), not on paper: without it
        # the ledger prints one page wide
        *member_columns(lambda r: r.member, id_printed=False),
        LedgerColumn("kind", "变动类型", _event("kind"), 8, aliases=("类型", "变动", "变动事项"), field="kind", parse=parse_kind),
        LedgerColumn("reason", "原因", _event("reason"), 8, aliases=("变动原因", "保留会籍原因"), field="reason", fold=True, max_width=16),
        LedgerColumn("application_date", "申请日期", _event("application_date"), 11, kind="date", aliases=("入会申请日期",),
                     field="application_date"),
        LedgerColumn("approval_date", "批准日期", _event("approval_date"), 11, kind="date", aliases=("入会批准日期",),
                     field="approval_date"),
        LedgerColumn("card_number", "会员证号", _event("card_number"), 10, aliases=("会员证编号", "会员卡号"), field="card_number"),
        LedgerColumn("other_union", "对方工会", _event("other_union"), 18, aliases=("转出单位工会", "转入单位工会", "对方单位"),
                     field="other_union", fold=True, max_width=24),
        LedgerColumn("letter_number", "介绍信编号", _event("letter_number"), 11, aliases=("介绍信号", "介绍信"), field="letter_number",
                     fold=True, max_width=20),
        LedgerColumn("handler", "经办人", _event("handler"), 8, aliases=("经手人",), field="handler"),
        LedgerColumn("note", "备注", _event("note"), 19, aliases=("说明",), field="note", wrap=True, max_width=24),
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
