"""Issue 13, done when: the main window is built from the registry. One fake extra area shows in
the navigation, 首页, the 文件 menu, the member form, 设置, the 台账 page, the CLI ledger kinds and
the pack, and the change notification reaches its page — without editing the main window."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox

import fake_area
from union_desk import areas, changes
from union_desk.db.models import Member
from union_desk.ui import i18n
from union_desk.ui.change_bus import bus


@pytest.fixture
def fake():
    fake_area.calls.clear()
    areas.register(fake_area.AREA)
    yield fake_area.AREA
    areas.unregister("fake")


@pytest.fixture
def window(fake, qtbot, qapp, db, db_path):
    from union_desk.ui.main_window import MainWindow

    i18n.install(qapp, "zh_CN")
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_extra_area_is_in_the_navigation_and_its_page_opens(window, qtbot):
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts.index("Fake area") == texts.index("工会经费") + 2  # its own group (order 50), after a line
    assert "fake" in window.nav.keys
    window.nav.choose("fake")
    page = window.current_page()
    assert page.label.text() == "测试页面" and page.refreshed == 1
    # Ctrl+PgDown goes on to the next entry, Ctrl+PgUp back
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "ledgers"
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "fake"


def test_the_change_notification_reaches_its_page(window):
    page = window.page("fake")
    window.show_page("fake")
    before = page.refreshed
    changes.announce({"member"})  # not shown by the page
    bus().flush()
    assert page.refreshed == before
    window.show_page("home")
    changes.announce({fake_area.KIND})
    bus().flush()
    assert "fake" in window._stale
    window.show_page("fake")
    assert page.refreshed == before + 1


def test_home_shows_its_figures_list_and_quick_action(window, qtbot):
    window.show_page("home")
    home = window.home
    assert home.cards["fake_count"].value.text() == "42" and home.cards["fake_count"].caption.text() == "测试数字"
    box, widget = home.lists["fake_list"]
    assert box.title() == "测试清单" and widget.item(0).text() == "第一条"
    widget.itemActivated.emit(widget.item(0))
    assert window.current_key() == "fake" and window.page("fake").opened == [("fake_entry", "记录一")]
    window.show_page("home")
    qtbot.mouseClick(home.action_buttons["do_something"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "fake" and fake_area.calls == ["menu"]


def test_file_menu_entries(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Fake import" in texts and "Fake menu entry" in texts
    next(a for a in window.import_actions if a.text() == "Fake import").trigger()
    next(a for a in window.area_actions if a.text() == "Fake menu entry").trigger()
    assert fake_area.calls == ["import", "menu"]


def test_member_form_tab_and_settings_page(window, qtbot, monkeypatch):
    from union_desk.services import settings
    from union_desk.ui.members.form import MemberForm
    from union_desk.ui.settings_dialog import SettingsDialog

    member = Member.create(name="周一", status="在职")
    form = MemberForm(member, window)
    qtbot.addWidget(form)
    titles = [form.lower_tabs.tabText(i) for i in range(form.lower_tabs.count())]
    assert "Fake tab" in titles and form.panels["fake_area:member_panel"].text() == "测试：周一"
    assert titles.index("Fake tab") + 1 == titles.index("教代会")  # its order (30) places it before 教代会 (40)
    changes.announce({fake_area.KIND})
    bus().flush()
    assert ("panel", member.id) in fake_area.calls

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert [p.title for p in dialog.area_pages][-1] == "测试设置" and dialog.tab_title_of(dialog.area_pages[-1]) == "测试设置"
    dialog.area_pages[-1].setText("乙方")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(a[2]))
    dialog.accept()
    assert settings.get("fake_setting") == "乙方"


def test_ledgers_page_cli_kinds_and_pack(window, tmp_path):
    from union_desk.cli import build_parser
    from union_desk.ledgers import pack
    from union_desk.ledgers.period import LedgerPeriod

    window.show_page("ledgers")
    boxes = [b.text() for b in window.current_page().findChildren(QCheckBox)]
    assert any("测试台账" in text for text in boxes), boxes
    args = build_parser().parse_args(["export", "ledger", "fake", "--year", "2026", "-o", str(tmp_path / "x.xlsx")])
    assert args.kind == "fake"
    path = tmp_path / "迎检台账.xlsx"
    pack.write_pack(LedgerPeriod.year(dt.date.today().year), path)
    workbook = openpyxl.load_workbook(path)
    sheet = next(ws for ws in workbook.worksheets if ws.title.startswith("测试台账"))
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "样例甲" in values and "样例乙" in values
