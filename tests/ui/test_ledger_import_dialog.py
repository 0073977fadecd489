"""The 导入台账 dialog driven through its widgets: a visits ledger exported from the demo school,
imported into a database that has only the members (offscreen, Chinese interface)."""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from test_main_window import english_words, visible_texts
from test_main_window import screenshot as _screenshot

from union_desk.db.database import close_database
from union_desk.db.models import Visit
from union_desk.imports.common import ERROR, NEW, SAME, UPDATE
from union_desk.imports.roster import import_roster
from union_desk.services.maintenance import open_for_use
from union_desk.ui import i18n, ledger_import_dialog
from union_desk.ui.ledger_dialog import LedgerDialog
from union_desk.ui.ledger_import_dialog import LedgerImportDialog
from union_desk.ui.main_window import MainWindow
from union_desk.ui.widgets.import_preview import ERROR_BG, PreviewModel

YEAR = dt.date.today().year


def screenshot(widget, name: str) -> None:
    """With UNION_DESK_SCREENSHOTS set, into its folder (the layout settled first)."""
    from PySide6.QtTest import QTest

    if os.environ.get("UNION_DESK_SCREENSHOTS"):
        QTest.qWait(30)
        _screenshot(widget, f"ledger-import-{name}")


@pytest.fixture
def files(cli, demo_file, tmp_path):
    """The demo school's roster and visits ledger (full IDs, all columns), and the visits ledger
    with row 4 naming someone who is not a member."""
    out = {}
    for kind, name in (("members", "花名册"), ("visits", "走访慰问")):
        out[kind] = tmp_path / f"{name}.xlsx"
        code, _, _ = cli("--db", demo_file, "export", "ledger", kind, "--year", YEAR, "-o", out[kind], "--full-id", "--all-columns")
        assert code == 0
    wb = openpyxl.load_workbook(out["visits"])
    ws = wb.active
    header = [c.value for c in ws[3]]
    ws.cell(4, header.index("姓名") + 1, "查无此人")
    ws.cell(4, header.index("身份证号") + 1).value = None  # else the row is matched by its ID number
    out["bad"] = tmp_path / "走访慰问（有错）.xlsx"
    wb.save(out["bad"])
    return out


@pytest.fixture
def members_only(qapp, files, tmp_path):
    """A new database with the roster imported and nothing else."""
    open_for_use(tmp_path / "new" / "union_desk.sqlite", auto_backup=False)
    i18n.install(qapp, "zh_CN")
    report = import_roster(files["members"])
    assert report.added and not report.errors
    assert Visit.select().count() == 0
    yield files
    close_database()


def open_dialog(qtbot, path, kind="visits") -> LedgerImportDialog:
    dialog = LedgerImportDialog(kind=kind)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.path_edit.setText(str(path))  # keyClicks with Chinese text aborts this Qt build
    return dialog


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


FORMAT_NAMES = {"Excel", "WPS", "LibreOffice", "CSV", "UTF", "GBK", "Unicode", "xlsx", "xls", "ods", "csv", "et", "txt"}


def assert_chinese(dialog) -> None:
    leftover = english_words(visible_texts(dialog)) - FORMAT_NAMES
    assert not leftover, leftover


def test_visits_import_into_an_empty_database(members_only, qtbot, tmp_path, monkeypatch):
    dialog = open_dialog(qtbot, members_only["visits"])
    assert dialog.kind_combo.currentText() == "走访慰问台账"
    assert_chinese(dialog)
    screenshot(dialog, "1-file")
    click(qtbot, dialog.next_button)
    assert dialog.current_page() == dialog.PAGE_PREVIEW
    counts = dialog.preview_counts.counts()
    assert counts[NEW] > 0 and counts[UPDATE] == counts[SAME] == counts[ERROR] == 0
    assert dialog.preview_model.rowCount() == counts[NEW] + len(dialog.preview.skipped)  # and the 合计 row, greyed
    assert dialog.preview_model.headers == ["行号", "姓名", "结果", "变更内容", "问题"]
    assert Visit.select().count() == 0  # the check writes nothing
    assert dialog.import_button.text() == f"导入 {counts[NEW]} 行"
    assert_chinese(dialog)
    screenshot(dialog, "2-preview")
    click(qtbot, dialog.import_button)
    assert dialog.current_page() == dialog.PAGE_DONE
    assert Visit.select().count() == counts[NEW]
    assert (dialog.report.added, dialog.report.error_rows) == (counts[NEW], 0) and dialog.done_errors_label.text()
    assert_chinese(dialog)
    screenshot(dialog, "3-done")
    target = tmp_path / "报告.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, dialog.save_done_button)
    ws = openpyxl.load_workbook(target).active
    assert "走访慰问台账导入结果" in ws["A1"].value and f"新增 {counts[NEW]}" in ws["A1"].value
    assert str(target) in dialog.done_message.text()
    click(qtbot, dialog.finish_button)
    assert dialog.result() == QDialog.DialogCode.Accepted

    # the same file again adds nothing
    again = open_dialog(qtbot, members_only["visits"])
    click(qtbot, again.next_button)
    assert again.preview_counts.counts() == {NEW: 0, UPDATE: 0, SAME: counts[NEW], ERROR: 0}
    assert not again.import_button.isEnabled() and "没有需要导入" in again.preview_message.text()
    assert Visit.select().count() == counts[NEW]


