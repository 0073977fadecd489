"""The shared printing layer: atomic PDF writing, the font from settings, the union header."""

from __future__ import annotations

import os

import pytest

from union_desk.errors import FileInUseError, ValidationError
from union_desk.printing import common, fonts


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _write_hello(font):
    def write(filename):
        c = common.make_canvas(filename, font, (200, 200))
        c.setFont(font, 12)
        c.drawString(20, 100, "新的文件")
        c.showPage()
        c.save()

    return write


def test_atomic_write_replaces_the_file_and_leaves_no_temporary(db, out_dir, pdf):
    font, _ = common.chinese_font()
    target = out_dir / "out.pdf"
    target.write_bytes(b"old")
    written = common.write_pdf_atomic(target, _write_hello(font))
    assert written == target
    assert "新的文件" in pdf.text(target)
    assert sorted(p.name for p in out_dir.iterdir()) == ["out.pdf"]


def test_a_locked_target_raises_file_in_use_and_keeps_the_old_file(db, out_dir, monkeypatch):
    font, _ = common.chinese_font()
    target = out_dir / "签收表.pdf"
    target.write_bytes(b"%PDF old and whole")

    def refuse(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr("union_desk.files.RETRY_DELAYS", (0, 0))
    with pytest.raises(FileInUseError) as info:
        common.write_pdf_atomic(target, _write_hello(font))
    assert info.value.message == "文件“签收表.pdf”正被其他程序打开，请关闭后重试。"
    assert target.read_bytes() == b"%PDF old and whole"
    assert sorted(p.name for p in out_dir.iterdir()) == ["签收表.pdf"]  # temporary removed


def test_a_failing_writer_leaves_the_old_file(db, out_dir):
    target = out_dir / "out.pdf"
    target.write_bytes(b"old")

    def broken(fh):
        fh.write(b"half a pdf")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        common.write_pdf_atomic(target, broken)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in out_dir.iterdir()) == ["out.pdf"]


def test_pdf_target_adds_the_suffix_and_refuses_others(tmp_path):
    assert common.pdf_target(tmp_path / "slip") == tmp_path / "slip.pdf"
    with pytest.raises(ValidationError):
        common.pdf_target(tmp_path / "slip.xlsx")
    with pytest.raises(ValidationError):
        common.pdf_target(tmp_path)  # a folder
    with pytest.raises(ValidationError):
        common.write_pdf_atomic(tmp_path / "missing" / "x.pdf", lambda f: None)


def test_font_comes_from_settings_then_falls_back(db, truetype_installed, no_cjk_font):
    name, description = common.chinese_font()
    assert name == fonts.CID_FONT and "STSong-Light" in description


def test_configured_font_is_used(db, truetype_installed):
    from union_desk.services import settings

    settings.save({"print_font": str(truetype_installed.path)})
    name, description = common.chinese_font()
    assert truetype_installed.path.name in description
    assert name != fonts.CID_FONT


def test_union_title_falls_back_to_the_school(db):
    from union_desk.services import settings

    assert common.union_title() == "工会"
    settings.save({"school_name": "文澜学校"})
    assert common.union_title() == "文澜学校工会"
    settings.save({"union_name": "文澜学校工会委员会"})
    assert common.union_title() == "文澜学校工会委员会"


def test_money_formats():
    assert common.fmt_yuan("1005.5") == "￥1,005.50"
    assert common.capitals("1005.5") == "壹仟零伍元伍角"
