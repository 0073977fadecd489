"""会籍 (issue 20) on screen: the 入会率 box with members and non-member staff, a membership change
through the form moving the member's status, joining from the staff list, a refused change showing
its message, voiding, the print buttons, the member form's 会籍与会费 panel, 首页's figure and list
and the 设置 page.

Expected values come from the tables and the services, not from the widgets under test."""

from __future__ import annotations

import datetime as dt
import sys
import types
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from union_desk.db.membership_models import MembershipEvent, NonMemberStaff
from union_desk.db.models import Member
from union_desk.domain import membership as rules
from union_desk.services import dues, members, membership

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture(autouse=True)
def _english(qapp):
    """These tests read the English sources; a test before may have left the zh_CN translator in."""
    from union_desk.ui import i18n

    i18n.install(qapp, "en")
    yield


@pytest.fixture
def mdb(db):
    """The test database (the membership area is installed)."""
    return db


@pytest.fixture
def boxes(monkeypatch):
    """QMessageBox.warning / information recorded; question answered Yes."""

    class Boxes:
        def __init__(self):
            self.warnings: list[str] = []
            self.infos: list[str] = []

    shown_boxes = Boxes()
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown_boxes.warnings.append(a[2])))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: shown_boxes.infos.append(a[2])))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    return shown_boxes


@pytest.fixture
def school(mdb):
    """Four members (three in 语文组, 在编; one in 数学组, 合同) and three non-members: two in service
    (语文组 合同, 数学组 在编) and one who has left (not counted)."""
    made = {}
    for name, department, kind in (("李芳", "语文组", "在编"), ("王强", "语文组", "在编"), ("陈静", "语文组", "在编"),
                                   ("赵敏", "数学组", "合同")):
        made[name] = members.create_member({"name": name, "sex": "女", "department": department,
                                            "employment_type": kind, "birth_date": "1985-03-02",
                                            "joined_union_date": "2010-09-01"})
    staff = {}
    for name, department, kind in (("周新", "语文组", "合同"), ("吴新", "数学组", "在编"), ("郑走", "数学组", "合同")):
        staff[name] = membership.save_staff({"name": name, "department": department, "employment_type": kind,
                                             "start_date": "2020-09-01"})
    membership.staff_leaves(staff["郑走"], "离职", f"{YEAR}-01-31")
    return made, staff


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cells(view, column: int) -> list[str]:
    model = view.model()
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def page_of(qtbot):
    from union_desk.ui.membership.membership_page import MembershipPage

    page = shown(qtbot, MembershipPage())
    page.refresh()
    return page


def accept_with(monkeypatch, form_class, fill):
    """`form_class.exec()` fills the form with `fill(form)` and saves it (as clicking 保存 would)."""

    def run(self):
        fill(self)
        self.accept()
        return self.result()

    monkeypatch.setattr(form_class, "exec", run)


# --- 入会率 ----------------------------------------------------------------------------------------------


def test_the_rate_box_counts_members_and_staff_in_service(qtbot, school):
    page = page_of(qtbot)
    expected = rules.membership_rate(4, 2)  # 4 members ÷ (4 + 2 non-members in service); 郑走 left
    assert expected == Decimal("66.7")
    assert page.today_rate.text() == "66.7%"
    assert "4" in page.counts.text() and "2" in page.counts.text()
    assert f"{YEAR}" in page.year_end_rate.text() and "66.7%" in page.year_end_rate.text()
    by_department = {row.label: (row.members, row.staff) for row in page.department_model.records}
    assert by_department == {"语文组": (3, 1), "数学组": (1, 1)}
    departments = cells(page.department_view, 0)
    rates = cells(page.department_view, 3)
    assert rates[departments.index("语文组")] == f"{rules.membership_rate(3, 1)}%" == "75.0%"
    assert rates[departments.index("数学组")] == "50.0%"
    kinds = {row.label: (row.members, row.staff) for row in page.employment_model.records}
    assert kinds == {"在编": (3, 1), "合同": (1, 1)}
    # the staff list shows those in service; 郑走 only with "show those who left"
    assert sorted(cells(page.staff_view, 0)) == sorted(["周新", "吴新"])
    page.show_gone.setChecked(True)
    assert "郑走" in cells(page.staff_view, 0)


