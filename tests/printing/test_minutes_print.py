"""会议记录 (issue 17): the page of a minutes book per meeting — its fields, numbered topics and
decisions with owner, deadline and state, the signature lines; no text below 9 pt; each meeting
from a new page; long minutes going on over the next page under a '（续）' heading."""

from __future__ import annotations

import re

import pytest

from union_desk.errors import NotFoundError, ValidationError
from union_desk.printing import minutes
from union_desk.services import members
from union_desk.services import meetings as s
from union_desk.services import settings



@pytest.fixture
def committee(db):
    settings.save({"school_name": "红星中学", "union_name": ""})
    people = [members.create_member({"name": name, "sex": "女", "department": "语文组", "union_roles": "工会委员"})
              for name in ("王芳", "李强", "张伟", "刘洋", "陈静")]
    meeting = s.save_meeting({"kind": s.kind_by_name("工会委员会"), "date": "2026-03-10", "time": "15:30",
                              "place": "行政楼三楼会议室", "chair": "王芳", "recorder": "李强",
                              "topics": "传达区工会工作要点\n讨论三八节活动方案",
                              "minutes": "王芳传达了区工会工作要点。\n委员讨论了三八节活动方案，同意组织健步走。"})
    s.mark_attendance(meeting, [people[2].id], "请假", "病假")
    s.mark_attendance(meeting, [people[3].id], "缺席")
    s.add_decision(meeting, {"text": "组织三八节健步走", "owner": "陈静", "due_date": "2026-03-15", "state": "已办",
                             "done_date": "2026-03-14"})
    s.add_decision(meeting, {"text": "修订经费使用办法", "owner": "王芳", "due_date": "2026-06-30", "state": "在办"})
    return meeting


def sizes(path) -> set[float]:
    """Every size text is drawn at (font size × the text matrix's scale)."""
    from pypdf import PdfReader

    found: set[float] = set()

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            found.add(round(font_size * (tm[3] or 1) * (cm[3] or 1), 2))

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    return found


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_page_of_a_minutes_book(tmp_path, committee, pdf):
    printed = minutes.print_minutes([committee.id], tmp_path / "minutes.pdf")
    assert printed.pages == 1 and printed.items == 1
    text = flat(pdf.text(printed.path))
    for words in ("红星中学工会会议记录", "会议名称工会委员会", "时间2026年3月10日（星期二）15:30", "地点行政楼三楼会议室",
                  "主持人王芳", "记录人李强", "应到5人", "实到3人", "缺席及原因刘洋（缺席）、张伟（请假：病假）",
                  "议题1.传达区工会工作要点2.讨论三八节活动方案", "记录王芳传达了区工会工作要点。",
                  "同意组织健步走。", "决定事项1.组织三八节健步走",
                  "责任人：陈静", "完成期限：2026年3月15日", "办理情况：已办（2026年3月14日）",
                  "2.修订经费使用办法", "责任人：王芳", "完成期限：2026年6月30日", "办理情况：在办",
                  "主持人签字：", "记录人签字：", "第1页共1页"):
        assert words in text, words
    assert "（续）" not in text


def test_no_text_below_9_pt(tmp_path, committee):
    printed = minutes.print_minutes([committee.id], tmp_path / "minutes.pdf")
    found = sizes(printed.path)
    assert found and min(found) >= 9, found
    assert 10.5 in found  # the body text


def test_each_meeting_starts_a_new_page(tmp_path, committee, pdf):
    second = s.save_meeting({"kind": s.kind_by_name("经审委员会"), "date": "2026-04-02", "place": "财务室"})
    printed = minutes.print_minutes([committee.id, second.id], tmp_path / "two.pdf")
    assert printed.pages == 2 and printed.items == 2
    pages = [flat(p) for p in pdf.pages(printed.path)]
    assert "会议名称工会委员会" in pages[0] and "经审委员会" not in pages[0]
    assert "会议名称经审委员会" in pages[1] and "红星中学工会会议记录" in pages[1]
    assert "应到0人" in pages[1] and "缺席及原因无" in pages[1] and "主持人签字" in pages[1]
    assert "（续）" not in pages[1]  # a new meeting, not a continuation


def test_long_minutes_go_on_under_a_continued_heading(tmp_path, committee, pdf):
    paragraph = "会议围绕教职工代表大会提案办理情况进行了深入讨论，与会委员逐项听取了相关部门的答复，并提出了改进意见。" * 4
    text = "\n".join(f"第{n}段：{paragraph}" for n in range(1, 10))
    assert len(text) <= 2000
    long = s.save_meeting({"kind": s.kind_by_name("工会委员会"), "date": "2026-06-20", "chair": "王芳", "recorder": "李强",
                           "topics": "提案办理情况", "minutes": text})
    s.add_decision(long, {"text": "督办未答复的提案", "owner": "王芳", "due_date": "2026-07-10"})
    printed = minutes.print_minutes([long.id, committee.id], tmp_path / "long.pdf")
    pages = [flat(p) for p in pdf.pages(printed.path)]
    assert printed.pages == 3
    assert "第1段" in pages[0] and "（续）" not in pages[0]
    assert "红星中学工会会议记录（续）2026-06-20工会委员会" in pages[1]
    assert "第9段" in pages[1] and "督办未答复的提案" in pages[1] and "记录人签字" in pages[1]
    assert "第9段" not in pages[0] and "主持人签字" not in pages[0]  # the signatures end the meeting
    assert "（续）" not in pages[2] and "会议名称工会委员会" in pages[2]  # the next meeting: a fresh page
    assert min(sizes(printed.path)) >= 9


def test_an_unknown_or_missing_meeting_is_refused(tmp_path, committee):
    with pytest.raises(NotFoundError, match="找不到编号为 9999 的会议"):
        minutes.print_minutes([committee.id, 9999], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(ValidationError, match="请选择要打印的会议"):
        minutes.print_minutes([], tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="会议编号不对"):
        minutes.print_minutes(["abc"], tmp_path / "x.pdf")


def test_without_a_truetype_font_the_cid_font_prints_it(tmp_path, committee, pdf, no_cjk_font):
    printed = minutes.print_minutes([committee.id], tmp_path / "cid.pdf")
    pdf.assert_cid_fallback(printed.path)
    assert "STSong-Light" in printed.font


def test_many_decisions_split_over_pages_with_the_signatures_at_the_end(tmp_path, committee, pdf):
    meeting = s.save_meeting({"kind": s.kind_by_name("工会委员会"), "date": "2026-05-10", "topics": "年度工作",
                              "minutes": "长" * 1500})
    for n in range(40):
        s.add_decision(meeting, {"text": f"第{n + 1}项决定，需要认真落实到位并按期反馈办理结果" * 2, "owner": "王芳",
                                 "due_date": "2026-06-01"})
    printed = minutes.print_minutes([meeting.id], tmp_path / "many.pdf")
    pages = [flat(p) for p in pdf.pages(printed.path)]
    assert printed.pages >= 3
    assert "40.第40项决定" in pages[-1] and "主持人签字" in pages[-1]
    assert all("主持人签字" not in p for p in pages[:-1])
    assert all("（续）" in p for p in pages[1:])
