"""The 会籍 page (入会率, membership changes, non-member staff) and its dialogs fit a 1366×768 screen
less the taskbar (1366×728), buttons visible.

Like tests/ui/test_honours_screen_fit.py (reusing `check` and `_no_boxes` of screen_fit_check): a
child process per screen, since a QApplication exists once per process. Run as a script it is that
child: `python test_membership_events_screen_fit.py DB_FILE [--png DIR] [--prefix P]`
(DIR: a screenshot of each window, named P…png; I18N_JSON: strings not yet in i18n/, {context: {source: text}})."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

from screen_fit_child import run_child

HERE = Path(__file__).resolve()
# MEMBERSHIP_SHOTS="--png DIR --prefix P": screenshots of the run (off by default)
SHOT_ARGS = tuple(os.environ.get("MEMBERSHIP_SHOTS", "").split())
NAMES = {"MainWindow(membership)", "EventForm(入会)", "EventForm(转出)", "EventForm(保留会籍)", "EventForm(退会)",
         "VoidEventForm", "StaffForm(new)", "StaffForm(edit)", "StaffLeaveForm", "JoinForm", "EventForm(refused)",
         "MemberChoiceForm"}


def fill(db_path: Path) -> None:
    """40 members in four departments (joined years ago), ten non-member staff, a transfer out, two
    retirees keeping membership, a 退会, a voided change with a long reason, wage bases and payments."""
    from union_desk.services import dues, membership, members

    today = dt.date.today()
    surnames, given = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
    departments = ("语文组", "数学组", "英语组", "后勤组")
    kinds = ("在编", "在编", "合同", "临时工")
    people = []
    for i in range(40):
        name = surnames[i % len(surnames)] + given[(i * 3) % len(given)] + given[(i * 7 + 1) % len(given)]
        people.append(members.create_member({
            "name": name, "sex": "女" if i % 2 else "男", "department": departments[i % 4],
            "employment_type": kinds[i % 4], "birth_date": f"{1970 + i % 25}-05-0{1 + i % 9}",
            "joined_union_date": f"{2005 + i % 15}-09-01",
        }, confirm_duplicate=True))
    for i in range(10):
        membership.save_staff({"name": f"新{given[i]}{given[(i * 5) % len(given)]}", "sex": "女" if i % 2 else "男",
                               "department": departments[i % 4], "employment_type": ("合同", "临时工", "在编")[i % 3],
                               "start_date": f"{today.year - 1}-0{1 + i % 9}-01", "phone": "13912345678"})
    year = today.year
    membership.add_event(people[0], {"kind": "转出", "date": f"{year}-03-01", "other_union": "区实验小学工会",
                                     "handler": "王老师", "note": "调往区实验小学"})
    membership.add_event(people[1], {"kind": "保留会籍", "reason": "退休", "date": f"{year}-02-01", "handler": "王老师"})
    membership.add_event(people[2], {"kind": "保留会籍", "reason": "待岗", "date": f"{year}-04-01"})
    wrong = membership.add_event(people[3], {"kind": "退会", "reason": "本人申请", "date": f"{year}-05-01"})
    membership.void_event(wrong, "登记错了人，应为另一位同名教师，已核对人事档案后作废" * 2)
    membership.add_event(people[4], {"kind": "转入", "date": f"{year}-06-01", "other_union": "市第二中学工会",
                                     "letter_number": "市二中工字2026-7号"}, check_order=False)
    for i, p in enumerate(people[5:25]):
        dues.set_base(p, 5000 + i * 137, f"{year - 1}-01-01")
    for p in people[5:15]:
        for month in range(1, 4):
            dues.record_payment(p, {"period": f"{year}-{month:02d}", "amount": dues.owed_for(p, f"{year}-{month:02d}").owed,
                                    "date": f"{year}-{month:02d}-25", "method": "工资代扣", "collector": "王老师"})


def run(db_path: Path, width: int, height: int, tmp: Path, *extra: str) -> dict:
    return run_child(tmp, HERE, [db_path, *extra], width, height)


def test_membership_dialogs_fit_1366x728(tmp_path, db, db_path):
    from union_desk.db.database import close_database

    fill(db_path)
    close_database()
    results = run(db_path, 1366, 728, tmp_path, *SHOT_ARGS)
    assert NAMES | {"Overflow(control)"} <= set(results)
    assert results["MainWindow(membership)"]["available"][2:] == [1366, 728]
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
    shot_prefix = argv[argv.index("--prefix") + 1] if "--prefix" in argv else "ui_events_"
    open_for_use(db_path, auto_backup=False)
    _no_boxes()

    from union_desk.db.membership_models import MembershipEvent, NonMemberStaff
    from union_desk.db.models import Member
    from union_desk.ui.main_window import MainWindow
    from union_desk.ui.membership.event_forms import (
        EventForm,
        JoinForm,
        MemberChoiceForm,
        StaffForm,
        StaffLeaveForm,
        VoidEventForm,
    )

    if png:
        png.mkdir(parents=True, exist_ok=True)

    def shoot(name: str, widget: QWidget) -> None:
        if png:
            widget.grab().save(str(png / f"{shot_prefix}{name}.png"))

    window = MainWindow(db_path)
    tab = window.page("membership")
    window.show()
    window.show_page("membership")
    tab.tabs.setCurrentWidget(tab.membership)
    tab.refresh()
    app.processEvents()
    print(json.dumps(check("MainWindow(membership)", window), ensure_ascii=False), flush=True)
    page = tab.membership
    page.select_event(MembershipEvent.select().where(MembershipEvent.kind == "转出").first().id)
    page.staff_view.selectRow(0)
    app.processEvents()
    shoot("page", window)

    member = Member.select().order_by(Member.id).first()
    staff = NonMemberStaff.select().order_by(NonMemberStaff.id).first()
    voided = MembershipEvent.select().where(MembershipEvent.voided == True).first()  # noqa: E712
    p = window

    def event_form(kind: str):
        def build():
            form = EventForm(member, kind, p)
            form.note.setPlainText("经工会委员会研究同意。" * 3)
            return form
        return build

    def refused():
        form = EventForm(member, "恢复", p)  # a member in service: refused, said under 变动
        form.note.setPlainText("经工会委员会研究同意。" * 3)
        form.show()
        form.accept()
        return form

    dialogs = {
        "EventForm(refused)": refused,
        "EventForm(入会)": event_form("入会"),
        "EventForm(转出)": event_form("转出"),
        "EventForm(保留会籍)": event_form("保留会籍"),
        "EventForm(退会)": event_form("退会"),
        "VoidEventForm": lambda: VoidEventForm(voided, p),
        "StaffForm(new)": lambda: StaffForm(None, p),
        "StaffForm(edit)": lambda: StaffForm(staff, p),
        "StaffLeaveForm": lambda: StaffLeaveForm(staff, p),
        "JoinForm": lambda: JoinForm(staff, p),
        "MemberChoiceForm": lambda: MemberChoiceForm("打印会员登记表", member, p),
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

    if png:  # the member form's 会籍与会费 panel, for a member with a history, bases and payments
        from union_desk.db.membership_models import DuesPayment
        from union_desk.ui.membership.member_panel import MembershipPanel
        from union_desk.ui.members.form import MemberForm

        payer = DuesPayment.select().first().member
        panel = MembershipPanel(payer)
        panel.resize(760, 380)
        panel.show()
        app.processEvents()
        shoot("MembershipPanel", panel)
        panel.close()
        form = MemberForm(Member.get_by_id(payer.id), p)
        form.show()
        tabs = form.lower_tabs
        for i in range(tabs.count()):
            if "会费" in tabs.tabText(i) or "dues" in tabs.tabText(i).lower():
                tabs.setCurrentIndex(i)
        app.processEvents()
        shoot("MemberForm", form)
        form.done(0)
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
