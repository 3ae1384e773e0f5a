"""Excel workbooks as auditors expect them: a sheet per view, the header row bold and frozen,
filters on every column, the columns wide enough to read. Written with openpyxl, with fixed
document dates, so the same findings give the same bytes."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCellObject
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.check.findings import CheckResult
from selfassess.output.table import HEADING, WIDTHS, Cell, rows

_FIXED = datetime(2000, 1, 1)

SheetCell = str | int | float | None
_WIDEST = 40  # characters: a column widened to its values no further; longer text wraps in Excel

#: The header row's fill: the pale blue of the Word documents' header rows.
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
#: What a spreadsheet takes as the start of a formula when a person types it.
_FORMULA_START = ("=", "+", "-", "@")


#: Characters XML 1.0 cannot hold: openpyxl refuses the control characters, and lxml the rest as
#: the workbook is saved.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The earliest time a zip entry can carry; openpyxl stamps each entry with the time of saving.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def fit(value: object) -> object:
    """A value as a worksheet can hold it: in text, a character XML cannot hold (a control
    character, a non-character) becomes '\ufffd', as in Word, where the workbook could not be
    saved at all."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


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
        # never narrower than its longest short value: a cut "overarching.10" reads "overarching.1"
        longest = max(
            (len(str(c.value)) for c in sheet[get_column_letter(index)][1:] if c.value is not None), default=0
        )
        sheet.column_dimensions[get_column_letter(index)].width = max(width, min(longest + 2, _WIDEST))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(heading))}{max(sheet.max_row, 1)}"
    # printed as an auditor files it: landscape, every column on the page, the headings on each
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


#: The document's "modified" date, which openpyxl sets to the time of saving whatever it is given.
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def saved(book: Workbook) -> bytes:
    """The workbook's bytes, with no date of saving in them: the same workbook, the same bytes."""
    book.properties.created = book.properties.modified = _FIXED
    package = io.BytesIO()
    book.save(package)
    out = io.BytesIO()
    fixed = _FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            data = source.read(entry)
            if entry.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + fixed + rb"\g<2>", data)
            target.writestr(info, data)
    return out.getvalue()


def render(result: CheckResult) -> bytes:
    """The findings, one a row, on a sheet named Findings."""
    book = new_book()
    found: list[Sequence[Cell]] = list(rows(result))
    add_sheet(book, "Findings", HEADING, found, WIDTHS)
    return saved(book)
