"""How a user tunes the rules: severities, rules switched off, limits. Read from configuration."""

from __future__ import annotations

from dataclasses import dataclass, field

from selfassess.check.findings import Severity
from selfassess.load.yaml_source import Limits


@dataclass(frozen=True)
class Settings:
    """The engine's options; the defaults are what formats.md says."""

    severities: dict[str, Severity] = field(default_factory=dict)  # rule id -> severity
    ignore: frozenset[str] = frozenset()  # rule ids not run
    select: frozenset[str] | None = None  # when set, only these rule ids run
    limits: Limits = field(default_factory=Limits)

    def runs(self, rule_id: str) -> bool:
        if rule_id in self.ignore:
            return False
        return self.select is None or rule_id in self.select

    def severity(self, rule_id: str, default: Severity) -> Severity:
        return self.severities.get(rule_id, default)
