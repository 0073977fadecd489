"""会费 (issue 20): wage bases, exemptions, what each member owes for a period, payments (which the
funds book posts to 0.1 会费收入 through `money_moves`), arrears and the collection rate.

Owed per period = round(base × rate × months), rounded once per period per member by the rounding
setting, with the base in effect on the period's first day. Members who keep membership (退休,
保留会籍) and members with an exemption on that day owe nothing, with the reason shown."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal

from peewee import fn

from union_desk import money_moves
from union_desk.db.membership_models import DuesExemption, DuesPayment, PastDuesRule, WageBase
from union_desk.db.models import Member, database_proxy
from union_desk.domain import membership as rules
from union_desk.domain import textclean
from union_desk.domain.money import MoneyError, to_decimal
from union_desk.errors import ValidationError
from union_desk.services import audit, counters, settings
from union_desk.services.membership import StatusBook, member_status_on
from union_desk.services.record_fields import choice, get_record, member_ref, parse_date

ZERO = rules.ZERO


class NeedsConfirmation(ValidationError):
    """A payment the user is asked about first (an exempt member, a period already paid). The GUI
    asks and calls again with `force=True`; the CLI reports it and needs `--force`."""

    def __init__(self, warnings: list[str]):
        super().__init__("；".join(warnings), field="force")
        self.warnings = warnings


def get_payment(payment_id) -> DuesPayment:
    return get_record(DuesPayment, payment_id, "会费缴纳记录")


# --- settings ------------------------------------------------------------------------------------


def rate() -> Decimal:
    try:
        return rules.check_rate(settings.get("dues_rate"))
    except ValueError:
        return rules.DEFAULT_RATE


def rounding() -> str:
    value = settings.get("dues_rounding")
    return value if value in rules.ROUNDINGS else "fen"


def floor_ten() -> bool:
    return settings.get("dues_floor_ten") != "0"


def period_kind() -> str:
    value = settings.get("dues_period")
    return value if value in rules.PERIOD_KINDS else "month"


@dataclass(frozen=True)
class DuesRule:
    """The dues settings, read once for a whole list (reading them per row is slow), with the rules
    that held before the last changes (`past`: (until, rate, rounding, floor_ten), by `until`)."""

    rate: Decimal
    rounding: str
    floor_ten: bool
    period_kind: str
    past: tuple = ()
    # the first day of the earliest period anyone paid for: the dues book starts there (arrears are
    # not counted before it — a base entered with an old date would otherwise flag years); None: no
    # payment yet, arrears count from the bases
    book_start: dt.date | None = None

    def at(self, first_day: dt.date) -> DuesRule:
        """The rule of the period beginning on `first_day`."""
        for until, rate_then, rounding_then, floor_then in self.past:
            if first_day <= until:
                return DuesRule(rate_then, rounding_then, floor_then, self.period_kind, book_start=self.book_start)
        return self

    def owed(self, base: Decimal, months: int) -> Decimal:
        return rules.dues_owed(base, self.rate, months, self.rounding, self.floor_ten)


def _past_rules() -> tuple:
    found = []
    for row in PastDuesRule.select().order_by(PastDuesRule.until):
        try:
            found.append((row.until, rules.check_rate(row.rate), row.rounding if row.rounding in rules.ROUNDINGS else "fen",
                          row.floor_ten))
        except ValueError:
            continue
    return tuple(found)


def _book_start() -> dt.date | None:
    codes = {row[0] for row in DuesPayment.select(DuesPayment.period).where(~DuesPayment.voided).distinct().tuples()}
    firsts = []
    for code in codes:
        try:
            firsts.append(rules.parse_period(code).first)
        except ValueError:
            continue
    return min(firsts, default=None)


def current_rule() -> DuesRule:
    return DuesRule(rate(), rounding(), floor_ten(), period_kind(), _past_rules(), _book_start())


RULE_KEYS = ("dues_rate", "dues_rounding", "dues_floor_ten")


def settings_saved(changes: dict[str, tuple[str | None, str]]) -> None:
    """Hook "settings_saved": a new rate, rounding or floor applies from the current period on; the
    periods before it keep the rule they were collected under (kept as a PastDuesRule) once any dues
    were paid for them. Runs in the settings' own transaction."""
    if not any(key in changes for key in RULE_KEYS):
        return
    kind = changes["dues_period"][0] if "dues_period" in changes else period_kind()  # the periods collected so far
    boundary = rules.period_of(dt.date.today(), kind if kind in rules.PERIOD_KINDS else "month").first
    paid_before = DuesPayment.select().where(~DuesPayment.voided & (DuesPayment.date < boundary)).exists()
    until = boundary - dt.timedelta(days=1)
    if not paid_before or PastDuesRule.select().where(PastDuesRule.until >= until).exists():
        return  # nothing collected yet under the old rule, or the rule before this period is kept already
    old = {key: (changes[key][0] if key in changes else settings.get(key)) for key in RULE_KEYS}
    defaults = settings.defaults()
    audit.create(PastDuesRule, until=until, rate=old["dues_rate"] or defaults["dues_rate"],
                 rounding=old["dues_rounding"] or defaults["dues_rounding"],
                 floor_ten=(old["dues_floor_ten"] or defaults["dues_floor_ten"]) != "0",
                 note=f"会费计算规则修改，{until.isoformat()}以前的期间按原规则")


