"""The rule catalogue, drawn from each rule module's own docstring (its one source)."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from types import ModuleType

from selfassess.check.registry import BY_ID, RULES

PARTS = ("What it checks", "Why it matters", "Failing example", "Passing example")
_HEADING = re.compile(r"^(What it checks|Why it matters|Failing example|Passing example):\s*$", re.MULTILINE)


@dataclass(frozen=True)
class RuleDoc:
    id: str
    name: str
    severity: str
    summary: str
    title: str
    parts: dict[str, str]


def document(rule: ModuleType) -> RuleDoc:
    """A rule's documentation: its title line and the four parts of its docstring."""
    text = inspect.cleandoc(rule.__doc__ or "")
    title, _, body = text.partition("\n")
    pieces = _HEADING.split(body)
    parts = {pieces[i]: inspect.cleandoc(pieces[i + 1]) for i in range(1, len(pieces) - 1, 2)}
    return RuleDoc(rule.ID, rule.NAME, rule.SEVERITY.value, rule.SUMMARY, title.strip(), parts)


def rule_table() -> str:
    """One line per rule: id, default severity, what it finds."""
    lines = [f"{rule.ID}  {rule.SEVERITY.value:<7}  {rule.SUMMARY}" for rule in RULES]
    return "\n".join(lines) + "\n"


def explain(rule_id: str) -> str | None:
    """The whole entry for one rule, as `selfassess explain` prints it."""
    rule = BY_ID.get(rule_id.strip().upper())
    if rule is None:
        return None
    doc = document(rule)
    lines = [f"{doc.id} ({doc.name}) — default severity: {doc.severity}", "", doc.title, ""]
    for part in PARTS:
        lines += [
            f"{part}:",
            *("    " + line if line else "" for line in doc.parts.get(part, "").splitlines()),
            "",
        ]
    return "\n".join(lines)
