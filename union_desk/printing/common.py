"""What every printout shares: the Chinese font, atomic PDF writing, styles, page numbers, header.

Rules (DESIGN.md "Printing Chinese"):
- all text is drawn in the font chosen by `fonts.resolve_font` (settings → Windows → Linux →
  STSong-Light); canvases are created with that font as their initial font, so not even the
  page preamble refers to Helvetica;
- a PDF is written to a temporary file in the target folder and renamed into place, so a failure
  leaves the old file whole; a target held open by another program becomes FileInUseError.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable

from union_desk.domain import money
from union_desk.errors import ValidationError
from union_desk.files import check_output_path, write_atomically
from union_desk.printing import fonts

CREATOR = "工会工作台 Union Desk"


def _teach_chinese_line_breaking() -> None:
    """ReportLab's CJK wrapping (kinsoku) knows the Japanese marks but not the full-width
    Chinese ，：；！？ — add them, so that no line of a Paragraph starts with one.

    Both copies of the list need it: textsplit's (single-style paragraphs) and the one
    paragraph.py imported by name (mixed-style paragraphs).
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):
        missing = "".join(ch for ch in "，：；！？》」』】〕…" if ch not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


_teach_chinese_line_breaking()

STAMP_RED = colors.Color(0.80, 0.05, 0.05)
YUAN = "￥"  # full-width: in GB2312, so STSong-Light has it as well as every TrueType CJK font


# --- results ------------------------------------------------------------------------------------


@dataclass
class PrintedPdf:
    """What a print call wrote: the file, its page count and the font that drew the Chinese."""

    path: Path
    pages: int
    font: str  # human-readable description of the font used (for the UI / CLI)
    reprints: list[str] = field(default_factory=list)  # serials printed as 补打
    voided: list[str] = field(default_factory=list)  # serials printed with the 作废 stamp
    items: int = 0  # slips, sign-off rows or hardship files printed


# --- atomic writing -----------------------------------------------------------------------------


def file_in_use_message(path) -> str:
    return f"文件“{Path(path).name}”正被其他程序打开，请关闭后重试。"


def pdf_target(path) -> Path:
    """The file a print writes: '.pdf' added when there is no suffix; other suffixes refused;
    then checked like every output file (`files.check_output_path`)."""
    if path is None or str(path).strip() == "":
        raise ValidationError("请给出要保存的 PDF 文件名。", field="path")
    target = Path(path).expanduser()
    if target.suffix.lower() != ".pdf" and _is_folder(target):
        raise ValidationError(f"“{target}”是一个文件夹，请给出文件名。", field="path")
    if not target.suffix:
        target = target.with_suffix(".pdf")
    if target.suffix.lower() != ".pdf":
        raise ValidationError(f"只能保存为 .pdf 文件，而不是“{target.name}”。", field="path")
    return check_output_path(target)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # e.g. a name too long: check_output_path says so
        return False


def write_pdf_atomic(path, write: Callable[[BinaryIO], object]) -> Path:
    """Call `write(file)` to produce the PDF into an open binary file, then rename it over `path`.

    Pass `file` to the canvas or doc template in place of a file name: it is closed here, also
    when ReportLab fails halfway, so the temporary file can be removed (Windows). A failure at
    any point leaves the old `path` untouched; a target open in a viewer → FileInUseError.
    """
    target = pdf_target(path)
    return write_atomically(target, write, write_failed="生成 PDF 失败", in_use_message=file_in_use_message(target))


# --- font and settings --------------------------------------------------------------------------


def font_choice() -> fonts.FontChoice:
    """The font for Chinese text as configured in settings (print_font, and pdf_font_index for the
    face of a .ttc), with the fallbacks."""
    from union_desk.services import settings

    return fonts.resolve_font(settings.get("print_font") or None, settings.font_index())


def chinese_font() -> tuple[str, str]:
    """(registered ReportLab font name, description for the user) of the print font."""
    choice = font_choice()
    return fonts.register(choice), choice.description


def union_header() -> tuple[str, str]:
    """(school name, union name) for the top of every printout; either may be ''."""
    from union_desk.services import settings

    return settings.get("school_name").strip(), settings.get("union_name").strip()


def union_title() -> str:
    """One line naming the union: the union's own name, else '<school>工会', else '工会'."""
    from union_desk.services import settings

    return settings.union_title()


def setting(key: str, default: str = "") -> str:
    from union_desk.services import settings

    return (settings.get(key) or "").strip() or default


# --- formatting ---------------------------------------------------------------------------------


def fmt_date(day) -> str:
    if not day:
        return ""
    if isinstance(day, dt.datetime):
        day = day.date()
    return f"{day.year}年{day.month}月{day.day}日"


def fmt_yuan(amount) -> str:
    """'￥1,005.50'."""
    return YUAN + money.format_yuan(amount)


def capitals(amount) -> str:
    """'壹仟零伍元伍角' (人民币大写)."""
    return money.to_chinese_capital(amount)


BLANK_DATE = "　　　　年　　月　　日"


# --- styles -------------------------------------------------------------------------------------


def styles(font: str, base: float = 10) -> dict[str, ParagraphStyle]:
    """Paragraph styles that all use `font` and break Chinese lines anywhere (wordWrap CJK)."""
    leading = base * 1.35

    def style(name, size=base, align=TA_LEFT, lead=None, **kw):
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=lead or size * 1.35,
            alignment=align,
            wordWrap="CJK",
            **kw,
        )

    return {
        "normal": style("UDNormal"),
        "cell": style("UDCell"),
        "cell_center": style("UDCellCenter", align=TA_CENTER),
        "cell_right": style("UDCellRight", align=TA_RIGHT),
        "label": style("UDLabel", align=TA_CENTER),
        "label_small": style("UDLabelSmall", size=base - 1, align=TA_CENTER),
        "head": style("UDHead", size=base - 1, align=TA_CENTER),
        "small": style("UDSmall", size=base - 1.5),
        "small_center": style("UDSmallCenter", size=base - 1.5, align=TA_CENTER),
        "header": style("UDHeader", size=base + 1.5, align=TA_CENTER),
        "title": style("UDTitle", size=base + 8, align=TA_CENTER, lead=(base + 8) * 1.3),
        "section": style("UDSection", size=base + 1, lead=leading + 2, spaceBefore=4, spaceAfter=2),
        "right": style("UDRight", align=TA_RIGHT),
    }


