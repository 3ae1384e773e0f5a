"""Findings as rows of a table: one a finding, for a spreadsheet (`--format csv`, `--format xlsx`).

Auditors sort and filter findings in Excel or LibreOffice Calc, so each row says everything on its
own: the file, whom it speaks for, the provision, the rule and how serious it is, the sentence,
and the reason given where a response waives it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from selfassess.check.findings import CheckResult

HEADING = ("File", "Line", "Column", "Organisation", "Provision", "Rule", "Severity", "Message", "Waived")
#: How wide each column is drawn in a workbook, in characters.
WIDTHS = (36, 7, 8, 32, 11, 8, 10, 90, 40)

Cell = str | int

#: What a spreadsheet reads as the start of a formula (a tab or a return starts one in some).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows(result: CheckResult) -> Iterator[tuple[Cell, ...]]:
    """Each finding, in order; a waived one says its reason (or that it was waived without one)."""
    for finding in result.findings:
        waived = "" if finding.waived is None else (finding.waived or "waived, no reason given")
        yield (
            finding.path,
            finding.line,
            finding.column,
            result.organisations.get(finding.path, ""),
            finding.provision or "",
            finding.rule,
            finding.severity.value,
            finding.message,
            waived,
        )


def guarded(cell: Cell) -> Cell:
    """A cell a spreadsheet will show as written: text that would start a formula (an organisation
    named '=HYPERLINK(…)', a reason beginning '-') is kept as text by a leading apostrophe, as
    OWASP advises for CSV, so opening the file never runs anything."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def render(result: CheckResult) -> str:
    """CSV with a byte-order mark, which is how Excel knows the file is UTF-8 (without it, 'Ryhmä'
    and '£' come out garbled); the lines end as the CSV standard says (CRLF). Every text is quoted
    and only line and column numbers are not, so a spreadsheet told to take quoted fields as text
    (LibreOffice's import offers it) keeps provision 5.10 as 5.10, not the number 5.1."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(HEADING)
    for row in rows(result):
        writer.writerow([guarded(cell) for cell in row])
    return "\ufeff" + out.getvalue()
