"""Findings as the one JSON object formats.md specifies (`--format json`).

Users' scripts read these keys: a new key may be added, an existing one is never renamed or
removed, nor its meaning changed.

The text is exactly what `json.dumps(..., ensure_ascii=False, indent=2)` writes of the whole
report, but written a finding at a time: a run of 5,000 assessments has some 145,000 findings,
and the standard library's indented writer is pure Python, keeps a piece of text for every
bracket, key and value, and needed the report built as dictionaries first (half a gigabyte).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring
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
    return "".join(pieces(result))


def pieces(result: CheckResult) -> Iterator[str]:
    """The report's text in pieces, one for each finding, to be written as they come."""
    yield "{\n"
    yield f'  "version": {_nested(FORMAT_VERSION)},\n'
    yield f'  "checked": {_nested(result.checked)},\n'
    if result.findings:
        yield '  "findings": [\n'
        last = len(result.findings) - 1
        for index, finding in enumerate(result.findings):
            fields = ",\n".join(
                f"      {encode_basestring(key)}: {_nested(value, 3)}"
                for key, value in finding.as_json().items()
            )
            yield f"    {{\n{fields}\n    }}{',' if index < last else ''}\n"
        yield "  ],\n"
    else:
        yield '  "findings": [],\n'
    yield f'  "organisations": {_nested(result.organisations)},\n'
    yield f'  "totals": {_nested(totals(result))}\n'
    yield "}\n"


def _nested(value: object, depth: int = 1) -> str:
    """`value` as the indented writer writes it `depth` levels in."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, (bool, int)):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
