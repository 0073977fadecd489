"""Opening a file (a PDF, a workbook) or a folder with the system's program — and saying so when it fails.

QDesktopServices.openUrl returns False when nothing can open the file (no PDF viewer installed,
no file association). Then the user is told in Chinese and offered the file in its folder:
on Windows Explorer with the file selected (`explorer /select,"path"`), elsewhere the folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("OpenFile", text)


def _launch(path: Path) -> bool:
    # A stand-in for openUrl in a test may return None; only a real refusal (False) is a failure.
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))) is not False


def show_in_folder(path: Path) -> bool:
    """Show the file in its folder: Explorer with the file selected on Windows, else open the folder."""
    path = Path(path)
    if sys.platform == "win32":
        # Qt Creator's form: "/select," and the path as two arguments, so QProcess quotes a path
        # with spaces correctly ("explorer /select, "C:\a b\c.pdf"").
        native = str(path).replace("/", "\\")
        return bool(QProcess.startDetached("explorer.exe", ["/select,", native]))
    return _launch(path.parent)


def open_path(parent: QWidget | None, path: Path) -> bool:
    """Open a file with its program; on failure say so and offer to show it in its folder."""
    path = Path(path)
    if _launch(path):
        return True
    answer = QMessageBox.question(
        parent,
        _tr("Cannot open the file"),
        _tr(
            "No program on this computer opened the file:\n{path}\n\n"
            "For a PDF, install a PDF reader (for example WPS, or open it with a web browser). "
            "Show the file in its folder?"
        ).format(path=path),
    )
    if answer == QMessageBox.StandardButton.Yes and not show_in_folder(path):
        _folder_failed(parent, path.parent)
    return False


def open_folder(parent: QWidget | None, folder: Path) -> bool:
    """Open a folder in the file manager; on failure say so and name the folder."""
    folder = Path(folder)
    if _launch(folder):
        return True
    _folder_failed(parent, folder)
    return False


def _folder_failed(parent: QWidget | None, folder: Path) -> None:
    QMessageBox.warning(
        parent,
        _tr("Cannot open the folder"),
        _tr("The folder could not be opened. It is here:\n{path}").format(path=folder),
    )
