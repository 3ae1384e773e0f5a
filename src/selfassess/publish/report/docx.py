"""The board report as a Word document: the same content as the HTML report, the compliance chart
a picture (with its figures in words as alt text) above the table of the same figures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from io import BytesIO

from docx.document import Document as WordDocument
from docx.shared import Cm, RGBColor
from docx.table import Table, _Cell

from selfassess.publish import word_blocks as word
from selfassess.publish.pieces import ActionView
from selfassess.publish.report.alongside_docx import add_alongside
from selfassess.publish.report.board_words import FindingGroup
from selfassess.publish.report.chart import chart_description, complaints_png, compliance_png
from selfassess.publish.report.complaints import ComplaintsView
from selfassess.publish.report.view import ReportView

_COUNT_WIDTHS = (Cm(11.7), *(Cm(3.0),) * 5)
_COUNTS_WIDTH = 15.0  # centimetres shared by the count's columns, however many a tracker has
_ACTION_WIDTHS = (Cm(5.2), Cm(8.0), Cm(5.0), Cm(3.5), Cm(3.0), Cm(2.0))
_CHANGE_WIDTHS = (Cm(9.0), Cm(6.0), Cm(6.0), Cm(5.7))
_CHART_WIDTH = 22.0  # centimetres: most of a landscape page
_DIRECTION = {"better": "Better", "worse": "Worse", "changed": "Changed"}


def _actions(document: WordDocument, report: ReportView, caption: str, actions: Sequence[ActionView]) -> None:
    word.heading(document, caption, 2)
    table = word.table(
        document, (report.item_heading, "Action", "Owner", "Due", "Status", "RAG"), _ACTION_WIDTHS
    )
    word.describe(table, caption, f"{caption}: each action, its owner, due date and status")
    for action in actions:
        cells = word.row(table, _ACTION_WIDTHS)
        rag = action.rag.capitalize() if action.rag else ""
        for cell, words in zip(
            cells,
            ("", action.action, action.owner, action.due, action.status, rag),
            strict=True,
        ):
            word.text(cell.paragraphs[0], words or "")
        _named(cells[0], report, action.provision)
        if action.rag in word.RAG_FILL:
            word.shade(cells[5], word.RAG_FILL[action.rag])


def _chart(document: WordDocument, report: ReportView) -> None:
    """The compliance chart, a picture with its alt text (the figures, said), before its table."""
    figures = [report.figure(section) for section in report.sections]
    png = compliance_png(report.sections, report.bands, report.words, figures, report.counted)
    said = chart_description(report.sections, report.words, report.chart_title)
    _picture(document, png, report.chart_title, said)


def _kept_whole(table: Table) -> None:
    """A short table on one page: each row kept with the next, as Word keeps a table together
    (a table longer than a page still breaks, so nothing is ever hidden)."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _picture(document: WordDocument, png: bytes, title: str, description: str) -> None:
    picture = document.add_picture(BytesIO(png), width=Cm(_CHART_WIDTH))
    properties = picture._inline.docPr  # python-docx has no setter for a picture's alt text yet
    properties.set("title", word.clean(title))
    properties.set("descr", word.clean(description))


def _named(cell: _Cell, report: ReportView, number: str) -> None:
    """The number in bold, and the provision's first words after it; a tracker's item by its words,
    its reference after them."""
    name = report.name(number)
    if name.words_first and name.title:
        word.text(cell.paragraphs[0], name.title, bold=True)
        if name.number:
            word.text(cell.paragraphs[0], f" ({name.number})")
        return
    word.text(cell.paragraphs[0], name.number, bold=True)
    if name.title:
        word.text(cell.paragraphs[0], f" {name.title}")


def _findings(document: WordDocument, heading: str, groups: Sequence[FindingGroup]) -> None:
    """Each group on one line; a page has no folding, so the provisions it names follow in full."""
    word.heading(document, heading, 2)
    for group in groups:
        paragraph = word.paragraph(document, style=word.BULLETS[0])
        word.text(paragraph, group.sentence + (":" if group.folded else "."))
        if group.folded:
            for provision in group.provisions:
                word.text(word.paragraph(document, style=word.BULLETS[1]), provision.named)


_MONTH_WIDTHS = (Cm(5.2), Cm(3.3), Cm(4.4), Cm(3.3), Cm(4.4), Cm(6.1))
_BAR = 20  # the widest bar, in blocks: a response share of 100%
_ON_TIME = RGBColor(0x1D, 0x6B, 0x36)  # the HTML report's green