def check_rate_setting(value: str) -> str:
    try:
        return str(rules.check_rate(value))
    except ValueError as exc:
        raise ValidationError(str(exc), field="dues_rate") from None


def check_rounding_setting(value: str) -> str:
    for key, (label, _, _) in rules.ROUNDINGS.items():
        if value in (key, label):
            return key
    raise ValidationError(f"会费取整方式应为：{'、'.join(label for label, _, _ in rules.ROUNDINGS.values())}", field="dues_rounding")


def check_period_setting(value: str) -> str:
    for key, (label, _) in rules.PERIOD_KINDS.items():
        if value in (key, label):
            return key
    raise ValidationError("会费收缴周期应为：按月、按季度、按半年", field="dues_period")


def check_flag_setting(value: str) -> str:
    if value not in ("0", "1"):
        raise ValidationError("应为 0 或 1", field="dues_floor_ten")
    return value


def parse_period(raw) -> rules.DuesPeriod:
    """A period from its code or words ('2027-H1', '2027年上半年'), or the period itself."""
    if isinstance(raw, rules.DuesPeriod):
        return raw
    try:
        return rules.parse_period(raw)
    except ValueError as exc:
        raise ValidationError(str(exc), field="period") from None


# --- wage bases and exemptions -------------------------------------------------------------------------


def check_base(raw) -> Decimal:
    try:
        return rules.check_base(raw)
    except ValueError as exc:
        raise ValidationError(str(exc), field="amount") from None


def set_base(member, amount, effective, source: str = "录入", note: str = "") -> WageBase:
    """The member's wage base from `effective` on (a base on the same day is replaced)."""
    member = member_ref(member)
    amount = check_base(amount)
    day = parse_date(effective, "起算日期", "effective", required=True)
    note = textclean.clean_field(note, "notes", "备注", field="note")
    source = choice(source, ("录入", "导入", "工资表"), "来源", "source", "录入")
    existing = WageBase.get_or_none((WageBase.member == member) & (WageBase.effective == day))
    if existing:
        audit.update(existing, values={"amount": amount, "source": source, "note": note or existing.note})
        return existing
    return audit.create(WageBase, values={"member": member, "effective": day, "amount": amount, "source": source, "note": note})


def delete_base(base: WageBase) -> None:
    from union_desk.services.record_fields import delete_audited

    delete_audited(base, note="删除缴费基数")


def bases_of(member) -> list[WageBase]:
    return list(WageBase.select().where(WageBase.member == member_ref(member)).order_by(WageBase.effective))


def base_on(member, day: dt.date) -> WageBase | None:
    return (WageBase.select().where((WageBase.member == member) & (WageBase.effective <= day))
            .order_by(WageBase.effective.desc()).first())