def test_a_member_joining_raises_the_rate_shown(qtbot, school):
    _made, staff = school
    page = page_of(qtbot)
    membership.join_from_staff(staff["周新"], {"date": TODAY, "card_number": "X1"})
    page.refresh()
    assert page.today_rate.text() == f"{rules.membership_rate(5, 1)}%" == "83.3%"


# --- membership changes -------------------------------------------------------------------------------


def test_a_transfer_out_through_the_form_moves_the_status_and_numbers_the_letter(qtbot, school, boxes, monkeypatch):
    from union_desk.ui.membership.event_forms import EventForm

    made, _staff = school
    member = made["李芳"]

    def fill(form):
        form.picker.set_member(member)
        form.kind.setCurrentText("转出")
        form.other_union.setText("区实验小学工会")
        form.handler.setText("王老师")

    accept_with(monkeypatch, EventForm, fill)
    page = page_of(qtbot)
    saved = page.add_event()
    assert saved is not None and not boxes.warnings
    stored = Member.get_by_id(member.id)
    assert stored.status == "调出" == rules.status_after("转出")
    event = MembershipEvent.get_by_id(saved.id)
    assert (event.kind, event.other_union, event.handler) == ("转出", "区实验小学工会", "王老师")
    assert event.letter_number == rules.serial("JS", TODAY.year, 1)
    # listed, selected, and the transfer letter can be printed for it
    assert page.selected_event().id == event.id
    assert page.letter_button.isEnabled()
    row = [e.id for e in page.events_model.records].index(event.id)
    assert "区实验小学工会" in cells(page.events_view, 4)[row] and event.letter_number in cells(page.events_view, 4)[row]
    # the rate box follows: one member fewer in service
    assert page.today_rate.text() == f"{rules.membership_rate(3, 2)}%"


def test_the_fields_shown_follow_the_kind(qtbot, school):
    from union_desk.ui.membership.event_forms import EventForm

    form = shown(qtbot, EventForm(school[0]["李芳"], "入会"))
    visible = lambda w: form.form.isRowVisible(w)  # noqa: E731
    assert visible(form.card_number) and visible(form.application_date) and not visible(form.other_union)
    form.kind.setCurrentText("转出")
    assert visible(form.other_union) and visible(form.letter_number) and visible(form.letter_hint)
    assert not visible(form.card_number)
    assert form.other_union_label.text() == form.tr("Union transferred to")
    form.kind.setCurrentText("转入")
    assert visible(form.letter_number) and not visible(form.letter_hint)
    form.kind.setCurrentText("保留会籍")
    assert visible(form.keep_reason) and not visible(form.reason)
    assert [form.keep_reason.itemText(i) for i in range(form.keep_reason.count())] == list(rules.KEEP_REASONS)
    form.kind.setCurrentText("除名")
    assert visible(form.reason) and not visible(form.keep_reason)


def test_a_kept_membership_for_unemployment_reads_保留会籍(qtbot, school, boxes):
    from union_desk.ui.membership.event_forms import EventForm

    member = school[0]["王强"]
    form = shown(qtbot, EventForm(member, "保留会籍"))
    form.keep_reason.setCurrentText("失业")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    assert Member.get_by_id(member.id).status == rules.status_after("保留会籍", "失业") == "保留会籍"
    assert MembershipEvent.get_by_id(form.saved.id).reason == "失业"


def test_a_refused_change_shows_its_message_and_saves_nothing(qtbot, school, boxes):
    from union_desk.ui.membership.event_forms import EventForm

    member = school[0]["陈静"]
    before = MembershipEvent.select().where(MembershipEvent.member == member).count()
    form = shown(qtbot, EventForm(member, "恢复"))  # a member in service needs no restoring
    form.accept()
    assert form.result() != QDialog.DialogCode.Accepted and form.isVisible()
    expected = rules.allowed_after("在职", "恢复")
    # said once: no message box, in red just under the 变动 field (framed), not on the bottom line too
    assert expected and boxes.warnings == [] and boxes.infos == []
    assert expected in form.message() and expected in form.field_error.text() and form.field_error.isVisibleTo(form)
    assert not form.error.isVisibleTo(form)
    row, _role = form.form.getWidgetPosition(form.kind)
    assert form.form.getWidgetPosition(form.field_error)[0] == row + 1
    assert "border" in form.kind.styleSheet()
    assert MembershipEvent.select().where(MembershipEvent.member == member).count() == before
    form.kind.setCurrentText("退会")  # a change that can follow: the message and the frame go
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted and form.message() == "" and form.kind.styleSheet() == ""
    assert Member.get_by_id(member.id).status == "退会"


