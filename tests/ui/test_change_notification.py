"""One change notification (issue 13): a visit added in one place shows everywhere it is shown —
the 首页 figures, an open member form's visit list and the statistics page — without reopening,
and with no signal wired from one view to another."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from union_desk import changes
from union_desk.db.models import Member, VisitType
from union_desk.services import visits
from union_desk.ui import i18n
from union_desk.ui.change_bus import bus
from union_desk.ui.main_window import MainWindow
from union_desk.ui.members.form import MemberForm

VISITS_PANEL = "union_desk.ui.hardship.member_visits:MemberVisitsPanel"


@pytest.fixture
def window(qtbot, qapp, db, db_path):
    i18n.install(qapp, "zh_CN")
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def add_visit(member: Member, cash: str = "500"):
    visit_type = VisitType.select().where(VisitType.needs_relative == False).first()  # noqa: E712
    return visits.create_visit(
        {"member": member, "visit_type": visit_type, "date": dt.date.today(), "cash": Decimal(cash), "reason": "住院"}
    )


def test_a_visit_shows_on_home_the_member_form_and_the_statistics(window, qtbot):
    member = Member.create(name="李华", status="在职")
    window.show_page("stats")
    before = window.page("stats").stats
    window.show_page("home")
    assert window.home.cards["visits_count"].value.text() == "0"
    form = MemberForm(member, window)
    qtbot.addWidget(form)
    form.show()
    panel = form.panels[VISITS_PANEL]
    assert panel.model.rowCount() == 0

    add_visit(member, "500")  # as the visit form of 困难帮扶 does: through the service
    qtbot.waitUntil(lambda: window.home.cards["visits_count"].value.text() == "1", timeout=2000)
    assert window.home.cards["visits_amount"].value.text() == "500.00"
    assert panel.model.rowCount() == 1 and "500.00" in panel.summary.text()
    assert "stats" in window._stale  # not in front: counted again when shown
    window.show_page("stats")
    assert window.page("stats").stats is not before
    assert window.page("stats").stats.visits.count == 1
    form.close()


def test_one_signal_for_many_writes_and_only_concerned_pages(window, qtbot):
    seen: list[frozenset] = []
    bus().changed.connect(seen.append)
    window.page("activities")  # built, not in front
    window._stale.clear()
    member = Member.create(name="张三", status="在职")
    add_visit(member, "100")
    add_visit(member, "200")
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert seen == [frozenset({"visit", "fund_entry"})]  # 工会经费 paid: posted to the funds book in the same write
    assert "hardship" in window._stale and "stats" in window._stale and "funds" in window._stale
    assert "activities" not in window._stale  # it shows no visits
    assert "members" not in window._stale


def test_the_page_in_front_is_refreshed_by_changes_made_elsewhere(window, qtbot, monkeypatch):
    window.show_page("activities")
    calls = []
    monkeypatch.setattr(window.page("activities"), "refresh", lambda: calls.append("refresh"))
    changes.announce({"activity"})  # its own kind: the page refreshes itself after its own saves
    bus().flush()
    assert calls == []
    changes.announce({"sign_up", "member"})  # e.g. a sign-up import from the 文件 menu
    bus().flush()
    assert calls == ["refresh"]
    changes.announce({changes.EVERYTHING})  # a restore
    bus().flush()
    assert calls == ["refresh", "refresh"]


def test_writes_in_a_worker_thread_reach_the_gui_thread(window, qtbot):
    import threading

    seen: list[frozenset] = []
    bus().changed.connect(seen.append)
    worker = threading.Thread(target=changes.announce, args=({"member"},))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: seen == [frozenset({"member"})], timeout=2000)


def test_the_main_window_wires_no_view_to_another():
    import inspect

    import union_desk.ui.main_window as main_window

    source = inspect.getsource(main_window)
    for name in ("PlanTab", "MembersTab", "HardshipTab", "ActivitiesTab", "StatsPage", "visits_changed", "hardship"):
        assert name not in source, name
