"""The board report's two codes side by side, in Word: the same section as the HTML report's, a
disagreement said in words and in bold, its row shaded as the form shades an answer not met."""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.shared import Cm
from docx.table import _Cell

from selfassess.publish import word_blocks as word
from selfassess.publish.report.alongside import AlongsideView, Unmatched

_PAIR_WIDTHS = (Cm(6.0), Cm(2.4), Cm(4.3), Cm(6.0), Cm(2.4), Cm(5.6))
_ALONE_WIDTHS = (Cm(20.0), Cm(6.7))


def _provision(cell: _Cell, number: str, title: str) -> None:
    word.text(cell.paragraphs[0], number, bold=True)
    if title:
        word.text(cell.paragraphs[0], f" {title}")


def _answer(answer: str, answered_by: str | None) -> str:
    return f"{answer} ({answered_by})" if answered_by else answer


def _alone(document: WordDocument, heading: str, alone: tuple[Unmatched, ...]) -> None:
    word.heading(document, f"{heading} provisions with no counterpart", 2)
    if not alone:
        word.paragraph(document, "Every provision has a counterpart in the other code.")
        return
    caption = (
        f"{len(alone)} {'provision' if len(alone) == 1 else 'provisions'} of the {heading} code that the "
        "other code does not link to"
    )
    table = word.table(document, ("Provision", "Answer"), _ALONE_WIDTHS)
    word.describe(table, caption, f"{caption}, and how each is answered")
    for item in alone:
        cells = word.row(table, _ALONE_WIDTHS)
        _provision(cells[0], item.number, item.title)
        word.text(cells[1].paragraphs[0], item.answer)


def add_alongside(document: WordDocument, both: AlongsideView) -> None:
    """The section 'Both codes side by side', at the end of the report."""
    word.heading(document, "Both codes side by side", 1)
    word.paragraph(
        document,
        f"This assessment ({both.ours}) beside the assessment against the {both.theirs_named} "
        f"({both.theirs}), made on {both.theirs_assessed_on}. {both.summary}",
    )
    if both.disagreements:
        count = both.disagreements
        word.heading(
            document,
            f"{count} {'answer disagrees' if count == 1 else 'answers disagree'} with the other code's",
            2,
        )
        for pair in both.pairs:
            if pair.disagrees:
                paragraph = word.paragraph(document, style=word.BULLETS[0])
                word.text(paragraph, f"{both.ours} {pair.ours.number}", bold=True)
                word.text(paragraph, f" answered {pair.ours.answer}, ")
                word.text(paragraph, f"{both.theirs} {pair.theirs.number}", bold=True)
                word.text(paragraph, f" answered {pair.theirs.answer}: {pair.why}")
    word.heading(document, "Linked provisions and their answers", 2)
    headings = (both.ours, "Answer", "How the two relate", both.theirs, "Answer", "Do the answers agree?")
    table = word.table(document, headings, _PAIR_WIDTHS)
    word.describe(
        table,
        "Linked provisions and their answers",
        f"Each {both.ours} provision beside the {both.theirs} provision it is linked with, both answers, "
        "and whether they agree",
    )
    for pair in both.pairs:
        cells = word.row(table, _PAIR_WIDTHS)
        _provision(cells[0], pair.ours.number, pair.ours.title)
        word.text(cells[1].paragraphs[0], _answer(pair.ours.answer, pair.ours.answered_by))
        word.text(cells[2].paragraphs[0], pair.relation_words)
        _provision(cells[3], pair.theirs.number, pair.theirs.title)
        word.text(cells[4].paragraphs[0], _answer(pair.theirs.answer, pair.theirs.answered_by))
        word.text(cells[5].paragraphs[0], pair.standing, bold=pair.disagrees)
        if pair.why and not pair.disagrees:
            word.text(cells[5].paragraphs[0], f": {pair.why}")
        if pair.disagrees:
            for cell in cells:
                word.shade(cell, word.TONE_FILL["not-met"])
    _alone(document, both.ours, both.ours_alone)
    _alone(document, both.theirs, both.theirs_alone)
