"""Inspection-pack benchmark: the 迎检台账 of a year for 2,000 members, against openpyxl writing the
same cell values in write-only mode with no styling.

    python tests/perf/bench_pack.py [--members 2000] [--repeat 5] [--workdir DIR]

Prints ONE JSON object on stdout (progress goes to stderr), like bench_startup.py:

    {"pack_ratio": 1.7, "pack_app_s": 2.1, "pack_baseline_s": 1.2, "pack_cells": 130000, ...}

How it measures (in one process):

* the app: `ledgers.pack.write_pack(year, out.xlsx)` on a demo database (`union-desk demo
  --members N`, N = --members but at most 2,000, reused from --workdir) — everything the user
  waits for: reading every ledger's records, the statistics, building the styled sheets (cover,
  contents with links, seven ledgers, statistics), print set-up, the atomic save;
* the baseline: `openpyxl.Workbook(write_only=True)` with one sheet per sheet of the pack, each
  row appended as the plain values the pack holds (read back once from a pack written beforehand:
  the same strings, numbers and dates), then saved. No styles, no merges, no database.

One warm-up run of each side is not counted; then app and baseline alternate `repeat` times and
the medians are compared (wall time; the CPU-time ratio is reported too, steadier on a busy
machine). The year is the demo database's current year.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the shared harness beside this file
import bench_startup as bench  # noqa: E402

PACK_MEMBERS = 2000


def _sheet_values(path: Path) -> list[tuple[str, list[list]]]:
    """Every sheet of a written pack as rows of plain values (what the baseline writes)."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    return [(ws.title, [[cell.value for cell in row] for row in ws.iter_rows()]) for ws in workbook.worksheets]


def _baseline(path: Path, sheets: list[tuple[str, list[list]]]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        ws = workbook.create_sheet(title)
        for row in rows:
            ws.append(row)
    workbook.save(path)


def pack_ratio(members: int = PACK_MEMBERS, repeat: int = 5, workdir: Path | None = None) -> tuple[float, dict]:
    """Median time of writing the pack ÷ median time of the plain write-only baseline."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="union-desk-bench-") as tmp:
            return pack_ratio(members, repeat, Path(tmp))
    workdir.mkdir(parents=True, exist_ok=True)
    members = min(members, PACK_MEMBERS)
    env = bench.bench_env(workdir)
    os.environ["UNION_DESK_DATA_DIR"] = env["UNION_DESK_DATA_DIR"]
    db = bench.make_demo_db(workdir, members, env)

    from union_desk.db.database import close_database
    from union_desk.ledgers.pack import write_pack
    from union_desk.services.maintenance import open_for_use

    close_database()
    open_for_use(db, auto_backup=False)
    year = dt.date.today().year
    out = workdir / "pack-out"
    out.mkdir(exist_ok=True)
    result = write_pack(year, out / "reference.xlsx")
    sheets = _sheet_values(result.path)
    cells = sum(1 for _, rows in sheets for row in rows for value in row if value is not None)
    bench.log(f"{len(sheets)} sheets, {result.records} records, {cells} cells with a value")

    ratio, details = bench.alternate(
        "pack",
        lambda i: write_pack(year, out / f"app-{i}.xlsx"),
        lambda i: _baseline(out / f"base-{i}.xlsx", sheets),
        repeat,
    )
    close_database()
    details.update({
        "pack_members": members,
        "pack_year": year,
        "pack_records": result.records,
        "pack_sheets": len(sheets),
        "pack_cells": cells,
        "pack_app_bytes": (out / "app-0.xlsx").stat().st_size if repeat else None,
        "pack_baseline_bytes": (out / "base-0.xlsx").stat().st_size if repeat else None,
        "pack_note": (
            "median wall time; app = write_pack for the year (read every ledger and the statistics, "
            "styled sheets, print set-up, atomic save); baseline = openpyxl write-only workbook of the "
            "same cell values, no styles; one warm-up run of each side excluded"
        ),
    })
    return ratio, details


FIGURES = {"pack_ratio": pack_ratio}
GOALS = {"pack_ratio": 2.0}  # upper bound


if __name__ == "__main__":
    sys.exit(bench.main(["--members", str(PACK_MEMBERS), *sys.argv[1:]], FIGURES, GOALS))
