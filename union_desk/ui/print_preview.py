"""The in-app print preview: every 打印 button of the app ends here (issue 14, "Printing is a detour").

`PrintPreviewDialog` shows a PDF written by ReportLab (union_desk.printing) with QtPdf
(QPdfDocument + QPdfView) and offers

- **打印** — to a Windows printer through QPrintDialog (printer, copies, paper, pages). The pages
  chosen in the preview (全部 / 第 a 至 b 页) are handed to the print dialog, which may change
  them. Each page is rendered by QtPdf as an image at the printer's resolution (at most
  `MAX_PRINT_DPI`) and drawn with QPainter on the QPrinter. With no printer installed
  (`QPrinterInfo.availablePrinters()` empty) it says so and offers 另存为PDF instead.
- **另存为PDF** — asks for a file name and writes a copy of the PDF there (atomically, like every
  printout: `printing.common.write_pdf_atomic`).
- **关闭**.

Paper rule (A5 slips): when every page to print is A5 (either orientation) and the paper chosen for
the printer is A4, two pages go on each A4 sheet — side by side on a landscape sheet for portrait
A5 pages, one above the other on a portrait sheet for landscape ones — each at its true size, so
cutting the sheet in the middle gives two true A5 slips. On A5 paper, and on any other paper, each
page gets a sheet of its own, turned to the page's orientation. Pages are printed at their true
size, centred; never enlarged, and shrunk only when larger than the paper.

`on_done()` (given by the caller) runs after each print job handed to the printer and each PDF
saved — not when the preview opens or closes. The visit slips use it to record `printed_at`
(a slip's amount is fixed once printed). `refresh()` (optional) writes the PDF again after that,
so a second copy from the same preview carries the 补打 mark.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from union_desk.ui.widgets.form_base import FormDialog

log = logging.getLogger(__name__)

MAX_PRINT_DPI = 300  # an A4 page at 600 dpi would be a 140 MB image; 300 dpi prints text crisply
A4_PT = QSizeF(595.276, 841.89)
A5_PT = QSizeF(419.528, 595.276)
SIZE_TOLERANCE_PT = 6.0  # about 2 mm: ReportLab, Qt and printer drivers round paper sizes differently
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


# --- the paper rule -----------------------------------------------------------------------------


def same_size(size: QSizeF, other: QSizeF, tolerance: float = SIZE_TOLERANCE_PT) -> bool:
    """True when two sizes (points) are the same paper, in either orientation."""
    a = sorted((size.width(), size.height()))
    b = sorted((other.width(), other.height()))
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


def is_portrait(size: QSizeF) -> bool:
    return size.height() >= size.width()


def pages_per_sheet(page_sizes: list[QSizeF], paper: QSizeF) -> int:
    """2 when every page is A5 and the paper is A4 (the module's paper rule), else 1."""
    if page_sizes and same_size(paper, A4_PT) and all(same_size(size, A5_PT) for size in page_sizes):
        return 2
    return 1


def sheet_orientation(page: QSizeF, per_sheet: int) -> QPageLayout.Orientation:
    """One page a sheet: the page's own orientation. Two: portrait A5 pages on landscape A4."""
    portrait = is_portrait(page) if per_sheet == 1 else not is_portrait(page)
    return QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape


def cells(sheet: QRectF, per_sheet: int) -> list[QRectF]:
    """The part of the sheet each page gets: all of it, or a half across its longer side."""
    if per_sheet == 1:
        return [QRectF(sheet)]
    if sheet.width() >= sheet.height():
        half = sheet.width() / 2
        return [QRectF(sheet.x(), sheet.y(), half, sheet.height()), QRectF(sheet.x() + half, sheet.y(), half, sheet.height())]
    half = sheet.height() / 2
    return [QRectF(sheet.x(), sheet.y(), sheet.width(), half), QRectF(sheet.x(), sheet.y() + half, sheet.width(), half)]


def place(page: QSizeF, cell: QRectF) -> QRectF:
    """Where a page of `page` size (device units) goes in `cell`: true size, centred; shrunk only
    when larger than the cell."""
    scale = min(1.0, cell.width() / page.width(), cell.height() / page.height()) if page.width() and page.height() else 1.0
    size = QSizeF(page.width() * scale, page.height() * scale)
    return QRectF(cell.center() - QPointF(size.width() / 2, size.height() / 2), size)


def selected_pages(printer: QPrinter, count: int, current: int = 0) -> list[int]:
    """The 0-based pages the printer's settings ask for (what the print dialog left there)."""
    chosen = printer.printRange()
    if chosen == QPrinter.PrintRange.CurrentPage:
        return [current] if 0 <= current < count else []
    if chosen == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [page for page in range(count) if ranges.contains(page + 1)]
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            return [page for page in range(count) if first <= page + 1 <= (last or count)]
    return list(range(count))


def render_page(document: QPdfDocument, page: int, dpi: float) -> QImage:
    """One page as an opaque image (white paper) at `dpi`."""
    size_pt = document.pagePointSize(page)
    size = QSize(max(1, round(size_pt.width() * dpi / 72)), max(1, round(size_pt.height() * dpi / 72)))
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def print_pages(
    document: QPdfDocument,
    printer: QPrinter,
    pages: list[int],
    progress: Callable[[int, int], bool] | None = None,
) -> bool:
    """Draw `pages` (0-based) of `document` on `printer` by the paper rule. The printer's paper
    size is taken as chosen; its orientation is set here. Returns False when nothing was printed
    (the printer could not start, or `progress(done, total)` returned False: the job is aborted).
    """
    if not pages:
        return False
    sizes = [document.pagePointSize(page) for page in pages]
    paper = printer.pageLayout().pageSize().size(QPageSize.Unit.Point)
    per_sheet = pages_per_sheet(sizes, paper)
    printer.setFullPage(True)
    printer.setPageOrientation(sheet_orientation(sizes[0], per_sheet))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        dpi = printer.resolution()
        render_dpi = min(dpi, MAX_PRINT_DPI)
        sheet = QRectF(printer.pageLayout().fullRectPixels(dpi))
        slots = cells(sheet, per_sheet)
        for done, page in enumerate(pages):
            if progress is not None and progress(done, len(pages)) is False:
                printer.abort()
                return False
            slot = done % per_sheet
            if done and slot == 0:
                printer.newPage()
            size_pt = sizes[done]
            target = place(QSizeF(size_pt.width() * dpi / 72, size_pt.height() * dpi / 72), slots[slot])
            painter.drawImage(target, render_page(document, page, render_dpi))
        if progress is not None:
            progress(len(pages), len(pages))
    finally:
        if painter.isActive():
            painter.end()
    return True


def available_printers() -> list[QPrinterInfo]:
    return QPrinterInfo.availablePrinters()


# --- the dialog ---------------------------------------------------------------------------------


class PrintPreviewDialog(FormDialog):
    """Preview of the PDF `path` with 打印, 另存为PDF and 关闭 (see the module docstring).

    `default_name` is offered by 另存为PDF; `on_done()` runs after every job sent to a printer and
    every PDF saved; `refresh()` then writes the PDF again and returns its new path (optional).
    `jobs` lists what happened ("printed", "saved"); `saved_path` is the last PDF saved.
    """

    confirm_discard = False

    def __init__(
        self,
        path: Path,
        parent: QWidget | None = None,
        *,
        title: str = "",
        default_name: str = "",
        on_done: Callable[[], object] | None = None,
        refresh: Callable[[], Path] | None = None,
    ):
        super().__init__(parent)
        self.path = Path(path)
        self.title = title or self.tr("Print preview")
        self.default_name = default_name or self.path.stem
        self.on_done = on_done
        self.refresh = refresh
        self.jobs: list[str] = []
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Print preview – {name}").format(name=self.default_name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("printPreviewView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setDocument(self.document)

        # toolbar: size of the view, pages to print
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("Whole page"), "page")
        self.zoom.addItem(self.tr("Page width"), "width")
        for factor in ZOOMS:
            self.zoom.addItem(f"{factor:.0%}", factor)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.page_count = QLabel()
        self.all_pages = QRadioButton(self.tr("All pages"))
        self.some_pages = QRadioButton(self.tr("Pages"))
        self.range_group = QButtonGroup(self)
        self.range_group.addButton(self.all_pages)
        self.range_group.addButton(self.some_pages)
        self.all_pages.setChecked(True)
        self.first_page = QSpinBox()
        self.last_page = QSpinBox()
        for box in (self.first_page, self.last_page):
            box.setMinimum(1)
        self.some_pages.toggled.connect(self._update_range_widgets)

        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(self.tr("View:")))
        toolbar.addWidget(self.zoom)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.page_count)
        toolbar.addStretch(1)
        toolbar.addWidget(QLabel(self.tr("Print:")))
        toolbar.addWidget(self.all_pages)
        toolbar.addWidget(self.some_pages)
        toolbar.addWidget(self.first_page)
        toolbar.addWidget(QLabel(self.tr("to")))
        toolbar.addWidget(self.last_page)

        self.paper_hint = QLabel()
        self.paper_hint.setObjectName("hint")
        self.paper_hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setDefault(True)
        self.save_pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(self.print_document)
        self.save_pdf_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self._close_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_pdf_button)
        buttons.addWidget(self.close_button)

        # a viewer: its own layout (the form's scroll area would scroll the scrolling view)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.paper_hint)
        layout.addLayout(buttons)

        self.load(self.path)
        self.resize(1100, 900)  # fit_to_screen trims it to the screen (1366×768: about 1334×690)

    # --- the document -------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        self.document.close()
        self.path = Path(path)
        error = self.document.load(str(self.path))
        if error != QPdfDocument.Error.None_:
            self.status.setText(self.tr("The PDF could not be shown ({error}).").format(error=error.name))
        count = self.document.pageCount()
        self.page_count.setText(self.tr("{count} page(s)").format(count=count))
        for box in (self.first_page, self.last_page):
            box.setMaximum(max(1, count))
        if not self.some_pages.isChecked():
            self.first_page.setValue(1)
            self.last_page.setValue(max(1, count))
        self._update_range_widgets()
        self.paper_hint.setText(self._paper_text())
        self.print_button.setEnabled(count > 0)
        self.save_pdf_button.setEnabled(count > 0)

    def release(self) -> None:
        """Let go of the file (Windows keeps an open file from being deleted)."""
        self.document.close()

    def page_sizes(self) -> list[QSizeF]:
        return [self.document.pagePointSize(page) for page in range(self.document.pageCount())]

    def _paper_text(self) -> str:
        sizes = self.page_sizes()
        if sizes and all(same_size(size, A5_PT) for size in sizes):
            return self.tr("A5 pages: one per sheet on A5 paper; on A4 paper two per sheet, true size (cut in the middle).")
        if sizes and all(same_size(size, A4_PT) for size in sizes):
            return self.tr("A4 pages: one per sheet, true size.")
        return ""

    # --- view ---------------------------------------------------------------------------------

    def _zoom_changed(self, _index: int) -> None:
        choice = self.zoom.currentData()
        if choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    def _update_range_widgets(self, *_args) -> None:
        several = self.document.pageCount() > 1
        self.some_pages.setEnabled(several)
        self.first_page.setEnabled(several and self.some_pages.isChecked())
        self.last_page.setEnabled(several and self.some_pages.isChecked())

    def chosen_pages(self) -> list[int]:
        """The 0-based pages chosen in the preview's 全部 / 第 a 至 b 页."""
        count = self.document.pageCount()
        if not self.some_pages.isChecked():
            return list(range(count))
        first, last = sorted((self.first_page.value(), self.last_page.value()))
        return [page for page in range(count) if first <= page + 1 <= last]

    # --- printing -----------------------------------------------------------------------------

    def make_printer(self, info: QPrinterInfo | None = None) -> QPrinter:
        """The printer the print dialog starts from: the default one (or `info`), high resolution."""
        info = info or QPrinterInfo.defaultPrinter()
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution) if not info.isNull() else QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        return printer

    def print_document(self) -> bool:
        """打印: pick the printer and pages in the print dialog, then print. No printer installed:
        say so and offer 另存为PDF. True when the job went to the printer."""
        if not available_printers():
            answer = QMessageBox.question(
                self,
                self.tr("No printer"),
                self.tr(
                    "No printer is installed on this computer.\n\n"
                    "Save the document as a PDF instead (to print it on another computer)?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.save_as()
            return False
        printer = self.make_printer()
        count = self.document.pageCount()
        chosen = self.chosen_pages()
        sizes = [self.document.pagePointSize(page) for page in chosen] or self.page_sizes()
        paper = printer.pageLayout().pageSize().size(QPageSize.Unit.Point)
        if sizes:  # the dialog shows the orientation the paper rule will use
            printer.setPageOrientation(sheet_orientation(sizes[0], pages_per_sheet(sizes, paper)))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.title)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setMinMax(1, max(1, count))
        if self.some_pages.isChecked() and chosen:
            dialog.setFromTo(chosen[0] + 1, chosen[-1] + 1)
            dialog.setPrintRange(QAbstractPrintDialog.PrintRange.PageRange)
        else:
            dialog.setPrintRange(QAbstractPrintDialog.PrintRange.AllPages)
        if not dialog.exec():
            return False
        pages = selected_pages(printer, count, self._current_page())
        if not pages:
            QMessageBox.information(self, self.title, self.tr("No page is chosen to print."))
            return False
        if not self.print_to(printer, pages):
            return False
        self.status.setText(
            self.tr("{count} page(s) sent to the printer {printer}.").format(count=len(pages), printer=printer.printerName())
        )
        self._finished("printed")
        return True

    def _current_page(self) -> int:
        navigator = self.view.pageNavigator()
        return navigator.currentPage() if navigator is not None else 0

    def print_to(self, printer: QPrinter, pages: list[int]) -> bool:
        """Render `pages` (0-based) to `printer` with a progress dialog; True when it was sent."""
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, len(pages), self)
        progress.setWindowTitle(self.title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def step(done: int, total: int) -> bool:
            progress.setValue(done)
            progress.setLabelText(self.tr("Printing page {done} of {total}…").format(done=min(done + 1, total), total=total))
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            sent = print_pages(self.document, printer, pages, step)
        finally:
            progress.close()
        if not sent and not progress.wasCanceled():
            QMessageBox.warning(
                self,
                self.title,
                self.tr("The printer {printer} could not start printing. Check that it is switched on and ready.").format(
                    printer=printer.printerName() or "PDF"
                ),
            )
        return sent

    # --- saving -------------------------------------------------------------------------------

    def save_as(self) -> Path | None:
        """另存为PDF: ask for a file name, write a copy there. Returns the file, or None."""
        from union_desk.ui.file_names import ask_pdf_path

        target = ask_pdf_path(self, self.tr("Save as PDF"), self.default_name)
        if target is None:
            return None
        from union_desk.printing import common  # reportlab is loaded: a printout was just written
        from union_desk.ui.hardship.common import show_error

        data = self.path.read_bytes()
        try:
            written = common.write_pdf_atomic(target, lambda file: file.write(data))
        except Exception as exc:  # noqa: BLE001 - a full disk, a file open elsewhere: said in Chinese
            log.warning("Saving %s failed: %s", target, exc)
            show_error(self, self.tr("Save as PDF"), exc)
            return None
        self.saved_path = written
        self.status.setText(self.tr("Saved as {path}").format(path=written))
        self._finished("saved")
        return written

    # --- after a print or a save --------------------------------------------------------------

    def _finished(self, what: str) -> None:
        first = not self.jobs
        self.jobs.append(what)
        if self.on_done is None:
            return
        from union_desk.ui.hardship.common import show_error

        try:
            self.on_done()
        except Exception as exc:  # noqa: BLE001 - the paper is out; the record could not be written
            log.exception("Recording the printout failed")
            show_error(self, self.title, exc)
            return
        if first and self.refresh is not None:
            try:
                path = self.refresh()
            except Exception:  # noqa: BLE001 - the preview keeps the first version
                log.exception("Writing the PDF again failed")
                return
            old = self.path
            self.load(path)
            if old != self.path:
                try:
                    old.unlink()
                except OSError:
                    pass

    def _close_clicked(self) -> None:
        self._user_closing = True
        self.reject()
