"""Child process of test_screen_fit: open every window and dialog on the configured screen and
report, one JSON line each, whether it lies inside the available area with its buttons visible
(the import wizards, which have no scroll area, once per page: also whether the page's content
has room).

Run as `python screen_fit_check.py DB_FILE [--no-fit]` with QT_QPA_PLATFORM set to the offscreen
platform and its config file (the screen size); --no-fit turns the fitting off, to prove the
check can fail. A QApplication exists once per process, hence a child per screen.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QMessageBox, QPushButton, QWidget


def _no_boxes() -> None:
    """Nothing modal may stop the run (an open-time warning, a question)."""
    for name in ("information", "warning", "critical", "question"):
        setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Inside a scroll area's content (reached by scrolling, not meant to be visible at once)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def check(name: str, window: QWidget) -> dict:
    avail = window.screen().availableGeometry()
    frame = window.frameGeometry()
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisibleTo(window) and not _scrolled(b, window)]
    hidden = [
        b.text() for b in buttons if not window.rect().contains(QRect(b.mapTo(window, QPoint(0, 0)), b.size()))
    ]
    off_screen = [
        b.text() for b in buttons if not avail.contains(QRect(b.mapToGlobal(QPoint(0, 0)), b.size()))
    ]
    inside = avail.contains(frame)
    return {
        "name": name,
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "available": [avail.x(), avail.y(), avail.width(), avail.height()],
        "inside": inside,
        "buttons": len(buttons),
        "buttons_cut_off": hidden,
        "buttons_off_screen": off_screen,
        "ok": inside and not hidden and not off_screen and (bool(buttons) or name == "MainWindow"),
    }


LONG_MESSAGE = "第12行：" + "这一行的身份证号与出生日期不一致，请核对，" * 6  # a few lines


def check_pages(name: str, dialog: QWidget, app) -> list[dict]:
    """An import wizard (its own layout, no scroll area): every page, with its hidden message
    labels showing a long message, keeps its buttons visible and has room for its content."""
    results = []
    for index in range(dialog.pages.count()):
        dialog._show_page(index)
        page = dialog.pages.widget(index)
        for label in page.findChildren(QLabel):
            if label.isHidden() and label.wordWrap():
                label.setText(LONG_MESSAGE)
                label.show()
        app.processEvents()
        layout = page.layout()
        need = (layout.totalHeightForWidth(page.width()) if layout.hasHeightForWidth()
                else layout.totalSizeHint().height())
        result = check(f"{name} page {index + 1}", dialog)
        result["content"] = [need, page.height()]
        result["ok"] = result["ok"] and need <= page.height()
        results.append(result)
    return results


def _slip_pdf(folder: Path, visit) -> Path:
    """A real A5 slip to preview (written without marking the visit printed)."""
    from union_desk.printing import slips

    return slips.print_visit_slips([visit.id], folder / "preview.pdf", mark=False).path


def main(argv: list[str]) -> int:
    db_path = Path(argv[0])
    no_fit = "--no-fit" in argv

    from union_desk.app import application
    from union_desk.services.maintenance import open_for_use
    from union_desk.ui import i18n

    app = application()
    i18n.install(app, "zh_CN")
    open_for_use(db_path, auto_backup=False)
    _no_boxes()

    from union_desk.ui import main_window as main_window_module
    from union_desk.ui.widgets import form_base

    if no_fit:
        # as before issue 12: dialogs keep the size they set, the main window asks for 1200×760
        form_base.fit_to_screen = lambda *a, **k: None
        main_window_module.fit_to_screen = lambda w, preferred=None: preferred is not None and w.resize(preferred)

    from union_desk.db.models import (
        Activity,
        ActivityItem,
        HardshipFile,
        Member,
        PlanItem,
        PlanTemplateRule,
        SignUp,
        Visit,
    )
    from union_desk.ui.print_preview import PrintPreviewDialog
    from union_desk.ui.about_dialog import AboutDialog
    from union_desk.ui.activities.activity_form import ActivityForm
    from union_desk.ui.activities.common import ReportDialog
    from union_desk.ui.activities.dialogs import AddItemDialog, BulkSignUpDialog, ResultDialog, TeamDialog
    from union_desk.ui.activities.import_dialog import SignUpImportDialog
    from union_desk.ui.first_run import FirstRunDialog
    from union_desk.ui.hardship.assistance_dialog import AssistanceDialog, AssistanceForm
    from union_desk.ui.hardship.batch_dialog import BatchDialog
    from union_desk.ui.hardship.file_form import CloseDialog, FileForm, ReviewDialog
    from union_desk.ui.hardship.visit_actions import ReissueDialog
    from union_desk.ui.hardship.visit_form import VisitForm
    from union_desk.ui.hardship.visit_types_dialog import VisitTypesDialog
    from union_desk.ui.ledger_dialog import LedgerDialog
    from union_desk.ui.ledger_import_dialog import LedgerImportDialog
    from union_desk.ui.main_window import MainWindow
    from union_desk.ui.members.export_dialog import RosterExportDialog
    from union_desk.ui.members.form import MemberForm
    from union_desk.ui.members.history import HistoryDialog
    from union_desk.ui.members.import_wizard import RosterImportWizard
    from union_desk.ui.members.status_dialog import StatusDialog
    from union_desk.ui.plan.completion_dialog import CompletionDialog
    from union_desk.ui.plan.import_dialog import PlanImportDialog
    from union_desk.ui.plan.item_dialog import ItemDialog, LinkPicker
    from union_desk.ui.plan.template_dialog import RuleDialog, TemplateDialog
    from union_desk.ui.restore_dialog import RestoreDialog
    from union_desk.ui.settings_dialog import SettingsDialog

    window = MainWindow(db_path)
    window.show()
    app.processEvents()
    print(json.dumps(check("MainWindow", window), ensure_ascii=False), flush=True)

    year = dt.date.today().year
    member = Member.select().order_by(Member.id).first()
    activity = Activity.select().order_by(Activity.id).first()
    item = ActivityItem.select().order_by(ActivityItem.id).first()
    signup = SignUp.select().order_by(SignUp.id).first()
    file = HardshipFile.select().order_by(HardshipFile.id).first()
    visit = Visit.select().where(Visit.voided == False).order_by(Visit.id).first()  # noqa: E712
    plan_item = PlanItem.select().order_by(PlanItem.id).first()
    rule = PlanTemplateRule.select().order_by(PlanTemplateRule.id).first()
    long_text = "\n".join(f"第{i}行：跳过的人和原因" for i in range(80))

    p = window
    dialogs = {
        "AboutDialog": lambda: AboutDialog(db_path, p),
        "RestoreDialog": lambda: RestoreDialog(db_path, p),
        "LedgerDialog": lambda: LedgerDialog(p),
        "LedgerImportDialog": lambda: LedgerImportDialog(p),
        "MemberForm(new)": lambda: MemberForm(None, p),
        "MemberForm(edit)": lambda: MemberForm(member, p),
        "StatusDialog": lambda: StatusDialog(member, p),
        "HistoryDialog": lambda: HistoryDialog(member, p),
        "RosterExportDialog": lambda: RosterExportDialog(p),
        "RosterImportWizard": lambda: RosterImportWizard(p),
        "ActivityForm(new)": lambda: ActivityForm(None, p),
        "ActivityForm(edit)": lambda: ActivityForm(activity, p),
        "AddItemDialog": lambda: AddItemDialog(activity, p),
        "BulkSignUpDialog": lambda: BulkSignUpDialog(item, p),
        "TeamDialog": lambda: TeamDialog(item, p),
        "ResultDialog": lambda: ResultDialog(signup, signup.member.name, p),
        "SignUpImportDialog": lambda: SignUpImportDialog(activity, p),
        "ReportDialog": lambda: ReportDialog("报告", "汇总", long_text, p),
        "FileForm(new)": lambda: FileForm(p),
        "FileForm(edit)": lambda: FileForm(p, file=file),
        "ReviewDialog": lambda: ReviewDialog(file, p),
        "CloseDialog": lambda: CloseDialog(file, p),
        "AssistanceForm": lambda: AssistanceForm(file, p),
        "AssistanceDialog": lambda: AssistanceDialog(file, p),
        "VisitForm(new)": lambda: VisitForm(p),
        "VisitForm(edit)": lambda: VisitForm(p, visit=visit),
        "ReissueDialog": lambda: ReissueDialog(visit, p),
        "BatchDialog": lambda: BatchDialog(p),
        "VisitTypesDialog": lambda: VisitTypesDialog(p),
        "ItemDialog(new)": lambda: ItemDialog(year, parent=p),
        "ItemDialog(edit)": lambda: ItemDialog(plan_item.year, plan_item, parent=p),
        "LinkPicker": lambda: LinkPicker(plan_item, p),
        "PlanImportDialog": lambda: PlanImportDialog(year, p),
        "CompletionDialog": lambda: CompletionDialog(year, p),
        "RuleDialog(new)": lambda: RuleDialog(None, p),
        "RuleDialog(edit)": lambda: RuleDialog(rule, p),
        "TemplateDialog": lambda: TemplateDialog(p),
        "SettingsDialog": lambda: SettingsDialog(p),
        # shown before the main window, without a parent; a data file in the suggested folder
        # adds the "already exists" line
        "FirstRunDialog": lambda: FirstRunDialog(db_path.parent, None),
        "PrintPreviewDialog": lambda: PrintPreviewDialog(_slip_pdf(db_path.parent, visit), p),
    }
    for name, build in dialogs.items():
        dialog = build()
        dialog.show()
        app.processEvents()
        print(json.dumps(check(name, dialog), ensure_ascii=False), flush=True)
        if hasattr(dialog, "pages") and hasattr(dialog, "_show_page"):
            for result in check_pages(name, dialog, app):
                print(json.dumps(result, ensure_ascii=False), flush=True)
        dialog.done(0)
        dialog.deleteLater()
        app.processEvents()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
