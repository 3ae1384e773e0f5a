"""Where each cell of a Word table stands on the table's grid, read from the XML in one pass.

python-docx finds the cell above a vertically merged one by recursion, one call per merged row
(a column merged down a thousand rows exhausts Python's stack), and repeats a cell once per grid
column it claims to span, trusting `w:gridSpan` and `w:gridBefore` whatever they say (a span of
fifty million is fifty million cells). Here each row is walked once, left to right, keeping the
cell that stands in each grid column of the row above; and no row is laid wider than the table's
own grid, or than Word's limit of 63 columns when the grid says nothing.
"""

from __future__ import annotations

from typing import Any

#: Word's own limit: a table has at most 63 columns.
MAX_COLUMNS = 63

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def qn(name: str) -> str:
    """A `w:` tag as lxml names it (python-docx's own `qn`, without importing python-docx)."""
    return _W + name.removeprefix("w:")


_TR, _TC, _TR_PR, _TC_PR = qn("w:tr"), qn("w:tc"), qn("w:trPr"), qn("w:tcPr")
_GRID_COL = f"{qn('w:tblGrid')}/{qn('w:gridCol')}"
_VAL = qn("w:val")


class TooWide(ValueError):
    """A row has more cells than Word's limit; the row's number (from 1) is `row`."""

    def __init__(self, row: int) -> None:
        super().__init__(row)
        self.row = row


def _number(element: Any, tag: str, default: int) -> int:
    """A property's `w:val` as a whole number, or `default` where it is missing or not a number."""
    found = element.find(qn(tag)) if element is not None else None
    if found is None:
        return default
    try:
        return int(found.get(_VAL, default))
    except ValueError:
        return default


def _continues(tc: Any) -> bool:
    """Whether the cell carries on the merge of the cell above (`w:vMerge` without "restart")."""
    properties = tc.find(_TC_PR)
    merge = properties.find(qn("w:vMerge")) if properties is not None else None
    return merge is not None and merge.get(_VAL, "continue") != "restart"


def rows_of(table: Any) -> list[Any]:
    """The table's own rows (`w:tr`), not those of tables inside its cells."""
    return list(table.iterchildren(_TR))


def layout(table: Any) -> list[list[tuple[tuple[int, int], Any] | None]]:
    """Each row's grid places: the (row, column) where the cell there starts and its `w:tc`
    element (a merged cell's first one), or None for a place before the row's first cell.

    Raises TooWide for a row of more cells than any table Word makes.
    """
    width = len(table.findall(_GRID_COL))
    laid: list[list[tuple[tuple[int, int], Any] | None]] = []
    above: list[tuple[tuple[int, int], Any] | None] = []
    for r, tr in enumerate(rows_of(table)):
        cells = list(tr.iterchildren(_TC))
        if len(cells) > MAX_COLUMNS:
            raise TooWide(r + 1)
        # A row is as wide as the grid, or as its cells if they are more: every cell keeps at
        # least one place, and nothing the grid does not have is made up for a span.
        room = max(width, len(cells)) if width else MAX_COLUMNS
        before = min(max(_number(tr.find(_TR_PR), "w:gridBefore", 0), 0), room - len(cells))
        row: list[tuple[tuple[int, int], Any] | None] = [None] * before
        for index, tc in enumerate(cells):
            column = len(row)
            left_for_the_rest = len(cells) - index - 1
            span = min(max(_number(tc.find(_TC_PR), "w:gridSpan", 1), 1), room - column - left_for_the_rest)
            start = above[column] if column < len(above) and _continues(tc) else None
            place = start if start is not None else ((r, column), tc)
            row.extend([place] * max(span, 1))
        laid.append(row)
        above = row
    return laid
