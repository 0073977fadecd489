"""年度统计 · 会议与登记 (issue 17): meetings held against the minimum, decisions, letters, suggestions."""

from __future__ import annotations

import datetime as dt

from union_desk.services import meeting_stats, meetings, members, stats
from union_desk.services.plan import school_year, year_period


def _school(db):
    chair = members.create_member({"name": "主席", "sex": "男", "union_roles": "工会委员"})
    kind = meetings.kind_by_name("工会委员会")
    for day in ("2026-01-10", "2026-04-10", "2026-11-10"):
        meeting = meetings.save_meeting({"kind": kind, "date": day})
        meetings.add_decision(meeting, {"text": f"{day}的决定", "state": "已办" if day < "2026-11" else "未办",
                                        "done_date": day})
    meetings.save_meeting({"kind": meetings.kind_by_name("工会小组长会"), "date": "2026-06-01"})
    meetings.save_letter({"date": "2026-03-01", "person_kind": "匿名", "matter": "a", "reply": "已答复", "reply_date": "2026-03-05"})
    meetings.save_letter({"date": "2026-10-01", "person_kind": "会员", "member": chair, "matter": "b"})
    for title, adoption in (("甲", "采纳"), ("乙", "部分采纳"), ("丙", "未采纳")):
        meetings.save_suggestion({"date": "2026-03-03", "proposer": "某", "title": title, "adoption": adoption})


def test_the_year_counts_meetings_decisions_letters_and_suggestions(db):
    _school(db)
    data = meeting_stats.meeting_stats(year_period(2026), dt.date(2026, 12, 31))
    kinds = {k.kind: k for k in data.kinds}
    assert kinds["工会委员会"].held == 3 and kinds["工会委员会"].short == ["2026年第三季度"]
    assert kinds["工会委员会"].minimum == "每季度至少1次"
    assert kinds["工会小组长会"].held == 1 and kinds["工会小组长会"].short == []
    assert "全体会员大会" not in kinds  # no minimum and none held
    assert (data.held, data.decisions, data.decisions_done) == (4, 3, 2)
    assert (data.letters, data.letters_answered, data.letters_overdue) == (2, 1, 1)
    assert (data.suggestions, data.adopted) == (3, 2)
    assert data.warnings == ["工会委员会2026年第三季度召开次数不足（每季度至少1次）"]
    assert meeting_stats.paragraph(data, None) == (
        "召开各类会议4次，形成决定事项3条、已办2条，受理来信来访2件、已答复1件，收到合理化建议3条、采纳2条")
    tables = {t.key: t for t in meeting_stats.tables(data, None)}
    assert tables["meetings"].rows[0] == ["工会委员会", 3, "每季度至少1次", "2026年第三季度"]
    assert tables["registers"].rows[1][:3] == ["来信来访", 2, 1]
    assert meeting_stats.as_json(data)["warnings"] == data.warnings


def test_the_section_is_in_the_year_statistics_and_the_json(db):
    _school(db)
    year = stats.year_stats(year_period(2026), today=dt.date(2027, 1, 5))
    assert year.meetings.held == 4
    assert "meetings" in {section.key for section, _ in year.each()}


def test_a_school_year_checks_only_its_whole_quarters(db):
    _school(db)
    data = meeting_stats.meeting_stats(school_year(2025), dt.date(2026, 9, 1))
    committee = {k.kind: k for k in data.kinds}["工会委员会"]
    assert committee.held == 2  # 2026-01-10 and 2026-04-10 lie in 2025—2026
    assert committee.short == ["2025年第四季度"]  # the whole quarters of the school year: 2025 Q4, 2026 Q1, Q2
