"""What an area shows on 首页: figures (a number with a caption) and lists (entries that open a
record). Each area's `home_parts(context)` (named in its registration, union_desk.areas) returns
them; 首页 lays them out by `order` and knows no area by name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class HomeContext:
    today: dt.date
    db_path: Path


@dataclass
class HomeFigure:
    key: str
    caption: str  # translated
    value: str
    order: int


@dataclass
class HomeList:
    """A titled list; entry i opens `records[i]` of `kind` (the page registered for that kind)."""

    key: str
    title: str  # translated
    lines: list[str]
    kind: str
    records: list = field(default_factory=list)
    order: int = 100

