"""工会经费 (issue 19): the funds book — categories, entries (by hand, or posted from a source record
by `services.fund_posting`), reversals, opening balances, budgets, closed periods, cap groups across
visit types, and the figures of the reports (明细账, 收支汇总表, 预算执行, 决算, 经费审查).

Every write goes through `services.audit`; the pure rules are in `domain.funds`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from peewee import fn

from union_desk.db.fund_models import (
    Budget,
    CapGroup,
    CapGroupType,
    FundCategory,
    FundClosing,
    FundEntry,
    FundLink,
    FundYear,
)
from union_desk.db.models import Member, Visit, VisitType, database_proxy
from union_desk.domain import funds as rules
from union_desk.domain import textclean
from union_desk.errors import ValidationError
from union_desk.services import audit, counters
from union_desk.services.record_fields import get_record, parse_date

ZERO = rules.ZERO


def get_entry(entry_id) -> FundEntry:
    return get_record(FundEntry, entry_id, "记账凭证")


def get_category(category_id) -> FundCategory:
    return get_record(FundCategory, category_id, "科目")


def get_cap_group(group_id) -> CapGroup:
    return get_record(CapGroup, group_id, "限额组")


# --- settings ------------------------------------------------------------------------------------------


def _setting(key: str) -> str:
    from union_desk.services import settings

    return settings.get(key)


def posts_goods() -> bool:
    """Whether visits and assistance post their goods' value too (by default cash only: goods are
    usually bought on one invoice and booked from it)."""
    return _setting("funds_post_goods") == "1"


def mapped_category(kind: str) -> FundCategory:
    """The category postings of `kind` go to (setting funds_map_<kind>, else the default)."""
    code = (_setting(f"funds_map_{kind}") or rules.DEFAULT_MAP[kind]).strip()
    category = FundCategory.get_or_none(FundCategory.code == code) or category_by_code(rules.DEFAULT_MAP[kind])
    if category is None:
        raise ValidationError(f"找不到自动记账用的科目“{code}”，请在“设置 → 工会经费”中重新选择", field=f"funds_map_{kind}")
    return category


def mapped_codes() -> set[str]:
    """The codes automatic postings go to (the defaults and the settings)."""
    return {*rules.DEFAULT_MAP.values(), *(_setting(f"funds_map_{kind}").strip() for kind in rules.DEFAULT_MAP)} - {""}


def check_code_setting(value: str) -> str:
    code = value.strip()
    if not FundCategory.select().where(FundCategory.code == code).exists():
        raise ValidationError(f"没有编码为“{code}”的科目", field="funds_map")
    return code


def check_flag_setting(value: str) -> str:
    text = value.strip()
    if text in ("1", "是"):
        return "1"
    if text in ("0", "否"):
        return "0"
    raise ValidationError("应为“是”或“否”（1 或 0）", field="funds_post_goods")


# --- categories ----------------------------------------------------------------------------------------


def categories(active_only: bool = False) -> list[FundCategory]:
    query = FundCategory.select()
    if active_only:
        query = query.where(FundCategory.active)
    return list(query.order_by(FundCategory.sort_order, FundCategory.code))


def category_by_code(code: str) -> FundCategory | None:
    return FundCategory.get_or_none(FundCategory.code == (code or "").strip())


def category_label(category: FundCategory) -> str:
    return f"{category.code} {category.name}"


def find_category(text: str) -> FundCategory | None:
    """'1.4', '1.4 职工集体福利支出' or '职工集体福利支出'."""
    text = (text or "").strip()
    head = text.split(" ", 1)[0]
    return category_by_code(head) or FundCategory.get_or_none(FundCategory.name == text.split(" ", 1)[-1])


def save_category(data: dict, category: FundCategory | None = None) -> FundCategory:
    values: dict = {}
    if "code" in data or category is None:
        code = textclean.clean_field(data.get("code"), "word", "科目编码", field="code")
        import re

        if not re.fullmatch(r"\d\.\d{1,2}", code or ""):
            raise ValidationError("科目编码应写成 1.4 的形式（收入以 0. 开头）", field="code")
        clash = FundCategory.select().where(FundCategory.code == code)
        if category is not None:
            clash = clash.where(FundCategory.id != category.id)
        if clash.exists():
            raise ValidationError(f"科目编码“{code}”已经存在", field="code")
        if category is not None and code != category.code and category.entries.count():
            raise ValidationError("这个科目已有记账，编码不能再改", field="code")
        if category is not None and code != category.code and category.code in mapped_codes():
            raise ValidationError("这个科目用于自动记账，编码不能再改", field="code")
        values["code"] = code
        values["kind"] = rules.direction(code)
    if "name" in data or category is None:
        values["name"] = textclean.clean_field(data.get("name"), "short", "科目名称", field="name")
        if not values["name"]:
            raise ValidationError("请填写科目名称", field="name")
    if "active" in data:
        values["active"] = bool(data["active"])
    if category is None:
        values["sort_order"] = (FundCategory.select(fn.MAX(FundCategory.sort_order)).scalar() or 0) + 1
        return audit.create(FundCategory, **values)
    audit.update(category, **values)
    return category


def delete_category(category: FundCategory) -> None:
    """Only a category without entries or budgets; one that has entries can only be retired."""
    if category.entries.count():
        raise ValidationError(f"科目“{category_label(category)}”已有记账，不能删除，只能停用", field="category")
    if category.code in mapped_codes():
        raise ValidationError(f"科目“{category_label(category)}”用于自动记账，不能删除，只能停用", field="category")
    with database_proxy.atomic():
        Budget.delete().where(Budget.category == category).execute()
        audit.record("delete", category, before=audit.snapshot(category), note="删除科目")
        category.delete_instance()


# --- closed periods ------------------------------------------------------------------------------------


def closing_of(day: dt.date) -> FundClosing | None:
    return FundClosing.get_or_none((FundClosing.closed == True) & (FundClosing.start_date <= day) & (FundClosing.end_date >= day))  # noqa: E712


def check_open(day: dt.date) -> None:
    closing = closing_of(day)
    if closing is not None:
        raise ValidationError(
            f"{closing.label}的经费账已结账，不能再记入{day:%Y-%m-%d}的收支（如需更正，请先在经费页面反结账）",
            field="date")


def close_period(label: str, start, end) -> FundClosing:
    label = textclean.clean_field(label, "short", "结账期间", field="label")
    start = parse_date(start, "开始日期", "start_date", required=True)
    end = parse_date(end, "结束日期", "end_date", required=True)
    if end < start:
        raise ValidationError("结束日期早于开始日期", field="end_date")
    existing = FundClosing.get_or_none((FundClosing.start_date == start) & (FundClosing.end_date == end))
    if existing is not None:
        if existing.closed:
            raise ValidationError(f"{existing.label}已经结账", field="label")
        audit.update(existing, closed=True, label=label or existing.label, note="重新结账")
        return existing
    return audit.create(FundClosing, label=label or f"{start:%Y-%m-%d}至{end:%Y-%m-%d}", start_date=start, end_date=end)


def reopen_period(closing: FundClosing, reason: str) -> dict:
    reason = textclean.clean_field(reason, "notes", "反结账原因", field="reason")
    if not reason:
        raise ValidationError("反结账须写明原因", field="reason")
    return audit.update(closing, closed=False, note=f"反结账：{reason}")


def closings() -> list[FundClosing]:
    return list(FundClosing.select().order_by(FundClosing.start_date.desc()))


# --- entries -------------------------------------------------------------------------------------------


def _next_serial(year: int) -> str:
    name = f"fund-serial-{year}"
    return rules.serial(year, counters.next_value(name))


def claim_serial(serial: str, day: dt.date) -> str:
    import re

    match = re.fullmatch(r"JZ(\d{4})-(\d{4,6})", (serial or "").strip())
    if not match or int(match.group(1)) != day.year:
        raise ValidationError(f"凭证号“{serial}”格式不对，应为 JZ{day.year}-0001 的形式", field="serial")
    if FundEntry.select().where(FundEntry.serial == serial.strip()).exists():
        raise ValidationError(f"凭证号“{serial}”已被使用", field="serial")
    name = f"fund-serial-{day.year}"
    counters.raise_to(name, int(match.group(2)))
    return serial.strip()


def spent_in(category: FundCategory, year: int, exclude_id: int | None = None) -> Decimal:
    query = FundEntry.select(fn.COALESCE(fn.SUM(FundEntry.amount), 0)).where(
        (FundEntry.category == category) & FundEntry.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if exclude_id:
        query = query.where(FundEntry.id != exclude_id)
    return (Decimal(query.scalar() or 0) / 100).quantize(rules.CENT)


def budget_of(category: FundCategory, year: int) -> Decimal | None:
    row = Budget.get_or_none((Budget.year == year) & (Budget.category == category))
    return row.amount if row else None


def budget_warning(category: FundCategory, day: dt.date, amount: Decimal) -> str:
    if rules.is_income(category.code):
        return ""
    return rules.budget_warning(spent_in(category, day.year), amount, budget_of(category, day.year))


class OverBudget(ValidationError):
    """The entry takes its category past the budget: give a reason and save again."""

    def __init__(self, warning: str):
        super().__init__(f"{warning}，请填写超预算原因后再保存", field="over_budget_reason")
        self.warning = warning


ENTRY_TEXT = {"summary": ("long_line", "摘要"), "handler": ("name", "经办人"), "notes": ("notes", "备注"),
              "over_budget_reason": ("notes", "超预算原因")}


def _entry_values(data: dict) -> dict:
    values: dict = {}
    for key, raw in data.items():
        if key in ENTRY_TEXT:
            kind, label = ENTRY_TEXT[key]
            values[key] = textclean.clean_field(raw, kind, label, field=key)
        elif key == "date":
            values[key] = parse_date(raw, "日期", key, required=True)
        elif key == "category":
            category = raw if isinstance(raw, FundCategory) else find_category(str(getattr(raw, "code", raw) or ""))
            if category is None:
                raise ValidationError(f"未知的科目“{raw}”", field=key)
            values[key] = category
        elif key == "amount":
            values[key] = rules.parse_hand_amount(raw)
        elif key == "attachments":
            values[key] = textclean.clean_int(raw, "附件张数", 0, 999, field=key) or 0
        else:
            raise ValueError(f"unknown entry field {key}")
    return values


def add_entry(data: dict, serial: str | None = None) -> tuple[FundEntry, list[str]]:
    """An entry typed by hand (拨缴经费 received, a purchase …). A date in a closed period is refused;
    past the budget needs `over_budget_reason`. Returns (entry, warnings)."""
    values = _entry_values(data)
    for key, label in (("date", "日期"), ("summary", "摘要"), ("category", "科目"), ("amount", "金额")):
        if not values.get(key):
            raise ValidationError(f"请填写{label}", field=key)
    category = values["category"]
    if not category.active:
        raise ValidationError(f"科目“{category_label(category)}”已停用", field="category")
    check_open(values["date"])
    warning = budget_warning(category, values["date"], values["amount"])
    if warning and not values.get("over_budget_reason"):
        raise OverBudget(warning)
    with database_proxy.atomic():
        number = claim_serial(serial, values["date"]) if serial else _next_serial(values["date"].year)
        entry = audit.create(FundEntry, serial=number, **values)
    return entry, [warning] if warning else []


def _reversal_day(original: FundEntry, today: dt.date) -> dt.date:
    """Dated like the original while its period is open, else the day of the void."""
    return original.date if closing_of(original.date) is None else today


def reverse_entry(original: FundEntry, reason: str, today: dt.date | None = None,
                  links: list[tuple[str, int, Decimal]] | None = None, amount: Decimal | None = None) -> FundEntry:
    """A reversing entry: the same category, the negative amount (all of it, or `amount`), pointing
    back. `links` say which source records the reversal is for (a posting's own links by default)."""
    today = today or dt.date.today()
    reason = textclean.clean_field(reason, "notes", "冲销原因", field="reason")
    if not reason:
        raise ValidationError("冲销须写明原因", field="reason")
    if original.reverses_id:
        raise ValidationError("冲销凭证不能再冲销", field="entry")
    left = original.amount + sum((r.amount for r in original.reversals), ZERO)
    amount = left if amount is None else amount
    if amount <= 0 or amount > left:
        raise ValidationError(f"凭证 {original.serial} 可冲销的金额为 {rules.yuan(left)} 元", field="amount")
    day = _reversal_day(original, today)
    check_open(day)
    with database_proxy.atomic():
        entry = audit.create(FundEntry, serial=_next_serial(day.year), date=day, summary=f"冲销{original.serial}：{reason}"[:128],
                             category=original.category, amount=-amount, handler=original.handler, reverses=original,
                             notes=reason)
        if links is None:  # the original's links in proportion, to the fen, adding up to the reversal
            links = []
            parts = list(original.links)
            left_over = -amount
            for number, link in enumerate(parts):
                part = left_over if number == len(parts) - 1 else (-link.amount * amount / original.amount).quantize(rules.CENT)
                links.append((link.source_kind, link.source_id, part))
                left_over -= part
        for kind, source_id, part in links:
            FundLink.create(entry=entry, source_kind=kind, source_id=source_id, amount=part)
    return entry


def list_entries(start: dt.date | None = None, end: dt.date | None = None, category: FundCategory | None = None,
                 text: str = "") -> list[FundEntry]:
    query = FundEntry.select(FundEntry, FundCategory).join(FundCategory)
    if start:
        query = query.where(FundEntry.date >= start)
    if end:
        query = query.where(FundEntry.date <= end)
    if category is not None:
        query = query.where(FundEntry.category == category)
    text = (text or "").strip()
    if text:
        query = query.where(FundEntry.summary.contains(text) | FundEntry.serial.contains(text) | FundEntry.handler.contains(text))
    return list(query.order_by(FundEntry.date, FundEntry.serial))


def links_of(entry: FundEntry) -> list[FundLink]:
    return list(FundLink.select().where(FundLink.entry == entry).order_by(FundLink.id))


SOURCE_LABELS = {"visit": "走访慰问", "assistance": "帮扶", "activity": "活动", "dues": "会费"}


def source_text(entry: FundEntry) -> str:
    """'走访慰问 WF2027-0012' / '走访慰问 12人（送温暖）' / '活动：教工羽毛球赛' / '' (by hand)."""
    links = links_of(entry)
    if not links:
        return "补记" if entry.backfilled else ""
    kind = links[0].source_kind
    label = SOURCE_LABELS.get(kind, kind)
    if kind == "visit":
        serials = [v.serial for v in Visit.select(Visit.serial).where(Visit.id.in_([link.source_id for link in links]))]
        text = f"{label} {serials[0]}" if len(serials) == 1 else f"{label} {len(serials)}人次"
    elif kind == "activity":
        from union_desk.db.models import Activity

        activity = Activity.get_or_none(Activity.id == links[0].source_id)
        text = f"{label}：{activity.title}" if activity else label
    else:
        text = label
    return text + ("（补记）" if entry.backfilled else "")


# --- opening balances and budgets ------------------------------------------------------------------------


def opening_of(year: int) -> Decimal:
    """The year's 上年结余: as set by hand, else carried from the year before (its opening plus its
    income less its spending), else 0 before the book's first year."""
    row = FundYear.get_or_none(FundYear.year == year)
    if row is not None:
        return row.opening
    firsts = [y for y in (FundYear.select(fn.MIN(FundYear.year)).scalar(),
                          FundEntry.select(fn.MIN(FundEntry.date)).scalar()) if y]
    first = min((y if isinstance(y, int) else dt.date.fromisoformat(str(y)[:10]).year) for y in firsts) if firsts else None
    if first is None or year <= first:
        return ZERO
    return balance_before(dt.date(year - 1, 12, 31) + dt.timedelta(days=1), carried=opening_of(year - 1), year=year - 1)


def set_opening(year: int, amount) -> None:
    value = rules.parse_hand_amount(amount, f"{year}年上年结余", allow_zero=True, field="opening")
    check_open(dt.date(year, 1, 1))  # a closed year keeps its opening (and the balances after it)
    row = FundYear.get_or_none(FundYear.year == year)
    if row is None:
        row = audit.create(FundYear, year=year, opening=value)
    else:
        audit.update(row, opening=value)


def set_budget(year: int, category: FundCategory, amount) -> None:
    value = rules.parse_hand_amount(amount, f"“{category.name}”的预算", allow_zero=True, field="budget")
    row = Budget.get_or_none((Budget.year == year) & (Budget.category == category))
    if row is None:
        audit.create(Budget, year=year, category=category, amount=value)
    else:
        audit.update(row, amount=value)


# --- cap groups ------------------------------------------------------------------------------------------


def cap_groups(year: int) -> list[CapGroup]:
    return list(CapGroup.select().where(CapGroup.year == year).order_by(CapGroup.name))


def save_cap_group(data: dict, group: CapGroup | None = None) -> CapGroup:
    """A cap across visit types per member per year: name, year, cap, goods counted or not, the types."""
    from union_desk.services.plan_common import MAX_YEAR, MIN_YEAR

    values: dict = {}
    if "name" in data or group is None:
        values["name"] = textclean.clean_field(data.get("name"), "short", "限额组名称", field="name")
        if not values["name"]:
            raise ValidationError("请填写限额组名称", field="name")
    if "year" in data or group is None:
        values["year"] = textclean.clean_int(data.get("year"), "年度", MIN_YEAR, MAX_YEAR, field="year")
        if values["year"] is None:
            raise ValidationError("请填写年度", field="year")
    if "cap" in data or group is None:
        values["cap"] = rules.parse_hand_amount(data.get("cap"), "每人每年限额", field="cap")
    if "goods_count" in data:
        values["goods_count"] = bool(data["goods_count"])
    types = None
    if "visit_types" in data:
        types = []
        given = data["visit_types"]
        if isinstance(given, str):
            given = [part.strip() for part in given.replace("、", ",").replace("，", ",").split(",") if part.strip()]
        for raw in given or []:
            vtype = raw if isinstance(raw, VisitType) else None
            number = int(raw) if isinstance(raw, str) and raw.isdigit() and len(raw) <= 18 else raw
            if vtype is None and isinstance(raw, str) and not raw.isdigit():
                vtype = VisitType.get_or_none(VisitType.name == raw.strip())
            elif vtype is None and textclean.fits_db_int(number):
                vtype = VisitType.get_or_none(VisitType.id == number)
            if vtype is None:
                raise ValidationError(f"未知的慰问类别“{raw}”", field="visit_types")
            types.append(vtype)
        if not types:
            raise ValidationError("请选择限额组包含的慰问类别", field="visit_types")
    name = values.get("name", group.name if group else "")
    year = values.get("year", group.year if group else None)
    clash = CapGroup.select().where((CapGroup.name == name) & (CapGroup.year == year))
    if group is not None:
        clash = clash.where(CapGroup.id != group.id)
    if clash.exists():
        raise ValidationError(f"{year}年已有限额组“{name}”", field="name")
    if group is None and types is None:
        raise ValidationError("请选择限额组包含的慰问类别", field="visit_types")
    with database_proxy.atomic():
        if group is None:
            group = audit.create(CapGroup, **values)
        else:
            audit.update(group, **values)
        if types is not None:
            before = sorted(t.visit_type_id for t in group.types)
            CapGroupType.delete().where(CapGroupType.group == group).execute()
            for vtype in types:
                CapGroupType.create(group=group, visit_type=vtype)
            after = sorted(t.id for t in types)
            if before != after:
                audit.record("update", group, before={"visit_types": before}, after={"visit_types": after})
    return group


def delete_cap_group(group: CapGroup) -> None:
    with database_proxy.atomic():
        audit.record("delete", group, before=audit.snapshot(group), note="删除限额组")
        group.delete_instance(recursive=True)


def cap_group_warnings(member: Member, visit_type: VisitType, when: dt.date, cash: Decimal, goods_value: Decimal = ZERO,
                       exclude_id: int | None = None) -> list[str]:
    """Hook "visit_caps": the cap groups of the year covering this visit type (what the member
    received across all the group's types, goods included when the group counts them)."""
    found = []
    groups = CapGroup.select().join(CapGroupType).where((CapGroup.year == when.year) & (CapGroupType.visit_type == visit_type))
    for group in groups:
        type_ids = [t.visit_type_id for t in group.types]
        value = Visit.cash + Visit.goods_value if group.goods_count else Visit.cash
        query = Visit.select(fn.COALESCE(fn.SUM(value), 0)).where(
            (Visit.member == member) & (Visit.voided == False) & Visit.visit_type.in_(type_ids)  # noqa: E712
            & Visit.date.between(dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)))
        if exclude_id:
            query = query.where(Visit.id != exclude_id)
        given = (Decimal(query.scalar() or 0) / 100).quantize(rules.CENT)
        this = (cash or ZERO) + ((goods_value or ZERO) if group.goods_count else ZERO)
        warning = rules.cap_group_warning(group.name, given, this, group.cap, member.name)
        if warning:
            found.append(warning)
    return found


