"""Numbers that are never reused (走访单号, 凭证号, 来信编号, 提案号, 介绍信编号, 收据号): a named
counter in the `counter` table that only moves up. Call inside the transaction that uses the number."""

from __future__ import annotations

from peewee import fn

from union_desk.db.models import Counter


def next_value(name: str, at_least: int = 0) -> int:
    """The counter's next number (above `at_least` too: numbers already taken elsewhere)."""
    Counter.insert(name=name, value=0).on_conflict_ignore().execute()
    Counter.update(value=fn.MAX(Counter.value, at_least) + 1).where(Counter.name == name).execute()
    return Counter.get_by_id(name).value


def raise_to(name: str, value: int) -> None:
    """A number given from outside (an imported ledger's) is taken: later numbers come after it."""
    Counter.insert(name=name, value=0).on_conflict_ignore().execute()
    Counter.update(value=fn.MAX(Counter.value, value)).where(Counter.name == name).execute()
