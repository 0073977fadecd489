"""Dues benchmark (issue 20): the 会费 list of the last month (with months in arrears) and the year's
会费收缴台账 for a school of 1,000 members, against a plain SQL select of the same payments and bases
and openpyxl writing the ledger's cell values in write-only mode with no styling.

    python tests/perf/bench_dues.py [--members 1000] [--repeat 5] [--workdir DIR]

Prints ONE JSON object on stdout (progress goes to stderr), like bench_startup.py:

    {"dues_ratio": 2.4, "dues_app_s": 1.2, "dues_baseline_s": 0.5, "dues_members": 1000, ...}

How it measures (in one process):

* the book: a fresh database (the app's schema) gets `members` members by plain inserts
  (`insert_many`), their membership history from the archive (schema step 8's own backfill: an 入会
  event each, 保留会籍 for the retired), a wage base each from 1 January (a third get a raise from
  1 July), a few 长期病休 exemptions, and a payment per month of this year for everyone who owes
  (工资代扣 in one batch per month, every 50th member in cash with a receipt number) — except a few
  who stop paying in July (in arrears). Made once per --workdir and reused (the year is the current
  one: the ledger leaves out a period not yet over until something is collected for it, and counts
  arrears as of today);
* the app: `services.dues.dues_rows(<this year's December>, today)` (the 会费 list with months in
  arrears) plus `ledgers.catalog.export_ledger("dues", year)` with every column — the statuses of
  the members on each period's first and last day, bases, exemptions, payments, what is owed,
  arrears, the styled sheet with its summaries, print set-up, the atomic save;
* the baseline: one plain select of the year's payments joined to their members and one of the
  bases joined to members (peewee `.tuples()`, listed), then `openpyxl.Workbook(write_only=True)`,
  one sheet, each row of the written ledger appended as the plain values it holds (read back once
  from a ledger written beforehand: the same strings, numbers and dates), then saved. No styles, no
  merges, no rules.

One warm-up run of each side is not counted; then app and baseline alternate `repeat` times and
the medians are compared (wall time; the CPU-time ratio is reported too).

As a figure of run_all.py the school has at most 1,000 members (DUES_MEMBERS), whatever --members
the start-up benchmark uses.
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

DUES_MEMBERS = 1_000
DEPARTMENTS = ("语文组", "数学组", "英语组", "理化生组", "政史地组", "体艺组", "行政后勤", "初一年级", "初二年级", "初三年级")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
RETIRED_EVERY = 40  # status 退休 (保留会籍: exempt by the status)
EXEMPT_EVERY = 45  # a 长期病休 exemption for the year
ARREARS_EVERY = 33  # stop paying after June: in arrears
CASH_EVERY = 50  # paid in cash, with a receipt number
RAISE_EVERY = 3  # a second wage base from 1 July


def _year() -> int:
    return dt.date.today().year


def _id_number(n: int) -> str:
    """An 18-character ID-like string, unique per member (the check digit is not computed)."""
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=(n * 37) % 12000)
    return f"320102{birth:%Y%m%d}{n % 1000:03d}{n // 1000 % 10}"


def make_book(db: Path, members: int, year: int) -> None:
    """`members` members with bases and a year of monthly payments, by plain inserts (fast: no
    audit rows, no services); the membership events by schema step 8's backfill."""
    from union_desk.db.membership_models import DuesExemption, DuesPayment, WageBase
    from union_desk.db.models import Counter, Member, database_proxy
    from union_desk.domain import membership as rules
    from union_desk.services import membership_backfill

    stamp = dt.datetime(year, 1, 1, 8, 0)
    rate = rules.DEFAULT_RATE
    with database_proxy.atomic():
        rows = []
        for n in range(1, members + 1):
            name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)] + (GIVEN[(n * 13) % len(GIVEN)] if n % 3 else "")
            retired = n % RETIRED_EVERY == 0
            rows.append({
                "name": name, "pinyin_key": f"py{n:06d}", "sex": "男" if n % 2 else "女", "id_number": _id_number(n),
                "department": DEPARTMENTS[n % len(DEPARTMENTS)], "employment_type": "在编",
                "status": "退休" if retired else "在职", "status_date": dt.date(year - 1, 8, 31) if retired else None,
                "joined_union_date": dt.date(1990 + n % 30, 9, 1), "created_at": stamp, "updated_at": stamp,
            })
        for start in range(0, len(rows), 500):
            Member.insert_many(rows[start:start + 500]).execute()
        membership_backfill.backfill(database_proxy.obj, stamp.isoformat(sep=" "), dt.date(year, 1, 1))
        ids = [mid for (mid,) in Member.select(Member.id).order_by(Member.id).tuples()]

        bases, exemptions, payments = [], [], []
        receipt = 0
        for n, mid in enumerate(ids, start=1):
            amount = Decimal(4000 + (n * 173) % 8000)
            bases.append({"member": mid, "effective": dt.date(year, 1, 1), "amount": amount, "source": "导入",
                          "created_at": stamp, "updated_at": stamp})
            raised = amount + 300
            if n % RAISE_EVERY == 0:
                bases.append({"member": mid, "effective": dt.date(year, 7, 1), "amount": raised, "source": "导入",
                              "created_at": stamp, "updated_at": stamp})
            if n % RETIRED_EVERY == 0:
                continue  # 保留会籍: owes nothing
            if n % EXEMPT_EVERY == 0:
                exemptions.append({"member": mid, "start": dt.date(year, 1, 1), "end": dt.date(year, 12, 31),
                                   "reason": "长期病休", "created_at": stamp, "updated_at": stamp})
                continue
            for month in range(1, 13):
                if n % ARREARS_EVERY == 0 and month > 6:
                    break
                base = raised if n % RAISE_EVERY == 0 and month >= 7 else amount
                cash = n % CASH_EVERY == 0
                if cash:
                    receipt += 1
                payments.append({
                    "member": mid, "period": f"{year}-{month:02d}", "amount": rules.dues_owed(base, rate, 1),
                    "date": dt.date(year, month, 10), "method": "现金" if cash else "工资代扣", "collector": "李会计",
                    "receipt": rules.serial("HF", year, receipt) if cash else None,
                    "batch": "" if cash else f"{year}-{month:02d}·工资代扣", "created_at": stamp, "updated_at": stamp,
                })
        for table, values in ((WageBase, bases), (DuesExemption, exemptions), (DuesPayment, payments)):
            for start in range(0, len(values), 500):
                table.insert_many(values[start:start + 500]).execute()
        Counter.insert(name=f"dues-receipt-{year}", value=receipt).on_conflict_replace().execute()


