"""Smoke test for bench_slips.py: it runs and reports sane numbers (no timing limits).

Excluded from the default run (perf marker); run with `pytest -m perf tests/perf`.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.perf

HERE = Path(__file__).resolve().parent


def test_slips_ratio_reports_expected_keys(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("union_desk_perf_bench_slips", HERE / "bench_slips.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    # 600 members give a little over 500 visits in the demo school
    assert bench.main(["--members", "600", "--repeat", "1", "--workdir", str(tmp_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    for key in ("slips_ratio", "slips_app_s", "slips_baseline_s", "slips_cpu_ratio"):
        assert isinstance(result[key], float) and result[key] > 0, key
    assert result["slips_count"] == 500
    assert result["goal"] == {"slips_ratio": 1.5}