# --- figures -----------------------------------------------------------------------------------------------


@dataclass
class CategoryFigure:
    code: str
    name: str
    kind: str
    budget: Decimal | None
    amount: Decimal  # income or spending in the period

    @property
    def execution(self) -> Decimal | None:
        return rules.execution(self.amount, self.budget)


@dataclass
class FundsReport:
    start: dt.date
    end: dt.date
    opening: Decimal
    income: Decimal
    spending: Decimal
    categories: list[CategoryFigure]
    posted_from: dict[str, Decimal] = field(default_factory=dict)
    over_budget: list[CategoryFigure] = field(default_factory=list)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.income - self.spending


def balance_before(day: dt.date, carried: Decimal | None = None, year: int | None = None) -> Decimal:
    """The balance at the start of `day`: the year's opening plus the year's entries before it
    (`carried`/`year`: the opening of an earlier year and that year, to carry a balance forward)."""
    year = year or day.year
    opening = opening_of(year) if carried is None else carried
    rows = (
        FundEntry.select(FundCategory.code, fn.SUM(FundEntry.amount)).join(FundCategory)
        .where((FundEntry.date >= dt.date(year, 1, 1)) & (FundEntry.date < day)).group_by(FundCategory.code).tuples()
    )
    income = sum((Decimal(v) / 100 for code, v in rows if rules.is_income(code)), ZERO)
    spending = sum((Decimal(v) / 100 for code, v in rows if not rules.is_income(code)), ZERO)
    return (opening + income - spending).quantize(rules.CENT)


