"""评优表彰 printouts (union_desk.printing.honours), read back from the PDF: 推荐表, 公示, 表彰名单 and
the certificates (A4 landscape, and a pre-printed insert with its own size and offsets). Data is made
through services.honours."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest

from union_desk.db.honour_models import AwardRound, Nomination
from union_desk.db.models import Member
from union_desk.domain import honours as rules
from union_desk.errors import NotFoundError, ValidationError
from union_desk.printing import common
from union_desk.printing import honours as ph
from union_desk.services import honours, members, settings

MIN_POINTS = 9.0
UNION = "育才中学工会"
CONTACT = "工会办公室 王老师 0571-88886666"
DEEDS = ("该同志热爱教育事业，师德高尚，爱岗敬业，教书育人成绩显著。担任班主任十余年，所带班级多次被评为校先进班集体。"
         "在教学中积极探索课堂教学改革，主持区级课题一项，撰写的论文获市级一等奖。")
SURNAMES = "赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def deeds_of(length: int) -> str:
    text = "".join(f"第{i}项：{DEEDS}" for i in range(1, 100))[:length]
    assert len(text) == length
    return text


@pytest.fixture
def honours_db(db):
    """The db with the 评优表彰 tables: the area registered and step 6 applied until the coordinator
    installs it (then `db` has them already)."""
    from union_desk import areas
    from union_desk.db import database, honour_models
    from union_desk.db.migrations import SCHEMA_VERSION

    if SCHEMA_VERSION >= 6:
        yield db
        return
    from union_desk.areas.honours import AREA

    areas.register(AREA)
    honour_models.step_6(database.current_database())
    try:
        yield db
    finally:
        areas.unregister(AREA.key)


@dataclass
class Round:
    award_round: AwardRound  # 2027年校级三八红旗手, 公示 2027-03-02 … 03-06
    li: Nomination  # 李芳 语文组, 当选 30 票, with every detail
    zhou: Nomination  # 周敏 语文组, 当选 28 票, 800 characters of deeds
    qian: Nomination  # 钱红 英语组, 上报 区级, no votes
    sun: Nomination  # 孙丽 数学组, 未当选 5 票


@pytest.fixture
def red(honours_db) -> Round:
    settings.save({"school_name": "育才中学"})
    li = members.create_member({
        "name": "李芳", "sex": "女", "department": "语文组", "union_group": "语文小组", "birth_date": "1985-03-02",
        "ethnicity": "回族", "political_status": "中共党员", "education": "硕士研究生", "post": "班主任",
        "title": "高级教师", "work_start_date": "2007-08-20"})
    zhou = members.create_member({"name": "周敏", "sex": "女", "department": "语文组", "union_group": "语文小组",
                                  "birth_date": "1988-06-01"})
    qian = members.create_member({"name": "钱红", "sex": "女", "department": "英语组", "birth_date": "1990-01-01"})
    sun = members.create_member({"name": "孙丽", "sex": "女", "department": "数学组", "birth_date": "1992-01-01"})
    award_round = honours.save_round({
        "award_type": honours.award_by_name("三八红旗手"), "year": 2027, "nomination_deadline": "2027-03-01",
        "notice_start": "2027-03-02", "notice_end": "2027-03-06", "contact": CONTACT})
    made = {}
    for key, member, deeds in (("li", li, DEEDS), ("zhou", zhou, deeds_of(800)), ("qian", qian, "短"), ("sun", sun, "")):
        made[key], _warnings = honours.nominate(award_round, {"member": member, "deeds": deeds})
    honours.update_nomination(made["li"], {"result": "当选", "votes": 30})
    honours.update_nomination(made["zhou"], {"result": "当选", "votes": 28})
    honours.update_nomination(made["qian"], {"result": "上报", "sent_level": "区"})
    honours.update_nomination(made["sun"], {"result": "未当选", "votes": 5})
    return Round(award_round, *(Nomination.get_by_id(made[k].id) for k in ("li", "zhou", "qian", "sun")))


def text_sizes(path) -> list[tuple[float, str]]:
    """(printed size in pt, text) of every piece of text in the PDF."""
    from pypdf import PdfReader

    found: list[tuple[float, str]] = []
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):
            if not text.strip():
                return
            c_, d_ = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            found.append((round(size * (c_ * c_ + d_ * d_) ** 0.5, 2), text))

        page.extract_text(visitor_text=visit)
    return found


def text_positions(path, page: int = 0) -> dict[str, tuple[float, float, float]]:
    """text → (x, y, size) of where it starts on `page`, in points from the bottom-left."""
    from pypdf import PdfReader

    found: dict[str, tuple[float, float, float]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found[text.strip()] = (x, y, size * tm[0])

    PdfReader(str(path)).pages[page].extract_text(visitor_text=visit)
    return found


def page_sizes_mm(path) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    return [(round(float(p.mediabox.width) / common.mm, 1), round(float(p.mediabox.height) / common.mm, 1))
            for p in PdfReader(str(path)).pages]


# --- 推荐表 --------------------------------------------------------------------------------------------


def test_nomination_forms_one_page_per_nominee_with_the_details(red, tmp_path, pdf):
    out = tmp_path / "推荐表.pdf"
    result = ph.print_nomination_forms(red.award_round.id, out)
    pages = [flat(p) for p in pdf.pages(out)]
    assert result.pages == len(pages) == 4 and result.items == 4
    assert [next(n for n in ("李芳", "周敏", "钱红", "孙丽") if n in p) for p in pages] == ["李芳", "周敏", "钱红", "孙丽"]
    first = next(p for p in pages if "李芳" in p)
    for text in ("育才中学工会", "2027年校级三八红旗手推荐表", "姓名", "李芳", "性别", "女", "出生年月", "1985年3月",
                 "民族", "回族", "政治面貌", "中共党员", "学历", "硕士研究生", "部门", "语文组", "职务/职称",
                 "班主任／高级教师", "参加工作时间", "2007年8月", "推荐单位", "语文小组", "照片", "先进事迹", DEEDS,
                 "推荐单位负责人签名", "票数", "30票", "工会意见", "（盖章）", "年月日"):
        assert text in first, text
    assert first.index("先进事迹") < first.index("推荐单位负责人签名") < first.index("票数") < first.index("工会意见")
    assert ph.CUT_NOTE not in "".join(pages)


def test_800_characters_of_deeds_stay_on_one_page_in_full(red, tmp_path, pdf):
    out = tmp_path / "zhou.pdf"
    assert ph.print_nomination_forms(red.award_round.id, out, [red.zhou.id]).pages == 1
    pages = pdf.pages(out)
    assert len(pages) == 1
    text = flat(pages[0])
    assert flat(red.zhou.deeds) in text and ph.CUT_NOTE not in text
    assert "工会意见" in text and "（盖章）" in text
    assert min(size for size, _ in text_sizes(out)) >= MIN_POINTS


def test_very_long_deeds_are_cut_with_a_note_never_a_second_page(red, tmp_path, pdf):
    honours.update_nomination(red.zhou, {"deeds": deeds_of(2000)})
    out = tmp_path / "long.pdf"
    result = ph.print_nomination_forms(red.award_round.id, out, [red.zhou.id, red.li.id])
    pages = [flat(p) for p in pdf.pages(out)]
    assert result.pages == len(pages) == 2
    assert "周敏" in pages[0] and "李芳" in pages[1]  # in the order asked
    assert "……" + ph.CUT_NOTE in pages[0] and deeds_of(2000)[:600] in pages[0]
    assert "工会意见" in pages[0] and "年月日" in pages[0]  # the end of the form is still there
    deeds_sizes = {size for size, piece in text_sizes(out) if piece.strip().startswith("第")}
    assert deeds_sizes == {MIN_POINTS}  # made as small as allowed, not smaller
    assert min(size for size, _ in text_sizes(out)) >= MIN_POINTS


def test_a_form_that_runs_over_is_measured_again(red, tmp_path, pdf, monkeypatch):
    honours.update_nomination(red.zhou, {"deeds": deeds_of(2000)})
    monkeypatch.setattr(ph, "RETRY_SLACK", (-60 * common.mm,))
    out = tmp_path / "retry.pdf"
    assert ph.print_nomination_forms(red.award_round.id, out, [red.zhou.id]).pages == 2  # measured too generously
    monkeypatch.setattr(ph, "RETRY_SLACK", (-60 * common.mm, ph.SLACK))
    assert ph.print_nomination_forms(red.award_round.id, out, [red.zhou.id, red.li.id]).pages == 2
    pages = pdf.pages(out)
    assert len(pages) == 2 and ph.CUT_NOTE in flat(pages[0]) and "李芳" in pages[1]


def test_votes_are_blank_when_not_voted(red, tmp_path, pdf):
    out = tmp_path / "qian.pdf"
    ph.print_nomination_forms(red.award_round.id, out, [red.qian.id])
    text = flat(pdf.text(out))
    assert "钱红" in text and "票数" in text
    assert not re.search(r"\d+票", text)


def test_a_union_group_form_has_the_group_and_its_members_count(honours_db, tmp_path, pdf):
    for name, roles in (("王强", "工会小组长"), ("赵敏", ""), ("陈静", "")):
        members.create_member({"name": name, "sex": "女", "department": "数学组", "union_group": "数学小组",
                               "union_roles": roles})
    members.create_member({"name": "别组", "sex": "男", "department": "英语组", "union_group": "英语小组"})
    home = honours.save_round({"award_type": honours.award_by_name("先进教工小家"), "year": 2027})
    nomination, _ = honours.nominate(home, {"group_name": "数学小组", "nominated_by": "数学组", "deeds": "小家建设有特色"})
    out = tmp_path / "group.pdf"
    assert ph.print_nomination_forms(home.id, out).pages == 1
    text = flat(pdf.text(out))
    for piece in ("2027年区级先进教工小家推荐表", "工会小组", "数学小组", "成员人数", "3人", "小组长", "王强", "推荐单位",
                  "数学组", "小家建设有特色", "工会意见"):
        assert piece in text, piece
    assert "出生年月" not in text and "照片" not in text


def test_forms_refuse_unknown_nominations_and_an_empty_round(red, honours_db, tmp_path):
    other = honours.save_round({"award_type": honours.award_by_name("巾帼标兵"), "year": 2027})
    with pytest.raises(ValidationError, match="还没有推荐人选"):
        ph.print_nomination_forms(other.id, tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="不在“2027年校级三八红旗手”中"):
        ph.print_nomination_forms(red.award_round.id, tmp_path / "x.pdf", [red.li.id, 9999])
    with pytest.raises(NotFoundError):
        ph.print_nomination_forms(9999, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


# --- 公示 ------------------------------------------------------------------------------------------------


def test_notice_lists_the_elected_and_those_sent_upward(red, tmp_path, pdf):
    out = tmp_path / "公示.pdf"
    result = ph.print_notice(red.award_round.id, out)
    assert result.pages == 1 and result.items == 3
    text = flat(pdf.text(out))
    assert text.startswith("关于2027年校级三八红旗手评选结果的公示")
    for piece in ("经各工会小组推荐、育才中学工会研究", "拟表彰或推荐上报以下同志（共3名）", "序号", "姓名", "部门", "奖项",
                  "1李芳语文组校级三八红旗手", "2周敏语文组校级三八红旗手", "3钱红英语组拟推荐上报区级三八红旗手",
                  "公示时间：2027年3月2日至2027年3月6日", "异议", f"联系人及电话：{flat(CONTACT)}"):
        assert piece in text, piece
    assert "孙丽" not in text  # 未当选
    assert text.endswith("育才中学工会2027年3月2日第1页共1页")  # signed, dated with the first day of the 公示
    assert min(size for size, _ in text_sizes(out)) >= MIN_POINTS


def test_notice_dated_today_when_given_and_only_elected(red, tmp_path, pdf):
    honours.update_nomination(red.qian, {"result": "未当选"})
    out = tmp_path / "notice.pdf"
    ph.print_notice(red.award_round.id, out, today=dt.date(2027, 3, 1))
    text = flat(pdf.text(out))
    assert "拟表彰以下同志（共2名）" in text and "钱红" not in text and "上报" not in text
    assert "育才中学工会2027年3月1日" in text


def test_notice_refused_without_a_period_or_without_anyone_elected(red, honours_db, tmp_path):
    honours.save_round({"notice_start": None, "notice_end": None}, red.award_round)
    with pytest.raises(ValidationError, match="还没有登记公示起止日期"):
        ph.print_notice(red.award_round.id, tmp_path / "n.pdf")
    empty = honours.save_round({"award_type": honours.award_by_name("巾帼标兵"), "year": 2027,
                                "notice_start": "2027-03-02", "notice_end": "2027-03-06"})
    honours.nominate(empty, {"member": red.sun.member})
    with pytest.raises(ValidationError, match="还没有当选或上报的人选"):
        ph.print_notice(empty.id, tmp_path / "n.pdf")
    assert not (tmp_path / "n.pdf").exists()


# --- 表彰名单 -------------------------------------------------------------------------------------------


def test_honour_roll_refused_before_the_round_is_decided(red, tmp_path):
    with pytest.raises(ValidationError, match="还没有表彰，不能打印表彰名单"):
        ph.print_honour_roll(red.award_round.id, tmp_path / "roll.pdf")
    assert not (tmp_path / "roll.pdf").exists()


def test_honour_roll_by_department_signed_with_the_decision_date(red, tmp_path, pdf):
    extra = members.create_member({"name": "吴芸", "sex": "女", "department": "英语组"})
    nomination, _ = honours.nominate(red.award_round, {"member": extra})
    honours.update_nomination(nomination, {"result": "当选", "votes": 40})
    honours.decide_round(red.award_round, "2027-03-08")
    out = tmp_path / "roll.pdf"
    result = ph.print_honour_roll(red.award_round.id, out)
    assert result.pages == 1 and result.items == 3
    text = flat(pdf.text(out))
    for piece in ("育才中学工会", "2027年校级三八红旗手表彰名单", "决定授予以下3名同志“校级三八红旗手”称号",
                  "1英语组1吴芸", "2语文组2李芳、周敏"):  # departments (ying < yu) and names by pinyin
        assert piece in text, piece
    assert "钱红" not in text and "孙丽" not in text  # 上报 without an outcome, 未当选
    assert text.endswith("育才中学工会2027年3月8日第1页共1页")
    assert min(size for size, _ in text_sizes(out)) >= MIN_POINTS


def test_honour_roll_lists_an_upward_award_in_its_own_section(red, tmp_path, pdf):
    honours.update_nomination(red.qian, {"upward_outcome": "获评"})
    honours.decide_round(red.award_round, "2027-03-08")
    out = tmp_path / "roll.pdf"
    ph.print_honour_roll(red.award_round.id, out)
    text = flat(pdf.text(out))
    assert "现将2027年校级三八红旗手评选中获得表彰的3名同志名单公布如下" in text
    assert text.index("一、校级三八红旗手（2名）") < text.index("李芳") < text.index("二、区级三八红旗手（1名）") < text.index("钱红")


# --- certificates ----------------------------------------------------------------------------------------


def test_fifty_certificates_fifty_landscape_pages_one_font(honours_db, tmp_path, pdf):
    settings.save({"school_name": "育才中学"})
    ids = []
    for number in range(50):
        member = Member.create(name=f"{SURNAMES[number]}老师{number:02d}", sex="女", department="语文组")
        ids.append(honours.add_honour({"member": member.id, "title": "优秀教职工", "year": 2027,
                                       "date": "2027-09-10"}).id)
    out = tmp_path / "证书.pdf"
    result = ph.print_certificates(ids, out)
    pages = pdf.pages(out)
    assert result.pages == len(pages) == 50 and result.items == 50
    assert set(page_sizes_mm(out)) == {(297.0, 210.0)}  # A4 landscape
    for number in (0, 25, 49):
        text = flat(pages[number])
        for piece in ("荣誉证书", f"{SURNAMES[number]}老师{number:02d}同志：", "在2027年度工作中表现突出，被评为",
                      "校级“优秀教职工”", "特发此证，以资鼓励。", "育才中学工会", "2027年9月10日"):
            assert piece in text, piece
    assert len(pdf.fonts(out)) == 1  # the font is embedded once, not per page
    assert out.stat().st_size < 400_000, out.stat().st_size
    assert min(size for size, _ in text_sizes(out)) >= 14  # the default template's smallest line


def test_an_insert_has_its_own_paper_and_the_offsets_move_the_text(red, tmp_path):
    honours.decide_round(red.award_round, "2027-03-08")
    honour = honours.round_honours(red.award_round)[0]
    fields = [rules.CertificateField("{姓名}", 50, 60, 20, "left"),
              rules.CertificateField("{年度}年度{级别}级{奖项}", 120, 100, 18, "center"),
              rules.CertificateField("{授予单位}", 200, 140, 14, "right")]
    plain = rules.CertificateTemplate(width_mm=240, height_mm=170, fields=fields)
    moved = rules.CertificateTemplate(width_mm=240, height_mm=170, offset_x_mm=10, offset_y_mm=-5, fields=fields)
    a, b = tmp_path / "plain.pdf", tmp_path / "moved.pdf"
    ph.print_certificates([honour.id], a, plain)
    ph.print_certificates([honour.id], b, moved)
    assert page_sizes_mm(a) == page_sizes_mm(b) == [(240.0, 170.0)]
    mm = common.mm
    font, _ = common.chinese_font()
    at, moved_at = text_positions(a), text_positions(b)
    x, y, size = at["李芳"]
    assert (round(x / mm, 1), round(y / mm, 1), size) == (50.0, 110.0, 20)  # baseline 60 mm from the top
    x, y, _ = moved_at["李芳"]
    assert (round(x / mm, 1), round(y / mm, 1)) == (60.0, 115.0)  # 10 mm right, 5 mm up
    line = "2027年度校级三八红旗手"
    x, y, size = at[line]
    assert round((x + common.pdfmetrics.stringWidth(line, font, 18) / 2) / mm, 1) == 120.0  # centred on x
    x, y, size = at[UNION]
    assert round((x + common.pdfmetrics.stringWidth(UNION, font, 14)) / mm, 1) == 200.0  # ends at x
    assert round(moved_at[UNION][0] / mm - x / mm, 1) == 10.0


def test_a_line_too_long_for_the_paper_is_made_smaller_but_not_below_9_pt(red, tmp_path):
    fields = [rules.CertificateField("{奖项}" * 3, 60, 50, 40, "center"), rules.CertificateField("短", 60, 80, 40)]
    template = rules.CertificateTemplate(width_mm=120, height_mm=100, fields=fields)
    out = tmp_path / "shrunk.pdf"
    data = ph.certificate_pdf_bytes(template, {"奖项": "校级三八红旗手"})
    out.write_bytes(data)
    sizes = {text: size for text, (_x, _y, size) in text_positions(out).items()}
    assert sizes["短"] == 40
    assert MIN_POINTS <= sizes["校级三八红旗手" * 3] < 40
    x, _y, size = text_positions(out)["校级三八红旗手" * 3]
    font, _ = common.chinese_font()
    end = x + common.pdfmetrics.stringWidth("校级三八红旗手" * 3, font, size)
    assert ph.EDGE - 0.5 <= x and end <= 120 * common.mm - ph.EDGE + 0.5  # stays on the paper


def test_certificate_preview_bytes_fill_the_values(honours_db):
    settings.save({"school_name": "育才中学"})
    data = ph.certificate_pdf_bytes(rules.default_template(), {"姓名": "李芳", "奖项": "三八红旗手", "级别": "校",
                                                               "年度": "2027", "授予单位": UNION, "日期": "2027年3月8日"})
    assert data.startswith(b"%PDF")
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data))
    assert len(reader.pages) == 1
    text = flat(reader.pages[0].extract_text())
    assert "李芳同志：" in text and "校级“三八红旗手”" in text and "2027年3月8日" in text
    sample = flat(PdfReader(BytesIO(ph.certificate_pdf_bytes(rules.default_template().to_json()))).pages[0].extract_text())
    assert "张三同志：" in sample and "育才中学工会" in sample
    with pytest.raises(ValidationError, match="纸张宽度"):
        ph.certificate_pdf_bytes(rules.CertificateTemplate(width_mm=10, fields=[]), {})


def test_certificates_use_the_saved_template_and_refuse_nothing_chosen(red, tmp_path, pdf):
    honours.decide_round(red.award_round, "2027-03-08")
    template = rules.CertificateTemplate(width_mm=250, height_mm=176, fields=[
        rules.CertificateField("兹授予{姓名}（{部门}）{年度}年度{奖项}称号", 125, 80, 16)])
    honours.save_certificate_template(template)
    out = tmp_path / "saved.pdf"
    ids = [h.id for h in honours.round_honours(red.award_round)]
    assert ph.print_certificates(ids, out).pages == 2
    assert page_sizes_mm(out) == [(250.0, 176.0)] * 2
    assert "兹授予李芳（语文组）2027年度三八红旗手称号" in flat(pdf.pages(out)[0])
    with pytest.raises(ValidationError, match="请先选择要打印证书的荣誉记录"):
        ph.print_certificates([], tmp_path / "none.pdf")
    with pytest.raises(NotFoundError):
        ph.print_certificates([9999], tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_sheets_with_the_cid_font(red, tmp_path, pdf, no_cjk_font):
    out = tmp_path / "cid.pdf"
    assert ph.print_nomination_forms(red.award_round.id, out, [red.zhou.id]).pages == 1
    pdf.assert_cid_fallback(out)
    honours.decide_round(red.award_round, "2027-03-08")
    ph.print_certificates([h.id for h in honours.round_honours(red.award_round)], out)
    pdf.assert_cid_fallback(out)
