"""评优推荐汇总表 and 表彰台账 (issue 18): cells, styles and formats of the export, the summaries
under the tables; the way back into an empty database (roster first, then the activity ledgers,
the nominations, the register) reproducing the register — holders, titles, levels, years, sources,
group honours with their members — and the nominations; twice adds nothing; unknown members,
unknown awards and ineligible members reported with their row numbers; 评选 / 活动 rows whose
source is not there kept as 录入 with a note; honours from 评选 not changed by a sheet."""

from __future__ import annotations

import datetime as dt

import ledger_checks as lc
import openpyxl
import pytest

from union_desk.db.honour_models import AwardRound, Honour, Nomination
from union_desk.db.models import Member
from union_desk.imports.common import ERROR, NEW, SAME, UPDATE
from union_desk.imports.records import apply_ledger, import_ledger, preview_ledger
from union_desk.ledgers import honour_ledger as hl
from union_desk.ledgers.period import LedgerPeriod
from union_desk.services import honours, settings

ALL = LedgerPeriod.between(dt.date(2000, 1, 1), dt.date(2099, 12, 31))
YEAR = lc.TODAY.year
NOMINATION_HEADERS = ["序号", "姓名", "性别", "出生年月", "部门", "职务/职称", "推荐单位", "奖项", "级别", "票数", "结果",
                      "上报级别", "上级评选结果", "年度", "备注"]
HONOUR_HEADERS = ["序号", "年度", "荣誉名称", "级别", "授予单位", "获得者", "部门", "类别", "来源", "获得日期", "备注"]


def _staff(**where) -> list[Member]:
    query = Member.select().where(Member.status == "在职")
    for key, value in where.items():
        query = query.where(getattr(Member, key) == value)
    return list(query.order_by(Member.id))


@pytest.fixture
def school(demo_db):
    """The demo school's rounds and honours, plus: a decided 先进教工小家 round (a group honour from
    评选), a decided 最美家庭 round (家庭), an undecided 优秀教职工 round (待定), a group honour
    entered by hand with two members listed, and a personal honour entered by hand."""
    assert AwardRound.select().count() >= 3 and Honour.select().where(Honour.source == "活动").exists()
    # The 授予单位 that rounds and activity results give is the union's name setting at the time
    # (`services.honours.school_union`); the setting is kept what the demo's honours say, as in a
    # chair's database.
    made_as = {h.awarding_body for h in Honour.select().where(Honour.source == "活动")}
    assert len(made_as) == 1
    settings.save({"union_name": made_as.pop()})
    men = _staff(sex="男")
    women = _staff(sex="女")
    home = honours.save_round({"award_type": honours.award_by_name("先进教工小家"), "year": YEAR - 1,
                               "nomination_deadline": dt.date(YEAR - 1, 10, 1), "notice_start": dt.date(YEAR - 1, 10, 8),
                               "notice_end": dt.date(YEAR - 1, 10, 12), "quota": 1, "contact": "工会办公室 8123"})
    nomination, _ = honours.nominate(home, {"group_name": "语文小组", "nominated_by": "语文组", "deeds": "小组活动丰富"})
    honours.update_nomination(nomination, {"votes": 30, "result": "上报", "sent_level": "区"})
    honours.update_nomination(nomination, {"upward_outcome": "获评"})
    other, _ = honours.nominate(home, {"group_name": "数学小组"})
    honours.update_nomination(other, {"votes": 12, "result": "未当选"})
    honours.decide_round(home, dt.date(YEAR - 1, 10, 20))
    family = honours.save_round({"award_type": honours.award_by_name("最美家庭"), "year": YEAR - 1})
    nomination, _ = honours.nominate(family, {"member": men[0], "deeds": "家庭和睦"})
    honours.update_nomination(nomination, {"votes": 25, "result": "当选"})
    honours.decide_round(family, dt.date(YEAR - 1, 6, 1))
    pending = honours.save_round({"award_type": honours.award_by_name("优秀教职工"), "year": YEAR,
                                  "nomination_deadline": dt.date(YEAR, 12, 20)})
    honours.nominate(pending, {"member": men[1], "nominated_by": "数学组", "notes": "=SUM(A1)"})
    group = honours.add_honour({"title": "区先进工会小组", "level": "区", "year": YEAR, "awarding_body": "区教育工会",
                                "group_name": "英语小组", "date": dt.date(YEAR, 5, 4), "notes": "集体荣誉"},
                               listed_members=[women[0], women[1]])
    person = honours.add_honour({"title": "省优秀班主任", "level": "省", "year": YEAR, "awarding_body": "省教育厅",
                                 "member": men[2], "date": dt.date(YEAR, 9, 10)})
    return {"group": group, "person": person, "men": men, "women": women, "pending": pending, "home": home}


