"""The import dialogs name the files they can read (issue 12, "Files people actually have"): WPS's
.et and Excel's "Unicode 文本" (.txt) besides .xlsx/.xls/.ods and CSV, in English and in Chinese;
and a UTF-16 .txt roster goes through the roster wizard like any other file."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from union_desk.db.models import Activity
from union_desk.domain import idcard
from union_desk.ui import i18n
from union_desk.ui.activities.import_dialog import SignUpImportDialog
from union_desk.ui.ledger_import_dialog import LedgerImportDialog
from union_desk.ui.members.import_wizard import RosterImportWizard
from union_desk.ui.plan.import_dialog import PlanImportDialog


@pytest.fixture(autouse=True)
def no_boxes(monkeypatch):
    """A modal box hangs offscreen: none may be shown."""
    for name in ("information", "question", "warning", "critical"):
        def refuse(*a, _n=name, **k):
            pytest.fail(f"QMessageBox.{_n}: {a[2:3]}")

        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "zh_CN")


def hints(qtbot) -> dict[str, str]:
    activity = Activity.select().order_by(Activity.id).first()
    roster, ledger = RosterImportWizard(), LedgerImportDialog()
    signups, plan = SignUpImportDialog(activity), PlanImportDialog(dt.date.today().year)
    for dialog in (roster, ledger, signups, plan):
        qtbot.addWidget(dialog)
    return {
        "roster wizard": roster.file_hint.text(),
        "ledger import": ledger.file_hint.text(),
        "sign-up import": signups.summary.text(),  # until a list is checked
        "plan import": plan.summary.text(),
    }


def test_every_import_hint_names_et_and_txt(qtbot, demo_db, language):
    for where, text in hints(qtbot).items():
        assert ".et" in text and ".txt" in text, (where, text)
        assert "Excel" in text and "CSV" in text, (where, text)


def test_the_roster_hint_is_shown_on_the_first_page(qtbot, db):
    wizard = RosterImportWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.current_page() == wizard.PAGE_FILE and wizard.file_hint.isVisible()
    assert "UTF-16" in wizard.file_hint.text()


def test_a_unicode_text_roster_opens_in_the_wizard(qtbot, db, tmp_path):
    """Excel's 另存为 → Unicode 文本: UTF-16 LE with a BOM, tabs, CRLF."""
    rows = [
        ["红星中学教职工花名册", "", ""],
        ["姓名", "身份证号", "部门"],
        ["王芳", idcard.make_id("440106", dt.date(1985, 6, 3), 123, "女"), "语文组"],
    ]
    text = "".join("\t".join(row) + "\r\n" for row in rows)
    path = tmp_path / "花名册.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    wizard = RosterImportWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.path_edit.setText(str(path))
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current_page() == wizard.PAGE_SHEET, wizard.file_message.text()
    assert wizard.detected is not None and wizard.detected.excel_row == 2