def test_a_refusal_without_a_field_goes_to_the_red_line_once(qtbot, school, boxes):
    from union_desk.errors import ValidationError
    from union_desk.ui.membership.event_forms import EventForm

    form = shown(qtbot, EventForm(school[0]["陈静"], "退会"))
    form._refused(ValidationError("无关字段的错误"))
    assert form.error.text() == "无关字段的错误" and form.error.isVisibleTo(form)
    assert not form.field_error.isVisibleTo(form) and boxes.warnings == []


def test_the_event_form_labels_keep_their_width_whatever_the_kind(qtbot, school):
    from PySide6.QtWidgets import QApplication

    from union_desk.ui.membership.event_forms import EventForm

    form = shown(qtbot, EventForm(school[0]["李芳"], "保留会籍"))
    places = set()
    for kind in rules.EVENT_KINDS:
        form.kind.setCurrentText(kind)
        QApplication.processEvents()
        form.form.activate()
        places.add((form.picker.geometry().x(), form.date.geometry().x(), form.handler.geometry().x()))
    assert len(places) == 1, places


def test_a_refused_change_from_the_member_check_saves_nothing(qtbot, school, boxes):
    from union_desk.ui.membership.event_forms import EventForm

    member = school[0]["陈静"]
    before = MembershipEvent.select().where(MembershipEvent.member == member).count()
    form = shown(qtbot, EventForm(member, "恢复"))
    form.accept()
    assert MembershipEvent.select().where(MembershipEvent.member == member).count() == before
    assert Member.get_by_id(member.id).status == "在职"


def test_the_form_asks_for_the_member(qtbot, school, boxes):
    from union_desk.ui.membership.event_forms import EventForm

    count = MembershipEvent.select().count()
    form = shown(qtbot, EventForm(None, "退会"))
    form.accept()
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.message() == form.tr("Choose the member.") == form.field_error.text()
    assert form.form.getWidgetPosition(form.field_error)[0] == form.form.getWidgetPosition(form.picker)[0] + 1
    assert MembershipEvent.select().count() == count


def test_voiding_through_the_page_crosses_the_change_out_and_restores_the_status(qtbot, school, boxes, monkeypatch):
    from union_desk.ui.membership.event_forms import VoidEventForm

    member = school[0]["赵敏"]
    wrong = membership.add_event(member, {"kind": "退会", "date": f"{YEAR}-03-01", "reason": "本人申请"})
    assert Member.get_by_id(member.id).status == "退会"
    page = page_of(qtbot)
    page.year = YEAR
    page.refresh()
    assert page.select_event(wrong.id)
    assert page.void_button.isEnabled()
    accept_with(monkeypatch, VoidEventForm, lambda form: form.reason.setPlainText("登记错了人"))
    assert page.void_selected()
    stored = MembershipEvent.get_by_id(wrong.id)
    assert stored.voided and stored.void_reason == "登记错了人"
    assert Member.get_by_id(member.id).status == "在职"
    row = [e.id for e in page.events_model.records].index(wrong.id)
    index = page.events_model.index(row, 0)
    assert page.events_model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
    assert page.events_model.data(index, Qt.ItemDataRole.ForegroundRole).name() == "#9a9a9a"
    assert "作废" in cells(page.events_view, 7)[row]
    assert not page.void_button.isEnabled()  # already voided


def test_the_void_form_requires_a_reason(qtbot, school, boxes):
    from union_desk.ui.membership.event_forms import VoidEventForm

    event = membership.add_event(school[0]["李芳"], {"kind": "退会", "date": f"{YEAR}-03-01"})
    form = shown(qtbot, VoidEventForm(event))
    form.accept()
    assert form.result() != QDialog.DialogCode.Accepted
    assert "作废原因" in form.message() and "border" in form.reason.styleSheet() and not boxes.warnings
    assert not MembershipEvent.get_by_id(event.id).voided


