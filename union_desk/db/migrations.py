"""Numbered schema steps, stored as SQLite's `user_version`.

Step N brings a file from version N-1 to N. Steps run in order inside one transaction each, after
`database.open_database` has made a backup of an existing file. Never edit a released step; add one.

Step 1 is the first schema (the tables of the first four areas). Later steps belong to the area
that needs them and are listed in its registration (`Area.schema_steps`, union_desk.areas): one
step at a time, numbered in the order they land.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from union_desk.db import models
from union_desk.db.defaults import seed_defaults


def _step_1(db: SqliteDatabase) -> None:
    """The first schema: every table of the application, plus the default lists."""
    db.create_tables(models.ALL_MODELS)
    seed_defaults()


def _area_step(ref: str) -> Callable[[SqliteDatabase], None]:
    def run(db: SqliteDatabase) -> None:
        from union_desk import areas

        areas.resolve(ref)(db)

    return run


def _all_steps() -> dict[int, Callable[[SqliteDatabase], None]]:
    from union_desk import areas

    steps: dict[int, Callable[[SqliteDatabase], None]] = {1: _step_1}
    for number, ref in areas.schema_steps().items():
        if number in steps:
            raise RuntimeError(f"schema step {number} is claimed twice")
        steps[number] = _area_step(ref)
    if sorted(steps) != list(range(1, len(steps) + 1)):
        raise RuntimeError(f"schema steps must be numbered 1…n without gaps: {sorted(steps)}")
    return steps


STEPS: dict[int, Callable[[SqliteDatabase], None]] = _all_steps()
SCHEMA_VERSION = max(STEPS)


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def upgrade(db: SqliteDatabase) -> list[int]:
    """Run the missing steps; return the numbers of the steps that ran."""
    ran = []
    current = schema_version(db)
    for number in sorted(STEPS):
        if number <= current:
            continue
        with db.atomic():
            STEPS[number](db)
            db.execute_sql(f"PRAGMA user_version = {int(number)}")
        ran.append(number)
    return ran
