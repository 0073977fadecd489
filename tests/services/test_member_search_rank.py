"""Issue 15: search as people type it, through `services.members.search` (the SQL the 会员档案
search box, the member pickers and the CLI use).

Sources of the cases: GB/T 16159-2012 and the 2012 passport romanisation for ü (吕 lǚ typed
lu / lv / lyu); pypinyin's heteronym data for the rare readings (丁 zhēng, 宁 zhù); the surname
readings of 《现代汉语词典》 (单 Shàn).
"""

from __future__ import annotations

import pytest

from union_desk.services import members


def add(name: str):
    return members.create_member({"name": name})


def names(text: str) -> list[str]:
    return [m.name for m in members.search(text)]


@pytest.fixture
def school(db):
    for name in ["吕布", "卢俊义", "张律", "闾丘露", "女娲", "丁妍霞", "黄宁胜", "张三", "郑爽", "朱琳",
                 "单田芳", "丁宁", "王芳", "王芳菲", "小王芳"]:
        add(name)


@pytest.mark.parametrize("query", ["lu", "lv", "lyu", "lü"])
def test_lv_by_every_spelling(school, query):
    assert "吕布" in names(query)
    assert "闾丘露" in names(query)
    assert "张律" in names(query)


def test_nv_by_every_spelling(school):
    for query in ["nv", "nu", "nyu"]:
        assert "女娲" in names(query), query


def test_zh_no_longer_lists_rare_given_name_readings_and_ranks_rare_surname_readings_last(school):
    found = names("zh")
    assert "黄宁胜" not in found  # 宁 as a given name is níng only
    assert {"张三", "郑爽", "朱琳", "张律"} <= set(found)
    # 丁 zhēng is kept (a surname keeps every reading) but comes after the common readings
    assert set(found[-2:]) == {"丁妍霞", "丁宁"}


def test_exact_name_first(school):
    # 小王芳 sorts before 王芳 by name; the exact name and the whole spelling come first
    assert names("王芳")[0] == "王芳"
    assert names("wangfang")[0] == "王芳"
    assert names("丁宁")[0] == "丁宁"


def test_start_of_a_spelling_before_the_middle(school):
    # 'lu' starts the spellings of 卢俊义, 吕布 (lǚ written lu) and 闾丘露, and sits inside 张律's
    found = names("lu")
    assert set(found[:3]) == {"卢俊义", "吕布", "闾丘露"} and found[3:] == ["张律"]
    assert names("ning")[0] == "丁宁" and "黄宁胜" in names("ning")  # both in the middle
    members.create_member({"name": "宁静"})
    assert names("ning")[0] == "宁静"  # the spelling starts with it


def test_surname_reading_ranked_with_the_common_ones(school):
    assert names("shan")[0] == "单田芳"
    assert names("dan") == ["单田芳"]  # the everyday reading of 单 is kept too


def test_key_built_on_create_and_update(school):
    m = members.search("吕布")[0]
    members.update_member(m, {"name": "吕蒙"})
    assert [x.name for x in members.search("lyumeng")] == ["吕蒙"]
