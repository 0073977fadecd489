"""Test configuration: offscreen Qt, a private data folder, a fresh database per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """Nothing a test does may touch the real per-user data folder or UNION_DESK_DB."""
    monkeypatch.setenv("UNION_DESK_DATA_DIR", str(tmp_path / "appdata"))
    monkeypatch.delenv("UNION_DESK_DB", raising=False)


@pytest.fixture(autouse=True)
def _fresh_change_listeners():
    """Each test starts with no change listeners (the GUI's bus is made again when used)."""
    yield
    import union_desk.changes as changes

    bus_module = sys.modules.get("union_desk.ui.change_bus")
    if bus_module is not None and bus_module._bus is not None:
        bus_module._bus.close()
        bus_module._bus = None
    changes._listeners.clear()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "union_desk.sqlite"


@pytest.fixture
def db(db_path):
    """An open, empty (default lists only) database in a fresh file."""
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    database = open_for_use(db_path, auto_backup=False)
    yield database
    close_database()


@pytest.fixture
def demo_db(db_path):
    """An open database filled by the demo generator (small school, fixed seed)."""
    import datetime as dt

    from union_desk.db.database import close_database
    from union_desk.demo.generator import generate
    from union_desk.services.maintenance import open_for_use

    database = open_for_use(db_path, auto_backup=False)
    generate(members=60, seed=7, today=dt.date.today())
    yield database
    close_database()


@pytest.fixture
def demo_file(db_path):
    """A closed database file filled by the demo generator (small school, fixed seed), for CLI tests."""
    import datetime as dt

    from union_desk.db.database import close_database
    from union_desk.demo.generator import generate
    from union_desk.services.maintenance import open_for_use

    open_for_use(db_path, auto_backup=False)
    generate(members=60, seed=7, today=dt.date.today())
    close_database()
    return db_path


@pytest.fixture
def cli(capsys):
    """Run `union-desk ARGS…` in-process: returns (exit code, stdout, stderr)."""
    from union_desk.cli import main

    def run(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
