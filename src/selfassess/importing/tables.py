"""A document's tables as plain grids: each cell's text, which merge it belongs to, and where each
row is, in words a person can find it by (`table 2, row 14`, `Sheet1!A14`, `line 14`).

A merged cell is one cell however many grid places it covers: every place it covers carries its
text and the same `origin`, so that later steps can count it once.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import groupby
from pathlib import Path
from typing import Any

from selfassess.importing import SUPPORTED, ImportFailed
from selfassess.importing.archive import MAX_TEXT_BYTES, measure
from selfassess.importing.facts import Facts, sheet_facts, word_facts
from selfassess.importing.word_grid import MAX_COLUMNS, TooWide, layout, rows_of


@dataclass(frozen=True)
class Cell:
    text: str  # paragraphs on lines of their own; a Word list paragraph starts "- "
    origin: tuple[int, int]  # (row, column) where its merge starts: shared by every place it covers
    numeric: bool = False  # a spreadsheet number, whose written form (6.10) the file may not keep
    carried: bool = False  # a PDF's merged cell cut by a page break: its text is the part before it
    marked: str = ""  # the text with its bold, italic and links marked (MARKS), where it has any
    raw: str = (
        ""  # a spreadsheet cell's text exactly as it holds it (line ends, spaces around), where not `text`
    )


# Unicode's noncharacters, kept for a program's own use (no document holds them), mark in a Word
# cell's text the words set in bold or italic within a paragraph, and the words of a link followed
# by its address: commentary keeps them, as Markdown; every other field reads the plain text.
BOLD, END_BOLD, ITALIC, END_ITALIC, LINK, LINK_TO, END_LINK = (chr(0xFDD0 + n) for n in range(7))
MARKS = re.compile("[\ufdd0-\ufdd6]")
_LINK_ADDRESS = re.compile(f"{LINK_TO}[^{END_LINK}]*")


def unmarked(text: str) -> str:
    """The text without its marks, or the addresses of its links: the words a reader sees."""
    return MARKS.sub("", _LINK_ADDRESS.sub("", text))


@dataclass(frozen=True)
class Grid:
    label: str  # "table 2", "sheet 'Actions'", or "" for a CSV file: for messages about the whole grid
    rows: list[list[Cell]]  # every row as wide as the widest
    places: list[str]  # where each row is, for messages


# Bullets as people type or paste them: Word's glyphs, a dash, an asterisk.
_BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□➢➤►‣⁃*]|-|–|—)\s+")


def unbulleted(line: str) -> str:
    """A line without the bullet in front of it."""
    return _BULLET.sub("", line, count=1).strip()


def is_bulleted(line: str) -> bool:
    return bool(_BULLET.match(line))


#: The most table rows one document may hold: a form has about a hundred, a council's tracker a few
#: hundred. Each row becomes several lines of YAML, so this bounds the time and memory an import takes.
MAX_ROWS = 5_000


def _refuse_oversized(path: Path, kind: str, advice: str) -> None:
    if path.suffix.lower() in (".csv", ".tsv"):
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise ImportFailed(
                f"{path.name} holds more than {MAX_TEXT_BYTES // (1024 * 1024)} MB of text, more than "
                "selfassess reads from one document; save the tables of the form on their own in a new "
                "file and import that."
            )
        return
    measure(path, _damaged(path, kind, advice))


_WORD = ("a Word document", "a .docx file (Word's 'Save as' makes one)")
_EXCEL = ("an Excel workbook", "an .xlsx file (Excel's 'Save as' makes one)")


def read_grids(path: Path) -> list[Grid]:
    """Every table in the file, in the order it holds them. Raises ImportFailed if it cannot be read."""
    return read_tables(path)[0]


def read_tables(path: Path, publisher: str | None = None) -> tuple[list[Grid], Facts]:
    """Every table in the file, in the order it holds them, and what a Word document says above
    them (`publisher`: the code's, which a tracker prints after the organisation). Raises
    ImportFailed if it cannot be read."""
    suffix = path.suffix.lower()
    _refuse_oversized(path, *(_WORD if suffix == ".docx" else _EXCEL))
    facts = Facts()
    if suffix == ".docx":
        grids, facts = _word(path, publisher)
    elif suffix == ".xlsx":
        grids, facts = _excel(path)
    elif suffix in (".csv", ".tsv"):
        grids = [_delimited(path, "\t" if suffix == ".tsv" else None)]
    else:
        raise ValueError(f"not one of {', '.join(SUPPORTED)}")  # the command line refuses these first
    if sum(len(grid.rows) for grid in grids) > MAX_ROWS:
        raise too_many_rows(path)
    return grids, facts


def too_many_rows(path: Path) -> ImportFailed:
    return ImportFailed(
        f"{path.name} has more than {MAX_ROWS:,} rows in its tables, more than selfassess imports from "
        "one document; import the form's tables from a file of their own."
    )


def _damaged(path: Path, kind: str, advice: str) -> ImportFailed:
    return ImportFailed(f"{path.name} cannot be read as {kind}: it may be damaged, or not really {advice}.")


def _rectangular(rows: list[list[Cell]]) -> list[list[Cell]]:
    width = max((len(row) for row in rows), default=0)
    return [row + [Cell("", (r, c)) for c in range(len(row), width)] for r, row in enumerate(rows)]


# ---------------------------------------------------------------------------------------- Word


@dataclass(frozen=True)
class _ListStyles:
    """Which paragraph styles are list styles ("List Bullet", "List Number 2"), by style id, and
    whether the document's default paragraph style is one. Found once for the document: python-docx
    finds a paragraph's style by scanning every style, which for thousands of cells is most of an
    import's time."""

    listed: dict[str, bool]
    default: bool

    @classmethod
    def of(cls, document: Any) -> _ListStyles:
        from docx.enum.style import WD_STYLE_TYPE

        def is_list(style: Any) -> bool:
            return style is not None and (style.name or "").lower().startswith("list")

        listed = {
            style.style_id: is_list(style)
            for style in document.styles
            if style.type == WD_STYLE_TYPE.PARAGRAPH and style.style_id
        }
        return cls(listed, is_list(document.styles.default(WD_STYLE_TYPE.PARAGRAPH)))

    def has(self, style_id: str | None) -> bool:
        """Whether a paragraph of this style id (None: no style given) is in a list; an id the
        document does not define means its default style, as Word reads it."""
        return self.default if style_id is None else self.listed.get(style_id, self.default)


def _paragraph_texts(paragraph: Any, lists: _ListStyles) -> tuple[str, str]:
    """A paragraph's text, and the same with its bold, italic and links marked; one in a Word list
    (bullets or numbering) starts "- ", as Markdown would."""
    text = paragraph.text.strip()
    if not text:
        return "", ""
    marked = _marked_text(paragraph).strip()
    properties = paragraph._p.pPr
    listed = properties is not None and properties.numPr is not None
    if not listed:
        listed = lists.has(properties.style if properties is not None else None)
    if listed and not _BULLET.match(text):
        return f"- {text}", f"- {marked}"
    return text, marked


#: Word's built-in character styles for emphasis, which selfassess's Word files give the bold and
#: italic written in the text.
EMPHASIS_STYLES = frozenset({"Strong", "Emphasis"})


def _marked_text(paragraph: Any) -> str:
    """A paragraph's text with its bold, italic and linked words marked (see MARKS). Bold or italic
    that covers the whole paragraph is the paragraph's style (a heading, "Actions:"), not marked,
    unless it is in Word's character style for emphasis (Strong, Emphasis), as a writer's is."""
    from docx.text.hyperlink import Hyperlink

    # (words, bold, italic, the address they link to, emphasis in Word's own character style)
    pieces: list[tuple[str, bool, bool, str, bool]] = []
    for inner in paragraph.iter_inner_content():
        linked = isinstance(inner, Hyperlink)
        address = (inner.address or "") if linked else ""
        for run in inner.runs if linked else [inner]:
            if run.text:
                emphasis = run._r.style in EMPHASIS_STYLES
                pieces.append((unmarked(run.text), bool(run.bold), bool(run.italic), address, emphasis))
    shown = [piece for piece in pieces if piece[0].strip()]
    bold_style, italic_style = all(piece[1] for piece in shown), all(piece[2] for piece in shown)
    marked = ""
    for address, group in groupby(pieces, key=lambda piece: piece[3]):
        words = ""
        for text, bold, italic, _, emphasis in group:
            bold, italic = bold and (emphasis or not bold_style), italic and (emphasis or not italic_style)
            words += (BOLD if bold else "") + (ITALIC if italic else "") + text
            words += (END_ITALIC if italic else "") + (END_BOLD if bold else "")
        marked += f"{LINK}{words}{LINK_TO}{address}{END_LINK}" if address else words
    return marked


def _word_cell_texts(cell: Any, lists: _ListStyles) -> tuple[str, str]:
    """A cell's text, and the same with its bold, italic and links marked (MARKS)."""
    from docx.table import _Cell

    both = [_paragraph_texts(paragraph, lists) for paragraph in cell.paragraphs]
    for inner in cell._tc.tbl_lst:  # a table inside a cell: rare, but its words are the user's too
        for row in layout(inner):
            texts = []
            for place in dict.fromkeys(place for place in row if place is not None):  # each cell once
                texts.append(" ".join(_word_cell_texts(_Cell(place[1], cell), lists)[0].split()))
            line = " | ".join(text for text in texts if text)
            both.append((line, line))
    plain = "\n".join(text for text, _ in both if text)
    marked = "\n".join(text for _, text in both if text)
    return plain, marked


#: Wrappers Word puts around text without changing it: content controls (a form's fill-in boxes,
#: repeating rows), tracked insertions, smart tags, simple fields, custom XML. python-docx reads
#: only what stands directly in a table, row or paragraph, so each wrapper is replaced by what it
#: holds before reading. Tracked deletions (w:del, w:moveFrom) are left as they are: deleted words
#: are not the document's text.
_WRAPPERS = {
    "sdt": "sdtContent",
    "ins": None,
    "moveTo": None,
    "smartTag": None,
    "fldSimple": None,
    "customXml": None,
}
_WRAPPER_PROPERTIES = ("sdtPr", "sdtEndPr", "smartTagPr", "customXmlPr", "fldData")


def _unwrapped(body: Any) -> None:
    from docx.oxml.ns import qn

    properties = {qn(f"w:{tag}") for tag in _WRAPPER_PROPERTIES}
    for tag, content in _WRAPPERS.items():
        for wrapper in list(body.iter(qn(f"w:{tag}"))):
            parent = wrapper.getparent()
            if parent is None:
                continue
            holder = wrapper.find(qn(f"w:{content}")) if content else wrapper
            inside = [] if holder is None else [child for child in holder if child.tag not in properties]
            place = parent.index(wrapper)
            parent.remove(wrapper)
            for offset, child in enumerate(inside):
                parent.insert(place + offset, child)


def _word(path: Path, publisher: str | None) -> tuple[list[Grid], Facts]:
    import docx

    try:
        document = docx.Document(str(path))
        _unwrapped(document.element.body)
        tables = list(document.tables)
        lists = _ListStyles.of(document)
    except Exception as error:  # python-docx raises a dozen kinds for a damaged or mislabelled file
        raise _damaged(path, *_WORD) from error
    # Counted before any is laid out: a short file can hold a million empty rows.
    if sum(len(rows_of(table._tbl)) for table in tables) > MAX_ROWS:
        raise too_many_rows(path)
    grids = []
    for number, table in enumerate(tables, start=1):
        try:
            grids.append(_word_table(table, number, lists))
        except TooWide as wide:
            raise ImportFailed(
                f"{path.name} has a row wider than Word allows (table {number}, row {wide.row}, more than "
                f"{MAX_COLUMNS} cells); it may be damaged, or made by a program other than Word."
            ) from wide
        except Exception as error:  # a malformed table inside an otherwise readable file
            raise _damaged(path, *_WORD) from error
    try:
        facts = word_facts(document, publisher)
    except Exception:  # its tables are read: a paragraph python-docx cannot read holds no facts
        facts = Facts()
    return grids, facts


def _word_table(table: Any, number: int, lists: _ListStyles) -> Grid:
    from docx.table import _Cell

    # A merged cell stands in every place it covers, under its first `w:tc`: keyed by that
    # element, its text is read once.
    texts: dict[Any, tuple[str, str]] = {}
    rows: list[list[Cell]] = []
    for r, places in enumerate(layout(table._tbl)):
        cells = []
        for c, place in enumerate(places):
            if place is None:  # a row that starts late
                cells.append(Cell("", (r, c)))
                continue
            origin, element = place
            if element not in texts:
                plain, marked = _word_cell_texts(_Cell(element, table), lists)
                texts[element] = (plain, marked if marked != plain else "")
            cells.append(Cell(texts[element][0], origin, marked=texts[element][1]))
        rows.append(cells)
    return Grid(
        f"table {number}", _rectangular(rows), [f"table {number}, row {r + 1}" for r in range(len(rows))]
    )


# --------------------------------------------------------------------------------------- Excel


def _sheet_reference(title: str) -> str:
    """A sheet's name as Excel writes it in a reference: quoted when it holds more than letters."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", title):
        return title
    return "'" + title.replace("'", "''") + "'"


def _value_text(value: Any, number_format: str) -> tuple[str, bool]:
    """A spreadsheet value as the user reads it: a date as 2024-11-15, 6.1 as 6.1, 3.0 as 3."""
    if value is None:
        return "", False
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat(), False
        return value.isoformat(sep=" ", timespec="minutes"), False
    if isinstance(value, date | time):
        return value.isoformat(), False
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), False
    if isinstance(value, int | float):
        if number_format.endswith("%"):
            return f"{value * 100:g}%", True
        if isinstance(value, float) and value.is_integer():
            return str(int(value)), True
        return str(value), True
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip(), False


def _excel(path: Path) -> tuple[list[Grid], Facts]:
    """Every sheet's table, and the facts of a details sheet (selfassess's own workbook has one
    first: whose form it is, and when), which is no table."""
    import openpyxl

    try:
        # data_only: a formula's last computed value, which is what the user sees in the cell
        book = openpyxl.load_workbook(path, data_only=True)
        # A workbook written by another program may hold formulas Excel never computed: no value
        # is stored, so the formula itself is the only text the cell has.
        formulas = openpyxl.load_workbook(path) if _has_formulas(path) else None
    except Exception as error:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise _damaged(path, *_EXCEL) from error
    grids: list[Grid] = []
    facts: Facts | None = None
    for sheet in book.worksheets:
        grid = _excel_sheet(sheet, formulas[sheet.title] if formulas is not None else None)
        details = sheet_facts([[cell.text for cell in row] for row in grid.rows]) if facts is None else None
        if details is not None:
            facts = details
        else:
            grids.append(grid)
    return grids, facts or Facts()


def _has_formulas(path: Path) -> bool:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        sheets = (
            archive.read(part)
            for part in archive.namelist()
            if part.startswith("xl/worksheets/") and part.endswith(".xml")
        )
        return any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)


def _excel_sheet(sheet: Any, formulas: Any = None) -> Grid:
    from openpyxl.utils import get_column_letter

    merged: dict[tuple[int, int], tuple[int, int]] = {}
    for ranged in sheet.merged_cells.ranges:
        for row in range(ranged.min_row, ranged.max_row + 1):
            for column in range(ranged.min_col, ranged.max_col + 1):
                merged[(row, column)] = (ranged.min_row, ranged.min_col)
    values: dict[tuple[int, int], tuple[str, bool, str]] = {}
    last_row = last_column = 0
    first_column: int | None = None
    for row in sheet.iter_rows():
        for cell in row:
            where = (cell.row, cell.column)
            value = cell.value
            if value is None and formulas is not None:
                value = formulas.cell(cell.row, cell.column).value  # a formula never computed
                value = getattr(value, "text", value)  # an array formula keeps its words in .text
            if value is None or merged.get(where, where) != where:
                continue  # inside a merge, only its first cell holds the value
            text, numeric = _value_text(value, cell.number_format or "")
            if text:
                raw = value if isinstance(value, str) and value != text else ""
                values[(cell.row, cell.column)] = (text, numeric, raw)
                last_row, last_column = max(last_row, cell.row), max(last_column, cell.column)
                first_column = cell.column if first_column is None else min(first_column, cell.column)
    if first_column is None:
        return Grid(f"sheet {sheet.title!r}", [], [])
    # Formatting alone stretches a sheet's size far past its last value: only the used part is read.
    for (row, column), start in merged.items():
        if start in values and row <= last_row:
            last_column = max(last_column, column)
    rows: list[list[Cell]] = []
    for row in range(1, last_row + 1):
        cells = []
        for column in range(first_column, last_column + 1):
            start = merged.get((row, column), (row, column))
            text, numeric, raw = values.get(start, ("", False, ""))
            cells.append(Cell(text, (start[0] - 1, start[1] - first_column), numeric, raw=raw))
        rows.append(cells)
    reference = _sheet_reference(sheet.title)
    letter = get_column_letter(first_column)
    return Grid(
        f"sheet {sheet.title!r}", rows, [f"{reference}!{letter}{row}" for row in range(1, last_row + 1)]
    )


# ----------------------------------------------------------------------------------- CSV / TSV


def _decoded(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text": UTF-16, tab-separated
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    # Excel saves "CSV UTF-8" with a byte-order mark, and plain "CSV" in the Windows code page.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # every byte is a character: nothing is refused, nothing lost


def _delimited(path: Path, delimiter: str | None) -> Grid:
    text = _decoded(path)
    if delimiter is None:  # Excel in much of Europe separates with semicolons
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
    # Python's csv refuses a cell over 128 KB; a whole file of at most MAX_TEXT_BYTES is allowed in
    # one cell (a long commentary pasted whole), so no cell is refused in Python's words.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_TEXT_BYTES + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Cell]] = []
    places: list[str] = []
    line = 1
    try:
        for r, record in enumerate(reader):
            if r == MAX_ROWS:  # stop reading here: the rest would only be refused
                raise too_many_rows(path)
            rows.append([Cell(_cell_text(value), (r, c)) for c, value in enumerate(record)])
            places.append(f"line {line}")
            line = reader.line_num + 1  # a quoted cell may hold line breaks: the next record starts here
    except csv.Error as error:
        raise ImportFailed(
            f"{path.name} cannot be read as {SUPPORTED[path.suffix.lower()]}: {error}."
        ) from error
    return Grid("", _rectangular(rows), places)


def _cell_text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()
