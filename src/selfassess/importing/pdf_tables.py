"""The ruled tables of a PDF as grids, read with pdfplumber: most published self-assessments are PDFs
saved from Word, whose tables keep their ruling lines.

A PDF keeps no cells and no paragraphs, only lines drawn and text placed, so both are rebuilt:
cells from the ruling lines (a cell that spans others, such as a section title across the table or
one answer for two rows, is one merged cell), and each cell's text from its printed lines, joined
back into paragraphs where a line only wrapped. A table a page break cuts in two comes as two
tables, the second with the header repeated or none; the rows module joins them as it joins Word's.
"""

from __future__ import annotations

import bisect
import os
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSException

from selfassess.importing import ImportFailed
from selfassess.importing.facts import Facts, form_text, pdf_facts
from selfassess.importing.rows import LIST_NUMBER
from selfassess.importing.tables import MAX_ROWS, Cell, Grid, is_bulleted, too_many_rows

#: Bounds on what one PDF may ask of the import: a year's form is under a hundred pages and a few MB.
MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_PAGES = 1_000
# Edges closer than this (in points, 1/72 inch) are one edge: ruling lines are drawn with a width.
_SNAP = 2.0
_ADVICE = "a .pdf file"


def _damaged(path: Path) -> ImportFailed:
    return ImportFailed(f"{path.name} cannot be read as a PDF: it may be damaged, or not really {_ADVICE}.")


def pdf_grids(path: Path) -> list[Grid]:
    """Every ruled table in the PDF, page by page. Raises ImportFailed for a file that is not a
    readable PDF, is locked with a password, holds no text (a scan), or is too large."""
    return pdf_tables(path)[0]


def pdf_tables(path: Path, publisher: str | None = None) -> tuple[list[Grid], Facts]:
    """Every ruled table in the PDF, page by page, and what its first page says above them (see
    `pdf_grids`, and `facts.pdf_facts`)."""
    import pdfplumber

    if path.stat().st_size > MAX_PDF_BYTES:
        raise ImportFailed(
            f"{path.name} is larger than {MAX_PDF_BYTES // (1024 * 1024)} MB, more than selfassess reads "
            "from one PDF; save the pages with the form's tables as a PDF of their own and import that."
        )
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ImportFailed(
                    f"{path.name} has more than {MAX_PAGES:,} pages, more than selfassess reads from one "
                    "PDF; save the pages with the form's tables as a PDF of their own and import that."
                )
            grids: list[Grid] = []
            has_text = False
            facts = _facts(pdf, publisher)
            paragraphs = _tagged_paragraphs(pdf)
            for number, whole in enumerate(pdf.pages, start=1):
                page = whole.filter(form_text)
                has_text = has_text or bool(page.chars)
                tables = [
                    table
                    for table in _outermost(page.filter(_not_background).find_tables())
                    if table.bbox[2] - table.bbox[0] >= _NARROWEST * page.width
                ]
                for index, table in enumerate(tables, start=1):
                    label = f"page {number}" + (f", table {index}" if len(tables) > 1 else "")
                    grids.append(_grid(page, table, label, paragraphs))
                if sum(len(grid.rows) for grid in grids) > MAX_ROWS:
                    raise too_many_rows(path)
    except ImportFailed:
        raise
    except Exception as error:
        if _locked(error):
            raise ImportFailed(
                f"{path.name} is locked with a password; save an unlocked copy (or the Word file it "
                "was made from) and import that."
            ) from error
        if _raised_by_the_reader(error):  # pdfminer raises a dozen kinds for a damaged file
            raise _damaged(path) from error
        raise
    _carry_merged_cells(grids)
    if not has_text:
        raise ImportFailed(
            f"{path.name} holds no text, only pictures of pages (a scan, or a PDF 'printed as an "
            "image'); import the Word or Excel file it was made from, or a PDF saved from it."
        )
    return grids, facts


def _facts(pdf: Any, publisher: str | None) -> Facts:
    try:
        return pdf_facts(pdf, publisher)
    except Exception:  # the tables are what the import needs: a first page it cannot read gives none
        return Facts()


#: A box drawn round a word or two (a coloured label such as a RAG's) is no table: a table of
#: answers is wider than this share of its page.
_NARROWEST = 0.15
_WHITE = ((1.0,), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0))


def _not_background(thing: dict[str, Any]) -> bool:
    """False for a white fill with no outline: a page's or a cell's background, which draws no line
    (a browser paints one the size of the page, which would make the whole page one table)."""
    if thing.get("object_type") != "rect" or thing.get("stroke") or not thing.get("fill"):
        return True
    colour = thing.get("non_stroking_color")
    return tuple(float(part) for part in colour) not in _WHITE if isinstance(colour, list | tuple) else True


