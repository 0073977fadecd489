import pytest

from union_desk.domain.pinyin import MAX_VARIANTS, matches, pinyin_variants, search_key


def test_plain_name():
    assert pinyin_variants("张三") == (["zhangsan"], ["zs"])
    assert search_key("张三") == "张三 zhangsan zs"


def test_shan_tianfang_all_readings():
    # 单 as a surname is Shàn (《现代汉语词典》): that spelling comes first and orders lists.
    full, initials = pinyin_variants("单田芳")
    assert full[0] == "shantianfang"
    assert {"dantianfang", "chantianfang"} <= set(full)
    assert initials[0] == "stf"
    assert {"dtf", "ctf"} <= set(initials)
    assert len(full) == len(set(full))


@pytest.mark.parametrize(
    "name, readings",
    [
        ("单", {"dan", "shan"}),
        ("曾", {"zeng", "ceng"}),
        ("解", {"jie", "xie"}),
        ("区", {"qu", "ou"}),
        ("仇", {"qiu", "chou"}),
        ("朴", {"pu", "piao"}),
        ("吕", {"lv"}),
    ],
)
def test_heteronym_surnames(name, readings):
    full, initials = pinyin_variants(name)
    assert readings <= set(full)
    assert {r[0] for r in readings} <= set(initials)


@pytest.mark.parametrize(
    "name, query",
    [
        ("单田芳", "shan"),
        ("单田芳", "stf"),
        ("单田芳", "dtf"),
        ("曾志伟", "zengzhiwei"),
        ("曾志伟", "czw"),
        ("解晓东", "xiexiaodong"),
        ("区志强", "ouzhiqiang"),
        ("仇英", "qiuying"),
        ("朴树", "piaoshu"),
        ("吕布", "lvbu"),
        ("吕布", "lb"),
        ("张三", "ZS"),
        ("张三", "zhang san"),
        ("张三", "三"),
        ("张三", "张 三"),
        ("女娲", "nvwa"),
    ],
)
def test_matches(name, query):
    assert matches(name, query)


@pytest.mark.parametrize(
    "name, query", [("张三", "ls"), ("张三", "zhangsi"), ("单田芳", "tdf"), ("吕布", "lbb")]
)
def test_does_not_match(name, query):
    assert not matches(name, query)


def test_empty_query_matches_everything():
    assert matches("张三", "")
    assert matches("张三", "  ")


def test_u_umlaut_written_as_v():
    full, initials = pinyin_variants("吕小绿")
    assert "lvxiaolv" in full
    assert all("ü" not in s and "u:" not in s for s in full)
    assert matches("吕小绿", "lüxiao")


def test_non_chinese_kept_lowercased():
    assert pinyin_variants("Tom李") == (["tomli"], ["toml"])
    full, _ = pinyin_variants("买买提·艾力")
    assert "maimaitiaili" in full
    assert search_key("王 A").split()[0] == "王a"


def test_cap_is_deterministic_and_keeps_surname_readings():
    # five ü characters in the given name: 3 spellings each (v, u, yu) -> 2 × 243 > 64
    name = "单女律闾绿吕"
    full, initials = pinyin_variants(name)
    assert len(full) == MAX_VARIANTS
    assert pinyin_variants(name) == (full, initials)
    # Both common readings of the surname survive the cap (the surname varies fastest).
    assert any(s.startswith("shan") for s in full) and any(s.startswith("dan") for s in full)
    assert {"snllll", "dnllll"} <= set(initials)


def test_search_key_like_matching():
    key = search_key("单田芳")
    assert key.split() == [
        "单田芳", "shantianfang", "dantianfang", "stf", "dtf", "|", "chantianfang", "ctf"
    ]
    assert "shantian" in key  # what SQL LIKE '%shantian%' sees
    assert search_key("") == ""
