"""Excel workbooks as auditors expect them: a sheet per view, the header row bold and frozen,
filters on every column, the columns wide enough to read. Written with openpyxl, with fixed
document dates, so the same findings give the same bytes."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.cell.cell import Cell as SheetCellObject
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.check.findings import CheckResult
from selfassess.output.table import HEADING, WIDTHS, Cell, rows

_FIXED = datetime(2000, 1, 1)

SheetCell = str | int | float | None

#: The header row's fill: the pale blue of the Word documents' header rows.
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
#: What a spreadsheet takes as the start of a formula when a person types it.
_FORMULA_START = ("=", "+", "-", "@")


def fit(value: object) -> object:
    """A value as a worksheet can hold it: in text, a character XML cannot hold (a control
    character) becomes '\ufffd', as in Word, where openpyxl would refuse the whole workbook."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value


def as_text(cell: SheetCellObject | MergedCell) -> None:
    """Keep a cell's text as text: openpyxl takes any text starting '=' for a formula, and Excel
    would run it; the quote prefix (Excel's leading apostrophe) keeps it text even when a person
    edits the cell and presses Enter."""
    if isinstance(cell, MergedCell) or not isinstance(cell.value, str):
        return
    if cell.data_type == "f":
        cell.data_type = "s"
    if cell.value.startswith(_FORMULA_START):
        cell.quotePrefix = True


def header_row(sheet: Worksheet, row: int = 1) -> None:
    """A row styled as the header: bold on pale blue, wrapped, repeated on every printed page."""
    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.print_title_rows = f"{row}:{row}"


def new_book() -> Workbook:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    return book


def add_sheet(
    book: Workbook,
    title: str,
    heading: Sequence[str],
    table: Iterable[Sequence[SheetCell]],
    widths: Sequence[int],
) -> None:
    """One view as a sheet. Text is stored as text, never as a formula, whatever it starts with."""
    sheet = book.create_sheet(title)
    sheet.append(list(heading))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in table:
        sheet.append(list(values))
        for cell in sheet[sheet.max_row]:
            as_text(cell)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(heading))}{max(sheet.max_row, 1)}"


def saved(book: Workbook) -> bytes:
    book.properties.created = book.properties.modified = _FIXED
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(result: CheckResult) -> bytes:
    """The findings, one a row, on a sheet named Findings."""
    book = new_book()
    found: list[Sequence[Cell]] = list(rows(result))
    add_sheet(book, "Findings", HEADING, found, WIDTHS)
    return saved(book)