def _sheet_values(path: Path) -> list[list]:
    import openpyxl

    ws = openpyxl.load_workbook(path).active
    return [[cell.value for cell in row] for row in ws.iter_rows()]


def _baseline(path: Path, rows: list[list], year: int) -> int:
    """The same payments and bases by plain selects, then the ledger's values written plainly."""
    from openpyxl import Workbook

    from union_desk.db.membership_models import DuesPayment, WageBase
    from union_desk.db.models import Member

    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    paid = list(DuesPayment.select(DuesPayment.period, DuesPayment.amount, DuesPayment.date, DuesPayment.method,
                                   DuesPayment.collector, DuesPayment.batch, Member.id, Member.name, Member.department,
                                   Member.id_number)
                .join(Member).where(~DuesPayment.voided & DuesPayment.date.between(first, last))
                .order_by(Member.department, Member.pinyin_key, DuesPayment.period).tuples())
    bases = list(WageBase.select(WageBase.member, WageBase.effective, WageBase.amount, Member.name)
                 .join(Member).where(WageBase.effective <= last).order_by(WageBase.member, WageBase.effective).tuples())
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("会费收缴台账")
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return len(paid) + len(bases)


def dues_ratio(members: int = DUES_MEMBERS, repeat: int = 5, workdir: Path | None = None) -> tuple[float, dict]:
    """Median time of (the December 会费 list with arrears + the year's 会费收缴台账) ÷ median time of
    the plain selects and write-only dump."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="union-desk-bench-") as tmp:
            return dues_ratio(members, repeat, Path(tmp))
    workdir.mkdir(parents=True, exist_ok=True)
    env = bench.bench_env(workdir)
    os.environ["UNION_DESK_DATA_DIR"] = env["UNION_DESK_DATA_DIR"]

    from union_desk.db.database import close_database
    from union_desk.ledgers.catalog import export_ledger, ledger_options
    from union_desk.ledgers.period import LedgerPeriod
    from union_desk.services import dues
    from union_desk.services.maintenance import open_for_use

    year = _year()
    today = dt.date.today()
    close_database()
    db = workdir / f"dues-{members}-{year}.sqlite"
    fresh = not db.exists()
    open_for_use(db, auto_backup=False)
    if fresh:
        bench.log(f"inserting {members} members with a year of dues into {db} …")
        make_book(db, members, year)
    period = LedgerPeriod.year(year)
    december = dues.parse_period(f"{year}-12")
    options = ledger_options(period, all_columns=True, today=today)
    out = workdir / "dues-out"
    out.mkdir(exist_ok=True)
    listed: dict[str, int] = {}

    def app(i: int) -> None:
        found = dues.dues_rows(december, today)
        listed["rows"] = len(found)
        listed["arrears"] = sum(1 for r in found if r.arrears_months)
        export_ledger("dues", period, out / f"app-{i}.xlsx", options=options)

    app(-2)
    rows = _sheet_values(out / "app--2.xlsx")
    cells = sum(1 for row in rows for value in row if value is not None)
    selected = _baseline(out / "base--2.xlsx", rows, year)
    bench.log(f"{len(rows)} rows, {cells} cells with a value; the list of {december.label}: {listed['rows']} members, "
              f"{listed['arrears']} in arrears; baseline selects {selected} rows")
    ratio, details = bench.alternate("dues", app, lambda i: _baseline(out / f"base-{i}.xlsx", rows, year), repeat)
    close_database()
    details.update({
        "dues_members": members,
        "dues_year": year,
        "dues_list_rows": listed["rows"],
        "dues_list_in_arrears": listed["arrears"],
        "dues_rows": len(rows),
        "dues_cells": cells,
        "dues_selected_rows": selected,
        "dues_note": (
            "median wall time; app = services.dues.dues_rows(December, today) with months in arrears + "
            "export_ledger('dues', year, all columns): statuses, bases, exemptions, payments, owed and arrears per "
            "period, styled sheet with summaries, print set-up, atomic save; baseline = plain peewee selects of the "
            "year's payments and the bases joined to members (.tuples()) + openpyxl write-only workbook of the same "
            "cell values, no styles; one warm-up run of each side excluded"
        ),
    })
    return ratio, details


def _figure(members: int, repeat: int, workdir: Path | None = None) -> tuple[float, dict]:
    """As a run_all.py figure: at most 1,000 members (the start-up figure's 5,000 is another school)."""
    return dues_ratio(min(members, DUES_MEMBERS), repeat, workdir)


FIGURES = {"dues_ratio": _figure}
GOALS = {"dues_ratio": 3.0}  # upper bound


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=DUES_MEMBERS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    import json

    sys.path.insert(0, str(bench.ROOT))
    value, more = dues_ratio(args.members, args.repeat, args.workdir)
    print(json.dumps({"dues_ratio": value, **more, "repeat": args.repeat, "goal": GOALS}, ensure_ascii=False))
