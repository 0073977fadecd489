"""Visits and condolences (走访慰问): recording, caps, serial numbers, voiding, batches, 应访未访.

Rules that matter to inspectors live here:
- every visit gets a serial number `WF<year>-<nnnn>` that is never reused (a counter per year);
- an amount over a cap (per visit, per member per year) is allowed only with a written reason;
- once a slip is printed its cash amount is fixed: a correction voids the visit (reason kept) and
  issues a new one that points back to it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from peewee import fn

from union_desk.db.models import (
    HardshipFile,
    Member,
    PlanItem,
    Relative,
    Visit,
    VisitType,
    database_proxy,
    now,
)
from union_desk import money_moves
from union_desk.domain import money, textclean
from union_desk.errors import NotFoundError, ValidationError
from union_desk.services import audit, counters

FUND_SOURCES = ("工会经费", "学校行政", "互助金", "社会捐助", "上级工会")
ZERO = Decimal("0.00")
MAX_SORT = 1_000_000
VISIT_FIELDS = (
    "date",
    "member",
    "relative",
    "visit_type",
    "reason",
    "place",
    "visitors",
    "cash",
    "goods",
    "goods_value",
    "fund_source",
    "handler",
    "follow_up",
    "over_cap_reason",
    "plan_item",
    "batch",
)
FIXED_ONCE_PRINTED = ("cash", "goods_value", "member", "visit_type", "date", "fund_source")
# Free-text fields: (kind in textclean.TEXT_LIMITS, label).
VISIT_TEXT = {
    "reason": ("notes", "事由"),
    "place": ("line", "地点"),
    "visitors": ("long_line", "慰问人员"),
    "goods": ("long_line", "慰问品"),
    "fund_source": ("line", "经费来源"),
    "handler": ("line", "经办人"),
    "follow_up": ("long", "跟进情况"),
    "over_cap_reason": ("notes", "超标准原因"),
    "batch": ("short", "批次"),
}
MONEY_LABELS = {
    "cash": "慰问金",
    "goods_value": "慰问品价值",
    "standard_amount": "标准金额",
    "cap_per_visit": "每次上限",
    "cap_per_member_year": "每人每年上限",
}


class CapExceeded(ValidationError):
    """The amount is over a cap: allowed, but only with `over_cap_reason` filled in."""

    def __init__(self, warnings: list[str]):
        super().__init__("；".join(warnings) + "。如确需超标准发放，请填写原因。", field="cash")
        self.warnings = warnings


@dataclass
class VisitFilter:
    year: int | None = None
    month: int | None = None
    visit_type_id: int | None = None
    member_id: int | None = None
    fund_source: str = ""
    text: str = ""
    include_voided: bool = True


# --- serial numbers -----------------------------------------------------------------------------


SERIAL_PATTERN = re.compile(r"^WF(\d{4})-(\d{4,8})\Z")  # fits Visit.serial (16) and SQLite's integers


def next_serial(year: int) -> str:
    """The next slip number of `year`; must be called inside the transaction that uses it."""
    name = f"visit-serial-{year}"
    value = counters.next_value(name)
    return f"WF{year}-{value:04d}"


def claim_serial(serial: str, day: dt.date) -> str:
    """Take a given slip number (a visit imported from a ledger keeps its number): it must look
    like WF<year>-<nnnn> with the year of the visit and be unused; the year's counter moves past it,
    so a new slip never gets the same number."""
    match = SERIAL_PATTERN.match(serial or "")
    if not match:
        raise ValidationError(f"单号“{serial}”格式不对，应为 WF{day.year}-0001 的形式", field="serial")
    year, number = int(match.group(1)), int(match.group(2))
    if year != day.year:
        raise ValidationError(f"单号“{serial}”的年份与走访日期 {day:%Y-%m-%d} 不符", field="serial")
    if Visit.select().where(Visit.serial == serial).exists():
        raise ValidationError(f"单号“{serial}”已被另一条走访记录使用", field="serial")
    name = f"visit-serial-{year}"
    counters.raise_to(name, number)
    return serial


# --- checking -----------------------------------------------------------------------------------


def _amount(raw, key: str) -> Decimal:
    """A money field (blank is 0): at most money.MAX_AMOUNT, never negative."""
    try:
        return money.parse_amount(raw if raw not in (None, "") else 0)
    except ValueError as exc:
        raise ValidationError(f"{MONEY_LABELS[key]}：{exc}", field=key) from exc


def _get(model, value, label: str):
    if value is None or value == "":
        return None
    if isinstance(value, model):
        return value
    number = textclean.clean_int(value, f"{label}编号", 1, textclean.MAX_DB_INT, field=label)
    obj = model.get_or_none(model.id == number)
    if obj is None:
        raise ValidationError(f"找不到所选的{label}", field=label)
    return obj


_LINKS = {"member": (Member, "会员"), "relative": (Relative, "亲属"), "visit_type": (VisitType, "慰问类别"), "plan_item": (PlanItem, "计划事项")}


def _clean_value(key: str, raw):
    """One field of VISIT_FIELDS, cleaned; ValidationError naming the field."""
    if key not in VISIT_FIELDS:
        raise ValueError(f"unknown visit field {key}")
    if key == "date":
        try:
            day = textclean.parse_loose_date(raw)
        except ValueError as exc:
            raise ValidationError(f"日期：{exc}", field=key) from exc
        if day is None:
            raise ValidationError("请填写走访日期", field=key)
        if day > dt.date.today() + dt.timedelta(days=31):
            raise ValidationError("走访日期不能晚于一个月以后", field=key)
        return day
    if key in ("cash", "goods_value"):
        return _amount(raw, key)
    if key in _LINKS:
        model, label = _LINKS[key]
        return _get(model, raw, label)
    kind, label = VISIT_TEXT[key]
    return textclean.clean_field(raw, kind, label, field=key)


def check_visit(data: dict, *, visit: Visit | None = None) -> dict:
    """Clean visit data (keys of VISIT_FIELDS); raises ValidationError for the first problem."""
    values = {key: _clean_value(key, raw) for key, raw in data.items()}
    merged = {name: getattr(visit, name) for name in VISIT_FIELDS} if visit else {}
    merged.update(values)
    if merged.get("member") is None:
        raise ValidationError("请选择受慰问的会员", field="member")
    if merged.get("visit_type") is None:
        raise ValidationError("请选择慰问类别", field="visit_type")
    relative = merged.get("relative")
    if relative is not None and relative.member_id != merged["member"].id:
        raise ValidationError(f"{relative.name} 不是 {merged['member'].name} 的亲属", field="relative")
    if merged["visit_type"].needs_relative and relative is None:
        raise ValidationError(f"“{merged['visit_type'].name}”需要选择去世的亲属", field="relative")
    source = merged.get("fund_source")
    if source and source not in FUND_SOURCES:
        raise ValidationError(f"“{source}”不是有效的经费来源（可选：{'、'.join(FUND_SOURCES)}）", field="fund_source")
    return values


def cap_warnings(member: Member, visit_type: VisitType, when: dt.date, cash: Decimal, exclude_id: int | None = None,
                 goods_value: Decimal = ZERO) -> list[str]:
    """Which caps this amount goes over: the type's own caps (cash; the per-year cap counts the
    member's other visits of the type), then the caps other areas add (hook "visit_caps": the funds
    area's cap groups across visit types, goods included where they count)."""
    from union_desk import areas

    found = []
    if visit_type.cap_per_visit is not None and cash > visit_type.cap_per_visit:
        found.append(f"{visit_type.name}每次标准上限 {visit_type.cap_per_visit:,.2f} 元，本次 {cash:,.2f} 元")
    if visit_type.cap_per_member_year is not None:
        others = Visit.select(fn.COALESCE(fn.SUM(Visit.cash), 0)).where(
            (Visit.member == member)
            & (Visit.visit_type == visit_type)
            & (Visit.voided == False)  # noqa: E712 - peewee expression
            & (Visit.date.between(dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)))
        )
        if exclude_id:
            others = others.where(Visit.id != exclude_id)
        spent = (Decimal(others.scalar() or 0) / 100).quantize(money.CENT)
        if spent + cash > visit_type.cap_per_member_year:
            found.append(
                f"{member.name}本年{visit_type.name}已发 {spent:,.2f} 元，加上本次共 {spent + cash:,.2f} 元，"
                f"超过每人每年上限 {visit_type.cap_per_member_year:,.2f} 元"
            )
    for check in areas.hooks("visit_caps"):
        found += check(member, visit_type, when, cash, goods_value or ZERO, exclude_id)
    return found


