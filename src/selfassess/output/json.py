"""Findings as the one JSON object formats.md specifies (`--format json`)."""

from __future__ import annotations

import json

from selfassess.check.findings import CheckResult

FORMAT_VERSION = 1


def render(result: CheckResult) -> str:
    document = {
        "version": FORMAT_VERSION,
        "checked": result.checked,
        "findings": [finding.as_json() for finding in result.findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