def _export(kind, folder, period=ALL, **more):
    return lc.export_for(kind, period, folder, **more)


_rows = lc.data_rows


def _who(member) -> tuple:
    return (member.name, member.department)


def honour_snapshot() -> dict:
    out = {}
    for h in Honour.select():
        holder = _who(h.member) if h.member_id else h.group_name
        out[(h.year, h.title, holder, h.parent.group_name if h.parent_id else "")] = (
            h.level, h.awarding_body, h.date, h.source, h.notes, bool(h.nomination_id), bool(h.signup_id or h.team_id))
    return out


def nomination_snapshot() -> dict:
    return {
        (n.award_round.title, _who(n.member) if n.member_id else n.group_name): (
            n.award_round.year, n.award_round.award_type.name, n.nominated_by, n.deeds, n.votes, n.result, n.sent_level,
            n.upward_outcome, n.notes, n.award_round.quota, n.award_round.nomination_deadline, n.award_round.notice_start,
            n.award_round.notice_end, n.award_round.decision_date, n.award_round.contact)
        for n in Nomination.select()
    }


# --- the sheets ----------------------------------------------------------------------------------------------


def test_nominations_sheet_cells_styles_and_summary(tmp_path, school):
    path, ws, count = _export("nominations", tmp_path)
    assert count == Nomination.select().count()
    assert ws["A1"].value.endswith("评优推荐汇总表（2000-01-01 至 2099-12-31）") and ws["A1"].font.b
    assert [ws.cell(3, c).value for c in range(1, 16)] == NOMINATION_HEADERS
    assert lc.printed_columns(ws) == 15  # the round-trip columns follow, outside the print area
    assert {"身份证号", "先进事迹", "评选名称", "评选名额", "表彰日期", "公示结束日期"} <= set(lc.header_map(ws))
    lc.assert_printable(ws)
    assert ws.cell(3, 2).fill.fgColor.rgb.endswith("F2F2F2")
    cols = lc.header_map(ws)
    rows = _rows(ws)
    assert len(rows) == count
    by_key = {(n.award_round.title, n.member.name if n.member_id else n.group_name): n for n in Nomination.select()}
    for r in rows:
        n = by_key[(r["评选名称"], r["姓名"])]
        award = n.award_round.award_type
        assert (r["奖项"], r["级别"], r["年度"]) == (award.name, award.level, n.award_round.year)
        assert r["结果"] == (n.result or "待定") and r["票数"] == n.votes
        assert r["推荐单位"] == (n.nominated_by or None)
        if n.member_id:
            m = n.member
            assert (r["性别"], r["部门"]) == (m.sex, m.department or None)
            assert r["出生年月"] == (f"{m.birth_date.year}.{m.birth_date.month:02d}" if m.birth_date else None)
            assert r["职务/职称"] == ("/".join(p for p in (m.post, m.title) if p) or None)
            assert "*" in (r["身份证号"] or "*")  # masked unless asked
        else:
            assert r["性别"] is None and r["部门"] is None
        if n.result == "上报":
            assert (r["上报级别"], r["上级评选结果"]) == (n.sent_level, n.upward_outcome or "待定")
        else:
            assert r["上报级别"] is None and r["上级评选结果"] is None
        if n.votes is not None:
            assert ws.cell(r["_row"], cols["票数"]).number_format == "0"
        if n.award_round.decision_date:
            cell = ws.cell(r["_row"], cols["表彰日期"])
            assert cell.value.date() == n.award_round.decision_date and cell.number_format == "yyyy-mm-dd"
    group = next(r for r in rows if r["姓名"] == "语文小组")
    assert (group["奖项"], group["结果"], group["上报级别"], group["上级评选结果"]) == ("先进教工小家", "上报", "区", "获评")
    assert next(r for r in rows if r["姓名"] == school["men"][1].name and r["奖项"] == "优秀教职工")["结果"] == "待定"
    formula = next(r for r in rows if r["备注"] == "=SUM(A1)")  # kept as text, not a formula
    assert ws.cell(formula["_row"], cols["备注"]).data_type == "s"
    # the line under the title and the counts by round under the table
    elected = Nomination.select().where(Nomination.result == "当选").count()
    assert ws["A2"].value.startswith(f"共 {AwardRound.select().count()} 项评选，推荐 {count} 人（组）：当选 {elected}")
    start = lc.find_row(ws, "按评选汇总")
    assert start and start > rows[-1]["_row"]
    header = [ws.cell(start + 1, c).value for c in range(1, ws.max_column + 1) if ws.cell(start + 1, c).value]
    assert header == ["评选", "推荐", "结果"]
    found = {}
    for r in range(start + 2, ws.max_row + 1):
        values = [ws.cell(r, c).value for c in range(1, ws.max_column + 1) if ws.cell(r, c).value is not None]
        if values and values[0] != "合计" and len(values) == 3 and isinstance(values[1], int):
            found[values[0]] = tuple(values[1:])
    expected = {}
    for award_round in AwardRound.select():
        items = list(award_round.nominations)
        label = award_round.title + (f"（名额{award_round.quota}）" if award_round.quota else "")
        expected[label] = (len(items), hl._results_text(items))
    assert found == expected
    assert found[f"{YEAR - 1}年区级先进教工小家（名额1）"] == (2, "未当选1，上报1（获评1）")
    assert found[f"{YEAR}年校级优秀教职工（名额10）"] == (1, "待定1")


