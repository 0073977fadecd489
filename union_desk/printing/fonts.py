"""Which font prints Chinese: settings → Windows fonts → Linux fonts → STSong-Light (CID).

ReportLab has no Chinese glyphs of its own; we never fall back to Helvetica for Chinese text.
TrueType collections (.ttc) hold several faces (simsun.ttc: SimSun and NSimSun) picked by a
sub-font index: the settings keep it as `pdf_font_index` next to the file (`print_font`), and
`collection_faces` names the faces for the user to choose from. simsunb.ttf is SimSun-ExtB (rare
characters only) and is never chosen. CFF-based OpenType (most Noto CJK files) cannot be embedded
by ReportLab, so such a file is reported as a problem and skipped.

Windows fonts are looked for in the system folder (%WINDIR%\\Fonts), then in the per-user folder
(%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts) where Windows 10 1809+ puts fonts a user installs
without administrator rights.
"""

from __future__ import annotations

import functools
import io
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


WINDOWS_FONT_FILES = ("simsun.ttc", "simhei.ttf", "msyh.ttc")


def windows_font_folders() -> list[Path]:
    """The system fonts folder, then the per-user one (when LOCALAPPDATA is set)."""
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return folders


def _windows_fonts() -> list[tuple[Path, int]]:
    return [(folder / name, 0) for folder in windows_font_folders() for name in WINDOWS_FONT_FILES]


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


def collection_size(path) -> int:
    """How many faces a TrueType/OpenType collection (.ttc/.otc) holds; 0 for any other file.
    The TTC header: b'ttcf', a version, then the number of fonts."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(12)
    except OSError:
        return 0
    return int.from_bytes(header[8:12], "big") if len(header) == 12 and header[:4] == b"ttcf" else 0


def is_collection(path) -> bool:
    return collection_size(path) > 0


def collection_faces(path) -> list[str]:
    """The faces inside a font collection, in sub-font index order, as "family style" (e.g.
    ["SimSun Regular", "NSimSun Regular"]); [] for a single font or a file that cannot be read."""
    count = collection_size(path)
    if not count:
        return []
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        data = Path(path).read_bytes()
        faces = []
        for index in range(count):
            face = TTFontFile(io.BytesIO(data), charInfo=0, validate=0, subfontIndex=index)
            faces.append(_text(face.familyName) + (f" {_text(face.styleName)}" if face.styleName else ""))
        return faces
    except Exception:  # noqa: BLE001 - a broken file has no faces to offer
        return []


def _text(name) -> str:
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)


def resolve_font(configured: str | None = None, index: int = 0) -> FontChoice:
    """The font to print Chinese with: `configured` (a font file; `index` picks the face of a
    collection and is ignored for a single font), else the first usable Windows or Linux font,
    else the CID font. `problem` says why a configured font was not used."""
    problem = ""
    if configured:
        path = Path(configured)
        size = collection_size(path)
        index = index if index > 0 and size else 0
        if index >= max(size, 1):
            problem = f"字体文件“{path.name}”中只有 {size} 种字体，没有第 {index + 1} 种，请在设置中重新选择"
        else:
            problem = _usable(path, index)
        if not problem:
            return FontChoice(_font_name(path, index), path, index)
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