def add_exemption(member, start, end, reason: str) -> DuesExemption:
    member = member_ref(member)
    first = parse_date(start, "免缴起始日期", "start", required=True)
    last = parse_date(end, "免缴截止日期", "end")
    if last and last < first:
        raise ValidationError("免缴截止日期早于起始日期", field="end")
    reason = textclean.clean_field(reason, "short", "免缴原因", field="reason")
    if not reason:
        raise ValidationError("请填写免缴原因（如：长期病休）", field="reason")
    return audit.create(DuesExemption, member=member, start=first, end=last, reason=reason)


def remove_exemption(exemption: DuesExemption) -> None:
    from union_desk.services.record_fields import delete_audited

    delete_audited(exemption, note="删除会费免缴")


def end_exemption(exemption: DuesExemption, end) -> DuesExemption:
    """An open exemption ends on `end` (a new record with the same start and reason, the old one
    removed), in one transaction: a refused end leaves the exemption as it was."""
    with database_proxy.atomic():
        ended = add_exemption(exemption.member, exemption.start, end, exemption.reason)
        remove_exemption(exemption)
    return ended


def exemptions_of(member) -> list[DuesExemption]:
    return list(DuesExemption.select().where(DuesExemption.member == member_ref(member)).order_by(DuesExemption.start))


# --- what is owed ----------------------------------------------------------------------------------


@dataclass
class DuesRow:
    member: Member
    period: rules.DuesPeriod
    base: Decimal | None  # None: no base in effect on the first day
    base_effective: dt.date | None
    owed: Decimal
    paid: Decimal
    exempt_reason: str
    payments: list[DuesPayment] = field(default_factory=list)
    covered_by: str = ""  # a payment for a longer period that holds this one ('2027-H1')
    arrears_months: int = 0
    outside: bool = False  # not a member of this union on the first day (joined during it, or gone): owes nothing

    @property
    def unpaid(self) -> bool:
        return not self.covered_by and self.paid < self.owed

    @property
    def note(self) -> str:
        if self.outside:
            return "期初不是本会会员，本期不缴" + ("（有缴费记录）" if self.payments else "")
        if self.exempt_reason:
            return f"免缴：{self.exempt_reason}"
        if self.base is None:
            return "未设缴费基数"
        if self.covered_by:
            return f"已随{self.covered_by}缴纳"
        if self.paid and self.paid < self.owed:
            return f"少缴 {self.owed - self.paid:,.2f} 元"
        return ""


def _exempt_reason(status: str | None, exemptions: list[DuesExemption], day: dt.date) -> str:
    if status in rules.EXEMPT_STATUSES:
        return "保留会籍（退休）" if status == "退休" else "保留会籍"
    for exemption in exemptions:
        if exemption.start <= day and (exemption.end is None or exemption.end >= day):
            return exemption.reason
    return ""


class DuesBook:
    """What a dues list reads, read once: statuses on any day, every member's bases, exemptions and
    payments (not voided), the members, and the rule. A list over many periods (the 会费收缴台账, the
    statistics) shares one book instead of reading everything again for each period."""

    def __init__(self):
        self.status = StatusBook()
        self.rule = current_rule()
        self.members = {m.id: m for m in Member.select()}
        self.bases: dict[int, list[WageBase]] = {}
        for base in WageBase.select().order_by(WageBase.effective):
            self.bases.setdefault(base.member_id, []).append(base)
        self.exemptions: dict[int, list[DuesExemption]] = {}
        for exemption in DuesExemption.select():
            self.exemptions.setdefault(exemption.member_id, []).append(exemption)
        self.payments: dict[int, list[DuesPayment]] = {}
        self.paid_in: dict[str, set[int]] = {}
        for payment in DuesPayment.select().where(~DuesPayment.voided).order_by(DuesPayment.date, DuesPayment.id):
            self.payments.setdefault(payment.member_id, []).append(payment)
            self.paid_in.setdefault(payment.period, set()).add(payment.member_id)

    def members_owing(self, period: rules.DuesPeriod) -> list[Member]:
        """The members of this union on the period's first or last day (joining during it: they owe
        from the next period), and anyone paid for it; by department, then pinyin."""
        ids = {mid for mid, s in self.status.on(period.first).items() if s in rules.IN_UNION}
        ids |= {mid for mid, s in self.status.on(period.last).items() if s in rules.IN_UNION}
        ids |= self.paid_in.get(period.code, set())
        found = [self.members[mid] for mid in ids if mid in self.members]
        return sorted(found, key=lambda m: (m.department or "", m.pinyin_key or "", m.id))