def test_honours_sheet_cells_group_members_and_counts_by_level(tmp_path, school):
    period = LedgerPeriod.year(YEAR)
    path, ws, count = _export("honours", tmp_path, period=period)
    assert ws["A1"].value.endswith(f"表彰台账（{YEAR}年度）")
    assert [ws.cell(3, c).value for c in range(1, 12)] == HONOUR_HEADERS
    assert lc.printed_columns(ws) == 11
    lc.assert_printable(ws)
    cols = lc.header_map(ws)
    rows = _rows(ws)
    assert count == len(rows)
    group = school["group"]
    at = next(i for i, r in enumerate(rows) if r["获得者"] == "英语小组")
    g = rows[at]
    assert (g["年度"], g["荣誉名称"], g["级别"], g["授予单位"], g["类别"], g["来源"], g["备注"]) == (
        YEAR, "区先进工会小组", "区", "区教育工会", "工会小组", "录入", "集体荣誉")
    assert ws.cell(g["_row"], cols["获得日期"]).value.date() == group.date
    assert ws.cell(g["_row"], cols["获得日期"]).number_format == "yyyy-mm-dd"
    listed = rows[at + 1 : at + 3]  # the members listed on it, right under it
    assert {r["获得者"] for r in listed} == {school["women"][0].name, school["women"][1].name}
    assert all(r["类别"] == "集体荣誉成员" and r["所属集体"] == "英语小组" and r["荣誉名称"] == "区先进工会小组" for r in listed)
    person = next(r for r in rows if r["荣誉名称"] == "省优秀班主任")
    assert (person["获得者"], person["部门"], person["类别"], person["级别"]) == (
        school["men"][2].name, school["men"][2].department or None, "个人", "省")
    assert {r["来源"] for r in rows} == {"评选", "活动", "录入"}
    activity = next(r for r in rows if r["来源"] == "活动")
    assert activity["级别"] == "校" and activity["授予单位"]
    # 获表彰N人次 by level: the statistics' figures (listed members not counted again)
    figures = honours.counts_by_level(period.first, period.last)
    counted = sum(figures.values())
    assert ws["A2"].value.startswith(f"共 {count} 条荣誉记录；获表彰 {counted} 人次")
    assert "列出集体成员 2 人" in ws["A2"].value
    start = lc.find_row(ws, "获表彰人次（按级别）")
    assert start and start > rows[-1]["_row"]
    header = [ws.cell(start + 1, c).value for c in range(1, ws.max_column + 1) if ws.cell(start + 1, c).value]
    assert header == ["级别", "人次", "其中评选", "其中活动", "其中录入"]
    found = {}
    for r in range(start + 2, start + 8):
        values = [ws.cell(r, c).value for c in range(1, ws.max_column + 1) if ws.cell(r, c).value is not None]
        found[values[0]] = values[1]
    assert found == {**{f"{level}级": n for level, n in figures.items()}, "合计": counted}


