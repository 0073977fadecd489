"""The 工作计划 tab's 打印计划 and 导入计划 buttons, driven through the real widgets (offscreen, Chinese)."""

from __future__ import annotations

import re

import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from test_main_window import english_words, screenshot, visible_texts

from union_desk.db.models import PlanItem
from union_desk.paths import resources_dir
from union_desk.services import plan, plan_template, settings
from union_desk.ui import i18n
from union_desk.ui.plan.import_dialog import BAD_CELL_BG, ERROR_BG, PlanImportDialog
from union_desk.ui.plan.tab import PlanTab
from union_desk.ui.print_preview import PrintPreviewDialog


@pytest.fixture
def tab(qtbot, qapp, db):
    i18n.install(qapp, "zh_CN")
    settings.save({"school_name": "杭州市文澜实验学校", "union_name": "杭州市文澜实验学校工会委员会"})
    plan_template.generate_year(2026)
    widget = PlanTab()
    widget.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.go_month(2026, 3)
    return widget


@pytest.fixture
def shown(monkeypatch):
    messages: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: messages.append(a[2]))
    return messages


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_buttons_are_chinese(tab):
    assert tab.print_button.text() == "打印计划…"
    assert tab.import_button.text() == "导入计划…"
    assert tab.print_button.isVisible() and tab.import_button.isVisible()


def test_print_previews_then_saves_a_pdf(tab, qtbot, tmp_path, monkeypatch, shown):
    asked, opened, previews = [], [], []

    def fake_save(parent, title, suggested, filters):
        asked.append((title, suggested))
        return str(tmp_path / "计划.pdf"), filters

    def save_in_preview(dialog):  # the print preview: the user clicks 另存为PDF
        previews.append(dialog.title)
        opened.append(str(dialog.save_as()))
        return 0

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    monkeypatch.setattr(PrintPreviewDialog, "exec", save_in_preview)
    click(qtbot, tab.print_button)
    assert not shown, shown
    assert previews == ["打印计划"]
    assert asked[0][1].endswith("2026年工作计划.pdf")
    assert opened == [str(tmp_path / "计划.pdf")]
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(opened[0]).pages))
    assert "杭州市文澜实验学校工会委员会2026年工作计划" in text and "三八" in text

    # in the list view, the chosen term is printed
    tab.view_list.click()
    tab.period.setCurrentIndex(2)  # 秋季学期
    click(qtbot, tab.print_button)
    assert asked[-1][1].endswith("2026年秋季学期工作计划.pdf")
    text = re.sub(r"\s+", "", PdfReader(opened[-1]).pages[0].extract_text())
    assert "2026年秋季学期工作计划" in text and "三八" not in text


def test_print_preview_closed_saves_nothing(tab, qtbot, monkeypatch, shown):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: pytest.fail("no file name is asked"))
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda dialog: 0)
    assert tab.print_plan() is None


def make_list(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年工会工作计划（补充）"])
    ws.append(["月份", "工作内容", "类别", "负责人"])
    ws.append(["3月", "女教职工健康讲座", "培训", "王芳"])
    ws.append(["", "教职工书画展", "活动", ""])
    ws.append(["三月", "", "活动", ""])  # no item
    ws.append(["6月", "教职工篮球赛", "比赛", ""])  # bad category
    ws.append(["9月", "工会委员会例会", "会议", ""])  # from the template: already there
    ws.merge_cells("A3:A4")
    wb.save(path)
    return path


def test_import_through_the_dialog(tab, qtbot, tmp_path, monkeypatch, shown):
    path = make_list(tmp_path / "补充计划.xlsx")
    before = PlanItem.select().count()
    seen = {}

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.year.value() == 2026
        assert not dialog.import_button.isEnabled()
        dialog.path.setText(str(path))
        click(qtbot, dialog.check_button)
        table = dialog.table
        seen["rows"] = table.rowCount()
        seen["summary"] = dialog.summary.text()
        by_row = {table.item(r, 0).text(): r for r in range(table.rowCount())}
        bad = by_row["5"]
        seen["bad"] = (table.item(bad, 7).text(), table.item(bad, 8).text(),
                       table.item(bad, 8).background().color() == ERROR_BG,
                       table.item(bad, 3).background().color() == BAD_CELL_BG)
        seen["exists"] = table.item(by_row["7"], 7).text()
        seen["merged"] = (table.item(by_row["4"], 1).text(), table.item(by_row["4"], 7).text())
        assert PlanItem.select().count() == before  # checking writes nothing
        assert not english_words(visible_texts(dialog)), english_words(visible_texts(dialog))
        screenshot(dialog, "plan-import")
        click(qtbot, dialog.import_button)
        seen["done"] = dialog.summary.text()
        seen["close"] = dialog.close_button.text()
        assert not dialog.import_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PlanImportDialog, "exec", run)
    from union_desk.ui.change_bus import bus

    changed = []
    bus().changed.connect(changed.append)
    click(qtbot, tab.import_button)
    bus().flush()
    assert not shown, shown
    assert seen["rows"] == 5
    assert "可导入 2 项" in seen["summary"] and "已存在 1 项" in seen["summary"] and "2 行有问题" in seen["summary"]
    assert seen["bad"] == ("错误", "工作内容：工作内容为空", True, True)
    assert seen["exists"] == "已存在"
    assert seen["merged"] == ("3月", "新增")
    assert "已导入 2 项" in seen["done"] and seen["close"] == "关闭"
    assert PlanItem.select().count() == before + 2
    added = PlanItem.get(PlanItem.title == "教职工书画展")
    assert (added.year, plan.item_month(added), added.category) == (2026, 3, "活动")
    assert any("plan_item" in kinds for kinds in changed)  # announced to every view
    titles = [tab.undated_list.item(i).text() for i in range(tab.undated_list.count())]
    assert any("教职工书画展" in t for t in titles)


def test_import_of_an_unreadable_file_says_why(tab, qtbot, tmp_path, shown):
    dialog = PlanImportDialog(2026, tab)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "没有这个文件.xlsx"))
    click(qtbot, dialog.check_button)
    assert shown and "文件不存在" in shown[0]
    assert not dialog.import_button.isEnabled()
