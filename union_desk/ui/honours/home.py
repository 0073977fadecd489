"""评优表彰 on 首页: the award rounds needing action — nominations closing within 14 days, a 公示
ending within 7 days, or a 公示 over and the round not yet decided (表彰).

The list always comes (as the other areas do): an empty one is named on 首页's line of empty
lists, and an entry that is done goes away at the next refresh."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from union_desk.db.honour_models import AwardRound
from union_desk.ui.home.parts import HomeContext, HomeList

translate = QCoreApplication.translate  # lupdate reads translate("HomeTab", …)

DEADLINE_DAYS = 14  # nominations closing this many days ahead (or fewer)
NOTICE_DAYS = 7  # a 公示 ending this many days ahead (or fewer)


def _in_days(days: int) -> str:
    if days == 0:
        return translate("HomeTab", "today")
    return translate("HomeTab", "in {n} days").format(n=days)


def round_line(award_round: AwardRound, today: dt.date) -> tuple[int, dt.date, str] | None:
    """(urgency, the date concerned, the line) of what the round waits for; None when nothing is due.
    Urgency 0: the 公示 is over and the round not decided; 1: the 公示 ends soon; 2: nominations close soon."""
    if award_round.decision_date:
        return None
    end = award_round.notice_end
    if end is not None and end < today:
        return 0, end, f"{award_round.title} · 公示已于{end:%m-%d}结束，尚未表彰"
    if end is not None and 0 <= (end - today).days <= NOTICE_DAYS:
        return 1, end, f"{award_round.title} · 公示{end:%m-%d}结束（{_in_days((end - today).days)}）"
    deadline = award_round.nomination_deadline
    if deadline is not None and 0 <= (deadline - today).days <= DEADLINE_DAYS:
        return 2, deadline, f"{award_round.title} · 推荐{deadline:%m-%d}截止（{_in_days((deadline - today).days)}）"
    return None


def rounds_needing_action(today: dt.date) -> list[tuple[AwardRound, str]]:
    found = []
    for award_round in AwardRound.select().where(AwardRound.decision_date.is_null()):
        due = round_line(award_round, today)
        if due:
            found.append((due[0], due[1], award_round.id, award_round, due[2]))
    found.sort(key=lambda f: f[:3])
    return [(f[3], f[4]) for f in found]


def home_parts(ctx: HomeContext) -> list:
    found = rounds_needing_action(ctx.today)
    return [
        HomeList("honour_rounds", translate("HomeTab", "Award rounds needing action"),
                 [line for _r, line in found], "award_round", [r for r, _line in found], 45),
    ]
