"""The PyInstaller one-folder build (build.spec) and the NSIS installer (installer/union_desk.nsi).

Builds once per test session into a temporary folder (about 30 s on a 2-core machine), then runs
the two frozen programs: the console program `union-desk` (version, demo, check, an export, a
printed PDF, an error exit code) and the windowed `UnionDesk` (starts the GUI; given a command it
shows a box naming the console program and exits with 2). Proves that `resources/`, the compiled
translations, the lazily imported parts of the app and the libraries' data files (holidays,
pypinyin, ...) made it into the trimmed bundle. Then compiles the installer from the Linux bundle
with makensis (zlib, about 30 s), which proves the script complete.

`icon=` and `version=` are ignored off Windows, so the version files the spec wrote are read
back here with PyInstaller's own reader, and the .ico is opened with Pillow.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import types
from datetime import date
from pathlib import Path

import pytest

import union_desk

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
NSIS_SCRIPT = ROOT / "installer" / "union_desk.nsi"
SUFFIX = ".exe" if sys.platform.startswith("win") else ""
GUI_EXE = f"UnionDesk{SUFFIX}"
CLI_EXE = f"union-desk{SUFFIX}"
BUILD_TIMEOUT = 900  # seconds; the build normally takes well under a minute
RUN_TIMEOUT = 180
ICON_SIZES = {16, 24, 32, 48, 64, 128, 256}


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
    env.pop("UNION_DESK_QUIT_WHEN_SHOWN", None)
    return env


def _run(args: list, env: dict[str, str], timeout: int = RUN_TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(arg) for arg in args],
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
def build(tmp_path_factory) -> Path:
    """Build once for this module; returns the PyInstaller folder (holding dist/ and build/)."""
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
    return work


@pytest.fixture(scope="module")
def bundle(build) -> Path:
    """The one-folder app directory (dist/UnionDesk)."""
    app_dir = build / "dist" / "UnionDesk"
    assert (app_dir / GUI_EXE).is_file(), f"no {GUI_EXE} in {app_dir}"
    return app_dir


@pytest.fixture
def cli(bundle) -> Path:
    return bundle / CLI_EXE


@pytest.fixture
def gui(bundle) -> Path:
    return bundle / GUI_EXE


@pytest.fixture(scope="module")
def demo_db(bundle, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A 20-member demo database made by the frozen console program."""
    folder = tmp_path_factory.mktemp("demo")
    env = _env(folder / "appdata")
    db = folder / "demo.sqlite"
    demo = _run([bundle / CLI_EXE, "--db", db, "demo", "--members", "20"], env, timeout=600)
    assert demo.returncode == 0, _explain(demo)
    assert "会员：20" in demo.stdout, _explain(demo)
    return db, env


# --- two programs ------------------------------------------------------------------------------


def test_both_programs_share_one_folder(bundle):
    assert (bundle / GUI_EXE).is_file()
    assert (bundle / CLI_EXE).is_file()
    assert (bundle / "_internal").is_dir()
    # Nothing else beside the two programs: everything they share is under _internal.
    assert sorted(p.name for p in bundle.iterdir()) == sorted([GUI_EXE, CLI_EXE, "_internal"])


def test_console_program_version(cli, tmp_path):
    result = _run([cli, "version"], _env(tmp_path / "appdata"))
    assert result.returncode == 0, _explain(result)
    assert union_desk.__version__ in result.stdout, _explain(result)


def test_console_program_names_itself(cli, tmp_path):
    """Help texts name the program the user has (union-desk; union-desk.exe on Windows)."""
    result = _run([cli, "-h"], _env(tmp_path / "appdata"))
    assert result.returncode == 0, _explain(result)
    assert result.stdout.startswith(f"用法：{CLI_EXE} "), _explain(result)


def test_console_program_check(cli, demo_db):
    db, env = demo_db
    check = _run([cli, "--db", db, "check"], env)
    assert check.returncode == 0, _explain(check)
    assert "会员：20" in check.stdout, _explain(check)
    assert "完整性：正常" in check.stdout, _explain(check)


