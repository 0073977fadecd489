"""The 花名册导入 wizard and the 导出花名册 dialog driven through their real widgets (pytest-qt,
offscreen, Chinese interface), plus the members-tab wiring: 导入/导出花名册, 批量慰问, and the
visits panel in the member form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from test_main_window import english_words, visible_texts
from test_main_window import screenshot as _screenshot

from union_desk.db.models import Member, Visit, VisitType
from union_desk.domain import idcard
from union_desk.errors import FileInUseError
from union_desk.imports import roster as roster_import
from union_desk.imports.roster import ERROR, NEW, SAME, UPDATE
from union_desk.services import members, visits
from union_desk.ui import i18n
from union_desk.ui.members import import_wizard
from union_desk.ui.members.export_dialog import RosterExportDialog
from union_desk.ui.members.form import MemberForm
from union_desk.ui.members.import_wizard import ERROR_BG, HEADER_BG, WARNING_BG, PreviewModel, RosterImportWizard
from union_desk.ui.members.tab import MembersTab

FIXTURES = Path(__file__).parent.parent / "fixtures"

ID_WANG = idcard.make_id("440106", dt.date(1985, 6, 3), 123, "女")
ID_ZHAO = idcard.make_id("110105", dt.date(1992, 11, 8), 88, "女")
MANGLED_ID = 4.40106198506031e17  # an 18-digit number Excel kept only 15 digits of

HEADER = ["序号", "姓 名", "性别", "身份证号码", "出生年月", "联系电话", "部门", "备注"]
#          A       B       C       D            E          F          G       H

VISITS_PANEL = "union_desk.ui.hardship.member_visits:MemberVisitsPanel"  # registered by the hardship area
ACTIVITIES_PANEL = "union_desk.ui.activities.member_activities:MemberActivitiesPanel"


@pytest.fixture
def styled(qapp):
    """The application's own stylesheet (resources/style.qss), as the real app runs."""
    from union_desk.app import application

    before = qapp.styleSheet()
    application()
    yield
    qapp.setStyleSheet(before)


@pytest.fixture
def zh(qapp, db, styled):
    i18n.install(qapp, "zh_CN")
    # 赵敏 is on file already: the roster updates her department
    members.create_member({"name": "赵敏", "sex": "女", "id_number": ID_ZHAO, "department": "数学组"})


@pytest.fixture
def ugly_roster(tmp_path) -> Path:
    """A roster as they arrive: a notes sheet first, then title rows and merged cells above the
    header, a number-mangled ID, birth dates as '1985.06', a bad phone and a 合计 row."""
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes.append(["请按下表填写，身份证号请设为文本格式。"])
    ws = wb.create_sheet("花名册")
    ws.append(["红星中学教职工花名册（2026年）"])
    ws.merge_cells("A1:H1")
    ws.append(["填报单位：红星中学工会", None, None, None, "填报日期：2026年3月"])
    ws.merge_cells("A2:D2")
    ws.append([])
    ws.append(HEADER)
    ws.append([1, "王芳", "女", ID_WANG, "1985.06", "13800138000", "语文组", ""])  # 5: new
    ws.append([2, "李建国", "男", MANGLED_ID, "1979.03", "13912345678", "数学组", ""])  # 6: ID mangled
    ws.append([3, "张伟", "男", "", "1990.05", "12345", "英语组", ""])  # 7: bad phone
    ws.append([4, "赵敏", "女", ID_ZHAO, dt.datetime(1992, 11, 8), "020-87654321", "音体美组", "新教师"])  # 8: update
    ws.append([5, "陈静", "女", "", "1988.06", "13700001111", "后勤", ""])  # 9: new, birth month only
    ws.append(["合计", "", "", "", "", "", "", "5人"])  # 10
    path = tmp_path / "花名册（2026）.xlsx"
    wb.save(path)
    return path


def screenshot(widget, name: str) -> None:
    """Let the layout settle (buttons shown or hidden a moment ago) before grabbing."""
    from PySide6.QtTest import QTest

    QTest.qWait(30)
    _screenshot(widget, name)


def open_wizard(qtbot) -> RosterImportWizard:
    wizard = RosterImportWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_columns(qtbot, wizard, path: Path) -> None:
    wizard.path_edit.setText(str(path))
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == wizard.PAGE_SHEET, wizard.file_message.text()
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == wizard.PAGE_COLUMNS


