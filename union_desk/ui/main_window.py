"""The main window: the side list of areas and their pages, the 文件 and 帮助 menus.

The window knows the areas only through the registry (union_desk.areas): their navigation
entries and pages, 首页's quick actions, the 文件 menu's import entries and area actions. Pages
are built the first time they are shown. After any write the change bus (ui.change_bus) says
which kinds of records changed; pages that show them are refreshed when next shown (the page in
front at once, unless the change is its own: a page refreshes itself after its own saves).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from union_desk import areas, changes, config, logs
from union_desk.db import backup, database
from union_desk.errors import UnionDeskError
from union_desk.paths import backups_dir
from union_desk.services import maintenance, settings
from union_desk.ui.about_dialog import AboutDialog
from union_desk.ui.change_bus import announce_everything, bus
from union_desk.ui.navigation import NavigationList
from union_desk.ui.open_file import open_folder
from union_desk.ui.restore_dialog import RestoreDialog
from union_desk.ui.settings_dialog import SettingsDialog
from union_desk.ui.widgets.form_base import fit_to_screen
from union_desk.ui.widgets.lazy_tab import LazyTab
from union_desk.ui.widgets.task_runner import run_with_progress

HOME = "home"


class MainWindow(QMainWindow):
    shown = Signal()

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._announced = False
        self.entries = {entry.key: entry for entry in areas.nav_entries()}
        self._own_changes = {
            entry.key: area.changes for area in areas.all_areas() for entry in area.nav
        }
        self.stack = QStackedWidget()
        self._holders: dict[str, LazyTab] = {}
        for key, entry in self.entries.items():
            holder = LazyTab(partial(self._build_page, entry))
            self._holders[key] = holder
            self.stack.addWidget(holder)
        self._stale: set[str] = set(self.entries)  # pages to refresh when next shown
        self._importing = False
        self.nav = NavigationList(list(self.entries.values()), self)
        self.nav.area_chosen.connect(self._activate)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        bus().changed.connect(self._on_changes)
        self._build_menus()
        self._update_title()
        self._show_data_file()
        self._show_open_warnings()
        last = settings.get("last_area")
        self.nav.choose(last if last in self.entries else HOME)
        geometry = settings.get("window_geometry")
        if geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode())):
            fit_to_screen(self)  # saved on a screen that is gone now, or on a bigger one
        else:
            fit_to_screen(self, QSize(1366, 760))  # as big as a 1366×768 screen less the taskbar allows

    # --- building -------------------------------------------------------------------------------

    def _build_page(self, entry):
        page = areas.resolve(entry.page)()
        # what a page may ask of the window (首页 does): generic, no area named
        for signal, slot in (
            ("open_requested", self.open_record),
            ("action_requested", self.run_action),
            ("backup_requested", self.backup_now),
            ("ledgers_requested", self.export_ledgers),
        ):
            if hasattr(page, signal):
                getattr(page, signal).connect(slot)
        return page

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
        self.import_actions: list[QAction] = []
        for entry in areas.import_entries():
            action = QAction(QCoreApplication.translate("MainWindow", entry.label), self)
            action.triggered.connect(partial(self.run_import, entry.opener))
            file_menu.addAction(action)
            self.import_actions.append(action)
        file_menu.addSeparator()
        file_menu.addAction(self.action_settings)
        self.area_actions: list[QAction] = []
        for entry in areas.menu_actions():
            action = QAction(QCoreApplication.translate("MainWindow", entry.label), self)
            action.triggered.connect(partial(self.call_page, entry.nav_key, entry.method))
            file_menu.addAction(action)
            self.area_actions.append(action)
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

    # --- the pages ------------------------------------------------------------------------------

    @property
    def home(self):
        return self.page(HOME)

    def page(self, key: str):
        """The page of a navigation entry (built now if it was not yet)."""
        return self._holders[key].widget()

    def is_built(self, key: str) -> bool:
        return self._holders[key].built

    def current_key(self) -> str | None:
        return self.nav.current_key()

    def current_page(self):
        key = self.current_key()
        return self.page(key) if key else None

    def show_page(self, key: str):
        """Bring an area's page to the front (building and refreshing it if needed); return it."""
        if self.nav.current_key() != key:
            self.nav.choose(key)  # → _activate
        else:
            self._activate(key)
        return self.page(key)

    def _activate(self, key: str) -> None:
        self.stack.setCurrentWidget(self._holders[key])
        page = self.page(key)
        if self._announced and key in self._stale:
            self._stale.discard(key)
            self._refresh_page(page)

    @staticmethod
    def _refresh_page(page) -> None:
        if hasattr(page, "refresh"):
            page.refresh()

    def _on_changes(self, kinds: frozenset[str]) -> None:
        """Records of `kinds` changed: pages that show them refresh (now if in front)."""
        current = self.current_key()
        for key, entry in self.entries.items():
            if not changes.touches(kinds, entry.shows):
                continue
            own = self._own_changes.get(key, frozenset())
            if key == current and self._importing:
                self._stale.add(key)  # refreshed once when the import is over (run_import)
            elif key == current and self._announced and (changes.EVERYTHING in kinds or kinds - own):
                self._stale.discard(key)
                self._refresh_page(self.page(key))
            elif key != current:
                self._stale.add(key)

    def refresh_current(self) -> None:
        key = self.current_key()
        if key and self._announced:
            self._stale.discard(key)
            self._refresh_page(self.page(key))

    def refresh_all(self) -> None:
        """Every page shows other data now (a restore, another data file): the change of
        everything, announced and delivered at once (the page in front refreshes once)."""
        announce_everything()
        bus().flush()
        self._update_title()

    def _home_changed(self) -> None:
        """Something only 首页 shows changed (the last backup): refresh it now if in front."""
        if self.current_key() == HOME:
            self.refresh_current()
        else:
            self._stale.add(HOME)

    def call_page(self, key: str, method: str):
        """Run a page's method (the page is built if needed, not shown): 文件 menu area actions."""
        return getattr(self.page(key), method)()

    def run_action(self, key: str, method: str):
        """A 首页 quick action: show the page, then run its method."""
        return getattr(self.show_page(key), method)()

    def open_record(self, kind: str, record) -> None:
        """An entry of 首页 was opened: show the page registered for its kind, which opens it."""
        entry = areas.nav_for_record(kind)
        if entry is None or entry.key not in self.entries:
            return
        self.show_page(entry.key).open_record(kind, record)
        self._stale.add(HOME)  # what was done there shows on return

    def run_import(self, opener: str) -> None:
        self._importing = True  # the page in front waits for the end of the import
        try:
            areas.resolve(opener)(self)
            bus().flush()
        finally:
            self._importing = False
        self.refresh_current()  # once, its own kinds too: the import did not come from the page

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._announced:
            self._announced = True
            self.refresh_current()
            self.shown.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        try:
            settings.save(
                {
                    "window_geometry": bytes(self.saveGeometry().toBase64()).decode(),
                    "last_area": self.current_key() or HOME,
                }
            )
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
        self._home_changed()

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

    def export_ledgers(self) -> None:
        """文件 → 导出台账 and 首页's 台账…: the 台账 page."""
        self.show_page("ledgers")

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
        self._home_changed()

    def switch_data_file(self, new_path: Path) -> None:
        """The data file was moved (设置 → 移动数据文件) and reopened: show and use the new one."""
        self.db_path = Path(new_path)
        self.home.db_path = self.db_path
        self._show_data_file()
        self.refresh_all()

    def about(self) -> None:
        AboutDialog(self.db_path, self).exec()

    def _show_data_file(self) -> None:
        """The data file's path is in 帮助 → 关于 and in the status bar's tooltip, not written on
        every screen; the status bar keeps its room for messages and the open-time warnings."""
        self.statusBar().clearMessage()
        self.statusBar().setToolTip(self.tr("Data file: {path}").format(path=self.db_path))

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