def test_console_program_exports_a_ledger(cli, demo_db, tmp_path):
    import openpyxl

    db, env = demo_db
    sheet = tmp_path / "花名册.xlsx"
    export = _run([cli, "--db", db, "export", "ledger", "members", "--year", date.today().year, "-o", sheet], env)
    assert export.returncode == 0, _explain(export)
    workbook = openpyxl.load_workbook(sheet, read_only=True)
    try:
        rows = list(workbook.active.iter_rows(max_row=3, values_only=True))
    finally:
        workbook.close()
    assert rows[2][:3] == ("序号", "姓名", "性别"), rows


def test_console_program_prints_a_pdf(cli, demo_db, tmp_path):
    """reportlab with its fonts and Pillow work in the trimmed bundle."""
    db, env = demo_db
    pdf = tmp_path / "plan.pdf"
    result = _run([cli, "--db", db, "print", "plan", "--year", date.today().year, "-o", pdf], env)
    assert result.returncode == 0, _explain(result)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_console_program_error_exit_code(cli, demo_db, tmp_path):
    db, env = demo_db
    result = _run([cli, "--db", db, "print", "visit", "999999", "-o", tmp_path / "x.pdf"], env)
    assert result.returncode == 3, _explain(result)
    assert "找不到编号为 999999 的走访记录" in result.stderr, _explain(result)
    assert not (tmp_path / "x.pdf").exists()


def test_spreadsheet_round_trip_frozen(cli, demo_db, tmp_path):
    """openpyxl (export) and python_calamine (import, a compiled extension) work in the bundle."""
    db, env = demo_db
    sheet = tmp_path / "roster.xlsx"
    export = _run([cli, "--db", db, "export", "members", "-o", sheet], env)
    assert export.returncode == 0, _explain(export)
    dry_run = _run([cli, "--db", tmp_path / "empty.sqlite", "import", "members", "--dry-run", sheet], env)
    assert dry_run.returncode == 0, _explain(dry_run)


def test_gui_starts_frozen(gui, tmp_path):
    """The window comes up (offscreen) and the benchmark hook quits it: Qt plugins are bundled."""
    env = _env(tmp_path / "appdata")
    env["UNION_DESK_QUIT_WHEN_SHOWN"] = "1"
    result = _run([gui, "--db", tmp_path / "g.sqlite"], env)
    assert result.returncode == 0, _explain(result)
    assert "shown" in result.stdout.split(), _explain(result)


def test_gui_program_given_a_command_points_to_the_console_program(gui, tmp_path):
    """`UnionDesk check` shows a box (auto-closed by the hook), runs nothing, exits with 2."""
    env = _env(tmp_path / "appdata")
    env["UNION_DESK_QUIT_WHEN_SHOWN"] = "1"
    db = tmp_path / "never.sqlite"
    result = _run([gui, "--db", db, "check"], env)
    assert result.returncode == 2, _explain(result)
    lines = result.stdout.splitlines()
    assert lines[:2] == ["shown", "工会工作台"], _explain(result)
    assert f"命令行请使用 {CLI_EXE}" in result.stdout, _explain(result)
    # The OK button is Chinese: Qt's own zh_CN catalogue survived the trimming.
    assert lines[-1] == "确定", _explain(result)
    assert not db.exists(), "the command must not have run"


# --- what is inside ----------------------------------------------------------------------------


def test_data_files_are_bundled(bundle):
    internal = bundle / "_internal"  # PyInstaller 6 keeps everything but the executables here
    assert (internal / "i18n" / "union_desk_zh_CN.qm").is_file()
    assert not list((internal / "i18n").glob("*.ts")), "the .ts sources should not be shipped"
    for name in ("visit_types.json", "plan_template.json", "style.qss", "union_desk.ico"):
        assert (internal / "resources" / name).is_file(), name


def _qt_dir(bundle: Path, name: str) -> Path:
    """PySide6/Qt/<name> on Linux and macOS, PySide6/<name> on Windows."""
    pyside = bundle / "_internal" / "PySide6"
    return pyside / "Qt" / name if (pyside / "Qt" / name).is_dir() else pyside / name


