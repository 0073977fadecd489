"""评优表彰 page: a year selector (or all years) above two sub-pages, 评选 (RoundsPage: the rounds
and their nominations) and 荣誉台账 (RegisterPage: the honours register).

`refresh()` refreshes the visible sub-page (the other when it is shown next);
`open_record(kind, record)` opens an award round or an honour from 首页; `edit_award_types()` and
`edit_certificate_template()` are 文件 → 奖项设置… and 证书模板…."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from union_desk.db.honour_models import AwardRound, Honour
from union_desk.ui.honours.register_page import RegisterPage
from union_desk.ui.honours.rounds_page import RoundsPage

ALL_YEARS = 0  # the year selector's "all years" entry


def _years() -> list[int]:
    """The years with rounds or honours, and this year."""
    years = {dt.date.today().year}
    for model in (AwardRound, Honour):
        first = model.select(model.year).order_by(model.year).first()
        last = model.select(model.year).order_by(model.year.desc()).first()
        if first is not None:
            years.update(range(first.year, last.year + 1))
    return sorted(years, reverse=True)


class HonoursTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_combo)
        top.addStretch(1)

        self.rounds = RoundsPage()
        self.register = RegisterPage()
        self.pages = (self.rounds, self.register)
        for page in self.pages:
            page.year_wanted = self.choose_year
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rounds, self.tr("Award rounds"))
        self.tabs.addTab(self.register, self.tr("Honours register"))
        self._stale: set = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self._fill_years(dt.date.today().year)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_chosen())
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self._year_chosen()

    # --- the year ------------------------------------------------------------------------------

    def year(self) -> int | None:
        """The chosen year; None for all years."""
        data = self.year_combo.currentData()
        if data is None:
            return dt.date.today().year
        return data or None

    def _fill_years(self, choose: int | None) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        years = _years()
        if choose and choose not in years:
            years = sorted({*years, choose}, reverse=True)
        for y in years:
            self.year_combo.addItem(str(y), y)
        self.year_combo.addItem(self.tr("All years"), ALL_YEARS)
        self.year_combo.setCurrentIndex(self.year_combo.findData(choose or ALL_YEARS))
        self.year_combo.blockSignals(False)

    def choose_year(self, year: int | None) -> None:
        """Show `year` (a record was saved or opened in another year)."""
        if self.year_combo.findData(year or ALL_YEARS) < 0:
            self._fill_years(year)
        else:
            self.year_combo.blockSignals(True)
            self.year_combo.setCurrentIndex(self.year_combo.findData(year or ALL_YEARS))
            self.year_combo.blockSignals(False)
        for page in self.pages:
            page.year = year or None
        self._stale = set(self.pages)

    def _year_chosen(self) -> None:
        year = self.year()
        for page in self.pages:
            page.year = year
        self._stale = set(self.pages)
        self._tab_shown()

    # --- refreshing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill_years(self.year())
        self._stale = set(self.pages)
        self._tab_shown()

    def _tab_shown(self) -> None:
        page = self.tabs.currentWidget()
        if page in self._stale:
            self._stale.discard(page)
            page.refresh()

    def _show(self, page, year: int | None) -> None:
        if year != self.year() and self.year() is not None:
            self.choose_year(year)
        self.tabs.setCurrentWidget(page)
        self._stale.discard(page)
        page.refresh()

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
