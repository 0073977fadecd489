"""Every ledger (台账) in the order of the inspection pack: its spec, where its records come from
for a period, and how it is imported back.

    export_ledger("visits", LedgerPeriod.year(2026), "走访慰问台账.xlsx")
    LEDGERS["visits"].records(period)            # the records of the ledger, in ledger order
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from union_desk.db.models import Member
from union_desk.ledgers import activity_ledger, hardship_ledger, plan_ledger, visit_ledger
from union_desk.ledgers.common import ProgressFn, ledger_fields
from union_desk.ledgers.period import LedgerPeriod
from union_desk.imports.records import RecordImporter
from union_desk.ledgers.specs import MEMBERS, ExportOptions, LedgerSpec


def member_records(period: LedgerPeriod) -> list[Member]:
    """Everyone who was a member at some time in the period: joined by its end, and 在职 or 退休
    now or left (退休/调出/去世/退会 dated) on or after its first day."""
    from union_desk.services.members import search_query

    still = Member.status.in_(("在职", "退休")) | Member.status_date.is_null() | (Member.status_date >= period.first)
    joined = Member.joined_union_date.is_null() | (Member.joined_union_date <= period.last)
    return list(search_query("").select(*ledger_fields(Member, "pinyin_key")).where(still & joined))


@dataclass(frozen=True)
class Ledger:
    kind: str
    spec: LedgerSpec
    records: Callable[[LedgerPeriod], list]
    importer: type[RecordImporter] | None = None  # None: the roster has its own import (roster_import)

    @property
    def title(self) -> str:
        return self.spec.title


LEDGERS: dict[str, Ledger] = {
    ledger.kind: ledger
    for ledger in (
        Ledger("members", MEMBERS, member_records),
        Ledger("hardship", hardship_ledger.HARDSHIP, hardship_ledger.hardship_records, hardship_ledger.HardshipImporter),
        Ledger("assistance", hardship_ledger.ASSISTANCE, hardship_ledger.assistance_records, hardship_ledger.AssistanceImporter),
        Ledger("visits", visit_ledger.VISITS, visit_ledger.visit_records, visit_ledger.VisitImporter),
        Ledger("activities", activity_ledger.ACTIVITIES, activity_ledger.activity_records, activity_ledger.ActivityImporter),
        Ledger("signups", activity_ledger.SIGNUPS, activity_ledger.signup_records, activity_ledger.SignUpImporter),
        Ledger("plan", plan_ledger.PLAN, plan_ledger.plan_records, plan_ledger.PlanImporter),
    )
}
KINDS = tuple(LEDGERS)
IMPORT_KINDS = tuple(k for k, ledger in LEDGERS.items() if ledger.importer)


def get_ledger(kind: str) -> Ledger:
    from union_desk.errors import ValidationError

    try:
        return LEDGERS[kind]
    except KeyError:
        raise ValidationError(f"没有“{kind}”台账（可选：{'、'.join(KINDS)}）", field="kind") from None


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
    return f"{school}{LEDGERS[kind].title}（{period.file_label}）.xlsx"
