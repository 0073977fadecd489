"""The 会费 tab and its dialogs fit a 1366×768 screen less the taskbar (1366×728), buttons visible:
the area page in the main window, 登记缴费 (also with a refusal shown at a field), 按应缴批量登记
for a long list, 设置缴费基数 (also refused), 免缴, 作废缴费 and the payroll import dialog on each of
its pages with a real preview loaded.

Like tests/ui/test_honours_screen_fit.py (reusing `check`, `check_pages` and `_no_boxes` of
screen_fit_check): a child process, since a QApplication exists once per process. Run as a script
it is that child: `python test_membership_screen_fit.py DB_FILE XLSX [--png DIR] [--prefix P]`
(DIR: a screenshot of each window, named P…png; I18N_JSON: strings not yet in i18n/, {context: {source: text}}).
The 会籍 tab's own dialogs are checked by test_membership_events_screen_fit.py."""

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
NAMES = {"MainWindow(dues)", "PaymentForm", "PaymentForm(refused)", "BatchPaymentForm", "BaseForm", "BaseForm(refused)",
         "ExemptionForm", "VoidPaymentForm", "PayrollImportDialog", "PayrollImportDialog page 1",
         "PayrollImportDialog page 2", "PayrollImportDialog page 3", "BaseForm(history)", "ExemptionForm(on file)"}


def fill(db_path: Path, xlsx: Path) -> None:
    """60 members in five departments with wage bases since last year, half paid for the months so
    far, a few far behind (flagged), retirees, an exemption; a payroll list for this month with an
    unknown name and an exempt member."""
    import openpyxl

    from union_desk.services import dues, members

    today = dt.date.today()
    year = today.year
    surnames, given = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
    departments = ("语文组", "数学组", "英语组", "后勤组", "校长办公室")
    people = []
    for i in range(60):
        name = surnames[i % len(surnames)] + given[(i * 3) % len(given)] + given[(i * 7 + 1) % len(given)]
        data = {"name": name, "sex": "女" if i % 2 else "男", "department": departments[i % 5],
                "birth_date": f"{1965 + i % 30}-05-0{1 + i % 9}", "joined_union_date": f"{2000 + i % 20}-09-01"}
        if i % 15 == 14:
            data.update(status="退休", status_date=f"{year - 1}-08-01")
        people.append(members.create_member(data, confirm_duplicate=True))
    for i, p in enumerate(people):
        if i % 15 != 13:
            dues.set_base(p, 4200 + i * 173, f"{year - 1}-01-01")
    dues.add_exemption(people[12], f"{year}-03-01", None, "长期病休")
    for i, p in enumerate(people[:30]):
        if i in (3, 8):
            continue  # far behind: flagged
        for month in range(1, today.month):
            period = f"{year}-{month:02d}"
            amount = dues.owed_for(p, period).owed
            if amount:
                dues.record_payment(p, {"period": period, "amount": amount, "date": f"{year}-{month:02d}-25",
                                        "method": "现金" if i == 0 else "工资代扣", "collector": "王老师"}, force=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "部门", "缴费基数", "代扣会费"])
    for n, p in enumerate(people[30:45], start=1):
        row = dues.owed_for(p, f"{year}-{today.month:02d}")
        ws.append([n, p.name, p.department, float(row.base or 0), float(row.owed)])
    ws.append([16, "查无此人", "语文组", 5000, 25])
    ws.append([17, people[44].name, people[44].department, 5000, 25])
    wb.save(xlsx)


def run(db_path: Path, xlsx: Path, width: int, height: int, tmp: Path, *extra: str) -> dict:
    return run_child(tmp, HERE, [db_path, xlsx, *extra], width, height)


def test_dues_page_and_dialogs_fit_1366x728(tmp_path, db, db_path):
    from union_desk.db.database import close_database

    xlsx = tmp_path / "工资代扣表.xlsx"
    fill(db_path, xlsx)
    close_database()
    results = run(db_path, xlsx, 1366, 728, tmp_path, *SHOT_ARGS)
    assert NAMES <= set(results), sorted(results)
    assert results["MainWindow(dues)"]["available"][2:] == [1366, 728]
    bad = {name: r for name, r in results.items() if not r["ok"]}
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)


