"""会籍与会费 rules (issue 20, DOMAIN.md §7.3), plain functions: which status an event sets, the
dues periods, the dues arithmetic and 入会率."""

from __future__ import annotations

import calendar
import functools
import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from union_desk.domain.money import MoneyError, to_decimal

# The membership events, in the order a form offers them.
EVENT_KINDS = ("入会", "转入", "转出", "保留会籍", "恢复", "退会", "除名", "去世")
JOINING = ("入会", "转入")  # make someone a member (from outside the union)
LEAVING = ("转出", "退会", "除名", "去世")  # end membership here
KEEP_REASONS = ("退休", "失业", "待岗", "其他")  # 保留会籍 because of …
IN_UNION = ("在职", "退休", "保留会籍")  # statuses of someone still a member of this union
EXEMPT_STATUSES = ("退休", "保留会籍")  # members who keep membership and pay no dues
METHODS = ("工资代扣", "现金", "转账")
PERIOD_KINDS = {"month": ("按月", 1), "quarter": ("按季度", 3), "half": ("按半年", 6)}
ROUNDINGS = {
    "fen": ("精确到分", Decimal("0.01"), ROUND_HALF_UP),
    "jiao": ("四舍五入到角", Decimal("0.1"), ROUND_HALF_UP),
    "yuan": ("四舍五入到元", Decimal("1"), ROUND_HALF_UP),
    "yuan_up": ("向上取整到元", Decimal("1"), ROUND_CEILING),
}
DEFAULT_RATE = Decimal("0.5")  # per cent of the monthly wage base
MAX_BASE = Decimal("1000000")  # a monthly wage base above this is a typing error
MAX_RATE = Decimal("5")
ARREARS_FLAG_MONTHS = 6  # 连续六个月未缴: flagged (a warning, not an exit)
ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def status_after(kind: str, reason: str = "") -> str:
    """The member status an event leaves: 保留会籍 for retirement reads 退休."""
    if kind in ("入会", "转入", "恢复"):
        return "在职"
    if kind == "转出":
        return "调出"
    if kind == "保留会籍":
        return "退休" if reason in ("", "退休") else "保留会籍"
    if kind in ("退会", "除名"):
        return "退会"
    if kind == "去世":
        return "去世"
    raise ValueError(kind)


def event_for_status(status: str) -> tuple[str, str]:
    """The event a status set in the archive stands for: (kind, reason)."""
    return {
        "在职": ("恢复", ""), "退休": ("保留会籍", "退休"), "保留会籍": ("保留会籍", "其他"),
        "调出": ("转出", ""), "退会": ("退会", ""), "去世": ("去世", ""),
    }[status]


def allowed_after(status: str | None, kind: str) -> str | None:
    """Why `kind` cannot follow a member in `status` (None: it can). `status` None: no history."""
    inside = status in IN_UNION
    if kind in JOINING:
        return None if status is None or not inside else f"已是本会会员（{status}），不能再{kind}"
    if kind == "恢复":
        return None if status in ("退休", "保留会籍", "退会") else f"会员状态为“{status or '无记录'}”，无需恢复会籍"
    if kind == "保留会籍":
        return None if status in (None, "在职", "保留会籍") else f"会员状态为“{status}”，不能保留会籍"
    if not inside and status is not None:
        return f"会员已{status}，不能再{kind}"
    return None


# --- periods ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DuesPeriod:
    code: str  # 2027-03 / 2027-Q1 / 2027-H1
    first: dt.date
    last: dt.date

    @property
    def months(self) -> int:
        return (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1

    @property
    def label(self) -> str:
        year = self.first.year
        if self.months == 1:
            return f"{year}年{self.first.month}月"
        if self.months == 3:
            return f"{year}年第{(self.first.month + 2) // 3}季度"
        return f"{year}年{'上' if self.first.month == 1 else '下'}半年"

    def contains(self, other: DuesPeriod) -> bool:
        return self.first <= other.first and other.last <= self.last


_PERIOD = re.compile(r"^(\d{4})\s*[-/.年]?\s*(?:(\d{1,2})月?|[Qq]([1-4])|[Hh]([12])|第([一二三四1-4])季度?|([上下])半年)$")
_QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4}


