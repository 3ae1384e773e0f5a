"""Findings as GitHub Actions workflow commands, so they appear on the pull request's lines.

    ::error file=assessments/x.yaml,line=41,col=13,title=SA103 [2.5]::Answer 'YAC' is not one of …

The format is GitHub's own (docs.github.com, "Workflow commands"); values are escaped as it
specifies, so a message can hold any character. A waived finding is a notice, with its reason.
"""

from __future__ import annotations

from selfassess.check.findings import CheckResult, Finding, Severity

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    command = "notice" if finding.waived is not None else _COMMAND[finding.severity]
    title = finding.rule + (f" [{finding.provision}]" if finding.provision else "")
    message = finding.message + (f" (waived: {finding.waived})" if finding.waived is not None else "")
    return (
        f"::{command} file={_property(finding.path)},line={finding.line},col={finding.column},"
        f"title={_property(title)}::{_data(message)}"
    )


def render(result: CheckResult) -> str:
    lines = [annotation(finding) for finding in result.findings]
    return "".join(line + "\n" for line in lines)
