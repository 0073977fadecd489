"""Smoke test for bench_funds.py: it runs and reports sane numbers (no timing limits).

Excluded from the default run (perf marker); run with `pytest -m perf tests/perf`.
The real figure: `python tests/perf/bench_funds.py` (10,000 entries, 5 repeats; goal ≤ 2.0).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.perf

HERE = Path(__file__).resolve().parent


def test_funds_ratio_reports_expected_keys(tmp_path):
    spec = importlib.util.spec_from_file_location("union_desk_perf_bench_funds", HERE / "bench_funds.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    ratio, details = bench.funds_ratio(repeat=1, workdir=tmp_path, entries=500)
    assert ratio > 0
    for key in ("funds_app_s", "funds_baseline_s", "funds_cpu_ratio"):
        assert isinstance(details[key], float) and details[key] > 0, key
    assert details["funds_entries"] == 500
    assert details["funds_rows"] > 500 and details["funds_cells"] > 4000
    assert bench.GOALS == {"funds_ratio": 2.0}
    assert set(bench.FIGURES) == {"funds_ratio"}