def test_qt_is_trimmed(bundle):
    translations = _qt_dir(bundle, "translations")
    assert sorted(p.name for p in translations.iterdir()) == ["qtbase_zh_CN.qm"]
    plugins = _qt_dir(bundle, "plugins")
    folders = {p.name for p in plugins.iterdir()}
    assert not folders & {"tls", "networkinformation", "iconengines", "generic"}, folders
    assert {"platforms", "imageformats"} <= folders
    assert [p.name.lower().removeprefix("lib").split(".")[0] for p in (plugins / "imageformats").iterdir()] == ["qico"]
    names = [p.name.lower() for p in (bundle / "_internal").rglob("*") if p.is_file()]
    for unused in ("qt6pdfquick", "qt6quick", "qt6qml", "qt6svg", "opengl32sw", "libssl", "qtopengl.", "upx"):
        assert not [n for n in names if unused in n], unused
    # QtNetwork stays (QLocalServer, and QtPdf links it); QtPdf renders the print preview.
    assert [n for n in names if n.startswith("qtnetwork.")], "QtNetwork was dropped"
    assert [n for n in names if n.startswith("qtpdf.")], "QtPdf (the print preview) was dropped"
    assert [n for n in names if "qt6pdf." in n or n.startswith("libqt6pdf.so")], "the Qt6Pdf library was dropped"


# --- Windows resources (read back, since they are ignored off Windows) ---------------------------


def test_icon_has_several_sizes():
    from PIL import Image

    with Image.open(ROOT / "resources" / "union_desk.ico") as icon:
        assert icon.format == "ICO"
        assert {w for w, h in icon.info["sizes"]} >= ICON_SIZES


def _load_version_file(path: Path, monkeypatch):
    import PyInstaller.compat

    # The reader's module imports pywin32-ctypes' win32api on Windows only; it is not used for
    # reading, so a stand-in lets the real parser run here.
    monkeypatch.setattr(PyInstaller.compat, "win32api", types.SimpleNamespace(), raising=False)
    from PyInstaller.utils.win32 import versioninfo

    return versioninfo.load_version_info_from_text_file(str(path))


@pytest.mark.parametrize(
    ("exe", "description"), [("UnionDesk", "工会工作台"), ("union-desk", "工会工作台（命令行）")]
)
def test_version_resource(build, exe, description, monkeypatch):
    info = _load_version_file(build / "build" / "build" / f"version_info_{exe}.txt", monkeypatch)
    numbers = [int(n) for n in union_desk.__version__.split(".")[:3]]
    assert info.ffi.fileVersionMS == (numbers[0] << 16) | numbers[1]
    assert info.ffi.fileVersionLS == numbers[2] << 16
    table = info.kids[0].kids[0]
    assert table.name == "080404B0"  # zh-CN, Unicode
    strings = {struct.name: struct.val for struct in table.kids}
    assert strings["ProductName"] == "工会工作台"
    assert strings["FileDescription"] == description
    assert strings["CompanyName"] == "工会工作台项目"
    assert strings["ProductVersion"] == union_desk.__version__
    assert strings["OriginalFilename"] == f"{exe}.exe"
    assert "工会工作台项目" in strings["LegalCopyright"]


