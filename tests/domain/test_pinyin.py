import pytest

from union_desk.domain.pinyin import MAX_VARIANTS, matches, pinyin_variants, search_key


def test_plain_name():
    assert pinyin_variants("张三") == (["zhangsan"], ["zs"])
    assert search_key("张三") == "张三 zhangsan zs"


def test_shan_tianfang_all_readings():
    full, initials = pinyin_variants("单田芳")
    assert full[0] == "dantianfang"
    assert "shantianfang" in full
    assert initials[0] == "dtf"
    assert "stf" in initials
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
    "name, query", [("张三", "ls"), ("张三", "zhangsi"), ("单田芳", "tdf"), ("吕布", "lubu ")]
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
    name = "仇曾解区朴单"
    full, initials = pinyin_variants(name)
    assert len(full) == MAX_VARIANTS == len(initials)
    assert pinyin_variants(name) == (full, initials)
    # Rare readings of the surname survive the cap.
    assert any(s.startswith("qiu") for s in full)
    assert any(s.startswith("q") for s in initials)


def test_search_key_like_matching():
    key = search_key("单田芳")
    assert key.split() == [
        "单田芳", "dantianfang", "chantianfang", "shantianfang", "dtf", "ctf", "stf"
    ]
    assert "shantian" in key  # what SQL LIKE '%shantian%' sees
    assert search_key("") == ""
