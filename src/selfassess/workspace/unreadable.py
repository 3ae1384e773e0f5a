"""A file the page cannot edit (it does not load: SA001, or it is not an assessment): its findings,
each with the lines of the file around it, so the person knows where to fix it in a text editor."""

from __future__ import annotations

from dataclasses import dataclass

from selfassess.workspace.opened import Opened

_AROUND = 2  # lines shown before and after the one a finding is on


@dataclass(frozen=True)
class ExcerptLine:
    number: int
    text: str
    marked: bool  # the line the finding is on


@dataclass(frozen=True)
class UnreadableFinding:
    rule: str
    severity: str
    message: str
    line: int
    column: int
    excerpt: tuple[ExcerptLine, ...]


@dataclass(frozen=True)
class UnreadableView:
    relative: str
    why: str
    findings: tuple[UnreadableFinding, ...]


def _why(file: Opened) -> str:
    if file.is_code:
        return "This file is a code, not an assessment; the workspace shows codes to start assessments from."
    if file.text is None:
        return "This file is not saved as UTF-8, so the page cannot change it."
    if file.checked.loaded.document.kind == "assessment" and file.code is None:
        return "The code this assessment answers cannot be found or read, so its provisions cannot be shown."
    return "This file cannot be read as an assessment, so the page shows it read-only."


def unreadable_view(file: Opened) -> UnreadableView:
    lines = (file.text or "").splitlines()
    findings = []
    for finding in file.checked.findings:
        if finding.rule != "SA001" and file.checked.loaded.document.assessment is not None:
            continue  # the ones that stop the page are what is shown first; `check` lists the rest
        at = min(finding.line, len(lines))  # a quote never closed is reported past the last line
        first = max(1, at - _AROUND)
        last = min(len(lines), at + _AROUND)
        excerpt = tuple(
            ExcerptLine(number, lines[number - 1], number == at) for number in range(first, last + 1)
        )
        findings.append(
            UnreadableFinding(
                finding.rule, finding.severity.value, finding.message, finding.line, finding.column, excerpt
            )
        )
    return UnreadableView(file.relative, _why(file), tuple(findings))
