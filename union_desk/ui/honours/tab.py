"""评优表彰 page: a year selector (or all years) above two sub-pages, 评选 (RoundsPage: the rounds
and their nominations) and 荣誉台账 (RegisterPage: the honours register).

`refresh()` refreshes the visible sub-page (the other when it is shown next);
`open_record(kind, record)` opens an award round or an honour from 首页; `edit_award_types()` and
`edit_certificate_template()` are 文件 → 奖项设置… and 证书模板…."""

from __future__ import annotations

import datetime as dt

from union_desk.db.honour_models import AwardRound, Honour
from union_desk.ui.honours.register_page import RegisterPage
from union_desk.ui.honours.rounds_page import RoundsPage
from union_desk.ui.widgets.year_tabs import YearTabs


def _years() -> list[int]:
    """The years with rounds or honours, and this year."""
    years = {dt.date.today().year}
    for model in (AwardRound, Honour):
        first = model.select(model.year).order_by(model.year).first()
        last = model.select(model.year).order_by(model.year.desc()).first()
        if first is not None:
            years.update(range(first.year, last.year + 1))
    return sorted(years, reverse=True)


class HonoursTab(YearTabs):
    all_years = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rounds = RoundsPage()
        self.register = RegisterPage()
        self.add_pages((self.rounds, self.tr("Award rounds")), (self.register, self.tr("Honours register")))

    def known_years(self) -> list[int]:
        return _years()

    # --- 首页 entries and menu --------------------------------------------------------------------

    def open_record(self, kind: str, record) -> None:
        if kind == "award_round":
            award_round = AwardRound.get_or_none(AwardRound.id == getattr(record, "id", record))
            if award_round is None:
                return
            self._show(self.rounds, award_round.year)
            self.rounds.select(award_round.id)
        elif kind == "honour":
            honour = Honour.get_or_none(Honour.id == getattr(record, "id", record))
            if honour is None:
                return
            self._show(self.register, honour.year)
            self.register.select(honour.id)

    def edit_award_types(self) -> None:
        """文件 → 奖项设置…."""
        from union_desk.ui.honours.award_types_dialog import AwardTypesDialog

        dialog = AwardTypesDialog(self.window())
        dialog.exec()
        if dialog.changed:
            self._stale = set(self.pages)
            self._tab_shown()

    def edit_certificate_template(self) -> None:
        """文件 → 证书模板…."""
        from union_desk.ui.honours.certificate_editor import CertificateTemplateDialog

        dialog = CertificateTemplateDialog(self.window())
        dialog.exec()

    def new_round(self) -> None:
        self._show(self.rounds, self.year())
        self.rounds.new_round()