def _complaints(document: WordDocument, log: ComplaintsView) -> None:
    """The complaints section: its charts as pictures, then the table of the figures they draw,
    each month's stage 1 share also drawn as a bar of blocks beside its figures."""
    word.heading(document, f"Complaints handled, {log.period}", 1)
    word.paragraph(
        document, f"From the complaints log, each case judged in working days against the {log.code}."
    )
    for line in log.headline:
        word.text(word.paragraph(document, style=word.BULLETS[0]), line)
    if log.not_judged:
        word.paragraph(document, log.not_judged)
    for chart in log.charts:
        word.heading(document, chart.title, 2)
        _picture(document, complaints_png(chart), chart.title, chart.description)
        if chart.note:
            word.paragraph(document, chart.note)
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
    word.heading(document, "Late responses, by how late", 2)
    for line in log.late:
        word.text(word.paragraph(document, style=word.BULLETS[0]), line)
    for said in (log.open_past_limit, *log.notes):
        if said:
            word.paragraph(document, said)


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
    word.heading(document, report.title, 0)
    if report.draft:
        word.text(word.paragraph(document), f"Draft: {report.approval.draft_note}", bold=True)
    word.text(word.paragraph(document, style="Subtitle"), report.organisation)
    # The approval is said once, here, under the title, where a board member looks first.
    status = word.paragraph(document)
    word.text(status, report.approval.status, bold=True)
    for label, value in (
        ("Code", report.code_title),
        ("Assessed on", report.assessed_on),
        ("Period", report.period),
    ):
        if value:
            paragraph = word.paragraph(document)
            word.text(paragraph, f"{label}: ", bold=True)
            word.text(paragraph, value)

    word.heading(document, "At a glance", 1)
    bands = report.bands
    parts = [f"{report.totals[band]} {report.words[band].lower()}" for band in bands if report.totals[band]]
    word.paragraph(document, f"Of {report.provisions} {report.counted}: {', '.join(parts)}.")
    _chart(document, report)
    widths = (_COUNT_WIDTHS[0], *(Cm(_COUNTS_WIDTH / len(bands)),) * len(bands))
    table = word.table(document, ("Section", *(report.words[band] for band in bands)), widths)
    word.describe(
        table, report.count_caption, f"For each section, how many {report.counted} have each answer"
    )
    for section in report.sections:
        cells = word.row(table, widths)
        word.text(cells[0].paragraphs[0], section.name, bold=True)
        for cell, band in zip(cells[1:], bands, strict=True):
            word.text(cell.paragraphs[0], str(section.counts[band]))
    cells = word.row(table, widths)
    word.text(cells[0].paragraphs[0], "All sections", bold=True)
    for cell, band in zip(cells[1:], bands, strict=True):
        word.text(cell.paragraphs[0], str(report.totals[band]), bold=True)
    _kept_whole(table)

    if report.complaints is not None:
        _complaints(document, report.complaints)

    word.heading(document, "What the checks found", 1)
    if not report.errors and not report.warnings:
        word.paragraph(document, "The checks found nothing to put right.")
    if report.errors:
        count = report.error_count
        _findings(
            document,
            f"{count} {'problem' if count == 1 else 'problems'} to fix "
            f"before the {report.document} is published",
            report.errors,
        )
    if report.warnings:
        count = report.warning_count
        _findings(document, f"{count} {'point' if count == 1 else 'points'} to review", report.warnings)

    word.heading(document, "Actions", 1)
    if report.overdue:
        _actions(document, report, f"Overdue on {report.assessed_on}", report.overdue)
    else:
        word.paragraph(document, f"No action was overdue on {report.assessed_on}.")
    if report.upcoming:
        _actions(document, report, f"Due by {report.upcoming_until}", report.upcoming)
    else:
        word.paragraph(document, f"No action falls due by {report.upcoming_until}.")

    if report.previous:
        word.heading(document, "Since the last assessment", 1)
        word.paragraph(document, f"Compared with the assessment for {report.previous}.")
        paragraph = word.paragraph(document)
        word.text(paragraph, "Gaps closed: ", bold=True)
        word.text(paragraph, ("; ".join(map(report.named, report.gaps_closed)) or "none") + ". ")
        word.text(paragraph, "New gaps: ", bold=True)
        word.text(paragraph, ("; ".join(map(report.named, report.gaps_opened)) or "none") + ".")
        if report.changes:
            table = word.table(document, (report.item_heading, "Then", "Now", "Change"), _CHANGE_WIDTHS)
            word.describe(table, "Answers that changed", "Each provision whose answer changed, then and now")
            for change in report.changes:
                cells = word.row(table, _CHANGE_WIDTHS)
                words = (
                    "",
                    change.before or "Not answered",
                    change.after or "Not answered",
                    _DIRECTION[change.direction],
                )
                for cell, value in zip(cells, words, strict=True):
                    word.text(cell.paragraphs[0], value)
                _named(cells[0], report, change.provision)
        else:
            word.paragraph(document, "No answer has changed.")
        word.paragraph(document, "A gap is a provision not met, partly met or not answered.")
    if report.alongside is not None:
        add_alongside(document, report.alongside)
    return word.finish(document)
