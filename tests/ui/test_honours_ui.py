"""评优表彰 (issue 18) on screen: nominating through the form (an ineligible member refused, an
eligible one saved, last year's winner warned about), the quota warning, deciding before the 公示
ends, honours from activity results without duplicates, the certificate template editor and its
live preview, the member form's 荣誉 tab, 首页 and the page's entries.

Expected values come from the tables and the rules, not from the widgets under test."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox

from union_desk import areas
from union_desk.db.honour_models import AwardRound, Honour, Nomination
from union_desk.services import activities, honours, members

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture
def hdb(db):
    """The test database with the honours area (registered here while it is not installed)."""
    added = False
    if "honours" not in {a.key for a in areas.all_areas()}:
        from union_desk.areas.honours import AREA

        areas.register(AREA)
        added = True
    from union_desk.db import database, honour_models

    if not database.current_database().table_exists("award_round"):
        honour_models.step_6(database.current_database())
    yield db
    if added:
        areas.unregister("honours")


@pytest.fixture
def people(hdb):
    made = {}
    for name, sex, group, roles in (
        ("李芳", "女", "语文组", ""),
        ("王强", "男", "数学组", "工会小组长"),
        ("陈静", "女", "数学组", ""),
        ("赵敏", "女", "语文组", ""),
    ):
        made[name] = members.create_member({"name": name, "sex": sex, "department": group, "union_group": group,
                                            "union_roles": roles, "birth_date": "1985-03-02"})
    return made


@pytest.fixture
def boxes(monkeypatch):
    """QMessageBox.warning / information recorded; question answered with boxes.answer."""

    class Boxes:
        answer = QMessageBox.StandardButton.Yes

        def __init__(self):
            self.warnings: list[str] = []
            self.infos: list[str] = []
            self.questions: list[str] = []

    shown = Boxes()
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.warnings.append(a[2])))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: shown.infos.append(a[2])))

    def question(*a, **k):
        shown.questions.append(a[2])
        return shown.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return shown


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def red_flag_round(year: int = YEAR, **extra) -> AwardRound:
    data = {"award_type": honours.award_by_name("三八红旗手"), "year": year}
    data.update(extra)
    return honours.save_round(data)


def run_form(monkeypatch, form_class, prepare):
    """Replace the form's exec(): `prepare(form)` fills it, then its save button is clicked."""

    def fake_exec(self):
        self.show()
        prepare(self)
        self.save_button().click()
        return self.result()

    monkeypatch.setattr(form_class, "exec", fake_exec)


# --- nominating ----------------------------------------------------------------------------------


def test_an_ineligible_member_is_refused_with_the_reason_and_nothing_is_saved(qtbot, people, boxes):
    from union_desk.ui.honours.round_forms import NominationForm

    award_round = red_flag_round()
    form = shown(qtbot, NominationForm(award_round))
    form.picker.set_member(people["王强"])  # 三八红旗手: women only
    assert "限女性" in form.check.text()  # said at once
    form.deeds.setPlainText("工作认真")
    form.save_button().click()
    assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    assert "王强不符合“三八红旗手”的条件" in form.error.text() and "限女性" in form.error.text()
    assert boxes.warnings and "限女性" in boxes.warnings[0]
    assert Nomination.select().count() == 0
    assert form.deeds.toPlainText() == "工作认真"  # the input is kept


def test_an_eligible_member_is_nominated_with_the_form(qtbot, people, boxes):
    from union_desk.ui.honours.round_forms import NominationForm

    award_round = red_flag_round()
    form = shown(qtbot, NominationForm(award_round))
    form.picker.set_member(people["李芳"])
    assert form.check.text() in ("Eligible.", "符合条件。")
    form.deeds.setPlainText("担任班主任十年，所带班级多次获评先进班集体。")
    form.save_button().click()
    assert form.result() == QDialog.DialogCode.Accepted
    saved = Nomination.get()
    assert saved.member_id == people["李芳"].id and saved.award_round_id == award_round.id
    assert saved.nominated_by == "语文组"  # the member's union group when left empty
    assert saved.deeds.startswith("担任班主任十年")
    assert boxes.infos == []  # nothing to warn about


