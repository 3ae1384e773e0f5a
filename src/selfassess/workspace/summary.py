"""Findings as the workspace shows them: each with where it is in the file and a link to the part of
the editor where it is fixed, and a summary of them all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from selfassess.check.findings import Finding, Severity


@dataclass(frozen=True)
class FindingView:
    rule: str
    severity: str
    provision: str | None
    message: str
    line: int
    column: int
    waived: str | None
    part: str  # the part of the editor it is fixed in: 'details' or a section's number
    href: str

    @property
    def label(self) -> str:
        """'Error', 'Warning' or 'Set aside' (waived): said in words, never by colour alone."""
        return "Set aside" if self.waived is not None else self.severity.capitalize()


@dataclass(frozen=True)
class Summary:
    errors: int
    warnings: int
    waived: int
    findings: tuple[FindingView, ...]

    @property
    def said(self) -> str:
        """The findings in one sentence: '2 errors and 3 warnings.'"""
        if not self.errors and not self.warnings:
            return "No errors or warnings."
        parts = []
        if self.errors:
            parts.append(f"{self.errors} error{'s' if self.errors != 1 else ''}")
        if self.warnings:
            parts.append(f"{self.warnings} warning{'s' if self.warnings != 1 else ''}")
        return " and ".join(parts) + "."


def anchor_of(number: str) -> str:
    """The id of a provision's part of the page, and of the link to it: 'p-6.3'."""
    return f"p-{quote(number, safe='')}"


def finding_view(path: str, finding: Finding, part: str) -> FindingView:
    anchor = f"#{anchor_of(finding.provision)}" if finding.provision and part != "details" else ""
    return FindingView(
        rule=finding.rule,
        severity=finding.severity.value,
        provision=finding.provision,
        message=finding.message,
        line=finding.line,
        column=finding.column,
        waived=finding.waived,
        part=part,
        href=f"/edit/{quote(path)}?part={quote(part, safe='')}{anchor}",
    )


def summary_of(views: Sequence[FindingView]) -> Summary:
    counted = [view for view in views if view.waived is None]
    return Summary(
        errors=sum(view.severity == Severity.ERROR.value for view in counted),
        warnings=sum(view.severity == Severity.WARNING.value for view in counted),
        waived=len(views) - len(counted),
        findings=tuple(views),
    )
