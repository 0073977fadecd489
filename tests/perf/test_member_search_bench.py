"""Smoke test for the member search benchmark: it runs on a small database and reports sane
numbers (no timing limits). Excluded from the default run; `pytest -m perf tests/perf`."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.perf

HERE = Path(__file__).resolve().parent


def test_member_search_reports_figure_ratio_and_every_query(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("union_desk_perf_bench_member_search", HERE / "bench_member_search.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--members", "400", "--repeat", "1", "--workdir", str(tmp_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["member_search_ms"] > 0 and result["member_search_baseline_ms"] > 0
    assert result["member_search_ratio"] == pytest.approx(
        result["member_search_ms"] / result["member_search_baseline_ms"], rel=0.05
    )
    assert len(result["member_search_queries"]) >= 15
    assert result["goal"] == {"member_search_ms": 50.0}
    assert "member_search_ms" in bench.FIGURES