def to_preview(qtbot, wizard, path: Path) -> None:
    to_columns(qtbot, wizard, path)
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == wizard.PAGE_PREVIEW, wizard.mapping_message.text()


# file formats and programs are named as they are called on a Chinese desktop too
FORMAT_NAMES = {"Excel", "WPS", "LibreOffice", "CSV", "UTF", "GBK", "Unicode", "xlsx", "xls", "ods", "csv", "et", "txt"}


def no_english(widget) -> None:
    found = english_words(visible_texts(widget)) - FORMAT_NAMES
    assert not found, found


def save_as(monkeypatch, path: Path) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), (str(path), ""))[1])
    return asked


def names_on_file() -> set[str]:
    return {m.name for m in Member.select()}


def sheet_rows(path: Path) -> dict[int, list]:
    """The report sheet by 原行号: {excel row of the source: [cells]}."""
    ws = openpyxl.load_workbook(path)["导入报告"]
    found = {}
    for row in ws.iter_rows(min_row=3):
        if isinstance(row[0].value, int):
            found[row[0].value] = row
    return found


# --- the wizard ------------------------------------------------------------------------------------


def test_wizard_walks_through_an_ugly_roster(zh, qtbot, ugly_roster, tmp_path, monkeypatch):
    wizard = open_wizard(qtbot)
    assert wizard.current_page() == wizard.PAGE_FILE
    assert not wizard.back_button.isVisible() and not wizard.import_button.isVisible()
    no_english(wizard)
    screenshot(wizard, "import-1-file")

    # 2. the sheet: the roster sheet is chosen although it is the second one
    wizard.path_edit.setText(str(ugly_roster))
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == wizard.PAGE_SHEET
    assert [wizard.sheet_combo.itemText(i) for i in range(wizard.sheet_combo.count())] == ["填表说明", "花名册"]
    assert wizard.sheet_combo.currentText() == "花名册"
    assert "第 4 行" in wizard.sheet_note.text()
    no_english(wizard)
    screenshot(wizard, "import-2-sheet")

    # 3. header row found under the title rows, columns mapped from the file's own words
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == wizard.PAGE_COLUMNS
    assert wizard.header_spin.value() == 4 and wizard.header_row() == 4
    table = wizard.raw_table
    assert table.verticalHeaderItem(0).text() == "导入为"
    assert table.verticalHeaderItem(4).text() == "4"
    assert table.item(4, 1).text() == "姓 名" and table.item(4, 1).background().color() == HEADER_BG
    assert table.item(5, 1).background().color() != HEADER_BG
    assert table.item(6, 3).text() == "4.40106E+17"  # shown as Excel shows it
    assert wizard.mapping() == {
        1: "name", 2: "sex", 3: "id_number", 4: "birth_date", 5: "phone", 6: "department", 7: "notes",
    }
    assert [c.currentText() for c in wizard.mapping_combos][:4] == ["（不导入）", "姓名", "性别", "身份证号"]
    assert "7 列" in wizard.mapping_message.text()
    no_english(wizard)
    screenshot(wizard, "import-3-columns")

    # 4. the preview: counts, every row with its Excel row number, colours, the filter
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == wizard.PAGE_PREVIEW
    assert wizard.preview_counts.counts() == {NEW: 2, UPDATE: 1, SAME: 0, ERROR: 2}
    model = wizard.preview_model
    assert model.rows_shown() == [5, 6, 7, 8, 9, 10]  # 10 is the 合计 row, skipped
    by_row = {model.shown[i].row: i for i in range(model.rowCount())}

    def cell(row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(by_row[row], column), role)

    assert [cell(r, 2) for r in (5, 6, 7, 8, 9, 10)] == ["新增", "错误", "错误", "更新", "新增", "跳过"]
    assert cell(6, 1) == "李建国" and "身份证号码" in cell(6, 4) and "文本" in cell(6, 4)
    assert "联系电话" in cell(7, 4)
    assert "部门：数学组 → 音体美组" in cell(8, 3)
    assert cell(6, 0, Qt.ItemDataRole.BackgroundRole) == ERROR_BG
    assert cell(9, 0, Qt.ItemDataRole.BackgroundRole) == WARNING_BG  # 1988.06: month only
    assert cell(5, 0, Qt.ItemDataRole.BackgroundRole) is None
    assert "合计行" in cell(10, 4)
    assert "第 10 行（合计行）" in wizard.preview_file_label.text()
    wizard.set_filter(PreviewModel.ERRORS)
    assert wizard.filter_combo.currentText() == "只看错误（2）"
    assert model.rows_shown() == [6, 7]
    screenshot(wizard, "import-4-preview-errors")
    wizard.set_filter(PreviewModel.WARNINGS)
    assert 9 in model.rows_shown() and 6 not in model.rows_shown()
    wizard.set_filter(PreviewModel.NEW_ONLY)
    assert model.rows_shown() == [5, 9]
    wizard.set_filter(PreviewModel.UPDATES)
    assert model.rows_shown() == [8]
    wizard.set_filter(PreviewModel.ALL)
    assert wizard.import_button.text() == "导入 3 行"
    no_english(wizard)
    screenshot(wizard, "import-4-preview")
    assert names_on_file() == {"赵敏"}  # the preview wrote nothing

    # the check report, before importing
    check = tmp_path / "检查报告.xlsx"
    asked = save_as(monkeypatch, check)
    click(qtbot, wizard.save_check_button)
    assert asked[0].endswith("花名册（2026）_检查报告.xlsx")
    assert check.is_file() and str(check) in wizard.preview_message.text()

    # 5. import: only the valid rows
    click(qtbot, wizard.import_button)
    assert wizard.current_page() == wizard.PAGE_DONE
    assert names_on_file() == {"赵敏", "王芳", "陈静"}
    assert Member.get(Member.id_number == ID_ZHAO).department == "音体美组"
    assert Member.get(Member.name == "王芳").birth_date == dt.date(1985, 6, 3)  # from the ID number
    assert wizard.report.added == 2 and wizard.report.updated == 1 and wizard.report.error_rows == 2
    assert wizard.done_counts.counts() == {NEW: 2, UPDATE: 1, SAME: 0, ERROR: 2}
    assert wizard.done_model.rows_shown() == [6, 7]
    assert wizard.finish_button.isVisible() and not wizard.cancel_button.isVisible()
    assert not wizard.back_button.isVisible()
    no_english(wizard)
    screenshot(wizard, "import-5-done")

    # the import report: error rows light red, the bad cells red with the message as a comment
    report = tmp_path / "导入报告.xlsx"
    save_as(monkeypatch, report)
    click(qtbot, wizard.save_done_button)
    rows = sheet_rows(report)
    phone_cell = rows[7][1 + HEADER.index("联系电话")]  # column 1 is 原行号
    assert phone_cell.value == "12345"
    assert phone_cell.fill.fgColor.rgb.endswith("F4A6A3")  # the bad cell red
    assert phone_cell.comment is not None and "电话" in phone_cell.comment.text
    id_cell = rows[6][1 + HEADER.index("身份证号码")]
    assert id_cell.fill.fgColor.rgb.endswith("F4A6A3")
    assert rows[6][2].fill.fgColor.rgb.endswith("FDE2E1")  # the rest of the row light red
    assert rows[5][1 + HEADER.index("联系电话")].fill.fgColor.rgb in (None, "00000000")
    click(qtbot, wizard.finish_button)
    assert wizard.result() == QDialog.DialogCode.Accepted


