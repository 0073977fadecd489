"""The 工会经费 dialogs open inside the screen with their buttons visible, on 1366×768 less the
taskbar and on 1920×1080 at 150 % (the check of test_screen_fit, run on these dialogs in a child
process: a QApplication's screen is fixed for its process). Screenshots go to /tmp/funds_png/ when
UNION_DESK_FUNDS_PNG is set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_screen_fit import SCREENS

HERE = Path(__file__).parent

CHILD = r'''
import datetime as dt, json, os, sys
sys.path.insert(0, sys.argv[2])
from screen_fit_check import check, _no_boxes
from union_desk.app import application
from union_desk.services.maintenance import open_for_use
from union_desk.ui import i18n
from pathlib import Path

app = application()
i18n.install(app, "zh_CN")
db_path = Path(sys.argv[1])
open_for_use(db_path, auto_backup=False)
_no_boxes()
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
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({
        "windowFrameMargins": True,
        "screens": [{"name": "test", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }), encoding="utf-8")
    script = tmp_path / "funds_fit_check.py"
    script.write_text(CHILD, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("QT_SCALE_FACTOR", None)
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    done = subprocess.run([sys.executable, str(script), str(demo_file), str(HERE)], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    results = {r["name"]: r for r in (json.loads(line) for line in done.stdout.splitlines() if line.startswith("{"))}
    assert len(results) == 8
    bad = {name: r for name, r in results.items() if not r["ok"]}
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)
    if scale is None:  # on 1366×768 the entry form shows whole, the reason field too
        assert not results["EntryForm(over budget)"]["scrolls"]
        assert not results["CapGroupForm(new)"]["scrolls"]
