"""Funds benchmark (issue 19): the funds report and the 经费收支明细账 export for a year of 10,000
entries, against openpyxl writing the same cell values in write-only mode with no styling.

    python tests/perf/bench_funds.py [--entries 10000] [--repeat 5] [--workdir DIR]

Prints ONE JSON object on stdout (progress goes to stderr), like bench_startup.py:

    {"funds_ratio": 1.6, "funds_app_s": 0.9, "funds_baseline_s": 0.55, "funds_entries": 10000, ...}

How it measures (in one process):

* the book: a fresh database (schema and seeded categories from the app) gets an opening balance,
  budgets and `entries` entries of one year by plain inserts (`insert_many`: income and spending
  over the categories, every tenth a reversal of the one before, a third posted from an activity,
  linked by FundLink) — made once per --workdir and reused;
* the app: `services.funds.report(year)` plus `ledgers.catalog.export_ledger("funds", year)` with
  every column (what a move to another computer exports) — reading the entries and their
  sources, the running balance, the styled sheet, print set-up, the atomic save;
* the baseline: `openpyxl.Workbook(write_only=True)`, one sheet, each row of the written ledger
  appended as the plain values it holds (read back once from a ledger written beforehand: the same
  strings, numbers and dates), then saved. No styles, no merges, no database.

One warm-up run of each side is not counted; then app and baseline alternate `repeat` times and
the medians are compared (wall time; the CPU-time ratio is reported too).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the shared harness beside this file
import bench_startup as bench  # noqa: E402

ENTRIES = 10_000
YEAR = 2026


def make_book(db: Path, entries: int) -> None:
    """A year of `entries` entries by plain inserts (fast: no audit rows, no services)."""
    from union_desk.db.fund_models import Budget, FundCategory, FundEntry, FundLink, FundYear
    from union_desk.db.models import Activity, Counter, database_proxy

    categories = list(FundCategory.select().order_by(FundCategory.sort_order))
    income = [c for c in categories if c.kind == "收入"][:3]
    spending = [c for c in categories if c.kind == "支出"]
    stamp = dt.datetime(YEAR, 1, 1, 8, 0)
    with database_proxy.atomic():
        FundYear.insert(year=YEAR, opening=Decimal("123456.78")).execute()
        Budget.insert_many([{"year": YEAR, "category": c.id, "amount": Decimal("50000.00")} for c in spending]).execute()
        activities = []
        for i in range(entries // 3 + 1):
            activities.append({"title": f"教工活动{i:05d}", "start": stamp + dt.timedelta(hours=i % 8000), "status": "已结束",
                               "created_at": stamp, "updated_at": stamp})
        for start in range(0, len(activities), 500):
            Activity.insert_many(activities[start:start + 500]).execute()
        activity_ids = [a for (a,) in Activity.select(Activity.id).order_by(Activity.id).tuples()]
        rows = []
        for n in range(1, entries + 1):
            day = dt.date(YEAR, 1, 1) + dt.timedelta(days=(n * 364) // entries)
            reversal = n % 10 == 0
            if reversal:
                category = rows[-1]["category"]
                amount = -rows[-1]["amount"]
            else:
                category = (income[n % len(income)] if n % 7 == 0 else spending[n % len(spending)]).id
                amount = (Decimal(1000 + (n * 7919) % 900000) / 100).quantize(Decimal("0.01"))
            rows.append({"serial": f"JZ{YEAR}-{n:05d}" if n > 9999 else f"JZ{YEAR}-{n:04d}", "date": day,
                         "summary": f"{'冲销' if reversal else ''}经费支出事项 {n}", "category": category, "amount": amount,
                         "handler": "王五", "attachments": n % 4, "created_at": stamp, "updated_at": stamp})
        for start in range(0, len(rows), 500):
            FundEntry.insert_many(rows[start:start + 500]).execute()
        ids = {serial: eid for eid, serial in FundEntry.select(FundEntry.id, FundEntry.serial).tuples()}
        links, previous = [], None
        for n, row in enumerate(rows, start=1):
            eid = ids[row["serial"]]
            if n % 10 == 0 and previous is not None:
                FundEntry.update(reverses=previous).where(FundEntry.id == eid).execute()
            if n % 3 == 0:
                links.append({"entry": eid, "source_kind": "activity", "source_id": activity_ids[(n // 3) % len(activity_ids)],
                              "amount": row["amount"]})
            previous = eid
        for start in range(0, len(links), 500):
            FundLink.insert_many(links[start:start + 500]).execute()
        Counter.insert(name=f"fund-serial-{YEAR}", value=entries).on_conflict_replace().execute()


def _sheet_values(path: Path) -> list[list]:
    import openpyxl

    ws = openpyxl.load_workbook(path).active
    return [[cell.value for cell in row] for row in ws.iter_rows()]


def _baseline(path: Path, rows: list[list]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("经费收支明细账")
    for row in rows:
        ws.append(row)
    workbook.save(path)


def funds_ratio(members: int = 0, repeat: int = 5, workdir: Path | None = None, entries: int = ENTRIES) -> tuple[float, dict]:
    """Median time of (funds report + 明细账 export) ÷ median time of the plain write-only dump.
    (`members` is the shared harness's argument; the book's size is `entries`.)"""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="union-desk-bench-") as tmp:
            return funds_ratio(members, repeat, Path(tmp), entries)
    workdir.mkdir(parents=True, exist_ok=True)
    env = bench.bench_env(workdir)
    os.environ["UNION_DESK_DATA_DIR"] = env["UNION_DESK_DATA_DIR"]

    from union_desk.db.database import close_database
    from union_desk.ledgers.catalog import export_ledger, ledger_options
    from union_desk.ledgers.period import LedgerPeriod
    from union_desk.services import funds
    from union_desk.services.maintenance import open_for_use

    close_database()
    db = workdir / f"funds-{entries}.sqlite"
    fresh = not db.exists()
    open_for_use(db, auto_backup=False)
    if fresh:
        bench.log(f"inserting {entries} funds entries into {db} …")
        make_book(db, entries)
    period = LedgerPeriod.year(YEAR)
    options = ledger_options(period, all_columns=True, today=dt.date(YEAR, 12, 31))
    out = workdir / "funds-out"
    out.mkdir(exist_ok=True)

    def app(i: int) -> None:
        funds.report(period.first, period.last)
        export_ledger("funds", period, out / f"app-{i}.xlsx", options=options)

    app(-2)
    rows = _sheet_values(out / "app--2.xlsx")
    cells = sum(1 for row in rows for value in row if value is not None)
    bench.log(f"{len(rows)} rows, {cells} cells with a value")
    ratio, details = bench.alternate("funds", app, lambda i: _baseline(out / f"base-{i}.xlsx", rows), repeat)
    close_database()
    details.update({
        "funds_entries": entries,
        "funds_rows": len(rows),
        "funds_cells": cells,
        "funds_note": (
            "median wall time; app = services.funds.report for the year + export_ledger('funds', all columns): read the "
            "entries, their sources and the running balance, styled sheet, print set-up, atomic save; baseline = "
            "openpyxl write-only workbook of the same cell values, no styles; one warm-up run of each side excluded"
        ),
    })
    return ratio, details


def _figure(members: int, repeat: int, workdir: Path | None = None) -> tuple[float, dict]:
    return funds_ratio(members, repeat, workdir)


FIGURES = {"funds_ratio": _figure}
GOALS = {"funds_ratio": 2.0}  # upper bound


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=ENTRIES)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    import json

    sys.path.insert(0, str(bench.ROOT))
    value, more = funds_ratio(0, args.repeat, args.workdir, args.entries)
    print(json.dumps({"funds_ratio": value, **more, "repeat": args.repeat, "goal": GOALS}, ensure_ascii=False))
