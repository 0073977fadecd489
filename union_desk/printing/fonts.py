"""Which font prints Chinese: settings → Windows fonts → Linux fonts → STSong-Light (CID).

ReportLab has no Chinese glyphs of its own; we never fall back to Helvetica for Chinese text.
TrueType collections (.ttc) need a sub-font index. simsunb.ttf is SimSun-ExtB (rare characters
only) and is never chosen. CFF-based OpenType (most Noto CJK files) cannot be embedded by
ReportLab, so such a file is reported as a problem and skipped.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

CID_FONT = "STSong-Light"


@dataclass(frozen=True)
class FontChoice:
    name: str  # the name registered with ReportLab
    path: Path | None  # None for the built-in CID font
    subfont_index: int = 0
    problem: str = ""  # why the configured font was not used, if it was not

    @property
    def description(self) -> str:
        if self.path is None:
            return f"{CID_FONT}（ReportLab 内置，字形由阅读器提供）"
        return f"{self.path.name}（{self.path}）"


def _windows_fonts() -> list[tuple[Path, int]]:
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [(folder / "simsun.ttc", 0), (folder / "simhei.ttf", 0), (folder / "msyh.ttc", 0)]


LINUX_FONTS = [
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
]


@functools.lru_cache(maxsize=32)
def _usable(path: Path, index: int) -> str:
    """Cached: parsing a 10 MB CJK font takes a while. '' when ReportLab can embed this font, else the reason it cannot."""
    if path.name.lower() == "simsunb.ttf":
        return "simsunb.ttf 是 SimSun-ExtB（只含生僻字），不能用于打印"
    if not path.is_file():
        return f"找不到字体文件：{path}"
    try:
        from reportlab.pdfbase.ttfonts import TTFont

        TTFont("probe", str(path), subfontIndex=index)
    except Exception as exc:  # noqa: BLE001 - any failure means "cannot embed"
        return f"这个字体文件无法用于打印（{exc}）"
    return ""


def _font_name(path: Path, index: int) -> str:
    return f"UD-{path.stem}-{index}"


def resolve_font(configured: str | None = None) -> FontChoice:
    problem = ""
    if configured:
        path = Path(configured)
        problem = _usable(path, 0)
        if not problem:
            return FontChoice(_font_name(path, 0), path)
    for path, index in _windows_fonts() + LINUX_FONTS:
        if path.is_file() and not _usable(path, index):
            return FontChoice(_font_name(path, index), path, index, problem)
    return FontChoice(CID_FONT, None, 0, problem)


def register(choice: FontChoice) -> str:
    """Register the chosen font with ReportLab (once) and return its name."""
    from reportlab.pdfbase import pdfmetrics

    if choice.name in pdfmetrics.getRegisteredFontNames():
        return choice.name
    if choice.path is None:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    else:
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(choice.name, str(choice.path), subfontIndex=choice.subfont_index))
    return choice.name
