"""`printed_at` (a slip's amount is fixed once printed) is set when the job goes to the printer or
the PDF is saved, not when the print preview opens (issue 14, Decisions).

Driven through the 走访慰问 page's 打印记录单 (VisitsPage.print_slips → print_actions.print_pdf →
the preview), with the preview's exec() replaced by what the user does in it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog

from union_desk.db.models import AuditLog, Visit, VisitType
from union_desk.printing import slips
from union_desk.services import visits
from union_desk.ui import print_preview
from union_desk.ui.hardship.visits_page import visit_state
from union_desk.ui.print_preview import PrintPreviewDialog


def _visit(member) -> Visit:
    return visits.create_visit({
        "member": member.id,
        "visit_type": VisitType.get(VisitType.name == "生病住院").id,
        "date": dt.date(2026, 3, 2),
        "cash": "500",
        "reason": "住院手术",
    })


def printed_rows(visit: Visit) -> int:
    return AuditLog.select().where((AuditLog.record_id == visit.id) & (AuditLog.note == "打印记录单")).count()


@pytest.fixture
def page(qtbot, qapp, school, monkeypatch):
    from union_desk.ui.hardship.visits_page import VisitsPage

    monkeypatch.setattr(print_preview, "MAX_PRINT_DPI", 72)
    widget = VisitsPage()
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


@pytest.fixture
def in_preview(monkeypatch):
    """Replace the preview's exec() by `action(dialog)`; records what the preview showed."""
    seen: list[dict] = []

    def use(action):
        def fake_exec(self):
            from pypdf import PdfReader

            seen.append({"text": "".join(p.extract_text() for p in PdfReader(str(self.path)).pages)})
            action(self)
            if self.jobs:
                seen[-1]["after"] = "".join(p.extract_text() for p in PdfReader(str(self.path)).pages)
            return 0

        monkeypatch.setattr(PrintPreviewDialog, "exec", fake_exec)
        return seen

    return use


def test_preview_opened_and_closed_records_nothing(page, school, in_preview):
    visit = _visit(school.wang)
    seen = in_preview(lambda dialog: None)
    page.print_slips([visit])
    assert visit.serial in seen[0]["text"] and "补打" not in seen[0]["text"]
    assert Visit.get_by_id(visit.id).printed_at is None
    assert printed_rows(visit) == 0
    visits.update_visit(Visit.get_by_id(visit.id), {"cash": "600"})  # the amount may still change


def test_saved_as_pdf_records_printed(page, school, in_preview, monkeypatch, tmp_path):
    from pypdf import PdfReader

    visit = _visit(school.wang)
    target = tmp_path / "记录单.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    seen = in_preview(lambda dialog: dialog.save_as())
    page.print_slips([visit])
    stored = Visit.get_by_id(visit.id)
    assert stored.printed_at is not None and printed_rows(visit) == 1
    saved = "".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert visit.serial in saved and "补打" not in saved  # the first copy is not a reprint
    assert "补打" in seen[0]["after"]  # a further copy from the same preview is one
    row = next(i for i, v in enumerate(page.model.records) if v.id == visit.id)
    assert page.model.data(page.model.index(row, 10)) == visit_state(stored) != ""  # shown at once


def test_printed_records_printed(page, school, in_preview, monkeypatch, tmp_path):
    visit = _visit(school.li)
    out = tmp_path / "printer.pdf"

    def pdf_printer(self, info=None):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        return printer

    monkeypatch.setattr(print_preview, "available_printers", lambda: [QPrinterInfo()])
    monkeypatch.setattr(PrintPreviewDialog, "make_printer", pdf_printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 1)
    in_preview(lambda dialog: dialog.print_document())
    page.print_slips([visit])
    assert out.is_file()
    assert Visit.get_by_id(visit.id).printed_at is not None and printed_rows(visit) == 1


def test_print_dialog_cancelled_records_nothing(page, school, in_preview, monkeypatch):
    visit = _visit(school.li)
    monkeypatch.setattr(print_preview, "available_printers", lambda: [QPrinterInfo()])
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 0)
    in_preview(lambda dialog: dialog.print_document())
    page.print_slips([visit])
    assert Visit.get_by_id(visit.id).printed_at is None


def test_a_voided_slip_is_not_recorded(school):
    visit = _visit(school.wang)
    visits.void_visit(visit, "登记错误")
    other = _visit(school.li)
    slips.mark_slips_printed([visit.id, other.id])
    assert Visit.get_by_id(visit.id).printed_at is None
    assert Visit.get_by_id(other.id).printed_at is not None


def test_preview_pdf_records_nothing_but_the_file_api_does(school, tmp_path):
    visit = _visit(school.wang)
    slips.print_visit_slips([visit.id], tmp_path / "preview.pdf", mark=False)
    assert Visit.get_by_id(visit.id).printed_at is None
    slips.print_visit_slip(visit.id, tmp_path / "saved.pdf")  # what `union-desk print visit` calls
    assert Visit.get_by_id(visit.id).printed_at is not None


def test_cli_print_visit_counts_as_saved(school, db_path, tmp_path, capsys):
    from union_desk.cli import main
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    visit = _visit(school.wang)
    close_database()
    try:
        assert main(["--db", str(db_path), "print", "visit", str(visit.id), "-o", str(tmp_path / "slip.pdf")]) == 0
        capsys.readouterr()
    finally:
        open_for_use(db_path, auto_backup=False)
    assert Visit.get_by_id(visit.id).printed_at is not None
