"""The 教代会 forms, all on the form base: 届次 (TermForm), 会议 (SessionForm), 签到 (SignInDialog),
议程与表决 (AgendaDialog), 民主评议 (EvaluationDialog) and the plan item picker (PlanItemPicker,
on the shared ui.widgets.plan_item_picker).

Every write goes through services.congress; a refused value shows the service's message."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from union_desk.db.congress_models import AgendaItem, CongressSession, CongressTerm, Evaluation
from union_desk.db.models import Member
from union_desk.domain import congress as rules
from union_desk.errors import UnionDeskError, ValidationError
from union_desk.services import congress, members
from union_desk.ui.error_handling import surfaces_errors
from union_desk.ui.file_names import documents_dir, safe_name
from union_desk.ui.hardship.common import choice_combo, date_edit, edit_date, save_cancel_buttons, show_error
from union_desk.ui.widgets.form_base import FormDialog
from union_desk.ui.widgets.member_picker import MemberPicker
from union_desk.ui.widgets.plan_item_picker import PlanItemPicker as SharedPlanItemPicker

WARNING_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1


def _message(exc: Exception) -> str:
    return exc.message if isinstance(exc, UnionDeskError) else str(exc)


def warning_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(WARNING_STYLE)
    label.setVisible(False)
    return label


def say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


# --- 届次 ----------------------------------------------------------------------------------------------


class TermForm(FormDialog):
    """届次: number, start, end (optional), notes."""

    def __init__(self, term: CongressTerm | None = None, parent=None):
        super().__init__(parent)
        self.term = term
        self.saved: CongressTerm | None = None
        self.setWindowTitle(self.tr("Edit term") if term else self.tr("New term"))
        form = QFormLayout(self.body)
        self.number = QSpinBox()
        self.number.setRange(1, congress.MAX_TERM_NUMBER)
        numbers = [t.number for t in congress.list_terms()]
        self.number.setValue(term.number if term else (max(numbers) + 1 if numbers else 1))
        self.number.setPrefix(self.tr("No. "))
        self.number.setSuffix(self.tr(" (term)"))
        form.addRow(self.tr("Term number"), self.number)
        self.start = date_edit(term.start_date if term else _school_year_start(dt.date.today()))
        form.addRow(self.tr("Start date"), self.start)
        self.has_end = QCheckBox(self.tr("Ends on"))
        self.end = date_edit(term.end_date if term and term.end_date else None)
        if not (term and term.end_date):
            self.end.setDate(self.start.date().addYears(3).addDays(-1))
        self.has_end.setChecked(bool(term and term.end_date))
        self.end.setEnabled(self.has_end.isChecked())
        self.has_end.toggled.connect(self.end.setEnabled)
        end_row = QWidget()
        row = QHBoxLayout(end_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_end)
        row.addWidget(self.end, 1)
        form.addRow(self.tr("End date"), end_row)
        self.notes = QPlainTextEdit(term.notes if term else "")
        self.notes.setFixedHeight(70)
        form.addRow(self.tr("Notes"), self.notes)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))

    def data(self) -> dict:
        return {
            "number": self.number.value(),
            "start_date": edit_date(self.start),
            "end_date": edit_date(self.end) if self.has_end.isChecked() else None,
            "notes": self.notes.toPlainText(),
        }

    @surfaces_errors
    def accept(self) -> None:
        try:
            self.saved = congress.save_term(self.data(), self.term)
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


def _school_year_start(day: dt.date) -> dt.date:
    return dt.date(day.year if day.month >= 9 else day.year - 1, 9, 1)


def edit_term(parent: QWidget, term: CongressTerm | None = None) -> CongressTerm | None:
    form = TermForm(term, parent)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None


# --- 会议 ----------------------------------------------------------------------------------------------


class SessionForm(FormDialog):
    """A session: 届, 第N次 (next by default), date, place, kind, title (the usual one by default);
    a new session may get the agenda item 审议上次提案办理情况报告."""

    def __init__(self, session: CongressSession | None = None, term: CongressTerm | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.saved: CongressSession | None = None
        self.setWindowTitle(self.tr("Edit session") if session else self.tr("New session"))
        form = QFormLayout(self.body)
        self.term = QComboBox()
        for t in congress.list_terms():
            self.term.addItem(congress.term_label(t), t.id)
        chosen = session.term if session else (term or congress.current_term())
        if chosen is not None:
            self.term.setCurrentIndex(max(0, self.term.findData(chosen.id)))
        form.addRow(self.tr("Term"), self.term)
        self.number = QSpinBox()
        self.number.setRange(1, congress.MAX_SESSION_NUMBER)
        form.addRow(self.tr("Session number"), self.number)
        self.date = date_edit(session.date if session else dt.date.today())
        form.addRow(self.tr("Date"), self.date)
        self.place = QLineEdit(session.place if session else "")
        self.place.setPlaceholderText(self.tr("e.g. the lecture hall"))
        form.addRow(self.tr("Place"), self.place)
        self.kind = choice_combo(rules.SESSION_KINDS, session.kind if session else "正式")
        form.addRow(self.tr("Kind"), self.kind)
        self.title = QLineEdit(session.title if session else "")
        form.addRow(self.tr("Title"), self.title)
        self.notes = QPlainTextEdit(session.notes if session else "")
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Notes"), self.notes)
        self.report_item = QCheckBox(self.tr("Add the agenda item: review the report on last session's proposals"))
        self.report_item.setChecked(True)
        form.addRow("", self.report_item)
        self._auto_title = self.title.text() if session else ""
        if session:
            self.number.setValue(session.number)
        else:
            self._fill_number()
        self.term.currentIndexChanged.connect(self._term_changed)
        self.number.valueChanged.connect(self._fill_title)
        self.kind.currentIndexChanged.connect(self._fill_title)
        self.date.dateChanged.connect(self._offer)
        self._fill_title()
        self._offer()
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))

    def chosen_term(self) -> CongressTerm | None:
        term_id = self.term.currentData()
        return CongressTerm.get_or_none(CongressTerm.id == term_id) if term_id else None

    def _term_changed(self) -> None:
        if self.session is None:
            self._fill_number()
        self._fill_title()
        self._offer()

    def _fill_number(self) -> None:
        term = self.chosen_term()
        self.number.setValue(congress.next_session_number(term) if term else 1)

    def _fill_title(self) -> None:
        """Keep the title the usual one while the user has not typed their own."""
        term = self.chosen_term()
        if term is None:
            return
        usual = rules.session_title(term.number, self.number.value(), self.kind.currentText())
        if self.title.text() in ("", self._auto_title):
            self.title.setText(usual)
        self._auto_title = usual

    def _offer(self) -> None:
        term = self.chosen_term()
        offered = self.session is None and term is not None and congress.offers_report_item(term, edit_date(self.date))
        self.report_item.setVisible(offered)

    def data(self) -> dict:
        return {
            "term": self.term.currentData(),
            "number": self.number.value(),
            "date": edit_date(self.date),
            "place": self.place.text(),
            "kind": self.kind.currentText(),
            "title": self.title.text(),
            "notes": self.notes.toPlainText(),
        }

    @surfaces_errors
    def accept(self) -> None:
        if self.term.currentData() is None:
            show_error(self, self.windowTitle(), ValidationError(self.tr("Create a term first.")))
            return
        with_item = None
        if self.session is None:
            with_item = self.report_item.isVisibleTo(self) and self.report_item.isChecked()
        try:
            self.saved = congress.save_session(self.data(), self.session, with_report_item=with_item)
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


def edit_session(parent: QWidget, session: CongressSession | None = None, term: CongressTerm | None = None) -> CongressSession | None:
    form = SessionForm(session, term, parent)
    return form.saved if form.exec() == QDialog.DialogCode.Accepted else None


# --- 签到 ----------------------------------------------------------------------------------------------

NAME, GROUP, CATEGORY, STATE, REASON = range(5)


class SignInDialog(FormDialog):
    """The 应到 list with 出席 / 请假 / 缺席 per delegate, a find box (name or pinyin; Enter marks the
    one found 出席), 全部出席, the counts and the live quorum warning. 保存 writes per state."""

    def __init__(self, session: CongressSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Sign-in: {title}").format(title=session.title))
        layout = QVBoxLayout(self.body)
        find_row = QHBoxLayout()
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("Name or pinyin initials, Enter marks present"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._filter)
        self.find.returnPressed.connect(self.mark_found)
        self.ignore_changes(self.find)
        find_row.addWidget(QLabel(self.tr("Find")))
        find_row.addWidget(self.find, 1)
        self.all_present = QPushButton(self.tr("All present"))
        self.all_present.setAutoDefault(False)
        self.all_present.clicked.connect(self.mark_all_present)
        find_row.addWidget(self.all_present)
        layout.addLayout(find_row)
        self.found = QLabel()
        layout.addWidget(self.found)

        self.rows = congress.attendance_of(session)
        self.table = QTableWidget(len(self.rows), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Delegation"), self.tr("Category"), self.tr("Attendance"), self.tr("Reason for leave")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.combos: list[QComboBox] = []
        for row, attendance in enumerate(self.rows):
            delegate = attendance.delegate
            for column, text in ((NAME, delegate.member.name), (GROUP, delegate.group_name), (CATEGORY, delegate.category)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            combo = choice_combo(rules.ATTENDANCE_STATES, attendance.state)
            combo.setObjectName(f"state{row}")
            combo.currentIndexChanged.connect(self._update_counts)
            self.table.setCellWidget(row, STATE, combo)
            self.combos.append(combo)
            self.table.setItem(row, REASON, QTableWidgetItem(attendance.reason))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(GROUP, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(STATE, 90)
        self.table.setMinimumSize(560, 300)
        layout.addWidget(self.table, 1)
        self.counts = QLabel()
        layout.addWidget(self.counts)
        self.quorum = warning_label()
        layout.addWidget(self.quorum)
        self.set_buttons(save_cancel_buttons(self, self.tr("Save")))
        self.find.setFocus()
        self._update_counts()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return super().sizeHint().expandedTo(QSize(720, 680))

    def states(self) -> list[str]:
        return [combo.currentText() for combo in self.combos]

    def _update_counts(self) -> None:
        states = self.states()
        expected, present = len(states), states.count("出席")
        self.counts.setText(
            self.tr("Expected {expected}, present {present}, on leave {leave}, absent {absent}; {needed} needed").format(
                expected=expected, present=present, leave=states.count("请假"), absent=states.count("缺席"),
                needed=rules.quorum_needed(expected, congress.quorum_ratio()),
            )
        )
        say(self.quorum, rules.quorum_warning(expected, present, congress.quorum_ratio()))

    def matching_rows(self, text: str) -> list[int]:
        """Rows whose delegate matches `text` by name or pinyin (the members' search)."""
        text = text.strip()
        if not text:
            return list(range(len(self.rows)))
        ids = [a.delegate.member_id for a in self.rows]
        found = {m.id for m in members.search_query(text).where(Member.id.in_(ids))}
        return [row for row, a in enumerate(self.rows) if a.delegate.member_id in found]

    def _filter(self, text: str) -> None:
        shown = set(self.matching_rows(text))
        for row in range(self.table.rowCount()):
            self.table.setRowHidden(row, row not in shown)
        self.found.setText("" if not text.strip() else self.tr("{count} found").format(count=len(shown)))

    def mark_found(self) -> None:
        """Enter in the find box: the one delegate found (not yet present) is marked 出席."""
        rows = [r for r in self.matching_rows(self.find.text()) if self.combos[r].currentText() != "出席"]
        if not self.find.text().strip():
            return
        if len(rows) != 1:
            self.found.setText(
                self.tr("Nobody to mark matches “{text}”.").format(text=self.find.text().strip()) if not rows
                else self.tr("{count} people match; mark one in the list.").format(count=len(rows))
            )
            return
        row = rows[0]
        self.combos[row].setCurrentText("出席")
        name = self.rows[row].delegate.member.name
        self.find.clear()
        self.found.setText(self.tr("✓ {name} present").format(name=name))

    def mark_all_present(self) -> None:
        for combo in self.combos:
            combo.setCurrentText("出席")

    @surfaces_errors
    def accept(self) -> None:
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for row, attendance in enumerate(self.rows):
            state = self.combos[row].currentText()
            reason = (self.table.item(row, REASON).text() if self.table.item(row, REASON) else "").strip()
            groups[(state, reason if state == "请假" else "")].append(attendance.delegate_id)
        try:
            # 缺席 and 请假 first: the session counts as held on the first 出席
            for (state, reason), ids in sorted(groups.items(), key=lambda g: g[0][0] == "出席"):
                congress.mark_attendance(self.session, ids, state, reason)
        except ValidationError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()


# --- 议程与表决 --------------------------------------------------------------------------------------------


class AgendaDialog(FormDialog):
    """The agenda: items with their votes and result (通过 / 未通过); each change is saved at once."""

    confirm_discard = False

    def __init__(self, session: CongressSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Agenda and votes: {title}").format(title=session.title))
        layout = QVBoxLayout(self.body)
        self.present_label = QLabel()
        layout.addWidget(self.present_label)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Item"), self.tr("For"), self.tr("Against"), self.tr("Abstain"), self.tr("Result")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 80), (2, 60), (3, 60), (4, 60), (5, 70)):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumSize(560, 200)
        self.table.itemSelectionChanged.connect(self._load_selected)
        layout.addWidget(self.table, 1)

        editor = QFormLayout()
        self.kind = choice_combo(rules.AGENDA_KINDS, "表决")
        editor.addRow(self.tr("Kind"), self.kind)
        self.title = QLineEdit()
        editor.addRow(self.tr("Item"), self.title)
        votes = QHBoxLayout()
        self.votes: dict[str, QLineEdit] = {}
        for key, label in (("votes_for", self.tr("For")), ("votes_against", self.tr("Against")),
                           ("votes_abstain", self.tr("Abstain"))):
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setMaximumWidth(80)
            edit.setPlaceholderText(self.tr("not voted"))
            votes.addWidget(QLabel(label))
            votes.addWidget(edit)
            self.votes[key] = edit
        votes.addStretch(1)
        editor.addRow(self.tr("Votes"), votes)
        layout.addLayout(editor)
        self.error = warning_label()
        layout.addWidget(self.error)
        self.ignore_changes(self.kind, self.title, *self.votes.values())

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.clicked.connect(self.add_item)
        self.update_button = QPushButton(self.tr("Save changes to the item"))
        self.update_button.clicked.connect(self.update_item)
        self.delete_button = QPushButton(self.tr("Delete item"))
        self.delete_button.clicked.connect(self.delete_item)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button in (self.add_button, self.update_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.set_buttons(buttons)
        self.items: list[AgendaItem] = []
        self.reload()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return super().sizeHint().expandedTo(QSize(780, 540))

    def reload(self, select_id: int | None = None) -> None:
        figures = congress.session_figures(self.session)
        self.present = figures.present
        self.present_label.setText(
            self.tr("Present: {present} of {expected}. A vote passes with more than {half} votes for.").format(
                present=figures.present, expected=figures.expected,
                half=_half_text(figures.present * congress.majority_ratio()),
            )
        )
        self.items = congress.agenda_of(self.session)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            result = congress.vote_result(item, self.present)
            cells = (item.kind, item.title, _count(item.votes_for), _count(item.votes_against),
                     _count(item.votes_abstain), result)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 5 and result:
                    cell.setForeground(Qt.GlobalColor.darkGreen if result == "通过" else Qt.GlobalColor.red)
                self.table.setItem(row, column, cell)
            if item.id == select_id:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> AgendaItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.update_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _load_selected(self) -> None:
        item = self.selected()
        self._update_buttons()
        if item is None:
            return
        self.kind.setCurrentText(item.kind)
        self.title.setText(item.title)
        for key, edit in self.votes.items():
            edit.setText(_count(getattr(item, key)))
        say(self.error, "")

    def data(self) -> dict:
        data = {"kind": self.kind.currentText(), "title": self.title.text()}
        for key, edit in self.votes.items():
            data[key] = edit.text().strip() or None
        return data

    def _write(self, action) -> None:
        try:
            saved = action()
        except ValidationError as exc:
            say(self.error, exc.message)
            return
        say(self.error, "")
        self.reload(getattr(saved, "id", None))

    @surfaces_errors
    def add_item(self) -> None:
        self._write(lambda: congress.add_agenda_item(self.session, self.data()))

    @surfaces_errors
    def update_item(self) -> None:
        item = self.selected()
        if item is not None:
            self._write(lambda: (congress.update_agenda_item(item, self.data()), item)[1])

    @surfaces_errors
    def delete_item(self) -> None:
        item = self.selected()
        if item is not None:
            self._write(lambda: congress.delete_agenda_item(item))


def _count(value) -> str:
    return "" if value is None else str(value)


def _half_text(value) -> str:
    return str(int(value)) if value == int(value) else f"{float(value):g}"


# --- 民主评议 --------------------------------------------------------------------------------------------

GRADE_KEYS = ("excellent", "competent", "basic", "incompetent")
E_NAME, E_POST = 0, 1
E_COUNTS = range(2, 6)
E_EXCELLENT_RATE, E_SATISFIED_RATE = 6, 7


class EvaluationDialog(FormDialog):
    """民主评议: a title and rows of people (a member picked or a name typed, the post and the
    ballots by grade) with the live 优秀率 and 满意率; more ballots than delegates present is
    refused (shown at once, and by the service on saving). Prints the 民主评议汇总表."""

    def __init__(self, session: CongressSession, evaluation: Evaluation | None = None, parent=None, new: bool = False):
        super().__init__(parent)
        self.session = session
        self.evaluation = evaluation or (None if new else next(iter(congress.evaluations_of(session)), None))
        self.present = congress.session_figures(session).present
        self.setWindowTitle(self.tr("Democratic evaluation: {title}").format(title=session.title))
        layout = QVBoxLayout(self.body)
        top = QFormLayout()
        self.title = QLineEdit(self.evaluation.title if self.evaluation else "民主评议")
        top.addRow(self.tr("Title"), self.title)
        layout.addLayout(top)
        self.present_label = QLabel(self.tr("Delegates present: {present}").format(present=self.present))
        layout.addWidget(self.present_label)

        pick_row = QHBoxLayout()
        self.picker = MemberPicker(statuses=("在职",))
        self.picker.memberChanged.connect(self._picked)
        self.ignore_changes(self.picker)
        pick_row.addWidget(QLabel(self.tr("Add a member")))
        pick_row.addWidget(self.picker, 1)
        self.add_row_button = QPushButton(self.tr("Add a row (type a name)"))
        self.add_row_button.setAutoDefault(False)
        self.add_row_button.clicked.connect(lambda: self.add_row())
        self.remove_row_button = QPushButton(self.tr("Remove row"))
        self.remove_row_button.setAutoDefault(False)
        self.remove_row_button.clicked.connect(self.remove_row)
        pick_row.addWidget(self.add_row_button)
        pick_row.addWidget(self.remove_row_button)
        layout.addLayout(pick_row)

        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Post"), "优秀", "称职", "基本称职", "不称职",
            self.tr("Excellent rate"), self.tr("Satisfied rate"),
        ])
        self.table.horizontalHeader().setSectionResizeMode(E_POST, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(E_NAME, 90)
        for column in E_COUNTS:
            self.table.setColumnWidth(column, 70)
        for column in (E_EXCELLENT_RATE, E_SATISFIED_RATE):
            self.table.setColumnWidth(column, 90)
        self.table.setMinimumSize(640, 240)
        self.table.itemChanged.connect(self._cell_changed)
        layout.addWidget(self.table, 1)
        self.error = warning_label()
        layout.addWidget(self.error)
        if self.evaluation is not None:
            for subject in congress.subjects_of(self.evaluation):
                self.add_row(subject.member, subject.name, subject.post,
                             [subject.excellent, subject.competent, subject.basic, subject.incompetent])

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print summary (PDF)…"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_summary)
        self.xlsx_button = QPushButton(self.tr("Export summary (Excel)…"))
        self.xlsx_button.setAutoDefault(False)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.delete_button = QPushButton(self.tr("Delete evaluation"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_evaluation)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.box = save_cancel_buttons(self, self.tr("Save"))
        buttons.addWidget(self.box)
        self.set_buttons(buttons)
        self.button_box = self.box
        self.box.clicked.connect(self._button_clicked)
        self._update_print()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return super().sizeHint().expandedTo(QSize(920, 560))

    # --- rows ---------------------------------------------------------------------------------

    def add_row(self, member: Member | None = None, name: str = "", post: str = "", counts=None) -> int:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_item = QTableWidgetItem(name or (member.name if member else ""))
        name_item.setData(MEMBER_ROLE, member.id if member else None)
        self.table.setItem(row, E_NAME, name_item)
        self.table.setItem(row, E_POST, QTableWidgetItem(post or (member.post if member else "") or ""))
        for column, value in zip(E_COUNTS, counts or (0, 0, 0, 0)):
            cell = QTableWidgetItem(str(value))
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, cell)
        for column in (E_EXCELLENT_RATE, E_SATISFIED_RATE):
            cell = QTableWidgetItem("")
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self._update_rates()
        if not member and not name:
            self.table.setCurrentCell(row, E_NAME)
            self.table.editItem(self.table.item(row, E_NAME))
        return row

    def _picked(self, member: Member | None) -> None:
        if member is None:
            return
        self.add_row(member)
        self.picker.clear()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._update_rates()

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == E_NAME and item.data(MEMBER_ROLE):
            member = Member.get_or_none(Member.id == item.data(MEMBER_ROLE))
            if member is None or member.name != item.text().strip():
                self.table.blockSignals(True)
                item.setData(MEMBER_ROLE, None)  # a typed name: no longer the member picked
                self.table.blockSignals(False)
        if item.column() in E_COUNTS or item.column() == E_NAME:
            self._update_rates()

    def _counts(self, row: int) -> list[int] | None:
        values = []
        for column in E_COUNTS:
            text = (self.table.item(row, column).text() if self.table.item(row, column) else "").strip()
            if not text:
                values.append(0)
            elif text.isascii() and text.isdigit():
                values.append(int(text))
            else:
                return None
        return values

    def _update_rates(self) -> None:
        problems = []
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            counts = self._counts(row)
            name = (self.table.item(row, E_NAME).text() if self.table.item(row, E_NAME) else "").strip() or "?"
            if counts is None:
                ballots = None
                problems.append(self.tr("Ballots of “{name}” must be whole numbers.").format(name=name))
            else:
                ballots = rules.Ballots(*counts)
                try:
                    rules.check_ballots(ballots, self.present, name)
                except ValidationError as exc:
                    problems.append(exc.message)
            self.table.item(row, E_EXCELLENT_RATE).setText(rules.percent_text(ballots.excellent_rate) if ballots else "")
            self.table.item(row, E_SATISFIED_RATE).setText(rules.percent_text(ballots.satisfied_rate) if ballots else "")
        self.table.blockSignals(False)
        say(self.error, "\n".join(problems))

    def subjects(self) -> list[dict]:
        rows = []
        for row in range(self.table.rowCount()):
            name_item = self.table.item(row, E_NAME)
            data = {
                "member": name_item.data(MEMBER_ROLE) if name_item else None,
                "name": name_item.text() if name_item else "",
                "post": self.table.item(row, E_POST).text() if self.table.item(row, E_POST) else "",
            }
            for key, column in zip(GRADE_KEYS, E_COUNTS):
                data[key] = self.table.item(row, column).text().strip() if self.table.item(row, column) else ""
            rows.append(data)
        return rows

    # --- saving and printing --------------------------------------------------------------------

    def store(self) -> bool:
        try:
            self.evaluation = congress.save_evaluation(self.session, self.title.text(), self.subjects(), self.evaluation)
        except ValidationError as exc:
            say(self.error, exc.message)
            show_error(self, self.windowTitle(), exc)
            return False
        self.mark_clean()
        self._update_print()
        return True

    @surfaces_errors
    def accept(self) -> None:
        if self.store():
            super().accept()

    @surfaces_errors
    def delete_evaluation(self) -> None:
        if self.evaluation is None:
            return
        answer = QMessageBox.question(self, self.windowTitle(),
                                      self.tr("Delete “{title}” and its ballots?").format(title=self.evaluation.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        congress.delete_evaluation(self.evaluation)
        self.evaluation = None
        self.done(QDialog.DialogCode.Rejected)

    def _update_print(self) -> None:
        self.delete_button.setEnabled(self.evaluation is not None)
        for button in (self.print_button, self.xlsx_button):
            button.setEnabled(self.evaluation is not None)
            button.setToolTip("" if self.evaluation is not None else self.tr("Save the evaluation first."))

    def _saved_first(self) -> bool:
        """Printing shows what is saved: save unsaved edits first."""
        return not self.has_unsaved_changes() or self.store()

    @surfaces_errors
    def print_summary(self) -> None:
        if self.evaluation is None or not self._saved_first():
            return
        from union_desk.printing import congress as sheets
        from union_desk.ui.hardship.print_actions import print_pdf

        evaluation_id = self.evaluation.id
        print_pdf(self, self.tr("Print evaluation summary"), f"民主评议汇总表-{self.evaluation.title}",
                  lambda path: sheets.print_evaluation(evaluation_id, path))

    @surfaces_errors
    def export_xlsx(self) -> None:
        if self.evaluation is None or not self._saved_first():
            return
        default = documents_dir() / f"{safe_name('民主评议汇总表-' + self.evaluation.title)}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export evaluation summary"), str(default), self.tr("Excel workbooks (*.xlsx)")
        )
        if not path:
            return
        from union_desk.ledgers import congress_ledger

        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        try:
            congress_ledger.write_evaluation_xlsx(self.evaluation.id, target)
        except (UnionDeskError, OSError) as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self.error.setStyleSheet(OK_STYLE)
        say(self.error, self.tr("Saved to {path}").format(path=str(target)))
        self.error.setStyleSheet(WARNING_STYLE)


# --- the plan item picker ------------------------------------------------------------------------------------


def is_congress_item(item) -> bool:
    """A plan item about the 教代会 (listed first by the session's plan item picker)."""
    return "教代会" in item.title or "教职工代表大会" in item.title


class PlanItemPicker(SharedPlanItemPicker):
    """Choose one of the year's plan items (or none) for a session: the 教代会 items first, the first
    item chosen when the session has none yet."""

    def __init__(self, year: int, current_id: int | None = None, parent=None):
        super().__init__(year, current_id, parent, prefer=is_congress_item, select_first_item=True)
