"""Pinyin search keys for names, over every reading of heteronyms (单 -> dan/shan).

Characters are looked up one by one (not as phrases), so a surname keeps all its
readings. 'ü' is written 'v' (lv, nv), as on a keyboard.
"""

from __future__ import annotations

import itertools
import re


MAX_VARIANTS = 64
_SEPARATORS = re.compile(r"[\s·•・．.\-_'’]+")
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002fa1f]")


def _clean(text: str) -> str:
    return _SEPARATORS.sub("", str(text or "")).lower().replace("ü", "v")


def _readings(name: str) -> list[tuple[bool, list[str]]]:
    """(is_chinese, readings) per Chinese character; a run of other characters is one item."""
    parts: list[tuple[bool, list[str]]] = []
    other = ""
    for ch in _clean(name):
        if not _HAN.match(ch):
            other += ch
            continue
        if other:
            parts.append((False, [other]))
            other = ""
        from pypinyin import Style, pinyin  # imported on first use: its dictionaries take ~0.2 s

        found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="default")[0]
        readings = list(dict.fromkeys(r.lower().replace("ü", "v") for r in found if r))
        parts.append((True, readings or [ch]))
    if other:
        parts.append((False, [other]))
    return parts


def _combine(parts: list[list[str]]) -> list[str]:
    """Every spelling, the first character's readings varying fastest, so that the cap
    drops rare readings of later characters before those of the surname."""
    combos = itertools.islice(itertools.product(*reversed(parts)), MAX_VARIANTS)
    return ["".join(reversed(combo)) for combo in combos]


def pinyin_variants(name: str) -> tuple[list[str], list[str]]:
    """All full spellings and all initials spellings of a name (at most 64 each, first ones kept).

    '单田芳' -> (['dantianfang', 'chantianfang', 'shantianfang'], ['dtf', 'ctf', 'stf']).
    Initials are first letters (张 -> z); other characters are kept whole, lower-cased.
    """
    parts = _readings(name)
    if not parts:
        return [], []
    full = [readings for _, readings in parts]
    initials = [
        list(dict.fromkeys(r[0] for r in readings)) if is_han else readings
        for is_han, readings in parts
    ]
    return _combine(full), _combine(initials)


def clean(text: str) -> str:
    """A name or query as the search key stores it: separators and spaces removed, lower case."""
    return _clean(text)


def search_key(name: str) -> str:
    """Space-separated text to store and match with SQL LIKE: name, full spellings, initials."""
    full, initials = pinyin_variants(name)
    tokens = [_clean(name), *full, *initials]
    return " ".join(t for t in dict.fromkeys(tokens) if t)


def matches(name: str, query: str) -> bool:
    """True when `query` (case and spaces ignored) is part of the name or of one spelling."""
    q = _clean(query)
    if not q:
        return True
    return any(q in token for token in search_key(name).split(" "))
