"""Smoke test for the benchmark harness: it runs and reports sane numbers (no timing limits).

Excluded from the default run (addopts has -m 'not perf'); run with `pytest -m perf tests/perf`.
The real figures come from `python tests/perf/bench_startup.py` (5,000 members, 5 repeats).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.perf

HERE = Path(__file__).resolve().parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"union_desk_perf_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_startup_ratio_reports_expected_keys(tmp_path, capsys):
    bench = _load("bench_startup")
    # The same entry point as the command line, with a smaller database and fewer repeats.
    assert bench.main(["--members", "500", "--repeat", "2", "--workdir", str(tmp_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    for key in ("startup_ratio", "startup_app_s", "startup_baseline_s"):
        assert isinstance(result[key], float) and result[key] > 0, key
    assert result["members"] == 500
    assert result["repeat"] == 2
    assert result["goal"] == {"startup_ratio": 1.5}
    assert len(result["startup_app_runs_s"]) == len(result["startup_baseline_runs_s"]) == 2


def test_run_all_merges_every_figure(tmp_path):
    run_all = _load("run_all")
    figures, goals = run_all.collect()
    assert "startup_ratio" in figures
    assert set(goals) <= set(figures)
