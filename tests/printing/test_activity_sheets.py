"""报名表, 签到表 and 获奖名单 of an activity, read back from the PDF."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from union_desk.db.models import Member
from union_desk.domain.pinyin import search_key
from union_desk.errors import NotFoundError, ValidationError
from union_desk.printing import activity_sheets as sheets
from union_desk.services import activities as act

START = dt.datetime(2026, 12, 20, 15, 30)
SIGNED_AT = START - dt.timedelta(days=10)
DEPARTMENTS = ("语文组", "数学组", "英语组", "体育组", "后勤")
SURNAMES = "赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def games(school):
    """趣味运动会: 拔河 (a team item, 40 places) with 55 people, 跳绳 (no limit) with a few."""
    people = [school.wang, school.li]
    for i in range(53):
        name = f"{SURNAMES[i % len(SURNAMES)]}老师{i:02d}"
        people.append(Member.create(name=name, sex="女" if i % 2 else "男", birth_date=dt.date(1980 + i % 15, 3, 1),
                                    department=DEPARTMENTS[i % 5], pinyin_key=search_key(name)))
    activity = act.save_activity(
        {"title": "2026年元旦教职工趣味运动会", "start": START, "end": START + dt.timedelta(hours=2),
         "place": "学校田径场", "signup_deadline": START - dt.timedelta(days=3), "status": "报名中",
         "eligible_sex": "", "max_age": "55"},
        items=[{"name": "拔河", "capacity": 40, "team_based": True}, {"name": "跳绳"}],
    )
    tug, rope = activity.items.order_by(act.ActivityItem.sort_order)
    for person in people:
        act.sign_up(tug, person, at=SIGNED_AT)
    for person in people[:3]:
        act.sign_up(rope, person, at=SIGNED_AT)
    return activity, tug, rope, people


def test_signin_sheet_header_repeated_sorted_by_department_page_numbers(games, tmp_path, pdf):
    activity, tug, rope, people = games
    out = tmp_path / "signin.pdf"
    result = sheets.print_signin(activity.id, out)
    pages = pdf.pages(out)
    assert result.pages == len(pages) >= 2
    assert result.items == 40  # only those with a place: 40 in 拔河 (王芳, 李强 also in 跳绳)
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {total} 页" in page
        text = flat(page)
        for head in ("序号", "姓名", "部门", "项目", "签名"):  # the header on every page
            assert head in text, (number, head)
    first = flat(pages[0])
    assert "杭州市文澜实验学校工会委员会" in first
    assert "2026年元旦教职工趣味运动会签到表" in first
    assert "2026年12月20日15:30—17:30" in first and "地点：学校田径场" in first
    assert "应到40人" in first
    assert "签到表（续）" in flat(pages[1])  # running head on continuation pages
    # sorted by department (pinyin order: 后勤 hou, 数学组 shu, 体育组 ti, 英语组 ying, 语文组 yu)
    everything = flat(pdf.text(out))
    order = [everything.index(name) for name in ("后勤", "数学组", "体育组", "英语组", "语文组")]
    assert order == sorted(order)
    waiting = [s.member.name for s in act.signups_of(tug) if s.state == act.WAITING]
    assert len(waiting) == 15
    for name in waiting:
        assert name not in everything
    assert "拔河、跳绳" in everything  # 王芳 in both items: one row


def test_signin_fonts_are_chinese(games, tmp_path, pdf, truetype_installed):
    activity, *_ = games
    out = tmp_path / "signin.pdf"
    sheets.print_signin(activity.id, out)
    pdf.assert_embedded_truetype(out)


def test_sheets_without_truetype_use_the_cid_font(games, tmp_path, pdf, no_cjk_font):
    activity, *_ = games
    for function in (sheets.print_signin, sheets.print_signup_list):
        out = tmp_path / f"{function.__name__}.pdf"
        function(activity.id, out)
        pdf.assert_cid_fallback(out)
        assert all("Helvetica" not in f["base_font"] for f in pdf.fonts(out))


def test_signup_list_per_item_with_waiting_positions(games, tmp_path, pdf):
    activity, tug, rope, people = games
    act.cancel(act.signups_of(tug)[0])  # the first in line moves up
    out = tmp_path / "signup.pdf"
    result = sheets.print_signup_list(activity.id, out)
    pages = pdf.pages(out)
    assert result.pages == len(pages) >= 2
    text = flat(pdf.text(out))
    assert "2026年元旦教职工趣味运动会报名表" in text
    assert "一、拔河（名额40人，已报名40人，候补14人，团体项目）" in text
    assert "二、跳绳（不限名额，已报名3人）" in text
    for head in ("序号", "姓名", "部门", "项目", "状态", "候补位次"):
        for page in pages:
            assert head in flat(page), head
    assert "第1位" in text and "第14位" in text and "第15位" not in text
    assert "报名条件：55岁及以下；在职会员" in text
    first_waiting = [s for s in act.signups_of(tug) if s.state == act.WAITING][0]
    assert f"{first_waiting.member.name}{first_waiting.member.department}拔河候补第1位" in text
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page


def test_award_list_individuals_and_teams(games, tmp_path, pdf):
    activity, tug, rope, people = games
    team = act.add_team(tug, "语文组队", [people[0].id, people[5].id])
    act.set_result(team, 1, "冠军")
    signups = act.signups_of(rope)
    act.set_result(signups[1], 2, "二等奖")
    act.set_result(signups[0], 1, "一等奖")
    out = tmp_path / "awards.pdf"
    result = sheets.print_awards(activity.id, out)
    assert result.items == 3
    text = flat(pdf.text(out))
    assert "获奖名单" in text and "名次" in text and "奖项" in text
    assert "第1名冠军语文组队" in text and people[0].name in text and people[5].name in text
    first, second = signups[0].member, signups[1].member
    assert text.index(f"第1名一等奖{first.name}{first.department}") < text.index(f"第2名二等奖{second.name}")
    assert "第 1 页 共 1 页" in pdf.text(out)


def test_nothing_to_print_is_refused(school, tmp_path):
    empty = act.save_activity({"title": "秋游", "start": START}, items=[{"name": "秋游"}])
    with pytest.raises(ValidationError):
        sheets.print_signin(empty.id, tmp_path / "a.pdf")
    with pytest.raises(ValidationError):
        sheets.print_awards(empty.id, tmp_path / "b.pdf")
    with pytest.raises(NotFoundError):
        sheets.print_signin(9999, tmp_path / "c.pdf")
    assert not list(tmp_path.glob("*.pdf"))
    # an empty sign-up list still prints (a form to fill in by hand)
    sheets.print_signup_list(empty.id, tmp_path / "d.pdf")
