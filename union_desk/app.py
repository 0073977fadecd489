"""Starting the GUI: translations, the instance lock, opening the database safely, the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from union_desk import APP_NAME, __version__
from union_desk.db import backup
from union_desk.db.database import close_database, ensure_data_folder
from union_desk.db.instance_lock import InstanceLock
from union_desk.errors import DatabaseFileError, InstanceLockedError, UnionDeskError
from union_desk.config import first_run_needed
from union_desk.paths import DB_FILENAME, resources_dir
from union_desk.services import maintenance, settings
from union_desk.ui import i18n

BENCH_ENV = "UNION_DESK_QUIT_WHEN_SHOWN"


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resources_dir() / "union_desk.ico"  # title bar and taskbar (the exe's own icon is separate)
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    # Always the light scheme: the stylesheet gives cards and table headers light backgrounds,
    # and Windows 11 dark mode would otherwise bring white text onto them (issue 12).
    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(app.style().standardPalette())
    style = resources_dir() / "style.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def open_with_recovery(db_path: Path) -> bool:
    """Open the database; on a damaged file offer the newest good backup. False = give up.

    Only a damaged file (corrupt, not a database, empty, truncated) leads to the offer. A file
    that cannot be opened now (locked, no permission, unreachable) or belongs to another program
    is left alone with the reason. The damaged file is kept with its -wal/-shm, and the user is
    told where.
    """
    title = QCoreApplication.translate("App", "Cannot open the data file")
    while True:
        try:
            maintenance.open_for_use(db_path)
            return True
        except DatabaseFileError as exc:
            good = backup.newest_good_backup(db_path) if exc.can_restore else None
            if good is None:
                QMessageBox.critical(None, title, exc.message)
                return False
            answer = QMessageBox.question(
                None,
                title,
                exc.message
                + "\n\n"
                + QCoreApplication.translate(
                    "App",
                    "Restore the newest good backup ({when})?\n"
                    "The damaged file is kept unchanged, together with its -wal and -shm files, "
                    "in {folder} (names ending in .damaged).",
                ).format(when=f"{good.taken_at:%Y-%m-%d %H:%M}", folder=db_path.parent),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                result = backup.restore_backup(good.path, db_path)
            except UnionDeskError as error:
                QMessageBox.critical(None, title, error.message)
                return False
            QMessageBox.information(
                None,
                QCoreApplication.translate("App", "Restored"),
                QCoreApplication.translate(
                    "App", "The backup of {when} was restored. The damaged files are kept here:\n{paths}"
                ).format(
                    when=f"{good.taken_at:%Y-%m-%d %H:%M}",
                    paths="\n".join(str(p) for p in result.kept_paths()),
                ),
            )
        except UnionDeskError as exc:
            QMessageBox.critical(None, title, exc.message)
            return False


def _needs_lock(db_path: Path) -> bool:
    """A data file on read-only media opens read-only: no lock file can (or need) be made there."""
    from union_desk.db.database import file_is_writable

    return file_is_writable(db_path) if db_path.exists() else True


class GuiSession:
    """What ties the running window to its data file: the file lock and the single-instance server.

    Both follow the data file when 设置 → 移动数据文件 moves it (`switch`).
    """

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.lock = InstanceLock(self.db_path)
        self.server = None
        self.window = None

    def acquire(self) -> None:
        if _needs_lock(self.db_path):
            ensure_data_folder(self.db_path.parent)
            self.lock.acquire()

    def serve(self, window) -> None:
        """Let a second start on this data file bring `window` to the front."""
        from union_desk.ui.single_instance import InstanceServer, bring_to_front

        self.window = window
        server = InstanceServer(self.db_path)
        server.show_requested.connect(lambda: bring_to_front(self.window))
        if server.listen():
            self.server = server
        # else: the lock still guards the file; a second start then says "already open"

    def switch(self, new_path: Path) -> None:
        """Lock the new data file (raises if it cannot), then let go of the old one."""
        new = GuiSession(new_path)
        new.acquire()
        old_lock, old_server = self.lock, self.server
        self.db_path, self.lock, self.server = new.db_path, new.lock, None
        if old_server is not None:
            old_server.close()
        old_lock.release()
        if self.window is not None:
            self.serve(self.window)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.release()


def run_gui(db_path: Path, demo: bool = False) -> int:
    app = application()
    i18n.install(app, "zh_CN")
    if first_run_needed(db_path, demo):
        # Before the log is set up: cancelling the first start writes nothing at all.
        from union_desk.ui.first_run import ask_data_folder

        folder = ask_data_folder()
        if folder is None:
            return 0
        db_path = folder / DB_FILENAME
    from union_desk.ui import error_handling

    error_handling.install(app)  # rotating log, excepthooks, Qt message handler: nothing vanishes
    session = GuiSession(db_path)
    try:
        session.acquire()
    except InstanceLockedError as exc:
        from union_desk.ui.single_instance import ask_running_to_show

        if ask_running_to_show(db_path):
            return 0  # the running window comes to the front; nothing to say
        QMessageBox.critical(None, QCoreApplication.translate("App", "Union Desk"), exc.message)
        return exc.exit_code
    except UnionDeskError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Union Desk"), exc.message)
        return exc.exit_code
    try:
        if not open_with_recovery(db_path):
            return 5
        if demo:
            make_demo_if_empty()
        language = settings.get("language") or "zh_CN"
        if language != "zh_CN":
            i18n.install(app, language)
        from union_desk.ui.main_window import MainWindow

        window = MainWindow(db_path)
        window.gui_session = session  # 设置 → 移动数据文件 moves the lock and the server along
        session.serve(window)
        if os.environ.get(BENCH_ENV):
            window.shown.connect(lambda: (print("shown", flush=True), QTimer.singleShot(0, app.quit)))
        window.show()
        return app.exec()
    finally:
        close_database()
        session.close()


def make_demo_if_empty() -> None:
    from union_desk.db.models import Member
    from union_desk.demo.generator import generate

    if not Member.select().exists():
        generate()