# --- canvases -----------------------------------------------------------------------------------


def draw_bold_centred(canv, x: float, y: float, text: str, font: str, size: float, stroke: float = 0.35) -> None:
    canv.saveState()
    canv.setLineWidth(stroke)
    t = canv.beginText()
    t.setTextRenderMode(2)
    t.setFont(font, size)
    t.setTextOrigin(x - pdfmetrics.stringWidth(text, font, size) / 2, y)
    t.textOut(text)
    canv.drawText(t)
    canv.restoreState()


def make_canvas(filename: str | BinaryIO, font: str, pagesize, **kw) -> rl_canvas.Canvas:
    """A canvas whose initial font is `font` (never Helvetica), with document info filled in."""
    c = rl_canvas.Canvas(filename, pagesize=pagesize, initialFontName=font, initialFontSize=10, **kw)
    c.setCreator(CREATOR)
    c.setProducer(CREATOR)
    return c


class NumberedCanvas(rl_canvas.Canvas):
    """Two-pass canvas: keeps every page until save(), then writes '第 N 页 共 M 页' on each.

    Subclass per font with `numbered_canvas(font)`; `running_head` (optional) is drawn at the
    top of pages 2+.
    """

    font_name = fonts.CID_FONT
    footer_size = 9
    running_head = ""

    def __init__(self, *args, **kwargs):
        # platypus passes initialFontName=None explicitly; None would mean Helvetica.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or self.font_name
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
        super().__init__(*args, **kwargs)
        self.setCreator(CREATOR)
        self.setProducer(CREATOR)
        self._saved_pages: list[dict] = []
        self.total_pages = 0

    def showPage(self):  # noqa: N802 - ReportLab API
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()
        self.document_starts_here = False

    def save(self):
        total = len(self._saved_pages)
        self.total_pages = total
        for state in self._saved_pages:
            self.__dict__.update(state)
            self.draw_page_furniture(self._pageNumber, total)
            super().showPage()
        super().save()

    def draw_page_furniture(self, number: int, total: int) -> None:
        width, _height = self._pagesize
        self.saveState()
        self.setFont(self.font_name, self.footer_size)
        self.setFillColor(colors.black)
        self.drawCentredString(width / 2, 10 * mm, f"第 {number} 页 共 {total} 页")
        if self.running_head and number > 1 and not getattr(self, "document_starts_here", False):
            self.setFont(self.font_name, self.footer_size)
            self.setFillColor(colors.Color(0.35, 0.35, 0.35))
            self.drawCentredString(width / 2, self._pagesize[1] - 9 * mm, self.running_head)
        self.restoreState()


