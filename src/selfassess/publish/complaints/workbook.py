"""A complaints log's measures as an Excel workbook: the summary, each month, the late cases and
the rows that could not be judged, one sheet each, ready to paste into a board paper or a return.

Written with openpyxl; the workbook's own dates are fixed, so the same log gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.check.findings import Finding
from selfassess.complaints.measures import Measures
from selfassess.output.workbook import as_text, fit, new_book, saved
from selfassess.publish.complaints.words import band_words


def _sheet(
    book: Workbook, title: str, heading: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[int]
) -> None:
    sheet: Worksheet = book.create_sheet(title)
    sheet.append(list(heading))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # A character XML cannot hold (a control character in a log's reference or a code's
        # title) becomes '\ufffd'; text starting '=' stays text: a reference typed
        # "=HYPERLINK(…)" in the log would otherwise run in Excel.
        sheet.append([fit(value) for value in row])
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            as_text(cell)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"


def _percent(value: float | None) -> float | str:
    return value if value is not None else ""


def render_workbook(measures: Measures, findings: Sequence[Finding]) -> bytes:
    book = new_book()
    homes = measures.homes
    summary: list[list[Any]] = [
        ["Log", measures.shown_as, ""],
        ["Period", measures.period.words, ""],
        ["Code", f"{measures.code_title} ({measures.code_id})", ""],
        ["Rows read", measures.rows, ""],
        ["Rows that could not be judged", measures.unjudged_rows, ""],
    ]
    for stage in measures.stages:
        n = stage.stage
        summary += [
            [f"Stage {n} complaints received", stage.received, ""],
            [f"CH01 stage {n} per 1,000 homes", stage.per_thousand(homes.total) or "", homes.total or ""],
            [
                f"CH01 stage {n} LCRA per 1,000 homes",
                stage.per_thousand(homes.lcra, stage.received_lcra) or "",
                homes.lcra or "",
            ],
            [
                f"CH01 stage {n} LCHO per 1,000 homes",
                stage.per_thousand(homes.lcho, stage.received_lcho) or "",
                homes.lcho or "",
            ],
            [f"Stage {n} responses in the period", stage.responses.done, ""],
            [f"CH02 stage {n} % within the Code's timescales", _percent(stage.responses.percent), ""],
            [f"CH02 stage {n} LCRA %", _percent(stage.responses_lcra.percent), ""],
            [f"CH02 stage {n} LCHO %", _percent(stage.responses_lcho.percent), ""],
            [f"Stage {n} acknowledgements within the limit %", _percent(stage.acknowledgements.percent), ""],
            *([f"Stage {n} late by {band_words(i)}", count, ""] for i, count in enumerate(stage.late_bands)),
            [f"Stage {n} still open past the limit", stage.open_past_limit if measures.today else "", ""],
        ]
    _sheet(book, "Summary", ("Measure", "Value", "Homes"), summary, (48, 40, 12))
    months = [
        [
            month.first.strftime("%Y-%m"),
            month.received[0],
            month.responses[0].done,
            month.responses[0].kept,
            _percent(month.responses[0].percent),
            month.median_taken[0] if month.median_taken[0] is not None else "",
            month.received[1],
            month.responses[1].done,
            month.responses[1].kept,
            _percent(month.responses[1].percent),
            month.median_taken[1] if month.median_taken[1] is not None else "",
        ]
        for month in measures.months
    ]
    _sheet(
        book,
        "By month",
        (
            "Month",
            "S1 received",
            "S1 responses",
            "S1 in time",
            "S1 %",
            "S1 median working days",
            "S2 received",
            "S2 responses",
            "S2 in time",
            "S2 %",
            "S2 median working days",
        ),
        months,
        (10, 12, 13, 11, 8, 22, 12, 13, 11, 8, 22),
    )
    late = [
        [
            case.stage,
            case.reference or "",
            case.row,
            case.received,
            case.due,
            case.responded or "open",
            case.working_days_late,
            "yes" if case.extended else "",
        ]
        for case in measures.late_cases
    ]
    _sheet(
        book,
        "Late cases",
        (
            "Stage",
            "Reference",
            "Row of the log",
            "Received",
            "Due",
            "Responded",
            "Working days late",
            "Extended",
        ),
        late,
        (7, 18, 14, 12, 12, 12, 18, 10),
    )
    problems = [[f.line, f.column, f.rule, f.severity.value, f.message] for f in findings]
    _sheet(
        book,
        "Rows to correct",
        ("Row", "Column", "Rule", "Severity", "What is wrong"),
        problems,
        (8, 8, 8, 10, 100),
    )
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if hasattr(cell.value, "isoformat") and not isinstance(cell.value, str):
                    cell.number_format = "dd/mm/yyyy"
    return saved(book)