def test_family_award_and_year_of_the_round(tmp_path, school):
    _path, ws, _ = _export("honours", tmp_path)
    family = next(r for r in _rows(ws) if r["荣誉名称"] == "最美家庭")
    assert family["类别"] == "家庭" and family["来源"] == "评选" and family["年度"] == YEAR - 1
    # a period holds the rounds of its years
    _path, ws, count = _export("nominations", tmp_path, period=LedgerPeriod.year(YEAR - 1))
    assert {r["年度"] for r in _rows(ws)} == {YEAR - 1}
    assert count == Nomination.select().join(AwardRound).where(AwardRound.year == YEAR - 1).count()


def test_parse_cells():
    assert hl.parse_level("区级") == hl.parse_level("区") == "区" and hl.parse_level("全国级") == "全国"
    assert hl.parse_result("待定") == "" and hl.parse_result("当选") == "当选"
    assert hl.parse_category("家庭") == "个人" and hl.parse_category("集体") == "工会小组"
    assert hl.parse_category("集体荣誉成员") == "集体荣誉成员"
    for parse, bad in ((hl.parse_level, "县级"), (hl.parse_result, "入选"), (hl.parse_category, "团队"), (hl.parse_source, "上级")):
        with pytest.raises(ValueError):
            parse(bad)
    with pytest.raises(ValueError, match="上报级别"):
        hl.parse_upward_level("校")


# --- the way back --------------------------------------------------------------------------------------------


def test_round_trip_into_an_empty_database(tmp_path, school):
    register, nominations = honour_snapshot(), nomination_snapshot()
    assert any(key[3] == "英语小组" for key in register)  # listed members are in the snapshot
    files = {kind: _export(kind, tmp_path, full_id=True, all_columns=True)[0]
             for kind in ("members", "activities", "signups", "nominations", "honours")}
    names = {key: settings.get(key) for key in ("school_name", "union_name")}
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    settings.save(names)  # the school is set up first: the union's name is not in any ledger
    lc.import_roster(files["members"])
    for kind in ("activities", "signups"):
        assert import_ledger(kind, files[kind]).error_rows == 0
    report = import_ledger("nominations", files["nominations"])
    assert report.error_rows == 0, [i.text() for i in report.errors]
    assert report.added == len(nominations)
    assert nomination_snapshot() == nominations
    report = import_ledger("honours", files["honours"])
    assert report.error_rows == 0, [i.text() for i in report.errors]
    assert not [i for i in report.warnings if "按录入保存" in i.message]
    # the 评选 honours came with the decided rounds: the register's rows of them are 未变
    from_rounds = sum(1 for v in register.values() if v[3] == "评选")
    assert report.unchanged == from_rounds and report.added == len(register) - from_rounds
    assert honour_snapshot() == register
    group = Honour.get(Honour.group_name == "英语小组")
    assert sorted(h.member.name for h in group.members_listed) == sorted(m.name for m in school["women"][:2])
    # twice adds nothing
    for kind in ("nominations", "honours"):
        again = import_ledger(kind, files[kind])
        assert (again.added, again.updated, again.error_rows) == (0, 0, 0), kind
    assert honour_snapshot() == register and nomination_snapshot() == nominations


