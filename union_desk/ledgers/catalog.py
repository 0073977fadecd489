"""Every ledger (台账) in the order of the inspection pack, as the areas register them
(`union_desk.areas`): its spec, where its records come from for a period, and how it is imported
back. The catalogue imports no ledger module by name; each area lists its `Ledger` objects
(`ledgers.ledger.Ledger`) and they are read afresh on each call, so an area registered at run
time shows at once.

    export_ledger("visits", LedgerPeriod.year(2026), "走访慰问台账.xlsx")
    all_ledgers()["visits"].records(period)      # the records of the ledger, in ledger order
    kinds()                                      # ('members', 'hardship', …) in pack order
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from union_desk import areas
from union_desk.ledgers.common import ProgressFn
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import ExportOptions


def all_ledgers() -> dict[str, Ledger]:
    """{kind: Ledger} of every registered area, in the order of the inspection pack."""
    found: dict[str, Ledger] = {}
    for ledger in areas.ledgers():
        if ledger.kind in found:
            raise RuntimeError(f"two ledgers named {ledger.kind!r}")
        found[ledger.kind] = ledger
    return found


def kinds() -> tuple[str, ...]:
    """Every ledger kind, in pack order: ('members', 'hardship', 'assistance', …)."""
    return tuple(all_ledgers())


def import_kinds() -> tuple[str, ...]:
    """The kinds `imports.records` can read back (the roster has its own import: not listed)."""
    return tuple(kind for kind, ledger in all_ledgers().items() if ledger.importer)


def __getattr__(name: str):
    """`LEDGERS`, `KINDS` and `IMPORT_KINDS` for old callers, computed afresh on each use;
    new code calls all_ledgers(), kinds() and import_kinds()."""
    if name == "LEDGERS":
        return all_ledgers()
    if name == "KINDS":
        return kinds()
    if name == "IMPORT_KINDS":
        return import_kinds()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get_ledger(kind: str) -> Ledger:
    from union_desk.errors import ValidationError

    ledgers = all_ledgers()
    try:
        return ledgers[kind]
    except KeyError:
        raise ValidationError(f"没有“{kind}”台账（可选：{'、'.join(ledgers)}）", field="kind") from None


def ledger_options(period: LedgerPeriod, *, full_id: bool = False, all_columns: bool = False, **more) -> ExportOptions:
    """Export options for a period, with the school, the union chair (制表人) and today from the
    settings; `more` overrides any of them."""
    from union_desk.services import settings

    values = settings.get_all()
    options = ExportOptions(
        full_id=full_id,
        all_columns=all_columns,
        school_name=values.get("school_name", ""),
        prepared_by=values.get("chair", ""),
        period=period.label,
        date_from=period.first,
        date_to=period.last,
        year=period.first.year if period.kind == "year" else None,
    )
    return replace(options, **more) if more else options


def export_ledger(kind: str, period: LedgerPeriod, path, *, options: ExportOptions | None = None,
                  progress: ProgressFn | None = None) -> tuple[Path, int]:
    """One ledger of a period into its own workbook (atomically). Returns (file, record count)."""
    from union_desk.ledgers.xlsx_export import write_ledger

    ledger = get_ledger(kind)
    records = ledger.records(period)
    path = write_ledger(ledger.spec, records, path, options=options or ledger_options(period), progress=progress)
    return path, len(records)


def file_name(kind: str, period: LedgerPeriod, school: str = "") -> str:
    """'红星中学走访慰问台账（2026年度）.xlsx'."""
    return f"{school}{get_ledger(kind).title}（{period.file_label}）.xlsx"