def test_the_year_and_kind_filters(qtbot, school):
    made, _staff = school
    membership.add_event(made["李芳"], {"kind": "保留会籍", "reason": "退休", "date": f"{YEAR}-02-01"})
    page = page_of(qtbot)
    page.year_combo.setCurrentIndex(page.year_combo.findData(YEAR))
    assert {e.date.year for e in page.events_model.records} == {YEAR}
    assert cells(page.events_view, 3) == ["保留会籍"]
    page.year_combo.setCurrentIndex(page.year_combo.findData(0))  # all years: the 2010 入会 too
    assert page.events_model.rowCount() == MembershipEvent.select().count()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("入会"))
    assert set(cells(page.events_view, 3)) == {"入会"}
    assert page.events_model.rowCount() == MembershipEvent.select().where(MembershipEvent.kind == "入会").count()


# --- non-member staff ------------------------------------------------------------------------------------


def test_join_from_the_staff_list_makes_a_member(qtbot, school, boxes, monkeypatch):
    from union_desk.ui.membership.event_forms import JoinForm

    _made, staff = school
    person = staff["吴新"]

    def fill(form):
        form.application_date.setText(f"{YEAR}-03-01")
        form.approval_date.setText(f"{YEAR}-04-01")
        form.card_number.setText("HY0001")
        form.handler.setText("王老师")

    accept_with(monkeypatch, JoinForm, fill)
    page = page_of(qtbot)
    assert page.select_staff(person.id) and page.join_button.isEnabled()
    member = page.join_selected()
    assert member is not None and not boxes.warnings
    stored = Member.get_by_id(member.id)
    assert (stored.name, stored.department, stored.employment_type, stored.status) == ("吴新", "数学组", "在编", "在职")
    assert NonMemberStaff.get_by_id(person.id).status == "已入会"
    assert "吴新" not in cells(page.staff_view, 0)
    join = MembershipEvent.get((MembershipEvent.member == stored) & (MembershipEvent.kind == "入会"))
    assert (join.card_number, join.approval_date, join.handler) == ("HY0001", dt.date(YEAR, 4, 1), "王老师")
    assert page.selected_event() is not None and page.selected_event().id == join.id
    assert page.today_rate.text() == f"{rules.membership_rate(5, 1)}%"


def test_a_new_staff_record_and_a_leaver_through_the_forms(qtbot, mdb, boxes, monkeypatch):
    from union_desk.ui.membership.event_forms import StaffForm, StaffLeaveForm

    def fill(form):
        form.name.setText("孙新")
        form.department.setCurrentText("英语组")
        form.employment_type.setCurrentText("临时工")
        form.start_date.setText("2024-09-01")

    accept_with(monkeypatch, StaffForm, fill)
    page = page_of(qtbot)
    saved = page.new_staff()
    stored = NonMemberStaff.get_by_id(saved.id)
    assert (stored.name, stored.department, stored.employment_type, stored.start_date) == (
        "孙新", "英语组", "临时工", dt.date(2024, 9, 1))
    assert cells(page.staff_view, 0) == ["孙新"]
    assert page.today_rate.text() == "0.0%"

    def leave(form):
        form.status.setCurrentText("退休")

    accept_with(monkeypatch, StaffLeaveForm, leave)
    page.select_staff(saved.id)
    assert page.staff_leaves()
    assert NonMemberStaff.get_by_id(saved.id).status == "退休"
    assert cells(page.staff_view, 0) == []
    assert page.today_rate.text() == "—"


def test_a_refused_staff_record_shows_the_message(qtbot, mdb, boxes):
    from union_desk.ui.membership.event_forms import StaffForm

    form = shown(qtbot, StaffForm())
    form.accept()
    assert form.result() != QDialog.DialogCode.Accepted
    assert boxes.warnings == [] and form.message() == "请填写姓名" == form.field_error.text()  # once, under 姓名
    assert form.form_layout.getWidgetPosition(form.field_error)[0] == form.form_layout.getWidgetPosition(form.name)[0] + 1
    assert NonMemberStaff.select().count() == 0


# --- printing --------------------------------------------------------------------------------------------