def _owed(bases: list[WageBase], period: rules.DuesPeriod, exempt: str, rule: DuesRule) -> tuple[Decimal, WageBase | None]:
    base = None
    for candidate in bases:
        if candidate.effective <= period.first:
            base = candidate
    if exempt or base is None:
        return ZERO, base
    return rule.at(period.first).owed(base.amount, period.months), base


def _row(member: Member, period: rules.DuesPeriod, status: str | None, bases, exemptions, payments,
         rule: DuesRule) -> DuesRow:
    exempt = _exempt_reason(status, exemptions, period.first)
    outside = status not in rules.IN_UNION
    owed, base = _owed(bases, period, exempt or ("outside" if outside else ""), rule)
    mine, longer = [], {}
    for payment in payments:
        try:
            paid_for = rules.parse_period(payment.period)
        except ValueError:
            continue
        if period.contains(paid_for):
            mine.append(payment)
        elif paid_for.contains(period):
            longer.setdefault(paid_for, []).append(payment)
    covered = ""
    for container, found in longer.items():  # paid for a longer period: covered when that was paid in full
        container_owed, _ = _owed(bases, container, exempt or ("outside" if outside else ""), rule)
        if sum((p.amount for p in found), ZERO) >= container_owed:
            covered = container.code
    paid = sum((p.amount for p in mine), ZERO)
    return DuesRow(member, period, base.amount if base else None, base.effective if base else None,
                   owed, paid, exempt, mine, covered, outside=outside)


def arrears_months(member: Member, today: dt.date, *, bases=None, exemptions=None, payments=None, statuses=None,
                   rule: DuesRule | None = None) -> int:
    """Months owed but not paid in the periods (of the setting) that have ended by `today`, counted
    back from the latest: the months in a row a member has not paid (a partly paid period adds the
    unpaid share of its months, rounded up, and ends the run). Counted from the member's first base
    and not before the dues book starts (the earliest period anyone paid for)."""
    bases = bases if bases is not None else list(WageBase.select().where(WageBase.member == member).order_by(WageBase.effective))
    if not bases:
        return 0
    exemptions = exemptions if exemptions is not None else list(DuesExemption.select().where(DuesExemption.member == member))
    payments = payments if payments is not None else list(DuesPayment.select().where((DuesPayment.member == member) & ~DuesPayment.voided))
    rule = rule or current_rule()
    start = max(bases[0].effective, rule.book_start or bases[0].effective)
    last_ended = rules.period_of(today, rule.period_kind).first - dt.timedelta(days=1)
    if last_ended < start:
        return 0
    months = 0
    for period in reversed(rules.periods_between(start, last_ended, rule.period_kind)):
        if period.first < start:
            break
        status = statuses(period.first) if statuses else member_status_on(member, period.first)
        row = _row(member, period, status, bases, exemptions, payments, rule)
        if row.outside or not row.unpaid:
            break
        if row.paid:  # partly paid: the unpaid share of its months, and the run of unpaid months ends
            months += math.ceil(period.months * (row.owed - row.paid) / row.owed)
            break
        months += period.months
    return months