def test_activity_honours_made_under_another_union_name_are_reported(tmp_path, school):
    files = {kind: _export(kind, tmp_path, full_id=True, all_columns=True)[0]
             for kind in ("members", "activities", "signups", "honours")}
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    settings.save({"union_name": "另一工会"})  # the new database names the union differently
    lc.import_roster(files["members"])
    for kind in ("activities", "signups"):
        assert import_ledger(kind, files[kind]).error_rows == 0
    report = import_ledger("honours", files["honours"])
    assert report.error_rows == 0
    from_activities = Honour.select().where(Honour.source == "活动").count()
    assert from_activities > 0
    warned = [i for i in report.warnings if "按活动成绩生成的荣誉记录为授予单位“另一工会”" in i.message]
    assert len(warned) == from_activities and all(i.row for i in warned)


def test_twice_into_the_same_database_adds_nothing(tmp_path, school):
    register, nominations = honour_snapshot(), nomination_snapshot()
    for kind in ("nominations", "honours"):
        path = _export(kind, tmp_path)[0]
        report = import_ledger(kind, path)
        assert (report.added, report.updated, report.error_rows) == (0, 0, 0), kind
        assert report.unchanged > 0
    assert honour_snapshot() == register and nomination_snapshot() == nominations


def test_without_the_sources_rows_are_kept_as_entered_with_a_note(tmp_path, school):
    register = honour_snapshot()
    roster = _export("members", tmp_path, full_id=True, all_columns=True)[0]
    path = _export("honours", tmp_path, full_id=True, all_columns=True)[0]
    lc.switch_to_empty(tmp_path / "new" / "union_desk.sqlite")
    lc.import_roster(roster)
    preview = preview_ledger("honours", path)
    warned = [i for r in preview.rows for i in r.issues if i.level == "warning" and "按录入保存" in i.message]
    assert len(warned) == sum(1 for v in register.values() if v[3] != "录入")
    report = apply_ledger(preview)
    assert report.error_rows == 0 and report.added == len(register)
    assert {h.source for h in Honour.select()} == {"录入"}
    family = Honour.get(Honour.title == "最美家庭")
    assert family.notes == hl.imported_note("评选")
    again = import_ledger("honours", path)
    assert (again.added, again.updated, again.error_rows) == (0, 0, 0)


def _edited(tmp_path, kind: str, edits: dict, add: list | None = None):
    """Export, change cells {(row index in the data, header): value} (and append rows: {header: value}),
    preview the import into this database."""
    path, ws, _ = _export(kind, tmp_path, all_columns=True)
    workbook = openpyxl.load_workbook(path)
    ws = workbook.active
    cols = lc.header_map(ws)
    data = _rows(ws)
    for (index, header), value in edits.items():
        ws.cell(data[index]["_row"], cols[header]).value = value
    if add:
        ws.insert_rows(data[-1]["_row"] + 1, len(add))
        for offset, values in enumerate(add, start=1):
            r = data[-1]["_row"] + offset
            ws.cell(r, 1).value = len(data) + offset
            for header, value in values.items():
                ws.cell(r, cols[header]).value = value
    workbook.save(path)
    preview = preview_ledger(kind, path)
    return {r.row: r for r in preview.rows}, data, preview


def test_unknown_member_award_and_an_ineligible_member_are_reported_per_row(tmp_path, school):
    man = school["men"][3]
    rows, data, preview = _edited(tmp_path, "nominations", {(0, "姓名"): "无名氏", (1, "奖项"): "最佳员工"}, add=[
        {"姓名": man.name, "部门": man.department, "奖项": "三八红旗手", "年度": YEAR, "结果": "待定"},
        {"姓名": school["women"][2].name, "部门": school["women"][2].department, "奖项": "三八红旗手", "年度": YEAR + 1},
    ])
    first, second = data[0]["_row"], data[1]["_row"]
    issue = rows[first].issues[0]
    assert rows[first].action == ERROR and "无名氏" in issue.message and f"第 {first} 行" in issue.text()
    issue = rows[second].issues[0]
    assert rows[second].action == ERROR and issue.field == "award" and "未知的奖项“最佳员工”" in issue.message
    assert f"第 {second} 行" in issue.text()
    ineligible = rows[data[-1]["_row"] + 1]
    assert ineligible.action == ERROR
    assert f"{man.name}不符合“三八红旗手”的条件：限女性" in ineligible.issues[0].message
    new = rows[data[-1]["_row"] + 2]  # a round not in the database: created when the award exists
    assert new.action == NEW and any("将新建" in i.message for i in new.issues)
    assert all(rows[r["_row"]].action == SAME for r in data[2:])
    # refused as a whole unless bad rows are skipped; skipping them imports the good row and its round
    report = apply_ledger(preview)
    assert report.added == 1 and report.error_rows == 3
    assert AwardRound.select().where(AwardRound.year == YEAR + 1).count() == 1

    rows, data, _ = _edited(tmp_path, "honours", {(0, "获得者"): "无名氏"})
    row = rows[data[0]["_row"]]
    assert row.action == ERROR and "找不到会员“无名氏”" in row.issues[0].message and f"第 {data[0]['_row']} 行" in row.issues[0].text()


