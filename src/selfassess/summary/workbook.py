"""The summary as an Excel workbook: one sheet per view, to sort and filter."""

from __future__ import annotations

from selfassess.model.standing import BANDS
from selfassess.output.workbook import add_sheet, new_book, saved
from selfassess.summary.view import BAND_WORDS, SummaryView


def render_summary_workbook(view: SummaryView) -> bytes:
    book = new_book()
    add_sheet(
        book,
        "Provisions",
        (
            "Code",
            "Provision",
            "Assessments",
            *(BAND_WORDS[band] for band in BANDS),
            *(f"% {BAND_WORDS[band].lower()}" for band in BANDS),
        ),
        (
            (
                code.code,
                share.number,
                share.total,
                *(share.counts[b] for b in BANDS),
                *(share.shares[b] for b in BANDS),
            )
            for code in view.codes
            for share in code.provisions
        ),
        (18, 11, 12, *([11] * len(BANDS)), *([13] * len(BANDS))),
    )
    add_sheet(
        book,
        "Findings",
        ("Rule", "Severity", "Found", "Files", "Pattern", "Example"),
        ((p.rule, p.severity, p.count, p.files, p.pattern, p.example) for p in view.findings),
        (8, 10, 9, 9, 80, 80),
    )
    add_sheet(
        book,
        "Assessments",
        ("Organisation", "File", "Code", "Assessed on", "Errors", "Warnings", "Waived", "Met", "Provisions"),
        (
            (
                line.organisation,
                line.file,
                line.code,
                line.assessed_on,
                line.errors,
                line.warnings,
                line.waived,
                line.met,
                line.provisions,
            )
            for line in view.lines
        ),
        (34, 40, 18, 14, 9, 10, 9, 8, 11),
    )
    add_sheet(
        book,
        "Year on year",
        (
            "Organisation",
            "Earlier file",
            "Earlier assessed on",
            "Later file",
            "Later assessed on",
            "Met then",
            "Met now",
            "Gaps closed",
            "Gaps opened",
            "Better",
            "Worse",
            "Code",
        ),
        (
            (
                c.organisation,
                c.earlier_file,
                c.earlier,
                c.later_file,
                c.later,
                c.met_before,
                c.met_after,
                ", ".join(c.gaps_closed),
                ", ".join(c.gaps_opened),
                ", ".join(c.better),
                ", ".join(c.worse),
                c.codes,
            )
            for c in view.changes
        ),
        (34, 36, 16, 36, 16, 9, 9, 24, 24, 24, 24, 28),
    )
    add_sheet(
        book,
        "Unreadable files",
        ("File", "Line", "Column", "Rule", "What is wrong"),
        ((u.file, u.line, u.column, u.rule, u.message) for u in view.unreadable),
        (40, 7, 8, 8, 100),
    )
    return saved(book)