def test_the_print_buttons_write_the_sheets_of_the_selected_record(qtbot, school, boxes, monkeypatch):
    import union_desk.printing
    from union_desk.ui.hardship import print_actions

    made, staff = school
    out = membership.add_event(made["李芳"], {"kind": "转出", "date": f"{YEAR}-03-01", "other_union": "区实验小学工会"})
    calls = []
    fake = types.ModuleType("union_desk.printing.membership")
    fake.print_transfer_letter = lambda member_id, path: calls.append(("letter", member_id, path))
    fake.print_join_form = lambda member_id, path, staff_id=None: calls.append(("join", member_id, staff_id))
    fake.print_member_register = lambda member_id, path: calls.append(("register", member_id, path))
    monkeypatch.setitem(sys.modules, "union_desk.printing.membership", fake)
    monkeypatch.setattr(union_desk.printing, "membership", fake, raising=False)
    names = []
    monkeypatch.setattr(print_actions, "print_pdf",
                        lambda parent, title, name, write, on_done=None: names.append(name) or write("x.pdf"))
    page = page_of(qtbot)
    page.year = YEAR
    page.refresh()
    page.select_event(out.id)
    page.print_transfer_letter()
    page.print_join_form()
    page.print_member_register()
    page.select_staff(staff["周新"].id)
    page.print_staff_join_form()
    member_id = made["李芳"].id
    assert calls == [("letter", member_id, "x.pdf"), ("join", member_id, None), ("register", member_id, "x.pdf"),
                     ("join", None, staff["周新"].id)]
    assert names[0] == "会员组织关系介绍信-李芳" and names[3] == "入会申请书-周新"
    # the letter is only for a 转出
    page.year = None  # all years: the 入会 of 2010 too
    page.refresh()
    first = next(e for e in page.events_model.records if e.kind != "转出")
    page.select_event(first.id)
    assert not page.letter_button.isEnabled()


# --- the member form's panel ----------------------------------------------------------------------------


def test_the_member_panel_shows_history_bases_exemptions_payments_and_arrears(qtbot, school, boxes):
    from union_desk.ui.membership.member_panel import LAST_PAYMENTS, MembershipPanel

    member = school[0]["李芳"]
    wrong = membership.add_event(member, {"kind": "退会", "date": f"{YEAR}-02-01", "reason": "误登"})
    membership.void_event(wrong, "登记错误")
    dues.set_base(member, "6000", f"{YEAR - 1}-01-01")
    dues.set_base(member, "6500", f"{YEAR}-01-01")
    dues.add_exemption(member, f"{YEAR - 1}-03-01", f"{YEAR - 1}-05-31", "长期病休")
    for month in (1, 2):
        dues.record_payment(member, {"period": f"{YEAR - 1}-{month:02d}", "amount": "30", "date": f"{YEAR - 1}-{month:02d}-20",
                                     "method": "现金", "collector": "王老师"})
    panel = shown(qtbot, MembershipPanel(member))
    kinds = cells(panel.events_view, 1)
    assert kinds == [e.kind for e in membership.events_of(member)] == ["入会", "退会"]
    marks = cells(panel.events_view, 3)
    assert "作废" in marks[1] and "作废：登记错误" in cells(panel.events_view, 2)[1]
    assert panel.events_model.data(panel.events_model.index(1, 0), Qt.ItemDataRole.FontRole).strikeOut()
    assert cells(panel.bases_view, 0) == [f"{YEAR}-01-01", f"{YEAR - 1}-01-01"]  # newest first
    assert cells(panel.bases_view, 1) == ["6,500.00", "6,000.00"]
    assert cells(panel.exemptions_view, 2) == ["长期病休"]
    assert cells(panel.payments_view, 0) == [f"{YEAR - 1}年2月", f"{YEAR - 1}年1月"]
    assert panel.payments_model.rowCount() <= LAST_PAYMENTS
    expected = dues.arrears_months(Member.get_by_id(member.id), TODAY)
    assert expected > 0 and panel.arrears == expected
    assert str(expected) in panel.summary.text() and "6,500.00" in panel.summary.text()
    panel.set_member(school[0]["王强"])  # another member: nothing of 李芳's
    assert cells(panel.events_view, 1) == ["入会"] and panel.bases_model.rowCount() == 0
    assert panel.arrears == 0


