"""教代会 on 首页: overdue proposal replies (opening the proposal) and a session within 30 days."""

from __future__ import annotations

import datetime as dt

import pytest

from union_desk import areas
from union_desk.db.models import Member
from union_desk.services import congress
from union_desk.ui.congress import home
from union_desk.ui.home.parts import HomeContext, HomeList

TODAY = dt.date(2026, 5, 20)


@pytest.fixture
def proposals(db, db_path):
    people = [Member.create(name=f"代表{i}", sex="女", department="语文组", status="在职") for i in range(4)]
    term = congress.save_term({"number": 5, "start_date": "2024-09-01"})
    for m in people:
        congress.add_delegate(term, m, {"elected_date": "2024-09-01"})
    session = congress.save_session({"term": term, "date": "2026-03-10", "place": "报告厅"})

    def handed(title, due, department="总务处"):
        p, _ = congress.create_proposal(session, {"title": title, "proposer": people[0], "received_date": "2026-03-01"})
        congress.advance(p, "立案")
        congress.advance(p, "已交办", {"department": department, "handed_date": "2026-03-15", "due_date": due})
        return p

    late = handed("关于改善教工食堂午餐质量的建议", "2026-05-08")
    later = handed("关于增设停车位的建议", "2026-04-20", "教务处")
    handed("关于校园绿化的建议", "2026-05-20")  # due today: not overdue yet
    replied = handed("关于图书馆的建议", "2026-04-01")
    congress.advance(replied, "已答复", {"reply_date": "2026-04-10", "reply": "已延长开放时间"})
    return {"term": term, "late": late, "later": later, "context": HomeContext(TODAY, db_path)}


def parts_by_key(context) -> dict[str, HomeList]:
    parts = home.home_parts(context)
    assert all(isinstance(p, HomeList) for p in parts)
    return {p.key: p for p in parts}


def test_registered_as_the_areas_home():
    assert areas.resolve(areas.get("congress").home) is home.home_parts


def test_overdue_replies_listed_oldest_first(proposals):
    overdue = parts_by_key(proposals["context"])["congress_overdue"]
    assert overdue.kind == "proposal"
    assert [p.id for p in overdue.records] == [proposals["later"].id, proposals["late"].id]
    assert overdue.lines[0].startswith("5-1-002  增设停车位  教务处  ")
    assert overdue.lines[1].startswith("5-1-001  改善教工食堂午餐质量  总务处  ")
    assert "30" in overdue.lines[0] and "12" in overdue.lines[1]  # days overdue
    assert overdue.lines[1].endswith(home.translate("HomeTab", "{n} days overdue").format(n=12))


def test_no_session_soon_means_an_empty_list(proposals):
    parts = parts_by_key(proposals["context"])
    assert parts["congress_coming"].lines == [] and parts["congress_coming"].records == []
    assert parts["congress_coming"].kind == "congress_session"


def test_a_session_within_thirty_days(proposals):
    term = proposals["term"]
    soon = congress.save_session({"term": term, "date": TODAY + dt.timedelta(days=12), "place": "学术报告厅"})
    congress.save_session({"term": term, "date": TODAY + dt.timedelta(days=31)})
    coming = parts_by_key(proposals["context"])["congress_coming"]
    assert [s.id for s in coming.records] == [soon.id]
    (line,) = coming.lines
    assert line.startswith(f"{soon.date:%m-%d}  第五届第二次教职工代表大会  学术报告厅（")
    assert home.translate("HomeTab", "in {n} days").format(n=12) in line
    same_day = parts_by_key(HomeContext(soon.date, proposals["context"].db_path))["congress_coming"]
    assert home.translate("HomeTab", "today") in same_day.lines[0]


def test_nothing_to_say_on_an_empty_database(db, db_path):
    parts = parts_by_key(HomeContext(TODAY, db_path))
    assert [(p.key, p.lines) for p in parts.values()] == [("congress_overdue", []), ("congress_coming", [])]


def test_short_title():
    assert home.short_title("关于改善教工食堂午餐质量的建议") == "改善教工食堂午餐质量"
    assert home.short_title("关于进一步加强和改进学校教职工队伍建设工作的建议") == "进一步加强和改进学校教…"
    assert home.short_title("的建议") == "的建议"


def test_home_tab_lists_the_demo_overdue_proposal(qtbot, qapp, demo_db, db_path):
    """首页 in the main window: the demo school has an overdue reply; the entry carries the proposal."""
    from PySide6.QtCore import Qt

    from union_desk.ui.main_window import MainWindow

    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    box, widget = win.home.lists["congress_overdue"]
    assert box.isVisible()
    expected = congress.overdue_proposals(dt.date.today())
    assert expected and widget.count() == len(expected)
    kind, record = widget.item(0).data(Qt.ItemDataRole.UserRole)
    assert kind == "proposal" and record.id == expected[0].id
    assert widget.item(0).text().startswith(expected[0].number)
