"""The machinery shared by the A4 portrait sheets and one-page forms of printing.congress (提案表,
提案答复单), printing.honours (推荐表) and printing.funds (the A4 sheets):

    write(path, story, font, description, title, union, running, items)   # an A4 sheet, atomically
    header(font, st, union, title)                                         # union's name, then the title
    fitted_page(make, text, note, slack)                                   # a one-page form's story
    write_forms(path, forms, note, font, description, title, union, retries=RETRY_SLACK)
    Rule(font, [("签名：", 28 * mm)], size, date)                          # '签名：____　日期：　年　月　日'

A one-page form is made by `make(size, text, extra_height)`: its long text is set at 10.5 pt and
made smaller, down to 9 pt, until the page holds it; text that does not fit even then is cut at the
end of what fits and marked with `note` ("……（内容较长，见附页）"). The text's box is then stretched by
`extra_height` so that the form fills the page. Should a measured page still run over when built,
it is measured again with more room to spare (`RETRY_SLACK`): a form never spills onto a second page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, TableStyle

from union_desk.printing import common

MARGIN_X = 15 * mm
TOP, BOTTOM = 14 * mm, 18 * mm  # common.doc_template's margins
CONTENT_W = A4[0] - 2 * MARGIN_X  # 180 mm
FRAME_H = A4[1] - TOP - BOTTOM
SLACK = 4 * mm  # a one-page form is measured to this much less than the frame holds
RETRY_SLACK = (SLACK, 12 * mm, 30 * mm)  # … and, should it still run over, to these
MIN_PT = 9.0
BASE = 10.5
SIZES = (BASE, 10.0, 9.5, MIN_PT)  # the long text of a form, tried in turn
LABEL_BG = colors.Color(0.95, 0.95, 0.95)
PAD = 3  # cell padding (pt) left and right, as common.grid_style


# --- documents ------------------------------------------------------------------------------------------


def write(path, story: list, font: str, description: str, title: str, union: str, running: str = "",
          items: int = 0) -> common.PrintedPdf:
    """An A4 sheet of `story`, '第 N 页 共 M 页' at the foot and `running` atop continuation pages."""
    pages: list[int] = []

    def build(tmp) -> None:  # an open binary file (common.write_pdf_atomic)
        doc = common.doc_template(tmp, title, union, A4, margin_x=MARGIN_X, top=TOP, bottom=BOTTOM)
        doc.build(story, canvasmaker=common.numbered_canvas(font, running_head=running))
        pages.append(doc.page)

    target = common.write_pdf_atomic(path, build)
    return common.PrintedPdf(path=target, pages=pages[0], font=description, items=items)


def write_forms(path, forms: Sequence[tuple[Callable[[float, str, float], list], str]], note: str, font: str,
                description: str, title: str, union: str, retries: Sequence[float] = RETRY_SLACK,
                items: int | None = None) -> common.PrintedPdf:
    """One-page forms, one a page: `forms` are (make, long text) (see `fitted_page`). Should the
    measured pages still run over when built, they are measured again with the next slack of
    `retries`: a form is never printed on two pages."""
    pages: list[int] = []

    def build(tmp) -> None:
        canvas = common.numbered_canvas(font)
        for slack in retries:
            story: list = []
            for index, (make, text) in enumerate(forms):
                if index:
                    story.append(PageBreak())
                story += fitted_page(make, text, note, slack)
            buffer = io.BytesIO()
            doc = common.doc_template(buffer, title, union, A4, margin_x=MARGIN_X, top=TOP, bottom=BOTTOM)
            doc.build(story, canvasmaker=canvas)
            if doc.page == len(forms):
                break
        pages.append(doc.page)
        tmp.write(buffer.getvalue())

    target = common.write_pdf_atomic(path, build)
    return common.PrintedPdf(path=target, pages=pages[0], font=description,
                             items=len(forms) if items is None else items)


def header(font: str, st: dict, union: str, title: str) -> list:
    """The union's name, then the title (made smaller when long)."""
    return [
        common.DocumentStart(),
        Paragraph(common.esc(union), st["header"]),
        Spacer(1, 2.5 * mm),
        common.fitted_title(title, font, CONTENT_W, size=17, smallest=12),
    ]


