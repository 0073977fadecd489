"""Shared by the CLI tests of the areas (tests/test_cli_*.py; the `cli` runner and the demo file
are fixtures of tests/conftest.py): a look into a closed database file between two commands."""

from __future__ import annotations

from union_desk.db.database import close_database
from union_desk.services.maintenance import open_for_use


def read_db(db_path, fn):
    """fn() with the database file open, closed again afterwards."""
    open_for_use(db_path, auto_backup=False)
    try:
        return fn()
    finally:
        close_database()
