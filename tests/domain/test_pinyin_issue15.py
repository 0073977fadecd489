"""Issue 15, "Search" and the Decision "Pinyin": ü typed three ways, surnames in every reading,
given names in their default reading only.

Independent sources of the cases:
* GB/T 16159-2012 《汉语拼音正词法基本规则》 and the 汉语拼音方案: ü after n/l is written ü (吕 lǚ,
  女 nǚ, 律 lǜ, 闾 lǘ, 略 lüè); input methods type it as v, and since 2012 the passport
  romanisation of the Ministry of Public Security writes it yu (吕 LYU). So lu, lv and lyu.
* pypinyin's heteronym dictionary (pinyin(..., heteronym=True)): 丁 ding/zheng, 宁 ning/zhu — the
  readings that made `zh` find 丁妍霞 and 黄宁胜.
* The surname readings of 《现代汉语词典》 (7th ed., "姓" entries) / 《中国人名大词典》: 单 Shàn,
  曾 Zēng, 解 Xiè, 区 Ōu, 仇 Qiú, 朴 Piáo, 查 Zhā, 尉迟 Yùchí, 长孙 Zhǎngsūn, 万俟 Mòqí.
* The compound surnames (复姓) of 《百家姓》.
"""

import pytest
from pypinyin import Style, pinyin

from union_desk.domain.pinyin import COMPOUND_SURNAMES, matches, pinyin_variants, search_key


# --- ü ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["吕布", "吕"])
@pytest.mark.parametrize("query", ["lu", "lv", "lyu", "lü", "lubu", "lyubu", "lvbu"])
def test_lv_found_as_lu_lv_and_lyu(name, query):
    if len(name) == 1 and len(query) > 3:
        return
    assert matches(name, query)


@pytest.mark.parametrize(
    "name, queries",
    [
        ("女娲", ["nvwa", "nuwa", "nyuwa", "nw"]),
        ("张律", ["zhanglv", "zhanglu", "zhanglyu"]),  # given name: 律 lǜ
        ("闾丘露", ["lvqiulu", "luqiulu", "lyuqiulu", "lql"]),  # compound surname 闾丘
        ("王略", ["wanglve", "wanglue", "wanglyue"]),  # 略 lüè
    ],
)
def test_u_umlaut_three_ways(name, queries):
    for query in queries:
        assert matches(name, query), query


def test_u_umlaut_initials_unchanged():
    _full, initials = pinyin_variants("吕小绿")
    assert initials == ["lxl"]


# --- surnames in every reading, given names in the default reading ------------------------------


@pytest.mark.parametrize(
    "surname, as_surname",
    [("单", "shan"), ("曾", "zeng"), ("解", "xie"), ("区", "ou"), ("仇", "qiu"), ("朴", "piao"), ("查", "zha")],
)
def test_surname_reading_first_and_every_reading_kept(surname, as_surname):
    name = surname + "明"
    full, _ = pinyin_variants(name)
    assert full[0] == as_surname + "ming"
    every = {r for r in pinyin(surname, style=Style.NORMAL, heteronym=True)[0]}
    assert {r + "ming" for r in every} <= set(full)


def test_given_name_has_only_its_default_reading():
    # pypinyin's heteronym data gives 宁 the rare reading zhu; as a given name only ning counts
    assert "zhu" in pinyin("宁", style=Style.NORMAL, heteronym=True)[0]
    assert pinyin_variants("黄宁胜") == (["huangningsheng"], ["hns"])
    assert not matches("黄宁胜", "zh")
    # phrase-aware: 重阳 is chóngyáng, 长乐 chánglè
    full, _ = pinyin_variants("王重阳")
    assert full[0] == "wangchongyang" and not any("zhongyang" in s for s in full)
    full, _ = pinyin_variants("张长乐")
    assert full == ["zhangchangle"]


def test_rare_surname_reading_is_kept_but_after_the_common_one():
    assert "zheng" in pinyin("丁", style=Style.NORMAL, heteronym=True)[0]
    key = search_key("丁妍霞")
    common, _, rare = key.partition(" | ")
    assert "dingyanxia" in common and "dyx" in common
    assert "zhengyanxia" in rare and "zyx" in rare  # the surname keeps every reading


COMPOUNDS_FROM_THE_ISSUE = "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯".split()


def test_compound_surnames_listed():
    assert set(COMPOUNDS_FROM_THE_ISSUE) <= COMPOUND_SURNAMES


@pytest.mark.parametrize(
    "name, query",
    [("尉迟恭", "yuchigong"), ("尉迟恭", "ycg"), ("长孙无忌", "zhangsunwuji"), ("万俟卨", "moqi"),
     ("单于夫罗", "chanyu"), ("欧阳修", "ouyangxiu"), ("诸葛亮", "zgl")],
)
def test_compound_surname_readings(name, query):
    assert matches(name, query)
    full, _ = pinyin_variants(name)
    assert full[0].startswith(query) or query in pinyin_variants(name)[1][0] or query in full[0]


def test_compound_surname_second_character_keeps_every_reading():
    # 长孙: 长 also zhang/chang; as a compound surname both characters keep every reading
    full, _ = pinyin_variants("长孙无忌")
    assert full[0] == "zhangsunwuji" and "changsunwuji" in full
