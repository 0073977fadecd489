"""The congress proposal and delegate dialogs open inside the screen with their buttons visible, on
the screens of test_screen_fit (1366×768 less the taskbar, 1920×1080 at 150 %), and the two pages
ask for no more room than the main window gives a page.

Like test_screen_fit, each screen is checked in a child process (this file run as a script), which
reuses `screen_fit_check.check` and prints one JSON line per dialog.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import screen_fit_child  # noqa: E402
from test_screen_fit import SCREENS  # noqa: E402

DIALOGS = {"ProposalForm(new)", "ProposalForm(edit)", "RejectDialog", "MergeDialog", "HandOverDialog", "ReplyDialog",
           "OpinionDialog", "ReasonDialog(撤回)", "ReasonDialog(作废)", "AddDelegatesDialog", "DelegateForm",
           "LeaveDialog", "ByElectionDialog"}
# what the main window leaves a page at 1280×693 (side list, term selector and tabs): generous
PAGE_ROOM = (1000, 480)


def run_child(tmp_path: Path, width: int, height: int, scale: str | None) -> dict:
    return screen_fit_child.run_child(tmp_path, Path(__file__).resolve(), [tmp_path / "fit.sqlite"], width, height, scale)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_congress_dialogs_fit_the_screen(tmp_path, screen):
    width, height, scale = SCREENS[screen]
    results = run_child(tmp_path, width, height, scale)
    assert DIALOGS <= set(results)
    bad = {name: r for name, r in results.items() if not r["ok"]}
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)
    for name in ("ProposalsPage", "DelegatesPage"):
        need = results[name]["minimum"]
        assert need[0] <= PAGE_ROOM[0] and need[1] <= PAGE_ROOM[1], (name, need)


# --- the child ---------------------------------------------------------------------------------------


def _data():
    from union_desk.services import congress, members

    people = [members.create_member({"name": name, "sex": sex, "department": "语文组"})
              for name, sex in (("王芳", "女"), ("李强", "男"), ("陈静", "女"), ("赵敏", "女"))]
    term = congress.save_term({"number": 5, "start_date": "2024-09-01"})
    for person in people[:3]:
        congress.add_delegate(term, person, {"category": "教师", "group_name": "第一代表组", "elected_date": "2024-09-01"})
    session = congress.save_session({"term": term, "date": "2025-03-01"})
    long_title = "关于进一步改善教职工午餐质量、增加午餐品种并延长食堂供餐时间的建议"
    first, _ = congress.create_proposal(session, {"title": long_title, "proposer": people[0], "content": "理由。" * 200,
                                                  "received_date": "2025-02-20", "seconders": "李强、陈静"})
    second, _ = congress.create_proposal(session, {"title": "修缮操场跑道", "proposer": people[1], "received_date": "2025-02-20"})
    congress.advance(first, "立案")
    congress.advance(first, "已交办", {"department": "总务处", "handed_date": "2025-03-05"})
    seat = congress.delegates_of(term)[0]
    congress.leave_delegate(seat, "2025-06-30", "调出")
    return term, session, first, second, seat


def main(argv: list[str]) -> int:
    from union_desk.app import application
    from union_desk.services.maintenance import open_for_use
    from union_desk.ui import i18n

    app = application()
    i18n.install(app, "zh_CN")
    open_for_use(Path(argv[0]), auto_backup=False)

    from screen_fit_check import _no_boxes, check

    _no_boxes()
    from union_desk.db.congress_models import Proposal
    from union_desk.services import congress
    from union_desk.ui.congress import delegate_forms as d
    from union_desk.ui.congress import proposal_forms as f
    from union_desk.ui.congress.delegates_page import DelegatesPage
    from union_desk.ui.congress.proposals_page import ProposalsPage
    from union_desk.ui.widgets.form_base import fit_to_screen

    term, session, first, second, seat = _data()
    pages = {"ProposalsPage": ProposalsPage(), "DelegatesPage": DelegatesPage()}
    for name, page in pages.items():
        page.set_term(term)
        fit_to_screen(page)
        page.show()
        app.processEvents()
        hint = page.minimumSizeHint()
        print(json.dumps({"name": name, "ok": True, "minimum": [hint.width(), hint.height()]}), flush=True)
    parent = pages["ProposalsPage"]
    fresh = lambda p: Proposal.get_by_id(p.id)  # noqa: E731
    dialogs = {
        "ProposalForm(new)": lambda: f.ProposalForm(parent, sessions=[session], session=session),
        "ProposalForm(edit)": lambda: f.ProposalForm(parent, proposal=fresh(first)),
        "RejectDialog": lambda: f.RejectDialog(fresh(second), parent),
        "MergeDialog": lambda: f.MergeDialog(fresh(second), parent),
        "HandOverDialog": lambda: f.HandOverDialog(fresh(second), parent),
        "ReplyDialog": lambda: f.ReplyDialog(fresh(first), parent),
        "OpinionDialog": lambda: f.OpinionDialog(fresh(first), parent),
        "ReasonDialog(撤回)": lambda: f.ReasonDialog(fresh(second), "撤回", parent),
        "ReasonDialog(作废)": lambda: f.ReasonDialog(fresh(second), "作废", parent),
        "AddDelegatesDialog": lambda: d.AddDelegatesDialog(term, parent),
        "DelegateForm": lambda: d.DelegateForm(congress.delegates_of(term)[0], parent),
        "LeaveDialog": lambda: d.LeaveDialog(congress.delegates_of(term)[0], parent),
        "ByElectionDialog": lambda: d.ByElectionDialog(term, parent, left=seat),
    }
    for name, build in dialogs.items():
        dialog = build()
        dialog.show()
        app.processEvents()
        print(json.dumps(check(name, dialog), ensure_ascii=False), flush=True)
        dialog.done(0)
        dialog.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
