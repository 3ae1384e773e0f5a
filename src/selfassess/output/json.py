"""Findings as the one JSON object formats.md specifies (`--format json`).

Users' scripts read these keys: a new key may be added, an existing one is never renamed or
removed, nor its meaning changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from selfassess.check.findings import CheckResult, Finding

FORMAT_VERSION = 1


def _tally(result: CheckResult, key: Callable[[Finding], str], keys: list[str]) -> dict[str, dict[str, int]]:
    """Findings counted by `key`: each severity of those that count, and those waived apart."""
    totals = {name: {"error": 0, "warning": 0, "info": 0, "waived": 0} for name in keys}
    for finding in result.findings:
        counts = totals.setdefault(key(finding), {"error": 0, "warning": 0, "info": 0, "waived": 0})
        counts["waived" if finding.waived is not None else finding.severity.value] += 1
    return totals


def totals(result: CheckResult) -> dict[str, Any]:
    """Per file (every file checked, those with nothing found too) and per rule, in order."""
    by_rule = _tally(result, lambda finding: finding.rule, [])
    return {
        "files": _tally(result, lambda finding: finding.path, list(result.checked)),
        "rules": dict(sorted(by_rule.items())),
    }


def render(result: CheckResult) -> str:
    document = {
        "version": FORMAT_VERSION,
        "checked": result.checked,
        "findings": [finding.as_json() for finding in result.findings],
        "organisations": result.organisations,
        "totals": totals(result),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
