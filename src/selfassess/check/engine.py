"""Runs the registered rules over one document's context and turns their problems into findings.

The engine alone decides severity (the rule's default, or the user's setting), which rules run,
and where each problem stands in the file; rules only say what is wrong and about which value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from selfassess.check.context import Context
from selfassess.check.findings import Finding, Problem, in_order
from selfassess.check.registry import RULES
from selfassess.check.rule import Rule
from selfassess.check.settings import Settings
from selfassess.check.waivers import waiver_reason


def _applies(rule: Rule, context: Context) -> bool:
    wanted = rule.applies_to
    if wanted == "any":
        return True
    if wanted == "code":
        return context.is_code and context.code is not None
    if wanted == "log":
        return context.complaints is not None or context.complaints_trouble is not None
    return context.assessment is not None and context.code is not None


def _place(problem: Problem, rule: Rule, context: Context, settings: Settings) -> Finding:
    """The finding a problem makes: placed in the file, graded, and marked if it is waived."""
    positions = context.document.positions
    if problem.position is not None:
        where = problem.position
    elif problem.at_key:
        where = positions.key(problem.loc)
    else:
        where = positions.value(problem.loc)
    finding = Finding(
        path=problem.path or context.document.shown_as,
        line=where.line,
        column=where.column,
        rule=rule.id,
        severity=settings.severity(rule.id, rule.severity),
        provision=problem.provision,
        message=problem.message,
    )
    reason = waiver_reason(finding, context)
    return finding if reason is None else replace(finding, waived=reason)


def run_rules(context: Context, settings: Settings, rules: Iterable[Rule] = RULES) -> list[Finding]:
    """Every finding for one document, sorted.

    A rule that reads the others' findings (SA004, a waiver that waives nothing) runs after them,
    told which rules ran.
    """
    found: list[Finding] = []
    ran: set[str] = set()
    after: list[Rule] = []
    for rule in rules:
        if not settings.runs(rule.id) or not _applies(rule, context):
            continue
        if rule.check is None:
            after.append(rule)
            continue
        ran.add(rule.id)
        for problem in rule.check(context):
            found.append(_place(problem, rule, context, settings))
    earlier = tuple(found)
    for rule in after:
        assert rule.review is not None  # a rule has a check or a review
        for problem in rule.review(context, earlier, frozenset(ran)):
            found.append(_place(problem, rule, context, settings))
    return in_order(found)