def test_an_unknown_member_is_an_error_row_and_not_written(members_only, qtbot):
    dialog = open_dialog(qtbot, members_only["bad"])
    click(qtbot, dialog.next_button)
    counts = dialog.preview_counts.counts()
    assert counts[ERROR] == 1 and counts[NEW] > 0
    dialog.set_filter(PreviewModel.ERRORS)
    model = dialog.preview_model
    assert model.rows_shown() == [4]
    index = model.index(0, 4)
    assert model.data(model.index(0, 0)) == "4" and model.data(model.index(0, 1)) == "查无此人"
    assert "姓名：找不到会员“查无此人”" in model.data(index) and model.data(index, Qt.ItemDataRole.BackgroundRole) == ERROR_BG
    screenshot(dialog, "4-error-row")
    click(qtbot, dialog.import_button)
    assert Visit.select().count() == counts[NEW]
    assert dialog.report.error_rows == 1 and dialog.done_model.rows_shown() == [4]
    assert "没有导入" in dialog.done_errors_label.text()
    assert_chinese(dialog)
    screenshot(dialog, "5-done-with-error")


def test_cancel_writes_nothing(members_only, qtbot, monkeypatch):
    dialog = open_dialog(qtbot, members_only["visits"])
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.cancel_button)  # at the preview
    assert dialog.result() == QDialog.DialogCode.Rejected and Visit.select().count() == 0

    dialog = open_dialog(qtbot, members_only["visits"])
    click(qtbot, dialog.next_button)
    real = ledger_import_dialog.run_with_progress

    def press_cancel(parent, title, work, cancellable=True):
        return real(parent, title, lambda progress: work(lambda *a: False), cancellable)

    monkeypatch.setattr(ledger_import_dialog, "run_with_progress", press_cancel)
    click(qtbot, dialog.import_button)  # cancel in the progress dialog
    assert dialog.current_page() == dialog.PAGE_PREVIEW
    assert dialog.preview_message.text() == "已取消导入，没有写入任何内容。"
    assert Visit.select().count() == 0 and not dialog.preview.applied


def test_unreadable_file_and_the_roster(members_only, qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"not a workbook")
    dialog = open_dialog(qtbot, bad)
    click(qtbot, dialog.next_button)
    assert dialog.current_page() == dialog.PAGE_FILE and "无法读取" in dialog.file_message.text()
    # the roster goes to its own wizard
    opened = []
    monkeypatch.setattr("union_desk.ui.members.import_wizard.RosterImportWizard.exec", lambda self: opened.append(self) or 0)
    dialog.set_kind("members")
    assert dialog.roster_note.isVisible() and not dialog.path_edit.isEnabled()
    assert "花名册导入向导" in dialog.next_button.text()
    assert_chinese(dialog)
    click(qtbot, dialog.next_button)
    assert len(opened) == 1 and dialog.result() == QDialog.DialogCode.Rejected


def test_menu_and_export_dialog_open_it(qtbot, qapp, demo_db, db_path, monkeypatch):
    i18n.install(qapp, "zh_CN")
    opened = []
    monkeypatch.setattr(LedgerImportDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    actions = [a.text() for a in file_menu.actions() if a.text()]
    assert actions.index("导入台账(&I)…") == actions.index("导出台账(&L)…") + 1
    (menu_action,) = [a for a in file_menu.actions() if a.text() == "导入台账(&I)…"]
    menu_action.trigger()  # through the registry: ledger_import_dialog.open_from_main_window
    assert len(opened) == 1 and opened[0].windowTitle() == "导入台账" and opened[0].parentWidget() is window
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    export = LedgerDialog(window)
    qtbot.addWidget(export)
    assert export.import_button.text() == "导入台账…"
    export.import_button.click()
    assert len(opened) == 2
    page = window.show_page("ledgers")  # the 台账 page has the same button
    assert page.panel.import_button.text() == "导入台账…"
    page.panel.import_button.click()
    assert len(opened) == 3 and opened[2].parentWidget() is window


def test_open_from_main_window_does_nothing_more_after_an_import(qtbot, qapp, demo_db, monkeypatch):
    """The 文件 menu's opener: the dialog over the window; after an import the change notification,
    not the opener, refreshes the views (the window is not asked to do anything)."""
    from PySide6.QtWidgets import QWidget

    window = QWidget()  # nothing the opener could call on a main window
    qtbot.addWidget(window)
    seen = []

    def fake_exec(self):
        seen.append(self)
        self.imported.emit(object())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LedgerImportDialog, "exec", fake_exec)
    dialog = ledger_import_dialog.open_from_main_window(window)
    assert seen == [dialog] and dialog.parentWidget() is window
