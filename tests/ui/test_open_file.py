"""Opening a PDF or a folder that fails says so and offers the file in its folder."""

from __future__ import annotations

from PySide6.QtCore import QProcess
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from union_desk.ui import open_file


def test_a_pdf_that_opens_needs_no_message(qapp, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    assert open_file.open_path(None, tmp_path / "记录单.pdf") is True
    assert opened == [str(tmp_path / "记录单.pdf")]


def test_no_pdf_viewer_offers_the_folder(qapp, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(url.toLocalFile()) or len(calls) > 1)
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(open_file.sys, "platform", "linux")
    pdf = tmp_path / "签收表.pdf"
    assert open_file.open_path(None, pdf) is False
    assert str(pdf) in questions[0]
    assert calls == [str(pdf), str(tmp_path)]  # then the folder


def test_on_windows_explorer_selects_the_file(qapp, monkeypatch):
    """Simulated, not run: explorer.exe /select, "path" through QProcess.startDetached."""
    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, args: started.append((program, args)) or True)
    monkeypatch.setattr(open_file.sys, "platform", "win32")
    assert open_file.show_in_folder("C:/Users/王老师/Documents/走访 记录单.pdf") is True
    assert started == [("explorer.exe", ["/select,", "C:\\Users\\王老师\\Documents\\走访 记录单.pdf"])]


def test_a_folder_that_will_not_open_is_named(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert open_file.open_folder(None, tmp_path) is False
    assert str(tmp_path) in warned[0]


def test_every_caller_goes_through_the_helper():
    """No module under ui/ except open_file calls QDesktopServices.openUrl itself."""
    from pathlib import Path

    import union_desk

    ui = Path(union_desk.__file__).parent / "ui"
    offenders = [
        str(p.relative_to(ui)) for p in ui.rglob("*.py") if p.name != "open_file.py" and "openUrl" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
