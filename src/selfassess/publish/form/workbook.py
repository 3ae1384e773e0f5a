"""The published form as an Excel workbook, for landlords who keep and share the form as a
spreadsheet: the details first, then one sheet for each section of the code in the form's own
columns, then the action plan, the evidence register and the findings set aside.

Every cell holds what the assessment file holds, so that `selfassess import` reads the workbook
back to the same assessment: commentary as written (Markdown, line breaks and all), dates as
dates, text that starts like a formula kept as text. Written with openpyxl, with fixed document
dates, so the same form gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.output.workbook import as_text, fit, header_row, new_book, saved
from selfassess.publish.form.cell_limit import LONGEST_CELL, CellTooLong
from selfassess.publish.form.view import FormView, RowView, SectionView
from selfassess.publish.pieces import RAG_FILL, TONE_FILL, ActionView, in_words, one_line

#: What the details sheet says of the commentary, which import reads to take it as written.
COMMENTARY_LABEL = "Commentary written in"
COMMENTARY_WORDS = (
    "Markdown, as in the assessment file: **bold**, *italic*, lines starting '- ' as a list, "
    "[words](address) as a link"
)

_DATE = "d mmmm yyyy"
_OVERDUE = f'{_DATE} "(overdue)"'  # the date stays a date, to sort and filter by
_TOP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_DRAFT = Font(bold=True, color="C00000", size=14)
_HEADING_FILL = PatternFill("solid", fgColor="EDEDED")

_PROVISION_WIDTHS = (10, 46, 11, 28, 62, 38)
_ACTION_WIDTHS = (10, 56, 26, 18, 26, 13, 8)
_REGISTER_WIDTHS = (50, 60, 18)
_WAIVED_WIDTHS = (10, 8, 62, 56)
_DETAILS_WIDTHS = (56, 90)
#: A row's height for each line of its tallest cell, in points (11-point type), and the most
#: Excel allows a row.
_LINE_HEIGHT = 15.0
_TALLEST_ROW = 409.0
_LONGEST_PAGE_TEXT = 80


def render_workbook(form: FormView) -> bytes:
    """The form as an .xlsx file; the same form gives the same bytes. Raises CellTooLong for a
    text longer than a cell can hold, rather than cut it short."""
    book = new_book()
    # What a file browser and the document's properties show, as a Word form's do.
    book.properties.title = _property(f"{form.organisation}: {form.title}")
    book.properties.subject = _property(form.code_title)
    book.properties.creator = _property(form.organisation)
    _details(book, form)
    # Excel tells sheets apart without regard to case, and keeps "History" for itself.
    taken = {"details", "action plan", "evidence register", "findings set aside", "history"}
    for section in form.sections:
        _section(book, form, section, _sheet_name(f"{section.number} {section.title}", taken))
    if form.actions:
        sheet = _table(
            book, form, "Action plan", ("Provision", "Action", "Owner", "Start", "Due", "Status", "RAG")
        )
        for action in form.actions:
            _action(sheet, action)
        _finish(sheet, _ACTION_WIDTHS)
    if form.register:
        sheet = _table(book, form, "Evidence register", ("Document", "Where", "Dated"))
        for entry in form.register:
            where = "\n".join(place for place in (entry.url, entry.file) if place)  # both, where it has both
            _put(sheet, (entry.title, where, entry.dated_on or entry.dated or ""))
            if entry.url:
                sheet.cell(sheet.max_row, 2).hyperlink = entry.url
                sheet.cell(sheet.max_row, 2).style = "Hyperlink"
                sheet.cell(sheet.max_row, 2).alignment = _TOP
        _finish(sheet, _REGISTER_WIDTHS)
    if form.waived:
        sheet = _table(book, form, "Findings set aside", ("Provision", "Check", "Finding", "Reason"))
        for item in form.waived:
            _put(sheet, (item.provision or "", item.rule, item.message, item.reason))
        _finish(sheet, _WAIVED_WIDTHS)
    return saved(book)


def _property(text: str) -> str:
    """A document property as Office shows one: at most 255 characters, each one XML holds."""
    return str(fit(text if len(text) <= 255 else text[:254] + "…"))


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """A sheet's name as Excel allows one: at most 31 characters, none of : \\ / ? * [ ], and
    unlike the others in the workbook (case aside)."""
    name = re.sub(r"[:\\/?*\[\]]", " ", wanted)
    name = " ".join(name.split()).strip("'") or "Section"
    if len(name) > 31:  # cut at a word, and say so
        name = name[:30].rsplit(" ", 1)[0].rstrip(" ,;&-") + "…"
    unique, count = name, 1
    while unique.casefold() in taken:
        count += 1
        suffix = f" ({count})"
        unique = name[: 31 - len(suffix)].rstrip() + suffix
    taken.add(unique.casefold())
    return unique


def _escaped(text: str) -> str:
    """Text for a page's header or footer: at most _LONGEST_PAGE_TEXT characters (Excel refuses a
    header longer than 255 in all, its codes counted), '&' doubled (alone it starts a code: '&P',
    the page number), and a character XML cannot hold as '\ufffd'."""
    if len(text) > _LONGEST_PAGE_TEXT:
        text = text[: _LONGEST_PAGE_TEXT - 1].rstrip() + "…"
    return str(fit(text)).replace("&", "&&")


def _page_setup(sheet: Worksheet, form: FormView, heading: str = "") -> None:
    """Printed landscape, as wide as the page, the header row on every page, what the sheet holds
    (`heading`) and DRAFT at the top of each page of a draft, and the organisation and page
    number at the foot."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None  # openpyxl makes both with the sheet
    if heading:
        header.left.text = _escaped(heading)
    if form.draft:
        header.center.text = _escaped(f"DRAFT: {form.approval.draft_note}")
        header.center.font = "Arial,Bold"
        header.center.color = "C00000"
    footer.left.text = _escaped(f"{form.organisation}: {form.title}")
    footer.right.text = "Page &P of &N"


