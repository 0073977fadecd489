"""argparse speaking Chinese: its own messages (usage, errors, help headings) translated.

argparse looks its texts up through `gettext`; we give it a translation table instead of shipping
a .mo file, and an ArgumentParser whose errors exit with code 2 and a Chinese message.
"""

from __future__ import annotations

import argparse
import sys

_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "expected one argument": "需要一个值",
    "ignored explicit argument %r": "多余的值 %r",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "not allowed with argument %s": "不能和参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出参数 %s 中的一个",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
}


def _gettext(text: str) -> str:
    return _ZH.get(text, text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    """Point argparse's message lookup at the Chinese table."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"参数错误：{message}\n运行 “{self.prog} -h” 查看用法。\n")


DB_HELP = "数据文件（默认在用户数据文件夹，或环境变量 UNION_DESK_DB）"
DEMO_HELP = "使用演示数据库（用户数据文件夹中的 demo.sqlite，不存在时自动生成）"


def add_db_options(parser: argparse.ArgumentParser, default=None) -> None:
    parser.add_argument("--db", metavar="路径", default=default, help=DB_HELP)
    parser.add_argument("--demo", action="store_true", default=default if default is not None else False, help=DEMO_HELP)


class CommandParser(ChineseArgumentParser):
    """A sub-command's parser: also takes --db/--demo, so `union-desk demo --db F` works as well
    as `union-desk --db F demo` (given after the command, they override the ones before it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_db_options(self, default=argparse.SUPPRESS)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"必须大于 0，而不是 {value}")
    return value
