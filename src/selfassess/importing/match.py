"""Which provision each entry answers: by its number ("6.3", "6.3.", " 6.3 "), by the number a
tracker prints ("1." under a theme), or by its requirement's words where the table numbers nothing.

A number the code does not have is kept as written, for `check` to report (SA102): the import
never decides that the user meant something else. Only what has no number and whose words match
no provision, or repeats a provision already answered, is left unplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selfassess.importing.layouts import NUMBER, REQUIREMENT
from selfassess.importing.rows import LIST_NUMBER, Entry
from selfassess.importing.similar import closest
from selfassess.model.code import Code, Provision


@dataclass(frozen=True)
class Placed:
    entry: Entry
    number: str  # the response's key: the code's own spelling, or the number as written
    provision: Provision | None  # None: a number the code does not have


@dataclass(frozen=True)
class Unplaced:
    entry: Entry
    reason: str  # why, as the middle of a sentence: "it has no provision number"


def written_number(entry: Entry) -> str:
    """The entry's number as written, without the spaces and the full stop around it."""
    parts = entry.texts(NUMBER)
    if not parts:
        return ""
    return parts[0].strip().splitlines()[0].strip().rstrip(".):").strip()


def requirement_and_number(entry: Entry) -> tuple[str, str]:
    """The requirement's text without a list number in front ("1. That the Council…"), and that number."""
    text = entry.text(REQUIREMENT)
    found = LIST_NUMBER.match(text)
    if found is None:
        return text, ""
    return text[found.end() :], found.group(1)


class _Placer:
    def __init__(self, code: Code) -> None:
        self.code = code
        self.provisions = list(code.provisions.values())
        self.order = {provision.number: i for i, provision in enumerate(self.provisions)}
        self.by_folded = {provision.number.casefold(): provision for provision in self.provisions}
        self.used: dict[str, str] = {}  # response key -> the place of the row that answered it
        self.last = -1  # the code's order of the provision placed last
        self.notes: list[str] = []  # what the user should check, each the end of a sentence

    def _by_words(self, text: str, among: list[Provision]) -> Provision | None:
        return closest(text, [p for p in among if p.number not in self.used])

    def _next_unused(self, among: list[Provision]) -> Provision | None:
        """Of provisions sharing a printed number, the first after the last one placed."""
        later = [p for p in among if p.number not in self.used and self.order[p.number] > self.last]
        return later[0] if later else None

    def _by_number(self, number: str, entry: Entry, text: str) -> Provision | None:
        found = self.by_folded.get(number.casefold())
        if found is not None and entry.numeric_number and re.fullmatch(r"\d+\.\d+", number):
            # A spreadsheet keeps 6.10 as the number 6.1: where 6.1 is taken or already passed,
            # and 6.10 is there to be answered, the row was 6.10.
            longer = self.code.provisions.get(f"{number}0")
            taken = found.number in self.used or self.order[found.number] < self.last
            if longer is not None and taken and longer.number not in self.used:
                self.notes.append(
                    f"{entry.place}: the number {number} is taken to be {longer.number}, which a spreadsheet "
                    f"shows as {number} unless the cell is text; check that it is"
                )
                return longer
        if found is not None:
            return found
        shared = [
            p
            for p in self.provisions
            if p.display_number and p.display_number.casefold() == number.casefold()
        ]
        if len(shared) > 1:
            return self._by_words(text, shared) or self._next_unused(shared)
        return shared[0] if shared else None

    def place(self, entry: Entry) -> Placed | Unplaced:
        number = written_number(entry)
        text, listed = requirement_and_number(entry)
        provision = self._by_number(number or listed, entry, text) if number or listed else None
        if provision is None and not number:
            provision = self._by_words(text, self.provisions)
        key = provision.number if provision is not None else number
        if not key:
            if text:
                return Unplaced(entry, f"its text matches no provision of {self.code.id}")
            return Unplaced(entry, "it has no provision number, and no row above it to continue")
        if key in self.used:
            return Unplaced(entry, f"{key} is answered already ({self.used[key]})")
        self.used[key] = entry.place
        if provision is not None:
            self.last = self.order[provision.number]
        return Placed(entry, key, provision)


def place_entries(entries: list[Entry], code: Code) -> tuple[list[Placed], list[Unplaced], list[str]]:
    """Each entry placed or not, and notes ("table 1, row 4: …") on placings the user should check."""
    placer = _Placer(code)
    placed: list[Placed] = []
    unplaced: list[Unplaced] = []
    for entry in entries:
        result = placer.place(entry)
        if isinstance(result, Placed):
            placed.append(result)
        else:
            unplaced.append(result)
    return placed, unplaced, placer.notes
