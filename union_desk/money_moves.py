"""Money moves once (DESIGN.md): the services that pay or receive money (visits, assistance,
activities, dues) call `moved(kind, records)` in the same transaction as their write; the areas that
keep the money (the funds book) hook to "money" in their registration and post it."""

from __future__ import annotations


def moved(kind: str, records) -> None:
    from union_desk import areas

    records = list(records)
    if not records:
        return
    for hook in areas.hooks("money"):
        hook(kind, records)
