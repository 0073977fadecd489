"""代表 page of the staff congress, driven through its real widgets: adding several delegates at
once, editing, leaving, a by-election, deleting (refused with the service's message when the seat
has attendance), and the figures line with the share warnings in amber."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox

from union_desk.db.congress_models import Delegate
from union_desk.db.models import Member
from union_desk.services import congress, members
from union_desk.ui import i18n
from union_desk.ui.congress.delegate_forms import AddDelegatesDialog, ByElectionDialog, DelegateForm, LeaveDialog
from union_desk.ui.congress.delegates_page import DelegatesPage

COLUMNS = ["代表团（组）", "姓名", "性别", "部门", "类别", "当选日期", "产生方式", "离任日期", "离任原因"]
HEADERS = ["Delegation (group)", "Name", "Sex", "Department", "Category", "Elected on", "How", "Left on",
           "Reason for leaving"]


@pytest.fixture
def people(qapp, db):
    i18n.install(qapp, "zh_CN")
    rows = [("王芳", "女", "语文组"), ("李强", "男", "数学组"), ("陈静", "女", "英语组"), ("赵敏", "女", "语文组"),
            ("刘洋", "男", "总务处"), ("杨帆", "男", "数学组")]
    made = {name: members.create_member({"name": name, "sex": sex, "department": dept}) for name, sex, dept in rows}
    members.create_member({"name": "周退", "sex": "男", "status": "退休", "status_date": "2020-01-01",
                           "birth_date": "1960-01-01"})
    term = congress.save_term({"number": 5, "start_date": "2024-09-01"})
    return made, term


@pytest.fixture
def boxes(monkeypatch):
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, _k=kind, **kw: shown.append((_k, a[2]))))
    return shown


@pytest.fixture
def page(qtbot, people, boxes):
    widget = DelegatesPage()
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.set_term(people[1])
    widget.show()
    return widget


def run_dialogs(monkeypatch, fill):
    opened = []

    def fake_exec(dialog):
        opened.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    return opened


def cells(page: DelegatesPage, row: int) -> dict[str, str]:
    model = page.model
    return {COLUMNS[c]: model.data(model.index(row, c)) for c in range(model.columnCount())}


def row_of(page: DelegatesPage, name: str) -> int:
    return next(r for r, d in enumerate(page.model.records) if d.member.name == name)


def select(page: DelegatesPage, name: str) -> None:
    page.view.selectRow(row_of(page, name))


def add(page, monkeypatch, names, people, group="第一代表组", category="教师"):
    def fill(dialog):
        assert isinstance(dialog, AddDelegatesDialog)
        for name in names:
            dialog.add_member(people[name])
        dialog.group.setCurrentText(group)
        dialog.category.setCurrentText(category)
        dialog.elected.setDate(QDate(2024, 9, 1))

    run_dialogs(monkeypatch, fill)
    return page.add_delegates()


def test_headers(page):
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == [QCoreApplication.translate("DelegatesPage", h) for h in HEADERS]


def test_add_several_delegates_at_once_and_the_figures(page, people, monkeypatch, boxes):
    made, term = people
    saved = add(page, monkeypatch, ["王芳", "李强", "陈静"], made)
    assert len(saved) == 3
    assert boxes == []
    assert page.model.rowCount() == 3
    row = cells(page, row_of(page, "王芳"))
    assert row == {"代表团（组）": "第一代表组", "姓名": "王芳", "性别": "女", "部门": "语文组", "类别": "教师",
                   "当选日期": "2024-09-01", "产生方式": "选举", "离任日期": "", "离任原因": ""}
    assert page.figures.text() == "共 3 人：教师 3 人（100%）；女代表 2 人（66.7%）"
    # the derived role follows the roster
    assert "教代会代表" in Member.get_by_id(made["王芳"].id).union_roles


def test_adding_is_all_or_nothing(page, people, monkeypatch, boxes):
    made, term = people
    add(page, monkeypatch, ["王芳"], made)
    # 王芳 again with 李强: refused with the service's message, 李强 is not added either
    add(page, monkeypatch, ["李强", "王芳"], made)
    assert boxes == [("warning", "王芳已经是第五届代表")]
    assert Delegate.select().count() == 1
    assert page.model.rowCount() == 1


def test_the_picker_offers_serving_members_only(qtbot, page, people):
    _made, term = people
    dialog = AddDelegatesDialog(term, page)
    qtbot.addWidget(dialog)
    dialog.picker.setText("周退")
    dialog.picker.search_now()
    assert dialog.picker.results() == []
    dialog.picker.setText("王芳")
    dialog.picker.search_now()
    assert [m.name for m in dialog.picker.results()] == ["王芳"]


def test_share_warnings_appear_in_amber(page, people, monkeypatch):
    made, term = people
    add(page, monkeypatch, ["王芳", "李强"], made, category="干部")
    add(page, monkeypatch, ["陈静"], made, category="教师")
    warnings = page.warnings.text()
    assert page.warnings.isVisibleTo(page)
    assert "一线教师代表占33.3%，低于60%" in warnings
    assert "干部代表占66.7%，高于20%" in warnings
    assert "#a15c00" in page.warnings.styleSheet()
    assert page.figures.text().startswith("共 3 人：教师 1 人（33.3%）、干部 2 人（66.7%）")
    # balanced again: the warnings go
    add(page, monkeypatch, ["赵敏", "刘洋", "杨帆"], made, category="教师")
    figures = congress.delegate_figures(term)
    assert figures.warnings == ["干部代表占33.3%，高于20%"]
    assert page.warnings.text() == "⚠ 干部代表占33.3%，高于20%"


def test_edit_leave_and_by_election(page, people, monkeypatch, boxes):
    made, term = people
    add(page, monkeypatch, ["王芳", "李强"], made)

    select(page, "李强")
    assert not page.by_election_button.isEnabled()  # nobody has left yet

    def edit(dialog):
        assert isinstance(dialog, DelegateForm)
        dialog.group.setCurrentText("第二代表组")
        dialog.category.setCurrentText("干部")

    run_dialogs(monkeypatch, edit)
    assert page.edit_delegate()
    row = cells(page, row_of(page, "李强"))
    assert (row["代表团（组）"], row["类别"]) == ("第二代表组", "干部")

    select(page, "王芳")

    def leave(dialog):
        assert isinstance(dialog, LeaveDialog)
        dialog.left.setDate(QDate(2025, 6, 30))
        dialog.reason.setCurrentText("调出")

    run_dialogs(monkeypatch, leave)
    assert page.leave()
    row_index = row_of(page, "王芳")
    row = cells(page, row_index)
    assert (row["离任日期"], row["离任原因"]) == ("2025-06-30", "调出")
    assert page.model.data(page.model.index(row_index, 1), Qt.ItemDataRole.ForegroundRole) == QColor("#9a9a9a")
    assert page.figures.text().startswith("共 1 人")  # seated ones only
    assert not page.leave_button.isEnabled()  # she has left already
    assert page.by_election_button.isEnabled()

    def by_election(dialog):
        assert isinstance(dialog, ByElectionDialog)
        assert dialog.left.count() == 1 and dialog.seat().member.name == "王芳"
        assert dialog.group.currentText() == "第一代表组"  # the old seat's group
        dialog.member.set_member(made["赵敏"])
        dialog.elected.setDate(QDate(2025, 9, 10))

    run_dialogs(monkeypatch, by_election)
    assert page.by_election() is not None
    assert boxes == []
    row = cells(page, row_of(page, "赵敏"))
    assert row["产生方式"] == "补选（接替王芳）"
    assert (row["代表团（组）"], row["当选日期"]) == ("第一代表组", "2025-09-10")
    assert not page.by_election_button.isEnabled()  # the seat is filled
    assert page.figures.text().startswith("共 2 人")
    stored = Delegate.get(Delegate.member == made["赵敏"])
    assert stored.replaces.member.name == "王芳" and stored.how == "补选"


def test_leaving_without_a_reason_is_refused(page, people, monkeypatch, boxes):
    made, _term = people
    add(page, monkeypatch, ["王芳"], made)
    select(page, "王芳")
    run_dialogs(monkeypatch, lambda d: d.reason.setCurrentText(""))
    assert not page.leave()
    assert boxes and boxes[-1][0] == "warning"
    assert Delegate.get(Delegate.member == made["王芳"]).left_date is None


def test_delete_is_refused_with_the_service_message_after_attendance(page, people, monkeypatch, boxes):
    made, term = people
    add(page, monkeypatch, ["王芳", "李强"], made)
    session = congress.save_session({"term": term, "date": "2025-03-01"})
    wang = Delegate.get(Delegate.member == made["王芳"])
    congress.mark_attendance(session, [wang.id], "出席")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    page.refresh()
    select(page, "王芳")
    assert not page.delete()
    assert boxes == [("warning", "这位代表已有出席记录，不能删除；如已离任，请登记离任")]
    assert Delegate.select().count() == 2
    select(page, "李强")
    assert page.delete()
    assert [d.member.name for d in page.model.records] == ["王芳"]
    assert Delegate.select().count() == 1


def test_no_term(qtbot, db, qapp):
    widget = DelegatesPage()
    qtbot.addWidget(widget)
    widget.set_term(None)
    assert widget.model.rowCount() == 0
    assert not widget.add_button.isEnabled()
    assert widget.empty.isVisibleTo(widget)
