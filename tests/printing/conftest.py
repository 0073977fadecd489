"""Fixtures for the printing tests: a small school with settings, members, visits; a PDF reader."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest

from union_desk.db.models import Member, Relative, VisitType
from union_desk.domain.idcard import make_id
from union_desk.printing import fonts


def vtype(name: str) -> VisitType:
    return VisitType.get(VisitType.name == name)


@dataclass
class School:
    wang: Member  # 王芳, 语文组
    li: Member  # 李强, 数学组, father died
    father: Relative


@pytest.fixture
def school(db):
    from union_desk.services import settings

    settings.save({
        "school_name": "杭州市文澜实验学校",
        "union_name": "杭州市文澜实验学校工会委员会",
        "chair": "余欣珊",
        "default_handler": "陈超华",
    })
    wang = Member.create(name="王芳", sex="女", birth_date=dt.date(1980, 5, 1), department="语文组",
                         id_number=make_id("330106", dt.date(1980, 5, 1), 123, "女"))
    li = Member.create(name="李强", sex="男", birth_date=dt.date(1975, 3, 2), department="数学组",
                       id_number=make_id("330102", dt.date(1975, 3, 2), 457, "男"))
    father = Relative.create(member=li, name="李建国", relation="父亲", birth_date=dt.date(1948, 1, 9),
                             death_date=dt.date(2026, 3, 3))
    return School(wang, li, father)


@pytest.fixture
def no_cjk_font(monkeypatch):
    """Pretend no Chinese TrueType font is installed: the CID font STSong-Light must be used."""
    monkeypatch.setattr(fonts, "LINUX_FONTS", [])
    monkeypatch.setattr(fonts, "_windows_fonts", lambda: [])


class PdfCheck:
    """Read a PDF back: text per page, and every font its pages (and forms) use."""

    def reader(self, path):
        from pypdf import PdfReader

        return PdfReader(str(path))

    def pages(self, path) -> list[str]:
        return [page.extract_text() or "" for page in self.reader(path).pages]

    def text(self, path) -> str:
        return "\n".join(self.pages(path))

    def flat(self, path) -> str:
        """All text without any whitespace (layout may split a line into pieces)."""
        return re.sub(r"\s+", "", self.text(path))

    def fonts(self, path) -> list[dict]:
        """One dict per font dictionary used: base_font, subtype, embedded (FontFile/2/3)."""
        found: dict[int, dict] = {}

        def walk_resources(resources, seen):
            if resources is None:
                return
            resources = resources.get_object()
            for ref in (resources.get("/Font") or {}).values():
                font = ref.get_object()
                key = id(font) if not hasattr(ref, "idnum") else ref.idnum
                if key in found:
                    continue
                descriptor = font.get("/FontDescriptor")
                if font.get("/Subtype") == "/Type0":
                    descendant = font["/DescendantFonts"][0].get_object()
                    descriptor = descendant.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else {}
                found[key] = {
                    "base_font": str(font.get("/BaseFont")),
                    "subtype": str(font.get("/Subtype")),
                    "embedded": any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                    "truetype_file": "/FontFile2" in descriptor,
                }
            for ref in (resources.get("/XObject") or {}).values():
                xobject = ref.get_object()
                idnum = getattr(ref, "idnum", id(xobject))
                if idnum in seen or xobject.get("/Subtype") != "/Form":
                    continue
                seen.add(idnum)
                walk_resources(xobject.get("/Resources"), seen)

        for page in self.reader(path).pages:
            walk_resources(page.get("/Resources"), set())
        return list(found.values())

    def assert_embedded_truetype(self, path) -> None:
        used = self.fonts(path)
        assert used, "no fonts at all"
        for font in used:
            assert "Helvetica" not in font["base_font"], used
            assert font["subtype"] == "/TrueType" and font["truetype_file"], used
            assert re.fullmatch(r"/[A-Z]{6}\+\S+", font["base_font"]), used  # subset prefix AAAAAA+

    def assert_cid_fallback(self, path) -> None:
        used = self.fonts(path)
        assert used
        for font in used:
            assert font["base_font"] == "/STSong-Light", used
            assert font["subtype"] == "/Type0" and not font["embedded"], used


@pytest.fixture
def pdf():
    return PdfCheck()


@pytest.fixture
def truetype_installed():
    choice = fonts.resolve_font()
    if choice.path is None:
        pytest.skip("no Chinese TrueType font installed on this machine (.ci/run installs WenQuanYi)")
    return choice
