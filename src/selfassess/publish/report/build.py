"""`report`: the board report of an assessment, as HTML (with an inline chart) or Word."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfassess.check.findings import Finding
from selfassess.load.codes import CodeLibrary
from selfassess.model.code import Code
from selfassess.model.versions import between
from selfassess.publish.gate import check_for_publication
from selfassess.publish.report.docx import render_report_docx
from selfassess.publish.report.pages import render_report_html
from selfassess.publish.report.view import report_view

REPORT_FORMATS = ("html", "docx")


@dataclass(frozen=True)
class Report:
    content: bytes | None  # None when an assessment cannot be read at all
    findings: list[Finding]
    previous_findings: list[Finding]


def report(
    path: Path,
    form: str,
    *,
    previous: Path | None = None,
    library: CodeLibrary | None = None,
    template_dir: Path | None = None,
) -> Report:
    """The board report of the assessment at `path` (and what changed since `previous`).

    It is written for the governing body before it approves, so nothing stops it: the checks'
    findings are part of what it reports. It is empty only when an assessment cannot be read.
    """
    library = library or CodeLibrary()
    checked = check_for_publication(path, library)
    findings = checked.findings
    before = None
    previous_findings: list[Finding] = []
    if previous is not None:
        old = check_for_publication(previous, library)
        previous_findings = old.findings
        if old.answered is None:
            return Report(None, findings, previous_findings)
        before = old.answered
    if checked.answered is None:
        return Report(None, findings, previous_findings)
    assessment, code = checked.answered
    link = None
    if before is not None:
        near = path.parent

        def find(code_id: str) -> Code | None:
            found = library.find(code_id, near)
            return found.code if found is not None else None

        link = between(code, before[1], find)  # last year's code may be two versions back
    view = report_view(assessment, code, findings, before, correspondence=link)
    if form == "docx":
        return Report(render_report_docx(view), findings, previous_findings)
    return Report(render_report_html(view, template_dir).encode("utf-8"), findings, previous_findings)
