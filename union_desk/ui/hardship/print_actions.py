"""Every 打印 button of the app: write the PDF off the UI thread, then show the print preview.

`print_pdf` is the single entry point (plan tab, activity sheets, hardship file, visit slips,
sign-off sheets). The PDF goes to a private temporary folder and is deleted when the preview
closes; the preview (`union_desk.ui.print_preview`) prints it or saves a copy (另存为PDF asks for
the file name then). The PDFs themselves come from `union_desk.printing`.

QtPdf is loaded on the first print (print_preview is imported inside `print_pdf`): the many
modules that import from here do not pay for it at start-up.
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from union_desk.ui.file_names import safe_name
from union_desk.ui.hardship.common import show_error
from union_desk.ui.widgets.task_runner import run_with_progress

if TYPE_CHECKING:  # reportlab is imported on the first print, not at start-up
    from union_desk.printing.common import PrintedPdf

log = logging.getLogger(__name__)

TEMP_PREFIX = "union-desk-print-"
STALE_AFTER = 24 * 3600  # a folder left by a crash is removed by a later print


def _remove_folder(folder: Path) -> None:
    """Remove a print folder; a file still held open (Windows) is left for a later clean-up."""
    shutil.rmtree(folder, ignore_errors=True)


def remove_stale_folders(now: float | None = None) -> None:
    """Print folders older than a day (the app was killed while a preview was open)."""
    now = time.time() if now is None else now
    try:
        folders = list(Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"))
    except OSError:
        return
    for folder in folders:
        try:
            if folder.is_dir() and now - folder.stat().st_mtime > STALE_AFTER:
                _remove_folder(folder)
        except OSError:
            continue


def _write(parent: QWidget, title: str, target: Path, write: Callable[[Path], PrintedPdf]):
    def work(progress):
        progress(0, 0, QCoreApplication.translate("PrintActions", "Preparing {name}…").format(name=target.stem))
        return write(target)

    return run_with_progress(parent, title, work, cancellable=False)


def print_pdf(
    parent: QWidget,
    title: str,
    default_name: str,
    write: Callable[[Path], PrintedPdf],
    on_done: Callable[[], object] | None = None,
) -> PrintedPdf | None:
    """Run `write(path)` into a private temporary file (progress dialog), then show the print
    preview; the file is deleted when the preview closes.

    `on_done()` runs each time the preview sends the job to a printer or saves the PDF (not when
    it merely opens): the visit slips record `printed_at` there. After the first time the PDF is
    written again (`write` once more), so a second copy from the same preview shows 补打.

    Returns what was written when it was printed or saved (`path` is the saved PDF when one was
    saved, else the removed temporary file); None when the preview was closed without either, or
    when writing failed (the message has been shown).
    """
    from union_desk.ui.print_preview import PrintPreviewDialog

    remove_stale_folders()
    folder = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    try:
        target = folder / f"{safe_name(default_name)}.pdf"
        result, error = _write(parent, title, target, write)
        if error is not None:
            show_error(parent, title, error)
            return None
        rewrites = {"count": 0, "dialog": None}

        def refresh() -> Path:
            rewrites["count"] += 1
            again = folder / f"{safe_name(default_name)}-{rewrites['count']}.pdf"
            written, failed = _write(rewrites["dialog"] or parent, title, again, write)
            if failed is not None:
                raise failed
            return written.path

        dialog = PrintPreviewDialog(
            result.path,
            parent,
            title=title,
            default_name=default_name,
            on_done=on_done,
            refresh=refresh if on_done is not None else None,
        )
        rewrites["dialog"] = dialog
        try:
            dialog.exec()
        finally:
            dialog.release()  # QtPdf holds the file open: close it before deleting (Windows)
            done, saved = list(dialog.jobs), dialog.saved_path
            dialog.deleteLater()
        if not done:
            return None
        return dataclasses.replace(result, path=saved) if saved is not None else result
    finally:
        _remove_folder(folder)
