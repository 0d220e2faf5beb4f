"""Reading and writing the spreadsheets sellers exchange: .xlsx and .csv (GBK or UTF-8).

Platform exports differ: Taobao and JD CSVs are usually GBK, Douyin's UTF-8 with a BOM. The
reader detects the BOM, tries strict UTF-8, then GB18030 (a superset of GBK).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .exceptions import ApplicationError

MAX_ROWS = 50_000


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (1-based spreadsheet row number, header → text)


def decode_csv(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ApplicationError(
            _("The file is neither UTF-8 nor GBK text; save it as .xlsx or as UTF-8 CSV."),
            code="bad_encoding",
        ) from exc


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return value.date().isoformat() if hasattr(value, "hour") else value.isoformat()
    return str(value).strip()


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ApplicationError(_("This is not a readable .xlsx file."), code="bad_file") from exc
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(values_only=True):
        yield [_cell_text(value) for value in row]
    workbook.close()


def read_table(data: bytes, filename: str, *, max_rows: int = MAX_ROWS) -> Table:
    """Header row plus non-blank data rows. Blank rows are skipped; row numbers are kept."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        raw: Iterator[list[str]] = _xlsx_rows(data)
    elif name.endswith(".csv") or name.endswith(".txt"):
        raw = (list(row) for row in csv.reader(io.StringIO(decode_csv(data))))
    else:
        raise ApplicationError(_("Upload a .xlsx or .csv file."), code="bad_file")
    headers: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, cells in enumerate(raw, start=1):
        cells = [cell.strip() for cell in cells]
        if headers is None:
            if any(cells):
                headers = [cell.strip().lstrip("\ufeff") for cell in cells]
            continue
        if not any(cells):
            continue
        if len(rows) >= max_rows:
            raise ApplicationError(
                _("The file has more than %(max)s rows; split it into smaller files.")
                % {"max": f"{max_rows:,}"},
                code="too_many_rows",
            )
        rows.append(
            (number, dict(zip(headers, cells + [""] * (len(headers) - len(cells)), strict=False)))
        )
    if headers is None:
        raise ApplicationError(_("The file is empty."), code="empty_file")
    return Table(headers, rows)


def write_xlsx(headers: list[str], rows: list[list[Any]], *, sheet_title: str = "Sheet1") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(
            10, len(header) * 2 + 2
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
