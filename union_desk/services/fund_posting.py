"""Money moves once (DESIGN.md, issue 19): visits, assistance payments and activities post their own
entries to the funds book, linked both ways (FundLink), from their own services through the hook
"money" (`union_desk.areas`: Area.hooks). This module is that hook.

`posted(kind, records)` brings the book in line with each record: what the record owes the book
(`owed`) against what is posted for it (the sum of its links). A difference is posted:

- visits and assistance: the old posting is reversed (a negative entry pointing back, dated like the
  original while its period is open, else today) and, when something is owed, a new entry is made —
  an edit of an unprinted visit's amount or fund source re-posts; a void posts the reversal;
- activities: the difference is posted (the actual cost when it ends, then any change);
- a 送温暖 batch (several new visits of one batch, nothing posted yet) posts one entry
  ("春节送温暖 N人") linked to all its visits.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from peewee import fn

from union_desk.db.fund_models import FundEntry, FundLink
from union_desk.db.models import Activity, Assistance, Visit, database_proxy
from union_desk.domain import funds as rules
from union_desk.services import audit, funds

ZERO = rules.ZERO


def owed(kind: str, record) -> Decimal:
    if kind == "visit":
        return rules.owed(record.fund_source, record.voided, record.cash, record.goods_value, funds.posts_goods())
    if kind == "assistance":
        return rules.owed(record.fund_source, record.voided, record.cash, record.goods_value, funds.posts_goods())
    if kind == "activity":
        if getattr(record, "fund_source", rules.UNION_FUNDS) != rules.UNION_FUNDS or record.status != "已结束":
            return ZERO
        return record.actual_cost or ZERO
    if kind == "dues":
        return ZERO if record.voided else record.amount
    raise ValueError(f"unknown posting kind {kind}")


def posted_amount(kind: str, record_id: int) -> Decimal:
    total = FundLink.select(fn.COALESCE(fn.SUM(FundLink.amount), 0)).where(
        (FundLink.source_kind == kind) & (FundLink.source_id == record_id)).scalar() or 0
    return (Decimal(total) / 100).quantize(rules.CENT)


def _day(kind: str, record) -> dt.date:
    if kind == "activity":
        return (record.end or record.start).date()
    return record.date


def _summary(kind: str, record) -> str:
    if kind == "visit":
        who = record.member.name + (f"（{record.relative.name}）" if record.relative_id else "")
        return rules.visit_summary(record.visit_type.name, who, record.serial)
    if kind == "assistance":
        return f"困难帮扶·{record.kind} {record.file.member.name}"[:128]
    if kind == "dues":
        return rules.dues_summary(record.member.name, _period_label(record.period), record.method)
    return f"活动经费：{record.title}"[:128]


def _category(kind: str, record):
    if kind == "visit":  # a visit of a 送温暖 batch stays 送温暖 when it is edited later
        return funds.mapped_category(rules.visit_map_kind(record.visit_type.group, batch=bool(record.batch)))
    if kind == "activity":
        training = record.category in rules.TRAINING_CATEGORIES
        return funds.mapped_category("activity_training" if training else "activity")
    return funds.mapped_category(kind)


def _new_entry(kind: str, day: dt.date, summary: str, category, amount: Decimal, handler: str,
               links: list[tuple[str, int, Decimal]], note: str = "") -> FundEntry:
    funds.check_open(day)
    warning = funds.budget_warning(category, day, amount)
    entry = audit.create(FundEntry, serial=funds._next_serial(day.year), date=day, summary=summary, category=category,
                         amount=amount, handler=handler or "", over_budget_reason=f"{warning}（自动记账）" if warning else "",
                         notes=note)
    for source_kind, source_id, part in links:
        FundLink.create(entry=entry, source_kind=source_kind, source_id=source_id, amount=part)
    return entry


def _live_postings(kind: str, record_id: int) -> list[tuple[FundEntry, Decimal]]:
    """The record's postings not yet reversed for it: (entry, the record's part still standing)."""
    parts: dict[int, Decimal] = {}
    entries: dict[int, FundEntry] = {}
    for link in FundLink.select(FundLink, FundEntry).join(FundEntry).where(
            (FundLink.source_kind == kind) & (FundLink.source_id == record_id)):
        entry = link.entry
        root = entry.reverses_id or entry.id
        parts[root] = parts.get(root, ZERO) + link.amount
        if not entry.reverses_id:
            entries[root] = entry
    return [(entries[root], part) for root, part in parts.items() if part and root in entries]


def _in_line(kind: str, record, live: list[tuple[FundEntry, Decimal]]) -> bool:
    """The standing postings are dated and booked as the record now says (a changed date, visit
    type or activity category re-posts even when the amount stayed)."""
    day, category = _day(kind, record), _category(kind, record)
    return all(entry.date == day and entry.category_id == category.id for entry, _ in live)


def _sync(kind: str, record, today: dt.date) -> None:
    due, have = owed(kind, record), posted_amount(kind, record.id)
    live = _live_postings(kind, record.id)
    in_line = _in_line(kind, record, live)
    if due == have and (not due or in_line):
        return
    handler = getattr(record, "handler", "") or getattr(record, "organiser", "") or getattr(record, "collector", "")
    if kind == "activity" and have and in_line:
        difference = due - have
        if difference > 0:
            _new_entry(kind, _day(kind, record), f"{_summary(kind, record)}（费用调整）"[:128], _category(kind, record),
                       difference, handler, [(kind, record.id, difference)])
            return
        remaining = -difference  # lowered or cancelled: reverse from the latest postings back
        for entry, part in reversed(live):
            take = min(part, remaining)
            funds.reverse_entry(entry, "活动实际支出调整", today, links=[(kind, record.id, -take)], amount=take)
            remaining -= take
            if not remaining:
                break
        return
    for entry, part in live:
        voided = getattr(record, "voided", False)
        reason = f"记录作废：{record.void_reason}" if voided and record.void_reason else ("记录作废" if voided else "记录修改，重新记账")
        funds.reverse_entry(entry, reason, today, links=[(kind, record.id, -part)], amount=part)
    if due > 0:
        _new_entry(kind, _day(kind, record), _summary(kind, record), _category(kind, record), due, handler,
                   [(kind, record.id, due)])


def _post_batch(visits: list[Visit]) -> None:
    """One entry for a new 送温暖 batch, linked to each of its visits with its amount."""
    due = [(v, owed("visit", v)) for v in visits]
    due = [(v, amount) for v, amount in due if amount > 0]
    if not due:
        return
    first = due[0][0]
    total = sum((amount for _, amount in due), ZERO)
    summary = rules.batch_summary(first.visit_type.name, len(due))
    category = funds.mapped_category(rules.visit_map_kind(first.visit_type.group, batch=True))
    _new_entry("visit", first.date, summary, category, total, first.handler,
               [("visit", v.id, amount) for v, amount in due])


def _period_label(code: str) -> str:
    from union_desk.domain.membership import parse_period

    try:
        return parse_period(code).label
    except ValueError:
        return code


def _post_dues_batch(payments) -> None:
    """One entry for a payroll deduction list's payments ("2027年3月会费 工资代扣 52人")."""
    due = [(p, owed("dues", p)) for p in payments]
    due = [(p, amount) for p, amount in due if amount > 0]
    if not due:
        return
    first = due[0][0]
    total = sum((amount for _, amount in due), ZERO)
    summary = rules.dues_batch_summary(_period_label(first.period), first.method, len(due))
    _new_entry("dues", max(p.date for p, _ in due), summary, funds.mapped_category("dues"), total, first.collector,
               [("dues", p.id, amount) for p, amount in due])


