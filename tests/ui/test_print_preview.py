"""The in-app print preview (union_desk/ui/print_preview.py) and `print_actions.print_pdf`.

The render-to-printer path is checked with a QPrinter writing a PDF (PdfFormat): its pages are
read back with pdfinfo (count, paper) and rendered again with QtPdf, to see which source page
landed where. The source pages carry a black bar in a different quarter of the page each, since
printed pages are images (pdftotext finds no text in them).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QMessageBox

from union_desk.ui import print_preview
from union_desk.ui.hardship import print_actions
from union_desk.ui.print_preview import PrintPreviewDialog

A4 = (595.276, 841.89)
A5 = (419.528, 595.276)
BANDS = 4


def make_pdf(path: Path, pages: int, size=A4) -> Path:
    """`pages` pages; page i has a black bar across band i (of 4, from the top)."""
    from reportlab.pdfgen import canvas

    width, height = size
    c = canvas.Canvas(str(path), pagesize=size)
    for i in range(pages):
        band = i % BANDS
        top = height - band * height / BANDS
        c.rect(width * 0.2, top - height / BANDS * 0.8, width * 0.6, height / BANDS * 0.6, fill=1, stroke=0)
        c.drawString(40, 40, f"page {i + 1}")
        c.showPage()
    c.save()
    return path


def pdf_printer(path: Path, paper=QPageSize.PageSizeId.A4) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(paper))
    return printer


def pdfinfo(path: Path) -> tuple[int, tuple[float, float]]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    w, h = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M).groups()
    return pages, (float(w), float(h))


def close_to(size, expected, tolerance=3.0) -> bool:
    return abs(size[0] - expected[0]) <= tolerance and abs(size[1] - expected[1]) <= tolerance


def bars(path: Path, halves: int = 1) -> list[list[int | None]]:
    """Per printed sheet, per half (left/right or top/bottom): which band is black (None: blank)."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    found = []
    for page in range(document.pageCount()):
        pt = document.pagePointSize(page)
        image = document.render(page, QSize(round(pt.width() / 4), round(pt.height() / 4)))
        w, h = image.width(), image.height()
        if halves == 1:
            parts = [(0, 0, w, h)]
        elif w >= h:
            parts = [(0, 0, w // 2, h), (w // 2, 0, w - w // 2, h)]
        else:
            parts = [(0, 0, w, h // 2), (0, h // 2, w, h - h // 2)]
        row = []
        for x0, y0, pw, ph in parts:
            dark = [0] * BANDS
            for y in range(y0, y0 + ph, 2):
                band = min(BANDS - 1, (y - y0) * BANDS // ph)
                for x in range(x0, x0 + pw, 2):
                    color = image.pixelColor(x, y)
                    if color.alpha() > 128 and color.lightness() < 80:
                        dark[band] += 1
            best = max(range(BANDS), key=lambda b: dark[b])
            row.append(best if dark[best] > 20 else None)
        found.append(row)
    document.close()
    return found


@pytest.fixture(autouse=True)
def quick(monkeypatch, qapp):
    """Render pages at 72 dpi: enough to find the bars, and fast."""
    monkeypatch.setattr(print_preview, "MAX_PRINT_DPI", 72)


@pytest.fixture
def preview(qtbot, tmp_path):
    def make(pages=4, size=A4, **kwargs):
        source = make_pdf(tmp_path / "source.pdf", pages, size)
        dialog = PrintPreviewDialog(source, None, title="测试", default_name="测试文件", **kwargs)
        qtbot.addWidget(dialog)
        return dialog

    return make


@pytest.fixture
def printers(monkeypatch, tmp_path):
    """One (pretend) printer installed; the job goes to a PDF file. Returns the output path."""
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(print_preview, "available_printers", lambda: [QPrinterInfo()])
    monkeypatch.setattr(PrintPreviewDialog, "make_printer", lambda self, info=None: pdf_printer(out))
    return out


# --- the paper rule -----------------------------------------------------------------------------


def test_paper_rule():
    from PySide6.QtCore import QSizeF

    a5, a4 = QSizeF(*A5), QSizeF(*A4)
    a5_landscape = QSizeF(A5[1], A5[0])
    assert print_preview.pages_per_sheet([a5, a5], a4) == 2
    assert print_preview.pages_per_sheet([a5_landscape], a4) == 2
    assert print_preview.pages_per_sheet([a5], a5) == 1
    assert print_preview.pages_per_sheet([a5, a4], a4) == 1  # not every page is A5
    assert print_preview.pages_per_sheet([a4], a4) == 1
    assert print_preview.pages_per_sheet([a5], QSizeF(612, 792)) == 1  # Letter
    landscape, portrait = QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait
    assert print_preview.sheet_orientation(a5, 2) == landscape  # two portrait A5 side by side
    assert print_preview.sheet_orientation(a5_landscape, 2) == portrait  # one above the other
    assert print_preview.sheet_orientation(a5, 1) == portrait
    assert print_preview.sheet_orientation(QSizeF(A4[1], A4[0]), 1) == landscape


# --- render to a printer (a PDF-format QPrinter) --------------------------------------------------


def test_selected_pages_are_printed_at_full_resolution(tmp_path, monkeypatch):
    monkeypatch.setattr(print_preview, "MAX_PRINT_DPI", 300)
    source = make_pdf(tmp_path / "source.pdf", 4)
    document = QPdfDocument()
    document.load(str(source))
    out = tmp_path / "out.pdf"
    printer = pdf_printer(out)
    seen = []
    assert print_preview.print_pages(document, printer, [1, 2], lambda done, total: seen.append((done, total)) or True)
    document.close()
    pages, size = pdfinfo(out)
    assert pages == 2 and close_to(size, A4)
    assert bars(out) == [[1], [2]]
    assert seen[-1] == (2, 2)


def test_a5_slips_go_two_per_a4_sheet(tmp_path):
    source = make_pdf(tmp_path / "slips.pdf", 3, A5)
    document = QPdfDocument()
    document.load(str(source))
    out = tmp_path / "out.pdf"
    assert print_preview.print_pages(document, pdf_printer(out), [0, 1, 2])
    document.close()
    pages, size = pdfinfo(out)
    assert pages == 2 and close_to(size, (A4[1], A4[0]))  # A4 landscape
    assert bars(out, halves=2) == [[0, 1], [2, None]]


def test_a5_slips_on_a5_paper_one_per_sheet(tmp_path):
    source = make_pdf(tmp_path / "slips.pdf", 2, A5)
    document = QPdfDocument()
    document.load(str(source))
    out = tmp_path / "out.pdf"
    assert print_preview.print_pages(document, pdf_printer(out, QPageSize.PageSizeId.A5), [0, 1])
    document.close()
    pages, size = pdfinfo(out)
    assert pages == 2 and close_to(size, A5)
    assert bars(out) == [[0], [1]]


def test_cancelled_print_is_aborted(tmp_path):
    source = make_pdf(tmp_path / "source.pdf", 3)
    document = QPdfDocument()
    document.load(str(source))
    assert not print_preview.print_pages(document, pdf_printer(tmp_path / "out.pdf"), [0, 1, 2], lambda done, _t: done < 1)
    document.close()


# --- the dialog ---------------------------------------------------------------------------------


def test_print_button_prints_the_pages_chosen_in_the_preview(preview, printers, monkeypatch):
    done = []
    dialog = preview(on_done=lambda: done.append(1))
    shown = {}

    def fake_exec(self):
        shown["range"] = (self.printRange(), self.fromPage(), self.toPage(), self.minPage(), self.maxPage())
        return 1

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    assert dialog.page_count.text() and dialog.document.pageCount() == 4
    dialog.some_pages.setChecked(True)
    dialog.first_page.setValue(2)
    dialog.last_page.setValue(3)
    dialog.print_button.click()
    assert shown["range"] == (QPrintDialog.PrintRange.PageRange, 2, 3, 1, 4)
    assert pdfinfo(printers)[0] == 2
    assert bars(printers) == [[1], [2]]
    assert done == [1] and dialog.jobs == ["printed"]


def test_print_dialog_cancelled_prints_nothing(preview, printers, monkeypatch):
    done = []
    dialog = preview(on_done=lambda: done.append(1))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 0)
    dialog.print_button.click()
    assert not printers.exists() and done == [] and dialog.jobs == []


def test_no_printer_says_so_and_offers_the_pdf(preview, monkeypatch, tmp_path):
    monkeypatch.setattr(print_preview, "available_printers", lambda: [])
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: pytest.fail("no print dialog without a printer"))
    names = []

    def fake_save(parent, title, default, filters):
        names.append(default)
        return str(tmp_path / "copy.pdf"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    done = []
    dialog = preview(on_done=lambda: done.append(1))
    dialog.print_button.click()
    assert asked and "printer" in asked[0].lower() or "打印机" in asked[0]
    assert names[0].endswith("测试文件.pdf")
    assert (tmp_path / "copy.pdf").read_bytes() == dialog.path.read_bytes()
    assert done == [1] and dialog.jobs == ["saved"] and dialog.saved_path == tmp_path / "copy.pdf"
    assert "copy.pdf" in dialog.status.text()


def test_no_printer_declined_does_nothing(preview, monkeypatch):
    monkeypatch.setattr(print_preview, "available_printers", lambda: [])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: pytest.fail("not asked"))
    dialog = preview()
    assert dialog.print_document() is False and dialog.jobs == []


def test_save_as_cancelled_marks_nothing(preview, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    done = []
    dialog = preview(on_done=lambda: done.append(1))
    dialog.save_pdf_button.click()
    assert done == [] and dialog.jobs == []


def test_save_as_refused_says_why(preview, monkeypatch, tmp_path):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "no-such-folder" / "x.pdf"), ""))
    done = []
    dialog = preview(on_done=lambda: done.append(1))
    dialog.save_pdf_button.click()
    assert warned and "文件夹不存在" in warned[0]
    assert done == [] and dialog.jobs == []


def test_single_page_has_no_range(preview):
    dialog = preview(pages=1)
    assert not dialog.some_pages.isEnabled() and dialog.chosen_pages() == [0]


def test_a5_document_explains_the_paper_rule(preview):
    dialog = preview(pages=2, size=A5)
    assert "A5" in dialog.paper_hint.text() and "A4" in dialog.paper_hint.text()


def test_preview_fits_a_small_screen(preview):
    dialog = preview()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 - 40 and hint.height() <= 728 - 60, hint


# --- print_pdf: the single entry point --------------------------------------------------------------


class Written:
    def __init__(self, tmp_path):
        self.calls: list[Path] = []
        self.tmp_path = tmp_path

    def __call__(self, path):
        from union_desk.printing.common import PrintedPdf

        self.calls.append(Path(path))
        make_pdf(Path(path), 2)
        return PrintedPdf(path=Path(path), pages=2, font="test")


def test_print_pdf_shows_the_preview_and_deletes_its_file(qtbot, tmp_path, monkeypatch):
    write = Written(tmp_path)
    opened = []

    def fake_exec(self):
        opened.append((self.path, self.path.is_file(), self.windowTitle()))
        return 0

    monkeypatch.setattr(PrintPreviewDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: pytest.fail("no file name asked before the preview"))
    done = []
    assert print_actions.print_pdf(None, "打印测试", "测试", write, on_done=lambda: done.append(1)) is None
    (path, existed, title), = opened
    assert existed and path == write.calls[0] and "测试" in title
    assert not path.exists() and not path.parent.exists()  # the private folder is gone
    assert done == []


def test_print_pdf_after_a_save_returns_the_saved_file(qtbot, tmp_path, monkeypatch):
    write = Written(tmp_path)
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda self: (self.save_as(), self.save_as(), 0)[-1])
    done = []
    result = print_actions.print_pdf(None, "打印测试", "测试", write, on_done=lambda: done.append(1))
    assert result is not None and result.path == target and target.is_file()
    assert done == [1, 1]
    assert len(write.calls) == 2  # written again after the first save (a later copy shows 补打)
    assert not any(p.exists() for p in write.calls)


def test_print_pdf_writing_fails(qtbot, monkeypatch):
    from union_desk.errors import ValidationError

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda self: pytest.fail("no preview"))

    def write(path):
        raise ValidationError("没有可打印的内容")

    assert print_actions.print_pdf(None, "打印测试", "测试", write) is None
    assert warned == ["没有可打印的内容"]
