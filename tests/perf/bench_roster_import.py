"""Roster import benchmark: a 10,000-row 花名册 end to end, against merely reading it.

    python tests/perf/bench_roster_import.py [--repeat 3] [--workdir DIR]

Prints ONE JSON object on stdout (progress on stderr), like bench_startup.py:

    {"roster_import_ratio": 1.8, "roster_import_app_s": 3.1, "roster_import_baseline_s": 1.7, ...}

* the file: 10,000 demo members (the project's generator) exported with full ID numbers and all
  columns by the app's own roster exporter, made once and kept in --workdir;
* the app: `preview_roster` + `apply_roster` into a fresh empty database — parse, clean,
  validate, match, write with the audit log, in one transaction; each run gets its own empty copy;
* the baseline: what a script writer would do: `openpyxl.load_workbook(read_only=True)` and
  iterate every row's values.

One warm-up of each side is not counted; then they alternate `repeat` times; medians compared.
"""

from __future__ import annotations

import importlib.util
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROWS = 10_000


def _harness():
    spec = importlib.util.spec_from_file_location("union_desk_perf_bench_startup", HERE / "bench_startup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _roster_file(workdir: Path) -> Path:
    """Export 10,000 demo members once (kept in workdir)."""
    from union_desk.db.database import close_database
    from union_desk.demo.generator import generate
    from union_desk.ledgers.specs import MEMBERS, ExportOptions
    from union_desk.ledgers.xlsx_export import write_ledger
    from union_desk.services.maintenance import open_for_use
    from union_desk.services.members import search_query

    target = workdir / f"roster-{ROWS}.xlsx"
    if target.exists():
        return target
    source = workdir / f"roster-source-{ROWS}.sqlite"
    source.unlink(missing_ok=True)
    log(f"making a {ROWS}-member roster (once) …")
    close_database()
    open_for_use(source, auto_backup=False)
    try:
        generate(members=ROWS, seed=5)
        write_ledger(MEMBERS, search_query(""), target, options=ExportOptions(full_id=True, all_columns=True))
    finally:
        close_database()
    return target


def _empty_db(workdir: Path) -> Path:
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    template = workdir / "empty-template.sqlite"
    if not template.exists():
        open_for_use(template, auto_backup=False)
        close_database()
    return template


def _run_app(roster: Path, template: Path, workdir: Path, n: int) -> float:
    from union_desk.db.database import close_database
    from union_desk.imports.roster import apply_roster, preview_roster
    from union_desk.services.maintenance import open_for_use

    target = workdir / f"import-{n}.sqlite"
    shutil.copy(template, target)
    open_for_use(target, auto_backup=False)
    try:
        start = time.perf_counter()
        report = apply_roster(preview_roster(roster))
        elapsed = time.perf_counter() - start
    finally:
        close_database()
        target.unlink(missing_ok=True)
    if report.added != ROWS:
        raise RuntimeError(f"expected {ROWS} new members, got {report.added} (errors: {report.error_rows})")
    return elapsed


def _run_baseline(roster: Path) -> float:
    import openpyxl

    start = time.perf_counter()
    wb = openpyxl.load_workbook(roster, read_only=True)
    rows = 0
    for ws in wb.worksheets:
        for _values in ws.iter_rows(values_only=True):
            rows += 1
    wb.close()
    elapsed = time.perf_counter() - start
    if rows < ROWS:
        raise RuntimeError(f"baseline read only {rows} rows")
    return elapsed


def roster_import_ratio(members: int, repeat: int, workdir: Path):
    import os

    os.environ.setdefault("UNION_DESK_DATA_DIR", str(workdir / "appdata"))
    roster = _roster_file(workdir)
    template = _empty_db(workdir)
    _run_app(roster, template, workdir, 0)
    _run_baseline(roster)
    app, base = [], []
    for i in range(1, repeat + 1):
        app.append(_run_app(roster, template, workdir, i))
        base.append(_run_baseline(roster))
        log(f"  run {i}/{repeat}: import {app[-1]:.2f} s, openpyxl read {base[-1]:.2f} s")
    a, b = statistics.median(app), statistics.median(base)
    return round(a / b, 3), {
        "roster_import_app_s": round(a, 3),
        "roster_import_baseline_s": round(b, 3),
        "roster_import_rows": ROWS,
        "roster_import_note": "median; app = preview_roster + apply_roster into an empty db; "
        "baseline = openpyxl read_only load + iterate rows; one warm-up each excluded",
    }


FIGURES = {"roster_import_ratio": roster_import_ratio}
GOALS = {"roster_import_ratio": 1.0}  # upper bound


def main(argv: list[str] | None = None) -> int:
    import json

    bench = _harness()
    args = bench.parse_args(argv)
    result = bench.run_figures(FIGURES, GOALS, args.members, args.repeat, args.workdir)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