def test_last_years_winner_is_warned_about_after_saving(qtbot, people, boxes, monkeypatch):
    from union_desk.ui.honours import round_forms
    from union_desk.ui.honours.rounds_page import RoundsPage

    last = red_flag_round(YEAR - 1, notice_start=f"{YEAR - 1}-03-02", notice_end=f"{YEAR - 1}-03-06")
    nomination, _w = honours.nominate(last, {"member": people["李芳"]})
    honours.update_nomination(nomination, {"result": "当选"})
    honours.decide_round(last, f"{YEAR - 1}-03-08")
    this = red_flag_round()

    page = shown(qtbot, RoundsPage())
    page.refresh()
    assert page.select(this.id)
    run_form(monkeypatch, round_forms.NominationForm, lambda f: f.picker.set_member(people["李芳"]))
    page.nominate()
    assert Nomination.select().where(Nomination.award_round == this).count() == 1  # saved
    assert len(boxes.infos) == 1 and "李芳去年已获评“三八红旗手”" in boxes.infos[0]
    # the nomination is listed under the round
    assert [honours.nominee_name(n) for n in page.nomination_model.records] == ["李芳"]


def test_the_quota_warning_shows_when_setting_elected(qtbot, people, boxes, monkeypatch):
    from union_desk.ui.honours import round_forms
    from union_desk.ui.honours.rounds_page import RoundsPage

    award_round = red_flag_round(quota=1)
    first, _w = honours.nominate(award_round, {"member": people["李芳"]})
    honours.update_nomination(first, {"result": "当选", "votes": 30})
    second, _w = honours.nominate(award_round, {"member": people["陈静"]})

    form = shown(qtbot, round_forms.NominationForm(award_round, Nomination.get_by_id(second.id)))
    assert not form.quota_warning.isVisible()
    form.result_box.setCurrentText("当选")
    assert form.quota_warning.isVisible() and form.quota_warning.text() == "当选2人，超过名额1人"
    form.result_box.setCurrentText("未当选")
    assert not form.quota_warning.isVisible()
    form.close()

    page = shown(qtbot, RoundsPage())
    page.refresh()
    page.select(award_round.id)
    assert page.select_nomination(second.id)

    def elect(f):
        f.votes.setValue(25)
        f.result_box.setCurrentText("当选")

    run_form(monkeypatch, round_forms.NominationForm, elect)
    page.edit_nomination()
    again = Nomination.get_by_id(second.id)
    assert (again.result, again.votes) == ("当选", 25)
    assert boxes.infos == ["· 当选2人，超过名额1人"]
    elected = page.model.records[0]
    assert elected.elected == 2
    column = [c.header for c in page.model.columns].index(page.tr("Elected"))
    from PySide6.QtCore import Qt

    assert page.model.data(page.model.index(0, column), Qt.ItemDataRole.ForegroundRole) == QColor("#b00020")


def test_sent_upward_keeps_its_level_and_outcome(qtbot, people, boxes):
    from union_desk.ui.honours.round_forms import NominationForm

    award_round = red_flag_round()
    nomination, _w = honours.nominate(award_round, {"member": people["李芳"]})
    form = shown(qtbot, NominationForm(award_round, nomination))
    assert not form.sent_level.isEnabled()
    form.result_box.setCurrentText("上报")
    assert form.sent_level.isEnabled()
    form.sent_level.setCurrentText("区")
    form.outcome.setCurrentText("获评")
    form.save_button().click()
    saved = Nomination.get_by_id(nomination.id)
    assert (saved.result, saved.sent_level, saved.upward_outcome) == ("上报", "区", "获评")


# --- deciding ------------------------------------------------------------------------------------


def test_deciding_before_the_notice_ends_asks_and_deciding_writes_honours(qtbot, people, boxes):
    from union_desk.ui.honours.rounds_page import RoundsPage

    award_round = red_flag_round(nomination_deadline=TODAY - dt.timedelta(days=3), notice_start=TODAY,
                                 notice_end=TODAY + dt.timedelta(days=4))
    for name, result in (("李芳", "当选"), ("陈静", "当选"), ("赵敏", "未当选")):
        n, _w = honours.nominate(award_round, {"member": people[name]})
        honours.update_nomination(n, {"result": result})

    page = shown(qtbot, RoundsPage())
    page.refresh()
    page.select(award_round.id)
    boxes.answer = QMessageBox.StandardButton.No
    assert page.decide(TODAY) is None
    assert len(boxes.questions) == 1 and "还没有结束" in boxes.questions[0]
    assert Honour.select().count() == 0 and AwardRound.get_by_id(award_round.id).decision_date is None

    boxes.answer = QMessageBox.StandardButton.Yes
    made = page.decide(TODAY)
    assert len(made) == 2
    rows = list(Honour.select().order_by(Honour.id))
    assert sorted(h.member.name for h in rows) == ["李芳", "陈静"]
    assert {(h.title, h.level, h.source, h.year, h.date) for h in rows} == {("三八红旗手", "校", "评选", YEAR, TODAY)}
    assert AwardRound.get_by_id(award_round.id).decision_date == TODAY
    assert page.certificates_button.isEnabled() and page.roll_button.isEnabled()


