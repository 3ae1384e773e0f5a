"""From grids to entries: one entry for each provision the tables answer, the rows a page break
split joined back together, the section-title rows set aside, each merged cell counted once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selfassess.importing.fields import date_and_words
from selfassess.importing.layouts import (
    ACTION,
    ANSWER,
    COMMENTARY,
    DUE,
    KIND,
    LEAD,
    LINK,
    NUMBER,
    REQUIREMENT,
    START,
    Layout,
    recognise,
    register_columns,
    waiver_columns,
)
from selfassess.importing.similar import answers_a_provision
from selfassess.importing.tables import Cell, Grid, is_bulleted, unmarked
from selfassess.model.code import Code

# A page break more often falls inside a sentence than between two: a part that stops without
# closing punctuation runs on into the next (with a space), anything else starts a new line.
_CLOSING = ".!?:;)]\"'”’"

#: "1." or "2)" in front of a recommendation: the tracker numbers it inside the text.
LIST_NUMBER = re.compile(r"^\s*\(?(\d{1,3})[.)]\s+")


def join_parts(parts: list[str]) -> str:
    """The texts of one cell split over several rows, as the one text they were."""
    joined = ""
    for part in parts:
        if not joined:
            joined = part
        elif joined[-1] in _CLOSING or is_bulleted(part):
            joined += "\n" + part
        else:
            joined += " " + part
    return joined


@dataclass
class Entry:
    """The rows that answer one provision, as the document holds them."""

    layout: Layout
    place: str  # where its first row is
    parts: dict[int, list[str]] = field(default_factory=dict)  # column -> the texts of its cells
    origins: set[tuple[int, tuple[int, int]]] = field(default_factory=set)  # (grid, origin) counted once
    headings: list[str] = field(default_factory=list)  # section-title rows just above it
    rows: int = 0
    numeric_number: bool = False  # its number was a spreadsheet number, not text

    def add(self, grid: int, cells: list[Cell]) -> None:
        self.rows += 1
        number = self.layout.column(NUMBER)
        if self.rows == 1 and number is not None:
            self.numeric_number = cells[number].numeric
        requirement = self.layout.column(REQUIREMENT)
        for column, cell in enumerate(cells):
            if cell.text and (grid, cell.origin) not in self.origins:
                self.origins.add((grid, cell.origin))
                if cell.carried and cell.text in self.parts.get(column, []):
                    continue  # the rest of a merged cell this entry has from the page before
                if (
                    column == number
                    and self.rows > 1
                    and requirement is not None
                    and not number_like(cell.text)
                ):
                    column = requirement  # words in the number column of a row that carries on
                # Commentary keeps what Word set in bold or italic, and its links (see MARKS), and
                # a spreadsheet's cell as it holds it (its own line ends, a Windows paste's "\r\n").
                commentary = self.layout.roles[column] == COMMENTARY
                kept = (cell.marked or cell.raw) if commentary else ""
                self.parts.setdefault(column, []).append(kept or cell.text)

    def text(self, role: str) -> str:
        column = self.layout.column(role)
        return unmarked(join_parts(self.parts.get(column, []))) if column is not None else ""

    def texts(self, role: str) -> list[str]:
        column = self.layout.column(role)
        return [unmarked(part) for part in self.parts.get(column, [])] if column is not None else []

    def columns(self, marked: bool = False) -> list[tuple[str, str, str]]:
        """(heading, role, text) of each column with something in it, in the table's order;
        `marked`: the commentary with its bold, italic and links marked."""
        return [
            (
                self.layout.headings[column] or f"column {column + 1}",
                self.layout.roles[column],
                joined if marked else unmarked(joined),
            )
            for column, parts in sorted(self.parts.items())
            for joined in [join_parts(parts)]
        ]


@dataclass(frozen=True)
class Registered:
    """A row of an evidence register: a document's title, where it is published, and its date, as written."""

    title: str
    where: str
    dated: str


@dataclass(frozen=True)
class Waived:
    """A finding a published form says was set aside: its provision, its check, and the reason."""

    provision: str
    rule: str
    reason: str