def test_cancel_at_the_preview_writes_nothing(zh, qtbot, ugly_roster):
    wizard = open_wizard(qtbot)
    to_preview(qtbot, wizard, ugly_roster)
    click(qtbot, wizard.cancel_button)
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert names_on_file() == {"赵敏"}
    assert Member.get(Member.name == "赵敏").department == "数学组"


def test_cancelling_the_import_progress_writes_nothing(zh, qtbot, ugly_roster, monkeypatch):
    wizard = open_wizard(qtbot)
    to_preview(qtbot, wizard, ugly_roster)
    real = import_wizard.run_with_progress

    def press_cancel(parent, title, work, cancellable=True):
        return real(parent, title, lambda progress: work(lambda *a: False), cancellable)

    monkeypatch.setattr(import_wizard, "run_with_progress", press_cancel)
    click(qtbot, wizard.import_button)
    assert wizard.current_page() == wizard.PAGE_PREVIEW
    assert wizard.preview_message.text() == "已取消导入，没有写入任何内容。"
    assert names_on_file() == {"赵敏"} and not wizard.preview.applied
    monkeypatch.setattr(import_wizard, "run_with_progress", real)
    click(qtbot, wizard.import_button)  # and it can still be imported afterwards
    assert wizard.current_page() == wizard.PAGE_DONE and names_on_file() == {"赵敏", "王芳", "陈静"}


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("坏文件.xlsx", b"this is not a workbook", "无法读取文件“坏文件.xlsx”"),
        ("名单.docx", b"x", "不支持的文件类型"),
        ("不存在.xlsx", None, "文件不存在"),
    ],
)
def test_unreadable_files_show_the_engine_message(zh, qtbot, tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    wizard = open_wizard(qtbot)
    wizard.path_edit.setText(str(path))
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == wizard.PAGE_FILE
    assert wizard.file_message.isVisible() and expected in wizard.file_message.text()


def test_a_sheet_without_a_header_asks_for_one(zh, qtbot, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["甲", "乙", "丙"])
    ws.append(["王芳", ID_WANG, "语文组"])
    path = tmp_path / "无表头.xlsx"
    wb.save(path)
    wizard = open_wizard(qtbot)
    to_columns(qtbot, wizard, path)
    assert "找不到表头" in wizard.sheet_note.text() or "没有自动找到表头" in wizard.detected_label.text()
    assert wizard.mapping() == {} and not wizard.next_button.isEnabled()
    assert "姓名或身份证号" in wizard.mapping_message.text()
    # the user says: row 1 is data, so header... there is none; map the columns by hand on row 1
    wizard.mapping_combos[0].setCurrentIndex(wizard.mapping_combos[0].findData("name"))
    wizard.mapping_combos[1].setCurrentIndex(wizard.mapping_combos[1].findData("id_number"))
    assert wizard.next_button.isEnabled()
    wizard.mapping_combos[2].setCurrentIndex(wizard.mapping_combos[2].findData("name"))
    assert not wizard.next_button.isEnabled() and "两列" in wizard.mapping_message.text()
    wizard.mapping_combos[2].setCurrentIndex(wizard.mapping_combos[2].findData("department"))
    click(qtbot, wizard.next_button)
    assert wizard.preview_model.rows_shown() == [2]
    click(qtbot, wizard.import_button)
    assert Member.get(Member.id_number == ID_WANG).department == "语文组"


def test_choosing_another_header_row(zh, qtbot, ugly_roster):
    wizard = open_wizard(qtbot)
    to_columns(qtbot, wizard, ugly_roster)
    wizard.header_spin.setValue(1)  # the title row: nothing maps
    assert wizard.header_row() == 1 and wizard.mapping() == {}
    assert wizard.raw_table.item(1, 0).background().color() == HEADER_BG
    assert wizard.raw_table.item(4, 1).background().color() != HEADER_BG
    assert not wizard.next_button.isEnabled()
    wizard._row_double_clicked(4, 0)  # double-click the real header
    assert wizard.header_spin.value() == 4 and wizard.mapping()[1] == "name"
    assert wizard.next_button.isEnabled()


def test_unmapping_a_column_reruns_the_preview_without_it(zh, qtbot, ugly_roster):
    wizard = open_wizard(qtbot)
    to_preview(qtbot, wizard, ugly_roster)
    assert wizard.preview.counts()[ERROR] == 2
    click(qtbot, wizard.back_button)
    assert wizard.current_page() == wizard.PAGE_COLUMNS
    phone = wizard.mapping_combos[HEADER.index("联系电话")]
    phone.setCurrentIndex(phone.findText("（不导入）"))
    assert 5 not in wizard.mapping()
    click(qtbot, wizard.next_button)
    preview = wizard.preview
    assert 5 not in preview.mapping and 5 in preview.unmapped
    rows = {r.row: r for r in preview.rows}
    assert rows[7].action == NEW and "phone" not in rows[7].values  # 张伟's bad phone is not read any more
    assert all("phone" not in r.values for r in preview.rows)
    assert wizard.preview_counts.counts() == {NEW: 3, UPDATE: 1, SAME: 0, ERROR: 1}


def test_the_wps_xls_fixture_imports(zh, qtbot, monkeypatch):
    wizard = open_wizard(qtbot)
    filters: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (filters.append(a[3]), (str(FIXTURES / "roster_wps.xls"), ""))[1])
    click(qtbot, wizard.browse_button)  # choosing a file moves on by itself
    assert "*.xls" in filters[0] and "*.csv" in filters[0]
    assert wizard.current_page() == wizard.PAGE_SHEET
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == wizard.PAGE_PREVIEW
    assert wizard.preview_counts.counts()[ERROR] == 2
    wizard.set_filter(PreviewModel.ERRORS)
    assert wizard.preview_model.rows_shown() == [6, 11]
    click(qtbot, wizard.import_button)
    assert wizard.report.added == 3 and wizard.report.updated == 1  # 赵敏 is on file already
    assert {"王芳", "张伟", "钱多多"} <= names_on_file()


