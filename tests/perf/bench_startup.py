"""Start-up benchmark: how much slower than a bare PySide6 window does Union Desk come up?

    python tests/perf/bench_startup.py [--members 5000] [--repeat 5]

Prints ONE JSON object on stdout (progress goes to stderr):

    {"startup_ratio": 1.3, "startup_app_s": 0.52, "startup_baseline_s": 0.40,
     "members": 5000, "repeat": 5, "goal": {"startup_ratio": 1.5}, ...}

How it measures: a 5,000-member demo database is generated once (with `union-desk demo`) into a
temporary folder. Each run is wall time from just before `subprocess.Popen` until the child
prints the line `shown`:

* the app: `python -m union_desk --db FILE` with UNION_DESK_QUIT_WHEN_SHOWN=1, which prints
  `shown` when the main window is first shown (the 首页 tab has loaded its figures) and quits;
* the baseline: a bare PySide6 script (QApplication + QMainWindow with a QTableView) that prints
  `shown` from a QTimer.singleShot(0) after show() and quits.

Each side gets one warm-up run first (not counted): it fills the OS file cache and the bytecode
cache (kept under the temporary folder via PYTHONPYCACHEPREFIX) and lets the app make its daily
automatic backup, which only ever happens on the first start of the day. Then
app and baseline runs alternate, `repeat` of each, and the medians are compared.
QT_QPA_PLATFORM=offscreen; UNION_DESK_DATA_DIR points into the temporary folder.

Adding a figure: write a function `(members, repeat, workdir) -> (value, details)` and list it
in FIGURES (and its target in GOALS), here or in another bench_*.py module; run_all.py collects
FIGURES and GOALS from every bench_*.py in this folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOWN = "shown"
RUN_TIMEOUT = 120.0  # seconds for one start; a start normally takes well under 2 s
DEMO_TIMEOUT = 1800.0

BASELINE_SCRIPT = textwrap.dedent(
    """\
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1200, 760)
    window.show()


    def shown():
        print("shown", flush=True)
        app.quit()


    QTimer.singleShot(0, shown)
    sys.exit(app.exec())
    """
)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bench_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["UNION_DESK_DATA_DIR"] = str(workdir / "appdata")
    env.pop("UNION_DESK_DB", None)
    # Run the working tree's union_desk even when it is not installed.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    # Let Python cache bytecode (the warm-up run fills the cache), as an installed or frozen app
    # does; otherwise, with PYTHONDONTWRITEBYTECODE=1 (set in some CI images), every start would
    # recompile the working tree's sources. The cache lives in the temp folder, not the repo.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


def make_demo_db(workdir: Path, members: int, env: dict[str, str]) -> Path:
    """Generate the demo database once per workdir (reused when it is already there)."""
    db = workdir / f"demo-{members}.sqlite"
    if db.exists():
        return db
    log(f"generating a {members}-member demo database in {db} …")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "union_desk", "--db", str(db), "demo", "--members", str(members)],
        env=env,
        cwd=workdir,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=DEMO_TIMEOUT,
    )
    if result.returncode != 0:
        raise RuntimeError(f"demo generation failed ({result.returncode}):\n{result.stderr[-4000:]}")
    log(f"  done in {time.perf_counter() - started:.1f} s")
    return db


def time_until_shown(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from just before Popen until the child prints `shown`; waits for it to exit."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    elapsed = None
    try:
        assert proc.stdout is not None
        for line in proc.stdout:  # blocks line by line; the child flushes after `shown`
            if line.strip() == SHOWN:
                elapsed = time.perf_counter() - started
                break
        proc.stdout.close()
        code = proc.wait(timeout=RUN_TIMEOUT)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    if elapsed is None:
        raise RuntimeError(f"{cmd} exited ({code}) without printing {SHOWN!r}")
    if code != 0:
        raise RuntimeError(f"{cmd} printed {SHOWN!r} but exited with {code}")
    return elapsed


def startup_ratio(members: int = 5000, repeat: int = 5, workdir: Path | None = None) -> tuple[float, dict]:
    """Median app start-up ÷ median bare-PySide6 start-up (see the module docstring)."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="union-desk-bench-") as tmp:
            return startup_ratio(members, repeat, Path(tmp))
    workdir.mkdir(parents=True, exist_ok=True)
    env = bench_env(workdir)
    db = make_demo_db(workdir, members, env)
    baseline = workdir / "baseline_window.py"
    baseline.write_text(BASELINE_SCRIPT, encoding="utf-8")
    app_env = dict(env, UNION_DESK_QUIT_WHEN_SHOWN="1")
    app_cmd = [sys.executable, "-m", "union_desk", "--db", str(db)]
    base_cmd = [sys.executable, str(baseline)]

    # Warm-up (not counted): file cache, .pyc files, and the app's daily automatic backup.
    log("warm-up run of each (not counted) …")
    time_until_shown(app_cmd, app_env, workdir)
    time_until_shown(base_cmd, env, workdir)

    app_times: list[float] = []
    base_times: list[float] = []
    for i in range(repeat):
        app_times.append(time_until_shown(app_cmd, app_env, workdir))
        base_times.append(time_until_shown(base_cmd, env, workdir))
        log(f"  run {i + 1}/{repeat}: app {app_times[-1]:.3f} s, baseline {base_times[-1]:.3f} s")

    app_s = statistics.median(app_times)
    base_s = statistics.median(base_times)
    details = {
        "startup_app_s": round(app_s, 4),
        "startup_baseline_s": round(base_s, 4),
        "startup_app_runs_s": [round(t, 4) for t in app_times],
        "startup_baseline_runs_s": [round(t, 4) for t in base_times],
        "startup_warmup_runs_excluded": 1,
        "startup_note": (
            "median wall time from Popen to the 'shown' line, offscreen Qt; one warm-up run of "
            "each side excluded (it makes the app's daily automatic backup and fills the "
            "bytecode cache)"
        ),
    }
    return round(app_s / base_s, 4), details


