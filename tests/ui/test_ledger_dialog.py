"""The 台账 dialog driven through its widgets: ledgers ticked, the period chosen, files written."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox

from union_desk.ledgers.period import LedgerPeriod
from union_desk.services import settings
from union_desk.ui import i18n
from union_desk.ui.ledger_dialog import LedgerDialog
from union_desk.ui.main_window import MainWindow

TODAY = dt.date.today()


@pytest.fixture
def dialog(qtbot, qapp, demo_db, tmp_path, monkeypatch):
    i18n.install(qapp, "zh_CN")
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dlg = LedgerDialog(today=TODAY)
    dlg.opened = []
    dlg.panel.open_folder = dlg.opened.append  # no file manager in a test
    dlg.shown = shown
    dlg.folder_edit.setText(str(tmp_path))
    qtbot.addWidget(dlg)
    return dlg


def test_the_dialog_speaks_chinese(dialog):
    texts = [w.text() for w in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel) if w.text()]
    assert "迎检台账" in dialog.pack_box.text() and "导出" in dialog.export_button.text()
    for text in texts:
        latin = re.findall(r"[A-Za-z]{2,}", text)
        assert not latin, text


def test_pack_and_one_ledger_for_a_year(dialog, tmp_path):
    dialog.kind_boxes["visits"].setChecked(True)
    dialog.year_spin.setValue(TODAY.year)
    written = dialog.export()
    school = settings.get("school_name")
    assert [p.name for p in written] == [f"{school}迎检台账（{TODAY.year}年度）.xlsx", f"{school}走访慰问台账（{TODAY.year}年度）.xlsx"]
    assert all(p.parent == tmp_path and p.exists() for p in written)
    assert dialog.opened == [tmp_path]
    assert "2 个文件" in dialog.shown[-1] and written[1].name in dialog.shown[-1]
    pack = openpyxl.load_workbook(written[0])
    assert pack.sheetnames[0] == "封面" and "走访慰问台账" in pack.sheetnames
    visits = openpyxl.load_workbook(written[1]).active
    assert visits["A1"].value.endswith(f"（{TODAY.year}年度）")


def test_school_year_full_ids_and_nothing_ticked(dialog, tmp_path):
    dialog.pack_box.setChecked(False)
    assert not dialog.export_button.isEnabled()
    dialog.kind_boxes["members"].setChecked(True)
    assert dialog.export_button.isEnabled()
    dialog.school_spin.setValue(TODAY.year - 1)
    assert dialog.school_radio.isChecked()
    assert f"{TODAY.year - 1}" in dialog.school_label.text()
    dialog.full_id_box.setChecked(True)
    assert dialog.period() == LedgerPeriod.school_year(TODAY.year - 1)
    (written,) = dialog.export()
    assert "学年" in written.name
    ws = openpyxl.load_workbook(written).active
    ids = [ws.cell(r, 5).value for r in range(4, 8)]
    assert ws.cell(3, 5).value == "身份证号" and all("*" not in i for i in ids)


def test_date_range_and_a_bad_range(dialog):
    dialog.pack_box.setChecked(False)
    dialog.kind_boxes["plan"].setChecked(True)
    dialog.from_edit.setDate(QDate(TODAY.year, 3, 1))
    dialog.to_edit.setDate(QDate(TODAY.year, 2, 1))
    assert dialog.range_radio.isChecked()
    assert dialog.export() == []
    assert "早于" in dialog.shown[-1]
    dialog.to_edit.setDate(QDate(TODAY.year, 3, 31))
    (written,) = dialog.export()
    assert f"{TODAY.year}0301-{TODAY.year}0331" in written.name


def test_missing_folder_is_refused(dialog, tmp_path):
    dialog.folder_edit.setText(str(tmp_path / "nowhere"))
    assert dialog.export() == []
    assert "文件夹不存在" in dialog.shown[-1]


def test_reachable_from_the_menu_and_the_home_tab(qtbot, qapp, demo_db, db_path):
    """文件 → 导出台账 and 首页's 台账… bring the 台账 page (the dialog's panel) to the front."""
    from union_desk.ui.books.ledger_page import LedgerPage

    i18n.install(qapp, "zh_CN")
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    assert win.action_ledgers.text().replace("&", "").startswith("导出台账")
    win.action_ledgers.trigger()
    assert win.current_key() == "ledgers" and isinstance(win.current_page(), LedgerPage)
    win.show_page("home")
    win.home.ledgers_button.click()
    assert win.current_key() == "ledgers"
    assert win.home.ledgers_button.text() == "台账…"
