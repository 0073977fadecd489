"""The rules of the funds book as plain functions (issue 19, DOMAIN.md §7.2): voucher numbers,
income or spending by category code, amounts typed by hand, what a source record owes the book,
budget and cap-group warnings, execution rates and the running balance."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from union_desk.errors import ValidationError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal("99999999.99")
UNION_FUNDS = "工会经费"  # the fund source whose payments the funds book carries
DIRECTIONS = ("收入", "支出")
# The default category of each kind of posting (a setting each: funds_map_<kind>)
DEFAULT_MAP = {
    "visit": "1.4",  # 走访慰问 → 职工集体福利支出
    "visit_batch": "2.5",  # a 送温暖 batch → 送温暖费
    "assistance": "2.4",  # 帮扶、金秋助学 → 困难职工帮扶费
    "activity": "1.2",  # 文体活动支出
    "activity_training": "1.1",  # 讲座、培训 → 职工教育支出
    "dues": "0.1",  # 会费收入
}
TRAINING_CATEGORIES = ("讲座", "培训")
# Visit types of these groups are help for hardship (金秋助学, 大病救助): booked like assistance (2.4)
HELP_GROUPS = ("助学", "救助")
# Batches of these groups are 送温暖 (2.5); a batch of birthday visits stays 集体福利 (1.4)
BATCH_GROUPS = ("节日",)


def visit_map_kind(group: str, batch: bool = False) -> str:
    """Which mapping a visit's posting uses: 送温暖 batches, help for hardship, or visits."""
    if group in HELP_GROUPS:
        return "assistance"
    return "visit_batch" if batch and group in BATCH_GROUPS else "visit"


def visit_summary(type_name: str, who: str, serial: str) -> str:
    """'生病住院慰问 张三 WF2027-0012' (a type already ending in 慰问 is not doubled)."""
    head = type_name if type_name.endswith(("慰问", "送温暖", "救助", "助学", "敬老")) else f"{type_name}慰问"
    return f"{head} {who} {serial}"[:128]


def batch_summary(type_name: str, people: int) -> str:
    return f"{type_name} {people}人"


def dues_summary(name: str, period_label: str, method: str) -> str:
    return f"会费收入：{name} {period_label}（{method}）"[:128]


def dues_batch_summary(period_label: str, method: str, people: int) -> str:
    return f"{period_label}会费（{method}）{people}人"[:128]


def serial(year: int, number: int) -> str:
    return f"JZ{year}-{number:04d}"


def is_income(code: str) -> bool:
    return code.startswith("0.")


def direction(code: str) -> str:
    return "收入" if is_income(code) else "支出"


def parse_hand_amount(raw, label: str = "金额", *, allow_zero: bool = False, field: str = "amount") -> Decimal:
    """An amount typed by hand: positive (or 0 with `allow_zero`: a budget, an opening balance), at
    most two decimals — never rounded silently (reversals are made by the app)."""
    text = str(raw if raw is not None else "").strip().replace(",", "").replace("，", "").replace("元", "").replace("¥", "")
    if not text:
        if allow_zero:
            return ZERO
        raise ValidationError(f"请填写{label}", field=field)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"{label}“{raw}”不是数字", field=field) from None
    if not value.is_finite() or value < 0 or (value == 0 and not allow_zero):
        if allow_zero:
            raise ValidationError(f"{label}不能是负数", field=field)
        raise ValidationError(f"{label}应大于 0（冲销由系统生成，不能手工输入负数）", field=field)
    if value > MAX_AMOUNT:  # before quantize: 1e30 cannot be quantized to the fen
        raise ValidationError(f"{label}太大（最多 {MAX_AMOUNT:,.2f}）", field=field)
    if value != value.quantize(CENT):
        raise ValidationError(f"{label}最多两位小数（精确到分）", field=field)
    return value.quantize(CENT)


def owed(fund_source: str, voided: bool, cash: Decimal, goods_value: Decimal = ZERO, post_goods: bool = False) -> Decimal:
    """What a visit or an assistance payment puts in the funds book: its 工会经费 cash (plus the goods'
    value when goods are posted); nothing when voided or paid from elsewhere (学校行政 …)."""
    if voided or fund_source != UNION_FUNDS:
        return ZERO
    return (cash or ZERO) + ((goods_value or ZERO) if post_goods else ZERO)


def yuan(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def budget_warning(spent_before: Decimal, amount: Decimal, budget: Decimal | None) -> str:
    """'' or "超出预算1,000.00元" (how far the category's spending would then be past its budget)."""
    if budget is None:
        return ""
    over = spent_before + amount - budget
    return f"超出预算{yuan(over)}元" if over > 0 else ""


def cap_group_warning(name: str, given: Decimal, this: Decimal, cap: Decimal, member: str = "") -> str:
    """"已发1,300.00元，加上本次共1,600.00元，超过1,500.00元" (with the group's name in front)."""
    total = given + this
    if total <= cap:
        return ""
    who = f"{member}本年" if member else "本年"
    return f"{who}{name}已发{yuan(given)}元，加上本次共{yuan(total)}元，超过{yuan(cap)}元"


def execution(spent: Decimal, budget: Decimal | None) -> Decimal | None:
    """执行率 = spent ÷ budget, as a fraction; None without a budget."""
    if not budget:
        return None
    return spent / budget


def running_balance(opening: Decimal, rows: Iterable[tuple[str, Decimal]]) -> list[Decimal]:
    """The balance after each (code, amount) row: income adds, spending subtracts."""
    balance = opening
    out = []
    for code, amount in rows:
        balance = balance + amount if is_income(code) else balance - amount
        out.append(balance)
    return out
