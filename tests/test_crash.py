"""A process killed in the middle of a large write leaves a whole database: all or none of it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import sys
    from union_desk.db.models import Member, database_proxy
    from union_desk.services.maintenance import open_for_use

    open_for_use(sys.argv[1], auto_backup=False)
    with database_proxy.atomic():  # the first large write completes
        Member.insert_many([{"name": f"完成{i}"} for i in range(5000)]).execute()
    with database_proxy.atomic():  # the second is killed half-way
        i = 0
        while True:
            Member.insert_many([{"name": f"半途{i}-{j}", "notes": "x" * 200} for j in range(500)]).execute()
            i += 1
            if i == 20:
                print("writing", flush=True)
    """
)


def test_kill_during_large_write_keeps_all_or_nothing(tmp_path):
    db_file = tmp_path / "crash.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "UNION_DESK_DATA_DIR": str(tmp_path / "appdata")},
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "writing", proc.stderr.read()
        # At least 10,000 uncommitted rows are in the page cache / WAL at this moment.
        proc.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = conn.execute("SELECT COUNT(*) FROM member WHERE name LIKE '完成%'").fetchone()[0]
        half = conn.execute("SELECT COUNT(*) FROM member WHERE name LIKE '半途%'").fetchone()[0]
    finally:
        conn.close()
    assert done == 5000
    assert half == 0