def test_a_gbk_csv_imports(zh, qtbot, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_bytes(f"教职工名单,,,\n姓名,身份证号,手机,组室\n王芳,{ID_WANG},13800138000,语文组\n".encode("gbk"))
    wizard = open_wizard(qtbot)
    wizard.path_edit.setText(str(path))
    click(qtbot, wizard.next_button)
    assert wizard.sheet_combo.currentText() == "（CSV 文件，只有一张表）" and not wizard.sheet_combo.isEnabled()
    click(qtbot, wizard.next_button)
    assert wizard.header_row() == 2
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.import_button)
    assert Member.get(Member.id_number == ID_WANG).phone == "13800138000"


def test_import_from_the_members_tab_refreshes_the_list(zh, qtbot, ugly_roster, monkeypatch):
    tab = MembersTab()
    qtbot.addWidget(tab)
    tab.resize(1180, 680)
    tab.show()
    tab.refresh()
    assert [m.name for m in tab.list.model.records] == ["赵敏"]
    opened = []

    def drive(wizard):
        opened.append(wizard)
        wizard.show()
        to_preview(qtbot, wizard, ugly_roster)
        click(qtbot, wizard.import_button)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RosterImportWizard, "exec", drive)
    click(qtbot, tab.import_button)
    assert opened and opened[0].parent() is tab
    assert sorted(m.name for m in tab.list.model.records) == sorted(["赵敏", "王芳", "陈静"])
    assert tab.list.count_label.text() == "共 3 人"
    assert {"导入花名册", "导出花名册", "批量慰问"} <= set(visible_texts(tab))
    screenshot(tab, "import-members-tab")