# --- writing ------------------------------------------------------------------------------------


def counted_visits():
    """Visits that count (for a plan item's links, totals): not voided."""
    return ~Visit.voided


def create_visit(data: dict, note: str = "", *, post: bool = True) -> Visit:
    """A new visit; its 工会经费 payment is posted to the funds book in the same transaction
    (`post=False`: the caller posts it, as a 送温暖 batch does with one entry for all)."""
    values = check_visit(data)
    values.setdefault("cash", values["visit_type"].standard_amount)
    values.setdefault("date", dt.date.today())
    warnings = cap_warnings(values["member"], values["visit_type"], values["date"], values["cash"],
                            goods_value=values.get("goods_value", ZERO))
    if warnings and not values.get("over_cap_reason"):
        raise CapExceeded(warnings)
    with database_proxy.atomic():
        values["serial"] = next_serial(values["date"].year)
        visit = audit.create(Visit, note=note, **values)
        if post:
            money_moves.moved("visit", [visit])
        return visit


def restore_visit(data: dict, *, serial: str | None = None, void_reason: str = "", note: str = "") -> tuple[Visit, list[str]]:
    """A visit as a ledger records it (台账导入): it keeps the ledger's slip number (see
    `claim_serial`; a new one when there is none), is voided again when the ledger says 作废, and
    an amount over a cap is kept as it was paid — the caps it goes over are returned, not refused.
    Returns (visit, cap warnings)."""
    values = check_visit(data)
    if values.get("date") is None:
        raise ValidationError("请填写走访日期", field="date")
    values.setdefault("cash", ZERO)
    quiet = values.get("over_cap_reason") or void_reason  # a voided slip paid nothing
    warnings = [] if quiet else cap_warnings(values["member"], values["visit_type"], values["date"], values["cash"],
                                             goods_value=values.get("goods_value", ZERO))
    with database_proxy.atomic():
        values["serial"] = claim_serial(serial, values["date"]) if serial else next_serial(values["date"].year)
        visit = audit.create(Visit, note=note, **values)
        if void_reason:
            void_visit(visit, void_reason)
        else:
            money_moves.moved("visit", [visit])
    return visit, warnings


