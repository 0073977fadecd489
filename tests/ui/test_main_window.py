"""The main window driven through its real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableView,
    QWidget,
)

from union_desk.db import backup
from union_desk.db.models import Member
from union_desk.domain.pinyin import pinyin_variants
from union_desk.services import settings
from union_desk.ui import i18n
from union_desk.ui.main_window import MainWindow

# Latin words that may legitimately appear on a Chinese screen.
ALLOWED_LATIN = {"KB", "sqlite", "ttf", "ttc", "otf", "English", "STSong", "Light", "ReportLab", "Windows", "Linux", "wqy", "zenhei", "simsun", "tmp", "pytest", "of", "root", "data", "union_desk", "backups", "PDF", "Excel"}


@pytest.fixture
def window(qtbot, qapp, demo_db, db_path):
    i18n.install(qapp, "zh_CN")
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def screenshot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("UNION_DESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QSpinBox):
            texts.append(w.suffix())
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTableView):
            model = w.model()
            texts.extend(str(model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)) for c in range(model.columnCount()))
    return texts


def english_words(texts) -> set[str]:
    words = set()
    for text in texts:
        text = re.sub(r"</?[a-zA-Z]+[^>]*>", " ", text)  # rich-text tags are not shown
        text = re.sub(r"(/|[A-Za-z]:\\)[^\s）)]*", "", text)  # file paths
        for word in re.findall(r"[A-Za-z]{2,}", text):
            if word not in ALLOWED_LATIN:
                words.add(word)
    return words


def nav_texts(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count()) if window.nav.item(i).text()]


def test_navigation_and_menus_are_chinese(window):
    assert nav_texts(window) == ["首页", "工作计划", "会员档案", "会籍与会费", "困难帮扶与走访", "活动报名", "教代会与提案", "会议与登记",
                                 "评优表彰", "工会经费", "台账", "年度统计"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "帮助(&H)"]
    file_actions = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert file_actions == ["立即备份(&B)", "备份到(&T)…", "从备份恢复(&R)…", "导出台账(&L)…", "导入台账(&I)…", "导入工资代扣表(&P)…", "设置(&S)…",
                            "慰问类别与标准(&V)…", "会议类别(&M)…", "奖项设置(&A)…", "证书模板(&C)…", "经费科目与预算(&J)…", "退出(&X)"]


def test_every_tab_shows_data_and_no_english(window, qtbot):
    for name in ["home", "plan", "members", "membership", "hardship", "activities", "congress", "meetings", "honours", "funds",
                 "ledgers", "stats"]:
        window.show_page(name)
        qtbot.wait(10)
        screenshot(window, f"main-{name}")
        leftover = english_words(visible_texts(window))
        assert not leftover, f"English on the {name} tab: {leftover}"
    assert window.page("members").list.model.rowCount() > 0
    assert window.page("plan").list.model.rowCount() > 0
    assert window.page("hardship").files.model.rowCount() > 0
    assert window.page("hardship").visits.model.rowCount() > 0
    assert window.page("activities").list.model.rowCount() > 0
    assert window.page("members").list.count_label.text().startswith("共 ")


def test_home_figures_match_the_database(window):
    active = Member.select().where(Member.status == "在职").count()
    assert window.home.cards["members_active"].value.text() == str(active)
    assert window.home.cards["members_active"].caption.text() == "在职会员"


def test_member_search_by_pinyin_initials(window, qtbot):
    window.show_page("members")
    target = Member.select().where(Member.status == "在职").order_by(Member.id).first()
    initials = pinyin_variants(target.name)[1][0]
    # wait for the debounced search itself, not just any refresh of the list
    with qtbot.waitSignal(window.page("members").list.model.modelReset, timeout=3000):
        qtbot.keyClicks(window.page("members").list.search, initials)
    records = window.page("members").list.model.records
    assert any(r.id == target.id for r in records)
    assert all(initials in r.pinyin_key or initials in r.name for r in records)


def test_settings_dialog_saves_and_retitles(window, qtbot, monkeypatch):
    from union_desk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.edits["school_name"].clear()
    dialog.edits["school_name"].insert("育才实验学校")  # QTest cannot type Chinese (it aborts)
    dialog.accept()
    assert settings.get("school_name") == "育才实验学校"
    window._update_title()
    assert window.windowTitle() == "工会工作台 — 育才实验学校"
    assert "打印将使用" in dialog.font_state.text()
    screenshot(dialog, "settings")


def test_backup_action_writes_a_verified_backup(window, monkeypatch, db_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    window.action_backup.trigger()
    backups = backup.list_backups(db_path)
    assert backups and backups[0].kind == "manual"
    assert backup.integrity_ok(backups[0].path)[0]
    assert shown and "已备份到" in shown[0]
    assert window.home.backup_state.text() == "上次备份：今天"


def test_about_shows_paths_and_font(window, qtbot, db_path):
    from union_desk.ui.about_dialog import AboutDialog

    dialog = AboutDialog(db_path, window)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.values.values()]
    assert str(db_path) in texts
    assert str(db_path.parent / "backups") in texts
    assert list(dialog.values)[-1] == "打印字体"
    screenshot(dialog, "about")


def test_window_geometry_is_remembered(qtbot, qapp, demo_db, db_path):
    first = MainWindow(db_path)
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)
    first.move(40, 30)
    size = (first.width(), first.height())  # the offscreen screen is small: widths may be clamped
    assert size[1] == 520
    first.close()
    second = MainWindow(db_path)
    qtbot.addWidget(second)
    # Qt clamps a restored width to the (small, offscreen) screen; the height is ours.
    assert second.height() == size[1] == 520
    assert second.width() <= size[0]


def test_restore_from_menu_brings_data_back(window, monkeypatch, db_path):
    from union_desk.ui import main_window as mw

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    saved = backup.make_backup(db_path)
    before = sorted(m.name for m in Member.select())
    Member.update(name="改乱了").execute()

    class FakeDialog:
        def __init__(self, *_a, **_k):
            self.chosen = saved.path

        def exec(self):
            return 1

    monkeypatch.setattr(mw, "RestoreDialog", FakeDialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.action_restore.trigger()
    assert sorted(m.name for m in Member.select()) == before
    kinds = [b.kind for b in backup.list_backups(db_path)]
    assert "pre-restore" in kinds


def test_navigation_keys_and_the_last_area(window, qtbot, qapp, db_path):
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "members"  # the third entry: 首页, 工作计划, 会员档案
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "plan"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "stats"  # wraps round to the last entry
    # the arrow keys in the side list step over the group lines
    window.show_page("plan")
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_key() == "members"
    # Ctrl+Tab stays with the sub-tabs inside an area
    hardship = window.show_page("hardship")
    hardship.inner.setCurrentIndex(0)
    hardship.inner.currentWidget().setFocus()
    qtbot.keyClick(hardship.inner.currentWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert hardship.inner.currentIndex() == 1 and window.current_key() == "hardship"
    window.close()
    assert settings.get("last_area") == "hardship"
    again = MainWindow(db_path)
    qtbot.addWidget(again)
    again.show()
    assert again.current_key() == "hardship" and again.stack.currentWidget().built
