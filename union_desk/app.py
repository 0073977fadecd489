"""Starting the GUI: translations, the instance lock, opening the database safely, the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from union_desk import APP_NAME, __version__
from union_desk.db import backup
from union_desk.db.database import close_database, ensure_data_folder
from union_desk.db.instance_lock import InstanceLock
from union_desk.errors import DatabaseFileError, UnionDeskError
from union_desk.paths import resources_dir
from union_desk.services import maintenance, settings
from union_desk.ui import i18n

BENCH_ENV = "UNION_DESK_QUIT_WHEN_SHOWN"


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
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


def run_gui(db_path: Path, demo: bool = False) -> int:
    app = application()
    i18n.install(app, "zh_CN")
    from union_desk.ui import error_handling

    error_handling.install(app)  # rotating log, excepthooks, Qt message handler: nothing vanishes
    lock = InstanceLock(db_path)
    try:
        if _needs_lock(db_path):
            ensure_data_folder(db_path.parent)
            lock.acquire()
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
        if os.environ.get(BENCH_ENV):
            window.shown.connect(lambda: (print("shown", flush=True), QTimer.singleShot(0, app.quit)))
        window.show()
        return app.exec()
    finally:
        close_database()
        lock.release()


def make_demo_if_empty() -> None:
    from union_desk.db.models import Member
    from union_desk.demo.generator import generate

    if not Member.select().exists():
        generate()