def test_the_member_panel_shows_the_four_lists_in_one_row_and_the_exemption_in_force(qtbot, school, boxes):
    from union_desk.ui.membership.member_panel import MembershipPanel

    member = school[0]["李芳"]
    dues.set_base(member, "6000", f"{YEAR}-01-01")
    dues.add_exemption(member, f"{YEAR}-01-01", None, "长期病休")
    dues.record_payment(member, {"period": f"{YEAR - 1}-12", "amount": "30", "date": f"{YEAR - 1}-12-20"})
    panel = shown(qtbot, MembershipPanel(member))
    panel.resize(740, 170)  # what is in sight of the member form's tab on a 1366×768 screen
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    top = panel.events_view.mapTo(panel, panel.events_view.rect().topLeft()).y()
    for view in (panel.bases_view, panel.exemptions_view, panel.payments_view):
        assert view.model().rowCount() >= 1, view.objectName()
        first_row = view.visualRect(view.model().index(0, 0))
        bottom = view.viewport().mapTo(panel, first_row.bottomLeft()).y()
        assert 0 < bottom <= 170, (view.objectName(), bottom)  # the first row in sight
        assert view.mapTo(panel, view.rect().topLeft()).y() < top + panel.events_view.height()  # beside the history
    assert "长期病休" in panel.summary.text() and cells(panel.exemptions_view, 2) == ["长期病休"]


def test_the_member_panel_prints_the_application_form_and_register_of_its_member(qtbot, school, boxes, monkeypatch):
    import union_desk.printing
    from union_desk.ui.hardship import print_actions
    from union_desk.ui.membership.member_panel import MembershipPanel

    calls = []
    fake = types.ModuleType("union_desk.printing.membership")
    fake.print_join_form = lambda member_id, path, staff_id=None: calls.append(("join", member_id, staff_id))
    fake.print_member_register = lambda member_id, path: calls.append(("register", member_id, path))
    monkeypatch.setitem(sys.modules, "union_desk.printing.membership", fake)
    monkeypatch.setattr(union_desk.printing, "membership", fake, raising=False)
    names = []
    monkeypatch.setattr(print_actions, "print_pdf",
                        lambda parent, title, name, write, on_done=None: names.append(name) or write("x.pdf"))
    member = school[0]["王强"]  # joined in 2010: no event row of this year needed
    panel = shown(qtbot, MembershipPanel(member))
    assert panel.join_form_button.isEnabled() and panel.register_button.isEnabled()
    panel.join_form_button.click()
    panel.register_button.click()
    assert calls == [("join", member.id, None), ("register", member.id, "x.pdf")]
    assert names == ["入会申请书-王强", "工会会员登记表-王强"]
    panel.set_member(None)
    assert not panel.join_form_button.isEnabled()


def test_with_no_change_selected_the_page_asks_which_member_to_print_for(qtbot, school, boxes, monkeypatch):
    import union_desk.printing
    from union_desk.ui.hardship import print_actions
    from union_desk.ui.membership.event_forms import MemberChoiceForm

    calls = []
    fake = types.ModuleType("union_desk.printing.membership")
    fake.print_join_form = lambda member_id, path, staff_id=None: calls.append(("join", member_id))
    fake.print_member_register = lambda member_id, path: calls.append(("register", member_id))
    monkeypatch.setitem(sys.modules, "union_desk.printing.membership", fake)
    monkeypatch.setattr(union_desk.printing, "membership", fake, raising=False)
    monkeypatch.setattr(print_actions, "print_pdf", lambda parent, title, name, write, on_done=None: write("x.pdf"))
    member = school[0]["陈静"]  # joined in 2010: no row in this year's list
    page = page_of(qtbot)
    assert page.selected_event() is None and member.id not in {e.member_id for e in page.events_model.records}
    assert page.join_form_button.isEnabled() and page.register_button.isEnabled()
    asked = []

    def choose(form):
        asked.append(form.windowTitle())
        form.accept()  # nobody chosen yet: refused under the field, stays open
        assert form.result() != QDialog.DialogCode.Accepted and form.message() == form.tr("Choose the member.")
        form.picker.set_member(member)
        form.accept()
        return form.result()

    monkeypatch.setattr(MemberChoiceForm, "exec", choose)
    page.print_join_form()
    page.print_member_register()
    assert calls == [("join", member.id), ("register", member.id)] and len(asked) == 2
    monkeypatch.setattr(MemberChoiceForm, "exec", lambda form: QDialog.DialogCode.Rejected)
    page.print_join_form()  # cancelled: nothing printed
    assert len(calls) == 2


