"""The windowed program's argument rule and the console program's name in help texts and hints."""

from __future__ import annotations

import sys

import pytest

from union_desk import cli, gui_main, paths


@pytest.mark.parametrize(
    "argv",
    [[], ["--demo"], ["--db", "x.sqlite"], ["--db=x.sqlite"], ["--db", "a b.sqlite", "--demo"]],
)
def test_gui_only_arguments_start_the_gui(argv):
    assert gui_main.gui_only(argv)


@pytest.mark.parametrize(
    "argv",
    [["check"], ["version"], ["-h"], ["--help"], ["--db"], ["--db="], ["--db", "x.sqlite", "check"], ["--demo", "stats"]],
)
def test_any_command_goes_to_the_console_program(argv):
    assert not gui_main.gui_only(argv)


def test_gui_main_with_a_command_shows_the_box_and_exits_2(monkeypatch):
    shown = []
    monkeypatch.setattr(gui_main, "show_cli_hint", lambda: shown.append(True) or gui_main.USAGE_EXIT_CODE)
    monkeypatch.setattr(cli, "main", lambda argv: pytest.fail("the command must not run"))
    assert gui_main.main(["check"]) == 2
    assert shown == [True]


def test_gui_main_without_a_command_runs_the_gui(monkeypatch):
    calls = []
    monkeypatch.setattr(cli, "main", lambda argv: calls.append(argv) or 0)
    assert gui_main.main(["--db", "x.sqlite"]) == 0
    assert calls == [["--db", "x.sqlite"]]


def test_cli_hint_box_is_shown_offscreen(qapp, monkeypatch, capsys):
    monkeypatch.setenv("UNION_DESK_QUIT_WHEN_SHOWN", "1")
    assert gui_main.show_cli_hint() == 2
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["shown", "工会工作台"]
    assert any("命令行请使用 union-desk（" in line for line in out)
    assert out[-1] == "确定"


@pytest.mark.parametrize(
    ("frozen", "platform", "expected"),
    [(True, "win32", "union-desk.exe"), (False, "win32", "union-desk"), (True, "linux", "union-desk")],
)
def test_cli_program_name(monkeypatch, frozen, platform, expected):
    """Simulated: the frozen Windows console program calls itself union-desk.exe."""
    monkeypatch.setattr(sys, "frozen", frozen, raising=False)
    monkeypatch.setattr(sys, "platform", platform)
    assert paths.cli_program_name() == expected
    assert cli.build_parser().prog == expected
    assert f"{expected} check" in gui_main.cli_hint()


def test_restore_hint_names_the_console_program(monkeypatch, tmp_path, capsys):
    """Simulated Windows bundle: the restore hint prints `union-desk.exe --db … restore …`."""
    import datetime
    import types

    from union_desk.db import backup
    from union_desk.errors import DatabaseFileError

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    good = types.SimpleNamespace(path=tmp_path / "b.sqlite", taken_at=datetime.datetime(2025, 3, 1, 8, 0))
    monkeypatch.setattr(backup, "newest_good_backup", lambda db: good)
    error = DatabaseFileError("数据文件已损坏", can_restore=True)
    code = cli.report_error(error, tmp_path / "d.sqlite")
    assert code == error.exit_code
    assert f"union-desk.exe --db {tmp_path / 'd.sqlite'} restore {good.path}" in capsys.readouterr().err