def set_replaces(visit: Visit, original: Visit) -> dict:
    """Record that `visit` was issued to replace the voided `original` (as `reissue` does)."""
    return audit.update(visit, replaces=original, note=f"重开：替代 {original.serial}")


def update_visit(visit: Visit, data: dict, note: str = "") -> dict:
    if visit.voided:
        raise ValidationError("已作废的记录不能修改", field="voided")
    values = check_visit(data, visit=visit)
    if visit.printed_at:
        fixed = [k for k in FIXED_ONCE_PRINTED if k in values and _differs(getattr(visit, k), values[k])]
        if fixed:
            raise ValidationError(
                f"记录单 {visit.serial} 已打印，金额、对象、类别和日期不能再改。请作废后重新登记。",
                field=fixed[0],
            )
    member = values.get("member", visit.member)
    vtype = values.get("visit_type", visit.visit_type)
    when = values.get("date", visit.date)
    cash = values.get("cash", visit.cash)
    warnings = cap_warnings(member, vtype, when, cash, exclude_id=visit.id,
                            goods_value=values.get("goods_value", visit.goods_value))
    if warnings and not values.get("over_cap_reason", visit.over_cap_reason):
        raise CapExceeded(warnings)
    with database_proxy.atomic():
        changed = audit.update(visit, note=note, **values)
        if {"cash", "goods_value", "fund_source", "date", "visit_type", "member"} & set(changed):
            money_moves.moved("visit", [visit])  # re-posted: the old entry reversed, a new one made
    return changed


def _differs(old, new) -> bool:
    old_id = getattr(old, "id", old)
    new_id = getattr(new, "id", new)
    return old_id != new_id


def void_visit(visit: Visit, reason: str) -> Visit:
    reason = textclean.clean_field(reason, "notes", "作废原因", field="void_reason")
    if not reason:
        raise ValidationError("作废必须填写原因", field="void_reason")
    if visit.voided:
        raise ValidationError(f"记录单 {visit.serial} 已经作废", field="voided")
    with database_proxy.atomic():
        audit.update(visit, action="void", note=reason, voided=True, void_reason=reason, voided_at=now())
        money_moves.moved("visit", [visit])  # the reversal
    return visit


