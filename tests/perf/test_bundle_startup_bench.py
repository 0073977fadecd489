"""Smoke test for the bundled start-up benchmark. Excluded from the default run (perf marker);
`pytest -m perf tests/perf/test_bundle_startup_bench.py`.

The cheap test checks the wiring (run_all.py reports `bundle_startup_ratio` beside
`startup_ratio`) and that the generated baseline spec is valid Python using the shared trimming.
The full run builds two bundles (about a minute) and reports sane numbers, no timing limits.
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


def test_bundle_figure_is_wired_into_run_all():
    figures, goals = _load("run_all").collect()
    assert "bundle_startup_ratio" in figures and "startup_ratio" in figures
    assert goals["bundle_startup_ratio"] == 2.0
    bench = _load("bench_bundle_startup")
    text = bench.BASELINE_SPEC.format(trim="/x/tools/bundle_trim.py", script="/x/baseline_window.py")
    compile(text, "baseline.spec", "exec")
    assert "excludes=TRIM.EXCLUDES" in text and "TRIM.keep(entry)" in text


@pytest.mark.slow
def test_bundle_startup_ratio_runs(tmp_path, capsys):
    bench = _load("bench_bundle_startup")
    argv = ["--members", "300", "--repeat", "1", "--workdir", str(tmp_path)]
    assert bench.bench.main(argv, figures=bench.FIGURES, goals=bench.GOALS) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["bundle_startup_ratio"] > 0
    assert result["bundle_startup_ratio"] == pytest.approx(
        result["bundle_startup_app_s"] / result["bundle_startup_baseline_s"], rel=0.01
    )
    assert result["goal"] == {"bundle_startup_ratio": 2.0}