def posted(kind: str, records, today: dt.date | None = None) -> None:
    """Hook "money": bring the funds book in line with `records` of `kind` (visit / assistance /
    activity / dues; a batch of new dues payments posts one entry). Runs inside the caller's transaction: a refusal (a closed period) undoes the caller's
    write too."""
    today = today or dt.date.today()
    records = list(records)
    if not records:
        return
    with database_proxy.atomic():
        if kind == "visit":
            batches: dict[str, list[Visit]] = {}
            singles = []
            for visit in records:
                fresh = visit.batch and not FundLink.select().where(
                    (FundLink.source_kind == "visit") & (FundLink.source_id == visit.id)).exists()
                (batches.setdefault(visit.batch, []) if fresh and len(records) > 1 else singles).append(visit)
            for group in batches.values():
                _post_batch(group)
            for visit in singles:
                _sync("visit", visit, today)
        elif kind == "dues" and len(records) > 1 and all(p.batch and not p.voided for p in records) and not FundLink.select().where(
                (FundLink.source_kind == "dues") & FundLink.source_id.in_([p.id for p in records])).exists():
            _post_dues_batch(records)
        else:
            for record in records:
                _sync(kind, record, today)


def _dues_model() -> tuple:
    """The dues payments' model when the membership area's tables exist (schema step 8)."""
    from union_desk.db.membership_models import DuesPayment

    return (("dues", DuesPayment),) if DuesPayment.table_exists() else ()


def repost_all(today: dt.date | None = None) -> int:
    """Bring every source record in line (after the goods setting or a category mapping changed:
    postings are then moved to the mapped category too): returns the number of records whose
    postings changed."""
    changed = 0
    with database_proxy.atomic():  # all records or none (a closed period refuses the whole run)
        for kind, model in (("visit", Visit), ("assistance", Assistance), ("activity", Activity), *_dues_model()):
            for record in model.select():
                before = posted_amount(kind, record.id)
                posted(kind, [record], today)
                changed += before != posted_amount(kind, record.id)
    return changed
