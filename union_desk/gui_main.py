"""The windowed program (`UnionDesk.exe`): the GUI only.

A windowed Windows program has no console: anything a command printed would vanish and `cmd`
would not wait for its exit code. So given a command (`UnionDesk.exe check`, `-h`, ...) it shows
a box naming the console program (`union-desk.exe`, in the same folder and on the PATH after
install) and exits with code 2, the usage-error code. Only the options that choose the data
file (`--db FILE`, `--demo`) are accepted, since they make sense for a shortcut.
"""

from __future__ import annotations

import os
import sys

from union_desk.paths import cli_program_name

USAGE_EXIT_CODE = 2
TITLE = "工会工作台"


def gui_only(argv: list[str]) -> bool:
    """True when `argv` holds nothing but `--db FILE` / `--db=FILE` / `--demo`."""
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--demo" or (arg.startswith("--db=") and len(arg) > len("--db=")):
            continue
        if arg == "--db" and rest:
            rest.pop(0)
            continue
        return False
    return True


def cli_hint() -> str:
    """The box text (Chinese directly, like every command-line message)."""
    cli = cli_program_name()
    return (
        "本程序只打开图形界面，不执行命令。\n"
        f"命令行请使用 {cli}（与本程序在同一文件夹，安装后可在命令提示符或 PowerShell 中直接输入），例如：\n\n"
        f"    {cli} check\n"
        f"    {cli} -h"
    )


def show_cli_hint() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from union_desk.app import BENCH_ENV, application
    from union_desk.ui import i18n

    app = application()
    i18n.install(app, "zh_CN")  # Qt's own button texts (确定)
    box = QMessageBox(QMessageBox.Icon.Information, TITLE, cli_hint(), QMessageBox.StandardButton.Ok)
    if os.environ.get(BENCH_ENV):
        # Tests and benchmarks: report what is on screen, then close the box instead of waiting.
        def report_and_close() -> None:
            buttons = " ".join(button.text() for button in box.buttons())
            print("shown", box.windowTitle(), box.text(), buttons, sep="\n", flush=True)
            box.done(0)

        QTimer.singleShot(0, report_and_close)
    box.exec()
    return USAGE_EXIT_CODE


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not gui_only(argv):
        return show_cli_hint()
    from union_desk.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
