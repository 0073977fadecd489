"""The 工会经费 dialogs open inside the screen with their buttons visible, on 1366×768 less the
taskbar and on 1920×1080 at 150 % (the check of test_screen_fit, run on these dialogs in a child
process: a QApplication's screen is fixed for its process). Screenshots go to /tmp/funds_png/ when
UNION_DESK_FUNDS_PNG is set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from screen_fit_child import CHILD_HEAD, run_child, write_child
from test_screen_fit import SCREENS

HERE = Path(__file__).parent

CHILD = CHILD_HEAD + r'''
from union_desk import areas
from union_desk.db import database, fund_models
if "funds" not in {a.key for a in areas.all_areas()}:
    from union_desk.areas.funds import AREA
    areas.register(AREA)
if not database.current_database().table_exists("fund_category"):
    fund_models.step_7(database.current_database())
from union_desk.services import funds
from union_desk.ui.main_window import MainWindow
from union_desk.ui.funds.budget_page import CapGroupForm
from union_desk.ui.funds.categories_dialog import CategoriesDialog
from union_desk.ui.funds.closing_page import CloseForm
from union_desk.ui.funds.common import ReasonForm
from union_desk.ui.funds.entry_form import EntryForm

year = dt.date.today().year
funds.set_budget(year, funds.category_by_code("3.2"), "100")
from union_desk.db.models import VisitType
groups = funds.cap_groups(year)  # the demo school has one once the area is installed
group = groups[0] if groups else funds.save_cap_group({"name": "节日慰问", "year": year, "cap": "1500", "goods_count": True,
                                                       "visit_types": [t.id for t in VisitType.select()]})
shots = os.environ.get("UNION_DESK_FUNDS_PNG")
window = MainWindow(db_path)
window.show()
page = window.show_page("funds")
app.processEvents()
print(json.dumps(check("MainWindow(funds)", window), ensure_ascii=False), flush=True)
if shots:
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        app.processEvents()
        window.grab().save(f"{shots}/window_{i}.png")
p = window


def over_budget():
    form = EntryForm(p, dt.date(year, 3, 1))
    form.category.setCurrentIndex(form.category.findData("3.2"))
    form.summary.setText("会议")
    form.amount.setText("500")
    form.update_budget_note()
    return form


dialogs = {
    "EntryForm": lambda: EntryForm(p),
    "EntryForm(over budget)": over_budget,
    "CategoriesDialog": lambda: CategoriesDialog(p, year),
    "CapGroupForm(new)": lambda: CapGroupForm(year, None, p),
    "CapGroupForm(edit)": lambda: CapGroupForm(year, group, p),
    "CloseForm": lambda: CloseForm(year, p),
    "ReasonForm": lambda: ReasonForm("反结账", "2026年春季学期（2026-02-01 ~ 2026-07-31）", "原因", p),
}
for name, build in dialogs.items():
    dialog = build()
    dialog.show()
    app.processEvents()
    result = check(name, dialog)
    if getattr(dialog, "scroll_area", None) is not None:
        result["scrolls"] = dialog.scroll_area.verticalScrollBar().maximum() > 0
    print(json.dumps(result, ensure_ascii=False), flush=True)
    if shots:
        dialog.grab().save(f"{shots}/{name.replace(' ', '_')}.png")
    dialog.done(0)
    dialog.deleteLater()
    app.processEvents()
window.close()
'''


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_funds_dialogs_fit_the_screen(tmp_path, demo_file, screen):
    width, height, scale = SCREENS[screen]
    script = write_child(tmp_path, "funds_fit_check.py", CHILD)
    results = run_child(tmp_path, script, [demo_file, HERE], width, height, scale)
    assert len(results) == 8
    bad = {name: r for name, r in results.items() if not r["ok"]}
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)
    if scale is None:  # on 1366×768 the entry form shows whole, the reason field too
        assert not results["EntryForm(over budget)"]["scrolls"]
        assert not results["CapGroupForm(new)"]["scrolls"]