# --- export ----------------------------------------------------------------------------------------


@pytest.fixture
def roster(zh):
    members.create_member({"name": "王芳", "sex": "女", "id_number": ID_WANG, "department": "语文组", "union_group": "第一小组"})
    retired = members.create_member({"name": "钱多多", "sex": "男", "birth_date": "1960-01-30", "department": "后勤"})
    members.change_status(retired, "退休", dt.date(2020, 2, 1))


def exported_rows(path: Path) -> tuple[list[str], list[list]]:
    ws = openpyxl.load_workbook(path).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header_at = next(i for i, r in enumerate(rows) if "姓名" in r)
    data = [r for r in rows[header_at + 1 :] if isinstance(r[0], int)]
    return rows[header_at], data


@pytest.fixture
def answers(monkeypatch):
    asked: list[str] = []
    opened: list[QUrl] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.Yes)[1])
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    return asked, opened


def test_export_dialog_writes_masked_ids_and_opens_the_folder(roster, qtbot, tmp_path, answers, monkeypatch):
    asked, opened = answers
    dialog = RosterExportDialog(status="在职")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.path_edit.text().endswith("会员花名册.xlsx")
    assert dialog.count_label.text() == "共 2 人"  # 赵敏 and 王芳
    assert not dialog.full_id_box.isChecked() and not dialog.all_columns_box.isChecked()
    no_english(dialog)
    screenshot(dialog, "export-dialog")
    target = tmp_path / "out" / "花名册.xlsx"
    target.parent.mkdir()
    asked_path = save_as(monkeypatch, target)
    click(qtbot, dialog.browse_button)
    assert asked_path[0].endswith("会员花名册.xlsx") and dialog.path_edit.text() == str(target)
    click(qtbot, dialog.export_button)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.written == target
    assert "已导出 2 名会员" in asked[0]
    assert opened and Path(opened[0].toLocalFile()) == target.parent
    header, data = exported_rows(target)
    ids = [r[header.index("身份证号")] for r in data]
    assert sorted(n for n in ids if n) == sorted([idcard.mask_id(ID_WANG), idcard.mask_id(ID_ZHAO)])
    assert all("*" in n for n in ids if n)
    assert "工会小组" not in header


