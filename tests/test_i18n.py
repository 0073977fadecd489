"""The zh_CN catalogue is complete and compiled from the current .ts."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():
    module = load_tool()
    if not (shutil.which("pyside6-lupdate") or shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))):
        pytest.skip("pyside6-lupdate is not installed")
    return module


def test_every_string_is_translated_and_qm_is_current(tool):
    assert tool.check() == []


def test_translation_loads_and_translates(qapp):
    from PySide6.QtCore import QCoreApplication

    from union_desk.ui import i18n

    assert i18n.install(qapp, "zh_CN")
    assert QCoreApplication.translate("Navigation", "Members") == "会员档案"
    i18n.install(qapp, "en")
    assert QCoreApplication.translate("Navigation", "Members") == "Members"
    i18n.install(qapp, "zh_CN")