def _size(line: dict[str, Any], which: int) -> float | None:
    """The size of type of a line's first (0) or last (-1) character, where the line has them."""
    chars = line.get("chars") or []
    return float(chars[which]["size"]) if chars else None


def _locked(error: BaseException) -> bool:
    """pdfplumber wraps pdfminer's password errors in its own, naming the original in its message."""
    found: BaseException | None = error
    while found is not None:
        if isinstance(found, (PDFPasswordIncorrect, PDFEncryptionError)) or str(found) in {
            "PDFPasswordIncorrect",
            "PDFEncryptionError",
        }:
            return True
        found = found.__cause__ or found.__context__
    return False


def _raised_by_the_reader(error: BaseException) -> bool:
    """Whether `error` comes from reading the file (inside pdfminer or pdfplumber), not from a
    mistake of selfassess's own, which must not pass for a damaged file."""
    if isinstance(error, (PSException, PDFSyntaxError)):
        return True
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    where = trace.tb_frame.f_code.co_filename if trace is not None else ""
    return any(f"{os.sep}{name}{os.sep}" in where for name in ("pdfminer", "pdfplumber", "pypdfium2"))


def _outermost(tables: list[Any]) -> list[Any]:
    """The tables not drawn inside another: a box around a word in a cell (a RAG badge) is no table."""

    def within(inner: Any, outer: Any) -> bool:
        left, top, right, bottom = inner.bbox
        out_left, out_top, out_right, out_bottom = outer.bbox
        return bool(
            left >= out_left - _SNAP
            and top >= out_top - _SNAP
            and right <= out_right + _SNAP
            and bottom <= out_bottom + _SNAP
            and inner.bbox != outer.bbox
        )

    return [
        table for table in tables if not any(other is not table and within(table, other) for other in tables)
    ]


def _edges(values: list[float]) -> list[float]:
    """The distinct edges among `values`, those within _SNAP of each other counted as one."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > _SNAP:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    """Which of the snapped edges `value` lies on."""
    place = bisect.bisect_left(edges, value - _SNAP)
    return min(place, len(edges) - 1)


def _grid(page: Any, table: Any, label: str, paragraphs: dict[tuple[int, int], int]) -> Grid:
    boxes: list[tuple[float, float, float, float]] = list(table.cells)
    xs = _edges([box[0] for box in boxes] + [box[2] for box in boxes])
    ys = _edges([box[1] for box in boxes] + [box[3] for box in boxes])
    width, height = len(xs) - 1, len(ys) - 1
    rows: list[list[Cell]] = [[Cell("", (r, c)) for c in range(width)] for r in range(height)]
    for box in boxes:
        left, top = _index(xs, box[0]), _index(ys, box[1])
        right, bottom = max(_index(xs, box[2]), left + 1), max(_index(ys, box[3]), top + 1)
        text = _cell_text(page, box, paragraphs)
        for r in range(top, bottom):
            for c in range(left, right):
                rows[r][c] = Cell(text, (top, left))
    return Grid(label, rows, [f"{label}, row {r + 1}" for r in range(height)])


def _cell_text(
    page: Any, box: tuple[float, float, float, float], paragraphs: dict[tuple[int, int], int]
) -> str:
    """A cell's printed lines as its paragraphs: a line that only wrapped runs on into the next.
    A tagged PDF says which paragraph each line is part of; otherwise the lines' places tell."""
    left, top, right_edge, bottom = box

    def inside(item: dict[str, Any]) -> bool:
        # A character belongs to the cell its middle is in (a crop would take any it touches).
        if item.get("object_type") != "char":
            return False
        x, y = (item["x0"] + item["x1"]) / 2, (item["top"] + item["bottom"]) / 2
        return bool(left <= x <= right_edge and top <= y <= bottom)

    cell = page.filter(inside)
    lines = [line for line in cell.extract_text_lines(strip=True, return_chars=True) if line["text"]]
    if not lines:
        return ""
    # The cell's padding is as wide on the right as on the left: the text may run up to there.
    # The cell's text may run as far from its right edge as it starts from its left (padding).
    right = max(right_edge - (min(line["x0"] for line in lines) - left), max(line["x1"] for line in lines))
    texts = [_bullets_as_text(lines[0]["text"])]
    for before, line in pairwise(lines):
        text = _bullets_as_text(line["text"])
        same = _same_paragraph(before, line, paragraphs)
        if same is False or (same is None and not _wrapped(before, {**line, "text": text}, right)):
            texts.append(text)
        elif _breaks_inside_a_word(texts[-1]):
            texts[-1] += text
        else:
            texts[-1] += " " + text
    return "\n".join(texts)


# Bullets a font draws from its own private characters (Word's Symbol bullet is U+F0B7).
_PRIVATE_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓"})


def _bullets_as_text(text: str) -> str:
    return text.translate(_PRIVATE_BULLETS)