def test_export_dialog_full_ids_all_columns_and_status(roster, qtbot, tmp_path, answers):
    asked, opened = answers
    dialog = RosterExportDialog(status=None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.count_label.text() == "共 3 人"
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("退休"))
    assert dialog.count_label.text() == "共 1 人"
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("全部状态"))
    dialog.full_id_box.setChecked(True)
    dialog.all_columns_box.setChecked(True)
    target = tmp_path / "全部.xlsx"
    dialog.path_edit.setText(str(target))
    click(qtbot, dialog.export_button)
    header, data = exported_rows(target)
    assert len(data) == 3 and "工会小组" in header and "状态" in header
    ids = {r[header.index("姓名")]: r[header.index("身份证号")] for r in data}
    assert ids["王芳"] == ID_WANG and ids["赵敏"] == ID_ZHAO
    # the full export re-imports cleanly: nothing changes
    preview = roster_import.preview_roster(target)
    assert preview.counts() == {NEW: 0, UPDATE: 0, SAME: 3, ERROR: 0}


def test_export_to_a_file_open_in_excel_says_so(roster, qtbot, tmp_path, monkeypatch, answers):
    asked, opened = answers
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))

    def held_open(workbook, path):
        raise FileInUseError("文件“会员花名册.xlsx”正被其他程序（如 Excel）打开，请关闭后重试。")

    monkeypatch.setattr("union_desk.ledgers.xlsx_export.save_workbook_atomic", held_open)
    dialog = RosterExportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(tmp_path / "会员花名册.xlsx"))
    click(qtbot, dialog.export_button)
    assert warned == ["文件“会员花名册.xlsx”正被其他程序（如 Excel）打开，请关闭后重试。"]
    assert dialog.isVisible() and dialog.written is None and not opened


def test_export_button_on_the_tab_opens_the_dialog_with_the_status_filter(zh, qtbot, monkeypatch):
    tab = MembersTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    seen = []
    monkeypatch.setattr(RosterExportDialog, "exec", lambda self: seen.append(self.status_combo.currentText()) or 0)
    click(qtbot, tab.export_button)
    assert seen == ["在职"]


# --- 批量慰问 and the visits panel --------------------------------------------------------------------


def test_batch_visits_for_the_selected_members(zh, qtbot, monkeypatch):
    members.create_member({"name": "王芳", "sex": "女", "id_number": ID_WANG})
    members.create_member({"name": "孙悟", "sex": "男"})
    tab = MembersTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    view = tab.list.view
    assert not tab.batch_button.isEnabled()
    chosen = [r for r, m in enumerate(tab.list.model.records) if m.name in ("王芳", "赵敏")]
    selection = QItemSelection()
    for row in chosen:
        selection.select(tab.list.model.index(row, 0), tab.list.model.index(row, 0))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert tab.batch_button.isEnabled() and not tab.edit_button.isEnabled()  # editing is for one member
    expected = {m.id for m in tab.list.selected()}
    assert {m.name for m in tab.list.selected()} == {"王芳", "赵敏"}
    shown: list = []

    def save(dialog):
        shown.append(set(dialog.chosen_ids()))
        assert dialog.rule_own.isChecked()
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(VisitType.select().first().id))
        dialog.amount.setText("200")
        dialog.accept()
        return dialog.result()

    from union_desk.ui.hardship.batch_dialog import BatchDialog

    monkeypatch.setattr(BatchDialog, "exec", save)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    from union_desk.ui.change_bus import bus

    changed = []
    bus().changed.connect(changed.append)
    click(qtbot, tab.batch_button)
    bus().flush()
    assert shown == [expected]
    made = list(Visit.select())
    assert {v.member_id for v in made} == expected and len({v.batch for v in made}) == 1
    assert told and told[0].startswith("已登记 2 人次") and any("visit" in kinds for kinds in changed)
    view.selectRow(0)
    assert tab.edit_button.isEnabled()


