"""`report`: the board report of an assessment, as HTML (with an inline chart) or Word."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfassess.check.complaints_log import log_for
from selfassess.check.findings import Finding
from selfassess.check.runner import CheckOptions
from selfassess.complaints.measures import NO_HOMES, Homes, measures, period_of
from selfassess.load.codes import CodeLibrary
from selfassess.model.code import Code
from selfassess.model.versions import between
from selfassess.publish.gate import Checked, check_for_publication
from selfassess.publish.report.complaints import ComplaintsView, complaints_view
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
    log: Path | None = None,
    homes: Homes = NO_HOMES,
) -> Report:
    """The board report of the assessment at `path` (and what changed since `previous`).

    It is written for the governing body before it approves, so nothing stops it: the checks'
    findings are part of what it reports. It is empty only when an assessment cannot be read.
    """
    library = library or CodeLibrary()
    options = CheckOptions(for_publication=True, log=log)
    checked = check_for_publication(path, library, options=options)
    # The log's own rows are for the complaints team ('selfassess complaints' lists them); the
    # report says how many could not be judged, in its complaints section.
    findings = [f for f in checked.findings if f.path == checked.loaded.document.shown_as]
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
    complaints = _complaints(checked, code, log, homes)
    view = report_view(assessment, code, findings, before, correspondence=link, complaints=complaints)
    if form == "docx":
        return Report(render_report_docx(view), findings, previous_findings)
    return Report(render_report_html(view, template_dir).encode("utf-8"), findings, previous_findings)


def _complaints(checked: Checked, code: Code, log: Path | None, homes: Homes) -> ComplaintsView | None:
    """The complaints section, from the log the checks read (judged once: the same object)."""
    document = checked.loaded.document
    assessment = document.assessment
    if assessment is None:
        return None
    judged, _ = log_for(document, code, log, checked.complaint_columns, None)
    period = period_of(assessment)
    if judged is None or not judged.readable or period is None:
        return None
    return complaints_view(measures(judged, period, homes, assessment.assessed_on.value))
