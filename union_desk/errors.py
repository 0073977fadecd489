"""Errors that carry a message for the user (in Chinese, the data language).

Everything below `ui/` raises these; the GUI shows `.message` in a dialog and the CLI prints it
and exits with `.exit_code`.
"""


class UnionDeskError(Exception):
    """Base class: `message` is shown to the user as it is."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(UnionDeskError):
    """Bad input in a form, a CLI flag or a file. `field` names the offending input, if any."""

    exit_code = 2

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFoundError(UnionDeskError):
    exit_code = 3


class DataFolderError(UnionDeskError):
    exit_code = 4


class DatabaseFileError(UnionDeskError):
    """The database file cannot be used as it is (not a database, corrupted, newer version).

    `can_restore` says whether offering a restore from the newest good backup makes sense.
    """

    exit_code = 5

    def __init__(self, message: str, can_restore: bool = False):
        super().__init__(message)
        self.can_restore = can_restore


class NewerSchemaError(DatabaseFileError):
    pass


class NotADatabaseError(DatabaseFileError):
    pass


class CorruptDatabaseError(DatabaseFileError):
    pass


class InstanceLockedError(UnionDeskError):
    exit_code = 6


class BackupError(UnionDeskError):
    exit_code = 7


class FileInUseError(UnionDeskError):
    """An output file is held open by another program (typically Excel on Windows)."""

    exit_code = 8