def dues_rows(period, today: dt.date | None = None, *, unpaid_only: bool = False, arrears: bool = True,
              book: DuesBook | None = None) -> list[DuesRow]:
    """What each member owes and paid for `period`, with months in arrears as of `today` (`arrears`
    False: not counted, 0 — the totals of a year's periods do not need them). `book`: shared by the
    lists of many periods."""
    period = period if isinstance(period, rules.DuesPeriod) else parse_period(period)
    today = today or dt.date.today()
    book = book or DuesBook()
    status = book.status.on(period.first)
    rows = []
    for member in book.members_owing(period):
        bases, exemptions = book.bases.get(member.id, []), book.exemptions.get(member.id, [])
        payments = book.payments.get(member.id, [])
        row = _row(member, period, status.get(member.id), bases, exemptions, payments, book.rule)
        if arrears:
            row.arrears_months = arrears_months(member, today, bases=bases, exemptions=exemptions, payments=payments,
                                                statuses=lambda day, mid=member.id: book.status.on(day).get(mid),
                                                rule=book.rule)
        if not unpaid_only or row.unpaid:
            rows.append(row)
    return rows


def dues_rows_for(periods, today: dt.date | None = None, *, arrears: bool = False) -> list[list[DuesRow]]:
    """`dues_rows` of each period, from one read of the database."""
    book = DuesBook()
    return [dues_rows(period, today, arrears=arrears, book=book) for period in periods]


@dataclass
class DuesTotals:
    owed: Decimal
    paid: Decimal
    members: int
    unpaid: int
    exempt: int

    @property
    def rate(self) -> Decimal | None:
        return rules.collection_rate(self.paid, self.owed)


def totals(rows: list[DuesRow]) -> DuesTotals:
    return DuesTotals(sum((r.owed for r in rows), ZERO), sum((r.paid for r in rows), ZERO), len(rows),
                      sum(1 for r in rows if r.unpaid), sum(1 for r in rows if r.exempt_reason))


def owed_for(member, period) -> DuesRow:
    member = member_ref(member)
    period = period if isinstance(period, rules.DuesPeriod) else parse_period(period)
    status = member_status_on(member, period.first)
    payments = list(DuesPayment.select().where((DuesPayment.member == member) & ~DuesPayment.voided))
    return _row(member, period, status, bases_of(member), exemptions_of(member), payments, current_rule())


# --- payments ------------------------------------------------------------------------------------


_PAY_TEXT = {"collector": ("name", "收款人"), "note": ("notes", "备注")}


def check_payment(member, data: dict) -> tuple[dict, list[str]]:
    """The payment's values and what to ask about first (an exempt member, a period already paid)."""
    member = member_ref(member)
    period = parse_period(data.get("period"))
    try:
        amount = to_decimal(data.get("amount"))
    except MoneyError as exc:
        raise ValidationError(f"实缴金额：{exc.message}", field="amount") from None
    if amount <= 0:
        raise ValidationError("实缴金额应大于 0", field="amount")
    if amount > rules.MAX_BASE:
        raise ValidationError(f"实缴金额 {amount:,.2f} 元不合常理，请核对", field="amount")
    values = {
        "member": member, "period": period.code, "amount": amount,
        "date": parse_date(data.get("date") or dt.date.today(), "缴费日期", "date", required=True),
        "method": choice(data.get("method"), rules.METHODS, "缴费方式", "method", "工资代扣"),
        "batch": textclean.clean_field(data.get("batch") or "", "short", "批次", field="batch"),
    }
    for key, (kind, label) in _PAY_TEXT.items():
        values[key] = textclean.clean_field(data.get(key) or "", kind, label, field=key)
    row = owed_for(member, period)
    warnings = []
    if row.outside:
        warnings.append(f"{member.name}在{period.label}初不是本会会员（{member.status}），仍要登记这笔会费吗？")
    elif row.exempt_reason:
        warnings.append(f"{member.name}免缴会费（{row.exempt_reason}），仍要登记{period.label}的缴费吗？")
    if row.payments or row.covered_by:
        warnings.append(f"{member.name}{period.label}已缴 {row.paid or row.owed:,.2f} 元"
                        + (f"（随{row.covered_by}）" if row.covered_by else "") + "，确定再登记一笔吗？")
    return values, warnings


