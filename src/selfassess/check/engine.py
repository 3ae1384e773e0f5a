"""Runs the registered rules over one document's context and turns their problems into findings.

The engine alone decides severity (the rule's default, or the user's setting), which rules run,
and where each problem stands in the file; rules only say what is wrong and about which value.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from selfassess.check.context import Context
from selfassess.check.findings import Finding, Problem
from selfassess.check.registry import RULES
from selfassess.check.settings import Settings


def _applies(rule: ModuleType, context: Context) -> bool:
    wanted = rule.APPLIES_TO
    if wanted == "any":
        return True
    if wanted == "code":
        return context.is_code and context.code is not None
    return context.assessment is not None and context.code is not None


def _place(problem: Problem, rule: ModuleType, context: Context, settings: Settings) -> Finding:
    positions = context.document.positions
    if problem.position is not None:
        where = problem.position
    elif problem.at_key:
        where = positions.key(problem.loc)
    else:
        where = positions.value(problem.loc)
    return Finding(
        path=context.document.shown_as,
        line=where.line,
        column=where.column,
        rule=rule.ID,
        severity=settings.severity(rule.ID, rule.SEVERITY),
        provision=problem.provision,
        message=problem.message,
    )


def run_rules(context: Context, settings: Settings, rules: Iterable[ModuleType] = RULES) -> list[Finding]:
    """Every finding for one document, sorted."""
    found: list[Finding] = []
    for rule in rules:
        if not settings.runs(rule.ID) or not _applies(rule, context):
            continue
        for problem in rule.check(context):
            found.append(_place(problem, rule, context, settings))
    return sorted(found)
