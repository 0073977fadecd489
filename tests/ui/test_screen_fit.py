"""Every window and dialog opens inside the screen's available area with its buttons visible
(issue 12, "Screens that fit"), on a 1366×768 screen less the taskbar and on 1920×1080 at 150 %.

The offscreen platform takes the screen from a config file (QT_QPA_PLATFORM=
"offscreen:configfile=…"; keys as in Qt's qoffscreenintegration.cpp), and the screen of a
QApplication is fixed for its process, so each screen is checked in a child process running
screen_fit_check.py, which prints one JSON line per window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECK = Path(__file__).with_name("screen_fit_check.py")

# (screen width, height, QT_SCALE_FACTOR): the offscreen screen is the available area
SCREENS = {
    "1366x768 less the taskbar": (1366, 728, None),
    "1920x1080 at 150 %": (1920, 1040, "1.5"),  # about 1280×693 logical pixels
}


def run_check(tmp_path: Path, db_file: Path, width: int, height: int, scale: str | None, *extra: str) -> dict:
    config = tmp_path / f"screen_{width}x{height}.json"
    config.write_text(json.dumps({
        "windowFrameMargins": True,
        "screens": [{"name": "test", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("QT_SCALE_FACTOR", None)
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    done = subprocess.run(
        [sys.executable, str(CHECK), str(db_file), *extra],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {r["name"]: r for r in results}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_window_fits_the_screen(tmp_path, demo_file, screen):
    width, height, scale = SCREENS[screen]
    results = run_check(tmp_path, demo_file, width, height, scale)
    assert len(results) >= 38  # the main window and every dialog were opened
    wizard_pages = {f"RosterImportWizard page {i}" for i in range(1, 6)}
    wizard_pages |= {f"LedgerImportDialog page {i}" for i in range(1, 4)}
    assert {"SettingsDialog", "FirstRunDialog", "PrintPreviewDialog"} | wizard_pages <= set(results)
    available = results["MainWindow"]["available"]
    expected = [1366, 728] if scale is None else [1280, 693]
    assert available[2:] == expected
    bad = {name: r for name, r in results.items() if not r["ok"]}
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)
    # the big ones were cut to the screen rather than keeping their old size
    assert results["MainWindow"]["frame"][3] <= expected[1]
    assert results["MemberForm(edit)"]["frame"][3] <= expected[1]


def test_the_check_catches_a_window_that_overflows(tmp_path, demo_file):
    """Without the fitting (the sizes before issue 12) the same check fails at 150 %."""
    results = run_check(tmp_path, demo_file, 1920, 1040, "1.5", "--no-fit")
    overflowing = {name for name, r in results.items() if not r["ok"]}
    assert {"MainWindow", "MemberForm(new)", "MemberForm(edit)", "ActivityForm(new)"} <= overflowing
