"""Which provision each entry answers: by its number ("6.3", "6.3.", " 6.3 "), by the number a
tracker prints ("1." under a theme), or by its requirement's words where the table numbers nothing.

A number the code does not have is kept as written, for `check` to report (SA102): the import
never decides that the user meant something else. Only what has no number and whose words match
no provision, or repeats a provision already answered, is left unplaced.

An action plan's row is an action, placed by its link ("Audit Commission R1.1, R3.1 & R6.1"): under
the first provision the link names (R1.1 is a part of R1), the others kept as the parts it also
serves. A link that names no number is placed by its words, where they plainly speak of one
provision ("Allocation of Council Homes"); an action with no such link goes under the provision
the user names for them (`--unlinked`), or is left unplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selfassess.importing.layouts import LINK, NUMBER, REQUIREMENT
from selfassess.importing.rows import LIST_NUMBER, Entry
from selfassess.importing.similar import closest, words
from selfassess.model.code import Code, Provision


@dataclass(frozen=True)
class Placed:
    entry: Entry
    number: str  # the response's key: the code's own spelling, or the number as written
    provision: Provision | None  # None: a number the code does not have
    serves: tuple[str, ...] = ()  # an action's: the other provisions (or parts) its link names
    why: str = ""  # an action placed other than by a number in its link: how, for the comment above it


@dataclass(frozen=True)
class Unplaced:
    entry: Entry
    reason: str  # why, as the middle of a sentence: "it has no provision number"
    unlinked: bool = False  # an action whose link names no provision: --unlinked would place it


# A number as a link writes it: "R1.1", "R 5.4", "6.3", "R5".
_REFERENCE = re.compile(r"(?<![A-Za-z0-9.])[A-Za-z]{0,4} ?\d+(?:\.\d+)*(?![\d])")
_PART = re.compile(r"\.\d+$")
# Words a link uses for the kind of document it points to, not its subject: "Allocations Review"
# speaks of allocations, "HQN Plan" of the HQN.
_DOCUMENT_WORDS = {
    "review",
    "plan",
    "report",
    "inspection",
    "audit",
    "recommendation",
    "action",
    "strategy",
    "document",
    "finding",
    "link",
}
_SMALL = {"a", "an", "and", "the", "of", "for", "on", "in", "to", "with", "by", "at", "or", "its"}


def link_references(text: str, code: Code) -> list[tuple[str, str | None]]:
    """Each number a link names, as written, with the provision it is (or is a part of) if any:
    "Audit Commission R1.1, R 5.4" -> [("R1.1", "R1"), ("R 5.4", "R5")]."""
    by_folded = {number.casefold(): number for number in code.provisions}

    def provision_of(reference: str) -> str | None:
        while reference not in by_folded and _PART.search(reference):
            reference = _PART.sub("", reference)
        return by_folded.get(reference)

    found = []
    for match in _REFERENCE.finditer(text):
        written = match.group().strip()
        reference = written.replace(" ", "").casefold()
        # "Rec 3" for a code numbered 1, 2, 3: the number without the letters in front of it
        number = provision_of(reference) or provision_of(reference.lstrip("abcdefghijklmnopqrstuvwxyz"))
        found.append((written, number))
    return found


def _stemmed(text: str) -> set[str]:
    """A text's words, each without a plural's s: "Allocations" and "allocation" are one word."""
    return {word[:-1] if len(word) > 4 and word.endswith("s") else word for word in words(text).split()}


def written_number(entry: Entry) -> str:
    """The entry's number as written, without the spaces and the full stop around it."""
    parts = entry.texts(NUMBER)
    if not parts:
        return ""
    first = parts[0].strip().splitlines()[0].strip()
    titled = _NUMBER_AND_TITLE.match(first)  # "1: Definition of a complaint", a section by its title
    return titled.group(1) if titled else first.rstrip(".):").strip()


_NUMBER_AND_TITLE = re.compile(r"(\d+(?:\.\d+)*)\s*[:.)–-]\s+[^\d\s]")


