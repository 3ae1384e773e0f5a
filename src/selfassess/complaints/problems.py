"""What can be wrong with a log, found while reading and judging it; `check` turns each into a
finding of its rule (SA701 to SA705), placed at the row and column it is about."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    UNREADABLE_LOG = "unreadable-log"  # SA701: the file, or a column it needs
    UNREADABLE_VALUE = "unreadable-value"  # SA702: a cell that cannot be read
    IMPOSSIBLE_SEQUENCE = "impossible-sequence"  # SA703: dates that cannot have happened in that order
    DUPLICATE_REFERENCE = "duplicate-reference"  # SA704
    EXTENSION_BEYOND_CODE = "extension-beyond-code"  # SA705


@dataclass(frozen=True, slots=True)
class LogProblem:
    kind: Kind
    row: int  # 1-based, as a spreadsheet numbers rows (the heading row included)
    column: int  # 1-based
    message: str  # one plain sentence; never the text of a cell that is not shaped as it should be
