"""What the editor says of a file the workspace has just started from another: what was carried,
what is left to answer (each linked to its place), shown until the file is first saved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from selfassess.model.code import Code
from selfassess.workspace.form_fields import value_at
from selfassess.workspace.parts_view import section_of
from selfassess.workspace.summary import anchor_of


@dataclass(frozen=True)
class Place:
    """A provision, and the address of its place in the editor."""

    number: str
    href: str


@dataclass(frozen=True)
class Started:
    version: str  # the file as written: once it is saved over, this is no longer news
    heading: str
    said: tuple[str, ...]  # what was carried and what was not, a sentence each
    left: tuple[Place, ...]  # the provisions still to answer
    suggestions: tuple[tuple[Place, str], ...] = ()  # related answers to weigh, as the file's notes say
    unit: str = "provision"  # or 'section', for a code answered a section at a time


def place(relative: str, code: Code, number: str) -> Place:
    section = section_of(code).get(number, "details")
    return Place(number, f"/edit/{quote(relative)}?part={quote(section, safe='')}#{anchor_of(number)}")


def unanswered(code: Code, data: Any) -> list[str]:
    """The provisions of `code` the file `data` gives no answer."""
    found = []
    for number in code.provisions:
        answer = value_at(data, ("responses", number, "answer"))
        if not (isinstance(answer, str) and answer.strip()):
            found.append(number)
    return found


def counted(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def places(relative: str, code: Code, numbers: Iterable[str]) -> tuple[Place, ...]:
    return tuple(place(relative, code, number) for number in numbers)


class StartedFiles:
    """What was said of each file started in this run, by its name in the folder."""

    def __init__(self) -> None:
        self._said: dict[str, Started] = {}

    def tell(self, relative: str, started: Started) -> None:
        self._said[relative] = started

    def of(self, relative: str, version: str) -> Started | None:
        found = self._said.get(relative)
        return found if found is not None and found.version == version else None
