"""合理化建议 sub-page: the campaigns (金点子征集) on the left, the suggestions of the chosen campaign
(or all of the year) on the right; forms for both."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.meeting_models import Suggestion, SuggestionCampaign
from union_desk.errors import UnionDeskError
from union_desk.services import meetings
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.hardship.common import show_error
from union_desk.ui.meetings.common import button, first_line
from union_desk.ui.meetings.suggestion_forms import edit_campaign, edit_suggestion
from union_desk.ui.widgets.table_model import FULL_DATE, Column, RecordTableModel
from union_desk.ui.widgets.table_view import setup_table_view

ADOPTED_COLOR = "#1b5e20"


class AllSuggestions:
    """The first row of the campaigns table: every suggestion of the year."""

    id = None
    start_date = None
    end_date = None

    def __init__(self, title: str, count: int):
        self.title = title
        self.count = count


class SuggestionsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = dt.date.today().year
        campaign_columns = [
            Column(self.tr("Campaign"), lambda c: c.title, 190, stretch=True),
            Column(self.tr("Start"), lambda c: c.start_date, 90, full=FULL_DATE),
            Column(self.tr("End"), lambda c: c.end_date, 90, full=FULL_DATE),
            Column(self.tr("Suggestions"), lambda c: c.count, 40, full="99"),
        ]
        self.campaign_model = RecordTableModel(campaign_columns, self)
        self.campaign_view = setup_table_view(QTableView(), self.campaign_model, campaign_columns, row_height=26,
                                              selection=QAbstractItemView.SelectionMode.SingleSelection,
                                              row_numbers=False)
        self.campaign_view.setObjectName("campaigns")
        self.campaign_view.doubleClicked.connect(lambda _i: self.edit_campaign())
        self.campaign_view.selectionModel().selectionChanged.connect(lambda *_a: self._campaign_changed())
        self.new_campaign_button = button(self.tr("New campaign…"), self.new_campaign)
        self.edit_campaign_button = button(self.tr("Edit campaign…"), self.edit_campaign)

        columns = [
            Column(self.tr("Date"), lambda s: s.date, 90, full=FULL_DATE),
            Column(self.tr("Proposer"), lambda s: s.proposer or (s.member.name if s.member_id else ""), 80),
            Column(self.tr("Suggestion"), lambda s: s.title, 160, stretch=True),
            Column(self.tr("Category"), lambda s: s.category, 70),
            Column(self.tr("Adopted"), lambda s: s.adoption, 70,
                   foreground=lambda s: ADOPTED_COLOR if s.adoption in ("采纳", "部分采纳") else None),
            Column(self.tr("Result"), lambda s: first_line(s.result, 40), 120),
        ]
        self.model = RecordTableModel(columns, self)
        self.view = setup_table_view(QTableView(), self.model, columns, row_height=26,
                                     selection=QAbstractItemView.SelectionMode.SingleSelection, sortable=True)
        self.view.setObjectName("suggestions")
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, content, proposer"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh_suggestions)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.count_label = QLabel()
        self.new_button = button(self.tr("New suggestion…"), self.new_suggestion)
        self.edit_button = button(self.tr("Edit…"), self.edit_selected)
        self.delete_button = button(self.tr("Delete"), self.delete_selected)
        self.detail = QLabel()
        self.detail.setObjectName("suggestionDetail")
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(50)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        campaign_tools = QHBoxLayout()
        campaign_tools.addWidget(self.new_campaign_button)
        campaign_tools.addWidget(self.edit_campaign_button)
        campaign_tools.addStretch(1)
        left_layout.addLayout(campaign_tools)
        left_layout.addWidget(self.campaign_view, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button):
            tools.addWidget(b)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.count_label)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.detail)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([540, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter, 1)
        self._selection_changed()

    # --- data ---------------------------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        chosen = self.chosen_campaign()
        chosen_id = chosen.id if chosen is not None else None
        start, end = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        shown = []
        for c in meetings.campaigns():
            c_end = c.end_date or c.start_date
            if c.start_date <= end and c_end >= start or c.id == chosen_id:
                c.count = c.suggestions.count()
                shown.append(c)
        year_count = len(meetings.list_suggestions(self.year))
        rows = [AllSuggestions(self.tr("All suggestions of {year}").format(year=self.year), year_count), *shown]
        self.campaign_model.set_records(rows)
        self.campaign_view.blockSignals(True)
        index = next((i for i, c in enumerate(rows) if c.id == chosen_id), 0)
        self.campaign_view.selectRow(index)
        self.campaign_view.blockSignals(False)
        self.edit_campaign_button.setEnabled(index > 0)
        self.refresh_suggestions()

    def chosen_campaign(self) -> SuggestionCampaign | None:
        rows = self.campaign_view.selectionModel().selectedRows()
        if not rows:
            return None
        record = self.campaign_model.record_at(rows[0].row())
        return record if isinstance(record, SuggestionCampaign) else None

    def select_campaign(self, campaign_id: int | None) -> None:
        for row, record in enumerate(self.campaign_model.records):
            if record.id == campaign_id:
                self.campaign_view.selectRow(row)

    def _campaign_changed(self) -> None:
        self.edit_campaign_button.setEnabled(self.chosen_campaign() is not None)
        self.refresh_suggestions()

    def refresh_suggestions(self) -> None:
        current = self.selected()
        campaign = self.chosen_campaign()
        year = None if campaign is not None else self.year
        records = meetings.list_suggestions(year, campaign, self.search.text())
        self.model.set_records(records)
        adopted = sum(1 for s in records if s.adoption in ("采纳", "部分采纳"))
        self.count_label.setText(self.tr("%n suggestion(s)", "", len(records))
                                 + self.tr(", %n adopted", "", adopted))
        if current is None or not self.select(current.id):
            self._selection_changed()

    def selected(self) -> Suggestion | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def select(self, suggestion_id: int) -> bool:
        for row, record in enumerate(self.model.records):
            if record.id == suggestion_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def _selection_changed(self) -> None:
        suggestion = self.selected()
        self.edit_button.setEnabled(suggestion is not None)
        self.delete_button.setEnabled(suggestion is not None)
        if suggestion is None:
            self.detail.setText("")
            return
        parts = [f"{suggestion.title}（{suggestion.proposer}，{suggestion.date.isoformat()}）"]
        if suggestion.content:
            parts.append(suggestion.content)
        if suggestion.result:
            parts.append(self.tr("Result: {text}").format(text=suggestion.result))
        self.detail.setText("\n".join(parts))

    # --- actions ----------------------------------------------------------------------------------

    def new_campaign(self) -> None:
        saved = edit_campaign(self)
        if saved is not None:
            if saved.start_date.year != self.year:
                self.year_wanted(saved.start_date.year)
            self.refresh()
            self.select_campaign(saved.id)

    def edit_campaign(self) -> None:
        campaign = self.chosen_campaign()
        if campaign is not None and edit_campaign(self, SuggestionCampaign.get_by_id(campaign.id)) is not None:
            self.refresh()

    def new_suggestion(self) -> None:
        saved = edit_suggestion(self, None, self.chosen_campaign())
        self._after_save(saved)

    def edit_selected(self) -> None:
        suggestion = self.selected()
        if suggestion is not None:
            self._after_save(edit_suggestion(self, Suggestion.get_by_id(suggestion.id)))

    def _after_save(self, saved: Suggestion | None) -> None:
        if saved is None:
            return
        if self.chosen_campaign() is None and saved.date.year != self.year:
            self.year_wanted(saved.date.year)
        self.refresh()
        self.select(saved.id)

    def year_wanted(self, year: int) -> None:
        """The tab replaces this to move its year selector."""
        self.year = year

    @surfaces_errors
    def delete_selected(self) -> None:
        suggestion = self.selected()
        if suggestion is None:
            return
        if QMessageBox.question(self, self.tr("Delete"), self.tr("Delete the suggestion “{title}”?").format(
                title=suggestion.title)) != QMessageBox.StandardButton.Yes:
            return
        try:
            meetings.delete_suggestion(suggestion)
        except UnionDeskError as exc:
            show_error(self, self.tr("Delete"), exc)
            return
        self.refresh()
