"""How a user tunes the rules: which run, how severe each is, and the limits on a file.

Settings come from the nearest configuration file (see `load.config`) and the command line's
`--select` / `--ignore`, which override it. A rule is chosen by its id (`SA303`) or by a prefix
naming a family (`SA3` is every commentary and action rule).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from selfassess.check.findings import Severity
from selfassess.load.config import ConfigError, RawConfig
from selfassess.load.yaml_source import Limits


@dataclass(frozen=True)
class Settings:
    """The engine's options; the defaults are the rule catalogue's."""

    severities: Mapping[str, Severity] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    limits: Limits = field(default_factory=Limits)

    def runs(self, rule_id: str) -> bool:
        if any(rule_id.startswith(prefix) for prefix in self.ignore):
            return False
        return self.select is None or any(rule_id.startswith(prefix) for prefix in self.select)

    def severity(self, rule_id: str, default: Severity) -> Severity:
        return self.severities.get(rule_id, default)


def _known(chosen: tuple[str, ...], where: str, rule_ids: tuple[str, ...]) -> tuple[str, ...]:
    for prefix in chosen:
        if not any(rule.startswith(prefix) for rule in rule_ids):
            raise ConfigError(
                f"{where}: '{prefix}' is not a rule or a family of rules ('selfassess rules' lists them)"
            )
    return chosen


def settings_from(
    raw: RawConfig, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = ()
) -> Settings:
    """Settings from a configuration, with the command line's choices on top."""
    from selfassess.check.registry import BY_ID

    rule_ids = tuple(BY_ID)
    where = str(raw.path) if raw.path else "the configuration"
    severities: dict[str, Severity] = {}
    for rule, level in raw.severity:
        _known((rule,), where, rule_ids)
        if rule not in BY_ID:
            raise ConfigError(f"{where}: a severity is set for '{rule}'; give a whole rule id such as SA303")
        severities[rule] = Severity(level)
    chosen = _known(select, "--select", rule_ids) if select is not None else None
    if chosen is None and raw.select is not None:
        chosen = _known(raw.select, where, rule_ids)
    ignored = _known(raw.ignore, where, rule_ids) + _known(ignore, "--ignore", rule_ids)
    return Settings(severities, ignored, chosen, raw.limits)
