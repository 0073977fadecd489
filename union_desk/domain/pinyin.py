"""Pinyin search keys for names, as people type them (DESIGN.md, "name search"; issue 15).

* The surname (the first character, or a compound surname such as 欧阳, 司马, 尉迟) is indexed in
  every reading: 单 -> shan/dan/chan, 曾 -> zeng/ceng.
* Given-name characters are indexed in pypinyin's phrase-aware default reading only, so that the
  rare readings of 宁 (zhu) or 乐 (yao) do not make noise.
* ü is indexed as v (lv, as on a keyboard), u (lu, as GB/T 16159 writes it after j/q/x/y) and
  yu (lyu, as in passports).

The key is `name <common spellings> | <other spellings>`: the common spellings (the surname's
reading as a surname and the default reading of the whole name, each with its ü forms, and
their initials) come before the `|`, so that search can rank common-reading matches first.
"""

from __future__ import annotations

import itertools
import re


MAX_VARIANTS = 64
RARE_MARK = "|"
_SEPARATORS = re.compile(r"[\s·•・．.\-_'’|]+")
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002fa1f]")

# Compound surnames: the 复姓 of 《百家姓》 (the pairs there that are two single surnames, such as
# 岳帅 or 言福, left out), plus 拓跋 and 呼延 from the same list.
COMPOUND_SURNAMES = frozenset(
    """
    万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔
    申屠 公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 子车 颛孙 端木 巫马
    公西 漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 归海 羊舌 微生 梁丘 左丘
    东门 西门 商牟 伯赏 南宫 第五
    """.split()
)

# How a character is read as a surname where that differs from its everyday reading
# (《现代汉语词典》 and the surname notes of the 《通用规范汉字表》): 单 Shàn, 曾 Zēng, 解 Xiè …
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "区": ("ou",), "仇": ("qiu",), "朴": ("piao",),
    "查": ("zha",), "盖": ("ge",), "缪": ("miao",), "覃": ("qin",), "翟": ("zhai",), "乐": ("yue", "le"),
    "召": ("shao",), "种": ("chong",), "秘": ("bi",), "员": ("yun",), "繁": ("po",), "尉": ("wei",),
    "长": ("zhang",), "朝": ("chao",), "华": ("hua",), "纪": ("ji",), "任": ("ren",), "那": ("na",),
    "燕": ("yan",), "冼": ("xian",), "折": ("she",), "句": ("gou",), "阚": ("kan",), "宁": ("ning",),
}
# Compound surnames read otherwise than character by character: 万俟 Mòqí, 尉迟 Yùchí, 单于 Chányú …
COMPOUND_READINGS: dict[str, tuple[str, str]] = {
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "单于": ("chan", "yu"), "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"), "乐正": ("yue", "zheng"), "亓官": ("qi", "guan"), "令狐": ("ling", "hu"),
}


def _clean(text: str) -> str:
    return _SEPARATORS.sub("", str(text or "")).lower().replace("ü", "v")


def _u_forms(reading: str) -> list[str]:
    """'lv' -> ['lv', 'lu', 'lyu']: ü typed as v, written u, or yu."""
    if "v" not in reading:
        return [reading]
    return [reading, reading.replace("v", "u"), reading.replace("v", "yu")]


def _norm(reading: str) -> str:
    return reading.lower().replace("ü", "v").replace("u:", "v")


def _heteronyms(ch: str) -> list[str]:
    from pypinyin import Style, pinyin  # imported on first use: its dictionaries take ~0.2 s

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="default")[0]
    return [_norm(r) for r in found if r]


def _defaults(run: str) -> list[str]:
    """pypinyin's phrase-aware default reading of each character of a run of Chinese."""
    from pypinyin import Style, lazy_pinyin

    found = lazy_pinyin(run, style=Style.NORMAL, errors=lambda text: list(text))
    if len(found) != len(run):  # not one reading per character: look them up one by one
        found = [lazy_pinyin(ch, style=Style.NORMAL, errors=lambda text: list(text))[0] for ch in run]
    return [_norm(r) for r in found]