@dataclass
class Reading:
    """What the tables hold: the entries, and what was set aside."""

    entries: list[Entry] = field(default_factory=list)
    register: list[Registered] = field(default_factory=list)  # an evidence register's rows
    waived: list[Waived] = field(default_factory=list)  # findings a published form set aside
    leftover_headings: list[tuple[str, str]] = field(
        default_factory=list
    )  # (place, text) with no entry below
    ignored: list[Grid] = field(default_factory=list)  # tables with no header selfassess knows
    headers_seen: list[tuple[str, list[str]]] = field(default_factory=list)  # (label, first row) of each
    recognised: bool = False  # some table has a header selfassess knows


def _unique(cells: list[Cell]) -> list[Cell]:
    """A row with a cell merged across columns given once, in its first column."""
    seen: set[tuple[int, int]] = set()
    unique = []
    for cell in cells:
        unique.append(cell if cell.origin not in seen else Cell("", cell.origin))
        seen.add(cell.origin)
    return unique


_NUMBERED = re.compile(r"[A-Za-z]{0,4}[.\s]?\d+(?:[.-]\d+)*[A-Za-z]?[.)]?|[a-z0-9-]+\.\d+[a-z]?")


def number_like(text: str) -> bool:
    """'6.3', '6.3.', 'R1', 'A.2', 'climate.4', '1.': a number as a provision or a row is given one."""
    return bool(_NUMBERED.fullmatch(text.strip()))


def _a_number(text: str, code: Code) -> bool:
    titled = re.match(r"\s*(\d+(?:\.\d+)*)\s*[:.)–-]\s+[^\d\s]", text)  # "2: Exclusions"
    if titled and titled.group(1) in code.provisions:
        return True
    return number_like(text) or text.strip().rstrip(".") in code.provisions


def _plan_heading(cells: list[Cell], layout: Layout) -> bool:
    """In an action plan, a row that names a theme: its action in capitals ("B | SERVICE ACCESS AND
    DELIVERY WORK AREA/THEME", "VOIDS"), and no lead, date or link of its own."""
    action = cells[layout.columns(ACTION)[0]].text
    if not re.search(r"[A-Z]", action) or re.search(r"[a-z]", action):
        return False
    return not any(cells[column].text for role in (LEAD, START, DUE, LINK) for column in layout.columns(role))


def _title_row(cells: list[Cell], layout: Layout, known_numbers: set[str]) -> bool:
    """A row that names a section rather than answering a provision: one text, merged across the
    row, or alone in the first column and no provision number; in an action plan, a theme's row."""
    if layout.is_action_plan and _plan_heading(cells, layout):
        return True
    filled = [(column, cell) for column, cell in enumerate(cells) if cell.text]
    if len({cell.origin for _, cell in filled}) != 1:
        return False
    column, cell = filled[0]
    if layout.is_action_plan and column > layout.columns(ACTION)[0]:
        return False  # words under an action's dates or link: the action goes on
    spans = sum(1 for other in cells if other.origin == cell.origin) > 1
    first = column == 0 or layout.roles[column] == NUMBER
    number = cell.text.strip().rstrip(".") in known_numbers
    return (spans or first) and not number and not number_like(cell.text)


def _continues(cells: list[Cell], entry: Entry | None, layout: Layout, code: Code) -> bool:
    """Whether a row carries on the entry above it (a row a page break split) rather than starting one."""
    if entry is None or entry.layout != layout:
        return False
    if (
        layout.is_action_plan
        and layout.column(NUMBER) is None
        and any(cells[c].text for c in layout.columns(LINK))
    ):
        return False  # a plan whose rows are numbered by the provision each serves: a new action
    if layout.is_action_plan and not any(cells[column].text for column in layout.columns(NUMBER)):
        # No reference of its own: the action above carried on, unless the row names its own
        # owner, or a date of its own, where the action above has one (a row whose reference was lost).
        for role in (LEAD, START, DUE):
            for column in layout.columns(role):
                own = cells[column].text
                if own and entry.texts(role) and (role == LEAD or _dated(own)):
                    return False
        return True
    number = layout.column(NUMBER)
    if number is not None:
        cell = cells[number]
        if not cell.text:
            return True
        carries_words = not layout.is_action_plan and layout.column(REQUIREMENT) is not None
        if carries_words and not _a_number(cell.text, code):
            return True  # words where the number stands (text taken from a PDF runs over columns): see add
        above = entry.texts(NUMBER)
        return bool(above) and cell.text.strip().rstrip(".") == above[0].strip().rstrip(".")
    # No numbers: a tracker. A row with an answer, a type, or a number of its own starts a new
    # entry; one whose recommendation is empty, or goes on from a sentence left unfinished, continues.
    requirement = layout.column(REQUIREMENT)
    text = cells[requirement].text if requirement is not None else ""
    if not text:
        return True
    for role in (ANSWER, KIND):
        filled = layout.column(role)
        if filled is not None and cells[filled].text:
            return False
    if LIST_NUMBER.match(text):
        return False
    words_above = entry.text(REQUIREMENT)
    if not words_above or words_above[-1] in _CLOSING:
        return False
    return not answers_a_provision(text, code)  # a recommendation of its own, however it begins