def test_entered_honours_are_updated_those_from_rounds_only_reported(tmp_path, school):
    _path, ws, _ = _export("honours", tmp_path)
    data = _rows(ws)
    person = next(i for i, r in enumerate(data) if r["荣誉名称"] == "省优秀班主任")
    chosen = next(i for i, r in enumerate(data) if r["来源"] == "评选")
    rows, data, preview = _edited(tmp_path, "honours", {(person, "授予单位"): "省教育厅、省教育工会", (chosen, "级别"): "市"})
    row = rows[data[person]["_row"]]
    assert row.action == UPDATE and row.changes == {"awarding_body": ("省教育厅", "省教育厅、省教育工会")}
    row = rows[data[chosen]["_row"]]
    assert row.action == SAME and any("来自评选" in i.message and i.level == "warning" for i in row.issues)
    report = apply_ledger(preview)
    assert report.updated == 1 and report.error_rows == 0
    assert Honour.get_by_id(school["person"].id).awarding_body == "省教育厅、省教育工会"
    assert not Honour.select().where((Honour.source == "评选") & (Honour.level == "市")).exists()


def test_a_member_row_for_a_group_honour_already_there_is_refused(tmp_path, school):
    third = school["women"][2]
    _path, ws, _ = _export("honours", tmp_path)
    data = _rows(ws)
    at = next(i for i, r in enumerate(data) if r["获得者"] == "英语小组")
    rows, data, _ = _edited(tmp_path, "honours", {}, add=[
        {"年度": YEAR, "荣誉名称": "区先进工会小组", "获得者": third.name, "部门": third.department, "类别": "集体荣誉成员",
         "所属集体": "英语小组", "来源": "录入"},
        {"年度": YEAR, "荣誉名称": "区先进工会小组", "获得者": third.name, "部门": third.department, "类别": "集体荣誉成员",
         "所属集体": "数学小组", "来源": "录入"},
    ])
    assert rows[data[at + 1]["_row"]].action == SAME  # the listed members already there
    added = rows[data[-1]["_row"] + 1]
    assert added.action == ERROR and "不能给它增加成员" in added.issues[0].message
    missing = rows[data[-1]["_row"] + 2]
    assert missing.action == ERROR and "找不到集体荣誉" in missing.issues[0].message


def test_school_name_in_the_title(tmp_path, school):
    settings.save({"school_name": "育才中学"})
    _path, ws, _ = _export("honours", tmp_path)
    assert ws["A1"].value.startswith("育才中学")


def test_past_the_quota_on_import_warns(tmp_path, school):
    pending = school["pending"]
    honours.save_round({"quota": 1}, pending)
    second, _ = honours.nominate(pending, {"member": school["men"][3]})
    path, ws, _ = _export("nominations", tmp_path, all_columns=True)
    workbook = openpyxl.load_workbook(path)
    ws = workbook.active
    cols = lc.header_map(ws)
    ours = [r for r in _rows(ws) if r.get("评选名称") == pending.title]
    for r in ours:
        ws.cell(r["_row"], cols["结果"]).value = "当选"
    workbook.save(path)
    preview = preview_ledger("nominations", path)
    warned = [i.message for r in preview.rows for i in r.issues if "超过名额" in i.message]
    assert len(ours) == 2 and warned == [f"{pending.title}：当选2人，超过名额1人"]