def test_the_note_column_of_the_changes_is_readable(qtbot, school):
    page = page_of(qtbot)
    page.resize(1200, 600)
    note = [page.events_model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.events_model.columnCount())].index(
        page.tr("Note"))
    wanted = page.events_view.fontMetrics().horizontalAdvance("按档案入会日期补记")
    assert page.events_view.columnWidth(note) >= wanted


def test_the_member_form_has_the_membership_tab(qtbot, school):
    from union_desk.ui.members.form import MemberForm
    from union_desk.ui.membership.member_panel import MembershipPanel

    form = shown(qtbot, MemberForm(school[0]["李芳"]))
    panels = [p for p in form.panels.values() if isinstance(p, MembershipPanel)]
    assert len(panels) == 1 and panels[0].events_model.rowCount() == 1


# --- 首页 and 设置 --------------------------------------------------------------------------------------------


def test_home_parts_give_the_rate_and_the_members_in_arrears(school, db_path):
    from union_desk.ui.home.parts import HomeContext, HomeFigure, HomeList
    from union_desk.ui.membership.home import home_parts

    made, _staff = school
    start = dt.date(TODAY.year - 1, 1, 1)
    dues.set_base(made["李芳"], "6000", start)  # a year and more unpaid
    dues.set_base(made["王强"], "6000", start)
    for period in rules.periods_between(start, TODAY, dues.period_kind()):
        if period.last < TODAY:
            dues.record_payment(made["王强"], {"period": period.code, "amount": dues.owed_for(made["王强"], period).owed,
                                               "date": min(period.last, TODAY), "method": "工资代扣"})
    parts = home_parts(HomeContext(TODAY, db_path))
    figure = next(p for p in parts if isinstance(p, HomeFigure))
    assert figure.value == f"{membership.membership_rate(TODAY).total.rate}%" == "66.7%"
    listed = next(p for p in parts if isinstance(p, HomeList))
    flagged = dues.flagged(TODAY)
    assert [m.id for m in listed.records] == [r.member.id for r in flagged] == [made["李芳"].id]
    assert listed.kind == "dues_arrears" and isinstance(listed.records[0], Member)
    assert listed.lines[0].startswith("李芳 · 语文组") and str(flagged[0].arrears_months) in listed.lines[0]


def test_home_parts_with_nobody_counted(mdb, db_path):
    from union_desk.ui.home.parts import HomeContext
    from union_desk.ui.membership.home import home_parts

    figure, listed = home_parts(HomeContext(TODAY, db_path))
    assert figure.value == "—" and listed.lines == [] and listed.records == []


def test_settings_page_values_round_trip(qtbot, mdb):
    from union_desk.services import settings
    from union_desk.ui.membership.settings_page import DuesSettingsPage

    page = shown(qtbot, DuesSettingsPage())
    assert page.values() == {"dues_rate": "0.5", "dues_rounding": "fen", "dues_floor_ten": "1", "dues_period": "month"}
    assert [page.rounding.itemText(i) for i in range(page.rounding.count())] == [v[0] for v in rules.ROUNDINGS.values()]
    assert [page.period.itemData(i) for i in range(page.period.count())] == list(rules.PERIOD_KINDS)
    page.rate.setText("1%")
    page.rounding.setCurrentIndex(page.rounding.findData("yuan_up"))
    page.floor_ten.setChecked(False)
    page.period.setCurrentIndex(page.period.findData("quarter"))
    values = page.values()
    assert values == {"dues_rate": "1", "dues_rounding": "yuan_up", "dues_floor_ten": "0", "dues_period": "quarter"}
    settings.save({**settings.get_all(), **values})
    assert (dues.rate(), dues.rounding(), dues.floor_ten(), dues.period_kind()) == (Decimal("1"), "yuan_up", False, "quarter")
    again = shown(qtbot, DuesSettingsPage())
    assert again.values() == values
    assert again.rounding.currentText() == rules.ROUNDINGS["yuan_up"][0]


def test_the_settings_dialog_shows_the_page(qtbot, mdb):
    from union_desk.ui.membership.settings_page import DuesSettingsPage
    from union_desk.ui.settings_dialog import SettingsDialog

    dialog = shown(qtbot, SettingsDialog())
    assert any(isinstance(p, DuesSettingsPage) for p in dialog.area_pages)