def _readings(name: str) -> list[tuple[bool, list[str], list[str]]]:
    """(is_chinese, common readings, rare readings) per Chinese character; a run of other
    characters is one item (its text as the only common reading)."""
    text = _clean(name)
    runs = re.findall(r"[\u3400-\u9fff\U00020000-\U0002fa1f]+|[^\u3400-\u9fff\U00020000-\U0002fa1f]+", text)
    surname_len = 0
    if text and _HAN.match(text[0]):
        surname_len = 2 if text[:2] in COMPOUND_SURNAMES else 1
    compound = COMPOUND_READINGS.get(text[:2], ()) if surname_len == 2 else ()
    parts: list[tuple[bool, list[str], list[str]]] = []
    position = 0
    for run in runs:
        if not _HAN.match(run[0]):
            parts.append((False, [run], []))
            position += len(run)
            continue
        for ch, default in zip(run, _defaults(run)):
            if position < surname_len:
                preferred = compound[position] if compound else None
                common = [preferred] if preferred else list(SURNAME_READINGS.get(ch, ()) if surname_len == 1 else ())
                common = list(dict.fromkeys([*common, default] if default and not preferred else common))
                rare = [r for r in _heteronyms(ch) if r not in common]
            else:
                common, rare = [default or ch], []
            parts.append((True, common, rare))
            position += 1
    return parts


def _combine(parts: list[list[str]], limit: int = MAX_VARIANTS) -> list[str]:
    """Every spelling, the first character's readings varying fastest, so that the cap
    drops rare readings of later characters before those of the surname."""
    combos = itertools.islice(itertools.product(*reversed(parts)), limit)
    return list(dict.fromkeys("".join(reversed(combo)) for combo in combos))


def _spellings(name: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """(common full, common initials, rare full, rare initials) spellings of a name."""
    parts = _readings(name)
    if not parts:
        return [], [], [], []

    def full(readings: list[str]) -> list[str]:
        return list(dict.fromkeys(f for r in readings for f in _u_forms(r)))

    def initials(readings: list[str], is_han: bool) -> list[str]:
        return list(dict.fromkeys(r[0] for r in readings)) if is_han else readings

    common_full = _combine([full(c) for _, c, _r in parts])
    common_init = _combine([initials(c, h) for h, c, _r in parts])
    all_full = _combine([full(c + r) for _, c, r in parts])
    all_init = _combine([initials(c + r, h) for h, c, r in parts])
    rare_full = [s for s in all_full if s not in common_full]
    rare_init = [s for s in all_init if s not in common_init]
    room_full = max(0, MAX_VARIANTS - len(common_full))
    room_init = max(0, MAX_VARIANTS - len(common_init))
    return common_full[:MAX_VARIANTS], common_init[:MAX_VARIANTS], rare_full[:room_full], rare_init[:room_init]


def pinyin_variants(name: str) -> tuple[list[str], list[str]]:
    """All full spellings and all initials spellings of a name (at most 64 each), common first.

    '单田芳' -> (['shantianfang', 'dantianfang', 'chantianfang'], ['stf', 'dtf', 'ctf']).
    The first full spelling is the name as read (the surname as a surname): it orders lists.
    Initials are first letters (张 -> z); other characters are kept whole, lower-cased.
    """
    common_full, common_init, rare_full, rare_init = _spellings(name)
    return common_full + rare_full, common_init + rare_init


def clean(text: str) -> str:
    """A name or query as the search key stores it: separators and spaces removed, lower case."""
    return _clean(text)


def search_key(name: str) -> str:
    """Space-separated text to store and match with SQL LIKE: the name, then the common full
    spellings and initials, then `|` and the rare ones (no `|` when there are none)."""
    common_full, common_init, rare_full, rare_init = _spellings(name)
    common = [t for t in dict.fromkeys([_clean(name), *common_full, *common_init]) if t]
    rare = [t for t in dict.fromkeys([*rare_full, *rare_init]) if t and t not in common]
    return " ".join(common + ([RARE_MARK, *rare] if rare else []))


def key_tokens(key: str) -> list[str]:
    return [t for t in key.split(" ") if t and t != RARE_MARK]


def matches(name: str, query: str) -> bool:
    """True when `query` (case and spaces ignored) is part of the name or of one spelling."""
    q = _clean(query)
    if not q:
        return True
    return any(q in token for token in key_tokens(search_key(name)))