def _next_receipt(year: int) -> str:
    name = f"dues-receipt-{year}"
    return rules.serial("HF", year, counters.next_value(name))


def _create(values: dict) -> DuesPayment:
    receipt = _next_receipt(values["date"].year) if values["method"] == "现金" else None
    return audit.create(DuesPayment, values={**values, "receipt": receipt})


def record_payment(member, data: dict, *, force: bool = False) -> DuesPayment:
    """One payment; asks first (NeedsConfirmation) unless `force`. Posted to the funds book."""
    values, warnings = check_payment(member, data)
    if warnings and not force:
        raise NeedsConfirmation(warnings)
    with database_proxy.atomic():
        payment = _create(values)
        money_moves.moved("dues", [payment])
    return payment


def record_payments(items: list[dict], batch: str) -> list[DuesPayment]:
    """Many payments at once (a payroll deduction list, 批量登记): one transaction; the funds book
    posts them as one entry for the batch. `items` are checked values (from `check_payment`)."""
    with database_proxy.atomic():
        payments = [_create({**values, "batch": batch}) for values in items]
        money_moves.moved("dues", payments)
    return payments


def keep_receipt(payment: DuesPayment, wanted: str) -> None:
    """A cash payment moved from another computer keeps the receipt number it was given there
    (HF2026-003) when that number is free here; the receipt counter moves past it, so a later
    receipt never takes it again."""
    import re

    if not wanted or payment.receipt == wanted or payment.method != "现金":
        return
    if DuesPayment.select().where(DuesPayment.receipt == wanted).exists():
        return  # taken here already: the payment keeps the number it was given
    audit.update(payment, note="按台账保留原收据号", values={"receipt": wanted})
    match = re.fullmatch(r"HF(\d{4})-(\d+)", wanted)
    if match:
        counters.raise_to(f"dues-receipt-{match.group(1)}", int(match.group(2)))


def void_payment(payment: DuesPayment, reason: str) -> DuesPayment:
    reason = textclean.clean_field(reason, "notes", "作废原因", field="reason")
    if not reason:
        raise ValidationError("请填写作废原因", field="reason")
    if payment.voided:
        raise ValidationError("这笔会费已作废", field="reason")
    with database_proxy.atomic():
        audit.update(payment, action="void", voided=True, void_reason=reason)
        money_moves.moved("dues", [payment])
    return payment


def payments_of(member) -> list[DuesPayment]:
    return list(DuesPayment.select().where(DuesPayment.member == member_ref(member))
                .order_by(DuesPayment.date.desc(), DuesPayment.id.desc()))


def payments_between(first: dt.date, last: dt.date) -> list[DuesPayment]:
    return list(DuesPayment.select(DuesPayment, Member).join(Member)
                .where(~DuesPayment.voided & DuesPayment.date.between(first, last)).order_by(DuesPayment.date, DuesPayment.id))


def paid_between(first: dt.date, last: dt.date) -> Decimal:
    fen = DuesPayment.select(fn.COALESCE(fn.SUM(DuesPayment.amount), 0)).where(
        ~DuesPayment.voided & DuesPayment.date.between(first, last)).scalar() or 0
    return (Decimal(fen) / 100).quantize(rules.CENT)


def flagged(today: dt.date | None = None) -> list[DuesRow]:
    """Members with six months or more unpaid (a warning for the chair, not an exit)."""
    today = today or dt.date.today()
    period = rules.period_of(today, period_kind())
    return [r for r in dues_rows(period, today) if r.arrears_months >= rules.ARREARS_FLAG_MONTHS]


def new_batch_name(period: rules.DuesPeriod, today: dt.date | None = None) -> str:
    """'2026-11·20261206001234123456': one payroll list's payments (one funds entry); to the
    microsecond, and never one already used, so two lists never share a batch."""
    while True:
        name = f"{period.code}·{dt.datetime.now():%Y%m%d%H%M%S%f}"[:32]
        if not DuesPayment.select().where(DuesPayment.batch == name).exists():
            return name