def reissue(visit: Visit, reason: str, changes: dict) -> Visit:
    """Void `visit` and issue a corrected copy with a new serial number, in one transaction."""
    with database_proxy.atomic():
        void_visit(visit, reason)
        data = {name: getattr(visit, name) for name in VISIT_FIELDS}
        data.update(changes)
        data["follow_up"] = data.get("follow_up") or ""
        new = create_visit(data, note=f"重开：替代 {visit.serial}")
        new.replaces = visit
        new.save()
    return new


def mark_printed(visit: Visit) -> bool:
    """Record the first printing; returns True when this is a reprint (补打)."""
    if visit.printed_at:
        return True
    audit.update(visit, action="update", note="打印记录单", printed_at=now())
    return False


def mark_printed_many(visits: list[Visit]) -> list[bool]:
    """`mark_printed` for a whole batch of slips: one UPDATE and one multi-row audit insert
    instead of four queries per slip (500 slips: ~20 ms instead of ~1 s). The audit rows are
    the ones `mark_printed` writes. Returns, per visit, True when it is a reprint (补打)."""
    import json

    from union_desk.db.models import AuditLog

    reprints = [v.printed_at is not None for v in visits]
    first = list({v.id: v for v, again in zip(visits, reprints) if not again}.values())
    if not first:
        return reprints
    stamp = now()
    actor = audit.current_actor()
    after = json.dumps({"printed_at": stamp.isoformat()}, ensure_ascii=False)
    before = json.dumps({"printed_at": None}, ensure_ascii=False)
    with database_proxy.atomic():
        for start in range(0, len(first), 500):
            chunk = [v.id for v in first[start : start + 500]]
            Visit.update(printed_at=stamp, updated_at=stamp).where(
                Visit.id.in_(chunk) & Visit.printed_at.is_null()
            ).execute()
        rows = [
            {"at": stamp, "actor": actor, "action": "update", "table_name": Visit._meta.table_name,
             "record_id": v.id, "before": before, "after": after, "note": "打印记录单"}
            for v in first
        ]
        for start in range(0, len(rows), 100):  # 9 columns × 100 rows: well under SQLite's limit
            AuditLog.insert_many(rows[start : start + 100]).execute()
    for v in first:
        v.printed_at = stamp
        v.updated_at = stamp
    return reprints


def batch_visits(
    member_ids: list[int],
    visit_type_id: int,
    amount,
    when: dt.date,
    *,
    reason: str = "",
    fund_source: str = "工会经费",
    handler: str = "",
    visitors: str = "",
    over_cap_reason: str = "",
) -> list[Visit]:
    """送温暖 for many members at once: all visits or none; one batch label for the sign-off sheet."""
    if not member_ids:
        raise ValidationError("没有选中任何会员", field="member")
    shared = {"cash": amount, "reason": reason, "fund_source": fund_source, "handler": handler,
              "visitors": visitors, "over_cap_reason": over_cap_reason}
    for key, raw in shared.items():  # one message for the whole batch, not one per member
        _clean_value(key, raw)
    batch = f"B{now():%Y%m%d%H%M%S}"
    created = []
    problems = []
    over_caps: list[str] = []
    with database_proxy.atomic():
        for member_id in dict.fromkeys(member_ids):
            try:
                created.append(
                    create_visit(
                        {
                            "member": member_id,
                            "visit_type": visit_type_id,
                            "cash": amount,
                            "date": when,
                            "reason": reason,
                            "fund_source": fund_source,
                            "handler": handler,
                            "visitors": visitors,
                            "over_cap_reason": over_cap_reason,
                            "batch": batch,
                        },
                        note="批量慰问",
                        post=False,
                    )
                )
            except CapExceeded as exc:
                over_caps.extend(exc.warnings)
            except ValidationError as exc:
                member = Member.get_or_none(Member.id == member_id)
                problems.append(f"{member.name if member else member_id}：{exc.message}")
        # raising inside the transaction undoes the visits already made
        if problems:
            raise ValidationError("以下会员不能登记，整批未保存：\n" + "\n".join(problems))
        if over_caps:  # only caps in the way: the caller may ask for one reason and retry
            refused = CapExceeded(over_caps)
            refused.message = "整批未保存：" + refused.message
            raise refused
        money_moves.moved("visit", created)  # one funds entry for the batch
    return created


def get_visit(visit_id: int) -> Visit:
    visit = Visit.get_or_none(Visit.id == visit_id) if textclean.fits_db_int(visit_id) else None
    if visit is None:
        raise NotFoundError(f"找不到编号为 {visit_id} 的走访记录")
    return visit


