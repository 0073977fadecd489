"""Where files are offered and what they are called: the Documents folder, names Windows accepts,
and the 另存为PDF question. Shared by every page that saves or opens a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def safe_name(name: str) -> str:
    """A file name Windows accepts (no \\ / : * ? " < > |)."""
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name).strip() or "union-desk"


def ask_pdf_path(parent: QWidget | None, title: str, default_name: str) -> Path | None:
    """The file name for 另存为PDF (in the print preview), in Documents by default."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        title,
        str(documents_dir() / f"{safe_name(default_name)}.pdf"),
        QCoreApplication.translate("PrintActions", "PDF files (*.pdf)"),
    )
    return Path(path) if path else None
