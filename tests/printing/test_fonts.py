"""Fonts: the per-user Windows fonts folder, the faces inside a .ttc, and printing with the chosen face.

Windows is simulated: WINDIR and LOCALAPPDATA point at folders in tmp_path holding a copy of
WenQuanYi Zen Hei (a .ttc with three faces) under a Windows font's file name.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import reportlab
from reportlab.lib.pagesizes import A5

from union_desk.errors import ValidationError
from union_desk.printing import common, fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # a single TrueType font, no collection

needs_wqy = pytest.mark.skipif(not WQY.is_file(), reason="WenQuanYi Zen Hei is not installed (.ci/run installs it)")


@pytest.fixture
def windows(tmp_path, monkeypatch):
    """Empty simulated Windows font folders: (system, per-user). Linux fonts are hidden."""
    system = tmp_path / "Windows" / "Fonts"
    user = tmp_path / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts"
    system.mkdir(parents=True)
    user.mkdir(parents=True)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    monkeypatch.setattr(fonts, "LINUX_FONTS", [])
    return system, user


@needs_wqy
def test_per_user_fonts_folder_is_searched_when_the_system_folder_lacks_the_font(windows):
    system, user = windows
    assert fonts.resolve_font().path is None  # nothing anywhere: the CID font
    shutil.copyfile(WQY, user / "simsun.ttc")
    choice = fonts.resolve_font()
    assert choice.path == user / "simsun.ttc" and choice.subfont_index == 0 and choice.name != fonts.CID_FONT


@needs_wqy
def test_system_folder_comes_first(windows):
    system, user = windows
    shutil.copyfile(WQY, user / "simsun.ttc")
    shutil.copyfile(WQY, system / "msyh.ttc")  # a later name, but in the system folder
    assert fonts.resolve_font().path == system / "msyh.ttc"


def test_without_localappdata_only_the_system_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("WINDIR", str(tmp_path / "W"))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    assert fonts.windows_font_folders() == [tmp_path / "W" / "Fonts"]
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\王芳\AppData\Local")
    assert fonts.windows_font_folders()[1] == Path(r"C:\Users\王芳\AppData\Local") / "Microsoft" / "Windows" / "Fonts"


@needs_wqy
def test_collection_faces_names_every_face():
    faces = fonts.collection_faces(WQY)
    assert len(faces) >= 2
    assert faces[0] == "WenQuanYi Zen Hei Regular"
    assert any("Zen Hei Mono" in f for f in faces) and any("Zen Hei Sharp" in f for f in faces)
    assert fonts.collection_faces(str(WQY)) == faces  # a path as text, as the settings keep it


def test_collection_faces_of_other_files_is_empty(tmp_path):
    assert fonts.collection_faces(VERA) == []
    assert fonts.collection_faces(tmp_path / "missing.ttc") == []
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"ttcf\x00\x01\x00\x00\x00\x00\x00\x02" + b"\x00" * 40)
    assert fonts.collection_faces(broken) == []


@needs_wqy
def test_resolve_font_honours_the_index():
    choice = fonts.resolve_font(str(WQY), 1)
    assert (choice.path, choice.subfont_index, choice.problem) == (WQY, 1, "")
    assert choice.name != fonts.resolve_font(str(WQY)).name  # each face registers under its own name
    assert fonts.resolve_font(str(VERA), 1).subfont_index == 0  # a single font: the index is ignored


@needs_wqy
def test_an_index_beyond_the_collection_is_a_problem_and_falls_back(windows):
    choice = fonts.resolve_font(str(WQY), 5)
    assert "只有 3 种字体" in choice.problem and "第 6 种" in choice.problem
    assert choice.path is None  # no Windows or Linux font in this simulated machine


@needs_wqy
def test_pdf_embeds_the_face_chosen_in_settings(db, tmp_path, pdf):
    from union_desk.services import settings

    settings.save({"print_font": str(WQY), "pdf_font_index": "1"})
    assert common.font_choice().subfont_index == 1
    name, description = common.chinese_font()
    target = tmp_path / "face.pdf"

    def write(fh):
        c = common.make_canvas(fh, name, A5)
        c.drawString(50, 500, "工会工作台 打印字形测试")
        c.save()

    common.write_pdf_atomic(target, write)
    used = pdf.fonts(target)
    assert len(used) == 1 and used[0]["embedded"]
    assert used[0]["base_font"].endswith("+WenQuanYiZenHeiMono-1"), used
    assert "工会工作台" in pdf.flat(target)

    settings.save({"pdf_font_index": "0"})
    assert common.font_choice().subfont_index == 0


def test_font_index_setting_is_checked(db):
    from union_desk.services import settings

    assert settings.font_index() == 0
    for bad in ("x", "-1", "1.5", "１"):
        with pytest.raises(ValidationError):
            settings.save({"pdf_font_index": bad})
    settings.save({"pdf_font_index": "2"})
    assert settings.font_index() == 2