def test_deciding_without_warnings_does_not_ask(qtbot, people, boxes):
    from union_desk.ui.honours.rounds_page import RoundsPage

    award_round = red_flag_round(notice_start=TODAY - dt.timedelta(days=9), notice_end=TODAY - dt.timedelta(days=2))
    n, _w = honours.nominate(award_round, {"member": people["李芳"]})
    honours.update_nomination(n, {"result": "当选"})
    page = shown(qtbot, RoundsPage())
    page.refresh()
    page.select(award_round.id)
    assert len(page.decide(TODAY)) == 1
    assert boxes.questions == []
    assert Honour.select().count() == 1


def test_a_rounds_honour_cannot_be_deleted_in_the_register(qtbot, people, boxes):
    from union_desk.ui.honours.register_page import RegisterPage

    award_round = red_flag_round(notice_start=TODAY - dt.timedelta(days=9), notice_end=TODAY - dt.timedelta(days=2))
    n, _w = honours.nominate(award_round, {"member": people["李芳"]})
    honours.update_nomination(n, {"result": "当选"})
    honours.decide_round(award_round, TODAY)
    page = shown(qtbot, RegisterPage())
    page.refresh()
    page.view.selectRow(0)
    page.delete_selected()
    assert boxes.warnings == ["评选产生的荣誉请在评选中把结果改为未当选"]
    assert Honour.select().count() == 1


# --- the register ------------------------------------------------------------------------------------


def test_activity_results_become_honours_once(qtbot, people, boxes, monkeypatch):
    from union_desk.ui.honours import honour_forms
    from union_desk.ui.honours.register_page import RegisterPage

    activity = activities.save_activity({"title": "教工羽毛球赛", "start": f"{YEAR}-05-01 14:00"},
                                        items=[{"name": "女子单打"}])
    item = activity.items[0]
    for name, rank in (("李芳", 1), ("陈静", 2), ("赵敏", 5)):
        signup = activities.sign_up(item, people[name])
        activities.set_result(signup[0] if isinstance(signup, tuple) else signup, rank=rank)

    page = shown(qtbot, RegisterPage())
    page.year = YEAR
    page.refresh()
    assert page.model.rowCount() == 0
    counts = []

    def choose(dialog):
        dialog.choose(activity)
        counts.append(dialog.count.text())

    monkeypatch.setattr(honour_forms.FromActivityDialog, "exec",
                        lambda self: (self.show(), choose(self), self.save_button().click(), self.result())[-1])
    first = page.from_activity()
    assert counts[0] in ("2 result(s) of “教工羽毛球赛” count as honours.",  # 第一, 第二名; not 第五名
                         "“教工羽毛球赛”有2项成绩可记为荣誉。")
    assert (len(first.created), first.existing) == (2, 0)
    assert boxes.infos[-1] in ("2 new, 0 already in the register.", "新增2条，已有0条")
    assert page.model.rowCount() == 2
    titles = sorted(h.title for h in page.model.records)
    assert titles == ["教工羽毛球赛 女子单打 第一名", "教工羽毛球赛 女子单打 第二名"]

    second = page.from_activity()
    assert counts[1] in ("2 result(s) of “教工羽毛球赛” count as honours. 2 of them are in the register already.",
                         "“教工羽毛球赛”有2项成绩可记为荣誉。 其中2项已在荣誉台账中。")
    assert (len(second.created), second.existing) == (0, 2)
    assert boxes.infos[-1] in ("0 new, 2 already in the register.", "新增0条，已有2条")
    assert page.model.rowCount() == 2 and Honour.select().count() == 2


