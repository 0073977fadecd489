"""会议记录台账, 来信来访登记台账 and 合理化建议台账 (issue 17): cells, styles and formats of the
export; names hidden by the privacy option (匿名 always 匿名); the way back into an empty database
(roster first) reproducing meetings with their decisions and absences, letters and suggestions;
importing twice adds nothing; rows that cannot be imported are reported with their row number."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import ledger_checks as lc
import openpyxl
import pytest

from union_desk.db.meeting_models import Letter, Meeting, Suggestion, SuggestionCampaign
from union_desk.domain import meetings as rules
from union_desk.imports.common import ERROR, NEW, SAME
from union_desk.imports.records import import_ledger, preview_ledger
from union_desk.ledgers import meeting_ledger as ml
from union_desk.ledgers.period import LedgerPeriod
from union_desk.services import members
from union_desk.services import meetings as s
from union_desk.services import settings


YEAR = 2026
PERIOD = LedgerPeriod.year(YEAR)
MADE_ON = dt.date(2026, 12, 5)

MEETING_HEADERS = ["序号", "日期", "会议类别", "地点", "主持人", "记录人", "应到", "实到", "缺席及原因", "议题", "决定事项", "备注"]
LETTER_HEADERS = ["序号", "编号", "日期", "渠道", "反映人", "联系方式", "反映事项", "类别", "转办部门", "答复期限", "答复情况",
                  "答复日期", "是否办结", "备注"]
SUGGESTION_HEADERS = ["序号", "日期", "征集活动", "建议人", "建议名称", "建议内容", "类别", "采纳情况", "实施结果", "备注"]


# --- the area (until it is in INSTALLED) and a small school ---------------------------------------------


@pytest.fixture
def school(db):
    settings.save({"school_name": "红星中学", "chair": "王芳"})
    people = {}
    for name, dept, roles in (("王芳", "语文组", "工会委员,经审委员"), ("李强", "数学组", "工会委员"), ("张伟", "英语组", "工会委员"),
                              ("刘洋", "体育组", "工会委员"), ("陈静", "语文组", "工会委员,女工委员"), ("赵磊", "数学组", ""),
                              ("黄丽", "总务处", "")):
        people[name] = members.create_member({"name": name, "sex": "女", "department": dept, "union_roles": roles,
                                              "phone": "13800000000"})
    committee = s.kind_by_name("工会委员会")
    m1 = s.save_meeting({"kind": committee, "date": "2026-03-10", "time": "15:30", "place": "三楼会议室", "chair": "王芳",
                         "recorder": "李强", "topics": "传达区工会工作要点\n讨论三八节活动方案",
                         "minutes": "王芳传达了区工会工作要点。\n委员讨论了三八节活动方案，同意组织健步走。"})
    s.mark_attendance(m1, [people["张伟"].id], "请假", "病假")
    s.mark_attendance(m1, [people["刘洋"].id], "缺席")
    s.add_decision(m1, {"text": "组织三八节健步走", "owner": "陈静", "due_date": "2026-03-15", "state": "已办",
                        "done_date": "2026-03-14"})
    s.add_decision(m1, {"text": "修订（草案）经费使用办法", "owner": "王芳", "due_date": "2026-06-30", "state": "在办"})
    s.add_decision(m1, {"text": "摸底困难职工"})
    m2 = s.save_meeting({"kind": committee, "date": "2026-06-18", "place": "会议室", "chair": "王芳", "recorder": "李强",
                         "topics": "提案办理情况", "notes": "补充通知"})
    m3 = s.save_meeting({"kind": s.kind_by_name("全体会员大会"), "date": "2026-09-10", "place": "报告厅", "chair": "王芳",
                         "recorder": "陈静", "topics": "年度工作报告"})
    letters = [
        s.save_letter({"date": "2026-04-01", "channel": "信箱", "person_kind": "匿名", "person_name": "某某", "contact": "139",
                       "matter": "食堂饭菜偏咸", "category": "福利保障"}),
        s.save_letter({"date": "2026-04-02", "channel": "来访", "person_kind": "会员", "member": people["赵磊"],
                       "contact": "13912345678", "matter": "职称评审程序", "category": "工资待遇", "referred_to": "人事处",
                       "reply": "已当面答复", "reply_date": "2026-04-08", "closed": True}),
        s.save_letter({"date": "2026-05-06", "channel": "电话", "person_kind": "非会员", "person_name": "周家长",
                       "contact": "0571-88886666", "matter": "校门口停车", "category": "其他", "notes": "转总务处"}),
    ]
    campaign = s.save_campaign({"title": "2026年金点子征集", "start_date": "2026-03-01", "end_date": "2026-04-30"})
    suggestions = [
        s.save_suggestion({"date": "2026-03-05", "member": people["黄丽"], "title": "办公室节电", "content": "下班关灯\n空调定温",
                           "category": "节能降耗", "campaign": campaign, "adoption": "采纳", "result": "已张贴提示"}),
        s.save_suggestion({"date": "2026-07-02", "proposer": "外聘教师孙某", "title": "增设饮水机", "category": "后勤保障"}),
    ]
    return SimpleNamespace(people=people, meetings=[m1, m2, m3], letters=letters, suggestions=suggestions, campaign=campaign)


def export(kind: str, folder, **more):
    """One ledger of 2026 exported and reopened: (file, worksheet)."""
    path, ws, _ = lc.export_for(kind, PERIOD, folder, today=MADE_ON, **more)
    return path, ws


def headers(ws, row: int = 3) -> list[str]:
    return [ws.cell(row, c).value for c in range(1, ws.max_column + 1) if ws.cell(row, c).value]


def cell(ws, row: int, header: str):
    return ws.cell(row, lc.header_map(ws)[header])


# --- parsing the cells back -------------------------------------------------------------------------------


def test_decisions_cell_reads_back():
    text = ("1. 组织三八节健步走（责任人：陈静，期限：2026-03-15，已办，完成：2026-03-14）\n"
            "2. 修订（草案）经费使用办法（责任人：王芳，期限：2026-06-30，在办）\n3. 摸底困难职工（未办）\n4. 写在两行的\n决定")
    parsed = ml.parse_decisions(text)
    assert parsed == [
        {"text": "组织三八节健步走", "owner": "陈静", "due_date": dt.date(2026, 3, 15), "state": "已办", "done_date": dt.date(2026, 3, 14)},
        {"text": "修订（草案）经费使用办法", "owner": "王芳", "due_date": dt.date(2026, 6, 30), "state": "在办", "done_date": None},
        {"text": "摸底困难职工", "owner": "", "due_date": None, "state": "未办", "done_date": None},
        {"text": "写在两行的决定", "owner": "", "due_date": None, "state": "未办", "done_date": None},
    ]
    # a note in brackets that is not 责任人/期限/状态 stays part of the decision
    assert ml.parse_decisions("1. 成立工会小组（语文组）")[0]["text"] == "成立工会小组（语文组）"


def test_absent_cell_reads_back():
    assert ml.parse_absent("张伟（病假）、刘洋（缺席）、李强（请假）、赵磊（外出培训）") == [
        ("张伟", "请假", "病假"), ("刘洋", "缺席", ""), ("李强", "请假", ""), ("赵磊", "请假", "外出培训")]
    assert ml.parse_absent("王芳（无故缺席）、陈静") == [("王芳", "缺席", "无故缺席"), ("陈静", "缺席", "")]
    assert ml.parse_absent("无") == []


# --- the exports ------------------------------------------------------------------------------------------


def test_meetings_ledger_cells_styles_and_formats(tmp_path, school):
    _, ws = export("meetings", tmp_path)
    assert ws.cell(1, 1).value == "红星中学会议记录台账（2026年度）"
    assert headers(ws) == MEETING_HEADERS
    lc.assert_printable(ws)
    assert cell(ws, 4, "日期").value == dt.datetime(2026, 3, 10) and cell(ws, 4, "日期").number_format == "yyyy-mm-dd"
    assert cell(ws, 4, "会议类别").value == "工会委员会"
    assert (cell(ws, 4, "应到").value, cell(ws, 4, "实到").value) == (5, 3)
    assert cell(ws, 4, "应到").number_format == "0"
    assert cell(ws, 4, "缺席及原因").value == "刘洋（缺席）、张伟（请假：病假）"  # by department (体育组, 英语组)
    assert cell(ws, 4, "议题").value == "1. 传达区工会工作要点\n2. 讨论三八节活动方案"
    decisions = cell(ws, 4, "决定事项")
    assert decisions.value.splitlines() == [
        "1. 组织三八节健步走（责任人：陈静，期限：2026-03-15，已办，完成：2026-03-14）",
        "2. 修订（草案）经费使用办法（责任人：王芳，期限：2026-06-30，在办）",
        "3. 摸底困难职工（未办）",
    ]
    assert decisions.alignment.wrap_text
    assert cell(ws, 5, "备注").value == "补充通知"
    assert cell(ws, 6, "会议类别").value == "全体会员大会"
    assert "共 3 次会议" in ws.cell(2, 1).value and "决定事项 3 条" in ws.cell(2, 1).value
    total = lc.find_row(ws, "合计")
    assert total == 7 and cell(ws, total, "应到").value == 5 + 5 + 7
    assert lc.find_row(ws, "按会议类别汇总")
    # the minutes and the time go only into a full export (for the way back)
    _, full = export("meetings", tmp_path, all_columns=True)
    assert cell(full, 4, "会议记录").value == "王芳传达了区工会工作要点。\n委员讨论了三八节活动方案，同意组织健步走。"
    assert cell(full, 4, "时间").value == "15:30"


def test_letters_ledger_cells_and_formats(tmp_path, school):
    _, ws = export("letters", tmp_path)
    assert headers(ws) == LETTER_HEADERS
    lc.assert_printable(ws)
    assert [cell(ws, r, "编号").value for r in (4, 5, 6)] == ["XF2026-001", "XF2026-002", "XF2026-003"]
    assert cell(ws, 5, "反映人").value == "赵磊"
    assert cell(ws, 5, "联系方式").value == "13912345678" and cell(ws, 5, "联系方式").number_format == "@"
    assert cell(ws, 5, "答复日期").value == dt.datetime(2026, 4, 8) and cell(ws, 5, "答复日期").number_format == "yyyy-mm-dd"
    assert cell(ws, 5, "答复期限").value == dt.datetime(2026, 4, 17)  # 15 days: the default setting
    assert (cell(ws, 5, "是否办结").value, cell(ws, 4, "是否办结").value) == ("是", "否")
    assert cell(ws, 6, "反映人").value == "周家长" and cell(ws, 6, "备注").value == "转总务处"
    assert "共 3 件" in ws.cell(2, 1).value and "已办结 1 件" in ws.cell(2, 1).value


def test_anonymous_stays_anonymous_and_names_hide_with_the_privacy_option(tmp_path, school):
    _, shown = export("letters", tmp_path)
    assert [cell(shown, r, "反映人").value for r in (4, 5, 6)] == ["匿名", "赵磊", "周家长"]
    assert cell(shown, 4, "联系方式").value is None  # the anonymous keep no contact
    assert "隐去" not in shown.cell(2, 1).value

    settings.save({"letters_hide_names": "1"})
    assert s.hide_names_by_default()
    path, hidden = export("letters", tmp_path)
    assert [cell(hidden, r, "反映人").value for r in (4, 5, 6)] == ["匿名", rules.HIDDEN, rules.HIDDEN]
    assert [cell(hidden, r, "联系方式").value for r in (4, 5, 6)] == [None, None, None]
    assert "隐去反映人姓名" in hidden.cell(2, 1).value
    # no name is anywhere in the file, not even in a column left off paper
    everything = " ".join(str(v) for row in hidden.iter_rows(values_only=True) for v in row if v)
    assert "赵磊" not in everything and "周家长" not in everything and "13912345678" not in everything
    _, full = export("letters", tmp_path, all_columns=True)
    assert "赵磊" not in " ".join(str(v) for row in full.iter_rows(values_only=True) for v in row if v)

    # an export's own choice, when its options carry one, wins over the setting
    letter = school.letters[1]
    assert ml.hidden(letter, SimpleNamespace(hide_names=False)) is False
    assert ml._person(letter, SimpleNamespace(hide_names=False)) == "赵磊"
    assert ml._person(school.letters[0], SimpleNamespace(hide_names=False)) == "匿名"
    assert ml._person(letter, SimpleNamespace(hide_names=True)) == rules.HIDDEN


def test_suggestions_ledger_cells(tmp_path, school):
    _, ws = export("suggestions", tmp_path)
    assert headers(ws) == SUGGESTION_HEADERS
    lc.assert_printable(ws)
    assert cell(ws, 4, "征集活动").value == "2026年金点子征集"
    assert cell(ws, 4, "建议人").value == "黄丽"
    assert cell(ws, 4, "建议内容").value == "下班关灯\n空调定温" and cell(ws, 4, "建议内容").alignment.wrap_text
    assert cell(ws, 4, "采纳情况").value == "采纳" and cell(ws, 4, "实施结果").value == "已张贴提示"
    assert cell(ws, 5, "建议人").value == "外聘教师孙某" and cell(ws, 5, "征集活动").value is None
    assert cell(ws, 4, "日期").number_format == "yyyy-mm-dd"
    assert "共 2 条建议" in ws.cell(2, 1).value


# --- the way back -----------------------------------------------------------------------------------------


def snapshot() -> dict:
    meetings = []
    for m in Meeting.select().order_by(Meeting.date, Meeting.id):
        figures = s.attendance_figures(m)
        meetings.append((m.kind.name, m.date, m.time, m.place, m.chair, m.recorder, m.topics, m.minutes, m.notes,
                         figures.expected, figures.present, figures.leave, figures.absent, figures.absent_text,
                         [(d.text, d.owner, d.due_date, d.state, d.done_date) for d in s.decisions_of(m)]))
    letters = [(x.serial, x.date, x.channel, x.person_kind, x.member.name if x.member_id else None, x.person_name, x.contact,
                x.matter, x.category, x.referred_to, x.due_date, x.reply, x.reply_date, x.closed, x.notes)
               for x in Letter.select().order_by(Letter.serial)]
    suggestions = [(x.date, x.title, x.proposer, x.member.name if x.member_id else None,
                    (x.campaign.title, x.campaign.start_date, x.campaign.end_date) if x.campaign_id else None,
                    x.content, x.category, x.adoption, x.result, x.notes)
                   for x in Suggestion.select().order_by(Suggestion.date, Suggestion.id)]
    return {"meetings": meetings, "letters": letters, "suggestions": suggestions}


def export_for_moving(folder) -> dict:
    files = {"members": export("members", folder, all_columns=True, full_id=True)[0]}
    for kind in ("meetings", "letters", "suggestions"):
        files[kind] = export(kind, folder, all_columns=True)[0]
    return files


def move_to_empty(folder, files) -> None:
    lc.switch_to_empty(folder / "new" / "union_desk.sqlite")
    assert Meeting.select().count() == 0
    lc.import_roster(files["members"])


def test_round_trip_into_an_empty_database_and_twice_adds_nothing(tmp_path, school):
    before = snapshot()
    files = export_for_moving(tmp_path)
    move_to_empty(tmp_path, files)
    for kind, count in (("meetings", 3), ("letters", 3), ("suggestions", 2)):
        report = import_ledger(kind, files[kind])
        assert (report.added, report.updated, report.error_rows) == (count, 0, 0), (kind, [i.text() for i in report.errors])
    assert snapshot() == before
    assert SuggestionCampaign.select().count() == 1
    # the letter counter moved past the imported numbers
    assert s.save_letter({"date": "2026-10-01", "person_kind": "匿名", "matter": "新的"}).serial == "XF2026-004"
    Letter.delete().where(Letter.serial == "XF2026-004").execute()
    for kind, count in (("meetings", 3), ("letters", 3), ("suggestions", 2)):
        again = import_ledger(kind, files[kind])
        assert (again.added, again.updated, again.unchanged, again.error_rows) == (0, 0, count, 0), kind
    assert snapshot() == before


def test_the_printed_columns_bring_back_the_meetings_without_minutes(tmp_path, school):
    """The default (printable) ledger has no 会议记录 column: kind, date, topics, absences and decisions come back."""
    before = [m[:2] + m[3:7] + m[8:] for m in snapshot()["meetings"]]
    roster = export("members", tmp_path, all_columns=True, full_id=True)[0]
    printed = export("meetings", tmp_path)[0]
    move_to_empty(tmp_path, {"members": roster})
    report = import_ledger("meetings", printed)
    assert (report.added, report.error_rows) == (3, 0)
    assert [m[:2] + m[3:7] + m[8:] for m in snapshot()["meetings"]] == before


def test_a_changed_decision_state_is_an_update(tmp_path, school):
    path, _ = export("meetings", tmp_path)
    workbook = openpyxl.load_workbook(path)
    ws = workbook.active
    c = cell(ws, 4, "决定事项")
    c.value = c.value.replace("3. 摸底困难职工（未办）", "3. 摸底困难职工（责任人：张伟，在办）")
    workbook.save(path)
    report = import_ledger("meetings", path)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    decision = s.decisions_of(school.meetings[0])[2]
    assert (decision.owner, decision.state) == ("张伟", "在办")


def edited(kind: str, folder, edits: dict, **more):
    path, _ = export(kind, folder, **more)
    workbook = openpyxl.load_workbook(path)
    ws = workbook.active
    for (row, header), value in edits.items():
        cell(ws, row, header).value = value
    workbook.save(path)
    return path


def test_an_unknown_meeting_kind_is_reported_with_its_row(tmp_path, school):
    path = edited("meetings", tmp_path, {(5, "会议类别"): "年级组长会"})
    preview = preview_ledger("meetings", path)
    rows = {r.row: r for r in preview.rows}
    assert rows[5].action == ERROR
    assert "没有名为“年级组长会”的会议类别" in rows[5].errors[0].message and rows[5].errors[0].column == "会议类别"
    assert rows[4].action == SAME and rows[6].action == SAME
    report = import_ledger("meetings", path)
    assert [i.row for i in report.errors] == [5] and Meeting.select().count() == 3


def test_a_hidden_name_cannot_be_imported_as_a_new_letter(tmp_path, school):
    settings.save({"letters_hide_names": "1"})
    path, _ = export("letters", tmp_path)
    # the same database: the letters are found by their numbers, the hidden names left alone
    assert {r.action for r in preview_ledger("letters", path).rows} == {SAME}
    roster = export("members", tmp_path, all_columns=True, full_id=True)[0]
    move_to_empty(tmp_path, {"members": roster})
    rows = {r.row: r for r in preview_ledger("letters", path).rows}
    assert rows[4].action == NEW  # 匿名 is 匿名 either way
    for row in (5, 6):
        assert rows[row].action == ERROR
        message = rows[row].errors[0].message
        assert rules.HIDDEN in message and "隐去姓名" in message and "重新导出" in message


def test_a_member_letter_of_an_unknown_person_is_reported_with_its_row(tmp_path, school):
    path = edited("letters", tmp_path, {(5, "反映人"): "无名氏"}, all_columns=True)
    rows = {r.row: r for r in preview_ledger("letters", path).rows}
    assert rows[5].action == ERROR and "反映人“无名氏”" in rows[5].errors[0].message
    assert "找不到这名会员" in rows[5].errors[0].message


def test_a_suggestion_of_a_non_member_keeps_the_name_and_a_campaign_is_made(tmp_path, school):
    path = edited("suggestions", tmp_path, {(4, "征集活动"): "2026年节能金点子"}, all_columns=True)
    preview = preview_ledger("suggestions", path)
    rows = {r.row: r for r in preview.rows}
    assert any("将新增" in w.message for w in rows[4].warnings)
    report = import_ledger("suggestions", path)
    assert report.updated == 1 and report.error_rows == 0
    made = s.campaign_by_title("2026年节能金点子")
    assert made is not None and made.start_date == dt.date(2026, 3, 1)  # the dates of the exported campaign
    assert Suggestion.get(Suggestion.title == "办公室节电").campaign_id == made.id
    stranger = Suggestion.get(Suggestion.title == "增设饮水机")
    assert stranger.member_id is None and stranger.proposer == "外聘教师孙某"


def test_a_corrected_topic_or_title_is_new_but_says_so(tmp_path, school):
    path = edited("meetings", tmp_path, {(4, "议题"): "1. 改过的议题"})
    row = {r.row: r for r in preview_ledger("meetings", path).rows}[4]
    assert row.action == NEW and any("议题与表格中不同" in i.message and i.level == "warning" for i in row.issues)
    path = edited("suggestions", tmp_path, {(4, "建议名称"): "改过的建议名称"})
    row = {r.row: r for r in preview_ledger("suggestions", path).rows}[4]
    assert row.action == NEW and any("名称与表格中不同" in i.message for i in row.issues)
