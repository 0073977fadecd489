"""保存并打印 on the visit form (new and edit) and after a batch: the visit is saved, then the print
preview of its slip opens; `printed_at` only follows a print or a saved PDF (issue 14)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from union_desk.db.models import Visit, VisitType
from union_desk.services import visits
from union_desk.ui.hardship.batch_dialog import RULE_OWN, BatchDialog
from union_desk.ui.hardship.visit_form import VisitForm
from union_desk.ui.print_preview import PrintPreviewDialog


@pytest.fixture
def page(qtbot, qapp, school):
    from union_desk.ui.hardship.visits_page import VisitsPage

    widget = VisitsPage()
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


@pytest.fixture
def previews(monkeypatch):
    """Each preview shown: its title and the text of its PDF; then `then(dialog)` runs."""
    shown: list[dict] = []
    actions = {"then": lambda dialog: None}

    def fake_exec(self):
        from pypdf import PdfReader

        reader = PdfReader(str(self.path))
        shown.append({"title": self.title, "pages": len(reader.pages),
                      "text": "".join(p.extract_text() for p in reader.pages)})
        actions["then"](self)
        return 0

    monkeypatch.setattr(PrintPreviewDialog, "exec", fake_exec)
    return shown, actions


def _type(name: str) -> VisitType:
    return VisitType.get(VisitType.name == name)


def test_new_visit_save_and_print_opens_the_preview(page, school, previews, monkeypatch):
    shown, _ = previews

    def fill_and_print(form):
        form.member.set_member(school.wang)
        form.type_combo.setCurrentIndex(form.type_combo.findData(_type("生病住院").id))
        form.reason.setText("住院手术")
        form.save_and_print()
        return form.result()

    monkeypatch.setattr(VisitForm, "exec", fill_and_print)
    saved = page.new_visit()
    assert saved is not None and saved.member_id == school.wang.id
    assert len(shown) == 1 and saved.serial in shown[0]["text"] and shown[0]["pages"] == 1
    assert Visit.get_by_id(saved.id).printed_at is None  # only previewed


def test_refused_save_and_print_does_not_print_later(page, school, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    form = VisitForm(page)
    form.save_and_print()  # no member: refused, the form stays open
    assert warned and form.saved is None and form.print_requested is False


def test_edit_save_and_print_then_save_as_pdf(page, school, previews, monkeypatch, tmp_path):
    shown, actions = previews
    visit = visits.create_visit({"member": school.li.id, "visit_type": _type("生病住院").id,
                                 "date": dt.date(2026, 3, 2), "cash": "500"})
    page.refresh()
    page.select_visit(visit.id)

    def change_and_print(form):
        form.cash.setText("800")
        form.save_and_print()
        return form.result()

    monkeypatch.setattr(VisitForm, "exec", change_and_print)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "slip.pdf"), ""))
    actions["then"] = lambda dialog: dialog.save_as()
    page.edit_visit()
    stored = Visit.get_by_id(visit.id)
    assert stored.cash == 800 and stored.printed_at is not None
    assert "800.00" in shown[0]["text"]


def test_plain_save_does_not_print(page, school, previews, monkeypatch):
    shown, _ = previews

    def fill_and_save(form):
        form.member.set_member(school.wang)
        form.type_combo.setCurrentIndex(form.type_combo.findData(_type("生病住院").id))
        form.accept()
        return form.result()

    monkeypatch.setattr(VisitForm, "exec", fill_and_save)
    assert page.new_visit() is not None
    assert shown == []


def test_batch_save_and_print_previews_its_slips_in_one(page, school, previews, monkeypatch):
    shown, _ = previews
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("保存并打印 asks no more"))

    def choose_and_print(dialog):
        dialog.rule_own.setChecked(True)
        dialog.apply_rule(RULE_OWN)
        dialog.set_members([school.wang, school.li])
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(_type("春节送温暖").id))
        dialog.save_and_print()
        return dialog.result()

    monkeypatch.setattr(BatchDialog, "exec", choose_and_print)
    page.batch()
    made = list(Visit.select().order_by(Visit.id))
    assert len(made) == 2 and told
    slips_preview, signoff_preview = shown
    assert slips_preview["pages"] == 2 and all(v.serial in slips_preview["text"] for v in made)
    assert "签收" in signoff_preview["text"]
    assert all(v.printed_at is None for v in Visit.select())
