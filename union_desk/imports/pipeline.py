"""The import pipeline: read → map headers → check → preview → apply in one transaction → report.

    preview = preview_file(VisitImporter, "走访慰问台账.xlsx")   # read, map, check: writes nothing
    report = apply_preview(preview)                             # one transaction, audited

Every import from a table (花名册, the record ledgers, a plan list, a sign-up list) runs these
stages, written once here; an `Importer` subclass declares only what differs:

- `spec`: the columns and the header words each accepts (a `LedgerSpec`); `required`: groups of
  fields of which each needs a column (or `check_columns` for its own message);
- `check(row)`: what applying one row would do (`row.action` 新增/更新/未变, `row.write`, issues),
  after `read_row(row)` turned its cells into values;
- `write(row)`: apply one row through the services, inside the import's transaction (each row a
  savepoint: a row a service refuses becomes an error row and leaves nothing behind), or
  `write_rows` for a batch; `finish(rows)` once after every row was written.

The stages, in order:

1. read (`Importer.read`): the sheet whose header matches best (or the one named), its header
   row among the first rows (`reader.find_header`) or the one the user chose;
2. map headers (`Importer.map_columns`): {column: field}, checked against `required`;
3. check: `Importer.rows` walks the data rows (blank, 合计, 签名 and repeated header rows passed
   over: `common.data_rows`), `Importer.check_row` makes each an `ImportRow`;
4. preview: the `ImportPreview` (nothing written yet) carries its importer to the apply;
5. apply (`apply_preview`): one transaction, progress and cancel (`Ticker`), the rows written,
   with --skip-bad-rows off any refused row makes the whole import fail (`RowsRejected`), one
   audit row for the import, the kill point `import.before_commit`;
6. report: after the commit the rows say what happened (refused rows are error rows, new rows
   have their record ids) and `Importer.report` makes the report object (`ImportReport`).
   Cancelling or a failure leaves the database and the preview as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from union_desk.db.models import database_proxy
from union_desk.errors import ValidationError
from union_desk.faults import kill_point
from union_desk.imports import reader
from union_desk.imports.common import (
    ERROR,
    NEW,
    SAME,
    UPDATE,
    ImportPreview,
    ImportReport,
    ImportRow,
    RowIssue,
    data_rows,
    find_table,
    issues_from_error,
    refuse_failed,
)
from union_desk.ledgers.common import ProgressFn, Ticker
from union_desk.ledgers.specs import LedgerSpec

__all__ = ["Importer", "NotWritten", "Written", "apply_preview", "preview_file"]

APPLIED_ALREADY = "这份预览已经导入过了；如需再次导入，请重新检查文件。"


class NotWritten(Exception):
    """Raised by `Importer.write(row)`: the row is left as it is after all (e.g. the plan got the
    item since the preview). After the commit the row takes `action` and a warning."""

    def __init__(self, action: str, record_id: int | None, field_name: str | None, message: str):
        super().__init__(message)
        self.action = action
        self.record_id = record_id
        self.field = field_name
        self.message = message


@dataclass
class Written:
    """What the apply stage did, by index in the rows to write."""

    done: dict[int, object] = field(default_factory=dict)  # what `write` returned (the record id)
    failed: dict[int, list[RowIssue]] = field(default_factory=dict)  # refused by a service
    kept: dict[int, NotWritten] = field(default_factory=dict)  # left as they were

    def written(self, todo: list) -> list:
        return [r for i, r in enumerate(todo) if i not in self.failed and i not in self.kept]


class Importer:
    """What one kind of import declares; one instance holds what a run found (members, records …).

    Class attributes say what differs between imports; the methods below them are the stages
    with what every import does, overridden where one does it differently.
    """

    spec: LedgerSpec  # the columns and the header words each accepts
    required: tuple[tuple[str, ...], ...] = ()  # groups of fields; each group needs a mapped column
    examples = ""  # a few headers for the message when no header is found: '“姓名”“身份证号”'
    hint = ""  # more for that message: '，或在导入向导中指定表头行…'
    stop_at_total = False  # the table ends at its 合计 row (our own ledgers put summaries below)
    table = ""  # audit table name of the import's own audit row ('' = none)
    note_prefix = ""  # the audit note: '<prefix><file name>'; '' = '<title>导入：'
    preview_class: type = ImportPreview
    row_class: type = ImportRow
    check_every = 200  # progress steps while checking
    write_every = 100  # progress steps while writing
    saving: str | None = "正在保存"  # progress text once every row is written

    def __init__(self, preview: ImportPreview, note: str):
        self.preview = preview
        self.note = note

    # --- 1. read -------------------------------------------------------------------------------------

    @classmethod
    def read(cls, path: Path, sheet: str | None, header_row: int | None = None) -> tuple[reader.Table, reader.HeaderMatch]:
        """The sheet and its header row: found, or the Excel row `header_row` of `sheet`."""
        if header_row is not None:
            table = reader.read_table(path, sheet)
            return table, reader.header_at(table.rows, int(header_row) - 1, cls.spec)
        examples = cls.examples or "".join(f"“{c.header}”" for c in cls.spec.import_columns[:3])
        return find_table(path, sheet, cls.spec, examples, cls.hint)

    # --- 2. map headers ------------------------------------------------------------------------------

    @classmethod
    def map_columns(cls, header: reader.HeaderMatch, mapping: dict | None = None) -> dict[int, str]:
        """{column index: field}: the header's, checked by `check_columns`."""
        chosen = dict(header.mapping)
        cls.check_columns(set(chosen.values()))
        return chosen

    @classmethod
    def check_columns(cls, fields: set[str]) -> None:
        for group in cls.required:
            if not fields & set(group):
                labels = "”或“".join(cls.spec.field_label(f) for f in group)
                raise ValidationError(f"文件中没有“{labels}”列，无法导入{cls.spec.title}。", field="mapping")

    # --- texts ---------------------------------------------------------------------------------------

    @classmethod
    def label(cls, preview) -> str:
        """What is imported, for the progress texts: '走访慰问台账'."""
        return preview.title

    @classmethod
    def checking(cls, preview) -> str:
        return f"正在检查{cls.label(preview)}"

    @classmethod
    def note_for(cls, path: Path) -> str:
        return f"{cls.note_prefix or f'{cls.spec.title}导入：'}{path.name}"

    def importing(self) -> str:
        return f"正在导入{self.label(self.preview)}"

    # --- 3. check ------------------------------------------------------------------------------------

    def rows(self, table: reader.Table, header: reader.HeaderMatch, ticker: Ticker):
        """(Excel row number, cells) of each data row (`common.data_rows`)."""
        return data_rows(self.preview, table, header.row_index, ticker, stop_at_total=self.stop_at_total)

    def check_row(self, excel_row: int, cells: list) -> None:
        """One data row into the preview: its values read, then checked unless already wrong."""
        row = self.row_class(excel_row, list(cells), {})
        self.read_row(row)
        if not row.errors:
            self.check(row)
        self.preview.rows.append(row)

    def read_row(self, row: ImportRow) -> None:
        """`row.values`: the non-blank cells of the mapped columns, by field."""
        cells = row.cells
        for col, name in self.preview.mapping.items():
            raw = cells[col] if col < len(cells) else ""
            if not reader.is_blank(raw):
                row.values[name] = raw

    def check(self, row: ImportRow) -> None:
        """Set `row.action` (NEW, UPDATE, SAME or an error through `self.issue`), `row.write`, `row.changes`."""
        raise NotImplementedError

    def checked(self) -> None:
        """After the last row: what is to be said about the whole file."""

    def issue(self, row: ImportRow, field_name: str | None, message: str, level: str = "error") -> RowIssue:
        return self.preview.issue(row, field_name, message, level)

    # --- 5. apply ------------------------------------------------------------------------------------

    def before_apply(self) -> None:
        if self.preview.applied:
            raise ValidationError(APPLIED_ALREADY)

    def todo(self) -> list:
        return [r for r in self.preview.rows if r.action in (NEW, UPDATE)]

    def write_rows(self, todo: list, ticker: Ticker) -> Written:
        """Each row through `write`, in a savepoint of its own."""
        written = Written()
        for index, row in enumerate(todo):
            try:
                with database_proxy.atomic():
                    written.done[index] = self.write(row)
            except NotWritten as kept:
                written.kept[index] = kept
            except ValidationError as exc:
                written.failed[index] = self.refused(row, exc)
            ticker.step()
        return written

    def write(self, row):
        """Make the change of one row through the services; the record id."""
        raise NotImplementedError

    def refused(self, row, exc: ValidationError) -> list[RowIssue]:
        """A service's refusal as the row's issues (they are added after the transaction)."""
        return issues_from_error(self.preview, row, exc)

    def finish(self, rows: list) -> None:
        """Once after every row was written (links between rows, e.g. 重开 visits)."""

    def audit_entry(self, todo: list, written: Written) -> dict | None:
        """What the import's own audit row records (None: no row)."""
        if not self.table:
            return None
        done = written.written(todo)
        added = sum(1 for r in done if r.action == NEW)
        updated = sum(1 for r in done if r.action == UPDATE)
        if not (added or updated):
            return None
        return {"file": self.preview.file_name, "added": added, "updated": updated}

    # --- 6. report -----------------------------------------------------------------------------------

    def settle(self, todo: list, written: Written) -> None:
        """After the commit: refused rows become error rows, rows left as they were say why, new
        rows get their record ids."""
        preview = self.preview
        for index, row in enumerate(todo):
            if index in written.failed:
                row.issues.extend(written.failed[index])
                row.action = ERROR
            elif index in written.kept:
                kept = written.kept[index]
                row.action, row.record_id = kept.action, kept.record_id
                preview.issue(row, kept.field, kept.message, "warning")
            elif row.action == NEW and index in written.done:
                row.record_id = written.done[index]
        preview.applied = True

    def report(self, todo: list, written: Written):
        self.settle(todo, written)
        report = ImportReport(self.preview)
        report.record_ids = [r.record_id for r in written.written(todo)]
        counts = self.preview.counts()
        report.added, report.updated = counts[NEW], counts[UPDATE]
        report.unchanged, report.error_rows = counts[SAME], counts[ERROR]
        return report


