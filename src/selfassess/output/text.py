"""Findings as lines a person reads: `path:line:col: SA103 error [2.5] message`."""

from __future__ import annotations

from selfassess.check.findings import Finding, Severity
from selfassess.check.runner import CheckResult


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def format_finding(finding: Finding) -> str:
    provision = f" [{finding.provision}]" if finding.provision else ""
    waived = f" (waived: {finding.waived})" if finding.waived is not None else ""
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} {finding.severity.value}"
        f"{provision} {finding.message}{waived}"
    )


def summary(result: CheckResult) -> str:
    files = _plural(len(result.checked), "file")
    counts = [
        _plural(result.count(severity), severity.value)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if result.count(severity)
    ]
    waived = sum(1 for finding in result.findings if finding.waived is not None)
    if waived:
        counts.append(f"{waived} waived")
    return f"Checked {files}: {', '.join(counts) if counts else 'no findings'}."


def render(result: CheckResult) -> str:
    lines = [format_finding(finding) for finding in result.findings]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
