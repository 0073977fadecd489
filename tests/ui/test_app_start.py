"""Starting the GUI: a second instance, a damaged file with a good backup, English option."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from union_desk import app
from union_desk.db import backup
from union_desk.db.database import close_database
from union_desk.db.instance_lock import InstanceLock
from union_desk.db.models import Member
from union_desk.services.maintenance import open_for_use


def test_second_instance_gets_a_message(qapp, db_path, monkeypatch):
    from union_desk import logs
    from union_desk.ui import error_handling

    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: messages.append(a[2]))
    db_path.parent.mkdir(parents=True)
    try:
        with InstanceLock(db_path):
            code = app.run_gui(db_path)
    finally:  # run_gui installs the excepthooks and the log for the life of the program
        error_handling.uninstall()
        logs.shutdown_logging()
    assert code == 6
    assert "已在另一个工会工作台窗口中打开" in messages[0]


def test_damaged_file_offers_the_newest_good_backup(qapp, db_path, monkeypatch):
    open_for_use(db_path, auto_backup=False)
    Member.create(name="要找回的人")
    close_database()
    good = backup.make_backup(db_path)
    db_path.write_bytes(b"not a database at all" * 10)
    questions = []

    def answer_yes(*args, **kwargs):
        questions.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    assert app.open_with_recovery(db_path) is True
    assert "最新的完好备份" in questions[0] and f"{good.taken_at:%Y-%m-%d %H:%M}" in questions[0]
    assert [m.name for m in Member.select()] == ["要找回的人"]
    close_database()
    damaged = db_path.with_name(db_path.name + ".damaged")
    assert damaged.read_bytes() == b"not a database at all" * 10
    assert str(damaged) in told[0]


def test_damaged_file_without_backup_is_left_alone(qapp, db_path, monkeypatch):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"garbage" * 100)
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: messages.append(a[2]))
    assert app.open_with_recovery(db_path) is False
    assert "不是工会工作台的数据库" in messages[0]
    assert db_path.read_bytes() == b"garbage" * 100


def test_english_can_be_selected(qapp, db_path, qtbot):
    from union_desk.services import settings
    from union_desk.ui import i18n
    from union_desk.ui.main_window import MainWindow

    open_for_use(db_path, auto_backup=False)
    settings.save({"language": "en"})
    i18n.install(qapp, "en")
    try:
        win = MainWindow(db_path)
        qtbot.addWidget(win)
        assert "Members" in [win.nav.item(i).text() for i in range(win.nav.count())]
    finally:
        i18n.install(qapp, "zh_CN")
        close_database()
