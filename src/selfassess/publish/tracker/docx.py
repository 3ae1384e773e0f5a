"""A tracker as a Word document: the committee's own columns, grouped as the code groups them,
RAG in words and in colour, and the action plan by lead (overdue first)."""

from __future__ import annotations

from datetime import UTC, datetime

from docx.shared import Cm, Length
from docx.table import Table

from selfassess.publish import word_blocks as word
from selfassess.publish.tracker.view import RAG_WORDS, TrackerRow, TrackerView
from selfassess.text.markdown import blocks

_COLUMNS = ("Meeting date", "Item", "Recommendation", "Lead", "Status", "Response")
_WIDTHS = (Cm(2.3), Cm(3.5), Cm(7.4), Cm(3.6), Cm(2.8), Cm(7.1))
# The owner is the heading above each table too; in a column of its own, a file edited and imported
# again keeps who owns each action.
_PLAN_COLUMNS = ("Ref", "Action", "Owner", "Serves", "Start", "Due", "Status", "RAG")
_PLAN_WIDTHS = (Cm(1.6), Cm(8.3), Cm(3.0), Cm(2.0), Cm(2.5), Cm(4.3), Cm(2.5), Cm(2.5))


def _layout(tracker: TrackerView) -> tuple[list[str], list[Length]]:
    """The committee's columns, less those no row fills; the recommendation takes the room."""
    keep = [tracker.shows_meeting, tracker.shows_item, True, True, True, True]
    columns = [c for c, k in zip((*_COLUMNS[:4], tracker.answer_label, _COLUMNS[5]), keep, strict=True) if k]
    widths: list[Length] = [w for w, k in zip(_WIDTHS, keep, strict=True) if k]
    spare = sum(w for w, k in zip(_WIDTHS, keep, strict=True) if not k)
    widths[columns.index("Recommendation")] = Length(widths[columns.index("Recommendation")] + spare)
    return columns, widths


def _row(table: Table, row: TrackerRow, tracker: TrackerView, widths: list[Length]) -> None:
    cells = list(word.row(table, widths))
    if tracker.shows_meeting:
        word.text(cells.pop(0).paragraphs[0], row.meeting or "")
    if tracker.shows_item:
        word.text(cells.pop(0).paragraphs[0], row.item or "")
    text, lead, status, response = cells
    since = tracker.since
    write = word.CellWriter(text)
    if row.kind:
        word.text(write.paragraph(), f"{row.kind} {row.number}", bold=True)
    write.blocks(blocks(row.text))
    word.text(lead.paragraphs[0], row.lead or "")
    word.text(status.paragraphs[0], row.status, bold=True)
    word.text(word.styled(status.add_paragraph(), word.CELL), RAG_WORDS[row.rag], italic=True)
    if row.completed_since:
        word.text(word.styled(status.add_paragraph(), word.CELL), f"Completed since {since}")
    word.shade(status, word.RAG_FILL[row.rag])
    word.CellWriter(response).blocks(blocks(row.response))


def render_tracker_docx(tracker: TrackerView) -> bytes:
    """The tracker as a .docx file; the same tracker gives the same bytes."""
    day = tracker.assessed_on_date
    dated = datetime(day.year, day.month, day.day, tzinfo=UTC) if day is not None else word.FIXED_DATE
    heading = f"{tracker.organisation}: {tracker.title}"
    document = word.new_document(
        heading, tracker.code_title, tracker.organisation, tracker.made_with, tracker.draft, dated
    )
    word.heading(document, tracker.title, 0)
    word.text(
        word.paragraph(document, style="Subtitle"),
        tracker.kept_by,
    )
    facts = word.paragraph(document)
    word.text(facts, "Position at: ", bold=True)
    word.text(facts, tracker.assessed_on)
    if tracker.since:
        since = word.paragraph(document)
        word.text(since, "Changes since: ", bold=True)
        left_out = f" ({tracker.dropped} completed before then left out)" if tracker.dropped else ""
        word.text(since, tracker.since + left_out)
    word.paragraph(
        document,
        "RAG: Green, completed or closed; Amber, in progress; Red, no status yet, or open long after "
        "the meeting that raised it.",
    )
    columns, widths = _layout(tracker)
    for group in tracker.groups:
        word.heading(document, group.title, 1)
        table = word.table(document, columns, widths)
        word.describe(table, group.title, f"{group.title}: each item, its lead, status and response")
        for row in group.rows:
            _row(table, row, tracker, widths)
    if tracker.action_plan:
        word.heading(document, "Action plan, by lead", 1)
        word.paragraph(document, "Overdue actions first, then by due date.")
        for lead, actions in tracker.action_plan:
            word.heading(document, lead, 2)
            table = word.table(document, _PLAN_COLUMNS, _PLAN_WIDTHS)
            word.describe(table, f"Actions led by {lead}", f"Actions led by {lead}, overdue first")
            for action in actions:
                cells = word.row(table, _PLAN_WIDTHS)
                due = (action.due or "") + (" (overdue)" if action.overdue else "")
                rag = action.rag.capitalize() if action.rag else ""
                values = (
                    action.ref,
                    None,
                    action.owner,
                    action.provision,
                    action.start,
                    due,
                    action.status,
                    rag,
                )
                for cell, value in zip(cells, values, strict=True):
                    if cell is cells[1]:  # plain words, as every form shows an action: a line each
                        write = word.CellWriter(cell)
                        for line in action.action.splitlines():
                            word.text(write.paragraph(), line)
                    else:
                        word.text(cell.paragraphs[0], value or "", bold=cell is cells[0])
                if action.rag in word.RAG_FILL:
                    word.shade(cells[7], word.RAG_FILL[action.rag])
    return word.finish(document)
