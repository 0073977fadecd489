"""The 台账 page of the side navigation: the same export panel as the 台账 dialog, inside the page
(offscreen, Chinese interface)."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox

from union_desk.ledgers import catalog
from union_desk.services import settings
from union_desk.ui import i18n
from union_desk.ui.books.ledger_page import LedgerPage
from union_desk.ui.ledger_dialog import LedgerDialog

TODAY = dt.date.today()


@pytest.fixture
def page(qtbot, qapp, demo_db, tmp_path, monkeypatch):
    i18n.install(qapp, "zh_CN")
    shown = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: shown.append(a[2]))
    widget = LedgerPage(today=TODAY)
    widget.opened = []
    widget.panel.open_folder = widget.opened.append  # no file manager in a test
    widget.shown = shown
    widget.panel.folder_edit.setText(str(tmp_path))
    qtbot.addWidget(widget)
    return widget


def test_the_page_speaks_chinese_and_offers_what_the_dialog_does(page, qtbot):
    panel = page.panel
    texts = [w.text() for w in page.findChildren(QAbstractButton) + page.findChildren(QLabel) if w.text()]
    assert "迎检台账" in panel.pack_box.text() and "导出" in panel.export_button.text()
    assert panel.import_button.text() == "导入台账…"
    for text in texts:
        assert not re.findall(r"[A-Za-z]{2,}", text), text
    dialog = LedgerDialog(today=TODAY)
    qtbot.addWidget(dialog)
    assert list(panel.kind_boxes) == list(dialog.kind_boxes) == list(catalog.kinds())
    assert [b.text() for b in panel.kind_boxes.values()] == [b.text() for b in dialog.kind_boxes.values()]
    assert panel.pack_box.isChecked() and panel.export_button.isEnabled()
    # both buttons are on the page itself (the dialog has them in its button row)
    assert page.isAncestorOf(panel.export_button) and page.isAncestorOf(panel.import_button)


def test_export_from_the_page_keeps_the_page(page, qtbot, tmp_path):
    panel = page.panel
    panel.pack_box.setChecked(False)
    assert not panel.export_button.isEnabled()
    panel.kind_boxes["visits"].setChecked(True)
    page.show()
    with qtbot.waitSignal(panel.exported) as signal:
        panel.export_button.click()
    school = settings.get("school_name")
    (written,) = signal.args[0]
    assert written == tmp_path / f"{school}走访慰问台账（{TODAY.year}年度）.xlsx" and written.exists()
    assert panel.written == [written] and page.opened == [tmp_path]
    assert "1 个文件" in page.shown[-1]
    assert page.isVisible()  # a page is not closed by its export
    assert openpyxl.load_workbook(written).active["A1"].value.endswith(f"（{TODAY.year}年度）")


def test_missing_folder_is_refused(page, tmp_path):
    page.panel.folder_edit.setText(str(tmp_path / "nowhere"))
    assert page.panel.export() == []
    assert "文件夹不存在" in page.shown[-1]


def test_refresh_re_reads_the_school_and_the_chair(page):
    assert settings.get("school_name") in page.settings_label.text()
    settings.save({"school_name": "红星中学", "chair": "王主席"})
    page.refresh()
    assert "红星中学" in page.settings_label.text() and "王主席" in page.settings_label.text()
    settings.save({"school_name": ""})
    page.refresh()
    assert "学校名称" in page.settings_label.text() and "红星中学" not in page.settings_label.text()


def test_a_page_of_the_navigation_refreshed_by_a_settings_change(qtbot, qapp, demo_db, db_path):
    from union_desk.ui.change_bus import bus
    from union_desk.ui.main_window import MainWindow

    i18n.install(qapp, "zh_CN")
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("ledgers")
    assert isinstance(page, LedgerPage) and window.current_page() is page
    settings.save({"school_name": "新校名中学"})
    bus().flush()
    assert "新校名中学" in page.settings_label.text()
