"""The main window: 首页 and the four work tabs, the 文件 and 帮助 menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from union_desk import config, logs
from union_desk.db import backup, database
from union_desk.errors import UnionDeskError
from union_desk.services import maintenance, settings
from union_desk.ui.about_dialog import AboutDialog
from union_desk.paths import backups_dir
from union_desk.ui.home.tab import HomeTab
from union_desk.ui.open_file import open_folder
from union_desk.ui.restore_dialog import RestoreDialog
from union_desk.ui.settings_dialog import SettingsDialog
from union_desk.ui.widgets.form_base import fit_to_screen
from union_desk.ui.widgets.lazy_tab import LazyTab
from union_desk.ui.widgets.task_runner import run_with_progress


def _plan_tab():
    from union_desk.ui.plan.tab import PlanTab

    return PlanTab()


def _members_tab():
    from union_desk.ui.members.tab import MembersTab

    return MembersTab()


def _hardship_tab():
    from union_desk.ui.hardship.tab import HardshipTab

    return HardshipTab()


def _activities_tab():
    from union_desk.ui.activities.tab import ActivitiesTab

    return ActivitiesTab()


def _stats_page():
    from union_desk.ui.stats.page import StatsPage

    return StatsPage()


class MainWindow(QMainWindow):
    shown = Signal()

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._announced = False
        self.tabs = QTabWidget()
        self.home = HomeTab(self.db_path)
        self.home.backup_requested.connect(self.backup_now)
        self.home.ledgers_requested.connect(self.export_ledgers)
        self.home.open_requested.connect(self.open_record)
        self.home.new_visit_requested.connect(self.new_visit)
        self.home.new_member_requested.connect(lambda: self.show_tab("members").add_member())
        # The work tabs (and their modules) are built the first time they are opened or used, so
        # the window comes up after the 首页 alone.
        self._lazy = {
            "plan": LazyTab(_plan_tab, self._plan_built),
            "members": LazyTab(_members_tab, self._members_built),
            "hardship": LazyTab(_hardship_tab),
            "activities": LazyTab(_activities_tab),
            "stats": LazyTab(_stats_page),
        }
        self.tabs.addTab(self.home, self.tr("Home"))
        self.tabs.addTab(self._lazy["plan"], self.tr("Work plan"))
        self.tabs.addTab(self._lazy["members"], self.tr("Members"))
        self.tabs.addTab(self._lazy["hardship"], self.tr("Hardship and visits"))
        self.tabs.addTab(self._lazy["activities"], self.tr("Activities"))
        self.tabs.addTab(self._lazy["stats"], self.tr("Statistics"))
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._load_tab)
        # the statistics count again each time they are opened (other tabs change the data)
        self.tabs.currentChanged.connect(lambda i: i == self._index("stats") or self._forget("stats"))
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._update_title()
        self.statusBar().showMessage(self.tr("Data file: {path}").format(path=self.db_path))
        self._show_open_warnings()
        geometry = settings.get("window_geometry")
        if geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode())):
            fit_to_screen(self)  # saved on a screen that is gone now, or on a bigger one
        else:
            fit_to_screen(self, QSize(1200, 760))  # within 1366×768 less the taskbar

    # --- building -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_backup = QAction(self.tr("&Back up now"), self)
        self.action_backup.triggered.connect(self.backup_now)
        self.action_restore = QAction(self.tr("&Restore from backup…"), self)
        self.action_restore.triggered.connect(self.restore)
        self.action_settings = QAction(self.tr("&Settings…"), self)
        self.action_settings.triggered.connect(self.open_settings)
        self.action_quit = QAction(self.tr("E&xit"), self)
        self.action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.action_quit.triggered.connect(self.close)
        self.action_backup_to = QAction(self.tr("Back up &to…"), self)
        self.action_backup_to.triggered.connect(self.backup_to)
        for action in (self.action_backup, self.action_backup_to, self.action_restore):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.action_ledgers = QAction(self.tr("Export &ledgers…"), self)
        self.action_ledgers.triggered.connect(self.export_ledgers)
        file_menu.addAction(self.action_ledgers)
        self.action_import_ledger = QAction(self.tr("&Import a ledger…"), self)
        self.action_import_ledger.triggered.connect(self.import_ledger)
        file_menu.addAction(self.action_import_ledger)
        file_menu.addSeparator()
        file_menu.addAction(self.action_settings)
        self.action_visit_types = QAction(self.tr("&Visit types and standards…"), self)
        self.action_visit_types.triggered.connect(lambda: self.hardship.edit_visit_types())
        file_menu.addAction(self.action_visit_types)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.action_log_folder = QAction(self.tr("Open the &log folder"), self)
        self.action_log_folder.triggered.connect(self.open_log_folder)
        help_menu.addAction(self.action_log_folder)
        self.action_data_folder = QAction(self.tr("Open the &data folder"), self)
        self.action_data_folder.triggered.connect(lambda: open_folder(self, self.db_path.parent))
        help_menu.addAction(self.action_data_folder)
        self.action_backup_folder = QAction(self.tr("Open the &backup folder"), self)
        self.action_backup_folder.triggered.connect(self.open_backup_folder)
        help_menu.addAction(self.action_backup_folder)
        self.action_about = QAction(self.tr("&About"), self)
        self.action_about.triggered.connect(self.about)
        help_menu.addAction(self.action_about)

    def _update_title(self) -> None:
        school = settings.get("school_name")
        title = self.tr("Union Desk")
        self.setWindowTitle(f"{title} — {school}" if school else title)

    # --- the tabs -----------------------------------------------------------------------------

    @property
    def plan(self):
        return self._lazy["plan"].widget()

    @property
    def members(self):
        return self._lazy["members"].widget()

    @property
    def hardship(self):
        return self._lazy["hardship"].widget()

    @property
    def activities(self):
        return self._lazy["activities"].widget()

    @property
    def stats(self):
        return self._lazy["stats"].widget()

    def _plan_built(self, plan) -> None:
        # plan changes show on the 首页 reminders the next time it is opened
        plan.changed.connect(lambda: self._loaded.discard(self.tabs.indexOf(self.home)))

    def _members_built(self, members) -> None:
        # visits saved from the 会员档案 tab (批量慰问) show in 困难帮扶 the next time it is opened
        members.visits_changed.connect(lambda: self._forget("hardship"))

    def _index(self, name: str) -> int:
        return self.tabs.indexOf(self._lazy[name])

    def _forget(self, name: str) -> None:
        self._loaded.discard(self._index(name))

    def show_tab(self, name: str):
        """Bring a work tab to the front (building it if needed) and return its widget."""
        self.tabs.setCurrentWidget(self._lazy[name])
        return self._lazy[name].widget()

    def current_page(self):
        """The widget of the tab in front (the real one, not its lazy holder)."""
        page = self.tabs.currentWidget()
        return page.widget() if isinstance(page, LazyTab) else page

    def tab_index(self, name: str) -> int:
        return self._index(name)

    def _load_tab(self, index: int) -> None:
        """Tabs load their data the first time they are shown, so start-up stays fast."""
        if index in self._loaded or index < 0:
            return
        self._loaded.add(index)
        page = self.tabs.widget(index)
        (page.widget() if isinstance(page, LazyTab) else page).refresh()

    def refresh_all(self) -> None:
        self._loaded.clear()
        self._load_tab(self.tabs.currentIndex())
        self._update_title()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._announced:
            self._announced = True
            self._load_tab(self.tabs.currentIndex())
            self.shown.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        try:
            settings.save({"window_geometry": bytes(self.saveGeometry().toBase64()).decode()})
        except Exception:  # noqa: BLE001 - never block closing over window geometry
            pass
        super().closeEvent(event)

    # --- actions --------------------------------------------------------------------------------

    def backup_now(self) -> None:
        def work(progress):
            progress(0, 0, self.tr("Backing up…"))
            info = backup.make_backup(self.db_path, "manual")
            backup.rotate(self.db_path)
            return info, maintenance.copy_to_second_place(self.db_path, info)

        result, error = run_with_progress(self, self.tr("Back up"), work, cancellable=False)
        if error:
            self._show_error(self.tr("Back up"), error)
            return
        info, warning = result
        message = self.tr("Backup saved to:\n{path}").format(path=info.path)
        QMessageBox.information(self, self.tr("Back up"), message + ("\n\n⚠ " + warning if warning else ""))
        self.home.refresh()

    def restore(self) -> None:
        dialog = RestoreDialog(self.db_path, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the current data with the backup\n{path}?\n\n"
                "The current data is backed up first."
            ).format(path=dialog.chosen),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            backup.verify_restore_source(dialog.chosen)  # refuse before the open file is closed
        except UnionDeskError as exc:
            self._show_error(self.tr("Restore"), exc)
            return
        database.close_database()
        try:
            result = backup.restore_backup(dialog.chosen, self.db_path)
        except UnionDeskError as exc:
            maintenance.open_for_use(self.db_path, auto_backup=False)
            self._show_error(self.tr("Restore"), exc)
            return
        maintenance.open_for_use(self.db_path, auto_backup=False)
        self.refresh_all()
        message = self.tr("The data was restored.")
        if result.pre_backup:
            message += "\n" + self.tr("The data before the restore was saved to:\n{path}").format(
                path=result.pre_backup.path
            )
        elif result.kept_damaged:
            message += "\n" + self.tr("The damaged data file was kept unchanged as:\n{path}").format(
                path="\n".join(str(p) for p in result.kept_damaged)
            )
        QMessageBox.information(self, self.tr("Restore"), message)

    def open_record(self, kind: str, record) -> None:
        """An entry of the 首页 was opened: show its tab with the record (or its form)."""
        if kind == "plan":
            self.show_tab("plan")
            self.plan.go_month(record.year, record.date.month if record.date else record.month or 1, select=record.date)
        elif kind == "activity":
            self.show_tab("activities")
            self.activities.select(record.id)
            self.activities.open_activity(record)
        elif kind == "member":
            self.show_tab("members")
            self.members.edit_member(record)
        elif kind == "hardship_file":
            self.show_tab("hardship")
            self.hardship.inner.setCurrentWidget(self.hardship.files)
            self.hardship.files.select_file(record.id)
        elif kind == "due_visit":
            self.show_tab("hardship")
            self.hardship.inner.setCurrentWidget(self.hardship.due)
            self.hardship.visit_due(record)  # the visit form, filled in for this member and reason
        self._loaded.discard(self.tabs.indexOf(self.home))  # what was done there shows on return

    def new_visit(self) -> None:
        hardship = self.show_tab("hardship")
        hardship.inner.setCurrentWidget(hardship.visits)
        hardship.visits.new_visit()
        self._loaded.discard(self.tabs.indexOf(self.home))

    def export_ledgers(self) -> None:
        from union_desk.ui.ledger_dialog import LedgerDialog

        dialog = LedgerDialog(self)
        dialog.imported.connect(lambda _report: self.refresh_all())
        dialog.exec()

    def import_ledger(self) -> None:
        from union_desk.ui.ledger_import_dialog import LedgerImportDialog

        dialog = LedgerImportDialog(self)
        dialog.imported.connect(lambda _report: self.refresh_all())
        dialog.exec()

    def open_settings(self) -> None:
        if SettingsDialog(self).exec():
            self._update_title()

    def open_log_folder(self) -> None:
        folder = logs.log_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # the file manager then says the folder is missing
        open_folder(self, folder)

    def open_backup_folder(self) -> None:
        folder = backups_dir(self.db_path)
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            pass  # the message then names the folder
        open_folder(self, folder)

    def backup_to(self) -> None:
        """文件 → 备份到…: a one-off verified copy in a chosen folder (a USB stick, another drive)."""
        start = str(config.second_backup_dir() or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Back up to a folder"), start)
        if not chosen:
            return

        def work(progress):
            progress(0, 0, self.tr("Backing up…"))
            return maintenance.backup_to(self.db_path, Path(chosen))

        info, error = run_with_progress(self, self.tr("Back up"), work, cancellable=False)
        if error:
            self._show_error(self.tr("Back up"), error)
            return
        message = self.tr("Backup saved to:\n{path}").format(path=info.path)
        if not maintenance.is_outside_data_folder(Path(chosen), self.db_path):
            message += "\n\n" + self.tr(
                "This folder is inside the data folder: if the disk fails, the backup is lost with the data."
            )
        QMessageBox.information(self, self.tr("Back up"), message)
        self.home.refresh()

    def switch_data_file(self, new_path: Path) -> None:
        """The data file was moved (设置 → 移动数据文件) and reopened: show and use the new one."""
        self.db_path = Path(new_path)
        self.home.db_path = self.db_path
        self.statusBar().showMessage(self.tr("Data file: {path}").format(path=self.db_path))
        self.refresh_all()

    def about(self) -> None:
        AboutDialog(self.db_path, self).exec()

    def _show_open_warnings(self) -> None:
        """What went wrong at opening (failed daily backup, read-only, network) stays in sight."""
        warnings = getattr(database.current_database(), "warnings", [])
        if warnings:
            label = QLabel("⚠ " + "  ".join(w.splitlines()[0] for w in warnings))
            label.setObjectName("openWarnings")
            label.setStyleSheet("color: #b00020; font-weight: bold;")
            label.setToolTip("\n".join(warnings))
            self.statusBar().addPermanentWidget(label)

    def _show_error(self, title: str, error: Exception) -> None:
        text = error.message if isinstance(error, UnionDeskError) else str(error)
        QMessageBox.critical(self, title, text)
