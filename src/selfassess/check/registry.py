"""The one list of rules selfassess runs. Ids are stable: never renumbered, never reused.

Each rule is a module of `selfassess.check.rules`, named here once, in catalogue order; nothing
is discovered.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

_MODULES = (
    "sa001_unreadable",
    "sa002_inconsistent_code",
    "sa003_waiver",
    "sa004_unused_waiver",
    "sa101_gap",
    "sa102_unknown_provision",
    "sa103_answer_vocabulary",
    "sa201_met_without_evidence",
    "sa202_stale_evidence",
    "sa203_evidence_file",
    "sa204_unknown_evidence_key",
    "sa301_shortfall_unexplained",
    "sa302_shortfall_without_action",
    "sa303_met_but_admits_shortfall",
    "sa401_limit_always_breaks_code",
    "sa402_limit_sometimes_breaks_code",
    "sa403_limit_stated_two_ways",
    "sa404_deliverable_after_deadline",
    "sa501_overdue_action",
    "sa502_action_unowned_or_undated",
    "sa503_unreadable_date",
    "sa504_action_ends_before_start",
    "sa505_open_too_long",
    "sa506_action_after_deadline",
    "sa507_awaiting_response",
    "sa601_unapproved_publication",
)

RULES: tuple[ModuleType, ...] = tuple(import_module(f"selfassess.check.rules.{name}") for name in _MODULES)

BY_ID: dict[str, ModuleType] = {rule.ID: rule for rule in RULES}