def report(start: dt.date, end: dt.date) -> FundsReport:
    """收支汇总表 figures for any period (a term, a school year, a calendar year): the opening balance
    at `start`, income and spending by category, the budgets of the years it covers."""
    sums = dict(
        FundEntry.select(FundEntry.category, fn.SUM(FundEntry.amount)).where(FundEntry.date.between(start, end))
        .group_by(FundEntry.category).tuples()
    )
    budgets: dict[int, Decimal] = {}
    for row in Budget.select().where(Budget.year.between(start.year, end.year)):
        budgets[row.category_id] = budgets.get(row.category_id, ZERO) + row.amount
    figures = []
    for category in categories():
        amount = (Decimal(sums.get(category.id, 0)) / 100).quantize(rules.CENT)
        if not category.active and not amount and category.id not in budgets:
            continue
        figures.append(CategoryFigure(category.code, category.name, category.kind, budgets.get(category.id), amount))
    income = sum((f.amount for f in figures if f.kind == "收入"), ZERO)
    spending = sum((f.amount for f in figures if f.kind == "支出"), ZERO)
    posted: dict[str, Decimal] = {}
    for kind, total in (
        FundLink.select(FundLink.source_kind, fn.SUM(FundLink.amount)).join(FundEntry)
        .where(FundEntry.date.between(start, end)).group_by(FundLink.source_kind).tuples()
    ):
        posted[kind] = (Decimal(total) / 100).quantize(rules.CENT)
    for kind in ("visit", "assistance", "activity", "dues"):
        posted.setdefault(kind, ZERO)
    over = [f for f in figures if f.kind == "支出" and f.budget is not None and f.amount > f.budget]
    return FundsReport(start, end, balance_before(start), income, spending, figures, posted, over)


