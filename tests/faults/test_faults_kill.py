"""A process killed at a fixed point of backup, restore, import or export loses nothing.

Each test runs the real CLI in a child with UNION_DESK_KILL_AT set; the child ends with exit 97
at that point, as a power cut would end it (no `finally`, no cleanup). The next run must find
the data as it was and clear the leftovers.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import faultkit as fk

YEAR = dt.date.today().year


def backup_parts(db):
    return sorted((db.parent / "backups").glob("*.part"))


def test_killed_backup_keeps_data_and_the_next_backup_clears_the_part(data_file, cli):
    before = fk.sha256(data_file)

    killed = cli(data_file, "backup", kill_at="backup.copied")

    assert killed.code == fk.KILLED, killed
    assert fk.sha256(data_file) == before
    leftovers = backup_parts(data_file)
    assert leftovers, "the kill point should fire after the copy is written to backups/*.part"
    for part in leftovers:
        fk.age(part)  # found by the next run, as the next day's start would find it

    again = cli(data_file, "backup")

    assert again.code == 0, again
    made = fk.reported_backup(again)
    assert made.parent == data_file.parent / "backups" and made.suffix == ".sqlite"
    assert fk.integrity(made) == "ok"
    assert backup_parts(data_file) == []
    assert fk.sha256(data_file) == before


def test_fresh_part_of_a_killed_backup_is_gone_after_the_next_backup(data_file, cli):
    """The very next backup, a second later, must not leave the killed one's copy either."""
    assert cli(data_file, "backup", kill_at="backup.copied").code == fk.KILLED
    assert cli(data_file, "backup").code == 0
    assert backup_parts(data_file) == []


def folder_names(db):
    return sorted(p.name for p in db.parent.iterdir())


def test_killed_restore_keeps_the_current_data_and_leaves_no_temp(data_file, good_backup, cli, counts):
    changed = cli(data_file, "plan", "generate", "--year", 2030)  # now the file differs from the backup
    assert changed.code == 0, changed
    before_counts = counts(data_file)
    before = fk.sha256(data_file)
    plan_items = fk.table_count(data_file, "plan_item")
    assert plan_items > fk.table_count(good_backup, "plan_item")
    existing = set(data_file.parent.rglob("*"))

    killed = cli(data_file, "restore", good_backup, kill_at="restore.copied")

    assert killed.code == fk.KILLED, killed
    if fk.sha256(data_file) != before:  # allowed only if it is still the same, healthy data
        assert counts(data_file) == before_counts
    assert fk.table_count(data_file, "plan_item") == plan_items
    pre = sorted((data_file.parent / "backups").glob("*pre-restore*.sqlite"))
    assert pre, sorted(p.name for p in (data_file.parent / "backups").iterdir())
    assert fk.integrity(pre[-1]) == "ok"
    assert fk.table_count(pre[-1], "plan_item") == plan_items
    allowed = {data_file.name, data_file.name + ".lock", data_file.name + "-wal", data_file.name + "-shm", "backups"}
    temps = {p for p in set(data_file.parent.rglob("*")) - existing - set(pre) if p.name not in allowed}
    assert temps, "the kill point should fire after the backup is copied to a temp file"
    for leftover in temps:
        fk.age(leftover)

    later = cli(data_file, "check")

    assert later.code == 0, later
    assert "正常" in later.out
    assert set(folder_names(data_file)) <= allowed
    assert not list(data_file.parent.rglob("*.restoring*"))
    assert [t for t in temps if t.exists()] == []
    assert counts(data_file) == before_counts


def renamed_members(db):
    return fk.table_count(db, "member", "name LIKE '%改' OR name LIKE '新会员%'")


def test_killed_member_import_changes_nothing(data_file, roster_xlsx, cli, counts):
    before_counts = counts(data_file)

    killed = cli(data_file, "import", "members", roster_xlsx, kill_at="import.before_commit")

    assert killed.code == fk.KILLED, killed
    assert counts(data_file) == before_counts
    assert renamed_members(data_file) == 0


def test_member_roster_really_imports_without_the_kill(data_file, roster_xlsx, cli, counts):
    """Proves the workbook of the kill test would change the data (so 'unchanged' means something)."""
    before_counts = counts(data_file)
    done = cli(data_file, "import", "members", roster_xlsx)
    assert done.code == 0, done
    assert counts(data_file)["会员"] == before_counts["会员"] + 5
    assert renamed_members(data_file) == 8


def test_killed_visits_import_changes_nothing(data_file, visits_xlsx, cli, counts):
    before_counts = counts(data_file)

    killed = cli(data_file, "import", "ledger", "visits", visits_xlsx, kill_at="import.before_commit")

    assert killed.code == fk.KILLED, killed
    assert counts(data_file) == before_counts


def test_visits_ledger_really_imports_without_the_kill(data_file, visits_xlsx, cli, counts):
    before_counts = counts(data_file)
    done = cli(data_file, "import", "ledger", "visits", visits_xlsx)
    assert done.code == 0, done
    assert counts(data_file)["走访慰问"] > before_counts["走访慰问"]


EXPORTS = {
    "ledger-members": ("export", "ledger", "members", "--year", YEAR),
    "roster": ("export", "members"),
    "ledger-visits": ("export", "ledger", "visits", "--year", YEAR),
}


def temp_leftovers(folder):
    return sorted(folder.glob(".~*.tmp"))


@pytest.mark.parametrize("command", EXPORTS.values(), ids=EXPORTS.keys())
def test_killed_export_keeps_the_old_file_and_the_next_export_clears_the_temp(data_file, tmp_path, cli, command):
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    out = out_dir / "out.xlsx"
    first = cli(data_file, *command, "-o", out)
    assert first.code == 0, first
    old = fk.sha256(out)

    killed = cli(data_file, *command, "-o", out, kill_at="export.written")

    assert killed.code == fk.KILLED, killed
    assert fk.sha256(out) == old
    leftovers = temp_leftovers(out_dir)
    assert leftovers, "the kill point should fire after the temp file is written"
    for leftover in leftovers:
        fk.age(leftover, 120)

    again = cli(data_file, *command, "-o", out_dir / "again.xlsx")

    assert again.code == 0, again
    assert temp_leftovers(out_dir) == []
    assert sorted(p.name for p in out_dir.iterdir()) == ["again.xlsx", "out.xlsx"]
    sheet = openpyxl.load_workbook(out_dir / "again.xlsx").active
    assert "台账" in sheet.title or "花名册" in sheet.title


def test_killed_first_export_leaves_no_target(data_file, tmp_path, cli):
    out = tmp_path / "new.xlsx"
    killed = cli(data_file, "export", "ledger", "members", "--year", YEAR, "-o", out, kill_at="export.written")
    assert killed.code == fk.KILLED, killed
    assert not out.exists()


def test_export_after_a_kill_writes_a_whole_roster(data_file, tmp_path, cli):
    out = tmp_path / "roster.xlsx"
    assert cli(data_file, "export", "ledger", "members", "--year", YEAR, "-o", out, kill_at="export.written").code == fk.KILLED
    for leftover in temp_leftovers(tmp_path):
        fk.age(leftover, 120)
    done = cli(data_file, "export", "ledger", "members", "--year", YEAR, "-o", out)
    assert done.code == 0, done
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[3]]
    assert "姓名" in header
    names = [r[header.index("姓名")] for r in ws.iter_rows(min_row=4, values_only=True) if r[0] is not None]
    assert sum(1 for n in names if isinstance(n, str) and n and not n.startswith("制表人")) == 30
    assert temp_leftovers(tmp_path) == []
