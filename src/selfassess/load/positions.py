"""Where each value of a document stands in its file, kept beside the data (never inside it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

#: A path into a document, exactly as pydantic reports it in an error's `loc`:
#: mapping keys as text, list positions as numbers, e.g. ("responses", "6.3", "actions", 0, "due").
Loc = tuple[str | int, ...]


class Position(NamedTuple):
    """A 1-based line and column. A named tuple: a file has one per value, made at parse speed."""

    line: int
    column: int


START = Position(1, 1)


@dataclass(frozen=True)
class LoadProblem:
    """Something wrong with the file itself, at a place in it (reported as SA001)."""

    position: Position
    message: str
    loc: Loc = ()


class Positions:
    """The source position of every value, and of every mapping key, keyed by its `Loc`.

    A lookup for a path the document does not have (a missing field, a pydantic `loc` that goes
    deeper than the data) falls back to the nearest enclosing value, so every finding has a place.
    """

    __slots__ = ("_keys", "_values")

    def __init__(self) -> None:
        self._values: dict[Loc, Position] = {}
        self._keys: dict[Loc, Position] = {}

    def set_value(self, loc: Loc, position: Position) -> None:
        self._values[loc] = position

    def set_key(self, loc: Loc, position: Position) -> None:
        self._keys[loc] = position

    def setters(self) -> tuple[Callable[[Loc, Position], None], Callable[[Loc, Position], None]]:
        """`set_value` and `set_key` as the dictionaries' own methods, for the loader, which calls
        them for every value of every file."""
        return self._values.__setitem__, self._keys.__setitem__

    def value(self, loc: Loc) -> Position:
        """Where the value at `loc` starts (or its nearest enclosing value)."""
        values = self._values
        while loc:
            found = values.get(loc)
            if found is not None:
                return found
            loc = loc[:-1]
        return values.get((), START)

    def key(self, loc: Loc) -> Position:
        """Where the key naming the value at `loc` is written (or, failing that, the value)."""
        found = self._keys.get(loc)
        if found is not None:
            return found
        return self.value(loc)

    def has(self, loc: Loc) -> bool:
        return loc in self._values

    def __len__(self) -> int:
        return len(self._values)