def test_an_honour_entered_by_hand_for_a_group_lists_its_members(qtbot, people, boxes):
    from union_desk.ui.honours.honour_forms import HonourForm

    form = shown(qtbot, HonourForm(None, YEAR))
    form.title.setText("先进教工小家")
    form.level.setCurrentText("区")
    form.body_edit.setText("区教育工会")
    form.to_group.setChecked(True)
    assert not form.picker.isEnabled() and form.listed.isVisible()
    form.group.setCurrentText("语文组")
    names = [form.listed.item(i).text().split("\u3000")[0] for i in range(form.listed.count())]
    assert sorted(names) == ["李芳", "赵敏"]
    from PySide6.QtCore import Qt

    form.listed.item(names.index("李芳")).setCheckState(Qt.CheckState.Checked)
    form.save_button().click()
    assert form.result() == QDialog.DialogCode.Accepted
    group = Honour.get(Honour.group_name == "语文组")
    assert (group.title, group.level, group.awarding_body, group.source) == ("先进教工小家", "区", "区教育工会", "录入")
    child = Honour.get(Honour.parent == group)
    assert child.member_id == people["李芳"].id


def test_the_register_filters_by_level_and_text(qtbot, people, boxes):
    from union_desk.ui.honours.register_page import RegisterPage

    honours.add_honour({"year": YEAR, "title": "区优秀班主任", "level": "区", "member": people["李芳"]})
    honours.add_honour({"year": YEAR, "title": "市师德标兵", "level": "市", "member": people["陈静"]})
    page = shown(qtbot, RegisterPage())
    page.year = YEAR
    page.refresh()
    assert page.model.rowCount() == 2
    page.level.setCurrentIndex(page.level.findData("市"))
    assert [h.title for h in page.model.records] == ["市师德标兵"]
    page.level.setCurrentIndex(0)
    page.search.setText("李芳")
    page.refresh()
    assert [h.title for h in page.model.records] == ["区优秀班主任"]


# --- the certificate template ---------------------------------------------------------------------


def dark_pixels(image) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if QColor(image.pixel(x, y)).lightness() < 100:
                count += 1
    return count


def test_the_template_editor_previews_saves_an_edit_and_refuses_a_bad_field(qtbot, hdb, boxes):
    from union_desk.domain import honours as rules
    from union_desk.ui.honours.certificate_editor import CertificateTemplateDialog

    dialog = shown(qtbot, CertificateTemplateDialog())
    assert dialog.table.rowCount() == len(rules.default_template().fields)
    assert dialog.preset.currentText() == "A4 横向"
    image = dialog.preview_image
    assert not image.isNull() and image.width() > image.height()  # landscape
    assert dark_pixels(image) > 50  # the text is drawn
    before = dark_pixels(image)

    dialog.table.item(0, dialog.TEXT).setText("{姓名}同志荣誉证书")
    dialog.table.cellWidget(0, dialog.SIZE).setValue(48)
    assert dialog._timer.isActive()  # redrawn shortly after the edit
    dialog.update_preview()
    assert dark_pixels(dialog.preview_image) > before

    dialog.height_mm.setValue(200)
    assert dialog.preset.currentText() == "自定义"
    dialog.offset_x.setValue(-5)
    dialog.save_button().click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = honours.certificate_template()
    assert saved.fields[0].text == "{姓名}同志荣誉证书" and saved.fields[0].size == 48
    assert (saved.height_mm, saved.offset_x_mm) == (200, -5)

    again = shown(qtbot, CertificateTemplateDialog())
    assert again.table.item(0, again.TEXT).text() == "{姓名}同志荣誉证书"
    again.table.item(1, again.TEXT).setText("{职务} 同志")
    again.save_button().click()
    assert again.isVisible() and again.result() != QDialog.DialogCode.Accepted
    assert "第2行有未知的填充项：{职务}" in again.error.text()
    assert honours.certificate_template().fields[1].text == rules.default_template().fields[1].text

    again.restore_default()
    assert again.template().fields == rules.default_template().fields
    assert (again.template().width_mm, again.template().height_mm) == (297, 210)


def test_the_preview_says_why_when_the_paper_is_impossible(qtbot, hdb, boxes):
    from union_desk.ui.honours.certificate_editor import CertificateTemplateDialog

    dialog = shown(qtbot, CertificateTemplateDialog())
    dialog.table.setRowCount(0)
    dialog.update_preview()
    assert not dialog.preview_image.isNull()  # an empty certificate still renders
    dialog.save_button().click()
    assert dialog.error.text() == "证书模板至少要有一行文字"


# --- award types ---------------------------------------------------------------------------------------


