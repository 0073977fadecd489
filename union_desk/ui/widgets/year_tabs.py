"""A year selector above a tab widget of sub-pages: the scaffolding of the 评优表彰 and 会议与登记 pages.

A subclass gives `known_years()` (the years the selector offers, newest first) and calls
`add_pages((page, title), …)`; each page has a `year` attribute (set to the chosen year), a
`refresh()` and a `year_wanted` hook (set to `choose_year`). A page is refreshed when it is
shown; the others are marked stale and refreshed when they are shown next. With `all_years`,
the selector ends with an "All years" entry (data ALL_YEARS) and `year()` is then None."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

ALL_YEARS = 0  # the year selector's "all years" entry


class YearTabs(QWidget):
    all_years = False  # offer an "All years" entry

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        self.top = QHBoxLayout()
        self.top.addWidget(QLabel(self.tr("Year")))
        self.top.addWidget(self.year_combo)
        self.top.addStretch(1)
        self.tabs = QTabWidget()
        self.pages: tuple = ()
        self._stale: set = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.top)
        layout.addWidget(self.tabs, 1)

    def add_pages(self, *pages) -> None:
        """Add the sub-pages, each a (page, title), and show this year."""
        for page, title in pages:
            page.year_wanted = self.choose_year
            self.tabs.addTab(page, title)
        self.pages = tuple(page for page, _title in pages)
        self._fill_years(dt.date.today().year)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_chosen())
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self._year_chosen()

    def known_years(self) -> list[int]:
        """The years to offer, newest first."""
        return [dt.date.today().year]

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
        years = self.known_years()
        if choose and choose not in years:
            years = sorted({*years, choose}, reverse=True)
        for y in years:
            self.year_combo.addItem(str(y), y)
        if self.all_years:
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
        """Bring `page` to the front showing `year` (kept when all years are shown)."""
        if year != self.year() and self.year() is not None:
            self.choose_year(year)
        self.tabs.setCurrentWidget(page)
        self._stale.discard(page)
        page.refresh()