def test_member_form_shows_the_visits_of_an_existing_member(zh, qtbot):
    zhao = Member.get(Member.name == "赵敏")
    visit_type = VisitType.select().where(VisitType.needs_relative == False).first()  # noqa: E712
    visits.create_visit({"member": zhao.id, "visit_type": visit_type.id, "cash": "300", "date": dt.date.today(),
                         "reason": "生病住院"})
    form = MemberForm(members.get_member(zhao.id))
    qtbot.addWidget(form)
    form.show()
    assert VISITS_PANEL in form.panels
    assert [form.lower_tabs.tabText(i) for i in range(form.lower_tabs.count())] == ["直系亲属", "走访慰问与帮扶", "会籍与会费",
                                                                                  "本年活动", "教代会", "荣誉"]
    form.lower_tabs.setCurrentIndex(1)
    assert form.panels[VISITS_PANEL].model.rowCount() == 1
    assert "300.00" in form.panels[VISITS_PANEL].summary.text()
    assert not english_words(visible_texts(form))
    screenshot(form, "import-member-form-visits")
    new = MemberForm(None)
    qtbot.addWidget(new)
    assert new.panels == {}


def test_member_form_shows_the_activities_of_this_year(zh, qtbot):
    from union_desk.services import activities

    zhao = Member.get(Member.name == "赵敏")
    start = dt.datetime.combine(dt.date.today(), dt.time(9))
    walk = activities.save_activity({"title": "健步行", "start": start, "eligible_statuses": ""}, items=[{"name": "5公里"}])
    activities.sign_up(walk.items[0], zhao, after_deadline_ok=True, override_reason="测试")
    old = activities.save_activity(
        {"title": "去年的秋游", "start": start.replace(year=start.year - 1), "eligible_statuses": ""}, items=[{"name": "秋游"}]
    )
    activities.sign_up(old.items[0], zhao, after_deadline_ok=True, override_reason="测试")
    form = MemberForm(members.get_member(zhao.id))
    qtbot.addWidget(form)
    form.lower_tabs.setCurrentIndex(2)
    model = form.panels[ACTIVITIES_PANEL].model
    assert [model.record_at(r).item.activity.title for r in range(model.rowCount())] == ["健步行"]


def test_hidden_sheets_are_marked_and_not_chosen_and_the_report_masks_ids(zh, qtbot, tmp_path, monkeypatch):
    """Issue 11 items 7 and 9: a hidden sheet (matching a roster better) is listed as hidden,
    never chosen by itself, read only when chosen; the wizard's report masks ID numbers."""
    wb = openpyxl.Workbook()
    old = wb.active
    old.title = "旧名单"
    old.append(["姓名", "身份证号码", "部门", "联系电话", "性别", "出生日期"])
    old.append(["旧人甲", "", "后勤", "", "男", ""])
    old.sheet_state = "hidden"
    ws = wb.create_sheet("花名册")
    ws.append(["姓名", "身份证号码", "部门"])
    ws.append(["王芳", ID_WANG, "语文组"])
    wb.active = 1
    path = tmp_path / "带隐藏表.xlsx"
    wb.save(path)

    wizard = open_wizard(qtbot)
    wizard.path_edit.setText(str(path))
    click(qtbot, wizard.next_button)
    combo = wizard.sheet_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["旧名单", "花名册"]
    assert combo.itemText(0) != "旧名单" and "旧名单" in combo.itemText(0)  # marked as hidden
    assert combo.itemText(1) == "花名册" and combo.currentData() == "花名册"
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == wizard.PAGE_PREVIEW
    assert "花名册" in wizard.preview_file_label.text()
    assert "隐藏工作表“旧名单”未读取" in wizard.preview_notes.text()
    check = tmp_path / "检查报告.xlsx"
    save_as(monkeypatch, check)
    click(qtbot, wizard.save_check_button)
    cells = [str(c.value) for row in openpyxl.load_workbook(check).active.iter_rows() for c in row if c.value]
    assert ID_WANG not in "\n".join(cells) and idcard.mask_id(ID_WANG) in cells

    click(qtbot, wizard.back_button)
    click(qtbot, wizard.back_button)
    combo.setCurrentIndex(0)  # the user chooses the hidden sheet
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.next_button)
    assert wizard.preview.sheet == "旧名单" and [r.values.get("name") for r in wizard.preview.rows] == ["旧人甲"]