def test_award_types_dialog_saves_eligibility(qtbot, hdb, boxes):
    from union_desk.ui.honours.award_types_dialog import AwardTypesDialog

    dialog = shown(qtbot, AwardTypesDialog())
    assert dialog.model.rowCount() == len(honours.award_types(active_only=False))
    dialog.new_award()
    dialog.name.setText("优秀青年教师")
    dialog.level.setCurrentText("校")
    dialog.max_age.setValue(35)
    dialog.role_boxes["工会小组长"].setChecked(False)
    dialog.quota.setValue(4)
    assert dialog.save()
    award = honours.award_by_name("优秀青年教师")
    assert (award.max_age, award.min_age, award.default_quota, award.eligible_statuses) == (35, None, 4, "在职")
    assert honours.award_eligibility_text(award) == "在职；35岁及以下"
    dialog.new_award()
    dialog.name.setText("三八红旗手")
    assert not dialog.save()
    assert "已经存在" in dialog.error.text()


# --- the member form's tab, 首页, the page --------------------------------------------------------------


def test_member_panel_lists_honours_and_nominations(qtbot, people, boxes):
    from union_desk.ui.honours.member_panel import MemberHonoursPanel

    award_round = red_flag_round(notice_start=TODAY - dt.timedelta(days=9), notice_end=TODAY - dt.timedelta(days=2))
    n, _w = honours.nominate(award_round, {"member": people["李芳"]})
    honours.update_nomination(n, {"result": "当选"})
    honours.decide_round(award_round, TODAY)
    honours.add_honour({"year": YEAR - 1, "title": "区优秀班主任", "level": "区", "awarding_body": "区教育局",
                        "member": people["李芳"]})
    panel = shown(qtbot, MemberHonoursPanel(people["李芳"]))
    model = panel.honours_model
    cells = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert cells == [
        [str(YEAR), "三八红旗手", "校", honours.school_union(), "评选"],
        [str(YEAR - 1), "区优秀班主任", "区", "区教育局", "录入"],
    ]
    nominations = panel.nominations_model
    assert [nominations.data(nominations.index(0, c)) for c in range(3)] == [str(YEAR), "三八红旗手", "当选"]
    panel.set_member(people["王强"])
    assert model.rowCount() == 0 and nominations.rowCount() == 0


def test_home_lists_rounds_needing_action(hdb, people):
    from union_desk.ui.home.parts import HomeContext
    from union_desk.ui.honours.home import home_parts

    context = HomeContext(TODAY, None)
    assert home_parts(context)[0].lines == []
    closing = red_flag_round(nomination_deadline=TODAY + dt.timedelta(days=5))
    far = honours.save_round({"award_type": honours.award_by_name("巾帼标兵"), "year": YEAR,
                              "nomination_deadline": TODAY + dt.timedelta(days=40)})
    over = honours.save_round({"award_type": honours.award_by_name("优秀教职工"), "year": YEAR,
                               "notice_start": TODAY - dt.timedelta(days=8), "notice_end": TODAY - dt.timedelta(days=1)})
    decided = honours.save_round({"award_type": honours.award_by_name("最美家庭"), "year": YEAR,
                                  "notice_start": TODAY - dt.timedelta(days=8), "notice_end": TODAY - dt.timedelta(days=1)})
    honours.decide_round(decided, TODAY)
    part = home_parts(context)[0]
    assert part.kind == "award_round"
    assert [r.id for r in part.records] == [over.id, closing.id]
    assert "尚未表彰" in part.lines[0] and over.title in part.lines[0]
    assert f"推荐{closing.nomination_deadline:%m-%d}截止" in part.lines[1]
    assert far.id not in [r.id for r in part.records]


def test_the_tab_opens_a_round_and_an_honour(qtbot, people, boxes):
    from union_desk.ui.honours.tab import HonoursTab

    old = red_flag_round(YEAR - 2)
    honour = honours.add_honour({"year": YEAR - 1, "title": "区优秀班主任", "level": "区", "member": people["李芳"]})
    tab = shown(qtbot, HonoursTab())
    assert tab.year() == YEAR
    tab.open_record("award_round", old)
    assert tab.year() == YEAR - 2 and tab.tabs.currentWidget() is tab.rounds
    assert tab.rounds.selected().id == old.id
    tab.open_record("honour", honour)
    assert tab.year() == YEAR - 1 and tab.tabs.currentWidget() is tab.register
    assert [h.id for h in tab.register.selected_honours()] == [honour.id]
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(0))  # all years
    assert tab.year() is None and tab.register.model.rowCount() == 1
    tab.tabs.setCurrentWidget(tab.rounds)
    assert [r.round.id for r in tab.rounds.model.records] == [old.id]


