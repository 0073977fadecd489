"""Run every benchmark figure and print them all as ONE JSON object.

    python tests/perf/run_all.py [--members 5000] [--repeat 5] [--workdir DIR]

Collects `FIGURES` (name → function returning (value, details)) and `GOALS` from every
`bench_*.py` module in this folder, shares one temporary folder (so the demo database is
generated once), and prints the merged result. `bundle_startup_ratio` (bench_bundle_startup.py)
first builds two PyInstaller bundles into that folder, about a minute; `startup_ratio` beside it
is the same comparison run from source.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_module(path: Path):
    spec = importlib.util.spec_from_file_location(f"union_desk_perf_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collect() -> tuple[dict, dict]:
    figures: dict = {}
    goals: dict = {}
    for path in sorted(HERE.glob("bench_*.py")):
        module = load_module(path)
        figures.update(getattr(module, "FIGURES", {}))
        goals.update(getattr(module, "GOALS", {}))
    return figures, goals


def main(argv: list[str] | None = None) -> int:
    bench = load_module(HERE / "bench_startup.py")  # owns the shared argument parsing and runner
    args = bench.parse_args(argv)
    figures, goals = collect()
    result = bench.run_figures(figures, goals, args.members, args.repeat, args.workdir)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