class _SpecStub:
    """Stand-ins for PyInstaller's spec classes: they record what the spec passes."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


class _AnalysisStub(_SpecStub):
    def __init__(self, scripts, **kwargs):
        super().__init__(scripts, **kwargs)
        self.pure = []
        self.scripts = [("pyiboot01_bootstrap", "/b.py", "PYSOURCE")]
        self.scripts += [(Path(script).stem, script, "PYSOURCE") for script in scripts]
        # What the PySide6 hooks collect on Windows (PySide6 wheels keep Qt beside the bindings).
        windows = [
            r"PySide6\translations\qtbase_zh_CN.qm",
            r"PySide6\translations\qtbase_de.qm",
            r"PySide6\translations\qt_help_zh_CN.qm",
            r"PySide6\plugins\tls\qschannelbackend.dll",
            r"PySide6\plugins\tls\qopensslbackend.dll",
            r"PySide6\plugins\networkinformation\qnetworklistmanager.dll",
            r"PySide6\plugins\imageformats\qico.dll",
            r"PySide6\plugins\imageformats\qjpeg.dll",
            r"PySide6\plugins\imageformats\qpdf.dll",
            r"PySide6\plugins\iconengines\qsvgicon.dll",
            r"PySide6\plugins\platforms\qwindows.dll",
            r"PySide6\plugins\styles\qmodernwindowsstyle.dll",
            r"PySide6\opengl32sw.dll",
            r"PySide6\Qt6Pdf.dll",
            r"PySide6\Qt6Network.dll",
            r"PySide6\Qt6Charts.dll",
            r"libssl-3.dll",
            r"libcrypto-3.dll",
        ]
        self.binaries = [(name, "/src", "BINARY") for name in windows]
        self.datas = []


def _exec_spec(workpath: Path) -> dict:
    recorded: dict = {"EXE": [], "COLLECT": []}

    def exe(*args, **kwargs):
        recorded["EXE"].append(_SpecStub(*args, **kwargs))
        return recorded["EXE"][-1]

    def collect(*args, **kwargs):
        recorded["COLLECT"].append(_SpecStub(*args, **kwargs))

    namespace = {
        "__name__": "__main__",
        "SPECPATH": str(ROOT),
        "workpath": str(workpath),
        "Analysis": lambda scripts, **kw: recorded.setdefault("Analysis", _AnalysisStub(scripts, **kw)),
        "PYZ": _SpecStub,
        "EXE": exe,
        "COLLECT": collect,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return recorded


def test_spec_on_windows_simulated(tmp_path, monkeypatch):
    """Runs build.spec with recording stand-ins and Windows-style paths (simulated, not run on
    Windows): both programs get the icon and their version file, the right console flag and only
    their own entry script; the trimming rules match the Windows layout."""
    recorded = _exec_spec(tmp_path)
    programs = {exe.kwargs["name"]: exe for exe in recorded["EXE"]}
    assert set(programs) == {"UnionDesk", "union-desk"}
    assert programs["UnionDesk"].kwargs["console"] is False
    assert programs["union-desk"].kwargs["console"] is True
    for name, exe in programs.items():
        assert Path(exe.kwargs["icon"]) == ROOT / "resources" / "union_desk.ico"
        assert Path(exe.kwargs["version"]) == tmp_path / f"version_info_{name}.txt"
        assert exe.kwargs["upx"] is False
        scripts = [entry[0] for entry in exe.args[1]]
        assert scripts[0] == "pyiboot01_bootstrap"
        assert scripts[-1] == {"UnionDesk": "gui_main", "union-desk": "__main__"}[name]
        assert len([s for s in scripts if s in ("gui_main", "__main__")]) == 1
    info = _load_version_file(tmp_path / "version_info_UnionDesk.txt", monkeypatch)
    assert {s.name: s.val for s in info.kids[0].kids[0].kids}["ProductName"] == "工会工作台"
    (collect,) = recorded["COLLECT"]
    assert collect.args[:2] == (programs["UnionDesk"], programs["union-desk"])
    kept = {entry[0] for entry in recorded["Analysis"].binaries}
    assert kept == {
        r"PySide6\translations\qtbase_zh_CN.qm",
        r"PySide6\plugins\imageformats\qico.dll",
        r"PySide6\plugins\platforms\qwindows.dll",
        r"PySide6\plugins\styles\qmodernwindowsstyle.dll",
        r"PySide6\Qt6Pdf.dll",
        r"PySide6\Qt6Network.dll",
        r"PySide6\Qt6Charts.dll",
        r"libcrypto-3.dll",
    }


# --- the installer -----------------------------------------------------------------------------


def test_nsis_installer_compiles(bundle, build):
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis is not installed (apt-get install nsis; .ci/run installs it)")
    setup = build / f"UnionDesk-{union_desk.__version__}-setup.exe"
    started = time.monotonic()
    result = _run(
        [
            makensis,
            "-V2",
            "-WX",  # any warning fails the build
            f"-DVERSION={union_desk.__version__}",
            f"-DSOURCE_DIR={bundle}",
            f"-DGUI_EXE={GUI_EXE}",
            f"-DCLI_EXE={CLI_EXE}",
            "-DCOMPRESSOR=zlib",
            f"-DOUT_FILE={setup}",
            NSIS_SCRIPT,
        ],
        _env(build / "appdata"),
        timeout=BUILD_TIMEOUT,
    )
    print(f"\nmakensis took {time.monotonic() - started:.1f} s")
    assert result.returncode == 0, _explain(result)
    assert setup.is_file()
    # The whole program folder went in: compressed, it is still over a quarter of its size (45 %).
    folder_size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert setup.stat().st_size > folder_size / 4, (setup.stat().st_size, folder_size)
    assert setup.read_bytes()[:2] == b"MZ"