def report_json(figures: FundsReport) -> dict:
    def money_value(value: Decimal | None):
        return None if value is None else float(value)

    return {
        "from": figures.start.isoformat(), "to": figures.end.isoformat(),
        "opening": money_value(figures.opening), "income": money_value(figures.income),
        "spending": money_value(figures.spending), "closing": money_value(figures.closing),
        "categories": [{"code": f.code, "name": f.name, "kind": f.kind, "budget": money_value(f.budget),
                        "income": money_value(f.amount if f.kind == "收入" else ZERO),
                        "spending": money_value(f.amount if f.kind == "支出" else ZERO)} for f in figures.categories],
        "posted_from": {{"visit": "visits", "assistance": "assistance", "activity": "activities", "dues": "dues"}.get(k, k): money_value(v)
                        for k, v in figures.posted_from.items()},
    }


@dataclass
class LedgerRow:
    entry: FundEntry
    income: Decimal | None
    spending: Decimal | None
    balance: Decimal


def ledger_rows(start: dt.date, end: dt.date) -> tuple[Decimal, list[LedgerRow]]:
    """经费收支明细账: (the balance brought forward, the rows with their running balance)."""
    opening = balance_before(start)
    entries = list_entries(start, end)
    balances = rules.running_balance(opening, [(e.category.code, e.amount) for e in entries])
    rows = [
        LedgerRow(e, e.amount if rules.is_income(e.category.code) else None,
                  None if rules.is_income(e.category.code) else e.amount, balance)
        for e, balance in zip(entries, balances, strict=True)
    ]
    return opening, rows