def numbered_canvas(font: str, running_head: str = "") -> type[NumberedCanvas]:
    """A NumberedCanvas class bound to `font` (platypus wants a class / factory)."""
    return type("UDNumberedCanvas", (NumberedCanvas,), {"font_name": font, "running_head": running_head})


# --- flowables ----------------------------------------------------------------------------------


class DocumentStart(Flowable):
    """Zero-size marker: the page it lands on starts a new document (no '（续）' running head)."""

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.canv.document_starts_here = True


class BoldTitle(Flowable):
    """A centred title in the Chinese font, drawn fake-bold (CJK fonts here have no bold face)."""

    def __init__(self, text: str, font: str, size: float = 18, space_after: float = 4 * mm):
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.space_after = space_after

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.size * 1.25 + self.space_after

    def draw(self):
        draw_bold_centred(self.canv, self.width / 2, self.space_after + self.size * 0.25, self.text, self.font, self.size)


# --- shared layout pieces ---------------------------------------------------------------------------


def esc(text) -> str:
    """Paragraph text is mini-XML: escape &, < and >; keep line breaks."""
    s = "" if text is None else str(text)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def doc_template(filename: str | BinaryIO, title: str, author: str, pagesize, *, margin_x: float = 15 * mm,
                 top: float = 14 * mm, bottom: float = 18 * mm):
    """A one-frame platypus document (no frame padding: `doc.width` is exactly the table width);
    the bottom margin leaves room for '第 N 页 共 M 页'."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    doc = BaseDocTemplate(
        filename,
        pagesize=pagesize,
        leftMargin=margin_x,
        rightMargin=margin_x,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        creator=CREATOR,
        producer=CREATOR,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def signature_row(font: str, labels: tuple[str, ...], width: float, *, size: float = 10.5,
                  line: float = 34 * mm, date_label: str = "日期"):
    """'制表人：____　审核人：____　日期：　　年　月　日' with rules to sign on, `width` wide.

    Plain strings, not Paragraphs: a Paragraph would collapse the ideographic spaces of the date.
    """
    from reportlab.platypus import Table, TableStyle

    row, widths = [], []
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for label in labels:
        text = f"{label}："
        row += [text, "", ""]
        widths += [pdfmetrics.stringWidth(text, font, size) + 1, line, 10 * mm]
        style.append(("LINEBELOW", (len(row) - 2, 0), (len(row) - 2, 0), 0.6, colors.black))
    row.append(f"{date_label}：　　　　年　　月　　日")
    widths.append(max(width - sum(widths), 55 * mm))
    table = Table([row], colWidths=widths, rowHeights=[9 * mm], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def fitted_title(text: str, font: str, width: float, *, size: float = 18, smallest: float = 11.0) -> BoldTitle:
    """The sheet title, made smaller (down to `smallest`) when it would not fit on one line of `width`."""
    text_width = pdfmetrics.stringWidth(text, font, size)
    if text_width > width * 0.96:
        size = max(smallest, size * width * 0.96 / text_width)
    return BoldTitle(text, font, size=size, space_after=3 * mm)


def info_line(font: str, st: dict, left: str, right: str, widths: list[float]):
    """One line under the title: `left` flush left, `right` flush right, in columns `widths`."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    table = Table([[Paragraph(esc(left), st["normal"]), Paragraph(esc(right), st["right"])]], colWidths=widths)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    return table


HEAD_BG = colors.Color(0.92, 0.92, 0.92)


def grid_style(font: str, header_rows: int = 1) -> list:
    """TableStyle commands of a bordered table in `font`; the first `header_rows` rows shaded."""
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        style += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.9, colors.black),
        ]
    return style
