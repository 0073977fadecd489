"""The PyInstaller one-folder build (build.spec) works on its own: CLI, library data, resources.

Builds once per test session into a temporary folder (about 30–60 s on a 2-core machine), then
runs the frozen executable. Proves that `resources/`, the compiled translations, the lazily
imported parts of the app and the libraries' data files (holidays, pypinyin, ...) made it into
the bundle.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import union_desk

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
EXE_NAME = "UnionDesk.exe" if sys.platform.startswith("win") else "UnionDesk"
BUILD_TIMEOUT = 900  # seconds; the build normally takes well under a minute
RUN_TIMEOUT = 180


def _pyinstaller_available() -> bool:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return False
    return True


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["UNION_DESK_DATA_DIR"] = str(data_dir)
    env.pop("UNION_DESK_DB", None)
    return env


def _run(args: list[str], env: dict[str, str], timeout: int = RUN_TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run(
        args,
        env=env,
        capture_output=True,
        timeout=timeout,
        # The bundle runs in Python's UTF-8 mode (see build.spec), so its pipes carry UTF-8.
        encoding="utf-8",
        errors="replace",
    )


def _explain(result: subprocess.CompletedProcess) -> str:
    return f"exit code {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr[-4000:]}"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """Build once for this module; returns the one-folder app directory (dist/UnionDesk)."""
    if not _pyinstaller_available():
        pytest.skip("PyInstaller is not installed (pip install -e '.[test]' installs it)")
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        cwd=ROOT,
        env=_env(work / "appdata"),
        capture_output=True,
        timeout=BUILD_TIMEOUT,
        encoding="utf-8",
        errors="replace",
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, "PyInstaller failed:\n" + _explain(result)
    print(f"\nPyInstaller build took {elapsed:.1f} s")
    app_dir = work / "dist" / "UnionDesk"
    assert (app_dir / EXE_NAME).is_file(), f"no executable in {app_dir}"
    return app_dir


@pytest.fixture
def exe(bundle) -> Path:
    return bundle / EXE_NAME


def test_version_runs_frozen(exe, tmp_path):
    result = _run([str(exe), "version"], _env(tmp_path / "appdata"))
    assert result.returncode == 0, _explain(result)
    assert union_desk.__version__ in result.stdout, _explain(result)


def test_demo_and_check_run_frozen(exe, tmp_path):
    """The demo generator needs resources/ (default lists), holidays, lunar_python and pypinyin."""
    env = _env(tmp_path / "appdata")
    db = tmp_path / "p.sqlite"
    demo = _run([str(exe), "--db", str(db), "demo", "--members", "20"], env, timeout=600)
    assert demo.returncode == 0, _explain(demo)
    assert "会员：20" in demo.stdout, _explain(demo)
    check = _run([str(exe), "--db", str(db), "check"], env)
    assert check.returncode == 0, _explain(check)
    assert "会员：20" in check.stdout, _explain(check)
    assert "完整性：正常" in check.stdout, _explain(check)


def test_spreadsheet_round_trip_frozen(exe, tmp_path):
    """openpyxl (export) and python_calamine (import, a compiled extension) work in the bundle."""
    env = _env(tmp_path / "appdata")
    db = tmp_path / "s.sqlite"
    demo = _run([str(exe), "--db", str(db), "demo", "--members", "5"], env, timeout=600)
    assert demo.returncode == 0, _explain(demo)
    sheet = tmp_path / "roster.xlsx"
    export = _run([str(exe), "--db", str(db), "export", "members", "-o", str(sheet)], env)
    assert export.returncode == 0, _explain(export)
    assert sheet.is_file() and sheet.stat().st_size > 0
    dry_run = _run([str(exe), "--db", str(tmp_path / "empty.sqlite"), "import", "members", "--dry-run", str(sheet)], env)
    assert dry_run.returncode == 0, _explain(dry_run)


def test_gui_starts_frozen(exe, tmp_path):
    """The window comes up (offscreen) and the benchmark hook quits it: Qt plugins are bundled."""
    env = _env(tmp_path / "appdata")
    env["UNION_DESK_QUIT_WHEN_SHOWN"] = "1"
    result = _run([str(exe), "--db", str(tmp_path / "g.sqlite")], env)
    assert result.returncode == 0, _explain(result)
    assert "shown" in result.stdout.split(), _explain(result)


def test_data_files_are_bundled(bundle):
    internal = bundle / "_internal"  # PyInstaller 6 keeps everything but the executable here
    assert (internal / "i18n" / "union_desk_zh_CN.qm").is_file()
    assert not list((internal / "i18n").glob("*.ts")), "the .ts sources should not be shipped"
    assert (internal / "resources" / "visit_types.json").is_file()
    assert (internal / "resources" / "plan_template.json").is_file()
    assert (internal / "resources" / "style.qss").is_file()
