"""A made-up extra area, registered only by the tests that need it: it proves an area plugs in
through its registration alone (issue 13). Everything here is referenced as "fake_area:NAME"
(tests/ is on sys.path under pytest)."""

from __future__ import annotations

from union_desk.areas import (
    Area,
    DemoStep,
    ImportEntry,
    MemberTab,
    MenuAction,
    NavEntry,
    QuickAction,
    SettingKey,
)
from union_desk.ledgers.ledger import Ledger
from union_desk.ledgers.specs import LedgerColumn, LedgerSpec, seq_column

KIND = "fake_record"  # the record kind (table name) the fake area's writes change
calls: list = []  # what the fake area's hooks were asked to do


def fake_records(period) -> list[dict]:
    return [{"name": "样例甲", "amount": 12.5}, {"name": "样例乙", "amount": 7.5}]


FAKE_SPEC = LedgerSpec(
    kind="fake",
    title="测试台账",
    columns=(
        seq_column(),
        LedgerColumn("name", "名称", lambda r, o: r["name"], width=12),
        LedgerColumn("amount", "金额（元）", lambda r, o: r["amount"], kind="money"),
    ),
)
FAKE_LEDGER = Ledger("fake", FAKE_SPEC, fake_records, order=65, help="测试台账")


def page():
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    class FakePage(QWidget):
        def __init__(self):
            super().__init__()
            self.refreshed = 0
            self.opened = []
            self.label = QLabel("测试页面")
            QVBoxLayout(self).addWidget(self.label)

        def refresh(self):
            self.refreshed += 1

        def open_record(self, kind, record):
            self.opened.append((kind, record))

        def do_something(self):
            calls.append("menu")

    return FakePage()


def home_parts(context):
    from union_desk.ui.home.parts import HomeFigure, HomeList

    return [
        HomeFigure("fake_count", "测试数字", "42", 90),
        HomeList("fake_list", "测试清单", ["第一条"], "fake_entry", ["记录一"], 90),
    ]


def member_panel(member):
    from PySide6.QtWidgets import QLabel

    class Panel(QLabel):
        def set_member(self, m):
            calls.append(("panel", m.id))

    panel = Panel(f"测试：{member.name}")
    return panel


def settings_page():
    from PySide6.QtWidgets import QLineEdit

    class Page(QLineEdit):
        title = "测试设置"

        def values(self):
            return {"fake_setting": self.text()}

    return Page()


def open_import(window):
    calls.append("import")


def register_cli(verbs):
    hello = verbs[None].add_parser("fake-hello", help="测试命令")
    hello.set_defaults(func=lambda args, db_path: print("你好") or 0)


def demo_step(generator):
    calls.append("demo")
    generator.counts["测试记录"] = 3


AREA = Area(
    key="fake",
    title="测试",
    nav=(NavEntry("fake", "Fake area", group=5, order=50, page="fake_area:page", shows=frozenset({KIND}),
                  record_kinds=("fake_entry",)),),
    ledgers=("fake_area:FAKE_LEDGER",),
    home="fake_area:home_parts",
    quick_actions=(QuickAction("Do something", "fake", "do_something", 30),),
    menu_actions=(MenuAction("Fake menu entry", "fake", "do_something", 50),),
    demo=(DemoStep(70, "正在生成测试记录", 10, "fake_area:demo_step"),),
    member_tabs=(MemberTab("Fake tab", "fake_area:member_panel", 30, frozenset({KIND})),),
    settings_pages=("fake_area:settings_page",),
    settings=(SettingKey("fake_setting", "", "测试设置"),),
    cli=("fake_area:register_cli",),
    check_counts=(("测试记录", "union_desk.db.models:Setting"),),
    import_entries=(ImportEntry("Fake import", "fake_area:open_import", 50),),
    changes=frozenset({KIND}),
)
