"""How a user tunes the rules: which run, how severe each is, and the limits on a file.

Settings come from the nearest configuration file (see `load.config`) and the command line's
`--select` / `--ignore`, which override it. A rule is chosen by its id (`SA303`) or by a prefix
naming a family (`SA3` is every commentary and action rule).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from selfassess.check.findings import Severity
from selfassess.check.registry import BY_ID
from selfassess.check.rule import Rule
from selfassess.load.config import ConfigError, RawConfig
from selfassess.load.yaml_source import Limits

#: A file that cannot be read has not been checked at all, so this rule can be neither switched
#: off nor made less than an error: otherwise an unreadable file would pass as "no findings".
ALWAYS = "SA001"


@dataclass(frozen=True)
class Settings:
    """The engine's options; the defaults are the rule catalogue's."""

    severities: Mapping[str, Severity] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    limits: Limits = field(default_factory=Limits)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule id -> its options
    complaint_columns: tuple[tuple[str, str], ...] = ()  # [complaints.columns]: field, heading

    def runs(self, rule_id: str) -> bool:
        if rule_id == ALWAYS:
            return True
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
    rule_ids = tuple(BY_ID)
    where = str(raw.path) if raw.path else "the configuration"
    severities: dict[str, Severity] = {}
    for rule, level in raw.severity:
        _known((rule,), where, rule_ids)
        if rule not in BY_ID:
            raise ConfigError(f"{where}: a severity is set for '{rule}'; give a whole rule id such as SA303")
        if rule == ALWAYS and level != "error":
            raise ConfigError(
                f"{where}: {ALWAYS} is always an error: a file that cannot be read has not been checked"
            )
        severities[rule] = Severity(level)
    chosen = _known(select, "--select", rule_ids) if select is not None else None
    if chosen is None and raw.select is not None:
        chosen = _known(raw.select, where, rule_ids)
    ignored = _known(raw.ignore, where, rule_ids) + _known(ignore, "--ignore", rule_ids)
    if ALWAYS in ignored:
        raise ConfigError(f"{ALWAYS} cannot be ignored: a file that cannot be read has not been checked")
    return Settings(
        severities, ignored, chosen, raw.limits, _options(raw, where, BY_ID), raw.complaint_columns
    )


def _options(raw: RawConfig, where: str, rules: Mapping[str, Rule]) -> dict[str, dict[str, Any]]:
    """[rules.SA505] days = 120: checked against the options the rule itself declares."""
    found: dict[str, dict[str, Any]] = {}
    for rule_id, name, value in raw.rule_options:
        rule = rules.get(rule_id)
        if rule is None:
            raise ConfigError(f"{where}: [rules.{rule_id}]: there is no rule {rule_id}")
        option = rule.by_option.get(name)
        if option is None:
            known = ", ".join(rule.by_option) or "none"
            raise ConfigError(f"{where}: [rules.{rule_id}] has no option '{name}' (its options: {known})")
        if not option.accepts(value):
            raise ConfigError(f"{where}: [rules.{rule_id}] {name} should be {option.meaning}")
        found.setdefault(rule_id, {})[name] = value
    return found


def for_publication(settings: Settings) -> Settings:
    """The settings the publish gate uses: the catalogue's own choices of rules and severities,
    whatever a configuration says (only its limits on reading a file still apply). A local
    choice to quieten a check must not let a form with a gap be published without a trace;
    a provision's own waiver, with its reason, is the way to set a finding aside there. A rule's
    options (a threshold) still apply: they tune what a rule finds, not whether it counts."""
    return Settings(
        limits=settings.limits, options=settings.options, complaint_columns=settings.complaint_columns
    )
