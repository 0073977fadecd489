"""走访慰问记录单 / 吊唁慰问记录: read back from the PDF (text, fonts), printed marks, 补打, 作废."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk.db.models import AuditLog, Setting, Visit, VisitType
from union_desk.domain.idcard import mask_id
from union_desk.errors import FileInUseError, NotFoundError
from union_desk.printing import slips
from union_desk.services import visits


def vtype(name: str) -> VisitType:
    return VisitType.get(VisitType.name == name)


def _sick_visit(member, **extra):
    data = {
        "member": member.id,
        "visit_type": vtype("生病住院").id,
        "date": dt.date(2026, 3, 2),
        "cash": "1005.5",
        "over_cap_reason": "住院手术，经工会委员会研究",
        "reason": "因病住院手术，工会代表全体会员前往医院看望",
        "place": "浙大一院",
        "visitors": "余欣珊、陈超华",
        "goods": "水果篮",
        "goods_value": "120",
        "handler": "陈超华",
    }
    data.update(extra)
    return visits.create_visit(data)


def test_slip_carries_everything_a_signed_slip_needs(school, tmp_path, pdf):
    v = _sick_visit(school.wang)
    out = tmp_path / "slip.pdf"
    result = slips.print_visit_slip(v.id, out)
    assert result.path == out and result.pages == 1 and result.reprints == []
    text = pdf.flat(out)
    for expected in (
        "杭州市文澜实验学校工会委员会",
        "走访慰问记录单",
        f"编号：{v.serial}",
        "王芳",
        "语文组",
        mask_id(school.wang.id_number),
        "生病住院",
        "2026年3月2日",
        "浙大一院",
        "因病住院手术",
        "余欣珊、陈超华",
        "￥1,005.50",
        "人民币壹仟零伍元伍角",
        "水果篮",
        "￥120.00",
        "工会经费",
        "陈超华",
        "超标准原因：住院手术",
        "受慰问人签收：",
        "经办人：",
        "工会主席：",
    ):
        assert expected in text, expected
    assert school.wang.id_number not in text  # the full ID number never prints
    assert "补打" not in text and "作废" not in text


def test_fonts_truetype_embedded_and_no_helvetica(school, tmp_path, pdf, truetype_installed):
    v = _sick_visit(school.wang)
    out = tmp_path / "slip.pdf"
    slips.print_visit_slip(v.id, out)
    pdf.assert_embedded_truetype(out)


def test_falls_back_to_stsong_light_when_no_font_is_installed(school, tmp_path, pdf, no_cjk_font):
    v = _sick_visit(school.wang)
    out = tmp_path / "slip.pdf"
    result = slips.print_visit_slip(v.id, out)
    assert "STSong-Light" in result.font
    pdf.assert_cid_fallback(out)
    assert "壹仟零伍元伍角" in pdf.flat(out)


def test_printing_marks_printed_and_a_second_print_says_reprint(school, tmp_path, pdf):
    v = _sick_visit(school.wang)
    assert v.printed_at is None
    first = slips.print_visit_slip(v.id, tmp_path / "1.pdf")
    assert first.reprints == []
    assert Visit.get_by_id(v.id).printed_at is not None
    log = AuditLog.select().where((AuditLog.table_name == "visit") & (AuditLog.record_id == v.id) & (AuditLog.note == "打印记录单"))
    assert log.count() == 1
    assert "补打" not in pdf.flat(tmp_path / "1.pdf")

    second = slips.print_visit_slip(v.id, tmp_path / "2.pdf")
    assert second.reprints == [v.serial]
    text = pdf.flat(tmp_path / "2.pdf")
    assert "补打" in text and "首次打印：" in text
    assert log.count() == 1  # the first printing is what is recorded


def test_bulk_marking_writes_the_same_audit_rows_as_mark_printed(school):
    a = _sick_visit(school.wang)
    b = _sick_visit(school.li, over_cap_reason="手术")
    assert visits.mark_printed(a) is False
    flags = visits.mark_printed_many([a, b])
    assert flags == [True, False]
    rows = list(AuditLog.select().where(AuditLog.note == "打印记录单").order_by(AuditLog.id))
    assert [r.record_id for r in rows] == [a.id, b.id]
    assert rows[0].before == rows[1].before and rows[0].action == rows[1].action == "update"
    assert rows[0].actor == rows[1].actor
    assert Visit.get_by_id(b.id).printed_at is not None


def test_voided_visit_prints_void_stamp_and_is_not_marked(school, tmp_path, pdf):
    v = _sick_visit(school.wang)
    visits.void_visit(v, "金额填写错误")
    result = slips.print_visit_slip(v.id, tmp_path / "void.pdf")
    assert result.voided == [v.serial]
    text = pdf.flat(tmp_path / "void.pdf")
    assert "作废" in text and "作废原因：金额填写错误" in text
    assert Visit.get_by_id(v.id).printed_at is None


def test_reissued_slip_names_the_voided_one(school, tmp_path, pdf):
    v = _sick_visit(school.wang)
    slips.print_visit_slip(v.id, tmp_path / "a.pdf")
    new = visits.reissue(Visit.get_by_id(v.id), "金额错误", {"cash": "800", "over_cap_reason": ""})
    slips.print_visit_slip(new.id, tmp_path / "b.pdf")
    text = pdf.flat(tmp_path / "b.pdf")
    assert f"本单替代已作废的{v.serial}" in text
    assert "人民币捌佰元整" in text and "补打" not in text


def test_condolence_for_a_relative_names_the_deceased(school, tmp_path, pdf):
    v = visits.create_visit({
        "member": school.li.id,
        "relative": school.father.id,
        "visit_type": vtype("直系亲属去世").id,
        "date": dt.date(2026, 3, 5),
        "reason": "父亲病故，代表工会吊唁",
        "handler": "陈超华",
    })
    slips.print_visit_slip(v.id, tmp_path / "c.pdf")
    text = pdf.flat(tmp_path / "c.pdf")
    # labels come from the slip's form (drawn once per shape), values from the page itself
    for expected in ("吊唁慰问记录", "逝者姓名", "与会员关系", "去世日期", "吊唁日期", "李建国", "父亲",
                     "2026年3月3日", "2026年3月5日", "李强", "人民币壹仟元整", "受慰问人签收："):
        assert expected in text, expected
    assert "走访慰问记录单" not in text


def test_condolence_for_a_member_names_the_member(school, tmp_path, pdf):
    school.wang.status, school.wang.status_date = "去世", dt.date(2026, 4, 1)
    school.wang.save()
    v = visits.create_visit({"member": school.wang.id, "visit_type": vtype("会员去世").id, "date": dt.date(2026, 4, 3)})
    slips.print_visit_slip(v.id, tmp_path / "m.pdf")
    text = pdf.flat(tmp_path / "m.pdf")
    for expected in ("吊唁慰问记录", "逝者姓名", "王芳会员本人", "2026年4月1日", "人民币贰仟元整", "受慰问人签收（家属）："):
        assert expected in text, expected


def test_batch_prints_one_slip_per_page_in_order(school, tmp_path, pdf):
    created = visits.batch_visits([school.wang.id, school.li.id], vtype("春节送温暖").id, 500, dt.date(2026, 2, 1),
                                  reason="春节送温暖")
    ids = [v.id for v in reversed(created)]
    result = slips.print_visit_slips(ids + ids[:1], tmp_path / "batch.pdf")  # a duplicate is printed once
    assert result.pages == 2
    pages = [p.replace(" ", "") for p in pdf.pages(tmp_path / "batch.pdf")]
    assert len(pages) == 2
    assert created[1].serial in pages[0] and "李强" in pages[0]
    assert created[0].serial in pages[1] and "王芳" in pages[1]
    assert all(Visit.get_by_id(i).printed_at for i in ids)


def test_slip_size_setting(school, tmp_path, pdf):
    v = _sick_visit(school.wang)
    slips.print_visit_slip(v.id, tmp_path / "a5.pdf")
    box = pdf.reader(tmp_path / "a5.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)  # A5 portrait

    Setting.insert(key="slip_size", value="half-A4").on_conflict_replace().execute()
    assert slips.slip_size() == "half-A4"
    slips.print_visit_slip(v.id, tmp_path / "half.pdf")
    box = pdf.reader(tmp_path / "half.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4, slip on the top half
    assert "沿此虚线裁开" in pdf.flat(tmp_path / "half.pdf")

    Setting.insert(key="slip_size", value="B5").on_conflict_replace().execute()
    assert slips.slip_size() == "A5"  # anything unknown means A5


def test_long_text_is_wrapped_not_cut(school, tmp_path, pdf):
    reason = "本人因急性心肌梗死住院治疗，行心脏支架手术，医疗费用较高，家庭经济压力大，工会代表全体会员前往医院看望并送上慰问金。"
    v = _sick_visit(school.wang, reason=reason)
    for size in slips.SLIP_SIZES:
        slips.print_visit_slip(v.id, tmp_path / f"{size}.pdf", size=size)
        assert reason in pdf.flat(tmp_path / f"{size}.pdf")


def test_locked_target_is_not_marked_printed(school, tmp_path, monkeypatch):
    import os

    v = _sick_visit(school.wang)
    target = tmp_path / "slip.pdf"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "in use")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr("union_desk.files.RETRY_DELAYS", (0, 0))
    with pytest.raises(FileInUseError):
        slips.print_visit_slip(v.id, target)
    assert target.read_bytes() == b"old"
    assert Visit.get_by_id(v.id).printed_at is None


def test_unknown_visit(school, tmp_path):
    with pytest.raises(NotFoundError):
        slips.print_visit_slip(99999, tmp_path / "x.pdf")


def test_demo_school_slips_all_render(demo_db, tmp_path, pdf):
    ids = [v.id for v in Visit.select(Visit.id).order_by(Visit.id)]
    result = slips.print_visit_slips(ids, tmp_path / "all.pdf", size="half-A4")
    assert result.pages == len(ids) == len(pdf.reader(tmp_path / "all.pdf").pages)
    assert len(result.voided) == Visit.select().where(Visit.voided == True).count()  # noqa: E712
