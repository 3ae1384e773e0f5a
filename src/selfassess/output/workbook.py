"""Excel workbooks as auditors expect them: a sheet per view, the header row bold and frozen,
filters on every column, the columns wide enough to read. Written with openpyxl, with fixed
document dates, so the same findings give the same bytes."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from selfassess.check.findings import CheckResult
from selfassess.output.table import HEADING, WIDTHS, Cell, rows

_FIXED = datetime(2000, 1, 1)

SheetCell = str | int | float | None
_WIDEST = 40  # characters: a column widened to its values no further; longer text wraps in Excel


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
            if cell.data_type == "f":  # openpyxl takes any text starting '=' for a formula
                cell.data_type = "s"
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