def _dated(text: str) -> bool:
    return date_and_words(text)[0] is not None


def _heading_text(cells: list[Cell]) -> str:
    """A title row's words: every cell with text, once ("A CONSULTATION … (link to … report)")."""
    return " ".join(cell.text for cell in cells if cell.text)


def _read_register(grid: Grid, reading: Reading) -> bool:
    """Whether the grid is an evidence register; if it is, its rows are added to the reading."""
    rows = [_unique(cells) for cells in grid.rows if any(cell.text for cell in cells)]
    # Its header is the first row, or (in a PDF, where the heading above it can fall inside the
    # ruling) the second.
    found = next(
        (
            (at, columns)
            for at, cells in enumerate(rows[:2])
            if (columns := register_columns([cell.text for cell in cells])) is not None
        ),
        None,
    )
    if found is None:
        return False
    at, (title, where, dated) = found
    for cells in rows[at + 1 :]:
        if cells[title].text.strip():
            reading.register.append(
                Registered(
                    " ".join(cells[title].text.split()),
                    cells[where].text.strip() if where is not None else "",
                    cells[dated].text.strip() if dated is not None else "",
                )
            )
    return True


def _read_waivers(grid: Grid, reading: Reading) -> bool:
    """Whether the grid is a published form's findings set aside; if it is, they are added to the reading."""
    rows = [_unique(cells) for cells in grid.rows if any(cell.text for cell in cells)]
    found = next(
        (
            (at, columns)
            for at, cells in enumerate(rows[:2])
            if (columns := waiver_columns([cell.text for cell in cells])) is not None
        ),
        None,
    )
    if found is None:
        return False
    at, (provision, rule, reason) = found
    for cells in rows[at + 1 :]:
        said = [" ".join(cells[column].text.split()) for column in (provision, rule, reason)]
        if all(said):
            reading.waived.append(Waived(*said))
    return True


def read_entries(grids: list[Grid], code: Code) -> Reading:
    reading = Reading()
    known_numbers = set(code.provisions)
    layout: Layout | None = None
    entry: Entry | None = None
    headings: list[tuple[str, str]] = []
    for index, grid in enumerate(grids):
        if _read_register(grid, reading) or _read_waivers(grid, reading):
            layout = entry = None
            continue
        found_header = False
        # A table with no header row of its own, as wide as the one before, carries its rows on:
        # Word documents often repeat the header only on the first page.
        carried = layout is not None and grid.rows and len(grid.rows[0]) == layout.width
        if not carried:
            layout = None
        for cells, place in zip(grid.rows, grid.places, strict=True):
            cells = _unique(cells)
            if not any(cell.text for cell in cells):
                continue
            header = recognise([cell.text for cell in cells], code)
            if header is not None:
                if not found_header:
                    reading.headers_seen.append((grid.label, [cell.text for cell in cells]))
                found_header = reading.recognised = True
                if layout is not None and header.roles != layout.roles:
                    entry = None  # another kind of table: nothing above it continues into it
                layout = header
                continue
            if layout is None:
                continue  # a title or note above the first header: not an answer
            if _title_row(cells, layout, known_numbers):
                headings.append((place, _heading_text(cells)))
                continue
            if _continues(cells, entry, layout, code):
                assert entry is not None
                entry.add(index, cells)
                continue
            entry = Entry(layout, place, headings=[text for _, text in headings])
            headings = []
            entry.add(index, cells)
            reading.entries.append(entry)
        if not found_header and not carried:
            if any(cell.text for row in grid.rows for cell in row):
                reading.ignored.append(grid)
                first = next(row for row in grid.rows if any(cell.text for cell in row))
                reading.headers_seen.append((grid.label, [cell.text for cell in _unique(first)]))
            entry = None
    reading.leftover_headings = headings
    return reading
