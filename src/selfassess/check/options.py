"""A rule's settings: what a user may tune in `selfassess.toml` (`[rules.SA505] days = 120`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleOption:
    """A setting a user may give a rule in `selfassess.toml` (`[rules.SA505] days = 120`)."""

    name: str
    default: int
    meaning: str  # what a valid value is, in words: "a whole number of days above 0"
    describes: str  # what it changes, for `explain` and docs/rules.md

    def accepts(self, value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 1
