"""Shared by the area screen-fit tests (tests/ui/test_*_screen_fit.py): run a child process on an
offscreen screen of a given size (and scale) and collect the JSON lines it prints, one per window,
made by `screen_fit_check.check`. A QApplication's screen is fixed for its process, hence a child
per screen; the offscreen platform takes the screen from a config file (QT_QPA_PLATFORM=
"offscreen:configfile=…")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run_child(tmp_path: Path, script: Path, args, width: int, height: int, scale: str | None = None) -> dict:
    """Run `python script *args` on a width×height screen (QT_SCALE_FACTOR `scale`, if any); assert it
    succeeded and return its results by name."""
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
    done = subprocess.run([sys.executable, str(script), *(str(a) for a in args)], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return {r["name"]: r for r in (json.loads(line) for line in done.stdout.splitlines() if line.startswith("{"))}


def write_child(tmp_path: Path, name: str, code: str) -> Path:
    """A child script given as text, written to tmp_path/name (it is passed tests/ui to import
    screen_fit_check from)."""
    script = tmp_path / name
    script.write_text(code, encoding="utf-8")
    return script


# The start of a child given as text (run as `python SCRIPT DB_FILE TESTS_UI_DIR`): the application
# in Chinese on the data file, no message boxes; `check` of screen_fit_check imported, `app`,
# `db_path`, `dt`, `json`, `os` and `sys` defined for the rest of the child.
CHILD_HEAD = r'''
import datetime as dt, json, os, sys
sys.path.insert(0, sys.argv[2])
from screen_fit_check import check, _no_boxes
from union_desk.app import application
from union_desk.services.maintenance import open_for_use
from union_desk.ui import i18n
from pathlib import Path

app = application()
i18n.install(app, "zh_CN")
db_path = Path(sys.argv[1])
open_for_use(db_path, auto_backup=False)
_no_boxes()
'''
