"""What rules yield (`Problem`) and what checking produces (`Finding`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any

from selfassess.load.positions import Loc, Position

_NUMBER_PARTS = re.compile(r"\d+|\D+")


@lru_cache(maxsize=4096)  # a run of thousands of files sorts the same few hundred numbers again and again
def provision_order(number: str | None) -> tuple[tuple[int, int | str], ...]:
    """'6.2' before '6.10'; numbers before words."""
    if number is None:
        return ()
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _NUMBER_PARTS.findall(number))


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Problem:
    """A rule's report: a path into the document and a sentence. The engine places and grades it.

    `at_key` points at the key naming the value (an unknown field, a response to no provision)
    rather than the value. `position` is set only where the place is known but has no path (a
    YAML syntax error). `path` is set, with `position`, for a problem in another file the document
    names: a row of its complaints log.
    """

    loc: Loc
    message: str
    provision: str | None = None
    at_key: bool = False
    position: Position | None = None
    path: str | None = None  # another file the document names (its complaints log), as shown


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding, placed in its file and graded. Ordered by (path, line, column, rule)."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    provision: str | None
    message: str
    waived: str | None = None  # the reason given, where the response waives this rule

    @property
    def sort_key(self) -> tuple[object, ...]:
        return (self.path, self.line, self.column, self.rule, provision_order(self.provision), self.message)

    def __lt__(self, other: Finding) -> bool:
        return self.sort_key < other.sort_key

    def as_json(self) -> dict[str, Any]:
        """The finding as formats.md shows it in `--format json`."""
        shown: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "provision": self.provision,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
        }
        if self.waived is not None:
            shown["waived"] = self.waived
        return shown


@dataclass(frozen=True)
class CheckResult:
    """What a check found: the files checked (as shown to the user) and every finding, sorted."""

    checked: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: Whom each assessment checked speaks for, by the name its file is shown by (codes and files
    #: that could not be read have none).
    organisations: dict[str, str] = field(default_factory=dict)

    def count(self, severity: Severity) -> int:
        """Findings of a severity that count (waived findings are listed, not counted)."""
        return sum(1 for finding in self.findings if finding.severity is severity and finding.waived is None)

    @property
    def waived(self) -> int:
        return sum(1 for finding in self.findings if finding.waived is not None)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0


def in_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings ordered by (path, line, column, rule): each key worked out once, not at every
    comparison, as a folder's check sorts hundreds of thousands."""
    return sorted(findings, key=_sort_key)


def _sort_key(finding: Finding) -> tuple[object, ...]:
    return finding.sort_key
