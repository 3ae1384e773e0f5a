"""The published form as a Word document, laid out like the HTML form (templates/form.html.j2).

Landlords are used to the Ombudsman's own template: landscape, one five-column table per section.
Everything is built with python-docx; only what it has no API for (a header row that repeats,
rows that stay whole, hyperlinks, cell shading, table alt text, page numbers) is written as
OOXML elements here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from docx.document import Document as WordDocument
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from selfassess.publish import word_blocks as word
from selfassess.publish.form.view import FormView, RowView, SectionView
from selfassess.publish.pieces import ActionView, in_words, one_line
from selfassess.text.markdown import blocks

_PROVISION_WIDTHS = (Cm(1.6), Cm(7.0), Cm(2.3), Cm(5.0), Cm(10.8))
_ACTION_WIDTHS = (Cm(1.6), Cm(9.5), Cm(4.5), Cm(2.6), Cm(3.4), Cm(2.6), Cm(2.5))
_REGISTER_WIDTHS = (Cm(10.0), Cm(12.7), Cm(4.0))
_WAIVED_WIDTHS = (Cm(2.0), Cm(2.0), Cm(12.0), Cm(10.7))


def render_docx(form: FormView) -> bytes:
    """The form as a .docx file; the same form gives the same bytes."""
    heading = f"{form.organisation}: {form.title}"
    dated = (
        datetime(
            form.assessed_on_date.year, form.assessed_on_date.month, form.assessed_on_date.day, tzinfo=UTC
        )
        if form.assessed_on_date is not None
        else word.FIXED_DATE
    )
    document = word.new_document(
        heading, form.code_title, form.organisation, form.made_with, form.draft, dated
    )
    _front(document, form)
    for section in form.sections:
        _section(document, form, section)
    if form.actions:
        _action_plan(document, form.actions)
    if form.register:
        word.heading(document, "Evidence register", 1)
        table = word.table(document, ("Document", "Where", "Dated"), _REGISTER_WIDTHS)
        word.describe(table, "Evidence register", "The documents this self-assessment cites")
        for entry in form.register:
            cells = word.row(table, _REGISTER_WIDTHS)
            word.text(cells[0].paragraphs[0], one_line(entry.title), bold=True)
            if entry.url:
                word.link(cells[1].paragraphs[0], entry.url, entry.url)
            else:
                word.text(cells[1].paragraphs[0], entry.file or "")
            word.text(cells[2].paragraphs[0], entry.dated or "")
    if form.waived:
        word.heading(document, "Findings set aside", 1)
        word.paragraph(document, "These findings of the checks were set aside for the reason given.")
        table = word.table(document, ("Provision", "Check", "Finding", "Reason"), _WAIVED_WIDTHS)
        word.describe(table, "Findings set aside", "Findings of the checks set aside, with the reason")
        for item in form.waived:
            cells = word.row(table, _WAIVED_WIDTHS)
            for cell, words in zip(
                cells, (item.provision or "", item.rule, item.message, item.reason), strict=True
            ):
                word.text(cell.paragraphs[0], words)
    return word.finish(document)


def _front(document: WordDocument, form: FormView) -> None:
    word.heading(document, form.title, 0)
    if form.draft:
        word.text(
            word.paragraph(document),
            f"Draft: {form.approval.draft_note}",
            bold=True,
        )
    word.paragraph(document, form.organisation, "Subtitle")

    code = word.paragraph(document)
    word.text(code, "Code: ", bold=True)
    if form.code_url:
        word.link(code, form.code_title, form.code_url)
    else:
        word.text(code, form.code_title)
    facts = [
        ("Assessed on", form.assessed_on),
        ("Period", form.period),
        (form.approval.label, form.approval.text),
        ("Member Responsible for Complaints", form.member_responsible),
    ]
    for label, value in facts:
        if value:
            _fact(document, label, value)
    if form.governing_body_response:
        paragraph = _fact(document, "Governing body's response", "")
        if form.governing_body_response_url:
            word.link(paragraph, form.governing_body_response, form.governing_body_response_url)
        else:
            word.text(paragraph, form.governing_body_response)


def _fact(document: WordDocument, label: str, value: str) -> Paragraph:
    paragraph = word.paragraph(document)
    paragraph.paragraph_format.space_after = Pt(2)
    word.text(paragraph, f"{label}: ", bold=True)
    word.text(paragraph, value)
    return paragraph


def _section(document: WordDocument, form: FormView, section: SectionView) -> None:
    word.heading(document, f"Section {section.number}: {section.title}", 1)
    headings = form.columns
    for group in section.groups:
        if group.heading:
            word.heading(document, group.heading, 2)
        table = word.table(document, headings, _PROVISION_WIDTHS)
        where = f"Section {section.number}" + (f", {group.heading}" if group.heading else "")
        word.describe(
            table, where, f"{where}: each provision, whether it is met, the evidence and the explanation"
        )
        for row in group.rows:
            _provision(word.row(table, _PROVISION_WIDTHS), row)


def _provision(cells: Sequence[_Cell], row: RowView) -> None:
    number, requirement, answer, evidence, commentary = cells
    word.text(number.paragraphs[0], row.number, bold=True)

    write = word.CellWriter(requirement)
    write.blocks(blocks(row.requirement))
    for label, text in row.items:
        # Items are plain words, as the HTML form shows them, never Markdown.
        word.text(write.paragraph(), f"{label}) {text}")

    word.text(answer.paragraphs[0], row.answer or "Not answered", bold=row.answer is not None)
    if row.meaning:
        word.text(word.styled(answer.add_paragraph(), word.CELL), row.meaning.replace("-", " "), italic=True)
    if row.tone in word.TONE_FILL:
        word.shade(answer, word.TONE_FILL[row.tone])

    write = word.CellWriter(evidence)
    for item in row.evidence:
        title = one_line(item.title)  # a title on a line of its own, as the register has it
        if item.url:
            word.link(write.paragraph(), title, item.url)
        else:
            word.text(write.paragraph(), title)

    write = word.CellWriter(commentary)
    write.blocks(blocks(row.commentary))
    if row.actions:
        word.text(write.paragraph(), "Actions:", bold=True)
        for action in row.actions:
            word.text(write.paragraph(word.BULLETS[0]), in_words(action))


def _action_plan(document: WordDocument, actions: Sequence[ActionView]) -> None:
    word.heading(document, "Action plan", 1)
    headings = ("Provision", "Action", "Owner", "Start", "Due", "Status", "RAG")
    table = word.table(document, headings, _ACTION_WIDTHS)
    word.describe(table, "Action plan", "Every action, with who owns it and when it is due")
    for action in actions:
        cells = word.row(table, _ACTION_WIDTHS)
        due = (action.due or "") + (" (overdue)" if action.overdue else "")
        rag = action.rag.capitalize() if action.rag else ""
        words = (action.provision, action.action, action.owner, action.start, due, action.status, rag)
        for cell, text in zip(cells, words, strict=True):
            word.text(cell.paragraphs[0], text or "", bold=cell is cells[0])
        if action.rag in word.RAG_FILL:
            word.shade(cells[6], word.RAG_FILL[action.rag])
