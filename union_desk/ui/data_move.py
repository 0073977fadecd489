"""设置 → 移动数据文件: copy the data file (and its backups) to another folder, verify, switch over.

The database is closed while it is copied, so no change can be missed. The original file and
its backups stay where they were, untouched; the user is told where. Any failure reopens the
original, leaves the config as it was and says why in Chinese.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from union_desk import config
from union_desk.db import database
from union_desk.errors import UnionDeskError, os_error_reason
from union_desk.services import maintenance


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataMove", text)


def move_data(parent: QWidget | None, window, folder: Path) -> Path | None:
    """Move `window`'s data file into `folder`; the new path, or None (the message was shown).

    `window` is the main window: its `db_path`, `switch_data_file(path)` and, when run from
    `run_gui`, its `gui_session` (the file lock and the single-instance server move along).
    """
    title = _tr("Move the data file")
    old = Path(window.db_path)
    session = getattr(window, "gui_session", None)
    previous = config.load()
    database.close_database()
    try:
        new = maintenance.move_data_file(old, Path(folder))
    except UnionDeskError as exc:
        maintenance.open_for_use(old, auto_backup=False)
        QMessageBox.warning(parent, title, exc.message)
        return None
    try:
        if session is not None:
            session.switch(new)
        config.set_data_folder(new.parent)
        maintenance.open_for_use(new, auto_backup=False)
    except (UnionDeskError, OSError) as exc:
        reason = exc.message if isinstance(exc, UnionDeskError) else os_error_reason(exc)
        database.close_database()
        try:
            config.save(previous)
        except UnionDeskError:
            pass  # the message below says the old file is still in use; the config names it or nothing
        if session is not None and session.db_path != old:
            session.switch(old)
        maintenance.open_for_use(old, auto_backup=False)
        QMessageBox.warning(
            parent,
            title,
            _tr("The data file could not be opened in its new place, so nothing was switched:\n{reason}\n\n"
                "The program keeps using:\n{old}\nThe copy in the new place can be deleted:\n{new}").format(
                reason=reason, old=old, new=new
            ),
        )
        return None
    last = config.last_outside_backup(old)
    if last is not None:
        try:
            config.record_outside_backup(new, last)
        except UnionDeskError:
            pass  # only 首页's reminder may come early
    window.switch_data_file(new)
    QMessageBox.information(
        parent,
        title,
        _tr("The data file is now:\n{new}\n\nThe old file was left unchanged where it was:\n{old}\n"
            "When you have checked that everything is there, you may delete it.").format(new=new, old=old),
    )
    return new
