"""The rule contract: what a rule declares, and all the engine may rely on.

A rule is one module in `check/rules/` that ends with `RULE = Rule(...)`. Its documentation is the
module's docstring (a title line, then *What it checks*, *Why it matters*, *Failing example* and
*Passing example*), which becomes `explain`, `rules`, docs/rules.md and the SARIF rule metadata.
Its `check` is pure: it reads the context and yields `Problem`s, with no printing, no file reading
and no say over severity, which is the engine's and the user's.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from selfassess.check.context import Context
from selfassess.check.findings import Finding, Problem, Severity
from selfassess.check.options import RuleOption

#: "log": a complaints log the document names (or `complaints LOG` reads), whatever the document.
AppliesTo = Literal["assessment", "code", "any", "log"]

#: The usual rule: a document's context in, problems out.
Check = Callable[[Context], Iterable[Problem]]
#: A rule about the other rules' results (a waiver that waives nothing): run after them, told what
#: they found and which of them ran.
Review = Callable[[Context, Sequence[Finding], Collection[str]], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """One rule of the catalogue. Ids are stable: never renumbered, never reused."""

    id: str  # "SA303"
    name: str  # "met-but-admits-shortfall"
    severity: Severity  # its default; the user's configuration may change it
    summary: str  # the one line `selfassess rules` prints
    applies_to: AppliesTo
    doc: str  # the module's docstring
    check: Check | None = None
    review: Review | None = None
    options: tuple[RuleOption, ...] = ()
    by_option: Mapping[str, RuleOption] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if (self.check is None) == (self.review is None):
            raise ValueError(f"{self.id} must have exactly one of check and review")
        object.__setattr__(self, "by_option", {option.name: option for option in self.options})
