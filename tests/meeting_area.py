"""Shared by the 会议与登记 tests (CLI, ledgers, printing): the area registered for a test, and its
tables made in a database that predates them. Import `meetings_area` into a test module to use it
(it is autouse)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def meetings_area():
    """The 会议与登记 area registered (it is until the coordinator adds it to INSTALLED)."""
    from union_desk import areas
    from union_desk.areas.meetings import AREA

    added = "meetings" not in {a.key for a in areas.all_areas()}
    if added:
        areas.register(AREA)
    yield
    if added:
        areas.unregister("meetings")


def ensure_tables() -> None:
    """The meeting tables in the open database (schema step 5), if it has none yet."""
    from union_desk.db import database
    from union_desk.db.meeting_models import step_5

    db = database.current_database()
    if not db.table_exists("meeting"):
        step_5(db)
