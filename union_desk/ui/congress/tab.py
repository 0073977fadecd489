"""教代会与提案 page: a term selector (届) above three sub-pages, 会议 (SessionsPage), 代表
(DelegatesPage) and 提案 (ProposalsPage).

`refresh()` refreshes the visible sub-page (the others when they are shown next);
`open_record(kind, record)` opens a proposal (提案) or selects a session (会议) from 首页."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from union_desk.db.congress_models import CongressSession, CongressTerm, Proposal
from union_desk.services import congress
from union_desk.ui.congress.sessions_page import SessionsPage


def _page(module: str, name: str):
    """The other helper's sub-page, or None while it cannot be imported."""
    try:
        from importlib import import_module

        return getattr(import_module(module), name)
    except (ImportError, AttributeError):
        return None


class CongressTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.term_combo = QComboBox()
        self.term_combo.setMinimumContentsLength(14)
        self.term_dates = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Term")))
        top.addWidget(self.term_combo)
        top.addWidget(self.term_dates)
        top.addStretch(1)

        self.sessions = SessionsPage()
        delegates_class = _page("union_desk.ui.congress.delegates_page", "DelegatesPage")
        proposals_class = _page("union_desk.ui.congress.proposals_page", "ProposalsPage")
        self.delegates = delegates_class() if delegates_class else QLabel(self.tr("The delegates page is not available."))
        self.proposals = proposals_class() if proposals_class else QLabel(self.tr("The proposals page is not available."))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sessions, self.tr("Sessions"))
        self.tabs.addTab(self.delegates, self.tr("Delegates"))
        self.tabs.addTab(self.proposals, self.tr("Proposals"))
        self._stale: set[QWidget] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.sessions.term_created.connect(self._term_created)
        self.sessions.proposals_wanted.connect(self.show_proposals)
        self.term_combo.currentIndexChanged.connect(lambda _i: self._term_chosen())
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self._fill_terms()
        self._term_chosen()

    # --- terms -----------------------------------------------------------------------------------

    def term(self) -> CongressTerm | None:
        term_id = self.term_combo.currentData()
        return CongressTerm.get_or_none(CongressTerm.id == term_id) if term_id else None

    def _fill_terms(self, choose_id: int | None = None) -> None:
        current = choose_id or self.term_combo.currentData()
        if current is None:
            running = congress.current_term()
            current = running.id if running else None
        self.term_combo.blockSignals(True)
        self.term_combo.clear()
        for term in congress.list_terms():
            self.term_combo.addItem(congress.term_label(term), term.id)
        index = self.term_combo.findData(current) if current is not None else -1
        self.term_combo.setCurrentIndex(index if index >= 0 else (0 if self.term_combo.count() else -1))
        self.term_combo.blockSignals(False)

    def _term_chosen(self) -> None:
        term = self.term()
        if term is None:
            self.term_dates.setText(self.tr("No term yet"))
        else:
            end = term.end_date.isoformat() if term.end_date else "—"
            self.term_dates.setText(f"{term.start_date.isoformat()} ~ {end}")
        for page in (self.sessions, self.delegates, self.proposals):
            if hasattr(page, "set_term"):
                page.set_term(term)
        self._stale = {self.delegates, self.proposals, self.sessions} - {self.tabs.currentWidget()}

    def choose_term(self, term: CongressTerm) -> None:
        if self.term_combo.findData(term.id) < 0:
            self._fill_terms(term.id)
        if self.term_combo.currentData() != term.id:
            self.term_combo.setCurrentIndex(self.term_combo.findData(term.id))
        else:
            self._term_chosen()

    def _term_created(self, term: CongressTerm) -> None:
        self._fill_terms(term.id)
        self._term_chosen()

    # --- refreshing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Terms again (one may have been added elsewhere), then the visible sub-page."""
        before = self.term_combo.currentData()
        self._fill_terms()
        if self.term_combo.currentData() != before:
            self._term_chosen()
            return
        self._stale = {self.sessions, self.delegates, self.proposals}
        self._tab_shown()

    def _tab_shown(self) -> None:
        page = self.tabs.currentWidget()
        if page in self._stale:
            self._stale.discard(page)
            if hasattr(page, "refresh"):
                page.refresh()

    def show_proposals(self, session: CongressSession | None) -> None:
        """会议's 该会议的提案: 提案, filtered to the session."""
        self.tabs.setCurrentWidget(self.proposals)
        if session is not None and hasattr(self.proposals, "set_session"):
            self.proposals.set_session(session)

    # --- 首页 entries ---------------------------------------------------------------------------------

    def open_record(self, kind: str, record) -> None:
        if kind == "proposal":
            proposal = Proposal.get_or_none(Proposal.id == record.id)
            if proposal is None:
                return
            self.choose_term(proposal.session.term)
            self.sessions.select(proposal.session_id)
            self.tabs.setCurrentWidget(self.proposals)
            if hasattr(self.proposals, "open_proposal"):
                self.proposals.open_proposal(proposal)
        elif kind == "congress_session":
            session = CongressSession.get_or_none(CongressSession.id == record.id)
            if session is None:
                return
            self.choose_term(session.term)
            self.tabs.setCurrentWidget(self.sessions)
            self.sessions.refresh()
            self.sessions.select(session.id)
