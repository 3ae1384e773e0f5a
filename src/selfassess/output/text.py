"""Findings as lines a person reads: `path:line:col: SA103 error [2.5] message`."""

from __future__ import annotations

from selfassess.check.findings import CheckResult, Finding, Severity
from selfassess.text.terminal import visible as _shown


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# ANSI styles, used only when the command line says the output is a terminal that wants colour.
_STYLE = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def format_finding(finding: Finding, colour: bool = False) -> str:
    provision = f" [{_shown(finding.provision)}]" if finding.provision else ""
    waived = f" (waived: {_shown(finding.waived)})" if finding.waived is not None else ""
    severity = finding.severity.value
    if colour:
        style = _DIM if finding.waived is not None else _STYLE[finding.severity]
        where = f"{_BOLD}{_shown(finding.path)}:{finding.line}:{finding.column}:{_RESET}"
        return (
            f"{where} {_BOLD}{finding.rule}{_RESET} "
            f"{style}{severity}{_RESET}{provision} {_shown(finding.message)}{waived}"
        )
    where = f"{_shown(finding.path)}:{finding.line}:{finding.column}:"
    return f"{where} {finding.rule} {severity}{provision} {_shown(finding.message)}{waived}"


def summary(result: CheckResult) -> str:
    files = _plural(len(result.checked), "file")
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    counts = [
        _plural(result.count(severity), words[severity])
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if result.count(severity)
    ]
    waived = sum(1 for finding in result.findings if finding.waived is not None)
    if waived:
        counts.append(f"{waived} waived")
    return f"Checked {files}: {', '.join(counts) if counts else 'no findings'}."


def gaps(result: CheckResult) -> list[str]:
    """A line above the list for each file with provisions still to answer ("blank.yaml: 72
    provisions still to answer."), so that a form just started reads as that, not as 72 errors."""
    counts: dict[str, int] = {}
    units: dict[str, str] = {}
    for finding in result.findings:
        if finding.rule == "SA101" and finding.waived is None:
            counts[finding.path] = counts.get(finding.path, 0) + 1
            # SA101 names what is answered: "Section 6 has no answer" in a form answered a section at a time
            units[finding.path] = "sections" if finding.message.startswith("Section ") else "provisions"
    return [
        f"{_shown(path)}: {count} {units[path]} still to answer."
        for path, count in counts.items()
        if count > 1
    ]


def render(result: CheckResult, colour: bool = False) -> str:
    lines = [*gaps(result), *(format_finding(finding, colour) for finding in result.findings)]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
