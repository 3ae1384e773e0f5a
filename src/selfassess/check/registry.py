"""The one list of rules selfassess runs, in catalogue order. Ids are stable: never renumbered,
never reused. Each rule is imported here by name; nothing is discovered.
"""

from __future__ import annotations

from selfassess.check.rule import Rule
from selfassess.check.rules import (
    sa001_unreadable,
    sa002_inconsistent_code,
    sa003_waiver,
    sa004_unused_waiver,
    sa101_gap,
    sa102_unknown_provision,
    sa103_answer_vocabulary,
    sa201_met_without_evidence,
    sa202_stale_evidence,
    sa203_evidence_file,
    sa204_unknown_evidence_key,
    sa301_shortfall_unexplained,
    sa302_shortfall_without_action,
    sa303_met_but_admits_shortfall,
    sa401_limit_always_breaks_code,
    sa402_limit_sometimes_breaks_code,
    sa403_limit_stated_two_ways,
    sa404_deliverable_after_deadline,
    sa405_limit_as_an_average,
    sa501_overdue_action,
    sa502_action_unowned_or_undated,
    sa503_unreadable_date,
    sa504_action_ends_before_start,
    sa505_open_too_long,
    sa506_action_after_deadline,
    sa507_awaiting_response,
    sa601_unapproved_publication,
)

RULES: tuple[Rule, ...] = (
    sa001_unreadable.RULE,
    sa002_inconsistent_code.RULE,
    sa003_waiver.RULE,
    sa004_unused_waiver.RULE,
    sa101_gap.RULE,
    sa102_unknown_provision.RULE,
    sa103_answer_vocabulary.RULE,
    sa201_met_without_evidence.RULE,
    sa202_stale_evidence.RULE,
    sa203_evidence_file.RULE,
    sa204_unknown_evidence_key.RULE,
    sa301_shortfall_unexplained.RULE,
    sa302_shortfall_without_action.RULE,
    sa303_met_but_admits_shortfall.RULE,
    sa401_limit_always_breaks_code.RULE,
    sa402_limit_sometimes_breaks_code.RULE,
    sa403_limit_stated_two_ways.RULE,
    sa404_deliverable_after_deadline.RULE,
    sa405_limit_as_an_average.RULE,
    sa501_overdue_action.RULE,
    sa502_action_unowned_or_undated.RULE,
    sa503_unreadable_date.RULE,
    sa504_action_ends_before_start.RULE,
    sa505_open_too_long.RULE,
    sa506_action_after_deadline.RULE,
    sa507_awaiting_response.RULE,
    sa601_unapproved_publication.RULE,
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
