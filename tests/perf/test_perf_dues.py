"""Smoke test for bench_dues.py: it runs and reports sane numbers (no timing limits).

Excluded from the default run (perf marker); run with `pytest -m perf tests/perf`.
The real figure: `python tests/perf/bench_dues.py` (1,000 members, 5 repeats; goal ≤ 3.0).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.perf

HERE = Path(__file__).resolve().parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"union_desk_perf_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dues_ratio_reports_expected_keys(tmp_path):
    bench = _load("bench_dues")
    members = 100
    ratio, details = bench.dues_ratio(members, repeat=1, workdir=tmp_path)
    assert ratio > 0
    for key in ("dues_app_s", "dues_baseline_s", "dues_cpu_ratio"):
        assert isinstance(details[key], float) and details[key] > 0, key
    assert details["dues_members"] == members
    assert details["dues_year"] == dt.date.today().year
    assert details["dues_list_rows"] == members  # everyone is in the union on 1 December
    if dt.date.today().month >= 8:  # the few who stop paying after June are behind once July is over
        assert details["dues_list_in_arrears"] >= 2
    assert details["dues_rows"] > 12 * members and details["dues_cells"] > 12 * members * 8
    # the baseline reads every payment of the year and every base (none for the retired and exempt, 6 for arrears)
    assert details["dues_selected_rows"] > 11 * members
    assert (tmp_path / f"dues-{members}-{details['dues_year']}.sqlite").exists()  # the book, reused next time
    assert bench.GOALS == {"dues_ratio": 3.0}
    assert set(bench.FIGURES) == {"dues_ratio"}


def test_run_all_collects_dues():
    figures, goals = _load("run_all").collect()
    assert "dues_ratio" in figures and goals["dues_ratio"] == 3.0
