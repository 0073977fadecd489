"""Saving a workbook with its rows written as text.

openpyxl without lxml serialises every cell through ElementTree (an element, its attributes, a
namespace check, about ten microseconds a cell): for a 130,000-cell inspection pack that is most
of the time an export takes. Here the rows of each sheet are written as one string each — the
same XML openpyxl writes (tests compare the two byte for byte). A row with a comment, a link, a
formula or rich text, and the case where openpyxl writes through lxml (fast already), go
openpyxl's own way.
"""

from __future__ import annotations

import datetime as dt
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.cell.rich_text import CellRichText
from openpyxl.compat.strings import safe_string
from openpyxl.utils.datetime import to_excel, to_ISO8601
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _escape(text: str) -> str:
    return text.translate(_ESCAPES) if ("&" in text or "<" in text or ">" in text) else text


class _RowWriter(WorksheetWriter):
    def write_row(self, xf, row, row_idx):
        raw = getattr(xf, "_file", None)  # et_xmlfile's writer: text goes to the file as it is
        if not callable(raw) or any(c.comment is not None or c.hyperlink is not None or c.data_type == "f" for c in row):
            return super().write_row(xf, row, row_idx)
        workbook = self.ws.parent
        attrs = {"r": f"{row_idx}"}
        attrs.update(self.ws.row_dimensions.get(row_idx, {}))
        parts = ["<row", *(f' {k}="{v}"' for k, v in attrs.items()), ">"]
        for cell in row:
            styled = cell.has_style
            value = cell._value
            if value is None and not styled:
                continue
            kind = cell.data_type
            head = f'<c r="{cell.coordinate}"' + (f' s="{cell.style_id}"' if styled else "")
            if kind == "s":
                if isinstance(value, CellRichText):
                    return super().write_row(xf, row, row_idx)
                head += ' t="inlineStr"'
            elif kind == "d":
                if workbook.iso_dates and not isinstance(value, dt.timedelta):
                    head += ' t="d"'
                    value = to_ISO8601(value)
                else:
                    head += ' t="n"'
                    value = to_excel(value, workbook.epoch)
            else:
                head += f' t="{kind}"'
            if value is None or value == "":
                parts.append(head + " />")
            elif kind == "s":
                space = ' xml:space="preserve"' if value.strip() and value != value.strip() else ""
                parts.append(f"{head}><is><t{space}>{_escape(value)}</t></is></c>")
            else:
                parts.append(f"{head}><v>{_escape(safe_string(value))}</v></c>")
        parts.append("</row>")
        raw("".join(parts))


class _Writer(ExcelWriter):
    def write_worksheet(self, ws):
        if self.workbook.write_only:
            return super().write_worksheet(ws)
        from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = _RowWriter(ws)
        try:
            writer.write()
            ws._rels = writer._rels
            self._archive.write(writer.out, ws.path[1:])
        finally:
            _discard(writer)
        self.manifest.append(ws)


def _discard(writer: WorksheetWriter) -> None:
    """Close and remove the sheet's temporary file (in the system temp folder, a copy of the
    sheet's rows), also after an error: openpyxl would leave it open until exit, and Windows
    cannot delete an open file."""
    try:
        writer.close()
    except Exception:  # noqa: BLE001 - the error that matters is the one being raised already
        pass
    try:
        writer.cleanup()
    except (OSError, ValueError):
        pass


def save_workbook(workbook, file) -> None:
    """`workbook.save(file)`, with the rows written as text (see the module docstring).

    `file` is a path or a binary file object; a path is opened and closed here, also on error.
    """
    if hasattr(file, "write"):
        _save(workbook, file)
        return
    with open(file, "wb") as fh:
        _save(workbook, fh)


def _save(workbook, fh) -> None:
    archive = ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True)
    workbook.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
    try:
        _Writer(workbook, archive).save()
    except BaseException:
        archive.fp = None  # abandoned: nothing more may be written to the file, not even at exit
        raise