@dataclass
class Reconciliation:
    """The year's entries posted from visits against the 走访慰问台账's 工会经费 amounts of the year's
    non-voided visits, to the fen. They differ only by reversals dated in another year than their
    original (a visit voided after its period was closed): those are listed and explain it."""

    year: int
    posted: Decimal
    ledger: Decimal
    late_reversals: list[FundEntry]
    explained: Decimal

    @property
    def difference(self) -> Decimal:
        return self.posted - self.ledger

    @property
    def holds(self) -> bool:
        return self.difference == self.explained


def reconcile_visits(year: int) -> Reconciliation:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    posted = FundLink.select(fn.COALESCE(fn.SUM(FundLink.amount), 0)).join(FundEntry).where(
        (FundLink.source_kind == "visit") & FundEntry.date.between(start, end)).scalar() or 0
    value = Visit.cash + Visit.goods_value if posts_goods() else Visit.cash
    ledger = Visit.select(fn.COALESCE(fn.SUM(value), 0)).where(
        (Visit.voided == False) & (Visit.fund_source == rules.UNION_FUNDS) & Visit.date.between(start, end)).scalar() or 0  # noqa: E712
    Original = FundEntry.alias()
    late, explained = [], ZERO
    rows = (
        FundLink.select(FundLink, FundEntry, Original).join(FundEntry).join(Original, on=(FundEntry.reverses == Original.id))
        .where((FundLink.source_kind == "visit") & (FundEntry.date.between(start, end) | Original.date.between(start, end)))
    )
    for link in rows:
        reversal, original = link.entry, link.entry.reverses
        if reversal.date.year == original.date.year:
            continue
        if reversal not in late:
            late.append(reversal)
        # the original counts in its year, the reversal in another: this year's side of the gap
        explained += -link.amount if original.date.year == year else link.amount
    return Reconciliation(year, (Decimal(posted) / 100).quantize(rules.CENT), (Decimal(ledger) / 100).quantize(rules.CENT),
                          late, explained)
