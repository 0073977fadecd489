"""The rules of the staff congress (教代会) as plain functions: quorum, majority, proposal numbers
and workflow, rates (满意率, 优秀率) and the delegate-share warnings (issue 16, DOMAIN.md §7.1)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from union_desk.errors import ValidationError

SESSION_KINDS = ("正式", "临时")
ATTENDANCE_STATES = ("出席", "请假", "缺席")
AGENDA_KINDS = ("听取报告", "审议", "表决", "决议")
VOTED_KINDS = ("表决", "决议")
DELEGATE_CATEGORIES = ("教师", "干部", "职工", "其他")
DELEGATE_HOW = ("选举", "补选")
PROPOSAL_CATEGORIES = ("教育教学", "队伍建设", "福利待遇", "后勤保障", "学校管理", "其他")
OPINIONS = ("满意", "基本满意", "不满意")
GRADES = ("优秀", "称职", "基本称职", "不称职")
REPORT_AGENDA_TITLE = "审议上次提案办理情况报告"

# The proposal workflow. 已反馈 = the proposer's opinion is recorded; 不满意 may be handed over again.
COLLECTED, REGISTERED, REJECTED, MERGED = "征集", "立案", "不立案", "并案"
HANDED, REPLIED, ANSWERED, CLOSED = "已交办", "已答复", "已反馈", "办结"
WITHDRAWN, VOID = "撤回", "作废"
STATES = (COLLECTED, REGISTERED, REJECTED, MERGED, HANDED, REPLIED, ANSWERED, CLOSED, WITHDRAWN, VOID)
TRANSITIONS: dict[str, tuple[str, ...]] = {
    COLLECTED: (REGISTERED, REJECTED, MERGED, WITHDRAWN, VOID),
    REGISTERED: (HANDED, WITHDRAWN, VOID),
    REJECTED: (VOID,),
    MERGED: (VOID,),
    HANDED: (REPLIED, WITHDRAWN, VOID),
    REPLIED: (ANSWERED, VOID),
    ANSWERED: (CLOSED, HANDED, VOID),
    CLOSED: (),
    WITHDRAWN: (),
    VOID: (),
}
# States that count as 立案 (registered and in the handling workflow).
REGISTERED_STATES = (REGISTERED, HANDED, REPLIED, ANSWERED, CLOSED)
REPLIED_STATES = (REPLIED, ANSWERED, CLOSED)
OPEN_HANDLING = (HANDED,)  # waiting for the department's reply: overdue after the deadline
# The step a refused jump skips, for the message: 征集 → 已交办 needs 立案 first.
_NEXT_STEP = {COLLECTED: REGISTERED, REGISTERED: HANDED, HANDED: REPLIED, REPLIED: ANSWERED, ANSWERED: CLOSED}

_CHINESE_DIGITS = "零一二三四五六七八九"


def check_transition(current: str, target: str) -> None:
    """Refuse a jump the workflow does not allow, saying which step comes next."""
    if target not in STATES:
        raise ValidationError(f"未知的提案状态：{target}（可选：{'、'.join(STATES)}）", field="state")
    if target in TRANSITIONS.get(current, ()):
        return
    if not TRANSITIONS.get(current):
        raise ValidationError(f"提案已{current}，不能再改为“{target}”", field="state")
    step = _NEXT_STEP.get(current)
    hint = f"，下一步应为“{step}”" if step else ""
    raise ValidationError(f"提案状态不能从“{current}”直接改为“{target}”{hint}", field="state")


def path_to(current: str, target: str) -> list[str] | None:
    """The shortest list of steps from `current` to `target` (without `current`); None if none.
    Used by the ledger import to replay a proposal's history in order."""
    if current == target:
        return []
    frontier = [[current]]
    seen = {current}
    while frontier:
        path = frontier.pop(0)
        for nxt in TRANSITIONS.get(path[-1], ()):
            if nxt in seen:
                continue
            if nxt == target:
                return path[1:] + [nxt]
            seen.add(nxt)
            frontier.append(path + [nxt])
    return None


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (届 and 次 numbers, up to 99)."""
    if n < 0 or n > 99:
        return str(n)
    if n < 10:
        return _CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CHINESE_DIGITS[tens]
    return head + "十" + (_CHINESE_DIGITS[ones] if ones else "")


def session_title(term_number: int, session_number: int, kind: str = "正式") -> str:
    extra = "（临时会议）" if kind == "临时" else ""
    return f"第{chinese_number(term_number)}届第{chinese_number(session_number)}次教职工代表大会{extra}"


def proposal_number(term_number: int, session_number: int, seq: int) -> str:
    return f"{term_number}-{session_number}-{seq:03d}"


_NUMBER = re.compile(r"^\s*(\d{1,2})-(\d{1,2})-(\d{1,4})\s*$")


def parse_proposal_number(text: str) -> tuple[int, int, int] | None:
    match = _NUMBER.match(text or "")
    return tuple(int(g) for g in match.groups()) if match else None  # type: ignore[return-value]


# --- thresholds ----------------------------------------------------------------------------------


_RATIO_FORM = re.compile(r"\d{1,6}\s*/\s*\d{1,6}|\d{1,6}(\.\d{1,6})?%?")


def parse_ratio(text: str, label: str, field: str | None = None) -> Fraction:
    """'2/3', '0.5', '50%', '三分之二' → a Fraction strictly between 0 and 1."""
    raw = (text or "").strip().replace("％", "%").replace("／", "/")
    words = re.fullmatch(r"([一二三四五六七八九十])分之([一二三四五六七八九十])", raw)
    if not words and not _RATIO_FORM.fullmatch(raw):
        # Only plain forms: '1e-999999999' would make Fraction build a billion-digit number.
        raise ValidationError(f"{label}应写成 2/3、0.5 或 50% 的形式", field=field)
    try:
        if words:
            value = Fraction(_CHINESE_DIGITS.index(words.group(2)) if words.group(2) != "十" else 10,
                             _CHINESE_DIGITS.index(words.group(1)) if words.group(1) != "十" else 10)
        elif raw.endswith("%"):
            value = Fraction(Decimal(raw[:-1])) / 100
        else:
            value = Fraction(raw) if "/" in raw else Fraction(Decimal(raw))
    except (ValueError, ArithmeticError, ZeroDivisionError):
        raise ValidationError(f"{label}应写成 2/3、0.5 或 50% 的形式", field=field) from None
    if not 0 < value < 1:
        raise ValidationError(f"{label}应大于 0、小于 1", field=field)
    return value


def ratio_words(ratio: Fraction) -> str:
    """2/3 → 三分之二; 1/2 → 二分之一; others as 60%."""
    if ratio.denominator <= 10 and ratio.numerator <= 10:
        den = "十" if ratio.denominator == 10 else _CHINESE_DIGITS[ratio.denominator]
        num = "十" if ratio.numerator == 10 else _CHINESE_DIGITS[ratio.numerator]
        return f"{den}分之{num}"
    return percent_text(percent(ratio.numerator, ratio.denominator))


def quorum_needed(expected: int, ratio: Fraction = Fraction(2, 3)) -> int:
    """Delegates who must be present: ceil(expected × ratio) (issue 16 decision)."""
    return math.ceil(Fraction(expected) * ratio)


def quorum_ok(expected: int, present: int, ratio: Fraction = Fraction(2, 3)) -> bool:
    return present >= quorum_needed(expected, ratio)


def quorum_warning(expected: int, present: int, ratio: Fraction = Fraction(2, 3)) -> str:
    """'' when the quorum is met, else "不足应到代表三分之二（30人）" (30 = the number needed)."""
    if expected <= 0 or quorum_ok(expected, present, ratio):
        return ""
    return f"出席代表{present}人，不足应到代表{ratio_words(ratio)}（{quorum_needed(expected, ratio)}人）"


def passes(votes_for: int, present: int, majority: Fraction = Fraction(1, 2)) -> bool:
    """A resolution passes when votes for > present × majority, strictly (issue 16 decision)."""
    return present > 0 and Fraction(votes_for) > Fraction(present) * majority


def check_votes(votes_for: int, against: int, abstain: int, present: int, title: str = "") -> None:
    for value, label in ((votes_for, "赞成"), (against, "反对"), (abstain, "弃权")):
        if value < 0:
            raise ValidationError(f"{label}票数不能为负数", field="votes")
    total = votes_for + against + abstain
    if present and total > present:
        name = f"“{title}”" if title else ""
        raise ValidationError(f"{name}赞成、反对、弃权共{total}票，多于出席代表{present}人", field="votes")


# --- rates ---------------------------------------------------------------------------------------


def percent(part: int, whole: int) -> Decimal | None:
    """part ÷ whole as a percentage with one decimal (half up); None when whole is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent_text(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = f"{value:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def satisfaction(opinions: Iterable[str]) -> Decimal | None:
    """满意率 = (满意 + 基本满意) ÷ proposals with an opinion."""
    given = [o for o in opinions if o in OPINIONS]
    return percent(sum(1 for o in given if o != "不满意"), len(given))


@dataclass(frozen=True)
class Ballots:
    excellent: int
    competent: int
    basic: int
    incompetent: int

    @property
    def valid(self) -> int:
        return self.excellent + self.competent + self.basic + self.incompetent

    @property
    def excellent_rate(self) -> Decimal | None:
        """优秀率 = 优秀 ÷ valid ballots."""
        return percent(self.excellent, self.valid)

    @property
    def satisfied_rate(self) -> Decimal | None:
        """满意率 = (优秀 + 称职) ÷ valid ballots (issue 16 decision)."""
        return percent(self.excellent + self.competent, self.valid)


def check_ballots(ballots: Ballots, present: int, name: str) -> None:
    for value in (ballots.excellent, ballots.competent, ballots.basic, ballots.incompetent):
        if value < 0:
            raise ValidationError(f"“{name}”的票数不能为负数", field="ballots")
    if ballots.valid > present:
        raise ValidationError(f"“{name}”的有效票共{ballots.valid}张，多于出席代表{present}人", field="ballots")


# --- delegate shares ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareLimits:
    teacher_min: Decimal = Decimal(60)  # 一线教师 at least, %
    leader_max: Decimal = Decimal(20)  # 干部 at most, %
    women_gap: Decimal = Decimal(10)  # women's share may fall below the staff's by this many points


def share_warnings(by_category: dict[str, int], women: int, staff_women_share: Decimal | None,
                   limits: ShareLimits = ShareLimits()) -> list[str]:
    """Warnings (never refusals) when the delegates' shares are off the local rules."""
    total = sum(by_category.values())
    if not total:
        return []
    warnings = []
    teachers = percent(by_category.get("教师", 0), total)
    if teachers is not None and teachers < limits.teacher_min:
        warnings.append(f"一线教师代表占{percent_text(teachers)}，低于{percent_text(limits.teacher_min)}")
    leaders = percent(by_category.get("干部", 0), total)
    if leaders is not None and leaders > limits.leader_max:
        warnings.append(f"干部代表占{percent_text(leaders)}，高于{percent_text(limits.leader_max)}")
    women_share = percent(women, total)
    if staff_women_share is not None and women_share is not None and women_share < staff_women_share - limits.women_gap:
        warnings.append(
            f"女代表占{percent_text(women_share)}，比女教职工所占比例（{percent_text(staff_women_share)}）"
            f"低{percent_text(staff_women_share - women_share)}"
        )
    return warnings
