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
    """Open the database; on a damaged file offer the newest good backup. False = give up."""
    while True:
        try:
            maintenance.open_for_use(db_path)
            return True
        except DatabaseFileError as exc:
            good = backup.newest_good_backup(db_path) if exc.can_restore else None
            if good is None:
                QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the data file"), exc.message)
                return False
            answer = QMessageBox.question(
                None,
                QCoreApplication.translate("App", "Cannot open the data file"),
                exc.message
                + "\n\n"
                + QCoreApplication.translate("App", "Restore the newest good backup ({when})? The damaged file is kept.").format(
                    when=f"{good.taken_at:%Y-%m-%d %H:%M}"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            keep_damaged(db_path)
            backup.restore_backup(good.path, db_path)
        except UnionDeskError as exc:
            QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the data file"), exc.message)
            return False


def keep_damaged(db_path: Path) -> None:
    """Move a damaged file aside (never delete it): someone may want to rescue data from it."""
    if db_path.exists():
        target = db_path.with_name(db_path.name + ".damaged")
        n = 1
        while target.exists():
            n += 1
            target = db_path.with_name(f"{db_path.name}.damaged{n}")
        os.replace(db_path, target)


def run_gui(db_path: Path, demo: bool = False) -> int:
    app = application()
    i18n.install(app, "zh_CN")
    lock = InstanceLock(db_path)
    try:
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
