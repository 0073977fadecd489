"""Shared pieces of the ledger readers and writers: progress/cancel, atomic workbook saving.

`progress(done, total, label) -> bool` is the one progress protocol of long work in Union Desk
(the demo generator uses it too): returning False cancels, and the work raises `Cancelled`
before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from union_desk.errors import UnionDeskError, ValidationError
from union_desk.files import check_output_path, write_atomically

ProgressFn = Callable[[int, int, str], bool]

CANCELLED_MESSAGE = "已取消"


class Cancelled(UnionDeskError):
    """The user pressed cancel; nothing was written."""

    def __init__(self, message: str = CANCELLED_MESSAGE):
        super().__init__(message)


class Ticker:
    """Calls `progress` every `every` steps (and on demand); raises Cancelled when told to stop."""

    def __init__(self, progress: ProgressFn | None, total: int, label: str, every: int = 200):
        self.progress = progress
        self.total = total
        self.label = label
        self.every = max(1, every)
        self.done = 0

    def report(self, done: int | None = None, label: str | None = None) -> None:
        if done is not None:
            self.done = done
        if label is not None:
            self.label = label
        if self.progress is not None and self.progress(self.done, self.total, self.label) is False:
            raise Cancelled()

    def step(self, n: int = 1) -> None:
        before = self.done
        self.done += n
        if self.progress is not None and (self.done // self.every != before // self.every or self.done >= self.total):
            self.report()


def file_in_use_message(path: Path) -> str:
    return f"文件“{Path(path).name}”正被其他程序（如 Excel、WPS）打开，请关闭该文件后重试。"


def xlsx_target(path) -> Path:
    """The file an export writes: '.xlsx' added when there is no suffix; other suffixes refused."""
    target = Path(path).expanduser()
    if not target.suffix:
        target = target.with_suffix(".xlsx")
    if target.suffix.lower() != ".xlsx":
        raise ValidationError(f"只能保存为 .xlsx 文件，而不是“{target.name}”。", field="path")
    return target


def check_target(path) -> Path:
    """The file an export will write, checked before any work is done (suffix, name length,
    folder, read-only, permission: `files.check_output_path`)."""
    return check_output_path(xlsx_target(path))


def save_workbook_atomic(workbook, path) -> Path:
    """Save an openpyxl workbook next to the target and rename it into place.

    A crash or an error leaves the old file whole. A target held open by Excel (Windows refuses
    the rename with PermissionError) becomes FileInUseError with a message for the user.
    """
    target = check_target(path)

    def write(fh) -> None:
        from union_desk.ledgers.fast_save import save_workbook

        save_workbook(workbook, fh)

    return write_atomically(target, write, write_failed="保存文件失败", in_use_message=file_in_use_message(target))


def link(records, name: str, objects: dict) -> None:
    """Point each record's foreign key `name` at an object loaded beforehand (`objects` by id):
    one query per table instead of a join that builds every model again for every row."""
    for record in records:
        key = record.__data__.get(name)
        if key is not None:
            setattr(record, name, objects[key])


def members_by_id(ids) -> dict:
    """The members with these ids, only what ledgers show of them (name, department, ID, sex)."""
    from union_desk.db.models import Member

    wanted = sorted(set(ids))
    found = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = Member.select(Member.id, Member.name, Member.department, Member.id_number, Member.sex).where(Member.id.in_(chunk))
        found.update((m.id, m) for m in query)
    return found


def ledger_fields(model, *skip: str) -> list:
    """The columns of `model` a ledger shows: all but the bookkeeping timestamps (and `skip`);
    fewer date-times to parse for every row."""
    left_out = {"created_at", "updated_at", *skip}
    return [f for f in model._meta.sorted_fields if f.name not in left_out]
