"""The per-user config file: atomic, outside the data folder, and the data-file precedence."""

from __future__ import annotations

import json

import pytest

from union_desk import config, paths


def test_config_lives_in_the_per_user_folder_and_is_written_whole(tmp_path):
    assert config.config_path() == tmp_path / "appdata" / "config.json"
    config.set_data_folder(tmp_path / "D盘" / "UnionDesk")
    config.set_second_backup_dir(tmp_path / "U盘")
    data = json.loads(config.config_path().read_text(encoding="utf-8"))
    assert data == {"data_folder": str(tmp_path / "D盘" / "UnionDesk"), "second_backup_dir": str(tmp_path / "U盘")}
    assert [p.name for p in config.config_path().parent.iterdir()] == ["config.json"]  # no temporary left
    config.set_second_backup_dir(None)
    assert "second_backup_dir" not in config.load()


def test_a_failed_write_leaves_the_old_config(tmp_path, monkeypatch):
    config.set_data_folder(tmp_path / "old")

    def broken_dump(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch, pytest.raises(Exception, match="无法保存设置文件"):
        patch.setattr(config.json, "dump", broken_dump)
        config.set_data_folder(tmp_path / "new")
    assert config.data_folder() == tmp_path / "old"
    assert [p.name for p in config.config_path().parent.iterdir()] == ["config.json"]


def test_a_malformed_config_counts_as_empty(tmp_path):
    config.config_path().parent.mkdir(parents=True)
    config.config_path().write_text("{not json", encoding="utf-8")
    assert config.load() == {}
    assert config.data_folder() is None


def test_precedence_db_then_env_then_config_then_default(tmp_path, monkeypatch):
    assert config.resolve_db_path() == tmp_path / "appdata" / "union_desk.sqlite"
    config.set_data_folder(tmp_path / "D")
    assert config.resolve_db_path() == tmp_path / "D" / "union_desk.sqlite"
    monkeypatch.setenv("UNION_DESK_DB", str(tmp_path / "env.sqlite"))
    assert config.resolve_db_path() == tmp_path / "env.sqlite"
    assert config.resolve_db_path(str(tmp_path / "cli.sqlite")) == tmp_path / "cli.sqlite"


def test_the_cli_reads_the_data_folder_setting(tmp_path, cli):
    config.set_data_folder(tmp_path / "D")
    code, out, _err = cli("demo", "--members", 5)
    assert code == 0
    assert (tmp_path / "D" / "union_desk.sqlite").exists()
    code, out, _err = cli("check")
    assert code == 0 and str(tmp_path / "D" / "union_desk.sqlite") in out


@pytest.fixture
def real_user_folder(tmp_path, monkeypatch):
    """As on a real PC: no UNION_DESK_DATA_DIR, the per-user folder under XDG_DATA_HOME."""
    monkeypatch.delenv("UNION_DESK_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(paths.sys, "platform", "linux")
    return tmp_path / "home" / "UnionDesk"


def test_first_run_is_only_a_true_first_start(real_user_folder, tmp_path, monkeypatch):
    default = real_user_folder / "union_desk.sqlite"
    assert paths.default_db_path() == default
    assert config.first_run_needed(default) is True
    assert config.first_run_needed(default, demo=True) is False
    assert config.first_run_needed(tmp_path / "other.sqlite") is False  # --db elsewhere
    monkeypatch.setenv("UNION_DESK_DB", str(default))
    assert config.first_run_needed(default) is False
    monkeypatch.delenv("UNION_DESK_DB")
    default.parent.mkdir(parents=True)
    default.write_bytes(b"")  # an existing user upgrading is not asked
    assert config.first_run_needed(default) is False
    default.unlink()
    config.set_data_folder(tmp_path / "D")
    assert config.first_run_needed(default) is False


def test_first_run_is_not_asked_when_the_data_dir_is_set(tmp_path):
    assert config.first_run_needed(paths.default_db_path()) is False  # conftest sets UNION_DESK_DATA_DIR


def test_a_non_system_fixed_drive_is_suggested(monkeypatch):
    monkeypatch.setenv("SystemDrive", "C:")
    drives = [("A:\\", 2), ("C:\\", 3), ("D:\\", 5), ("E:\\", 3), ("F:\\", 3)]  # floppy, system, CD, data, data
    assert str(paths.suggested_data_folder(windows=True, drives=drives)) == "E:\\UnionDesk"
    assert paths.suggested_data_folder(windows=True, drives=[("C:\\", 3), ("G:\\", 2)]) is None  # USB only
    assert paths.suggested_data_folder(windows=False) is None  # Linux keeps the per-user folder
    monkeypatch.setenv("SystemDrive", "E:")
    assert str(paths.suggested_data_folder(windows=True, drives=drives)) == "C:\\UnionDesk"


def test_drive_listing_uses_the_windows_api(monkeypatch):
    """Simulated: GetLogicalDrives / GetDriveTypeW (ctypes.windll) mocked."""
    import ctypes

    class Kernel32:
        def GetLogicalDrives(self):  # noqa: N802 - the Windows name
            return 0b1100  # C: and D:

        def GetDriveTypeW(self, root):  # noqa: N802
            return {"C:\\": 3, "D:\\": 3}[root]

    class Windll:
        kernel32 = Kernel32()

    monkeypatch.setattr(ctypes, "windll", Windll(), raising=False)
    monkeypatch.setenv("SystemDrive", "C:")
    assert paths._windows_drives() == [("C:\\", 3), ("D:\\", 3)]
    assert str(paths.suggested_data_folder(windows=True)) == "D:\\UnionDesk"
