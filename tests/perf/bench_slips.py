"""Slip benchmark: 500 走访慰问记录单 in one PDF, against ReportLab drawing the same strings.

    python tests/perf/bench_slips.py [--members 5000] [--repeat 5] [--workdir DIR]

Prints ONE JSON object on stdout (progress goes to stderr), like bench_startup.py:

    {"slips_ratio": 1.2, "slips_app_s": 1.1, "slips_baseline_s": 0.9, "slips_count": 500, ...}

How it measures (in one process, so both sides share the registered font and warm caches):

* the app: `printing.slips.print_visit_slips(ids, out.pdf)` for 500 visits of a demo database —
  everything the user waits for: loading the visits, building each slip, drawing, writing the
  file atomically, and recording every slip as printed (`visits.mark_printed_many`, audit rows);
  each run prints into a fresh copy of the database, so no run is a reprint of the one before;
* the baseline: a bare ReportLab canvas of the same page size that draws the same strings (the
  ones the app drew, recorded once beforehand with their font size and position) with the same
  font, one page per slip: `setFont` when the size changes, `drawString`, `showPage`, `save`.
  No grid, no stamps, no database, no application code.

One warm-up run of each side is not counted; then app and baseline alternate `repeat` times and
the medians are compared. The demo database is the one bench_startup.py makes (`union-desk demo
--members N`, reused from --workdir); the 500 visits are the first 500 by id.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SLIPS = 500


def _harness():
    spec = importlib.util.spec_from_file_location("union_desk_perf_bench_startup", HERE / "bench_startup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _open(db: Path) -> None:
    from union_desk.db.database import close_database
    from union_desk.services.maintenance import open_for_use

    close_database()
    open_for_use(db, auto_backup=False)


def _record_strings(slips, font: str, size: str) -> tuple[tuple[float, float], list[list[tuple]]]:
    """Every string the app draws, page by page, as (font size, x, y, text) with x already
    moved for centred and right-aligned strings."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    from union_desk.printing import slips as slip_module

    pages: list[list[tuple]] = [[]]

    class Recorder(Canvas):
        def drawString(self, x, y, text, *args, **kwargs):  # noqa: N802 - ReportLab API
            pages[-1].append((self._fontsize, x, y, text))
            return super().drawString(x, y, text, *args, **kwargs)

        def drawCentredString(self, x, y, text, *args, **kwargs):  # noqa: N802
            w = pdfmetrics.stringWidth(text, self._fontname, self._fontsize)
            pages[-1].append((self._fontsize, x - w / 2, y, text))
            return super().drawCentredString(x, y, text, *args, **kwargs)

        def drawRightString(self, x, y, text, *args, **kwargs):  # noqa: N802
            w = pdfmetrics.stringWidth(text, self._fontname, self._fontsize)
            pages[-1].append((self._fontsize, x - w, y, text))
            return super().drawRightString(x, y, text, *args, **kwargs)

        def showPage(self):  # noqa: N802
            pages.append([])
            return super().showPage()

    def factory(filename, font_name, pagesize):
        return Recorder(filename, pagesize=pagesize, initialFontName=font_name)

    with tempfile.TemporaryDirectory() as tmp:
        slip_module.render_slips(slips, str(Path(tmp) / "record.pdf"), font=font, size=size, canvas_factory=factory,
                                 use_forms=False)
    pages = [p for p in pages if p]
    return slip_module.LAYOUTS[size].pagesize, pages


def _baseline(path: str, font: str, pagesize, pages: list[list[tuple]]) -> None:
    """Plain ReportLab: the recorded strings, same font, one page per slip."""
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(path, pagesize=pagesize, initialFontName=font)
    for strings in pages:
        current = None
        for size, x, y, text in strings:
            if size != current:
                c.setFont(font, size)
                current = size
            c.drawString(x, y, text)
        c.showPage()
    c.save()


