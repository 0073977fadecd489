"""What a ledger (台账) is to the rest of the app: its spec, where its records come from for a
period, how it is imported back, and its place in the inspection pack.

Each ledger module defines its `Ledger` objects; an area lists them in its registration
(`union_desk.areas`), and `ledgers.catalog` reads them from there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from union_desk.ledgers.period import LedgerPeriod
from union_desk.ledgers.specs import LedgerSpec


@dataclass(frozen=True)
class Ledger:
    kind: str  # the CLI name: `export ledger visits`
    spec: LedgerSpec
    records: Callable[[LedgerPeriod], list]
    importer: type | None = None  # a RecordImporter; None: the roster has its own import (roster_import)
    order: int = 100  # position in the inspection pack and the 台账 dialog
    help: str = ""  # Chinese, for the CLI help: '走访慰问'
    # `(record id) -> LedgerPeriod` when the ledger can also cover one meeting (`export ledger --session`)
    session_period: Callable[[int], LedgerPeriod] | None = None

    @property
    def title(self) -> str:
        return self.spec.title
