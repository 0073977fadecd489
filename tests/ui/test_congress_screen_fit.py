"""The 教代会 page and dialogs fit a 1366×768 screen less the taskbar (1366×728), buttons visible.

Like tests/ui/test_screen_fit.py (whose `check` and `_no_boxes` this reuses): a child process per
screen, since a QApplication exists once per process. Run as a script it is that child:
`python test_congress_screen_fit.py DB_FILE [--png DIR]` (DIR: a screenshot of each window)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from screen_fit_child import run_child

HERE = Path(__file__).resolve()
NAMES = {"MainWindow(congress)", "TermForm(new)", "TermForm(edit)", "SessionForm(new)", "SessionForm(edit)",
         "SignInDialog", "AgendaDialog", "EvaluationDialog", "PlanItemPicker", "SettingsDialog"}


def fill(db_path: Path) -> None:
    """A term with 60 delegates, two sessions (the second with the report agenda item, signed
    in, with votes and a 民主评议), proposals: what the dialogs show at their fullest."""
    import datetime as dt

    from union_desk.services import congress, members

    term = congress.save_term({"number": 5, "start_date": dt.date(2023, 9, 1), "end_date": dt.date(2028, 8, 31)})
    surnames, given = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
    people = []
    for i in range(60):
        name = surnames[i % len(surnames)] + given[(i * 3) % len(given)] + given[(i * 7 + 1) % len(given)]
        people.append(members.create_member({"name": name, "sex": "女" if i % 2 else "男", "department": "语文组"},
                                            confirm_duplicate=True))
    for i, person in enumerate(people):
        congress.add_delegate(term, person, {"category": ("教师", "干部", "职工")[i % 3], "elected_date": "2023-09-01",
                                             "group_name": f"第{i % 4 + 1}代表团"})
    first = congress.save_session({"term": term, "date": "2024-03-08", "place": "学术报告厅"})
    congress.create_proposal(first, {"title": "关于改善教师食堂伙食质量的建议", "proposer": people[0]})
    second = congress.save_session({"term": term, "date": dt.date.today(), "place": "学术报告厅"})
    ids = [a.delegate_id for a in congress.attendance_of(second)]
    congress.mark_attendance(second, ids[:39], "出席")
    congress.mark_attendance(second, ids[39:42], "请假", "外出培训")
    congress.add_agenda_item(second, {"kind": "表决", "title": "学校章程修订案", "votes_for": 30, "votes_against": 5,
                                      "votes_abstain": 4})
    congress.save_evaluation(second, "中层干部民主评议", [
        {"member": p.id, "post": "教研组长", "excellent": 20, "competent": 15, "basic": 3, "incompetent": 1}
        for p in people[:8]
    ])


def run(db_path: Path, width: int, height: int, tmp: Path, *extra: str) -> dict:
    return run_child(tmp, HERE, [db_path, *extra], width, height)


def test_congress_dialogs_fit_1366x728(tmp_path, db, db_path):
    from union_desk.db.database import close_database

    fill(db_path)
    close_database()
    results = run(db_path, 1366, 728, tmp_path)
    assert NAMES | {"Overflow(control)"} <= set(results)
    assert results["MainWindow(congress)"]["available"][2:] == [1366, 728]
    bad = {name: r for name, r in results.items() if not r["ok"] and name != "Overflow(control)"}
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)
    assert not results["Overflow(control)"]["ok"]  # the check does catch a window too tall


# --- the child process ----------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    from screen_fit_check import _no_boxes, check

    db_path = Path(argv[0])
    png = Path(argv[argv.index("--png") + 1]) if "--png" in argv else None
    from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

    from union_desk.app import application
    from union_desk.services.maintenance import open_for_use
    from union_desk.ui import i18n

    app = application()
    i18n.install(app, "zh_CN")
    if "--json" in argv:  # strings not yet in i18n/: a translator over a {context: {source: text}} file
        from PySide6.QtCore import QTranslator

        table = json.loads(Path(argv[argv.index("--json") + 1]).read_text(encoding="utf-8"))

        class JsonTranslator(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
                return table.get(context, {}).get(source) or None

        app._json_translator = JsonTranslator(app)
        app.installTranslator(app._json_translator)
    open_for_use(db_path, auto_backup=False)
    _no_boxes()

    from union_desk.db.congress_models import CongressSession, CongressTerm
    from union_desk.ui.congress.session_forms import (
        AgendaDialog,
        EvaluationDialog,
        PlanItemPicker,
        SessionForm,
        SignInDialog,
        TermForm,
    )
    from union_desk.ui.main_window import MainWindow
    from union_desk.ui.settings_dialog import SettingsDialog

    if png:
        png.mkdir(parents=True, exist_ok=True)

    def shoot(name: str, widget: QWidget) -> None:
        if png:
            widget.grab().save(str(png / f"{name}.png"))

    window = MainWindow(db_path)
    window.show()
    page = window.show_page("congress")
    app.processEvents()
    print(json.dumps(check("MainWindow(congress)", window), ensure_ascii=False), flush=True)
    shoot("page-sessions", window)
    for index, name in ((1, "page-delegates"), (2, "page-proposals")):
        page.tabs.setCurrentIndex(index)
        app.processEvents()
        shoot(name, window)
    page.tabs.setCurrentIndex(0)

    term = CongressTerm.select().first()
    session = CongressSession.select().order_by(CongressSession.date.desc()).first()
    p = window
    dialogs = {
        "TermForm(new)": lambda: TermForm(None, p),
        "TermForm(edit)": lambda: TermForm(term, p),
        "SessionForm(new)": lambda: SessionForm(None, term, p),
        "SessionForm(edit)": lambda: SessionForm(session, None, p),
        "SignInDialog": lambda: SignInDialog(session, p),
        "AgendaDialog": lambda: AgendaDialog(session, p),
        "EvaluationDialog": lambda: EvaluationDialog(session, parent=p),
        "PlanItemPicker": lambda: PlanItemPicker(session.date.year, None, p),
        "SettingsDialog": lambda: SettingsDialog(p),
    }
    for name, build in dialogs.items():
        dialog = build()
        dialog.show()
        app.processEvents()
        print(json.dumps(check(name, dialog), ensure_ascii=False), flush=True)
        shoot(name, dialog)
        dialog.done(0)
        dialog.deleteLater()
        app.processEvents()

    if png:  # the member form's 教代会 panel, for a delegate with a proposal
        from union_desk.db.congress_models import Proposal
        from union_desk.ui.congress.member_panel import MemberCongressPanel

        panel = MemberCongressPanel(Proposal.select().first().proposer)
        panel.resize(700, 360)
        panel.show()
        app.processEvents()
        shoot("MemberCongressPanel", panel)
        panel.close()

    # a control: a dialog that cannot fit is reported as not fitting
    control = QDialog(p)
    QVBoxLayout(control).addWidget(QWidget())
    control.setMinimumSize(600, 900)
    control.show()
    app.processEvents()
    print(json.dumps(check("Overflow(control)", control), ensure_ascii=False), flush=True)
    control.done(0)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
