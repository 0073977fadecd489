"""The 评优表彰 page and dialogs fit a 1366×768 screen less the taskbar (1366×728), buttons visible.

Like tests/ui/test_congress_screen_fit.py (reusing `check` and `_no_boxes` of screen_fit_check): a
child process per screen, since a QApplication exists once per process. Run as a script it is
that child: `python test_honours_screen_fit.py DB_FILE [--png DIR] [--json I18N_JSON]` (DIR: a
screenshot of each window; I18N_JSON: strings not yet in i18n/, {context: {source: text}})."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from screen_fit_child import run_child

HERE = Path(__file__).resolve()
NAMES = {"MainWindow(honours)", "RoundForm(new)", "RoundForm(edit)", "NominationForm(new)", "NominationForm(edit)",
         "NominationForm(group)", "HonourForm(new)", "HonourForm(group)", "FromActivityDialog", "AwardTypesDialog",
         "CertificateTemplateDialog"}


def fill(db_path: Path) -> None:
    """40 members in four groups, two years of rounds (one decided, one with the 公示 running, a
    group award), long deeds, an activity with results turned into honours, a group honour."""
    from union_desk.db import database, honour_models
    from union_desk.services import activities, honours, members

    if not database.current_database().table_exists("award_round"):
        honour_models.step_6(database.current_database())
    today = dt.date.today()
    year = today.year
    surnames, given = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
    groups = ("语文组", "数学组", "英语组", "后勤组")
    people = []
    for i in range(40):
        name = surnames[i % len(surnames)] + given[(i * 3) % len(given)] + given[(i * 7 + 1) % len(given)]
        people.append(members.create_member({
            "name": name, "sex": "女" if i % 2 else "男", "department": groups[i % 4], "union_group": groups[i % 4],
            "birth_date": f"{1970 + i % 25}-05-0{1 + i % 9}", "union_roles": "工会小组长" if i < 4 else "",
        }, confirm_duplicate=True))
    women = [p for p in people if p.sex == "女"]
    deeds = "担任班主任十余年，所带班级多次获评区先进班集体；积极参加工会活动，组织教工读书会。" * 4
    red = honours.award_by_name("三八红旗手")
    last = honours.save_round({"award_type": red, "year": year - 1, "nomination_deadline": f"{year - 1}-02-20",
                               "notice_start": f"{year - 1}-02-25", "notice_end": f"{year - 1}-03-01"})
    for i, p in enumerate(women[:5]):
        n, _w = honours.nominate(last, {"member": p, "deeds": deeds})
        honours.update_nomination(n, {"votes": 40 - i, "result": "当选" if i < 3 else "未当选"})
    honours.decide_round(last, f"{year - 1}-03-06")
    this = honours.save_round({"award_type": red, "year": year, "nomination_deadline": today - dt.timedelta(days=5),
                               "notice_start": today - dt.timedelta(days=2), "notice_end": today + dt.timedelta(days=3),
                               "contact": "工会办公室 王老师 12345678"})
    for i, p in enumerate(women[:8]):
        n, _w = honours.nominate(this, {"member": p, "deeds": deeds})
        result = "当选" if i < 3 else ("上报" if i == 3 else "未当选")
        honours.update_nomination(n, {"votes": 38 - i, "result": result, "sent_level": "区" if result == "上报" else ""})
    home = honours.save_round({"award_type": honours.award_by_name("先进教工小家"), "year": year,
                               "nomination_deadline": today + dt.timedelta(days=10)})
    for g in groups[:2]:
        honours.nominate(home, {"group_name": g, "deeds": deeds})
    honours.save_round({"award_type": honours.award_by_name("优秀教职工"), "year": year,
                        "nomination_deadline": today + dt.timedelta(days=30)})
    activity = activities.save_activity({"title": "教工羽毛球赛", "start": f"{year}-05-01 14:00"},
                                        items=[{"name": "女子单打"}, {"name": "男子单打"}])
    for item, who in ((activity.items[0], women[:4]), (activity.items[1], [p for p in people if p.sex == "男"][:4])):
        for rank, p in enumerate(who, start=1):
            signup = activities.sign_up(item, p)
            activities.set_result(signup[0] if isinstance(signup, tuple) else signup, rank=rank)
    honours.honours_from_activity(activity)
    honours.add_honour({"year": year - 1, "title": "先进教工小家", "level": "区", "awarding_body": "区教育工会",
                        "group_name": "语文组", "date": f"{year - 1}-12-20"},
                       [p for p in people if p.union_group == "语文组"][:3])


def run(db_path: Path, width: int, height: int, tmp: Path, *extra: str) -> dict:
    return run_child(tmp, HERE, [db_path, *extra], width, height)


def test_honours_dialogs_fit_1366x728(tmp_path, db, db_path):
    from union_desk.db.database import close_database

    fill(db_path)
    close_database()
    results = run(db_path, 1366, 728, tmp_path)
    assert NAMES | {"Overflow(control)"} <= set(results)
    assert results["MainWindow(honours)"]["available"][2:] == [1366, 728]
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

    from union_desk import areas
    from union_desk.app import application
    from union_desk.services.maintenance import open_for_use
    from union_desk.ui import i18n

    if "honours" not in {a.key for a in areas.all_areas()}:
        from union_desk.areas.honours import AREA

        areas.register(AREA)
    app = application()
    i18n.install(app, "zh_CN")
    if "--json" in argv:  # strings not yet in i18n/
        from PySide6.QtCore import QTranslator

        table = json.loads(Path(argv[argv.index("--json") + 1]).read_text(encoding="utf-8"))

        class JsonTranslator(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
                text = table.get(context, {}).get(source)
                return text.replace("%n", str(n)) if text and n >= 0 else (text or None)

        app._json_translator = JsonTranslator(app)
        app.installTranslator(app._json_translator)
    open_for_use(db_path, auto_backup=False)
    _no_boxes()

    from union_desk.db.honour_models import AwardRound, Honour, Nomination
    from union_desk.db.models import Member
    from union_desk.ui.honours.award_types_dialog import AwardTypesDialog
    from union_desk.ui.honours.certificate_editor import CertificateTemplateDialog
    from union_desk.ui.honours.honour_forms import FromActivityDialog, HonourForm
    from union_desk.ui.honours.round_forms import NominationForm, RoundForm
    from union_desk.ui.main_window import MainWindow

    if png:
        png.mkdir(parents=True, exist_ok=True)

    def shoot(name: str, widget: QWidget) -> None:
        if png:
            widget.grab().save(str(png / f"{name}.png"))

    window = MainWindow(db_path)
    window.show()
    page = window.show_page("honours")
    app.processEvents()
    print(json.dumps(check("MainWindow(honours)", window), ensure_ascii=False), flush=True)
    year = dt.date.today().year
    running = AwardRound.select().where((AwardRound.year == year) & AwardRound.notice_end.is_null(False)).first()
    page.rounds.select(running.id)
    app.processEvents()
    shoot("page-rounds", window)
    page.tabs.setCurrentWidget(page.register)
    page.choose_year(0)
    page._tab_shown()
    app.processEvents()
    shoot("page-register", window)
    page.tabs.setCurrentWidget(page.rounds)

    group_round = AwardRound.select().join(AwardRound.award_type.rel_model).where(
        AwardRound.award_type.rel_model.target == "工会小组").first()
    nomination = Nomination.select().where(Nomination.award_round == running).first()
    group_honour = Honour.select().where(Honour.group_name != "").first()
    p = window

    def group_form():
        form = HonourForm(None, year, p)
        form.to_group.setChecked(True)
        form.group.setCurrentText("语文组")
        return form

    def new_nomination():
        form = NominationForm(running, None, p)
        form.picker.set_member(Member.select().where(Member.sex == "男").first())
        return form

    dialogs = {
        "RoundForm(new)": lambda: RoundForm(None, year, p),
        "RoundForm(edit)": lambda: RoundForm(running, None, p),
        "NominationForm(new)": new_nomination,
        "NominationForm(edit)": lambda: NominationForm(running, nomination, p),
        "NominationForm(group)": lambda: NominationForm(group_round, None, p),
        "HonourForm(new)": lambda: HonourForm(None, year, p),
        "HonourForm(group)": group_form,
        "HonourForm(edit)": lambda: HonourForm(group_honour, None, p),
        "FromActivityDialog": lambda: FromActivityDialog(year, p),
        "AwardTypesDialog": lambda: AwardTypesDialog(p),
        "CertificateTemplateDialog": lambda: CertificateTemplateDialog(p),
    }
    for name, build in dialogs.items():
        dialog = build()
        dialog.show()
        app.processEvents()
        if hasattr(dialog, "update_preview"):
            dialog.update_preview()  # at its shown size (otherwise shortly after showing)
        print(json.dumps(check(name, dialog), ensure_ascii=False), flush=True)
        shoot(name, dialog)
        dialog.done(0)
        dialog.deleteLater()
        app.processEvents()

    if png:  # the member form's 荣誉 panel, for a member with honours and nominations
        from union_desk.ui.honours.member_panel import MemberHonoursPanel

        holder = Honour.select().where(Honour.source == "评选").first().member
        panel = MemberHonoursPanel(holder)
        panel.resize(700, 360)
        panel.show()
        app.processEvents()
        shoot("MemberHonoursPanel", panel)
        panel.close()
        page.rounds.select(running.id)
        window.show_page("home")
        app.processEvents()
        shoot("home", window)

    control = QDialog(p)  # a control: a dialog that cannot fit is reported as not fitting
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