# --- reading ------------------------------------------------------------------------------------


def visits_query(filters: VisitFilter | None = None):
    filters = filters or VisitFilter()
    query = Visit.select(Visit, Member, VisitType).join(Member).switch(Visit).join(VisitType)
    if filters.year:
        start, end = dt.date(filters.year, 1, 1), dt.date(filters.year, 12, 31)
        if filters.month:
            start = dt.date(filters.year, filters.month, 1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        query = query.where(Visit.date.between(start, end))
    if filters.visit_type_id:
        query = query.where(Visit.visit_type == filters.visit_type_id)
    if filters.member_id:
        query = query.where(Visit.member == filters.member_id)
    if filters.fund_source:
        query = query.where(Visit.fund_source == filters.fund_source)
    text = (filters.text or "").strip().lower()
    if text:
        query = query.where(
            Member.name.contains(text)
            | (Member.pinyin_key ** f"%{text}%")
            | VisitType.name.contains(text)
            | Visit.serial.contains(text)
        )
    if not filters.include_voided:
        query = query.where(Visit.voided == False)  # noqa: E712 - peewee expression
    return query.order_by(Visit.date.desc(), Visit.serial.desc())


def list_visits(year: int | None = None, text: str = "", include_voided: bool = True):
    return list(visits_query(VisitFilter(year=year, text=text, include_voided=include_voided)))


def totals(visits) -> tuple[int, Decimal]:
    """(人次, 金额) of the visits that are not voided."""
    valid = [v for v in visits if not v.voided]
    return len(valid), sum((v.cash for v in valid), ZERO)


def year_totals(year: int) -> tuple[int, Decimal]:
    """(人次, 金额) of the year's visits that are not voided, counted in SQL."""
    count, fen = (
        Visit.select(fn.COUNT(Visit.id), fn.COALESCE(fn.SUM(Visit.cash), 0))
        .where(
            Visit.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
            & (Visit.voided == False)  # noqa: E712 - peewee expression
        )
        .tuples()
        .get()
    )
    return count, Visit.cash.python_value(fen)


# --- 应访未访 -------------------------------------------------------------------------------------


@dataclass
class DueVisit:
    member: Member
    reason: str
    visit_type_name: str
    relative: Relative | None = None
    extra: dict = field(default_factory=dict)


def _last_visits(since: dt.date, type_names: tuple[str, ...] | None = None, member_ids=None) -> dict[int, dt.date]:
    """Each member's latest valid visit on or after `since` (of the given types; of the given
    members only, when there are few of them): one query."""
    query = (
        Visit.select(Visit.member, fn.MAX(Visit.date))
        .join(VisitType)
        .where((Visit.date >= since) & (Visit.voided == False))  # noqa: E712 - peewee expression
    )
    if type_names:
        query = query.where(VisitType.name.in_(type_names))
    if member_ids is not None and len(member_ids) <= 500:
        query = query.where(Visit.member.in_(list(member_ids)))
    return {member_id: Visit.date.python_value(last) for member_id, last in query.group_by(Visit.member).tuples()}


def due_visits(today: dt.date | None = None) -> list[DueVisit]:
    """Members with a reason to be visited and no visit for it yet (a few queries in all), by date.

    `reason` says why after the suggested type (首页 shows "姓名  类别：理由", e.g. "生日：12月13日"),
    without repeating it; `extra["date"]` is the day the reason dates from (a hardship file not
    visited this year: 1 January), the order of the list. 即将退休 (issue 15): members 在职 whose
    statutory retirement date (domain.retirement) is within 6 months, type 退休, reason
    "2027-03-01 到龄", dated by that day (so after today's reasons), `extra["soon"]` set."""
    today = today or dt.date.today()
    year_start = dt.date(today.year, 1, 1)
    due: list[DueVisit] = []
    files = (
        HardshipFile.select(HardshipFile, Member)
        .join(Member)
        .where(HardshipFile.status.in_(("在档", "临时")) & (Member.status.in_(("在职", "退休"))))
    )
    files = list(files)
    visited_this_year = _last_visits(year_start, member_ids={f.member_id for f in files})
    for f in files:
        if f.member_id not in visited_this_year:
            due.append(DueVisit(f.member, f"{f.grade}，本年尚未走访", "家庭困难", extra={"date": year_start}))
    recent = today - dt.timedelta(days=60)
    send_offs = _last_visits(recent - dt.timedelta(days=1), ("退休",))
    for m in Member.select().where((Member.status == "退休") & (Member.status_date >= recent)):
        if send_offs.get(m.id, dt.date.min) < m.status_date:
            due.append(DueVisit(m, f"{m.status_date:%Y-%m-%d}", "退休", extra={"date": m.status_date}))
    # 即将退休 (issue 15): the statutory date within 6 months; a 退休 visit in the 6 months before
    # that date counts as the send-off already made
    from union_desk.domain.retirement import add_months
    from union_desk.services.members import RETIRING_MONTHS, retiring_soon

    soon = retiring_soon(today)
    if soon:
        seen = _last_visits(add_months(today, -RETIRING_MONTHS), ("退休",), member_ids={m.id for m, _ in soon})
        for m, when in soon:
            if seen.get(m.id, dt.date.min) < add_months(when, -RETIRING_MONTHS):
                # "到龄" (reaches the age): the reason never repeats the type (首页: "姓名  退休：…")
                due.append(DueVisit(m, f"{when:%Y-%m-%d} 到龄", "退休", extra={"date": when, "soon": True}))
    relatives = (
        Relative.select(Relative, Member)
        .join(Member)
        .where((Relative.death_date >= recent) & (Member.status.in_(("在职", "退休"))))
    )
    relatives = list(relatives)
    condoled = {
        relative_id
        for (relative_id,) in Visit.select(Visit.relative)
        .where(Visit.relative.in_([r.id for r in relatives]) & (Visit.voided == False))  # noqa: E712
        .tuples()
    } if relatives else set()
    for r in relatives:
        if r.id not in condoled:
            due.append(DueVisit(r.member, f"{r.relation}{r.name}，{r.death_date:%Y-%m-%d}", "直系亲属去世", r,
                                extra={"date": r.death_date}))
    birthday_type = VisitType.get_or_none((VisitType.name == "生日") & (VisitType.active == True))  # noqa: E712
    if birthday_type:
        from union_desk.domain.festivals import birthday_in_year

        month = f"{today.month:02d}"
        greeted = _last_visits(dt.date(today.year, today.month, 1), ("生日",))
        for m in Member.select().where((Member.status == "在职") & (fn.strftime("%m", Member.birth_date) == month)):
            if m.id not in greeted:
                birthday = birthday_in_year(m.birth_date, today.year, False)  # 29 Feb -> 28 Feb
                due.append(DueVisit(m, f"{birthday.month}月{birthday.day}日", "生日", extra={"date": birthday}))
    due.sort(key=lambda d: (d.extra["date"], d.member.department or "", d.member.pinyin_key or d.member.name,
                            d.member.id))
    return due


# --- visit types (慰问类别与标准) ------------------------------------------------------------------


def visit_types(active_only: bool = True) -> list[VisitType]:
    query = VisitType.select().order_by(VisitType.sort_order, VisitType.id)
    if active_only:
        query = query.where(VisitType.active == True)  # noqa: E712 - peewee expression
    return list(query)


def save_visit_type(data: dict, visit_type: VisitType | None = None) -> VisitType:
    """Create or edit a visit type; types in use are retired (active=False), never deleted."""
    name = textclean.clean_field(data.get("name", visit_type.name if visit_type else ""), "short", "类别名称", field="name")
    if not name:
        raise ValidationError("类别名称不能为空", field="name")
    clash = VisitType.select().where(VisitType.name == name)
    if visit_type:
        clash = clash.where(VisitType.id != visit_type.id)
    if clash.exists():
        raise ValidationError(f"已有名为“{name}”的慰问类别", field="name")
    values = {"name": name}
    for key in ("standard_amount", "cap_per_visit", "cap_per_member_year"):
        if key in data:
            raw = data[key]
            if raw in (None, "") and key != "standard_amount":
                values[key] = None
                continue
            values[key] = _amount(raw, key)
    if "group" in data:
        values["group"] = textclean.clean_field(data["group"], "word", "分组", field="group")
    for key in ("needs_relative", "active"):
        if key in data:
            values[key] = bool(data[key])
    if "sort_order" in data:
        values["sort_order"] = textclean.clean_int(data["sort_order"], "排序", -MAX_SORT, MAX_SORT, field="sort_order") or 0
    if visit_type is None:
        return audit.create(VisitType, **values)
    audit.update(visit_type, **values)
    return visit_type