# A published tracker's first line above a recommendation's text: its kind and number ("Recommendation
# R3", "Information 17", "Action 2").
_KIND_AND_NUMBER = re.compile(
    r"^\s*(?:recommendation|information|action)\s+(\S{1,20}?)(?:\s*\n|\.\s+)", re.IGNORECASE
)


def requirement_and_number(entry: Entry) -> tuple[str, str]:
    """The requirement's text without a list number in front ("1. That the Council…"), or the line a
    published tracker prints above it ("Recommendation R3"), and that number."""
    text = entry.text(REQUIREMENT)
    found = LIST_NUMBER.match(text) or _KIND_AND_NUMBER.match(text)
    if found is None:
        return text, ""
    return text[found.end() :], found.group(1)


class _Placer:
    def __init__(self, code: Code, unlinked: str | None = None) -> None:
        self.code = code
        self.provisions = list(code.provisions.values())
        self.order = {provision.number: i for i, provision in enumerate(self.provisions)}
        self.by_folded = {provision.number.casefold(): provision for provision in self.provisions}
        self.used: dict[str, str] = {}  # response key -> the place of the row that answered it
        self.unlinked = unlinked  # where actions whose link names no provision go
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

    def _by_link_words(self, link: str) -> Provision | None:
        """The one provision whose text (with its theme and section title) has most of the words
        of a link that names no number, leaving out the publisher's name and words for a kind of
        document: "Audit Commission Allocation of Council Homes" -> the audit of allocations."""
        unspoken = _stemmed(self.code.publisher or "") | _DOCUMENT_WORDS | _SMALL
        said = _stemmed(link) - unspoken
        if not said:
            return None
        scores: dict[str, int] = {}
        for section in self.code.sections:
            for provision in section.provisions:
                text = " ".join(filter(None, (provision.text, provision.heading, section.title)))
                scores[provision.number] = len(said & _stemmed(text))
        best = max(scores.values(), default=0)
        winners = [number for number, score in scores.items() if score == best]
        if 2 * best <= len(said) or len(winners) != 1:
            return None
        return self.code.provisions[winners[0]]

    def _place_action(self, entry: Entry) -> Placed | Unplaced:
        link = entry.text(LINK)
        named = self.by_folded.get(" ".join(link.split()).casefold())
        if named is not None:  # the provision's own number, as a published plan prints it ("other")
            return Placed(entry, named.number, named)
        references = link_references(link, self.code)
        first = next((i for i, (_, number) in enumerate(references) if number), None)
        if first is not None:
            number = references[first][1]
            assert number is not None
            serves = tuple(written for i, (written, found) in enumerate(references) if found and i != first)
            return Placed(entry, number, self.code.provisions[number], serves)
        shown = " ".join(link.split())
        provision = self._by_link_words(link)
        if provision is not None:
            why = f"Placed here by the words of its link, '{shown}': check that it belongs here."
            self.notes.append(
                f"{entry.place}: the action's link, '{shown}', gives no number, so it is placed under "
                f"{provision.number} by its words; check that it belongs there"
            )
            return Placed(entry, provision.number, provision, why=why)
        if self.unlinked is not None:
            said = f"Its link, '{shown}', names no provision of {self.code.id}" if shown else "No link"
            why = f"{said}: here as --unlinked asked."
            return Placed(entry, self.unlinked, self.code.provisions[self.unlinked], why=why)
        if shown:
            return Unplaced(entry, f"its link, '{shown}', names no provision of {self.code.id}", True)
        return Unplaced(entry, "its link to a recommendation is empty", True)

    def place(self, entry: Entry) -> Placed | Unplaced:
        if entry.layout.is_action_plan:
            return self._place_action(entry)
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


def place_entries(
    entries: list[Entry], code: Code, unlinked: str | None = None
) -> tuple[list[Placed], list[Unplaced], list[str]]:
    """Each entry placed or not, and notes ("table 1, row 4: …") on placings the user should check.
    `unlinked`: the provision for an action plan's actions whose link names none."""
    placer = _Placer(code, unlinked)
    placed: list[Placed] = []
    unplaced: list[Unplaced] = []
    for entry in entries:
        result = placer.place(entry)
        if isinstance(result, Placed):
            placed.append(result)
        else:
            unplaced.append(result)
    return placed, unplaced, placer.notes