def _put(sheet: Worksheet, values: Sequence[str | date | None]) -> None:
    """A row of text and dates, each cell wrapped and kept as what it is."""
    for column, value in enumerate(values):
        if isinstance(value, str) and len(value) > LONGEST_CELL:
            heading = sheet.cell(1, column + 1).value if sheet.max_row >= 1 else None
            what = f"the {str(heading).lower()} of {values[0]}" if heading and values[0] else "a text"
            raise CellTooLong(
                f"In the sheet '{sheet.title}', {what} is {len(value):,} characters long, more than the "
                f"{LONGEST_CELL:,} an Excel cell holds; shorten it, or publish the form as html, docx or pdf."
            )
    sheet.append([fit(value) if value != "" else None for value in values])
    for cell in sheet[sheet.max_row]:
        as_text(cell)
        cell.alignment = _TOP
        if isinstance(cell.value, date):
            cell.number_format = _DATE
            cell.alignment = Alignment(horizontal="left", vertical="top")


def _table(
    book: Workbook, form: FormView, title: str, headings: Sequence[str], heading: str = ""
) -> Worksheet:
    sheet: Worksheet = book.create_sheet(title)
    _put(sheet, headings)
    header_row(sheet)
    _page_setup(sheet, form, heading or title)
    return sheet


def _finish(sheet: Worksheet, widths: Sequence[int]) -> None:
    """Column widths that read well, each row as tall as its wrapped text, the header row frozen,
    filters on every column."""
    _fit(sheet, widths)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{sheet.max_row}"