def slips_ratio(members: int = 5000, repeat: int = 5, workdir: Path | None = None) -> tuple[float, dict]:
    """Median time of printing 500 slips ÷ median time of the bare-ReportLab baseline."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="union-desk-bench-") as tmp:
            return slips_ratio(members, repeat, Path(tmp))
    workdir.mkdir(parents=True, exist_ok=True)
    bench = _harness()
    env = bench.bench_env(workdir)
    os.environ["UNION_DESK_DATA_DIR"] = env["UNION_DESK_DATA_DIR"]
    source = bench.make_demo_db(workdir, members, env)

    from union_desk.db.models import Visit
    from union_desk.printing import common, slips as slip_module

    run_db = workdir / "slips-run.sqlite"
    out_dir = workdir / "slips-out"
    out_dir.mkdir(exist_ok=True)

    def fresh_db() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{run_db}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(source, run_db)
        _open(run_db)
        Visit.update(printed_at=None).execute()  # every slip a first print

    fresh_db()
    ids = [v.id for v in Visit.select(Visit.id).order_by(Visit.id).limit(SLIPS)]
    if len(ids) < SLIPS:
        raise RuntimeError(f"the demo database has only {len(ids)} visits; use more --members")
    size = slip_module.slip_size()
    font, font_description = common.chinese_font()  # registers the font (not timed on either side)
    pagesize, pages = _record_strings(slip_module.slips_for(slip_module.load_visits(ids)), font, size)
    strings = sum(len(p) for p in pages)
    log(f"{len(pages)} pages, {strings} strings ({strings / len(pages):.1f} per page), font {font_description}")

    cpu: dict[str, list[float]] = {"app": [], "base": []}

    def timed(side: str, action) -> float:
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        cpu[side].append(time.process_time() - started_cpu)
        return time.perf_counter() - started

    def run_app(i: int) -> float:
        fresh_db()
        return timed("app", lambda: slip_module.print_visit_slips(ids, out_dir / f"app-{i}.pdf"))

    def run_base(i: int) -> float:
        return timed("base", lambda: _baseline(str(out_dir / f"base-{i}.pdf"), font, pagesize, pages))

    log("warm-up run of each (not counted) …")
    run_app(-1)
    run_base(-1)
    cpu["app"].clear()
    cpu["base"].clear()
    app_times: list[float] = []
    base_times: list[float] = []
    for i in range(repeat):
        app_times.append(run_app(i))
        base_times.append(run_base(i))
        log(f"  run {i + 1}/{repeat}: app {app_times[-1]:.3f} s, baseline {base_times[-1]:.3f} s")

    # Where the app's time goes, once (not part of the ratio): drawing alone vs. the rest.
    fresh_db()
    chosen = slip_module.load_visits(ids)
    started = time.perf_counter()
    slip_module.render_slips(slip_module.slips_for(chosen), str(out_dir / "render-only.pdf"), font=font, size=size)
    render_s = time.perf_counter() - started

    from union_desk.db.database import close_database

    close_database()
    app_s = statistics.median(app_times)
    base_s = statistics.median(base_times)
    app_cpu, base_cpu = statistics.median(cpu["app"]), statistics.median(cpu["base"])
    details = {
        "slips_app_s": round(app_s, 4),
        "slips_baseline_s": round(base_s, 4),
        "slips_app_runs_s": [round(t, 4) for t in app_times],
        "slips_baseline_runs_s": [round(t, 4) for t in base_times],
        "slips_render_only_s": round(render_s, 4),
        # CPU time of this process: steadier than wall time on a busy machine
        "slips_cpu_ratio": round(app_cpu / base_cpu, 4),
        "slips_app_cpu_s": round(app_cpu, 4),
        "slips_baseline_cpu_s": round(base_cpu, 4),
        "slips_count": SLIPS,
        "slips_strings": strings,
        "slips_size": size,
        "slips_font": font_description,
        "slips_app_pdf_bytes": (out_dir / "app-0.pdf").stat().st_size if repeat else None,
        "slips_baseline_pdf_bytes": (out_dir / "base-0.pdf").stat().st_size if repeat else None,
        "slips_note": (
            "median wall time; app = print_visit_slips for 500 visits (load, draw, atomic write, "
            "mark_printed_many with audit rows); baseline = bare ReportLab canvas drawing the same "
            "recorded strings with the same font; one warm-up run of each side excluded"
        ),
    }
    return round(app_s / base_s, 4), details


FIGURES = {"slips_ratio": slips_ratio}
GOALS = {"slips_ratio": 1.5}  # upper bound


def main(argv: list[str] | None = None) -> int:
    bench = _harness()
    args = bench.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    result = bench.run_figures(FIGURES, GOALS, args.members, args.repeat, args.workdir)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
