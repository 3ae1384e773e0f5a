"""The parts of an assessment in the editor (its details, then each section of the code) with how far
each has got and what the checks find in it; and what a live check changes on the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from selfassess.check.findings import Finding, Severity
from selfassess.load.positions import Positions
from selfassess.model.code import Code
from selfassess.workspace.form_fields import value_at
from selfassess.workspace.summary import FindingView, Summary, anchor_of, finding_view, summary_of

DETAILS = "details"


@dataclass(frozen=True)
class PartLink:
    key: str
    title: str
    href: str
    current: bool
    errors: int
    warnings: int
    answered: int
    total: int


def details_title(code: Code) -> str:
    return "Details" if code.is_tracker else "Details and evidence register"


def section_of(code: Code) -> dict[str, str]:
    return {provision.number: section.number for section in code.sections for provision in section.provisions}


class Placement:
    """Which part of the editor a finding is fixed in: its provision's section, unless it points
    into the file's details (a time limit under `policy`, an entry of the evidence register), which
    are fixed on the details page whatever provision they concern."""

    def __init__(self, code: Code, data: Any, positions: Positions | None) -> None:
        self._sections = section_of(code)
        self._tops: list[tuple[int, str]] = []
        if positions is not None and isinstance(data, dict):
            self._tops = sorted((positions.key((key,)).line, str(key)) for key in data)

    def part(self, finding: Finding) -> str:
        top = None
        for line, key in self._tops:
            if line > finding.line:
                break
            top = key
        if top is not None and top != "responses":
            return DETAILS
        return self._sections.get(finding.provision or "", DETAILS)


def _answered(data: Any, number: str) -> bool:
    answer = value_at(data, ("responses", number, "answer"))
    return isinstance(answer, str) and bool(answer.strip())


def parts_of(
    path: str, code: Code, data: Any, findings: list[Finding], current: str, placement: Placement
) -> tuple[PartLink, ...]:
    counts: dict[str, list[int]] = {}  # part: [errors, warnings]
    for finding in findings:
        if finding.waived is None and finding.severity is not Severity.INFO:
            tally = counts.setdefault(placement.part(finding), [0, 0])
            tally[0 if finding.severity is Severity.ERROR else 1] += 1
    href = f"/edit/{quote(path)}?part="
    errors, warnings = counts.get(DETAILS, [0, 0])
    links = [
        PartLink(
            DETAILS,
            "Details and evidence register",
            href + DETAILS,
            current == DETAILS,
            errors,
            warnings,
            0,
            0,
        )
    ]
    for section in code.sections:
        numbers = [provision.number for provision in section.provisions]
        errors, warnings = counts.get(section.number, [0, 0])
        links.append(
            PartLink(
                section.number,
                f"{section.number}. {section.title}",
                href + quote(section.number, safe=""),
                current == section.number,
                errors,
                warnings,
                sum(_answered(data, number) for number in numbers),
                len(numbers),
            )
        )
    return tuple(links)


@dataclass(frozen=True)
class ProvisionFindings:
    anchor: str
    shown_number: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class FindingsView:
    """What a live check changes on the editor page: the counts by part, the summary, and the
    findings beside each provision of the part shown (or beside the details)."""

    parts: tuple[PartLink, ...]
    summary: Summary
    details_findings: tuple[FindingView, ...] | None
    provisions: tuple[ProvisionFindings, ...]


def findings_view(
    path: str, code: Code, data: Any, findings: list[Finding], part: str, positions: Positions | None
) -> FindingsView:
    placement = Placement(code, data, positions)
    views = [finding_view(path, finding, placement.part(finding)) for finding in findings]
    sections = {section.number: section for section in code.sections}
    provisions: tuple[ProvisionFindings, ...] = ()
    details = None
    if part in sections:
        by_number: dict[str, list[FindingView]] = {}
        for view in views:
            by_number.setdefault(view.provision or "", []).append(view)
        provisions = tuple(
            ProvisionFindings(anchor_of(p.number), p.shown_number, tuple(by_number.get(p.number, [])))
            for p in sections[part].provisions
        )
    else:
        part = DETAILS
        details = tuple(view for view in views if view.part == DETAILS)
    return FindingsView(
        parts_of(path, code, data, findings, part, placement), summary_of(views), details, provisions
    )
