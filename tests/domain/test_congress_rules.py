"""The pure rules of the 教代会 (issue 16, union_desk.domain.congress): workflow, numbers, thresholds,
rates and the delegate-share warnings, at their exact edges."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from union_desk.domain import congress as rules
from union_desk.errors import ValidationError

# --- workflow ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("征集", "立案"), ("征集", "不立案"), ("征集", "并案"), ("征集", "撤回"), ("征集", "作废"),
        ("立案", "已交办"), ("已交办", "已答复"), ("已答复", "已反馈"), ("已反馈", "办结"),
        ("已反馈", "已交办"), ("不立案", "作废"), ("并案", "作废"), ("已答复", "作废"),
    ],
)
def test_allowed_steps(current, target):
    rules.check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        ("征集", "已交办", "提案状态不能从“征集”直接改为“已交办”，下一步应为“立案”"),
        ("征集", "办结", "提案状态不能从“征集”直接改为“办结”，下一步应为“立案”"),
        ("立案", "已答复", "提案状态不能从“立案”直接改为“已答复”，下一步应为“已交办”"),
        ("已交办", "办结", "提案状态不能从“已交办”直接改为“办结”，下一步应为“已答复”"),
        ("已答复", "办结", "提案状态不能从“已答复”直接改为“办结”，下一步应为“已反馈”"),
        ("已答复", "已交办", "提案状态不能从“已答复”直接改为“已交办”，下一步应为“已反馈”"),
        ("不立案", "立案", "提案状态不能从“不立案”直接改为“立案”"),
        ("并案", "立案", "提案状态不能从“并案”直接改为“立案”"),
        ("办结", "作废", "提案已办结，不能再改为“作废”"),
        ("作废", "征集", "提案已作废，不能再改为“征集”"),
        ("撤回", "立案", "提案已撤回，不能再改为“立案”"),
        ("立案", "立案", "提案状态不能从“立案”直接改为“立案”，下一步应为“已交办”"),
    ],
)
def test_refused_steps_say_why(current, target, message):
    with pytest.raises(ValidationError) as info:
        rules.check_transition(current, target)
    assert info.value.message == message and info.value.field == "state"


def test_unknown_target_state():
    with pytest.raises(ValidationError, match="未知的提案状态：已处理"):
        rules.check_transition("征集", "已处理")


def test_every_state_has_its_transitions_and_they_lead_to_states():
    assert set(rules.TRANSITIONS) == set(rules.STATES)
    for targets in rules.TRANSITIONS.values():
        assert set(targets) <= set(rules.STATES)
    assert set(rules.REGISTERED_STATES) <= set(rules.STATES) and set(rules.REPLIED_STATES) <= set(rules.REGISTERED_STATES)


def test_path_to_replays_the_steps():
    assert rules.path_to("征集", "办结") == ["立案", "已交办", "已答复", "已反馈", "办结"]
    assert rules.path_to("征集", "并案") == ["并案"]
    assert rules.path_to("立案", "已反馈") == ["已交办", "已答复", "已反馈"]
    assert rules.path_to("立案", "立案") == []
    assert rules.path_to("办结", "征集") is None
    assert rules.path_to("不立案", "办结") is None
    for state in rules.STATES[1:]:
        path = rules.path_to("征集", state)
        assert path is not None and path[-1] == state
        current = "征集"
        for step in path:
            rules.check_transition(current, step)
            current = step


# --- numbers and titles ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "零"), (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (12, "十二"), (20, "二十"), (25, "二十五"),
     (99, "九十九"), (100, "100"), (-1, "-1")],
)
def test_chinese_number(n, text):
    assert rules.chinese_number(n) == text


def test_session_title():
    assert rules.session_title(5, 2) == "第五届第二次教职工代表大会"
    assert rules.session_title(12, 1, "临时") == "第十二届第一次教职工代表大会（临时会议）"


def test_proposal_numbers():
    assert rules.proposal_number(5, 2, 1) == "5-2-001"
    assert rules.proposal_number(5, 12, 123) == "5-12-123"
    assert rules.proposal_number(5, 2, 1000) == "5-2-1000"
    assert rules.parse_proposal_number(" 5-2-001 ") == (5, 2, 1)
    assert rules.parse_proposal_number("5-2-1000") == (5, 2, 1000)
    for bad in ("5-2", "5-2-x", "", None, "5—2—001", "123-1-001"):
        assert rules.parse_proposal_number(bad) is None


# --- ratios ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("2/3", Fraction(2, 3)), ("三分之二", Fraction(2, 3)), ("四分之三", Fraction(3, 4)), ("十分之七", Fraction(7, 10)),
     ("0.5", Fraction(1, 2)), ("50%", Fraction(1, 2)), ("50％", Fraction(1, 2)), ("66.7%", Fraction(667, 1000)),
     (" 3／4 ", Fraction(3, 4)), ("0.75", Fraction(3, 4))],
)
def test_parse_ratio(text, value):
    assert rules.parse_ratio(text, "比例") == value


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "应写成"), ("abc", "应写成"), ("1/0", "应写成"), ("2/", "应写成"), ("nan", "应写成"), ("inf", "应写成"),
     ("1", "应大于 0、小于 1"), ("0", "应大于 0、小于 1"), ("100%", "应大于 0、小于 1"), ("3/2", "应大于 0、小于 1"),
     ("-1/2", "应写成"), ("二分之二", "应大于 0、小于 1")],
)
def test_bad_ratios_are_refused(text, words):
    with pytest.raises(ValidationError) as info:
        rules.parse_ratio(text, "法定人数比例", field="congress_quorum")
    assert words in info.value.message and info.value.message.startswith("法定人数比例")
    assert info.value.field == "congress_quorum"


def test_huge_exponents_are_refused_quickly():
    """'1e-999999999' would make Fraction build a billion-digit number: refused as a bad form."""
    for text in ("1e-999999999", "1E-9999999", "5e-1"):
        with pytest.raises(ValidationError, match="应写成"):
            rules.parse_ratio(text, "比例")


@pytest.mark.parametrize(
    ("ratio", "words"),
    [(Fraction(2, 3), "三分之二"), (Fraction(1, 2), "二分之一"), (Fraction(3, 4), "四分之三"),
     (Fraction(7, 10), "十分之七"), (Fraction(11, 20), "55%"), (Fraction(667, 1000), "66.7%")],
)
def test_ratio_words(ratio, words):
    assert rules.ratio_words(ratio) == words


# --- quorum and majority -----------------------------------------------------------------------------


@pytest.mark.parametrize(("expected", "needed"), [(45, 30), (46, 31), (47, 32), (48, 32), (3, 2), (1, 1), (0, 0)])
def test_quorum_needed_rounds_up(expected, needed):
    assert rules.quorum_needed(expected) == needed


def test_quorum_at_the_exact_threshold():
    assert not rules.quorum_ok(45, 29) and rules.quorum_ok(45, 30)
    assert rules.quorum_warning(45, 29) == "出席代表29人，不足应到代表三分之二（30人）"
    assert rules.quorum_warning(45, 30) == ""
    assert rules.quorum_warning(0, 0) == ""
    three_quarters = Fraction(3, 4)
    assert rules.quorum_needed(45, three_quarters) == 34
    assert rules.quorum_warning(45, 33, three_quarters) == "出席代表33人，不足应到代表四分之三（34人）"
    assert rules.quorum_ok(45, 34, three_quarters)


def test_majority_is_strictly_more_than_half():
    assert not rules.passes(20, 40) and rules.passes(21, 40)
    assert not rules.passes(20, 41) and rules.passes(21, 41)
    assert not rules.passes(0, 0) and not rules.passes(1, 0)
    assert not rules.passes(26, 40, Fraction(2, 3)) and rules.passes(27, 40, Fraction(2, 3))


def test_check_votes():
    rules.check_votes(20, 15, 5, 40)
    rules.check_votes(5, 0, 0, 0)  # nobody signed in yet: not checked
    with pytest.raises(ValidationError) as info:
        rules.check_votes(20, 15, 6, 40, "绩效方案")
    assert info.value.message == "“绩效方案”赞成、反对、弃权共41票，多于出席代表40人"
    for votes in ((-1, 0, 0), (0, -1, 0), (0, 0, -1)):
        with pytest.raises(ValidationError, match="票数不能为负数"):
            rules.check_votes(*votes, present=10)


# --- rates ------------------------------------------------------------------------------------------


def test_percent_rounds_half_up_to_one_decimal():
    assert rules.percent(1, 8) == Decimal("12.5")
    assert rules.percent(1, 6) == Decimal("16.7")
    assert rules.percent(2, 3) == Decimal("66.7")
    assert rules.percent(1, 2000) == Decimal("0.1")  # 0.05 → 0.1
    assert rules.percent(3, 3) == Decimal("100.0")
    assert rules.percent(1, 0) is None


def test_percent_text():
    assert rules.percent_text(None) == "—"
    assert rules.percent_text(Decimal("75.0")) == "75%"
    assert rules.percent_text(Decimal("33.3")) == "33.3%"
    assert rules.percent_text(Decimal("100.0")) == "100%"
    assert rules.percent_text(Decimal("0.0")) == "0%"


def test_satisfaction_counts_only_proposals_with_an_opinion():
    assert rules.satisfaction(["满意", "基本满意", "不满意", "", "不满意"]) == Decimal("50.0")
    assert rules.satisfaction(["满意", "基本满意", "不满意"]) == Decimal("66.7")
    assert rules.satisfaction(["满意"]) == Decimal("100.0")
    assert rules.satisfaction(["不满意"]) == Decimal("0.0")
    assert rules.satisfaction([]) is None and rules.satisfaction(["", "很好"]) is None
    assert rules.percent_text(rules.satisfaction([])) == "—"


def test_ballots_rates():
    b = rules.Ballots(excellent=30, competent=8, basic=1, incompetent=1)
    assert b.valid == 40
    assert b.excellent_rate == Decimal("75.0") and b.satisfied_rate == Decimal("95.0")
    c = rules.Ballots(10, 15, 10, 0)
    assert c.excellent_rate == Decimal("28.6") and c.satisfied_rate == Decimal("71.4")
    none = rules.Ballots(0, 0, 0, 0)
    assert none.excellent_rate is None and none.satisfied_rate is None


def test_check_ballots():
    rules.check_ballots(rules.Ballots(30, 10, 0, 0), 40, "张校长")
    with pytest.raises(ValidationError) as info:
        rules.check_ballots(rules.Ballots(30, 10, 1, 0), 40, "张校长")
    assert info.value.message == "“张校长”的有效票共41张，多于出席代表40人"
    with pytest.raises(ValidationError, match="票数不能为负数"):
        rules.check_ballots(rules.Ballots(30, -1, 0, 0), 40, "张校长")


# --- shares -----------------------------------------------------------------------------------------


def test_shares_at_their_thresholds():
    fine = {"教师": 6, "干部": 2, "职工": 1, "其他": 1}
    assert rules.share_warnings(fine, women=4, staff_women_share=Decimal("50.0")) == []  # gap exactly 10
    assert rules.share_warnings(fine, women=3, staff_women_share=Decimal("50.0")) == [
        "女代表占30%，比女教职工所占比例（50%）低20%"
    ]
    low = {"教师": 59, "干部": 21, "职工": 20}
    assert rules.share_warnings(low, women=50, staff_women_share=None) == [
        "一线教师代表占59%，低于60%",
        "干部代表占21%，高于20%",
    ]
    limits = rules.ShareLimits(teacher_min=Decimal(59), leader_max=Decimal(21), women_gap=Decimal(0))
    assert rules.share_warnings(low, women=50, staff_women_share=Decimal(50), limits=limits) == []
    assert rules.share_warnings({}, women=0, staff_women_share=Decimal(50)) == []
    assert rules.share_warnings({"教师": 0}, women=0, staff_women_share=Decimal(50)) == []