# --- one-page forms -------------------------------------------------------------------------------------


def body_style(st: dict, size: float, name: str, loose: float, tight: float) -> ParagraphStyle:
    """Body text of a form at `size`, lines `loose` × size apart, `tight` at the smallest size."""
    leading = loose if size > MIN_PT else tight
    return ParagraphStyle(f"{name}{size}", parent=st["cell"], fontSize=size, leading=size * leading)


def form_style(font: str, spans: list, label_cells: list[tuple[int, int]], extra=(), top: float = 4,
               bottom: float = 5) -> TableStyle:
    """A form's grid: `top` / `bottom` cell padding, the label cells shaded, `spans` spanned."""
    style = common.grid_style(font, header_rows=0) + [
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]
    style += [("BACKGROUND", cell, cell, LABEL_BG) for cell in label_cells]
    style += [("SPAN", a, b) for a, b in spans]
    return TableStyle(style + list(extra))


def label(st: dict, text: str) -> Paragraph:
    return Paragraph(common.esc(text), st["label_small"])


def height(flowables: list, width: float = CONTENT_W) -> float:
    total = 0.0
    for f in flowables:
        _w, h = f.wrap(width, FRAME_H * 4)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def cut(text: str, note: str, fits: Callable[[str], bool]) -> str:
    """The longest start of `text` that, followed by `note`, still `fits` (binary search)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + "……" + note):
            low = middle
        else:
            high = middle - 1
    return (text[:low].rstrip() + "……" + note) if low else note


def clip(text: str, style: ParagraphStyle, width: float, box: float, note: str) -> str:
    """`text`, or its start with `note` when a paragraph of it would be taller than `box`."""
    def fits(candidate: str) -> bool:
        return Paragraph(common.esc(candidate), style).wrap(width, box * 4)[1] <= box

    return text if fits(text) else cut(text, note, fits)


def fitted_page(make: Callable[[float, str, float], list], text: str, note: str, slack: float = SLACK) -> list:
    """The story of a one-page form whose long text is set by `make(size, text, extra_height)`: at
    10.5 pt down to 9 pt, else cut with `note`; the text's box is then stretched (`extra_height`)
    so that the form fills the page."""
    room = FRAME_H - slack
    for size in SIZES:
        used = height(make(size, text, 0))
        if used <= room:
            return make(size, text, room - used)
    text = cut(text, note, lambda candidate: height(make(MIN_PT, candidate, 0)) <= room)
    return make(MIN_PT, text, max(0.0, room - height(make(MIN_PT, text, 0))))


class Rule(Flowable):
    """'签名：____　日期：　　年　　月　　日' drawn on one line, right-aligned; plain canvas text, so the
    ideographic spaces of the blank date stay. `date`: the date to print, "" for a blank one to fill
    in by hand, None for none."""

    def __init__(self, font: str, parts: list[tuple[str, float]], size: float = BASE, date: str | None = ""):
        super().__init__()
        self.font, self.parts, self.size = font, list(parts), size
        self.date_text = None if date is None else (f"日期：{date}" if date else f"日期：{common.BLANK_DATE}")

    def _items(self) -> list[tuple[str, float]]:
        items = list(self.parts)
        if self.date_text is not None:
            items.append((self.date_text, 0))
        return items

    def natural_width(self) -> float:
        gap = 5 * mm
        return sum(pdfmetrics.stringWidth(t, self.font, self.size) + line + gap for t, line in self._items()) - gap

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.size * 1.9

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setFont(self.font, self.size)
        canv.setLineWidth(0.6)
        x = max(0.0, self.width - self.natural_width())
        y = self.size * 0.45
        for text, line in self._items():
            canv.drawString(x, y, text)
            x += pdfmetrics.stringWidth(text, self.font, self.size)
            if line:
                canv.line(x + 1, y - 2, x + line, y - 2)
                x += line
            x += 5 * mm
        canv.restoreState()
