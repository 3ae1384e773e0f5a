"""Runs the registered rules over one document's context and turns their problems into findings.

The engine alone decides severity (the rule's default, or the user's setting), which rules run,
and where each problem stands in the file; rules only say what is wrong and about which value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from types import ModuleType

from selfassess.check.context import Context
from selfassess.check.findings import Finding, Problem
from selfassess.check.registry import RULES
from selfassess.check.settings import Settings
from selfassess.check.waivers import waiver_reason


def _applies(rule: ModuleType, context: Context) -> bool:
    wanted = rule.APPLIES_TO
    if wanted == "any":
        return True
    if wanted == "code":
        return context.is_code and context.code is not None
    return context.assessment is not None and context.code is not None


def _place(problem: Problem, rule: ModuleType, context: Context, settings: Settings) -> Finding:
    """The finding a problem makes: placed in the file, graded, and marked if it is waived."""
    positions = context.document.positions
    if problem.position is not None:
        where = problem.position
    elif problem.at_key:
        where = positions.key(problem.loc)
    else:
        where = positions.value(problem.loc)
    finding = Finding(
        path=context.document.shown_as,
        line=where.line,
        column=where.column,
        rule=rule.ID,
        severity=settings.severity(rule.ID, rule.SEVERITY),
        provision=problem.provision,
        message=problem.message,
    )
    reason = waiver_reason(finding, context)
    return finding if reason is None else replace(finding, waived=reason)


def run_rules(context: Context, settings: Settings, rules: Iterable[ModuleType] = RULES) -> list[Finding]:
    """Every finding for one document, sorted.

    A rule that reads the others' findings (SA004, a waiver that waives nothing) runs after them,
    told which rules ran.
    """
    found: list[Finding] = []
    ran: set[str] = set()
    after: list[ModuleType] = []
    for rule in rules:
        if not settings.runs(rule.ID) or not _applies(rule, context):
            continue
        if getattr(rule, "READS_FINDINGS", False):
            after.append(rule)
            continue
        ran.add(rule.ID)
        for problem in rule.check(context):
            found.append(_place(problem, rule, context, settings))
    earlier = tuple(found)
    for rule in after:
        for problem in rule.check(context, earlier, frozenset(ran)):
            found.append(_place(problem, rule, context, settings))
    return sorted(found)