def _span(year: int, first_month: int, months: int) -> DuesPeriod:
    last_month = first_month + months - 1
    last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    code = {1: f"{year}-{first_month:02d}", 3: f"{year}-Q{(first_month + 2) // 3}", 6: f"{year}-H{1 if first_month == 1 else 2}"}[months]
    return DuesPeriod(code, dt.date(year, first_month, 1), last)


def parse_period(text) -> DuesPeriod:
    """'2027-03', '2027年3月', '2027-Q1', '2027年第一季度', '2027-H1', '2027年上半年' → the period.
    A ValueError names what is wrong."""
    return _parse_period(str(text or "").strip().replace(" ", ""))


@functools.lru_cache(maxsize=512)  # a dues list parses the same few codes for every payment
def _parse_period(raw: str) -> DuesPeriod:
    text = raw
    match = _PERIOD.match(raw)
    if not match:
        raise ValueError(f"期间“{text}”看不懂，请写成 2027-03（月）、2027-Q1（季度）或 2027-H1（半年）")
    year = int(match.group(1))
    if not 1990 <= year <= 2100:
        raise ValueError(f"期间“{text}”的年份不对")
    month, quarter, half, quarter_word, half_word = match.group(2, 3, 4, 5, 6)
    if month:
        if not 1 <= int(month) <= 12:
            raise ValueError(f"期间“{text}”的月份不对")
        return _span(year, int(month), 1)
    if quarter or quarter_word:
        number = int(quarter) if quarter else _QUARTER_WORDS.get(quarter_word) or int(quarter_word)
        return _span(year, number * 3 - 2, 3)
    number = int(half) if half else (1 if half_word == "上" else 2)
    return _span(year, 1 if number == 1 else 7, 6)


def period_of(day: dt.date, kind: str) -> DuesPeriod:
    """The period of `kind` (month / quarter / half) that holds `day`."""
    months = PERIOD_KINDS[kind][1]
    return _span(day.year, (day.month - 1) // months * months + 1, months)


def periods_between(first: dt.date, last: dt.date, kind: str) -> list[DuesPeriod]:
    """The periods of `kind` from the one holding `first` to the one holding `last`."""
    found: list[DuesPeriod] = []
    period = period_of(first, kind)
    while period.first <= last:
        found.append(period)
        period = period_of(period.last + dt.timedelta(days=1), kind)
    return found


# --- dues arithmetic ------------------------------------------------------------------------------


def check_base(raw) -> Decimal:
    """A monthly wage base: 0 … 1,000,000 yuan. A ValueError says why not."""
    try:
        amount = to_decimal(raw)
    except MoneyError as exc:
        raise ValueError(f"缴费基数：{exc.message}") from None
    if amount > MAX_BASE:
        raise ValueError(f"缴费基数 {amount:,.2f} 元不合常理（每月不超过 1,000,000 元），请核对")
    return amount


def check_rate(raw) -> Decimal:
    try:
        rate = Decimal(str(raw).strip().rstrip("%％"))
    except Exception:
        raise ValueError(f"会费比例“{raw}”不是数字") from None
    if not rate.is_finite() or not Decimal("0") < rate <= MAX_RATE:
        raise ValueError(f"会费比例应在 0 到 {MAX_RATE}% 之间，不能是 {raw}")
    return rate


def dues_owed(base: Decimal, rate_percent: Decimal, months: int, rounding: str = "fen", floor_ten: bool = True) -> Decimal:
    """What a member owes for a period: base × rate × months, rounded once by the rounding rule.
    `floor_ten`: the part of the base under ten yuan is not counted (工资收入不足十元部分不计)."""
    counted = (base / 10).to_integral_value(rounding=ROUND_FLOOR) * 10 if floor_ten else base
    _, step, mode = ROUNDINGS[rounding]
    raw = counted * rate_percent / 100 * months
    return raw.quantize(step, rounding=mode).quantize(CENT)


def membership_rate(members: int, staff: int) -> Decimal | None:
    """入会率 in per cent, one decimal: members ÷ (members + non-member staff); None when nobody."""
    total = members + staff
    if not total:
        return None
    return (Decimal(members) * 100 / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def collection_rate(paid: Decimal, owed: Decimal) -> Decimal | None:
    """收缴率 in per cent, one decimal; None when nothing is owed."""
    if not owed:
        return None
    return (paid * 100 / owed).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def serial(prefix: str, year: int, number: int) -> str:
    """JS2027-001 (介绍信), HF2027-001 (会费收据)."""
    return f"{prefix}{year}-{number:03d}"