# --- the stages, in order ------------------------------------------------------------------------------


def preview_file(importer_class: type[Importer], path, sheet: str | None = None, progress: ProgressFn | None = None, *,
                 mapping: dict | None = None, header_row: int | None = None, options: dict | None = None,
                 **preview_fields):
    """Read a file and say, row by row, what importing it would do. Nothing is written.

    `mapping` and `header_row` replace the guessed column mapping and header row (where the
    importer allows); `options` go to the importer, `preview_fields` to the preview."""
    path = Path(path)
    table, header = importer_class.read(path, sheet, header_row)
    chosen = importer_class.map_columns(header, mapping)
    preview = importer_class.preview_class.begin(path, table, header, chosen, spec=importer_class.spec, **preview_fields)
    ticker = Ticker(progress, len(table.rows) - header.row_index - 1, importer_class.checking(preview), every=importer_class.check_every)
    ticker.report(0)
    importer = importer_class(preview, importer_class.note_for(path), **(options or {}))
    for excel_row, cells in importer.rows(table, header, ticker):
        importer.check_row(excel_row, cells)
    importer.checked()
    ticker.report(ticker.total)
    preview.importer = importer
    return preview


def apply_preview(preview, progress: ProgressFn | None = None, *, skip_bad_rows: bool = True, **options):
    """Write what the preview says in ONE transaction and report. A row a service refuses becomes
    an error row and leaves nothing behind — or, with `skip_bad_rows` False, makes the whole import
    fail with RowsRejected; cancelling (progress returning False) writes nothing and leaves the
    preview as it was. `options` go to `Importer.before_apply`."""
    importer: Importer = preview.importer
    importer.before_apply(**options)
    todo = importer.todo()
    ticker = Ticker(progress, len(todo), importer.importing(), every=importer.write_every)
    ticker.report(0)
    with database_proxy.atomic():
        written = importer.write_rows(todo, ticker)
        if not skip_bad_rows:
            refuse_failed(todo, written.failed)
        importer.finish(written.written(todo))
        ticker.report(len(todo), importer.saving)
        entry = importer.audit_entry(todo, written)
        if entry is not None:
            from union_desk.services import audit

            audit.record("import", importer.table, None, after=entry, note=importer.note)
        kill_point("import.before_commit")
    # Committed: now the preview's rows may say what happened.
    return importer.report(todo, written)