# --- printing --------------------------------------------------------------------------------------------


def test_the_print_buttons_write_their_pdfs(qtbot, people, boxes, monkeypatch, tmp_path):
    """Each button hands print_pdf a writer of the right printout (run here instead of the preview)."""
    from union_desk.ui.hardship import print_actions
    from union_desk.ui.honours.register_page import RegisterPage
    from union_desk.ui.honours.rounds_page import RoundsPage

    written = []

    def fake_print_pdf(parent, title, default_name, write, on_done=None):
        path = tmp_path / f"{len(written)}.pdf"
        written.append((title, default_name, write(path)))

    monkeypatch.setattr(print_actions, "print_pdf", fake_print_pdf)
    award_round = red_flag_round(notice_start=TODAY - dt.timedelta(days=9), notice_end=TODAY - dt.timedelta(days=2),
                                 contact="工会办公室")
    for name in ("李芳", "陈静", "赵敏"):
        n, _w = honours.nominate(award_round, {"member": people[name], "deeds": "事迹"})
        honours.update_nomination(n, {"result": "当选" if name != "赵敏" else "未当选"})
    page = shown(qtbot, RoundsPage())
    page.refresh()
    page.select(award_round.id)
    assert not page.certificates_button.isEnabled()  # not decided yet
    page.print_forms()
    page.print_notice()
    page.decide(TODAY)
    page.print_roll()
    page.print_certificates()
    page.nomination_view.selectRow(0)
    page.print_forms()  # the selected nomination only
    pages = [result.pages for _t, _n, result in written]
    assert [n for _t, n, _r in written] == [f"推荐表-{award_round.title}", f"公示-{award_round.title}",
                                            f"表彰名单-{award_round.title}", f"证书-{award_round.title}",
                                            f"推荐表-{award_round.title}"]
    assert pages[0] == 3 and pages[3] == 2 and pages[4] == 1  # one page per nominee / certificate

    register = shown(qtbot, RegisterPage())
    register.refresh()
    register.view.selectAll()
    register.print_certificates()
    assert written[-1][2].pages == 2


def test_a_round_keeps_the_usual_title_in_step_with_its_year(qtbot, hdb, boxes):
    from union_desk.ui.honours.round_forms import RoundForm

    form = shown(qtbot, RoundForm(None, YEAR))
    form.award.setCurrentIndex(form.award.findData(honours.award_by_name("巾帼标兵").id))
    assert form.quota.value() == 2  # the award's default quota
    form.notice_start.setText(f"{YEAR}-03-02")
    form.notice_end.setText(f"{YEAR}-03-01")
    form.save_button().click()
    assert form.error.text() == "公示结束日期早于开始日期" and AwardRound.select().count() == 0
    form.notice_end.setText(f"{YEAR}-03-06")
    form.save_button().click()
    saved = AwardRound.get()
    assert (saved.title, saved.quota, saved.notice_end) == (f"{YEAR}年校级巾帼标兵", 2, dt.date(YEAR, 3, 6))

    again = shown(qtbot, RoundForm(saved))
    assert again.title.text() == "" and again.title.placeholderText() == saved.title
    again.year.setValue(YEAR + 1)
    again.quota.setValue(0)
    again.save_button().click()
    saved = AwardRound.get()
    assert (saved.title, saved.year, saved.quota) == (f"{YEAR + 1}年校级巾帼标兵", YEAR + 1, None)


def test_the_file_menu_opens_award_types_and_the_certificate_template(qtbot, hdb, db_path, monkeypatch):
    from PySide6.QtGui import QAction

    from union_desk.ui.honours.award_types_dialog import AwardTypesDialog
    from union_desk.ui.honours.certificate_editor import CertificateTemplateDialog
    from union_desk.ui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(AwardTypesDialog, "exec", lambda self: opened.append("award types") or 0)
    monkeypatch.setattr(CertificateTemplateDialog, "exec", lambda self: opened.append("template") or 0)
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    actions = {a.text(): a for a in window.findChildren(QAction)}
    for label in (("&Award types…", "奖项设置(&A)…"), ("&Certificate template…", "证书模板(&C)…")):
        action = actions.get(label[0]) or actions.get(label[1])
        assert action is not None, label
        action.trigger()
    assert opened == ["award types", "template"]