def alternate(label: str, app: Callable[[int], object], base: Callable[[int], object], repeat: int) -> tuple[float, dict]:
    """Time two sides in this process: one warm-up run of each (not counted), then `repeat` runs
    of each, alternating. Returns (median wall-time ratio app ÷ base, details named `<label>_…`:
    medians, every run, and the CPU-time ratio, steadier on a busy machine). `app(i)` and
    `base(i)` get the run number (-1 for the warm-up)."""
    wall: dict[str, list[float]] = {"app": [], "base": []}
    cpu: dict[str, list[float]] = {"app": [], "base": []}

    def timed(side: str, action, i: int) -> None:
        started, started_cpu = time.perf_counter(), time.process_time()
        action(i)
        if i >= 0:
            cpu[side].append(time.process_time() - started_cpu)
            wall[side].append(time.perf_counter() - started)

    log("warm-up run of each (not counted) …")
    for i in range(-1, repeat):
        timed("app", app, i)
        timed("base", base, i)
        if i >= 0:
            log(f"  run {i + 1}/{repeat}: app {wall['app'][-1]:.3f} s, baseline {wall['base'][-1]:.3f} s")
    app_s, base_s = statistics.median(wall["app"]), statistics.median(wall["base"])
    app_cpu, base_cpu = statistics.median(cpu["app"]), statistics.median(cpu["base"])
    details = {
        f"{label}_app_s": round(app_s, 4),
        f"{label}_baseline_s": round(base_s, 4),
        f"{label}_app_runs_s": [round(t, 4) for t in wall["app"]],
        f"{label}_baseline_runs_s": [round(t, 4) for t in wall["base"]],
        f"{label}_cpu_ratio": round(app_cpu / base_cpu, 4),
        f"{label}_app_cpu_s": round(app_cpu, 4),
        f"{label}_baseline_cpu_s": round(base_cpu, 4),
    }
    return round(app_s / base_s, 4), details


Figure = Callable[..., tuple[float, dict]]
FIGURES: dict[str, Figure] = {"startup_ratio": startup_ratio}
GOALS: dict[str, float] = {"startup_ratio": 1.5}  # upper bounds


def run_figures(figures: dict[str, Figure], goals: dict[str, float], members: int, repeat: int,
                workdir: Path | None = None) -> dict:
    """Run each figure and merge everything into one flat JSON-ready dict."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="union-desk-bench-") as tmp:
            return run_figures(figures, goals, members, repeat, Path(tmp))
    out: dict = {}
    for name, figure in figures.items():
        value, details = figure(members=members, repeat=repeat, workdir=workdir)
        out[name] = value
        out.update(details)
    out["members"] = members
    out["repeat"] = repeat
    out["goal"] = {name: goals[name] for name in figures if name in goals}
    return out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5000, help="demo database size (default 5000)")
    parser.add_argument("--repeat", type=int, default=5, help="measured runs per side (default 5)")
    parser.add_argument("--workdir", type=Path, help="keep the demo database here (reused next time)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, figures: dict[str, Figure] | None = None, goals: dict[str, float] | None = None) -> int:
    """Run `figures` (this module's by default) and print them as one JSON object."""
    args = parse_args(argv)
    sys.path.insert(0, str(ROOT))
    result = run_figures(figures or FIGURES, goals or GOALS, args.members, args.repeat, args.workdir)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
