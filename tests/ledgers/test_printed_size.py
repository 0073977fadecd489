"""Printed ledgers are readable: LibreOffice prints every ledger of a demo school and the
inspection pack to PDF, and the text is measured there — no printed text below 9 pt on A4
landscape, the columns a spec keeps off paper are not printed, 制表人 is printed once, and a
ledger too wide for one page prints two pages wide with 序号 … 姓名 on each.

The geometry must be Excel's: LibreOffice lays columns out in digits of the workbook's default
font, Calibri, and needs Carlito (metric-compatible) for that; .ci/run installs it together with
libreoffice-calc-nogui. Without soffice the test is skipped and says so.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from pathlib import Path

import ledger_checks as lc
import openpyxl
import pytest

from union_desk.ledgers.catalog import export_ledger, get_ledger, kinds
from union_desk.ledgers.pack import write_pack

MIN_POINTS = 9.0

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="LibreOffice (soffice) is not installed: printed text sizes not measured "
        "(CI installs libreoffice-calc-nogui; locally: apt-get install libreoffice-calc-nogui fonts-crosextra-carlito)",
    ),
]


def _calibri_is_carlito() -> str | None:
    """None when LibreOffice will measure columns as Excel does, else what Calibri becomes."""
    if shutil.which("fc-match") is None:
        return None
    found = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True).stdout
    return None if "Carlito" in found else found.strip() or "nothing"


def _to_pdf(files: list[Path], folder: Path) -> dict[Path, Path]:
    """Every file to PDF in one LibreOffice run, with a private profile."""
    out = folder / "pdf"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, files)],
        check=True, capture_output=True, timeout=300,
    )
    pdfs = {f: out / f"{f.stem}.pdf" for f in files}
    missing = [p.name for p in pdfs.values() if not p.exists()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return pdfs


def _pages(pdf: Path) -> list[tuple[list[float], str]]:
    """Per page: the printed size (pt) of every piece of text, and the page's text."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(pdf).pages:
        sizes: list[float] = []

        def visit(text, cm, tm, font, size, sizes=sizes):
            if not text.strip():
                return
            # the text matrix times the page's: its vertical scale is what the font size becomes
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            sizes.append(round(size * (c * c + d * d) ** 0.5, 2))

        text = page.extract_text(visitor_text=visit)
        pages.append((sizes, text))
    return pages


def _summary(sizes: list[float]) -> str:
    return f"median {statistics.median(sizes):.1f} pt, smallest {min(sizes):.1f} pt"


def test_printed_text_is_at_least_9_points(tmp_path, demo_db):
    wrong_font = _calibri_is_carlito()
    if wrong_font:
        pytest.fail(f"Calibri is replaced by {wrong_font!r}, not Carlito: LibreOffice would lay the columns out wider than "
                    "Excel and print smaller. Install fonts-crosextra-carlito (as .ci/run does).")
    lc.add_ugly_records()  # assistance (one voided), formula-like text: every ledger has rows
    files = {kind: export_ledger(kind, lc.PERIOD, tmp_path / f"{kind}.xlsx", options=lc.options(reviewed_by="李校长"))[0]
             for kind in kinds()}
    visits = get_ledger("visits").spec
    picked = tuple(c.key for c in visits.columns if c.in_default)  # picked by hand: all printed, too wide for one page
    files["visits-wide"] = export_ledger("visits", lc.PERIOD, tmp_path / "visits-wide.xlsx", options=lc.options(columns=picked))[0]
    files["pack"] = write_pack(lc.PERIOD, tmp_path / "pack.xlsx", options=lc.options(reviewed_by="李校长"), today=lc.TODAY).path
    pdfs = _to_pdf(list(files.values()), tmp_path)

    report, small = [], []
    rendered = {name: _pages(pdfs[path]) for name, path in files.items()}
    for name, pages in rendered.items():
        sizes = [s for page_sizes, _ in pages for s in page_sizes]
        report.append(f"{name:12} {len(pages):3} pages  {_summary(sizes)}")
        if min(sizes) < MIN_POINTS:
            small.append(name)
    # the pack sheet by sheet: the footer names the sheet ('会员花名册  第 3 页 共 40 页')
    wb = openpyxl.load_workbook(files["pack"], read_only=True)
    by_sheet: dict[str, list[float]] = {}
    for sizes, text in rendered["pack"]:
        sheet = next((n for n in wb.sheetnames if re.search(rf"{re.escape(n)}\s+第 \d+ 页", text)), "?")
        by_sheet.setdefault(sheet, []).extend(sizes)
    assert set(by_sheet) == set(wb.sheetnames), by_sheet.keys()
    report += [f"  pack/{sheet:10} {_summary(sizes)}" for sheet, sizes in by_sheet.items()]
    print("\nprinted text size (LibreOffice, A4 landscape):\n" + "\n".join(report))
    assert not small, "printed text below 9 pt in " + ", ".join(small) + "\n" + "\n".join(report)

    # What each spec keeps off paper is in the sheet but not printed; 制表人 is printed once.
    for kind in kinds():
        spec = get_ledger(kind).spec
        printed, off_paper = spec.paper_columns(lc.options())
        text = "".join(t for _, t in rendered[kind])
        header = lc.header_map(openpyxl.load_workbook(files[kind]).active)
        for column in off_paper:
            assert header[column.header] > len(printed), (kind, column.header)
            if not any(column.header in c.header for c in printed):
                assert column.header not in text, (kind, column.header)
        assert text.count("制表人") == 1, kind
    assert "经费来源" in lc.header_map(openpyxl.load_workbook(files["visits"]).active)

    # Too wide for one page: two pages wide, 序号 … 姓名 and the header on each, the title again (续).
    ws = openpyxl.load_workbook(files["visits-wide"]).active
    assert ws.print_title_cols == "$A:$D" and not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.scale and int(ws.page_setup.scale) >= 92 and len(ws.col_breaks.brk) == 1
    wide = rendered["visits-wide"]
    assert len(wide) >= 2
    first, second = wide[0][1], wide[1][1]  # across, then down
    for text in (first, second):
        assert all(word in text for word in ("序号", "单号", "姓名", "WF")), text[:200]
    assert "走访慰问台账（续）" in second and "（续）" not in first
    cut = ws.col_breaks.brk[0].id  # the last column of the first page across
    before, after = ws.cell(3, cut).value, ws.cell(3, cut + 1).value
    assert before in first and before not in second and after in second and after not in first, (before, after)
