"""Import of sign-ups from an Excel list: matched by name and by ID, never guessed, one transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from union_desk.db.models import AuditLog, Member, SignUp
from union_desk.domain.idcard import make_id
from union_desk.domain.pinyin import search_key
from union_desk.errors import ValidationError
from union_desk.services import activities as act
from union_desk.imports import signups as si
from union_desk.services.activities import NeedsConfirmation

START = dt.datetime(2026, 12, 20, 9, 0)
BEFORE = START - dt.timedelta(days=10)


def member(name, sex="女", year=1985, department="语文组", **kw) -> Member:
    birth = dt.date(year, 3, 1)
    return Member.create(name=name, sex=sex, birth_date=birth, department=department, pinyin_key=search_key(name), **kw)


@pytest.fixture
def school(db):
    people = {
        "wang": member("王芳", id_number=make_id("330106", dt.date(1985, 3, 1), 123, "女")),
        "li": member("李强", sex="男", year=1975, department="数学组"),
        "zhang_a": member("张敏", department="英语组"),
        "zhang_b": member("张敏", department="后勤", year=1990),
        "chen_a": member("陈静", department="语文组"),
        "chen_b": member("陈静", department="语文组", year=1992),
        "zhao": member("赵建国", sex="男", year=1958, department="后勤", status="退休"),
        "sun": member("孙丽", department="体育组"),
    }
    activity = act.save_activity(
        {"title": "趣味运动会", "start": START, "signup_deadline": START - dt.timedelta(days=3), "status": "报名中"},
        items=[{"name": "拔河", "capacity": 2}, {"name": "跳绳"}],
    )
    return people, activity


def items(activity):
    return {i.name: i for i in activity.items}


def xlsx(tmp_path, rows, name="报名表.xlsx"):
    """A hand-made list: a title row, a blank row, then the table."""
    wb = Workbook()
    ws = wb.active
    ws.append(["语文组趣味运动会报名表"])
    ws.append([])
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def test_matched_by_name_and_by_id_in_file_order(school, tmp_path):
    people, activity = school
    path = xlsx(tmp_path, [
        ["序号", "姓 名", "身份证号码", "部门", "报名项目"],
        [1, "王芳", make_id("330106", dt.date(1985, 3, 1), 123, "女"), "语文组", "拔河、跳绳"],
        [2, " 李 强 ", None, "数学组", "拔河"],
        [3, "张敏", None, "后勤", "拔河"],  # two 张敏: the department tells them apart
        [4, "孙丽", None, "", "跳绳"],
        ["合计", "4人"],
    ])
    preview = si.preview_signup_import(activity, path)
    assert preview.header_row == 3
    assert preview.problems == [] and preview.already == []
    assert [(p.row, p.member.id, p.item.name) for p in preview.ready] == [
        (4, people["wang"].id, "拔河"), (4, people["wang"].id, "跳绳"),
        (5, people["li"].id, "拔河"), (6, people["zhang_b"].id, "拔河"), (7, people["sun"].id, "跳绳"),
    ]
    assert SignUp.select().count() == 0  # the preview writes nothing
    report = si.apply_signup_import(preview, at=BEFORE)
    tug = items(activity)["拔河"]
    # capacity 2: the third in file order waits
    assert [s.member.name for s in act.signups_of(tug)] == ["王芳", "李强", "张敏"]
    assert [(p.member.name, pos) for p, pos in report.waiting] == [("张敏", 1)]
    assert len(report.signed) == 4
    assert "进入候补 1 人次" in report.summary()


def test_ambiguous_and_unmatched_names_are_reported_with_row_numbers(school, tmp_path):
    people, activity = school
    path = xlsx(tmp_path, [
        ["姓名", "项目"],
        ["陈静", "跳绳"],  # two 陈静 in the same department: cannot tell
        ["张敏", "跳绳"],  # two 张敏, no department column value
        ["王小芳", "跳绳"],  # nobody of that name
        ["王芳", "踢毽子"],  # no such item
        ["李强", ""],  # no item and the activity has two
        ["孙丽", "跳绳"],
        ["孙丽", "跳绳"],  # the same row again
        ["赵建国", "跳绳"],  # retired: not eligible (在职 only)
    ])
    preview = si.preview_signup_import(activity, path)
    problems = {p.row: p for p in preview.problems}
    assert sorted(problems) == [4, 5, 6, 7, 8, 11]
    assert "2 位同名会员" in problems[4].message and "语文组" in problems[4].message
    assert "2 位同名会员" in problems[5].message and "英语组" in problems[5].message and "后勤" in problems[5].message
    assert "没有这个名字" in problems[6].message and problems[6].name == "王小芳"
    assert "踢毽子" in problems[7].message
    assert "没有写报名项目" in problems[8].message
    assert "在职" in problems[11].message
    assert problems[4].text().startswith("第 4 行“陈静”：")
    assert [(a.row, a.message) for a in preview.already] == [(10, "与第 9 行重复（跳绳），已忽略")]
    assert [(p.row, p.member.name) for p in preview.ready] == [(9, "孙丽")]
    report = si.apply_signup_import(preview, at=BEFORE)
    assert [p.member.name for p in report.signed] == ["孙丽"]
    assert SignUp.select().count() == 1


def test_id_number_rules(school, tmp_path):
    people, activity = school
    wrong_name = make_id("330106", dt.date(1985, 3, 1), 123, "女")
    path = xlsx(tmp_path, [
        ["姓名", "身份证号", "项目"],
        ["王方", wrong_name, "跳绳"],  # the ID is 王芳's: the name does not fit
        ["", make_id("330106", dt.date(1999, 1, 1), 555, "男"), "跳绳"],  # unknown ID
        ["", 4.40106e17, "跳绳"],  # mangled by Excel
        ["", wrong_name, "跳绳"],  # ID alone is enough
    ])
    preview = si.preview_signup_import(activity, path)
    problems = {p.row: p.message for p in preview.problems}
    assert "与表中姓名不符" in problems[4]
    assert "找不到身份证号" in problems[5]
    assert 6 in problems
    assert [(p.row, p.member.name) for p in preview.ready] == [(7, "王芳")]


def test_default_item_and_already_signed(school, tmp_path):
    people, activity = school
    rope = items(activity)["跳绳"]
    act.sign_up(rope, people["li"], at=BEFORE)
    path = xlsx(tmp_path, [["姓名", "部门"], ["李强", "数学组"], ["孙丽", "体育组"]])
    with pytest.raises(ValidationError) as info:
        si.preview_signup_import(activity, path)
    assert "项目" in info.value.message
    preview = si.preview_signup_import(activity, path, default_item=rope)
    assert [a.row for a in preview.already] == [4] and "已在“跳绳”名单中" in preview.already[0].message
    assert [p.member.name for p in preview.ready] == ["孙丽"]


def test_nothing_written_on_cancel_or_failure(school, tmp_path):
    people, activity = school
    path = xlsx(tmp_path, [["姓名", "项目"], ["王芳", "跳绳"], ["李强", "跳绳"], ["孙丽", "拔河"]])
    preview = si.preview_signup_import(activity, path)
    assert len(preview.ready) == 3
    audit_before = AuditLog.select().count()

    calls = []

    def cancel_at_the_end(done, total, label):
        calls.append(done)
        return done < total  # cancelled when everything has been signed up

    with pytest.raises(si.Cancelled):
        si.apply_signup_import(preview, progress=cancel_at_the_end, at=BEFORE)
    assert calls[-1] == 3
    assert SignUp.select().count() == 0 and AuditLog.select().count() == audit_before

    # someone signs 孙丽 up meanwhile: the whole import fails and nothing is written
    act.sign_up(items(activity)["拔河"], people["sun"], at=BEFORE)
    with pytest.raises(ValidationError) as info:
        si.apply_signup_import(preview, at=BEFORE)
    assert "第 6 行“孙丽”" in info.value.message
    assert SignUp.select().count() == 1


def test_deadline_asks_first(school, tmp_path):
    people, activity = school
    path = xlsx(tmp_path, [["姓名", "项目"], ["王芳", "跳绳"]])
    late = START - dt.timedelta(days=1)
    preview = si.preview_signup_import(activity, path)
    with pytest.raises(NeedsConfirmation) as info:
        si.apply_signup_import(preview, at=late)
    assert info.value.kind == "deadline"
    assert SignUp.select().count() == 0
    report = si.apply_signup_import(preview, at=late, after_deadline_ok=True)
    assert len(report.signed) == 1


def test_a_file_without_names_or_ids_is_refused(school, tmp_path):
    _, activity = school
    path = xlsx(tmp_path, [["编号", "备注"], [1, "x"]])
    with pytest.raises(ValidationError) as info:
        si.import_signups(activity, path)
    assert "姓名" in info.value.message and "身份证号" in info.value.message


def test_csv_and_import_in_one_call(school, tmp_path):
    _, activity = school
    path = tmp_path / "list.csv"
    path.write_text("姓名,项目\n王芳,跳绳\n李强,跳绳\n", encoding="gbk")
    report = si.import_signups(activity, path)
    assert report.preview.ready and len(report.signed) == 2