def _fit(sheet: Worksheet, widths: Sequence[int]) -> None:
    """Set the columns' widths, and each row's height to the lines its wrapped text takes. A
    spreadsheet sizes a row to its text only when a person edits it: without a height, a row of
    wrapped text opens one line high, its words hidden or printed over the next row's."""
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows():
        lines = 1
        for cell, width in zip(row, widths, strict=False):
            if isinstance(cell.value, str):
                # A width counts digits: words are a little narrower, in bold a little wider.
                per_line = max(1, int(width * (0.95 if cell.font.bold else 1.15)))
                taken = sum(max(1, -(-len(line) // per_line)) for line in cell.value.split("\n"))
                lines = max(lines, taken)
        sheet.row_dimensions[row[0].row or 1].height = min(_TALLEST_ROW, lines * _LINE_HEIGHT + 3)


def _details(book: Workbook, form: FormView) -> None:
    """Whose form it is, against which code, for when, and whether it stands approved."""
    sheet: Worksheet = book.create_sheet("Details")
    _put(sheet, (form.title,))
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(vertical="top")  # one line, running on across the sheet
    if form.draft:
        _put(sheet, (f"DRAFT: {form.approval.draft_note}",))
        sheet.cell(sheet.max_row, 1).font = _DRAFT
        sheet.cell(sheet.max_row, 1).alignment = Alignment(vertical="top")
    sheet.append([])
    facts: list[tuple[str, str | date | None]] = [
        ("Organisation", form.organisation),
        ("Code", form.code_title),
        ("Code id", form.code_id),
        ("Code published at", form.code_url),
        ("Assessed on", form.assessed_on_date or form.assessed_on),
        ("Period", form.period),
        (form.approval.label, form.approval.text),
        ("Status", f"DRAFT: {form.approval.draft_note}" if form.draft else form.approval.status),
        ("Member Responsible for Complaints", form.member_responsible),
        ("Governing body's response", form.governing_body_response),
        *((_labelled("Our time limit", describes, key), limit) for key, describes, limit in form.policy),
        *((_labelled("Our date", describes, key), due) for key, describes, due in form.deadlines),
        ("Complaints log", form.complaints_log),
        (COMMENTARY_LABEL, COMMENTARY_WORDS),
        ("Made with", form.made_with),
    ]
    for label, value in facts:
        if value:
            _put(sheet, (label, value))
            sheet.cell(sheet.max_row, 1).font = _BOLD
            if label == "Governing body's response" and form.governing_body_response_url:
                sheet.cell(sheet.max_row, 2).hyperlink = form.governing_body_response_url
    _fit(sheet, _DETAILS_WIDTHS)
    sheet.row_dimensions[1].height = 24
    if form.draft:
        sheet.row_dimensions[2].height = 20
    _page_setup(sheet, form)


def _labelled(kind: str, describes: str, key: str) -> str:
    """A time limit's or a date's label: what it is for in the code's words, and its key, which
    import reads back ("Our time limit: Acknowledge … (stage1-acknowledge)")."""
    return f"{kind}: {describes.rstrip('.')} ({key})" if describes else f"{kind} ({key})"


def _section(book: Workbook, form: FormView, section: SectionView, name: str) -> None:
    headings = (*form.columns, "Actions")
    sheet = _table(book, form, name, headings, f"Section {section.number}: {section.title}")
    sheet.sheet_properties.tabColor = "1F3864"
    for group in section.groups:
        if group.heading:  # the sub-heading the provisions below stand under, as the form prints it
            _put(sheet, (group.heading,))
            for cell in sheet[sheet.max_row]:
                cell.font = _BOLD
                cell.fill = _HEADING_FILL
        for row in group.rows:
            _row(sheet, row)
    _finish(sheet, _PROVISION_WIDTHS)


def _row(sheet: Worksheet, row: RowView) -> None:
    requirement = "\n".join([row.requirement.strip(), *(f"{label}) {text}" for label, text in row.items)])
    evidence = "\n".join(one_line(item.title) for item in row.evidence)
    actions = "\n".join(f"- {in_words(action)}" for action in row.actions)
    _put(sheet, (row.number, requirement, row.answer, evidence, row.commentary, actions))
    here = sheet.max_row
    sheet.cell(here, 1).font = _BOLD
    if row.tone in TONE_FILL:
        sheet.cell(here, 3).fill = PatternFill("solid", fgColor=TONE_FILL[row.tone])


def _action(sheet: Worksheet, action: ActionView) -> None:
    rag = action.rag.capitalize() if action.rag else ""
    start = action.start_on or action.start
    due: str | date | None = action.due_on or action.due
    if action.overdue and isinstance(due, str):
        due += " (overdue)"
    _put(sheet, (action.provision, action.action, action.owner, start, due, action.status, rag))
    here = sheet.max_row
    sheet.cell(here, 1).font = _BOLD
    if action.overdue and isinstance(due, date):
        sheet.cell(here, 5).number_format = _OVERDUE
    if action.rag in RAG_FILL:
        sheet.cell(here, 7).fill = PatternFill("solid", fgColor=RAG_FILL[action.rag])
