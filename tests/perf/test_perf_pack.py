"""Smoke test for bench_pack.py: it runs and reports sane numbers (no timing limits).

Excluded from the default run (perf marker); run with `pytest -m perf tests/perf`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.perf

HERE = Path(__file__).resolve().parent


def test_pack_ratio_reports_expected_keys(tmp_path):
    spec = importlib.util.spec_from_file_location("union_desk_perf_bench_pack", HERE / "bench_pack.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    ratio, details = bench.pack_ratio(members=300, repeat=1, workdir=tmp_path)
    assert ratio > 0
    for key in ("pack_app_s", "pack_baseline_s", "pack_cpu_ratio"):
        assert isinstance(details[key], float) and details[key] > 0, key
    assert details["pack_sheets"] == 10 and details["pack_cells"] > 1000
    assert bench.GOALS == {"pack_ratio": 2.0}
