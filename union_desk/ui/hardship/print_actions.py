"""Printing from the 困难帮扶 tab: ask for a PDF file name, write it off the UI thread, open it.

The PDFs themselves come from `union_desk.printing` (slips.py, sheets.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from union_desk.ui.hardship.common import show_error
from union_desk.ui.widgets.task_runner import run_with_progress
from union_desk.ui.open_file import open_path

if TYPE_CHECKING:  # reportlab is imported on the first print, not at start-up
    from union_desk.printing.common import PrintedPdf


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def safe_name(name: str) -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name).strip() or "union-desk"


def ask_pdf_path(parent: QWidget, title: str, default_name: str) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        title,
        str(documents_dir() / f"{safe_name(default_name)}.pdf"),
        QCoreApplication.translate("PrintActions", "PDF files (*.pdf)"),
    )
    return Path(path) if path else None


def print_pdf(parent: QWidget, title: str, default_name: str, write: Callable[[Path], PrintedPdf]) -> PrintedPdf | None:
    """Ask where to save, run `write(path)` with a progress dialog, then open the PDF.

    Returns what was printed, or None when cancelled or refused (the message has been shown).
    """
    path = ask_pdf_path(parent, title, default_name)
    if path is None:
        return None

    def work(progress):
        progress(0, 0, QCoreApplication.translate("PrintActions", "Writing {name}…").format(name=path.name))
        return write(path)

    result, error = run_with_progress(parent, title, work, cancellable=False)
    if error is not None:
        show_error(parent, title, error)
        return None
    open_path(parent, result.path)
    return result
