"""The board report as a Word document: the same content as the HTML report, with the chart
given as its table of figures (the figures are what a board paper quotes)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from docx.document import Document as WordDocument
from docx.shared import Cm, RGBColor

from selfassess.model.standing import BANDS
from selfassess.publish import word_blocks as word
from selfassess.publish.pieces import ActionView
from selfassess.publish.report.complaints import ComplaintsView
from selfassess.publish.report.view import BAND_WORDS, FindingLine, ReportView

_COUNT_WIDTHS = (Cm(11.7), *(Cm(3.0),) * 5)
_ACTION_WIDTHS = (Cm(2.0), Cm(11.2), Cm(5.0), Cm(3.5), Cm(3.0), Cm(2.0))
_CHANGE_WIDTHS = (Cm(3.0), Cm(8.0), Cm(8.0), Cm(7.7))
_DIRECTION = {"better": "Better", "worse": "Worse", "changed": "Changed"}


def _actions(document: WordDocument, caption: str, actions: Sequence[ActionView]) -> None:
    document.add_heading(caption, level=2)
    table = word.table(document, ("Provision", "Action", "Owner", "Due", "Status", "RAG"), _ACTION_WIDTHS)
    word.describe(table, caption, f"{caption}: each action, its owner, due date and status")
    for action in actions:
        cells = word.row(table, _ACTION_WIDTHS)
        rag = action.rag.capitalize() if action.rag else ""
        for cell, words in zip(
            cells,
            (action.provision, action.action, action.owner, action.due, action.status, rag),
            strict=True,
        ):
            word.text(cell.paragraphs[0], words or "", bold=cell is cells[0])
        if action.rag in word.RAG_FILL:
            word.shade(cells[5], word.RAG_FILL[action.rag])


def _findings(document: WordDocument, heading: str, lines: Sequence[FindingLine]) -> None:
    document.add_heading(heading, level=2)
    for line in lines:
        paragraph = word.paragraph(document, word.BULLETS[0])
        if line.provision:
            word.text(paragraph, f"{line.provision}: ", bold=True)
        word.text(paragraph, line.message)


_MONTH_WIDTHS = (Cm(5.2), Cm(3.3), Cm(4.4), Cm(3.3), Cm(4.4), Cm(6.1))
_BAR = 20  # the widest bar, in blocks: a response share of 100%
_ON_TIME = RGBColor(0x1D, 0x6B, 0x36)  # the HTML report's green


def _complaints(document: WordDocument, log: ComplaintsView) -> None:
    """The complaints section: its charts given as the table of figures they draw, each month's
    stage 1 share also drawn as a bar of blocks, so the shape of the year shows in Word too."""
    document.add_heading(f"Complaints handled, {log.period}", level=1)
    document.add_paragraph(
        f"From the complaints log, each case judged in working days against the {log.code}."
    )
    for line in log.headline:
        word.text(word.paragraph(document, word.BULLETS[0]), line)
    if log.not_judged:
        document.add_paragraph(log.not_judged)
    table = word.table(document, (*log.by_month_heading, "Stage 1 in time, drawn"), _MONTH_WIDTHS)
    word.describe(
        table, "Complaints each month", "Each month and quarter: complaints received and responses in time"
    )
    for row in (*log.by_month, *log.by_quarter):
        cells = word.row(table, _MONTH_WIDTHS)
        quarter = row.label.startswith("Q")
        for cell, value in zip(cells, (row.label, *row.cells), strict=False):
            word.text(cell.paragraphs[0], value, bold=cell is cells[0] or quarter)
        if row.stage1_percent is not None:
            bar = word.text(cells[-1].paragraphs[0], "█" * round(_BAR * row.stage1_percent / 100) or "▏")
            bar.font.color.rgb = _ON_TIME
    document.add_heading("Late responses, by how late", level=2)
    for line in log.late:
        word.text(word.paragraph(document, word.BULLETS[0]), line)
    for said in (log.open_past_limit, *log.notes):
        if said:
            document.add_paragraph(said)


def render_report_docx(report: ReportView) -> bytes:
    """The report as a .docx file; the same report gives the same bytes."""
    dated = word.FIXED_DATE
    heading = f"{report.organisation}: {report.title}"
    if report.assessed_on_date is not None:
        day = report.assessed_on_date
        dated = datetime(day.year, day.month, day.day, tzinfo=UTC)
    document = word.new_document(
        heading, report.code_title, report.organisation, report.made_with, report.draft, dated
    )
    document.add_heading(report.title, level=0)
    word.text(document.add_paragraph(style="Subtitle"), report.organisation)
    for label, value in (
        ("Code", report.code_title),
        ("Assessed on", report.assessed_on),
        ("Period", report.period),
        ("Approved by", report.approval or "Not yet approved"),
    ):
        if value:
            paragraph = document.add_paragraph()
            word.text(paragraph, f"{label}: ", bold=True)
            word.text(paragraph, value)

    document.add_heading("At a glance", level=1)
    parts = [f"{report.totals[band]} {BAND_WORDS[band].lower()}" for band in BANDS if report.totals[band]]
    document.add_paragraph(f"Of {report.provisions} provisions: {', '.join(parts)}.")
    table = word.table(document, ("Section", *(BAND_WORDS[band] for band in BANDS)), _COUNT_WIDTHS)
    word.describe(
        table, "Provisions by section and answer", "For each section, how many provisions have each answer"
    )
    for section in report.sections:
        cells = word.row(table, _COUNT_WIDTHS)
        word.text(cells[0].paragraphs[0], f"{section.number}. {section.title}", bold=True)
        for cell, band in zip(cells[1:], BANDS, strict=True):
            word.text(cell.paragraphs[0], str(section.counts[band]))
    cells = word.row(table, _COUNT_WIDTHS)
    word.text(cells[0].paragraphs[0], "All sections", bold=True)
    for cell, band in zip(cells[1:], BANDS, strict=True):
        word.text(cell.paragraphs[0], str(report.totals[band]), bold=True)

    if report.complaints is not None:
        _complaints(document, report.complaints)

    document.add_heading("What the checks found", level=1)
    if not report.errors and not report.warnings:
        document.add_paragraph("The checks found nothing to put right.")
    if report.errors:
        count = len(report.errors)
        _findings(
            document,
            f"{count} {'problem' if count == 1 else 'problems'} to fix before the assessment is published",
            report.errors,
        )
    if report.warnings:
        count = len(report.warnings)
        _findings(document, f"{count} {'point' if count == 1 else 'points'} to review", report.warnings)

    document.add_heading("Actions", level=1)
    if report.overdue:
        _actions(document, f"Overdue on {report.assessed_on}", report.overdue)
    else:
        document.add_paragraph(f"No action was overdue on {report.assessed_on}.")
    if report.upcoming:
        _actions(document, f"Due by {report.upcoming_until}", report.upcoming)
    else:
        document.add_paragraph(f"No action falls due by {report.upcoming_until}.")

    if report.previous:
        document.add_heading("Since the last assessment", level=1)
        document.add_paragraph(f"Compared with the assessment for {report.previous}.")
        if report.changes:
            table = word.table(document, ("Provision", "Then", "Now", "Change"), _CHANGE_WIDTHS)
            word.describe(table, "Answers that changed", "Each provision whose answer changed, then and now")
            for change in report.changes:
                cells = word.row(table, _CHANGE_WIDTHS)
                words = (
                    change.provision,
                    change.before or "Not answered",
                    change.after or "Not answered",
                    _DIRECTION[change.direction],
                )
                for cell, value in zip(cells, words, strict=True):
                    word.text(cell.paragraphs[0], value, bold=cell is cells[0])
        else:
            document.add_paragraph("No answer has changed.")
        paragraph = document.add_paragraph()
        word.text(paragraph, "Gaps closed: ", bold=True)
        word.text(paragraph, (", ".join(report.gaps_closed) or "none") + ". ")
        word.text(paragraph, "New gaps: ", bold=True)
        word.text(paragraph, (", ".join(report.gaps_opened) or "none") + ".")
    document.add_paragraph("A gap is a provision not met, partly met or not answered.")
    return word.finish(document)