# --- the child process ----------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    from screen_fit_check import _no_boxes, check, check_pages

    db_path, xlsx = Path(argv[0]), Path(argv[1])
    png = Path(argv[argv.index("--png") + 1]) if "--png" in argv else None

    from union_desk.app import application
    from union_desk.services.maintenance import open_for_use
    from union_desk.ui import i18n

    app = application()
    i18n.install(app, "zh_CN")
    shot_prefix = argv[argv.index("--prefix") + 1] if "--prefix" in argv else "ui_dues_"
    open_for_use(db_path, auto_backup=False)
    _no_boxes()

    from union_desk.db.membership_models import DuesPayment
    from union_desk.services import dues
    from union_desk.ui.main_window import MainWindow
    from union_desk.ui.membership.dues_forms import (
        BaseForm,
        BatchPaymentForm,
        ExemptionForm,
        PaymentForm,
        VoidPaymentForm,
    )
    from union_desk.ui.membership.payroll_import import PayrollImportDialog

    if png:
        png.mkdir(parents=True, exist_ok=True)

    def shoot(name: str, widget) -> None:
        if png:
            widget.grab().save(str(png / f"{shot_prefix}{name.replace(' ', '_')}.png"))

    window = MainWindow(db_path)
    window.show()
    tab = window.show_page("membership")
    tab.tabs.setCurrentWidget(tab.dues)
    tab.refresh()
    app.processEvents()
    page = tab.dues
    page.view.selectRow(0)
    app.processEvents()
    print(json.dumps(check("MainWindow(dues)", window), ensure_ascii=False), flush=True)
    shoot("page", window)

    period = page.period()
    rows = dues.dues_rows(period)
    unpaid = [r for r in rows if r.unpaid]
    payer = next(r for r in rows if r.unpaid).member
    paid = DuesPayment.select().where(~DuesPayment.voided).order_by(DuesPayment.id).first()
    p = window

    def refused_payment():
        form = PaymentForm(payer, period, p)
        form.amount.setText("-1")
        form.note.setPlainText("补缴上月会费。" * 3)
        return form

    def refused_base():
        form = BaseForm(payer, p)
        form.amount.setText("2000000")
        return form

    from union_desk.db.membership_models import DuesExemption

    exempt = DuesExemption.select().order_by(DuesExemption.id).first().member
    dues.set_base(exempt, 4800, f"{dt.date.today().year}-01-01", note="年初调资")

    def with_history():
        form = BaseForm(exempt, p)
        form.history.setCurrentRow(0)
        return form

    def with_exemption():
        form = ExemptionForm(exempt, p)
        form.existing.setCurrentRow(0)
        return form

    dialogs = {
        "BaseForm(history)": with_history,
        "ExemptionForm(on file)": with_exemption,
        "PaymentForm": lambda: PaymentForm(payer, period, p),
        "PaymentForm(refused)": refused_payment,
        "BatchPaymentForm": lambda: BatchPaymentForm(period, unpaid * 3, p),
        "BaseForm": lambda: BaseForm(payer, p),
        "BaseForm(refused)": refused_base,
        "ExemptionForm": lambda: ExemptionForm(payer, p),
        "VoidPaymentForm": lambda: VoidPaymentForm(paid.member, dues.payments_of(paid.member)[:5], p),
    }
    for name, build in dialogs.items():
        dialog = build()
        dialog.show()
        app.processEvents()
        if name.endswith("(refused)"):
            dialog.accept()  # the refusal shows at the field
            app.processEvents()
        print(json.dumps(check(name, dialog), ensure_ascii=False), flush=True)
        shoot(name, dialog)
        dialog.done(0)
        dialog.deleteLater()
        app.processEvents()

    dialog = PayrollImportDialog(p, period)
    dialog.show()
    app.processEvents()
    print(json.dumps(check("PayrollImportDialog", dialog), ensure_ascii=False), flush=True)
    shoot("PayrollImportDialog", dialog)
    dialog.path_edit.setText(str(xlsx))
    dialog.go_next()
    app.processEvents()
    shoot("PayrollImportDialog_preview", dialog)
    for result in check_pages("PayrollImportDialog", dialog, app):
        print(json.dumps(result, ensure_ascii=False), flush=True)
    dialog.done(0)
    if png:  # the result page of a real import, and the page after it
        dialog = PayrollImportDialog(p, period)
        dialog.show()
        dialog.path_edit.setText(str(xlsx))
        dialog.go_next()
        dialog.force_box.setChecked(True)
        dialog.run_import()
        app.processEvents()
        shoot("PayrollImportDialog_done", dialog)
        dialog.done(0)
        page.refresh()
        page.unpaid_only.setChecked(True)
        app.processEvents()
        shoot("page_after_import", window)
        page.unpaid_only.setChecked(False)  # a payment of the period voided: 说明 says so
        voided = (DuesPayment.select().where(~DuesPayment.voided & (DuesPayment.period == period.code))
                  .order_by(DuesPayment.id).first())
        if voided is not None:
            dues.void_payment(voided, "重复登记")
            page.refresh()
            page.view.clearSelection()
            page.select_member(voided.member_id)
            app.processEvents()
            shoot("page_voided", window)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