# A line that ends inside an address or after a hyphen ("https://www.example.gov." / "uk/housing",
# "2023-" / "24") was broken where the word allowed it, not at a space.
_ADDRESS_END = re.compile(r"(?:https?://|www\.)\S*$", re.IGNORECASE)


def _breaks_inside_a_word(text: str) -> bool:
    return text.endswith(("-", "/")) or bool(_ADDRESS_END.search(text))


def _wrapped(before: dict[str, Any], line: dict[str, Any], right: float) -> bool:
    """Whether `line` is the rest of `before`'s paragraph: it is no bullet or numbered item, it
    follows with no paragraph's space between, and its first word would not have fitted on `before`
    (had it fitted, the writer ended the line there)."""
    text: str = line["text"]
    if is_bulleted(text):
        return False
    if LIST_NUMBER.match(text) and (before["text"][-1:] in ".:;!?" or LIST_NUMBER.match(before["text"])):
        return False  # "1. …" after a sentence or another item; "stage" / "1. We know" runs on
    if _size(before, -1) is not None and abs((_size(before, -1) or 0) - (_size(line, 0) or 0)) > 0.5:
        return False  # a line in another size of type ("Yes" above a smaller "met") is another paragraph
    height = line["bottom"] - line["top"]
    if line["top"] - before["bottom"] > 0.6 * height:
        return False
    per_character = (line["x1"] - line["x0"]) / max(len(text), 1)
    first_word = len(text.split(" ", 1)[0]) + 1  # and the space before it
    return bool(before["x1"] + first_word * per_character > right - per_character)


def _carry_merged_cells(grids: list[Grid]) -> None:
    """A merged cell a page break cuts prints its text on the first page only: one answer for 1.4
    and 1.5, with 1.5 on the next page. Where a table's first row (after a repeated header) goes on
    with the row before the break (its first cell is empty) and is empty in a column whose cell
    runs on down into further rows, that cell is the rest of the one
    the previous page's table ends with: it is given that cell's text, marked as carried."""
    for before, grid in pairwise(grids):
        if not before.rows or not grid.rows or len(before.rows[0]) != len(grid.rows[0]):
            continue
        first = 1 if [cell.text for cell in grid.rows[0]] == [cell.text for cell in before.rows[0]] else 0
        if first >= len(grid.rows) - 1 or grid.rows[first][0].text:
            continue  # its first row starts a row of its own (its number is there): nothing carries on
        for column, cell in enumerate(grid.rows[first]):
            above = before.rows[-1][column]
            if cell.text or not above.text or grid.rows[first + 1][column].origin != cell.origin:
                continue
            for row in grid.rows[first:]:
                if row[column].origin == cell.origin:
                    row[column] = Cell(above.text, cell.origin, carried=True)


# Tags that mark a part of a paragraph rather than a paragraph: a line belongs to the block around it.
_INLINE = {
    "Span",
    "Link",
    "Quote",
    "Note",
    "Reference",
    "BibEntry",
    "Code",
    "Annot",
    "Em",
    "Strong",
    "Lbl",
    "LBody",
}


def _tagged_paragraphs(pdf: Any) -> dict[tuple[int, int], int]:
    """For a tagged PDF (Word's "Save as PDF" tags by default), which paragraph each marked piece of
    text, by (page, marked-content id), is part of; empty for a PDF without tags. A paragraph that
    runs onto the next page lists its ids there from 0 again."""
    try:
        tree = pdf.structure_tree
    except Exception:  # a damaged or unusual structure tree: read the lines' places instead
        return {}
    found: dict[tuple[int, int], int] = {}
    count = 0
    stack: list[tuple[dict[str, Any], int | None]] = [(node, None) for node in reversed(tree)]
    while stack:
        node, block = stack.pop()
        if node.get("type") not in _INLINE or block is None:
            count += 1
            block = count
        page, previous = node.get("page_number"), -1
        for mark in node.get("mcids") or []:
            if not isinstance(page, int) or not isinstance(mark, int):
                break
            if mark < previous:
                page += 1
            found[(page, mark)] = block
            previous = mark
        stack.extend((child, block) for child in reversed(node.get("children") or []))
    return found


def _paragraph_of(line: dict[str, Any], paragraphs: dict[tuple[int, int], int]) -> int | None:
    for char in line.get("chars") or []:
        if char.get("mcid") is not None and char["text"].strip():
            return paragraphs.get((char.get("page_number"), char["mcid"]))
    return None


def _same_paragraph(
    before: dict[str, Any], line: dict[str, Any], paragraphs: dict[tuple[int, int], int]
) -> bool | None:
    """Whether two lines are of one paragraph by the PDF's tags; None when it does not say."""
    if not paragraphs:
        return None
    first, second = _paragraph_of(before, paragraphs), _paragraph_of(line, paragraphs)
    return None if first is None or second is None else first == second
