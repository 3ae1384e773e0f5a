"""The one list of rules selfassess runs. Ids are stable: never renumbered, never reused."""

from __future__ import annotations

from types import ModuleType

from selfassess.check.rules import (
    sa001_unreadable,
    sa002_inconsistent_code,
    sa101_gap,
    sa102_unknown_provision,
    sa103_answer_vocabulary,
    sa503_unreadable_date,
)

RULES: tuple[ModuleType, ...] = (
    sa001_unreadable,
    sa002_inconsistent_code,
    sa101_gap,
    sa102_unknown_provision,
    sa103_answer_vocabulary,
    sa503_unreadable_date,
)

BY_ID: dict[str, ModuleType] = {rule.ID: rule for rule in RULES}
